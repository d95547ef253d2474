"""Replies a month of a real notice showed misread (probe s19, dev 076 — UBND tỉnh Lâm Đồng, quy hoạch chung 3 xã):
a figure the unit reports ("giải ngân đạt 12%") taken for the task's progress; "tuần này đã báo cáo đủ" from the
holder of two weekly duties and a standing one asking which of three; a second report of a round recorded days
before answered "recorded today"; a report from the holder of a single task answered "chưa hiểu". Through the real
python-telegram-bot and the sandbox, SQLite (and PostgreSQL where the suite runs it)."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from sqlalchemy import select

from bot import texts
from bot.replies import parse_status_text
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task, TaskOccurrence, TaskStatus
from tests.bot.conversation_setup import count, last_text, reports, started, task
from tests.conftest import DIRECTORY_CSV, local

TODAY = dt.date(2026, 5, 7)


@pytest.mark.parametrize(("said", "status", "percent"), [
    ("đang thực hiện, giải ngân kinh phí lập quy hoạch đạt 12%", TaskStatus.IN_PROGRESS, None),
    ("giải ngân đạt 12%", None, None),  # a note on the task, nothing else
    ("giai ngan dat 12%", None, None),
    ("tỷ lệ hồ sơ trực tuyến đạt 85%, đang thực hiện", TaskStatus.IN_PROGRESS, None),
    ("thu ngân sách đạt 40% dự toán", None, None),
    ("đạt 60%, tỷ lệ giải ngân 12%", TaskStatus.IN_PROGRESS, 60),  # the share done said apart from the figure
    ("tiến độ đạt 70%, giải ngân đạt 30%", TaskStatus.IN_PROGRESS, 70),
    ("khối lượng hoàn thành 80%, giải ngân được 40%", TaskStatus.IN_PROGRESS, 80),
    ("đạt tỷ lệ 80% khối lượng", TaskStatus.IN_PROGRESS, 80),  # the share of the work, said with "tỷ lệ"
    ("mục 3 đạt 60%, vướng kinh phí", TaskStatus.BLOCKED, 60),  # no figure named: the share done, as before
    (unicodedata.normalize("NFD", "giải ngân đạt 12%"), None, None),
])
def test_a_figure_the_unit_reports_is_not_the_share_of_the_task_done(said: str, status: TaskStatus | None,
                                                                     percent: int | None) -> None:
    change = parse_status_text(said, today=TODAY)
    assert change is not None and (change.status, change.percent, change.note) == (status, percent,
                                                                                    unicodedata.normalize("NFC", said))


async def test_a_disbursement_rate_is_kept_as_said_and_not_stored_as_progress(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "3 đang thực hiện, giải ngân kinh phí tuyên truyền đạt 12%")
        answer = last_text(h, "head_bdv")
        assert answer == ("Đã cập nhật: mục 3 — Đang thực hiện.\n"
                          "Nội dung: giải ngân kinh phí tuyên truyền đạt 12%"), answer  # (the status said once)
        assert (task(h, "3").status, task(h, "3").percent) == (TaskStatus.IN_PROGRESS, None)
        await h.say("head_bdv", "3 tiến độ đạt 70%, giải ngân đạt 30%")
        assert task(h, "3").percent == 70
    finally:
        await h.stop()


WEEKLY_TWO = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 18/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
              "Kết luận của Chủ tịch UBND tỉnh\n"
              "1. Giao Ban Dân vận Tỉnh ủy tổng hợp phản ánh của người dân, báo cáo vào thứ Sáu hằng tuần.\n"
              "2. Giao Ban Dân vận Tỉnh ủy báo cáo tình hình dư luận xã hội vào thứ Sáu hằng tuần.\n"
              "3. Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền năm 2026.\n")


async def _two_weekly(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", WEEKLY_TWO)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


def _rounds(h: Harness) -> list[tuple[str, str, bool]]:
    assert h.db is not None
    return h.db.call(lambda s: [(ref, o.label, o.done_at is not None) for o, ref in s.execute(
        select(TaskOccurrence, Task.item_ref).join(Task, Task.id == TaskOccurrence.task_id)
        .order_by(Task.item_ref, TaskOccurrence.period_start))])


@pytest.mark.parametrize("said", ["tuần này đã báo cáo đủ", "tuan nay da bao cao du", "Dạ tuần này em báo cáo hết rồi",
                                  unicodedata.normalize("NFD", "tuần này đã báo cáo đủ")])
async def test_this_weeks_reports_all_sent_closes_every_weekly_round_and_leaves_the_standing_duty(
        db_url: str, said: str) -> None:
    h = await _two_weekly(db_url)
    try:
        await h.advance_to(local(2026, 3, 4, 10, 0))
        await h.say("head_bdv", said)
        answer = last_text(h, "head_bdv")
        assert "nhiệm vụ nào" not in answer, answer
        assert "mục 1 — hoàn thành kỳ tuần từ 02/03/2026, đúng hạn" in answer, answer
        assert "mục 2 — hoàn thành kỳ tuần từ 02/03/2026, đúng hạn" in answer, answer
        assert "mục 3" not in answer and "Nội dung" not in answer, answer  # the words say nothing more: not quoted
        assert _rounds(h) == [("1", "tuần từ 02/03/2026", True), ("2", "tuần từ 02/03/2026", True)]
        assert task(h, "3").status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_this_weeks_report_sent_asks_only_among_the_weekly_duties(db_url: str) -> None:
    h = await _two_weekly(db_url)
    try:
        await h.advance_to(local(2026, 3, 4, 10, 0))
        await h.say("head_bdv", "tuần này đã gửi báo cáo rồi")
        asked = last_text(h, "head_bdv")
        assert "Mục 1" in asked and "Mục 2" in asked and "Mục 3" not in asked, asked
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


async def test_a_round_reported_on_an_earlier_day_is_answered_with_that_day(db_url: str) -> None:
    h = await _two_weekly(db_url)
    try:
        await h.advance_to(local(2026, 3, 6, 9, 30))
        await h.say("head_bdv", "1 xong")
        await h.say("head_bdv", "1 báo cáo rồi")
        assert "đã được ghi nhận hoàn thành hôm nay." in last_text(h, "head_bdv")
        await h.advance_to(local(2026, 3, 7, 10, 0))  # Saturday: next week's round has not begun
        await h.say("head_bdv", "1 xong")
        answer = last_text(h, "head_bdv")
        assert answer.startswith("Mục 1: kỳ tuần từ 02/03/2026 đã được ghi nhận hoàn thành ngày 06/03/2026. Kỳ "
                                 "tiếp theo (tuần từ 09/03/2026"), answer
    finally:
        await h.stop()


@pytest.mark.parametrize("said", ["Sở đã làm việc với UBND các huyện ven biển về số liệu",
                                  "da phoi hop voi cac huyen ra soat so lieu"])
async def test_a_report_from_the_holder_of_one_task_is_asked_about_it(db_url: str, said: str) -> None:
    h = await started(db_url)  # head_stnmt holds task 4 only
    try:
        await h.say("head_stnmt", said)
        asked = last_text(h, "head_stnmt")
        assert "chưa hiểu" not in asked and asked.startswith(f"Nội dung “{said}” có phải là báo cáo mục 4 ("), asked
        assert count(h, StatusReport) == 0
        await h.say("head_stnmt", "đúng")
        assert [(r.task_id, r.note) for r in reports(h)] == [(task(h, "4").id, said)]
        await h.say("head_stnmt", "Sở đã nhận")  # an acknowledgement, not a report
        assert count(h, StatusReport) == 1
    finally:
        await h.stop()


@pytest.mark.parametrize("said", ["Sở TN&MT báo cáo: đã làm việc với UBND các huyện ven biển về số liệu",
                                  "So bao cao: da phoi hop voi cac huyen ra soat so lieu, se gui van ban sau"])
async def test_a_report_so_called_from_the_holder_of_one_task_is_recorded_on_it(db_url: str, said: str) -> None:
    # probe 8, #7: the question "có phải là báo cáo mục …?" went unanswered over Tết and the report was lost; one who
    # holds a single task and calls the message a report has it recorded at once, the reply naming the item
    h = await started(db_url)  # head_stnmt holds task 4 only
    try:
        await h.say("head_stnmt", said)
        answer = last_text(h, "head_stnmt")
        assert answer.startswith("Đã cập nhật: mục 4 — Đang thực hiện.") and said in answer, answer
        assert [(r.task_id, r.note) for r in reports(h)] == [(task(h, "4").id, said)]
        # the holder of several tasks is still asked which
        await h.say("head_bdv", "Ban báo cáo: đã xây dựng kế hoạch tuyên truyền năm 2018 theo chỉ đạo")
        assert "có phải là báo cáo mục 3 (" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
        assert count(h, StatusReport) == 1
    finally:
        await h.stop()


SECTIONS = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 19/TB-UBND\nBình Thuận, ngày 20 tháng 04 năm 2026\nTHÔNG BÁO\n"
            "Kết luận của Chủ tịch UBND tỉnh\n"
            "I. Nhiệm vụ chung:\n"
            "1. Giao Ban Dân vận Tỉnh ủy xác định công tác dân vận là nhiệm vụ chính trị quan trọng.\n"
            "II. Nhiệm vụ cụ thể:\n"
            "1. Giao Sở Tài nguyên và Môi trường kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày "
            "30/5/2026.\n"
            "2. Giao Ban Dân vận Tỉnh ủy:\n"
            "- Tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo trong tháng 5/2026.\n"
            "- Có văn bản gửi Ban Dân vận Trung ương đề nghị hướng dẫn công tác vận động quần chúng trong tháng "
            "5/2026.\n")


async def test_an_item_typed_without_its_roman_section_by_position_is_recorded(db_url: str) -> None:
    """"mục 2.1 xong" from the holder of I.1, II.2.a and II.2.b (probe s19: "Không tìm thấy nhiệm vụ mục 2.1"):
    the first bullet under 2 of section II, the one reading among the person's tasks — recorded and said (month
    probe 25, F1: asking "Ý đồng chí là mục II.2.a?" cost every report a second message)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", SECTIONS)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "mục 2.1 xong")
        said = last_text(h, "head_bdv")
        assert said.startswith("Đã cập nhật: mục II.2.a — Hoàn thành"), said
        assert "Nhắc việc hiểu là mục II.2.a — các ý gạch đầu dòng được đánh số II.2.a, II.2.b theo thứ tự" in said
        assert task(h, "II.2.a").status == TaskStatus.DONE
        assert task(h, "II.2.b").status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_the_head_reads_which_round_a_cadre_reported_not_the_duty_finished(db_url: str) -> None:
    """Probe s19: the head of a monthly report handed to a cadre was told "…: Hoàn thành, đúng hạn." — as if the
    duty were over; the round, and that the duty goes on, are said."""
    h = await _two_weekly(db_url)
    try:
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        await h.advance_to(local(2026, 3, 6, 9, 30))
        await h.say("cadre_bdv", "1 xong")
        told = last_text(h, "head_bdv")
        assert told == ("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 1 (Thông báo số 18/TB-UBND ngày 02/03/2026): "
                        "hoàn thành kỳ tuần từ 02/03/2026, đúng hạn; kỳ tiếp theo: tuần từ 09/03/2026, hạn "
                        "13/03/2026."), told
    finally:
        await h.stop()


async def test_one_confirmation_of_several_rounds_never_points_at_a_button_it_does_not_carry(db_url: str) -> None:
    """Several rounds confirmed in one message carry no action: the hint about a round still not reported says what
    to type, not "bấm nút bên dưới" (probe s19, the s18 script's "tuần này đã báo cáo đủ")."""
    h = await _two_weekly(db_url)
    try:
        await h.advance_to(local(2026, 3, 13, 10, 0))  # the week of 02/03 never reported, the week of 09/03 due today
        await h.say("head_bdv", "tuần này đã báo cáo đủ")
        answer = last_text(h, "head_bdv")
        assert "mục 1 — hoàn thành kỳ tuần từ 09/03/2026, đúng hạn" in answer, answer
        assert "Kỳ tuần từ 02/03/2026 vẫn ghi là chưa báo cáo; nếu kỳ đó cũng đã xong, đồng chí gõ “1 xong kỳ " \
               "trước”." in answer and "bấm nút" not in answer, answer
        await h.say("head_bdv", "2 xong kỳ trước")
        assert "kỳ tuần từ 02/03/2026" in last_text(h, "head_bdv")
    finally:
        await h.stop()
