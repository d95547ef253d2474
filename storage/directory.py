"""The directory of units and people: import from CSV or Excel (as offices keep it), export
back in the same columns, enrollment by invite code, look-ups."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import logging
import re
import secrets
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NotRequired, TypedDict, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.audit import audit, record_export
from storage.errors import ChannelNotBound, DirectoryInvalid, InviteInvalid, LeaveInvalid, NotEnrolled, PersonNotFound
from storage.models import (
    OPEN_STATUSES,
    TELEGRAM,
    ZALO,
    AuditLog,
    Digest,
    DigestState,
    ExtensionMessage,
    Invite,
    Notice,
    NoticeStatus,
    Person,
    PersonPost,
    Role,
    StatusReport,
    Task,
    Unit,
)
from storage.unitnames import (
    INITIALS_SCORE,
    best_unit_match,
    closest_units,
    same_kind,
    unit_key,
    without_post,
    without_va,
)
from storage.vntext import fold, nfc

log = logging.getLogger(__name__)

COLUMNS = ("handle", "full_name", "title", "unit", "role")
EXPORT_COLUMNS = (*COLUMNS, "telegram")
REQUIRED = ("handle", "full_name", "unit", "role")  # a file without a title column is fine
HANDLE_RE = re.compile(r"^[a-z0-9_.]{2,64}$")
TELEGRAM_RE = re.compile(r"^[a-z][a-z0-9_]{3,31}$")  # Telegram: 5–32 characters (older ones may be shorter)
INVITE_TTL = dt.timedelta(days=14)

# A header cell, folded (storage.vntext.fold), → the column it names. Vietnamese as offices write it.
HEADER_ALIASES = {
    "handle": "handle", "ma can bo": "handle", "ma cb": "handle", "ma": "handle", "ten dang nhap": "handle",
    "ma dinh danh": "handle",
    "full name": "full_name", "ho va ten": "full_name", "ho ten": "full_name", "ho va ten can bo": "full_name",
    "title": "title", "chuc vu": "title", "chuc danh": "title",
    "unit": "unit", "don vi": "unit", "co quan": "unit", "co quan don vi": "unit", "ten don vi": "unit",
    "don vi cong tac": "unit",
    "role": "role", "vai tro": "role", "quyen": "role", "vai tro trong nhac viec": "role",
    "telegram": "telegram", "username": "telegram", "telegram username": "telegram", "ten telegram": "telegram",
    "tai khoan telegram": "telegram", "ten nguoi dung telegram": "telegram",
    "zalo": "zalo", "zalo id": "zalo", "ma zalo": "zalo", "zalo user id": "zalo", "id zalo": "zalo",
}
COLUMN_NAMES_VN = {"handle": "Mã cán bộ", "full_name": "Họ và tên", "title": "Chức vụ", "unit": "Đơn vị",
                   "role": "Vai trò", "telegram": "Telegram"}
# A role cell, folded → the role. The Vietnamese words first: the export writes those.
ROLE_WORDS = {
    "quan tri": Role.ADMIN, "quan tri vien": Role.ADMIN, "admin": Role.ADMIN,
    "lanh dao": Role.LEADER, "leader": Role.LEADER,
    "truong don vi": Role.HEAD, "thu truong": Role.HEAD, "thu truong don vi": Role.HEAD, "head": Role.HEAD,
    "chuyen vien": Role.CADRE, "can bo": Role.CADRE, "cadre": Role.CADRE,
    "da nghi": Role.LEFT, "nghi viec": Role.LEFT, "da nghi viec": Role.LEFT, "nghi huu": Role.LEFT,
    "da nghi huu": Role.LEFT, "da chuyen cong tac": Role.LEFT, "left": Role.LEFT,
    # the words offices write in the role column that say one role only (a unit has one head: a deputy is a
    # cadre in Nhắc việc; "văn thư" is how the README itself calls the admin)
    "truong phong": Role.HEAD, "chanh van phong": Role.HEAD,
    "pho truong phong": Role.CADRE, "pho chanh van phong": Role.CADRE,
    # (a deputy of the unit, as a new admin writes it: probe s43 — "vai trò “deputy” không hợp lệ")
    "deputy": Role.CADRE, "cap pho": Role.CADRE, "pho truong don vi": Role.CADRE,
    "van thu": Role.ADMIN,
}
# Words that name a post, not a role: "Chủ tịch" is the leader of the district and the head of each commune.
AMBIGUOUS_ROLE_WORDS = {
    "chu tich": "Chủ tịch UBND huyện (người nhận báo cáo, chỉ đạo) ghi “lãnh đạo”; Chủ tịch UBND xã, phường "
                "(đơn vị nhận việc) ghi “trưởng đơn vị”",
    "pho chu tich": "Phó Chủ tịch UBND huyện ghi “lãnh đạo”; Phó Chủ tịch UBND xã ghi “chuyên viên” (mỗi đơn vị "
                    "chỉ có một trưởng đơn vị)",
}
ROLE_VN = {Role.ADMIN: "quản trị", Role.LEADER: "lãnh đạo", Role.HEAD: "trưởng đơn vị", Role.CADRE: "chuyên viên",
           Role.LEFT: "đã nghỉ"}
BOOTSTRAP_HANDLE_RE = re.compile(r"^adminm?\d+$")  # an admin made from ADMIN_IDS, never in the office's file
HEADER_SEARCH_ROWS = 20  # the header may sit under a title ("DANH SÁCH CÁN BỘ …")
MAX_ROWS = 20_000
MAX_XLSX_UNZIPPED = 100 * 1024 * 1024
MAX_ERRORS_SHOWN = 20
DELIMITERS = (";", ",", "\t")


class DirectoryRow(TypedDict):
    """One person of the file. `telegram` is None when the file has no such column (keep what is stored)."""

    line: int  # the line (CSV) or row (Excel) the person is on, for messages
    handle: str
    full_name: str
    title: str
    unit: str
    role: str
    telegram: str | None
    # further rows of the same person (same code) as head of another unit (kiêm nhiệm): (line, unit, title)
    posts: NotRequired[list[tuple[int, str, str]]]


@dataclass(frozen=True, kw_only=True)
class HandedTask:
    task_id: int
    item_ref: str
    notice_id: int


@dataclass(frozen=True, kw_only=True)
class Handover:
    """The open tasks a unit's former head held as its head, moved to the new head (`to_id`), or left without a
    holder (`to_id` None: the unit has no head now; the next import with one assigns them)."""

    unit_name: str
    from_id: int
    from_name: str
    from_left: bool  # the former head left (đã nghỉ): not told
    to_id: int | None
    to_name: str | None
    tasks: tuple[HandedTask, ...]


@dataclass(frozen=True, kw_only=True)
class PersonRef:
    full_name: str
    handle: str


ChangedField = Literal["full_name", "title", "role", "unit", "telegram", "post_added", "post_removed"]


@dataclass(frozen=True, kw_only=True)
class FieldChange:
    """One thing the file changed of someone already stored: `before` → `after` (None: empty); a role is the
    `Role` value; a post added or removed names its unit in `after` (`before` None)."""
    field: ChangedField
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True, kw_only=True)
class PersonChange:
    """Someone already in Nhắc việc whom the file changes, and what (the bot says it in words)."""
    full_name: str
    handle: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, kw_only=True)
class ImportResult:
    units_created: int
    people_created: int
    people_updated: int  # already in the directory (whether or not anything changed)
    people_changed: int = 0  # of those, the ones whose name, title, unit, role or username changed
    handovers: tuple[Handover, ...] = ()
    left: tuple[str, ...] = ()  # the full names of the people this file says have left (newly)
    missing: tuple[PersonRef, ...] = ()  # people in Nhắc việc (not left) whom the file does not list
    stored_active: int = 0  # people in Nhắc việc before the import who had not left (the admin aside)
    returned: tuple[Handover, ...] = ()  # open tasks people who left held (not as a unit's head): back to the head
    created: tuple[PersonRef, ...] = ()  # the new people who may be invited (not those marked as left)
    leaders_before: int = 0  # leaders in Nhắc việc before the import
    leaders_after: int = 0  # and after it: none left, nobody gets the weekly summary or the escalations
    changed_people: tuple[int, ...] = ()  # ids of the people whose role or unit the file changed (left, moved …)
    posts_added: tuple[tuple[str, str], ...] = ()  # (full name, unit): a second post (kiêm nhiệm) the file adds
    posts_removed: tuple[tuple[str, str], ...] = ()  # … or takes away
    changes: tuple[PersonChange, ...] = ()  # the people_changed, by name, with what changed
    rejoined: tuple[PersonRef, ...] = ()  # people marked as left whom the file makes active again
    were_left: int = 0  # of people_updated, those who had left before the import (not in stored_active)


# ---------------------------------------------------------------- reading a file

def parse_directory(data: bytes | str, filename: str = "") -> list[DirectoryRow]:
    """Read a directory file (.xlsx, or CSV in any usual encoding and separator) and validate it
    whole, so a bad row stores nothing. Raises DirectoryInvalid with line-numbered Vietnamese errors."""
    header, body = _find_header(_table(data, filename))
    return _validate(header, body)


def parse_directory_csv(data: bytes | str) -> list[DirectoryRow]:
    """Kept for the callers that only ever had CSV; an Excel file is recognised by its content."""
    return parse_directory(data)


def is_directory_file(data: bytes, filename: str = "") -> bool:
    """A table whose header row names the directory's columns (at least three of them), even if
    the file is then refused for a missing column or a bad row: the admin meant a directory."""
    try:
        return _header_position(_table(data, filename)) is not None
    except DirectoryInvalid:
        return False


Table = list[tuple[int, list[str]]]  # (line number, cells), blank rows left out


def _table(data: bytes | str, filename: str) -> Table:
    if isinstance(data, bytes) and data.startswith(b"PK\x03\x04"):
        return _xlsx_table(data)
    if filename.lower().endswith(".xls") or (isinstance(data, bytes) and data.startswith(b"\xd0\xcf\x11\xe0")):
        raise DirectoryInvalid("old .xls format", "Tệp Excel dạng cũ (.xls) chưa đọc được. Đồng chí mở tệp bằng "
                                                  "Excel, chọn Lưu thành (Save As) dạng .xlsx hoặc CSV rồi gửi lại.")
    text = data if isinstance(data, str) else _decode(data)
    return _csv_table(unicodedata.normalize("NFC", text.lstrip("\ufeff")))


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM, or Excel's "Unicode Text" without one), else Windows-1258."""
    unreadable = DirectoryInvalid("undecodable directory file",
                                  "Không đọc được bảng mã của tệp danh bạ. Đồng chí lưu lại tệp dạng CSV UTF-8 "
                                  "(Excel: Lưu thành → CSV UTF-8) hoặc gửi tệp .xlsx.")
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        if len(data) >= 4 and data.count(0) > len(data) // 4:  # UTF-16 without a BOM: every other byte is 0
            return data.decode("utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be")
    except UnicodeDecodeError as exc:
        raise unreadable from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:  # Windows-1258 writes most marks as combining characters: NFC (by the caller) composes them
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise unreadable from exc
    log.info("directory file read as Windows-1258")
    return text


