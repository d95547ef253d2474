"""Probe 27 (session 25), through the sandbox on SQLite and PostgreSQL: a copy to a third person written outside
working hours waits for the next working morning (F1); a leader's direction on a task nobody holds goes to the
office (F5); the same report asked twice in a row is not sent twice (F11)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import last_text, started, texts_to
from tests.conftest import local


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = await started(db_url)
    yield h
    await h.stop()


async def test_f1_a_cadres_update_on_a_day_off_reaches_the_head_the_next_working_morning(harness: Harness) -> None:
    h = harness
    await h.say("head_bdv", "/giao 2 @cadre_bdv")
    await h.advance_to(local(2018, 3, 3, 21, 0))  # Saturday evening
    start = len(h.sent)
    await h.reply("cadre_bdv", "60% đang rà soát các hộ dân")
    assert last_text(h, "cadre_bdv").startswith("Đã cập nhật: mục 2 — 60% — Đang thực hiện.")  # the writer: at once
    assert [s.to for s in h.sent[start:]] == ["cadre_bdv"]  # nobody else on a Saturday night
    await h.say("cadre_bdv", "hỏi văn phòng: mẫu báo cáo lấy ở đâu?")
    assert "đã chuyển tới Văn phòng (đ/c" in last_text(h, "cadre_bdv")
    assert {s.to for s in h.sent[start:]} == {"cadre_bdv"}

    await h.advance_to(local(2018, 3, 5, 7, 59))  # Monday, before the morning's sends
    assert {s.to for s in h.sent[start:]} == {"cadre_bdv"}
    await h.advance_to(local(2018, 3, 5, 8, 30))
    told = [t for t in texts_to(h, "head_bdv", start) if t.startswith("Đ/c Phạm Thị Vận")]
    assert told == ["Đ/c Phạm Thị Vận đã cập nhật nhiệm vụ mục 2 (Thông báo số 45/TB-UBND ngày 20/02/2018): "
                    "60% — Đang thực hiện.\nNội dung: đang rà soát các hộ dân"]  # the same text, once
    assert any("mẫu báo cáo lấy ở đâu" in t for t in texts_to(h, "admin", start))
    # a reply to the held copy is about task 2, as a reply to an immediate one is
    await h.reply("head_bdv", "vướng kinh phí đo đạc")
    assert last_text(h, "head_bdv").startswith("Đã cập nhật: mục 2 — Vướng mắc.")
    assert last_text(h, "cadre_bdv").startswith("Đ/c Lê Văn Dân đã cập nhật nhiệm vụ mục 2")  # working hours: at once
    await h.advance_to(local(2018, 3, 6, 9, 0))
    assert len([t for t in texts_to(h, "head_bdv", start) if t.startswith("Đ/c Phạm Thị Vận")]) == 1  # sent once
