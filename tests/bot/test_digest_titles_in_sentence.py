"""A notice's descriptive title reads lower case inside a sentence (`title_in_sentence`): the digests said "[Thông báo
về cuộc làm việc …]" and "(Các nhiệm vụ dưới đây thuộc Thông báo về …)" mid-sentence; a numbered document and a
line's start keep their capital. The admins' weekly office line says a unit's items as runs (`items_said`), not
"1, 2, 3, 4, … (9 mục)"; the advice on items given to a vague group too."""

from __future__ import annotations

import datetime as dt
import itertools

from bot import texts
from scheduler.dispatcher import DigestLine, DigestView, OfficeLine
from storage.models import TaskStatus
from storage.reports import DigestItem, DigestRequest, WeeklyDigest

ABOUT = "Thông báo về cuộc làm việc ngày 22/04/2026"
NUMBERED = "Thông báo số 45/TB-UBND ngày 05/03/2026"
_ids = itertools.count(1)


def line(ref: str, title: str) -> DigestLine:
    return DigestLine(task_id=next(_ids), item_ref=ref, task_text=f"Nhiệm vụ số {ref} của phòng", notice_title=title,
                      category="overdue", due_on=dt.date(2026, 5, 4), effective_due_on=dt.date(2026, 5, 4),
                      deadline_note=None, days_left=None, working_days_left=None, days_late=3, weekly=False,
                      status=TaskStatus.OPEN, percent=None, escalation=None, assignee_name=None, lead_unit=None)


def view(lines: list[DigestLine]) -> DigestView:
    return DigestView(digest_id=1, day=dt.date(2026, 5, 7), recipient_name="Nguyễn Văn Công", lines=tuple(lines))


def test_the_morning_digest_labels_a_descriptive_title_in_lower_case() -> None:
    text = texts.digest_text(view([line("1", ABOUT), line("2", NUMBERED)]), buttons=True)
    assert "[thông báo về cuộc làm việc ngày 22/04/2026]" in text, text
    assert f"[{NUMBERED}]" in text, text  # a numbered document keeps its capital
    alone = texts.digest_text(view([line("1", ABOUT)]), buttons=True)
    assert f"({ABOUT})" in alone, alone  # a line of its own: capitalised


def item(ref: str, notice: str) -> DigestItem:
    return DigestItem(item_ref=ref, notice=notice, text=f"Nhiệm vụ {ref}", unit="Sở Xây dựng", assignee="",
                      due_on=dt.date(2026, 5, 4))


DAY = dt.date(2026, 5, 8)


def test_the_weekly_digest_names_a_descriptive_title_in_lower_case_mid_sentence() -> None:
    pending = DigestRequest(item_ref="3", notice=ABOUT, requester="Trần Văn Môi", current_due=dt.date(2026, 5, 4),
                            requested_due=dt.date(2026, 5, 29))
    one = WeeklyDigest(since=dt.date(2026, 5, 2), until=DAY, done=[], newly_overdue=[item("1", ABOUT)],
                       still_overdue=[], pending=[pending], blocked=[item("2", ABOUT)])
    text = texts.weekly_digest_text(one, "Huỳnh Thanh Cảnh")
    assert "(Các nhiệm vụ dưới đây thuộc thông báo về cuộc làm việc ngày 22/04/2026.)" in text, text
    assert "• Mục 1: Nhiệm vụ 1" in text and "• Mục 3 — " not in text and "• Mục 3: đ/c Trần Văn Môi" in text, text
    several = WeeklyDigest(since=dt.date(2026, 5, 2), until=DAY, done=[], still_overdue=[], pending=[pending],
                           newly_overdue=[item("1", ABOUT), item("4", NUMBERED)], blocked=[item("2", ABOUT)])
    text = texts.weekly_digest_text(several, "Huỳnh Thanh Cảnh")
    assert "• Mục 1 (thông báo về cuộc làm việc ngày 22/04/2026): Nhiệm vụ 1" in text, text
    assert f"• Mục 4 ({NUMBERED}): Nhiệm vụ 4" in text, text
    assert "• Mục 2 (thông báo về cuộc làm việc ngày 22/04/2026): Sở Xây dựng" in text, text
    assert "• Mục 3 (thông báo về cuộc làm việc ngày 22/04/2026): đ/c Trần Văn Môi" in text, text


def test_the_item_status_answer_labels_in_lower_case() -> None:
    rows = [texts.ItemRow(notice=ABOUT, unit="Sở Xây dựng", assignee=None, status=TaskStatus.OPEN, percent=None,
                          due_on=None, done_on=None),
            texts.ItemRow(notice=NUMBERED, unit="Sở Tài chính", assignee=None, status=TaskStatus.OPEN, percent=None,
                          due_on=None, done_on=None)]
    text = texts.item_status_answer("1", rows, DAY)
    assert "• Sở Xây dựng [thông báo về cuộc làm việc ngày 22/04/2026] — " in text, text
    assert f"• Sở Tài chính [{NUMBERED}] — " in text, text


def test_the_office_line_says_a_units_items_as_runs() -> None:
    since = dt.date(2026, 5, 4)
    refs = ", ".join(f"II.2.{c}" for c in "abcdeg") + ", III.1, III.4"
    section = texts.office_waiting_section([OfficeLine(what="nobody", ref=refs, unit="Sở Xây dựng", since=since)])
    assert "• Sở Xây dựng: mục II.2.a–g, III.1 và III.4 (8 nhiệm vụ) chưa có người nhận — từ 04/05/2026" in section, \
        section
    # items of two notices: no run across them ("1, 2" of one and "3" of the other are not "1–3")
    two = OfficeLine(what="nobody", ref="1, 2, 3", unit="Sở Xây dựng", since=since, breaks=(2,))
    assert "• Sở Xây dựng: mục 1, 2 và 3 chưa có người nhận — từ 04/05/2026" in texts.office_waiting_section([two])


def test_the_vague_group_advice_says_items_as_runs() -> None:
    advice = texts.vague_group_advice(["III.1.a", "III.1.b", "III.1.c", "III.1.d", "III.7"])
    assert advice.startswith("Mục III.1.a–d và III.7 (5 nhiệm vụ) giao cho nhóm đơn vị chung"), advice
