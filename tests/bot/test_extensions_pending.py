"""An extension asked for on or before the deadline and still undecided pauses the overdue ladder (probe s19): the
holder is not reminded "QUÁ HẠN" every morning, nobody is escalated; the holder's digest says once, the working day
after the deadline, that the request waits, and not again (probe 27). Refused: the task is overdue from its deadline
the next morning, and the escalation steps count from the refusal. A request made after the deadline stops the daily
overdue lines to its holder while it waits; the task is escalated as late, the escalation naming the request.
Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import started
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def digests(h: Harness, handle: str, since: int) -> dict[dt.date, str]:
    """The morning digests `handle` got, by day (not the leaders' weekly summary)."""
    tz = local(2018, 1, 1).tzinfo
    return {s.at.astimezone(tz).date(): s.text or "" for s in h.sent[since:]
            if s.to == handle and (s.text or "").startswith("Kính gửi") and "\nNhắc việc thứ " in (s.text or "")}


def escalations(h: Harness, handle: str, since: int) -> dict[dt.date, str]:
    return {day: text for day, text in digests(h, handle, since).items() if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in text}


async def test_a_request_on_the_deadline_day_pauses_the_overdue_ladder_until_refused(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018; the head after 2 working days, leaders after 5
    await h.advance_to(local(2018, 3, 30, 10, 0))
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu của Sở Tài nguyên và Môi trường")
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 10, 12, 0))  # the head has not decided for seven working days
    own = digests(h, "cadre_bdv", start)
    # once the working day after the deadline, not on Monday's weekly listing: never "QUÁ HẠN", never daily
    assert sorted(own) == [dt.date(2018, 4, 2)], sorted(own)
    for text in own.values():
        assert "QUÁ HẠN" not in text and "quá hạn" not in text, text
        assert "CHỜ Ý KIẾN GIA HẠN (1)" in text, text
        assert "  hạn 30/03/2018 — đã đề nghị gia hạn đến 20/04/2018, đang chờ đ/c Lê Văn Dân (trưởng đơn vị " \
            "chủ trì) cho ý kiến" in text, text  # (the head who decides a cadre's request, named: probe 20, C2)
    assert not escalations(h, "head_bdv", start) and not escalations(h, "leader", start)
    assert any("đề nghị gia hạn" in t.lower() for t in (s.text or "" for s in h.sent[start:] if s.to == "head_bdv")), \
        "the one who decides is still reminded of the request"

    await h.say("head_bdv", "không đồng ý gia hạn 2")
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 18, 12, 0))
    own = digests(h, "cadre_bdv", start)
    assert "QUÁ HẠN (1)" in own[dt.date(2018, 4, 11)], "overdue from the deadline, the morning after the refusal"
    assert "hạn 30/03/2018, quá hạn 8 ngày làm việc" in own[dt.date(2018, 4, 11)], own[dt.date(2018, 4, 11)]
    # the escalation steps count from the refusal: the head two working days later, the leaders five
    assert sorted(escalations(h, "head_bdv", start)) == [dt.date(2018, 4, 12)]
    assert sorted(escalations(h, "leader", start)) == [dt.date(2018, 4, 17)]
    assert "(Do nhiệm vụ đã quá hạn, hôm nay Nhắc việc đã báo đồng chí trưởng đơn vị" in own[dt.date(2018, 4, 12)]


async def test_a_request_granted_moves_the_ladder_to_the_new_date(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")  # due Tue 20/03/2018
    await h.advance_to(local(2018, 3, 22, 10, 0))
    waiting = digests(h, "head_stnmt", 0)
    assert "CHỜ Ý KIẾN GIA HẠN (1)" in waiting[dt.date(2018, 3, 21)], waiting
    assert dt.date(2018, 3, 22) not in waiting
    await h.tap("leader", texts.BUTTON_APPROVE)
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 3, 12, 0))
    own = digests(h, "head_stnmt", start)
    assert "ĐẾN HẠN HÔM NAY" in own[dt.date(2018, 3, 30)] and "QUÁ HẠN (1)" in own[dt.date(2018, 4, 2)], own
    assert not any("CHỜ Ý KIẾN GIA HẠN" in text for text in own.values())


