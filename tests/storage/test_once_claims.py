"""A claim written once: the weekly summary of a week and the one reminder an extension request waits are claimed by
an audit row that a unique index keeps single, so two workers that both looked and saw no claim cannot both send.
Real SQLite (WAL) and PostgreSQL, two connections, the second one's claim made while the first is not yet
committed."""

from __future__ import annotations

import threading

from sqlalchemy import func, select, text

from storage.db import Database, upgrade
from storage.digests import claim_weekly
from storage.models import AuditLog
from storage.tasks import EXTENSION_REMINDED, claim_extension_reminder
from tests.conftest import local

NOW = local(2026, 12, 4, 15, 0)


def _race(db: Database, claim) -> list[bool]:  # type: ignore[no-untyped-def]
    """The first worker claims and holds its transaction open; the second claims meanwhile (its look sees nothing
    committed); then the first commits. Each one's answer, first then second."""
    answers: list[bool] = []
    first_wrote = threading.Event()
    release = threading.Event()
    second: list[bool] = []

    def first() -> None:
        with db.transaction() as session:
            answers.append(claim(session))
            session.flush()
            first_wrote.set()
            release.wait(10)

    def other() -> None:
        with db.transaction() as session:
            # something else the second worker writes in the same transaction: a lost claim must not undo it
            session.add(AuditLog(at=NOW, actor_id=None, action="export", entity="x", entity_id=None, detail={}))
            second.append(claim(session))

    a = threading.Thread(target=first)
    a.start()
    assert first_wrote.wait(10)
    b = threading.Thread(target=other)
    b.start()
    b.join(0.5)  # the second blocks on the first's uncommitted row (or has looked and is waiting to write)
    release.set()
    a.join(10)
    b.join(20)
    assert not a.is_alive() and not b.is_alive()
    return answers + second


def _claims(db: Database, action: str) -> int:
    return db.call(lambda s: s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == action)))


def test_two_workers_claim_a_weeks_summary_once(migrated_db: Database) -> None:
    assert _race(migrated_db, lambda s: claim_weekly(s, key="2026-W49", now=NOW)) == [True, False]
    assert _claims(migrated_db, "weekly.sent") == 1
    assert _claims(migrated_db, "export") == 1  # the loser's other writes were kept (its savepoint rolled back)
    assert migrated_db.call(claim_weekly, key="2026-W50", now=NOW)  # the next week is its own claim


def test_two_workers_claim_an_extension_requests_reminder_once(migrated_db: Database) -> None:
    assert _race(migrated_db, lambda s: claim_extension_reminder(s, 7, now=NOW)) == [True, False]
    assert _claims(migrated_db, EXTENSION_REMINDED) == 1
    assert migrated_db.call(claim_extension_reminder, 8, now=NOW)


def test_the_migration_keeps_the_first_of_claims_written_twice(db_url: str) -> None:
    """A database where the old check-then-write raced: upgrading keeps one claim of each and adds the index."""
    upgrade(db_url, revision="0017")
    db = Database(db_url)
    try:
        with db.engine.begin() as conn:
            for entity_id in (7, 7, 8):
                conn.execute(text("INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) VALUES "
                                  "(:at, NULL, :action, 'status_report', :id, '{}')"),
                             {"at": NOW, "action": EXTENSION_REMINDED, "id": entity_id})
            for _ in range(2):  # a week's summary was claimed with no entity id, here twice
                conn.execute(text("INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) VALUES "
                                  "(:at, NULL, 'weekly.sent', '2026-W48', NULL, '{}')"), {"at": NOW})
        upgrade(db_url)
        assert _claims(db, EXTENSION_REMINDED) == 2
        assert not db.call(claim_extension_reminder, 7, now=NOW)
        assert _claims(db, "weekly.sent") == 1
        assert not db.call(claim_weekly, key="2026-W48", now=NOW)  # claimed before the upgrade: still claimed
    finally:
        db.dispose()
