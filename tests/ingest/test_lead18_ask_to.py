"""Lead 18: an ask addressed "to" a group ("yêu cầu đến các cơ quan, đơn vị …", "đề nghị tới toàn thể …") asks that
group: "đến/tới" between the ask and the plural group is no reason to find no doer."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("ask", ["yêu cầu", "đề nghị"])
@pytest.mark.parametrize("to", ["đến", "tới"])
@pytest.mark.parametrize("group", ["các cơ quan, đơn vị", "các phòng, ban chuyên môn", "toàn thể cán bộ, công chức",
                                   "các xã, thị trấn"])
def test_an_ask_to_a_group_asks_that_group(ask: str, to: str, group: str) -> None:
    text = (f"Phát biểu tại Hội nghị, đồng chí Bí thư Huyện ủy {ask} {to} {group} tập trung thực hiện các nhiệm vụ "
            "chính trị năm 2026 ngay từ đầu năm.")
    assert find_leads(text) == [group]


# guards: "đến" that starts a time or a place is not the group asked
@pytest.mark.parametrize("text,leads", [
    ("Đề nghị đến năm 2030 hoàn thành việc sắp xếp.", []),
    ("Sở Y tế gửi văn bản đến các đơn vị để biết.", ["Sở Y tế"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
