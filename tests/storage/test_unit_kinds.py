"""A unit's kind (the word its name opens with: Bộ, Sở, Cục, Chi cục, …) must agree for a name to match a directory unit
it is not written exactly as: "Sở X" is never "Bộ X", "Chi cục X" never "Cục X" (probe 38, finding 7). A group of one
kind over places ("Sở Nông nghiệp và Môi trường các tỉnh", "Phòng Tài chính các huyện") is the directory's units of
that kind and name in any place of those levels."""

from __future__ import annotations

from storage.db import Database
from storage.directory import import_directory, match_unit, parse_directory_csv
from storage.unitgroups import members, read_group
from storage.unitnames import unit_key
from tests.conftest import local

MINISTRY = ("handle,full_name,unit,role\n"
            "tt,Nguyễn Quốc Trị,Bộ Nông nghiệp và Môi trường,leader\n"
            "lnkl,Trần Văn Thắng,Cục Lâm nghiệp và Kiểm lâm,head\n"
            "thue,Lê Văn Thuế,Chi cục Thuế khu vực I,head\n")


def _ministry(db: Database) -> None:
    db.call(import_directory, parse_directory_csv(MINISTRY.encode()), now=local(2027, 1, 20, 9, 0))


def _matched(db: Database, name: str) -> str | None:
    unit = db.call(match_unit, name)[0]
    return unit.name if unit is not None else None


def test_a_so_is_never_the_ministry_of_the_same_name(migrated_db: Database) -> None:
    _ministry(migrated_db)
    assert _matched(migrated_db, "Sở Nông nghiệp và Môi trường") is None
    assert _matched(migrated_db, "Sở Nông nghiệp và Môi trường các tỉnh") is None
    assert _matched(migrated_db, "Bộ Nông nghiệp và Môi trường") == "Bộ Nông nghiệp và Môi trường"
    assert _matched(migrated_db, "Bộ Nông nghiệp và Môi truờng") == "Bộ Nông nghiệp và Môi trường", "a typo, one kind"


def test_a_cuc_is_not_a_chi_cuc_nor_the_other_way(migrated_db: Database) -> None:
    _ministry(migrated_db)
    assert _matched(migrated_db, "Chi cục Lâm nghiệp và Kiểm lâm") is None
    assert _matched(migrated_db, "Cục Thuế") is None, "its words in order in “Chi cục Thuế khu vực I”, not its kind"
    assert _matched(migrated_db, "Cục Lâm nghiệp") == "Cục Lâm nghiệp và Kiểm lâm", "a short name of the same kind"
    assert _matched(migrated_db, "Lâm nghiệp và Kiểm lâm") == "Cục Lâm nghiệp và Kiểm lâm", "written without its kind"


def test_the_kind_is_the_longest_kind_word_a_name_opens_with() -> None:
    from storage.unitnames import unit_kind  # (new: imported here so the other tests run, and fail, without it)

    kinds = {name: unit_kind(unit_key(name)) for name in
             ("Chi cục Thuế", "Cục Thuế", "Bộ Chỉ huy Quân sự tỉnh", "Bộ Tài chính", "UBND huyện Bảo Thắng",
              "Văn phòng UBND tỉnh", "Huyện ủy Bảo Thắng", "Tổ công tác 12")}
    assert kinds == {"Chi cục Thuế": "chi cuc", "Cục Thuế": "cuc", "Bộ Chỉ huy Quân sự tỉnh": "bo chi huy",
                     "Bộ Tài chính": "bo", "UBND huyện Bảo Thắng": "huyen", "Văn phòng UBND tỉnh": "van phong",
                     "Huyện ủy Bảo Thắng": "huyen uy", "Tổ công tác 12": None}


PLACES = ["Bộ Nông nghiệp và Môi trường", "Sở Nông nghiệp và Môi trường tỉnh Lào Cai",
          "Sở Nông nghiệp và Môi trường tỉnh Yên Bái", "Sở Y tế thành phố Hà Nội",
          "Phòng Tài chính - Kế hoạch huyện Bảo Thắng", "Phòng Tài chính - Kế hoạch thị xã Sa Pa",
          "Chi cục Thuế huyện Bảo Thắng", "Bảo hiểm xã hội tỉnh Lào Cai"]
KEYS = [unit_key(n) for n in PLACES]


def _members(name: str) -> list[str]:
    group = read_group(name)
    assert group is not None, name
    return [PLACES[i] for i in members(group, KEYS, PLACES)]


def test_a_unit_over_places_is_a_group_of_that_unit_in_each_place() -> None:
    assert _members("Sở Nông nghiệp và Môi trường các tỉnh") == PLACES[1:3]
    assert _members("Sở NN&MT các tỉnh, thành phố trực thuộc trung ương") == PLACES[1:3]
    assert _members("Giám đốc Sở Nông nghiệp và Môi trường các tỉnh") == PLACES[1:3]
    assert _members("Phòng Tài chính các huyện") == PLACES[4:5], "a name written short; the levels said only"
    assert _members("Phòng Tài chính các huyện, thị xã") == PLACES[4:6]
    assert _members("Sở Y tế các tỉnh") == [], "Hà Nội's is a thành phố's"
    assert _members("Chi cục Thuế các huyện") == PLACES[6:7]
    assert _members("Sở Nông nghiệp và Môi trường các tỉnh miền núi") == [], "some provinces: nobody can say which"
    assert read_group("Sở Nông nghiệp và Môi trường") is None
    assert read_group("Bảo hiểm xã hội các tỉnh") is None, "no kind word opens it"

