"""Failures never end a reminder chain, and nothing is resent blindly: on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session
from telegram import Chat, Message, Update, User

from bot.channels.telegram import PerChatUpdateProcessor
from scheduler.clock import FakeClock
from scheduler.dispatcher import OutcomeUnknown, PermanentSendError, TransientSendError, Unreachable, send_due_digests
from storage.db import Database
from storage.digests import problem_digests, resend_digest
from storage.directory import person_by_handle
from storage.models import Digest, DigestState, Role
from tests.conftest import local
from tests.scheduler.test_dispatcher import HEAD_BDV, HEAD_STNMT, RecordingSender, mornings, policy, register, task

ADMIN = "100"


async def test_a_timeout_that_may_have_delivered_is_not_resent_until_an_admin_says_so(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[OutcomeUnknown("timed out")])
    clock = FakeClock(local(2018, 2, 27, 8, 0))
    await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    clock.advance(dt.timedelta(hours=1))
    await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    assert sender.sent == [], "not resent blindly"
    [problem] = db.call(problem_digests, since=dt.date(2018, 2, 20))
    assert problem.state == DigestState.UNKNOWN and problem.person == "Lê Văn Dân"
    admin = db.call(person_by_handle, "admin")
    db.call(resend_digest, problem.digest_id, by=admin, now=clock.now())
    await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
    assert len(sender.to(HEAD_BDV)) == 1


async def test_a_refusal_for_good_is_not_retried(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[PermanentSendError("message is too long")])
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(local(2018, 2, 27, 8, 0)), policy=policy)
    digest = db.call(lambda s: s.scalars(select(Digest)).one())
    assert (digest.state, digest.attempts) == (DigestState.FAILED, 1)


async def test_lines_of_a_failed_digest_come_back_the_next_morning(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[TransientSendError("502")] * 5)
    clock = FakeClock(local(2018, 2, 27, 8, 0))
    for _ in range(5):  # a morning-long outage
        await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
        clock.advance(dt.timedelta(minutes=45))  # past the longest back-off (5, 10, 20, 40 min)
    await mornings(db, sender, dt.date(2018, 2, 28), dt.date(2018, 2, 28))
    [view] = sender.to(HEAD_BDV)
    assert view.day == dt.date(2018, 2, 28) and view.catch_up and [line.item_ref for line in view.lines] == ["1"]
    states = db.call(lambda s: [d.state for d in s.scalars(select(Digest).order_by(Digest.id))])
    assert states == [DigestState.CARRIED, DigestState.SENT]


async def test_a_person_who_cannot_be_reached_is_reported_once_to_the_admin_and_the_head(
        migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(person_by_handle(s, "cadre_bdv"), "unreachable_since", local(2018, 2, 26, 10, 0)))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 1))
    to_admin = [v for v in sender.to(ADMIN) if v.unreachable]
    to_head = [v for v in sender.to(HEAD_BDV) if v.unreachable]
    assert [(v.day, v.unreachable[0][0]) for v in to_admin] == [(dt.date(2018, 2, 27), "Phạm Thị Vận")]
    assert len(to_head) == 1, "once, not every morning"


async def test_a_blocked_assignee_keeps_their_lines_until_they_come_back(migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender(fail_with=[Unreachable("blocked")])
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 2, 28))
    assert [v.day for v in sender.to(HEAD_BDV)] == [dt.date(2018, 2, 28)], "carried to the next morning"


def _update(update_id: int, chat_id: int) -> Update:
    user = User(id=chat_id, first_name="A", is_bot=False)
    chat = Chat(id=chat_id, type="private")
    message = Message(message_id=update_id, date=local(2018, 3, 1, 9, 0), chat=chat, from_user=user, text="x")
    return Update(update_id=update_id, message=message)


async def test_updates_of_one_chat_keep_their_order_while_other_chats_go_ahead() -> None:
    processor = PerChatUpdateProcessor(8)
    order: list[str] = []
    slow_started, release = asyncio.Event(), asyncio.Event()

    async def slow() -> None:  # an admin's scan being read
        slow_started.set()
        await release.wait()
        order.append("A1")

    async def quick(name: str) -> None:
        order.append(name)

    first = asyncio.create_task(processor.process_update(_update(1, 1), slow()))
    await slow_started.wait()
    same_chat = asyncio.create_task(processor.process_update(_update(2, 1), quick("A2")))
    await processor.process_update(_update(3, 2), quick("B1"))
    assert order == ["B1"], "another person is answered while the scan is read"
    release.set()
    await asyncio.gather(first, same_chat)
    assert order == ["B1", "A1", "A2"]


async def test_a_carried_line_no_longer_says_the_leaders_were_told_today(migrated_db: Database) -> None:
    """The escalation day's own line ("hôm nay Nhắc việc đã báo lãnh đạo") of a digest that never arrived comes back
    the next morning without it: that morning is not the day the leaders were told."""
    from scheduler.policy import ReminderPolicy

    db = migrated_db
    steady = ReminderPolicy(quiet_after_working_days=0, weekly_on=2)  # (weekly on Wednesday: Monday has no line)
    register(db, [task("1", dt.date(2018, 3, 2))], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    for day in (dt.date(2018, 3, 8),):  # the ladder up to the day before, sent
        await send_due_digests(db, {"telegram": sender}, clock=FakeClock(steady.calendar.at(day, steady.remind_at)),
                               policy=steady)
    failing = RecordingSender(fail_with=[PermanentSendError("blocked for the day")] * 3)
    await send_due_digests(db, {"telegram": failing}, clock=FakeClock(local(2018, 3, 9, 8, 0)), policy=steady)
    told = db.call(lambda s: [i for d in s.scalars(select(Digest).where(Digest.day == dt.date(2018, 3, 9)))
                              for i in d.items if i.get("told_now")])
    assert [i["told_now"] for i in told] == [["leaders"]], "09/03: the holder's line says the leaders were told"
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 12, 8, 0)), policy=steady)
    [view] = [v for v in sender.to(HEAD_BDV) if v.day == dt.date(2018, 3, 12)]
    assert [(line.item_ref, line.told_now) for line in view.lines] == [("1", ())]


def _on_leave(handle: str, first: dt.date, last: dt.date) -> Callable[[Session], None]:
    def put(s: Session) -> None:
        person = person_by_handle(s, handle)
        person.leave_from, person.leave_to = first, last
    return put


async def test_an_unreachable_person_is_not_reported_to_an_admin_on_leave_but_to_the_first_back(
        migrated_db: Database) -> None:
    """Probe 24: an admin on leave was told who cannot be reached all the same. The head hears it that morning; the
    admin, the morning they are back, once."""
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 9))], at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(person_by_handle(s, "cadre_bdv"), "unreachable_since", local(2018, 2, 26, 10, 0)))
    db.call(_on_leave("admin", dt.date(2018, 2, 27), dt.date(2018, 2, 28)))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 5))
    assert [v.day for v in sender.to(ADMIN) if v.unreachable] == [dt.date(2018, 3, 1)]
    assert [v.day for v in sender.to(HEAD_BDV) if v.unreachable] == [dt.date(2018, 2, 27)]


async def test_an_unreachable_person_is_reported_to_the_admin_present_not_the_one_on_leave(
        migrated_db: Database) -> None:
    db = migrated_db
    register(db, [task("1", dt.date(2018, 3, 9))], at=local(2018, 2, 26, 9, 0))
    db.call(lambda s: setattr(person_by_handle(s, "cadre_bdv"), "unreachable_since", local(2018, 2, 26, 10, 0)))
    db.call(lambda s: setattr(person_by_handle(s, "head_stnmt"), "role", Role.ADMIN))  # a second admin
    db.call(_on_leave("admin", dt.date(2018, 2, 27), dt.date(2018, 2, 28)))
    db.call(_on_leave("head_bdv", dt.date(2018, 2, 27), dt.date(2018, 3, 2)))
    sender = RecordingSender()
    await mornings(db, sender, dt.date(2018, 2, 27), dt.date(2018, 3, 5))
    told = {chat: [v.day for v in sender.to(chat) if v.unreachable] for chat in (ADMIN, HEAD_BDV, HEAD_STNMT)}
    assert told == {ADMIN: [], HEAD_BDV: [], HEAD_STNMT: [dt.date(2018, 2, 27)]}, told
