"""A late task in /tonghop carries the share its unit last reported ("mục II.2.a, đạt 70%"): a leader tells a late
task nearly finished from one nobody has touched (session 32's probe 47: Sở Xây dựng's 70% on a late item showed as a
bare "mục II.2.a"). The whole path — typed reports, storage, a past month's summary, the text — is checked in
test_report_as_of.py ("mục 1 (đạt 60%), 4, 5 (đạt 50%), 7"); here the text's two forms."""

from __future__ import annotations

import datetime as dt
import unicodedata

from bot import texts
from bot.channels.telegram import conversation_of
from bot.conversation.reports import send_weekly_digest
from bot.sandbox.harness import Harness
from storage.reports import UnitSummary
from tests.bot.conversation_setup import started
from tests.conftest import local


def _unit(name: str, refs: list[str], percent: list[int | None], asked: list[dt.date | None] | None = None,
          ) -> UnitSummary:
    return UnitSummary(unit=name, overdue=len(refs), overdue_refs=refs, overdue_percent=percent,
                       overdue_asked=asked or [None] * len(refs))


def test_the_short_report_says_each_late_tasks_share_done() -> None:
    said = texts.summary_text([_unit("Sở Xây dựng", ["II.2.a", "II.2.b", "II.3"], [70, None, 0])],
                              dt.date(2026, 6, 5))
    assert "— mục II.2.a (đạt 70%), II.2.b, II.3" in said, said  # 0% is said as nothing reported


def test_the_long_report_keeps_one_line_a_unit_with_the_share_and_the_extension_asked() -> None:
    rows = [_unit(f"UBND xã {k}", ["1"], [None]) for k in "ABCDEFGHIJKLMNOP"]
    rows[0] = _unit("UBND xã A", ["1", "2", "3"], [40, None, 90],
                    [dt.date(2026, 7, 15), None, None])
    said = texts.summary_text(rows, dt.date(2026, 6, 5))
    line = next(x for x in said.splitlines() if x.startswith("• UBND xã A"))
    assert f"(mục 1, đạt 40%, {texts.EXTENSION_PENDING_WORDS} đến 15/07/2026; 2; 3, đạt 90%)" in line, line
    assert "• UBND xã B" in said and "(mục 1)" in said  # none reported: the bare item, as before


def test_summaries_written_before_the_percent_was_kept_still_read() -> None:
    r = UnitSummary(unit="Sở Tài chính", overdue=2, overdue_refs=["1", "2"])  # no overdue_percent
    assert "— mục 1, 2" in texts.summary_text([r], dt.date(2026, 6, 5))


async def _weekly(h: Harness) -> str:
    assert h.app is not None
    start = len(h.sent)
    await send_weekly_digest(conversation_of(h.app))
    return next(s.text or "" for s in h.sent[start:] if s.to == "leader")


async def test_a_late_tasks_last_report_follows_it_through_the_reports_and_the_weekly_summaries(db_url: str) -> None:
    """Sở Tài nguyên và Môi trường reports item 4 (due Tue 20/03/2018) at 70% on 12/03 and then goes quiet: /tonghop
    says "mục 4 (đạt 70%)"; the leader's weekly summary, the week it falls late and the weeks after, says when the
    unit last reported and what — so the same line again next week shows nothing moved."""
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, 12, 9, 0))
        await h.say("head_stnmt", "4 đạt 70% đang chờ kết quả đo đạc")
        await h.advance_to(local(2018, 3, 22, 10, 0))
        start = len(h.sent)
        await h.say("leader", "/tonghop")
        summary = h.sent[start].text or ""
        assert "— mục 4 (đạt 70%)" in summary, summary
        newly = (await _weekly(h)).split("2. Mới quá hạn trong tuần", 1)[1].split("3. Đề nghị gia hạn", 1)[0]
        assert "• Mục 4" in newly and "; hạn 20/03/2018; báo cáo gần nhất 12/03: đạt 70%" in newly, newly
        await h.advance_to(local(2018, 4, 3, 10, 0))
        weekly = await _weekly(h)
        still = weekly.split("quá hạn từ các tuần trước chưa hoàn thành:", 1)[1]
        line = next(x for x in still.splitlines() if "mục 4" in x)
        assert line.endswith("(hạn 20/03/2018, quá hạn 10 ngày làm việc; báo cáo gần nhất 12/03: đạt 70%)"), line
        assert unicodedata.is_normalized("NFC", weekly)
    finally:
        await h.stop()


