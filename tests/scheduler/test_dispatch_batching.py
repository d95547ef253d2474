"""The delivery tick in batches, on SQLite and PostgreSQL: a few statements per batch, not per row;
a tick slower than its lease loses and repeats nothing; chats are sent to side by side (one slow chat
holds up no one), at the channel's overall pace, the most urgent first."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import re
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from bot.conversation.core import ConversationSender
from bot.conversation.events import Outgoing
from bot.conversation.status import digest_message
from bot.sandbox.harness import Harness
from bot.sandbox.server import RateLimits
from scheduler.calendar import WorkingCalendar
from scheduler.clock import FakeClock
from scheduler.dispatcher import (
    FLUSH_MESSAGES,
    MAX_CHATS_AT_ONCE,
    DigestView,
    TransientSendError,
    _tick_start,
    plan_digests,
    send_due_digests,
)
from storage.calendar import add_calendar_day, load_calendar_days
from storage.db import Database, counting_statements
from storage.digests import announce_sending, pause_channel, pause_chat, pauses_and_sharing, send_pauses
from storage.directory import person_by_handle
from storage.models import CalendarDayKind, Digest, DigestRun, DigestState, Person, Task, TaskStatus
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice
from tests.conftest import DIRECTORY_CSV, local
from tests.scheduler.test_dispatcher import RecordingSender, many_people_with_a_digest_due, policy, register, task


def sent_count(db: Database) -> int:
    return db.call(lambda s: s.scalar(select(func.count()).select_from(Digest).where(Digest.state == DigestState.SENT)))


async def test_a_hundred_digests_cost_a_few_transactions_not_two_each(migrated_db: Database) -> None:
    db = migrated_db
    start = many_people_with_a_digest_due(db, 100)  # planned already: this is the delivery tick
    sender = RecordingSender()
    with counting_statements(db) as counts:
        result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert len(result.sent) == 100 and len({chat for chat, _ in sender.sent}) == 100
    assert sent_count(db) == 100
    # calendar, planned? and pauses (one statement), claim, three render reads and the first 30 rows marked `sending`
    # in one transaction, four groups of at most 30 outcomes (each marking the next rows in the same statement; the
    # last one with the claim that finds nothing more, and so reads no pauses):
    # 1 + 1 + 3 + 1 + 1 + 1 + 1 + (1 + 1) = 11 statements; it was 313 statements and 207 commits
    assert counts["commits"] <= 5, counts
    assert counts["statements"] <= 11, counts


async def test_a_paced_channel_costs_one_statement_more_a_tick_to_share_its_rate(migrated_db: Database) -> None:
    """A paced sender (one whose channel's rate the workers share): the tick's first transaction also says this
    worker is sending (one upsert) and reads the other workers with the pauses (no statement more), the claim that
    finds nothing more says it is idle (`announce_idle`, one update), a first tick of the process also clears
    workers not seen for a day and, as its first batch counts one worker more than it saw, reads the sharing again
    with its first group's write: 11 + 2 (+ 2) statements, no commit more."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 100)

    class Paced(RecordingSender):
        max_per_second = 1_000.0  # (paced, but fast: the FakeClock's sleeps are not what is counted)

    for first in (True, False):
        db.call(lambda s: s.execute(update(Digest).values(state=DigestState.PENDING)))
        with counting_statements(db) as counts:
            result = await send_due_digests(db, {"telegram": Paced()}, clock=FakeClock(start), policy=policy,
                                            worker="paced")
        assert len(result.sent) == 100
        assert counts["commits"] <= 5, counts
        # (+1: the first rows marked `sending`; +1: idle; a process's first tick: +1 old workers cleared, +1 the
        # sharing read again)
        assert counts["statements"] <= 13 + 2 * first, counts


async def test_a_group_of_one_kind_of_outcome_is_one_statement_committing_by_itself_on_postgresql(
        migrated_db: Database) -> None:
    """A group of outcomes written with one statement needs no transaction around it: on PostgreSQL it commits by
    itself (no BEGIN and COMMIT round trips); a group
    of several statements (a failure among sends: two UPDATEs) is still one transaction, and the last group goes in
    the transaction of the claim that follows it."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 100)
    writes: list[tuple[str | None, str]] = []  # (isolation, what) of each outcome write and claim

    def capture(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        isolation = conn.get_execution_options().get("isolation_level")
        if re.search(r"message_id\s*=", statement):  # (the sent rows, and the rows marked `sending`)
            writes.append((isolation, "sent"))
        elif re.search(r"claimed_by\s*=", statement) and "RETURNING" in statement:
            writes.append((isolation, "claim"))

    sender = RecordingSender(fail_with=[TransientSendError("mạng chập chờn")])  # the first group: sent and not
    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with counting_statements(db) as counts:
            result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    assert len(result.sent) == 99 and len(result.failed) == 1 and sent_count(db) == 99
    alone = "AUTOCOMMIT" if db.dialect == "postgresql" else None
    # (the claim, and the first rows marked `sending` by the sent rows' statement: a transaction; then each group
    # marks the next rows in its own statement)
    assert writes == [(None, "claim"), (None, "sent"), (None, "sent"), (alone, "sent"), (alone, "sent"),
                      (None, "sent"), (None, "claim")], writes
    assert counts["commits"] == 5, counts  # a statement committing by itself is counted as the commit it is


async def test_outcomes_store_their_instants_as_every_other_write_does(migrated_db: Database) -> None:
    """The outcome writes bypass SQLAlchemy's per-row parameter work; the instants they store (sent_at, a retry's
    due_at) are still the text SQLAlchemy stores on SQLite ("…01:00:00.000000"): SQLite compares that text."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 3)
    sender = RecordingSender(fail_with=[TransientSendError("mạng chập chờn")])  # the first send: retried later
    result = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert len(result.sent) == 2 and len(result.failed) == 1
    if db.dialect != "sqlite":
        return  # (PostgreSQL stores timestamptz, not text)
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT state, sent_at, due_at FROM digests").all()
    text = "%Y-%m-%d %H:%M:%S.%f"
    assert sorted(r[1] for r in rows if r[0] == "sent") == [start.astimezone(dt.UTC).strftime(text)] * 2, rows
    retry = start + dt.timedelta(minutes=5)
    assert [r[2] for r in rows if r[0] == "pending"] == [retry.astimezone(dt.UTC).strftime(text)], rows


