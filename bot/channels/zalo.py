"""The Zalo adapter: Zalo Bot API updates become conversation events, and
conversation messages go out as plain text. Zalo has no buttons, no reply-to, no
editing and no files: the capabilities say so, and the conversation shows the
typed forms instead ("Đồng chí trả lời bằng cách gõ: «2.1 xong» · …").

Long polling (`ZaloPoller`) or a webhook (`webhook_app`, the secret checked in
constant time) feed the same `handle_update`."""

from __future__ import annotations

import asyncio
import logging

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
from scheduler.clock import Clock
from scheduler.dispatcher import PermanentSendError, RateLimited, SendError, TransientSendError, Unreachable

log = logging.getLogger(__name__)

ZALO_CAPABILITIES = Capabilities(buttons=False, reply_to=False, edit=False, documents_in=False,
                                 documents_out=False, text_limit=2000,
                                 max_per_second=10.0)  # undocumented: paced conservatively
POLL_SECONDS = 30
BACKOFF_SECONDS = (1, 2, 5, 10, 30, 60)  # after consecutive polling errors


def translate_error(exc: ZaloError) -> SendError:
    if isinstance(exc, ZaloRetryAfter):
        return RateLimited(exc.retry_after)
    if isinstance(exc, ZaloForbidden):
        return Unreachable(str(exc))
    return TransientSendError(str(exc))


class ZaloChannel:
    name = "zalo"
    capabilities = ZALO_CAPABILITIES

    def __init__(self, api: ZaloBotApi) -> None:
        self.api = api

    async def send_part(self, chat_id: str, part: Part) -> str:
        try:
            return (await self.api.send_message(chat_id, part.text)).message_id
        except ZaloError as exc:
            raise translate_error(exc) from exc

    async def send_document(self, chat_id: str, document: Document) -> str:
        raise TransientSendError("Zalo cannot send files")  # the capabilities keep the conversation from asking

    async def send_picture(self, chat_id: str, document: Document) -> str:
        raise TransientSendError("Zalo sends pictures by URL only")  # documents_out=False: never asked

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
