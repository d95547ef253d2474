"""Drive the real bot through the sandboxes: people send text and files, tap buttons,
reply to messages, on Telegram or on Zalo; the clock moves and due reminders go
out. One conversation serves both channels, as in `nhacviec run` with both tokens.
Updates are handed over one at a time (as webhook delivery does), so runs are
deterministic.

Used by the tests and by `nhacviec chat`."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.orm import Session
from telegram import Update
from telegram.ext import Application
from telegram.request import HTTPXRequest

from bot.app import build_application, make_conversation
from bot.channels.telegram import conversation_of
from bot.channels.zalo import ZaloChannel, handle_update
from bot.channels.zalo_api import ZaloBotApi, parse_update
from bot.conversation.core import Conversation
from bot.conversation.reports import digest_day
from bot.sandbox import zalo as zalo_sandbox
from bot.sandbox.server import RateLimits, SandboxState, StoredMessage, create_app
from bot.settings import Settings, load_settings
from bot.ticks import run_tick
from scheduler.clock import FakeClock, LoopClock
from scheduler.dispatcher import DispatchResult, next_due_at
from storage.db import Database, upgrade
from storage.directory import bind_chat, import_directory, parse_directory_csv, person_by_handle
from storage.errors import PersonNotFound
from storage.models import Person

log = logging.getLogger(__name__)

FIRST_USER_ID = 100001
CHANNELS = ("telegram", "zalo")


@dataclass(frozen=True, kw_only=True)
class Sent:
    """One message the bot sent, as the transcript shows it."""

    at: dt.datetime
    to: str
    text: str | None
    buttons: list[str]
    document: str | None
    message_id: int | str
    channel: str = "telegram"

    def as_json(self, tz: dt.tzinfo) -> dict[str, Any]:
        return {"at": self.at.astimezone(tz).isoformat(), "to": self.to, "channel": self.channel, "text": self.text,
                "buttons": self.buttons, "document": self.document}


class HarnessError(Exception):
    """A script step that cannot be carried out (unknown person, no such button…); Vietnamese message."""


class Harness:
    """`channel`: where people act by default (`say`, `reply`, `tap`…); both channels always run.
    `clock`: a FakeClock, or a LoopClock on a VirtualTimeLoop (concurrent sleeps overlap: for timing runs)."""

    def __init__(self, *, db_url: str, clock: FakeClock | LoopClock, settings: Settings | None = None,
                 limits: RateLimits | None = None, zalo_limits: zalo_sandbox.ZaloRateLimits | None = None,
                 channel: str = "telegram") -> None:
        if channel not in CHANNELS:
            raise HarnessError(f"kênh “{channel}” không có; chọn telegram hoặc zalo")
        self.clock = clock
        self.db_url = db_url
        self.channel = channel
        self.state = SandboxState(clock=clock, limits=limits or RateLimits())
        self.zalo = zalo_sandbox.ZaloSandboxState(clock=clock, limits=zalo_limits or zalo_sandbox.ZaloRateLimits())
        self.settings = settings or load_settings(environ={}, env_file=None)
        self.settings = self.settings.model_copy(update={
            "telegram_bot_token": SecretStr(self.state.token), "telegram_base_url": "http://sandbox/bot",
            "zalo_bot_token": SecretStr(self.zalo.token), "zalo_base_url": "http://zalo-sandbox"})
        self.db: Database | None = None
        self.app: Application | None = None  # type: ignore[type-arg]
        self.conversation: Conversation | None = None
        self.zalo_api: ZaloBotApi | None = None
        self.handles: dict[str, int] = {}
        self.enroll_all = False
        self.sent: list[Sent] = []
        self._listeners: list[Any] = []
        self.state.listeners.append(self._on_bot_message)
        self.zalo.listeners.append(self._on_zalo_message)

    # ---------------------------------------------------------------- life cycle

    async def start(self, *, directory_csv: bytes | None = None, enroll_all: bool = False,
                    with_job_queue: bool = False, not_enrolled: frozenset[str] = frozenset()) -> Harness:
        """`with_job_queue`: the application's own JobQueue drives the ticks in real time, as in
        `nhacviec run`; by default the caller moves the clock and ticks (deterministic). `not_enrolled`: handles
        left without a chat under `enroll_all` (a head who has not opened their invite yet)."""
        await asyncio.to_thread(upgrade, self.db_url)
        self.db = Database(self.db_url)
        self.enroll_all = enroll_all
        if directory_csv is not None:
            rows = parse_directory_csv(directory_csv)
            await self.db.run(import_directory, rows, now=self.clock.now())
        for person in await self.db.run(_people):
            self.add_person(person.handle, person.full_name)
            if enroll_all and person.role != "left" and person.handle not in not_enrolled:  # (who left: no chat)
                await self.db.run(bind_chat, handle=person.handle, channel=self.channel,
                                  chat_id=self.chat_of(person.handle, self.channel))
        self.conversation = make_conversation(self.settings, db=self.db, clock=self.clock)
        transport = httpx.ASGITransport(app=create_app(self.state))
        self.app = build_application(
            self.settings, db=self.db, clock=self.clock, with_job_queue=with_job_queue,
            request=HTTPXRequest(httpx_kwargs={"transport": transport}),
            get_updates_request=HTTPXRequest(httpx_kwargs={"transport": transport}), conversation=self.conversation,
        )
        assert self.settings.zalo_bot_token is not None
        self.zalo_api = ZaloBotApi(self.settings.zalo_bot_token.get_secret_value(),
                                   base_url=self.settings.zalo_base_url,
                                   transport=httpx.ASGITransport(app=zalo_sandbox.create_app(self.zalo)))
        self.conversation.add_channel(ZaloChannel(self.zalo_api))
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        return self

    async def stop(self) -> None:
        if self.app is not None:
            await self.app.shutdown()
        if self.zalo_api is not None:
            await self.zalo_api.aclose()
        if self.db is not None:
            self.db.dispose()

    async def __aenter__(self) -> Harness:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def add_person(self, handle: str, name: str, user_id: int | None = None) -> int:
        """A person with an account on both channels (Telegram user id N, Zalo user id "zN")."""
        if handle not in self.handles:
            user_id = user_id or FIRST_USER_ID + len(self.handles)
            self.state.add_user(user_id, name, handle)
            self.zalo.add_user(f"z{user_id}", name)
            self.handles[handle] = user_id
        return self.handles[handle]

    def add_stranger(self, handle: str) -> int:
        """Someone with a chat account who is in no directory and was never invited: what they send comes from a
        stranger's chat (to try "/start" from someone the office has not enrolled)."""
        return self.add_person(handle.lstrip("@"), handle.lstrip("@"))

    def knows(self, handle: str) -> bool:
        """Whether `handle` has an account here: added, or in the directory (a person the run's files added)."""
        try:
            self._user(handle)
        except HarnessError:
            return False
        return True

    def chat_of(self, handle: str, channel: str) -> str:
        user_id = self._user(handle)
        return str(user_id) if channel == "telegram" else f"z{user_id}"

    def subscribe(self, listener: Any) -> None:
        """`listener(Sent)` is called for every message the bot sends."""
        self._listeners.append(listener)

    def _on_bot_message(self, msg: StoredMessage) -> None:
        to = next((h for h, uid in self.handles.items() if uid == msg.chat_id), str(msg.chat_id))
        self._record(Sent(at=self.clock.now(), to=to, text=msg.text, buttons=msg.buttons,
                          document=msg.document["file_name"] if msg.document else None, message_id=msg.message_id))

    def _on_zalo_message(self, msg: zalo_sandbox.ZaloStoredMessage) -> None:
        to = next((h for h, uid in self.handles.items() if f"z{uid}" == msg.chat_id), msg.chat_id)
        self._record(Sent(at=self.clock.now(), to=to, text=msg.text or msg.caption, buttons=[], document=None,
                          message_id=msg.message_id, channel="zalo"))

    def _record(self, sent: Sent) -> None:
        self.sent.append(sent)
        for listener in self._listeners:
            listener(sent)

    # ---------------------------------------------------------------- people act

    def _user(self, handle: str) -> int:
        handle = handle.lstrip("@")
        if handle not in self.handles and self.db is not None:
            # someone a directory file added during the run (a new head): an account of their own, linked from the
            # start when everyone was (--enroll-all), else by the invite the admin sends them
            try:
                person: Person | None = self.db.call(person_by_handle, handle)
            except PersonNotFound:
                person = None
            if person is not None and person.role != "left":
                self.add_person(person.handle, person.full_name)
                if self.enroll_all:
                    self.db.call(bind_chat, handle=person.handle, channel=self.channel,
                                 chat_id=self.chat_of(person.handle, self.channel))
        if handle not in self.handles:
            raise HarnessError(f"không có cán bộ @{handle} trong danh bạ")
        return self.handles[handle]

    async def deliver(self, update: dict[str, Any], channel: str = "telegram") -> None:
        if channel == "zalo":
            assert self.conversation is not None
            await handle_update(self.conversation, parse_update(update))
            return
        assert self.app is not None
        await self.app.process_update(Update.de_json(update, self.app.bot))

    def _on(self, channel: str | None) -> str:
        return channel or self.channel

    async def say(self, handle: str, text: str, channel: str | None = None) -> None:
        channel = self._on(channel)
        if channel == "zalo":
            await self.deliver(self.zalo.user_text(self.chat_of(handle, "zalo"), text), "zalo")
        else:
            await self.deliver(self.state.user_text(self._user(handle), text))

    async def paste(self, handle: str, path: str | Path, channel: str | None = None) -> None:
        """The person pastes the file's whole text as one message (as copying a notice does)."""
        await self.say(handle, Path(path).read_text(encoding="utf-8"), channel)

    async def send_file(self, handle: str, path: str | Path, data: bytes | None = None,
                        channel: str | None = None) -> None:
        path = Path(path)
        if self._on(channel) == "zalo":  # Zalo delivers files as "unsupported"
            await self.deliver(self.zalo.user_unsupported(self.chat_of(handle, "zalo")), "zalo")
            return
        content = data if data is not None else path.read_bytes()
        await self.deliver(self.state.user_document(self._user(handle), content, path.name))

    async def send_photo(self, handle: str, data: bytes) -> None:
        await self.deliver(self.state.user_photo(self._user(handle), data))

    def last_with_button(self, handle: str, label: str, containing: str | None = None) -> StoredMessage:
        """The last bot message to `handle` with that button (and, if given, that text in it)."""
        uid = self._user(handle)
        for msg in reversed(self.state.bot_messages(uid)):
            if label in msg.buttons and (containing is None or containing in (msg.text or "")):
                return msg
        where = f" có “{containing}”" if containing else ""
        raise HarnessError(f"không có tin nhắn{where} gửi @{handle.lstrip('@')} mang nút [{label}]")

    async def tap(self, handle: str, label: str, containing: str | None = None, channel: str | None = None) -> None:
        if self._on(channel) == "zalo":
            raise HarnessError(f"Zalo không có nút bấm: @{handle.lstrip('@')} gõ nội dung thay cho nút [{label}] "
                               "(xem dòng «Đồng chí trả lời bằng cách gõ: …» trong tin nhắn)")
        msg = self.last_with_button(handle, label, containing)
        data = msg.button_data(label)
        assert data is not None
        await self.deliver(self.state.user_tap(self._user(handle), msg, data))

    async def reply(self, handle: str, text: str, channel: str | None = None) -> None:
        if self._on(channel) == "zalo":
            raise HarnessError("Zalo không có trả lời (reply) vào một tin nhắn: đồng chí gõ kèm số mục, "
                               "ví dụ «2.1 xong»")
        uid = self._user(handle)
        received = self.state.bot_messages(uid)
        if not received:
            raise HarnessError(f"@{handle.lstrip('@')} chưa nhận tin nhắn nào để trả lời")
        await self.deliver(self.state.user_text(uid, text, reply_to=received[-1].message_id))

    def block(self, handle: str, blocked: bool = True) -> None:
        """The person blocks the bot (or unblocks it) on both channels: sends to them are refused as Telegram and
        Zalo refuse them ("bot was blocked by the user")."""
        user_id = self._user(handle)
        self.state.users[user_id].blocked_bot = blocked
        self.zalo.users[f"z{user_id}"].blocked_bot = blocked

    async def open_invite(self, handle: str, channel: str | None = None) -> None:
        """Redeem the last invite code the bot gave for `handle` (as that person, on the channel)."""
        handle = handle.lstrip("@")
        for sent in reversed(self.sent):
            m = re.search(rf"\({re.escape(handle)}\): (\S+)", sent.text or "")
            if m:
                await self.say(handle, f"/start {m.group(1)}", channel)
                return
        raise HarnessError(f"chưa có mã mời nào cho @{handle}")

    # ---------------------------------------------------------------- time moves

    async def tick(self) -> DispatchResult:
        assert self.app is not None and self.db is not None
        return await run_tick(conversation_of(self.app), worker="sandbox")

    async def advance_to(self, target: dt.datetime) -> None:
        """Move the clock to `target`, stopping at every working morning on the way (when the dispatcher
        plans and sends that day's digests), at the leaders' weekly summary, and at every retry that falls due."""
        assert self.app is not None and self.db is not None
        ctx = conversation_of(self.app).ctx
        await ctx.refresh_calendar()  # stop on the working mornings of the admin's calendar
        policy, settings = ctx.policy, ctx.settings
        calendar = policy.calendar
        day = calendar.local(self.clock.now()).date()
        while (morning := calendar.at(day, policy.remind_at)) <= target:
            if calendar.is_working_day(day) and morning >= self.clock.now():
                self.clock.set(morning)
                await self._drain(min(target, calendar.at(day, calendar.day_end)))
            weekly = calendar.at(day, settings.weekly_at)
            if day == digest_day(calendar, day, settings.weekly_day) and self.clock.now() <= weekly <= target:
                self.clock.set(weekly)
                await self._drain(min(target, calendar.at(day, calendar.day_end)))
            day += dt.timedelta(days=1)
        if target > self.clock.now():
            self.clock.set(target)
        await self._drain(target)

    async def _drain(self, until: dt.datetime) -> None:
        """Tick until nothing more is due by `until` (flood control and retries wait on the clock)."""
        assert self.db is not None
        calendar = conversation_of(self.app).ctx.policy.calendar  # type: ignore[arg-type]
        for _ in range(10_000):  # a bound, in case a row never leaves the due set
            result = await self.tick()
            if result.retry_after:
                await self.clock.sleep(result.retry_after)
                continue
            due = await self.db.run(next_due_at)
            if due is None:
                return
            step = max(due, self.clock.now())
            if not calendar.is_working_time(step):
                step = calendar.next_working_instant(step)
            if step > until or (step == self.clock.now() and not (result.sent or result.failed)):
                return
            self.clock.set(step)


def _people(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).order_by(Person.id)))
