"""The Zalo adapter: Zalo Bot API updates become conversation events, and
conversation messages go out as plain text. Zalo has no buttons, no reply-to, no
editing and no files: the capabilities say so, and the conversation shows the
typed forms instead ("Đồng chí trả lời bằng cách gõ: «2.1 xong» · …").

Files: Zalo sends a photo only by URL and no documents. In webhook mode (`links`: a
public https address) a report's chart is published at an expiring link
(bot.file_links) and sent with sendPhoto, and its Excel workbook goes as a text line
with the download link; the capabilities then say documents_out. Without a public
address (long polling, the local chat) the conversation sends no files, as before.

Long polling (`ZaloPoller`) or a webhook (`webhook_app`, the secret checked in
constant time) feed the same `handle_update`."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import datetime as dt
import hashlib
import logging
import unicodedata
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.channels.zalo_api import (
    EVENT_IMAGE,
    EVENT_STICKER,
    EVENT_TEXT,
    SECRET_HEADER,
    ZaloBotApi,
    ZaloError,
    ZaloForbidden,
    ZaloRetryAfter,
    ZaloUnauthorized,
    ZaloUpdate,
    check_webhook_secret,
    parse_webhook_body,
)
from bot.conversation.core import Conversation
from bot.conversation.events import Capabilities, Document, Inbound, Part, TapIn, TextIn, UnsupportedIn
from bot.file_links import FileLink, FileLinks
from scheduler.clock import Clock
from scheduler.dispatcher import PermanentSendError, RateLimited, SendError, TransientSendError, Unreachable

log = logging.getLogger(__name__)

ZALO_CAPABILITIES = Capabilities(buttons=False, reply_to=False, edit=False, documents_in=False,
                                 documents_out=False, text_limit=2000,
                                 max_per_second=10.0)  # undocumented: paced conservatively
# in webhook mode: the chart by sendPhoto(URL), the workbook as a download link
ZALO_LINKED_CAPABILITIES = dataclasses.replace(ZALO_CAPABILITIES, documents_out=True)
DEFAULT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
REUSE_KEPT = 32  # links remembered for a send tried again (reused in the first half of their life)
POLL_SECONDS = 30
BACKOFF_SECONDS = (1, 2, 5, 10, 30, 60)  # after consecutive polling errors


def translate_error(exc: ZaloError) -> SendError:
    if isinstance(exc, ZaloRetryAfter):
        return RateLimited(exc.retry_after)
    if isinstance(exc, ZaloForbidden):
        return Unreachable(str(exc))
    return TransientSendError(str(exc))


def link_line(document: Document, link: FileLink, tz: dt.tzinfo) -> str:
    """"Tải bảng Excel: <link> (liên kết dùng được đến 09:15 ngày 05/12/2026)."; the line under the file's caption."""
    name = document.filename.lower()
    what = "Tải bảng Excel" if name.endswith((".xlsx", ".xls")) else "Xem biểu đồ" if name.endswith(".png") \
        else f"Tải tệp {document.filename}"
    until = link.expires_at.astimezone(tz)
    return unicodedata.normalize("NFC", f"{what}: {link.url} (liên kết dùng được đến {until:%H:%M} ngày "
                                        f"{until:%d/%m/%Y}).")


