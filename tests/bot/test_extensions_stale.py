"""Extension decisions that must not be misread (probe 20), through the sandbox on SQLite and PostgreSQL:
a bare "đồng ý" weeks after a request, or on a request whose date is past, is asked about, not taken as the
decision; a date already past is never granted without a word; a refusal that sets the leader's own date is
kept and reported as a refusal, not as an extension granted; the head whose deputy asked is told so (not that
the task moved to him)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from storage.models import StatusReport, TaskStatus
from tests.bot.conversation_setup import last_text, started, task, texts_to
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


def decisions(h: Harness) -> list[str | None]:
    assert h.db is not None
    return h.db.call(lambda s: list(s.scalars(select(StatusReport.decision).where(
        StatusReport.status == TaskStatus.EXTENSION_REQUESTED).order_by(StatusReport.id))))


async def test_a_bare_yes_weeks_later_on_a_past_date_is_asked_about_not_decided(harness: Harness) -> None:
    h = harness
    await h.say("cadre_bdv", "1 xin gia hạn đến 20/3 vì chờ số liệu")  # a deputy asks on the head's task (due 15/3)
    await h.advance_to(local(2018, 3, 26, 9, 0))
    await h.say("leader", "đồng ý")
    asked = last_text(h, "leader")
    assert asked.startswith("Nhắc việc chưa ghi quyết định vì chưa rõ đồng chí trả lời đề nghị nào."), asked
    assert "đề nghị của Ban Dân vận Tỉnh ủy (đ/c Phạm Thị Vận, gửi ngày 26/02/2018) xin gia hạn mục 1" in asked, asked
    assert "đến 20/03/2018 — ngày này đã qua (thời hạn hiện tại: 15/03/2018)" in asked, asked
    assert "“đồng ý gia hạn 1 đến " in asked and "“không đồng ý gia hạn 1”" in asked, asked
    assert decisions(h) == ["pending"] and task(h, "1").due_on == dt.date(2018, 3, 15)
    assert not any("đồng ý" in t for t in texts_to(h, "cadre_bdv")[-1:]), "the requester is told nothing"

    await h.say("leader", "đồng ý gia hạn 1")  # named, but the date asked is past: a new date is asked for
    assert last_text(h, "leader").startswith("Nhắc việc chưa ghi gia hạn: đề nghị của Ban Dân vận Tỉnh ủy")
    assert decisions(h) == ["pending"] and task(h, "1").due_on == dt.date(2018, 3, 15)

    await h.say("leader", "đồng ý gia hạn 1 đến 6/4")
    assert decisions(h) == ["approved"] and task(h, "1").due_on == dt.date(2018, 4, 6)
    told = last_text(h, "head_bdv")  # the head, whose deputy asked: not "the task moved to you"
    assert "trước khi nhiệm vụ chuyển" not in told, told
    assert "đến 20/03/2018 do đ/c Phạm Thị Vận (Ban Dân vận Tỉnh ủy) gửi ngày 26/02/2018 đã được đ/c Huỳnh Thanh " \
        "Cảnh quyết định: Đã gia hạn đến 06/04/2018." in told, told


async def test_a_bare_yes_on_an_old_request_is_asked_about_and_a_fresh_one_decided(harness: Harness) -> None:
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 30/4 vì chờ kết quả đo đạc")
    await h.advance_to(local(2018, 3, 5, 9, 0))  # 5 working days later
    await h.say("leader", "ok")
    assert "Nhắc việc chưa ghi quyết định" in last_text(h, "leader")
    assert "— ngày này đã qua" not in last_text(h, "leader")
    assert decisions(h) == ["pending"]
    await h.say("head_stnmt", "4 xin gia hạn đến 27/4 vì chờ kết quả đo đạc")  # asked again: a fresh request
    await h.say("leader", "đồng ý")
    assert decisions(h) == ["replaced", "approved"] and task(h, "4").due_on == dt.date(2018, 4, 27)


async def test_a_tap_granting_a_date_already_past_grants_nothing(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "1 xin gia hạn đến 16/3")  # due 15/3
    await h.advance_to(local(2018, 3, 19, 9, 0))
    await h.tap("leader", texts.BUTTON_APPROVE)
    assert "Nhắc việc chưa ghi gia hạn" in last_text(h, "leader"), last_text(h, "leader")
    assert "đến 16/03/2018 — ngày này đã qua" in last_text(h, "leader")
    assert decisions(h) == ["pending"] and task(h, "1").due_on == dt.date(2018, 3, 15)
    await h.tap("leader", texts.BUTTON_REJECT)  # a refusal keeps the deadline: no date needed
    assert decisions(h) == ["rejected"] and task(h, "1").due_on == dt.date(2018, 3, 15)


async def test_a_refusal_that_sets_its_own_date_is_kept_and_reported_as_a_refusal(harness: Harness) -> None:
    from storage.reports import task_rows

    h = harness
    await h.say("head_stnmt", "4 đang làm 40%")
    await h.say("head_stnmt", "4 xin gia hạn đến 30/3 vì chờ kết quả đo đạc")
    await h.say("leader", "không đồng ý gia hạn 4 Sở Tài nguyên, phải xong trước 23/3")
    assert decisions(h) == ["rejected"]
    four = task(h, "4")
    assert (four.due_on, TaskStatus(four.status), four.percent) == (dt.date(2018, 3, 23), TaskStatus.IN_PROGRESS, 40)
    assert "không đồng ý gia hạn" in last_text(h, "head_stnmt")
    # the office's request message now says the refusal and the date set, not "Đã gia hạn"
    told = h.state.bot_messages(h.handles["admin"])[-1].text or ""
    assert "quyết định: Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày 23/03/2018." in told, told
    assert h.db is not None
    rows = h.db.call(task_rows, today=dt.date(2018, 3, 1), tz=local(2018, 3, 1, 0, 0).tzinfo)  # type: ignore[arg-type]
    [row] = [r for r in rows if r.item_ref == "4"]
    assert row.first_due_on is None and row.due_on == dt.date(2018, 3, 23)  # not "đã gia hạn từ 20/03"
    assert row.latest_note == "Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày 23/03/2018 " \
        "(đ/c Huỳnh Thanh Cảnh)"
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 26, 9, 0))  # overdue: said so, never "not updated since the extension"
    digests = "\n".join(texts_to(h, "head_stnmt", mark))
    assert "quá hạn" in digests and "từ khi được gia hạn" not in digests, digests
    await h.say("leader", "Sở Tài nguyên và Môi trường thế nào?")
    story = last_text(h, "leader")
    assert "Đã gia hạn" not in story and "đã gia hạn từ" not in story, story
    assert "“Không đồng ý gia hạn; yêu cầu hoàn thành chậm nhất ngày 23/03/2018 (đ/c Huỳnh Thanh Cảnh)” (26/02)" \
        in story, story


async def test_a_request_still_waiting_is_recalled_weekly_and_the_summary_says_where_it_stands(harness: Harness) \
        -> None:
    """Probe 20, F11: a request sat 30 days; the task went overdue meanwhile; nobody was told. Probe 27: recalled
    once, it then hung for weeks — recalled again every five working days."""
    h = harness
    await h.say("head_stnmt", "4 xin gia hạn đến 31/3 vì chờ kết quả đo đạc")  # Mon 26/02; task 4 due Tue 20/03
    await h.say("cadre_bdv", "1 xin gia hạn đến 16/3")  # task 1 due Thu 15/03
    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 2, 16, 0))  # the Friday summary: which unit, since when, where it stands
    [weekly] = [t for t in texts_to(h, "leader", mark) if "trong tuần" in t]
    assert "• Mục 4 — Sở Tài nguyên và Môi trường: đ/c Trần Văn Môi đề nghị gia hạn đến 31/03/2018 (gửi 26/02; " \
        "thời hạn hiện tại: 20/03/2018)" in weekly, weekly
    assert not any("chưa có quyết định" in t for t in texts_to(h, "head_stnmt", mark)), "not recalled yet"

    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 14, 9, 0))  # the working day before task 1's deadline
    [recalled] = [t for t in texts_to(h, "leader", mark) if t.startswith("Đề nghị gia hạn chờ đồng chí quyết định")]
    assert "(gửi ngày 26/02/2018): đ/c Phạm Thị Vận (Ban Dân vận Tỉnh ủy) đề nghị gia hạn nhiệm vụ mục 1" in recalled
    assert "Thời hạn hiện tại: 15/03/2018 — còn 1 ngày làm việc." in recalled, recalled
    assert not any("chờ đồng chí quyết định" in t for t in texts_to(h, "admin", mark)), "the leader decides, not both"
    # (its requester hears it waits the working day after the deadline, not at the recall: probe 27)
    assert not any("chưa có quyết định" in t for t in texts_to(h, "cadre_bdv", mark))
    assert not any("chờ đồng chí quyết định" in t and "mục 4" in t for t in texts_to(h, "leader", mark))

    mark = len(h.sent)
    await h.advance_to(local(2018, 3, 23, 16, 0))  # task 4's turn on 19/03; task 1's again a week on, 21/03
    recalled = [t for t in texts_to(h, "leader", mark) if t.startswith("Đề nghị gia hạn chờ đồng chí quyết định")]
    assert len(recalled) == 2 and "mục 4" in recalled[0] and "mục 1" in recalled[1], recalled
    weekly = [t for t in texts_to(h, "leader", mark) if "trong tuần" in t][-1]  # (two Fridays)
    assert "đ/c Phạm Thị Vận đề nghị gia hạn đến 16/03/2018 — ngày này đã qua (gửi 26/02; thời hạn hiện tại: " \
        "15/03/2018; đề nghị gửi khi còn hạn, chưa tính quá hạn)" in weekly, weekly  # (asked in time: rep36)
    # the recall of task 1, past its deadline: asked before it, so not "đã quá hạn" (conv37)
    assert "Thời hạn hiện tại: 15/03/2018 — đã qua hạn, nhưng đề nghị gia hạn gửi khi còn hạn, đang chờ đồng chí " \
        "quyết định (chưa tính quá hạn)." in recalled[1], recalled[1]
    await h.tap("leader", texts.BUTTON_APPROVE, containing="mục 4")  # the recalled message decides it
    assert task(h, "4").due_on == dt.date(2018, 3, 31)
