"""Round 21: a group word cut short ("Lực lượng", "Các lực lượng" — the force of what is not said, or the name was cut
at "tham gia") names nobody and is no lead; a force with its kind ("Lực lượng công an", "các lực lượng chức năng")
still is."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("text", [
    "Các lực lượng xử lý nghiêm trường hợp lấn chiếm vỉa hè khu vực nút giao thông để làm nơi kinh doanh.",
    "Lực lượng tham gia gồm: cán bộ Phòng Quản lý đô thị quận, cán bộ Hội Cựu chiến binh và đoàn viên thanh niên.",
    "Những lực lượng tham gia ra quân tuyên truyền, nhắc nhở người dân chấp hành quy định.",
    "Lực lượng tham gia ra quân tuyên truyền, nhắc nhở người dân chấp hành quy định.",
])
def test_a_bare_force_is_no_lead(text: str) -> None:
    assert find_leads(text) == []


# guards: a force named by its kind leads
@pytest.mark.parametrize("text,leads", [
    ("Lực lượng công an, kiểm lâm, quân sự tăng cường tuần tra.", ["Lực lượng công an, kiểm lâm, quân sự"]),
    ("Giao các lực lượng chức năng xử lý nghiêm các trường hợp vi phạm.", ["các lực lượng chức năng"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
