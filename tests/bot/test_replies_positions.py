"""Probe 20: what people type about items numbered otherwise than they think.

- The bot letters a notice's dash bullets under "2." as 2.a, 2.b …; people type the dash's position ("2.1 xong",
  "2.3 đang làm 50%", "mục 3 …"). An item number that names nothing the person holds, when it can only be one
  position, is read as that item (said in the confirmation) or, typed alone, asked about ("ý đồng chí là mục 2.c?",
  answered by the action or by "đúng"); so is any number from someone holding one open task.
- Lists of a person's items (the refusal, /viec, the help's examples) follow the notice's order and numbers.
- "xong từ 14/3, báo cáo muộn": the completion is recorded on the day said.
- A cadre of the lead unit, who may report for the unit, sees the unit's tasks, may snooze them, is told an item is
  closed; the head hears of the cadre's extension request.
- A wish gets one courteous line."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import texts
from bot.conversation.status import greeting_answer
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import Task, TaskStatus
from storage.reports import weekly_digest
from tests.bot.conversation_setup import last_text, open_card, reports, started, task, texts_to
from tests.conftest import DIRECTORY_CSV, local

# "2. Kiến nghị" over four dash bullets (lettered 2.a–2.d by the bot) for the Sở Tài nguyên và Môi trường, and a real
# item 3 for the Ban Dân vận Tỉnh ủy. Deadlines out of item order: 2.a 15/3, 2.b 30/3, 2.c 20/3, 2.d 10/4.
DASHES = """ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN
Số: 52/TB-UBND
Bình Thuận, ngày 20 tháng 02 năm 2018
THÔNG BÁO
Kết quả kiểm tra công tác bảo vệ môi trường năm 2017
1. Kết quả kiểm tra: Sở Tài nguyên và Môi trường đã thực hiện cơ bản các quy định về bảo vệ môi trường.
2. Kiến nghị: Đề nghị Sở Tài nguyên và Môi trường thực hiện các nội dung sau:
- Rà soát hồ sơ cấp phép xả thải của các cơ sở sản xuất, hoàn thành trước ngày 15/3/2018.
- Kiểm tra hệ thống xử lý nước thải các khu công nghiệp, báo cáo trước ngày 30/3/2018.
- Bổ sung biển báo tại các điểm tập kết rác thải, hoàn thành trước ngày 20/3/2018.
- Tổng hợp kết quả khắc phục, báo cáo UBND tỉnh trước ngày 10/4/2018.
3. Giao Ban Dân vận Tỉnh ủy chủ trì tuyên truyền Nhân dân về bảo vệ môi trường, báo cáo trước ngày 30/4/2018.
"""


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))  # a Monday
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", DASHES)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    assert set(refs(h)) >= {"2.a", "2.b", "2.c", "2.d", "3"}
    yield h
    await h.stop()


def refs(h: Harness) -> dict[str, Task]:
    assert h.db is not None
    return h.db.call(lambda s: {t.item_ref: t for t in s.query(Task)})


def status_of(h: Harness, ref: str) -> tuple[TaskStatus, int | None]:
    t = refs(h)[ref]
    return TaskStatus(t.status), t.percent


# ---------------------------------------------------------------- F1: a dash's position typed

async def test_a_dash_position_typed_is_read_as_the_lettered_item_and_said(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "2.1 xong")
    told = last_text(h, "head_stnmt")
    assert told.startswith("Đã cập nhật: mục 2.a — Hoàn thành, đúng hạn."), told
    assert "“2.1”" in told and "mục 2.a" in told and "2.a, 2.b, 2.c, 2.d" in told and "Không tìm thấy" not in told
    assert status_of(h, "2.a") == (TaskStatus.DONE, 100)
    await h.say("head_stnmt", "2.3 dang lam 50%")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 2.c — 50% — Đang thực hiện.")
    assert status_of(h, "2.c") == (TaskStatus.IN_PROGRESS, 50)
    sent = len(h.sent)
    await h.say("head_stnmt", "2.2, 2.4 xong")
    answers = texts_to(h, "head_stnmt", sent)
    assert len(answers) == 1 and "mục 2.b — Hoàn thành" in answers[0] and "mục 2.d — Hoàn thành" in answers[0]
    assert "“2.2”" not in answers[0], "how a position is read is said once per person and notice (digest2)"


async def test_a_position_typed_in_reply_to_another_items_card_is_asked_not_put_on_the_card(
        harness: Harness) -> None:
    """"2.1 xong" under 2.c's card means 2.a (not 2.c, which the reply alone would say): the bot asks which."""
    h = harness
    await open_card(h, "head_stnmt", "2.c")
    await h.reply("head_stnmt", "2.1 xong")
    assert last_text(h, "head_stnmt").startswith("Đồng chí báo cáo mục 2.a hay mục 2.c?"), last_text(h, "head_stnmt")
    assert status_of(h, "2.c") == (TaskStatus.OPEN, None) and status_of(h, "2.a") == (TaskStatus.OPEN, None)
    await h.tap("head_stnmt", "Mục 2.a")
    assert status_of(h, "2.a") == (TaskStatus.DONE, 100)


