"""/tonghop and /donvi through the real python-telegram-bot and the Bot API sandbox: filters as
typed, the chart and the Excel after the text, and refusals that say why."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from bot import texts
from bot.channels.telegram import conversation_of
from bot.conversation.reports import digest_day, send_weekly_digest, summary_since
from bot.sandbox.harness import Harness, Sent
from scheduler.calendar import WorkingCalendar
from scheduler.clock import FakeClock
from storage.directory import person_by_handle
from storage.notices import confirm_notice, create_draft
from storage.parsed import ParsedNotice, ParsedTask
from tests.conftest import DIRECTORY_CSV, SEED_NOTICE, local
from tests.storage.test_reports import BDV, TNMT, seed_report_data


@pytest.fixture
async def harness(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.db is not None
    seed_report_data(h.db)
    yield h
    await h.stop()


async def ask(h: Harness, handle: str, text: str) -> list[Sent]:
    before = len(h.sent)
    await h.say(handle, text)
    return [s for s in h.sent[before:] if s.to == handle]


def workbook_of(h: Harness, handle: str, sent: Sent):  # type: ignore[no-untyped-def]
    stored = h.state.find_message(h.handles[handle], sent.message_id)
    assert stored is not None and stored.document is not None
    return load_workbook(io.BytesIO(h.state.files[stored.document["file_id"]][0]))


async def test_leader_filters_by_notice_period_and_unit(harness: Harness) -> None:
    h = harness
    text, chart, excel = await ask(h, "leader", "/tonghop 45/TB-UBND")
    assert text.text is not None and "Phạm vi: Thông báo số 45/TB-UBND ngày 05/03/2026" in text.text
    assert f"• {BDV}: 4 nhiệm vụ" in text.text and f"• {TNMT}: 2 nhiệm vụ" in text.text
    assert chart.document == "tong-hop-nhiem-vu-2026-04-02.png"
    assert excel.document == "tong-hop-nhiem-vu-2026-04-02.xlsx"
    detail = workbook_of(h, "leader", excel)["Chi tiết"]
    assert detail.max_row == 4 + 6 and detail["A2"].value == "Phạm vi: văn bản số 45/TB-UBND"

    text, *_ = await ask(h, "leader", "/tonghop tháng 2")
    assert text.text is not None and "Phạm vi: tháng 2/2026" in text.text
    assert f"• {TNMT}: 1 nhiệm vụ" in text.text and BDV not in text.text

    text, *_ = await ask(h, "leader", "/tonghop Sở Tài nguyên và Môi trường")
    assert text.text is not None and f"• {TNMT}: 3 nhiệm vụ" in text.text and BDV not in text.text
    # a name typed loosely: the scope names the unit as the directory writes it
    text, *_ = await ask(h, "leader", "/tonghop tài nguyên quý 1")
    assert text.text is not None and f"Phạm vi: đơn vị {TNMT}; quý I/2026" in text.text


async def test_a_report_on_one_notice_tells_each_task_with_its_unit_and_latest_words(harness: Harness) -> None:
    """What the office forwards as the notice's "báo cáo tình hình thực hiện": not only the counts per unit but each
    task, its lead unit, where it stands and the unit's latest words (probe 20, F21)."""
    text, *_ = await ask(harness, "leader", "/tonghop 45/TB-UBND")
    assert text.text is not None
    story = text.text.split("\n\nTừng nhiệm vụ:\n", 1)[1]
    lines = story.splitlines()
    assert len(lines) == 6 and [line.split(" — ")[0] for line in lines] == [f"• Mục {n}" for n in "123456"]
    assert lines[0].startswith(f"• Mục 1 — {BDV}: Báo cáo kết quả dân vận khéo — hoàn thành 18/03/2026, đúng hạn")
    assert "“đã gửi báo cáo” (18/03)" in lines[0]
    assert lines[2].startswith(f"• Mục 3 — {TNMT}: Rà soát quy hoạch sử dụng đất")
    assert "“xin gia hạn vì chờ ý kiến Sở Tài chính” (31/03)" in lines[2]
    assert "đã quá hạn" in lines[3] and "hoàn thành 12/03/2026, chậm" in lines[1]
    # a report over every notice keeps to the counts (the detail is in the Excel file)
    text, *_ = await ask(harness, "leader", "/tonghop")
    assert text.text is not None and "Từng nhiệm vụ:" not in text.text


