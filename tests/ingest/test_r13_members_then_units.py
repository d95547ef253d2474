"""Round 13: a list of departments named by field after "các Sở:" ends where a unit of its own starts: "các Sở: Y
tế, Tư pháp, UBND các huyện, thành phố" is Sở Y tế, Sở Tư pháp and UBND các huyện, thành phố; "tùy vào chức năng" after
the units is not part of their names."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("text", "leads"), [
    ("UBND tỉnh yêu cầu các Sở: Y tế, Giáo dục và Đào tạo, UBND các huyện, thành phố tùy vào chức năng, nhiệm vụ "
     "triển khai các biện pháp phòng, chống đuối nước;",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo", "UBND các huyện, thành phố"]),
    ("UBND tỉnh giao các Sở: Nội vụ, Tài chính, Công an tỉnh triển khai rà soát biên chế.",
     ["Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"]),
    ("Đề nghị các Bộ: Công an, Tư pháp phối hợp thực hiện.", ["Bộ Công an", "Bộ Tư pháp"]),
])
def test_members_by_field_then_units_of_their_own(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


@pytest.mark.parametrize(("text", "leads"), [
    ("Chi cục Kiểm lâm vừa có công văn yêu cầu các Hạt Kiểm lâm địa phương, Đội Kiểm lâm cơ động tăng cường "
     "tuyên truyền phòng cháy rừng.", ["các Hạt Kiểm lâm địa phương", "Đội Kiểm lâm cơ động"]),
    ("Chi cục Thú y yêu cầu các Trạm Thú y huyện tăng cường giám sát dịch bệnh.", ["các Trạm Thú y huyện"]),
    ("Ngân hàng Chính sách xã hội tỉnh yêu cầu các chi nhánh huyện rà soát nợ quá hạn.", ["các chi nhánh huyện"]),
])
def test_a_sub_department_asks_and_the_units_asked_lead(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads
