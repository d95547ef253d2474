"""A deadline written as before a holiday ("hoàn thành trước Tết Dương lịch", "xong trước ngày Quốc khánh 02/9")
is the last working day before it: the holiday is a day off, and a deadline on a day off would run on past the
break (probe 14, finding 5). A deadline that is only on a holiday ("trước ngày 01/01/2027") keeps the rule that
it runs to the next working day; an admin's day off before the holiday counts."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from tests.bot.conftest import last_text
from tests.conftest import DIRECTORY_CSV, local


def _notice(item: str, *, day: str = "30 tháng 11 năm 2026") -> str:
    return "\n".join(["UBND TỈNH PHÚ THỌ", "Số: 215/TB-UBND", f"Phú Thọ, ngày {day}", "THÔNG BÁO",
                      "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tháng 11", f"1. {item}", ""])


@pytest.mark.parametrize(("item", "day", "due"), [
    ("Giao Ban Dân vận Tỉnh ủy rà soát hồ sơ, hoàn thành trước Tết Dương lịch 2027.", "30 tháng 11 năm 2026",
     "31/12/2026"),
    ("Giao Ban Dân vận Tỉnh ủy chuyển quà đến người dân, xong trước ngày Quốc khánh 02/9/2025.",
     "28 tháng 8 năm 2025", "29/08/2025"),  # 1 and 2/9/2025 off, 30 and 31/8 a weekend
    ("Giao Ban Dân vận Tỉnh ủy chuẩn bị quà tặng gia đình chính sách, hoàn thành trước Tết Nguyên đán.",
     "10 tháng 12 năm 2026", "03/02/2027"),  # Tết Đinh Mùi: 04/02–10/02/2027 off
    ("Giao Ban Dân vận Tỉnh ủy báo cáo kết quả trước ngày 01/01/2027.", "30 tháng 11 năm 2026", "01/01/2027"),
])
async def test_a_deadline_before_a_holiday_is_the_last_working_day_before_it(
        db_url: str, item: str, day: str, due: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2025, 8, 28, 9, 0) if "2025" in day else
                                               local(2026, 11, 30, 9, 0) if "11 năm" in day else
                                               local(2026, 12, 10, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", _notice(item, day=day))
        preview = last_text(h, "admin")
        assert f"• Thời hạn: {due} (“" in preview, preview
    finally:
        await h.stop()