def test_a_ticks_first_read_gives_the_calendar_the_planned_day_and_the_pauses_at_once(
        migrated_db: Database) -> None:
    """`_tick_start` reads in one statement what load_calendar_days, "is today planned?", send_pauses and the
    workers sending lately read."""
    db = migrated_db
    now = local(2027, 2, 16, 8, 0)
    base = WorkingCalendar()
    db.call(add_calendar_day, day=dt.date(2027, 2, 15), kind=CalendarDayKind.OFF, note="Nghỉ bù", base=base, now=now)
    db.call(add_calendar_day, day=dt.date(2027, 2, 20), kind=CalendarDayKind.WORKING, note="", base=base, now=now)
    db.call(pause_chat, "telegram", "42", until=now + dt.timedelta(seconds=30))
    db.call(pause_channel, "zalo", until=now + dt.timedelta(minutes=2))
    db.call(pause_chat, "telegram", "43", until=now - dt.timedelta(seconds=1))  # over already
    db.call_core(announce_sending, worker="b", channels=["telegram", "zalo"], now=now - dt.timedelta(seconds=20))
    db.call_core(announce_sending, worker="c", channels=["telegram"], now=now - dt.timedelta(seconds=90))  # gone
    db.call_core(announce_sending, worker="a", channels=["telegram"], now=now)  # this one: counted once
    days, planned, pauses, shares = db.call_core(_tick_start, today=now.date(), now=now, worker="a",
                                                 alive=dt.timedelta(minutes=1))
    assert shares == {"telegram": 2, "zalo": 2}
    assert db.call_core(pauses_and_sharing, now=now, since=now - dt.timedelta(minutes=1), worker="a") == \
        (pauses, shares)
    assert days == db.call(load_calendar_days) and days.notes == {dt.date(2027, 2, 15): "Nghỉ bù"}
    assert days.days_off == {dt.date(2027, 2, 15)} and days.working_days == {dt.date(2027, 2, 20)}
    assert pauses == db.call(send_pauses, now=now) == {("telegram", "42"): now + dt.timedelta(seconds=30),
                                                       ("zalo", ""): now + dt.timedelta(minutes=2)}
    assert all(until.tzinfo is not None for until in pauses.values())
    assert not planned
    db.call(lambda s: s.add(DigestRun(day=now.date(), planned_at=now, digests=0)))
    db.call(lambda s: s.add(DigestRun(day=now.date() - dt.timedelta(days=1), planned_at=now, digests=0)))
    assert db.call_core(_tick_start, today=now.date(), now=now, worker="a")[1:3] == (True, pauses)
    assert not db.call_core(_tick_start, today=now.date() + dt.timedelta(days=1), now=now)[1]


