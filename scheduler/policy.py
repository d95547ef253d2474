"""The reminder ladder (pure): which reminders a task gets, and when.

First policy: 3 and 1 working-day-adjusted days before the deadline, then every
working day while overdue (escalating to the leaders after a few), and a weekly
check-in for tasks without a deadline. All at `remind_at` local time, on working
days only. Chains (overdue, check-in) are planned one step at a time, when the
previous step is sent, so no task ever needs an unbounded number of rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scheduler.calendar import WorkingCalendar
from storage.models import ReminderKind


@dataclass(frozen=True, kw_only=True)
class PlannedReminder:
    kind: ReminderKind
    day: dt.date  # local working day it belongs to
    due_at: dt.datetime  # UTC

    @property
    def slot(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True, kw_only=True)
class ReminderPolicy:
    calendar: WorkingCalendar = field(default_factory=WorkingCalendar)
    remind_at: dt.time = dt.time(8, 0)
    days_before: tuple[int, ...] = (3, 1)
    checkin_every_days: int = 7
    escalate_after_working_days: int = 3

    def _plan(self, kind: ReminderKind, day: dt.date) -> PlannedReminder:
        return PlannedReminder(kind=kind, day=day, due_at=self.calendar.at(day, self.remind_at))

    def initial(self, *, due_on: dt.date | None, registered_at: dt.datetime) -> list[PlannedReminder]:
        cal = self.calendar
        registered_day = cal.local(registered_at).date()
        if due_on is None:
            first = cal.working_day_on_or_after(registered_day + dt.timedelta(days=self.checkin_every_days))
            return [self._plan(ReminderKind.CHECKIN, first)]
        plans: list[PlannedReminder] = []
        for days in sorted(set(self.days_before), reverse=True):
            # A reminder must come before the deadline, so a weekend moves it earlier.
            day = cal.working_day_on_or_before(due_on - dt.timedelta(days=days))
            plan = self._plan(ReminderKind.BEFORE, day)
            if day < due_on and plan.due_at > registered_at and all(p.day != day for p in plans):
                plans.append(plan)
        plans.append(self._plan(ReminderKind.OVERDUE, cal.next_working_day(due_on)))
        return plans

    def following(self, kind: ReminderKind, day: dt.date) -> PlannedReminder | None:
        """The next step of a chain after the reminder of `kind` on `day` was sent."""
        cal = self.calendar
        if kind == ReminderKind.OVERDUE:
            return self._plan(kind, cal.next_working_day(day))
        if kind == ReminderKind.CHECKIN:
            return self._plan(kind, cal.working_day_on_or_after(day + dt.timedelta(days=self.checkin_every_days)))
        return None

    def overdue_working_days(self, due_on: dt.date, today: dt.date) -> int:
        return self.calendar.working_days_between(due_on, today)

    def escalates(self, due_on: dt.date, today: dt.date) -> bool:
        return self.overdue_working_days(due_on, today) == self.escalate_after_working_days
