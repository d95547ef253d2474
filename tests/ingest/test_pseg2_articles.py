"""The duties of a decree's or resolution's closing article "Điều N. Tổ chức thi hành" (issue 8, batch-f patterns).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from tests.ingest.test_segmentation import SIGNATURE

DECREE = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 12/2026/QĐ-UBND
An Bình, ngày 10 tháng 3 năm 2026
QUYẾT ĐỊNH
Ban hành quy chế quản lý chợ trên địa bàn tỉnh
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Phạm vi điều chỉnh
Quyết định này quy định việc quản lý chợ trên địa bàn tỉnh.
Điều 2. Tổ chức thi hành
1. Sở Công Thương
a) Hướng dẫn, kiểm tra việc thực hiện Quyết định này;
b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 năm 2026.
2. Ủy ban nhân dân các huyện
a) Rà soát, sắp xếp lại mạng lưới chợ trên địa bàn;
b) Bố trí kinh phí sửa chữa các chợ xuống cấp.
Điều 3. Hiệu lực thi hành
Quyết định này có hiệu lực từ ngày 20 tháng 3 năm 2026.
"""


def test_the_duties_under_an_article_on_carrying_out_are_tasks() -> None:
    tasks = list(parse_notice(DECREE + SIGNATURE).tasks)
    assert [t.lead for t in tasks] == [("Sở Công Thương",)] * 2 + [("Ủy ban nhân dân các huyện",)] * 2, \
        [(t.ref, t.lead, t.text[:30]) for t in tasks]
    assert tasks[1].due is not None and tasks[1].due.isoformat() == "2026-12-15"
