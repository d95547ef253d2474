"""Round 15: "hằng năm" that qualifies the periodic thing a one-off change is put into — "đưa <tiêu chí> vào <nội dung
đánh giá cán bộ> hằng năm", "lồng ghép <nội dung> vào <kế hoạch công tác> hằng năm", "bổ sung … vào …" — says how
often that other thing comes round, not that the task recurs (CORPUS.md: recurrence is how often the task comes
back). A task that itself is done every year ("xây dựng kế hoạch hằng năm", "báo cáo kết quả hằng năm") stays
yearly."""

from __future__ import annotations

import pytest

from bot.ingest.dates import find_recurrence


@pytest.mark.parametrize("text", [
    "Đưa công tác bảo vệ môi trường, phát triển công nghiệp xanh vào nội dung đánh giá, phân loại cán bộ hàng năm.",
    "Lồng ghép nội dung phòng, chống thiên tai vào kế hoạch phát triển kinh tế - xã hội hằng năm của địa phương.",
    "Bổ sung tiêu chí chuyển đổi số vào bộ chỉ số đánh giá thi đua hằng năm của các sở, ngành.",
    "Các nội dung trên phải được cụ thể hóa, đưa vào khuôn khổ hợp tác hàng năm để trình cấp có thẩm quyền.",
    "Tích hợp chỉ tiêu giảm nghèo vào chương trình công tác hằng quý của Ủy ban nhân dân xã.",
])
def test_what_a_one_off_change_goes_into_does_not_recur(text: str) -> None:
    assert find_recurrence(text) is None


@pytest.mark.parametrize("text", [
    "Chủ trì xây dựng kế hoạch hàng năm cụ thể hóa từng nhiệm vụ của Kế hoạch này.",
    "Bổ sung danh mục dự án và báo cáo kết quả thực hiện hằng năm về Sở Tài chính.",
    "Đưa nội dung này vào kế hoạch công tác; định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh.",
])
def test_a_task_done_every_year_stays_yearly(text: str) -> None:
    assert find_recurrence(text) == "yearly"
