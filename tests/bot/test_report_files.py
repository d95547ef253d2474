"""The Excel report opened back with openpyxl and read cell by cell; the report texts."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot import texts
from bot.report_files import DETAIL_SHEET, SUMMARY_SHEET, summary_workbook
from scheduler.dispatcher import DigestLine, DigestView
from storage.models import TaskStatus
from storage.notices import Draft, UnitGuess
from storage.parsed import ParsedTask
from storage.reports import (
    DigestItem,
    DigestRequest,
    ReportFilter,
    TaskRow,
    UnitSummary,
    UnreportedDuty,
    WeeklyDigest,
)
from tests.conftest import local

TODAY = dt.date(2026, 4, 2)
BDV, TNMT = "Ban Dân vận Tỉnh ủy", "Sở Tài nguyên và Môi trường"


def row(**kw: object) -> TaskRow:
    base: dict[str, object] = dict(
        unit=BDV, support="", notice="Thông báo số 45/TB-UBND ngày 05/03/2026", notice_number="45/TB-UBND",
        notice_date=dt.date(2026, 3, 5), item_ref="1", text="Báo cáo kết quả", assignee="Lê Văn Dân",
        due_on=dt.date(2026, 3, 20), due_text="trước ngày 20/3", status=TaskStatus.DONE, percent=100,
        done_on=dt.date(2026, 3, 18), category="done_on_time", latest_note=None, latest_note_on=None,
        updated_at=local(2026, 3, 18, 10, 0))
    base.update(kw)
    return TaskRow(**base)  # type: ignore[arg-type]


UNITS = [
    UnitSummary(unit=BDV, done_on_time=1, done_late=0, in_progress=0, overdue=0, no_deadline=1, no_deadline_done=0),
    UnitSummary(unit=TNMT, in_progress=1, overdue=1, overdue_refs=["4"], extension_pending=1,
                extension_pending_refs=["3"]),
]
TASKS = [
    row(latest_note="đã gửi báo cáo", latest_note_on=dt.date(2026, 3, 18)),
    row(item_ref="2", text="Nắm tình hình cơ sở", due_on=None, due_text=None, status=TaskStatus.OPEN, percent=None,
        done_on=None, category="no_deadline", support="Sở Tài chính", assignee=""),
    row(unit=TNMT, item_ref="3", text="Rà soát quy hoạch sử dụng đất " * 6, support="Sở Tài chính; Sở Xây dựng",
        due_on=dt.date(2026, 4, 30), status=TaskStatus.EXTENSION_REQUESTED, percent=60, done_on=None,
        category="in_progress", latest_note="xin gia hạn vì chờ ý kiến Sở Tài chính",
        latest_note_on=dt.date(2026, 3, 31), first_due_on=dt.date(2026, 4, 15)),
    row(unit=TNMT, item_ref="1", notice="Thông báo (cuộc làm việc ngày 10/01/2026)", notice_number=None,
        notice_date=None, text="Cắm mốc hành lang", due_on=dt.date(2026, 3, 27), status=TaskStatus.IN_PROGRESS,
        percent=30, done_on=None, category="overdue", due_text=None,
        effective_due_on=dt.date(2026, 3, 30)),  # (a Saturday deadline, as a test of the note)
]


def sheets(**kw: object) -> tuple[Worksheet, Worksheet]:
    data = summary_workbook(UNITS, TASKS, TODAY, **kw)  # type: ignore[arg-type]
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [SUMMARY_SHEET, DETAIL_SHEET]
    return wb[SUMMARY_SHEET], wb[DETAIL_SHEET]


def values(ws: Worksheet, row_number: int) -> list[object]:
    return [c.value for c in ws[row_number]]


def test_summary_sheet_cell_by_cell() -> None:
    ws, _ = sheets()
    assert ws["A1"].value == "BIỂU TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"
    assert ws["A2"].value == "Phạm vi: toàn bộ nhiệm vụ đã giao"
    assert ws["A3"].value == "Số liệu đến ngày 02/04/2026"
    assert values(ws, 4) == ["STT", "Đơn vị chủ trì", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                             "Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành", "Không có thời hạn",
                             "Trong đó: chưa cập nhật (còn trong hạn)", "Trong đó: đang chờ ý kiến gia hạn",
                             "Tỷ lệ quá hạn (trên số có thời hạn)"]
    assert values(ws, 5) == [1, BDV, 2, 1, 0, 0, 0, 1, 0, 0, 0]
    assert values(ws, 6) == [2, TNMT, 2, 0, 0, 1, 1, 0, 0, 1, 0.5]
    assert values(ws, 7)[:-1] == [None, "Tổng cộng", 4, 1, 0, 1, 1, 1, 0, 1]
    assert values(ws, 7)[-1] == pytest.approx(1 / 3)  # of the 3 tasks with a deadline, not of all 4
    assert ws.max_row == 7
    assert ws["K6"].number_format == "0%"
    assert ws["B7"].font.bold and ws["A4"].font.bold
    assert "A1:K1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:K6", "the total row stays out of the filter"
    assert ws.column_dimensions["B"].width == 40
    assert ws.print_title_rows == "$4:$4" and ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.fitToWidth) == 1 and ws.sheet_properties.pageSetUpPr.fitToPage is True


def test_detail_sheet_cell_by_cell() -> None:
    _, ws = sheets()
    assert values(ws, 4) == ["STT", "Số/ngày văn bản", "Mục", "Nội dung", "Chủ trì", "Người thực hiện", "Phối hợp",
                             "Thời hạn", "Tình trạng", "Ngày hoàn thành", "Đúng/quá hạn", "Ghi chú mới nhất"]
    assert values(ws, 5) == [1, "45/TB-UBND\nngày 05/03/2026", "1", "Báo cáo kết quả", BDV, "Lê Văn Dân", None,
                             dt.datetime(2026, 3, 20), "Hoàn thành", dt.datetime(2026, 3, 18), "Hoàn thành đúng hạn",
                             "đã gửi báo cáo (18/03/2026)"]
    assert values(ws, 6) == [2, "45/TB-UBND\nngày 05/03/2026", "2", "Nắm tình hình cơ sở", BDV, "Chưa có người nhận",
                             "Sở Tài chính", "Không có thời hạn", "Chưa cập nhật", None, "Không có thời hạn", None]
    assert values(ws, 7)[4:] == [TNMT, "Lê Văn Dân", "Sở Tài chính; Sở Xây dựng", dt.datetime(2026, 4, 30),
                                 "Đề nghị gia hạn (60%)", None,
                                 "Đang thực hiện trong hạn (đã gia hạn, hạn ban đầu 15/04/2026)",
                                 "xin gia hạn vì chờ ý kiến Sở Tài chính (31/03/2026)"]
    assert values(ws, 8)[:2] == [4, "Thông báo (cuộc làm việc ngày 10/01/2026)"]
    assert values(ws, 8)[8] == "Đang thực hiện (30%)"
    assert values(ws, 8)[10] == "Quá hạn chưa hoàn thành (hạn rơi vào ngày nghỉ, tính đến 30/03/2026)"
    assert ws.max_row == 8
    assert ws["H5"].number_format == "DD/MM/YYYY" and ws["J5"].number_format == "DD/MM/YYYY"
    assert ws["K5"].fill.fgColor.rgb.endswith("C6EFCE") and ws["K8"].fill.fgColor.rgb.endswith("FFC7CE")
    assert ws["D7"].alignment.wrap_text and ws["L7"].alignment.wrap_text and ws["D7"].alignment.vertical == "top"
    assert not ws["A7"].alignment.wrap_text


def test_detail_sheet_layout_and_print_setup() -> None:
    _, ws = sheets()
    assert ws.freeze_panes == "A5"
    assert ws.auto_filter.ref == "A4:L8"
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    widths = {col: ws.column_dimensions[col].width for col in "ABCDEFGHIJKL"}
    assert widths == {"A": 6, "B": 20, "C": 8, "D": 60, "E": 24, "F": 20, "G": 24, "H": 12, "I": 17, "J": 12,
                      "K": 20, "L": 40}


def test_the_scope_of_a_filtered_report_is_written_under_the_title() -> None:
    filt = ReportFilter(notice="45/TB-UBND", date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 31),
                        period="tháng 3/2026")
    summary, detail = sheets(filt=filt)
    expected = ("Phạm vi: văn bản số 45/TB-UBND; tháng 3/2026 (nhiệm vụ được giao, đến hạn, quá hạn chưa hoàn thành "
                "hoặc hoàn thành trong khoảng này)")
    assert summary["A2"].value == expected and detail["A2"].value == expected
    summary, _ = sheets(filt=ReportFilter(unit_id=3), unit_name=BDV)
    assert summary["A2"].value == f"Phạm vi: đơn vị {BDV}"


def test_an_empty_report_is_still_a_valid_workbook() -> None:
    wb = load_workbook(io.BytesIO(summary_workbook([], [], TODAY)))
    assert wb[SUMMARY_SHEET].max_row == 5 and wb[SUMMARY_SHEET]["B5"].value == "Tổng cộng"
    assert wb[DETAIL_SHEET].max_row == 4


def test_a_periods_open_standing_duties_are_a_sheet_of_their_own_the_summary_points_to() -> None:
    """The text report names the standing duties ("thường xuyên") a period's figures leave out; the file the leader
    forwards lists them — content, unit, holder, where each stands, the unit's words — on a sheet of its own."""
    may = ReportFilter(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 31), period="tháng 5/2026")
    standing = [
        row(item_ref="5", text="Theo dõi, nắm tình hình dư luận xã hội", due_on=None, due_text="thường xuyên",
            status=TaskStatus.IN_PROGRESS, percent=40, done_on=None, category="no_deadline",
            latest_note="đã tổ chức 2 đợt", latest_note_on=dt.date(2026, 5, 12)),
        row(unit=TNMT, item_ref="2.b", text="Kiểm tra việc chấp hành", due_on=None, due_text=None,
            status=TaskStatus.OPEN, percent=None, done_on=None, category="no_deadline", assignee=""),
    ]
    wb = load_workbook(io.BytesIO(summary_workbook(UNITS, TASKS, dt.date(2026, 6, 5), may, standing=standing,
                                                   as_of=dt.date(2026, 5, 31))))
    assert wb.sheetnames == [SUMMARY_SHEET, DETAIL_SHEET, texts.STANDING_SHEET]
    summary, sheet = wb[SUMMARY_SHEET], wb[texts.STANDING_SHEET]
    assert summary.cell(row=summary.max_row, column=1).value == (
        "Ngoài số liệu trên: 2 nhiệm vụ thường xuyên (không có thời hạn) đang thực hiện, không tính vào số liệu "
        "tháng 5/2026 — danh sách ở trang “Thường xuyên”.")
    assert summary.print_area is not None and str(summary.max_row) in str(summary.print_area), "printed with it"
    assert sheet["A1"].value == "NHIỆM VỤ THƯỜNG XUYÊN (KHÔNG CÓ THỜI HẠN) ĐANG THỰC HIỆN"
    assert sheet["A3"].value.startswith("Số liệu tính đến hết ngày 31/05/2026")
    assert sheet["A3"].value.endswith("2 nhiệm vụ không có thời hạn, đang thực hiện; không tính vào số liệu tháng "
                                      "5/2026 ở trang “Tổng hợp”.")
    assert values(sheet, 4) == ["STT", "Số/ngày văn bản", "Mục", "Nội dung", "Chủ trì", "Người thực hiện",
                                "Phối hợp", "Thời hạn", "Tình trạng", "Ghi chú mới nhất"]
    assert values(sheet, 5) == [1, "45/TB-UBND\nngày 05/03/2026", "5", "Theo dõi, nắm tình hình dư luận xã hội", BDV,
                                "Lê Văn Dân", None, "Thường xuyên", "Đang thực hiện (40%)",
                                "đã tổ chức 2 đợt (12/05/2026)"]
    assert values(sheet, 6)[5:9] == ["Chưa có người nhận", None, "Không có thời hạn", "Chưa cập nhật"]
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows == "$4:$4"
    # none: the file as before, no empty sheet and no note
    plain = load_workbook(io.BytesIO(summary_workbook(UNITS, TASKS, TODAY, may)))
    assert plain.sheetnames == [SUMMARY_SHEET, DETAIL_SHEET]
    assert plain[SUMMARY_SHEET].cell(row=plain[SUMMARY_SHEET].max_row, column=2).value == "Tổng cộng"


