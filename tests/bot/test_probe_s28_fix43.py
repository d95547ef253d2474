"""Probe 42's findings, through the real conversation core and the Telegram sandbox on a real database.

F1: after a leader's "đồng ý" on one unit's request for a monthly report, the bot offered "đồng ý gia hạn VI.1 cho
Phòng Quản lý Công nghiệp đến 22/05" for a unit already on the next round (due 18/06); typed, it moved that share
EARLIER, and the unit that had reported on time went overdue and was escalated. Only shares due before the granted
date are offered; a grant to a date not later than a share's deadline moves nothing and says so."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task
from storage.reports import unit_matches
from tests.bot.conversation_setup import last_text, started_group, texts_to
from tests.conftest import local

BDV, STNMT = "Ban Dân vận Tỉnh ủy", "Sở Tài nguyên và Môi trường"


def dues(h: Harness) -> dict[str, dt.date | None]:
    assert h.db is not None
    return h.db.call(lambda s: {t.lead_unit.name: t.due_on for t in s.scalars(select(Task))})


def _set_due(h: Harness, unit: str, due: dt.date) -> None:
    """A share on its next round already (the unit reported this one): its deadline later than the other's."""
    assert h.db is not None

    def run(s):  # type: ignore[no-untyped-def]
        for t in s.scalars(select(Task)):
            if t.lead_unit.name == unit:
                t.due_on = due
    h.db.call(run)


