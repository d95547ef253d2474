"""Replies as people really type them, through the sandbox (Telegram), on SQLite and PostgreSQL: for each,
the task it lands on with its status, percentage, note and requested date — or the question the bot must
ask (and then nothing is stored). Then the "which task?" actions, on Telegram and typed on Zalo, and every
action tried by someone who may not do it, each refused with its real reason and what to do instead."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import update

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import Notice, NoticeStatus, StatusReport, Task, TaskStatus
from tests.bot.conversation_setup import (
    count,
    last_text,
    open_card,
    reports,
    started,
    tap_data,
    task,
    task_ids,
    texts_to,
)

D = dt.date


@dataclass(frozen=True)
class Rec:
    """A status recorded on task `ref`."""

    ref: str
    status: TaskStatus
    percent: int | None = None
    due: dt.date | None = None  # the extension asked for
    note: str | None = None


@dataclass(frozen=True)
class Ask:
    """The bot asks or explains; nothing is stored."""

    says: str
    buttons: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Snoozed:
    ref: str
    until: dt.date


@dataclass(frozen=True)
class Support:
    ref: str
    note: str


S = TaskStatus
WHICH = "là của nhiệm vụ nào"
CASES: list[tuple[str, str, str, Rec | Ask | Snoozed | Support]] = [
    # typed by the head of the Ban Dân vận, who has tasks 1, 2 and 3
    ("head_bdv", "typed", "1 xong", Rec("1", S.DONE, 100, note="xong")),
    ("head_bdv", "typed", "Mục 2: đã hoàn thành", Rec("2", S.DONE, 100, note="đã hoàn thành")),
    ("head_bdv", "typed", "2 60% vướng kinh phí", Rec("2", S.BLOCKED, 60, note="60% vướng kinh phí")),
    ("head_bdv", "typed", "3 đang triển khai, đạt 30%", Rec("3", S.IN_PROGRESS, 30)),
    ("head_bdv", "typed", "1 xin gia hạn đến 30/4 vì chờ ý kiến Sở Tài chính",
     Rec("1", S.EXTENSION_REQUESTED, due=D(2018, 4, 30), note="xin gia hạn đến 30/4 vì chờ ý kiến Sở Tài chính")),
    ("head_bdv", "typed", "3 xin gia hạn đến thứ 6 tuần sau", Ask("không có thời hạn cụ thể nên không cần gia hạn")),
    ("head_bdv", "typed", "2 xin gia hạn đến thứ 6 tuần sau", Ask("chưa cần gia hạn")),  # 09/03, before 30/03
    ("head_bdv", "typed", "1 xin lùi hạn đến 15/4/2018", Rec("1", S.EXTENSION_REQUESTED, due=D(2018, 4, 15))),
    ("head_bdv", "typed", "1 đề nghị gia hạn đến ngày 5 tháng 4", Rec("1", S.EXTENSION_REQUESTED, due=D(2018, 4, 5))),
    ("head_bdv", "typed", "2 xin gia hạn đến cuối quý", Rec("2", S.EXTENSION_REQUESTED, due=D(2018, 3, 31))),
    ("head_bdv", "typed", "2 xin gia hạn đến cuối tháng", Ask("đến ngày nào")),  # 28/02, before 30/03: which date?
    ("head_bdv", "typed", "2 xin gia hạn đến 28/2", Ask("chưa cần gia hạn")),  # a day said: no later than 30/03
    ("head_bdv", "typed", "1 xin gia hạn đến 31/2", Ask("đến ngày nào")),
    ("head_bdv", "typed", "1 xin gia hạn", Ask("đến ngày nào")),
    ("head_bdv", "typed", "1 xin gia hạn đến 20/2/2018", Ask("đã qua")),
    ("head_bdv", "typed", "xong", Ask(WHICH, ("Mục 1", "Mục 2", "Mục 3"))),
    ("head_bdv", "typed", "60% vướng kinh phí", Ask(WHICH, ("Mục 1", "Mục 2", "Mục 3"))),
    ("head_bdv", "typed", "xin gia hạn đến 30/4", Ask(WHICH)),
    ("head_bdv", "typed", "2.1 xong", Ask("Không tìm thấy nhiệm vụ mục 2.1")),
    ("head_bdv", "typed", "1 nhắc lại tuần sau", Snoozed("1", D(2018, 3, 5))),
    ("head_bdv", "typed", "mở lại 1", Ask("Mục 1 chưa ghi hoàn thành (đang thực hiện) nên không cần mở lại")),
    ("head_bdv", "typed", "1 đã xong", Rec("1", S.DONE, 100)),
    ("head_bdv", "typed", "1 chưa xong, đang làm", Rec("1", S.IN_PROGRESS)),
    ("head_bdv", "typed", "2 100%", Rec("2", S.DONE, 100)),
    ("head_bdv", "typed", "Mục 3 - hoàn tất", Rec("3", S.DONE, 100)),
    ("head_bdv", "typed", "3 khó khăn về nhân lực", Rec("3", S.BLOCKED, note="khó khăn về nhân lực")),
    ("head_bdv", "typed", "1 đang thực hiện", Rec("1", S.IN_PROGRESS)),
    ("head_bdv", "typed", "2: đã gửi dự thảo báo cáo, 80%", Rec("2", S.IN_PROGRESS, 80)),
    # the head of the Sở Tài nguyên và Môi trường: one task of his own (4), a supporting part in task 2
    ("head_stnmt", "typed", "xong", Rec("4", S.DONE, 100)),
    ("head_stnmt", "typed", "70% đang hoàn thiện hồ sơ", Rec("4", S.IN_PROGRESS, 70)),
    ("head_stnmt", "typed", "xin gia hạn đến 31/3 vì chờ kết quả đo đạc",
     Rec("4", S.EXTENSION_REQUESTED, due=D(2018, 3, 31))),
    ("head_stnmt", "typed", "vướng mặt bằng", Rec("4", S.BLOCKED)),
    ("head_stnmt", "typed", "xin gia hạn", Ask("đến ngày nào")),
    ("head_stnmt", "typed", "phối hợp 2: đã gửi số liệu", Support("2", "đã gửi số liệu")),
    ("head_stnmt", "typed", "Phối hợp mục 2 - đã cử cán bộ tham gia đoàn rà soát",
     Support("2", "đã cử cán bộ tham gia đoàn rà soát")),
    ("head_stnmt", "typed", "2 xong", Ask("phối hợp 2:")),
    ("head_stnmt", "typed", "phối hợp 1: đã gửi", Ask("không có trong danh sách phối hợp")),
    ("head_stnmt", "typed", "4 nhắc lại ngày mai", Snoozed("4", D(2018, 2, 27))),
    # replies to the card of task 2
    ("head_bdv", "card:2", "xong", Rec("2", S.DONE, 100)),
    ("head_bdv", "card:2", "60% vướng kinh phí", Rec("2", S.BLOCKED, 60)),
    ("head_bdv", "card:2", "xin gia hạn đến 20/4", Rec("2", S.EXTENSION_REQUESTED, due=D(2018, 4, 20))),
    ("head_bdv", "card:2", "3 xong", Ask("Đồng chí báo cáo mục 3 hay mục 2?", ("Mục 3", "Mục 2"))),
    ("head_bdv", "card:2", "2 đang thực hiện 40%", Rec("2", S.IN_PROGRESS, 40)),
    ("head_bdv", "card:2", "nhắc lại tuần sau", Snoozed("2", D(2018, 3, 5))),
    ("head_bdv", "card:2", "đã liên hệ các hộ dân, chờ phản hồi",
     Rec("2", S.IN_PROGRESS, note="đã liên hệ các hộ dân, chờ phản hồi")),
    # replies to the assignment message (three tasks for head_bdv, one for head_stnmt)
    ("head_bdv", "assignment", "xong", Ask(WHICH, ("Mục 1", "Mục 2", "Mục 3"))),
    ("head_bdv", "assignment", "2 xong", Rec("2", S.DONE, 100)),
    ("head_stnmt", "assignment", "xong", Rec("4", S.DONE, 100)),
    ("head_stnmt", "assignment", "Đã gửi báo cáo kết quả kiểm tra, hoàn thành", Rec("4", S.DONE, 100)),
    # someone with no task, and a leader with nothing to decide
    ("leader", "typed", "xong", Ask("không có nhiệm vụ nào đang thực hiện")),
    # a cadre with no task of her own: which of her unit's (she may report for them: probe 21, F8)
    ("cadre_bdv", "typed", "xong", Ask("Ban Dân vận Tỉnh ủy đang có 3 nhiệm vụ. Nội dung “xong” là của nhiệm vụ nào?")),
    # a member of the lead unit reports for it (probe 19): the head's task 1, by its number
    ("cadre_bdv", "typed", "1 xong", Rec("1", S.DONE, 100)),
    ("leader", "typed", "đồng ý gia hạn", Ask("Không có đề nghị gia hạn nào")),
]


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


@pytest.mark.parametrize(("who", "how", "text", "expected"), CASES, ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in CASES])
async def test_a_reply_lands_where_a_colleague_would_put_it(harness: Harness, who: str, how: str, text: str,
                                                            expected: Rec | Ask | Snoozed | Support) -> None:
    h = harness
    if how.startswith("card:"):
        await open_card(h, who, how.split(":")[1])
    before = len(reports(h))
    if how == "typed":
        await h.say(who, text)
    else:
        await h.reply(who, text)
    new = reports(h)[before:]
    answer = last_text(h, who)
    if isinstance(expected, Ask):
        assert expected.says in answer
        assert new == [], "a question stores nothing"
        if expected.buttons is not None:
            assert tuple(h.state.bot_messages(h.handles[who])[-1].buttons) == expected.buttons
        return
    if isinstance(expected, Snoozed):
        assert new == [] and task(h, expected.ref).snoozed_until == expected.until
        assert "Đã hoãn nhắc mục " + expected.ref in answer
        return
    if isinstance(expected, Support):
        assert len(new) == 1 and new[0].source == "support" and new[0].note == expected.note
        assert new[0].task_id == task_ids(h)[expected.ref]
        assert task(h, expected.ref).status == TaskStatus.OPEN, "a supporting unit's report changes no status"
        assert "Đã ghi nhận báo cáo phối hợp" in answer
        return
    assert len(new) == 1, answer
    report = new[0]
    assert report.task_id == task_ids(h)[expected.ref], answer
    assert (report.status, report.percent, report.requested_due_on) == (expected.status, expected.percent,
                                                                         expected.due)
    if expected.note is not None:
        assert report.note == expected.note
    assert task(h, expected.ref).status == expected.status
    assert answer.startswith(f"Đã cập nhật: mục {expected.ref} — ")
    if expected.due is not None:
        assert f"Đề nghị gia hạn đến {expected.due:%d/%m/%Y}" in answer


async def test_which_task_actions_apply_the_kept_reply_once(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "60% vướng kinh phí khảo sát")
    question = h.state.bot_messages(h.handles["head_bdv"])[-1]
    assert question.buttons == ["Mục 1", "Mục 2", "Mục 3"]
    assert all(len((question.button_data(b) or "").encode()) <= 64 for b in question.buttons)
    await h.tap("head_bdv", "Mục 2")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — 60% — Vướng mắc.")
    (report,) = reports(h)
    assert (report.task_id, report.percent, report.note, report.source) == (
        task_ids(h)["2"], 60, "60% vướng kinh phí khảo sát", "text")
    assert h.state.bot_messages(h.handles["head_bdv"])[-2].buttons == [], "the question's actions come off"
    # the same choice replayed (a second device, a double tap) does nothing more
    data = question.button_data("Mục 3") or ""
    answered = last_text(h, "head_bdv")
    await h.deliver(h.state.user_tap(h.handles["head_bdv"], question, data))
    assert len(reports(h)) == 1 and last_text(h, "head_bdv") == answered
    assert task(h, "3").status == TaskStatus.OPEN
    # someone else cannot use another person's kept reply
    await tap_data(h, "head_stnmt", data)
    assert len(reports(h)) == 1


async def test_a_disagreeing_item_number_is_asked_with_two_actions(harness: Harness) -> None:
    h = harness
    await open_card(h, "head_bdv", "2")
    await h.reply("head_bdv", "3 xong")
    assert last_text(h, "head_bdv").startswith("Đồng chí báo cáo mục 3 hay mục 2?")
    await h.tap("head_bdv", "Mục 3")
    assert last_text(h, "head_bdv") == "Đã cập nhật: mục 3 — Hoàn thành."
    assert task(h, "3").status == TaskStatus.DONE and task(h, "2").status == TaskStatus.OPEN


async def test_which_task_is_typed_on_zalo(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        await h.say("head_bdv", "xong")
        question = texts_to(h, "head_bdv")[-1]
        assert WHICH in question and "“1 xong” · “2 xong” · “3 xong”" in question
        assert "bấm" not in question
        await h.say("head_stnmt", "phối hợp 2: đã gửi số liệu")
        assert "Đã ghi nhận báo cáo phối hợp" in texts_to(h, "head_stnmt")[-1]
        assert texts_to(h, "head_bdv")[-1].startswith("Đơn vị phối hợp Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi)")
        await h.say("head_bdv", "2 xong")
        assert texts_to(h, "head_bdv")[-1].startswith("Đã cập nhật: mục 2 — Hoàn thành")
    finally:
        await h.stop()


# ---------------------------------------------------------------- refusals that say why

async def _status_tap(h: Harness) -> None:
    await tap_data(h, "head_stnmt", f"t:{task_ids(h)['1']}:done")


async def _snooze_tap(h: Harness) -> None:  # (a cadre of the lead unit may: he may report for it)
    await tap_data(h, "head_stnmt", f"s:{task_ids(h)['1']}:1")


async def _decide_tap(h: Harness) -> None:
    await h.say("head_bdv", "1 xin gia hạn đến 30/4")
    report_id = reports(h)[-1].id
    await tap_data(h, "cadre_bdv", f"x:{report_id}:ok")


async def _decide_typed(h: Harness) -> None:
    await h.say("head_bdv", "1 xin gia hạn đến 30/4")
    await h.say("head_stnmt", "đồng ý gia hạn 1")


async def _confirm_tap(h: Harness) -> None:
    await h.say("admin", NOTICE_AGAIN)
    await tap_data(h, "head_bdv", "n:2:ok")


async def _done_task(h: Harness) -> None:
    await h.say("head_bdv", "1 xong")
    await tap_data(h, "head_bdv", f"t:{task_ids(h)['1']}:prog")


async def _cancelled_task(h: Harness) -> None:
    assert h.db is not None
    h.db.call(lambda s: s.execute(update(Task).where(Task.item_ref == "1").values(status=TaskStatus.CANCELLED)))
    await tap_data(h, "head_bdv", f"t:{task_ids(h)['1']}:done")


async def _cancelled_notice(h: Harness) -> None:
    assert h.db is not None
    h.db.call(lambda s: s.execute(update(Notice).values(status=NoticeStatus.CANCELLED)))
    await tap_data(h, "admin", "n:1:ok")


NOTICE_AGAIN = ("Kính gửi: Sở Tài nguyên và Môi trường\nChủ tịch UBND tỉnh có ý kiến như sau:\n"
                "Sở Tài nguyên và Môi trường chủ trì rà soát cơ sở gây ô nhiễm, báo cáo trước ngày 30/3/2018.")

REFUSALS = [
    ("head_bdv", "/tonghop", "chỉ dành cho lãnh đạo và quản trị viên. Đồng chí gõ /donvi"),
    ("cadre_bdv", "/tonghop", "dành cho lãnh đạo và quản trị viên"),
    ("head_bdv", "/moi cadre_bdv", "Chỉ quản trị viên mới tạo mã mời"),
    ("cadre_bdv", "/giao 2 @cadre_bdv", "Chỉ trưởng đơn vị chủ trì mới giao nhiệm vụ"),
    ("leader", "/giao 2 @cadre_bdv", "Chỉ trưởng đơn vị chủ trì mới giao nhiệm vụ"),
    ("head_stnmt", "/giao 2 @cadre_bdv", "Không có nhiệm vụ mục 2 do đơn vị đồng chí chủ trì"),
    ("head_bdv", "/giao 2 @head_stnmt", "không phải cán bộ của Ban Dân vận Tỉnh ủy"),
    ("head_bdv", "/giao 2 @ai_do", "Không tìm thấy cán bộ “ai_do” trong danh bạ"),
    ("head_bdv", "file", "Chỉ quản trị viên (Văn phòng) mới đưa văn bản thông báo"),
    ("head_stnmt", _status_tap, "Đồng chí không phụ trách nhiệm vụ mục 1 (người phụ trách: đ/c Lê Văn Dân)"),
    ("head_stnmt", _snooze_tap, "Đồng chí không phụ trách nhiệm vụ mục 1"),
    ("cadre_bdv", _decide_tap, "do lãnh đạo hoặc quản trị viên quyết định"),
    ("head_stnmt", _decide_typed, "do lãnh đạo hoặc quản trị viên quyết định"),
    ("head_bdv", _confirm_tap, "Chỉ quản trị viên mới xác nhận"),
    ("head_bdv", _done_task, "đã hoàn thành ngày 26/02/2018; tình trạng được giữ nguyên. Nếu cần làm tiếp, "
                             "đồng chí gõ “mở lại 1”"),
    ("head_bdv", _cancelled_task, "Nhiệm vụ mục 1 đã được hủy"),
    ("admin", _cancelled_notice, "Thông báo này đã được hủy"),
]


@pytest.mark.parametrize(("who", "action", "says"), REFUSALS,
                         ids=[f"{r[0]}-{r[1] if isinstance(r[1], str) else r[1].__name__}" for r in REFUSALS])
async def test_every_action_by_someone_who_may_not_is_refused_with_the_reason(harness: Harness, who: str, action,  # type: ignore[no-untyped-def]
                                                                             says: str) -> None:
    h = harness
    before = count(h, StatusReport)
    if action == "file":
        from tests.conftest import SEED_NOTICE

        await h.send_file(who, SEED_NOTICE)
    elif isinstance(action, str):
        await h.say(who, action)
    else:
        await action(h)
        before = count(h, StatusReport)  # (the setup may have stored a request or a report)
    assert says in last_text(h, who)
    assert count(h, StatusReport) == before, "a refusal stores nothing"
    assert task(h, "2").assignee_id == task(h, "1").assignee_id, "no task changed hands"


async def test_an_unenrolled_chat_is_told_how_to_enroll(harness: Harness) -> None:
    h = harness
    h.add_person("stranger", "Người Lạ")
    await h.say("stranger", "1 xong")
    assert last_text(h, "stranger") == texts.not_enrolled("telegram")
    assert count(h, StatusReport) == 0


async def test_start_from_an_unenrolled_chat_gives_its_id_for_the_admin_setting(harness: Harness) -> None:
    """The office's IT officer needs the clerk's Telegram id for NHACVIEC_ADMIN_IDS: /start tells it."""
    h = harness
    user_id = h.add_person("clerk2", "Văn Thư Mới")
    await h.say("clerk2", "/start")
    answer = last_text(h, "clerk2")
    assert answer.startswith("Tài khoản của đồng chí chưa được liên kết với Nhắc việc.")
    assert f"Mã Telegram của đồng chí: {user_id} (" in answer and "NHACVIEC_ADMIN_IDS" in answer, answer