async def test_the_lines_and_views_a_tick_sends_are_whole_frozen_dataclasses(migrated_db: Database) -> None:
    """The tick builds its DigestLines and DigestViews without their generated __init__ (a few hundred a tick):
    each must still carry every field, equal and hash as one made by __init__, and refuse to be changed."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 3)
    sender = RecordingSender()
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert len(sender.sent) == 3
    for _, view in sender.sent:
        assert view.lines
        for obj in (view, *view.lines):
            names = [f.name for f in dataclasses.fields(obj)]
            assert sorted(vars(obj)) == sorted(names), type(obj)
            again = type(obj)(**{name: getattr(obj, name) for name in names})
            assert again == obj and hash(again) == hash(obj)
            with pytest.raises(dataclasses.FrozenInstanceError):
                obj.day = start.date()  # type: ignore[misc]
        line = view.lines[0]
        assert line.status == TaskStatus.OPEN and type(line.status) is TaskStatus
        assert line.told == () and line.effective_due_on == dt.date(2018, 3, 2)


async def test_a_line_names_the_lead_unit_else_the_first_lead_written(migrated_db: Database) -> None:
    """A line's lead unit is the unit the task was matched to; a task matched to none shows the first lead unit as
    the notice wrote it (read by its JSON path, not the whole list), and none when the notice named none."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 3)

    def unmatch(session: Any) -> None:
        tasks = {t.text: t for t in session.scalars(select(Task))}
        tasks["Nhiệm vụ 0"].lead_unit_id = None
        tasks["Nhiệm vụ 0"].lead_unit_names = ["Ban Quản lý dự án", "Phòng Tài chính"]
        tasks["Nhiệm vụ 1"].lead_unit_id = None
        tasks["Nhiệm vụ 1"].lead_unit_names = []

    db.call(unmatch)
    sender = RecordingSender()
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    leads = {view.lines[0].task_text: view.lines[0].lead_unit for _, view in sender.sent}
    assert leads == {"Nhiệm vụ 0": "Ban Quản lý dự án", "Nhiệm vụ 1": None, "Nhiệm vụ 2": "Đơn vị 2"}


