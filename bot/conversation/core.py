"""The conversation, written once for every channel: an event in, the right
feature, answers out through the channel it came from (or the one a person
chose). Domain errors become their Vietnamese message here; anything else an
apology and a log line. No chat library is imported below this package."""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial

from sqlalchemy.orm import Session

from bot import texts
from bot.context import AppContext
from bot.conversation import (
    delivery,
    directory,
    due_reports,
    enroll,
    itemquery,
    leave,
    notices,
    office,
    reports,
    status,
    supporting,
    withdraw,
    workdays,
)
from bot.conversation.events import (
    Channel,
    Document,
    FileIn,
    Inbound,
    Outgoing,
    Part,
    SentMessage,
    TapIn,
    TextIn,
    UnsupportedIn,
)
from bot.conversation.held import send_held
from bot.conversation.render import fit
from bot.replies import chat_fold
from bot.textbase import without_particles
from scheduler.dispatcher import (
    CHAT_GAP,
    DigestView,
    Pacing,
    RateLimited,
    Sender,
    SendError,
    TransientSendError,
    digest_rate,
    give_way,
    pace,
    sleep_until,
)
from storage.calendar import CalendarDays, load_calendar_days
from storage.directory import ensure_bootstrap_admin, is_directory_file, person_by_address
from storage.errors import NhacViecError
from storage.held import HeldFile, hold_message, hold_refused, refused_waiting
from storage.models import Person, Role, Task
from storage.notices import latest_draft
from storage.tasks import ExtensionRequest, open_tasks_for
from storage.vntext import strip_marks

log = logging.getLogger(__name__)

MAX_FLOOD_WAITS = 3  # a message sent outside a handler waits out flood control this many times before giving up
# a handler's message (the reply a person waits for) waits out flood control once, and only this long: the
# dispatcher leaves it headroom (Settings.reply_reserve), so a 429 there is rare; a longer ban (the chat's own, or
# the whole bot's) never holds the handler: `send` keeps the parts not sent for the first tick after the ban
HANDLER_FLOOD_WAIT_S = 1.0
_in_handler: contextvars.ContextVar[bool] = contextvars.ContextVar("in_handler", default=False)
# a line said first in the next reply to the event being handled (a new-year wish returned above the status)
_said_first: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("said_first", default=None)
MAX_SERVER_RETRIES = 2  # … and a server error (5xx) this many times, 1 s then 2 s apart
PASTED_DIRECTORY = "danh-ba-dan.csv"  # the name a pasted directory table is imported and audited under
CHAT_BURST = 3  # parts of one digest sent back to back before the one-a-second pace of a chat


@dataclass(frozen=True, kw_only=True)
class Command:
    name: str  # without the slash, lower case
    args: list[str]


def _gate_read(session: Session, *, channel: str, chat_id: str, admin: bool, name: str,
               now: dt.datetime) -> tuple[Person | None, CalendarDays]:
    """The person behind a chat (an admin from the settings is made on first contact) and the admin's calendar
    corrections, in one transaction."""
    if admin:
        person: Person | None = ensure_bootstrap_admin(session, channel=channel, chat_id=chat_id, name=name, now=now)
    else:
        person = person_by_address(session, channel, chat_id)
    return person, load_calendar_days(session)


def parse_command(text: str) -> Command | None:
    """"/moi head_bdv" → Command("moi", ["head_bdv"]); "/start@NhacVietBot CODE" too."""
    text = text.strip()
    if not text.startswith("/") or len(text) < 2:
        return None
    head, *args = text.split()
    # "/nghỉ", "/Việc": read without marks, as the commands are named
    return Command(name=strip_marks(head[1:].split("@", 1)[0]).lower(), args=args)


