"""The Vietnamese working calendar: Monday–Friday office hours, minus public
holidays (Tết included) and plus the Saturdays swapped in, as `holidays` knows them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import holidays

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True, kw_only=True)
class WorkingCalendar:
    tz: ZoneInfo = VN_TZ
    day_start: dt.time = dt.time(7, 30)
    day_end: dt.time = dt.time(17, 0)
    _holidays: holidays.HolidayBase = field(
        default_factory=lambda: holidays.country_holidays("VN", language="vi"), repr=False, compare=False
    )

    def local(self, instant: dt.datetime) -> dt.datetime:
        return instant.astimezone(self.tz)

    def at(self, day: dt.date, time: dt.time) -> dt.datetime:
        """The UTC instant of a local wall-clock time."""
        return dt.datetime.combine(day, time, tzinfo=self.tz).astimezone(dt.UTC)

    def holiday_name(self, day: dt.date) -> str | None:
        return self._holidays.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        return bool(self._holidays.is_working_day(day))

    def is_working_time(self, instant: dt.datetime) -> bool:
        local = self.local(instant)
        return self.is_working_day(local.date()) and self.day_start <= local.time() < self.day_end

    def working_day_on_or_after(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def working_day_on_or_before(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        return self.working_day_on_or_after(day + dt.timedelta(days=1))

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def next_working_instant(self, instant: dt.datetime) -> dt.datetime:
        """`instant` itself if it is working time, else the next start of a working day."""
        if self.is_working_time(instant):
            return instant
        local = self.local(instant)
        day = local.date()
        if not (self.is_working_day(day) and local.time() < self.day_start):
            day = self.next_working_day(day)
        return self.at(day, self.day_start)
