"""Month probe (session 24): a notice's descriptive title kept its capital inside sentences — "mục 2.1 (Thông báo
về cuộc làm việc ngày 22/04/2026)", "theo Thông báo về …". Offices write a document named by its number with a
capital ("Thông báo kết luận số 12/TB-UBND"), a description of one in lower case ("thông báo về cuộc làm việc
ngày …"); the title at a line's start keeps its capital."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import TaskStatus
from storage.notices import format_title, title_in_sentence
from tests.bot.conftest import texts_to
from tests.conftest import SEED_NOTICE


@pytest.mark.parametrize(("title", "said"), [
    ("Thông báo về cuộc làm việc ngày 23/02/2018", "thông báo về cuộc làm việc ngày 23/02/2018"),
    ("Thông báo ngày 28/03/2013", "thông báo ngày 28/03/2013"),
    ("Văn bản “Về việc tăng cường phòng chống rét”", "văn bản “Về việc tăng cường phòng chống rét”"),
    ("Thông báo số 722/UBND-MT ngày 28/03/2013", "Thông báo số 722/UBND-MT ngày 28/03/2013"),
    ("Thông báo kết luận số 12/TB-UBND", "Thông báo kết luận số 12/TB-UBND"),
    ("Kết luận số 462-KL/TU", "Kết luận số 462-KL/TU"),
    ("UBND tỉnh", "UBND tỉnh"),  # (a name in capitals)
    ("76/TB-UBND", "76/TB-UBND"),
])
def test_a_descriptive_title_reads_lower_case_inside_a_sentence(title: str, said: str) -> None:
    assert title_in_sentence(title) == said


def test_a_number_inside_the_quoted_subject_is_not_the_notices_number() -> None:
    title = format_title("Văn bản", None, None, subject="Triển khai Nghị quyết số 18-NQ/TW")
    assert title_in_sentence(title) == "văn bản “Triển khai Nghị quyết số 18-NQ/TW”"


def test_messages_embed_the_title_as_a_sentence_does() -> None:
    meeting = format_title("THÔNG BÁO", None, None, meeting_date=dt.date(2026, 4, 22))
    numbered = format_title("THÔNG BÁO", "12/TB-UBND", dt.date(2026, 4, 22))
    tasks = [("2.1", "Rà soát quy chế làm việc.", None, None)]
    assert "theo thông báo về cuộc làm việc ngày 22/04/2026:" in texts.assignment_text("A", meeting, tasks, True)
    assert "theo Thông báo số 12/TB-UBND ngày 22/04/2026:" in texts.assignment_text("A", numbered, tasks, True)
    told = texts.withdrawn_told("A", meeting, ["2.1"], "nhầm văn bản")
    assert told.startswith("Kính gửi đồng chí A, thông báo về cuộc làm việc ngày 22/04/2026 đã được hủy"), told
    assert "mục 2.1 của thông báo về cuộc làm việc" in texts.withdrawn_text(meeting, "2.1", ["2.1"], "nhầm")
    # a title that heads a card keeps its capital
    card = texts.task_card_text(item_ref="2.1", notice_title=meeting, text="Rà soát.", due_on=None, due_text=None,
                                deadline_note=None, lead="Ban Dân vận Tỉnh ủy", support=[], status=TaskStatus.OPEN,
                                percent=None, assignee=None)
    assert card.startswith("Mục 2.1 — Thông báo về cuộc làm việc ngày 22/04/2026"), card


async def test_the_confirm_answer_and_the_assignment_say_a_meeting_notice_in_lower_case(harness: Harness) -> None:
    await harness.send_file("admin", "seed-notice.txt", data=SEED_NOTICE.read_bytes())
    firsts = [t.splitlines()[0] for t in texts_to(harness, "admin")]
    assert any(line.endswith("Thông báo về cuộc làm việc ngày 23/02/2018") for line in firsts), firsts  # (heading)
    mark = len(harness.sent)
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    answer = next(t for t in texts_to(harness, "admin", mark) if t.startswith("Đã xác nhận"))
    assert answer.startswith("Đã xác nhận thông báo về cuộc làm việc ngày 23/02/2018: 13 nhiệm vụ."), answer
    assigned = next(t for t in texts_to(harness, "head_bdv", mark) if "được giao chủ trì" in t)
    assert "13 nhiệm vụ theo thông báo về cuộc làm việc ngày 23/02/2018:" in assigned, assigned
