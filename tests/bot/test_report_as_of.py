"""A past month's report in chat (through the real python-telegram-bot and the Bot API sandbox), from the command
line and in the Excel: each task as it stood at the month's end, and the heading says "tính đến hết ngày …";
the current month as the tasks stand today, as before."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot import texts
from bot.cli import main
from bot.report_files import summary_workbook
from bot.sandbox.harness import Harness
from scheduler.clock import FakeClock
from storage.db import Database
from storage.models import TaskStatus
from storage.reports import ReportFilter, UnitSummary
from tests.bot.test_report_chat import ask, workbook_of
from tests.bot.test_report_files import row
from tests.conftest import DIRECTORY_CSV, local
from tests.storage.test_reports_as_of import BDV, seed_october

TITLE_OCTOBER = "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu tính đến hết ngày 31/10/2026)"


def _detail(rows: list[tuple[object, ...]]) -> dict[str, tuple[object, ...]]:
    """Detail rows by "notice item" ("88/TB-UBND 1")."""
    return {f"{str(r[1]).split(chr(10))[0]} {r[2]}": r for r in rows if r[0] is not None}


@pytest.fixture
async def december(db_url: str):  # type: ignore[no-untyped-def]
    h = Harness(db_url=db_url, clock=FakeClock(local(2026, 12, 7, 9, 0)))
    await h.start(directory_csv=DIRECTORY_CSV.read_bytes(), enroll_all=True)
    assert h.db is not None
    seed_october(h.db)
    yield h
    await h.stop()


async def test_a_leader_asking_in_december_for_octobers_report_gets_october_as_it_stood(december: Harness) -> None:
    h = december
    text, chart, excel = await ask(h, "leader", "/tonghop tháng 10")
    said = text.text or ""
    # finished later (1), withdrawn later (5) and a round reported later (7): overdue; 4, whose extension asked by its
    # deadline waited for the decision at the month's end (granted on 03/11): in progress, said apart
    assert f"• {BDV}: 8 nhiệm vụ" in said, said
    assert "Hoàn thành đúng hạn: 1; hoàn thành quá hạn: 1" in said
    # (of the two within the deadline then, one had never been reported on: not work known to be going on)
    assert ("Đang thực hiện trong hạn: 2; chưa cập nhật (còn trong hạn): 1; quá hạn chưa hoàn thành: 3/8 nhiệm vụ có "
            "thời hạn (38%) — mục 1 (đạt 60%), 5 (đạt 50%), 7" in said), said
    assert ("Trong đó đang chờ ý kiến gia hạn: 1 — mục 4 (đề nghị ngày 19/10 khi còn hạn, đến 30/11/2026 — chưa tính "
            "quá hạn)" in said), said
    assert "Báo cáo định kỳ, các kỳ trong khoảng này: 2 — đúng hạn 1, quá hạn 0, không báo cáo 1 (mục 7: 1 kỳ)" in said
    # the heading says when the figures stand, courteously and in full (NFC)
    lines = said.splitlines()
    assert lines[0] == TITLE_OCTOBER
    assert lines[2] == texts.as_of_note(dt.date(2026, 10, 31), dt.date(2026, 12, 7))
    assert texts.registered_later_note(1, dt.date(2026, 10, 31)) in said
    assert unicodedata.is_normalized("NFC", said)
    assert chart.document == "tong-hop-nhiem-vu-2026-12-07.png"
    book = workbook_of(h, "leader", excel)
    assert str(book["Tổng hợp"]["A3"].value).startswith("Số liệu tính đến hết ngày 31/10/2026")
    detail = _detail(list(book["Chi tiết"].iter_rows(min_row=5, values_only=True)))
    assert list(detail) == ["88/TB-UBND 1", "88/TB-UBND 2", "88/TB-UBND 3", "88/TB-UBND 4", "88/TB-UBND 5",
                            "88/TB-UBND 7", "88/TB-UBND 8", "90/TB-UBND 1"]
    first = detail["88/TB-UBND 1"]  # STT, văn bản, mục, nội dung, chủ trì, người, phối hợp, hạn, tình trạng, …
    assert (first[8], first[9], first[10]) == ("Đang thực hiện (60%)", None, "Quá hạn chưa hoàn thành")
    assert first[11] == "đang hoàn thiện dự thảo (15/10/2026)"
    second = detail["88/TB-UBND 2"]
    assert (second[8], second[9], second[10]) == ("Hoàn thành", dt.datetime(2026, 10, 23), "Hoàn thành quá hạn")
    third = detail["88/TB-UBND 3"]
    assert (third[7], third[10]) == (dt.datetime(2026, 11, 20),
                                     "Đang thực hiện trong hạn (đã gia hạn, hạn ban đầu 09/10/2026)")
    fourth = detail["88/TB-UBND 4"]
    assert (fourth[7], fourth[8], fourth[10]) == (dt.datetime(2026, 10, 20), "Đề nghị gia hạn",
                                                  "Đang thực hiện trong hạn")  # (the request waited: see above)
    late = detail["90/TB-UBND 1"]
    assert (late[8], late[11]) == ("Chưa cập nhật", texts.registered_later_cell(dt.date(2026, 11, 3)))


async def test_this_month_and_a_question_in_words(december: Harness) -> None:
    h = december
    # this month: today's figures, as before (4, extended on 03/11 to 30/11 and open, overdue against 30/11)
    text, _, excel = await ask(h, "leader", "/tonghop tháng này")
    said = text.text or ""
    assert said.splitlines()[0] == "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu đến ngày 07/12/2026)", said
    assert "tính đến hết ngày" not in said and "Lưu ý" not in said
    book = workbook_of(h, "leader", excel)
    assert book["Tổng hợp"]["A3"].value == "Số liệu đến ngày 07/12/2026"
    detail = _detail(list(book["Chi tiết"].iter_rows(min_row=5, values_only=True)))
    fourth = detail["88/TB-UBND 4"]
    assert (fourth[7], fourth[8], fourth[10]) == (dt.datetime(2026, 11, 30), "Đã gia hạn",
                                                  "Quá hạn chưa hoàn thành (đã gia hạn, hạn ban đầu 20/10/2026)")
    # a question in words about October: the text alone, as it stood
    sent = await ask(h, "leader", "tình hình tháng 10 thế nào?")
    said = sent[0].text or ""
    assert len(sent) == 1 and said.splitlines()[0] == TITLE_OCTOBER, said
    assert "quá hạn chưa hoàn thành: 3/8 nhiệm vụ có thời hạn (38%) — mục 1 (đạt 60%), 5 (đạt 50%), 7" in said


def test_octobers_report_from_the_command_line(migrated_db: Database, db_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    seed_october(migrated_db)
    xlsx = tmp_path / "thang10.xlsx"
    assert main(["report", "--xlsx", str(xlsx), "--db", db_url, "--today", "07/12/2026", "--from", "1/10/2026",
                 "--to", "31/10/2026"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == TITLE_OCTOBER, out
    assert "quá hạn chưa hoàn thành: 3/8 nhiệm vụ có thời hạn (38%) — mục 1 (đạt 60%), 5 (đạt 50%), 7" in out
    book = load_workbook(io.BytesIO(xlsx.read_bytes()))
    assert str(book["Chi tiết"]["A3"].value).startswith("Số liệu tính đến hết ngày 31/10/2026")
    detail = _detail(list(book["Chi tiết"].iter_rows(min_row=5, values_only=True)))
    assert detail["88/TB-UBND 1"][10] == "Quá hạn chưa hoàn thành" and "88/TB-UBND 6" not in detail
    # December, the month of --today: as the tasks stand
    assert main(["report", "--xlsx", str(xlsx), "--db", db_url, "--today", "07/12/2026", "--from", "1/12/2026",
                 "--to", "31/12/2026"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu đến ngày 07/12/2026)", out


def test_the_workbook_of_a_past_period_says_when_its_figures_stand() -> None:
    units = [UnitSummary(unit=BDV, in_progress=1, registered_later=1)]
    tasks = [row(status=TaskStatus.OPEN, percent=None, done_on=None, category="in_progress",
                 registered_on=dt.date(2026, 11, 3))]
    filt = ReportFilter(date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31), period="tháng 10/2026")
    book = load_workbook(io.BytesIO(summary_workbook(units, tasks, dt.date(2026, 12, 7), filt, None,
                                                     dt.date(2026, 10, 31))))
    for sheet in ("Tổng hợp", "Chi tiết"):
        assert book[sheet]["A3"].value == ("Số liệu tính đến hết ngày 31/10/2026 (tình trạng từng nhiệm vụ tại thời "
                                           "điểm đó; biểu lập ngày 07/12/2026)")
    assert book["Chi tiết"]["L5"].value == ("Nhập vào Nhắc việc ngày 03/11/2026, sau kỳ báo cáo: chưa có số liệu "
                                            "cập nhật trong kỳ.")
    said = texts.summary_text(units, dt.date(2026, 12, 7), filt, as_of=dt.date(2026, 10, 31))
    assert said.splitlines()[0] == TITLE_OCTOBER
    assert said.endswith(texts.registered_later_note(1, dt.date(2026, 10, 31)))
