"""Probe 24, F9 (last sentence): in a whole month the office was never reminded of what waits on it — a head's move
request not decided, a question to the office not answered, tasks nobody holds. The admins' digest of the weekly day
(Monday, the week's first working day) now carries "ĐANG CHỜ VĂN PHÒNG", one line each, while something waits; run
through the real conversation core and dispatcher on SQLite, QĐ 773 with a ministries' directory."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from scheduler.dispatcher import OfficeLine
from tests.bot.conftest import last_text, texts_to
from tests.bot.test_conv27 import UNHELD_A, UNHELD_B
from tests.bot.test_probe_s24_fix25c import DIRECTORY, NOTICE
from tests.conftest import DIRECTORY_CSV, local

SECTION = "ĐANG CHỜ VĂN PHÒNG"
MOVE = "• Đề nghị chuyển mục III.3.c (Bộ Công an) sang Bộ Lao động - Thương binh và Xã hội — chờ từ 28/06/2018"
QUESTION = "• Câu hỏi số 1 của đ/c Bùi Thị Y (Bộ Y tế): “mẫu báo cáo lấy ở đâu?” — chờ trả lời từ 28/06/2018"


def _sections(h: Harness, since: int) -> dict[dt.date, str]:
    """The admin's messages carrying the section since the `since`-th message, by local day."""
    return {s.at.astimezone(local(2018, 1, 1).tzinfo).date(): s.text or "" for s in h.sent[since:]
            if s.to == "admin_vpcp" and SECTION in (s.text or "")}


async def test_the_office_hears_weekly_what_waits_on_it_until_it_is_decided(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 6, 28, 9, 0)))  # Thursday
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin_vpcp", NOTICE.read_text(encoding="utf-8"))
        await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2018, 6, 28, 10, 0))
        await h.say("head_bca", "III.3.c không phải việc của phòng tôi, đề nghị chuyển Bộ LĐTBXH chủ trì")
        await h.say("head_byt", "hỏi văn phòng: mẫu báo cáo lấy ở đâu?")
        assert "CÂU HỎI SỐ 1" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 4, 17, 0))
        said = _sections(h, mark)
        assert list(said) == [dt.date(2018, 7, 2)], said  # the Monday only: not Friday 29/06, nor after Monday
        monday = said[dt.date(2018, 7, 2)]
        assert "ĐANG CHỜ VĂN PHÒNG: 1 đề nghị chuyển đơn vị chủ trì, 1 câu hỏi, " in monday, monday
        assert MOVE in monday and QUESTION in monday, monday
        assert "chưa có người nhận" in monday and "gõ /loi để xem đủ" in monday, monday
        assert len([line for line in monday.split("\n") if line.startswith("• ")]) <= 10 + 2, monday
        mark = len(h.sent)
        await h.say("admin_vpcp", "/loi")  # the whole list
        full = "\n".join(texts_to(h, "admin_vpcp", mark))
        assert MOVE in full and QUESTION in full, full
        # still waiting a week later: said again on the next Monday, once
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 11, 17, 0))
        said = _sections(h, mark)
        assert list(said) == [dt.date(2018, 7, 9)], said
        assert MOVE in said[dt.date(2018, 7, 9)] and QUESTION in said[dt.date(2018, 7, 9)]
        # decided and answered: no longer said
        await h.say("admin_vpcp", "chuyển mục III.3.c sang Bộ LĐTBXH")
        assert last_text(h, "admin_vpcp").startswith("Đã chuyển nhiệm vụ mục III.3.c"), last_text(h, "admin_vpcp")
        await h.say("admin_vpcp", "trả lời 1: mẫu kèm theo Quyết định, phụ lục II")
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 31, 17, 0))
        said = _sections(h, mark)
        assert list(said) == [dt.date(2018, 7, 16), dt.date(2018, 7, 23), dt.date(2018, 7, 30)], said
        for text in said.values():
            assert "Đề nghị chuyển" not in text and "Câu hỏi số" not in text, text
            assert text.count(SECTION) == 1 and "chưa có người nhận" in text, text
        # never on a day off: Monday 03/09/2018 is National Day's day off, the section comes on Tuesday 04/09
        mark = len(h.sent)
        await h.advance_to(local(2018, 9, 5, 17, 0))
        days = list(_sections(h, mark))
        assert dt.date(2018, 9, 3) not in days and dt.date(2018, 9, 4) in days, days
        assert all(day.weekday() == 0 for day in days if day != dt.date(2018, 9, 4)), days
    finally:
        await h.stop()


def test_nothing_waiting_says_nothing_and_a_long_list_is_cut() -> None:
    since = dt.date(2018, 7, 2)
    many = [OfficeLine(what="question", ref=str(n), unit="đ/c A", text="hỏi", since=since) for n in range(1, 13)]
    section = texts.office_waiting_section(many)
    assert section[0] == "ĐANG CHỜ VĂN PHÒNG: 12 câu hỏi", section
    assert len([line for line in section if line.startswith("• ")]) == 10, section
    assert "… và 2 câu hỏi khác — xem /hoi." in section, section
    assert texts.office_waiting_section(many) == [texts.vn(line) for line in section]  # NFC
    nobody = OfficeLine(what="nobody", ref=", ".join(f"III.1.{c}" for c in "abcdefg"), unit="Bộ Y tế", since=since)
    assert texts.office_waiting_section([nobody])[1] == \
        "• Bộ Y tế: mục III.1.a–g (7 nhiệm vụ) chưa có người nhận — từ 02/07/2018"  # (items_said)


