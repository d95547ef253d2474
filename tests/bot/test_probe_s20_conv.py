"""What a new user still met after session 19 (/work/notes/s19/newuser/FINDINGS.md P4): a file that cannot be read
gets a next step (save it again, send another form, or paste the text), and a file answered at once (not a PDF, a
tiny one) is not first told that a scan may take a minute. Through the real python-telegram-bot and the sandbox."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from tests.bot.conftest import texts_to


@pytest.mark.parametrize(("data", "name", "said", "step"), [
    (b"not a zip at all", "bienban.docx", "Tệp .docx bị hỏng hoặc không đúng định dạng Word.",
     "Đồng chí mở tệp bằng Word, chọn “Lưu thành” (Save As) kiểu Word (.docx) rồi gửi lại"),
    (b"%PDF-1.4 broken!", "thongbao.pdf", "Tệp PDF bị hỏng, không thể đọc.",
     "Đồng chí mở tệp rồi lưu lại, hoặc in ra PDF"),
    # (probe s20 C1) named .pdf but no PDF at all, and no notice in it as text: a broken PDF, not "no task found"
    (b"not a pdf at all", "thongbao.pdf", "Tệp PDF bị hỏng, không thể đọc.",
     "Đồng chí mở tệp rồi lưu lại, hoặc in ra PDF"),
    (b"\x00\x01\x02\xff" * 500, "thongbao.txt", "Tệp không phải văn bản đọc được",
     "Đồng chí gửi tệp .docx hoặc .pdf của văn bản"),
])
async def test_a_file_that_cannot_be_read_says_what_to_do_next_and_only_that(
        harness: Harness, data: bytes, name: str, said: str, step: str) -> None:
    mark = len(harness.sent)
    await harness.send_file("admin", name, data=data)
    answers = texts_to(harness, "admin", mark)
    assert len(answers) == 1 and texts.READING not in answers, answers  # (a 16-byte "PDF" is answered at once)
    assert answers[0].startswith(said) and step in answers[0], answers[0]
    assert answers[0].endswith("hoặc dán nội dung văn bản vào tin nhắn."), answers[0]


async def test_an_empty_file_keeps_its_own_answer(harness: Harness) -> None:
    await harness.send_file("admin", "trong.docx", data=b"")
    assert texts_to(harness, "admin") == ["Tệp gửi lên trống, không có nội dung."]


# ---------------------------------------------------------------- the month probe (s20 conv20)

GROUP_NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 31/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh về quy hoạch chung các xã",
    "1. Giao UBND các xã liên quan hoàn thành hồ sơ quy hoạch chung xã trước ngày 30/3/2018.",
    "2. Giao Sở Y tế chủ trì rà soát mạng lưới trạm y tế xã trước ngày 30/4/2018.",
    "3. Giao Ban Dân vận Tỉnh ủy nắm tình hình nhân dân về quy hoạch.", ""])


async def test_the_preview_warning_says_a_group_is_unresolved_not_missing_from_the_directory(
        harness: Harness) -> None:
    """A group the directory cannot resolve ("UBND các xã liên quan") was said to be "chưa có trong danh bạ", with
    "xác nhận rồi bổ sung danh bạ sau" — no directory file says which communes are concerned; a unit the
    directory lacks (Sở Y tế) keeps both."""
    mark = len(harness.sent)
    await harness.say("admin", GROUP_NOTICE)
    preview = "\n".join(texts_to(harness, "admin", mark))
    warning = next(line for line in preview.splitlines() if line.startswith("Lưu ý: chưa có người nhận"))
    assert "số 1 (UBND các xã liên quan)" in warning and "nhóm đơn vị chưa xác định được đơn vị cụ thể" in warning
    assert "số 2 (Sở Y tế)" in warning and "đơn vị chưa có trong danh bạ" in warning, warning
    assert warning.endswith("hoặc xác nhận rồi bổ sung danh bạ sau."), warning  # (for Sở Y tế)

    mark = len(harness.sent)
    await harness.say("admin", GROUP_NOTICE.replace("Sở Y tế", "Sở Tài nguyên và Môi trường"))
    preview = "\n".join(texts_to(harness, "admin", mark))
    warning = next(line for line in preview.splitlines() if line.startswith("Lưu ý: chưa có người nhận"))
    assert "— nhóm đơn vị chưa xác định được đơn vị cụ thể." in warning, warning
    assert "chưa có trong danh bạ" not in warning and "bổ sung danh bạ" not in warning, warning
    assert "(nhiều đơn vị: cách nhau bằng dấu phẩy)" in warning, warning


def test_a_round_named_by_its_deadline_is_not_given_the_deadline_twice() -> None:
    """The report's "Từng nhiệm vụ" said "kỳ hạn 15/06/2026: chưa báo cáo, hạn 15/06/2026"."""
    import datetime as dt

    from scheduler.calendar import WorkingCalendar
    from storage.models import TaskStatus
    from storage.reports import TaskRow
    from tests.conftest import local

    def row(**kw: object) -> TaskRow:
        base: dict[str, object] = dict(
            unit="Sở Xây dựng", support="", notice="Thông báo số 215/TB-UBND", notice_number="215/TB-UBND",
            notice_date=dt.date(2026, 4, 23), item_ref="II.2.c", text="Báo cáo UBND tỉnh hằng tháng", assignee="A",
            due_on=dt.date(2026, 6, 15), due_text="trước ngày 15 hằng tháng", status=TaskStatus.OPEN, percent=None,
            done_on=None, category="in_progress", latest_note=None, latest_note_on=None,
            updated_at=local(2026, 5, 14, 10, 0), round_label="hạn 15/06/2026", round_start=dt.date(2026, 5, 16),
            rounds_done=1)
        base.update(kw)
        return TaskRow(**base)  # type: ignore[arg-type]

    calendar = WorkingCalendar()
    said = texts.unit_story([row()], calendar)
    assert "— kỳ hạn 15/06/2026: chưa báo cáo; các kỳ trước: đã báo cáo 1" in said, said
    late = texts.unit_story([row(category="overdue", due_on=dt.date(2026, 5, 15), round_label="hạn 15/05/2026")],
                            calendar)
    assert "kỳ hạn 15/05/2026: chưa báo cáo, đã quá hạn;" in late, late
    monthly = texts.unit_story([row(round_label="tháng 6/2026")], calendar)
    assert "kỳ tháng 6/2026: chưa báo cáo, hạn 15/06/2026;" in monthly, monthly
