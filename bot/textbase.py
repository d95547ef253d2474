"""Pure text helpers with no storage or database import: shared by bot/texts.py and by
`nhacviec parse`, which must start without loading SQLAlchemy."""

from __future__ import annotations

import datetime as dt
import re
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
    return cut.rstrip(" ,;:-–.") + "…"


# Where a task's asking clause opens: after a heading, a lead-in or a frame, the clause that names its lead — with
# the ask word before it or the verb after it ("…: Yêu cầu chung là: Trên cơ sở …, Ban X rà soát …", "Để …, đề nghị
# Sở A, Sở B …"). Only a clause start counts: the lead named inside the frame ("… của lãnh đạo Ban X và …") does not.
_CLAUSE_START = r"(?:(?<=^)|(?<=[,:;]\s)|(?<=\s)(?=(?:giao|đề\s*nghị|yêu\s*cầu)\s))"
_ASK_WORD = r"(?:(?:giao|đề\s*nghị|yêu\s*cầu)\s+(?:cho\s+)?)"
_FRAME_OPENING = re.compile(r"(?:trên\s+cơ\s+sở|căn\s+cứ|để|nhằm|qua|sau\s+khi|thực\s+hiện|theo|từ|trước|với)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZĐÀ-Ỹ]")
_ASK_COLON = re.compile(r"(?<=\s)(?:đề\s*nghị|yêu\s*cầu|giao)\s*:\s*(?=\S)", re.I)
ASK_SKIP_MIN = 60  # a shorter opening ("Về công tác X: Sở A …") is the task's topic: it stays


def ask_first(text: str, lead: Sequence[str]) -> str:
    """A task's text for a one-line view: from its asking clause when the text opens with a heading, a lead-in or a
    frame (60 characters or more, in the same sentence) before the clause that names its lead — "Những nhiệm vụ …:
    Yêu cầu chung là: Trên cơ sở …, Ban X rà soát, bổ sung …" → "… Ban X rà soát, bổ sung …"; else the text as it
    is. The task's whole text is unchanged (it is what the draft's full view and the parser's JSON give)."""
    text = " ".join(text.split())
    best: int | None = None
    for name in lead:
        name = " ".join(name.split())
        if not name:
            continue
        for m in re.finditer(rf"{_CLAUSE_START}(?P<ask>{_ASK_WORD})?{re.escape(name)}(?=(?P<after>\s+\w|\W|$))",
                             text, re.I):
            if not m["ask"] and not (m["after"].startswith(" ") and m["after"][1:].islower()):
                continue  # a name not followed by its verb ("Sở A, Sở B …" is taken with the ask word only)
            if best is None or m.start() < best:
                best = m.start()
            break
    if best is None and (colon := _ASK_COLON.search(text)) is not None and colon.start() >= ASK_SKIP_MIN and \
            not _SENTENCE_END.search(text[:colon.start()]):
        # no lead named in the text (an admin gave the task to other units): from "… đề nghị:" on, as the lead-in
        # ends there ("Các đại biểu … Kết luận các nội dung này, đồng chí Chủ tịch đề nghị: các xã …", probe s42)
        rest = text[colon.end():]
        return "… " + rest[:1].upper() + rest[1:]
    if best is None or best < ASK_SKIP_MIN:
        return text
    rest = text[best:].lower()
    if any(" ".join(name.split()).lower() not in rest for name in lead):
        return text  # "yêu cầu Sở A, Sở B phối hợp …": from the last name on, the first would be lost
    opening = text[:best]
    if _SENTENCE_END.search(opening) or not (":" in opening or _FRAME_OPENING.match(opening)):
        return text
    rest = text[best:]
    return "… " + rest[:1].upper() + rest[1:]


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
                     f"{RECURRENCE_LABELS.get(t.recurrence or '', '—'):<11} {shorten(ask_first(t.text, t.lead), 90)}")
    lines.append(f"\n{len(n.tasks)} nhiệm vụ.")
    if n.tasks:
        lines.append("Cột “Chủ trì lấy từ”: nội dung — lời của chính nhiệm vụ; đề mục trên — đề mục hoặc câu dẫn phía "
                     "trên; Kính gửi — đơn vị nhận văn bản (Kính gửi, câu kết).")
    return vn("\n".join(lines))


# polite particles that change nothing in what a message asks: "… thế nào ạ?", "Dạ, …", "… nhé.", "… ạ." (probe 23:
# "UBND xã Đức Trọng thế nào ạ?" went to the office while the same words without "ạ" got the report)
_LEADING_PARTICLE = re.compile(r"^\s*(?:dạ|vâng|thưa\s+(?:đồng\s+chí|anh|chị))\s*[,.!]?\s+(?=\S)", re.IGNORECASE)
_TRAILING_PARTICLE = re.compile(r"(?:[\s,]+(?:ạ|dạ|nhé|nha|nhỉ|nhe|ah|à)|(?<=[^\W\d_]{2})[\s,]+a)"
                                r"(?P<end>[\s.!?…]*)$", re.IGNORECASE)


def without_particles(text: str) -> str:
    """`text` with the polite particles at its start and end left out, its closing "?" kept ("… thế nào ạ?" ->
    "… thế nào?"); a plain "a" only after a word of letters (not "mục 2 a", an item letter)."""
    text = unicodedata.normalize("NFC", text)
    out = _LEADING_PARTICLE.sub("", text)
    while (m := _TRAILING_PARTICLE.search(out)) is not None and m.start() > 0:
        out = out[:m.start()] + ("?" if "?" in m.group("end") else "")
    return out if out.strip() else text
