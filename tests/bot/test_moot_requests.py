"""Requests made moot (session 22, last session's leftover): an extension request ("xin gia hạn") or a transfer
request ("không phải việc của đơn vị tôi") whose task is cancelled by /huy or finished before anyone decided. Its
requester is told once, courteously, that it is closed and why; the deciders' request messages lose their buttons
and say nothing is left to decide; a transfer request is not told again after the task reopens and ends again."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness, HarnessError
from storage.models import StatusReport
from tests.bot.conversation_setup import started, texts_to


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def decisions(h: Harness) -> list[str | None]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(StatusReport.decision).where(
        StatusReport.decision.is_not(None)).order_by(StatusReport.id))))


async def test_a_cancelled_task_closes_the_extension_request_and_tells_its_requester_once(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 1 @cadre_bdv")
    await h.say("cadre_bdv", "1 xin gia hạn đến 30/3")
    assert h.last_with_button("head_bdv", texts.BUTTON_APPROVE)  # the head decides a cadre's request
    mark = len(h.sent)
    await h.say("admin", "/huy 45/TB-UBND mục 1 lý do: đã giao đơn vị khác")
    [told] = texts_to(h, "cadre_bdv", mark)  # one message: the withdrawal, and her request closed with it
    assert "đã được hủy đối với mục 1" in told, told
    assert told.endswith("Đề nghị gia hạn mục 1 đến 30/03/2018 của đồng chí vì thế được đóng lại, không cần xem xét "
                         "nữa."), told
    [office] = texts_to(h, "admin", mark)
    assert "Đề nghị gia hạn mục 1 đến 30/03/2018 của đ/c Phạm Thị Vận được đóng lại" in office, office
    with pytest.raises(HarnessError):  # the head's request message: nothing left to decide
        h.last_with_button("head_bdv", texts.BUTTON_APPROVE)
    assert decisions(h) == ["cancelled"]
    assert not texts_to(h, "head_bdv", mark) or all("không cần xem xét nữa: nhiệm vụ đã được hủy (lý do: đã giao "
                                                    "đơn vị khác)" in t for t in texts_to(h, "head_bdv", mark))
    uid = h.handles["head_bdv"]
    [request] = [m for m in h.state.bot_messages(uid) if "gia hạn" in (m.text or "") and "mục 1" in (m.text or "")]
    assert "không cần xem xét nữa: nhiệm vụ đã được hủy" in (request.text or ""), request.text


async def test_a_finished_task_closes_both_requests_and_tells_the_requester_once(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 1 @cadre_bdv")
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.say("cadre_bdv", "1 xin gia hạn đến 30/3")
    await h.say("cadre_bdv", "2 không phải việc của đơn vị tôi, đề nghị chuyển sang Sở Tài nguyên và Môi trường")

    mark = len(h.sent)
    await h.say("head_bdv", "1 xong")  # the head finishes it before deciding: the cadre hears it once
    [told] = texts_to(h, "cadre_bdv", mark)
    assert told.startswith("Đ/c Lê Văn Dân đã cập nhật nhiệm vụ mục 1"), told
    assert told.endswith("Đề nghị gia hạn mục 1 đến 30/03/2018 của đồng chí vì thế được đóng lại, không cần xem xét "
                         "nữa."), told
    assert "của đ/c Phạm Thị Vận được đóng lại" in texts_to(h, "head_bdv", mark)[0]
    with pytest.raises(HarnessError):
        h.last_with_button("head_bdv", texts.BUTTON_APPROVE)
    assert decisions(h) == ["withdrawn"]

    mark = len(h.sent)
    await h.say("head_bdv", "2 xong")  # the transfer request: the cadre and the office told
    [told] = texts_to(h, "cadre_bdv", mark)
    assert told.endswith("Đề nghị chuyển mục 2 sang Sở Tài nguyên và Môi trường của đồng chí vì thế được đóng lại, "
                         "không cần xem xét nữa."), told
    [office] = texts_to(h, "admin", mark)
    assert office.startswith("Đề nghị chuyển nhiệm vụ mục 2 (Thông báo số 45/TB-UBND ngày 20/02/2018) sang Sở Tài "
                             "nguyên và Môi trường của đ/c Phạm Thị Vận không cần xem xét nữa: nhiệm vụ đã được đ/c "
                             "Lê Văn Dân cập nhật hoàn thành."), office

    await h.say("head_bdv", "2 bấm nhầm, chưa xong")
    mark = len(h.sent)
    await h.say("head_bdv", "2 xong")  # finished again: the request was told closed once
    assert not any("đóng lại" in t or "xem xét" in t for t in texts_to(h, "cadre_bdv", mark) +
                   texts_to(h, "admin", mark) + texts_to(h, "head_bdv", mark))


async def test_a_requester_finishing_her_own_task_reads_it_under_her_confirmation(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 30/3")  # decided by the office and the leader
    assert h.last_with_button("leader", texts.BUTTON_APPROVE)
    mark = len(h.sent)
    await h.say("head_stnmt", "4 xong")
    [answer] = texts_to(h, "head_stnmt", mark)
    assert answer.endswith("Đề nghị gia hạn mục 4 đến 30/03/2018 của đồng chí vì thế được đóng lại, không cần xem "
                           "xét nữa."), answer
    for decider in ("leader", "admin"):
        with pytest.raises(HarnessError):
            h.last_with_button(decider, texts.BUTTON_APPROVE)
