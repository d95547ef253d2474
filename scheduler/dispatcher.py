"""The dispatcher: plans each working morning's digests and delivers them.

Planning. The first tick at or after `remind_at` on a working day asks the ladder
(scheduler/policy.py) what every open task contributes that morning, and writes one
`Digest` row per person who has anything, plus the day's `DigestRun`, in one
transaction: the run's primary key lets exactly one worker plan a day, and the last
run tells the next one which days were missed (catch-up after downtime gives one
digest per person, never "còn -N ngày"). Escalation levels are recorded on the task
in the same transaction, so each is told once. Nothing is planned ahead: a task that
is completed, cancelled, extended or reopened is simply judged anew the next morning.

Delivery. Due rows are claimed in one `UPDATE … RETURNING` (with `FOR UPDATE SKIP
LOCKED` on PostgreSQL), with a lease counted from the claim and a fencing token
(`claim_token`); finishing a row checks both, so a worker that overran its lease can
neither mark nor resend a row another worker has taken. Rendering reads are batched
per claim. A send that fails is retried a few times, then the row is `failed`; that
never ends anything, since tomorrow's digest is planned from the tasks' state."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from scheduler.clock import Clock
from scheduler.policy import DigestItem, EscalationLevel, ReminderPolicy, state_of
from storage.audit import audit
from storage.calendar import load_calendar_days
from storage.db import Database
from storage.digests import channel_pauses, pause_channel
from storage.models import (
    AuditLog,
    Digest,
    DigestRun,
    DigestState,
    Notice,
    NoticeStatus,
    Person,
    Role,
    StatusReport,
    Task,
    TaskStatus,
)
from storage.notices import notice_title

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_AFTER = dt.timedelta(minutes=5)


class SendError(Exception):
    """Base of the errors a channel raises when a message could not be delivered."""


class Unreachable(SendError):
    """The person blocked the bot or the chat is gone; retrying will not help."""


class RateLimited(SendError):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited for {retry_after}s")
        self.retry_after = retry_after


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
    covering_for: str | None = None  # the reader gets this line while its assignee is on leave
    occurrence: str | None = None  # a recurring duty's current period ("tháng 3/2026")


@dataclass(frozen=True, kw_only=True)
class DigestView:
    digest_id: int
    day: dt.date
    recipient_name: str
    lines: tuple[DigestLine, ...]
    catch_up: bool = False  # after downtime: everything since the last digest, once
    unreachable: tuple[tuple[str, dt.date], ...] = ()  # (name, since): people Nhắc việc cannot reach
    show_help: bool = True  # how to reply: until the reader has replied once


class Sender(Protocol):
    channel: str
    max_per_second: float | None  # the channel's overall rate: the dispatcher paces itself to stay under it

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

def _item_json(item: DigestItem) -> dict[str, Any]:
    return {
        "task_id": item.task_id, "category": str(item.category),
        "escalation": str(item.escalation) if item.escalation else None,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "effective_due_on": item.effective_due_on.isoformat() if item.effective_due_on else None,
        "deadline_note": item.deadline_note, "days_left": item.days_left,
        "working_days_left": item.working_days_left, "days_late": item.days_late, "weekly": item.weekly,
        "catch_up": item.catch_up, "told": [str(level) for level in item.escalated_to],
    }


def plan_digests(session: Session, *, policy: ReminderPolicy, today: dt.date, now: dt.datetime) -> int:
    """Write the digests of the morning of `today` (a working day); 0 if the day was planned already."""
    if session.get(DigestRun, today) is not None:
        return 0
    last_run = session.scalar(select(func.max(DigestRun.day)).where(DigestRun.day < today))
    # a deadline further ahead than any before-deadline step (plus the longest run of days off, Tết) has
    # nothing to say today: those tasks are not even loaded
    horizon = today + dt.timedelta(days=2 * max(policy.days_before, default=0) + 21)  # weekends, Tết
    tasks = session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id)
        .where(Notice.status == NoticeStatus.CONFIRMED, Task.assignee_id.is_not(None),
               Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]),
               or_(Task.due_on.is_(None), Task.due_on <= horizon, Task.snoozed_until <= today))
        .options(selectinload(Task.assignee)).order_by(Task.id)
    ).all()
    heads = {p.unit_id: p for p in session.scalars(select(Person).where(Person.role == Role.HEAD)
                                                    .order_by(Person.id.desc()))}
    leaders = list(session.scalars(select(Person).where(Person.role == Role.LEADER).order_by(Person.id)))
    away = {p.id: p for p in session.scalars(select(Person).where(Person.leave_from <= today,
                                                                   Person.leave_to >= today))}
    per_person: dict[int, list[dict[str, Any]]] = defaultdict(list)
    calendar = policy.calendar
    for task in tasks:
        state = state_of(task, calendar=calendar, escalated=[EscalationLevel(v) for v in task.escalated or []],
                         snoozed_until=task.snoozed_until,
                         last_update_on=calendar.local(task.last_report_at).date() if task.last_report_at else None)
        for item in policy.due_items(state, today, last_digest_on=last_run):
            if item.escalation is None:
                recipients = [task.assignee_id]
            elif item.escalation == EscalationLevel.HEAD:
                head = heads.get(task.lead_unit_id)
                recipients = [head.id] if head is not None and head.id != task.assignee_id else []
            else:
                recipients = [leader.id for leader in leaders if leader.id != task.assignee_id]
            if item.escalation is not None:
                task.escalated = [*(task.escalated or []), str(item.escalation)]
            for person_id in recipients:
                if person_id is None:
                    continue
                line = _item_json(item)
                if person_id in away:  # on leave: their colleague covers, or nothing until they are back
                    line["covering_for"] = away[person_id].full_name
                    person_id = away[person_id].leave_cover_id
                    if person_id is None:
                        continue
                per_person[person_id].append(line)
    _carry_over_failed(session, per_person)
    _tell_about_unreachable(session, per_person, now=now)
    due_at = calendar.at(today, policy.remind_at)
    for person_id, items in per_person.items():
        session.add(Digest(person_id=person_id, day=today, due_at=due_at, items=items))
    session.add(DigestRun(day=today, planned_at=now, digests=len(per_person)))
    session.flush()
    log.info("digests for %s planned: %d people, %d lines (last run %s)", today, len(per_person),
             sum(len(v) for v in per_person.values()), last_run)
    return len(per_person)


def _carry_over_failed(session: Session, per_person: dict[int, list[dict[str, Any]]]) -> None:
    """A digest that could not be delivered is never the end: its lines whose tasks are still open go into
    this morning's digest of the same person (once), so a failure or an outage ends no reminder chain and a
    person who comes back gets their open tasks."""
    failed = session.scalars(select(Digest).where(Digest.state == DigestState.FAILED).order_by(Digest.id)).all()
    if not failed:
        return
    open_ids = set(session.scalars(select(Task.id).where(
        Task.id.in_({i["task_id"] for d in failed for i in d.items if "task_id" in i}),
        Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]))))
    for digest in failed:
        already = {i.get("task_id") for i in per_person.get(digest.person_id, [])}
        for item in digest.items:
            if item.get("task_id") in open_ids and item["task_id"] not in already:
                per_person[digest.person_id].append({**item, "catch_up": True})
                already.add(item["task_id"])
        digest.state = DigestState.CARRIED


def _tell_about_unreachable(session: Session, per_person: dict[int, list[dict[str, Any]]], *,
                            now: dt.datetime) -> None:
    """Each person Nhắc việc cannot reach is reported once (per episode) to the admins and the head of
    their unit, in their digests."""
    lost = session.scalars(select(Person).where(Person.unreachable_since.is_not(None)).order_by(Person.id)).all()
    if not lost:
        return
    admins = session.scalars(select(Person).where(Person.role == Role.ADMIN)).all()
    for person in lost:
        assert person.unreachable_since is not None
        told = session.scalar(select(AuditLog.id).where(
            AuditLog.action == "person.unreachable_told", AuditLog.entity_id == person.id,
            AuditLog.at >= person.unreachable_since).limit(1))
        if told is not None:
            continue
        head = session.scalar(select(Person).where(Person.unit_id == person.unit_id, Person.role == Role.HEAD,
                                                   Person.id != person.id)) if person.unit_id else None
        readers = {p.id for p in admins} | ({head.id} if head is not None else set())
        readers.discard(person.id)
        for reader in readers:
            per_person[reader].append({"kind": "unreachable", "person": person.full_name,
                                       "since": person.unreachable_since.date().isoformat()})
        audit(session, at=now, actor_id=None, action="person.unreachable_told", entity="person",
              entity_id=person.id, told=len(readers))


# ---------------------------------------------------------------- claiming and finishing

def _claimable(now: dt.datetime):  # type: ignore[no-untyped-def]
    return and_(
        Digest.due_at <= now,
        or_(Digest.state == DigestState.PENDING,
            and_(Digest.state == DigestState.CLAIMED, Digest.claimed_until < now)),
    )


@dataclass(frozen=True, kw_only=True)
class Claim:
    digest_id: int
    token: int


def claim_due(session: Session, *, now: dt.datetime, worker: str, limit: int, lease: dt.timedelta) -> list[Claim]:
    due = select(Digest.id).where(_claimable(now)).order_by(Digest.due_at, Digest.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    rows = session.execute(
        update(Digest)
        .where(Digest.id.in_(due.scalar_subquery()), _claimable(now))
        .values(state=DigestState.CLAIMED, claimed_by=worker, claimed_until=now + lease,
                claim_token=Digest.claim_token + 1)
        .returning(Digest.id, Digest.claim_token)
    ).all()
    return sorted((Claim(digest_id=r[0], token=r[1]) for r in rows), key=lambda c: c.digest_id)


def next_due_at(session: Session) -> dt.datetime | None:
    """When the earliest undelivered digest falls due (for simulated clocks)."""
    return session.scalar(
        select(Digest.due_at).where(Digest.state.in_([DigestState.PENDING, DigestState.CLAIMED]))
        .order_by(Digest.due_at).limit(1))


@dataclass(frozen=True, kw_only=True)
class _Prepared:
    claim: Claim
    channel: str | None
    chat_id: str | None
    view: DigestView | None


def _prepare(session: Session, claims: list[Claim], *, worker: str) -> list[_Prepared]:
    """Everything needed to render the claimed digests, in a few queries for the whole batch."""
    by_id = {c.digest_id: c for c in claims}
    digests = session.scalars(select(Digest).where(Digest.id.in_(by_id), Digest.claimed_by == worker)
                              .options(selectinload(Digest.person)).order_by(Digest.due_at, Digest.id)).all()
    task_ids = {item["task_id"] for d in digests for item in d.items if "task_id" in item}
    tasks = {t.id: t for t in session.scalars(
        select(Task).where(Task.id.in_(task_ids))
        .options(selectinload(Task.notice), selectinload(Task.assignee), selectinload(Task.lead_unit)))}
    replied = set(session.scalars(select(StatusReport.person_id).where(
        StatusReport.person_id.in_({d.person_id for d in digests})).distinct()))
    prepared: list[_Prepared] = []
    for digest in digests:
        claim = by_id[digest.id]
        if digest.claim_token != claim.token:
            continue  # taken over since
        lines = []
        for item in digest.items:
            if "task_id" not in item:
                continue
            task = tasks.get(item["task_id"])
            if task is None or TaskStatus(task.status).is_closed:
                continue  # closed since the morning's planning
            lines.append(_line(task, item))
        view = DigestView(digest_id=digest.id, day=digest.day, recipient_name=digest.person.full_name,
                          lines=tuple(lines), catch_up=any(i.get("catch_up") for i in digest.items),
                          unreachable=tuple((i["person"], dt.date.fromisoformat(i["since"]))
                                            for i in digest.items if i.get("kind") == "unreachable"),
                          show_help=digest.person_id not in replied)
        address = digest.person.delivery_address()  # the one channel this person chose: sent once, there
        prepared.append(_Prepared(claim=claim, channel=address[0] if address else None,
                                  chat_id=address[1] if address else None, view=view))
    return prepared


def _line(task: Task, item: dict[str, Any]) -> DigestLine:
    def day(key: str) -> dt.date | None:
        return dt.date.fromisoformat(item[key]) if item.get(key) else None

    return DigestLine(
        task_id=task.id, item_ref=task.item_ref, task_text=task.text, notice_title=notice_title(task.notice),
        category=item["category"], due_on=task.due_on, effective_due_on=day("effective_due_on"),
        deadline_note=item.get("deadline_note"), days_left=item.get("days_left"),
        working_days_left=item.get("working_days_left"), days_late=item.get("days_late"),
        weekly=bool(item.get("weekly")), status=TaskStatus(task.status), percent=task.percent,
        escalation=item.get("escalation"), assignee_name=task.assignee.full_name if task.assignee else None,
        lead_unit=task.lead_unit.name if task.lead_unit else next(iter(task.lead_unit_names or []), None),
        told=tuple(item.get("told") or ()), covering_for=item.get("covering_for"), occurrence=task.occurrence_label)


def _finish(session: Session, claim: Claim, *, worker: str, now: dt.datetime, state: DigestState,
            channel: str | None = None, chat_id: str | None = None, message_id: str | None = None,
            error: str | None = None, retry_at: dt.datetime | None = None, count_attempt: bool = True,
            person_unreachable: bool = False, backoff: bool = False) -> bool:
    """Record the outcome of a claim; False if the claim is no longer this worker's (nothing written)."""
    digest = session.get(Digest, claim.digest_id, with_for_update=True)
    if digest is None or digest.claimed_by != worker or digest.claim_token != claim.token:
        return False
    if count_attempt:
        digest.attempts += 1
    if state == DigestState.PENDING and digest.attempts >= MAX_ATTEMPTS:
        state = DigestState.FAILED
    digest.state = state
    digest.claimed_until = None
    digest.last_error = error
    if state == DigestState.SENT:
        digest.sent_at, digest.channel, digest.chat_id, digest.message_id = now, channel, chat_id, message_id
    else:
        digest.claimed_by = None
    if retry_at is not None:
        digest.due_at = retry_at
    elif backoff and digest.state == DigestState.PENDING:  # 5, 10, 20, 40 min: rides out a half-hour outage
        digest.due_at = now + RETRY_AFTER * 2 ** max(digest.attempts - 1, 0)
    if person_unreachable:
        digest.person.unreachable_since = digest.person.unreachable_since or now
    return True


