"""Recurring duties as occurrences (pure).

A recurring duty ("báo cáo trước ngày 20 hằng tháng", "hằng quý", "6 tháng, hằng năm",
"định kỳ hằng tuần vào thứ Sáu") is a `RecurrenceRule`; each period of it is an
`Occurrence` with its own label ("tháng 3/2026"), period and nominal deadline
(2026-03-20). The policy judges each occurrence like a task with that deadline (a
deadline on a day off moves to the next working day there, not here).

The rule comes from what the parser stored: the task's `recurrence` value
(`daily`, `weekly`, `biweekly`, `monthly`, `quarterly`, `semiannual`/`half-yearly`,
`yearly`) and its wording (task text and `due_text`), which names the day of each
round ("ngày 20", "thứ Sáu", "ngày 20 của tháng cuối quý", "ngày 05 tháng sau",
"15/12"), a start ("từ tháng 4/2026") and an end ("đến hết năm 2026", "trong 6 tháng").

The series starts with the first period that contains `starts_on` and whose deadline is
not before it (a duty registered on 25/03 with "trước ngày 20 hằng tháng" starts with
April's round) nor on or before `first_due_after` (`rule_from_task` sets it to the day of
registration: a round due that very day is not the first; `scheduler.series` moves it on to
rounds too close to be met), and stops after `until` (no period starting later) or `count` rounds.

A round is named by the period it reports on only when that is certain: its deadline is at or
after the period's end ("ngày 05 tháng sau" → "tháng 3/2026", "hằng quý" → "quý I/2026"), or
in the last month of a quarter, half-year or year ("ngày 20 của tháng cuối quý", "15/12"), or
in the second half of its week; or when the wording names the previous period ("báo cáo kết
quả tháng trước, trước ngày 10 hằng tháng" → the round due 10/02/2027 is "tháng 1/2027").
Otherwise (a monthly report "trước ngày 10 hằng tháng": about January, or February so far?)
it is named by its deadline, "hạn 10/02/2027" (shown as "kỳ hạn 10/02/2027"), never a guess.

A period with no working day in it (the Tết week, 16–20/02/2026; a daily round on a public holiday) has no round:
there was no working week to report on, and an office does not expect "báo cáo tuần" for a week everyone was off —
nor that week's report to fall due on the first day back, beside the next week's. The series goes from the round
before it to the round after it. The rule knows working days only through `working_day` (`scheduler.series` gives
it the calendar's); without it every period has its round (probe 21, F12)."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from storage.vntext import nfc, strip_marks


class Frequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        """Length of a period in months (0 for day- and week-based periods)."""
        return {"monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12}.get(self.value, 0)


_ALIASES = {
    "half-yearly": Frequency.SEMIANNUAL, "halfyearly": Frequency.SEMIANNUAL, "semi-annual": Frequency.SEMIANNUAL,
    "annual": Frequency.YEARLY, "annually": Frequency.YEARLY, "fortnightly": Frequency.BIWEEKLY,
}
_ROMAN = ("I", "II", "III", "IV")


def frequency_of(value: str | None) -> Frequency | None:
    """The parser's recurrence value as a `Frequency` (None for none or an unknown value)."""
    if not value:
        return None
    key = value.strip().lower()
    if key in _ALIASES:
        return _ALIASES[key]
    try:
        return Frequency(key)
    except ValueError:
        return None


