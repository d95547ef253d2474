"""Probe 38's leftovers (polish39), through the real conversation core and the Telegram sandbox on a real database.

1. A cadre's update held for the next working morning, then the head typed /nghi with a stand-in before it went out:
   it still reached the head on leave. It is re-routed when it is sent, to whoever covers the head that morning."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.calendar import VN_TZ
from scheduler.clock import FakeClock
from storage.models import TaskStatus
from tests.bot.conversation_setup import NOTICE, last_text, started, started_with, texts_to
from tests.bot.test_probe_s22_conv22b import DIRECTORY as WARDS_DIRECTORY
from tests.bot.test_probe_s22_conv22b import NOTICE as WARDS_NOTICE
from tests.bot.test_probe_s22_conv22b import tasks as ward_tasks
from tests.bot.test_probe_s24_fix25c import DIRECTORY as OFFICE_DIRECTORY
from tests.bot.test_probe_s24_fix25c import NOTICE as OFFICE_NOTICE
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


# The office's "ĐANG CHỜ VĂN PHÒNG" came an hour after the admin confirmed the notice, listing the same tasks nobody
# holds that the confirmation had just shown her. Said the next week if they still wait.
async def test_the_office_is_not_sent_the_unheld_tasks_its_confirmation_just_listed(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 7, 2, 7, 0)))  # Monday, the weekly day
    await h.start(directory_csv=OFFICE_DIRECTORY.encode(), enroll_all=True)
    try:
        h.clock.set(local(2018, 7, 2, 9, 0))  # (no tick since 07:00: the morning is planned after the confirmation)
        await h.say("admin_vpcp", OFFICE_NOTICE.read_text(encoding="utf-8"))
        await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
        assert "Chưa giao được" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
        mark = len(h.sent)
        await h.advance_to(local(2018, 7, 2, 10, 0))  # the first tick of the day
        await h.advance_to(local(2018, 7, 9, 17, 0))
        said = {s.at.astimezone(VN_TZ).date(): s.text or "" for s in h.sent[mark:]
                if s.to == "admin_vpcp" and "ĐANG CHỜ VĂN PHÒNG" in (s.text or "")}
        assert list(said) == [dt.date(2018, 7, 9)], said
        assert "chưa có người nhận" in said[dt.date(2018, 7, 9)], said
    finally:
        await h.stop()


# Nobody was told of the 4 days off 30/04–03/05/2027: the line saying when reminders resume went only on a digest of
# the very last working day (29/04), and nobody had one. A cadre's first digest in the last 3 working days says it
# (once; the last day's as before), so the days left are planned and the silence is not read as the bot stopping.
BREAK = "(Từ thứ Sáu 30/04 đến hết thứ Hai 03/05/2027 nghỉ lễ"


async def test_the_first_digest_in_the_days_before_a_long_break_says_it_once(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 4, 19, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.replace("2018", "2027").replace("15/3/2027", "27/4/2027"))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        mark = len(h.sent)
        await h.advance_to(local(2027, 4, 29, 17, 0))
        days = {s.at.astimezone(VN_TZ).date(): s.text or "" for s in h.sent[mark:]
                if s.to == "head_bdv" and (s.text or "").startswith("Kính gửi")}
        assert {dt.date(2027, 4, 26), dt.date(2027, 4, 27), dt.date(2027, 4, 28)} <= set(days), list(days)
        assert BREAK not in days[dt.date(2027, 4, 26)], days[dt.date(2027, 4, 26)]  # (4 working days before)
        assert days[dt.date(2027, 4, 27)].count(BREAK) == 1, days[dt.date(2027, 4, 27)]
        assert "Nhắc việc tạm nghỉ và nhắc tiếp vào thứ Ba, 04/05/2027.)" in days[dt.date(2027, 4, 27)]
        assert BREAK not in days[dt.date(2027, 4, 28)], days[dt.date(2027, 4, 28)]  # said once
    finally:
        await h.stop()


# 3. (conv38 left) The polite yes ("dạ vâng", "ok") answered only "Ý đồng chí là mục …?"; after "… cho cả 3 mục, đúng
# không?" or the far date asked back it was taken for a thank-you: no reply, nothing recorded. Later than an hour, or
# after a report, it stays a thank-you.
async def _ward_harness(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=WARDS_DIRECTORY.encode(), enroll_all=True)
    await h.say("vt", WARDS_NOTICE)
    await h.tap("vt", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2026, 4, 21, 9, 0))
    return h


async def test_a_polite_yes_answers_the_all_items_question(db_url: str) -> None:
    h = await _ward_harness(db_url)
    try:
        await h.say("ct_cd", "Phường đã hoàn thành tất cả các nội dung")
        assert "cho cả 3 mục, đúng không?" in last_text(h, "ct_cd"), last_text(h, "ct_cd")
        await h.say("ct_cd", "dạ vâng ạ")
        assert all(ward_tasks(h, ref)["UBND phường Cam Đường"].status == TaskStatus.DONE
                   for ref in ("4.a", "4.b", "4.c")), last_text(h, "ct_cd")
    finally:
        await h.stop()


async def test_a_polite_yes_sends_the_far_date_asked_back_but_not_an_hour_later(db_url: str) -> None:
    h = await _ward_harness(db_url)
    try:
        await h.say("ct_bx", "xin gia hạn 4.a đến sau rằm tháng Giêng")
        assert last_text(h, "ct_bx").startswith("Đồng chí đề nghị gia hạn mục 4.a đến 22/02/2027")
        await h.say("ct_bx", "ok")
        assert "Đề nghị gia hạn đến 22/02/2027 đã được chuyển tới" in last_text(h, "ct_bx"), last_text(h, "ct_bx")
        assert ward_tasks(h, "4.a")["UBND xã Bát Xát"].status == TaskStatus.EXTENSION_REQUESTED
        await h.say("ct_mk", "xin gia han muc 4.a den het thang Gieng")
        assert last_text(h, "ct_mk").startswith("Đồng chí đề nghị gia hạn mục 4.a đến 07/03/2027")
        h.clock.advance(dt.timedelta(hours=2))
        await h.say("ct_mk", "ok")  # two hours on: a receipt, not a yes
        assert ward_tasks(h, "4.a")["UBND xã Mường Khương"].status != TaskStatus.EXTENSION_REQUESTED
    finally:
        await h.stop()
