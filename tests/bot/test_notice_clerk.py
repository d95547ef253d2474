"""The clerk loading notices, through the sandbox on a real database: a notice already confirmed is
recognised on receipt (one probably confirmed, in its preview); a preview says when the notice has no number or
date; /huy tells numberless notices apart; a confirmed task is moved to another lead unit ("chuyển mục 1 sang …")."""

from __future__ import annotations

from sqlalchemy import func, select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import AuditLog, Notice, NoticeStatus, Person, StatusReport, Task, TaskStatus, Unit
from tests.bot.conftest import last_text
from tests.bot.conversation_setup import GROUP_NOTICE, started_with
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 15/TB-UBND\nBình Thuận, ngày 20 tháng 02 năm 2018\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 02/3/2018.\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n")


def numberless(subject: str, work: str) -> str:
    """A draft copy: "Số: /TB-UBND" left blank, no date."""
    return ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: /TB-UBND\nTHÔNG BÁO\n"
            f"{subject}\n"
            f"1. Giao Ban Dân vận Tỉnh ủy chủ trì {work}, báo cáo trước ngày 02/3/2018.\n"
            "2. Giao Sở Tài nguyên và Môi trường rà soát quy chế làm việc, hoàn thành trước ngày 09/3/2018.\n")


def sent_to(h: Harness, handle: str) -> list[str]:
    return [s.text or "" for s in h.sent if s.to == handle]


async def test_a_notice_sent_again_after_confirmation_is_recognised_on_receipt(harness: Harness) -> None:
    h = harness
    await h.send_file("admin", SEED_NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    before = len(sent_to(h, "admin"))
    await h.advance_to(local(2018, 2, 27, 10, 0))
    await h.send_file("admin", SEED_NOTICE)
    answer = sent_to(h, "admin")[before:]
    said = answer[-1]
    assert "Văn bản này đã được xác nhận trước đây" in said
    assert "mã #1" in said and "xác nhận lúc 09:00 ngày 26/02/2018" in said and "13 nhiệm vụ" in said
    assert "đồng chí không cần làm gì thêm" in said and "/huy #1 lý do:" in said
    assert not any("nhận diện được" in text for text in answer), "no preview of the tasks again"
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Notice))) == 1, "no second draft"
    await h.say("admin", "xác nhận")
    assert last_text(h, "admin") == texts.NO_OPEN_DRAFT
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task))) == 13


async def test_a_numberless_notice_loaded_again_in_another_form_is_recognised_by_its_tasks(harness: Harness) -> None:
    """Probe 19: a draft plan ("Số: /KH-SCT") confirmed from its .docx with the number the admin typed, pasted again
    a month later, got a fresh preview — one tap from assigning every task twice. A notice of its own with the
    same tasks (next year's plan) is told apart by its number."""
    h = harness
    first = numberless("Kế hoạch chuyển đổi số", "xây dựng cơ sở dữ liệu")
    await h.say("admin", first)
    await h.say("admin", "số: 125/TB-UBND")
    await h.say("admin", "xác nhận")
    await h.advance_to(local(2018, 3, 26, 9, 0))
    await h.say("admin", first.replace("THÔNG BÁO\n", "THÔNG BÁO\n\n") + "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    said = last_text(h, "admin")  # (probe 24 #1: said in the preview, and asked again at confirmation)
    assert "Lưu ý: văn bản này có vẻ đã được xác nhận ngày 26/02/2018: Thông báo số 125/TB-UBND" in said, said
    assert "(mã #1, 2 nhiệm vụ) — chưa có số, cùng các nhiệm vụ" in said and "“số: …”, “ngày: …”" in said
    await h.say("admin", "xác nhận")
    said = last_text(h, "admin")
    assert said.startswith("Chưa xác nhận: văn bản này có vẻ đã được xác nhận") and "“vẫn xác nhận”" in said, said
    await h.say("admin", "hủy")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Task))) == 2, "no task given twice"
    await h.say("admin", first.replace("Số: /TB-UBND", "Số: 40/TB-UBND\nBình Thuận, ngày 20 tháng 03 năm 2018"))
    assert "nhận diện được 2 nhiệm vụ" in last_text(h, "admin"), "a numbered notice of its own: its preview"


