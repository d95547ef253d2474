"""Probe 24 #17: a header date whose day or month a scan or a copy split with a stray space ("ngày 26 tháng 0 6 năm
2018") is read as the notice's date — unread, it was what let the same notice be confirmed twice."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import mend_split_date

BODY = ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thực hiện Chỉ thị số 14-CT/TW\n"
        "1. Bộ Lao động - Thương binh và Xã hội chủ trì hoàn thiện thể chế chính sách, hoàn thành trong quý 1/2019.\n"
        "2. Bộ Tài chính bảo đảm kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/9/2018.\n")


@pytest.mark.parametrize(("line", "day"), [
    ("| Số: 773 /QĐ-TTg | Hà Nội, ngày 26 tháng 0 6 năm 2018 |", dt.date(2018, 6, 26)),
    ("Số: 773/QĐ-TTg        Hà Nội, ngày 2 6 tháng 6 năm 2018", dt.date(2018, 6, 26)),
    ("Số: 773/QĐ-TTg        Hà Nội, ngày 26 tháng 1 2 năm 2018", dt.date(2018, 12, 26)),
    ("Số: 773/QĐ-TTg        Hà Nội, ngày 26 tháng 06 năm 2018", dt.date(2018, 6, 26)),
])
def test_a_header_date_split_by_a_stray_space_is_read(line: str, day: dt.date) -> None:
    parsed = parse_notice(f"THỦ TƯỚNG CHÍNH PHỦ\n{line}\n{BODY}")
    assert parsed.date == day and parsed.number == "773/QĐ-TTg"


def test_only_digits_that_make_a_day_or_month_are_joined() -> None:
    assert mend_split_date("ngày 26 tháng 1 3 năm 2018") == "ngày 26 tháng 1 3 năm 2018"  # no 13th month
    assert mend_split_date("ngày 4 5 tháng 6 năm 2018") == "ngày 4 5 tháng 6 năm 2018"  # no 45th day
    assert mend_split_date("tổ chức 2 3 lần trong năm") == "tổ chức 2 3 lần trong năm"
