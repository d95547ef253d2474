"""Where the body starts and what in it only informs (round 4, tasks)."""

from __future__ import annotations

from bot.ingest import parse_notice
from bot.ingest.parser import _informs

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH AN LẠC
Số: 12/CT-UBND
An Lạc, ngày 5 tháng 3 năm 2026
CHỈ THỊ
VỀ VIỆC TĂNG CƯỜNG CÔNG TÁC ĐIỀU HÀNH THỰC
HIỆN NHIỆM VỤ THU NGÂN SÁCH NĂM 2026
Thực hiện Nghị quyết của HĐND tỉnh, các cơ quan, đơn vị đã quán triệt và triển khai thực hiện các nhiệm vụ được giao.
Tuy nhiên, số thu từ các doanh nghiệp chưa đạt tiến độ đề ra, nợ đọng thuế vẫn ở mức cao.
"""


def test_an_upper_case_subject_wrapped_onto_a_second_line_is_no_directive_heading() -> None:
    assert parse_notice(DIRECTIVE).tasks == ()


def test_a_section_title_after_the_subject_still_opens_the_body() -> None:
    text = DIRECTIVE.replace("Thực hiện Nghị quyết", "NHIỆM VỤ TRỌNG TÂM\n1. Sở Tài chính rà soát các khoản thu.\n"
                                                       "Thực hiện Nghị quyết")
    assert any("rà soát các khoản thu" in t.text for t in parse_notice(text).tasks)


def test_the_citizens_request_an_answer_quotes_is_no_task() -> None:
    assert _informs("Trả lời đề nghị của ông Nguyễn Văn An ở thôn Đông: Đề nghị UBND tỉnh sớm chỉ đạo UBND huyện "
                    "giải quyết việc cấp giấy chứng nhận.")
    assert _informs("Kiến nghị của cử tri xã Tân Lập: đề nghị tỉnh đầu tư tuyến đường liên xã.")
    # the answer on the same line holds the work
    assert not _informs("Trả lời kiến nghị của cử tri xã Tân Lập: đường liên xã. Trả lời: UBND tỉnh giao Sở Giao "
                        "thông vận tải khảo sát, báo cáo trong tháng 9/2026.")


def test_the_answer_below_the_request_is_the_task() -> None:
    text = ("Trả lời đề nghị của ông Nguyễn Văn An ở thôn Đông: Đề nghị UBND tỉnh sớm chỉ đạo UBND huyện giải quyết "
            "việc cấp giấy chứng nhận.\n\nTrả lời:\n\nUBND tỉnh giao Thanh tra tỉnh kiểm tra, rà soát lại vụ việc, "
            "báo cáo UBND tỉnh trong tháng 9/2026.\n")
    tasks = parse_notice(text).tasks
    assert [t.lead for t in tasks] == [("Thanh tra tỉnh",)]


def test_a_news_line_on_whose_instruction_it_reports_informs() -> None:
    assert _informs("Đó là một trong những ý kiến chỉ đạo của ông Lê Văn An, Phó Chủ tịch UBND tỉnh tại cuộc họp ngày "
                    "27-6 với lãnh đạo các sở, ngành về công tác chuẩn bị kỳ họp.")


def test_the_period_a_reports_figures_cover_informs() -> None:
    assert _informs("Báo cáo quý I: Thời gian chốt số liệu tính từ ngày 15 tháng 12 của năm trước đến ngày 14 tháng 3.")
    assert not _informs("Các đơn vị gửi báo cáo quý I trước ngày 20/3; số liệu tính từ ngày 15/12 năm trước.")


def test_what_the_meeting_agreed_on_without_a_doer_informs() -> None:
    assert _informs("Thống nhất nội dung chương trình hội nghị đại biểu nhân dân năm 2026 với chủ đề "
                    "“Phường văn minh”.")
    assert _informs("Nhất trí thông qua dự thảo báo cáo kết quả công tác năm 2026.")
    assert not _informs("Thống nhất chủ trương đầu tư tuyến đường, giao Sở Xây dựng lập hồ sơ trình UBND tỉnh.")
    assert not _informs("Thống nhất tổ chức hội nghị tổng kết. Văn phòng UBND huyện chuẩn bị nội dung, báo cáo.")


def test_an_account_of_a_past_periods_work_informs() -> None:
    assert _informs("Tháng 10/2026, UBND huyện đã tập trung chỉ đạo khắc phục hậu quả mưa lũ, tổ chức đấu giá đất. "
                    "Tập trung chỉ đạo việc thu ngân sách năm 2026.")
    assert _informs("Năm 2025, các đơn vị đã hoàn thành 95% kế hoạch thu ngân sách.")
    assert not _informs("Tháng 10/2026, UBND huyện đã hoàn thành thu ngân sách; yêu cầu các xã rà soát nợ đọng.")


def test_an_account_after_a_headline_sentence_informs() -> None:
    assert _informs("UBND huyện tổ chức hội nghị thường kỳ tháng 4. Trong tháng 4/2026, UBND huyện đã tập trung "
                    "chỉ đạo phòng trừ sâu bệnh trên lúa.")
