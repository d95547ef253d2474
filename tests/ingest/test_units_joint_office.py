"""Two unit patterns of conclusion notices: the office that serves two elected bodies is one unit ("Văn phòng
HĐND và UBND huyện"), and "Phối hợp X …" opening an item under a unit's heading makes X a partner, not the lead."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice
from bot.ingest.units import find_leads, split_units


@pytest.mark.parametrize("name", [
    "Văn phòng HĐND và UBND huyện",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thị xã",
])
def test_the_office_of_two_elected_bodies_is_one_unit(name: str) -> None:
    assert split_units(name) == [name]


@pytest.mark.parametrize(("names", "expected"), [
    ("Văn phòng UBND tỉnh và Sở Nội vụ", ["Văn phòng UBND tỉnh", "Sở Nội vụ"]),
    ("UBND huyện và HĐND huyện", ["UBND huyện", "HĐND huyện"]),
])
def test_other_lists_with_va_still_split(names: str, expected: list[str]) -> None:
    assert split_units(names) == expected


@pytest.mark.parametrize("text", [
    "Phối hợp Sở Y tế khẩn trương nghiên cứu chính sách hỗ trợ.",
    "Chủ động phối hợp Ban Kinh tế khẩn trương làm việc với Sở Tài chính.",
])
def test_the_unit_after_phoi_hop_is_not_the_lead(text: str) -> None:
    assert find_leads(text) == []


def test_a_partner_item_under_a_heading_keeps_the_heading_unit_as_lead() -> None:
    notice = parse_notice("\n".join([
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban",
        "1. Giao Phòng Giáo dục và Đào tạo",
        "- Phối hợp Phòng Tài chính - Kế hoạch khẩn trương rà soát kinh phí sửa chữa trường lớp.",
        "- Tổ chức tốt lễ khai giảng năm học mới.",
        "2. Giao Văn phòng HĐND và UBND huyện",
        "- Theo dõi, đôn đốc các cơ quan thực hiện kết luận này.",
    ]))
    leads = {t.text[:20]: t.lead for t in notice.tasks}
    assert leads["Phối hợp Phòng Tài c"] == ("Phòng Giáo dục và Đào tạo",)
    assert leads["Theo dõi, đôn đốc cá"] == ("Văn phòng HĐND và UBND huyện",)
    partner = next(t for t in notice.tasks if t.text.startswith("Phối hợp"))
    assert "Phòng Tài chính - Kế hoạch" in partner.support
