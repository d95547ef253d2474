"""Round 21: a ward's or commune's own team written in lower case ("tổ tự quản môi trường", "tổ hòa giải") is a unit
of its own in a list — "Ủy ban MTTQ phường, tổ tự quản môi trường và các đoàn thể" is three leads, not the front's
name running on into the team's."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("first", ["Ủy ban MTTQ phường", "Đoàn Thanh niên xã"])
@pytest.mark.parametrize("team", ["tổ tự quản môi trường", "tổ hòa giải", "tổ xung kích", "tổ an ninh"])
def test_a_lower_case_team_is_one_more_unit(first: str, team: str) -> None:
    text = f"Đề nghị {first}, {team} và các đoàn thể phân công đoàn viên, hội viên tham gia tổng vệ sinh."
    assert find_leads(text) == [first, team, "các đoàn thể"]


# guards: the groups "tổ dân phố" and "tổ chức …" stay where they were
@pytest.mark.parametrize("text,leads", [
    ("Đề nghị Ban Nhân dân các thôn, tổ dân phố tuyên truyền.", ["Ban Nhân dân các thôn, tổ dân phố"]),
    ("Đề nghị các cấp ủy, tổ chức đảng quán triệt Nghị quyết.", ["các cấp ủy, tổ chức đảng"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
