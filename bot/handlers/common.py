"""Small helpers shared by the handlers: who is speaking, and replying."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.channels.telegram import send_text
from bot.context import app_context
from storage.directory import require_person
from storage.models import Person


async def speaker(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Person:
    """The enrolled person behind this update (the access gate has let it through)."""
    assert update.effective_chat is not None
    return await app_context(context).db.run(require_person, update.effective_chat.id)


async def answer_parts(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, *,
                       reply_markup: InlineKeyboardMarkup | None = None, quote: bool = False) -> list[Message]:
    """Reply in the update's chat; a long text goes out in several parts (the keyboard on the last)."""
    assert update.effective_chat is not None
    reply_to = update.effective_message.message_id if quote and update.effective_message else None
    return await send_text(context.bot, app_context(context).clock, update.effective_chat.id, text,
                           reply_markup=reply_markup, reply_to=reply_to)


async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, *,
                 reply_markup: InlineKeyboardMarkup | None = None, quote: bool = False) -> Message:
    return (await answer_parts(update, context, text, reply_markup=reply_markup, quote=quote))[-1]