def test_the_text_report_points_at_the_standing_sheet_only_when_the_file_comes_with_it() -> None:
    may = ReportFilter(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 31), period="tháng 5/2026")
    with_file = texts.summary_text(UNITS, TODAY, may, standing=[(BDV, "5")])
    assert with_file.endswith("(1): Ban Dân vận Tỉnh ủy — mục 5. Nội dung, tình trạng từng nhiệm vụ: trang "
                              "“Thường xuyên” của tệp Excel.")
    assert texts.summary_text(UNITS, TODAY, may, standing=[(BDV, "5")], files=False).endswith("— mục 5.")


# ---------------------------------------------------------------- texts

def test_summary_text() -> None:
    text = texts.summary_text(UNITS, TODAY)
    assert text.splitlines() == [
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (số liệu đến ngày 02/04/2026)",
        "",
        f"• {BDV}: 2 nhiệm vụ",
        "  Hoàn thành đúng hạn: 1; hoàn thành quá hạn: 0",
        "  Đang thực hiện trong hạn: 0; quá hạn chưa hoàn thành: 0",
        "  Không có thời hạn: 1",
        f"• {TNMT}: 2 nhiệm vụ",
        "  Hoàn thành đúng hạn: 0; hoàn thành quá hạn: 0",
        "  Đang thực hiện trong hạn: 1; quá hạn chưa hoàn thành: 1/2 nhiệm vụ có thời hạn — mục 4",
        "  Trong đó đang chờ ý kiến gia hạn: 1 — mục 3",  # what waits for a leader's word
        "",
        "Tổng cộng: 4 nhiệm vụ — hoàn thành đúng hạn 1, hoàn thành quá hạn 0, đang thực hiện trong hạn 1, "
        "quá hạn chưa hoàn thành 1/3 nhiệm vụ có thời hạn, không có thời hạn 1; đang chờ ý kiến gia hạn 1.",
    ]


