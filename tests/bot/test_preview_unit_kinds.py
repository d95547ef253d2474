"""The preview names what a lead comes to in the directory: "Sở … các tỉnh" is never the ministry "Bộ …" (probe 38,
finding 7), but the Sở of each province the directory has; a group nobody in the directory belongs to is said so."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vanthu,Phạm Thị Thu Trang,Chuyên viên,Văn phòng Bộ,admin\n"
             "thutruong,Nguyễn Quốc Trị,Thứ trưởng,Bộ Nông nghiệp và Môi trường,leader\n"
             "ct_lnkl,Trần Văn Thắng,Cục trưởng,Cục Lâm nghiệp và Kiểm lâm,head\n"
             "gd_so,Lò Văn Tuấn,Giám đốc,Sở Nông nghiệp và Môi trường tỉnh Lào Cai,head\n")
SECOND_PROVINCE = "gd_so_yb,Hà Văn Bình,Giám đốc,Sở Nông nghiệp và Môi trường tỉnh Yên Bái,head\n"
NOTICE = "\n".join([
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Số: 120/TB-BNNMT", "Hà Nội, ngày 20 tháng 01 năm 2027", "THÔNG BÁO",
    "Kết luận của Thứ trưởng Nguyễn Quốc Trị tại cuộc họp về công tác bảo vệ rừng",
    "1. Sở Nông nghiệp và Môi trường các tỉnh rà soát diện tích rừng trồng, báo cáo trước ngày 26/02/2027.",
    "2. Sở Y tế các tỉnh báo cáo tình hình dịch bệnh trước ngày 15/3/2027.",
    "3. Chi cục Lâm nghiệp và Kiểm lâm kiểm tra công tác phòng cháy rừng trước ngày 30/3/2027.", ""])


async def _preview(db_url: str, directory: str) -> str:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 20, 9, 0)))
    await h.start(directory_csv=directory.encode(), enroll_all=True)
    try:
        await h.say("vanthu", NOTICE)
        return "\n".join(s.text or "" for s in h.sent if s.to == "vanthu")
    finally:
        await h.stop()


async def test_the_provinces_so_is_its_one_member_not_the_ministry(db_url: str) -> None:
    preview = await _preview(db_url, DIRECTORY)
    assert "trong danh bạ: Bộ Nông nghiệp và Môi trường" not in preview, preview
    assert ("Sở Nông nghiệp và Môi trường các tỉnh (trong danh bạ: Sở Nông nghiệp và Môi trường tỉnh Lào Cai, đơn vị "
            "duy nhất của nhóm) — giao đ/c Lò Văn Tuấn") in preview, preview
    assert ("Sở Y tế các tỉnh (nhóm đơn vị; danh bạ chưa có đơn vị nào thuộc nhóm này, đồng chí ghi rõ tên đơn vị "
            "để giao)") in preview, preview
    assert "Chi cục Lâm nghiệp và Kiểm lâm (chưa có trong danh bạ)" in preview, "not the Cục"
    assert "— nhóm đơn vị chưa có đơn vị nào trong danh bạ; đơn vị chưa có trong danh bạ." in preview, preview


async def test_each_provinces_so_gets_the_task(db_url: str) -> None:
    preview = await _preview(db_url, DIRECTORY + SECOND_PROVINCE)
    assert ("Sở Nông nghiệp và Môi trường các tỉnh — 2 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: "
            "Sở Nông nghiệp và Môi trường tỉnh Lào Cai, Sở Nông nghiệp và Môi trường tỉnh Yên Bái") in preview, preview


async def test_on_confirming_the_provinces_so_is_given_the_task_and_the_ministry_none(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 20, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vanthu", NOTICE)
        await h.tap("vanthu", "Xác nhận")
        to_so = "\n".join(s.text or "" for s in h.sent if s.to == "gd_so")
        said = "\n".join(s.text or "" for s in h.sent if s.to == "vanthu")
    finally:
        await h.stop()
    assert "Rà soát diện tích rừng trồng" in to_so, to_so
    assert "chưa có người nhận: Bộ Nông nghiệp và Môi trường" not in said, said
