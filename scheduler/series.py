"""Recurring duties in storage: a recurring task always stands for its current occurrence
("Báo cáo tháng 3/2026 — hạn 20/03/2026"); its deadline is that occurrence's, so the digest
ladder judges it like any task. "Xong" finishes the occurrence (kept in `task_occurrences`,
on time or late) and opens the next one, until the series ends ("đến hết năm 2026").
A round never reported does not hold the duty back: when the next round's reminders begin, the missed
round is kept as not reported and the duty moves on (`roll_missed`); until then a late "xong" closes it.
After that a "xong" is about the round now due (the one the reminders speak of); the confirmation offers to
close the missed round too (`missed_before`), and "xong kỳ trước" closes that round only (`close_missed`).

The first round is chosen at registration (`first_round`): not one due on or before the day the notice is
confirmed, nor one that leaves fewer than `FIRST_ROUND_LEAD_WORKING_DAYS` working days to do it (2: the day after
confirmation and the deadline day; 1 for a daily duty) — a monthly report "trước ngày 18 hằng tháng" confirmed on
18/01 (or 17/01) starts with the round due 18/02, not with one overdue before anyone could act on it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from scheduler.calendar import WorkingCalendar
from scheduler.policy import ReminderPolicy, round_steps
from scheduler.recurrence import (
    Frequency,
    Occurrence,
    RecurrenceRule,
    first_occurrence,
    next_occurrence,
    occurrence_for,
    occurrences,
    rule_from_task,
)
from storage.audit import audit
from storage.db import chunks
from storage.errors import TaskNotFound
from storage.models import (
    OPEN_STATUSES,
    Notice,
    NoticeStatus,
    Person,
    StatusReport,
    Task,
    TaskOccurrence,
    TaskStatus,
)
from storage.tasks import Recorded, StatusUpdate, check_may_change, is_lead_head, record_status

log = logging.getLogger(__name__)


# working days a first round needs, counted after the day of confirmation up to its deadline (as run past a day off)
FIRST_ROUND_LEAD_WORKING_DAYS = 2
_DAILY_LEAD_WORKING_DAYS = 1  # a daily report starts the next working day


def _lead(frequency: Frequency) -> int:
    return _DAILY_LEAD_WORKING_DAYS if frequency == Frequency.DAILY else FIRST_ROUND_LEAD_WORKING_DAYS


def with_lead(rule: RecurrenceRule, confirmed_on: dt.date, calendar: WorkingCalendar) -> RecurrenceRule:
    """`rule` with its first round moved past those too close to `confirmed_on` to be met: fewer than the lead's
    working days in (confirmed_on, effective deadline]."""
    lead = _lead(rule.frequency)
    for _ in range(40):  # each step skips one round; a daily duty over a long holiday needs the most
        first = first_occurrence(rule)
        if first is None or calendar.working_days_between(
                confirmed_on, calendar.effective_deadline(first.due_on)) >= lead:
            return rule
        rule = replace(rule, first_due_after=first.due_on)
    return rule


@dataclass(frozen=True, kw_only=True)
class FirstRound:
    occurrence: Occurrence | None  # None: the series has no round left
    skipped: Occurrence | None  # the round due too soon after confirmation, not counted (the latest such)


def first_round(recurrence: str | None, text: str, *, due_text: str | None, confirmed_on: dt.date,
                calendar: WorkingCalendar) -> FirstRound | None:
    """The first round a duty confirmed on `confirmed_on` gets (for the preview: the same rule as registration),
    and the round passed over as too close, if any; None when the task does not recur."""
    bare = rule_from_task(recurrence, text, starts_on=confirmed_on, due_text=due_text,
                          first_due_after=confirmed_on - dt.timedelta(days=1))
    if bare is None:
        return None
    bare = replace(bare, working_day=calendar.is_working_day)  # no round for a week with no working day
    first = first_occurrence(with_lead(bare, confirmed_on, calendar))
    skipped = None
    for occurrence in occurrences(bare, limit=40):
        if first is None or occurrence.due_on >= first.due_on:
            break
        skipped = occurrence
    return FirstRound(occurrence=first, skipped=skipped)


def rule_of(task: Task, calendar: WorkingCalendar) -> RecurrenceRule | None:
    confirmed_on = calendar.local(task.created_at).date()
    rule = rule_from_task(task.recurrence, task.text, starts_on=confirmed_on, due_text=task.due_text)
    if rule is None:
        return None
    # a period with no working day (the Tết week) has no round: the series goes from the round before to the next
    return with_lead(replace(rule, working_day=calendar.is_working_day), confirmed_on, calendar)


def start_notice_series(session: Session, notice_id: int, *, calendar: WorkingCalendar) -> int:
    """Every recurring task of a just-confirmed notice gets its first occurrence."""
    return start_series(session, list(session.scalars(select(Task.id).where(Task.notice_id == notice_id))),
                        calendar=calendar)


def start_series(session: Session, task_ids: Iterable[int], *, calendar: WorkingCalendar) -> int:
    """Give each recurring task among `task_ids` its first occurrence; returns how many recur."""
    started = 0
    for task_id in task_ids:
        task = session.get_one(Task, task_id)
        rule = rule_of(task, calendar)
        occurrence = first_occurrence(rule) if rule is not None else None
        if occurrence is not None:
            _point_at(task, occurrence)
            started += 1
    return started


def _point_at(task: Task, occurrence: Occurrence) -> None:
    task.due_on = occurrence.due_on
    task.occurrence_label = occurrence.period_label
    task.occurrence_start = occurrence.period_start
    task.escalated = []


@dataclass(frozen=True, kw_only=True)
class SeriesStep:
    finished: str  # "tháng 3/2026"
    on_time: bool
    next: Occurrence | None  # None: the series has ended


def record_in_series(session: Session, *, task_id: int, actor: Person, change: StatusUpdate, source: str,
                     now: dt.datetime, today: dt.date,
                     calendar: WorkingCalendar) -> tuple[Recorded, SeriesStep | None]:
    """`record_status`, and for a recurring task marked done: close this occurrence and open the next."""
    recorded = record_status(session, task_id=task_id, actor=actor, change=change, source=source, now=now,
                             today=today, effective_deadline=calendar.effective_deadline)
    task = session.get_one(Task, task_id)
    if recorded.status != TaskStatus.DONE or task.occurrence_start is None:
        return recorded, None
    rule = rule_of(task, calendar)
    current = occurrence_for(rule, task.occurrence_start) if rule is not None else None
    if rule is None or current is None:
        return recorded, None
    on_time = today <= calendar.effective_deadline(current.due_on)
    session.add(TaskOccurrence(task_id=task.id, label=current.period_label, period_start=current.period_start,
                               period_end=current.period_end, due_on=current.due_on, done_at=now, on_time=on_time))
    following = next_occurrence(rule, current)
    if following is not None:
        _point_at(task, following)
        task.status, task.percent, task.done_at = TaskStatus.OPEN, None, None
    return recorded, SeriesStep(finished=current.period_label, on_time=on_time, next=following)


@dataclass(frozen=True, kw_only=True)
class MissedRound:
    task_id: int
    item_ref: str
    label: str  # "tuần từ 02/02/2026"
    now_label: str  # the round now due


def roll_missed(session: Session, *, policy: ReminderPolicy, today: dt.date) -> list[MissedRound]:
    """Move every recurring duty whose current round is past its deadline, unreported, on to the next round
    once that round's reminders begin (its first before-deadline day, or its deadline): the missed round is
    kept in `task_occurrences` with no `done_at` (reports count it as not reported) and the person is reminded
    of the round now due. Before that the missed round stays listed as overdue, so a report that is only a few
    days late still closes the right round. Several missed rounds (a long absence) are rolled at once."""
    calendar = policy.calendar
    # the open tasks past their deadline, from the (status, due_on) index alone; only then the recurring ones
    # and their notices, by primary key. (One query joined to the notices walked every task of every confirmed
    # notice; with an occurrence_start test in the first step, SQLite's statistics, where `done` outweighs the
    # rest, made it scan the table.)
    late = list(session.scalars(select(Task.id).where(Task.status.in_(OPEN_STATUSES), Task.due_on < today)))
    rows = [task for chunk in chunks(late) for task in session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id)
        .where(Task.id.in_(chunk), Task.occurrence_start.is_not(None), Notice.status == NoticeStatus.CONFIRMED)
        .order_by(Task.id))]
    missed: list[MissedRound] = []
    for task in rows:
        rule = rule_of(task, calendar)
        assert task.occurrence_start is not None
        current = occurrence_for(rule, task.occurrence_start) if rule is not None else None
        first_missed = None
        while rule is not None and current is not None and calendar.effective_deadline(current.due_on) < today:
            following = next_occurrence(rule, current)
            if following is None:
                break  # the series has ended: its last round stays overdue until reported
            begins = min([*policy.before_days(following.due_on, round_steps(task)),
                          calendar.effective_deadline(following.due_on)])
            if today < begins:
                break
            session.add(TaskOccurrence(task_id=task.id, label=current.period_label, period_start=current.period_start,
                                       period_end=current.period_end, due_on=current.due_on, done_at=None,
                                       on_time=False))
            first_missed = first_missed or current.period_label
            _point_at(task, following)
            task.status, task.percent, task.done_at = TaskStatus.OPEN, None, None
            current = following
        if first_missed is not None and current is not None:
            log.info("task %s: round %s not reported; now %s", task.id, first_missed, current.period_label)
            missed.append(MissedRound(task_id=task.id, item_ref=task.item_ref, label=first_missed,
                                      now_label=current.period_label))
    return missed


@dataclass(frozen=True, kw_only=True)
class MissedBefore:
    """A round of a recurring duty that was kept as not reported when the duty moved on."""

    occurrence_id: int
    label: str  # "tháng 3/2026"
    due_on: dt.date
    current_label: str | None  # the round now due


def missed_before(session: Session, task_id: int) -> MissedBefore | None:
    """The latest round never reported among the two before this duty's current one (the round just before
    it, or the one before the round just finished); None for a task that does not recur."""
    task = session.get_one(Task, task_id)
    if task.occurrence_start is None:
        return None
    recent = session.scalars(select(TaskOccurrence).where(TaskOccurrence.task_id == task_id,
                                                          TaskOccurrence.period_start < task.occurrence_start)
                             .order_by(TaskOccurrence.period_start.desc()).limit(2))
    missed = next((o for o in recent if o.done_at is None), None)
    if missed is None:
        return None
    return MissedBefore(occurrence_id=missed.id, label=missed.label, due_on=missed.due_on,
                        current_label=task.occurrence_label)


@dataclass(frozen=True, kw_only=True)
class DoneToday:
    """The round of a recurring duty closed earlier today, while the round now open is not yet due."""

    item_ref: str
    label: str  # the round closed ("tuần từ 30/11/2026")
    current: str | None  # the round now open, as titled ("tuần từ 07/12/2026, hạn 11/12/2026")
    done_on: dt.date | None = None  # the day the round closed was reported done (today, or a day before)


def done_today(session: Session, task_id: int, *, today: dt.date, calendar: WorkingCalendar) -> DoneToday | None:
    """Whether a "xong" now would repeat the one that closed the last round: that round was done today, or the
    round now open has not begun, while it is due later — a second "xong" (or "báo cáo rồi") on Friday would close
    next week's round before it began. None otherwise (a late round caught up, a duty that does not recur)."""
    task = session.get_one(Task, task_id)
    if task.occurrence_start is None or task.due_on is None or task.due_on <= today:
        return None
    last = session.scalars(select(TaskOccurrence).where(TaskOccurrence.task_id == task_id)
                           .order_by(TaskOccurrence.period_start.desc()).limit(1)).first()
    if last is None or last.done_at is None or (
            calendar.local(last.done_at).date() != today and task.occurrence_start <= today):
        return None
    rule = rule_of(task, calendar)
    current = occurrence_for(rule, task.occurrence_start) if rule is not None else None
    return DoneToday(item_ref=task.item_ref, label=last.label,
                     current=current.title() if current is not None else task.occurrence_label,
                     done_on=calendar.local(last.done_at).date())


