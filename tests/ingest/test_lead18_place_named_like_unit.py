"""Lead 18: in a list of named localities ("UBND các xã Phú Lai, Đoàn Kết, Hữu Lợi"), a place whose name opens with
a word that also opens a unit's name ("Đoàn Kết", "Hội Hợp", "Đồng Tâm") is one more locality of the list, not a
unit of its own: a place capitalises every syllable, a unit goes on in lower case ("Đoàn Thanh niên", "Hội Nông
dân")."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads

PLACES = [["Phú Lai", "Đoàn Kết", "Hữu Lợi"], ["Đoàn Kết", "Hội Hợp"], ["Tân Lập", "Hội Hợp", "Đồng Tâm"]]


@pytest.mark.parametrize("places", PLACES)
@pytest.mark.parametrize("level", ["xã", "phường"])
@pytest.mark.parametrize("title", ["", "Chủ tịch "])
def test_every_named_locality_is_a_member(places: list[str], level: str, title: str) -> None:
    listed = ", ".join(places)
    leads = find_leads(f"UBND huyện giao {title}UBND các {level} {listed} chịu trách nhiệm thông báo đến người dân.")
    assert leads == [f"{title}UBND {level} {p}" for p in places]


# guards: a unit after the localities is still a unit; ministries listed by field keep their own rule
@pytest.mark.parametrize("text,leads", [
    ("Giao UBND các xã Phú Lai, Hội Nông dân xã tuyên truyền.", ["UBND xã Phú Lai", "Hội Nông dân xã"]),
    ("Giao UBND các xã Phú Lai, Đoàn Thanh niên xã ra quân.", ["UBND xã Phú Lai", "Đoàn Thanh niên xã"]),
    ("Đề nghị các Sở: Y tế, Công an tỉnh thực hiện.", ["Sở Y tế", "Công an tỉnh"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
