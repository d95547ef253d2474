"""What a directory file changed of people already stored: storage returns it as data (field, before, after), the
bot says it in the admin's words — the same words as before the wording left storage."""

from __future__ import annotations

import datetime as dt

from bot.conversation.directory import change_lines
from storage.db import Database
from storage.directory import FieldChange, import_directory, parse_directory
from storage.models import Role
from tests.conftest import DIRECTORY_CSV, local

NOW = local(2026, 4, 1, 9, 0)
HEADER = "handle,full_name,title,unit,role,telegram\n"


def _import(db: Database, body: str, now: dt.datetime = NOW):  # type: ignore[no-untyped-def]
    return db.call(import_directory, parse_directory((HEADER + body).encode()), now=now)


def test_a_file_that_changes_people_gives_the_changes_as_data_and_the_bot_words_them(migrated_db: Database) -> None:
    """Every kind of change — name, title, role, unit, username, a post taken on and one given up — comes back as
    a FieldChange without words (a role as its Role value); the summary words each as the admin read it."""
    _import(migrated_db, "cv_a,Nguyễn Văn A,Chuyên viên,Ban Dân vận,cadre,nguyenva\n"
                         "tb_b,Trần Thị B,Trưởng ban,Ban Tuyên giáo,head,\n"
                         "tb_b,Trần Thị B,Trưởng ban,Ban Kinh tế,head,\n")
    result = _import(migrated_db, "cv_a,Nguyễn Văn An,,Ban Tuyên giáo,head,\n"
                                  "tb_b,Trần Thị B,Trưởng ban,Ban Dân vận,head,\n"
                                  "tb_b,Trần Thị B,Trưởng ban,Ban Tổ chức,head,\n", now=NOW + dt.timedelta(days=1))
    changes = {c.handle: c.fields for c in result.changes}
    assert changes["cv_a"] == (
        FieldChange(field="full_name", before="Nguyễn Văn A", after="Nguyễn Văn An"),
        FieldChange(field="title", before="Chuyên viên", after=None),
        FieldChange(field="role", before=Role.CADRE.value, after=Role.HEAD.value),
        FieldChange(field="unit", before="Ban Dân vận", after="Ban Tuyên giáo"),
        FieldChange(field="telegram", before="nguyenva", after=None))
    assert changes["tb_b"] == (
        FieldChange(field="unit", before="Ban Tuyên giáo", after="Ban Dân vận"),
        FieldChange(field="post_added", after="Ban Tổ chức"),
        FieldChange(field="post_removed", after="Ban Kinh tế"))
    assert change_lines(result) == [
        "Thay đổi:",
        "  • đ/c Nguyễn Văn An (mã cv_a): họ tên “Nguyễn Văn A” → “Nguyễn Văn An”; chức vụ “Chuyên viên” → “—”; vai "
        "trò “chuyên viên” → “trưởng đơn vị”; đơn vị “Ban Dân vận” → “Ban Tuyên giáo”; Telegram “nguyenva” → “—”",
        "  • đ/c Trần Thị B (mã tb_b): đơn vị “Ban Tuyên giáo” → “Ban Dân vận”; kiêm nhiệm trưởng Ban Tổ chức; thôi "
        "kiêm nhiệm trưởng Ban Kinh tế"]


def test_the_example_directory_imported_twice_changes_nobody(migrated_db: Database) -> None:
    rows = parse_directory(DIRECTORY_CSV.read_bytes())
    migrated_db.call(import_directory, rows, now=NOW)
    again = migrated_db.call(import_directory, rows, now=NOW)
    assert again.changes == () and change_lines(again) == []
