"""The dispatcher: claims due reminder rows with a lease and sends them.

Rows are claimed in one UPDATE … RETURNING statement (with FOR UPDATE SKIP LOCKED
on PostgreSQL), so several workers can share one database and a row is sent once in
normal operation. A worker that dies mid-send leaves a claim that expires, and the
row is taken again: delivery is at least once, never silently dropped."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from scheduler.clock import Clock
from scheduler.policy import ReminderPolicy
from storage.db import Database
from storage.directory import leaders
from storage.models import Person, Reminder, ReminderKind, ReminderState, Task, TaskStatus
from storage.notices import notice_title

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5


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


@dataclass(frozen=True, kw_only=True)
class ReminderView:
    """Everything a channel needs to render one reminder."""

    reminder_id: int
    kind: ReminderKind
    task_id: int
    item_ref: str
    task_text: str
    notice_title: str
    recipient_name: str
    due_on: dt.date | None
    due_text: str | None
    days_left: int | None  # calendar days until the deadline (BEFORE)
    overdue_days: int | None  # working days past the deadline (OVERDUE, ESCALATION)
    status: TaskStatus
    percent: int | None
    assignee_name: str | None  # for ESCALATION: who is responsible


class Sender(Protocol):
    channel: str

    async def send_reminder(self, chat_id: str, view: ReminderView) -> str:
        """Deliver the reminder; return the channel's message id."""
        ...


@dataclass(kw_only=True)
class DispatchResult:
    sent: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    postponed: list[int] = field(default_factory=list)
    retry_after: float | None = None


def _claimable(now: dt.datetime):  # type: ignore[no-untyped-def]
    return and_(
        Reminder.due_at <= now,
        or_(Reminder.state == ReminderState.PENDING,
            and_(Reminder.state == ReminderState.CLAIMED, Reminder.claimed_until < now)),
    )