async def _with_notice(db_url: str, number: str, tasks: tuple[ParsedTask, ...]) -> Harness:
    """A started harness (02/04/2026) with one notice of `tasks` confirmed on 05/03/2026."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.db is not None
    admin = h.db.call(person_by_handle, "admin")
    parsed = ParsedNotice(kind="thông báo", number=number, date=dt.date(2026, 3, 5), tasks=tasks)
    draft = h.db.call(create_draft, parsed, source_text="notice", source_name="", by=admin, now=local(2026, 3, 5))
    h.db.call(confirm_notice, draft.notice_id, by=admin, now=local(2026, 3, 5))
    return h


async def test_an_item_several_units_lead_is_said_once_with_each_units_state_under_it(db_url: str) -> None:
    h = await _with_notice(db_url, "78/TB-UBND", (
        ParsedTask(ref="1", text="Rà soát hồ sơ đất đai vùng dự án", lead=(BDV, TNMT), due=dt.date(2026, 5, 4)),
        ParsedTask(ref="2", text="Báo cáo kết quả", lead=(TNMT,), due=dt.date(2026, 5, 6))))
    try:
        await h.say("head_bdv", "1 60% đang rà soát")
        text, *_ = await ask(h, "leader", "/tonghop 78/TB-UBND")
        assert text.text is not None
        story = text.text.split("Từng nhiệm vụ:\n", 1)[1].splitlines()
        assert story[0] == "• Mục 1: Rà soát hồ sơ đất đai vùng dự án", story
        assert story[1].startswith(f"  – {BDV}: 60%") and "— “đang rà soát” (02/04)" in story[1], story
        assert story[2].startswith(f"  – {TNMT}: Chưa cập nhật, hạn 04/05/2026"), story
        assert story[3].startswith(f"• Mục 2 — {TNMT}: Báo cáo kết quả — Chưa cập nhật"), story
    finally:
        await h.stop()


async def test_a_long_notice_report_tells_the_first_tasks_and_says_where_the_rest_are(db_url: str) -> None:
    h = await _with_notice(db_url, "77/TB-UBND", tuple(
        ParsedTask(ref=str(n), text=f"Nhiệm vụ thứ {n}", lead=(BDV,), due=dt.date(2026, 5, n)) for n in range(1, 19)))
    try:
        text, *_ = await ask(h, "leader", "/tonghop 77/TB-UBND")
        assert text.text is not None
        story = text.text.split("Từng nhiệm vụ:\n", 1)[1].splitlines()
        assert len(story) == 16 and story[-1] == "… và 3 nhiệm vụ khác (xem tệp Excel kèm theo)."
    finally:
        await h.stop()


@pytest.mark.parametrize(("handle", "typed", "scope", "files"), [
    ("leader", "báo cáo tình hình", None, False),
    ("admin", "cho tôi xem tiến độ", None, False),
    ("leader", "Sở Tài nguyên và Môi trường thế nào?", f"Phạm vi: đơn vị {TNMT}", False),
    # a polite particle changes nothing (probe 23: "… thế nào ạ?" went to the office)
    ("leader", "Sở Tài nguyên và Môi trường thế nào ạ?", f"Phạm vi: đơn vị {TNMT}", False),
    ("leader", "Dạ, Sở Tài nguyên và Môi trường thế nào nhé", f"Phạm vi: đơn vị {TNMT}", False),
    ("leader", "tình hình tài nguyên tháng 2", f"Phạm vi: đơn vị {TNMT}; tháng 2/2026", False),
])
async def test_a_leaders_question_in_words_gets_the_summary(harness: Harness, handle: str, typed: str,
                                                            scope: str | None, files: bool) -> None:
    sent = await ask(harness, handle, typed)
    if files:  # asked for the file: the text, the chart and the Excel file
        assert len(sent) == 3 and [s.document for s in sent[1:]] == [
            "tong-hop-nhiem-vu-2026-04-02.png", "tong-hop-nhiem-vu-2026-04-02.xlsx"], [s.text for s in sent]
    else:  # a question: the answer alone, and how to get the chart and the file
        assert len(sent) == 1 and sent[0].document is None, [s.text for s in sent]
        assert (sent[0].text or "").endswith("\n\n" + texts.FILES_ON_REQUEST)
    text = sent[0].text or ""
    assert text.startswith("TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"), text
    if scope is None:
        assert "Phạm vi" not in text and f"• {BDV}:" in text and f"• {TNMT}:" in text
    else:
        assert scope in text and BDV not in text


@pytest.mark.parametrize(("typed", "end", "files"), [
    ("xuất excel", "số liệu đến ngày 02/04/2026.", ["tong-hop-nhiem-vu-2026-04-02.xlsx"]),
    ("Xuat file excel", "số liệu đến ngày 02/04/2026.", ["tong-hop-nhiem-vu-2026-04-02.xlsx"]),
    ("gửi file excel tháng 2", "số liệu đến ngày 28/02/2026. Phạm vi: tháng 2/2026 (nhiệm vụ được giao, đến hạn, "
     "quá hạn chưa hoàn thành hoặc hoàn thành trong khoảng này).", ["tong-hop-nhiem-vu-2026-04-02.xlsx"]),
    ("cho xem biểu đồ", "số liệu đến ngày 02/04/2026.", ["tong-hop-nhiem-vu-2026-04-02.png"]),
    ("xuất biểu đồ và excel", "số liệu đến ngày 02/04/2026.",
     ["tong-hop-nhiem-vu-2026-04-02.png", "tong-hop-nhiem-vu-2026-04-02.xlsx"]),
])
async def test_the_files_asked_for_alone_come_without_the_answer_again(
        harness: Harness, typed: str, end: str, files: list[str]) -> None:
    """The answer in words ends "Biểu đồ và tệp Excel: gõ /tonghop hoặc “xuất excel”": typed, the files come under
    one line, not the whole answer (and the chart) a second time (probe 14); that line heads the first file's
    caption, not a message of its own (probe 20, P3)."""
    sent = await ask(harness, "leader", typed)
    assert [s.document for s in sent] == files, [s.text for s in sent]
    line, *rest = (sent[0].text or "").split("\n")
    assert line.startswith("Gửi đồng chí ") and "TỔNG HỢP" not in line, line
    assert line.endswith(end), line
    assert rest == [texts.CHART_CAPTION if files[0].endswith(".png") else texts.REPORT_FILE_CAPTION], rest


@pytest.mark.parametrize(("typed", "files"), [("Đơn vị nào chậm?", False), ("/tonghop quá hạn", True),
                                              ("đơn vị nào chậm, xuất excel", True),
                                              ("don vi nao cham?", False),  # typed without diacritics
                                              # probe 19: answered with how to reply to reminders
                                              ("danh sách quá hạn", False), ("ds nhiem vu cham", False)])
async def test_which_units_are_late_lists_only_those(harness: Harness, typed: str, files: bool) -> None:
    h = harness
    sent = await ask(h, "leader", typed)
    text = sent[0].text or ""
    assert text.splitlines()[1] == (texts.LATE_ONLY if files else texts.LATE_ONLY_TEXT), text
    counts = [ln for ln in text.splitlines() if "quá hạn chưa hoàn thành:" in ln]
    assert counts and not [ln for ln in counts if re.search(r"quá hạn chưa hoàn thành: 0\b", ln)], text
    if not files:
        assert len(sent) == 1 and text.endswith(texts.FILES_ON_REQUEST)
        return
    detail = workbook_of(h, "leader", sent[2])["Chi tiết"]
    rows = list(detail.iter_rows(min_row=5, values_only=True))
    assert rows and all(str(row[10]).startswith("Quá hạn chưa hoàn thành") for row in rows)


async def test_a_cadres_words_are_not_a_report_question(harness: Harness) -> None:
    sent = await ask(harness, "head_bdv", "báo cáo tình hình")
    assert len(sent) == 1 and not (sent[0].text or "").startswith("TỔNG HỢP")


async def test_admin_summary_counts_a_done_task_without_deadline_apart(harness: Harness) -> None:
    sent = await ask(harness, "admin", "/tonghop")
    assert len(sent) == 3
    assert sent[0].text is not None and "Không có thời hạn: 2 (đã hoàn thành 1, chưa cập nhật 1)" in sent[0].text
    assert sent[1].text == texts.CHART_CAPTION and sent[2].text == texts.REPORT_FILE_CAPTION


async def test_head_sees_only_their_unit(harness: Harness) -> None:
    h = harness
    text, chart, excel = await ask(h, "head_bdv", "/donvi")
    assert text.text is not None and f"Phạm vi: đơn vị {BDV}" in text.text
    assert f"• {BDV}: 5 nhiệm vụ" in text.text and TNMT not in text.text
    summary = workbook_of(h, "head_bdv", excel)["Tổng hợp"]
    assert [c.value for c in summary[5]][:3] == [1, BDV, 5] and summary["B6"].value == "Tổng cộng"
    # the words of another unit change nothing: a head sees their own unit only
    text, *_ = await ask(h, "head_bdv", "/donvi Sở Tài nguyên và Môi trường tháng 3")
    assert text.text is not None and TNMT not in text.text
    assert f"• {BDV}: 5 nhiệm vụ" in text.text and "tháng 3/2026" in text.text
    # nothing in February: the hint is about /donvi, not /tonghop
    sent = await ask(h, "head_bdv", "/donvi tháng 2")
    assert [s.text for s in sent] == [f"Không có nhiệm vụ nào thuộc phạm vi: đơn vị {BDV}; tháng 2/2026 (nhiệm vụ "
                                      "được giao, đến hạn, quá hạn chưa hoàn thành hoặc hoàn thành trong khoảng này)."
                                      f"\n{texts.UNIT_REPORT_USAGE}"]


@pytest.mark.parametrize(("handle", "command", "answer"), [
    ("head_bdv", "/tonghop", texts.SUMMARY_HEAD_USE_UNIT),
    ("cadre_bdv", "/tonghop", texts.SUMMARY_ONLY_LEADERS),
    ("cadre_bdv", "/donvi", texts.UNIT_REPORT_ONLY_HEADS),
    ("leader", "/tonghop tháng 13", texts.period_not_understood("tháng 13")),
])
async def test_refusals_say_why(harness: Harness, handle: str, command: str, answer: str) -> None:
    sent = await ask(harness, handle, command)
    assert [s.text for s in sent] == [answer]


async def test_a_filter_that_matches_nothing_says_so(harness: Harness) -> None:
    sent = await ask(harness, "leader", "/tonghop Sở Giáo dục và Đào tạo")
    assert len(sent) == 1 and sent[0].text is not None
    assert sent[0].text.startswith("Không có nhiệm vụ nào thuộc phạm vi: đơn vị “Sở Giáo dục và Đào tạo”.")


async def test_weekly_digest_reaches_each_leader(harness: Harness) -> None:
    h = harness
    assert h.app is not None
    told = await send_weekly_digest(conversation_of(h.app))
    assert told == 1
    digest = [s for s in h.sent if s.to == "leader"]
    assert len(digest) == 1 and digest[0].text is not None
    lines = digest[0].text.splitlines()
    assert lines[0] == "Kính gửi đồng chí Huỳnh Thanh Cảnh,"
    assert "từ 27/03/2026 đến 02/04/2026" in lines[1]
    assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in lines
    assert "2. Mới quá hạn trong tuần, chưa hoàn thành: 2 nhiệm vụ." in lines
    # the one overdue since before the week is named (due Saturday 28/02, so from Monday 02/03), not just counted
    at = lines.index("Ngoài ra còn 1 nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:")
    assert lines[at + 1] == f"• {TNMT} — mục 1: Cắm mốc hành lang (hạn 02/03/2026, quá hạn 23 ngày làm việc)"
    assert "3. Đề nghị gia hạn chờ quyết định: 1." in lines
    assert not [s for s in h.sent if s.to in ("admin", "head_bdv", "cadre_bdv")], "leaders only"


@pytest.mark.parametrize(("day", "weekday", "expected"), [
    (dt.date(2026, 4, 2), 4, dt.date(2026, 4, 3)),  # Friday 03/04/2026, a working day
    (dt.date(2026, 4, 27), 3, dt.date(2026, 4, 29)),  # Thursday 30/04 is a holiday: Wednesday 29/04
    (dt.date(2026, 4, 27), 4, dt.date(2026, 4, 29)),  # Friday 01/05 too: Wednesday 29/04
    (dt.date(2026, 4, 6), 0, dt.date(2026, 4, 6)),  # Monday
    (dt.date(2026, 4, 29), 0, dt.date(2026, 4, 28)),  # Monday 27/04 is the Giỗ Tổ day off: the next working day
    (dt.date(2026, 4, 2), 6, dt.date(2026, 4, 3)),  # "Sunday" means the last working day of the week
])
def test_digest_day_is_a_working_day(day: dt.date, weekday: int, expected: dt.date) -> None:
    calendar = WorkingCalendar()
    assert calendar.is_working_day(expected)
    assert digest_day(calendar, day, weekday) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2026, 4, 24), dt.date(2026, 4, 18)),  # an ordinary Friday: Saturday to Friday
    (dt.date(2026, 4, 29), dt.date(2026, 4, 25)),  # moved to Wednesday before 30/4–1/5: from the day after 24/04
    (dt.date(2026, 5, 8), dt.date(2026, 4, 30)),  # the Friday after: from the day after Wednesday 29/04
    (dt.date(2026, 4, 22), dt.date(2026, 4, 16)),  # not a summary day (asked for by hand): the last seven days
])
def test_consecutive_weekly_summaries_cover_every_day_once(today: dt.date, expected: dt.date) -> None:
    assert summary_since(WorkingCalendar(), today, 4) == expected


def test_the_first_summary_after_tet_covers_the_whole_break() -> None:
    calendar = WorkingCalendar()
    # Tết Ất Mùi: no working day from 16/02 to 23/02/2015, so no summary that week; the last was Friday 13/02
    assert summary_since(calendar, dt.date(2015, 2, 27), 4) == dt.date(2015, 2, 14)
    # and from the record of the last one sent, whatever the calendar says
    assert summary_since(calendar, dt.date(2015, 2, 27), 4, last_sent=dt.date(2015, 2, 13)) == dt.date(2015, 2, 14)
    assert summary_since(calendar, dt.date(2026, 5, 8), 4, last_sent=dt.date(2026, 4, 29)) == dt.date(2026, 4, 30)


async def test_the_excel_sent_in_chat_is_in_the_audit_log_with_its_reader(db_url: str) -> None:
    from storage.audit import audit_entries

    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        await h.say("admin", "/tonghop")
        assert h.db is not None
        exports = [e for e in h.db.call(audit_entries) if e.action == "export"]
        assert [(e.actor, e.detail["rows"]) for e in exports] == [("admin", 13)]
    finally:
        await h.stop()


@pytest.mark.parametrize("week", ["busy", "quiet"])
async def test_the_weekly_summary_reaches_leaders_once_on_friday_afternoon(db_url: str, week: str) -> None:
    """Once, from 15:00 on Friday; a quiet week (nothing finished, overdue or to decide) is not written."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        if week == "busy":
            h.clock.set(local(2018, 3, 1, 10, 0))
            await h.say("head_bdv", "2 xong")  # something to tell the leader about
        for moment in (local(2018, 3, 2, 14, 59), local(2018, 3, 2, 15, 0), local(2018, 3, 2, 16, 0)):
            h.clock.set(moment)
            await h.tick()
        to_leader = [s for s in h.sent if s.to == "leader"]
        assert not any(s.to == "head_bdv" and s.at >= local(2018, 3, 2, 0, 0) for s in h.sent)
        if week == "quiet":
            assert to_leader == []
            return
        assert len(to_leader) == 1 and to_leader[0].at == local(2018, 3, 2, 15, 0)
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in (to_leader[0].text or "")
    finally:
        await h.stop()


