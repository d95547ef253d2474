"""An admin sends the office's directory to the bot in chat (Telegram), through the real
python-telegram-bot and the Bot API sandbox, on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from bot import texts
from bot.conversation.directory import ONLY_ADMINS
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.audit import audit_entries
from storage.directory import person_by_handle
from storage.models import Digest, Notice, Person, Task, Unit
from tests.conftest import SEED_NOTICE, local
from tests.storage.test_directory import cp1258

# The directory before the head of Ban Dân vận is known: the notice's tasks wait for one.
NO_HEAD = ("handle,full_name,title,unit,role\n"
           "admin,Nguyễn Thị Quản,Chuyên viên Văn phòng Tỉnh ủy,Văn phòng Tỉnh ủy,admin\n"
           "cadre_bdv,Phạm Thị Vận,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre\n")
OFFICE_SHEET = [
    ["DANH SÁCH CÁN BỘ"],
    [],
    ["STT", "Mã cán bộ", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Telegram", "Zalo"],
    [1, "head_bdv", "Lê Văn Dân", "Trưởng Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh uỷ", "Trưởng đơn vị", "@levandan",
     "8123456789"],
    [2, "leader", "Huỳnh Thanh Cảnh", "Phó Bí thư Thường trực Tỉnh ủy", "Thường trực Tỉnh ủy", "lãnh đạo", None,
     None],
    [3, "cadre_bdv", "Phạm Thị Vận", "Phó Trưởng phòng", "Ban Dân vận Tỉnh ủy", "chuyên viên", None, None],
]


def workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=NO_HEAD.encode(), enroll_all=True)
    yield h
    await h.stop()


def last_text(h: Harness, handle: str) -> str:
    return next(s.text for s in reversed(h.sent) if s.to == handle) or ""


def count(h: Harness, model: type, *where) -> int:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: s.scalar(select(func.count()).select_from(model).where(*where)))


async def test_an_admin_sends_the_excel_directory_and_waiting_tasks_are_assigned(harness: Harness) -> None:
    h = harness
    assert h.db is not None
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert count(h, Task, Task.assignee_id.is_(None)) == 13  # no head of Ban Dân vận yet
    assert "Đồng chí gửi tệp danh bạ (Excel hoặc CSV)" in last_text(h, "admin")  # how, in chat

    h.clock.set(local(2018, 2, 27, 10, 0))
    await h.send_file("admin", "danh-ba-can-bo.xlsx", data=workbook(OFFICE_SHEET))
    reply = last_text(h, "admin")
    first, changed, rest = reply.split("\n", 2)
    assert first == "Đã nhập danh bạ: 1 đơn vị mới, 2 cán bộ mới, 1 cán bộ đã có (1 có thay đổi)."
    assert changed.startswith("Thay đổi: đ/c Phạm Thị Vận (mã cadre_bdv): "), changed  # who, and what
    assert rest.startswith("Đã giao thêm 13 nhiệm vụ trước đây chưa có người nhận:\n"
                            "  • đ/c Lê Văn Dân: mục 2, 2.1, 2.2.a, 2.2.b, 2.2.c, 2.2.d, 2.3.a, 2.3.b, 2.3.b.1, "
                            "2.3.b.2, 2.3.b.3, 3, 4\n")
    assert "/moi" in reply
    assert count(h, Notice) == 1  # the directory was not read as a notice

    head = h.db.call(person_by_handle, "head_bdv")
    assert (head.role, head.telegram_username) == ("head", "levandan")
    assert count(h, Task, Task.assignee_id == head.id) == 13
    await h.advance_to(local(2018, 3, 12, 8, 0))  # the tasks now reach the head's morning digest
    assert count(h, Digest, Digest.person_id == head.id) == 1  # (waiting until the head opens an invite)
    assert h.db.call(lambda s: person_by_handle(s, "cadre_bdv").title) == "Phó Trưởng phòng"
    assert count(h, Unit) == 3  # "Tỉnh uỷ" and "Tỉnh ủy" are one unit
    await h.say("admin", "/loi")  # the head holds the tasks but never opened an invite: nobody is reminded
    said = last_text(h, "admin")
    assert "Người nhận chưa kết nối Nhắc việc, chưa nhận được tin nào (1):\n• đ/c Lê Văn Dân (@head_bdv): mục 2, 2.1," \
        in said, said

    imports = [e for e in h.db.call(audit_entries) if e.action == "directory.import"]
    assert imports[-1].actor == "admin"
    assert imports[-1].detail["via"] == "telegram" and imports[-1].detail["file"] == "danh-ba-can-bo.xlsx"
    assert imports[-1].at == local(2018, 2, 27, 10, 0)


async def test_a_semicolon_csv_from_excel_in_a_vietnamese_locale(harness: Harness, tmp_path: Path) -> None:
    h = harness
    text = "\r\n".join(";".join("" if c is None else str(c) for c in row) for row in OFFICE_SHEET) + "\r\n"
    path = tmp_path / "danh ba.csv"
    path.write_bytes(cp1258(text))
    await h.send_file("admin", path)
    assert last_text(h, "admin").startswith("Đã nhập danh bạ: 1 đơn vị mới, 2 cán bộ mới, 1 cán bộ đã có")
    assert h.db is not None and h.db.call(lambda s: person_by_handle(s, "head_bdv").full_name) == "Lê Văn Dân"


async def test_a_bad_directory_is_refused_line_by_line_and_stores_nothing(harness: Harness) -> None:
    h = harness
    rows = [*OFFICE_SHEET, [4, "head2", "Võ Văn Hai", "Trưởng ban", "Ban Dân vận Tỉnh ủy", "trưởng đơn vị"],
            [5, "bad handle", "Ai Đó", "", "Sở Y tế", "giám đốc"]]
    await h.send_file("admin", "danh-ba.xlsx", data=workbook(rows))
    reply = last_text(h, "admin")
    assert reply.startswith("Tệp danh bạ có lỗi, chưa nhập gì:\n")
    assert "dòng 4 và 7: đơn vị “Ban Dân vận Tỉnh uỷ” có 2 trưởng đơn vị (đ/c Lê Văn Dân, đ/c Võ Văn Hai)" in reply
    assert "dòng 8: mã cán bộ “bad handle” không hợp lệ" in reply
    assert "dòng 8: vai trò “giám đốc” không hợp lệ" in reply
    assert count(h, Person) == 2 and count(h, Unit) == 2


async def test_a_second_head_against_the_stored_directory_is_refused(harness: Harness) -> None:
    h = harness
    await h.send_file("admin", "danh-ba.xlsx", data=workbook(OFFICE_SHEET))
    newcomer = [OFFICE_SHEET[2], [1, "head2", "Võ Văn Hai", "Trưởng ban", "Ban Dân vận Tỉnh ủy", "trưởng đơn vị"]]
    await h.send_file("admin", "bo-sung.xlsx", data=workbook(newcomer))
    assert "dòng 2: đơn vị “Ban Dân vận Tỉnh ủy” đã có trưởng đơn vị là đ/c Lê Văn Dân (head_bdv)" \
        in last_text(h, "admin")
    assert h.db is not None and h.db.call(lambda s: s.scalar(select(Person).where(Person.handle == "head2"))) is None


async def test_someone_not_an_admin_is_told_only_admins_import(harness: Harness) -> None:
    h = harness
    await h.send_file("cadre_bdv", "danh-ba.xlsx", data=workbook(OFFICE_SHEET))
    assert last_text(h, "cadre_bdv") == ONLY_ADMINS
    assert count(h, Person) == 2
    assert h.db is not None and not [e for e in h.db.call(audit_entries) if e.action == "directory.import"
                                     and e.actor is not None]


async def test_a_table_that_is_not_a_directory_is_still_read_as_a_notice(harness: Harness) -> None:
    h = harness
    await h.send_file("admin", "so-lieu.csv", data="Mục,Nội dung\n1,Báo cáo số liệu\n".encode())
    assert not last_text(h, "admin").startswith("Đã nhập danh bạ")
    await h.send_file("admin", "so-lieu.xlsx", data=workbook([["Mục", "Nội dung"], ["1", "Báo cáo"]]))
    assert "Nhắc việc chỉ dùng tệp Excel để nạp danh bạ cán bộ" in last_text(h, "admin")  # (probe 26, F8)
    assert count(h, Person) == 2


async def test_tasks_nobody_holds_are_listed_for_the_admin_and_their_new_holder_is_told(db_url: str) -> None:
    # the head of the Ban Dân vận is in the directory but marked a cadre: the notice's tasks wait for a head
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=(NO_HEAD + "head_bdv,Lê Văn Dân,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,"
                                 "cadre\n").encode(), enroll_all=True)
    try:
        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/loi")
        said = last_text(h, "admin")
        assert "Nhiệm vụ chưa có người nhận, chưa ai được nhắc (13):" in said, said
        assert "• Ban Dân vận Tỉnh ủy: mục 2, 2.1, 2.2.a" in said
        assert not [s for s in h.sent if s.to == "head_bdv"]

        fixed = NO_HEAD + "head_bdv,Lê Văn Dân,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head\n"
        await h.send_file("admin", "danh-ba.csv", data=fixed.encode())
        told = last_text(h, "head_bdv")
        assert told.startswith("Kính gửi đồng chí Lê Văn Dân,\nĐồng chí được giao chủ trì 13 nhiệm vụ"), told
        assert "đã quá hạn" not in told  # (the seed notice has no deadlines)
        await h.say("admin", "/loi")
        assert "chưa có người nhận" not in last_text(h, "admin")
    finally:
        await h.stop()


async def test_a_late_task_nobody_holds_still_reaches_the_leaders(db_url: str) -> None:
    from tests.bot.conversation_setup import NOTICE, started_with  # task 4: Sở TN&MT, by 20/03/2018

    directory = ("handle,full_name,title,unit,role\n"
                 "admin,Nguyễn Thị Quản,Chuyên viên Văn phòng Tỉnh ủy,Văn phòng Tỉnh ủy,admin\n"
                 "leader,Huỳnh Thanh Cảnh,Phó Bí thư Thường trực Tỉnh ủy,Thường trực Tỉnh ủy,leader\n"
                 "head_bdv,Lê Văn Dân,Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,head\n")
    h = await started_with(db_url, directory, NOTICE)
    try:
        await h.advance_to(local(2018, 3, 30, 9, 0))
        escalations = [s.text or "" for s in h.sent if s.to == "leader" and "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in (s.text or "")]
        assert any("Chủ trì: Sở Tài nguyên và Môi trường, chưa có người nhận, chưa ai được nhắc; hạn 20/03/2018"
                   in e for e in escalations), escalations
    finally:
        await h.stop()


@pytest.mark.parametrize("enroll_all", [True, False])
async def test_someone_a_directory_file_adds_during_a_sandbox_run_can_act(db_url: str, enroll_all: bool) -> None:
    """`nhacviec chat`: a new head imported mid-run speaks in the script (linked at once under --enroll-all, by the
    invite otherwise), so the README's paragraph on successors can be rehearsed as written."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=NO_HEAD.encode(), enroll_all=True)  # the admin, to send the file
    h.enroll_all = enroll_all
    try:
        await h.send_file("admin", "danh-ba-can-bo.xlsx", data=workbook(OFFICE_SHEET))
        if not enroll_all:
            await h.say("admin", "/moi head_bdv")
            await h.open_invite("head_bdv")
            assert "Kính chào đồng chí Lê Văn Dân" in last_text(h, "head_bdv")
        await h.say("head_bdv", "/viec")
        assert last_text(h, "head_bdv").startswith("Đồng chí hiện không có nhiệm vụ nào")
    finally:
        await h.stop()
