"""The reminder ladder (pure): what a task contributes to a person's morning digest, and when.

Everything is judged against the *effective* deadline: the deadline itself, or, when it is a
weekend or a public holiday, the next working day (Civil Code 2015, art. 148; see
`WorkingCalendar.effective_deadline`). All counts are in working days, and only working days
carry reminders. One digest a person a working morning; a task is at most one line of it.

The ladder of a task with a deadline E (defaults in brackets):

- before: on the working days `days_before` [3 and 1] working days before E → "sắp đến hạn";
- on E itself → "đến hạn hôm nay" (`remind_on_due_day`);
- overdue: in the first `daily_overdue_working_days` [5] working days after E, on the first and then every
  `overdue_every_working_days` [2] working days (days 1, 3, 5), and on a day the task is escalated (the holder's line
  says who was told: day 2 when a cadre holds it); then once a week, on the week's first working day from
  `weekly_on` [Monday] → "quá hạn", with the working days late; the task stays listed weekly, never an unbounded
  daily nag (five lines in a row for one missed deadline read as nagging: session 23);
- escalation, once per task and level, in that person's digest: the head of the lead unit after
  `escalate_head_after_working_days` [2] working days late (unless the assignee is the head), the
  leaders after `escalate_after_working_days` [5]. Counted from E, or from the day the task was
  assigned if it arrived already late, so nobody is escalated before having had a chance. The
  holder's own line that day says who was told (the planner marks it `told_now`), so a leader's call
  does not come as a surprise; with the defaults both levels fall in the daily overdue phase, so the
  holder has a line that day (unless they snoozed the task).
- an extension asked for on or before E and not yet decided pauses the late phase (`waits_for_extension`): no
  overdue line, no escalation; the holder's digest says once, the working day after E, that the request waits
  (→ "chờ ý kiến gia hạn"), and not again while it waits (probe 27: weekly lines nobody could act on).
  The deciders have their own reminder of the
  request (bot/conversation/status.py); on the morning it is sent, a holder's waiting line says so, in place of a
  note of its own to the requester. Granted: the ladder follows the new deadline. Refused: the task is late
  from E (its count of days late is from E), and the late phase — the daily overdue lines, then weekly, and the
  escalation steps — counts from the refusal, as for a task that arrived already late: the holder hears it the
  next working day, the head two working days later, the leaders five.
- an extension asked for after E and not yet decided (`waits_after_deadline`): the task is late and escalated on its
  schedule, the escalation naming the request (the one told may settle it); its holder, who has answered, is not
  told daily that it is late — their line says the request waits (→ "chờ ý kiến gia hạn", "đã quá hạn") only on
  the day the task is escalated (who was told); otherwise its first reminder to the deciders tells them once.
  Granted: the new deadline; refused: the overdue ladder as before.

A deadline is announced ahead once (`gather_ahead_working_days` [5]; bot-side, in the planner, as it needs what each
person was sent): a digest that goes out anyway (any line for its reader) also lists, as "sắp đến hạn", the reader's
own tasks whose deadline falls within the next 5 working days; and a before-deadline line is left out when a digest
sent to the holder already listed that task as coming with the same deadline. So a deadline reaches its holder once
ahead — in the first of its before-deadline digests, or earlier in one sent anyway that week — and on the day; the
deadline day, the overdue lines and the escalation are never left out (a person holding many dated tasks was
otherwise pinged on most working days of a month: 3 lines per deadline, interleaved).

A check-in is gathered the same way (`checkin_gather_working_days` [2]): a digest that goes out anyway also asks for
the update of the reader's tasks without a deadline whose check-in falls within the next 2 working days, and on the
check-in day itself that task's line is left out (a digest left with nothing is not sent) — a head with an overdue
task and a duty without a deadline was otherwise written to on two mornings in a row (probe 47).

A supporting duty (`TaskState.supporting`: the holder's unit only supports, "Có trách nhiệm phối hợp với …",
`storage.tasks.duty_kind`: SUPPORTING) with a deadline has a lighter ladder: the lead unit answers for the task
(DOMAIN.md), so its holder hears of it at assignment, then once `supporting_days_before` [3] working days before E (or
earlier, gathered in a digest sent anyway) — no deadline-day or overdue line, never escalated. `supporting_days_before
=None` gives it the lead's whole ladder.

A round of a fortnightly duty is reminded one working day before its deadline, on the day and once the
working day after; a daily or weekly round on the day and the day after (`policy_days_before`); monthly and
longer rounds follow the ladder above.

A task without a deadline ("thường xuyên", "kịp thời") gets a check-in → "cập nhật định kỳ" every
`checkin_every_working_days` [10] working days counted from the day it was assigned, so a person's
tasks from one notice come in the same message (a count restarted by each report would spread them
over consecutive mornings); a round is skipped when the task was reported on within the last
`checkin_quiet_after_report` [5] working days. It is never overdue. A recurring duty is judged
occurrence by occurrence (scheduler/recurrence.py), each occurrence being a `TaskState` with its own
deadline.

A person's cadence (on top of every task's ladder, which runs on its own: a person holding several tasks would
otherwise get the ladders interleaved, a digest nearly every working day). Someone who has been sent digests on
`quiet_after_working_days` [5] working days in a row without answering since — no report, request or snooze of
theirs, no report or snooze on their tasks by a deputy or the office — is *quiet*: a digest of theirs whose every
line only repeats what they were last told about its task is held, and what was held goes out once a week, on the
weekly day (`weekly_on`, as a late task's weekly listing), as one digest. Never held (`is_news`): a deadline day,
the first overdue notice, a deadline that moved (an extension decided, a correction), the holder's line on the day
their task is escalated, and any line about others (an
escalation to them, someone unreachable) — the digest that carries it carries the held lines too; an assignment, a
hand-over, a decision are messages of their own, sent at once. Any answer ends it. Escalations keep their own
schedule: they are judged per task and never held.

Catch-up: `due_items` is asked for one working day, `today`, knowing the last day the digest was
computed (`last_digest_on`, whether or not it had anything for this person). When days were missed
(downtime over Tết, an outage), the window (last_digest_on, today] is judged at once and gives one
item per task: a before-deadline step whose deadline has passed is dropped (the task is then due
today or overdue instead); an overdue task that had a reminder day in the gap is listed once, with
today's count ("continues from today"); escalations that fell due in the gap are delivered once,
since delivered levels are part of the task's state. Counts are never negative: `DigestItem`
refuses them."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from scheduler.calendar import WorkingCalendar
from scheduler.recurrence import Frequency, frequency_of
from storage.models import Task, TaskStatus
from storage.tasks import DutyKind, duty_kind

_HORIZON_DAYS = 800  # how far `next_item_day` looks ahead


class DigestCategory(enum.StrEnum):
    """The digest's groups, most urgent first."""

    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    EXTENSION_PENDING = "extension_pending"  # past its deadline, an extension still undecided
    CHECKIN = "checkin"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self]

    @property
    def rank(self) -> int:
        return list(DigestCategory).index(self)


