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
    assert "Ban Giám đốc" not in preview
    # "các phòng": the Văn phòng with the phòng; the Chi cục is named as left out, with how to add it
    assert ("Chủ trì: Các phòng — 3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng Sở, Phòng Quản lý "
            "Công nghiệp, Phòng Kế hoạch - Tổng hợp; không gồm: Chi cục Quản lý thị trường — nếu cần giao cả các "
            "đơn vị này, đồng chí ghi thêm vào chủ trì (ví dụ “3: Các phòng, Chi cục Quản lý thị trường”)") in preview
    # the unit the reports go to is in the group too: it collects them, it does not report to itself
    assert ("Chủ trì: Các phòng, đơn vị — 3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng Sở, Phòng "
            "Quản lý Công nghiệp, Chi cục Quản lý thị trường\n") in preview, preview
    assert ("(Phòng Kế hoạch - Tổng hợp là nơi nhận kết quả nên không được giao nhiệm vụ này; nếu đơn vị này cũng "
            "phải thực hiện, đồng chí ghi thêm vào chủ trì (ví dụ “2: Các phòng, đơn vị, Phòng Kế hoạch - Tổng "
            "hợp”).)") in preview
    await harness.reply("admin", "3: Các phòng, Chi cục Quản lý thị trường")
    corrected = last_text(harness, "admin")
    assert "– Chi cục Quản lý thị trường — giao đ/c Hà Văn Trường" in corrected, corrected
    assert "không gồm" not in corrected  # named beside the group: no longer left out
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    confirmed = last_text(harness, "admin")
    assert "Mục I.1 → 4 đồng chí: Lương Văn Chánh, Nguyễn Văn Công, Lê Văn Hợp, Hà Văn Trường" in confirmed
    assert "Mục II.1 → 3 đồng chí: Lương Văn Chánh, Nguyễn Văn Công, Hà Văn Trường" in confirmed, confirmed


async def test_the_receiver_named_on_its_own_is_given_the_task_too(harness: Harness) -> None:
    await harness.reply("admin", "2: Các phòng, đơn vị, Phòng Kế hoạch - Tổng hợp")
    corrected = last_text(harness, "admin")
    assert "là nơi nhận kết quả" not in corrected, corrected
    await harness.tap("admin", texts.BUTTON_CONFIRM)
    confirmed = last_text(harness, "admin")
    assert "Mục II.1 → 4 đồng chí: Lương Văn Chánh, Nguyễn Văn Công, Lê Văn Hợp, Hà Văn Trường" in confirmed, \
        confirmed


@pytest.mark.parametrize(("typed", "number", "ref"), [
    ("xem II.1", 2, "II.1"), ("II.1?", 2, "II.1"), ("xem ii.1", 2, "II.1"), ("mục II.1?", 2, "II.1"),
    ("muc ii.1 ?", 2, "II.1"), ("xem mục II.1", 2, "II.1"), ("xem II.2.a", 3, "II.2.a"), ("II.2.a?", 3, "II.2.a"),
    ("xem I.1.", 1, "I.1"), ("xem 2", 2, "II.1"), ("2?", 2, "II.1")])
async def test_a_task_shown_by_its_roman_item_number(harness: Harness, typed: str, number: int, ref: str) -> None:
    await harness.say("admin", typed)
    shown = last_text(harness, "admin")
    assert shown.startswith(f"Nhiệm vụ {number} [Mục {ref}]:"), shown
    if number == 2:  # the group's units, as in the preview: not the unit the reports go to
        assert ("• Chủ trì: Các phòng, đơn vị — 3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng Sở, Phòng "
                "Quản lý Công nghiệp, Chi cục Quản lý thị trường\n") in shown, shown


async def test_an_item_the_draft_lacks_is_said_so(harness: Harness) -> None:
    await harness.say("admin", "xem IV.1")
    assert last_text(harness, "admin") == texts.no_draft_task("Mục IV.1")


PROVINCE = ("handle,full_name,title,unit,role\n"
            "admin,Nguyễn Thị Thư,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
            "ct,Bùi Văn Quang,Chủ tịch UBND tỉnh,Thường trực UBND tỉnh,leader\n"
            "gd_snv,Đinh Thị Nga,Giám đốc Sở Nội vụ,Sở Nội vụ,head\n"
            "gd_stc,Vũ Văn Tài,Giám đốc Sở Tài chính,Sở Tài chính,head\n"
            + "".join(f"ct_{i},Người Số {i},Chủ tịch UBND huyện,UBND huyện {name},head\n"
                      for i, name in enumerate(["Đoan Hùng", "Hạ Hòa", "Thanh Ba", "Phù Ninh", "Cẩm Khê", "Tân Sơn",
                                                "Thanh Sơn"]))
            + "ct_vt,Nguyễn Văn Trì,Chủ tịch UBND thành phố,UBND thành phố Việt Trì,head\n"
              "ct_pt,Lê Thị Thọ,Chủ tịch UBND thị xã,UBND thị xã Phú Thọ,head\n")
PROVINCE_NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ", "Số: 24/TB-UBND", "Phú Thọ, ngày 26 tháng 3 năm 2027", "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh", "1. Sở Nội vụ rà soát biên chế, báo cáo trước ngày 30/4/2027.",
    "2. UBND các huyện, thành phố hoàn thành số hóa hồ sơ thủ tục hành chính trước ngày 30/4/2027.", ""])


async def test_a_provinces_locality_group_names_the_locality_it_leaves_out(db_url: str) -> None:
    """Probe 13: "UBND các huyện, thành phố" came to 8 units, the thị xã left out without a word, and the preview's
    "và 2 đơn vị khác" could not be opened: the preview names it as left out, and "xem 2" lists every member."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 3, 29, 9, 0)))
    await h.start(directory_csv=PROVINCE.encode(), enroll_all=True)
    try:
        await h.say("admin", PROVINCE_NOTICE)
        preview = last_text(h, "admin")
        assert "UBND các huyện, thành phố — 8 đơn vị trong danh bạ" in preview and "và 2 đơn vị khác" in preview
        assert "không gồm: UBND thị xã Phú Thọ" in preview
        await h.say("admin", "xem 2")
        whole = last_text(h, "admin")
        assert "đơn vị khác" not in whole and "UBND huyện Thanh Sơn" in whole and "UBND thành phố Việt Trì" in whole
        assert "không gồm: UBND thị xã Phú Thọ" in whole
        assert "không gồm" not in preview.split("1. [Mục 1]")[1].split("2. [Mục 2]")[0], "a sở is no locality group"
    finally:
        await h.stop()
