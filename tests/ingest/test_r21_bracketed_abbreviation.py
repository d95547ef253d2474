"""Round 21: an abbreviation in brackets inside a unit's name ("Ban Chỉ huy PCTT và tìm kiếm cứu nạn (TKCN) các
tỉnh", "Ủy ban nhân dân (UBND) các huyện") does not end the name, so the doer is no longer lost; a sentence that
tells what a unit did ("… (PCTT) vừa có văn bản gửi …") still names no doer."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("name,abbr,tail", [
    ("Ban Chỉ huy PCTT và tìm kiếm cứu nạn", "TKCN", "các tỉnh, thành phố"),
    ("Ủy ban nhân dân", "UBND", "các huyện"),
    ("Ban chỉ huy Phòng chống thiên tai", "PCTT", "tỉnh"),
])
@pytest.mark.parametrize("opening", ["", "Theo đó, "])
def test_a_bracketed_abbreviation_stays_inside_the_name(name: str, abbr: str, tail: str, opening: str) -> None:
    text = f"{opening}{name} ({abbr}) {tail} tăng cường chỉ đạo công tác truyền thông, cắm biển cảnh báo."
    assert find_leads(text) == [f"{name} {tail}"]


# guards: an account of what the unit did asks nobody; a trailing abbreviation is read as before
@pytest.mark.parametrize("text,leads", [
    ("Ban Chỉ đạo Trung ương về Phòng chống thiên tai (PCTT) vừa có văn bản gửi tới các tỉnh về tăng cường "
     "công tác phòng ngừa.", []),
    ("Giao Sở Giáo dục và Đào tạo (GDĐT) chủ trì tổ chức kỳ thi.", ["Sở Giáo dục và Đào tạo"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
