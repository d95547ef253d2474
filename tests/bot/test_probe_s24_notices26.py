"""What probe 26 met with two notices of one province open at once, numbering their items alike (12/TB and 145/TB
both have II.2.a), through the real conversation core and the chat sandboxes on a real database: the office's "II.2.a
xong" closed one notice's item without asking (F1); a leader's "chỉ đạo Sở Tài chính … mục II.3" went to the other
notice's unassigned group item instead of the Sở's II.3.a–b (F2); "3 xong" for II.3.a–b was a dead end listing items
of both notices untagged (F6); "đơn vị nào chậm?" listed II.2.a twice with no notice named (F9)."""

from __future__ import annotations

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice, Task, TaskStatus
from tests.bot.conversation_setup import last_text, texts_to
from tests.conftest import local

DIRECTORY = """handle,full_name,title,unit,role
vanthu,Phạm Thị Thu Trang,Chuyên viên Phòng Tổng hợp,Văn phòng UBND tỉnh,admin
pct_phuc,Nguyễn Ngọc Phúc,Phó Chủ tịch UBND tỉnh,UBND tỉnh Lâm Đồng,leader
pct_hai,Nguyễn Hồng Hải,Phó Chủ tịch UBND tỉnh,UBND tỉnh Lâm Đồng,leader
cvp,Trịnh Ngọc Duệ,Phó Chánh Văn phòng,Văn phòng UBND tỉnh,head
gd_tc,Vũ Đức Thịnh,Giám đốc Sở Tài chính,Sở Tài chính,head
gd_xd,Mai Văn Dũng,Giám đốc Sở Xây dựng,Sở Xây dựng,head
"""
# Phúc's notice: II.2.a–b the office's, II.3.a–b the Sở Tài chính's
NOTICE_12 = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 12/TB-UBND
Lâm Đồng, ngày 28 tháng 7 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Ngọc Phúc, Phó Chủ tịch UBND tỉnh tại hội nghị cải cách hành chính
I. Đánh giá chung:
Các đơn vị đã triển khai cơ bản đầy đủ các nhiệm vụ được giao.
II. Nhiệm vụ thời gian tới:
1. Giao Sở Xây dựng rà soát quy trình cấp phép xây dựng, báo cáo trước ngày 28/8/2026.
2. Văn phòng UBND tỉnh:
a) Rà soát, kiểm tra việc tiếp nhận hồ sơ thủ tục hành chính tại bộ phận một cửa, báo cáo trước ngày 21/8/2026.
b) Theo dõi, xử lý phản ánh, kiến nghị của người dân, báo cáo trước ngày 25/8/2026.
3. Sở Tài chính:
a) Tham mưu bố trí kinh phí cho cải cách hành chính, hoàn thành trước ngày 20/8/2026.
b) Đẩy nhanh tiến độ giải ngân vốn đầu tư công, hoàn thành trước ngày 27/8/2026.
"""
# Hải's notice: II.2.a–b the Sở Xây dựng's, II.3 a group nobody holds
NOTICE_145 = """ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG
Số: 145/TB-UBND
Lâm Đồng, ngày 29 tháng 7 năm 2026
THÔNG BÁO
Kết luận của đồng chí Nguyễn Hồng Hải, Phó Chủ tịch UBND tỉnh tại buổi làm việc về quy hoạch các xã
I. Đánh giá chung:
Công tác lập quy hoạch còn chậm.
II. Nhiệm vụ thời gian tới:
1. Giao Sở Tài chính bố trí vốn lập quy hoạch các xã, hoàn thành trước ngày 24/8/2026.
2. Sở Xây dựng:
a) Thẩm định nhiệm vụ quy hoạch chung các xã, hoàn thành trước ngày 21/8/2026.
b) Hướng dẫn các xã hoàn thiện hồ sơ quy hoạch, hoàn thành trước ngày 31/8/2026.
3. Các sở, ban, ngành liên quan phối hợp chặt chẽ với các xã trong quá trình lập quy hoạch.
"""


async def _two_notices(db_url: str, channel: str = "telegram") -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 7, 30, 9, 0)), channel=channel)  # a Thursday
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    for notice in (NOTICE_12, NOTICE_145):
        await h.say("vanthu", notice)
        if channel == "telegram":
            await h.tap("vanthu", texts.BUTTON_CONFIRM)
        else:
            await h.say("vanthu", "xác nhận")
    assert _task(h, "12", "II.2.a").status == TaskStatus.OPEN and _task(h, "145", "II.3").status == TaskStatus.OPEN
    return h


def _task(h: Harness, notice: str, ref: str) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).join(Notice, Notice.id == Task.notice_id).where(
        Task.item_ref == ref, Notice.number.startswith(notice + "/"))).one())


async def test_the_office_is_asked_which_notice_an_item_number_both_have_means(db_url: str) -> None:
    """F1: "II.2.a xong" closed the office's own II.2.a of 12/TB; 145/TB has an II.2.a (Sở Xây dựng's) too."""
    h = await _two_notices(db_url)
    try:
        await h.say("vanthu", "II.2.a xong")
        said = last_text(h, "vanthu")
        assert "12/TB-UBND" in said and "145/TB-UBND" in said, said
        assert _task(h, "12", "II.2.a").status == _task(h, "145", "II.2.a").status == TaskStatus.OPEN
        await h.tap("vanthu", "Mục II.2.a (145/TB-UBND)")
        assert _task(h, "145", "II.2.a").status == TaskStatus.DONE, last_text(h, "vanthu")
        assert _task(h, "12", "II.2.a").status == TaskStatus.OPEN
        await h.say("vanthu", "II.2.b xong 12/TB")  # the notice named: no question
        assert _task(h, "12", "II.2.b").status == TaskStatus.DONE, last_text(h, "vanthu")
        assert _task(h, "145", "II.2.b").status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_on_zalo_the_office_types_the_notice_offered(db_url: str) -> None:
    h = await _two_notices(db_url, "zalo")
    try:
        await h.say("vanthu", "II.2.a xong")
        said = last_text(h, "vanthu")
        assert "“II.2.a xong 145/TB-UBND”" in said, said
        assert _task(h, "12", "II.2.a").status == _task(h, "145", "II.2.a").status == TaskStatus.OPEN
        await h.say("vanthu", "II.2.a xong 145/TB-UBND")
        assert _task(h, "145", "II.2.a").status == TaskStatus.DONE, last_text(h, "vanthu")
        assert _task(h, "12", "II.2.a").status == TaskStatus.OPEN
        await h.say("vanthu", "II.2.b theo dõi xử lý phản ánh kiến nghị xong")  # the words of one task pick it
        assert _task(h, "12", "II.2.b").status == TaskStatus.DONE, last_text(h, "vanthu")
        assert _task(h, "145", "II.2.b").status == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_a_leaders_direction_goes_to_the_notice_where_the_unit_holds_the_item(db_url: str) -> None:
    """F2: "chỉ đạo Sở Tài chính … mục II.3" went to 145/TB's II.3 (a group nobody holds) and was lost; the Sở
    holds II.3.a–b of 12/TB."""
    h = await _two_notices(db_url)
    try:
        mark = len(h.sent)
        await h.say("pct_phuc", "chỉ đạo Sở Tài chính khẩn trương hoàn thành mục II.3")
        told = "\n".join(texts_to(h, "gd_tc", mark))
        assert "II.3.a" in told and "II.3.b" in told and "khẩn trương hoàn thành mục II.3" in told, told
        said = last_text(h, "pct_phuc")
        assert said.startswith("Đã chuyển ý kiến chỉ đạo") and "Chưa chuyển được" not in said, said
    finally:
        await h.stop()


async def test_a_bare_number_reads_as_the_section_item_and_lists_name_their_notice(db_url: str) -> None:
    """F6: "II.3 xong" was asked about II.3.a–b, "3 xong" answered "Không tìm thấy" with both notices' items
    untagged."""
    h = await _two_notices(db_url)
    try:
        await h.say("gd_tc", "3 xong")
        said = last_text(h, "gd_tc")
        assert said.startswith("Mục II.3 gồm 2 nhiệm vụ") and "Không tìm thấy" not in said, said
        assert _task(h, "12", "II.3.a").status == TaskStatus.OPEN
        await h.say("gd_tc", "9 xong")
        said = last_text(h, "gd_tc")
        assert "mục II.3.a (12/TB-UBND" in said and "mục II.1 (145/TB-UBND" in said, said
    finally:
        await h.stop()


async def test_a_leaders_direction_naming_no_item_goes_to_his_own_notice(db_url: str) -> None:
    """The Sở Tài chính holds items of both notices: a Phó Chủ tịch's direction is about his own notice's."""
    h = await _two_notices(db_url)
    try:
        mark = len(h.sent)
        await h.say("pct_hai", "chỉ đạo Sở Tài chính khẩn trương thực hiện")
        told = "\n".join(texts_to(h, "gd_tc", mark))
        assert "II.1" in told and "II.3.a" not in told, told
    finally:
        await h.stop()
