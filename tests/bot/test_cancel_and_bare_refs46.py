"""Probe 46 leftovers (a month of a province's notice, read as its cadres): "thôi", "huỷ", "bỏ qua" typed to take
back what the bot had just asked about were answered "chưa hiểu" — and the question stayed open, so a later tap or a
date still applied what the person had dropped; "2.1" typed alone by someone who holds no item 2.1 was "chưa hiểu"
too, where "2.1 xong" says which items they do hold. Through the conversation, with the sandbox, on SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.conversation.status import is_cancel
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conversation_setup import started, texts_to
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def says(h, handle: str, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    mark = len(h.sent)
    await h.say(handle, text)
    return texts_to(h, handle, mark)


def status_of(h, ref: str) -> str:  # type: ignore[no-untyped-def]
    return h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == ref)))


def reports(h) -> int:  # type: ignore[no-untyped-def]
    return h.db.call(lambda s: len(s.scalars(select(StatusReport.id)).all()))


def test_what_reads_as_taking_back() -> None:
    for said in ("thôi", "Thôi!", "huỷ", "Hủy ạ", "HUỶ BỎ", "bỏ qua nhé", "thôi không cần nữa", "không cần",
                 "dạ thôi ạ", "huy"):
        assert is_cancel(said), said
    for said in ("không", "thôi việc", "hủy mục 2", "bỏ qua mục 3 nhé", "không cần gia hạn nữa", "xong",
                 "thôi được, mục 2 xong"):
        assert not is_cancel(said), said


async def test_thoi_drops_the_which_question_and_its_buttons_apply_nothing(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 1, 9, 0))
    asked = await says(h, "head_bdv", "xong")  # three open items: "là của nhiệm vụ nào?"
    assert "là của nhiệm vụ nào" in asked[0], asked
    before = reports(h)
    answer = await says(h, "head_bdv", "thôi ạ")
    assert answer == ["Đã hủy: nội dung “xong” không được ghi cho nhiệm vụ nào."], answer
    taps = len(h.state.callback_answers)
    await h.tap("head_bdv", "Mục 2")  # the button under the question dropped
    assert h.state.callback_answers[taps:] and \
        h.state.callback_answers[-1]["text"] == texts.STALE_BUTTON, h.state.callback_answers[taps:]
    await says(h, "head_bdv", "2")  # the number typed: the card, not the dropped "xong"
    assert reports(h) == before and status_of(h, "2") != TaskStatus.DONE


async def test_thoi_drops_an_extension_waiting_for_its_date(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 1, 9, 0))
    asked = await says(h, "head_bdv", "1 xin gia hạn")
    assert "đến ngày nào" in asked[0], asked
    answer = await says(h, "head_bdv", "huỷ")
    assert answer == ["Đã hủy đề nghị gia hạn mục 1 vừa gõ (chưa có ngày); Nhắc việc không ghi đề nghị này."], answer
    before = reports(h)
    await says(h, "head_bdv", "đến 30/4")  # the date that would have answered the question dropped
    assert reports(h) == before and status_of(h, "1") != TaskStatus.EXTENSION_REQUESTED


async def test_thoi_with_nothing_waiting_says_so_and_how_to_correct_a_report(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 1, 9, 0))
    nothing = await says(h, "head_bdv", "bỏ qua")
    assert nothing == ["Hiện không có câu hỏi hay đề nghị nào đang chờ đồng chí nên không có gì để hủy; Nhắc việc "
                       "không ghi gì từ tin nhắn này."], nothing
    await says(h, "head_bdv", "2 xong")
    after_done = await says(h, "head_bdv", "hủy")
    assert after_done[0].endswith("Nếu đồng chí báo nhầm mục 2 đã hoàn thành, đồng chí gõ: “báo nhầm, mục 2 mới đạt "
                                  "50%”."), after_done
    assert status_of(h, "2") == TaskStatus.DONE, "nothing is undone by a bare “hủy”"
    corrected = await says(h, "head_bdv", "báo nhầm, mục 2 mới đạt 50%")  # the way it offers works
    assert "Đã mở lại mục 2" in corrected[0] and status_of(h, "2") == TaskStatus.IN_PROGRESS, corrected
    admin = await says(h, "admin", "thôi")
    assert "/huy" in admin[0] and "chưa hiểu" not in admin[0], admin


async def test_a_two_part_number_alone_that_the_person_does_not_hold(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 1, 9, 0))
    for said in ("2.1", "mục 2.1."):
        answer = await says(h, "head_bdv", said)
        assert answer[0].startswith("Không tìm thấy nhiệm vụ mục 2.1 trong danh sách đồng chí đang phụ trách."), \
            (said, answer)
        assert "mục 1" in answer[0] and "mục 3" in answer[0], answer


async def test_a_which_question_tapped_days_later_records_nothing(harness) -> None:  # type: ignore[no-untyped-def]
    # probe s43, E8: a hand-off typed on Friday, asked "là của nhiệm vụ nào?", was stored as another item's progress
    # by a tap four days later; the question holds as "Ý đồng chí là mục …?" does (to the end of the next working day)
    h = harness
    await h.advance_to(local(2018, 3, 2, 10, 0))  # Friday
    asked = await says(h, "head_bdv", "xong")
    assert "là của nhiệm vụ nào" in asked[0], asked
    before = reports(h)
    await h.advance_to(local(2018, 3, 6, 9, 0))  # Tuesday: lapsed
    mark = len(h.sent)
    await h.tap("head_bdv", "Mục 2")
    said = texts_to(h, "head_bdv", mark)
    assert said and said[-1] == ("Câu hỏi ngày 02/03/2018 (nội dung “xong” là của nhiệm vụ nào?) đã hết hiệu lực "
                                 "nên Nhắc việc chưa ghi. Nếu nội dung ấy vẫn đúng, đồng chí gõ “2 xong”."), said
    assert reports(h) == before and status_of(h, "2") != TaskStatus.DONE


async def test_a_which_question_asked_on_friday_is_answered_on_monday(harness) -> None:  # type: ignore[no-untyped-def]
    h = harness
    await h.advance_to(local(2018, 3, 2, 16, 0))  # Friday
    await says(h, "head_bdv", "xong")
    await h.advance_to(local(2018, 3, 5, 9, 0))  # Monday: still holds
    await h.tap("head_bdv", "Mục 2")
    assert status_of(h, "2") == TaskStatus.DONE