async def test_a_position_asked_on_zalo_shows_the_form_to_type_once(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", DASHES)
        await h.say("admin", "xác nhận")
        await h.say("head_stnmt", "muc 3 dang lam 50%")
        asked = last_text(h, "head_stnmt")
        assert "gõ “đúng”" in asked and asked.count("“2.c dang lam 50%”") == 1, asked
        await h.say("head_stnmt", "2.c dang lam 50%")
        assert status_of(h, "2.c") == (TaskStatus.IN_PROGRESS, 50)
    finally:
        await h.stop()


async def test_a_position_beyond_the_lettered_items_is_not_read(harness: Harness) -> None:
    h = harness
    before = len(reports(h))
    await h.say("head_stnmt", "2.5 xong")  # four bullets only
    assert last_text(h, "head_stnmt").startswith("Không tìm thấy nhiệm vụ mục 2.5")
    assert len(reports(h)) == before


async def test_a_number_of_an_unlettered_notice_is_not_read_as_a_position(db_url: str) -> None:
    h = await started(db_url)  # items 1–4, nothing lettered: "1.1" is no position
    try:
        await h.say("head_bdv", "1.1 xong")
        assert last_text(h, "head_bdv").startswith("Không tìm thấy nhiệm vụ mục 1.1")
        assert TaskStatus(task(h, "1").status) == TaskStatus.OPEN
    finally:
        await h.stop()


async def test_a_number_alone_for_a_position_is_asked_and_a_yes_applies_it(harness: Harness) -> None:
    """"mục 3 đang làm 50%" from one who holds 2.a–2.d (item 3 is another unit's): asked, then "đúng"."""
    h = harness
    await h.say("head_stnmt", "muc 3 dang lam 50%")
    asked = last_text(h, "head_stnmt")
    assert "Ý đồng chí là mục 2.c" in asked and "“đúng”" in asked and "dang lam 50%" in asked, asked
    assert status_of(h, "2.c") == (TaskStatus.OPEN, None) and status_of(h, "3") == (TaskStatus.OPEN, None)
    await h.say("head_stnmt", "đúng rồi")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 2.c — 50% — Đang thực hiện.")
    assert status_of(h, "2.c") == (TaskStatus.IN_PROGRESS, 50)
    assert reports(h)[-1].source == "text"
    sent = len(h.sent)
    await h.say("head_stnmt", "đúng")  # (asked once, applied once)
    assert all("Đã cập nhật" not in t for t in texts_to(h, "head_stnmt", sent))


async def test_one_open_task_and_a_number_that_does_not_exist_is_asked_and_the_action_applies_it(
        harness: Harness) -> None:
    """F17: "5 đang làm 30%" from one who holds only mục 3."""
    h = harness
    await h.say("head_bdv", "5 dang lam 30%, da hop dan cu")
    asked = last_text(h, "head_bdv")
    assert asked.startswith("Không có nhiệm vụ mục 5 trong danh sách của đồng chí. Ý đồng chí là mục 3"), asked
    await h.tap("head_bdv", "Mục 3")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 3 — 30% — Đang thực hiện.")
    assert status_of(h, "3") == (TaskStatus.IN_PROGRESS, 30)
    assert reports(h)[-1].source == "text"


async def test_a_number_that_fits_nothing_lists_the_items_in_the_notices_order_with_their_deadlines(
        harness: Harness) -> None:
    """F15: the refusal and /viec follow the notice (2.a, 2.b, 2.c, 2.d), not the deadlines (2.a, 2.c, 2.b …)."""
    h = harness
    await h.say("head_stnmt", "7 xong")
    told = last_text(h, "head_stnmt")
    assert "mục 2.a (hạn 15/03), mục 2.b (hạn 30/03), mục 2.c (hạn 20/03), mục 2.d (hạn 10/04)" in told, told
    await h.say("head_stnmt", "/viec")
    listed = last_text(h, "head_stnmt")
    assert listed.index("Mục 2.a") < listed.index("Mục 2.b") < listed.index("Mục 2.c") < listed.index("Mục 2.d")


async def test_the_help_examples_use_the_persons_own_item_numbers(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/huongdan")
    helped = last_text(h, "head_bdv")
    assert "“3 xong”" in helped and "2.1" not in helped
    await h.say("leader", "/huongdan")  # holding nothing: the general example
    assert "“2.1 xong”" in last_text(h, "leader")


# ---------------------------------------------------------------- F8: finished on a day said later

async def test_done_since_a_day_said_late_is_recorded_on_that_day(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2018, 3, 20, 9, 0))  # after 2.a's deadline (15/3)
    await h.say("head_stnmt", "2.a da xong tu 14/3, bao cao muon vi di cong tac")
    told = last_text(h, "head_stnmt")
    assert told.startswith("Đã cập nhật: mục 2.a — Hoàn thành ngày 14/03/2018, đúng hạn."), told
    done = refs(h)["2.a"]
    assert done.done_at is not None and done.done_at.astimezone(local(2018, 1, 1).tzinfo).date() == dt.date(2018, 3, 14)
    report = reports(h)[-1]
    assert report.created_at.astimezone(local(2018, 1, 1).tzinfo).date() == dt.date(2018, 3, 20), \
        "the report is dated when it was sent"
    tz = h.clock.now().astimezone(local(2018, 1, 1).tzinfo).tzinfo
    week = h.db.call(lambda s: weekly_digest(s, today=dt.date(2018, 3, 23), tz=tz))  # 17/3–23/3: reported then
    assert [(i.item_ref, i.done_on, i.on_time) for i in week.done] == [("2.a", dt.date(2018, 3, 14), True)]


async def test_a_day_not_yet_come_or_no_day_leaves_the_completion_at_the_report(harness: Harness) -> None:
    h = harness
    h.clock.set(local(2018, 3, 20, 9, 0))
    await h.say("head_stnmt", "2.b xong tu 30/3")  # a day to come: not when it was finished
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 2.b — Hoàn thành, đúng hạn.")
    await h.say("head_stnmt", "2.c hoàn thành, báo cáo muộn")
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 2.c — Hoàn thành, đúng hạn.")
    h.clock.set(local(2018, 4, 12, 9, 0))
    await h.say("head_stnmt", "2.d xong hôm 11/4")  # after its deadline: late, on that day
    assert last_text(h, "head_stnmt").startswith("Đã cập nhật: mục 2.d — Hoàn thành ngày 11/04/2018, quá hạn.")


# ---------------------------------------------------------------- F10: a cadre of the lead unit

async def test_a_cadre_of_the_lead_unit_sees_snoozes_and_is_told_a_task_is_closed(db_url: str) -> None:
    h = await started(db_url)  # tasks 1–3 held by head_bdv; cadre_bdv is of the same unit
    try:
        await h.say("cadre_bdv", "/viec")
        listed = last_text(h, "cadre_bdv")
        assert "Nhiệm vụ của đơn vị do đồng chí khác phụ trách (3)" in listed and "Đ/c Lê Văn Dân" in listed, listed
        assert listed.index("Mục 1") < listed.index("Mục 2") < listed.index("Mục 3")
        sent = len(h.sent)
        await h.say("cadre_bdv", "2 nhắc lại tuần sau")
        assert last_text(h, "cadre_bdv").startswith("Đã hoãn nhắc mục 2;")
        assert task(h, "2").snoozed_until is not None
        assert any(t.startswith("Đ/c Phạm Thị Vận đã hoãn nhắc mục 2;") for t in texts_to(h, "head_bdv", sent))
        await h.say("cadre_bdv", "1 xong")
        await h.say("cadre_bdv", "1 đã gửi báo cáo bằng văn bản")
        assert last_text(h, "cadre_bdv").startswith("Nhiệm vụ mục 1 đã hoàn thành ngày 26/02/2018")
    finally:
        await h.stop()


async def test_the_head_hears_of_an_extension_request_his_cadre_sends_once(db_url: str) -> None:
    h = await started(db_url)
    try:
        sent = len(h.sent)
        await h.say("cadre_bdv", "1 xin gia hạn đến 30/3")
        assert TaskStatus(task(h, "1").status) == TaskStatus.EXTENSION_REQUESTED
        heard = [t for t in texts_to(h, "head_bdv", sent) if "gia hạn" in t]
        assert len(heard) == 1, heard
        assert "Phạm Thị Vận" in heard[0] and "30/03/2018" in heard[0]
    finally:
        await h.stop()


# ---------------------------------------------------------------- F19: a wish

@pytest.mark.parametrize(("typed", "answer"), [
    ("chúc mừng năm mới", texts.GREETING_REPLY), ("Chuc mung nam moi a!", texts.GREETING_REPLY),
    ("Kính chúc các đồng chí năm mới an khang thịnh vượng", texts.GREETING_REPLY),
    ("Công ty xin chúc Sở sức khỏe, công tác tốt", texts.WISH_REPLY),
    ("tổ chức họp dân xong", None), ("chức vụ của tôi là gì", None), ("chúc mừng năm mới, 2.a xong", None),
    ("chúc mừng năm mới, mục nào còn chưa xong?", None),
])
def test_a_wish_and_only_a_wish_gets_a_courteous_line(typed: str, answer: str | None) -> None:
    assert greeting_answer(typed) == answer


async def test_a_wish_is_answered_courteously_not_as_not_understood(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "Chúc mừng năm mới!")
    assert last_text(h, "head_stnmt") == texts.GREETING_REPLY
    assert reports(h) == []