async def test_a_simulated_clock_jumping_over_friday_stops_at_the_weekly_summary(harness: Harness) -> None:
    h = harness
    start = h.clock.now()
    friday = dt.date(2026, 4, 3)
    assert start.date() <= friday
    await h.advance_to(local(2026, 4, 6, 8, 0))  # to Monday morning: nothing typed in between
    weekly = [s for s in h.sent if s.to == "leader" and (s.text or "").startswith("Kính gửi đồng chí Huỳnh")
              and "báo cáo tình hình thực hiện nhiệm vụ trong tuần" in (s.text or "")]
    assert len(weekly) == 1, [s.text for s in h.sent if s.to == "leader"]


async def test_a_question_in_words_on_zalo_is_the_text_alone(db_url: str) -> None:
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_report_data(h.db)
        sent = await ask(h, "leader", "báo cáo tình hình")
        assert len(sent) == 1 and all(s.channel == "zalo" for s in sent)
        text = sent[0].text or ""
        assert text.startswith("TỔNG HỢP TÌNH HÌNH") and text.endswith("\n\n" + texts.FILES_ON_REQUEST_NO_FILES)
        # the command right after: the same text is not sent twice (probe 27), and the files come on Telegram
        sent = await ask(h, "leader", "/tonghop")
        assert len(sent) == 1 and (sent[0].text or "").startswith("Báo cáo không thay đổi")
        assert (sent[0].text or "").endswith("\n\n" + texts.FILES_ON_REQUEST_NO_FILES)
    finally:
        await h.stop()