def _csv_table(text: str) -> Table:
    """The separator is the one under which a header row appears (`;` from Excel in a Vietnamese locale)."""
    best: tuple[int, str] = (-1, ",")
    for delimiter in DELIMITERS:
        head = _csv_rows(text, delimiter, limit=HEADER_SEARCH_ROWS)
        found = max((len(_header_map(cells)) for _, cells in head), default=0)
        if found > best[0]:
            best = (found, delimiter)
    return _csv_rows(text, best[1])


def _csv_rows(text: str, delimiter: str, *, limit: int | None = None) -> Table:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Table = []
    start = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((start, cells))
                if limit is not None and len(rows) >= limit:
                    break
                if len(rows) > MAX_ROWS:
                    raise DirectoryInvalid(f"over {MAX_ROWS} rows", f"Tệp danh bạ quá {MAX_ROWS} dòng.")
            start = reader.line_num + 1
    except csv.Error as exc:
        raise DirectoryInvalid(f"csv error near line {reader.line_num}: {exc}",
                               f"Tệp danh bạ hỏng ở dòng {reader.line_num} (dấu ngoặc kép không đóng?).") from exc
    return rows


def _xlsx_table(data: bytes) -> Table:
    """The first sheet; row numbers as Excel shows them."""
    from openpyxl import load_workbook

    broken = DirectoryInvalid("not a valid .xlsx", "Tệp Excel bị hỏng hoặc không đúng định dạng .xlsx.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_XLSX_UNZIPPED:
                raise DirectoryInvalid("xlsx unzips too large", "Tệp Excel quá lớn hoặc bất thường, chưa đọc.")
        with warnings.catch_warnings():  # openpyxl warns about features it ignores (data validation…)
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), data_only=True)
    except DirectoryInvalid:
        raise
    except Exception as exc:  # zipfile, openpyxl and XML parsers each raise their own
        raise broken from exc
    try:
        if not workbook.worksheets:
            raise broken
        sheet = workbook.worksheets[0]
        if sheet.max_row > MAX_ROWS:
            raise DirectoryInvalid(f"over {MAX_ROWS} rows", f"Tệp danh bạ quá {MAX_ROWS} dòng.")
        rows: Table = []
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            cells = [_cell_text(v) for v in values]
            if any(cells):
                rows.append((number, cells))
        return rows
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a numeric code typed into Excel
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _header_column(cell: str) -> str | None:
    """“Mã cán bộ/handle”, “Họ và tên (*)”, “FULL_NAME” → the column; None if not a directory column."""
    key = fold(cell)
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    for part in re.split(r"[/()\[\]|]", cell):
        if fold(part) in HEADER_ALIASES:
            return HEADER_ALIASES[fold(part)]
    return None


