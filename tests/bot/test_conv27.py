"""Conversation defects left from the month probes (session 25): a round of a recurring duty not yet begun is said
as not yet due in /viec, not "Đang thực hiện"; "xong cả 2" on a duty with a missed round closes both rounds; a head
with the same item number in two notices is asked which with a choice (buttons, or Zalo's typed forms); /loi's
tasks nobody holds are grouped under their notice when they come from several, and so are the items of the digest's
"escalated today" note."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Notice, Task, TaskOccurrence
from tests.bot.conftest import last_text
from tests.bot.conversation_setup import started_with
from tests.bot.test_rounds26 import NOTICE
from tests.conftest import DIRECTORY_CSV, local


def _item_line(listing: str, ref: str) -> str:
    at = listing.index(f"• Mục {ref}")
    end = listing.find("\n•", at + 1)
    return listing[at:end if end != -1 else None]


async def test_a_round_not_begun_is_not_yet_due_in_the_list(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "/viec")
        line = _item_line(last_text(h, "head_bdv"), "1")
        assert "Chưa đến kỳ (kỳ bắt đầu từ 01/05/2026)" in line, line  # May's round, due 05/05, begins 01/05
        # a report before the round begins is kept as a note: the round is still not due, not under way
        await h.say("head_bdv", "1 xong")
        await h.say("head_bdv", "/viec")
        line = _item_line(last_text(h, "head_bdv"), "1")
        assert "Chưa đến kỳ (kỳ bắt đầu từ 01/05/2026)" in line and "Đang thực hiện" not in line, line
        line = _item_line(last_text(h, "head_bdv"), "3")
        assert "Chưa đến kỳ" not in line, line  # a one-off task: as before
        await h.advance_to(local(2026, 5, 4, 9, 0))  # the round has begun
        await h.say("head_bdv", "/viec")
        line = _item_line(last_text(h, "head_bdv"), "1")
        assert "Chưa đến kỳ" not in line, line
    finally:
        await h.stop()


def _rounds(h: Harness, ref: str) -> list[tuple[str, bool]]:
    assert h.db is not None
    return h.db.call(lambda s: [(o.label, o.done_at is not None) for o in s.scalars(
        select(TaskOccurrence).join(Task, Task.id == TaskOccurrence.task_id).where(Task.item_ref == ref)
        .order_by(TaskOccurrence.period_start))])


async def test_ca_2_typed_after_the_offer_on_zalo_closes_the_missed_round(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.say("admin", "xác nhận")
        await h.advance_to(local(2026, 5, 20, 9, 0))
        await h.say("head_bdv", "2 xong")
        assert "gõ “2 xong kỳ trước”" in last_text(h, "head_bdv")
        await h.say("head_bdv", "xong cả 2 ạ")  # no reply on Zalo: typed after the offer, not "which of 3 tasks?"
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 25/04/2026, quá hạn" in said, said
        assert _rounds(h, "2") == [("hạn 25/04/2026", True), ("hạn 25/05/2026", True)]
    finally:
        await h.stop()


async def test_both_rounds_offered_are_closed_by_ca_2(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 5, 20, 9, 0))  # April's round of item 2 (due 25/04) was missed
        # the round now due is closed; the missed one is offered ("… xong kỳ trước"); "xong cả 2" in reply: both
        await h.say("head_bdv", "2 xong")
        assert "Kỳ hạn 25/04/2026 vẫn ghi là chưa báo cáo" in last_text(h, "head_bdv")
        await h.reply("head_bdv", "xong cả 2")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 25/04/2026, quá hạn" in said, said
        assert _rounds(h, "2") == [("hạn 25/04/2026", True), ("hạn 25/05/2026", True)]
        # said at once, with the item: the round now due and the missed one
        await h.advance_to(local(2026, 7, 28, 9, 0))  # June's round missed too, July's due 25/07
        await h.say("head_bdv", "2 đã xong cả 2 kỳ")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 25/07/2026, quá hạn" in said and "hoàn thành kỳ hạn 25/06/2026, quá hạn" in said, \
            said
        assert "vẫn ghi là chưa báo cáo" not in said, said
        assert _rounds(h, "2")[-2:] == [("hạn 25/06/2026", True), ("hạn 25/07/2026", True)]
    finally:
        await h.stop()


SECOND = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 20/TB-UBND\nBình Thuận, ngày 05 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Phó Chủ tịch UBND tỉnh về công tác dân vận chính quyền\n"
          "1. Giao Ban Dân vận Tỉnh ủy xây dựng kế hoạch dân vận chính quyền năm 2026, hoàn thành trước ngày "
          "30/5/2026.\n"
          "2. Giao Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết, hoàn thành trước ngày 15/6/2026.\n")


def _status_of(h: Harness, notice: str, ref: str) -> str:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task.status).join(Notice, Notice.id == Task.notice_id)
                                         .where(Notice.number == notice, Task.item_ref == ref)).one())


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_an_item_number_of_two_notices_is_asked_with_a_choice(db_url: str, channel: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)), channel=channel)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        for notice in (NOTICE, SECOND):
            await h.say("admin", notice)
            if channel == "telegram":
                await h.tap("admin", texts.BUTTON_CONFIRM)
            else:
                await h.say("admin", "xác nhận")
        await h.say("head_bdv", "1 đã xong")
        asked = last_text(h, "head_bdv")
        assert "Mục 1 có ở 2 thông báo" in asked and "16/TB-UBND" in asked and "20/TB-UBND" in asked, asked
        if channel == "telegram":
            await h.tap("head_bdv", "Mục 1 (20/TB-UBND)")
        else:
            assert "“1 đã xong 20/TB-UBND”" in asked, asked  # the typed form, one per notice
            await h.say("head_bdv", "1 đã xong 20/TB-UBND")
        assert "Đã cập nhật: mục 1" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
        assert _status_of(h, "20/TB-UBND", "1") == "done" and _status_of(h, "16/TB-UBND", "1") != "done"
    finally:
        await h.stop()


UNHELD_A = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 31/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
            "Kết luận của Chủ tịch UBND tỉnh\n"
            "1. Giao Sở Xây dựng rà soát quy hoạch, hoàn thành trước ngày 30/6/2026.\n"
            "2. Giao Sở Xây dựng kiểm tra công trình, hoàn thành trước ngày 30/6/2026.\n"
            "3. Giao Sở Xây dựng báo cáo kết quả, hoàn thành trước ngày 30/6/2026.\n")
UNHELD_B = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 32/TB-UBND\nBình Thuận, ngày 05 tháng 03 năm 2026\nTHÔNG BÁO\n"
            "Kết luận của Phó Chủ tịch UBND tỉnh\n"
            "1. Giao Sở Xây dựng thẩm định dự án, hoàn thành trước ngày 30/6/2026.\n"
            "2. Giao Sở Y tế kiểm tra an toàn thực phẩm, hoàn thành trước ngày 30/6/2026.\n")


async def test_tasks_nobody_holds_are_grouped_by_notice_in_loi(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        for notice in (UNHELD_A, UNHELD_B):
            await h.say("admin", notice)
            await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/loi")
        said = last_text(h, "admin")
        at = said.index("Nhiệm vụ chưa có người nhận, chưa ai được nhắc (5):")
        assert said[at:].split("\n")[1:6] == [
            "31/TB-UBND (3):", "• Sở Xây dựng: mục 1–3 (3 nhiệm vụ)",
            "32/TB-UBND (2):", "• Sở Xây dựng: mục 1", "• Sở Y tế: mục 2"], said
    finally:
        await h.stop()


LATE_A = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 47/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Ban Dân vận Tỉnh ủy",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo"
    " trước ngày 30/3/2018.",
    "2. Giao Ban Dân vận Tỉnh ủy chủ trì rà soát các hộ dân bị ảnh hưởng, hoàn thành trước ngày 30/3/2018.", ""])
LATE_B = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 52/TB-UBND", "Bình Thuận, ngày 22 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Phó Chủ tịch UBND tỉnh về công tác dân vận chính quyền",
    "1. Giao Ban Dân vận Tỉnh ủy xây dựng kế hoạch dân vận chính quyền năm 2018, hoàn thành trước ngày 30/3/2018.",
    ""])


async def test_the_escalated_today_note_names_the_notices(db_url: str) -> None:
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), LATE_A)
    try:
        await h.say("admin", LATE_B)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        start = len(h.sent)
        await h.advance_to(local(2018, 4, 9, 12, 0))
        told = [s.text or "" for s in h.sent[start:]
                if s.to == "head_bdv" and "hôm nay Nhắc việc đã báo" in (s.text or "")]
        assert told, [s.text for s in h.sent[start:] if s.to == "head_bdv"]
        assert "(Do nhiệm vụ mục 1, 2 (47/TB-UBND) và mục 1 (52/TB-UBND) đã quá hạn, hôm nay Nhắc việc đã báo " in \
            told[0], told[0]
    finally:
        await h.stop()


async def test_loi_names_the_notices_of_an_unconnected_holder_s_items(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True, not_enrolled=frozenset({"head_bdv"}))
    try:
        for notice in (NOTICE, SECOND):
            await h.say("admin", notice)
            await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/loi")
        said = last_text(h, "admin")
        assert "• đ/c Lê Văn Dân (@head_bdv): mục 1, 2, 3 (16/TB-UBND); mục 1, 2 (20/TB-UBND)" in said, said
    finally:
        await h.stop()