async def test_a_preview_asks_for_the_number_and_date_a_notice_lacks(harness: Harness) -> None:
    h = harness
    await h.say("admin", numberless("Kết luận về công tác dân vận", "tổng hợp ý kiến của Nhân dân"))
    preview = last_text(h, "admin")
    assert ("Lưu ý: văn bản chưa có số và ngày — đồng chí gõ “số: …/TB-UBND” và “ngày: …/…/…”"
            in preview)
    assert preview.count("chưa có số") == 1, "said once"
    assert texts.OCR_NOTE not in preview, "typed text is not OCR"
    await h.say("admin", "số: 125/TB-UBND")
    assert "số văn bản: 125/TB-UBND" in last_text(h, "admin")
    await h.say("admin", "hủy")
    await h.say("admin", NOTICE)
    assert "chưa có số" not in last_text(h, "admin") and "chưa có ngày" not in last_text(h, "admin")


async def test_withdrawing_among_numberless_notices_shows_each_subject_date_and_count(harness: Harness) -> None:
    h = harness
    await h.say("admin", numberless("Kết luận về công tác dân vận", "tổng hợp ý kiến của Nhân dân"))
    await h.say("admin", "xác nhận")
    await h.say("admin", numberless("Kết luận về chuyển đổi số", "xây dựng cơ sở dữ liệu"))
    await h.say("admin", "xác nhận")
    await h.say("admin", "/huy")
    listed = last_text(h, "admin")
    assert "Cú pháp: /huy" in listed
    assert "• #2 — Thông báo “Kết luận về chuyển đổi số” — xác nhận ngày 26/02/2018 — 2 nhiệm vụ" in listed
    assert "• #1 — Thông báo “Kết luận về công tác dân vận” — xác nhận ngày 26/02/2018 — 2 nhiệm vụ" in listed
    await h.say("admin", "/huy /TB-UBND lý do: nhầm văn bản")
    chooser = last_text(h, "admin")
    assert "Có 2 văn bản cùng số “/TB-UBND”" in chooser
    assert "• #1 — Thông báo “Kết luận về công tác dân vận”" in chooser
    assert "• #2 — Thông báo “Kết luận về chuyển đổi số”" in chooser
    await h.say("admin", "/huy #2 lý do: nhầm văn bản")
    assert "Đã hủy thông báo “Kết luận về chuyển đổi số”" in last_text(h, "admin")  # (mid-sentence)
    assert h.db is not None
    statuses = h.db.call(lambda s: list(s.scalars(select(Notice.status).order_by(Notice.id))))
    assert statuses == [NoticeStatus.CONFIRMED, NoticeStatus.CANCELLED]
    await h.say("admin", "/huy TB-UBND ngày 26/02/2018 lý do: nhầm")  # a guess at the number: the list again
    assert "• #1 — Thông báo “Kết luận về công tác dân vận”" in last_text(h, "admin")
    assert "#2" not in last_text(h, "admin"), "a withdrawn notice is not offered"


def _task_one(s):  # type: ignore[no-untyped-def]
    task = s.scalars(select(Task).where(Task.item_ref == "1")).one()
    return task.lead_unit.name, task.assignee.handle, list(task.lead_unit_names)


