"""A lead-in that asks a unit and stops at the colon ("X đề nghị Sở Xây dựng:", "… đề nghị Ban Chỉ huy … các bộ,
ngành, địa phương thực hiện một số nội dung sau:"): every item below is that unit's, before the letter's
addressee. Examples written in the pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.parser import parse_notice

HEAD = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 12/UBND-VP
An Hòa, ngày 02 tháng 3 năm 2026
Kính gửi: các sở, ban, ngành tỉnh

{lead_in}

1. Rà soát các công trình xây dựng trên địa bàn.
2. Kiểm tra công tác phòng cháy, chữa cháy tại các công trình, báo cáo trước ngày 30/3/2026.
"""


@pytest.mark.parametrize(("lead_in", "leads"), [
    ("Ủy ban nhân dân tỉnh đề nghị Sở Xây dựng:", ["Sở Xây dựng"]),
    ("Văn phòng Ban Chỉ huy đề nghị Ban Chỉ huy Phòng chống thiên tai các sở, ngành, địa phương:",
     ["Ban Chỉ huy Phòng chống thiên tai các sở, ngành, địa phương"]),
    ("Ủy ban nhân dân tỉnh đề nghị Sở Tài chính, Sở Nội vụ thực hiện một số nội dung sau:",
     ["Sở Tài chính", "Sở Nội vụ"]),
    ("Để triển khai kịp thời, UBND tỉnh yêu cầu UBND các huyện, thành phố triển khai các nhiệm vụ sau đây:",
     ["UBND các huyện, thành phố"]),
])
def test_the_unit_a_lead_in_asks_leads_every_item_below(lead_in: str, leads: list[str]) -> None:
    tasks = parse_notice(HEAD.format(lead_in=lead_in)).tasks
    assert [list(t.lead) for t in tasks] == [leads, leads]
    assert {t.lead_source for t in tasks} == {"heading"}


@pytest.mark.parametrize("lead_in", [
    "Ủy ban nhân dân tỉnh đề nghị như sau:",  # nobody named
    "Ủy ban nhân dân tỉnh đề nghị ông Nguyễn Văn An:",  # a person, not a unit
])
def test_a_lead_in_that_names_no_unit_leaves_the_addressee(lead_in: str) -> None:
    tasks = parse_notice(HEAD.format(lead_in=lead_in)).tasks
    assert [(list(t.lead), t.lead_source) for t in tasks] == [(["các sở, ban, ngành tỉnh"], "addressee")] * 2
