"""Recurring duties as occurrences, end to end through the sandbox: "báo cáo trước ngày 20
hằng tháng, đến hết năm 2026" is reminded for March, then April…; "xong" finishes the current
month and opens the next; the series stops at its end; /viec shows the period."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskOccurrence, TaskStatus
from tests.conftest import DIRECTORY_CSV, local

NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 16/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì báo cáo kết quả thực hiện hằng tháng, gửi trước ngày 20 hằng tháng, "
          "đến hết năm 2026.\n"
          "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/4/2026.\n")


def last_text(h: Harness, handle: str) -> str:
    return next((s.text or "" for s in reversed(h.sent) if s.to == handle), "")


async def test_a_monthly_report_is_one_occurrence_a_month(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        preview = last_text(h, "admin")
        # the preview says the rounds, as confirmation will register them; no "update every 10 days" note
        assert "• Thời hạn: theo từng kỳ; kỳ đầu: hạn 20/03/2026" in preview
        assert "10 ngày làm việc một lần" not in preview
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert "hạn 20/03/2026 (định kỳ)" in last_text(h, "head_bdv")
        await h.advance_to(local(2026, 3, 20, 9, 0))
        march = [s.text or "" for s in h.sent if s.to == "head_bdv" and "Nhắc việc thứ" in (s.text or "")]
        assert any("Mục 1 (định kỳ): " in t and "hạn hôm nay 20/03/2026" in t and "kỳ hạn" not in t for t in march)
        await h.say("head_bdv", "1 xong")
        reply = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 20/03/2026, đúng hạn" in reply
        assert "Kỳ tiếp theo: hạn 20/04/2026." in reply
        await h.say("head_bdv", "/viec")
        assert "[kỳ hạn 20/04/2026]" in last_text(h, "head_bdv")
        assert h.db is not None
        task = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())
        assert (task.status, task.due_on) == (TaskStatus.OPEN, dt.date(2026, 4, 20))
        # April's round is reminded on its own ladder, and reported late when it is
        await h.advance_to(local(2026, 4, 22, 9, 0))
        assert "quá hạn" in [s.text or "" for s in h.sent if s.to == "head_bdv"][-1]
        await h.say("head_bdv", "1 xong")
        assert "hoàn thành kỳ hạn 20/04/2026, quá hạn" in last_text(h, "head_bdv")
        done = h.db.call(lambda s: [(o.label, o.on_time) for o in s.scalars(select(TaskOccurrence)
                                                                             .order_by(TaskOccurrence.id))])
        assert done == [("hạn 20/03/2026", True), ("hạn 20/04/2026", False)]
    finally:
        await h.stop()


async def test_the_series_ends_with_its_last_round(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 11, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE.replace("ngày 02 tháng 03 năm 2026", "ngày 02 tháng 11 năm 2026"))
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("head_bdv", "1 xong")
        assert "Kỳ tiếp theo: hạn 20/12/2026 (rơi vào Chủ nhật, tính đến hết 21/12/2026)." in last_text(h, "head_bdv")
        await h.say("head_bdv", "1 xong")  # the same day: November's round again, not December's
        assert "chưa đến kỳ nên chưa ghi" in last_text(h, "head_bdv")
        await h.advance_to(local(2026, 12, 10, 9, 0))
        await h.say("head_bdv", "1 xong")
        assert "đã hết các kỳ phải thực hiện" in last_text(h, "head_bdv")
        assert h.db is not None
        assert h.db.call(lambda s: s.scalar(select(Task.status).where(Task.item_ref == "1"))) == TaskStatus.DONE
    finally:
        await h.stop()


WEEKLY = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 17/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy tổng hợp phản ánh của người dân, báo cáo vào thứ Sáu hằng tuần.\n")


def digests_to(h: Harness, handle: str) -> list[tuple[dt.date, str]]:
    return [(s.at.date(), s.text or "") for s in h.sent if s.to == handle and "Nhắc việc thứ" in (s.text or "")]


async def test_a_weekly_round_never_reported_gives_way_to_the_next(db_url: str) -> None:
    """A weekly report: reminded on the day and once the day after (no day-before reminder: the same duty every
    week); a round nobody reported is kept as not reported when the next round's reminders begin, and the duty
    goes on."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", WEEKLY)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 3, 20, 17, 0))  # three weeks, nobody reports
        got = digests_to(h, "head_bdv")
        days = [d for d, _ in got]
        assert days == [dt.date(2026, 3, d) for d in (6, 9, 13, 16, 20)], days
        assert "kỳ tuần từ 02/03/2026" in got[1][1] and "quá hạn 1 ngày làm việc" in got[1][1]
        assert "kỳ tuần từ 09/03/2026" in got[2][1] and "hạn hôm nay 13/03/2026" in got[2][1]
        assert "kỳ tuần từ 16/03/2026" in got[-1][1] and "hạn hôm nay 20/03/2026" in got[-1][1]
        await h.say("head_bdv", "1 xong")
        assert "hoàn thành kỳ tuần từ 16/03/2026, đúng hạn" in last_text(h, "head_bdv")
        assert h.db is not None
        rounds = h.db.call(lambda s: [(o.label, o.done_at is None, o.on_time) for o in s.scalars(
            select(TaskOccurrence).order_by(TaskOccurrence.period_start))])
        assert rounds == [("tuần từ 02/03/2026", True, False), ("tuần từ 09/03/2026", True, False),
                          ("tuần từ 16/03/2026", False, True)]
        await h.say("admin", "/tonghop")
        summary = next(s.text or "" for s in h.sent if s.to == "admin" and "TỔNG HỢP" in (s.text or ""))
        assert "Báo cáo định kỳ, các kỳ đã qua: 3 — đúng hạn 1, quá hạn 0, không báo cáo 2" in summary
    finally:
        await h.stop()


