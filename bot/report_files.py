"""The summary as the Excel workbook offices forward, the "Biểu tổng hợp tình hình thực hiện
nhiệm vụ": one sheet of totals per unit, one with every task. Both sheets have a frozen header,
filters, wrapped text and an A4 landscape print setup that fits the width and repeats the
header on every page. Pure: rows in, bytes out."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.texts import (
    STANDING_SHEET,
    STANDING_TITLE,
    STATUS_LABELS,
    SUMMARY_SHEET,
    filter_description,
    meaningful_note,
    note_body,
    registered_later_cell,
    standing_sheet_note,
    vn,
)
from storage.models import TaskStatus
from storage.reports import (
    CATEGORIES,
    CATEGORY_LABELS,
    SUPPORTING,
    SUPPORTING_LABEL,
    ReportFilter,
    TaskRow,
    UnitSummary,
    totals,
)

TITLE = "BIỂU TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ"
DETAIL_SHEET = "Chi tiết"
HEADER_ROW = 4  # rows 1–3: title, scope, date
# of the tasks with a deadline (a task without one is never overdue); blank for a unit with none
OVERDUE_SHARE = "Tỷ lệ quá hạn (trên số có thời hạn)"
EXTENSION_PENDING = "Trong đó: đang chờ ý kiến gia hạn"  # of the in progress and overdue: a leader's to settle
NOT_STARTED = "Trong đó: chưa cập nhật (còn trong hạn)"  # of the in progress: never reported on (probe 24 #7)
# of the in progress: answered "chưa triển khai" — only in a report that has any (as the supporting column), after
# the column above: a leader chases the silent, not those who answered
SAID_NOT_STARTED_COLUMN = ("Trong đó: báo cáo chưa triển khai (còn trong hạn)", 15)
# the tasks a unit holds only to support another unit's: outside the total and the five counts (the lead unit answers
# for them, DOMAIN.md); a last column, only in a report that has any
SUPPORTING_COLUMN = ("Phối hợp (ngoài tổng số, không tính đúng/quá hạn)", 16)

# the colours e-office tools use: green on time, orange late, blue in progress, red overdue, grey none
FILLS = {"done_on_time": "C6EFCE", "done_late": "FFD8A8", "in_progress": "DDEBF7", "overdue": "FFC7CE",
         "no_deadline": "EDEDED", SUPPORTING: "FFFFFF"}
HEADER_FILL = "D9E1F2"

SUMMARY_COLUMNS = (("STT", 6), ("Đơn vị chủ trì", 40), ("Tổng số", 10),
                   *((CATEGORY_LABELS[c], 15) for c in CATEGORIES),
                   (NOT_STARTED, 15), (EXTENSION_PENDING, 15), (OVERDUE_SHARE, 16))
DETAIL_COLUMNS = (("STT", 6), ("Số/ngày văn bản", 20), ("Mục", 8), ("Nội dung", 60), ("Chủ trì", 24),
                  ("Người thực hiện", 20), ("Phối hợp", 24), ("Thời hạn", 12), ("Tình trạng", 17),
                  ("Ngày hoàn thành", 12), ("Đúng/quá hạn", 20), ("Ghi chú mới nhất", 40))
# the standing duties a period's figures leave out: where they stand, no lateness to judge (they have no deadline)
STANDING_COLUMNS = (("STT", 6), ("Số/ngày văn bản", 20), ("Mục", 8), ("Nội dung", 60), ("Chủ trì", 24),
                    ("Người thực hiện", 20), ("Phối hợp", 24), ("Thời hạn", 14), ("Tình trạng", 17),
                    ("Ghi chú mới nhất", 40))
WRAPPED = {"Số/ngày văn bản", "Nội dung", "Chủ trì", "Người thực hiện", "Phối hợp", "Thời hạn", "Tình trạng",
           "Đúng/quá hạn", "Ghi chú mới nhất"}
# the 1-based positions of the columns formatted one by one (derived: a column added never shifts them wrong)
DUE_COLUMN, DONE_COLUMN, CATEGORY_COLUMN = (
    [name for name, _ in DETAIL_COLUMNS].index(n) + 1 for n in ("Thời hạn", "Ngày hoàn thành", "Đúng/quá hạn"))
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
DATE_FORMAT = "DD/MM/YYYY"


def notice_cell(row: TaskRow) -> str:
    """Số/ngày văn bản: "45/TB-UBND\nngày 05/03/2026"; the title where the notice has no number."""
    if row.notice_number and not row.notice_number.startswith("/"):
        return row.notice_number + (f"\nngày {row.notice_date:%d/%m/%Y}" if row.notice_date else "")
    return row.notice


def status_cell(row: TaskRow) -> str:
    label = "Chưa triển khai" if row.said_not_started and row.status == TaskStatus.OPEN else \
        STATUS_LABELS[TaskStatus(row.status)]
    if row.percent is not None and row.status not in (TaskStatus.DONE, TaskStatus.OPEN):
        label += f" ({row.percent}%)"
    return label


def category_cell(row: TaskRow) -> str:
    """On time or late, and what a reader of the forwarded file needs to trust it: a deadline extended (from
    which date), or one that fell on a day off and ran to the next working day."""
    if row.category == SUPPORTING:  # neither on time nor late for a supporting unit: the lead unit answers
        return SUPPORTING_LABEL
    label = CATEGORY_LABELS[row.category]
    notes = []
    if row.first_due_on and row.first_due_on != row.due_on:
        notes.append(f"đã gia hạn, hạn ban đầu {row.first_due_on:%d/%m/%Y}")
    if row.due_on and row.effective_due_on and row.effective_due_on != row.due_on:
        notes.append(f"hạn rơi vào ngày nghỉ, tính đến {row.effective_due_on:%d/%m/%Y}")
    return label + (f" ({'; '.join(notes)})" if notes else "")


def note_cell(row: TaskRow) -> str:
    if row.registered_on is not None:  # a past period's task entered only after it: say so, not a blank
        return registered_later_cell(row.registered_on)
    if not row.latest_note or not meaningful_note(row.latest_note):  # a bare "xong": the status column says it
        return ""
    return note_body(row.latest_note) + (f" ({row.latest_note_on:%d/%m/%Y})" if row.latest_note_on else "")


def date_line(today: dt.date, as_of: dt.date | None = None) -> str:
    """Row 3: the day the figures stand at; a past period's, as they stood at its end."""
    if as_of is not None:
        return vn(f"Số liệu tính đến hết ngày {as_of:%d/%m/%Y} (tình trạng từng nhiệm vụ tại thời điểm đó; "
                  f"biểu lập ngày {today:%d/%m/%Y})")
    return vn(f"Số liệu đến ngày {today:%d/%m/%Y}")


