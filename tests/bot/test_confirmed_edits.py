"""The office corrects a confirmed item from the paper (probe 20 F4: "2.d hạn 26/02/2027" and "2.c nd: …" after
confirmation were answered with a status view and changed nothing): the deadline of every unit's share, or of the
unit named, or the wording, changes; each holder is told; the audit log keeps it; a past date, a unit that holds no
share, a head typing the same words change nothing. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from storage.models import AuditLog, Task
from tests.bot.conversation_setup import (
    DIRECTORY_CSV,
    SIGNED_NOTICE,
    WITH_SIGNER,
    last_text,
    started_group,
    started_with,
    texts_to,
)


def _tasks(h) -> list[tuple[str, dt.date | None, str]]:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: [(t.lead_name, t.due_on, t.text) for t in s.scalars(select(Task).order_by(Task.id))])


async def test_a_new_deadline_for_every_share_and_each_holder_is_told(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        mark = len(h.sent)
        await h.say("admin", "1 hạn 15/4/2018")
        assert {due for _, due, _ in _tasks(h)} == {dt.date(2018, 4, 15)}
        answer = last_text(h, "admin")
        assert "thời hạn được điều chỉnh từ 30/03/2018 thành 15/04/2018" in answer and "2 đơn vị" in answer
        for head in ("head_bdv", "head_stnmt"):
            told = texts_to(h, head, mark)
            assert len(told) == 1 and "từ 30/03/2018 thành 15/04/2018" in told[0] and "Nguyễn Thị Quản" in told[0]
        assert h.db is not None
        assert h.db.call(lambda s: s.scalar(select(AuditLog.action).where(AuditLog.action == "task.set_due")
                                            .limit(1))) == "task.set_due"
        mark = len(h.sent)
        await h.say("admin", "1 hạn 15/4/2018")  # typed twice: nothing changes, nobody is told again
        assert texts_to(h, "admin", mark) == ["Mục 1 đã có thời hạn 15/04/2018; không có gì thay đổi."]
        assert texts_to(h, "head_bdv", mark) == []
    finally:
        await h.stop()


async def test_one_units_share_and_the_other_forms(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        mark = len(h.sent)
        await h.say("admin", "sửa mục 1 Sở Tài nguyên và Môi trường hạn 20/4/2018")
        dues = {lead: due for lead, due, _ in _tasks(h)}
        assert dues == {"Ban Dân vận Tỉnh ủy": dt.date(2018, 3, 30),
                        "Sở Tài nguyên và Môi trường": dt.date(2018, 4, 20)}
        assert texts_to(h, "head_bdv", mark) == []
        await h.say("admin", "đổi hạn mục 1 của Ban Dân vận đến 25/4/2018")
        assert {lead: due for lead, due, _ in _tasks(h)}["Ban Dân vận Tỉnh ủy"] == dt.date(2018, 4, 25)
        await h.say("admin", "mục 1 nd: Rà soát các hộ dân bị ảnh hưởng trong phạm vi dự án, lập danh sách gửi Sở.")
        assert {text for _, _, text in _tasks(h)} == {
            "Rà soát các hộ dân bị ảnh hưởng trong phạm vi dự án, lập danh sách gửi Sở."}
        assert any("nội dung được chỉnh sửa" in t for t in texts_to(h, "head_stnmt", mark))
    finally:
        await h.stop()


async def test_what_changes_nothing(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        before = _tasks(h)
        await h.say("admin", "1 hạn 20/2/2018")  # passed
        assert "đã qua" in last_text(h, "admin")
        await h.say("admin", "1 Sở Y tế hạn 20/4/2018")  # holds no share of item 1
        assert "không có phần nào" in last_text(h, "admin")
        await h.say("head_bdv", "1 hạn 20/4/2018")  # a head cannot move a deadline by typing it
        assert _tasks(h) == before
    finally:
        await h.stop()


async def test_a_leaders_correction_is_told_to_the_office(db_url: str) -> None:
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        ref = h.db.call(lambda s: s.scalars(select(Task.item_ref).order_by(Task.id)).first()) if h.db else "1"
        mark = len(h.sent)
        await h.say("pct", f"{ref} hạn 20/4/2018")
        assert any("thành 20/04/2018" in t and "Nguyễn Văn Hai" in t for t in texts_to(h, "admin", mark))
    finally:
        await h.stop()


async def test_with_a_draft_open_the_same_line_corrects_the_draft(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("admin", SIGNED_NOTICE)  # a second notice, still a draft
        before = _tasks(h)
        await h.say("admin", "1 hạn 15/4/2018")
        assert _tasks(h) == before  # the draft's task 1, not the confirmed item
        await h.tap("admin", texts.BUTTON_CANCEL)
    finally:
        await h.stop()


async def test_gia_han_where_the_holder_asked_is_the_decision_not_a_correction(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 20/4/2018 vì chờ số liệu")
        mark = len(h.sent)
        await h.say("admin", "gia hạn mục 1 của Ban Dân vận đến 20/4/2018")
        answer = texts_to(h, "admin", mark)
        assert len(answer) == 1 and "đang có đề nghị gia hạn đến 20/04/2018 chờ ý kiến" in answer[0], answer
        assert "“đồng ý gia hạn 1 cho Ban Dân vận Tỉnh ủy đến 20/04/2018”" in answer[0]
        assert texts_to(h, "head_bdv", mark) == [] and {d for _, d, _ in _tasks(h)} == {dt.date(2018, 3, 30)}
        await h.say("admin", "đồng ý gia hạn 1 cho Ban Dân vận Tỉnh ủy đến 20/04/2018")  # the form it gives works
        assert {lead: d for lead, d, _ in _tasks(h)}["Ban Dân vận Tỉnh ủy"] == dt.date(2018, 4, 20)
    finally:
        await h.stop()


def _refs(h) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: [(t.item_ref, t.lead_name) for t in s.scalars(select(Task).order_by(Task.id))])


async def test_an_items_number_corrected_from_the_paper_for_every_share(db_url: str) -> None:
    """A confirmed item carries the wrong number (a list numbered on from the wrong item): the office types the number
    it has and the right one, in the preview's form or a clerk's; every unit's share takes it, each holder is told
    the number to report by, the audit log keeps it; a number another item holds is refused."""
    h = await started_group(db_url)
    try:
        mark = len(h.sent)
        await h.say("admin", "1 số mục: 2")
        assert _refs(h) == [("2", "Ban Dân vận Tỉnh ủy"), ("2", "Sở Tài nguyên và Môi trường")]
        answer = last_text(h, "admin")
        assert "số mục được sửa từ 1 thành 2 theo văn bản" in answer and "2 đơn vị" in answer, answer
        for head in ("head_bdv", "head_stnmt"):
            told = texts_to(h, head, mark)
            assert len(told) == 1 and "Từ nay đồng chí báo cáo theo số mục mới, ví dụ: “2 xong”." in told[0], told
        assert h.db is not None
        assert h.db.call(lambda s: s.scalar(select(AuditLog.action).where(AuditLog.action == "task.set_ref")
                                            .limit(1))) == "task.set_ref"
        await h.say("head_bdv", "2 xong")  # the new number reports on the task
        assert "mục 2 — Hoàn thành" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
        await h.say("admin", "sửa số mục 2 thành 3")
        assert {ref for ref, _ in _refs(h)} == {"3"}
        await h.say("admin", "mục 3 đúng ra là mục 1")
        assert {ref for ref, _ in _refs(h)} == {"1"}
        mark = len(h.sent)
        await h.say("admin", "1 số mục: 1")  # what it is already: nothing changes, nobody told
        assert texts_to(h, "admin", mark) == ["Mục 1 đã mang số này; không có gì thay đổi."]
        assert texts_to(h, "head_bdv", mark) == []
        await h.say("admin", "1 Ban Dân vận số mục: 2")  # one unit's share: the number is the whole item's
        assert "Số mục là của cả mục 1" in last_text(h, "admin") and {ref for ref, _ in _refs(h)} == {"1"}
    finally:
        await h.stop()


async def test_a_number_another_item_holds_is_refused(db_url: str) -> None:
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        before = _refs(h)
        await h.say("admin", "3 số mục: 2")
        answer = last_text(h, "admin")
        assert answer.startswith("Thông báo số 45/TB-UBND ngày 20/02/2018 đã có mục 2: “Giao Ban Dân vận Tỉnh ủy"), \
            answer
        assert "sửa số mục đó trước (“2 số mục: …”), rồi sửa mục 3." in answer
        assert _refs(h) == before
    finally:
        await h.stop()


async def test_a_holder_saying_the_numbers_are_wrong_is_passed_to_the_office_not_stored_as_progress(
        db_url: str) -> None:
    """Month probe (carried since session 44): "các mục 1.b đến 1.k đúng ra là mục 2" from a head was stored as
    progress ("Đang thực hiện") on each item named. It is a remark on the numbering: the office gets it, with the
    form that corrects one item when one is named, and nothing is recorded."""
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        assert h.db is not None
        statuses = h.db.call(lambda s: [t.status for t in s.scalars(select(Task).order_by(Task.id))])
        mark = len(h.sent)
        await h.say("head_bdv", "các mục 1 đến 3 đúng ra là mục II")
        told = last_text(h, "head_bdv")
        assert told.startswith("Nhắc việc không ghi tin này là tiến độ: số mục do Văn phòng (quản trị viên) sửa"), told
        office = texts_to(h, "admin", mark)
        assert len(office) == 1 and "báo số mục chưa đúng" in office[0] and "“1.b số mục: 2.a”" in office[0], office
        await h.say("head_bdv", "mục 3 đúng ra là mục 2.a")
        assert "Nếu đúng, đồng chí gõ: “3 số mục: 2.a”." in last_text(h, "admin"), last_text(h, "admin")
        assert h.db.call(lambda s: [t.status for t in s.scalars(select(Task).order_by(Task.id))]) == statuses
        assert {ref for ref, _ in _refs(h)} == {"1", "2", "3", "4"}
        await h.say("head_bdv", "1 xong, đúng ra là mục 1.a")  # a report that says so too: the report is kept
        assert "mục 1 — Hoàn thành" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    finally:
        await h.stop()


SECTIONED = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 47/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về dự án đường ven biển",
    "I. ĐÁNH GIÁ CHUNG", "Các đơn vị đã tích cực triển khai công tác bồi thường, giải phóng mặt bằng.",
    "II. NHIỆM VỤ THỜI GIAN TỚI",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án, báo cáo trước ngày 15/3/2018.",
    "2. Giao Sở Tài nguyên và Môi trường chủ trì kiểm tra hiện trạng sử dụng đất ven biển, báo cáo trước ngày "
    "20/3/2018.", ""])


async def test_the_section_dropped_in_typing_is_kept(db_url: str) -> None:
    """People drop the section a list sits in ("2" for II.2): the new number keeps it, unless one is typed."""
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), SECTIONED)
    try:
        assert [ref for ref, _ in _refs(h)] == ["II.1", "II.2"]
        await h.say("admin", "2 số mục: 3")
        assert [ref for ref, _ in _refs(h)] == ["II.1", "II.3"]
        assert "số mục được sửa từ II.2 thành II.3" in last_text(h, "admin"), last_text(h, "admin")
        await h.say("admin", "II.3 số mục: III.1")
        assert [ref for ref, _ in _refs(h)] == ["II.1", "III.1"]
    finally:
        await h.stop()
