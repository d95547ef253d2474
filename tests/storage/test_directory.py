"""The directory as offices keep it: Excel or CSV, any usual separator and encoding, Vietnamese
headers and role words; one head per unit; exported back in the same columns."""

from __future__ import annotations

import codecs
import io
import itertools
import unicodedata

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from storage.audit import audit_entries
from storage.db import Database
from storage.directory import (
    directory_csv,
    directory_rows,
    export_directory,
    import_directory,
    is_directory_file,
    match_unit,
    parse_directory,
    parse_directory_csv,
    person_by_handle,
)
from storage.errors import DirectoryInvalid
from storage.models import Person, Role, Unit
from tests.conftest import DIRECTORY_CSV, local

NOW = local(2018, 2, 26, 9, 0)

# The office's sheet: a title above the header, a numbering column, Vietnamese headers and role words.
HEADER = ["STT", "Mã cán bộ/handle", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Telegram"]
PEOPLE = [
    ["1", "vt_quan", "Nguyễn Thị Quản", "Chuyên viên Văn phòng", "Văn phòng Tỉnh ủy", "quản trị", "@quan_vp"],
    ["2", "ld_canh", "Huỳnh Thanh Cảnh", "Phó Bí thư Thường trực", "Thường trực Tỉnh ủy", "Lãnh đạo", ""],
    ["3", "tb_dan", "Lê Văn Dân", "Trưởng ban", "Ban Dân vận Tỉnh ủy", "trưởng đơn vị", "levandan"],
    ["4", "cv_van", "Phạm Thị Vận", "Chuyên viên", "Ban Dân vận Tỉnh ủy", "chuyên viên", ""],
    ["5", "gd_moi", "Trần Văn Môi", "Giám đốc Sở", "Sở Tài nguyên và Môi trường", "head", "t.me/tranvanmoi"],
    ["6", "cv_nguyet", "Đặng Thị Nguyệt Ánh", "Chuyên viên phòng Tổng hợp", "Sở Tài nguyên và Môi trường", "", ""],
]
EXPECTED = [  # (handle, full_name, title, unit, role, telegram)
    ("vt_quan", "Nguyễn Thị Quản", "Chuyên viên Văn phòng", "Văn phòng Tỉnh ủy", "admin", "quan_vp"),
    ("ld_canh", "Huỳnh Thanh Cảnh", "Phó Bí thư Thường trực", "Thường trực Tỉnh ủy", "leader", ""),
    ("tb_dan", "Lê Văn Dân", "Trưởng ban", "Ban Dân vận Tỉnh ủy", "head", "levandan"),
    ("cv_van", "Phạm Thị Vận", "Chuyên viên", "Ban Dân vận Tỉnh ủy", "cadre", ""),
    ("gd_moi", "Trần Văn Môi", "Giám đốc Sở", "Sở Tài nguyên và Môi trường", "head", "tranvanmoi"),
    ("cv_nguyet", "Đặng Thị Nguyệt Ánh", "Chuyên viên phòng Tổng hợp", "Sở Tài nguyên và Môi trường", "cadre", ""),
]
TITLE = "DANH SÁCH CÁN BỘ SỬ DỤNG NHẮC VIỆC"


def as_text(sep: str) -> str:
    lines = [TITLE, "", sep.join(HEADER), *(sep.join(p) for p in PEOPLE)]
    return "\r\n".join(lines) + "\r\n"


def cp1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: a precomposed letter where the page has one,
    else a base letter and a combining tone mark (ệ → ê + dot below)."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", char)
        splits = [(unicodedata.normalize("NFC", base + o[0]), o[1:]) for o in itertools.permutations(marks)]
        for head, rest in [*splits, (base, tuple(marks))]:  # Ộ: Ô (a letter of the page) + dot below
            try:
                out += head.encode("cp1258") + "".join(rest).encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise AssertionError(f"{char!r} has no cp1258 form")
    return bytes(out)


def as_xlsx(rows: list[list[str]], *, title: str | None = TITLE) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    if title:
        sheet.append([title])
        sheet.append([])
    for row in rows:
        sheet.append([int(c) if c.isdigit() and len(c) < 3 else (c or None) for c in row])  # STT as numbers
    workbook.create_sheet("Ghi chú").append(["Sheet khác, không đọc"])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


