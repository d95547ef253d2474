"""Recurring duties in storage: a recurring task always stands for its current occurrence
("Báo cáo tháng 3/2026 — hạn 20/03/2026"); its deadline is that occurrence's, so the digest
ladder judges it like any task. "Xong" finishes the occurrence (kept in `task_occurrences`,
on time or late) and opens the next one, until the series ends ("đến hết năm 2026").
A round never reported does not hold the duty back: when the next round's reminders begin, the missed
round is kept as not reported and the duty moves on (`roll_missed`); until then a late "xong" closes it.
After that a "xong" is about the round now due (the one the reminders speak of); the confirmation offers to
close the missed round too (`missed_before`), and "xong kỳ trước" closes that round only (`close_missed`).
A report that names a period ("III.2 đã hoàn thành báo cáo tháng 12", "xong quý I") is about that period's round, and
one that names none, sent before the round now due has begun, does not close it (`round_for_report`).

The first round is chosen at registration (`first_round`): not one due on or before the day the notice is
confirmed, nor one that leaves fewer than `FIRST_ROUND_LEAD_WORKING_DAYS` working days to do it (2: the day after
confirmation and the deadline day; 1 for a daily duty) — a monthly report "trước ngày 18 hằng tháng" confirmed on
18/01 (or 17/01) starts with the round due 18/02, not with one overdue before anyone could act on it."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from scheduler.calendar import WorkingCalendar
from scheduler.policy import ReminderPolicy, round_steps
from scheduler.recurrence import (
    DEADLINE_LABEL,
    Frequency,
    Occurrence,
    RecurrenceRule,
    deadline_label,
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
from storage.vntext import strip_marks

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
    # the later deadline an extension granted this round, which it was judged by (None: its own, `due_on`)
    extended_to: dt.date | None = None
    due_on: dt.date | None = None  # the round's own deadline


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
    # (by the round's deadline, or the later one an extension granted it: probe 39, #2)
    due = max(current.due_on, task.due_on) if task.due_on is not None else current.due_on
    on_time = today <= calendar.effective_deadline(due)
    session.add(TaskOccurrence(task_id=task.id, label=current.period_label, period_start=current.period_start,
                               period_end=current.period_end, due_on=current.due_on, done_at=now, on_time=on_time))
    following = next_occurrence(rule, current)
    if following is not None:
        _point_at(task, following)
        task.status, task.percent, task.done_at = TaskStatus.OPEN, None, None
    return recorded, SeriesStep(finished=current.period_label, on_time=on_time, next=following,
                                extended_to=due if due > current.due_on else None, due_on=current.due_on)


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


# -- which round a "done" report is about -------------------------------------------------------------------

_ROMAN_Q = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# a period named in a reply ("tháng 12", "tháng 4/2026", "quý I", "tuần này", "tháng trước", "năm 2026"), on text
# without marks, lower case; not a date ("ngày 5 tháng 4") nor a count ("3 tháng")
_NAMED_MONTH = re.compile(r"(?<!\d )(?<!ngay )(?<!\d)\bthang\s+(?P<m>1[0-2]|0?[1-9])(?!\d|\s*[/.-]\s*\d{1,2}\b(?!\d))"
                          r"(?:\s*(?:/|nam)\s*(?P<y>\d{4}))?")
_NAMED_QUARTER = re.compile(r"\bquy\s+(?P<q>iv|iii|ii|i|[1-4])(?![\w])(?:\s*(?:/|nam)\s*(?P<y>\d{4}))?")
_NAMED_NEAR = re.compile(r"\b(?P<unit>tuan|thang|quy)\s+(?P<which>nay|truoc)\b")
_NAMED_YEAR = re.compile(r"(?<!\d )\bnam\s+(?P<y>20\d\d)\b")
_NAMED_DUE = re.compile(r"\bhan\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?")


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    return first, (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))


def _near_year(month: int, today: dt.date) -> int:
    """The year of "tháng 12" said on `today`: the one nearest (December said in January is last year's)."""
    here = today.year * 12 + today.month - 1
    return min((today.year - 1, today.year, today.year + 1), key=lambda y: abs(y * 12 + month - 1 - here))


@dataclass(frozen=True, kw_only=True)
class NamedPeriod:
    start: dt.date
    end: dt.date
    due_on: dt.date | None = None  # "kỳ hạn 05/02": a round named by its deadline


def named_period(text: str, today: dt.date) -> NamedPeriod | None:
    """The period a reply names ("III.2 đã hoàn thành báo cáo tháng 12" on 21/01/2027: December 2026), or None."""
    folded = " ".join(strip_marks(text).lower().split())
    if (m := _NAMED_DUE.search(folded)) is not None:
        year = int(m.group("y")) if m.group("y") else _near_year(int(m.group("m")), today)
        try:
            day = dt.date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            return None
        return NamedPeriod(start=day, end=day, due_on=day)
    if (m := _NAMED_MONTH.search(folded)) is not None:
        month = int(m.group("m"))
        start, end = _month_span(int(m.group("y")) if m.group("y") else _near_year(month, today), month)
        return NamedPeriod(start=start, end=end)
    if (m := _NAMED_QUARTER.search(folded)) is not None:
        q = _ROMAN_Q[m.group("q")]
        year = int(m.group("y")) if m.group("y") else _near_year(q * 3 - 2, today)
        return NamedPeriod(start=dt.date(year, q * 3 - 2, 1), end=_month_span(year, q * 3)[1])
    if (m := _NAMED_NEAR.search(folded)) is not None:
        back = m.group("which") == "truoc"
        if m.group("unit") == "tuan":
            monday = today - dt.timedelta(days=today.weekday() + (7 if back else 0))
            return NamedPeriod(start=monday, end=monday + dt.timedelta(days=6))
        months = 1 if m.group("unit") == "thang" else 3
        index = (today.year * 12 + today.month - 1) // months * months - (months if back else 0)
        return NamedPeriod(start=dt.date(index // 12, index % 12 + 1, 1),
                           end=_month_span((index + months - 1) // 12, (index + months - 1) % 12 + 1)[1])
    if (m := _NAMED_YEAR.search(folded)) is not None:
        year = int(m.group("y"))
        return NamedPeriod(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    return None


@dataclass(frozen=True, kw_only=True)
class RoundChoice:
    """What a "done" report on a recurring duty closes when it is not simply the round now due."""

    # "missed": a round kept as not reported; "early": the round now due has not begun; "done": the round named was
    # reported already; "later": the period named comes after the round now due; "untracked": the period named is
    # not one of the duty's rounds
    kind: str
    label: str  # the round closed or named ("tháng 4/2026", "hạn 05/02/2027"); for "early": the round now due
    occurrence_id: int | None = None  # "missed": the round to close
    starts_on: dt.date | None = None  # "early": the day the round now due begins
    done_on: dt.date | None = None  # "done": the day it was reported


@dataclass(frozen=True, kw_only=True)
class _Round:
    label: str
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    row: TaskOccurrence | None  # None: the round now due


def _reports_on(rnd: _Round, period: NamedPeriod, rule: RecurrenceRule) -> int:
    """How well `rnd` is the round of `period`: 2 the round it surely reports on, 1 a reading of an uncertain name,
    0 not it. A round named by its deadline ("hạn 05/02/2027": "trước ngày 05 hằng tháng") may report on its own
    month or the one before: the month before when its deadline is early in the month, its own when late (a report
    "trước ngày 25 hằng tháng" is not last month's)."""
    if period.due_on is not None:
        return 2 if rnd.due_on == period.due_on else 0
    own = rnd.period_start <= period.start <= rnd.period_end
    before = period.end + dt.timedelta(days=1) == rnd.period_start
    if rule.reports_previous and not rnd.label.startswith(DEADLINE_LABEL):
        return 2 if before else 0
    if not rnd.label.startswith(DEADLINE_LABEL):
        return 2 if own else 0
    into = (rnd.due_on - rnd.period_start).days  # how far into its period the deadline falls
    if own:
        return 1 if into < 10 else 2
    if before:  # "trước ngày 05 hằng tháng": last month's; "trước ngày 25": this month's, not last month's
        return 2 if into < 10 else 1 if into < 19 else 0
    return 0


def round_for_report(session: Session, task_id: int, text: str, *, today: dt.date,
                     calendar: WorkingCalendar) -> RoundChoice | None:
    """Which round a "done" report on a recurring duty closes, when not the round now due (None: that round, or
    a task that does not recur). A reply that names a period ("III.2 đã hoàn thành báo cáo tháng 12", "xong quý I",
    "tuần này", "kỳ hạn 05/02") is about that period's round: one kept as not reported is closed late ("missed"),
    one reported already, later or not tracked is not the round now due ("done", "later", "untracked"). A reply
    that names none, before the round now due has begun ("III.3 xong" on 22/01 about December, while the round due
    05/02 covers February), does not close that round ("early"): a round is closed before its period only when named."""
    task = session.get_one(Task, task_id)
    if task.occurrence_start is None or task.due_on is None:
        return None
    rule = rule_of(task, calendar)
    current = occurrence_for(rule, task.occurrence_start) if rule is not None else None
    if rule is None or current is None:
        return None
    now_due = _Round(label=current.period_label, period_start=current.period_start, period_end=current.period_end,
                     due_on=current.due_on, row=None)
    period = named_period(text, today)
    if period is None:
        if current.period_start > today:
            return RoundChoice(kind="early", label=current.period_label, starts_on=current.period_start)
        return None
    rows = session.scalars(select(TaskOccurrence).where(TaskOccurrence.task_id == task_id)
                           .order_by(TaskOccurrence.period_start))
    rounds = [now_due, *(_Round(label=r.label, period_start=r.period_start, period_end=r.period_end,
                                due_on=r.due_on, row=r) for r in rows)]
    scored = sorted(((score, -i, rnd) for i, rnd in enumerate(rounds)
                     if (score := _reports_on(rnd, period, rule)) > 0), key=lambda s: (s[0], s[1]), reverse=True)
    open_ones = [rnd for _, _, rnd in scored if rnd.row is None or rnd.row.done_at is None]
    if open_ones:
        chosen = open_ones[0]
        if chosen.row is None:
            return None  # the round now due, named: closed, begun or not
        return RoundChoice(kind="missed", label=chosen.label, occurrence_id=chosen.row.id)
    if scored:
        done = scored[0][2]
        assert done.row is not None and done.row.done_at is not None
        return RoundChoice(kind="done", label=done.label, done_on=calendar.local(done.row.done_at).date())
    later = period.start > now_due.period_end and (period.due_on is None or period.due_on > now_due.due_on)
    return RoundChoice(kind="later" if later else "untracked", label=_period_name(period, rule))


def _period_name(period: NamedPeriod, rule: RecurrenceRule) -> str:
    if period.due_on is not None:
        return deadline_label(period.due_on)
    if period.start.month == 1 and period.end.month == 12:
        return f"năm {period.start.year}"
    if (period.end - period.start).days < 7:
        return f"tuần từ {period.start:%d/%m/%Y}"
    if period.start.month != period.end.month:
        return f"quý {('I', 'II', 'III', 'IV')[(period.start.month - 1) // 3]}/{period.start.year}"
    return f"tháng {period.start.month}/{period.start.year}"


def current_round_title(session: Session, task_id: int) -> str | None:
    """The round a recurring duty now stands for, with its deadline ("hạn 05/02/2027", "tháng 5/2026, hạn
    25/05/2026"); None for a task that does not recur."""
    task = session.get_one(Task, task_id)
    if task.occurrence_label is None or task.due_on is None:
        return None
    if task.occurrence_label.startswith(DEADLINE_LABEL):
        return task.occurrence_label
    return f"{task.occurrence_label}, hạn {task.due_on:%d/%m/%Y}"