def test_the_overdue_share_is_of_the_tasks_with_a_deadline() -> None:
    """41 tasks, 35 without a deadline, 1 of the 6 dated overdue: 17%, not 2% (probe 12, finding 9)."""
    unit = UnitSummary(unit=TNMT, done_on_time=2, in_progress=3, overdue=1, no_deadline=35)
    text = texts.summary_text([unit], TODAY)
    assert "quá hạn chưa hoàn thành: 1/6 nhiệm vụ có thời hạn (17%)" in text and "(2%)" not in text
    wb = load_workbook(io.BytesIO(summary_workbook([unit], [], TODAY)))
    assert wb[SUMMARY_SHEET]["K5"].value == pytest.approx(1 / 6)
    assert wb[SUMMARY_SHEET]["K6"].value == pytest.approx(1 / 6)  # the total row alike


def test_no_share_for_a_unit_without_any_deadline() -> None:
    unit = UnitSummary(unit=BDV, no_deadline=3)
    assert "quá hạn chưa hoàn thành: 0\n" in texts.summary_text([unit], TODAY)
    wb = load_workbook(io.BytesIO(summary_workbook([unit], [], TODAY)))
    assert wb[SUMMARY_SHEET]["K5"].value is None  # blank, not a 0% that says nothing


def test_a_done_task_without_deadline_is_never_called_on_time() -> None:
    unit = UnitSummary(unit=BDV, no_deadline=2, no_deadline_done=1)
    text = texts.summary_text([unit], TODAY)
    assert "Hoàn thành đúng hạn: 0" in text and "Không có thời hạn: 2 (đã hoàn thành 1, đang thực hiện 1)" in text
    assert "Tổng cộng" not in text, "one unit needs no total line"


def test_summary_text_of_a_filter_that_matches_nothing() -> None:
    text = texts.summary_text([], TODAY, ReportFilter(unit="Sở Giáo dục"))
    assert text.startswith("Không có nhiệm vụ nào thuộc phạm vi: đơn vị “Sở Giáo dục”.")
    assert "/tonghop tháng 3" in text
    assert texts.summary_text([], TODAY) == "Chưa có nhiệm vụ nào được giao."


DIGEST = WeeklyDigest(
    since=dt.date(2026, 3, 27), until=TODAY,
    done=[DigestItem(item_ref="5", notice="Thông báo số 45/TB-UBND ngày 05/03/2026", text="Theo dõi dư luận",
                     unit=BDV, assignee="Lê Văn Dân", due_on=None, done_on=dt.date(2026, 3, 30)),
          DigestItem(item_ref="7", notice="Thông báo số 45/TB-UBND ngày 05/03/2026", text="Báo cáo quý",
                     unit=BDV, assignee="", due_on=dt.date(2026, 3, 26), done_on=dt.date(2026, 3, 31),
                     on_time=False)],
    newly_overdue=[DigestItem(item_ref="4", notice="Thông báo số 45/TB-UBND ngày 05/03/2026", text="Kiểm tra bãi rác",
                              unit=TNMT, assignee="Trần Văn Môi", due_on=dt.date(2026, 3, 27))],
    still_overdue=[DigestItem(item_ref="1", notice="Thông báo số 12/TB-VPTU ngày 10/01/2026", text="Cắm mốc hành lang",
                              unit=TNMT, assignee="Trần Văn Môi", due_on=dt.date(2026, 2, 28),
                              effective_due=dt.date(2026, 3, 2))],
    pending=[DigestRequest(item_ref="3", notice="Thông báo số 45/TB-UBND ngày 05/03/2026", requester="Trần Văn Môi",
                           current_due=dt.date(2026, 4, 30), requested_due=dt.date(2026, 5, 31))])


