"""Month probe 28 (a Kon Tum conclusion on Zalo): a bare "xong" from a head whose unit holds items in a cadre's
hands asks which (F7); a standing duty a head says is finished twice is closed (F3); a notice the bot numbered keeps
one numbering for the office and the units after a removal (F4)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import TaskStatus
from tests.bot.conversation_setup import last_text, started, task
from tests.conftest import local


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_a_bare_xong_from_a_head_whose_cadre_holds_another_item_asks_which(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.say("head_bdv", "/giao 3 @cadre_bdv")
        assert task(h, "1").status == TaskStatus.OPEN  # the head's own; 2 and 3 in the cadre's hands
        await h.say("head_bdv", "xong")
        asked = last_text(h, "head_bdv")
        assert "là của nhiệm vụ nào?" in asked and "• Mục 1:" in asked and "• Mục 2:" in asked, asked
        assert task(h, "1").status == TaskStatus.OPEN and task(h, "2").status == TaskStatus.OPEN
        if channel == "zalo":
            assert "“2 xong”" in asked  # the typed form of the choice
            await h.say("head_bdv", "2 xong")
        else:
            await h.tap("head_bdv", "Mục 2")
        assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — Hoàn thành"), last_text(h, "head_bdv")
        assert task(h, "2").status == TaskStatus.DONE and task(h, "1").status == TaskStatus.OPEN
        # the cadre's own only task left is 3: her "xong" still closes it at once
        await h.say("cadre_bdv", "xong")
        assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 3 — Hoàn thành"), last_text(h, "cadre_bdv")
    finally:
        await h.stop()


STANDING_DIRECTORY = ("handle,full_name,title,unit,role\n"
                      "vt,Lù Thị Văn,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
                      "tc,Phạm Thu Tài,Giám đốc,Sở Tài chính,head\n")
STANDING_NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 15/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về bảo vệ khoáng sản",
    "1. Sở Tài chính liên tục cập nhật thông tin, đăng tải tin bài tuyên truyền về bảo vệ khoáng sản.",
    "2. Sở Tài chính thường xuyên đôn đốc, hướng dẫn các xã bố trí kinh phí bảo vệ khoáng sản.", ""])


async def test_a_head_closes_a_standing_duty_by_saying_it_is_finished_twice(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 20, 9, 0)), channel="zalo")
    await h.start(directory_csv=STANDING_DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vt", STANDING_NOTICE)
        await h.say("vt", "xác nhận")
        await h.say("tc", "xong mục 1")
        first = last_text(h, "tc")
        assert "nhiệm vụ thường xuyên" in first and "gõ “1 xong” một lần nữa để kết thúc nhiệm vụ" in first, first
        assert task(h, "1").status == TaskStatus.IN_PROGRESS
        await h.say("tc", "xong mục 2")
        await h.advance_to(local(2026, 5, 5, 10, 0))  # two weeks on: still the answer to that question
        await h.say("tc", "mục 1 xong rồi, đã hoàn thành")
        assert last_text(h, "tc").startswith("Đã cập nhật: mục 1 — Hoàn thành"), last_text(h, "tc")
        assert task(h, "1").status == TaskStatus.DONE
        await h.advance_to(local(2026, 6, 1, 10, 0))  # six weeks after it was asked: a report again, asked again
        await h.say("tc", "2 xong")
        assert "gõ “2 xong” một lần nữa" in last_text(h, "tc") and task(h, "2").status == TaskStatus.IN_PROGRESS
        await h.say("tc", "2 xong")
        assert last_text(h, "tc").startswith("Đã cập nhật: mục 2 — Hoàn thành") and task(h, "2").status == \
            TaskStatus.DONE
    finally:
        await h.stop()


UNNUMBERED_DIRECTORY = (
    "handle,full_name,title,unit,role\n"
    "vanthu,Nguyễn Thị Hằng,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
    "gd_nn,Phạm Văn Đức,Giám đốc,Sở Nông nghiệp và Phát triển nông thôn,head\n"
    "cv_nn,Y Thị Mai,Chuyên viên,Sở Nông nghiệp và Phát triển nông thôn,cadre\n"
    "gd_ct,Trần Quang Vinh,Giám đốc,Sở Công Thương,head\n")
# a portal copy: one paragraph, no item printed with a number; its lead-in ("… như:") only announces the items (issue 8,
# round 36: no task of its own, so the first item is "Mục 1" and the admin has nothing to remove for it)
UNNUMBERED_NOTICE = (
    "Chủ động phòng chống thiên tai năm 2027 trên địa bàn tỉnh: Kết luận tại Hội nghị tổng kết công tác phòng, chống "
    "thiên tai năm 2026; Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương liên quan triển khai thực hiện một "
    "số nhiệm vụ trọng tâm, như: Rà soát, kiểm kê vật tư, trang thiết bị dự phòng phòng, chống lụt, bão trước mùa mưa "
    "lũ để kịp thời có phương án phòng bị cho phù hợp; thực hiện tốt phương châm “Bốn tại chỗ”; đánh giá công tác "
    "phòng, chống thiên tai năm 2026, rút kinh nghiệm, đề xuất các giải pháp để tiếp tục nâng cao công tác chỉ đạo, "
    "điều hành ứng phó với thiên tai; phối hợp với chủ các công trình thủy điện, các hồ, đập thủy lợi để chủ động xây "
    "dựng và tổ chức diễn tập phương án phòng, chống lũ, lụt cho vùng hạ du.\n")


async def test_a_notice_the_bot_numbered_keeps_the_admins_numbers_for_everyone(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 4, 5, 9, 0)), channel="zalo")
    await h.start(directory_csv=UNNUMBERED_DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vanthu", UNNUMBERED_NOTICE)
        await h.say("vanthu", "số: 25/TB-UBND")
        await h.say("vanthu", "ngày: 02/04/2027")
        await h.say("vanthu", "bỏ 3\n1: Sở Nông nghiệp và Phát triển nông thôn\n2: Sở Công Thương\n"
                              "4: Sở Công Thương")
        await h.say("vanthu", "xác nhận")
        confirmed = last_text(h, "vanthu")
        assert "• Mục 1 → đ/c Phạm Văn Đức" in confirmed and "• Mục 4 → đ/c Trần Quang Vinh" in confirmed, confirmed
        assert {t.item_ref for t in [task(h, r) for r in ("1", "2", "4")]} == {"1", "2", "4"}
        assert "• Mục 2:" in last_text(h, "gd_ct") and "• Mục 4:" in last_text(h, "gd_ct")
        await h.say("gd_nn", "/giao 1 @cv_nn")
        handed = last_text(h, "cv_nn")
        assert "• Mục 1:" in handed and "“1 xong”" in handed and "(ý" not in handed, handed
        await h.say("cv_nn", "1 xong")
        assert last_text(h, "cv_nn").startswith("Đã cập nhật: mục 1 — Hoàn thành"), last_text(h, "cv_nn")
        await h.say("vanthu", "/tonghop")
        assert "(ý" not in last_text(h, "vanthu")
    finally:
        await h.stop()
