"""Round 13: "Theo chỉ đạo của X, Y …" opens with whose direction the work follows; the subject after the comma does
the work ("Theo chỉ đạo của UBND huyện, UBND các xã khẩn trương tổ chức sơ tán …"); told as done ("… đã triển khai")
it is no directive."""

from __future__ import annotations

import pytest

from bot.ingest.parser import _directive_paragraph
from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("text", "lead"), [
    ("Theo chỉ đạo của UBND huyện, UBND các xã khẩn trương tổ chức sơ tán các hộ dân ra khỏi vùng nguy hiểm.",
     "UBND các xã"),
    ("Theo sự chỉ đạo của Chủ tịch UBND tỉnh, Sở Xây dựng chủ trì kiểm tra an toàn các công trình.", "Sở Xây dựng"),
])
def test_the_subject_after_whose_direction_does_the_work(text: str, lead: str) -> None:
    assert _directive_paragraph(text)
    assert find_leads_ranked(text)[0] == [lead]


def test_work_told_as_done_under_a_direction_is_no_directive() -> None:
    assert not _directive_paragraph("Theo chỉ đạo của Chủ tịch UBND tỉnh, các sở, ngành đã triển khai nhiều giải pháp.")
