"""The sandbox's state and its HTTP face.

State holds the people (sandbox users), every message in every chat, the update
queue for getUpdates, uploaded files, and the flood limits. Time for the limits
comes from the injected clock, so a simulated clock gives deterministic runs.

It is as strict as Telegram where the bot meets trouble: callback queries that are
unknown, already answered or too old; 5xx answers and timeouts on demand (`fail_next`,
`time_out_next`, `outage`); 409 for a second poller or getUpdates while a webhook is
set; updates kept 24 hours only; "message is not modified" on both edit methods;
"user is deactivated"; empty or oversized `callback_data`. `chaos` answers sending methods with
429s (and the ban that follows) and 5xx at random, reproducibly from a seed; `flood_chat` one chat's 429 and
ban on demand."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import math
import random
from collections import deque
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from scheduler.clock import Clock

BOT_ID = 7000000001
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_UPLOAD = 50 * 1024 * 1024
UPDATE_TTL = dt.timedelta(hours=24)  # Telegram keeps an unfetched update this long
CALLBACK_TTL = dt.timedelta(minutes=15)  # after this a callback query can no longer be answered
CLIENT_TIMEOUT = 5.0  # python-telegram-bot's default read timeout, seconds
QUERY_INVALID = "Bad Request: query is too old and response timeout expired or query id is invalid"
NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply markup are exactly "
                "the same as a current content and reply markup of the message")
POLL_CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
WEBHOOK_CONFLICT = ("Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
                    "webhook first")
BUTTON_ACTIONS = {"callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
                  "switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text"}
JSON_FIELDS = {"reply_markup", "allowed_updates", "commands", "reply_parameters", "link_preview_options",
               "entities", "caption_entities", "scope"}


@dataclass(frozen=True, kw_only=True)
class RateLimits:
    """Telegram's flood limits: about 30 messages/s overall and 1 message/s per chat.
    Short bursts are tolerated by Telegram; `chat_burst` says how many."""

    overall_per_second: float = 30.0
    overall_burst: int = 30
    chat_per_second: float = 1.0
    chat_burst: int = 3


NO_LIMITS = RateLimits(overall_per_second=1e9, overall_burst=10**9, chat_per_second=1e9, chat_burst=10**9)


class _Bucket:
    def __init__(self, rate: float, capacity: int, now: float) -> None:
        self.rate, self.capacity, self.tokens, self.stamp = rate, capacity, float(capacity), now

    def wait_needed(self, now: float) -> float:
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


@dataclass
class SandboxUser:
    id: int
    first_name: str
    username: str
    blocked_bot: bool = False
    deactivated: bool = False  # the account was deleted

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "is_bot": False, "first_name": self.first_name, "username": self.username,
                "language_code": "vi"}


@dataclass
class StoredMessage:
    chat_id: int
    message_id: int
    from_bot: bool
    date: int
    text: str | None = None
    reply_markup: dict[str, Any] | None = None
    document: dict[str, Any] | None = None
    reply_to: int | None = None
    edited: bool = False

    @property
    def buttons(self) -> list[str]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [b["text"] for row in rows for b in row]

    def button_data(self, label: str) -> str | None:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return next((b.get("callback_data") for row in rows for b in row if b["text"] == label), None)


class SandboxError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class _Failure:
    """Injected trouble for the next `count` calls of `method` (None: any method)."""

    method: str | None
    count: int
    status: int | None = None  # an HTTP error answer, or
    timeout_after: float | None = None  # no answer: the client gives up after this many seconds
    delivered: bool = False  # for a timeout: Telegram did act on the request, only the answer was lost


@dataclass(frozen=True, kw_only=True)
class _Outage:
    start: dt.datetime
    end: dt.datetime
    status: int
    methods: frozenset[str] | None


SENDING_METHODS = frozenset({"sendMessage", "sendDocument", "sendPhoto"})


@dataclass(frozen=True, kw_only=True)
class ChaosStats:
    """What the random faults did: 429s and 5xx answered, and requests sent into a chat's ban."""

    flood: int
    server_errors: int
    into_ban: int