class Conversation:
    """Channel adapters call `handle(event)`; features answer through `reply`/`notify`."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.channels: dict[str, Channel] = {}
        self._pacing: dict[str, Pacing] = {}  # per channel: the digests' sending slots, which replies go ahead of
        # the chats a handler's refused message may still wait for (`send`): kept by this process, or the person's
        # row says so (`replies_held`, read with the person at each update): the next one there goes after it
        self._refused_chats: set[tuple[str, str]] = set()

    def add_channel(self, channel: Channel) -> None:
        self.channels[channel.name] = channel

    def pacing(self, channel: str, *, anew: bool = False) -> Pacing:
        """The schedule the digests to `channel` are paced on in this process; `anew`: a fresh one, for a tick's
        ConversationSender (each tick's pace starts from its own first send, as before replies shared it)."""
        if anew or channel not in self._pacing:
            self._pacing[channel] = Pacing()
        return self._pacing[channel]

    def paced_rate(self, channel: str) -> float | None:
        """The rate the digests to `channel` are paced at: the channel's overall rate less the reply reserve."""
        return digest_rate(self.channel(channel).capabilities.max_per_second, self.ctx.settings.reply_reserve)

    # ---------------------------------------------------------------- in

    async def handle(self, event: Inbound) -> None:
        handling = _in_handler.set(True)  # what the handler sends never sleeps long on flood control (send_one)
        try:
            await self._handle(event)
        finally:
            _in_handler.reset(handling)

    async def _handle(self, event: Inbound) -> None:
        try:
            person = await self._gate(event)
            if person is not None or _is_start(event):
                await self._route(event, person)
        except NhacViecError as exc:
            log.info("refused: %s (%s)", exc.reason, type(exc).__name__)
            await self._explain(event, exc.user_message, alert=True)
        except Exception:
            log.exception("unhandled error while handling %s from %s:%s", type(event).__name__, event.channel,
                          event.chat_id)
            await self._explain(event, texts.GENERIC_ERROR, alert=False)

    async def _gate(self, event: Inbound) -> Person | None:
        """The enrolled person behind the event; admins from the settings are made on first contact.
        An unbound chat may only /start; anything else is told how to enroll."""
        ctx = self.ctx
        admin = event.chat_id in ctx.settings.admin_chats(event.channel)
        person, days = await ctx.db.run(_gate_read, channel=event.channel, chat_id=event.chat_id, admin=admin,
                                        name=event.user_name, now=ctx.clock.now())
        ctx.use_calendar_days(days)  # every feature below judges by the admin's calendar as of now
        if person is not None and person.replies_held:  # (a refused reply may wait: the next goes after it)
            self._refused_chats.add((event.channel, event.chat_id))
        if admin:
            return person
        if person is None and not _is_start(event):
            log.info("%s from unbound chat %s:%s refused", type(event).__name__, event.channel, event.chat_id)
            await self._explain(event, texts.not_enrolled(event.channel), alert=True)
        return person

    async def _route(self, event: Inbound, person: Person | None) -> None:
        if isinstance(event, TextIn):
            command = parse_command(event.text)
            if command is not None:
                if command.name == "start":
                    await enroll.start(self, event, command.args, person)
                    return
                assert person is not None
                handler = {
                    "huongdan": enroll.help_command, "help": enroll.help_command, "trogiup": enroll.help_command,
                    "moi": enroll.invite,
                    "kenh": enroll.choose_channel, "viec": supporting.my_tasks, "tonghop": reports.summary,
                    "baocao": report_alias,
                    "nghi": leave.leave, "huy": withdraw.withdraw_command, "loi": delivery.problems,
                    "donvi": reports.unit_summary,
                    "giao": status.delegate_command, "lich": workdays.calendar_command, "hoi": office.waiting,
                }.get(command.name)
                if handler is None:
                    await self.say(event, texts.UNKNOWN_COMMAND)
                else:
                    await handler(self, event, command.args, person)
                return
            assert person is not None
            await _on_text(self, event, person)
        elif isinstance(event, FileIn):
            assert person is not None
            await notices.on_file(self, event, person)
        elif isinstance(event, TapIn):
            assert person is not None
            kind = event.data.split(":", 1)[0]
            handler_for_tap = {"n": notices.on_tap, "t": status.on_tap, "x": status.on_extension_tap,
                               "d": status.on_detail_tap, "s": status.on_snooze_tap,
                               "w": status.on_which_tap, "g": status.on_delegate_tap,
                               "r": status.on_round_tap, "m": notices.on_move_tap}.get(kind)
            if handler_for_tap is None:
                log.info("unknown action data %r", event.data)
                await self.answer_tap(event, texts.STALE_BUTTON, alert=True)
                return
            await handler_for_tap(self, event, person)
        elif isinstance(event, UnsupportedIn):
            assert person is not None
            await self.say(event, texts.unsupported_on(event.channel, event.what, person.is_admin))

    # ---------------------------------------------------------------- out

    def channel(self, name: str) -> Channel:
        return self.channels[name]

    def replies_reach(self, person: Person) -> bool:
        """Whether the channel that reaches `person` lets them reply to a message (Telegram does, Zalo does not):
        a message to them then says "trả lời tin này", else "gõ …"."""
        address = self.address_of(person)
        return address is not None and self.channel(address[0]).capabilities.reply_to

    async def send(self, channel: str, chat_id: str, message: Outgoing, *, patient: bool = True,
                   wait_flood: bool = True, remember: tuple[str, int] | None = None) -> SentMessage:
        """Send through `channel`, fitted to it, part by part. `patient`: wait out flood control a few
        times (a reply a person waits for); otherwise RateLimited goes up (the dispatcher pauses); `wait_flood`
        False: a 429 goes up at once (a held message, tried again at the ban's end). In a handler a longer ban
        never holds the handler: the parts not yet sent are kept (`hold_refused`) and go out, from the refused one
        on, once the chat's ban ends (`held=True`; `remember`: what a reply to the last part is about)."""
        ch = self.channel(channel)
        ids: list[str] = []
        parts = fit(message, ch.capabilities)
        sends: list[Callable[[], Awaitable[str]]] = [partial(ch.send_part, chat_id, part) for part in parts]
        kept: list[Part | _KeptFile] = list(parts)  # (what `sends` sends, as a refused reply keeps it)
        if message.picture is not None and ch.capabilities.documents_out:
            sends.append(partial(ch.send_picture, chat_id, message.picture))
            kept.append(_file("picture", message.picture))
        if message.document is not None:
            if ch.capabilities.documents_out:
                sends.append(partial(ch.send_document, chat_id, message.document))
                kept.append(_file("document", message.document))
            else:
                log.info("%s cannot send files; %s not sent to %s", channel, message.document.filename, chat_id)
        holding = patient and wait_flood and _in_handler.get()
        if holding and (channel, chat_id) in self._refused_chats and \
                (behind := await self._behind_refused(channel, chat_id)) is not None:
            # (the chat's refused messages could not go first: this one waits behind them, in order)
            if await self._hold_refused(channel, chat_id, kept, None, remember, after=behind):
                return SentMessage(channel=channel, chat_id=chat_id, held=True)
        for index, call in enumerate(sends):
            try:
                ids.append(await self.send_one(call, channel, chat_id, patient=patient, wait_flood=wait_flood))
            except RateLimited as exc:
                if not holding or not await self._hold_refused(channel, chat_id, kept[index:], exc, remember):
                    raise
                return SentMessage(channel=channel, chat_id=chat_id, message_ids=ids, held=True)
        return SentMessage(channel=channel, chat_id=chat_id, message_ids=ids)

    async def _behind_refused(self, channel: str, chat_id: str) -> dt.datetime | None:
        """Before a handler's message to a chat a refused message may still wait for (kept by any worker): send the
        chat's refused messages now due first (their ban is over); when some still wait, when the last is due (this
        one goes after it)."""
        await send_held(self, refused_only=True, to=(channel, chat_id))
        if (due := await self.ctx.db.run(refused_waiting, channel, chat_id)) is None:
            self._refused_chats.discard((channel, chat_id))
        return due

    async def _hold_refused(self, channel: str, chat_id: str, parts: list[Part | _KeptFile], exc: RateLimited | None,
                            remember: tuple[str, int] | None, *, after: dt.datetime | None = None) -> bool:
        """A handler's message refused by flood control for longer than a handler waits (`exc`; None: kept behind
        the chat's earlier refused ones, due `after`): its parts from the refused one on — text, picture, file — are
        kept for the next tick after the ban (and the ban stored for every worker); False: the chat is nobody's,
        nothing kept."""
        now = self.ctx.clock.now()
        rows = [(p.text, [[[a.label, a.typed, a.data] for a in row] for row in p.actions], None)
                if isinstance(p, Part) else (p.caption, [], p.file) for p in parts]
        wait = exc.retry_after if exc is not None else 0.0
        due = await self.ctx.db.run(hold_refused, channel=channel, chat_id=chat_id, parts=rows, remember=remember,
                                    now=now, retry_at=max(now + dt.timedelta(seconds=wait), after or now),
                                    whole_channel=exc is not None and exc.whole_channel, refused=exc is not None)
        if due is None:
            log.warning("flood control on %s:%s for %.0fs: a reply to an unknown chat not sent", channel, chat_id,
                        wait)
            return False
        self._refused_chats.add((channel, chat_id))
        log.info("flood control on %s:%s for %.0fs: %d part(s) of a reply held until %s", channel, chat_id,
                 wait, len(parts), due.isoformat())
        return True

    async def send_one(self, call: Callable[[], Awaitable[str]], channel: str, chat_id: str, *,
                        patient: bool, wait_flood: bool = True) -> str:
        """One message. Patient: flood control is waited out a few times — in a handler once, and only when it is
        over within HANDLER_FLOOD_WAIT_S (a one-a-second chat's next part; anything longer goes up at once, and
        `send` keeps the rest for after the ban) —,
        and a server error (5xx: the message surely did not arrive) is tried again after 1 s and 2 s, so a reply
        or a digest's next part is not lost to a passing hiccup. A timeout (it may have arrived) is never retried
        here."""
        floods = errors = 0
        while True:
            try:
                sent = await call()
            except RateLimited as exc:
                floods += 1
                if not patient or not wait_flood or floods > MAX_FLOOD_WAITS:
                    raise
                if _in_handler.get() and (floods > 1 or exc.retry_after > HANDLER_FLOOD_WAIT_S):
                    log.info("flood control on %s:%s for %.0fs: a handler does not wait it out", channel, chat_id,
                             exc.retry_after)
                    raise
                log.info("flood control on %s:%s: waiting %.0fs", channel, chat_id, exc.retry_after)
                await self.ctx.clock.sleep(exc.retry_after)
            except TransientSendError as exc:
                errors += 1
                if not patient or errors > MAX_SERVER_RETRIES:
                    raise
                log.info("server error on %s:%s (%s): trying again in %ds", channel, chat_id, exc, errors)
                await self.ctx.clock.sleep(errors)
            else:
                if _in_handler.get():  # a reply, sent at once: the digests being sent go one slot later
                    give_way(self.pacing(channel), self.paced_rate(channel), self.ctx.clock)
                return sent

    async def reply(self, event: Inbound, message: Outgoing) -> SentMessage:
        if (first := _said_first.get()) and message.text:
            message = dataclasses.replace(message, text=f"{first.pop()}\n{message.text}")
        if (after := status.SAID_AFTER.get()) and message.text:  # a question closed or confirmed by this message
            message = dataclasses.replace(message, text="\n".join([message.text, *after]))
            after.clear()
        return await self.send(event.channel, event.chat_id, message)

    async def say(self, event: Inbound, text: str, *, quote: bool = False) -> SentMessage:
        return await self.reply(event, Outgoing(text=text, reply_to=event.message_id if quote else None))

    def address_of(self, person: Person) -> tuple[str, str] | None:
        """Where `person` can be told: their delivery address on a running channel; None: no chat linked there."""
        address = person.delivery_address()
        return address if address is not None and address[0] in self.channels else None

    def held_until(self) -> dt.datetime | None:
        """When a message to someone else written now goes out: None at once (working hours), else the next working
        morning at the reminder hour (evenings, weekends, holidays)."""
        ctx = self.ctx
        now, calendar = ctx.clock.now(), ctx.policy.calendar
        if calendar.is_working_time(now):
            return None
        return calendar.at(calendar.next_working_instant(now).date(), max(ctx.policy.remind_at, calendar.day_start))

    async def notify(self, person: Person, message: Outgoing, *, remember: tuple[str, int] | None = None,
                     under: tuple[str, str, str] | None = None) -> SentMessage | None:
        """Tell someone else, on the channel their reminders go to; None if they cannot be reached
        (logged: a fan-out goes on to the next person). Outside working hours (evenings, weekends, holidays) the
        message is held for the next working morning (`held`): only the writer's own replies go out at once.
        `remember`: what a reply to it is about ("task", "update" — a task's update copied —, "question",
        "extension" and its id), recorded by the tick that sends a held one (the caller records an immediate one).
        `under`: (channel, chat, message) of a message shown to them earlier: in working hours said under it, quoting
        it, on that chat (while its channel runs); held like any other (then unquoted, where their reminders go)."""
        address = self.address_of(person)
        if under is not None and self.held_until() is None:
            address = (under[0], under[1]) if under[0] in self.channels else None
            message = dataclasses.replace(message, reply_to=under[2])
        if address is None:
            log.info("person %s has no chat on a running channel; not told", person.handle)
            return None
        ctx = self.ctx
        now = ctx.clock.now()
        if (due := self.held_until()) is not None and message.document is None and message.picture is None:
            actions = [[[a.label, a.typed, a.data] for a in row] for row in message.actions]
            await ctx.db.run(hold_message, person_id=person.id, text=message.text, actions=actions,
                             remember=remember, now=now, due_at=due)
            log.info("message to %s held until %s (outside working hours)", person.handle, due.isoformat())
            return SentMessage(channel=address[0], chat_id=address[1], held=True)
        if person.replies_held:  # (their refused reply may wait: this goes after it)
            self._refused_chats.add(address)
        try:
            return await self.send(address[0], address[1], message, remember=remember)
        except SendError as exc:
            log.warning("could not tell person %s on %s: %s", person.handle, address[0], exc)
            return None

    async def answer_tap(self, event: Inbound, text: str | None = None, *, alert: bool = False) -> None:
        if isinstance(event, TapIn):
            try:
                await self.channel(event.channel).answer_tap(event, text[:200] if text else None, alert=alert)
            except SendError as exc:  # too old or already answered: the person still gets a message
                log.info("tap %s not acknowledged: %s", event.tap_id, exc)

    async def clear_actions(self, channel: str, chat_id: str, message_id: str) -> None:
        try:
            await self.channel(channel).clear_actions(chat_id, message_id)
        except SendError as exc:
            log.info("actions not cleared on %s:%s/%s: %s", channel, chat_id, message_id, exc)

    async def _explain(self, event: Inbound, text: str, *, alert: bool) -> None:
        try:
            if isinstance(event, TapIn):
                await self.answer_tap(event, text, alert=alert)
            await self.say(event, text)
        except Exception:
            log.exception("could not tell %s:%s about the error", event.channel, event.chat_id)


@dataclass(frozen=True, kw_only=True)
class _KeptFile:
    """A refused reply's picture or file, as `_hold_refused` keeps it."""

    caption: str
    file: HeldFile


def _file(kind: str, document: Document) -> _KeptFile:
    return _KeptFile(caption=document.caption, file=HeldFile(kind=kind, filename=document.filename,
                                                            data=document.data))


def _is_start(event: Inbound) -> bool:
    if not isinstance(event, TextIn):
        return False
    command = parse_command(event.text)
    return command is not None and command.name == "start"


async def report_alias(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    """/baocao, the name a leader guesses for the report: /tonghop for leaders and the office; for the others, who
    report rather than read reports, their tasks and how to report on them (/viec)."""
    if person.is_admin or person.role == Role.LEADER:
        await reports.summary(conv, event, args, person)
    else:
        await supporting.my_tasks(conv, event, args, person)


# a question about one's own work, on folded text: "đơn vị mình có nhiệm vụ gì?", "tôi còn việc nào chưa xong?",
# "nhiem vu cua toi la gi", "mục nào phải báo cáo vậy?" — answered as /viec
ASKS_OWN_TASKS = re.compile(r"\b(?:nhiem vu|viec|cong viec|muc)\b(?:\s+\w+){0,4}?\s+(?:gi|nao|nhung gi)\b|"
                            r"\b(?:nhiem vu|viec) cua (?:toi|minh|em|don vi|phong|huyen|so)\b")


def example_ref(mine: Sequence[Task]) -> str | None:
    """An item number of the person's own open tasks to give as an example, quick to type ("III.3.c", not "III.16
    (đoạn 2)"); None when they hold none: no number they do not hold (probe 37, #8)."""
    return next((t.item_ref for t in mine if " " not in t.item_ref), mine[0].item_ref if mine else None)


async def _on_text(conv: Conversation, event: TextIn, person: Person) -> None:
    """Free text: a status reply, a draft correction or decision, a typed status, or (admins) a notice."""
    if not event.text.strip():
        mine = [] if person.is_admin else await conv.ctx.db.run(open_tasks_for, person)
        ref = example_ref(mine)
        await conv.say(event, texts.empty_message(person.is_admin, ref, leader=person.role == Role.LEADER,
                                                  holds_tasks=bool(mine)))
        return
    async with status.questions_open(conv, event, person):  # a report naming the item asked about confirms it
        await _on_text_read(conv, event, person)


async def _on_text_read(conv: Conversation, event: TextIn, person: Person) -> None:
    if (returned := await status.return_new_year_wish(conv, event, person)) is not None:
        # "Chúc mừng năm mới đồng chí, mục 2 xong ạ": the wish returned on the first line of the answer
        first = [returned]
        said_first = _said_first.set(first)
        try:
            await _on_text_said(conv, event, person)
        finally:
            _said_first.reset(said_first)
        if first:  # nothing was answered: the wish alone
            await conv.say(event, first.pop())
        return
    await _on_text_said(conv, event, person)


async def _on_text_said(conv: Conversation, event: TextIn, person: Person) -> None:
    # a question read without its polite particles ("UBND xã X thế nào ạ?" is "UBND xã X thế nào?", probe 23)
    plain = dataclasses.replace(event, text=without_particles(event.text))
    if (await office.reply_answer(conv, event, person) or await office.typed_to_office(conv, event, person)
            or await status.date_for_extension(conv, event, person)  # "đến 12/9" after "đến ngày nào?"
            or await notices.typed_move(conv, event, person)  # before a reply's progress: never stored as one
            or await notices.typed_edit(conv, event, person)  # "2.d hạn 26/02" from the office after confirmation
            or await notices.typed_ref_edit(conv, event, person)  # "1.b số mục: 2.a"; a holder's "đúng ra là mục 2"
            or await status.typed_hand_off(conv, event, person)  # "Chuyển mục 2 cho đ/c Hoa", in reply too
            or await leave.typed_leave(conv, event, person)  # "Tôi nghỉ phép từ 4/5 đến 8/5, đ/c Thành làm thay"
            or await status.reply_status(conv, event, person) or await notices.correct_draft(conv, event, person)
            or await notices.typed_decision(conv, event, person)
            or await status.typed_extension_decision(conv, event, person)
            or await due_reports.periodic_question(conv, plain, person)  # "có phải báo cáo hằng tháng không?"
            or await itemquery.item_question(conv, plain, person)  # "tình hình mục 2.1": that item, done or not
            or await reports.blocked_question(conv, plain, person)  # "việc nào đang vướng?": never a status
            or await reports.typed_question(conv, plain, person)
            or await status.typed_direction(conv, event, person)
            or await status.typed_status(conv, event, person)):
        return
    words = chat_fold(event.text).split()
    if " ".join(words).strip(" ?.!") == "bao cao" and (person.is_admin or person.role == Role.LEADER):
        await reports.summary(conv, event, [], person)  # "báo cáo" alone from a leader: the report, as /baocao
        return
    if words[:2] == ["tong", "hop"] and (person.is_admin or person.role == Role.LEADER):  # "/tonghop" without "/"
        await reports.summary(conv, event, event.text.split()[2:], person)
        return
    if words[:1] == ["lich"] and person.is_admin and len(words) <= 8:  # "lịch nghỉ Tết", "lich nghi 12/02 …"
        await workdays.calendar_command(conv, event, event.text.split()[1:], person)
        return
    if await due_reports.answer(conv, event, person):  # "tháng này phải báo cáo gì?": not the office's (probe 39)
        return
    first = chat_fold(event.text.split("?")[0]).split() if "?" in event.text else words  # (the first question)
    if len(first) <= 12 and ASKS_OWN_TASKS.search(" ".join(first)):  # "huyện mình có nhiệm vụ gì?": /viec
        await supporting.my_tasks(conv, event, [], person)
        return
    if (wished := status.greeting_answer(event.text)) is not None:  # "chúc mừng năm mới": one courteous line
        if wished == texts.GREETING_REPLY:  # (returned: a wish said with a report later is not returned again)
            await status.new_year_returned_first(conv, person)
        await conv.say(event, wished)
        return
    if status.is_hello(event.text):  # "xin chào", "chào bot": a greeting and what to type first
        await conv.say(event, texts.hello(is_admin=person.is_admin, leader=person.role == Role.LEADER))
        return
    if status.is_acknowledgement(event.text):  # "cảm ơn", 👍: nothing to answer; "dạ nhận", "ok": one line
        log.info("acknowledgement from %s", person.handle)
        await status.answer_receipt(conv, event, person)
        return
    if status.is_cancel(event.text):  # "thôi", "hủy" with no draft to decide: the questions waiting are dropped
        await status.cancel_said(conv, event, person)
        return
    if not person.is_admin and office.is_a_question(event.text):  # "gửi file hay văn bản giấy ạ?": the office
        await office.ask(conv, event, person, event.text)
        return
    if not person.is_admin or not notices.looks_like_a_notice(event.text):
        mine = await conv.ctx.db.run(open_tasks_for, person)
        answer = texts.not_understood(conv.channel(event.channel).capabilities.buttons, is_admin=person.is_admin,
                                      example_ref=example_ref(mine),
                                      leader=person.role == Role.LEADER, holds_tasks=bool(mine),
                                      nothing_asked=status.is_bare_yes(event.text))
        if person.is_admin and not status.is_bare_yes(event.text) and \
                await conv.ctx.db.run(latest_draft, person) is not None:  # a draft waits: how to correct it
            answer = texts.DRAFT_NOT_UNDERSTOOD
        if person.is_admin and (waiting := await office.waiting_count(conv)):  # an answer typed without its number
            answer += "\n" + texts.questions_hint(waiting)
        await conv.say(event, answer)
        return
    # the directory pasted as text (on Zalo no file reaches the bot: the clerk copies the table from Excel or the
    # CSV and pastes it): imported as the file would be, never read as a notice
    top = "\n".join([line for line in event.text.strip().splitlines() if line.strip()][:3])  # its header on top
    if is_directory_file(top.encode("utf-8"), PASTED_DIRECTORY) and \
            await directory.import_file(conv, event, person, event.text.strip().encode("utf-8"), PASTED_DIRECTORY):
        return
    await notices.ingest(conv, event, person, event.text, "")


class ConversationSender:
    """The dispatcher's Sender for one channel: a digest rendered once, fitted to the channel."""

    def __init__(self, conv: Conversation, channel: str) -> None:
        self.conv = conv
        self.channel = channel
        # below the channel's overall rate: what is left is for the replies to people who write meanwhile, which
        # also take slots of this pace ahead of the digests (`give_way`)
        self.max_per_second = conv.paced_rate(channel)
        self.pacing = conv.pacing(channel, anew=True)
        # the extension requests recalled this morning, by who decides them (`status.deciding_this_morning`)
        self._deciding: tuple[dt.date, dict[int, list[ExtensionRequest]]] | None = None

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        """Part by part: a short burst, then a second apart (Telegram's pace in one chat), within the channel's
        overall rate, patiently (a chat's flood control and a passing server error are waited out between
        parts). When a later part still fails, the error says which tasks the parts sent carried, so the
        retry sends only the rest ("(tiếp theo)") and no line arrives twice."""
        ch = self.conv.channel(self.channel)
        recalled = await status.recalled_this_morning(self.conv, view)
        deciders = await status.waiting_deciders(self.conv, view)
        if self._deciding is None or self._deciding[0] != view.day:  # (once a tick)
            self._deciding = (view.day, await status.deciding_this_morning(self.conv, view.day))
        deciding = [] if view.continued else self._deciding[1].get(view.person_id, [])
        parts = fit(status.digest_message(view, buttons=ch.capabilities.buttons, recalled=recalled,
                                          deciders=deciders, deciding=deciding,
                                          calendar=self.conv.ctx.policy.calendar), ch.capabilities)
        clock = self.conv.ctx.clock
        last, sent_at = "", clock.now()
        for index, part in enumerate(parts):
            if index:  # the next part: within the channel's overall rate, and past a short burst a second
                if index >= CHAT_BURST:  # after the last in this chat (Telegram's pace in one chat)
                    await sleep_until(clock, sent_at + CHAT_GAP)
                await pace(self, clock)
            sent_at = clock.now()
            try:
                last = await self.conv.send_one(partial(ch.send_part, chat_id, part), self.channel, chat_id,
                                                 patient=True)
            except SendError as exc:
                if index:
                    exc.delivered = delivered_lines(view, [p.text for p in parts[:index]])
                raise
        return last


def delivered_lines(view: DigestView, texts_sent: list[str]) -> tuple[int, ...]:
    """The tasks of `view` whose line is in the text of the parts sent."""
    sent_lines = [row for text in texts_sent for row in text.splitlines()]
    found = []
    for line in view.lines:
        head = texts.digest_bullet(line)
        words = texts.short_title(line.task_text)[:25]
        if any(row.startswith(head) and (words in row or texts.short_title(line.task_text, lead=line.lead_unit)[:25]
                                         in row) for row in sent_lines):
            found.append(line.task_id)
    return tuple(found)


def senders(conv: Conversation) -> dict[str, Sender]:
    """The dispatcher's sender for every running channel."""
    return {name: ConversationSender(conv, name) for name in conv.channels}
