"""Round 30b: who must act, read from phrasings that lost it. Owners asked as a group after other units ("… và các
chủ rừng trên địa bàn"), the local administration inside a comma list ("các cơ quan, đơn vị, chính quyền địa
phương"), and a unit named with the office inside it that acts ("Bộ Quốc phòng (Cục Bản đồ) có trách nhiệm")."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads_ranked, heading_units, split_units


@pytest.mark.parametrize(("text", "leads"), [
    ("Chủ tịch UBND tỉnh yêu cầu Công an tỉnh và các chủ rừng trên địa bàn tăng cường kiểm tra.",
     ["Công an tỉnh", "các chủ rừng trên địa bàn"]),
    ("UBND huyện đề nghị các xã và các chủ hồ đập trên địa bàn kiểm tra an toàn công trình.",
     ["các xã", "các chủ hồ đập trên địa bàn"]),
    ("Yêu cầu các sở, ngành, các chủ đầu tư khẩn trương giải ngân vốn.",
     ["các sở, ngành", "các chủ đầu tư"]),
])
def test_owners_asked_as_a_group_are_leads_of_their_own(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


def test_the_local_administration_in_a_comma_list_is_a_unit_of_its_own() -> None:
    assert split_units("các cơ quan, đơn vị, chính quyền địa phương") == \
        ["các cơ quan, đơn vị", "chính quyền địa phương"]
    # ("chính quyền các cấp" after other kinds still qualifies them all)
    assert split_units("cấp ủy, tổ chức đảng, chính quyền các cấp") == ["cấp ủy, tổ chức đảng, chính quyền các cấp"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Bộ Quốc phòng (Cục Bản đồ Tổng tham mưu) có trách nhiệm cung cấp bản đồ ảnh.", "Bộ Quốc phòng"),
    ("Sở Tài chính (Kho bạc Nhà nước tỉnh) chủ trì thẩm định dự toán.", "Sở Tài chính"),
    ("Công an tỉnh (Phòng Cảnh sát giao thông) có trách nhiệm tăng cường tuần tra.", "Công an tỉnh"),
])
def test_a_unit_named_with_its_office_in_brackets_leads(text: str, lead: str) -> None:
    assert find_leads_ranked(text)[0] == [lead]


def test_an_account_after_the_bracket_asks_nobody() -> None:
    leads, _ = find_leads_ranked("UBND tỉnh (Sở Kế hoạch và Đầu tư) đã có văn bản gửi các bộ.")
    assert leads != ["UBND tỉnh"]


def test_a_heading_with_the_office_in_brackets_leads_its_items() -> None:
    text = ("CHỈ THỊ\nVề việc đo đạc bản đồ\n1. Các bộ có trách nhiệm như sau:\n"
            "a) Bộ Nông nghiệp có trách nhiệm:\n- Cử cán bộ chuyên môn tham gia huấn luyện.\n"
            "b) Bộ Quốc phòng (Cục Bản đồ Tổng tham mưu) có trách nhiệm:\n"
            "- Có kế hoạch bay chụp ảnh bổ sung trên toàn lãnh thổ.\n- Cung cấp bản đồ ảnh tỷ lệ lớn.\n")
    leads = {t.text[:20]: t.lead for t in parse_notice(text).tasks}
    assert leads["Có kế hoạch bay chụp"] == ("Bộ Quốc phòng",)
    assert leads["Cung cấp bản đồ ảnh "] == ("Bộ Quốc phòng",)


@pytest.mark.parametrize(("text", "leads"), [
    ("Giao công an phường, tổ thanh tra xây dựng tổ chức giải tỏa các điểm vi phạm.",
     ["công an phường", "tổ thanh tra xây dựng"]),
    ("Giao Đội Thanh tra xây dựng kiểm tra các công trình.", ["Đội Thanh tra xây dựng"]),
])
def test_the_building_inspectorate_is_one_name(text: str, leads: list[str]) -> None:
    assert find_leads_ranked(text)[0] == leads


def test_office_holders_listed_after_commas_are_one_lead_each() -> None:
    text = ("Trưởng thôn, tổ trưởng TDP, Hiệu trưởng các trường học, trưởng các đơn vị, đoàn thể chịu trách nhiệm "
            "huy động lực lượng tham gia.")
    assert find_leads_ranked(text)[0] == ["Trưởng thôn", "tổ trưởng TDP", "Hiệu trưởng các trường học",
                                          "trưởng các đơn vị, đoàn thể"]


@pytest.mark.parametrize(("head", "leads"), [
    ("Ban Chỉ đạo cấp quân khu, Ban Chỉ đạo các tỉnh, thành phố trực thuộc Trung ương",
     ["Ban Chỉ đạo cấp quân khu", "Ban Chỉ đạo các tỉnh, thành phố trực thuộc Trung ương"]),
    ("Hội đồng thi đua cấp thành phố", ["Hội đồng thi đua cấp thành phố"]),
])
def test_cap_before_a_level_is_the_level_not_the_verb(head: str, leads: list[str]) -> None:
    assert heading_units(head) == leads


@pytest.mark.parametrize(("head", "leads"), [
    ("Trước ngày 01 tháng 6 hằng năm, Bộ Kế hoạch và Đầu tư", ["Bộ Kế hoạch và Đầu tư"]),
    ("Định kỳ hằng quý, UBND các huyện", ["UBND các huyện"]),
])
def test_a_heading_may_say_when_before_whom(head: str, leads: list[str]) -> None:
    assert heading_units(head) == leads


def test_a_heading_that_says_when_and_what_names_nobody() -> None:
    assert heading_units("Trong năm 2026, tổ chức hội nghị sơ kết") == []



def test_the_front_in_lower_case_and_a_group_in_the_province_are_leads() -> None:
    text = ("Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, chính quyền, mặt trận Tổ quốc, các tổ chức chính trị xã hội và "
            "lực lượng vũ trang trong tỉnh tập trung khắc phục hậu quả bão.")
    assert find_leads_ranked(text)[0] == ["các cấp ủy", "chính quyền", "mặt trận Tổ quốc",
                                          "các tổ chức chính trị xã hội", "lực lượng vũ trang trong tỉnh"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Đề nghị các địa phương trong khu vực triển khai lực lượng xung kích.", "các địa phương trong khu vực"),
    ("Sở Y tế trong tháng 5 tổ chức kiểm tra.", "Sở Y tế"),
])
def test_trong_before_a_place_is_part_of_the_name_not_before_a_time(text: str, lead: str) -> None:
    assert find_leads_ranked(text)[0] == [lead]


def test_a_speakers_remark_then_a_units_own_sentence_leads_with_that_unit() -> None:
    text = ("Đồng chí trưởng ban chỉ đạo nhấn mạnh việc tạo sự đồng thuận cao trong nhân dân. Các thôn nắm chắc số "
            "lượng cử tri đi làm ăn xa.")
    assert find_leads_ranked(text)[0] == ["Các thôn"]


def test_a_speakers_remark_alone_keeps_the_speaker() -> None:
    text = "Đồng chí Chủ tịch UBND xã nhấn mạnh việc tạo sự đồng thuận. Kết quả lấy phiếu đạt cao."
    assert find_leads_ranked(text)[0] == find_leads_ranked("Đồng chí Chủ tịch UBND xã nhấn mạnh việc tạo sự "
                                                           "đồng thuận.")[0]
