"""Wording left by session 25's fixers (polish28), through the sandbox on SQLite and PostgreSQL: a confirmation
outside working hours says when the assignees will be told, an evening update when the head reads it; a task with no
unit is given, not moved "từ chưa xác định"; a head's which-item question names who holds each; "đúng" when nothing
was asked; a person with nothing open spoken to, not of; a preview with no header not titled "Văn bản" alone."""

from __future__ import annotations

import pytest

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import NOTICE, last_text, started, texts_to
from tests.bot.test_probe_s25_replies27 import NOTICE as UNITLESS_NOTICE
from tests.conftest import DIRECTORY_CSV, local


async def test_a_notice_confirmed_in_the_evening_says_when_the_assignees_are_told(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 19, 0)))  # Monday evening
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        said = last_text(h, "admin")
        assert "Đã giao (ngoài giờ làm việc: người nhận sẽ được báo lúc 08:00 thứ Ba 27/02/2018):" in said, said
        assert not texts_to(h, "head_bdv")
        await h.advance_to(local(2018, 2, 27, 8, 30))
        assert any("Ban Dân vận" in t or "mục 1" in t.lower() for t in texts_to(h, "head_bdv"))
    finally:
        await h.stop()


async def test_a_task_without_a_unit_given_to_one_is_not_moved_from_chua_xac_dinh(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 2, 26, 9, 0))
    await h.say("admin", UNITLESS_NOTICE)
    await h.say("admin", "xác nhận")
    mark = len(h.sent)
    await h.say("admin", "giao mục 3 cho Ban Dân vận Tỉnh ủy")
    said = last_text(h, "admin")
    assert said.startswith("Đã giao mục 3 (Thông báo số 15/TB-UBND ngày 20/02/2018) cho Ban Dân vận Tỉnh ủy chủ trì "
                           "— đ/c Lê Văn Dân nhận"), said
    told = "\n".join(texts_to(h, "head_bdv", mark))
    assert "được giao đơn vị đồng chí chủ trì:" in told, told
    assert "chưa xác định" not in said + told


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_a_heads_which_item_question_names_who_holds_each(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.say("head_bdv", "xong")
        asked = last_text(h, "head_bdv")
        assert "là của nhiệm vụ nào?" in asked, asked
        lines = [line for line in asked.splitlines() if line.startswith("• Mục")]
        assert [line.rsplit(" — ", 1)[1] for line in lines] == \
            ["đồng chí phụ trách", "đ/c Phạm Thị Vận", "đồng chí phụ trách"], asked
    finally:
        await h.stop()


@pytest.mark.parametrize("channel", ["telegram", "zalo"])
async def test_a_yes_when_nothing_was_asked_is_answered_gently(db_url: str, channel: str) -> None:
    h = await started(db_url, channel)
    try:
        await h.say("head_stnmt", "đúng")
        said = last_text(h, "head_stnmt")
        assert said.startswith("Hiện không có câu hỏi nào đang chờ đồng chí trả lời; để báo cáo tiến độ, "), said
        assert "chưa hiểu" not in said
        if channel == "zalo":
            assert said.endswith("ví dụ: “4 xong”."), said
        await h.say("admin", "đúng")
        said = last_text(h, "admin")
        assert said == "Hiện không có câu hỏi nào đang chờ đồng chí trả lời; gõ /huongdan để xem các lệnh.", said
    finally:
        await h.stop()


async def test_a_person_with_nothing_open_is_spoken_to_not_of(db_url: str) -> None:
    h = await started(db_url, "zalo")
    try:
        await h.say("head_stnmt", "4 xong")
        await h.say("head_stnmt", "đã xong")
        said = last_text(h, "head_stnmt")
        assert said.startswith("Đồng chí hiện không có nhiệm vụ nào đang thực hiện để cập nhật"), said
        assert "Trần Văn Môi" not in said
    finally:
        await h.stop()


async def test_the_preview_of_a_notice_with_no_header_is_not_titled_van_ban_alone(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        body = "\n".join(NOTICE.splitlines()[5:])  # a portal copy: the items alone, no number, date nor subject
        await h.say("admin", body)
        first = next(t for t in texts_to(h, "admin") if "nhiệm vụ" in t)
        title = first.split("\n", 1)[0]
        assert title.endswith("Văn bản chưa có số"), first
    finally:
        await h.stop()


async def test_an_update_written_at_night_says_when_the_head_reads_it(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.advance_to(local(2018, 3, 3, 21, 0))  # Saturday evening
        await h.reply("cadre_bdv", "60% đang rà soát các hộ dân")
        said = last_text(h, "cadre_bdv")
        assert said.startswith("Đã cập nhật: mục 2 — 60% — Đang thực hiện."), said
        assert said.endswith("(Ngoài giờ làm việc: đ/c Lê Văn Dân sẽ nhận được cập nhật này lúc 08:00 thứ Hai "
                              "05/03/2018.)"), said
        await h.advance_to(local(2018, 3, 5, 10, 0))
        await h.say("cadre_bdv", "2 đạt 70%")
        assert "Ngoài giờ làm việc" not in last_text(h, "cadre_bdv")  # working hours: the head reads it at once
    finally:
        await h.stop()
