"""A reply refused by flood control, across workers (issue 9): the held rows are claimed with a fencing token (a worker
that stalled past the lease neither sends nor marks a row another worker took), a refused reply's chart and workbook
are kept and sent after the ban in order, and the next reply to that chat from any worker goes after the held one (the
person's row says one may wait). Through the real python-telegram-bot and the Bot API sandbox (`flood_chat`), with
two `Conversation` instances on one database (two processes), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import select

from bot.app import make_conversation
from bot.channels.telegram import KEY
from bot.conversation.core import Conversation
from bot.conversation.events import Channel, Part
from bot.conversation.held import send_held
from bot.sandbox.harness import Harness
from storage.held import HELD_LEASE, claim_held, finish_held, hold_refused, renew_held
from storage.models import HeldMessage, Person
from tests.bot.conversation_setup import count, started, texts_to
from tests.conftest import local

ANSWER_BDV = "Nhiệm vụ đồng chí Lê Văn Dân đang phụ trách"


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def another_worker(h: Harness) -> Conversation:
    """A second process on the same database and the same bot: nothing of the first one's memory."""
    assert h.db is not None and h.conversation is not None
    other = make_conversation(h.settings, db=h.db, clock=h.clock)
    other.channels = dict(h.conversation.channels)
    return other


def answering(h: Harness, conv: Conversation) -> None:
    """From now on the updates are handled by `conv` (the proxy sends them to that worker)."""
    assert h.app is not None
    h.app.bot_data[KEY] = conv


def unsent(h: Harness) -> int:
    return count(h, HeldMessage, HeldMessage.sent_at.is_(None))


def marked(h: Harness) -> int:
    return count(h, Person, Person.replies_held.is_(True))


class StalledChannel:
    """The real channel, except that the worker using it stalls once after its message to `chat_id` went out (a
    slow network answer, a paused process) until the test lets it go on."""

    def __init__(self, inner: Channel, chat_id: str) -> None:
        self.inner, self.chat_id = inner, chat_id
        self.name, self.capabilities = inner.name, inner.capabilities
        self.stalled, self.go_on = asyncio.Event(), asyncio.Event()

    async def send_part(self, chat_id: str, part: Part) -> str:
        sent = await self.inner.send_part(chat_id, part)
        if chat_id == self.chat_id and not self.go_on.is_set():
            self.stalled.set()
            await self.go_on.wait()
        return sent

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def test_a_worker_stalled_past_the_lease_does_not_send_the_row_another_took(harness: Harness) -> None:
    """Two answers refused (30 s bans), to head_stnmt and head_bdv. After the bans worker A's pass claims them and
    stalls for 6 minutes (past the 5-minute lease) after head_stnmt's first message; meanwhile head_bdv writes to
    worker B, which sends head_bdv's held answer first (the lease was over) and then its reply. When A goes on, it
    learns that row is no longer its own and does not send it: each answer arrives once, head_bdv's before B's
    reply."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    for handle in ("head_stnmt", "head_bdv"):
        h.state.flood_chat(h.handles[handle], 30)
    start = len(h.sent)
    await h.say("head_stnmt", "/viec")
    await h.say("head_bdv", "/viec")
    assert texts_to(h, "head_stnmt", start) == texts_to(h, "head_bdv", start) == []
    assert unsent(h) == 3  # (head_stnmt's answer is two messages: the tasks led, the tasks supported)
    worker_a, worker_b = another_worker(h), another_worker(h)
    stalled = StalledChannel(h.conversation.channels["telegram"], str(h.handles["head_stnmt"]))  # type: ignore[union-attr]
    worker_a.channels["telegram"] = stalled  # type: ignore[assignment]
    h.clock.set(now + dt.timedelta(seconds=31))
    pass_a = asyncio.create_task(send_held(worker_a, refused_only=True))  # (the tick's first pass)
    await asyncio.wait_for(stalled.stalled.wait(), 30)
    h.clock.set(now + dt.timedelta(seconds=31) + HELD_LEASE + dt.timedelta(minutes=1))
    answering(h, worker_b)
    await h.say("head_bdv", "1 xong")
    stalled.go_on.set()
    await asyncio.wait_for(pass_a, 30)
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 2 and said[0].startswith(ANSWER_BDV) and said[1].startswith("Đã cập nhật: mục 1"), said
    assert len(texts_to(h, "head_stnmt", start)) == 2
    await h.tick()
    h.clock.set(h.clock.now() + dt.timedelta(minutes=10))
    await h.tick()
    assert len(texts_to(h, "head_bdv", start)) == 2 and len(texts_to(h, "head_stnmt", start)) == 2, "sent twice"
    assert unsent(h) == 0 and marked(h) == 0


async def test_a_claim_taken_over_is_neither_renewed_nor_finished_by_the_late_worker(harness: Harness) -> None:
    """The fencing itself: A claims, its lease runs out, B claims the same row; A's renewal finds nothing of its own
    and A's outcome is not written (B's is)."""
    h = harness
    assert h.db is not None
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    await h.say("head_bdv", "/viec")
    later = now + dt.timedelta(seconds=31)
    mine = await h.db.run(claim_held, now=later, refused_only=True)
    assert len(mine) == 1
    theirs = await h.db.run(claim_held, now=later + HELD_LEASE + dt.timedelta(seconds=1), refused_only=True)
    assert [t.id for t in theirs] == [mine[0].id] and theirs[0].token != mine[0].token
    assert await h.db.run(renew_held, mine, now=later + HELD_LEASE + dt.timedelta(seconds=2)) == set()
    assert not await h.db.run(finish_held, mine[0], now=later, done=True)
    assert unsent(h) == 1, "the late worker's outcome was written"
    assert await h.db.run(finish_held, theirs[0], now=later, done=True)
    assert unsent(h) == 0


async def test_a_refused_reports_chart_and_workbook_are_sent_after_the_ban_in_order(harness: Harness) -> None:
    """/tonghop's text goes out, its chart is refused (a 30 s ban): the chart and the workbook are kept and the
    first tick after the ban sends them, in that order, once."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    start = len(h.sent)
    await h.say("admin", "/tonghop")
    whole = [(s.text, s.document) for s in h.sent[start:] if s.to == "admin"]
    assert len(whole) == 3 and whole[1][1] and whole[1][1].endswith(".png") and whole[2][1] \
        and whole[2][1].endswith(".xlsx"), whole
    h.clock.set(now + dt.timedelta(minutes=31))  # (past the half hour a report unchanged is said in one line)
    start = len(h.sent)
    h.state.flood_chat(h.handles["admin"], 30, after=1)
    await h.say("admin", "/tonghop")
    assert [s.document for s in h.sent[start:] if s.to == "admin"] == [None]
    h.clock.set(now + dt.timedelta(minutes=31, seconds=31))
    await h.tick()
    again = [(s.text, s.document) for s in h.sent[start:] if s.to == "admin"]
    assert [d for _, d in again] == [d for _, d in whole], again
    assert [t for t, _ in again[1:]] == [t for t, _ in whole[1:]], "the captions"
    h.clock.set(now + dt.timedelta(minutes=40))
    await h.tick()
    assert len([s for s in h.sent[start:] if s.to == "admin"]) == 3 and unsent(h) == 0
    assert count(h, HeldMessage, HeldMessage.file_data.is_not(None)) == 0, "the bytes kept once sent"


