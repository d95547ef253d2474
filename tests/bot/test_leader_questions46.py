"""Probe 46 (a month of a province's conclusion notice, read as its leader): "ai chưa báo cáo?" was passed to the
office as a question nobody could answer, "còn ai chưa gửi báo cáo" was not understood, and "đơn vị nào chậm thông báo
22/01" — the notice named by its date, or a number no notice has — answered that no unit was late while units were.
Through the conversation, with the sandbox, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.models import Notice
from storage.reports import notice_date_matches, notice_query_date, parse_filter
from tests.bot.conversation_setup import started, texts_to
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def asks(h, handle: str, text: str) -> str:  # type: ignore[no-untyped-def]
    mark = len(h.sent)
    await h.say(handle, text)
    return texts_to(h, handle, mark)[0]


async def test_who_has_not_reported_is_answered_in_the_words_a_leader_uses(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.say("head_bdv", "1 50% đang tổng hợp ý kiến các huyện")
    await h.advance_to(local(2018, 3, 12, 9, 0))
    units = await asks(h, "leader", "đơn vị nào chưa báo cáo?")
    assert "• Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi): mục 4 — chưa báo cáo lần nào" in units, units
    for question in ("ai chưa báo cáo?", "còn ai chưa gửi báo cáo", "Cho hỏi ai chưa nộp báo cáo ạ",
                     "những ai chưa cập nhật"):
        assert await asks(h, "leader", question) == units, question
    mark = len(h.sent)
    await h.say("leader", "ai chưa báo cáo?")
    assert texts_to(h, "admin", mark) == [], "answered, not passed to the office"


async def test_which_units_are_late_on_a_notice_named_by_its_date_or_a_number_none_has(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 19, 9, 0))  # mục 1 (hạn 15/03) overdue, nothing reported
    late = await asks(h, "leader", "đơn vị nào chậm?")
    assert "• Ban Dân vận Tỉnh ủy" in late and "mục 1" in late, late
    by_date = await asks(h, "leader", "đơn vị nào chậm thông báo ngày 20/02/2018")
    assert "Ban Dân vận Tỉnh ủy" in by_date and "Phạm vi: Thông báo số 45/TB-UBND ngày 20/02/2018" in by_date, by_date
    assert "Ban Dân vận Tỉnh ủy" in await asks(h, "leader", "đơn vị nào chậm tiến độ thông báo 20/02")
    for question, scope in (("đơn vị nào chậm thông báo số 99", "văn bản số 99"),
                            ("đơn vị nào chậm thông báo 21/02", "văn bản ngày 21/02"),
                            ("những đơn vị nào chưa hoàn thành thông báo 99/TB-UBND", "văn bản số 99/TB-UBND")):
        answer = await asks(h, "leader", question)
        assert answer.startswith(f"Không có nhiệm vụ nào thuộc phạm vi: {scope}."), (question, answer)
        assert "Hiện không có đơn vị nào" not in answer, answer


def test_a_notice_named_by_its_date() -> None:
    today = dt.date(2026, 3, 6)
    assert parse_filter("thông báo ngày 22/01/2026", today).notice == "22/01/2026"
    assert parse_filter("thông báo ngày 22/01/2026", today).unit is None
    assert parse_filter("thông báo 22/01", today).notice == "22/01"
    assert notice_query_date("22/01") == (22, 1, None) and notice_query_date("ngày 22-1-2026") == (22, 1, 2026)
    assert notice_query_date("45/TB-UBND") is None and notice_query_date("45/2026") is None
    assert notice_query_date("32/01") is None and notice_query_date("12/13") is None
    signed = Notice(number=None, issued_on=dt.date(2026, 1, 26), meta={"notice": {"meeting_date": "2026-01-22"}})
    assert notice_date_matches("22/01", signed) and notice_date_matches("26/01/2026", signed)
    assert notice_date_matches("ngày 22/1/2026", signed)
    assert not notice_date_matches("22/01/2025", signed) and not notice_date_matches("23/01", signed)
    assert not notice_date_matches("22/01", Notice(number="22/01", issued_on=None, meta={}))