async def test_a_confirmed_task_is_moved_to_another_lead_unit(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    assert h.db is not None
    await h.say("admin", "1: Sở Tài nguyên và Môi trường")  # the preview's form, after confirmation
    hint = last_text(h, "admin")
    assert "Văn bản đã được xác nhận" in hint and "đơn vị chủ trì mục 1 chưa thay đổi" in hint
    assert "chuyển mục 1 sang Sở Tài nguyên và Môi trường" in hint
    assert h.db.call(_task_one)[:2] == ("Ban Dân vận Tỉnh ủy", "head_bdv")
    await h.say("admin", "/giao 1 @head_stnmt")
    assert "chuyển mục 1 sang Sở Tài nguyên và Môi trường" in last_text(h, "admin")

    await h.say("admin", "chuyển mục 1 sang Sở Tài nguyên và Môi trường")
    assert last_text(h, "admin").startswith("Đã chuyển nhiệm vụ mục 1 (Thông báo số 15/TB-UBND ngày 20/02/2018) "
                                            "từ Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân) sang Sở Tài nguyên và Môi "
                                            "trường chủ trì — giao đ/c Trần Văn Môi.")
    assert "mục 1 (Thông báo số 15/TB-UBND ngày 20/02/2018) đã được chuyển sang Sở Tài nguyên và Môi trường" \
        in last_text(h, "head_bdv")
    assigned = last_text(h, "head_stnmt")  # where it comes from
    assert "được chuyển từ Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân)" in assigned and "Mục 1:" in assigned
    assert h.db.call(_task_one) == ("Sở Tài nguyên và Môi trường", "head_stnmt", ["Sở Tài nguyên và Môi trường"])
    audit = h.db.call(lambda s: s.scalars(select(AuditLog).where(AuditLog.action == "task.move_lead")).one().detail)
    assert audit["previous"] == "head_bdv" and audit["to"] == "head_stnmt"

    await h.say("admin", "chuyển mục 1 sang Sở Tài nguyên và Môi trường")
    assert "đã là đơn vị chủ trì nhiệm vụ mục 1" in last_text(h, "admin")
    await h.say("admin", "chuyển mục 1 sang Sở Xây dựng")
    assert "Không tìm thấy đơn vị “Sở Xây dựng” trong danh bạ" in last_text(h, "admin")
    await h.say("head_bdv", "chuyển mục 2 sang Sở Tài nguyên và Môi trường")  # only an admin moves a task
    assert h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "2")).one().assignee.handle) \
        == "head_bdv"

    await h.advance_to(local(2018, 2, 27, 9, 0))  # 3 working days before 02/03: the new holder is reminded
    stnmt = [t for t in sent_to(h, "head_stnmt") if "Nhắc việc thứ" in t]
    bdv = [t for t in sent_to(h, "head_bdv") if "Nhắc việc thứ" in t]
    assert stnmt and "• Mục 1: Tổng hợp ý kiến" in stnmt[-1]
    assert not any("Tổng hợp ý kiến" in t for t in bdv), "the previous holder is not reminded of it"


async def test_a_progress_report_typed_with_a_colon_is_not_taken_for_a_unit(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    await h.say("admin", "1: Ban Dân vận đã hoàn thành")
    assert "chuyển mục" not in last_text(h, "admin")
    assert h.db is not None
    assert h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one().status) == TaskStatus.DONE
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(Unit))) >= 1
    assert h.db.call(lambda s: s.scalar(select(Person.handle).where(Person.handle == "head_stnmt"))) == "head_stnmt"


async def test_the_admin_help_names_the_move_and_the_notice_list(harness: Harness) -> None:
    await harness.say("admin", "/huongdan")
    said = last_text(harness, "admin")
    assert "“chuyển mục 2.1 sang Sở Y tế”" in said and "/huy không kèm gì: các văn bản gần đây với mã #" in said
    await harness.say("head_bdv", "/huongdan")
    assert "chuyển mục 2.1 sang" not in last_text(harness, "head_bdv")


# ---------------------------------------------------------------- moving one unit's share, who may move (probe 10)

WITH_STP = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "head_stp,Ngô Văn Pháp,Giám đốc Sở Tư pháp,Sở Tư pháp,head\n"


def _leads_of(ref: str):  # type: ignore[no-untyped-def]
    def read(s):  # type: ignore[no-untyped-def]
        tasks = s.scalars(select(Task).where(Task.item_ref == ref))
        return sorted((t.lead_unit.name, t.assignee.handle) for t in tasks)
    return read