FILES = {
    "csv-utf8-comma": lambda: as_text(",").encode("utf-8"),
    "csv-utf8-bom-semicolon": lambda: codecs.BOM_UTF8 + as_text(";").encode("utf-8"),
    "csv-utf16-bom-tab": lambda: as_text("\t").encode("utf-16"),  # Excel's "Unicode Text"
    "csv-utf16le-no-bom-tab": lambda: as_text("\t").encode("utf-16-le"),
    "csv-utf16be-bom-semicolon": lambda: codecs.BOM_UTF16_BE + as_text(";").encode("utf-16-be"),
    "csv-cp1258-semicolon": lambda: cp1258(as_text(";")),
    "csv-nfd-comma": lambda: unicodedata.normalize("NFD", as_text(",")).encode("utf-8"),
    "xlsx": lambda: as_xlsx([HEADER, *PEOPLE]),
}


def summary(rows: list) -> list[tuple[str, ...]]:  # type: ignore[type-arg]
    return [(r["handle"], r["full_name"], r["title"], r["unit"], r["role"], r["telegram"]) for r in rows]


@pytest.mark.parametrize("kind", FILES)
def test_every_format_and_encoding_reads_the_same_people(kind: str) -> None:
    data = FILES[kind]()
    if kind == "csv-cp1258-semicolon":
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert b"\xea\xf2" in data  # "ệ" of Nguyệt: ê + a combining dot below, as Windows writes it
    filename = "danh-ba.xlsx" if kind == "xlsx" else "danh-ba.csv"
    rows = parse_directory(data, filename)
    assert summary(rows) == EXPECTED
    assert all(unicodedata.is_normalized("NFC", v) for r in rows for v in summary([r])[0])
    line_of_first = 3  # under the title and a blank line, after the header
    assert rows[0]["line"] == line_of_first + 1
    assert is_directory_file(data, filename)


def test_the_cp1258_file_is_nfc_after_reading() -> None:
    rows = parse_directory(cp1258(as_text(";")))
    name = rows[5]["full_name"]
    assert name == "Đặng Thị Nguyệt Ánh" and len(name) == len("Đặng Thị Nguyệt Ánh")


def test_the_old_english_csv_still_reads() -> None:
    rows = parse_directory_csv(DIRECTORY_CSV.read_bytes())
    assert [r["handle"] for r in rows] == ["admin", "leader", "head_bdv", "cadre_bdv", "head_stnmt"]
    assert all(r["telegram"] is None for r in rows)  # no column: nothing to change


def test_import_creates_units_and_people_and_is_idempotent(migrated_db: Database) -> None:
    rows = parse_directory_csv(DIRECTORY_CSV.read_bytes())
    first = migrated_db.call(import_directory, rows, now=NOW)
    assert (first.units_created, first.people_created) == (4, 5)
    again = migrated_db.call(import_directory, rows, now=NOW)
    assert (again.units_created, again.people_created, again.people_updated, again.people_changed) == (0, 0, 5, 0)
    head = migrated_db.call(person_by_handle, "@Head_BDV")
    assert head.role == Role.HEAD and head.full_name == "Lê Văn Dân"
    unit, score = migrated_db.call(match_unit, "Ban Dân vận Tỉnh uỷ")
    assert unit is not None and unit.name == "Ban Dân vận Tỉnh ủy" and score == 100


@pytest.mark.parametrize("kind", ["xlsx", "csv-cp1258-semicolon", "csv-utf16-bom-tab"])
def test_an_office_file_is_stored_with_roles_and_usernames(migrated_db: Database, kind: str) -> None:
    db = migrated_db
    result = db.call(import_directory, parse_directory(FILES[kind]()), now=NOW)
    assert (result.units_created, result.people_created) == (4, 6)
    stored = db.call(lambda s: {p.handle: (p.role, p.telegram_username, p.unit.name if p.unit else None)
                                for p in s.scalars(select(Person))})
    assert stored["vt_quan"] == ("admin", "quan_vp", "Văn phòng Tỉnh ủy")
    assert stored["ld_canh"] == ("leader", None, "Thường trực Tỉnh ủy")
    assert stored["gd_moi"] == ("head", "tranvanmoi", "Sở Tài nguyên và Môi trường")
    assert stored["cv_nguyet"][0] == "cadre"  # an empty role is a cadre


