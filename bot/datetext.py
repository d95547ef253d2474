"""Dates and times as Vietnamese cadres type them: "30/4", "thứ 6 tuần sau", "3h chiều mai",
"cuối tháng", "2 ngày nữa", "trước Tết". One pure function, `parse_when`, used wherever a person
types a date (extension requests, snoozes, leave, deadline edits, draft corrections).

Decisions, so that every caller reads a phrase the same way:

- The result is local time in Asia/Ho_Chi_Minh. No time of day → 08:00 and `has_time=False`;
  a time ("15h30", "3h chiều") or a part of the day ("sáng" 08:00, "trưa" 12:00, "chiều" 14:00,
  "tối" 19:00, "đêm" 22:00) → `has_time=True`. "24h" and "12h đêm" are 23:59 of that day.
- A bare hour from 1 to 5 ("mai 3h") is refused: say "3h chiều" or "15h".
- A day/month without a year that has passed this year is next year's; "ngày 5" alone is this
  month's 5th, or next month's if passed. A time alone ("15h30") is today's, or tomorrow's if passed.
- Weeks run Monday–Sunday. A bare weekday ("thứ 6", "thứ 6 tới") is the next such day strictly after
  today (said on a Friday it means next Friday); "thứ 6 này/tuần này" is this week's, "thứ 6 tuần
  sau/tuần tới" next week's.
- "cuối tuần" is Friday (the last working day), "đầu tuần" Monday, "giữa tuần" Wednesday;
  "cuối tháng/quý/năm" the last calendar day, "đầu tháng/quý/năm" the first, "giữa tháng" the 15th.
  Bare "đầu tuần/tháng/quý/năm" means the next one; bare "cuối …" the current one (next if passed).
- "tuần sau/tuần tới", "tháng sau", "năm sau" alone mean the same day a week/month/year later
  (clamped to the month's end), like "1 tuần nữa".
- "trước Tết" is the last working day before the Tết holiday (a deadline "trước Tết" on giao thừa, a day
  off, would run on to after the break), "Tết"/"mùng 3 Tết" the lunar new year's days and "sau Tết" the
  first working day after the Tết holiday, all from the `holidays` calendar.
- Without diacritics "toi" and "sang" are read from context ("toi nay" evening, "thu 6 toi" next
  Friday, "sang mai" tomorrow morning); with diacritics the marks decide.
- Anything not understood, impossible ("31/2", "25h") or contradictory ("30/4 thứ 6" when 30/4 is
  not a Friday) raises `WhenUnclear` with a Vietnamese message listing the forms understood.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import holidays

from scheduler.calendar import VN_TZ, WorkingCalendar
from storage.errors import NhacViecError
from storage.vntext import nfc, strip_marks

FORMS = ("Nhắc việc hiểu các cách viết như: 30/4, 30/4/2027, ngày 5 tháng 6, thứ 6 tuần sau, ngày mai 10h, "
         "3h chiều, 15h30, sáng mai, cuối tháng, đầu tháng sau, 2 ngày nữa, trước Tết.")
MAX_LENGTH = 120
DEFAULT_TIME = dt.time(8, 0)
END_OF_DAY = (23, 59)


@dataclass(frozen=True, kw_only=True)
class When:
    at: dt.datetime  # aware, Asia/Ho_Chi_Minh
    has_time: bool  # a time of day (or part of the day) was typed

    @property
    def date(self) -> dt.date:
        return self.at.date()


class WhenUnclear(NhacViecError):
    """A typed date/time that cannot be read, is impossible, or is ambiguous."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"unclear date/time {text!r}: {problem}", f"{problem} {FORMS}")
        self.text = text
        self.problem = problem


@dataclass(frozen=True, kw_only=True)
class _Tok:
    raw: str  # lower-case NFC, as typed
    key: str  # without diacritics

    @property
    def marked(self) -> bool:
        return self.raw != self.key


NUMBERS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
TEENS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "lam": 5, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
WEEKDAY_WORDS = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
PARTS = {"sang": 8, "trua": 12, "chieu": 14, "toi": 19, "dem": 22}
PART_NAMES = {"sang": "sáng", "trua": "trưa", "chieu": "chiều", "toi": "tối", "dem": "đêm"}
THIS, NEXT, PREV = 0, 1, -1
FILLER = {"den", "toi", "truoc", "vao", "luc", "han", "la", "het", "cua", "trong", "sang", "a", "nhe", "khoang",
          "buoi", "ngay", "chot"}
