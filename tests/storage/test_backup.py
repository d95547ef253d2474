"""Backups taken while the bot writes restore to the same tasks and status reports,
on SQLite and on PostgreSQL; a restore never silently overwrites data."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from storage.backup import backup, restore
from storage.db import Database, current_revision, head_revision, upgrade
from storage.directory import import_directory, parse_directory_csv, person_by_handle
from storage.errors import BackupFailed, DatabaseNotEmpty
from storage.models import AuditLog, StatusReport, Task, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.tasks import StatusUpdate, record_status
from tests.conftest import DIRECTORY_CSV, local
from tests.pg import PgServer


def _fill(db: Database) -> None:
    at = local(2026, 3, 2, 9, 0)
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    admin = db.call(person_by_handle, "admin")
    head = db.call(person_by_handle, "head_bdv")
    lead = ("Ban Dân vận Tỉnh ủy",)
    parsed = ParsedNotice(number="15-TB/TU", tasks=(
        ParsedTask(ref="1", text="Rà soát quy chế dân chủ ở cơ sở", lead=lead, due=dt.date(2026, 3, 20)),
        ParsedTask(ref="2", text="Báo cáo kết quả", lead=lead, due=dt.date(2026, 4, 5)),
    ))
    draft = db.call(create_draft, parsed, source_text="Thông báo", source_name="tb.txt", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at)
    when = local(2026, 3, 10, 10, 0)
    db.call(record_status, task_id=1, actor=head, change=StatusUpdate(status=TaskStatus.DONE), source="text",
            now=when, today=when.date())
    db.call(record_status, task_id=2, actor=head, change=StatusUpdate(status=TaskStatus.IN_PROGRESS, percent=60,
                                                                      note="vướng kinh phí"),
            source="reply", now=when, today=when.date())


def _snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    db = Database(url)
    try:
        out = {}
        for model in (Task, StatusReport, AuditLog):
            columns = list(model.__table__.columns)  # type: ignore[attr-defined]
            out[model.__tablename__] = db.call(
                lambda s, m=model, c=columns: [tuple(r) for r in s.execute(select(*c).order_by(m.id))])
        return out
    finally:
        db.dispose()


@pytest.fixture
def second_url(db_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path}/restored.db"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.create_database(db_url.rsplit("/", 1)[1] + "_restored")


def test_backup_and_restore_give_back_the_same_tasks_and_reports(migrated_db: Database, db_url: str,
                                                                 second_url: str, tmp_path: Path) -> None:
    _fill(migrated_db)
    before = _snapshot(db_url)
    assert len(before["tasks"]) == 2 and len(before["status_reports"]) == 2
    file = tmp_path / "nhacviec.backup"
    result = backup(db_url, file)
    assert result.path == file and result.size > 0 and not file.with_name(file.name + ".part").exists()

    upgrade(second_url)  # the new server's bot already started once: migrated, empty
    restored = restore(second_url, file)
    assert (restored.tasks, restored.people) == (2, 5)
    assert _snapshot(second_url) == before
    assert current_revision(second_url) == head_revision()

    # the restored database now holds data: a second restore must be forced
    with pytest.raises(DatabaseNotEmpty) as err:
        restore(second_url, file)
    assert "--force" in err.value.user_message
    assert restore(second_url, file, force=True).tasks == 2
    assert _snapshot(second_url) == before


def test_restore_refuses_a_file_that_is_not_a_backup_or_of_the_other_kind(db_url: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"hello")
    with pytest.raises(BackupFailed) as err:
        restore(db_url, junk)
    assert "không phải bản sao lưu của Nhắc việc" in err.value.user_message
    other = tmp_path / "other.backup"
    other.write_bytes(b"PGDMP" if db_url.startswith("sqlite") else b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(BackupFailed) as err:
        restore(db_url, other)
    assert "chỉ khôi phục được vào cùng loại cơ sở dữ liệu" in err.value.user_message


def test_sqlite_backup_while_a_writer_holds_a_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/live.db"
    upgrade(url)
    db = Database(url)
    _fill(db)
    db.dispose()
    writer = sqlite3.connect(tmp_path / "live.db")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE tasks SET text = 'not yet committed' WHERE id = 1")
    try:
        backup(url, tmp_path / "live.backup")  # does not wait for the writer, does not see its change
    finally:
        writer.rollback()
        writer.close()
    copy = sqlite3.connect(tmp_path / "live.backup")
    assert copy.execute("SELECT text FROM tasks WHERE id = 1").fetchone()[0] == "Rà soát quy chế dân chủ ở cơ sở"
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy.close()
