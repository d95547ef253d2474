"""Typed replies a new user wrote in session 41's blind probe (60 replies to the seed notice, 45 read right at first
look) that the bot misread: an item number with parts after its letter ("2.3.b.3") or after the verb ("đã hoàn thành
2.2.a") cut to "2.3" / "2.2"; the town "La Gi" read as "là gì?"; "Chào chị, cảm ơn chị đã gửi" asked "của nhiệm vụ
nào?"; a step done with the next still to come recorded as finished; "hoàn thàh"; "đã ht" on work that goes on not
asked whether all of it is done; "(mục 2.2.a)" leaving "( )" in the stored note; "giao cho đ/c Vận" recorded as
progress; the cut list's "…." and an April date asked with “đến 28/2” as its example."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.replies import find_refs, handed_to, parse_status_text, question_fold
from bot.sandbox.harness import Harness
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conftest import held, last_text, texts_to
from tests.conftest import SEED_NOTICE

TODAY = dt.date(2018, 3, 12)


@pytest.mark.parametrize(("said", "ref", "rest"), [
    ("Em báo cáo: đã hoàn thành 2.2.a", "2.2.a", "Em báo cáo: đã hoàn thành"),
    ("xin lùi hạn 2.3.b.3 sang 15/4", "2.3.b.3", "xin lùi hạn sang 15/4"),
    ("đã xong 2.3.b.3 rồi", "2.3.b.3", "đã xong rồi"),
    ("em làm xong 1.2 rồi", "1.2", "em làm xong rồi"),  # (two parts after the verb, as before)
    ("Dự thảo quy chế (mục 2.2.a) đã trình Thường trực", "2.2.a", "Dự thảo quy chế đã trình Thường trực"),
])
def test_an_item_number_inside_a_message_is_read_whole(said: str, ref: str, rest: str) -> None:
    assert find_refs(said) == [([ref], rest)]


def test_a_place_typed_without_its_marks_is_no_question_word() -> None:
    assert "la gi" not in question_fold("khó khăn: chưa có kinh phí khảo sát La Gi")
    assert "la gi" in question_fold("mục 2.1 là gì?")
    assert "la gi" in question_fold("muc 2.1 la gi")  # (typed without marks at all: it may be the question)


@pytest.mark.parametrize(("said", "status"), [
    ("đã xây dựng xong đề án, dự kiến trình BTV ngày 20/3", TaskStatus.IN_PROGRESS),
    ("rà soát xong quy chế, sẽ trình Thường trực tuần sau", TaskStatus.IN_PROGRESS),
    ("hoàn thàh", TaskStatus.DONE),
    ("đã hoan thnah", TaskStatus.DONE),
    ("đã xong, gửi báo cáo về Văn phòng", TaskStatus.DONE),
])
def test_what_a_report_says_of_the_work(said: str, status: TaskStatus) -> None:
    change = parse_status_text(said, today=TODAY)
    assert change is not None and change.status == status


@pytest.mark.parametrize(("said", "who"), [
    ("giao cho đ/c Vận theo dõi", "Vận"),
    ("em giao đồng chí Phạm Thị Vận thực hiện", "Phạm Thị Vận"),
    ("giao cho dc Van theo doi nhe", "Van"),
    ("giao @cadre_bdv", "@cadre_bdv"),
    ("giao cho các phòng triển khai", None),  # what the unit did: a report
    ("đã giao nhiệm vụ cho các xã", None),
])
def test_a_task_handed_to_a_person_is_read_from_the_person_marker(said: str, who: str | None) -> None:
    assert handed_to(said) == who


def test_a_cut_list_and_an_impossible_day_are_said_plainly() -> None:
    text = texts.unknown_ref("5", [f"2.{i}" for i in range(1, 14)])
    assert "mục 2.8 và 5 mục khác. Gõ /viec" in text and "…" not in text
    asked = texts.extension_impossible_day("3", "Ngày “31/4/2018” không có trong lịch.", "31/4/2018")
    assert asked.endswith("ví dụ: “đến 30/4”.")
    assert texts.extension_impossible_day("3", "Ngày “30/2” không có trong lịch.", "30/2").endswith("“đến 28/2”.")
    assert texts.extension_impossible_day("3", "Ngày “29/2/2024” …", "30 / 2 / 2024").endswith("“đến 29/2”.")


async def _seed(h: Harness) -> None:
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)


def _status(h: Harness, ref: str) -> tuple[TaskStatus, list[str]]:
    assert h.db is not None

    def query(session) -> tuple[TaskStatus, list[str]]:  # type: ignore[no-untyped-def]
        task = session.scalars(select(Task).where(Task.item_ref == ref)).one()
        notes = list(session.scalars(select(StatusReport.note).where(StatusReport.task_id == task.id)))
        return TaskStatus(task.status), notes
    return h.db.call(query)


async def test_a_difficulty_naming_la_gi_is_recorded(harness: Harness) -> None:
    h = harness
    await _seed(h)
    await h.say("head_bdv", "Mục 2.3.b.3 khó khăn: chưa có kinh phí khảo sát La Gi")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2.3.b.3 — Vướng mắc.")
    assert _status(h, "2.3.b.3") == (TaskStatus.BLOCKED, ["khó khăn: chưa có kinh phí khảo sát La Gi"])


async def test_a_greeting_and_a_thank_you_ask_nothing(harness: Harness) -> None:
    h = harness
    await _seed(h)
    before = len(h.sent)
    await h.say("head_bdv", "Chào chị, cảm ơn chị đã gửi")
    assert texts_to(h, "head_bdv", before) == []  # (a thank-you closes the exchange, as "cảm ơn" alone does)
    await h.say("head_bdv", "Chào chị, em đã gửi báo cáo mục 2.1")  # a report after a hello is still a report
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2.1 —")


async def test_a_head_hands_a_task_to_a_cadre_in_words(harness: Harness) -> None:
    h = harness
    await _seed(h)
    await h.say("head_bdv", "Mục 2.1 giao cho đ/c Vận theo dõi")
    assert last_text(h, "head_bdv").startswith("Đã giao nhiệm vụ mục 2.1")
    assert "2.1" in held(h, "cadre_bdv") and _status(h, "2.1")[1] == []  # handed over, no progress recorded


async def test_done_written_short_on_work_that_goes_on_asks_once(harness: Harness) -> None:
    h = harness
    await _seed(h)
    await h.say("head_bdv", "Đ/c cho em báo cáo: nv 2.3.a đã ht")
    said = last_text(h, "head_bdv")
    assert "đồng chí gõ “2.3.a xong” một lần nữa để kết thúc nhiệm vụ" in said
    assert _status(h, "2.3.a")[0] == TaskStatus.IN_PROGRESS


def test_an_open_task_reported_not_started_is_said_so() -> None:
    assert texts.progress_text(TaskStatus.OPEN, None, not_started=True) == "Chưa triển khai"
    assert texts.progress_text(TaskStatus.OPEN, None) == "Chưa cập nhật"
    assert texts.progress_text(TaskStatus.IN_PROGRESS, 40, not_started=True) == "40% — Đang thực hiện"


async def test_not_started_stays_said_in_the_digest_the_list_and_the_card(harness: Harness) -> None:
    """Probe s41 #57: "2.3.b.3 chưa triển khai" was confirmed as "Chưa triển khai", then every later digest and /viec
    said "Chưa cập nhật", as if the reply had been lost."""
    from tests.conftest import local

    h = harness
    await _seed(h)
    await h.say("head_bdv", "2.3.b.3 chưa triển khai")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2.3.b.3 — Chưa triển khai.")
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 12, 9, 0))
    digest = texts_to(h, "head_bdv", start)[0]
    assert "• Mục 2.3.b.3: " in digest and "— Chưa triển khai" in digest.split("• Mục 2.3.b.3: ")[1].split("\n")[0]
    assert "— Chưa cập nhật" in digest.split("• Mục 2.3.b.2: ")[1].split("\n")[0]  # (the others as they were)
    await h.say("head_bdv", "/viec")
    listed = last_text(h, "head_bdv").split("• Mục 2.3.b.3: ")[1]
    assert "tình trạng: Chưa triển khai" in listed.split("• Mục")[0]
    await h.say("head_bdv", "2.3.b.3?")
    assert "Tình trạng: Chưa triển khai" in last_text(h, "head_bdv")
