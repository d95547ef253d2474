"""Delivery through the Telegram sandbox, which enforces Telegram's flood limits on its simulated
clock (bot/sandbox/server.py RateLimits: 30 messages/s overall, 1/s per chat with a burst of 3),
driving the real python-telegram-bot through the harness (bot/sandbox/harness.py). A benchmark,
not a test: it prints what one run measured and ends with one machine-readable line.

    .venv/bin/python bench/bench_delivery.py [--quick]

Scenarios (one working morning, 08:00, every task due that day; the clock moves only when the
dispatcher is told to wait — `retry_after` of a 429 — or when the next digest falls due):

(a) 2,000 people, 5 tasks each (10,000 task lines): one digest each.
(b) 10 people with 100 tasks each (1,000 task lines), plus one person with a single task behind them.
(w) one person with 50 tasks, claimed first, and one person with a single task: how long the single
    one waits (simulated seconds from 08:00 to the last part of their digest).
(c) raw capacity with the limits off: digests/s (wall clock) for 1 worker on SQLite and 1, 2 and 4
    concurrent workers (asyncio tasks sharing the database, each its own `worker` name) on PostgreSQL.

efficiency = distinct messages ÷ simulated seconds from 08:00 to the last message ÷ the overall rate
allowed (RateLimits.overall_per_second). lost = task lines expected − distinct task lines delivered
(and digests whose last part never arrived). duplicates = extra copies of identical messages in the
same chat (a digest, or part of one, sent twice), from the sandbox's stored messages. 429s are the
sandbox's flood-control refusals."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from bench_scale import CREATED, MORNING, TODAY, directory_csv, peak_rss_mb, start_postgres  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402

from bot.channels.telegram import conversation_of  # noqa: E402
from bot.conversation.core import senders  # noqa: E402
from bot.sandbox.harness import Harness  # noqa: E402
from bot.sandbox.server import RateLimits, SandboxError, SandboxState  # noqa: E402
from scheduler.clock import FakeClock  # noqa: E402
from scheduler.dispatcher import next_due_at, plan_digests, send_due_digests  # noqa: E402
from storage.models import Notice, NoticeStatus, Person, Role, Task, TaskStatus  # noqa: E402

LINE = re.compile(r"^(?:\(\d+/\d+\) )?(• Mục .*)$", re.MULTILINE)  # a part starts "(2/4) "
FOOTER = "ví dụ: “"  # the last part of every digest with own tasks carries the how-to-answer line
NO_LIMITS = RateLimits(overall_per_second=1e9, overall_burst=10**9, chat_per_second=1e9, chat_burst=10**9)


def task_text(person: int, k: int) -> str:
    return (f"Đơn vị {person} chủ trì, phối hợp các sở, ngành liên quan rà soát, tổng hợp và báo cáo kết quả "
            f"thực hiện nhiệm vụ số {k + 1} trong kế hoạch năm")


def add_tasks(session: Any, loads: list[tuple[int, int]]) -> int:
    """Open tasks due TODAY: `loads` is (person index in directory order, number of tasks)."""
    heads = session.execute(select(Person.id, Person.unit_id).where(Person.role == Role.HEAD)
                            .order_by(Person.id)).all()
    notice_id = session.execute(insert(Notice).returning(Notice.id), [{
        "sha256": "delivery-bench", "source_name": "bench", "source_text": "bench", "meta": {},
        "status": NoticeStatus.CONFIRMED, "created_at": CREATED, "closed_at": CREATED, "kind": "thông báo",
        "number": "1/TB-BENCH", "issued_on": dt.date(2018, 2, 26)}]).scalar_one()
    rows: list[dict[str, Any]] = []
    for person, count in loads:
        assignee, unit = heads[person]
        for k in range(count):
            rows.append({"notice_id": notice_id, "position": len(rows), "item_ref": str(k + 1),
                         "text": task_text(person, k), "lead_unit_names": [f"Đơn vị {person}"], "lead_unit_id": unit,
                         "support_unit_names": [], "assignee_id": assignee, "created_at": CREATED,
                         "updated_at": CREATED, "escalated": [], "status": TaskStatus.OPEN, "due_on": TODAY})
    for first in range(0, len(rows), 20_000):
        session.execute(insert(Task), rows[first:first + 20_000])
    return len(rows)


@dataclass
class Outcome:
    name: str
    people: int
    lines: int
    messages: int = 0
    distinct: int = 0
    delivered_lines: int = 0
    complete_digests: int = 0
    too_many: int = 0
    sim_seconds: float = 0.0
    ticks: int = 0
    wall_s: float = 0.0
    waits: dict[str, float] | None = None
    capped: bool = False

    @property
    def duplicates(self) -> int:
        return self.messages - self.distinct

    @property
    def lost(self) -> int:
        return self.lines - self.delivered_lines

    def efficiency(self, limits: RateLimits) -> float:
        if self.sim_seconds <= 0:
            return float("nan")
        return self.distinct / self.sim_seconds / limits.overall_per_second


def count_429s(state: SandboxState) -> Counter[str]:
    """Wrap the sandbox's flood check to count its refusals (the check itself is unchanged)."""
    counts: Counter[str] = Counter()
    original = state._throttle

    def throttle(chat_id: int) -> None:
        try:
            original(chat_id)
        except SandboxError as exc:
            if exc.code == 429:
                counts["429"] += 1
            raise

    state._throttle = throttle  # type: ignore[method-assign]
    return counts


