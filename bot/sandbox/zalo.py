"""A Zalo Bot API sandbox: the state and its HTTP face, beside the Telegram one.

ZaloSandboxState holds the people (Zalo users, string ids), every message in every
chat, the update queue for getUpdates, the webhook and the rate limits. Time for the
limits, for `date` (milliseconds) and for long polling comes from the injected clock.

The methods are the Zalo Bot API's: getMe, getUpdates, setWebhook, deleteWebhook,
getWebhookInfo, sendMessage (1–2,000 characters), sendPhoto (a URL, never bytes),
sendSticker, sendChatAction. Zalo has no buttons, no reply-to, no editing and no
documents: Telegram-only methods answer 404 and Telegram-only parameters 400, so an
adapter that reaches for them fails in tests. With `photo_fetcher` set, sendPhoto
downloads the URL as Zalo's servers do and refuses one that does not answer an image
(an expired link, a wrong address), keeping the bytes it got."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import math
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from bot.sandbox.server import _Bucket
from scheduler.clock import Clock

BOT_ID = "1459232241454765289"
MAX_TEXT = 2000
SECRET_HEADER = "X-Bot-Api-Secret-Token"
EVENT_TEXT = "message.text.received"
EVENT_IMAGE = "message.image.received"
EVENT_STICKER = "message.sticker.received"
EVENT_UNSUPPORTED = "message.unsupported.received"
# Parameters a Telegram-minded caller might send that Zalo cannot honour.
TELEGRAM_ONLY = ("reply_markup", "reply_to_message_id", "reply_parameters", "parse_mode", "document")
# How often (real seconds) a pending long poll looks at the clock: a fake clock gives no signal when moved.
POLL_CHECK_SECONDS = 0.02


@dataclass(frozen=True, kw_only=True)
class ZaloRateLimits:
    """Zalo documents no limits; these are conservative, in the Telegram sandbox's shape."""

    overall_per_second: float = 20.0
    overall_burst: int = 20
    chat_per_second: float = 1.0
    chat_burst: int = 3


@dataclass
class ZaloUser:
    id: str
    display_name: str
    blocked_bot: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "display_name": self.display_name, "is_bot": False}


@dataclass
class ZaloStoredMessage:
    chat_id: str
    message_id: str
    from_bot: bool
    date: int  # milliseconds since the epoch, as Zalo sends it
    event_name: str | None = None  # for people's messages
    text: str | None = None
    photo_url: str | None = None
    caption: str | None = None
    sticker: str | None = None
    photo_data: bytes | None = None  # what sendPhoto's URL gave (with `photo_fetcher`)

    @property
    def at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.date / 1000, dt.UTC)


@dataclass(frozen=True, kw_only=True)
class WebhookDelivery:
    """An update the platform would POST to the bot's webhook."""

    url: str
    headers: dict[str, str]
    body: bytes


