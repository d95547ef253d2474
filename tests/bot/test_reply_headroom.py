"""Headroom for the people who talk to the bot during the morning burst: the dispatcher paces its digests below
the channel's overall rate (NHACVIEC_REPLY_RESERVE messages/s kept free), so a handler's reply — `/viec` typed in
the middle of a thousand reminders going out — meets no 429 and never waits on flood control, while the
reminders still all arrive, once each, in order per person. Replies also take the digests' next sending slot
(dispatcher `give_way`), so people writing faster than the reserve slow the digests rather than spend the
channel's burst: at 2 and at 6 replies a second (twice and six times the default reserve of 1/s) none is refused either.

The run goes through the real python-telegram-bot and the Bot API sandbox, which enforces Telegram's limits
(30 messages/s overall, with a burst of 30; 1 a second in a chat, with a burst of 3) on a virtual-time event
loop (scheduler/clock.py VirtualTimeLoop): time passes only while every task waits, so the dispatcher's pacing,
the askers' pauses and any flood-control wait are measured in simulated seconds, never in real ones. Without
the reserve the digests alone use the whole 30/s: each reply takes a token the burst never gives back, and once
the sandbox's burst is spent replies (and digests) are refused with 429; with the reserve and without `give_way`,
replies above the reserve drain the burst the same way, only slower."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.sandbox.harness import Harness
from bot.sandbox.server import SandboxError
from scheduler.clock import LoopClock, VirtualTimeLoop
from scheduler.dispatcher import next_due_at
from storage.directory import person_by_handle
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import local

LIGHT = 900  # people with one task: a burst of 900 one-message digests (30 s at 30/s)
HEAVY = 4  # people whose digest comes in several parts (their order is checked)
HEAVY_TASKS = 60
ASKERS = 9  # people with one task who may type /viec throughout the burst, in turn
MORNING = local(2018, 2, 27, 8, 0)
DUE = dt.date(2018, 3, 2)
MAX_TICKS = 2_000

PART = re.compile(r"^\((\d+)/(\d+)\) ")
ITEM = re.compile(r"^(?:\(\d+/\d+\) )?• Mục ([^\s:]+)", re.MULTILINE)


def loads() -> dict[str, int]:
    out = {f"heavy{i}": HEAVY_TASKS for i in range(HEAVY)}
    out |= {f"light{i}": 1 for i in range(LIGHT)}
    out |= {f"ask{i}": 1 for i in range(ASKERS)}
    return out


def directory_csv() -> bytes:
    rows = ["handle,full_name,title,unit,role", "admin,Quản Trị Viên,,Văn phòng,admin"]
    rows += [f"{who},Trưởng {who},,Đơn vị {who},head" for who in loads()]
    return ("\n".join(rows) + "\n").encode()


def register_tasks(session: Any, now: dt.datetime) -> None:
    tasks = [ParsedTask(ref=f"{who}.{k + 1}", lead=(f"Đơn vị {who}",), due=DUE,
                        text=f"Đơn vị {who} rà soát, tổng hợp và báo cáo kết quả thực hiện nhiệm vụ số {k + 1} "
                             f"của kế hoạch chuyển đổi số năm 2018, gửi Văn phòng trước hạn")
             for who, count in loads().items() for k in range(count)]
    admin = person_by_handle(session, "admin")
    draft = create_draft(session, ParsedNotice(kind="THÔNG BÁO", number="9/TB-VP", tasks=tuple(tasks)),
                         source_text="headroom", source_name="", by=admin, now=now)
    confirm_notice(session, draft.notice_id, by=admin, now=now)


@dataclass
class Asked:
    who: str
    answered_after_s: float  # simulated seconds from typing /viec to the handler's end
    answers: int  # messages of the answer that list the asker's task
    refused: list[int]  # the Bot API's error codes on the reply's own requests


@dataclass
class Run:
    asked: list[Asked] = field(default_factory=list)
    texts: dict[str, list[str]] = field(default_factory=dict)  # digests per person, in arrival order
    digest_429s: int = 0
    ticks: int = 0
    burst_s: float = 0.0


async def morning(db_url: str, ask_every_s: float, askers_used: int) -> Run:
    """`askers_used` of the askers type /viec in turn, one every `ask_every_s` simulated seconds (each chat within
    its one message a second, its own digest included)."""
    h = Harness(db_url=db_url, clock=LoopClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=directory_csv(), enroll_all=True)
    run = Run()
    try:
        assert h.db is not None
        await h.db.run(register_tasks, h.clock.now())
        askers = [f"ask{i}" for i in range(askers_used)]
        replying: set[asyncio.Task[Any] | None] = set()  # the asker's task while its /viec is being handled
        refused: dict[asyncio.Task[Any] | None, list[int]] = {}
        original: Callable[[str, dict[str, Any]], Awaitable[Any]] = h.state.call

        async def call(method: str, params: dict[str, Any]) -> Any:  # the sandbox's answers, by who asked
            try:
                return await original(method, params)
            except SandboxError as exc:
                me = asyncio.current_task()
                if me in replying:
                    refused.setdefault(me, []).append(exc.code)
                elif exc.code == 429:
                    run.digest_429s += 1
                raise

        h.state.call = call  # type: ignore[method-assign]
        answer_ids: set[tuple[int, int]] = set()
        done = asyncio.Event()

        async def ask_throughout() -> None:
            me = asyncio.current_task()
            while not done.is_set():
                await asyncio.sleep(ask_every_s)
                who = askers[len(run.asked) % askers_used]
                uid = h.handles[who]
                seen, asked_at = len(h.state.bot_messages(uid)), h.clock.now()
                replying.add(me)
                refused[me] = []
                try:
                    await h.deliver(h.state.user_text(uid, "/viec"))
                finally:
                    replying.discard(me)
                answers = [m for m in h.state.bot_messages(uid)[seen:] if "Nhắc việc thứ" not in (m.text or "")]
                answer_ids.update((uid, m.message_id) for m in answers)
                run.asked.append(Asked(who=who, answered_after_s=(h.clock.now() - asked_at).total_seconds(),
                                       answers=sum(f"{who}.1" in (m.text or "") for m in answers),
                                       refused=refused[me]))

        h.clock.set(MORNING)
        asker = asyncio.create_task(ask_throughout())
        try:
            while run.ticks < MAX_TICKS:
                run.ticks += 1
                result = await h.tick()
                if result.retry_after:
                    await h.clock.sleep(result.retry_after)
                    continue
                due = await h.db.run(next_due_at)
                if due is None:
                    break
                step = max(due, h.clock.now())
                if step == h.clock.now() and not (result.sent or result.failed):
                    step += dt.timedelta(seconds=1)
                await h.clock.sleep((step - h.clock.now()).total_seconds())
        finally:
            run.burst_s = (h.clock.now() - MORNING).total_seconds()
            done.set()
            await asker
        run.texts = {who: [m.text for m in h.state.bot_messages(h.handles[who])
                           if m.text and (h.handles[who], m.message_id) not in answer_ids] for who in loads()}
        return run
    finally:
        await h.stop()


@pytest.mark.parametrize(("ask_every_s", "askers_used"), [(0.47, 3), (1 / 6, 9)], ids=["2_a_second", "6_a_second"])
def test_viec_during_the_morning_burst_meets_no_flood_control(tmp_path: Path, ask_every_s: float,
                                                              askers_used: int) -> None:
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        run = runner.run(morning(f"sqlite:///{tmp_path}/nhacviec.db", ask_every_s, askers_used))
    assert run.ticks < MAX_TICKS and run.burst_s < 120, (run.ticks, run.burst_s)
    # every answer there, none refused, none waiting on flood control, asked throughout the burst
    refused = [a for a in run.asked if a.refused]
    assert not refused, f"{len(refused)} of {len(run.asked)} replies refused: {refused[:3]}"
    slow = [a for a in run.asked if a.answers != 1 or a.answered_after_s > 0]
    assert not slow, f"{len(slow)} of {len(run.asked)} answered late or not at all: {slow[:3]}"
    assert len(run.asked) >= 0.8 * run.burst_s / ask_every_s, (len(run.asked), run.burst_s)
    assert run.digest_429s == 0, "the digests keep under the limit too"
    # the reminders: every line once, each person's parts in order
    for who, count in loads().items():
        texts = run.texts[who]
        assert not [t for t, n in Counter(texts).items() if n > 1], f"{who}: a digest sent twice"
        lines = [ref for text in texts for ref in ITEM.findall(text)]
        assert sorted(lines) == sorted(f"{who}.{k + 1}" for k in range(count)), who
        numbers = [(int(m.group(1)), int(m.group(2))) for t in texts if (m := PART.match(t))]
        if count > 1:
            assert numbers and numbers == [(i, numbers[0][1]) for i in range(1, numbers[0][1] + 1)], (who, numbers)
