"""What the month probe 25 met in typed status replies, through the real conversation core and the Telegram sandbox
on a real database: item numbers as printed ("2.3" for the third dash bullet II.2.c) asked about instead of taken
(F1), also for a cadre (F3); a "đúng" after the weekend answered "chưa hiểu" and the task made late (F2); a
leader's "chỉ đạo … mục 2.1" lost (F4); "chuyển Ban Đô thị chủ trì" read as "Ban" (F5)."""

from __future__ import annotations

from bot import texts
from bot.replies import transfer_asked
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, TaskStatus
from tests.bot.conversation_setup import last_text, task, texts_to
from tests.conftest import DIRECTORY_CSV, local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 21/TB-UBND\nBình Thuận, ngày 27 tháng 07 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tuần\n"
          "I. Đánh giá chung:\n"
          "Các đơn vị đã triển khai cơ bản đầy đủ các nhiệm vụ được giao.\n"
          "II. Nhiệm vụ thời gian tới:\n"
          "1. Giao Sở Tài nguyên và Môi trường kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày "
          "31/7/2026.\n"
          "2. Giao Ban Dân vận Tỉnh ủy:\n"
          "- Tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo trước ngày 14/8/2026.\n"
          "- Có văn bản gửi Ban Dân vận Trung ương đề nghị hướng dẫn công tác vận động quần chúng trước ngày "
          "21/8/2026.\n"
          "- Rà soát quy chế phối hợp với Mặt trận Tổ quốc tỉnh, hoàn thành trước ngày 28/8/2026.\n")
DO_THI = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "head_dt,Lý Hoàng Nam,Trưởng Ban Đô thị,Ban Đô thị HĐND tỉnh,head\n"


# an ongoing duty (no deadline, "tiếp tục theo dõi"), the one task of the Ban Đô thị
WITH_DUTY = NOTICE + "3. Giao Ban Đô thị HĐND tỉnh tiếp tục theo dõi, giám sát việc thực hiện quy hoạch đô thị.\n"


async def _started(db_url: str, directory: str | None = None, notice: str = NOTICE) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 28, 9, 0)))  # a Tuesday
    await h.start(directory_csv=(directory or DIRECTORY_CSV.read_text(encoding="utf-8")).encode(), enroll_all=True)
    await h.say("admin", notice)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert task(h, "II.2.c").status == TaskStatus.OPEN
    return h


async def test_a_dash_bullet_typed_as_printed_is_recorded_and_named(db_url: str) -> None:
    """F1: "2.3 xong" for II.2.c was asked "Ý đồng chí là mục II.2.c?" (a second message for every report)."""
    h = await _started(db_url)
    try:
        await h.say("head_bdv", "2.3 xong")
        said = last_text(h, "head_bdv")
        assert said.startswith("Đã cập nhật: mục II.2.c — Hoàn thành, đúng hạn."), said
        assert "Nhắc việc hiểu là mục II.2.c" in said and "Ý đồng chí là" not in said, said
        assert task(h, "II.2.c").status == TaskStatus.DONE
        mark = len(h.sent)
        await h.say("head_bdv", "2.1 đang làm 70%, 2.2 xong")
        said = "\n".join(texts_to(h, "head_bdv", mark))
        assert "Ý đồng chí là" not in said and "mục II.2.a" in said and "mục II.2.b" in said, said
        assert task(h, "II.2.a").percent == 70 and task(h, "II.2.b").status == TaskStatus.DONE
    finally:
        await h.stop()


async def test_a_cadre_types_the_printed_number_of_the_units_task(db_url: str) -> None:
    """F3: a cadre holding none herself got "Không tìm thấy nhiệm vụ mục 2.1 …" with no guess."""
    h = await _started(db_url)
    try:
        await h.say("cadre_bdv", "2.1 đã gửi báo cáo cho Thường trực")
        said = last_text(h, "cadre_bdv")
        assert "Không tìm thấy" not in said and "mục II.2.a" in said, said
        assert [(r.task_id, r.note) for r in h.db.call(lambda s: list(s.query(StatusReport)))] == \
            [(task(h, "II.2.a").id, "đã gửi báo cáo cho Thường trực")]  # type: ignore[union-attr]
        await h.say("cadre_bdv", "9.1 đang làm 50%")  # no such item: the unit's items listed, not a dead end
        said = last_text(h, "cadre_bdv")
        assert said.startswith("Không tìm thấy nhiệm vụ mục 9.1 trong các nhiệm vụ của đơn vị. Đơn vị đang có: "
                               "mục II.2.b (hạn 21/08), mục II.2.c (hạn 28/08)"), said
    finally:
        await h.stop()


async def test_a_friday_question_answered_on_monday_is_recorded_as_of_friday(db_url: str) -> None:
    """F2: "đúng" on Monday 08:40 to a question of Friday 17:00 got "chưa hiểu"; the task done on Friday went out as
    overdue."""
    h = await _started(db_url)
    try:
        await h.advance_to(local(2026, 7, 31, 17, 0))  # Friday, the day II.1 is due
        await h.say("head_stnmt", "1.5 xong")  # holds II.1 alone
        assert "Ý đồng chí là mục II.1" in last_text(h, "head_stnmt"), last_text(h, "head_stnmt")
        await h.advance_to(local(2026, 8, 3, 8, 40))
        await h.say("head_stnmt", "đúng")
        said = last_text(h, "head_stnmt")
        assert "chưa hiểu" not in said and "mục II.1" in said and "đúng hạn" in said, said
        done = task(h, "II.1")
        assert done.status == TaskStatus.DONE and done.done_at is not None
        assert done.done_at.astimezone(local(2026, 1, 1).tzinfo).date().day == 31
    finally:
        await h.stop()