async def started_harness(db_url: str, people: int, limits: RateLimits) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(MORNING - dt.timedelta(minutes=1)), limits=limits)
    await h.start(directory_csv=directory_csv(people), enroll_all=True)
    return h


async def drive(h: Harness, *, sim_cap: float, max_ticks: int = 20_000) -> tuple[int, bool]:
    """Tick from 08:00 until nothing is due, as the harness does (waiting `retry_after` on a 429 and
    moving to the next due digest), but stopping after `sim_cap` simulated seconds."""
    assert h.db is not None
    clock = h.clock
    clock.set(MORNING)
    end = MORNING + dt.timedelta(seconds=sim_cap)
    ticks = 0
    while ticks < max_ticks:
        ticks += 1
        result = await h.tick()
        if result.retry_after:
            await clock.sleep(result.retry_after)
        else:
            due = await h.db.run(next_due_at)
            if due is None:
                return ticks, False
            step = max(due, clock.now())
            if step == clock.now() and not (result.sent or result.failed):
                step = clock.now() + dt.timedelta(seconds=1)  # nothing moved: let time pass
            clock.set(step)
        if clock.now() > end:
            return ticks, True
    return ticks, True


def measure(h: Harness, outcome: Outcome, handles: dict[str, str] | None = None) -> Outcome:
    """Read what arrived from the sandbox's stored messages."""
    bot = h.state.bot_messages()
    outcome.messages = len(bot)
    outcome.distinct = len({(m.chat_id, m.text) for m in bot})
    outcome.delivered_lines = len({(m.chat_id, line) for m in bot for line in LINE.findall(m.text or "")})
    outcome.complete_digests = len({m.chat_id for m in bot if FOOTER in (m.text or "")})
    times = [s.at for s in h.sent]
    if times:
        outcome.sim_seconds = (max(times) - MORNING).total_seconds()
    if handles:
        outcome.waits = {}
        for label, handle in handles.items():
            mine = [s.at for s in h.sent if s.to == handle]
            outcome.waits[label] = (max(mine) - MORNING).total_seconds() if mine else float("inf")
    return outcome


async def scenario(name: str, db_url: str, loads: list[int], *, limits: RateLimits, sim_cap: float,
                   watch: dict[str, int] | None = None) -> tuple[Outcome, Counter[str]]:
    """`loads[i]`: tasks of the i-th person (claimed in that order)."""
    h = await started_harness(db_url, len(loads), limits)
    try:
        assert h.db is not None
        lines = await h.db.run(add_tasks, list(enumerate(loads)))
        refusals = count_429s(h.state)
        outcome = Outcome(name=name, people=len(loads), lines=lines)
        start = time.perf_counter()
        outcome.ticks, outcome.capped = await drive(h, sim_cap=sim_cap)
        outcome.wall_s = time.perf_counter() - start
        handles = {label: f"head{index}" for label, index in (watch or {}).items()}
        return measure(h, outcome, handles), refusals
    finally:
        await h.stop()


def report(outcome: Outcome, refusals: Counter[str], limits: RateLimits) -> None:
    chats_bound = min(limits.overall_per_second, outcome.people * limits.chat_per_second)
    waits = "".join(f", {k} waited {v:.0f}s" for k, v in (outcome.waits or {}).items())
    print(f"({outcome.name}) {outcome.people} people, {outcome.lines} task lines: {outcome.distinct} distinct messages "
          f"({outcome.messages} sent) over {outcome.sim_seconds:.0f} simulated s = "
          f"{outcome.distinct / outcome.sim_seconds if outcome.sim_seconds else float('nan'):.2f} msg/s; "
          f"efficiency {outcome.efficiency(limits):.3f} of {limits.overall_per_second:.0f}/s "
          f"(the per-chat limit alone allows {chats_bound:.0f}/s here); 429s {refusals['429']}; "
          f"lines lost {outcome.lost}; complete digests {outcome.complete_digests}/{outcome.people}; "
          f"duplicates {outcome.duplicates}; {outcome.ticks} ticks{' (stopped at the cap)' if outcome.capped else ''}"
          f"{waits}; wall {outcome.wall_s:.1f}s", flush=True)


# ---------------------------------------------------------------- raw capacity

