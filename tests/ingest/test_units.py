from __future__ import annotations

import pytest

from bot.ingest.units import find_leads, find_supports
from storage.unitnames import best_unit_match, unit_key, unit_keys


@pytest.mark.parametrize(("text", "leads", "supports"), [
    ("Sở Tài nguyên và Môi trường chủ trì, phối hợp với cơ quan liên quan thực hiện việc rà soát",
     ["Sở Tài nguyên và Môi trường"], ["cơ quan liên quan"]),
    ("Sở Tài nguyên và Môi trường chủtrì, phối hợp với Sở Xây dựng kiểm tra",  # glued by copy-paste
     ["Sở Tài nguyên và Môi trường"], ["Sở Xây dựng"]),
    ("Giao Sở Tài chính, Sở Kế hoạch và Đầu tư nghiên cứu, đề xuất", ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"], []),
    ("Giao Sở Lao động - Thương binh và Xã hội chủ trì tổng hợp", ["Sở Lao động - Thương binh và Xã hội"], []),
    ("Đề nghị các sở, ban, ngành, UBND các huyện, thành phố báo cáo kết quả",
     ["các sở, ban, ngành", "UBND các huyện, thành phố"], []),
    ("Công an tỉnh có trách nhiệm phối hợp với Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh",
     ["Công an tỉnh"], ["Bộ Chỉ huy Quân sự tỉnh"]),
    ("Yêu cầu Ban Quản lý các khu công nghiệp khẩn trương rà soát", ["Ban Quản lý các khu công nghiệp"], []),
    ("Tăng cường công tác tuyên truyền trong nhân dân", [], []),
    ("Giao UBND các xã: Đức Trọng, Hiệp Thạnh và UBND thị trấn Liên Nghĩa hoàn thành hồ sơ",
     ["UBND xã Đức Trọng", "UBND xã Hiệp Thạnh", "UBND thị trấn Liên Nghĩa"], []),
    ("Giao UBND các xã, phường rà soát", ["UBND các xã, phường"], []),
])
def test_leads_and_supports(text: str, leads: list[str], supports: list[str]) -> None:
    assert find_leads(text) == leads
    assert find_supports(text) == supports


def test_unit_keys_expand_abbreviations_and_ignore_tone_placement() -> None:
    assert unit_key("Sở TN&MT") == unit_key("Sở Tài nguyên và Môi trường")
    assert unit_key("UBND huyện Tân Yên") == unit_key("Ủy ban nhân dân huyện Tân Yên")
    assert unit_key("Ban Dân vận Tỉnh uỷ") == unit_key("Ban Dân vận Tỉnh ủy")
    assert unit_key("Sở KH&ĐT") == unit_key("Sở Kế hoạch và Đầu tư")


def test_best_unit_match_tolerates_small_differences_but_not_other_units() -> None:
    keys = unit_keys(["Ban Dân vận Tỉnh ủy", "Sở Tài chính", "Sở Tài nguyên và Môi trường"])
    assert best_unit_match("Ban dân vận tỉnh uỷ", keys).index == 0  # type: ignore[union-attr]
    assert best_unit_match("Sở Tài chính tỉnh", keys).index == 1  # type: ignore[union-attr]
    assert best_unit_match("Sở Tư pháp", keys) is None
    assert best_unit_match("Sở Xây dựng", keys) is None
