"""A long notice's preview (a plan grouping its tasks under units): each unit's lead, what it comes to and why nobody
would receive it is said once, on a line above the unit's tasks; the notes under the tasks point at them by number
and never say two things about the same items (new-user probe 21, finding 1)."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "admin,Nguyễn Thị Thư,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
             "tp,Lê Văn Pháp,Giám đốc,Sở Tư pháp,head\n"
             "tc,Hoàng Văn Tài,Giám đốc,Sở Tài chính,head\n")
HEADER = ["ỦY BAN NHÂN DÂN TỈNH", "Số: 15/TB-UBND", "Lâm Đồng, ngày 20 tháng 01 năm 2027", "THÔNG BÁO",
          "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp"]
PLAN = "\n".join([*HEADER,
                  "1. Giao Sở Tư pháp chủ trì, thực hiện các nội dung sau:",
                  "a) Rà soát văn bản quy phạm pháp luật của tỉnh trước ngày 26/02/2027.",
                  "b) Tham mưu kiện toàn đội ngũ pháp chế trước ngày 31/3/2027.",
                  "c) Tổ chức tập huấn nghiệp vụ pháp chế trước ngày 30/4/2027.",
                  "2. Giao Sở Xây dựng chủ trì, thực hiện các nội dung sau:",
                  "a) Rà soát quy hoạch chung các xã trước ngày 15/3/2027.",
                  "b) Kiểm tra công tác cấp phép xây dựng trước ngày 20/3/2027.",
                  "c) Báo cáo tình hình nhà ở xã hội trước ngày 25/3/2027.",
                  "3. Giao Sở Tài chính chủ trì, thực hiện các nội dung sau:",
                  "a) Rà soát định mức chi thường xuyên trước ngày 15/3/2027.",
                  "b) Tham mưu bố trí kinh phí cải cách hành chính trước ngày 30/3/2027.", ""])


async def _preview(db_url: str, notice: str) -> str:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 20, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", notice)
        return "\n".join(s.text or "" for s in h.sent if s.to == "admin")
    finally:
        await h.stop()


async def test_a_plans_units_are_said_once_above_their_tasks(db_url: str) -> None:
    preview = await _preview(db_url, PLAN)
    first = preview.index("1. [Mục 1.a]")
    assert "▸ Nhiệm vụ 1–3 — chủ trì (theo đề mục phía trên): Sở Tư pháp — giao đ/c Lê Văn Pháp\n" in preview[:first]
    unit = preview.index("▸ Nhiệm vụ 4–6 — chủ trì (theo đề mục phía trên): Sở Xây dựng (chưa có trong danh bạ)")
    assert unit < preview.index("4. [Mục 2.a]"), "the problem is said next to the unit's tasks, above them"
    assert preview.count("• Chủ trì") == 0, "not again under each task"
    assert "chưa có người nhận ở nhiệm vụ số 4–6 (lý do ghi ở đơn vị chủ trì" in preview, preview
    assert "được lấy theo đề mục" not in preview, "the heading line said where the leads were read"


async def test_a_short_notices_note_says_each_item_once(db_url: str) -> None:
    notice = "\n".join([*HEADER, "1. Công ty tăng cường kiểm tra, giám sát công tác nổ mìn.",
                        "2. Đề nghị các đơn vị nêu trên thực hiện các nội dung sau:",
                        "a) Rà soát, bổ sung biển báo kho vật liệu nổ công nghiệp.",
                        "b) Lập hộ chiếu nổ mìn đầy đủ theo quy định.",
                        "c) Chấp hành nghiêm các quy định về vật liệu nổ.", ""])
    preview = await _preview(db_url, notice)
    said = "(các đơn vị nêu trên, chủ trì lấy theo đề mục phía trên) — văn bản không nêu tên đơn vị cụ thể"
    assert said in preview, preview
    assert "được lấy theo đề mục" not in preview, "items 2–4 are not the subject of a second note"


async def test_the_edit_examples_are_built_from_the_tasks_and_make_sense(db_url: str) -> None:
    """The examples never suggest a task's own lead as its support unit, nor a deadline already past (finding 3)."""
    notice = "\n".join([*HEADER, "1. Sở Tư pháp rà soát văn bản quy phạm pháp luật trước ngày 26/02/2027.",
                        "2. Sở Tài chính rà soát định mức chi trước ngày 15/3/2027.",
                        "3. Sở Tài chính tham mưu bố trí kinh phí trước ngày 30/3/2027.", ""])
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 6, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", notice)
        preview = "\n".join(s.text or "" for s in h.sent if s.to == "admin")
    finally:
        await h.stop()
    examples = preview[preview.index("Để sửa, đồng chí"):]
    assert "“3: Sở Tư pháp” (đơn vị chủ trì của nhiệm vụ số 3)" in examples, examples
    assert "“3 phối hợp: Sở Tài chính”" not in examples, "task 3's own lead is not its support unit"
    assert "“3 hạn 30/4/2028”" in examples, "a deadline still to come (June 2027: next year's 30/4)"
