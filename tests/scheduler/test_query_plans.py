"""The morning's planning and the delivery tick never walk the big tables (tasks, digests), whatever the
statistics say: every statement they send is checked with SQLite's EXPLAIN QUERY PLAN on a store where,
as after a few years, almost every task is done and almost every digest was sent, and ANALYZE has run
(statistics that make `status IN (open …)` look unselective). A scan here is a tick whose cost grows
with the stored rows (bench/bench_scale.py measures it from 10k to 1M)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert, select, text

from scheduler.clock import FakeClock
from scheduler.dispatcher import plan_digests, send_due_digests
from storage.db import Database, upgrade
from storage.models import Digest, DigestState, Notice, Person, Role, Task, TaskStatus
from tests.scheduler.test_dispatcher import RecordingSender, many_people_with_a_digest_due, policy

# a scan, a Bloom filter (built by a scan), a skip-scan over every value of an index's first column
# ("ANY(state)": all the sent history too), every task of every notice, or every task a person ever held
BIG = re.compile(r"\b(SCAN|BLOOM FILTER ON) (tasks|digests)\b"
                 r"|\bSEARCH (tasks|digests) USING (COVERING )?INDEX \w+ \(ANY\("
                 r"|\bSEARCH tasks USING (COVERING )?INDEX ix_tasks_notice_id\b"
                 r"|\bSEARCH tasks USING (COVERING )?INDEX \w+ \(assignee_id=\?\)")


def years_of_history(db: Database, start: dt.datetime, *, tasks: int, digests: int) -> None:
    """Closed tasks and sent digests of past days, bulk inserted, then ANALYZE."""
    def write(session: Any) -> None:
        template = session.get(Notice, session.scalar(select(Notice.id)))
        notices = list(session.scalars(insert(Notice).returning(Notice.id), [
            {"sha256": f"old-{k}", "source_name": "", "source_text": "", "meta": {}, "status": template.status,
             "created_at": template.created_at, "kind": template.kind} for k in range(tasks // 100)]))
        heads = list(session.scalars(select(Person.id).where(Person.role == Role.HEAD)))
        done_at = start - dt.timedelta(days=300)
        session.execute(insert(Task), [
            {"notice_id": notices[i // 100], "position": 1000 + i, "item_ref": str(i), "text": f"Việc cũ {i}",
             "lead_unit_names": [], "support_unit_names": [], "assignee_id": heads[i % len(heads)],
             "created_at": done_at, "updated_at": done_at, "escalated": [], "status": TaskStatus.DONE,
             "due_on": done_at.date(), "done_at": done_at, "percent": 100} for i in range(tasks)])
        session.execute(insert(Digest), [
            {"person_id": heads[i % len(heads)], "day": (start - dt.timedelta(days=1 + i // len(heads))).date(),
             "due_at": start - dt.timedelta(days=1 + i // len(heads)), "items": [], "state": DigestState.SENT,
             "attempts": 1, "claim_token": 1, "sent_at": start, "channel": "telegram", "chat_id": "1",
             "message_id": str(i)} for i in range(digests)])
    db.call(write)
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


class Plans:
    """Every statement the engine runs while active, with SQLite's plan of it."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[tuple[str, Any]] = []

    def capture(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
                executemany: bool) -> None:
        if not statement.lstrip().upper().startswith(("INSERT", "EXPLAIN", "PRAGMA")):
            self.statements.append((statement, parameters[0] if executemany else parameters))

    def __enter__(self) -> Plans:
        event.listen(self.db.engine, "before_cursor_execute", self.capture)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self.capture)

    def scans(self) -> list[str]:
        found = []
        with self.db.engine.connect() as conn:
            for statement, parameters in self.statements:
                steps = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)]
                if any(BIG.search(step) for step in steps):
                    found.append(f"{statement[:200]} → {steps}")
            conn.rollback()
        return found


def analyze_as_in_the_evening(db: Database) -> None:
    """ANALYZE taken while every digest was sent (an evening's statistics: `state` has one value, so a
    skip-scan over it looks cheap), then this morning's digests back to pending."""
    with db.engine.begin() as conn:
        pending = [r[0] for r in conn.execute(select(Digest.id).where(Digest.state == DigestState.PENDING))]
        conn.execute(text("UPDATE digests SET state = 'sent' WHERE state = 'pending'"))
        conn.execute(text("ANALYZE"))
        conn.execute(Digest.__table__.update().where(Digest.id.in_(pending)).values(state=DigestState.PENDING))