async def test_a_tick_with_nothing_due_is_one_transaction(migrated_db: Database) -> None:
    """A tick that has nothing to plan claims in the transaction that reads the calendar corrections and whether
    the day is planned: every tick of the day but the morning's first, most of them finding nothing."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 3)
    sender = RecordingSender()
    first = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    assert len(first.sent) == 3
    with counting_statements(db) as counts:
        later = await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start + dt.timedelta(seconds=30)),
                                       policy=policy)
    assert not later.sent and len(sender.sent) == 3
    assert counts["commits"] == 1, counts


async def test_a_write_that_frees_slots_is_not_followed_by_a_write_of_one(migrated_db: Database) -> None:
    """Outcomes go to the database in groups of FLUSH_MESSAGES. After a group's write freed its slots, the sends
    given those slots had not yet run, `Semaphore.locked()` still said every slot was taken, and the next outcome
    was written alone: groups of 30, 1, 30, 30, 9 for 100 digests, a transaction (and a commit) more."""
    db = migrated_db
    due = 2 * FLUSH_MESSAGES + FLUSH_MESSAGES // 2
    start = many_people_with_a_digest_due(db, due)
    groups: list[int] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("UPDATE DIGESTS") and "sent_at" in statement:
            # SQLite: an executemany, a parameter set a row; PostgreSQL: one statement, the rows a JSON array (the
            # outcomes: the rows written `sent`, not those marked `sending` by the same statement)
            sent = sum(1 for row in (parameters if many else json.loads(parameters["rows"])) if "sent" in row)
            if sent:
                groups.append(sent)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        result = await send_due_digests(db, {"telegram": RecordingSender()}, clock=FakeClock(start), policy=policy)
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)
    assert len(result.sent) == due and sent_count(db) == due
    assert groups == [FLUSH_MESSAGES, FLUSH_MESSAGES, FLUSH_MESSAGES // 2], groups


async def test_a_tick_slower_than_its_lease_beside_another_worker_loses_and_repeats_nothing(
        migrated_db: Database) -> None:
    db = migrated_db
    people = 200
    start = many_people_with_a_digest_due(db, people)
    clock_a = FakeClock(start)
    delivered: list[str] = []
    b_ticks = [0]

    class SlowSender(RecordingSender):  # 50 s a digest (a slow network): 100 digests, 30 at a time, take 200 s
        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            done_at = clock_a.now() + dt.timedelta(seconds=50)
            delivered.append(chat_id)
            # each wave of 30 sends waits until worker B has ticked once more (up to 3): B ticks while A's
            # batch is out, however the two are scheduled on a loaded machine
            while b_ticks[0] < min((len(delivered) - 1) // 30, 3):
                await asyncio.sleep(0.001)
            await asyncio.sleep(0)  # the other chats' sends and the other worker run meanwhile
            clock_a.set(max(clock_a.now(), done_at))
            return await super().send_digest(chat_id, view)

    sender_b = RecordingSender()
    a = asyncio.create_task(send_due_digests(db, {"telegram": SlowSender()}, clock=clock_a, policy=policy,
                                             worker="a", batch=100, lease=dt.timedelta(seconds=120)))
    clock_b, ticks = FakeClock(start), 0
    while not delivered:  # A has claimed its batch and is sending
        await asyncio.sleep(0.001)
    while not a.done():  # B ticks all along, on A's time: it takes whatever A's lease no longer covers
        clock_b.set(max(clock_b.now(), clock_a.now()))
        await send_due_digests(db, {"telegram": sender_b}, clock=clock_b, policy=policy, worker="b", batch=20,
                               lease=dt.timedelta(seconds=120))
        ticks += 1
        b_ticks[0] = ticks
        await asyncio.sleep(0.01)
    result_a = await a
    assert clock_a.now() - start >= dt.timedelta(seconds=150) and ticks > 1, "slower than its 120 s lease"
    assert len(result_a.sent) >= 100 and not result_a.lost, "A kept every row it claimed: renewed in time"
    everything = delivered + [chat for chat, _ in sender_b.sent]
    assert len(set(everything)) == people, "none lost"
    assert len(everything) == people, "none sent twice: A renewed its batch before the lease ran out"
    assert sent_count(db) == people


async def test_one_slow_chat_does_not_hold_up_the_others(migrated_db: Database) -> None:
    db = migrated_db
    start = many_people_with_a_digest_due(db, 20)
    slow_chat = "5000"  # the first (most urgent) in the batch
    others_done = asyncio.Event()
    order: list[str] = []

    class OneSlowChat(RecordingSender):  # the first chat's digest is long and waits out its chat's limit
        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            if chat_id == slow_chat:
                await others_done.wait()
            else:
                await asyncio.sleep(0)
            order.append(chat_id)
            if len(order) == 19:
                others_done.set()
            return await super().send_digest(chat_id, view)

    result = await asyncio.wait_for(
        send_due_digests(db, {"telegram": OneSlowChat()}, clock=FakeClock(start), policy=policy), timeout=60)
    assert len(result.sent) == 20
    assert order[-1] == slow_chat and len(set(order)) == 20, "every other chat went out while the first waited"


async def test_sends_keep_the_channels_overall_pace(migrated_db: Database) -> None:
    db = migrated_db
    start = many_people_with_a_digest_due(db, 61)
    clock = FakeClock(start)
    times: list[dt.datetime] = []

    class Paced(RecordingSender):
        max_per_second = 30.0

        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            times.append(clock.now())
            await asyncio.sleep(0)
            return await super().send_digest(chat_id, view)

    result = await send_due_digests(db, {"telegram": Paced()}, clock=clock, policy=policy)
    assert len(result.sent) == 61
    times.sort()
    gap = dt.timedelta(seconds=1 / 30)
    assert times[-1] - times[0] >= 60 * gap, "61 messages at 30/s take 2 s"
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= gap
    assert clock.now() - start < dt.timedelta(seconds=3), "the waits overlap: not one sum of every chat's wait"


async def test_overdue_goes_out_before_the_rest_of_the_morning(migrated_db: Database) -> None:
    db = migrated_db
    # the BDV head's task is listed (and assigned) first, but the STNMT head's is overdue
    register(db, [task("1", dt.date(2018, 3, 2)),
                  task("2", dt.date(2018, 2, 28), lead="Sở Tài nguyên và Môi trường")], at=local(2018, 2, 26, 9, 0))
    sender = RecordingSender()
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(local(2018, 3, 1, 8, 0)), policy=policy)
    categories = [[line.category for line in view.lines] for _, view in sender.sent]
    assert categories == [["overdue"], ["due_soon"]]


class ImpatientSender(ConversationSender):
    """The real digest through the real Telegram adapter (python-telegram-bot against the sandbox), handing a
    429 straight to the dispatcher instead of waiting it out in the chat's own task."""

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        caps = self.conv.channel(self.channel).capabilities
        sent = await self.conv.send(self.channel, chat_id, digest_message(view, buttons=caps.buttons), patient=False)
        assert sent.last_id is not None
        return sent.last_id


