"""A thin async client for the Zalo Bot API (https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>).

It owns the HTTP calls, the translation of Zalo's answers into typed values (string
ids, `date` in milliseconds → aware UTC datetimes, one update or a list) and of its
errors into a small tree. It knows nothing of the conversation: the Zalo adapter
stands on it. The httpx transport is injectable, so tests talk to the sandbox
(bot/sandbox/zalo.py) in-process.

The token is part of every URL; it never appears in an exception, a repr or a log
line written by this module, and a filter scrubs it from httpx's own request log."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, NoReturn

import httpx

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://bot-api.zaloplatforms.com"
MAX_TEXT = 2000
SECRET_HEADER = "X-Bot-Api-Secret-Token"
EVENT_TEXT = "message.text.received"
EVENT_IMAGE = "message.image.received"
EVENT_STICKER = "message.sticker.received"
EVENT_UNSUPPORTED = "message.unsupported.received"
DEFAULT_RETRY_AFTER = 5.0  # seconds, when a 429 does not say how long
POLL_TIMEOUT_MARGIN = 10.0  # seconds the HTTP read may take beyond a long poll's own timeout

__all__ = [
    "DEFAULT_BASE_URL", "EVENT_IMAGE", "EVENT_STICKER", "EVENT_TEXT", "EVENT_UNSUPPORTED", "MAX_TEXT",
    "SECRET_HEADER", "ZaloBadRequest", "ZaloBotApi", "ZaloBotInfo", "ZaloError", "ZaloForbidden",
    "ZaloNetworkError", "ZaloRetryAfter", "ZaloSent", "ZaloUnauthorized", "ZaloUpdate", "ZaloWebhookInfo",
    "check_webhook_secret", "parse_update", "parse_updates", "parse_webhook_body",
]


# ------------------------------------------------------------------ errors

class ZaloError(Exception):
    """An answer with `ok: false`, or a call that could not be made. Never carries the token."""

    def __init__(self, description: str, *, error_code: int | None = None) -> None:
        super().__init__(f"{description} (error_code {error_code})" if error_code is not None else description)
        self.description = description
        self.error_code = error_code

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.description!r}, error_code={self.error_code!r})"


class ZaloBadRequest(ZaloError):
    """400: the call was malformed (text too long, unknown chat…); retrying will not help."""


class ZaloUnauthorized(ZaloError):
    """401: the token is wrong or revoked."""


class ZaloForbidden(ZaloError):
    """403: the person cannot be reached (blocked the bot)."""


class ZaloRetryAfter(ZaloError):
    """429: rate limited; wait `retry_after` seconds."""

    def __init__(self, description: str, *, error_code: int | None = 429, retry_after: float) -> None:
        super().__init__(description, error_code=error_code)
        self.retry_after = retry_after

    def __repr__(self) -> str:
        return f"ZaloRetryAfter({self.description!r}, retry_after={self.retry_after!r})"


class ZaloNetworkError(ZaloError):
    """The call did not get a usable answer (connection, timeout, 5xx, not JSON): transient."""


# ------------------------------------------------------------------ values

@dataclass(frozen=True, kw_only=True)
class ZaloUpdate:
    """One incoming event. `text` for text messages; `photo_url`/`caption` for images;
    `sticker` for stickers; nothing for `message.unsupported.received` (documents…)."""

    event_name: str
    message_id: str
    chat_id: str
    chat_type: str  # "PRIVATE" | "GROUP"
    sender_id: str
    sender_name: str
    sender_is_bot: bool
    date: dt.datetime  # aware, UTC
    text: str | None = None
    photo_url: str | None = None
    caption: str | None = None
    sticker: str | None = None

    @property
    def is_text(self) -> bool:
        return self.event_name == EVENT_TEXT and self.text is not None


@dataclass(frozen=True, kw_only=True)
class ZaloBotInfo:
    id: str
    account_name: str
    account_type: str
    can_join_groups: bool


@dataclass(frozen=True, kw_only=True)
class ZaloSent:
    """What sendMessage/sendPhoto answer."""

    message_id: str
    date: dt.datetime | None  # aware, UTC; None if Zalo's answer had no date


@dataclass(frozen=True, kw_only=True)
class ZaloWebhookInfo:
    url: str  # "" when no webhook is set
    updated_at: dt.datetime | None


# ------------------------------------------------------------------ parsing

def _from_ms(value: Any) -> dt.datetime:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"not a millisecond timestamp: {value!r}")
    return dt.datetime.fromtimestamp(int(value) / 1000, dt.UTC)


def _event_of(message: Mapping[str, Any]) -> str:
    """The documented sample update has no event_name: infer it from the content."""
    if message.get("text") is not None:
        return EVENT_TEXT
    if message.get("photo_url") or message.get("photo"):
        return EVENT_IMAGE
    if message.get("sticker"):
        return EVENT_STICKER
    return EVENT_UNSUPPORTED


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def parse_update(obj: Mapping[str, Any]) -> ZaloUpdate:
    """One update object (`{"event_name": ..., "message": {...}}`) → ZaloUpdate; ValueError if malformed."""
    message = obj.get("message")
    if not isinstance(message, Mapping):
        raise ValueError("update without a message")
    chat, sender = message.get("chat"), message.get("from") or {}
    if not isinstance(chat, Mapping) or chat.get("id") in (None, ""):
        raise ValueError("message without a chat id")
    if not isinstance(sender, Mapping):
        raise ValueError("message with a malformed sender")
    if message.get("message_id") in (None, ""):
        raise ValueError("message without message_id")
    event_name = obj.get("event_name") or _event_of(message)
    text = message.get("text")
    return ZaloUpdate(
        event_name=str(event_name),
        message_id=str(message["message_id"]),
        chat_id=str(chat["id"]),
        chat_type=str(chat.get("chat_type") or "PRIVATE"),
        sender_id=str(sender.get("id") or chat["id"]),
        sender_name=str(sender.get("display_name") or sender.get("first_name") or sender.get("name") or ""),
        sender_is_bot=bool(sender.get("is_bot", False)),
        date=_from_ms(message.get("date")),
        text=text if isinstance(text, str) else None,
        photo_url=_opt_str(message.get("photo_url") or message.get("photo")),
        caption=_opt_str(message.get("caption")),
        sticker=_opt_str(message.get("sticker")),
    )


def parse_updates(result: Any) -> list[ZaloUpdate]:
    """getUpdates' `result` — one update object, a list of them, or nothing — as a list.
    A malformed update is logged and skipped, so one bad event cannot stall the poll loop."""
    if result is None:
        return []
    items = result if isinstance(result, list) else [result]
    updates: list[ZaloUpdate] = []
    for item in items:
        if not isinstance(item, Mapping):
            log.warning("zalo: skipped an update that is not an object (%s)", type(item).__name__)
            continue
        try:
            updates.append(parse_update(item))
        except ValueError as exc:
            log.warning("zalo: skipped a malformed update (%s)", exc)
    return updates


def parse_webhook_body(body: bytes | str | Mapping[str, Any]) -> list[ZaloUpdate]:
    """A webhook POST body → updates. Accepts the bare update, or the getUpdates envelope
    (`{"ok": true, "result": ...}`). ValueError if the body is not a JSON object."""
    if isinstance(body, bytes | str):
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise ValueError("the webhook body is not JSON") from exc
    else:
        data = body
    if not isinstance(data, Mapping):
        raise ValueError("the webhook body is not a JSON object")
    if "result" in data and "message" not in data:
        return parse_updates(data["result"])
    return parse_updates(data)


def check_webhook_secret(header_value: str | None, expected: str) -> bool:
    """Whether the `X-Bot-Api-Secret-Token` header matches our secret, in constant time."""
    if not header_value or not expected:
        return False
    return hmac.compare_digest(header_value.encode("utf-8"), expected.encode("utf-8"))


# ------------------------------------------------------------------ the token stays out of logs

# Token-shaped path segments ("/bot<digits>:<secret>/"), for tokens no client here registered.
_TOKEN_IN_URL = re.compile(r"/bot\d+:[^/\s\"']+")


class _RedactTokenFilter(logging.Filter):
    """httpx logs every request line with its URL, which holds the token: scrub it."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = _TOKEN_IN_URL.sub("/bot<token>", message)
        for token in self.tokens:
            scrubbed = scrubbed.replace(token, "<token>")
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