@dataclass
class _Chaos:
    """Random faults for sending methods. Each chat draws from its own stream, seeded by (seed, chat), so
    a chat meets the same faults in the same order whatever the other chats do (workers and concurrency
    interleave chats differently from run to run). A 429 bans the chat for `retry_after` seconds on the
    clock, as Telegram does: a request into the ban is refused again with the time left (no draw)."""

    seed: int
    p_429: float
    retry_after: tuple[int, int]
    p_5xx: float
    methods: frozenset[str]
    chats: frozenset[int] | None
    streams: dict[int, random.Random] = field(default_factory=dict)
    banned_until: dict[int, float] = field(default_factory=dict)
    flood: int = 0
    server_errors: int = 0
    into_ban: int = 0

    def fault(self, method: str, chat_id: int, now: float) -> SandboxError | None:
        if method not in self.methods or (self.chats is not None and chat_id not in self.chats):
            return None
        until = self.banned_until.get(chat_id)
        if until is not None and now < until:
            self.into_ban += 1
            left = max(1, math.ceil(until - now))
            return SandboxError(429, f"Too Many Requests: retry after {left}", retry_after=left)
        stream = self.streams.setdefault(chat_id, random.Random(f"{self.seed}/{chat_id}"))
        draw = stream.random()
        if draw < self.p_429:
            wait = stream.randint(*self.retry_after)
            self.banned_until[chat_id] = now + wait
            self.flood += 1
            return SandboxError(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        if draw < self.p_429 + self.p_5xx:
            status = stream.choice((500, 502))
            self.server_errors += 1
            return SandboxError(status, _phrase(status))
        return None


@dataclass
class _CallbackQuery:
    created: float
    answered: bool = False


@dataclass
class _Poll:
    """A getUpdates request in flight."""

    wake: asyncio.Event = field(default_factory=asyncio.Event)
    terminated: bool = False


@dataclass
class SandboxState:
    clock: Clock
    token: str = "123456:SANDBOX"
    bot_username: str = "nhacviec_bot"
    limits: RateLimits = field(default_factory=RateLimits)
    users: dict[int, SandboxUser] = field(default_factory=dict)
    messages: list[StoredMessage] = field(default_factory=list)
    files: dict[str, tuple[bytes, str, str]] = field(default_factory=dict)
    commands: list[dict[str, Any]] = field(default_factory=list)
    callback_answers: list[dict[str, Any]] = field(default_factory=list)
    webhook_url: str = ""
    update_ttl: dt.timedelta = UPDATE_TTL
    callback_ttl: dt.timedelta = CALLBACK_TTL

    def __post_init__(self) -> None:
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._file_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._updates: deque[dict[str, Any]] = deque()
        self._update_times: dict[int, float] = {}  # update_id → when the person acted
        self._polls: list[_Poll] = []
        self._callbacks: dict[str, _CallbackQuery] = {}
        self._failures: list[_Failure] = []
        self._outages: list[_Outage] = []
        self._chaos: _Chaos | None = None
        self._floods: dict[int, list[int]] = {}  # chat → [sends still let through, retry_after] (`flood_chat`)
        self._banned: dict[int, float] = {}  # chat → when its ban (`flood_chat`) ends, on the clock
        self._chat_buckets: dict[int, _Bucket] = {}
        self._overall: _Bucket | None = None
        self.listeners: list[Any] = []  # callables(StoredMessage) told of every bot message

    # ------------------------------------------------------------ people's side

    def add_user(self, user_id: int, first_name: str, username: str) -> SandboxUser:
        user = SandboxUser(id=user_id, first_name=first_name, username=username)
        self.users[user_id] = user
        return user

    def _now(self) -> float:
        return self.clock.now().timestamp()

    def _next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def message_json(self, msg: StoredMessage) -> dict[str, Any]:
        user = self.users.get(msg.chat_id)
        chat = {"id": msg.chat_id, "type": "private", "first_name": user.first_name if user else "?"}
        out: dict[str, Any] = {"message_id": msg.message_id, "date": msg.date, "chat": chat,
                               "from": self.bot_json() if msg.from_bot else (user.as_json() if user else None)}
        if msg.text is not None:
            out["text"] = msg.text
        if msg.document is not None:
            out["document"] = msg.document
        if msg.reply_markup:
            out["reply_markup"] = msg.reply_markup
        if msg.reply_to is not None:
            original = self.find_message(msg.chat_id, msg.reply_to)
            if original is not None:
                out["reply_to_message"] = self.message_json(original)
        if msg.edited:
            out["edit_date"] = msg.date
        return out

    def bot_json(self) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Nhắc việc", "username": self.bot_username}

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        return next((m for m in self.messages if m.chat_id == chat_id and m.message_id == message_id), None)

    def _update(self, body: dict[str, Any]) -> dict[str, Any]:
        update_id = next(self._update_ids)
        self._update_times[update_id] = self._now()
        return {"update_id": update_id, **body}

    def user_text(self, user_id: int, text: str, *, reply_to: int | None = None) -> dict[str, Any]:
        msg = StoredMessage(chat_id=user_id, message_id=self._next_message_id(user_id), from_bot=False,
                            date=int(self._now()), text=text, reply_to=reply_to)
        self.messages.append(msg)
        body = self.message_json(msg)
        if text.startswith("/"):
            command = text.split()[0]
            body["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._update({"message": body})

    def user_document(self, user_id: int, data: bytes, filename: str, mime: str = "application/octet-stream",
                      caption: str | None = None) -> dict[str, Any]:
        file_id = self._store_file(data, filename, mime)
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                    "mime_type": mime, "file_size": len(data)}
        msg = StoredMessage(chat_id=user_id, message_id=self._next_message_id(user_id), from_bot=False,
                            date=int(self._now()), document=document)
        self.messages.append(msg)
        body = self.message_json(msg)
        if caption:
            body["caption"] = caption
        return self._update({"message": body})

    def user_photo(self, user_id: int, data: bytes, width: int = 1240, height: int = 1754) -> dict[str, Any]:
        file_id = self._store_file(data, "photo.jpg", "image/jpeg")
        photo = [{"file_id": file_id, "file_unique_id": f"u{file_id}", "width": width, "height": height,
                  "file_size": len(data)}]
        msg = StoredMessage(chat_id=user_id, message_id=self._next_message_id(user_id), from_bot=False,
                            date=int(self._now()))
        self.messages.append(msg)
        return self._update({"message": {**self.message_json(msg), "photo": photo}})

    def user_tap(self, user_id: int, message: StoredMessage, data: str) -> dict[str, Any]:
        """A tap on an inline button: a callback query the bot may answer once, within `callback_ttl`."""
        user = self.users[user_id]
        query_id = str(next(self._callback_ids))
        self._callbacks[query_id] = _CallbackQuery(created=self._now())
        return self._update({"callback_query": {
            "id": query_id, "from": user.as_json(), "chat_instance": str(user_id),
            "message": self.message_json(message), "data": data}})

    def enqueue(self, update: dict[str, Any]) -> None:
        """Deliver an update through getUpdates (long polling); kept `update_ttl` from when it was made."""
        self._updates.append(update)
        for poll in self._polls:
            poll.wake.set()

    @property
    def pending_updates(self) -> int:
        """Updates waiting to be fetched (expired ones dropped)."""
        self._expire_updates()
        return len(self._updates)

    @property
    def polls_in_flight(self) -> int:
        return len(self._polls)

    # ------------------------------------------------------------ trouble on demand

    def fail_next(self, method: str | None, *, status: int = 502, count: int = 1) -> None:
        """The next `count` calls of `method` (None: of any method) answer HTTP `status` (502: Bad Gateway)."""
        self._failures.append(_Failure(method=method, count=count, status=status))

    def time_out_next(self, method: str | None, *, count: int = 1, delivered: bool = False,
                      after: float = CLIENT_TIMEOUT) -> None:
        """The next `count` calls of `method` never answer: `after` seconds pass on the clock and the client
        sees a read timeout. `delivered`: Telegram acted on the request anyway (the message was sent).
        In process (httpx.ASGITransport) the client gets httpx.ReadTimeout; over real HTTP with the system
        clock, make `after` longer than the client's read timeout."""
        self._failures.append(_Failure(method=method, count=count, timeout_after=after, delivered=delivered))

    def outage(self, start: dt.datetime, end: dt.datetime, *, status: int = 502,
               methods: set[str] | None = None) -> None:
        """From `start` (inclusive) to `end` (exclusive) on the clock, calls (of `methods`, default all)
        answer HTTP `status`."""
        self._outages.append(_Outage(start=start, end=end, status=status,
                                     methods=frozenset(methods) if methods is not None else None))

    def chaos(self, seed: int, *, p_429: float = 0.05, retry_after: tuple[int, int] = (1, 5), p_5xx: float = 0.03,
              methods: set[str] | frozenset[str] = SENDING_METHODS, chats: set[int] | None = None) -> None:
        """From now on, calls of `methods` (default: the sending ones) to `chats` (default: every chat) fail
        at random: with probability `p_429` a 429 with `parameters.retry_after` drawn from `retry_after`
        (seconds, inclusive) that bans the chat that long, with `p_5xx` a 500 or 502 (the message is not
        sent). Deterministic given `seed`: each chat has its own stream of draws. `chaos_off` ends it."""
        if not 0 <= p_429 + p_5xx <= 1 or retry_after[0] < 1 or retry_after[1] < retry_after[0]:
            raise ValueError("chaos: probabilities must add up to at most 1 and 1 <= retry_after[0] <= [1]")
        self._chaos = _Chaos(seed=seed, p_429=p_429, retry_after=retry_after, p_5xx=p_5xx,
                             methods=frozenset(methods), chats=frozenset(chats) if chats is not None else None)

    def flood_chat(self, chat_id: int, retry_after: int, *, after: int = 0) -> None:
        """Flood control on one chat, on demand: its next `after` sending calls go through, the one after answers
        429 with `retry_after` and bans the chat that long on the clock; a call into the ban is refused with the
        time left, as Telegram does."""
        self._floods[chat_id] = [after, retry_after]

    def _planned_flood(self, method: str, params: dict[str, Any]) -> SandboxError | None:
        if method not in SENDING_METHODS or not (self._floods or self._banned):
            return None
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return None
        now = self._now()
        if (until := self._banned.get(chat_id)) is not None and now < until:
            left = max(1, math.ceil(until - now))
            return SandboxError(429, f"Too Many Requests: retry after {left}", retry_after=left)
        plan = self._floods.get(chat_id)
        if plan is None:
            return None
        if plan[0] > 0:
            plan[0] -= 1
            return None
        del self._floods[chat_id]
        self._banned[chat_id] = now + plan[1]
        return SandboxError(429, f"Too Many Requests: retry after {plan[1]}", retry_after=plan[1])

    def chaos_off(self) -> None:
        self._chaos = None

    @property
    def chaos_stats(self) -> ChaosStats:
        c = self._chaos
        return ChaosStats(flood=c.flood if c else 0, server_errors=c.server_errors if c else 0,
                          into_ban=c.into_ban if c else 0)

    def _random_fault(self, method: str, params: dict[str, Any]) -> SandboxError | None:
        if self._chaos is None:
            return None
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, TypeError, ValueError):
            return None  # the method's own check answers
        return self._chaos.fault(method, chat_id, self._now())

    def deactivate(self, user_id: int) -> None:
        """The person deleted their account: sending to them is forbidden."""
        self.users[user_id].deactivated = True

    def _trouble(self, method: str) -> _Failure | None:
        now = self.clock.now()
        for outage in self._outages:
            if outage.start <= now < outage.end and (outage.methods is None or method in outage.methods):
                return _Failure(method=method, count=1, status=outage.status)
        for failure in self._failures:
            if failure.method in (None, method) and failure.count > 0:
                failure.count -= 1
                if failure.count == 0:
                    self._failures.remove(failure)
                return failure
        return None

    def _expire_updates(self) -> None:
        oldest = self._now() - self.update_ttl.total_seconds()
        kept = [u for u in self._updates if self._update_times.get(u["update_id"], oldest) >= oldest]
        if len(kept) != len(self._updates):
            self._updates = deque(kept)

    def _forget_first(self) -> None:
        self._update_times.pop(self._updates.popleft()["update_id"], None)

    def bot_messages(self, chat_id: int | None = None) -> list[StoredMessage]:
        return [m for m in self.messages if m.from_bot and (chat_id is None or m.chat_id == chat_id)]

    # ------------------------------------------------------------ bot's side

    def _store_file(self, data: bytes, filename: str, mime: str) -> str:
        file_id = f"F{next(self._file_ids):06d}"
        self.files[file_id] = (data, filename, mime)
        return file_id

    def _throttle(self, chat_id: int) -> None:
        now = self._now()
        lim = self.limits
        if self._overall is None:
            self._overall = _Bucket(lim.overall_per_second, lim.overall_burst, now)
        bucket = self._chat_buckets.setdefault(chat_id, _Bucket(lim.chat_per_second, lim.chat_burst, now))
        wait = max(self._overall.wait_needed(now), bucket.wait_needed(now))
        if wait > 0:
            retry = max(1, math.ceil(wait))
            raise SandboxError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)
        self._overall.take()
        bucket.take()

    def _chat(self, params: dict[str, Any]) -> SandboxUser:
        try:
            chat_id = int(params["chat_id"])
        except (KeyError, ValueError) as exc:
            raise SandboxError(400, "Bad Request: chat_id is empty") from exc
        user = self.users.get(chat_id)
        if user is None:
            raise SandboxError(400, "Bad Request: chat not found")
        if user.deactivated:
            raise SandboxError(403, "Forbidden: user is deactivated")
        if user.blocked_bot:
            raise SandboxError(403, "Forbidden: bot was blocked by the user")
        return user

    @staticmethod
    def _check_markup(markup: dict[str, Any] | None) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                if not BUTTON_ACTIONS & button.keys():
                    raise SandboxError(400, "Bad Request: can't parse inline keyboard button: Text buttons are "
                                            "unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA:
                    raise SandboxError(400, "Bad Request: BUTTON_DATA_INVALID")

    @staticmethod
    def _markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
        """None for no keyboard, however it is spelled (absent, null, no rows, empty rows)."""
        if not markup or not any(markup.get("inline_keyboard") or [[]]):
            return None
        return markup

    @staticmethod
    def _check_text(text: str | None) -> str:
        if not text or not text.strip():
            raise SandboxError(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT:
            raise SandboxError(400, "Bad Request: message is too long")
        return text

    def _record(self, msg: StoredMessage) -> dict[str, Any]:
        self.messages.append(msg)
        for listener in self.listeners:
            listener(msg)
        return self.message_json(msg)

    def _reply_to(self, params: dict[str, Any]) -> int | None:
        if params.get("reply_parameters"):
            return int(params["reply_parameters"]["message_id"])
        if params.get("reply_to_message_id"):
            return int(params["reply_to_message_id"])
        return None

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            raise SandboxError(404, "Not Found: method not found")
        trouble = self._trouble(method)
        if trouble is None:
            fault = self._planned_flood(method, params) or self._random_fault(method, params)
            if fault is not None:
                raise fault
            return await handler(params)
        if trouble.status is not None:
            raise SandboxError(trouble.status, _phrase(trouble.status))
        if trouble.delivered:
            await handler(params)
        await self.clock.sleep(trouble.timeout_after or CLIENT_TIMEOUT)
        # The in-process transport hands this to the client as-is: python-telegram-bot raises TimedOut.
        raise httpx.ReadTimeout(f"sandbox: {method} got no answer in time")

    async def api_getMe(self, params: dict[str, Any]) -> Any:
        return {**self.bot_json(), "can_join_groups": False, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    async def api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url = ""
        if _flag(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def api_setWebhook(self, params: dict[str, Any]) -> Any:
        url = str(params.get("url") or "")
        if url and not url.startswith("https://"):
            raise SandboxError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self.webhook_url = url  # an empty url removes the webhook, as deleteWebhook does
        if _flag(params.get("drop_pending_updates")):
            self._updates.clear()
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": self.pending_updates}

    async def api_setMyCommands(self, params: dict[str, Any]) -> Any:
        self.commands = list(params.get("commands") or [])
        return True

    async def api_getMyCommands(self, params: dict[str, Any]) -> Any:
        return self.commands

    async def api_getUpdates(self, params: dict[str, Any]) -> Any:
        """Long polling as Telegram does it: an offset confirms every update below it (a negative one keeps
        only the last -offset); updates older than `update_ttl` are gone; a new request terminates the one
        in flight (409 to the older), and no polling while a webhook is set. The wait is in real time."""
        if self.webhook_url:
            raise SandboxError(409, WEBHOOK_CONFLICT)
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        if offset < 0:
            while len(self._updates) > -offset:
                self._forget_first()
        while self._updates and self._updates[0]["update_id"] < offset:
            self._forget_first()
        self._expire_updates()
        for other in self._polls:
            other.terminated = True
            other.wake.set()
        poll = _Poll()
        self._polls.append(poll)
        try:
            if not self._updates and timeout > 0:
                try:
                    await asyncio.wait_for(poll.wake.wait(), timeout)
                except TimeoutError:
                    pass
            if poll.terminated:
                raise SandboxError(409, POLL_CONFLICT)
            self._expire_updates()
            return list(itertools.islice(self._updates, 0, limit))
        finally:
            self._polls.remove(poll)

    async def api_sendMessage(self, params: dict[str, Any]) -> Any:
        user = self._chat(params)
        text = self._check_text(params.get("text"))
        self._check_markup(params.get("reply_markup"))
        self._throttle(user.id)
        return self._record(StoredMessage(
            chat_id=user.id, message_id=self._next_message_id(user.id), from_bot=True, date=int(self._now()),
            text=text, reply_markup=params.get("reply_markup"), reply_to=self._reply_to(params)))

    async def api_sendDocument(self, params: dict[str, Any]) -> Any:
        user = self._chat(params)
        upload = params.get("document")
        if not isinstance(upload, tuple):
            raise SandboxError(400, "Bad Request: there is no document in the request")
        data, filename, mime = upload
        caption = params.get("caption")
        if caption and len(caption) > 1024:
            raise SandboxError(400, "Bad Request: message caption is too long")
        self._throttle(user.id)
        file_id = self._store_file(data, filename, mime)
        document = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename,
                    "mime_type": mime, "file_size": len(data)}
        return self._record(StoredMessage(
            chat_id=user.id, message_id=self._next_message_id(user.id), from_bot=True, date=int(self._now()),
            text=caption, document=document, reply_markup=params.get("reply_markup")))

    async def api_sendPhoto(self, params: dict[str, Any]) -> Any:
        """Kept as a document-like entry (file name and bytes) so transcripts and tests can read it."""
        user = self._chat(params)
        upload = params.get("photo")
        if not isinstance(upload, tuple):
            raise SandboxError(400, "Bad Request: there is no photo in the request")
        data, filename, mime = upload
        self._throttle(user.id)
        file_id = self._store_file(data, filename, mime)
        photo = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": filename, "mime_type": mime,
                 "file_size": len(data)}
        return self._record(StoredMessage(
            chat_id=user.id, message_id=self._next_message_id(user.id), from_bot=True, date=int(self._now()),
            text=params.get("caption"), document=photo))

    def _editable(self, params: dict[str, Any]) -> StoredMessage:
        user = self._chat(params)
        msg = self.find_message(user.id, int(params.get("message_id") or 0))
        if msg is None or not msg.from_bot:
            raise SandboxError(400, "Bad Request: message to edit not found")
        return msg

    async def api_editMessageText(self, params: dict[str, Any]) -> Any:
        """Without reply_markup the keyboard goes, as on Telegram."""
        msg = self._editable(params)
        text = self._check_text(params.get("text"))
        self._check_markup(params.get("reply_markup"))
        markup = self._markup(params.get("reply_markup"))
        if text == msg.text and markup == self._markup(msg.reply_markup):
            raise SandboxError(400, NOT_MODIFIED)
        msg.text, msg.reply_markup, msg.edited = text, markup, True
        return self.message_json(msg)

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        msg = self._editable(params)
        self._check_markup(params.get("reply_markup"))
        markup = self._markup(params.get("reply_markup"))
        if markup == self._markup(msg.reply_markup):  # e.g. removing a keyboard that is already gone
            raise SandboxError(400, NOT_MODIFIED)
        msg.reply_markup, msg.edited = markup, True
        return self.message_json(msg)

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        """Once per query, within `callback_ttl` of the tap."""
        query = self._callbacks.get(str(params.get("callback_query_id") or ""))
        if query is None or query.answered or self._now() - query.created > self.callback_ttl.total_seconds():
            raise SandboxError(400, QUERY_INVALID)
        text = params.get("text")
        if text and len(text) > 200:
            raise SandboxError(400, "Bad Request: MESSAGE_TOO_LONG")
        query.answered = True
        self.callback_answers.append(dict(params))
        return True

    async def api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise SandboxError(400, "Bad Request: invalid file_id")
        data, filename, _ = self.files[file_id]
        if len(data) > 20 * 1024 * 1024:
            raise SandboxError(400, "Bad Request: file is too big")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data),
                "file_path": f"documents/{file_id}"}