async def test_a_429_for_one_chat_in_the_telegram_sandbox_does_not_delay_another(db_url: str) -> None:
    morning = local(2018, 2, 27, 8, 0)
    h = Harness(db_url=db_url, clock=FakeClock(morning - dt.timedelta(minutes=5)),
                limits=RateLimits(chat_burst=1))  # Telegram's 1 message/s per chat, no burst
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None and h.conversation is not None
        admin = await h.db.run(person_by_handle, "admin")
        tasks = (task("1", dt.date(2018, 3, 2)), task("2", dt.date(2018, 3, 2), lead="Sở Tài nguyên và Môi trường"))
        draft = await h.db.run(create_draft, ParsedNotice(kind="THÔNG BÁO", tasks=tasks), source_text="two",
                               source_name="", by=admin, now=morning - dt.timedelta(days=1))
        await h.db.run(confirm_notice, draft.notice_id, by=admin, now=morning - dt.timedelta(days=1))
        await h.db.run(plan_digests, policy=policy, today=morning.date(), now=morning)
        first = await h.db.run(lambda s: s.scalars(select(Digest).order_by(Digest.id)).first())
        flooded = await h.db.run(lambda s: s.get(Person, first.person_id).handle)
        other = "head_stnmt" if flooded == "head_bdv" else "head_bdv"
        h.clock.set(morning)
        # the first person in the morning's order was just sent something: their chat must wait a second
        await h.conversation.send("telegram", h.chat_of(flooded, "telegram"), Outgoing(text="Tin trước đó"))
        sender = ImpatientSender(h.conversation, "telegram")
        result = await send_due_digests(h.db, {"telegram": sender}, clock=h.clock, policy=policy)
        assert result.retry_after == 1 and len(result.sent) == 1
        digests = [s for s in h.sent if "Tin trước đó" not in (s.text or "")]
        assert [s.to for s in digests] == [other], "the other chat went at once"
        assert digests[0].at - morning < dt.timedelta(seconds=0.1), "not delayed by the other chat's 429"
        h.clock.advance(dt.timedelta(seconds=result.retry_after))
        again = await send_due_digests(h.db, {"telegram": sender}, clock=h.clock, policy=policy)
        assert len(again.sent) == 1
        digests = [s for s in h.sent if "Tin trước đó" not in (s.text or "")]
        assert [s.to for s in digests] == [other, flooded], "held exactly retry_after, then sent once"
        assert 1 <= (digests[1].at - morning).total_seconds() < 1.1
    finally:
        await h.stop()


