"""What new-user probe 26 met, through the real conversation core on SQLite: a recurrence typed as a correction
without "hạn" refused while the preview was open (F7); bad files answered with a generic message (F8); typed forms
"/giao III.3 @<mã cán bộ>", "/moi <mã cán bộ>" a head cannot fill in (F11)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.corrections import looks_like_correction, parse_corrections
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice, Task
from tests.conftest import DIRECTORY_CSV, local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 16/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy tổng hợp, báo cáo kết quả thực hiện Thông báo này.\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/4/2026.\n")
TODAY = dt.date(2026, 3, 2)


def last_text(h: Harness, handle: str) -> str:
    return next((s.text or "" for s in reversed(h.sent) if s.to == handle), "")


@pytest.fixture
async def bot(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    yield h
    await h.stop()


# ---------------------------------------------------------------- F7: a recurrence said without "hạn"


@pytest.mark.parametrize(("typed", "frequency", "phrase"), [
    ("21 báo cáo định kỳ hằng quý", "quarterly", "hằng quý"),
    ("21 định kỳ hằng quý", "quarterly", "hằng quý"),
    ("21 định kỳ 3 tháng", "quarterly", "định kỳ 3 tháng"),
    ("21: hằng quý", "quarterly", "hằng quý"),  # not a unit named "hằng quý"
    ("21 định kỳ hằng tháng trước ngày 25", "monthly", "hằng tháng trước ngày 25"),
    ("21 hằng tuần vào thứ Sáu", "weekly", "hằng tuần vào thứ Sáu"),
    ("21 6 tháng một lần", "semiannual", "6 tháng một lần"),
    ("21 hằng năm trước 15/12", "yearly", "hằng năm trước 15/12"),
    ("21 hạn hằng quý", "quarterly", "hằng quý"),
    # typed without marks: the phrase marked again, so the rounds can be read from it ("han" is no "hang")
    ("21 hang quy", "quarterly", "hằng quý"),
    ("21 han truoc ngay 25 hang thang", "monthly", "trước ngày 25 hằng tháng"),
    ("21 hang tuan vao thu sau", "weekly", "hằng tuần vào thứ Sáu"),
])
def test_a_recurrence_typed_after_a_task_number_makes_it_recurring(typed: str, frequency: str, phrase: str) -> None:
    assert [(c.target, c.field, c.value) for c in parse_corrections(typed, today=TODAY)] == \
        [("21", "recurring", (frequency, phrase))]
    assert looks_like_correction(typed)


def test_words_that_only_begin_like_a_frequency_stay_what_they_were() -> None:
    [lead] = parse_corrections("3: Hàng không Việt Nam", today=TODAY)
    assert (lead.field, lead.value) == ("lead", ("Hàng không Việt Nam",))
    assert not looks_like_correction("II.2 báo cáo tháng 4 đã gửi")


async def test_a_quarterly_correction_in_the_preview_makes_the_task_quarterly(bot: Harness) -> None:
    h = bot
    await h.say("admin", NOTICE)
    await h.say("admin", "1 báo cáo định kỳ hằng quý")  # typed, not a reply: the draft is open
    said = last_text(h, "admin")
    assert "chưa hiểu" not in said and "• nhiệm vụ 1 (Mục 1), định kỳ: hằng quý" in said, said
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert h.db is not None
    task = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())
    assert task.recurrence == "quarterly" and task.due_on is not None, (task.recurrence, task.due_on)


# ---------------------------------------------------------------- F8: bad files say what to do


def _empty_docx() -> bytes:
    import io

    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def _tasks_xlsx() -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    sheet.append([1, "Rà soát quy chế làm việc", "Ban Dân vận Tỉnh ủy", "30/4/2026"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


OLD_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20  # Word 97–2003 (an OLE container)


@pytest.mark.parametrize(("name", "make", "says"), [
    ("trong.docx", _empty_docx, ["không có nội dung (văn bản trống)", "gửi nhầm tệp", "dán nội dung"]),
    ("thong-bao.doc", lambda: OLD_DOC, ["Tệp Word dạng cũ (.doc)", "“Lưu thành” (Save As) kiểu Word (.docx) hoặc PDF",
                                        "dán nội dung"]),
    ("nhiem-vu.xlsx", _tasks_xlsx, ["Tệp Excel (.xlsx) không phải văn bản giao việc", "để nạp danh bạ cán bộ",
                                    "sao chép bảng rồi dán vào tin nhắn",
                                    "Mã cán bộ, Họ và tên, Chức vụ, Đơn vị, Vai trò"]),
])
async def test_a_file_that_is_no_notice_says_why_and_what_to_do(  # type: ignore[no-untyped-def]
        bot: Harness, name: str, make, says: list[str], caplog: pytest.LogCaptureFixture) -> None:
    h = bot
    caplog.set_level("INFO")
    await h.send_file("admin", name, data=make())
    said = last_text(h, "admin")
    assert all(part in said for part in says), said
    assert "Không tìm thấy nhiệm vụ" not in said and "chưa được hỗ trợ" not in said, said
    assert any(name in r.getMessage() and "nothing stored" in r.getMessage() for r in caplog.records)
    assert h.db is not None
    assert h.db.call(lambda s: (s.scalars(select(Task)).first(), s.scalars(select(Notice)).first())) == (None, None)


# ---------------------------------------------------------------- F11: "<mã cán bộ>", a code a head does not know


async def test_the_zalo_card_says_what_to_put_for_the_code_and_the_form_sent_as_it_is_is_explained(
        db_url: str) -> None:
    from tests.bot.conversation_setup import started

    h = await started(db_url, channel="zalo")
    try:
        await h.say("head_bdv", "mục 1 là gì?")  # the task card, its actions as typed forms
        card = last_text(h, "head_bdv")
        assert "“/giao 1 <họ tên cán bộ>” (thay <họ tên cán bộ> bằng họ tên hoặc mã của cán bộ; gõ /giao để xem danh " \
               "sách cán bộ của đơn vị và mã của từng người)" in card, card  # the /giao form as README writes it (s25)
        assert "<mã cán bộ>" not in card, card
        await h.say("head_bdv", "/giao")
        assert "@cadre_bdv — Phạm Thị Vận" in last_text(h, "head_bdv")
        for typed in ("/giao 1 @<mã cán bộ>", "/giao 1 <họ tên cán bộ>"):  # the form copied as it is
            await h.say("head_bdv", typed)
            said = last_text(h, "head_bdv")
            assert said.startswith(f"Đồng chí thay “{typed.split(' ', 2)[2]}” bằng họ tên (hoặc mã) của cán bộ, ví dụ: "
                                   "/giao 1 Phạm Thị Vận."), said  # a colleague of the head's own unit
        await h.say("head_bdv", "/giao 1 Phạm Thị Vận")  # a name does
        assert last_text(h, "head_bdv").startswith("Đã giao nhiệm vụ mục 1")
    finally:
        await h.stop()


async def test_moi_is_shown_and_explained_with_a_real_person_of_the_directory(bot: Harness) -> None:
    h = bot
    await h.say("admin", "/moi <mã cán bộ>")
    said = last_text(h, "admin")
    assert said.startswith("Đồng chí thay “<mã cán bộ>” bằng mã cán bộ hoặc họ tên của người cần mời, ví dụ: "
                           "/moi "), said
    assert "cột “Mã cán bộ” (handle) của tệp danh bạ" in said and "tp_tckh" not in said, said
    await h.say("admin", "/moi Nguyễn Văn Xyz")
    said = last_text(h, "admin")
    assert said.startswith("Không tìm thấy cán bộ có mã hoặc họ tên “Nguyễn Văn Xyz” trong danh bạ.") and \
        "ví dụ: /moi " in said and "tp_tckh" not in said, said


def test_the_lists_of_people_not_connected_give_one_of_them_as_the_example() -> None:
    assert texts.invite_how("gd_tc", "Vũ Đức Thịnh") == (
        "Đồng chí gõ /moi kèm mã cán bộ (sau dấu @ ở trên) hoặc họ tên, ví dụ: /moi gd_tc hoặc /moi Vũ Đức Thịnh, để "
        "tạo mã mời và gửi cho người đó")
    assert "@cadre_bdv" not in texts.delegate_usage([]) and "<mã cán bộ>" not in texts.delegate_usage([])
    assert "ví dụ: /giao 2.3 Phạm Thị Vận hoặc /giao 2.3 @cadre_bdv" in \
        texts.delegate_usage([("cadre_bdv", "Phạm Thị Vận")])
