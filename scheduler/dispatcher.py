"""The dispatcher: plans each working morning's digests and delivers them.

Planning. The first tick at or after `remind_at` on a working day asks the ladder
(scheduler/policy.py) what every open task contributes that morning, and writes one
`Digest` row per person who has anything, plus the day's `DigestRun`, in one
transaction: the run's primary key lets exactly one worker plan a day, and the last
run tells the next one which days were missed (catch-up after downtime gives one
digest per person, never "còn -N ngày"). Escalation levels are recorded on the task
in the same transaction, so each is told once. Nothing is planned ahead: a task that
is completed, cancelled, extended or reopened is simply judged anew the next morning.

Delivery, in batches. Due rows are claimed in one `UPDATE … RETURNING` (with `FOR UPDATE SKIP LOCKED` on
PostgreSQL), with a lease counted from the claim and a fencing token (`claim_token`); the same unit of work
reads everything needed to render the batch (three column selects) and writes the previous batch's last
outcomes. Outcomes are written one unit of work per group (≤ FLUSH_MESSAGES, or ≤ FLUSH_AFTER of sending): a
transaction, or on PostgreSQL a group's one statement committing by itself (every write checks the claim itself),
each row only if its token is still ours, so a worker that overran its lease can neither mark nor resend a
row another worker has taken; the lease of the whole batch is renewed in one statement once a third of it
has gone. The price: a crash (or a stall past the lease) resends the messages whose outcomes were not yet
written — the messages in flight; a send holds one of FLUSH_MESSAGES slots from before it starts until its
outcome is written, so they are at most FLUSH_MESSAGES (tests/scheduler/test_crash.py kills a worker).

Chats are sent to side by side (MAX_CHATS_AT_ONCE), each chat's digests in order and 1 s apart, all of them
at the sender's rate (`max_per_second`: the channel's overall rate less a reserve, `digest_rate`, so that the
replies to people who write during the burst find the channel free), the morning's most urgent first (planning writes
escalations, then overdue, then the rest). A 429 holds that chat for exactly `retry_after` — in the
database, so every worker holds it — while the other chats go on; the whole channel is held when it says
the limit is its own, or when several chats are told to wait at once. A send that fails is retried a few
times, then the row is `failed`; that never ends anything, since tomorrow's digest is planned from the
tasks' state. A digest in several parts whose later part fails after the in-place retries is not sent
again from its first part: the tasks of the parts that arrived are marked delivered on the row
(`SendError.delivered`) and the retry carries only the rest, headed "(tiếp theo)"."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import logging
import weakref
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple, Protocol, TypeVar, cast
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ARRAY,
    Connection,
    Date,
    Integer,
    String,
    Table,
    Text,
    and_,
    any_,
    bindparam,
    func,
    insert,
    literal_column,
    null,
    or_,
    select,
    tuple_,
    type_coerce,
    union,
    union_all,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from scheduler.calendar import VN_TZ, WorkingCalendar, with_corrections
from scheduler.clock import Clock
from scheduler.policy import DigestCategory, DigestItem, EscalationLevel, ReminderPolicy, is_news, state_of
from scheduler.series import roll_missed
from storage.audit import audit
from storage.calendar import CalendarDays, calendar_days_of
from storage.db import Database, chunks, connection_of
from storage.digests import (
    OTHERS_SENDING,
    announce_idle,
    announce_sending,
    pause_channel,
    pause_chat,
    pauses_and_sharing,
    sharing,
)
from storage.held import stalled_held
from storage.models import (
    CHANNELS,
    OPEN_STATUSES,
    TELEGRAM,
    ZALO,
    AuditLog,
    CalendarDay,
    Digest,
    DigestRun,
    DigestState,
    Notice,
    NoticeStatus,
    PendingReply,
    Person,
    PersonPost,
    Role,
    SendPause,
    SendWorker,
    StatusReport,
    Task,
    TaskStatus,
    Unit,
    UTCDateTime,
    notice_units,
)
from storage.notices import format_title
from storage.questions import waiting_since
from storage.tasks import latest_directions, said_not_started, task_followers
from storage.unitnames import marked_spelling, plain
from storage.waiting import waiting_on_office

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_AFTER = dt.timedelta(minutes=5)
_DIGESTS: Table = Digest.__table__  # type: ignore[assignment]  # Core, for executemany by (id, token)
_TASKS: Table = Task.__table__  # type: ignore[assignment]


class SendError(Exception):
    """Base of the errors a channel raises when a message could not be delivered. A digest sent in several
    parts that failed after its first part says which of its tasks did arrive (`delivered`, task ids): the
    retry then carries only the others, so no line arrives twice."""

    delivered: tuple[int, ...] = ()


class Unreachable(SendError):
    """The person blocked the bot or the chat is gone; retrying will not help."""


class RateLimited(SendError):
    """Flood control: wait `retry_after` seconds. `whole_channel`: the channel said the limit is its
    overall one (else it is taken as this chat's)."""

    def __init__(self, retry_after: float, *, whole_channel: bool = False) -> None:
        super().__init__(f"rate limited for {retry_after}s")
        self.retry_after = retry_after
        self.whole_channel = whole_channel


class TransientSendError(SendError):
    """Network trouble; try again later."""


class PermanentSendError(SendError):
    """The channel refused this message for good (too long, malformed): retrying sends the same refusal."""


class OutcomeUnknown(SendError):
    """The request timed out after it may have reached the person: not resent blindly (an admin decides)."""


# ---------------------------------------------------------------- what a channel renders

@dataclass(frozen=True, kw_only=True)
class DigestLine:
    """One task in a digest, with what the reader needs to act on it."""

    task_id: int
    item_ref: str
    task_text: str
    notice_title: str
    category: str  # scheduler.policy.DigestCategory value
    due_on: dt.date | None
    effective_due_on: dt.date | None
    deadline_note: str | None  # the deadline fell on a day off, and counts to the next working day
    days_left: int | None  # calendar days
    working_days_left: int | None
    days_late: int | None  # working days
    weekly: bool
    status: TaskStatus
    percent: int | None
    escalation: str | None  # None: the reader's own task; "head" | "leaders": told as a superior
    assignee_name: str | None
    lead_unit: str | None
    told: tuple[str, ...] = ()  # escalation levels told about this task
    told_now: tuple[str, ...] = ()  # on the reader's own line: the levels told about it today ("head", "leaders")
    covering_for: str | None = None  # the reader gets this line while its assignee is on leave
    occurrence: str | None = None  # a recurring duty's current period ("tháng 3/2026")
    notice_subject: str | None = None  # what the notice is about (its trích yếu), when the title does not say it
    extension_until: dt.date | None = None  # an "extension_pending" line: the date the holder asked for
    supporting: bool = False  # the reader's own task is a supporting duty on the lighter ladder (policy.py)
    asked_office: dt.date | None = None  # its holder asked the office a question then, not answered when planned
    asked_text: str | None = None  # … this question (shortened)
    not_started: bool = False  # open, its holder having reported it not started (`storage.tasks.said_not_started`)
    # an escalated line: the day the reader last directed the task, when its holder has not reported since (probe 8)
    directed_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class OfficeLine:
    """One thing waiting on the office, in an admin's digest (`storage.waiting.OfficeWaiting`, as of planning)."""

    what: str  # "move" | "extension" | "question" | "nobody"
    ref: str
    unit: str
    since: dt.date
    to: str = ""
    text: str = ""
    notice: str = ""  # "nobody": the notice's number, and its title: the line is said under the notice's short name
    title: str = ""
    breaks: tuple[int, ...] = ()  # "nobody", of a digest planned before `notice`: where another notice's items begin


@dataclass(frozen=True, kw_only=True)
class DigestView:
    digest_id: int
    day: dt.date
    recipient_name: str
    lines: tuple[DigestLine, ...]
    catch_up: bool = False  # after downtime: everything since the last digest, once
    unreachable: tuple[tuple[str, dt.date], ...] = ()  # (name, since): people Nhắc việc cannot reach
    unknown: int = 0  # (an admin's) messages that may not have reached their person, told once: see /loi
    show_help: bool = True  # how to reply: until the reader has replied once
    continued: bool = False  # the rest of a digest whose first parts arrived before a failure
    quiet: bool = False  # its reader has not answered a week of digests: repeats come weekly (scheduler/policy.py)
    # the last working day before a break of several days off (Tết): (first day off, why, the next working day)
    break_ahead: tuple[dt.date, str, dt.date] | None = None
    office: tuple[OfficeLine, ...] = ()  # an admin's weekly "ĐANG CHỜ VĂN PHÒNG": what waits on the office
    person_id: int = 0  # its reader


class Sender(Protocol):
    channel: str
    # the rate the dispatcher paces itself at: the channel's overall rate less the reserve for replies (digest_rate)
    max_per_second: float | None

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        """Deliver the digest; return the channel's message id."""
        ...


@dataclass(kw_only=True)
class DispatchResult:
    planned: int = 0
    sent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    postponed: list[int] = field(default_factory=list)
    lost: list[int] = field(default_factory=list)  # claims taken over by another worker
    retry_after: float | None = None


# ---------------------------------------------------------------- planning

ASKED_KEPT = 160  # characters of a waiting question kept on its task's digest lines (the text shortens it again)


def _item_json(item: DigestItem) -> dict[str, Any]:
    """A digest line as stored (`Digest.items`). A value that says nothing — None, False, no level told — is left out
    (every reader takes the optional keys with .get; rows planned before keep theirs): a row of one line is half the
    size, and the delivery tick claims, returns, decodes and rewrites every row it sends (≈ 0.2 ms of a tick of 100
    on SQLite)."""
    line = {
        "task_id": item.task_id, "category": str(item.category),
        "escalation": str(item.escalation) if item.escalation else None,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "effective_due_on": item.effective_due_on.isoformat() if item.effective_due_on else None,
        "deadline_note": item.deadline_note, "days_left": item.days_left,
        "working_days_left": item.working_days_left, "days_late": item.days_late, "weekly": item.weekly,
        "catch_up": item.catch_up, "told": [str(level) for level in item.escalated_to],
        "extension_until": item.extension_until.isoformat() if item.extension_until else None,
    }
    return {k: v for k, v in line.items() if v is not None and v is not False and v != []}  # (0 stays: "0 ngày")


@dataclass(frozen=True, kw_only=True)
class _Assignee:
    headed_unit_ids: frozenset[int]  # as Person.headed_unit_ids


@dataclass(frozen=True, kw_only=True)
class _TaskFacts:
    """What `state_of` reads of a task, from one column select (no ORM objects)."""

    id: int
    created_at: dt.datetime
    due_on: dt.date | None
    status: str
    lead_unit_id: int | None
    assignee: _Assignee
    occurrence_start: dt.date | None  # a round of a recurring duty …
    recurrence: str | None  # … of this frequency (short rounds have a short ladder)
    text: str  # its opening words: a supporting duty has a lighter ladder (`storage.tasks.duty_kind`)


def _urgency(items: list[dict[str, Any]]) -> int:
    """Morning order: escalations first, then overdue, then the rest (planning writes digests in this
    order, and the claim takes them by (due_at, id))."""
    if any(i.get("escalation") for i in items):
        return 0
    if any(i.get("category") == "overdue" for i in items):
        return 1
    return 2


def plan_digests(session: Session, *, policy: ReminderPolicy, today: dt.date, now: dt.datetime) -> int:
    """Write the digests of the morning of `today` (a working day); 0 if the day was planned already.
    Recurring duties whose round went unreported move on to the round now due first, in the same
    transaction (`scheduler.series.roll_missed`), so the digest speaks of the round that matters."""
    if session.get(DigestRun, today) is not None:
        return 0
    roll_missed(session, policy=policy, today=today)  # recurring duties move on before they are judged
    last_run = session.scalar(select(func.max(DigestRun.day)).where(DigestRun.day < today))
    # a deadline further ahead than any before-deadline step (plus the longest run of days off, Tết) has
    # nothing to say today: those tasks are not even loaded
    horizon = today + dt.timedelta(days=2 * max(policy.days_before, default=0) + 21)  # weekends, Tết
    # driven from the tasks that can matter today, each branch by its own index (an OR of the three would
    # walk every open task: ×15 from 10k to 1M stored), then their notices by primary key — never from the
    # notices (one index look-up per task of every confirmed notice: 30 s at a million tasks on SQLite)
    # In two steps: the candidates' ids from the indexes alone, then their rows by primary key. (As one
    # joined statement, SQLite's statistics — `done` outweighs every open status — led it to build a Bloom
    # filter over the whole tasks table for the join: a scan every morning, ×8 from 10k to 1M stored.)
    near = sorted(session.scalars(union(
        select(Task.id).where(Task.status.in_(_OPEN), Task.due_on.is_(None)),
        select(Task.id).where(Task.status.in_(_OPEN), Task.due_on <= horizon),
        select(Task.id).where(Task.status.in_(_OPEN), Task.snoozed_until <= today),
    )))
    tasks = [row for ids in chunks(near) for row in session.execute(
        select(Task.id, Task.created_at, Task.due_on, Task.status, Task.lead_unit_id, Task.assignee_id,
               Task.escalated, Task.snoozed_until, Task.last_report_at, Task.occurrence_start, Task.recurrence,
               Person.role, Person.unit_id, Task.notice_id, Task.leaders_in_charge,
               func.substr(Task.text, 1, 160).label("opening"))
        .join(Notice, Notice.id == Task.notice_id)  # by its primary key, a candidate at a time
        .outerjoin(Person, Person.id == Task.assignee_id)
        .where(Task.id.in_(ids), Notice.status == NoticeStatus.CONFIRMED)  # held by nobody: the leaders still hear
        .order_by(Task.id))]
    requests = _extension_requests(session, [t.id for t in tasks if t.due_on is not None], calendar=policy.calendar)
    # a unit's head: its own head, else whoever heads it as a second post (kiêm nhiệm)
    second_posts = list(session.execute(select(PersonPost.person_id, PersonPost.unit_id)))
    heads = {r.unit_id: r.person_id for r in second_posts}
    heads |= {r.unit_id: r.id for r in session.execute(select(Person.id, Person.unit_id)
                                                       .where(Person.role == Role.HEAD).order_by(Person.id.desc()))}
    headed: dict[int, set[int]] = defaultdict(set)
    for r in second_posts:
        headed[r.person_id].add(r.unit_id)
    leader_rows = list(session.execute(select(Person.id, Person.full_name, Person.title)
                                       .where(Person.role == Role.LEADER).order_by(Person.id)))
    leaders = [r.id for r in leader_rows]
    followers = task_followers(session, tasks, leader_rows)
    away = {r.id: r for r in session.execute(select(Person.id, Person.full_name, Person.leave_cover_id)
                                             .where(Person.leave_from <= today, Person.leave_to >= today))}
    per_person: dict[int, list[dict[str, Any]]] = defaultdict(list)
    ahead: dict[int, list[dict[str, Any]]] = defaultdict(list)  # deadlines coming, for a digest sent anyway
    # a holder's question the office has not answered, about the task or about none: every line of the task says
    # it, to the holder and to whom it is escalated (probe 48: "Chưa cập nhật" while the office owed the answer)
    questions = waiting_since(session)
    escalated: list[dict[str, Any]] = []
    directed: list[tuple[int, int, dt.datetime | None, dict[str, Any]]] = []  # (task, reader, last report, line)
    calendar = policy.calendar
    for task in tasks:
        facts = _TaskFacts(id=task.id, created_at=task.created_at, due_on=task.due_on, status=task.status,
                           lead_unit_id=task.lead_unit_id, assignee=_Assignee(headed_unit_ids=frozenset(
                               headed.get(task.assignee_id, set())
                               | ({task.unit_id} if task.role == Role.HEAD and task.unit_id is not None else set()))),
                           occurrence_start=task.occurrence_start, recurrence=task.recurrence,
                           text=task.opening or "")
        told = list(task.escalated or [])
        state = state_of(cast(Task, facts), calendar=calendar, escalated=[EscalationLevel(v) for v in told],
                         snoozed_until=task.snoozed_until,
                         last_update_on=calendar.local(task.last_report_at).date() if task.last_report_at else None,
                         **requests.get(task.id, {}))
        own_lines: list[dict[str, Any]] = []
        told_now: list[str] = []  # levels told today that reached someone: the holder's own line says so
        head_waits = False  # the head is on leave and only the holder could cover him: he is told once back
        items = policy.due_items(state, today, last_digest_on=last_run)
        if task.assignee_id is not None and task.assignee_id not in away and \
                not any(i.escalation is None for i in items) and (early := policy.ahead_item(state, today)):
            # listed only if a digest goes out anyway
            ahead[task.assignee_id].append(_item_json(early) | ({"supporting": True}
                                                                if policy.supports_lightly(state) else {}))
        for item in items:
            if item.escalation is None:
                recipients = [task.assignee_id]
            elif item.escalation == EscalationLevel.HEAD:
                head = heads.get(task.lead_unit_id)
                recipients = [head] if head is not None and head != task.assignee_id else []
                if head in away and away[head].leave_cover_id in (None, task.assignee_id):
                    # (probe 7: the cadre covering her head over Tết was asked to direct her own overdue task, and
                    # the leader read that the head had been told) not recorded: asked again each morning until
                    # the head is back
                    recipients, head_waits = [], True
            else:  # the leaders in charge of the task, else the leader who signed the notice, else every leader
                # (not a leader who heads the lead unit and was told already as its head: one ask, not two)
                told_as_head = heads.get(task.lead_unit_id) if str(EscalationLevel.HEAD) in told else None
                recipients = [leader for leader in followers.get(task.id) or leaders
                              if leader != task.assignee_id and leader != told_as_head]
                if not leaders:
                    continue  # a directory without a leader: not recorded as told, so the first leader added hears
            if item.escalation is not None and not (item.escalation == EscalationLevel.HEAD and head_waits):
                told.append(str(item.escalation))
                if any(person_id is not None for person_id in recipients):
                    told_now.append(str(item.escalation))
            asked = questions.get((task.assignee_id, task.id)) or questions.get((task.assignee_id, None)) \
                if questions and task.assignee_id is not None else None
            for person_id in recipients:
                if person_id is None:
                    continue
                line = _item_json(item)
                if item.escalation is not None:
                    directed.append((task.id, person_id, task.last_report_at, line))
                if head_waits:  # nobody has told the head: not said to be told
                    line["told"] = [level for level in line["told"] if level != EscalationLevel.HEAD]
                if said_not_started(task):  # "chưa triển khai": said so, not "Chưa cập nhật"
                    line["not_started"] = True
                if asked is not None:  # (the question shortened: a digest row is rewritten at every send)
                    line["asked_office"] = calendar.local(asked[0]).date().isoformat()
                    line["asked_text"] = asked[1][:ASKED_KEPT]
                if item.escalation is None:
                    own_lines.append(line)
                    if policy.supports_lightly(state):
                        line["supporting"] = True
                if person_id in away:  # on leave: their colleague covers, or nothing until they are back
                    line["covering_for"] = away[person_id].full_name
                    person_id = away[person_id].leave_cover_id
                    if person_id is None:
                        continue
                per_person[person_id].append(line)
        for line in own_lines if told_now else ():
            line["told_now"] = told_now
        if len(told) != len(task.escalated or []):
            escalated.append({"b_id": task.id, "b_escalated": told})
    if directed:  # a superior asked to direct a task they directed already, with no report since: said so
        given = latest_directions(session, {task_id for task_id, _, _, _ in directed})
        for task_id, reader, last_report, line in directed:
            at = given.get((task_id, reader))
            if at is not None and (last_report is None or at > last_report):
                line["directed_on"] = calendar.local(at).date().isoformat()
    if escalated:  # each level is told once: recorded in the same transaction as the digests
        session.execute(update(_TASKS).where(_TASKS.c.id == bindparam("b_id"))
                        .values(escalated=bindparam("b_escalated")), escalated)
    _carry_over_failed(session, per_person, today=today, calendar=calendar)
    _tell_about_unreachable(session, per_person, now=now, today=today)
    _tell_about_unknown(session, per_person, now=now, today=today)
    _tell_office_waiting(session, per_person, policy=policy, today=today)
    _announce_once(session, per_person, ahead, policy=policy, today=today)
    held = _hold_repeats(session, per_person, policy=policy, today=today,
                         covers={r.id: r.leave_cover_id for r in away.values()})
    _tell_break_soon(session, per_person, calendar=calendar, today=today)
    due_at = calendar.at(today, policy.remind_at)
    session.add(DigestRun(day=today, planned_at=now, digests=len(per_person)))
    session.flush()  # another worker planning the same day fails here (primary key), before any digest
    if per_person:
        order = sorted(per_person, key=lambda person_id: (_urgency(per_person[person_id]), person_id))
        session.execute(insert(Digest), [{"person_id": person_id, "day": today, "due_at": due_at,
                                          "items": in_digest_order(per_person[person_id])} for person_id in order])
    if held:
        session.execute(insert(Digest), [{"person_id": person_id, "day": today, "due_at": due_at,
                                          "items": in_digest_order(items), "state": DigestState.HELD}
                                         for person_id, items in sorted(held.items())])
    log.info("digests for %s planned: %d people, %d lines (last run %s); %d held", today, len(per_person),
             sum(len(v) for v in per_person.values()), last_run, len(held))
    return len(per_person)


def _extension_requests(session: Session, task_ids: list[int], *,
                        calendar: WorkingCalendar) -> dict[int, dict[str, dt.date | None]]:
    """For the ladder (`state_of`), per task: the extension request waiting (the day it was sent, the date asked
    for) and the last one refused (the day it was sent, the day it was refused) — by the task index, a few rows. A
    request that replaced another still waiting counts as sent when the first was: asking again for another date
    after the deadline does not end the pause a request sent in time began."""
    found: dict[int, dict[str, dt.date | None]] = defaultdict(dict)
    first: dict[int, dt.date] = {}  # the first of a run of requests each replacing the one before
    for ids in chunks(task_ids):
        for r in session.execute(select(StatusReport.task_id, StatusReport.created_at, StatusReport.decision,
                                        StatusReport.decided_at, StatusReport.requested_due_on)
                                 .where(StatusReport.task_id.in_(ids),
                                        StatusReport.status == TaskStatus.EXTENSION_REQUESTED,
                                        StatusReport.decision.is_not(None))
                                 .order_by(StatusReport.id)):
            asked = first.pop(r.task_id, None) or calendar.local(r.created_at).date()
            if r.decision == "replaced":
                first[r.task_id] = asked
            elif r.decision == "pending":
                found[r.task_id] |= {"extension_asked_on": asked, "extension_until": r.requested_due_on}
            elif r.decision == "rejected" and r.decided_at is not None:
                found[r.task_id] |= {"refused_asked_on": asked, "refused_on": calendar.local(r.decided_at).date()}
    return found


def _as_of(item: dict[str, Any], calendar: WorkingCalendar, today: dt.date) -> dict[str, Any]:
    """A line planned on an earlier day, with its counts as of `today` ("quá hạn 14 ngày làm việc", not the 11 of
    the day it was planned); a reminder before a deadline that has passed since is an overdue line now."""
    if not item.get("effective_due_on") or item.get("category") == DigestCategory.EXTENSION_PENDING:
        return item  # (a request waiting: no count to bring up to date)
    deadline = dt.date.fromisoformat(item["effective_due_on"])
    if deadline < today:
        return {**item, "category": "overdue", "days_left": None, "working_days_left": None,
                "days_late": calendar.working_days_between(deadline, today)}
    if deadline == today:
        return {**item, "category": "due_today", "days_left": 0, "working_days_left": 0, "days_late": None}
    if item.get("days_left") is not None:
        return {**item, "days_left": (deadline - today).days,
                "working_days_left": calendar.working_days_between(today, deadline)}
    return item


def _answered(item: dict[str, Any], last_report_at: dt.datetime | None, day: dt.date, tz: ZoneInfo) -> bool:
    """Whether a digest line asking for an update ("cập nhật định kỳ") was answered since the digest's day began:
    then it is neither carried to another morning nor sent late."""
    return item.get("category") == DigestCategory.CHECKIN and last_report_at is not None and \
        last_report_at >= dt.datetime.combine(day, dt.time(), tzinfo=tz)


def _carry_over_failed(session: Session, per_person: dict[int, list[dict[str, Any]]], *, today: dt.date,
                       calendar: WorkingCalendar) -> None:
    """A digest that could not be delivered is never the end: its lines whose tasks are still open go into
    this morning's digest of the same person (once), so a failure or an outage ends no reminder chain and a
    person who comes back gets their open tasks. The same for a digest of an earlier day still waiting (its
    person had no chat yet, or the bot was down): one digest this morning, with today's counts, not a queue of
    stale ones dated days ago."""
    # their ids from the (state, due_at) index alone, then the rows (a query for whole rows may walk the table
    # when the statistics say most digests share a state)
    ids = sorted(session.scalars(select(Digest.id).where(Digest.state.in_([DigestState.FAILED,
                                                                          DigestState.PENDING]))))
    failed = [d for chunk in chunks(ids) for d in session.scalars(select(Digest).where(Digest.id.in_(chunk))
                                                                    .order_by(Digest.id))
              if d.state == DigestState.FAILED or d.day < today]
    if not failed:
        return
    reported = dict(session.execute(select(Task.id, Task.last_report_at).where(
        Task.id.in_({i["task_id"] for d in failed for i in d.items if "task_id" in i}),
        Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]))).all())
    open_ids = set(reported)
    for digest in failed:
        stale = digest.state == DigestState.PENDING  # of an earlier day: never sent, not an outage's
        already = {i.get("task_id") for i in per_person.get(digest.person_id, [])}
        told = {i.get("person") for i in per_person.get(digest.person_id, []) if i.get("kind") == "unreachable"}
        for item in digest.items:
            if item.get("delivered"):
                continue  # arrived in the first parts of a digest that failed later
            if "task_id" in item and _answered(item, reported.get(item["task_id"]), digest.day, calendar.tz):
                continue  # (probe 19: a head who joined late reported in the afternoon, was asked the next morning)
            if item.get("task_id") in open_ids and item["task_id"] not in already:
                item = {k: v for k, v in item.items() if k != "told_now"}  # ("hôm nay … đã báo": that day only)
                per_person[digest.person_id].append(_as_of(item, calendar, today) if stale else
                                                    {**item, "catch_up": True})
                already.add(item["task_id"])
            elif item.get("kind") == "unreachable" and item.get("person") not in told:  # told once, still
                per_person[digest.person_id].append(item)
                told.add(item.get("person"))
        digest.state = DigestState.CARRIED


