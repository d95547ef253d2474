"""Round 17: a reply that tells, in the passive, whom the issue was handed to — "Kiến nghị của cử tri đã được UBND
tỉnh chỉ đạo Sở Xây dựng kiểm tra, giải quyết …", "Một số vấn đề sẽ được Huyện ủy chỉ đạo các cơ quan chuyên môn
giải quyết trong quý II" — is led by the unit directed (the labels' convention for replies to citizens), as the
active "UBND tỉnh đã chỉ đạo Sở X …" is."""

from __future__ import annotations

import pytest

from bot.ingest.units import STRONG, find_leads_ranked


@pytest.mark.parametrize("topic", ["Kiến nghị của cử tri xã Hải Ba", "Nội dung phản ánh của công dân",
                                   "Một số vấn đề cử tri nêu"])
@pytest.mark.parametrize(("tense", "who"), [("đã", "UBND tỉnh"), ("sẽ", "Huyện ủy"), ("", "Chủ tịch UBND huyện")])
@pytest.mark.parametrize("unit", ["Sở Xây dựng", "các cơ quan chuyên môn", "UBND huyện Hải Lăng"])
def test_the_unit_directed_leads(topic: str, tense: str, who: str, unit: str) -> None:
    text = f"{topic} {tense} được {who} chỉ đạo {unit} kiểm tra, giải quyết dứt điểm trong quý II.".replace("  ", " ")
    leads, strength = find_leads_ranked(text)
    assert leads == [unit] and strength >= STRONG


def test_what_a_unit_is_praised_for_names_no_doer() -> None:
    # ("được … đánh giá cao" is no direction)
    assert find_leads_ranked("Mô hình này đã được UBND tỉnh đánh giá cao trong năm qua.")[0] == []