async def test_chats_in_flight_reach_the_limit_and_no_more_when_sends_wait_on_the_network(
        migrated_db: Database) -> None:
    """The workers that take chats start one by one as sends wait (one sender that answers at once needs only
    one): sends that wait on the network still have MAX_CHATS_AT_ONCE chats in flight, and never more. Each send
    here waits until that many are in flight (so the test fails, after 10 s, if fewer ever are), then the rest go."""
    db = migrated_db
    people = 100
    start = many_people_with_a_digest_due(db, people)
    in_flight, most = 0, 0
    gate = asyncio.Event()

    class Waiting(RecordingSender):
        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            if in_flight >= MAX_CHATS_AT_ONCE:
                gate.set()
            try:
                await gate.wait()
                return await super().send_digest(chat_id, view)
            finally:
                in_flight -= 1

    sender = Waiting()
    result = await asyncio.wait_for(send_due_digests(db, {"telegram": sender}, clock=FakeClock(start),
                                                     policy=policy), timeout=10)
    assert len(result.sent) == people == len(sender.sent) == len({s[0] for s in sender.sent})
    assert most == MAX_CHATS_AT_ONCE


async def test_never_more_than_one_group_is_sent_without_its_outcome_written(migrated_db: Database) -> None:
    """What a crash may resend: at any moment, the messages out whose outcome is not in the database."""
    db = migrated_db
    people = 150
    start = many_people_with_a_digest_due(db, people)
    worst: list[int] = []

    class Watching(RecordingSender):
        async def send_digest(self, chat_id: str, view: DigestView) -> str:
            out = len(self.sent) + 1  # this one included
            worst.append(out - sent_count(db))
            await asyncio.sleep(0.001)  # chats side by side, as over a network
            return await super().send_digest(chat_id, view)

    result = await send_due_digests(db, {"telegram": Watching()}, clock=FakeClock(start), policy=policy)
    assert len(result.sent) == people == sent_count(db)
    assert max(worst) <= FLUSH_MESSAGES, max(worst)
    assert max(worst) > 1, "sends overlap: chats side by side"


async def test_a_planned_line_stores_only_values_that_say_something_and_reads_as_one_stored_in_full(
        migrated_db: Database) -> None:
    """`Digest.items` leaves out None, False and no level told (a row half the size: the tick claims, returns, decodes
    and rewrites every row it sends) and keeps a 0 ("0 ngày"); a line stored with every key, as rows planned before
    were, gives the same view."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 2)

    def stored(session: Any) -> list[list[dict[str, Any]]]:
        return [d.items for d in session.scalars(select(Digest).order_by(Digest.person_id))]

    planned = db.call(stored)
    for items in planned:
        assert items and all(v is not None and v is not False and v != [] for i in items for v in i.values()), items
    assert planned[0][0]["days_left"] == 3 and "escalation" not in planned[0][0] and "told" not in planned[0][0]
    empty = {"escalation": None, "due_on": None, "effective_due_on": None, "deadline_note": None, "days_left": None,
             "working_days_left": None, "days_late": None, "weekly": False, "catch_up": False, "told": []}

    def in_full(session: Any) -> None:  # the second person's digest as stored before: every key, empty ones too
        digest = session.scalars(select(Digest).order_by(Digest.person_id.desc())).first()
        digest.items = [{**empty, **i} for i in digest.items]

    db.call(in_full)
    sender = RecordingSender()
    await send_due_digests(db, {"telegram": sender}, clock=FakeClock(start), policy=policy)
    (_, compact), (_, full) = sorted(sender.sent, key=lambda s: s[0])
    assert len(compact.lines) == len(full.lines) == 1
    differ = {f.name for f in dataclasses.fields(compact.lines[0])
              if getattr(compact.lines[0], f.name) != getattr(full.lines[0], f.name)}
    assert differ == {"task_id", "task_text", "lead_unit", "assignee_name"}, differ  # (their own tasks)
    assert dataclasses.replace(full, digest_id=compact.digest_id, recipient_name=compact.recipient_name,
                               lines=compact.lines, person_id=compact.person_id) == compact