@pytest.mark.parametrize("statistics", ["morning", "evening"])
async def test_planning_and_the_tick_look_up_the_big_tables_by_index_only(tmp_path: Path, statistics: str) -> None:
    url = f"sqlite:///{tmp_path / 'plans.db'}"
    upgrade(url)
    db = Database(url)
    start = many_people_with_a_digest_due(db, 20)  # planned for 27/02; delivered by the tick below
    years_of_history(db, start, tasks=20_000, digests=3000)
    if statistics == "evening":
        analyze_as_in_the_evening(db)
    sender = RecordingSender()
    with Plans(db) as tick:
        result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert len(result.sent) == 20
    next_morning = start + dt.timedelta(days=3)  # the deadline: a line for every task
    with Plans(db) as planning:
        assert db.call(plan_digests, policy=policy, today=next_morning.date(), now=next_morning) == 20
    assert len(tick.statements) >= 5 and len(planning.statements) >= 5  # the capture saw them
    assert tick.scans() == []
    assert planning.scans() == []
    db.dispose()


def test_the_ticks_look_for_queued_directory_news_uses_the_action_index(tmp_path: Path) -> None:
    """Every tick asks whether a command-line import queued news: by action and time, never every audit row of
    the last two weeks (status changes, hand-overs, … all live in the audit log)."""
    from storage.directory import claim_news
    from storage.models import AuditLog

    url = f"sqlite:///{tmp_path / 'audit.db'}"
    upgrade(url)
    db = Database(url)
    now = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    with db.engine.begin() as conn:
        actions = ("task.status", "task.created", "task.handover", "task.direction", "notice.confirmed")
        conn.execute(insert(AuditLog), [{"at": now - dt.timedelta(minutes=i), "action": actions[i % len(actions)],
                                         "entity": "task", "entity_id": i, "detail": {}} for i in range(5000)])
        conn.execute(text("ANALYZE"))
    with Plans(db) as plans:
        assert db.call(claim_news, now=now) == []
    with db.engine.connect() as conn:
        steps = [" ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + s, p))
                 for s, p in plans.statements]
    assert steps and all("ix_audit_log_action_at" in step for step in steps), steps
    db.dispose()


def test_the_weekly_days_planning_finds_the_tasks_nobody_holds_by_index(tmp_path: Path) -> None:
    """On the weekly day the admins' digest lists the open tasks nobody holds (`storage.notices.unheld_tasks`): found
    by assignee and status, never by reading every task of every notice (an OR over a join to people did that: 34 ms
    of the Monday planning at 100k stored)."""
    from storage.directory import person_by_handle
    from storage.notices import confirm_notice, create_draft
    from storage.parsed import ParsedNotice, ParsedTask

    url = f"sqlite:///{tmp_path / 'weekly.db'}"
    upgrade(url)
    db = Database(url)
    start = many_people_with_a_digest_due(db, 20)
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(tasks=(ParsedTask(ref="9", text="Nhiệm vụ không ai nhận",
                                                                 lead=("Sở Văn hóa, Thể thao và Du lịch",),
                                                                 due=dt.date(2018, 4, 30)),)),
                    source_text="nobody holds it", source_name="", by=admin, now=start)
    db.call(confirm_notice, draft.notice_id, by=admin, now=start)
    years_of_history(db, start, tasks=20_000, digests=3000)
    monday = start + dt.timedelta(days=6)  # 05/03/2018, the weekly day
    assert policy.is_weekly_day(monday.date())
    with Plans(db) as planning:
        db.call(plan_digests, policy=policy, today=monday.date(), now=monday)
    assert planning.scans() == []
    office = db.call(lambda s: [item for items in s.scalars(select(Digest.items).where(
        Digest.person_id == admin.id, Digest.day == monday.date())) for item in items if item.get("kind") == "office"])
    assert [(o["what"], o["ref"], o["unit"]) for o in office] == [("nobody", "9", "Sở Văn hóa, Thể thao và Du lịch")]
    db.dispose()
