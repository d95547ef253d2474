"""Round 17: "Tất cả các cơ quan, các thôn, các hộ gia đình thực hiện treo cờ …" and "Toàn thể các cơ quan, đơn vị …"
name the doers as "Các cơ quan, …" does (a group word before "các")."""

from __future__ import annotations

import pytest

from bot.ingest.units import STRONG, find_leads_ranked


@pytest.mark.parametrize(("text", "leads"), [
    ("Tất cả các cơ quan, các thôn, các hộ gia đình thực hiện treo cờ Tổ quốc tại trụ sở từ ngày 30/4.",
     ["Tất cả các cơ quan", "các thôn", "các hộ gia đình"]),
    ("Tất cả cơ quan, đơn vị trên địa bàn xã tổ chức tổng vệ sinh môi trường vào sáng thứ Bảy.",
     ["Tất cả cơ quan, đơn vị trên địa bàn xã"]),
    ("Toàn thể các cơ quan, đơn vị thực hiện treo cờ Tổ quốc tại trụ sở.", ["Toàn thể các cơ quan, đơn vị"]),
])
def test_a_group_word_before_the_kinds_names_the_doers(text: str, leads: list[str]) -> None:
    got, strength = find_leads_ranked(text)
    assert got == leads and strength >= STRONG
