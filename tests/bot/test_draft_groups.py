"""A department's draft through the sandbox (probe 12, findings 3 and 10): "các phòng, đơn vị (trực) thuộc Sở" is
every unit but the leaders' own, a group that leaves units out says which and how to add them, a member the
results go to is pointed out, and "xem VI.1", "VI.1?", "xem II.2.a" (Roman sections, with or without "mục",
without marks) show one task whole, its group's units named."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text
from tests.conftest import local

SO = ("handle,full_name,title,unit,role\n"
      "admin,Nguyễn Thị Thư,Văn thư,Văn phòng Sở,admin\n"
      "gd,Đỗ Minh Quang,Giám đốc Sở,Ban Giám đốc Sở,leader\n"
      "cvp,Lương Văn Chánh,Chánh Văn phòng,Văn phòng Sở,head\n"
      "tp_qlcn,Nguyễn Văn Công,Trưởng phòng,Phòng Quản lý Công nghiệp,head\n"
      "tp_khth,Lê Văn Hợp,Trưởng phòng,Phòng Kế hoạch - Tổng hợp,head\n"
      "cct,Hà Văn Trường,Chi cục trưởng,Chi cục Quản lý thị trường,head\n")
NOTICE = "\n".join([
    "SỞ CÔNG THƯƠNG", "Số: 21/TB-SCT", "Lào Cai, ngày 20 tháng 01 năm 2027", "THÔNG BÁO",
    "Ý kiến chỉ đạo của Giám đốc Sở", "I. NHIỆM VỤ CHUNG",
    "1. Các phòng, đơn vị trực thuộc Sở rà soát, cập nhật danh mục thủ tục hành chính trước ngày 29/01/2027.",
    "II. CÔNG TÁC BÁO CÁO",
    "1. Các phòng, đơn vị báo cáo kết quả thực hiện nhiệm vụ quý I về Phòng Kế hoạch - Tổng hợp trước ngày "
    "15/3/2027.",
    "2. Về chuyển đổi số:", "a) Các phòng rà soát hồ sơ lưu trữ điện tử trước ngày 26/02/2027.", ""])
EVERY = ("4 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng Sở, Phòng Quản lý "
         "Công nghiệp, Phòng Kế hoạch - Tổng hợp, Chi cục Quản lý thị trường")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 20, 9, 0)))
    await h.start(directory_csv=SO.encode(), enroll_all=True)
    await h.say("admin", NOTICE)
    yield h
    await h.stop()


async def test_the_preview_names_every_unit_under_the_department(harness: Harness) -> None:
    preview = last_text(harness, "admin")
    assert f"Chủ trì: Các phòng, đơn vị trực thuộc Sở — {EVERY}" in preview, preview
    assert f"Chủ trì: Các phòng, đơn vị — {EVERY}" in preview
    assert "Ban Giám đốc" not in preview
    # "các phòng": the Văn phòng with the phòng; the Chi cục is named as left out, with how to add it
    assert ("Chủ trì: Các phòng — 3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng Sở, Phòng Quản lý "
            "Công nghiệp, Phòng Kế hoạch - Tổng hợp; không gồm: Chi cục Quản lý thị trường — nếu cần giao cả các "
            "đơn vị này, đồng chí ghi thêm vào chủ trì (ví dụ “3: Các phòng, Chi cục Quản lý thị trường”)") in preview
    # the unit the reports go to is in the group too: said, for the clerk to decide
    assert "(Lưu ý: Phòng Kế hoạch - Tổng hợp là nơi nhận nhưng cũng có trong nhóm chủ trì;" in preview
    await harness.reply("admin", "3: Các phòng, Chi cục Quản lý thị trường")
    corrected = last_text(harness, "admin")
    assert "– Chi cục Quản lý thị trường — giao đ/c Hà Văn Trường" in corrected, corrected
    assert "không gồm" not in corrected  # named beside the group: no longer left out
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    assert "Mục I.1 → 4 đồng chí: Lương Văn Chánh, Nguyễn Văn Công, Lê Văn Hợp, Hà Văn Trường" in \
        last_text(harness, "admin")


@pytest.mark.parametrize(("typed", "number", "ref"), [
    ("xem II.1", 2, "II.1"), ("II.1?", 2, "II.1"), ("xem ii.1", 2, "II.1"), ("mục II.1?", 2, "II.1"),
    ("muc ii.1 ?", 2, "II.1"), ("xem mục II.1", 2, "II.1"), ("xem II.2.a", 3, "II.2.a"), ("II.2.a?", 3, "II.2.a"),
    ("xem I.1.", 1, "I.1"), ("xem 2", 2, "II.1"), ("2?", 2, "II.1")])
async def test_a_task_shown_by_its_roman_item_number(harness: Harness, typed: str, number: int, ref: str) -> None:
    await harness.say("admin", typed)
    shown = last_text(harness, "admin")
    assert shown.startswith(f"Nhiệm vụ {number} [Mục {ref}]:"), shown
    if number == 2:  # the group's units, as in the preview
        assert f"• Chủ trì: Các phòng, đơn vị — {EVERY}" in shown, shown


async def test_an_item_the_draft_lacks_is_said_so(harness: Harness) -> None:
    await harness.say("admin", "xem IV.1")
    assert last_text(harness, "admin") == texts.no_draft_task("Mục IV.1")
