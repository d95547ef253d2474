"""The morning's digests through the real bot and the Telegram sandbox (Telegram's limits enforced) on
simulated time that passes only while every task waits (VirtualTimeLoop + LoopClock): ten people with a
four-part digest each are sent to side by side, so their one-message-a-second waits overlap — on
FakeClock every wait moved the one shared instant and the ten chats took eleven seconds."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

from bot.sandbox.harness import Harness
from scheduler.clock import LoopClock, VirtualTimeLoop
from storage.directory import person_by_handle
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import local

PEOPLE, TASKS = 10, 100
MORNING = local(2026, 12, 1, 8, 0)  # a Tuesday, a working day
PART = re.compile(r"^\((\d+)/(\d+)\) ")


def directory() -> bytes:
    return ("handle,full_name,title,unit,role\nadmin,Quản trị,,Văn phòng,admin\n"
            + "".join(f"head{i},Trưởng đơn vị {i},,Đơn vị {i},head\n" for i in range(PEOPLE))).encode()


def tasks() -> tuple[ParsedTask, ...]:
    return tuple(ParsedTask(ref=f"{i}.{k + 1}", lead=(f"Đơn vị {i}",), due=MORNING.date(),
                            text=f"Đơn vị {i} chủ trì, phối hợp các sở, ngành liên quan rà soát, tổng hợp và báo "
                                 f"cáo kết quả thực hiện nhiệm vụ số {k + 1} trong kế hoạch năm")
                 for i in range(PEOPLE) for k in range(TASKS))


async def morning(db_url: str) -> list[tuple[float, str, str]]:
    """(simulated seconds after 08:00, to whom, text) of every message the bot sent that morning."""
    eve = MORNING - dt.timedelta(hours=12)
    h = Harness(db_url=db_url, clock=LoopClock(eve))
    await h.start(directory_csv=directory(), enroll_all=True)
    try:
        assert h.db is not None
        admin = await h.db.run(person_by_handle, "admin")
        draft = await h.db.run(create_draft, ParsedNotice(kind="THÔNG BÁO", tasks=tasks()), source_text="bench",
                               source_name="", by=admin, now=eve)
        await h.db.run(confirm_notice, draft.notice_id, by=admin, now=eve)
        first = len(h.sent)
        await h.advance_to(MORNING + dt.timedelta(minutes=5))
        return [((s.at - MORNING).total_seconds(), s.to, s.text or "") for s in h.sent[first:]]
    finally:
        await h.stop()


def test_ten_four_part_digests_go_side_by_side_and_their_waits_overlap(tmp_path: Path) -> None:
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        sent = runner.run(morning(f"sqlite:///{tmp_path}/v.db"))
    by_chat: dict[str, list[tuple[float, str]]] = {}
    for at, to, text in sent:
        by_chat.setdefault(to, []).append((at, text))
    assert sorted(by_chat) == [f"head{i}" for i in range(PEOPLE)]
    for to, messages in by_chat.items():
        parts = [PART.match(text) for _, text in messages]
        assert [(int(m[1]), int(m[2])) if m else None for m in parts] == [(n, 4) for n in range(1, 5)], to
        times = [at for at, _ in messages]
        assert times == sorted(times) and times[3] - times[0] >= 1.0, f"{to}: a second past the burst of three"
    assert min(at for at, _, _ in sent) >= 0
    assert max(msgs[0][0] for msgs in by_chat.values()) < 1.0, "every chat started within the first second"
    # 40 messages at 30/s, each chat's fourth part a second after its third: about 2 s (it was 11 s on
    # FakeClock, where each chat's 1 s wait moved everyone's clock); a worker's first group after start-up goes at
    # half the rate until it reads who else sends (session 28: two workers starting at the burst overshot), ≈ 3 s
    assert max(at for at, _, _ in sent) <= 3.5
