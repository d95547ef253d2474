"""Task segmentation, non-task text and task tables (issue 8, patterns A, B, F).

Every snippet is a short example of a phrasing pattern, written for the test (no document's text)."""

from __future__ import annotations

from bot.ingest import parse_notice
from storage.parsed import ParsedTask

HEAD = """ỦY BAN NHÂN DÂN
TỈNH AN BÌNH
Số: 45/KH-UBND
An Bình, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Triển khai công tác quản lý chợ truyền thống
"""

SIGNATURE = """Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def _tasks(body: str, *, head: str = HEAD, tail: str = SIGNATURE) -> list[ParsedTask]:
    return list(parse_notice(head + body + tail).tasks)


def _find(tasks: list[ParsedTask], words: str) -> ParsedTask:
    hits = [t for t in tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in tasks]
    return hits[0]


# ---------------------------------------------------------------- F: task tables after the signature

PIPE_TABLE = """I. NHIỆM VỤ
1. Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
""" + SIGNATURE + """
Phụ lục
NHIỆM VỤ CỤ THỂ
(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh)
TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Rà soát mạng lưới chợ trên địa bàn | Sở Công Thương | UBND các xã | Quý II/2026 | 
2 | Sắp xếp lại các hộ kinh doanh | UBND các xã, phường | Sở Công Thương | Thường xuyên | 
3 | Kiểm tra phòng cháy tại các chợ | Công an tỉnh | Sở Công Thương; UBND các xã | Tháng 6/2026 | 
"""


def test_pipe_table_rows_with_an_empty_last_cell_stay_rows() -> None:
    tasks = _tasks(PIPE_TABLE, tail="")
    first = _find(tasks, "Rà soát mạng lưới chợ")
    second = _find(tasks, "Sắp xếp lại các hộ")
    third = _find(tasks, "Kiểm tra phòng cháy")
    assert first.lead == ("Sở Công Thương",)
    assert second.lead == ("UBND các xã, phường",) or second.lead == ("UBND các xã", "UBND các phường")
    assert third.lead == ("Công an tỉnh",)
    assert str(third.due) == "2026-06-30"
    assert not any(t.text.strip("() ").isdigit() for t in tasks)
