"""Probe 12, finding 8: a head holding 35 tasks without a deadline got a 35-line check-in (two messages) every ten
working days, and a colleague covering a leave got "(thay đ/c … nghỉ phép)" on every line. More than
CHECKIN_LISTED check-ins are counted per notice (no button each); a cover is named once when every line is one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

from bot import texts
from bot.conversation.status import digest_message
from scheduler.dispatcher import DigestLine, DigestView
from storage.models import TaskStatus

TITLE = "Kế hoạch số 18/KH-SCT ngày 15/01/2027"
_ids = itertools.count(1)


def line(ref: str, *, category: str = "checkin", due: dt.date | None = None, cover: str | None = None,
         status: TaskStatus = TaskStatus.OPEN) -> DigestLine:
    return DigestLine(task_id=next(_ids), item_ref=ref, task_text=f"Nhiệm vụ số {ref} của phòng", notice_title=TITLE,
                      category=category, due_on=due, effective_due_on=due, deadline_note=None, days_left=None,
                      working_days_left=None, days_late=3 if category == "overdue" else None, weekly=False,
                      status=status, percent=None, escalation=None, assignee_name=None, lead_unit=None,
                      covering_for=cover)


def view(lines: list[DigestLine]) -> DigestView:
    return DigestView(digest_id=1, day=dt.date(2027, 2, 1), recipient_name="Nguyễn Văn Công", lines=tuple(lines))


def test_many_check_ins_are_counted_per_notice_not_listed() -> None:
    checkins = [line(f"III.{i}", status=TaskStatus.IN_PROGRESS if i < 5 else TaskStatus.OPEN) for i in range(1, 36)]
    late = line("VI.1", category="overdue", due=dt.date(2027, 1, 18))
    message = digest_message(view([late, *checkins]), buttons=True)
    text = message.text
    assert "CẬP NHẬT ĐỊNH KỲ (35)" in text
    # the header names the one notice: not again on the line (probe 19); a few numbers, not "III.1 … III.35"
    assert f"({TITLE})" in text
    assert "• 35 nhiệm vụ (mục III.1, III.2, III.3, III.4 và 31 mục khác) — chưa cập nhật 31, đang thực hiện 4" in text
    assert "• Mục III.2" not in text and "/viec" in text
    assert [a.label for row in message.actions for a in row] == ["Mục VI.1"], "a button for what is listed only"
    assert len(text) < 1200


def test_a_few_check_ins_are_still_listed_with_their_buttons() -> None:
    checkins = [line(f"2.{i}") for i in range(1, texts.CHECKIN_LISTED + 1)]
    message = digest_message(view(checkins), buttons=True)
    assert all(f"• Mục 2.{i}:" in message.text for i in range(1, texts.CHECKIN_LISTED + 1))
    assert len([a for row in message.actions for a in row]) == texts.CHECKIN_LISTED


def test_a_colleague_covering_is_named_once_when_every_line_is_theirs() -> None:
    text = texts.digest_text(view([line(f"2.{i}", cover="Bùi Văn Lực") for i in range(1, 6)]), buttons=True)
    assert text.count("Bùi Văn Lực") == 1 and "theo dõi thay đ/c Bùi Văn Lực nghỉ phép" in text
    mixed = texts.digest_text(view([line("2.1", cover="Bùi Văn Lực"), line("2.2")]), buttons=True)
    assert "• Mục 2.1: Nhiệm vụ số 2.1 của phòng (thay đ/c Bùi Văn Lực nghỉ phép)" in mixed


def test_the_break_ahead_is_said_once_at_the_end() -> None:
    ahead = DigestView(digest_id=1, day=dt.date(2027, 2, 3), recipient_name="Nguyễn Văn Công",
                       lines=(line("II.5", category="due_soon", due=dt.date(2027, 2, 5)),),
                       break_ahead=(dt.date(2027, 2, 4), "nghỉ Tết", dt.date(2027, 2, 11)))
    text = texts.digest_text(ahead, buttons=True)
    assert text.endswith("(Từ thứ Năm 04/02 đến hết thứ Tư 10/02/2027 nghỉ Tết; Nhắc việc tạm nghỉ và nhắc tiếp "
                         "vào thứ Năm, 11/02/2027.)")


def test_a_draft_task_shown_whole_says_where_a_deadline_on_a_day_off_runs() -> None:
    """"xem 5" in a draft: the same note as the preview ("rơi vào ngày nghỉ Tết, tính đến hết …")."""
    from scheduler.calendar import WorkingCalendar
    from storage.parsed import ParsedTask

    task = ParsedTask(ref="II.5", text="Rà soát các dự án", lead=("Phòng Quản lý Công nghiệp",),
                      due=dt.date(2027, 2, 5), due_text="trước ngày 05/02/2027")
    text = texts.draft_task_text(5, task, today=dt.date(2027, 1, 19),
                                 explain=WorkingCalendar().explain_deadline)
    assert "(hạn 05/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027)" in text


def test_the_confirmation_names_each_recurring_items_first_round() -> None:
    from storage.notices import Registered

    result = Registered(notice_id=1, title=TITLE, task_count=2, assigned=[("II.9", "Lê Văn Hợp")], unassigned=[])
    text = texts.registered_text(result, rounds=[("II.9", "hạn 10/02/2027", dt.date(2027, 2, 10)),
                                                 ("II.10", "quý I/2027", dt.date(2027, 3, 15))])
    assert text.endswith("Nhiệm vụ định kỳ, kỳ đầu:\n• Mục II.9: kỳ hạn 10/02/2027\n"
                         "• Mục II.10: kỳ quý I/2027, hạn 15/03/2027")


def test_check_ins_of_two_notices_are_counted_under_each_title() -> None:
    other = "Thông báo số 5/TB-SCT ngày 02/01/2027"
    lines = [line(f"III.{i}") for i in range(1, texts.CHECKIN_LISTED + 1)] + [
        DigestLine(**{**line(f"2.{i}").__dict__, "notice_title": other}) for i in range(1, 4)]
    text = texts.digest_text(view(lines), buttons=True)
    assert f"• {TITLE}: {texts.CHECKIN_LISTED} nhiệm vụ (mục III.1, III.2, III.3, III.4 và " \
           f"{texts.CHECKIN_LISTED - 4} mục khác)" in text
    assert f"• {other}: 3 nhiệm vụ (mục 2.1, 2.2, 2.3)" in text


def test_a_deadline_on_a_day_off_is_said_on_its_own_line() -> None:
    """Probe 20 F20: "hạn 11/02/2027, còn 3 ngày làm việc" and under it "(hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính
    đến hết 11/02/2027)" in every digest: one line says both."""
    note = "hạn 10/02/2027 rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027"
    soon = dataclasses.replace(line("2.c", category="due_soon", due=dt.date(2027, 2, 10)),
                               effective_due_on=dt.date(2027, 2, 11), deadline_note=note, working_days_left=3)
    today = dataclasses.replace(soon, category="due_today", working_days_left=0)
    for item, said in ((soon, "  hạn 10/02/2027 (rơi vào ngày nghỉ Tết, tính đến hết 11/02/2027), còn 3 ngày làm việc"),
                       (today, "  hạn hôm nay 11/02/2027 (hạn 10/02/2027 rơi vào ngày nghỉ Tết)")):
        text = texts.digest_text(DigestView(digest_id=1, day=dt.date(2027, 2, 3), recipient_name="Lê Văn Hợp",
                                            lines=(item,)), buttons=True)
        assert any(row.startswith(said) for row in text.splitlines()), text
        assert note not in text
