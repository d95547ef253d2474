"""`/loi xong N`: an admin who checked with the person that a message whose delivery is unknown did arrive records it
delivered — it leaves the /loi list and is never sent again (`/loi gui N` is the other answer: it did not arrive).
Through the real python-telegram-bot and the Bot API sandbox, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import select

from storage.models import AuditLog, Digest, DigestState
from tests.bot.conversation_setup import started, texts_to
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def digests_to(h: Any, since: int) -> Counter[str]:
    return Counter(s.to for s in h.sent[since:] if (s.text or "").startswith("Kính gửi"))


async def admin_says(h: Any, text: str) -> str:
    told = len(h.sent)
    await h.say("admin", text)
    [answer] = texts_to(h, "admin", told)
    return answer


async def test_a_digest_whose_delivery_is_unknown_is_settled_as_delivered_and_never_sent_again(harness: Any) -> None:
    h = harness
    morning = local(2018, 3, 14, 8, 0)  # (the day before item 1's deadline: a digest to its holder)
    h.clock.set(morning)
    h.state.time_out_next("sendMessage", delivered=True)  # the request reached Telegram, the answer never came
    start = len(h.sent)
    await h.tick()
    unknown = await h.db.run(lambda s: list(s.scalars(select(Digest).where(Digest.state == DigestState.UNKNOWN))))
    assert len(unknown) == 1, unknown
    digest_id = unknown[0].id
    received = digests_to(h, start)
    listing = await admin_says(h, "/loi")
    assert f"Số {digest_id} — 14/03/2018" in listing and "chưa rõ đã đến hay chưa" in listing, listing
    assert "/loi xong <số>" in listing and "/loi gui <số>" in listing, listing

    assert await admin_says(h, "/loi xong") == ("Đồng chí gõ kèm số của tin trong danh sách /loi, ví dụ: "
                                                "“/loi xong 12” (tin nhắc việc) hoặc “/loi xong T3” (tin nhắn khác).")
    assert await admin_says(h, f"/loi đã đến {digest_id}") == (
        f"Đã ghi nhận tin nhắc việc số {digest_id} đã đến người nhận; tin này sẽ không được gửi lại.")
    row = await h.db.run(lambda s: s.get(Digest, digest_id))
    assert row.state == DigestState.SENT and row.sent_at is not None, row
    assert await h.db.run(lambda s: s.scalar(select(AuditLog.action).where(AuditLog.entity == "digest",
                                                                              AuditLog.entity_id == digest_id)
                                                 .order_by(AuditLog.id.desc()).limit(1))) == "digest.settled"
    assert "mọi tin nhắc việc đều đã được gửi" in await admin_says(h, "/loi")
    h.clock.set(morning + dt.timedelta(hours=2))
    await h.tick()
    assert digests_to(h, start) == received, "settled: never sent again"
    assert await admin_says(h, f"/loi xong {digest_id}") == (
        f"Không có tin nhắc việc số {digest_id} đang chờ xử lý (gõ /loi để xem danh sách).")
    assert await admin_says(h, f"/loi gui {digest_id}") == (
        f"Không có tin nhắc việc số {digest_id} đang chờ xử lý (gõ /loi để xem danh sách).")


async def test_a_digest_that_failed_for_good_cannot_be_settled_and_the_admin_is_told_how_to_resend(
        harness: Any) -> None:
    h = harness
    h.clock.set(local(2018, 3, 14, 8, 0))
    h.state.fail_next("sendMessage", status=400)  # (a refusal for good: not retried)
    await h.tick()
    [failed] = await h.db.run(lambda s: list(s.scalars(select(Digest.id).where(Digest.state == DigestState.FAILED))))
    listing = await admin_says(h, "/loi")
    assert f"Số {failed} — 14/03/2018" in listing and "không gửi được" in listing, listing
    assert "/loi xong" not in listing, "only an unknown delivery can be settled"
    answer = await admin_says(h, f"/loi xong {failed}")
    assert answer == (f"Tin nhắc việc số {failed} đã gửi không thành công nên người nhận chưa có tin này; để gửi lại, "
                      f"đồng chí gõ /loi gui {failed}."), answer
    state = await h.db.run(lambda s: s.get(Digest, failed).state)
    assert state == DigestState.FAILED, "nothing written"


async def test_only_admins_settle(harness: Any) -> None:
    h = harness
    told = len(h.sent)
    await h.say("head_bdv", "/loi xong 1")
    assert "không có quyền" in texts_to(h, "head_bdv", told)[-1]
