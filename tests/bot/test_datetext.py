"""Dates and times as typed: one table per `now`, and what must be refused."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from bot.datetext import FORMS, When, WhenUnclear, leading_when, parse_when
from scheduler.calendar import VN_TZ
from storage.errors import NhacViecError

NOW = dt.datetime.fromisoformat("2025-12-17T10:00+07:00")  # a Wednesday
YEAR_END = dt.datetime.fromisoformat("2026-12-30T16:00+07:00")  # a Wednesday, Tết 2027 on 6/2

TABLE = [
    # day and month
    ("30/4", "2026-04-30T08:00"),
    ("30/4/2027", "2027-04-30T08:00"),
    ("30-4-2027", "2027-04-30T08:00"),
    ("30.4", "2026-04-30T08:00"),
    ("30 / 4", "2026-04-30T08:00"),
    ("30/4/27", "2027-04-30T08:00"),
    ("2027-04-30", "2027-04-30T08:00"),
    ("20/12", "2025-12-20T08:00"),
    ("17/12", "2025-12-17T08:00"),
    ("16/12", "2026-12-16T08:00"),
    ("ngày 5 tháng 6", "2026-06-05T08:00"),
    ("ngày 5/6 năm 2027", "2027-06-05T08:00"),
    ("ngày 5 tháng 6 năm 2027", "2027-06-05T08:00"),
    ("5 tháng 1", "2026-01-05T08:00"),
    ("ngày 20", "2025-12-20T08:00"),
    ("ngày 5", "2026-01-05T08:00"),
    ("ngày 5 tháng sau", "2026-01-05T08:00"),
    ("ngày 30/4 này", "2026-04-30T08:00"),
    ("29/2", "2028-02-29T08:00"),
    # weekdays (today is Wednesday 17/12)
    ("thứ 6 tuần sau", "2025-12-26T08:00"),
    ("thứ sáu tuần này", "2025-12-19T08:00"),
    ("thứ hai tới", "2025-12-22T08:00"),
    ("thứ 6", "2025-12-19T08:00"),
    ("thứ tư", "2025-12-24T08:00"),
    ("thứ 2 tuần này", "2025-12-15T08:00"),
    ("thứ năm của tuần sau", "2025-12-25T08:00"),
    ("thứ 6 tuần trước", "2025-12-12T08:00"),
    ("chủ nhật", "2025-12-21T08:00"),
    ("chủ nhật tuần sau", "2025-12-28T08:00"),
    ("T6", "2025-12-19T08:00"),
    ("thứ 6, ngày 19/12", "2025-12-19T08:00"),
    ("thứ Sáu ngày 26/12/2025", "2025-12-26T08:00"),
    ("ngày mai thứ 5", "2025-12-18T08:00"),
    # relative days
    ("ngày mai", "2025-12-18T08:00"),
    ("mai", "2025-12-18T08:00"),
    ("ngày kia", "2025-12-19T08:00"),
    ("ngày mốt", "2025-12-19T08:00"),
    ("hôm nay", "2025-12-17T08:00"),
    ("2 ngày nữa", "2025-12-19T08:00"),
    ("hai ngày nữa", "2025-12-19T08:00"),
    ("sau 3 ngày", "2025-12-20T08:00"),
    ("10 ngày tới", "2025-12-27T08:00"),
    ("3 tuần nữa", "2026-01-07T08:00"),
    ("1 tháng nữa", "2026-01-17T08:00"),
    ("5 ngày làm việc nữa", "2025-12-24T08:00"),
    ("2 tiếng nữa", "2025-12-17T12:00"),
    ("30 phút nữa", "2025-12-17T10:30"),
    # times
    ("ngày mai 10h", "2025-12-18T10:00"),
    ("3h chiều", "2025-12-17T15:00"),
    ("15h30", "2025-12-17T15:30"),
    ("15:30", "2025-12-17T15:30"),
    ("15 giờ 30 phút", "2025-12-17T15:30"),
    ("9h", "2025-12-18T09:00"),
    ("12h trưa", "2025-12-17T12:00"),
    ("1h trưa", "2025-12-17T13:00"),
    ("9 giờ sáng mai", "2025-12-18T09:00"),
    ("10h rưỡi sáng mai", "2025-12-18T10:30"),
    ("mười giờ sáng mai", "2025-12-18T10:00"),
    ("8h tối nay", "2025-12-17T20:00"),
    ("12h đêm", "2025-12-17T23:59"),
    ("trước 24h ngày 30/4", "2026-04-30T23:59"),
    ("sáng mai", "2025-12-18T08:00"),
    ("trưa mai", "2025-12-18T12:00"),
    ("chiều nay", "2025-12-17T14:00"),
    ("tối nay", "2025-12-17T19:00"),
    ("tối thứ 6", "2025-12-19T19:00"),
    ("3h chiều thứ 6 tuần sau", "2025-12-26T15:00"),
    ("cuối ngày mai", "2025-12-18T17:00"),
    # periods
    ("cuối tháng", "2025-12-31T08:00"),
    ("cuối tháng sau", "2026-01-31T08:00"),
    ("cuối tháng 2", "2026-02-28T08:00"),
    ("cuối tuần", "2025-12-19T08:00"),
    ("cuối tuần sau", "2025-12-26T08:00"),
    ("đầu tháng sau", "2026-01-01T08:00"),
    ("đầu tuần sau", "2025-12-22T08:00"),
    ("giữa tháng sau", "2026-01-15T08:00"),
    ("tuần tới", "2025-12-24T08:00"),
    ("tuần sau", "2025-12-24T08:00"),
    ("tháng sau", "2026-01-17T08:00"),
    ("năm sau", "2026-12-17T08:00"),
    ("cuối quý", "2025-12-31T08:00"),
    ("cuối quý sau", "2026-03-31T08:00"),
    ("cuối quý II", "2026-06-30T08:00"),
    ("cuối năm", "2025-12-31T08:00"),
    ("cuối năm sau", "2026-12-31T08:00"),
    ("đầu năm sau", "2026-01-01T08:00"),
    # Tết 2026 is 17/2 (holiday 16–20/2)
    ("trước Tết", "2026-02-13T08:00"),  # the last working day before the break, not giao thừa (a day off)
    ("trước Tết Nguyên đán", "2026-02-13T08:00"),
    ("mùng 3 Tết", "2026-02-19T08:00"),
    ("sau Tết", "2026-02-23T08:00"),
    ("hết Tết", "2026-02-23T08:00"),  # when the break is over: as "sau Tết", not mùng 1
    ("qua Tết", "2026-02-23T08:00"),
    ("ra Giêng", "2026-02-23T08:00"),
    ("giao thừa", "2026-02-16T08:00"),
    ("rằm tháng Giêng", "2026-03-03T08:00"),  # the 15th of the first lunar month
    ("ram thang gieng", "2026-03-03T08:00"),
    ("mồng 8 tháng Giêng", "2026-02-24T08:00"),
    # surrounding words, case, no diacritics
    ("đến 30/4", "2026-04-30T08:00"),
    ("trước 17h ngày 30/4", "2026-04-30T17:00"),
    ("vào sáng thứ hai tuần sau", "2025-12-22T08:00"),
    ("chậm nhất ngày 15/1/2026", "2026-01-15T08:00"),
    ("hạn: cuối tháng.", "2025-12-31T08:00"),
    ("thời hạn chót: muộn nhất 3h chiều thứ 6", "2025-12-19T15:00"),
    ("THỨ SÁU TUẦN SAU", "2025-12-26T08:00"),
    ("Ngày Mai 10H", "2025-12-18T10:00"),
    ("thu 6 tuan sau", "2025-12-26T08:00"),
    ("thu hai toi", "2025-12-22T08:00"),
    ("toi nay", "2025-12-17T19:00"),
    ("sang mai", "2025-12-18T08:00"),
    ("den 30/4", "2026-04-30T08:00"),
    ("truoc tet", "2026-02-13T08:00"),
    ("cuoi thang sau", "2026-01-31T08:00"),
    ("3h chieu mai", "2025-12-18T15:00"),
]

YEAR_END_TABLE = [
    ("5/1", "2027-01-05T08:00"),
    ("30/12", "2026-12-30T08:00"),
    ("29/12", "2027-12-29T08:00"),
    ("ngày 5", "2027-01-05T08:00"),
    ("cuối tháng", "2026-12-31T08:00"),
    ("tháng sau", "2027-01-30T08:00"),
    ("cuối tháng sau", "2027-01-31T08:00"),
    ("đầu tháng sau", "2027-01-01T08:00"),
    ("cuối tháng 1", "2027-01-31T08:00"),
    ("thứ 6 tuần sau", "2027-01-08T08:00"),
    ("thứ sáu", "2027-01-01T08:00"),
    ("2 ngày nữa", "2027-01-01T08:00"),
    ("ngày kia", "2027-01-01T08:00"),
    ("3h chiều", "2026-12-31T15:00"),
    ("17h", "2026-12-30T17:00"),
    ("cuối năm", "2026-12-31T08:00"),
    ("đầu năm sau", "2027-01-01T08:00"),
    ("cuối quý sau", "2027-03-31T08:00"),
    ("trước Tết", "2027-02-03T08:00"),
]

REFUSED = [
    "",
    "   ",
    "31/2",
    "30/13",
    "0/5",
    "25h",
    "15h70",
    "15h sáng",
    "9h chiều",
    "mai 3h",
    "thứ 8",
    "30/4 1/5",
    "thứ 5, ngày 19/12",
    "thứ 6 thứ 7",
    "thứ 6 2 tiếng nữa",
    "mai 10h 11h",
    "sáng mai chiều",
    "ngày mai trời đẹp",
    "xong",
    "tháng 3",
    "đến",
    "2 tiếng nữa ngày mai",
    "hôm kia",
    "chiều nhật",
    "mùng 11 Tết",
    "cuối quý 5",
    "cuối tháng 13",
]


def iso(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_phrases_on_a_wednesday(text: str, expected: str) -> None:
    when = parse_when(text, now=NOW)
    assert when.at == iso(expected)
    assert when.at.tzinfo is VN_TZ


@pytest.mark.parametrize(("text", "expected"), YEAR_END_TABLE)
def test_phrases_near_the_year_end(text: str, expected: str) -> None:
    assert parse_when(text, now=YEAR_END).at == iso(expected)


@pytest.mark.parametrize("text", REFUSED)
def test_refused_with_a_vietnamese_message(text: str) -> None:
    with pytest.raises(WhenUnclear) as caught:
        parse_when(text, now=NOW)
    assert isinstance(caught.value, NhacViecError)
    message = caught.value.user_message
    assert message.endswith(FORMS) and len(message) > len(FORMS) + 5
    assert "\n" not in message and unicodedata.is_normalized("NFC", message)


def test_table_sizes() -> None:
    assert len(TABLE) + len(YEAR_END_TABLE) >= 70 and len(REFUSED) >= 10


@pytest.mark.parametrize(("text", "has_time"), [
    ("30/4", False), ("thứ 6 tuần sau", False), ("ngày mai 10h", True), ("sáng mai", True), ("15h30", True),
    ("2 tiếng nữa", True), ("cuối tháng", False),
])
def test_has_time_says_whether_a_time_was_typed(text: str, has_time: bool) -> None:
    assert parse_when(text, now=NOW).has_time is has_time


def test_nfd_input_reads_like_nfc() -> None:
    for text in ("thứ sáu tuần này", "9 giờ sáng mai", "trước Tết", "tối nay"):
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert parse_when(nfd, now=NOW) == parse_when(text, now=NOW)


def test_marks_decide_toi_and_sang() -> None:
    assert parse_when("thứ 6 tối", now=NOW).at == iso("2025-12-19T19:00")  # tối: evening
    assert parse_when("thứ 6 tới", now=NOW) == When(at=iso("2025-12-19T08:00"), has_time=False)  # tới: next
    assert parse_when("sang thứ 6", now=NOW).has_time is False  # "sang" with marks elsewhere is "to"


def test_a_weekday_said_on_that_day_is_next_week() -> None:
    friday = dt.datetime.fromisoformat("2025-12-19T09:00+07:00")
    assert parse_when("thứ 6", now=friday).date == dt.date(2025, 12, 26)
    assert parse_when("thứ 6 này", now=friday).date == dt.date(2025, 12, 19)


def test_a_time_alone_that_has_passed_is_tomorrow() -> None:
    assert parse_when("9h", now=NOW).date == dt.date(2025, 12, 18)
    assert parse_when("10h", now=NOW).date == dt.date(2025, 12, 18)
    assert parse_when("10h01", now=NOW).date == dt.date(2025, 12, 17)


def test_now_in_another_zone_is_read_in_vietnam() -> None:
    utc_evening = dt.datetime(2025, 12, 17, 18, 0, tzinfo=dt.UTC)  # 01:00 on 18/12 in Hà Nội
    assert parse_when("hôm nay", now=utc_evening).date == dt.date(2025, 12, 18)


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_when("mai", now=dt.datetime(2025, 12, 17, 10, 0))


def test_impossible_date_names_it() -> None:
    with pytest.raises(WhenUnclear) as caught:
        parse_when("đến 31/2", now=NOW)
    assert caught.value.user_message.startswith("Ngày “31/2” không có trong lịch.")


def test_leading_when_splits_the_reason_off() -> None:
    found = leading_when("đến thứ 6 tuần sau vì chờ ý kiến Sở Tài chính", now=NOW)
    assert found is not None
    when, rest = found
    assert when.date == dt.date(2025, 12, 26) and rest == "vì chờ ý kiến Sở Tài chính"
    assert leading_when("60%", now=NOW) is None
    assert leading_when("", now=NOW) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("sau lễ 30/4", dt.date(2027, 5, 4)),  # 30/4, 1/5 and the weekend off: back on Tuesday 4/5
    ("sau kỳ nghỉ lễ 30/4", dt.date(2027, 5, 4)),
    ("sau dịp lễ 30/4", dt.date(2027, 5, 4)),
    ("sau le 30/4", dt.date(2027, 5, 4)),
    ("sau lễ", dt.date(2027, 4, 19)),  # the next holiday: Giỗ Tổ, Friday 16/4
    ("sau Quốc khánh", dt.date(2027, 9, 6)),
    ("sau 2 ngày", dt.date(2027, 4, 14)),  # unchanged
])
def test_after_a_holiday_is_the_first_working_day_after_its_days_off(text: str, expected: dt.date) -> None:
    """Probe 13: "xin gia hạn đến sau lễ 30/4" was asked for a date."""
    assert parse_when(text, now=dt.datetime(2027, 4, 12, 9, 0, tzinfo=VN_TZ)).date == expected