async def test_a_leader_on_zalo_gets_no_server_set_up_words_and_an_admin_gets_them_in_the_same_message(
        db_url: str) -> None:
    """Probe 39, #6: after /tonghop on Zalo without a public address a leader got a second message naming
    NHACVIEC_WEBHOOK_URL and "bộ phận kỹ thuật"; that is the admin's, and the leader's is one plain line."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_report_data(h.db)
        for command in ("/tonghop", "xuất excel"):
            sent = await ask(h, "leader", command)
            assert len(sent) == 1, [s.text for s in sent]
            said = sent[0].text or ""
            assert "NHACVIEC_WEBHOOK_URL" not in said and "kỹ thuật" not in said and "máy chủ Nhắc việc" not in said
            assert texts.FILES_ON_REQUEST_NO_FILES in said
        sent = await ask(h, "admin", "/tonghop")
        assert len(sent) == 1 and (sent[0].text or "").startswith("TỔNG HỢP TÌNH HÌNH")
        assert (sent[0].text or "").endswith("\n\n" + texts.NO_FILES_HERE)
    finally:
        await h.stop()


async def test_asking_for_the_excel_on_zalo_without_links_says_why_once_and_not_the_report_again(db_url: str) -> None:
    """Probe 37, #7: "xuất excel" on Zalo without a public address repeated the whole report, and the line after it
    told a leader with no Telegram to type /tonghop on Telegram."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 4, 2, 9, 0)), channel="zalo")
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_report_data(h.db)
        sent = await ask(h, "leader", "báo cáo tình hình")
        assert "Telegram" not in (sent[-1].text or "")
        sent = await ask(h, "leader", "xuất excel")
        assert [s.text for s in sent] == [f"{texts.FILES_ON_REQUEST_NO_FILES} {texts.NO_FILES_SUMMARY_BY_TEXT}"]
        assert "Telegram" not in texts.NO_FILES_ASKED and "/tonghop" in texts.NO_FILES_ASKED
    finally:
        await h.stop()


