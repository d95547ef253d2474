"""The morning a waiting extension request is recalled to those who decide it, its requester hears it once: when
their digest that morning lists the request as waiting ("CHỜ Ý KIẾN GIA HẠN"), that line says who was reminded, and
no separate "chưa có quyết định; Nhắc việc đã nhắc lại …" note follows it (session 20: two messages, one piece of
news). A request asked for after the deadline (its line on the weekly day) and one asked for in time (its line the
working day after the deadline) alike; on a morning without such a line the note still comes on its own. Through the
sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.conftest import local

RECALLED = "Đề nghị gia hạn chờ đồng chí quyết định"  # the decider's reminder, with its actions
IN_DIGEST = "ĐỀ NGHỊ GIA HẠN CHỜ ĐỒNG CHÍ QUYẾT ĐỊNH (1)"  # … in the digest the decider gets that morning (probe 24)
NOTE = "chưa có quyết định; Nhắc việc đã nhắc lại"  # the requester's separate note


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def said_on(h: Harness, handle: str, day: dt.date, since: int) -> list[str]:
    """Everything the bot sent `handle` on `day` (local time)."""
    tz = local(2018, 1, 1).tzinfo
    return [s.text or "" for s in h.sent[since:] if s.to == handle and s.at.astimezone(tz).date() == day]


async def test_a_request_after_the_deadline_is_told_its_requester_once(harness: Harness) -> None:
    """Asked late, before the leaders are told: Friday's line (the leaders told) says it waits; Monday, neither a
    weekly line (probe 27) nor a note of the recall to the head tells its requester again."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 4, 5, 10, 0))  # late; the head and the leaders have been told
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")  # recalled 2 working days on: Mon 09/04
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 9, 12, 0))
    monday = dt.date(2018, 4, 9)
    head = said_on(h, "head_bdv", monday, start)  # in the head's digest of that morning: one message (probe 24)
    assert len(head) == 1 and IN_DIGEST in head[0], head
    assert any("CHỜ Ý KIẾN GIA HẠN (1)" in t for t in said_on(h, "cadre_bdv", dt.date(2018, 4, 6), start))
    assert said_on(h, "cadre_bdv", monday, start) == []


async def test_a_request_in_time_recalled_the_day_after_the_deadline_is_one_message(harness: Harness) -> None:
    """Asked the day before the deadline: recalled two working days later, the morning its holder's digest first says
    the request waits."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 3, 29, 10, 0))
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")  # recalled Mon 02/04
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 2, 12, 0))
    monday = dt.date(2018, 4, 2)
    head = said_on(h, "head_bdv", monday, start)
    assert len(head) == 1 and IN_DIGEST in head[0], head
    own = said_on(h, "cadre_bdv", monday, start)
    assert len(own) == 1, own
    [digest] = own
    assert "CHỜ Ý KIẾN GIA HẠN (1)" in digest and "  hạn 30/03/2018 — đã đề nghị gia hạn đến 20/04/2018, đang chờ " \
        "đ/c Lê Văn Dân (trưởng đơn vị chủ trì) cho ý kiến\n  (Hôm nay Nhắc việc nhắc lại đề nghị này với đ/c Lê Văn " \
        "Dân.)" in digest, digest  # (the head who decides it named: probe 20, C2)


async def test_a_recall_before_the_deadline_is_not_told_its_requester(harness: Harness) -> None:
    """Asked well before the deadline: recalled the working day before it; its requester hears it waits once, the
    working day after the deadline, not also at the recall (probe 27)."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 3, 26, 10, 0))
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")  # recalled Thu 29/03: no line of theirs then
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 29, 12, 0))
    own = said_on(h, "cadre_bdv", dt.date(2018, 3, 29), start)
    assert not [t for t in own if NOTE in t or "CHỜ Ý KIẾN GIA HẠN" in t], own
    assert any(t.startswith(RECALLED) or IN_DIGEST in t for t in said_on(h, "head_bdv", dt.date(2018, 3, 29), start))


async def test_a_recall_the_day_after_an_escalation_day_line_is_not_a_note_of_its_own(harness: Harness) -> None:
    """Asked late on Monday 02/04: Tuesday's line (the head told) says the request waits; Wednesday's recall is not
    told its requester again (probe 20, P1); Friday, the leaders told, the line says so, no recall in it."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 4, 2, 10, 0))
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")  # recalled Wed 04/04
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 6, 12, 0))
    assert any("CHỜ Ý KIẾN GIA HẠN" in t for t in said_on(h, "cadre_bdv", dt.date(2018, 4, 3), start))
    assert said_on(h, "cadre_bdv", dt.date(2018, 4, 4), start) == []
    later = said_on(h, "cadre_bdv", dt.date(2018, 4, 6), start)
    assert len(later) == 1 and "Hôm nay Nhắc việc nhắc lại" not in later[0], later

async def test_a_request_after_the_escalations_is_not_in_the_weekly_line(harness: Harness) -> None:
    """Asked after the leaders were told: Monday's digest has no line that the request waits (probe 27); on Tuesday
    it is recalled to the head, and its requester is told so once."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 4, 6, 10, 0))  # late; the head and the leaders have been told
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")  # recalled 2 working days on: Tue 10/04
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 11, 12, 0))
    monday, tuesday = dt.date(2018, 4, 9), dt.date(2018, 4, 10)
    assert any(t.startswith(RECALLED) for t in said_on(h, "head_bdv", tuesday, start)), "the head is reminded"
    assert not any("CHỜ Ý KIẾN GIA HẠN" in t for t in said_on(h, "cadre_bdv", monday, start))
    told = said_on(h, "cadre_bdv", tuesday, start)
    assert [NOTE in t for t in told] == [True], told


async def test_a_request_made_again_after_a_refusal_reaches_the_decider_with_the_refusal(harness: Harness) -> None:
    """A second request after the first was refused says so to whoever decides it (probe 20, P2); a first one
    does not."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 3, 28, 9, 0))
    start = len(h.sent)
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    first = [s.text or "" for s in h.sent[start:] if s.to == "head_bdv"]
    assert first and not any("không được đồng ý" in t for t in first), first
    await h.advance_to(local(2018, 3, 28, 10, 0))
    await h.say("head_bdv", "không đồng ý gia hạn 2")
    await h.advance_to(local(2018, 3, 28, 11, 0))
    start = len(h.sent)
    await h.say("cadre_bdv", "2 xin gia hạn đến 10/4")
    again = [s.text or "" for s in h.sent[start:] if s.to == "head_bdv"]
    assert any("Đề nghị trước (đến 20/04/2018) đã không được đồng ý lúc 10:00 ngày 28/03/2018 (đ/c Lê Văn Dân)."
               in t for t in again), again
