"""A task its holder reported not started ("2 chưa triển khai") is an answer, not silence: /tonghop, its Excel file
and a past period's report count it apart from the tasks nobody reported on ("báo cáo chưa triển khai", not "chưa
cập nhật"), and not as work going on. Session 41 made the digest, /viec and the task card say so; the reports still
said "chưa cập nhật", which sends a leader after a unit that did answer. A request for more time refused on a task
nobody reported on leaves it unreported. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from bot import texts
from bot.report_files import NOT_STARTED, SAID_NOT_STARTED_COLUMN, status_cell
from bot.sandbox.harness import Harness
from storage.models import TaskStatus
from storage.reports import TaskState, UnitSummary, _said_not_started, _Step
from tests.bot.conftest import last_text
from tests.bot.conversation_setup import started
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def _said(h: Harness, handle: str, start: int) -> list[Any]:
    return [s for s in h.sent[start:] if s.to == handle]


def _summary_sheet(h: Harness, said: list[Any]) -> tuple[list[Any], list[tuple[Any, ...]]]:
    excel = next(s for s in said if (s.document or "").endswith(".xlsx"))
    stored = h.state.find_message(h.handles[excel.to], excel.message_id)
    assert stored is not None and stored.document is not None
    workbook = load_workbook(io.BytesIO(h.state.files[stored.document["file_id"]][0]))
    sheet = workbook.worksheets[0]
    detail = list(workbook["Chi tiết"].iter_rows(min_row=5, values_only=True))
    return [c.value for c in sheet[4]], [*sheet.iter_rows(min_row=5, values_only=True), *detail]


async def test_a_task_reported_not_started_is_counted_apart_in_the_reports(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.say("cadre_bdv", "2 chưa triển khai, đang chờ số liệu")
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 2 — Chưa triển khai.")
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    said = _said(h, "leader", start)
    text = said[0].text or ""
    block = text.split("• Ban Dân vận Tỉnh ủy:")[1].split("\n•")[0]
    # (the unit's other dated task nobody reported on: counted as before)
    assert ("Đang thực hiện trong hạn: 0; chưa cập nhật (còn trong hạn): 1; "
            "báo cáo chưa triển khai (còn trong hạn): 1;") in block, block
    assert ", báo cáo chưa triển khai (còn trong hạn) 1," in text.split("Tổng cộng:")[1], text  # the total
    header, rows = _summary_sheet(h, said)
    column = header.index(SAID_NOT_STARTED_COLUMN[0])
    assert header[column - 1] == NOT_STARTED  # beside the tasks nobody reported on
    units = [row for row in rows if isinstance(row[0], int) and isinstance(row[2], int) or row[0] == ""]
    assert [(row[1], row[column]) for row in units][:1] == [("Ban Dân vận Tỉnh ủy", 1)], units
    assert [row[header.index("Tỷ lệ quá hạn (trên số có thời hạn)")] for row in units][-1] is not None  # still a share
    detail = next(row for row in rows if row[2] == "2" and isinstance(row[3], str) and len(row) > 10)
    assert detail[8] == "Chưa triển khai", detail

    # reported on afterwards: work going on, in no "not started" count
    await h.say("cadre_bdv", "2 đã triển khai, đạt 30%")
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    said = _said(h, "leader", start)
    text = said[0].text or ""
    assert "chưa triển khai" not in text and "Đang thực hiện trong hạn: 1" in text, text
    header, _ = _summary_sheet(h, said)
    assert SAID_NOT_STARTED_COLUMN[0] not in header  # (the column only where any is counted)


async def test_a_past_periods_report_counts_the_answer_it_had_by_then(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018
    await h.say("cadre_bdv", "2 chưa triển khai")
    await h.advance_to(local(2018, 4, 2, 10, 0))
    await h.say("cadre_bdv", "2 xong")
    start = len(h.sent)
    await h.say("leader", "/tonghop tháng 2")  # as it stood on 28/02: said not started, within its deadline
    text = _said(h, "leader", start)[0].text or ""
    assert "báo cáo chưa triển khai (còn trong hạn): 1" in text.split("• Ban Dân vận Tỉnh ủy:")[1], text


async def test_a_refused_extension_on_an_unreported_task_leaves_it_unreported_in_a_past_report(
        harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    await h.say("head_bdv", "không đồng ý gia hạn 2")
    await h.advance_to(local(2018, 3, 20, 10, 0))
    start = len(h.sent)
    await h.say("leader", "/tonghop tháng 2")
    block = (_said(h, "leader", start)[0].text or "").split("• Ban Dân vận Tỉnh ủy:")[1]
    assert "chưa triển khai" not in block and "chưa cập nhật (còn trong hạn): 1" in block, block


@pytest.mark.parametrize("take_back", ["head_bdv: không đồng ý gia hạn 2", "cadre_bdv: rút đề nghị gia hạn 2"])
async def test_a_refused_or_recalled_extension_leaves_the_task_unreported_today(harness: Harness,
                                                                                take_back: str) -> None:
    # session 42's open hole: today's report, /viec and the card said "Chưa triển khai" of a task whose only word was
    # a request for more time taken back
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu")
    who, words = take_back.split(": ", 1)
    await h.say(who, words)
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    block = (_said(h, "leader", start)[0].text or "").split("• Ban Dân vận Tỉnh ủy:")[1].split("\n•")[0]
    assert "chưa triển khai" not in block and "chưa cập nhật (còn trong hạn): 2" in block, block
    await h.say("cadre_bdv", "/viec")
    assert "Chưa triển khai" not in last_text(h, "cadre_bdv"), last_text(h, "cadre_bdv")

    # said not started before asking: back to what was said once the request is taken back
    await h.say("cadre_bdv", "2 chưa triển khai")
    await h.say("cadre_bdv", "2 xin gia hạn đến 25/4")
    await h.say(who, words)
    start = len(h.sent)
    await h.say("leader", "/tonghop")
    block = (_said(h, "leader", start)[0].text or "").split("• Ban Dân vận Tỉnh ủy:")[1].split("\n•")[0]
    assert "báo cáo chưa triển khai (còn trong hạn): 1" in block, block


async def test_a_supporting_units_note_leaves_the_task_unreported_in_a_past_report(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "phối hợp 2: đã gửi số liệu các hộ dân bị ảnh hưởng")  # (its history: status "open")
    assert last_text(h, "head_stnmt").startswith("Đã ghi nhận báo cáo phối hợp")
    await h.advance_to(local(2018, 3, 20, 10, 0))
    start = len(h.sent)
    await h.say("leader", "/tonghop tháng 2")
    block = (_said(h, "leader", start)[0].text or "").split("• Ban Dân vận Tỉnh ủy:")[1]
    assert "chưa triển khai" not in block and "chưa cập nhật (còn trong hạn): 2" in block, block


def _step(status: str, *, request: bool = False, others: bool = False) -> _Step:
    return _Step(created_at=dt.datetime(2018, 3, 12, tzinfo=dt.UTC), status=status, percent=None, request=request,
                 others=others)


@pytest.mark.parametrize(("steps", "said"), [
    ([], False),
    ([_step(TaskStatus.OPEN)], True),  # "chưa triển khai"
    ([_step(TaskStatus.IN_PROGRESS), _step(TaskStatus.OPEN)], True),  # "0%" after a start
    ([_step(TaskStatus.OPEN), _step(TaskStatus.IN_PROGRESS)], False),
    ([_step(TaskStatus.EXTENSION_REQUESTED, request=True), _step(TaskStatus.OPEN, others=True)], False),  # refused
    ([_step(TaskStatus.OPEN), _step(TaskStatus.EXTENSION_REQUESTED, request=True),
      _step(TaskStatus.OPEN, others=True)], True),  # said, then asked and refused: back to what was said
    ([_step(TaskStatus.OPEN, others=True)], False),  # a supporting unit's note on a task its holder never reported on
])
def test_what_a_history_says_of_a_task_not_started(steps: list[_Step], said: bool) -> None:
    assert _said_not_started(steps) is said


def test_the_counts_and_cells_of_a_task_said_not_started() -> None:
    unit = UnitSummary(unit="Sở Tài chính", in_progress=4, not_started=1, said_not_started=2, no_deadline=3,
                       no_deadline_said_not_started=1)
    assert unit.working == 1 and not unit.untouched
    block = "\n".join(texts._unit_block(unit, None))
    assert "Đang thực hiện trong hạn: 1; chưa cập nhật (còn trong hạn): 1; báo cáo chưa triển khai (còn trong hạn): 2" \
        in block, block
    assert "Không có thời hạn: 3 (báo cáo chưa triển khai 1, đang thực hiện 2)" in block, block
    assert TaskState(status=TaskStatus.OPEN, percent=None, due_on=None, done_at=None).said_not_started is False
    row: Any = type("Row", (), {"status": TaskStatus.OPEN, "percent": None, "said_not_started": True})()
    assert status_cell(row) == "Chưa triển khai"
    row.said_not_started = False
    assert status_cell(row) == "Chưa cập nhật"
