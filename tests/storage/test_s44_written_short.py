"""Units written short in a message, and the word that leads to a period in a report's filter (session 44)."""
import datetime as dt

import pytest

from storage.reports import parse_filter
from storage.unitnames import named_by_initials

UNITS = ["Sở Xây dựng", "Sở Kế hoạch và Đầu tư", "Phòng Nông nghiệp và Phát triển nông thôn",
         "Phòng Kinh tế và Hạ tầng", "UBND xã Đức Trọng"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Yêu cầu Sở XD khẩn trương hoàn thành", ["Sở Xây dựng"]),
    ("Đề nghị Sở KH&ĐT, tham mưu sớm", ["Sở Kế hoạch và Đầu tư"]),
    ("giao Phòng NN-PTNT rà soát lại", ["Phòng Nông nghiệp và Phát triển nông thôn"]),
    ("Phòng KT&HT báo cáo ngay", ["Phòng Kinh tế và Hạ tầng"]),
    ("Sở XD và Sở KH&ĐT phối hợp", []),  # two units: not one to pick
    ("Sở đã nhận được văn bản", []),  # the kind alone names nobody
    ("Sở Xây lắp đã xong", []),  # no fuzzy guess
])
def test_a_unit_written_by_its_initials_is_named(text: str, expected: list[str]) -> None:
    assert named_by_initials(text, UNITS) == expected


def test_initials_that_fit_two_units_name_neither() -> None:
    assert named_by_initials("Phòng KT báo cáo", ["Phòng Kinh tế", "Phòng Kế toán"]) == []


@pytest.mark.parametrize(("text", "unit"), [
    ("Sở Xây dựng trong tháng 5", "Sở Xây dựng"),
    ("Sở Xây dựng vào tháng 5", "Sở Xây dựng"),
    ("xã Đức Trọng tháng 5", "xã Đức Trọng"),  # "Trọng" is the commune's name, not "trong"
    ("xã Đức Trọng trong tháng 5", "xã Đức Trọng"),
])
def test_the_word_that_leads_to_a_period_goes_with_it(text: str, unit: str) -> None:
    found = parse_filter(text, dt.date(2026, 6, 10))
    assert found.unit == unit
    assert found.date_from == dt.date(2026, 5, 1)
