"""What a new user met in the s19 probe (/work/notes/s19/newuser/FINDINGS.md): an extension asked for a standing
duty, notes kept from what was left of a message, silence or the wrong answer to small talk, an impossible date in
an extension request, a correction typed as "sửa 8 thành …". Through the real python-telegram-bot and the sandbox,
SQLite (and PostgreSQL where the suite runs it)."""
from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from bot.texts import meaningful_note, note_body
from scheduler.clock import FakeClock
from storage.models import StatusReport
from tests.bot.conversation_setup import count, last_text, started, task, texts_to
from tests.conftest import DIRECTORY_CSV, local

# ---------------------------------------------------------------- C3: no deadline, no extension

@pytest.mark.parametrize("said", ["3 xin gia hạn đến 30/4/2018", "3 xin gia hạn vì chờ ý kiến các sở",
                                  "3 xin gia han den 30/4"])
async def test_an_extension_of_a_task_without_a_deadline_is_explained_not_sent(db_url: str, said: str) -> None:
    """Task 3 has no deadline (a standing duty): the request was recorded and sent to the leader and the admins
    ("Thời hạn hiện tại: không có thời hạn cụ thể; đề nghị gia hạn đến …"); granting it gave the duty a deadline."""
    h = await started(db_url)
    try:
        mark = len(h.sent)
        await h.say("head_bdv", said)
        answer = last_text(h, "head_bdv")
        assert answer.startswith("Mục 3 không có thời hạn cụ thể nên không cần gia hạn."), answer
        assert "“3 50% đang thực hiện”" in answer and "ngày nào" not in answer, answer
        assert count(h, StatusReport) == 0
        assert texts_to(h, "leader", mark) == [] and texts_to(h, "admin", mark) == []
        await h.say("head_bdv", "đến 30/4/2018")  # no "đến ngày nào?" was asked: nothing waits for a date
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


