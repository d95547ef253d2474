"""/tonghop and its Excel file with a task a unit holds only to support another's ("Có trách nhiệm phối hợp với …"):
the lead unit answers for the task (DOMAIN.md), so the supporting unit is never shown late for it — its part is
counted apart, outside the total and the five follow-up counts."""

from __future__ import annotations

import datetime as dt

from bot.sandbox.harness import Harness
from bot.texts import summary_text
from scheduler.calendar import VN_TZ
from storage.parsed import ParsedTask
from storage.reports import SUPPORTING_LABEL, UnitSummary, unit_summary
from tests.bot.test_report_chat import _with_notice, ask, workbook_of
from tests.storage.test_reports import BDV, TNMT

SUPPORT_TEXT = "Có trách nhiệm phối hợp với Sở Tài nguyên và Môi trường rà soát hồ sơ đất đai vùng dự án"


async def _late_support(db_url: str) -> Harness:
    """TNMT leads item 1 and BDV supports it (its own task, as a notice read per unit gives it), both due 20/03/2026
    and open on 02/04/2026; BDV also leads item 2, done."""
    h = await _with_notice(db_url, "91/TB-UBND", (
        ParsedTask(ref="1", text="Rà soát hồ sơ đất đai vùng dự án", lead=(TNMT,), due=dt.date(2026, 3, 20)),
        ParsedTask(ref="1", text=SUPPORT_TEXT, lead=(BDV,), due=dt.date(2026, 3, 20)),
        ParsedTask(ref="2", text="Báo cáo kết quả dân vận khéo", lead=(BDV,), due=dt.date(2026, 4, 30))))
    await h.say("head_bdv", "2 xong")
    return h


async def test_a_supporting_unit_is_not_counted_late_in_tonghop(db_url: str) -> None:
    h = await _late_support(db_url)
    try:
        assert h.db is not None
        rows = {r.unit: r for r in h.db.call(unit_summary, today=dt.date(2026, 4, 2), tz=VN_TZ)}
        assert rows[BDV].overdue == 0 and rows[BDV].total == 1
        assert rows[BDV].supporting == 1
        assert rows[TNMT].overdue == 1
        text, _chart, excel = await ask(h, "leader", "/tonghop 91/TB-UBND")
        said = text.text or ""
        block = said.split(f"• {BDV}", 1)[1].split("\n•", 1)[0]
        assert "quá hạn chưa hoàn thành: 0" in block, said
        assert "phối hợp (đơn vị chủ trì chịu trách nhiệm về thời hạn" in block and "mục 1" in block, said
        assert "Ngoài ra 1 nhiệm vụ phối hợp" in said, said
        story = said.split("Từng nhiệm vụ:\n", 1)[1]
        assert f"– {BDV}: Chưa cập nhật, hạn 20/03/2026, phối hợp" in story and story.count("đã quá hạn") == 1, story
        wb = workbook_of(h, "leader", excel)
        summary, detail = wb["Tổng hợp"], wb["Chi tiết"]
        header = [c.value for c in summary[4]]
        assert header[-1] == "Phối hợp (ngoài tổng số, không tính đúng/quá hạn)"
        bdv = next([c.value for c in r] for r in summary.iter_rows(min_row=5) if r[1].value == BDV)
        assert bdv[header.index("Quá hạn chưa hoàn thành")] == 0 and bdv[-1] == 1 and bdv[2] == 1
        categories = {(r[2].value, r[4].value): r[10].value for r in detail.iter_rows(min_row=5)}
        assert categories[("1", BDV)] == SUPPORTING_LABEL
        assert categories[("1", TNMT)] == "Quá hạn chưa hoàn thành"
    finally:
        await h.stop()


async def test_a_unit_only_supporting_is_not_among_the_late_ones(db_url: str) -> None:
    h = await _late_support(db_url)
    try:
        said = (await ask(h, "leader", "Đơn vị nào chậm?"))[0].text or ""
        assert f"• {TNMT}" in said and BDV not in said, said
    finally:
        await h.stop()


def test_a_long_report_says_a_units_supporting_part_apart_from_its_counts() -> None:
    rows = [UnitSummary(unit=f"Sở số {i}", overdue=1, overdue_refs=[str(i)]) for i in range(6)]
    rows += [UnitSummary(unit="Sở Tài chính", in_progress=1, supporting=2, supporting_done=1,
                         supporting_refs=["II.4", "III.1"]),
             UnitSummary(unit="Sở Y tế", supporting=1, supporting_refs=["II.4"])]
    said = summary_text(rows, dt.date(2026, 4, 2))
    lines = said.splitlines()
    assert "• Sở Tài chính (1): đang thực hiện trong hạn 1; ngoài ra phối hợp 2 — mục II.4, III.1 (đã báo cáo xong " \
           "1), không tính đúng/quá hạn." in lines, said
    assert "• Sở Y tế: không chủ trì nhiệm vụ nào; phối hợp 1 — mục II.4, không tính đúng/quá hạn." in lines, said
    assert "Tổng cộng: 7 nhiệm vụ" in said and "quá hạn chưa hoàn thành 6/7" in said, said
    assert "Ngoài ra 3 nhiệm vụ phối hợp (đơn vị chủ trì chịu trách nhiệm về thời hạn" in said, said
