"""Which extension request a decision is about (probe s20): a unit or person the decision names must be the request's;
one already decided is said so and nothing else is decided; a bare decision with two requests waiting on one item asks
which. A progress report while a request waits leaves the request waiting everywhere (/tonghop, /donvi, /viec), and
its confirmation says so. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot.sandbox.harness import Harness
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conversation_setup import last_text, started, started_group
from tests.conftest import local


def decisions(h: Harness) -> dict[str, str | None]:
    """Per unit, the decision on its latest extension request."""
    assert h.db is not None
    return h.db.call(lambda s: {t.lead_unit.name: r.decision for r, t in s.execute(
        select(StatusReport, Task).join(Task, Task.id == StatusReport.task_id)
        .where(StatusReport.decision.is_not(None)).order_by(StatusReport.id))})


@pytest.mark.parametrize(("word", "said"), [("không đồng ý", "không đồng ý"), ("đồng ý", "đồng ý")])
@pytest.mark.parametrize("names", ["Sở Tài nguyên và Môi trường", "đ/c Trần Văn Môi"])
async def test_a_decision_naming_a_request_already_decided_decides_no_other(db_url: str, word: str, said: str,
                                                                          names: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 10/4")
        await h.say("head_stnmt", "1 xin gia hạn đến 15/4")
        await h.say("admin", f"{word} gia hạn 1 {names}")
        assert decisions(h) == {"Ban Dân vận Tỉnh ủy": "pending",
                                "Sở Tài nguyên và Môi trường": "approved" if word == "đồng ý" else "rejected"}
        start = len(h.sent)
        await h.say("admin", f"{word} gia hạn 1 {names}")  # sent twice: the other unit's request stays waiting
        assert decisions(h)["Ban Dân vận Tỉnh ủy"] == "pending"
        assert [s.to for s in h.sent[start:]] == ["admin"], [(s.to, s.text) for s in h.sent[start:]]
        answer = last_text(h, "admin")
        assert answer.startswith("Đề nghị gia hạn mục 1 của Sở Tài nguyên và Môi trường (đ/c Trần Văn Môi) đã được "
                                 f"quyết định lúc 09:00 26/02/2018 (đồng chí đã {said})."), answer
        assert f"“{word} gia hạn 1 Ban Dân vận Tỉnh ủy”" in answer, answer  # the one still waiting, and how to name it
        await h.say("leader", f"{word} gia hạn 1 {names}")  # another decider: told who decided
        assert f"({said}, đ/c Nguyễn Thị Quản)." in last_text(h, "leader"), last_text(h, "leader")
        assert decisions(h)["Ban Dân vận Tỉnh ủy"] == "pending"
    finally:
        await h.stop()


async def test_a_decision_naming_a_unit_without_a_request_decides_no_other(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 10/4")
        await h.say("admin", "không đồng ý gia hạn 1 Sở Tài nguyên và Môi trường")
        assert decisions(h) == {"Ban Dân vận Tỉnh ủy": "pending"}
        answer = last_text(h, "admin")
        assert answer.startswith("Sở Tài nguyên và Môi trường không có đề nghị gia hạn nào cho mục 1 đang chờ "
                                 "quyết định."), answer
        assert "Ban Dân vận Tỉnh ủy" in answer and "“không đồng ý gia hạn 1 Ban Dân vận Tỉnh ủy”" in answer, answer
    finally:
        await h.stop()


async def test_a_bare_decision_with_two_requests_on_one_item_asks_which(db_url: str) -> None:
    """The leader was sent one of them (the other went to the cadre's head), but may decide both: asked, not guessed."""
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "/giao 1 @cadre_bdv")
        await h.say("cadre_bdv", "1 xin gia hạn đến 10/4")
        await h.say("head_stnmt", "1 xin gia hạn đến 15/4")
        await h.say("leader", "không đồng ý gia hạn")
        assert set(decisions(h).values()) == {"pending"}
        asked = last_text(h, "leader")
        assert asked.startswith("Đề nghị của đơn vị nào?"), asked
        assert "Ban Dân vận Tỉnh ủy" in asked and "Sở Tài nguyên và Môi trường" in asked, asked
        assert "“không đồng ý gia hạn 1 Ban Dân vận Tỉnh ủy”" in asked, asked
        await h.say("leader", "không đồng ý gia hạn 1 Sở Tài nguyên và Môi trường")
        assert decisions(h) == {"Ban Dân vận Tỉnh ủy": "pending", "Sở Tài nguyên và Môi trường": "rejected"}
    finally:
        await h.stop()


async def test_a_report_while_a_request_waits_leaves_it_waiting(db_url: str) -> None:
    h = await started(db_url)
    try:
        await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
        await h.say("head_stnmt", "4 đạt 70%, đang hoàn thiện báo cáo")
        said = last_text(h, "head_stnmt")
        assert "Đề nghị gia hạn đến 30/03/2018 vẫn đang chờ ý kiến." in said, said
        start = len(h.sent)
        await h.say("leader", "/tonghop")
        text = h.sent[start].text or ""
        assert "  Trong đó đang chờ ý kiến gia hạn: 1 — mục 4" in text, text
        start = len(h.sent)
        await h.say("head_stnmt", "/donvi")
        assert "Trong đó đang chờ ý kiến gia hạn: 1 — mục 4" in (h.sent[start].text or "")
        await h.say("admin", "không đồng ý gia hạn 4")
        assert h.db is not None
        four = h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "4")).one())
        assert (four.status, four.percent, four.due_on) == (TaskStatus.IN_PROGRESS, 70, dt.date(2018, 3, 20))
        start = len(h.sent)
        await h.say("leader", "/tonghop")
        assert "chờ ý kiến gia hạn" not in (h.sent[start].text or "")
    finally:
        await h.stop()


@pytest.mark.parametrize(("day", "late"), [(19, False), (22, True)])
async def test_a_refusal_of_a_late_request_asks_to_finish_and_report(db_url: str, day: int, late: bool) -> None:
    """Task 4 is due 20/03/2018: a request refused after that day leaves it late, and the requester reads so."""
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, day, 9, 0))
        await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
        await h.say("admin", "không đồng ý gia hạn 4")
        told = last_text(h, "head_stnmt")
        assert "thời hạn giữ nguyên: 20/03/2018" in told, told
        said = "Nhiệm vụ đã quá hạn; đề nghị đồng chí khẩn trương hoàn thành và báo cáo kết quả."
        assert (said in told) is late, told
    finally:
        await h.stop()
