"""A check-in gathered ahead (scheduler/policy.py, `checkin_gather_working_days`; session 32, probe 47): a head with a
dated task and a duty without a deadline was written to on two mornings in a row — the deadline's reminder, then the
duty's "cập nhật định kỳ" the next morning. Now a digest that goes out anyway asks for the duty's update when its
check-in falls within the next two working days, and the check-in day sends nothing more. Run on SQLite and on
PostgreSQL through the real planner and sender."""

from __future__ import annotations

import datetime as dt

import pytest

from scheduler.clock import FakeClock
from scheduler.dispatcher import DigestView, send_due_digests
from scheduler.policy import DigestCategory, ReminderPolicy, TaskState
from storage.db import Database
from tests.conftest import local
from tests.scheduler.test_dispatcher import HEAD_BDV, RecordingSender, register, task

# registered Monday 26/02/2018: task 5 (no deadline) has its check-in on Monday 12/03, ten working days on; task 1 is
# due Tuesday 13/03, announced ahead on Thursday 08/03 (three working days before)
TASKS = [task("1", dt.date(2018, 3, 13)), task("5", None)]


async def days_and_lines(db: Database, policy: ReminderPolicy) -> list[tuple[dt.date, list[tuple[str, str]]]]:
    register(db, TASKS, at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    day = dt.date(2018, 2, 27)
    while day <= dt.date(2018, 3, 13):  # (task 1 is not reported: overdue from 14/03)
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(policy.calendar.at(day, policy.remind_at)),
                               policy=policy)
        day += dt.timedelta(days=1)
    views: list[DigestView] = sender.to(HEAD_BDV)
    return [(v.day, [(line.item_ref, str(line.category)) for line in v.lines]) for v in views]


async def test_the_check_in_rides_with_the_digest_two_working_days_before(migrated_db: Database) -> None:
    got = await days_and_lines(migrated_db, ReminderPolicy())
    assert got == [(dt.date(2018, 3, 8), [("1", "due_soon"), ("5", "checkin")]),
                   (dt.date(2018, 3, 13), [("1", "due_today")])], got


async def test_off_the_check_in_keeps_its_own_morning(migrated_db: Database) -> None:
    got = await days_and_lines(migrated_db, ReminderPolicy(checkin_gather_working_days=0))
    assert got == [(dt.date(2018, 3, 8), [("1", "due_soon")]), (dt.date(2018, 3, 12), [("5", "checkin")]),
                   (dt.date(2018, 3, 13), [("1", "due_today")])], got


def test_which_check_ins_a_digest_gathers() -> None:
    policy = ReminderPolicy()
    duty = TaskState(task_id=5, assigned_on=dt.date(2018, 2, 26), due_on=None)
    item = policy.ahead_item(duty, dt.date(2018, 3, 8))  # check-in Monday 12/03: two working days on
    assert item is not None and item.category == DigestCategory.CHECKIN
    assert policy.ahead_item(duty, dt.date(2018, 3, 7)) is None  # three working days on: too far
    assert policy.ahead_item(duty, dt.date(2018, 3, 12)) is None  # the day itself has its own line
    reported = TaskState(task_id=5, assigned_on=dt.date(2018, 2, 26), due_on=None,
                         last_update_on=dt.date(2018, 3, 7))
    assert policy.ahead_item(reported, dt.date(2018, 3, 8)) is None  # reported lately: no round to gather
    snoozed = TaskState(task_id=5, assigned_on=dt.date(2018, 2, 26), due_on=None, snoozed_until=dt.date(2018, 3, 9))
    assert policy.ahead_item(snoozed, dt.date(2018, 3, 8)) is None
    with pytest.raises(ValueError):
        ReminderPolicy(checkin_gather_working_days=10)