async def test_a_request_after_the_deadline_stops_the_daily_overdue_lines_but_not_the_escalation(
        harness: Harness) -> None:
    """Asked for after the deadline, the task is late all the same: the head and the leaders are told on the usual
    days, their line naming the request and how to settle it; the holder, who has answered, is not told daily that
    it is late — on the escalation days (who was told), a line that the request waits; not on the weekly day."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.advance_to(local(2018, 4, 2, 10, 0))  # the first overdue morning has been
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 9, 12, 0))
    own = digests(h, "cadre_bdv", start)
    assert sorted(own) == [dt.date(2018, 4, d) for d in (3, 6)], sorted(own)  # escalated 3/4 and 6/4
    for text in own.values():
        assert "QUÁ HẠN (1)" not in text and "CHỜ Ý KIẾN GIA HẠN (1)" in text, text
        assert "  hạn 30/03/2018 (đã quá hạn) — đã đề nghị gia hạn đến 20/04/2018, đang chờ đ/c Lê Văn Dân (trưởng " \
            "đơn vị chủ trì) cho ý kiến" \
            in text, text
    assert "hôm nay Nhắc việc đã báo đồng chí trưởng đơn vị" in own[dt.date(2018, 4, 3)]
    assert "hôm nay Nhắc việc đã báo lãnh đạo phụ trách" in own[dt.date(2018, 4, 6)]
    head, leader = escalations(h, "head_bdv", start), escalations(h, "leader", start)
    assert sorted(head) == [dt.date(2018, 4, 3)] and sorted(leader) == [dt.date(2018, 4, 6)]
    for text in (head[dt.date(2018, 4, 3)], leader[dt.date(2018, 4, 6)]):
        assert "hạn 30/03/2018, quá hạn" in text, text
        assert "Đề nghị gia hạn đến 20/04/2018 đang chờ quyết định: gõ “đồng ý gia hạn 2” hoặc “không đồng ý gia " \
            "hạn 2”." in text, text

    await h.say("head_bdv", "không đồng ý gia hạn 2")  # refused: overdue as before, on the weekly listing
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 16, 12, 0))
    own = digests(h, "cadre_bdv", start)
    assert sorted(own) == [dt.date(2018, 4, 16)] and "QUÁ HẠN (1)" in own[dt.date(2018, 4, 16)], own


async def test_asking_again_after_the_deadline_keeps_the_pause_a_request_in_time_began(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 20, 10, 0))  # task 4 (head_stnmt) is due today
    await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
    await h.advance_to(local(2018, 3, 22, 10, 0))
    await h.say("head_stnmt", "4 xin gia hạn đến 6/4 vì chờ kết quả đo đạc")  # a new date: it replaces the first
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 3, 12, 0))
    own = digests(h, "head_stnmt", start)
    assert sorted(own) == [], sorted(own)  # (said the working day after the deadline; no weekly listing: probe 27)
    assert not escalations(h, "leader", start)


async def test_reports_count_the_tasks_whose_extension_waits_until_it_is_decided(harness: Harness) -> None:
    """/tonghop, a head's /donvi and the Excel summary count the tasks in progress or overdue whose request waits
    for a decision ("đang chờ ý kiến gia hạn"), by item, so a leader sees what waits for them; decided, they go."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    said = [s for s in h.sent[start:] if s.to == "leader"]
    text = said[0].text or ""
    assert "  Trong đó đang chờ ý kiến gia hạn: 1 — mục 2" in text, text
    assert text.count("đang chờ ý kiến gia hạn") == 2 and "; đang chờ ý kiến gia hạn 1." in text, text  # the total
    excel = next(s for s in said if (s.document or "").endswith(".xlsx"))
    stored = h.state.find_message(h.handles["leader"], excel.message_id)
    assert stored is not None and stored.document is not None
    sheet = load_workbook(io.BytesIO(h.state.files[stored.document["file_id"]][0])).worksheets[0]
    header = [c.value for c in sheet[4]]
    column = header.index("Trong đó: đang chờ ý kiến gia hạn")
    rows = sheet.iter_rows(min_row=5, values_only=True)
    assert [row[column] for row in rows if row[1]] == [1, 0, 1]  # Ban Dân vận, the Sở, the total
    start = len(h.sent)
    await h.say("head_bdv", "/donvi")
    assert "Trong đó đang chờ ý kiến gia hạn: 1 — mục 2" in (h.sent[start].text or "")

    await h.say("head_bdv", "đồng ý gia hạn 2")
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    assert "chờ ý kiến gia hạn" not in (h.sent[start].text or "")
