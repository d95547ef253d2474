"""The Vietnamese working calendar: Monday–Friday office hours, minus public
holidays (Tết included) and plus the Saturdays swapped in, as `holidays` knows them,
corrected by the admin's extra days off and make-up working days (storage/calendar.py).

It also owns the legal reading of a deadline: under the Civil Code 2015 (Bộ luật Dân sự,
Điều 148) a time limit whose last day is a weekend or a public holiday ends at the end of
the next working day (`effective_deadline`). Reminders, overdue counts and on-time/late
in reports all judge against that day."""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import holidays

from storage.calendar import CalendarDays, vn_date
from storage.vntext import fold

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

# folded fragment of the `holidays` name → how a person says the holiday (first match wins)
_HOLIDAY_KINDS: tuple[tuple[str, str], ...] = (
    ("tet duong lich", "Tết Dương lịch"),
    ("tet", "Tết"),
    ("gio to", "Giỗ Tổ Hùng Vương"),
    ("chien thang", "lễ 30/4"),
    ("giai phong", "lễ 30/4"),
    ("lao dong", "Quốc tế Lao động 1/5"),
    ("quoc khanh", "Quốc khánh"),
    ("thay cho", "nghỉ bù"),
)


def holiday_kind(name: str) -> str:
    """"Mùng năm Tết Nguyên Đán" → "Tết"; "Ngày Giỗ Tổ Hùng Vương (nghỉ bù)" → "nghỉ bù Giỗ Tổ Hùng Vương"."""
    folded = fold(name)
    kind = next((label for key, label in _HOLIDAY_KINDS if key in folded), None)
    if kind is None:
        kind = name.split("(")[0].strip()
        kind = kind[len("Ngày "):] if kind.startswith("Ngày ") else kind
    if "nghi bu" in folded and kind != "nghỉ bù":
        return f"nghỉ bù {kind}"
    return kind