FILLER_PAIRS = {("cham", "nhat"), ("muon", "nhat"), ("thoi", "han"), ("thoi", "diem")}
DAY_WORDS = {"nay", "mai", "mot", "kia", "hom"}  # what may follow "tối"/"sáng" typed without marks
UNITS = {"ngay", "tuan", "thang", "nam", "tieng", "gio", "phut"}

MONTH_YEAR = re.compile(r"(\d{1,2})[/.\-](\d{4})")
DMY = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
CLOCK = re.compile(r"^(\d{1,2})(?:h|g|gio)(?:(\d{1,2})(?:p|ph|phut)?)?$")
COLON = re.compile(r"^(\d{1,2}):(\d{2})$")
WEEKDAY_SHORT = re.compile(r"^t([2-7])$")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# a quarter by its number, with its year or not: "iv", "4", "iv/2023", "4/2022" (a token, folded)
QUARTER_NAMED = re.compile(r"(?P<n>i{1,3}|iv|v|\d)(?:[/.\-](?P<year>\d{4}))?")


def parse_when(text: str, *, now: dt.datetime, calendar: WorkingCalendar | None = None) -> When:
    """Read `text` as a date/time relative to `now` (aware); raise WhenUnclear if it cannot be read. Working days
    ("5 ngày làm việc nữa", "trước/sau Tết") are counted by `calendar` (the one with the admin's corrections, in the
    conversation), else by the `holidays` package alone."""
    if now.tzinfo is None:
        raise ValueError("parse_when needs an aware `now`")
    shown = " ".join(nfc(text or "").split())
    if not shown:
        raise WhenUnclear("", "Chưa có ngày giờ.")
    if len(shown) > MAX_LENGTH:
        raise WhenUnclear(shown[:40], "Ngày giờ quá dài.")
    return _Parser(shown, now.astimezone(VN_TZ), calendar or _working_calendar()).parse()


def leading_when(text: str, *, now: dt.datetime,
                 calendar: WorkingCalendar | None = None) -> tuple[When, str] | None:
    """The longest run of leading words that reads as a date/time, and the rest of the text:
    "30/4 vì chờ số liệu" → (30/4, "vì chờ số liệu"). None if no leading words do."""
    text = nfc(text or "")
    ends = [m.end() for m in re.finditer(r"\S+", text)][:20]
    for end in reversed(ends):
        try:
            when = parse_when(text[:end].rstrip(",;:"), now=now, calendar=calendar)
        except WhenUnclear:
            continue
        return when, text[end:].strip(" ,;:.")
    return None


def _tokens(text: str) -> list[_Tok]:
    low = re.sub(r"(\d)\s*([/:])\s*(\d)", r"\1\2\3", text.lower())  # "30 / 4" → "30/4"
    out = []
    for word in re.findall(r"[^\s,;!?()\[\]]+", low):
        word = word.strip(".:…\"'“”«»‘’-–—")
        if word:
            out.append(_Tok(raw=word, key=strip_marks(word)))
    return out


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.cache
def _working_calendar() -> WorkingCalendar:
    return WorkingCalendar()


@functools.cache
def _tet(year: int) -> dt.date | None:
    """The first day of Tết Nguyên đán in a Gregorian year, as the `holidays` calendar knows it."""
    for day, name in holidays.country_holidays("VN", language="vi", years=year).items():
        if "Tết Nguyên Đán" in [part.strip() for part in name.split(";")]:
            return day
    return None


def lunar_first_month_end(tet: dt.date) -> dt.date:
    """The last day of the lunar first month (tháng Giêng) whose first day is `tet`: the day before the next new moon
    in Vietnam's time (UTC+7), by the astronomical new-moon formula of Hồ Ngọc Đức's Vietnamese lunar calendar (the
    `holidays` package knows Tết's date, not the months' lengths)."""
    jd = tet.toordinal() + _JDN_OFFSET
    k = round((jd - 2415021.076998695) / 29.530588853)
    return dt.date.fromordinal(_new_moon_day(k + 1) - _JDN_OFFSET) - dt.timedelta(days=1)


_JDN_OFFSET = 1721425  # date.toordinal() + this: the Julian day number


