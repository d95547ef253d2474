"""A notice signed on a leader's behalf ("TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG / name", the office chief not a leader):
the office holder it was signed for decides on its extensions and hears its escalations, not every leader (probe
12: each request went to all three leaders and the clerk). Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

from bot import texts
from bot.ingest.parser import parse_notice
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import WITH_CHAIR_AND_DEPUTY as DIRECTORY
from tests.bot.conversation_setup import texts_to
from tests.conftest import local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 75/TB-UBND",
    "Bình Thuận, ngày 26 tháng 02 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban",
    "1. Ban Dân vận Tỉnh ủy tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 15/3/2018.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "TL. CHỦ TỊCH",
    "CHÁNH VĂN PHÒNG",
    "",
    "Lê Văn Chánh",
    "",
])


def test_the_office_signed_for_is_read() -> None:
    notice = parse_notice(NOTICE)
    assert (notice.signer, notice.signed_for) == ("Lê Văn Chánh", "Chủ tịch")
    assert parse_notice(NOTICE.replace("TL. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN")).signed_for is None


async def test_the_leader_it_was_signed_for_decides(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.say("head_bdv", "1 xin gia hạn đến 30/3 vì chờ số liệu")
        asked = {m.to for m in h.sent[mark:] if texts.BUTTON_APPROVE in m.buttons}
        assert asked == {"admin", "chu_tich"}, asked
        assert texts_to(h, "pct", mark) == [] and texts_to(h, "leader", mark) == []
        await h.say("chu_tich", "không đồng ý gia hạn 1")
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 26, 9, 0))  # due 15/3: the leaders are told on the 5th working day late
        assert any("CHỈ ĐẠO" in t for t in texts_to(h, "chu_tich", mark))
        assert not any("CHỈ ĐẠO" in t for t in texts_to(h, "pct", mark) + texts_to(h, "leader", mark))
    finally:
        await h.stop()


async def test_the_leader_whose_conclusions_these_are_follows_them(db_url: str) -> None:
    """Probe 13: "Kết luận của đồng chí …, Phó Chủ tịch" signed "TL. CHỦ TỊCH" sent every request and escalation to
    the Chủ tịch, none to the Phó Chủ tịch who chaired."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.replace("Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban",
                                            "Kết luận của đồng chí Đặng Văn Phó, Phó Chủ tịch UBND tỉnh tại cuộc họp"))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.say("head_bdv", "1 xin gia hạn đến 30/3 vì chờ số liệu")
        assert {m.to for m in h.sent[mark:] if texts.BUTTON_APPROVE in m.buttons} == {"admin", "pct"}
        await h.say("pct", "không đồng ý gia hạn 1")
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 26, 9, 0))
        assert any("CHỈ ĐẠO" in t for t in texts_to(h, "pct", mark))
        assert not any("CHỈ ĐẠO" in t for t in texts_to(h, "chu_tich", mark))
        # the weekly summary of this notice goes to the leader who follows it, not to every leader
        weekly = "báo cáo tình hình thực hiện nhiệm vụ trong tuần"
        assert any(weekly in t for t in texts_to(h, "pct", mark))
        assert not any(weekly in t for t in texts_to(h, "chu_tich", mark) + texts_to(h, "leader", mark))
    finally:
        await h.stop()


async def test_a_bare_yes_from_a_leader_who_was_not_asked_decides_nothing(db_url: str) -> None:
    """The request went to the Chủ tịch and the clerk: the Phó Chủ tịch's bare "đồng ý" is not a decision on a request
    she never saw (probe 14b); "đồng ý gia hạn" is asked which, by number; the Chủ tịch's bare "đồng ý" decides it."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "1 xin gia hạn đến 30/3 vì chờ số liệu")
        mark = len(h.sent)
        await h.say("pct", "đồng ý")
        assert not any("Đã gia hạn" in t for t in texts_to(h, "pct", mark) + texts_to(h, "head_bdv", mark))
        await h.say("pct", "đồng ý gia hạn")
        assert "Mục 1" in texts_to(h, "pct", mark)[-1] and "Đã gia hạn" not in texts_to(h, "head_bdv", mark)
        await h.say("chu_tich", "đồng ý")
        assert any("Đã gia hạn đến 30/03/2018" in t for t in texts_to(h, "head_bdv", mark)), texts_to(h, "head_bdv",
                                                                                                    mark)
    finally:
        await h.stop()
