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