def test_a_file_without_the_telegram_column_keeps_the_stored_usernames(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory(FILES["xlsx"]()), now=NOW)
    no_column = as_xlsx([HEADER[:-1], *(p[:-1] for p in PEOPLE)])
    changed_title = as_xlsx([HEADER[:-1], *(p[:-1] for p in PEOPLE[:5]),
                             ["6", "cv_nguyet", "Đặng Thị Nguyệt Ánh", "Phó phòng", "Sở Tài nguyên và Môi trường",
                              "chuyên viên"]])
    assert db.call(import_directory, parse_directory(no_column), now=NOW).people_changed == 0
    assert db.call(lambda s: person_by_handle(s, "vt_quan").telegram_username) == "quan_vp"
    assert db.call(import_directory, parse_directory(changed_title), now=NOW).people_changed == 1
    emptied = as_text(",").replace("@quan_vp", "")
    # vt_quan's username emptied, cv_nguyet's title back to the first file's
    assert db.call(import_directory, parse_directory(emptied.encode()), now=NOW).people_changed == 2
    assert db.call(lambda s: person_by_handle(s, "vt_quan").telegram_username) is None


def test_a_bad_row_stores_nothing(migrated_db: Database) -> None:
    csv = ("handle,full_name,title,unit,role\n"
           "ok_person,Nguyễn Văn A,Chuyên viên,Sở Tài chính,cadre\n"
           "bad handle,Nguyễn Văn B,,Sở Tài chính,boss\n")
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory_csv(csv.encode())
    assert "dòng 3" in caught.value.user_message and "vai trò “boss”" in caught.value.user_message
    assert migrated_db.call(lambda s: s.scalar(select(func.count()).select_from(Person))) == 0
    assert migrated_db.call(lambda s: s.scalar(select(func.count()).select_from(Unit))) == 0


def test_errors_name_the_excel_rows() -> None:
    rows = [HEADER, *PEOPLE[:3], ["9", "tb_dan", "Lê Văn Dân", "", "Ban Dân vận Tỉnh ủy", "chuyên viên", ""],
            ["10", "cv_x", "", "", "Sở Y tế", "giám đốc", "@ab"]]
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory(as_xlsx(rows), "danh-ba.xlsx")
    message = caught.value.user_message
    assert message.startswith("Tệp danh bạ có lỗi, chưa nhập gì:\n")
    assert "dòng 7: mã cán bộ “tb_dan” bị trùng với dòng 6" in message  # rows 1–2 title, 3 header
    assert "dòng 8: thiếu họ tên" in message
    assert "dòng 8: vai trò “giám đốc” không hợp lệ (quản trị, lãnh đạo, trưởng đơn vị, chuyên viên" in message
    assert "dòng 8: tên Telegram “@ab” không hợp lệ" in message


def test_a_unit_with_two_heads_is_refused_with_both_lines() -> None:
    text = as_text(";").replace("Trần Văn Môi;Giám đốc Sở;Sở Tài nguyên và Môi trường;head",
                                "Trần Văn Môi;Giám đốc Sở;Ban Dân vận Tỉnh uỷ;head")
    with pytest.raises(DirectoryInvalid) as caught:
        parse_directory(text.encode("utf-8"))
    message = caught.value.user_message
    assert "dòng 6 và 8: đơn vị “Ban Dân vận Tỉnh ủy” có 2 trưởng đơn vị (đ/c Lê Văn Dân, đ/c Trần Văn Môi)" \
        in message


def test_a_second_head_for_a_unit_already_headed_is_refused(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=NOW)
    newcomer = "handle,full_name,title,unit,role\nhead2,Võ Văn Hai,Trưởng ban,Ban Dân vận Tỉnh ủy,head\n"
    with pytest.raises(DirectoryInvalid) as caught:
        db.call(import_directory, parse_directory(newcomer.encode()), now=NOW)
    assert ("dòng 2: đơn vị “Ban Dân vận Tỉnh ủy” đã có trưởng đơn vị là đ/c Lê Văn Dân (head_bdv)"
            in caught.value.user_message)
    assert db.call(lambda s: s.scalar(select(func.count()).select_from(Person))) == 5
    # handing over in one file: the old head becomes a cadre on the same import
    handover = newcomer + "head_bdv,Lê Văn Dân,Chuyên viên,Ban Dân vận Tỉnh ủy,cadre\n"
    db.call(import_directory, parse_directory(handover.encode()), now=NOW)
    assert db.call(lambda s: person_by_handle(s, "head2").role) == Role.HEAD
    assert db.call(lambda s: person_by_handle(s, "head_bdv").role) == Role.CADRE


