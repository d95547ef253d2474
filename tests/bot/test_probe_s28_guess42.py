"""Probe 41 finding 2 (guess42), through the sandbox on SQLite and PostgreSQL: a cadre holding one item only (the
monthly report round her head handed her) types progress with no item number whose words are about another item of
her unit (the planting duty her head holds): she is asked which of the two, and her answer records it there; a
message whose words fit her own item (or say nothing of any) is still recorded at once."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import task, texts_to
from tests.bot.test_probe_s27_conv38 import said
from tests.bot.test_probe_s28_conv41 import notes_on
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 52/TB-UBND",
    "Bình Thuận, ngày 01 tháng 03 năm 2027",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về trồng rừng gỗ lớn năm 2027",
    "1. Về trồng rừng gỗ lớn sau khai thác",
    "a) Ban Dân vận Tỉnh ủy tiếp tục vận động nhân dân tham gia trồng rừng theo kế hoạch. Thời gian: thường xuyên.",
    "b) Sở Tài nguyên và Môi trường rà soát quỹ đất trồng rừng, hoàn thành trước ngày 31/03/2027.",
    "c) Ban Dân vận Tỉnh ủy báo cáo kết quả trồng rừng về UBND tỉnh trước ngày 25 hằng tháng.",
    "",
])


async def started(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "/giao 1.c @cadre_bdv")
    assert task(h, "1.c").occurrence_start is not None, "1.c is a monthly round"
    return h


async def test_progress_about_the_heads_item_from_the_holder_of_the_report_round_is_asked(db_url: str) -> None:
    h = await started(db_url)
    try:
        answer = await said(h, "cadre_bdv", "ban da van dong trong them 12ha, dat 70% ke hoach")
        assert "Ý đồng chí là mục 1.a" in answer and "hay mục 1.c" in answer, answer
        assert "Lê Văn Dân" in answer, answer  # whose item 1.a is
        assert notes_on(h, "1.c") == [] and notes_on(h, "1.a") == [], (notes_on(h, "1.c"), notes_on(h, "1.a"))
        answer = await said(h, "cadre_bdv", "1.a")  # the answer typed
        assert "Đã cập nhật: mục 1.a" in answer, answer
        assert task(h, "1.a").percent == 70 and notes_on(h, "1.c") == [], notes_on(h, "1.c")
    finally:
        await h.stop()


async def test_the_same_question_answered_with_the_button_of_her_own_item(db_url: str) -> None:
    h = await started(db_url)
    try:
        start = len(h.sent)
        await said(h, "cadre_bdv", "đã vận động nhân dân trồng thêm 12 ha rừng")
        question = texts_to(h, "cadre_bdv", start)[-1]
        assert "Ý đồng chí là mục 1.a" in question, question
        await h.tap("cadre_bdv", "Mục 1.c")
        assert notes_on(h, "1.c") == [(None, "đã vận động nhân dân trồng thêm 12 ha rừng")], notes_on(h, "1.c")
        assert notes_on(h, "1.a") == []
    finally:
        await h.stop()


async def test_words_that_fit_her_own_item_or_none_are_recorded_at_once(db_url: str) -> None:
    h = await started(db_url)
    try:
        answer = await said(h, "cadre_bdv", "da gui bao cao ket qua trong rung thang 3 ve UBND tinh, dat 50%")
        assert "Ý đồng chí là" not in answer and "Đã cập nhật: mục 1.c" in answer, answer
        answer = await said(h, "cadre_bdv", "đạt 60%")
        assert "Ý đồng chí là" not in answer and task(h, "1.c").percent == 60, answer
        assert notes_on(h, "1.a") == []
    finally:
        await h.stop()


async def test_a_which_question_left_unanswered_is_settled_by_the_next_report_not_dropped(db_url: str) -> None:
    """conv41's leftover: "là của nhiệm vụ nào?" (here "Ý đồng chí là mục 1.a … hay mục 1.c …?") used to lapse
    without a word once another report came; now that report's reply says the words were not recorded."""
    h = await started(db_url)
    try:
        await said(h, "cadre_bdv", "ban da van dong trong them 12ha, dat 70% ke hoach")  # asked: 1.a or 1.c?
        answer = await said(h, "cadre_bdv", "1.c đạt 50%")
        assert "Đã cập nhật: mục 1.c" in answer, answer
        assert "“ban da van dong trong them 12ha, dat 70% ke hoach” chưa được ghi" in answer, answer
        assert "ví dụ “1.a ban da van dong" in answer, answer
        assert notes_on(h, "1.a") == [] and task(h, "1.c").percent == 50
        await said(h, "cadre_bdv", "da van dong trong them 5ha")  # asked again; /viec keeps it open
        answer = await said(h, "cadre_bdv", "/viec")
        assert "chưa được ghi" not in answer, answer
        answer = await said(h, "cadre_bdv", "1.a")  # still answers it
        assert "Đã cập nhật: mục 1.a" in answer and "chưa được ghi" not in answer, answer
        assert notes_on(h, "1.a") == [(None, "da van dong trong them 5ha")], notes_on(h, "1.a")
        await said(h, "cadre_bdv", "da van dong trong them 3ha, dat 80% ke hoach")
        answer = await said(h, "cadre_bdv", "1.a da van dong trong them 3ha, dat 80% ke hoach")  # said again: once
        assert "chưa được ghi" not in answer and task(h, "1.a").percent == 80, answer
    finally:
        await h.stop()