async def test_a_share_due_later_is_not_offered_nor_moved_earlier(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        _set_due(h, STNMT, dt.date(2018, 4, 30))
        await h.say("head_bdv", "1 xin gia hạn đến 20/4 vì chưa đủ số liệu")
        await h.say("leader", "đồng ý")
        assert dues(h) == {BDV: dt.date(2018, 4, 20), STNMT: dt.date(2018, 4, 30)}
        said = last_text(h, "leader")
        assert said.startswith("Đã gia hạn đến 20/04/2018"), said
        assert STNMT not in said and "Lưu ý" not in said, said  # its share is due later: nothing to offer
        mark = len(h.sent)
        await h.say("leader", f"đồng ý gia hạn 1 cho {STNMT} đến 20/04")  # typed anyway: nothing moves earlier
        assert dues(h) == {BDV: dt.date(2018, 4, 20), STNMT: dt.date(2018, 4, 30)}
        said = last_text(h, "leader")
        assert "hạn hiện tại 30/04/2018 đã muộn hơn 20/04/2018; không cần gia hạn" in said, said
        assert STNMT in said and "Đã gia hạn" not in said, said
        assert not texts_to(h, "head_stnmt", mark)
    finally:
        await h.stop()


async def test_only_the_shares_due_before_the_grant_are_offered(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        _set_due(h, STNMT, dt.date(2018, 4, 10))
        await h.say("head_bdv", "1 xin gia hạn đến 20/4 vì chưa đủ số liệu")
        await h.say("leader", "đồng ý")
        said = last_text(h, "leader")
        assert f"phần mục 1 của {STNMT} (không đề nghị gia hạn) vẫn hạn 10/04/2018" in said, said
        assert f"“đồng ý gia hạn 1 cho {STNMT} đến 20/04”" in said, said
        await h.say("leader", f"đồng ý gia hạn 1 cho {STNMT} đến 20/04")  # as offered: later, so it moves
        assert dues(h) == {BDV: dt.date(2018, 4, 20), STNMT: dt.date(2018, 4, 20)}
    finally:
        await h.stop()


async def test_a_grant_to_every_share_moves_only_those_due_earlier(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        _set_due(h, STNMT, dt.date(2018, 4, 30))
        await h.say("leader", "đồng ý gia hạn 1 đến 16/4")  # no request: every share, but none moved earlier
        assert dues(h) == {BDV: dt.date(2018, 4, 16), STNMT: dt.date(2018, 4, 30)}
        said = last_text(h, "leader")
        assert said.startswith("Đã gia hạn đến 16/04/2018") and BDV in said, said
        assert "hạn hiện tại 30/04/2018 đã muộn hơn 16/04/2018; không cần gia hạn" in said, said
    finally:
        await h.stop()


async def test_a_grant_before_the_deadline_moves_nothing(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 20/4 vì chưa đủ số liệu")
        await h.say("leader", "đồng ý gia hạn 1 đến 25/3")  # earlier than its deadline 30/03: not a grant
        assert dues(h) == {BDV: dt.date(2018, 3, 30), STNMT: dt.date(2018, 3, 30)}
        said = last_text(h, "leader")
        assert "hạn hiện tại 30/03/2018 đã muộn hơn 25/03/2018; không cần gia hạn" in said, said
    finally:
        await h.stop()


# F8: "phong TM thế nào?" and "Chi cục QLTT thế nào?" found no unit ("không tìm thấy đơn vị “cục QLTT”": a name the
# leader did not type); offices say a unit by its kind and the initials of the rest, leaving out "Quản lý".
UNITS = ["Chi cục Quản lý thị trường", "Phòng Kế hoạch - Tổng hợp", "Phòng Quản lý Công nghiệp",
         "Phòng Quản lý Năng lượng", "Phòng Quản lý Thương mại", "Sở Công Thương", "Văn phòng Sở"]
SCT_DIRECTORY = """handle,full_name,title,unit,role
cv_khth,Hoàng Thị Thu Trang,Chuyên viên Phòng Kế hoạch - Tổng hợp,Phòng Kế hoạch - Tổng hợp,admin
giamdoc,Nguyễn Văn Hải,Giám đốc Sở Công Thương,Sở Công Thương,leader
tp_cn,Đỗ Văn Cường,Trưởng phòng Quản lý Công nghiệp,Phòng Quản lý Công nghiệp,head
tp_nl,Phạm Thị Lan,Trưởng phòng Quản lý Năng lượng,Phòng Quản lý Năng lượng,head
tp_tm,Vũ Minh Tâm,Trưởng phòng Quản lý Thương mại,Phòng Quản lý Thương mại,head
cc_qltt,Lý Văn Quang,Chi cục trưởng Chi cục Quản lý thị trường,Chi cục Quản lý thị trường,head
"""
SCT_NOTICE = """SỞ CÔNG THƯƠNG TỈNH LÀO CAI
Số: 220/TB-SCT
Lào Cai, ngày 20 tháng 4 năm 2026
THÔNG BÁO
Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 4 năm 2026
1. Phòng Quản lý Thương mại xây dựng kế hoạch kích cầu tiêu dùng, hoàn thành trước ngày 29/5/2026.
2. Chi cục Quản lý thị trường kiểm tra hàng giả trên địa bàn, báo cáo trước ngày 15/6/2026.
3. Phòng Quản lý Công nghiệp rà soát các cụm công nghiệp, hoàn thành trước ngày 30/6/2026.
Nơi nhận:
- Các phòng trực thuộc Sở;
- Chi cục QLTT.
GIÁM ĐỐC
Nguyễn Văn Hải
"""


def test_a_unit_named_by_its_kind_and_initials_without_quan_ly() -> None:
    assert unit_matches("phong TM", UNITS) == {"Phòng Quản lý Thương mại"}
    assert unit_matches("Chi cục QLTT", UNITS) == {"Chi cục Quản lý thị trường"}
    assert unit_matches("phong KHTH", UNITS) == {"Phòng Kế hoạch - Tổng hợp"}
    assert unit_matches("Phòng QL", UNITS) == set()  # three units: none by it


async def test_how_a_unit_said_as_people_say_it_is_doing(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 20, 8, 30)))
    await h.start(directory_csv=SCT_DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("cv_khth", SCT_NOTICE)
        await h.tap("cv_khth", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 5, 19, 9, 0))
        for typed, unit in (("phong TM the nao?", "Phòng Quản lý Thương mại"),
                            ("Chi cục QLTT thế nào?", "Chi cục Quản lý thị trường")):
            await h.say("giamdoc", typed)
            said = last_text(h, "giamdoc")
            assert "không tìm thấy" not in said and unit in said, said
    finally:
        await h.stop()


# #7: "28-43: thêm Văn phòng Sở" on the preview echoed all 16 tasks with all their leads, in 3 long messages: one
# line says what changed (the tasks as they now read are in "xem tất cả"), with the usual buttons.
RANGE_NOTICE = SCT_NOTICE.replace(
    "3. Phòng Quản lý Công nghiệp rà soát các cụm công nghiệp, hoàn thành trước ngày 30/6/2026.\n",
    "3. Phòng Quản lý Công nghiệp rà soát các cụm công nghiệp, hoàn thành trước ngày 30/6/2026.\n"
    "4. Phòng Quản lý Công nghiệp thu hút đầu tư vào các khu công nghiệp.\n"
    "5. Phòng Quản lý Năng lượng kiểm tra an toàn điện trên địa bàn.\n")


async def test_a_unit_added_to_a_range_is_said_in_one_line(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 20, 8, 30)))
    await h.start(directory_csv=SCT_DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("cv_khth", RANGE_NOTICE)
        mark = len(h.sent)
        await h.reply("cv_khth", "2-5: thêm Phòng Quản lý Thương mại")
        said = texts_to(h, "cv_khth", mark)
        assert len(said) == 1, said
        assert said[0].startswith("Đã thêm Phòng Quản lý Thương mại làm chủ trì nhiệm vụ 2–5 (Mục 2–5)."), said
        assert "Sau khi sửa" not in said[0] and "Thời hạn" not in said[0], said
        assert h.sent[-1].buttons, "the usual buttons"
        await h.reply("cv_khth", "2: thêm Văn phòng Sở")  # one task: shown as it now reads, as before
        assert "Sau khi sửa" in last_text(h, "cv_khth"), last_text(h, "cv_khth")
    finally:
        await h.stop()
