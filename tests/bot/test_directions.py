"""A leader's direction in reply to an escalation ("cần đồng chí chỉ đạo"): passed on, as written, to whoever
holds the late tasks it is about (the unit it names, if it names one), kept in the tasks' history, the leader
told to whom it went; a reply to the passed-on message reports on the task. Through the real
python-telegram-bot and the Bot API sandbox, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.sandbox.harness import Harness
from storage.audit import audit_entries
from tests.bot.conversation_setup import (
    NOTICE,
    SIGNED_NOTICE,
    WITH_SIGNER,
    last_text,
    started,
    started_with,
    task,
    texts_to,
)
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_a_leaders_reply_to_an_escalation_reaches_the_unit_and_its_reply_counts(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 27, 9, 0))  # task 4 (Sở TN&MT, due 20/03) is 5 working days late
    escalation = last_text(h, "leader")
    assert "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in escalation
    assert "(Đồng chí trả lời tin này để chỉ đạo" in escalation, "the leader is told how to direct"
    before = len(h.sent)
    await h.reply("leader", "Đề nghị Sở khẩn trương hoàn thành, báo cáo trước 30/3.")
    told = texts_to(h, "head_stnmt", before)
    assert len(told) == 1 and told[0].startswith("Kính gửi đồng chí Trần Văn Môi,\nĐồng chí Huỳnh Thanh Cảnh, Phó Bí "
                                                 "thư Thường trực Tỉnh ủy có ý kiến chỉ đạo về nhiệm vụ mục 4")
    assert "“Đề nghị Sở khẩn trương hoàn thành, báo cáo trước 30/3.”" in told[0]
    answer = last_text(h, "leader")
    assert answer.startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:\n• đ/c Trần Văn Môi (Sở Tài nguyên và Môi "
                             "trường) — mục 4"), answer
    assert not texts_to(h, "head_bdv", before), "only the holder of the task it is about"
    assert h.db is not None
    [kept] = [e for e in h.db.call(audit_entries) if e.action == "task.direction"]
    assert kept.actor == "leader" and kept.detail["text"].startswith("Đề nghị Sở khẩn trương")
    await h.reply("head_stnmt", "đã hoàn thành, gửi báo cáo")  # the unit answers the direction itself
    assert task(h, "4").status == "done"


async def test_a_reply_to_an_escalation_naming_another_unit_reaches_that_unit(harness: Harness) -> None:
    """The leader replies to the newest escalation (about one unit) with a direction for another unit: it goes to the
    unit it names, not to the unit the replied message was about."""
    h = harness
    await h.advance_to(local(2018, 3, 27, 9, 0))  # the escalation is about Sở TN&MT's item 4
    before = len(h.sent)
    await h.reply("leader", "Đề nghị Ban Dân vận khẩn trương hoàn thành, báo cáo trước 30/3.")
    [told] = texts_to(h, "head_bdv", before)
    assert "có ý kiến chỉ đạo về nhiệm vụ mục 1, 2, 3" in told, told
    assert not texts_to(h, "head_stnmt", before), "not the unit of the replied escalation"
    assert "(Ban Dân vận" in last_text(h, "leader"), last_text(h, "leader")


async def test_a_decision_word_in_reply_to_an_escalation_is_not_passed_on(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 27, 9, 0))
    before = len(h.sent)
    await h.reply("leader", "ok")
    assert not texts_to(h, "head_stnmt", before)


async def test_a_difficulty_a_unit_reports_reaches_the_leaders_weekly_summary(harness: Harness) -> None:
    from bot.channels.telegram import conversation_of
    from bot.conversation.reports import send_weekly_digest

    h = harness
    await h.say("head_stnmt", "4 đang làm 60%, vướng kinh phí đo đạc, đề nghị tỉnh hỗ trợ")
    assert h.app is not None
    assert await send_weekly_digest(conversation_of(h.app)) == 1
    summary = last_text(h, "leader")
    assert "4. Vướng mắc, đề xuất của đơn vị: 1 nhiệm vụ." in summary, summary
    assert "(Các nhiệm vụ dưới đây thuộc Thông báo số 45/TB-UBND ngày 20/02/2018.)" in summary, summary
    assert ("• Mục 4: Sở Tài nguyên và Môi trường, đ/c Trần Văn Môi — "
            "“đang làm 60%, vướng kinh phí đo đạc, đề nghị tỉnh hỗ trợ” (26/02)") in summary, summary
    h.clock.set(local(2018, 3, 9, 16, 0))  # a week on, nothing new said: the same words are not news
    assert await send_weekly_digest(conversation_of(h.app)) == 1
    later = last_text(h, "leader")
    assert "“đang làm 60%, vướng kinh phí đo đạc, đề nghị tỉnh hỗ trợ” (từ 26/02, chưa có cập nhật mới)" in later, later


async def test_a_direction_typed_names_the_unit_and_the_item(harness: Harness) -> None:
    h = harness
    before = len(h.sent)
    await h.say("leader", "Chỉ đạo Sở Tài nguyên và Môi trường khẩn trương hoàn thành mục 4, báo cáo trước 30/3")
    told = texts_to(h, "head_stnmt", before)
    assert len(told) == 1 and "có ý kiến chỉ đạo về nhiệm vụ mục 4" in told[0], told
    # the ask, without the words to the bot ("Chỉ đạo Sở Tài nguyên và Môi trường"; probe 21, F11c)
    assert "“khẩn trương hoàn thành mục 4, báo cáo trước 30/3”" in told[0], told[0]
    assert not texts_to(h, "head_bdv", before)
    assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:")


async def test_nhac_a_unit_reminds_it_of_all_its_open_tasks(harness: Harness) -> None:
    h = harness
    before = len(h.sent)
    await h.say("leader", "nhắc Ban Dân vận")
    [told] = texts_to(h, "head_bdv", before)
    assert "về nhiệm vụ mục 1, 2, 3" in told and "“Đề nghị đồng chí khẩn trương thực hiện và báo cáo kết quả.”" in told
    assert not texts_to(h, "head_stnmt", before)


async def test_a_direction_typed_on_zalo(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        before = len(h.sent)
        await h.say("leader", "đôn đốc mục 4")  # every unit holding item 4
        [told] = texts_to(h, "head_stnmt", before)
        assert "Để báo cáo kết quả, đồng chí gõ, ví dụ: “4 xong”" in told, told  # no replies on Zalo
        await h.say("head_bdv", "đề nghị Sở Tài nguyên và Môi trường phối hợp")  # a head: not a direction
        assert len(texts_to(h, "head_stnmt", before)) == 1
    finally:
        await h.stop()


async def test_the_escalation_goes_to_the_leader_who_signed_the_notice(db_url: str) -> None:
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        await h.advance_to(local(2018, 3, 27, 9, 0))  # task 4 is 5 working days late
        escalated = {s.to for s in h.sent if "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in (s.text or "")}
        assert escalated == {"pct"}, escalated  # not the Party's leader, who did not sign this notice
    finally:
        await h.stop()


async def test_the_digests_example_extension_is_after_the_deadline_it_reminds(harness: Harness) -> None:
    """"… xin gia hạn đến 30/4" under a task due 04/05 read as an example to ask for less time; the example date is
    two weeks after the deadline of the first task shown (or after today)."""
    h = harness
    await h.advance_to(local(2018, 3, 19, 9, 0))
    digest = last_text(h, "head_stnmt")
    assert "Nhắc việc thứ" in digest and "hạn 20/03/2018" in digest, digest
    assert "“4 xin gia hạn đến 3/4”" in digest, digest


WITH_STP = DIRECTORY_CSV.read_text(encoding="utf-8") + \
    "head_stp,Ngô Văn Pháp,Giám đốc Sở Tư pháp,Sở Tư pháp,head\n"


async def test_a_direction_naming_a_unit_without_a_task_says_it_was_not_told(db_url: str) -> None:
    """Probe 10: "Đề nghị Sở Tư pháp phối hợp …" in reply to an escalation about Sở TN&MT — Sở Tư pháp holds no
    task in the notice: it goes to the tasks it is about, and the leader is told Sở Tư pháp was not told."""
    h = await started_with(db_url, WITH_STP, NOTICE)
    try:
        await h.advance_to(local(2018, 3, 27, 9, 0))  # the escalation about Sở TN&MT's item 4
        before = len(h.sent)
        await h.reply("leader", "Đề nghị Sở Tư pháp phối hợp rà soát hồ sơ")
        assert len(texts_to(h, "head_stnmt", before)) == 1
        assert not texts_to(h, "head_stp", before)
        answer = last_text(h, "leader")
        assert answer.startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:\n• đ/c Trần Văn Môi"), answer
        assert answer.endswith("Lưu ý: Sở Tư pháp không có nhiệm vụ đang thực hiện trong văn bản này nên chưa được "
                               "báo."), answer

        await h.say("leader", "Chỉ đạo Sở Tư pháp và Sở Tài nguyên và Môi trường hoàn thành mục 4")  # typed
        assert "Lưu ý: Sở Tư pháp không có nhiệm vụ" in last_text(h, "leader")
        assert len(texts_to(h, "head_stnmt", before)) == 2 and not texts_to(h, "head_stp", before)
    finally:
        await h.stop()


async def test_a_reply_to_a_directions_confirmation_is_another_direction(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 27, 9, 0))
    before = len(h.sent)
    await h.reply("leader", "Đề nghị Sở khẩn trương hoàn thành, báo cáo trước 30/3.")
    assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:")
    await h.reply("leader", "Đề nghị khẩn trương hoàn thành")  # to the bot's confirmation
    told = texts_to(h, "head_stnmt", before)
    assert len(told) == 2 and "“Đề nghị khẩn trương hoàn thành”" in told[1], told
    assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:\n• đ/c Trần Văn Môi"), \
        last_text(h, "leader")
    assert task(h, "4").status == "open", "not the leader's own progress report"


async def test_a_reply_naming_the_escalated_unit_and_another_reaches_both(harness: Harness) -> None:
    """"Đề nghị Sở … và Ban Dân vận …" in reply to an escalation about the Sở: the Sở's late task, and the other
    unit's open tasks (it holds none of the same item here, so all of them)."""
    h = harness
    await h.advance_to(local(2018, 3, 27, 9, 0))  # the escalation is about Sở TN&MT's item 4
    before = len(h.sent)
    await h.reply("leader", "Đề nghị Sở Tài nguyên và Môi trường và Ban Dân vận phối hợp, báo cáo trước 30/3.")
    [to_sở] = texts_to(h, "head_stnmt", before)
    [to_ban] = texts_to(h, "head_bdv", before)
    assert "về nhiệm vụ mục 4" in to_sở and "về nhiệm vụ mục 1, 2, 3" in to_ban, (to_sở, to_ban)
    answer = last_text(h, "leader")
    assert "(Sở Tài nguyên và Môi trường) — mục 4" in answer and "(Ban Dân vận" in answer, answer


