"""A supporting unit's head who could not be reached when the notice was confirmed (no chat yet) is told, on opening
the invite, the open items the unit supports — once, with who leads each — as the heads reached at confirmation were
(probe 20 F14: the Sở's own follow-up phòng joined a week later and never learned of the four items it supported).
Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import texts_to
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 46/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về rà soát hộ dân vùng dự án",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Sở Tài nguyên và Môi trường rà soát các hộ dân bị ảnh hưởng,"
    " hoàn thành trước ngày 30/3/2018.",
    "2. Giao Ban Dân vận Tỉnh ủy tổ chức đối thoại với Nhân dân vùng dự án, hoàn thành trước ngày 15/4/2018.", ""])


async def test_a_supporting_head_who_joins_later_is_told_what_the_unit_supports(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True, not_enrolled=frozenset({"head_stnmt"}))
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/moi head_stnmt")
        mark = len(h.sent)
        await h.open_invite("head_stnmt")
        told = [t for t in texts_to(h, "head_stnmt", mark) if "phối hợp thực hiện" in t]
        assert len(told) == 1, texts_to(h, "head_stnmt", mark)
        assert "• Mục 1:" in told[0] and "chủ trì: Ban Dân vận Tỉnh ủy" in told[0] and "Mục 2" not in told[0]
    finally:
        await h.stop()


async def test_a_head_reached_at_confirmation_is_told_once(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        mark = len(h.sent)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert len([t for t in texts_to(h, "head_stnmt", mark) if "phối hợp thực hiện" in t]) == 1
        mark = len(h.sent)
        await h.say("head_stnmt", "/start")  # not an invite: nothing told again
        assert not any("phối hợp thực hiện" in t for t in texts_to(h, "head_stnmt", mark))
    finally:
        await h.stop()


async def test_a_lead_head_who_joins_on_zalo_after_confirmation_gets_the_assignment_they_missed(db_url: str) -> None:
    """Probe 20 F16: the head of a lead unit not reachable at confirmation opens the invite on Zalo a week later and
    gets the formal assignment the others got — "Kính gửi", the notice's number, the items in order, how to report
    by typing — not only the /viec list; a typed report on it is recorded."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True, not_enrolled=frozenset({"head_bdv"}))
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2018, 3, 5, 9, 0))
        await h.say("admin", "/moi head_bdv")
        mark = len(h.sent)
        await h.open_invite("head_bdv", channel="zalo")
        told = texts_to(h, "head_bdv", mark)
        assert len(told) == 2 and told[0].startswith("Kính chào đồng chí"), told
        assert told[1].startswith("Kính gửi đồng chí ") and "được giao chủ trì 2 nhiệm vụ theo Thông báo số " \
            in told[1], told[1]
        assert "46/TB-UBND" in told[1] and told[1].index("• Mục 1:") < told[1].index("• Mục 2:"), told[1]
        assert "đồng chí gõ số mục và tình trạng, ví dụ: “1 xong”" in told[1], told[1]
        await h.say("head_bdv", "2 đang làm 30%", channel="zalo")
        assert "30%" in texts_to(h, "head_bdv", mark)[-1]
    finally:
        await h.stop()
