"""Probe 8's smaller findings, session 46: an item named at the start of a later sentence stays in the stored note
("… ngày 29/3. Mục 7 hoàn thành." was stored as "… ngày 29/3. hoàn thành.")."""
from __future__ import annotations

import pytest

from bot.replies import find_refs


@pytest.mark.parametrize(("said", "refs"), [
    ("Phòng đã nộp hồ sơ cho Sở Nội vụ ngày 12/4. Mục 3 hoàn thành.", ["3"]),
    ("Đã tổ chức hội nghị triển khai với các xã! Mục II.4 xong", ["II.4"]),
    ("Ban đã gửi báo cáo số 45-BC/BTG lên Thường trực. Nhiệm vụ 2.1 đã hoàn thành.", ["2.1"]),
])
def test_an_item_opening_a_later_sentence_stays_in_the_note(said: str, refs: list[str]) -> None:
    assert find_refs(said) == [(refs, said)]


@pytest.mark.parametrize(("said", "refs", "note"), [
    ("Em đã hoàn thành mục 1", ["1"], "Em đã hoàn thành"),  # inside the sentence: cut out, the rest reads on
    ("Dự thảo quy chế (mục 2.2.a) đã trình Thường trực", ["2.2.a"], "Dự thảo quy chế đã trình Thường trực"),
])
def test_an_item_inside_a_sentence_is_cut_from_the_note(said: str, refs: list[str], note: str) -> None:
    assert find_refs(said) == [(refs, note)]