async def test_a_leader_added_after_a_late_task_went_unescalated_hears_of_it(db_url: str) -> None:
    """With no leader in the directory, the leaders' escalation is not recorded as told: the first leader a later
    import brings gets it the next morning."""
    from tests.bot.conversation_setup import NOTICE, started_with
    from tests.conftest import DIRECTORY_CSV

    without = "\n".join(line for line in DIRECTORY_CSV.read_text(encoding="utf-8").splitlines()
                        if not line.startswith("leader,")) + "\n"
    h = await started_with(db_url, without, NOTICE)
    try:
        await h.advance_to(local(2018, 3, 27, 9, 0))  # task 4 (Sở TN&MT, due 20/03) is 5 working days late
        leader_line = next(line for line in DIRECTORY_CSV.read_text(encoding="utf-8").splitlines()
                           if line.startswith("leader,"))
        await h.send_file("admin", "danh-ba.csv", data=(without + leader_line + "\n").encode())
        await h.say("leader", "/viec")  # the new leader's chat (linked at once in this sandbox)
        await h.advance_to(local(2018, 3, 28, 9, 0))
        escalation = last_text(h, "leader")
        assert "NHIỆM VỤ QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO" in escalation and "• Mục 4:" in escalation, escalation
    finally:
        await h.stop()