def test_weekly_digest_text() -> None:
    assert texts.weekly_digest_text(DIGEST, "Huỳnh Thanh Cảnh").splitlines() == [
        "Kính gửi đồng chí Huỳnh Thanh Cảnh,",
        "Nhắc việc báo cáo tình hình thực hiện nhiệm vụ trong tuần, từ 27/03/2026 đến 02/04/2026.",
        "",
        "(Các nhiệm vụ dưới đây thuộc Thông báo số 45/TB-UBND ngày 05/03/2026.)",
        "1. Hoàn thành trong tuần: 2 nhiệm vụ.",
        f"• Mục 5: Theo dõi dư luận — {BDV}, đ/c Lê Văn Dân; "
        "hoàn thành ngày 30/03/2026 (không có thời hạn)",
        f"• Mục 7: Báo cáo quý — {BDV}; "
        "hoàn thành ngày 31/03/2026 (quá hạn, hạn 26/03/2026)",
        "",
        "2. Mới quá hạn trong tuần, chưa hoàn thành: 1 nhiệm vụ.",
        f"• Mục 4: Kiểm tra bãi rác — {TNMT}, đ/c Trần Văn Môi; "
        "hạn 27/03/2026",
        "Ngoài ra còn 1 nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:",
        f"• {TNMT} — mục 1: Cắm mốc hành lang (hạn 02/03/2026, quá hạn 31 ngày)",
        "",
        "3. Đề nghị gia hạn chờ quyết định: 1.",
        "• Mục 3: đ/c Trần Văn Môi đề nghị gia hạn đến 31/05/2026 "
        "(thời hạn hiện tại: 30/04/2026)",
        "",
        "Đồng chí gõ /tonghop để xem tổng hợp theo đơn vị.",
    ]


def test_weekly_digest_text_caps_long_lists_and_says_when_nothing_happened() -> None:
    done = [replace(item, item_ref=f"{n}.{k}") for n in range(10) for k, item in enumerate(DIGEST.done)]
    many = WeeklyDigest(since=DIGEST.since, until=TODAY, done=done, newly_overdue=[], still_overdue=[], pending=[])
    text = texts.weekly_digest_text(many, "A", limit=5)
    assert text.count("• Mục") == 5 and "… và 15 nhiệm vụ khác (xem /tonghop)." in text
    quiet = WeeklyDigest(since=DIGEST.since, until=TODAY, done=[], newly_overdue=[], still_overdue=[], pending=[])
    assert "không có nhiệm vụ nào hoàn thành hoặc mới quá hạn" in texts.weekly_digest_text(quiet, "A")


def test_a_week_with_nothing_new_is_a_short_summary_naming_the_old_overdue_tasks() -> None:
    old = DIGEST.still_overdue[0]
    still = [replace(old, item_ref=f"II.{n}", text=f"Việc số {n}", effective_due=dt.date(2026, 3, n)) for n in (5, 2)]
    quiet = WeeklyDigest(since=DIGEST.since, until=TODAY, done=[], newly_overdue=[], still_overdue=still, pending=[])
    assert texts.weekly_digest_text(quiet, "A").splitlines() == [
        "Kính gửi đồng chí A,",
        "Nhắc việc báo cáo tình hình thực hiện nhiệm vụ trong tuần, từ 27/03/2026 đến 02/04/2026.",
        "",
        "Trong tuần không có nhiệm vụ nào hoàn thành hoặc mới quá hạn, không có đề nghị gia hạn chờ quyết định.",
        "Còn 2 nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:",
        f"• {TNMT} — mục II.5: Việc số 5 (hạn 05/03/2026, quá hạn 28 ngày)",
        f"• {TNMT} — mục II.2: Việc số 2 (hạn 02/03/2026, quá hạn 31 ngày)",
        "",
        "Đồng chí gõ /tonghop quá hạn để xem các đơn vị có nhiệm vụ quá hạn.",
    ]
    many = replace(quiet, still_overdue=[replace(old, item_ref=str(n)) for n in range(8)])
    text = texts.weekly_digest_text(many, "A")
    assert text.count(f"• {TNMT} — mục") == 5 and "… và 3 nhiệm vụ khác (xem /tonghop quá hạn)." in text
    assert "Còn 8 nhiệm vụ quá hạn" in text


@pytest.mark.parametrize("text", [texts.SUMMARY_ONLY_LEADERS, texts.SUMMARY_HEAD_USE_UNIT,
                                  texts.UNIT_REPORT_ONLY_HEADS, texts.UNIT_REPORT_NO_UNIT])
def test_refusals_say_why_and_what_to_do(text: str) -> None:
    assert "dành cho" in text or "chưa được gắn" in text
    assert "/viec" in text or "quản trị viên" in text


@pytest.mark.parametrize(("day", "said"), [(dt.date(2015, 2, 14), True), (dt.date(2015, 2, 13), False)])
def test_a_digest_on_a_make_up_working_saturday_says_so(day: dt.date, said: bool) -> None:
    line = DigestLine(task_id=1, item_ref="1", task_text="Tổng vệ sinh", notice_title="Công văn số 5/UBND",
                      category="due_soon", due_on=dt.date(2015, 2, 16), effective_due_on=dt.date(2015, 2, 24),
                      deadline_note=None, days_left=2, working_days_left=1, days_late=None, weekly=False,
                      status=TaskStatus.OPEN, percent=None, escalation=None, assignee_name="A", lead_unit="Phòng X")
    text = texts.digest_text(DigestView(digest_id=1, day=day, recipient_name="A", lines=(line,)), buttons=False)
    assert ("(ngày làm việc bù)" in text.splitlines()[1]) is said


