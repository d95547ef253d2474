"""Who must act: group addressees, lists of units and the words around a unit's name (general phrasings)."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, heading_units, split_units


@pytest.mark.parametrize(("names", "units"), [
    # a group's list of kinds ends with a bare kind after "và": one group as written
    ("Các bộ, cơ quan trung ương và địa phương", ["Các bộ, cơ quan trung ương và địa phương"]),
    ("các bộ, ngành và địa phương liên quan", ["các bộ, ngành và địa phương liên quan"]),
    # a province's departments and its localities: two groups of doers
    ("các sở, ban, ngành và địa phương", ["các sở, ban, ngành", "địa phương"]),
    ("các bộ, ngành, cơ quan trung ương và địa phương", ["các bộ, ngành, cơ quan trung ương và địa phương"]),
    # … but "và các …" and "và UBND …" start a unit of their own
    ("các sở, ngành và các địa phương", ["các sở, ngành", "các địa phương"]),
    ("Các sở, ngành và UBND các huyện", ["Các sở, ngành", "UBND các huyện"]),
    ("Sở Tài chính và Sở Xây dựng", ["Sở Tài chính", "Sở Xây dựng"]),
    # a named unit of every kind in a group: "Thanh tra các sở, ngành, địa phương"
    ("Thanh tra các sở, ngành, địa phương", ["Thanh tra các sở, ngành, địa phương"]),
    ("Sở Y tế, cơ quan, đơn vị liên quan", ["Sở Y tế", "cơ quan, đơn vị liên quan"]),
    # two office holders listed: the second title starts its own entry
    ("Chủ tịch Hội đồng quản trị, Tổng Giám đốc các công ty nhà nước",
     ["Chủ tịch Hội đồng quản trị", "Tổng Giám đốc các công ty nhà nước"]),
])
def test_group_names_split_only_where_units_end(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize(("text", "leads"), [
    ("Các bộ, cơ quan trung ương và địa phương khẩn trương rà soát các dự án",
     ["Các bộ, cơ quan trung ương và địa phương"]),
    ("Các bộ, ngành và địa phương liên quan có trách nhiệm phối hợp với Bộ Y tế thực hiện",
     ["Các bộ, ngành và địa phương liên quan"]),
    # office holders written in lower case after the requester
    ("Chủ tịch UBND tỉnh yêu cầu giám đốc các sở, ban, ngành và chủ tịch UBND các huyện khẩn trương rà soát",
     ["giám đốc các sở, ban, ngành", "chủ tịch UBND các huyện"]),
])
def test_group_leads(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_page_break_marker_before_the_subject_is_not_text() -> None:
    text = "--- PAGE BREAK --- Bộ Xây dựng và các bộ, ngành, địa phương thường xuyên theo dõi tình hình"
    assert find_leads(text) == ["Bộ Xây dựng", "các bộ, ngành, địa phương"]


@pytest.mark.parametrize(("text", "leads"), [
    # subjects listed with ';' after a phrase of time, the verb after the last one
    ("Phổ biến nghị quyết Trong năm 2026, các sở, ngành; các cấp chính quyền địa phương; các doanh nghiệp nhà nước "
     "hoàn thành việc phổ biến nghị quyết",
     ["các sở, ngành", "các cấp chính quyền địa phương", "các doanh nghiệp nhà nước"]),
    ("Viện Kinh tế; Viện Chiến lược, Chính sách tài chính nghiên cứu, xây dựng bộ chỉ số",
     ["Viện Kinh tế", "Viện Chiến lược, Chính sách tài chính"]),
])
def test_subjects_listed_with_semicolons(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # words of manner after the doer are not part of its name
    ("Giám đốc Sở Y tế trực tiếp chỉ đạo việc tiêm chủng", ["Giám đốc Sở Y tế"]),
    ("UBND các huyện quyết liệt xử lý các trường hợp vi phạm", ["UBND các huyện"]),
    ("Công an tỉnh tích cực nắm tình hình", ["Công an tỉnh"]),
    # an office holder addressed as "đồng chí" after "Giao"
    ("Giao đồng chí Phó Chủ tịch UBND tỉnh chỉ đạo xử lý dứt điểm", ["đồng chí Phó Chủ tịch UBND tỉnh"]),
])
def test_office_holders_and_manner_words(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # the related bodies asked with a named unit act with it
    ("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các cơ quan liên quan: Tăng cường giám sát việc thực thi pháp luật",
     ["Ủy ban Mặt trận Tổ quốc tỉnh", "các cơ quan liên quan"]),
    ("Giao Sở Công Thương và các đơn vị liên quan kiểm tra việc kinh doanh xăng dầu",
     ["Sở Công Thương", "các đơn vị liên quan"]),
])
def test_related_bodies_asked_with_a_unit_lead_with_it(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_stray_colon_after_các_in_a_scan() -> None:
    text = "Các: Bộ: Tài chính, Nông nghiệp và Môi trường, Xây dựng trình Chính phủ ban hành nghị định"
    assert find_leads(text) == ["Bộ Tài chính", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng"]


def test_an_article_on_the_duties_of_office_holders_names_them() -> None:
    head = "Điều 3. Trách nhiệm của Phó Chánh Thanh tra được phân công phụ trách lĩnh vực xây dựng và Chuyên viên " \
           "được giao nhiệm vụ"
    assert heading_units(head) == ["Phó Chánh Thanh tra được phân công phụ trách lĩnh vực xây dựng",
                                   "Chuyên viên được giao nhiệm vụ"]


@pytest.mark.parametrize(("text", "leads"), [
    # Party bodies and office holders
    ("Giao Đảng đoàn HĐND huyện, Ban cán sự đảng UBND huyện lãnh đạo thực hiện",
     ["Đảng đoàn HĐND huyện", "Ban cán sự đảng UBND huyện"]),
    ("Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn chỉ đạo việc sắp xếp",
     ["Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn"]),
    # a kind with no name of its own after a group is one more kind of that group
    ("Đề nghị các Ban cán sự đảng, Đảng đoàn; các cấp ủy trực thuộc Tỉnh ủy quán triệt nghị quyết",
     ["các Ban cán sự đảng, Đảng đoàn", "các cấp ủy trực thuộc Tỉnh ủy"]),
])
def test_party_bodies(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


@pytest.mark.parametrize(("text", "leads"), [
    # a name of the regular form ends where a verb no list holds begins
    ("Sở Xây dựng thẩm tra thiết kế cơ sở", ["Sở Xây dựng"]),
    ("Sở Y tế niêm yết công khai giá dịch vụ", ["Sở Y tế"]),
    ("Công an tỉnh điều tra làm rõ vụ việc", ["Công an tỉnh"]),
    ("UBND huyện Bắc Hà điều chỉnh quy hoạch", ["UBND huyện Bắc Hà"]),
    ("Bộ Văn hoá, Thể thao và Du lich quảng bá du lịch", ["Bộ Văn hoá, Thể thao và Du lich"]),
    # … and goes on with its level, place or group
    ("Sở Xây dựng tỉnh Lào Cai thẩm tra thiết kế", ["Sở Xây dựng tỉnh Lào Cai"]),
    ("Sở Y tế các tỉnh thống kê số ca bệnh", ["Sở Y tế các tỉnh"]),
])
def test_regular_names_end_before_any_verb(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads


def test_a_closing_courtesy_names_no_lead() -> None:
    assert find_leads("Bộ Giáo dục và Đào tạo trân trọng cảm ơn./.") == []


def test_a_word_of_time_between_the_request_and_whom_it_asks() -> None:
    text = "Ban Thường vụ Huyện ủy yêu cầu trước mắt các cấp ủy, tổ chức đảng tập trung lãnh đạo đại hội"
    assert find_leads(text) == ["các cấp ủy, tổ chức đảng"]
