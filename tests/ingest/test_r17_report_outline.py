"""Round 17: an item that asks for a report and then gives its outline — "1. Thực hiện báo cáo đầy đủ nội dung như
sau: – Công tác chỉ đạo, triển khai – Kết quả đạt được – Đề xuất, kiến nghị" — is one task (to report); the headings
of the outline are not tasks."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

LETTER = """SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1520/SGDĐT-CTTT
V/v báo cáo công tác phối hợp giáo dục học sinh
Kính gửi: Thủ trưởng các đơn vị trực thuộc
Sở Giáo dục và Đào tạo đề nghị thủ trưởng đơn vị thực hiện báo cáo công tác phối hợp giáo dục học sinh, cụ thể:
1. {intro}
– Công tác chỉ đạo, triển khai
– Kết quả đạt được
– Đánh giá chung (ưu điểm, hạn chế, nguyên nhân của hạn chế)
– Đề xuất, kiến nghị
2. Thời gian nộp báo cáo: trước ngày 11/5/2026.
"""


@pytest.mark.parametrize("intro", ["Thực hiện báo cáo đầy đủ nội dung như sau:", "Báo cáo gồm các nội dung sau:",
                                   "Xây dựng báo cáo với các nội dung sau:"])
def test_the_report_is_the_task_and_its_outline_is_not(intro: str) -> None:
    tasks = parse_notice(LETTER.format(intro=intro)).tasks
    texts = [t.text for t in tasks]
    assert any(t.startswith(intro[:20]) for t in texts), texts
    assert not any(t.startswith(("Công tác chỉ đạo", "Kết quả đạt được", "Đề xuất, kiến nghị")) for t in texts), texts
