"""Round 11 (chosen after batch-q's first look): "tham mưu" after an advisory body is its work when nothing says
the body is one that advises and assists ("tham mưu, giúp việc …"): "Cơ quan chuyên môn tham mưu chỉ đạo …" is led
by "Cơ quan chuyên môn", not by "Cơ quan chuyên môn tham mưu"."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked, name_prefix


@pytest.mark.parametrize(("text", "name"), [
    ("Cơ quan chuyên môn tham mưu chỉ đạo thực hiện công tác phòng chống rét", "Cơ quan chuyên môn"),
    ("Bộ phận chuyên môn tham mưu UBND xã ban hành kế hoạch", "Bộ phận chuyên môn"),
    ("Các cơ quan chuyên môn tham mưu UBND huyện kiểm tra", "Các cơ quan chuyên môn"),
    # the kind of body: advising and assisting a committee
    ("các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy tỉnh tổ chức quán triệt",
     "các cơ quan chuyên trách tham mưu, giúp việc Đảng ủy tỉnh"),
    ("các cơ quan tham mưu giúp việc Huyện ủy triển khai", "các cơ quan tham mưu giúp việc Huyện ủy"),
    ("Các cơ quan tham mưu và giúp việc Tỉnh ủy rà soát", "Các cơ quan tham mưu và giúp việc Tỉnh ủy"),
])
def test_advising_is_the_work_unless_the_body_is_one_that_advises_and_assists(text: str, name: str) -> None:
    assert name_prefix(text) == name
    assert find_leads_ranked(text)[0] == [name]