_CATEGORY_LABELS = {
    DigestCategory.OVERDUE: "quá hạn",
    DigestCategory.DUE_TODAY: "đến hạn hôm nay",
    DigestCategory.DUE_SOON: "sắp đến hạn",
    DigestCategory.EXTENSION_PENDING: "chờ ý kiến gia hạn",
    DigestCategory.CHECKIN: "cập nhật định kỳ",
}


class EscalationLevel(enum.StrEnum):
    HEAD = "head"  # the head of the lead unit
    LEADERS = "leaders"

    @property
    def label(self) -> str:
        return "trưởng đơn vị chủ trì" if self == EscalationLevel.HEAD else "lãnh đạo"


@dataclass(frozen=True, kw_only=True)
class TaskState:
    """What the ladder needs to know about one task (or one occurrence of a recurring duty)."""

    task_id: int
    assigned_on: dt.date  # local day the task (occurrence) was assigned; nothing is due on or before it
    due_on: dt.date | None = None  # the nominal deadline, as written
    closed: bool = False  # done or cancelled
    assignee_is_head: bool = False  # then the head level of escalation is skipped
    escalated: frozenset[EscalationLevel] = frozenset()  # levels already delivered
    last_update_on: dt.date | None = None  # last status report: restarts the check-in count
    snoozed_until: dt.date | None = None  # "Nhắc lại sau": quiet before this day, reminded on it
    days_before: tuple[int, ...] | None = None  # the before-deadline steps, if not the policy's (short rounds)
    short_round: bool = False  # a weekly/daily round: overdue is said once, the next round comes soon
    # the extension request waiting for a decision: the local day it was sent, and the date asked for
    extension_asked_on: dt.date | None = None
    extension_until: dt.date | None = None
    # the last request refused: the local day it was sent, and the day it was refused
    refused_asked_on: dt.date | None = None
    refused_on: dt.date | None = None
    # the holder's unit only supports (its task, not a recurring duty, reads "Có trách nhiệm phối hợp với …":
    # `duty_kind`: SUPPORTING): a lighter ladder (`ReminderPolicy.supporting_days_before`), never escalated
    supporting: bool = False


