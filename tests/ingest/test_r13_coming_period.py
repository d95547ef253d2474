"""Round 13: a sentence that opens with a coming period and then a unit with its work ("Quý IV/2027, Ủy ban MTTQ phường
tiếp tục tuyên truyền …", "Tháng 10/2027, Phòng Nội vụ rà soát …") is that unit's work for the period, a directive
even without "giao"/"đề nghị"; told as done ("… đã tuyên truyền …") it is not."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _directive_paragraph


@pytest.mark.parametrize("text", [
    "Quý IV/2027, Ủy ban MTTQ Việt Nam phường tiếp tục tuyên truyền, vận động Nhân dân thực hiện tốt các chủ trương.",
    "Tháng 10/2027, Phòng Nội vụ rà soát hồ sơ cán bộ, công chức cấp xã.",
    "Trong quý III năm 2027, Hội Nông dân xã vận động hội viên tham gia bảo hiểm xã hội tự nguyện.",
])
def test_a_units_work_for_a_coming_period_directs(text: str) -> None:
    assert _directive_paragraph(text)


@pytest.mark.parametrize("text", [
    "Quý III/2027, Ủy ban MTTQ Việt Nam phường đã tuyên truyền, vận động Nhân dân thực hiện tốt các chủ trương.",
    "Quý IV/2027, tình hình kinh tế - xã hội của phường tiếp tục ổn định.",
])
def test_a_period_told_as_done_or_without_a_doer_does_not(text: str) -> None:
    assert not _directive_paragraph(text)
