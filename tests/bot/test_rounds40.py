"""Leftovers of probe 39: a monthly round reported late after a granted extension was said late "hạn 25/03" — the
deadline it replaced, not the one it was judged by (#1); a second report on a round closed already was stored with
the status line "Đang thực hiện" (#2); "có phải báo cáo hằng tháng không?" got the item card only (#3)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot import texts
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.models import StatusReport, Task, TaskStatus
from tests.bot.conftest import last_text, texts_to
from tests.bot.test_rounds39 import NOTICE
from tests.conftest import DIRECTORY_CSV, local


def _task(h: Harness) -> Task:
    assert h.db is not None
    return h.db.call(lambda s: s.scalars(select(Task).where(Task.item_ref == "1")).one())


async def _monthly(db_url: str) -> Harness:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    await h.say("admin", NOTICE)
    await h.tap("admin", texts.BUTTON_CONFIRM)
    await h.say("head_bdv", "/giao 1 @cadre_bdv")
    return h


async def test_a_round_late_after_its_extension_names_the_deadline_it_was_judged_by(db_url: str) -> None:
    h = await _monthly(db_url)
    try:
        await h.advance_to(local(2026, 3, 24, 16, 0))
        await h.say("head_bdv", "xin gia hạn báo cáo tháng 3 đến 31/3")
        await h.advance_to(local(2026, 3, 25, 9, 0))
        await h.say("leader", "đồng ý gia hạn báo cáo tháng 3 của Ban Dân vận đến 31/3")
        assert _task(h).due_on == dt.date(2026, 3, 31), last_text(h, "leader")
        await h.advance_to(local(2026, 4, 1, 9, 0))
        sent = len(h.sent)
        await h.say("cadre_bdv", "1 bao cao thang 3: da ra soat xong 45/52 du an, dat 60%")
        late = "quá hạn, hạn 31/03/2026 (đã gia hạn từ 25/03)"
        said = last_text(h, "cadre_bdv")
        assert f"hoàn thành kỳ hạn 25/03/2026, {late}." in said, said
        assert any(late in t for t in texts_to(h, "head_bdv", sent)), texts_to(h, "head_bdv", sent)
        # the leader's weekly summary: judged by 31/03, not "quá hạn, hạn 25/03/2026"
        await h.advance_to(local(2026, 4, 3, 17, 0))
        weekly = [t for t in texts_to(h, "leader", sent) if "Hoàn thành trong tuần" in t]
        judged = "hoàn thành ngày 01/04/2026 (quá hạn, hạn 31/03/2026, đã gia hạn từ 25/03)"
        assert weekly and "kỳ hạn 25/03/2026" in weekly[-1] and judged in weekly[-1] \
            and "hạn 25/03/2026)" not in weekly[-1], weekly
        # and the item's overview
        await h.say("leader", "tình hình mục 1")
        assert f"kỳ hạn 25/03/2026 hoàn thành 01/04/2026, {late};" in last_text(h, "leader"), last_text(h, "leader")
        # the unit's summary: April's round was given no extension (March's was)
        asked = len(h.sent)
        await h.say("leader", "Ban Dân vận Tỉnh ủy thế nào?")
        said = "\n".join(texts_to(h, "leader", asked))
        row = next((line for line in said.splitlines() if line.strip().startswith("• Mục 1:")), said)
        assert "kỳ hạn 25/04/2026: chưa báo cáo" in row and "gia hạn" not in row, row
    finally:
        await h.stop()


async def test_a_second_report_on_a_round_closed_already_says_so_in_its_status_line(db_url: str) -> None:
    h = await _monthly(db_url)
    try:
        await h.advance_to(local(2026, 3, 20, 9, 0))
        await h.say("cadre_bdv", "1 đã gửi báo cáo tháng 3")
        await h.advance_to(local(2026, 4, 16, 10, 0))
        await h.say("cadre_bdv", "bao cao thang 4 em gui som nhe: 1 dat 70%")
        assert "hoàn thành kỳ hạn 25/04/2026, đúng hạn" in last_text(h, "cadre_bdv"), last_text(h, "cadre_bdv")
        await h.advance_to(local(2026, 4, 28, 10, 0))  # (27/04: the day off for Giỗ Tổ)
        sent = len(h.sent)
        await h.say("cadre_bdv", "bao cao thang 4 1 dat 75%, vuong GPMB KCN mo rong")
        said = last_text(h, "cadre_bdv")
        first = said.splitlines()[0]
        assert first == "Đã cập nhật: mục 1 — bổ sung nội dung kỳ hạn 25/04/2026 (kỳ này đã hoàn thành ngày " \
                        "16/04/2026).", said
        assert "Đang thực hiện" not in said and "Kỳ hạn 25/05/2026 vẫn mở." in said, said
        head = texts_to(h, "head_bdv", sent)
        assert head and "bổ sung nội dung kỳ hạn 25/04/2026" in head[-1] and "Đang thực hiện" not in head[-1], head
        # May's round: still not reported on
        assert _task(h).status == TaskStatus.OPEN and _task(h).due_on == dt.date(2026, 5, 25)
    finally:
        await h.stop()


async def test_whether_a_unit_must_report_monthly_is_answered(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 3, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.say("admin", NOTICE)
        await h.say("admin", "xác nhận")
        await h.advance_to(local(2026, 3, 3, 9, 0))
        assert h.db is not None
        before = h.db.call(lambda s: len(list(s.scalars(select(StatusReport)))))
        await h.say("head_bdv", "có phải báo cáo hằng tháng không?")
        said = last_text(h, "head_bdv")
        assert said.startswith("Nhiệm vụ báo cáo định kỳ của đồng chí:\n• Mục 1: "), said
        assert "— báo cáo hằng tháng, kỳ tới hạn 25/03/2026" in said, said
        assert said.endswith("Các mục khác (2) không phải báo cáo định kỳ."), said
        # a unit without one (the probe's words, typed without marks): told so, with what it holds
        await h.say("head_bdv", "/giao 2 @cadre_bdv")
        await h.say("cadre_bdv", "Ban Dan van giao muc nao vay? co phai bao cao hang thang khong")
        said = last_text(h, "cadre_bdv")
        assert said.startswith("Đồng chí không có nhiệm vụ báo cáo định kỳ. Nhiệm vụ đồng chí đang phụ trách:\n"
                               "• Mục 2: ") and said.endswith("hạn 30/06/2026"), said
        assert h.db.call(lambda s: len(list(s.scalars(select(StatusReport))))) == before
    finally:
        await h.stop()


async def test_a_task_finished_late_after_its_extension_names_the_deadline_it_was_judged_by(db_url: str) -> None:
    h = await _monthly(db_url)
    try:
        await h.advance_to(local(2026, 6, 29, 9, 0))
        await h.say("head_bdv", "2 xin gia hạn đến 10/7")
        await h.say("leader", "đồng ý gia hạn 2")
        await h.advance_to(local(2026, 7, 15, 9, 0))
        sent = len(h.sent)
        await h.say("head_bdv", "2 xong")
        said = last_text(h, "head_bdv")
        assert said.startswith("Đã cập nhật: mục 2 — Hoàn thành, quá hạn, hạn 10/07/2026 (đã gia hạn từ 30/06)."), said
        await h.advance_to(local(2026, 7, 17, 17, 0))
        weekly = [t for t in texts_to(h, "leader", sent) if "Hoàn thành trong tuần" in t]
        assert weekly and "hoàn thành ngày 15/07/2026 (quá hạn, hạn 10/07/2026, đã gia hạn từ 30/06)" in weekly[-1], \
            weekly
    finally:
        await h.stop()