def test_an_item_late_alike_at_several_units_is_one_entry_for_the_leader() -> None:
    def late(unit: str, person: str, ref: str = "c") -> DigestLine:
        return DigestLine(task_id=len(unit + ref), item_ref=ref, task_text="Báo cáo quý gửi Sở Nội vụ",
                          notice_title="Công văn số 5/UBND", category="overdue", due_on=dt.date(2012, 6, 5),
                          effective_due_on=dt.date(2012, 6, 5), deadline_note=None, days_left=None,
                          working_days_left=None, days_late=5, weekly=False, status=TaskStatus.OPEN, percent=None,
                          escalation="leaders", assignee_name=person, lead_unit=unit)

    view = DigestView(digest_id=1, day=dt.date(2012, 6, 12), recipient_name="Chủ tịch",
                      lines=(late("Sở Nội vụ", "A"), late("Sở Tài chính", "B"), late("Sở Y tế", "C", ref="d")))
    text = texts.digest_text(view, buttons=False)
    assert "QUÁ HẠN CẦN ĐỒNG CHÍ CHỈ ĐẠO (3)" in text
    assert text.count("• Mục c") == 1 and text.count("• Mục d") == 1
    assert "Chủ trì (2 đơn vị): Sở Nội vụ (đ/c A), Sở Tài chính (đ/c B); " in text
    assert "Chủ trì: Sở Y tế, đ/c C; " in text
    # late by the same deadline, progress differing: still one entry, each unit's progress beside it (probe 14)
    moved = replace(late("Sở Tài chính", "B"), percent=40, status=TaskStatus.IN_PROGRESS)
    extended = replace(late("Sở Công Thương", "E"), status=TaskStatus.EXTENDED)
    text = texts.digest_text(replace(view, lines=(late("Sở Nội vụ", "A"), moved, extended)), buttons=False)
    assert text.count("• Mục c") == 1, text
    assert ("Chủ trì (3 đơn vị): Sở Nội vụ (đ/c A, Chưa cập nhật), Sở Tài chính (đ/c B, 40% — Đang thực hiện), "
            "Sở Công Thương (đ/c E, chưa cập nhật từ khi được gia hạn); hạn 05/06/2012, quá hạn 5 ngày làm việc\n"
            ) in text, text


@pytest.mark.parametrize(("text", "shown"), [
    ("Theo đó, các xã tổng vệ sinh môi trường", "Các xã tổng vệ sinh môi trường"),
    ("Đồng thời, báo cáo kết quả về UBND huyện", "Báo cáo kết quả về UBND huyện"),
    ("Theo kế hoạch, các xã tổng vệ sinh", "Theo kế hoạch, các xã tổng vệ sinh"),  # not a bare connective
])
def test_a_task_shown_in_a_list_drops_the_connective_that_opens_it(text: str, shown: str) -> None:
    assert texts.short_title(text) == shown


@pytest.mark.parametrize(("text", "shown"), [
    ("Chủ tịch UBND huyện giao các phòng, ban thuộc UBND huyện; UBND các xã, thị trấn phân công cán bộ trực lễ",
     "Phân công cán bộ trực lễ"),
    ("UBND tỉnh giao Sở Tài chính, Sở Nội vụ rà soát biên chế năm 2026", "Rà soát biên chế năm 2026"),
    ("Đề nghị các xã khẩn trương hoàn thành việc kê khai", "Khẩn trương hoàn thành việc kê khai"),
    ("Giao Sở Xây dựng", "Giao Sở Xây dựng"),  # no work after the names: as written
    ("Sở Tài chính rà soát các khoản chi", "Sở Tài chính rà soát các khoản chi"),  # nobody asks: as written
])
def test_a_task_shown_in_a_list_is_the_work_not_who_asks_whom(text: str, shown: str) -> None:
    assert texts.short_title(text) == shown


def test_an_item_given_to_several_units_is_one_line_of_the_weekly_summary() -> None:
    late = DigestItem(item_ref="2", notice="Công văn số 5/UBND", text="Theo đó, các đơn vị trực lễ",
                      unit="Công an huyện", assignee="A", due_on=dt.date(2023, 9, 2))
    others = [replace(late, unit="Phòng Y tế", assignee="B"), replace(late, unit="UBND xã Hòa Sơn", assignee="")]
    digest = WeeklyDigest(since=dt.date(2023, 9, 2), until=dt.date(2023, 9, 8), done=[],
                          newly_overdue=[late, *others], still_overdue=[], pending=[])
    text = texts.weekly_digest_text(digest, "C")
    assert "2. Mới quá hạn trong tuần, chưa hoàn thành: 3 nhiệm vụ (1 mục)." in text  # 3 beside one line
    assert ("• Mục 2: Các đơn vị trực lễ — hạn 02/09/2023; 3 đơn vị: Công an huyện (đ/c A); "
            "Phòng Y tế (đ/c B); UBND xã Hòa Sơn") in text