async def test_a_months_report_holds_the_tasks_overdue_in_it_in_the_text_and_the_excel(db_url: str) -> None:
    """Probe 9, finding 3: tasks due 30/04 (a holiday: run to 04/05), one still open and escalated, one finished late
    on 08/05, are May's; "quá hạn chưa hoàn thành" is not 0, and the Excel has the same tasks. Item 7, finished only
    on 02/06, was still overdue at the end of May: May's report says so."""
    from tests.storage.test_reports import seed_may_data

    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 6, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_may_data(h.db)
        text, _, excel = await ask(h, "admin", "/tonghop tháng 5")
        assert text.text is not None and f"• {BDV}: 4 nhiệm vụ" in text.text, text.text
        assert "Hoàn thành đúng hạn: 1; hoàn thành quá hạn: 1" in text.text
        assert "quá hạn chưa hoàn thành: 2/4 nhiệm vụ có thời hạn — mục 1, 7" in text.text
        detail = workbook_of(h, "admin", excel)["Chi tiết"]
        rows = [row for row in detail.iter_rows(min_row=5, values_only=True) if row[0] is not None]
        assert [row[2] for row in rows] == ["1", "2", "3", "7"]
        assert str(rows[0][10]).startswith("Quá hạn chưa hoàn thành (hạn rơi vào ngày nghỉ, tính đến 04/05/2026)")
        # item 5, a standing duty without a deadline still open, is not in May's figures: said in a line of its own
        assert text.text.endswith(f"\n\nNhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số "
                                  f"liệu tháng 5/2026 (1): {BDV} — mục 5. Nội dung, tình trạng từng nhiệm vụ: trang "
                                  "“Thường xuyên” của tệp Excel."), text.text
        # … and the file the leader forwards lists it too, as it stood on 31/05, on a sheet the summary points to
        book = workbook_of(h, "admin", excel)
        assert book.sheetnames == ["Tổng hợp", "Chi tiết", "Thường xuyên"]
        summary = book["Tổng hợp"]
        assert summary.cell(row=summary.max_row, column=1).value == (
            "Ngoài số liệu trên: 1 nhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số liệu "
            "tháng 5/2026 — danh sách ở trang “Thường xuyên”.")
        standing = [row for row in book["Thường xuyên"].iter_rows(min_row=5, values_only=True) if row[0] is not None]
        assert [(row[2], row[4], row[8]) for row in standing] == [("5", BDV, "Chưa cập nhật")], standing
        late = (await ask(h, "admin", "/tonghop quá hạn tháng 5"))[0].text or ""
        assert "thường xuyên" not in late, "never late: not in the list of the late"
    finally:
        await h.stop()


