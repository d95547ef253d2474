"""The Telegram adapter: python-telegram-bot updates become conversation events,
conversation messages become Telegram messages (actions as inline keyboards), and
Telegram's errors become the dispatcher's small error tree. The only module, with
bot/app.py, that knows python-telegram-bot."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
from collections.abc import Awaitable
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError, TimedOut
from telegram.ext import Application, BaseUpdateProcessor, ContextTypes, TypeHandler

from bot.conversation.core import Conversation
from bot.conversation.events import Action, Capabilities, Document, FileIn, Inbound, Part, TapIn, TextIn, UnsupportedIn
from scheduler.dispatcher import (
    OutcomeUnknown,
    PermanentSendError,
    RateLimited,
    SendError,
    TransientSendError,
    Unreachable,
)

log = logging.getLogger(__name__)

# Opt in to PTB's timedelta time periods now (the default in its next major version);
# without it every RetryAfter PTB builds emits a deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "true")

KEY = "nhacviec"
TELEGRAM_CAPABILITIES = Capabilities(buttons=True, reply_to=True, edit=True, documents_in=True, documents_out=True,
                                     text_limit=4096, max_per_second=30.0)  # Telegram's broadcast limit


def retry_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


# BadRequest descriptions that mean an edit had nothing left to do: the keyboard is already gone
# ("message is not modified") or so is the message.
ALREADY_CLEARED = ("message is not modified", "message to edit not found")


def translate_error(exc: TelegramError) -> SendError:
    """Telegram's error → the dispatcher's: pause, give up on the person, or try again later.
    Every 403 means the person cannot be reached: "bot was blocked by the user", "user is deactivated"
    (a deleted account), "bot can't initiate conversation with a user"."""
    if isinstance(exc, RetryAfter):
        return RateLimited(retry_seconds(exc))
    if isinstance(exc, Forbidden):
        return Unreachable(str(exc))
    if isinstance(exc, BadRequest):
        if "chat not found" in exc.message.lower():
            return Unreachable(str(exc))
        return PermanentSendError(str(exc))  # the same request would be refused again
    if isinstance(exc, TimedOut) and "pool" not in exc.message.lower():
        return OutcomeUnknown(str(exc))  # the request may have reached Telegram
    return TransientSendError(str(exc))


def keyboard(rows: tuple[tuple[Action, ...], ...]) -> InlineKeyboardMarkup | None:
    buttons = [[InlineKeyboardButton(a.label, callback_data=a.data) for a in row if a.data] for row in rows]
    buttons = [row for row in buttons if row]
    return InlineKeyboardMarkup(buttons) if buttons else None


class TelegramChannel:
    name = "telegram"
    capabilities = TELEGRAM_CAPABILITIES

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def _sent_id(self, request: Awaitable[Message]) -> str:
        """The id of the message a Bot API call sent; Telegram's errors become the dispatcher's."""
        try:
            return str((await request).message_id)
        except TelegramError as exc:
            raise translate_error(exc) from exc

    async def send_part(self, chat_id: str, part: Part) -> str:
        quote = int(part.reply_to) if part.reply_to else None
        return await self._sent_id(self.bot.send_message(chat_id=int(chat_id), text=part.text,
                                                         reply_markup=keyboard(part.actions),
                                                         reply_to_message_id=quote))

    async def send_document(self, chat_id: str, document: Document) -> str:
        return await self._sent_id(self.bot.send_document(int(chat_id), document=document.data,
                                                          filename=document.filename,
                                                          caption=document.caption or None))

    async def send_picture(self, chat_id: str, document: Document) -> str:
        return await self._sent_id(self.bot.send_photo(int(chat_id), photo=document.data, filename=document.filename,
                                                       caption=document.caption or None))

    async def clear_actions(self, chat_id: str, message_id: str) -> None:
        try:
            await self.bot.edit_message_reply_markup(chat_id=int(chat_id), message_id=int(message_id),
                                                     reply_markup=None)
        except BadRequest as exc:
            if any(reason in exc.message.lower() for reason in ALREADY_CLEARED):
                log.debug("actions on %s/%s already gone: %s", chat_id, message_id, exc.message)
                return
            raise translate_error(exc) from exc
        except TelegramError as exc:
            raise translate_error(exc) from exc

    async def edit_text(self, chat_id: str, message_id: str, text: str) -> None:
        try:
            await self.bot.edit_message_text(text, chat_id=int(chat_id), message_id=int(message_id),
                                             reply_markup=None)
        except BadRequest as exc:
            if "message is not modified" in exc.message.lower():
                return
            raise translate_error(exc) from exc
        except TelegramError as exc:
            raise translate_error(exc) from exc

    async def answer_tap(self, tap: TapIn, text: str | None = None, *, alert: bool = False) -> None:
        try:
            await self.bot.answer_callback_query(tap.tap_id, text=text, show_alert=alert and bool(text))
        except TelegramError as exc:
            raise translate_error(exc) from exc

    def invite_link(self, code: str) -> str:
        return f"https://t.me/{self.bot.username}?start={code}"


def to_event(update: Update) -> Inbound | None:
    """The conversation's view of a Telegram update; None for what the bot ignores (groups, edits…)."""
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return None  # the bot works in private chats only
    user = update.effective_user
    name = user.full_name if user else ""
    if update.callback_query is not None:
        query = update.callback_query
        message = query.message
        return TapIn(channel="telegram", chat_id=str(chat.id), user_name=name,
                     sent_at=message.date if isinstance(message, Message) else dt.datetime.now(dt.UTC),
                     data=query.data or "", on_message=str(message.message_id) if message else "", tap_id=query.id)
    message = update.message
    if message is None:
        return None
    common: dict[str, Any] = {"channel": "telegram", "chat_id": str(chat.id), "user_name": name,
                              "sent_at": message.date, "message_id": str(message.message_id)}
    if message.document is not None:
        document = message.document

        async def fetch_document() -> bytes:
            return bytes(await (await document.get_file()).download_as_bytearray())

        return FileIn(**common, filename=document.file_name or "", size=document.file_size, fetch=fetch_document)
    if message.photo:
        photo = message.photo[-1]  # the largest size Telegram offers

        async def fetch_photo() -> bytes:
            return bytes(await (await photo.get_file()).download_as_bytearray())

        return FileIn(**common, filename="anh-chup.jpg", size=photo.file_size, is_photo=True, fetch=fetch_photo)
    if message.text is not None:
        reply = message.reply_to_message
        return TextIn(**common, text=message.text, reply_to=str(reply.message_id) if reply else None)
    return UnsupportedIn(**common, what="message")


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Updates of different chats are handled concurrently (a scan being read for one admin never delays
    another person's answer); the updates of one chat keep their order."""

    def __init__(self, max_concurrent_updates: int = 16) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        try:
            async with lock:
                await coroutine
        finally:
            if not lock.locked() and self._locks.get(chat.id) is lock:
                del self._locks[chat.id]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def conversation_of(app: Application) -> Conversation:  # type: ignore[type-arg]
    return app.bot_data[KEY]  # type: ignore[no-any-return]


async def on_update(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    event = to_event(update)
    if event is not None:
        await conversation_of(context.application).handle(event)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("error outside the conversation while handling an update", exc_info=context.error)


def install(app: Application, conversation: Conversation) -> TelegramChannel:  # type: ignore[type-arg]
    """Put the conversation behind this application: one handler for every update."""
    channel = TelegramChannel(app.bot)
    conversation.add_channel(channel)
    app.bot_data[KEY] = conversation
    app.add_handler(TypeHandler(Update, on_update))
    app.add_error_handler(on_error)
    return channel
