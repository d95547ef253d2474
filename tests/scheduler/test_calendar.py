from __future__ import annotations

import datetime as dt

import pytest

from scheduler.calendar import WorkingCalendar, holiday_kind
from storage.calendar import CalendarDays
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


# -- deadlines on a day off (Civil Code 2015, art. 148) ----------------------------------------------


def test_a_deadline_on_a_day_off_runs_to_the_end_of_the_next_working_day() -> None:
    assert cal.effective_deadline(dt.date(2027, 2, 10)) == dt.date(2027, 2, 11)  # Mùng năm Tết
    assert cal.effective_deadline(dt.date(2026, 3, 7)) == dt.date(2026, 3, 9)  # Saturday
    assert cal.effective_deadline(dt.date(2026, 4, 30)) == dt.date(2026, 5, 4)  # 30/4, 1/5, weekend
    assert cal.effective_deadline(dt.date(2026, 3, 9)) == dt.date(2026, 3, 9)  # a working day stays
    assert cal.effective_deadline(dt.date(2026, 8, 22)) == dt.date(2026, 8, 22)  # a Saturday swapped in


@pytest.mark.parametrize(("due", "note"), [
    (dt.date(2027, 2, 10), "hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027"),
    (dt.date(2026, 3, 7), "hạn 07/03/2026 rơi vào thứ Bảy, tính đến hết 09/03/2026"),
    (dt.date(2026, 3, 8), "hạn 08/03/2026 rơi vào Chủ nhật, tính đến hết 09/03/2026"),
    (dt.date(2026, 9, 2), "hạn 02/09/2026 rơi vào ngày nghỉ Quốc khánh, tính đến hết 03/09/2026"),
    (dt.date(2026, 4, 26), "hạn 26/04/2026 rơi vào ngày nghỉ Giỗ Tổ Hùng Vương, tính đến hết 28/04/2026"),
    (dt.date(2026, 4, 27), "hạn 27/04/2026 rơi vào ngày nghỉ bù Giỗ Tổ Hùng Vương, tính đến hết 28/04/2026"),
    (dt.date(2026, 5, 1), "hạn 01/05/2026 rơi vào ngày nghỉ Quốc tế Lao động 1/5, tính đến hết 04/05/2026"),
    (dt.date(2026, 1, 1), "hạn 01/01/2026 rơi vào ngày nghỉ Tết Dương lịch, tính đến hết 02/01/2026"),
    (dt.date(2026, 8, 31), "hạn 31/08/2026 rơi vào ngày nghỉ bù, tính đến hết 03/09/2026"),
    (dt.date(2026, 3, 9), None),
])
def test_the_note_names_the_day_off(due: dt.date, note: str | None) -> None:
    assert cal.explain_deadline(due) == note


def test_the_rule_can_be_switched_off() -> None:
    strict = WorkingCalendar(deadline_moves_to_working_day=False)
    assert strict.effective_deadline(dt.date(2027, 2, 10)) == dt.date(2027, 2, 10)
    assert strict.explain_deadline(dt.date(2027, 2, 10)) is None
    assert not strict.is_on_time(dt.date(2026, 4, 30), dt.date(2026, 5, 4))
    assert cal.is_on_time(dt.date(2026, 4, 30), dt.date(2026, 5, 4))
    assert not cal.is_on_time(dt.date(2026, 4, 30), dt.date(2026, 5, 5))