PARTY_DIRECTORY = DIRECTORY_CSV.read_text(encoding="utf-8") + (
    "bt_thinhson,Lý Văn Thịnh,Bí thư Đảng ủy xã,Đảng ủy xã Thịnh Sơn,head\n"
    "cn_ubkt,Vũ Văn Kiểm,Chủ nhiệm Ủy ban Kiểm tra,Ủy ban Kiểm tra Tỉnh ủy,head\n")
PARTY_NOTICE = """TỈNH ỦY BÌNH THUẬN
Số: 215-TB/TU
Bình Thuận, ngày 20 tháng 02 năm 2018
THÔNG BÁO
Kết luận của Thường trực Tỉnh ủy
1. Đảng ủy xã Thịnh Sơn tổ chức quán triệt Nghị quyết cho cán bộ, đảng viên, hoàn thành trước ngày 15/3/2018.
2. Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc thực hiện quy chế dân chủ, báo cáo trước ngày 30/3/2018.
"""


@pytest.mark.parametrize(("typed", "handle"), [
    ("nhắc xã Thịnh Sơn", "bt_thinhson"),  # a Party committee named by its place, as leaders say it
    ("nhac xa Thinh Son", "bt_thinhson"),
    ("nhắc Đảng ủy xã Thịnh Sơn mục 1 nhé", "bt_thinhson"),  # names and courtesy only: still the ask in full
    ("nhắc UBKT", "cn_ubkt"),  # an abbreviation the directory writes out
])
async def test_a_party_unit_named_the_short_way_is_reminded_in_the_standard_words(db_url: str, typed: str,
                                                                                  handle: str) -> None:
    h = await started_with(db_url, PARTY_DIRECTORY, PARTY_NOTICE)
    try:
        before = len(h.sent)
        await h.say("leader", typed)
        [told] = texts_to(h, handle, before)
        assert "“Đề nghị đồng chí khẩn trương thực hiện và báo cáo kết quả.”" in told, told
        assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:")
        assert len([s for s in h.sent[before:] if s.to not in (handle, "leader")]) == 0, "nobody else"
    finally:
        await h.stop()


