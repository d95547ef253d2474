"""A digest in flight when its worker stalls past the lease is not sent again by another worker (issue 9,
exactly-once as far as Telegram allows). A row is marked `sending` before its request may go out (the first rows in
the claim's transaction, the next ones in each group's outcome write); another worker never claims a `sending` row,
`/loi` shows one whose lease ran out as unknown, and the stalled worker, once back, still writes its outcome. Through
the real python-telegram-bot and the Bot API sandbox, two workers on one database, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from bot.conversation.core import senders
from scheduler.dispatcher import DigestView, Sender, send_due_digests
from storage.digests import STALLED_ERROR, problem_digests
from storage.models import Digest, DigestState
from tests.bot.conversation_setup import started, texts_to
from tests.conftest import local

LEASE = dt.timedelta(minutes=5)


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


class StalledSender:
    """The real sender, except that its first digest's request reaches the sandbox (the person has it) and then the
    worker stalls (a network answer that never comes back in time, a paused process) until the test lets it go on."""

    def __init__(self, inner: Sender) -> None:
        self.inner = inner
        self.channel, self.max_per_second = inner.channel, inner.max_per_second
        self.stalled, self.go_on = asyncio.Event(), asyncio.Event()

    async def send_digest(self, chat_id: str, view: DigestView) -> str:
        sent = await self.inner.send_digest(chat_id, view)
        if not self.stalled.is_set():
            self.stalled.set()
            await self.go_on.wait()
        return sent

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def digests_to(h: Any, since: int) -> Counter[str]:
    """The morning's digests each person received (a digest opens with the greeting to its reader)."""
    return Counter(s.to for s in h.sent[since:] if (s.text or "").startswith("Kính gửi"))


async def test_a_digest_in_flight_when_its_worker_stalls_past_the_lease_is_not_sent_again(harness: Any) -> None:
    h = harness
    assert h.db is not None and h.conversation is not None
    ctx = h.conversation.ctx
    morning = local(2018, 3, 14, 8, 0)  # (the day before the first deadline: a digest)
    h.clock.set(morning)
    start = len(h.sent)
    stalled = StalledSender(senders(h.conversation)["telegram"])
    worker_a = asyncio.create_task(send_due_digests(ctx.db, {"telegram": stalled}, clock=ctx.clock,
                                                    policy=ctx.base_policy, worker="a", lease=LEASE))
    await asyncio.wait_for(stalled.stalled.wait(), 30)
    planned = await h.db.run(lambda s: len(s.scalars(select(Digest.id)).all()))
    assert planned >= 1
    h.clock.set(morning + LEASE + dt.timedelta(minutes=1))  # worker A's lease has run out
    unknown = await h.db.run(problem_digests, since=morning.date(), now=h.clock.now())
    assert unknown and {str(p.state) for p in unknown} == {DigestState.UNKNOWN}, unknown
    told = len(h.sent)
    await h.say("admin", "/loi")  # the admin sees it as a digest whose delivery is unknown
    [answer] = [s.text or "" for s in h.sent[told:] if s.to == "admin"]
    assert "chưa rõ đã đến hay chưa" in answer and STALLED_ERROR in answer, answer
    await h.tick()  # worker B: finds nothing it may send
    stalled.go_on.set()
    result = await asyncio.wait_for(worker_a, 30)
    received = digests_to(h, start)
    assert len(received) == planned and set(received.values()) == {1}, received  # each once, none lost
    assert len(result.sent) == planned and not result.lost, result
    states = await h.db.run(lambda s: Counter(s.scalars(select(Digest.state)).all()))
    assert states == {DigestState.SENT: planned}, states  # the stalled worker, once back, wrote its outcomes
    assert not await h.db.run(problem_digests, since=morning.date(), now=h.clock.now())
    h.clock.set(h.clock.now() + dt.timedelta(minutes=10))
    await h.tick()
    assert digests_to(h, start) == received, "sent twice"


async def test_the_admin_is_told_once_in_the_next_digest_that_messages_may_not_have_gone_out(harness: Any) -> None:
    """Worker A's first digest reaches the sandbox, then A dies: the rows it had marked `sending` may or may not
    have gone out. Not only an admin who types /loi learns it: the next morning's digest of each admin says how
    many (once: the morning after, not again). On m27 the admin was never told."""
    h = harness
    assert h.db is not None and h.conversation is not None
    ctx = h.conversation.ctx
    morning = local(2018, 3, 14, 8, 0)
    h.clock.set(morning)
    stalled = StalledSender(senders(h.conversation)["telegram"])
    worker_a = asyncio.create_task(send_due_digests(ctx.db, {"telegram": stalled}, clock=ctx.clock,
                                                    policy=ctx.base_policy, worker="a", lease=LEASE))
    await asyncio.wait_for(stalled.stalled.wait(), 30)
    worker_a.cancel()  # worker A dies
    with contextlib.suppress(asyncio.CancelledError):
        await worker_a
    h.clock.set(morning + LEASE + dt.timedelta(minutes=1))
    unknown = len(await h.db.run(problem_digests, since=morning.date(), now=h.clock.now()))
    assert unknown >= 1
    start = len(h.sent)
    h.clock.set(local(2018, 3, 15, 8, 0))
    await h.tick()
    told = [t for t in texts_to(h, "admin", start) if "TIN CHƯA RÕ ĐÃ ĐẾN HAY CHƯA" in t]
    assert len(told) == 1 and f"({unknown})" in told[0] and f"có thể {unknown} tin nhắn chưa đến" in told[0], told
    start = len(h.sent)
    h.clock.set(local(2018, 3, 16, 8, 0))
    await h.tick()
    assert not [t for t in texts_to(h, "admin", start) if "TIN CHƯA RÕ" in t], "told once"
