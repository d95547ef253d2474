"""Ways of writing a status reply that the third blind held-out set (tests/replies/heldout-3.jsonl) showed the bot
did not read, each in its general form: what the work lacks said as the reason it is held up ("chưa có kinh phí",
"không có dữ liệu để làm", "chưa <làm việc gì> được", "chờ … bố trí vốn"); a share said as so many of so many
counted things ("12/18 thôn", "3 trên 5 nội dung") or as a range ("60-70%": the lower)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.replies import parse_status_text
from storage.models import TaskStatus

TODAY = dt.date(2026, 11, 4)  # a Wednesday
DUE = dt.date(2026, 11, 20)
D, P, B, E, N = (TaskStatus.DONE, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.EXTENSION_REQUESTED,
                 TaskStatus.OPEN)


def _read(text: str) -> tuple[TaskStatus | None, int | None, dt.date | None]:
    change = parse_status_text(text, today=TODAY, current_due=DUE)
    assert change is not None
    return change.status, change.percent, change.requested_due_on


@pytest.mark.parametrize("text", [
    "chưa có kinh phí nên chưa làm",
    "ko co kinh phi a",
    "không có dữ liệu để làm ạ",
    "chưa được bố trí vốn",
    "chưa có hướng dẫn nên chưa triển khai",
    "chưa nhập liệu được",
    "nhà thầu chưa thi công được",
    "đang chờ UBND tỉnh bố trí vốn",
    "đang chờ bên tài chính cấp kinh phí",
])
def test_what_the_work_lacks_holds_it_up(text: str) -> None:
    assert _read(text)[0] == B


@pytest.mark.parametrize(("text", "status"), [
    ("chưa làm được gì", N),  # nothing done yet
    ("đã có kinh phí, đang triển khai", P),
    ("chưa xong được ạ", None),
])
def test_not_held_up(text: str, status: TaskStatus | None) -> None:
    assert _read(text)[0] == status


@pytest.mark.parametrize(("text", "percent"), [
    ("đang triển khai, đã khảo sát xong 12/18 thôn", 67),
    ("đã thu được 15/20 hồ sơ", 75),
    ("7/10 xã đã hoàn thành", 70),
    ("đã làm được 3 trên 5 nội dung", 60),
    ("đã cấp 35 giấy chứng nhận trên tổng số 50 hồ sơ", 70),
    ("đạt khoảng 60-70% khối lượng", 60),
    ("đang làm, tầm 40 - 50 %", 40),
])
def test_a_share_of_counted_things_is_progress(text: str, percent: int) -> None:
    assert _read(text)[:2] == (P, percent)


@pytest.mark.parametrize("text", [
    "ngày 7/10 xã họp, đang làm",  # a date
    "đến 12/5 các xã nộp, đang làm",
    "đang làm, 20/12 thôn có mặt",  # more than all: no share
])
def test_a_date_or_an_impossible_count_is_no_share(text: str) -> None:
    assert _read(text)[:2] == (P, None)
