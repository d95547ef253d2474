"""/tonghop: per unit, done on time, done late, in progress, overdue."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot import texts
from bot.context import app_context
from bot.handlers.common import answer, speaker
from bot.report_files import summary_workbook
from storage.errors import NotAllowed
from storage.models import Role
from storage.reports import task_rows, unit_summary


async def summary(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    person = await speaker(update, context)
    if person.role not in (Role.ADMIN, Role.LEADER):
        raise NotAllowed(person.handle, "see the summary")
    today = ctx.today()
    rows = await ctx.db.run(unit_summary, today=today, tz=ctx.policy.calendar.tz)
    await answer(update, context, texts.summary_text(rows, today))
    if rows:
        tasks = await ctx.db.run(task_rows, today=today, tz=ctx.policy.calendar.tz)
        data = await asyncio.to_thread(summary_workbook, rows, tasks, today)
        assert update.effective_chat is not None
        await context.bot.send_document(update.effective_chat.id, document=data,
                                        filename=f"tong-hop-nhiem-vu-{today:%Y-%m-%d}.xlsx",
                                        caption=texts.REPORT_FILE_CAPTION)


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("tonghop", summary))
