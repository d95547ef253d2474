"""Recurring duties as occurrences: rules read from the parser's output, periods, deadlines, ends."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from scheduler.calendar import WorkingCalendar
from scheduler.recurrence import (
    Frequency,
    Occurrence,
    RecurrenceRule,
    first_occurrence,
    frequency_of,
    next_occurrence,
    occurrence_for,
    occurrences,
    rule_from_task,
)
from scheduler.series import first_round, with_lead

D = dt.date
START = D(2026, 3, 2)


def rule(recurrence: str, text: str, starts_on: dt.date = START, **kw: object) -> RecurrenceRule:
    r = rule_from_task(recurrence, text, starts_on=starts_on, **kw)  # type: ignore[arg-type]
    assert r is not None
    return r


def table(r: RecurrenceRule, n: int = 4) -> list[tuple[str, dt.date]]:
    return [(o.period_label, o.due_on) for o in occurrences(r, limit=n)]


def test_a_monthly_report_by_the_20th_has_one_occurrence_a_month() -> None:
    r = rule("monthly", "Báo cáo kết quả trước ngày 20 hằng tháng")
    assert (r.frequency, r.due_day, r.due_month_offset) == (Frequency.MONTHLY, 20, 0)
    # due within its month: January's report or March's so far? named by its deadline, never "tháng 3/2026"
    assert table(r) == [("hạn 20/03/2026", D(2026, 3, 20)), ("hạn 20/04/2026", D(2026, 4, 20)),
                        ("hạn 20/05/2026", D(2026, 5, 20)), ("hạn 20/06/2026", D(2026, 6, 20))]
    march = first_occurrence(r)
    assert march is not None and march.title() == "hạn 20/03/2026" and march.by_deadline
    assert (march.period_start, march.period_end) == (D(2026, 3, 1), D(2026, 3, 31))


def test_the_day_of_a_sentence_that_ends_with_it_is_every_rounds_day() -> None:
    # "… trước ngày 25." — the full stop ends the sentence; "ngày 15.12" (a day and a month) stays a date
    r = rule("monthly", "Sở Tài chính hằng tháng báo cáo tình hình giải ngân trước ngày 25.")
    assert (r.due_day, r.due_month_offset) == (25, 0)
    yearly = rule("yearly", "báo cáo trước ngày 15.12 hằng năm")
    assert (yearly.due_day, yearly.due_month_offset) == (15, 11)


def test_a_duty_registered_after_this_months_deadline_starts_next_month() -> None:
    r = rule("monthly", "trước ngày 20 hàng tháng", starts_on=D(2026, 3, 25))
    assert table(r, 2) == [("hạn 20/04/2026", D(2026, 4, 20)), ("hạn 20/05/2026", D(2026, 5, 20))]
    assert occurrence_for(r, D(2026, 3, 26)) is None, "March's round is not part of the series"
    assert occurrence_for(r, D(2026, 4, 2)) == first_occurrence(r)


def test_a_day_past_the_end_of_a_short_month_is_its_last_day() -> None:
    r = rule("monthly", "báo cáo trước ngày 31 hằng tháng", starts_on=D(2026, 1, 5))
    assert [o.due_on for o in occurrences(r, limit=3)] == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)]


def test_the_next_months_day() -> None:
    r = rule("monthly", "báo cáo tháng trước ngày 05 của tháng tiếp theo")
    assert table(r, 2) == [("tháng 3/2026", D(2026, 4, 5)), ("tháng 4/2026", D(2026, 5, 5))]
    march = first_occurrence(r)
    assert march is not None and march.title() == "tháng 3/2026, hạn 05/04/2026" and not march.by_deadline


def test_weekly_on_friday() -> None:
    r = rule("weekly", "định kỳ hằng tuần vào thứ Sáu báo cáo UBND tỉnh", starts_on=D(2026, 3, 16))
    assert r.due_weekday == 4
    occ = list(occurrences(r, limit=2))
    assert [(o.period_label, o.period_start, o.period_end, o.due_on) for o in occ] == [
        ("tuần từ 16/03/2026", D(2026, 3, 16), D(2026, 3, 22), D(2026, 3, 20)),
        ("tuần từ 23/03/2026", D(2026, 3, 23), D(2026, 3, 29), D(2026, 3, 27))]
    r = rule("weekly", "trước 16 giờ 00 ngày thứ Năm hằng tuần", starts_on=D(2026, 3, 16))
    assert [o.due_on for o in occurrences(r, limit=1)] == [D(2026, 3, 19)]
    # registered on Saturday: this week's Friday is gone, the series starts next week
    r = rule("weekly", "hằng tuần vào thứ 6", starts_on=D(2026, 3, 21))
    assert [o.due_on for o in occurrences(r, limit=1)] == [D(2026, 3, 27)]


def test_quarterly_by_the_20th_of_the_last_month_and_the_year_report_is_ignored() -> None:
    text = ("Đề nghị Sở Y tế định kỳ hằng quý báo cáo UBND tỉnh trước ngày 20 của tháng cuối quý; "
            "tổng hợp báo cáo năm trước ngày 15/12.")
    r = rule("quarterly", text, starts_on=D(2026, 1, 10))
    assert table(r) == [("quý I/2026", D(2026, 3, 20)), ("quý II/2026", D(2026, 6, 20)),
                        ("quý III/2026", D(2026, 9, 20)), ("quý IV/2026", D(2026, 12, 20))]


def test_quarterly_until_the_end_of_2026_stops() -> None:
    r = rule("quarterly", "Sở Tài chính báo cáo hằng quý đến hết năm 2026")
    assert r.until == D(2026, 12, 31)
    assert table(r, 10) == [("quý I/2026", D(2026, 3, 31)), ("quý II/2026", D(2026, 6, 30)),
                            ("quý III/2026", D(2026, 9, 30)), ("quý IV/2026", D(2026, 12, 31))]
    last = list(occurrences(r))[-1]
    assert next_occurrence(r, last) is None
    assert occurrence_for(r, D(2027, 2, 1)) is None


def test_first_month_of_the_next_quarter() -> None:
    r = rule("quarterly", "hằng quý, trước ngày 10 tháng đầu quý sau, đến hết quý II/2027")
    assert r.until == D(2027, 6, 30)
    assert table(r, 10)[0] == ("quý I/2026", D(2026, 4, 10))
    assert table(r, 10)[-1] == ("quý II/2027", D(2027, 7, 10))


def test_six_months_and_yearly() -> None:
    # the parser says "yearly" for "6 tháng, hằng năm": a half-year round and a year round
    r = rule("yearly", "Sở Nội vụ báo cáo 6 tháng, hằng năm", starts_on=D(2026, 3, 2))
    assert (r.frequency, r.with_annual) == (Frequency.SEMIANNUAL, True)
    occ = list(occurrences(r, limit=3))
    assert [(o.period_label, o.period_start, o.due_on) for o in occ] == [
        ("6 tháng đầu năm 2026", D(2026, 1, 1), D(2026, 6, 30)),
        ("năm 2026", D(2026, 1, 1), D(2026, 12, 31)),
        ("6 tháng đầu năm 2027", D(2027, 1, 1), D(2027, 6, 30))]
    assert len({o.key for o in occ}) == 3, "the half-year and the year rounds have distinct slots"
    assert occurrence_for(r, D(2026, 9, 1)) == occ[1]
    plain = rule("semiannual", "báo cáo 6 tháng một lần")
    assert not plain.with_annual
    assert table(plain, 2) == [("6 tháng đầu năm 2026", D(2026, 6, 30)), ("6 tháng cuối năm 2026", D(2026, 12, 31))]
    assert frequency_of("half-yearly") == Frequency.SEMIANNUAL


def test_semiannual_with_named_dates() -> None:
    r = rule("semiannual", "báo cáo định kỳ 6 tháng trước ngày 15/6 và ngày 15/12")
    assert table(r, 2) == [("6 tháng đầu năm 2026", D(2026, 6, 15)), ("6 tháng cuối năm 2026", D(2026, 12, 15))]


def test_yearly_by_a_named_day() -> None:
    r = rule("yearly", "tổng kết hằng năm, gửi báo cáo trước ngày 15/12")
    assert table(r, 2) == [("năm 2026", D(2026, 12, 15)), ("năm 2027", D(2027, 12, 15))]
    r = rule("yearly", "báo cáo hằng năm trước ngày 31/01 năm sau")
    assert table(r, 2) == [("năm 2026", D(2027, 1, 31)), ("năm 2027", D(2028, 1, 31))]
    r = rule("yearly", "tổng kết hằng năm")
    assert table(r, 1) == [("năm 2026", D(2026, 12, 31))]


def test_biweekly_and_daily() -> None:
    r = rule("biweekly", "02 tuần/lần tổng hợp", starts_on=D(2026, 3, 4))
    assert [(o.period_label, o.due_on) for o in occurrences(r, limit=2)] == [
        ("kỳ từ 02/03/2026 đến 15/03/2026", D(2026, 3, 13)), ("kỳ từ 16/03/2026 đến 29/03/2026", D(2026, 3, 27))]
    r = rule("daily", "báo cáo hằng ngày trong 5 ngày", starts_on=D(2026, 3, 5))
    assert r.count == 5
    # registered on the 5th: that day's round is not the first
    assert [o.due_on for o in occurrences(r)] == [D(2026, 3, 6), D(2026, 3, 9), D(2026, 3, 10), D(2026, 3, 11),
                                                  D(2026, 3, 12)]
    assert occurrence_for(r, D(2026, 3, 7)) is None  # Saturday
    assert next_occurrence(r, D(2026, 3, 6)) is not None
    assert next_occurrence(r, D(2026, 3, 6)).due_on == D(2026, 3, 9)  # type: ignore[union-attr]


def test_a_start_and_an_end_in_the_wording() -> None:
    r = rule("monthly", "báo cáo trước ngày 20 hằng tháng, từ tháng 4/2026 đến hết tháng 9/2026")
    assert (r.starts_on, r.until) == (D(2026, 4, 1), D(2026, 9, 30))
    assert [o.period_label for o in occurrences(r)] == [f"hạn 20/{m:02d}/2026" for m in range(4, 10)]
    r = rule("monthly", "Báo cáo trước ngày 20 hằng tháng, giai đoạn 2026-2027")
    assert r.until == D(2027, 12, 31) and len(list(occurrences(r))) == 22
    r = rule("monthly", "báo cáo trước ngày 20 hằng tháng đến ngày 15/10/2026")
    assert [o.period_label for o in occurrences(r)][-1] == "hạn 20/10/2026"


def test_a_count_ends_the_series() -> None:
    r = rule("monthly", "báo cáo trước ngày 20 hằng tháng trong 3 tháng")
    assert [o.period_label for o in occurrences(r)] == ["hạn 20/03/2026", "hạn 20/04/2026", "hạn 20/05/2026"]
    r = rule("quarterly", "báo cáo hằng quý", count=2)
    assert len(list(occurrences(r))) == 2
    r = rule("monthly", "báo cáo 6 tháng một lần hằng tháng")  # "6 tháng một lần" is not a count
    assert r.count is None


def test_occurrence_for_and_next_occurrence() -> None:
    r = rule("monthly", "trước ngày 20 hằng tháng")
    march = occurrence_for(r, D(2026, 3, 25))
    assert march is not None and march.period_start == D(2026, 3, 1), "the period holding the day, even late"
    april = next_occurrence(r, march)
    assert april is not None and april.due_on == D(2026, 4, 20)
    assert next_occurrence(r, D(2026, 3, 19)) == march
    assert next_occurrence(r, D(2026, 3, 20)) == april, "after a date: the first deadline later than it"
    assert occurrence_for(r, D(2026, 2, 10)) is None, "before the duty started"


def test_no_rule_without_recurrence_and_bad_rules_are_refused() -> None:
    assert rule_from_task(None, "báo cáo trước ngày 15/4/2026", starts_on=START) is None
    assert rule_from_task("every now and then", "x", starts_on=START) is None
    with pytest.raises(ValueError):
        RecurrenceRule(frequency=Frequency.MONTHLY, starts_on=START, due_day=32)
    with pytest.raises(ValueError):
        RecurrenceRule(frequency=Frequency.MONTHLY, starts_on=START, with_annual=True)
    with pytest.raises(ValueError):
        RecurrenceRule(frequency=Frequency.MONTHLY, starts_on=START, count=0)


def test_rules_from_what_the_parser_stores() -> None:
    """The parser keeps no due_text for "trước ngày 20 hằng tháng"; the rule reads the task's wording."""
    notice = parse_notice(
        "Kính gửi: Sở Y tế\n"
        "1. Sở Y tế báo cáo kết quả trước ngày 20 hằng tháng.\n"
        "2. Sở Nội vụ định kỳ hằng tuần vào thứ Sáu báo cáo UBND tỉnh.\n"
        "3. Sở Tài chính báo cáo hằng quý đến hết năm 2026.\n"
        "4. Sở Xây dựng thường xuyên kiểm tra, kịp thời xử lý.\n")
    rules = [rule_from_task(t.recurrence, t.text, starts_on=START, due_text=t.due_text) for t in notice.tasks]
    assert rules[3] is None
    assert [table(r, 1)[0] for r in rules[:3] if r is not None] == [
        ("hạn 20/03/2026", D(2026, 3, 20)), ("tuần từ 02/03/2026", D(2026, 3, 6)), ("quý I/2026", D(2026, 3, 31))]


