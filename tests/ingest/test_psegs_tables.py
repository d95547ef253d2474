"""Task tables of attached plans: a two-row header, no number column, a time column merged down its rows, month
spans, group rows, footnotes under "Ghi chú:" (issue 8, items 6 and 7).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE  # the same signature block under every example

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Lập quy hoạch mạng lưới chợ tỉnh An Bình
NỘI DUNG CHI TIẾT
"""

TABLE = """Thời gian | Nội dung công việc | Vai trò theo quy định | Thực hiện
 |  |  | Đơn vị chủ trì | Đơn vị phối hợp
I | GIAI ĐOẠN 1: CHUẨN BỊ
1 | Lập nhiệm vụ quy hoạch
4-5/2026 | Khảo sát hiện trạng các chợ | Cơ quan lập quy hoạch | Sở Công Thương | - Sở Xây dựng; - Sở Tài chính
 | Lấy ý kiến các xã về nhu cầu xây mới chợ | Cơ quan lập quy hoạch | Sở Công Thương | - UBND các xã
II | GIAI ĐOẠN 2: TRÌNH PHÊ DUYỆT
8/2026 | Trình phê duyệt quy hoạch mạng lưới chợ | Cơ quan tổ chức lập quy hoạch | Sở Xây dựng | - Sở Công Thương
Ghi chú:
- (*) Cơ quan lập quy hoạch là cơ quan được giao theo quy định của Luật Quy hoạch.
"""

def _tasks() -> list[ParsedTask]:
    return list(parse_notice(HEAD + TABLE + SIGNATURE).tasks)


def _find(tasks: list[ParsedTask], words: str) -> ParsedTask:
    hits = [t for t in tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in tasks]
    return hits[0]


def test_rows_of_a_table_without_a_number_column_are_tasks_with_the_sub_header_columns() -> None:
    tasks = _tasks()
    survey = _find(tasks, "Khảo sát hiện trạng")
    assert survey.lead == ("Sở Công Thương",)
    assert "Sở Xây dựng" in survey.support and "Sở Tài chính" in survey.support
    approve = _find(tasks, "Trình phê duyệt quy hoạch")
    assert approve.lead == ("Sở Xây dựng",)


def test_an_empty_leading_time_cell_is_the_time_of_the_row_above_and_a_month_span_ends_with_its_last_month() -> None:
    tasks = _tasks()
    assert _find(tasks, "Khảo sát hiện trạng").due == dt.date(2026, 5, 31)
    assert _find(tasks, "Lấy ý kiến các xã").due == dt.date(2026, 5, 31)
    assert _find(tasks, "Trình phê duyệt quy hoạch").due == dt.date(2026, 8, 31)


def test_group_rows_and_footnotes_are_not_tasks() -> None:
    texts = [t.text for t in _tasks()]
    assert not any("GIAI ĐOẠN" in t or t.startswith("Lập nhiệm vụ quy hoạch") for t in texts), texts
    assert not any("(*)" in t for t in texts), texts
    assert len(texts) == 3, texts


NUMBERED = """NỘI DUNG CHI TIẾT
TT | Nội dung công việc | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Rà soát mạng lưới chợ trên địa bàn | Báo cáo | Sở Công Thương | UBND các xã | Quý II/2026
 | Đề xuất danh mục chợ cần cải tạo | Danh mục | Sở Công Thương | Sở Xây dựng | Quý III/2026
2 | Hoàn thành cơ sở dữ liệu chợ, bảo đảm tiến độ | Nhiệm vụ | Sở Khoa học và Công nghệ | Sở Công Thương | Năm 2026
3 | Sắp xếp lại các hộ kinh doanh trong chợ | Phương án | UBND các xã | Sở Công Thương | Tháng 10/2026
"""


def test_a_row_without_its_number_is_a_sub_row_and_a_data_row_is_never_a_header() -> None:
    tasks = list(parse_notice(HEAD + NUMBERED + SIGNATURE).tasks)
    sub = _find(tasks, "Đề xuất danh mục chợ")
    assert sub.lead == ("Sở Công Thương",) and sub.due == dt.date(2026, 9, 30)
    data = _find(tasks, "Hoàn thành cơ sở dữ liệu chợ")
    assert data.lead == ("Sở Khoa học và Công nghệ",)
    last = _find(tasks, "Sắp xếp lại các hộ")
    assert last.lead == ("UBND các xã",) and last.due == dt.date(2026, 10, 31)


def test_the_deliverable_is_read_right_after_the_work() -> None:
    tasks = list(parse_notice(HEAD + NUMBERED + SIGNATURE).tasks)
    assert "Rà soát mạng lưới chợ trên địa bàn – Báo cáo." in _find(tasks, "Rà soát mạng lưới").text
