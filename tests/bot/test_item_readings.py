"""An item number that fits the person's tasks under more than one numbering is asked about, never taken silently
(probe 23): "1 xong" from one holding item 1 of one notice and I.1 of another, "mục 2 đã hoàn thành" over I.2 and
II.2.a–b; the question and, once chosen, the confirmation name the notice."""

from __future__ import annotations

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus
from tests.conftest import DIRECTORY_CSV, local

PLAIN = """HUYỆN ỦY HÀM THUẬN
Số: 215-TB/HU
Hàm Thuận, ngày 02 tháng 3 năm 2018
THÔNG BÁO
Kết luận của Thường trực Huyện ủy
1. Ban Dân vận Tỉnh ủy tổ chức quán triệt Nghị quyết cho cán bộ, đảng viên, hoàn thành trước ngày 30/3/2018.
2. Ban Dân vận Tỉnh ủy rà soát quy chế phối hợp với Mặt trận, báo cáo trước ngày 15/4/2018.
3. Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm, báo cáo trước ngày 20/4/2018.
"""
ROMAN = """HUYỆN ỦY HÀM THUẬN
Số: 228-TB/HU
Hàm Thuận, ngày 02 tháng 3 năm 2018
THÔNG BÁO
Kết luận của Thường trực Huyện ủy
I. CÔNG TÁC TUYÊN TRUYỀN
1. Ban Dân vận Tỉnh ủy tiếp thu ý kiến góp ý hoàn chỉnh dự thảo báo cáo chính trị, trước ngày 30/4/2018.
II. CÔNG TÁC TỔ CHỨC
3. Ban Dân vận Tỉnh ủy chuẩn bị nhân sự đại hội điểm:
a) Ban Dân vận Tỉnh ủy lập danh sách nhân sự, trước ngày 20/4/2018.
b) Ban Dân vận Tỉnh ủy hoàn thiện hồ sơ nhân sự, trước ngày 25/4/2018.
"""


def last(h: Harness, handle: str) -> str:
    return [s.text or "" for s in h.sent if s.to == handle][-1]


def statuses(h: Harness) -> dict[str, str]:
    assert h.db is not None
    return h.db.call(lambda s: {t.item_ref: t.status for t in s.query(Task)})


async def test_an_item_number_of_two_numberings_is_asked_and_the_notice_named(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        for text in (PLAIN, ROMAN):
            await h.say("admin", text)
            await h.say("admin", "xác nhận")
        held = statuses(h)
        assert {"1", "I.1", "II.3.a"} <= set(held), held
        await h.say("head_bdv", "1 xong")
        asked = last(h, "head_bdv")
        assert "Mục 1 (215-TB/HU)" in asked and "Mục I.1 (228-TB/HU)" in asked, asked
        assert statuses(h)["1"] == statuses(h)["I.1"] == TaskStatus.OPEN
        await h.say("head_bdv", "mục 3 đã hoàn thành")  # item 3 of one notice, or section II.3 (its a–b) of the other
        asked = last(h, "head_bdv")
        assert "Mục 3 (215-TB/HU)" in asked and "Mục II.3.a (228-TB/HU)" in asked, asked
        assert all(v == TaskStatus.OPEN for v in statuses(h).values())
        await h.say("head_bdv", "1 xong tb 215")  # named: done, and the confirmation says which notice
        told = last(h, "head_bdv")
        assert statuses(h)["1"] == TaskStatus.DONE and statuses(h)["I.1"] == TaskStatus.OPEN
        assert told.startswith("Đã cập nhật: mục 1 (215-TB/HU) — Hoàn thành"), told
    finally:
        await h.stop()
