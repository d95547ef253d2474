"""The office corrects a confirmed item from the paper (probe 20 F4: "2.d hạn 26/02/2027" and "2.c nd: …" after
confirmation were answered with a status view and changed nothing): the deadline of every unit's share, or of the
unit named, or the wording, changes; each holder is told; the audit log keeps it; a past date, a unit that holds no
share, a head typing the same words change nothing. Through the sandbox on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from storage.models import AuditLog, Task
from tests.bot.conversation_setup import (
    SIGNED_NOTICE,
    WITH_SIGNER,
    last_text,
    started_group,
    started_with,
    texts_to,
)


def _tasks(h) -> list[tuple[str, dt.date | None, str]]:  # type: ignore[no-untyped-def]
    assert h.db is not None
    return h.db.call(lambda s: [(t.lead_name, t.due_on, t.text) for t in s.scalars(select(Task).order_by(Task.id))])


async def test_a_new_deadline_for_every_share_and_each_holder_is_told(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        mark = len(h.sent)
        await h.say("admin", "1 hạn 15/4/2018")
        assert {due for _, due, _ in _tasks(h)} == {dt.date(2018, 4, 15)}
        answer = last_text(h, "admin")
        assert "thời hạn được điều chỉnh từ 30/03/2018 thành 15/04/2018" in answer and "2 đơn vị" in answer
        for head in ("head_bdv", "head_stnmt"):
            told = texts_to(h, head, mark)
            assert len(told) == 1 and "từ 30/03/2018 thành 15/04/2018" in told[0] and "Nguyễn Thị Quản" in told[0]
        assert h.db is not None
        assert h.db.call(lambda s: s.scalar(select(AuditLog.action).where(AuditLog.action == "task.set_due")
                                            .limit(1))) == "task.set_due"
        mark = len(h.sent)
        await h.say("admin", "1 hạn 15/4/2018")  # typed twice: nothing changes, nobody is told again
        assert texts_to(h, "admin", mark) == ["Mục 1 đã có thời hạn 15/04/2018; không có gì thay đổi."]
        assert texts_to(h, "head_bdv", mark) == []
    finally:
        await h.stop()


async def test_one_units_share_and_the_other_forms(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        mark = len(h.sent)
        await h.say("admin", "sửa mục 1 Sở Tài nguyên và Môi trường hạn 20/4/2018")
        dues = {lead: due for lead, due, _ in _tasks(h)}
        assert dues == {"Ban Dân vận Tỉnh ủy": dt.date(2018, 3, 30),
                        "Sở Tài nguyên và Môi trường": dt.date(2018, 4, 20)}
        assert texts_to(h, "head_bdv", mark) == []
        await h.say("admin", "đổi hạn mục 1 của Ban Dân vận đến 25/4/2018")
        assert {lead: due for lead, due, _ in _tasks(h)}["Ban Dân vận Tỉnh ủy"] == dt.date(2018, 4, 25)
        await h.say("admin", "mục 1 nd: Rà soát các hộ dân bị ảnh hưởng trong phạm vi dự án, lập danh sách gửi Sở.")
        assert {text for _, _, text in _tasks(h)} == {
            "Rà soát các hộ dân bị ảnh hưởng trong phạm vi dự án, lập danh sách gửi Sở."}
        assert any("nội dung được chỉnh sửa" in t for t in texts_to(h, "head_stnmt", mark))
    finally:
        await h.stop()


async def test_what_changes_nothing(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        before = _tasks(h)
        await h.say("admin", "1 hạn 20/2/2018")  # passed
        assert "đã qua" in last_text(h, "admin")
        await h.say("admin", "1 Sở Y tế hạn 20/4/2018")  # holds no share of item 1
        assert "không có phần nào" in last_text(h, "admin")
        await h.say("head_bdv", "1 hạn 20/4/2018")  # a head cannot move a deadline by typing it
        assert _tasks(h) == before
    finally:
        await h.stop()


async def test_a_leaders_correction_is_told_to_the_office(db_url: str) -> None:
    h = await started_with(db_url, WITH_SIGNER, SIGNED_NOTICE)
    try:
        ref = h.db.call(lambda s: s.scalars(select(Task.item_ref).order_by(Task.id)).first()) if h.db else "1"
        mark = len(h.sent)
        await h.say("pct", f"{ref} hạn 20/4/2018")
        assert any("thành 20/04/2018" in t and "Nguyễn Văn Hai" in t for t in texts_to(h, "admin", mark))
    finally:
        await h.stop()


async def test_with_a_draft_open_the_same_line_corrects_the_draft(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("admin", SIGNED_NOTICE)  # a second notice, still a draft
        before = _tasks(h)
        await h.say("admin", "1 hạn 15/4/2018")
        assert _tasks(h) == before  # the draft's task 1, not the confirmed item
        await h.tap("admin", texts.BUTTON_CANCEL)
    finally:
        await h.stop()


async def test_gia_han_where_the_holder_asked_is_the_decision_not_a_correction(db_url: str) -> None:
    h = await started_group(db_url)
    try:
        await h.say("head_bdv", "1 xin gia hạn đến 20/4/2018 vì chờ số liệu")
        mark = len(h.sent)
        await h.say("admin", "gia hạn mục 1 của Ban Dân vận đến 20/4/2018")
        answer = texts_to(h, "admin", mark)
        assert len(answer) == 1 and "đang có đề nghị gia hạn đến 20/04/2018 chờ ý kiến" in answer[0], answer
        assert "“đồng ý gia hạn 1 cho Ban Dân vận Tỉnh ủy đến 20/04/2018”" in answer[0]
        assert texts_to(h, "head_bdv", mark) == [] and {d for _, d, _ in _tasks(h)} == {dt.date(2018, 3, 30)}
        await h.say("admin", "đồng ý gia hạn 1 cho Ban Dân vận Tỉnh ủy đến 20/04/2018")  # the form it gives works
        assert {lead: d for lead, d, _ in _tasks(h)}["Ban Dân vận Tỉnh ủy"] == dt.date(2018, 4, 20)
    finally:
        await h.stop()
