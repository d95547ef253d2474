"""Unit names in lists and at the start of an item: words that look like units and are not, and lists whose parts
are units of their own."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("text", [
    "Ban đầu các xã chưa gửi kịp thời số liệu về nhà ở.",
    "Ban ngày lực lượng tuần tra phải có mặt tại chốt.",
    "Ban chất của việc này là quản lý người bán trên mạng.",  # "Bản chất" with its mark lost by a scan
    "Ban thân mỗi cán bộ cần gương mẫu trong công việc.",
])
def test_words_starting_with_ban_are_not_units(text: str) -> None:
    assert find_leads(text) == []


@pytest.mark.parametrize(("text", "lead"), [
    ("Ban Quản lý dự án chủ trì lập hồ sơ mời thầu.", ["Ban Quản lý dự án"]),
    ("Ban chỉ đạo huyện tổ chức kiểm tra các xã.", ["Ban chỉ đạo huyện"]),
    ("Ban Dân vận Huyện ủy hướng dẫn các chi bộ.", ["Ban Dân vận Huyện ủy"]),
])
def test_ban_units_still_lead(text: str, lead: list[str]) -> None:
    assert find_leads(text) == lead
