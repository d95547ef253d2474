"""Round 21: a group named by a long list of its kinds ("các tổ chức, cơ quan, đơn vị, doanh nghiệp, trường học, tổ dân
phố và nhân dân trên địa bàn phường", past 90 characters) is still one lead, not dropped for its length."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads

LONG_GROUPS = [
    "các tổ chức, cơ quan, đơn vị, doanh nghiệp, trường học, tổ dân phố và nhân dân trên địa bàn phường",
    "các cơ quan, đơn vị, doanh nghiệp, trường học, hộ kinh doanh và nhân dân trên địa bàn thị trấn",
    "Các cơ quan, tổ chức, đơn vị, doanh nghiệp, cơ sở kinh doanh và hộ gia đình trên địa bàn huyện",
]


@pytest.mark.parametrize("group", LONG_GROUPS)
@pytest.mark.parametrize("ask", ["Đề nghị", "UBND xã thông báo và đề nghị"])
def test_a_long_list_of_kinds_is_one_lead(group: str, ask: str) -> None:
    assert len(group) > 90
    text = f"{ask} {group[0].lower() + group[1:]} treo cờ Tổ quốc từ ngày 09/10/2023 đến hết ngày 11/10/2023."
    assert find_leads(text) == [group[0].lower() + group[1:]]


# guards: a long text that is no list of kinds still gives no 100-character lead
@pytest.mark.parametrize("text,leads", [
    ("Đề nghị các cơ quan, đơn vị treo cờ Tổ quốc.", ["các cơ quan, đơn vị"]),
    ("Đề nghị các đơn vị thuộc và trực thuộc Sở Nông nghiệp và Phát triển nông thôn có trụ sở đóng trên địa bàn "
     "thành phố Đà Lạt treo cờ.", []),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
