"""Extension requests end to end through the sandbox, on SQLite and PostgreSQL: one pending request a task
(a second replaces the first, and says so to the requester and the approvers); a cadre's request decided by
the head of the lead unit, anyone else's by a leader or an admin; the decision told to the requester, the
other approvers and the admins in words that cannot be misread; old actions taken off. On Telegram (buttons)
and on Zalo (typed)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness, HarnessError
from scheduler.clock import FakeClock
from storage.models import ExtensionMessage, StatusReport, Task, TaskStatus
from tests.bot.conversation_setup import (
    GROUP_NOTICE,
    SIGNED_NOTICE,
    WITH_SIGNER,
    count,
    last_text,
    started,
    started_group,
    started_with,
    tap_data,
    task,
    texts_to,
)
from tests.conftest import DIRECTORY_CSV, local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def report_ids(h: Harness, decision: str) -> list[int]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(StatusReport.id).where(StatusReport.decision == decision)
                                              .order_by(StatusReport.id))))


def with_approve(h: Harness, handle: str) -> list[str]:
    return [m.text or "" for m in h.state.bot_messages(h.handles[handle]) if texts.BUTTON_APPROVE in m.buttons]


async def test_a_cadres_request_replaced_then_decided_by_the_head(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    start = len(h.sent)
    await h.say("cadre_bdv", "2 xin gia hạn đến 20/4 vì chờ số liệu của Sở Tài nguyên và Môi trường")
    assert "Đề nghị gia hạn đến 20/04/2018 đã được chuyển tới đ/c Lê Văn Dân (trưởng đơn vị chủ trì) xem xét" in \
        last_text(h, "cadre_bdv")
    first = h.last_with_button("head_bdv", texts.BUTTON_APPROVE)
    assert "đồng chí Phạm Thị Vận (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 2" in (first.text or "")
    assert "Thời hạn hiện tại: 30/03/2018; đề nghị gia hạn đến: 20/04/2018." in (first.text or "")
    assert texts_to(h, "admin", start) == [] and texts_to(h, "leader", start) == [], \
        "a cadre's request goes to the head of the lead unit only"

    # a second request replaces the first: said to the requester and to the approver, old actions off
    await h.say("cadre_bdv", "2 xin gia hạn đến 25/4")
    assert "Đề nghị này thay cho đề nghị gia hạn trước đó (đến 20/04/2018)" in last_text(h, "cadre_bdv")
    stored_first = h.state.find_message(h.handles["head_bdv"], first.message_id)
    assert stored_first is not None and stored_first.buttons == []
    to_head = texts_to(h, "head_bdv")
    assert "đã được thay bằng đề nghị mới (đến 25/04/2018)" in to_head[-2]
    assert "đề nghị gia hạn đến: 25/04/2018" in to_head[-1] and \
        "Đề nghị này thay cho đề nghị trước đó (đến 20/04/2018)" in to_head[-1]
    assert len(with_approve(h, "head_bdv")) == 1, "one pending request, one set of actions"
    (replaced,) = report_ids(h, "replaced")
    (pending,) = report_ids(h, "pending")

    # the head of another unit may not grant a cadre's extension (a leader may: test_party_district_zalo); the
    # replaced request's button does nothing
    await h.say("head_stnmt", "đồng ý gia hạn 2")
    assert "do đ/c Lê Văn Dân (trưởng đơn vị chủ trì) quyết định" in last_text(h, "head_stnmt")
    await h.deliver(h.state.user_tap(h.handles["head_bdv"], first, f"x:{replaced}:ok"))
    assert "đã được thay bằng một đề nghị mới" in last_text(h, "head_bdv")
    assert task(h, "2").due_on == dt.date(2018, 3, 30)

    before = len(h.sent)
    await h.tap("head_bdv", texts.BUTTON_APPROVE)
    assert last_text(h, "head_bdv").startswith("Đã gia hạn đến 25/04/2018: nhiệm vụ mục 2")
    assert texts_to(h, "cadre_bdv", before) == [
        "Kính gửi đồng chí Phạm Thị Vận, đ/c Lê Văn Dân đã đồng ý đề nghị gia hạn nhiệm vụ mục 2 "
        "(Thông báo số 45/TB-UBND ngày 20/02/2018). Đã gia hạn đến 25/04/2018.\n"  # the date once (probe 18)
        "(Hạn 25/04/2018 rơi vào ngày nghỉ Giỗ Tổ Hùng Vương, tính đến hết 26/04/2018.)"]  # where it runs (probe 21)
    (to_admin,) = texts_to(h, "admin", before)
    assert "của đ/c Phạm Thị Vận đã được đ/c Lê Văn Dân quyết định: Đã gia hạn đến 25/04/2018." in to_admin
    assert with_approve(h, "head_bdv") == [], "no actions left on any request message"
    t = task(h, "2")
    assert (t.due_on, t.status) == (dt.date(2018, 4, 25), TaskStatus.EXTENDED)
    assert report_ids(h, "approved") == [pending] and report_ids(h, "pending") == []
    # the ladder: reminded of the new deadline, in the cadre's digest
    await h.advance_to(local(2018, 4, 23, 9, 0))
    assert any("• Mục 2:" in x and "hạn 25/04/2018" in x for x in texts_to(h, "cadre_bdv", before))


async def test_the_heads_own_request_goes_to_leaders_and_admins_and_all_are_told(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "1 xin gia hạn đến 30/4 vì chờ ý kiến Sở Tài chính")
    assert "chuyển tới đ/c Huỳnh Thanh Cảnh và Văn phòng xem xét" in last_text(h, "head_bdv")  # by name (s20)
    admin_request = h.last_with_button("admin", texts.BUTTON_APPROVE)
    h.last_with_button("leader", texts.BUTTON_APPROVE)
    assert count(h, ExtensionMessage) == 2
    before = len(h.sent)
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert last_text(h, "leader").startswith("Đã gia hạn đến 30/04/2018: nhiệm vụ mục 1")
    assert texts_to(h, "admin", before) == [], "no new message: the admin's request message says who decided"
    stored = h.state.find_message(h.handles["admin"], admin_request.message_id)
    assert stored is not None and stored.buttons == []
    assert stored.text == ("Đề nghị gia hạn nhiệm vụ mục 1 (Thông báo số 45/TB-UBND ngày 20/02/2018) đến 30/04/2018 "
                           "của đ/c Lê Văn Dân đã được đ/c Huỳnh Thanh Cảnh quyết định: Đã gia hạn đến 30/04/2018.")
    assert "đ/c Huỳnh Thanh Cảnh đã đồng ý" in last_text(h, "head_bdv")
    # the head's own task: the admin's stale copy of the button is refused, naming who decided
    await h.deliver(h.state.user_tap(h.handles["admin"], admin_request, f"x:{report_ids(h, 'approved')[0]}:no"))
    assert "đã được xử lý (đồng ý) bởi đ/c Huỳnh Thanh Cảnh" in last_text(h, "admin")


async def test_a_rejection_keeps_the_deadline_and_says_so(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    before = len(h.sent)
    await h.tap("admin", texts.BUTTON_REJECT)
    assert last_text(h, "admin").startswith("Đồng chí đã không đồng ý đề nghị gia hạn nhiệm vụ mục 4")
    assert "; thời hạn giữ nguyên: 20/03/2018." in last_text(h, "admin")
    assert texts_to(h, "head_stnmt", before)[-1].endswith("Không gia hạn; thời hạn giữ nguyên: 20/03/2018.")
    assert not texts_to(h, "leader", before), "the leader's request message is edited, not answered anew"
    leaders_copy = h.state.bot_messages(h.handles["leader"])[-1]
    assert "đã được đ/c Nguyễn Thị Quản quyết định: Không gia hạn" in (leaders_copy.text or "")
    t = task(h, "4")
    assert (t.due_on, t.status) == (dt.date(2018, 3, 20), TaskStatus.OPEN), "as before the request: not reported"


async def test_a_rejection_after_progress_keeps_the_progress(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 đang làm 40%")
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3")
    await h.tap("admin", texts.BUTTON_REJECT)
    t = task(h, "4")
    assert (t.status, t.percent) == (TaskStatus.IN_PROGRESS, 40)


@pytest.mark.parametrize(("typed", "decision", "due"), [
    ("Đồng ý", "approved", dt.date(2018, 3, 31)),
    ("ok gia hạn mục 4", "approved", dt.date(2018, 3, 31)),
    ("Nhất trí cho Sở Tài nguyên và Môi trường gia hạn 4", "approved", dt.date(2018, 3, 31)),
    ("Đồng ý gia hạn 4 đến 27/3", "approved", dt.date(2018, 3, 27)),  # another date than asked: granted
    ("không đồng ý", "rejected", dt.date(2018, 3, 20)),
    ("Chưa đồng ý gia hạn 4, yêu cầu Sở khẩn trương hoàn thành", "rejected", dt.date(2018, 3, 20)),
    ("ko dong y gia han 4", "rejected", dt.date(2018, 3, 20)),
    ("từ chối gia hạn mục 4", "rejected", dt.date(2018, 3, 20)),
    ("chưa đồng ý, đề nghị Sở tập trung hoàn thành đúng thời hạn đã giao", "rejected", dt.date(2018, 3, 20)),
    ("cho gia hạn 4 đến 28/3 nhé", "approved", dt.date(2018, 3, 28)),
])
async def test_a_decision_in_the_approvers_own_words(harness: Harness, typed: str, decision: str,
                                                     due: dt.date) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", typed)
    assert len(report_ids(h, decision)) == 1, last_text(h, "admin")
    assert task(h, "4").due_on == due
    told = last_text(h, "head_stnmt")
    assert ("đã đồng ý" if decision == "approved" else "đã không đồng ý") in told
    if decision == "approved":
        assert "gia hạn nhiệm vụ mục 4" in told and f"đến {due:%d/%m/%Y}" in told


async def test_an_ok_from_someone_with_nothing_to_decide_is_not_a_decision(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3")
    await h.say("head_bdv", "ok")
    assert report_ids(h, "pending") != [] and report_ids(h, "approved") == []


async def test_finishing_the_task_withdraws_its_pending_request(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "1 xin gia hạn đến 30/4")
    await h.say("head_bdv", "1 xong")
    assert report_ids(h, "pending") == [] and len(report_ids(h, "withdrawn")) == 1
    with pytest.raises(HarnessError):  # the request message lost its buttons and says why (session 22)
        h.last_with_button("leader", texts.BUTTON_APPROVE)
    shown = h.state.bot_messages(h.handles["leader"])[-1].text or ""  # (edited in place)
    assert "không cần xem xét nữa: nhiệm vụ đã được đ/c Lê Văn Dân cập nhật hoàn thành" in shown, shown
    await tap_data(h, "leader", f"x:{report_ids(h, 'withdrawn')[0]}:ok")  # a stale tap all the same
    assert "không còn cần xem xét" in last_text(h, "leader")
    assert task(h, "1").due_on == dt.date(2018, 3, 15)


async def test_the_extension_flow_typed_on_zalo(db_url: str) -> None:
    h = await started(db_url, channel="zalo")
    try:
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.say("cadre_bdv", "2 xin gia hạn đến 20/4")
        assert "“đồng ý gia hạn 2” · “không đồng ý gia hạn 2”" in texts_to(h, "head_bdv")[-1]
        await h.say("cadre_bdv", "xin gia hạn đến 25/4 vì chờ số liệu")  # one open task: no number needed
        assert "thay cho đề nghị gia hạn trước đó (đến 20/04/2018)" in texts_to(h, "cadre_bdv")[-1]
        assert "đã được thay bằng đề nghị mới (đến 25/04/2018)" in texts_to(h, "head_bdv")[-2]
        await h.say("admin", "đồng ý gia hạn 2")
        assert "do đ/c Lê Văn Dân (trưởng đơn vị chủ trì) quyết định" in texts_to(h, "admin")[-1]
        before = len(h.sent)
        await h.say("head_bdv", "đồng ý gia hạn 2")
        assert texts_to(h, "head_bdv")[-1].startswith("Đã gia hạn đến 25/04/2018")
        assert texts_to(h, "cadre_bdv", before)[-1].endswith(
            "Đã gia hạn đến 25/04/2018.\n"
            "(Hạn 25/04/2018 rơi vào ngày nghỉ Giỗ Tổ Hùng Vương, tính đến hết 26/04/2018.)")
        assert "quyết định: Đã gia hạn đến 25/04/2018" in texts_to(h, "admin", before)[-1]
        assert all(s.channel == "zalo" for s in h.sent[before:])
        assert task(h, "2").due_on == dt.date(2018, 4, 25)
    finally:
        await h.stop()


async def test_the_head_asking_on_a_cadres_task_goes_to_leaders_and_admins(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.say("head_bdv", "2 xin gia hạn đến 20/4")
    assert "chuyển tới đ/c Huỳnh Thanh Cảnh và Văn phòng xem xét" in last_text(h, "head_bdv")  # by name (s20)
    assert with_approve(h, "head_bdv") == [], "nobody grants their own request"
    await h.say("head_bdv", "đồng ý gia hạn 2")
    assert "do lãnh đạo hoặc quản trị viên quyết định" in last_text(h, "head_bdv")
    await h.tap("admin", texts.BUTTON_APPROVE)
    assert task(h, "2").due_on == dt.date(2018, 4, 20)
    assert "đ/c Nguyễn Thị Quản đã đồng ý" in last_text(h, "head_bdv")


@pytest.mark.parametrize(("typed", "reason"), [
    ("Chưa đồng ý gia hạn 4, yêu cầu Sở khẩn trương hoàn thành", "yêu cầu Sở khẩn trương hoàn thành"),
    ("không đồng ý, đề nghị hoàn thành đúng hạn", "đề nghị hoàn thành đúng hạn"),
    ("Đồng ý gia hạn 4 đến 27/3", None),
    ("không đồng ý", None),
    ("Đồng ý cho Sở Tài nguyên và Môi trường", None),  # words that name the request are no opinion
])
async def test_what_the_decider_wrote_reaches_the_requester(harness: Harness, typed: str, reason: str | None) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", typed)
    told = last_text(h, "head_stnmt")
    if reason is None:
        assert "Ý kiến của" not in told
    else:
        assert told.endswith(f"Ý kiến của đ/c Nguyễn Thị Quản: “{reason}”"), told


@pytest.mark.parametrize("typed", [
    "không đồng ý, phải xong trước 25/3",  # a refusal naming a later date: that date is the deadline
    "không đồng ý gia hạn 4, hạn mới 26/3",
    # (the other words for the last day a leader allows)
    "không đồng ý, hạn cuối 25/3",
    "Không đồng ý gia hạn 4, hạn chót là 26/3",
    "không đồng ý, thời hạn cuối cùng 24/3",
])
async def test_a_refusal_that_sets_its_own_date_sets_the_deadline(harness: Harness, typed: str) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", typed)
    day = int(typed.rsplit(" ", 1)[1].split("/")[0])
    assert task(h, "4").due_on == dt.date(2018, 3, day)
    told = last_text(h, "head_stnmt")
    assert ("đ/c Nguyễn Thị Quản không đồng ý gia hạn nhiệm vụ mục 4 (Thông báo số 45/TB-UBND ngày 20/02/2018) đến "
            f"31/03/2018; yêu cầu hoàn thành chậm nhất ngày {day}/03/2018 (thời hạn mới).") in told, told
    assert last_text(h, "admin").startswith("Đồng chí đã không đồng ý gia hạn nhiệm vụ mục 4"), last_text(h, "admin")


@pytest.mark.parametrize("typed", ["Đồng ý gia hạn 4, hạn chót 27/3", "đồng ý, hạn cuối cùng là 27/3"])
async def test_a_grant_with_the_last_day_the_leader_allows_grants_that_day(harness: Harness, typed: str) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", typed)
    assert task(h, "4").due_on == dt.date(2018, 3, 27)
    assert "đồng ý gia hạn nhiệm vụ mục 4 (Thông báo số 45/TB-UBND ngày 20/02/2018) đến 27/03/2018" in \
        last_text(h, "head_stnmt"), last_text(h, "head_stnmt")


async def test_a_refusal_that_repeats_the_deadline_keeps_it(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", "không đồng ý, phải xong trước 20/3 như đã giao")
    assert len(report_ids(h, "rejected")) == 1
    assert task(h, "4").due_on == dt.date(2018, 3, 20)


async def test_two_units_asking_on_one_item_are_decided_by_naming_the_unit_or_the_person(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 10/4")
        await h.say("head_stnmt", "1 xin gia hạn đến 15/4")
        await h.say("admin", "đồng ý gia hạn 1")
        asked = last_text(h, "admin")
        assert asked.startswith("Có nhiều đề nghị gia hạn đang chờ xử lý:")
        assert "Sở Tài nguyên và Môi trường" in asked and "“đồng ý gia hạn 1 Ban Dân vận Tỉnh ủy”" in asked, asked
        await h.say("admin", "đồng ý gia hạn 1 cho Sở Tài nguyên và Môi trường")
        assert "đã đồng ý" in last_text(h, "head_stnmt")
        await h.say("admin", "không đồng ý gia hạn 1 đ/c Lê Văn Dân")
        assert "đã không đồng ý" in last_text(h, "head_bdv")
        assert h.db is not None
        dues = h.db.call(lambda s: sorted((t.lead_unit.name, t.due_on) for t in s.scalars(select(Task))))
        assert dues == [("Ban Dân vận Tỉnh ủy", dt.date(2018, 3, 30)),
                        ("Sở Tài nguyên và Môi trường", dt.date(2018, 4, 15))]
    finally:
        await h.stop()


async def test_the_report_keeps_the_first_deadline_of_an_extended_task(harness: Harness) -> None:
    from storage.reports import task_rows

    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
    await h.say("admin", "Đồng ý gia hạn 4 đến 27/3")
    await h.say("head_stnmt", "4 đang làm 80%")  # a later note does not hide the extension
    assert h.db is not None
    rows = h.db.call(task_rows, today=dt.date(2018, 3, 1), tz=local(2018, 3, 1, 0, 0).tzinfo)  # type: ignore[arg-type]
    [four] = [r for r in rows if r.item_ref == "4"]
    assert (four.due_on, four.first_due_on) == (dt.date(2018, 3, 27), dt.date(2018, 3, 20))


async def test_the_request_goes_to_the_leader_who_signed_the_notice_and_the_office(db_url: str) -> None:
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        before = len(h.sent)
        await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")
        asked = {s.to for s in h.sent[before:] if (s.text or "").startswith("Đề nghị gia hạn:")}
        assert asked == {"pct", "admin"}, asked  # not the Party's leader, who did not sign this notice
    finally:
        await h.stop()


async def test_a_request_on_an_item_several_units_hold_names_the_unit_and_is_not_sent_twice(db_url: str) -> None:
    """Zalo (typed decisions): the request names the requester's unit and offers a form naming it, which decides
    that unit's request even once another unit has asked too; the same request typed again goes to nobody."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", GROUP_NOTICE)
        await h.say("admin", "xác nhận")
        await h.say("head_bdv", "1 xin gia hạn đến 10/4")
        request = texts_to(h, "leader")[-1]
        assert "đồng chí Lê Văn Dân (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 1" in request
        assert "“đồng ý gia hạn 1 Ban Dân vận Tỉnh ủy”" in request, request
        before = len(h.sent)
        await h.say("head_bdv", "xin gia hạn mục 1 đến 10/4")  # the same again
        assert [s.to for s in h.sent[before:]] == ["head_bdv"], "only the requester hears, and only once"
        assert "đang chờ" in texts_to(h, "head_bdv")[-1]
        await h.say("head_stnmt", "1 xin gia hạn đến 15/4")
        await h.say("leader", "đồng ý gia hạn 1 Ban Dân vận Tỉnh ủy")  # the form the request offered
        assert "đã đồng ý" in texts_to(h, "head_bdv")[-1]
        assert not any("đã đồng ý" in t for t in texts_to(h, "head_stnmt")), "the other unit's request still waits"
    finally:
        await h.stop()


async def test_a_request_whose_words_say_only_the_date_is_not_quoted_again_to_who_decides(db_url: str) -> None:
    """Probe s18: the leader read "đề nghị gia hạn đến: 30/04/2026." then "Nội dung: xin gia hạn đến 30/4"; the
    reason, when given, is still quoted."""
    from tests.bot.conversation_setup import last_text, started

    h = await started(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 30/4")
        told = last_text(h, "leader")
        assert "đề nghị gia hạn đến: 30/04/2018." in told and "Nội dung:" not in told, told
        await h.say("head_bdv", "2 xin gia hạn đến 30/4 vì chờ số liệu của Sở Tài nguyên và Môi trường")
        assert last_text(h, "leader").endswith(
            "Nội dung: xin gia hạn đến 30/4 vì chờ số liệu của Sở Tài nguyên và Môi trường"), last_text(h, "leader")
    finally:
        await h.stop()