def test_many_units_on_one_item_are_named_not_spelled_out_in_the_weekly_summary() -> None:
    """Seven villages' weekly report every Friday: their names, on time or late — not seven people and dates."""
    report = DigestItem(item_ref="II.11", notice="Thông báo số 215/TB-UBND", text="Trưởng các thôn báo cáo tuần",
                        unit="Thôn 1", assignee="Một", due_on=dt.date(2026, 12, 25), done_on=dt.date(2026, 12, 25),
                        on_time=True)
    villages = [replace(report, unit=f"Thôn {n}", assignee=f"N{n}") for n in range(1, 6)]
    late = [replace(report, unit="Thôn 6", on_time=False, done_on=dt.date(2026, 12, 28))]
    digest = WeeklyDigest(since=dt.date(2026, 12, 21), until=dt.date(2026, 12, 25), done=villages,
                          newly_overdue=[replace(r, unit=f"Thôn {n}", done_on=None, on_time=None)
                                         for n, r in zip(range(6, 10), villages, strict=False)],
                          still_overdue=[], pending=[])
    text = texts.weekly_digest_text(digest, "C")
    assert ("• Mục II.11: Báo cáo tuần — 5 đơn vị, đều đúng hạn: Thôn 1, "
            "Thôn 2, Thôn 3, Thôn 4, Thôn 5\n") in text, text
    assert "• Mục II.11: Báo cáo tuần — hạn 25/12/2026; 4 đơn vị: Thôn 6, " \
        "Thôn 7, Thôn 8, Thôn 9\n" in text, text
    assert "đ/c" not in text
    mixed = texts.weekly_digest_text(replace(digest, done=villages[:3] + late), "C")
    assert ("— 4 đơn vị — đúng hạn: Thôn 1, Thôn 2, Thôn 3; quá hạn (hạn 25/12/2026): Thôn 6\n") in mixed, mixed


def test_the_preview_says_what_each_supporting_unit_comes_to() -> None:
    task = ParsedTask(ref="1", text="Kiểm tra", lead=("Sở Y tế",),
                      support=("phong VHTT", "Sở Xây dựng", "Sở Nội vụ", "các sở, ban, ngành"))
    guesses = {"Sở Y tế": UnitGuess(written="Sở Y tế", unit_name="Sở Y tế", score=100, head_name="A"),
               "phong VHTT": UnitGuess(written="phong VHTT", unit_name="Phòng Văn hóa - Thông tin", score=88,
                                       head_name="B"),
               "Sở Xây dựng": UnitGuess(written="Sở Xây dựng", unit_name=None, score=0, head_name=None),
               "Sở Nội vụ": UnitGuess(written="Sở Nội vụ", unit_name="Sở Nội vụ", score=100, head_name="C"),
               "các sở, ban, ngành": UnitGuess(written="các sở, ban, ngành", unit_name=None, score=100,
                                               head_name=None, group=True)}
    draft = Draft(notice_id=1, duplicate_of=None, guesses=guesses, numbers=(1,))
    [line] = [ln for ln in texts._task_block(1, task, draft, None) if "Phối hợp" in ln]
    assert line == ("   • Phối hợp: phong VHTT (trong danh bạ: Phòng Văn hóa - Thông tin); Sở Xây dựng (chưa có trong "
                    "danh bạ); Sở Nội vụ; các sở, ban, ngành (nhóm đơn vị, không báo riêng từng đơn vị)")


def test_the_weekly_summary_says_deadlines_and_lateness_as_the_units_digests_do() -> None:
    """A deadline on a holiday is given as it runs (30/04 → 04/05, as the escalations and digests say it), and how
    late in working days when the calendar is known."""
    from scheduler.calendar import WorkingCalendar

    late = replace(DIGEST.still_overdue[0], item_ref="II.1.a", due_on=dt.date(2026, 4, 30),
                   effective_due=dt.date(2026, 5, 4))
    week = WeeklyDigest(since=dt.date(2026, 5, 9), until=dt.date(2026, 5, 15), done=[],
                        newly_overdue=[replace(late, item_ref="II.2")], still_overdue=[late],
                        pending=[DIGEST.pending[0]])
    text = texts.weekly_digest_text(week, "A", calendar=WorkingCalendar())
    assert "đ/c Trần Văn Môi; hạn 04/05/2026\n" in text, text
    assert "(hạn 04/05/2026, quá hạn 9 ngày làm việc)" in text, text


def test_an_extension_request_says_where_a_deadline_on_a_day_off_runs_to() -> None:
    """The approver reads the deadline as the requester's digests say it, not an earlier bare date."""
    from scheduler.calendar import WorkingCalendar
    from storage.tasks import ExtensionRequest

    req = ExtensionRequest(report_id=1, task_id=1, item_ref="II.2.a", notice_title="Thông báo số 125/TB-UBND",
                           requester_name="Phạm Văn Xây", requester_id=2, current_due=dt.date(2026, 4, 30),
                           requested_due=dt.date(2026, 5, 15), note=None)
    text = texts.extension_request_text(req, calendar=WorkingCalendar())
    assert "Thời hạn hiện tại: 30/04/2026 (hạn 30/04/2026 rơi vào" in text and "tính đến hết 04/05/2026)" in text
    assert "Thời hạn hiện tại: 30/04/2026;" in texts.extension_request_text(req)  # no calendar: the date as set


def test_viec_says_where_a_deadline_on_a_day_off_runs_to_and_is_not_late_before() -> None:
    from scheduler.calendar import WorkingCalendar
    from storage.models import TaskStatus

    rows = [("II.2.a", "Tổ chức thẩm định hồ sơ", dt.date(2026, 4, 30), TaskStatus.IN_PROGRESS, 40)]
    on_may_day = texts.my_tasks("A", rows, dt.date(2026, 5, 1), calendar=WorkingCalendar())
    assert "Thời hạn: 30/04/2026, tính đến hết 04/05/2026; tình trạng" in on_may_day, on_may_day
    assert "(quá hạn)" not in on_may_day, "not late before the deadline has run"
    after = texts.my_tasks("A", rows, dt.date(2026, 5, 5), calendar=WorkingCalendar())
    assert "tính đến hết 04/05/2026 (quá hạn)" in after, after


def test_a_withdrawal_told_to_a_holder_speaks_of_one_task_or_several() -> None:
    one = texts.withdrawn_told("A", "Thông báo số 125/TB-UBND", ["II.3"], "nhầm đơn vị")
    assert "thôi nhắc nhiệm vụ này." in one and "các nhiệm vụ" not in one
    assert "thôi nhắc các nhiệm vụ này." in texts.withdrawn_told("A", "Thông báo số 125", ["1", "2"], "nhầm")