# ---------------------------------------------------------------- rounds of a recurring duty (probe 10, P4 and P5)

def _only_the_duty_late(session) -> None:  # type: ignore[no-untyped-def]
    """Item 1 of `seed_may_data` finished: the unit's only lateness is the monthly duty's rounds."""
    from sqlalchemy import select

    from storage.models import Task, TaskStatus

    task = session.scalars(select(Task).where(Task.item_ref == "1")).one()
    task.status, task.percent, task.done_at = TaskStatus.DONE, 100, local(2026, 5, 20, 9, 0)


async def test_a_unit_that_does_not_report_its_rounds_is_late(db_url: str) -> None:
    """Probe 10, P5: a monthly duty whose April and May rounds went unreported (the duty moved on to June) makes its
    unit late for "đơn vị nào chậm?" and "/tonghop quá hạn", saying which item and how many rounds; the Friday
    summary names it."""
    from tests.storage.test_reports import make_monthly_duty, seed_may_data

    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 6, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None and h.app is not None
        seed_may_data(h.db)
        make_monthly_duty(h.db, may_done=None)
        h.db.call(_only_the_duty_late)
        text = (await ask(h, "leader", "Đơn vị nào chậm?"))[0].text or ""
        assert text.splitlines()[1] == texts.LATE_ONLY_TEXT, text
        assert f"• {BDV}:" in text and "không báo cáo 2 (mục 6: 2 kỳ)" in text, text
        sent = await ask(h, "leader", "/tonghop quá hạn")  # the same report just sent: its files only (probe 27)
        assert (sent[0].text or "").startswith("Số liệu không thay đổi so với báo cáo đồng chí nhận lúc"), sent[0].text
        rows = [r for r in workbook_of(h, "leader", sent[2])["Chi tiết"].iter_rows(min_row=5, values_only=True)
                if r[0] is not None]
        assert [r[2] for r in rows] == ["6"]
        await send_weekly_digest(conversation_of(h.app))
        summary = [s.text or "" for s in h.sent if s.to == "leader"][-1]
        assert "Nhiệm vụ định kỳ đơn vị không báo cáo: 1 nhiệm vụ." in summary
        assert f"• {BDV} — mục 6: Tổng kết — không báo cáo 2 kỳ (gần nhất: kỳ tháng 5/2026)" in summary, summary
    finally:
        await h.stop()