def claim_due(session: Session, *, now: dt.datetime, worker: str, limit: int,
              lease: dt.timedelta) -> list[int]:
    due = select(Reminder.id).where(_claimable(now)).order_by(Reminder.due_at, Reminder.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    claimed = session.scalars(
        update(Reminder)
        .where(Reminder.id.in_(due.scalar_subquery()), _claimable(now))
        .values(state=ReminderState.CLAIMED, claimed_by=worker, claimed_until=now + lease)
        .returning(Reminder.id)
    ).all()
    return sorted(claimed)


def next_due_at(session: Session) -> dt.datetime | None:
    """When the earliest pending reminder falls due (for simulated clocks)."""
    return session.scalar(
        select(Reminder.due_at).where(Reminder.state.in_([ReminderState.PENDING, ReminderState.CLAIMED]))
        .order_by(Reminder.due_at).limit(1)
    )


@dataclass(frozen=True, kw_only=True)
class _Prepared:
    reminder_id: int
    channel: str | None
    chat_id: str | None
    view: ReminderView | None
    skip_reason: str | None = None


def _prepare(session: Session, reminder_id: int, *, worker: str, policy: ReminderPolicy,
             now: dt.datetime) -> _Prepared:
    reminder = session.get_one(Reminder, reminder_id)
    if reminder.claimed_by != worker:
        return _Prepared(reminder_id=reminder_id, channel=None, chat_id=None, view=None, skip_reason="stolen")
    task: Task = reminder.task
    person: Person = reminder.person
    if TaskStatus(task.status).is_closed:
        return _Prepared(reminder_id=reminder_id, channel=None, chat_id=None, view=None,
                         skip_reason="task closed")
    today = policy.calendar.local(now).date()
    view = ReminderView(
        reminder_id=reminder.id, kind=ReminderKind(reminder.kind), task_id=task.id, item_ref=task.item_ref,
        task_text=task.text, notice_title=notice_title(task.notice), recipient_name=person.full_name,
        due_on=task.due_on, due_text=task.due_text,
        days_left=(task.due_on - today).days if task.due_on else None,
        overdue_days=policy.overdue_working_days(task.due_on, today) if task.due_on else None,
        status=TaskStatus(task.status), percent=task.percent,
        assignee_name=task.assignee.full_name if task.assignee else None,
    )
    address = person.delivery_address()  # the one channel this person chose: each reminder goes out once
    if address is not None:
        return _Prepared(reminder_id=reminder_id, channel=address[0], chat_id=address[1], view=view)
    return _Prepared(reminder_id=reminder_id, channel=None, chat_id=None, view=view, skip_reason="no chat")


def _finish_sent(session: Session, reminder_id: int, *, channel: str, chat_id: str, message_id: str,
                 now: dt.datetime, policy: ReminderPolicy) -> None:
    reminder = session.get_one(Reminder, reminder_id)
    reminder.state = ReminderState.SENT
    reminder.sent_at = now
    reminder.channel, reminder.chat_id, reminder.message_id = channel, chat_id, message_id
    reminder.claimed_until = None
    reminder.attempts += 1
    kind = ReminderKind(reminder.kind)
    day = dt.date.fromisoformat(reminder.slot)
    nxt = policy.following(kind, day)
    if nxt is not None:
        _add_once(session, task_id=reminder.task_id, person_id=reminder.person_id, kind=nxt.kind,
                  slot=nxt.slot, due_at=nxt.due_at)
    task = reminder.task
    if kind == ReminderKind.OVERDUE and task.due_on and policy.escalates(task.due_on, day):
        for leader in leaders(session):
            _add_once(session, task_id=task.id, person_id=leader.id, kind=ReminderKind.ESCALATION,
                      slot=reminder.slot, due_at=now)
    log.info("reminder %s (task %s, %s, %s) sent to person %s as message %s", reminder.id,
             reminder.task_id, reminder.kind, reminder.slot, reminder.person_id, message_id)


def _add_once(session: Session, *, task_id: int, person_id: int, kind: ReminderKind, slot: str,
              due_at: dt.datetime) -> None:
    exists = session.scalar(select(Reminder.id).where(
        Reminder.task_id == task_id, Reminder.person_id == person_id, Reminder.kind == kind,
        Reminder.slot == slot))
    if exists is None:
        session.add(Reminder(task_id=task_id, person_id=person_id, kind=kind, slot=slot, due_at=due_at))


def _finish_other(session: Session, reminder_id: int, *, state: ReminderState, error: str | None,
                  now: dt.datetime, retry_at: dt.datetime | None = None, count_attempt: bool = True,
                  person_unreachable: bool = False) -> None:
    reminder = session.get_one(Reminder, reminder_id)
    reminder.claimed_until = None
    reminder.claimed_by = None
    reminder.last_error = error
    if count_attempt:
        reminder.attempts += 1
    if state == ReminderState.PENDING and reminder.attempts >= MAX_ATTEMPTS:
        state = ReminderState.FAILED
    reminder.state = state
    if retry_at is not None:
        reminder.due_at = retry_at
    if person_unreachable:
        reminder.person.unreachable_since = reminder.person.unreachable_since or now


async def send_due_reminders(db: Database, senders: dict[str, Sender], *, clock: Clock,
                             policy: ReminderPolicy, worker: str = "worker", batch: int = 50,
                             lease: dt.timedelta = dt.timedelta(minutes=5)) -> DispatchResult:
    """One tick: send every reminder that is due now, within working hours only."""
    result = DispatchResult()
    now = clock.now()
    if not policy.calendar.is_working_time(now):
        return result
    while True:
        ids = await db.run(claim_due, now=now, worker=worker, limit=batch, lease=lease)
        if not ids:
            return result
        for position, reminder_id in enumerate(ids):
            prepared = await db.run(_prepare, reminder_id, worker=worker, policy=policy, now=now)
            if prepared.skip_reason in ("stolen",):
                continue
            if prepared.skip_reason == "task closed":
                await db.run(_finish_other, reminder_id, state=ReminderState.SKIPPED, error="task closed",
                             now=now, count_attempt=False)
                result.skipped.append(reminder_id)
                continue
            sender = senders.get(prepared.channel or "")
            if sender is None or prepared.chat_id is None or prepared.view is None:
                # Not enrolled yet: keep the reminder and try again next working day.
                retry = policy.calendar.at(policy.calendar.next_working_day(policy.calendar.local(now).date()),
                                           policy.remind_at)
                await db.run(_finish_other, reminder_id, state=ReminderState.PENDING,
                             error=f"no channel for the person ({prepared.skip_reason or prepared.channel})",
                             now=now, retry_at=retry, count_attempt=False)
                result.postponed.append(reminder_id)
                continue
            try:
                message_id = await sender.send_reminder(prepared.chat_id, prepared.view)
            except RateLimited as exc:
                log.info("rate limited on %s for %.0fs; releasing %d reminders", sender.channel,
                            exc.retry_after, len(ids) - position)
                for rid in ids[position:]:
                    await db.run(_finish_other, rid, state=ReminderState.PENDING, error=str(exc), now=now,
                                 count_attempt=False)
                result.retry_after = exc.retry_after
                return result
            except Unreachable as exc:
                log.warning("reminder %s: person unreachable (%s)", reminder_id, exc)
                await db.run(_finish_other, reminder_id, state=ReminderState.FAILED, error=str(exc), now=now,
                             person_unreachable=True)
                result.failed.append(reminder_id)
                continue
            except SendError as exc:
                log.warning("reminder %s: send failed (%s); will retry", reminder_id, exc)
                await db.run(_finish_other, reminder_id, state=ReminderState.PENDING, error=str(exc), now=now,
                             retry_at=now + dt.timedelta(minutes=5))
                result.failed.append(reminder_id)
                continue
            await db.run(_finish_sent, reminder_id, channel=sender.channel, chat_id=prepared.chat_id,
                         message_id=message_id, now=now, policy=policy)
            result.sent.append(reminder_id)
