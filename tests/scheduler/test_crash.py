"""A worker process SIGKILLed in the middle of a 1,000-digest dispatch on PostgreSQL, then started again:
no digest is lost and none is sent twice; those that may have been in flight at the kill are left to an admin.

In flight at the kill: delivered (the outside world has it: a line in the delivery file, written before
the send returns) but not recorded as sent in the database. After the kill the database is read, not
guessed: `in_flight = delivered − recorded`, and that set is at most FLUSH_MESSAGES (a send holds one of
that many slots from before it starts until its outcome is written). Every row is marked `sending` before its
request may go out (a few rows ahead: FLUSH_MESSAGES marked and not finished, plus sends waiting for their mark),
so every row in flight is one of those: the restarted worker, once the dead one's lease has run out, sends every
other row not recorded, and `/loi` lists the `sending` ones as unknown for an admin to decide (`/loi gui N`); the
admins' next morning digest says how many (once)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from scheduler.dispatcher import FLUSH_MESSAGES, plan_digests
from scheduler.policy import ReminderPolicy
from storage.db import Database, upgrade
from storage.digests import problem_digests
from storage.directory import import_directory, parse_directory_csv
from storage.models import Digest, DigestState, Notice, NoticeStatus, Person, Role, Task, TaskStatus
from tests.conftest import local
from tests.pg import PgServer

PEOPLE = 1_000
BATCH = 50
KILL_AFTER = 400  # deliveries before the kill
CHAT0 = 5000
ROOT = Path(__file__).resolve().parents[2]

WORKER = """
import asyncio, datetime as dt, sys
from scheduler.clock import FakeClock
from scheduler.dispatcher import send_due_digests
from scheduler.policy import ReminderPolicy
from storage.db import Database

class FileSender:  # the outside world: every delivery is one line in a file, written before the answer
    channel, max_per_second = "telegram", None
    def __init__(self, path):
        self.out = open(path, "a")
    async def send_digest(self, chat_id, view):
        self.out.write(chat_id + "\\n"); self.out.flush()
        await asyncio.sleep(0.002)
        return chat_id

db = Database(sys.argv[1])
clock = FakeClock(dt.datetime.fromisoformat(sys.argv[2]))
asyncio.run(send_due_digests(db, {"telegram": FileSender(sys.argv[3])}, clock=clock, policy=ReminderPolicy(),
                             worker=sys.argv[4], batch=int(sys.argv[5])))