# ---------------------------------------------------------------- rounds never reported (probe 10, P4 and P5)

VP = "Văn phòng HĐND và UBND huyện"


def test_missed_rounds_are_named_by_item_and_a_periods_rounds_are_said_as_such() -> None:
    office = UnitSummary(unit=VP, in_progress=2, no_deadline=3, rounds_missed=10,
                         missed_refs={"II.2.a": 5, "II.2.b": 5})
    rounds = "  Báo cáo định kỳ, {}: 10 — đúng hạn 0, quá hạn 0, không báo cáo 10 (mục II.2.a: 5 kỳ, mục II.2.b: 5 kỳ)"
    assert rounds.format("các kỳ đã qua") in texts.summary_text([office], TODAY).splitlines()
    late = texts.summary_text([office], TODAY, late_only=True, files=False).splitlines()
    assert late[1] == "Các đơn vị có nhiệm vụ quá hạn chưa hoàn thành hoặc kỳ báo cáo định kỳ không báo cáo."
    may = ReportFilter(date_from=dt.date(2026, 5, 1), date_to=dt.date(2026, 5, 31), period="tháng 5/2026")
    assert rounds.format("các kỳ trong khoảng này") in texts.summary_text([office], TODAY, may).splitlines()
    assert office.is_late and not UnitSummary(unit=VP, in_progress=1).is_late


UNREPORTED = [UnreportedDuty(item_ref="II.2.a", notice="Thông báo số 88/TB-UBND", text="Báo cáo kết quả hằng tuần",
                             unit=VP, assignee="Đỗ Minh Tâm", missed=5, latest="tuần từ 18/05/2026"),
              UnreportedDuty(item_ref="III.2", notice="Thông báo số 88/TB-UBND", text="Tự đánh giá chỉ số hằng tháng",
                             unit="Phòng Nội vụ", assignee="", missed=1, latest="tháng 4/2026")]


def test_a_week_with_only_unreported_duties_names_them() -> None:
    quiet = WeeklyDigest(since=DIGEST.since, until=TODAY, done=[], newly_overdue=[], still_overdue=[], pending=[],
                         unreported=UNREPORTED)
    assert not quiet.is_empty and quiet.nothing_new
    assert texts.weekly_digest_text(quiet, "A").splitlines()[3:] == [
        "Trong tuần không có nhiệm vụ nào hoàn thành hoặc mới quá hạn, không có đề nghị gia hạn chờ quyết định.",
        "Nhiệm vụ định kỳ đơn vị không báo cáo: 2 nhiệm vụ.",
        f"• {VP} — mục II.2.a: Báo cáo kết quả hằng tuần — không báo cáo 5 kỳ (gần nhất: kỳ tuần từ 18/05/2026)",
        "• Phòng Nội vụ — mục III.2: Tự đánh giá chỉ số hằng tháng — không báo cáo 1 kỳ (gần nhất: kỳ tháng 4/2026)",
        "",
        "Đồng chí gõ /tonghop quá hạn để xem các đơn vị có nhiệm vụ quá hạn.",
    ]


def test_unreported_duties_come_with_the_overdue_in_a_full_summary_and_are_capped() -> None:
    full = replace(DIGEST, unreported=[replace(UNREPORTED[0], item_ref=f"II.{n}") for n in range(7)])
    lines = texts.weekly_digest_text(full, "A").splitlines()
    at = lines.index("Nhiệm vụ định kỳ đơn vị không báo cáo: 7 nhiệm vụ.")
    assert lines[at - 1].startswith(f"• {TNMT} — mục 1") and lines[at + 7] == ""
    assert lines[at + 6] == "… và 2 nhiệm vụ khác (xem /tonghop quá hạn)."


def test_a_supporting_units_own_message_greets_then_lists_the_items() -> None:
    rows = [("2", "Tuyên truyền vận động", dt.date(2018, 3, 15), "Ban Dân vận Tỉnh ủy")]
    text = texts.support_assignment_text("A", "Thông báo số 45/TB-UBND", rows)
    assert text.startswith("Kính gửi đồng chí A,\nĐơn vị đồng chí được đề nghị phối hợp thực hiện nhiệm vụ theo "
                           "Thông báo số 45/TB-UBND:\n• Mục 2: ")
    assert text.endswith("“phối hợp 2: đã gửi số liệu”.")


@pytest.mark.parametrize(("text", "lead", "shown"), [
    ("Sở Tài chính chủ trì, tham mưu bố trí kinh phí", "Sở Tài chính", "Tham mưu bố trí kinh phí"),
    # one of several units named: cutting the reader's own name would leave the other's as the subject
    ("Đảng ủy xã Đại Sơn, Đảng ủy xã Măng Ri hoàn thành đại hội điểm", "Đảng ủy xã Đại Sơn",
     "Đảng ủy xã Đại Sơn, Đảng ủy xã Măng Ri hoàn thành đại hội điểm"),
    ("Sở Tài chính và Sở Nội vụ rà soát biên chế", "Sở Tài chính", "Sở Tài chính và Sở Nội vụ rà soát biên chế"),
    # the reader leads and works with another: not shown as if only supporting
    ("Ban Tổ chức Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy hướng dẫn phương án nhân sự",
     "Ban Tổ chức Huyện ủy", "Chủ trì, phối hợp với Văn phòng Huyện ủy hướng dẫn phương án nhân sự"),
])
def test_a_task_shown_to_its_lead_never_reads_as_someone_elses(text: str, lead: str, shown: str) -> None:
    assert texts.short_title(text, lead=lead) == shown


