"""Typed replies as busy officials write them, end to end through the sandbox: item numbers typed compactly
("II2b", "II.2 đ", "ii.2.dd"), said after the status ("xong mục II.2.b"), several in one message
("II.2.b, c xong", "II.2.b xong, II.2.c đang làm 70%"), a question about a task (its card, nothing stored),
snoozes in other words ("nhắc lại sau 3 ngày", "để tuần sau nhắc lại"), and a finished task opened again in a
sentence ("chưa xong, mở lại giúp")."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus
from tests.bot.conversation_setup import last_text
from tests.bot.test_item_numbers import NOTICE, tasks
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))  # a Tuesday
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()


def state(h: Harness, ref: str) -> tuple[str, int | None]:
    task: Task = tasks(h)[ref]
    return task.status, task.percent


async def test_compact_item_numbers(harness: Harness) -> None:
    h = harness
    for typed, ref in (("II2b xong", "II.2.b"), ("II.2 c: xong", "II.2.c"), ("ii.2.dd xong", "II.2.đ")):
        await h.say("head_stnmt", typed)
        assert last_text(h, "head_stnmt").startswith(f"Đã cập nhật: mục {ref} — Hoàn thành"), typed
        assert state(h, ref) == (TaskStatus.DONE, 100)


async def test_the_item_number_after_the_status(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "đã xong mục II.2.b")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục II.2.b — Hoàn thành")
    await h.say("head_stnmt", "Xin gia hạn II.2.a đến 30/4/2018")
    assert state(h, "II.2.a")[0] == TaskStatus.EXTENSION_REQUESTED
    assert "Đề nghị gia hạn đến 30/04/2018" in last_text(h, "head_stnmt")


async def test_several_items_in_one_message(harness: Harness) -> None:
    h = harness
    sent = len(h.sent)
    await h.say("head_stnmt", "II.2.b, c xong")
    answers = [s.text or "" for s in h.sent[sent:] if s.to == "head_stnmt"]
    assert len(answers) == 1, "one message confirms both"
    assert [line.split(" — ")[0] for line in answers[0].split("\n\n")] == ["Đã cập nhật: mục II.2.b",
                                                                           "Đã cập nhật: mục II.2.c"]
    assert state(h, "II.2.b") == state(h, "II.2.c") == (TaskStatus.DONE, 100)
    await h.say("head_stnmt", "II.2.d xong, II.2.đ đang làm 70%")
    assert state(h, "II.2.d") == (TaskStatus.DONE, 100)
    assert state(h, "II.2.đ") == (TaskStatus.IN_PROGRESS, 70)
    # a reply to that confirmation is about one of its two tasks: the bot asks which, keeping the text
    confirmation = h.sent[-1]
    assert "mục II.2.d" in (confirmation.text or "") and "mục II.2.đ" in (confirmation.text or "")
    await h.reply("head_stnmt", "80%")
    assert "Mục II.2.d" in last_text(h, "head_stnmt") or "II.2.đ" in last_text(h, "head_stnmt")


async def test_a_question_shows_the_task_and_stores_nothing(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "II.2.b là gì?")
    card = last_text(h, "head_stnmt")
    assert "Rà soát hồ sơ giao đất các dự án du lịch" in card and "Đã cập nhật" not in card
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)


@pytest.mark.parametrize(("typed", "until"), [
    ("II.2.b nhắc lại sau 3 ngày", dt.date(2018, 3, 9)),  # Friday
    ("II.2.b nhắc lại 4 ngày nữa", dt.date(2018, 3, 12)),  # Saturday 10/03: the Monday after
    ("II.2.b để tuần sau nhắc lại", dt.date(2018, 3, 12)),
    ("II.2.b nhắc tôi vào thứ 6", dt.date(2018, 3, 9)),
])
async def test_snoozes_in_other_words(harness: Harness, typed: str, until: dt.date) -> None:
    h = harness
    await h.say("head_stnmt", typed)
    assert tasks(h)["II.2.b"].snoozed_until == until, last_text(h, "head_stnmt")


async def test_a_finished_task_opened_again_in_a_sentence(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "II.2.b xong")
    await h.say("head_stnmt", "II.2.b chưa xong, mở lại giúp")
    assert last_text(h, "head_stnmt").startswith("Đã mở lại mục II.2.b: Đang thực hiện")
    assert state(h, "II.2.b") == (TaskStatus.IN_PROGRESS, None)


@pytest.mark.parametrize("typed", ["cảm ơn", "👍", "Dạ vâng, cảm ơn đồng chí đã nhắc ạ"])  # thanks: no snooze
async def test_a_thank_you_is_not_answered(harness: Harness, typed: str) -> None:
    h = harness
    sent = len(h.sent)
    await h.say("head_stnmt", typed)
    assert h.sent[sent:] == []
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)


@pytest.mark.parametrize("typed", ["Dạ em nhận nhiệm vụ ạ", "ok", "Đã nhận, cảm ơn đồng chí!"])
async def test_a_receipt_is_answered_with_one_line(harness: Harness, typed: str) -> None:
    """Month probe 27, F9: "dạ nhận" got nothing back, and a first-time user could not tell it arrived."""
    h = harness
    sent = len(h.sent)
    await h.say("head_stnmt", typed)
    assert [m.text for m in h.sent[sent:]] == [texts.RECEIPT_NOTED]
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)


async def test_a_question_to_the_bot_is_still_answered(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "cảm ơn, cho hỏi hạn mục nào gần nhất?")
    # not swallowed as a thank-you: asked which items, answered with the person's tasks and their deadlines
    assert last_text(h, "head_stnmt").startswith("Nhiệm vụ đồng chí Trần Văn Môi đang phụ trách")


@pytest.mark.parametrize("command", ["/nghỉ", "/trogiup", "/Việc"])
async def test_commands_typed_with_marks(harness: Harness, command: str) -> None:
    h = harness
    await h.say("head_stnmt", command)
    assert "Lệnh này không được hỗ trợ" not in last_text(h, "head_stnmt")


async def test_help_lists_every_command_a_user_has(harness: Harness) -> None:
    h = harness
    await h.say("admin", "/huongdan")
    shown = last_text(h, "admin")
    for command in ("/viec", "/kenh", "/nghi", "/giao", "/donvi", "/tonghop", "/moi", "/loi", "/huy"):
        assert command in shown, command


async def test_help_shows_each_role_its_own_part(harness: Harness) -> None:
    """A cadre is not shown the leaders' decisions, a leader is shown how to direct and not the admin's commands."""
    h = harness
    await h.say("cadre_bdv", "/huongdan")
    cadre = last_text(h, "cadre_bdv")
    assert "/viec" in cadre and "2.1 xong" in cadre
    assert not any(w in cadre for w in ("/giao", "/tonghop", "đồng ý gia hạn", "/moi")), cadre
    await h.say("head_bdv", "/huongdan")
    head = last_text(h, "head_bdv")
    assert "/giao" in head and "/donvi" in head and "/tonghop" not in head and "/moi" not in head
    await h.say("leader", "/huongdan")
    leader = last_text(h, "leader")
    assert "Dành cho lãnh đạo:" in leader and "“nhắc <tên đơn vị>”" in leader and "đồng ý gia hạn 2.1" in leader
    assert "/tonghop" in leader and "/moi" not in leader and "/giao" not in leader


async def test_an_admins_short_message_is_not_taken_for_a_notice(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.say("admin", "bo 7")  # a correction typed without marks
        await h.say("admin", "Đã kiểm tra, xác nhận giao việc")  # typed instead of the button: confirmed
        assert last_text(h, "admin").startswith("Đã xác nhận")
        assert len(tasks(h)) == 6
        await h.say("admin", "Anh ơi chiều nay họp mấy giờ?")
        assert last_text(h, "admin").startswith("Nhắc việc chưa hiểu tin nhắn này. Để nạp văn bản")
    finally:
        await h.stop()


async def test_several_compact_items_without_commas(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "2b 2c deu xong")
    assert state(h, "II.2.b") == state(h, "II.2.c") == (TaskStatus.DONE, 100)
    await h.say("head_stnmt", "2d xong, 2đ 30%")
    assert state(h, "II.2.d") == (TaskStatus.DONE, 100) and state(h, "II.2.đ") == (TaskStatus.IN_PROGRESS, 30)


async def test_a_section_typed_as_a_number(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "2.2.b xong")  # II.2.b, its Roman section typed as 2
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục II.2.b — Hoàn thành")


@pytest.mark.parametrize("typed", ["II.2.b là việc gì", "II.2.b phối hợp với đơn vị nào vậy", "II.2.b nộp cho ai"])
async def test_questions_without_a_question_mark(harness: Harness, typed: str) -> None:
    h = harness
    await h.say("head_stnmt", typed)
    assert "Đã cập nhật" not in last_text(h, "head_stnmt")
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)


async def test_tong_hop_typed_without_a_slash(harness: Harness) -> None:
    h = harness
    await h.say("leader", "tổng hợp")
    assert "TỔNG HỢP" in last_text(h, "leader") or any("TỔNG HỢP" in (s.text or "") for s in h.sent[-3:])


async def test_a_share_over_100_percent_is_refused_with_a_word(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "II.2.b 110%")
    assert "vượt quá 100%" in last_text(h, "head_stnmt") and "II.2.b 80%" in last_text(h, "head_stnmt")
    assert state(h, "II.2.b") == (TaskStatus.OPEN, None)


async def test_on_zalo_the_example_uses_the_persons_own_item_numbers(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 6, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.say("admin", "xác nhận")
        await h.say("head_stnmt", "hôm nay trời mưa to quá")
        assert "ví dụ: “II.2.a xong”" in last_text(h, "head_stnmt")
    finally:
        await h.stop()
