"""Telegram: inline keyboards, sending with flood-control handling, and the
reminder Sender the dispatcher uses. Telegram's errors are translated here into
the dispatcher's small error tree."""

from __future__ import annotations

import datetime as dt
import logging
import os

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from bot import texts
from scheduler.clock import Clock
from scheduler.dispatcher import RateLimited, ReminderView, TransientSendError, Unreachable
from storage.models import ReminderKind

log = logging.getLogger(__name__)

# Opt in to PTB's timedelta time periods now (the default in its next major version);
# without it every RetryAfter PTB builds emits a deprecation warning.
os.environ.setdefault("PTB_TIMEDELTA", "true")

MAX_RETRIES = 3


def retry_seconds(exc: RetryAfter) -> float:
    value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


def status_keyboard(task_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(texts.BUTTON_DONE, callback_data=f"t:{task_id}:done"),
        InlineKeyboardButton(texts.BUTTON_PROGRESS, callback_data=f"t:{task_id}:prog"),
        InlineKeyboardButton(texts.BUTTON_BLOCKED, callback_data=f"t:{task_id}:block"),
    ]])


def extension_keyboard(report_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(texts.BUTTON_APPROVE, callback_data=f"x:{report_id}:ok"),
        InlineKeyboardButton(texts.BUTTON_REJECT, callback_data=f"x:{report_id}:no"),
    ]])


def confirm_keyboard(notice_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[
        InlineKeyboardButton(texts.BUTTON_CONFIRM, callback_data=f"n:{notice_id}:ok"),
        InlineKeyboardButton(texts.BUTTON_CANCEL, callback_data=f"n:{notice_id}:no"),
    ]])


async def send_text(bot: Bot, clock: Clock, chat_id: int, text: str, *,
                    reply_markup: InlineKeyboardMarkup | None = None,
                    reply_to: int | None = None) -> list[Message]:
    """Send `text` (split to fit 4096 characters; the keyboard goes on the last part),
    waiting out flood control a few times before giving up. Returns every part sent."""
    parts = texts.split_message(text)
    sent: list[Message] = []
    message: Message | None = None
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        for attempt in range(MAX_RETRIES + 1):
            try:
                message = await bot.send_message(
                    chat_id=chat_id, text=part, reply_markup=reply_markup if last else None,
                    reply_to_message_id=reply_to if i == 0 else None)
                break
            except RetryAfter as exc:
                if attempt == MAX_RETRIES:
                    raise
                wait = retry_seconds(exc)
                log.info("flood control on chat %s: waiting %.0fs", chat_id, wait)
                await clock.sleep(wait)
        assert message is not None
        sent.append(message)
    return sent


class TelegramSender:
    """Delivers reminders for the dispatcher."""

    channel = "telegram"

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_reminder(self, chat_id: str, view: ReminderView) -> str:
        markup = None if view.kind == ReminderKind.ESCALATION else status_keyboard(view.task_id)
        try:
            message = await self.bot.send_message(chat_id=int(chat_id), text=texts.split_message(
                texts.reminder_text(view))[0], reply_markup=markup)
        except RetryAfter as exc:
            raise RateLimited(retry_seconds(exc)) from exc
        except Forbidden as exc:
            raise Unreachable(str(exc)) from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise Unreachable(str(exc)) from exc
            raise TransientSendError(str(exc)) from exc
        except NetworkError as exc:
            raise TransientSendError(str(exc)) from exc
        return str(message.message_id)