async def test_another_workers_reply_goes_after_the_answer_still_held(harness: Harness) -> None:
    """/viec refused (30 s ban) on one worker; "1 xong" typed in the ban and "2 xong" after it but before any tick
    are handled by another worker, which keeps nothing in memory: the answers arrive in the order asked, each once,
    and once none waits the person's row no longer says one may."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    assert marked(h) == 1
    answering(h, another_worker(h))
    h.clock.set(now + dt.timedelta(seconds=10))
    await h.say("head_bdv", "1 xong")
    assert texts_to(h, "head_bdv", start) == [] and unsent(h) == 2
    answering(h, another_worker(h))
    h.clock.set(now + dt.timedelta(seconds=31))
    await h.say("head_bdv", "2 xong")
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 3 and said[0].startswith(ANSWER_BDV), said
    assert said[1].startswith("Đã cập nhật: mục 1") and said[2].startswith("Đã cập nhật: mục 2"), said
    assert unsent(h) == 0 and marked(h) == 0
    await h.tick()
    assert len(texts_to(h, "head_bdv", start)) == 3



HELD_AGAIN = "Câu trả lời thứ hai, bị từ chối trong lúc câu trả lời đầu đang được gửi"


async def test_a_refusal_written_while_another_worker_clears_the_mark_keeps_it(harness: Harness) -> None:
    """Worker X sends head_bdv's held answer and clears the mark (none of the person's refused replies waits, as far
    as X's statement sees) while worker Y, in a transaction not yet committed, keeps another refused reply to the
    same chat. On PostgreSQL (READ COMMITTED) X's check did not see Y's row, so the mark was cleared with Y's reply
    still waiting, and a third worker's next reply to head_bdv went before it. X now waits for Y's lock on the
    person's row and checks after Y commits: the mark stays and the replies arrive in order. (SQLite has one writer
    at a time: there Y commits before X writes.)"""
    h = harness
    assert h.db is not None
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    assert marked(h) == 1 and unsent(h) == 1
    later = now + dt.timedelta(seconds=31)
    [first] = await h.db.run(claim_held, now=later, refused_only=True)  # worker X's pass has the answer …
    chat = str(h.handles["head_bdv"])
    written, go_on = threading.Event(), threading.Event()

    def worker_y(session: Any) -> None:  # … while Y's reply to head_bdv is refused (a new 30 s ban)
        hold_refused(session, channel="telegram", chat_id=chat, parts=[(HELD_AGAIN, [], None)], remember=None,
                     now=later, retry_at=later + dt.timedelta(seconds=30))
        session.flush()
        written.set()
        go_on.wait(30)

    def worker_x() -> None:  # X sent the answer: it finishes the row, and clears the mark if none waits
        assert h.db is not None
        assert h.db.call(finish_held, first, now=later, done=True)

    sqlite = h.db.engine.dialect.name == "sqlite"
    y = threading.Thread(target=h.db.call, args=(worker_y,))
    x = threading.Thread(target=worker_x)
    y.start()
    assert written.wait(30)
    if sqlite:
        go_on.set()
        y.join(30)
    x.start()
    x.join(1)  # (on PostgreSQL X now waits for Y's lock; on m27 it cleared the mark at once)
    go_on.set()
    y.join(30)
    x.join(30)
    assert unsent(h) == 1 and marked(h) == 1, "the mark was cleared while a refused reply still waits"
    answering(h, another_worker(h))  # a third worker, which has seen neither refusal
    h.clock.set(later + dt.timedelta(seconds=31))
    await h.say("head_bdv", "1 xong")
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 2 and said[0] == HELD_AGAIN and said[1].startswith("Đã cập nhật: mục 1"), said
    assert unsent(h) == 0 and marked(h) == 0


async def test_a_held_answer_in_flight_when_its_worker_stalls_past_the_lease_is_not_sent_again(
        harness: Harness) -> None:
    """Worker A's pass sends head_stnmt's first refused message and stalls before writing that it went out (past the
    lease). Worker B's pass, after the lease, sends what A had not begun — head_stnmt's second message and head_bdv's
    answer — but not the first one, whose request may have reached Telegram (it was marked going out just before):
    every message arrives once, each chat's in order; A, back, writes its outcome and sends nothing B took."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    for handle in ("head_stnmt", "head_bdv"):
        h.state.flood_chat(h.handles[handle], 30)
    start = len(h.sent)
    await h.say("head_stnmt", "/viec")
    await h.say("head_bdv", "/viec")
    assert unsent(h) == 3  # (head_stnmt's answer is two messages)
    worker_a, worker_b = another_worker(h), another_worker(h)
    stalled = StalledChannel(h.conversation.channels["telegram"], str(h.handles["head_stnmt"]))  # type: ignore[union-attr]
    worker_a.channels["telegram"] = stalled  # type: ignore[assignment]
    h.clock.set(now + dt.timedelta(seconds=31))
    pass_a = asyncio.create_task(send_held(worker_a, refused_only=True))
    await asyncio.wait_for(stalled.stalled.wait(), 30)
    first = texts_to(h, "head_stnmt", start)
    assert len(first) == 1
    h.clock.set(now + dt.timedelta(seconds=31) + HELD_LEASE + dt.timedelta(minutes=1))
    assert await send_held(worker_b, refused_only=True) == 2
    stalled.go_on.set()
    assert await asyncio.wait_for(pass_a, 30) == 1
    stnmt, bdv = texts_to(h, "head_stnmt", start), texts_to(h, "head_bdv", start)
    assert len(stnmt) == 2 and stnmt[0] == first[0] and stnmt[1] != first[0], stnmt
    assert len(bdv) == 1 and bdv[0].startswith(ANSWER_BDV), bdv
    assert unsent(h) == 0 and marked(h) == 0
    h.clock.set(h.clock.now() + dt.timedelta(minutes=10))
    await h.tick()
    assert texts_to(h, "head_stnmt", start) == stnmt and texts_to(h, "head_bdv", start) == bdv, "sent twice"


