"""The edge where errors become words: domain errors get their own Vietnamese
message, anything else an apology; both get a log line. Also the fallbacks for
unknown commands, stale buttons and messages the bot cannot read."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot import texts
from bot.handlers.common import answer
from storage.errors import NhacViecError

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    error = context.error
    if isinstance(error, NhacViecError):
        log.info("refused: %s (%s)", error.reason, type(error).__name__)
        text = error.user_message
    else:
        log.error("unhandled error while handling an update", exc_info=error)
        text = texts.GENERIC_ERROR
    if isinstance(update, Update) and update.effective_chat is not None:
        if update.callback_query is not None:
            try:
                await update.callback_query.answer()
            except Exception:  # already answered, or too old: the message below still explains
                pass
        try:
            await answer(update, context, text)
        except Exception:
            log.exception("could not tell the user about the error")


async def unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, context, texts.UNKNOWN_COMMAND)


async def stale_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.callback_query is not None
    log.info("unknown callback data %r", update.callback_query.data)
    await update.callback_query.answer("Nút này không còn hiệu lực.", show_alert=True)


async def unreadable(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await answer(update, context, texts.EMPTY_MESSAGE)


def register(app: Application) -> None:  # type: ignore[type-arg]
    """Register last: these catch what no feature handler took."""
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(CallbackQueryHandler(stale_button))
    app.add_handler(MessageHandler(filters.ALL, unreadable))
    app.add_error_handler(on_error)
