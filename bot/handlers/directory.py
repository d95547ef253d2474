"""Enrollment: /start with an invite code binds a chat to a person; /moi makes invites."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, ContextTypes

from bot import texts
from bot.context import app_context
from bot.handlers.common import answer, speaker
from storage.directory import create_invite, person_by_chat, person_by_handle, redeem_invite
from storage.errors import NotAllowed
from storage.models import Person


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    person: Person | None
    if context.args:
        person = await ctx.db.run(redeem_invite, code=context.args[0], chat_id=chat_id, now=ctx.clock.now())
    else:
        person = await ctx.db.run(person_by_chat, chat_id)
        if person is None:
            await answer(update, context, texts.NOT_ENROLLED)
            return
    await answer(update, context, texts.welcome(person.full_name, person.is_admin))


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    person = await speaker(update, context)
    await answer(update, context, texts.help_text(person.is_admin))


async def invite(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    ctx = app_context(context)
    person = await speaker(update, context)
    if not person.is_admin:
        raise NotAllowed(person.handle, "create invites")
    if not context.args:
        await answer(update, context, texts.invite_usage())
        return
    handle = context.args[0]
    code = await ctx.db.run(create_invite, handle=handle, by=person, now=ctx.clock.now())
    link = f"https://t.me/{context.bot.username}?start={code}"
    invited = await ctx.db.run(person_by_handle, handle)
    await answer(update, context, texts.invite_text(invited.full_name, invited.handle, link))


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CommandHandler(["huongdan", "help"], help_command))
    app.add_handler(CommandHandler("moi", invite))
