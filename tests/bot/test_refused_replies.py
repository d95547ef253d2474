"""A reply refused by flood control is not lost (issue 9): when Telegram answers a handler's message with a 429 and a
ban longer than a handler waits (`HANDLER_FLOOD_WAIT_S`), the handler returns at once, the parts not sent are kept
(`held_messages` with the chat, due when the ban ends, the ban stored for every worker) and the next tick after the
ban sends them — at any hour, before that tick's digests, once, from the refused part on. Through the real
python-telegram-bot and the Bot API sandbox (`flood_chat`: a chat's 429 with `retry_after` and the ban after it), on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from bot.sandbox.harness import Harness
from storage.digests import pause_channel
from storage.directory import person_by_handle
from storage.models import HeldMessage, StatusReport
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.bot.conversation_setup import count, started, texts_to
from tests.conftest import local

ANSWER = "Nhiệm vụ đồng chí Lê Văn Dân đang phụ trách"
PART = re.compile(r"^\((\d+)/(\d+)\)")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def unsent(h: Harness) -> int:
    return count(h, HeldMessage, HeldMessage.sent_at.is_(None))


async def at(h: Harness, when: dt.datetime) -> None:
    """The clock at `when`, and one tick."""
    h.clock.set(when)
    await h.tick()


async def test_viec_refused_with_a_30_s_ban_is_answered_after_the_ban_once(harness: Harness) -> None:
    """/viec meets a 30 s ban: the handler does not wait (the clock has not moved when it returns) and the person is
    sent nothing into the ban; a tick inside the ban sends nothing; the first tick after it sends the answer, whole,
    once — on an evening too (it is the person's own answer, not held to the morning)."""
    h = harness
    evening = local(2018, 2, 26, 19, 0)
    h.clock.set(evening)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    assert h.clock.now() == evening, "the handler slept on flood control"
    assert texts_to(h, "head_bdv", start) == []
    assert unsent(h) == 1
    await at(h, evening + dt.timedelta(seconds=20))
    assert texts_to(h, "head_bdv", start) == []
    await at(h, evening + dt.timedelta(seconds=31))
    answers = texts_to(h, "head_bdv", start)
    assert len(answers) == 1 and answers[0].startswith(ANSWER) and "Mục 3" in answers[0], answers
    await at(h, evening + dt.timedelta(minutes=10))
    assert len(texts_to(h, "head_bdv", start)) == 1, "sent twice"
    assert unsent(h) == 0


async def test_a_status_refused_is_saved_at_once_and_confirmed_after_the_ban(harness: Harness) -> None:
    """"1 xong" in a 30 s ban: the status is saved when it is typed; its confirmation arrives after the ban."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start, reports = len(h.sent), count(h, StatusReport)
    await h.say("head_bdv", "1 xong")
    assert h.clock.now() == now
    assert count(h, StatusReport) == reports + 1
    assert texts_to(h, "head_bdv", start) == []
    await at(h, now + dt.timedelta(seconds=31))
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 1 and said[0].startswith("Đã cập nhật: mục 1"), said


def many_tasks(session: Any, now: dt.datetime) -> None:
    """Enough of the Ban Dân vận's tasks for /viec to take two messages."""
    admin = person_by_handle(session, "admin")
    tasks = tuple(ParsedTask(ref=f"{k + 1}", lead=("Ban Dân vận Tỉnh ủy",), due=dt.date(2018, 4, 30),
                             text=f"Ban Dân vận Tỉnh ủy chủ trì rà soát, tổng hợp ý kiến của Nhân dân và báo cáo kết "
                                  f"quả thực hiện nội dung số {k + 1} của kế hoạch tuyên truyền năm 2018, gửi Văn "
                                  f"phòng UBND tỉnh trước hạn")
                  for k in range(30))
    draft = create_draft(session, ParsedNotice(kind="THÔNG BÁO", number="9/TB-UBND", tasks=tasks),
                         source_text="nhiều việc", source_name="", by=admin, now=now)
    confirm_notice(session, draft.notice_id, by=admin, now=now)


async def test_a_two_part_reply_refused_at_its_second_part_sends_only_that_part_after_the_ban(
        harness: Harness) -> None:
    h = harness
    assert h.db is not None
    await h.db.run(many_tasks, h.clock.now())
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    whole = texts_to(h, "head_bdv", start)
    assert len(whole) >= 2 and PART.match(whole[0]), whole  # (the answer unrefused, for comparison)
    start = len(h.sent)
    h.state.flood_chat(h.handles["head_bdv"], 30, after=1)
    await h.say("head_bdv", "/viec")
    assert h.clock.now() == now
    assert texts_to(h, "head_bdv", start) == whole[:1]
    await at(h, now + dt.timedelta(seconds=10))
    assert texts_to(h, "head_bdv", start) == whole[:1]
    await at(h, now + dt.timedelta(seconds=31))
    assert texts_to(h, "head_bdv", start) == whole, "the rest, in order, part 1 not repeated"
    await at(h, now + dt.timedelta(minutes=5))
    assert texts_to(h, "head_bdv", start) == whole


async def test_the_answer_goes_before_the_digest_held_by_the_same_ban(harness: Harness) -> None:
    """Asked just before the morning's digest, in a ban that outlasts 08:00: the digest waits for the ban too (the
    ban is stored for the dispatcher), and after it the answer asked first arrives first, then the digest, each
    once."""
    h = harness
    before = local(2018, 3, 12, 7, 59, 50)  # head_bdv's digest is due Monday 12/03 at 08:00
    await h.advance_to(before)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    await at(h, local(2018, 3, 12, 8, 0))
    assert texts_to(h, "head_bdv", start) == [], "nothing sent into the ban"
    await h.advance_to(local(2018, 3, 12, 8, 1))
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 2 and said[0].startswith(ANSWER) and "Nhắc việc thứ Hai, 12/03/2018" in said[1], said
    await h.advance_to(local(2018, 3, 12, 9, 0))
    assert len(texts_to(h, "head_bdv", start)) == 2


async def test_a_reply_waits_for_a_pause_of_the_whole_channel(harness: Harness) -> None:
    """The whole channel is on hold (the dispatcher stored it: several chats were told to wait at once) past the
    chat's own ban: the reply goes out when the channel's pause ends, not before."""
    h = harness
    assert h.db is not None
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    await h.db.run(pause_channel, "telegram", until=now + dt.timedelta(seconds=60))
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    assert h.clock.now() == now
    await at(h, now + dt.timedelta(seconds=31))
    assert texts_to(h, "head_bdv", start) == []
    await at(h, now + dt.timedelta(seconds=61))
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 1 and said[0].startswith(ANSWER), said


async def test_what_the_person_types_next_goes_after_the_answer_still_waiting(harness: Harness) -> None:
    """/viec refused (30 s ban); "1 xong" typed in the ban waits behind the answer; "2 xong" typed after the ban but
    before any tick sends the two waiting first: the three answers arrive in the order asked, each once."""
    h = harness
    now = local(2018, 2, 27, 10, 0)
    h.clock.set(now)
    h.state.flood_chat(h.handles["head_bdv"], 30)
    start = len(h.sent)
    await h.say("head_bdv", "/viec")
    h.clock.set(now + dt.timedelta(seconds=10))
    await h.say("head_bdv", "1 xong")
    assert texts_to(h, "head_bdv", start) == [] and unsent(h) == 2
    h.clock.set(now + dt.timedelta(seconds=31))
    await h.say("head_bdv", "2 xong")
    said = texts_to(h, "head_bdv", start)
    assert len(said) == 3 and said[0].startswith(ANSWER), said
    assert said[1].startswith("Đã cập nhật: mục 1") and said[2].startswith("Đã cập nhật: mục 2"), said
    await at(h, now + dt.timedelta(minutes=5))
    assert len(texts_to(h, "head_bdv", start)) == 3 and unsent(h) == 0
