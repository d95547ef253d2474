"""Deadline and recurrence phrasing beyond the first rules: periods without a year, spans, field labels,
counted days, lunar holidays, OCR damage, and "hằng năm" that names a kind of plan. Examples are written
in each pattern's general form."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import Deadline, find_recurrence, ongoing, pick_deadline

ISSUED = dt.date(2026, 5, 11)  # a Monday


def due_of(phrase: str, issued_on: dt.date | None = ISSUED) -> str | None:
    found = pick_deadline(phrase, issued_on=issued_on)
    return found.due.isoformat() if found else None


@pytest.mark.parametrize(("phrase", "due"), [
    # a month or quarter without its year: the document's year, or the next one when that period is over
    ("Sở Y tế hoàn thành trong tháng 6.", "2026-06-30"),
    ("hoàn thành trước tháng 8 năm nay", "2026-07-31"),
    ("hoàn thành trong quý III", "2026-09-30"),
    # a quarter written with a comma before the year, a span of years, a span of months
    ("Thời gian hoàn thành: Quý III, năm 2027.", "2027-09-30"),
    ("Thời gian hoàn thành: Năm 2026 - 2028.", "2028-12-31"),
    ("Thời gian hoàn thành: 10-11/2026.", "2026-11-30"),
    ("triển khai trong các tháng 7, 8/2026", "2026-08-31"),
    ("hoàn thành trong tháng 9 và tháng 10 năm 2026", "2026-10-31"),
    ("Tiến độ thực hiện: Quý IV/2026.", "2026-12-31"),
    ("Hoàn thành trước năm 2028.", "2027-12-31"),  # before the year begins
    # field labels: "… là ngày …", "Thời gian nộp báo cáo: …", a bare month in a time field
    ("hạn nộp báo cáo là ngày 20/6/2026", "2026-06-20"),
    ("Thời gian gửi ý kiến: ngày 20/6/2026", "2026-06-20"),
    ("Thời gian hoàn thành: 9/2026.", "2026-09-30"),
    ("Cơ quan chủ trì: Sở Tài chính. Hạn: 30/6/2026.", "2026-06-30"),
    ("Cơ quan chủ trì: Sở Tài chính. Thời gian hoàn thành: Đến năm 2030.", "2030-12-31"),
    ("trả lời trong 02 tuần kể từ ngày ký", "2026-05-25"),
    # a period after the work it names is a deadline when the work is to be done or finished in it
    ("Các nhiệm vụ cần làm ngay trong năm 2026", "2026-12-31"),
    ("hoàn thành các nhiệm vụ trong tháng 6/2026", "2026-06-30"),
    ("trình Ban Thường vụ cho ý kiến vào đầu tháng 02/2027", "2027-02-28"),
    # a period named from the document's date
    ("hoàn thành trong tháng này", "2026-05-31"),
    ("báo cáo UBND tỉnh trong quý tới", "2026-09-30"),
    ("xử lý dứt điểm trước cuối năm nay", "2026-12-31"),
    # counted days: calendar days, working days (the Vietnamese working calendar), months
    ("báo cáo trong 10 ngày kể từ ngày nhận được văn bản này", "2026-05-21"),
    ("trả lời trong thời hạn 05 ngày làm việc kể từ ngày ký", "2026-05-18"),
    ("hoàn thành trong thời hạn 02 tháng kể từ ngày ban hành Thông báo này", "2026-07-11"),
    ("báo cáo kết quả về Sở Nội vụ trong vòng 07 ngày.", "2026-05-18"),
    # lunar holidays from the calendar
    ("hoàn thành việc chi trả trước Tết Nguyên đán", "2027-02-06"),
    # an action set for a day
    ("phát động và triển khai chiến dịch vào ngày 01/6/2026", "2026-06-01"),
    # OCR damage: a day split in two
    ("gửi báo cáo trước ngày 3 0/6/2026", "2026-06-30"),
])
def test_deadline_phrases(phrase: str, due: str) -> None:
    assert due_of(phrase) == due


@pytest.mark.parametrize("phrase", [
    "xác định đây là nhiệm vụ hàng đầu trong năm 2026",
    "tổ chức tập huấn cho cán bộ trong 02 ngày",  # a duration
    "giải quyết trong 10 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ",  # a procedure's time limit
    "thực hiện trong thời hạn 36 tháng kể từ ngày Luật có hiệu lực",
    "cử đại biểu dự Hội nghị tổng kết vào ngày 20/6/2026",  # the day of a meeting
    "nộp trước ngày 15/02 của năm sau, kỳ báo cáo là năm (từ ngày 01/01 đến ngày 31/12)",  # period, not window
])
def test_not_deadlines(phrase: str) -> None:
    found = pick_deadline(phrase, issued_on=ISSUED)
    assert found is None or found.text.startswith("trước ngày 15/02"), found


def test_a_period_in_brackets_is_told_not_worked_in() -> None:
    assert due_of("báo cáo tình hình trong dịp nghỉ lễ (từ ngày 30/4 đến ngày 03/5/2026)") is None
    assert due_of("tổng vệ sinh từ ngày 30/4 đến hết ngày 03/5/2026") == "2026-05-03"  # a window to work in
    assert due_of("treo cờ từ ngày 30/4 đến hết ngày 03/5/2026") is None  # the activity's own date range


def test_a_month_without_year_that_is_over_is_told_not_due() -> None:
    assert due_of("Trong tháng 4, các đơn vị đã hoàn thành việc rà soát") is None
    assert due_of("trong tháng 3 tập trung rà soát hồ sơ") is None  # two months back: not next March
    assert due_of("hoàn thành trong tháng 01", issued_on=dt.date(2026, 11, 20)) == "2027-01-31"
    assert due_of("trình UBND tỉnh trong tháng 02", issued_on=dt.date(2026, 11, 20)) == "2027-02-28"
    assert due_of("xong trong quý I", issued_on=dt.date(2026, 10, 5)) == "2027-03-31"


def test_a_month_takes_the_year_written_after_its_alternative() -> None:
    assert due_of("giãn thời hạn nộp thuế đến hết tháng 6 hoặc tháng 12 năm 2027") == "2027-12-31"


def test_period_without_year_needs_the_document_date() -> None:
    assert due_of("hoàn thành trong tháng 6", issued_on=None) is None


def test_mixed_separators_are_a_span_of_months_not_a_day() -> None:
    assert due_of("thời gian thực hiện: 3-12/2026") == "2026-12-31"
    assert due_of("trước ngày 10-11-2026") == "2026-11-10"  # one separator: a day


@pytest.mark.parametrize(("phrase", "recurrence"), [
    ("lập báo cáo định kỳ, kỳ báo cáo là năm", "yearly"),
    ("nộp trước ngày 15 tháng 02 của năm liền kề sau năm báo cáo", "yearly"),
    ("Kỳ báo cáo: 6 tháng", "semiannual"),
    ("kiểm tra 01 lần/năm tại mỗi cơ sở", "yearly"),
    ("tổ chức giao ban mỗi tháng một lần", "monthly"),
    ("tự kiểm tra 2 lần/năm", "semiannual"),
    ("họp 3 tháng một lần", "quarterly"),
    ("định kỳ 03 tháng kiểm tra một lần", "quarterly"),
    ("tổng hợp 01 tháng/lần", "monthly"),
    ("rà soát 01 năm/lần", "yearly"),
    ("báo cáo trước ngày 20 của tháng cuối quý", "quarterly"),
    ("gửi số liệu trước ngày 10 của tháng đầu quý sau", "quarterly"),
    ("xây dựng kế hoạch 5 năm và hằng năm để triển khai", None),
    ("đưa vào kế hoạch phát triển hằng năm và dài hạn của địa phương", None),
    ("bảo đảm nhu yếu phẩm cho sinh hoạt hằng ngày của người dân", None),
    ("Sở Tài chính hằng tháng báo cáo UBND tỉnh", "monthly"),
])
def test_recurrence_phrases(phrase: str, recurrence: str | None) -> None:
    assert find_recurrence(phrase) == recurrence


def test_ongoing_work_only_in_the_sentence_of_the_period() -> None:
    text = "Giao hết kế hoạch vốn trong tháng 6/2026. Thường xuyên kiểm tra, đôn đốc tiến độ."
    deadline = pick_deadline(text, issued_on=ISSUED)
    assert deadline is not None and not ongoing(text, deadline)
    text = "Thường xuyên theo dõi, đôn đốc giải ngân vốn trong năm 2026."
    deadline = pick_deadline(text, issued_on=ISSUED)
    assert deadline is not None and ongoing(text, deadline)
    exact = Deadline(due=dt.date(2026, 6, 30), text="trước ngày 30/6/2026", start=0, exact=True)
    assert not ongoing("thường xuyên báo cáo trước ngày 30/6/2026", exact)


def test_counted_days_told_of_an_earlier_document_are_not_this_ones() -> None:
    told = "Ủy ban nhân dân tỉnh đã giao Sở Xây dựng báo cáo trong 30 ngày làm việc, nhưng đến nay chưa báo cáo."
    assert due_of(told) is None
    assert due_of("Giao Sở Xây dựng báo cáo trong 30 ngày làm việc.") == "2026-06-22"


def test_from_now_until_is_a_deadline_a_period_is_not() -> None:
    assert due_of("tập trung xử lý dứt điểm từ nay đến hết năm 2026") == "2026-12-31"
    assert due_of("hoàn thành từ nay đến hết quý III/2026") == "2026-09-30"
    assert due_of("áp dụng từ ngày 11/9 đến hết năm 2026") is None


def test_activities_in_a_month_end_with_it() -> None:
    assert due_of("tổ chức các hoạt động tuyên truyền trong tháng 6/2026") == "2026-06-30"


def test_early_in_a_month_for_an_event_is_no_deadline() -> None:
    assert due_of("đầu tháng 8/2026 sẽ tổ chức Đại hội Đảng bộ huyện") is None


@pytest.mark.parametrize(("text", "due"), [
    # what the recipient of the report does next is its own work, with its own date
    ("Các đơn vị gửi báo cáo về Tiểu ban nội dung trước ngày 10/6/2026, Tiểu ban nội dung dự thảo báo cáo "
     "trình Ban Thường vụ vào đầu tháng 7/2026.", "2026-06-10"),
    ("Các sở gửi số liệu về Sở Nội vụ trước ngày 10/6/2026; Sở Nội vụ tổng hợp, báo cáo UBND tỉnh "
     "trước ngày 20/6/2026.", "2026-06-10"),
    # the same doer reporting twice: the last date (CORPUS.md)
    ("báo cáo Sở Nội vụ trước ngày 20/6/2026, báo cáo UBND tỉnh trước ngày 25/6/2026", "2026-06-25"),
])
def test_the_lead_units_own_part(text: str, due: str) -> None:
    assert due_of(text) == due


def test_mid_autumn_is_not_the_lunar_new_year() -> None:
    assert due_of("tổ chức vui Tết Trung thu cho thiếu nhi trước Tết Trung thu") is None
