"""Round 32 (issue 8, parser2): a topic heading over its paragraph, and related phrasing patterns.

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

NOTICE_HEAD = """VĂN PHÒNG UBND TỈNH AN BÌNH
Số: 88/TB-VP
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại cuộc họp giao ban tuần
An Bình, ngày 10 tháng 3 năm 2026
Ngày 09/3/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp giao ban. Chủ tịch UBND tỉnh kết luận như sau:
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Văn Bình
"""


def _tasks(body: str, *, head: str = NOTICE_HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


# ---------------------------------------------------------------- a topic heading is no part of the work below it


TOPIC_BODY = """1. Về công tác tiếp công dân định kỳ
Cơ bản thống nhất với báo cáo của Ban Tiếp công dân tỉnh.
2. Về tổ chức các đoàn công tác nước ngoài năm 2026
Văn phòng nghiên cứu, phối hợp Sở Ngoại vụ tham mưu nội dung làm việc của các đoàn, đúng quy định.
3. Đối với công tác chuẩn bị kỳ họp thường lệ
Đề nghị các Ban HĐND tỉnh chủ động tham mưu Thường trực HĐND tỉnh chuẩn bị nội dung kỳ họp.
"""


def test_topic_heading_without_colon_is_not_glued_to_the_sentence_below() -> None:
    tasks = _tasks(TOPIC_BODY)
    office = [t for t in tasks if "Sở Ngoại vụ" in t.text]
    assert len(office) == 1
    assert office[0].text.startswith("Văn phòng nghiên cứu")
    assert office[0].lead == ("Văn phòng",)


def test_topic_heading_with_doi_voi_keeps_the_ask_below_as_the_task() -> None:
    tasks = _tasks(TOPIC_BODY)
    boards = [t for t in tasks if "kỳ họp" in t.text]
    assert len(boards) == 1
    assert boards[0].text.startswith("Đề nghị các Ban HĐND tỉnh")
    assert boards[0].lead == ("các Ban HĐND tỉnh",)


def test_heading_that_names_a_unit_is_not_a_topic_line() -> None:
    body = """1. Sở Tài chính
Rà soát các khoản chi thường xuyên, báo cáo UBND tỉnh trước ngày 30/4/2026.
"""
    tasks = _tasks(body)
    assert len(tasks) == 1
    assert tasks[0].lead == ("Sở Tài chính",)


# ---------------------------------------------------------------- a Party cell bulletin's items are the cells' work


def test_cell_bulletin_items_fall_back_on_the_cell() -> None:
    text = """Tài liệu sinh hoạt chi bộ tháng 3-2026

Thứ hai - 23/02/2026 09:10
A. NỘI DUNG TRỌNG TÂM SINH HOẠT CHI BỘ THÁNG 3-2026
Lãnh đạo việc tổ chức học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2025-2030 đến cán bộ, đảng viên.
Tuyên truyền kết quả Kỳ họp thứ 12 HĐND tỉnh khóa XII và tình hình phát triển kinh tế - xã hội của tỉnh.
"""
    tasks = list(parse_notice(text).tasks)
    assert tasks
    assert all(t.lead == ("chi bộ",) for t in tasks)


def test_cell_bulletin_that_names_committees_and_cells_gives_both() -> None:
    text = """BẢN TIN THÔNG BÁO NỘI BỘ (phục vụ sinh hoạt chi bộ tháng 4-2026)

Thứ ba - 24/03/2026 10:14
A/ ĐỊNH HƯỚNG SINH HOẠT CHI BỘ TRONG THÁNG
* Thông tin thời sự trong tỉnh; cấp ủy, chi bộ chọn nội dung Bản tin tháng 4-2026 để sinh hoạt. Trong đó, cần:
1. Đẩy mạnh tuyên truyền kết quả Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5 đến cán bộ, đảng viên và nhân dân.
2. Tuyên truyền các quan điểm chỉ đạo về phát triển kinh tế tư nhân đến cán bộ, đảng viên trên địa bàn.
"""
    items = [t for t in parse_notice(text).tasks if t.text.startswith(("Đẩy mạnh", "Tuyên truyền"))]
    assert len(items) == 2
    assert all(t.lead == ("cấp ủy", "chi bộ") for t in items)


def test_a_bulletin_on_another_subject_gets_no_cell_lead() -> None:
    text = """Tài liệu tuyên truyền tháng 3-2026

Thứ hai - 23/02/2026 09:10
Lãnh đạo việc tổ chức học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh nhiệm kỳ 2025-2030 đến cán bộ, đảng viên.
Tuyên truyền kết quả Kỳ họp thứ 12 HĐND tỉnh khóa XII và tình hình phát triển kinh tế - xã hội của tỉnh.
"""
    assert all(t.lead != ("chi bộ",) for t in parse_notice(text).tasks)
