"""Round 21: a lead-in that lists the units after its colon ("Các đơn vị gồm: A, B, C phối hợp …") names no unit
itself: the units listed lead, not "Các đơn vị gồm"."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("lead_in", ["Các đơn vị gồm", "Các cơ quan bao gồm", "Các đơn vị tham gia gồm có"])
@pytest.mark.parametrize("units", [["Sở Y tế", "Báo Lâm Đồng"],
                                   ["Sở Tài chính", "Đài Phát thanh và Truyền hình tỉnh", "Công an tỉnh"]])
def test_the_units_listed_lead(lead_in: str, units: list[str]) -> None:
    text = f"{lead_in}: {', '.join(units)} phối hợp với UBND các huyện tổ chức tuyên truyền trên địa bàn tỉnh."
    assert find_leads(text) == units


# guards: a plain "units:" heading and a list of people are read as before
@pytest.mark.parametrize("text,leads", [
    ("Các đơn vị: Sở Nội vụ, Sở Tài chính thực hiện rà soát.", ["Sở Nội vụ", "Sở Tài chính"]),
    ("Thành phần gồm: đại diện lãnh đạo các phòng chuyên môn.", []),
    ("Sở Y tế: Chủ trì kiểm tra an toàn thực phẩm.", ["Sở Y tế"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
