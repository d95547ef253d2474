"""What probe 22 (a new user on a Lào Cai letter: group items, lettered sub-items under a unit's heading) met, through
the real conversation core and the Telegram sandbox: a leader's "việc nào đang vướng?" read as his own report; a
group or an unknown unit asked about answered with every unit's table; /baocao unknown; "mục 1" (a heading) taken
for 1.a; two requests on one item not granted together; "đã hoàn thành tất cả" closing every task unasked; a planned
date after the deadline not flagged; the office's update not naming the unit; /nghi's example cover from another
unit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus, Unit
from tests.bot.conftest import last_text, texts_to
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vt,Lù Thị Văn,Chuyên viên Văn phòng UBND tỉnh,Văn phòng UBND tỉnh Lào Cai,admin\n"
             "pct,Nguyễn Thành Sinh,Phó Chủ tịch UBND tỉnh,UBND tỉnh Lào Cai,leader\n"
             "gd_snnmt,Hoàng Văn Nông,Giám đốc Sở Nông nghiệp và Môi trường,Sở Nông nghiệp và Môi trường,head\n"
             "gd_sxd,Trần Quốc Xây,Giám đốc Sở Xây dựng,Sở Xây dựng,head\n"
             "pgd_sxd,Lê Văn Phó,Phó Giám đốc Sở Xây dựng,Sở Xây dựng,cadre\n"
             "bchqs,Lý Văn Quân,Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh,Bộ Chỉ huy Quân sự tỉnh,head\n"
             "ct_bx,Giàng A Sử,Chủ tịch UBND xã Bát Xát,UBND xã Bát Xát,head\n"
             "ct_cd,Nguyễn Thị Đường,Chủ tịch UBND phường Cam Đường,UBND phường Cam Đường,head\n"
             "ct_mk,Sùng Seo Khương,Chủ tịch UBND xã Mường Khương,UBND xã Mường Khương,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 1520/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026",
    "V/v tăng cường công tác quản lý, bảo vệ khoáng sản chưa khai thác",
    "Kính gửi: Các sở, ngành; UBND các xã, phường.", "Chủ tịch UBND tỉnh có ý kiến như sau:",
    "1. Sở Nông nghiệp và Môi trường:",
    "a) Chủ trì rà soát, cập nhật số liệu khoáng sản chưa khai thác trên địa bàn tỉnh, báo cáo trước ngày 30/4/2026.",
    "b) Hướng dẫn các xã, phường xây dựng kế hoạch bảo vệ khoáng sản chưa khai thác, hoàn thành trước ngày "
    "15/5/2026.",
    "c) Thường xuyên kiểm tra, đôn đốc việc bảo vệ khoáng sản chưa khai thác tại các địa phương.",
    "2. Sở Xây dựng:",
    "a) Rà soát các dự án khai thác vật liệu xây dựng thông thường, báo cáo trước ngày 30/4/2026.",
    "b) Tham mưu Ban Chỉ đạo tỉnh kiểm tra các bến bãi tập kết cát sỏi, hoàn thành trước ngày 31/5/2026.",
    "3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo các lực lượng tăng cường tuần tra, kiểm soát khu vực biên giới.",
    "4. UBND các xã, phường:",
    "a) Ban hành kế hoạch bảo vệ khoáng sản chưa khai thác trên địa bàn, hoàn thành trước ngày 15/5/2026.",
    "b) Tổ chức ký cam kết bảo vệ khoáng sản chưa khai thác tới các thôn, tổ dân phố, hoàn thành trước ngày "
    "31/5/2026.",
    "c) Tăng cường quản lý đất đai, lòng sông, suối, bãi bồi trên địa bàn.",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Sinh", ""])


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    await h.say("vt", NOTICE)
    await h.tap("vt", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2026, 4, 21, 9, 0))
    yield h
    await h.stop()


def tasks(h: Harness, ref: str) -> dict[str, Task]:
    """The tasks of item `ref`, by their lead unit's name."""
    assert h.db is not None
    return h.db.call(lambda s: {s.get_one(Unit, t.lead_unit_id).name: t
                                for t in s.scalars(select(Task).where(Task.item_ref == ref))})


