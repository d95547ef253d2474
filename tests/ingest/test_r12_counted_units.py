"""Round 12: how many units are asked may come before who they are: "đề nghị 18 Tổ Dân phố …", "giao 02 xã A, B …",
"Kính gửi …, đề nghị 05 Trường THCS thực hiện các nội dung sau:". The count stays with the name."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.units import find_leads_ranked


@pytest.mark.parametrize(("ask", "unit"), [
    ("UBND phường đề nghị 18 Tổ Dân phố", "18 Tổ Dân phố"),
    ("UBND huyện yêu cầu 05 Trường THCS", "05 Trường THCS"),
    ("Giao 3 Đội Quản lý thị trường", "3 Đội Quản lý thị trường"),
])
def test_a_counted_unit_is_asked(ask: str, unit: str) -> None:
    assert find_leads_ranked(f"{ask} rà soát, báo cáo kết quả.")[0] == [unit]


def test_a_counted_unit_in_a_lead_in_leads_the_items_below() -> None:
    text = ("Phường An Bình chào mừng Đại hội\nĐể tạo không khí thi đua chào mừng Đại hội, UBND phường xây dựng "
            "kế hoạch đề nghị 12 Tổ Dân phố thực hiện một số nội dung sau:\n- Tổng vệ sinh đường làng, ngõ xóm.\n"
            "- Treo cờ Tổ quốc tại các hộ gia đình.\n")
    tasks = parse_notice(text).tasks
    assert [t.lead for t in tasks] == [("12 Tổ Dân phố",), ("12 Tổ Dân phố",)]


def test_a_number_that_counts_no_asked_unit_is_no_lead() -> None:
    assert find_leads_ranked("Năm 2025 toàn phường có 18 Tổ Dân phố đạt chuẩn văn hóa.")[0] == []
