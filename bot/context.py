"""What the conversation and the channels need, built once per process (no chat library here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.settings import Settings
from scheduler.calendar import WorkingCalendar
from scheduler.clock import Clock
from scheduler.policy import ReminderPolicy
from storage.db import Database


def policy_from(settings: Settings) -> ReminderPolicy:
    calendar = WorkingCalendar(tz=ZoneInfo(settings.timezone), day_start=settings.workday_start,
                               day_end=settings.workday_end)
    return ReminderPolicy(calendar=calendar, remind_at=settings.remind_at)


@dataclass(frozen=True, kw_only=True)
class AppContext:
    settings: Settings
    db: Database
    clock: Clock
    policy: ReminderPolicy
    worker: str

    def today(self) -> dt.date:
        """Today in the working calendar's time zone."""
        return self.policy.calendar.local(self.clock.now()).date()