def test_occurrence_key_is_a_stable_slot() -> None:
    occ = Occurrence(period_label="tháng 3/2026", period_start=D(2026, 3, 1), period_end=D(2026, 3, 31),
                     due_on=D(2026, 3, 20))
    assert occ.key == "2026-03-01..2026-03-31" and len(occ.key) <= 40


# -- the first round (probe 12, finding 1) and the round's name (finding 7) -----------------------------------

CAL = WorkingCalendar()


def test_a_round_due_on_the_day_of_registration_is_not_the_first() -> None:
    r = rule("monthly", "báo cáo tình hình trước ngày 18 hằng tháng", starts_on=D(2027, 1, 18))
    assert table(r, 1) == [("hạn 18/02/2027", D(2027, 2, 18))]
    # a task stored before this rule pointed at January's round: still its round, so "xong" moves it on
    january = occurrence_for(r, D(2027, 1, 1))
    assert january is not None and january.due_on == D(2027, 1, 18)
    following = next_occurrence(r, january)
    assert following is not None and following.due_on == D(2027, 2, 18)
    assert table(rule("monthly", "trước ngày 18 hằng tháng", starts_on=D(2027, 1, 17)), 1)[0][1] == D(2027, 1, 18)


@pytest.mark.parametrize(("recurrence", "text", "confirmed", "first", "skipped"), [
    # confirmed on the due day, or the day before, or a Friday for a Monday: the next month
    ("monthly", "báo cáo trước ngày 18 hằng tháng", D(2027, 1, 18), D(2027, 2, 18), D(2027, 1, 18)),
    ("monthly", "báo cáo trước ngày 18 hằng tháng", D(2027, 1, 17), D(2027, 2, 18), D(2027, 1, 18)),
    ("monthly", "báo cáo trước ngày 18 hằng tháng", D(2027, 1, 15), D(2027, 2, 18), D(2027, 1, 18)),
    # two working days (Thursday 14, Friday 15 — the 18th is a Monday): kept
    ("monthly", "báo cáo trước ngày 18 hằng tháng", D(2027, 1, 13), D(2027, 1, 18), None),
    # due 10/02 in Tết, run to 11/02: from 03/02 that is one working day — next month
    ("monthly", "báo cáo trước ngày 10 hằng tháng", D(2027, 2, 3), D(2027, 3, 10), D(2027, 2, 10)),
    ("monthly", "báo cáo trước ngày 10 hằng tháng", D(2027, 1, 19), D(2027, 2, 10), None),
    ("weekly", "báo cáo hằng tuần vào thứ Sáu", D(2027, 1, 21), D(2027, 1, 29), D(2027, 1, 22)),
    ("weekly", "báo cáo hằng tuần vào thứ Sáu", D(2027, 1, 20), D(2027, 1, 22), None),
    ("quarterly", "báo cáo hằng quý", D(2027, 3, 30), D(2027, 6, 30), D(2027, 3, 31)),
    ("quarterly", "báo cáo hằng quý", D(2027, 3, 29), D(2027, 3, 31), None),
    ("yearly", "tổng kết hằng năm, gửi báo cáo trước ngày 15/12", D(2027, 12, 15), D(2028, 12, 15), D(2027, 12, 15)),
    ("daily", "báo cáo hằng ngày", D(2027, 1, 18), D(2027, 1, 19), D(2027, 1, 18)),
])
def test_the_first_round_leaves_two_working_days(recurrence: str, text: str, confirmed: dt.date, first: dt.date,
                                                 skipped: dt.date | None) -> None:
    found = first_round(recurrence, text, due_text=None, confirmed_on=confirmed, calendar=CAL)
    assert found is not None and found.occurrence is not None
    assert found.occurrence.due_on == first
    assert (found.skipped.due_on if found.skipped else None) == skipped
    bare = rule_from_task(recurrence, text, starts_on=confirmed)
    assert bare is not None
    led = with_lead(bare, confirmed, CAL)
    assert [o.due_on for o in occurrences(led, limit=1)] == [first], "registration uses the same rule"