async def test_a_late_report_closes_the_round_it_is_late_for(db_url: str) -> None:
    """Until the next round's reminders begin, "xong" closes the late round, not the next one."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", WEEKLY)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 3, 10, 9, 0))  # Tuesday after the Friday deadline
        await h.say("head_bdv", "1 đã gửi báo cáo")
        assert "hoàn thành kỳ tuần từ 02/03/2026, quá hạn" in last_text(h, "head_bdv")
        assert "Kỳ tiếp theo: tuần từ 09/03/2026, hạn 13/03/2026." in last_text(h, "head_bdv")
    finally:
        await h.stop()


def rounds_of(h: Harness) -> list[tuple[str, bool, bool]]:
    assert h.db is not None
    return h.db.call(lambda s: [(o.label, o.done_at is not None, o.on_time) for o in s.scalars(
        select(TaskOccurrence).order_by(TaskOccurrence.period_start))])


def due_of_item_1(h: Harness) -> tuple[str, dt.date | None]:
    assert h.db is not None
    task = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())
    return task.status, task.due_on


@asynccontextmanager
async def weekly_duty(db_url: str, confirmed: dt.datetime) -> AsyncIterator[Harness]:
    """The weekly duty (a report every Friday), confirmed at `confirmed`."""
    h = Harness(db_url=db_url, clock=FakeClock(confirmed))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", WEEKLY)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        yield h
    finally:
        await h.stop()


@asynccontextmanager
async def weekly_duty_with_a_missed_round(db_url: str) -> AsyncIterator[Harness]:
    """The weekly duty, confirmed 02/03/2026, on 13/03: the week of 02/03 never reported (kept as not
    reported), the week of 09/03 due today."""
    async with weekly_duty(db_url, local(2026, 3, 2, 9, 0)) as h:
        await h.advance_to(local(2026, 3, 13, 10, 0))
        assert rounds_of(h) == [("tuần từ 02/03/2026", False, False)]
        yield h


async def test_a_missed_round_can_still_be_reported_done_after_the_duty_moved_on(db_url: str) -> None:
    """Once a missed round has given way to the next, "xong" finishes the round now due (the one the reminders
    speak of); its confirmation offers to close the missed round too, and "xong kỳ trước" does that alone."""
    async with weekly_duty_with_a_missed_round(db_url) as h:
        await h.say("head_bdv", "1 xong")
        answer = last_text(h, "head_bdv")
        assert "hoàn thành kỳ tuần từ 09/03/2026, đúng hạn" in answer
        assert "Kỳ tuần từ 02/03/2026 vẫn ghi là chưa báo cáo" in answer and "“1 xong kỳ trước”" in answer
        assert rounds_of(h) == [("tuần từ 02/03/2026", False, False), ("tuần từ 09/03/2026", True, True)]
        await h.tap("head_bdv", texts.missed_round_button("tuần từ 02/03/2026"))
        closed = last_text(h, "head_bdv")
        assert "hoàn thành kỳ tuần từ 02/03/2026, quá hạn" in closed
        assert "Kỳ tuần từ 16/03/2026: Nhắc việc tiếp tục nhắc như trước" in closed
        assert rounds_of(h) == [("tuần từ 02/03/2026", True, False), ("tuần từ 09/03/2026", True, True)]
        assert due_of_item_1(h) == (TaskStatus.OPEN, dt.date(2026, 3, 20))
        sent = len(h.sent)  # said again: nothing left to close, nothing changes
        await h.say("head_bdv", "1 xong kỳ trước")
        assert "không có kỳ trước nào đang chờ báo cáo" in last_text(h, "head_bdv") and len(h.sent) == sent + 1
        assert rounds_of(h) == [("tuần từ 02/03/2026", True, False), ("tuần từ 09/03/2026", True, True)]


async def test_xong_ky_truoc_closes_only_the_missed_round(db_url: str) -> None:
    async with weekly_duty_with_a_missed_round(db_url) as h:
        await h.say("head_bdv", "1 xong kỳ trước, đã gửi Văn phòng")
        reply = last_text(h, "head_bdv")
        assert "hoàn thành kỳ tuần từ 02/03/2026, quá hạn" in reply and "đã gửi Văn phòng" in reply
        assert rounds_of(h) == [("tuần từ 02/03/2026", True, False)]
        assert due_of_item_1(h) == (TaskStatus.OPEN, dt.date(2026, 3, 13))  # this week's round is still due


PLAN = ("SỞ CÔNG THƯƠNG\nSố: 20/KH-SCT\nLào Cai, ngày 15 tháng 01 năm 2027\nKẾ HOẠCH\n"
        "Theo dõi thực hiện nhiệm vụ năm 2027\n"
        "1. Giao Ban Dân vận Tỉnh ủy báo cáo tình hình thực hiện nhiệm vụ trước ngày 18 hằng tháng.\n")


async def test_a_duty_confirmed_on_its_due_day_starts_next_month_and_is_never_born_overdue(db_url: str) -> None:
    """Probe 12, finding 1: confirmed on 18/01 (after the morning digest), the round due that day is not the first;
    a month goes by with no "quá hạn", no escalation, nothing late in the weekly summaries or /tonghop."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 18, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", PLAN)
        preview = last_text(h, "admin")
        assert "• Thời hạn: theo từng kỳ; kỳ đầu: hạn 18/02/2027" in preview
        assert "(kỳ hạn 18/01/2027 không tính là kỳ đầu: hạn trùng ngày xác nhận)" in preview
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert "hạn 18/02/2027 (định kỳ)" in last_text(h, "head_bdv")
        assert h.db is not None
        task = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())
        assert task.due_on == dt.date(2027, 2, 18)
        start = len(h.sent)
        await h.advance_to(local(2027, 2, 17, 17, 0))
        later = [s.text or "" for s in h.sent[start:]]
        assert later, "the month had its digests and summaries"
        assert not [t for t in later if "quá hạn" in t.lower() and "quá hạn 0" not in t.lower()], later
        assert not [t for t in later if "CHỈ ĐẠO" in t]
        got = digests_to(h, "head_bdv")
        # reminded of February's round only
        assert got and all("(định kỳ)" in t and "18/02/2027" in t and "18/01/2027" not in t for _, t in got), got
        await h.say("admin", "/tonghop tháng 1")
        january = next(s.text or "" for s in reversed(h.sent) if s.to == "admin" and "TỔNG HỢP" in (s.text or ""))
        assert "Đang thực hiện trong hạn: 0; chưa cập nhật (còn trong hạn): 1; quá hạn chưa hoàn thành: 0" in january \
            and "0/1" not in january, january
        await h.advance_to(local(2027, 2, 18, 9, 0))
        await h.say("head_bdv", "1 xong")
        reply = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 18/02/2027, đúng hạn" in reply and "Kỳ tiếp theo: hạn 18/03/2027." in reply
    finally:
        await h.stop()