# ---------------------------------------------------------------- F2: a leader's questions

@pytest.mark.parametrize("asked", ["những việc nào đang vướng?", "đơn vị nào đang vướng mắc?",
                                   "có việc nào vướng mắc không?", "nhung viec nao dang vuong"])
async def test_a_leader_asking_what_is_blocked_gets_the_blocked_tasks(harness: Harness, asked: str) -> None:
    h = harness
    await h.say("gd_sxd", "BCĐ tỉnh chưa họp nên mục 2.b chưa triển khai được")
    await h.say("ct_cd", "4.c vướng do thiếu kinh phí thuê máy")
    await h.advance_to(local(2026, 4, 22, 9, 0))
    mark = len(h.sent)
    await h.say("pct", asked)
    [said] = texts_to(h, "pct", mark)
    assert "không có nhiệm vụ nào đang thực hiện" not in said, said
    assert "2 nhiệm vụ" in said.split("\n")[0], said
    assert "• Sở Xây dựng: mục 2.b" in said and "“BCĐ tỉnh chưa họp nên chưa triển khai được” (từ 21/04)" in said, said
    assert "• UBND phường Cam Đường: mục 4.c" in said and "thiếu kinh phí thuê máy" in said, said
    assert tasks(h, "4.c")["UBND phường Cam Đường"].status == TaskStatus.BLOCKED


async def test_which_communes_are_blocked_answers_for_the_communes_only(harness: Harness) -> None:
    h = harness
    await h.say("gd_sxd", "2.b vướng do BCĐ tỉnh chưa họp")
    await h.say("pct", "xã nào đang vướng?")
    assert last_text(h, "pct").startswith("Hiện không có nhiệm vụ nào đơn vị báo vướng mắc (các xã)"), \
        last_text(h, "pct")
    await h.say("ct_mk", "4.a vướng chưa có hướng dẫn mẫu kế hoạch")
    await h.say("pct", "xã nào đang vướng?")
    said = last_text(h, "pct")
    assert "UBND xã Mường Khương: mục 4.a" in said and "Sở Xây dựng" not in said, said