async def capacity(db_url: str, people: int, workers_list: list[int]) -> dict[int, tuple[float, int, int]]:
    """Digests/s (wall clock) with the limits off, for each number of concurrent workers; the morning's
    digests are planned first (not timed) and put back to pending between runs."""
    h = await started_harness(db_url, people, NO_LIMITS)
    out: dict[int, tuple[float, int, int]] = {}
    try:
        assert h.db is not None and h.app is not None
        await h.db.run(add_tasks, [(i, 5) for i in range(people)])
        h.clock.set(MORNING)
        conv = conversation_of(h.app)
        policy = conv.ctx.policy
        planned = await h.db.run(plan_digests, policy=policy, today=TODAY, now=MORNING)
        assert planned == people, planned
        for workers in workers_list:
            await h.db.run(_requeue)
            h.state.messages.clear()
            h.sent.clear()

            async def work(k: int) -> int:
                sent = 0
                while True:
                    result = await send_due_digests(h.db, senders(conv), clock=h.clock, policy=policy,  # type: ignore[arg-type]
                                                    worker=f"w{k}")
                    sent += len(result.sent)
                    if not result.sent and not result.failed:
                        return sent

            start = time.perf_counter()
            counts = await asyncio.gather(*(work(k) for k in range(workers)))
            elapsed = time.perf_counter() - start
            messages = h.state.bot_messages()
            distinct = len({(m.chat_id, m.text) for m in messages})
            out[workers] = (sum(counts) / elapsed, len(messages) - distinct, people - sum(counts))
    finally:
        await h.stop()
    return out


def _requeue(session: Any) -> None:
    session.execute(text("UPDATE digests SET state = 'pending', claimed_by = NULL, claimed_until = NULL, "
                         "sent_at = NULL, attempts = 0 WHERE day = :d"), {"d": TODAY})


# ---------------------------------------------------------------- main

async def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="small sizes, to check the script itself")
    args = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    started = time.perf_counter()
    limits = RateLimits()
    tmp = Path(tempfile.mkdtemp(prefix="bench-delivery-"))
    many = 200 if args.quick else 2_000
    print(f"sandbox limits: {limits}")

    a, a429 = await scenario("a", f"sqlite:///{tmp}/a.db", [5] * many, limits=limits, sim_cap=3600)
    report(a, a429, limits)
    b, b429 = await scenario("b", f"sqlite:///{tmp}/b.db", [100] * 10 + [1], limits=limits, sim_cap=300,
                             watch={"the single-task person": 10})
    report(b, b429, limits)
    w, w429 = await scenario("w", f"sqlite:///{tmp}/w.db", [50, 1], limits=limits, sim_cap=300,
                             watch={"the fifty-task person": 0, "the single-task person": 1})
    report(w, w429, limits)

    cap_people = 200 if args.quick else 1_000
    sqlite_cap = await capacity(f"sqlite:///{tmp}/c.db", cap_people, [1])
    rate, dup, lost = sqlite_cap[1]
    print(f"(c) raw capacity, limits off, {cap_people} digests: SQLite 1 worker {rate:.0f} digests/s "
          f"(duplicates {dup}, lost {lost})", flush=True)
    pg, why = start_postgres()
    pg_caps: dict[int, tuple[float, int, int]] = {}
    if pg is None:
        print(f"PostgreSQL skipped: {why}")
    else:
        try:
            pg_caps = await capacity(pg.create_database("delivery"), cap_people, [1, 2, 4])
        finally:
            pg.stop()
        for workers, (rate, dup, lost) in pg_caps.items():
            print(f"(c) raw capacity, limits off, {cap_people} digests: PostgreSQL {workers} worker(s) "
                  f"{rate:.0f} digests/s (duplicates {dup}, lost {lost})", flush=True)

    lost_total = a.lost + b.lost + w.lost + sum(v[2] for v in [*sqlite_cap.values(), *pg_caps.values()])
    dup_total = a.duplicates + b.duplicates + w.duplicates + sum(v[1] for v in [*sqlite_cap.values(),
                                                                                  *pg_caps.values()])
    wait = (w.waits or {}).get("the single-task person", float("nan"))
    pg_part = "".join(f" pg_{k}w_digests_s={v[0]:.0f}" for k, v in pg_caps.items())
    print(f"peak RSS {peak_rss_mb():.0f} MB; total wall time {time.perf_counter() - started:.0f}s")
    print(f"RESULT efficiency={a.efficiency(limits):.3f} lost={lost_total} duplicates={dup_total} "
          f"max_wait_single_s={wait:.1f} efficiency_10x100={b.efficiency(limits):.3f} "
          f"wait_single_behind_10x100_s={(b.waits or {}).get('the single-task person', float('nan')):.1f} "
          f"rate_limited_429s={a429['429'] + b429['429'] + w429['429']} "
          f"sqlite_1w_digests_s={sqlite_cap[1][0]:.0f}{pg_part}")


if __name__ == "__main__":
    asyncio.run(main())
