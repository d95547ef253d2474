"""How typed status replies are understood, after the new-user probe 21 (/work/notes/s21/probe21/FINDINGS.md):
F1 a task said not to be the unit's goes to the office as a move, never progress; F2 the item number typed after
"là của nhiệm vụ nào?" answers it, and an item number alone sets no status; F3 "cho" (to) is not "chờ" (wait) once
the marks are gone; F5 "xong cả 2" is every task of the message; F6 "xongg", "xonh" are "xong", "xong 1 phần" is
progress with its words kept; F8 a cadre with no task of her own typing "xong" is asked which of her unit's tasks.
The grammar is tested on phrasing patterns (with and without marks, NFD); the chat through the sandbox."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from bot import texts
from bot.replies import every_task, parse_status_text, split_refs, transfer_asked
from bot.sandbox.harness import Harness
from storage.models import AuditLog, TaskStatus
from storage.vntext import strip_marks
from tests.bot.conversation_setup import count, last_text, reports, started, task, texts_to

TODAY = dt.date(2026, 2, 2)
S = TaskStatus


def forms(text: str) -> list[str]:
    """The text as typed (NFC), in NFD (as some phones send it)."""
    return [text, unicodedata.normalize("NFD", text)]


def status_of(text: str) -> TaskStatus | None:
    said = parse_status_text(text, today=TODAY)
    assert said is not None, text
    return said.status


# ---------------------------------------------------------------- F3: "cho" is not "chờ"

@pytest.mark.parametrize("text", [
    "đã gửi dự thảo báo cáo rà soát cho lãnh đạo Sở",
    "đã gửi dự thảo cho lãnh đạo Sở",
    "Phòng đã trình dự thảo kế hoạch cho lãnh đạo Ban",
    "em đã gửi dự thảo cho Văn phòng",
    "đang hoàn thiện hồ sơ để gửi cho lãnh đạo cho ý kiến",
    # typed without marks: "cho" after a verb of sending is "to"
    "da gui du thao cho lanh dao so",
    "da trinh du thao cho lanh dao ban",
])
def test_to_someone_is_not_waiting_for_them(text: str) -> None:
    for said in forms(text):
        assert status_of(said) != S.BLOCKED, said


@pytest.mark.parametrize("text", [
    "đang chờ lãnh đạo Sở cho ý kiến",
    "còn chờ ý kiến của UBND tỉnh",
    "đang chờ Sở Tài chính thẩm định",
    "vẫn chờ kinh phí",
    "đang vứơng kinh phí",  # (the tone on the other vowel)
    "bị kẹt ở khâu thẩm định",
    # typed without marks at all: any of them may be meant
    "dang cho lanh dao cho y kien",
    "con cho y kien cua ubnd tinh",
    "vuong kinh phi",
])
def test_waiting_and_held_up_words_with_their_marks_or_none_at_all(text: str) -> None:
    for said in forms(text):
        assert status_of(said) == S.BLOCKED, said


@pytest.mark.parametrize("text", [
    "kết quả đã gửi Sở",  # "kết", not "kẹt"
    "Kho bạc đã giải ngân đợt 1, đang làm tiếp",  # "kho", not "khó"
    "đang cho các xã đăng ký",  # "cho" typed plainly in a message with marks
])
def test_a_word_typed_with_other_marks_is_not_the_status_word(text: str) -> None:
    for said in forms(text):
        assert status_of(said) != S.BLOCKED, said


@pytest.mark.parametrize("text", [
    "dự thảo đã xong, trình lãnh đạo Sở cho ý kiến",
    "đã xây dựng xong dự thảo kế hoạch",
    "hoàn thành dự thảo, đang xin ý kiến các sở",
    "du thao da xong, trinh lanh dao so cho y kien",
])
def test_a_draft_done_is_not_the_task_done(text: str) -> None:
    for said in forms(text):
        assert status_of(said) == S.IN_PROGRESS, said


# ---------------------------------------------------------------- F6: misspelt "xong", a part done

@pytest.mark.parametrize("text", ["xongg", "xonh", "xoong rồi", "xonng", "đã xongg ạ", "xomg", "XONGG", "da xonh roi"])
def test_xong_mistyped_is_done(text: str) -> None:
    for said in forms(text):
        assert status_of(said) == S.DONE, said


@pytest.mark.parametrize("text", ["song rồi", "xôn xao", "xung quanh trụ sở"])
def test_words_near_xong_are_not_it(text: str) -> None:
    for said in forms(text):
        assert status_of(said) != S.DONE, said


@pytest.mark.parametrize("text", ["xong 1 phần", "xong một phần", "đã xong phần lớn, còn chờ Sở KH&CN",
                                  "hoàn thành 1 phần", "xong mot phan"])
def test_a_part_done_is_progress_and_its_words_are_shown(text: str) -> None:
    for said in forms(text):
        assert status_of(said) == S.IN_PROGRESS, said
        assert texts.meaningful_note(said), said


@pytest.mark.parametrize(("note", "shown"), [
    ("đã xong phần lớn, còn chờ Sở KH&CN", "đã xong phần lớn, còn chờ Sở KH&CN"),
    ("xong 1 phần", "xong 1 phần"),
    ("xong được một nửa, còn 3 xã", "xong được một nửa, còn 3 xã"),
    ("xong, đã gửi Văn phòng", "đã gửi Văn phòng"),  # (as before: the status line says "xong")
])
def test_the_note_keeps_a_done_word_said_of_a_part(note: str, shown: str) -> None:
    assert texts.note_body(note) == shown


# ---------------------------------------------------------------- F5: every task of the message

@pytest.mark.parametrize(("text", "count_said"), [
    ("xong cả 2", 2), ("xong cả hai rồi ạ", 2), ("cả hai mục em làm xong hết rồi", 2), ("2 việc đều xong rồi ạ", 2),
    ("hai nhiệm vụ đều đã hoàn thành", 2), ("cả 3 nhiệm vụ đã xong", 3), ("Tất cả các nội dung được giao đã xong", 0),
    ("các mục đều đã hoàn thành", 0), ("đều xong cả rồi ạ", 0), ("ca 2 deu xong roi", 2), ("2 viec deu xong", 2),
])
def test_said_of_every_task(text: str, count_said: int) -> None:
    for said in forms(text):
        assert every_task(said) == count_said, said
        assert status_of(said) == S.DONE, said


@pytest.mark.parametrize("text", ["xong cả 2 đợt", "cả 3 xã đều xong", "5 xã đều đã hoàn thành", "xong",
                                  "đã tập huấn xong cả 2 lớp", "1 việc xong, 1 việc đang làm"])
def test_not_said_of_every_task(text: str) -> None:
    for said in forms(text):
        assert every_task(said) is None, said


@pytest.mark.parametrize("text", ["2 việc đều xong rồi ạ", "3 nhiệm vụ đã hoàn thành", "2 mục xong rồi"])
def test_a_count_of_tasks_is_no_item_number(text: str) -> None:
    for said in forms(text):
        assert split_refs(said) is None, said
    assert split_refs("2 xong") == [(["2"], "xong")] and split_refs("II.4.a xong") == [(["II.4.a"], "xong")]


# ---------------------------------------------------------------- F1: not the unit's task

@pytest.mark.parametrize(("text", "unit"), [
    ("không thuộc chức năng của Sở Tài chính, đề nghị chuyển Sở Kế hoạch", "Sở Kế hoạch"),
    ("không phải việc của đơn vị tôi", None),
    ("đề nghị chuyển sang Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
    ("không thuộc đơn vị tôi", None),
    ("Việc này không phải của phòng em, anh xem lại giúp", None),
    ("đề nghị rút khỏi danh sách vì không thuộc chức năng của phòng", None),
    ("ko phải việc bên em", None),
    ("giao nhầm đơn vị rồi ạ", None),
    ("đề nghị giao cho phòng Kinh tế và Hạ tầng chủ trì ạ", "phòng Kinh tế và Hạ tầng"),
    ("Mục này không đúng chức năng, đề nghị Văn phòng chuyển giúp sang Sở Y tế ạ", "Sở Y tế"),
    ("việc này thuộc chức năng của Sở Xây dựng, không thuộc chức năng của Sở", "Sở Xây dựng"),
    ("không thuộc thẩm quyền của UBND xã, đề nghị chuyển UBND huyện", "UBND huyện"),
])
def test_a_task_said_not_to_be_the_units(text: str, unit: str | None) -> None:
    for said in forms(text):
        asked = transfer_asked(said)
        assert asked is not None, said
        assert (strip_marks(asked.unit_words) if asked.unit_words else None) == \
            (strip_marks(unit) if unit else None), said
    assert transfer_asked(strip_marks(text)) is not None  # typed without marks


@pytest.mark.parametrize("text", [
    "Mục 5 em đã chuyển cho đ/c Tuấn phụ trách ạ", "xin chuyển sang tháng 1/2027",
    "em chuyển việc này cho đ/c Hà phó phòng theo dõi nhé", "đã chuyển hồ sơ cho Sở Tư pháp thẩm định",
    "đề nghị chuyển cho Sở Tài chính thẩm định", "xã không thuộc phạm vi ảnh hưởng của bão",
    "không phải lỗi của đơn vị tôi", "không thuộc diện được hỗ trợ", "đã hoàn thành, không phải chờ",
])
def test_not_a_task_said_not_to_be_the_units(text: str) -> None:
    for said in [*forms(text), strip_marks(text)]:
        assert transfer_asked(said) is None, said


# ---------------------------------------------------------------- the chat

@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_not_ours_goes_to_the_office_and_stores_no_progress(harness: Harness) -> None:
    h = harness
    before = len(h.sent)
    await h.say("head_bdv", "1 không thuộc chức năng của Ban Dân vận, đề nghị chuyển Sở Tài nguyên và Môi trường")
    [answer] = texts_to(h, "head_bdv", before)
    assert answer.startswith("Nhắc việc đã chuyển ý kiến của đồng chí về nhiệm vụ mục 1 (Thông báo số 45/TB-UBND ngày "
                             "20/02/2018) đến đ/c Nguyễn Thị Quản (Văn phòng) để xem xét chuyển sang Sở Tài nguyên và "
                             "Môi trường chủ trì."), answer
    [office] = texts_to(h, "admin", before)
    assert "đ/c Lê Văn Dân (Ban Dân vận Tỉnh ủy) đề nghị chuyển nhiệm vụ mục 1" in office
    assert office.endswith("Nếu đồng ý, đồng chí bấm “Đồng ý chuyển” hoặc gõ: chuyển mục 1 sang Sở Tài nguyên và Môi "
                           "trường"), office
    assert task(h, "1").status == S.OPEN and not reports(h)
    assert count(h, AuditLog, AuditLog.action == "task.move_asked") == 1

    before = len(h.sent)
    await h.say("head_bdv", "mục 2 không phải việc của đơn vị tôi")  # no unit named: the office fills it in
    assert texts_to(h, "head_bdv", before)[0].endswith("Tiến độ nhiệm vụ không thay đổi; Nhắc việc sẽ báo khi nhiệm vụ "
                                                       "được chuyển.")
    assert texts_to(h, "admin", before)[0].endswith("“không phải việc của đơn vị tôi”. Nếu cần chuyển, đồng chí gõ: "
                                                    "chuyển mục 2 sang <tên đơn vị chủ trì>")
    assert task(h, "2").status == S.OPEN and not reports(h)

    before = len(h.sent)  # no item, no marks: the only task of the head of Sở TNMT
    await h.say("head_stnmt", "khong thuoc chuc nang cua so em")
    assert texts_to(h, "head_stnmt", before)[0].startswith("Nhắc việc đã chuyển ý kiến của đồng chí về nhiệm vụ mục 4")
    assert task(h, "4").status == S.OPEN and not reports(h)


async def test_the_item_typed_after_which_task_takes_the_words_kept(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "đã hoàn thành")
    assert "là của nhiệm vụ nào?" in last_text(h, "head_bdv")
    await h.say("head_bdv", "mục 2 ạ")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — Hoàn thành"), last_text(h, "head_bdv")
    assert task(h, "2").status == S.DONE

    await h.say("head_bdv", "xong")
    await h.reply("head_bdv", "1")  # in reply to the question
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 1 — Hoàn thành"), last_text(h, "head_bdv")

    await h.say("head_bdv", "3")  # alone, no question waiting: the card, no status
    assert last_text(h, "head_bdv").startswith("Mục 3 —"), last_text(h, "head_bdv")
    assert task(h, "3").status == S.OPEN and [r.task_id for r in reports(h)] == [task(h, "2").id, task(h, "1").id]


async def test_a_question_answered_otherwise_is_not_answered_again_by_an_item_number(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "xong")
    h.clock.advance(dt.timedelta(minutes=1))
    await h.say("head_bdv", "1 xong")  # answered by typing the item with it
    h.clock.advance(dt.timedelta(minutes=1))
    await h.say("head_bdv", "mục 2 ạ")  # later: the card, not the old "xong"
    assert last_text(h, "head_bdv").startswith("Mục 2 —") and task(h, "2").status == S.OPEN


async def test_every_task_of_the_message(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 3 @cadre_bdv")
    before = len(h.sent)
    await h.say("head_bdv", "cả hai mục em làm xong hết rồi")
    [answer] = texts_to(h, "head_bdv", before)
    assert answer.startswith("Đã cập nhật: mục 1 — Hoàn thành") and "Đã cập nhật: mục 2 — Hoàn thành" in answer
    assert task(h, "1").status == task(h, "2").status == S.DONE and task(h, "3").status == S.OPEN


async def test_every_task_said_with_another_count_is_asked(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "2 việc đều xong rồi ạ")  # three held: which two?
    assert "là của nhiệm vụ nào?" in last_text(h, "head_bdv") and not reports(h)


async def test_a_cadre_with_no_task_of_her_own_is_asked_which_of_the_units(harness: Harness) -> None:
    h = harness
    await h.say("cadre_bdv", "xong")
    asked = last_text(h, "cadre_bdv")
    assert asked.startswith("Ban Dân vận Tỉnh ủy đang có 3 nhiệm vụ. Nội dung “xong” là của nhiệm vụ nào?"), asked
    assert texts.no_open_tasks() not in asked
    await h.say("cadre_bdv", "3")
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 3 — Hoàn thành")
    assert task(h, "3").status == S.DONE
    assert last_text(h, "head_bdv").startswith("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 3")


async def test_sent_to_the_leader_reaches_the_head_as_progress(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 đã gửi dự thảo báo cáo cho lãnh đạo Sở")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 4 — Đang thực hiện."), last_text(h, "head_stnmt")
