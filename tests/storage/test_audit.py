"""The audit log records who did what and cannot be changed through the application."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from storage.audit import audit_entries, record_export
from storage.db import Database
from storage.directory import ensure_bootstrap_admin, import_directory, parse_directory_csv, person_by_handle
from storage.errors import AuditAppendOnly
from storage.models import AuditLog
from tests.conftest import DIRECTORY_CSV, local

AT = local(2026, 3, 2, 9, 0)


def test_actors_of_import_promotion_and_export_are_recorded(migrated_db: Database) -> None:
    db = migrated_db
    rows = parse_directory_csv(DIRECTORY_CSV.read_bytes())
    db.call(import_directory, rows, now=AT, via="cli", os_user="vanthu")
    admin = db.call(person_by_handle, "admin")
    db.call(import_directory, rows, now=local(2026, 3, 3, 9, 0), actor_id=admin.id)
    db.call(lambda s: setattr(person_by_handle(s, "head_bdv"), "telegram_chat_id", 555))
    db.call(ensure_bootstrap_admin, channel="telegram", chat_id="555", name="Trưởng ban", now=local(2026, 3, 4, 9, 0))
    db.call(record_export, at=local(2026, 3, 5, 9, 0), actor_id=admin.id, what="tasks.xlsx", rows=13)

    entries = db.call(audit_entries)
    assert [(e.action, e.actor) for e in entries] == [
        ("directory.import", None), ("directory.import", "admin"), ("person.bootstrap_admin", "head_bdv"),
        ("export", "admin")]
    assert entries[0].detail["via"] == "cli" and entries[0].detail["os_user"] == "vanthu"
    assert entries[2].detail["previous_role"] == "head"
    assert entries[3].entity == "tasks.xlsx" and entries[3].detail == {"rows": 13}
    since = db.call(audit_entries, since=local(2026, 3, 4, 0, 0))
    assert [e.action for e in since] == ["person.bootstrap_admin", "export"]


def test_the_audit_log_is_append_only(migrated_db: Database) -> None:
    db = migrated_db
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=AT)

    def edit(session) -> None:  # type: ignore[no-untyped-def]
        session.scalars(select(AuditLog)).one().action = "nothing.happened"

    def remove(session) -> None:  # type: ignore[no-untyped-def]
        session.delete(session.scalars(select(AuditLog)).one())

    def bulk_update(session) -> None:  # type: ignore[no-untyped-def]
        session.execute(update(AuditLog).values(action="x"))

    def bulk_delete(session) -> None:  # type: ignore[no-untyped-def]
        session.execute(delete(AuditLog))

    for attempt in (edit, remove, bulk_update, bulk_delete):
        with pytest.raises(AuditAppendOnly) as err:
            db.call(attempt)
        assert err.value.user_message == "Nhật ký thao tác chỉ được ghi thêm, không được sửa hoặc xóa."
    assert [e.action for e in db.call(audit_entries)] == ["directory.import"]
    import storage.audit as module
    assert not [name for name in dir(module) if name.startswith(("update", "delete", "remove"))]