async def test_one_units_share_of_an_item_is_moved_and_the_others_stay(db_url: str) -> None:
    h = await started_with(db_url, WITH_STP, GROUP_NOTICE)  # item 1: Ban Dân vận and Sở TN&MT, each its own task
    try:
        assert h.db is not None
        before = h.db.call(_leads_of("1"))
        assert before == [("Ban Dân vận Tỉnh ủy", "head_bdv"), ("Sở Tài nguyên và Môi trường", "head_stnmt")]
        await h.say("admin", "chuyển mục 1 sang Sở Tư pháp")  # which share? asked, never a /huy of both
        asked = last_text(h, "admin")
        assert "Mục 1 có 2 nhiệm vụ đang thực hiện: Ban Dân vận Tỉnh ủy; Sở Tài nguyên và Môi trường" in asked, asked
        assert "ví dụ: chuyển mục 1 của Ban Dân vận Tỉnh ủy sang Sở Tư pháp" in asked
        assert "/huy" not in asked
        assert h.db.call(_leads_of("1")) == before

        await h.say("admin", "chuyển mục 1 của Sở Tài nguyên và Môi trường sang Sở Tư pháp")
        assert last_text(h, "admin").startswith("Đã chuyển nhiệm vụ mục 1 (Thông báo số 46/TB-UBND ngày 20/02/2018) "
                                                "từ Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi) sang Sở Tư pháp")
        assert h.db.call(_leads_of("1")) == [("Ban Dân vận Tỉnh ủy", "head_bdv"), ("Sở Tư pháp", "head_stp")]
        told = last_text(h, "head_stp")
        assert "được chuyển từ Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi) sang đơn vị đồng chí chủ trì" in told
        assert "được chuyển sang Sở Tư pháp" in last_text(h, "head_stnmt")
        assert "chuyển" not in last_text(h, "head_bdv"), "the other unit's share is not touched"

        await h.say("admin", "chuyển mục 1 Ban Dân vận Tỉnh ủy sang Sở Tài nguyên và Môi trường")  # "của" left out
        assert h.db.call(_leads_of("1")) == [("Sở Tài nguyên và Môi trường", "head_stnmt"), ("Sở Tư pháp", "head_stp")]
        await h.say("admin", "chuyển mục 1 của Ban Dân vận Tỉnh ủy sang Sở Tư pháp")  # no share of it left
        assert "Mục 1 không có phần nào của “Ban Dân vận Tỉnh ủy” đang thực hiện" in last_text(h, "admin")
    finally:
        await h.stop()


async def test_a_head_asks_the_office_to_move_a_task_and_a_leader_moves_one(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    assert h.db is not None
    await h.say("head_bdv", "chuyển mục 2 sang Sở Tài nguyên và Môi trường")
    answer = last_text(h, "head_bdv")
    assert answer.startswith("Chỉ Văn phòng (quản trị viên) hoặc lãnh đạo chuyển được nhiệm vụ sang đơn vị khác"), \
        answer
    assert "đã chuyển đề nghị của đồng chí đến đ/c Nguyễn Thị Quản" in answer
    assert last_text(h, "admin") == (
        "Kính gửi đồng chí Nguyễn Thị Quản, đ/c Lê Văn Dân (Ban Dân vận Tỉnh ủy) đề nghị chuyển nhiệm vụ mục 2 "
        "(Thông báo số 15/TB-UBND ngày 20/02/2018) sang Sở Tài nguyên và Môi trường chủ trì. Nếu đồng ý, đồng chí "
        "gõ: chuyển mục 2 sang Sở Tài nguyên và Môi trường")
    await h.reply("head_bdv", "chuyển mục 2 sang Sở Tài nguyên và Môi trường")  # in reply: not progress either
    task2 = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "2")).one())
    assert task2.status == TaskStatus.OPEN and task2.assignee_id is not None
    assert h.db.call(lambda s: s.scalar(select(func.count()).select_from(StatusReport))) == 0, "never progress"

    await h.say("leader", "chuyển mục 1 sang Sở Tài nguyên và Môi trường")  # a leader moves as the office does
    assert last_text(h, "leader").startswith("Đã chuyển nhiệm vụ mục 1 (Thông báo số 15/TB-UBND ngày 20/02/2018) từ "
                                             "Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân) sang Sở Tài nguyên và Môi trường")
    assert h.db.call(_task_one)[:2] == ("Sở Tài nguyên và Môi trường", "head_stnmt")
    assert "được chuyển sang Sở Tài nguyên và Môi trường" in last_text(h, "head_bdv")
    told = last_text(h, "admin")  # the office keeps the record of who holds what
    assert told.startswith("Kính gửi đồng chí Nguyễn Thị Quản, đ/c Huỳnh Thanh Cảnh đã chuyển nhiệm vụ mục 1"), told


