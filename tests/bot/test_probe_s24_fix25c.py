"""What new-user probe 24 met on QĐ 773/QĐ-TTg (a ministries' plan, 45 tasks), through the real conversation core
on SQLite: corrections typed in a clerk's own words refused (F5) and a support list replaced without a word; a
head's move request naming a ministry not filled in for the office, and the office's move typed while another
preview was open answered with a status (F9); "Bộ nào chậm?" sent to the office as a question (F8); a notice's
kind written in lower case after "thuộc" (F16)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bot import texts
from bot.corrections import looks_like_correction, parse_corrections
from bot.sandbox.harness import Harness
from storage.corrections import Correction
from storage.models import Notice, NoticeStatus, Task
from tests.bot.conftest import last_text, texts_to
from tests.bot.qd773 import NOTICE_FILE, directory, pasted
from tests.conftest import local

# the probe's people this file needs (the notice as a file: tests/bot/test_office_waiting.py reads it)
DIRECTORY = directory(only=("admin_vpcp", "leader_vpcp", "head_ldtbxh", "cv_ldtbxh", "head_bqp", "head_bca", "head_btc",
                            "head_byt", "head_thanhhoa"))
NOTICE = NOTICE_FILE
OTHER_NOTICE = "\n".join(["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Số: 2650/LĐTBXH-NCC",
                          "Hà Nội, ngày 02 tháng 7 năm 2018", "CÔNG VĂN", "Về việc rà soát hồ sơ người có công",
                          "1. Bộ Quốc phòng rà soát hồ sơ người có công trước ngày 30/7/2018.",
                          "2. Bộ Công an rà soát hồ sơ người có công trước ngày 30/7/2018.", ""])
TODAY = dt.date(2018, 6, 28)


@pytest.fixture
async def plan(db_url: str):  # type: ignore[no-untyped-def]
    """QĐ 773 loaded by the office on 28/06/2018, its preview open."""
    h = await pasted(db_url, csv=DIRECTORY)
    yield h
    await h.stop()


def _tasks(h: Harness, ref: str) -> list[Task]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(Task).where(Task.item_ref == ref)
                                              .options(selectinload(Task.assignee)).order_by(Task.id))))


# ---------------------------------------------------------------- F5: the clerk's own words


@pytest.mark.parametrize(("typed", "meant"), [
    ("36 thêm phối hợp Bộ Công an", [Correction(target="36", field="support_add", value=("Bộ Công an",))]),
    ("36 phối hợp thêm Bộ Công an", [Correction(target="36", field="support_add", value=("Bộ Công an",))]),
    ("thêm phối hợp Bộ Công an cho nhiệm vụ 36", [Correction(target="36", field="support_add",
                                                               value=("Bộ Công an",))]),
    ("36: bỏ phối hợp Bộ Y tế", [Correction(target="36", field="support_remove", value=("Bộ Y tế",))]),
    ("bỏ phối hợp Bộ Y tế khỏi 36", [Correction(target="36", field="support_remove", value=("Bộ Y tế",))]),
    ("sửa hạn nhiệm vụ 6 thành 20/3/2019", [Correction(target="6", field="due", value=dt.date(2019, 3, 20))]),
    ("thời hạn của nhiệm vụ 6: 20/3/2019", [Correction(target="6", field="due", value=dt.date(2019, 3, 20))]),
    ("đổi hạn 6 sang 20/3/2019", [Correction(target="6", field="due", value=dt.date(2019, 3, 20))]),
    ("6 hạn mới là 20/3/2019", [Correction(target="6", field="due", value=dt.date(2019, 3, 20))]),
    ("nhiệm vụ 6 hạn 20/3/2019", [Correction(target="6", field="due", value=dt.date(2019, 3, 20))]),
    ("nhiệm vụ 17 giao cho đ/c Hương", [Correction(target="17", field="lead", value=("đ/c Hương",))]),
    ("giao nhiệm vụ 17 cho đ/c Hương", [Correction(target="17", field="lead", value=("đ/c Hương",))]),
    ("sửa chủ trì nhiệm vụ 8 thành Bộ Y tế", [Correction(target="8", field="lead", value=("Bộ Y tế",))]),
    ("đổi phối hợp số 5 thành Bộ Y tế", [Correction(target="5", field="support", value=("Bộ Y tế",))]),
    ("sửa nội dung nhiệm vụ 4 thành Rà soát lại", [Correction(target="4", field="text", value="Rà soát lại")]),
    ("34 phối hợp Bộ Y tế", [Correction(target="34", field="support", value=("Bộ Y tế",))]),
    ("bỏ nhiệm vụ 3", [Correction(target="3", field="drop")]),
    # the notice's own number stays the notice's number
    ("số 12/TB-UBND", [Correction(target="", field="number", value="12/TB-UBND")]),
])
def test_a_correction_in_a_clerks_own_words_reads_as_the_short_form(typed: str, meant: list[Correction]) -> None:
    assert parse_corrections(typed, today=TODAY) == meant
    assert looks_like_correction(typed)


async def test_free_sentences_correct_the_open_draft_typed_or_replied(plan: Harness) -> None:
    h = plan
    await h.say("admin_vpcp", "sửa hạn nhiệm vụ 6 thành 20/3/2019")  # typed, not a reply: the draft is open
    assert "• nhiệm vụ 6 (Mục III.1.f), thời hạn: 20/03/2019" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
    await h.say("admin_vpcp", "bỏ 50")  # an error message: a reply to it still corrects the draft
    await h.reply("admin_vpcp", "nhiệm vụ 17 giao cho đ/c Hương")
    said = last_text(h, "admin_vpcp")
    assert "Đã sửa 1 nội dung" in said and "giao đ/c Lê Thị Hương" in said, said
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    assert _tasks(h, "III.1.f")[0].due_on == dt.date(2019, 3, 20)
    assert [t.assignee.handle for t in _tasks(h, "III.1.r") if t.assignee] == ["cv_ldtbxh"]


async def test_a_support_list_replaced_is_said_and_one_unit_can_be_added_or_taken_out(plan: Harness) -> None:
    h = plan
    # (not Bộ Y tế, as the probe typed: that is task 34's lead, and a lead typed among the supporters is left out)
    await h.reply("admin_vpcp", "34 phối hợp: Bộ Tài chính")
    said = last_text(h, "admin_vpcp")
    assert "• nhiệm vụ 34 (Mục III.7.c), thay danh sách phối hợp: Bộ Tài chính (trước đây: Bộ Lao động - Thương binh " \
           "và Xã hội;" in said and "“34 thêm phối hợp Bộ Tài chính”" in said, said
    await h.reply("admin_vpcp", "36 thêm phối hợp Bộ Công an")
    said = last_text(h, "admin_vpcp")
    assert "• nhiệm vụ 36 (Mục III.9.a), thêm phối hợp: Bộ Công an" in said, said
    await h.reply("admin_vpcp", "36 bỏ phối hợp Bộ Quốc phòng")
    assert "bỏ khỏi phối hợp: Bộ Quốc phòng" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
    await h.reply("admin_vpcp", "36 bỏ phối hợp Bộ Tài chính")  # not among them: refused, with the list
    said = last_text(h, "admin_vpcp")
    assert said.startswith("Nhiệm vụ 36 (Mục III.9.a) không có “Bộ Tài chính” trong danh sách phối hợp; đơn vị phối "
                           "hợp hiện là: Bộ Lao động - Thương binh và Xã hội; Bộ Công an"), said
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    [t36] = _tasks(h, "III.9.a")
    assert t36.support_unit_names == ["Bộ Lao động - Thương binh và Xã hội", "Bộ Công an"]
    assert _tasks(h, "III.7.c")[0].support_unit_names == ["Bộ Tài chính"]


async def test_an_item_number_without_its_section_names_the_task_and_one_dropped_is_said_dropped(
        plan: Harness) -> None:
    h = plan
    await h.reply("admin_vpcp", "bỏ mục 14")  # the notice's 14. under III.: III.14, task 42
    assert "• bỏ nhiệm vụ 42 (Mục III.14)" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
    for typed in ("bỏ mục 14", "bỏ 42", "42 hạn 30/9/2018"):
        await h.reply("admin_vpcp", typed)
        said = last_text(h, "admin_vpcp")
        assert said.startswith("Mục III.14 (nhiệm vụ 42) đã được bỏ khỏi danh sách trước đó"), (typed, said)


# ---------------------------------------------------------------- F9: moving a task to the unit asked for


async def test_a_heads_move_request_names_the_unit_for_the_office_and_one_tap_moves_it(plan: Harness) -> None:
    h = plan
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 6, 28, 10, 0))
    mark = len(h.sent)
    await h.say("head_bca", "III.3.c không phải việc của phòng tôi, đề nghị chuyển Bộ LĐTBXH chủ trì")
    [to_office] = [s for s in h.sent[mark:] if s.to == "admin_vpcp"]
    assert "sang Bộ Lao động - Thương binh và Xã hội chủ trì" in (to_office.text or "") and \
        "<tên đơn vị chủ trì>" not in (to_office.text or ""), to_office.text
    assert "gõ: chuyển mục III.3.c sang Bộ Lao động - Thương binh và Xã hội" in (to_office.text or "")
    assert to_office.buttons == [texts.BUTTON_MOVE]
    await h.tap("admin_vpcp", texts.BUTTON_MOVE)
    [task] = _tasks(h, "III.3.c")
    assert task.assignee is not None and task.assignee.handle == "head_ldtbxh"
    assert last_text(h, "admin_vpcp").startswith("Đã chuyển nhiệm vụ mục III.3.c"), last_text(h, "admin_vpcp")
    assert "đã được chuyển sang" in last_text(h, "head_bca")


async def test_the_offices_move_typed_while_another_preview_is_open_moves_the_confirmed_task(plan: Harness) -> None:
    h = plan
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 7, 2, 9, 0))
    await h.say("admin_vpcp", OTHER_NOTICE)  # another notice's preview: open
    mark = len(h.sent)
    await h.say("admin_vpcp", "chuyển mục III.3.c sang Bộ LĐTBXH")
    said = "\n".join(texts_to(h, "admin_vpcp", mark))
    assert said.startswith("Đã chuyển nhiệm vụ mục III.3.c"), said
    assert "sang Bộ Lao động - Thương binh và Xã hội chủ trì" in said, said  # as the notice spells it, not "Bo Lao…"
    assert "Lưu ý: đồng chí đang mở xem trước một văn bản chưa xác nhận (Công văn số 2650/LĐTBXH-NCC" in said, said
    [task] = _tasks(h, "III.3.c")
    assert task.assignee is not None and task.assignee.handle == "head_ldtbxh"
    assert h.db is not None
    drafts = h.db.call(lambda s: s.scalar(select(Notice.id).where(Notice.status == NoticeStatus.DRAFT)))
    assert drafts is not None  # the other notice's preview stays open, as it was
    await h.say("admin_vpcp", "1 hạn 15/8/2018")  # and is still corrected as before
    assert "• nhiệm vụ 1 (Mục 1), thời hạn: 15/08/2018" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")
    await h.say("admin_vpcp", "chuyển 2 sang Bộ Y tế")  # a bare number: the preview's task 2
    assert "• nhiệm vụ 2 (Mục 2), chủ trì: Bộ Y tế" in last_text(h, "admin_vpcp"), last_text(h, "admin_vpcp")


# ---------------------------------------------------------------- F8: "Bộ nào chậm?"; F16: "thuộc Quyết định …"


@pytest.mark.parametrize("asked", ["Bộ nào chậm?", "Bộ nào chưa báo cáo?", "bo nao cham"])
async def test_a_leader_asks_which_ministry_is_late(plan: Harness, asked: str) -> None:
    h = plan
    await h.reply("admin_vpcp", "6 hạn 29/6/2018")
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 7, 3, 10, 0))
    mark = len(h.sent)
    await h.say("leader_vpcp", asked)
    said = "\n".join(texts_to(h, "leader_vpcp", mark))
    assert not texts_to(h, "admin_vpcp", mark), texts_to(h, "admin_vpcp", mark)  # not a question to the office
    assert "Bộ Lao động - Thương binh và Xã hội" in said and "Thanh Hoá" not in said, said
    mark = len(h.sent)
    await h.say("leader_vpcp", "tỉnh nào chậm?")  # scoped to the kind: no province is late
    said = "\n".join(texts_to(h, "leader_vpcp", mark))
    assert said.startswith("Hiện không có tỉnh nào"), said


async def test_a_notice_named_after_thuoc_keeps_its_capital(plan: Harness) -> None:
    h = plan
    await h.tap("admin_vpcp", texts.BUTTON_CONFIRM)
    await h.advance_to(local(2018, 7, 3, 9, 0))
    await h.say("head_btc", "III.4.a vướng kinh phí, chưa bố trí được")
    mark = len(h.sent)
    await h.say("leader_vpcp", "những việc nào đang vướng?")
    said = "\n".join(texts_to(h, "leader_vpcp", mark))
    assert "(Thuộc Quyết định số 773/QĐ-TTg" in said and "thuộc quyết định" not in said, said
