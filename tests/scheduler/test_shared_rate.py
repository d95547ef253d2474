"""Workers on one bot share its overall rate: each says once a tick that it is sending (table send_workers) and
paces at the channel's rate ÷ the workers seen within `alive`. Two workers sending one morning's digests together
keep under Telegram's 30 messages/s, none lost and none twice; a worker alone keeps the whole rate; a worker that
stopped is no longer counted once `alive` has gone since it was last seen.

The workers run on a virtual-time event loop (scheduler/clock.py VirtualTimeLoop): time passes only while every
task waits, so the send times counted are the pacing's simulated instants, never real ones."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections import Counter
from typing import Any

from sqlalchemy import event

from scheduler.clock import LoopClock, VirtualTimeLoop
from scheduler.dispatcher import DigestView, claim_due, digest_rate, send_due_digests
from storage.db import Database
from storage.digests import announce_sending
from tests.scheduler.test_dispatcher import many_people_with_a_digest_due, policy

TELEGRAM = 30.0  # messages/s overall, Telegram's limit for one bot
PACED = digest_rate(TELEGRAM, 1.0)  # what the digests go at: the default reply reserve left free (29/s)
ALIVE = dt.timedelta(minutes=1)  # two ticks of 30 s


class TimedSender:
    """A channel paced like Telegram's that records when each digest reached it (the outside world)."""

    channel = "telegram"
    max_per_second = PACED

    def __init__(self, clock: LoopClock, sent: list[tuple[float, str]]) -> None:
        self.clock, self.sent = clock, sent

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        self.sent.append((self.clock.now().timestamp(), chat_id))
        return str(len(self.sent))


def busiest_second(times: list[float]) -> int:
    """The most sends within any one second (a window [t, t + 1 s) starting at a send)."""
    times = sorted(times)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= 1.0 - 1e-9:
            first += 1
        most = max(most, last - first + 1)
    return most


async def sending(db: Database, start: dt.datetime, workers: list[str], *,
                  early: bool = True) -> list[tuple[float, str]]:
    """`workers` tick every 30 s from half a minute before `start` (each is seen by the others before the
    morning's digests fall due, as workers running all day are; `early` False: from `start`, their first tick is
    the morning's burst), each with its own sender on one shared record, until nothing is due."""
    clock = LoopClock(start - dt.timedelta(seconds=30) if early else start)
    sent: list[tuple[float, str]] = []

    async def worker(name: str) -> None:
        sender = TimedSender(clock, sent)
        while True:
            ticked = clock.now()
            result = await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy, worker=name,
                                            alive=ALIVE)
            if clock.now() > start and not result.sent:
                return
            await asyncio.sleep(max(0.0, 30 - (clock.now() - ticked).total_seconds()))

    await asyncio.gather(*(worker(name) for name in workers))
    return sent


def run(coroutine):  # type: ignore[no-untyped-def]
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(coroutine)


def test_two_workers_on_one_bot_keep_under_its_30_a_second_together_and_send_each_digest_once(
        migrated_db: Database) -> None:
    db = migrated_db
    people = 700
    start = many_people_with_a_digest_due(db, people)
    sent = run(sending(db, start, ["a", "b"]))
    chats = Counter(chat for _, chat in sent)
    assert set(chats) == {str(5000 + i) for i in range(people)}, "none lost"
    assert not [chat for chat, n in chats.items() if n > 1], "none twice"
    times = [at for at, _ in sent]
    assert busiest_second(times) <= TELEGRAM, busiest_second(times)
    span = max(times) - min(times)
    assert people / span <= TELEGRAM, (people, span)
    # …and together they use the rate, not each half of it for good (a worker whose tick ends while the other
    # still sends is counted until it is no longer seen: the other goes at half the rate meanwhile)
    assert people / span >= 0.85 * PACED, (people, span)


def test_two_claims_at_once_take_each_at_most_their_limit_and_not_the_same_rows(migrated_db: Database) -> None:
    """On PostgreSQL (FOR UPDATE SKIP LOCKED) a claim run while another worker's claim changes rows must still take
    at most `limit` rows: taking the whole backlog leaves the other workers nothing to send while they are still
    counted as sending, so the one that took it sends alone at its share of the rate."""
    db = migrated_db
    start = many_people_with_a_digest_due(db, 1_000)
    def claim(worker: str, at: dt.datetime, barrier: threading.Barrier, got: dict[str, list[int]]) -> None:
        barrier.wait()
        got[worker] = [c.digest_id for c in db.call(claim_due, now=at, worker=worker, limit=100,
                                                    lease=dt.timedelta(minutes=5))]

    for second in range(4):
        got: dict[str, list[int]] = {}
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=claim, args=(worker, start + dt.timedelta(seconds=second), barrier, got))
                   for worker in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(len(ids) for ids in got.values()) == [100, 100], {w: len(ids) for w, ids in got.items()}
        assert not set(got["a"]) & set(got["b"])


