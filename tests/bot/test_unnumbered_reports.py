"""A report typed with neither an item number nor a status word (probe s18: a commune chairman's "UBND xã đã xây
dựng kế hoạch khắc phục tồn tại, hạn chế" got "Nhắc việc chưa hiểu"), and a cadre's "mục nào phải báo cáo?":
through the real python-telegram-bot and the sandbox, SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from bot.conversation.status import quoted_task
from storage.models import StatusReport, Task
from tests.bot.conversation_setup import count, last_text, reports, started, task


async def test_a_report_repeating_one_tasks_words_is_asked_about_then_recorded_on_it(db_url: str) -> None:
    h = await started(db_url)  # head_bdv holds 1, 2 and 3 (3: "xây dựng kế hoạch tuyên truyền năm 2018")
    try:
        await h.say("head_bdv", "Ban đã xây dựng kế hoạch tuyên truyền năm 2018 theo chỉ đạo")
        asked = last_text(h, "head_bdv")
        assert asked.startswith("Nội dung “Ban đã xây dựng kế hoạch tuyên truyền năm 2018 theo chỉ đạo” có phải là "
                                "báo cáo mục 3 (") and "gõ số mục trước nội dung, ví dụ “3 đã …”" in asked, asked
        assert count(h, StatusReport) == 0, "asked, nothing stored yet"
        assert h.last_with_button("head_bdv", "Mục 3") is not None
        await h.say("head_bdv", "đúng")
        assert [(r.task_id, r.note) for r in reports(h)] == [
            (task(h, "3").id, "Ban đã xây dựng kế hoạch tuyên truyền năm 2018 theo chỉ đạo")]
        assert "mục 3" in last_text(h, "head_bdv")
        # with a status word too: the quoted task is asked about, not all three listed
        await h.say("head_bdv", "đang tổng hợp ý kiến của Nhân dân về dự án, được 70%")
        asked = last_text(h, "head_bdv")
        assert "có phải là báo cáo mục 1 (" in asked and "Mục 2:" not in asked, asked
        await h.tap("head_bdv", "Mục 1")
        assert (task(h, "1").percent, task(h, "1").status) == (70, "in_progress")
    finally:
        await h.stop()


async def test_words_no_task_repeats_and_questions_are_not_taken_for_a_report(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "Ban đã họp giao ban tuần với các đơn vị")
        assert "chưa hiểu" in last_text(h, "head_bdv"), "no task's words: not guessed"
        await h.say("head_bdv", "kế hoạch tuyên truyền năm 2018 gửi cho ai?")
        assert "có phải là báo cáo" not in last_text(h, "head_bdv"), "a question is not a report"
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


def test_the_task_quoted_is_the_one_sharing_a_run_of_words_and_more_than_any_other() -> None:
    def t(ref: str, text: str) -> Task:
        return Task(item_ref=ref, text=text)

    tasks = [t("II.7.b", "Chủ động xây dựng kế hoạch khắc phục tồn tại, hạn chế; gửi báo cáo kết quả về Sở Nội vụ."),
             t("II.7.c", "Chủ động xây dựng, kết nối, khai thác các hệ thống thông tin, hệ thống theo dõi.")]
    said = "UBND xã đã xây dựng kế hoạch khắc phục tồn tại, hạn chế"
    assert quoted_task(tasks, said) is tasks[0]
    assert quoted_task(tasks, "đã xây dựng kế hoạch") is None, "four words are a common phrase, not a quotation"
    assert quoted_task(tasks, "UBND xã đã chủ động xây dựng") is None, "as much of both: not guessed"
    assert quoted_task(tasks[:1], "Ban đã họp giao ban") is None


@pytest.mark.parametrize("asked", ["mục nào phải báo cáo vậy?", "Mục nào em còn phải làm ạ"])
async def test_which_items_to_report_is_answered_with_the_persons_tasks(db_url: str, asked: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", asked)
        answer = last_text(h, "head_bdv")
        assert "chưa hiểu" not in answer and "Mục 1" in answer and "Mục 3" in answer, answer
    finally:
        await h.stop()


@pytest.mark.parametrize(("text", "thanks"), [
    ("Ban đã họp giao ban tuần với các đơn vị", False),  # "đã", not "dạ": said something, answered
    ("Sở đã có kế hoạch thực hiện", False),
    ("Dạ đã nhận", True), ("Em đã nhận nhiệm vụ ạ", True), ("đã rõ", True), ("Dạ em cảm ơn", True),
    ("Đã tiếp thu ý kiến chỉ đạo", True), ("da nhan", True),
])
def test_a_sentence_with_da_is_not_a_thank_you_unless_it_acknowledges(text: str, thanks: bool) -> None:
    from bot.conversation.status import is_acknowledgement

    assert is_acknowledgement(text) is thanks


async def test_more_time_asked_without_an_item_is_about_the_tasks_that_have_a_deadline(db_url: str) -> None:
    """Probe s18: "xin gia hạn đến 30/4" from a head with one task due and five standing duties was answered with
    all six to choose from — a standing duty has no deadline to extend."""
    from tests.bot.conversation_setup import NOTICE, started_with
    from tests.conftest import DIRECTORY_CSV

    one_due = "\n".join(line for line in NOTICE.splitlines() if not line.startswith(("2.", " ảnh hưởng")))
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), one_due)
    try:
        await h.say("head_bdv", "xin gia hạn đến 30/4 vì chờ ý kiến các sở")
        answer = last_text(h, "head_bdv")
        assert "Đã cập nhật: mục 1 — Đề nghị gia hạn." in answer, answer  # the one task due: no question
        assert task(h, "1").status == "extension_requested"
    finally:
        await h.stop()


async def test_more_time_asked_without_an_item_lists_only_the_tasks_that_have_a_deadline(db_url: str) -> None:
    h = await started(db_url)  # 1 and 2 due, 3 standing: asked between 1 and 2 only
    try:
        await h.say("head_bdv", "xin gia hạn đến 30/4")
        asked = last_text(h, "head_bdv")
        assert "• Mục 1:" in asked and "• Mục 2:" in asked and "• Mục 3:" not in asked, asked
    finally:
        await h.stop()
