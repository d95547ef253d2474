"""Round 21: two titles of the heads of one group ("giám đốc, thủ trưởng các sở, ban, ngành", "thủ trưởng, người đứng
đầu các cơ quan, đơn vị") are one lead as written, and a bare first title is no longer dropped."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("titles", ["giám đốc, thủ trưởng", "Giám đốc, Thủ trưởng", "thủ trưởng, người đứng đầu"])
@pytest.mark.parametrize("group", ["các sở, ban, ngành thành phố", "các cơ quan, đơn vị"])
def test_two_titles_of_one_group(titles: str, group: str) -> None:
    text = f"Chủ tịch UBND tỉnh yêu cầu {titles} {group} tập trung theo dõi, cập nhật tình hình mưa lũ."
    assert find_leads(text) == [f"{titles} {group}"]


def test_two_titles_then_another_group() -> None:
    text = ("Yêu cầu giám đốc, thủ trưởng các sở, ban, ngành, chủ tịch UBND các phường, xã chủ động ứng phó với "
            "bão.")
    assert find_leads(text) == ["giám đốc, thủ trưởng các sở, ban, ngành", "chủ tịch UBND các phường, xã"]


# guards: titles each with its own group stay two leads
@pytest.mark.parametrize("text,leads", [
    ("Yêu cầu giám đốc các sở, chủ tịch UBND các huyện triển khai thực hiện.",
     ["giám đốc các sở", "chủ tịch UBND các huyện"]),
    ("Giao Giám đốc Sở Y tế, Giám đốc Sở Tài chính phối hợp thực hiện.", ["Giám đốc Sở Y tế", "Giám đốc Sở Tài chính"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
