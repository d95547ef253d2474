"""Unit names in lists and at the start of an item: words that look like units and are not, and lists whose parts
are units of their own."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, heading_units, split_units


@pytest.mark.parametrize("text", [
    "Ban đầu các xã chưa gửi kịp thời số liệu về nhà ở.",
    "Ban ngày lực lượng tuần tra phải có mặt tại chốt.",
    "Ban chất của việc này là quản lý người bán trên mạng.",  # "Bản chất" with its mark lost by a scan
    "Ban thân mỗi cán bộ cần gương mẫu trong công việc.",
])
def test_words_starting_with_ban_are_not_units(text: str) -> None:
    assert find_leads(text) == []


@pytest.mark.parametrize(("text", "lead"), [
    ("Ban Quản lý dự án chủ trì lập hồ sơ mời thầu.", ["Ban Quản lý dự án"]),
    ("Ban chỉ đạo huyện tổ chức kiểm tra các xã.", ["Ban chỉ đạo huyện"]),
    ("Ban Dân vận Huyện ủy hướng dẫn các chi bộ.", ["Ban Dân vận Huyện ủy"]),
])
def test_ban_units_still_lead(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


@pytest.mark.parametrize(("names", "units"), [
    ("các phòng ban chuyên môn, đơn vị sự nghiệp", ["các phòng ban chuyên môn", "đơn vị sự nghiệp"]),
    ("cơ sở khám bệnh, chữa bệnh, doanh nghiệp", ["cơ sở khám bệnh, chữa bệnh", "doanh nghiệp"]),
    ("Cơ sở giáo dục mầm non, cơ quan, đơn vị liên quan", ["Cơ sở giáo dục mầm non", "cơ quan, đơn vị liên quan"]),
])
def test_a_complete_group_before_a_comma_ends_there(names: str, units: list[str]) -> None:
    assert split_units(names) == units


@pytest.mark.parametrize("names", [
    "các cơ quan, đơn vị liên quan",
    "Các bộ, cơ quan ngang bộ",
    "các bộ ngành, địa phương",
    "các sở, ban, ngành",
    "các cấp ủy, tổ chức đảng",
])
def test_a_list_of_bare_kinds_stays_one_group(names: str) -> None:
    assert split_units(names) == [names]


@pytest.mark.parametrize(("names", "units"), [
    ("Vụ Pháp chế va các Cục Thuế địa phương", ["Vụ Pháp chế", "các Cục Thuế địa phương"]),  # "và" without its mark
    ("Vụ Tổng hợp và Van phòng", ["Vụ Tổng hợp", "Van phòng"]),  # "Văn phòng" without its mark
])
def test_a_scan_that_lost_marks_still_splits_a_list(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_unit_after_va_leads() -> None:
    assert find_leads("Cục Kiểm tra va các Chi cục khu vực tổ chức rà soát hồ sơ.") == ["Cục Kiểm tra",
                                                                                       "các Chi cục khu vực"]


@pytest.mark.parametrize("names", [
    "Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ",
    "các Cục, Phòng, đơn vị trực thuộc",
])
def test_bare_departments_listed_after_cac_stay_one_group(names: str) -> None:
    assert split_units(names) == [names]


def test_a_named_department_after_bare_ones_is_its_own_unit() -> None:
    assert split_units("các Sở, Phòng Kế hoạch huyện") == ["các Sở", "Phòng Kế hoạch huyện"]


def test_lead_is_the_whole_group_of_departments() -> None:
    assert find_leads("Giao Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ tổ chức thực hiện nghiêm.") == [
        "Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ"]


@pytest.mark.parametrize(("heading", "units"), [
    ("Quân ủy Trung ương", ["Quân ủy Trung ương"]),
    ("Quận uỷ Hai Bà Trưng", ["Quận uỷ Hai Bà Trưng"]),
])
def test_party_committees_of_the_army_and_of_a_district_are_units(heading: str, units: list[str]) -> None:
    assert heading_units(heading) == units


def test_district_committee_leads() -> None:
    assert find_leads("Quận ủy chỉ đạo các phường rà soát danh sách đảng viên.") == ["Quận ủy"]


@pytest.mark.parametrize(("text", "lead"), [
    ("Đại sứ quán Việt Nam tại Lào phối hợp tổ chức đón đoàn.", ["Đại sứ quán Việt Nam"]),
    ("Câu lạc bộ Hưu trí chuẩn bị chương trình văn nghệ.", ["Câu lạc bộ Hưu trí"]),
    ("Kiểm toán Nhà nước khu vực II tiến hành kiểm toán ngân sách.", ["Kiểm toán Nhà nước khu vực II"]),
    ("Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND tỉnh.", ["Người đứng đầu cơ quan, đơn vị"]),
])
def test_more_kinds_of_unit_open_a_name(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


@pytest.mark.parametrize(("names", "units"), [
    ("Ban Quản lý dự án/Tư vấn được lựa chọn", ["Ban Quản lý dự án", "Tư vấn được lựa chọn"]),
    ("Chủ đầu tư/Nhà thầu thi công", ["Chủ đầu tư", "Nhà thầu thi công"]),
])
def test_contract_parties_after_a_slash_are_units(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_contractor_leads_but_advising_is_a_verb() -> None:
    assert find_leads("Nhà thầu thi công phải bố trí biển báo tại công trường.") == ["Nhà thầu thi công"]
    assert find_leads("Tư vấn cho UBND tỉnh về quy hoạch vùng.") == []


@pytest.mark.parametrize(("text", "lead"), [
    ("Thuế tại văn bản số 12 đã hướng dẫn việc gia hạn.", []),  # a line cut by a scan: the word "tax"
    ("Thuế thu nhập cá nhân phải kê khai đúng hạn.", []),
    ("Thuế tỉnh chủ trì rà soát hồ sơ hoàn thuế.", ["Thuế tỉnh"]),
])
def test_a_bare_tax_word_is_no_tax_office(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead


@pytest.mark.parametrize(("names", "units"), [
    ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
     ["Các tỉnh ủy", "thành ủy", "đảng ủy trực thuộc Trung ương"]),
    # (the committees of the local levels listed after "các" are one group: tests/ingest/test_r14_level_committees.py)
    ("Các tỉnh ủy, thành ủy", ["Các tỉnh ủy", "thành ủy"]),
])
def test_party_committees_of_several_kinds_are_one_unit_each(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_committees_of_two_kinds_both_lead() -> None:
    assert find_leads("Các tỉnh ủy, thành ủy xây dựng chương trình hành động.") == ["Các tỉnh ủy", "thành ủy"]


@pytest.mark.parametrize("names", [
    "các cơ quan, đơn vị, các ngành có liên quan",
    "các sở, ngành, các địa phương liên quan",
])
def test_related_qualifies_the_whole_list_of_kinds(names: str) -> None:
    assert split_units(names) == [names]


def test_a_named_unit_before_related_ones_stays_apart() -> None:
    assert split_units("Sở Y tế, các cơ quan có liên quan") == ["Sở Y tế", "các cơ quan có liên quan"]


def test_staff_named_by_role_after_va_is_a_unit() -> None:
    assert find_leads("UBND phường, các ban, ngành và cán bộ chuyên môn kiểm tra từng hộ.") == [
        "UBND phường", "các ban, ngành", "cán bộ chuyên môn"]


def test_staff_in_charge_leads() -> None:
    assert find_leads("Cán bộ đầu mối tổng hợp danh sách gửi Văn phòng.") == ["Cán bộ đầu mối"]
