"""The summary as an Excel workbook a leader can forward: one sheet per unit totals, one with
every task. Pure: rows in, bytes out."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from bot.texts import STATUS_LABELS, vn
from scheduler.calendar import VN_TZ
from storage.models import TaskStatus
from storage.reports import CATEGORY_LABELS, TaskRow, UnitSummary

# the colours e-office tools use: green on time, orange late, blue in progress, red overdue, grey none
FILLS = {"done_on_time": "C6EFCE", "done_late": "FFD8A8", "in_progress": "DDEBF7", "overdue": "FFC7CE",
         "no_deadline": "EDEDED"}


def summary_workbook(units: Sequence[UnitSummary], tasks: Sequence[TaskRow], today: dt.date) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    ws.append([vn(f"TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ (đến ngày {today:%d/%m/%Y})")])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    header = ["Đơn vị", "Tổng số", *CATEGORY_LABELS.values(), "Tỷ lệ quá hạn"]
    ws.append([vn(h) for h in header])
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for u in units:
        share = u.overdue / u.total if u.total else 0
        ws.append([u.unit, u.total, u.done_on_time, u.done_late, u.in_progress, u.overdue, u.no_deadline, share])
        ws.cell(row=ws.max_row, column=8).number_format = "0%"
    ws.column_dimensions["A"].width = 40
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 16

    detail = wb.create_sheet("Chi tiết")
    detail.append([vn(h) for h in ["Đơn vị chủ trì", "Văn bản", "Mục", "Nội dung", "Người phụ trách", "Thời hạn",
                                   "Tình trạng", "Tiến độ (%)", "Phân loại", "Cập nhật"]])
    for cell in detail[1]:
        cell.font = Font(bold=True)
    for t in tasks:
        detail.append([t.unit, t.notice, t.item_ref, t.text, t.assignee, t.due_on, STATUS_LABELS[TaskStatus(t.status)],
                       t.percent, CATEGORY_LABELS[t.category],
                       t.updated_at.astimezone(VN_TZ).replace(tzinfo=None)])
        row = detail.max_row
        detail.cell(row=row, column=6).number_format = "DD/MM/YYYY"
        detail.cell(row=row, column=10).number_format = "DD/MM/YYYY HH:MM"
        detail.cell(row=row, column=9).fill = PatternFill("solid", fgColor=FILLS[t.category])
        detail.cell(row=row, column=4).alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDEFGHIJ", (32, 30, 8, 70, 22, 12, 18, 10, 22, 16), strict=True):
        detail.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