@dataclass(frozen=True, kw_only=True)
class WorkingCalendar:
    tz: ZoneInfo = VN_TZ
    day_start: dt.time = dt.time(7, 30)
    day_end: dt.time = dt.time(17, 0)
    # Civil Code art. 148: a deadline on a day off runs to the end of the next working day
    deadline_moves_to_working_day: bool = True
    # admin corrections (storage.calendar); they win over the `holidays` package
    extra_days_off: frozenset[dt.date] = frozenset()
    extra_working_days: frozenset[dt.date] = frozenset()
    day_notes: Mapping[dt.date, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _holidays: holidays.HolidayBase = field(
        default_factory=lambda: holidays.country_holidays("VN", language="vi"), repr=False, compare=False
    )
    # answers already computed: the ladder asks about the same days for every task of a morning
    _working: dict[dt.date, bool] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        both = self.extra_days_off & self.extra_working_days
        if both:
            raise ValueError(f"days both off and working: {sorted(both)}")
        object.__setattr__(self, "_working", {})

    def with_days(self, days: CalendarDays) -> WorkingCalendar:
        """This calendar with the admin's corrections (from `storage.calendar.load_calendar_days`)."""
        return dataclasses.replace(self, extra_days_off=days.days_off, extra_working_days=days.working_days,
                                   day_notes=dict(days.notes))

    def without_corrections(self) -> WorkingCalendar:
        """The `holidays` package's calendar alone (what a correction is checked against)."""
        return dataclasses.replace(self, extra_days_off=frozenset(), extra_working_days=frozenset(), day_notes={})

    def local(self, instant: dt.datetime) -> dt.datetime:
        return instant.astimezone(self.tz)

    def at(self, day: dt.date, time: dt.time) -> dt.datetime:
        """The UTC instant of a local wall-clock time."""
        return dt.datetime.combine(day, time, tzinfo=self.tz).astimezone(dt.UTC)

    def holiday_name(self, day: dt.date) -> str | None:
        if day in self.extra_working_days:
            return None
        if day in self.extra_days_off:
            return self.day_notes.get(day) or "Ngày nghỉ"
        return self._holidays.get(day)

    def is_working_day(self, day: dt.date) -> bool:
        known = self._working.get(day)
        if known is None:
            if day in self.extra_working_days:
                known = True
            elif day in self.extra_days_off:
                known = False
            else:
                known = bool(self._holidays.is_working_day(day))
            self._working[day] = known
        return known

    def day_off_reason(self, day: dt.date) -> str | None:
        """Why `day` is not a working day, as a person says it ("ngày nghỉ Tết", "thứ Bảy"); None on a working day."""
        if self.is_working_day(day):
            return None
        if day in self.extra_days_off:
            note = self.day_notes.get(day, "").strip()
            if not note:
                return "ngày nghỉ"
            return "ngày " + note[0].lower() + note[1:] if fold(note).startswith("nghi") else f"ngày nghỉ {note}"
        name = self._holidays.get(day)
        if name:
            kind = holiday_kind(name)
            return "ngày " + kind if kind.startswith("nghỉ") else f"ngày nghỉ {kind}"
        return _WEEKDAY_NAMES[day.weekday()]

    def days_off_phrase(self, first: dt.date, last: dt.date) -> str:
        """What the days off `first`..`last` are, day by day, as a person says them: "nghỉ cuối tuần, nghỉ bù 31/08
        và Quốc khánh 01–02/09"; "nghỉ Tết" when one holiday spans the whole break. A weekend is "cuối tuần", not
        the holiday that follows it."""
        runs: list[tuple[str, dt.date, dt.date]] = []  # (kind, first day, last day), in order
        day = first
        while day <= last:
            name = self.holiday_name(day)
            kind = holiday_kind(name) if name else "cuối tuần"
            if fold(kind) in ("nghi", "ngay nghi"):
                kind = "ngày nghỉ"
            if runs and runs[-1][0] == kind:
                runs[-1] = (kind, runs[-1][1], day)
            else:
                runs.append((kind, day, day))
            day += dt.timedelta(days=1)
        if len(runs) == 1 and runs[0][0] != "cuối tuần":
            kind = runs[0][0]
            return kind if kind.startswith("nghỉ") else f"nghỉ {kind}"
        labels = [_run_label(kind, start, end) for kind, start, end in runs]
        phrase = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " và " + labels[-1]
        return phrase if phrase.startswith("nghỉ") else f"nghỉ {phrase}"

    def public_holidays(self, year: int) -> list[tuple[dt.date, str]]:
        """The year's days off other than weekends (package holidays and admin days off), with their names."""
        known = holidays.country_holidays("VN", language="vi", years=year)
        days = {d: n for d, n in known.items() if d not in self.extra_working_days}
        days.update({d: self.day_notes.get(d) or "Ngày nghỉ" for d in self.extra_days_off if d.year == year})
        return sorted(days.items())

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

    def previous_working_day(self, day: dt.date) -> dt.date:
        return self.working_day_on_or_before(day - dt.timedelta(days=1))

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def subtract_working_days(self, day: dt.date, count: int) -> dt.date:
        for _ in range(count):
            day = self.previous_working_day(day)
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

    # -- deadlines -------------------------------------------------------------------------------

    def effective_deadline(self, due_on: dt.date) -> dt.date:
        """The last day a task due on `due_on` may be finished on time: `due_on` itself, or, when it is a
        day off and the Civil Code rule is on, the next working day (the time limit ends at its end)."""
        if not self.deadline_moves_to_working_day:
            return due_on
        return self.working_day_on_or_after(due_on)

    def explain_deadline(self, due_on: dt.date) -> str | None:
        """A note for the person when the deadline moved: "hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết
        11/02/2027". None when the deadline is a working day (or the rule is off)."""
        runs = self.deadline_runs(due_on)
        return f"hạn {vn_date(due_on)} {runs}" if runs else None

    def deadline_runs(self, due_on: dt.date) -> str | None:
        """`explain_deadline` after a deadline already said: "rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027"."""
        effective = self.effective_deadline(due_on)
        if effective == due_on:
            return None
        reason = self.day_off_reason(due_on) or "ngày nghỉ"
        return f"rơi vào {reason}, tính đến hết {vn_date(effective)}"

    def is_on_time(self, due_on: dt.date, done_on: dt.date) -> bool:
        """Finished on time under the same rule reminders use (for /tonghop and the Excel report)."""
        return done_on <= self.effective_deadline(due_on)


def _run_label(kind: str, start: dt.date, end: dt.date) -> str:
    """One holiday's days in a break: "Quốc khánh 01–02/09"; "nghỉ bù Tết 12/02" → "nghỉ bù 12/02" (the holiday it
    makes up for is named beside it); a holiday named by its date ("lễ 30/4") needs no date."""
    if kind == "cuối tuần":
        return kind
    if kind.startswith("nghỉ bù"):
        kind = "nghỉ bù"
    if start == end and kind.endswith(f" {start.day}/{start.month}"):
        return kind
    if start == end:
        days = f"{start:%d/%m}"
    elif start.month == end.month:
        days = f"{start:%d}–{end:%d/%m}"
    else:
        days = f"{start:%d/%m}–{end:%d/%m}"
    return f"{kind} {days}"


_corrected: weakref.WeakKeyDictionary[WorkingCalendar, tuple[CalendarDays, WorkingCalendar]] = (
    weakref.WeakKeyDictionary())


def with_corrections(calendar: WorkingCalendar, days: CalendarDays) -> WorkingCalendar:
    """`calendar.with_days(days)`: the one calendar every feature judges working days by, the admin's
    corrections (storage.calendar.load_calendar_days, read fresh by the caller) applied. The same object
    while the corrections stay the same (a new one rebuilds its holiday table and forgets the days it judged)."""
    cached = _corrected.get(calendar)
    if cached is not None and cached[0] == days and dict(cached[0].notes) == dict(days.notes):
        return cached[1]
    made = calendar.with_days(days)
    _corrected[calendar] = (days, made)
    return made
