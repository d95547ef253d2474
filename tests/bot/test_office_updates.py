"""The office records what a unit reported by phone or on paper: "1 Sở Tài nguyên và Môi trường xong" from an
admin updates that unit's row of an item several units hold, and tells its assignee; without a unit named the
admin is asked which, nothing stored; a pasted notice line is never read as such a report."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import Task, TaskStatus
from storage.reports import task_rows
from tests.bot.conversation_setup import GROUP_NOTICE, last_text, started_group, started_with
from tests.conftest import local


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
        assert last_text(h, "head_bdv").endswith("Nội dung: vướng kinh phí"), "the unit's name is not its note"
        assert h.db is not None  # the report says the office, not the unit, wrote it
        notes = {r.unit: r.latest_note for r in h.db.call(task_rows, today=dt.date(2018, 3, 1),
                                                           tz=local(2018, 3, 1, 0, 0).tzinfo)}
        assert notes["Ban Dân vận Tỉnh ủy"] == "50% vướng kinh phí (Văn phòng ghi nhận thay đơn vị)", notes
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
        assert last_text(h, "leader").splitlines()[:4] == [
            "Tình hình thực hiện mục 1:",
            "• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: 60% — Vướng mắc; hạn 30/03/2018",
            "  Nội dung báo cáo gần nhất: “60% vướng kinh phí”",  # what the unit said, for the leader (probe 21)
            "• Sở Tài nguyên và Môi trường — đ/c Trần Văn Môi: Chưa cập nhật; hạn 30/03/2018"]
        await h.say("leader", "1?")
        assert last_text(h, "leader").startswith("Tình hình thực hiện mục 1:\n• Ban Dân vận Tỉnh ủy")
        await h.say("leader", "mục 1 Ban Dân vận")  # answered as "tình hình mục 1 Ban Dân vận" is (session 22)
        assert last_text(h, "leader").splitlines()[1:] == [
            "• Ban Dân vận Tỉnh ủy — đ/c Lê Văn Dân: 60% — Vướng mắc; hạn 30/03/2018",
            "  Nội dung báo cáo gần nhất: “60% vướng kinh phí”",
            "Gõ /tonghop để xem tổng hợp theo đơn vị."]
        assert states(h)["Sở Tài nguyên và Môi trường"] == (TaskStatus.OPEN, None), "a question stores nothing"
    finally:
        await h.stop()


async def test_the_office_hands_one_units_row_to_a_cadre_when_the_unit_has_no_head(db_url: str) -> None:
    directory = ("handle,full_name,title,unit,role\n"
                 "admin,Nguyễn Thị Quản,Chuyên viên Văn phòng Tỉnh ủy,Văn phòng Tỉnh ủy,admin\n"
                 "cadre_bdv,Phạm Thị Vận,Chuyên viên Ban Dân vận,Ban Dân vận Tỉnh ủy,cadre\n"
                 "head_stnmt,Trần Văn Môi,Giám đốc Sở Tài nguyên và Môi trường,Sở Tài nguyên và Môi trường,head\n")
    h = await started_with(db_url, directory, GROUP_NOTICE)
    try:
        await h.say("admin", "/giao 1 @cadre_bdv")
        assert "Đồng chí gõ kèm tên đơn vị, ví dụ: /giao 1 " in last_text(h, "admin"), last_text(h, "admin")
        await h.say("admin", "/giao 1 Ban Dân vận Tỉnh ủy @cadre_bdv")
        assert "Phạm Thị Vận" in last_text(h, "admin")
        assert last_text(h, "cadre_bdv").startswith("Kính gửi đồng chí Phạm Thị Vận"), last_text(h, "cadre_bdv")
        assert h.db is not None
        holders = h.db.call(lambda s: {t.lead_unit.name: t.assignee.handle if t.assignee else None
                                       for t in s.scalars(select(Task))})
        assert holders == {"Ban Dân vận Tỉnh ủy": "cadre_bdv", "Sở Tài nguyên và Môi trường": "head_stnmt"}
    finally:
        await h.stop()


def test_an_assignment_that_arrives_after_the_deadline_says_so() -> None:
    text = texts.assignment_text("Lê Văn Dân", "Thông báo số 46/TB-UBND ngày 20/02/2018",
                                 [("1", "Rà soát các hộ dân", dt.date(2018, 3, 30), None),
                                  ("2", "Báo cáo kết quả", dt.date(2018, 4, 30), None)],
                                 True, dt.date(2018, 4, 2))
    assert "• Mục 1: Rà soát các hộ dân — hạn 30/03/2018 — đã quá hạn, đề nghị khẩn trương thực hiện" in text
    assert "• Mục 2: Báo cáo kết quả — hạn 30/04/2018\n" in text