@pytest.mark.parametrize("data, reason", [
    (b"handle,name\nx,y\n", "missing columns"),
    (b"STT,Ho va ten,Ghi chu\n1,A,B\n", "missing columns"),
    ("Mã cán bộ;Họ và tên;Đơn vị\nx1;Nguyễn Văn A;Sở Y tế\n".encode(), "missing columns \\['role'\\]"),
    (b"handle,full_name,unit,role,Don vi\nx1,A,B,cadre,C\n", "duplicate columns \\['unit'\\]"),
    (b"handle,full_name,title,unit,role\n", "no people"),
    (b"handle;full_name;title;unit;role\n\x81\x8d\x8e;A;;B;cadre\n", "undecodable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old .xls"),
    (b"PK\x03\x04 broken zip", "not a valid .xlsx"),
])
def test_unreadable_files_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DirectoryInvalid, match=reason) as caught:
        parse_directory(data, "danh-ba.csv")
    assert caught.value.user_message and caught.value.user_message != DirectoryInvalid.user_message


def test_a_notice_is_not_taken_for_a_directory() -> None:
    from tests.conftest import SEED_NOTICE

    assert not is_directory_file(SEED_NOTICE.read_bytes(), "seed-notice.txt")
    assert not is_directory_file(b"PK\x03\x04 broken", "x.xlsx")
    assert not is_directory_file(b"a,b,c\n1,2,3\n", "so-lieu.csv")


@pytest.mark.parametrize("xlsx", [False, True], ids=["csv", "xlsx"])
def test_export_round_trips_through_import(migrated_db: Database, xlsx: bool) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory(FILES["xlsx"]()), now=NOW)
    data, people = db.call(export_directory, xlsx=xlsx, now=NOW, via="test")
    assert people == 6
    rows = parse_directory(data, "danh-ba.xlsx" if xlsx else "danh-ba.csv")
    # unit by unit, heads first
    assert sorted(summary(rows)) == sorted(EXPECTED)
    assert [r["handle"] for r in rows] == ["vt_quan", "ld_canh", "tb_dan", "cv_van", "gd_moi", "cv_nguyet"]
    again = db.call(import_directory, rows, now=NOW)
    assert (again.units_created, again.people_created, again.people_updated, again.people_changed) == (0, 0, 6, 0)
    assert db.call(directory_rows) == [{**r, "line": 0} for r in rows]
    export = [e for e in db.call(audit_entries) if e.action == "export"]
    assert export[0].entity == "directory" and export[0].detail["rows"] == 6
    assert export[0].detail["format"] == ("xlsx" if xlsx else "csv")


def test_the_exported_files_look_as_offices_expect(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory(FILES["xlsx"]()), now=NOW)
    rows = db.call(directory_rows)
    text = directory_csv(rows)
    assert text.startswith(codecs.BOM_UTF8 + b"handle,full_name,title,unit,role,telegram\r\n")
    assert "vt_quan,Nguyễn Thị Quản,Chuyên viên Văn phòng,Văn phòng Tỉnh ủy,admin,quan_vp" in text.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(db.call(export_directory, xlsx=True, now=NOW)[0])).worksheets[0]
    assert [c.value for c in sheet[1]] == ["Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Telegram"]
    assert [c.value for c in sheet[2]] == ["vt_quan", "Nguyễn Thị Quản", "Chuyên viên Văn phòng", "Văn phòng Tỉnh ủy",
                                           "quản trị", "quan_vp"]
    assert [sheet.cell(row=n, column=5).value for n in range(3, 8)] == [
        "lãnh đạo", "trưởng đơn vị", "chuyên viên", "trưởng đơn vị", "chuyên viên"]
    assert sheet.freeze_panes == "A2" and sheet[1][0].font.bold


