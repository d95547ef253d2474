"""Tết phrases a cadre types in an extension request (new-user probe 22, F3): "sang tuần sau Tết" is the week after
the Tết break (never a date before it), "hết/cuối tháng Giêng" the LUNAR first month's last day, "sau rằm tháng
Giêng" the first working day after lunar 15/1. Tết 2027: Saturday 06/02, the break 04–10/02."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.datetext import lunar_first_month_end, parse_when
from bot.replies import parse_status_text
from scheduler.calendar import VN_TZ
from storage.models import TaskStatus

NOW = dt.datetime(2027, 1, 26, 9, 0, tzinfo=VN_TZ)


@pytest.mark.parametrize(("typed", "day"), [
    ("tuần sau Tết", dt.date(2027, 2, 19)),  # back on Thursday 11/02: the first whole week is 15–19/02
    ("sang tuần sau Tết", dt.date(2027, 2, 19)),
    ("tuần đầu sau Tết", dt.date(2027, 2, 19)),
    ("hết tháng Giêng", dt.date(2027, 3, 7)),  # lunar 1/2/Đinh Mùi is 08/03/2027
    ("cuối tháng Giêng", dt.date(2027, 3, 7)),
    ("sau rằm tháng Giêng", dt.date(2027, 2, 22)),  # rằm is Saturday 20/02
    ("sau Tết", dt.date(2027, 2, 11)),
    ("hết tháng 1", dt.date(2027, 1, 31)),  # a month by its number is the solar one
])
def test_tet_phrases(typed: str, day: dt.date) -> None:
    assert parse_when(typed, now=NOW).date == day


@pytest.mark.parametrize(("tet", "end"), [(dt.date(2024, 2, 10), dt.date(2024, 3, 9)),
                                          (dt.date(2025, 1, 29), dt.date(2025, 2, 27)),
                                          (dt.date(2026, 2, 17), dt.date(2026, 3, 18))])
def test_the_lunar_first_month_ends_the_day_before_the_second_begins(tet: dt.date, end: dt.date) -> None:
    assert lunar_first_month_end(tet) == end


@pytest.mark.parametrize(("typed", "until"), [
    ("4.a xin lùi hạn sang tuần sau Tết", dt.date(2027, 2, 19)),
    ("7.d xin gia hạn đến hết tháng Giêng", dt.date(2027, 3, 7)),
    ("7.e xin gia hạn đến sau rằm tháng Giêng vì dân đi ăn Tết", dt.date(2027, 2, 22)),
    # the first working day back, as the words say (the reply names the date and how to ask for another)
    ("7.d xin gia hạn đến sau Tết", dt.date(2027, 2, 11)),
    ("7.d xin gia hạn đến 11/02/2027", dt.date(2027, 2, 11)),
])
def test_an_extension_request_reads_them(typed: str, until: dt.date) -> None:
    update = parse_status_text(typed, today=NOW.date(), now=NOW)
    assert update.status == TaskStatus.EXTENSION_REQUESTED and update.requested_due_on == until, update


def test_the_reply_says_which_day_a_lunar_phrase_was_read_as() -> None:
    from bot.texts import recorded_text
    from storage.tasks import Recorded

    rec = Recorded(report_id=1, task_id=1, item_ref="7.d", status=TaskStatus.EXTENSION_REQUESTED, percent=None,
                   on_time=None)
    said = recorded_text(rec, "xin gia hạn đến sau Tết", dt.date(2027, 2, 11))
    assert "Nhắc việc hiểu thời gian đồng chí nêu là thứ Năm, 11/02/2027" in said and "“7.d xin gia hạn đến" in said
    assert "Nhắc việc hiểu" not in recorded_text(rec, "xin gia hạn đến 11/2", dt.date(2027, 2, 11))