@pytest.mark.parametrize(("asked", "units", "not_units"), [
    ("các phường xã thực hiện thế nào", ["UBND phường Cam Đường", "UBND xã Bát Xát", "UBND xã Mường Khương"],
     ["Sở Xây dựng", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("các sở thực hiện đến đâu?", ["Sở Xây dựng", "Sở Nông nghiệp và Môi trường"], ["UBND xã Bát Xát"]),
])
async def test_a_group_asked_about_is_the_scope_of_the_answer(harness: Harness, asked: str, units: list[str],
                                                              not_units: list[str]) -> None:
    await harness.say("pct", asked)
    said = last_text(harness, "pct")
    assert "Phạm vi:" in said, said
    for unit in units:
        assert f"• {unit}:" in said, (unit, said)
    for unit in not_units:
        assert f"• {unit}:" not in said, (unit, said)


async def test_a_unit_the_directory_does_not_know_is_said_not_answered_with_every_unit(harness: Harness) -> None:
    await harness.say("pct", "Ban Quản lý dự án tỉnh thực hiện đến đâu?")
    said = last_text(harness, "pct")
    assert said.startswith("Nhắc việc không tìm thấy đơn vị “Ban Quản lý dự án tỉnh” trong danh bạ"), said
    assert "TỔNG HỢP" not in said
    assert "“tình hình Sở Nông nghiệp và Môi trường thế nào?”" in said, said  # (an example of the directory's)


async def test_a_unit_abbreviated_with_its_kind_apart_is_answered_for_that_unit(db_url: str) -> None:
    """"Bộ CHQS tỉnh" where the directory writes "BCH Quân sự tỉnh": read as "BCHQS tỉnh", which matches."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.replace(",Bộ Chỉ huy Quân sự tỉnh,head", ",BCH Quân sự tỉnh,head").encode(),
                  enroll_all=True)
    try:
        await h.say("vt", NOTICE.replace("3. Bộ Chỉ huy Quân sự tỉnh chỉ đạo", "3. Sở Xây dựng chỉ đạo"))
        await h.tap("vt", texts.BUTTON_CONFIRM)
        await h.say("vt", "chuyển mục 2.b sang BCH Quân sự tỉnh")
        for asked in ("Bộ CHQS tỉnh thực hiện đến đâu?", "Bộ CHQS tỉnh có vướng mắc gì không?"):
            await h.say("pct", asked)
            said = last_text(h, "pct")
            assert "BCH Quân sự tỉnh" in " ".join(said.split("\n")[:2]), said
            assert "Sở Xây dựng" not in said and "không tìm thấy" not in said, said
    finally:
        await h.stop()


@pytest.mark.parametrize("typed", ["/baocao", "báo cáo", "Báo cáo?"])
async def test_baocao_from_a_leader_is_the_report(harness: Harness, typed: str) -> None:
    mark = len(harness.sent)
    await harness.say("pct", typed)
    said = texts_to(harness, "pct", mark)
    assert said and said[0].startswith("TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"), said


async def test_baocao_from_a_head_lists_their_tasks_and_how_to_report(harness: Harness) -> None:
    await harness.say("gd_sxd", "/baocao")
    said = last_text(harness, "gd_sxd")
    assert "Mục 2.a" in said and "Mục 2.b" in said and texts.UNKNOWN_COMMAND not in said, said


# ---------------------------------------------------------------- F7: a heading, two requests, "tất cả"

async def test_a_heading_over_lettered_items_is_asked_for_all_of_them(harness: Harness) -> None:
    h = harness
    await h.say("gd_snnmt", "mục 1 đã hoàn thành")
    asked = last_text(h, "gd_snnmt")
    assert asked.startswith("Mục 1 gồm 3 nhiệm vụ đồng chí đang phụ trách:"), asked
    assert "• Mục 1.a" in asked and "• Mục 1.b" in asked and "• Mục 1.c" in asked and "Ý đồng chí là mục 1.a" \
        not in asked, asked
    assert all(t.status != TaskStatus.DONE for ref in ("1.a", "1.b", "1.c") for t in tasks(h, ref).values())
    await h.say("gd_snnmt", "đúng")
    assert all(t.status == TaskStatus.DONE for ref in ("1.a", "1.b") for t in tasks(h, ref).values())
    # 1.c ("Thường xuyên kiểm tra, đôn đốc …") is a standing duty: the report is recorded, the duty stays open
    assert all(t.status == TaskStatus.IN_PROGRESS for t in tasks(h, "1.c").values())


async def test_a_heading_asked_for_all_can_be_recorded_on_one_by_its_button(harness: Harness) -> None:
    h = harness
    await h.say("gd_sxd", "mục 2 đã hoàn thành")
    await h.tap("gd_sxd", "Mục 2.b")
    assert tasks(h, "2.b")["Sở Xây dựng"].status == TaskStatus.DONE
    assert tasks(h, "2.a")["Sở Xây dựng"].status != TaskStatus.DONE


async def test_everything_done_in_one_message_is_confirmed_once_before_closing(harness: Harness) -> None:
    h = harness
    await h.say("ct_cd", "Phường đã hoàn thành tất cả các nội dung")
    asked = last_text(h, "ct_cd")
    assert "cho cả 3 mục, đúng không?" in asked and "• Mục 4.a" in asked and "• Mục 4.c" in asked, asked
    assert all(tasks(h, ref)["UBND phường Cam Đường"].status != TaskStatus.DONE for ref in ("4.a", "4.b", "4.c"))
    await h.tap("ct_cd", texts.every_button(3))
    assert all(tasks(h, ref)["UBND phường Cam Đường"].status == TaskStatus.DONE for ref in ("4.a", "4.b", "4.c"))
    assert tasks(h, "4.a")["UBND xã Bát Xát"].status != TaskStatus.DONE


async def test_two_requests_on_one_item_are_granted_together(harness: Harness) -> None:
    h = harness
    await h.say("ct_bx", "xin gia hạn mục 4.a đến 30/5 vì chờ Sở NN&MT hướng dẫn mẫu kế hoạch")
    await h.say("ct_mk", "xin gia han muc 4.a den 29/5")
    await h.advance_to(local(2026, 4, 22, 9, 0))
    await h.say("pct", "đồng ý gia hạn 4.a cho cả 2 xã")
    found = tasks(h, "4.a")
    assert found["UBND xã Bát Xát"].due_on is not None and found["UBND xã Bát Xát"].due_on.isoformat() == "2026-05-30"
    assert found["UBND xã Mường Khương"].due_on is not None and \
        found["UBND xã Mường Khương"].due_on.isoformat() == "2026-05-29"
    assert found["UBND phường Cam Đường"].due_on is not None and \
        found["UBND phường Cam Đường"].due_on.isoformat() == "2026-05-15"


# ---------------------------------------------------------------- F8: smaller points

@pytest.mark.parametrize("how", ["typed", "tap"])
async def test_a_planned_date_after_the_deadline_is_said_and_the_extension_offered(harness: Harness, how: str) -> None:
    h = harness
    mark = len(h.sent)
    await h.say("ct_cd", "mục 4.a đang làm, dự kiến xong 20/5")
    said = texts_to(h, "ct_cd", mark)
    assert tasks(h, "4.a")["UBND phường Cam Đường"].status == TaskStatus.IN_PROGRESS
    assert said[0].startswith("Đã cập nhật: mục 4.a"), said
    assert said[-1].startswith("Lưu ý: ngày dự kiến hoàn thành 20/05/2026 muộn hơn thời hạn của mục 4.a "
                               "(15/05/2026)"), said
    mark = len(h.sent)
    if how == "typed":
        await h.say("ct_cd", "xin gia hạn")
    else:
        await h.tap("ct_cd", texts.plan_button(local(2026, 5, 20).date()))
    task = tasks(h, "4.a")["UBND phường Cam Đường"]
    assert task.status == TaskStatus.EXTENSION_REQUESTED, texts_to(h, "ct_cd", mark)
    assert "20/05/2026" in texts_to(h, "ct_cd", mark)[-1] and "đến ngày nào" not in texts_to(h, "ct_cd", mark)[-1]
    assert any("20/05/2026" in t for t in texts_to(h, "pct", mark)), texts_to(h, "pct", mark)


async def test_a_planned_date_within_the_deadline_says_nothing_more(harness: Harness) -> None:
    mark = len(harness.sent)
    await harness.say("ct_cd", "mục 4.a đang làm, dự kiến xong 12/5")
    said = texts_to(harness, "ct_cd", mark)
    assert len(said) == 1 and "Lưu ý" not in said[0], said


async def test_the_offices_update_names_the_unit_whose_row_changed(harness: Harness) -> None:
    h = harness
    await h.say("vt", "4.a UBND phuong Cam Duong xong")
    said = last_text(h, "vt")
    assert said.startswith("Đã cập nhật: mục 4.a (UBND phường Cam Đường) — Hoàn thành"), said
    found = tasks(h, "4.a")
    assert found["UBND phường Cam Đường"].status == TaskStatus.DONE
    assert found["UBND xã Bát Xát"].status != TaskStatus.DONE


async def test_leave_with_an_unknown_cover_never_offers_someone_of_another_unit(harness: Harness) -> None:
    h = harness
    await h.say("gd_snnmt", "/nghi 04/05 08/05 Lê Văn Khác")  # nobody else of the Sở in the directory
    said = last_text(h, "gd_snnmt")
    assert said.startswith("Không tìm thấy cán bộ “Lê Văn Khác” trong danh bạ"), said
    for other in ("Giàng A Sử", "ct_bx", "Trần Quốc Xây", "Nguyễn Thành Sinh", "Lù Thị Văn", "@vt"):
        assert other not in said, (other, said)
    assert "/nghi 04/05 08/05 để ghi kỳ nghỉ không có người làm thay" in said, said
    await h.say("gd_sxd", "/nghi 04/05 08/05 Trần Văn Khác")  # a colleague of the Sở is the example
    said = last_text(h, "gd_sxd")
    assert "@pgd_sxd" in said and "Lê Văn Phó" in said, said
