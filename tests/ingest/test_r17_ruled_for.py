"""Round 17: a lead-in that sets a rule or a time limit for units — "Theo đó, thời gian quy định cho các cơ quan, đơn
vị, địa phương xây dựng kế hoạch và báo cáo gửi UBND tỉnh cụ thể như sau:" — names who does the items listed under
it, as "đề nghị X thực hiện các nội dung sau:" does."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

PAGE = """Ngày 08/5/2026, UBND tỉnh ban hành văn bản về việc xây dựng kế hoạch và báo cáo cải cách hành chính.

Theo đó, {rule} cho {units} xây dựng kế hoạch và báo cáo gửi UBND tỉnh (qua Sở Nội vụ) cụ thể như sau:
- Ban hành kế hoạch cải cách hành chính năm trước ngày 20/11 hằng năm.
- Báo cáo quý gửi trước ngày 05 tháng cuối của mỗi quý.
"""


@pytest.mark.parametrize("rule", ["thời gian quy định", "thời hạn được quy định", "Sở Nội vụ hướng dẫn"])
@pytest.mark.parametrize("units", ["các cơ quan, đơn vị, địa phương", "UBND các huyện, thị xã, thành phố"])
def test_the_units_a_rule_is_set_for_do_the_items(rule: str, units: str) -> None:
    tasks = parse_notice(PAGE.format(rule=rule, units=units)).tasks
    assert len(tasks) == 2, [t.text for t in tasks]
    assert all(list(t.lead) == [units] for t in tasks), [t.lead for t in tasks]
