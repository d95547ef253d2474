"""An extension request nobody decides is recalled to those who decide it once a week while it waits, each time
with its buttons (probe 27: the leader was reminded once, on 29/01, and the request then hung for five weeks); its
requester is not told again at each reminder. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.conftest import local

RECALLED = "Đề nghị gia hạn chờ đồng chí quyết định"
IN_DIGEST = "ĐỀ NGHỊ GIA HẠN CHỜ ĐỒNG CHÍ QUYẾT ĐỊNH"


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def days_told(h: Harness, handle: str, since: int, *marks: str) -> list[dt.date]:
    tz = local(2018, 1, 1).tzinfo
    return [s.at.astimezone(tz).date() for s in h.sent[since:]
            if s.to == handle and any(m in (s.text or "") for m in marks)]


async def test_a_request_still_waiting_is_recalled_to_the_leader_every_week_with_its_buttons(
        harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 12, 9, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")  # due Tue 20/03/2018
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 13, 12, 0))
    recalled = days_told(h, "leader", start, RECALLED, IN_DIGEST)
    # the working day before the deadline, then every five working days: not daily, never forgotten
    assert recalled == [dt.date(2018, 3, 19), dt.date(2018, 3, 26), dt.date(2018, 4, 2), dt.date(2018, 4, 9)], \
        recalled
    tz = local(2018, 1, 1).tzinfo
    for s in h.sent[start:]:
        if s.to == "leader" and s.at.astimezone(tz).date() in recalled and RECALLED in (s.text or ""):
            assert texts.BUTTON_APPROVE in s.buttons, s
    assert len(days_told(h, "head_stnmt", start, "chưa có quyết định; Nhắc việc đã nhắc lại")) <= 1

    await h.tap("leader", texts.BUTTON_APPROVE)
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 24, 12, 0))
    assert days_told(h, "leader", start, RECALLED, IN_DIGEST) == []


WAITS = ("CHỜ Ý KIẾN GIA HẠN", "chưa có quyết định; Nhắc việc đã nhắc lại")  # the requester's line, the note


async def test_the_requester_hears_once_more_that_the_request_waits_not_in_every_digest(harness: Harness) -> None:
    """Asked in time: the confirmation when sent, then once, the working day after the deadline — not at each of
    the deciders' weekly reminders, nor in each Monday's digest (probe 27: 02/02, 11/02, 15/02, 22/02)."""
    h = harness
    await h.advance_to(local(2018, 3, 12, 9, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")  # due Tue 20/03/2018
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 13, 12, 0))
    assert days_told(h, "head_stnmt", start, *WAITS) == [dt.date(2018, 3, 21)]


async def test_a_request_after_the_deadline_is_said_to_its_requester_on_the_escalation_days_only(
        harness: Harness) -> None:
    """Asked late: the holder's line says the request waits on the days the task is escalated (who was told: news),
    never on the weekly day while it waits."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 4, 2, 10, 0))
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 20, 12, 0))
    assert days_told(h, "cadre_bdv", start, *WAITS) == [dt.date(2018, 4, 3), dt.date(2018, 4, 6)]


def office_lists(h: Harness, since: int) -> dict[dt.date, str]:
    tz = local(2018, 1, 1).tzinfo
    return {s.at.astimezone(tz).date(): s.text or "" for s in h.sent[since:]
            if s.to == "admin" and "ĐANG CHỜ VĂN PHÒNG" in (s.text or "")}


async def test_the_office_weekly_list_shows_an_extension_request_waiting_a_few_working_days(harness: Harness) -> None:
    """The admin, who got the same buttons, sees a request still undecided in the weekly "ĐANG CHỜ VĂN PHÒNG": who
    asked, for which item, to what date, who is to decide (probe 27: never listed in five weeks); not one sent the
    working day before, nor one decided."""
    h = harness
    await h.advance_to(local(2018, 3, 6, 9, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")  # due Tue 20/03/2018
    await h.advance_to(local(2018, 3, 9, 9, 0))
    await h.say("cadre_bdv", "1 xin gia hạn đến 16/3")  # Friday: one working day before Monday's list
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 12, 12, 0))
    monday = office_lists(h, start)[dt.date(2018, 3, 12)]
    assert "ĐANG CHỜ VĂN PHÒNG: 1 đề nghị gia hạn chờ quyết định" in monday, monday
    assert "• Đề nghị gia hạn mục 4 đến 30/04/2018 của đ/c Trần Văn Môi (Sở Tài nguyên và Môi trường) — chờ ý kiến " \
        "đ/c Huỳnh Thanh Cảnh hoặc Văn phòng từ 06/03/2018" in monday, monday
    assert "mục 1 " not in monday, monday

    await h.tap("leader", texts.BUTTON_APPROVE, containing="mục 4")
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 19, 12, 0))
    later = office_lists(h, start).get(dt.date(2018, 3, 19), "")
    assert "mục 4" not in later and "Đề nghị gia hạn mục 1 đến 16/03/2018 của đ/c Phạm Thị Vận" in later, later


async def test_reports_tell_a_late_task_whose_extension_waits_apart_from_plain_overdue(harness: Harness) -> None:
    """"Đơn vị nào chậm?" and /tonghop: a task past its deadline whose request, sent after it, waits reads "đang chờ
    ý kiến gia hạn đến …" beside its number — still counted late (probe 27: listed as plainly "quá hạn chưa hoàn
    thành")."""
    h = harness
    await h.advance_to(local(2018, 3, 21, 9, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")  # due Tue 20/03/2018: asked late
    await h.advance_to(local(2018, 3, 22, 10, 0))
    start = len(h.sent)
    await h.say("admin", "đơn vị nào chậm?")
    late = h.sent[start].text or ""
    assert "quá hạn chưa hoàn thành: 1/1 nhiệm vụ có thời hạn — mục 4 (đang chờ ý kiến gia hạn đến 30/04/2018)" \
        in late, late
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    summary = h.sent[start].text or ""
    assert "mục 4 (đang chờ ý kiến gia hạn đến 30/04/2018)" in summary or \
        "mục 4, đang chờ ý kiến gia hạn đến 30/04/2018)" in summary, summary
    assert "quá hạn chưa hoàn thành 1/" in summary or "quá hạn chưa hoàn thành: 1/" in summary, summary
