"""Lead 18: a day named with the hour and the part of the day before it is still the day the work is due:
"trước 9h sáng ngày 27/9", "vào sáng ngày 24/8/2025", "vào lúc 16h chiều thứ Bảy, ngày 27/12"."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest import parse_notice
from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2025, 8, 20)


@pytest.mark.parametrize("part", ["sáng", "chiều", "tối", "trưa"])
@pytest.mark.parametrize("phrase,due", [
    ("trước 9h {part} ngày 27/9", dt.date(2025, 9, 27)),
    ("trước 9 giờ {part} ngày 27/9/2025", dt.date(2025, 9, 27)),
    ("trước {part} ngày 05/10/2025", dt.date(2025, 10, 5)),
    ("vào {part} ngày 24/8/2025", dt.date(2025, 8, 24)),
    ("vào lúc 16h {part} thứ Bảy, ngày 27/12", dt.date(2025, 12, 27)),
    ("vào lúc 7 giờ 30 {part} Chủ nhật ngày 31/8", dt.date(2025, 8, 31)),
    ("chậm nhất {part} ngày 15 tháng 9 năm 2025", dt.date(2025, 9, 15)),
])
def test_the_hour_and_part_of_the_day_before_the_day(part: str, phrase: str, due: dt.date) -> None:
    text = f"Các cơ quan, đơn vị đồng loạt ra quân tổng vệ sinh môi trường, hoàn thành {phrase.format(part=part)}."
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == due, found


def test_the_day_of_a_clean_up_is_the_tasks_due_date_in_a_notice() -> None:
    notice = ("UBND XÃ AN HÒA\nSố: 120/TB-UBND\nAn Hòa, ngày 20 tháng 8 năm 2025\nTHÔNG BÁO\n"
              "Về việc ra quân tổng vệ sinh môi trường\n\n"
              "1. Đề nghị các cơ quan, đơn vị và Ban Nhân dân các thôn đồng loạt ra quân dọn vệ sinh, diệt lăng "
              "quăng, bọ gậy vào sáng ngày 24/8/2025 (Chủ nhật).\n")
    tasks = parse_notice(notice).tasks
    assert [t.due for t in tasks] == [dt.date(2025, 8, 24)], [(t.text, t.due) for t in tasks]


# guards: a meeting on a morning is not a deadline; a day that is already past for "vào" is not one either
@pytest.mark.parametrize("text", [
    "Hội nghị sơ kết sẽ được tổ chức vào sáng ngày 27/9/2025 tại hội trường UBND xã.",
    "Cuộc họp diễn ra vào chiều ngày 29/8/2025.",
    "UBND xã đã ra quân dọn vệ sinh vào sáng ngày 10/8/2025.",
])
def test_guards(text: str) -> None:
    assert pick_deadline(text, issued_on=ISSUED) is None
