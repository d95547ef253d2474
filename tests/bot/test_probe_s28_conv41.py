"""Session 27's conversation leftovers (conv41), through the sandbox on SQLite and PostgreSQL:
1. "Ý đồng chí là mục 1.c …?" left without a "đúng": a next message reporting on 1.c confirms it (the words kept
   are recorded first, as of when they were sent, and the reply says so); a report or a new question on another item
   closes it, the reply saying the words were not recorded and what to type. Nothing said is dropped without a word.
2. An item that asks for a one-off paper and then a monthly report ("xây dựng kế hoạch … (trong tháng 3/2027);
   định kỳ … hằng tháng báo cáo …") is one recurring task in the preview: the preview says so and gives the two
   correction lines that split it, after which the paper can be finished by itself."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task
from tests.bot.conversation_setup import reports, task, texts_to
from tests.bot.test_probe_s27_conv38 import said, started
from tests.conftest import DIRECTORY_CSV, local


def notes_on(h: Harness, ref: str) -> list[tuple[int | None, str | None]]:
    assert h.db is not None
    return h.db.call(lambda s: [(r.percent, r.note) for r in s.scalars(
        select(StatusReport).join(Task).where(Task.item_ref == ref).order_by(StatusReport.created_at))])


async def test_a_report_naming_the_item_asked_about_records_the_words_kept_first(db_url: str) -> None:
    h = await started(db_url)
    try:
        answer = await said(h, "cadre_bdv", "2.c đã trình dự thảo kế hoạch tuyên truyền")
        assert "Ý đồng chí là mục 1.c" in answer, answer
        answer = await said(h, "cadre_bdv", "1.c 50%")  # no "đúng": the bot's number typed with news
        assert "50%" in answer and "“đã trình dự thảo kế hoạch tuyên truyền” cũng đã được ghi cho mục 1.c" in answer
        assert notes_on(h, "1.c") == [(None, "đã trình dự thảo kế hoạch tuyên truyền"), (50, "50%")], notes_on(h, "1.c")
        assert task(h, "1.c").percent == 50
        before = len(reports(h))
        answer = await said(h, "cadre_bdv", "đúng")  # the question is behind them: nothing recorded twice
        assert "không còn chờ trả lời" in answer and len(reports(h)) == before, answer
        await said(h, "head_bdv", "2.a đang làm 50%")  # typed again with the item: recorded once
        await said(h, "head_bdv", "1.a đang làm 55%")
        assert notes_on(h, "1.a") == [(55, "đang làm 55%")], notes_on(h, "1.a")
    finally:
        await h.stop()


async def test_a_report_or_question_on_another_item_closes_the_question_and_says_what_to_type(db_url: str) -> None:
    h = await started(db_url)
    try:
        await said(h, "head_bdv", "2.a đã tổng hợp ý kiến 3 xã")  # "Ý đồng chí là mục 1.a?"
        answer = await said(h, "head_bdv", "1.c đạt 70%")
        assert "Đã cập nhật: mục 1.c" in answer and "“đã tổng hợp ý kiến 3 xã” chưa được ghi" in answer, answer
        assert "đồng chí gõ “1.a đã tổng hợp ý kiến 3 xã”" in answer, answer
        assert notes_on(h, "1.a") == []
        answer = await said(h, "head_bdv", "đúng")  # nothing recorded on 1.a afterwards either
        assert notes_on(h, "1.a") == [] and "không còn chờ trả lời" in answer, answer
        await said(h, "head_bdv", "2.a đã tổng hợp ý kiến 5 xã")
        answer = await said(h, "head_bdv", "2.c đạt 80%")  # a new question, on another item
        assert "Ý đồng chí là mục 1.c" in answer and "“đã tổng hợp ý kiến 5 xã” chưa được ghi" in answer, answer
        await said(h, "head_bdv", "đúng")
        assert task(h, "1.c").percent == 80 and notes_on(h, "1.a") == []
        await said(h, "head_bdv", "2.a đã họp với 2 xã")
        answer = await said(h, "head_bdv", "1.c 90%, 1.a 60%")  # both items: the one asked about confirmed
        assert "“đã họp với 2 xã” cũng đã được ghi cho mục 1.a" in answer, answer
        assert notes_on(h, "1.a") == [(None, "đã họp với 2 xã"), (60, "60%")], notes_on(h, "1.a")
    finally:
        await h.stop()


async def test_a_question_without_a_yes_is_kept_when_the_next_message_is_no_report(db_url: str) -> None:
    h = await started(db_url)
    try:
        await said(h, "head_bdv", "2.a đã họp với 3 xã")
        answer = await said(h, "head_bdv", "/viec")
        assert "chưa được ghi" not in answer, answer
        h.clock.advance(dt.timedelta(minutes=30))
        await said(h, "head_bdv", "đúng")
        assert notes_on(h, "1.a") == [(None, "đã họp với 3 xã")], notes_on(h, "1.a")
    finally:
        await h.stop()


MIXED = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 47/TB-UBND",
    "Bình Thuận, ngày 01 tháng 03 năm 2027",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về công tác dân vận năm 2027",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền về dự án đường ven biển (hoàn thành trong "
    "tháng 3/2027); định kỳ trước ngày 25 hằng tháng báo cáo kết quả thực hiện về UBND tỉnh.",
    "2. Giao Sở Tài nguyên và Môi trường chủ trì báo cáo tình hình sử dụng đất ven biển trước ngày 25 hằng tháng.",
    "",
])


async def test_an_item_with_a_one_off_paper_and_monthly_reports_is_said_in_the_preview_and_splits(
        db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", MIXED)
        preview = "\n".join(texts_to(h, "admin"))
        assert "ⓘ Nhiệm vụ 1 [Mục 1] gồm một việc làm một lần (kế hoạch) và báo cáo hằng tháng" in preview, preview
        assert "Nhiệm vụ 2 [Mục 2] gồm" not in preview  # a report alone: one duty
        split = [line for line in preview.splitlines() if line.startswith(("thêm mục 1.a:", "1 nội dung:"))]
        assert split == ["thêm mục 1.a: Giao Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền về dự án "
                         "đường ven biển (hoàn thành trong tháng 3/2027)",
                         "1 nội dung: Định kỳ trước ngày 25 hằng tháng báo cáo kết quả thực hiện về UBND tỉnh"], split
        await h.say("admin", "\n".join(split))  # typed as given
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert task(h, "1.a").due_on == dt.date(2027, 3, 31) and task(h, "1.a").occurrence_start is None
        assert task(h, "1").occurrence_start is not None and task(h, "1").text.startswith("Định kỳ")
        round_due = task(h, "1").due_on
        await h.say("head_bdv", "1 đã ban hành kế hoạch số 12/KH-BDV, xong")  # the paper, typed with the duty's number
        assert task(h, "1.a").status == "done", task(h, "1.a").status
        assert task(h, "1").status != "done" and task(h, "1").due_on == round_due  # the March round still open
        await h.say("head_bdv", "1 xong báo cáo tháng 3")
        assert task(h, "1").due_on == dt.date(2027, 4, 25), task(h, "1").due_on
    finally:
        await h.stop()
