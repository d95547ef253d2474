"""A commune's notice through the sandbox (probe 14, findings 2 and 3): "Các thôn", "Trưởng các thôn", "các ban,
ngành, đoàn thể xã", "các đoàn thể" name the directory's villages, sections and mass organisations, the preview
listing them; a post before a unit ("Trưởng thôn 2", "Công chức Tư pháp - Hộ tịch" opening an item, "Trưởng Công an
xã" typed) is that unit, as a lead or as a supporter, who is told."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text
from tests.conftest import local

XA = ("handle,full_name,title,unit,role\n"
      "vp_thu,Nguyễn Thị Thu,Công chức Văn phòng - Thống kê,Văn phòng - Thống kê,admin\n"
      "ct,Hoàng Văn Minh,Chủ tịch UBND xã,Lãnh đạo UBND xã,leader\n"
      "tp_nam,Phạm Văn Nam,Công chức Tư pháp - Hộ tịch,Tư pháp - Hộ tịch,head\n"
      "dc_dung,Trần Văn Dũng,Công chức Địa chính - Xây dựng,Địa chính - Xây dựng,head\n"
      "ca_tuan,Nguyễn Văn Tuấn,Trưởng Công an xã,Công an xã,head\n"
      "thon1,Đinh Văn Một,Trưởng thôn 1,Thôn 1,head\n"
      "thon2,Lý Văn Hai,Trưởng thôn 2,Thôn 2,head\n"
      "thon3,Hà Văn Ba,Trưởng thôn 3,Thôn 3,head\n"
      "mttq,Vi Văn Mặt,Chủ tịch Ủy ban MTTQ xã,Ủy ban Mặt trận Tổ quốc Việt Nam xã,head\n"
      "hnd,Dương Văn Nông,Chủ tịch Hội Nông dân xã,Hội Nông dân xã,head\n")
NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Số: 215/TB-UBND", "Tân Lập, ngày 30 tháng 11 năm 2026", "THÔNG BÁO",
    "Kết luận của đồng chí Chủ tịch UBND xã tại cuộc họp giao ban", "II. NHIỆM VỤ TRỌNG TÂM",
    "1. Các thôn tập trung đôn đốc các hộ nộp thuế sử dụng đất phi nông nghiệp, hoàn thành trước ngày 15/12/2026.",
    "2. Giao công chức Địa chính - Xây dựng chủ trì, phối hợp với Trưởng thôn 2, Trưởng thôn 3 kiểm tra, xử lý dứt "
    "điểm các trường hợp xây dựng trái phép; báo cáo kết quả về UBND xã trước ngày 15/12/2026.",
    "3. Công chức Tư pháp - Hộ tịch rà soát, số hóa sổ hộ tịch, hoàn thành trước ngày 31/12/2026.",
    "4. Trưởng các thôn tổ chức họp thôn tổng kết năm 2026, gửi biên bản về UBND xã trước ngày 25/12/2026.",
    "5. Các ban, ngành, đoàn thể xã xây dựng báo cáo tổng kết công tác năm 2026, gửi về UBND xã trước ngày "
    "18/12/2026.",
    "6. Công an xã xây dựng kế hoạch bảo đảm an ninh trật tự dịp Tết, hoàn thành trước ngày 18/12/2026.",
    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Minh", ""])
THON = "3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Thôn 1, Thôn 2, Thôn 3"
SECTIONS = ("6 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Văn phòng - Thống kê, Tư pháp - Hộ tịch, Địa chính - "
            "Xây dựng, Công an xã, Ủy ban Mặt trận Tổ quốc Việt Nam xã, Hội Nông dân xã; 1 đơn vị chưa có trưởng "
            "đơn vị")


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 8, 30)))
    await h.start(directory_csv=XA.encode(), enroll_all=True)
    await h.say("vp_thu", NOTICE)
    yield h
    await h.stop()


async def test_the_preview_reads_the_communes_doers(harness: Harness) -> None:
    preview = last_text(harness, "vp_thu")
    assert f"• Chủ trì: Các thôn — {THON}\n" in preview, preview
    assert ("• Chủ trì: công chức Địa chính - Xây dựng (trong danh bạ: Địa chính - Xây dựng) — giao đ/c Trần Văn "
            "Dũng\n") in preview
    assert "• Phối hợp: Trưởng thôn 2 (trong danh bạ: Thôn 2); Trưởng thôn 3 (trong danh bạ: Thôn 3)\n" in preview
    # an item opening with the post: its unit leads (no "chủ trì", no "giao")
    assert ("• Chủ trì: Công chức Tư pháp - Hộ tịch (trong danh bạ: Tư pháp - Hộ tịch) — giao đ/c Phạm Văn "
            "Nam\n") in preview
    assert f"• Chủ trì: Trưởng các thôn — {THON}\n" in preview
    # every section and mass organisation, not the villages nor the leaders' own unit
    assert f"• Chủ trì: Các ban, ngành, đoàn thể xã — {SECTIONS}\n" in preview
    assert "chưa xác định" not in preview and "chưa có người nhận" not in preview


@pytest.mark.parametrize(("typed", "line"), [
    ("6: các thôn", f"Chủ trì: các thôn — {THON}"),
    ("6: tất cả các thôn", f"Chủ trì: tất cả các thôn — {THON}"),
    ("6: Trưởng các thôn", f"Chủ trì: Trưởng các thôn — {THON}"),
    ("6: cac thon tren dia ban xa", f"Chủ trì: cac thon tren dia ban xa — {THON}"),
    ("6: các ban, ngành, đoàn thể", f"Chủ trì: các ban, ngành, đoàn thể — {SECTIONS}"),
    ("6: cac ban nganh doan the xa", f"Chủ trì: cac ban nganh doan the xa — {SECTIONS}"),
    ("6: các đoàn thể", "Chủ trì: các đoàn thể — 2 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Ủy ban Mặt trận Tổ "
                        "quốc Việt Nam xã, Hội Nông dân xã"),
    ("6: Trưởng thôn 2", "Chủ trì: Trưởng thôn 2 (trong danh bạ: Thôn 2) — giao đ/c Lý Văn Hai"),
    ("6: Trưởng Công an xã", "Chủ trì: Trưởng Công an xã (trong danh bạ: Công an xã) — giao đ/c Nguyễn Văn Tuấn"),
    ("6: công chức Địa chính - Xây dựng", "Chủ trì: công chức Địa chính - Xây dựng (trong danh bạ: Địa chính - Xây "
                                          "dựng) — giao đ/c Trần Văn Dũng"),
    ("6 phối hợp: Trưởng thôn 1, Trưởng thôn 3", "Phối hợp: Trưởng thôn 1 (trong danh bạ: Thôn 1); Trưởng thôn 3 "
                                                  "(trong danh bạ: Thôn 3)"),
])
async def test_the_admin_names_the_communes_doers_as_the_notice_does(harness: Harness, typed: str,
                                                                      line: str) -> None:
    await harness.reply("vp_thu", typed)
    corrected = last_text(harness, "vp_thu")
    assert f"• {line}\n" in corrected, corrected
    assert "chưa có trong danh bạ" not in corrected


async def test_the_villages_are_given_the_task_and_the_supporting_heads_told(harness: Harness) -> None:
    await harness.tap("vp_thu", texts.BUTTON_CONFIRM)
    confirmed = last_text(harness, "vp_thu")
    assert "Mục II.1 → 3 đồng chí: Đinh Văn Một, Lý Văn Hai, Hà Văn Ba" in confirmed, confirmed
    assert "Mục II.3 → đ/c Phạm Văn Nam" in confirmed or "Mục II.3 → Phạm Văn Nam" in confirmed, confirmed
    # Thôn 2 and Thôn 3 support II.2 ("phối hợp với Trưởng thôn 2, Trưởng thôn 3"): each is told so
    for handle in ("thon2", "thon3"):
        told = "\n".join(s.text or "" for s in harness.sent if s.to == handle)
        assert "Mục II.2" in told and "phối hợp" in told.lower(), told
    told_thon1 = "\n".join(s.text or "" for s in harness.sent if s.to == "thon1")
    assert "Mục II.2" not in told_thon1, told_thon1


async def test_a_task_for_a_unit_without_a_head_says_why_and_shows_this_directorys_units(db_url: str) -> None:
    """The clerk's own office has no head in the directory: the warning says so (not "chưa có trong danh bạ") and
    its example names a unit of this commune, not a province's department (probe 14b)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 1, 8, 30)))
    await h.start(directory_csv=XA.encode(), enroll_all=True)
    try:
        await h.say("vp_thu", NOTICE.replace("TM. ỦY BAN NHÂN DÂN", "7. Giao công chức Văn phòng - Thống kê theo "
                                                                    "dõi, đôn đốc việc thực hiện Thông báo này.\n"
                                                                    "TM. ỦY BAN NHÂN DÂN"))
        preview = last_text(h, "vp_thu")
        assert "— đơn vị chưa có trưởng đơn vị trong danh bạ. Đồng chí ghi đơn vị chủ trì, ví dụ “7: " in preview, \
            preview
        assert "Sở Tài chính" not in preview and "(“7 giao đ/c Nguyễn Văn A”)" in preview
    finally:
        await h.stop()