def _heading(ws: Worksheet, width: int, today: dt.date, scope: str, as_of: dt.date | None = None,
             title: str = TITLE) -> None:
    last = get_column_letter(width)
    ws["A1"] = vn(title)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = vn(f"Phạm vi: {scope}") if scope else vn("Phạm vi: toàn bộ nhiệm vụ đã giao")
    ws["A2"].font = Font(italic=True)
    ws["A3"] = date_line(today, as_of)
    for row in (1, 2, 3):
        ws.merge_cells(f"A{row}:{last}{row}")
        ws[f"A{row}"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 24
    ws.row_dimensions[2].height = 30  # a merged cell does not grow by itself: room for a long scope


def _header(ws: Worksheet, columns: Sequence[tuple[str, float]]) -> None:
    for i, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=HEADER_ROW, column=i, value=vn(name))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[HEADER_ROW].height = 48  # three lines: the longest header wraps so


def _finish(ws: Worksheet, columns: int, last_row: int) -> None:
    """Frozen header, filters, and the print setup: A4 landscape, one page wide, header on every page."""
    last = get_column_letter(columns)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{max(last_row, HEADER_ROW)}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{last}{max(last_row, HEADER_ROW)}"
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "Trang &P/&N"


def _summary_sheet(ws: Worksheet, units: Sequence[UnitSummary], today: dt.date, scope: str,
                   as_of: dt.date | None = None, standing_note: str | None = None) -> None:
    ws.title = SUMMARY_SHEET
    total = totals(units)
    said = bool(total.said_not_started)
    after = [c for c, _ in SUMMARY_COLUMNS].index(NOT_STARTED) + 1
    columns = (*SUMMARY_COLUMNS[:after], *([SAID_NOT_STARTED_COLUMN] if said else []), *SUMMARY_COLUMNS[after:],
               *([SUPPORTING_COLUMN] if total.supporting else []))
    share_at = [c for c, _ in columns].index(OVERDUE_SHARE)
    _heading(ws, len(columns), today, scope, as_of)
    _header(ws, columns)
    for i, u in enumerate([*units, total], start=1):
        first = [i, u.unit] if u is not total else ["", vn(u.unit)]
        ws.append([*first, u.total, *(getattr(u, c) for c in CATEGORIES), u.not_started,
                   *([u.said_not_started] if said else []), u.extension_pending,
                   u.overdue_share, *([u.supporting] if total.supporting else [])])
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, max_row=ws.max_row):
        for cell in row:
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 2,
                                       horizontal="left" if cell.column == 2 else "center")
        row[share_at].number_format = "0%"
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    # the total row stays out of the filter range: sorting must not move it
    _finish(ws, len(columns), ws.max_row - 1)
    if standing_note:  # under the table, printed with it: what the figures leave out, and where it is listed
        note_row = ws.max_row + 2
        ws.cell(row=note_row, column=1, value=vn(standing_note)).font = Font(italic=True)
        ws.merge_cells(f"A{note_row}:{get_column_letter(len(columns))}{note_row}")
        ws.cell(row=note_row, column=1).alignment = Alignment(vertical="top", wrap_text=True)
        ws.row_dimensions[note_row].height = 30
    ws.print_area = f"A1:{get_column_letter(len(columns))}{ws.max_row}"


