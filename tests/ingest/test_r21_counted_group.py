"""Round 21: a group counted as written ("UBND hai phường Lạc Viên và Máy Tơ", "UBND 02 xã A, B") is one lead, as
the document names it; a body with its level said once and no count ("UBND huyện A, B và C") is still one body per
locality."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("count", ["hai", "ba", "02", "3"])
@pytest.mark.parametrize("level,names", [("phường", "Hòa Bình và Tân An"), ("xã", "Quảng Phú, Quảng Thọ"),
                                         ("huyện", "Kim Sơn, Yên Khánh và Yên Mô")])
def test_a_counted_group_is_one_lead(count: str, level: str, names: str) -> None:
    unit = f"UBND {count} {level} {names}"
    assert find_leads(f"Giao {unit} có trách nhiệm duy trì trật tự đường hè trên địa bàn.") == [unit]


# guards: the level said once, without a count, still names one body per locality
@pytest.mark.parametrize("text,leads", [
    ("Giao UBND huyện Kim Sơn, Yên Khánh và Yên Mô rà soát.",
     ["UBND huyện Kim Sơn", "UBND huyện Yên Khánh", "UBND huyện Yên Mô"]),
    ("Giao UBND tỉnh Bình Định, Phú Yên có trách nhiệm phối hợp.", ["UBND tỉnh Bình Định", "UBND tỉnh Phú Yên"]),
])
def test_guards(text: str, leads: list[str]) -> None:
    assert find_leads(text) == leads
