"""Scale against the usual approach: our digest dispatcher versus one APScheduler 3 job per
reminder in `SQLAlchemyJobStore` (what a python-telegram-bot JobQueue with a persistent job
store does), on SQLite and on a throwaway PostgreSQL. A benchmark, not a test: it prints
ratios measured in one run and ends with one machine-readable line.

    .venv/bin/python bench/bench_scale.py [--quick] [--only tick] [--repeats N]

`--only tick`: only the largest size's ticks (register, the tick with 100 due, the full tick, on SQLite and
PostgreSQL), no growth measurement — a minute or two, for measuring the tick again and again; its RESULT line has
the tick keys only. `--repeats N`: each side's tick is the best of N runs (default 5).

What is measured (every scenario runs in its own child process, so its peak RSS is its own):

- register: ours = `confirm_notice` of R = 2,000 tasks (writes the task rows; the draft is made
  before the clock starts); theirs = `scheduler.add_job` R times (one INSERT + commit each); in
  both cases the last 2,000 of N, into a store bulk-filled to N − 2,000 (registering all 100,000
  through `confirm_notice`, ~4-9 ms a task here, on both databases would not fit the 10-minute
  budget). The ratio is per registered reminder at that store size. The register line also gives each side's
  CPU (`time.process_time` of its process; PostgreSQL's server work is in neither): steadier on a loaded machine.
- tick with 100 due (`tick_speedup`): theirs = `get_due_jobs(now)` + `update_job` for the 100 due
  jobs among N stored jobs (APScheduler's bookkeeping when the jobs fire; their job function never
  runs); ours = one `send_due_digests` with 100 digests due among N stored tasks (already planned):
  claim, the reads to render them, the send (a sender that answers at once) and the marking. Best of
  5 on each side.
- full tick (`tick_speedup_full`): the same, but each of their 100 due jobs also runs its callback
  before `update_job`, as a JobQueue callback for one reminder would: in its own session it reads the
  task (with assignee, unit, notice title) and the person (chat, replied once?) with our tick's own
  column selects, builds the same digest with our code and sends it through the same instant sender
  (`deliver_reminder`). Against the project's tables filled as ours (N tasks, 100 due); best of 5.
  In this comparison both sides' instant sender also makes each message as the bot's Telegram sender
  does (`digest_message`: text and item buttons), and ours is timed again with that sender.
- CPU ratios (`tick_cpu_speedup`, `tick_cpu_speedup_full`, and `_pg`): the same two comparisons by each side's
  least CPU time over its runs (`time.process_time`: every thread of the process, so SQLite's own work and our
  database threads are in it; PostgreSQL's server is not, on either side) — steadier than wall on a shared machine.
- APScheduler's real tick (`tick_speedup_apscheduler_process_jobs`, `tick_cpu_speedup_…`, `_full_…`, and `_pg`):
  the two comparisons above measured against APScheduler's own code path instead of our imitation of its
  bookkeeping: an `AsyncIOScheduler` with an `AsyncIOExecutor` on the bench's event loop (how a python-telegram-bot
  JobQueue builds it) and the same `SQLAlchemyJobStore` of N jobs, moved to real time (its `_process_jobs` asks
  `datetime.now`), 100 one-shot jobs (PTB's `run_once`: a DateTrigger) due 1 ms ago; timed from
  `scheduler.wakeup()` until every job's task has finished and the executor has dispatched its events:
  get_due_jobs, per job the executor look-up, `_get_run_times`, `submit_job` (a task on the loop), the submission
  event, the trigger's next fire time (none) and `remove_job` (a DELETE and a commit, and its event), then the
  store's next run time. Job function: a coroutine that only counts (against our delivery-only tick), or
  `deliver_reminder` (against ours with the message made). Best of `--repeats`; CPU the least, as above.
- morning tick (`morning_tick_speedup`): ours also plans the day first (the reminder ladder over
  every open task near its deadline, once a morning: what APScheduler does when a job is added or
  has run, computing its next_run_time); best of 5 too (the morning is undone between runs), at every
  size: a single run at the large sizes timed the first compilation of every statement (several ms each)
  against warm runs at 10k, and called that growth.
- Our ticks run on one long-lived event loop, as in the bot (python-telegram-bot's loop), not a
  fresh `asyncio.run` per tick (which would time the start of a loop and of its worker threads).
- PostgreSQL runs with its default durability (fsync, synchronous commits), as a production server
  does; the test suite's throwaway server turns both off for speed, which would hide what a commit
  costs — and a commit per fired job is the usual approach's price.
- tick growth: our tick, and our morning tick, with 100 due people among 10k and 1M stored tasks
  (bulk inserted; the mass is closed tasks plus open tasks not due that day, see --open-share),
  and the peak RSS of that process.
- the PostgreSQL EXPLAIN of the claim query (`claim_due`), with 100k digests of past days in the table.

speedup = their time ÷ our time (> 1: ours is faster)."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import functools
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event, insert, select, text, update  # noqa: E402

import scheduler.dispatcher as dispatcher  # noqa: E402
from scheduler.calendar import VN_TZ  # noqa: E402
from scheduler.clock import FakeClock  # noqa: E402
from scheduler.dispatcher import DigestView, send_due_digests  # noqa: E402
from scheduler.policy import ReminderPolicy  # noqa: E402
from storage.db import Database, counting_statements, upgrade  # noqa: E402
from storage.directory import bind_chat, import_directory, parse_directory_csv, person_by_handle  # noqa: E402
from storage.models import Digest, DigestState, Notice, NoticeStatus, Person, Role, Task, TaskStatus  # noqa: E402
from storage.notices import confirm_notice, create_draft  # noqa: E402
from storage.parsed import ParsedNotice, ParsedTask  # noqa: E402

PEOPLE = 100  # heads of units, one due task line each on the tick morning
REGISTER = 2_000  # reminders registered under the clock, the last ones into a store of N
CREATED = dt.datetime(2018, 2, 26, 9, 0, tzinfo=VN_TZ)  # when everything was registered
MORNING = dt.datetime(2018, 3, 12, 8, 0, tzinfo=VN_TZ)  # a Monday, the tick under test
TODAY = MORNING.date()
FAR = dt.date(2018, 6, 1)  # future deadlines start here: nothing of them is due on TODAY
CHUNK = 20_000


def directory_csv(people: int) -> bytes:
    return ("handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n"
            + "".join(f"head{i},Trưởng đơn vị {i},,Đơn vị {i},head\n" for i in range(people))).encode()


class InstantSender:
    """A channel that answers at once: the tick's own cost, without the network. `render`: it also makes the
    message a Telegram chat gets — the text and the item buttons (bot/conversation/status.py `digest_message`, what
    the bot's Telegram sender makes inside its `send_digest`) — as both sides' senders do for the full tick."""

    channel = "telegram"

    def __init__(self, *, render: bool = False) -> None:
        self.count = 0
        self.lines = 0
        self.chars = 0
        self.render: Callable[..., Any] | None = None
        if render:
            from bot.conversation.status import digest_message
            self.render = digest_message

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        self.count += 1
        self.lines += len(view.lines)
        if self.render is not None:
            self.chars += len(self.render(view, buttons=True).text)
        return str(self.count)


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def phase_timers() -> Iterator[dict[str, float]]:
    """Time spent in the dispatcher's steps during a tick (wrapping them; nothing else changes)."""
    spent: dict[str, float] = {}
    originals = {name: getattr(dispatcher, name) for name in ("_tick_start", "plan_digests", "_claim_batch", "_record")}

    def wrap(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return timed

    for name, fn in originals.items():
        setattr(dispatcher, name, wrap(name, fn))
    try:
        yield spent
    finally:
        for name, fn in originals.items():
            setattr(dispatcher, name, fn)


# ---------------------------------------------------------------- our side: the data

def setup_directory(db: Database, people: int = PEOPLE) -> tuple[Person, list[tuple[int, int]]]:
    """The admin and `people` heads, each bound to a Telegram chat; (person id, unit id) of each head."""
    db.call(import_directory, parse_directory_csv(directory_csv(people)), now=CREATED)
    for i in range(people):
        db.call(bind_chat, handle=f"head{i}", channel="telegram", chat_id=str(1000 + i))
    admin = db.call(person_by_handle, "admin")

    def heads(session: Any) -> list[tuple[int, int]]:
        rows = session.query(Person.id, Person.unit_id).filter(Person.role == Role.HEAD).order_by(Person.id).all()
        return [(r[0], r[1]) for r in rows]

    return admin, db.call(heads)


def bulk_tasks(db: Database, heads: list[tuple[int, int]], count: int, *, kind: str, start: int = 0) -> None:
    """`count` task rows by bulk insert, in confirmed notices of 100 tasks. kind: "due" (due TODAY, one per
    head), "future" (open, deadline after FAR), "closed" (done last year)."""
    per_notice = 100
    done_at = dt.datetime(2017, 6, 1, 9, 0, tzinfo=VN_TZ)
    made = 0
    while made < count:
        n = min(CHUNK, count - made)

        def write(session: Any, made: int = made, n: int = n) -> None:
            notices = (n + per_notice - 1) // per_notice
            ids = session.execute(insert(Notice).returning(Notice.id), [
                {"sha256": f"{kind}-{start + made + k * per_notice}", "source_name": "bench", "source_text": "bench",
                 "meta": {}, "status": NoticeStatus.CONFIRMED, "created_at": CREATED, "closed_at": CREATED,
                 "kind": "thông báo", "number": f"{start + made + k * per_notice}/TB-BENCH"}
                for k in range(notices)]).scalars().all()
            rows = []
            for j in range(n):
                i = start + made + j
                assignee, unit = heads[i % len(heads)]
                row: dict[str, Any] = {
                    "notice_id": ids[j // per_notice], "position": j % per_notice, "item_ref": str(i % 1000),
                    "text": f"Nhiệm vụ số {i}: báo cáo kết quả thực hiện", "lead_unit_names": [f"Đơn vị {i % 1000}"],
                    "lead_unit_id": unit, "support_unit_names": [], "assignee_id": assignee,
                    "created_at": CREATED, "updated_at": CREATED, "escalated": [], "status": TaskStatus.OPEN,
                    "due_on": None, "done_at": None, "percent": None}
                if kind == "due":
                    row["due_on"] = TODAY
                elif kind == "future":
                    row["due_on"] = FAR + dt.timedelta(days=i % 300)
                else:
                    row.update(due_on=dt.date(2017, 5, 1), status=TaskStatus.DONE, done_at=done_at, percent=100)
                rows.append(row)
            session.execute(insert(Task), rows)

        db.call(write)
        made += n


def bulk_history_digests(db: Database, heads: list[tuple[int, int]], count: int) -> None:
    """Sent digests of past days (what a running system accumulates): the claim query must skip them."""
    made = 0
    per_day = len(heads)
    while made < count:
        n = min(CHUNK, count - made)

        def write(session: Any, made: int = made, n: int = n) -> None:
            rows = []
            for j in range(n):
                i = made + j
                day = TODAY - dt.timedelta(days=1 + i // per_day)
                at = dt.datetime.combine(day, dt.time(8, 0), tzinfo=VN_TZ)
                rows.append({"person_id": heads[i % per_day][0], "day": day, "due_at": at, "items": [],
                             "state": DigestState.SENT, "attempts": 1, "claim_token": 1, "sent_at": at,
                             "channel": "telegram", "chat_id": "1", "message_id": str(i)})
            session.execute(insert(Digest), rows)

        db.call(write)
        made += n


def analyze(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def reset_morning(db: Database) -> None:
    """Undo the tick under test (its digests and run), so it can be timed again."""
    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM digests WHERE day = :d"), {"d": TODAY})
        conn.execute(text("DELETE FROM digest_runs WHERE day = :d"), {"d": TODAY})


def requeue_digests(db: Database) -> None:
    """Put this morning's digests back to pending (a delivery-only tick: already planned)."""
    def write(session: Any) -> None:
        session.execute(update(Digest).where(Digest.day == TODAY).values(
            state=DigestState.PENDING, claimed_by=None, claimed_until=None, sent_at=None, attempts=0))
    db.call(write)


# The bot's ticks run on one long-lived event loop (python-telegram-bot's), whose worker threads (database
# calls go through asyncio.to_thread) are already started: so do ours here. A fresh `asyncio.run` per tick
# would time a new loop and the start of new threads, which no tick in production pays.
_LOOP = asyncio.new_event_loop()
# …and the bot builds its reminder policy once (`bot.context`, `base_policy`) and passes it to every tick: a new
# policy per tick would time building its holiday table (the corrected calendar is cached per policy).
_POLICY = ReminderPolicy()


def our_tick(db: Database, *, render: bool = False) -> dict[str, Any]:
    sender = InstantSender(render=render)
    with phase_timers() as spent, counting_statements(db) as counts:
        start, cpu = time.perf_counter(), time.process_time()
        result = _LOOP.run_until_complete(send_due_digests(db, {"telegram": sender}, clock=FakeClock(MORNING),
                                                           policy=_POLICY, worker="bench"))
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"s": elapsed, "cpu_s": cpu, "sent": len(result.sent), "lines": sender.lines, "planned": result.planned,
            **{f"{k}_s": round(v, 4) for k, v in spent.items()}, **counts}


def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run with the least wall time, with the least CPU time of all the runs beside it (`cpu_min_s`: the
    CPU ratios, steadier than wall on a shared machine)."""
    return {**min(runs, key=lambda r: r["s"]), "cpu_min_s": min(r["cpu_s"] for r in runs)}


def ours(url: str, stored: int, register: int, *, closed_share: float = 0.0, explain: bool = False,
         closed_only: bool = False, repeats: int = 5) -> dict[str, Any]:
    """Our side for one database: register, then time the morning tick with 100 due among `stored` tasks."""
    upgrade(url)
    db = Database(url)
    out: dict[str, Any] = {"side": "ours", "db": db.dialect, "stored": stored}
    admin, heads = setup_directory(db)
    filler = stored - register - PEOPLE
    closed = int(filler * closed_share)
    t = time.perf_counter()
    bulk_tasks(db, heads, closed, kind="closed")
    bulk_tasks(db, heads, filler - closed, kind="future", start=closed)
    bulk_tasks(db, heads, PEOPLE, kind="due")
    bulk_history_digests(db, heads, stored // 10)
    out["fill_s"] = round(time.perf_counter() - t, 2)
    if register:
        tasks = tuple(ParsedTask(ref=str(i), text=f"Nhiệm vụ đăng ký {i}", lead=(f"Đơn vị {i % PEOPLE}",),
                                 due=FAR + dt.timedelta(days=i % 300)) for i in range(register))
        draft = db.call(create_draft, ParsedNotice(tasks=tasks), source_text=f"bench {stored}", source_name="",
                        by=admin, now=CREATED)
        with counting_statements(db) as counts:
            t, cpu = time.perf_counter(), time.process_time()
            registered = db.call(confirm_notice, draft.notice_id, by=admin, now=CREATED)
            out["register_s"] = time.perf_counter() - t
            out["register_cpu_s"] = time.process_time() - cpu
        out["register_statements"] = counts["statements"]
        assert registered.task_count == register and not registered.unassigned, registered
    analyze(db)
    runs = []
    for k in range(repeats):  # best of `repeats` (the first also compiles and caches the statements)
        if k:
            reset_morning(db)
        runs.append(our_tick(db))
    tick = best(runs)
    assert tick["sent"] == PEOPLE and tick["lines"] == PEOPLE, tick
    out["tick"] = tick
    runs = []
    for _ in range(repeats):
        requeue_digests(db)
        runs.append(our_tick(db))
    out["delivery_tick"] = best(runs)
    assert out["delivery_tick"]["sent"] == PEOPLE
    runs = []
    for _ in range(repeats):  # the same, its sender making each message's text (for the full tick's comparison)
        requeue_digests(db)
        runs.append(our_tick(db, render=True))
    out["delivery_tick_rendered"] = best(runs)
    assert out["delivery_tick_rendered"]["sent"] == PEOPLE
    if closed_only:  # the same mass, but every task not due today closed: only the 100 due stay open
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE tasks SET status = 'done' WHERE status = 'open' AND due_on <> :d"), {"d": TODAY})
        analyze(db)
        reset_morning(db)
        out["closed_only_tick"] = our_tick(db)
        assert out["closed_only_tick"]["sent"] == PEOPLE
    if explain and db.dialect == "postgresql":
        out["explain"] = explain_claim(db)
    out["rss_mb"] = round(peak_rss_mb(), 1)
    db.dispose()
    return out


def explain_claim(db: Database) -> str:
    """EXPLAIN of the exact statement `claim_due` sends (captured, then rolled back)."""
    requeue_digests(db)
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE DIGESTS"):
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.sessions() as session:
            dispatcher.claim_due(session, now=MORNING, worker="explain", limit=100, lease=dt.timedelta(minutes=5))
            session.rollback()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    statement, parameters = captured[0]
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters).all()
        conn.rollback()
    return "\n".join(r[0] for r in rows)


# ---------------------------------------------------------------- their side: APScheduler 3

def remind(chat_id: int, task_id: int) -> None:
    """The job function of the bookkeeping-only tick (never run there: only stored and loaded)."""


# What a python-telegram-bot job callback has at hand (its `context.bot_data`): the application's database
# (one engine, one session factory) and the bot to send with. Set by `theirs` before the full ticks.
_THEIR_DB: Database | None = None
_THEIR_SENDER: InstantSender | None = None


async def deliver_reminder(person_id: int, items: list[dict[str, Any]]) -> None:
    """The job function of the full tick: what a JobQueue callback does for one reminder. In its own session
    (one per job), it reads what the message says — the task with its assignee and unit, its notice's title,
    the person with their chat and whether they ever replied — and builds the same digest as our tick with
    the same code (`_prepare_rows` on a one-row batch: three column selects, our tick's reads, by primary
    key; cheaper than loading ORM objects and their relations lazily, as a plain callback would), then sends
    it through the same instant sender. The job carries the line our planning wrote for the person (its
    `items`), as a job's data carries what was decided when it was scheduled."""
    assert _THEIR_DB is not None and _THEIR_SENDER is not None
    row = dispatcher._Claimed(id=0, claim_token=0, person_id=person_id, day=TODAY, items=items, attempts=0,
                              due_at=MORNING)
    with _THEIR_DB.sessions() as session:  # read only: closed without a commit
        prepared = dispatcher._prepare_rows(session, [row])[0]
    assert prepared.view is not None and prepared.chat_id is not None
    await _THEIR_SENDER.send_digest(prepared.chat_id, dispatcher._with_break_ahead(prepared.view, _POLICY.calendar))


def theirs(url: str, stored: int, register: int, repeats: int = 5, *, full: bool = True) -> dict[str, Any]:
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.util import datetime_to_utc_timestamp, obj_to_ref

    db = Database(url)  # one engine for the job store and the callbacks, with our settings (SQLite: WAL)
    engine = db.engine
    store = SQLAlchemyJobStore(engine=engine)
    sched = BackgroundScheduler(jobstores={"default": store}, timezone=dt.UTC)
    sched.start(paused=True)  # jobs go to the store at once; nothing runs
    out: dict[str, Any] = {"side": "theirs", "db": engine.dialect.name, "stored": stored}
    now = MORNING.astimezone(dt.UTC)
    template = sched.add_job(remind, "date", run_date=now + dt.timedelta(days=400), args=[0, 0], id="template")
    state = template.__getstate__()

    def rows(first: int, n: int, due: bool) -> list[dict[str, Any]]:
        out_rows = []
        for i in range(first, first + n):
            when = now - dt.timedelta(minutes=1) if due else now + dt.timedelta(days=80 + i % 300)
            job = {**state, "id": f"r{i}", "args": (1000 + i % PEOPLE, i), "next_run_time": when}
            out_rows.append({"id": f"r{i}", "next_run_time": datetime_to_utc_timestamp(when),
                             "job_state": pickle.dumps(job, store.pickle_protocol)})
        return out_rows

    filler = stored - register - PEOPLE
    t = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(store.jobs_t.delete().where(store.jobs_t.c.id == "template"))
        for first in range(0, filler, CHUNK):
            conn.execute(store.jobs_t.insert(), rows(first, min(CHUNK, filler - first), due=False))
        conn.execute(store.jobs_t.insert(), rows(filler, PEOPLE, due=True))
    out["fill_s"] = round(time.perf_counter() - t, 2)
    base = filler + PEOPLE
    t, cpu = time.perf_counter(), time.process_time()
    for i in range(register):
        sched.add_job(remind, "date", run_date=now + dt.timedelta(days=80 + i % 300), args=[1000 + i % PEOPLE, i],
                      id=f"r{base + i}")
    out["register_s"] = time.perf_counter() - t
    out["register_cpu_s"] = time.process_time() - cpu
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    runs = []
    due_ids = [f"r{i}" for i in range(filler, filler + PEOPLE)]
    for _ in range(repeats):
        with engine.begin() as conn:  # put the 100 back to due (the previous run moved them on)
            conn.execute(store.jobs_t.update().where(store.jobs_t.c.id.in_(due_ids))
                         .values(next_run_time=datetime_to_utc_timestamp(now - dt.timedelta(minutes=1))))
        t, cpu = time.perf_counter(), time.process_time()
        due = store.get_due_jobs(now)
        for job in due:  # what the scheduler does after running a job that fires again
            job._modify(next_run_time=now + dt.timedelta(days=1))
            store.update_job(job)
        runs.append({"s": time.perf_counter() - t, "cpu_s": time.process_time() - cpu, "due": len(due)})
    tick = best(runs)
    assert tick["due"] == PEOPLE, tick
    out["tick"] = tick
    out["rss_mb"] = round(peak_rss_mb(), 1)  # (the bookkeeping side's, before the project's tables are filled)
    if full:
        out["full_tick"] = their_full_tick(db, store, state, due_ids, stored, repeats,
                                           due_at=datetime_to_utc_timestamp(now - dt.timedelta(minutes=1)),
                                           func=obj_to_ref(deliver_reminder))
    # (Detached first: BackgroundScheduler's thread runs `_process_jobs` once more as it stops — with the real clock,
    # to which every job of 2018 is due.)
    sched.remove_jobstore("default")
    sched.shutdown(wait=False)
    if full:  # APScheduler's own tick, on the same 100k jobs (and, for its full variant, the same project tables)
        out.update(their_process_jobs(db, state, due_ids, repeats))
    db.dispose()
    return out


def planned_lines(db: Database) -> list[tuple[int, list[dict[str, Any]]]]:
    """(person id, items) of each digest our planning wrote for TODAY: what each of their 100 full jobs carries."""
    def planned(session: Any) -> list[tuple[int, list[dict[str, Any]]]]:
        return [(r[0], r[1]) for r in session.execute(select(Digest.person_id, Digest.items)
                                                      .where(Digest.day == TODAY).order_by(Digest.due_at, Digest.id))]

    lines = db.call(planned)
    assert len(lines) == PEOPLE and all(len(items) == 1 for _, items in lines), lines[:3]
    return lines


def their_full_tick(db: Database, store: Any, state: dict[str, Any], due_ids: list[str], stored: int, repeats: int,
                    *, due_at: float, func: str) -> dict[str, Any]:
    """Their tick with its callbacks run: the 100 due jobs now call `deliver_reminder` (read, render, send) before
    `update_job`, against the project's tables filled as ours are (`stored` tasks, 100 due today)."""
    global _THEIR_DB, _THEIR_SENDER
    upgrade(db.url)
    _, heads = setup_directory(db)
    bulk_tasks(db, heads, stored - PEOPLE, kind="future")
    bulk_tasks(db, heads, PEOPLE, kind="due")
    db.call(dispatcher.plan_digests, policy=_POLICY, today=TODAY, now=MORNING)  # what each job's line says
    lines = planned_lines(db)
    now = MORNING.astimezone(dt.UTC)
    with db.engine.begin() as conn:
        for job_id, (person_id, items) in zip(due_ids, lines, strict=True):
            job = {**state, "id": job_id, "func": func, "args": (person_id, items), "next_run_time": now}
            conn.execute(store.jobs_t.update().where(store.jobs_t.c.id == job_id)
                         .values(job_state=pickle.dumps(job, store.pickle_protocol)))
        conn.execute(text("ANALYZE"))

    async def tick() -> int:
        due = store.get_due_jobs(now)
        for job in due:  # the executor runs the callback; the scheduler then moves the job on
            await job.func(*job.args, **job.kwargs)
            job._modify(next_run_time=now + dt.timedelta(days=1))
            store.update_job(job)
        return len(due)

    _THEIR_DB = db
    runs = []
    for _ in range(repeats):
        with db.engine.begin() as conn:  # the 100 due again
            conn.execute(store.jobs_t.update().where(store.jobs_t.c.id.in_(due_ids)).values(next_run_time=due_at))
        _THEIR_SENDER = sender = InstantSender(render=True)
        with counting_statements(db) as counts:
            t, cpu = time.perf_counter(), time.process_time()
            due = _LOOP.run_until_complete(tick())
            runs.append({"s": time.perf_counter() - t, "cpu_s": time.process_time() - cpu, "due": due,
                         "sent": sender.count, "lines": sender.lines, **counts})
    tick_run = best(runs)
    assert tick_run["due"] == tick_run["sent"] == tick_run["lines"] == PEOPLE, tick_run
    return tick_run


_FIRED = 0


async def remind_async(chat_id: int, task_id: int) -> None:
    """The job function of APScheduler's real tick in its bare form: a coroutine, as a python-telegram-bot
    JobQueue callback is (PTB schedules `JobQueue.job_callback`, a coroutine), that only counts that it ran."""
    global _FIRED
    _FIRED += 1


def their_process_jobs(db: Database, state: dict[str, Any], due_ids: list[str], repeats: int) -> dict[str, Any]:
    """APScheduler 3's real tick: `AsyncIOScheduler.wakeup()` — `_process_jobs` (get_due_jobs, per due job the
    executor look-up, `_get_run_times`, `AsyncIOExecutor.submit_job` (a task on the loop per job), the submission
    event, the trigger's next fire time, and for a one-shot job (PTB's `run_once`: a DateTrigger) `remove_job`
    (a DELETE and a commit each, and its event); then the store's next run time) and the timer — with the 100 due
    jobs among the store's 100k, then until every job's task has finished and the executor has dispatched its
    events. As PTB builds it: an AsyncIOScheduler with an AsyncIOExecutor on the application's loop (ours is
    `_LOOP`), UTC, the default job settings (misfire grace 1 s, coalesce, one instance). `_process_jobs` asks the
    real clock (`datetime.now`), so the store is moved to real time first: every stored job keeps its distance
    from the bench's morning (the fillers 80-380 days ahead) and the 100 are put back, due 1 ms ago, before each
    run (outside the timing). Two variants, each the best of `repeats`: `process_jobs` (the job function is
    `remind_async`: nothing) and `process_jobs_full` (the job function is `deliver_reminder`: read, build, send
    with the message made — their full tick's callback; the project's tables are already filled by it)."""
    global _THEIR_DB, _THEIR_SENDER, _FIRED
    from apscheduler.executors.asyncio import AsyncIOExecutor
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from apscheduler.schedulers.asyncio import AsyncIOScheduler
    from apscheduler.triggers.date import DateTrigger
    from apscheduler.util import datetime_to_utc_timestamp, obj_to_ref

    store = SQLAlchemyJobStore(engine=db.engine)
    executor = AsyncIOExecutor()
    sched = AsyncIOScheduler(jobstores={"default": store}, executors={"default": executor}, timezone=dt.UTC,
                             event_loop=_LOOP)
    shift = time.time() - MORNING.timestamp()
    with db.engine.begin() as conn:
        conn.execute(store.jobs_t.delete().where(store.jobs_t.c.id.in_(due_ids)))
        conn.execute(store.jobs_t.update().values(next_run_time=store.jobs_t.c.next_run_time + shift))
    sched.start()
    _LOOP.run_until_complete(asyncio.sleep(0.05))  # its first wake-up: nothing due, the timer set 80 days ahead
    lines = planned_lines(db)

    def arm(func: str, full: bool) -> None:
        due = dt.datetime.now(dt.UTC) - dt.timedelta(milliseconds=1)
        rows = []
        for i, (job_id, (person_id, items)) in enumerate(zip(due_ids, lines, strict=True)):
            args = (person_id, items) if full else (1000 + i, i)
            job = {**state, "id": job_id, "func": func, "args": args, "trigger": DateTrigger(due, dt.UTC),
                   "next_run_time": due}
            rows.append({"id": job_id, "next_run_time": datetime_to_utc_timestamp(due),
                         "job_state": pickle.dumps(job, store.pickle_protocol)})
        with db.engine.begin() as conn:
            conn.execute(store.jobs_t.delete().where(store.jobs_t.c.id.in_(due_ids)))
            conn.execute(store.jobs_t.insert(), rows)

    async def tick() -> None:
        sched.wakeup()  # what its timer calls when the first job is due
        await asyncio.sleep(0)  # (wakeup is queued on the loop: `call_soon_threadsafe`)
        while executor._pending_futures:
            await asyncio.gather(*list(executor._pending_futures))

    out: dict[str, Any] = {}
    _THEIR_DB = db
    for name, func, full in (("process_jobs", obj_to_ref(remind_async), False),
                             ("process_jobs_full", obj_to_ref(deliver_reminder), True)):
        runs = []
        for _ in range(repeats):
            arm(func, full)
            _FIRED = 0
            _THEIR_SENDER = sender = InstantSender(render=True)
            with counting_statements(db) as counts:
                t, cpu = time.perf_counter(), time.process_time()
                _LOOP.run_until_complete(tick())
                runs.append({"s": time.perf_counter() - t, "cpu_s": time.process_time() - cpu,
                             "ran": sender.count if full else _FIRED, "lines": sender.lines, **counts})
            with db.engine.connect() as conn:
                runs[-1]["left"] = conn.execute(select(store.jobs_t.c.id).where(store.jobs_t.c.id.in_(due_ids))
                                                ).all().__len__()
        out[name] = best(runs)
        assert out[name]["ran"] == PEOPLE and out[name]["left"] == 0, out[name]  # all run (none missed), all removed
    sched.shutdown(wait=False)
    _LOOP.run_until_complete(asyncio.sleep(0))
    return out


# ---------------------------------------------------------------- orchestration

def child(argv: list[Any]) -> dict[str, Any]:
    """Run one scenario in a fresh process; its JSON answer."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(argv)], capture_output=True, text=True,
                          timeout=900)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise RuntimeError(f"scenario {argv} failed")
    answer: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    answer["wall_s"] = round(time.perf_counter() - start, 1)
    return answer


def run_child(spec: list[Any]) -> None:
    kind, url, stored, register, *rest = spec
    opts = rest[0] if rest else {}
    result = ours(url, stored, register, **opts) if kind == "ours" else theirs(url, stored, register, **opts)
    print(json.dumps(result, default=str))


def start_postgres() -> tuple[Any, str | None]:
    try:
        from tests.pg import PgServer, find_pg_bin
    except ImportError as exc:
        return None, f"tests.pg is not importable ({exc})"
    if find_pg_bin() is None:
        return None, "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    try:
        return PgServer.start(durable=True), None  # PostgreSQL's own defaults: commits are flushed, as in production
    except Exception as exc:  # noqa: BLE001 - any failure to start means: skip PostgreSQL, say why
        return None, f"PostgreSQL did not start ({exc})"


def their_cpu(results: dict[str, dict[str, Any]], tick: str) -> float:
    """Their least CPU time of a tick's runs (`best`)."""
    return float(results["theirs"][tick]["cpu_min_s"])


def process_jobs_keys(res: dict[str, dict[str, Any]], key: str, suffix: str) -> str:
    """The keys against APScheduler's real tick (`their_process_jobs`): our delivery-only tick against their
    `_process_jobs` with jobs doing nothing, and ours with the message made against theirs with each job reading,
    building and sending it; wall (best run) and least CPU."""
    theirs, ours = res["theirs"], res["ours"]
    pj, pf, d, r = theirs["process_jobs"], theirs["process_jobs_full"], ours["delivery_tick"], \
        ours["delivery_tick_rendered"]
    return (f" tick_speedup_{key}_apscheduler_process_jobs{suffix}={pj['s'] / d['s']:.3f}"
            f" tick_cpu_speedup_{key}_apscheduler_process_jobs{suffix}={pj['cpu_min_s'] / d['cpu_min_s']:.3f}"
            f" tick_speedup_full_{key}_apscheduler_process_jobs{suffix}={pf['s'] / r['s']:.3f}"
            f" tick_cpu_speedup_full_{key}_apscheduler_process_jobs{suffix}={pf['cpu_min_s'] / r['cpu_min_s']:.3f}")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child")
    ap.add_argument("--quick", action="store_true", help="small sizes, to check the script itself")
    ap.add_argument("--big", type=int, default=1_000_000, help="stored tasks for the growth measurement")
    ap.add_argument("--only", choices=["tick"], help="tick: only the largest size's ticks, no growth")
    ap.add_argument("--repeats", type=int, default=5, help="runs of each tick (the best is kept)")
    ap.add_argument("--open-share", type=float, default=0.1,
                    help="share of the growth mass that is open tasks not due that day (the rest is closed)")
    args = ap.parse_args()
    if args.child:
        run_child(json.loads(args.child))
        return
    sizes: tuple[int, ...] = (2_000, 5_000) if args.quick else (10_000, 100_000)
    only_tick = args.only == "tick"
    if only_tick:
        sizes = sizes[-1:]
    register = 1_000 if args.quick else REGISTER
    big = 20_000 if args.quick else args.big
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    pg, why = start_postgres()
    if pg is None:
        print(f"PostgreSQL skipped: {why}")
    names = iter(range(1, 1000))

    def url_for(backend: str) -> str:
        n = next(names)
        return f"sqlite:///{tmp}/s{n}.db" if backend == "sqlite" else pg.create_database(f"bench{os.getpid()}_{n}")

    backends = ["sqlite"] + (["postgresql"] if pg is not None else [])
    results: dict[tuple[str, int], dict[str, dict[str, Any]]] = {}
    try:
        for backend in backends:
            for stored in sizes:
                r = min(register, stored - PEOPLE)
                mine = child(["ours", url_for(backend), stored, r,
                              {"explain": backend == "postgresql" and stored == sizes[-1] and not only_tick,
                               "repeats": args.repeats}])
                other = child(["theirs", url_for(backend), stored, r, {"repeats": args.repeats}])
                results[(backend, stored)] = {"ours": mine, "theirs": other}
                o, t = mine["tick"], other["tick"]
                print(f"{backend:10} {stored:>7} stored | register {r}: ours {mine['register_s']:.2f}s "
                      f"({mine['register_statements']} statements) theirs {other['register_s']:.2f}s "
                      f"→ speedup {other['register_s'] / mine['register_s']:.2f} (CPU: ours "
                      f"{mine['register_cpu_s']:.2f}s theirs {other['register_cpu_s']:.2f}s → "
                      f"{other['register_cpu_s'] / mine['register_cpu_s']:.2f})")
                print(f"{'':10} {'':7}        | tick 100 due: ours {ms(o['s'])} "
                      f"(start {ms(o.get('_tick_start_s', 0))}, plan {ms(o.get('plan_digests_s', 0))}, "
                      f"claim+prepare {ms(o.get('_claim_batch_s', 0))}, "
                      f"record {ms(o.get('_record_s', 0))}; {o['statements']} statements, {o['commits']} commits) "
                      f"theirs {ms(t['s'])} → speedup {t['s'] / o['s']:.2f} (CPU: ours {ms(o['cpu_s'])} "
                      f"theirs {ms(t['cpu_s'])})")
                d = mine["delivery_tick"]
                print(f"{'':10} {'':7}        | delivery-only tick (already planned): ours {ms(d['s'])} "
                      f"({d['statements']} statements, {d['commits']} commits; CPU {ms(d['cpu_s'])}, least "
                      f"{ms(d['cpu_min_s'])}) → speedup {t['s'] / d['s']:.2f} (least CPU: theirs "
                      f"{ms(t['cpu_min_s'])} → {t['cpu_min_s'] / d['cpu_min_s']:.2f}); "
                      f"RSS ours {mine['rss_mb']:.0f} MB theirs {other['rss_mb']:.0f} MB; "
                      f"wall {mine['wall_s'] + other['wall_s']:.0f}s", flush=True)
                f, r = other["full_tick"], mine["delivery_tick_rendered"]
                print(f"{'':10} {'':7}        | full tick, each sender making the message text: theirs (callbacks "
                      f"read, build, send) {ms(f['s'])} ({f['statements']} statements, {f['commits']} commits; "
                      f"CPU {ms(f['cpu_s'])}) ours {ms(r['s'])} (CPU {ms(r['cpu_s'])}) → speedup {f['s'] / r['s']:.2f} "
                      f"(CPU {f['cpu_s'] / r['cpu_s']:.2f}; least CPU {ms(f['cpu_min_s'])} and {ms(r['cpu_min_s'])} "
                      f"→ {f['cpu_min_s'] / r['cpu_min_s']:.2f})", flush=True)
                pj, pf = other["process_jobs"], other["process_jobs_full"]
                print(f"{'':10} {'':7}        | APScheduler's real tick (AsyncIOScheduler.wakeup → _process_jobs, "
                      f"AsyncIOExecutor, one-shot jobs removed): job doing nothing {ms(pj['s'])} "
                      f"({pj['statements']} statements, {pj['commits']} commits; least CPU {ms(pj['cpu_min_s'])}) → "
                      f"speedup {pj['s'] / d['s']:.2f} (least CPU {pj['cpu_min_s'] / d['cpu_min_s']:.2f}); "
                      f"job reading, building, sending {ms(pf['s'])} ({pf['statements']} statements; least CPU "
                      f"{ms(pf['cpu_min_s'])}) → speedup {pf['s'] / r['s']:.2f} "
                      f"(least CPU {pf['cpu_min_s'] / r['cpu_min_s']:.2f})", flush=True)
                if "explain" in mine:
                    print("PostgreSQL EXPLAIN of the claim query (claim_due), "
                          f"{stored // 10} past digests in the table:")
                    print("    " + mine["explain"].replace("\n", "\n    "), flush=True)
        if not only_tick:
            growth_backend = "sqlite"
            opts = {"closed_share": 1 - args.open_share, "closed_only": True}
            small = child(["ours", url_for(growth_backend), sizes[0], 0, opts])
            large = child(["ours", url_for(growth_backend), big, 0, opts])
            growth = large["tick"]["s"] / small["tick"]["s"]
            cgrowth = large["closed_only_tick"]["s"] / small["closed_only_tick"]["s"]
            dgrowth = large["delivery_tick"]["s"] / small["delivery_tick"]["s"]
            label = f"{big // 1_000_000}m" if big % 1_000_000 == 0 else f"{big // 1000}k"
            for name, res in (("small", small), ("large", large)):
                tk = res["tick"]
                print(f"growth {name}: {res['stored']} stored ({args.open_share:.0%} open, not due; the rest "
                      f"closed) on {growth_backend}: morning tick {ms(tk['s'])} (plan "
                      f"{ms(tk.get('plan_digests_s', 0))}), delivery-only {ms(res['delivery_tick']['s'])}, "
                      f"fill {res['fill_s']}s, RSS {res['rss_mb']:.0f} MB; "
                      f"with every task not due today closed: morning tick {ms(res['closed_only_tick']['s'])} "
                      f"(plan {ms(res['closed_only_tick'].get('plan_digests_s', 0))})")
            print(f"tick growth {sizes[0] // 1000}k → {label}: morning tick ×{growth:.2f} "
                  f"({args.open_share:.0%} open), ×{cgrowth:.2f} (only the 100 due open), delivery-only ×{dgrowth:.2f}")
    finally:
        if pg is not None:
            pg.stop()
    top = sizes[-1]
    key = f"{top // 1000}k"
    sq = results[("sqlite", top)]
    their_tick = sq["theirs"]["tick"]["s"]
    dtick = sq["ours"]["delivery_tick"]
    # "tick" is what APScheduler's tick is: 100 reminders already due, claimed, read to render, sent, marked.
    # Ours also plans the day's reminders once a morning (APScheduler computes next_run_time when a job is
    # added or has run): that first tick is "morning_tick", printed beside it.
    line = (f"RESULT tick_speedup_{key}={their_tick / dtick['s']:.3f} register_speedup_{key}="
            f"{sq['theirs']['register_s'] / sq['ours']['register_s']:.3f}")
    if not only_tick:
        grow = f"{sizes[0] // 1000}k_to_{label}"
        line += (f" tick_growth_{grow}={dgrowth:.2f} rss_mb_{label}={large['rss_mb']:.0f}"
                 f" morning_tick_speedup_{key}={their_tick / sq['ours']['tick']['s']:.3f}"
                 f" morning_tick_growth_{grow}={growth:.2f} morning_tick_growth_closed_{grow}={cgrowth:.2f}")
    line += (f" statements_per_100={dtick['statements']} commits_per_100={dtick['commits']}"
             f" tick_speedup_full_{key}="
             f"{sq['theirs']['full_tick']['s'] / sq['ours']['delivery_tick_rendered']['s']:.3f}"
             f" tick_cpu_speedup_{key}={their_cpu(sq, 'tick') / dtick['cpu_min_s']:.3f}"
             f" tick_cpu_speedup_full_{key}="
             f"{their_cpu(sq, 'full_tick') / sq['ours']['delivery_tick_rendered']['cpu_min_s']:.3f}")
    line += process_jobs_keys(sq, key, "")
    if ("postgresql", top) in results:
        pq = results[("postgresql", top)]
        their_pg = pq["theirs"]["tick"]["s"]
        line += f" tick_speedup_{key}_pg={their_pg / pq['ours']['delivery_tick']['s']:.3f}"
        if not only_tick:
            line += f" morning_tick_speedup_{key}_pg={their_pg / pq['ours']['tick']['s']:.3f}"
        line += (f" register_speedup_{key}_pg={pq['theirs']['register_s'] / pq['ours']['register_s']:.3f}"
                 f" tick_speedup_full_{key}_pg="
                 f"{pq['theirs']['full_tick']['s'] / pq['ours']['delivery_tick_rendered']['s']:.3f}"
                 f" tick_cpu_speedup_{key}_pg={their_cpu(pq, 'tick') / pq['ours']['delivery_tick']['cpu_min_s']:.3f}"
                 f" tick_cpu_speedup_full_{key}_pg="
                 f"{their_cpu(pq, 'full_tick') / pq['ours']['delivery_tick_rendered']['cpu_min_s']:.3f}")
        line += process_jobs_keys(pq, key, "_pg")
    print(f"total wall time {time.perf_counter() - started:.0f}s")
    print(line)


if __name__ == "__main__":
    main()
