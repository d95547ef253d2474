"""Probe 26 (findings 3–5): replies on recurring duties. "đã <the duty's own work>" closes a round ("III.3 đã công khai
kết quả tháng 4" was kept "Đang thực hiện" and reminded as overdue for a month); a reply naming a period closes that
period's round, never a round not yet begun ("III.3 xong" on 22/01 closed the round due 05/02, "báo cáo tháng 12"
closed January's); a reply with no item number in one task's own words is asked about, not "chưa hiểu"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.replies import own_work_done, parse_status_text
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from scheduler.series import named_period
from storage.models import Task, TaskOccurrence, TaskStatus
from tests.bot.conftest import last_text
from tests.conftest import DIRECTORY_CSV, local

PUBLISH = ("Chủ trì, tổ chức đánh giá và công khai hằng tháng kết quả đánh giá chỉ số cải cách hành chính đối với các "
           "cơ quan, đơn vị; công khai kết quả đánh giá chậm nhất vào ngày 05 hằng tháng.")
DAY = dt.date(2026, 5, 5)


def _status(text: str, task_text: str | None = PUBLISH) -> TaskStatus | None:
    said = parse_status_text(text, today=DAY, task_text=task_text)
    assert said is not None
    return said.status


def test_the_duty_s_own_verb_in_the_past_closes_the_round() -> None:
    assert _status("đã công khai kết quả tháng 4") == TaskStatus.DONE
    assert _status("da cong khai ket qua thang 4") == TaskStatus.DONE
    assert _status("đã đánh giá chỉ số cải cách tháng 4") == TaskStatus.DONE  # the task's own words, no list verb
    assert _status("đã đánh giá chỉ số cải cách tháng 4", task_text=None) is None  # without the duty: a note
    # progress stays progress: under way, to come, a share, a start
    assert _status("đang công khai kết quả") == TaskStatus.IN_PROGRESS
    assert _status("đã đánh giá xong 3 đơn vị, đang tổng hợp") == TaskStatus.IN_PROGRESS
    assert _status("đã công khai kết quả 60%") == TaskStatus.IN_PROGRESS
    assert _status("sẽ công khai kết quả trước ngày 5") != TaskStatus.DONE
    assert _status("đã triển khai đánh giá") != TaskStatus.DONE
    assert own_work_done(PUBLISH, "đã nhận") == 0 and own_work_done(PUBLISH, "đã có kết quả") == 0
    assert own_work_done(PUBLISH, "đã hoàn thành") == 0  # a status word, of any task (not its own work)


def test_a_period_named_in_a_reply() -> None:
    def span(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
        p = named_period(text, today)
        return None if p is None else (p.start, p.end)
    jan = dt.date(2027, 1, 21)
    assert span("đã hoàn thành báo cáo tháng 12", jan) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert span("xong tháng 2", jan) == (dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    assert span("đã báo cáo quý I", dt.date(2027, 4, 2)) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert span("xong tuần này", dt.date(2027, 4, 2)) == (dt.date(2027, 3, 29), dt.date(2027, 4, 4))
    assert span("xong tháng trước", jan) == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert span("đã gửi ngày 5 tháng 4", jan) is None and span("xong", jan) is None
    assert span("xong 3 tháng", jan) is None


NOTICE = ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: 16/TB-UBND\nBình Thuận, ngày 02 tháng 03 năm 2026\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh\n"
          "1. Giao Ban Dân vận Tỉnh ủy chủ trì, tổ chức đánh giá và công khai hằng tháng kết quả đánh giá chỉ số "
          "dân vận của các xã; công khai kết quả đánh giá chậm nhất vào ngày 05 hằng tháng.\n"
          "2. Giao Ban Dân vận Tỉnh ủy tổng hợp, báo cáo kết quả thực hiện quy chế dân chủ trước ngày 25 hằng "
          "tháng.\n"
          "3. Giao Ban Dân vận Tỉnh ủy rà soát quy chế làm việc, hoàn thành trước ngày 30/6/2026.\n")


def _rounds(h: Harness, ref: str) -> list[tuple[str, bool]]:
    assert h.db is not None
    return h.db.call(lambda s: [(o.label, o.done_at is not None) for o in s.scalars(
        select(TaskOccurrence).join(Task, Task.id == TaskOccurrence.task_id).where(Task.item_ref == ref)
        .order_by(TaskOccurrence.period_start))])


def _task(h: Harness, ref: str) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == ref)).one())


async def test_rounds_closed_by_what_the_reply_says(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 21, 9, 0)))  # a Tuesday
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        assert _task(h, "1").due_on == dt.date(2026, 5, 5) and _task(h, "2").due_on == dt.date(2026, 4, 25)
        # a report about March before the round due 05/05 (May's) begins: kept, the round stays open (F4)
        await h.say("head_bdv", "1 xong")
        said = last_text(h, "head_bdv")
        assert "chưa bắt đầu (từ 01/05/2026) nên chưa tính hoàn thành" in said and "“1 xong”" in said, said
        assert _task(h, "1").due_on == dt.date(2026, 5, 5) and _rounds(h, "1") == []
        # a named period not followed: not this month's round
        await h.say("head_bdv", "2 đã hoàn thành báo cáo tháng 3")
        said = last_text(h, "head_bdv")
        assert "Kỳ tháng 3/2026 không thuộc các kỳ Nhắc việc theo dõi" in said, said
        assert _task(h, "2").due_on == dt.date(2026, 4, 25) and _rounds(h, "2") == []
        # the duty's own verb in the past closes the round due that day (F3)
        await h.advance_to(local(2026, 5, 5, 10, 0))
        await h.say("head_bdv", "1 đã công khai kết quả tháng 4")
        said = last_text(h, "head_bdv")
        assert "hoàn thành kỳ hạn 05/05/2026, đúng hạn" in said and "Kỳ tiếp theo: hạn 05/06/2026" in said, said
        # April's round of item 2, missed and rolled, then named: that round closed late, May's left open
        await h.advance_to(local(2026, 5, 22, 9, 0))
        assert _rounds(h, "2") == [("hạn 25/04/2026", False)]
        await h.say("head_bdv", "2 đã gửi báo cáo tháng 4")
        assert _rounds(h, "2") == [("hạn 25/04/2026", True)]
        assert _task(h, "2").due_on == dt.date(2026, 5, 25) and _task(h, "2").status == TaskStatus.OPEN
        # a named period already reported: the words kept on that round, said so, nothing closed (conv40's line)
        await h.say("head_bdv", "1 đã công khai kết quả tháng 4")
        said = last_text(h, "head_bdv")
        assert "kỳ hạn 05/05/2026 (kỳ này đã hoàn thành ngày 05/05/2026)" in said, said
        assert "Kỳ hạn 05/06/2026 vẫn mở" in said, said
        assert _task(h, "1").due_on == dt.date(2026, 6, 5)
        await h.say("head_bdv", "2 xong tháng 8")  # a round to come, named: not closed either
        assert "Kỳ tháng 8/2026 chưa đến; kỳ hạn 25/05/2026 vẫn mở." in last_text(h, "head_bdv")
        assert _task(h, "2").due_on == dt.date(2026, 5, 25)
        # no item number, in the words of one task only: asked about, not "chưa hiểu" (F5)
        await h.advance_to(local(2026, 6, 5, 9, 0))
        await h.say("head_bdv", "đã công khai kết quả tháng 5")
        said = last_text(h, "head_bdv")
        assert "có phải là báo cáo mục 1 " in said and "chưa hiểu" not in said, said
        await h.say("head_bdv", "đúng")
        assert "hoàn thành kỳ hạn 05/06/2026, đúng hạn" in last_text(h, "head_bdv")
    finally:
        await h.stop()