@dataclass(frozen=True, kw_only=True)
class RecurrenceRule:
    frequency: Frequency
    starts_on: dt.date
    # month-based periods: the deadline is day `due_day` of the month `due_month_offset` months after the
    # period's first month (monthly 20th: 20, 0; "ngày 20 của tháng cuối quý": 20, 2; "ngày 05 tháng sau":
    # 5, 1). None: the period's last day.
    due_day: int | None = None
    due_month_offset: int | None = None
    # week-based periods: the weekday of the deadline (0 = Monday); None: Friday of the (last) week
    due_weekday: int | None = None
    # "6 tháng, hằng năm": the second half-year round is the year's report ("năm 2026")
    with_annual: bool = False
    until: dt.date | None = None
    count: int | None = None
    # a round due on or before this day is not the first (registration day, or the last day too close to it)
    first_due_after: dt.date | None = None
    # the wording names the previous period as the one reported on ("kết quả tháng trước")
    reports_previous: bool = False
    # whether a day is a working day: a period without one has no round (see the module's note); None: every
    # period has its round
    working_day: Callable[[dt.date], bool] | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.due_day is not None and not 1 <= self.due_day <= 31:
            raise ValueError(f"due_day {self.due_day} out of range")
        if self.due_weekday is not None and not 0 <= self.due_weekday <= 6:
            raise ValueError(f"due_weekday {self.due_weekday} out of range")
        if self.due_month_offset is not None and self.due_month_offset < 0:
            raise ValueError("due_month_offset must not be negative")
        if self.count is not None and self.count < 1:
            raise ValueError("count must be at least 1")
        if self.with_annual and self.frequency != Frequency.SEMIANNUAL:
            raise ValueError("with_annual only applies to semiannual rules")


@dataclass(frozen=True, kw_only=True)
class Occurrence:
    period_label: str  # "tháng 3/2026", "quý I/2026", "tuần từ 16/03/2026", "6 tháng đầu năm 2026", "năm 2026"
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date  # nominal deadline; the policy applies the day-off rule

    @property
    def key(self) -> str:
        """A stable slot for storage, unique within a rule: "2026-03-01..2026-03-31"."""
        return f"{self.period_start.isoformat()}..{self.period_end.isoformat()}"

    @property
    def by_deadline(self) -> bool:
        """Named by its deadline ("hạn 10/02/2027"), not by a period."""
        return self.period_label.startswith(DEADLINE_LABEL)

    def title(self) -> str:
        """The round's name with its deadline: "tháng 3/2026, hạn 05/04/2026", or "hạn 10/03/2027" (never a
        "Báo cáo tháng 3/2027" made up from the month of the deadline)."""
        if self.by_deadline:
            return self.period_label
        return f"{self.period_label}, hạn {self.due_on.strftime('%d/%m/%Y')}"


DEADLINE_LABEL = "hạn "


def deadline_label(due_on: dt.date) -> str:
    """The name of a round whose reported period is not certain: "hạn 10/02/2027" ("kỳ hạn 10/02/2027")."""
    return f"{DEADLINE_LABEL}{due_on.strftime('%d/%m/%Y')}"


# -- periods -----------------------------------------------------------------------------------------


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _day_in_month(index: int, day: int | None) -> dt.date:
    first = _month_start(index)
    last = _cal.monthrange(first.year, first.month)[1]
    return first.replace(day=min(day, last) if day is not None else last)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _weekday_index(day: dt.date) -> int:
    """Office days (Monday–Friday) counted from a fixed origin; a weekend day counts as the Friday before."""
    weeks, weekday = divmod(day.toordinal() - 1, 7)  # ordinal 1 is a Monday
    return weeks * 5 + min(weekday, 4)


def _weekday_from_index(index: int) -> dt.date:
    weeks, weekday = divmod(index, 5)
    return dt.date.fromordinal(weeks * 7 + weekday + 1)


def _period_index(rule: RecurrenceRule, day: dt.date) -> int:
    """The index of the period containing `day` (office days, weeks, fortnights or months since an origin)."""
    f = rule.frequency
    if f == Frequency.DAILY:
        return _weekday_index(day)
    if f == Frequency.WEEKLY:
        return (_monday(day).toordinal() - 1) // 7  # ordinal 1 is a Monday
    if f == Frequency.BIWEEKLY:
        # fortnights anchored on the week the duty starts
        return (_monday(day).toordinal() - _monday(rule.starts_on).toordinal()) // 14
    return _month_index(day) // f.months


