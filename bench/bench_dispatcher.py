"""Digest throughput: registers N tasks for 50 heads, then times one morning's tick —
planning every person's digest from the tasks' state and "sending" them through a
channel that answers at once. Prints task lines/s and digests/s for SQLite (and
PostgreSQL with --db URL). A benchmark, not a test.

    .venv/bin/python bench/bench_dispatcher.py [--tasks 2000] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time

from scheduler.calendar import VN_TZ
from scheduler.clock import FakeClock
from scheduler.dispatcher import DigestView, send_due_digests
from scheduler.policy import ReminderPolicy
from storage.db import Database, upgrade
from storage.directory import bind_chat, import_directory, parse_directory_csv, person_by_handle
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask

DIRECTORY = ("handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n"
             + "".join(f"head{i},Trưởng {i},,Đơn vị {i},head\n" for i in range(50))).encode()


class InstantSender:
    channel = "telegram"

    def __init__(self) -> None:
        self.count = 0

        self.lines = 0

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        self.count += 1
        self.lines += len(view.lines)
        return str(self.count)


async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--db")
    args = ap.parse_args()
    import datetime as dt

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.db"
        upgrade(url)
        db = Database(url)
        at = dt.datetime(2018, 2, 26, 9, 0, tzinfo=VN_TZ)
        db.call(import_directory, parse_directory_csv(DIRECTORY), now=at)
        for i in range(50):
            db.call(bind_chat, handle=f"head{i}", channel="telegram", chat_id=str(1000 + i))
        admin = db.call(person_by_handle, "admin")
        tasks = tuple(ParsedTask(ref=str(i), text=f"Nhiệm vụ {i}", lead=(f"Đơn vị {i % 50}",))
                      for i in range(args.tasks))
        draft = db.call(create_draft, ParsedNotice(tasks=tasks), source_text="b", source_name="", by=admin, now=at)
        policy = ReminderPolicy()
        db.call(confirm_notice, draft.notice_id, by=admin, now=at)
        sender = InstantSender()
        clock = FakeClock(dt.datetime(2018, 3, 12, 8, 0, tzinfo=VN_TZ))  # the first check-in morning
        start = time.perf_counter()
        result = await send_due_digests(db, {"telegram": sender}, clock=clock, policy=policy)
        elapsed = time.perf_counter() - start
        print(f"{db.dialect}: {result.planned} digests planned, {sender.count} sent with {sender.lines} task lines "
              f"in {elapsed:.2f}s = {sender.lines / elapsed:.0f} lines/s, {sender.count / elapsed:.0f} digests/s")
        db.dispose()


if __name__ == "__main__":
    asyncio.run(main())
