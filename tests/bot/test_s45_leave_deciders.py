"""Whom a waiting extension request is said to wait on, in the paths that named the head even while he was on leave
(session 44's review): a decision naming the unit's share, the requests a decider already decided, the reminders of
requests waiting, and the requests a directory change moves."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation.directory import DirectoryNews, plan_requests
from bot.sandbox.harness import Harness
from storage.directory import person_by_handle
from storage.tasks import decided_extensions, requests_to_recall, shares_named
from tests.bot.test_s44_probe7 import _head_away, confirmed
from tests.conftest import local

AWAY = dt.date(2027, 2, 18)  # the head on leave 01/02–19/02
BACK = dt.date(2027, 2, 22)
HEAD_WORDS = "đ/c Hoàng Văn Minh (trưởng đơn vị chủ trì)"


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = await confirmed(db_url)
    yield harness
    await harness.stop()


async def _asked_before_leave(h: Harness) -> int:
    await _head_away(h)
    await h.advance_to(local(2027, 1, 29, 9, 0))
    await h.say("cv", "1 xin gia hạn đến 26/2 do còn 4 xã chưa kiểm tra xong")
    assert h.db is not None
    recalled = await h.db.run(requests_to_recall, today=BACK, recall_on=lambda _at, _due: BACK)
    assert [r.deciders for r in recalled] == [HEAD_WORDS]
    return recalled[0].report_id


async def test_a_request_waiting_is_said_to_wait_on_whoever_decides_that_day(h: Harness) -> None:
    report_id = await _asked_before_leave(h)
    assert h.db is not None
    recalled = await h.db.run(requests_to_recall, today=AWAY, recall_on=lambda _at, _due: AWAY)
    assert [r.deciders for r in recalled] == ["lãnh đạo hoặc quản trị viên"]
    shares = await h.db.run(shares_named, "Phòng Nông nghiệp và Môi trường", item_ref="1", waiting=[], today=AWAY)
    assert [s.request.deciders for s in shares if s.request] == ["lãnh đạo hoặc quản trị viên"]
    shares = await h.db.run(shares_named, "Phòng Nông nghiệp và Môi trường", item_ref="1", waiting=[], today=BACK)
    assert [s.request.deciders for s in shares if s.request] == [HEAD_WORDS]
    plans = await h.db.run(plan_requests, DirectoryNews(requests=(report_id,)), AWAY)
    assert [p.request.deciders for p in plans] == ["lãnh đạo hoặc quản trị viên"]
    assert [d.handle for p in plans for d in p.deciders] == ["vp", "ct"]


async def test_a_decided_request_is_found_for_whoever_decides_that_day(h: Harness) -> None:
    await _asked_before_leave(h)
    await h.advance_to(local(2027, 2, 18, 9, 0))
    await h.say("ct", "đồng ý gia hạn 1")
    assert h.db is not None
    leader = await h.db.run(person_by_handle, "ct")
    assert [r.decision for r in await h.db.run(decided_extensions, "1", leader, AWAY)] == ["approved"]
