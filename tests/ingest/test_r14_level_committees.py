"""Round 14: the Party committees of the local levels listed after "các" are one group, as the levels themselves are
("UBND các huyện, thị xã"): "các huyện ủy, thị ủy, thành ủy", "các quận, huyện, thị ủy", "các huyện, thành, thị ủy".
A committee named after a unit that is not such a list ("Ban Tuyên giáo Tỉnh ủy, Thành ủy X") is a unit of its own, and
so is each kind of the provincial committees ("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương", 5e68bdc).
(This reverses 5e68bdc's reading of "các huyện uỷ, thị uỷ" as two units: the labels of batches g, l and r keep the
local levels' committees whole — "huyện, thành, thị ủy", "Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế",
"các quận, huyện, thị ủy".)"""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import split_units


@pytest.mark.parametrize("group", [
    "Ban Thường vụ các huyện ủy, thị ủy, thành ủy",
    "Ban Thường vụ các huyện ủy, thị ủy, Thành ủy Huế",
    "các quận, huyện, thị ủy",
    "Ban Tuyên giáo các huyện, thành, thị ủy",
    "Thường trực các quận ủy, huyện ủy",
    "các huyện uỷ, thị uỷ",
])
def test_the_committees_of_the_levels_are_one_group(group: str) -> None:
    assert split_units(group) == [group]


@pytest.mark.parametrize(("names", "units"), [
    ("Ban Tuyên giáo Tỉnh ủy, Thành ủy Huế", ["Ban Tuyên giáo Tỉnh ủy", "Thành ủy Huế"]),
    ("UBND huyện, Huyện ủy", ["UBND huyện", "Huyện ủy"]),
])
def test_a_committee_after_a_unit_of_its_own_stays_apart(names: str, units: list[str]) -> None:
    assert split_units(names) == units


def test_the_group_leads_the_duty_it_is_asked() -> None:
    notice = parse_notice("""Ban Thường vụ Tỉnh ủy chỉ đạo tổ chức Đại hội chi bộ
Ngày 10/5, Ban Thường vụ Tỉnh ủy có văn bản chỉ đạo công tác chuẩn bị đại hội chi bộ.
Theo đó, Ban Thường vụ Tỉnh ủy yêu cầu các quận, huyện, thị ủy chỉ đạo các chi bộ trực thuộc xây dựng kế hoạch \
tổ chức đại hội, hoàn thành trước ngày 30/6/2025.
""")
    assert [t.lead for t in notice.tasks] == [("các quận, huyện, thị ủy",)]