def test_admin_days_off_and_make_up_days_override_the_package() -> None:
    days = CalendarDays(days_off=frozenset({dt.date(2027, 2, 15)}), working_days=frozenset({dt.date(2027, 2, 20)}),
                        notes={dt.date(2027, 2, 15): "Nghỉ bù", dt.date(2027, 2, 20): "Làm bù"})
    corrected = cal.with_days(days)
    assert not corrected.is_working_day(dt.date(2027, 2, 15)) and cal.is_working_day(dt.date(2027, 2, 15))
    assert corrected.is_working_day(dt.date(2027, 2, 20)) and not cal.is_working_day(dt.date(2027, 2, 20))
    assert corrected.holiday_name(dt.date(2027, 2, 15)) == "Nghỉ bù"
    assert corrected.explain_deadline(dt.date(2027, 2, 15)) == \
        "hạn 15/02/2027 rơi vào ngày nghỉ bù, tính đến hết 16/02/2027"
    # a deadline on the make-up Saturday stays there
    assert corrected.effective_deadline(dt.date(2027, 2, 20)) == dt.date(2027, 2, 20)
    assert corrected.working_days_between(dt.date(2027, 2, 12), dt.date(2027, 2, 22)) == \
        cal.working_days_between(dt.date(2027, 2, 12), dt.date(2027, 2, 22))  # one day off, one day on
    assert (dt.date(2027, 2, 15), "Nghỉ bù") in corrected.public_holidays(2027)
    assert corrected.without_corrections().is_working_day(dt.date(2027, 2, 15))
    other = WorkingCalendar(extra_days_off=frozenset({dt.date(2027, 3, 1)}))
    assert other.explain_deadline(dt.date(2027, 3, 1)) == "hạn 01/03/2027 rơi vào ngày nghỉ, tính đến hết 02/03/2027"
    with pytest.raises(ValueError, match="both"):
        WorkingCalendar(extra_days_off=frozenset({dt.date(2027, 3, 1)}),
                        extra_working_days=frozenset({dt.date(2027, 3, 1)}))


def test_an_admin_day_off_with_a_note_names_it() -> None:
    c = WorkingCalendar(extra_days_off=frozenset({dt.date(2027, 3, 1)}),
                        day_notes={dt.date(2027, 3, 1): "Kỷ niệm thành lập tỉnh"})
    assert c.day_off_reason(dt.date(2027, 3, 1)) == "ngày nghỉ Kỷ niệm thành lập tỉnh"


def test_holiday_kinds() -> None:
    assert holiday_kind("Mùng năm Tết Nguyên Đán") == "Tết"
    assert holiday_kind("29 Tết") == "Tết"
    assert holiday_kind("Ngày Văn hóa Việt Nam") == "Văn hóa Việt Nam"
    assert holiday_kind("Ngày Quốc tế Lao động (nghỉ bù)") == "nghỉ bù Quốc tế Lao động 1/5"


def test_working_day_arithmetic_both_ways() -> None:
    assert cal.subtract_working_days(dt.date(2026, 2, 23), 1) == dt.date(2026, 2, 13)  # across Tết 2026
    assert cal.previous_working_day(dt.date(2026, 3, 9)) == dt.date(2026, 3, 6)
    assert cal.add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)


@pytest.mark.parametrize(("first", "last", "phrase"), [
    # probe 25: the weekend before the 2026 nghỉ bù (31/08, for Saturday 22/08) is not itself "nghỉ bù"
    (dt.date(2026, 8, 29), dt.date(2026, 9, 2), "nghỉ cuối tuần, nghỉ bù 31/08 và Quốc khánh 01–02/09"),
    (dt.date(2027, 2, 4), dt.date(2027, 2, 10), "nghỉ Tết"),  # one holiday over the whole break
    (dt.date(2027, 4, 30), dt.date(2027, 5, 3), "nghỉ lễ 30/4, Quốc tế Lao động 1/5, cuối tuần và nghỉ bù 03/05"),
    (dt.date(2026, 8, 31), dt.date(2026, 9, 2), "nghỉ bù 31/08 và Quốc khánh 01–02/09"),
])
def test_a_break_is_named_day_by_day(first: dt.date, last: dt.date, phrase: str) -> None:
    assert cal.days_off_phrase(first, last) == phrase


def test_an_unnamed_admin_break_is_just_days_off() -> None:
    days = CalendarDays(days_off=frozenset({dt.date(2026, 10, 12), dt.date(2026, 10, 13)}), working_days=frozenset())
    corrected = cal.with_days(days)
    assert corrected.days_off_phrase(dt.date(2026, 10, 10), dt.date(2026, 10, 13)) == (
        "nghỉ cuối tuần và ngày nghỉ 12–13/10")
