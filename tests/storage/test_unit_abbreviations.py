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


# The military and border-guard commands and the police, however a directory or a notice writes them (probe 22, F4)
PROVINCE = ["Sở Tài chính", "Sở Xây dựng tỉnh Lào Cai", "Công an tỉnh Lào Cai", "BCH Quân sự tỉnh",
            "BCH BĐBP tỉnh", "Ban Tuyên giáo Tỉnh ủy", "UBND xã Bát Xát"]


@pytest.mark.parametrize(("directory", "written"), [
    (directory, written)
    for directory in ("BCH Quân sự tỉnh", "Bộ CHQS tỉnh", "BCHQS tỉnh", "Bộ CHQS tỉnh Lào Cai",
                      "Bộ Chỉ huy Quân sự tỉnh")
    for written in ("Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "BCH Quân sự tỉnh", "BCHQS tỉnh", "Bộ CHQS tỉnh Lào Cai",
                    "Bộ Chỉ huy Quân sự tỉnh Lào Cai")
])
def test_the_provinces_military_command_is_one_unit_however_written(directory: str, written: str) -> None:
    names = [directory if n == "BCH Quân sự tỉnh" else n for n in PROVINCE]
    found = best_unit_match(written, unit_keys(names))
    assert found is not None and names[found.index] == directory


@pytest.mark.parametrize(("written", "unit"), [
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BCH BĐBP tỉnh"),
    ("BĐBP tỉnh", "BCH BĐBP tỉnh"),
    ("Bộ CH BĐBP tỉnh Lào Cai", "BCH BĐBP tỉnh"),
    ("CA tỉnh", "Công an tỉnh Lào Cai"),
    ("Công an tỉnh", "Công an tỉnh Lào Cai"),
    ("Sở Xây dựng", "Sở Xây dựng tỉnh Lào Cai"),
    ("Sở Tài chính tỉnh Lào Cai", "Sở Tài chính"),
    ("Ban Tuyên giáo", None),  # the Party board's "Tỉnh ủy" is not a province's name
    ("BCH Đảng bộ tỉnh", None),  # "BCH" here is the Party's executive committee, not a command
])
def test_border_guards_police_and_the_provinces_name(written: str, unit: str | None) -> None:
    found = best_unit_match(written, unit_keys(PROVINCE))
    assert (PROVINCE[found.index] if found else None) == unit


def test_ca_is_the_police_only_in_capitals() -> None:
    assert unit_keys(["CA tỉnh", "Cả tỉnh", "ca tỉnh"]) == ["cong an tinh", "ca tinh", "ca tinh"]


def test_a_communes_command_stays_a_ban() -> None:
    assert unit_keys(["Ban CHQS xã", "BCH Quân sự xã", "Ban Chỉ huy Quân sự xã"]) == ["ban chi huy quan su xa"] * 3


def test_the_provinces_sectors_are_in_its_departments_boards_and_sectors() -> None:
    from storage.unitgroups import members, read_group

    group = read_group("Các Sở, ban, ngành thuộc tỉnh")
    assert group is not None
    names = [PROVINCE[i] for i in members(group, unit_keys(PROVINCE), PROVINCE)]
    assert names == ["Sở Tài chính", "Sở Xây dựng tỉnh Lào Cai", "Công an tỉnh Lào Cai", "BCH Quân sự tỉnh",
                     "BCH BĐBP tỉnh"]


def test_units_keyed_before_0021_are_rekeyed(db_url: str) -> None:
    """A directory stored before the commands were written alike matches the notice's "Bộ Chỉ huy Quân sự tỉnh" after
    the migration, and sending the file again makes no second unit."""
    import sqlalchemy as sa

    from storage.db import make_engine, upgrade

    upgrade(db_url, "0020")
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO units (name, name_key, created_at) VALUES "
                             "('BCH Quân sự tỉnh', 'ban chap hanh quan su tinh', :now)"), {"now": NOW})
    engine.dispose()
    upgrade(db_url)
    db = Database(db_url)
    unit, _ = db.call(match_unit, "Bộ Chỉ huy Quân sự tỉnh")
    assert unit is not None and unit.name == "BCH Quân sự tỉnh"
    csv = "handle,full_name,title,unit,role\nqs_quan,Lý Văn Quân,Chỉ huy trưởng,BCH Quân sự tỉnh,head\n"
    assert db.call(import_directory, parse_directory_csv(csv.encode()), now=NOW).units_created == 0
    db.dispose()
