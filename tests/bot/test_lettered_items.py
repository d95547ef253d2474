"""A notice lettered at the top ("a) …", "b) …"): people type the letter alone, in every form the bot's own
example suggests ("a xong"), and a list of items goes on past one already finished."""

from __future__ import annotations

import pytest

from bot import texts
from bot.replies import letter_refs
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus
from tests.bot.conversation_setup import last_text
from tests.conftest import DIRECTORY_CSV, local

NOTICE = """ỦY BAN NHÂN DÂN TỈNH
Số: 77/UBND-VP
V/v triển khai nhiệm vụ quý II

Kính gửi: Sở Tài nguyên và Môi trường

Ủy ban nhân dân tỉnh đề nghị Sở Tài nguyên và Môi trường thực hiện các nội dung sau:
a) Rà soát hồ sơ giao đất các dự án du lịch, báo cáo trước ngày 20/4/2018.
b) Kiểm tra việc khai thác cát trên sông, báo cáo trước ngày 25/4/2018.
c) Lập danh mục các mỏ khoáng sản cần đóng cửa, trình trước ngày 30/4/2018.
d) Tổng hợp kiến nghị của cử tri về đất đai, báo cáo trước ngày 15/5/2018.
"""


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 4, 3, 9, 0)))  # a Tuesday
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()


def state(h: Harness, ref: str) -> str:
    with h.db.sessions() as session:
        task = session.query(Task).filter(Task.item_ref == ref).one()
        return str(task.status)


@pytest.mark.parametrize(("typed", "expected"), [
    ("a xong", [(["a"], "xong")]), ("c, d xong", [(["c", "d"], "xong")]), ("c và d xong", [(["c", "d"], "xong")]),
    ("da xong muc c", [(["c"], "da xong")]), ("d) xong", [(["d"], "xong")]), ("c.xong", [(["c"], "xong")]),
    ("Mục c đang làm 50%", [(["c"], "đang làm 50%")]), ("dd xong", [(["đ"], "xong")]),
    ("xin gia han muc d den 12/6", [(["d"], "xin gia han den 12/6")]),
    ("anh xong rồi", None), ("da xong", None), ("xong", None), ("a", None),
])
def test_letters_typed_alone(typed: str, expected: list[tuple[list[str], str]] | None) -> None:
    assert letter_refs(typed) == expected


@pytest.mark.parametrize(("typed", "ref", "status"), [
    ("a xong", "a", TaskStatus.DONE), ("Mục b đang làm 50% vướng số liệu các xã", "b", TaskStatus.BLOCKED),
    ("da xong muc c", "c", TaskStatus.DONE), ("d) 90%, chiều nay gửi", "d", TaskStatus.IN_PROGRESS),
    ("xin gia han muc d den 30/5", "d", TaskStatus.EXTENSION_REQUESTED),
])
async def test_a_lettered_item_typed_alone_is_understood(harness: Harness, typed: str, ref: str,
                                                         status: TaskStatus) -> None:
    h = harness
    await h.say("head_stnmt", typed)
    assert last_text(h, "head_stnmt").startswith(("Đã cập nhật: mục " + ref, "Đã gửi đề nghị")), \
        last_text(h, "head_stnmt")
    assert state(h, ref) == status


async def test_several_letters_and_a_list_going_on_past_a_finished_item(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "a xong")
    sent = len(h.sent)
    await h.say("head_stnmt", "a, b xong")
    answers = [s.text or "" for s in h.sent[sent:] if s.to == "head_stnmt"]
    assert len(answers) == 1, answers
    assert "Đã cập nhật: mục b — Hoàn thành" in answers[0] and "mục a đã hoàn thành" in answers[0]
    assert state(h, "b") == TaskStatus.DONE
    await h.say("head_stnmt", "c, d xong")
    assert state(h, "c") == state(h, "d") == TaskStatus.DONE


async def test_a_letter_the_person_has_no_task_for_is_not_taken_for_one(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "e xong")  # "em xong": four tasks open, none lettered e: the bot asks which
    assert "là của nhiệm vụ nào" in last_text(h, "head_stnmt")
    assert {state(h, r) for r in "abcd"} == {TaskStatus.OPEN}


@pytest.mark.parametrize(("typed", "status"), [
    ("đang làm, đã tổng vệ sinh xong, còn trang trí", TaskStatus.IN_PROGRESS),  # a part done, the rest named
    ("xong 2 lớp, còn 1 lớp", TaskStatus.IN_PROGRESS),
    ("đã xong, còn gì cần bổ sung không ạ", TaskStatus.DONE),  # "còn gì …": a question, nothing left
    ("chưa xong, còn chờ số liệu", None),
    ("da dang len trang ttdt huyen roi nhe", TaskStatus.DONE),  # "đã đăng lên …" typed without marks: posted
    ("đang đăng lên trang", TaskStatus.IN_PROGRESS),
])
def test_done_said_of_a_part_while_the_work_goes_on(typed: str, status: TaskStatus | None) -> None:
    import datetime as dt

    from bot.replies import parse_status_text

    change = parse_status_text(typed, today=dt.date(2018, 4, 3))
    assert change is not None and change.status == status
