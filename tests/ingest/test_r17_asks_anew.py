"""Round 17: a paragraph that asks the same unit again for more work — "Đối với những vấn đề vượt thẩm quyền, Chủ tịch
UBND tỉnh yêu cầu Sở X chủ động báo cáo, đề xuất UBND tỉnh xem xét" after a paragraph asking Sở X for something else —
is a task of its own (it was merged, the two sharing a lead); a paragraph that only dates the ask before ("Đề nghị
Sở X gửi báo cáo về UBND tỉnh trước ngày 10/9") still goes with it."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Ngày 05/3/2026, UBND tỉnh có công văn về phòng, chống dịch trong trường học.

Chủ tịch UBND tỉnh yêu cầu {unit} chỉ đạo các trường học thực hiện nghiêm túc các biện pháp phòng, chống dịch bệnh \
đến tất cả các cơ sở giáo dục trên địa bàn.

{second}
"""


@pytest.mark.parametrize("unit", ["Sở Giáo dục và Đào tạo", "UBND các huyện, thành phố"])
@pytest.mark.parametrize("ask", ["Chủ tịch UBND tỉnh yêu cầu", "UBND tỉnh đề nghị", "Đồng thời, giao"])
def test_a_second_ask_to_the_same_unit_is_a_task(unit: str, ask: str) -> None:
    second = (f"Đối với những vấn đề phát sinh vượt thẩm quyền, {ask} {unit} chủ động báo cáo, đề xuất UBND tỉnh "
              "xem xét giải quyết.")
    tasks = parse_notice(NEWS.format(unit=unit, second=second)).tasks
    assert len(tasks) == 2, [t.text for t in tasks]
    assert all(list(t.lead) == [unit] for t in tasks)


def test_an_ask_that_only_dates_the_one_before_goes_with_it() -> None:
    second = "Đề nghị Sở Giáo dục và Đào tạo gửi báo cáo kết quả về UBND tỉnh trước ngày 10/4/2026."
    tasks = parse_notice(NEWS.format(unit="Sở Giáo dục và Đào tạo", second=second)).tasks
    assert len(tasks) == 1 and tasks[0].due is not None
