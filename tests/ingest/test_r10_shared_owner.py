"""Round 10, chosen on batch-p after its first look: kinds of body listed after "các" and closed by the owner they
share ("thuộc UBND tỉnh", "của tỉnh") are one group, as every labelled corpus writes them; without the shared
owner a qualified second kind is still a unit of its own. Examples written in the pattern's general form."""

from __future__ import annotations

import pytest

from bot.ingest.units import split_units


@pytest.mark.parametrize("names", [
    "các cơ quan chuyên môn, đơn vị sự nghiệp thuộc UBND tỉnh",
    "các phòng chuyên môn, đơn vị sự nghiệp trực thuộc UBND huyện",
    "Các cơ quan Báo, Đài của tỉnh",
])
def test_kinds_closed_by_a_shared_owner_are_one_group(names: str) -> None:
    assert split_units(names) == [names]


@pytest.mark.parametrize(("names", "units"), [
    ("các phòng chuyên môn, đơn vị sự nghiệp", ["các phòng chuyên môn", "đơn vị sự nghiệp"]),
    ("các cơ quan chuyên môn, UBND các huyện", ["các cơ quan chuyên môn", "UBND các huyện"]),
    ("Sở Tài chính, Sở Nội vụ thuộc UBND tỉnh", ["Sở Tài chính", "Sở Nội vụ thuộc UBND tỉnh"]),
])
def test_units_with_names_of_their_own_stay_apart(names: str, units: list[str]) -> None:
    assert split_units(names) == units