def create_app(state: SandboxState) -> Starlette:
    async def bot_method(request: Request) -> Response:
        if request.path_params["token"] != state.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        params = await _params(request)
        try:
            result = await state.call(request.path_params["method"], params)
        except SandboxError as exc:
            body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
            if exc.retry_after is not None:
                body["parameters"] = {"retry_after": exc.retry_after}
            return JSONResponse(body, status_code=exc.code)
        return JSONResponse({"ok": True, "result": result})

    async def file_download(request: Request) -> Response:
        if request.path_params["token"] != state.token:
            return Response(status_code=401)
        file_id = request.path_params["path"].rsplit("/", 1)[-1]
        if file_id not in state.files:
            return Response(status_code=404)
        data, _, mime = state.files[file_id]
        return Response(data, media_type=mime)

    return Starlette(routes=[
        Route("/bot{token}/{method}", bot_method, methods=["GET", "POST"]),
        Route("/file/bot{token}/{path:path}", file_download, methods=["GET"]),
    ])


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"Error {status}"


def _flag(value: Any) -> bool:
    """A boolean parameter as JSON (true) or as a form field ("true", "True", "1")."""
    return value is True or str(value).lower() in {"true", "1"}


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/json"):
        params.update(await request.json())
        return params
    if ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        async with request.form(max_part_size=MAX_UPLOAD) as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    params[key] = (await value.read(), value.filename or key, value.content_type or "")
                else:
                    params[key] = json.loads(value) if key in JSON_FIELDS else value
    return params
