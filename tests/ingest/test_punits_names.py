"""Unit names read through scan damage: compared without marks and spacing, shown as written."""

from __future__ import annotations

import re

import pytest

from bot.ingest.units import find_leads_ranked
from storage.unitnames import best_unit_match, fold_same_length, loose, unit_keys


def test_words_glued_by_a_scan_match_exactly() -> None:
    keys = unit_keys(["Sở Tài nguyên và Môi trường", "Sở Tài chính"])
    assert best_unit_match("Sở Tài nguyên và Môitrường", keys) == best_unit_match("Sở Tài nguyên và Môi trường", keys)
    assert best_unit_match("Sở Tàichính", keys).score == 100.0  # type: ignore[union-attr]


@pytest.mark.parametrize(("word", "written", "found"), [
    ("phối hợp", "phối hop", True),
    ("phối hợp", "Phối hợp", True),
    ("phối hợp", "phốihợp", True),
    ("đề nghị", "dé nghị", True),
    ("đề nghị", "Để nghị", True),
    ("đề nghị", "đề xuất", False),
    ("chủ trì", "chủ tri", True),
])
def test_loose_role_words(word: str, written: str, found: bool) -> None:
    assert bool(re.fullmatch(loose(word), written)) is found


def test_fold_keeps_positions() -> None:
    text = "Bộ Văn hóa, Thể thao và Du lịch"
    folded = fold_same_length(text)
    assert folded == "bo van hoa, the thao va du lich"
    assert len(folded) == len(text)


@pytest.mark.parametrize(("text", "lead"), [
    ("Phòng Nội vụ - Lao động Thương binh và Xã hội tham mưu UBND huyện khen thưởng",
     "Phòng Nội vụ - Lao động Thương binh và Xã hội"),
    ("Phòng Văn hóa - Thông tin huyện chủ trì tuyên truyền", "Phòng Văn hóa - Thông tin huyện"),
    ("Phòng Kinh tế - Hạ tầng rà soát các công trình", "Phòng Kinh tế - Hạ tầng"),
    ("Giao Sở Lao động, Thương binh và Xã hội làm đầu mối hướng dẫn", "Sở Lao động, Thương binh và Xã hội"),
])
def test_a_district_office_of_two_merged_fields_is_one_name(text: str, lead: str) -> None:
    assert find_leads_ranked(text)[0] == [lead]