class ZaloSandboxError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class ZaloSandboxState:
    clock: Clock
    token: str = f"{BOT_ID}:SANDBOXsecretSANDBOXsecret"
    account_name: str = "bot.NhacViec"
    limits: ZaloRateLimits = field(default_factory=ZaloRateLimits)
    # The documented getUpdates sample answers one update object; clients also see lists.
    result_shape: Literal["list", "single"] = "list"
    users: dict[str, ZaloUser] = field(default_factory=dict)
    messages: list[ZaloStoredMessage] = field(default_factory=list)
    chat_actions: list[tuple[str, str]] = field(default_factory=list)
    webhook_url: str = ""
    webhook_secret: str | None = None
    webhook_updated_at: int = 0
    # sendPhoto's download of the URL: (HTTP status, Content-Type, body); None: the URL is taken on trust
    photo_fetcher: Callable[[str], Awaitable[tuple[int, str, bytes]]] | None = None

    def __post_init__(self) -> None:
        self._message_ids = itertools.count(1)
        self._updates: deque[dict[str, Any]] = deque()
        self._update_ready = asyncio.Event()
        self._webhook_outbox: deque[WebhookDelivery] = deque()
        self._chat_buckets: dict[str, _Bucket] = {}
        self._overall: _Bucket | None = None
        self.listeners: list[Any] = []  # callables(ZaloStoredMessage) told of every bot message

    # ------------------------------------------------------------ people's side

    def add_user(self, user_id: str, display_name: str) -> ZaloUser:
        user = ZaloUser(id=str(user_id), display_name=display_name)
        self.users[user.id] = user
        return user

    def _now_ms(self) -> int:
        return int(self.clock.now().timestamp() * 1000)

    def _next_message_id(self) -> str:
        return f"{next(self._message_ids):020x}"  # Zalo ids are opaque hex strings

    def message_json(self, msg: ZaloStoredMessage) -> dict[str, Any]:
        user = self.users.get(msg.chat_id)
        sender = self.bot_json() if msg.from_bot else (user.as_json() if user else {"id": msg.chat_id})
        out: dict[str, Any] = {"message_id": msg.message_id, "date": msg.date,
                               "chat": {"id": msg.chat_id, "chat_type": "PRIVATE"}, "from": sender}
        for key in ("text", "photo_url", "caption", "sticker"):
            value = getattr(msg, key)
            if value is not None:
                out[key] = value
        return out

    def bot_json(self) -> dict[str, Any]:
        return {"id": BOT_ID, "display_name": "Nhắc việc", "is_bot": True}

    def find_message(self, chat_id: str, message_id: str) -> ZaloStoredMessage | None:
        return next((m for m in self.messages if m.chat_id == chat_id and m.message_id == message_id), None)

    def _user_message(self, user_id: str, event_name: str, **content: str | None) -> dict[str, Any]:
        if user_id not in self.users:
            raise KeyError(f"no sandbox user {user_id!r}; add_user first")
        msg = ZaloStoredMessage(chat_id=user_id, message_id=self._next_message_id(), from_bot=False,
                                date=self._now_ms(), event_name=event_name)
        for key, value in content.items():  # text, photo_url, caption, sticker
            setattr(msg, key, value)
        self.messages.append(msg)
        return {"event_name": event_name, "message": self.message_json(msg)}

    def user_text(self, user_id: str, text: str) -> dict[str, Any]:
        """The update for a text the person sends (not yet delivered: see `enqueue`)."""
        return self._user_message(user_id, EVENT_TEXT, text=text)

    def user_image(self, user_id: str, photo_url: str = "https://photo.sandbox.zalo/p/1.jpg",
                   caption: str | None = None) -> dict[str, Any]:
        return self._user_message(user_id, EVENT_IMAGE, photo_url=photo_url, caption=caption)

    def user_sticker(self, user_id: str, sticker: str = "0e078a2fb66a5f34067b") -> dict[str, Any]:
        return self._user_message(user_id, EVENT_STICKER, sticker=sticker)

    def user_unsupported(self, user_id: str) -> dict[str, Any]:
        """A document, contact card or protected account's message: Zalo passes on no content."""
        return self._user_message(user_id, EVENT_UNSUPPORTED)

    def enqueue(self, update: dict[str, Any]) -> None:
        """Deliver an update: to the webhook outbox if one is set, else through getUpdates."""
        if self.webhook_url:
            self._webhook_outbox.append(self.webhook_delivery(update))
            return
        self._updates.append(update)
        self._update_ready.set()

    def webhook_delivery(self, update: dict[str, Any]) -> WebhookDelivery:
        headers = {"Content-Type": "application/json"}
        if self.webhook_secret is not None:
            headers[SECRET_HEADER] = self.webhook_secret
        return WebhookDelivery(url=self.webhook_url, headers=headers,
                               body=json.dumps(update, ensure_ascii=False).encode("utf-8"))

    def take_webhook_deliveries(self) -> list[WebhookDelivery]:
        """What the platform would have POSTed to the webhook since the last call."""
        out = list(self._webhook_outbox)
        self._webhook_outbox.clear()
        return out

    @property
    def pending_updates(self) -> int:
        return len(self._updates)

    def bot_messages(self, chat_id: str | None = None) -> list[ZaloStoredMessage]:
        return [m for m in self.messages if m.from_bot and (chat_id is None or m.chat_id == chat_id)]

    # ------------------------------------------------------------ bot's side

    def _throttle(self, chat_id: str) -> None:
        now = self.clock.now().timestamp()
        lim = self.limits
        if self._overall is None:
            self._overall = _Bucket(lim.overall_per_second, lim.overall_burst, now)
        bucket = self._chat_buckets.setdefault(chat_id, _Bucket(lim.chat_per_second, lim.chat_burst, now))
        wait = max(self._overall.wait_needed(now), bucket.wait_needed(now))
        if wait > 0:
            retry = max(1, math.ceil(wait))
            raise ZaloSandboxError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        self._overall.take()
        bucket.take()

    def _chat(self, params: dict[str, Any]) -> ZaloUser:
        chat_id = params.get("chat_id")
        if chat_id is None or str(chat_id) == "":
            raise ZaloSandboxError(400, "Bad Request: chat_id is required")
        user = self.users.get(str(chat_id))
        if user is None:
            raise ZaloSandboxError(400, "Bad Request: chat not found")
        if user.blocked_bot:
            raise ZaloSandboxError(403, "Forbidden: the user has blocked the bot")
        return user

    @staticmethod
    def _refuse_telegram_only(params: dict[str, Any]) -> None:
        for key in TELEGRAM_ONLY:
            if key in params:
                raise ZaloSandboxError(400, f"Bad Request: parameter {key} is not supported")

    @staticmethod
    def _check_text(value: Any, name: str = "text", *, required: bool = True) -> str | None:
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ZaloSandboxError(400, f"Bad Request: {name} must be 1 to {MAX_TEXT} characters")
        if len(value) > MAX_TEXT:
            raise ZaloSandboxError(400, f"Bad Request: {name} must be 1 to {MAX_TEXT} characters")
        return value

    def _record(self, msg: ZaloStoredMessage) -> dict[str, Any]:
        self.messages.append(msg)
        for listener in self.listeners:
            listener(msg)
        return {"message_id": msg.message_id, "date": msg.date}

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            raise ZaloSandboxError(404, "Not Found: method not found")
        return await handler(params)

    async def api_getMe(self, params: dict[str, Any]) -> Any:
        return {"id": BOT_ID, "account_name": self.account_name, "account_type": "BASIC", "can_join_groups": False}

    async def api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook_url:
            raise ZaloSandboxError(409, "Conflict: getUpdates does not work while a webhook is set; "
                                        "use deleteWebhook first")
        raw = params.get("timeout")
        try:
            timeout = 30.0 if raw is None or raw == "" else float(raw)
        except (TypeError, ValueError) as exc:
            raise ZaloSandboxError(400, "Bad Request: timeout must be a number of seconds") from exc
        if not self._updates and timeout > 0:
            deadline = self.clock.now() + dt.timedelta(seconds=timeout)
            while not self._updates and self.clock.now() < deadline:
                self._update_ready.clear()
                try:
                    await asyncio.wait_for(self._update_ready.wait(), POLL_CHECK_SECONDS)
                except TimeoutError:
                    pass
        if self.result_shape == "single":
            if not self._updates:
                raise ZaloSandboxError(408, "Request timeout")
            return self._updates.popleft()
        # No offset in Zalo's API: what is handed out is gone.
        batch = list(self._updates)
        self._updates.clear()
        return batch

    async def api_setWebhook(self, params: dict[str, Any]) -> Any:
        url, secret = params.get("url"), params.get("secret_token")
        if not isinstance(url, str) or not url.startswith("https://"):
            raise ZaloSandboxError(400, "Bad Request: url must be an HTTPS URL")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            raise ZaloSandboxError(400, "Bad Request: secret_token must be 8 to 256 characters")
        self.webhook_url, self.webhook_secret, self.webhook_updated_at = url, secret, self._now_ms()
        return {"url": url, "updated_at": self.webhook_updated_at}

    async def api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url, self.webhook_secret, self.webhook_updated_at = "", None, self._now_ms()
        return {"url": "", "updated_at": self.webhook_updated_at}

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "updated_at": self.webhook_updated_at}

    async def api_sendMessage(self, params: dict[str, Any]) -> Any:
        self._refuse_telegram_only(params)
        user = self._chat(params)
        text = self._check_text(params.get("text"))
        self._throttle(user.id)
        return self._record(ZaloStoredMessage(chat_id=user.id, message_id=self._next_message_id(), from_bot=True,
                                              date=self._now_ms(), text=text))

    async def api_sendPhoto(self, params: dict[str, Any]) -> Any:
        self._refuse_telegram_only(params)
        user = self._chat(params)
        photo = params.get("photo")
        if not isinstance(photo, str) or not photo.startswith(("https://", "http://")):
            raise ZaloSandboxError(400, "Bad Request: photo must be an image URL")
        caption = self._check_text(params.get("caption"), "caption", required=False)
        self._throttle(user.id)
        data = None
        if self.photo_fetcher is not None:
            status, content_type, data = await self.photo_fetcher(photo)
            if status != 200 or not content_type.startswith("image/"):
                raise ZaloSandboxError(400, f"Bad Request: photo could not be downloaded (HTTP {status})")
        return self._record(ZaloStoredMessage(chat_id=user.id, message_id=self._next_message_id(), from_bot=True,
                                              date=self._now_ms(), photo_url=photo, caption=caption,
                                              photo_data=data))

    async def api_sendSticker(self, params: dict[str, Any]) -> Any:
        user = self._chat(params)
        sticker = params.get("sticker")
        if not isinstance(sticker, str) or not sticker:
            raise ZaloSandboxError(400, "Bad Request: sticker is required")
        self._throttle(user.id)
        return self._record(ZaloStoredMessage(chat_id=user.id, message_id=self._next_message_id(), from_bot=True,
                                              date=self._now_ms(), sticker=sticker))

    async def api_sendChatAction(self, params: dict[str, Any]) -> Any:
        user = self._chat(params)
        action = params.get("action")
        if action not in ("typing", "upload_photo"):
            raise ZaloSandboxError(400, "Bad Request: action must be typing or upload_photo")
        self.chat_actions.append((user.id, action))
        return None  # Zalo answers {"ok": true} with no result


def create_app(state: ZaloSandboxState) -> Starlette:
    async def bot_method(request: Request) -> Response:
        if request.path_params["token"] != state.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        try:
            params = await _params(request)
            result = await state.call(request.path_params["method"], params)
        except ZaloSandboxError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            headers = {}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
                headers["Retry-After"] = str(exc.retry_after)
            return JSONResponse(body, status_code=exc.code, headers=headers)
        return JSONResponse({"ok": True} if result is None else {"ok": True, "result": result})

    return Starlette(routes=[Route("/bot{token}/{method}", bot_method, methods=["GET", "POST"])])


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    raw = await request.body()
    if raw.strip():
        try:
            body = json.loads(raw)
        except ValueError as exc:
            raise ZaloSandboxError(400, "Bad Request: the body is not JSON") from exc
        if not isinstance(body, dict):
            raise ZaloSandboxError(400, "Bad Request: the body must be a JSON object")
        params.update(body)
    return params