def _period(rule: RecurrenceRule, index: int) -> Occurrence:
    """The round of period `index`, named by its period."""
    f = rule.frequency
    if f == Frequency.DAILY:
        day = _weekday_from_index(index)
        return Occurrence(period_label=f"ngày {day:%d/%m/%Y}", period_start=day, period_end=day, due_on=day)
    if f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        weeks = 1 if f == Frequency.WEEKLY else 2
        start = (dt.date.fromordinal(index * 7 + 1) if f == Frequency.WEEKLY
                 else _monday(rule.starts_on) + dt.timedelta(days=14 * index))
        end = start + dt.timedelta(days=7 * weeks - 1)
        weekday = 4 if rule.due_weekday is None else rule.due_weekday
        due = start + dt.timedelta(days=7 * (weeks - 1) + weekday)
        label = f"tuần từ {start:%d/%m/%Y}" if weeks == 1 else f"kỳ từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}"
        return Occurrence(period_label=label, period_start=start, period_end=end, due_on=due)
    months = f.months
    first_month = index * months
    start = _month_start(first_month)
    end = _day_in_month(first_month + months - 1, None)
    if rule.due_day is None and rule.due_month_offset is None:
        due = end
    else:
        offset = months - 1 if rule.due_month_offset is None else rule.due_month_offset
        due = _day_in_month(first_month + offset, rule.due_day)
    year = start.year
    if f == Frequency.MONTHLY:
        label = f"tháng {start.month}/{year}"
    elif f == Frequency.QUARTERLY:
        label = f"quý {_ROMAN[(start.month - 1) // 3]}/{year}"
    elif f == Frequency.SEMIANNUAL:
        if start.month == 1:
            label = f"6 tháng đầu năm {year}"
        elif rule.with_annual:
            label, start = f"năm {year}", dt.date(year, 1, 1)
        else:
            label = f"6 tháng cuối năm {year}"
    else:
        label = f"năm {year}"
    return Occurrence(period_label=label, period_start=start, period_end=end, due_on=due)


def _period_is_certain(rule: RecurrenceRule, occ: Occurrence) -> bool:
    """Whether the round due `occ.due_on` surely reports on its own period (see the module's note)."""
    f = rule.frequency
    if f == Frequency.DAILY or occ.due_on >= occ.period_end:
        return True
    if f in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        return occ.due_on >= occ.period_end - dt.timedelta(days=3)  # Thursday or later of its (last) week
    if f == Frequency.MONTHLY:
        return False  # "trước ngày 10 hằng tháng": January's report, or February's so far?
    return _month_index(occ.due_on) >= _month_index(occ.period_end)  # in the last month of a quarter, year …


def _occurrence(rule: RecurrenceRule, index: int) -> Occurrence:
    occ = _period(rule, index)
    if _period_is_certain(rule, occ):
        return occ
    if rule.reports_previous:  # "kết quả tháng trước": the round due in February is January's
        return replace(occ, period_label=_period(rule, index - 1).period_label)
    return replace(occ, period_label=deadline_label(occ.due_on))


# the longest run of periods with no working day that is skipped (a daily duty over Tết: about nine office days)
_MAX_IDLE = 40


def _idle(rule: RecurrenceRule, index: int) -> bool:
    """Whether period `index` has no working day in it (no round then; see the module's note)."""
    if rule.working_day is None:
        return False
    occ = _period(rule, index)
    days = (occ.period_end - occ.period_start).days + 1
    return days <= 62 and not any(rule.working_day(occ.period_start + dt.timedelta(days=i)) for i in range(days))


def _worked(rule: RecurrenceRule, index: int) -> int:
    """`index`, or the first period after it that has a working day."""
    for _ in range(_MAX_IDLE):
        if not _idle(rule, index):
            return index
        index += 1
    return index


