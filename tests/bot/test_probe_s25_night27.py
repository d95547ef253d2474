"""Probe 27 (session 25), through the sandbox on SQLite and PostgreSQL: a copy to a third person written outside
working hours waits for the next working morning (F1); a leader's direction on a task nobody holds goes to the
office (F5); the same report asked twice in a row is not sent twice (F11)."""

from __future__ import annotations

import pytest

from bot.sandbox.harness import Harness
from tests.bot.conversation_setup import NOTICE, last_text, started, started_with, texts_to
from tests.conftest import DIRECTORY_CSV, local


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


UNHELD_NOTICE = NOTICE + ("5. Giao Sở Xây dựng chủ trì rà soát quy hoạch khu dân cư ven biển, báo cáo trước ngày "
                          "20/3/2018.\n")


async def test_f5_a_direction_on_a_task_nobody_holds_goes_to_the_office(db_url: str) -> None:
    h = await started_with(db_url, DIRECTORY_CSV.read_text(encoding="utf-8"), UNHELD_NOTICE)
    try:
        await h.advance_to(local(2018, 3, 28, 9, 0))  # 5 working days late: the leaders are told
        digest = next(t for t in reversed(texts_to(h, "leader")) if "• Mục 5" in t)
        assert "chưa có người nhận, chưa ai được nhắc" in digest
        # (item 4 is held: its words go to its unit; item 5's to the office, nobody there to pass them to)
        assert "ý kiến được chuyển đến đơn vị.)" not in digest, digest
        assert "riêng mục chưa có người nhận được chuyển đến Văn phòng để giao đơn vị thực hiện" in digest, digest
        mark = len(h.sent)
        await h.reply("leader", "Đề nghị khẩn trương rà soát, báo cáo trước 30/3")
        to_office = "\n".join(texts_to(h, "admin", mark))
        assert "Đồng chí Huỳnh Thanh Cảnh" in to_office and "mục 5" in to_office, to_office
        assert "“Đề nghị khẩn trương rà soát, báo cáo trước 30/3”" in to_office
        assert "chưa có người nhận" in to_office and "“chuyển mục 5 sang <tên đơn vị>”" in to_office
        assert "“Đề nghị khẩn trương rà soát, báo cáo trước 30/3”" in "\n".join(texts_to(h, "head_stnmt", mark))
        said = last_text(h, "leader")
        assert "Chưa chuyển được" not in said and "Văn phòng (đ/c Nguyễn Thị Quản)" in said, said
    finally:
        await h.stop()


async def test_f11_the_same_report_asked_again_unchanged_is_not_sent_twice(harness: Harness) -> None:
    h = harness
    await h.say("leader", "báo cáo tình hình thực hiện")
    first = last_text(h, "leader")
    assert "Ban Dân vận Tỉnh ủy" in first and len(first) > 300, first
    mark = len(h.sent)
    await h.say("leader", "/tonghop")
    again = [s for s in h.sent[mark:] if s.to == "leader"]
    said = "\n".join(s.text or "" for s in again)
    assert "Ban Dân vận Tỉnh ủy" not in said, said  # not the same long text twice in a row
    assert "Số liệu không thay đổi so với báo cáo đồng chí nhận lúc 09:00" in said, said
    assert any(s.document is not None for s in again)  # the files it had not sent
    mark = len(h.sent)
    await h.say("leader", "/tonghop")
    assert last_text(h, "leader").startswith("Báo cáo không thay đổi so với bản đồng chí nhận lúc 09:00"), \
        last_text(h, "leader")
    assert len([s for s in h.sent[mark:] if s.to == "leader"]) == 1
    await h.say("leader", "/tonghop")  # asked once more: sent in full
    assert "Ban Dân vận Tỉnh ủy" in "\n".join(texts_to(h, "leader", mark))
    await h.say("head_bdv", "1 xong")  # something changed: the report goes out in full at once
    mark = len(h.sent)
    await h.say("leader", "/tonghop")
    assert "Ban Dân vận Tỉnh ủy" in "\n".join(texts_to(h, "leader", mark))