@dataclass(frozen=True, kw_only=True)
class DigestItem:
    """One line of a morning digest."""

    task_id: int
    category: DigestCategory
    escalation: EscalationLevel | None = None  # None: for the assignee; else for the head / the leaders
    due_on: dt.date | None = None
    effective_due_on: dt.date | None = None
    deadline_note: str | None = None  # "hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027"
    days_left: int | None = None  # calendar days until the effective deadline (0 on the day)
    working_days_left: int | None = None
    days_late: int | None = None  # working days past the effective deadline
    weekly: bool = False  # overdue past the daily phase: listed once a week
    catch_up: bool = False  # judged over several missed days after downtime
    escalated_to: tuple[EscalationLevel, ...] = ()  # every level told about this task, this one included
    extension_until: dt.date | None = None  # the date asked for, on an EXTENSION_PENDING line or an escalation

    def __post_init__(self) -> None:
        for name in ("days_left", "working_days_left"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative ({value})")
        if self.days_late is not None and self.days_late < 1:
            raise ValueError(f"days_late must be at least 1 ({self.days_late})")
        if self.category == DigestCategory.OVERDUE and self.days_late is None:
            raise ValueError("an overdue item needs days_late")
        if self.escalation is not None and self.category != DigestCategory.OVERDUE:
            raise ValueError("only overdue tasks are escalated")

    @property
    def for_assignee(self) -> bool:
        return self.escalation is None


def state_of(task: Task, *, calendar: WorkingCalendar, escalated: Iterable[EscalationLevel] = (),
             snoozed_until: dt.date | None = None, last_update_on: dt.date | None = None,
             extension_asked_on: dt.date | None = None, extension_until: dt.date | None = None,
             refused_asked_on: dt.date | None = None, refused_on: dt.date | None = None) -> TaskState:
    """A stored task as the ladder sees it. What the task row does not hold (levels already told, a snooze,
    the last status report, its extension requests) comes from the caller."""
    assignee = task.assignee
    days_before = round_steps(task)
    return TaskState(
        task_id=task.id, assigned_on=calendar.local(task.created_at).date(), due_on=task.due_on,
        closed=TaskStatus(task.status).is_closed,
        assignee_is_head=assignee is not None and task.lead_unit_id in assignee.headed_unit_ids,
        escalated=frozenset(escalated), last_update_on=last_update_on, snoozed_until=snoozed_until,
        days_before=days_before, short_round=days_before is not None, extension_asked_on=extension_asked_on,
        extension_until=extension_until, refused_asked_on=refused_asked_on, refused_on=refused_on,
        supporting=duty_kind(task) is DutyKind.SUPPORTING)


def round_steps(task: Task) -> tuple[int, ...] | None:
    """The before-deadline steps of a task that is a round of a short recurring duty (None: the policy's)."""
    if task.occurrence_start is None:
        return None
    frequency = frequency_of(task.recurrence)
    return policy_days_before(frequency) if frequency is not None else None


def policy_days_before(frequency: Frequency) -> tuple[int, ...] | None:
    """A daily or weekly report is reminded on the day it is due only, a fortnightly one also the working day
    before: the policy's "3 and 1 working days before" would otherwise nag three mornings out of five, every
    week (and a day-before reminder of a weekly report is one message more a week for the same duty — two weekly
    duties made a head's every other morning). Such a short round, once late, is said late on the next working
    day only (the next round follows within days; `scheduler.series.roll_missed`). Longer rounds (monthly and up)
    keep the policy's steps (None)."""
    if frequency in (Frequency.DAILY, Frequency.WEEKLY):
        return ()
    if frequency == Frequency.BIWEEKLY:
        return (1,)
    return None


def sort_items(items: Iterable[DigestItem]) -> list[DigestItem]:
    """Digest order: by urgency group, the latest first, then the nearest deadline."""
    return sorted(items, key=lambda i: (i.category.rank, -(i.days_late or 0), i.days_left or 0, i.task_id))


def group_items(items: Iterable[DigestItem]) -> list[tuple[DigestCategory, list[DigestItem]]]:
    """The digest's groups in urgency order, empty groups left out."""
    ordered = sort_items(items)
    return [(c, [i for i in ordered if i.category == c]) for c in DigestCategory
            if any(i.category == c for i in ordered)]


@dataclass(frozen=True, kw_only=True)
class ReminderPolicy:
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    remind_at: dt.time = dt.time(8, 0)
    days_before: tuple[int, ...] = (3, 1)  # working days before the effective deadline
    remind_on_due_day: bool = True
    daily_overdue_working_days: int = 5
    weekly_on: int = 0  # weekday of the weekly listing once the daily phase is over (0 = Monday)
    escalate_head_after_working_days: int = 2
    escalate_after_working_days: int = 5  # to the leaders
    checkin_every_working_days: int = 10
    checkin_quiet_after_report: int = 5  # a check-in round is skipped this soon after a report
    # a person sent digests on this many working days in a row, unanswered, gets what only repeats once a week, on
    # the weekly day (0: never; a working week, as the daily phase of a late task)
    quiet_after_working_days: int = 5
    # a deadline announced once ahead (session 22): a digest that goes out anyway lists its holder's deadlines
    # falling within this many working days ahead (0: off), and a task whose deadline a digest sent to its holder
    # already listed as coming gets no further before-deadline line — the deadline day itself always comes
    gather_ahead_working_days: int = 5
    # a check-in gathered ahead (session 32): a digest that goes out anyway also asks for the update of its reader's
    # tasks without a deadline whose check-in falls within this many working days ahead, and that check-in then sends
    # no line of its own (0: off) — a head was otherwise asked on the morning after a digest (probe 47)
    checkin_gather_working_days: int = 2
    # overdue, within the first `daily_overdue_working_days`: listed the first working day late, then every this
    # many working days (2: days 1, 3, 5), and on a day the task is escalated (the holder's line says who was told);
    # 1 lists it every working day (before session 23)
    overdue_every_working_days: int = 2
    # a supporting duty (the holder's unit only supports: "Có trách nhiệm phối hợp với …", `duty_kind`)
    # with a deadline: told once at assignment, then only on these working days before the deadline (or earlier,
    # gathered in a digest sent anyway) — no deadline-day or overdue line, never escalated; the lead unit answers
    # for the task (DOMAIN.md). None: the lead's full ladder (before session 23)
    supporting_days_before: tuple[int, ...] | None = (3,)

    def __post_init__(self) -> None:
        if any(d < 1 for d in self.days_before):
            raise ValueError("days_before are working days before the deadline (≥ 1)")
        if min(self.daily_overdue_working_days, self.escalate_head_after_working_days,
               self.escalate_after_working_days, self.checkin_every_working_days) < 1:
            raise ValueError("ladder steps must be at least one working day")
        if not 0 <= self.weekly_on <= 6:
            raise ValueError("weekly_on is a weekday, 0–6")
        if self.quiet_after_working_days < 0:
            raise ValueError("quiet_after_working_days ≥ 0 (0: off)")
        if self.gather_ahead_working_days < 0:
            raise ValueError("gather_ahead_working_days ≥ 0 (0: off)")
        if not 0 <= self.checkin_gather_working_days < self.checkin_every_working_days:
            raise ValueError("checkin_gather_working_days ≥ 0 (0: off), fewer than checkin_every_working_days")
        if self.overdue_every_working_days < 1:
            raise ValueError("overdue_every_working_days ≥ 1 (1: every working day)")
        if self.supporting_days_before is not None and any(d < 1 for d in self.supporting_days_before):
            raise ValueError("supporting_days_before are working days before the deadline (≥ 1)")

    # -- the ladder, day by day ---------------------------------------------------------------------

    def effective_deadline(self, due_on: dt.date) -> dt.date:
        return self.calendar.effective_deadline(due_on)

    def overdue_working_days(self, due_on: dt.date, today: dt.date) -> int:
        """Working days past the effective deadline (0 when not late)."""
        return self.calendar.working_days_between(self.effective_deadline(due_on), today)

    def before_days(self, due_on: dt.date, steps: tuple[int, ...] | None = None) -> list[dt.date]:
        """The working days of the before-deadline reminders, earliest first (`steps`: a task's own ladder)."""
        cal = self.calendar
        deadline = self.effective_deadline(due_on)
        return sorted({cal.subtract_working_days(deadline, n) for n in (self.days_before if steps is None else steps)})

    def is_weekly_day(self, day: dt.date) -> bool:
        """The week's first working day on or after `weekly_on` (Tuesday when Monday is a holiday)."""
        target = day - dt.timedelta(days=day.weekday() - self.weekly_on)
        first = self.calendar.working_day_on_or_after(target)
        return day == first and first - target < dt.timedelta(days=7 - self.weekly_on)

    def is_overdue_day(self, due_on: dt.date, day: dt.date, *, assigned_on: dt.date | None = None,
                       short_round: bool = False) -> bool:
        """Whether an overdue task is listed on `day`: in the first `daily_overdue_working_days` working days late
        every `overdue_every_working_days` (from the first), then weekly. The first phase counts from the deadline,
        or from `assigned_on` for a task that arrived already late. (A day the task is escalated also has the
        holder's line: `due_items`.)"""
        if not self.calendar.is_working_day(day):
            return False
        deadline = self.effective_deadline(due_on)
        if day <= deadline:
            return False
        since = deadline if assigned_on is None else max(deadline, assigned_on)
        phase = self.calendar.working_days_between(since, day)
        if short_round:
            return phase == 1
        if phase <= self.daily_overdue_working_days:
            return (phase - 1) % self.overdue_every_working_days == 0
        return self.is_weekly_day(day)

    def is_checkin_day(self, anchor: dt.date, day: dt.date) -> bool:
        """Every `checkin_every_working_days` working days after `anchor`."""
        if not self.calendar.is_working_day(day):
            return False
        count = self.calendar.working_days_between(anchor, day)
        return count > 0 and count % self.checkin_every_working_days == 0

    def is_checkin_round(self, state: TaskState, day: dt.date) -> bool:
        """A check-in day of the task (counted from its assignment), unless it was reported on lately."""
        if not self.is_checkin_day(state.assigned_on, day):
            return False
        last = state.last_update_on
        return last is None or self.calendar.working_days_between(last, day) >= self.checkin_quiet_after_report

    def waits_for_extension(self, state: TaskState) -> bool:
        """Whether the ladder is paused: an extension was asked for on or before the (effective) deadline and is
        still undecided — the holder did what they could, the deciders have it (and their own reminder of it)."""
        return state.due_on is not None and state.extension_asked_on is not None \
            and state.extension_asked_on <= self.effective_deadline(state.due_on)

    def waits_after_deadline(self, state: TaskState) -> bool:
        """Whether the holder asked for an extension after the (effective) deadline and it is still undecided: the
        task stays late (and escalated), but the holder has answered — no daily overdue line."""
        return state.due_on is not None and state.extension_asked_on is not None \
            and state.extension_asked_on > self.effective_deadline(state.due_on)

    def supports_task_lightly(self, task: Task) -> bool:
        """`supports_lightly` of a stored task (for what its assignment message says)."""
        return self.supporting_days_before is not None and duty_kind(task) is DutyKind.SUPPORTING

    def supports_lightly(self, state: TaskState) -> bool:
        """Whether `state` is a supporting duty on the lighter ladder (`supporting_days_before`)."""
        return state.supporting and self.supporting_days_before is not None

    def _anchor(self, state: TaskState) -> dt.date:
        """The day the late phase counts from besides the deadline: the assignment, or the refusal of an extension
        asked for in time (the overdue ladder starts again from the refusal, as for a task that arrived late)."""
        if state.due_on is None or state.refused_on is None or state.refused_asked_on is None \
                or state.refused_asked_on > self.effective_deadline(state.due_on):
            return state.assigned_on
        return max(state.assigned_on, state.refused_on)

    def escalation_levels(self, state: TaskState, today: dt.date) -> tuple[EscalationLevel, ...]:
        """The levels that should have been told by `today` (delivered or not); none while the ladder waits for an
        extension (`waits_for_extension`), and none for a supporting duty (`supports_lightly`)."""
        if state.due_on is None or state.closed or self.waits_for_extension(state) or self.supports_lightly(state):
            return ()
        deadline = self.effective_deadline(state.due_on)
        if today <= deadline:
            return ()
        late = self.calendar.working_days_between(max(deadline, self._anchor(state)), today)
        levels: list[EscalationLevel] = []
        if not state.assignee_is_head and late >= self.escalate_head_after_working_days:
            levels.append(EscalationLevel.HEAD)
        if late >= self.escalate_after_working_days:
            levels.append(EscalationLevel.LEADERS)
        return tuple(levels)

    def _window(self, state: TaskState, today: dt.date, last_digest_on: dt.date | None) -> list[dt.date]:
        """The working days (lo, today] this digest answers for."""
        cal = self.calendar
        lo = cal.previous_working_day(today) if last_digest_on is None else last_digest_on
        lo = max(lo, state.assigned_on)
        days, day = [], today
        while day > lo:
            if cal.is_working_day(day):
                days.append(day)
            day -= dt.timedelta(days=1)
        return days[::-1]

    def due_items(self, state: TaskState, today: dt.date, *,
                  last_digest_on: dt.date | None = None) -> list[DigestItem]:
        """What `state` contributes to the digests of the morning of `today` (a working day): at most one
        item for the assignee, plus any escalation due. `last_digest_on` is the last day the digest was
        computed; None means yesterday's went out as usual. Asked twice for the same day, it answers []."""
        cal = self.calendar
        if state.closed or not cal.is_working_day(today):
            return []
        if last_digest_on is not None and last_digest_on >= today:
            return []
        window = self._window(state, today, last_digest_on)
        if not window:
            return []
        catch_up = window[0] < today
        levels = self.escalation_levels(state, today)
        told = tuple(sorted(set(levels) | state.escalated, key=list(EscalationLevel).index))
        items: list[DigestItem] = []
        own = self._assignee_item(state, today, window, catch_up=catch_up, told=told)
        if own is not None:
            items.append(own)
        if levels and state.due_on is not None:
            late = cal.working_days_between(self.effective_deadline(state.due_on), today)
            for level in levels:
                if level not in state.escalated:
                    items.append(self._item(state, today, DigestCategory.OVERDUE, catch_up=catch_up, days_late=late,
                                            escalation=level, told=told, extension_until=state.extension_until))
        return items

    def _assignee_item(self, state: TaskState, today: dt.date, window: Sequence[dt.date], *, catch_up: bool,
                       told: tuple[EscalationLevel, ...]) -> DigestItem | None:
        cal = self.calendar
        snooze = state.snoozed_until
        if snooze is not None and today < snooze:
            return None
        forced = snooze is not None and window[0] <= snooze <= today
        if state.due_on is None:
            if forced or any(self.is_checkin_round(state, d) for d in window):
                return self._item(state, today, DigestCategory.CHECKIN, catch_up=catch_up)
            return None
        deadline = self.effective_deadline(state.due_on)
        if self.supports_lightly(state):  # only ahead of the deadline: the lead unit answers for the task
            steps = set(self.before_days(state.due_on, self.supporting_days_before))
            if today < deadline and (forced or any(d in steps for d in window)):
                return self._item(state, today, DigestCategory.DUE_SOON, catch_up=catch_up,
                                  days_left=(deadline - today).days,
                                  working_days_left=cal.working_days_between(today, deadline))
            return None
        if today < deadline:
            before = set(self.before_days(state.due_on, state.days_before))
            if forced or any(d in before for d in window):
                return self._item(state, today, DigestCategory.DUE_SOON, catch_up=catch_up,
                                  days_left=(deadline - today).days,
                                  working_days_left=cal.working_days_between(today, deadline))
            return None
        if today == deadline:
            before = set(self.before_days(state.due_on, state.days_before))
            if self.remind_on_due_day or forced or any(d in before for d in window):
                return self._item(state, today, DigestCategory.DUE_TODAY, catch_up=catch_up, days_left=0,
                                  working_days_left=0)
            return None
        if self.waits_for_extension(state):  # said once, the day after the deadline: not in every digest (probe 27)
            if forced or any(d > deadline and cal.working_days_between(deadline, d) == 1 for d in window):
                return self._item(state, today, DigestCategory.EXTENSION_PENDING, catch_up=catch_up,
                                  extension_until=state.extension_until)
            return None
        if self.waits_after_deadline(state):  # only the day it is escalated (who was told): news, not "still waiting"
            # every week, which the holder can do nothing about (probe 27); the deciders are reminded weekly instead
            escalated_now = any(level not in state.escalated for level in self.escalation_levels(state, today))
            if forced or escalated_now:
                return self._item(state, today, DigestCategory.EXTENSION_PENDING, catch_up=catch_up,
                                  days_late=cal.working_days_between(deadline, today), told=told,
                                  extension_until=state.extension_until)
            return None
        # a level told today (first due within this window; not one a directory without leaders never records)
        due_before = set(self.escalation_levels(state, cal.previous_working_day(window[0])))
        escalated_now = any(level not in state.escalated and level not in due_before
                            for level in self.escalation_levels(state, today))
        if forced or escalated_now or any(self.is_overdue_day(state.due_on, d, assigned_on=self._anchor(state),
                                                              short_round=state.short_round) for d in window):
            return self._item(state, today, DigestCategory.OVERDUE, catch_up=catch_up,
                              days_late=cal.working_days_between(deadline, today), told=told)
        return None

    def _item(self, state: TaskState, today: dt.date, category: DigestCategory, *, catch_up: bool,
              days_left: int | None = None, working_days_left: int | None = None, days_late: int | None = None,
              escalation: EscalationLevel | None = None, told: tuple[EscalationLevel, ...] = (),
              extension_until: dt.date | None = None) -> DigestItem:
        due_on = state.due_on
        weekly = False
        if days_late is not None and due_on is not None:
            since = max(self.effective_deadline(due_on), self._anchor(state))
            weekly = self.calendar.working_days_between(since, today) > self.daily_overdue_working_days
        return DigestItem(
            task_id=state.task_id, category=category, escalation=escalation, due_on=due_on,
            effective_due_on=self.effective_deadline(due_on) if due_on else None,
            deadline_note=self.calendar.explain_deadline(due_on) if due_on else None,
            days_left=days_left, working_days_left=working_days_left, days_late=days_late,
            weekly=weekly,
            catch_up=catch_up, escalated_to=told, extension_until=extension_until)

    def ahead_item(self, state: TaskState, today: dt.date) -> DigestItem | None:
        """The "sắp đến hạn" line a digest going out anyway on `today` gives a task of its holder whose deadline
        falls within `gather_ahead_working_days` working days (not today: the deadline day has its own line), or the
        "cập nhật định kỳ" line of a task without a deadline whose check-in round falls within
        `checkin_gather_working_days` working days; None for any other task (closed, snoozed, a recurring duty's short
        round, further ahead)."""
        if state.closed or (state.snoozed_until is not None and today < state.snoozed_until):
            return None
        cal = self.calendar
        if state.due_on is None:
            day = today
            for _ in range(self.checkin_gather_working_days):
                day = cal.next_working_day(day)
                if self.is_checkin_round(state, day):
                    return self._item(state, today, DigestCategory.CHECKIN, catch_up=False)
            return None
        if self.gather_ahead_working_days == 0 or state.short_round:
            return None
        deadline = self.effective_deadline(state.due_on)
        if not today < deadline <= cal.add_working_days(today, self.gather_ahead_working_days):
            return None
        return self._item(state, today, DigestCategory.DUE_SOON, catch_up=False, days_left=(deadline - today).days,
                          working_days_left=cal.working_days_between(today, deadline))

    def next_item_day(self, state: TaskState, after: dt.date) -> dt.date | None:
        """The next working day after `after` on which `state` has something for a digest (for planning one row
        ahead); None when closed or nothing comes within about two years."""
        if state.closed:
            return None
        day = after
        for _ in range(_HORIZON_DAYS):
            day = self.calendar.next_working_day(day)
            if self.due_items(state, day, last_digest_on=self.calendar.previous_working_day(day)):
                return day
        return None

    # -- a person's cadence ------------------------------------------------------------------------

    def is_quiet(self, sent_days: Iterable[dt.date], *, held: bool = False) -> bool:
        """Whether a person is quiet: `sent_days`, the working days they were sent a digest since their last
        answer, hold a run of `quiet_after_working_days` in a row — or digests of theirs were held since (`held`:
        they stay quiet until they answer, though held days break the run)."""
        if self.quiet_after_working_days == 0:
            return False
        if held:
            return True
        run, previous = 0, None
        for day in sorted(set(sent_days)):
            run = run + 1 if previous is not None and self.calendar.next_working_day(previous) == day else 1
            if run >= self.quiet_after_working_days:
                return True
            previous = day
        return False

    def repeats_due(self, today: dt.date) -> bool:
        """Whether a quiet person's repeats go out today, with every line held since: on the weekly day, as a late
        task's weekly listing (the week's first working day from `weekly_on`)."""
        return self.is_weekly_day(today)


def is_news(line: Mapping[str, Any], before: Mapping[str, Any] | None) -> bool:
    """Whether a digest line (as planned: `DigestItem` as JSON) tells its reader something the last line they were
    sent about the same task (`before`, None: none lately) did not — never held for a quiet person: its deadline
    day, its first overdue notice, a deadline that moved (an extension decided, a correction); and any line that is
    not about the reader's own task (an escalation to them, someone unreachable). A task's first reminder before
    its deadline or first check-in repeats what its assignment (or hand-over) said at once, in its own message. The
    reader's own line on the day their task is escalated (`told_now`) says so: news, so the holder is not surprised
    by a leader's call."""
    if "task_id" not in line or line.get("escalation") or line.get("told_now"):
        return True
    category = line.get("category")
    if category == DigestCategory.DUE_TODAY:
        return True
    if category in (DigestCategory.OVERDUE, DigestCategory.EXTENSION_PENDING) and (
            before is None or before.get("category") != category):  # (the first overdue notice after a refusal)
        return True
    return before is not None and line.get("effective_due_on") != before.get("effective_due_on")


DEFAULT_POLICY = ReminderPolicy()


def due_items(state: TaskState, today: dt.date, *, policy: ReminderPolicy | None = None,
              last_digest_on: dt.date | None = None) -> list[DigestItem]:
    """`ReminderPolicy.due_items` with the default policy."""
    return (policy or DEFAULT_POLICY).due_items(state, today, last_digest_on=last_digest_on)
