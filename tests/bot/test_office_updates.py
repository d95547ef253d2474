"""The office records what a unit reported by phone or on paper: "1 Sở Tài nguyên và Môi trường xong" from an
admin updates that unit's row of an item several units hold, and tells its assignee; without a unit named the
admin is asked which, nothing stored; a pasted notice line is never read as such a report."""

from __future__ import annotations

from sqlalchemy import select

from bot.sandbox.harness import Harness
from storage.models import Task, TaskStatus
from tests.bot.conversation_setup import last_text, started_group


def states(h: Harness) -> dict[str, tuple[str, int | None]]:
    assert h.db is not None
    return h.db.call(lambda s: {t.lead_unit.name: (t.status, t.percent) for t in s.scalars(select(Task))})


async def test_the_office_updates_the_unit_it_names(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("admin", "1 xong")
        asked = last_text(h, "admin")
        assert asked.startswith("Mục 1 đang do 2 đơn vị thực hiện:"), asked
        assert states(h) == {"Ban Dân vận Tỉnh ủy": (TaskStatus.OPEN, None),
                             "Sở Tài nguyên và Môi trường": (TaskStatus.OPEN, None)}
        await h.say("admin", "1 Sở Tài nguyên và Môi trường đã hoàn thành")
        await h.say("admin", "1 Ban Dân vận 50% vướng kinh phí")
        assert states(h) == {"Ban Dân vận Tỉnh ủy": (TaskStatus.BLOCKED, 50),
                             "Sở Tài nguyên và Môi trường": (TaskStatus.DONE, 100)}
        assert last_text(h, "head_bdv").startswith("Đ/c Nguyễn Thị Quản đã cập nhật nhiệm vụ mục 1")
        # a notice pasted by the admin, whose first line names a unit, is not a report on item 1
        await h.say("admin", "1. Giao Ban Dân vận Tỉnh ủy chủ trì rà soát, hoàn thành trước ngày 30/4/2018.")
        assert states(h)["Ban Dân vận Tỉnh ủy"] == (TaskStatus.BLOCKED, 50)
    finally:
        await h.stop()


async def test_a_leader_asks_how_the_units_stand_on_an_item(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 60% vướng kinh phí")
        await h.say("leader", "tình hình mục 1")
        assert last_text(h, "leader").splitlines()[:3] == [
            "Tình hình thực hiện mục 1:",
            "• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: 60% — Vướng mắc; hạn 30/03/2018",
            "• Sở Tài nguyên và Môi trường — đ/c Trần Văn Môi: Chưa cập nhật; hạn 30/03/2018"]
        await h.say("leader", "mục 1 Ban Dân vận")
        assert last_text(h, "leader").splitlines()[1:] == [
            "• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: 60% — Vướng mắc; hạn 30/03/2018",
            "Gõ /tonghop để xem tổng hợp theo đơn vị."]
        assert states(h)["Sở Tài nguyên và Môi trường"] == (TaskStatus.OPEN, None), "a question stores nothing"
    finally:
        await h.stop()
