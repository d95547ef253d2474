"""A task read from a table row keeps its work cell as its text; the lead, support and time cells go to the task's
fields; a cell the extraction wrote on a second line across the row joins its own column; a unit name cut after its
body word ("…, Cục" / "Tư pháp") is joined (session 27, table39).

Every snippet is a short example of a layout pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from storage.parsed import ParsedTask
from tests.ingest.test_segmentation import SIGNATURE  # the same signature block under every example

HEAD = """BỘ CÔNG THƯƠNG
Số: 210/KH-BCT
Hà Nội, ngày 05 tháng 3 năm 2027
KẾ HOẠCH
Triển khai Nghị định về quản lý chợ đầu mối
"""

# a Markdown header over rows flattened one cell per line (a .docx table copied as text)
FLAT = """| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian hoàn thành
1
Tổ chức hội nghị phổ biến Nghị định cho các sở, ngành ở địa phương.
Vụ Thị trường trong nước
Vụ Pháp chế; các cơ quan, đơn vị có liên quan
Trước ngày 20/4/2027
2
Xây dựng bộ tiêu chí đánh giá chợ đầu mối và hướng dẫn phân hạng, công nhận
Viện Nghiên cứu chiến lược, Cục
Vụ Kế hoạch; các cơ quan, đơn vị có liên quan
Trước ngày 15/5/2027
chợ đầu mối cấp vùng, cấp tỉnh trên cả nước.
Quản lý thị trường
3
Theo dõi, đôn đốc việc thực hiện Nghị định ở các địa phương.
Vụ Thị trường trong nước
Các cơ quan, đơn vị có liên quan
Thường xuyên
"""

# a table whose rows keep their "|" cells
PIPES = """| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |
| --- | --- | --- | --- | --- |
| 1 | Rà soát danh mục chợ cần cải tạo | Sở Công Thương | Sở Tài chính | Quý II/2027 |
| 2 | Báo cáo kết quả thực hiện Kế hoạch | Sở Công Thương | Các sở, ngành | Hằng năm |
"""


def _tasks(table: str) -> list[ParsedTask]:
    return list(parse_notice(HEAD + table + SIGNATURE).tasks)


def _find(tasks: list[ParsedTask], words: str) -> ParsedTask:
    hits = [t for t in tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in tasks]
    return hits[0]


def test_a_flattened_row_shows_its_work_and_its_cells_are_fields() -> None:
    task = _find(_tasks(FLAT), "Tổ chức hội nghị phổ biến")
    assert task.text == "Tổ chức hội nghị phổ biến Nghị định cho các sở, ngành ở địa phương."
    assert task.lead == ("Vụ Thị trường trong nước",)
    assert "Vụ Pháp chế" in task.support
    assert task.due == dt.date(2027, 4, 20)
    assert task.due_text == "Trước ngày 20/4/2027"


def test_a_time_cell_without_a_date_stays_as_the_deadline_words() -> None:
    task = _find(_tasks(FLAT), "Theo dõi, đôn đốc")
    assert "Thời gian" not in task.text and "Cơ quan" not in task.text
    assert task.due is None
    assert task.due_text == "Thường xuyên"


def test_second_lines_of_wrapped_cells_join_their_own_columns() -> None:
    task = _find(_tasks(FLAT), "bộ tiêu chí")
    assert task.text == ("Xây dựng bộ tiêu chí đánh giá chợ đầu mối và hướng dẫn phân hạng, công nhận chợ đầu mối cấp "
                         "vùng, cấp tỉnh trên cả nước.")
    assert task.lead == ("Viện Nghiên cứu chiến lược", "Cục Quản lý thị trường")
    assert task.due == dt.date(2027, 5, 15)


def test_rows_with_pipes_show_their_work_only() -> None:
    tasks = _tasks(PIPES)
    review = _find(tasks, "Rà soát danh mục chợ")
    assert review.text.rstrip(".") == "Rà soát danh mục chợ cần cải tạo"
    assert review.lead == ("Sở Công Thương",) and review.support == ("Sở Tài chính",)
    assert review.due == dt.date(2027, 6, 30)
    report = _find(tasks, "Báo cáo kết quả")
    assert "Hằng năm" not in report.text
    assert report.recurrence == "yearly"
    assert report.due_text and "Hằng năm" in report.due_text


def test_a_unit_cut_after_its_body_word_is_joined_in_a_one_line_cell_layout() -> None:
    table = """| TT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp |
| --- | --- | --- | --- |
Thời gian hoàn thành
1
Kiểm tra việc chấp hành quy định về chợ đầu mối tại các địa phương.
Cục
Quản lý thị trường
Vụ Pháp chế
Quý III/2027
"""
    task = _find(_tasks(table), "Kiểm tra việc chấp hành")
    assert task.lead == ("Cục Quản lý thị trường",)
    assert task.support == ("Vụ Pháp chế",)
    assert "Cục" not in task.text


def test_a_result_field_among_the_cells_stays_with_the_work() -> None:
    from bot.ingest.tables import row_work
    work, time = row_work("Xây dựng Đề án thu hút chuyên gia. Cơ quan chủ trì: Bộ Nội vụ. Cơ quan phối hợp: Các bộ. "
                          "Kết quả: Quyết định phê duyệt Đề án. Thời gian hoàn thành: Quý IV/2027.")
    assert work == "Xây dựng Đề án thu hút chuyên gia. Kết quả: Quyết định phê duyệt Đề án."
    assert time == "Quý IV/2027"
    # (a notice's own paragraph closed by its time field alone is kept whole)
    said = "Hoàn thành dự thảo báo cáo. Thời gian hoàn thành: Đề cương trước 28/10/2027; dự thảo trước 16/12/2027."
    assert row_work(said) == (said, None)