def _earliest_index(rule: RecurrenceRule) -> int:
    """The period holding `starts_on`, or the next if its deadline is earlier (a round a task may point at)."""
    index = _period_index(rule, rule.starts_on)
    return index + 1 if _period(rule, index).due_on < rule.starts_on else index


def _first_index(rule: RecurrenceRule) -> int:
    """Index of the first occurrence: from `_earliest_index`, the first round due after `first_due_after`."""
    index = _earliest_index(rule)
    if rule.first_due_after is not None:
        while _period(rule, index).due_on <= rule.first_due_after:
            index += 1
    return _worked(rule, index)


def _in_series(rule: RecurrenceRule, index: int, first: int) -> bool:
    if index < first or (rule.count is not None and index - first >= rule.count):
        return False
    return rule.until is None or _occurrence(rule, index).period_start <= rule.until


def occurrences(rule: RecurrenceRule, *, limit: int | None = None) -> Iterator[Occurrence]:
    """Every occurrence in order (endless without `until`, `count` or `limit`)."""
    first = index = _first_index(rule)
    given = 0
    while (limit is None or given < limit) and _in_series(rule, index, first):
        if not _idle(rule, index):
            yield _occurrence(rule, index)
            given += 1
        index += 1


def first_occurrence(rule: RecurrenceRule) -> Occurrence | None:
    return next(occurrences(rule, limit=1), None)


def occurrence_for(rule: RecurrenceRule, day: dt.date) -> Occurrence | None:
    """The occurrence whose period contains `day`; None when that period is not part of the series (or, for a
    daily duty, on a weekend)."""
    if rule.frequency == Frequency.DAILY and day.weekday() >= 5:
        return None
    index, first = _period_index(rule, day), _first_index(rule)
    if _earliest_index(rule) <= index < first:
        # a round before the first: one a task stored before the first round was moved past the day of
        # registration points at; still that task's round, so that its "xong" and the roll go on from it
        return _occurrence(rule, index)
    return _occurrence(rule, index) if _in_series(rule, index, first) else None


def next_occurrence(rule: RecurrenceRule, after: dt.date | Occurrence) -> Occurrence | None:
    """The occurrence after `after`: after an `Occurrence`, the series' next round; after a date, the first
    round whose deadline is later than that date. None when the series has ended."""
    first = _first_index(rule)
    if isinstance(after, Occurrence):
        index = _worked(rule, max(_period_index(rule, after.period_end) + 1, first))
    else:
        index = max(_period_index(rule, after) - 2, first)
        while _occurrence(rule, index).due_on <= after:
            index += 1
        index = _worked(rule, index)
    return _occurrence(rule, index) if _in_series(rule, index, first) else None


# -- reading the notice's wording ----------------------------------------------------------------------

_WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4,
             "bay": 5, "7": 5}
_RX_WEEKDAY = re.compile(r"\bthu\s*(hai|ba|tu|nam|sau|bay|[2-7])\b|\bchu\s*nhat\b")
_RX_DAY_MONTH = re.compile(r"\bngay\s*(\d{1,2})\s*(?:/|-|\.|thang\s*)(\d{1,2})\b(?!\s*(?:/|nam)\s*\d{4})")
_RX_DAY = re.compile(r"\bngay\s*(\d{1,2})\b(?!\s*(?:/|-|\.\s*\d|thang\s*\d))")  # "ngày 25." ends a sentence
# "định kỳ trước 25 hằng tháng", "chậm nhất 05 hằng quý": the day written without "ngày", right before the period word
_RX_BARE_DAY = re.compile(
    r"\b(?:truoc|cham\s*nhat(?:\s*la)?|vao|han)\s*(\d{1,2})\s*(?=(?:hang|moi|cua)\s*(?:thang|quy)\b)")
