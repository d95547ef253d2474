"""Probe 21, F12: a period with no working day (the Tết week 16–20/02/2026, a holiday for a daily duty) has no
round: a weekly report goes from the week before Tết to the week after it, and nothing falls due on the first day
back as the Tết week's report."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from scheduler.calendar import WorkingCalendar
from scheduler.recurrence import RecurrenceRule, next_occurrence, occurrence_for, occurrences, rule_from_task
from scheduler.series import first_round

D = dt.date
CAL = WorkingCalendar()
WEEKLY = "Hằng tuần báo cáo kết quả rà soát, kiểm tra việc tiếp nhận hồ sơ"


def weekly(starts_on: dt.date, *, calendar: bool = True) -> RecurrenceRule:
    r = rule_from_task("weekly", WEEKLY, starts_on=starts_on)
    assert r is not None
    return replace(r, working_day=CAL.is_working_day) if calendar else r


def test_the_tet_week_has_no_round() -> None:
    assert not any(CAL.is_working_day(D(2026, 2, 16) + dt.timedelta(days=i)) for i in range(7))  # the premise
    labels = [o.period_label for o in occurrences(weekly(D(2026, 2, 2)), limit=4)]
    assert labels == ["tuần từ 02/02/2026", "tuần từ 09/02/2026", "tuần từ 23/02/2026", "tuần từ 02/03/2026"]
    # (without the calendar every week has its round: what the rule did before)
    assert "tuần từ 16/02/2026" in [o.period_label for o in occurrences(weekly(D(2026, 2, 2), calendar=False),
                                                                          limit=4)]


def test_after_the_week_before_tet_comes_the_week_after_it() -> None:
    r = weekly(D(2026, 2, 2))
    before_tet = occurrence_for(r, D(2026, 2, 13))
    assert before_tet is not None and before_tet.due_on == D(2026, 2, 13)
    after = next_occurrence(r, before_tet)
    assert after is not None and (after.period_label, after.due_on) == ("tuần từ 23/02/2026", D(2026, 2, 27))
    by_date = next_occurrence(r, D(2026, 2, 13))  # the first round due after a day
    assert by_date is not None and by_date.due_on == D(2026, 2, 27)


def test_a_duty_confirmed_just_before_tet_starts_after_it() -> None:
    first = first_round("weekly", WEEKLY, due_text=None, confirmed_on=D(2026, 2, 12), calendar=CAL)
    assert first is not None and first.occurrence is not None
    assert first.occurrence.period_label == "tuần từ 23/02/2026", first


def test_a_daily_duty_has_no_round_on_the_tet_holidays() -> None:
    r = rule_from_task("daily", "Báo cáo hằng ngày tình hình trực Tết", starts_on=D(2026, 2, 12))
    assert r is not None
    r = replace(r, working_day=CAL.is_working_day)
    assert [o.due_on for o in occurrences(r, limit=3)] == [D(2026, 2, 13), D(2026, 2, 23), D(2026, 2, 24)]
