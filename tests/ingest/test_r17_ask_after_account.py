"""Round 17: a reply that first tells what was directed before and then asks anew after a ';' — "Kiến nghị của công dân
đã được UBND tỉnh chỉ đạo UBND huyện A kiểm tra, giải quyết tại Công văn số …; yêu cầu UBND huyện A kịp thời …" — is
led by the unit the ask names (the ';' ask is not part of an item's own work, as "Rà soát …; yêu cầu các doanh
nghiệp …" is)."""

from __future__ import annotations

import pytest

from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize("account", [
    "Nội dung kiến nghị của các hộ dân đã được UBND tỉnh chỉ đạo {u} kiểm tra, giải quyết tại Công văn số 5101/UBND-KT",
    "Phản ánh của ông Nguyễn Văn B đã được Chủ tịch UBND tỉnh chỉ đạo {u} xem xét tại Văn bản số 320/UBND-NC",
    "Đơn của bà Trần Thị C đã được UBND thành phố chỉ đạo {u} giải quyết tại Công văn số 88/UBND-TD",
])
@pytest.mark.parametrize("unit", ["UBND huyện Hải Lăng", "Sở Tài nguyên và Môi trường"])
def test_the_ask_after_an_account_of_a_direction_leads(account: str, unit: str) -> None:
    text = account.format(u=unit) + f"; yêu cầu {unit} kịp thời kiểm tra, giải quyết dứt điểm, trả lời công dân."
    assert find_leads_ranked(text)[0] == [unit]


def test_an_ask_inside_an_item_of_work_is_still_its_object() -> None:
    # (no account before the ';': "Rà soát …; yêu cầu các doanh nghiệp …" is the item's own work)
    text = "Rà soát các cơ sở sản xuất trên địa bàn; yêu cầu các doanh nghiệp thực hiện nghiêm quy định về môi trường."
    assert find_leads_ranked(text)[0] != ["các doanh nghiệp"]