def _new_moon_day(k: int, time_zone: float = 7.0) -> int:
    """The Julian day number of the day (local time) of the k-th new moon after 1 January 1900."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr) - 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 += -0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 += -0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    delta_t = (0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 if t < -11
               else -0.000278 + 0.000265 * t + 0.000262 * t2)
    return int(jd1 + c1 - delta_t + 0.5 + time_zone / 24)


class _Parser:
    def __init__(self, text: str, now: dt.datetime, calendar: WorkingCalendar) -> None:
        self.text = text
        self.calendar = calendar
        self.now = now
        self.today = now.date()
        self.toks = _tokens(text)
        self.has_marks = any(t.marked for t in self.toks)
        self.day: dt.date | None = None
        self.day_words = ""
        self.hour: int | None = None
        self.minute = 0
        self.hour_words = ""
        self.part: str | None = None
        self.exact: dt.datetime | None = None
        self.weekday: tuple[int, str] | None = None  # a bare "thứ 6": checked against a typed date, if any
        self.after_break = False  # "sau lễ …": the working day after that holiday's days off

    # --- reading ---------------------------------------------------------------------------------

    def key(self, i: int) -> str:
        return self.toks[i].key if 0 <= i < len(self.toks) else ""

    def raw(self, i: int) -> str:
        return self.toks[i].raw if 0 <= i < len(self.toks) else ""

    def words(self, i: int, j: int) -> str:
        return " ".join(t.raw for t in self.toks[i:j])

    def unclear(self, problem: str) -> WhenUnclear:
        return WhenUnclear(self.text, problem)

    def parse(self) -> When:
        matchers: list[Callable[[int], int | None]] = [
            self.m_after_holiday, self.m_tet, self.m_count, self.m_numeric_date, self.m_word_date, self.m_weekday,
            self.m_period, self.m_relative_day, self.m_clock, self.m_part,
        ]
        i = 0
        while i < len(self.toks):
            for matcher in matchers:
                nxt = matcher(i)
                if nxt is not None:
                    i = nxt
                    break
            else:
                if (self.key(i), self.key(i + 1)) in FILLER_PAIRS:
                    i += 2
                elif self.key(i) in FILLER:
                    i += 1
                else:
                    raise self.unclear(f"Chưa hiểu “{self.raw(i)}” trong “{self.text}”.")
        if self.after_break:  # "sau lễ 30/4": the first working day once that holiday's days off are over
            base = self.day or self._next_day_off()
            self.day = self.calendar.working_day_on_or_after(base + dt.timedelta(days=1))
        return self.result()

    def _next_day_off(self) -> dt.date:
        """The next public holiday after today (for "sau lễ" alone)."""
        day = self.today + dt.timedelta(days=1)
        for _ in range(400):
            if self.calendar.holiday_name(day):
                return day
            day += dt.timedelta(days=1)
        raise self.unclear("Chưa tra được ngày lễ.")

    # "sau lễ 30/4", "sau kỳ nghỉ lễ 30/4", "sau dịp lễ Quốc khánh", "sau Quốc khánh"
    _HOLIDAY_WORDS = {"dip", "ky", "ki", "nghi"}

    def m_after_holiday(self, i: int) -> int | None:
        if self.key(i) != "sau":
            return None
        j = i + 1
        while self.key(j) in self._HOLIDAY_WORDS:
            j += 1
        named = self.key(j) == "le"
        if named:
            j += 1
        if self.key(j) == "quoc" and self.key(j + 1) == "khanh":  # National Day, 2/9
            year = self.today.year if dt.date(self.today.year, 9, 2) >= self.today else self.today.year + 1
            self.set_day(dt.date(year, 9, 2), i, j + 2)
            j += 2
        elif not named:
            return None
        self.after_break = True
        return j

    def result(self) -> When:
        if self.exact is not None:
            if self.day is not None or self.weekday is not None or self.hour is not None or self.part is not None:
                raise self.unclear(f"“{self.text}” vừa có khoảng thời gian vừa có ngày giờ, chưa rõ ý.")
            return When(at=self.exact, has_time=True)
        if self.day is None and self.weekday is None and self.hour is None and self.part is None:
            raise self.unclear(f"Chưa thấy ngày giờ trong “{self.text}”.")
        if self.weekday is not None:
            weekday, words = self.weekday
            if self.day is None:
                self.day = self.today + dt.timedelta(days=(weekday - self.today.weekday()) % 7 or 7)
            elif self.day.weekday() != weekday:
                raise self.unclear(f"“{words}” không khớp với ngày {self.day:%d/%m/%Y} "
                                   f"({WEEKDAY_NAMES[self.day.weekday()]}).")
        has_time = self.hour is not None or self.part is not None
        hour, minute = self.clock_time()
        day = self.day or self.today
        at = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=VN_TZ)
        if self.day is None and at <= self.now:  # a time alone is the next such time
            at = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(hour, minute), tzinfo=VN_TZ)
        return When(at=at, has_time=has_time)

    def clock_time(self) -> tuple[int, int]:
        if self.hour is None:
            return (PARTS[self.part], 0) if self.part else (DEFAULT_TIME.hour, DEFAULT_TIME.minute)
        hour, minute, part = self.hour, self.minute, self.part
        if part is None:
            if 1 <= hour <= 5:
                raise self.unclear(f"“{self.hour_words}” chưa rõ là sáng hay chiều: đồng chí ghi rõ "
                                   f"“{hour}h sáng” hoặc “{hour + 12}h”.")
            return END_OF_DAY if hour == 24 else (hour, minute)
        allowed: dict[str, tuple[range, range]] = {  # (as typed, add 12)
            "sang": (range(0, 12), range(0)),
            "trua": (range(10, 15), range(1, 3)),
            "chieu": (range(12, 20), range(1, 8)),
            "toi": (range(17, 24), range(5, 12)),
            "dem": (range(20, 24), range(8, 12)),
        }
        same, plus = allowed[part]
        if part == "dem" and hour in (12, 24) and minute == 0:
            return END_OF_DAY
        if hour in same:
            return hour, minute
        if hour in plus:
            return hour + 12, minute
        raise self.unclear(f"“{self.hour_words}” không khớp với buổi {PART_NAMES[part]}.")

    # --- setting, with contradictions refused ----------------------------------------------------

    def set_day(self, day: dt.date, i: int, j: int) -> int:
        if self.day is not None and self.day != day:
            raise self.unclear(f"“{self.day_words}” và “{self.words(i, j)}” là hai ngày khác nhau "
                               f"({self.day:%d/%m/%Y} và {day:%d/%m/%Y}).")
        self.day = day
        self.day_words = self.words(i, j)
        return j

    def set_clock(self, hour: int, minute: int, i: int, j: int) -> int:
        words = self.words(i, j)
        if hour > 24 or minute > 59 or (hour == 24 and minute):
            raise self.unclear(f"Giờ “{words}” không có thật.")
        if self.hour is not None and (self.hour, self.minute) != (hour, minute):
            raise self.unclear(f"“{self.hour_words}” và “{words}” là hai giờ khác nhau.")
        self.hour, self.minute, self.hour_words = hour, minute, words
        return j

    def set_part(self, part: str, i: int) -> None:
        if self.part is not None and self.part != part:
            raise self.unclear(f"“{self.text}” có hai buổi khác nhau.")
        self.part = part
        if self.hour_words:
            self.hour_words += f" {self.raw(i)}"

    def make_date(self, year: int, month: int, day: int, i: int, j: int) -> dt.date:
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise self.unclear(f"Ngày “{self.words(i, j)}” không có trong lịch.") from None

    def rolled(self, month: int, day: int, i: int, j: int) -> dt.date:
        """A day/month without a year: this year's, or next year's if it has passed."""
        if month == 2 and day == 29:  # the next 29/2 that exists
            year = self.today.year
            while not calendar.isleap(year) or dt.date(year, 2, 29) < self.today:
                year += 1
            return dt.date(year, 2, 29)
        date = self.make_date(self.today.year, month, day, i, j)
        return date if date >= self.today else date.replace(year=date.year + 1)

    # --- small readers -------------------------------------------------------------------------------

    def number(self, i: int) -> tuple[int, int] | None:
        """A count or hour at i, as digits or words ("hai", "mười một"): (value, next index)."""
        key, raw = self.key(i), self.raw(i)
        if key.isdigit() and len(key) <= 3:
            return int(key), i + 1
        if key == "muoi":
            if self.key(i + 1) in TEENS and self.key(i + 2) in UNITS | {"h", "g"}:
                return 10 + TEENS[self.key(i + 1)], i + 2
            return 10, i + 1
        if key in NUMBERS and raw != "mốt" and not (key == "sau" and raw == "sau"):
            return NUMBERS[key], i + 1
        return None

    def year_after(self, j: int) -> tuple[int, int] | None:
        """ "năm 2027" at j."""
        if self.key(j) == "nam" and re.fullmatch(r"\d{4}", self.key(j + 1)):
            return int(self.key(j + 1)), j + 2
        return None

    def is_next(self, i: int) -> bool:
        """ "sau", "tới", "kế tiếp" meaning the next one ("tối" is evening, not "next")."""
        return self.key(i) in ("sau", "ke", "toi") and self.raw(i) not in ("sáu", "tối")

    def modifier(self, i: int) -> tuple[int | None, int]:
        """ "này" / "sau", "tới" / "trước" after a week, month, quarter or year word."""
        key = self.key(i)
        if key == "nay" and self.raw(i) != "nấy":
            return THIS, i + 1
        if self.is_next(i):
            return NEXT, i + 2 if key == "ke" and self.key(i + 1) == "tiep" else i + 1
        if key == "truoc" and self.key(i + 1) not in ("tet",):
            return PREV, i + 1
        return None, i

    # --- matchers: each returns the index after what it read, or None ----------------------------

    def m_tet(self, i: int) -> int | None:
        key = self.key(i)
        if (lunar := self.m_lunar(i)) is not None:
            return lunar
        if key in ("truoc", "sau", "ra", "het", "qua") and self.key(i + 1) == "tet":
            # ("hết Tết", "qua Tết": when the break is over, as "sau Tết")
            kind, j = ("sau" if key in ("het", "qua") else key), i + 2
        elif key == "ra" and self.key(i + 1) == "gieng":  # "ra Giêng": once the new year has begun, after Tết
            kind, j = "sau", i + 2
        elif key == "giao" and self.key(i + 1) == "thua":  # New Year's Eve
            kind, j = "mung0", i + 2
        elif key == "ram" and (self.key(i + 1) == "gieng" or self.key(i + 1) == "thang" and
                               self.key(i + 2) == "gieng"):  # "rằm tháng Giêng": the 15th of the first month
            kind, j = "mung15", i + (2 if self.key(i + 1) == "gieng" else 3)
        elif key == "tet":
            kind, j = "tet", i + 1
        elif key in ("mung", "mong") and (n := self.number(i + 1)) and 1 <= n[0] <= 10 and (
                self.key(i + 2) == "tet" or self.key(i + 2) == "thang" and self.key(i + 3) == "gieng"):
            # "mùng 3 Tết", "mồng 8 tháng Giêng"
            kind, j = f"mung{n[0]}", i + (3 if self.key(i + 2) == "tet" else 4)
        else:
            return None
        if self.key(j) == "nguyen" and self.key(j + 1) == "dan":
            j += 2
        def day_of(tet: dt.date) -> dt.date:
            if kind == "truoc":  # before the Tết break: its last working day (giao thừa itself is a day off)
                return self.calendar.working_day_on_or_before(tet - dt.timedelta(days=1))
            if kind in ("sau", "ra"):
                return self.calendar.working_day_on_or_after(tet + dt.timedelta(days=1))
            return tet if kind == "tet" else tet + dt.timedelta(days=int(kind[4:]) - 1)

        return self.next_tet_day(day_of, i, j)

    def m_lunar(self, i: int) -> int | None:
        """Phrases of the lunar new year a cadre types in a request (probe 22, F3): "tuần sau Tết" (also "sang tuần
        sau Tết", "tuần đầu sau Tết"): the last working day of the first whole working week after the Tết break;
        "hết tháng Giêng", "cuối tháng Giêng": the last day of the LUNAR first month; "sau rằm tháng Giêng": the
        first working day after lunar 15/1."""
        key, j = self.key(i), i + 1
        if key == "tuan" and self.key(j) == "dau":
            j += 1
        if key == "tuan" and self.key(j) == "sau" and self.key(j + 1) == "tet":
            kind, j = "week", j + 2
        elif key in ("het", "cuoi") and (self.key(j) == "gieng" or self.key(j) == "thang" and
                                         self.key(j + 1) == "gieng"):
            kind, j = "end", j + (1 if self.key(j) == "gieng" else 2)
        elif key == "sau" and self.key(j) == "ram" and (self.key(j + 1) == "gieng" or self.key(j + 1) == "thang" and
                                                         self.key(j + 2) == "gieng"):
            kind, j = "after15", j + (2 if self.key(j + 1) == "gieng" else 3)
        else:
            return None
        if self.key(j) == "nguyen" and self.key(j + 1) == "dan":
            j += 2
        def day_of(tet: dt.date) -> dt.date:
            if kind == "week":
                back = self.calendar.working_day_on_or_after(tet + dt.timedelta(days=1))
                monday = back - dt.timedelta(days=back.weekday()) + (dt.timedelta(weeks=1) if back.weekday() else
                                                                      dt.timedelta(0))
                return self.calendar.working_day_on_or_before(monday + dt.timedelta(days=4))
            if kind == "end":
                return lunar_first_month_end(tet)
            return self.calendar.working_day_on_or_after(tet + dt.timedelta(days=15))

        return self.next_tet_day(day_of, i, j)

    def next_tet_day(self, day_of: Callable[[dt.date], dt.date], i: int, j: int) -> int:
        """The first day, from today on, that `day_of` gives for this year's Tết or next year's (its first day)."""
        for year in (self.today.year, self.today.year + 1):
            tet = _tet(year)
            if tet is not None and (day := day_of(tet)) >= self.today:
                return self.set_day(day, i, j)
        raise self.unclear("Chưa tra được ngày Tết.")

    def m_count(self, i: int) -> int | None:
        """ "2 ngày nữa", "sau 3 tuần", "5 ngày làm việc nữa", "2 tiếng nữa"."""
        before = self.key(i) == "sau"
        start = i + 1 if before else i
        if self.raw(start) == "mốt":
            return None
        n = self.number(start)
        if n is None:
            return None
        count, j = n
        unit = self.key(j)
        if unit not in UNITS:
            return None
        j += 1
        working = unit == "ngay" and self.key(j) == "lam" and self.key(j + 1) == "viec"
        if working:
            j += 2
        if self.key(j) == "nua" or self.is_next(j):
            j += 1
        elif not before:
            return None
        if count > 1000:
            raise self.unclear(f"“{self.words(i, j)}” quá xa.")
        if unit in ("tieng", "gio", "phut"):
            if self.exact is not None:
                raise self.unclear(f"“{self.text}” có hai khoảng thời gian.")
            delta = dt.timedelta(minutes=count) if unit == "phut" else dt.timedelta(hours=count)
            self.exact = (self.now + delta).replace(second=0, microsecond=0)
            return j
        if unit == "ngay":
            day = (self.calendar.add_working_days(self.today, count) if working
                   else self.today + dt.timedelta(days=count))
        elif unit == "tuan":
            day = self.today + dt.timedelta(weeks=count)
        else:
            day = _add_months(self.today, count * (12 if unit == "nam" else 1))
        return self.set_day(day, i, j)

    def m_numeric_date(self, i: int) -> int | None:
        """ "30/4", "ngày 30/4/2027", "30-4-27", "30.4", "2027-04-30", "30/4 năm 2027"."""
        start = i + 1 if self.key(i) in ("ngay", "mung") else i
        key = self.key(start)
        if m := ISO.match(key):
            return self.set_day(self.make_date(int(m[1]), int(m[2]), int(m[3]), i, start + 1), i, start + 1)
        m = DMY.match(key)
        if not m:
            return None
        day, month, j = int(m[1]), int(m[3]), start + 1
        year: int | None = None
        if m[4]:
            year = int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        elif y := self.year_after(j):
            year, j = y
        if year is None:
            date = self.rolled(month, day, i, j)
            if self.key(j) == "nay" and self.raw(j) != "nấy":
                j += 1
        else:
            date = self.make_date(year, month, day, i, j)
        return self.set_day(date, i, j)

    def m_word_date(self, i: int) -> int | None:
        """ "ngày 5 tháng 6 [năm 2027]", "5 tháng 6", "ngày 5 tháng sau", "ngày 5"."""
        named = self.key(i) in ("ngay", "mung")
        start = i + 1 if named else i
        if not self.key(start).isdigit() or len(self.key(start)) > 2:
            return None
        day, j = int(self.key(start)), start + 1
        if self.key(j) != "thang":
            if not named:
                return None
            if self.key(j) in UNITS | {"lam"}:  # "ngày 2 tuần" is not a date
                return None
            date = self.make_date(self.today.year, self.today.month, day, i, j)
            if date < self.today:
                date = _add_months(date, 1)
                if date.day != day:
                    raise self.unclear(f"Tháng sau không có “{self.words(i, j)}”.")
            return self.set_day(date, i, j)
        j += 1
        which, after = self.modifier(j)
        if which is not None:
            month_start = _add_months(self.today.replace(day=1), which)
            return self.set_day(self.make_date(month_start.year, month_start.month, day, i, after), i, after)
        if not self.key(j).isdigit():
            return None
        month, j = int(self.key(j)), j + 1
        if y := self.year_after(j):
            year, j = y
            return self.set_day(self.make_date(year, month, day, i, j), i, j)
        return self.set_day(self.rolled(month, day, i, j), i, j)

    def weekday_at(self, i: int) -> tuple[int, int] | None:
        key = self.key(i)
        if key == "thu":
            nxt = self.key(i + 1)
            if nxt in ("2", "3", "4", "5", "6", "7"):
                return int(nxt) - 2, i + 2
            if nxt in WEEKDAY_WORDS:
                return WEEKDAY_WORDS[nxt], i + 2
            return None
        if m := WEEKDAY_SHORT.match(key):
            return int(m[1]) - 2, i + 1
        if key == "chu" and self.key(i + 1) == "nhat":
            return 6, i + 2
        if key == "cn":
            return 6, i + 1
        return None

    def m_weekday(self, i: int) -> int | None:
        """ "thứ 6", "thứ sáu tuần này", "thứ 6 tuần sau", "thứ hai tới", "chủ nhật", "T6"."""
        found = self.weekday_at(i)
        if found is None:
            return None
        weekday, j = found
        monday = self.today - dt.timedelta(days=self.today.weekday())
        if self.key(j) == "cua":
            j += 1
        if self.key(j) == "tuan":
            which, after = self.modifier(j + 1)
            if which is None:
                return None
            return self.set_day(monday + dt.timedelta(weeks=which, days=weekday), i, after)
        which, after = self.modifier(j)
        if which == THIS:
            return self.set_day(monday + dt.timedelta(days=weekday), i, after)
        if which == NEXT:  # "thứ hai tới": the coming Monday, as a bare weekday
            j = after
        if self.weekday is not None and self.weekday[0] != weekday:
            raise self.unclear(f"“{self.weekday[1]}” và “{self.words(i, j)}” là hai ngày khác nhau.")
        self.weekday = (weekday, self.words(i, j))
        return j

    def m_period(self, i: int) -> int | None:
        """ "cuối tuần", "đầu tuần sau", "cuối tháng", "cuối tháng 3", "cuối quý", "cuối năm",
        "tuần sau", "tháng tới", "năm sau", "cuối ngày"."""
        edge = self.key(i)
        if edge == "het" and self.key(i + 1) in ("tuan", "thang", "quy", "nam"):  # "hết tháng 4": its end
            edge = "cuoi"
        if edge in ("cuoi", "dau", "giua"):
            unit, j = self.key(i + 1), i + 2
            if unit == "ngay" and edge == "cuoi":  # "cuối ngày": the end of office hours
                return self.set_clock(17, 0, i, j)
        else:
            edge, unit, j = "", edge, i + 1
        if unit not in ("tuan", "thang", "quy", "nam"):
            return None
        if not edge and unit == "quy" and QUARTER_NAMED.fullmatch(self.key(j)):
            edge = "cuoi"  # "quý IV", "trong quý 4/2022", "quý III năm 2026": a deadline by the quarter's end
        if not edge and unit == "nam" and re.fullmatch(r"\d{4}", self.key(j)):
            edge = "cuoi"  # "trong năm 2026": by the year's end, as a notice's deadline reads
        which, after = self.modifier(j)
        today = self.today
        if not edge:  # "tuần sau", "tháng tới", "năm sau": the same day one unit later
            if which != NEXT or unit == "quy":
                return None
            if unit == "tuan":
                return self.set_day(today + dt.timedelta(weeks=1), i, after)
            return self.set_day(_add_months(today, 12 if unit == "nam" else 1), i, after)
        if unit == "tuan":
            offset = {"cuoi": 4, "dau": 0, "giua": 2}[edge]
            monday = today - dt.timedelta(days=today.weekday())
            if which is None:
                day = monday + dt.timedelta(days=offset)
                if day < today or (edge == "dau" and day == today):
                    day += dt.timedelta(weeks=1)
                return self.set_day(day, i, j)
            return self.set_day(monday + dt.timedelta(weeks=which, days=offset), i, after)
        if unit == "thang":
            if which is not None:
                first, j = _add_months(today.replace(day=1), which), after
            elif self.key(j).isdigit() or MONTH_YEAR.fullmatch(self.key(j)):
                month_year = MONTH_YEAR.fullmatch(self.key(j))  # "cuối tháng 3/2026"
                month, j = int(month_year[1] if month_year else self.key(j)), j + 1
                if not 1 <= month <= 12:
                    raise self.unclear(f"“{self.words(i, j)}”: không có tháng {month}.")
                if month_year:
                    first = dt.date(int(month_year[2]), month, 1)
                elif y := self.year_after(j):
                    first, j = dt.date(y[0], month, 1), y[1]
                else:
                    first = dt.date(today.year, month, 1)
                    if self.month_edge(edge, first) < today:
                        first = first.replace(year=today.year + 1)
            else:
                first = today.replace(day=1)
                if self.month_edge(edge, first) < today or (edge == "dau" and first == today):
                    first = _add_months(first, 1)
            return self.set_day(self.month_edge(edge, first), i, j)
        if unit == "quy":
            quarter_first = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
            if which is not None:
                first, j = _add_months(quarter_first, 3 * which), after
            elif (named := QUARTER_NAMED.fullmatch(self.key(j))) is not None:
                n = ROMAN.get(named["n"]) or (int(named["n"]) if named["n"].isdigit() else 0)
                if not 1 <= n <= 4:
                    raise self.unclear(f"“{self.words(i, j + 1)}”: một năm chỉ có 4 quý.")
                j += 1
                if named["year"]:  # "quý IV/2023", "quý 4/2022"
                    first = dt.date(int(named["year"]), 3 * n - 2, 1)
                elif y := self.year_after(j):
                    first, j = dt.date(y[0], 3 * n - 2, 1), y[1]
                else:
                    first = dt.date(today.year, 3 * n - 2, 1)
                    if self.quarter_edge(edge, first) < today:
                        first = first.replace(year=today.year + 1)
            else:
                first = quarter_first
                if self.quarter_edge(edge, first) < today or (edge == "dau" and first == today):
                    first = _add_months(first, 3)
            return self.set_day(self.quarter_edge(edge, first), i, j)
        # unit == "nam"
        if which is not None:
            year, j = today.year + which, after
        elif re.fullmatch(r"\d{4}", self.key(j)):
            year, j = int(self.key(j)), j + 1
        else:
            year = today.year
            if self.year_edge(edge, year) < today or (edge == "dau" and self.year_edge(edge, year) == today):
                year += 1
        return self.set_day(self.year_edge(edge, year), i, j)

    @staticmethod
    def month_edge(edge: str, first: dt.date) -> dt.date:
        if edge == "cuoi":
            return _month_end(first.year, first.month)
        return first if edge == "dau" else first.replace(day=15)

    @staticmethod
    def quarter_edge(edge: str, first: dt.date) -> dt.date:
        if edge == "cuoi":
            return _month_end(first.year, first.month + 2)
        return first if edge == "dau" else first.replace(month=first.month + 1, day=15)

    @staticmethod
    def year_edge(edge: str, year: int) -> dt.date:
        return {"cuoi": dt.date(year, 12, 31), "dau": dt.date(year, 1, 1), "giua": dt.date(year, 6, 30)}[edge]

    def m_relative_day(self, i: int) -> int | None:
        """ "hôm nay", "nay", "ngày mai", "mai", "ngày kia", "ngày mốt", "mốt"."""
        key, j = self.key(i), i
        if key in ("ngay", "hom") and self.key(i + 1) in ("nay", "mai", "kia", "mot", "hom"):
            if key == "hom" and self.key(i + 1) != "nay":
                return None  # "hôm kia" is the day before yesterday: not a deadline
            j = i + 1
            if self.key(j) == "hom" and self.key(j + 1) == "nay":
                j += 1
        word = self.key(j)
        if word == "nay" and self.raw(j) != "nấy":
            offset = 0
        elif word == "mai" and self.raw(j) == "mai":
            offset = 1
        elif word == "kia" and j > i:
            offset = 2
        elif word == "mot" and (self.raw(j) == "mốt" or (self.raw(j) == "mot" and self.key(j + 1) not in UNITS)):
            offset = 2
        else:
            return None
        return self.set_day(self.today + dt.timedelta(days=offset), i, j + 1)

    def m_clock(self, i: int) -> int | None:
        """ "10h", "15h30", "15:30", "9 giờ", "9 giờ 30 phút", "10h rưỡi", then "sáng"/"chiều"/… ."""
        key = self.key(i)
        minute: int | None = None
        if m := CLOCK.match(key) or COLON.match(key):
            hour, j = int(m[1]), i + 1
            if m[2] is not None:
                minute = int(m[2])
        else:
            n = self.number(i)
            if n is None or self.key(n[1]) not in ("gio", "h", "g"):
                return None
            hour, j = n[0], n[1] + 1
        if minute is None:
            if self.key(j) == "ruoi":
                minute, j = 30, j + 1
            elif self.key(j).isdigit() and len(self.key(j)) <= 2 and self.key(j + 1) not in UNITS - {"phut"}:
                minute, j = int(self.key(j)), j + 1
                if self.key(j) in ("phut", "p"):
                    j += 1
        end = self.set_clock(hour, minute or 0, i, j)
        part = self.part_at(end, after_clock=True)
        if part is not None:
            self.set_part(part, end)
            return end + 1
        return end

    def part_at(self, i: int, *, after_clock: bool = False) -> str | None:
        key, raw = self.key(i), self.raw(i)
        if key not in PARTS:
            return None
        if key == "sang" and raw == "sang" and (self.has_marks or not self.bare_part_fits(i, after_clock)):
            return None  # "sang" is "to" ("lùi sang thứ 6")
        if key == "toi" and raw != "tối" and (raw == "tới" or not self.bare_part_fits(i, after_clock)):
            return None  # "tới" is "until" or "next"
        return key

    def bare_part_fits(self, i: int, after_clock: bool) -> bool:
        """ "sang"/"toi" without marks read as a part of the day: after a time, before "nay"/"mai",
        or as the last word."""
        return after_clock or self.key(i + 1) in DAY_WORDS or i == len(self.toks) - 1

    def m_part(self, i: int) -> int | None:
        """ "sáng", "trưa", "chiều", "tối", "đêm" (with "mai", "nay", a weekday … read separately)."""
        part = self.part_at(i)
        if part is None:
            return None
        self.set_part(part, i)
        return i + 1