class ZaloChannel:
    name = "zalo"
    capabilities = ZALO_CAPABILITIES

    def __init__(self, api: ZaloBotApi, links: FileLinks | None = None, tz: dt.tzinfo = DEFAULT_TZ) -> None:
        """`links`: where files are published (webhook mode); None: no files on Zalo."""
        self.api, self.links, self.tz = api, links, tz
        self.capabilities = ZALO_LINKED_CAPABILITIES if links is not None else ZALO_CAPABILITIES
        # the last links published, by chat and content: a send tried again (a 5xx) reuses its link, not a new row
        self._published: collections.OrderedDict[tuple[str, str, str], FileLink] = collections.OrderedDict()

    async def send_part(self, chat_id: str, part: Part) -> str:
        try:
            return (await self.api.send_message(chat_id, part.text)).message_id
        except ZaloError as exc:
            raise translate_error(exc) from exc

    async def _publish(self, chat_id: str, document: Document) -> FileLink:
        if self.links is None:  # documents_out=False: the conversation never asks
            raise PermanentSendError("Zalo sends files only by link, and no public address is set")
        key = (chat_id, document.filename, hashlib.sha256(document.data).hexdigest())
        link = self._published.get(key)
        if link is None or link.expires_at - self.links.clock.now() < self.links.lifetime / 2:
            link = await self.links.publish(document.filename, document.data)
        self._published[key] = link
        self._published.move_to_end(key)
        while len(self._published) > REUSE_KEPT:
            self._published.popitem(last=False)
        return link

    async def send_document(self, chat_id: str, document: Document) -> str:
        """Zalo sends no documents: the file's caption and, under it, its download link, as text."""
        line = link_line(document, await self._publish(chat_id, document), self.tz)
        limit = self.capabilities.text_limit
        caption = unicodedata.normalize("NFC", document.caption)
        try:
            if caption and len(caption) + 1 + len(line) > limit:  # a long caption: its own message, then the link
                await self.api.send_message(chat_id, caption[:limit])
                caption = ""
            return (await self.api.send_message(chat_id, f"{caption}\n{line}" if caption else line)).message_id
        except ZaloError as exc:
            raise translate_error(exc) from exc

    async def send_picture(self, chat_id: str, document: Document) -> str:
        """An image (a chart): published at an expiring link, sent with sendPhoto(photo=URL)."""
        link = await self._publish(chat_id, document)
        caption = document.caption[:self.capabilities.text_limit] or None
        try:
            return (await self.api.send_photo(chat_id, link.url, caption=caption)).message_id
        except ZaloError as exc:
            raise translate_error(exc) from exc

    async def clear_actions(self, chat_id: str, message_id: str) -> None:
        return None  # nothing to clear: actions are typed forms in the text

    async def edit_text(self, chat_id: str, message_id: str, text: str) -> None:
        raise PermanentSendError("Zalo cannot edit a message")  # edit=False: never asked

    async def answer_tap(self, tap: TapIn, text: str | None = None, *, alert: bool = False) -> None:
        return None  # no taps on Zalo

    def invite_link(self, code: str) -> str:
        return f"mở Zalo, nhắn cho tài khoản Nhắc việc: /start {code}"


def to_event(update: ZaloUpdate) -> Inbound | None:
    """The conversation's view of a Zalo update; None for what the bot ignores (groups, bots)."""
    if update.chat_type.upper() != "PRIVATE" or update.sender_is_bot:
        return None
    common = {"channel": "zalo", "chat_id": update.chat_id, "user_name": update.sender_name,
              "sent_at": update.date, "message_id": update.message_id}
    if update.event_name == EVENT_TEXT and update.text is not None:
        return TextIn(**common, text=update.text)  # type: ignore[arg-type]
    what = {EVENT_IMAGE: "image", EVENT_STICKER: "sticker"}.get(update.event_name, "file")
    return UnsupportedIn(**common, what=what)  # type: ignore[arg-type]


async def handle_update(conversation: Conversation, update: ZaloUpdate) -> None:
    event = to_event(update)
    if event is not None:
        await conversation.handle(event)


class ZaloPoller:
    """Long polling: one update at a time, in order; errors back off and never end the loop
    (except a refused token, which no retry will mend)."""

    def __init__(self, api: ZaloBotApi, conversation: Conversation, clock: Clock) -> None:
        self.api, self.conversation, self.clock = api, conversation, clock

    async def poll_once(self, timeout: float = POLL_SECONDS) -> int:
        updates = await self.api.get_updates(timeout=timeout)
        for update in updates:
            await handle_update(self.conversation, update)
        return len(updates)

    async def run_forever(self) -> None:
        failures = 0
        while True:
            try:
                await self.poll_once()
                failures = 0
            except ZaloUnauthorized:
                log.error("Zalo refused the bot token (ZALO_BOT_TOKEN); Zalo polling stops")
                raise
            except (ZaloError, OSError) as exc:
                wait = BACKOFF_SECONDS[min(failures, len(BACKOFF_SECONDS) - 1)]
                failures += 1
                log.warning("Zalo polling failed (%s); trying again in %ss", exc, wait)
                await self.clock.sleep(wait)
            except asyncio.CancelledError:
                raise


def webhook_app(conversation: Conversation, secret: str, path: str = "/zalo") -> Starlette:
    """An ASGI app for Zalo's webhook: the secret header checked in constant time, updates handled in order."""

    async def receive(request: Request) -> JSONResponse:
        if not check_webhook_secret(request.headers.get(SECRET_HEADER), secret):
            log.warning("Zalo webhook call with a wrong or missing secret refused")
            return JSONResponse({"ok": False}, status_code=403)
        try:
            updates = parse_webhook_body(await request.body())
        except (ValueError, ZaloError) as exc:
            log.warning("Zalo webhook body not understood: %s", exc)
            return JSONResponse({"ok": False}, status_code=400)
        for update in updates:
            await handle_update(conversation, update)
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route(path, receive, methods=["POST"])])
