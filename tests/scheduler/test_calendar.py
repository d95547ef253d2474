from __future__ import annotations

import datetime as dt

from scheduler.calendar import WorkingCalendar
from tests.conftest import local

cal = WorkingCalendar()


def test_weekends_are_not_working_days() -> None:
    assert cal.is_working_day(dt.date(2018, 3, 2))  # Friday
    assert not cal.is_working_day(dt.date(2018, 3, 3))
    assert not cal.is_working_day(dt.date(2018, 3, 4))


def test_tet_and_public_holidays_are_not_working_days() -> None:
    for day in [dt.date(2018, 2, 15), dt.date(2018, 2, 16), dt.date(2018, 2, 20),  # Tết Mậu Tuất
                dt.date(2026, 2, 17), dt.date(2026, 4, 30), dt.date(2026, 5, 1), dt.date(2026, 9, 2),
                dt.date(2026, 1, 1)]:
        assert not cal.is_working_day(day), day
    assert cal.holiday_name(dt.date(2026, 2, 17)) == "Tết Nguyên Đán"


def test_a_saturday_swapped_in_is_a_working_day() -> None:
    # 2026: Monday 31/8 is a day off in exchange for Saturday 22/8
    assert not cal.is_working_day(dt.date(2026, 8, 31))
    assert cal.is_working_day(dt.date(2026, 8, 22))


def test_working_time_is_office_hours_on_working_days() -> None:
    assert cal.is_working_time(local(2018, 3, 5, 7, 30))
    assert cal.is_working_time(local(2018, 3, 5, 16, 59))
    assert not cal.is_working_time(local(2018, 3, 5, 17, 0))
    assert not cal.is_working_time(local(2018, 3, 5, 7, 0))
    assert not cal.is_working_time(local(2018, 3, 3, 10, 0))


def test_next_working_instant_skips_nights_weekends_and_tet() -> None:
    assert cal.next_working_instant(local(2018, 3, 2, 18, 0)) == local(2018, 3, 5, 7, 30)
    assert cal.next_working_instant(local(2018, 3, 5, 6, 0)) == local(2018, 3, 5, 7, 30)
    assert cal.next_working_instant(local(2018, 2, 14, 17, 30)) == local(2018, 2, 21, 7, 30)
    assert cal.next_working_instant(local(2018, 3, 5, 9, 0)) == local(2018, 3, 5, 9, 0)


def test_working_days_between_counts_only_working_days() -> None:
    assert cal.working_days_between(dt.date(2018, 3, 2), dt.date(2018, 3, 9)) == 5
    assert cal.add_working_days(dt.date(2018, 3, 2), 1) == dt.date(2018, 3, 5)
