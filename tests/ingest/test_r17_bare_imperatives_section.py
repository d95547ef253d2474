"""Round 17: under a heading that gives the work ("NỘI DUNG TRỌNG TÂM SINH HOẠT CHI BỘ THÁNG 12", "II. NHIỆM VỤ TRỌNG
TÂM"), paragraphs that each open with a bare imperative and name no unit — "Lãnh đạo việc tổ chức học tập …",
"Tuyên truyền về kết quả …", "Tăng cường tuyên truyền …" — are one task each (they were merged into one, as
paragraphs that share a lead are), and "nội dung trọng tâm" is such a heading."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice
from bot.ingest.parser import _is_directive_heading

PAGE = """Tài liệu sinh hoạt chi bộ tháng 12-2025

Thứ tư - 25/11/2025 14:27
{heading}
Lãnh đạo việc tổ chức học tập, quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025-2030.
Tuyên truyền về kết quả Kỳ họp thứ 11 Hội đồng nhân dân tỉnh khóa XI và tình hình kinh tế - xã hội của tỉnh.
Tăng cường tuyên truyền nâng cao ý thức trách nhiệm trong cán bộ, đảng viên về phòng, chống tham nhũng.
B. THÔNG TIN THAM KHẢO
Năm 2025, kinh tế của tỉnh tăng trưởng 8,2%.
"""


@pytest.mark.parametrize("heading", ["A. NỘI DUNG TRỌNG TÂM SINH HOẠT CHI BỘ THÁNG 12-2025",
                                     "A. NHIỆM VỤ TRỌNG TÂM THÁNG 12-2025"])
def test_each_bare_imperative_paragraph_is_a_task(heading: str) -> None:
    tasks = parse_notice(PAGE.format(heading=heading)).tasks
    opens = [t.text.split()[0] for t in tasks]
    assert opens == ["Lãnh", "Tuyên", "Tăng"], [t.text[:40] for t in tasks]


def test_the_main_points_heading_gives_work() -> None:
    assert _is_directive_heading("A. NỘI DUNG TRỌNG TÂM SINH HOẠT CHI BỘ THÁNG 12-2025")
    assert not _is_directive_heading("B. THÔNG TIN THAM KHẢO")
