"""Round 22: a month or quarter without its year ("trong tháng 12", "trong quý IV") in a sentence that asks work now
is its deadline even when the sentence names the work by when it was set — "… 12 nhiệm vụ mà UBND Thị xã đã đề ra",
"… các chỉ tiêu đã được giao" (before, any "đã" in the sentence read it as a past account and dropped the date)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.ingest.dates import pick_deadline

ISSUED = dt.date(2019, 12, 6)


@pytest.mark.parametrize("period,due", [("trong tháng 12", dt.date(2019, 12, 31)),
                                        ("trong quý IV", dt.date(2019, 12, 31))])
@pytest.mark.parametrize("set_work", ["12 nhiệm vụ mà UBND Thị xã và đồng chí Chủ trì đã đề ra",
                                      "các chỉ tiêu đã được giao từ đầu năm", "kế hoạch đã được phê duyệt"])
def test_work_named_by_when_it_was_set_keeps_the_period(period: str, due: dt.date, set_work: str) -> None:
    text = (f"Vì vậy, nhiệm vụ trọng tâm {period} là các phòng, ban liên quan, UBND 7 phường cần phải nỗ lực hơn nữa "
            f"để thực hiện tốt {set_work}.")
    found = pick_deadline(text, issued_on=ISSUED)
    assert found is not None and found.due == due, found


# guard: a period told as done stays no deadline
@pytest.mark.parametrize("text", [
    "Trong tháng 12, các phòng, ban đã tổ chức kiểm tra 45 cơ sở kinh doanh trên địa bàn.",
    "Trong quý IV, UBND các phường đã hoàn thành các chỉ tiêu đã được giao từ đầu năm.",
])
def test_a_period_told_as_done_is_no_deadline(text: str) -> None:
    assert pick_deadline(text, issued_on=ISSUED) is None