async def test_a_months_report_holds_the_round_of_a_recurring_duty_finished_in_it(db_url: str) -> None:
    """Probe 10, P4: the May round of a monthly duty, reported on 12/05, puts the duty in /tonghop tháng 5, the
    text and the Excel, and May's rounds are counted as May's."""
    from tests.storage.test_reports import make_monthly_duty, seed_may_data

    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 6, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        seed_may_data(h.db)
        make_monthly_duty(h.db, may_done=local(2026, 5, 12, 10, 0))
        text, _, excel = await ask(h, "admin", "/tonghop tháng 5")
        assert text.text is not None and f"• {BDV}: 5 nhiệm vụ" in text.text, text.text
        assert ("Báo cáo định kỳ, các kỳ trong khoảng này: 2 — đúng hạn 1, quá hạn 0, không báo cáo 1 (mục 6: 1 kỳ)"
                in text.text), text.text
        detail = workbook_of(h, "admin", excel)["Chi tiết"]
        assert [r[2] for r in detail.iter_rows(min_row=5, values_only=True) if r[0] is not None] == [
            "1", "2", "3", "6", "7"]
    finally:
        await h.stop()


async def test_a_leader_not_understood_is_told_what_a_leader_may_ask(harness: Harness) -> None:
    """Probe 19: a leader with no task of their own was told to reply to reminders he never gets."""
    sent = await ask(harness, "leader", "xem giúp cái bảng hôm trước")
    text = sent[-1].text or ""
    assert "“báo cáo tình hình”" in text and "“đơn vị nào quá hạn?”" in text and "trả lời tin nhắc việc" not in text


async def test_what_is_finished_after_fridays_summary_is_in_the_next_one(db_url: str) -> None:
    """Probe 20: two items finished at 16:00 on Friday, after the 15:00 summary, were in neither summary (the next
    one covered "từ 27/02"): each summary covers everything since the previous one went out."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2018, 2, 26, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        await h.send_file("admin", SEED_NOTICE)
        await h.tap("admin", texts.BUTTON_CONFIRM)
        h.clock.set(local(2018, 3, 1, 10, 0))
        await h.say("head_bdv", "2.1 xong")
        h.clock.set(local(2018, 3, 2, 15, 0))
        await h.tick()
        h.clock.set(local(2018, 3, 2, 16, 0))
        await h.say("head_bdv", "2.2.a xong")  # after the summary went out
        h.clock.set(local(2018, 3, 9, 15, 0))
        await h.tick()
        summaries = [s.text or "" for s in h.sent if s.to == "leader" and "trong tuần" in (s.text or "")]
        assert len(summaries) == 2
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in summaries[0]
        assert "1. Hoàn thành trong tuần: 1 nhiệm vụ." in summaries[1], summaries[1]
    finally:
        await h.stop()


async def test_the_weekly_summary_names_who_never_answered(db_url: str) -> None:
    """Probe 20 F13: a head who never answered got a digest twelve working days in a row and nobody was told; the
    leaders' summary names the holders of overdue tasks who have not answered once, not those who have."""
    from tests.bot.conversation_setup import started_group

    h = await started_group(db_url)  # item 1 for head_bdv and head_stnmt, due 30/03/2018
    try:
        h.clock.set(local(2018, 3, 28, 10, 0))
        await h.say("head_bdv", "1 đang làm 50%")
        h.clock.set(local(2018, 4, 6, 15, 0))
        await h.tick()
        summary = next(s.text or "" for s in reversed(h.sent) if s.to == "leader" and "trong tuần" in (s.text or ""))
        lines = summary.splitlines()
        at = lines.index("Chưa phản hồi lần nào từ khi được giao:")
        assert lines[at + 1] == "• đ/c Trần Văn Môi — Sở Tài nguyên và Môi trường (giao từ 26/02): 1 nhiệm vụ quá hạn"
        assert not any(line.startswith("• đ/c Lê Văn Dân") for line in lines)  # she answered
        # a report on the task by anyone but the head (the office typing one phoned in, a deputy) is the unit's
        # answer: its head is not "silent" the next week
        h.clock.set(local(2018, 4, 9, 10, 0))
        await h.say("admin", "1 Sở Tài nguyên và Môi trường đang làm 30%")
        h.clock.set(local(2018, 4, 13, 15, 0))
        await h.tick()
        summary = next(s.text or "" for s in reversed(h.sent) if s.to == "leader" and "trong tuần" in (s.text or ""))
        assert "Chưa phản hồi lần nào" not in summary, summary
    finally:
        await h.stop()