async def test_a_task_with_a_deadline_still_gets_its_extension_request(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 30/4/2018")
        assert "Đề nghị gia hạn đến 30/04/2018" in last_text(h, "head_bdv")
        assert count(h, StatusReport) == 1
    finally:
        await h.stop()


# ---------------------------------------------------------------- C4: the note says what the status does not

@pytest.mark.parametrize("said", ["đã xong rồi ạ", "xong roi nhe", "xong rồi ạ!", "đã hoàn thành rồi nhé",
                                  "da xong roi a", "hoàn thành rồi nha"])
def test_a_status_with_only_a_particle_says_nothing_more(said: str) -> None:
    assert not meaningful_note(said)


@pytest.mark.parametrize(("said", "shown"), [
    ("dang thuc hien 50% vuong nhan su", "vuong nhan su"),  # typed without marks: read like the marked words
    ("đang thực hiện 50% vướng nhân sự", "vướng nhân sự"),
    ("đang thực hiện, giải ngân đạt 12%", "giải ngân đạt 12%"),
    ("dat 70%, con thieu so lieu", "con thieu so lieu"),
    ("đang thực hiện kế hoạch tuyên truyền", "đang thực hiện kế hoạch tuyên truyền"),  # the verb of the sentence
    ("xong roi, da trinh UBND huyen ke hoach", "da trinh UBND huyen ke hoach"),
])
def test_the_status_words_are_left_out_with_or_without_marks(said: str, shown: str) -> None:
    assert meaningful_note(said) and note_body(said) == shown


async def test_the_confirmation_quotes_no_particle_and_no_status_words(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "1 đã xong rồi ạ")
        assert "Nội dung" not in last_text(h, "head_bdv"), last_text(h, "head_bdv")
        await h.say("head_bdv", "2 dang thuc hien 50% vuong nhan su")
        answer = last_text(h, "head_bdv")
        assert answer.endswith("\nNội dung: vuong nhan su"), answer
    finally:
        await h.stop()


# ---------------------------------------------------------------- C1: small talk and the lost

async def test_question_marks_alone_get_how_to_go_on(db_url: str) -> None:
    h = await started(db_url)
    try:
        mark = len(h.sent)
        await h.say("head_bdv", "???")
        answer = last_text(h, "head_bdv")
        assert answer.startswith("Nhắc việc chưa hiểu tin nhắn này.") and "/huongdan" in answer, answer
        assert len(texts_to(h, "head_bdv", mark)) == 1 and texts_to(h, "admin", mark) == []
    finally:
        await h.stop()


@pytest.mark.parametrize(("who", "said", "hint"), [
    ("head_bdv", "xin chào", "/viec"), ("head_bdv", "Chào bot", "/viec"), ("leader", "xin chào", "/tonghop"),
    ("admin", "chào bot", "gửi tệp"), ("head_bdv", "hello, is this the bot?", "/viec"),
])
async def test_a_greeting_is_greeted_with_what_to_type_first(db_url: str, who: str, said: str, hint: str) -> None:
    h = await started(db_url)
    try:
        mark = len(h.sent)
        await h.say(who, said)
        answer = last_text(h, who)
        assert answer.startswith("Nhắc việc kính chào đồng chí!") and hint in answer and "chưa hiểu" not in answer
        assert [t for t in texts_to(h, "admin", mark) if "CÂU HỎI" in t] == []  # not a question for the office
    finally:
        await h.stop()


async def test_a_question_after_a_greeting_still_goes_to_the_office(db_url: str) -> None:
    h = await started(db_url)
    try:
        mark = len(h.sent)
        await h.say("head_bdv", "chào văn phòng, cho hỏi báo cáo gửi bản giấy hay bản mềm ạ?")
        assert any("CÂU HỎI" in t for t in texts_to(h, "admin", mark))
    finally:
        await h.stop()


async def test_show_all_without_a_draft_says_there_is_none(db_url: str) -> None:
    h = await started(db_url)  # the notice is confirmed: no draft open
    try:
        await h.say("admin", "xem tất cả")
        assert last_text(h, "admin") == "Không có văn bản nào đang chờ xác nhận."
    finally:
        await h.stop()


# ---------------------------------------------------------------- C6: a day that does not exist

@pytest.mark.parametrize(("said", "day"), [("1 xin gia hạn đến 31/2", "31/2"),
                                           ("1 xin gia han den 30/2/2018", "30/2/2018"),
                                           ("xin gia hạn mục 1 đến ngày 31/4 vì chờ số liệu", "31/4")])
async def test_an_extension_to_a_day_not_in_the_calendar_says_so(db_url: str, said: str, day: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", said)
        answer = last_text(h, "head_bdv")
        assert answer.startswith(f"Ngày “{day}” không có trong lịch. Đồng chí đề nghị gia hạn mục 1 đến ngày nào?"), \
            answer
        assert count(h, StatusReport) == 0
        await h.say("head_bdv", "đến 30/4/2018")  # the date asked for completes the request
        assert "Đề nghị gia hạn đến 30/04/2018" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    finally:
        await h.stop()


# ---------------------------------------------------------------- C2: corrections as a clerk says them

HEADING = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 21/TB-UBND\nBình Thuận, ngày 20 tháng 04 năm 2026\nTHÔNG BÁO\n"
           "Kết luận của Chủ tịch UBND tỉnh\n"
           "I. Đánh giá chung:\nCác đơn vị đã cố gắng.\n"
           "II. Nhiệm vụ cụ thể:\n"
           "1. Giao Ban Dân vận Tỉnh ủy chủ trì:\n"
           "a) Tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo trước ngày 30/5/2026.\n"
           "b) Xây dựng kế hoạch tuyên truyền năm 2026.\n"
           "c) Tổ chức đối thoại với người dân trong tháng 6/2026.\n"
           "2. Giao Sở Tài nguyên và Môi trường kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày "
           "30/5/2026.\n")


async def _heading_draft(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", HEADING)
    return h


@pytest.mark.parametrize(("said", "number"), [
    ("sửa 4 thành Ban Dân vận Tỉnh ủy", 4), ("sửa mục 4 thành Ban Dân vận Tỉnh ủy", 4),
    ("sua 4 thanh Ban Dân vận Tỉnh ủy", 4), ("4 chủ trì là Ban Dân vận Tỉnh ủy", 4),
    ("đổi 1 thành Ban Dân vận Tỉnh ủy", 1),
])
async def test_fix_n_to_a_unit_is_the_lead_correction(db_url: str, said: str, number: int) -> None:
    h = await _heading_draft(db_url)
    try:
        await h.say("admin", said)
        answer = last_text(h, "admin")
        assert answer.startswith("Đã sửa 1 nội dung:") and f"nhiệm vụ {number} (" in answer, answer
        assert "chủ trì: Ban Dân vận Tỉnh ủy" in answer, answer
    finally:
        await h.stop()


@pytest.mark.parametrize("said", ["Mục II.1: Sở Tài nguyên và Môi trường", "mục ii.1: Sở Tài nguyên và Môi trường"])
async def test_a_heading_named_in_a_correction_lists_its_tasks_and_how_to_correct_them(db_url: str, said: str) -> None:
    h = await _heading_draft(db_url)
    try:
        await h.say("admin", said)
        assert last_text(h, "admin") == (
            "Mục II.1 là đề mục, gồm 3 nhiệm vụ: II.1.a (số 1), II.1.b (số 2), II.1.c (số 3). Để sửa tất cả, đồng "
            "chí gõ số thứ tự: “1, 2, 3: Sở Tài nguyên và Môi trường”; sửa một nhiệm vụ: “1: Sở Tài nguyên và Môi "
            "trường”."), last_text(h, "admin")
        await h.say("admin", "Mục II.9: Sở Tài nguyên và Môi trường")
        assert "“Mục II.9”" in last_text(h, "admin"), last_text(h, "admin")  # echoed as typed, not "ii.9"
    finally:
        await h.stop()


# ---------------------------------------------------------------- polish: P5, P6, P7, P12, P15

@pytest.mark.parametrize("said", ["1 -20%", "1 đang thực hiện -20%", "mục 1 âm 20%"])
async def test_a_negative_percentage_is_refused_not_stored_as_positive(db_url: str, said: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", said)
        answer = last_text(h, "head_bdv")
        assert answer.startswith("Tỷ lệ hoàn thành của mục 1 không thể là số âm (-20%), Nhắc việc chưa ghi nhận."), \
            answer
        assert count(h, StatusReport) == 0
        await h.say("head_bdv", "1 khoảng 60-70%")  # a range is no negative number
        assert task(h, "1").percent == 60
    finally:
        await h.stop()


async def test_nothing_overdue_is_said_as_zero(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("admin", "/tonghop")
        summary = next(s.text or "" for s in reversed(h.sent) if s.to == "admin" and "TỔNG HỢP" in (s.text or ""))
        assert "quá hạn chưa hoàn thành: 0\n" in summary and "0/" not in summary, summary
    finally:
        await h.stop()


async def test_a_grant_to_a_day_off_says_to_which_working_day_it_runs(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 31/3/2018")  # a Saturday
        await h.say("leader", "đồng ý gia hạn 1")
        granted = last_text(h, "leader")
        assert granted.startswith("Đã gia hạn đến 31/03/2018: nhiệm vụ mục 1 ("), granted
        assert granted.endswith("\n(Hạn 31/03/2018 rơi vào thứ Bảy, tính đến hết 02/04/2018.)"), granted
    finally:
        await h.stop()


async def test_help_for_an_admin_says_what_the_head_commands_do_for_the_office(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("admin", "/huongdan")
        shown = last_text(h, "admin")
        assert "/donvi <tên đơn vị> — xem tình hình nhiệm vụ của một đơn vị" in shown, shown
        assert "giao nhiệm vụ của đơn vị cho cán bộ" not in shown, shown
        await h.say("head_bdv", "/huongdan")
        assert "/giao <số mục> <họ tên cán bộ> — giao nhiệm vụ của đơn vị cho cán bộ (gõ /giao để xem cán bộ của đơn " \
               "vị)" in last_text(h, "head_bdv")
    finally:
        await h.stop()


async def test_a_leader_with_no_task_of_their_own_is_pointed_to_the_overview(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("leader", "việc của tôi")
        assert last_text(h, "leader") == ("Đồng chí hiện không có nhiệm vụ nào đang thực hiện. Tình "
                                          "hình chung: gõ /tonghop hoặc “báo cáo tình hình”."), last_text(h, "leader")
        await h.say("head_stnmt", "/viec")
        assert "/tonghop" not in last_text(h, "head_stnmt")
    finally:
        await h.stop()