def _tell_about_unreachable(session: Session, per_person: dict[int, list[dict[str, Any]]], *,
                            now: dt.datetime, today: dt.date) -> None:
    """Each person Nhắc việc cannot reach is reported once (per episode) to the admins and the head of
    their unit, in their digests. Whoever is on leave that day is not told (the others are); when every admin is
    away, the admins' part waits for the first one back (probe 24: an admin on leave was told all the same)."""
    lost = session.scalars(select(Person).where(Person.unreachable_since.is_not(None)).order_by(Person.id)).all()
    if not lost:
        return
    admins = session.scalars(select(Person).where(Person.role == Role.ADMIN).order_by(Person.id)).all()
    for person in lost:
        assert person.unreachable_since is not None
        told = [dict(row or {}) for row in session.scalars(select(AuditLog.detail).where(
            AuditLog.action == "person.unreachable_told", AuditLog.entity_id == person.id,
            AuditLog.at >= person.unreachable_since))]
        # (a row without "admins": written before leave was heeded, when the admins were always told)
        admins_told = any(row.get("admins", True) for row in told)
        if admins_told:
            continue
        present = [p.id for p in admins if p.id != person.id and not p.on_leave(today)]
        if told and not present:
            continue  # the head knows; the admins hear it when one is back
        head = session.scalar(select(Person).where(Person.unit_id == person.unit_id, Person.role == Role.HEAD,
                                                   Person.id != person.id)) if person.unit_id and not told else None
        readers = set(present) | ({head.id} if head is not None and not head.on_leave(today) else set())
        if not readers:
            continue  # everyone who would hear it is on leave: tried again the next morning
        for reader in readers:
            per_person[reader].append({"kind": "unreachable", "person": person.full_name,
                                       "since": person.unreachable_since.date().isoformat()})
        audit(session, at=now, actor_id=None, action="person.unreachable_told", entity="person",
              entity_id=person.id, told=len(readers),
              admins=bool(present) or not any(p.id != person.id for p in admins))


UNKNOWN_TOLD_WITHIN = dt.timedelta(days=14)  # what /loi lists: a digest or held message older is not told any more


def _tell_about_unknown(session: Session, per_person: dict[int, list[dict[str, Any]]], *,
                        now: dt.datetime, today: dt.date) -> None:
    """The admins are told once, in their digests, how many messages may not have reached their person: digests
    whose delivery is unknown (a timeout, or left `sending` by a worker that stalled or died) and held messages
    left marked going out (`stalled_held`) — else only an admin who types /loi would know. Each is told once (the
    ids are in the audit row); when every admin is on leave, it waits for the first one back."""
    since = now - UNKNOWN_TOLD_WITHIN
    # their ids from the (state, due_at) index alone, then the few rows (as `_carry_over_failed`)
    ids = sorted(session.scalars(select(Digest.id).where(Digest.state.in_([DigestState.UNKNOWN,
                                                                          DigestState.SENDING]))))
    digests = {r.id for chunk in chunks(ids) for r in session.execute(
        select(Digest.id, Digest.state, Digest.claimed_until, Digest.day).where(Digest.id.in_(chunk)))
        if r.day >= since.date() and (r.state == DigestState.UNKNOWN or
                                      (r.claimed_until is not None and _utc(r.claimed_until) < now))}
    held = {m.id for m in stalled_held(session, now=now, since=since)}
    if not digests and not held:
        return
    for row in session.scalars(select(AuditLog.detail).where(AuditLog.action == "delivery.unknown_told",
                                                             AuditLog.at >= since - UNKNOWN_TOLD_WITHIN)):
        digests -= set((row or {}).get("digests", ()))
        held -= set((row or {}).get("held", ()))
    present = [p.id for p in session.scalars(select(Person).where(Person.role == Role.ADMIN)) if not p.on_leave(today)]
    if not (digests or held) or not present:
        return
    for reader in present:
        per_person[reader].append({"kind": "unknown", "count": len(digests) + len(held)})
    audit(session, at=now, actor_id=None, action="delivery.unknown_told", entity="digest", entity_id=None,
          digests=sorted(digests), held=sorted(held))


OFFICE_EXTENSION_AFTER = 3  # working days an extension request waits before the office's weekly list shows it


