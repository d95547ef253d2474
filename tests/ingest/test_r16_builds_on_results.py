"""Round 16: the results a piece of work builds on are no assessment of past work — "… đề nghị trên cơ sở các kết quả
đã đạt được, <đơn vị> cần chỉ đạo …", "… yêu cầu <đơn vị> … để phát huy tốt những kết quả đã đạt được …" — so the
ask in that sentence is a task; "Kết quả đạt được …" said of the past alone stays an assessment."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _directive_paragraph


@pytest.mark.parametrize("unit", ["Ban Thường vụ Huyện ủy", "UBND các xã, thị trấn"])
@pytest.mark.parametrize("text", [
    "Phát biểu chỉ đạo hội nghị, đồng chí Phó Bí thư Tỉnh ủy đề nghị trên cơ sở các kết quả đã đạt được, {unit} cần "
    "chỉ đạo xây dựng kế hoạch phát triển kinh tế - xã hội năm 2027.",
    "UBND tỉnh yêu cầu {unit} thường xuyên quan tâm, lãnh đạo, chỉ đạo chặt chẽ để phát huy tốt những kết quả đã đạt "
    "được trong năm 2026 và khắc phục những hạn chế.",
    "Dựa trên kết quả đạt được, {unit} cần tập trung rà soát các chỉ tiêu của năm 2027.",
])
def test_an_ask_that_builds_on_results_directs(unit: str, text: str) -> None:
    assert _directive_paragraph(text.format(unit=unit))


@pytest.mark.parametrize("text", [
    "Kết quả đạt được trong năm 2026: toàn huyện đã hoàn thành 18/20 chỉ tiêu, trong đó có 5 chỉ tiêu vượt kế hoạch.",
    "Nhìn chung, các xã đã đạt được nhiều kết quả quan trọng trong công tác tuyển quân.",
])
def test_an_account_of_results_stays_an_assessment(text: str) -> None:
    assert not _directive_paragraph(text)
