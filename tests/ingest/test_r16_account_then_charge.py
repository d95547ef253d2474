"""Round 16: a paragraph that opens with an account ("UBND tỉnh vừa quyết định thành lập 503 tổ …") and then charges
a unit ("Chủ tịch UBND các huyện có trách nhiệm chỉ đạo …") holds that unit's task, also where a heading-like line
(a news item's byline in capitals) puts the paragraph before the first item of a tree."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """{issuer} vừa quyết định thành lập 503 tổ bảo vệ an ninh, trật tự gồm 2.639 thành viên. {unit} có trách \
nhiệm chỉ đạo UBND các xã, phường, thị trấn ban hành quyết định thành lập tổ bảo vệ an ninh, trật tự; bố trí địa \
điểm làm việc của tổ.

Trong trường hợp quy mô dân số thay đổi, cần điều chỉnh số lượng thành viên, {unit2} báo cáo {issuer} xem xét.

{byline}
"""


@pytest.mark.parametrize("byline", ["LÊ NGUYỄN", "BAN BIÊN TẬP"])
@pytest.mark.parametrize(("issuer", "unit", "unit2"), [
    ("UBND tỉnh", "Chủ tịch UBND các huyện, thị xã, thành phố", "UBND các huyện, thị xã, thành phố"),
    ("UBND thành phố", "Chủ tịch UBND các quận, huyện", "UBND các quận, huyện"),
])
def test_the_charged_unit_after_an_account(byline: str, issuer: str, unit: str, unit2: str) -> None:
    tasks = parse_notice(NEWS.format(issuer=issuer, unit=unit, unit2=unit2, byline=byline)).tasks
    got = [(t.text, t.lead) for t in tasks]
    charged = [lead for text, lead in got if "ban hành quyết định thành lập tổ" in text]
    assert charged and charged[0] == (unit,), got
    assert not any(text.startswith(issuer + " vừa quyết định") for text, _ in got), got