@pytest.mark.parametrize(("recurrence", "text", "starts_on", "label", "due"), [
    ("monthly", "báo cáo tình hình thực hiện nhiệm vụ tháng trước ngày 10 hằng tháng", D(2027, 1, 19),
     "hạn 10/02/2027", D(2027, 2, 10)),
    ("monthly", "báo cáo kết quả tháng trước, gửi trước ngày 10 hằng tháng", D(2027, 1, 19),
     "tháng 1/2027", D(2027, 2, 10)),
    ("monthly", "hằng tháng trước ngày 5 báo cáo", D(2027, 1, 19), "hạn 05/02/2027", D(2027, 2, 5)),
    ("monthly", "báo cáo hằng tháng", D(2027, 1, 19), "tháng 1/2027", D(2027, 1, 31)),
    ("quarterly", "báo cáo hằng quý trước ngày 15 của tháng cuối quý", D(2027, 1, 19), "quý I/2027", D(2027, 3, 15)),
    ("quarterly", "báo cáo kết quả quý trước, trước ngày 10 tháng đầu quý", D(2027, 1, 19), "quý I/2027",
     D(2027, 4, 10)),
    ("weekly", "báo cáo hằng tuần vào thứ Hai", D(2027, 1, 19), "hạn 25/01/2027", D(2027, 1, 25)),
    ("weekly", "báo cáo kết quả tuần trước vào thứ Hai hằng tuần", D(2027, 1, 19), "tuần từ 18/01/2027",
     D(2027, 1, 25)),
])
def test_a_round_is_named_by_its_period_only_when_certain(recurrence: str, text: str, starts_on: dt.date,
                                                          label: str, due: dt.date) -> None:
    assert table(rule(recurrence, text, starts_on=starts_on), 1) == [(label, due)]


