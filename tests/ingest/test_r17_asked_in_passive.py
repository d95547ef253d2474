"""Round 17: a unit asked in the passive — "Chủ tịch UBND các tỉnh, thành phố … được yêu cầu chỉ đạo …", "Sở X được
giao chủ trì …" — is bound to the work as "X cần …" is, and leads its sentence over a unit a later sentence of the
paragraph charges ("Đặc biệt, lãnh đạo các địa phương cần …")."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _charged_units


@pytest.mark.parametrize("asked", ["được yêu cầu", "được giao", "được đề nghị"])
@pytest.mark.parametrize("unit", ["Chủ tịch UBND các tỉnh, thành phố trực thuộc Trung ương", "Sở Giáo dục và Đào tạo"])
def test_the_unit_asked_in_the_passive_is_charged(asked: str, unit: str) -> None:
    text = (f"{unit} {asked} chỉ đạo các cơ sở giáo dục phối hợp chặt chẽ với Đoàn Thanh niên trong phòng, chống "
            "đuối nước cho học sinh. Đặc biệt, lãnh đạo các địa phương cần rà soát, lập bản đồ cảnh báo các điểm "
            "nguy hiểm.")
    assert _charged_units(text) == [unit]
