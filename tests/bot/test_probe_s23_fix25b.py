"""What probe 24 met on QĐ 773/QĐ-TTg (a plan: 16 units, 45 tasks; a ministry's directory of 21 people, names without
marks, "Uỷ/Hoá"), through the real conversation core and the Telegram sandbox (helper fix25b): "Các bộ, ban, ngành
khác" given to every ministry, those the plan names as leads too (F3); "Ủy ban nhân dân các tỉnh, thành phố trực
thuộc trung ương" never reaching the provinces of the directory (F4); "34: Bộ LĐTBXH" leaving the ministry among its
own task's supporters, and the typed initials in the heads' messages (F6); "/giao III.1.k Hương" not finding the
unit's only Hương (F15)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import Person, Task
from tests.bot.conftest import last_text, texts_to
from tests.bot.qd773 import NOTICE, directory, started

DIRECTORY = directory()  # probe 24's, with one ministry the plan does not name (Bộ Nội vụ): "the other ministries"
PROVINCES = {"Uỷ ban nhân dân tỉnh Thanh Hoá", "Ủy ban nhân dân tỉnh Hòa Bình", "Uy ban nhan dan tinh Quang Tri"}


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url, csv=DIRECTORY)
    yield h
    await h.stop()


def preview(h: Harness, since: int) -> str:
    return "\n".join(texts_to(h, "admin_vpcp", since))


def rows(h: Harness, ref: str) -> list[Task]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(Task).where(Task.item_ref == ref).order_by(Task.id))))


def held_by(h: Harness, ref: str) -> set[str]:
    assert h.db is not None
    return h.db.call(lambda s: {s.get_one(Person, t.assignee_id).handle for t in s.scalars(
        select(Task).where(Task.item_ref == ref)) if t.assignee_id is not None})


async def shown_whole(h: Harness, number: int) -> str:
    """Task `number` as "xem N" shows it (a preview of 20 tasks or more is one line a task since fix25d)."""
    mark = len(h.sent)
    await h.say("admin_vpcp", f"xem {number}")
    return preview(h, mark)


# ---------------------------------------------------------------- F3: "các bộ, ban, ngành khác" = the others

async def test_the_other_ministries_leave_out_those_the_plan_gives_their_own_tasks(harness: Harness) -> None:
    h = harness
    await h.say("admin_vpcp", NOTICE)
    shown = preview(h, 0)
    # III.14 "Các bộ, ban, ngành khác: …"
    line = next(line for line in (await shown_whole(h, 42)).splitlines() if "• Chủ trì" in line)
    assert "Các bộ, ban, ngành khác (ngoài các đơn vị đã có nhiệm vụ riêng) — 1 đơn vị trong danh bạ" in line, line
    assert "Bộ Nội vụ" in line and "Bộ Quốc phòng" not in line and "Bo Tai chinh" not in line, line
    # a call to carry out the plan, no work of its own: marked for the admin to drop
    assert "ⓘ Nhiệm vụ 42 chỉ nêu yêu cầu chung" in shown, shown[-3000:]
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    assert held_by(h, "III.14") == {"head_bnv"}
    assert len(rows(h, "III.14")) == 1


async def test_no_other_ministry_left_is_said_with_how_to_drop_the_item(db_url: str) -> None:
    h = await started(db_url, csv=directory(without=("head_bnv",)))
    try:
        await h.say("admin_vpcp", NOTICE)
        line = next(line for line in (await shown_whole(h, 42)).splitlines() if "• Chủ trì" in line)
        assert line.endswith("Các bộ, ban, ngành khác (ngoài các đơn vị đã có nhiệm vụ riêng): danh bạ không còn đơn "
                             "vị nào khác thuộc nhóm này; nếu không cần giao, đồng chí gõ “bỏ 42”"), line
    finally:
        await h.stop()


# ---------------------------------------------------------------- F4: the provinces' people's committees

async def test_the_provinces_people_committees_are_each_given_the_task(harness: Harness) -> None:
    h = harness
    await h.say("admin_vpcp", NOTICE)
    # III.13 "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    line = next(line for line in (await shown_whole(h, 41)).splitlines() if "• Chủ trì" in line)
    assert "— 3 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ" in line and "chưa có trong danh bạ" not in line, line
    mark = len(h.sent)
    await h.reply("admin_vpcp", "41: UBND các tỉnh")  # the admin's short form, a group too
    answer = last_text(h, "admin_vpcp")
    assert "chủ trì: UBND các tỉnh" in answer and "UBND các tỉnh — 3 đơn vị trong danh bạ" in answer, answer
    assert "chưa có trong danh bạ" not in preview(h, mark)
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    assert held_by(h, "III.13") == {"head_thanhhoa", "head_hoabinh", "head_quangtri"}
    assert {t.lead_unit_names[0] for t in rows(h, "III.13")} == PROVINCES
    assert held_by(h, "III.16 (đoạn 2)") >= {"head_thanhhoa", "head_hoabinh", "head_quangtri"}  # the annual report


# ---------------------------------------------------------------- F6: a new lead is no supporter; its proper name

async def test_a_new_lead_leaves_the_supporters_and_is_named_properly(harness: Harness) -> None:
    h = harness
    await h.say("admin_vpcp", NOTICE)
    await h.reply("admin_vpcp", "34: Bộ LĐTBXH")  # III.7.c "Phối hợp với Bộ Lao động - Thương binh và Xã hội …"
    answer = last_text(h, "admin_vpcp")
    assert "• nhiệm vụ 34 (Mục III.7.c), chủ trì: Bộ Lao động - Thương binh và Xã hội\n" \
           "  (bỏ Bộ Lao động - Thương binh và Xã hội khỏi phối hợp vì đã là đơn vị chủ trì)" in answer, answer
    assert "• Phối hợp" not in answer.split("34. [Mục III.7.c]")[1].split("\n\n")[0], answer
    await h.reply("admin_vpcp", "34 phối hợp: Bộ Y tế, Bộ LĐTBXH")  # the lead typed among the supporters: left out
    answer = last_text(h, "admin_vpcp")
    assert "• nhiệm vụ 34 (Mục III.7.c), phối hợp: Bộ Y tế\n" \
           "  (bỏ Bộ Lao động - Thương binh và Xã hội khỏi phối hợp vì đã là đơn vị chủ trì)" in answer, answer
    mark = len(h.sent)
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    task = rows(h, "III.7.c")[-1]
    assert task.lead_unit_names == ["Bộ Lao động - Thương binh và Xã hội"] and task.support_unit_names == ["Bộ Y tế"]
    told = texts_to(h, "head_ldtbxh", mark) + texts_to(h, "head_byt", mark)
    assert told and not any("LĐTBXH" in t for t in told), told
    assert any("chủ trì: Bộ Lao động - Thương binh và Xã hội" in t for t in texts_to(h, "head_byt", mark))


# ---------------------------------------------------------------- F15: a given name within the task's unit

async def test_a_given_name_is_the_one_person_of_the_tasks_unit(harness: Harness) -> None:
    h = harness
    await h.say("admin_vpcp", NOTICE)
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    await h.say("head_ldtbxh", "/giao III.1.k Hương")  # Bộ Công an has a Hương too: not of this unit
    said = last_text(h, "head_ldtbxh")
    assert said.startswith("Đã giao nhiệm vụ mục III.1.k") and "cho đ/c Lê Thị Hương" in said, said
    assert held_by(h, "III.1.k") == {"cv_ldtbxh"}
    await h.say("admin_vpcp", "/giao III.3.c Hương")  # the admin: the item's unit (Bộ Công an) is where to look
    said = last_text(h, "admin_vpcp")
    assert "cho đ/c Trần Thị Hương" in said, said
    assert held_by(h, "III.3.c") == {"cv_bca"}


async def test_a_given_name_several_people_of_the_unit_share_is_asked(db_url: str) -> None:
    h = await started(db_url, csv=DIRECTORY + "cv2_ldtbxh,Nguyễn Thu Hương,Chuyên viên Cục Người có công,"
                                             "Bộ Lao động - Thương binh và Xã hội,cadre\n")
    try:
        await h.say("admin_vpcp", NOTICE)
        await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
        await h.say("head_ldtbxh", "/giao III.1.k Hương")
        said = last_text(h, "head_ldtbxh")
        assert said.startswith("Có 2 cán bộ tên “Hương”") and "@cv_ldtbxh — Lê Thị Hương" in said \
            and "@cv2_ldtbxh — Nguyễn Thu Hương" in said, said
        assert held_by(h, "III.1.k") == {"head_ldtbxh"}
    finally:
        await h.stop()