def _header_map(cells: list[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        column = _header_column(cell)
        if column is not None and column not in found.values():
            found[index] = column
    return found


def _header_position(table: Table) -> int | None:
    """The first of the top rows that names at least three directory columns (or the code and the name)."""
    for position, (_, cells) in enumerate(table[:HEADER_SEARCH_ROWS]):
        found = set(_header_map(cells).values())
        if len(found) >= 3 or {"handle", "full_name"} <= found:
            return position
    return None


def _find_header(table: Table) -> tuple[tuple[int, dict[int, str]], Table]:
    """The header (its line, column index → column) and the rows under it; refused if a column is
    missing or named twice."""
    position = _header_position(table)
    if position is None:
        raise _missing(list(REQUIRED))
    line, cells = table[position]
    found = _header_map(cells)
    columns = [_header_column(c) for c in cells]
    twice = sorted({c for c in columns if c is not None and columns.count(c) > 1})
    if twice:
        names = ", ".join(f"“{COLUMN_NAMES_VN.get(c, c)}”" for c in twice)
        raise DirectoryInvalid(f"duplicate columns {twice} on line {line}",
                               f"Dòng tiêu đề (dòng {line}) có cột trùng nhau: {names}. Đồng chí giữ lại "
                               "một cột cho mỗi loại thông tin.")
    missing = [c for c in REQUIRED if c not in found.values()]
    if missing:
        raise _missing(missing)
    return (line, found), table[position + 1:]


def _missing(missing: list[str]) -> DirectoryInvalid:
    return DirectoryInvalid(
        f"missing columns {missing}",
        "Tệp danh bạ thiếu cột: " + ", ".join(COLUMN_NAMES_VN[c] for c in missing) + ". Dòng tiêu đề cần có các "
        "cột: Mã cán bộ (handle), Họ và tên (full_name), Chức vụ (title), Đơn vị (unit), Vai trò (role: quản trị, "
        "lãnh đạo, trưởng đơn vị, chuyên viên); cột Telegram (tên người dùng) nếu có.")


def _lines(lines: Sequence[int]) -> str:
    shown = [str(n) for n in lines]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " và " + shown[-1]


def _validate(header: tuple[int, dict[int, str]], body: Table) -> list[DirectoryRow]:
    _, columns = header
    rows: list[DirectoryRow] = []
    errors: list[str] = []
    handles: dict[str, int] = {}
    usernames: dict[str, int] = {}
    heads: dict[str, list[tuple[int, DirectoryRow]]] = {}
    duplicate = False  # this row repeats an earlier row's handle: its other errors follow from that one
    has_telegram = "telegram" in columns.values()
    for lineno, cells in body:
        raw = {name: " ".join(nfc(cells[i]).split()) if i < len(cells) else "" for i, name in columns.items()}
        if not any(raw.get(c) for c in (*COLUMNS, "telegram")):
            continue  # a row with only a number (STT) or a note in an unknown column
        handle = raw["handle"].lstrip("@").lower()
        role_text = raw.get("role", "")
        role = ROLE_WORDS.get(fold(role_text)) if role_text else Role.CADRE
        telegram: str | None = None
        if has_telegram:
            telegram = re.sub(r"^(https?://)?(www\.)?(t\.me|telegram\.me)/", "", raw.get("telegram", ""),
                              flags=re.I).lstrip("@").lower()
        row = DirectoryRow(line=lineno, handle=handle, full_name=raw["full_name"], title=raw.get("title", ""),
                           unit=raw["unit"], role=role.value if role else role_text, telegram=telegram)
        if not HANDLE_RE.match(handle):
            errors.append(f"dòng {lineno}: mã cán bộ “{raw['handle']}” không hợp lệ (từ 2 đến 64 ký tự, chỉ gồm chữ "
                          "a-z không dấu, số 0-9, dấu _ và dấu chấm, không có dấu cách)")
        elif handle in handles:
            first = next(r for r in rows if r["handle"] == handle)
            if (problem := _second_post_problem(first, row, role)) is None:  # kiêm nhiệm: head of another unit
                first.setdefault("posts", []).append((lineno, row["unit"], row["title"]))
                heads.setdefault(unit_key(row["unit"]), []).append((lineno, row))
                continue
            errors.append(f"dòng {lineno}: mã cán bộ “{handle}” bị trùng với dòng {handles[handle]} ({problem})")
            duplicate = True
        else:
            handles[handle] = lineno
        if not row["full_name"]:
            errors.append(f"dòng {lineno}: thiếu họ tên")
        if role is None and fold(role_text) in AMBIGUOUS_ROLE_WORDS:
            errors.append(f"dòng {lineno}: vai trò “{role_text}” chưa rõ: {AMBIGUOUS_ROLE_WORDS[fold(role_text)]}")
        elif role is None:
            errors.append(f"dòng {lineno}: vai trò “{role_text}” không hợp lệ (quản trị, lãnh đạo, trưởng đơn vị, "
                          "chuyên viên, đã nghỉ; hoặc admin, leader, head, cadre)")
        elif role in (Role.HEAD, Role.CADRE) and not row["unit"]:
            errors.append(f"dòng {lineno}: vai trò {ROLE_VN[role]} cần có đơn vị")
        elif role == Role.HEAD and not duplicate:
            heads.setdefault(unit_key(row["unit"]), []).append((lineno, row))
        if telegram:
            if not TELEGRAM_RE.match(telegram):
                errors.append(f"dòng {lineno}: tên Telegram “{raw['telegram']}” không hợp lệ (5–32 ký tự a-z, "
                              "0-9 và _, ví dụ @nguyenvana)")
            elif telegram in usernames:
                errors.append(f"dòng {lineno}: tên Telegram “@{telegram}” trùng với dòng {usernames[telegram]}")
            else:
                usernames[telegram] = lineno
        rows.append(row)
        duplicate = False
    for same_unit in heads.values():
        if len(same_unit) > 1:
            names = ", ".join(f"đ/c {r['full_name']}" for _, r in same_unit)
            errors.append(f"dòng {_lines([n for n, _ in same_unit])}: đơn vị “{same_unit[0][1]['unit']}” có "
                          f"{len(same_unit)} trưởng đơn vị ({names}); mỗi đơn vị chỉ có một trưởng đơn vị, các "
                          "đồng chí khác ghi vai trò chuyên viên")
    if errors:
        errors.sort(key=lambda e: int(re.match(r"dòng (\d+)", e).group(1)))  # type: ignore[union-attr]
        raise _invalid(errors)
    if not rows:
        raise DirectoryInvalid("no people", "Tệp danh bạ không có cán bộ nào dưới dòng tiêu đề.")
    return rows


SECOND_POST_HOW = ("một cán bộ chỉ ghi một dòng; cán bộ kiêm nhiệm trưởng một đơn vị khác thì ghi thêm một dòng "
                   "cùng mã, cùng họ tên, vai trò trưởng đơn vị và tên đơn vị kiêm nhiệm")


def _second_post_problem(first: DirectoryRow, row: DirectoryRow, role: Role | None) -> str | None:
    """Why a second row of the same code is not a second post (None: it is one): it must name the same person,
    as head (trưởng đơn vị) of a unit other than those of the first row."""
    if fold(row["full_name"]) != fold(first["full_name"]):
        return f"họ tên khác dòng trước: {SECOND_POST_HOW}"
    if role != Role.HEAD or not row["unit"]:
        return SECOND_POST_HOW
    if first["role"] == Role.LEFT:
        return "cán bộ đã nghỉ không kiêm nhiệm đơn vị nào"
    units = [first["unit"], *(unit for _, unit, _ in first.get("posts", []))]
    if unit_key(row["unit"]) in {unit_key(u) for u in units if u}:
        return f"một cán bộ chỉ ghi một dòng; dòng này lặp lại đơn vị “{row['unit']}” đã ghi cho cán bộ này"
    return None


def _invalid(errors: list[str]) -> DirectoryInvalid:
    shown = errors[:MAX_ERRORS_SHOWN]
    more = f"\n… và {len(errors) - len(shown)} lỗi khác." if len(errors) > len(shown) else ""
    return DirectoryInvalid("; ".join(errors), "Tệp danh bạ có lỗi, chưa nhập gì:\n" + "\n".join(shown) + more)


# ---------------------------------------------------------------- storing it

def import_directory(session: Session, rows: Sequence[DirectoryRow], *, now: dt.datetime,
                     actor_id: int | None = None, **detail: str) -> ImportResult:
    """`actor_id` is the admin who sent the file (None: the command line, which says who in `detail`).
    Checked against the stored directory first (a unit keeps one head), so a refusal stores nothing.
    A unit whose head changes hands the open tasks its former head held as its head to the new head (or leaves
    them without a holder until one is imported); a person marked "đã nghỉ" is unbound from every chat."""
    units = {u.name_key: u for u in session.scalars(select(Unit))}
    _refuse_second_heads(session, rows, units)
    stored = list(session.scalars(select(Person).where(Person.role != Role.LEFT).order_by(Person.id)))
    heads_before = {unit_id: p for p in stored for unit_id in p.headed_unit_ids}
    leaders_before = sum(1 for p in stored if p.role == Role.LEADER)
    units_created = created = updated = changed = 0
    left: list[str] = []
    new_people: list[PersonRef] = []
    moved: dict[int, int] = {}  # person id → the unit they were in, for people the file moves to another unit
    changed_people: list[int] = []  # role or unit changed: the extension requests they asked or decide may move
    posts: dict[Person, list[tuple[Unit, str]]] = {}  # each person of the file → the other units they head
    new_or_changed: set[Person] = set()  # counted already (new, or among the changed)
    what: dict[Person, list[FieldChange]] = {}  # the people changed → what changed
    rejoined: list[PersonRef] = []
    were_left = 0
    for row in rows:
        unit = None
        if row["unit"]:
            key = unit_key(row["unit"])
            unit = units.get(key) or _same_but_va(units, key)
            if unit is None:
                unit = Unit(name=row["unit"], name_key=key, created_at=now)
                session.add(unit)
                units[key] = unit
                units_created += 1
        person = session.scalar(select(Person).where(Person.handle == row["handle"]))
        before: tuple[object, ...] | None = None
        if person is None:
            person = Person(handle=row["handle"], created_at=now, posts=[])
            session.add(person)
            created += 1
            if row["role"] != Role.LEFT:
                new_people.append(PersonRef(full_name=row["full_name"], handle=row["handle"]))
        else:
            updated += 1
            before = (person.full_name, person.title, person.role, person.unit_id, person.telegram_username)
            if person.role == Role.LEFT:
                were_left += 1
                if row["role"] != Role.LEFT:
                    rejoined.append(PersonRef(full_name=row["full_name"], handle=row["handle"]))
        telegram = row.get("telegram")
        leaving = row["role"] == Role.LEFT and person.role != Role.LEFT
        person.full_name = row["full_name"]
        person.title = row["title"]
        person.role = row["role"]
        if before is not None and before[3] is not None and before[3] != (unit.id if unit else None) and \
                row["role"] != Role.LEFT:
            moved[person.id] = cast(int, before[3])
        person.unit = unit
        if telegram is not None:  # a file without the column leaves the stored username alone
            person.telegram_username = telegram or None
        if leaving:
            session.flush()
            _deactivate(session, person, now=now, actor_id=actor_id)
            left.append(person.full_name)
        if before is None:
            new_or_changed.add(person)
        elif before != (person.full_name, person.title, person.role, unit.id if unit else None,
                        person.telegram_username):
            changed += 1
            new_or_changed.add(person)
            what[person] = _what_changed(session, before, person, unit)
            if before[2:4] != (person.role, unit.id if unit else None):
                changed_people.append(person.id)
        wanted: list[tuple[Unit, str]] = []
        for _, name, title in row.get("posts", []):
            key = unit_key(name)
            post_unit = units.get(key) or _same_but_va(units, key)
            if post_unit is None:
                post_unit = units[key] = Unit(name=name, name_key=key, created_at=now)
                session.add(post_unit)
                units_created += 1
            wanted.append((post_unit, title))
        posts[person] = wanted
    session.flush()
    posts_added, posts_removed = _set_posts(session, posts)
    for person in dict.fromkeys(p for p, _ in posts_added + posts_removed):
        if person.id not in changed_people:  # a post is a role: who decides their extension requests may change
            changed_people.append(person.id)
        if person not in new_or_changed:
            changed += 1
            what[person] = []
    for person, unit_name in posts_added:
        if person in what:
            what[person].append(FieldChange(field="post_added", after=unit_name))
    for person, unit_name in posts_removed:
        if person in what:
            what[person].append(FieldChange(field="post_removed", after=unit_name))
    handovers = _hand_over_heads_tasks(session, heads_before, now=now, actor_id=actor_id)
    returned = _return_leavers_tasks(session, now=now, actor_id=actor_id) + \
        _return_movers_tasks(session, moved, now=now, actor_id=actor_id)
    leaders_after = len(leaders(session))
    in_file = {r["handle"] for r in rows}
    # the admin who sends the file is counted only when the file lists them (nobody lists themselves by duty)
    counted = [p for p in stored if (p.id != actor_id or p.handle in in_file)
               and not BOOTSTRAP_HANDLE_RE.match(p.handle)]
    missing = tuple(PersonRef(full_name=p.full_name, handle=p.handle) for p in counted
                    if p.handle not in in_file and p.role != Role.LEFT)
    audit(session, at=now, actor_id=actor_id, action="directory.import", entity="directory", entity_id=None,
          units_created=units_created, people_created=created, people_updated=updated, left=len(left),
          handed_over=sum(len(h.tasks) for h in handovers), returned=sum(len(h.tasks) for h in returned),
          not_in_file=len(missing), leaders=leaders_after, **detail)
    if leaders_after == 0:
        log.warning("the directory has no leader after the import: weekly summaries and escalations reach nobody")
    return ImportResult(units_created=units_created, people_created=created, people_updated=updated,
                        people_changed=changed, handovers=tuple(handovers), left=tuple(left), missing=missing,
                        stored_active=len(counted), returned=tuple(returned), created=tuple(new_people),
                        leaders_before=leaders_before, leaders_after=leaders_after,
                        changed_people=tuple(changed_people),
                        posts_added=tuple((p.full_name, unit) for p, unit in posts_added),
                        posts_removed=tuple((p.full_name, unit) for p, unit in posts_removed),
                        changes=tuple(PersonChange(full_name=p.full_name, handle=p.handle, fields=tuple(w))
                                      for p, w in what.items()),
                        rejoined=tuple(rejoined), were_left=were_left)


def _what_changed(session: Session, before: tuple[object, ...], person: Person, unit: Unit | None
                  ) -> list[FieldChange]:
    """What the file changed of someone already stored."""
    name, title, role, unit_id, telegram = before
    out = []
    if name != person.full_name:
        out.append(FieldChange(field="full_name", before=cast(str, name), after=person.full_name))
    if title != person.title:
        out.append(FieldChange(field="title", before=cast("str | None", title) or None, after=person.title or None))
    if role != person.role:
        out.append(FieldChange(field="role", before=Role(str(role)).value, after=Role(person.role).value))
    if unit_id != (unit.id if unit else None):
        former = session.get(Unit, unit_id) if isinstance(unit_id, int) else None
        out.append(FieldChange(field="unit", before=former.name if former else None,
                               after=unit.name if unit else None))
    if telegram != person.telegram_username:
        out.append(FieldChange(field="telegram", before=cast("str | None", telegram) or None,
                               after=person.telegram_username or None))
    return out


def file_digest(data: bytes) -> str:
    """The SHA-256 of a directory file as sent: kept with its import (audit detail `sha256`)."""
    return hashlib.sha256(data).hexdigest()


def imported_before(session: Session, sha256: str) -> dt.datetime | None:
    """When a file with this very content was last imported (from the chat or the command line); None: never."""
    rows = session.execute(select(AuditLog.at, AuditLog.detail).where(AuditLog.action == "directory.import")
                           .order_by(AuditLog.id.desc()))
    return next((at for at, detail in rows if isinstance(detail, dict) and detail.get("sha256") == sha256), None)


PostChange = tuple[Person, str]  # (the person, the unit's name)


def _set_posts(session: Session, wanted: dict[Person, list[tuple[Unit, str]]]
               ) -> tuple[list[PostChange], list[PostChange]]:
    """Make each listed person's second posts those of the file (removed ones first: a unit moves from one
    holder to another in the same file); the posts added and removed."""
    added: list[PostChange] = []
    removed: list[PostChange] = []
    for person, posts in wanted.items():
        keep = {id(u) for u, _ in posts}
        for post in [p for p in person.posts if id(p.unit) not in keep]:
            removed.append((person, post.unit.name))
            person.posts.remove(post)
    session.flush()
    for person, posts in wanted.items():
        have = {id(p.unit): p for p in person.posts}
        for unit, title in posts:
            if id(unit) in have:
                have[id(unit)].title = title
            else:
                person.posts.append(PersonPost(unit=unit, title=title))
                added.append((person, unit.name))
    session.flush()
    return added, removed


def _same_but_va(units: dict[str, Unit], key: str) -> Unit | None:
    """The unit a file writes with "&" for "và" ("Phòng Kinh tế & Hạ tầng"): the same unit, not a new one."""
    bare = without_va(key)
    return next((u for k, u in units.items() if without_va(k) == bare), None)


def _deactivate(session: Session, person: Person, *, now: dt.datetime, actor_id: int | None) -> None:
    """A person who left: no chat of theirs reaches Nhắc việc any more (nothing is sent to them, nothing they
    type counts), nobody's leave is covered by them; the history keeps them."""
    channels = person.channels
    person.telegram_chat_id = None
    person.zalo_user_id = None
    person.preferred_channel = None
    person.leave_from = person.leave_to = None
    person.leave_cover_id = None
    for colleague in session.scalars(select(Person).where(Person.leave_cover_id == person.id)):
        colleague.leave_cover_id = None
    audit(session, at=now, actor_id=actor_id, action="person.left", entity="person", entity_id=person.id,
          handle=person.handle, unbound=",".join(channels))
    log.info("person %s marked as left (was bound on %s)", person.handle, channels or "nothing")


def _hand_over_heads_tasks(session: Session, heads_before: dict[int, Person], *, now: dt.datetime,
                           actor_id: int | None) -> list[Handover]:
    """Each unit whose head before the import is no longer its head: the open tasks of confirmed notices that the
    former head held for that unit (not those the head handed to a cadre with /giao: the cadre keeps them) go to
    the unit's head now, or to nobody (the leaders hear of them as of any task without a holder). Their pending
    morning lines move with them, so the former head is not reminded of them again."""
    handovers: list[Handover] = []
    for unit_id, former in heads_before.items():
        if unit_id in former.headed_unit_ids:
            continue
        tasks = list(session.scalars(
            select(Task).join(Notice, Notice.id == Task.notice_id)
            .where(Task.assignee_id == former.id, Task.lead_unit_id == unit_id,
                   Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
            .order_by(Task.id)))
        if not tasks:
            continue
        handovers.append(_reassign(session, tasks, former, unit_id, now=now, actor_id=actor_id,
                                   reason="left" if former.role == Role.LEFT else "head changed"))
    return handovers


def _return_leavers_tasks(session: Session, *, now: dt.datetime, actor_id: int | None) -> list[Handover]:
    """Open tasks of confirmed notices still held by someone who left (a cadre given them with /giao, a head's
    tasks of another unit; also those of anyone marked as left before this rule): back to the head of each task's
    lead unit, or to nobody when the unit has no head (the next import with one assigns them). Audit
    `task.handover` (reason "left"), the pending morning lines move with them."""
    rows = list(session.execute(
        select(Task, Person).join(Notice, Notice.id == Task.notice_id).join(Person, Person.id == Task.assignee_id)
        .where(Person.role == Role.LEFT, Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
        .order_by(Person.id, Task.id)))
    return _return_tasks(session, [(t, p) for t, p in rows], now=now, actor_id=actor_id, reason="left")


def _return_movers_tasks(session: Session, moved: dict[int, int], *, now: dt.datetime,
                         actor_id: int | None) -> list[Handover]:
    """A cadre the file moves to another unit gives back the open tasks of her former unit she was handed
    (/giao): to that unit's head, as for someone who left (reason "moved")."""
    if not moved:
        return []
    rows = list(session.execute(
        select(Task, Person).join(Notice, Notice.id == Task.notice_id).join(Person, Person.id == Task.assignee_id)
        .where(Person.id.in_(moved), Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
        .order_by(Person.id, Task.id)))
    return _return_tasks(session, [(t, p) for t, p in rows if t.lead_unit_id == moved[p.id]], now=now,
                         actor_id=actor_id, reason="moved")


def _return_tasks(session: Session, rows: list[tuple[Task, Person]], *, now: dt.datetime, actor_id: int | None,
                  reason: str) -> list[Handover]:
    groups: dict[tuple[int, int | None], tuple[Person, list[Task]]] = {}
    for task, leaver in rows:
        groups.setdefault((leaver.id, task.lead_unit_id), (leaver, []))[1].append(task)
    return [_reassign(session, tasks, leaver, unit_id, now=now, actor_id=actor_id, reason=reason)
            for (_, unit_id), (leaver, tasks) in groups.items()]


def _reassign(session: Session, tasks: list[Task], former: Person, unit_id: int | None, *, now: dt.datetime,
              actor_id: int | None, reason: str) -> Handover:
    """`former`'s open tasks of the unit `unit_id` to the unit's head now (or to nobody when it has none): audit
    `task.handover` with the reason, the pending morning lines move with them."""
    new = head_of(session, unit_id) if unit_id is not None else None
    for task in tasks:
        task.assignee_id = new.id if new is not None else None
        task.updated_at = now
        audit(session, at=now, actor_id=actor_id, action="task.handover", entity="task", entity_id=task.id,
              previous=former.handle, to=new.handle if new is not None else None, reason=reason)
    _move_pending_lines(session, {t.id for t in tasks}, former.id, new.id if new is not None else None)
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    log.info("%d tasks of %s held by %s (%s) to %s", len(tasks), unit.name if unit else "no unit", former.handle,
             reason, new.handle if new is not None else "nobody")
    return Handover(unit_name=unit.name if unit is not None else tasks[0].lead_name, from_id=former.id,
                    from_name=former.full_name, from_left=former.role == Role.LEFT,
                    to_id=new.id if new is not None else None, to_name=new.full_name if new is not None else None,
                    tasks=_handed(tasks))


def _handed(tasks: Sequence[Task]) -> tuple[HandedTask, ...]:
    return tuple(HandedTask(task_id=t.id, item_ref=t.item_ref, notice_id=t.notice_id) for t in tasks)


def pending_requests_touched(session: Session, task_ids: Iterable[int], people: Iterable[int]) -> list[int]:
    """The extension requests still waiting for a decision that an import may have left with nobody to decide or
    with the wrong people told: of a task that changed hands, asked by someone whose role or unit changed (left,
    moved), or shown to such a person as one who decides. Their report ids, oldest first."""
    task_ids, people = set(task_ids), set(people)
    if not task_ids and not people:
        return []
    shown = set(session.scalars(select(ExtensionMessage.report_id).where(ExtensionMessage.person_id.in_(people))))
    rows = session.execute(
        select(StatusReport.id, StatusReport.task_id, StatusReport.person_id)
        .join(Task, Task.id == StatusReport.task_id)
        .where(StatusReport.decision == "pending", Task.status.in_(OPEN_STATUSES)).order_by(StatusReport.id))
    return [r.id for r in rows if r.task_id in task_ids or r.person_id in people or r.id in shown]


NEWS_QUEUED = "directory.news_queued"  # an import from the command line: whom the running bot must tell
NEWS_SENT = "directory.news_sent"  # … claimed by a worker (entity_id: the queued row)
NEWS_KEPT = dt.timedelta(days=14)  # news not sent by then (no bot running) is dropped, with a log line


def queue_news(session: Session, *, now: dt.datetime, news: dict[str, object]) -> None:
    """Keep what an import from the command line must tell people in chat (it runs no channel): the running bot
    sends it on its next tick (`claim_news`). In the import's transaction: both, or neither."""
    audit(session, at=now, actor_id=None, action=NEWS_QUEUED, entity="directory", entity_id=None, news=news)


def claim_news(session: Session, *, now: dt.datetime) -> list[dict[str, object]]:
    """The queued news no worker has sent yet, oldest first, claimed for this one (a `directory.news_sent` row per
    item, in this transaction: a second worker waits on the lock, then finds them claimed)."""
    queued = list(session.scalars(select(AuditLog).where(AuditLog.action == NEWS_QUEUED, AuditLog.at >= now - NEWS_KEPT)
                                  .order_by(AuditLog.id).with_for_update()))
    if not queued:
        return []
    done = set(session.scalars(select(AuditLog.entity_id).where(AuditLog.action == NEWS_SENT,
                                                                AuditLog.entity_id.in_([q.id for q in queued]))))
    found = []
    for row in queued:
        if row.id in done:
            continue
        audit(session, at=now, actor_id=None, action=NEWS_SENT, entity="directory", entity_id=row.id)
        found.append(dict(row.detail.get("news") or {}))
    session.flush()
    return found


def invite_example(session: Session) -> Person | None:
    """Whom "/moi" alone names as its example: someone of this directory not yet connected, else anyone still
    working here (an admin made from the admin ids aside)."""
    people = [p for p in session.scalars(select(Person).where(Person.role != Role.LEFT).order_by(Person.id))
              if not BOOTSTRAP_HANDLE_RE.match(p.handle)]
    return next((p for p in people if p.telegram_chat_id is None and p.zalo_user_id is None),
                next((p for p in people if p.role != Role.ADMIN), people[0] if people else None))


def _move_pending_lines(session: Session, task_ids: set[int], from_id: int, to_id: int | None) -> None:
    """The former holder's digests not yet sent (planned this morning, or failed and waiting to be carried into
    the next one) lose these tasks' lines; a planned one gives them to the new holder's digest of that day."""
    digests = list(session.scalars(select(Digest).where(
        Digest.person_id == from_id, Digest.state.in_([DigestState.PENDING, DigestState.FAILED])).order_by(Digest.id)))
    for digest in digests:
        moving = [i for i in digest.items if i.get("task_id") in task_ids]
        if not moving:
            continue
        digest.items = [i for i in digest.items if i.get("task_id") not in task_ids]
        if to_id is None or digest.state != DigestState.PENDING:
            continue
        target = session.scalar(select(Digest).where(Digest.person_id == to_id, Digest.day == digest.day))
        if target is None:
            session.add(Digest(person_id=to_id, day=digest.day, due_at=digest.due_at, items=moving))
        elif target.state == DigestState.PENDING:
            target.items = [*target.items, *moving]
        elif target.state == DigestState.HELD:  # a quiet person's repeats: a task handed to them is news, sent
            target.items, target.state = [*target.items, *moving], DigestState.PENDING
    session.flush()


def released_to(session: Session, assigned: Sequence[tuple[int, int]]) -> list[Handover]:
    """Of tasks just given to a unit's head (task id, person id) as waiting for one, those an earlier import took
    from a former head with no successor yet: the hand-over, completed (the former head is told whom)."""
    if not assigned:
        return []
    holder = dict(assigned)
    last: dict[int, AuditLog] = {}
    for entry in session.scalars(select(AuditLog).where(AuditLog.entity == "task", AuditLog.action == "task.handover",
                                                        AuditLog.entity_id.in_(list(holder))).order_by(AuditLog.id)):
        assert entry.entity_id is not None
        last[entry.entity_id] = entry
    groups: dict[tuple[str, int], list[Task]] = {}
    for task_id, entry in last.items():
        if entry.detail.get("to") is None and entry.detail.get("previous"):
            groups.setdefault((str(entry.detail["previous"]), holder[task_id]), []).append(
                session.get_one(Task, task_id))
    found = []
    for (handle, to_id), tasks in groups.items():
        former = session.scalar(select(Person).where(Person.handle == handle))
        new = session.get_one(Person, to_id)
        if former is None:
            continue
        unit = tasks[0].lead_unit
        found.append(Handover(
            unit_name=unit.name if unit is not None else tasks[0].lead_name, from_id=former.id,
            from_name=former.full_name, from_left=former.role == Role.LEFT, to_id=new.id, to_name=new.full_name,
            tasks=_handed(sorted(tasks, key=lambda t: t.id))))
    return found


def _refuse_second_heads(session: Session, rows: Sequence[DirectoryRow], units: dict[str, Unit]) -> None:
    """A head in the file for a unit whose stored head is someone the file does not mention."""
    in_file = {r["handle"] for r in rows}
    new_heads = {unit_key(r["unit"]): r["line"] for r in rows if r["role"] == Role.HEAD}
    new_heads |= {unit_key(unit): line for r in rows for line, unit, _ in r.get("posts", [])}
    stored = [(head, head.unit) for head in session.scalars(
        select(Person).where(Person.role == Role.HEAD, Person.unit_id.is_not(None)).order_by(Person.id))]
    stored += [(post.person, post.unit) for post in session.scalars(select(PersonPost).order_by(PersonPost.id))]
    errors = []
    for head, unit in stored:
        if head.handle in in_file or unit is None:
            continue
        line = new_heads.get(unit.name_key)
        if line is not None:
            errors.append(f"dòng {line}: đơn vị “{unit.name}” đã có trưởng đơn vị là đ/c "
                          f"{head.full_name} ({head.handle}) trong danh bạ; nếu thay trưởng đơn vị, đồng chí thêm "
                          f"một dòng cho {head.handle} với vai trò mới (chuyên viên; “đã nghỉ” nếu đồng chí đã nghỉ) "
                          "trong cùng tệp — các nhiệm vụ trưởng đơn vị cũ đang giữ sẽ chuyển cho trưởng đơn vị mới")
    if errors:
        raise _invalid(errors)


# ---------------------------------------------------------------- writing it back

def directory_rows(session: Session) -> list[DirectoryRow]:
    """Everyone in the directory, unit by unit (heads first), in the columns of the import."""
    people = session.scalars(select(Person).order_by(Person.id))
    rank = {Role.ADMIN: 0, Role.LEADER: 1, Role.HEAD: 2, Role.CADRE: 3}
    rows = [DirectoryRow(line=0, handle=p.handle, full_name=p.full_name, title=p.title or "",
                         unit=p.unit.name if p.unit else "", role=p.role, telegram=p.telegram_username or "")
            for p in people]
    order = {r["unit"]: i for i, r in reversed(list(enumerate(rows)))}  # units in the order they first appear
    ordered = sorted(rows, key=lambda r: (order[r["unit"]], rank.get(Role(r["role"]), 9)))
    # a second post (kiêm nhiệm) is the row under the person's own: the first row of a code is their own post
    posts: dict[str, list[DirectoryRow]] = {}
    for post in session.scalars(select(PersonPost).order_by(PersonPost.id)):
        posts.setdefault(post.person.handle, []).append(DirectoryRow(
            line=0, handle=post.person.handle, full_name=post.person.full_name, title=post.title, unit=post.unit.name,
            role=Role.HEAD, telegram=post.person.telegram_username or ""))
    return [each for row in ordered for each in (row, *posts.get(row["handle"], []))]


def directory_csv(rows: Iterable[DirectoryRow]) -> bytes:
    """UTF-8 with a BOM (Excel then shows the diacritics), the English header of the README."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for r in rows:
        writer.writerow([r["handle"], r["full_name"], r["title"], r["unit"], r["role"], r["telegram"] or ""])
    return out.getvalue().encode("utf-8-sig")


def directory_xlsx(rows: Iterable[DirectoryRow]) -> bytes:
    """The office's sheet: Vietnamese headers and role words, codes kept as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Danh bạ"
    sheet.append([COLUMN_NAMES_VN[c] for c in EXPORT_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append([r["handle"], r["full_name"], r["title"], r["unit"], ROLE_VN[Role(r["role"])],
                      r["telegram"] or None])
        for cell in sheet[sheet.max_row]:
            cell.number_format = "@"  # text: Excel must not turn a code like 007 into 7
    for letter, width in zip("ABCDEF", (18, 28, 40, 36, 16, 20), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_directory(session: Session, *, xlsx: bool, now: dt.datetime, actor_id: int | None = None,
                     **detail: str) -> tuple[bytes, int]:
    """The directory as a file (and the export in the audit log: it is personal data). → (content, people)."""
    rows = directory_rows(session)
    record_export(session, at=now, actor_id=actor_id, what="directory", rows=len(rows),
                  format="xlsx" if xlsx else "csv", **detail)
    people = len({r["handle"] for r in rows})  # a second post is a second row of the same person
    return (directory_xlsx(rows) if xlsx else directory_csv(rows)), people


# ---------------------------------------------------------------- people and chats

def person_by_address(session: Session, channel: str, chat_id: str) -> Person | None:
    """The person bound to `chat_id` on `channel` (channels speak string ids)."""
    if channel == TELEGRAM:
        try:
            return session.scalar(select(Person).where(Person.telegram_chat_id == int(chat_id)))
        except ValueError:
            return None
    if channel == ZALO:
        return session.scalar(select(Person).where(Person.zalo_user_id == chat_id))
    return None


def require_person(session: Session, channel: str, chat_id: str) -> Person:
    person = person_by_address(session, channel, chat_id)
    if person is None:
        raise NotEnrolled(chat_id)
    return person


def _bind(person: Person, channel: str, chat_id: str | None) -> None:
    if channel == TELEGRAM:
        person.telegram_chat_id = int(chat_id) if chat_id is not None else None
    elif channel == ZALO:
        person.zalo_user_id = chat_id
    else:
        raise ValueError(f"unknown channel {channel!r}")


def mark_reachable(session: Session, person_id: int) -> None:
    session.get_one(Person, person_id).unreachable_since = None


def person_by_id(session: Session, person_id: int) -> Person:
    return session.get_one(Person, person_id)


def person_by_handle(session: Session, handle: str) -> Person:
    person = session.scalar(select(Person).where(Person.handle == handle.lstrip("@").lower()))
    if person is None:
        raise PersonNotFound(handle)
    return person


def ensure_bootstrap_admin(session: Session, *, channel: str, chat_id: str, name: str,
                           now: dt.datetime) -> Person:
    """A chat listed among the admin ids becomes an admin person the first time it speaks."""
    person = person_by_address(session, channel, chat_id)
    if person is not None:
        if person.role != Role.ADMIN:
            audit(session, at=now, actor_id=person.id, action="person.bootstrap_admin", entity="person",
                  entity_id=person.id, previous_role=person.role)
            person.role = Role.ADMIN
        return person
    person = Person(handle=f"admin{chat_id}".replace("-", "m")[:64], full_name=name or f"Quản trị {chat_id}",
                    title="Quản trị viên", role=Role.ADMIN, created_at=now, posts=[])
    _bind(person, channel, chat_id)
    session.add(person)
    session.flush()
    audit(session, at=now, actor_id=person.id, action="person.bootstrap_admin", entity="person",
          entity_id=person.id)
    return person


def create_invite(session: Session, *, handle: str, by: Person, now: dt.datetime) -> str:
    person = person_by_handle(session, handle)
    if person.role == Role.LEFT:  # an invite would bind a chat to someone who left
        raise DirectoryInvalid(f"invite for {person.handle}, who left",
                               f"Đ/c {person.full_name} ({person.handle}) đã nghỉ theo danh bạ nên không mời được. "
                               "Nếu đồng chí trở lại làm việc, đồng chí sửa vai trò của người đó trong tệp danh bạ "
                               "rồi nhập lại.")
    code = secrets.token_urlsafe(12)
    session.add(Invite(code=code, person_id=person.id, created_by_id=by.id, created_at=now,
                       expires_at=now + INVITE_TTL))
    audit(session, at=now, actor_id=by.id, action="invite.create", entity="person", entity_id=person.id)
    return code


@dataclass(frozen=True, kw_only=True)
class Displaced:
    """The directory row a chat received reminders for before it opened another person's invite."""

    full_name: str
    handle: str
    unit: str | None


def redeem_invite(session: Session, *, code: str, channel: str, chat_id: str, now: dt.datetime,
                  displaced: list[Displaced] | None = None) -> Person:
    """Bind the invited person to this chat. One chat, one person: a chat bound to someone else is unbound from
    them (told in `displaced`, so the person can be told that those reminders stop coming here)."""
    invite = session.scalar(select(Invite).where(Invite.code == code).with_for_update())  # one redemption wins
    if invite is None or invite.used_at is not None or invite.expires_at < now:
        raise InviteInvalid(code)
    person = session.get_one(Person, invite.person_id)
    previous = person_by_address(session, channel, chat_id)
    if previous is not None and previous.id != person.id:
        _bind(previous, channel, None)  # one chat, one person
        log.warning("chat %s on %s moved from %s to %s by an invite", chat_id, channel, previous.handle, person.handle)
        if displaced is not None:
            unit = session.get(Unit, previous.unit_id) if previous.unit_id is not None else None
            displaced.append(Displaced(full_name=previous.full_name, handle=previous.handle,
                                       unit=unit.name if unit is not None else None))
    session.flush()
    _bind(person, channel, chat_id)
    person.unreachable_since = None
    invite.used_at = now
    audit(session, at=now, actor_id=person.id, action="invite.redeem", entity="person", entity_id=person.id,
          channel=channel)
    return person


def bind_chat(session: Session, *, handle: str, channel: str, chat_id: str) -> None:
    """Directly bind a chat (sandbox `--enroll-all`)."""
    _bind(person_by_handle(session, handle), channel, chat_id)


def choose_channel(session: Session, person_id: int, channel: str, *, now: dt.datetime) -> Person:
    """Reminders go to `channel` from now on; the person must be bound there."""
    person = session.get_one(Person, person_id)
    if person.chat_on(channel) is None:
        raise ChannelNotBound(person.handle, channel)
    person.preferred_channel = channel
    audit(session, at=now, actor_id=person.id, action="person.channel", entity="person", entity_id=person.id,
          channel=channel)
    return person


def head_of(session: Session, unit_id: int) -> Person | None:
    """The unit's head: the person heading it as their own unit, else the one heading it as a second post."""
    return session.scalar(
        select(Person).where(Person.unit_id == unit_id, Person.role == Role.HEAD).order_by(Person.id)
    ) or session.scalar(select(Person).join(PersonPost, PersonPost.person_id == Person.id)
                        .where(PersonPost.unit_id == unit_id, Person.role != Role.LEFT))


def leaders(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.role == Role.LEADER).order_by(Person.id)))


MAX_TRAILING_WORDS = 3  # words of the sentence that may trail a unit name ("… thường xuyên", "… khẩn trương")
GENERIC_KIND_SCORE = 90.0  # a unit named by its kind alone, the only one of that kind in the directory
SHORT_NAME_SCORE = 88.0  # a unit named short, its words in order in one directory name only


def _in_order(words: list[str], within: list[str]) -> bool:
    """Every word of `words` in `within`, in the same order (others may lie between)."""
    rest = iter(within)
    return all(any(w == x for x in rest) for w in words)


def match_unit(session: Session, name: str) -> tuple[Unit | None, float]:
    """The directory unit a lead names. When the name as written matches none, words that trail it in the
    sentence are dropped one at a time ("Ban Dân vận Tỉnh ủy thường xuyên" → "Ban Dân vận Tỉnh ủy"); a
    match found that way must be exact. A post before a unit is that unit ("Trưởng thôn 2" → "Thôn 2", "công chức
    Địa chính - Xây dựng" → "Địa chính - Xây dựng")."""
    return unit_matcher(session)(name)


def unit_matcher(session: Session, units: list[Unit] | None = None) -> Callable[[str], tuple[Unit | None, float]]:
    """`match_unit` for many names: the unit table is read once, at the first name (or given, as read by the
    caller), and each distinct name matched once."""
    loaded = units is not None
    units = units if units is not None else []
    keys = [u.name_key for u in units]
    seen: dict[str, tuple[Unit | None, float]] = {}

    def match(name: str) -> tuple[Unit | None, float]:
        nonlocal loaded
        if not loaded:  # (a caller that may match no name reads nothing)
            units[:] = session.scalars(select(Unit).order_by(Unit.id))
            keys[:] = [u.name_key for u in units]
            loaded = True
        if name not in seen:
            seen[name] = _match(name)
        return seen[name]

    def _match(name: str) -> tuple[Unit | None, float]:
        found = best_unit_match(name, keys)
        if found:
            return units[found.index], found.score
        words = name.split()
        for drop in range(1, min(MAX_TRAILING_WORDS, len(words) - 2) + 1):
            shorter = best_unit_match(" ".join(words[:-drop]), keys)
            if shorter is not None and shorter.score >= INITIALS_SCORE:  # exact, or spelled by its initials
                return units[shorter.index], shorter.score
        alone = _only_of_its_kind(name)
        short = alone if alone[0] is not None else _words_in_order(name)
        if short[0] is None and (post := without_post(name)) is not None:
            return _match(post)  # "Trưởng thôn 2", "công chức Địa chính - Xây dựng": the unit of the post
        return short

    def _words_in_order(name: str) -> tuple[Unit | None, float]:
        """A name written short ("MTTQ huyện", "Mặt trận Tổ quốc huyện", "Hội Phụ nữ huyện") is the one unit
        whose name holds all its words in order ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện"), of the same kind ("Cục
        Thuế" is not "Chi cục Thuế khu vực I"); two or more: none."""
        words = unit_key(name).split()
        if len(words) < 2:
            return None, 0.0
        fits = [i for i, k in enumerate(keys) if _in_order(words, k.split()) and same_kind(" ".join(words), k)]
        return (units[fits[0]], SHORT_NAME_SCORE) if len(fits) == 1 else (None, 0.0)

    def _only_of_its_kind(name: str) -> tuple[Unit | None, float]:
        """A unit named by its kind alone ("Văn phòng", "Công an" in a notice whose body has one office, one
        police) is the directory's only unit whose name begins so; two or more: no guess."""
        key = unit_key(name)
        if len(key.split()) < 2:
            return None, 0.0
        fits = [i for i, k in enumerate(keys) if k.startswith(key + " ")]
        return (units[fits[0]], GENERIC_KIND_SCORE) if len(fits) == 1 else (None, 0.0)

    return match


def written_short_for(name: str, unit: Unit, match: Callable[[str], tuple[Unit | None, float]]) -> bool:
    """A name that is `unit` written short ("phòng Nông nghiệp" for the directory's "Phòng Nông nghiệp và PTNT"), as
    `match` (`unit_matcher`) reads it at confirmation: its words all the unit's (only then is the directory read)."""
    return set(unit_key(name).split()) <= set(unit_key(unit.name).split()) and \
        (found := match(name)[0]) is not None and found.id == unit.id


DID_YOU_MEAN_SHOWN = 3


def units_like(session: Session, name: str) -> list[str]:
    """The directory units closest to a name that matches none (a did-you-mean), best first, at most a few."""
    units = list(session.scalars(select(Unit).order_by(Unit.id)))
    return [units[i].name for i in closest_units(name, [u.name_key for u in units], limit=DID_YOU_MEAN_SHOWN)]


def did_you_mean(session: Session, name: str, form: str = "") -> str:
    """A courteous sentence naming the closest units of the directory to a name that matched none ("" when none is
    close); `form` ("chuyển mục II.3 sang {unit}"): what to type with the one unit offered."""
    close = units_like(session, name)
    if not close:
        return ""
    if len(close) == 1:
        then = f" Nếu đúng, đồng chí gõ: {form.format(unit=close[0])}." if form else ""
        return f"Có phải đồng chí muốn ghi “{close[0]}”?{then}"
    return ("Có phải đồng chí muốn ghi một trong các đơn vị: " + "; ".join(f"“{n}”" for n in close) +
            "? Đồng chí gõ lại với tên đơn vị như trong danh bạ.")


@dataclass(frozen=True, kw_only=True)
class LeaveSet:
    person: Person
    cover: Person | None
    head: Person | None  # the head of the person's unit, to be told (None when the person is the head)


def set_leave(session: Session, *, person_id: int, start: dt.date | None, end: dt.date | None,
              cover_handle: str | None, now: dt.datetime) -> LeaveSet:
    """Record (or, with no dates, end) a person's leave; `cover_handle` gets their digest meanwhile."""
    person = session.get_one(Person, person_id)
    cover = person_by_handle(session, cover_handle) if cover_handle else None
    if cover is not None and cover.id == person.id:
        raise LeaveInvalid("covering for oneself", "Đồng chí không thể tự làm người thay mình khi nghỉ phép.")
    person.leave_from, person.leave_to = start, end
    person.leave_cover_id = cover.id if cover is not None else None
    head = None
    if person.unit_id is not None and person.role != Role.HEAD:
        head = session.scalar(select(Person).where(Person.unit_id == person.unit_id, Person.role == Role.HEAD)
                              .order_by(Person.id))
    audit(session, at=now, actor_id=person.id, action="person.leave", entity="person", entity_id=person.id,
          start=start.isoformat() if start else None, end=end.isoformat() if end else None,
          cover=cover.handle if cover else None)
    return LeaveSet(person=person, cover=cover, head=head)
