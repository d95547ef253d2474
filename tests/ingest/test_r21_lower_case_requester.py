"""Round 21: a deputy's title written in lower case ("Phó chủ tịch cũng vừa yêu cầu …", "Phó giám đốc yêu cầu …") is
a requester as "Phó Chủ tịch" is: the units asked lead."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("who", ["Phó chủ tịch", "Phó giám đốc", "Phó thủ tướng"])
@pytest.mark.parametrize("how", ["", "cũng ", "cũng vừa "])
@pytest.mark.parametrize("group", ["các cơ quan chức năng", "các sở, ngành"])
def test_a_lower_case_deputy_asks(who: str, how: str, group: str) -> None:
    text = f"{who} {how}yêu cầu {group} phối hợp thực hiện nghiêm túc việc lập lại trật tự dừng, đỗ xe."
    assert find_leads(text) == [group]


# guards: a deputy who is charged is the lead; an ask with no requester before it is read as before
@pytest.mark.parametrize("text,leads", [
    ("Giao Phó Chủ tịch UBND huyện chỉ đạo các xã rà soát.", ["Phó Chủ tịch UBND huyện"]),
    ("Yêu cầu các cơ quan chức năng phối hợp thực hiện.", ["các cơ quan chức năng"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
