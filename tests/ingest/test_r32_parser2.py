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


# ---------------------------------------------------------------- a reporting duty over its calendar

LETTER_HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 512/UBND-KT
V/v triển khai quản lý tài sản công
An Bình, ngày 10 tháng 3 năm 2026
Kính gửi:
- Các sở, ban, ngành;
- UBND các xã, phường.
"""

CALENDAR_BODY = """Ủy ban nhân dân tỉnh yêu cầu như sau:
1. Sở Tài chính hướng dẫn các đơn vị rà soát tài sản công trên địa bàn tỉnh.
2. Tổ chức thực hiện
a) Các sở, ban, ngành; Ủy ban nhân dân các xã, phường khẩn trương tổ chức thực hiện việc rà soát, thống kê tài sản.
Sở Xây dựng định kỳ tổng hợp báo cáo kết quả thực hiện việc rà soát gửi Sở Tài chính, báo cáo UBND tỉnh như sau:
- Báo cáo 6 tháng: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 05/7; Sở Tài chính tổng hợp trước ngày 10/7.
- Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12; Sở Tài chính tổng hợp trước ngày 20/12.
- Báo cáo đột xuất: Theo yêu cầu của Ủy ban nhân dân tỉnh.
b) Sở Tài chính theo dõi, đôn đốc việc thực hiện Công văn này.
"""

LETTER_SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def _letter_tasks(body: str) -> list[ParsedTask]:
    return list(parse_notice(LETTER_HEAD + body + LETTER_SIGNATURE).tasks)


def test_paragraph_before_a_reporting_duty_is_a_task() -> None:
    tasks = _letter_tasks(CALENDAR_BODY)
    assert any(t.text.startswith("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường khẩn trương") for t in tasks)


def test_reporting_duty_over_its_calendar_is_one_task_with_its_cadence() -> None:
    tasks = _letter_tasks(CALENDAR_BODY)
    duty = [t for t in tasks if "định kỳ tổng hợp báo cáo" in t.text]
    assert len(duty) == 1
    assert duty[0].recurrence == "semiannual"


def test_calendar_lines_are_no_tasks_of_their_own() -> None:
    tasks = _letter_tasks(CALENDAR_BODY)
    assert not [t for t in tasks if t.text.startswith(("Báo cáo 6 tháng", "Báo cáo năm", "Báo cáo đột xuất"))]
    assert not [t for t in tasks if t.text.startswith("Sở Tài chính tổng hợp trước")]


def test_report_items_without_a_duty_paragraph_stay_tasks() -> None:
    body = """Ủy ban nhân dân tỉnh yêu cầu các sở, ngành báo cáo các nội dung sau:
- Báo cáo năm: kết quả rà soát tài sản công, gửi Sở Tài chính trước ngày 15/12/2026;
- Báo cáo quý: tình hình khai thác tài sản, gửi Sở Tài chính trước ngày 15 tháng cuối quý.
"""
    tasks = _letter_tasks(body)
    assert len([t for t in tasks if t.text.startswith("Báo cáo")]) == 2


# ---------------------------------------------------------------- inline (i) (ii) naming what a rule is about


def test_inline_points_after_ve_colon_stay_in_their_task() -> None:
    body = ("1. Sở Xây dựng hướng dẫn các chủ đầu tư thực hiện theo quy định về: (i) đấu nối đường nhánh vào quốc lộ;"
            " (ii) xây dựng công trình trong phạm vi đường bộ; (iii) quản lý hành lang an toàn đường bộ.\n"
            "2. Sở Tài chính bố trí kinh phí thực hiện.\n")
    tasks = _letter_tasks(body)
    assert len(tasks) == 2
    assert "(iii) quản lý hành lang" in tasks[0].text


def test_inline_asks_after_a_unit_colon_still_split() -> None:
    body = ("Ủy ban nhân dân tỉnh đề nghị Sở Xây dựng: (i) sớm ban hành hướng dẫn đấu nối các tuyến đường nhánh;"
            " (ii) chỉ đạo kiểm tra hành lang an toàn đường bộ; (iii) tổ chức tập huấn cho các chủ đầu tư.\n")
    assert len(_letter_tasks(body)) == 3