_RX_NEXT_MONTH = re.compile(r"\bthang\s*(?:sau|tiep\s*theo|ke\s*tiep|lien\s*sau)\b")
_RX_LAST_MONTH_OF = re.compile(r"\bthang\s*cuoi\s*(?:cua\s*)?(quy|ky)\b")
_RX_FIRST_MONTH_NEXT = re.compile(r"\b(?:thang\s*dau\s*(?:cua\s*)?)?(quy|ky)\s*(?:sau|tiep\s*theo|ke\s*tiep)\b")
_RX_FIRST_MONTH_OF = re.compile(r"\bthang\s*dau\s*(?:cua\s*)?(quy|ky)\b(?!\s*(?:sau|tiep))")
# "kết quả tháng trước", "số liệu quý trước" (not "hằng tháng trước ngày 10", "tháng trước ngày 5")
_RX_PREVIOUS = re.compile(r"(?<!hang )(?<!moi )\b(?:thang|quy|nam|tuan)\s*truoc\b(?!\s*(?:ngay|\d))")
_RX_NEXT_YEAR = re.compile(r"\bnam\s*(?:sau|tiep\s*theo|ke\s*tiep)\b")
_RX_SIX_MONTHS = re.compile(r"\b0?6\s*thang\b|\bsau\s*thang\b")
_RX_YEARLY = re.compile(r"\b(?:hang|moi|dinh\s*ky)\s*nam\b|\bnam\s*(?:mot\s*lan|/\s*lan)\b|\bca\s*nam\b"
                        r"|\btong\s*ket\s*nam\b")
_RX_UNTIL = re.compile(
    r"\bden\s*(?:het\s*)?(?:"
    r"ngay\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})\s*[/.-]\s*(?P<dy>\d{4})"
    r"|thang\s*(?P<m>\d{1,2})\s*(?:/|nam)\s*(?P<my>\d{4})"
    r"|quy\s*(?P<q>iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(?P<qy>\d{4})"
    r"|nam\s*(?P<y>\d{4}))")
_RX_PERIOD_SPAN = re.compile(r"\bgiai\s*doan\s*(?P<a>\d{4})\s*-\s*(?P<b>\d{4})\b")
_RX_FROM = re.compile(
    r"\btu\s*(?:"
    r"ngay\s*(?P<d>\d{1,2})\s*[/.-]\s*(?P<dm>\d{1,2})\s*[/.-]\s*(?P<dy>\d{4})"
    r"|thang\s*(?P<m>\d{1,2})\s*(?:/|nam)\s*(?P<my>\d{4})"
    r"|quy\s*(?P<q>iv|iii|ii|i|[1-4])\s*(?:/|nam)\s*(?P<qy>\d{4})"
    r"|nam\s*(?P<y>\d{4}))")
_RX_COUNT = re.compile(r"\b(?:trong|lien\s*tuc)\s*(\d{1,3})\s*(ky|lan|ngay|tuan|thang|quy|nam)\b")
_QUARTER = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_COUNT_UNITS = {Frequency.DAILY: "ngay", Frequency.WEEKLY: "tuan", Frequency.MONTHLY: "thang",
                Frequency.QUARTERLY: "quy", Frequency.YEARLY: "nam"}


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _span_date(m: re.Match[str], *, end: bool) -> dt.date | None:
    """The first (or last) day named by a `_RX_UNTIL`/`_RX_FROM` match."""
    g = m.groupdict()
    if g.get("d"):
        return _safe(int(g["dy"]), int(g["dm"]), int(g["d"]))
    if g.get("m"):
        month, year = int(g["m"]), int(g["my"])
        if not 1 <= month <= 12:
            return None
        return _day_in_month(year * 12 + month - 1, None) if end else dt.date(year, month, 1)
    if g.get("q"):
        q, year = _QUARTER[g["q"]], int(g["qy"])
        return _day_in_month(year * 12 + q * 3 - 1, None) if end else dt.date(year, q * 3 - 2, 1)
    if g.get("y"):
        year = int(g["y"])
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    return None