async def test_a_yes_after_the_question_lapsed_is_told_so_and_asked_again(db_url: str) -> None:
    h = await _started(db_url)
    try:
        await h.advance_to(local(2026, 7, 31, 16, 0))
        await h.say("head_stnmt", "1.5 xong")
        await h.advance_to(local(2026, 8, 5, 9, 0))  # Wednesday: past Monday, the next working day
        await h.say("head_stnmt", "đúng")
        said = last_text(h, "head_stnmt")
        assert said.startswith("Câu hỏi trước (ngày 31/07/2026) đã hết hiệu lực") and "mục II.1" in said, said
        assert task(h, "II.1").status == TaskStatus.OPEN
        await h.say("head_stnmt", "đúng")
        done = task(h, "II.1")
        assert done.status == TaskStatus.DONE and done.done_at is not None
        assert done.done_at.astimezone(local(2026, 1, 1).tzinfo).date().day == 31, "as of the day first said"
    finally:
        await h.stop()


async def test_a_leaders_direction_on_an_item_as_printed_is_passed_on(db_url: str) -> None:
    """F4: "chỉ đạo … mục 2.1" (and any direction on an item finished) got "Không tìm thấy nhiệm vụ … đồng chí
    đang phụ trách"."""
    h = await _started(db_url)
    try:
        await h.say("leader", "chỉ đạo Ban Dân vận Tỉnh ủy khẩn trương hoàn thành mục 2.1")
        told = last_text(h, "head_bdv")
        assert "nhiệm vụ mục II.2.a" in told and "“khẩn trương hoàn thành mục II.2.a”" in told, told
        assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo"), last_text(h, "leader")
        await h.say("head_bdv", "II.2.c xong")
        await h.say("leader", "chỉ đạo Ban Dân vận Tỉnh ủy khẩn trương hoàn thành mục II.2.c")
        said = last_text(h, "leader")
        assert said.startswith("Mục II.2.c đã được báo cáo hoàn thành") and "Không tìm thấy" not in said, said
        await h.say("leader", "chỉ đạo Ban Dân vận Tỉnh ủy khẩn trương hoàn thành mục 2.3")  # the same, as printed
        said = last_text(h, "leader")
        assert said.startswith("Mục II.2.c đã được báo cáo hoàn thành") and "Không tìm thấy" not in said, said
    finally:
        await h.stop()


def test_a_unit_named_with_do_thi_is_read_whole() -> None:
    """F5: "đô" (city) cut the name as "do" (because) does."""
    for said, unit in [("II.5.c đề nghị chuyển Ban Đô thị chủ trì", "Ban Đô thị"),
                       ("II.5.b đề nghị chuyển sang Ban Đô thị", "Ban Đô thị"),
                       ("đề nghị chuyển Sở Xây dựng do đây là việc của Sở", "Sở Xây dựng")]:
        asked = transfer_asked(said)
        assert asked is not None and asked.unit_words == unit, (said, asked)


async def test_a_move_to_ban_do_thi_reaches_the_office_with_its_button(db_url: str) -> None:
    h = await _started(db_url, DO_THI)
    try:
        await h.say("head_bdv", "II.2.b đề nghị chuyển Ban Đô thị chủ trì")
        office = last_text(h, "admin")
        assert "sang Ban Đô thị HĐND tỉnh" in office and "chưa có trong danh bạ" not in office, office
        assert "Đồng ý chuyển" in office, office
        mark = len(h.sent)
        await h.say("head_bdv", "2.3 đề nghị chuyển Ban Đô thị chủ trì")  # as printed: II.2.c
        office = last_text(h, "admin")
        assert "mục II.2.c" in office and "sang Ban Đô thị HĐND tỉnh" in office, office
        said = texts_to(h, "head_bdv", mark)
        assert len(said) == 1 and "mục II.2.c" in said[0], said  # one answer, naming the item
    finally:
        await h.stop()


async def test_an_ongoing_duty_confirmed_done_is_closed_without_a_third_message(db_url: str) -> None:
    """F13: "mục 3.1 đã hoàn thành", "đúng", then "xong" again: the person had confirmed already."""
    h = await _started(db_url, DO_THI, WITH_DUTY)
    try:
        await h.say("head_dt", "mục 3.1 đã hoàn thành")
        assert "Ý đồng chí là mục II.3" in last_text(h, "head_dt"), last_text(h, "head_dt")
        await h.say("head_dt", "đúng")
        said = last_text(h, "head_dt")
        assert task(h, "II.3").status == TaskStatus.DONE, said
        assert "một lần nữa" not in said, said
    finally:
        await h.stop()


async def test_how_a_printed_number_reads_is_said_once_per_person_and_notice(db_url: str) -> None:
    """Month probe 25, left: "(Đồng chí gõ “4.3”: Nhắc việc hiểu là …)" came with every report. Said the first time;
    afterwards the confirmation names the item, and that is enough."""
    h = await _started(db_url)
    try:
        await h.say("head_bdv", "2.1 đang làm 50%")
        assert "Nhắc việc hiểu là mục II.2.a" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
        await h.say("head_bdv", "2.1 đang làm 70%")
        said = last_text(h, "head_bdv")
        assert said.startswith("Đã cập nhật: mục II.2.a") and "hiểu là" not in said, said
        await h.say("head_bdv", "2.3 xong")  # another item of the same notice: not said again either
        said = last_text(h, "head_bdv")
        assert said.startswith("Đã cập nhật: mục II.2.c") and "hiểu là" not in said, said
        await h.say("cadre_bdv", "2.2 đang làm 20%")  # someone else: told the first time
        assert "Nhắc việc hiểu là mục II.2.b" in last_text(h, "cadre_bdv"), last_text(h, "cadre_bdv")
    finally:
        await h.stop()
