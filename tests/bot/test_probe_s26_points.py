"""Month probe 37, #1: an OCR reading lost a section's "2.", so the notice as read numbers the points 1.a … 1.k
while people type the paper's "2.g". A letter typed under a section the person holds nothing in, matching exactly one
of their open tasks, is asked about ("Ý đồng chí là mục 1.g?"), for progress and for more time alike, not refused;
a leader's decision on it decides the request waiting on 1.g; "mục 2.k giao ai?" is answered for 1.k; "nhầm, 2.c
mới đạt 50%" the day after its "xong" reopens 1.c.
Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conversation_setup import task, texts_to
from tests.conftest import DIRECTORY_CSV, local

NOTICE = "\n".join([
    "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN",
    "Số: 46/TB-UBND",
    "Bình Thuận, ngày 20 tháng 02 năm 2018",
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về dự án đường ven biển",
    "1. Giao các đơn vị:",
    "a) Ban Dân vận Tỉnh ủy chủ trì tổng hợp ý kiến của Nhân dân, báo cáo trước ngày 15/3/2018;",
    "b) Sở Tài nguyên và Môi trường chủ trì rà soát đất ven biển, hoàn thành trước ngày 30/3/2018;",
    "c) Ban Dân vận Tỉnh ủy chủ trì xây dựng kế hoạch tuyên truyền, hoàn thành trước ngày 20/3/2018.",
    "",
])


async def started(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    return h


async def test_the_papers_letter_under_a_section_lost_by_ocr_is_asked_about_for_more_time(db_url: str) -> None:
    h = await started(db_url)
    try:
        start = len(h.sent)
        await h.say("head_bdv", "xin gia hạn mục 2.c đến 30/3/2018")
        said = "\n".join(texts_to(h, "head_bdv", start))
        assert "Ý đồng chí là mục 1.c" in said, said
        await h.say("head_bdv", "đúng")
        said = "\n".join(texts_to(h, "head_bdv", start))
        assert "30/03/2018" in said and "gia hạn" in said, said
    finally:
        await h.stop()


async def test_the_papers_letter_is_asked_about_for_progress_and_never_guessed_across_a_held_section(
        db_url: str) -> None:
    h = await started(db_url)
    try:
        start = len(h.sent)
        await h.say("head_bdv", "2.a đang làm 50%")
        assert "Ý đồng chí là mục 1.a" in "\n".join(texts_to(h, "head_bdv", start))
        start = len(h.sent)
        await h.say("head_bdv", "1.b đang làm 50%")  # 1.b is another unit's: its section is theirs, no guess
        assert "Ý đồng chí là mục" not in "\n".join(texts_to(h, "head_bdv", start))
    finally:
        await h.stop()


async def test_the_leaders_decision_on_the_papers_letter_decides_the_request_waiting_on_it(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "xin gia hạn mục 1.c đến 30/3/2018 do chờ ý kiến các sở")
        start = len(h.sent)
        await h.say("leader", "đồng ý gia hạn 2.c")  # the paper's number: the notice as read has no section 2
        said = "\n".join(texts_to(h, "leader", start))
        assert "1.c" in said and "30/03/2018" in said, said
        assert task(h, "1.c").due_on == dt.date(2018, 3, 30)
    finally:
        await h.stop()


async def test_who_holds_the_papers_point_is_answered_not_sent_to_the_office(db_url: str) -> None:
    h = await started(db_url)
    try:
        start = len(h.sent)
        await h.say("head_stnmt", "cho hỏi mục 2.c giao ai?")
        said = "\n".join(texts_to(h, "head_stnmt", start))
        assert "1.c" in said and "Ban Dân vận Tỉnh ủy" in said, said
        assert not any("CÂU HỎI" in t for t in texts_to(h, "admin", start))
    finally:
        await h.stop()


async def test_a_xong_on_the_papers_point_taken_back_the_next_day_reopens_it(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_bdv", "2.c xong")
        await h.say("head_bdv", "đúng")  # "Ý đồng chí là mục 1.c?"
        assert task(h, "1.c").status == "done"
        h.clock.set(local(2018, 2, 27, 9, 0))
        start = len(h.sent)
        await h.say("head_bdv", "nhầm, 2.c mới đạt 50%")
        said = "\n".join(texts_to(h, "head_bdv", start))
        assert task(h, "1.c").status != "done" and task(h, "1.c").percent == 50, said
    finally:
        await h.stop()