def test_the_next_round_is_never_a_report_on_the_month_of_its_deadline() -> None:
    r = rule("monthly", "báo cáo tình hình thực hiện nhiệm vụ tháng trước ngày 10 hằng tháng", starts_on=D(2027, 1, 19))
    february = first_occurrence(r)
    assert february is not None
    march = next_occurrence(r, february)
    assert march is not None and march.title() == "hạn 10/03/2027"


def test_the_draft_says_the_first_round_and_the_one_passed_over() -> None:
    from bot import texts
    from storage.parsed import ParsedTask

    task = ParsedTask(ref="3", text="Phòng Kế hoạch báo cáo hằng quý", recurrence="quarterly")
    shown = texts.draft_task_text(3, task, today=D(2027, 3, 30))
    assert "• Thời hạn: theo từng kỳ; kỳ đầu: quý II/2027, hạn 30/06/2027" in shown
    assert ("(kỳ quý I/2027 (hạn 31/03/2027) không tính là kỳ đầu: chưa đủ 2 ngày làm việc kể từ ngày xác nhận "
            "để thực hiện)") in shown
    monthly = ParsedTask(ref="1", text="báo cáo trước ngày 10 hằng tháng", recurrence="monthly")
    assert "kỳ đầu: hạn 10/02/2027" in texts.draft_task_text(1, monthly, today=D(2027, 1, 19))


def test_a_day_written_without_ngay_before_the_period_word_is_every_rounds_day() -> None:
    # "định kỳ trước 25 hằng tháng báo cáo tiến độ": the round is due on the 25th, not at the month's end
    r = rule("monthly", "định kỳ trước 25 hằng tháng báo cáo tiến độ thực hiện")
    assert (r.due_day, r.due_month_offset) == (25, 0)
    assert table(r, 2) == [("hạn 25/03/2026", D(2026, 3, 25)), ("hạn 25/04/2026", D(2026, 4, 25))]
    assert rule("quarterly", "chậm nhất 15 hằng quý gửi báo cáo").due_day == 15
    # a number that counts something is no day: "trước 6 tháng đầu năm", "báo cáo 2 hằng tháng" (no time word)
    assert rule("monthly", "báo cáo hằng tháng, tổng hợp trước 6 tháng đầu năm").due_day is None
    assert rule("monthly", "gửi 2 bản báo cáo hằng tháng").due_day is None
