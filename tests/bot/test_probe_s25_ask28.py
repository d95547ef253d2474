"""Month probe 28 (a new user's month on Zalo): a head's question about an item he does not hold ("cho hỏi mục 5
giao ai") was offered as a progress note on his own item (F1); the office's "đơn vị nào chưa cập nhật?" was not
understood and "đơn vị nào chậm?" said all was well while units had never written (F2); an extension asked on another
unit's item guessed the asker's item without a deadline (F8). Driven through the sandbox, on Zalo and Telegram."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport
from tests.bot.conversation_setup import START, count, started, texts_to
from tests.conftest import DIRECTORY_CSV, local

CHANNELS = ["telegram", "zalo"]


@pytest.mark.parametrize("channel", CHANNELS)
async def test_a_question_about_who_holds_an_item_is_answered_never_recorded(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        mark = len(h.sent)
        await h.say("head_stnmt", "cho hỏi mục 1 giao ai")  # holds only mục 4
        await h.say("head_stnmt", "mục 2 của đơn vị nào ạ?")
        await h.say("head_stnmt", "mục 3 hạn khi nào")
        await h.say("head_bdv", "mục 4 ai làm")
        await h.say("leader", "mục 1 giao ai?")
        first, second, third = texts_to(h, "head_stnmt", mark)
        assert first.startswith("Mục 1 (") and "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), hạn 15/03/2018" \
            in first, first
        assert "ghi cho mục" not in first and "Ý đồng chí" not in first, first
        assert "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), hạn 30/03/2018; phối hợp: Sở Tài nguyên và Môi " \
               "trường" in second, second
        assert "Ban Dân vận Tỉnh ủy chủ trì (đ/c Lê Văn Dân), không có thời hạn" in third, third
        [to_bdv] = texts_to(h, "head_bdv", mark)
        assert "Sở Tài nguyên và Môi trường chủ trì (đ/c Trần Văn Môi), hạn 20/03/2018" in to_bdv, to_bdv
        [to_leader] = texts_to(h, "leader", mark)
        assert to_leader.startswith("Mục 1 (") and "Lê Văn Dân" in to_leader, to_leader
        assert texts_to(h, "admin", mark) == []  # nothing passed to the office
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


# Mục 1 for the Ban Dân vận (a deadline), mục 2 for the Sở Tài nguyên và Môi trường, without one.
UNDATED_NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN", "Số: 47/TB-UBND", "Bình Thuận, ngày 20 tháng 02 năm 2018", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh về phòng, chống thiên tai",
    "1. Giao Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân về dự án đường ven biển, báo cáo"
    " trước ngày 15/3/2018.",
    "2. Sở Tài nguyên và Môi trường chủ trì theo dõi thường xuyên tình hình sạt lở bờ biển.", ""])


async def _started_undated(db_url: str, channel: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(START), channel=channel)
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", UNDATED_NOTICE)
    if channel == "telegram":
        await h.tap("admin", texts.BUTTON_CONFIRM)
    else:
        await h.say("admin", "xác nhận")
    return h


@pytest.mark.parametrize("channel", CHANNELS)
async def test_an_extension_on_another_units_item_never_guesses_one_without_a_deadline(db_url: str,
                                                                                       channel: str) -> None:
    h = await _started_undated(db_url, channel)
    try:
        mark = len(h.sent)
        await h.say("head_stnmt", "xin lùi hạn mục 1 sang 20/5")
        [said] = texts_to(h, "head_stnmt", mark)
        assert said.startswith("Mục 1 do Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân) chủ trì; đồng chí đang phụ trách "
                               "mục 2."), said
        assert "Ý đồng chí" not in said and "Mục 2 không có thời hạn cụ thể nên không cần gia hạn." in said, said
        await h.say("head_stnmt", "đúng")
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


@pytest.mark.parametrize("channel", CHANNELS)
async def test_an_extension_on_another_units_item_asks_about_the_one_dated_item_held(db_url: str,
                                                                                     channel: str) -> None:
    h = await started(db_url, channel)
    try:
        mark = len(h.sent)
        await h.say("head_stnmt", "xin gia hạn mục 1 đến 30/3/2018")  # holds mục 4 (hạn 20/03)
        [said] = texts_to(h, "head_stnmt", mark)
        assert said.startswith("Mục 1 do Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân) chủ trì; đồng chí đang phụ trách "
                               "mục 4. Ý đồng chí là mục 4"), said
        mark = len(h.sent)
        await h.say("head_bdv", "xin gia hạn mục 4 đến 30/3/2018")  # holds 1, 2 (dated) and 3 (none): not guessed
        [said] = texts_to(h, "head_bdv", mark)
        assert said.startswith("Mục 4 do Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi) chủ trì; đồng chí đang "
                               "phụ trách mục 1, 2, 3. Mục 3 không có thời hạn"), said
        assert "Ý đồng chí" not in said and "“1 xin gia hạn đến 30/3/2018”" in said, said
        assert count(h, StatusReport) == 0
    finally:
        await h.stop()


@pytest.mark.parametrize("channel", CHANNELS)
async def test_which_units_have_not_reported_is_answered_and_late_names_the_silent(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        await h.say("head_bdv", "1 50% đang tổng hợp ý kiến các huyện")
        await h.advance_to(local(2018, 3, 12, 9, 0))  # two weeks on, no deadline passed yet
        mark = len(h.sent)
        await h.say("admin", "đơn vị nào chưa cập nhật?")
        await h.say("leader", "đơn vị nào chưa báo cáo?")
        await h.say("admin", "đơn vị nào chậm?")
        silent, late = texts_to(h, "admin", mark)
        [to_leader] = texts_to(h, "leader", mark)
        assert to_leader == silent, (to_leader, silent)
        # a line a unit, its items together, the days counted as working days (probe 36, #10)
        assert "• Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi): mục 4 — chưa báo cáo lần nào từ khi giao " \
               "(26/02/2018, 10 ngày làm việc)" in silent, silent
        assert "• Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân): mục 2, 3 — chưa báo cáo lần nào từ khi giao (26/02/2018, " \
               "10 ngày làm việc)" in silent, silent
        assert silent.count("Ban Dân vận Tỉnh ủy") == 1 and "mục 1" not in silent, silent
        assert late.startswith("Hiện không có đơn vị nào có nhiệm vụ quá hạn"), late
        assert "Chưa báo cáo lần nào từ khi giao: " in late and \
            "Sở Tài nguyên và Môi trường (mục 4 — đã 10 ngày làm việc)" in late, late

        await h.say("head_stnmt", "4 đang làm 30%")
        mark = len(h.sent)
        await h.say("admin", "đơn vị nào chưa cập nhật?")
        [after] = texts_to(h, "admin", mark)
        assert "Sở Tài nguyên và Môi trường" not in after, after
        assert "• Ban Dân vận Tỉnh ủy (đ/c Lê Văn Dân): mục 2, 3" in after, after
    finally:
        await h.stop()