def _section(weekly: str, heading: str) -> str:
    """The lines of a weekly summary under `heading` (empty when it has none)."""
    if heading not in weekly:
        return ""
    lines = weekly.split(heading, 1)[1].splitlines()[1:]
    return "\n".join(x for x in lines[:next((i for i, x in enumerate(lines) if not x.startswith("•")), len(lines))])


async def test_a_holder_who_asked_the_office_is_not_reported_as_never_answering(db_url: str) -> None:
    """Probe 48: a head who asked the office where the outline was, and got no answer, was listed every week under
    "Chưa phản hồi lần nào từ khi được giao". He is listed as waiting for the office's answer (with his question);
    once answered, he is in neither list — asking was answering Nhắc việc. A holder who said nothing stays silent."""
    h = await started(db_url)
    try:
        await h.advance_to(local(2018, 3, 12, 9, 0))
        await h.say("head_stnmt", "hỏi văn phòng: mẫu báo cáo hiện trạng đất ven biển lấy ở đâu ạ?")
        await h.advance_to(local(2018, 3, 29, 10, 0))  # item 4 (due 20/03) and Ban Dân vận's item 1 overdue
        weekly = await _weekly(h)
        silent = _section(weekly, "Chưa phản hồi lần nào từ khi được giao:")
        waiting = _section(weekly, "Đang chờ Văn phòng trả lời câu hỏi:")
        assert "Trần Văn Môi" not in silent and "đ/c Lê Văn Dân — Ban Dân vận Tỉnh ủy" in silent, weekly
        assert waiting.strip() == ("• đ/c Trần Văn Môi — Sở Tài nguyên và Môi trường (hỏi ngày 12/03): “mẫu báo cáo "
                                   "hiện trạng đất ven biển lấy ở đâu ạ?” — 1 nhiệm vụ quá hạn"), weekly
        await h.say("admin", "trả lời 1: mẫu kèm theo công văn, phụ lục II")
        weekly = await _weekly(h)
        assert "Đang chờ Văn phòng" not in weekly and "Trần Văn Môi" not in _section(
            weekly, "Chưa phản hồi lần nào từ khi được giao:"), weekly
        assert unicodedata.is_normalized("NFC", weekly)
    finally:
        await h.stop()


def test_an_item_late_at_several_units_says_each_units_last_report() -> None:
    """One late item several units hold is one line naming them: each unit's last report goes beside it."""
    from storage.reports import DigestItem, WeeklyDigest
    late = [DigestItem(item_ref="1", notice="Công văn số 924/SNV-CCHC", text="Báo cáo công tác CCHC quý III",
                       unit=unit, assignee=who, due_on=dt.date(2015, 9, 10), reported_on=on, percent=share)
            for unit, who, on, share in (("Sở Kế hoạch và Đầu tư", "Vũ Văn Hoạch", None, None),
                                         ("UBND thành phố Sơn La", "Tòng Văn La", dt.date(2015, 9, 9), 80),
                                         ("UBND huyện Mường La", "", dt.date(2015, 9, 8), None))]
    week = WeeklyDigest(since=dt.date(2015, 9, 5), until=dt.date(2015, 9, 11), done=[], newly_overdue=late,
                        still_overdue=[], pending=[])
    said = texts.weekly_digest_text(week, "Cầm Văn Tuấn")
    assert ("3 đơn vị: Sở Kế hoạch và Đầu tư (đ/c Vũ Văn Hoạch); UBND thành phố Sơn La (đ/c Tòng Văn La; báo cáo "
            "gần nhất 09/09: đạt 80%); UBND huyện Mường La (báo cáo gần nhất 08/09)") in said, said