TET = ("SỞ CÔNG THƯƠNG\nSố: 12/TB-SCT\nLào Cai, ngày 19 tháng 01 năm 2027\nTHÔNG BÁO\nKết luận giao ban\n"
       "1. Giao Ban Dân vận Tỉnh ủy báo cáo tình hình thực hiện nhiệm vụ tháng trước ngày 10 hằng tháng.\n")


async def test_the_preview_says_a_rounds_deadline_in_tet_runs_on(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 19, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", TET)
        preview = last_text(h, "admin")
        assert "kỳ đầu: hạn 10/02/2027" in preview
        assert "(hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027)" in preview, preview
    finally:
        await h.stop()


async def test_a_task_stored_on_a_round_now_passed_over_still_moves_on(db_url: str) -> None:
    """A duty registered before this rule points at the round due the day it was confirmed: "xong" closes that
    round and opens the next, as before (the series does not stop on it)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2027, 1, 18, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", PLAN)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert h.db is not None

        def as_before(session: Session) -> None:  # what the old registration stored
            task = session.scalars(select(Task).where(Task.item_ref == "1")).one()
            task.due_on, task.occurrence_label = dt.date(2027, 1, 18), "tháng 1/2027"
            task.occurrence_start = dt.date(2027, 1, 1)

        h.db.call(as_before)
        await h.advance_to(local(2027, 1, 19, 9, 30))
        await h.say("head_bdv", "1 xong")
        reply = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 18/01/2027, quá hạn" in reply and "Kỳ tiếp theo: hạn 18/02/2027." in reply, reply
        task = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())
        assert (task.status, task.due_on) == (TaskStatus.OPEN, dt.date(2027, 2, 18))
    finally:
        await h.stop()


async def test_a_weekly_report_said_twice_on_friday_does_not_close_next_weeks_round(db_url: str) -> None:
    """"1 xong" then "1 báo cáo rồi" on the Friday (or "xong" again on Saturday): the week of 16/03 is done once;
    the week of 23/03 stays open and is reminded (probe 14b)."""
    async with weekly_duty(db_url, local(2026, 3, 16, 9, 0)) as h:
        await h.advance_to(local(2026, 3, 20, 9, 30))
        await h.say("head_bdv", "1 xong")
        assert "hoàn thành kỳ tuần từ 16/03/2026, đúng hạn" in last_text(h, "head_bdv")
        await h.say("head_bdv", "1 báo cáo rồi nhé")
        assert last_text(h, "head_bdv") == (
            "Mục 1: kỳ tuần từ 16/03/2026 đã được ghi nhận hoàn thành hôm nay. Kỳ tiếp theo (tuần từ 23/03/2026, "
            "hạn 27/03/2026) chưa đến kỳ nên chưa ghi; khi hoàn thành kỳ đó, đồng chí báo lại.")
        await h.advance_to(local(2026, 3, 21, 10, 0))
        await h.say("head_bdv", "1 xong")  # Saturday: next week's round has not begun
        assert "chưa đến kỳ nên chưa ghi" in last_text(h, "head_bdv")
        assert h.db is not None
        rounds = h.db.call(lambda s: [(o.label, o.done_at is not None) for o in s.scalars(
            select(TaskOccurrence).order_by(TaskOccurrence.period_start))])
        assert rounds == [("tuần từ 16/03/2026", True)], rounds
        await h.advance_to(local(2026, 3, 27, 9, 30))
        assert any("kỳ tuần từ 23/03/2026" in t and "hạn hôm nay 27/03/2026" in t for _, t in digests_to(h, "head_bdv"))
        await h.say("head_bdv", "1 xong")  # the next Friday: that week's round
        assert "hoàn thành kỳ tuần từ 23/03/2026, đúng hạn" in last_text(h, "head_bdv")


async def test_how_an_item_stands_says_the_last_round_of_a_recurring_duty(db_url: str) -> None:
    """"tình hình mục 1" on a weekly duty: the round reported this morning, and the rounds never reported — not
    "Chưa cập nhật" for a unit that has just reported (probe 14b)."""
    async with weekly_duty_with_a_missed_round(db_url) as h:
        await h.say("head_bdv", "1 xong")
        await h.say("leader", "tình hình mục 1")
        answer = last_text(h, "leader")
        assert ("kỳ tuần từ 09/03/2026 hoàn thành 13/03/2026, đúng hạn; không báo cáo 1 kỳ; kỳ hiện tại hạn "
                "20/03/2026 — Chưa cập nhật") in answer, answer


async def test_a_report_said_sent_the_day_before_a_holiday_closes_the_round_due_on_it(db_url: str) -> None:
    """The Friday report falls on 01/01/2027 (a day off): "báo cáo rồi" on Thursday 31/12 is that round's, not a
    question of which of the two tasks (probe 14b)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 21, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", WEEKLY.replace("17/TB-UBND", "18/TB-UBND") +
                    "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 29/01/2027.\n")
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 12, 25, 9, 30))
        await h.say("head_bdv", "1 xong")
        await h.advance_to(local(2026, 12, 31, 9, 30))
        await h.say("head_bdv", "báo cáo rồi nhé")
        assert "hoàn thành kỳ tuần từ 28/12/2026, đúng hạn" in last_text(h, "head_bdv"), last_text(h, "head_bdv")
    finally:
        await h.stop()


