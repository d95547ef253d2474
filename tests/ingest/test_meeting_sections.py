"""A conclusion notice's parts that are not work: who attended ("I. THÀNH PHẦN THAM DỰ" with its "Chủ trì:",
"Tham dự:" lines) and the closing formula "Trên đây là ý kiến kết luận của …", which is never glued onto the
last task."""

from __future__ import annotations

from bot.ingest.parser import parse_notice

NOTICE = "\n".join([
    "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 9",
    "I. THÀNH PHẦN THAM DỰ",
    "1. Chủ trì: đồng chí Nguyễn Văn A, Chủ tịch UBND huyện.",
    "2. Tham dự:",
    "- Các Phó Chủ tịch UBND huyện;",
    "- Lãnh đạo Văn phòng HĐND và UBND huyện;",
    "- Trưởng các phòng, ban chuyên môn.",
    "II. NỘI DUNG KẾT LUẬN",
    "1. Giao Phòng Tài chính - Kế hoạch",
    "- Rà soát nguồn vốn đầu tư công, báo cáo trước ngày 15/10/2026.",
    "2. Giao Phòng Nội vụ",
    "- Hoàn thiện phương án sắp xếp bộ máy.",
    "Trên đây là ý kiến kết luận của đồng chí Chủ tịch UBND huyện. Văn phòng HĐND và UBND huyện thông báo "
    "đến các cơ quan, đơn vị liên quan biết, thực hiện./.",
])


def test_the_attendance_section_gives_no_task_and_the_closing_is_not_glued() -> None:
    tasks = parse_notice(NOTICE).tasks
    assert [t.text for t in tasks] == ["Rà soát nguồn vốn đầu tư công, báo cáo trước ngày 15/10/2026.",
                                       "Hoàn thiện phương án sắp xếp bộ máy."]
    assert [t.lead for t in tasks] == [("Phòng Tài chính - Kế hoạch",), ("Phòng Nội vụ",)]


def test_a_closing_that_asks_a_named_unit_is_still_a_task() -> None:
    text = NOTICE.replace("Văn phòng HĐND và UBND huyện thông báo đến các cơ quan, đơn vị liên quan biết, thực hiện./.",
                          "đề nghị Phòng Nội vụ tổng hợp kết quả, báo cáo UBND huyện trước ngày 30/10/2026.")
    assert any("Phòng Nội vụ tổng hợp" in t.text for t in parse_notice(text).tasks)
