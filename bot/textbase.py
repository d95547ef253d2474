"""Pure text helpers with no storage or database import: shared by bot/texts.py and by
`nhacviec parse`, which must start without loading SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from storage.parsed import ParsedNotice

RECURRENCE_LABELS = {
    "daily": "hằng ngày", "weekly": "hằng tuần", "biweekly": "02 tuần/lần", "monthly": "hằng tháng",
    "quarterly": "hằng quý", "semiannual": "6 tháng/lần", "yearly": "hằng năm",
}


def vn(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def date_vn(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "không có thời hạn cụ thể"


def shorten(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def shorten_at_word(text: str, limit: int) -> str:
    """`shorten`, cut after a whole word ("… xóa nhà tạm, nhà dột…", not "… nhà dột n…") unless that loses more
    than a third of what fits."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= (limit * 2) // 3 and not text[limit - 1].isspace():
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def join_units(names: Sequence[str]) -> str:
    return "; ".join(names) if names else "—"


LEAD_SOURCE_SHORT = {"text": "nội dung", "heading": "đề mục trên", "addressee": "Kính gửi"}  # the table's column
OCR_TABLE_NOTE = "Văn bản được đọc bằng nhận dạng chữ (OCR): có thể đọc sai, đồng chí đối chiếu với bản giấy."


def notice_table(notice: ParsedNotice, *, ocr: bool = False) -> str:
    """`nhacviec parse --format table`: the header, then one table of the tasks, with where each lead came from
    (the task's words, a heading or lead-in above it, the addressees: "Kính gửi" or the closing sentence);
    `ocr`: the text came through text recognition, said first."""
    n = notice
    lines = [OCR_TABLE_NOTE] if ocr else []
    lines += [
        f"Loại: {n.kind or '—'}   Số: {n.number or '—'}   Ngày: {date_vn(n.date) if n.date else '—'}",
        f"Cơ quan ban hành: {n.issuer or '—'}",
        f"Trích yếu: {n.subject or '—'}",
        f"Người ký: {n.signer or '—'} {('(' + n.signer_authority + ')') if n.signer_authority else ''}".rstrip(),
        f"Kính gửi: {join_units(n.addressees)}",
        f"Văn bản dẫn chiếu: {join_units(n.references)}",
        "",
        f"{'Mục':<10} {'Chủ trì':<32} {'Chủ trì lấy từ':<15} {'Thời hạn':<12} {'Định kỳ':<11} Nội dung",
    ]
    for t in n.tasks:
        source = LEAD_SOURCE_SHORT.get(t.lead_source or "", "—") if t.lead else "—"
        lines.append(f"{t.ref:<10} {shorten(join_units(t.lead), 32):<32} {source:<15} "
                     f"{(t.due.strftime('%d/%m/%Y') if t.due else '—'):<12} "
                     f"{RECURRENCE_LABELS.get(t.recurrence or '', '—'):<11} {shorten(t.text, 90)}")
    lines.append(f"\n{len(n.tasks)} nhiệm vụ.")
    if n.tasks:
        lines.append("Cột “Chủ trì lấy từ”: nội dung — lời của chính nhiệm vụ; đề mục trên — đề mục hoặc câu dẫn phía "
                     "trên; Kính gửi — đơn vị nhận văn bản (Kính gửi, câu kết).")
    return vn("\n".join(lines))
