"""Probe 38's leftovers (polish39), through the real conversation core and the Telegram sandbox on a real database.

1. A cadre's update held for the next working morning, then the head typed /nghi with a stand-in before it went out:
   it still reached the head on leave. It is re-routed when it is sent, to whoever covers the head that morning."""

from __future__ import annotations

from tests.bot.conversation_setup import NOTICE, last_text, started, started_with, texts_to
from tests.conftest import DIRECTORY_CSV, local

WITH_DEPUTY = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "pho_bdv,Nguyễn Văn Phó,Phó Trưởng Ban Dân vận Tỉnh ủy,Ban Dân vận Tỉnh ủy,cadre\n"


async def test_an_update_held_before_the_heads_leave_was_typed_goes_to_the_stand_in(db_url: str) -> None:
    h = await started_with(db_url, WITH_DEPUTY, NOTICE)
    try:
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        h.clock.set(local(2018, 3, 2, 19, 0))  # Friday evening: held to Monday 08:00; no leave yet
        await h.say("cadre_bdv", "1 đạt 50%, đang tổng hợp ý kiến các xã")
        assert "Lê Văn Dân" in last_text(h, "cadre_bdv"), last_text(h, "cadre_bdv")
        h.clock.set(local(2018, 3, 3, 9, 0))  # Saturday: the head takes Monday to Wednesday off
        await h.say("head_bdv", "/nghi 5/3 7/3 @pho_bdv")
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 5, 10, 0))
        assert not any("50%" in t for t in texts_to(h, "head_bdv", mark)), texts_to(h, "head_bdv", mark)
        told = [t for t in texts_to(h, "pho_bdv", mark) if "50%" in t]
        assert len(told) == 1 and told[0].startswith("(Đồng chí theo dõi thay đ/c Lê Văn Dân nghỉ phép.)"), told
    finally:
        await h.stop()


async def test_an_update_held_for_a_head_on_leave_with_the_writer_covering_is_not_sent(db_url: str) -> None:
    h = await started_with(db_url, WITH_DEPUTY, NOTICE)
    try:
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        h.clock.set(local(2018, 3, 2, 19, 0))
        await h.say("cadre_bdv", "1 đạt 50%, đang tổng hợp ý kiến các xã")
        h.clock.set(local(2018, 3, 3, 9, 0))
        await h.say("head_bdv", "/nghi 5/3 7/3 @cadre_bdv")  # the writer covers: nobody else to tell
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 5, 10, 0))
        assert not any("50%" in t for t in texts_to(h, "head_bdv", mark) + texts_to(h, "cadre_bdv", mark))
    finally:
        await h.stop()


# 2. "đơn vị nào chậm?" ended a unit's items with "…, 4, 5, 18 ngày làm việc" (read as items 5 and 18).
async def test_the_days_a_unit_never_reported_are_not_read_as_an_item(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, 12, 9, 0))  # two weeks on, no deadline passed, nobody reported
        mark = len(h.sent)
        await h.say("leader", "đơn vị nào chậm?")
        [late] = texts_to(h, "leader", mark)
        assert "Ban Dân vận Tỉnh ủy (mục 1, 2, 3 — đã 10 ngày làm việc)" in late, late
    finally:
        await h.stop()


# "Cục … thế nào?" listed 8 of 12 items, then "… và 4 nhiệm vụ khác (xem /tonghop)", whose text lists no item.
MANY = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 46/TB-UBND",
    "Bình Thuận, ngày 20 tháng 02 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về công tác dân vận năm 2018",
    *(f"{n}. Giao Ban Dân vận Tỉnh ủy chủ trì khảo sát tình hình dân vận tại xã số {n}, báo cáo trước ngày "
      f"{n}/4/2018." for n in range(1, 23)),
    "",
])


async def test_a_units_items_are_all_told_or_the_file_that_lists_them_is_named(db_url: str) -> None:
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), MANY)
    try:
        mark = len(h.sent)
        await h.say("leader", "Ban Dân vận Tỉnh ủy thế nào?")
        [told] = texts_to(h, "leader", mark)
        assert told.count("• Mục") == 20, told
        assert "… và 2 nhiệm vụ khác (đủ trong tệp Excel của đơn vị: gõ “xuất excel Ban Dân vận Tỉnh ủy”)." in told
        assert "/tonghop)" not in told, told
        mark = len(h.sent)
        await h.say("leader", "xuất excel Ban Dân vận Tỉnh ủy")
        files = [s for s in h.sent[mark:] if s.to == "leader" and s.document]
        assert files and all(s.document.endswith(".xlsx") for s in files), h.sent[mark:]
        assert "Ban Dân vận Tỉnh ủy" in (files[0].text or ""), files[0].text
    finally:
        await h.stop()
