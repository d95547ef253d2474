"""A deadline announced once ahead (scheduler/policy.py, `gather_ahead_working_days`; session 22): a head holding
several dated tasks got small digests on most working days of a month — three lines per deadline (3 and 1 working
days before, the day), the ladders interleaving. Now a deadline is announced once ahead — in its first
before-deadline digest, or earlier in a digest sent anyway in the working week before it — and on the day; nothing
else changes (overdue lines, escalations). Run on SQLite and on PostgreSQL through the real planner and sender."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from scheduler.clock import FakeClock
from scheduler.dispatcher import DigestView, send_due_digests
from scheduler.policy import ReminderPolicy
from storage.db import Database
from storage.directory import person_by_handle
from storage.models import Task, TaskStatus
from storage.tasks import StatusUpdate, record_status
from tests.conftest import local
from tests.scheduler.test_dispatcher import HEAD_BDV, RecordingSender, register, task

# four deadlines of one head in a month, two of them three working days apart, and a duty with no deadline
TASKS = [task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 7)), task("3", dt.date(2018, 3, 16)),
         task("4", dt.date(2018, 3, 21)), task("5", None)]
START, END = dt.date(2018, 2, 27), dt.date(2018, 3, 23)


async def month(db: Database, policy: ReminderPolicy) -> list[DigestView]:
    """The head's digests from START to END; he reports each task done on its deadline day, after the digest."""
    register(db, TASKS, at=local(2018, 2, 26, 9, 0))
    head = db.call(person_by_handle, "head_bdv")
    due = {t.due: t.ref for t in TASKS if t.due is not None}
    sender = RecordingSender()
    day = START
    while day <= END:
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(policy.calendar.at(day, policy.remind_at)),
                               policy=policy)
        if day in due:
            task_id = db.call(lambda s, ref=due[day]: s.scalars(select(Task.id).where(Task.item_ref == ref)).one())
            db.call(record_status, task_id=task_id, actor=head, change=StatusUpdate(status=TaskStatus.DONE),
                    source="text", now=local(day.year, day.month, day.day, 10, 0), today=day)
        day += dt.timedelta(days=1)
    return sender.to(HEAD_BDV)


def said(views: list[DigestView]) -> dict[str, list[tuple[dt.date, str]]]:
    """Each task's lines to the head: (day, category)."""
    out: dict[str, list[tuple[dt.date, str]]] = {}
    for view in views:
        for line in view.lines:
            out.setdefault(line.item_ref, []).append((view.day, line.category))
    return out


async def test_each_deadline_is_announced_once_ahead_and_on_the_day(migrated_db: Database) -> None:
    views = await month(migrated_db, ReminderPolicy())
    lines = said(views)
    for ref, due in (("1", dt.date(2018, 3, 2)), ("2", dt.date(2018, 3, 7)), ("3", dt.date(2018, 3, 16)),
                     ("4", dt.date(2018, 3, 21))):
        ahead = [day for day, category in lines[ref] if category == "due_soon"]
        assert len(ahead) == 1 and ahead[0] < due, (ref, lines[ref])  # once, before it
        assert (due, "due_today") in lines[ref], (ref, lines[ref])  # and on the day, always
    # 3 (16/03) is announced in the check-in digest of 12/03, four working days ahead: no morning of its own
    assert lines["3"][0] == (dt.date(2018, 3, 12), "due_soon"), lines["3"]
    # the whole ladder wrote on 11 mornings (27/02, 01, 02, 05, 07, 12, 13, 15, 16, 20, 21/03): now on 6
    assert [v.day for v in views] == [dt.date(2018, 2, 27), dt.date(2018, 3, 2), dt.date(2018, 3, 7),
                                      dt.date(2018, 3, 12), dt.date(2018, 3, 16), dt.date(2018, 3, 21)], \
        [v.day for v in views]


async def test_off_it_is_the_whole_ladder(migrated_db: Database) -> None:
    views = await month(migrated_db, ReminderPolicy(gather_ahead_working_days=0))
    assert len(views) == 11 and [d for d, c in said(views)["1"]] == [dt.date(2018, 2, 27), dt.date(2018, 3, 1),
                                                                     dt.date(2018, 3, 2)], [v.day for v in views]
