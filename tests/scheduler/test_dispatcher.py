"""The dispatcher contract, run on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from scheduler.clock import FakeClock
from scheduler.dispatcher import (
    RateLimited,
    ReminderView,
    TransientSendError,
    Unreachable,
    claim_due,
    send_due_reminders,
)
from scheduler.policy import ReminderPolicy
from storage.db import Database
from storage.directory import bind_chat, import_directory, parse_directory_csv, person_by_handle
from storage.models import Person, Reminder, ReminderKind, ReminderState, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from storage.tasks import StatusUpdate, record_status
from tests.conftest import DIRECTORY_CSV, local

# the dispatcher's contract, not the policy's defaults: a check-in a week after registration, the leaders
# told on the third working day overdue
policy = ReminderPolicy(checkin_every_working_days=5, escalate_after_working_days=3)


class RecordingSender:
    """A channel that records what it was asked to deliver (the outside world, not our code)."""

    channel = "telegram"

    def __init__(self, fail_with: list[Exception] | None = None) -> None:
        self.sent: list[tuple[str, ReminderView]] = []
        self.fail_with = list(fail_with or [])

    async def send_reminder(self, chat_id: str, view: ReminderView) -> str:
        if self.fail_with:
            raise self.fail_with.pop(0)
        self.sent.append((chat_id, view))
        return str(1000 + len(self.sent))


def register(db: Database, tasks: list[ParsedTask], *, at: dt.datetime, enroll: bool = True) -> None:
    db.call(import_directory, parse_directory_csv(DIRECTORY_CSV.read_bytes()), now=at)
    if enroll:
        for i, handle in enumerate(["admin", "leader", "head_bdv", "cadre_bdv", "head_stnmt"]):
            db.call(bind_chat, handle=handle, channel="telegram", chat_id=str(100 + i))
    admin = db.call(person_by_handle, "admin")
    draft = db.call(create_draft, ParsedNotice(kind="THÔNG BÁO", tasks=tuple(tasks)), source_text="x",
                    source_name="", by=admin, now=at)
    db.call(confirm_notice, draft.notice_id, by=admin, now=at, policy=policy)


def task(ref: str, due: dt.date | None) -> ParsedTask:
    return ParsedTask(ref=ref, text=f"Nhiệm vụ {ref}", lead=("Ban Dân vận Tỉnh ủy",), due=due)


def states(db: Database) -> list[tuple[str, str, str]]:
    return db.call(lambda s: [(r.kind, r.slot, r.state) for r in s.scalars(select(Reminder).order_by(Reminder.id))])


async def test_sends_due_reminders_once_and_chains_the_next(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    clock = FakeClock(local(2018, 2, 27, 8, 0))
    result = await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    assert len(result.sent) == 1 and sender.sent[0][1].kind == ReminderKind.BEFORE
    assert sender.sent[0][1].days_left == 3
    again = await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    assert again.sent == [] and len(sender.sent) == 1
    clock.set(local(2018, 3, 5, 8, 0))
    await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    assert [v.kind for _, v in sender.sent] == [ReminderKind.BEFORE, ReminderKind.BEFORE, ReminderKind.OVERDUE]
    assert ("overdue", "2018-03-06", "pending") in states(db)  # the chain's next step
    sent = db.call(lambda s: s.scalars(select(Reminder).where(Reminder.state == ReminderState.SENT)).all())
    assert all(r.message_id and r.chat_id == "102" for r in sent)


async def test_nothing_is_sent_outside_working_hours(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    for when in [local(2018, 3, 5, 6, 0), local(2018, 3, 5, 18, 0), local(2018, 3, 10, 9, 0)]:
        result = await send_due_reminders(db, {"telegram": sender}, clock=FakeClock(when), policy=policy)
        assert result.sent == []
    result = await send_due_reminders(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 12, 7, 30)),
                                      policy=policy)
    assert len(result.sent) == 1  # late, but at the first working moment


async def test_closed_tasks_are_skipped(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    head = db.call(person_by_handle, "head_bdv")
    db.call(record_status, task_id=1, actor=head, change=StatusUpdate(status=TaskStatus.DONE), source="text",
            now=local(2018, 2, 27, 9, 0), today=dt.date(2018, 2, 27))
    sender = RecordingSender()
    await send_due_reminders(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 5, 8, 0)), policy=policy)
    assert sender.sent == [] and states(db) == [("checkin", "2018-03-05", "skipped")]


async def test_unreachable_person_is_marked_and_reminder_failed(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender([Unreachable("Forbidden: bot was blocked by the user")])
    result = await send_due_reminders(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 5, 8, 0)),
                                      policy=policy)
    assert len(result.failed) == 1
    assert states(db) == [("checkin", "2018-03-05", "failed")]
    head = db.call(person_by_handle, "head_bdv")
    assert head.unreachable_since is not None


async def test_rate_limit_releases_the_rows_for_a_later_tick(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None), task("2", None)], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender([RateLimited(7)])
    clock = FakeClock(local(2018, 3, 5, 8, 0))
    result = await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    assert result.retry_after == 7 and result.sent == []
    assert [s for _, _, s in states(db)] == ["pending", "pending"]
    clock.advance(dt.timedelta(seconds=7))
    result = await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    assert len(result.sent) == 2


async def test_transient_errors_retry_then_give_up(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender([TransientSendError("timeout")] * 5)
    clock = FakeClock(local(2018, 3, 5, 8, 0))
    for _ in range(5):
        await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
        clock.advance(dt.timedelta(minutes=5))
    assert states(db) == [("checkin", "2018-03-05", "failed")]
    reminder = db.call(lambda s: s.scalars(select(Reminder)).one())
    assert reminder.attempts == 5 and reminder.last_error == "timeout"


async def test_unenrolled_person_keeps_the_reminder_for_later(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0), enroll=False)
    sender = RecordingSender()
    result = await send_due_reminders(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 5, 8, 0)),
                                      policy=policy)
    assert result.postponed and sender.sent == []
    reminder = db.call(lambda s: s.scalars(select(Reminder)).one())
    assert reminder.state == ReminderState.PENDING and reminder.due_at == local(2018, 3, 6, 8, 0)


async def test_an_expired_claim_is_taken_again(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", None)], at=local(2018, 2, 26, 9, 0))
    now = local(2018, 3, 5, 8, 0)
    assert db.call(claim_due, now=now, worker="dead", limit=10, lease=dt.timedelta(minutes=5)) == [1]
    assert db.call(claim_due, now=now, worker="other", limit=10, lease=dt.timedelta(minutes=5)) == []
    later = now + dt.timedelta(minutes=6)
    assert db.call(claim_due, now=later, worker="other", limit=10, lease=dt.timedelta(minutes=5)) == [1]


def test_concurrent_workers_never_claim_the_same_row(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task(str(i), None) for i in range(1, 41)], at=local(2018, 2, 26, 9, 0))
    now = local(2018, 3, 5, 8, 0)
    claims: dict[str, list[int]] = {}
    barrier = threading.Barrier(4)

    def worker(name: str) -> None:
        barrier.wait()
        got: list[int] = []
        while True:
            ids = db.call(claim_due, now=now, worker=name, limit=3, lease=dt.timedelta(minutes=5))
            if not ids:
                break
            got += ids
        claims[name] = got

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [i for ids in claims.values() for i in ids]
    assert sorted(every) == list(range(1, 41)), "each row claimed exactly once"


@pytest.mark.parametrize("role_handle", ["leader"])
async def test_escalation_goes_to_leaders_once(migrated_db: Database, role_handle: str) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    clock = FakeClock(local(2018, 3, 5, 8, 0))
    for day in range(5, 10):
        clock.set(local(2018, 3, day, 8, 0))
        await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
        await send_due_reminders(db, {"telegram": sender}, clock=clock, policy=policy)
    leader = db.call(person_by_handle, role_handle)
    to_leader = [v for chat, v in sender.sent if chat == str(leader.telegram_chat_id)]
    assert [v.kind for v in to_leader] == [ReminderKind.ESCALATION]
    assert to_leader[0].overdue_days == 3 and to_leader[0].assignee_name == "Lê Văn Dân"
    assert db.call(lambda s: s.scalar(select(Person.id).where(Person.handle == role_handle))) == leader.id