def _tell_office_waiting(session: Session, per_person: dict[int, list[dict[str, Any]]], *, policy: ReminderPolicy,
                         today: dt.date) -> None:
    """On the weekly day (`ReminderPolicy.is_weekly_day`: a working day, the week's first from `weekly_on`), every
    admin's digest carries what still waits on the office — move requests not decided, extension requests waiting
    OFFICE_EXTENSION_AFTER working days or more, questions not answered, tasks nobody holds (`storage.waiting`) —
    one line each; an admin with nothing else gets a digest of that alone. Nothing
    when nothing waits; said again the next week only while it still waits (probe 24, F9). An admin on leave that day
    is not told (the others are); when every admin was on leave on the weekly day, the first back is told on the day
    they return, once that week (probe 24: an admin on leave got it all the same)."""
    calendar = policy.calendar
    admins = list(session.execute(select(Person.id, Person.leave_from, Person.leave_to)
                                  .where(Person.role == Role.ADMIN).order_by(Person.id)))

    def away(admin: Any, day: dt.date) -> bool:
        return admin.leave_from is not None and admin.leave_to is not None and admin.leave_from <= day <= admin.leave_to

    present = [a.id for a in admins if not away(a, today)]
    if not present:
        return
    if not policy.is_weekly_day(today):
        weekly = next((day for day in (today - dt.timedelta(days=n) for n in range(1, 8)) if policy.is_weekly_day(day)),
                      None)
        if weekly is None or not all(away(a, weekly) for a in admins):
            return
        told = session.scalars(select(Digest.items).where(
            Digest.person_id.in_([a.id for a in admins]), Digest.due_at >= calendar.at(weekly, dt.time())))
        if any(item.get("kind") == "office" for items in told for item in items or ()):
            return  # (an admin back earlier this week was told)
    # (an extension request once it has waited a few working days: its deciders had it, and its weekly reminders)
    waiting = [w for w in waiting_on_office(session, today) if w.what != "extension"
               or calendar.working_days_between(calendar.local(w.since).date(), today) >= OFFICE_EXTENSION_AFTER]
    if not waiting:
        return
    lines = [({"kind": "office", "what": w.what, "ref": w.ref, "unit": w.unit,
               "since": calendar.local(w.since).date().isoformat()} | ({"to": w.to} if w.to else {})
              | ({"text": w.text} if w.text else {}) | ({"notice": w.notice} if w.notice else {})
              | ({"title": w.title} if w.title else {}),
              # the tasks nobody holds of a notice confirmed today: its confirmation listed them to who brought it in
              # an hour ago (probe 38, #9); the next week's list has them if they still wait
              w.by if w.what == "nobody" and calendar.local(w.since).date() == today else None)
             for w in waiting]
    for admin in present:
        if mine := [dict(line) for line, seen_by in lines if seen_by != admin]:
            per_person[admin].extend(mine)


def _tell_break_soon(session: Session, per_person: dict[int, list[dict[str, Any]]], *, calendar: WorkingCalendar,
                     today: dt.date) -> None:
    """In the last BREAK_NOTICE_DAYS working days before a long break (`_break_soon`), a reader's first digest says
    it (a "break" line: the days off and the day the reminders resume), so that someone with no digest on the very
    last day (probe 38: nobody had one on 29/04 before 30/04–03/05) still plans the days left; once a reader (a
    digest sent earlier in those days had it). The last day's digests all say it (`_with_break_ahead`)."""
    ahead = _break_soon(today, calendar)
    if ahead is None or not per_person or _break_ahead(today, calendar) is not None:
        return
    first = today
    while _break_soon(earlier := calendar.previous_working_day(first), calendar) == ahead:
        first = earlier
    told = set(session.scalars(select(Digest.person_id).where(
        Digest.state == DigestState.SENT, Digest.due_at >= calendar.at(first, dt.time()),
        Digest.due_at < calendar.at(today, dt.time()), Digest.message_id.is_not(None)))) if first < today else set()
    line = {"kind": "break", "first_off": ahead[0].isoformat(), "why": ahead[1], "back": ahead[2].isoformat()}
    for person_id, items in per_person.items():
        if person_id not in told and any("task_id" in i for i in items):
            items.append(dict(line))


QUIET_MEMORY_DAYS = 31  # how far back a person's digests are read to judge their cadence (Tết and a week fit)


def _announce_once(session: Session, per_person: dict[int, list[dict[str, Any]]],
                   ahead: dict[int, list[dict[str, Any]]], *, policy: ReminderPolicy, today: dt.date) -> None:
    """A deadline announced once ahead (scheduler/policy.py, `gather_ahead_working_days`): a "sắp đến hạn" line of
    a task whose deadline a digest sent to the same reader already listed as coming (same effective deadline) is
    left out — a digest left with nothing is not sent; then a digest that goes out anyway takes the reader's
    deadlines coming within the working week (`ahead`), each not listed yet. A check-in likewise
    (`checkin_gather_working_days`): a "cập nhật định kỳ" line of a task that a digest sent to the reader within
    that many working days already asked about is left out, and `ahead` carries the check-ins coming that soon. The
    deadline day, the overdue lines and escalations are untouched."""
    if policy.gather_ahead_working_days == 0 and policy.checkin_gather_working_days == 0:
        return
    soon, checkin = str(DigestCategory.DUE_SOON), str(DigestCategory.CHECKIN)

    def coming(line: dict[str, Any]) -> bool:
        return policy.gather_ahead_working_days > 0 and line.get("category") == soon and \
            not line.get("escalation") and "task_id" in line

    def asking(line: dict[str, Any]) -> bool:
        return line.get("category") == checkin and not line.get("escalation") and "task_id" in line

    readers = sorted({p for p, lines in per_person.items() if any(coming(i) or asking(i) for i in lines)}
                     | {p for p in ahead if p in per_person})
    if not readers:
        return
    calendar = policy.calendar
    # far enough back for any announcement of a deadline still to come (its steps, a long run of days off: Tết)
    since = today - dt.timedelta(days=2 * max(policy.gather_ahead_working_days, *policy.days_before) + 21)
    # a check-in asked from this day on was this round's, gathered ahead (the round before is a fortnight back)
    asked_from = calendar.subtract_working_days(today, policy.checkin_gather_working_days)
    told: set[tuple[int, int, str]] = set()
    asked: set[tuple[int, int]] = set()
    for ids in chunks(readers):
        for r in session.execute(select(Digest.person_id, Digest.day, Digest.items).where(
                Digest.person_id.in_(ids), Digest.state == DigestState.SENT, Digest.message_id.is_not(None),
                Digest.due_at >= calendar.at(min(since, asked_from), dt.time()))):
            if r.day < today:
                told |= {(r.person_id, i["task_id"], i.get("effective_due_on") or "") for i in r.items if coming(i)}
            if asked_from <= r.day < today:
                asked |= {(r.person_id, i["task_id"]) for i in r.items if asking(i)}
    for person_id in readers:
        lines = [i for i in per_person.get(person_id, [])
                 if not (coming(i) and (person_id, i["task_id"], i.get("effective_due_on") or "") in told)
                 and not (asking(i) and (person_id, i["task_id"]) in asked)]
        if not lines:
            per_person.pop(person_id, None)
            continue
        listed = {i.get("task_id") for i in lines if not i.get("escalation")}
        lines += [i for i in ahead.get(person_id, []) if i["task_id"] not in listed
                  and (person_id, i["task_id"], i.get("effective_due_on") or "") not in told]
        per_person[person_id] = lines


def _hold_repeats(session: Session, per_person: dict[int, list[dict[str, Any]]], *, policy: ReminderPolicy,
                  today: dt.date, covers: dict[int, int | None]) -> dict[int, list[dict[str, Any]]]:
    """A person's cadence (scheduler/policy.py): of this morning's digests, those of quiet people that only repeat
    what they were told are taken out of `per_person` and returned, to be stored as held; the lines of digests held
    earlier join the person's next digest sent — one with news for them, or the weekly one (on the weekly day, with
    nothing else if need be) — as of today, while their task is open and still theirs (`covers`: the colleague
    covering each person on leave today). A quiet person's weekly digest carries "quiet" on its lines, for the line
    that says why it comes weekly."""
    if policy.quiet_after_working_days == 0:
        return {}
    calendar = policy.calendar
    since = today - dt.timedelta(days=QUIET_MEMORY_DAYS)
    # the cadence's history from the (state, due_at) index alone (a digest's due_at is on or after its day's
    # morning: a retry only moves it later): the days each person was sent a digest, or had one held
    # (a held digest's lines are merged into the next one sent: a later one that failed leaves them waiting, and
    # merging them again repeats no line — one line a task)
    rows = session.execute(select(Digest.id, Digest.person_id, Digest.day, Digest.state, Digest.message_id).where(
        Digest.state.in_([DigestState.SENT, DigestState.HELD]), Digest.due_at >= calendar.at(since, dt.time())))
    sent: dict[int, list[Any]] = defaultdict(list)
    held: dict[int, list[Any]] = defaultdict(list)
    for r in rows:  # (their days filtered here: a condition on `day` leads SQLite to skip-scan (person_id, day))
        if not since <= r.day < today:
            continue
        if r.state == DigestState.HELD:
            held[r.person_id].append(r)
        elif r.message_id is not None:  # (not one left with nothing to say)
            sent[r.person_id].append(r)
    last_sent = {p: max(r.day for r in rs) for p, rs in sent.items()}
    waiting = {p: [r for r in rs if r.day > last_sent.get(p, since)] for p, rs in held.items()}  # not yet merged
    waiting = {p: rs for p, rs in waiting.items() if rs}
    people = sorted(p for p in set(per_person) | set(waiting)
                    if p in waiting or p in held or len(sent.get(p, ())) >= policy.quiet_after_working_days)
    if not people:
        _say_quiet(per_person, set())
        return {}
    answered = _answered_on(session, people, since=since, calendar=calendar)
    quiet = {p for p in people if policy.is_quiet(
        [r.day for r in sent.get(p, ()) if answered.get(p) is None or r.day > answered[p]],
        held=any(answered.get(p) is None or r.day > answered[p] for r in held.get(p, ())))}
    weekly_day = policy.repeats_due(today)
    # what each quiet person was last told about each task (their own lines of the digests they were sent)
    told: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    sent_ids = [] if weekly_day else sorted(r.id for p in quiet & set(per_person) for r in sent.get(p, ()))
    for ids in chunks(sent_ids):
        for r in session.execute(select(Digest.person_id, Digest.items).where(Digest.id.in_(ids))
                                 .order_by(Digest.day, Digest.id)):
            for item in r.items:
                if "task_id" in item and not item.get("escalation"):
                    told[r.person_id][item["task_id"]] = item
    held_now: dict[int, list[dict[str, Any]]] = {}
    for person_id in quiet & set(per_person):
        if weekly_day or any(is_news(i, told[person_id].get(i.get("task_id", 0))) for i in per_person[person_id]):
            continue
        held_now[person_id] = [{k: v for k, v in i.items() if k != "quiet"} for i in per_person.pop(person_id)]
    weekly = quiet if weekly_day else set()
    # the lines held on earlier mornings join the digest going out today, or go out on the weekly day by themselves
    merging = {p: rs for p, rs in waiting.items() if (p in per_person or weekly_day) and p not in held_now}
    if merging:
        stored = {r.id: r.items for ids in chunks(sorted(r.id for rs in merging.values() for r in rs))
                  for r in session.execute(select(Digest.id, Digest.items).where(Digest.id.in_(ids)))}
        lines = {p: [(r.day, i) for r in sorted(rs, key=lambda r: r.day) for i in stored[r.id]]
                 for p, rs in merging.items()}
        holders = {r.id: r for r in session.execute(select(Task.id, Task.assignee_id, Task.last_report_at).where(
            Task.id.in_({i["task_id"] for ls in lines.values() for _, i in ls if "task_id" in i}),
            Task.status.in_(_OPEN)))}
        for person_id, dated in lines.items():
            already = {i.get("task_id") for i in per_person.get(person_id, [])}
            for day, item in reversed(dated):  # the latest held line of each task
                task = holders.get(item.get("task_id", 0))
                if task is None or task.id in already or _answered(item, task.last_report_at, day, calendar.tz):
                    continue
                holder, task_id = task.assignee_id, task.id
                if holder != person_id and not (item.get("covering_for") and holder is not None
                                                and covers.get(holder) == person_id):
                    continue
                per_person[person_id].append({k: v for k, v in _as_of(item, calendar, today).items()
                                              if k != "catch_up"})  # (held, not missed by an outage)
                already.add(task_id)
    _say_quiet(per_person, weekly)
    return held_now


_RANKS = {str(c): c.rank for c in DigestCategory}