def renew(session: Session, claim: Claim, *, worker: str, now: dt.datetime, lease: dt.timedelta) -> bool:
    """Just before sending: is the claim still this worker's and alive? If so, extend it. A worker that
    overran its lease learns here that another took the row, and does not send it a second time."""
    renewed = session.execute(
        update(Digest).where(Digest.id == claim.digest_id, Digest.claimed_by == worker,
                             Digest.claim_token == claim.token, Digest.state == DigestState.CLAIMED,
                             Digest.claimed_until > now)
        .values(claimed_until=now + lease))
    return bool(renewed.rowcount)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- one tick

async def send_due_digests(db: Database, senders: dict[str, Sender], *, clock: Clock, policy: ReminderPolicy,
                           worker: str = "worker", batch: int = 100,
                           lease: dt.timedelta = dt.timedelta(minutes=5)) -> DispatchResult:
    """One tick: plan this morning's digests if it is time, then send every digest that is due,
    within working hours only."""
    result = DispatchResult()
    days = await db.run(load_calendar_days)  # the admin's days off and make-up days, as of this tick
    policy = dataclasses.replace(policy, calendar=policy.calendar.with_days(days))
    calendar = policy.calendar
    now = clock.now()
    if not calendar.is_working_time(now):
        return result
    today = calendar.local(now).date()
    if now >= calendar.at(today, policy.remind_at):
        try:
            result.planned = await db.run(plan_digests, policy=policy, today=today, now=now)
        except IntegrityError:
            log.info("digests for %s are being planned by another worker", today)
    while True:
        now = clock.now()  # the lease counts from the claim
        pauses = await db.run(channel_pauses, now=now)  # flood control any worker was told about
        claims = await db.run(claim_due, now=now, worker=worker, limit=batch, lease=lease)
        if not claims:
            return result
        batch_rows = await db.run(_prepare, claims, worker=worker)
        for position, prepared in enumerate(batch_rows):
            held = pauses.get(prepared.channel or "")
            if held is not None:  # this channel is on hold: keep the row for then, go on with the others
                await db.run(_finish, prepared.claim, worker=worker, now=now, state=DigestState.PENDING,
                             error="channel paused by flood control", count_attempt=False, retry_at=held)
                result.postponed.append(prepared.claim.digest_id)
                continue
            outcome = await _deliver(db, senders, prepared, clock=clock, policy=policy, worker=worker, result=result,
                                     lease=lease)
            if outcome is not None:  # rate limited: hand back the rows of this batch not yet handled, end the tick
                for rest in batch_rows[position + 1:]:
                    await db.run(_finish, rest.claim, worker=worker, now=clock.now(), state=DigestState.PENDING,
                                 error="rate limited", count_attempt=False,
                                 retry_at=clock.now() + dt.timedelta(seconds=outcome))
                result.retry_after = outcome
                return result


