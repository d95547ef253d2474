"""An ask made in a part titled as an assessment ("I. ĐÁNH GIÁ …") is still work (round 5, split)."""

from __future__ import annotations

from bot.ingest import parse_notice

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 12/CT-UBND

CHỈ THỊ
Về việc lập kế hoạch đầu tư công năm 2027

Để chuẩn bị kế hoạch năm 2027, Chủ tịch UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung sau:

I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2026

1. Căn cứ các nghị quyết của HĐND tỉnh về kế hoạch đầu tư công, yêu cầu các sở, ngành, UBND các huyện \
khẩn trương đánh giá tình hình giải ngân vốn năm 2026 của đơn vị mình.

2. Năm 2026, tổng vốn đầu tư công của tỉnh đạt 95% kế hoạch.

3. UBND tỉnh đã yêu cầu các chủ đầu tư đẩy nhanh tiến độ các dự án chậm giải ngân.

II. NHIỆM VỤ LẬP KẾ HOẠCH NĂM 2027

1. Sở Tài chính hướng dẫn các đơn vị lập dự toán năm 2027.

CHỦ TỊCH
Nguyễn Văn A
"""


def test_an_ask_under_an_assessment_title_is_a_task() -> None:
    texts = [t.text for t in parse_notice(DIRECTIVE).tasks]
    assert any("khẩn trương đánh giá tình hình giải ngân" in t for t in texts), texts
    assert any("hướng dẫn các đơn vị lập dự toán" in t for t in texts), texts


def test_results_and_past_asks_under_it_stay_out() -> None:
    texts = [t.text for t in parse_notice(DIRECTIVE).tasks]
    assert not any("tổng vốn đầu tư công của tỉnh đạt" in t for t in texts), texts
    assert not any("đã yêu cầu các chủ đầu tư" in t for t in texts), texts