async def test_a_moved_task_carries_its_progress_and_its_pending_extension(harness: Harness) -> None:
    h = harness
    await h.say("admin", NOTICE)
    await h.say("admin", "xác nhận")
    await h.say("head_bdv", "1 đang làm 40%, đã họp dân 2 xã")
    await h.say("head_bdv", "2 xin gia hạn đến 30/3")
    await h.say("admin", "chuyển mục 1 sang Sở Tài nguyên và Môi trường")
    told = last_text(h, "head_stnmt")
    assert "được chuyển từ Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân) sang đơn vị đồng chí chủ trì" in told, told
    assert "Tình trạng hiện tại: 40% — Đang thực hiện; ghi chú gần nhất: “đang làm 40%, đã họp dân 2 xã” (26/02)." \
        in told, told

    await h.say("admin", "chuyển mục 2 sang Sở Tài nguyên và Môi trường")
    moved = last_text(h, "admin")
    assert "Lưu ý: đề nghị gia hạn đến 30/03/2018 của đ/c Lê Văn Dân đang chờ ý kiến; khi có quyết định, Nhắc việc " \
        "báo đ/c Trần Văn Môi (người nhận mới)." in moved, moved
    assert "Đề nghị gia hạn đến 30/03/2018 (của đ/c Lê Văn Dân) đang chờ ý kiến" in last_text(h, "head_stnmt")
    await h.tap("leader", texts.BUTTON_APPROVE)
    decided = last_text(h, "head_stnmt")
    assert decided.startswith("Kính gửi đồng chí Trần Văn Môi, đề nghị gia hạn nhiệm vụ mục 2"), decided
    assert "(trước khi nhiệm vụ chuyển sang đồng chí) đã được đ/c Huỳnh Thanh Cảnh quyết định: Đã gia hạn đến " \
        "30/03/2018." in decided, decided


async def test_one_units_share_of_an_item_is_withdrawn_and_the_others_go_on(db_url: str) -> None:
    h = await started_with(db_url, WITH_STP, GROUP_NOTICE)  # item 1: Ban Dân vận and Sở TN&MT, each its own task
    try:
        assert h.db is not None
        await h.say("admin", "/huy 46/TB-UBND mục 1 Sở Tư pháp lý do: nhầm")  # holds no share of item 1
        assert last_text(h, "admin").startswith("Không có đơn vị “Sở Tư pháp” ở mục 1 của Thông báo số 46/TB-UBND")
        assert "(mục này do: Ban Dân vận Tỉnh ủy; Sở Tài nguyên và Môi trường)" in last_text(h, "admin")
        await h.say("admin", "/huy 46/TB-UBND mục 1 của Sở Tài nguyên và Môi trường lý do: Sở không thực hiện")
        answer = last_text(h, "admin")
        assert answer.startswith("Đã hủy mục 1 (phần của Sở Tài nguyên và Môi trường; các đơn vị khác vẫn thực "
                                 "hiện) của Thông báo số 46/TB-UBND"), answer
        open_ = h.db.call(lambda s: sorted(t.lead_unit.name for t in s.scalars(select(Task).where(
            Task.item_ref == "1", Task.status != TaskStatus.CANCELLED))))
        assert open_ == ["Ban Dân vận Tỉnh ủy"], "the other share goes on"
        assert "đã được hủy đối với mục 1" in last_text(h, "head_stnmt")
        await h.say("admin", "/huy 46/TB-UBND mục 1 lý do: bỏ hẳn")  # the rest of the item, named as such
        assert "Đã hủy mục 1 của Thông báo số 46/TB-UBND" in last_text(h, "admin")
    finally:
        await h.stop()


def test_a_preview_asks_for_the_subject_a_notice_lacks() -> None:
    """Probe 19: a plan whose title was not read was reported as "Phạm vi: Kế hoạch số 1234/KH-SCT", nothing else;
    the preview asked for the number and date, never for the subject."""
    import datetime as dt

    from storage.parsed import ParsedNotice

    [line] = texts.missing_header_lines(ParsedNotice(number="12/KH-SCT", date=dt.date(2026, 4, 17)))
    assert line.startswith("Lưu ý: chưa đọc được trích yếu của văn bản — đồng chí gõ “trích yếu: …”"), line
    [line] = texts.missing_header_lines(ParsedNotice(number="/KH-SCT"))
    assert "“số: …/KH-SCT” và “ngày: …/…/…”" in line and line.endswith("Chưa đọc được trích yếu: đồng chí gõ “trích "
                                                                          "yếu: …” để báo cáo gửi lãnh đạo nêu rõ văn "
                                                                          "bản về việc gì.")
    assert texts.missing_header_lines(ParsedNotice(number="12/KH-SCT", date=dt.date(2026, 4, 17), subject="Về X")) == []
