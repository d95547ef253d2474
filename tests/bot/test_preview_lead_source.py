"""The preview says where a lead was read when the task's own words do not name it (new-user probe, session 19,
finding W1): a unit carried down from a heading above, or the notice's addressee. Said once, with the task
numbers, when it is so for most tasks; under the task itself when it is so for a few."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "admin,Nguyễn Thị Thư,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
             "ct,Trần Văn Chủ,Chủ tịch,UBND tỉnh,leader\n"
             "tp,Lê Văn Pháp,Giám đốc,Sở Tư pháp,head\n"
             "tc,Hoàng Văn Tài,Giám đốc,Sở Tài chính,head\n"
             "yt,Phạm Thị Y,Giám đốc,Sở Y tế,head\n")
HEADER = ["ỦY BAN NHÂN DÂN TỈNH", "Số: 15/TB-UBND", "Lâm Đồng, ngày 20 tháng 01 năm 2027", "THÔNG BÁO",
          "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp"]
# Most leads come from the headings ("1. Giao Sở Tư pháp chủ trì:"), one task names its own unit.
HEADINGS = "\n".join([*HEADER,
                      "1. Về cải cách thể chế. Giao Sở Tư pháp chủ trì, thực hiện các nội dung sau:",
                      "a) Rà soát văn bản quy phạm pháp luật của tỉnh trước ngày 26/02/2027.",
                      "b) Tham mưu kiện toàn đội ngũ pháp chế trước ngày 31/3/2027.",
                      "2. Về tài chính công. Giao Sở Tài chính chủ trì, thực hiện các nội dung sau:",
                      "a) Rà soát định mức chi thường xuyên trước ngày 15/3/2027.",
                      "b) Sở Y tế báo cáo nhu cầu kinh phí mua sắm trang thiết bị trước ngày 10/3/2027.", ""])


async def _preview(db_url: str, notice: str) -> str:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 20, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", notice)
        return last_text(h, "admin")
    finally:
        await h.stop()


async def test_leads_read_from_the_headings_are_said_once_with_the_task_numbers(db_url: str) -> None:
    preview = await _preview(db_url, HEADINGS)
    assert ("Đơn vị chủ trì của nhiệm vụ 1–3 được lấy theo đề mục phía trên (nhiệm vụ không tự ghi đơn vị); đồng "
            "chí kiểm tra lại.") in preview, preview
    assert "Chủ trì (theo" not in preview  # not under each task as well
    assert "• Chủ trì: Sở Y tế — giao đ/c Phạm Thị Y" in preview  # named by its own words: no remark


async def test_a_few_leads_read_from_a_heading_are_marked_under_their_task(db_url: str) -> None:
    notice = "\n".join([*HEADER,
                        "1. Sở Y tế báo cáo nhu cầu kinh phí mua sắm trang thiết bị trước ngày 10/3/2027.",
                        "2. Sở Tài chính thẩm định dự toán trước ngày 20/3/2027.",
                        "3. Sở Y tế rà soát danh mục thuốc trước ngày 25/3/2027.",
                        "4. Giao Sở Tư pháp chủ trì, thực hiện các nội dung sau:",
                        "a) Rà soát văn bản quy phạm pháp luật của tỉnh trước ngày 26/02/2027.", ""])
    preview = await _preview(db_url, notice)
    assert "• Chủ trì (theo đề mục phía trên): Sở Tư pháp — giao đ/c Lê Văn Pháp" in preview, preview
    assert "• Chủ trì: Sở Tài chính — giao đ/c Hoàng Văn Tài" in preview
    assert "được lấy theo" not in preview


async def test_leads_read_from_the_addressee_are_said_once(db_url: str) -> None:
    notice = "\n".join(["ỦY BAN NHÂN DÂN TỈNH", "Số: 16/UBND-VX", "Lâm Đồng, ngày 20 tháng 01 năm 2027",
                        "Kính gửi: Sở Y tế", "Ủy ban nhân dân tỉnh có ý kiến như sau:",
                        "1. Rà soát danh mục thuốc thiết yếu trước ngày 25/3/2027.",
                        "2. Báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 31/3/2027.", ""])
    preview = await _preview(db_url, notice)
    assert ("Đơn vị chủ trì của các nhiệm vụ trên được lấy theo nơi nhận văn bản (nhiệm vụ không tự ghi đơn vị); "
            "đồng chí kiểm tra lại.") in preview, preview
    assert "• Chủ trì: Sở Y tế — giao đ/c Phạm Thị Y" in preview
