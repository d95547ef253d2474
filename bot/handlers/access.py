"""The access gate: runs before every other handler. Admin ids from the settings
become admins on first contact; an unbound chat may only use /start."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, ApplicationHandlerStop, ContextTypes, TypeHandler

from bot import texts
from bot.context import app_context
from bot.handlers.common import answer
from storage.directory import ensure_bootstrap_admin, person_by_chat

log = logging.getLogger(__name__)


async def gate(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        raise ApplicationHandlerStop  # the bot works in private chats only
    ctx = app_context(context)
    if chat.id in ctx.settings.admin_ids:
        user = update.effective_user
        name = user.full_name if user else ""
        await ctx.db.run(ensure_bootstrap_admin, chat_id=chat.id, name=name, now=ctx.clock.now())
        return
    message = update.effective_message
    if message is not None and message.text and message.text.startswith("/start") and not update.callback_query:
        return
    if await ctx.db.run(person_by_chat, chat.id) is None:
        log.info("update from unbound chat %s refused", chat.id)
        if update.callback_query:
            await update.callback_query.answer(texts.NOT_ENROLLED[:200], show_alert=True)
        else:
            await answer(update, context, texts.NOT_ENROLLED)
        raise ApplicationHandlerStop


def register(app: Application) -> None:  # type: ignore[type-arg]
    app.add_handler(TypeHandler(Update, gate), group=-1)