async def a_held_answer_left_marked_by_a_dead_worker(h: Harness) -> tuple[int, int, int]:
    """Worker A's pass sends head_bdv's refused answer (flood control) and dies before writing that it went out; once
    A's lease has run out the admin's /loi lists it. (The held row's id, where head_bdv's messages start in
    `h.sent`, where the admin's /loi answer starts.)"""
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    assert unsent(h) == 1
    [row_id] = await h.db.run(lambda s: list(s.scalars(select(HeldMessage.id))))  # type: ignore[union-attr]
    worker_a = another_worker(h)
    stalled = StalledChannel(h.conversation.channels["telegram"], str(h.handles["head_bdv"]))  # type: ignore[union-attr]
    worker_a.channels["telegram"] = stalled  # type: ignore[assignment]
    h.clock.set(now + dt.timedelta(seconds=31))
    pass_a = asyncio.create_task(send_held(worker_a, refused_only=True))
    await asyncio.wait_for(stalled.stalled.wait(), 30)
    pass_a.cancel()  # worker A dies
    with contextlib.suppress(asyncio.CancelledError):
        await pass_a
    assert len(texts_to(h, "head_bdv", start)) == 1
    h.clock.set(now + dt.timedelta(seconds=31) + HELD_LEASE / 2)
    told = len(h.sent)
    await h.say("admin", "/loi")  # (A's lease still runs: it may yet write the outcome)
    assert f"T{row_id}" not in texts_to(h, "admin", told)[0]
    h.clock.set(now + dt.timedelta(seconds=31) + HELD_LEASE + dt.timedelta(minutes=1))
    await h.tick()
    assert len(texts_to(h, "head_bdv", start)) == 1  # not sent again by itself
    told = len(h.sent)
    await h.say("admin", "/loi")
    [answer] = texts_to(h, "admin", told)
    assert f"Số T{row_id} — 27/02/2018 — đ/c Lê Văn Dân: “{ANSWER_BDV}" in answer, answer
    assert "chưa rõ đã đến hay chưa" in answer and f"/loi gui T{row_id}" in answer, answer
    return row_id, start, told


