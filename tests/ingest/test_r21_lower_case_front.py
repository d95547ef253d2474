"""Round 21: the Fatherland Front named in lower case with its level ("mặt trận các cấp", "mặt trận xã") is a unit as
"Mặt trận các cấp" is; "các cấp" alone is no lead for it."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("front", ["mặt trận các cấp", "mặt trận xã", "mặt trận cấp cơ sở", "mặt trận huyện"])
@pytest.mark.parametrize("ask", ["Yêu cầu", "Chủ tịch Ủy ban MTTQ thành phố yêu cầu", "Đề nghị"])
def test_a_lower_case_front_is_a_unit(front: str, ask: str) -> None:
    text = f"{ask} {front} phải đảm bảo khách quan, toàn diện, thực chất trong việc lấy ý kiến của người dân."
    assert find_leads(text) == [front]


# guards: "mặt trận" as a field of work ("trên mặt trận kinh tế") opens no unit
@pytest.mark.parametrize("text,leads", [
    ("Sở Công Thương tiếp tục đấu tranh trên mặt trận chống buôn lậu.", ["Sở Công Thương"]),
    ("Yêu cầu Mặt trận các cấp tuyên truyền.", ["Mặt trận các cấp"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
