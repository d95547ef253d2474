"""Probe 24: a leader was sent two messages one morning — the digest escalating a late task ("NHIỆM VỤ QUÁ HẠN CẦN
ĐỒNG CHÍ CHỈ ĐẠO") and, right after it, the reminder of the extension request waiting on that very task, saying
its deadline and the date asked again. The request recalled to someone whose digest goes out that morning is now
said in the digest, with its approve / refuse buttons under it; a tap, or "đồng ý" in reply to the digest, still
decides it. Run through the real conversation core and dispatcher on SQLite, the example directory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from bot import texts
from bot.channels.zalo import ZALO_CAPABILITIES
from bot.conversation.render import fit
from bot.conversation.status import digest_message
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from scheduler.dispatcher import DigestView
from storage.models import Task
from storage.tasks import ExtensionRequest
from tests.conftest import local

DIRECTORY = (Path(__file__).resolve().parents[2] / "examples" / "directory.csv").read_bytes()
NOTICE = """TỈNH ỦY BÌNH THUẬN
VĂN PHÒNG
Số: 120-CV/VPTU

ĐẢNG CỘNG SẢN VIỆT NAM
Phan Thiết, ngày 01 tháng 3 năm 2018

Kính gửi: Ban Dân vận Tỉnh ủy

V/v báo cáo kết quả công tác dân vận chính quyền

Thực hiện ý kiến chỉ đạo của đồng chí Phó Bí thư Thường trực Tỉnh ủy, Văn phòng Tỉnh ủy đề nghị:

1. Ban Dân vận Tỉnh ủy báo cáo kết quả thực hiện công tác dân vận chính quyền năm 2017, gửi Thường trực Tỉnh ủy \
trước ngày 09/3/2018.

2. Sở Tài nguyên và Môi trường báo cáo tình hình giải quyết khiếu nại về đất đai, gửi Văn phòng Tỉnh ủy trước \
ngày 30/3/2018.

Nơi nhận:
- Như trên;
- Lưu VT.

K/T CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Nguyễn Văn A
"""


async def _due(h: Harness, ref: str) -> dt.date | None:
    assert h.db is not None
    return await h.db.run(lambda s: s.scalar(select(Task.due_on).where(Task.item_ref == ref)))


@pytest.mark.parametrize("answer", ["tap", "reply"])
async def test_the_escalation_and_the_request_on_it_are_one_message(db_url: str, answer: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 3, 1, 9, 0)))
    await h.start(directory_csv=DIRECTORY, enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        # late since 09/03; asked after the deadline (14/03): recalled on 16/03, the day the leader is told of it
        await h.advance_to(local(2018, 3, 14, 10, 0))
        await h.say("head_bdv", "1 xin gia hạn đến 23/3/2018 vì chờ số liệu các huyện")
        mark = len(h.sent)
        await h.advance_to(local(2018, 3, 16, 9, 0))
        morning = [s for s in h.sent[mark:] if s.to == "leader"]
        assert len(morning) == 1, [s.text for s in morning]  # one message, not the digest then the request
        [digest] = morning
        text = digest.text or ""
        assert "NHIỆM VỤ QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO (1)" in text, text
        assert "\n  Đề nghị gia hạn chờ đồng chí quyết định: đ/c Lê Văn Dân (Ban Dân vận Tỉnh ủy) đề nghị gia hạn " \
               "đến 23/03/2018 (gửi ngày 14/03/2018).\n" in text, text  # under the task's escalation
        assert "Nội dung: xin gia hạn đến 23/3/2018 vì chờ số liệu các huyện" in text, text
        assert text.count("23/03/2018") == 1 and text.count("09/03/2018") == 1, text  # each said once
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        assert len(lines) == len(set(lines)), text
        assert digest.buttons == [texts.BUTTON_APPROVE, texts.BUTTON_REJECT], digest.buttons
        # the requester's digest says the request was recalled to the leader; no note of its own
        to_head = [s.text or "" for s in h.sent[mark:] if s.to == "head_bdv"]
        assert len(to_head) == 1 and "nhắc lại đề nghị này với đ/c Huỳnh Thanh Cảnh" in to_head[0], to_head
        if answer == "tap":
            await h.tap("leader", texts.BUTTON_APPROVE)
        else:
            await h.reply("leader", "đồng ý")
        said = [s.text or "" for s in h.sent if s.to == "leader"][-1]
        assert said.startswith("Đã gia hạn đến 23/03/2018: nhiệm vụ mục 1"), said
        assert await _due(h, "1") == dt.date(2018, 3, 23)
    finally:
        await h.stop()


def test_without_buttons_the_digest_says_once_what_to_type() -> None:
    """On Zalo (no buttons) the digest's text says the typed forms; the actions are not added too (the channel would
    append the same forms again); with buttons, a pair for each request, naming its item when there are several."""
    view = DigestView(digest_id=1, day=dt.date(2018, 3, 16), recipient_name="Huỳnh Thanh Cảnh", lines=(),
                      person_id=2)
    requests = [ExtensionRequest(report_id=n, task_id=n, item_ref=str(n), notice_title="Công văn số 120-CV/VPTU",
                                 requester_name="Lê Văn Dân", requester_id=3, current_due=dt.date(2018, 3, 9),
                                 requested_due=dt.date(2018, 3, 23), note=None) for n in (1, 2)]
    typed = fit(digest_message(view, buttons=False, deciding=requests[:1]), ZALO_CAPABILITIES)
    text = "\n".join(p.text for p in typed)
    assert text.count("đồng ý gia hạn 1") == 2 and "trả lời bằng cách gõ" not in text, text  # (“không đồng ý …”)
    assert "ĐỀ NGHỊ GIA HẠN CHỜ ĐỒNG CHÍ QUYẾT ĐỊNH (1)" in text and all(not p.actions for p in typed), text
    both = digest_message(view, buttons=True, deciding=requests)
    assert [a.label for row in both.actions for a in row] == [
        f"{texts.BUTTON_APPROVE} · 1", f"{texts.BUTTON_REJECT} · 1", f"{texts.BUTTON_APPROVE} · 2",
        f"{texts.BUTTON_REJECT} · 2"], both.actions
