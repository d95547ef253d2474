"""What the month probe 27 met in typed replies, through the real conversation core and the Telegram sandbox on a
real database: "2 xong" from the holder of IV.2.1 alone bounced (F7); the office's "giao mục II.6 cho <đơn vị>"
after confirmation answered "chưa hiểu", and a task with no unit hinted at a directory file (F4); greetings and
"em báo cáo … ạ" stored as progress (F8); "dạ nhận" under an assignment answered by nothing (F9)."""

from __future__ import annotations

from sqlalchemy import select

from bot.sandbox.harness import Harness
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 15/TB-UBND\nBình Thuận, ngày 20 tháng 02 năm 2018\n"
          "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh về công tác dân vận\n"
          "1. Công tác dân vận:\n"
          "1.1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 30/3/2018.\n"
          "1.2. Giao Sở Tài nguyên và Môi trường rà soát hồ sơ đất đai, hoàn thành trước ngày 30/3/2018.\n"
          "2. Giao Sở Tài nguyên và Môi trường kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày "
          "30/4/2018.\n"
          "3. Khẩn trương hoàn thành việc rà soát quy chế làm việc, báo cáo trước ngày 15/4/2018.\n")


def task(h: Harness, ref: str) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == ref)).one())


def lead(h: Harness, ref: str) -> tuple[str, int | None]:
    """The task's lead unit as named, and its holder."""
    assert h.db is not None
    return h.db.call(lambda s: (lambda t: (t.lead_name, t.assignee_id))(
        s.scalars(select(Task).where(Task.item_ref == ref)).one()))


def notes(h: Harness) -> list[str | None]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(StatusReport.note).order_by(StatusReport.id))))


async def confirmed(h: Harness) -> None:
    await h.advance_to(local(2018, 2, 26, 9, 0))
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    assert task(h, "1.1").assignee_id is not None and task(h, "3").lead_unit_id is None


async def test_a_section_number_from_the_holder_of_one_task_in_it_is_asked_and_one_tap_records_it(
        harness: Harness) -> None:
    """F7: "2 xong" from bt_hdnd (IV.2.1 alone) got "… đồng chí gõ: “IV.2.1 xong”" and nothing was recorded."""
    h = harness
    await confirmed(h)
    await h.say("head_bdv", "1 xong")
    asked = last_text(h, "head_bdv")
    assert "Đồng chí báo mục 1.1 hoàn thành?" in asked and "gõ: “1.1 xong”" not in asked, asked
    assert task(h, "1.1").status == TaskStatus.OPEN
    await h.tap("head_bdv", "Mục 1.1")
    assert task(h, "1.1").status == TaskStatus.DONE


async def test_a_section_number_with_progress_is_asked_with_the_words_kept(harness: Harness) -> None:
    h = harness
    await confirmed(h)
    await h.say("head_bdv", "1 đạt 60%, vướng kinh phí")
    assert "Đồng chí báo mục 1.1 “đạt 60%, vướng kinh phí”?" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    await h.say("head_bdv", "đúng")
    one = task(h, "1.1")
    assert one.status == TaskStatus.BLOCKED and one.percent == 60


async def test_the_office_gives_a_task_without_a_unit_in_its_own_words(harness: Harness) -> None:
    """F4: "giao mục II.6 cho Đảng ủy UBND tỉnh" after confirmation got "chưa hiểu"; the confirmation, /loi and the
    weekly list said "gửi tệp danh bạ", which cannot give a task a unit."""
    h = harness
    await h.advance_to(local(2018, 2, 26, 9, 0))
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    said = last_text(h, "admin")
    assert "Mục 3 chưa xác định đơn vị chủ trì: đồng chí gõ “chuyển mục 3 sang <tên đơn vị>”" in said, said
    assert "gửi tệp danh bạ" not in said, said
    await h.say("admin", "/loi")
    said = last_text(h, "admin")
    assert "“chuyển mục 3 sang <tên đơn vị>”" in said and "bổ sung danh bạ" not in said, said
    await h.say("admin", "giao mục 3 cho Ban Dân vận Tỉnh ủy")
    assert "chưa hiểu" not in last_text(h, "admin"), last_text(h, "admin")
    assert lead(h, "3")[0] == "Ban Dân vận Tỉnh ủy" and lead(h, "3")[1] is not None


async def test_a_head_giving_is_not_read_as_a_move(harness: Harness) -> None:
    h = harness
    await confirmed(h)
    mark = len(h.sent)
    await h.say("head_bdv", "giao mục 1.1 cho Phạm Thị Vận")
    assert lead(h, "1.1")[0] == "Ban Dân vận Tỉnh ủy"
    assert any("Phạm Thị Vận" in t for t in texts_to(h, "head_bdv", mark)), texts_to(h, "head_bdv", mark)


async def test_greetings_and_the_frame_of_a_report_are_not_stored_as_progress(harness: Harness) -> None:
    """F8: "chúc mừng năm mới, mục 4 đang làm" stored "chúc mừng năm mới, đang làm"; "em báo cáo đã xong đợt
    tuyên truyền Tết ạ" stored as it was, and went to the head so."""
    h = harness
    await confirmed(h)
    await h.say("head_stnmt", "chúc mừng năm mới, mục 2 đang làm")
    await h.say("head_stnmt", "em báo cáo mục 1.2 đã xong đợt rà soát hồ sơ ạ")
    await h.say("head_stnmt", "Kính chúc đồng chí năm mới mạnh khỏe. Dạ mục 2 đạt 50% ạ")
    assert notes(h) == ["đang làm", "đã xong đợt rà soát hồ sơ", "đạt 50%"], notes(h)


async def test_a_receipt_is_answered_with_one_line_and_changes_nothing(harness: Harness) -> None:
    """F9: "dạ nhận" under the assignment got no answer at all: a first-time user cannot tell it arrived."""
    h = harness
    await confirmed(h)
    for hour, typed in ((10, "dạ nhận"), (12, "đã nhận"), (14, "nhận ạ"), (16, "ok")):
        await h.advance_to(local(2018, 2, 26, hour, 0))
        mark = len(h.sent)
        await h.say("head_bdv", typed)
        assert texts_to(h, "head_bdv", mark) == ["Nhắc việc đã ghi nhận, cảm ơn đồng chí."], (typed, h.sent[mark:])
    mark = len(h.sent)
    await h.say("head_bdv", "ok")  # an "ok" to that line: not answered again within the hour
    await h.say("head_bdv", "cảm ơn")  # a thank-you alone ends the exchange
    assert texts_to(h, "head_bdv", mark) == []
    await h.advance_to(local(2018, 2, 26, 18, 0))
    mark = len(h.sent)
    await h.reply("head_bdv", "Dạ em nhận nhiệm vụ ạ")
    assert texts_to(h, "head_bdv", mark) == ["Nhắc việc đã ghi nhận, cảm ơn đồng chí."]
    assert task(h, "1.1").status == TaskStatus.OPEN and notes(h) == []