def _install_httpx_redaction(token: str) -> None:
    httpx_log = logging.getLogger("httpx")
    found = next((f for f in httpx_log.filters if isinstance(f, _RedactTokenFilter)), None)
    if found is None:
        found = _RedactTokenFilter()
        httpx_log.addFilter(found)
    found.tokens.add(token)


# ------------------------------------------------------------------ the client

class ZaloBotApi:
    """`async with ZaloBotApi(token) as api: await api.send_message(chat_id, "…")`."""

    def __init__(self, token: str, *, base_url: str = DEFAULT_BASE_URL,
                 transport: httpx.AsyncBaseTransport | None = None, timeout: float = 15.0) -> None:
        if not token:
            raise ValueError("the Zalo bot token is empty")
        self._token = token
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._client = httpx.AsyncClient(transport=transport, timeout=timeout)
        _install_httpx_redaction(token)

    def __repr__(self) -> str:
        return f"ZaloBotApi(base_url={self._base_url!r})"

    async def __aenter__(self) -> ZaloBotApi:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    def _redact(self, text: str) -> str:
        return text.replace(self._token, "<token>")

    async def _call(self, method: str, params: Mapping[str, Any] | None = None, *,
                    timeout: float | None = None) -> Any:
        url = f"{self._base_url}/bot{self._token}/{method}"
        try:
            response = await self._client.post(url, json=dict(params or {}),
                                               timeout=timeout if timeout is not None else self._timeout)
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            # `from None`: httpx's exception holds the request, whose URL holds the token.
            raise ZaloNetworkError(f"{method}: {type(exc).__name__}: {self._redact(str(exc))}") from None
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, Mapping):
            code = response.status_code
            if code < 400:
                raise ZaloNetworkError(f"{method}: HTTP {code} without a JSON answer", error_code=code)
            self._raise_for(method, {"description": f"HTTP {code} without a JSON answer"}, response)
        if body.get("ok") is True:
            log.debug("zalo %s ok", method)
            return body.get("result")
        self._raise_for(method, body, response)

    def _raise_for(self, method: str, body: Mapping[str, Any], response: httpx.Response) -> NoReturn:
        code = body.get("error_code")
        if not isinstance(code, int) or isinstance(code, bool):
            code = response.status_code if response.status_code >= 400 else None
        description = self._redact(str(body.get("description") or "no description"))
        text = f"{method}: {description}"
        # An empty long poll answers 408 in Zalo's documented shape: not worth a line.
        log.log(logging.DEBUG if code == 408 else logging.INFO, "zalo %s failed: %s (error_code %s)",
                method, description, code)
        if code == 401:
            raise ZaloUnauthorized(text, error_code=code)
        if code == 403:
            raise ZaloForbidden(text, error_code=code)
        if code == 429:
            raise ZaloRetryAfter(text, error_code=code, retry_after=_retry_after(body, response))
        if code is not None and code >= 500:
            raise ZaloNetworkError(text, error_code=code)
        if code == 400:
            raise ZaloBadRequest(text, error_code=code)
        raise ZaloError(text, error_code=code)

    # ---------------------------------------------------------------- methods

    async def get_me(self) -> ZaloBotInfo:
        result = await self._call("getMe")
        if not isinstance(result, Mapping):
            raise ZaloError("getMe: the answer has no bot")
        return ZaloBotInfo(id=str(result.get("id", "")), account_name=str(result.get("account_name", "")),
                           account_type=str(result.get("account_type", "")),
                           can_join_groups=bool(result.get("can_join_groups", False)))

    async def get_updates(self, timeout: float = 30) -> list[ZaloUpdate]:
        """Long poll for up to `timeout` seconds. An empty poll is [] whether Zalo answers
        with an empty result or with error 408 (request timeout)."""
        try:
            result = await self._call("getUpdates", {"timeout": str(int(timeout))},
                                      timeout=timeout + POLL_TIMEOUT_MARGIN)
        except ZaloError as exc:
            if exc.error_code == 408:
                return []
            raise
        return parse_updates(result)

    async def send_message(self, chat_id: str, text: str) -> ZaloSent:
        if not text or len(text) > MAX_TEXT:
            raise ZaloBadRequest(f"sendMessage: text must be 1 to {MAX_TEXT} characters, got {len(text)}; "
                                 "split it first (bot.textsplit.split_message)")
        return _sent("sendMessage", await self._call("sendMessage", {"chat_id": str(chat_id), "text": text}))

    async def send_photo(self, chat_id: str, photo_url: str, caption: str | None = None) -> ZaloSent:
        if caption is not None and not 1 <= len(caption) <= MAX_TEXT:
            raise ZaloBadRequest(f"sendPhoto: caption must be 1 to {MAX_TEXT} characters, got {len(caption)}")
        params: dict[str, Any] = {"chat_id": str(chat_id), "photo": photo_url}
        if caption is not None:
            params["caption"] = caption
        return _sent("sendPhoto", await self._call("sendPhoto", params))

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self._call("sendChatAction", {"chat_id": str(chat_id), "action": action})

    async def set_webhook(self, url: str, secret_token: str) -> ZaloWebhookInfo:
        if not 8 <= len(secret_token) <= 256:
            raise ZaloBadRequest("setWebhook: secret_token must be 8 to 256 characters")
        return _webhook_info(await self._call("setWebhook", {"url": url, "secret_token": secret_token}), url)

    async def delete_webhook(self) -> None:
        await self._call("deleteWebhook")

    async def get_webhook_info(self) -> ZaloWebhookInfo:
        return _webhook_info(await self._call("getWebhookInfo"), "")


def _sent(method: str, result: Any) -> ZaloSent:
    if not isinstance(result, Mapping) or result.get("message_id") in (None, ""):
        raise ZaloError(f"{method}: the answer has no message_id")
    try:
        date: dt.datetime | None = _from_ms(result.get("date"))
    except ValueError:
        date = None
    return ZaloSent(message_id=str(result["message_id"]), date=date)


def _webhook_info(result: Any, default_url: str) -> ZaloWebhookInfo:
    if not isinstance(result, Mapping):
        return ZaloWebhookInfo(url=default_url, updated_at=None)
    try:
        updated_at: dt.datetime | None = _from_ms(result.get("updated_at"))
    except ValueError:
        updated_at = None
    return ZaloWebhookInfo(url=str(result.get("url") or ""), updated_at=updated_at)


def _retry_after(body: Mapping[str, Any], response: httpx.Response) -> float:
    parameters = body.get("parameters")
    candidates = [parameters.get("retry_after") if isinstance(parameters, Mapping) else None,
                  response.headers.get("Retry-After")]
    for value in candidates:
        try:
            if value is not None and float(value) > 0:
                return float(value)
        except (TypeError, ValueError):
            continue
    return DEFAULT_RETRY_AFTER
