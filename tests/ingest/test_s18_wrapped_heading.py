"""A unit heading that wraps onto a second line inside its list of units — "17. UBND các phường: Ba Đình, Văn
Miếu –" / "Quốc Tử Giám, Từ Liêm và UBND xã Bát Tràng." — leads the items below with every unit of both lines, not
only those of the first line."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NOTICE = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 120/KH-UBND
An Bình, ngày 5 tháng 3 năm 2026
KẾ HOẠCH
Tổ chức Lễ hội Văn hóa năm 2026

III. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch
- Chủ trì xây dựng kịch bản chương trình, trình UBND tỉnh trước ngày 20/3/2026.
2. UBND các phường: Bắc Sơn, Nam Sơn, Tân Phong{end}
{second}
- Phối hợp với Sở Văn hóa, Thể thao và Du lịch chuẩn bị các điều kiện cần thiết phục vụ Lễ hội.
- Bảo đảm an ninh trật tự, vệ sinh môi trường trên địa bàn trước, trong và sau Lễ hội.
"""


@pytest.mark.parametrize("end", [",", " –", " -"])
def test_the_units_of_the_wrapped_line_lead_too(end: str) -> None:
    text = NOTICE.format(end=end, second="Đông Hải và UBND xã Hòa Bình.")
    tasks = [t for t in parse_notice(text).tasks if t.ref.startswith("III.2")]
    assert len(tasks) == 2, [(t.ref, t.text) for t in tasks]
    for t in tasks:
        leads = " | ".join(t.lead)
        assert "Tân Phong" in leads and "UBND xã Hòa Bình" in leads, t.lead


# guard: a heading that ends on a unit name keeps its own line; the next line is the item's body
def test_a_heading_that_ends_cleanly_reads_one_line() -> None:
    text = NOTICE.format(end="", second="- Tổ chức tuyên truyền về Lễ hội trên hệ thống loa truyền thanh.")
    tasks = [t for t in parse_notice(text).tasks if t.ref.startswith("III.2")]
    assert tasks and all("Tân Phong" in " | ".join(t.lead) for t in tasks), [(t.ref, t.lead) for t in tasks]
    assert not any("Tổ chức tuyên truyền" in u for t in tasks for u in t.lead)
