"""/tonghop: per unit, done on time, done late, in progress, overdue."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot import texts
from bot.context import app_context
from bot.handlers.common import answer, speaker
from storage.errors import NotAllowed
from storage.models import Role
from storage.reports import unit_summary


async def summary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    person = await speaker(update, context)
    if person.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(person.handle, "see the summary")
    rows = await ctx.db.run(unit_summary, today=ctx.today(), tz=ctx.policy.calendar.tz)
    await answer(update, context, texts.summary_text(rows, ctx.today()))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("tonghop", summary))