def _detail_sheet(ws: Worksheet, tasks: Sequence[TaskRow], today: dt.date, scope: str,
                  as_of: dt.date | None = None) -> None:
    _heading(ws, len(DETAIL_COLUMNS), today, scope, as_of)
    _header(ws, DETAIL_COLUMNS)
    wrapped = {i for i, (name, _) in enumerate(DETAIL_COLUMNS, start=1) if name in WRAPPED}
    for i, t in enumerate(tasks, start=1):
        ws.append([i, notice_cell(t), t.item_ref, t.text, t.unit, t.assignee or vn("Chưa có người nhận"), t.support,
                   t.due_on if t.due_on else vn("Không có thời hạn"), status_cell(t), t.done_on,
                   vn(category_cell(t)), note_cell(t)])
        row = ws.max_row
        for cell in ws[row]:
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in wrapped,
                                       horizontal="center" if cell.column in (1, 3, DUE_COLUMN, DONE_COLUMN) else None)
        ws.cell(row=row, column=DUE_COLUMN).number_format = DATE_FORMAT
        ws.cell(row=row, column=DONE_COLUMN).number_format = DATE_FORMAT
        ws.cell(row=row, column=CATEGORY_COLUMN).fill = PatternFill("solid", fgColor=FILLS[t.category])
    _finish(ws, len(DETAIL_COLUMNS), ws.max_row)


def standing_due_cell(row: TaskRow) -> str:
    """A standing duty's "deadline" as the notice says it ("Thường xuyên", "kịp thời"), else that it has none."""
    said = " ".join((row.due_text or "").split()).strip(" .;,")
    return said[:1].upper() + said[1:] if said else "Không có thời hạn"


def _standing_sheet(ws: Worksheet, tasks: Sequence[TaskRow], today: dt.date, scope: str, note: str,
                    as_of: dt.date | None = None) -> None:
    """The open standing duties a period's figures leave out, one row each, to forward with the figures (the text
    report names them in its last line)."""
    _heading(ws, len(STANDING_COLUMNS), today, scope, as_of, title=STANDING_TITLE)
    ws["A3"] = vn(f"{date_line(today, as_of)}. {note}")
    ws.row_dimensions[3].height = 30
    _header(ws, STANDING_COLUMNS)
    wrapped = {i for i, (name, _) in enumerate(STANDING_COLUMNS, start=1) if name in WRAPPED}
    for i, t in enumerate(tasks, start=1):
        ws.append([i, notice_cell(t), t.item_ref, t.text, t.unit, t.assignee or vn("Chưa có người nhận"), t.support,
                   vn(standing_due_cell(t)), status_cell(t), note_cell(t)])
        for cell in ws[ws.max_row]:
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in wrapped,
                                       horizontal="center" if cell.column in (1, 3) else None)
    _finish(ws, len(STANDING_COLUMNS), ws.max_row)


def summary_workbook(units: Sequence[UnitSummary], tasks: Sequence[TaskRow], today: dt.date,
                     filt: ReportFilter | None = None, unit_name: str | None = None,
                     as_of: dt.date | None = None, standing: Sequence[TaskRow] = ()) -> bytes:
    """`as_of`: a past period's last day (`Report.as_of`): the rows are the tasks as they stood then. `standing`:
    the open standing duties the period's figures leave out (`Report.standing_rows`), on a sheet of their own that
    the summary sheet points to."""
    scope = filter_description(filt, unit_name)
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    note = standing_sheet_note(len(standing), filt) if standing else None
    _summary_sheet(summary, units, today, scope, as_of, standing_note=note)
    _detail_sheet(wb.create_sheet(DETAIL_SHEET), tasks, today, scope, as_of)
    if standing:
        assert note is not None
        _standing_sheet(wb.create_sheet(STANDING_SHEET), standing, today, scope, standing_sheet_note(
            len(standing), filt, here=True), as_of)
    wb.properties.title = vn(TITLE)
    wb.properties.creator = "Nhắc việc"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def report_filename(today: dt.date, extension: str = "xlsx") -> str:
    return f"tong-hop-nhiem-vu-{today:%Y-%m-%d}.{extension}"
