"""Questions to the office (probe 15, finding 6): "hỏi văn phòng: …", a question Nhắc việc cannot answer, or a
long question about a task (after its card) goes to the admins; an admin answers by replying to it or by typing
"trả lời N: …" and the answer goes back to whoever asked; /hoi lists those waiting. Through the real
python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from bot import texts
from bot.conversation.office import is_a_question
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.directory import bind_chat
from tests.bot.conftest import texts_to
from tests.bot.test_district_month import DIRECTORY, NOTICE
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 9, 0)))
    await h.start(directory_csv=DIRECTORY, enroll_all=True)
    await h.send_file("vanthu", "cv-2456.txt", data=NOTICE)
    await h.tap("vanthu", texts.BUTTON_CONFIRM)
    yield h
    await h.stop()




async def test_a_question_typed_for_the_office_is_answered_by_a_reply(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_lamcot", "Hỏi văn phòng: mẫu báo cáo thiệt hại lấy ở đâu ạ?")
    shown = texts_to(h, "vanthu", mark)
    assert len(shown) == 1 and shown[0].startswith("CÂU HỎI SỐ 1 gửi Văn phòng"), shown
    assert "Đ/c Thân Thị Nga (UBND xã Lam Cốt) hỏi:\n“mẫu báo cáo thiệt hại lấy ở đâu ạ?”" in shown[0], shown[0]
    told = texts_to(h, "ct_lamcot", mark)
    assert told == ["Nhắc việc chưa tự trả lời được câu hỏi này nên đã chuyển tới Văn phòng (đ/c Nguyễn Thị Thu Hằng)."
                    " Khi Văn phòng trả lời, Nhắc việc gửi lại đồng chí."], told
    mark = len(h.sent)
    await h.reply("vanthu", "Mẫu kèm theo Công văn 2456, đồng chí gửi bản mềm qua hệ thống văn bản.")
    got = texts_to(h, "ct_lamcot", mark)
    assert got == ["Văn phòng (đ/c Nguyễn Thị Thu Hằng) trả lời câu hỏi của đồng chí “mẫu báo cáo thiệt hại lấy ở "
                   "đâu ạ?”:\nMẫu kèm theo Công văn 2456, đồng chí gửi bản mềm qua hệ thống văn bản."], got
    assert texts_to(h, "vanthu", mark) == ["Đã gửi câu trả lời tới đ/c Thân Thị Nga."]


async def test_a_question_the_bot_cannot_answer_goes_to_the_office_and_a_typed_answer_comes_back(
        harness: Harness) -> None:
    h = harness
    await h.say("ct_phuchoa", "Báo cáo thiệt hại gửi file hay văn bản giấy ạ?")
    assert "đã chuyển tới Văn phòng" in texts_to(h, "ct_phuchoa")[-1]
    await h.say("vanthu", "/hoi")
    waiting = texts_to(h, "vanthu")[-1]
    assert waiting.startswith("Câu hỏi đang chờ trả lời (1):\n• Số 1 — đ/c Nguyễn Văn Dũng, 01/12/2026"), waiting
    mark = len(h.sent)
    await h.say("vanthu", "tra loi 1: gửi file qua hệ thống, không cần bản giấy")
    assert texts_to(h, "ct_phuchoa", mark)[-1].endswith(":\ngửi file qua hệ thống, không cần bản giấy")
    await h.say("vanthu", "/hoi")
    assert texts_to(h, "vanthu")[-1] == "Không có câu hỏi nào đang chờ Văn phòng trả lời."
    mark = len(h.sent)
    await h.say("vanthu", "trả lời 7: đã rõ")
    assert texts_to(h, "vanthu", mark) == ["Không có câu hỏi số 7. Các câu hỏi chưa trả lời: gõ /hoi."]


async def test_a_long_question_about_a_task_shows_the_card_and_goes_to_the_office(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_caoxa", "mục 2 là gì?")
    assert len(texts_to(h, "ct_caoxa", mark)) == 1 and texts_to(h, "vanthu", mark) == []  # the card answers it
    mark = len(h.sent)
    await h.say("ct_caoxa", "Mục 2 báo cáo theo mẫu nào vậy, gửi cho ai?")
    said = texts_to(h, "ct_caoxa", mark)
    assert len(said) == 2 and said[0].startswith("Mục 2 — ") and "đã được chuyển tới Văn phòng" in said[1], said
    assert "hỏi về nhiệm vụ mục 2:" in texts_to(h, "vanthu", mark)[0]


async def test_the_office_form_without_a_question_says_how(harness: Harness) -> None:
    await harness.say("tp_nn", "hỏi văn phòng")
    assert texts_to(harness, "tp_nn")[-1] == texts.ASK_OFFICE_HOW


@pytest.mark.parametrize(("text", "question"), [
    ("Báo cáo gửi file hay văn bản giấy ạ?", True),
    ("xã em nộp bản giấy có được không ạ", True),  # no question mark, the words ask
    ("xã em đã nộp bản giấy cho phòng", False),  # a statement: explained, not forwarded
    ("nộp ở đâu vậy ạ, gửi cho ai", True),
    ("hạn nộp là khi nao vay", False),  # about a deadline: the bot's own answer (/viec), not the office's
    ("sao?", False),
    ("ok", False),
])
def test_what_is_a_question_for_the_office(text: str, question: bool) -> None:
    assert is_a_question(text) is question


async def test_on_zalo_the_office_answers_by_number(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    await h.db.run(bind_chat, handle="vanthu", channel="zalo", chat_id=h.chat_of("vanthu", "zalo"))
    await h.say("vanthu", "/kenh zalo", channel="zalo")
    assert "qua Zalo" in texts_to(h, "vanthu")[-1], texts_to(h, "vanthu")[-1]
    mark = len(h.sent)
    await h.say("ct_caoxa", "Báo cáo gửi bản giấy hay file ạ?")
    card = next(s for s in h.sent[mark:] if s.to == "vanthu")
    assert card.channel == "zalo" and "trả lời tin này" not in card.text, card
    assert "Đồng chí gõ “trả lời 1: <nội dung>” để Nhắc việc gửi lại cho đ/c Giáp Văn Sơn." in card.text, card.text
    mark = len(h.sent)
    await h.say("vanthu", "Gửi file qua hệ thống nhé", channel="zalo")  # the answer without its number
    said = texts_to(h, "vanthu", mark)
    assert len(said) == 1 and "Có 1 câu hỏi của cán bộ đang chờ Văn phòng trả lời" in said[0], said
    await h.say("vanthu", "trả lời câu 1: Gửi file qua hệ thống nhé", channel="zalo")
    assert texts_to(h, "ct_caoxa")[-1].endswith(":\nGửi file qua hệ thống nhé")


@pytest.mark.parametrize("question", [
    "Trung tâm có phải làm mục 1 không ạ? Công văn giao các xã",
    "mục 2 báo cáo theo mẫu nào, gửi lúc nào ạ?",
])
async def test_a_question_about_an_item_the_person_does_not_hold_goes_to_the_office(harness: Harness,
                                                                                   question: str) -> None:
    """Probe 19: such a question was answered "Không tìm thấy nhiệm vụ mục …" (a status report gone wrong), and the
    office never saw it."""
    h = harness
    mark = len(h.sent)
    await h.say("gd_vhtt", question)
    told = texts_to(h, "gd_vhtt", mark)
    assert len(told) == 1 and "đã chuyển tới Văn phòng" in told[0] and "Không tìm thấy" not in told[0], told
    assert question in texts_to(h, "vanthu", mark)[0]


async def test_a_status_for_an_item_not_held_is_still_told_so(harness: Harness) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("gd_vhtt", "mục 2 xong")
    assert "Không tìm thấy nhiệm vụ mục 2" in texts_to(h, "gd_vhtt", mark)[0]
    assert texts_to(h, "vanthu", mark) == []