async def test_a_direction_without_an_item_goes_to_the_task_it_quotes(harness: Harness) -> None:
    """Probe 19: "nhắc Phòng Quản lý Công nghiệp gửi báo cáo tháng 5" went out on all 34 of the unit's items."""
    h = harness
    before = len(h.sent)
    await h.say("leader", "nhắc Ban Dân vận khẩn trương rà soát các hộ dân bị ảnh hưởng")
    [told] = texts_to(h, "head_bdv", before)
    assert "về nhiệm vụ mục 2 (" in told, told


async def test_a_direction_about_lateness_goes_to_the_late_tasks(harness: Harness) -> None:
    h = harness
    await h.advance_to(local(2018, 3, 19, 9, 0))  # item 1 (due 15/03) is late; 2 (30/03) and 3 (undated) are not
    before = len(h.sent)
    await h.say("leader", "nhắc Ban Dân vận các việc đang chậm")
    told = [t for t in texts_to(h, "head_bdv", before) if "ý kiến chỉ đạo" in t]
    assert len(told) == 1 and "về nhiệm vụ mục 1 (" in told[0], told


async def test_the_admin_is_told_at_confirmation_who_cannot_be_reached_yet(db_url: str) -> None:
    """Probe 19: a Chi cục head without a chat held 17 tasks for three weeks before the admin happened on /loi."""
    from bot import texts
    from scheduler.clock import FakeClock
    from storage.models import Person
    from tests.bot.conversation_setup import START

    h = Harness(db_url=db_url, clock=FakeClock(START))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        h.db.call(lambda s: setattr(s.scalars(select(Person).where(Person.handle == "head_stnmt")).one(),
                                    "telegram_chat_id", None))
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        told = last_text(h, "admin")
        assert "Người nhận chưa kết nối Nhắc việc, chưa nhận được thông báo giao việc và nhắc việc (1):\n" \
               "• đ/c Trần Văn Môi (@head_stnmt): 1 nhiệm vụ\nĐồng chí gõ /moi" in told, told
        assert "Lê Văn Dân (@head_bdv)" not in told
    finally:
        await h.stop()


@pytest.mark.parametrize("answered", [False, True])
async def test_an_escalation_says_the_leader_directed_the_task_already(harness: Harness, answered: bool) -> None:
    """Probe 8: the escalation asked the leader to direct a task he had directed days before, with no answer since;
    it says so — and not once the unit has reported after the direction."""
    h = harness
    await h.advance_to(local(2018, 3, 22, 9, 0))  # task 4 (due 20/03) two working days late, not yet the leader's
    await h.say("leader", "Chỉ đạo Sở Tài nguyên và Môi trường khẩn trương hoàn thành mục 4, báo cáo trước 26/3")
    assert last_text(h, "leader").startswith("Đã chuyển ý kiến chỉ đạo của đồng chí đến:")
    if answered:
        await h.advance_to(local(2018, 3, 23, 10, 0))
        await h.say("head_stnmt", "4 đang làm 80%, chờ số liệu đo đạc")
    await h.advance_to(local(2018, 3, 27, 9, 0))
    escalation = last_text(h, "leader")
    assert "CẦN ĐỒNG CHÍ CHỈ ĐẠO" in escalation and "• Mục 4:" in escalation, escalation
    said = "Đồng chí đã có ý kiến chỉ đạo ngày 22/03/2018; đơn vị chưa báo cáo lại từ đó."
    assert (said in escalation) is not answered, escalation


