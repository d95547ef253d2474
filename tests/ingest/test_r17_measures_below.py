"""Round 17: "… yêu cầu X thực hiện nghiêm túc các biện pháp sau:" announces the work listed below as "… các nội dung
sau:" does: the unmarked paragraphs under it are X's tasks (the first of them was read as a paragraph with no doer and
dropped)."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

LETTER = """Ngày 12/3/2026, UBND huyện ban hành công văn về phòng cháy, chữa cháy rừng mùa khô.

Để chủ động phòng cháy, chữa cháy rừng mùa khô năm 2026, Chủ tịch UBND huyện yêu cầu {unit} {verb} các biện pháp sau:
Đẩy mạnh tuyên truyền, phổ biến pháp luật về phòng cháy, chữa cháy rừng đến cán bộ và nhân dân trên địa bàn.
Kiện toàn Ban chỉ huy phòng cháy, chữa cháy rừng cấp xã, phân công thành viên phụ trách từng địa bàn.
"""


@pytest.mark.parametrize("unit", ["UBND các xã, thị trấn", "Hạt Kiểm lâm huyện"])
@pytest.mark.parametrize("verb", ["thực hiện nghiêm túc", "khẩn trương triển khai", "thực hiện tốt một số"])
def test_paragraphs_under_the_measures_are_the_asked_units_tasks(unit: str, verb: str) -> None:
    tasks = parse_notice(LETTER.format(unit=unit, verb=verb)).tasks
    first = [t for t in tasks if t.text.startswith("Đẩy mạnh tuyên truyền")]
    assert len(first) == 1, [t.text for t in tasks]
    assert list(first[0].lead) == [unit]