_last_send: weakref.WeakKeyDictionary[Any, dt.datetime] = weakref.WeakKeyDictionary()  # per sender: last send


async def _pace(sender: Sender, clock: Clock) -> None:
    """Keep under the channel's overall rate on the injected clock, so flood control (429) stays rare."""
    rate = getattr(sender, "max_per_second", None)
    if not rate:
        return
    gap = dt.timedelta(seconds=1 / rate)
    last = _last_send.get(sender)
    now = clock.now()
    if last is not None and now - last < gap:
        await clock.sleep((gap - (now - last)).total_seconds())
    _last_send[sender] = clock.now()


async def _deliver(db: Database, senders: dict[str, Sender], prepared: _Prepared, *, clock: Clock,
                   policy: ReminderPolicy, worker: str, result: DispatchResult, lease: dt.timedelta) -> float | None:
    claim, now = prepared.claim, clock.now()
    if not await db.run(renew, claim, worker=worker, now=now, lease=lease):
        log.warning("digest %s: lease lost before sending (another worker has it); not sent", claim.digest_id)
        result.lost.append(claim.digest_id)
        return None
    view = prepared.view
    assert view is not None
    if not view.lines and not view.unreachable:  # everything in it was closed since planning
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.SENT, count_attempt=False,
                     error="nothing left to say")
        return None
    sender = senders.get(prepared.channel or "")
    if sender is None or prepared.chat_id is None:
        # Not enrolled (or their channel is not running): keep it, try again next working day.
        calendar = policy.calendar
        retry = calendar.at(calendar.next_working_day(calendar.local(now).date()), policy.remind_at)
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.PENDING, count_attempt=False,
                     error=f"no running channel for the person ({prepared.channel})", retry_at=retry)
        result.postponed.append(claim.digest_id)
        return None
    await _pace(sender, clock)
    try:
        message_id = await sender.send_digest(prepared.chat_id, view)
    except RateLimited as exc:
        log.info("rate limited on %s for %.0fs; every worker holds it", sender.channel, exc.retry_after)
        await db.run(pause_channel, sender.channel, until=now + dt.timedelta(seconds=exc.retry_after))
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.PENDING, error=str(exc),
                     count_attempt=False, retry_at=now + dt.timedelta(seconds=exc.retry_after))
        return exc.retry_after
    except OutcomeUnknown as exc:
        log.warning("digest %s: outcome unknown (%s); not resent, listed in /loi", claim.digest_id, exc)
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.UNKNOWN, error=str(exc))
        result.failed.append(claim.digest_id)
        return None
    except PermanentSendError as exc:
        log.error("digest %s refused by %s for good: %s", claim.digest_id, sender.channel, exc)
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.FAILED, error=str(exc))
        result.failed.append(claim.digest_id)
        return None
    except Unreachable as exc:
        log.warning("digest %s: person unreachable (%s)", claim.digest_id, exc)
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.FAILED, error=str(exc),
                     person_unreachable=True)
        result.failed.append(claim.digest_id)
        return None
    except SendError as exc:
        log.warning("digest %s: send failed (%s); will retry", claim.digest_id, exc)
        await db.run(_finish, claim, worker=worker, now=now, state=DigestState.PENDING, error=str(exc),
                     backoff=True)
        result.failed.append(claim.digest_id)
        return None
    if await db.run(_finish, claim, worker=worker, now=clock.now(), state=DigestState.SENT,
                    channel=sender.channel, chat_id=prepared.chat_id, message_id=message_id):
        result.sent.append(claim.digest_id)
        log.info("digest %s (%d lines) sent to %s as message %s", claim.digest_id, len(view.lines),
                 prepared.chat_id, message_id)
    else:
        log.warning("digest %s: claim lost to another worker after sending", claim.digest_id)
        result.lost.append(claim.digest_id)
    return None
