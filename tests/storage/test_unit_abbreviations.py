"""Unit names written with "&" for "và" and with the initials of their words ("Phòng KT&HT" for "Phòng Kinh tế và
Hạ tầng", "VH-TT", "NN&PTNT", "LĐTBXH"), and the did-you-mean offered when a name matches no unit of the directory.
Pure matching, and the directory's matcher and import on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from storage.db import Database
from storage.directory import did_you_mean, import_directory, match_unit, parse_directory_csv
from storage.unitnames import best_unit_match, closest_units, unit_keys
from tests.conftest import local

NOW = local(2026, 4, 23, 9, 0)
DISTRICT = ["Phòng Kinh tế và Hạ tầng", "Phòng Tài chính - Kế hoạch", "Phòng Văn hóa - Thông tin",
            "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng Lao động - Thương binh và Xã hội", "Phòng Tư pháp",
            "Phòng Nội vụ", "UBND xã Hiệp Thạnh", "UBND xã Đức Trọng", "Văn phòng HĐND và UBND huyện"]
KEYS = unit_keys(DISTRICT)


def named(written: str) -> str | None:
    found = best_unit_match(written, KEYS)
    return DISTRICT[found.index] if found else None


@pytest.mark.parametrize(("written", "unit"), [
    ("Phòng KT&HT", "Phòng Kinh tế và Hạ tầng"),
    ("phong kt&ht", "Phòng Kinh tế và Hạ tầng"),
    ("Phòng KT-HT", "Phòng Kinh tế và Hạ tầng"),
    ("P. KT&HT", "Phòng Kinh tế và Hạ tầng"),
    ("KT&HT", "Phòng Kinh tế và Hạ tầng"),
    ("Phòng Kinh tế & Hạ tầng", "Phòng Kinh tế và Hạ tầng"),
    ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
    ("P. TC-KH", "Phòng Tài chính - Kế hoạch"),
    ("Phòng VH-TT", "Phòng Văn hóa - Thông tin"),
    ("Phòng VH&TT", "Phòng Văn hóa - Thông tin"),
    ("Phòng NN&PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
    ("Phòng LĐTBXH", "Phòng Lao động - Thương binh và Xã hội"),
    ("Phòng LĐ-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
    ("Phòng KT-XH", None),  # no unit spelled so
    ("Phòng GD&ĐT", None),
    ("Ban Dân vận", None),
])
def test_ampersand_and_initials_name_the_unit(written: str, unit: str | None) -> None:
    assert named(written) == unit


def test_initials_that_fit_two_units_name_neither() -> None:
    keys = unit_keys(["Phòng Kinh tế và Hạ tầng", "Phòng Kế toán và Hành thu"])
    assert best_unit_match("Phòng KT&HT", keys) is None
    assert closest_units("Phòng KT&HT", keys) == [0, 1]


@pytest.mark.parametrize(("written", "offered"), [
    ("Phòng KT-XH", ["Phòng Kinh tế và Hạ tầng"]),
    ("Phòng Kinh tế - Xã hội", ["Phòng Kinh tế và Hạ tầng"]),
    ("xã Hiệp Thành", ["UBND xã Hiệp Thạnh"]),
    ("Phòng VH-TT-DL", ["Phòng Văn hóa - Thông tin"]),
    ("Sở Xây dựng", []),  # nothing close: nothing offered
    ("Phòng GD&ĐT", []),
])
def test_the_closest_units_are_offered(written: str, offered: list[str]) -> None:
    assert [DISTRICT[i] for i in closest_units(written, KEYS)] == offered


CSV = "handle,full_name,title,unit,role\n" + "".join(
    f"h{i},Cán bộ {i},Trưởng phòng,{name},head\n" for i, name in enumerate(DISTRICT))


def test_the_directory_matches_abbreviations_and_offers_the_closest(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(CSV.encode()), now=NOW)
    unit, score = db.call(match_unit, "Phòng KT&HT")
    assert unit is not None and unit.name == "Phòng Kinh tế và Hạ tầng" and 86 < score < 100
    unit, _ = db.call(match_unit, "Phòng VH-TT khẩn trương")  # words trailing the name in a sentence
    assert unit is not None and unit.name == "Phòng Văn hóa - Thông tin"
    assert db.call(match_unit, "Phòng KT-XH")[0] is None
    assert db.call(did_you_mean, "Phòng KT-XH", "chuyển mục 2 sang {unit}") == \
        "Có phải đồng chí muốn ghi “Phòng Kinh tế và Hạ tầng”? Nếu đúng, đồng chí gõ: chuyển mục 2 sang Phòng " \
        "Kinh tế và Hạ tầng."
    assert db.call(did_you_mean, "Sở Xây dựng") == ""


def test_a_file_writing_ampersand_for_va_updates_the_same_unit(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(CSV.encode()), now=NOW)
    again = CSV.replace("Phòng Kinh tế và Hạ tầng", "Phòng Kinh tế & Hạ tầng")
    result = db.call(import_directory, parse_directory_csv(again.encode()), now=NOW)
    assert result.units_created == 0
