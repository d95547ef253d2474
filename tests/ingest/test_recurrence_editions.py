"""One edition of a periodic event is not a recurring duty: "tổ chức chương trình … định kỳ tháng 8/2026" asks
for the August programme once; "báo cáo định kỳ hằng tháng" comes back every month."""

from __future__ import annotations

import pytest

from bot.ingest.dates import find_recurrence


@pytest.mark.parametrize("text", [
    "Chuẩn bị và tổ chức chu đáo chương trình tiếp xúc cử tri định kỳ tháng 8/2026.",
    "Tổng hợp kết quả hội nghị giao ban định kỳ quý III/2026 của các đơn vị.",
    "Chuẩn bị nội dung phiên họp định kỳ năm 2026.",
])
def test_an_edition_named_by_its_period_is_not_a_recurrence(text: str) -> None:
    assert find_recurrence(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Báo cáo định kỳ hằng tháng về Sở Nội vụ.", "monthly"),
    ("Định kỳ hằng quý báo cáo kết quả thực hiện.", "quarterly"),
    ("Báo cáo định kỳ 6 tháng và năm 2026.", "semiannual"),
])
def test_a_recurring_duty_stays_one(text: str, expected: str) -> None:
    assert find_recurrence(text) == expected
