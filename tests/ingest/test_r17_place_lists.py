"""Round 17: a group of provinces or districts named with the places it is made of in brackets — "UBND các tỉnh miền
núi phía Bắc (Hà Giang, Cao Bằng, Lào Cai), Bắc Trung bộ (…) và Tây Nguyên (…) chỉ đạo …", a bracket a copy left open
("(Lâm Đồng, Gia Lai, Kon Tum, chỉ đạo …") — is the doer by its group name; and "Nội dung công điện nêu rõ:" only
opens the asks the letter holds, the unit after it leads."""

from __future__ import annotations

import pytest

from bot.ingest.units import STRONG, find_leads_ranked


@pytest.mark.parametrize(("text", "lead"), [
    ("UBND các huyện vùng cao (Mường Tè, Sìn Hồ, Phong Thổ, Nậm Nhùn) chỉ đạo các xã rà soát các hộ dân.",
     "UBND các huyện vùng cao"),
    ("UBND các huyện vùng cao (Mường Tè, Sìn Hồ, Phong Thổ, Nậm Nhùn, chỉ đạo các xã rà soát các hộ dân.",
     "UBND các huyện vùng cao"),
    ("Chủ tịch UBND các tỉnh ven biển (Quảng Ninh, Hải Phòng, Thái Bình, Nam Định, khẩn trương kiểm đếm tàu thuyền.",
     "Chủ tịch UBND các tỉnh ven biển"),
])
def test_a_group_with_its_places_in_brackets_leads_by_its_name(text: str, lead: str) -> None:
    leads, strength = find_leads_ranked(text)
    assert leads == [lead] and strength >= STRONG


def test_regions_of_one_group_stay_one_group() -> None:
    text = ("UBND các tỉnh miền núi phía Bắc (Hà Giang, Cao Bằng, Lào Cai), Bắc Trung bộ (Thanh Hóa, Nghệ An, Hà Tĩnh) "
            "và Tây Nguyên (Lâm Đồng, Gia Lai, Kon Tum) chỉ đạo các sở triển khai biện pháp chống rét cho vật nuôi.")
    assert find_leads_ranked(text)[0] == ["UBND các tỉnh miền núi phía Bắc, Bắc Trung bộ và Tây Nguyên"]


@pytest.mark.parametrize("opening", ["Nội dung công điện nêu rõ:", "Công văn nhấn mạnh:", "Nội dung chỉ thị chỉ rõ:"])
def test_what_the_letter_says_opens_the_ask(opening: str) -> None:
    leads, strength = find_leads_ranked(f"{opening} UBND các huyện, thị xã chỉ đạo các xã rà soát các hộ dân ven sông.")
    assert leads == ["UBND các huyện, thị xã"] and strength >= STRONG


def test_a_note_of_two_names_or_in_lower_case_is_not_a_place_list() -> None:
    # (two names: "Sở A (Phòng B, Phòng C)" is not a list of places the group is made of — nothing is removed)
    from bot.ingest.units import PLACE_LIST
    assert PLACE_LIST.search("UBND tỉnh (Hà Giang, Cao Bằng) chỉ đạo") is None
    assert PLACE_LIST.search("các tỉnh (gồm: Hà Giang, Cao Bằng, Lào Cai) chỉ đạo") is None
