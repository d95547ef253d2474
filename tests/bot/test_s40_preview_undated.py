"""The preview says once, under the tasks, which of them have no deadline, instead of a “Thời hạn: không có thời hạn
cụ thể” line under each (session 40: the seed notice's preview, 13 tasks without a deadline, went from two messages
of 3,780 and 725 characters to one of 3,990). A task with a date, a recurring duty, or a time cell without a date
("Thường xuyên") keeps its own line."""

from __future__ import annotations

import datetime as dt

from bot import texts
from storage.notices import Draft
from storage.parsed import ParsedNotice, ParsedTask

UNDATED = "không có thời hạn cụ thể"


def _preview(*tasks: ParsedTask) -> str:
    draft = Draft(notice_id=1, duplicate_of=None, guesses={}, numbers=tuple(range(1, len(tasks) + 1)))
    return texts.draft_preview(ParsedNotice(number="12/TB-UBND", date=dt.date(2026, 11, 2), tasks=tasks), draft,
                               "Thông báo số 12/TB-UBND", today=dt.date(2026, 11, 30), compact=False)


def _task(ref: str, **kw: object) -> ParsedTask:
    return ParsedTask(ref=ref, text=f"Rà soát, báo cáo kết quả thực hiện nhiệm vụ số {ref}.",
                      lead=("Sở Tài chính",), **kw)  # type: ignore[arg-type]


def test_tasks_without_a_deadline_are_named_once_under_the_list() -> None:
    said = _preview(_task("1"), _task("2", due=dt.date(2026, 12, 15), due_text="trước ngày 15/12/2026"),
                    _task("3"), _task("4"))
    assert f"Thời hạn: {UNDATED}" not in said
    assert "• Thời hạn: 15/12/2026 (“trước ngày 15/12/2026”)" in said
    assert f"Nhiệm vụ 1, 3, 4 {UNDATED}: Nhắc việc đề nghị cập nhật tiến độ 10 ngày làm việc một lần." in said


def test_when_no_task_has_a_deadline_the_line_says_all_of_them() -> None:
    said = _preview(_task("1"), _task("2"), _task("3"))
    assert said.count(UNDATED) == 1
    assert f"Các nhiệm vụ trên {UNDATED}: Nhắc việc đề nghị" in said


def test_one_task_without_a_deadline_is_named_by_its_number() -> None:
    said = _preview(_task("1", due=dt.date(2026, 12, 15)), _task("2"))
    assert f"Nhiệm vụ 2 {UNDATED}: Nhắc việc đề nghị" in said


def test_a_time_cell_without_a_date_keeps_its_own_line() -> None:
    said = _preview(_task("1", due_text="Thường xuyên"), _task("2", due=dt.date(2026, 12, 15)))
    assert f"• Thời hạn: {UNDATED} (“Thường xuyên”)" in said
    assert f"Nhiệm vụ 1 {UNDATED}: Nhắc việc đề nghị" in said


def test_every_task_with_a_deadline_says_no_undated_line() -> None:
    said = _preview(_task("1", due=dt.date(2026, 12, 15)), _task("2", due=dt.date(2026, 12, 20)))
    assert UNDATED not in said


def test_undated_tasks_scattered_over_a_long_plan_are_counted() -> None:
    tasks = [_task(str(i), due=dt.date(2026, 12, 15) if i % 2 else None) for i in range(1, 21)]
    said = _preview(*tasks)
    assert f"10 nhiệm vụ {UNDATED}: Nhắc việc đề nghị" in said
