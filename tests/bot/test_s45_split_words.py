"""An admin splits a draft's task in his own words (probe 7, #3: "tách nhiệm vụ 1 thành 2 việc: …" was "Không hiểu
dòng …"): a task holding a one-off paper and its recurring reports is split as the preview's hint shows it; any
other task gets the two lines to type."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import texts_to
from tests.bot.conversation_setup import DIRECTORY_CSV, task
from tests.bot.test_probe_s28_conv41 import MIXED
from tests.conftest import local


@pytest.fixture
async def h(db_url: str):  # type: ignore[no-untyped-def]
    harness = Harness(db_url=db_url, clock=FakeClock(local(2027, 3, 2, 9, 0)))
    await harness.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await harness.say("admin", MIXED)
    yield harness
    await harness.stop()


@pytest.mark.parametrize("typed", [
    "tách 1",
    "tách nhiệm vụ 1 thành 2 việc: xây dựng kế hoạch thì xong trong tháng 3, còn báo cáo thì trước ngày 25 hằng tháng",
    "Tách mục 1 làm hai",
    "tach nv 1 ra giup em",
])
async def test_the_paper_and_its_reports_are_split_as_the_hint_shows(h: Harness, typed: str) -> None:
    preview = "\n".join(texts_to(h, "admin"))
    assert "đồng chí gõ “tách 1”, hoặc hai dòng:" in preview, preview
    mark = len(h.sent)
    await h.say("admin", typed)
    said = "\n".join(texts_to(h, "admin", mark))
    assert "Không hiểu" not in said and "1.a" in said, said
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert task(h, "1.a").due_on == dt.date(2027, 3, 31) and task(h, "1.a").occurrence_start is None
    assert task(h, "1").occurrence_start is not None and task(h, "1").text.startswith("Định kỳ")


async def test_another_task_gets_the_two_lines_to_type(h: Harness) -> None:
    mark = len(h.sent)
    await h.say("admin", "tách nhiệm vụ 2 thành 2 việc")
    assert texts_to(h, "admin", mark) == [
        "Nhắc việc chưa tự tách được nhiệm vụ 2 [Mục 2]: chỉ tự tách được nhiệm vụ gồm một việc làm một lần và báo cáo "
        "định kỳ. Để tách, đồng chí gõ hai dòng (trả lời tin xem trước):\n"
        "thêm mục 2.a: <nội dung việc thứ hai, đơn vị chủ trì, thời hạn>\n"
        "2 nội dung: <nội dung còn lại của nhiệm vụ 2>"]
    mark = len(h.sent)
    await h.say("admin", "tách 7")
    assert len(texts_to(h, "admin", mark)) == 1 and "7" in texts_to(h, "admin", mark)[0]