async def test_a_direction_on_a_task_a_cadre_holds_reaches_the_units_head_too(harness: Harness) -> None:
    """A leader's direction on a unit's task that the head handed to a cadre: the cadre gets it to act on, the head a
    copy to follow it up (the head answers for the unit's work), and the leader is told both were sent it."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    before = len(h.sent)
    await h.say("leader", "Chỉ đạo Ban Dân vận khẩn trương hoàn thành mục 2, báo cáo trước 30/3")
    [to_cadre] = texts_to(h, "cadre_bdv", before)
    assert "có ý kiến chỉ đạo về nhiệm vụ mục 2" in to_cadre and "Đồng chí trả lời tin này để báo cáo" in to_cadre
    [to_head] = texts_to(h, "head_bdv", before)
    assert to_head.startswith("Kính gửi đồng chí Lê Văn Dân,\nĐồng chí Huỳnh Thanh Cảnh, Phó Bí thư Thường trực Tỉnh "
                              "ủy có ý kiến chỉ đạo về nhiệm vụ mục 2 ("), to_head
    assert "của đơn vị, do đ/c Phạm Thị Vận phụ trách:\n“khẩn trương hoàn thành mục 2, báo cáo trước 30/3”" in to_head
    assert to_head.endswith("Nhắc việc đã chuyển ý kiến đến đ/c Phạm Thị Vận; gửi đồng chí để nắm và đôn đốc.")
    answer = last_text(h, "leader")
    assert "• đ/c Phạm Thị Vận (Ban Dân vận Tỉnh ủy) — mục 2" in answer, answer
    assert "• đ/c Lê Văn Dân — trưởng đơn vị, để nắm và đôn đốc mục 2" in answer, answer
    # the head's own tasks: the head is told once, as their holder, not a second time as head
    before = len(h.sent)
    await h.say("leader", "Chỉ đạo Ban Dân vận khẩn trương hoàn thành mục 1, 3")
    assert len(texts_to(h, "head_bdv", before)) == 1 and not texts_to(h, "cadre_bdv", before)
    assert "trưởng đơn vị, để nắm" not in last_text(h, "leader")


async def test_a_head_holding_items_of_the_direction_reads_of_the_cadres_item_in_the_same_message(
        harness: Harness) -> None:
    """Carried since session 46: a direction on items the head holds and on one a cadre of the unit holds told the
    head only of their own items. One message still, which now says the cadre's item was passed on too; the leader's
    answer names the head as following it up."""
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    before = len(h.sent)
    await h.say("leader", "Chỉ đạo Ban Dân vận khẩn trương hoàn thành mục 1, 2, 3")
    [to_head] = texts_to(h, "head_bdv", before)
    assert "có ý kiến chỉ đạo về nhiệm vụ mục 1, 3 (" in to_head, to_head
    assert to_head.endswith("Ý kiến này cũng về mục 2 do đ/c Phạm Thị Vận phụ trách: Nhắc việc đã chuyển đến người "
                            "phụ trách; gửi đồng chí để nắm và đôn đốc."), to_head
    [to_cadre] = texts_to(h, "cadre_bdv", before)
    assert "có ý kiến chỉ đạo về nhiệm vụ mục 2 (" in to_cadre and "Ý kiến này cũng về" not in to_cadre
    assert "• đ/c Lê Văn Dân — trưởng đơn vị, để nắm và đôn đốc mục 2" in last_text(h, "leader"), last_text(h, "leader")


async def test_the_colleague_standing_in_reads_whose_direction_it_was(harness: Harness) -> None:
    """The escalation goes to whoever stands in for the leader on leave: the direction the leader gave is said to be
    the leader's, not the reader's."""
    h = harness
    await h.advance_to(local(2018, 3, 22, 9, 0))
    await h.say("leader", "Chỉ đạo Sở Tài nguyên và Môi trường khẩn trương hoàn thành mục 4, báo cáo trước 26/3")
    await h.say("leader", "/nghi 26/03 30/03 @admin")
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 27, 9, 0))
    escalation = "\n".join(texts_to(h, "admin", mark))
    assert "CẦN ĐỒNG CHÍ CHỈ ĐẠO (1)\n(Đồng chí nhận thay đ/c Huỳnh Thanh Cảnh nghỉ phép.)" in escalation, escalation
    assert "Đ/c Huỳnh Thanh Cảnh đã có ý kiến chỉ đạo ngày 22/03/2018; đơn vị chưa báo cáo lại từ đó." in escalation, \
        escalation
