"""What a lead-in hands down to the items below it: its deadline (also a month or a quarter), and the closing call
that is never a task (issue 8, items 5 and 7).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

import datetime as dt

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/TB-UBND
An Bình, ngày 10 tháng 3 năm 2026
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc về đầu tư công
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def _tasks(body: str) -> list[ParsedTask]:
    return list(parse_notice(HEAD + body + SIGNATURE).tasks)


def test_a_month_deadline_in_a_section_lead_in_dates_every_item_below() -> None:
    tasks = _tasks("""II. NHIỆM VỤ
1. Đề nghị UBND các huyện báo cáo các nội dung sau, hoàn thành trong tháng 5/2026:
- Tình hình giải ngân vốn đầu tư công;
- Danh mục dự án chậm tiến độ.
2. Sở Tài chính tổng hợp, báo cáo UBND tỉnh.
""")
    assert [t.due for t in tasks] == [dt.date(2026, 5, 31), dt.date(2026, 5, 31), None], [(t.ref, t.due) for t in tasks]
    assert tasks[0].lead == ("UBND các huyện",)


def test_the_issuers_closing_call_is_not_glued_to_the_last_task() -> None:
    tasks = _tasks("""1. Sở Công Thương rà soát các chợ xuống cấp.
2. Sở Tài chính bố trí kinh phí sửa chữa chợ.
Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ngành, Chủ tịch UBND các huyện triển khai thực hiện./.
""")
    assert [t.text for t in tasks] == ["Sở Công Thương rà soát các chợ xuống cấp.",
                                       "Sở Tài chính bố trí kinh phí sửa chữa chợ."]
