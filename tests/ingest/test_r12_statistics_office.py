"""Round 12: the statistics office is named "Thống kê tỉnh" / "Thống kê cơ sở 2" / "Thống kê khu vực" (as the tax
office is "Thuế tỉnh"): a unit that can be given work. A bare "thống kê" is the verb "count"."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize("unit", ["Thống kê tỉnh", "Thống kê cơ sở 2", "Thống kê khu vực"])
def test_the_statistics_office_is_given_work(unit: str) -> None:
    text = f"Giao {unit} chủ trì, phối hợp các sở, ngành tham mưu thành lập Ban chỉ đạo điều tra kinh tế."
    assert find_leads_ranked(text)[0] == [unit]


def test_counting_is_no_unit() -> None:
    assert find_leads_ranked("Các xã thống kê số hộ nghèo, báo cáo trước ngày 20/3.")[0] == ["Các xã"]