def test_one_item_many_units_hold_late_alike_is_one_line_of_the_weekly_summary() -> None:
    """Probe 13: twenty units late on one quarterly report were five identical lines and "… và 17 nhiệm vụ khác"."""
    old = DIGEST.still_overdue[0]
    late = [replace(old, unit=f"Sở Số {n}", item_ref="II.11", text="Báo cáo quý I") for n in range(12)]
    quiet = WeeklyDigest(since=DIGEST.since, until=TODAY, done=[], newly_overdue=[], still_overdue=late, pending=[])
    lines = texts.weekly_digest_text(quiet, "A").splitlines()
    assert "Còn 12 nhiệm vụ quá hạn từ các tuần trước chưa hoàn thành:" in lines
    [line] = [ln for ln in lines if "II.11" in ln]
    assert line.startswith("• Mục II.11: Báo cáo quý I (hạn 02/03/2026, quá hạn 31 ngày) — 12 đơn vị: Sở Số 0, ")
    assert line.endswith("Sở Số 7 và 4 đơn vị khác")


@pytest.mark.parametrize(("members", "shown"), [
    (7, "7 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Thôn 1, Thôn 2, Thôn 3, Thôn 4, Thôn 5, Thôn 6, Thôn 7"),
    (9, "9 đơn vị trong danh bạ, mỗi đơn vị một nhiệm vụ: Thôn 1, Thôn 2, Thôn 3, Thôn 4, Thôn 5, Thôn 6 và 3 đơn vị "
        "khác"),
])
def test_a_group_of_seven_is_named_whole_not_six_and_one_more(members: int, shown: str) -> None:
    guess = UnitGuess(written="Các thôn", unit_name=None, score=100, head_name=None, group=True,
                      members=tuple((f"Thôn {n}", f"T{n}") for n in range(1, members + 1)))
    assert texts._lead_guess("Các thôn", guess) == f"Các thôn — {shown}"


def test_a_weekly_summary_of_two_notices_names_each_items_notice() -> None:
    other = replace(DIGEST.done[0], notice="Công văn số 5/UBND ngày 01/03/2026", item_ref="9")
    text = texts.weekly_digest_text(replace(DIGEST, done=[*DIGEST.done, other]), "A")
    assert "Các nhiệm vụ dưới đây thuộc" not in text
    assert "• Mục 9 (Công văn số 5/UBND ngày 01/03/2026): " in text and "• Mục 5 (Thông báo số 45/TB-UBND" in text


def test_the_assignees_digest_says_an_extended_deadline_passed_again_with_nothing_said() -> None:
    line = DigestLine(task_id=1, item_ref="II.7", task_text="Rà soát hộ nghèo", notice_title="Thông báo số 215/TB-UBND",
                      category="overdue", due_on=dt.date(2026, 12, 15), effective_due_on=dt.date(2026, 12, 15),
                      deadline_note=None, days_left=None, working_days_left=None, days_late=4, weekly=False,
                      status=TaskStatus.EXTENDED, percent=None, escalation=None, assignee_name="Hoa",
                      lead_unit="Văn hóa - Xã hội")
    text = texts.digest_text(DigestView(digest_id=1, day=dt.date(2026, 12, 21), recipient_name="Hoa", lines=(line,)),
                             buttons=False)
    assert "hạn 15/12/2026, quá hạn 4 ngày làm việc — chưa cập nhật từ khi được gia hạn" in text, text


def test_an_item_finished_by_several_units_is_one_line_even_when_one_had_more_time() -> None:
    first = DigestItem(item_ref="5", notice="Công văn số 2456/UBND-NN ngày 01/12/2026", text="Báo cáo thiệt hại",
                       unit="UBND xã Cao Xá", assignee="Giáp Văn Sơn", due_on=dt.date(2026, 12, 15),
                       done_on=dt.date(2026, 12, 14), on_time=True)
    items = [first, replace(first, unit="UBND thị trấn Cao Thượng", assignee="Nguyễn Văn Bình"),
             replace(first, unit="UBND xã Ngọc Thiện", assignee="Đỗ Văn Thắng", due_on=dt.date(2026, 12, 18),
                     done_on=dt.date(2026, 12, 18))]
    week = WeeklyDigest(since=dt.date(2026, 12, 12), until=dt.date(2026, 12, 18), done=items, newly_overdue=[],
                        still_overdue=[], pending=[])
    lines = [line for line in texts.weekly_digest_text(week, "A").splitlines() if line.startswith("• Mục 5")]
    assert lines == ["• Mục 5: Báo cáo thiệt hại — 3 đơn vị: UBND xã Cao Xá (đ/c Giáp Văn Sơn, 14/12/2026, đúng hạn); "
                     "UBND thị trấn Cao Thượng (đ/c Nguyễn Văn Bình, 14/12/2026, đúng hạn); UBND xã Ngọc Thiện "
                     "(đ/c Đỗ Văn Thắng, 18/12/2026, đúng hạn, hạn của đơn vị: 18/12/2026)"], lines


def test_a_latest_note_that_only_repeats_the_status_is_not_written_as_the_units_words() -> None:
    from bot.report_files import note_cell

    assert note_cell(row(latest_note="xong", latest_note_on=dt.date(2026, 3, 18))) == ""
    assert note_cell(row(latest_note="đã xong", latest_note_on=dt.date(2026, 3, 18))) == ""
    assert note_cell(row(latest_note="đã xong rồi ạ", latest_note_on=dt.date(2026, 3, 18))) == ""  # (probe s19)
    # the status the column shows is not repeated in the words (probe s19: "dang thuc hien 50% vuong nhan su")
    assert note_cell(row(latest_note="xong, đã gửi báo cáo số 12/BC", latest_note_on=dt.date(2026, 3, 18))) == \
        "đã gửi báo cáo số 12/BC (18/03/2026)"
    assert note_cell(row(latest_note="dang thuc hien 50% vuong nhan su", latest_note_on=dt.date(2026, 3, 18))) == \
        "vuong nhan su (18/03/2026)"
