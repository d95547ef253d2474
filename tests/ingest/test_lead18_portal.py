"""Lead 18: the province's or a body's e-portal ("Cổng thông tin điện tử tỉnh", "Cổng Thông tin điện tử của
tỉnh") is a unit that can be asked to act: "Cổng thông tin điện tử của tỉnh phải thường xuyên cung cấp thông tin …"."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads


@pytest.mark.parametrize("portal", ["Cổng thông tin điện tử của tỉnh", "Cổng Thông tin điện tử tỉnh",
                                    "Cổng thông tin điện tử huyện"])
@pytest.mark.parametrize("opening,work", [("", "phải thường xuyên cung cấp thông tin."),
                                          ("Giao ", "đăng tải toàn văn Kế hoạch."),
                                          ("Đề nghị ", "mở chuyên mục tuyên truyền.")])
def test_the_portal_is_a_doer(portal: str, opening: str, work: str) -> None:
    assert find_leads(f"{opening}{portal} {work}") == [portal]


# guard: the portal as the place of the work is no doer
def test_the_portal_as_a_place_is_no_doer() -> None:
    assert find_leads("Sở Tư pháp đăng tải dự thảo trên Cổng thông tin điện tử tỉnh.") == ["Sở Tư pháp"]
