"""What the conversation and the channels need, built once per process (no chat library here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.settings import Settings
from scheduler.calendar import WorkingCalendar, with_corrections
from scheduler.clock import Clock
from scheduler.policy import ReminderPolicy
from storage.calendar import CalendarDays, load_calendar_days
from storage.db import Database


def policy_from(settings: Settings) -> ReminderPolicy:
    calendar = WorkingCalendar(tz=ZoneInfo(settings.timezone), day_start=settings.workday_start,
                               day_end=settings.workday_end)
    return ReminderPolicy(calendar=calendar, remind_at=settings.remind_at,
                          quiet_after_working_days=settings.quiet_after_days,
                          overdue_every_working_days=settings.overdue_every_days,
                          checkin_every_working_days=settings.checkin_every_days,
                          # gathered into a digest at most this many days ahead: always fewer than the cadence
                          checkin_gather_working_days=min(ReminderPolicy.checkin_gather_working_days,
                                                          settings.checkin_every_days - 1))


class _Current:
    """The policy with the corrections last read (a holder, so the context itself stays frozen)."""

    def __init__(self, policy: ReminderPolicy) -> None:
        self.policy = policy


@dataclass(frozen=True, kw_only=True)
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    base_policy: ReminderPolicy  # as configured: the `holidays` calendar without the admin's corrections
    worker: str
    _current: _Current = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_current", _Current(self.base_policy))

    @property
    def policy(self) -> ReminderPolicy:
        """The policy every feature judges by: its calendar has the admin's days off and make-up working days
        as read at the start of the event or tick being handled (`use_calendar_days`, `refresh_calendar`)."""
        return self._current.policy

    def use_calendar_days(self, days: CalendarDays) -> None:
        """The admin's corrections as just read from the database (the calendar is rebuilt only when they
        changed)."""
        calendar = with_corrections(self.base_policy.calendar, days)  # (the same object while they stay the same)
        if calendar is not self._current.policy.calendar:
            self._current.policy = dataclasses.replace(self.base_policy, calendar=calendar)

    async def refresh_calendar(self) -> WorkingCalendar:
        """Read the admin's corrections again (one small query) and use them; the corrected calendar."""
        self.use_calendar_days(await self.db.run(load_calendar_days))
        return self.policy.calendar

    def today(self) -> dt.date:
        """Today in the working calendar's time zone."""
        return self.policy.calendar.local(self.clock.now()).date()