def test_each_kind_has_its_share_of_the_ten_lines() -> None:
    """Probe 24: one kind filled all ten lines and pushed the others out. Each kind takes a line in turn (move
    requests, questions, then tasks nobody holds); what a kind could not list is said under its lines."""
    since = dt.date(2018, 7, 2)
    moves = [OfficeLine(what="move", ref=f"I.{n}", unit="Bộ Y tế", to="Bộ Công an", since=since) for n in (1, 2)]
    questions = [OfficeLine(what="question", ref=str(n), unit="đ/c A", text="hỏi", since=since) for n in range(1, 13)]
    nobody = [OfficeLine(what="nobody", ref=f"II.{n}.a, II.{n}.b", unit=f"Sở {n}", since=since) for n in range(1, 13)]
    section = texts.office_waiting_section([*moves, *questions, *nobody])
    bullets = [line for line in section if line.startswith("• ")]
    assert len(bullets) == 10, section
    assert len([b for b in bullets if b.startswith("• Đề nghị chuyển")]) == 2, section
    assert len([b for b in bullets if b.startswith("• Câu hỏi số")]) == 4, section
    assert len([b for b in bullets if "chưa có người nhận" in b]) == 4, section
    assert "… và 8 câu hỏi khác — xem /hoi." in section, section
    assert "… và 16 việc khác chưa có người nhận — xem /loi." in section, section  # (8 units, two items each)
    # questions alone beside many unheld tasks: half each, the unheld ones said in a count
    section = texts.office_waiting_section([*questions[:3], *nobody])
    assert len([line for line in section if line.startswith("• Câu hỏi số")]) == 3, section
    assert len([line for line in section if "chưa có người nhận —" in line and line.startswith("• ")]) == 7, section
    assert section[-2] == "… và 10 việc khác chưa có người nhận — xem /loi.", section


def _told(h: Harness, since: int) -> dict[str, list[dt.date]]:
    """Who was sent the section since the `since`-th message, and on which local days."""
    days: dict[str, list[dt.date]] = {}
    for s in h.sent[since:]:
        if SECTION in (s.text or ""):
            days.setdefault(s.to, []).append(s.at.astimezone(local(2018, 1, 1).tzinfo).date())
    return days


async def test_an_admin_on_leave_is_not_told_and_the_first_back_is_when_all_were_away(db_url: str) -> None:
    """Probe 24: an admin on leave got the weekly section all the same. On leave on the weekly day: not told, the
    other admin is; every admin away on the weekly day: the first back is told on their return, once that week."""
    directory = DIRECTORY + "admin_vp2,Trần Văn Bình,Chuyên viên Văn phòng Chính phủ,Văn phòng Chính phủ,admin\n"
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 6, 28, 9, 0)))  # Thursday
    await h.start(directory_csv=directory.encode(), enroll_all=True)
    try:
        await h.say("admin_vpcp", NOTICE.read_text(encoding="utf-8"))
        await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2018, 6, 28, 10, 0))
        await h.say("head_byt", "hỏi văn phòng: mẫu báo cáo lấy ở đâu?")
        await h.say("admin_vpcp", "/nghi 29/06 03/07")
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 6, 10, 0))
        assert _told(h, mark) == {"admin_vp2": [dt.date(2018, 7, 2)]}, _told(h, mark)  # not the one on leave
        # both away on Monday 09/07: the first back (Wednesday 11/07) is told that morning, the other not that week
        await h.say("admin_vpcp", "/nghi 09/07 10/07")
        await h.say("admin_vp2", "/nghi 09/07 12/07")
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 16, 10, 0))
        assert _told(h, mark) == {"admin_vpcp": [dt.date(2018, 7, 11), dt.date(2018, 7, 16)],
                                  "admin_vp2": [dt.date(2018, 7, 16)]}, _told(h, mark)
    finally:
        await h.stop()


async def test_tasks_nobody_holds_are_said_under_their_notice(db_url: str) -> None:
    """Session 25: tasks nobody holds from several notices were one line a unit, "mục 1, 2, 3, 1" — one number is
    another task in each notice. The weekly section now names each notice short, its units under it, as /loi does."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 10, 9, 0)))  # Tuesday
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        for notice in (UNHELD_A, UNHELD_B):
            await h.say("admin", notice)
            await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.advance_to(local(2026, 3, 16, 17, 0))  # Monday, the weekly day
        [monday] = [s.text or "" for s in h.sent[mark:] if s.to == "admin" and SECTION in (s.text or "")]
        lines = monday.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(SECTION))
        assert lines[at] == f"{SECTION}: 5 nhiệm vụ chưa có người nhận", monday
        assert lines[at + 1:at + 6] == [
            "31/TB-UBND (3):", "• Sở Xây dựng: mục 1–3 (3 nhiệm vụ) chưa có người nhận — từ 10/03/2026",
            "32/TB-UBND (2):", "• Sở Xây dựng: mục 1 chưa có người nhận — từ 10/03/2026",
            "• Sở Y tế: mục 2 chưa có người nhận — từ 10/03/2026"], monday
    finally:
        await h.stop()
