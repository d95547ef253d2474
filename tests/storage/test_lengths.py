"""Values longer than their column are refused before anything is written, with the same
Vietnamese message on SQLite (which would store them) and PostgreSQL (which would fail)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.db import Database
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.errors import ValueTooLong
from storage.models import AuditLog, Notice, Person
from storage.notices import create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import DIRECTORY_CSV, local

AT = local(2026, 3, 2, 9, 0)


def test_a_153_character_notice_number_is_refused_and_nothing_is_stored(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=AT)
    admin = db.call(person_by_handle, "admin")
    parsed = ParsedNotice(number="1" * 153, tasks=(ParsedTask(ref="1", text="Làm báo cáo"),))
    with pytest.raises(ValueTooLong) as err:
        db.call(create_draft, parsed, source_text="t", source_name="a.txt", by=admin, now=AT)
    assert err.value.user_message == ("Số hiệu văn bản dài 153 ký tự, vượt quá giới hạn 100 ký tự nên chưa được "
                                      "lưu. Đồng chí vui lòng rút gọn rồi gửi lại.")
    assert db.call(lambda s: s.scalar(select(func.count()).select_from(Notice))) == 0
    audits = db.call(lambda s: s.scalar(select(func.count()).select_from(AuditLog)))
    assert audits == 1  # the directory import only
    # a number that fits is stored
    ok = ParsedNotice(number="1" * 100, tasks=(ParsedTask(ref="1", text="Làm báo cáo"),))
    db.call(create_draft, ok, source_text="t", source_name="a.txt", by=admin, now=AT)
    assert db.call(lambda s: s.scalar(select(Notice.number))) == "1" * 100


def test_an_overlong_name_is_refused_on_insert_and_on_update(migrated_db: Database) -> None:
    db = migrated_db
    csv = f"handle,full_name,title,unit,role\nx1,{'Nguyễn Văn A' * 22},,Văn phòng,cadre\n"
    rows = parse_directory_csv(csv)
    assert len(rows[0]["full_name"]) == 264
    with pytest.raises(ValueTooLong) as err:
        db.call(import_directory, rows, now=AT)
    assert err.value.user_message.startswith("Họ tên dài 264 ký tự, vượt quá giới hạn 200 ký tự")
    assert db.call(lambda s: s.scalar(select(func.count()).select_from(Person))) == 0

    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=AT)

    def rename(session, name: str) -> None:  # type: ignore[no-untyped-def]
        person_by_handle(session, "admin").title = name

    with pytest.raises(ValueTooLong, match="title: 261 characters"):
        db.call(rename, "x" * 261)
    assert db.call(lambda s: person_by_handle(s, "admin").title) != "x" * 261
