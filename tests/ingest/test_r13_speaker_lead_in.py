"""Round 13: a lead-in whose subject is the person who concludes ("…, đồng chí A – Phó Chủ tịch UBND phường, trưởng đoàn
kiểm tra đã kết luận các nội dung sau:") gives the work, it does not do it: the items below do not inherit that
person as their lead."""

from __future__ import annotations

import pytest

from bot.ingest import parse_notice

NEWS = """Kiểm tra kết quả xây dựng khu dân cư kiểu mẫu năm 2027
Sau khi nghe các ý kiến phát biểu, {speaker} đã kết luận các nội dung sau:
1. Ghi nhận các kết quả khu dân cư đã đạt được trong năm 2027.
2. Tiếp tục duy trì thực hiện các tiêu chí xây dựng khu dân cư kiểu mẫu, vận động nhân dân giữ gìn vệ sinh.
3. Ban công tác Mặt trận phối hợp tổ chức ngày hội đại đoàn kết toàn dân tộc.
"""


@pytest.mark.parametrize("speaker", ["đồng chí Lê Văn Hùng – Phó Chủ tịch UBND phường, trưởng đoàn kiểm tra",
                                     "ông Nguyễn Minh Đức, Chủ tịch UBND xã"])
def test_the_person_who_concludes_is_no_lead_of_the_items(speaker: str) -> None:
    tasks = parse_notice(NEWS.format(speaker=speaker)).tasks
    assert not any("Hùng" in u or "Đức" in u for t in tasks for u in t.lead)
    own = next(t for t in tasks if t.text.startswith("Ban công tác Mặt trận"))
    assert own.lead == ("Ban công tác Mặt trận",)
