"""A plan that names the leader in charge of each group of its items ("Lãnh đạo phụ trách: Phó Chủ tịch …"): that
leader — not the signer — decides on the group's extensions, hears of its late items and gets it in the weekly
summary; a group without one stays with the signer (probe 19: a Sở's plan named three deputy directors, and every
escalation went to the one who signed). Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import WITH_CHAIR_AND_DEPUTY as DIRECTORY
from tests.bot.conversation_setup import open_card, task_ids, texts_to
from tests.conftest import local

PLAN = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 80/KH-UBND",
    "Bình Thuận, ngày 26 tháng 02 năm 2018",
    "KẾ HOẠCH",
    "Lấy ý kiến Nhân dân về quy hoạch sử dụng đất",
    "I. NHIỆM VỤ",
    "1. Công tác dân vận",
    "- Tổng hợp ý kiến của Nhân dân về dự thảo quy hoạch, báo cáo trước ngày 15/3/2018.",
    "Lãnh đạo phụ trách: Phó Chủ tịch UBND tỉnh Đặng Văn Phó.",
    "Đơn vị chủ trì: Ban Dân vận Tỉnh ủy.",
    "2. Công tác chuyên môn",
    "- Hoàn thiện hồ sơ quy hoạch sử dụng đất, trình trước ngày 15/3/2018.",
    "Đơn vị chủ trì: Sở Tài nguyên và Môi trường.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "",
    "Võ Văn Chủ",
    "",
])


async def test_the_leader_in_charge_decides_and_is_told_not_the_signer(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", PLAN)
        assert any("Lãnh đạo phụ trách: Phó Chủ tịch UBND tỉnh Đặng Văn Phó" in t for t in texts_to(h, "admin", 0))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.say("head_bdv", "xin gia hạn đến 30/3 vì chờ số liệu")
        assert {m.to for m in h.sent[mark:] if texts.BUTTON_APPROVE in m.buttons} == {"admin", "pct"}
        await h.say("pct", "không đồng ý")
        mark = len(h.sent)
        await h.say("head_stnmt", "xin gia hạn đến 30/3 vì chờ thẩm định")
        assert {m.to for m in h.sent[mark:] if texts.BUTTON_APPROVE in m.buttons} == {"admin", "chu_tich"}
        await h.say("chu_tich", "không đồng ý")
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 26, 9, 0))  # both late: the leaders are told on the 5th working day late
        to_pct = [t for t in texts_to(h, "pct", mark) if "CHỈ ĐẠO" in t]
        to_chair = [t for t in texts_to(h, "chu_tich", mark) if "CHỈ ĐẠO" in t]
        assert to_pct and all("Tổng hợp ý kiến" in t and "Hoàn thiện hồ sơ" not in t for t in to_pct), to_pct
        assert to_chair and all("Hoàn thiện hồ sơ" in t and "Tổng hợp ý kiến" not in t for t in to_chair), to_chair
        assert not any("CHỈ ĐẠO" in t for t in texts_to(h, "leader", mark))
        # the weekly summary of the plan goes to the signer and to the leader in charge of a group, not to others
        weekly = "báo cáo tình hình thực hiện nhiệm vụ trong tuần"
        assert any(weekly in t for t in texts_to(h, "pct", mark)) and any(weekly in t for t in texts_to(h, "chu_tich",
                                                                                                       mark))
        assert not any(weekly in t for t in texts_to(h, "leader", mark))
    finally:
        await h.stop()


async def test_the_task_card_names_the_leader_in_charge(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", PLAN)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        ref = next(r for r in task_ids(h) if r.endswith("1.a"))
        await open_card(h, "head_bdv", ref)
        mark = len(h.sent) - 1
        assert any("Lãnh đạo phụ trách: Phó Chủ tịch UBND tỉnh Đặng Văn Phó" in t for t in texts_to(h, "head_bdv",
                                                                                                   mark))
    finally:
        await h.stop()