async def test_a_held_answer_left_marked_by_a_dead_worker_is_listed_in_loi_and_resent_on_the_admins_word(
        harness: Harness) -> None:
    """Worker A's pass sends head_bdv's refused answer and dies before writing that it went out. The row is never
    sent again by itself; once A's lease has run out the admin's /loi lists it (number "T…", the person, its text)
    — the person's answer is not lost silently —, and "/loi gui T…" sends it once more. On m27 it was only logged
    and deleted weeks later."""
    h = harness
    row_id, start, told = await a_held_answer_left_marked_by_a_dead_worker(h)
    await h.say("admin", f"/loi gui T{row_id}")
    assert texts_to(h, "admin", told)[-1] == f"Tin nhắn số T{row_id} sẽ được gửi lại trong ít phút."
    await h.tick()
    bdv = texts_to(h, "head_bdv", start)
    assert len(bdv) == 2 and bdv[1] == bdv[0] and bdv[0].startswith(ANSWER_BDV), bdv
    assert unsent(h) == 0 and marked(h) == 0
    told = len(h.sent)
    await h.say("admin", "/loi")
    assert f"T{row_id}" not in texts_to(h, "admin", told)[0]
    await h.say("admin", f"/loi gui T{row_id}")  # (sent: nothing waits)
    assert "Không có tin nhắn số" in texts_to(h, "admin", told)[-1]


async def test_a_held_answer_left_marked_by_a_dead_worker_is_settled_on_the_admins_word(harness: Harness) -> None:
    """The same stalled answer, but the admin checked with head_bdv that it did arrive: "/loi xong T…" records it
    sent — gone from /loi, never sent again, the person's mark cleared so their next reply is not held behind it."""
    h = harness
    row_id, start, told = await a_held_answer_left_marked_by_a_dead_worker(h)
    assert f"/loi xong T{row_id}" in texts_to(h, "admin", told)[-1]
    await h.say("admin", f"/loi xong T{row_id}")
    assert texts_to(h, "admin", told)[-1] == (f"Đã ghi nhận tin nhắn số T{row_id} đã đến người nhận; tin này sẽ "
                                              "không được gửi lại.")
    assert unsent(h) == 0 and marked(h) == 0
    h.clock.set(h.clock.now() + dt.timedelta(minutes=10))
    await h.tick()
    assert len(texts_to(h, "head_bdv", start)) == 1, "settled: never sent again"
    told = len(h.sent)
    await h.say("admin", "/loi")
    assert f"T{row_id}" not in texts_to(h, "admin", told)[0]
    await h.say("admin", f"/loi xong T{row_id}")
    assert "Không có tin nhắn số" in texts_to(h, "admin", told)[-1]


def test_migration_0030_stamped_back_runs_again_and_goes_down_and_up(db_url: str) -> None:
    from alembic import command

    from storage.db import _alembic_config, current_revision, upgrade
    upgrade(db_url)
    command.stamp(_alembic_config(db_url), "0029")
    upgrade(db_url)  # (the column is there already: nothing to add)
    command.downgrade(_alembic_config(db_url), "0029")
    upgrade(db_url)
    assert current_revision(db_url) == "0030"