async def test_a_holder_who_never_answered_while_on_leave_is_named_with_the_leave(db_url: str) -> None:
    """Month probe 37, #5: the leader was told a head "never answered" every week of the head's leave, with no word
    of it; the line says the leave (and who stands in, when someone does)."""
    from tests.bot.conversation_setup import started_group

    h = await started_group(db_url)  # item 1 for head_bdv and head_stnmt, due 30/03/2018
    try:
        h.clock.set(local(2018, 3, 28, 10, 0))
        await h.say("head_bdv", "1 đang làm 50%")
        await h.say("head_stnmt", "/nghi 2/4 10/4")
        h.clock.set(local(2018, 4, 6, 15, 0))
        await h.tick()
        summary = next(s.text or "" for s in reversed(h.sent) if s.to == "leader" and "trong tuần" in (s.text or ""))
        assert "• đ/c Trần Văn Môi — Sở Tài nguyên và Môi trường (giao từ 26/02): 1 nhiệm vụ quá hạn (nghỉ phép " \
            "02/04–10/04)" in summary.splitlines(), summary
    finally:
        await h.stop()


async def test_chua_hoan_thanh_is_open_work_not_only_late_work(db_url: str) -> None:
    """Probe 20 F18: "những đơn vị nào chưa hoàn thành?" listed only the unit past its deadline, while others had work
    open within theirs; "chậm" / "quá hạn" still ask for the late ones."""
    from tests.bot.conversation_setup import last_text, started_group

    h = await started_group(db_url)  # item 1 for head_bdv and head_stnmt, due 30/03/2018
    try:
        h.clock.set(local(2018, 3, 2, 10, 0))
        await h.say("head_bdv", "1 xong")
        await h.say("leader", "những đơn vị nào chưa hoàn thành?")
        answer = last_text(h, "leader")
        assert "Các đơn vị còn nhiệm vụ chưa hoàn thành" in answer and "• Sở Tài nguyên và Môi trường" in answer
        assert "Ban Dân vận" not in answer
        await h.say("leader", "đơn vị nào chậm?")
        assert "không có" in last_text(h, "leader").lower()
        await h.say("head_stnmt", "1 xong")
        await h.say("leader", "ai chưa xong?")
        assert "không có đơn vị nào còn nhiệm vụ chưa hoàn thành" in last_text(h, "leader")
    finally:
        await h.stop()


def test_a_period_with_only_standing_duties_says_them_rather_than_nothing() -> None:
    from storage.reports import ReportFilter

    june = ReportFilter(date_from=dt.date(2026, 6, 1), date_to=dt.date(2026, 6, 30), period="tháng 6/2026")
    said = texts.summary_text([], dt.date(2026, 6, 5), june, standing=[("Sở Y tế", "2"), ("Sở Y tế", "4"),
                                                                       ("Công an tỉnh", "1")], files=False)
    assert "Không có nhiệm vụ nào" not in said
    assert said.endswith("\n\nNhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số liệu "
                         "tháng 6/2026 (3): Sở Y tế — mục 2, 4; Công an tỉnh — mục 1.")
    many = texts.standing_line([(f"Xã {i}", "1") for i in range(10)], june)
    assert many.endswith("Xã 7 — mục 1; và 2 đơn vị khác.")


async def test_a_period_with_only_standing_duties_still_gives_the_file_to_forward(db_url: str) -> None:
    """A month in which a notice's only work is a standing duty ("thường xuyên") has no figures, but the leader asking
    for that month's report gets the Excel file listing the duty (no chart: nothing to draw), as the text names it."""
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 6, 5, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    try:
        assert h.db is not None
        at = local(2026, 4, 10, 9, 0)
        admin = h.db.call(person_by_handle, "admin")
        notice = ParsedNotice(kind="thông báo", number="77/TB-UBND", date=dt.date(2026, 4, 10), tasks=(
            ParsedTask(ref="1", text="Nắm tình hình dư luận xã hội", lead=(BDV,), due_text="thường xuyên"),))
        draft = h.db.call(create_draft, notice, source_text="notice 77", source_name="", by=admin, now=at)
        h.db.call(confirm_notice, draft.notice_id, by=admin, now=at)
        sent = await ask(h, "leader", "/tonghop tháng 5")
        assert [s.document for s in sent] == [None, "tong-hop-nhiem-vu-2026-06-05.xlsx"], sent  # text, then the file
        text = sent[0].text or ""
        assert "Nhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số liệu tháng 5/2026 (1): " \
               f"{BDV} — mục 1." in text and "trang “Thường xuyên” của tệp Excel" in text, text
        book = workbook_of(h, "leader", sent[1])
        rows = [r for r in book["Thường xuyên"].iter_rows(min_row=5, values_only=True) if r[0] is not None]
        assert [(r[2], r[3], r[7]) for r in rows] == [("1", "Nắm tình hình dư luận xã hội", "Thường xuyên")]
    finally:
        await h.stop()
