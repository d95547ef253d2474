"""A standing duty ("Thường xuyên đôn đốc, hướng dẫn …", DOMAIN.md: "thường xuyên") is reported on, never finished
by one "xong" (new-user probe 22, F5b): the report is recorded, the duty stays open with its periodic check-in, and
the person is told so in one line. A task with a deadline is finished as before; the office may still close it."""

from __future__ import annotations

from sqlalchemy import select

from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task, TaskStatus
from tests.conftest import local

DIRECTORY = ("handle,full_name,title,unit,role\n"
             "vt,Lù Thị Văn,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
             "tc,Phạm Thu Tài,Giám đốc,Sở Tài chính,head\n")
NOTICE = "\n".join(["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Số: 15/UBND-KT", "Lào Cai, ngày 17 tháng 4 năm 2026",
                    "THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh về bảo vệ khoáng sản",
                    "1. Sở Tài chính thường xuyên đôn đốc, hướng dẫn các xã bố trí kinh phí bảo vệ khoáng sản.",
                    "2. Sở Tài chính rà soát dự toán kinh phí bảo vệ khoáng sản trước ngày 30/6/2026.", ""])


async def test_xong_on_a_standing_duty_keeps_it_open(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 17, 9, 0)))
    await h.start(directory_csv=DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("vt", NOTICE)
        await h.say("vt", "xác nhận")
        before = len(h.sent)
        await h.say("tc", "mục 1 xong, đã ban hành văn bản số 123/STC-NS")
        said = "\n".join(s.text or "" for s in h.sent[before:] if s.to == "tc")
        assert "nhiệm vụ thường xuyên: đã ghi nhận báo cáo" in said and "Hoàn thành" not in said, said
        await h.say("tc", "mục 2 xong")

        def state(session):  # type: ignore[no-untyped-def]
            tasks = {t.item_ref: t for t in session.scalars(select(Task))}
            notes = [r.note for r in session.scalars(select(StatusReport).where(StatusReport.task_id == tasks["1"].id))]
            return tasks["1"].status, tasks["2"].status, notes

        one, two, notes = await h.db.run(state)
        assert one == TaskStatus.IN_PROGRESS and two == TaskStatus.DONE, (one, two)
        assert any("123/STC-NS" in (n or "") for n in notes), "the report is kept"
    finally:
        await h.stop()
