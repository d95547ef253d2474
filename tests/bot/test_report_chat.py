"""/tonghop and /donvi through the real python-telegram-bot and the Bot API sandbox: filters as
typed, the chart and the Excel after the text, and refusals that say why."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from bot import texts
from bot.sandbox.harness import Harness, Sent
from scheduler.clock import FakeClock
from tests.conftest import DIRECTORY_CSV, local
from tests.storage.test_reports import BDV, TNMT, seed_report_data


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.db is not None
    seed_report_data(h.db)
    yield h
    await h.stop()


async def ask(h: Harness, handle: str, text: str) -> list[Sent]:
    before = len(h.sent)
    await h.say(handle, text)
    return [s for s in h.sent[before:] if s.to == handle]


def workbook_of(h: Harness, handle: str, sent: Sent):  # type: ignore[no-untyped-def]
    stored = h.state.find_message(h.handles[handle], sent.message_id)
    assert stored is not None and stored.document is not None
    return load_workbook(io.BytesIO(h.state.files[stored.document["file_id"]][0]))


async def test_leader_filters_by_notice_period_and_unit(harness: Harness) -> None:
    h = harness
    text, chart, excel = await ask(h, "leader", "/tonghop 45/TB-UBND")
    assert text.text is not None and "Phạm vi: văn bản số 45/TB-UBND" in text.text
    assert f"• {BDV}: 4 nhiệm vụ" in text.text and f"• {TNMT}: 2 nhiệm vụ" in text.text
    assert chart.document == "tong-hop-nhiem-vu-2026-04-02.png"
    assert excel.document == "tong-hop-nhiem-vu-2026-04-02.xlsx"
    detail = workbook_of(h, "leader", excel)["Chi tiết"]
    assert detail.max_row == 4 + 6 and detail["A2"].value == "Phạm vi: văn bản số 45/TB-UBND"

    text, *_ = await ask(h, "leader", "/tonghop tháng 2")
    assert text.text is not None and "Phạm vi: tháng 2/2026" in text.text
    assert f"• {TNMT}: 1 nhiệm vụ" in text.text and BDV not in text.text

    text, *_ = await ask(h, "leader", "/tonghop Sở Tài nguyên và Môi trường")
    assert text.text is not None and f"• {TNMT}: 3 nhiệm vụ" in text.text and BDV not in text.text


async def test_admin_summary_counts_a_done_task_without_deadline_apart(harness: Harness) -> None:
    sent = await ask(harness, "admin", "/tonghop")
    assert len(sent) == 3
    assert sent[0].text is not None and "Không có thời hạn: 2 (đã hoàn thành 1)" in sent[0].text
    assert sent[1].text == texts.CHART_CAPTION and sent[2].text == texts.REPORT_FILE_CAPTION


async def test_head_sees_only_their_unit(harness: Harness) -> None:
    h = harness
    text, chart, excel = await ask(h, "head_bdv", "/donvi")
    assert text.text is not None and f"Phạm vi: đơn vị: {BDV}" in text.text
    assert f"• {BDV}: 5 nhiệm vụ" in text.text and TNMT not in text.text
    summary = workbook_of(h, "head_bdv", excel)["Tổng hợp"]
    assert [c.value for c in summary[5]][:3] == [1, BDV, 5] and summary["B6"].value == "Tổng cộng"
    # the words of another unit change nothing: a head sees their own unit only
    text, *_ = await ask(h, "head_bdv", "/donvi Sở Tài nguyên và Môi trường tháng 3")
    assert text.text is not None and TNMT not in text.text
    assert f"• {BDV}: 5 nhiệm vụ" in text.text and "tháng 3/2026" in text.text


@pytest.mark.parametrize(("handle", "command", "answer"), [
    ("head_bdv", "/tonghop", texts.SUMMARY_HEAD_USE_UNIT),
    ("cadre_bdv", "/tonghop", texts.SUMMARY_ONLY_LEADERS),
    ("cadre_bdv", "/donvi", texts.UNIT_REPORT_ONLY_HEADS),
    ("leader", "/tonghop tháng 13", texts.period_not_understood("tháng 13")),
])
async def test_refusals_say_why(harness: Harness, handle: str, command: str, answer: str) -> None:
    sent = await ask(harness, handle, command)
    assert [s.text for s in sent] == [answer]


async def test_a_filter_that_matches_nothing_says_so(harness: Harness) -> None:
    sent = await ask(harness, "leader", "/tonghop Sở Giáo dục và Đào tạo")
    assert len(sent) == 1 and sent[0].text is not None
    assert sent[0].text.startswith("Không có nhiệm vụ nào thuộc phạm vi: đơn vị: Sở Giáo dục và Đào tạo.")