"""


def people_with_a_digest_due(db: Database, people: int) -> dt.datetime:
    """`people` heads, each with one task due in three days, bound to Telegram chat CHAT0 + i: a digest each
    planned for Tuesday 27/02/2018 08:00. Written in bulk (a few statements) to keep the test short."""
    at = local(2018, 2, 26, 9, 0)
    directory = "handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n" + "".join(
        f"h{i},Trưởng {i},,Đơn vị {i},head\n" for i in range(people))
    db.call(import_directory, parse_directory_csv(directory.encode()), now=at)

    def tasks(session: Any) -> None:
        heads = session.scalars(select(Person).where(Person.role == Role.HEAD).order_by(Person.id)).all()
        for i, head in enumerate(heads):
            head.telegram_chat_id = CHAT0 + i
        notice_id = session.execute(insert(Notice).returning(Notice.id), [{
            "sha256": "crash-test", "source_name": "", "source_text": "crash test", "meta": {},
            "status": NoticeStatus.CONFIRMED, "created_at": at, "closed_at": at, "kind": "thông báo",
            "number": "1/TB-VP", "issued_on": at.date()}]).scalar_one()
        session.execute(insert(Task), [{
            "notice_id": notice_id, "position": i, "item_ref": "1", "text": f"Nhiệm vụ {i}",
            "lead_unit_names": [f"Đơn vị {i}"], "lead_unit_id": head.unit_id, "support_unit_names": [],
            "assignee_id": head.id, "created_at": at, "updated_at": at, "escalated": [], "status": TaskStatus.OPEN,
            "due_on": dt.date(2018, 3, 2)} for i, head in enumerate(heads)])

    db.call(tasks)
    start = local(2018, 2, 27, 8, 0)
    assert db.call(plan_digests, policy=ReminderPolicy(), today=start.date(), now=start) == people
    return start


def worker(url: str, at: dt.datetime, out: Path, name: str) -> list[str]:
    return [sys.executable, "-c", WORKER, url, at.isoformat(), str(out), name, str(BATCH)]


def recorded_chats(db: Database) -> set[str]:
    return set(db.call(lambda s: s.scalars(select(Digest.chat_id).where(Digest.state == DigestState.SENT)).all()))


def sending_chats(db: Database) -> set[str]:
    """The chats of the digests left `sending` (their requests may have gone out)."""
    return {str(chat) for chat in db.call(lambda s: s.scalars(
        select(Person.telegram_chat_id).join(Digest, Digest.person_id == Person.id)
        .where(Digest.state == DigestState.SENDING)).all())}


def test_a_worker_killed_mid_dispatch_of_1000_loses_nothing_and_resends_nothing(
        pg_server: PgServer, tmp_path: Path) -> None:
    url = pg_server.create_database(f"crash{os.getpid()}")
    upgrade(url)
    db = Database(url)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        start = people_with_a_digest_due(db, PEOPLE)
        out = tmp_path / "delivered.txt"
        out.write_text("")
        first = subprocess.Popen(worker(url, start, out, "first"), cwd=ROOT, env=env)
        try:
            deadline = time.monotonic() + 90
            while len(out.read_text().splitlines()) < KILL_AFTER and time.monotonic() < deadline:
                assert first.poll() is None, "the worker ended before the kill"
                time.sleep(0.005)
            first.send_signal(signal.SIGKILL)
            assert first.wait(timeout=30) == -signal.SIGKILL
        finally:
            if first.poll() is None:
                first.kill()
        at_kill = out.read_text().splitlines()
        assert KILL_AFTER <= len(at_kill) < PEOPLE, "killed in the middle"
        assert len(set(at_kill)) == len(at_kill), "nothing twice before the kill"
        recorded = recorded_chats(db)
        assert recorded <= set(at_kill), "recorded as sent only what was delivered"
        in_flight = set(at_kill) - recorded
        print(f"killed after {len(at_kill)} deliveries, {len(recorded)} recorded, {len(in_flight)} in flight")
        bound = FLUSH_MESSAGES  # a send holds a slot until its outcome is written
        assert len(in_flight) <= bound, f"{len(in_flight)} delivered but not recorded: more than the design's {bound}"

        sending = sending_chats(db)
        assert in_flight <= sending, f"in flight but not marked sending: {sorted(in_flight - sending)[:10]}"
        assert len(sending) <= 2 * FLUSH_MESSAGES, f"{len(sending)} marked sending at the kill"
        print(f"{len(sending)} marked sending at the kill")

        later = start + dt.timedelta(minutes=6)  # after the dead worker's 5-minute lease
        subprocess.run(worker(url, later, out, "second"), cwd=ROOT, env=env, check=True, timeout=120)
        delivered = out.read_text().splitlines()
        expected = {str(CHAT0 + i) for i in range(PEOPLE)}
        assert set(delivered) | sending == expected, f"lost: {sorted(expected - set(delivered) - sending)[:10]}"
        assert not [chat for chat, n in Counter(delivered).items() if n > 1], "sent twice"
        assert recorded_chats(db) == expected - sending, "every other digest recorded as sent"
        unknown = db.call(problem_digests, since=start.date(), now=later)
        assert len(unknown) == len(sending) and {p.state for p in unknown} == {DigestState.UNKNOWN}
        # …and the admins need not think of typing /loi: the next morning's digest tells them how many, once
        morning = start + dt.timedelta(days=1)
        db.call(plan_digests, policy=ReminderPolicy(), today=morning.date(), now=morning)
        told = db.call(lambda s: [item for d in s.scalars(select(Digest).join(Person, Person.id == Digest.person_id)
                                                          .where(Person.role == Role.ADMIN))
                                  for item in d.items if item.get("kind") == "unknown"])
        assert told == [{"kind": "unknown", "count": len(sending)}], told
    finally:
        db.dispose()