def rule_from_task(recurrence: str | None, text: str, *, starts_on: dt.date, due_text: str | None = None,
                   count: int | None = None, until: dt.date | None = None,
                   first_due_after: dt.date | None = None) -> RecurrenceRule | None:
    """The rule of a parsed recurring duty registered on `starts_on`, or None when the task does not recur.

    `text` is the task's wording and `due_text` the parser's deadline phrase; both are read (the parser
    keeps no `due_text` for "trước ngày 20 hằng tháng", whose day belongs to every round). Explicit
    `count`/`until` win over what the wording says. A round due on or before `first_due_after` (by default
    `starts_on`: a round due the day the duty is registered) is not the first."""
    frequency = frequency_of(recurrence)
    if frequency is None:
        return None
    # lower case without diacritics, punctuation kept ("ngày 15/12" must stay a date)
    words = " ".join(strip_marks(nfc(f"{due_text or ''} . {text}")).lower().split())
    with_annual = False
    if frequency in (Frequency.YEARLY, Frequency.SEMIANNUAL) and _RX_SIX_MONTHS.search(words):
        # "báo cáo 6 tháng, hằng năm": a half-year round and a year round
        with_annual = frequency == Frequency.YEARLY or bool(_RX_YEARLY.search(words))
        frequency = Frequency.SEMIANNUAL
    due_day: int | None = None
    offset: int | None = None
    weekday: int | None = None
    if frequency in (Frequency.WEEKLY, Frequency.BIWEEKLY):
        m = _RX_WEEKDAY.search(words)
        if m:
            weekday = 6 if m.group(1) is None else _WEEKDAYS[m.group(1)]
    elif frequency != Frequency.DAILY:
        months = frequency.months
        pairs = [(int(d), int(mo)) for d, mo in _RX_DAY_MONTH.findall(words) if 1 <= int(mo) <= 12]
        bare = _RX_DAY.search(words) or _RX_BARE_DAY.search(words)
        if frequency in (Frequency.YEARLY, Frequency.SEMIANNUAL) and pairs:
            # "trước ngày 15/12": the month of the round's deadline within its period
            due_day, month = (pairs[0] if frequency == Frequency.SEMIANNUAL else pairs[-1])
            offset = (month - 1) % months
            if frequency == Frequency.YEARLY and _RX_NEXT_YEAR.search(words):
                offset += 12
        elif bare and 1 <= int(bare.group(1)) <= 31:
            due_day = int(bare.group(1))
            if frequency == Frequency.MONTHLY:
                offset = 1 if _RX_NEXT_MONTH.search(words) else 0
            elif _RX_FIRST_MONTH_NEXT.search(words) or _RX_NEXT_MONTH.search(words):
                offset = months  # "ngày 05 tháng đầu quý sau"
            elif _RX_FIRST_MONTH_OF.search(words):
                offset = 0
            else:
                offset = months - 1  # "ngày 20 của tháng cuối quý", and the usual reading of "ngày 20 hằng quý"
    if until is None:
        found = [d for m in _RX_UNTIL.finditer(words) if (d := _span_date(m, end=True))]
        found += [dt.date(int(m.group("b")), 12, 31) for m in _RX_PERIOD_SPAN.finditer(words)]
        until = max(found) if found else None
    start = starts_on
    for m in _RX_FROM.finditer(words):
        begin = _span_date(m, end=False)
        if begin is not None and begin > start:
            start = begin
    if count is None:
        for m in _RX_COUNT.finditer(words):
            unit = m.group(2)
            if unit in ("ky", "lan") or unit == _COUNT_UNITS.get(frequency):
                count = int(m.group(1)) or None
                break
    floor = starts_on if first_due_after is None else first_due_after
    return RecurrenceRule(frequency=frequency, starts_on=start, due_day=due_day, due_month_offset=offset,
                          due_weekday=weekday, with_annual=with_annual, until=until, count=count,
                          first_due_after=floor, reports_previous=bool(_RX_PREVIOUS.search(words)))
