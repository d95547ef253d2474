"""A commune's (a ward's) groups and posts (probe 14, findings 2 and 3): "các thôn", "Trưởng các thôn", "các tổ dân
phố", "các xóm, ấp, bản" are its villages; "các ban, ngành, đoàn thể xã" every body but the villages, the local
governments and the leaders' own unit; "các đoàn thể" the mass organisations; a post before a unit ("Trưởng thôn 2",
"công chức Địa chính - Xây dựng", "Trưởng Công an xã") is that unit. Pure reading, then the directory on SQLite and
PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from storage.db import Database
from storage.directory import import_directory, match_unit, parse_directory_csv, person_by_handle
from storage.models import Person, Task
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.unitgroups import members, read_group
from storage.unitnames import best_unit_match, unit_key, without_post
from tests.conftest import local

AT = local(2026, 12, 1, 8, 30)
THON = [f"Thôn {i}" for i in range(1, 8)]
SECTIONS = ["Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Địa chính - Xây dựng", "Công an xã",
            "Ban Chỉ huy Quân sự xã", "Trạm Y tế xã", "Trường THCS Tân Lập"]
MASS = ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã",
        "Hội Cựu chiến binh xã"]
XA = ["Lãnh đạo UBND xã", *SECTIONS, *THON, *MASS, "Hội đồng nhân dân xã"]
XA_KEYS = [unit_key(n) for n in XA]


def named(written: str, names: list[str] = XA) -> list[str]:
    group = read_group(written)
    assert group is not None, written
    return [names[i] for i in members(group, [unit_key(n) for n in names], names)]


@pytest.mark.parametrize("written", [
    "các thôn", "Các thôn", "cac thon", "Trưởng các thôn", "truong cac thon", "tất cả các thôn", "tat ca cac thon",
    "các thôn trên địa bàn xã", "Trưởng các thôn trên địa bàn", "toàn bộ các thôn"])
def test_the_villages_of_a_commune(written: str) -> None:
    assert named(written) == THON


def test_the_residential_groups_of_a_ward_and_the_hamlets_of_the_south() -> None:
    phuong = ["Lãnh đạo UBND phường", "Công an phường", "Tổ dân phố 1", "Tổ dân phố 2", "Khu phố Đông", "Ấp Tân Hòa",
              "Xóm Chùa"]
    assert named("các tổ dân phố", phuong) == ["Tổ dân phố 1", "Tổ dân phố 2"]
    assert named("Tổ trưởng các tổ dân phố", phuong) == ["Tổ dân phố 1", "Tổ dân phố 2"]
    assert named("các khu phố", phuong) == ["Khu phố Đông"]
    assert named("các ấp", phuong) == ["Ấp Tân Hòa"]
    assert named("cac xom", phuong) == ["Xóm Chùa"]
    assert named("các tổ dân phố, khu phố", phuong) == ["Tổ dân phố 1", "Tổ dân phố 2", "Khu phố Đông"]


# a mountain commune: villages "Bản …" beside boards "Ban …" (both fold to "ban")
BAN = ["Lãnh đạo UBND xã", "Ban Chỉ huy Quân sự xã", "Ban Quản lý chợ", "Bản Nà Hối", "Bản Pác Ngòi", "Thôn Mới"]


@pytest.mark.parametrize(("written", "expected"), [
    ("các bản", ["Bản Nà Hối", "Bản Pác Ngòi"]),  # the mark says villages
    ("Trưởng các bản", ["Bản Nà Hối", "Bản Pác Ngòi"]),
    ("các thôn, bản", ["Bản Nà Hối", "Bản Pác Ngòi", "Thôn Mới"]),
    ("cac thon, ban", ["Bản Nà Hối", "Bản Pác Ngòi", "Thôn Mới"]),  # after a village kind: villages
    ("các ban", ["Ban Chỉ huy Quân sự xã", "Ban Quản lý chợ"]),  # boards, never the villages
    ("cac ban", ["Ban Chỉ huy Quân sự xã", "Ban Quản lý chợ"]),
])
def test_villages_named_ban_are_told_from_boards(written: str, expected: list[str]) -> None:
    assert named(written, BAN) == expected


def test_unmarked_ban_is_villages_only_where_every_unit_so_named_is_one() -> None:
    villages = ["Lãnh đạo UBND xã", "Bản Nà Hối", "Bản Pác Ngòi", "Công an xã"]
    assert named("cac ban", villages) == ["Bản Nà Hối", "Bản Pác Ngòi"]
    group = read_group("các bản")
    assert group is not None and members(group, [unit_key(n) for n in BAN]) == []  # names unknown: no guess


@pytest.mark.parametrize("written", [
    "Các ban, ngành, đoàn thể xã", "các ban, ngành, đoàn thể", "các ban ngành đoàn thể xã", "cac ban, nganh, doan the",
    "Các ban, ngành, đoàn thể thị trấn", "các ban, ngành, đoàn thể trên địa bàn xã"])
def test_the_sections_of_a_commune_are_every_body_but_villages_and_local_governments(written: str) -> None:
    # (the leaders' own unit, headless, is left out where the people are known: below)
    assert named(written) == ["Lãnh đạo UBND xã", *SECTIONS, *MASS, "Hội đồng nhân dân xã"]


@pytest.mark.parametrize("written", ["các đoàn thể", "Các đoàn thể xã", "cac doan the"])
def test_the_mass_organisations(written: str) -> None:
    assert named(written) == MASS  # not the People's Council ("Hội đồng nhân dân")


def test_a_provinces_boards_and_sectors_are_unchanged() -> None:
    province = ["Sở Tài chính", "Ban Dân tộc tỉnh", "Công an tỉnh", "Hội Nông dân tỉnh", "UBND huyện Bảo Thắng"]
    assert named("các sở, ban, ngành tỉnh", province) == ["Sở Tài chính", "Ban Dân tộc tỉnh", "Công an tỉnh"]
    assert named("các ban, ngành, đoàn thể tỉnh", province) == ["Ban Dân tộc tỉnh"]  # a province's: as before
    assert named("UBND các xã, phường", XA) == []  # "các xã": local governments, not a level after other kinds
    assert read_group("UBND các huyện, thành phố") is not None


@pytest.mark.parametrize(("written", "post"), [
    ("Trưởng thôn 2", "thon 2"), ("công chức Địa chính - Xây dựng", "dia chinh xay dung"),
    ("Công chức Tư pháp - Hộ tịch", "tu phap ho tich"), ("Trưởng Công an xã", "cong an xa"),
    ("Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "ban chi huy quan su xa"), ("đ/c Trưởng thôn 5", "thon 5"),
    ("Trạm trưởng Trạm Y tế xã", "tram y te xa"), ("Tổ trưởng tổ dân phố 3", "to dan pho 3"),
    ("Phó Chủ tịch Hội Nông dân xã", "hoi nong dan xa"),
    ("Thôn 2", None), ("Trưởng thôn", None), ("Công an xã", None)])
def test_the_unit_a_post_names(written: str, post: str | None) -> None:
    assert without_post(written) == post


def test_a_village_number_is_never_matched_to_another() -> None:
    keys = [unit_key(n) for n in ["Thôn 1", "Thôn 12", "Thôn 3"]]
    assert best_unit_match("Thôn 2", keys) is None  # not Thôn 12 nor Thôn 3, however alike
    found = best_unit_match("Thôn 12", keys)
    assert found is not None and found.index == 1


DANHBA = ("handle,full_name,title,unit,role\n"
          "vp_thu,Nguyễn Thị Thu,Công chức Văn phòng - Thống kê,Văn phòng - Thống kê,admin\n"
          "ct,Hoàng Văn Minh,Chủ tịch UBND xã,Lãnh đạo UBND xã,leader\n"
          "tp_nam,Phạm Văn Nam,Công chức Tư pháp - Hộ tịch,Tư pháp - Hộ tịch,head\n"
          "dc_dung,Trần Văn Dũng,Công chức Địa chính - Xây dựng,Địa chính - Xây dựng,head\n"
          "ca_tuan,Nguyễn Văn Tuấn,Trưởng Công an xã,Công an xã,head\n"
          "qs_hung,Đặng Văn Hùng,Chỉ huy trưởng,Ban Chỉ huy Quân sự xã,head\n"
          "thon1,Đinh Văn Một,Trưởng thôn 1,Thôn 1,head\n"
          "thon2,Lý Văn Hai,Trưởng thôn 2,Thôn 2,head\n"
          "thon3,Hà Văn Ba,Trưởng thôn 3,Thôn 3,head\n"
          "mttq,Vi Văn Mặt,Chủ tịch Ủy ban MTTQ xã,Ủy ban Mặt trận Tổ quốc Việt Nam xã,head\n"
          "hnd,Dương Văn Nông,Chủ tịch Hội Nông dân xã,Hội Nông dân xã,head\n")


@pytest.mark.parametrize(("written", "unit"), [
    ("Trưởng thôn 2", "Thôn 2"), ("trưởng thôn 3", "Thôn 3"), ("truong thon 1", "Thôn 1"),
    ("công chức Địa chính - Xây dựng", "Địa chính - Xây dựng"), ("Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"),
    ("Trưởng Công an xã", "Công an xã"), ("Chỉ huy trưởng Quân sự xã", "Ban Chỉ huy Quân sự xã"),
    ("Trưởng thôn 7", None)])
def test_the_directory_reads_a_post_as_its_unit(migrated_db: Database, written: str, unit: str | None) -> None:
    migrated_db.call(import_directory, parse_directory_csv(DANHBA.encode()), now=AT)
    found, _ = migrated_db.call(lambda s: match_unit(s, written))
    assert (found.name if found else None) == unit


def test_a_communes_groups_and_posts_are_given_the_task(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(DANHBA.encode()), now=AT)
    admin = db.call(person_by_handle, "vp_thu")
    parsed = ParsedNotice(tasks=(
        ParsedTask(ref="1", text="Các thôn đôn đốc thu thuế", lead=("Trưởng các thôn",), due=dt.date(2026, 12, 15)),
        ParsedTask(ref="2", text="Xử lý xây dựng trái phép", lead=("công chức Địa chính - Xây dựng",),
                   support=("Trưởng thôn 2", "Trưởng thôn 3", "các thôn"), due=dt.date(2026, 12, 15)),
        ParsedTask(ref="3", text="Báo cáo tổng kết, gửi về UBND xã (qua Văn phòng - Thống kê)",
                   lead=("Các ban, ngành, đoàn thể xã",), due=dt.date(2026, 12, 20)),
        ParsedTask(ref="4", text="Vận động ủng hộ Quỹ", lead=("các đoàn thể",), due=dt.date(2026, 12, 31))))
    draft = db.call(create_draft, parsed, source_text="t", source_name="tb.txt", by=admin, now=AT)
    assert [u for u, _ in draft.guesses["Trưởng các thôn"].members] == ["Thôn 1", "Thôn 2", "Thôn 3"]
    assert draft.guesses["Trưởng thôn 2"].unit_name == "Thôn 2" and draft.guesses["Trưởng thôn 2"].head_name == \
        "Lý Văn Hai"
    assert draft.guesses["công chức Địa chính - Xây dựng"].head_name == "Trần Văn Dũng"
    sections = [u for u, _ in draft.guesses["Các ban, ngành, đoàn thể xã"].members]
    assert sections == ["Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "Địa chính - Xây dựng", "Công an xã",
                        "Ban Chỉ huy Quân sự xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Hội Nông dân xã"]
    assert [u for u, _ in draft.guesses["các đoàn thể"].members] == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã",
                                                                      "Hội Nông dân xã"]
    registered = db.call(confirm_notice, draft.notice_id, by=admin, now=AT)
    rows = db.call(lambda s: [(t.item_ref, t.assignee.handle if t.assignee else None)
                              for t in s.scalars(select(Task).order_by(Task.position))])
    assert rows == [("1", "thon1"), ("1", "thon2"), ("1", "thon3"), ("2", "dc_dung"),
                    # the results go to the office ("qua Văn phòng - Thống kê"): it collects them
                    ("3", "tp_nam"), ("3", "dc_dung"), ("3", "ca_tuan"), ("3", "qs_hung"), ("3", "mttq"), ("3", "hnd"),
                    ("4", "mttq"), ("4", "hnd")]
    # the supporting posts are told (Thôn 2, Thôn 3); the group "các thôn" is not, one by one (by design)
    told = {db.call(lambda s, i=person_id: s.get_one(Person, i).handle): ids
            for person_id, ids in registered.supporters.items()}
    item_2 = db.call(lambda s: [t.id for t in s.scalars(select(Task).where(Task.item_ref == "2"))])
    assert told == {"thon2": item_2, "thon3": item_2}