@dataclass(frozen=True, kw_only=True)
class ClosedRound:
    recorded: Recorded
    label: str  # the round closed late
    current_label: str | None  # the round now due (unchanged)


def close_missed(session: Session, *, task_id: int, occurrence_id: int | None, actor: Person, note: str | None,
                 source: str, now: dt.datetime, today: dt.date, calendar: WorkingCalendar) -> ClosedRound | None:
    """A late report that a missed round is done (`occurrence_id`, or the latest missed one): that round gets
    its `done_at` (late unless the message was sent by its deadline) and the history a report naming it; the
    current round is left as it is. None if there is no such round still unreported (a second tap)."""
    task = session.get(Task, task_id, with_for_update=True)
    if task is None:
        raise TaskNotFound(task_id)
    check_may_change(session, actor, task, today)
    if occurrence_id is None:
        missed = missed_before(session, task_id)
        occurrence_id = missed.occurrence_id if missed is not None else None
    occurrence = session.get(TaskOccurrence, occurrence_id) if occurrence_id is not None else None
    if occurrence is None or occurrence.task_id != task_id or occurrence.done_at is not None:
        return None
    on_time = today <= calendar.effective_deadline(occurrence.due_on)
    occurrence.done_at, occurrence.on_time = now, on_time
    written = f"kỳ {occurrence.label}" + (f": {note}" if note else "")
    report = StatusReport(task_id=task.id, person_id=actor.id, created_at=now, status=TaskStatus.DONE, percent=100,
                          note=written, source=source)
    session.add(report)
    session.flush()
    audit(session, at=now, actor_id=actor.id, action="task.round_done", entity="task", entity_id=task.id,
          round=occurrence.label, source=source)
    log.info("task %s: missed round %s reported done by %s", task.id, occurrence.label, actor.handle)
    recorded = Recorded(report_id=report.id, task_id=task.id, item_ref=task.item_ref, status=TaskStatus.DONE,
                        percent=100, due_on=occurrence.due_on, on_time=on_time,
                        actor_is_head=is_lead_head(actor, task))
    return ClosedRound(recorded=recorded, label=occurrence.label, current_label=task.occurrence_label)
