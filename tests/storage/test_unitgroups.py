"""A group named as one lead is each of its members in the directory."""

from __future__ import annotations

import pytest

from storage.unitgroups import members, read_group
from storage.unitnames import unit_key

DIRECTORY = ["Sở Tài chính", "Sở Nội vụ", "Ban Dân vận Tỉnh ủy", "Ban An toàn giao thông tỉnh",
             "UBND huyện Bảo Thắng", "Ủy ban nhân dân thành phố Lào Cai", "UBND xã Gia Phú", "UBND phường Kim Tân",
             "Văn phòng UBND tỉnh", "Bộ Tài chính", "Phòng Tài chính - Kế hoạch", "Huyện ủy Nghi Lộc",
             "Thị ủy Cửa Lò", "Thành ủy Vinh", "Đảng ủy Khối các cơ quan tỉnh"]


KEYS = [unit_key(n) for n in DIRECTORY]  # as Unit.name_key holds them


@pytest.mark.parametrize(("written", "expected"), [
    ("các sở, ban, ngành", ["Sở Tài chính", "Sở Nội vụ", "Ban An toàn giao thông tỉnh"]),  # not the Party's boards
    ("Thủ trưởng các sở, ban, ngành tỉnh", ["Sở Tài chính", "Sở Nội vụ", "Ban An toàn giao thông tỉnh"]),
    ("UBND các huyện, thành phố", ["UBND huyện Bảo Thắng", "Ủy ban nhân dân thành phố Lào Cai"]),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", ["UBND huyện Bảo Thắng", "Ủy ban nhân dân thành phố Lào Cai"]),
    ("Chủ tịch UBND các xã, phường", ["UBND xã Gia Phú", "UBND phường Kim Tân"]),
    ("các bộ, cơ quan ngang bộ", ["Bộ Tài chính"]),
    ("các Ban Tỉnh uỷ", ["Ban Dân vận Tỉnh ủy"]),  # a qualifier some members end with keeps those
    ("các sở và các ban", ["Sở Tài chính", "Sở Nội vụ", "Ban An toàn giao thông tỉnh"]),
    ("các huyện, thành, thị ủy, đảng ủy trực thuộc", ["Huyện ủy Nghi Lộc", "Thị ủy Cửa Lò", "Thành ủy Vinh",
                                                    "Đảng ủy Khối các cơ quan tỉnh"]),  # "ủy" belongs to each
    ("các huyện ủy", ["Huyện ủy Nghi Lộc"]),
])
def test_members_of_a_group(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [DIRECTORY[i] for i in members(group, KEYS)] == expected


@pytest.mark.parametrize("written", ["các đơn vị liên quan", "các sở, ngành có liên quan", "các cơ quan, đơn vị",
                                     "các cấp ủy, tổ chức đảng"])
def test_a_group_nobody_can_be_named_in(written: str) -> None:
    group = read_group(written)
    assert group is not None and members(group, KEYS) == []


@pytest.mark.parametrize("written", ["Sở Tài chính", "UBND huyện Bảo Thắng", "Ban Chỉ đạo các chương trình mục tiêu",
                                     "các thành viên Ban Chỉ đạo", "Văn phòng"])
def test_one_unit_is_not_a_group(written: str) -> None:
    assert read_group(written) is None


@pytest.mark.parametrize(("written", "expected"), [
    ("tất cả các cơ quan, đơn vị, địa phương", DIRECTORY),
    ("Tất cả các cơ quan, đơn vị", [n for n in DIRECTORY if not n.startswith(("UBND", "Ủy ban nhân dân"))]),
    ("tất cả các địa phương", ["UBND huyện Bảo Thắng", "Ủy ban nhân dân thành phố Lào Cai", "UBND xã Gia Phú",
                               "UBND phường Kim Tân"]),
    ("tất cả các đơn vị có liên quan", []),  # "có liên quan": some, nobody can say which
    ("tất cả các doanh nghiệp", []),  # no directory unit is named so
])
def test_every_unit_of_a_generic_group_when_the_admin_says_all(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [DIRECTORY[i] for i in members(group, KEYS)] == expected


# a department's own directory (probe 12): the leaders' board, its office, its phòng and a Chi cục
SO = ["Ban Giám đốc Sở", "Văn phòng Sở", "Phòng Quản lý Công nghiệp", "Phòng Kế hoạch - Tổng hợp",
      "Chi cục Quản lý thị trường", "Thanh tra Sở"]
SO_KEYS = [unit_key(n) for n in SO]
PHONG = ["Văn phòng Sở", "Phòng Quản lý Công nghiệp", "Phòng Kế hoạch - Tổng hợp"]


@pytest.mark.parametrize(("written", "expected"), [
    # every unit of the body (the leaders' own is left out where the people are known: storage.notices)
    ("Các phòng, đơn vị trực thuộc Sở", SO),
    ("các phòng, đơn vị thuộc Sở", SO),
    ("Các phòng, đơn vị", SO),
    ("các phòng, chi cục, đơn vị thuộc Sở", SO),
    ("Thủ trưởng các phòng, đơn vị thuộc Sở", SO),
    ("các cơ quan, đơn vị thuộc Sở", SO),
    ("các đơn vị trực thuộc Sở", SO),
    ("các đơn vị trực thuộc", SO),
    # "các phòng": the phòng, the Văn phòng among them; not the Chi cục nor the inspectorate
    ("các phòng", PHONG),
    ("các phòng chuyên môn", PHONG),
    ("các phòng thuộc Sở", PHONG),  # "thuộc Sở" is no filter ("Văn phòng Sở" alone ends with "Sở")
    ("Trưởng các phòng", PHONG),
    ("các chi cục thuộc Sở", ["Chi cục Quản lý thị trường"]),
    ("các phòng, chi cục", [*PHONG, "Chi cục Quản lý thị trường"]),
    # not every unit: some, or nobody in particular
    ("các phòng, đơn vị có liên quan", []),
    ("các cơ quan, đơn vị", []),
    ("các đơn vị trên địa bàn", []),
])
def test_the_units_of_a_department(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [SO[i] for i in members(group, SO_KEYS)] == expected


HUYEN = ["Văn phòng HĐND và UBND huyện", "Phòng Tài chính - Kế hoạch", "Trung tâm Văn hóa - Thể thao huyện",
         "UBND xã Gia Phú", "UBND thị trấn Phố Lu"]


@pytest.mark.parametrize(("written", "expected"), [
    ("các cơ quan, đơn vị thuộc UBND huyện", HUYEN[:3]),  # not the communes: "UBND các xã" names them
    ("các phòng, ban, đơn vị thuộc UBND huyện", HUYEN[:3]),
    ("các phòng, đơn vị", HUYEN[:3]),
    ("các phòng chuyên môn thuộc UBND huyện", HUYEN[:2]),
    ("UBND các xã, thị trấn", HUYEN[3:]),
])
def test_the_units_of_a_district(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [HUYEN[i] for i in members(group, [unit_key(n) for n in HUYEN])] == expected


@pytest.mark.parametrize(("written", "expected"), [
    # a province's directory: a Sở's own units, or an addressee's, are not in it
    ("các đơn vị thuộc Sở Y tế", []), ("các đơn vị trực thuộc", []), ("các cơ quan, đơn vị trực thuộc Sở", []),
    ("các phòng, đơn vị", ["Phòng Tài chính - Kế hoạch"]),  # its phòng only, not the Văn phòng UBND tỉnh
    ("các phòng", ["Phòng Tài chính - Kế hoạch"]),
])
def test_a_provinces_directory_is_not_one_body(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [DIRECTORY[i] for i in members(group, KEYS)] == expected


def test_units_under_a_unit_the_directory_holds_are_not_all_of_it() -> None:
    names = ["Văn phòng Sở", "Phòng Kế hoạch - Tổng hợp", "Chi cục Quản lý thị trường"]
    group = read_group("các đơn vị thuộc Chi cục Quản lý thị trường")
    assert group is not None and group.under
    assert members(group, [unit_key(n) for n in names]) == []


# a ministry's directory (probe 24): the provinces' people's committees spelled "Uỷ", "Ủy", without marks, "UBND"
MINISTRY = ["Bộ Quốc phòng", "Bo Tai chinh", "Uỷ ban nhân dân tỉnh Thanh Hoá", "UBND tinh Hoa Binh",
            "Uy ban nhan dan tinh Quang Tri", "Ban Dân vận Tỉnh ủy", "Tỉnh ủy Nghệ An"]


@pytest.mark.parametrize(("written", "expected"), [
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", MINISTRY[2:5]),
    ("UBND các tỉnh", MINISTRY[2:5]),
    ("Uy ban nhan dan cac tinh", MINISTRY[2:5]),
    ("Chủ tịch UBND các tỉnh, thành phố", MINISTRY[2:5]),
    ("các tỉnh ủy", ["Tỉnh ủy Nghệ An"]),
    ("các Ban Tỉnh ủy", ["Ban Dân vận Tỉnh ủy"]),  # "tỉnh ủy" after the boards: the body they are of
])
def test_the_provinces_governments_are_a_group(written: str, expected: list[str]) -> None:
    group = read_group(written)
    assert group is not None
    assert [MINISTRY[i] for i in members(group, [unit_key(n) for n in MINISTRY])] == expected


@pytest.mark.parametrize(("written", "qualifier"), [("các sở, ban, ngành tỉnh", "tinh"),
                                                    ("các sở, ngành tỉnh Lào Cai", "tinh lao cai")])
def test_tinh_after_other_kinds_is_their_level(written: str, qualifier: str) -> None:
    group = read_group(written)
    assert group is not None and group.kinds in (("so",), ("so", "ban"))
    assert group.qualifier == qualifier and not group.others


@pytest.mark.parametrize("written", ["Các bộ, ban, ngành khác", "các sở còn lại", "các đơn vị khác"])
def test_the_others_are_read_as_such(written: str) -> None:
    group = read_group(written)
    assert group is not None and group.others and group.qualifier == ""
