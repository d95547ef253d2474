"""A report of any kind sent while an extension request waits (progress, not started, blocked, paused) leaves the
request waiting everywhere: the task stays "extension requested" (/tonghop, /donvi, the escalation count it by that),
the confirmation says it still waits, a blocked note still reaches the weekly digest's difficulties, and a refusal
goes back to what the report said. A report for a past period counts a request open at the period's end. Databases
stored before the fix are set right by migration 0020. Through the sandbox, on SQLite (one case on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from bot.sandbox.harness import Harness
from storage.db import current_revision, head_revision, upgrade
from storage.models import Person, Task, TaskStatus
from storage.reports import ReportFilter, unit_summary, weekly_digest
from storage.tasks import StatusUpdate, record_status
from tests.bot.conversation_setup import last_text, started
from tests.conftest import local

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
WAITING = "  Trong đó đang chờ ý kiến gia hạn: 1 — mục 4"


def four(h: Harness) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "4")).one())


async def tonghop(h: Harness) -> str:
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    return h.sent[start].text or ""


def paused(h: Harness) -> None:
    """A pause (a status no typed report gives today, but one a task may have): recorded as the bot records one."""
    assert h.db is not None

    def record(s):  # type: ignore[no-untyped-def]
        head = s.scalars(select(Person).where(Person.handle == "head_stnmt")).one()
        task = s.scalars(select(Task).where(Task.item_ref == "4")).one()
        record_status(s, task_id=task.id, actor=head, change=StatusUpdate(status=TaskStatus.PAUSED, note="tạm dừng"),
                      source="text", now=h.clock.now(), today=h.clock.now().date())
    h.db.call(record)


@pytest.mark.parametrize(("db_url", "report", "said"), [
    pytest.param("sqlite", "4 vướng kinh phí, đề nghị tỉnh hỗ trợ", TaskStatus.BLOCKED, id="blocked"),
    pytest.param("postgresql", "4 vướng kinh phí, đề nghị tỉnh hỗ trợ", TaskStatus.BLOCKED, id="blocked-pg"),
    pytest.param("sqlite", "4 tạm dừng do chờ ý kiến của Bộ", TaskStatus.BLOCKED, id="held-up"),
    pytest.param("sqlite", "4 chưa triển khai", TaskStatus.OPEN, id="not-started"),
    pytest.param("sqlite", "4 đạt 70%, đang hoàn thiện báo cáo", TaskStatus.IN_PROGRESS, id="in-progress"),
    pytest.param("sqlite", None, TaskStatus.PAUSED, id="paused"),
], indirect=["db_url"])
async def test_any_report_while_a_request_waits_leaves_it_waiting(db_url: str, report: str | None,
                                                                    said: TaskStatus) -> None:
    h = await started(db_url)
    try:
        await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
        if report is None:
            paused(h)
        else:
            await h.say("head_stnmt", report)
            answer = last_text(h, "head_stnmt")
            assert "Đề nghị gia hạn đến 30/03/2018 vẫn đang chờ ý kiến." in answer, answer
        assert four(h).status == TaskStatus.EXTENSION_REQUESTED
        assert WAITING in await tonghop(h)
        start = len(h.sent)
        await h.say("head_stnmt", "/donvi")
        assert WAITING.strip() in (h.sent[start].text or "")
        assert h.db is not None
        week = h.db.call(lambda s: weekly_digest(s, today=dt.date(2018, 3, 2), tz=TZ))
        assert [(p.item_ref, p.requested_due) for p in week.pending] == [("4", dt.date(2018, 3, 30))]
        blocked = [(b.item_ref, b.note) for b in week.blocked]  # a difficulty said since the request: still listed
        assert blocked == ([("4", report.removeprefix("4 "))] if said == TaskStatus.BLOCKED else []), blocked
        await h.say("head_stnmt", "4 đã làm việc với Sở Tài chính")  # a note alone: what was reported stands
        week = h.db.call(lambda s: weekly_digest(s, today=dt.date(2018, 3, 2), tz=TZ))
        assert [b.item_ref for b in week.blocked] == (["4"] if said == TaskStatus.BLOCKED else [])
        assert four(h).status == TaskStatus.EXTENSION_REQUESTED
        await h.say("admin", "không đồng ý gia hạn 4")
        assert four(h).status == said  # refused: back to what the report said
        assert "chờ ý kiến gia hạn" not in await tonghop(h)
    finally:
        await h.stop()


@pytest.mark.parametrize(("db_url", "decided", "counted"), [
    pytest.param("sqlite", None, 1, id="still-waiting"),
    pytest.param("sqlite", local(2018, 4, 3, 9, 0), 1, id="decided-after-the-period"),
    pytest.param("sqlite", local(2018, 3, 12, 9, 0), 0, id="decided-within-the-period"),
], indirect=["db_url"])
async def test_a_past_periods_report_counts_a_request_open_at_its_end(db_url: str, decided: dt.datetime | None,
                                                                     counted: int) -> None:
    h = await started(db_url)
    try:
        await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
        await h.say("head_stnmt", "4 vướng kinh phí, đề nghị tỉnh hỗ trợ")
        await h.say("head_stnmt", "4 đã làm việc với Sở Tài chính")  # a note alone: the request still the latest
        if decided is not None:
            await h.advance_to(decided)
            await h.say("admin", "không đồng ý gia hạn 4")
        march = ReportFilter(date_from=dt.date(2018, 3, 1), date_to=dt.date(2018, 3, 31), period="tháng 3/2018")
        assert h.db is not None
        rows = h.db.call(lambda s: unit_summary(s, today=dt.date(2018, 4, 10), tz=TZ, filt=march))
        assert sum(r.extension_pending for r in rows) == counted, rows
    finally:
        await h.stop()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_migration_0020_sets_a_task_whose_request_waits_back_to_waiting(db_url: str) -> None:
    """A database from before the fix: a report after the request had set the task's status to what it said."""
    h = await started(db_url)
    try:
        await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
        await h.say("head_stnmt", "4 vướng kinh phí, đề nghị tỉnh hỗ trợ")
        await h.say("head_stnmt", "5 xin gia hạn đến 30/3")
        await h.say("admin", "không đồng ý gia hạn 5")  # decided: not waiting, left as it is
        assert h.db is not None
        with h.db.engine.begin() as conn:
            conn.execute(text("UPDATE tasks SET status = 'blocked' WHERE item_ref = '4'"))
            conn.execute(text("UPDATE alembic_version SET version_num = '0019'"))
        before = {t.item_ref: t.status for t in h.db.call(lambda s: list(s.scalars(select(Task))))}
    finally:
        await h.stop()
    assert upgrade(db_url)
    assert current_revision(db_url) == head_revision() and (head_revision() or "") >= "0020"
    from storage.db import Database
    db = Database(db_url)
    try:
        after = {t.item_ref: t.status for t in db.call(lambda s: list(s.scalars(select(Task))))}
    finally:
        db.dispose()
    assert after == {**before, "4": TaskStatus.EXTENSION_REQUESTED}, (before, after)
