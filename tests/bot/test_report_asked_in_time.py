"""A unit that asked for more time before its deadline, still undecided once the deadline passed, is not late: the
leader's decision is pending (probe 36, #5: the weekly summary listed it "Mới quá hạn", "đơn vị nào chậm?" named the
unit overdue, while the holder's own reminder said "CHỜ Ý KIẾN GIA HẠN"). Reports count it in progress and show it
apart; granted, the new deadline applies; refused, the deadline written stands and the task is overdue. Through the
sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot import texts
from bot.channels.telegram import conversation_of
from bot.conversation.reports import send_weekly_digest
from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.conftest import local

TNMT = "Sở Tài nguyên và Môi trường"
WAITS = (f"• {TNMT} — mục 4: chờ ý kiến gia hạn đến 30/04/2018 (đề nghị ngày 12/03, hạn 20/03/2018)")
LATE_4 = "quá hạn chưa hoàn thành: 1/1 nhiệm vụ có thời hạn — mục 4"


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    await h.advance_to(local(2018, 3, 12, 9, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")  # due Tue 20/03/2018: asked in time
    await h.advance_to(local(2018, 3, 22, 10, 0))  # the deadline passed, nobody decided
    yield h
    await h.stop()


async def answer(h: Harness, handle: str, text: str) -> str:
    start = len(h.sent)
    await h.say(handle, text)
    return h.sent[start].text or ""


async def test_a_request_sent_in_time_and_undecided_is_not_late(harness: Harness) -> None:
    h = harness
    late = await answer(h, "leader", "đơn vị nào chậm?")
    assert LATE_4 not in late and f"• {TNMT}:" not in late, late
    assert "Đề nghị gia hạn gửi trước hạn, đang chờ ý kiến (không tính là đơn vị chậm):\n" + WAITS in late, late

    summary = await answer(h, "leader", "/tonghop")
    assert "Trong đó đang chờ ý kiến gia hạn: 1 — mục 4 (đề nghị ngày 12/03 khi còn hạn, đến 30/04/2018 — chưa " \
        "tính quá hạn)" in summary, summary
    assert LATE_4 not in summary, summary

    assert h.app is not None
    start = len(h.sent)
    await send_weekly_digest(conversation_of(h.app))
    weekly = next(s.text or "" for s in h.sent[start:] if s.to == "leader")
    newly = weekly.split("2. Mới quá hạn trong tuần", 1)[1].split("3. Đề nghị gia hạn", 1)[0]
    assert "mục 4" not in newly.lower(), weekly
    assert "3. Đề nghị gia hạn chờ quyết định: 1." in weekly, weekly
    assert "thời hạn hiện tại: 20/03/2018; đề nghị gửi khi còn hạn, chưa tính quá hạn)" in weekly, weekly


@pytest.mark.parametrize(("button", "late_after"), [(texts.BUTTON_APPROVE, False), (texts.BUTTON_REJECT, True)])
async def test_once_decided_granted_runs_to_the_new_deadline_refused_is_late_from_the_old(
        harness: Harness, button: str, late_after: bool) -> None:
    h = harness
    await h.tap("leader", button, containing="mục 4")
    late = await answer(h, "leader", "đơn vị nào chậm?")
    assert WAITS not in late, late
    assert (LATE_4 in late) is late_after, late


@pytest.mark.parametrize(("channel", "closing"), [
    ("telegram", "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị, kèm biểu đồ và tệp Excel."),
    ("zalo", "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị."),
], ids=["telegram", "zalo"])
async def test_the_weekly_summary_speaks_of_files_as_the_leaders_channel_sends_them(
        db_url: str, channel: str, closing: str) -> None:
    """Probe 36, #11: the summary sent on Telegram said "(trên Telegram kèm tệp Excel)"; on Zalo, which sends no
    files, /tonghop gives the text only."""
    h = await started(db_url, channel)
    try:
        await h.advance_to(local(2018, 3, 22, 10, 0))  # mục 1 (15/03) overdue: something to report
        assert h.app is not None
        start = len(h.sent)
        await send_weekly_digest(conversation_of(h.app))
        weekly = next(s.text or "" for s in h.sent[start:] if s.to == "leader")
        assert weekly.splitlines()[-1] == closing, weekly
        assert "trên Telegram" not in weekly, weekly
    finally:
        await h.stop()