def in_digest_order(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A digest's stored lines in the order `scheduler.policy.sort_items` gives (by urgency group, the latest first,
    the nearest deadline, then the task: a notice's items in their order), whatever order they were gathered in
    (lines held on earlier mornings and merged, lines carried over from a failed digest); other lines last. Probe 22,
    F6: held check-ins merged latest first listed "11, 7.f, 7.c, 7.b, 7.a", buttons too."""
    def key(item: dict[str, Any]) -> tuple[int, int, int, int]:
        if "task_id" not in item:
            return (len(_RANKS), 0, 0, 0)
        return (_RANKS.get(item.get("category") or "", len(_RANKS)), -(item.get("days_late") or 0),
                item.get("days_left") or 0, item["task_id"])

    return sorted(items, key=key)


def _say_quiet(per_person: dict[int, list[dict[str, Any]]], quiet: set[int]) -> None:
    """The lines of a quiet person's weekly digest of repeats carry "quiet" (it says why it comes weekly); no one
    else's do (a line carried from a digest that failed, or a digest with news: it does not come weekly)."""
    for person_id, items in per_person.items():
        if person_id in quiet:
            per_person[person_id] = [{**i, "quiet": True} if "task_id" in i else i for i in items]
        elif any("quiet" in i for i in items):
            per_person[person_id] = [{k: v for k, v in i.items() if k != "quiet"} for i in items]


class OnWeeklyCadence(NamedTuple):
    person_id: int
    name: str
    unit: str | None
    since: dt.date  # the first morning their repeats were kept for the weekly digest (since their last answer)


def weekly_cadence(session: Session, *, policy: ReminderPolicy, today: dt.date) -> list[OnWeeklyCadence]:
    """Who is on the weekly cadence now (scheduler/policy.py): people with a digest held for the weekly one, or sent as
    a quiet person's weekly one, since they last answered, in the last QUIET_MEMORY_DAYS days — for the admin's /loi,
    so a silence is seen."""
    if policy.quiet_after_working_days == 0:
        return []
    calendar = policy.calendar
    since = today - dt.timedelta(days=QUIET_MEMORY_DAYS)
    held: dict[int, list[dt.date]] = defaultdict(list)
    for person_id, day, state, items in session.execute(select(Digest.person_id, Digest.day, Digest.state,
                                                               Digest.items).where(
            Digest.state.in_([DigestState.HELD, DigestState.SENT]), Digest.due_at >= calendar.at(since, dt.time()))):
        # held, or sent as the weekly digest of a quiet person (when a deadline announced once left nothing to
        # hold in between — their repeats fell on the weekly day anyway — they are on the weekly cadence all the same)
        if since <= day <= today and (state == DigestState.HELD or any(i.get("quiet") for i in items)):
            held[person_id].append(day)
    if not held:
        return []
    answered = _answered_on(session, sorted(held), since=since, calendar=calendar)
    first = {p: min(since_answer) for p, days in held.items()
             if (since_answer := [d for d in days if answered.get(p) is None or d > answered[p]])}
    if not first:
        return []
    people = session.execute(select(Person.id, Person.full_name, Unit.name).outerjoin(Unit, Unit.id == Person.unit_id)
                             .where(Person.id.in_(sorted(first))))
    return sorted((OnWeeklyCadence(person_id=r.id, name=r.full_name, unit=r.name, since=first[r.id]) for r in people),
                  key=lambda q: (q.since, q.name))


def _answered_on(session: Session, people: list[int], *, since: dt.date,
                 calendar: WorkingCalendar) -> dict[int, dt.date]:
    """The last day each of `people` answered Nhắc việc lately: a report, request or support report of theirs, a
    report on a task they hold (a deputy's, the office's for them), a snooze of theirs or of a task they hold."""
    start = calendar.at(since, dt.time())
    last: dict[int, dt.datetime] = {}

    def keep(rows: Any) -> None:
        for person_id, at in rows:
            if person_id is not None and at is not None and (person_id not in last or at > last[person_id]):
                last[person_id] = at

    for ids in chunks(people):
        keep(session.execute(select(StatusReport.person_id, func.max(StatusReport.created_at))
                             .where(StatusReport.person_id.in_(ids), StatusReport.created_at >= start)
                             .group_by(StatusReport.person_id)))
        keep(session.execute(select(Task.assignee_id, func.max(Task.last_report_at))
                             .where(Task.assignee_id.in_(ids), Task.last_report_at >= start)
                             .group_by(Task.assignee_id)))
        # a message of theirs about a task the bot kept to ask which (or "có phải là báo cáo mục …?"): they wrote,
        # though they never tapped (probe 23: told "chưa nhận được phản hồi" a week after writing)
        keep(session.execute(select(PendingReply.person_id, func.max(PendingReply.sent_at))
                             .where(PendingReply.person_id.in_(ids), PendingReply.sent_at >= start)
                             .group_by(PendingReply.person_id)))
        keep(session.execute(select(AuditLog.actor_id, func.max(AuditLog.at))
                             .where(AuditLog.at >= start, AuditLog.action == "task.snooze",
                                    AuditLog.actor_id.in_(ids)).group_by(AuditLog.actor_id)))
        keep(session.execute(select(Task.assignee_id, func.max(AuditLog.at))  # a deputy's snooze of their task
                             .join(Task, Task.id == AuditLog.entity_id)
                             .where(AuditLog.at >= start, AuditLog.action == "task.snooze",
                                    Task.assignee_id.in_(ids)).group_by(Task.assignee_id)))
    return {p: calendar.local(at).date() for p, at in last.items()}


# ---------------------------------------------------------------- claiming and finishing

def _claimable(now: Any):  # type: ignore[no-untyped-def]
    pending: Any = literal_column(f"'{DigestState.PENDING}'")
    claimed: Any = literal_column(f"'{DigestState.CLAIMED}'")
    # (the states as SQL literals: an expanding IN of parameters is rendered again at every execution)
    return and_(
        # the IN is implied by the OR below; it lets the index on (state, due_at) seek to the two states
        # (without it SQLite may skip-scan every state, walking all the sent history that is due)
        Digest.state.in_([pending, claimed]),
        Digest.due_at <= now,
        or_(Digest.state == pending, and_(Digest.state == claimed, Digest.claimed_until < now)),
    )


class _DriverSQL:
    """A Core statement of the tick compiled once for a dialect and sent as the driver's own SQL (`exec_driver_sql`:
    statement events fire, as for any statement), its parameters made here through the compiled statement's own
    bind processors: no compiled-cache look-up and no result processing (rows as the driver gives them: on SQLite,
    dates and datetimes are their stored text — the caller converts what it reads). The statement's constants are
    processed once. No expanding IN (it would have to be rendered at every execution)."""

    def __init__(self, statement: Any, dialect: Any) -> None:
        compiled = statement.compile(dialect=dialect)
        assert "POSTCOMPILE" not in compiled.string, compiled.string
        self.sql: str = compiled.string
        processors = dict(compiled._bind_processors)
        self.fixed = {k: processors.pop(k, _same)(v)
                      for k, v in compiled.construct_params(_check=False).items() if v is not None}
        self.processors = processors  # of the parameters given at each execution
        self.names = tuple(compiled.positiontup or ()) if compiled.positional else None

    def params(self, values: dict[str, Any]) -> Any:
        processors = self.processors
        given = {**self.fixed, **{k: processors[k](v) if k in processors else v for k, v in values.items()}}
        return tuple(given[n] for n in self.names) if self.names is not None else given

    def run(self, conn: Connection, **values: Any) -> Any:
        return conn.exec_driver_sql(self.sql, self.params(values))


def _same(value: Any) -> Any:
    return value


_DRIVER: weakref.WeakKeyDictionary[Any, dict[str, _DriverSQL]] = weakref.WeakKeyDictionary()  # per dialect


def _driver_sql(conn: Connection, name: str) -> _DriverSQL:
    """The tick's statement `name` as `_DriverSQL` for the connection's dialect (made at the first use)."""
    dialect = conn.dialect
    found = _DRIVER.get(dialect)
    if found is None:
        found = _DRIVER[dialect] = {}
    statement = found.get(name)
    if statement is None:
        make = _DRIVER_STATEMENTS[name]
        statement = found[name] = make(dialect)
    return statement


@dataclass(frozen=True, kw_only=True)
class Claim:
    digest_id: int
    token: int


# The tick's statements are built once (their parameters bound at each execution): building a statement
# and its cache key costs more Python than running it.
_NOW = bindparam("now", type_=UTCDateTime())


def _claim_statement(skip_locked: bool) -> Any:
    due = select(Digest.id).where(_claimable(_NOW)).order_by(Digest.due_at, Digest.id).limit(bindparam("limit"))
    if skip_locked:
        due = due.with_for_update(skip_locked=True)
    # PostgreSQL: `id = ANY(ARRAY(subquery))`, not `id IN (subquery)`: the ARRAY is an InitPlan, run once. Under
    # IN, a row another worker's claim had just changed is rechecked (EvalPlanQual) by running the subquery again,
    # which SKIP LOCKED then answers with other rows: two workers claiming 100 at once took 1,000 each, the
    # whole backlog, and the other workers' claims found nothing (tests/scheduler/test_shared_rate.py)
    chosen = _DIGESTS.c.id == any_(func.array(due.scalar_subquery())) if skip_locked else \
        _DIGESTS.c.id.in_(due.scalar_subquery())
    return (update(_DIGESTS).where(chosen, _claimable(_NOW))
            .values(state=DigestState.CLAIMED, claimed_by=bindparam("worker"), claimed_until=bindparam("until"),
                    claim_token=_DIGESTS.c.claim_token + 1)
            .returning(_DIGESTS.c.id, _DIGESTS.c.claim_token, _DIGESTS.c.person_id,
                       type_coerce(_DIGESTS.c.day, String).label("day"),
                       sql_cast(_DIGESTS.c["items"], Text).label("items"), _DIGESTS.c.attempts,
                       type_coerce(_DIGESTS.c.due_at, String).label("due_at")))
    # (the items as their JSON text, the day and due_at as the driver gives them: `_claim_rows` decodes them —
    # the items of the whole batch in one json.loads, not one per row through the JSON type's processor)


_CLAIM = {True: _claim_statement(True), False: _claim_statement(False)}  # FOR UPDATE SKIP LOCKED on PostgreSQL
_DRIVER_STATEMENTS: dict[str, Callable[[Any], _DriverSQL]] = {
    "claim": lambda dialect: _DriverSQL(_CLAIM[dialect.name == "postgresql"], dialect),
}


# The tick reads rows into named tuples: a SQLAlchemy Row answers an attribute through a Python __getattr__
# (about 1 µs each, and rendering 100 digests reads a few thousand), a named tuple at C speed.
class _Claimed(NamedTuple):
    """A claimed row, as the claim returns it (the columns of `_CLAIM`'s RETURNING, in order)."""

    id: int
    claim_token: int
    person_id: int
    day: dt.date
    items: list[dict[str, Any]]
    attempts: int
    due_at: dt.datetime


def _claim_rows(session: Session | Connection, *, now: dt.datetime, worker: str, limit: int,
                lease: dt.timedelta) -> list[_Claimed]:
    """Claim up to `limit` due rows in one statement (the earliest due first; the lease counts from now),
    returning what rendering needs of each, in (due_at, id) order."""
    conn = connection_of(session)  # Core (the session's connection): no ORM step for a statement without entities
    sqlite = conn.dialect.name == "sqlite"
    raw = _driver_sql(conn, "claim").run(conn, now=now, limit=limit, worker=worker, until=now + lease).fetchall()
    # (one fetchall, not a fetchone a row — also below)
    if not raw:
        return []
    items = json.loads("[" + ",".join(r[4] for r in raw) + "]")  # one parse for the batch (C, not 100 calls)
    # day and due_at: the rows of a batch mostly share them, so each distinct value is converted once
    if sqlite:  # as stored: ISO text (a due_at without an offset is UTC, as UTCDateTime reads it)
        days = {v: _date(v) for v in {r[3] for r in raw}}
        dues = {v: _utc(_datetime(v)) for v in {r[6] for r in raw}}
    else:  # psycopg's date and aware datetime
        days = {v: v for v in {r[3] for r in raw}}
        dues = {v: v.astimezone(dt.UTC) for v in {r[6] for r in raw}}
    rows = [_Claimed(r[0], r[1], r[2], days[r[3]], i, r[5], dues[r[6]]) for r, i in zip(raw, items, strict=True)]
    rows.sort(key=lambda r: (r.due_at, r.id))
    return rows


_date, _datetime = dt.date.fromisoformat, dt.datetime.fromisoformat


def _utc(value: dt.datetime) -> dt.datetime:
    """A stored UTCDateTime value as UTCDateTime.process_result_value gives it: aware, in UTC."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def claim_due(session: Session, *, now: dt.datetime, worker: str, limit: int, lease: dt.timedelta) -> list[Claim]:
    """Claim up to `limit` due rows in one statement, in (due_at, id) order; the lease counts from now."""
    return [Claim(digest_id=r.id, token=r.claim_token)
            for r in _claim_rows(session, now=now, worker=worker, limit=limit, lease=lease)]


def next_due_at(session: Session) -> dt.datetime | None:
    """When the earliest undelivered digest falls due (for simulated clocks)."""
    return session.scalar(
        select(Digest.due_at).where(Digest.state.in_([DigestState.PENDING, DigestState.CLAIMED]))
        .order_by(Digest.due_at).limit(1))


class _Prepared(NamedTuple):  # (immutable as a frozen dataclass, built in a third of the time: one a digest)
    """A claimed digest ready to send: where to, what it says, and what writing its outcome needs."""

    claim: Claim
    channel: str | None
    chat_id: str | None
    view: DigestView | None
    attempts: int = 0  # as claimed: finishing the row writes attempts + 1 (the row is this worker's)
    due_at: dt.datetime | None = None
    person_id: int | None = None
    items: tuple[dict[str, Any], ...] = ()  # the row's items as claimed (to mark those already delivered)


def _address(preferred: str | None, chats: dict[str, str | None]) -> tuple[str, str] | None:
    """Person.delivery_address from plain columns."""
    for channel in ([preferred, *CHANNELS] if preferred else list(CHANNELS)):
        chat = chats.get(channel) if channel else None
        if chat is not None:
            return channel, chat
    return None


_ASSIGNEE = aliased(Person)


class _Reads(NamedTuple):
    """The three column selects that render a batch, each of the rows with the ids given as `ids`."""

    task_lines: Any
    notice_titles: Any
    recipients: Any


def _reads(array: bool) -> _Reads:
    """The ids as ONE parameter, so the statement's text is the same at every execution (an expanding IN of 100 ids
    is rendered by SQLAlchemy at every execution, a bind a value, and on PostgreSQL parsed again by psycopg: ≈ 0.3 ms
    a tick on SQLite, 0.5 on PostgreSQL): `array` (PostgreSQL) `= ANY(:ids)` with an integer array; SQLite
    `IN (SELECT value FROM json_each(:ids))` with the ids as a JSON array (looked up by primary key, one by one, as
    an IN list is: tests/scheduler/test_query_plans.py). `_ids_param` makes the parameter."""
    def among(column: Any) -> Any:
        if array:
            return column == any_(bindparam("ids", type_=ARRAY(Integer)))
        return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam("ids", type_=String))))

    return _Reads(
        task_lines=select(Task.id, Task.item_ref, Task.text, Task.status, Task.percent, Task.due_on,
                          Task.occurrence_label, Task.lead_unit_names[0].as_string().label("first_lead_name"),
                          Task.notice_id, Task.last_report_at, _ASSIGNEE.full_name.label("assignee_name"),
                          Unit.name.label("unit_name"))
        .outerjoin(_ASSIGNEE, _ASSIGNEE.id == Task.assignee_id).outerjoin(Unit, Unit.id == Task.lead_unit_id)
        .where(among(Task.id)),
        # (the first lead unit's name as written by its JSON path: a line shows it only when the task has no unit,
        # and decoding every task's whole list cost more than the rest of its row)
        notice_titles=select(Notice.id, Notice.meta[("notice", "meeting_date")].as_string().label("meeting_date"),
                             Notice.kind, Notice.number, Notice.issued_on, Notice.subject).where(among(Notice.id)),
        # (the meeting date by its JSON path: `meta` is the whole stored parse, every task of the notice)
        recipients=select(Person.id, Person.full_name, Person.telegram_chat_id, Person.zalo_user_id,
                          Person.preferred_channel,
                          select(StatusReport.id).where(StatusReport.person_id == Person.id).exists().label("replied"))
        .where(among(Person.id)))


_READS = {True: _reads(True), False: _reads(False)}  # by "is it PostgreSQL"


def _read_statement(name: str) -> Callable[[Any], _DriverSQL]:
    return lambda dialect: _DriverSQL(getattr(_READS[dialect.name == "postgresql"], name), dialect)


_DRIVER_STATEMENTS.update({name: _read_statement(name) for name in _Reads._fields})


def _memo_date() -> Callable[[str], dt.date]:
    """date.fromisoformat, remembering each text it converted (a batch's rows share a few dates)."""
    seen: dict[str, dt.date] = {}

    def date_of(text: str) -> dt.date:
        found = seen.get(text)
        if found is None:
            found = seen[text] = _date(text)
        return found

    return date_of


def _stored_at(text: str) -> dt.datetime:
    """A UTCDateTime value as stored on SQLite (text), as UTCDateTime reads it: aware, in UTC."""
    return _utc(_datetime(text))


def _ids_param(postgresql: bool, ids: list[int]) -> Any:
    """The `ids` parameter of the `_Reads` statements: a list (an array) on PostgreSQL, a JSON array on SQLite."""
    return ids if postgresql else json.dumps(ids)
_CLOSED = frozenset(str(s) for s in TaskStatus if s.is_closed)
_OPEN = [str(s) for s in OPEN_STATUSES]


class _TaskRow(NamedTuple):
    """A row of `_Reads.task_lines`, in its column order."""

    id: int
    item_ref: str
    text: str
    status: str
    percent: int | None
    due_on: dt.date | None
    occurrence_label: str | None
    first_lead_name: str | None  # lead_unit_names[0]
    notice_id: int
    last_report_at: Any  # as the driver gives it (SQLite: the stored text; see _prepare_rows)
    assignee_name: str | None
    unit_name: str | None


class _Recipient(NamedTuple):
    """A row of `_Reads.recipients`, in its column order."""

    id: int
    full_name: str
    telegram_chat_id: int | None
    zalo_user_id: str | None
    preferred_channel: str | None
    replied: bool


def _prepare_rows(session: Session | Connection, digests: list[_Claimed], *,
                  tz: ZoneInfo = VN_TZ) -> list[_Prepared]:
    """Everything needed to render claimed digests (rows as `_claim_rows` returns them), in their order,
    with three column selects for the whole batch (plain rows, no ORM objects): the tasks with their
    assignee and unit, the notices' titles, the recipients with whether they ever replied. A line that asks for
    an update ("cập nhật định kỳ") is left out when the task was reported on since the digest's day began (`tz`):
    a digest held back — its person not yet connected, a send retried — would ask for what was just said
    (probe 19: a check-in the morning after the report)."""
    if not digests:
        return []
    task_ids = list({item["task_id"] for d in digests for item in d.items if "task_id" in item})
    conn = connection_of(session)
    pg = conn.dialect.name == "postgresql"
    # (the reads' rows as the driver gives them: on SQLite a date or datetime is its stored text, converted here —
    # each distinct date once; a task's last report only for a line that asks for an update)
    day = _same if pg else _memo_date()
    tasks = {r[0]: _TaskRow(r[0], r[1], r[2], r[3], r[4], day(r[5]) if r[5] is not None else None, r[6], r[7], r[8],
                            r[9], r[10], r[11]) for r in
             _driver_sql(conn, "task_lines").run(conn, ids=_ids_param(pg, task_ids)).fetchall()} if task_ids else {}
    notice_ids = list({r.notice_id for r in tasks.values()})
    written = _written_units(conn, tasks.values())
    titles: dict[int, str] = {}
    subjects: dict[int, str] = {}
    if notice_ids:
        for n_id, meeting_date, kind, number, issued_on, subject in _driver_sql(conn, "notice_titles").run(
                conn, ids=_ids_param(pg, notice_ids)).fetchall():
            titles[n_id] = format_title(kind, number, day(issued_on) if issued_on is not None else None,
                                        subject=subject,  # as notice_title
                                        meeting_date=dt.date.fromisoformat(meeting_date) if meeting_date else None)
            if subject and subject not in titles[n_id]:
                subjects[n_id] = subject
    person_ids = _ids_param(pg, list({d.person_id for d in digests}))
    people = {r[0]: _Recipient._make(r)
              for r in _driver_sql(conn, "recipients").run(conn, ids=person_ids).fetchall()}
    reported_at: Callable[[Any], dt.datetime] = _same if pg else _stored_at
    prepared: list[_Prepared] = []
    for digest in digests:
        lines = []
        unreachable = []
        unknown = 0
        office = []
        break_soon = None
        catch_up = continued = quiet = False
        for item in digest.items:  # one pass: the lines, and what the view says of the digest as a whole
            catch_up = catch_up or bool(item.get("catch_up"))
            quiet = quiet or bool(item.get("quiet"))  # the person's weekly cadence: the note under the lines
            if item.get("kind") == "break":
                break_soon = (dt.date.fromisoformat(item["first_off"]), str(item["why"]),
                              dt.date.fromisoformat(item["back"]))
            elif item.get("kind") == "unreachable":
                unreachable.append((item["person"], dt.date.fromisoformat(item["since"])))
            elif item.get("kind") == "unknown":
                unknown += int(item.get("count") or 0)
            elif item.get("kind") == "office" and not item.get("delivered"):
                office.append(OfficeLine(what=item["what"], ref=item["ref"], unit=item.get("unit") or "",
                                         since=dt.date.fromisoformat(item["since"]), to=item.get("to") or "",
                                         text=item.get("text") or "", notice=item.get("notice") or "",
                                         title=item.get("title") or "", breaks=tuple(item.get("breaks") or ())))
            if item.get("delivered"):
                continued = True
                continue  # arrived in the first parts of an earlier try
            task = tasks.get(item["task_id"]) if "task_id" in item else None
            if task is None or task.status in _CLOSED:
                continue  # closed since the morning's planning
            if task.last_report_at is not None and item.get("category") == DigestCategory.CHECKIN and \
                    _answered(item, reported_at(task.last_report_at), digest.day, tz):
                continue  # reported on since: the update asked for has come
            lines.append(_line(task, item, titles.get(task.notice_id, ""), subjects.get(task.notice_id),
                               written.get(task.notice_id, ())))
        person = people[digest.person_id]
        view = _whole(DigestView, {"digest_id": digest.id, "day": digest.day, "recipient_name": person.full_name,
                                   "lines": tuple(lines), "catch_up": catch_up, "unreachable": tuple(unreachable),
                                   "unknown": unknown,
                                   "show_help": not person.replied, "continued": continued, "quiet": quiet,
                                   "break_ahead": break_soon, "office": tuple(office),
                                   "person_id": digest.person_id})
        channel: str | None
        chat_id: str | None
        if person.preferred_channel is None and person.telegram_chat_id is not None:  # (most people: Telegram)
            channel, chat_id = TELEGRAM, str(person.telegram_chat_id)
        else:
            address = _address(person.preferred_channel, {  # the one channel this person chose: sent once, there
                TELEGRAM: str(person.telegram_chat_id) if person.telegram_chat_id is not None else None,
                ZALO: person.zalo_user_id})
            channel, chat_id = address if address else (None, None)
        prepared.append(_Prepared(_whole(Claim, {"digest_id": digest.id, "token": digest.claim_token}), channel,
                                  chat_id, view, digest.attempts, digest.due_at, digest.person_id,
                                  tuple(digest.items)))  # (in _Prepared's field order)
    return prepared


_T = TypeVar("_T")
_new = object.__new__


def _whole(cls: type[_T], fields: dict[str, Any]) -> _T:
    """A frozen dataclass made from every one of its fields without its generated `__init__`, which sets each field
    through `object.__setattr__` (DigestLine's 22: ≈ 4 µs, a few hundred times a tick; this: ≈ 1 µs). The object is
    the one `__init__` makes — equal, hashed and frozen alike (there is no `__post_init__`) — provided every field
    is given: tests/scheduler/test_dispatch_batching.py checks the tick's lines and views field by field."""
    obj = _new(cls)
    obj.__dict__.update(fields)
    return obj


def _written_units(conn: Connection, tasks: Iterable[Any]) -> dict[int, list[str]]:
    """Notice id → its units as it writes them (`notice_units`), only for the notices of tasks whose unit the
    directory spells without marks and whose own first lead does not give its marks (a group: "các sở, ngành" →
    "So Xay dung", probe 23 F6): the whole stored parse is read for those few notices, never for the others."""
    wanted = {t.notice_id for t in tasks if t.unit_name and plain(t.unit_name) and
              marked_spelling(t.unit_name, [t.first_lead_name or ""]) == t.unit_name}
    # (`plain` first: remembered per name, where strip_marks of a marked name costs more than the rest of a line)
    if not wanted:
        return {}
    return {n_id: notice_units(meta) for n_id, meta in
            conn.execute(select(Notice.id, Notice.meta).where(Notice.id.in_(sorted(wanted))))}


def _line(task: Any, item: dict[str, Any], title: str, subject: str | None = None,
          written: Sequence[str] = ()) -> DigestLine:
    get = item.get
    effective_due_on = get("effective_due_on")
    told, told_now, until, asked = get("told"), get("told_now"), get("extension_until"), get("asked_office")
    directed_on = get("directed_on")
    return _whole(DigestLine, {
        "task_id": task.id, "item_ref": task.item_ref, "task_text": task.text, "notice_title": title,
        "category": item["category"], "due_on": task.due_on,
        "effective_due_on": dt.date.fromisoformat(effective_due_on) if effective_due_on else None,
        "deadline_note": get("deadline_note"), "days_left": get("days_left"),
        "working_days_left": get("working_days_left"), "days_late": get("days_late"),
        "weekly": bool(get("weekly")), "status": _STATUS[task.status], "percent": task.percent,
        "escalation": get("escalation"), "assignee_name": task.assignee_name,
        "lead_unit": marked_spelling(task.unit_name, [task.first_lead_name or "", *written]) if task.unit_name
        else task.first_lead_name,
        "told": tuple(told) if told else (), "told_now": tuple(told_now) if told_now else (),
        "covering_for": get("covering_for"), "occurrence": task.occurrence_label,
        "notice_subject": subject, "extension_until": dt.date.fromisoformat(until) if until else None,
        "supporting": bool(get("supporting")), "asked_office": dt.date.fromisoformat(asked) if asked else None,
        "asked_text": get("asked_text"), "not_started": bool(get("not_started")),
        "directed_on": dt.date.fromisoformat(directed_on) if directed_on else None})


_STATUS = {str(s): s for s in TaskStatus}  # (TaskStatus(value) is a Python call through the enum machinery)


class _Outcome(NamedTuple):  # (a named tuple for the same reason as _Prepared)
    """What became of one claimed row, to be written with the others of its group."""

    prepared: _Prepared
    at: dt.datetime
    state: DigestState
    error: str | None = None
    channel: str | None = None
    message_id: str | None = None
    retry_at: dt.datetime | None = None
    count_attempt: bool = True
    backoff: bool = False
    person_unreachable: bool = False
    whole_channel: bool = False  # rate limited on the channel's overall limit
    report: str | None = None  # the DispatchResult list it goes to once written: sent, failed, postponed
    delivered: tuple[int, ...] = ()  # tasks whose lines arrived before the failure (a digest in parts)


_b = bindparam  # short, for the executemany statements below


_MINE = and_(_DIGESTS.c.id == _b("b_id"), _DIGESTS.c.claim_token == _b("b_token"),
             _DIGESTS.c.state.in_([literal_column(f"'{DigestState.CLAIMED}'"),
                                   literal_column(f"'{DigestState.SENDING}'")]))
# (constants are literals, not parameters: every parameter is a value to hand over for every row)
# The sent rows, and in the same statement the rows marked `sending` before their requests (b_state 'sending',
# b_until their lease, the other values as claimed: see `_mark_row`)
_WRITE_SENT = update(_DIGESTS).where(_MINE).values(  # a sent row keeps the due_at it was claimed with
    state=_b("b_state"), attempts=_b("b_attempts"), last_error=_b("b_error"),
    claimed_until=_b("b_until", type_=UTCDateTime()), sent_at=_b("b_sent_at"), channel=_b("b_channel"),
    chat_id=_b("b_chat_id"), message_id=_b("b_message_id"))
_WRITE_OTHER = update(_DIGESTS).where(_MINE).values(
    state=_b("b_state"), attempts=_b("b_attempts"), last_error=_b("b_error"), due_at=_b("b_due_at"),
    claimed_until=null(), claimed_by=null())
_SENT_FIELDS = ("b_id", "b_token", "b_attempts", "b_error", "b_sent_at", "b_channel", "b_chat_id", "b_message_id",
                "b_state", "b_until")
_OTHER_FIELDS = ("b_id", "b_token", "b_state", "b_attempts", "b_error", "b_due_at")


_S = {state: f"'{state}'" for state in (DigestState.SENT, DigestState.CLAIMED, DigestState.SENDING)}  # SQL literals
_MINE_PG = f"digests.state IN ({_S[DigestState.CLAIMED]}, {_S[DigestState.SENDING]})"
# PostgreSQL: a group's outcomes in ONE statement, its rows as one JSON array of arrays (the same writes and the
# same checks of the claim as _WRITE_SENT and _WRITE_OTHER: by id, only while the token is unchanged and the row
# still `claimed`)


def _pg_rows(columns: str) -> str:
    """A FROM item of the rows given as %(rows)s, a JSON array of arrays: `columns` "name type, …" in their order."""
    pairs = [c.split() for c in columns.split(", ")]
    picked = ", ".join(f"(r->>{i})::{kind} AS {name}" for i, (name, kind) in enumerate(pairs))
    return f"(SELECT {picked} FROM json_array_elements(%(rows)s::json) AS r) AS v"


_SENT_ROWS = _pg_rows("id integer, token integer, attempts integer, error text, sent_at timestamptz, "
                      "channel varchar, chat_id varchar, message_id varchar, state varchar, until timestamptz")
_PG_WRITE_SENT = (
    "UPDATE digests SET state = v.state, attempts = v.attempts, last_error = v.error, "
    "claimed_until = v.until, sent_at = v.sent_at, channel = v.channel, chat_id = v.chat_id, "
    f"message_id = v.message_id FROM {_SENT_ROWS} "
    f"WHERE digests.id = v.id AND digests.claim_token = v.token AND {_MINE_PG}")
_PG_WRITE_OTHER = (
    "UPDATE digests SET state = v.state, attempts = v.attempts, last_error = v.error, due_at = v.due_at, "
    "claimed_until = NULL, claimed_by = NULL "
    f"FROM {_pg_rows('id integer, token integer, state varchar, attempts integer, error text, due_at timestamptz')} "
    f"WHERE digests.id = v.id AND digests.claim_token = v.token AND {_MINE_PG}")


def _iso(value: dt.datetime | None) -> str | None:
    """A UTCDateTime value for the JSON rows (refusing a naive datetime, as UTCDateTime does)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    return value.astimezone(dt.UTC).isoformat()


def _sqlite_at(value: dt.datetime | None) -> str | None:
    """What UTCDateTime's bind processor stores on SQLite: the instant in UTC as "2026-03-02 01:00:00.000000"
    (refusing a naive datetime, as UTCDateTime does)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    if value.tzinfo is not dt.UTC:
        value = value.astimezone(dt.UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")


class _OutcomeWrites:
    """The outcome writes as the driver's own SQL (`exec_driver_sql`), for one dialect, with the rows made ready
    here (datetimes through the column type's bind processor), so SQLAlchemy does no parameter work per row.
    SQLite: the Core statements above compiled once, an executemany of tuples (≈ 0.22 ms instead of 0.40 for a
    group of 30). PostgreSQL: one UPDATE … FROM json_array_elements(rows) a group, the rows one JSON text (psycopg's
    executemany pipelines one execution a row, ≈ 0.65 ms of client CPU for 30; arrays a column, dumped by psycopg
    in Python, ≈ 0.4 ms)."""

    def __init__(self, dialect: Any) -> None:
        self.json = dialect.name == "postgresql"
        if self.json:
            self.at: Callable[[dt.datetime | None], Any] = _iso
            self.sql = {DigestState.SENT: _PG_WRITE_SENT, None: _PG_WRITE_OTHER}
            return
        # (the dialect's own DATETIME: SQLite's stores the text every other write stores, "2026-03-02 01:00:00.000000";
        # the generic type's processor handed sqlite3 a datetime, stored by its deprecated default adapter without
        # the zero microseconds — text that compares as an earlier instant than the same time written elsewhere)
        # The same text made in C (`_sqlite_at`, half the time of the processor's Python formatting: ≈ 0.25 ms a
        # tick of 100), checked against the processor here.
        process = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
        sample = dt.datetime(2026, 3, 2, 8, 0, 1, 5, tzinfo=VN_TZ)
        assert process is not None and process(sample) == _sqlite_at(sample), (process, sample)
        self.at = _sqlite_at
        self.sql, self.shape = {}, {}
        for key, statement, fields in ((DigestState.SENT, _WRITE_SENT, _SENT_FIELDS),
                                       (None, _WRITE_OTHER, _OTHER_FIELDS)):
            compiled = statement.compile(dialect=dialect)
            assert compiled.positional, dialect.name  # SQLite's qmark: a tuple in the statement's order
            order = [fields.index(name) for name in compiled.positiontup or ()]
            assert len(order) == len(fields) > 1, (compiled.positiontup, fields)
            self.sql[key], self.shape[key] = compiled.string, itemgetter(*order)  # (a tuple of those items)

    def write(self, conn: Any, sent: bool, rows: list[tuple[Any, ...]]) -> int:
        """Write `rows` (in _SENT_FIELDS order if `sent`, else _OTHER_FIELDS); the number of rows written."""
        key = DigestState.SENT if sent else None
        if self.json:
            return int(conn.exec_driver_sql(self.sql[key], {"rows": json.dumps(rows)}).rowcount)
        shape = self.shape[key]
        return int(conn.exec_driver_sql(self.sql[key], [shape(row) for row in rows]).rowcount)


_WRITES: weakref.WeakKeyDictionary[Any, _OutcomeWrites] = weakref.WeakKeyDictionary()  # per dialect (engine)


def _outcome_writes(dialect: Any) -> _OutcomeWrites:
    found = _WRITES.get(dialect)
    if found is None:
        found = _WRITES[dialect] = _OutcomeWrites(dialect)
    return found


def _mark_row(writes: _OutcomeWrites, p: _Prepared, until: dt.datetime) -> tuple[Any, ...]:
    """A row of the sent rows' statement that marks `p` `sending` (its request may go out from now on), its lease
    `until`, its other values as claimed (nothing sent yet: no channel, message or error)."""
    return (p.claim.digest_id, p.claim.token, p.attempts, None, None, None, None, None, _SENDING, writes.at(until))


_SENDING, _SENT = str(DigestState.SENDING), str(DigestState.SENT)


def _record(session: Session | Connection, outcomes: list[_Outcome], *, worker: str,
            marks: Sequence[_Prepared] = (), until: dt.datetime | None = None, idle: Sequence[str] = (),
            idle_at: dt.datetime | None = None) -> set[int]:
    """Write a group of outcomes in one transaction, each row only if it is still this worker's claim
    (`claim_token` unchanged, still `claimed` or `sending`): one UPDATE for the sent rows, one for the others (an
    executemany on SQLite; see _OutcomeWrites). `marks`: rows whose requests are about to go out, marked `sending`
    (lease `until`) in the sent rows' statement. Returns the ids of the rows another worker has taken since (nothing
    written for them; a mark among them must not be sent)."""
    conn = connection_of(session)
    writes = _outcome_writes(conn.dialect)
    sent: list[tuple[Any, ...]] = [_mark_row(writes, p, until) for p in marks] if until is not None else []
    other: list[tuple[Any, ...]] = []
    for o in outcomes:
        p = o.prepared
        attempts = p.attempts + (1 if o.count_attempt else 0)
        state = DigestState.FAILED if o.state == DigestState.PENDING and attempts >= MAX_ATTEMPTS else o.state
        due_at = p.due_at
        if o.retry_at is not None:
            due_at = o.retry_at
        elif o.backoff and state == DigestState.PENDING:  # 5, 10, 20, 40 min: rides out a half-hour outage
            due_at = o.at + RETRY_AFTER * 2 ** max(attempts - 1, 0)
        if state == DigestState.SENT:  # (an outcome that says sent never moves the row's due_at)
            sent.append((p.claim.digest_id, p.claim.token, attempts, o.error, writes.at(o.at), o.channel,
                         p.chat_id if o.channel else None, o.message_id, _SENT, None))
        else:
            other.append((p.claim.digest_id, p.claim.token, str(state), attempts, o.error, writes.at(due_at)))
    for o in outcomes:  # a digest that failed after its first parts: those tasks are not sent again
        if o.delivered and o.state != DigestState.SENT:
            done = set(o.delivered)
            items = [{**i, "delivered": True} if i.get("task_id") in done else i for i in o.prepared.items]
            conn.execute(update(_DIGESTS).where(_DIGESTS.c.id == o.prepared.claim.digest_id,
                                                   _DIGESTS.c.claim_token == o.prepared.claim.token)
                            .values(items=items))
    written = 0
    if sent:
        written += writes.write(conn, True, sent)
    if other:
        written += writes.write(conn, False, other)
    lost: set[int] = set()
    if written != len(sent) + len(other):  # some rows were taken over: which (their token moved on)
        tokens = {p.claim.digest_id: p.claim.token for p in [*(o.prepared for o in outcomes), *marks]}
        lost = {r[0] for r in conn.execute(select(Digest.id, Digest.claim_token).where(Digest.id.in_(tokens)))
                if r[1] != tokens[r[0]]}
    if idle and idle_at is not None:  # (the tick's last write, see `_Outbox.idle`)
        announce_idle(conn, worker=worker, channels=list(idle), now=idle_at)
    unreachable = {o.prepared.person_id for o in outcomes
                   if o.person_unreachable and o.prepared.claim.digest_id not in lost}
    if unreachable:
        at = min(o.at for o in outcomes if o.person_unreachable)
        conn.execute(update(Person).where(Person.id.in_(unreachable), Person.unreachable_since.is_(None))
                        .values(unreachable_since=at))
    return lost


def _record_and_recount(conn: Connection, outcomes: list[_Outcome], *, worker: str, now: dt.datetime,
                        alive: dt.timedelta, due: dt.datetime, **record: Any) -> tuple[set[int], dict[str, int]]:
    """`_record`, and `sharing` read again (one statement more): a worker sharing the rate learns within a group
    that the other found nothing more to claim (`announce_idle`) and goes at the whole rate for the rest."""
    lost = _record(conn, outcomes, worker=worker, **record)
    return lost, pauses_and_sharing(conn, now=now, since=now - alive, worker=worker, due=due)[1]


def _one_write(outcomes: list[_Outcome], marks: bool = False) -> bool:
    """Whether `_record` writes `outcomes` (and rows to mark `sending`, if `marks`) with one statement (besides
    reads): all sent (the marks go with them) or all not and no marks, none with parts delivered to mark, nobody
    found unreachable — most groups. Such a group needs no transaction of its own (Database.call_one_write)."""
    kinds = {o.state == DigestState.SENT for o in outcomes} | ({True} if marks else set())
    return len(kinds) == 1 and not any(
        o.person_unreachable or (o.delivered and o.state != DigestState.SENT) for o in outcomes)


def _finish(session: Session, claim: Claim, *, worker: str, now: dt.datetime, state: DigestState,
            channel: str | None = None, chat_id: str | None = None, message_id: str | None = None,
            error: str | None = None, retry_at: dt.datetime | None = None, count_attempt: bool = True,
            person_unreachable: bool = False, backoff: bool = False) -> bool:
    """Record the outcome of one claim; False if the claim is no longer this worker's (nothing written)."""
    row = session.execute(select(Digest.attempts, Digest.due_at, Digest.person_id).where(
        Digest.id == claim.digest_id)).one_or_none()
    if row is None:
        return False
    prepared = _Prepared(claim=claim, channel=channel, chat_id=chat_id, view=None, attempts=row.attempts,
                         due_at=row.due_at, person_id=row.person_id)
    outcome = _Outcome(prepared=prepared, at=now, state=state, error=error, channel=channel, message_id=message_id,
                       retry_at=retry_at, count_attempt=count_attempt, backoff=backoff,
                       person_unreachable=person_unreachable)
    return claim.digest_id not in _record(session, [outcome], worker=worker)


def renew_claims(session: Session | Connection, claims: list[Claim], *, now: dt.datetime,
                 lease: dt.timedelta) -> set[int]:
    """Extend the lease of every claim still this worker's (token unchanged, still `claimed`) in one
    statement; the ids of those. A worker that overran its lease learns here which rows another took."""
    if not claims:
        return set()
    return set(connection_of(session).scalars(
        update(Digest).where(tuple_(Digest.id, Digest.claim_token).in_([(c.digest_id, c.token) for c in claims]),
                             Digest.state.in_([DigestState.CLAIMED, DigestState.SENDING]))
        .values(claimed_until=now + lease).returning(Digest.id)).all())


def renew(session: Session, claim: Claim, *, worker: str, now: dt.datetime, lease: dt.timedelta) -> bool:
    """One claim's `renew_claims`."""
    return claim.digest_id in renew_claims(session, [claim], now=now, lease=lease)


def _claim_batch(session: Session | Connection, *, outcomes: list[_Outcome], now: dt.datetime, worker: str, limit: int,
                 lease: dt.timedelta, tz: ZoneInfo = VN_TZ, pauses: dict[tuple[str, str], dt.datetime] | None = None,
                 shares: dict[str, int] | None = None, announce: list[str] | None = None,
                 alive: dt.timedelta = dt.timedelta(minutes=1), idle: list[str] | None = None) -> _Batch:
    """One transaction: write the outcomes still waiting from the previous batch (the ids lost, see _record),
    claim, say this worker is still sending on the channels `announce` (if given: once a tick or less often, see
    `send_due_digests`), read the flood-control pauses and the other workers sending (`alive`: seen since that long ago)
    if anything was claimed (unless given: read in the same transaction by `_tick_start`), and read everything
    needed to render the claimed rows. Also the number claimed (fewer than `limit`: nothing else is due)."""
    conn = connection_of(session)
    lost = _record(conn, outcomes, worker=worker) if outcomes else set()
    rows = _claim_rows(conn, now=now, worker=worker, limit=limit, lease=lease)
    if announce:
        announce_sending(conn, worker=worker, channels=announce, now=now)
    if idle and not rows:  # nothing more to claim: the others sending no longer count this worker
        announce_idle(conn, worker=worker, channels=idle, now=now)
    if pauses is None or shares is None:  # flood control any worker was told about, and who sends besides (only
        # for rows to send: a tick's last claim finds none; those that went idle since these rows fell due not)
        pauses, shares = pauses_and_sharing(conn, now=now, since=now - alive, worker=worker,
                                            due=min(r.due_at for r in rows)) if rows else ({}, {})
    prepared = _prepare_rows(conn, rows, tz=tz)
    marks = [p for p in _send_order(prepared) if not _held(pauses, p, now)][:FLUSH_MESSAGES]
    if marks:  # the first sends' rows `sending` before their requests (one statement; then with each group's write)
        writes = _outcome_writes(conn.dialect)
        writes.write(conn, True, [_mark_row(writes, p, now + lease) for p in marks])  # (claimed here: all ours)
    return lost, prepared, pauses, shares, len(rows), {p.claim.digest_id for p in marks}


def _send_order(rows: list[_Prepared]) -> list[_Prepared]:
    """A batch's rows in the order `_BatchRun` takes them: chat by chat, a chat's place that of its first row."""
    chats: dict[tuple[str | None, str | None], list[_Prepared]] = {}
    for prepared in rows:
        chats.setdefault((prepared.channel, prepared.chat_id), []).append(prepared)
    return [p for chat in chats.values() for p in chat]


def _held(held: dict[tuple[str, str], dt.datetime], prepared: _Prepared, now: dt.datetime) -> dt.datetime | None:
    """Until when flood control holds `prepared`'s chat or its whole channel (`held`: as send_pauses), if it does."""
    if not held:  # (nothing on hold: most batches)
        return None
    channel = prepared.channel or ""
    return max((u for u in (held.get((channel, "")), held.get((channel, prepared.chat_id or ""))) if u is not None
                and u > now), default=None)


def _tick_start_statement() -> Any:
    """`_tick_start`'s three reads as ONE statement (a round trip, not three, on PostgreSQL): the calendar's
    corrections (what load_calendar_days reads), a row if today was planned, the flood-control pauses (what
    send_pauses reads), the other workers seen sending lately (OTHERS_SENDING: `chat_id` is the worker, `until`
    when it was seen); each row says which it is (`what`), the columns the others do not have are NULL."""
    def nothing(kind: Any) -> Any:
        return sql_cast(null(), kind)

    return union_all(
        select(literal_column("'day'", String).label("what"), CalendarDay.day, CalendarDay.kind, CalendarDay.note,
               nothing(String(16)).label("channel"), nothing(String(64)).label("chat_id"),
               nothing(UTCDateTime()).label("until")),
        select(literal_column("'worker'", String), nothing(Date()), nothing(String(8)), nothing(String(200)),
               SendWorker.channel, SendWorker.worker, SendWorker.idle_since).where(OTHERS_SENDING),
        select(literal_column("'planned'", String), DigestRun.day, nothing(String(8)), nothing(String(200)),
               nothing(String(16)), nothing(String(64)), nothing(UTCDateTime()))
        .where(DigestRun.day == bindparam("today")),
        select(literal_column("'pause'", String), nothing(Date()), nothing(String(8)), nothing(String(200)),
               SendPause.channel, SendPause.chat_id, SendPause.until)
        .where(SendPause.until > bindparam("now", type_=UTCDateTime())))


_TICK_START = _tick_start_statement()


def _tick_start(session: Session | Connection, *, today: dt.date, now: dt.datetime, worker: str = "",
                alive: dt.timedelta = dt.timedelta(minutes=1)
                ) -> tuple[CalendarDays, bool, dict[tuple[str, str], dt.datetime], dict[str, int]]:
    """The admin's days off and make-up days as of this tick, whether `today` was planned already, the
    flood-control pauses at `now` (as send_pauses) and the workers sending on each channel (`sharing`: `worker`
    and the others seen since `alive` ago), in one statement."""
    rows = connection_of(session).execute(_TICK_START, {"today": today, "now": now, "since": now - alive,
                                                        "worker": worker}).all()
    return (calendar_days_of([r for r in rows if r.what == "day"]), any(r.what == "planned" for r in rows),
            {(r.channel, r.chat_id): r.until for r in rows if r.what == "pause"},
            sharing([(r.channel, r.chat_id, r.until) for r in rows if r.what == "worker"]))


def _must_plan(policy: ReminderPolicy, *, today: dt.date, now: dt.datetime, planned: bool) -> bool:
    """Whether a tick plans the day before sending: not planned yet, and the morning's reminder time has come."""
    return not planned and now >= policy.calendar.at(today, policy.remind_at)


# what _claim_batch returns: ids lost, rows, pauses, workers sending on each channel, number claimed, ids marked
# `sending`
_Batch = tuple[set[int], list[_Prepared], dict[tuple[str, str], dt.datetime], dict[str, int], int, set[int]]


def _start(session: Session | Connection, *, policy: ReminderPolicy, today: dt.date, now: dt.datetime, worker: str,
           limit: int, lease: dt.timedelta, announce: list[str] | None = None, first: bool = False,
           alive: dt.timedelta = dt.timedelta(minutes=1)) -> tuple[CalendarDays, bool, _Batch | None]:
    """A tick's first transaction: say this worker is sending on the channels `announce` (`announce_sending`;
    `first`: its first tick), `_tick_start`, and, when the tick sends at once (working time, nothing to plan
    first — every tick but the morning's first), the first batch's `_claim_batch` with `now` as the claim's
    instant: one thread hop and one transaction fewer a tick."""
    if announce:
        announce_sending(connection_of(session), worker=worker, channels=announce, now=now, first=first)
    days, planned, pauses, shares = _tick_start(session, today=today, now=now, worker=worker, alive=alive)
    calendar = with_corrections(policy.calendar, days)
    if not calendar.is_working_time(now) or _must_plan(policy, today=today, now=now, planned=planned):
        return days, planned, None
    return days, planned, _claim_batch(session, outcomes=[], now=now, worker=worker, limit=limit, lease=lease,
                                       tz=calendar.tz, pauses=pauses, shares=shares, idle=announce)


# ---------------------------------------------------------------- one tick

FLUSH_MESSAGES = 30  # outcomes written together at most (a crash resends at most these)
FLUSH_AFTER = dt.timedelta(seconds=1)  # …or the outcomes of this much sending, whichever comes first


class _Slots:
    """`count` slots, handed out first come, first served, as asyncio.Semaphore does them (a release hands its slot
    to the longest waiter; nobody overtakes a waiter), without the Semaphore's walk over its waiters at each release
    and acquire: a write frees up to FLUSH_MESSAGES slots while as many sends wait (≈ 900 checks a group)."""

    def __init__(self, count: int) -> None:
        self.free = count
        self.waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self) -> None:
        if self.free and not self.waiters:
            self.free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiters.append(waiter)
        try:
            await waiter  # resolved by `release`: the slot is ours
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # given a slot, then cancelled before it could use it: the next waiter has it
            elif waiter in self.waiters:
                self.waiters.remove(waiter)
            raise

    def release(self) -> None:
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():  # (a cancelled waiter is done: passed over)
                waiter.set_result(None)
                return
        self.free += 1


class _Outbox:
    """Outcomes waiting to be written: one transaction per group of at most FLUSH_MESSAGES, or of
    FLUSH_AFTER of sending, and always before the tick ends or gives up (the last group of a full batch
    goes in the transaction that claims the next batch)."""

    def __init__(self, db: Database, *, worker: str, result: DispatchResult,
                 now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> None:
        self.db, self.worker, self.result, self.now = db, worker, result, now
        self.waiting: list[_Outcome] = []
        self.flush_at: dt.datetime | None = None  # FLUSH_AFTER after the oldest waiting outcome's send began
        self.lock = asyncio.Lock()
        # a send holds a slot from before it starts until its outcome is written: never more than
        # FLUSH_MESSAGES messages out whose outcome is not in the database (what a crash may resend)
        self.slots = _Slots(FLUSH_MESSAGES)
        self.slot_ids: set[int] = set()
        self.marking: _BatchRun | None = None  # the batch being sent: each write marks its next rows `sending`
        self.idle: list[str] = []  # the paced channels to say, with the tick's last write, this worker is idle on
        self.idle_at: dt.datetime | None = None  # … since the claim that found nothing more

    def add(self, outcome: _Outcome, *, began: dt.datetime) -> None:
        if not self.waiting:
            self.flush_at = began + FLUSH_AFTER
        self.waiting.append(outcome)

    def starved(self) -> bool:
        """Every slot is held by a send whose outcome is not written: a send that wants one waits for a write.
        (Not `slots.locked()`: that is also true while tasks just given a slot by a write have not yet run,
        and writing then sends a group of one.)"""
        return len(self.slot_ids) >= FLUSH_MESSAGES

    def due(self, now: dt.datetime) -> bool:
        return bool(self.waiting) and (len(self.waiting) >= FLUSH_MESSAGES or self.starved()
                                       or (self.flush_at is not None and now >= self.flush_at))

    async def reserve(self, digest_id: int) -> None:
        """A slot for one send (see `slots`); writes the waiting outcomes first if none is free."""
        if self.starved() and self.waiting:
            await self.flush()
        await self.slots.acquire()
        self.slot_ids.add(digest_id)

    def unreserve(self, digest_id: int) -> None:
        """Give back the slot of a send that will not be made."""
        if digest_id in self.slot_ids:
            self.slot_ids.discard(digest_id)
            self.slots.release()

    def take(self) -> list[_Outcome]:
        outcomes, self.waiting, self.flush_at = self.waiting, [], None
        return outcomes

    def written(self, outcomes: list[_Outcome], lost: set[int]) -> None:
        for o in outcomes:
            digest_id = o.prepared.claim.digest_id
            if digest_id in self.slot_ids:
                self.slot_ids.discard(digest_id)
                self.slots.release()
            if digest_id in lost:
                log.warning("digest %s: claim lost to another worker before its outcome was written", digest_id)
                self.result.lost.append(digest_id)
            elif o.report is not None:
                getattr(self.result, o.report).append(digest_id)

    async def flush(self) -> None:
        async with self.lock:
            await self.flush_locked()
            if self.idle and self.idle_at is not None:  # (nothing was left to write above, with it)
                await self.db.run_core(announce_idle, worker=self.worker, channels=self.idle, now=self.idle_at)
            self.idle = []

    async def flush_due(self, now: dt.datetime) -> None:
        """flush if a group is complete (checked again once the lock is ours: another may have written it)."""
        if self.due(now):
            async with self.lock:
                if self.due(now):
                    await self.flush_locked()

    async def flush_locked(self, *, mark: bool = False) -> None:
        """flush, for a caller that holds `lock` (writes of one batch go one at a time, renewals included). The
        write also marks `sending` the batch's next rows (`_BatchRun.to_mark`); `mark`: even with no outcome
        waiting (a send's row not marked yet)."""
        batch = self.marking
        marks = batch.to_mark() if batch is not None and (self.waiting or mark) else []
        if self.waiting or marks:
            outcomes = self.take()
            idle, self.idle = self.idle, []  # the tick's last write: also says this worker found nothing more
            run = self.db.run_one_write if _one_write(outcomes, bool(marks)) and not idle else self.db.run_core
            if batch is not None and batch.sharing():  # while sharing the rate: who still sends, read again
                lost, shares = await run(_record_and_recount, outcomes, worker=self.worker, marks=marks,
                                         until=batch.lease_end, idle=idle, idle_at=self.idle_at,
                                         now=self.now(), alive=batch.alive, due=batch.due)
                _share(batch.senders, shares)
                batch.shares = shares
            else:
                lost = await run(_record, outcomes, worker=self.worker, marks=marks,
                                 until=batch.lease_end if batch is not None else None, idle=idle,
                                 idle_at=self.idle_at)
            self.written(outcomes, lost)
            if batch is not None and marks:
                batch.marked_now(marks, lost)


# per database: each worker's last `announce_sending` in this process (a long tick says it again after half of
# `alive`; the first says it is the process's first)
_announced: weakref.WeakKeyDictionary[Database, dict[str, dt.datetime]] = weakref.WeakKeyDictionary()


def _paced_channels(senders: dict[str, Sender]) -> list[str]:
    """The channels whose overall rate the workers share (those paced: `max_per_second`), in a stable order."""
    return sorted(name for name, sender in senders.items() if getattr(sender, "max_per_second", None))


def _share(senders: dict[str, Sender], shares: dict[str, int]) -> None:
    """Each paced sender goes at its rate ÷ the workers sending on its channel (`share_pace`)."""
    for name, sender in senders.items():
        if getattr(sender, "max_per_second", None):
            share_pace(sender, shares.get(name, 1))


async def send_due_digests(db: Database, senders: dict[str, Sender], *, clock: Clock, policy: ReminderPolicy,
                           worker: str = "worker", batch: int = 100,
                           lease: dt.timedelta = dt.timedelta(minutes=5),
                           alive: dt.timedelta = dt.timedelta(minutes=1)) -> DispatchResult:
    """One tick: plan this morning's digests if it is time, then send every digest that is due,
    within working hours only.

    Cost: the first unit of work reads the calendar corrections, whether today is planned and the flood-control
    pauses (one statement) and, unless the day is to be planned first, claims a batch of `batch` rows and reads
    everything needed to render them (five statements); each group of finished rows is written in one unit of
    work (see _Outbox) — 5 commits and 10 statements per 100 digests (groups of 30, 30, 30 and 10, the last with
    the claim that finds nothing more) instead of 2 transactions a digest. A unit with one write (the first; a
    group all sent) commits that statement by itself on PostgreSQL, without BEGIN and COMMIT round trips
    (Database.call_one_write); on SQLite every unit is a transaction. The lease counts from the claim and is renewed for
    the whole rest of the batch in one statement once a third of it has gone; a row whose claim was taken
    over meanwhile is not sent. Every outcome is written only if the row's fencing token is still ours.

    The price of batching: a worker that dies (or stalls past its lease) after sending messages whose
    outcomes were not yet written lets another worker send those again. A send holds one of FLUSH_MESSAGES
    slots from before it starts until its outcome is written, so a crash resends at most FLUSH_MESSAGES
    messages (and at most FLUSH_AFTER of sending): the messages in flight.

    Workers on one bot share its overall rate: each tick's first unit of work says this worker is sending on its
    paced channels (`announce_sending`, one statement; again in a batch's claim once `alive` / 2 has gone in a
    long tick) and reads the others seen within `alive` (with the pauses: no statement more); each paces at the
    channel's rate ÷ the workers seen (`share_pace`), read again with each batch. A worker that stops is no
    longer counted once `alive` has gone since it was last seen; a lone worker keeps the whole rate."""
    result = DispatchResult()
    now = clock.now()
    today = policy.calendar.local(now).date()
    paced = _paced_channels(senders)
    announced = _announced.setdefault(db, {})
    first_announcement = worker not in announced
    # A worker's first read of the others may come before the word of another worker starting at the same moment
    # has committed (each reads in the transaction of its own word; PostgreSQL's READ COMMITTED shows neither the
    # other's): both would go at the whole rate for a batch. So the first batch counts one worker more than it saw
    # — two workers starting together keep under the rate —, until the next read: the first group's outcome write
    # reads the sharing again, as it does while another worker is counted (`_record_and_recount`), so a worker
    # alone is back at the whole rate within FLUSH_MESSAGES sends. No statement more for a running worker.
    blind = first_announcement and bool(paced)
    if paced:
        announced[worker] = now
    # (a transaction: the claim, the first rows marked `sending`, and the worker saying it is sending if paced)
    days, planned, first = await db.run_core(
        _start, policy=policy, today=today, now=now, worker=worker, limit=batch, lease=lease, announce=paced,
        first=first_announcement, alive=alive)
    policy = dataclasses.replace(policy, calendar=with_corrections(policy.calendar, days))
    calendar = policy.calendar
    if not calendar.is_working_time(now):
        return result
    if _must_plan(policy, today=today, now=now, planned=planned):
        try:
            result.planned = await db.run(plan_digests, policy=policy, today=today, now=now)
        except IntegrityError:
            log.info("digests for %s are being planned by another worker", today)
    outbox = _Outbox(db, worker=worker, result=result, now=clock.now)
    try:
        while True:
            if first is not None:  # claimed in the tick's first transaction, at `now`
                (lost, rows, pauses, shares, claimed, marked), first = first, None
                claimed_at = now
            else:
                claimed_at = clock.now()  # the lease counts from the claim
                outcomes = outbox.take()
                # a long tick says again that this worker is sending, once half of `alive` has gone
                again = paced if paced and claimed_at - announced.get(worker, now) >= alive / 2 else None
                try:
                    lost, rows, pauses, shares, claimed, marked = await db.run_core(
                        _claim_batch, outcomes=outcomes, now=claimed_at, worker=worker, limit=batch, lease=lease,
                        tz=calendar.tz, announce=again, alive=alive, idle=paced)
                except BaseException:
                    outbox.waiting[:0] = outcomes  # not written: the finally below tries once more
                    raise
                if again:
                    announced[worker] = claimed_at
                outbox.written(outcomes, lost)
            if not rows:
                return result
            if blind:  # (see above: the process's first read may have missed a worker starting with it)
                shares, blind = {name: shares.get(name, 1) + 1 for name in paced}, False
            _share(senders, shares)
            run = _BatchRun(db, senders, rows, pauses, clock=clock, policy=policy, outbox=outbox, lease=lease,
                            claimed_at=claimed_at, marked=marked, shares=shares, alive=alive)
            try:
                retry_after = await run.run()
            finally:
                outbox.marking = None
            if retry_after is not None:  # the first held row can go again after this long
                result.retry_after = retry_after if result.retry_after is None else min(retry_after,
                                                                                       result.retry_after)
            if run.channel_held:  # a whole channel on hold: what is due for it waits; the next tick goes on
                return result
            if claimed < batch:  # nothing more to claim: the tick's last write says so (`announce_idle`)
                outbox.idle, outbox.idle_at = paced, claimed_at
                return result
    finally:
        await outbox.flush()


CHANNEL_PAUSE_CHATS = 3  # chats told to wait within CHANNEL_PAUSE_WINDOW: the channel's own limit, hold it all
CHANNEL_PAUSE_WINDOW = dt.timedelta(seconds=2)
# per sender (one a channel): the recent 429s, (when, chat, until)
_recent_429s: weakref.WeakKeyDictionary[Any, deque[tuple[dt.datetime, str, dt.datetime]]] = \
    weakref.WeakKeyDictionary()
MAX_CHATS_AT_ONCE = 30  # chats with a digest in flight at most (a slow chat holds only its own place)
CHAT_GAP = dt.timedelta(seconds=1)  # between two digests to one chat (Telegram: 1 message/s per private chat)

_next_slot: weakref.WeakKeyDictionary[Any, dt.datetime] = weakref.WeakKeyDictionary()  # per sender


async def sleep_until(clock: Clock, when: dt.datetime) -> None:
    """Sleep to an instant, not for a span: concurrent sleepers on a simulated clock then move it to the
    latest of their instants, not to the sum of their spans."""
    wait = (when - clock.now()).total_seconds()
    if wait > 0:
        await clock.sleep(wait)


def digest_rate(overall: float | None, reserve: float) -> float | None:
    """The rate digests are paced at: the channel's `overall` rate less `reserve` messages/s left free for the
    replies handlers send meanwhile (they are not paced: a person waits for them), so a reply finds Telegram's
    overall limit unspent and is neither refused (429) nor kept waiting behind the morning's burst. The digests
    keep at least half the overall rate, whatever the reserve. The bot's rate: several workers sending on one bot
    share it (each at this ÷ their number, `share_pace`), and the reserve is the bot's, not each one's."""
    if not overall:
        return overall
    return max(overall - reserve, overall / 2)


class Pacing:
    """One channel's schedule of sending slots in this process, shared by a sender (its `pacing`) with the
    messages that go out at once (`give_way`); without one a sender paces by itself."""

    __slots__ = ("__weakref__",)


_workers: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()  # per pace: the workers sharing it


def share_pace(sender: Sender, workers: int) -> None:
    """`workers` workers (this one included) send on the sender's channel: its pace goes at max_per_second ÷
    workers from the next slot on, so together they keep the channel's overall rate."""
    _workers[getattr(sender, "pacing", None) or sender] = max(1, workers)


async def pace(sender: Sender, clock: Clock) -> None:
    """Keep under the channel's overall rate on the injected clock, so flood control (429) stays rare:
    each send takes the next free slot of 1/max_per_second (shared by every chat being sent to, and by the
    replies that took slots ahead, `give_way`) — of workers/max_per_second when several workers send on the
    channel (`share_pace`)."""
    rate = getattr(sender, "max_per_second", None)
    if not rate:
        return
    key = getattr(sender, "pacing", None) or sender
    now = clock.now()
    slot = max(now, _next_slot.get(key, now))
    _next_slot[key] = slot + dt.timedelta(seconds=_workers.get(key, 1) / rate)
    await sleep_until(clock, slot)


def give_way(pacing: Pacing, rate: float | None, clock: Clock) -> None:
    """A message sent at once outside the pace (a handler's reply: a person waits for it) takes the next free
    slot ahead of the paced sends, which go one slot later: replies and digests together keep the paced rate,
    however many people write during the burst, and the reserve (`digest_rate`) stays free for the next reply.
    Only while paced sends are queued (the next free slot is ahead): otherwise the pace has room for it."""
    next_slot = _next_slot.get(pacing)
    if rate and next_slot is not None and next_slot > clock.now():
        _next_slot[pacing] = next_slot + dt.timedelta(seconds=1 / rate)


def _rate_limited(outcome: _Outcome) -> bool:
    return outcome.report is None and outcome.state == DigestState.PENDING and outcome.retry_at is not None \
        and outcome.error is not None and outcome.error.startswith("rate limited")


class _BatchRun:
    """One claimed batch on its way out: each chat's digests in order, up to MAX_CHATS_AT_ONCE chats at once
    (most urgent first), paced overall by the sender and per chat by CHAT_GAP."""

    def __init__(self, db: Database, senders: dict[str, Sender], rows: list[_Prepared],
                 pauses: dict[tuple[str, str], dt.datetime], *, clock: Clock, policy: ReminderPolicy,
                 outbox: _Outbox,
                 lease: dt.timedelta, claimed_at: dt.datetime, marked: set[int] | None = None,
                 shares: dict[str, int] | None = None, alive: dt.timedelta = dt.timedelta(minutes=1)) -> None:
        self.db, self.senders, self.rows, self.clock, self.policy = db, senders, rows, clock, policy
        self.outbox, self.lease = outbox, lease
        self.renew_after = lease / 3  # the lease is renewed once this much of it has gone
        self.renew_at = claimed_at + self.renew_after
        self.lease_end = claimed_at + lease
        # rows marked `sending` (a request may go out only for those; see `to_mark`), and the rows whose send waits
        # for its mark
        self.marked: set[int] = set(marked or ())
        self.wanting: list[_Prepared] = []
        self.order = _send_order(rows)
        outbox.marking = self
        # the workers sharing each paced channel's rate (read again with each write while more than this one)
        self.shares, self.alive = dict(shares or {}), alive
        self.due = min((p.due_at for p in rows if p.due_at is not None), default=claimed_at)
        self.held = dict(pauses)  # (channel, chat id) → until: flood control; chat id '': the whole channel
        self.channel_held = False  # a whole channel was paused during this batch: the tick ends after it
        self.open = {p.claim.digest_id for p in rows}  # claimed and not yet finished: renewed together
        self.lost: set[int] = set()
        self.retry_after: float | None = None
        self.breaks: dict[dt.date, tuple[dt.date, str, dt.date] | None] = {}  # _with_break_ahead's, by day
        self.queue: deque[list[_Prepared]] = deque()  # chats not yet taken by a worker, most urgent first
        self.group: asyncio.TaskGroup | None = None
        self.workers = 0  # take_chats tasks started
        self.spawn_pending = False  # a `spawn` is queued on the loop

    async def run(self) -> float | None:
        chats: dict[tuple[str | None, str | None], list[_Prepared]] = {}
        for prepared in self.rows:  # in claim order: a chat's place is that of its most urgent digest
            chats.setdefault((prepared.channel, prepared.chat_id), []).append(prepared)
        self.queue = deque(chats.values())
        async with asyncio.TaskGroup() as self.group:
            self.workers = 1  # the others start as this one waits (`may_wait`)
            self.group.create_task(self.take_chats())
        return self.retry_after

    async def take_chats(self) -> None:
        queue = self.queue
        while queue:
            await self.send_chat(queue.popleft())
        if self.outbox.due(now := self.clock.now()):  # nothing waits on workers that have stopped
            self.may_wait()
            await self.outbox.flush_due(now)

    def may_wait(self) -> None:
        """Called before each await by which a worker may let go of the loop: once it has, `spawn` starts one more
        worker if it could send at once. Up to MAX_CHATS_AT_ONCE chats are in flight as before when sends take
        time (each send that waits on the network brings the next worker); a sender that answers at once is
        served by one worker, without ≈ 30 workers started and woken, one by one, for each group's slots."""
        if not self.spawn_pending and self.queue and self.workers < MAX_CHATS_AT_ONCE:
            self.spawn_pending = True
            asyncio.get_running_loop().call_soon(self.spawn)

    def spawn(self) -> None:
        """One more worker, if a chat waits and a sending slot is free (with no slot free it would only wait)."""
        self.spawn_pending = False
        slots = self.outbox.slots
        if self.queue and self.workers < MAX_CHATS_AT_ONCE and slots.free and not slots.waiters \
                and self.group is not None:
            try:
                self.group.create_task(self.take_chats())
            except RuntimeError:  # the group is ending (a worker failed): no new worker
                return
            self.workers += 1

    async def keep_lease(self) -> None:
        """Once a third of the lease has gone: write what is finished, renew every open row of the batch in
        one statement, and learn which rows another worker has taken (those are not sent). Sends already
        under way when the third passes (at most MAX_CHATS_AT_ONCE) have the other two thirds to finish."""
        if not self.lease_due():
            return
        async with self.outbox.lock:  # no outcome is being written meanwhile
            now = self.clock.now()
            if now < self.renew_at:
                return
            await self.outbox.flush_locked()
            rest = [p.claim for p in self.rows if p.claim.digest_id in self.open - self.lost]
            kept = await self.db.run_core(renew_claims, rest, now=now, lease=self.lease)
            self.renew_at, self.lease_end = now + self.renew_after, now + self.lease
            for claim in rest:
                # a row finished while the renewal ran is no longer `claimed`: its outcome's own write
                # checks its token
                if claim.digest_id not in kept and claim.digest_id in self.open:
                    log.warning("digest %s: lease lost before sending (another worker has it); not sent",
                                claim.digest_id)
                    self.lost.add(claim.digest_id)
                    self.outbox.result.lost.append(claim.digest_id)

    def sharing(self) -> bool:
        """Whether another worker shares a paced channel's rate with this one (as last read)."""
        return any(n > 1 for n in self.shares.values())

    def to_mark(self) -> list[_Prepared]:
        """The rows the next write marks `sending`: those whose send waits for it, then the next ones in sending
        order (not finished, taken or held), so that FLUSH_MESSAGES rows are marked and not finished — the sends
        that the write's freed slots let go. Past its lease a `sending` row is taken as `unknown`, not sent again:
        marking ahead bounds what a stalled or dead worker leaves to an admin, as the slots bound what it sent."""
        now = self.clock.now()
        chosen = [p for p in self.wanting if p.claim.digest_id not in self.marked | self.lost]
        room = FLUSH_MESSAGES - len(self.marked & self.open) - len(chosen)
        if room > 0:
            ids = {p.claim.digest_id for p in chosen} | self.marked | self.lost
            for p in self.order:
                if room <= 0:
                    break
                digest_id = p.claim.digest_id
                if digest_id in self.open and digest_id not in ids and self.held_until(p, now) is None:
                    chosen.append(p)
                    room -= 1
        return chosen

    def marked_now(self, marks: list[_Prepared], lost: set[int]) -> None:
        for p in marks:
            if p.claim.digest_id in lost:
                if p.claim.digest_id not in self.lost:
                    log.warning("digest %s: lease lost before sending (another worker has it); not sent",
                                p.claim.digest_id)
                    self.lost.add(p.claim.digest_id)
                    self.outbox.result.lost.append(p.claim.digest_id)
            else:
                self.marked.add(p.claim.digest_id)

    async def mark(self, prepared: _Prepared) -> None:
        """`prepared`'s row marked `sending` before its request (with the next rows, and the outcomes waiting)."""
        self.wanting.append(prepared)
        try:
            async with self.outbox.lock:
                if prepared.claim.digest_id not in self.marked | self.lost:
                    await self.outbox.flush_locked(mark=True)
        finally:
            self.wanting.remove(prepared)

    def lease_due(self) -> bool:
        """Whether `keep_lease` has anything to do (checked before awaiting it: a few hundred times a tick)."""
        return self.clock.now() >= self.renew_at

    def finish(self, outcome: _Outcome, *, began: dt.datetime) -> None:
        self.open.discard(outcome.prepared.claim.digest_id)
        self.outbox.add(outcome, began=began)

    async def send_chat(self, rows: list[_Prepared]) -> None:
        last: dt.datetime | None = None
        outbox = self.outbox
        for prepared in rows:  # (the checks before each await are the awaited calls' own first lines)
            if outbox.due(now := self.clock.now()):
                self.may_wait()
                await outbox.flush_due(now)
            if last is not None:  # a second digest to this chat (a retry, a carried one): one a second
                self.may_wait()
                await sleep_until(self.clock, last + CHAT_GAP)
            if self.lease_due():
                self.may_wait()
                await self.keep_lease()
            if prepared.claim.digest_id in self.lost:
                continue
            now = self.clock.now()
            held = self.held_until(prepared, now)
            if held is not None:  # on hold: keep the row for then, go on with the other chats
                self.finish(_Outcome(prepared=prepared, at=now, state=DigestState.PENDING, count_attempt=False,
                                     error="paused by flood control", retry_at=held, report="postponed"), began=now)
                continue
            self.may_wait()
            await outbox.reserve(prepared.claim.digest_id)
            if self.lease_due():  # again: a renewal may have found this row taken while it waited for a slot
                self.may_wait()
                await self.keep_lease()
            if prepared.claim.digest_id not in self.marked and prepared.claim.digest_id not in self.lost:
                self.may_wait()  # (marked ahead by the writes, but for a chat's second row or a row skipped)
                await self.mark(prepared)
            if prepared.claim.digest_id in self.lost:
                outbox.unreserve(prepared.claim.digest_id)
                continue
            self.may_wait()
            outcome = await _deliver(self.senders, prepared, clock=self.clock, policy=self.policy,
                                     breaks=self.breaks)
            self.finish(outcome, began=now)
            last = self.clock.now()
            if outbox.due(last):
                self.may_wait()
                await outbox.flush_due(last)
            if _rate_limited(outcome):
                self.may_wait()
                await self.hold(prepared, outcome)

    def held_until(self, prepared: _Prepared, now: dt.datetime) -> dt.datetime | None:
        return _held(self.held, prepared, now)

    async def hold(self, prepared: _Prepared, outcome: _Outcome) -> None:
        """A 429: hold that chat for exactly retry_after (every worker, through the database) and go on with
        the others; hold the whole channel if it said so, or if CHANNEL_PAUSE_CHATS chats were told to wait
        within CHANNEL_PAUSE_WINDOW (that is the overall limit, not one chat's)."""
        assert outcome.retry_at is not None and prepared.chat_id is not None
        channel, until = prepared.channel or "", outcome.retry_at
        wait = (until - outcome.at).total_seconds()
        self.retry_after = wait if self.retry_after is None else min(wait, self.retry_after)
        recent = _recent_429s.setdefault(self.senders[channel], deque())
        recent.append((outcome.at, prepared.chat_id, until))
        while recent and outcome.at - recent[0][0] > CHANNEL_PAUSE_WINDOW:
            recent.popleft()
        whole = outcome.whole_channel or len({chat for _, chat, _ in recent}) >= CHANNEL_PAUSE_CHATS
        if whole:
            until = max(u for _, _, u in recent)
            log.info("flood control on %s for %.0fs (%d chats); every worker holds the channel", channel,
                     (until - outcome.at).total_seconds(), len(recent))
            self.held[(channel, "")] = max(until, self.held.get((channel, ""), until))
            self.channel_held = True
            self.retry_after = max(self.retry_after, (until - outcome.at).total_seconds())
            await self.db.run(pause_channel, channel, until=until)
        else:
            log.info("flood control on %s:%s for %.0fs; every worker holds that chat, the others go on", channel,
                     prepared.chat_id, wait)
            self.held[(channel, prepared.chat_id)] = until
            await self.db.run(pause_chat, channel, prepared.chat_id, until=until)


BREAK_DAYS = 3  # more days off than a weekend ahead: the last digest before them says when Nhắc việc is back
BREAK_NOTICE_DAYS = 3  # the last working days before such a break: a reader's first digest in them says it too


def _break_ahead(day: dt.date, calendar: WorkingCalendar) -> tuple[dt.date, str, dt.date] | None:
    """(first day off, what the days off are, the next working day) when `day` is the last working day before a
    break of more than BREAK_DAYS days off (Tết, 30/4–1/5 with a weekend), said day by day ("nghỉ cuối tuần,
    nghỉ bù 31/08 và Quốc khánh 01–02/09")."""
    after = calendar.next_working_day(day)
    if (after - day).days - 1 <= BREAK_DAYS:
        return None
    first_off = day + dt.timedelta(days=1)
    return first_off, calendar.days_off_phrase(first_off, after - dt.timedelta(days=1)), after


def _break_soon(day: dt.date, calendar: WorkingCalendar) -> tuple[dt.date, str, dt.date] | None:
    """`_break_ahead` of the last working day before a long break, when `day` is within BREAK_NOTICE_DAYS working
    days of it (that day included)."""
    for _ in range(BREAK_NOTICE_DAYS):
        if (ahead := _break_ahead(day, calendar)) is not None:
            return ahead
        day = calendar.next_working_day(day)
    return None


def _with_break_ahead(view: DigestView, calendar: WorkingCalendar,
                      breaks: dict[dt.date, tuple[dt.date, str, dt.date] | None] | None = None) -> DigestView:
    """The last digest before a long break says when the reminders resume (`_break_ahead`), so that silence over
    the break is not read as the bot having stopped. `breaks`: the answers for this calendar so far, by day (a
    batch's digests mostly share their day)."""
    if view.break_ahead is not None:  # (said already: a "break" line planned in the days before, `_tell_break_soon`)
        return view
    if breaks is None:
        ahead = _break_ahead(view.day, calendar)
    elif view.day in breaks:
        ahead = breaks[view.day]
    else:
        ahead = breaks[view.day] = _break_ahead(view.day, calendar)
    return view if ahead is None else dataclasses.replace(view, break_ahead=ahead)


async def _deliver(senders: dict[str, Sender], prepared: _Prepared, *, clock: Clock, policy: ReminderPolicy,
                   breaks: dict[dt.date, tuple[dt.date, str, dt.date] | None] | None = None) -> _Outcome:
    """Send one claimed digest; what became of it (written later, with its group). `breaks`: see
    `_with_break_ahead` (for `policy.calendar`)."""
    claim, now = prepared.claim, clock.now()
    view = prepared.view
    assert view is not None
    if not view.lines and not view.unreachable and not view.office and not view.unknown:  # (all closed since planning)
        return _Outcome(prepared=prepared, at=now, state=DigestState.SENT, count_attempt=False,
                        error="nothing left to say")
    sender = senders.get(prepared.channel or "")
    if sender is None or prepared.chat_id is None:
        # Not enrolled (or their channel is not running): keep it, try again next working day.
        calendar = policy.calendar
        retry = calendar.at(calendar.next_working_day(calendar.local(now).date()), policy.remind_at)
        return _Outcome(prepared=prepared, at=now, state=DigestState.PENDING, count_attempt=False,
                        error=f"no running channel for the person ({prepared.channel})", retry_at=retry,
                        report="postponed")
    if getattr(sender, "max_per_second", None):  # (pace's own first test: no coroutine for a channel without one)
        await pace(sender, clock)
    view = _with_break_ahead(view, policy.calendar, breaks)
    try:
        message_id = await sender.send_digest(prepared.chat_id, view)
    except RateLimited as exc:
        at = clock.now()  # the wait counts from the answer
        return _Outcome(prepared=prepared, at=at, state=DigestState.PENDING, error=f"rate limited: {exc}",
                        count_attempt=False, retry_at=at + dt.timedelta(seconds=exc.retry_after),
                        whole_channel=exc.whole_channel, delivered=exc.delivered)
    except OutcomeUnknown as exc:
        log.warning("digest %s: outcome unknown (%s); not resent, listed in /loi", claim.digest_id, exc)
        return _Outcome(prepared=prepared, at=now, state=DigestState.UNKNOWN, error=str(exc), report="failed",
                        delivered=exc.delivered)
    except PermanentSendError as exc:
        log.error("digest %s refused by %s for good: %s", claim.digest_id, sender.channel, exc)
        return _Outcome(prepared=prepared, at=now, state=DigestState.FAILED, error=str(exc), report="failed")
    except Unreachable as exc:
        log.warning("digest %s: person unreachable (%s)", claim.digest_id, exc)
        return _Outcome(prepared=prepared, at=now, state=DigestState.FAILED, error=str(exc),
                        person_unreachable=True, report="failed")
    except SendError as exc:
        log.warning("digest %s: send failed (%s); will retry", claim.digest_id, exc)
        return _Outcome(prepared=prepared, at=now, state=DigestState.PENDING, error=str(exc), backoff=True,
                        report="failed", delivered=exc.delivered)
    log.info("digest %s (%d lines) sent to %s as message %s", claim.digest_id, len(view.lines),
             prepared.chat_id, message_id)
    return _Outcome(prepared=prepared, at=clock.now(), state=DigestState.SENT, channel=sender.channel,
                    message_id=message_id, report="sent")