WEEKLY_AND_ONE = WEEKLY.replace("17/TB-UBND", "18/TB-UBND") + (
    "2. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/4/2026.\n")


async def test_a_notice_report_names_the_round_a_duty_stands_at_not_an_old_rounds_xong(db_url: str) -> None:
    """Probe s18: the report on one notice said of a weekly duty "Chưa cập nhật, hạn 27/02/2026, đã quá hạn —
    “xong” (05/02)" — the "xong" was an earlier round's, and a leader reading it could not tell whether the unit
    reports. Now the line names the round due, what came of the earlier rounds, and quotes only words that say more
    than the status (a bare "xong" neither there nor in the Excel file's latest note)."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", WEEKLY_AND_ONE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.advance_to(local(2026, 3, 5, 10, 0))
        await h.say("head_bdv", "1 xong")  # the round of 02/03, on time
        await h.say("head_bdv", "2 xong")
        await h.advance_to(local(2026, 3, 24, 10, 0))  # 09/03's round never reported, nor 16/03's (due 20/03)
        await h.say("leader", "/tonghop 18/TB-UBND")
        report = next(s.text or "" for s in reversed(h.sent) if s.to == "leader" and "Từng nhiệm vụ" in (s.text or ""))
        story = report.split("Từng nhiệm vụ:\n", 1)[1].splitlines()
        assert story[0].endswith("— kỳ tuần từ 16/03/2026: chưa báo cáo, hạn 20/03/2026, đã quá hạn; các kỳ trước: đã "
                                 "báo cáo 1, không báo cáo 1"), story
        assert story[1].endswith("— hoàn thành 05/03/2026, đúng hạn"), story
        assert "“xong”" not in report
        await h.say("head_bdv", "1 đang tổng hợp, đã nhận 12 phản ánh")
        await h.say("leader", "/tonghop 18/TB-UBND")
        report = next(s.text or "" for s in reversed(h.sent) if s.to == "leader" and "Từng nhiệm vụ" in (s.text or ""))
        assert "kỳ tuần từ 16/03/2026: Đang thực hiện, hạn 20/03/2026, đã quá hạn; các kỳ trước: đã báo cáo 1, không " \
               "báo cáo 1 — “đang tổng hợp, đã nhận 12 phản ánh” (24/03)" in report, report
    finally:
        await h.stop()
