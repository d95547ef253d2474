"""A plan copied without the decision that issued it: its header "(Kèm theo Quyết định số … ngày … của …)" gives
the number and date it is known by (issue 8, pattern 9), never a document its preamble cites. Examples written in
the pattern's general form."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.parser import parse_notice

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
KẾ HOẠCH
Thực hiện chuyển đổi số năm 2026
{header}

Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
1. Sở Khoa học và Công nghệ chủ trì triển khai nền tảng số, hoàn thành trước ngày 30/6/2026.
"""


@pytest.mark.parametrize(("header", "number", "date"), [
    ("(Kèm theo Quyết định số 125/QĐ-UBND\nngày 15 tháng 01 năm 2026 của UBND tỉnh)", "125/QĐ-UBND",
     dt.date(2026, 1, 15)),
    ("(Ban hành kèm theo Quyết định số 12/2026/QĐ-UBND ngày 05/3/2026 của UBND tỉnh)", "12/2026/QĐ-UBND",
     dt.date(2026, 3, 5)),
    ("(Kèm theo Quyết định số 125/QĐ-UBND của UBND tỉnh)", "125/QĐ-UBND", None),
])
def test_the_decision_a_plan_is_attached_to_numbers_it(header: str, number: str, date: dt.date | None) -> None:
    notice = parse_notice(PLAN.format(header=header))
    assert (notice.number, notice.date) == (number, date)


def test_a_documents_own_number_line_comes_first() -> None:
    own = "Số: 88/KH-UBND\nAn Hòa, ngày 20 tháng 01 năm 2026\n(Kèm theo Quyết định số 125/QĐ-UBND ngày 15/01/2026)"
    notice = parse_notice(PLAN.format(header=own))
    assert (notice.number, notice.date) == ("88/KH-UBND", dt.date(2026, 1, 20))
