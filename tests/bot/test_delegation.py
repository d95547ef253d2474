"""Delegation and supporting units through the sandbox, on SQLite and PostgreSQL: the head of the lead unit
hands a task to a cadre of the unit (/giao 2 @cadre_bdv); the cadre gets the reminders, the head hears of
every update and may still update the task; a supporting unit (phối hợp) reports its part, the lead sees it,
and only the lead's report completes the task."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import AuditLog, Person, StatusReport, TaskStatus
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
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def person_id(h: Harness, handle: str) -> int:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Person.id).where(Person.handle == handle)).one())


async def test_the_head_hands_a_task_to_a_cadre_and_stays_informed(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao")
    assert "/giao <số mục> <mã hoặc họ tên cán bộ>" in last_text(h, "head_bdv") and "@cadre_bdv — Phạm Thị Vận" in \
        last_text(h, "head_bdv")
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    # (not "trước đây: đ/c Lê Văn Dân": the head is not told the task he hands on was his — probe 18)
    assert last_text(h, "head_bdv").startswith("Đã giao nhiệm vụ mục 2 (Thông báo số 45/TB-UBND ngày 20/02/2018) "
                                               "cho đ/c Phạm Thị Vận. Đ/c Phạm Thị Vận sẽ nhận nhắc việc")
    assignment = last_text(h, "cadre_bdv")
    assert "Đ/c Lê Văn Dân (Ban Dân vận Tỉnh ủy) giao đồng chí phụ trách nhiệm vụ" in assignment
    assert "• Mục 2:" in assignment and "hạn 30/03/2018" in assignment
    assert task(h, "2").assignee_id == person_id(h, "cadre_bdv")
    assert count(h, AuditLog, AuditLog.action == "task.delegate") == 1
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    assert "đang là người phụ trách nhiệm vụ mục 2" in last_text(h, "head_bdv")
    await h.say("head_bdv", "/viec")
    mine = last_text(h, "head_bdv")
    assert "Nhiệm vụ đồng chí Lê Văn Dân đang phụ trách (2):" in mine and "• Mục 2:" in mine.split("đã giao")[1]
    assert "Nhiệm vụ của đơn vị đã giao cán bộ (1):" in mine and "Đ/c Phạm Thị Vận; thời hạn: 30/03/2018; " \
        "tình trạng: Chưa cập nhật" in mine

    # the reminders follow the assignee: the cadre's digest has task 2, the head's do not
    start = len(h.sent)
    await h.advance_to(local(2018, 3, 28, 9, 0))
    assert any("• Mục 2:" in t for t in texts_to(h, "cadre_bdv", start))
    head_digests = [t for t in texts_to(h, "head_bdv", start) if t.startswith("Kính gửi")]
    assert head_digests and not any("• Mục 2:" in t for t in head_digests)

    # a reply to the assignment message is about task 2; the head is told of it
    before = len(h.sent)
    await h.reply("cadre_bdv", "60% đang rà soát các hộ dân", )
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 2 — 60% — Đang thực hiện.")
    (told,) = texts_to(h, "head_bdv", before)
    assert told == ("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2 (Thông báo số 45/TB-UBND ngày 20/02/2018): "
                    "60% — Đang thực hiện.\nNội dung: đang rà soát các hộ dân")
    # the head may still update it (a reply to that message, or typed), and the cadre hears of it
    await h.reply("head_bdv", "vướng kinh phí đo đạc")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — Vướng mắc.")
    assert last_text(h, "cadre_bdv").startswith("Đ/c Lê Văn Dân đã cập nhật nhiệm vụ mục 2")
    await h.say("head_bdv", "2 80% đang thực hiện")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — 80% — Đang thực hiện.")
    await h.say("cadre_bdv", "xong")  # the cadre's only open task
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 2 — Hoàn thành")
    assert last_text(h, "head_bdv").startswith("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2")
    assert task(h, "2").status == TaskStatus.DONE


async def test_a_head_taking_a_task_back_gets_one_answer_not_a_letter_to_himself(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    before = len(h.sent)
    await h.say("head_bdv", "/giao 2 @head_bdv")
    [answer] = texts_to(h, "head_bdv", before)
    assert answer.startswith("Đồng chí đã nhận lại nhiệm vụ mục 2 (Thông báo số 45/TB-UBND ngày 20/02/2018) "
                             "(trước đây: đ/c Phạm Thị Vận)"), answer
    assert task(h, "2").assignee_id == person_id(h, "head_bdv")


async def test_a_supporting_unit_reports_its_part_and_only_the_lead_completes(harness: Harness) -> None:
    h = harness
    # told once, at confirmation, of the item it supports and who leads it (never reminded of its deadline) — in the
    # same message as the task the Sở leads itself, not a second one in the same second
    told = texts_to(h, "head_stnmt", 0)
    [supporting] = [t for t in told if "phối hợp thực hiện" in t]
    assert len(told) == 1 and supporting.startswith("Kính gửi đồng chí Trần Văn Môi,"), told
    assert ("\n\nĐơn vị đồng chí được đề nghị phối hợp thực hiện nhiệm vụ theo Thông báo số 45/TB-UBND ngày "
            "20/02/2018:\n• Mục 2: ") in supporting, supporting
    assert "chủ trì: Ban Dân vận Tỉnh ủy" in supporting and "“phối hợp 2: đã gửi số liệu”" in supporting
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    before = len(h.sent)
    await h.say("head_stnmt", "phối hợp 2: đã gửi số liệu các hộ dân bị ảnh hưởng")
    assert last_text(h, "head_stnmt").startswith(
        "Đã ghi nhận báo cáo phối hợp của Sở Tài nguyên và Môi trường về nhiệm vụ mục 2")
    told = ("Đơn vị phối hợp Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi) báo cáo về nhiệm vụ mục 2 "
            "(Thông báo số 45/TB-UBND ngày 20/02/2018): đã gửi số liệu các hộ dân bị ảnh hưởng")
    assert texts_to(h, "cadre_bdv", before) == [told] and texts_to(h, "head_bdv", before) == [told]
    (report,) = reports(h)
    assert (report.source, report.status, report.percent) == ("support", TaskStatus.OPEN, None)
    await h.say("head_stnmt", "2 xong")
    assert "do Ban Dân vận Tỉnh ủy chủ trì và báo cáo tình trạng" in last_text(h, "head_stnmt")
    await h.say("head_stnmt", "phối hợp 2")
    assert "ghi thêm nội dung phối hợp" in last_text(h, "head_stnmt")
    assert task(h, "2").status == TaskStatus.OPEN and count(h, StatusReport) == 1
    await h.say("cadre_bdv", "2 xong")
    assert task(h, "2").status == TaskStatus.DONE
    await h.say("head_stnmt", "phối hợp 2: bổ sung số liệu")
    assert "không có trong danh sách phối hợp của nhiệm vụ mục 2 đang thực hiện" in last_text(h, "head_stnmt")


async def test_delegation_typed_on_zalo(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        await h.say("head_bdv", "/giao mục 1 @cadre_bdv")
        assert texts_to(h, "head_bdv")[-1].startswith("Đã giao nhiệm vụ mục 1")
        assert "gõ số mục và tình trạng" in texts_to(h, "cadre_bdv")[-1]
        await h.say("cadre_bdv", "1 30% đang tổng hợp ý kiến")
        assert texts_to(h, "head_bdv")[-1].startswith("Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 1")
        assert all(s.channel == "zalo" for s in h.sent)
    finally:
        await h.stop()


async def test_the_giao_can_bo_actions_on_a_task_card(harness: Harness) -> None:
    h = harness
    await open_card(h, "head_bdv", "1")
    assert h.state.bot_messages(h.handles["head_bdv"])[-1].buttons[-1] == texts.BUTTON_DELEGATE
    await h.tap("head_bdv", texts.BUTTON_DELEGATE)
    assert last_text(h, "head_bdv").startswith("Đồng chí giao nhiệm vụ này cho cán bộ nào của đơn vị?")
    await h.tap("head_bdv", "Phạm Thị Vận")
    assert last_text(h, "head_bdv").startswith("Đã giao nhiệm vụ mục 1")
    assert task(h, "1").assignee_id == person_id(h, "cadre_bdv")
    assert "giao đồng chí phụ trách nhiệm vụ" in last_text(h, "cadre_bdv")
    # the cadre's card has no such action, and a forged one is refused
    await open_card(h, "cadre_bdv", "1")
    assert texts.BUTTON_DELEGATE not in h.state.bot_messages(h.handles["cadre_bdv"])[-1].buttons
    await tap_data(h, "cadre_bdv", f"g:{task_ids(h)['1']}:{person_id(h, 'cadre_bdv')}")
    assert "Chỉ trưởng đơn vị chủ trì mới giao nhiệm vụ" in last_text(h, "cadre_bdv")
    await tap_data(h, "head_stnmt", f"g:{task_ids(h)['1']}")
    assert "Chỉ trưởng đơn vị chủ trì mới giao nhiệm vụ" in last_text(h, "head_stnmt")


GROUP_DIRECTORY = ("handle,full_name,title,unit,role\n"
                   "admin,Nguyễn Thị Quản,Chuyên viên,Văn phòng UBND tỉnh,admin\n"
                   "head_tc,Lê Văn Tài,Giám đốc,Sở Tài chính,head\n"
                   "head_nv,Phạm Thị Nội,Giám đốc,Sở Nội vụ,head\n"
                   "head_vp,Trần Văn Phòng,Chánh Văn phòng,Văn phòng UBND tỉnh,head\n")


async def test_a_supporting_unit_reports_once_on_an_item_given_to_a_group(db_url: str) -> None:
    """The item became one row a member of the group; the support report reaches each, without asking which."""
    from scheduler.clock import FakeClock

    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=GROUP_DIRECTORY.encode(), enroll_all=True)
    try:
        await h.say("admin", "Chủ tịch UBND tỉnh có ý kiến như sau:\n"
                             "1. Giao các sở rà soát thủ tục hành chính, phối hợp với Văn phòng UBND tỉnh, báo cáo "
                             "trước ngày 15/3/2018.")
        await h.tap("admin", texts.BUTTON_CONFIRM)
        [told] = texts_to(h, "head_vp")
        assert "• Mục 1: " in told and "chủ trì: Sở Tài chính, Sở Nội vụ; hạn 15/03/2018" in told
        before = len(h.sent)
        await h.say("head_vp", "phối hợp 1: đã gửi danh mục thủ tục")
        assert last_text(h, "head_vp").startswith("Đã ghi nhận báo cáo phối hợp")
        assert len(texts_to(h, "head_tc", before)) == 1 and len(texts_to(h, "head_nv", before)) == 1
        assert count(h, StatusReport) == 2  # kept with each unit's row
    finally:
        await h.stop()


async def test_the_holders_own_line_says_who_was_told_on_the_day_a_late_task_is_escalated(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")  # due Fri 30/03/2018; the head after 2 working days, leaders after 5
    start = len(h.sent)
    await h.advance_to(local(2018, 4, 9, 12, 0))
    digests = {s.at.astimezone(local(2018, 1, 1).tzinfo).date().isoformat(): s.text or ""
               for s in h.sent[start:] if s.to == "cadre_bdv" and (s.text or "").startswith("Kính gửi")}
    said = {day: text.split("(Do nhiệm vụ đã quá hạn, hôm nay Nhắc việc đã báo ")[1].split(" để nắm")[0]
            for day, text in digests.items() if "(Do nhiệm vụ đã quá hạn" in text}
    assert said == {"2018-04-03": "đồng chí trưởng đơn vị", "2018-04-06": "lãnh đạo phụ trách"}, digests.keys()
    assert "quá hạn 2 ngày làm việc — Chưa cập nhật\n  (Do nhiệm vụ đã quá hạn" in digests["2018-04-03"]
    to_head = [s.text or "" for s in h.sent[start:] if s.to == "head_bdv" and "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in (s.text or "")]
    assert len(to_head) == 1 and "• Mục 2" in to_head[0], "the head is asked once; his line says nothing of himself"