def test_a_worker_alone_keeps_the_whole_rate_and_one_that_stopped_is_no_longer_counted(
        migrated_db: Database) -> None:
    db = migrated_db
    people = 300
    start = many_people_with_a_digest_due(db, people)
    # "gone" sent this morning and stopped two minutes before the digests fell due: past the window
    db.call_core(announce_sending, worker="gone", channels=["telegram"], now=start - dt.timedelta(minutes=2))
    times = [at for at, _ in run(sending(db, start, ["alone"]))]
    assert len(times) == people
    span = max(times) - min(times)
    assert people / span >= 0.95 * PACED, (people, span)  # the whole rate, not half of it
    assert busiest_second(times) <= TELEGRAM


def test_a_worker_seen_within_the_window_halves_the_pace(migrated_db: Database) -> None:
    """The same worker alone, but another was seen sending 5 s before the digests fell due (still live): it
    paces at half the rate, leaving the other its share."""
    db = migrated_db
    people = 300
    start = many_people_with_a_digest_due(db, people)
    db.call_core(announce_sending, worker="other", channels=["telegram"], now=start - dt.timedelta(seconds=5))
    times = [at for at, _ in run(sending(db, start, ["alone"]))]
    assert len(times) == people
    first_ten = [at for at in times if at < min(times) + 10]  # within the window: "other" still counted
    assert len(first_ten) <= 10 * PACED / 2 + 1, len(first_ten)


def test_a_worker_that_found_nothing_more_to_claim_is_no_longer_counted_by_the_one_still_sending(
        migrated_db: Database) -> None:
    """Two workers, 300 digests, batches of 100: each claims a batch, then one of them claims the last batch and the
    other finds nothing more (its tick ends). It says so with its last write (`announce_idle`), so the one still
    sending goes at the whole rate for that last batch, not at half of it for the minute the other is still seen:
    the morning's digests go out at (nearly) the bot's rate, and never above it."""
    db = migrated_db
    people = 300
    start = many_people_with_a_digest_due(db, people)
    sent = run(sending(db, start, ["a", "b"]))
    chats = Counter(chat for _, chat in sent)
    assert len(chats) == people and set(chats.values()) == {1}, "each once, none lost"
    times = [at for at, _ in sent]
    assert busiest_second(times) <= TELEGRAM, busiest_second(times)
    span = max(times) - min(times)
    assert people / span >= 0.9 * PACED, (people, span, people / span / PACED)  # (m27: 0.75, the last batch at half)


def test_two_workers_whose_first_tick_is_the_morning_burst_keep_under_30_a_second(migrated_db: Database) -> None:
    """Two workers just started, their first tick at the moment the morning's digests fall due. Each tick's first
    transaction says the worker is sending and reads the others; on PostgreSQL (READ COMMITTED) each read may come
    before the other's word commits — made certain here: each waits at the read for the other's read —, so each
    saw itself alone and went at the whole rate for its first batch (m27: 58 in a second). A worker's first read
    counts one worker more than it saw, until its next read: together they keep under the bot's rate. (On SQLite
    one transaction writes at a time: the second sees the first's word; the same property is checked.)"""
    db = migrated_db
    people = 300
    start = many_people_with_a_digest_due(db, people)
    if db.engine.dialect.name == "postgresql":
        barrier, waited, lock = threading.Barrier(2), [0], threading.Lock()

        def both_read_blind(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if "FROM send_workers" not in statement or not statement.lstrip().upper().startswith("SELECT"):
                return
            with lock:  # (the first two reads only)
                waited[0] += 1
                first_two = waited[0] <= 2
            if first_two:
                barrier.wait()

        event.listen(db.engine, "before_cursor_execute", both_read_blind)
    sent = run(sending(db, start, ["a", "b"], early=False))
    chats = Counter(chat for _, chat in sent)
    assert len(chats) == people and set(chats.values()) == {1}, "each once, none lost"
    times = [at for at, _ in sent]
    assert busiest_second(times) <= TELEGRAM, busiest_second(times)
