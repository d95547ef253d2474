"""The conversation's vocabulary, known to every channel and tied to none: what a
person sends (text, a file, a tap on an action), what the bot answers (text with
actions, a document), what a channel can do, and the port a channel implements.

Modelled on Rasa's input/output channels and opsdroid's events: the conversation
never sees a chat library; an adapter translates both ways."""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, kw_only=True)
class Capabilities:
    """What a channel can carry; the conversation degrades by itself where it cannot."""

    buttons: bool  # tappable actions under a message
    reply_to: bool  # a message says which bot message it answers
    edit: bool  # the bot can take the actions off a message it sent
    documents_in: bool  # people can send files
    documents_out: bool  # the bot can send files
    text_limit: int  # characters in one message
    max_per_second: float | None = None  # overall sending rate the channel allows (the dispatcher paces itself)


# ---------------------------------------------------------------- what people send

@dataclass(frozen=True, kw_only=True)
class Inbound:
    channel: str
    chat_id: str  # the person's chat on that channel
    user_name: str  # as the channel shows it (for a bootstrap admin's name)
    sent_at: dt.datetime  # when the person sent it (the channel's own date)
    message_id: str | None = None


@dataclass(frozen=True, kw_only=True)
class TextIn(Inbound):
    text: str
    reply_to: str | None = None  # the bot message this answers, where the channel says so


@dataclass(frozen=True, kw_only=True)
class FileIn(Inbound):
    filename: str
    size: int | None
    is_photo: bool = False
    fetch: Callable[[], Awaitable[bytes]]  # downloads the content (after the size check)


@dataclass(frozen=True, kw_only=True)
class TapIn(Inbound):
    data: str  # the action's data
    on_message: str  # the bot message that carried the action
    tap_id: str = ""  # the channel's id for answering the tap


@dataclass(frozen=True, kw_only=True)
class UnsupportedIn(Inbound):
    """Something the channel delivers but cannot give us (a file on Zalo, a sticker…)."""

    what: str


# ---------------------------------------------------------------- what the bot says

@dataclass(frozen=True, kw_only=True)
class Action:
    label: str  # the button's label
    typed: str  # what to type instead where there are no buttons ("2.1 xong", "xác nhận")
    data: str | None = None  # what a tap sends back (≤ 64 bytes: Telegram's limit); None: typed form only


@dataclass(frozen=True, kw_only=True)
class Document:
    data: bytes
    filename: str
    caption: str = ""


@dataclass(frozen=True, kw_only=True)
class Outgoing:
    text: str
    actions: tuple[tuple[Action, ...], ...] = ()  # rows of actions
    document: Document | None = None
    picture: Document | None = None  # an image (a chart) shown inline, sent after the text
    reply_to: str | None = None  # quote this message of the person's, where the channel can

    @property
    def all_actions(self) -> list[Action]:
        return [a for row in self.actions for a in row]


# ---------------------------------------------------------------- the port a channel implements

@dataclass(frozen=True, kw_only=True)
class Part:
    """One message as a channel sends it: text within its limit, actions only where it has buttons."""

    text: str
    actions: tuple[tuple[Action, ...], ...] = ()
    reply_to: str | None = None


class Channel(Protocol):
    """What an adapter implements. Sends raise scheduler.dispatcher's SendError tree."""

    name: str
    capabilities: Capabilities

    async def send_part(self, chat_id: str, part: Part) -> str:
        """Deliver one message; return the channel's id for it."""
        ...

    async def send_document(self, chat_id: str, document: Document) -> str:
        ...

    async def send_picture(self, chat_id: str, document: Document) -> str:
        """An image shown inline (a PNG chart); return the channel's id for the message."""
        ...

    async def clear_actions(self, chat_id: str, message_id: str) -> None:
        """Take the actions off a message (no-op where messages cannot be edited)."""
        ...

    async def edit_text(self, chat_id: str, message_id: str, text: str) -> None:
        """Replace a message's text and take its actions off (only where `capabilities.edit`)."""
        ...

    async def answer_tap(self, tap: TapIn, text: str | None = None, *, alert: bool = False) -> None:
        """Acknowledge a tap (Telegram's answerCallbackQuery); no-op where there are no taps."""
        ...

    def invite_link(self, code: str) -> str:
        """How a person redeems an invite code on this channel (a deep link, or what to type)."""
        ...


@dataclass(frozen=True, kw_only=True)
class SentMessage:
    channel: str
    chat_id: str
    message_ids: list[str] = field(default_factory=list)
    held: bool = False  # kept for the next working morning (no message id yet: the tick records what it needs)

    @property
    def last_id(self) -> str | None:
        return self.message_ids[-1] if self.message_ids else None