def test_the_migrations_match_the_models(migrated_db: Database) -> None:
    """A model changed without a migration would leave a database the code cannot use."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from storage.models import Base

    with migrated_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_words_trailing_a_unit_name_do_not_hide_it(migrated_db) -> None:  # type: ignore[no-untyped-def]
    from storage.directory import match_unit
    from tests.conftest import DIRECTORY_CSV, local

    db = migrated_db
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=local(2026, 3, 2, 9, 0))
    unit, score = db.call(match_unit, "Ban Dân vận Tỉnh ủy thường xuyên")
    assert unit is not None and unit.name == "Ban Dân vận Tỉnh ủy" and score == 100.0
    assert db.call(match_unit, "Ban Kinh tế Ngân sách")[0] is None, "no fuzzy guess on a shortened name"


def test_a_unit_named_by_its_kind_alone_is_the_only_one_of_that_kind(migrated_db: Database) -> None:
    db = migrated_db
    csv = ("handle,full_name,unit,role\n"
           "vp,Nguyễn Văn Phòng,Văn phòng Đoàn ĐBQH và HĐND Thành phố,head\n"
           "ca,Trần Công An,Công an Thành phố,head\n"
           "b1,Lê Kinh Tế,Ban Kinh tế - Ngân sách,head\n"
           "b2,Phạm Đô Thị,Ban Đô thị,head\n")
    db.call(import_directory, parse_directory_csv(csv.encode()), now=NOW)
    unit, score = db.call(match_unit, "Văn phòng")
    assert unit is not None and unit.name == "Văn phòng Đoàn ĐBQH và HĐND Thành phố" and 86 <= score < 100
    assert db.call(match_unit, "Công an")[0].name == "Công an Thành phố"  # type: ignore[union-attr]
    assert db.call(match_unit, "Ban")[0] is None  # one word is no kind; and two boards begin so
    db.call(import_directory, parse_directory_csv(
        (csv + "vp2,Đỗ Văn Thư,Văn phòng UBND Thành phố,head\n").encode()), now=NOW)
    assert db.call(match_unit, "Văn phòng")[0] is None  # two offices: no guess


def test_a_unit_written_short_is_the_one_whose_name_holds_its_words(migrated_db: Database) -> None:
    from storage.directory import unit_matcher

    csv = ("handle,full_name,title,unit,role\n"
           "head_a,Nguyễn Thị Mặt,Chủ tịch,Ủy ban Mặt trận Tổ quốc Việt Nam huyện,head\n"
           "head_b,Phan Thị Nữ,Chủ tịch,Hội Liên hiệp Phụ nữ huyện,head\n"
           "head_c,Đỗ Văn Nông,Chủ tịch,Hội Nông dân huyện,head\n"
           "head_d,Lê Văn Y,Trưởng phòng,Phòng Y tế huyện,head\n"
           "head_e,Lê Văn Tế,Giám đốc,Trung tâm Y tế huyện,head\n")
    migrated_db.call(import_directory, parse_directory_csv(csv), now=NOW)

    def names(session) -> list[str | None]:  # type: ignore[no-untyped-def]
        match = unit_matcher(session)
        return [u.name if u else None for u, _ in map(match, ["MTTQ huyện", "Mặt trận Tổ quốc huyện",
                                                            "Hội Phụ nữ huyện", "Y tế huyện", "Hội huyện",
                                                            "Hội LHPN huyện", "TTYT huyện", "Hội ND huyện"])]

    assert migrated_db.call(names) == ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
                                       "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Hội Liên hiệp Phụ nữ huyện",
                                       None, None,  # two units hold "y tế huyện", two "hội … huyện": no guess
                                       "Hội Liên hiệp Phụ nữ huyện", "Trung tâm Y tế huyện",
                                       "Hội Nông dân huyện"]  # "ND": the initials of "Nông dân"


# ---------------------------------------------------------------- probe 9, step 2: as a district office writes it

def _roles(rows: list[list[str]]) -> dict[str, str]:
    return {r["handle"]: r["role"] for r in parse_directory(as_xlsx([HEADER, *rows]), "danh-ba.xlsx")}


def test_role_words_as_offices_write_them() -> None:
    rows = [["1", "vanthu", "Nguyễn Thị Hoa", "", "Văn phòng", "Văn thư", ""],
            ["2", "tp_tckh", "Lê Văn Tài", "", "Phòng Tài chính - Kế hoạch", "Trưởng phòng", ""],
            ["3", "pp_tckh", "Vũ Thị Kế", "", "Phòng Tài chính - Kế hoạch", "Phó trưởng phòng", ""],
            ["4", "cvp", "Đỗ Minh Tâm", "", "Văn phòng", "Chánh Văn phòng", ""],
            ["5", "tp_cu", "Phạm Văn Xây", "Nghỉ hưu", "Phòng Kinh tế và Hạ tầng", "Đã nghỉ", ""],
            ["6", "cv_cu", "Bùi Văn Đi", "", "", "nghỉ việc", ""]]
    assert _roles(rows) == {"vanthu": "admin", "tp_tckh": "head", "pp_tckh": "cadre", "cvp": "head",
                            "tp_cu": "left", "cv_cu": "left"}


def test_a_post_that_names_no_role_says_which_role_to_write() -> None:
    rows = [["1", "chutich", "Trần Văn Hùng", "", "Ủy ban nhân dân huyện", "Chủ tịch", ""]]
    with pytest.raises(DirectoryInvalid) as caught:
        _roles(rows)
    assert "dòng 4: vai trò “Chủ tịch” chưa rõ: Chủ tịch UBND huyện (người nhận báo cáo, chỉ đạo) ghi “lãnh đạo”; " \
        "Chủ tịch UBND xã, phường (đơn vị nhận việc) ghi “trưởng đơn vị”" in caught.value.user_message


def test_a_row_pasted_twice_is_reported_as_a_duplicate_not_as_two_heads() -> None:
    rows = [PEOPLE[2], PEOPLE[2]]
    with pytest.raises(DirectoryInvalid) as caught:
        _roles(rows)
    message = caught.value.user_message
    assert "dòng 5: mã cán bộ “tb_dan” bị trùng với dòng 4 (một cán bộ chỉ ghi một dòng; dòng này lặp lại đơn " \
        "vị" in message
    assert "trưởng đơn vị (" not in message, message


def test_a_bad_handle_is_told_the_rule_it_breaks() -> None:
    with pytest.raises(DirectoryInvalid) as caught:
        _roles([["1", "x", "Ai Đó", "", "Sở Y tế", "chuyên viên", ""]])
    assert "mã cán bộ “x” không hợp lệ (từ 2 đến 64 ký tự, chỉ gồm chữ a-z không dấu, số 0-9, dấu _ và dấu " \
        "chấm, không có dấu cách)" in caught.value.user_message


def test_the_head_left_and_a_successor_in_one_file_moves_the_open_tasks(migrated_db: Database) -> None:
    """Storage alone: the tasks the former head held move, the pending digest lines with them, the audit says so."""
    from storage.models import Digest, Task
    from storage.notices import confirm_notice, create_draft
    from storage.parsed import ParsedNotice, ParsedTask

    db = migrated_db
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=NOW)
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(tasks=(ParsedTask(ref="1", text="a", lead=("Ban Dân vận Tỉnh ủy",)),
                                                      ParsedTask(ref="2", text="b", lead=("Ban Dân vận Tỉnh ủy",)))),
                    source_text="t", source_name="", by=admin, now=NOW)
    db.call(confirm_notice, draft.notice_id, by=admin, now=NOW)
    head = db.call(person_by_handle, "head_bdv")
    task_ids = db.call(lambda s: list(s.scalars(select(Task.id).order_by(Task.id))))

    def planned(session) -> None:  # type: ignore[no-untyped-def]
        session.add(Digest(person_id=head.id, day=NOW.date(), due_at=NOW,
                           items=[{"task_id": task_ids[0], "category": "overdue"}, {"kind": "unreachable"}]))
    db.call(planned)
    file = ("handle,full_name,title,unit,role\nhead_bdv,Lê Văn Dân,Nghỉ hưu,Ban Dân vận Tỉnh ủy,đã nghỉ\n"
            "cadre_bdv,Phạm Thị Vận,Trưởng ban,Ban Dân vận Tỉnh ủy,trưởng đơn vị\n")
    result = db.call(import_directory, parse_directory(file.encode()), now=NOW)
    assert result.left == ("Lê Văn Dân",)
    [handover] = result.handovers
    assert (handover.from_name, handover.to_name, [t.item_ref for t in handover.tasks]) == \
        ("Lê Văn Dân", "Phạm Thị Vận", ["1", "2"])
    new = db.call(person_by_handle, "cadre_bdv")
    assert db.call(lambda s: list(s.scalars(select(Task.assignee_id)))) == [new.id, new.id]
    digests = db.call(lambda s: {d.person_id: d.items for d in s.scalars(select(Digest))})
    assert digests[head.id] == [{"kind": "unreachable"}]
    assert digests[new.id] == [{"task_id": task_ids[0], "category": "overdue"}]
    entries = db.call(audit_entries)
    assert [(e.detail["previous"], e.detail["to"], e.detail["reason"]) for e in entries
            if e.action == "task.handover"] == [("head_bdv", "cadre_bdv", "left")] * 2
    assert db.call(lambda s: person_by_handle(s, "head_bdv").telegram_chat_id) is None
