"""Reading a notice the way an office clerk does: header metadata, the tree of
numbered items and bullets, which parts direct work (and which only assess it),
and for each task its lead and supporting units, deadline and recurrence."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.ingest.dates import (
    DOCUMENT_EFFECTIVE,
    GIVES_OPINION,
    Deadline,
    comment_window,
    document_effective,
    find_recurrence,
    mend_split_date,
    ongoing,
    parse_date_phrase,
    pick_deadline,
)
from bot.ingest.enumeration import repair_numbers, skips, unread_items
from bot.ingest.leadchooser import choose_leads
from bot.ingest.legacy import repair_legacy
from bot.ingest.plantables import glued_attachment, item_fields
from bot.ingest.tables import rewrite_tables, row_work
from bot.ingest.taskfilter import DUTY_HEADING, broad_wanted, filter_tasks
from bot.ingest.units import (
    CAPITAL,
    COUNT_BEFORE_UNIT,
    LETTER_KIND,
    LETTER_NO_DATE,
    LETTER_SAYS,
    LETTER_URGENT,
    LOWER_FORCE,
    NAMED_MEMBERS,
    PLAN_FRAME,
    PRESS_TAG,
    SEND,
    STRONG,
    TEAMS,
    TEAMS_SET_UP,
    THEREFORE,
    UNIT_START,
    after_opening,
    delegate,
    find_leads,
    find_leads_ranked,
    find_supports,
    heading_units,
    is_generic_reference,
    is_speaker,
    name_prefix,
    names_addressee,
    sent_to,
    split_units,
    unit_case,
    units_named,
    units_referred_back,
)
from storage.itemref import numbers_made_up
from storage.parsed import ParsedNotice, ParsedTask
from storage.vntext import fold, nfc

if TYPE_CHECKING:
    from collections.abc import Callable

KINDS = ("THÔNG BÁO", "CÔNG VĂN", "KẾ HOẠCH", "KẾT LUẬN", "CHỈ THỊ", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CÔNG ĐIỆN",
         "BÁO CÁO", "HƯỚNG DẪN", "TỜ TRÌNH", "CHƯƠNG TRÌNH", "ĐỀ ÁN", "PHƯƠNG ÁN", "QUY CHẾ", "GIẤY MỜI")
_KIND_RE = re.compile(r"^(?:" + "|".join(KINDS) + r")\b")

# ---------------------------------------------------------------- cleaning

_MD = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),
    (re.compile(r"\*\*|__"), ""),
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), ""),
]


_MISSING_SPACE = re.compile(r"([,;:])(?=[^\W\d_])", re.U)
# an ask glued to the name it asks in a copy-paste ("giaoTrưởng các phòng", "đề nghịSở Y tế", "giao choBộ Công
# Thương"): a lower-case verb of asking, then a capitalised word with no space between
_ASK_GLUED = re.compile(r"(?<!\w)(giao(?:\s*cho)?|đề\s*nghị|yêu\s*cầu|chỉ\s*đạo)(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])", re.U)
# two sentences a copy-paste glued at the full stop ("… trên địa bàn.Làm tốt công tác …", "… các đoàn thể xã.Qua 6
# tháng …"): a word in lower case, the stop, a capitalised word (not "TP.HCM", "QĐ.UB", "Tp.HCM": a capital, or
# capitals only, on either side)
_STOP_GLUED = re.compile(r"(?<=[a-zđà-ỹ]{2})\.(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])", re.U)
# an ask glued to the year before it ("… năm 2021đề nghị UBND các huyện …")
_ASK_AFTER_YEAR = re.compile(r"(?<=\b\d{4})(?=(?:đề\s*nghị|yêu\s*cầu|chỉ\s*đạo)\s)", re.U)


# a web copy's posting stamp glued before its first paragraph ("date 2020-10 Theo chỉ đạo của …")
_STAMP_FIRST = re.compile(r"\A(\s*date\s+\d{4}-\d{2}(?:-\d{2})?)[ \t]+(?=\S)", re.U)


# a portal page's widget title left last below the article, its list not copied ("RELATED POSTS", "TIN LIÊN QUAN"):
# the page's, not a heading of the document (in capitals it read as a part's title and took the paragraphs above out
# of the body); one with text after it stays a break between the article and what follows
_PORTAL_WIDGET = re.compile(r"^[ \t]*(?:RELATED\s+POSTS?|Related\s+posts?|TIN\s+LIÊN\s+QUAN|BÀI\s+VIẾT\s+LIÊN\s+QUAN|"
                            r"CÁC\s+TIN\s+KHÁC|TIN\s+CÙNG\s+CHUYÊN\s+MỤC|TIN\s+KHÁC)[ \t]*:?\s*\Z", re.M | re.U)


# a unit's heading over its duties written with a full stop instead of a colon: "2. Sở Lao động, Thương binh và Xã hội
# có trách nhiệm." / "- Quản lý chặt chẽ …" / "- Hằng năm lập dự toán …"
_DUTY_HEAD_STOP = re.compile(r"(?m)^((?:[ \t]*(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]*)?[^\n.;:]{3,160}?"
                             r"\s(?:có\s*trách\s*nhiệm|có\s*nhiệm\s*vụ))\s*\.[ \t]*$"
                             r"(?=\n[ \t]*[-+•])", re.U)


# an article's number on a line of its own, its text on the next ("Điều 5." / "Các cơ sở … có trách nhiệm …")
_ARTICLE_ALONE = re.compile(r"(?m)^([ \t]*Điều[ \t]*\d{1,3}[ \t]*[.:])[ \t]*\n[ \t]*(?=\S)", re.U)


def clean_text(text: str) -> str:
    text = nfc(repair_legacy(text)).replace("\r\n", "\n").replace("\r", "\n")
    for rx, repl in _MD:
        text = rx.sub(repl, text)
    text = re.sub(r"[–—]", "-", text)
    text = _STAMP_FIRST.sub(r"\1\n", text)  # "date 2020-10 Theo đó, …": a copy's stamp, then its first paragraph
    # a copy-paste that lost the space after a comma, semicolon or colon ("Sở Tài chính,Sở Xây dựng"): put it back
    text = _MISSING_SPACE.sub(r"\1 ", text)
    text = _ASK_GLUED.sub(r"\1 ", text)  # "Theo đó, giaoTrưởng các phòng …": the space lost before whom it asks
    text = _STOP_GLUED.sub(". ", text)
    text = _ASK_AFTER_YEAR.sub(" ", text)
    text = re.sub(r"^(\s*)©\)", r"\1c)", text, flags=re.M)  # an OCR reading of the item mark "c)"
    # "b}", "„b}", "b]": a letter mark whose bracket the OCR misread
    text = re.sub(r"^(\s*)[„,.'\"]{0,2}([a-zđ])[}\]](?=\s)", r"\1\2)", text, flags=re.M)
    text = _ocr_first_letter(text)
    # an OCR reading of "trong": its "t" read as "f" ("frong Quý 1/2026") or lost after a bracket ("(rong tháng 01")
    text = re.sub(r"\b([Ff])rong\b", lambda m: "Trong" if m.group(1) == "F" else "trong", text)
    text = re.sub(r"(?<=\()rong(?=\s+(?:tháng|quý|Quý|năm|tuần)\b)", "trong", text)
    text = repair_numbers(text)  # "Š. Tập trung …" between "4." and "6.", "1 Đổi mới …" under a heading
    text = _DUTY_HEAD_STOP.sub(r"\1:", text)  # "2. Sở Y tế có trách nhiệm." over its "- " duties: a heading
    text = _ARTICLE_ALONE.sub(r"\1 ", text)  # "Điều 5." on a line of its own, its text on the next: one article
    text = _PORTAL_WIDGET.sub("", text)  # "RELATED POSTS" last under the body: no heading of a part
    # Markdown emphasis around a word ("*Nơi nhận:*", "*(Kèm theo …)*"), not a "* item" bullet
    return re.sub(r"(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])", "", text)


LETTER_MARK = re.compile(r"^\s*(?P<m>[a-zđ]|8)\)\s", re.U)


def _ocr_first_letter(text: str) -> str:
    """"8) Xây dựng …" / … / "b) Lãnh đạo …": the OCR read the first letter mark "a)" as "8)" (the next letter mark
    below is "b)")."""
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if not ln.lstrip().startswith("8)"):
            continue
        nxt = next((m.group("m") for later in lines[i + 1: i + 60] if (m := LETTER_MARK.match(later))), None)
        if nxt == "b":
            lines[i] = ln.replace("8)", "a)", 1)
    return "\n".join(lines)


RUNNING_HEAD = re.compile(r"^(?:CÔNG\s*BÁO/Số\s*\d+/Ngày\s*[\d-]+|Trang\s*\d+(?:\s*/\s*\d+)?|"
                          # the digital signature stamp of a PDF: "Ký bởi: … Cơ quan: … Ngày ký: 2026-04-21 15:32:11"
                          r"Ký\s*bởi\s*:.*|Ngày\s*ký\s*:\s*\d{4}-\d\d-\d\d.*|Cơ\s*quan\s*:\s*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,]+|"
                          # a portal's time stamp: "04/11/2020 15:39", "Đăng ngày: 08/11/2016 17:20:05"
                          r"(?:(?:Đăng|Cập\s*nhật)\s*(?:ngày|lúc)\s*:?\s*)?\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)$",
                          re.I)


# a page boundary left by a converter or an OCR run ("--- PAGE BREAK ---", "===== Trang 3 =====") and a scan's
# footer that names the typed file ("18.KLTW75.DOC 5"): not text, and a sentence goes on across it
PAGE_MARK = re.compile(r"^[-=_*#~\s]*(?:PAGE\s*BREAK|(?:Trang|Page)\s*\d{1,4}(?:\s*/\s*\d{1,4})?)[-=_*#~\s]*$|"
                       r"^(?:\d{1,3}\.)?[A-Za-z][A-Za-z0-9_-]{2,30}\.(?:DOC|DOCX|doc|docx)\b\.?(?:\s+\S{1,3}){0,2}\s*$",
                       re.I)


# a portal page's chrome: update stamp, view counter, comment form
PAGE_CHROME = re.compile(r"^(?:(?:Cập\s*nhật(?:\s*lúc)?|Lượt\s*xem|Lượt\s*truy\s*cập|Ngày\s*đăng)\s*:?\s*"
                         r"[\d/.:\s]+(?:lượt\s*xem)?|\d+\s*lượt\s*xem|.*\bcms-view-count\b.*|"
                         r"(?:Nội\s*dung\s*bình\s*luận|Gửi\s*bình\s*luận|Ý\s*kiến\s*bạn\s*đọc)\s*\*?\s*:?|"
                         # a portal's widget labels on lines of their own: "(0) Bình luận", "Nổi bật", "Tin mới nhất",
                         # "Xem với cỡ chữ", "Chia sẻ:", "Tìm kiếm", "Phản hồi", "A- A A+ | Tăng tương phản …"
                         r"(?:\(\d+\)\s*)?Bình\s*luận|Nổi\s*bật|Tin\s*(?:tức\s*)?(?:mới\s*nhất|nổi\s*bật)|"
                         r"Xem\s*với\s*cỡ\s*chữ|Chia\s*sẻ\s*:?|Tìm\s*kiếm|(?:Thông\s*tin\s*người\s*gửi\s*)?[Pp]hản\s*hồi|"
                         r"A-?\s*A\s*A\+?(?:\s*\|?\s*Tăng\s*tương\s*phản\s*Giảm\s*tương\s*phản)?|"
                         # counters and the posting stamp as a dash list under the headline: "- Đã xem: 107",
                         # "- Phản hồi: 0", "- 31/12/2010 05:10:00 PM"
                         r"[-–]\s*(?:Đã\s*xem|Lượt\s*xem|Lượt\s*đọc|Phản\s*hồi|Bình\s*luận)\s*:\s*\d+|"
                         r"[-–]\s*\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM|SA|CH)?|"
                         # a news page's text-to-speech player: "0:00 / 0:00", its voices "Nam miền Bắc", "Nữ miền Nam"
                         r"\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?|(?:Nam|Nữ)\s+miền\s+(?:Bắc|Nam|Trung))$",
                         re.I | re.U)
# a portal's dateline on a line of its own: "Thứ sáu, 12/10/2018 08:00:02 | Tiếng nói cơ sở", "Thứ ba, 21 Tháng 8 2018",
# "Thứ tư - 25/11/2020 14:27" (the weekday, then the date; its time and the section's name may follow)
WEEKDAY_DATELINE = re.compile(r"^(?:Thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s*nhật)\s*[,\-–]?\s*(?:ngày\s*)?"
                              r"\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\s+[Tt]háng\s*\d{1,2}\s*(?:năm\s*)?\d{4})"
                              r"[\s,|\-–]*(?:\d{1,2}:\d{2}(?::\d{2})?[^|]{0,20})?(?:\|\s*[^.;:|]{0,40})?$", re.I | re.U)
PARAGRAPH_MIN = 160
GLUED_TIME = re.compile(r"(?<=\s\d\d:\d\d)(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])", re.U)
HEADLINE_MIN = 40  # characters of a headline that stands as a paragraph of its own
HEADLINE_GLUES = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}", re.U)
# a news photo's file name ("1_ijqw") or caption ("… ra, vào tỉnh (Ảnh: Minh Hải)", "Ảnh minh họa")
# (also a photo's slug "toan-canh-hoi-nghi-1", a caption with its credit "Toàn cảnh hội nghị. Ảnh: Minh Hải",
# a caption opened "Ảnh. Đồng chí … phát biểu")
# (and a caption closed by a table rule "… (Ảnh minh họa) |", or its credit after a dash "… sông X - Ảnh: T.Q.Nam")
# (spelled "minh hoạ" or in lower case "(ảnh minh họa)." too; a figure's number after a dash: "… đường sắt - Ảnh 1.")
CAPTION = re.compile(r"^\w*_\w*$|\((?:[Ảả]nh|Nguồn\s*ảnh)\s*(?::[^)]{0,60}|minh\s*h(?:ọa|oạ))\)\s*\.?\s*\|?\s*$|"
                     r"\s[-–]\s*Ảnh\s*\d{1,2}\s*\.?\s*$|"
                     r"^Ảnh\s*(?:minh\s*họa)?\s*:|^[a-z0-9]+(?:-[a-z0-9]+){2,}$|^Ảnh\s*\.\s|"
                     r"^[^.;:]{0,240}[.!]\s*Ảnh\s*:\s*[^.;:]{1,40}\.?$|^[^;:]{0,240}\s[-–]\s*Ảnh\s*:\s*[^;:]{1,40}$|"
                     # a photo's caption of its own line, or a clip's label: "Toàn cảnh Hội nghị", "Quang cảnh buổi
                     # làm việc tại …", "Các đại biểu dự hội nghị", "Audio thời sự 07-12-2021"
                     r"^\s*(?:Toàn\s*cảnh|Quang\s*cảnh|Các\s*đại\s*biểu\s+(?:tham\s*)?(?:dự|thảo\s*luận|phát\s*biểu)|"
                     r"(?:Audio|Video|Clip)\s)[^.;:!?“”\"]{0,80}$", re.U)


# a dash bullet as a scan's OCR reads it ("_ Tăng cường …", "¬ Phối hợp …", "~ Chủ trì …", "_ > Tham mưu …"): a line
# opening a capitalised sentence after one of these signs is a "-" item
OCR_DASH = re.compile(r"^[_¬~]\s*[>7¬~]?\s+(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])", re.U)

# a speck a scan left before an item mark ("_2.3. Giao Vụ X", "„ d) Chịu trách nhiệm …", ".b) Hồ sơ …"): not text
OCR_SPECK = re.compile(r"^[_¬~„,'`.]+\s*(?=(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)/]|[a-zđ]\)|[IVX]{1,4}\.)\s)", re.U)


# a text hard-wrapped at a fixed width (copied out of a PDF, pasted from a mail client): most long lines end
# within a few characters of one width, and none runs far past it
WRAP_LONG = 30  # a line this long can be a wrapped one
WRAP_SPREAD = 0.85  # a line is full when its next word would have taken it past this share of the width
WRAP_MAX_WIDTH = 110


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was cut at, or None for a text whose paragraphs are whole lines."""
    long = sorted(len(ln) for ln in lines if len(ln) >= WRAP_LONG and "|" not in ln)
    if len(long) < 4:
        return None
    width = long[int(0.9 * (len(long) - 1))]
    if width > WRAP_MAX_WIDTH or sum(n > width * 1.3 for n in long) > 0.05 * len(long):
        return None
    if sum(n >= width * WRAP_SPREAD for n in long) < 4:
        return None
    return width


def lines_of(text: str) -> list[str]:
    """Non-empty lines; tables rewritten as item lines; running heads and page numbers dropped."""
    # (a portal's section and time glued to the lead paragraph: "… sau sáp nhậpThời sự - 26/04 19:05Ban Tổ chức …")
    text = GLUED_TIME.sub("\n", text)
    raw = [ln.strip() for ln in text.split("\n")]
    for i in range(len(raw) - 2):
        # a paragraph of running text, a blank line, a capitalised paragraph: the first one has ended even
        # where a portal copy lost its full stop (wrapped PDF lines are far shorter)
        if len(raw[i]) >= PARAGRAPH_MIN and not raw[i + 1] and raw[i + 2][:1].isupper() and \
                re.search(r"[\w%\d]$", raw[i]):
            raw[i] += "."
        elif HEADLINE_MIN <= len(raw[i]) < PARAGRAPH_MIN and not raw[i + 1] and raw[i + 2][:1].isupper() and \
                len(raw[i + 2]) >= PARAGRAPH_MIN and i > 0 and not raw[i - 1] and any(raw[:i]) and \
                re.search(r"[\w%\d]$", raw[i]) and HEADLINE_GLUES.search(raw[i]):
            # a headline of its own paragraph, with no stop, between the paragraphs of a news text, that would lend
            # the paragraph below its date or its speaker ("Quyết tâm … để đến ngày 31/12/2025 hoàn thành …", "Thủ
            # tướng: Bộ trưởng phải chịu trách nhiệm" / "" / "Tại phiên họp, …"): a title, no part of that paragraph
            raw[i] = ""
    kept: list[str] = []
    for ln in raw:
        ln = OCR_DASH.sub("- ", OCR_SPECK.sub("", ln))
        if not ln or re.fullmatch(r"[-_=.*\s]+", ln) or CAPTION.search(ln) or PAGE_CHROME.match(ln.lstrip("•●▪◦· ")) \
                or PAGE_MARK.match(ln) or WEEKDAY_DATELINE.match(ln):
            if ln and CAPTION.search(ln) and ln[:1].islower() and kept and not re.search(r"[.:;!?]$", kept[-1]):
                kept.pop()  # a wrapped caption's first line ("… giao nhiệm vụ cho các phòng," / "ngành. Ảnh: …")
            continue
        cell_date = bool(kept) and re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", ln) is not None and \
            re.search(r"\b(?:ngày|[Tt]rước|đến)$", kept[-1]) is not None
        if RUNNING_HEAD.match(ln.lstrip("•●▪◦· ")) and not cell_date:
            continue  # but "Trước ngày" / "15/10/2026": a table cell wrapped before its date
        kept.append(ln)
    raw = kept
    out: list[str] = []
    for ln in item_fields(rewrite_tables(raw)):
        if "|" in ln:
            out.extend(p.strip() for p in ln.split("|") if p.strip())
        elif not re.fullmatch(r"\d{1,3}", ln):  # a page number
            out.append(ln)
    return out


# ---------------------------------------------------------------- metadata

# ("Số: 12/2024/QĐ-UBND": a legal document's number carries its year; "Số: 91 /UBND -TH": spaces inside the symbol;
# "Số: 66.3/2025/NQ-CP": one of a numbered series of resolutions)
NUMBER_RE = re.compile(r"(?:^|\s)Số\s*[:.]?\s*(?P<n>\d{0,6}(?:\.\d{1,3}(?=\s*/))?(?:\s*/\s*(?:19|20)\d\d)?\s*[/-]\s*"
                       r"[A-ZĐ][A-Za-zĐđ0-9&.\-/]*"
                       r"(?:[ \t]+[/-][ \t]*[A-ZĐ][A-Za-zĐđ0-9&.\-/]*)*)(?![a-zà-ỹ])", re.U | re.M)
PLACE_DATE_RE = re.compile(r"(?P<place>[A-ZĐ][^\n,]{1,40}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})\s*"
                           r"năm\s*(?P<y>\d{4})", re.U)
HEADER_DATE_RE = re.compile(r"\bNgày\s*(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})")
REF_RE = re.compile(r"(?<![\w/])(\d{1,5}(?:/\d{4})?[/-][A-ZĐ][A-ZĐ0-9&]*(?:[-/][A-ZĐ0-9&]+)*)", re.U)
AUTHORITY_RE = re.compile(r"^(?:TM|KT|TL|TUQ|Q|K/T|T/M|T/L)\s*[.:/]", re.U)
NAME_WORD = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
NAME_RE = re.compile(rf"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}}$", re.U)
SIGN_TITLES = re.compile(r"^(?:PHÓ\s+)?(?:CHỦ\s*TỊCH|GIÁM\s*ĐỐC|BỘ\s*TRƯỞNG|THỦ\s*TƯỚNG|THỨ\s*TRƯỞNG|"
                         r"CHÁNH\s*VĂN\s*PHÒNG|"
                         r"VĂN\s*PHÒNG|TRƯỞNG\s*BAN|BÍ\s*THƯ|CỤC\s*TRƯỞNG|VỤ\s*TRƯỞNG|THỦ\s*TRƯỞNG|TỔNG\s*GIÁM\s*ĐỐC)",
                         re.U)
WORKED_WITH_RE = re.compile(r"(?:buổi\s*)?làm\s*việc\s*với\s+(?P<u>[^.;,\n]+?)(?:\s*$|[.;,\n])", re.U)
# The closing formula that names the doers: "Căn cứ Thông báo này, X triển khai thực hiện",
# "Yêu cầu các phòng, đơn vị trực thuộc Sở nghiêm túc triển khai thực hiện".
CLOSING_LEAD_RE = re.compile(
    r"(?:Căn\s*cứ\s*(?:nội\s*dung\s*)?(?:Thông\s*báo|văn\s*bản|Kế\s*hoạch|ý\s*kiến\s*chỉ\s*đạo)\s*(?:kết\s*luận\s*)?"
    r"(?:này|trên),|(?:Yêu\s*cầu|Đề\s*nghị))\s*(?P<u>.+?)\s+(?:nghiêm\s*túc\s+)?"
    r"(?:triển\s*khai|tổ\s*chức|khẩn\s*trương|chủ\s*động|thực\s*hiện)", re.U)
# … and the issuer's call in a closing line (`_closes_body`), perhaps after what it rests on: "Căn cứ nội dung trên, đề
# nghị X triển khai thực hiện./.", "Với các nội dung như trên, Sở Công Thương đề nghị X quan tâm, phối hợp …./.",
# "Sở Y đề nghị X nghiêm túc triển khai thực hiện các nội dung trên./."
CLOSING_CALL_LEAD_RE = re.compile(
    r"^(?:(?:Căn\s*cứ|Với|Trên\s*cơ\s*sở)\s[^.;:]{0,60}?\btrên\s*,\s*)?(?:[A-ZĐÀ-Ỹ][^.;:,]{0,80}?\s)?"
    r"(?:yêu\s*cầu|đề\s*nghị)\s*(?P<u>.+?)\s+(?:nghiêm\s*túc\s+)?(?:quan\s*tâm\s*,?\s*)?"
    r"(?:triển\s*khai|tổ\s*chức|khẩn\s*trương|chủ\s*động|thực\s*hiện|phối\s*hợp)", re.U)
# (a call that hands over the whole document: it ends it ("./.") or names what was said above; not the last duty,
# "Bộ X yêu cầu các đơn vị thực hiện nghiêm túc báo cáo thống kê …, gửi báo cáo …")
CALL_ON_ABOVE = re.compile(r"\b(?:nội\s*dung\s*(?:như\s*|nêu\s*)?trên|(?:Kế\s*hoạch|Thông\s*báo|văn\s*bản|"
                           r"Công\s*văn)\s*(?:này|trên))\b", re.U)
FINAL_CALL = re.compile(rf"\./\.\s*$|{CALL_ON_ABOVE.pattern}", re.U)


# the header of a plan issued with a decision: "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 …)"
ATTACHED_TO = re.compile(r"\(\s*(?:[Bb]an\s*hành\s*)?[Kk]èm\s*theo\s*(?:Quyết\s*định|Nghị\s*quyết|Chỉ\s*thị)\s*số\s*"
                         r"(?P<n>\d{1,6}\s*/\s*(?:(?:19|20)\d\d\s*/\s*)?[A-ZĐ][A-Za-zĐđ0-9&\-/]*)"
                         r"(?:\s*,?\s*[Nn]gày\s*(?P<d>\d{1,2})\s*(?:tháng|/|-|\.)\s*(?P<m>\d{1,2})\s*(?:năm|/|-|\.)\s*"
                         r"(?P<y>\d{4}))?", re.U)


# A portal rendition names its own number in the text: "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023)",
# "Thủ tướng Chính phủ vừa có Công điện số 149/CĐ-TTg ngày 28/8/2025".
OWN_NUMBER_RE = re.compile(
    r"(?:\(Theo|vừa\s*(?:có|ban\s*hành)|đã\s*ban\s*hành|ban\s*hành)\s+(?:Công\s*văn|Công\s*điện|Thông\s*báo|"
    r"Quyết\s*định|Kế\s*hoạch|Chỉ\s*thị|Văn\s*bản)\s*(?:số\s*)?(?P<n>\d+\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&\-/]*)"
    r"(?:,?\s*ngày\s*(?P<d>\d{1,2}/\d{1,2}/\d{4}))?", re.U)


# A rendition (portal, news) that tells its own number in the opening lines: "Công văn số 1127-CV/HU",
# "Công văn số: 3150/VPCP-NN", "(số 3018/UBND-KTN)", "(3585/VP-KTN, ngày 23/10/2017)", "Công văn số 1238 ngày
# 8/11/2016"; or at the end: "Xem chi tiết tại Công văn 369/UBND-KT".
TOLD_NUMBER_RE = re.compile(
    r"(?:(?i:Công\s*văn|Công\s*điện|Thông\s*báo|Kế\s*hoạch|Quyết\s*định|Chỉ\s*thị|Văn\s*bản|Hướng\s*dẫn|Kết\s*luận)"
    r"\s*(?:\(?\s*số)?\s*:?|\(\s*số|^\S.{0,200}\()\s*"
    r"(?P<n>\d{1,6}(?:\s*[/-]\s*[A-ZĐ][A-Za-zĐđ0-9&]*(?:\s*[/-]\s*[A-ZĐ][A-Za-zĐđ0-9&]*)*)?)"
    r"(?=[\s,.;)]|$)(?:\s*,?\s*ngày\s*(?P<d>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}))?", re.U | re.M)
CITED_BEFORE = re.compile(r"(?:(?i:thực\s*hiện|căn\s*cứ|triển\s*khai)|theo|tại|của|Theo|Tại|và|Xét|về)\s*$", re.U)
DATE_BEFORE = re.compile(r"Ngày\s*(?P<d>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})[^.;]{0,120}$", re.U)


def _told_number(text: str) -> tuple[str | None, dt.date | None]:
    opening = text[:700]
    for m in TOLD_NUMBER_RE.finditer(opening):
        told_after = DATE_BEFORE.search(opening[max(0, m.start() - 160): m.start()])
        if "/" not in m.group("n") and "-" not in m.group("n") and not m.group("d") and not (
                told_after and re.search(r"\s(?:có|ban\s*hành|gửi)\s*$", opening[: m.start()])):
            continue  # a bare number needs its date: "Công văn số 1238 ngày 8/11/2016", "Ngày 26/7, X có Công văn 4424"
        if CITED_BEFORE.search(opening[max(0, m.start() - 20): m.start()]):
            continue  # a cited document: "Thực hiện Công văn số …"
        day = m.group("d") or ((b := DATE_BEFORE.search(opening[: m.start()])) and b.group("d")) or None
        return re.sub(r"\s+", "", m.group("n")), parse_date_phrase(re.sub(r"\s+", "", day)) if day else None
    tail = re.search(r"Xem\s*(?:chi\s*tiết|toàn\s*văn)\s*(?:tại\s*)?(?:Công\s*văn|văn\s*bản|Thông\s*báo|Quyết\s*định)"
                     r"\s*(?:số\s*)?(?P<n>\d{1,6}\s*/\s*[A-ZĐ][A-Za-zĐđ0-9&\-/]*)", text)
    return (re.sub(r"\s+", "", tail.group("n")), None) if tail else (None, None)


# A scan's number line whose "Số" the OCR lost ("$6:990/TB-TCT Hà Nội, ngày …"): the symbol that stands just before
# the place and date on the header line; OCR also spaces digits ("8 5 2 0/BCT-KHCN") and drops the slash after a
# legal document's year ("19/2026NQ-CP")
SCANNED_NUMBER_RE = re.compile(r"(?:^|[\s:])(?P<n>\d(?:\s?\d){0,5}\s*/\s*(?:(?:19|20)\d\d\s*/?\s*)?[A-ZĐ][A-ZĐ0-9&]*"
                               r"(?:\s*[/-]\s*[A-ZĐ][A-Za-zĐđ0-9&]*)+)[ \t]+[A-ZĐ][^\n,]{1,40},\s*ng",
                               re.U | re.M)


def _number(head: str) -> str | None:
    m = NUMBER_RE.search(head) or SCANNED_NUMBER_RE.search(head)
    if not m:
        return None
    return re.sub(r"(/(?:19|20)\d\d)(?=[A-ZĐ])", r"\1/", re.sub(r"\s+", "", m.group("n"))).rstrip(".-")


def _date_and_place(head: str) -> tuple[dt.date | None, str | None]:
    head = mend_split_date(head)  # "ngày 26 tháng 0 6 năm 2018"
    m = next((c for c in PLACE_DATE_RE.finditer(head)
              # "Thứ tư, ngày 15 tháng 01 năm 2025": a portal page's own date, not the document's
              if not re.match(r"(?:Thứ\s*(?:hai|ba|tư|năm|sáu|bảy|\d)|Chủ\s*nhật)\s*$", c.group("place").strip(),
                              re.I)), None)
    if m:
        place = m.group("place").strip()
        if m.group("d"):
            try:
                return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), place
            except ValueError:
                return None, place
        return None, place
    number_line = next((ln for ln in head.split("\n") if re.match(r"^Số\b", ln)), "")
    m = HEADER_DATE_RE.search(number_line)
    if m:
        try:
            return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), None
        except ValueError:
            pass
    return None, None


# where a header line's left column (the issuing body) ends: the motto, the party's name, the number, a table cell
HEADER_RIGHT = re.compile(r"\s*(?:\||\bC[ỘO]NG\s*(?:H(?:[OÒÕÓỎ]A|O[ÀÁẢÃA])\b|$)|"
                          r"^H(?:[OÒÕÓỎ]A|O[ÀÁẢÃA])\s+X[ÃA]\s+H[ỘO]I\b|\bĐ[ẢÁÀA]NG\s*C[ỘÔO]NG\s*S[ẢÁA]N\b|\bĐộc\s*[Ll]ập\b|"
                          r"(?<=\S)\s+Số\s*[:.])", re.U)


# a department named after its parent body on the same header line
ONE_LINE_UNIT = re.compile(r"^(?:UBND|ỦY\s*BAN|UỶ\s*BAN|BỘ)\s[^|]{0,60}?(?<!VĂN)\s+"
                           r"(?=(?:SỞ|PHÒNG|CHI\s*CỤC|TRUNG\s*TÂM)\s+\S)", re.U)


def _issuer(lines: list[str]) -> str | None:
    """The issuing body as written in the header, in ordinary case: "UBND TỈNH LÀO CAI" → "UBND tỉnh Lào Cai".
    A bare office line under it ("VĂN PHÒNG") belongs to that body; a named unit ("SỞ TÀI CHÍNH") issues."""
    out: list[str] = []
    for ln in lines[:6]:
        # (a header copied as one row, or read across its columns: "ỦY BAN NHÂN DÂN TỈNH X Số: /TB-UBND | CỘNG HÒA …",
        # "UBND TỈNH X CỘNG HÕA XÃ HỘI …" / "SỞ CÔNG THƯƠNG Độc lập - Tự do - Hạnh phúc": the body's name ends there)
        ln = HEADER_RIGHT.split(ln, maxsplit=1)[0].rstrip()
        if not ln or ln.startswith("Số") or not ln.isupper() or _KIND_RE.match(ln):
            break
        out.append(re.split(r"\s{3,}", ln)[0].strip(" *-_"))
    out = [o for o in out if o]
    if not out:
        return None
    if len(out) == 1 and (unit := ONE_LINE_UNIT.search(out[0])) is not None:
        out = [out[0][unit.end():]]  # "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG" on one line: the department issues
    if len(out) > 1 and re.fullmatch(r"(?:VĂN\s*PHÒNG|VP)", out[-1]):
        out = out[:-1]
    elif len(out) > 1 and re.match(r"^(?:SỞ|BAN(?!\s*NHÂN\s*DÂN)|PHÒNG|CỤC|VỤ|TRUNG\s*TÂM|CHI\s*CỤC|BỘ\s*CHỈ\s*HUY)"
                                   r"\s+\S", out[-1]):
        out = out[-1:]
    return unit_case(" ".join(out))


# a header line that is no part of the subject above it
SUBJECT_STOP = re.compile(r"^(?:Kính\b|Số\b|C[ỘO]NG\b|Độc\s*lập|[^,]{2,30},\s*ngày\b|Ngày\b|\(|V/v)", re.I | re.U)
SUBJECT_COLUMN = 60  # characters: a subject set in the header's left column wraps within this width


def _subject_lines(first: str, after: list[str]) -> str:
    """The subject after "V/v", with the lines it wraps onto in the header's left column ("V/v triển khai thực hiện
    thủ tục cấp" / "Giấy phép vận chuyển hàng hoá nguy" / "hiểm loại 1,2,3,4,9"): short lines, while the one above
    does not end its sentence and no other header line ("Kính gửi", the place and date, the motto) comes."""
    out = [first]
    for ln in after[:3]:
        ln = ln.strip()
        if not ln or len(out[-1]) > SUBJECT_COLUMN or len(ln) > SUBJECT_COLUMN or re.search(r"[.:;]$", out[-1]) or \
                SUBJECT_STOP.match(ln) or ln.isupper() or _marker(ln) is not None:
            break
        out.append(ln)
    return " ".join(out)


def _chrome_title(lines: list[str], i: int) -> bool:
    """A kind word on a line of its own below the article and above nothing but page chrome: a portal's menu or
    sidebar ("… Thủy Loan / THÔNG BÁO / Liên kết các website / Thống kê truy cập"), not the document's title — the
    body is above it (a title has at most the header's short lines above it, and its body below)."""
    return any(len(ln) > 200 for ln in lines[:i]) and not any(len(ln) > 80 for ln in lines[i + 1:i + 15])


def _kind(lines: list[str], text: str) -> tuple[str | None, int]:
    for i, ln in enumerate(lines[:40]):
        m = _KIND_RE.match(ln)
        if m and (ln.isupper() or len(ln) < 20) and not _chrome_title(lines, i):
            return m.group(0), i
    if re.search(r"\bV/v\b", text[:2000]):
        return "CÔNG VĂN", -1
    return None, -1


# the first words of a body paragraph under a subject: "Trong những năm qua, …", "Thời gian qua, …", "Nhằm …"
BODY_OPENING = re.compile(r"^(?:Trong\s+(?:những|thời\s*gian|năm|các\s*năm|quá\s*trình|bối\s*cảnh)|"
                          r"Những\s*năm\s*(?:qua|gần)|Thời\s*gian\s*(?:qua|vừa\s*qua|gần\s*đây)|Hiện\s*nay\b|"
                          r"Nhằm\b|Qua\s+\S+\s+(?:năm|tháng)|Năm\s*\d{4}\s*,|Nhận\s*thức\b)", re.U)
# the issuing body named under the kind of a Party document ("NGHỊ QUYẾT" / "CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về …"):
# not the subject
ISSUED_BY_LINE = re.compile(r"^CỦA\s+\w", re.U)


def _subject_after(lines: list[str], kind_index: int) -> list[str]:
    """The subject lines under the document kind ("THÔNG BÁO / Kết luận của đồng chí …")."""
    out: list[str] = []
    for ln in lines[kind_index + 1: kind_index + 6]:
        mark = _marker(ln)
        if ln.rstrip().endswith(":") and len(ln) > 40:
            break  # a lead-in ("…, cụ thể như sau:"), not a subject
        if out and (ln.isupper() or ln.rstrip().endswith(".") and len(ln) > 120):
            break  # the authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), a body sentence
        if len(ln) > 200 or re.match(r"^(Kính\s*gửi|Ngày\s*\d|Căn\s*cứ|Thực\s*hiện|Số\b|Điều\s*\d|Hôm\s*nay|"
                                     r"Sau\s*khi|Vừa\s*qua|Tại\s|Trên\s*cơ\s*sở|Xét\b|Theo\b|Để\b)", ln) or (
                out and BODY_OPENING.match(ln)) or (
                mark is not None and mark[0] != "heading"):
            break
        out.append(ln)
    return out


def _salutation_joined(lines: list[str]) -> list[str]:
    """"Kính" / "gửi:" wrapped onto two lines (a two-column header copied from a portal) read as one line."""
    for i, ln in enumerate(lines[:60]):
        if ln.strip() == "Kính" and i + 1 < len(lines) and re.match(r"gửi\s*[:.]", lines[i + 1]):
            return [*lines[:i], f"Kính {lines[i + 1]}", *lines[i + 2:]]
    return lines


# the body's first sentence read onto the addressee's line (an OCR'd or flattened letter): "Kính gửi: Sở Y tế các
# tỉnh (danh sách kèm theo) Thực hiện chỉ đạo của Bộ trưởng …, Cục … đề nghị …" — the addressee ends before it
BODY_GLUED = re.compile(r"(?<=[\w)])\s+(?=(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Theo\s+đề\s+nghị|Theo\s+chỉ\s+đạo|"
                        r"Nhằm|Để\s+(?:kịp\s+thời|triển\s+khai|thực\s+hiện|chuẩn\s+bị|bảo\s+đảm|đảm\s+bảo))\s)", re.U)


def _addressees(lines: list[str]) -> list[str]:
    for i, ln in enumerate(lines[:60]):
        m = re.match(r"^Kính\s*gửi\s*[:.]?\s*(?P<rest>.*)$", ln, re.U)
        if not m:
            continue
        rest = m.group("rest")
        if glued := BODY_GLUED.search(rest):
            rest = rest[:glued.start()]
        rest = rest.strip(" ;.")
        if ";" in rest:  # "Kính gửi: - Các sở, ban, ngành; - Ủy ban MTTQ tỉnh" on one line
            return [p.strip(" -+;.,") for p in re.split(r";\s*", rest) if p.strip(" -+;.,")]
        if rest and not names_addressee(rest):
            rest = ""  # a scan's noise after "Kính gửi:" ("DA ä"): the dash list below names the addressees
        if rest and not rest.startswith(("-", "+")):
            return _addressee_line_units(rest)
        if not rest and (bare := _bare_addressees(lines[i + 1: i + 8])):
            return bare  # "Kính gửi:" / "Bộ Giáo dục và Đào tạo.": the names on the lines below, with no dash
        out = [rest.lstrip("-+ ").strip(" ;.,")] if rest else []
        for j in range(i + 1, min(len(lines), i + 30)):
            nxt = lines[j]
            if out and out[-1] and not nxt.startswith(("-", "+", "•")) and _addressee_wrap(lines, j):
                # "- Các bộ, cơ quan ngang bộ, cơ quan" / "thuộc Chính phủ;": the name wrapped onto the next line
                out[-1] = f"{out[-1]} {nxt.strip(' ;.,')}"
                continue
            if not nxt.startswith(("-", "+", "•")):
                break
            out.append(nxt.lstrip("-+• ").strip(" ;.,"))
        return [o for o in out if o]
    return []


def _bare_addressees(lines: list[str]) -> list[str]:
    """The addressees on the lines after a bare "Kính gửi:" where they carry no dash: "Bộ Giáo dục và Đào tạo.", or
    "Sở Tài chính;" / "Ủy ban nhân dân các huyện." — a short line that names a unit, then more while a line ends with
    ';' or ','; none where the first line is a dash list's (read by the caller) or no name."""
    out: list[str] = []
    for ln in lines:
        name = ln.strip()
        if not name or name.startswith(("-", "+", "•")) or len(name) > 150 or not names_addressee(name) or \
                not UNIT_START.match(name):
            break
        out += _addressee_line_units(name)
        if not name.endswith((";", ",")):
            break
    return out


def _addressee_line_units(line: str) -> list[str]:
    """The units of an addressee line written out (no dash): each ';' part, split where each part is a unit."""
    parts = [p.strip(" ;.,") for p in re.split(r";", line) if p.strip(" ;.,")]
    return [u for p in parts for u in (split_units(p) or [p])]


# "Nơi nhận:" and its OCR readings (".Nới nhận:", "Not nhận:")
RECIPIENTS_HEAD = re.compile(r"^[.\s]{0,2}N(?:ơi|oi|ới|ời|ơí|ọi|ói|ot|ơ)\s*nh[ậâaăấầ]n\b", re.U)


def _signature_lines(lines: list[str]) -> list[str]:
    """From "Nơi nhận" on, two-column layouts ("Nơi nhận:        KT. CHỦ TỊCH") become one column."""
    start = next((i for i, ln in enumerate(lines) if RECIPIENTS_HEAD.match(ln)), len(lines))
    out = lines[:start]
    for ln in lines[start:]:
        # "Nơi nhận: GIÁM ĐỐC" when the two columns were flattened onto one line
        ln = re.sub(r"^(Nơi\s*nhận\s*:?)\s+(?=(?:TM|KT|TL|TUQ|Q)\s*\.|[A-ZĐÀ-Ỹ]{2,}(?:\s+[A-ZĐÀ-Ỹ]{2,})*\s*$)",
                    r"\1   ", ln)
        out.extend(p.strip() for p in re.split(r"\s{3,}", ln) if p.strip())
    return out


def _signer(lines: list[str]) -> tuple[str | None, str | None]:
    """The name under the authority line (TM., KT., TL. … or the title); else the last name-like
    line of the document, where the signature stands."""
    lines = _signature_lines(lines)
    authority = None
    last_name = None
    for i, ln in enumerate(lines):
        if AUTHORITY_RE.match(ln) or SIGN_TITLES.match(ln):
            authority_here = ln.split(".")[0] if AUTHORITY_RE.match(ln) else None
            own = TRAILING_NAME.search(ln.rstrip(" .*"))
            if own and own.group("name").split()[0] in SURNAMES and own.start() > 0:
                # "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Quốc Trị": a table cell holds the whole block
                last_name, authority = own.group("name"), authority_here or authority
                if AUTHORITY_RE.match(ln):
                    break
                continue
            for nxt in lines[i + 1: i + 16]:
                cand = re.sub(r"^(?:Đ/c|Đồng chí)\s*", "", nxt.strip(" .*"))
                if NAME_RE.match(cand):
                    last_name = cand
                    authority = authority_here or authority
                    break
    if last_name is None:
        # a rendition tells who signed: "đồng chí Lê Văn Ngoan, Phó Bí thư Thường trực Huyện ủy đã ký ban hành …"
        for signed in SIGNED_BY.finditer(" ".join(lines)):
            if signed.group("name").split()[0] in SURNAMES:
                return signed.group("name"), None
        for ln in reversed(lines[-15:]):
            cand = ln.strip(" .*")
            if NAME_RE.match(cand):
                return cand, None
        # columns merged into one line: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Thành Sinh",
        # "- VPUB: CVP, các PCVP, Vũ Đại Thắng"
        tail_start = next((i for i, ln in enumerate(lines) if RECIPIENTS_HEAD.match(ln)), max(0, len(lines) - 25))
        for ln in reversed(lines[tail_start:]):
            m = TRAILING_NAME.search(ln.rstrip(" .*"))
            if m and m.group("name").split()[0] in SURNAMES:
                auth = AUTHORITY_ANYWHERE.search(ln)
                return m.group("name"), auth.group(1) if auth else None
    return last_name, authority


# "KT. CHỦ TỊCH", "TL. GIÁM ĐỐC", "TUQ. BỘ TRƯỞNG": signed on behalf of an office holder (not "TM. ỦY BAN …", a body)
SIGNED_FOR = re.compile(r"^(?:KT|TL|TUQ|K/T|T/L)\s*[.:/]\s*(?P<t>(?:PHÓ\s+)?(?:CHỦ\s*TỊCH|GIÁM\s*ĐỐC|BỘ\s*TRƯỞNG|"
                        r"THỦ\s*TƯỚNG|TỔNG\s*GIÁM\s*ĐỐC|CỤC\s*TRƯỞNG|VỤ\s*TRƯỞNG|TRƯỞNG\s*BAN|BÍ\s*THƯ|"
                        r"VIỆN\s*TRƯỞNG|CHÁNH\s*ÁN|HIỆU\s*TRƯỞNG))\s*$", re.U)


def _signed_for(lines: list[str]) -> str | None:
    """The office on whose behalf the notice was signed: "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG / name" → "Giám đốc"."""
    for ln in _signature_lines(lines):
        if m := SIGNED_FOR.match(ln.strip(" *")):
            return " ".join(m.group("t").split()).capitalize()
    return None


SIGNED_BY = re.compile(rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s*,\s*[^.;]{{0,120}}?\b(?:đã\s*)?ký\s*"
                       r"(?:ban\s*hành|văn\s*bản|công\s*văn|thông\s*báo|kết\s*luận|quyết\s*định|kế\s*hoạch)", re.U)
TRAILING_NAME = re.compile(rf"(?:^|[\s,:])(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}})$", re.U)
AUTHORITY_ANYWHERE = re.compile(r"\b(TM|KT|TL|TUQ)\.\s*[A-ZĐ]")
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lâm Mai Trịnh Trương "
    "Lương Tạ Hà Tô Cao Chu Lại Quách La Thái Kiều Đoàn Lưu Triệu Vương Tăng Châu Giang Âu Nông Lò Hứa Mạc "
    "Thân Khúc Phùng Từ Kim Cù Đàm Lục Nghiêm Tống Ninh Đồng Khổng Doãn Ông Tôn Thạch Quan Sầm Vi Lường "
    "Cầm Hầu Bế Ma Hồng Diệp Văn Lã Phó Mẫn Lữ Giáp Trình Viên Uông Tiêu Bạch Lục".split())


def _references(text: str, own: str | None) -> list[str]:
    refs: list[str] = []
    for m in REF_RE.finditer(text):
        ref = m.group(1)
        if ref != own and ref not in refs and not re.fullmatch(r"[\d/.-]+", ref):
            refs.append(ref)
    return refs


def read_task(text: str, *, ref: str, issued_on: dt.date | None) -> ParsedTask:
    """One task an admin types into a draft ("thêm: Sở Nội vụ rà soát …, trước ngày 20/5"): its units,
    deadline and recurrence read as in a notice item (a day without a year counts from `issued_on`).
    It is a task because the admin says so: no filter decides otherwise."""
    return _task(ref, clean_text(nfc(text)).strip(), issued_on=issued_on, ctx=_Context(leads=(), supports=()),
                 parent=None, depth=1)


# ---------------------------------------------------------------- items

@dataclass
class Node:
    kind: str  # roman, num, letter, paren, dash, plus, bullet, heading
    label: str
    rank: int
    lines: list[str]
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    # who acts for the items of this group, named by a line after them ("Trách nhiệm chỉ đạo thực hiện: X; Y.")
    owners: list[str] = field(default_factory=list)
    owner_supports: list[str] = field(default_factory=list)
    note: bool = False  # an item under a "Ghi chú:" line: it explains the items above
    # the leaders who oversee the items of this group ("Lãnh đạo phụ trách: Phó Giám đốc X, Phó Giám đốc Y.")
    leaders: list[str] = field(default_factory=list)
    # the time line of a plan section that names its doers after the work ("3. Thời gian thực hiện: Tháng 12/2013")
    owner_time: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def head(self) -> str:
        """The item's first line — with the next one when the first stops on a dash or a comma, a heading that
        wraps inside a list of units ("17. UBND các phường: Ba Đình, Văn Miếu –" / "Quốc Tử Giám và UBND xã A.")."""
        if self.head_span == 2:
            return f"{self.lines[0].rstrip()} {self.lines[1].strip()}"
        return self.lines[0]

    @property
    def head_span(self) -> int:
        """How many of the item's lines its head takes (1, or 2 for a heading wrapped on a dash or a comma)."""
        return 2 if len(self.lines) > 1 and _WRAPS_ON.search(self.lines[0]) else 1


_WRAPS_ON = re.compile(r"[–,-]\s*$")


MARKERS = [
    ("article", re.compile(r"^Điều\s*(?P<m>\d{1,3})\s*[.:]\s*(?=\S)")),  # "Điều 3. Nhiệm vụ …" of a decision
    # (not a quarter wrapped onto a line of its own: "… nhiệm vụ quý" / "IV/2025")
    ("roman", re.compile(r"^(?P<m>[IVX]{1,4})\s*[.)/-]\s*(?=\S)(?!(?:19|20)\d\d\b)")),
    ("num", re.compile(r"^(?P<m>\d{1,3}(?:\.\d{1,3}){1,3})\.?\)?\s+(?=\S)")),
    ("num", re.compile(r"^(?P<m>\d{1,3})\s*[.)]\s*(?=\D)")),
    # "1/ Tăng cường …", "a/ Rà soát …": the slash numbering of many (older, typed) documents; a space must
    # follow, so a date or a symbol ("15/10/2016", "12/TB-UBND", an OCR cut "12/ UBND-KT") never reads as one
    ("num", re.compile(r"^(?P<m>\d{1,2})\s*/\s+(?=[^\d\s])(?![A-ZĐ]{2,}\b)")),
    ("letter", re.compile(r"^(?P<m>[a-zđ])\s*(?:[).]|/(?=\s))\s+(?=\S)")),
    ("paren", re.compile(r"^\((?P<m>\d{1,2}|[ivx]{1,4}|[a-zđ])\)\.?\s*(?=\S)")),  # "(2)", "(b)", "(iii)."
    ("dash", re.compile(r"^[-]\s*(?=\S)")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
    ("bullet", re.compile(r"^[•●▪◦·*]\s*(?=\S)")),
]
_RANK = {"article": 0, "roman": 0, "letter": 5, "paren": 6, "dash": 7, "plus": 8, "bullet": 9}


def _marker(line: str) -> tuple[str, str, int, str] | None:
    for kind, rx in MARKERS:
        m = rx.match(line)
        if m:
            label = m.groupdict().get("m") or ""
            rank = 1 + label.count(".") if kind == "num" else _RANK[kind]
            return kind, label, rank, line[m.end():].strip()
    if _caps_title(line) and 6 < len(line) < 120 and not _KIND_RE.match(line) and re.search(r"[A-ZĐ]{3}", line):
        return "heading", "", 0, line
    return None


def _caps_title(line: str) -> bool:
    """An upper-case title ("NHIỆM VỤ TRỌNG TÂM"), not a wrapped document symbol ("36/2025/TT-BNNMT;")."""
    return line.isupper() and not line[:1].isdigit() and \
        re.search(r"[A-ZĐÀ-Ỹ]{2,}\s+[A-ZĐÀ-Ỹ]", line) is not None


# Labels of an activity's fields ("- Địa điểm: …", "Đơn vị chủ trì: …"): they belong to the item above.
_FIELDS = (
    r"Thời\s*gian(?:\s*\w+){0,2}|Địa\s*điểm(?:\s*\w+){0,2}|(?:Đơn\s*vị|Cơ\s*quan)\s*(?:chủ\s*trì|phối\s*hợp|"
    r"thực\s*hiện)(?:\s*thực\s*hiện)?|Kinh\s*phí|Nguồn\s*kinh\s*phí|Hình\s*thức(?:\s*\w+){0,2}|"
    r"Thành\s*phần(?:\s*\w+){0,2}|Quy\s*mô|Sản\s*phẩm|Kết\s*quả|Thời\s*hạn(?:\s*hoàn\s*thành)?|Đối\s*tượng|"
    r"Số\s*lượng|Phạm\s*vi|Lãnh\s*đạo(?:\s+[A-ZĐÀ-Ỹ]\w*){0,2}\s*phụ\s*trách|Cá\s*nhân\s*phụ\s*trách(?:\s*chỉ\s*đạo)?"
)
FIELD_LABEL = re.compile(rf"^(?:{_FIELDS}|Tên\s*nhiệm\s*vụ)\s*:", re.I | re.U)
# Who oversees a group of items for the leadership: "Lãnh đạo phụ trách: Phó Giám đốc X, Phó Giám đốc Y.",
# "Lãnh đạo Sở phụ trách: Giám đốc Sở", "Cá nhân phụ trách chỉ đạo: đồng chí X" (a line of its own, or a table's cell)
LEADERS_FIELD = re.compile(r"(?:^|(?<=[.;]\s))(?:Lãnh\s*đạo(?:\s+[A-ZĐÀ-Ỹ]\w*){0,2}\s*(?:phụ\s*trách|chỉ\s*đạo)"
                           r"(?:\s*chỉ\s*đạo)?|Cá\s*nhân\s*phụ\s*trách(?:\s*chỉ\s*đạo)?)\s*:\s*(?P<who>[^;\n]+)",
                           re.I | re.U)


def leaders_in_charge(text: str) -> list[str]:
    """The leaders a "Lãnh đạo phụ trách: …" field names, one entry each ("Phó giám đốc Hoàng Văn Thuân",
    "Giám đốc Sở"), as written: split at commas, "và" and "/" between them."""
    m = LEADERS_FIELD.search(text)
    if m is None:
        return []
    who = m.group("who").strip()
    if (label := re.search(rf"\s(?=(?:{_FIELDS})\s*:)", who)) is not None:
        who = who[: label.start()]  # "… Phó Giám đốc Y Đơn vị chủ trì: …": a wrapped line ran into the next field
    who = re.sub(r"\s*\.+\s*$", "", who)
    parts = [re.sub(r"^(?:đồng\s*chí|đ/c)\s+", "", p.strip(" .,"), flags=re.I)
             for p in re.split(r",\s*|\s+và\s+|\s+/\s+", who)]
    return [p for p in parts if len(p) > 3]
# An item that describes rather than directs: "Cơ quan chỉ đạo: UBND thành phố", "Chủ đề: …",
# "Nội dung truyền thông: …" (the work itself is in the item above or below).
ATTRIBUTE_ITEM = re.compile(
    rf"^(?:{_FIELDS}|Danh\s*nghĩa(?:\s*\w+){{0,2}}|Cơ\s*quan\s*chỉ\s*đạo|Chủ\s*đề|Khẩu\s*hiệu|Ý\s*nghĩa|"
    r"Nội\s*dung(?:\s*\w+){0,2}|Phương\s*thức(?:\s*\w+){0,2}|Mục\s*đích|Mục\s*tiêu|"
    # a campaign's particulars: "Địa bàn triển khai: …", "Đối tượng tiêm phòng: …", "Quy trình tiêm: …"
    r"Địa\s*bàn(?:\s*\w+){0,2}|Đối\s*tượng(?:\s*\w+){0,2}|Quy\s*trình(?:\s*\w+){0,2}|"
    r"Thời\s*gian\s*bảo\s*hộ)\s*:", re.I | re.U)


# An ask to a named unit or person to pass the notice on to the people it concerns — "Đề nghị Đài truyền thanh xã, các
# đồng chí Trưởng thôn thông báo liên tục … để toàn thể nhân dân biết thực hiện./.", "Đề nghị Tổ trưởng các tổ dân phố
# thông báo cho các hộ gia đình trên địa bàn được biết và thực hiện." — is work of its own (the broadcast, the round of
# the houses), not the closing formula "… biết và thực hiện" it ends with; the issuer's own "UBND xã thông báo tới toàn
# thể nhân dân biết và thực hiện." asks nobody.
PASS_ON = (r"(?:[^.;:]{0,80}?\s)?(?i:đề\s*nghị|yêu\s*cầu|giao)\s+(?:cho\s+)?(?=[^.;:]{3,120}?\s"
           r"(?:thông\s*báo|tuyên\s*truyền|phổ\s*biến|thông\s*tin|niêm\s*yết)\s"
           r"(?:liên\s*tục\s+|rộng\s*rãi\s+|kịp\s*thời\s+)*(?:cho|đến|tới|trên|tại|để)\s[^.;:]{0,200}?\bbiết\b)")
PASS_ON_RE = re.compile(PASS_ON, re.U)


# Closing lines after the last item: who follows up, the call to carry it out, the courtesy formula.
# They are not a task and never part of the last one.
CLOSING_LINE = re.compile(
    r"^(?!" + PASS_ON + r")(?:(?:Văn\s*phòng|VP)[^.;:]{0,80}?\b(?:theo\s*dõi|đôn\s*đốc)\b[^.;:]{0,80}\.?|"
    r"(?:Yêu\s*cầu|Đề\s*nghị)\s[^.;:]{0,120}?\bnghiêm\s*túc\b[^.;:]{0,80}|"
    # (the addressees of the call may be a ';' list: "Yêu cầu Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân
    # các xã, phường; người đứng đầu … nghiêm túc tổ chức triển khai thực hiện./.")
    r"(?:Yêu\s*cầu|Đề\s*nghị)\s[^.:]{0,240}?\bnghiêm\s*túc\s+(?:tổ\s*chức\s+)?(?:triển\s*khai\s*)?thực\s*hiện(?=\./\.)|"
    # "Yêu cầu A, B, C triển khai thực hiện./.", "Ủy ban nhân dân tỉnh yêu cầu A, B triển khai thực hiện./.":
    # the call to carry out what was said above
    r"(?:[A-ZĐÀ-Ỹ][^.;:]{0,80}?\s(?:yêu\s*cầu|đề\s*nghị)|Yêu\s*cầu|Đề\s*nghị)\s[^.;:]{0,200}?\s"
    r"(?:nghiêm\s*túc\s+)?(?:triển\s*khai|tổ\s*chức)\s*thực\s*hiện"
    r"(?:\s*(?:nội\s*dung|Kế\s*hoạch|Thông\s*báo|văn\s*bản|Công\s*văn)\s*(?:này|trên))?(?=\./\.)|"
    # "Căn cứ Thông báo này, các sở, ngành triển khai thực hiện./.", "Căn cứ nội dung trên, đề nghị X tổ chức thực
    # hiện.": the formula that hands the document to its doers (who they are is read by CLOSING_LEAD_RE)
    r"Căn\s*cứ\s*(?:vào\s*)?(?:nội\s*dung\s*)?(?:Thông\s*báo|văn\s*bản|Kế\s*hoạch|Kết\s*luận|Công\s*văn|"
    r"ý\s*kiến\s*chỉ\s*đạo|nội\s*dung)\s*(?:kết\s*luận\s*)?(?:này|trên|nêu\s*trên)\s*,\s*[^.;:]{0,200}?\s"
    r"(?:nghiêm\s*túc\s+)?(?:triển\s*khai|tổ\s*chức)(?:\s*thực\s*hiện)?"
    r"(?:\s*(?:nội\s*dung|Kế\s*hoạch|Thông\s*báo|văn\s*bản|Công\s*văn)\s*(?:này|trên))?|"
    r"Trân\s*trọng[^.;:]{0,40}|[^.;:]{0,120}\b(?:trân\s*trọng\s*)?cảm\s*ơn\b[^.;:]{0,120}|"
    r"[^.;:]{0,160}\b(?:biết,?\s*(?:và\s*)?(?:thực\s*hiện|phối\s*hợp)|để\s*biết|thông\s*báo\s*để)[^.;:]{0,60})"
    r"(?:\.?/\.\S{0,2}|\.)?\s*$", re.U)  # ("/.p": the closing "./." as a scan's OCR may read it)


# The issuer's closing call after the items: "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành nghiêm túc triển khai thực
# hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn …", "X trân trọng đề nghị Y quan tâm, sớm xem xét./."
CLOSING_ASK = re.compile(r"^(?:[^.;:]{0,120}?\s)?(?:trân\s*trọng\s+)?(?:đề\s*nghị|yêu\s*cầu)\s+[^.;:]{0,200}?"
                         r"\b(?:nghiêm\s*túc\b|quan\s*tâm\s*(?:,|(?:thực\s*hiện|xem\s*xét|giải\s*quyết|phối\s*hợp)"
                         r"\s*(?:\./\.|\.|,|$)))", re.I | re.U)


def _closing_ask(line: str) -> bool:
    return CLOSING_ASK.match(line) is not None and not re.search(r"\d{1,2}\s*/\s*\d{1,2}|ngày\s*\d", line)


# A responsibility line that closes a group of bullets and names who acts for all of them:
# "Trách nhiệm chỉ đạo thực hiện: A; B.", "Cơ quan chủ trì: X", "Đơn vị thực hiện: X, Y", "Đơn vị phối hợp: Z".
RESPONSIBLE_AFTER = re.compile(
    r"^(?:Trách\s*nhiệm\s*(?:chỉ\s*đạo\s*)?(?:thực\s*hiện|chủ\s*trì|triển\s*khai)(?:\s*thực\s*hiện)?|"
    r"(?:Cơ\s*quan|Đơn\s*vị)\s*(?:chủ\s*trì|thực\s*hiện|chịu\s*trách\s*nhiệm)(?:\s*thực\s*hiện)?)\s*:\s*(?P<u>\S.*)$",
    re.I | re.U)
SUPPORT_AFTER = re.compile(r"^(?:Cơ\s*quan|Đơn\s*vị)\s*phối\s*hợp(?:\s*thực\s*hiện)?\s*:\s*(?P<u>\S.*)$", re.I | re.U)
GROUP_ITEM_KINDS = ("dash", "plus", "bullet", "letter", "paren")


def responsible_units(names: str) -> list[str]:
    """The units of a responsibility line: each ';' part whole ("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh" is one
    body), else the comma list split where each part is a unit."""
    names = re.sub(r"\s*(?:\./\.|[.;,])\s*$", "", names.strip())
    parts = [p.strip() for p in names.split(";") if p.strip()]
    if len(parts) > 1:
        return [re.sub(r"^(?:và|hoặc)\s+", "", p) for p in parts]
    return split_units(names) or ([names] if names else [])


def _closes_body(ln: str) -> bool:
    """The document's closing after its last item ("Trên đây là Kế hoạch …", "Yêu cầu … nghiêm túc triển khai …")."""
    return DOC_CLOSING.match(ln) is not None or CLOSING_LINE.match(ln) is not None or _closing_ask(ln) or \
        CONCLUSION_CLOSING.match(ln) is not None


def _closes_group(ln: str, nxt: str | None, current: Node, root: Node) -> Node | None:
    """The group a responsibility line after its bullets speaks for (the bullets' parent), if `ln` is one: it
    is followed by the next section or the end, not by another bullet (then it is the field of one bullet)."""
    nmk = _marker(nxt) if nxt is not None else None
    if nxt is not None and (nmk is None and not _closes_body(nxt) or nmk is not None and nmk[0] in GROUP_ITEM_KINDS):
        return None
    if current is root or current.kind not in GROUP_ITEM_KINDS or current.parent is None:
        return None
    if not (RESPONSIBLE_AFTER.match(ln) or SUPPORT_AFTER.match(ln)):
        return None
    group = current.parent
    if group is not root and any(c.kind not in GROUP_ITEM_KINDS for c in group.children):
        return None
    return group


# "Trên đây là ý kiến kết luận của đồng chí …. Văn phòng … thông báo đến … biết, thực hiện./.": the closing formula
# of a conclusion notice (one that asks a named unit is a task of its own, see OPINION_CLOSING below)
CONCLUSION_CLOSING = re.compile(r"^Trên\s*đây\s*là\s*(?:ý\s*kiến\s*)?(?:kết\s*luận|chỉ\s*đạo)\b", re.U)
OPINION_CLOSING = re.compile(r"^Trên\s*đây\s*là\s*(?:một\s*số\s*)?(?:ý\s*kiến|nội\s*dung\s*góp\s*ý)\b", re.U)
ASK_IN_CLOSING = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu)\s+(?:quý\s+)?(?=[A-ZĐÀ-Ỹ]|các\s)", re.U)
# "Trên đây là Kế hoạch của Sở X thực hiện … (ban hành kèm theo …). Yêu cầu các phòng … nghiêm túc triển khai thực
# hiện./.": the sentence that sums up the document is its closing formula, never work nor part of the last item; what
# follows it in the same paragraph is judged on its own (the call to carry it out is a closing too)
_DOC_KINDS = (r"Kế\s*hoạch|Thông\s*báo|Công\s*văn|Chương\s*trình|Báo\s*cáo|Quyết\s*định|Chỉ\s*thị|"
              r"Hướng\s*dẫn|Phương\s*án|Đề\s*án|Văn\s*bản")  # what a document calls itself in its closing
DOC_CLOSING = re.compile(r"^Trên\s*đây\s*là\s*(?:toàn\s*bộ\s*)?(?:nội\s*dung\s*)?(?:của\s*)?"
                         rf"(?:{_DOC_KINDS})\b", re.I | re.U)


# … and the call after it to carry the document out: "UBND thành phố đề nghị A, B phối hợp chỉ đạo triển khai; yêu cầu
# các sở, ngành thực hiện nghiêm các nhiệm vụ được giao trong Kế hoạch."
CARRY_OUT_CALL = re.compile(
    r"^(?:[^.;:]{0,120}?\s)?(?:đề\s*nghị|yêu\s*cầu)\s[^.]{0,300}?\b(?:nghiêm\s*túc|thực\s*hiện\s*nghiêm|"
    r"(?:tổ\s*chức\s*)?triển\s*khai(?:\s*thực\s*hiện)?|thực\s*hiện\s*(?:tốt|đầy\s*đủ))"
    r"(?=\s*(?:[;,.]|$|(?:các\s+)?(?:nhiệm\s*vụ|nội\s*dung|yêu\s*cầu)\b|"
    rf"(?:{_DOC_KINDS})\b))", re.I | re.U)


def _after_doc_closing(line: str) -> str | None:
    """What a paragraph opening with the document's summing-up sentence says after it ("" if nothing); None when the
    line does not open so."""
    if not DOC_CLOSING.match(line):
        return None
    depth = 0
    for m in re.finditer(r"[()]|(?<=[.;])\s+(?=[“\"]?[A-ZĐÀ-Ỹ])", line):
        if m.group() == "(":
            depth += 1
        elif m.group() == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            return line[m.end():].strip()
    return ""


NESTED_KINDS = ("letter", "paren", "dash", "plus", "bullet")
NOTES_LINE = re.compile(r"(?:\*\s*)?(?:Ghi\s*chú|GHI\s*CHÚ)\s*:?", re.U)


def build_tree(lines: list[str]) -> Node:
    root = Node(kind="root", label="", rank=-1, lines=[""])
    current = root
    stack = [root]
    note_rank: int | None = None  # the level of the items a "Ghi chú:" line put under it
    findings: str | None = None  # after "…, còn một số tồn tại, cụ thể:" at the top: the findings' mark, "" until seen
    for i, ln in enumerate(lines):
        mk = _marker(ln)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if mk is None and current is root and (_findings_intro(ln) or FIELDS_INTRO.search(ln)):
            findings = ""  # the list below is findings, or the fields of the information asked for
        if mk is None and NOTES_LINE.fullmatch(ln):
            note_rank = current.rank if current is not root else 0  # "Ghi chú:" / "- (*) …": footnotes, not work
            continue
        if mk is not None and note_rank is not None and mk[2] < note_rank:
            note_rank = None
        if mk is None and (group := _closes_group(ln, nxt, current, root)) is not None:
            # "Đơn vị chủ trì: X; Đơn vị phối hợp: Y, Z.": one line may carry both fields
            for fld in re.split(r"[;.]\s*(?=[A-ZĐÀ-Ỹ][^:;.]{0,40}:)", ln):
                if (rm := RESPONSIBLE_AFTER.match(fld)) is not None:
                    group.owners = responsible_units(rm.group("u"))
                elif (sm := SUPPORT_AFTER.match(fld)) is not None:
                    group.owner_supports = responsible_units(sm.group("u"))
            continue
        field = FIELD_LABEL.match(mk[3] if mk else ln)
        if field and (mk is None or mk[0] in ("dash", "plus", "bullet")):
            # a field ("- Địa điểm: …", "Đơn vị chủ trì: …") describes the item the bullets belong to
            owner = current
            while owner.kind in ("dash", "plus", "bullet") and owner.parent is not None and owner.parent is not root:
                owner = owner.parent
            owner.lines.append(mk[3] if mk else ln)
            if leaders := leaders_in_charge(mk[3] if mk else ln):
                owner.leaders = leaders
            continue
        if mk is None and current is not root and OPINION_CLOSING.match(ln) and ASK_IN_CLOSING.search(ln):
            # "Trên đây là ý kiến của Sở X, đề nghị Sở Y tổng hợp, báo cáo …": the closing ask is a task of its own,
            # never part of the last item
            node = Node(kind="closing", label="", rank=0, lines=[ln], parent=root)
            root.children.append(node)
            stack = [root, node]
            current = node
            continue
        if mk is None and current is not root and INTRO_END.search(ln) and len(stack) > 1 and \
                (nmk := _marker(nxt) if nxt is not None else None) is not None and \
                (nmk[0] in ("roman", "heading", "article") or nmk[2] <= stack[1].rank):
            # "1. Công ty A;" / "2. Công ty B." / "Sau khi nghe báo cáo, … kết luận như sau:" / "I. …": the lead-in
            # of the next part, not the end of the last item
            root.lines.append(ln)
            stack, current = [root], root
            continue
        if mk is None and (rest := _after_doc_closing(ln)) is not None:
            if not rest or CLOSING_LINE.match(rest) or _closing_ask(rest) or CLOSING.search(rest) or \
                    CARRY_OUT_CALL.match(rest) and not re.search(r"\d{1,2}\s*/\s*\d{1,2}|ngày\s*\d", rest):
                continue
            ln = rest
        if mk is None:
            if current is not root and (CLOSING_LINE.match(ln) or _closing_ask(ln) or CONCLUSION_CLOSING.match(ln)):
                continue
            current.lines.append(ln)
            continue
        kind, label, rank, rest = mk
        top = stack[-1]
        same = next((k for k in range(len(stack) - 1, 0, -1)
                     if rank > 0 and stack[k].kind == kind and stack[k].rank == rank), None)
        if same is not None:
            del stack[same:]  # the next item of a list already open, however deep the items between
        elif not (top is not root and top.kind in NESTED_KINDS and kind in NESTED_KINDS and kind != top.kind
                  and rank < top.rank and not top.children and top.lines[-1].rstrip().endswith(":")):
            while stack[-1] is not root and stack[-1].rank >= rank:
                stack.pop()
        # else: "(2) Hồ sơ gồm:" / "a) …" / "b) …" — the items a lead-in announces are its own, whatever their marks
        if findings is not None and stack[-1] is root:
            # "- Nhiều đơn vị chưa …" / "- …" / "1. Đề nghị …": the first top-level list holds the findings
            findings = kind if findings in ("", kind) else None
        node = Node(kind=kind, label=label, rank=rank, lines=[rest or ln], parent=stack[-1],
                    note=note_rank is not None or findings is not None and stack[-1] is root)
        stack[-1].children.append(node)
        stack.append(node)
        current = node
    return root


NON_DIRECTIVE_HEAD = re.compile(
    r"^(?:(?:[IVX]+|\d+)\s*[.)]\s*)?(?:đánh\s*giá|kết\s*quả|tình\s*hình|hạn\s*chế|tồn\s*tại|khuyết\s*điểm|"
    r"thành\s*phần(?:\s*(?:tham\s*dự|dự\s*họp|dự|tham\s*gia|mời))?\s*:?\s*$|"  # who attended the meeting
    r"mục\s*đích|yêu\s*cầu\s*$|mục\s*tiêu|quan\s*điểm|căn\s*cứ|sự\s*cần\s*thiết|bối\s*cảnh|thực\s*trạng|"
    r"ưu\s*điểm|nguyên\s*nhân|quyền\s*hạn|bài\s*học|mục\s*đích,\s*yêu\s*cầu|những\s*kết\s*quả|những\s*hạn\s*chế|"
    r"phạm\s*vi|đối\s*tượng|thông\s*tin\s*(?:chung\s*)?về|thời\s*hạn\s*(?:ủy\s*quyền|uỷ\s*quyền|giao|áp\s*dụng)|hiệu\s*lực|"
    r"(?:khó\s*khăn|vướng\s*mắc)(?!.*(?:kiến\s*nghị|đề\s*xuất|giải\s*pháp|nhiệm\s*vụ))|quy\s*định\s*(?:về|của|hiện\s*hành|pháp\s*luật)|cơ\s*sở\s*pháp\s*lý)",
    re.I | re.U)
# ("Điều 6. Tổ chức thi hành" of a decree or resolution hands out the duties below it)
DIRECTIVE_HEAD = re.compile(r"nhiệm\s*vụ|giải\s*pháp|nội\s*dung\s*trọng\s*tâm|"
                            r"tổ\s*chức\s*(?:thực\s*hiện|thi\s*hành)|thời\s*gian\s*tới|"
                            r"phân\s*công|"
                            r"chế\s*độ\s*(?:báo\s*cáo|thông\s*tin)|"
                            r"trách\s*nhiệm|giao(?!\s*(?-i:ban|BAN)\b|\s*(?:thông|lưu|dịch|tiếp|thương|hữu)\b)|đề\s*nghị|chỉ\s*đạo|"
                            r"kết\s*luận|"
                            r"yêu\s*cầu", re.I | re.U)
ASSESSMENT = re.compile(
    r"^(?:trong\s*(?:năm|thời\s*gian)\s*(?:qua|\d{4})|trong\s*(?:tháng|quý)\s*[^,.]{1,12},[^.]{0,80}\bđã\b|năm\s*\d{4},|thời\s*gian\s*qua|nhìn\s*chung|qua\s*\d|"
    r"tuy\s*nhiên|bên\s*cạnh\s*(?:những|đó)|kết\s*quả\s*(?:đạt|đã)|đã\s*đạt)"
    r"|\bđã\s*(?:có\s*nhiều|đạt\s*được|đạt|hoàn\s*thành\s*tốt|được\s*quan\s*tâm|đánh\s*giá|được\s*nghe|nghe)|còn\s*(?:hạn\s*chế|chậm|lúng\s*túng|"
    r"thấp|chưa)|chưa\s*(?:đáp\s*ứng|cao|đồng\s*đều|thường\s*xuyên)", re.I | re.U)
DIRECTIVE_TEXT = re.compile(
    r"\b(?:giao|đề\s*nghị|yêu\s*cầu|chủ\s*trì|có\s*trách\s*nhiệm|khẩn\s*trương|chỉ\s*đạo|tiếp\s*tục|tăng\s*cường|"
    r"tập\s*trung|chủ\s*động|rà\s*soát|xây\s*dựng|tổ\s*chức|thực\s*hiện|tham\s*mưu|báo\s*cáo|triển\s*khai|"
    r"hoàn\s*thành|kiểm\s*tra|nghiên\s*cứu|đề\s*xuất|làm\s*rõ|cải\s*tiến|bảo\s*đảm|đảm\s*bảo|nâng\s*cao|"
    r"theo\s*dõi|hướng\s*dẫn|phối\s*hợp|cần|phải)\b", re.I | re.U)
CLOSING = re.compile(r"^(?!" + PASS_ON + r")(?:Căn\s*cứ\s*(?:nội\s*dung\s*)?Thông\s*báo|"
                     r"Căn\s*cứ\s*(?:nội\s*dung|ý\s*kiến)\s*(?:(?:chỉ\s*đạo|kết\s*luận)\s*)?(?:này|(?:nêu\s*)?trên)|Văn\s*phòng.*thông\s*báo\s*(?:để|ý\s*kiến)|"
                     r"Trân\s*trọng|.*(?:biết,?\s*(?:thực\s*hiện|phối\s*hợp)|biết\s*và\s*thực\s*hiện)\s*\./\.|"
                     # the articles every decision ends with: entry into force, who executes it, what it issues
                     r".*có\s*hiệu\s*lực(?:\s*thi\s*hành)?\s*(?:kể\s*)?từ\s*ngày|.*chịu\s*trách\s*nhiệm\s*thi\s*hành|"
                     r"(?:Điều\s*\d+\.\s*)?Ban\s*hành\s*kèm\s*theo|"
                     # the enacting formula above a decree's or resolution's articles: "Chính phủ ban hành Nghị quyết
                     # quy định xử lý …", "Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn …"
                     r"(?:Chính\s*phủ|Thủ\s*tướng\s*Chính\s*phủ|Bộ\s*trưởng\s*Bộ\s[^.;:,]{2,60}?|"
                     r"(?:Hội\s*đồng|Ủy\s*ban|Uỷ\s*ban)\s*nhân\s*dân\s[^.;:,]{2,40}?)\s+ban\s*hành\s+"
                     r"(?:Nghị\s*quyết|Nghị\s*định|Thông\s*tư)\s+(?:quy\s*định|hướng\s*dẫn|về|sửa\s*đổi)\b[^;:]*\.\s*$)",
                     re.I | re.U)
BACKGROUND = re.compile(r"^(?:Thực\s*hiện|Căn\s*cứ|Xét|Theo|Ngày\s*\d|Tiếp\s*theo|Để\s*|Sau\s*khi|Tham\s*dự|"
                        r"Trên\s*cơ\s*sở|(?:Sáng|Chiều|Tối)\s*(?:ngày|nay)|Tại\s*(?:cuộc\s*họp|hội\s*nghị|buổi)|"
                        # voters' requests answered by the notice; a news item's opening
                        r"Cử\s*tri|\([^)]{1,20}\)\s*-)", re.U)
# the chair of the meeting is not a task: "Đồng chí X, Phó Chủ tịch UBND huyện, chủ trì cuộc họp."
# (also a briefing: "ông X - Phó Bí thư Thường trực Tỉnh ủy chủ trì giao ban rà soát …")
CHAIRS_MEETING = re.compile(r"chủ\s*trì\s*(?:cuộc\s*họp|hội\s*nghị|buổi\s*làm\s*việc|phiên\s*họp|buổi\s*họp|"
                            r"(?:buổi\s*|cuộc\s*)?giao\s*ban)",
                            re.I | re.U)
# the line that introduces the items ("… có ý kiến như sau:", "Chủ tịch UBND tỉnh yêu cầu:")
INTRO_END = re.compile(r"(?:như\s*sau|sau\s*đây|kết\s*luận,?\s*chỉ\s*đạo|chỉ\s*đạo|yêu\s*cầu|đề\s*nghị|giao|"
                       r"ý\s*kiến|kết\s*luận)\s*:\s*$", re.I | re.U)


# an article that charges units on a basis: "Điều 2. Căn cứ vào Điều 1 của Quyết định này, Sở X, UBND huyện Y, Văn
# phòng UBND tỉnh có trách nhiệm tổ chức thực hiện các công việc sau:" (not a part of legal bases, "I. CĂN CỨ …")
BASIS_CHARGES = re.compile(r"^Căn\s*cứ\s[^.;:]{0,240}?\s(?:có|chịu)\s*trách\s*nhiệm\s", re.U)


def _is_directive_heading(text: str) -> bool | None:
    head = text[:120]
    if BASIS_CHARGES.match(text):
        return True
    if NON_DIRECTIVE_HEAD.search(head):
        return False
    if DIRECTIVE_HEAD.search(head):
        return True
    return None


# the first word of a part's title ("NHIỆM VỤ TRỌNG TÂM", "PHẦN I", "MỤC ĐÍCH, YÊU CẦU", "ỦY BAN NHÂN DÂN TỈNH …")
SECTION_WORD = re.compile(r"^(?:PHẦN|CHƯƠNG|MỤC|NHIỆM|GIẢI|TỔ\s*CHỨC|ĐÁNH\s*GIÁ|KẾT\s*QUẢ|TÌNH\s*HÌNH|NỘI\s*DUNG|"
                          r"PHỤ\s*LỤC|"
                          r"QUAN\s*ĐIỂM|YÊU\s*CẦU|CĂN\s*CỨ|KÍNH\s*GỬI|QUYẾT\s*ĐỊNH|ĐIỀU|CHỈ\s*ĐẠO|I+\b|V\b)", re.U)


# a telegram's address line, the dash-list of its addressees below: "Chủ tịch UBND huyện điện:", "CHỦ TỊCH ỦY BAN NHÂN
# DÂN HUYỆN, điện:" (as "Kính gửi:" is)
TELEGRAM_TO = re.compile(r"^[^.:;]{3,80}\s(?:điện|ĐIỆN)\s*:\s*$", re.U)


def _body_bounds(lines: list[str], kind_index: int) -> tuple[int, int]:
    start = 0
    for i, ln in enumerate(lines[:80]):
        if RECIPIENTS_HEAD.match(ln):
            break  # what follows is the signature and the attachments ("Số quyết định" in a table header)
        if re.match(r"^(Kính\s*gửi|V/v|Số\s*[:.]|Số\s*\d|Số\s*/)", ln) or TELEGRAM_TO.match(ln):
            start = i + 1
        elif kind_index >= 0 and i == kind_index:
            start = i + 1 + len(_subject_after(lines, kind_index))  # the subject is not the body
            # "VỀ VIỆC TĂNG CƯỜNG, CHỈ ĐẠO ĐIỀU HÀNH THỰC" / "HIỆN NHIỆM VỤ TÀI CHÍNH …": an upper-case subject wrapped
            # onto the next line goes on there (a section title has its number or a word that opens a part)
            while start < len(lines) and start - 1 > kind_index and _caps_title(lines[start - 1]) and \
                    not re.search(r"[.:;]$", lines[start - 1]) and lines[start].isupper() and \
                    not SIGN_TITLES.match(lines[start]) and _marker(lines[start]) in (None, ("heading", "", 0,
                                                                                           lines[start])) and \
                    not SECTION_WORD.match(lines[start]) and len(lines[start]) < 120:
                start += 1
    # the authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ Y TẾ") is not a heading
    while start < len(lines) and lines[start].isupper() and SIGN_TITLES.match(lines[start]) and len(lines[start]) < 80:
        start += 1
    # a decision's legal bases ("Căn cứ …", "Theo đề nghị của …") end at "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:"
    enacts = next((i for i in range(start, min(len(lines), start + 60))
                   if re.fullmatch(r"(?:QUYẾT\s*ĐỊNH|QUYẾT\s*NGHỊ|Quyết\s*định|Quyết\s*nghị)\s*:", lines[i].strip())),
                  None)
    if enacts is not None and all((mk := _marker(ln)) is None or mk[0] == "heading" for ln in lines[start:enacts]):
        start = enacts + 1
    # skip the addressee dash-list right after "Kính gửi", with the names wrapped onto a second line
    wrapped = False
    while start < len(lines) and start > 0 and (
            lines[start].startswith(("-", "+")) and (wrapped or re.match(r"^(Kính\s*gửi|-)", lines[start - 1]) or
                                                      TELEGRAM_TO.match(lines[start - 1]))
            or _addressee_wrap(lines, start)):
        wrapped = not lines[start].startswith(("-", "+"))
        start += 1
    end = len(lines)
    for i in range(start, len(lines)):
        if RECIPIENTS_HEAD.match(lines[i]):
            end = i
            break
        if i > start and _signature_starts(lines, i):
            end = i  # the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name") without "Nơi nhận"
            break
        if re.search(r"\./\.\s*\S{0,3}\s*$", lines[i]):  # the closing formula ends the body (OCR may add a speck)
            end = i + 1
            break
    return start, end


def _addressee_wrap(lines: list[str], i: int) -> bool:
    """The rest of an addressee's name on its own line: "- Các cơ quan tham mưu, giúp việc" / "Đảng ủy tỉnh,"
    (the dash line stopped without its ',' or ';', or the next line is the next addressee)."""
    prev, ln = lines[i - 1], lines[i]
    if not re.match(r"^(?:Kính\s*gửi\s*:?\s*)?[-+]", prev) or _marker(ln) is not None or len(ln) > 80 or \
            ln.rstrip().endswith(":"):
        return False
    open_prev = not re.search(r"[.;,:]$", prev.rstrip())
    next_is_addressee = i + 1 < len(lines) and lines[i + 1].startswith(("-", "+")) and \
        bool(re.search(r"[,;]$", ln.rstrip()))
    return open_prev and (ln[:1].islower() or bool(re.search(r"[,;.]$", ln.rstrip()))) or next_is_addressee


def _signature_starts(lines: list[str], i: int) -> bool:
    """"KT. CHỦ TỊCH" or an upper-case title ("PHÓ CHỦ TỊCH") with a person's name within three lines."""
    ln = lines[i]
    if not (AUTHORITY_RE.match(ln) and ln[:6].isupper() or ln.isupper() and SIGN_TITLES.match(ln) and len(ln) < 40):
        return False
    if AUTHORITY_RE.match(ln) and i + 1 < len(lines) and lines[i + 1].isupper() and SIGN_TITLES.match(lines[i + 1]):
        return True  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the block, whatever name (or none) stands below
    return any(NAME_RE.match(nxt.strip(" .*")) for nxt in lines[i + 1: i + 4])


# "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …", "Phê duyệt Chương trình … (có Chương trình kèm theo)",
# "… (chi tiết tại Phụ lục kèm theo)"
ISSUES_ATTACHED = re.compile(
    r"Ban\s*hành\s*kèm\s*theo\s*(?:Quyết\s*định|Nghị\s*quyết|Chỉ\s*thị)\s*này|"
    r"(?:Ban\s*hành|Phê\s*duyệt)\s[^.;]{0,250}?kèm\s*theo\s*(?:Quyết\s*định|Nghị\s*quyết|Chỉ\s*thị)\s*này|"
    r"\((?:có|chi\s*tiết\s*(?:tại|theo))\s*(?:Kế\s*hoạch|Chương\s*trình|Phụ\s*lục|Đề\s*án|Phương\s*án)[^)]{0,60}"
    r"kèm\s*theo\)", re.I | re.U)
# (not a wrapped line that goes on with "kèm theo" in lower case: "… Kế hoạch hành động và Phụ lục" / "kèm theo;
# tăng cường kiểm tra …")
ATTACHMENT_RE = re.compile(r"^(?:\(\s*(?:[Bb]an\s*hành\s*)?[Kk]èm|Ban\s*hành\s*kèm|Kèm)\s*theo\b")
FORM_RE = re.compile(r"MẪU|\bMẫu\b|ĐỀ\s*CƯƠNG|Đề\s*cương|BIỂU\s*MẪU|Biểu\s*mẫu|mẫu\s*báo\s*cáo", re.U)


def _body_segments(lines: list[str], kind_index: int) -> tuple[int, list[list[str]]]:
    """The main body, then each attachment issued with the document ("(Kèm theo Quyết định …)":
    a plan, a task table) — but not report forms ("MẪU", "Đề cương báo cáo")."""
    start, end = _body_bounds(lines, kind_index)
    segments = [lines[start:end]]
    starts = [i for i in range(end, len(lines)) if ATTACHMENT_RE.match(lines[i])]
    if not starts and ISSUES_ATTACHED.search(" ".join(lines[start:end])):
        # "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …": the plan follows the signature block,
        # under its own title ("KẾ HOẠCH" / subject) without a "(Kèm theo …)" line
        title = next((i for i in range(end, len(lines)) if _KIND_RE.match(lines[i]) and lines[i].isupper()
                      and len(lines[i]) < 40 or re.match(r"^(?:PHỤ\s*LỤC|Phụ\s*lục)\s*(?:[IVX\d]+\s*)?$", lines[i])),
                     None)
        if title is not None:
            starts = [title + len(_subject_after(lines, title))]
        elif (glued := glued_attachment(lines, end)) is not None:
            starts = [glued]  # "KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)" on one line

    def title_start(att: int, floor: int) -> int:
        """Where the attachment's title ("PHỤ LỤC / DANH MỤC …") begins, above "(Kèm theo …)"."""
        j = att
        while j - 1 > floor and (lines[j - 1].isupper() or re.match(r"^Phụ\s*lục\b", lines[j - 1], re.I)) \
                and att - j < 4:
            j -= 1
        return j

    for n, att in enumerate(starts):
        stop = title_start(starts[n + 1], att) if n + 1 < len(starts) else len(lines)
        stop = next((i for i in range(att + 1, stop) if RECIPIENTS_HEAD.match(lines[i])), stop)
        blanks = sum(1 for ln in lines[att + 1: stop] if re.search(r"\.{8,}|…{3,}|□", ln))
        if not FORM_RE.search(" ".join(lines[title_start(att, end): att + 1])) and blanks < 3:
            segments.append(lines[att + 1: max(att + 1, stop)])
    return start, segments


WRAP_TAIL = re.compile(r"(?:[,(\-]|\b(?:ngày|tháng|năm|trước|của|và|các|với|về|theo|tại|cho|là|để|được|"
                       r"hoặc|đến|từ|trong|những|đã|sẽ)|"
                       # "số" before its number ("Công văn số" / "125/UBND …"), not "digital" ending a name: "chuyển đổi
                       # số", "chính quyền số", "kinh tế số", "xã hội số", "chữ ký số", "dữ liệu số", "nền tảng số"
                       r"(?<!đổi\s)(?<!quyền\s)(?<!tế\s)(?<!hội\s)(?<!ký\s)(?<!liệu\s)(?<!tảng\s)(?<!nghệ\s)\bsố)$",
                       re.I | re.U)


INLINE_MARK = re.compile(r"(?:(?<=[\s:;,.])|^)\((?P<m>[ivx]{1,4}|\d{1,2})\)\.?\s+(?=[^\s\d])", re.U)
ROMAN_ORDER = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]


TOPICS_BEFORE = re.compile(r"\s(?:về|đối\s*với|gồm|bao\s*gồm)\s*:\s*$", re.I | re.U)


def _split_inline_items(line: str) -> list[str]:
    """"… đề nghị Bộ X: (i) sớm ban hành …; (ii) chỉ đạo …; (iii) tổ chức …": each marker starts an item.
    Only a run counted from (i) or (1), at least two long, the first one after a ':' or inside the line."""
    marks = [m for m in INLINE_MARK.finditer(line)]
    if len(marks) < 2:
        return [line]
    order = ROMAN_ORDER if marks[0].group("m") in ROMAN_ORDER else [str(n) for n in range(1, 21)]
    run: list[re.Match[str]] = []
    for m in marks:
        if len(run) < len(order) and m.group("m") == order[len(run)]:
            run.append(m)
    if len(run) < 2:
        return [line]
    if any(not re.search(r"[;:,.]\s*$", line[:m.start()]) for m in run[1:]):
        return [line]  # "(2)" inside running text, not after a clause ends
    if re.search(r"\btrong đó\b", line[: run[0].start()], re.I):
        return [line]  # "…; trong đó lưu ý 02 việc: (1) …; (2) …": points of the task, not tasks of their own
    if TOPICS_BEFORE.search(line[: run[0].start()]):
        return [line]  # "… thực hiện theo quy định về: (i) đấu nối …; (ii) …": what the rules are about, not tasks
    pieces = [line[: run[0].start()].strip()] if run[0].start() > 0 else []
    for a, b in zip(run, [*run[1:], None], strict=True):
        pieces.append(f"({a.group('m')}) " + line[a.end(): b.start() if b else len(line)].strip())
    return [p for p in pieces if p]


def _join_wrapped(lines: list[str]) -> list[str]:
    return [piece for ln in _merge_quotes(_join_wrapped_lines(lines)) for piece in _split_inline_items(ln)]


QUOTE_OPEN = re.compile(r"^\s*(?:“|‘‘|‘|\"|«|'')")
QUOTE_CLOSE = re.compile(r"(?:[”’»\"]|'')\s*[.;,:)…]*\s*$")  # the quotation ends with its line
QUOTE_SPAN = 80  # lines; a quotation that never closes is not taken for one


def _merge_quotes(lines: list[str]) -> list[str]:
    """A passage quoted after its lead-in ("Khoản 1 Điều 5 Nghị định … quy định:" / "“1. … 2. …”"): the quoted
    lines are the lead-in's words, however they are numbered — never items of the document's own."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        opening = QUOTE_OPEN.match(ln)
        if opening and out and out[-1].rstrip().endswith(":"):
            end = next((j for j in range(i, min(len(lines), i + QUOTE_SPAN))
                        if QUOTE_CLOSE.search(lines[j][opening.end():] if j == i else lines[j])), None)
            if end is not None:
                out[-1] = " ".join([out[-1], *lines[i: end + 1]])
                i = end + 1
                continue
        out.append(ln)
        i += 1
    return out


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Join lines broken mid-sentence (PDF wraps), keeping item starts and headings apart: the next
    line goes on when it starts in lower case or with a digit, or the line ends on a word that
    cannot end a sentence ("… trước ngày" / "15/4/2026")."""
    out: list[str] = []
    continued = False  # the last line was itself the continuation of a wrapped sentence
    wrapped_heading = False  # a short numbered heading whose name went on to the next line
    width = _wrap_width(lines)
    last = ""  # the last line as it came, before any joining
    for ln in lines:
        prev_last, last = last, ln
        open_end = bool(out) and not re.search(r"[.:;!?)\"”…]$", out[-1]) and not CREDIT_END.search(out[-1])
        heading = bool(out) and (out[-1].isupper() or _caps_title(ln) or _is_heading_item(out[-1]))
        mark = _marker(out[-1]) if out else None
        if open_end and heading and mark is not None and _marker(ln) is None and ln[:1].islower() and \
                mark[0] != "heading" and (UNIT_START.match(mark[3]) or _is_heading_item(out[-1]) and len(ln) < 100
                                          and not re.search(r"[.;:,]$", ln)):
            # "1. Công an tỉnh, các sở, ngành và Ủy ban nhân dân" / "các xã, phường": one name on two lines;
            # "1. Quy định về kiểm tra điều kiện an toàn đối với phương tiện" / "vận chuyển và thực tế": one title
            out[-1] = out[-1] + " " + ln
            wrapped_heading = True
            continue
        if wrapped_heading and ln[:1].isupper():
            out.append(ln)
            wrapped_heading = continued = False
            continue
        wrapped_heading = False
        if width is not None and out and _wrapped_on(prev_last, ln, width):
            out[-1] = out[-1] + " " + ln  # a hard-wrapped text: the full line above goes on here
            continued = True
        elif open_end and _marker(ln) is None and not heading:
            out[-1] = out[-1] + " " + ln
            continued = True
        elif open_end and continued and HYPHEN_WRAP.match(ln) and re.search(r"\b[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$", out[-1]):
            out[-1] = out[-1] + " " + ln  # "… Festival Thăng Long" / "- Hà Nội …": a name cut at its hyphen
            continued = True
        else:
            out.append(ln)
            continued = False
    return out


HYPHEN_WRAP = re.compile(r"^-\s*[A-ZĐÀ-Ỹ]")
# a photo's caption that ends with its credit ("Quy định về quản lý, sử dụng pháo. Nguồn: Bộ Công an"): closed, the
# next line is the article's next paragraph, not the rest of the caption
CREDIT_END = re.compile(r"(?:^|[.\s])(?:Nguồn|Ảnh)\s*:\s*[^.:;,]{2,40}$", re.U)
# the end of a line that stopped inside a unit's name: "… Sở Tài nguyên", "… phòng Văn hóa", "… Thương binh và"
NAME_CUT = re.compile(r"\b(?:Sở|Phòng|phòng|Ban|Bộ|Trung\s*tâm|Chi\s*cục|Cục|Vụ|Văn\s*phòng)\s+"
                      r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2}$", re.U)
# a hard-wrapped line that opens with what looks like a dash item but goes on a range or a word ("… (03/02/1930" /
# "- 03/02/2020)", "… vụ đông" / "- xuân 2012 - 2013;")
DASH_CONTINUES = re.compile(r"^-\s*(?=\d|[^\W\d_])", re.U)  # (and the letter in lower case: see _dash_continues)


def _dash_continues(ln: str) -> bool:
    return (m := DASH_CONTINUES.match(ln)) is not None and not ln[m.end()].isupper()


def _wrapped_on(prev: str, ln: str, width: int) -> bool:
    """In a hard-wrapped text: the line goes on the paragraph above when the line before it was full (its next
    word would not have fitted the width) and ``ln`` cannot open an item of its own there."""
    if len(prev) + 1 + len(ln.split(" ", 1)[0]) < width * WRAP_SPREAD or "|" in prev or "|" in ln:
        return False
    if prev.isupper():
        return False  # a title in capitals: the text below is not its continuation
    mark = _marker(ln)
    if prev.count("(") > prev.count(")"):
        return True  # "… (Phụ lục" / "IV) …": inside a parenthesis
    if not re.search(r"[.:;!?)\"”…,]$", prev):
        # ("… phòng Tài nguyên" / "- Môi trường và các cơ quan …": a name cut at its hyphen)
        return _dash_continues(ln) or HYPHEN_WRAP.match(ln) is not None and NAME_CUT.search(prev) is not None or \
            mark is None and (ln[:1].islower() or WRAP_TAIL.search(prev) is not None)
    if re.search(r"[;,:]$", prev):
        return ln[:1].islower() and _marker(ln) is None
    return False


def _is_heading_item(line: str) -> bool:
    """A short numbered heading ("1. Sở Tài chính", "II. Nhiệm vụ trọng tâm"): the next line is its
    content, not its continuation."""
    mark = _marker(line)
    return mark is not None and mark[0] in ("article", "roman", "num") and len(line) < 70


# "Kính gửi:" as a scan's OCR may read it ("Site gửi:", "Kinh gừi:"): a short word, "gửi", a colon, in the header
OCR_ADDRESSEE = re.compile(r"^(?!Người|Nơi|Ngày|Bên)[A-ZĐ][^\s:]{1,4}\s*g[ửừưuữủứ]i\s*:", re.U)


def _read_addressee_line(lines: list[str]) -> list[str]:
    if any(re.match(r"^Kính\s*gửi\b", ln) for ln in lines[:40]):
        return lines
    return [OCR_ADDRESSEE.sub("Kính gửi:", ln, count=1) if i < 40 else ln for i, ln in enumerate(lines)]


# a news copy of a review conference: "Ngày 09/6, Ban Thường vụ Đảng ủy phường tổ chức Hội nghị sơ kết …" — what the
# guests then direct is the holder's work, where no item names a doer of its own
HELD_REVIEW = re.compile(rf"(?:^|[,.]\s+)(?P<u>(?:{UNIT_START.pattern})[^.;,:\n]{{0,90}}?)\s+(?:đã\s+|vừa\s+)?"
                         r"tổ\s*chức\s+(?:[Hh]ội\s*nghị|buổi)\s+(?:sơ\s*kết|tổng\s*kết)\b", re.U)


# a news copy whose opening sentence names who the document asks: "Ngày 12/7, Chủ tịch UBND huyện ban hành Công văn
# số … đề nghị A; B; C về việc …" — the items below without a doer of their own are theirs
OPENING_ASK = re.compile(r"\b(?:ban\s*hành|có|gửi|ký)\s+(?:[Cc]ông\s*văn|[Vv]ăn\s*bản|[Kk]ế\s*hoạch|[Cc]hỉ\s*thị|"
                         r"[Cc]ông\s*điện|[Tt]hông\s*báo)\b[^.]{0,200}?\s(?=(?:đề\s*nghị|yêu\s*cầu|giao)\s)", re.U)
# (or whom it was sent to, its asks retold below: "Sáng 5/8, Văn phòng Ban chỉ đạo … có Công điện số 37 gửi tới Ban
# Chỉ huy … các tỉnh …" over "Công điện nêu rõ: Theo dõi …; Duy trì …")
OPENING_SENT = re.compile(rf"\b(?:ban\s*hành|có|gửi|ký)\s+{LETTER_KIND}\b[^.;:]{{0,100}}?\s{SEND}\s+"
                          r"(?:tới\s+|đến\s+|cho\s+)?(?=[A-ZĐÀ-Ỹ]|các\s)", re.U)


def _letter_sent_to(paragraphs: list[str]) -> list[str]:
    """Whom a retold letter was sent to, by the news copy's opening paragraphs (an ask verb after them is OPENING_ASK's
    case); [] when none names a unit."""
    for para in paragraphs:
        if (sent := OPENING_SENT.search(para)) is None:
            continue
        rest = para[sent.end():][:400]
        if not UNIT_START.match(rest):
            continue
        units = split_units(name_prefix(rest))
        if units and not is_generic_reference(units):
            return units
    return []


# a Party bulletin for the cells' monthly meeting ("Tài liệu sinh hoạt chi bộ tháng 12-2020", "Bản tin thông báo nội
# bộ (phục vụ sinh hoạt chi bộ tháng 7-2023)", "Định hướng nội dung sinh hoạt chi bộ …"): its unassigned items are the
# cells' to carry out
CELL_BULLETIN = re.compile(r"^(?:Tài\s*liệu|Bản\s*tin|Định\s*hướng|Hướng\s*dẫn|Nội\s*dung)\b[^.;:]{0,80}?"
                           r"\bsinh\s*hoạt\s*(?P<u>chi\s*bộ)\b", re.I | re.U)
CELL_COMMITTEES = re.compile(r"\b(?:các\s+)?cấp\s*[uủ]y\s*(?:,|và)\s*chi\s*bộ\s+(?!\w+\s*[.;,])", re.I | re.U)


def parse_notice(raw: str) -> ParsedNotice:
    return _read_notice(raw)[0]


def items_not_read(raw: str, parsed: ParsedNotice) -> list[str]:
    """The numbered items of `raw` ("3", "II.4") that a rule read as candidate tasks and that no task of `parsed`
    holds — the task filter took them for no duty — where the text's numbering runs on (a break in it is said apart:
    `skips`). Empty when the filter is off."""
    if not parsed.tasks or skips(raw):
        return []
    candidates, _ = _read_notice(raw, broad=False, task_filter=False)
    refs = [t.ref for t in candidates.tasks]
    # (not where the text numbers no items: the numbers are the parser's, "1", "2" for its paragraphs)
    return [] if numbers_made_up(refs, raw) else unread_items(refs, [t.ref for t in parsed.tasks], raw)


def candidate_notice(raw: str, *, broad: bool = True, as_filtered: bool = False
                     ) -> tuple[ParsedNotice, list[dict[str, float]]]:
    """Every candidate task, the learned filter off, with the broad proposer's features of each (an empty dict for a
    rule's candidate). With `as_filtered`, exactly the candidates the filter judges, one origin each, before the steps
    after it drop or merge any (`_drop_bare_lead_ins`, `_printed_once` …): what bench/train_task_filter.py trains on."""
    return _read_notice(raw, broad=broad, task_filter=False, as_filtered=as_filtered)


def _read_notice(raw: str, *, broad: bool | None = None, task_filter: bool | None = None, as_filtered: bool = False
                 ) -> tuple[ParsedNotice, list[dict[str, float]]]:
    text = clean_text(raw)
    lines = _read_addressee_line(_salutation_joined(lines_of(text)))
    head = "\n".join(lines[:30])
    number = _number(head)
    date, place = _date_and_place(head)
    if number is None and (attached := ATTACHED_TO.search(head)):
        # a plan issued with a decision, copied without the decision: "(Kèm theo Quyết định số 1422/QĐ-TTg ngày 19
        # tháng 11 năm 2024 của Thủ tướng Chính phủ)" — the number and date it is known by
        number = re.sub(r"\s+", "", attached.group("n"))
        if date is None and attached.group("y"):
            try:
                date = dt.date(int(attached.group("y")), int(attached.group("m")), int(attached.group("d")))
            except ValueError:
                pass
    if number is None and (own := OWN_NUMBER_RE.search(text)):
        number = re.sub(r"\s+", "", own.group("n"))
        # "Ngày 26/5/2015, UBND tỉnh ban hành Công văn số 703/UBND-TN …": the date opens the sentence
        before = DATE_BEFORE.search(text[max(0, own.start() - 160): own.start()])
        day = own.group("d") or (before.group("d") if before else None)
        date = date or (parse_date_phrase(re.sub(r"\s+", "", day)) if day else None)
    if number is None:
        number, told = _told_number(text)
        date = date or told
    kind, kind_index = _kind(lines, text)
    addressees = _addressees(lines)
    signer, authority = _signer(lines)
    subject = None
    m = re.search(r"\bV/v\s*[:.]?\s*(?P<s>[^\n]+)", head)
    if m:
        subject = _subject_lines(m.group("s").strip(), head[m.end():].split("\n")[1:])
    elif kind_index >= 0:
        said = _subject_after(lines, kind_index)
        if len(said) > 1 and ISSUED_BY_LINE.match(said[0]) and said[0].isupper() and said[1][:1].islower():
            said = said[1:]
        subject = " ".join(said) or None
    start, segments = _body_segments(lines, kind_index)
    # (not a first line whose sentence goes on below it, as in a hard-wrapped copy: "… Trần Sỹ Thanh yêu" / "cầu các
    # quận huyện …")
    if start == 0 and kind is None and len(segments[0]) > 1 and _headline(segments[0][0]) and \
            not segments[0][1][:1].islower() and \
            not ((width := _wrap_width(segments[0])) and _wrapped_on(segments[0][0], segments[0][1], width)):
        # a portal or news rendition opens with its headline: the subject, not a task
        subject = subject or segments[0][0]
        # (and the headline printed again under the photo, as a caption below the opening paragraph: no line of the
        # body; printed again right below itself, it stays: see _teaser)
        headline = fold(segments[0][0]).strip()
        segments[0] = [ln for i, ln in enumerate(segments[0][1:]) if i == 0 or fold(ln).strip() != headline]
        start = 1
    body = _until_questions(_join_wrapped(segments[0]))
    teaser = _teaser(subject, body) if start == 1 and kind is None else None
    if teaser is not None:
        body = body[1:]  # "Đó là chỉ đạo của UBND tỉnh đối với …": it names who does what the headline says
    body_text = " ".join(body)
    meeting = None
    mm = re.search(r"(?:^|\s)Ngày\s*(\d{1,2}/\d{1,2}/\d{4})", body_text)
    if mm:
        meeting = parse_date_phrase(mm.group(1))
    default_leads = list(addressees)
    if not default_leads:
        cm = CLOSING_LEAD_RE.search(" ".join(body[-2:])) or \
            next((m for ln in body[-2:] if _closes_body(ln) and FINAL_CALL.search(ln) and
                  (m := CLOSING_CALL_LEAD_RE.match(ln))), None)
        wm = WORKED_WITH_RE.search("\n".join(lines[: start + 5]) + "\n" + body_text[:600])
        if cm:
            default_leads = split_units(cm.group("u")) or [cm.group("u")]
        elif wm:
            default_leads = split_units(wm.group("u").strip()) or []
        elif deleg := delegate(body_text[:1500]):
            default_leads = deleg  # "Điều 1. Ủy quyền cho Giám đốc Sở …": the delegate does the duties below
        elif kind is None and body and (opening := OPENING_ASK.search(body[0])) and \
                (asked := find_leads_ranked(body[0][opening.end():]))[1] >= STRONG and \
                not is_generic_reference(asked[0]):
            default_leads = asked[0]
        elif kind is None and any(LETTER_SAYS.match(p) for p in body) and (recipients := _letter_sent_to(body[:3])):
            default_leads = recipients
        elif kind is None and (held := HELD_REVIEW.search(body_text[:800])):
            default_leads = split_units(held.group("u").strip()) or []
        elif referred := units_referred_back(body_text):
            default_leads = referred  # "… yêu cầu đơn vị nêu trên thực hiện …": the units listed earlier
        elif subject and (cell := CELL_BULLETIN.search(subject)):
            # "Tài liệu sinh hoạt chi bộ tháng 12": the Party cells act on it (with their committees where the
            # bulletin says so: "… cấp ủy, chi bộ lựa chọn nội dung …")
            default_leads = ["cấp ủy", cell.group("u")] if CELL_COMMITTEES.search(body_text[:1500]) \
                else [cell.group("u")]
    # a day without its year ("trước ngày 15.3") takes the year of the document, or of a portal copy's
    # posting stamp when the copy lost the date line
    reference = date or _posted_on(text) or _opening_date(body) or _year_context(body)
    # the day the legal text the document carries out takes effect, where the document states it ("… có hiệu lực thi
    # hành từ ngày 06/7/2026"): its items' counts "kể từ ngày Nghị định … có hiệu lực" run from that day
    token = DOCUMENT_EFFECTIVE.set(document_effective(body_text))
    try:
        tasks = _extract_tasks(body, issued_on=reference, default_leads=default_leads)
        for attachment in segments[1:]:
            if _list_table(attachment) or _indicator_table(attachment):
                continue  # "TT | Đơn vị được kiểm tra | Địa chỉ …": a list of names, not of work
            tasks += _extract_tasks(_join_wrapped(attachment), issued_on=reference, default_leads=default_leads)
    finally:
        DOCUMENT_EFFECTIVE.reset(token)
    if teaser is not None:
        tasks.insert(0, _task("0", subject or "", issued_on=reference, parent=None, depth=1, leads=teaser,
                              ctx=_Context(leads=tuple(teaser), supports=(), explicit=True, source="heading")))
    tasks = _drop_restated(tasks)
    tasks = _resolve_back_references(tasks, body_text)
    if (window := comment_window(body_text, issued_on=reference)) is not None:
        # "Thời gian lấy ý kiến: từ … đến ngày 05/4": whoever gives opinions does so by the window's end
        tasks = [replace(t, due=window.due, due_text=window.text) if t.due is None and GIVES_OPINION.search(t.text)
                 else t for t in tasks]
    tasks = _asked_the_visited(tasks, body_text)
    origins: list[dict[str, float]] = [{} for _ in tasks]
    # (only in a text with no kind of its own — a news or portal rendition, which retells the directives as prose
    # chains; a formal notice, plan or letter gives each duty an item, and an item is one task)
    if (broad_wanted() if broad is None else broad) and kind is None:
        more = broad_candidates(body, tasks, issued_on=reference, default_leads=default_leads)
        tasks += [t for t, _ in more]
        origins += [f for _, f in more]
    # the learned task / non-task filter (taskfilter.py)
    tasks = filter_tasks(tasks, kind=kind, text=text, origins=origins, force=task_filter)
    if as_filtered:
        return ParsedNotice(kind=kind, number=number, date=date, place=place, tasks=tuple(tasks)), origins
    if kind is None and number is None and task_filter is not False:
        # (after the filter, which judges a report's duties as they were proposed; the filter's candidates —
        # `candidate_notice`, one origin each — stay as proposed)
        # (a retold meeting's agenda, which the candidates above do not hold: a list of the period's work)
        tasks += _agenda_tasks(body, tasks, issued_on=reference, default_leads=default_leads)
        tasks += _obligation_tasks(body, tasks, issued_on=reference)
        tasks += _framed_duty_tasks(body, tasks, issued_on=reference)
        tasks += _speaker_ask_tasks(body, tasks, issued_on=reference)
        tasks = _split_retold_chains(_split_report_sentences(tasks, issued_on=reference), issued_on=reference)
        # (a duty a connective sentence adds may string its own ';' chain: "… . Cùng với …, các địa phương tổ chức …;
        # sơ kết …")
        tasks = _split_retold_chains(_split_retold_sentences(tasks, issued_on=reference), issued_on=reference)
        tasks = _connective_goes_on(tasks)
    elif task_filter is not False:
        # (a formal document: one paragraph may hold several units' duties, a sentence each)
        tasks = _split_own_doer_sentences(tasks, issued_on=reference)
    if task_filter is not False:
        tasks += _timetable_tasks(body, tasks, issued_on=reference)
        tasks = _duties_carried_out(tasks, text)
    if kind is None and task_filter is not False:
        # (also where the item names the letter's number: "… vừa ban hành văn bản số 1345/UBND-KT chỉ đạo, …")
        tasks = _letter_asks(body, tasks, issued_on=reference)
        tasks = _asked_again(_clause_doers([t for t in tasks if not _no_duty_told(t.text)]))
        if not tasks:
            tasks = _lone_duties(body, issued_on=reference)
    tasks = _printed_once(_rolled_up_reports(_place_again(_teams_set_up(
        _named_in_full(_consecutive(_drop_bare_lead_ins(tasks), text), text), text))))
    if task_filter is not False:
        # (the filter's candidates keep the text the filter reads)
        tasks = [_row_work_only(t) for t in _resolve_this_one(_such_as(_asked_the_one_turned_to(tasks)))]
    origins = [] if task_filter is not False else origins
    notice = ParsedNotice(
        kind=kind, number=number, date=date, place=place, issuer=_issuer(lines), subject=subject,
        signer=signer, signer_authority=authority, signed_for=_signed_for(lines), addressees=tuple(addressees),
        references=tuple(_references(text, number)), recipients=tuple(_recipients(lines, start + len(segments[0]))),
        meeting_date=meeting, tasks=tuple(tasks),
    )
    if task_filter is not False:
        # the learned lead chooser (leadchooser.py): another candidate lead where the model is sure
        notice = choose_leads(notice)
    return notice, origins


def _printed_once(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A page that prints its text twice (a portal's copy with the article repeated below itself) gives each task
    once: a later task with the same words and the same lead as an earlier one is dropped."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for t in tasks:
        key = (re.sub(r"[^a-z0-9]", "", fold(t.text)), t.lead)
        if key in seen and len(key[0]) >= 40:
            continue
        seen.add(key)
        out.append(t)
    return out


# the part of a resolution or programme that hands its duties out: "IV. TỔ CHỨC THỰC HIỆN" (OCR "TÔ CHỨC")
_CARRY_OUT_HEADING = re.compile(r"^T[ỔÔO]\s*CHỨC\s*THỰC\s*HIỆN\b", re.U)
# the item there that charges units with turning the whole document into their own plans: "Các cấp ủy, tổ chức
# đảng, chính quyền … căn cứ chức năng, nhiệm vụ cụ thể hóa thành kế hoạch thực hiện Nghị quyết", "… xây dựng
# chương trình hành động thực hiện Nghị quyết"
_CONCRETISES = re.compile(r"cụ\s*thể\s*h[óo]a|xây\s*dựng\s*(?:chương\s*trình|kế\s*hoạch)", re.U)


def _section_heading(text: str, roman: str) -> str:
    m = re.search(rf"^[ \t]*{roman}[ \t]*[.)][ \t]*(?P<h>[^\n]+)", text, re.M)
    return m.group("h").strip() if m is not None and m.group("h").strip().isupper() else ""


def _duties_carried_out(tasks: list[ParsedTask], text: str) -> list[ParsedTask]:
    """A resolution lists its duties bare under "II. NHIỆM VỤ VÀ GIẢI PHÁP" and hands them out in "IV. TỔ CHỨC THỰC
    HIỆN", whose first charge to make the document concrete ("Các cấp ủy, tổ chức đảng, chính quyền … cụ thể hóa
    thành kế hoạch thực hiện") names who carries the duties out: the duties with no lead of their own take its."""
    romans = {t.parent_ref for t in tasks if t.parent_ref and re.fullmatch(r"[IVX]{1,4}", t.parent_ref)}
    duties = {r for r in romans if DUTY_HEADING.match(_section_heading(text, r))}
    carry = {r for r in romans if _CARRY_OUT_HEADING.match(_section_heading(text, r))}
    if not duties or not carry:
        return tasks
    charge = next((t for t in tasks if t.parent_ref in carry and t.lead and t.lead_source == "text" and
                   _CONCRETISES.search(t.text)), None)
    if charge is None:
        return tasks
    return [replace(t, lead=charge.lead, lead_source="heading")
            if not t.lead and (t.ref or "").split(".")[0] in duties else t for t in tasks]


def _row_work_only(task: ParsedTask) -> ParsedTask:
    """A task read from a table row shows its work cell; the row's other cells are its lead, support, leaders and
    due, already read (a time cell that gives no date — "Thường xuyên" — is kept as the deadline's words)."""
    work, time = row_work(task.text)
    if work == task.text:
        return task
    # (the deadline's words a cell gave — "Thời gian hoàn thành: Năm 2027" — are the cell's own words now)
    said = task.due_text if task.due_text and (time is None or task.due_text in work) else time
    return replace(task, text=work, due_text=said)


# what a news item tells that asks no work, sentence by sentence: a question (a related story's headline: "Tỉnh nào
# có tuổi thọ thấp nhất?"); whom a unit answers to if things go wrong ("Nếu xảy ra tình trạng …, thì Giám đốc Sở …
# phải chịu trách nhiệm trước Chủ tịch UBND TP.", "X phải chịu trách nhiệm trước Y; … nếu để xảy ra …"); work a unit
# has done ("Tháng 4, các đơn vị tham mưu đã hoàn thành nhiệm vụ được giao."); an official's account of his own
# province ("Trong khi đó, ông X, giám đốc Sở … tỉnh Y, cho hay …")
TOLD_QUESTION = re.compile(r"\?\s*$", re.U)
TOLD_LIABILITY = re.compile(r"^(?:[^.;]{0,60},\s*)?Nếu\s+(?:để\s+)?(?:xảy\s*ra|có|xuất\s*hiện)\b[^.;]{0,240}?\bthì\s+"
                            r"[^.;]{0,160}?\bchịu\s*trách\s*nhiệm\b|"
                            r"^[^.;]{0,200}?\bphải\s+chịu\s*trách\s*nhiệm\s+(?:toàn\s*diện\s+)?trước\b"
                            r"(?=[^.]*\bnếu\s+(?:để\s+)?(?:xảy\s*ra|có)\b)|"
                            # ("…, hai tuần tới không làm xong Bộ trưởng X chịu trách nhiệm.")
                            r"^[^.;]*\b(?:nếu|không\s+(?:làm|hoàn\s*thành)\s+xong|để\s+xảy\s*ra)\b[^.;]*"
                            r"\bchịu\s*trách\s*nhiệm\s*[.!]?\s*$", re.U)
TOLD_DONE = re.compile(r"^(?=[A-ZĐÀ-Ỹ])(?:[^,.;]{0,40},\s*)?(?:[^,.;]|\.(?=\S)){2,60}?\s(?:cũng\s+)?"
                       r"(?:(?:đã|vừa)\s+(?:cơ\s*bản\s+)?"
                       r"(?:hoàn\s*thành|thực\s*hiện\s*xong|triển\s*khai\s*xong|xử\s*phạt|phát\s*hiện)|"
                       r"(?:phát\s*hiện|xử\s*phạt|bắt\s*giữ),\s*lập\s*(?:hồ\s*sơ|biên\s*bản))\b", re.U)
TOLD_BY_OFFICIAL = re.compile(r"^[^.;]{3,200}?,?\s(?:cho\s*hay|cho\s*biết)\b|"
                              r"^Theo\s+(?:ông|bà|đại\s*tá|thượng\s*tá|trung\s*tá)\s", re.U)
# a meeting held, or a letter issued that the text goes on to retell: "Chiều 12/1, tại Hà Nội, Ban Chỉ đạo Trung ương
# … tiến hành Phiên họp trực tuyến …", "Văn phòng UBND tỉnh ban hành văn bản số 986/VPUBND hướng dẫn UBND các xã …"
TOLD_HELD = re.compile(r"^[^.;]{3,240}?\stiến\s*hành\s+(?:[Pp]hiên\s*họp|[Hh]ội\s*nghị|[Cc]uộc\s*họp|"
                       r"buổi\s*làm\s*việc)\b|"
                       r"^[^.;]{3,120}?\s(?:ban\s*hành|phát\s*hành)\s+(?:văn\s*bản|công\s*văn|[Kk]ế\s*hoạch|"
                       r"[Hh]ướng\s*dẫn|[Tt]hông\s*báo)\s+(?:số\s+\S+\s+)?(?:hướng\s*dẫn|về)\b", re.U)
# an account of how a body has led the work so far, no ask: "Năm 2021, Huyện ủy Phú Bình đã tập trung lãnh đạo chỉ
# đạo thực hiện đồng bộ, hiệu quả công tác tuyên giáo …" (its "chỉ đạo" directs no one named)
TOLD_LED = re.compile(r"^(?=[A-ZĐÀ-Ỹ])(?:[^,.;]{0,60},\s*)?[^,.;]{2,60}?\s(?:cũng\s+)?đã(?:\s+và\s+đang)?\s+"
                      r"(?:tập\s*trung\s+|quan\s*tâm\s+|tích\s*cực\s+)?lãnh\s*đạo,?\s+(?:chỉ\s*đạo,?\s+)?"
                      r"(?:thực\s*hiện|triển\s*khai|tổ\s*chức\s*thực\s*hiện)\b", re.U)
# what a body is or will be, told: "Trung tâm này sẽ là nơi giới thiệu …", "Ban Chỉ đạo do bà X, Chủ tịch UBND tỉnh
# là Trưởng ban."
TOLD_IS = re.compile(r"^(?=[A-ZĐÀ-Ỹ])[^.;]{2,80}?\s(?:sẽ\s+)?là\s+(?:nơi|Trưởng\s*ban|Phó\s*Trưởng\s*ban)\b", re.U)
TOLD_ASKS = re.compile(r"\b(?:yêu\s*cầu|đề\s*nghị|(?<!được\s)giao|cần|phải|chỉ\s*đạo\s+(?!của\b))\b", re.U)


# what a body is made of: "Ban chỉ đạo gồm có 20 thành viên, trong đó ông A làm Trưởng ban …", "Bộ phận này gồm 3 đồng
# chí: …"
TOLD_MEMBERS = re.compile(r"^[^.;:]{2,80}?\sgồm(?:\s*có)?\s+\d{1,3}\s+"
                          r"(?:thành\s*viên|đồng\s*chí|người|ủy\s*viên|uỷ\s*viên)\b", re.U)


# what happened before the news told — "Trước đó, vào đầu tháng 10 vừa qua, Hạt Kiểm lâm … kiểm tra hiện trường …",
# "Trước đó, ngày 2/4, Bộ GD&ĐT có công văn số … gửi UBND các tỉnh …" —, background, not work asked now (not what is
# still to come: "Trước đó, … Thành ủy sẽ tổ chức 7 hội nghị …")
TOLD_BEFORE = re.compile(r"^Trước\s*đó\s*,(?![^.;]*\bsẽ\b)", re.U)


# the sentence that names the letter just retold: "Đó là nội dung tại Công văn số 2948/UBND-TKTH ngày 14.6.2017 của UBND
# tỉnh về …", "Đây là chỉ đạo của Cục Phòng bệnh gửi …" — whose asks are in the sentences around it
TOLD_SOURCE = re.compile(r"^(?:Đó|Đây)\s+là\s+(?:nội\s*dung|chỉ\s*đạo|yêu\s*cầu|ý\s*kiến\s*chỉ\s*đạo)\s+"
                         r"(?:chính\s+)?(?:tại|của|trong)\b", re.U)


# the weather a news copy forecasts: "Cơ quan khí tượng dự báo khoảng ngày 8.1, một đợt không khí lạnh sẽ …", "Các tỉnh
# từ Thanh Hóa đến Quảng Trị …, gió sẽ mạnh dần lên cấp 6, có nơi cấp 7" (with no ask in the sentence)
TOLD_FORECAST = re.compile(r"\b(?:gió|sóng\s*biển)\s+(?:sẽ\s+)?(?:mạnh\s+(?:dần\s+)?(?:lên\s+)?)?cấp\s*\d|"
                           r"\bdự\s*báo\b[^.;]{0,80}?\ssẽ\s|"
                           # ("Theo tin từ Trung tâm dự báo …, do ảnh hưởng của bão số 1, các tỉnh … sẽ có mưa to …")
                           r"^Theo\s+(?:tin|thông\s*tin|dự\s*báo|bản\s*tin)\b[^.;]{0,200}?\ssẽ\s", re.U)


def _no_duty_told(text: str) -> bool:
    """Whether every sentence of a news item's task tells something that asks nobody to work (see TOLD_*)."""
    # (a byline in capitals is no sentence: "M.TRƯỜNG - H.NGUYỄN")
    sentences = [s for s in NEXT_SENTENCE.split(text.strip()) if any(c.islower() for c in s)]
    return bool(sentences) and all(
        TOLD_QUESTION.search(s) and len(s) < 200 or TOLD_LIABILITY.match(s) or TOLD_MEMBERS.match(s) or
        TOLD_BEFORE.match(s) or TOLD_FORECAST.search(s) and not TOLD_ASKS.search(s) or TOLD_SOURCE.match(s) or
        (TOLD_DONE.match(s) or TOLD_BY_OFFICIAL.match(s) or TOLD_HELD.match(s) or TOLD_IS.match(s))
        and not TOLD_ASKS.search(s) or (led := TOLD_LED.match(s)) is not None and not TOLD_ASKS.search(s, led.end())
        for s in sentences)


# more verbs a retold chain's duties open with (besides WORK_CLAUSE's): "…; tập trung chỉ đạo …", "…; nhanh chóng kiện
# toàn …", "…; chủ động phát hiện sớm …", "…; hiệp đồng chặt chẽ …", "…; trả lời công dân …"
RETOLD_WORK = re.compile(r"^(?:đồng\s*thời,?\s+)?(?:(?:nhanh\s*chóng|khẩn\s*trương|kịp\s*thời|chủ\s*động|tập\s*trung|"
                         r"tiếp\s*tục)\s+)?(?:chỉ\s*đạo|kiện\s*toàn|phát\s*hiện|hiệp\s*đồng|lập\s+kế\s*hoạch|trả\s*lời|"
                         r"biểu\s*dương|kiểm\s*soát|tiếp\s*nhận|sẵn\s*sàng|nhắc\s*nhở|chấn\s*chỉnh|vận\s*động|"
                         r"khen\s*thưởng|công\s*khai|công\s*bố|đăng\s*tải|sơ\s*kết|tổng\s*kết)\b|^chủ\s*động\s", re.U)


# a sentence that opens with the imperative "Báo cáo …" ("… . Báo cáo kết quả về UBND tỉnh trước ngày 20/5."), not
# the noun ("Báo cáo của Sở …", "Báo cáo số 12 …", "Báo cáo này …"), nor how the report asked is sent ("Báo cáo gửi về
# Sở X trước ngày …", which only dates the ask)
REPORT_SENTENCE = re.compile(r"(?<=[.!])\s+(?=Báo\s*cáo\s+(?!(?:của|số|này|nêu|trên|gửi|nộp|về|bằng|được|phải|theo|"
                             r"đầy\s*đủ)\b)[^.]{20,})", re.U)


def _split_report_sentences(tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """In a retold report (see `_split_retold_chains`), a sentence that asks for a report — "… kiểm tra, xử lý theo
    quy định. Báo cáo UBND tỉnh và trả lời công dân trước ngày 20/5." — is a duty of its own, the same doer's."""
    out: list[ParsedTask] = []
    for task in tasks:
        pieces = [p.strip() for p in REPORT_SENTENCE.split(task.text)]
        if len(pieces) < 2 or len(pieces[0]) < 40:
            out.append(task)
            continue
        out += [_duty(task, n, piece, issued_on=issued_on) for n, piece in enumerate(pieces, start=1)]
    return out


# a connective that adds the next piece of a retold report's work: "Đồng thời, …", "Bên cạnh đó, …", "Ngoài ra, …",
# "Đặc biệt, …", "Cùng với công tác tuyên truyền, …", "Đối với <units> …"
NEXT_CONNECTIVE = re.compile(r"^(?:Đồng\s*thời|Bên\s*cạnh\s*đó|Ngoài\s*ra|Đặc\s*biệt|Mặt\s*khác|Cụ\s*thể|"
                             # ("Đối với các chi bộ trực thuộc Đảng bộ xã X sẽ tiến hành …": the units turned to)
                             r"Đối\s*với(?=\s+(?:UBND|Ủy\s*ban|Uỷ\s*ban|Sở|Phòng|Ban|các|những)\b)|"
                             r"Song\s*song\s*(?:với\s*)?đó|Cùng\s*với\s*(?:đó|việc\s*đó|[^,.;]{3,60}))\s*,?\s+", re.U)
# a doer named by its level or kind alone, which no unit reader takes for a name: "xã", "các xã", "nhà thầu", "lãnh
# đạo các địa phương", "các địa phương, cơ quan đơn vị" — then its verb (not an account: "xã đã …", "tỉnh có …")
_BARE_DOER_KIND = (r"(?:xã|huyện|tỉnh|thành\s*phố|phường|thị\s*xã|thị\s*trấn|địa\s*phương|nhà\s*thầu|chủ\s*đầu\s*tư|"
                   r"đơn\s*vị(?:\s*thi\s*công)?|ngành|cơ\s*quan(?:\s*chuyên\s*môn)?|doanh\s*nghiệp|trường)")
BARE_DOER = re.compile(rf"^(?P<d>(?:(?:lãnh\s*đạo|chính\s*quyền)\s+)?(?:các\s+)?{_BARE_DOER_KIND}"
                       rf"(?:\s*,\s*(?:các\s+)?{_BARE_DOER_KIND}(?:\s*đơn\s*vị)?)*)"
                       r"\s+(?!(?:đã|đang|vừa|là|được|có|không|chưa|cũng\s*đã|đều|này|đó|nào|trên|khác|và)\b)"
                       r"(?:(?:cần|phải|sẽ|cũng|tiếp\s*tục)\s+)*(?=[a-zđà-ỹ])", re.U)
# (the place itself, said again: "xã", "tỉnh" — the doer the report is about, not a new one)
SAME_PLACE = re.compile(r"^(?:xã|huyện|tỉnh|thành\s*phố|phường|thị\s*xã|thị\s*trấn|địa\s*phương)$", re.U)
NEXT_SENTENCE = re.compile(r"(?<=[.!])\s+(?=[A-ZĐÀ-Ỹ])", re.U)


# a sentence that asks anew, its speaker or a case before the ask: "Yêu cầu các địa phương thành lập …", "Đối với báo
# cáo chính trị, đồng chí yêu cầu ban soạn thảo tuân thủ …", "Tại buổi làm việc, Chủ tịch UBND huyện yêu cầu lãnh đạo
# 2 xã kiểm tra …" (not "theo đề nghị của …", "giao thông …")
ASKS_ANEW = re.compile(r"^(?:[^.;:]{0,160}?,\s*)?(?:[^,.;:]{0,80}?\s)?(?<!theo\s)(?i:yêu\s*cầu|đề\s*nghị|giao"
                       r"(?!\s*(?:thông|lưu|dịch|tiếp|thương|hữu|ban|nhận|khoán|đất)\b)(?:\s*trách\s*nhiệm)?)\s+"
                       r"(?:cho\s+)?(?P<asked>[^,.;:]{5,})", re.U)
# the verb after the units asked, where no unit reader takes them for a name: "ban soạn thảo tuân thủ …", "các thành
# viên trong Tổ phối hợp …", "lãnh đạo 2 xã Đại Sơn và Trù Sơn kiểm tra …"
ASKED_VERB = re.compile(r"\s(?=(?:(?:tiếp\s*tục|khẩn\s*trương|nghiêm\s*túc|tập\s*trung|kịp\s*thời|chủ\s*động|cần|phải|"
                        r"sớm|thường\s*xuyên|tích\s*cực)\s+)*(?:tuân\s*thủ|kiểm\s*tra|phối\s*hợp|hoàn\s*thành|"
                        r"xây\s*dựng|rà\s*soát|thực\s*hiện|triển\s*khai|tổ\s*chức|tăng\s*cường|chỉ\s*đạo|chuẩn\s*bị|"
                        r"tham\s*mưu|nghiên\s*cứu|đẩy\s*nhanh|đẩy\s*mạnh|khắc\s*phục|xử\s*lý|báo\s*cáo|tiếp\s*thu|"
                        r"chịu\s*trách|theo\s*dõi|giám\s*sát|hướng\s*dẫn)\b)", re.U)
# an ask that only closes the report: "Chủ tịch UBND tỉnh yêu cầu … và các đơn vị có liên quan triển khai thực hiện."
CARRY_OUT_END = re.compile(r"\b(?:triển\s*khai|tổ\s*chức)\s*thực\s*hiện\s*[./]*\s*$", re.U)


def _asked_anew(sentence: str, before: str, lead: tuple[str, ...]) -> tuple[str, ...] | None:
    """The units a retold report's sentence asks anew — "… . Đối với báo cáo chính trị, đồng chí yêu cầu ban soạn
    thảo tuân thủ …" → ("ban soạn thảo",) — where the text before it (its doer `lead`) asks a unit too; None where
    the sentence asks nobody new."""
    # (a quoted request is not the report's own ask: "Nội dung công dân kiến nghị: “Đề nghị UBND huyện …")
    if not _asks_a_unit(re.sub(r"“[^”]*(?:”|$)", "", before)) or \
            (ask := ASKS_ANEW.match(sentence)) is None or REPORTED_OPENING.match(sentence) or \
            _closing_ask(sentence) or CARRY_OUT_END.search(sentence):
        return None
    leads, strength = find_leads_ranked(sentence)
    if leads and strength >= STRONG:
        # ("… . Đề nghị Sở X gửi báo cáo kết quả về UBND tỉnh trước ngày 10/4." only dates the ask to Sở X before)
        return None if _same_units(leads, list(lead)) and DEADLINE_CUE.search(sentence) else tuple(leads)
    asked = ask.group("asked")
    verb = ASKED_VERB.search(asked)
    return (asked[:verb.start()].strip(),) if verb is not None and len(asked[:verb.start()].split()) <= 9 else None


def _next_doer(sentence: str, task: ParsedTask, before: str) -> tuple[str, ...] | None:
    """Who does the work of a retold report's sentence that asks anew (`_asked_anew`) or opens with a connective —
    "Đồng thời, nhà thầu tập trung …" → ("nhà thầu",); "Ngoài ra, xã sẽ tổ chức …", "Đồng thời, thực hiện nghiêm túc
    …" → the task's own doer — or None where the sentence goes on with `before`, the text before it."""
    if (asked := _asked_anew(sentence, before, task.lead)) is not None:
        return asked
    conn = NEXT_CONNECTIVE.match(sentence)
    if conn is None:
        own = _own_doer(sentence, task, before)
        if own is None and task.lead and WORK_CLAUSE.match(sentence[:1].lower() + sentence[1:]) and \
                not COUNTED_RESULT.search(sentence):
            # "… . Triển khai ngay các biện pháp cụ thể …", "… . Nghiên cứu, tham mưu UBND tỉnh ra chỉ thị …": a
            # sentence that opens with its verb names nobody, the same doer's next duty
            return task.lead
        return own
    rest = sentence[conn.end():]
    if (bare := BARE_DOER.match(rest)) is not None:
        doer = bare.group("d").strip()
        return task.lead if SAME_PLACE.match(doer) else tuple(re.split(r"\s*,\s*", doer))
    if _opens_with_doer(rest) or LOWER_FORCE.match(rest) and _opens_with_doer(_capitalised(rest)):
        # (a force in lower case after the connective: "Cụ thể, lực lượng Quản lý thị trường tăng cường …", named
        # as written)
        name = rest[:len(name_prefix(_capitalised(rest)))]
        return tuple(split_units(name) or [name])
    return task.lead if WORK_CLAUSE.match(rest) or (
        not SPELLS_OUT.match(sentence) and CONNECTED_VERB.match(rest) and not COUNTED_RESULT.search(rest) and
        not ACCOUNT_SOON.match(rest) and not FINDING.search(rest) and not ASSESSMENT.search(rest)) else None


# "Cụ thể, …" spells out what was said before (a finding's figures: "Cụ thể, mức chi … là …"), no work of its own
# unless a work verb follows; and a finding after any connective: "Bên cạnh đó, quá trình quyết toán … do chưa có sự
# phối hợp … nên dẫn đến việc chi … còn chậm, ảnh hưởng đến …"
SPELLS_OUT = re.compile(r"^Cụ\s*thể\b", re.U)
FINDING = re.compile(r"\bdẫn\s*đến\b|\bảnh\s*hưởng\s*(?:đến|tới)\b", re.U)  # (with ASSESSMENT: "còn chậm", …)


# after a connective, the next piece of work of the same doer whatever its verb — "Đồng thời, làm việc với nhà cung
# cấp …", "Đồng thời thu hồi và bàn giao …", "Đặc biệt, lưu ý bố trí lối thoát nạn …" — where the words after it are in
# lower case and no word that opens an account, a cause or a circumstance comes first ("Đồng thời, đây là …", "Cùng
# với đó, dự án … cũng tạm dừng"), and it tells no past act ("Đồng thời, xã đã tổ chức …", "…, người dân đã …")
CONNECTED_VERB = re.compile(r"^(?!(?:là|đã|đang|vừa|được|bị|có\s*thể|không|chưa|đây|điều|nhờ|do|vì|qua|nhằm|để|từ|"
                            r"trong|với|theo|tại|sau|trước|khi|nếu|này|đó|nên|mà|thì|cũng|sẽ\s*được|rất|nhiều|một|"
                            r"hai|mỗi|dự\s*án|công\s*trình|kết\s*quả|tình\s*hình|số|tổng|toàn|hầu\s*hết)\b)"
                            r"[a-zđà-ỹ]", re.U)
# (a doer of one to three words, then the past: "xã đã …", "người dân đã …", not "thu hồi … đất công đã cho thuê …")
ACCOUNT_SOON = re.compile(r"^(?:[^\s,.;]+\s+){1,3}(?:đã|vừa|đang)\s", re.U)
# a sentence that counts what was done, an account: "… phát hiện, bắt giữ 14 vụ, liên quan 17 đối tượng …, tăng 8 vụ so
# cùng kỳ", "… đạt 95% kế hoạch"
COUNTED_RESULT = re.compile(r"\b\d[\d.,]*\s*(?:vụ|đối\s*tượng|trường\s*hợp|lượt)\b[^.;]*\b(?:tăng|giảm|so\s*(?:với\s*)?"
                            r"cùng\s*kỳ)\b|\bso\s*(?:với\s*)?cùng\s*kỳ\b|\bđạt\s*\d[\d.,]*\s*%", re.U)


# what a doer opening a retold report's later sentence must do: a duty word or a work verb right after its name ("…
# . Người có nghĩa vụ kê khai nộp bản kê khai …", "… . Trước ngày 30/4, các cơ quan, đơn vị phải gửi báo cáo …")
# (or the grounds first: "UBND cấp xã căn cứ quy định tại Điều 10 Nghị định … xác định số lượng …")
DUTY_AFTER_DOER = re.compile(r"\s+(?:căn\s*cứ\s(?:(?!\sđể\s)[^.;:]){10,160}?\s"
                             r"(?:xác\s*định|ban\s*hành|lập|bố\s*trí|tổ\s*chức|xây\s*dựng|thực\s*hiện|triển\s*khai)\b|"
                             r"(?:(?:tiếp\s*tục|khẩn\s*trương|nghiêm\s*túc|tập\s*trung|kịp\s*thời|chủ\s*động|sớm|"
                             r"thường\s*xuyên|tích\s*cực)\s+)*(?:cần|phải|có\s*trách\s*nhiệm|chịu\s*trách\s*nhiệm|"
                             r"tuân\s*thủ|kiểm\s*tra|hoàn\s*thành|xây\s*dựng|rà\s*soát|thực\s*hiện|triển\s*khai|"
                             r"tổ\s*chức|tăng\s*cường|chỉ\s*đạo|chuẩn\s*bị|tham\s*mưu|nghiên\s*cứu|đẩy\s*nhanh|"
                             r"đẩy\s*mạnh|khắc\s*phục|xử\s*lý|báo\s*cáo|nộp|bố\s*trí|lập|tổng\s*hợp|hướng\s*dẫn|"
                             r"theo\s*dõi|cập\s*nhật|cử|bảo\s*đảm|đảm\s*bảo|giải\s*quyết|tuyên\s*truyền|vận\s*động|"
                             # (not a table row's field: "Cơ quan phối hợp: Sở Tài chính.")
                             r"ưu\s*tiên|chú\s*ý|lựa\s*chọn|phối\s*hợp(?!\s*:)|quan\s*tâm|duy\s*trì|bổ\s*sung|đôn\s*đốc|"
                             r"giám\s*sát|quản\s*lý|hỗ\s*trợ|sắp\s*xếp|kiểm\s*soát|ngăn\s*chặn|thẩm\s*định|"
                             r"tiếp\s*nhận|huy\s*động|sẵn\s*sàng|tiến\s*hành)\b)",
                             re.U)


DATES_ONLY = re.compile(r"\s+(?:\S+\s+){0,2}?(?:thực\s*hiện|triển\s*khai|hoàn\s*thành)"
                        r"(?:\s+(?:xong|việc\s*này|nội\s*dung\s*(?:này|trên)))?"
                        r"\s*(?:(?:trước|trong|chậm\s*nhất|xong|theo)\b[^.;]{0,40})?[.;]?\s*$", re.U)
OPENING_NAMES_WORK = re.compile(r"\b(?:giao|đề\s*nghị|yêu\s*cầu|chủ\s*trì|phối\s*hợp|với|của)\b", re.I | re.U)


def _own_doer(sentence: str, task: ParsedTask, before: str = "") -> tuple[str, ...] | None:
    """A retold report's later sentence that opens with a doer other than the task's — its name, perhaps after a time
    or a case ("Trước ngày 30/4, …", "Trong trường hợp …,"), then what it must do: that doer's duty."""
    rest = sentence if UNIT_START.match(sentence) else after_opening(sentence)
    if rest is None or not _opens_with_doer(rest) or \
            OPENING_NAMES_WORK.search(sentence[: len(sentence) - len(rest)]):
        return None  # ("Theo đó, giao Sở A chủ trì, phối hợp với các đơn vị, địa phương liên quan thực hiện …")
    name = name_prefix(rest)
    if DUTY_AFTER_DOER.match(rest[len(name):]) is None or DATES_ONLY.match(rest[len(name):]):
        return None  # ("… . Các đơn vị thực hiện trước ngày 24/3/2026.": when the work above is due, no new work)
    doers = split_units(name) or [name]
    if task.lead and _same_units(doers, list(task.lead)) and task.lead_source == "text" and before and \
            not any(fold(d)[:20] in fold(before) for d in doers):
        # "Các chủ nhà hàng ven biển cần … . Tổ cứu hộ bãi biển cần …": the task's doer was read from this later
        # sentence (the text before names no unit the readers know): a new doer's duty all the same
        return tuple(doers)
    return None if not task.lead or _same_units(doers, list(task.lead)) else tuple(doers)


# a lead-in to the duties below, in a sentence after the first, with the first duty after its colon: "… . Trong đó, tập
# trung vào một số nhiệm vụ trọng tâm: Theo dõi chặt chẽ …"
ITEM_AFTER_LEAD_IN = re.compile(r"\b(?:nhiệm\s*vụ|nội\s*dung|giải\s*pháp|công\s*việc)\b[^:;.]{0,40}?\b(?:như|sau|tâm)"
                                r"\s?:\s+(?=[A-ZĐÀ-Ỹ][^;]{40,}$)", re.U)


_Piece = tuple[str, tuple[str, ...] | None]  # a piece's text, its own doer where it names another
_Opens = tuple[int, tuple[str, ...] | None]  # where a new piece opens in a sentence, its own doer


def _split_sentences(tasks: list[ParsedTask], opens: Callable[[str, ParsedTask, list[_Piece]], _Opens | None], *,
                     issued_on: dt.date | None,
                     adjust: Callable[[ParsedTask, int, str, tuple[str, ...] | None, ParsedTask], ParsedTask | None]
                     | None = None) -> list[ParsedTask]:
    """Each task's sentences, split into pieces: `opens(sentence, task, pieces)` says where a later sentence opens a
    new piece — (the offset it opens at, the part before going with the piece before; its own doer, None for the
    task's) — or None where the sentence goes on with the piece before. A task of two pieces or more gives a duty each
    (`_duty`; another doer's piece is led by that doer, with its own partners); `adjust` may change a duty or drop it
    (None)."""
    out: list[ParsedTask] = []
    for task in tasks:
        pieces: list[_Piece] = []
        for sentence in NEXT_SENTENCE.split(task.text):
            new = opens(sentence, task, pieces) if pieces else None
            if new is None:
                if pieces:
                    pieces[-1] = (f"{pieces[-1][0]} {sentence}", pieces[-1][1])
                else:
                    pieces.append((sentence, None))
                continue
            at, doer = new
            if at:
                pieces[-1] = (f"{pieces[-1][0]} {sentence[:at].strip()}", pieces[-1][1])
            pieces.append((sentence[at:], doer))
        if len(pieces) < 2:
            out.append(task)
            continue
        for n, (piece, doer) in enumerate(pieces, start=1):
            duty: ParsedTask | None = _duty(task, n, piece, issued_on=issued_on)
            if adjust is not None and duty is not None:
                duty = adjust(task, n, piece, doer, duty)
            if duty is None:
                continue
            out.append(duty if doer is None else
                       replace(duty, lead=doer, lead_source="text", support=tuple(find_supports(piece))))
    return out


REPORTS_BACK = re.compile(r"\s+báo\s*cáo\b", re.U)


# a later sentence where the speaker asks more work and names nobody: "Trong đó, Thủ tướng yêu cầu hoàn thành …",
# "Bộ trưởng cũng đề nghị khẩn trương rà soát …"
ASKED_AGAIN_WORK = re.compile(r"^(?:(?:Trong\s*đó|Đồng\s*thời|Ngoài\s*ra|Bên\s*cạnh\s*đó|Đặc\s*biệt)\s*,\s*)?"
                              r"(?P<s>[^,.;:]{2,60}?)\s+(?:cũng\s+|còn\s+)?(?:yêu\s*cầu|đề\s*nghị)\s+"
                              r"(?=(?:khẩn\s*trương|tập\s*trung|hoàn\s*thành|rà\s*soát|tiếp\s*tục|chủ\s*động|kiểm\s*tra|"
                              r"tổ\s*chức|xây\s*dựng|triển\s*khai|bảo\s*đảm|đảm\s*bảo|tăng\s*cường|"
                              r"thực\s*hiện)\b)", re.U)
SPEAKER_TITLE = re.compile(r"^(?:Phó\s+)?(?:Thủ\s*tướng|Chủ\s*tịch|Bí\s*thư|Bộ\s*trưởng|Giám\s*đốc|Trưởng\s*ban|"
                           r"[Đđ]ồng\s*chí|[Ôô]ng|[Bb]à)\b[^,.;:]{0,50}$", re.U)


def _retold_opens(sentence: str, task: ParsedTask, pieces: list[_Piece]) -> _Opens | None:
    """Where a retold report's later sentence opens the next piece of work (`_split_retold_sentences`)."""
    doer = _next_doer(sentence, task, pieces[-1][0]) \
        if len(pieces[-1][0]) >= 40 and len(sentence) >= 30 else None
    if doer is not None:
        return 0, None if doer == task.lead else doer
    if len(pieces[-1][0]) >= 40 and (again := ASKED_AGAIN_WORK.match(sentence)) is not None and \
            SPEAKER_TITLE.match(again.group("s").strip()) and task.lead and \
            not any(fold(lead) == fold(again.group("s").strip()) for lead in task.lead):
        # "… . Trong đó, Thủ tướng yêu cầu hoàn thành việc công bố phương án tuyển sinh …": the speaker asks more
        # work of the same doer, naming nobody
        return 0, None
    if (lead_in := ITEM_AFTER_LEAD_IN.search(sentence)) is not None:
        # "… . Trong đó, tập trung vào một số nhiệm vụ trọng tâm: Theo dõi chặt chẽ …": the lead-in goes with the
        # work before it, the first item after it is the same doer's next duty (the next ones are paragraphs of
        # their own)
        return lead_in.end(), None
    if len(pieces[-1][0]) >= 40 and len(sentence) >= 30 and not (NOT_OWN_DUTY.search(sentence) or
                                                                 CARRY_OUT_END.search(sentence)) and \
            _same_doer_again(sentence, task) is not None and \
            not REPORTS_BACK.match(sentence[len(name_prefix(sentence)):]):
        # "Sở A phối hợp với Sở B kiểm tra … . Sở A tăng cường phối hợp …": the same doer named again, its next duty
        # (with its own partners; not its report on the work above: "… . Phòng X báo cáo kết quả trước ngày …")
        return 0, task.lead
    return None


def _connective_goes_on(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A retold report's task that adds work with a connective and no doer of its own ("Mặt khác, tiến hành xử lý
    nghiêm …") right after a piece that turned to another doer ("… . Cụ thể, lực lượng Quản lý thị trường tăng cường
    …", a piece of the task before) is that doer's work too, not the lead of the ask above both."""
    out: list[ParsedTask] = []
    for task in tasks:
        prev = out[-1] if out else None
        conn = NEXT_CONNECTIVE.match(task.text)
        rest = task.text[conn.end():] if conn else ""
        if prev is not None and conn is not None and _whole_ref(prev.ref) != prev.ref and prev.lead and \
                prev.lead != task.lead and any(t.ref == _whole_ref(prev.ref) and t.lead == task.lead for t in out) and \
                WORK_CLAUSE.match(rest) and not _opens_with_doer(rest) and BARE_DOER.match(rest) is None:
            task = replace(task, lead=prev.lead)
        out.append(task)
    return out


def _split_retold_sentences(tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """In a retold report (see `_split_retold_chains`), a sentence that adds the next piece of work with a connective
    — "… . Đồng thời, nhà thầu tập trung nhân lực …", "… . Bên cạnh đó, các xã chú trọng …", "… . Đồng thời, thực hiện
    nghiêm túc chế độ báo cáo …" — is a duty of its own: the doer it names (a bare "xã" or "tỉnh" is the place the
    report is about: the task's own doer), or the same doer where it names none. So is a sentence that asks other
    units anew after an ask: "… . Đối với báo cáo chính trị, đồng chí yêu cầu ban soạn thảo tuân thủ …"."""
    return _split_sentences(tasks, _retold_opens, issued_on=issued_on)


# a later sentence that is no duty of its own: the closing formula ("Căn cứ văn bản này, các đơn vị triển khai thực
# hiện./."), a field of a table row ("Cơ quan chủ trì: …", "Các bộ, – Văn bản chỉ đạo."), a past act ("UBND huyện
# vừa ban hành …") or whom a unit answers to ("… chịu trách nhiệm toàn diện trước Chủ tịch UBND tỉnh nếu …", "…
# chịu trách nhiệm về số liệu …")
NOT_OWN_DUTY = re.compile(r"^(?:Căn\s*cứ\b|[^.;:]{0,40}:|[^.;:]{0,60},\s*[–-]\s)|"
                          r"\bchịu\s*trách\s*nhiệm\s+(?:toàn\s*diện\s+|hoàn\s*toàn\s+)?(?:trước|về|nếu)\b", re.U)


# an approval in principle, with nobody asked to act in its own sentence: "Đồng ý chủ trương điều chỉnh quy hoạch …
# như đề nghị của Bộ X." (not "Đồng ý chủ trương …, giao Sở Y …", "Đồng ý để Công ty Z …")
APPROVAL_ALONE = re.compile(r"^(?:Đồng\s*ý|Thống\s*nhất|Nhất\s*trí|Chấp\s*thuận)\s+(?:về\s*)?"
                            r"(?:chủ\s*trương|nguyên\s*tắc)\b(?![^.;]*\b(?:giao|để|cho\s+(?:[A-ZĐ]|các))\b)", re.U)


def _same_doer_again(sentence: str, task: ParsedTask) -> tuple[str, ...] | None:
    """The task's own doer where a later sentence names it again at its start, then a duty word or work verb — "Đề
    nghị Sở A rà soát … . Sở A tổng hợp kết quả, báo cáo …": the next duty of that doer."""
    if not task.lead or not _opens_with_doer(sentence):
        return None
    name = name_prefix(sentence)
    if DUTY_AFTER_DOER.match(sentence[len(name):]) is None or DATES_ONLY.match(sentence[len(name):]):
        return None
    doers = split_units(name) or [name]
    return task.lead if _same_units(doers, list(task.lead)) else None


# a timetable line: "Ngày 7/6/2027: Hạn cuối các trường in và phát giấy báo …", "Ngày 18-19/6/2027: Các điểm thi
# nhận hồ sơ …", "Ngày 8/7-17/7/2027: …" — the day (or the last day of the span) the line's work is due
TIMETABLE_LINE = re.compile(r"^(?:[-+•*]\s*)?Ngày\s*(?P<when>\d{1,2}(?:\s*[/.]\s*\d{1,2})?(?:\s*[-–]\s*\d{1,2})?"
                            r"\s*[/.]\s*\d{1,2}(?:\s*[/.]\s*\d{4})?)\s*:\s*(?P<rest>\S.*)$", re.U)
TIMETABLE_DAY = re.compile(r"(?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})(?:\s*[/.]\s*(?P<y>\d{4}))?(?!.*\d\s*[/.]\s*\d)")
LAST_DAY_CUE = re.compile(r"^(?:Hạn\s*(?:cuối|chót)|Chậm\s*nhất|Thời\s*hạn\s*cuối)\s*(?:để\s*|cho\s*)?", re.I | re.U)
# the group a timetable line's work falls to, up to its verb: "các trường THPT, các trung tâm in và phát …", "Các
# trường học được chọn đặt điểm thi nhận hồ sơ …"
TIMETABLE_DOER = re.compile(r"^(?P<d>(?:[Cc]ác|[Nn]hững)\s[^.;:]{2,80}?)\s+(?=(?:in|phát|nhận|cấp|gửi|nộp|hoàn\s*thành|"
                            r"tổ\s*chức|báo\s*cáo|xét|kiểm\s*tra|cập\s*nhật|tổng\s*hợp|chấm|bàn\s*giao|thông\s*báo|"
                            r"niêm\s*yết|rà\s*soát|lập)\b)", re.U)


def _timetable_tasks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """A timetable's lines, one item each: the sentences of a line that open with a group of units and its work are
    that group's tasks, due on the line's day; a line of events with no doer ("Ngày 11/7: Công bố kết quả …") is none.
    A line that opens with its date reads as background to the item readers, so no task holds these yet."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    for para in body:
        if (line := TIMETABLE_LINE.match(para.strip())) is None or (day := TIMETABLE_DAY.search(line["when"])) is None:
            continue
        year = int(day["y"]) if day["y"] else (issued_on.year if issued_on else None)
        try:
            due = dt.date(year, int(day["m"]), int(day["d"])) if year else None
        except ValueError:
            due = None
        for sentence in NEXT_SENTENCE.split(line["rest"]):
            sentence = LAST_DAY_CUE.sub("", sentence.strip())
            if len(sentence) < 30 or (doer := TIMETABLE_DOER.match(sentence)) is None or not new(sentence):
                continue
            task = _found_task(len(tasks) + len(out) + 1, sentence, [doer["d"]], issued_on=issued_on)
            out.append(task if task.due is not None or due is None else
                       replace(task, due=due, due_text=line["when"].strip()))
    return out


def _own_doer_opens(sentence: str, task: ParsedTask, pieces: list[_Piece]) -> _Opens | None:
    """Where a later sentence of a task's paragraph opens another doer's duty, or the same doer's named again
    (`_split_own_doer_sentences`)."""
    if len(pieces[-1][0]) < 40 or len(sentence) < 30 or NOT_OWN_DUTY.search(sentence) or \
            CARRY_OUT_END.search(sentence):
        return None
    doer = _own_doer(sentence, task, pieces[-1][0]) if not REPORTED_OPENING.match(sentence) else None
    if doer is None:
        doer = _same_doer_again(sentence, task)
    if doer is not None and (not _same_units(list(doer), list(task.lead)) or
                             not REPORTED_OPENING.match(pieces[0][0])):
        # (not the doer the task's lead was read from after a past act: "UBND huyện vừa ban hành thông báo … . Các
        # hộ kinh doanh có trách nhiệm …" is one task, that doer's)
        return 0, doer
    return None


def _own_doer_duty(task: ParsedTask, n: int, piece: str, doer: tuple[str, ...] | None, duty: ParsedTask, *,
                   issued_on: dt.date | None) -> ParsedTask | None:
    """A piece of `_split_own_doer_sentences` as a duty: none for an opening that only informs or approves; no date
    of the whole's where the whole's date was another sentence's, or where another doer's piece names none."""
    if n == 1 and (_informs(piece) or APPROVAL_ALONE.match(piece)):
        return None  # ("Đồng ý chủ trương … . Ủy ban nhân dân tỉnh X tổ chức lập …": the approval alone is none)
    if pick_deadline(piece, issued_on=issued_on) is None and task.due is not None and \
            (doer is not None or bool(task.due_text) and (task.due_text or "") in task.text):
        return replace(duty, due=None, due_text=None)
    return duty


def _split_own_doer_sentences(tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """In any document, a later sentence of a task's paragraph that opens with another doer's name and that doer's
    duty — "Sở A chủ trì xây dựng kế hoạch … . Ủy ban nhân dân các huyện có trách nhiệm bố trí kinh phí …" — is that
    doer's own task (`_own_doer`: a named unit, then a duty word or work verb at once; not the same doer, not a
    sentence that only dates the work above). A formal notice often packs an article's or an item's duties for
    several units into one paragraph."""
    return _split_sentences(tasks, _own_doer_opens, issued_on=issued_on,
                            adjust=lambda *piece: _own_doer_duty(*piece, issued_on=issued_on))


def _not_held(tasks: list[ParsedTask]) -> Callable[[str], bool]:
    """Whether a piece of text found apart from `tasks` is not already held by one of them (its first 60
    characters inside a task's text, folded)."""
    held = [fold(t.text) for t in tasks]
    return lambda text: not any(fold(text[:60]) in h for h in held)


def _found_task(n: int, text: str, leads: list[str], *, issued_on: dt.date | None,
                source: str = "text") -> ParsedTask:
    """Task number `n` of a retold report, found apart from the items (an agenda item, a group's obligation, a
    framed duty): led by `leads` (from `source`), read like any item — partners, date, recurrence."""
    return _task(str(n), text, issued_on=issued_on, ctx=_Context(leads=tuple(leads), supports=(), source=source),
                 parent=None, depth=1, leads=[])


# a news agency's name before the first sentence: "VOV.VN - Các địa phương cần …"
AGENCY_DASH = re.compile(r"^[A-ZĐ][\w.]{1,20}\s+[-–]\s+(?=[A-ZĐÀ-Ỹ])", re.U)
# what may stand between a unit and its work in a flat statement: "… sẽ tiến hành thanh tra …", "… đồng loạt triển
# khai …"
LONE_AUX = re.compile(r"^\s+(?:sẽ|đồng\s*loạt)(?=\s)", re.U)
# whom a unit answers to, no work: "Thủ trưởng cơ quan chịu trách nhiệm đối với những trường hợp báo cáo sai …"
ANSWERS_FOR = re.compile(r"^\s+chịu\s*trách\s*nhiệm\s+(?:toàn\s*diện\s+|hoàn\s*toàn\s+)?"
                         r"(?:trước|về|đối\s*với|nếu|khi)\b", re.U)


def _lone_duties(body: list[str], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """The duties a news copy states flat, a unit and its work at once — "Các Sở Giáo dục và Đào tạo tăng cường
    thanh kiểm tra …", "Từ nay đến trước ngày 30/3, Ủy ban MTTQ cấp huyện tiếp tục hướng dẫn …" (a time or a case
    before it) — one per paragraph, the first such of its first sentences. Read only where nothing else in the copy
    asks anybody: an account of work done opens the same way, so this is the last resort (the admin sees it in the
    preview)."""
    out: list[ParsedTask] = []
    for para in body:
        for sentence in SENTENCE_END.split(para.strip())[:3]:
            plain = AGENCY_DASH.sub("", PRESS_TAG.sub("", sentence.strip(), count=1), count=1)
            rest = plain if UNIT_START.match(plain) else after_opening(plain)
            if not rest or not _opens_with_doer(rest):
                continue
            name = name_prefix(rest)
            after = rest[len(name):]
            if (aux := LONE_AUX.match(after)) is not None:
                after = after[aux.end():]
            if DUTY_AFTER_DOER.match(after) is None or DATES_ONLY.match(after) or ANSWERS_FOR.match(after):
                continue
            out.append(_found_task(len(out) + 1, sentence.strip(), split_units(name) or [name], issued_on=issued_on))
            break
    return out


# a meeting's agenda for the period ahead, retold: "Hội nghị sơ kết Hội Nông dân xã đề ra 11 nội dung thực hiện
# trong quý II năm 2022, trọng tâm: A; B; C", "… gợi mở một số nội dung để HND huyện tiếp tục triển khai thực hiện:
# A; B", "Hội nghị đã thảo luận, thống nhất một số nhiệm vụ công tác quý IV như: A", "… đã phát biểu triển khai các
# nhiệm vụ trọng tâm cần thực hiện trong tháng 12, như: A"
AGENDA_LEAD_IN = re.compile(r"\b(?:đề\s*ra|gợi\s*mở|thống\s*nhất|xác\s*định|triển\s*khai)\b[^.;:]{0,120}?"
                            r"\b(?:nhiệm\s*vụ|nội\s*dung|giải\s*pháp)\b[^.;:]{0,80}?"
                            r"(?:như|trọng\s*tâm|sau|thực\s*hiện)\s*:\s*(?=\S)", re.U)
AGENDA_MIN = 20  # characters of an agenda item, for it to be one


def _agenda_tasks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None,
                  default_leads: list[str]) -> list[ParsedTask]:
    """The items of a retold meeting's agenda (AGENDA_LEAD_IN) that no task holds yet: one task each, led by the
    units the first item opens with or the body the lead-in names ("Hội Nông dân xã đề ra …"), dated by the period the
    lead-in names."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    for para in body:
        if (lead_in := AGENDA_LEAD_IN.search(para)) is None:
            continue
        items = [c.strip(" ;./") for c in para[lead_in.end():].split(";")]
        items = [c for c in items if len(c) >= AGENDA_MIN and new(c)]
        if not items:
            continue
        head = para[:lead_in.start()]
        named = list(UNIT_START.finditer(head))
        if UNIT_START.match(items[0]) and (first := name_prefix(items[0])):
            leads = split_units(first) or [first]
        elif named and (last := name_prefix(head[named[-1].start():])):
            leads = split_units(last) or [last]
        else:
            leads = list(default_leads)
        deadline = pick_deadline(para[:lead_in.end()], issued_on=issued_on)
        for item in items:
            task = _found_task(len(tasks) + len(out) + 1, item, leads, issued_on=issued_on,
                               source="text" if leads != default_leads else "addressee")
            out.append(replace(task, due=deadline.due, due_text=deadline.text) if deadline and not task.due else task)
    return out


# what a group must do, said of it in a retold report: "Các tàu thuyền đang hoạt động trên biển phải về bờ neo đậu …",
# "Đối với các điều tra viên, cần nghiêm túc, tập trung cao thực hiện …" (not "… phải là …", "… cần có …", nor an
# account: "Các xã đã phải huy động …")
# (also after the frame the sentence opens with: "Định kỳ từ ngày 1 đến ngày 5 hằng tháng, các đơn vị … phải cập nhật
# …", "Ngoài ra, các đội quản lý … cần …"; not where a unit asks in it: "Tại hội nghị, UBND tỉnh yêu cầu các xã phải …")
OBLIGATION = re.compile(r"^(?:Đối\s*với\s+)?"
                        r"(?:(?:(?!\b(?:yêu\s*cầu|đề\s*nghị|chỉ\s*đạo|giao|lưu\s*ý)\b)[^,.;:]){3,60}?,\s+)?"
                        r"(?P<d>[Cc]ác|[Nn]hững)\s+(?:(?!\b(?:đã|vừa)\b)[^,.;:]){3,60}?"
                        r"\s*,?\s+(?:cần|phải)\s+(?!là\b|có\b)(?=[a-zđà-ỹ])", re.U)
OBLIGATION_MIN = 40  # characters of a sentence, for it to be a duty


def _obligation_tasks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """The sentences of a retold report that say what a group must do (OBLIGATION) and no task holds yet: one task
    each, led by the group as the sentence names it, dated by the sentence."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    for para in body:
        for sentence in NEXT_SENTENCE.split(para):
            if (must := OBLIGATION.match(sentence)) is None or len(sentence) < OBLIGATION_MIN or not new(sentence):
                continue
            group = sentence[must.start("d"):].split(",")[0]
            group = re.split(r"\s+(?:cần|phải)\s+", group)[0].strip()
            out.append(_found_task(len(tasks) + len(out) + 1, sentence, [group], issued_on=issued_on))
    return out


# a speaker's ask retold in a report, the speaker and an optional frame before it: "Đồng chí Bí thư Huyện ủy yêu cầu
# lãnh đạo, cán bộ xã cần khẩn trương …", "Chủ tịch UBND thành phố đã chỉ đạo các sở, ngành, quận, huyện nhanh chóng
# kiểm tra …", "Tại buổi làm việc, thành viên Ban Chỉ đạo đề nghị ngành chuyên môn phối hợp với …", "Sở cũng lưu ý
# các đơn vị phải …" — the units asked, then their work
SPEAKER_ASK = re.compile(r"^(?:[^.;:]{0,160}?,\s+)?(?P<s>[^,.;:]{2,120}?)\s+"
                         r"(?:(?:cũng|đã|còn|tiếp\s*tục|phát\s*biểu|đồng\s*thời)\s+)*"
                         r"(?:yêu\s*cầu|đề\s*nghị|chỉ\s*đạo|lưu\s*ý|nhắc\s*nhở)\s+(?:cho\s+)?(?P<a>\S.*)$", re.U)
# a group of units as the subject before the verb, perhaps a list: "…, các đơn vị, địa phương" (SPEAKER_ASK's speaker is
# its last part)
GROUP_DIRECTS = re.compile(r"(?:^|,\s)(?P<g>(?:các|những|Các|Những)\s[^,.;:]{1,40}?(?:,\s*[^,.;:]{1,40}?)*)$", re.U)
# the comma that closes a speaker's title after a dash: "ông Trần Văn A – Phó Bí thư Thường trực Huyện ủy, chỉ đạo …"
TITLE_COMMA = re.compile(r"(?P<t>\s[–-]\s[^,.;:]{3,100}?),"
                         r"(?=\s+(?:yêu\s*cầu|đề\s*nghị|chỉ\s*đạo|lưu\s*ý|nhắc\s*nhở)\s)", re.U)
# (a cheap test first)
ASK_VERB_ANYWHERE = re.compile(r"\s(?:yêu\s*cầu|đề\s*nghị|chỉ\s*đạo|lưu\s*ý|nhắc\s*nhở)\s", re.U)
# where the units asked end and their work begins: a modal, a manner word, or a work verb
ASKED_WORK = re.compile(r"\s(?=(?:cần|phải|khẩn\s*trương|tập\s*trung|nhanh\s*chóng|bắt\s*tay|sớm|kịp\s*thời|"
                        r"chủ\s*động|quan\s*tâm|tiếp\s*tục|nghiêm\s*túc|tích\s*cực|thường\s*xuyên|tăng\s*cường|"
                        r"tuân\s*thủ|kiểm\s*tra|phối\s*hợp|hoàn\s*thành|xây\s*dựng|rà\s*soát|thực\s*hiện|"
                        r"triển\s*khai|tổ\s*chức|chỉ\s*đạo|chuẩn\s*bị|tham\s*mưu|nghiên\s*cứu|đẩy\s*nhanh|"
                        r"đẩy\s*mạnh|khắc\s*phục|xử\s*lý|báo\s*cáo|tiếp\s*thu|làm\s*rõ|đảm\s*bảo|bảo\s*đảm|"
                        r"không|vận\s*động|tuyên\s*truyền|hướng\s*dẫn|theo\s*dõi|rà\s*soát|giải\s*quyết|nêu\s*cao|"
                        r"nâng\s*cao|chủ\s*trì|"
                        r"tổng\s*(?:rà\s*soát|kiểm\s*tra|vệ\s*sinh|điều\s*tra|kiểm\s*kê))\b)", re.U)
# the asked in lower case: a group named by its kind ("các sở, ngành …", "lãnh đạo, cán bộ xã …", "ngành chuyên môn …");
# else a name (upper case) — not the work itself, nor a pointer back: "các nội dung …", "những nhiệm vụ …"
# (also a unit named by its kind in lower case, as news write it: "sở GD-ĐT", "phòng Nội vụ", "công an tỉnh")
ASKED_GROUP = re.compile(r"(?:các|những|toàn\s*thể|lãnh\s*đạo|cán\s*bộ|đài|ngành|thành\s*viên|cấp\s*ủy|chi\s*bộ|"
                         r"đảng\s*viên|người|hộ|sở|phòng|ban|công\s*an|chính\s*quyền|lực\s*lượng)\b", re.U)
ASKED_POINTER = re.compile(r"(?:các|những)\s+(?:nội\s*dung|nhiệm\s*vụ|giải\s*pháp|vấn\s*đề|công\s*việc|"
                           r"biện\s*pháp)\b", re.U)
# "yêu cầu", "chỉ đạo" as nouns after the words before them: "các văn bản chỉ đạo …", "ban chỉ đạo …", "được chọn chỉ
# đạo đại hội điểm", "có chỉ đạo …" (a directive mentioned), "yêu cầu này …"; or a sentence that opens with its verb
# ("Quan tâm chỉ đạo các chi bộ …": the work of the doer before, whom it directs is no doer)
NOT_A_SPEAKER = re.compile(r"\b(?:văn\s*bản|ban|Ban|công\s*tác|được|chọn|có|nhằm|theo|của|sự|ý\s*kiến)$|"
                           r"^(?:Quan\s*tâm|Tập\s*trung|Tăng\s*cường|Tiếp\s*tục|Thường\s*xuyên|Chủ\s*động)\b", re.U)


# (a closing call is short: "… yêu cầu các sở, ngành nghiêm túc triển khai thực hiện Kế hoạch này."; a long sentence
# with "nghiêm túc" spells its own work out: "… yêu cầu công an các đơn vị nêu cao tinh thần trách nhiệm, tập trung lực
# lượng thực hiện nghiêm túc nhiệm vụ được phân công, đảm bảo …" — unless it calls on what was said above: "Với các nội
# dung như trên, Sở X đề nghị … quan tâm, phối hợp trong quản lý … trên địa bàn tỉnh./.", CALL_ON_ABOVE)
CLOSING_MAX = 180
BRACKETED = re.compile(r"\s*\([^()]*\)")


def _speaker_ask_tasks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """The sentences of a retold report that tell a speaker's ask (SPEAKER_ASK) and that no task holds yet — where the
    units asked are named in a way no unit reader takes for a name ("cán bộ, đảng viên, công chức phường", "lãnh đạo,
    cán bộ xã", "ngành chuyên môn"), the candidate had no lead and the filter let it go: one task each, led by the
    units asked (up to where their work begins, ASKED_WORK), dated by the sentence."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    for para in body:
        for sentence in NEXT_SENTENCE.split(para):
            if len(sentence) < OBLIGATION_MIN or not ASK_VERB_ANYWHERE.search(sentence) or not new(sentence) or \
                    (ask := SPEAKER_ASK.match(TITLE_COMMA.sub(r"\g<t>", sentence))) is None \
                    or INTRO_END.search(sentence) or (_closing_ask(sentence) and (len(sentence) < CLOSING_MAX or
                                                                  CALL_ON_ABOVE.search(sentence))) \
                    or CARRY_OUT_END.search(sentence) or sentence.rstrip().endswith(":"):
                continue
            asked_text = ask.group("a")
            work = ASKED_WORK.search(asked_text)
            if work is None or ASKED_POINTER.match(asked_text) or NOT_A_SPEAKER.search(ask.group("s")) or \
                    not (asked_text[:1].isupper() or ASKED_GROUP.match(asked_text)):
                continue
            # (a gloss in brackets is no part of the name: "Sở NN-PTNT (cơ quan thường trực Ban Chỉ huy …) chủ trì")
            asked = BRACKETED.sub("", asked_text[:work.start()]).strip(" ,")
            if not 1 <= len(asked.split()) <= 14 or len(asked_text[work.end():]) < 20:
                continue
            leads = split_units(asked) or [asked]
            if (group := GROUP_DIRECTS.search(ask.string[:ask.end("s")])) is not None and \
                    re.match(r"\s*chỉ\s*đạo\b", ask.string[ask.end("s"):]):
                # "…, các đơn vị, địa phương chỉ đạo các trường … triển khai …": a group of units is no speaker;
                # directing the ones under it is its own work
                leads = split_units(group.group("g")) or [group.group("g")]
            out.append(_found_task(len(tasks) + len(out) + 1, sentence, leads, issued_on=issued_on))
    return out


# a news item's account of a letter just sent and whom it asks (a letter told without "vừa" is background: see
# test_r16_letter_just_sent): "Phó Chủ tịch UBND tỉnh X vừa ký văn bản gởi các Sở A, B và
# các huyện yêu cầu rà soát …" (the addressees asked), "Chủ tịch UBND tỉnh vừa có văn bản chỉ đạo Sở X phối hợp với …
# tổ chức kiểm tra …", "UBND tỉnh vừa ban hành văn bản số 1345/UBND-KT chỉ đạo, UBND huyện Y phối hợp Sở Z kiểm điểm
# …" (the unit named after the ask)
# (the ask may be said twice, "có văn bản chỉ đạo, yêu cầu Sở X …"; "ý kiến chỉ đạo của Thủ tướng … giao Bộ X …" asks
# with "giao", after whose direction it was)
LETTER_SENT_ASK = re.compile(r"\b(?:vừa|đã)\s+(?:ký|ban\s*hành|có|gửi|gởi)\s+(?:văn\s*bản|công\s*văn|công\s*điện|"
                             r"chỉ\s*thị|thông\s*báo)\b[^.;:]{0,80}?\s(?:(?:gửi|gởi)\s+(?P<to>[^.;:]{3,200}?)\s+)?"
                             r"(?P<ask>(?:chỉ\s*đạo\s*,?\s+)?(?:yêu\s*cầu|đề\s*nghị|giao)|chỉ\s*đạo(?!\s+của\b))"
                             r"\s*,?\s+(?=\S)", re.U)
# a letter sent to units, whose ask follows their names with the work: "Sở GD&ĐT Hòa Bình gửi văn bản đến các phòng
# GD&ĐT, các đơn vị trường học trực thuộc yêu cầu rà soát …" (the addressees asked; told with or without "vừa")
LETTER_SENT_TO = re.compile(r"\b(?:gửi|gởi)\s+(?:văn\s*bản|công\s*văn|công\s*điện)(?:\s+số\s+\S+)?\s+(?:đến|tới|cho)\s+"
                            r"(?P<to>(?:các|những)\s[^.;:]{3,200}?|[A-ZĐÀ-Ỹ][^.;:]{3,200}?)\s+"
                            r"(?P<ask>yêu\s*cầu|đề\s*nghị)\s+(?=[a-zđà-ỹ])", re.U)
# an ask a unit has made, told in the news: "Sở X đã đề nghị các đơn vị liên quan tạm ngừng cấp phép …" (not an ask of
# the document's own addressee — "Bộ X đã đề nghị UBND tỉnh …" in a letter is background: the asked must be a group or
# a unit other than a people's committee or council)
TOLD_ASK = re.compile(r"^(?:[^,.;]{0,40},\s*)?[^,.;]{3,80}?\s(?:đã|vừa)\s+(?:đề\s*nghị|yêu\s*cầu|chỉ\s*đạo|giao)\s+"
                      # (or one department or agency: "UBND tỉnh đã giao Sở GD-ĐT chấn chỉnh …")
                      r"(?=(?:các|những)\s|(?:cho\s+)?(?:Sở|Bộ|Phòng|Cục|Chi\s*cục|Công\s*an|Thanh\s*tra|Trung\s*tâm)\s)",
                      re.U)
# the letter's details, in the next paragraph: "Theo đó, Chủ tịch UBND huyện yêu cầu: …", "Cụ thể, …"
DETAILS_FOLLOW = re.compile(r"^(?:Theo\s*đó|Cụ\s*thể)\s*,", re.U)
# a later ask of the same sentence, with its own doer: "…, yêu cầu đến 30/5/2016 Sở Nội vụ phải có báo cáo …"
LATER_ASK = re.compile(r",\s+(?:đồng\s*thời,?\s+)?(?=(?:yêu\s*cầu|đề\s*nghị|giao)\s)", re.U)
# the next sentence's ask with nobody named, the work right after it: "UBND tỉnh cũng yêu cầu kiểm điểm, xử lý …" —
# asked of the same units
ALSO_ASKS_BARE = re.compile(r"^[^,.;]{2,60}?\s+cũng\s+(?:yêu\s*cầu|chỉ\s*đạo|đề\s*nghị)\s+(?=[a-zđà-ỹ])", re.U)


def _letter_asks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """`tasks` with the sentences of a news item that tell a letter's ask (LETTER_SENT_ASK) and that no task holds
    yet: one task each, led by the addressees asked, or by the unit the ask names; a later ask of the sentence that
    names its own doer is a task of its own. A task that is the next sentence's bare ask (ALSO_ASKS_BARE) is led by
    the same units."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    bare_asks: dict[str, list[str]] = {}
    unled: dict[str, list[str]] = {}
    for p, para in enumerate(body):
        sentences = NEXT_SENTENCE.split(para)
        for i, sentence in enumerate(sentences):
            if len(sentence) >= OBLIGATION_MIN and (sent := LETTER_SENT_TO.search(sentence)) is not None and \
                    not new(sentence[sent.end():]):
                # (a task that holds it already, with no lead: the addressees the letter asks)
                unled[fold(sentence[:60])] = split_units(sent.group("to").strip()) or [sent.group("to").strip()]
                continue
            m = LETTER_SENT_ASK.search(sentence) or LETTER_SENT_TO.search(sentence) or TOLD_ASK.match(sentence)
            if len(sentence) < OBLIGATION_MIN or m is None or not new(sentence[m.end():]) or \
                    sentence.rstrip().endswith(":"):
                continue
            if i + 1 == len(sentences) and p + 1 < len(body) and DETAILS_FOLLOW.match(body[p + 1]):
                continue  # "… có công văn chỉ đạo các cơ quan tăng cường … ." then "Theo đó, …": the letter's gist
            rest = _capitalised(sentence[m.end():])
            if m.groupdict().get("to") and rest[:1].isalpha() and sentence[m.end()].islower() and \
                    not _opens_with_doer(rest):
                leads = split_units(m.group("to").strip()) or [m.group("to").strip()]
            elif _opens_with_doer(rest):
                name = sentence[m.end():][:len(name_prefix(rest))]
                leads = split_units(name) or [name]
            else:
                continue
            pieces = LATER_ASK.split(sentence)
            first, later = pieces[0], pieces[1:]
            kept = [first]
            for piece in later:
                named, strength = find_leads_ranked(piece)
                if strength >= STRONG and named and not _same_units(named, leads):
                    out.append(_found_task(len(tasks) + len(out) + 2, piece, named, issued_on=issued_on))
                else:
                    kept.append(piece)
            out.insert(len(out) - (len(pieces) - len(kept)),
                       _found_task(len(tasks) + len(out) + 1, ", ".join(kept), leads, issued_on=issued_on))
            if i + 1 < len(sentences) and (bare := ALSO_ASKS_BARE.match(sentences[i + 1])) is not None and \
                    not _opens_with_doer(_capitalised(sentences[i + 1][bare.end():])):
                bare_asks[fold(sentences[i + 1][:60])] = leads
    if bare_asks:
        tasks = [replace(t, lead=tuple(lead), lead_source="text")
                 if (lead := bare_asks.get(fold(t.text[:60]))) is not None else t for t in tasks]
    if unled:
        tasks = [replace(t, lead=tuple(lead), lead_source="text")
                 if not t.lead and (lead := next((v for k, v in unled.items() if k in fold(t.text)), None)) else t
                 for t in tasks]
    return tasks + out


# the frame a retold report's next duty is set in, before the unit that does it: "Theo đó, …", "Theo kế hoạch, …"
# (the plan the report retells), "Vì vậy, …" (what the situation told before calls for), "Trong thời gian này, …",
# "Trong thời gian tới, …", "Trong thời gian từ ngày 15/3 đến ngày 30/3/2017, …", "Sau khi ban hành Kế hoạch, …",
# "Trong đó, công an tỉnh cần phối hợp …" (one of the units a letter asked, and its share)
DUTY_FRAME = re.compile(r"^(?:Theo\s*đó|" + PLAN_FRAME + r"|" + THEREFORE + r"|Trong\s*đó|"
                        r"Trong\s*thời\s*gian\s*(?:này|tới)|"
                        r"Trong\s*thời\s*gian\s*từ[^,:]{5,60}|"
                        # (not a meeting's step: "Sau khi nghe báo cáo, Thường trực Huyện ủy đánh giá cao …")
                        r"Sau\s*khi\s(?!(?:nghe|thảo\s*luận|xem\s*xét|làm\s*việc|kiểm\s*tra|khảo\s*sát|thăm|đi)\b)"
                        r"[^,.;:]{5,80})"
                        r"\s*[,:]\s*", re.U)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _framed_duty_tasks(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """The sentences of a retold report that set a unit's work in its frame — "Trong thời gian này, Tổ Quản lý đô thị
    phố kết hợp với … triển khai …" (DUTY_FRAME, then a unit and its verb) — and that no task holds yet: one task
    each, led by the unit, dated by the sentence."""
    new = _not_held(tasks)
    out: list[ParsedTask] = []
    for para in body:
        for sentence in NEXT_SENTENCE.split(para):
            # (not a lead-in to the items below, nor a unit's ask of others: "Theo đó, UBND tỉnh yêu cầu các sở …")
            # (the unit after the frame's comma may be written in lower case: "Trong đó, công an tỉnh cần …")
            if (frame := DUTY_FRAME.match(sentence)) is None or len(sentence) < OBLIGATION_MIN or \
                    not _opens_with_doer(rest := _capitalised(sentence[frame.end():])) or \
                    sentence.rstrip().endswith(":") or \
                    UNIT_ASKS.match(rest[len(name_prefix(rest)):]) or not new(sentence):
                continue
            name = sentence[frame.end():][:len(name_prefix(rest))]
            out.append(_found_task(len(tasks) + len(out) + 1, sentence, split_units(name) or [name],
                                   issued_on=issued_on))
    return out


def _duty(task: ParsedTask, n: int, piece: str, *, issued_on: dt.date | None,
          support: tuple[str, ...] | None = None) -> ParsedTask:
    """The n-th duty split off `task`, its text `piece`: its own date and recurrence (the whole's date where it names
    none), the whole's doer; `support`: its own, where the caller found one."""
    deadline = pick_deadline(piece, issued_on=issued_on)
    due, due_text = (deadline.due, deadline.text) if deadline else (task.due, task.due_text)
    return replace(task, ref=_duty_ref(task.ref, n), text=piece, due=due, due_text=due_text,
                   support=task.support if support is None else support, recurrence=find_recurrence(piece))


def _whole_ref(ref: str) -> str:
    """The task a duty was split off (`_duty_ref`): "4 (ý 2)" → "4"; a task not split off is its own."""
    return ref.split(" (ý", 1)[0]


def _duty_ref(ref: str, n: int) -> str:
    """The n-th duty of the task `ref`: "4" → "4 (ý 2)"; of a duty already split off, "4 (ý 2)" → "4 (ý 2.2)"."""
    if n == 1:
        return ref
    if (part := re.search(r" \(ý (\d+(?:\.\d+)*)\)$", ref)) is not None:
        return f"{ref[:part.start()]} (ý {part.group(1)}.{n})"
    return f"{ref} (ý {n})"


# an account of work done, not work asked: "Các nhiệm vụ … tiếp tục được chỉ đạo thực hiện đồng bộ, hiệu quả; …"
ACCOUNT_CLAUSE = re.compile(r"\bđược\s+(?:chỉ\s*đạo|triển\s*khai|thực\s*hiện|quan\s*tâm|tăng\s*cường)\b", re.U)
CHAIRS = re.compile(r"\bchủ\s*trì\b", re.U)


# the lead-in of a list of duties inside a retold paragraph: "… tập trung vào một số nhiệm vụ trọng tâm: A; B",
# "… triển khai một số nhiệm vụ trọng tâm, như: A; B", "… lãnh đạo tốt theo các nội dung sau: A; B"
DUTIES_LEAD_IN = re.compile(r"\b(?:nhiệm\s*vụ|nội\s*dung|giải\s*pháp|công\s*việc)\b[^:;.]{0,40}?\b(?:như|sau|tâm)\s?:"
                            r"\s+(?=[^;]{40,};)", re.U)


# the condition a ';' clause sets before its verb: "…; nếu đúng, phối hợp …", "…; nếu cần thiết, tổ chức …" (the
# other frames — "trên cơ sở đó,", "sau đó," — the connective split reads already)
CLAUSE_FRAME = re.compile(r"^nếu\s*(?:đúng|có|cần\s*thiết|phát\s*hiện\s+[^,;]{3,40}?|không\s*đúng|sai|"
                          r"vượt\s*thẩm\s*quyền),\s+", re.U)


def _retold_clauses(text: str) -> list[str]:
    """The ';' clauses of a retold paragraph, a lead-in to its list of duties ("… một số nhiệm vụ trọng tâm, như:")
    a clause of its own, the first duty after it with its verb in lower case."""
    clauses: list[str] = []
    for clause in (c.strip() for c in re.split(r"(?<=;)\s+", text)):
        if (lead_in := DUTIES_LEAD_IN.search(clause)) is not None:
            rest = clause[lead_in.end():]
            clauses += [clause[:lead_in.end()].strip(), rest[:1].lower() + rest[1:]]
        else:
            clauses.append(clause)
    return clauses


# a ';' clause of a retold chain that names its own doer in lower case, then its duty: "…; nhà trường phải có quy chế
# …", "…; lực lượng vũ trang có phương án bảo đảm an toàn …", "…; các xã cần …"
CLAUSE_DOER = re.compile(r"^(?P<d>(?:các\s+)?nhà\s*trường|"
                         r"lực\s*lượng\s+(?:vũ\s*trang|công\s*an|quân\s*đội|chức\s*năng)|"
                         rf"các\s+{_BARE_DOER_KIND})\s+(?:(?:cần|phải)\s+|có\s+(?:phương\s*án|kế\s*hoạch)\b)", re.U)


# an ask with nobody named, the work right after it: "Thủ tướng yêu cầu đối với vấn đề vượt thẩm quyền, báo cáo …",
# "UBND tỉnh cũng yêu cầu kiểm điểm …"
BARE_ASK_AGAIN = re.compile(r"^[^,.;]{2,60}?\s+(?:cũng\s+)?(?:yêu\s*cầu|chỉ\s*đạo|đề\s*nghị)\s+(?=[a-zđà-ỹ])", re.U)
ASKED_BEFORE = re.compile(r"\b(?:yêu\s*cầu|chỉ\s*đạo|đề\s*nghị|giao)\b", re.U)


def _asked_again(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A news task with no doer whose text is a bare ask (BARE_ASK_AGAIN) is asked of whom the task before it asked;
    one whose text is a speaker's ask of units no unit reader takes for a name ("ông X yêu cầu ban tuyên giáo, ban
    tuyên huấn các địa phương, đơn vị tham mưu …") is asked of them (see `_speaker_ask_tasks`)."""
    out: list[ParsedTask] = []
    for t in tasks:
        if not t.lead and (spoken := _speaker_ask_tasks([t.text], [], issued_on=None)):
            t = replace(t, lead=spoken[0].lead, lead_source="text")
        elif not t.lead and out and out[-1].lead and t.ref.startswith(out[-1].ref.split(" (")[0] + " (ý"):
            t = replace(t, lead=out[-1].lead, lead_source=out[-1].lead_source)  # (a clause split off that task)
        before = out[-1] if out else None
        if not t.lead and before is not None and before.lead and ASKED_BEFORE.search(before.text) and \
                (bare := BARE_ASK_AGAIN.match(t.text)) is not None and \
                not _opens_with_doer(_capitalised(t.text[bare.end():])):
            t = replace(t, lead=before.lead, lead_source="text")
        out.append(t)
    return out


def _clause_doers(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A task split off a retold chain whose text opens with its own doer (CLAUSE_DOER) is that doer's."""
    return [replace(t, lead=(m.group("d"),), lead_source="text") if (m := CLAUSE_DOER.match(t.text)) is not None
            and t.lead != (m.group("d"),) else t for t in tasks]


def _split_retold_chains(tasks: list[ParsedTask], *, issued_on: dt.date | None) -> list[ParsedTask]:
    """A text with neither a kind nor a number of its own — a news or portal report of a meeting's conclusions, a
    letter retold in paragraphs — strings one doer's duties together with ';', each after the first opening with its
    verb: "yêu cầu các xã: (1) Tập trung rà soát …; tăng cường kiểm tra …; (2) …". Such a report's duties are one
    task each, with the doer, support and date of the whole where the clause names none of its own. (A formal notice
    gives each duty an item of its own and its ';' clauses go on with that item's duty: not split there.)"""
    out: list[ParsedTask] = []
    for task in tasks:
        pieces: list[str] = []
        if ";" in task.text and len(task.text) >= 60:
            for clause in _retold_clauses(task.text):
                # (where the doer's part is to direct others or to lead a joint piece of work — "X chỉ đạo các xã
                # …; rà soát …", "Giao X chủ trì, …; trang bị …" — the later clauses go on with it, a report aside)
                probe = clause[frame.end():] if (frame := CLAUSE_FRAME.match(clause)) else clause
                if pieces and len(clause) >= 40 and not PARTNERS_ONLY.match(probe) and (REPORTS_ON.match(probe) or (
                        WORK_CLAUSE.match(probe) or DIRECTS_OTHERS.match(probe) or RETOLD_WORK.match(probe)
                        or CLAUSE_DOER.match(probe)) and not CHAIRS.search(pieces[0])):
                    pieces.append(clause)
                elif pieces:
                    pieces[-1] = f"{pieces[-1]} {clause}"
                else:
                    pieces.append(clause)
        # (two clauses stay one task where the text opens with its verb, no doer named. Where the first directs others
        # — "X chỉ đạo các xã A; B" — a retold report's B is still the doer's own next duty: "yêu cầu Chủ tịch UBND
        # huyện chỉ đạo các phòng, ban tăng cường …; kịp thời kiểm tra, xử lý nghiêm …" is two tasks)
        if len(pieces) < 2 or len(pieces) == 2 and _also_work(task.text) or \
                ACCOUNT_CLAUSE.search(pieces[0]) or ASSESSMENT.search(pieces[0]):
            out.append(task)
            continue
        named_support = bool(find_supports(task.text))
        out += [_duty(task, n, piece, issued_on=issued_on,
                      support=tuple(find_supports(piece)) or (() if named_support else task.support))
                for n, piece in enumerate(pieces, start=1)]
    return out


def _resolve_back_references(tasks: list[ParsedTask], body_text: str) -> list[ParsedTask]:
    """A lead that only points back ("đơn vị nêu trên", "các đơn vị trên", "Công ty") where the text listed the units
    earlier ("… của các đơn vị: Công ty A (…); Tổng công ty B (…) cho thấy …", then "yêu cầu đơn vị nêu trên …"): the
    units of that list, for every task whose lead is such a pointer (the lead-in's "đơn vị nêu trên" reaches the items
    under it as their context, which no later item can resolve on its own)."""
    if not any(t.lead and is_generic_reference(list(t.lead)) for t in tasks):
        return tasks
    referred = units_referred_back(body_text)
    if not referred:
        return tasks
    return [replace(t, lead=tuple(referred)) if t.lead and is_generic_reference(list(t.lead)) and
            _may_point_back(list(t.lead), tuple(referred)) else t for t in tasks]


# a lead that points at the unit just named: "Sở Công Thương có trách nhiệm … . Bên cạnh đó, cơ quan này phải …",
# "UBND các huyện … phải … . Ngoài ra, các đơn vị này cần …", "Với tỉnh Đăk Nông, Thủ tướng yêu cầu địa phương này …"
THIS_ONE = re.compile(r"^(?:các\s+)?(?:cơ\s*quan|đơn\s*vị|địa\s*phương|ngành|tỉnh|huyện|xã|sở|bộ)\s+(?:này|đó)$",
                      re.I | re.U)
# the unit a sentence turns to before it asks: "Với tỉnh Đăk Nông, …", "Đối với UBND huyện A, …"
TURNED_TO = re.compile(r"(?:^|[.;]\s+)(?:Riêng\s+)?(?:[Vv]ới|[Đđ]ối\s*với)\s+(?P<u>[^,;:.]{3,80}?),", re.U)


def _resolve_this_one(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A lead that only points at the unit just named ("cơ quan này", "các đơn vị này", "địa phương này"): the unit the
    sentence turned to before it ("Với tỉnh Đăk Nông, …"), else the lead of the task before it, else a unit the task
    names before the pointer; left as written when there is none (the admin sees it in the preview)."""
    out: list[ParsedTask] = []
    last: tuple[str, ...] = ()
    for i, task in enumerate(tasks):
        if any(KIND_POINTER.match(lead.strip()) for lead in task.lead):
            # ("Bộ này và UBND các cấp tăng cường …": the ministry the text named last before the pointer, whoever
            # else the task names beside it)
            task = replace(task, lead=tuple(_kind_named_before(lead, task, tasks[:i]) for lead in task.lead))
        if len(task.lead) == 1 and THIS_ONE.match(task.lead[0].strip()):
            turned = [m for m in TURNED_TO.finditer(task.text) if task.text.find(task.lead[0]) > m.start()]
            named = split_units(turned[-1].group("u")) if turned else []
            if not named and turned and re.match(r"(?:tỉnh|huyện|xã|phường|quận|thành\s*phố)\s+[A-ZĐÀ-Ỹ]",
                                                 turned[-1].group("u")):
                named = [turned[-1].group("u").strip()]  # ("Với tỉnh Đăk Nông": a place, the province it names)
            if not named and not last and (at := task.text.find(task.lead[0])) > 0:
                named = find_leads(task.text[:at])  # ("… UBND các huyện phải … . Ngoài ra, các đơn vị này cần …")
            if named or last:
                task = replace(task, lead=tuple(named) if named else last)
        if task.lead and not (len(task.lead) == 1 and THIS_ONE.match(task.lead[0].strip())):
            last = task.lead
        out.append(task)
    return out


# a sentence that turns to a unit, then asks work of it without naming it again: "Đối với NHNN chi nhánh các tỉnh,
# NHNN yêu cầu phối hợp với …", "Riêng với UBND huyện A, Chủ tịch đề nghị khẩn trương …" (the verb right after the ask)
TURNED_TO_ASK = re.compile(r"^(?:[^,.;:]{0,40},\s*)?(?:Riêng\s+)?(?:[Đđ]ối\s*với|[Vv]ới)\s+(?P<u>[^;:.]{3,100}?),\s*"
                           r"[^,.;:]{0,80}?\b(?:yêu\s*cầu|đề\s*nghị|giao|chỉ\s*đạo)\s+(?:phải\s+|cần\s+)?"
                           r"(?=[a-zđà-ỹ])(?!các\s|những\s|toàn\s|cho\s)", re.U)


def _asked_the_one_turned_to(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A task whose sentence turns to a unit and asks without naming one (TURNED_TO_ASK) is that unit's, where it has
    no lead or a lead that runs on from the unit into the asking speaker ("NHNN chi nhánh các tỉnh, NHNN": a speaker no
    unit reader knows); so are the tasks after it that carry that same lead or, split off it, none."""
    out: list[ParsedTask] = []
    given: dict[str, tuple[str, ...]] = {}
    corrected: dict[tuple[str, ...], tuple[str, ...]] = {}
    for t in tasks:
        turned = TURNED_TO_ASK.match(t.text)
        named = turned.group("u").strip() if turned is not None else ""
        run_on = bool(t.lead) and bool(named) and len(", ".join(t.lead)) > len(named) and \
            re.match(r"\s*,", ", ".join(t.lead)[len(named):]) is not None and \
            fold(", ".join(t.lead)[:len(named)]) == fold(named)
        if named and (not t.lead or run_on) and (UNIT_START.match(named) or re.match(r"[A-ZĐÀ-Ỹ]", named)):
            lead = tuple(split_units(named) or [named])
            if run_on:
                corrected[t.lead] = lead
            t = replace(t, lead=lead, lead_source="text")
            given[_whole_ref(t.ref)] = t.lead
        elif t.lead in corrected:
            t = replace(t, lead=corrected[t.lead])
        elif not t.lead and _whole_ref(t.ref) != t.ref and _whole_ref(t.ref) in given:
            t = replace(t, lead=given[_whole_ref(t.ref)], lead_source="text")
        out.append(t)
    return out


# a group given by examples: "các địa phương như: Hà Nội, Hải Phòng, Nam Định …", "các tỉnh như Quảng Ninh và Thái
# Bình" — the lead as a unit reader leaves it ("các địa phương như") and the names that follow it in the text
SUCH_AS = re.compile(r"^(?P<g>(?:các|những)\s+[^,;:]{2,40}?)\s+như(?:\s*:\s*|\s+)?(?P<rest>.*)$", re.U)


def _such_as(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A lead that names a group by examples (SUCH_AS) is the units it lists, each by its capitalised name, where
    the text lists two or more; else the group without "như"."""
    out = []
    for t in tasks:
        leads: list[str] = []
        for lead in t.lead:
            such = SUCH_AS.match(lead.strip())
            if such is None:
                leads.append(lead)
                continue
            at = t.text.find(lead.strip())
            after = re.match(r"\s*:?\s*", t.text[at + len(lead.strip()):]) if at >= 0 else None
            listed = name_prefix(t.text[at + len(lead.strip()) + after.end():]) if after is not None else ""
            names = [n.strip() for n in re.split(r"\s*,\s*|\s+và\s+", listed) if n.strip()]
            if such.group("rest"):  # (the reader kept the names: "các tỉnh như Quảng Ninh, Hải Phòng và Thái Bình")
                names = [n.strip() for n in re.split(r"\s*,\s*|\s+và\s+", such.group("rest")) if n.strip()]
            if len(names) >= 2 and all(re.match(r"[A-ZĐÀ-Ỹ]", n) and len(n.split()) <= 6 for n in names):
                leads += names
            else:
                leads.append(such.group("g"))
        out.append(replace(t, lead=tuple(leads)) if leads != list(t.lead) else t)
    return out


# a pointer to a ministry or department by its kind: "Bộ này", "Sở đó" (the one the text named last)
KIND_POINTER = re.compile(r"^(?P<k>[Bb]ộ|[Ss]ở)\s+(?:này|đó)$", re.U)


def _kind_named_before(lead: str, task: ParsedTask, before: list[ParsedTask]) -> str:
    """`lead` as the unit it points at (KIND_POINTER): the last unit of its kind named in full — a capitalised name —
    in the texts of the tasks before it or in its own text before the pointer; `lead` itself when none is named."""
    pointer = KIND_POINTER.match(lead.strip())
    if pointer is None:
        return lead
    at = task.text.find(lead)
    context = " ".join([*(t.text for t in before), task.text[:at] if at > 0 else ""])
    kind = pointer.group("k").capitalize()
    for m in reversed(list(re.finditer(rf"(?<!\w){kind}\s+(?=[A-ZĐÀ-Ỹ])", context))):
        name = (split_units(name_prefix(context[m.start():])) or [""])[0]
        if len(name) > len(m.group(0).strip()) + 1:
            return name
    return lead


# a kind of unit written bare where the text named the one unit of that kind in full before it: "đề nghị HTX Tuyền
# Hiền xây dựng …; HTX cần xin …", "Công ty Điện lực X báo cáo …. Công ty chủ động …" (not a plural, "các Trung tâm",
# "Các Cục Thuế": the labels keep some as written and resolve others)
BARE_KIND_LEAD = re.compile(r"^(?P<k>Trung\s*tâm|Cục|Chi\s*cục|HTX|Hợp\s*tác\s*xã|Công\s*ty|Bệnh\s*viện|Trạm|"
                            r"Ban\s*Quản\s*lý|Văn\s*phòng|Phòng|Sở)$", re.U)


def _proper_words(name: str) -> str:
    """The last run of capitalised words of a name: "sản xuất, kinh doanh nông nghiệp Tân Tiến về …" → "Tân Tiến"."""
    runs: list[list[str]] = [[]]
    for word in re.split(r"[\s,;:.]+", name):
        if word[:1].isupper():
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    return " ".join(next((r for r in reversed(runs) if r), []))


def _named_in_full(tasks: list[ParsedTask], text: str) -> list[ParsedTask]:
    """A task whose one lead is a bare kind ("HTX", "Công ty") takes the one unit of that kind the text named in
    full before the task ("HTX Tuyền Hiền"); left as it is when the text named none, or several of that kind."""
    out = []
    for t in tasks:
        bare = BARE_KIND_LEAD.match(t.lead[0]) if len(t.lead) == 1 else None
        at = text.find(t.text[:40]) if bare else -1
        if bare is None or at < 0:
            out.append(t)
            continue
        kind = re.escape(bare.group("k")).replace(r"\ ", r"\s*")
        named: dict[str, str] = {}  # the proper name's words → the unit as last written ("HTX sản xuất … Tuyền Hiền")
        for m in re.finditer(rf"(?<![\w])(?:{kind})\s+(?=\S)", text[:at], re.I):
            name = (split_units(name_prefix(text[m.start(): at])) or [""])[0]
            if len(name) > len(m.group(0).strip()):
                proper = _proper_words(name[len(m.group(0)):])
                named[proper or name] = name
        one = next(iter(named.values())) if len(named) == 1 else ""
        out.append(replace(t, lead=(one,)) if re.match(rf"(?:(?:các|những)\s+)?(?i:{kind})\s+[A-ZĐÀ-Ỹ]", one) else t)
    return out


# the teams by their kind alone, after the text told of them being set up: "… thành lập 12 đoàn kiểm tra chuyên ngành
# … . Đoàn sẽ tập trung kiểm tra …", "Tổ công tác có nhiệm vụ …" (a plural, "các đoàn kiểm tra", stays as written: it
# names them as well)
BARE_TEAM_LEAD = re.compile(r"^(?:[Đđ]oàn|[Tt]ổ)(?:\s+(?:công\s*tác|kiểm\s*tra|thanh\s*tra|giám\s*sát|"
                            r"liên\s*ngành|chuyên\s*ngành))*$", re.U)
TEAMS_TOLD = re.compile(rf"\bthành\s*lập\s+(?P<u>{TEAMS})", re.U)


def _teams_set_up(tasks: list[ParsedTask], text: str) -> list[ParsedTask]:
    """A task led by teams named by their kind alone ("Đoàn", "Tổ công tác") takes the counted teams the text
    told of being set up before it ("thành lập 12 đoàn kiểm tra chuyên ngành"); left as it is when none was told."""
    out = []
    for t in tasks:
        at = text.find(t.text[:40]) if len(t.lead) == 1 and BARE_TEAM_LEAD.match(t.lead[0].strip()) else -1
        told = list(TEAMS_TOLD.finditer(text[:at])) if at > 0 else []
        out.append(replace(t, lead=(told[-1].group("u"),)) if told else t)
    return out


# the place asked, named again by its kind alone at the start of a later sentence: "UBND tỉnh yêu cầu UBND huyện Chiêm
# Hóa theo dõi chặt chẽ … . Địa phương sẵn sàng lực lượng …"
BARE_PLACE_LEAD = re.compile(r"^Địa\s*phương$", re.U)
NAMED_PLACE = re.compile(rf"\b(?:huyện|xã|phường|thị\s*xã|thị\s*trấn|quận|thành\s*phố|tỉnh)\s+{CAPITAL}", re.U)


def _place_again(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A task whose sentence opens with "Địa phương" as its doer (and the later pieces of that sentence) is the duty of
    the one named place the task before it was given to ("UBND huyện Chiêm Hóa"; "huyện Minh Hóa" of "huyện Minh Hóa
    và các đơn vị liên quan"); left as it is after a group of places or several of them."""
    out: list[ParsedTask] = []
    place: tuple[str, ...] | None = None  # what the last "Địa phương" was read as (its sentence's next pieces too)
    for t in tasks:
        bare = len(t.lead) == 1 and BARE_PLACE_LEAD.match(t.lead[0].strip())
        if bare and t.text.startswith("Địa") and out:
            named = [u for u in out[-1].lead if NAMED_PLACE.search(u) and not re.search(r"\bcác\b", u)]
            place = (named[0],) if len(named) == 1 else None
        elif not (bare and "(ý" in t.ref):
            place = None
        out.append(replace(t, lead=place) if bare and place else t)
    return out


# an ask to the place by its level alone — "Đoàn công tác đề nghị xã bổ sung …", "đoàn yêu cầu phường báo cáo
# thêm …", "yêu cầu địa phương tiếp tục …" — after a visit or a check: the place visited
ASKS_THE_PLACE = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu|giao)\s+(?:cho\s+)?"
                            r"(?P<w>địa\s*phương|xã|phường|thị\s*trấn|huyện|thị\s*xã)\s+(?=[a-zđà-ỹ])"
                            r"(?!(?:và|có|các|nêu|trên|này|nhà|bạn|đó)\b)", re.U)
VISITED = re.compile(r"\b(?:làm\s*việc|kiểm\s*tra|giám\s*sát|khảo\s*sát|thăm)\s+(?:[^.;]{0,150}?\s)?(?:với|tại)\s+"
                     r"(?=(?:UBND|Ủy\s*ban|Uỷ\s*ban|Đảng\s*ủy|Đảng\s*uỷ|Đảng\s*bộ|xã|phường|thị\s*trấn|huyện|thị\s*xã)\s)",
                     re.U)


def _asked_the_visited(tasks: list[ParsedTask], text: str) -> list[ParsedTask]:
    """The place an ask names by its level alone ("đề nghị xã …", "yêu cầu địa phương …") is the one the text names
    with that level — the place visited or checked ("… làm việc với Đảng ủy xã Mỹ Hòa", "… kiểm tra … tại huyện X"),
    else the first unit named with that level word ("Theo báo cáo của UBND phường 1, …"). Only for a task whose text
    asks nobody else by name."""
    if not any(ASKS_THE_PLACE.search(t.text) for t in tasks):
        return tasks

    def place(word: str) -> str | None:
        starts = [m.end() for m in VISITED.finditer(text)]
        if word != "địa phương":
            starts += [m.start() for m in re.finditer(rf"(?:(?:UBND|Ủy\s*ban\s*nhân\s*dân|Đảng\s*ủy|Đảng\s*bộ)\s+)?"
                                                      rf"\b{word}\s+(?=[A-ZĐÀ-Ỹ0-9])", text)]
        for at in sorted(starts):
            name = name_prefix(text[at:]).split(",")[0].strip()
            if name and (word == "địa phương" or re.search(rf"\b{word}\b", name)) and \
                    re.search(r"\s(?:[A-ZĐÀ-Ỹ]|\d)", name):
                return name
        return None

    out: list[ParsedTask] = []
    resolved: tuple[str, ...] | None = None
    for t in tasks:
        m = ASKS_THE_PLACE.search(t.text)
        if m and not _asks_a_unit(t.text[:m.start()] + t.text[m.end():]) and \
                (where := place(re.sub(r"\s+", " ", m.group("w")))) is not None:
            t = replace(t, lead=(where,), lead_source="text")
            resolved = t.lead
        elif resolved and not t.lead and t.text[:1].islower():
            t = replace(t, lead=resolved, lead_source="text")  # "…; đồng thời yêu cầu …": the same sentence goes on
        else:
            resolved = None
        out.append(t)
    return out


# the list a lead-in announces and nothing besides: "… thực hiện tốt các nội dung sau:", "… tập trung chỉ đạo thực hiện
# đồng bộ, có hiệu quả các nhiệm vụ, giải pháp trọng tâm sau:", "… triển khai thực hiện một số nhiệm vụ trọng tâm, như:"
BARE_LIST = re.compile(
    r"[\s,]+(?:(?:cần|phải|có\s*trách\s*nhiệm)\s+)?(?:(?:tập\s*trung|khẩn\s*trương|tiếp\s*tục|quan\s*tâm)\s+)?"
    r"(?:(?:lãnh\s*đạo\s*,?\s*)?chỉ\s*đạo\s*,?\s+)?(?:(?:triển\s*khai|tổ\s*chức)\s+)?(?:thực\s*hiện|triển\s*khai)"
    r"(?:\s*,?\s*(?:tốt|nghiêm\s*túc|nghiêm|quyết\s*liệt|đồng\s*bộ|(?:và\s+)?có\s*hiệu\s*quả))*\s+"
    r"(?:(?:một\s*số|các|những)\s+)?(?:nội\s*dung|nhiệm\s*vụ|công\s*việc|việc|giải\s*pháp|biện\s*pháp)"
    r"(?:\s*(?:,|và)\s*(?:giải\s*pháp|nhiệm\s*vụ|biện\s*pháp))?(?:\s+(?:chủ\s*yếu|trọng\s*tâm|cụ\s*thể))*"
    r"\s*,?\s*(?:như\s*sau|sau\s*đây|như|sau)\s*:\s*$", re.I | re.U)
# who is asked before such a list: "… yêu cầu", "… đề nghị", "… giao", "… thông báo cho / đến"
BARE_ASK = re.compile(r"(?:^|[\s,;])(?:yêu\s*cầu|đề\s*nghị|giao|thông\s*báo\s*(?:cho|đến|tới))\s+(?:quý\s+)?(?=\S)",
                      re.I | re.U)


def _bare_lead_in(text: str) -> bool:
    """Whether a task's text only announces the items below it: one sentence that asks units to carry out "the
    following" ("Chủ tịch UBND tỉnh yêu cầu các sở, ngành tập trung thực hiện các nhiệm vụ sau:") — a heading
    (CORPUS.md: the items under a directive heading are the tasks). Not a lead-in that carries work of its own ("…
    triển khai thực hiện tốt các nhiệm vụ theo Nghị quyết, trong đó tập trung một số nhiệm vụ như:", "… hoàn thiện
    Đề án trước ngày 20/10. Trong đó chú ý một số nội dung sau:"), nor a numbered item ("Thực hiện báo cáo đầy đủ
    nội dung như sau:")."""
    text = text.strip()
    if len(text) > 600 or re.search(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])", text[:-1]):
        return False
    # ("… đề nghị Ủy ban nhân dân các tỉnh, thành phố:": the units asked and the colon, the work all below)
    if (tail := BARE_LIST.search(text) or re.search(r"\s*:\s*$", text)) is None:
        return False
    asks = list(BARE_ASK.finditer(text[:tail.start()]))
    if not asks:
        return False
    asked = text[asks[-1].end():tail.start()].strip(" ,")
    return bool(asked) and name_prefix(asked) == asked


def _drop_bare_lead_ins(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """Tasks without the lead-ins that only announce the items after them (`_bare_lead_in`); the items split off the
    lead-in's own paragraph ("1 (ý 2)", "1 (ý 3)") take its number ("1", "1 (ý 2)")."""
    out = list(tasks)
    i = 0
    while i < len(out) - 1:
        task = out[i]
        if not _bare_lead_in(task.text):
            i += 1
            continue
        del out[i]
        ref = task.ref
        for j, other in enumerate(out):
            if (part := re.fullmatch(rf"{re.escape(ref)} \(ý (\d+)((?:\.\d+)*)\)", other.ref)) is not None:
                n = int(part.group(1)) - 1
                new_ref = ref if n <= 1 and not part.group(2) else f"{ref} (ý {max(n, 1)}{part.group(2)})"
                out[j] = replace(other, ref=new_ref, parent_ref=task.parent_ref if other.parent_ref == ref
                                 else other.parent_ref)
            elif other.parent_ref == ref:
                out[j] = replace(other, parent_ref=task.parent_ref)
    return out


# "… tổng hợp, báo cáo …": the receiver of the reports asked just above compiles them
ROLL_UP = re.compile(r"\btổng\s*hợp\b.{0,80}?\bbáo\s*cáo\b", re.I | re.U | re.S)


def _rolled_up_reports(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """"VI.1. Các phòng báo cáo … về Phòng Kế hoạch - Tổng hợp trước ngày 18 hằng tháng." then "VI.2. Phòng Kế
    hoạch - Tổng hợp tổng hợp, báo cáo Lãnh đạo Sở …": the office that receives a recurring report compiles each
    round, so its task (with no time of its own) recurs as the report does (probe 42: a monthly roll-up closed for
    good by its first "xong")."""
    out = list(tasks)
    for n in range(1, len(out)):
        before, task = out[n - 1], out[n]
        if before.recurrence is None or task.recurrence is not None or task.due is not None or not task.lead \
                or not ROLL_UP.search(task.text):
            continue
        folded = fold(before.text)
        day = ROUND_DAY.search(before.text)
        if day is not None and any(re.search(rf"\b(?:ve|den|toi|cho|qua)\s+{re.escape(fold(unit))}\b", folded)
                                   for unit in task.lead):
            # its rounds fall with the reports it compiles (no day of its own: not at each month's end, nor before
            # the first report is due)
            out[n] = replace(task, recurrence=before.recurrence, due_text=nfc(day.group(0)))
    return out


# the day each round of a recurring report falls on: "trước ngày 18 hằng tháng", "chậm nhất ngày 20 hàng quý"
ROUND_DAY = re.compile(r"(?:trước|chậm\s*nhất|vào|trong)\s*(?:ngày\s*)?\d{1,2}\s*(?:hằng|hàng)\s*(?:tháng|quý)",
                       re.I | re.U)


def _consecutive(tasks: list[ParsedTask], text: str) -> list[ParsedTask]:
    """Tasks of a text without numbered items (a news copy, a letter in paragraphs) are numbered by paragraph; when
    some paragraphs are not tasks the numbers skip ("1, 3, 4, 5") and read as the document's own — the clerk typing
    "3: …" for the third task meant the third. Such numbers are made 1, 2, 3 …; a document's own numbers (a line
    that opens with one) are kept as written."""
    refs = [t.ref for t in tasks]
    if not refs or not all(r.isdigit() for r in refs) or any(t.parent_ref for t in tasks) or \
            refs == [str(n) for n in range(1, len(refs) + 1)]:
        return tasks
    if any(re.search(rf"(?m)^\s*(?:[-–•*+]\s*)?{re.escape(r)}\s*[.)/:-]", text) for r in refs if r != "0"):
        return tasks
    return [replace(t, ref=str(n)) for n, t in enumerate(tasks, start=1)]


def _until_questions(body: list[str]) -> list[str]:
    """A news rendition that goes on as questions and answers ("Hoạt động … được quy định như thế nào?" and the
    law quoted in reply) after the document's items: the answers explain, they assign nothing."""
    seen_item = False
    for i, ln in enumerate(body):
        mark = _marker(ln)
        if mark is not None and mark[0] != "heading":
            seen_item = True
        elif seen_item and ln.rstrip(" *").endswith("?") and len(ln) < 200:
            return body[:i]
    return body


def _indicator_table(lines: list[str]) -> bool:
    """An appendix of targets ("PHỤ LỤC 1 / CÁC CHỈ TIÊU CHỦ YẾU …": Nội dung | Mục tiêu): numbers, no doer."""
    title = " ".join(lines[:4])
    target_column = any(re.fullmatch(r"(?:Mục\s*tiêu|Chỉ\s*tiêu)(?:\s*(?:đến\s*)?năm\s*\d{4})?", ln.strip(), re.I)
                        for ln in lines[:8])
    return (target_column or re.search(r"CHỈ\s*TIÊU\s*(?:CHỦ\s*YẾU|CƠ\s*BẢN)", title) is not None) and \
        not any(re.search(r"chủ\s*trì|thực\s*hiện|phụ\s*trách", ln, re.I) for ln in lines[:25])


def _list_table(lines: list[str]) -> bool:
    """An attachment that is a table of names (inspected units, members, addresses): it opens with a "TT"/"STT"
    header and no row says who leads or by when."""
    first = next((ln for ln in lines[:4] if not ln.isupper()), "")
    return re.match(r"^(?:STT|TT|Số\s*TT)\b", first) is not None and \
        not any(re.search(r"(?:Cơ\s*quan|Đơn\s*vị)\s*chủ\s*trì\s*:|Thời\s*gian\s*hoàn\s*thành\s*:", ln) for ln in lines)


# (also "Ngày đăng 21/09/2018 | 14:09 | Lượt xem: 150", "10:12, 01/12/2021", "Cập nhật ngày: 19-10-2024",
# "Thứ Bảy, 28/03/2020, 18:27 [GMT+7]", "24/12/2018 17:12 CH": a line that holds only the stamp)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:SA|CH|AM|PM)\b)?"
# (after the portal's section name: "Chính trị - Ngày đăng : 05:24, 11/06/2015")
POSTED_RE = re.compile(r"^[•\s]*(?:(?:[^\W\d_][^\d\n|:]{0,30}?\s[-|]\s*)?(?:Ngày\s*)?(?:Đăng|Cập\s*nhật)\s*"
                       r"(?:ngày|lúc)?\s*:?\s*)?"
                       r"(?:" + _CLOCK + r"\s*[,|]?\s*)?"  # ("14:58 | 27/12/2014")
                       r"(?:(?:Thứ\s*\w+|Chủ\s*nhật)\s*,?\s*)?"
                       r"(?P<d>\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\2\s*\d{4})(?:\s*[-|,]?\s*" + _CLOCK + r")?"
                       r"\s*(?:[(\[]\s*GMT\s*\+\s*7\s*[)\]])?\s*(?:\|\s*Lượt\s*xem\s*:?\s*[\d.]+\s*)?$", re.I | re.U)


# a news copy opens with the day it reports on: "Ngày 12/3/2026, UBND tỉnh ban hành …", "Chiều 05/4/2026, …",
# "(Báo X) - Sáng ngày 8/11/2026, …"
OPENING_DATE = re.compile(r"^(?:\([^()]{1,40}\)\s*[-–]\s*)?(?:(?:Sáng|Chiều|Tối|Trưa)\s+(?:nay\s*)?)?(?:ngày\s*)?"
                          r"(?P<d>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s*,", re.I | re.U)


def _opening_date(body: list[str]) -> dt.date | None:
    """The day a news copy without a date line reports on, from the opening of its first paragraphs."""
    for para in body[:4]:
        if m := OPENING_DATE.match(para.strip()):
            return parse_date_phrase(re.sub(r"[.\-]", "/", re.sub(r"\s+", "", m.group("d"))))
    return None


# a year the text names — on its own ("đến hết năm 2015", "tháng 2/2023") or in a full date ("28.1.2016") — but not in
# a document's number ("32/2020/QĐ-UBND"), a span of years ("2020 - 2025") or a target ("đến năm 2030", "tầm nhìn 2045")
NAMED_YEAR = re.compile(r"(?<![\d/])(?<!đến năm )(?<!tầm nhìn )(?<!tầm nhìn đến năm )((?:19|20)\d\d)(?!\d)"
                        r"(?!\s*/\s*[A-ZĐ])(?!\s*[-–]\s*(?:19|20)\d\d)", re.U)
YEAR_SPAN_END = re.compile(r"(?:19|20)\d\d\s*[-–]\s*$")
DATED_YEAR = re.compile(r"(?<![\d/])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*((?:19|20)\d\d)(?!\d)(?!\s*/\s*[A-ZĐ])")


def _year_context(body: list[str]) -> dt.date | None:
    """A news copy with no date line, stamp or dated opening that names one year only: 1 January of it, so that a day
    or month without its year ("trước ngày 30-8", "trong quý II") falls in that year; none where it names several."""
    text = "\n".join(body)
    named = [m.group(1) for m in NAMED_YEAR.finditer(text) if not YEAR_SPAN_END.search(text[max(0, m.start() - 8):
                                                                                           m.start()])]
    years = set(named) | set(DATED_YEAR.findall(text))
    if len(years) == 1:
        return dt.date(int(years.pop()), 1, 1)
    # a copy that opens with a day and month of the year it reports in ("Ngày 26/1, …") and names that year most, the
    # year before only as the past ("… đón Tết Nguyên đán 2016 …; hoàn thành xuất sắc nhiệm vụ năm 2015")
    latest = max(years, default="")
    others = years - {latest}
    if latest and OPENING_DAY.match(body[0] if body else "") and all(int(y) == int(latest) - 1 for y in others) \
            and named.count(latest) > sum(named.count(y) for y in others):
        return dt.date(int(latest), 1, 1)
    return None


OPENING_DAY = re.compile(r"^(?:\([^()]{1,40}\)\s*[-–]\s*)?(?:(?:Sáng|Chiều|Tối|Trưa)\s+(?:nay\s*)?)?[Nn]gày\s*"
                         r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*,", re.U)


def _posted_on(text: str) -> dt.date | None:
    """The posting stamp of a portal copy in its first lines ("THỨ BA, 25/02/2020 08:51:00")."""
    for ln in [ln.strip() for ln in text.split("\n") if ln.strip()][:6]:
        if m := POSTED_RE.match(ln):
            return parse_date_phrase(m.group("d"))
    return None


def _drop_restated(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """A plan lists its tasks in the body and again in a task table with who and when: keep the table row,
    drop the body item that says the same with less ("a) Xây dựng Thông tư …" / "Xây dựng Thông tư … |
    Cục X | Quý III/2026")."""
    def key(t: ParsedTask) -> str:
        return re.sub(r"[^a-z0-9]", "", fold(t.text))

    keys = [key(t) for t in tasks]
    out = []
    for i, t in enumerate(tasks):
        k = keys[i]
        fuller = len(k) >= 40 and any(
            j != i and len(keys[j]) >= len(k) + 10 and keys[j].startswith(k[:max(40, len(k) - 2)])
            and (bool(u.lead) or u.due is not None) and (len(u.lead) >= len(t.lead)) and (t.due is None or u.due)
            and (not t.lead or u.lead) and not LEAD_IN_ASK.search(u.text[len(t.text) - 5:])
            for j, u in enumerate(tasks))
        if not fuller:
            out.append(t)
    return out


# a news headline that tells what a body did "về việc …": "UBND tỉnh chỉ đạo về việc tham gia ý kiến dự thảo …"
ABOUT_HEADLINE = re.compile(r"^[^.;:]{3,100}?\s(?:chỉ\s*đạo|có\s*ý\s*kiến|có\s*văn\s*bản|ban\s*hành)\s+"
                            r"về\s*việc\s[^.;:]{5,150}\.?$", re.U)


# a news teaser: the headline is the instruction, the next sentence says whose it is and to whom ("Đó là chỉ đạo của
# UBND tỉnh đối với các sở, ngành, UBND các huyện tại Công văn số …")
TEASER = re.compile(r"^Đó\s*là\s*(?:một\s*trong\s*(?:những|các)\s*)?(?:nội\s*dung\s*|ý\s*kiến\s*)?"
                    r"(?:chỉ\s*đạo|yêu\s*cầu|đề\s*nghị)\s+của\s+[^.;]{3,150}?\s(?:đối\s*với|gửi)\s+"
                    r"(?P<u>[^.;]{3,300}?)(?:\s(?:tại|theo|trong|về\s*việc|khi|để|nhằm)\s|[.;]|$)", re.U)


def _teaser(headline: str | None, body: list[str]) -> list[str] | None:
    """The units the teaser sentence under a directive headline names, if the body opens with one."""
    if not headline or not body or (m := TEASER.match(body[0])) is None or not UNIT_START.match(m.group("u")):
        return None
    return split_units(m.group("u")) or [m.group("u")]


# a news headline that tells who directed what, naming nobody directed: "Chủ tịch UBND huyện chỉ đạo tăng cường kiểm
# tra …", "UBND tỉnh chỉ đạo tổ chức trực …" (the body says whom; the one who directs is no doer)
DIRECTOR_HEADLINE = re.compile(r"^(?P<who>[^.;:,]{3,80}?)\s(?:đã\s+|vừa\s+)?chỉ\s*đạo\s+(?!cho\b)(?=(?P<rest>\S))",
                               re.U)


def _director_headline(line: str) -> bool:
    m = DIRECTOR_HEADLINE.match(line)
    return m is not None and UNIT_START.match(m.group("who")) is not None and \
        UNIT_START.match(line[m.start("rest"):]) is None and not _marker(line)


def _headline(line: str) -> bool:
    """A title line: short, no closing punctuation, not an item, not a sentence that names who acts
    ("Tập trung chỉ đạo sản xuất vụ đông xuân" asks nobody; an upper-case news title)."""
    if ABOUT_HEADLINE.match(line):
        return True
    if len(line) < 160 and not re.search(r"[.:;!?…]$", line) and _director_headline(line):
        return True
    mark = _marker(line)
    return len(line) < 160 and not re.search(r"[.:;!?…]$", line) and (mark is None or mark[0] == "heading") and \
        not (DIRECTIVE_CUE.search(line) and (find_leads_ranked(line)[1] >= STRONG or ASK_WORD.match(line) is not None
                                             or re.search(r"\d{1,2}\s*/\s*\d{1,2}", line) is not None)) and \
        not line.startswith(("Kính", "Số"))


def _recipients(lines: list[str], end: int) -> list[str]:
    """The "Nơi nhận" list after the body."""
    at = next((i for i in range(end, len(lines)) if RECIPIENTS_HEAD.match(lines[i])), None)
    if at is None:
        return []
    out = []
    for ln in lines[at + 1: at + 40]:
        if not ln.startswith(("-", "+", "•")):
            break
        out.append(ln.lstrip("-+• ").strip(" ;.,"))
    return out


@dataclass(frozen=True)
class _Context:
    leads: tuple[str, ...]
    supports: tuple[str, ...]
    explicit: bool = False  # named by a parent item or heading, not just the addressee
    source: str | None = None  # where `leads` came from: "heading" or "addressee"
    owned: bool = False  # named by a responsibility line after the group: only an item that opens with its doer differs
    leaders: tuple[str, ...] = ()  # the leaders in charge named for the group ("Lãnh đạo phụ trách: …")


# The closing call to every unit after the last item, often with the date all reports are due: "Sở Nội vụ
# trân trọng đề nghị các cơ quan, đơn vị phối hợp thực hiện và gửi báo cáo … trước ngày 18/11/2016."
CLOSING_CALL = re.compile(r"(?:đề\s*nghị|yêu\s*cầu)\s+(?:quý\s+)?(?:các\s+)?(?:cơ\s*quan|đơn\s*vị|địa\s*phương|"
                          r"Quý\s*cơ\s*quan)(?:,\s*(?:đơn\s*vị|địa\s*phương))*\s+(?!sau\b)", re.I | re.U)


def _closing_call(body: list[str], issued_on: dt.date | None) -> tuple[list[str], tuple[dt.date, str] | None]:
    """Drop a closing call after the last item; return its deadline for the items that have none."""
    if len(body) < 2 or _marker(body[-1]) is not None or \
            not any((mk := _marker(ln)) is not None and mk[0] != "heading" for ln in body[:-1]):
        # (a news copy's upper-case headline is no item: a call after paragraphs only is the text's own ask)
        return body, None
    last = body[-1]
    if not CLOSING_CALL.search(last):
        return body, None
    deadline = pick_deadline(last, issued_on=issued_on)
    return body[:-1], ((deadline.due, deadline.text) if deadline and deadline.exact else None)


# The closing that asks the units to carry out everything above by one date: "UBND tỉnh yêu cầu Thủ trưởng các sở, …;
# Chủ tịch UBND các huyện … thực hiện đầy đủ các yêu cầu trên và gửi văn bản về UBND tỉnh trước ngày 05/11/2015."
REFERS_ABOVE = re.compile(r"(?:yêu\s*cầu|đề\s*nghị)\s[^.]{0,240}?\b(?:thực\s*hiện|triển\s*khai(?:\s*thực\s*hiện)?)\s+"
                          r"(?:đầy\s*đủ\s+|nghiêm\s*túc\s+|tốt\s+)?(?:các\s+|những\s+)?"
                          r"(?:yêu\s*cầu|nội\s*dung|nhiệm\s*vụ|việc|công\s*việc)\s+(?:nêu\s+|đã\s*nêu\s+)?trên\b[^.]*",
                          re.I | re.U)


def _due_of_all_above(body: list[str], issued_on: dt.date | None) -> tuple[dt.date, str] | None:
    """The date a closing call after the items gives to all of them ("… thực hiện đầy đủ các yêu cầu trên và gửi văn
    bản về UBND tỉnh trước ngày 05/11/2015"); the call itself stays what it is."""
    if len(body) < 2 or _marker(body[-1]) is not None or \
            not any((mk := _marker(ln)) is not None and mk[0] != "heading" for ln in body[:-1]):
        return None
    m = REFERS_ABOVE.search(body[-1])
    deadline = pick_deadline(m.group(), issued_on=issued_on) if m else None
    return (deadline.due, deadline.text) if deadline and deadline.exact else None


def _extract_tasks(body: list[str], *, issued_on: dt.date | None, default_leads: list[str],
                   shared_due: bool = True) -> list[ParsedTask]:
    body, closing_due = _closing_call(body, issued_on)
    if closing_due is None and shared_due and (shared := _due_of_all_above(body, issued_on)) is not None:
        return [t if t.due or t.recurrence else replace(t, due=shared[0], due_text=shared[1])
                for t in _extract_tasks(body, issued_on=issued_on, default_leads=default_leads, shared_due=False)]
    if closing_due is not None:
        return [t if t.due else replace(t, due=closing_due[0], due_text=closing_due[1])
                for t in _extract_tasks(body, issued_on=issued_on, default_leads=default_leads)]
    root = build_tree(body)
    tasks: list[ParsedTask] = []
    base = _Context(leads=tuple(default_leads), supports=(), source="addressee" if default_leads else None)
    if root.owners:
        base = _Context(leads=tuple(root.owners), supports=tuple(root.owner_supports), explicit=True,
                        source="heading")
    if root.leaders:
        base = replace(base, leaders=tuple(root.leaders))
    if not root.children:
        # (a portal's link to the full text, "Xem chi tiết tại đây.", "<tệp>.pdf", says nothing to do)
        paragraphs = [p for p in root.lines[1:] if not FULL_TEXT_LINK.match(p)]
        # "… có ý kiến như sau:" — every paragraph after it directs, even without "giao", "đề nghị"
        opinion = max((i for i, p in enumerate(paragraphs)
                       if (INTRO_END.search(p) or i + 1 < len(paragraphs) and _asks_listed_work(p))
                       and not re.match(r"Cử\s*tri", p)), default=-1)
        lead_in_due = None
        if opinion >= 0:
            # "Theo đó, X yêu cầu cấp ủy các chi bộ thực hiện tốt một số nội dung như sau:": whom it asks does
            # the paragraphs below
            base = _lead_in_context(paragraphs[opinion], base)
            # ("… thực hiện tốt các nội dung trong tháng 9/2027 như sau:": and by when)
            lead_in_due = _shared_due(paragraphs[opinion], issued_on)
        return _letter_tasks(paragraphs, issued_on=issued_on, base=base, directive_after=opinion,
                             lead_in_due=lead_in_due)
    intro = root.lines[1:]
    lead_in = intro[-1] if intro and intro[-1].rstrip().endswith(":") else None
    inherited_due = None
    unit_work = None
    # "Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:" — the items explain the law; only what they ask of a
    # unit is work, and the ask made before the lead-in ("…, Bộ Tài chính yêu cầu các đơn vị thực hiện …") stays one
    # (the guide is not who acts on the guidance)
    guidance = lead_in is not None and _guidance_lead_in(lead_in, root.lines)
    if lead_in is not None and not guidance:
        # "Đề nghị các đơn vị báo cáo các nội dung sau, gửi về trước ngày 12/6/2026:": who and by when,
        # for every item below
        base = _lead_in_context(lead_in, base)
        if (shared := _shared_due(lead_in, issued_on)) is not None:
            inherited_due = ListDue(shared)  # (every unit's, whoever the items below name)
    elif intro and _inline_work(intro[-1]) and (named := heading_units(intro[-1][:intro[-1].index(":")])):
        # "Sở Công Thương: Theo dõi … ." over "- Chủ động tham mưu …": the unit's first work, and the unit leads the
        # items below it
        unit_work = intro[-1]
        base = _Context(leads=tuple(named), supports=(), explicit=True, source="heading")
    _mark_law_text(root)
    _doers_after_work(root)
    # (a paragraph that opens with an account and then charges a unit: "UBND tỉnh vừa quyết định thành lập … . Chủ
    # tịch UBND các huyện có trách nhiệm chỉ đạo …" — its parts by doer are read as in a letter)
    intro_tasks = [ln for ln in intro if (_directive_paragraph(ln) or any(
        _directive_paragraph(part) and _unit_opens_with_work(part) for part, _ in _by_subject([ln])[1:]))
        and not INTRO_END.search(ln) and ln is not lead_in]
    if lead_in is not None and len(sentences := re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", lead_in)) > 1 and \
            _directive_paragraph(own := " ".join(sentences[:-1])) and (_asks_a_unit(own) or _unit_opens_with_work(own)):
        # "X yêu cầu Y lãnh đạo thực hiện tốt … . Ngoài ra cần nhấn mạnh các sự kiện như:": work before the list
        intro_tasks.append(own)
    if guidance:
        intro_tasks = [ln for ln in intro_tasks if _asks_a_unit(ln)]  # (not the issuer's own work in progress)
    if lead_in is not None and SENDING_LEAD_IN.search(lead_in) and \
            all(DELIVERY_ITEM.search(c.text) and not c.children for c in root.children):
        # "Báo cáo gửi về Sở X trước ngày 15/6/2026:" over "- Bằng văn bản …", "- Bằng thư điện tử …": how the
        # report asked above is sent, not work; its day is the ask's deadline
        asks = _letter_tasks([ln for ln in intro_tasks if ln is not lead_in], issued_on=issued_on, base=base)
        return [t if t.due or inherited_due is None else replace(t, due=inherited_due[0], due_text=inherited_due[1])
                for t in asks]
    if intro_tasks and (guidance or not any(INTRO_END.search(ln) for ln in intro)):
        tasks += _letter_tasks([ln for ln in intro_tasks if ln is not unit_work], issued_on=issued_on, base=base)
    if unit_work is not None:
        tasks += _letter_tasks([unit_work], issued_on=issued_on, base=base, in_directive_section=True)
    _walk(root, tasks, issued_on=issued_on, ctx=base, directive=not guidance, ref_prefix="",
          inherited_due=inherited_due, guidance=guidance)
    # "2. Thời gian nộp báo cáo: Các đơn vị gửi về Sở … trước ngày 11/5/2023": the report asked in the items beside
    # it is due then
    sent_by = next((d for c in root.children if REPORT_TIME_HEAD.match(c.head)
                    and (d := pick_deadline(c.text, issued_on=issued_on)) is not None and d.exact), None)
    if sent_by is not None:
        tasks = [replace(t, due=sent_by.due, due_text=sent_by.text)
                 if t.due is None and t.recurrence is None and REPORT_WORK.search(t.text) else t for t in tasks]
    return tasks


# an item that only says when a report is due: "2. Thời gian nộp báo cáo:", "Thời hạn gửi báo cáo"
REPORT_TIME_HEAD = re.compile(r"^(?:Thời\s*(?:gian|hạn)|Hạn)\s*(?:nộp|gửi)\s*báo\s*cáo\b", re.I | re.U)
REPORT_WORK = re.compile(r"\bbáo\s*cáo\b", re.I | re.U)


# how a report asked above is to be sent, over the channels: "Báo cáo gửi về Sở Nội vụ trước ngày 15/6/2026:"
SENDING_LEAD_IN = re.compile(r"^(?:Báo\s*cáo|Văn\s*bản(?:\s*báo\s*cáo)?|Hồ\s*sơ|Danh\s*sách|Ý\s*kiến|Kết\s*quả)\b"
                             r"[^:]{0,120}?\bgửi\s*(?:về|đến|tới|cho)\b[^:]*:\s*$", re.U)
# a channel to send by: "- Bằng văn bản theo địa chỉ …", "- Bằng Fax …", "- Qua thư điện tử …", "- Bản mềm gửi …"
DELIVERY_ITEM = re.compile(r"^(?:Bằng|bằng|Qua|qua|Gửi\s*(?:qua|bằng)|Bản\s*(?:giấy|mềm|điện\s*tử|chính))\s", re.U)


# A letter's lead-in to guidance on the law, its items being explanations: "Bộ Y tế hướng dẫn thực hiện một số nội
# dung liên quan đến quy định tại Điều 22 như sau:", "Bộ Tài chính hướng dẫn cụ thể một số nội dung như sau:", "…
# bổ sung hướng dẫn như sau:", "… trả lời như sau:" (not "Sở X hướng dẫn các cơ sở … thực hiện nhiệm vụ … như sau:",
# whose object is the units that must act)
GUIDANCE_LEAD_IN = re.compile(
    r"\b(?:hướng\s*dẫn|giải\s*đáp|trả\s*lời)\s+(?:(?:cụ\s*thể|thực\s*hiện|bổ\s*sung|thêm|chi\s*tiết|áp\s*dụng)\s+)*"
    r"(?:(?:(?:một\s*số|các|những)\s+)?(?:nội\s*dung|quy\s*định|vấn\s*đề|điểm|vướng\s*mắc)\b[^:]{0,200}?)?"
    r"(?:như\s*sau|sau\s*đây|cụ\s*thể)\s*:\s*$", re.I | re.U)
# what the guidance is about: the law ("Luật", "Nghị định", "Thông tư", "Điều 22", "quy định tại …")
LAW_NAMED = re.compile(r"\b(?:Luật|Bộ\s*luật|Nghị\s*định|Thông\s*tư|Pháp\s*lệnh|Điều\s*\d+|quy\s*định\s*(?:tại|của))\b",
                       re.U)


def _guidance_lead_in(lead_in: str, opening: list[str]) -> bool:
    """Whether the lead-in introduces guidance on the law rather than work: it guides (or answers) without naming
    who must act, in a letter whose opening names the law."""
    return GUIDANCE_LEAD_IN.search(lead_in) is not None and not _asks_a_unit(lead_in) and \
        any(LAW_NAMED.search(ln) for ln in opening)


FULL_TEXT_LINK = re.compile(r"^(?:Xem|Tải)\s*(?:chi\s*tiết|toàn\s*văn|toàn\s*bộ|nội\s*dung|văn\s*bản|về)\b"
                            r"[^.]{0,40}(?:tại\s*đây|dưới\s*đây|tệp|file|đính\s*kèm)\b|"
                            r"^\S+\.(?:pdf|docx?|xlsx?|zip|rar)\s*$", re.I | re.U)
# "Theo đó, UBND tỉnh giao Sở X chủ trì, phối hợp với … triển khai thực hiện các nội dung:": the paragraphs below are
# the work it hands out, as after "… như sau:"
LISTED_WORK_END = re.compile(r"\b(?:nội\s*dung|nhiệm\s*vụ|công\s*việc|giải\s*pháp|biện\s*pháp)"
                             r"(?:\s*(?:sau\s*đây|sau|chủ\s*yếu|cụ\s*thể|trọng\s*tâm)){0,2}\s*:\s*$", re.I | re.U)


def _asks_listed_work(paragraph: str) -> bool:
    return LISTED_WORK_END.search(paragraph) is not None and LEAD_IN_ASK.search(paragraph) is not None


class ListDue(tuple[dt.date, str]):
    """The date a lead-in gives the whole list below it ("Quý II/2026 tập trung thực hiện một số nội dung sau:"): it
    holds for every item, whichever unit an item or its sub-heading names (unlike the date of one unit's item, which
    is that unit's)."""


def _shared_due(lead_in: str, issued_on: dt.date | None) -> tuple[dt.date, str] | None:
    """The day or the month/quarter a lead-in gives every item below it ("…, gửi về trước ngày 12/6/2026:")."""
    deadline = pick_deadline(lead_in, issued_on=issued_on)
    if deadline and (deadline.exact or re.search(r"tháng|quý", deadline.text, re.I)):
        return deadline.due, deadline.text
    return None


LEAD_IN_ASK = re.compile(
    r"(?:^|[\s,;.])(?:Đề\s*nghị|đề\s*nghị|Yêu\s*cầu|yêu\s*cầu|"
    r"(?:Giao|giao)(?!\s*(?:thông|lưu|dịch|tiếp|thương|hữu|ban)\b))\s+(?:quý\s+)?(?=\S)", re.U)
# ("Sở Giao thông vận tải … với các nội dung:" names a sector, it assigns nothing)


WORK_BELOW = re.compile(r"\b(?:nhiệm\s*vụ|nội\s*dung|công\s*việc|giải\s*pháp|việc)\b[^:]{0,40}?\b(?:sau|dưới\s*đây)\b|"
                        # "… mở đợt kiểm tra với các nội dung:", "… gồm những nhiệm vụ chủ yếu:": the list is the work
                        r"\b(?:với|gồm|theo|có)\s+(?:các|những)\s+(?:nhiệm\s*vụ|nội\s*dung|công\s*việc|giải\s*pháp)"
                        r"(?:\s+(?:chủ\s*yếu|cụ\s*thể|trọng\s*tâm|chính))?\s*:\s*$", re.U)


# a unit charged with the list below, in a line of its own without a number: "Giám đốc Sở X có trách nhiệm:",
# "Công an tỉnh có nhiệm vụ:" over "- …" items — the unit the text names leads them, not the addressees
DUTY_BELOW = re.compile(r"\b(?:có|chịu)\s*trách\s*nhiệm\s*:\s*$|\bcó\s*nhiệm\s*vụ\s*:\s*$", re.I | re.U)


# a rule or a time limit set for units, before the list of what they must do: "Theo đó, thời gian quy định cho các cơ
# quan, đơn vị … như sau:", "… hướng dẫn cho các trường … cụ thể như sau:"
RULED_FOR = re.compile(r"\b(?:quy\s*định|hướng\s*dẫn|thời\s*gian|thời\s*hạn)\b[^:;.]{0,60}?\bcho\s+"
                       r"(?=(?:các|những)\s|[A-ZĐ])(?=[^:]*(?:như\s*sau|sau\s*đây|sau)\s*:\s*$)", re.U)


# "phối hợp" as the way the units asked do the work, not a mark of who supports: "… đề nghị các đơn vị phối hợp, thực
# hiện các nội dung sau:", "đề nghị UBND các huyện phối hợp triển khai …" (no "với", no one who chairs)
JOINTLY = re.compile(r"\s+phối\s*hợp\s*,?\s*(?=(?:thực\s*hiện|triển\s*khai|tổ\s*chức\s*thực\s*hiện)\b)", re.U)


def _lead_in_context(lead_in: str, base: _Context) -> _Context:
    """The units a lead-in asks ("…, đề nghị UBND các huyện báo cáo các nội dung sau:"); else `base`."""
    asks = list(LEAD_IN_ASK.finditer(lead_in))
    if not asks and (rule := RULED_FOR.search(lead_in)) is not None:
        # "… thời gian quy định cho các cơ quan, đơn vị, địa phương xây dựng kế hoạch và báo cáo … như sau:": the
        # units the rule is set for do the items below
        leads, strength = find_leads_ranked(lead_in[rule.end():])
        if strength >= STRONG and leads and not is_generic_reference(leads):
            return _Context(leads=tuple(leads), supports=(), explicit=True, source="heading")
    if not asks:
        # "Thời gian tới, các bộ, ngành cần tập trung triển khai các nhiệm vụ sau đây:": the subject of the work
        leads, strength = find_leads_ranked(lead_in) if WORK_BELOW.search(lead_in) or DUTY_BELOW.search(lead_in) \
            else ([], 0)
        if strength < STRONG or not leads or is_generic_reference(leads) or is_speaker(leads, lead_in):
            # ("…, đồng chí A – Phó Chủ tịch UBND phường, trưởng đoàn kiểm tra kết luận các nội dung sau:": the
            # one who concludes gives the work, the items say who does it)
            return base
        return _Context(leads=tuple(leads), supports=tuple(find_supports(lead_in)), explicit=True, source="heading")
    # ("đề nghị tháng 12/2018 thường trực HĐND … thực hiện:": the period comes before whom it asks)
    rest = re.sub(r"^(?:trong\s+)?(?:tháng|quý|năm)\s*[\dIVX]+(?:\s*[/.-]\s*\d{2,4})?,?\s+", "",
                  lead_in[asks[-1].end():])
    if not CHAIRS.search(rest):
        rest = JOINTLY.sub(" ", rest)  # "đề nghị các đơn vị phối hợp, thực hiện …": those asked do it together
    leads, strength = find_leads_ranked(rest)
    if (strength < STRONG or not leads) and (named := _asked_alone(rest)):
        leads, strength = named, STRONG  # "X đề nghị Sở Xây dựng:" — the unit alone, its work the items below
    if strength < STRONG or not leads or (is_generic_reference(leads) and base.leads):
        return base
    return _Context(leads=tuple(leads), supports=tuple(find_supports(rest)), explicit=True, source="heading")


# what may follow the unit a lead-in asks before its colon: "… đề nghị Sở Xây dựng thực hiện một số nội dung sau:"
_LIST_OF_WORK = re.compile(r"\s*(?:(?:tập\s*trung\s+)?(?:thực\s*hiện|triển\s*khai)(?:\s+tốt)?\s*)?"
                           r"(?:(?:một\s*số|các|những)\s+(?:nội\s*dung|nhiệm\s*vụ|công\s*việc|việc|giải\s*pháp)"
                           r"(?:\s+(?:chủ\s*yếu|trọng\s*tâm|cụ\s*thể))?\s*)?(?:như\s+sau|sau\s+đây|sau)?\s*:?\s*$",
                           re.I)


def _asked_alone(rest: str) -> list[str]:
    """The units a lead-in's ask names with nothing after them but the colon (or "… các nội dung sau:"): "đề nghị
    Ban Chỉ huy PCTT các bộ, ngành, địa phương:" — every item below is theirs. None when a person is named, or
    when words other than unit names are left."""
    bare = rest[:m.start()] if (m := _LIST_OF_WORK.search(rest)) else rest
    bare = bare.strip(" ,;")
    count = COUNT_BEFORE_UNIT.match(bare)  # "đề nghị 18 Tổ dân phố:" (the count stays with the name)
    bare = bare[count.end():] if count else bare
    if not bare or not UNIT_START.match(bare) or name_prefix(bare) != bare:
        return []
    units = split_units(bare)
    return [f"{count.group('n')} {units[0]}", *units[1:]] if count and units else units


# (a comma a copy put after the verb too: "UBND tỉnh yêu cầu, các cơ quan, đơn vị thực hiện …")
ASKS = re.compile(r"\b(?:đề\s*nghị|giao|yêu\s*cầu|ủy\s*quyền|uỷ\s*quyền|cho\s*phép|chấp\s*thuận|phân\s*công)"
                  r"(?:\s*,(?=\s+các\s))?\s+"
                  r"(?:quý\s+)?"
                  r"(?=(?P<rest>.{0,80}))", re.I | re.U)  # (a lookahead: "đề nghị Nhân dân và yêu cầu các sở …")
# ("giao ban" is a briefing meeting, "Giao thông" a sector's name: neither assigns anything)
DIRECTIVE_CUE = re.compile(r"\b(?:đề\s*nghị|giao(?!\s*(?-i:ban|BAN)\b|\s*(?:thông|lưu|dịch|tiếp|thương|hữu)\b)|"
                           r"yêu\s*cầu|chủ\s*trì|có\s*trách\s*nhiệm|có\s*nhiệm\s*vụ|"
                           r"khẩn\s*trương|đồng\s*ý|"
                           r"chỉ\s*đạo|ủy\s*quyền|uỷ\s*quyền|cho\s*phép|chấp\s*thuận|"
                           # "… thống nhất phân công các đồng chí Thường trực HĐND dự kỳ họp …": an assignment
                           r"phân\s*công(?=\s+(?:các\s+)?(?:đồng\s*chí|ông|bà|(?-i:[A-ZĐ]))))\b", re.I | re.U)


def _asks_a_unit(text: str) -> bool:
    """"… đề nghị quý Tổng cục nghiên cứu …", "Thủ tướng yêu cầu Ủy ban nhân dân các tỉnh …"."""
    return any(UNIT_START.match(m.group("rest")) for m in ASKS.finditer(text)) or \
        any(UNIT_START.match(text, m.end()) for m in ASK_COLON.finditer(text))  # "… yêu cầu: UBND các xã …"


# after the grounds, the leader's charge with "cho" before the unit, which ASKS does not read (there "cho" also hands
# over: "… sẽ giao cho ngành chuyên môn quản lý"): "Xét đề nghị của Tập đoàn X (…), Phó Thủ tướng Y giao cho Bộ Công
# Thương chủ trì, phối hợp với các Bộ, ngành có liên quan xem xét, báo cáo …" — the unit takes the lead role
GIVEN_TO_LEAD = re.compile(rf",\s*[^.;:,]{{0,80}}?\bgiao\s*cho\s*(?=(?:{UNIT_START.pattern})[^.;:,]{{0,80}}?\s"
                           r"(?:chủ\s*trì|có\s*trách\s*nhiệm|khẩn\s*trương)\b)", re.U)


# the results work builds on are no assessment: "… đề nghị trên cơ sở các kết quả đã đạt được, Ban Thường vụ cần …",
# "… chỉ đạo chặt chẽ để phát huy tốt những kết quả đã đạt được …"
BUILDS_ON_RESULTS = re.compile(r"\b(?:trên\s*cơ\s*sở|phát\s*huy|dựa\s*trên|tiếp\s*nối)\s[^,.;]{0,30}?kết\s*quả\s*"
                               r"(?:đã\s*)?(?:đạt\s*được|đạt)", re.I | re.U)


# "Bên cạnh đó," opens an assessment's other side ("Bên cạnh đó, còn một số hạn chế …") as often as one more ask
BESIDES_ASK = re.compile(r"^Bên\s*cạnh\s*đó\s*,?\s+(?=(?:giao|đề\s*nghị|yêu\s*cầu)\s)", re.U)


def _directive_paragraph(text: str) -> bool:
    # "Trên cơ sở kết quả đã đạt được, X giao Y …": the opening phrase is background, not an assessment
    probe = text.split(",", 1)[-1] if SUBJECT_AFTER_OPENING.match(text) else text
    if (besides := BESIDES_ASK.match(probe)) and _asks_a_unit(probe[besides.end():][:200]):
        probe = probe[besides.end():]  # "Bên cạnh đó, giao UBND các xã …": more work asked, not an assessment
    if CLOSING.search(text) or CLOSING_LINE.match(text):
        return False
    if ASSESSMENT.search(BUILDS_ON_RESULTS.sub(" ", probe)[:200]):
        # "X đã đánh giá cao …, đồng thời lưu ý các xã cần …": the praise first, then the ask
        return (later := ASK_AFTER_VIEW.search(text)) is not None and \
            UNIT_START.match(text[later.end():]) is not None
    if CHAIRS_MEETING.search(text[:200]) and not _asks_a_unit(text):
        return False
    if any(_unit_opens_with_work(text[m.end():]) for m in ASK_COLON.finditer(text[:400])):
        return True  # "…, ông X chỉ đạo: Văn phòng UBND tỉnh phối hợp … rà soát …": whom the ask names, then the work
    if BACKGROUND.match(text) and not _asks_a_unit(text):
        # ("Để chủ động phòng, chống dịch, trong thời gian tới Sở Y tế tăng cường …": the aim, then the work ahead)
        return _subject_after_opening(text) or _charges_a_unit(text) or bool(sent_to(text)) or \
            any(_time_ahead_doers(sentence) for sentence in SENTENCE_END.split(text)[:6]) or \
            GIVEN_TO_LEAD.search(text) is not None
    if re.match(r"Căn\s*cứ\b", text) and not re.search(r"\b(?:đề\s*nghị|yêu\s*cầu|giao)\b", text, re.I):
        # "Căn cứ Giấy phép … cho phép Công ty X khai thác …": what a cited permit allows is the ground, not an ask
        return _subject_after_opening(text)
    if _reports_a_letter(text) and (DIRECTIVE_CUE.search(text) or not sent_to(text)):
        # (but the letter's sending names the work it asks of whom it was sent to: "Bộ trưởng Bộ X đã có điện khẩn
        # gửi Sở X các địa phương phối hợp với … rà soát …")
        return False
    if (frame := COMING_PERIOD.match(text)) is not None and not re.search(r"\bđã\b", text.split(".")[0]) and \
            _unit_opens_with_work(text[frame.end():]):
        return True  # "Quý IV/2027, Ủy ban MTTQ phường tiếp tục tuyên truyền …": a unit's work for the period ahead
    if any(_time_ahead_doers(sentence) for sentence in SENTENCE_END.split(text)[:6]):
        return True  # "Nhằm …, trong thời gian tới UBND xã củng cố …": the work of the time ahead
    # (teams set up for the work do it: "Bộ Y tế đã quyết định thành lập 7 đoàn công tác đi kiểm tra …")
    return bool(DIRECTIVE_CUE.search(text)) or _charges_a_unit(text) or bool(sent_to(text)) or \
        TEAMS_SET_UP.match(text) is not None


# a unit bound to its work by a modal: "Các đơn vị phải …", "Quận ủy cần …", "Chủ tịch UBND các huyện chịu trách
# nhiệm …" (not "… chịu trách nhiệm trước …": whom it answers to)
CHARGED = re.compile(r"(?:\s+(?:trong|trên|thuộc|ở|tại)\s[^,.;]{1,40}?)?\s*(?:cũng\s+|thì\s+)?"
                     r"(?:cần\s*phải|cần|phải|(?P<will>sẽ)|chịu\s*trách\s*nhiệm(?!\s*(?:trước|về|đối\s*với|nếu|khi|hoàn\s*toàn)\b)|"
                     # (asked in the passive: "Chủ tịch UBND các tỉnh … được yêu cầu chỉ đạo …")
                     r"được\s*(?:yêu\s*cầu|đề\s*nghị|giao))"
                     r"\s+"
                     r"(?!là\b|có\s*(?:được|những|nhiều)\b|đối\s*mặt\b|chịu\b)", re.U)


def _charges_a_unit(text: str) -> bool:
    return bool(_charged_units(text))


def _charged_units(text: str) -> list[str]:
    """The units a sentence binds to work, at its start or after an opening phrase ("Theo UBND tỉnh, …",
    "Đối với …, …"): "Theo UBND tỉnh, các địa phương cần quán triệt …" → ["các địa phương"]."""
    for sentence in SENTENCE_END.split(text)[:6]:
        if REPORTED_OPENING.match(sentence):
            continue
        for start in [0, *(m.end() for m in re.finditer(r",\s*", sentence[:160]))]:
            rest = sentence[start:]
            if not UNIT_START.match(rest):
                continue
            name = name_prefix(rest)
            if 0 < len(name) <= 90 and (charged := CHARGED.match(rest[len(name):])) and \
                    not (charged.group("will") and FORECAST_OPENING.match(sentence)):
                return split_units(name) or [name]
    return []


def _opens_charged(text: str) -> bool:
    """"Các đơn vị phải …", "Theo đó, Ngân hàng X sẽ …": the text opens with a unit bound to its work."""
    text = text[also.end():] if (also := ADDS_WORK.match(text)) else text
    if not UNIT_START.match(text):
        return False
    name = name_prefix(text)
    return 0 < len(name) <= 90 and CHARGED.match(text[len(name):]) is not None


# what a unit will do under a condition or by a forecast is no charge: "Nếu …, UBND xã sẽ xử lý …", "Dự kiến, …, UBND
# tỉnh sẽ trình …" (but "Theo kế hoạch, xã X sẽ tổ chức …" is the plan it carries out); nor the weather a forecast says
# places will have: "Theo tin từ Trung tâm dự báo …, các tỉnh Đông Bắc Bộ … sẽ có mưa to …"
FORECAST_OPENING = re.compile(r"^(?:Nếu|Trường\s*hợp|Khi|Dự\s*kiến|Có\s*thể|Dự\s*báo|"
                              r"Theo\s+(?:tin|thông\s*tin|dự\s*báo|bản\s*tin)\b)\b", re.U)


REPORTED_OPENING = re.compile(r"^(?:[^,.;]{0,80}\s)?(?:đã|vừa)\s", re.U)


# an ask that follows a view of the work in the same sentence: "…, đồng thời đồng chí cũng lưu ý các xã cần …",
# "…; song yêu cầu UBND huyện …"
ASK_AFTER_VIEW = re.compile(r"[,;]\s*(?:đồng\s*thời|song|nhưng)\s*,?\s*(?:[^,;.]{0,40}?\s)?(?:cũng\s+)?"
                            r"(?:yêu\s*cầu|đề\s*nghị|lưu\s*ý|giao|chỉ\s*đạo)\s+(?:cho\s+)?", re.U)
# a period with its year opening a sentence: "Quý IV/2027, …", "Tháng 10/2027, …", "Năm 2028, …"
COMING_PERIOD = re.compile(r"^(?:Trong\s+)?(?:[Qq]uý\s*(?:IV|III|II|I)|[Tt]háng\s*\d{1,2}|)\s*(?:/|năm|[Nn]ăm)\s*"
                           r"(?:19|20)\d\d\s*,\s*", re.U)
def _time_ahead_doers(sentence: str) -> list[str]:
    """"Nhằm …, trong thời gian tới UBND xã củng cố …" → ["UBND xã"]: who works in the time ahead."""
    for m in TIME_AHEAD.finditer(sentence[:300]):
        rest = sentence[m.end():]
        if _unit_opens_with_work(rest):
            leads, strength = find_leads_ranked(rest)
            return leads if strength >= STRONG else []
    return []


# the time ahead, at a sentence's start or after its opening clause: "Thời gian tới, …", "…, trong thời gian tới …",
# "Những tháng còn lại của năm 2027, …"
TIME_AHEAD = re.compile(r"(?:^|,\s*)(?:[Tt]rong\s+)?(?:[Tt]hời\s*gian\s*tới|[Nn]hững\s*tháng\s*(?:còn\s*lại|cuối\s*năm)"
                        r"(?:\s*(?:của\s*)?năm\s*(?:19|20)\d\d)?),?\s+", re.U)
ASK_COLON = re.compile(r"\b(?:chỉ\s*đạo|yêu\s*cầu|đề\s*nghị|kết\s*luận)\s*:\s*(?=[A-ZĐÀ-Ỹ]|(?:các|những)\s)", re.U)


def _reports_a_letter(text: str) -> bool:
    """"Văn phòng Chính phủ có Công văn số … gửi Bộ X đề nghị cho ý kiến …": what another body wrote, not an ask;
    so is "Bộ X đã đề nghị …" or "Sở Y nhận được …" (after the news item's time: "Sáng 5/8, Văn phòng … có Công điện
    số 37 gửi tới …")."""
    if (time := NEWS_TIME_OPENING.match(text)) is not None:
        if ASKS.search(first := SENTENCE_END.split(text)[0]) or re.search(r"(?<![Bb]an\s)\bchỉ\s*đạo\s", first):
            return False  # "Tối 29/8, Bộ X có văn bản đề nghị UBND các tỉnh …": the news retells the ask itself
        text = text[time.end():]
        if UNIT_START.match(text) and OPENING_SENT.search(first):
            return True  # "Sáng 5/8, Văn phòng … có Công điện số 37 gửi tới …": the sending, its asks told below
    if not UNIT_START.match(text):
        return False
    name = name_prefix(text)
    return 0 < len(name) <= 90 and NOT_WORK_AFTER_UNIT.match(text[len(name):]) is not None and \
        re.match(r"\s*(?:là|được)\b", text[len(name):]) is None


def _unit_not_at_work(text: str) -> bool:
    """"Ban Chỉ đạo làm việc theo nguyên tắc …", "Tổ công tác là …": a unit opens the sentence, no work follows."""
    if not UNIT_START.match(text):
        return False
    name = name_prefix(text)
    return 0 < len(name) <= 90 and NOT_WORK_AFTER_UNIT.match(text[len(name):]) is not None


# a news sentence's time before its subject, which _reports_a_letter reads past: "Sáng 5/8, …", "Ngày 12/7/2026,
# …", "Mới đây, …"
NEWS_TIME_OPENING = re.compile(r"^(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm\s*(?:nay|qua))\s+(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}"
                               r"(?:[/.-]\d{2,4})?|Mới\s*đây|Vừa\s*qua|Hôm\s*(?:nay|qua))\s*,\s*(?=\S)", re.U)


SUBJECT_AFTER_OPENING = re.compile(r"^(?:Trên\s*cơ\s*sở|Căn\s*cứ|Theo\s*đó|"
                                   # a news item retelling a notice: "Theo thông báo này, Chủ tịch UBND … giao …"
                                   r"Theo\s*(?:thông\s*báo|kết\s*luận|văn\s*bản|công\s*văn)\s*(?:này|trên|nói\s*trên)|"
                                   # whose direction the work follows: "Theo chỉ đạo của Chủ tịch UBND huyện, UBND các
                                   # xã …"
                                   r"Theo\s*(?:sự\s*)?chỉ\s*đạo\s*của)\b",
                                   re.U)


def _subject_after_opening(text: str) -> bool:
    """"Trên cơ sở báo cáo của các đơn vị, Sở Kế hoạch và Đầu tư có nhiệm vụ tổng hợp …", "Theo đó, trong
    thời gian từ … tới ngày 15/3, Công an tỉnh bố trí …": the opening phrases are background, the unit
    after them acts."""
    if not SUBJECT_AFTER_OPENING.match(text):
        return False
    head = re.split(r"[.;:]", text[:200], maxsplit=1)[0]
    for m in re.finditer(r",\s*", head):
        rest = text[m.end():]
        if _unit_opens_with_work(rest):
            return True
        if UNIT_START.match(rest) and NOT_WORK_AFTER_UNIT.match(rest[len(name_prefix(rest)):]):
            # the first unit after the opening tells what it did ("Theo đó, trong quý I, các đảng bộ … đã tập trung
            # lãnh đạo, chỉ đạo các cơ quan, đơn vị, địa phương tích cực …"): an account, whatever it names later
            return False
    return False


# (not after "TP." of a city's name: "UBND các huyện, TP. Cà Mau giao …" is one sentence)
SENTENCE_END = re.compile(r"(?<=[.;…])(?<!\bTP\.)(?<!\bTp\.)\s+(?=[“\"]?[A-ZĐÀ-Ỹ])")


ASK_WORD = re.compile(r"^(?:Giao|Đề\s*nghị|Yêu\s*cầu)\s+(?:cho\s+)?", re.U)
# the same ask after its subject: "Chủ tịch UBND huyện giao các cơ quan …;" (the names asked follow it)
SUBJECT_ASKS = re.compile(r"^[^;:.]{0,80}?\s(?:giao|đề\s*nghị|yêu\s*cầu)\s+(?:cho\s+)?(?=các\s|[A-ZĐÀ-Ỹ])", re.U)


# a sentence that adds another piece of work for the same doer: "Đồng thời chỉ đạo …", "Đồng thời, phối hợp …"
ALSO_WORK = re.compile(r"^(?:(?:Tiếp\s*tục\s+|Đồng\s*thời,?\s+)"
                       r"(?:nắm|chỉ\s*đạo|tổ\s*chức|phối\s*hợp|xây\s*dựng|rà\s*soát|kiểm\s*tra|"
                       r"hướng\s*dẫn|triển\s*khai|tăng\s*cường|đẩy\s*mạnh|theo\s*dõi|tham\s*mưu|"
                       r"tuyên\s*truyền|báo\s*cáo|vận\s*động|chủ\s*động|đôn\s*đốc|thực\s*hiện|kiểm\s*tra|đề\s*xuất|"
                       r"xử\s*lý|bố\s*trí|chuẩn\s*bị|cung\s*cấp|hoàn\s*thiện)\b|"
                       # a bare imperative after an ask names the next piece of work: "Đẩy mạnh thu hút đầu tư …",
                       # "Tham mưu cho UBND tỉnh …", "Phối hợp với các trường …"
                       r"(?:Đẩy\s*mạnh|Đẩy\s*nhanh|Tăng\s*cường|Đảm\s*bảo|Bảo\s*đảm|Chỉ\s*đạo|Tham\s*mưu|Phối\s*hợp|"
                       r"Hướng\s*dẫn|Đôn\s*đốc|Rà\s*soát|Thực\s*hiện\s*(?:tốt|nghiêm)|Khẩn\s*trương|Phân\s*công|Tổ\s*chức|"
                       r"Xây\s*dựng|Kiểm\s*tra|Triển\s*khai|Chuẩn\s*bị|Bố\s*trí|Tiến\s*hành|Tạm\s*dừng|Có\s*kế\s*hoạch|"
                       # (more bare imperatives of a chain: "Quản lý, giám sát chặt chẽ …", "Tuyên truyền, hướng dẫn
                       # …", "Cử cán bộ chuyên môn …")
                       r"Quản\s*lý|Giám\s*sát|Tuyên\s*truyền|Vận\s*động|Cử|Xử\s*lý|Theo\s*dõi|Duy\s*trì|"
                       r"Củng\s*cố|Kiện\s*toàn|Nắm\s*chắc|Kiên\s*quyết|Quán\s*triệt|Huy\s*động|Khắc\s*phục|"
                       r"Ngăn\s*chặn|Sẵn\s*sàng|Nâng\s*cao|"
                       # (what comes first, what to study and propose: "Ưu tiên việc chi trả lương …", "Nghiên cứu,
                       # tham mưu UBND tỉnh …", "Kịp thời phát hiện và xử lý …")
                       r"Ưu\s*tiên|Nghiên\s*cứu|Kịp\s*thời(?=\s+[a-zđà-ỹ])|"
                       # ("Đổi mới nội dung …", "Làm tốt công tác …", "Gắn (chặt) … với …", "Đề xuất các cơ chế …" —
                       # not the proposal as a noun: "Đề xuất của Sở …")
                       r"Đổi\s*mới|Làm\s*tốt|Gắn(?:\s*(?:chặt|kết))?|Đề\s*xuất(?!\s+(?:của|này|trên|đó|nêu)\b)|"
                       # (not the date of the work before: "Hoàn thành trước …", "Hoàn thành và trình … trong quý I",
                       # "Hoàn thành, trình UBND tỉnh trước ngày …")
                       r"Hoàn\s*thành(?!\s+(?:trước|chậm\s*nhất|trong|vào|xong|đúng)\b|,?\s+(?:và\s+)?(?:trình|báo\s*cáo|gửi|tham\s*mưu)\b)|"
                       r"Thường\s*xuyên(?=\s+[a-zđà-ỹ])|"
                       # ("Chủ động phối hợp với …", "Tập trung tuyên truyền …", "Tiếp tục rà soát …", "Lãnh đạo
                       # việc …")
                       r"Chủ\s*động|Tập\s*trung|Tiếp\s*tục|Lãnh\s*đạo|Phát\s*huy|Cập\s*nhật|"
                       # (the doer leads a joint piece: "Chủ trì, phối hợp với các đơn vị liên quan hướng dẫn …"; a
                       # duty on a schedule: "Định kỳ hàng năm tổng hợp, đánh giá …")
                       r"Chủ\s*trì(?=,?\s*phối\s*hợp\b)|"
                       r"Định\s*kỳ(?:\s+(?:hàng|hằng)\s*(?:năm|quý|tháng|tuần))?(?=\s+(?!(?:là|được|của)\b)[a-zđà-ỹ])|"
                       # (a report to the superior as a verb, with what else goes with it: "Báo cáo UBND tỉnh và trả lời
                       # công dân trước ngày …" — not "Báo cáo gửi về …", the report as the noun that dates the ask)
                       r"Báo\s*cáo(?=\s+(?:kết\s*quả\s+)?(?:UBND|Ủy\s*ban|Uỷ\s*ban|Chủ\s*tịch|Thường\s*trực)\b"
                       r"[^.;]{0,40}?\svà\s))"
                       r"(?:,\s*[a-zđà-ỹ]+(?:\s+[a-zđà-ỹ]+)?)?\s+(?:việc\s+|công\s*tác\s+|cho\s+|với\s+)?"
                       r"[a-zđà-ỹA-ZĐ0-9]|"
                       # a condition, then the same doer's duty when it holds: "Khi có thiệt hại …, cần nhanh chóng …"
                       r"(?:Khi|Trường\s*hợp|Nếu)\s[^.;:]{3,150}?,?\s(?:thì\s+)?(?:cần|phải)\s+[a-zđà-ỹ]|"
                       # what the work above yields grounds the next: "Trên cơ sở kết quả kiểm tra, khảo sát …, đề xuất
                       # UBND tỉnh phương án …"
                       r"Trên\s*cơ\s*sở\s+(?:kết\s*quả|đó)\b[^.;:]{0,150}?,\s*(?:đề\s*xuất|tham\s*mưu|xây\s*dựng|trình|"
                       r"tổng\s*hợp|báo\s*cáo|lập)\s+[a-zđà-ỹA-ZĐ])", re.U)


def _join_name_lists(sentences: list[str]) -> list[str]:
    """"Giao các sở, ngành; UBND các huyện; Các Ban QLDA báo cáo …" is one sentence: a ';' after a bare
    name (no verb yet) separates the names of one list, not two tasks."""
    out: list[str] = []
    listing = False  # the last sentence went on with a list of names: the next name ends it, with the work
    for sentence in sentences:
        if listing and out[-1].endswith(";") and UNIT_START.match(sentence):
            out[-1] = f"{out[-1]} {sentence}"
            listing = sentence.endswith(";") and name_prefix(sentence) == sentence.strip(" ,.-–;")
            continue
        listing = False
        if out and out[-1].endswith(";"):
            asked = out[-1][:-1].strip()
            names = ASK_WORD.sub("", SUBJECT_ASKS.sub("", asked)) if not out[-1].startswith(("-", "+")) else ""
            if names and all(UNIT_START.match(p) and name_prefix(p) == p.strip(" ,.-–")
                             for p in re.split(r"\s*;\s*", names)):
                out[-1] = f"{out[-1]} {sentence}"
                continue
            head = sentence.split(";", 1)[0]
            if ";" in sentence and UNIT_START.match(head) and name_prefix(head) == head.strip(" ,.-–"):
                # "… yêu cầu các thành viên Ban Chỉ đạo; Thủ trưởng các sở, ngành; … thực hiện …": the next name of
                # the list the ask goes on to, not a sentence of its own
                out[-1] = f"{out[-1]} {sentence}"
                listing = True
                continue
        out.append(sentence)
    return out


REPORT_TO_SUPERIOR = re.compile(r"^Báo\s*cáo\s+(?:kết\s*quả\s+)?(?:UBND|Ủy\s*ban|Uỷ\s*ban|Chủ\s*tịch|"
                                r"Thường\s*trực)\b", re.U)


# a second ask to other units in a ';' chain, its verb in lower case: "X yêu cầu các đảng ủy … ; yêu cầu Đảng ủy các xã
# phân công …", "… đề nghị Sở A …; giao các phòng chuyên môn …" ("đề nghị" after ';' already opens a sentence)
SECOND_ASK = re.compile(r"(?<=;)\s+(?=(?:yêu\s*cầu|giao)\s+(?:cho\s+)?(?:các\s|những\s|[A-ZĐ]))", re.U)
FIRST_ASK = re.compile(r"\b(?:yêu\s*cầu|đề\s*nghị|giao)\s+(?:cho\s+)?(?:các\s|những\s|[A-ZĐ])", re.U)


def _second_asks(sentence: str) -> list[str]:
    """The sentence cut before each later ask of a ';' chain whose first clause already asks units; else whole
    (a consent before the ask — "UBND tỉnh đồng ý với đề xuất …; giao Sở X …" — is no duty of its own)."""
    if (permit := PERMIT_THEN_ASK.search(sentence)) is not None:
        # "UBND tỉnh đồng ý để UBND huyện A xây dựng Đề án … đồng thời giao Sở X chủ trì thẩm định …": the
        # permission, then the ask — whom it asks leads, not the unit permitted
        return [sentence[:permit.start("ask")].rstrip(" ,;"), sentence[permit.start("ask"):]]
    parts = SECOND_ASK.split(sentence)
    if len(parts) < 2 or FIRST_ASK.search(parts[0]) is None:
        return [sentence]
    return parts


PERMIT_THEN_ASK = re.compile(r"\bđồng\s*ý\s+(?:để|cho)\s[^.;]{10,300}?[,;]?\s"
                             r"(?P<ask>đồng\s*thời,?\s+(?:giao|yêu\s*cầu|đề\s*nghị)\s+(?:cho\s+)?(?=các\s|những\s|[A-ZĐ]))",
                             re.U)


def _by_subject(paragraphs: list[str]) -> list[tuple[str, str | None]]:
    """Split paragraphs where a sentence names a new doer: "Các phòng báo cáo … Phòng Kế hoạch - Tổng hợp
    tổng hợp, báo cáo …" is two tasks. Sentences without a doer of their own stay with the one before.
    With each part goes the paragraph's closing deadline sentence ("Báo cáo gửi về … trước ngày 10/01/2015.")
    when the paragraph was split: it dates every part that names no date of its own."""
    out: list[tuple[str, str | None]] = []
    for para in paragraphs:
        parts: list[str] = []
        current: list[str] = []
        current_leads: list[str] = []
        sentences = [c for sentence in _join_name_lists(SENTENCE_END.split(para)) for c in _dated_clauses(sentence)]
        sentences = [c for sentence in sentences for c in _second_asks(sentence)]
        # ("… chỉ đạo các đơn vị thực hiện các nội dung như: A. B. C.": the list after the colon is read as one, below)
        listed = COLON_ASK.search(para) is not None
        frames: list[str | None] = []  # the period frame in force where each part starts
        frame: str | None = None
        for sentence in sentences:
            if (opening := PERIOD_OPENING.match(sentence)) is not None:
                frame = None if re.search(r"\bđã\b", sentence) else "trong " + opening.group("p")
            elif ":" in sentence and WORK_OF_PERIOD.search(head := sentence[:sentence.index(":")]) and \
                    (due := _shared_due(head, None)) is not None:
                frame = due[1]  # "… kết luận các nhiệm vụ cần thực hiện trong tháng 9/2027: A … . B …"
            leads, strength = find_leads_ranked(sentence)
            if not leads and (ahead := _time_ahead_doers(sentence)):
                leads, strength = ahead, STRONG  # "Nhằm …, trong thời gian tới UBND xã củng cố …"
            if current and current[-1].rstrip().endswith(";") and DATED_CLAUSE.search(sentence) and \
                    DATED_CLAUSE.search(" ".join(current)):
                # "A …, hoàn thành trong quý IV; B …, hoàn thành trong tháng 4": each clause its own dated duty
                parts.append(" ".join(current))
                current, current_leads = [], []
            if current and (strength >= STRONG and leads and not _same_units(leads, current_leads) and
                            not is_generic_reference(leads) and not INTRO_END.search(sentence)
                            or _also_work(sentence) and not listed
                            and (bool(current_leads) or any(_asks_a_unit(c) for c in current)
                                                              or _also_work(current[0])
                                                              and not current[0].startswith("Chỉ đạo"))
                            and not ASSESSMENT.search(current[0][:200])
                            or _new_ask(sentence)
                            or _new_doer(sentence, current_leads)):
                # "Các đơn vị thực hiện trước ngày …" goes with the ask; "…, UBND tỉnh có ý kiến như sau:" too
                parts.append(" ".join(current))
                # ("Tham mưu cho UBND tỉnh …" after "Chỉ đạo các trường …": still the same doer's next piece)
                current, current_leads = [], current_leads if _also_work(sentence) and current_leads else []
            if not current:
                frames.append(frame)
            current.append(sentence)
            if strength >= STRONG and not current_leads:
                current_leads = leads
        if current:
            parts.append(" ".join(current))
        last = sentences[-1]
        # (also a closing report split off as a task of its own: "… giao X kiểm tra, xử lý … . Báo cáo UBND tỉnh và trả
        # lời công dân trước ngày 20/12." — its date is the date of the work it reports on)
        shared = last if len(parts) > 1 and DEADLINE_CUE.search(last) and (
            len(current) > 1 or REPORT_TO_SUPERIOR.match(last)) else None
        # "Trong quý II, X đề nghị Y … . Các xã tăng cường …": the period a sentence opens with dates each part
        # from there to the paragraph's end
        out.extend((part, shared or (frames[i] if len(parts) > 1 else None)) for i, part in enumerate(parts))
    return out


# a lead-in that names the work of a period before its colon: "… các nhiệm vụ trọng tâm cần thực hiện trong quý
# III/2027:"
WORK_OF_PERIOD = re.compile(r"\b(?:nhiệm\s*vụ|nội\s*dung|công\s*việc)\b[^.;:]{0,60}?(?:trong|đến\s*hết|trước)\s+"
                            r"(?:tháng|quý)\s*[\dIV]+(?:\s*(?:/|năm)\s*(?:19|20)\d\d)\s*(?:như\s*sau|sau\s*đây|sau)?\s*$",
                            re.U)
# a paragraph that opens with the period its work belongs to: "Trong quý II, …", "Quý III/2027, …", "Tháng 9/2027, …"
PERIOD_OPENING = re.compile(r"^(?:[Tt]rong\s+)?(?P<p>(?:[Qq]uý\s*(?:IV|III|II|I|[1-4])|[Tt]háng\s*\d{1,2})"
                            r"(?:\s*(?:/|năm)\s*(?:19|20)\d\d)?)\s*,\s", re.U)


def _dated_clauses(sentence: str) -> list[str]:
    """"A …, hoàn thành trong quý IV; B …, hoàn thành trong tháng 4": the ';' clauses, when two or more of them
    say when they are done; else the sentence whole."""
    clauses = [c for c in re.split(r"(?<=;)\s+", sentence) if c.strip()]
    return clauses if sum(1 for c in clauses if DATED_CLAUSE.search(c)) >= 2 else [sentence]


def _new_doer(sentence: str, current: list[str]) -> bool:
    """"Sở A, Sở B phối hợp … hoàn thành …" after "Giao Sở C …": the sentence opens with other doers and their verb.
    After a connective that adds work ("Bên cạnh đó, các huyện cần …", "Song song đó, Sở Y phối hợp …") the doer
    named anew starts a task of its own, even the same one."""
    also = ADDS_WORK.match(sentence)
    if also is not None and _opens_with_doer(sentence[also.end():]):
        return not INTRO_END.search(sentence) and not _closing_ask(sentence)
    if not _opens_with_doer(sentence):
        return False
    named = split_units(name_prefix(sentence)) or [name_prefix(sentence)]
    # "Giao Bộ X … . Các địa phương liên quan tiếp tục rà soát …": the units concerned are others than those asked
    return not _same_units(named, current) and (not is_generic_reference(named) or bool(current) and
                                                 OTHERS_CONCERNED.search(name_prefix(sentence)) is not None)


OTHERS_CONCERNED = re.compile(r"\b(?:có\s+)?liên\s*quan\s*$", re.U)


# a connective that adds more work after an ask: "Bên cạnh đó, …", "Song song đó, …", "Ngoài ra, …", "Đồng thời, …",
# "Theo đó, …"; or the time the next doer's work is due: "Trước ngày 18/10, các địa phương phải …"
ADDS_WORK = re.compile(r"^(?:(?:Bên\s*cạnh\s*đó|Song\s*song\s*(?:đó|với\s*đó)|Cùng\s*với\s*(?:đó|việc\s*đó)|Ngoài\s*ra|"
                       r"Đồng\s*thời|Mặt\s*khác|Cụ\s*thể|"
                       # "Đối với UBND các huyện cần …": the unit the sentence turns to, then its work
                       r"Theo\s*đó|Đối\s*với(?=\s+(?:UBND|Ủy\s*ban|Sở|Phòng|Ban|các|những)\b))\s*,?|(?:Trước|Chậm\s*nhất|Trong|Đến\s*hết)\s+(?:ngày|tháng|quý)\s*[\dIVX][^,;.:]{0,30},|"
                       r"Sau\s*khi\s[^,;.:]{3,150},)\s+",
                       re.U)


# a sentence that asks anew: "Qua đó, Ban Thường vụ Huyện ủy yêu cầu …", "Đồng thời cũng đề nghị các xã …"
ASK_OPENING = re.compile(r"^(?:(?:Đồng\s*thời|Ngoài\s*ra|Bên\s*cạnh\s*đó|Cùng\s*với\s*đó|Qua\s*đó|Theo\s*đó|"
                         r"Mặt\s*khác),?\s+)?", re.U)
NEW_ASK = re.compile(r"^(?:cũng\s+)?(?:trân\s*trọng\s+)?(?:yêu\s*cầu|đề\s*nghị|giao)\s+(?=\S)", re.I | re.U)
# a case, then the leader who asks: "Đối với …, ông chỉ đạo …", "Riêng …, đồng chí Bí thư đề nghị …"
CASE_OPENING = r"(?:(?:Đối\s*với|Riêng|Về)\s[^,.;:]{3,160},\s*)?"
SPOKEN_ASK = re.compile(CASE_OPENING + r"(?:[Ôô]ng|[Bb]à|[Đđ]ồng\s*chí|Đ/c|TP|Thành\s*phố|Tỉnh|Huyện|"
                        r"(?:Phó\s*)?(?:Chủ\s*tịch|Bí\s*thư|"
                        r"Thủ\s*tướng|Giám\s*đốc|Trưởng\s*ban|Bộ\s*trưởng))\b(?:(?!\bđã\s)[^,.;:]){0,80}?\s(?:cũng\s+)?"
                        r"(?:yêu\s*cầu|đề\s*nghị|giao|chỉ\s*đạo)\s+", re.U)


def _spoken_ask_units(sentence: str) -> list[str]:
    """The units a leader's ask names: "Đối với …, đồng chí Chủ tịch đề nghị các xã …" → ["các xã"]."""
    rest = sentence[ASK_OPENING.match(sentence).end():]  # type: ignore[union-attr]  # the pattern matches ""
    spoken = SPOKEN_ASK.match(rest)
    after = rest[spoken.end():] if spoken is not None else ""
    asked = name_prefix(after) if UNIT_START.match(after) or re.match(r"(?:các|những)\s", after) else ""
    return (split_units(asked) or [asked]) if asked else []


def _new_ask(sentence: str) -> bool:
    rest = sentence[ASK_OPENING.match(sentence).end():]  # type: ignore[union-attr]  # the pattern matches ""
    if SPOKEN_ASK.match(rest) is not None:
        # "Đối với các dự án chậm tiến độ, đồng chí Chủ tịch đề nghị các xã …": a leader's new ask to named units
        return not INTRO_END.search(sentence) and not _closing_ask(sentence) and bool(_spoken_ask_units(sentence))
    if UNIT_START.match(rest):
        name = name_prefix(rest)
        if not name or len(name) > 90:
            return False
        rest = rest[len(name):].lstrip(" ,")
    elif rest is sentence or not rest[:1].islower() and not rest.startswith(("Yêu", "Đề", "Giao", "Cũng")):
        return False
    return NEW_ASK.match(rest) is not None and not INTRO_END.search(sentence) and not _closing_ask(sentence)


# a letter sent that asks, as a news copy tells it: "có công văn (số 12/UBND-KT) yêu cầu …", "ban hành công điện …
# chỉ đạo …", "có Công văn khẩn số 5995 gửi Chủ tịch UBND các tỉnh … đề nghị …", "có điện khẩn gửi Sở X …"
_LETTER_SENT = (rf"(?:có|ban\s*hành|gửi|phát\s*hành)\s+(?:{LETTER_KIND}|[Đđ]iện\s*khẩn){LETTER_URGENT}"
                rf"{LETTER_NO_DATE}(?:\s+{SEND}\s+[^.;:]{{3,140}}?)?\s+")
_LETTER_ASKS = r"(?:yêu\s*cầu|chỉ\s*đạo|giao|đề\s*nghị)\s"
NOT_WORK_AFTER_UNIT = re.compile(r"^\s*(?:"
                                 # an account of what the unit did ("Bộ X đã đề nghị …", "UBND tỉnh đã họp …"), but
                                 # not the letter it has sent that asks ("Tỉnh ủy đã có văn bản chỉ đạo Sở X thiết lập
                                 # …": the ask itself, retold)
                                 # (or the direction it has given: "Công an tỉnh đã chỉ đạo các phòng nghiệp vụ xây dựng
                                 # …", "Ban Giám đốc đã yêu cầu toàn lực lượng …")
                                 rf"đã(?!\s+{_LETTER_SENT}{_LETTER_ASKS}|\s+(?:chỉ\s*đạo|yêu\s*cầu|đôn\s*đốc)\s)|đang|"
                                 # but "UBND tỉnh vừa yêu cầu các huyện …" (a news item): the ask just made, by letter
                                 # or not
                                 rf"vừa(?!\s+(?:{_LETTER_SENT})?{_LETTER_ASKS})|"
                                 r"nhận\s*được|về\s*việc|(?:trân\s*trọng\s*)?cảm\s*ơn|"
                                 # (a letter it has, sent to someone with an ask: "Sở X có Công văn gửi các Sở, ngành đề
                                 # nghị phối hợp báo cáo …")
                                 # (not one asking for views: "… có Công văn số 210 gửi Sở Y tế đề nghị cho ý kiến …")
                                 rf"có\s*(?:văn\s*bản|công\s*văn)(?!{LETTER_URGENT}{LETTER_NO_DATE}\s+{SEND}\s+"
                                 rf"[^.;:]{{3,140}}?\s+{_LETTER_ASKS}(?!\s*(?:cho|góp|tham\s*gia)\s*ý\s*kiến))|"
                                 r"có\s*(?:tờ\s*trình|báo\s*cáo)|"
                                 r"là|được|cho\s*biết|phát\s*biểu|"
                                 # how a board works, not work: "Ban Chỉ đạo làm việc theo nguyên tắc tập trung dân chủ"
                                 r"(?:làm\s*việc|hoạt\s*động)\s*theo\s*(?:nguyên\s*tắc|chế\s*độ|quy\s*chế))\b",
                                 re.I | re.U)


def _unit_opens_with_work(text: str) -> bool:
    """"Ban Tổ chức Huyện ủy rà soát nhân sự …": a unit opens the sentence and its verb follows (not "đã …")."""
    if CLOSING.search(text) or ASSESSMENT.search(text[:200]) or BACKGROUND.match(text):
        return False
    if CHAIRS_MEETING.search(text[:200]):
        return False  # "Đồng chí X, Phó Chủ tịch UBND huyện, chủ trì cuộc họp."
    leads, strength = find_leads_ranked(text)
    if strength < STRONG or not leads or text.split()[0].strip(",") != leads[0].split()[0]:
        return False
    name = name_prefix(text)
    return len(name) <= 90 and not NOT_WORK_AFTER_UNIT.match(text[len(name):]) and not INTRO_END.search(text)


# a clause with its own completion time: "…, thời gian hoàn thành trong quý IV.2019", "… hoàn thành trước ngày 10.3"
DATED_CLAUSE = re.compile(r"\b(?:hoàn\s*thành|xong|chậm\s*nhất|kết\s*thúc)\s+(?:trong|trước|vào|trong\s*tháng)?\s*"
                          r"(?:ngày|tháng|quý|năm)?\s*[\dIVX]", re.I | re.U)
DEADLINE_CUE = re.compile(r"\b(?:trước|chậm\s*nhất|hoàn\s*thành|gửi\s*về)\b[^.;]*\d", re.I | re.U)


GENERIC_DOER_WORK = 100  # characters of a paragraph whose doer is named by its kind alone, for it to be a duty


def _letter_tasks(paragraphs: list[str], *, issued_on: dt.date | None, base: _Context, ref_prefix: str = "",
                  in_directive_section: bool = False, directive_after: int = -1,
                  lead_in_due: tuple[dt.date, str] | None = None) -> list[ParsedTask]:
    """Paragraphs without numbered items — a letter's body, or a directive section's text — as tasks:
    the directive paragraphs, merged while they share a lead. Under a directive heading ("VI. CHẾ ĐỘ
    BÁO CÁO") every paragraph directs, and a sentence naming a new doer starts a new task."""
    groups: list[tuple[list[str], list[str]]] = []
    after_intro = set(paragraphs[directive_after + 1:]) if directive_after >= 0 else set()
    split = [(part, shared, para in after_intro) for para in paragraphs for part, shared in _by_subject([para])]
    shared_of = {part: shared for part, shared, _ in split if shared}
    directed_parts = {part for part, _, directed in split if directed}
    whole = set(paragraphs)  # a part that is not a whole paragraph was cut out of one by its doer or its date
    # the paragraphs of a list of work a lead-in asks for ("… yêu cầu UBND các tỉnh tập trung thực hiện các nhiệm vụ
    # sau:"), up to the next line that opens a list of its own ("Thành phần:")
    listed_below: set[str] = set()
    if directive_after >= 0 and (lead := paragraphs[directive_after].rstrip()).endswith(":") and \
            (LEAD_IN_ASK.search(lead) or WORK_BELOW.search(lead)):
        for para in paragraphs[directive_after + 1:]:
            if para.rstrip().endswith(":"):
                break
            listed_below.update(part for part, _ in _by_subject([para]))
    listed_items: set[int] = set()  # the groups that are one paragraph of such a list each
    block: list[str] = []  # the unit of the last "Sở X: Chủ trì …" paragraph, while the ones after it go on with work
    for para, _, directed in split:  # "X tham mưu …; Y theo dõi …": one task per doer
        if _inline_work(para) and (named := heading_units(para[:para.index(":")])) and not is_speaker(named):
            # (not a news headline that quotes its speaker: "Thủ tướng: Xử lý triệt để …")
            block = named
            groups.append(([para], named))
            continue
        if block and (UNIT_START.match(para) or re.match(r"(?:Giao|Đề\s*nghị|Yêu\s*cầu)\s", para) or
                      INTRO_END.search(para) or not _verb_opening(para)):
            block = []
        if block and not _informs(para) and not CLOSING.search(para) and not CLOSING_LINE.match(para):
            groups.append(([para], block))  # "Huy động và phân công các tổ chức thành viên …": the unit's next work
            continue
        probe = para[also.end():] if (also := ADDS_WORK.match(para)) else para
        # after an ask, a paragraph that opens with a unit and its verb is that unit's duty ("Sở X đôn đốc …")
        # (a group named by its kind alone — "Các địa phương tổ chức kiểm tra …, bảo đảm …" — opens a duty of its own
        # when the paragraph says the work; "Các đơn vị thực hiện trước ngày 24/3." only dates the ask above)
        opens = bool(groups) and (_unit_opens_with_work(probe) or _opens_with_doer(probe)
                                  or also is not None and bool(_listed_doers(probe))) and \
            (not is_generic_reference(split_units(name_prefix(probe)) or [name_prefix(probe)])
             or len(probe) >= GENERIC_DOER_WORK) and \
            not VIEW_AFTER_UNIT.match(probe[len(name_prefix(probe)):])
        now = in_directive_section or directed or not _informs(para) and (
            _directive_paragraph(para) or REMARK_ASK.search(para) is not None or LETTER_SAYS.match(para) is not None)
        if (listed := _ask_list(para, directs=now) or (_colon_list(para) if now else None)) is not None:
            # "… chỉ đạo các ngành chuyên môn A; B; C" / "… giao X thực hiện các nội dung như: A. B. C.": one task each
            last = listed[-1][0]
            dated_last = pick_deadline(last, issued_on=issued_on) is not None and \
                not any(pick_deadline(piece, issued_on=issued_on) for piece, _ in listed[:-1])
            for piece, piece_leads in listed:
                groups.append(([piece], piece_leads))
                if dated_last and piece is not last:
                    shared_of.setdefault(piece, last)  # "A …; B …, báo cáo trước ngày 15/3": the list's one date
            continue
        if (INTRO_END.search(para) or LEAD_IN_TAIL.search(para) and len(SENTENCE_END.split(para)) == 1) and \
                para is not split[-1][0]:
            continue  # "Về đề nghị của Bộ X …, Phó Thủ tướng có ý kiến như sau:" introduces the tasks
        directs = not _informs(para) and _directive_paragraph(para) or (
            # "… yêu cầu các phòng ngành …" / "Tiếp tục đẩy mạnh …": the asked units' next piece of work
            bool(groups) and bool(groups[-1][1]) and _also_work(para)) or (
            (in_directive_section or directed) and not CLOSING.search(para) and not CLOSING_LINE.match(para)
            and not _informs(para)
            and not INTRO_END.search(para)
            and not ASSESSMENT.search(para[:200]) and len(para) >= 20) or (
            len(split) > len(paragraphs) and (_unit_opens_with_work(probe) or para not in whole and (
                _opens_with_doer(probe) or DATED_CLAUSE.search(para) is not None and para.endswith((";", "."))))
            and not _informs(para)) or (opens and not _informs(para) and not CLOSING.search(para)
                                        and not CLOSING_LINE.match(para))
        if not directs:
            if groups and not CLOSING.search(para) and not TOLD_EARLIER.match(para) and \
                    pick_deadline(para, issued_on=issued_on):
                groups[-1][0].append(para)  # "Thời gian gửi báo cáo trước ngày 20/3/2009." completes the task
            continue
        # (a unit that opens the text bound to its work does what the text then asks, directing included: "Ngân
        # hàng X sẽ phối hợp …, chỉ đạo các Tổ …")
        charged = _charged_units(para) if not DIRECTIVE_CUE.search(para) or _opens_charged(para) else []
        leads = charged or find_leads(para)  # ("Các đơn vị phải …": the unit bound to the work, when none is asked)
        if not charged and groups and groups[-1][1] and _also_work(para) and not _opens_with_doer(probe) and \
                not OTHERS_ASKED.search(para):
            # "X chủ trì … . Định kỳ hàng năm tổng hợp …, báo cáo Ủy ban Dân tộc, UBND tỉnh …": the same doer's next
            # piece of work, the units it names are whom it reports to
            leads = []
        if (singled := SINGLED_OUT.match(para)) is not None:
            leads = [singled.group("u").strip()]  # "Riêng đối với tỉnh A, đề nghị …": the place singled out does it
        if not leads:
            leads = _spoken_ask_units(para)  # "Đối với …, ông chỉ đạo các sở, ngành cần …"
        if not leads and (INTRO_END.search(para) or LEAD_IN_TAIL.search(para)) and \
                (asked := _lead_in_context(para, _Context(leads=(), supports=()))).explicit:
            # a lead-in with nothing listed under it ("…; yêu cầu UBND các xã thực hiện tốt các nội dung sau:" and
            # the list only in the attached file): whom it asks does what it announces
            leads = list(asked.leads)
        if not leads:
            leads = next((d for sentence in SENTENCE_END.split(para)[:6] if (d := _time_ahead_doers(sentence))), [])
        if not leads and also is not None and _opens_with_doer(probe):
            leads = split_units(name_prefix(probe)) or [name_prefix(probe)]  # "Song song đó, các địa phương …"
        elif not leads and also is not None and (listed_doers := _listed_doers(probe)):
            leads = listed_doers  # "Cụ thể, các bộ trưởng, thủ trưởng …, Chủ tịch UBND các tỉnh … quán triệt …"
        if groups and groups[-1][1] and not leads and (directing := DIRECTS_ANEW.match(para)) is not None and \
                (named := split_units(name_prefix(para[directing.end():]))) and \
                {_unit_key(u) for u in groups[-1][1]} <= {_unit_key(u) for u in named}:
            # "X yêu cầu Chủ tịch UBND các huyện … . Đồng thời chỉ đạo Thủ trưởng các sở, …, Chủ tịch UBND các huyện …
            # thường xuyên kiểm tra …": those directed include the lead above, who cannot be the one directing: the
            # issuer directs them, they do the work
            leads = named
        if groups and _also_work(para) and not leads and (groups[-1][1] or in_directive_section):
            groups.append(([para], groups[-1][1]))  # "Đồng thời chỉ đạo …": the same doer's next task
        elif groups and para in listed_below and not leads and _listed_item(para):
            # "… tập trung thực hiện các nhiệm vụ trọng tâm sau:" / "Theo dõi sát …" / "Khẩn trương rà soát …": each
            # paragraph of the list is an item, a task of its own (the lead-in's units do it)
            groups.append(([para], groups[-1][1] if groups[-1][0][0] in after_intro else []))
            listed_items.add(len(groups) - 1)
        elif groups and (not leads and not _new_ask(para) and not _new_doer(para, groups[-1][1])
                         and not (DATED_CLAUSE.search(para) and groups[-1][0][-1].rstrip().endswith(";")
                                  and DATED_CLAUSE.search(groups[-1][0][-1]))
                         or leads and _same_units(leads, groups[-1][1]) and not opens
                         and not _asks_anew(para, issued_on)):
            groups[-1][0].append(para)
        else:
            groups.append(([para], leads))
    out = []
    for i, (paras, leads) in enumerate(groups, start=1):
        text = " ".join(paras)
        shared = next((shared_of[p] for p in paras if p in shared_of), None)
        deadline = pick_deadline(shared, issued_on=issued_on) if shared else None
        ref = f"{ref_prefix}.{i}" if ref_prefix else str(i)
        first, *more = _chained_duties(text, listed=i - 1 in listed_items)
        if more and deadline is None and not any(REPORTS_ON.match(p) and pick_deadline(p, issued_on=issued_on)
                                                 for p in more):
            # "A …; B …; C …, hoàn thành trước ngày 05/7": the chain's one date holds for the duties that name none
            # (a report's own date is the report's: "A …; tổng hợp số liệu, báo cáo … trước ngày 25/3")
            deadline = pick_deadline(text, issued_on=issued_on)
        inherited = (deadline.due, deadline.text) if deadline else \
            lead_in_due if lead_in_due and any(p in directed_parts for p in paras) else None
        task = _task(ref, first, issued_on=issued_on, ctx=base, parent=ref_prefix or None, depth=0,
                     leads=leads or None, inherited_due=inherited)
        out.append(task)
        for n, duty in enumerate(more, start=2):
            # "Sở X chủ trì …; hướng dẫn …": the same doer's next duty, unless the clause names its own
            own, strength = find_leads_ranked(duty[:120])
            out.append(_task(f"{ref} (ý {n})", duty, issued_on=issued_on, ctx=base, parent=ref_prefix or None,
                             depth=0, leads=own if strength >= STRONG and _unit_opens_with_work(duty)
                             else list(task.lead) or None,
                             inherited_due=inherited))
    return out


# a paragraph that only says by when or how the work above is sent: "Thời gian gửi báo cáo trước ngày 20/3.",
# "Báo cáo gửi về Sở X trước ngày …", "Hạn chót …"
TIME_ONLY = re.compile(r"^(?:Thời\s*(?:gian|hạn)|Hạn\s*chót|Báo\s*cáo\s*gửi|Văn\s*bản\s*gửi|Hồ\s*sơ\s*gửi)\b", re.U)


# what was done before the letter, its date a state of things, not the date of the work above: "Trước đó, UBND tỉnh đã
# có văn bản cho học sinh … nghỉ học đến ngày 28/3/2020."
TOLD_EARLIER = re.compile(r"^(?:Trước\s*đó|Trước\s*đây|Vừa\s*qua|Thời\s*gian\s*qua)\s*,?\s[^.;]{0,120}?\b(?:đã|vừa)\s",
                          re.U)
DIRECTS_ANEW = re.compile(r"^(?:Đồng\s*thời,?\s+)?(?:[Cc]hỉ\s*đạo)\s+(?:cho\s+)?", re.U)


def _unit_key(name: str) -> str:
    """A unit's name compared loosely: folded, "Ủy ban nhân dân" as "UBND"."""
    return re.sub(r"\bu[yỷ] ban nhan dan\b", "ubnd", " ".join(fold(name).split()))


# a sentence that asks or directs units of its own ("Đồng thời chỉ đạo các trường …")
OTHERS_ASKED = re.compile(r"\b(?:đề\s*nghị|giao|yêu\s*cầu|chỉ\s*đạo)\b", re.I | re.U)


def _listed_item(para: str) -> bool:
    """A paragraph that reads as one item of a list of work: its verb first ("Khẩn trương rà soát …"), a sentence
    long, not a closing call ("Đề nghị đơn vị quan tâm thực hiện./."), a link, a schedule line, a topic ("Đối với
    …"), an account or what the law says."""
    return _verb_opening(para) and len(para) >= 40 and not TIME_ONLY.match(para) and not UNIT_START.match(para) and \
        not NEXT_IN_LIST.match(para) and not CLOSING.search(para) and not CLOSING_LINE.match(para) and \
        not _informs(para) and not ASSESSMENT.search(para[:200]) and not para.rstrip().endswith("./.") and \
        not FULL_TEXT_LINK.match(para) and not NOTE_ITEM.match(para)


# what goes on with the item above or tells rather than asks: "Trong đó …", "Theo đó …", "Đối với …", "Chi tiết …"
NEXT_IN_LIST = re.compile(r"^(?:Trong\s*đó|Theo\s*đó|Đối\s*với|Chi\s*tiết|Riêng|Ngoài\s*ra|Tuy\s*nhiên|Hiện\s*nay|"
                          r"Qua\s*đó|Vì\s*vậy|Do\s*đó|Như\s*vậy|Trường\s*hợp|Nếu)\b", re.U)


# one unit or place singled out for an ask of its own: "Riêng đối với tỉnh Thừa Thiên - Huế, đề nghị thành lập …",
# "Riêng UBND huyện A, yêu cầu …" (a province or district named by its kind in lower case is no unit start elsewhere)
_PLACE_KIND = r"(?:tỉnh|thành\s*phố|huyện|quận|thị\s*xã|xã|phường|thị\s*trấn)\s+"
SINGLED_OUT = re.compile(rf"^Riêng\s+(?:đối\s*với\s+)?(?P<u>(?:(?:UBND|Ủy\s*ban\s*nhân\s*dân|Sở|Ban|Phòng)\s+"
                         rf"(?:{_PLACE_KIND})?|{_PLACE_KIND})[A-ZĐ][^,;:.]{{1,60}}?)\s*,\s*"
                         r"(?:đề\s*nghị|yêu\s*cầu|giao|cần)\s+(?=[a-zđà-ỹ])", re.U)


def _asks_anew(para: str, issued_on: dt.date | None) -> bool:
    """A paragraph that asks the same unit again for more work — "Đối với những vấn đề vượt thẩm quyền, Chủ tịch UBND
    tỉnh yêu cầu Sở X chủ động báo cáo, đề xuất …" after "… yêu cầu Sở X chỉ đạo …" — is a task of its own; one that
    only gives the date of the ask before ("Đề nghị các sở gửi báo cáo về Sở Nội vụ trước ngày 10/9") goes with it."""
    return _asks_a_unit(para) and pick_deadline(para, issued_on=issued_on) is None


def _listed_doers(text: str) -> list[str]:
    """A list of doers too long to be one name, then their work: "các bộ trưởng, thủ trưởng cơ quan ngang bộ, cơ quan
    thuộc Chính phủ, Chủ tịch UBND các tỉnh … quán triệt …" → the names, as the lead finder splits them."""
    if not UNIT_START.match(text):
        return []
    named, strength = find_leads_ranked(text)
    name = name_prefix(text)
    if strength < STRONG or not named or not text.lower().startswith(named[0].lower()) or \
            not re.match(r"\s+[a-zđà-ỹ]", text[len(name):]) or NOT_WORK_AFTER_UNIT.match(text[len(name):]) or \
            VIEW_AFTER_UNIT.match(text[len(name):]):
        return []
    return named


# "…; chỉ đạo các cơ sở y tế bố trí …": the doer hands a further piece of work on to the units under it
DIRECTS_OTHERS = re.compile(r"^(?:đồng\s*thời,?\s+)?chỉ\s*đạo(?:,\s*hướng\s*dẫn)?\s+(?!của\b)", re.U)

# "…; kịp thời báo cáo những vấn đề phát sinh …", "…; tổng hợp số liệu, báo cáo …": a report that names what it
# reports is a duty of its own ("…; báo cáo Thủ tướng Chính phủ trước ngày …" only sends the result up)
REPORTS_ON = re.compile(r"^(?:đồng\s*thời,?\s+)?(?:(?:kịp\s*thời|thường\s*xuyên|định\s*kỳ|chủ\s*động)\s+)?"
                        r"(?:tổng\s*hợp[^;]{0,60}?,\s*)?báo\s*cáo\s+(?!(?:lại\s+|về\s+|cho\s+)?(?:Thủ\s*tướng|"
                        r"UBND|Ủy\s*ban|Uỷ\s*ban|Chủ\s*tịch|Bộ\s*trưởng|Thường\s*trực|Ban\s*Thường\s*vụ|cấp\s*trên)\b)",
                        re.U)
# (directing others, named or not: "chỉ đạo các sở …", "chỉ đạo tăng cường tuyên truyền …"; not the doer's own work:
# "chỉ đạo triển khai đồng bộ …", "chỉ đạo thực hiện nghiêm …")
OWN_DIRECTING = re.compile(r"(?<!Ban\s)(?<!sự\s)\bchỉ\s*đạo\s+(?!của\b|và\b|(?:triển\s*khai|thực\s*hiện)\b)", re.U)


# "…; tăng cường kiểm tra …; kiên quyết không để …": a clause that opens with a verb of work in lower case is the
# same doer's next duty
# ("…; đặc biệt, thường xuyên rà soát …": the duty singled out is one too)
WORK_CLAUSE = re.compile(r"^(?:(?:đồng\s*thời|đặc\s*biệt),?\s+)?"
                         # (how often, before the verb: "định kỳ ngày 20 hàng tháng, báo cáo kết quả …")
                         r"(?:(?:định\s*kỳ\s*)?(?:(?:vào\s*)?ngày\s*\d{1,2}\s*)?(?:hằng|hàng)\s*(?:tuần|tháng|quý|năm)\s*,?\s+|"
                         r"định\s*kỳ\s*,?\s+)?"
                         r"(?:(?:khẩn\s*trương|kịp\s*thời|thường\s*xuyên|tích\s*cực|chủ\s*động|"
                         r"tiếp\s*tục|tập\s*trung|kiên\s*quyết|nghiêm\s*túc)\s+)?"
                         r"(?:tăng\s*cường|tổ\s*chức|chú\s*trọng|rà\s*soát|theo\s*dõi|đôn\s*đốc|đẩy\s*mạnh|đẩy\s*nhanh|"
                         r"thực\s*hiện|triển\s*khai|phấn\s*đấu|xây\s*dựng|kiểm\s*tra|tuyên\s*truyền|vận\s*động|"
                         r"hướng\s*dẫn|phối\s*hợp|xử\s*lý|quán\s*triệt|nâng\s*cao|bảo\s*đảm|đảm\s*bảo|tham\s*mưu|"
                         r"củng\s*cố|kiện\s*toàn|phân\s*công|duy\s*trì|không\s*để|chịu\s*trách\s*nhiệm|"
                         r"lựa\s*chọn|tuyển\s*chọn|đề\s*xuất|bố\s*trí|chuẩn\s*bị|khắc\s*phục|ngăn\s*chặn|"
                         r"nắm\s*chắc|giải\s*quyết|cập\s*nhật|tổng\s*hợp|có\s*(?:kế\s*hoạch|biện\s*pháp|phương\s*án)|"
                         r"thông\s*báo|hỗ\s*trợ|huy\s*động|"
                         # ("…; chủ động tiến hành đầy đủ các thủ tục …", "…; bổ sung những vấn đề mới phát sinh …")
                         r"tiến\s*hành|bổ\s*sung|giám\s*sát|cung\s*cấp|hoàn\s*thiện|hoàn\s*chỉnh|nghiên\s*cứu|"
                         # (a report asked, after how often: "…, định kỳ hằng tháng báo cáo kết quả về …")
                         r"(?<=[a-zđà-ỹ,]\s)báo\s*cáo(?=\s+(?:kết\s*quả|tình\s*hình|tiến\s*độ|về|định\s*kỳ|"
                         r"bằng\s*văn\s*bản|kịp\s*thời)\b))"
                         # (not the noun the verb also is: "…; hướng dẫn của các sở …" is what the work follows)
                         r"(?:,|\s(?!của\b))", re.U)


# a connective, then the same doer's next piece of work, its verb first: "Trong đó, tiếp tục rà soát …", "Cạnh đó, thực
# hiện quản lý …", "Ngoài ra, tăng cường …"
CONNECTIVE_WORK = re.compile(r"^(?:Trong\s*đó|Theo\s*đó|Cạnh\s*đó|Bên\s*cạnh\s*đó|Ngoài\s*ra|Đồng\s*thời|Mặt\s*khác|"
                             r"Song\s*song\s*(?:đó|với\s*đó)|Cùng\s*với\s*đó),?\s+(?=[a-zđà-ỹ])")


def _also_work(text: str) -> bool:
    """A sentence that adds another piece of work for the doer before it (ALSO_WORK, or a connective and a verb)."""
    return ALSO_WORK.match(text) is not None or (
        (conn := CONNECTIVE_WORK.match(text)) is not None and (WORK_CLAUSE.match(text[conn.end():]) is not None or
                                                               OBLIGED_WORK.match(text[conn.end():]) is not None))


# ("Đồng thời, cần hạn chế phương tiện …", "Ngoài ra, phải bố trí …": the obligation said with its modal, any verb)
OBLIGED_WORK = re.compile(r"(?:cần|phải)\s+(?:khẩn\s*trương\s+|chủ\s*động\s+|kịp\s*thời\s+)?(?!là\b|có\s*thể\b)"
                          r"[a-zđà-ỹ]{2,}\s+[a-zđà-ỹ]", re.U)


# the colon of a list of members by field ("yêu cầu các Sở: Y tế, Tư pháp, … triển khai …") opens no list of work
MEMBERS_COLON = re.compile(r"\b[Cc]ác\s+(?:Sở|sở|Bộ|bộ|[Pp]hòng)\s*:(?=\s*[A-ZĐ])", re.U)


def _chained_duties(text: str, *, listed: bool = False) -> list[str]:
    """A prose sentence in which one doer does a piece of work and then directs the units under it to do another:
    "Sở X chịu trách nhiệm bảo đảm …; chỉ đạo các cơ sở bố trí …; chỉ đạo các bệnh viện …" — official writing
    chains such duties with ';', each "chỉ đạo …" clause a duty of its own. One task each; else the text whole.
    Only where the sentence opens with its doer (or an ask to a unit)."""
    if ";" not in text or len(text) < 60:
        return [text]
    probe = text[also.end():] if (also := ADDS_WORK.match(text)) else text
    # (or with the asked doer's next piece of work, its verb first, when three duties or more are chained: "Chủ động
    # phối hợp … tuyên truyền …; theo dõi …; chủ động cập nhật …" — but "Chỉ đạo các xã …; rà soát …" goes on with
    # what the units directed do)
    verb_first = _also_work(text) and not ASSESSMENT.search(text[:200]) and \
        not re.match(r"Chỉ\s*đạo\b", text)
    if not (verb_first or listed or _unit_opens_with_work(probe) or _opens_with_doer(probe)
            or _asks_a_unit(probe[:200])):
        return [text]
    pieces: list[str] = []
    for clause in (c.strip() for c in re.split(r"(?<=;)\s+", text)):
        # (where the doer's first duty is itself to direct — "X chỉ đạo các sở …; đồng thời chỉ đạo Công an …" —
        # the later "chỉ đạo" goes on with it)
        if pieces and len(clause) >= 40 and ":" not in MEMBERS_COLON.sub("", pieces[-1]) and \
                not PARTNERS_ONLY.match(clause) and (
                REPORTS_ON.match(clause) or (
                DIRECTS_OTHERS.match(clause) or WORK_CLAUSE.match(clause)) and not OWN_DIRECTING.search(pieces[0])):
            pieces.append(clause)
        elif pieces:
            pieces[-1] = f"{pieces[-1]} {clause}"
        else:
            pieces.append(clause)
    if verb_first and not listed and len(pieces) < 3 and not (_unit_opens_with_work(probe) or _opens_with_doer(probe)
                                               or _asks_a_unit(probe[:200])):
        return [text]
    return pieces


# a clause that only names the partners of the doer's work: "…; phối hợp ngành Giao thông Vận tải trong thực hiện các
# nhiệm vụ liên quan; …" — it goes with the duty before it, whose supporters it names
PARTNERS_ONLY = re.compile(r"^(?:chủ\s*động\s+)?phối\s*hợp(?:\s+chặt\s*chẽ)?\s+(?:với\s+)?[^;:.]{3,80}?"
                           r"\s(?:trong|để|khi)\s+(?:việc\s+)?(?:thực\s*hiện|triển\s*khai)\s+(?:các\s+|những\s+)?(?:nhiệm\s*vụ|nội\s*dung|công\s*việc)"
                           r"(?:\s+(?:có\s+)?liên\s*quan|\s+được\s+giao)?\s*[;.]?\s*$", re.U)


# a unit's view, not its work: "Ban Chấp hành cơ bản thống nhất với …", "Hội nghị đánh giá cao …"
VIEW_AFTER_UNIT = re.compile(r"^\s*(?:cơ\s*bản\s+|cũng\s+|rất\s+)?(?:thống\s*nhất|nhất\s*trí|đồng\s*ý|đánh\s*giá|"
                             r"ghi\s*nhận|biểu\s*dương|hoan\s*nghênh|khen\s*ngợi|cho\s*rằng|nhấn\s*mạnh)\b",
                             re.I | re.U)


# a unit asked to do a list of things in one sentence of prose
# (not the name of a steering committee: "Văn phòng Ban chỉ đạo T.Ư về phòng, chống thiên tai đề nghị các tỉnh …")
ASK_LIST_VERB = re.compile(r"(?:^|[\s,])(?:(?<![Bb]an\s)[Cc]hỉ\s*đạo|[Gg]iao(?:\s*cho)?|[Yy]êu\s*cầu|[Đđ]ề\s*nghị|"
                           r"[Ll]ưu\s*ý)\s+(?=\S)", re.U)
# the asked unit's own part is to direct others, or to lead a joint piece of work: the ';' clauses after it say what
# the others do ("yêu cầu UBND các huyện chỉ đạo lực lượng Kiểm lâm tăng cường …; huy động …") or how the joint work
# goes on ("Giao Sở Y tế chủ trì, phối hợp …; trang bị …"): one duty of the asked unit
NESTED_ASK = re.compile(r"^(?:[^;]{0,80}?\b(?:thực\s*hiện\s*và\s*|lãnh\s*đạo,?\s*)?chỉ\s*đạo(?:,\s*hướng\s*dẫn)?\s+"
                        r"(?:các\s|những\s|lực\s*lượng\s|(?-i:[A-ZĐ]))|chủ\s*trì\b)", re.I | re.U)
# a leader's remark that hands out work: "Trưởng ban lưu ý các địa phương sớm tổ chức …"
REMARK_ASK = re.compile(rf"\blưu\s*ý\s+(?:{UNIT_START.pattern}|các\s|những\s)", re.U)
# the spirit the work is done in, not a duty: "…; tuyệt đối không lơ là, chủ quan", "…; đoàn kết, thống nhất vượt qua
# khó khăn, hoàn thành tốt nhiệm vụ đề ra"
ATTITUDE_CLAUSE = re.compile(r"^(?:(?:tuyệt\s*đối\s+)?không\s+(?:được\s+)?(?:lơ\s*là|chủ\s*quan)|"
                             r"(?:đoàn\s*kết|quyết\s*tâm|nêu\s*cao)\b[^;]*\bhoàn\s*thành\b[^;]*\bnhiệm\s*vụ)", re.U)
# a ';' clause that qualifies the duty before it rather than adding one: when, what it covers, where it is sent
QUALIFIER_CLAUSE = re.compile(r"^(?:thời\s*gian|thời\s*hạn|(?:hoàn\s*thành|xong)\s+(?:trước|trong|vào|chậm)|"
                              r"chậm\s*nhất|trước\s*ngày|trong\s*đó|trong\s*quá\s*trình|nếu|khi|trường\s*hợp|nhất\s*là|"
                              r"đặc\s*biệt|kể\s*cả|bao\s*gồm|gồm|cụ\s*thể|gửi|nộp|để|nhằm|theo)\b", re.U)
LIST_AFTER = re.compile(r"(?:các|những)\s+(?:nội\s*dung|nhiệm\s*vụ|công\s*việc|việc)(?:\s+\w+){0,3}?\s*"
                        r"(?:như|sau(?:\s*đây)?)\s*:\s*", re.I | re.U)
LEADERSHIP = re.compile(r"^(?:[Ll]ãnh\s*đạo|[Đđ]ồng\s*chí|Đ/c|(?:Phó\s*)?Chủ\s*tịch|(?:Phó\s*)?Bí\s*thư|Thường\s*trực|"
                        r"Ban\s*Thường\s*vụ|"
                        # (a government leader by title, named or not: "Thủ tướng Phạm Minh Chính chỉ đạo các bộ,
                        # ngành A; B; C", "Bộ trưởng …", "Người đứng đầu Chính phủ …" — the directed do the work)
                        r"(?:Phó\s*)?Thủ\s*tướng|(?:Bộ|Thứ|Cục)\s*trưởng|Tổng\s*Bí\s*thư|"
                        r"[Nn]gười\s*đứng\s*đầu)\b", re.U)
# a second ask of the same subject ("…; đồng thời chỉ đạo Công an tỉnh …"): the subject does all of it
CHAINED_ASK = re.compile(r"^(?:đồng\s*thời,?\s*)?(?:chỉ\s*đạo|giao|yêu\s*cầu|đề\s*nghị)\b", re.U)
LIST_SENTENCE = re.compile(r"(?<=[.!])\s+(?=[A-ZĐÀ-Ỹ])", re.U)


# "Giao X phối hợp với Trung tâm A; các phòng liên quan và UBND các xã khẩn trương …": the ';' goes on with the
# names of X's partners, not with a duty of its own
PARTNERS_TAIL = re.compile(r"\bphối\s*hợp(?:\s+chặt\s*chẽ)?\s+(?:với\s+)?(?P<names>[^;:.]{3,120})$", re.U)


def _partners_go_on(clause: str) -> bool:
    tail = PARTNERS_TAIL.search(clause)
    return tail is not None and UNIT_START.match(tail.group("names")) is not None and \
        name_prefix(tail.group("names")) == tail.group("names").strip(" ,.-–")


def _ask_list(para: str, *, directs: bool = False) -> list[tuple[str, list[str]]] | None:
    """The tasks of one prose sentence that asks a unit for several things: "Lãnh đạo huyện chỉ đạo các ngành
    chuyên môn vận động …; huy động …; đẩy nhanh …" (three or more ';' clauses, each opening with its verb) or "…
    chỉ đạo các đơn vị chủ động thực hiện tốt các nội dung như: A. B. C." (two or more sentences after the colon).
    Each piece gets the asked unit as lead, unless it names its own doer. In a paragraph that directs (`directs`),
    any ask followed by two or more ';' duties of the asked unit is split the same way: "Yêu cầu các xã rà soát …;
    lập danh sách …" — but a past ask ("đã yêu cầu …") is background; and the voters' own request (VOTERS_ASK) is
    none."""
    if VOTERS_ASK.match(para):
        return None
    for m in ASK_LIST_VERB.finditer(para):
        rest = para[m.end():]
        unit = name_prefix(rest)
        if not unit or not rest.startswith(unit) or not (
                UNIT_START.match(unit) or re.match(r"(?:các|những|chính\s*quyền)\s", unit) or unit[:1].isupper()):
            continue  # "… tinh thần chỉ đạo của trung ương …" names no one asked
        start = _sentence_start(para, m.start())
        subject = para[start: m.start()].strip(" ,")
        if subject and UNIT_START.match(subject) and "," not in subject and name_prefix(subject) == subject and \
                not LEADERSHIP.match(subject) and re.search(r"chỉ\s*đạo", m.group(0), re.I):
            unit = subject  # "Sở GTVT chỉ đạo lực lượng thanh tra …; …": the directing unit answers for it
        body = rest[len(name_prefix(rest)):]
        lm = LIST_AFTER.search(body)
        if lm is not None:
            items = [p.strip() for p in LIST_SENTENCE.split(body[lm.end():]) if len(p.strip()) >= 12]
            if len(items) < 2:
                return None
            head = para[start: m.end() + len(name_prefix(rest)) + lm.end()]
        else:
            items = []
            for p in (p.strip() for p in body.split(";")):
                if items and (QUALIFIER_CLAUSE.match(p) or ATTITUDE_CLAUSE.match(p) or len(p) < 12 or ":" in items[-1]
                              or _partners_go_on(items[-1])):
                    # (after "… của các sở: A, B; C": the ';' parts the names of a list)
                    items[-1] = f"{items[-1]}; {p}"  # "…; thời gian hoàn thành trước ngày 30/6": the same duty
                else:
                    items.append(p)
            also = len(items) == 2 and re.match(r"đồng\s*thời\b", items[1]) is not None  # "…; đồng thời hướng dẫn …"
            # a leader's "chỉ đạo các ngành A; B; C" hands out several; so does any ask now made in a directing
            # paragraph ("Yêu cầu các xã A; B"), not one told as past ("UBND huyện đã yêu cầu …")
            leader = re.search(r"chỉ\s*đạo", m.group(0), re.I) is not None
            now = directs and not re.search(r"\b(?:đã|từng)\s+(?:\S+\s+){0,3}$", para[start: m.start() + 1]) and \
                not re.match(r"\s*(?:đã|đang)\s", body) and not NESTED_ASK.match(items[0]) and not leader
            if not (len(items) == 2 and also or len(items) >= 3 and leader or len(items) >= 2 and now) or \
                    len(items[0]) < 12 or any(not p[:1].islower() or CHAINED_ASK.match(p) or
                                              re.match(r"(?:việc|hiện|đang|đã)\s", p) or
                                              # (people, not work: "… bầu cử Trưởng ấp, khu; thành viên Ban Thanh
                                              # tra nhân dân …" — the ';' goes on with a list of offices)
                                              re.match(r"(?:thành\s*viên|đại\s*biểu|hội\s*viên)\s", p) or
                                              re.match(r"(?:các|những)\s", p) and not _opens_with_doer(p)
                                              for p in items[1:]):
                return None
            head = para[start: m.end() + len(name_prefix(rest))]
        out: list[tuple[str, list[str]]] = []
        asked, asked_strength = find_leads_ranked(para[m.start(): m.end() + len(name_prefix(rest))])
        # (the asked as the units' splitter reads them with their work after: a list of offices, "chỉ đạo các Bộ
        # trưởng, Thủ trưởng các cơ quan ngang bộ, …, Chủ tịch UBND các tỉnh, thành phố A; B", each office; a group
        # with units singled out, "yêu cầu các bộ, ngành, nhất là Bộ X và các địa phương A; B", all of them)
        named = units_named(rest) if unit == name_prefix(rest) else []
        unit_leads = named or (asked if asked_strength >= STRONG and asked and unit == name_prefix(rest) else [unit])
        for n, item in enumerate(items):
            own, strength = find_leads_ranked(item[:120])
            leads = own if strength >= STRONG and _unit_opens_with_work(item) else unit_leads
            item = item if n == len(items) - 1 or item.endswith((";", ".")) else f"{item};"  # a clause, as written
            out.append(((head + " " + item).strip() if n == 0 else item, leads))
        return out
    return None


# an ask, then the work it hands out after a colon in the same paragraph: "… chỉ đạo một số vấn đề cần tập trung trong
# thời gian tới: tiếp tục …; kịp thời …. Thực hiện tốt …", "… thực hiện tốt một số nhiệm vụ sau: Tổ chức …. Phân công …"
COLON_ASK = re.compile(r"\b(?:chỉ\s*đạo|yêu\s*cầu|đề\s*nghị|giao|kết\s*luận|lưu\s*ý)\b(?:[^:;.]{0,160}?"
                       r"\b(?:nội\s*dung|nhiệm\s*vụ|vấn\s*đề|việc|giải\s*pháp|như|sau|sau\s*đây|tới)"
                       # ("… thực hiện các nhiệm vụ đó là: A; B; C")
                       r"(?:\s*(?:đó|sau)\s*là|\s*gồm)?"
                       # (a leader's asks straight after the verb, each ';' part led by its unit: "Chủ tịch huyện
                       # đề nghị: các xã …; phòng NN&PTNT …")
                       r"|(?<=\sđề\snghị)(?=\s*:\s*(?:các|những|phòng|ban|sở|UBND|Ủy|Phòng|Ban|Sở|Các)\s))"
                       r"\s*:\s+(?=\S)",
                       re.I | re.U)


def _colon_list(para: str) -> list[tuple[str, list[str]]] | None:
    """The pieces of work listed after an ask's colon inside one paragraph, one task each (sentences and ';'
    clauses); each with its own doer when it opens with one, else the unit the ask names, else none (the context)."""
    m = COLON_ASK.search(para[:700]) or LETTER_SAYS.match(para)
    if m is None:
        return None
    if QUOTE_OPEN.match(para[m.end():]):
        return None  # "… quy định: “1. …”": the law quoted, not work
    items: list[str] = []
    for piece in (p.strip() for p in re.split(r"(?<=[.;…])\s+", para[m.end():])):
        low = piece[:1].lower() + piece[1:]
        if items and (QUALIFIER_CLAUSE.match(low) or len(piece) < 12 or not piece[:1].isalpha() or
                      re.match(r"(?:báo\s*cáo|văn\s*bản|kết\s*quả)\s+(?:\S+\s+){0,2}gửi\b", low)):
            items[-1] = f"{items[-1]} {piece}"  # "Báo cáo gửi về Văn phòng … trước 14 giờ …": how the work is sent
        elif piece:
            items.append(piece)
    items = [piece for item in items for piece in _unit_clauses(item)]
    if len(items) < 2 or any(_informs(p) or CLOSING.search(p) or CLOSING_LINE.match(p) or
                             NOTE_ITEM.match(p) and not _aside_doer(p) for p in items):
        return None
    head = para[: m.end()].strip()
    asked, strength = find_leads_ranked(head[_sentence_start(head, m.start()):])
    unit_leads = asked if strength >= STRONG and not is_generic_reference(asked) else []
    out: list[tuple[str, list[str]]] = []
    for n, item in enumerate(items):
        doer = _aside_doer(item) or item
        own, own_strength = find_leads_ranked(doer[:120])
        leads = own if own_strength >= STRONG and (_unit_opens_with_work(doer) or _asks_a_unit(doer)) else unit_leads
        if leads is unit_leads and out and item[:1].islower() and items[n - 1].endswith(";"):
            leads = out[-1][1]  # "A tổ chức …; kiểm tra …": a clause that goes on with A's sentence is A's
        out.append((f"{head} {item}" if n == 0 else item, leads))
    return out


# the topic a duty is about, then its doer: "Đối với dự án A, Phòng NN&PTNT tham mưu …"
ASIDE_TOPIC = re.compile(r"^Đối\s*với\s[^,;:]{3,120},\s*", re.U)


def _aside_doer(item: str) -> str:
    """The clause after an "Đối với …," topic when a unit opens it with its work ("Đối với dự án A, Phòng X tham mưu
    …"), else ""."""
    topic = ASIDE_TOPIC.match(item)
    return item[topic.end():] if topic is not None and _unit_opens_with_work(item[topic.end():]) else ""


# the second unit's part in the first one's work: "Sở A chủ trì, Sở B phối hợp thực hiện" is one duty
SUPPORTING_WORK = re.compile(r"\s*(?:phối\s*hợp|cùng|tham\s*gia|hỗ\s*trợ|giúp|theo\s*dõi)\b", re.I)


def _unit_clauses(item: str) -> list[str]:
    """A sentence of two doers' work cut at the ', ' where the second opens: "Phòng A thẩm định nội dung, phòng B
    thẩm định kinh phí, tham mưu nguồn vốn" is two duties (only when the first clause too opens with its unit)."""
    doer = _aside_doer(item) or item
    if not _unit_opens_with_work(doer):
        return [item]
    skip = len(item) - len(doer)  # (not at the comma that closes an "Đối với …," topic)
    for comma in re.finditer(r",\s+(?=\S)", item[skip:]):
        rest = item[skip + comma.end():]
        work = rest[len(name_prefix(rest)):]
        if comma.start() >= 12 and UNIT_START.match(rest) and _unit_opens_with_work(rest) and len(work) > 12 and \
                not SUPPORTING_WORK.match(work) and not re.search(r"chủ\s*trì\s*$", item[: skip + comma.start()]):
            return [item[: skip + comma.start()] + ","] + _unit_clauses(rest)
    return [item]


def _sentence_start(para: str, pos: int) -> int:
    ends = [e.end() for e in re.finditer(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ])", para[:pos])]
    return ends[-1] if ends else 0


def _same_units(a: list[str], b: list[str]) -> bool:
    return {fold(x) for x in a} == {fold(x) for x in b}


# a group of units ("các sở, ngành", "UBND các huyện", "Thủ trưởng các đơn vị"): a shared deadline holds for its members
GROUP_NAME = re.compile(r"(?:\S+\s+){0,3}?(?:các|những|mọi)\s", re.I)


# a duty that opens with the role of the unit named above it, not a unit of its own: "- Là cơ quan thường trực, có
# trách nhiệm tổng hợp …", "- Là cơ quan đầu mối tham mưu …"
ROLE_OPENING = re.compile(r"^Là\s+(?:cơ\s*quan|đơn\s*vị)\s+(?:thường\s*trực|đầu\s*mối|chủ\s*trì|tham\s*mưu)\b", re.U)


# the year by which a recurring duty's work ends, in a sentence of its own: "Hàng năm, tiến hành rà soát …. Đến năm
# 2015, hoàn thành chương trình hỗ trợ …" — a final deadline (a round's day, "trước ngày 20 hằng tháng", is none)
FINAL_YEAR = re.compile(r"^(?:đến|tới)\s*(?:hết\s*)?năm\s*(?:19|20)\d\d$", re.I | re.U)


def _final_deadline(text: str, deadline: Deadline) -> bool:
    if not (deadline.year_given and FINAL_YEAR.match(deadline.text)):
        return False
    start = max(text.rfind(". ", 0, deadline.start), text.rfind("; ", 0, deadline.start)) + 1
    end = min((k for k in (text.find(". ", deadline.start), text.find("; ", deadline.start)) if k >= 0),
              default=len(text))
    return find_recurrence(text[start:end]) is None


def _task(ref: str, text: str, *, issued_on: dt.date | None, ctx: _Context, parent: str | None,
          depth: int, leads: list[str] | None = None, inherited_due: tuple[dt.date, str] | None = None
          ) -> ParsedTask:
    if leads is None:
        own_leads, strength = find_leads_ranked(text)
        # the parent's named unit beats a weak mention deep in the item ("… các đơn vị …")
        leads = own_leads if strength >= STRONG or not ctx.explicit else []
        if ctx.explicit and ctx.leads and ROLE_OPENING.match(text):
            leads = []  # "1. Sở Công Thương" / "- Là cơ quan thường trực, có trách nhiệm …": the heading's unit
        if ctx.owned and leads and not _unit_opens_with_work(text):
            leads = []  # "…; yêu cầu các cơ sở sản xuất …" inside a bullet: the group's owners ask it
    if is_generic_reference(leads) and ctx.leads and _may_point_back(leads, ctx.leads):
        leads = []  # "đề nghị quý Tổng cục …" points back at the addressees
    supports = find_supports(text)
    source = "text" if leads else None
    if not leads:
        leads = list(ctx.leads)
        source = ctx.source if leads else None
        if not supports:
            supports = list(ctx.supports)
    deadline = pick_deadline(text, issued_on=issued_on)
    recurrence = find_recurrence(text)
    if deadline and recurrence and not (deadline.exact and deadline.year_given) and \
            not _final_deadline(text, deadline):
        # "báo cáo hằng năm trước ngày 31 tháng 12": the day of each round, not a final deadline
        deadline = None
    if deadline and ongoing(text, deadline):
        deadline = None  # "Thường xuyên theo dõi … giải ngân vốn trong năm 2026": ongoing work
    if inherited_due and not isinstance(inherited_due, ListDue) and source == "text" and ctx.explicit and \
            ctx.leads and \
            not {fold(u) for u in leads} & {fold(u) for u in ctx.leads} and \
            not any(GROUP_NAME.match(u) for u in (*leads, *ctx.leads)):
        inherited_due = None  # "2. Bộ X trình … trước ngày 20/10, chú ý: … - Bộ Y khẩn trương …": X's date, not Y's
    due, due_text = (deadline.due, deadline.text) if deadline else (inherited_due or (None, None))
    return ParsedTask(ref=ref, text=text, lead=tuple(leads), support=tuple(supports), due=due, due_text=due_text,
                      recurrence=recurrence, parent_ref=parent, depth=depth, lead_source=source,
                      leaders=tuple(leaders_in_charge(text)) or ctx.leaders)


# The kind a generic reference names, and how the units it may point back at are written
_REFERRED_KINDS = {"địa phương": r"huyện|xã|phường|tỉnh|thành\s*phố|thị\s*xã|thị\s*trấn|quận|địa\s*phương|UBND|"
                                 r"Ủy\s*ban\s*nhân\s*dân",
                   "sở": r"\bSở\b", "bộ": r"\bBộ\b", "cục": r"\bCục\b", "tổng cục": r"Tổng\s*cục",
                   "công ty": r"Công\s*ty", "ban": r"\bBan\b", "ubnd": r"UBND|Ủy\s*ban\s*nhân\s*dân"}


def _may_point_back(generic: list[str], context: tuple[str, ...]) -> bool:
    """Whether "các địa phương", "các Sở" … may mean the units above: a reference by kind ("địa phương", "Sở")
    only when some unit above is of that kind; "đơn vị", "cơ quan" point at any. ("UBND tỉnh yêu cầu Sở Y tế …
    Song song đó, các địa phương …": the localities are doers of their own.)"""
    for name in generic:
        words = " ".join(re.sub(r"^(?:quý\s+)?(?:các\s+)?", "", name.strip(), flags=re.I).split()[:2]).lower()
        kind = next((k for k in sorted(_REFERRED_KINDS, key=len, reverse=True) if words.startswith(k)), None)
        if kind is not None and not any(re.search(_REFERRED_KINDS[kind], u, re.I) for u in context):
            return False
    return True


TASK_NAME_ITEM = re.compile(r"^Tên\s*nhiệm\s*vụ\s*:", re.I | re.U)


# A plan section that gives its doers after the work, each as a sub-heading of its own:
#   "I. TUYÊN TRUYỀN …" / "1. Nội dung, biện pháp" (a), b) … the work) / "2. Cơ quan chủ trì, phối hợp" /
#   "a) Cơ quan chủ trì" (- units …) / "b) Cơ quan phối hợp" (- units …) / "3. Thời gian thực hiện: Tháng 12/2013."
# (also "2. Cơ quan chủ trì" or "2. Chủ trì thực hiện" with the units below, "a) Cơ quan chủ trì: Bộ X; Bộ Y.")
LEAD_TITLE = re.compile(r"^(?:(?:Cơ\s*quan|Đơn\s*vị)\s*chủ\s*trì|Chủ\s*trì)(?:\s*thực\s*hiện)?"
                        r"(?:\s*:\s*|\s+(?=[A-ZĐÀ-Ỹ])|\s*$)", re.U)
SUPPORT_TITLE = re.compile(r"^(?:Cơ\s*quan|Đơn\s*vị)\s*(?:phối\s*hợp|thực\s*hiện)(?:\s*thực\s*hiện)?"
                           r"(?:\s*:\s*|\s+(?=[A-ZĐÀ-Ỹ])|\s*$)", re.U)
DOERS_TITLE = re.compile(r"^(?:Cơ\s*quan|Đơn\s*vị)\s*chủ\s*trì\s*(?:,|và)\s*(?:phối\s*hợp|thực\s*hiện)\s*\.?\s*$", re.U)
TIME_TITLE = re.compile(r"^Thời\s*gian\s*(?:thực\s*hiện|hoàn\s*thành)\s*:", re.U)


def _titled_units(node: Node, title: re.Pattern[str]) -> list[str] | None:
    """The units a doers sub-heading names — after its label ("Cơ quan chủ trì: Bộ X; Bộ Y.") or on its lines and
    bullets below, one entry each (a bullet's ';' parts apart); None when `node` is no such sub-heading. A note in
    brackets under the list ("(Văn phòng … đồng thời là cơ quan …)") names nobody."""
    m = title.match(node.head)
    if m is None:
        return None
    pieces = [node.head[m.end():], *node.lines[node.head_span:], *(c.text for c in node.children
                                                                  if c.kind in GROUP_ITEM_KINDS)]
    units: list[str] = []
    for piece in pieces:
        piece = re.sub(r"(?<=[.;])\s*\(.*$", "", piece.strip())  # "- Ban X. (Văn phòng … là cơ quan …)": a note
        if not piece or piece.startswith("("):
            continue
        for part in responsible_units(piece) if ";" in piece else [piece]:
            found = responsible_units(part)
            names = [n.strip() for n in re.split(r",\s*", part.strip(" .;"))]
            if len(names) > 1 and all(n[:1].isupper() or n.startswith("các ") for n in names) and \
                    len(_squashed("".join(found))) < len(_squashed("".join(names))):
                found = names  # "Các Quân khu, Ủy ban nhân dân các tỉnh", "Các quân khu, các tỉnh": each is a unit
            elif any(not f[:1].isupper() and not re.match(r"(?:các|những)\s", f) for f in found[1:]):
                found = [part.strip(" .;")]  # "Các cơ quan báo chí Trung ương, địa phương, quân đội": one body
            units += found
    return units


def _doers_after_work(node: Node) -> None:
    """Give the work of a plan section whose doers follow it ("1. Nội dung …" / "2. Cơ quan chủ trì, phối hợp" /
    "3. Thời gian thực hiện: …") those doers and that time as its owners: every item of the work is theirs, and the
    sub-headings that name them are no tasks. A list may hold several such runs ("1. Task A" / "2. Cơ quan chủ trì: X"
    / "3. Thời gian thực hiện: …" / "4. Task B" / …); each run's doers are its own. The run must end with its time
    line or the list, and its work must have items of its own when no time line closes it ("3. Đơn vị chủ trì: X" after
    "1. Danh nghĩa: …", "2. Cơ quan chỉ đạo: …" describes an event, and "4. Kết quả: …" after the doers is one task
    told field by field); after a doers line that fits none of this the list is left as it is."""
    for child in node.children:
        _doers_after_work(child)
    kids, kept, start, i = node.children, [], 0, 0
    while i < len(kids):
        d = kids[i]
        if i == start or d.kind != "num" or not (DOERS_TITLE.match(d.head) or LEAD_TITLE.match(d.head)):
            i += 1
            continue
        supports: list[str] = []
        if DOERS_TITLE.match(d.head):
            leads = []
            for sub in d.children:
                if (own := _titled_units(sub, LEAD_TITLE)) is not None:
                    leads += own
                elif (partners := _titled_units(sub, SUPPORT_TITLE)) is not None:
                    supports += partners
        else:
            leads = _titled_units(d, LEAD_TITLE) or []
        j = i + 1
        if j < len(kids) and kids[j].kind == d.kind and (partners := _titled_units(kids[j], SUPPORT_TITLE)) is not None:
            supports += partners
            j += 1
        time = kids[j] if j < len(kids) and TIME_TITLE.match(kids[j].text) and not kids[j].children else None
        j += time is not None
        work = kids[start:i]
        if not leads or j < len(kids) and time is None or time is None and not any(w.children for w in work):
            break  # not such a plan: the rest of the list is read as it stands
        for w in work:
            w.owners, w.owner_supports = list(leads), supports
            w.owner_time = time.text if time is not None else None
        kept += work
        start = i = j
    node.children = kept + kids[start:]


def _merge_task_fields(children: list[Node]) -> list[Node]:
    """"1. Tên nhiệm vụ: … 2. Cơ quan chủ trì: … 5. Thời gian hoàn thành: Quý IV/2026.": one task told field by
    field, so who leads it and by when stay with it."""
    out: list[Node] = []
    for child in children:
        prev = out[-1] if out else None
        if prev is not None and TASK_NAME_ITEM.match(prev.text) and not prev.children and not child.children and \
                child.kind == prev.kind and ATTRIBUTE_ITEM.match(child.text):
            out[-1] = replace(prev, lines=[" ".join([*prev.lines, *child.lines])])
            continue
        out.append(child)
    return out


def _walk(node: Node, out: list[ParsedTask], *, issued_on: dt.date | None, ctx: _Context, directive: bool,
          ref_prefix: str, inherited_due: tuple[dt.date, str] | None = None, guidance: bool = False) -> None:
    sibling_count: dict[str, int] = {}
    node.children = _merge_task_fields(node.children)
    if node.kind != "root" and (_legal_intro(node.lines[-1]) or MEMBERS_INTRO.search(node.lines[-1])
                                or ROLE_ITEM.match(node.text) or _findings_intro(node.lines[-1])
                                or FIELDS_INTRO.search(node.lines[-1]) or REPORT_OUTLINE.search(node.lines[-1])):
        return  # "Khoản 1 Điều 5 Nghị định … quy định:", "…, gồm các thành viên sau đây:" — no work below
    for child in node.children:
        if child.note or _schedule_item(child):
            continue
        sibling_count[child.kind] = sibling_count.get(child.kind, 0) + 1
        label = child.label or _ordinal(child.kind, sibling_count[child.kind])
        if child.kind == "heading":
            ref = ref_prefix
        elif child.kind == "num" and "." in child.label:
            ref = (ref_prefix.split(".")[0] + "." if ref_prefix and ref_prefix[0] in "IVX" else "") + child.label
        else:
            ref = f"{ref_prefix}.{label}" if ref_prefix else label
        # (an article's whole text, before its later paragraphs are set apart below: its entry into force, then asks)
        in_force = IN_FORCE.match(whole := child.text) if child.kind == "article" and not child.children else None
        extra = _paragraph_parts(child) if child.kind not in ("roman", "heading") else []
        topic_line = bool(extra) and _topic_line(child)
        cadence = _schedule_cadence(child) if extra and _duty_over_schedule(child, len(child.lines) - 1) else None
        if extra:
            # the later paragraphs that hand out work of their own are tasks of their own (below)
            child = Node(kind=child.kind, label=child.label, rank=child.rank,
                         lines=child.lines[: len(child.lines) - sum(len(p) for p in extra)],
                         parent=child.parent, children=child.children)
        topic_only = bool(extra) and len(child.lines) == 1 and (
            child.head.rstrip().endswith(":") or _title_over_work(child, issued_on=issued_on)
            or topic_line)
        text = child.text
        head_class = _is_directive_heading(child.head) if child.kind in ("roman", "heading") or child.children \
            else False if _titled(child) and _is_directive_heading(child.head) is False else None
        if child.kind == "article" and head_class is None:
            # an article of a decision directs only when it says so ("Điều 2. Giao Sở …", "Điều 4. Giám đốc Sở X
            # chịu trách nhiệm …"); not "Thành lập …", not "Điều 2. Thời hạn ủy quyền"
            head_class = (_is_directive_heading(child.head) is not False if _titled(child) else True) and (
                bool(DIRECTIVE_CUE.search(child.head[:120])) or _unit_opens_with_work(child.head)) and \
                not _unit_not_at_work(child.head) or _charged_article(child)
        child_directive = directive if head_class is None else head_class
        if guidance and not directive:
            # guidance on the law: an item is work only where it asks a unit ("a) Đề nghị Thủ trưởng các đơn vị …:",
            # "5. Bộ Y tế đề nghị BHXH Việt Nam chỉ đạo …"), and then so is all below it — not where its title only
            # speaks of duties or requests ("Về … hàng hóa có yêu cầu bảo vệ …", "… nâng cao trách nhiệm của …")
            child_directive = head_class is not False and _asks_a_unit(child.head)
        if not child_directive and child.parent is not None and child.parent.kind == "article" and \
                _is_directive_heading(child.parent.head) is not False and \
                not child.children and not ASSESSMENT.search(child.text[:200]) and (
                    _asks_a_unit(child.text) or ARTICLE_ASK.search(child.text) is not None):
            child_directive = True  # "Điều 1. Các chi phí … : 1. Đối với …, giao Bảo hiểm xã hội … thanh toán …"
        # (a title in capitals over its paragraph: "TÌNH HÌNH THỰC HIỆN …" / "Căn cứ …, yêu cầu …": the paragraph)
        asked = " ".join(child.lines[1:]) if child.kind == "heading" and not child.children else text
        assessed = _under_part(child, ASSESSMENT_PART) \
            or asked is not text and ASSESSMENT_PART.match(child.head) is not None
        if not child_directive and (head_class is None or asked is not text) and not child.children and asked and \
                not ASSESSMENT.search(asked[:200]) and assessed and _asks_a_unit(asked) and \
                not re.search(r"\b(?:đã|từng|vừa)\s+(?:có\s+\S+\s+)?(?:yêu\s*cầu|đề\s*nghị|giao|chỉ\s*đạo)\b",
                          asked, re.I):
            # "I. ĐÁNH GIÁ …: Căn cứ …, yêu cầu các sở, ngành khẩn trương đánh giá …": an ask made now is work,
            # whatever the title of the part it stands in
            child_directive = True
        if child_directive and ASSESSMENT.search(text[:200]) and not DIRECTIVE_HEAD.search(child.head[:80]):
            child_directive = False
        if in_force is not None:
            # "Điều 4. Quyết định này có hiệu lực kể từ ngày ký. Đề nghị Ủy ban Kiểm tra Tỉnh ủy … phối hợp kiểm tra
            # …. Thanh tra tỉnh … tham mưu …": the asks after the entry into force are work, each its own item
            out.extend(_task(f"{ref}.{n}", sentence, issued_on=issued_on, ctx=ctx, parent=ref_prefix or None,
                             depth=child.rank, inherited_due=inherited_due)
                       for n, sentence in enumerate(_asks_after_in_force(whole[in_force.end():]), start=1))
            continue
        if child_directive and CLOSING.search(child.head):
            continue
        span = child.head_span
        unit_heading = heading_units(child.head) if child.children or len(child.lines) > span else []
        # "2. Sở Xây dựng" / "Tập trung …": the heading names the unit, the body starts on the next line
        body_after_unit = bool(unit_heading) and len(child.lines) > span and \
            not FIELD_LABEL.match(child.lines[span])
        leads = unit_heading or find_leads(text)
        if not leads and child.children and (titled := UNIT_TITLE.match(text)) and UNIT_START.match(titled.group("u")):
            leads = split_units(titled.group("u")) or [titled.group("u")]  # "Yêu cầu đối với các thương nhân …"
        elif not leads and (child.children or topic_only) and (doer := _titled_doer(text)):
            leads = [doer]  # "1. Trách nhiệm của nhà đầu tư trong việc triển khai thực hiện dự án:" over its items
        if not leads and child.children and (lead_in := child.lines[-1].rstrip()).endswith(":") and \
                _opens_with_doer(lead_in):
            # "7. Đẩy mạnh truyền thông" / "Bộ X phối hợp với Ban Y và chủ trì cùng các bộ, ngành:": X leads the items
            leads = split_units(name_prefix(lead_in)) or [name_prefix(lead_in)]
        child_ctx = ctx
        if child.owners:
            # "Trách nhiệm chỉ đạo thực hiện: X; Y." after the bullets: X and Y lead every bullet of the group
            child_ctx = _Context(leads=tuple(child.owners), supports=tuple(child.owner_supports), explicit=True,
                                 source="heading", owned=True)
        elif leads:
            child_ctx = _Context(leads=tuple(leads), supports=tuple(find_supports(text)), explicit=True,
                                 source="heading")
        if (group_leaders := tuple(child.leaders) or ctx.leaders) != child_ctx.leaders:
            child_ctx = replace(child_ctx, leaders=group_leaders)  # "Lãnh đạo phụ trách: …" of the group or above
        deadline = pick_deadline(text, issued_on=issued_on)
        child_due = inherited_due
        if child.owner_time and (section_due := pick_deadline(child.owner_time, issued_on=issued_on)):
            child_due = (section_due.due, section_due.text)  # "3. Thời gian thực hiện: Tháng 12/2013": all its work
        if child.children and deadline and (deadline.exact or re.search(r"tháng|quý", deadline.text, re.I)) and \
                text.rstrip().endswith(":"):
            # "1. Đề nghị UBND các huyện báo cáo các nội dung sau, hoàn thành trong tháng 5/2026:": every item below
            child_due = (deadline.due, deadline.text)
        if child_directive and child.kind not in ("roman", "heading") and not topic_only and \
                not (child.kind == "article" and child.children):
            # "1. Sở Văn hóa và Thể thao:" names who acts for the items below; it is not a task
            # (a group whose responsibility line after its bullets names who leads each of them — "Đơn vị chủ trì:
            # X; Đơn vị phối hợp: Y" — is a heading over those tasks, not one more)
            emit = not (unit_heading and len(child.lines) == span) and not ATTRIBUTE_ITEM.match(text) and \
                not (child.owners and any(c.kind in GROUP_ITEM_KINDS for c in child.children)) and \
                not (child.children and UNIT_TITLE.match(text)) and \
                not _not_a_task(text, child) and (
                not child.children or len(text) > 100 and not _topic_heading(child) and not _asks_below(child)
                and not _titled_lead_in(child) or
                (bool(leads) or _sentence_item(text)) and not _lead_in_only(child)) or \
                bool(child.children) and REPORT_OUTLINE.search(child.lines[-1]) is not None
            if emit and body_after_unit:
                body_text = " ".join([*_inline_work(child.head), *child.lines[span:]])
                own, strength = find_leads_ranked(body_text)
                out.append(_task(ref, body_text, issued_on=issued_on, ctx=child_ctx, parent=ref_prefix or None,
                                 depth=child.rank, inherited_due=inherited_due,
                                 leads=own if strength >= STRONG else None))
            elif emit and _charged_article(child):
                # (the duty without the article's title: "Tổ chức thực hiện")
                out.append(_task(ref, " ".join(child.lines[1:]), issued_on=issued_on, ctx=ctx,
                                 parent=ref_prefix or None, depth=child.rank, inherited_due=inherited_due))
            elif emit and len(text) >= 12:
                # (an item whose doers a sub-heading after it names — "2. Cơ quan chủ trì: X" — is theirs)
                owned = bool(child.owners) and not child.children
                out.append(_task(ref, text, issued_on=issued_on, ctx=child_ctx if owned else ctx,
                                 parent=ref_prefix or None, depth=child.rank,
                                 inherited_due=child_due if owned else inherited_due))
        elif child_directive and not child.children and len(text) > 40 and DIRECTIVE_TEXT.search(text):
            # a directive section without items ("VI. CHẾ ĐỘ BÁO CÁO" and its paragraphs)
            out.extend(_letter_tasks(child.lines[1:], issued_on=issued_on, base=child_ctx, ref_prefix=ref,
                                     in_directive_section=head_class is True or child.kind != "heading"))
        if child_directive:
            pieces = [piece for part in extra for piece in _by_doer(part) if not _amended_quote(" ".join(piece))]
            # a topic heading over one paragraph: that paragraph is the item ("II.3", as anyone types it), numbered by
            # paragraph only where the heading has several to tell apart (probe 36, F9)
            lone = topic_only and len(pieces) == 1 and not child.children
            for n, part in enumerate(pieces, start=1 if topic_only else 2):
                task = _task(ref if lone else f"{ref} (đoạn {n})", " ".join(part), issued_on=issued_on, ctx=child_ctx,
                             parent=ref_prefix or None, depth=child.rank, inherited_due=inherited_due)
                if cadence and n == len(pieces) + (0 if topic_only else 1) and task.recurrence is None:
                    task = replace(task, recurrence=cadence)  # the reporting duty over its calendar
                out.append(task)
        _walk(child, out, issued_on=issued_on, ctx=child_ctx, directive=child_directive, ref_prefix=ref,
              inherited_due=child_due, guidance=guidance)


# a decision's article of entry into force: "Quyết định này có hiệu lực (thi hành) (kể) từ ngày ký(, ban hành)."
IN_FORCE = re.compile(r"^(?:Quyết\s*định|Chỉ\s*thị|Nghị\s*quyết|Kế\s*hoạch|Quy\s*chế|Quy\s*định)\s*này\s+"
                      r"có\s*hiệu\s*lực[^.;]*\.(?:\s|$)", re.U)


def _asks_after_in_force(rest: str) -> list[str]:
    """The sentences after an article's entry into force (`rest`) that ask a unit or charge one with work — not who
    executes the decision ("Chánh Văn phòng …, Thủ trưởng các sở … chịu trách nhiệm thi hành Quyết định này"), not
    what stays in force ("… các nội dung còn lại được giữ nguyên …")."""
    return [s.strip() for s in SENTENCE_END.split(rest) if s.strip() and not CLOSING.search(s) and
            not CLOSING_LINE.match(s) and (_asks_a_unit(s) or _charges_a_unit(s) or _unit_opens_with_work(s))]


# the work a unit's heading gives on its own line, after the unit's colon: "3. Phòng Tài nguyên và Môi trường huyện:
# Xây dựng kế hoạch …" (not the members a group's colon lists: "UBND các phường: Ba Đình, Hoàn Kiếm")
INLINE_WORK = re.compile(r"^[^:]{3,160}:\s*(?P<w>(?P<first>\w+)\s+(?P<second>\w+).{10,})$", re.U)


def _verb_opening(text: str) -> bool:
    """"Huy động và phân công …", "Hướng dẫn, giám sát …": a capitalised word, then one in lower case."""
    words = text.split(maxsplit=2)
    return len(words) >= 2 and words[0][:1].isupper() and words[1][:1].islower()


def _inline_work(head: str) -> list[str]:
    """The work after the colon of a heading that names its unit ("Sở X: Chủ trì …"), as the first piece of the
    unit's body; none where the heading stops at its colon. (Work reads as a sentence: its second word in lower
    case.)"""
    m = INLINE_WORK.match(head.strip())
    return [m.group("w")] if m and m.group("second").islower() and not m.group("first").isdigit() and \
        not NAMED_MEMBERS.match(head.strip()) and heading_units(head[:head.index(":")]) else []


ASSESSMENT_PART = re.compile(r"^(?:[IVX]+|\d+)?\s*[.)]?\s*(?:đánh\s*giá|kết\s*quả|tình\s*hình)\b", re.I | re.U)


def _under_part(node: Node, part: re.Pattern[str]) -> bool:
    """Below a part whose heading `part` matches: ASSESSMENT_PART, titled "I. ĐÁNH GIÁ …", "TÌNH HÌNH THỰC HIỆN …",
    "Kết quả …" (not a board's powers or aims); NOTES_PART, "Một số lưu ý"."""
    up = node.parent
    while up is not None and up.kind != "root":
        if part.match(up.head):
            return True
        up = up.parent
    return False


# Items that explain rather than assign: notes, the law, how a kind of case is handled, targets
NOTE_ITEM = re.compile(
    r"^(?:(?:Lưu\s*ý|Ghi\s*chú|Chú\s*ý)\s*:|Theo\s*quy\s*định\b|Căn\s*cứ\s*(?:quy\s*định|điểm|khoản|Điều)\b|"
    r"Đối\s*với\s+(?:các\s+)?(?:dự\s*án|trường\s*hợp|công\s*trình|hồ\s*sơ|khoản|nội\s*dung|tổ\s*chức,\s*cá\s*nhân|"
    r"giấy\s*(?:phép|xác\s*nhận|chứng\s*nhận))\b|"
    # which form a paper is made on: "Báo cáo định kỳ hoạt động … được lập theo Mẫu số 05 của Phụ lục IV …"
    r"[^.;:]{3,150}?\sđược\s*lập\s*theo\s*(?:Mẫu|mẫu|Biểu|biểu)\b|"
    r"Trường\s*hợp\b|Phấn\s*đấu\b|Mục\s*tiêu\b|Chỉ\s*tiêu\b)", re.I | re.U)
# a list of events to commemorate: "Kỷ niệm 80 năm Ngày … (2/9/1945 - 2/9/2025)", "Ngày Sách Việt Nam (21/4)"
EVENT_ITEM = re.compile(r"^(?:Kỷ\s*niệm|Ngày\s+[A-ZĐÀ-Ỹ]|Lễ\s+[A-ZĐÀ-Ỹa-zđà-ỹ]|Tết\s+)[^;]{0,150}?\(\s*[\d/]+[^)]*\)",
                        re.U)
LIST_INTRO = re.compile(r"(?:gồm|bao\s*gồm|gồm\s*có|cụ\s*thể\s*là)\s*:?\s*$", re.I | re.U)
# What the work has, not what it is: "Kinh phí cho hoạt động kiểm tra: …", "Phương tiện: xe ô tô do … bố trí",
# "Nguồn kinh phí … được bố trí từ ngân sách", "Hồ sơ lấy ý kiến bao gồm: …", "Thời gian lấy ý kiến: từ … đến …"
INFO_ITEM = re.compile(
    r"^(?:(?:Nguồn\s*)?kinh\s*phí|phương\s*tiện|trang\s*thiết\s*bị|nguồn\s*lực|hồ\s*sơ|tài\s*liệu|thời\s*gian|"
    r"thời\s*hạn|địa\s*điểm|thành\s*phần)\b[^.:;]{0,80}?(?::|\s(?:bao\s*gồm|gồm|được\s*(?:bố\s*trí|thực\s*hiện|cấp|"
    r"bảo\s*đảm|đảm\s*bảo|sử\s*dụng)|do\s|từ\s*nguồn))", re.I | re.U)
# The law quoted or cited: "Khoản 2 Điều 3 của Thông tư số … quy định: “…”", "Điểm b khoản 1 Điều 41 Luật … quy định",
# "Tại Điều 9 Thông tư số … hướng dẫn …"
LEGAL_CLAUSE = re.compile(
    r"^(?:(?:Tại|Theo)\s+)?(?:(?:Điểm\s*\w{1,2}\s*,?\s*)?(?:khoản\s*\d+\s*,?\s*)?Điều\s*\d+|"
    r"(?:Điểm\s*\w{1,2}\s*,?\s*)?Khoản\s*\d+)\b"
    r"[^:“\"]{0,250}?(?:\b(?:quy\s*định|hướng\s*dẫn)\b|\bvề\b[^:]{0,120}:\s*$)", re.I | re.U)
# A reference to the law: "khoản 2 Điều 10", "điểm h khoản 2 Điều 59", "Luật …", "Nghị định số …"
LEGAL_REF = (r"(?:(?:điểm|khoản|Điều|tiểu\s*mục)\s*[\wđ]{1,4}\b|"
             r"(?:Luật|Bộ\s*luật|Nghị\s*định|Thông\s*tư|Pháp\s*lệnh|Hiến\s*pháp)\b)")
# What introduces the law's own words or a catalogue of what it provides, the items below being that text:
# "Khoản 1 Điều 5 Nghị định số … quy định: …", "- Tại Điều 3 Luật … quy định về … như sau:",
# "Theo quy định tại khoản 2 Điều 7 Luật …, tổ chức … có nghĩa vụ …, cụ thể:",
# "… được quy định tại Điều 30 Luật … như sau:"
LEGAL_SAYS = re.compile(rf"^(?:(?:Tại|Theo|Căn\s*cứ)\s+)?(?:các\s+)?{LEGAL_REF}[^:;“\"]{{0,250}}?\s"
                        r"(?:quy\s*định|hướng\s*dẫn)\b(?:[^:]{0,160}?(?:như\s*sau|sau\s*đây|cụ\s*thể))?\s*:",
                        re.I | re.U)
LEGAL_LIST = re.compile(rf"quy\s*định\s*(?:tại|theo)\s*{LEGAL_REF}[^:]*?(?:như\s*sau|sau\s*đây|sau|cụ\s*thể|bao\s*gồm|"
                        r"gồm)\s*:\s*$", re.I | re.U)
OWN_VOICE = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu|giao|chỉ\s*đạo|chấp\s*hành|triển\s*khai|tuân\s*thủ|"
                       r"(?<!được\s)thực\s*hiện|có\s*trách\s*nhiệm|phải|cần|chú\s*trọng|tập\s*trung)\b", re.I | re.U)


# Who sits on a board, not work: "Kiện toàn Ban Chỉ đạo …, gồm các thành viên sau đây:",
# "Thành phần Đoàn kiểm tra gồm:", "Trưởng ban: đồng chí …", "Các ủy viên:", "- 01 Phó Chủ nhiệm Văn phòng …;"
MEMBERS_INTRO = re.compile(r"(?:\b(?:gồm|bao\s*gồm)\s*(?:có\s*)?(?:các|những)?\s*"
                           r"(?:thành\s*viên|đồng\s*chí|ông\s*\(bà\)|ông,\s*bà)"
                           r"(?:\s*(?:sau(?:\s*đây)?|có\s*tên\s*sau))?|"
                           r"^(?:Thành\s*lập|Kiện\s*toàn|Củng\s*cố)\s+(?:Ban|Tổ|Đoàn|Hội\s*đồng|Tiểu\s*ban)\b[^:]{0,200}?"
                           r"\b(?:gồm|bao\s*gồm)(?:\s*có)?|^(?:Thành\s*phần|Thành\s*viên)\b[^:;.]{0,80}?"
                           r"\b(?:gồm|bao\s*gồm)(?:\s*có)?)\s*:\s*$", re.I | re.U)
ROLE_ITEM = re.compile(r"^(?:\d{1,2}\s+|[Cc]ác\s+)?(?:[Pp]hó\s+)?(?:Trưởng\s*ban|Trưởng\s*đoàn|Tổ\s*trưởng|"
                       r"Tổ\s*phó|Ủy\s*viên|Uỷ\s*viên|ủy\s*viên|uỷ\s*viên|[Tt]hành\s*viên|Thư\s*ký|Chủ\s*tịch\s*Hội\s*đồng)\b"
                       r"[^:;.]{0,80}:"
                       r"(?!\s*(?:[Cc]hủ\s*trì|[Cc]hịu\s*trách\s*nhiệm|[Pp]hụ\s*trách|[Cc]hỉ\s*đạo|[Tt]ổ\s*chức|[Tt]heo\s*dõi)\b)",
                       re.U)


# A lead-in to what went wrong, the items below being findings: "… còn phát sinh một số tồn tại …, cụ thể:",
# "Tuy nhiên, vẫn còn một số hạn chế, khuyết điểm cần tập trung khắc phục:"
FINDINGS_INTRO = re.compile(r"\b(?:còn|phát\s*sinh|bộc\s*lộ|một\s*số|những)\s+(?:\S+\s+){0,3}?(?:tồn\s*tại|hạn\s*chế|"
                            r"khuyết\s*điểm|yếu\s*kém|bất\s*cập|thiếu\s*sót|sai\s*sót|vi\s*phạm)\b[^:]*:\s*$",
                            re.I | re.U)


# A provision speaking of itself: "quy định tại khoản 2 Điều này", "… của Thông tư này"
LAW_SELF_REF = re.compile(r"\b(?:Điều|Thông\s*tư|Nghị\s*định|Luật|Bộ\s*luật|Pháp\s*lệnh)\s+này\b", re.U)


def _mark_law_text(root: Node) -> None:
    """In a document without articles of its own (a letter, a plan), an item that says "khoản 2 Điều này" or
    "Thông tư này" is the text of a law copied in, not work the document hands out."""
    nodes: list[Node] = []
    todo = list(root.children)
    while todo:
        node = todo.pop()
        nodes.append(node)
        todo.extend(node.children)
    if any(n.kind == "article" for n in nodes):
        return
    for node in nodes:
        if LAW_SELF_REF.search(node.text) and not LEAD_IN_ASK.search(node.text):
            node.note = True


# The fields of the information or papers asked for: "… yêu cầu các thông tin cụ thể gồm:", "Hồ sơ gồm:"
FIELDS_INTRO = re.compile(r"\b(?:thông\s*tin|hồ\s*sơ|tài\s*liệu)\b[^:.;]{0,40}?\b(?:gồm|bao\s*gồm)(?:\s*có)?\s*:\s*$",
                          re.I | re.U)
# the outline of a report asked for: "Thực hiện báo cáo đầy đủ nội dung như sau:", "Báo cáo gồm các nội dung sau:" —
# the item is the work (to report), its headings below ("Kết quả đạt được", "Đề xuất, kiến nghị") are none
REPORT_OUTLINE = re.compile(r"^(?:\S+\s+){0,2}?báo\s*cáo\b[^:.;]{0,40}?\b(?:nội\s*dung|gồm|các\s*mục)\b"
                            r"[^:.;]{0,20}:\s*$",
                            re.I | re.U)


def _findings_intro(line: str) -> bool:
    return FINDINGS_INTRO.search(line) is not None and not LEAD_IN_ASK.search(line)


def _legal_intro(line: str) -> bool:
    """A lead-in whose items are the law's text, not work this document hands out."""
    mark = _marker(line)
    text = mark[3] if mark and mark[0] != "heading" else line
    text = text.strip()
    if not text.endswith(":"):
        return False
    says = LEGAL_SAYS.match(text)
    if says:
        return not OWN_VOICE.search(text[: says.start()]) and not _asks_a_unit(text[: says.end()])
    return LEGAL_LIST.search(text) is not None and not OWN_VOICE.search(text)
# Agreeing with what another body wrote: "Đồng ý với nội dung báo cáo của Bộ X về …", "Cơ bản thống nhất với báo
# cáo, đề xuất của …", "Nhất trí với phương án …", also under its topic ("Về công tác … Cơ bản thống nhất với …")
# (in principle: "Đồng ý về nguyên tắc với đề nghị của Ngân hàng Nhà nước …"; a scan may lose the tone: "để nghị")
AGREES = re.compile(r"^(?:Về\s[^.;:]{3,80}?\s(?-i:(?=[A-ZĐ])))?(?:Cơ\s*bản\s+)?(?:Đồng\s*ý|Thống\s*nhất|Nhất\s*trí)"
                    r"(?:\s+về\s*nguyên\s*tắc)?\s+với\s+(?:nội\s*dung\s+)?(?:các\s+)?"
                    r"(?:báo\s*cáo|đề\s*xuất|kiến\s*nghị|ý\s*kiến|tờ\s*trình|đ[ềể]\s*nghị|phương\s*án)\b", re.I | re.U)
# A right or the end of a body, not work: "Đoàn kiểm tra được sử dụng con dấu của Sở …", "Tổ công tác tự giải thể …"
RIGHT_ITEM = re.compile(r"^\s*(?:được\s*(?:sử\s*dụng|phép|quyền|hưởng)|tự\s*giải\s*thể|tự\s*chấm\s*dứt)\b", re.U)
# A view, not work: "Thị trường X được coi là công cụ …", "Chuyển đổi số là động lực …"
VIEW_ITEM = re.compile(r"^[^,.;:]{3,120}?\s(?:được\s*(?:coi|xem|xác\s*định)\s*là|"
                       r"là\s*(?:công\s*cụ|tiền\s*đề|động\s*lực|vấn\s*đề|một\s*trong|khâu|nền\s*tảng|yếu\s*tố))\b",
                       re.U)


# A news copy telling the meeting itself: who held or chaired it, who spoke, who was praised or welcomed
# ("Chiều 31/10, Ban Thường vụ … tổ chức Hội nghị …", "Các đồng chí Thường trực … chủ trì hội nghị.", "Phát biểu chỉ
# đạo hội nghị, đồng chí X biểu dương …", "Đ/c X trao giấy khen cho …")
# (a meeting held is told with its day or as done: "Chiều 31/10/2025, … tổ chức Hội nghị", "X đã tổ chức hội nghị";
# "Tổ chức hội nghị phổ biến …" alone is work)
NARRATES = re.compile(r"(?:^(?:Sáng|Chiều|Tối|Trưa|Ngày)\s*(?:ngày\s*)?\d{1,2}\s*[/-]\s*\d{1,2}[^.;]{0,200}?|"
                      r"\b(?:đã|vừa)\s+)"
                      r"tổ\s*chức\s+(?:hội\s*nghị|cuộc\s*họp|phiên\s*họp|buổi\s*làm\s*việc|kỳ\s*họp|buổi\s*họp|lễ)\b|"
                      r"dưới\s*sự\s*chủ\s*trì|phát\s*biểu\s*(?:chỉ\s*đạo|kết\s*luận|khai\s*mạc|tại)|"
                      r"trao\s*(?:tặng\s*)?(?:giấy|bằng)\s*khen|biểu\s*dương\s*(?:những|các)?\s*(?:kết\s*quả|thành\s*tích)",
                      re.I | re.U)
# … unless some sentence of it asks for work ("Phát biểu kết luận, đồng chí X yêu cầu các phòng …")
NARRATION_ASKS = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu|giao(?!\s*(?-i:ban|BAN)\b|\s*(?:thông|lưu)\b)|cần|phải|"
                            r"khẩn\s*trương|"
                            r"có\s*trách\s*nhiệm|chủ\s*trì,?\s*phối\s*hợp|sẽ|trước\s*ngày)\b", re.I | re.U)


# A citizen's or voter's request that the notice answers, quoted before the answer: "Trả lời đề nghị của ông X ở thôn Y:
# Đề nghị UBND tỉnh sớm chỉ đạo …", "Kiến nghị của cử tri xã Z: …" — the answer below holds the work
ANSWERED_REQUEST = re.compile(r"^(?:Trả\s*lời\s+)?(?:đề\s*nghị|kiến\s*nghị|đơn|ý\s*kiến|câu\s*hỏi|phản\s*ánh)\s*"
                              r"(?:của\s*)?(?:ông|bà|cử\s*tri|công\s*dân|người\s*dân|hộ\s*dân|nhân\s*dân|bạn\s*đọc)\b",
                              re.I | re.U)


# the voters' or citizens' own request told as a sentence: "Cử tri tỉnh Hưng Yên đề nghị Bộ GD&ĐT ban hành …; xem xét
# …" — what they ask of the office that answers, not work the notice hands out
VOTERS_ASK = re.compile(r"^(?:Cử\s*tri|Nhân\s*dân|Người\s*dân|Công\s*dân)(?:\s+(?:các\s+)?(?:tỉnh|thành\s*phố|huyện|"
                        r"quận|thị\s*xã|xã|phường|thị\s*trấn)(?:\s+[A-ZĐÀ-Ỹ]\w*){1,3})?\s+(?:đề\s*nghị|kiến\s*nghị|"
                        r"phản\s*ánh)\b", re.U)


# A news copy's line on whose instruction it reports: "Đó là một trong những ý kiến chỉ đạo của ông X tại cuộc họp …"
TELLS_WHOSE = re.compile(r"^Đó\s*là\s*(?:một\s*trong\s*(?:những|các)\s*)?(?:nội\s*dung\s*|ý\s*kiến\s*)?"
                         r"(?:chỉ\s*đạo|yêu\s*cầu|đề\s*nghị|kết\s*luận)\s+(?:của|tại)\b", re.U)
# The period a report's figures cover: "Báo cáo quý I: Thời gian chốt số liệu tính từ ngày 15/12 … đến ngày 14/3"
FIGURES_PERIOD = re.compile(r"\b(?:chốt\s*số\s*liệu|số\s*liệu\s*(?:được\s*)?tính\s*từ)\b", re.I | re.U)


# What the meeting agreed on, with no one asked to act: "Thống nhất nội dung chương trình hội nghị …", "Nhất trí thông
# qua …" (but "Thống nhất chủ trương …, giao Sở X …", "Đồng ý để Công ty Y …" hand out work)
AGREED_ON = re.compile(r"^(?:Thống\s*nhất|Nhất\s*trí)\s+(?!với\b)", re.U)


# An account of a past period's work: "Tháng 10/2017, UBND huyện đã tập trung chỉ đạo …", "Năm 2025, các đơn vị đã …"
PAST_PERIOD = re.compile(r"^(?:Trong\s+)?(?:[Tt]háng\s*\d{1,2}(?:\s*(?:[/.-]|năm)\s*\d{4})?|[Qq]uý\s*[IV\d]{1,3}"
                         r"(?:\s*(?:[/.-]|năm)\s*\d{4})?|[Nn]ăm\s*\d{4}|\d{1,2}\s*tháng\s*(?:đầu\s*)?năm(?:\s*\d{4})?)\s*,"
                         r"[^.;]{0,120}?\bđã\b", re.U)


# the sanction for failing, not work: "Những đơn vị không thực hiện đúng …, lãnh đạo đơn vị phải chịu trách nhiệm cá
# nhân trước …", "Chủ tịch UBND các xã sẽ phải chịu trách nhiệm trước Chủ tịch UBND huyện nếu …"
SANCTION = re.compile(r"^(?:(?:Những|Trường\s*hợp|Nếu)\b[^.;]{0,200}?\b(?:không|chậm|để\s*xảy\s*ra)\b[^.;]{0,200}?|"
                      r"[^.;]{0,120}?\bsẽ\s+)(?:phải\s+)?chịu\s*trách\s*nhiệm\b", re.U)


# A line of a list of charges or prices, not work: "Thu đóng góp xây dựng đường nội đồng: Thu 50.000đ/1 sào.", "Thu
# quỹ phòng chống thiên tai: thu 15.000 đồng/1 lao động.", "Giá thóc: 6.500 đồng/kg", "Mức hỗ trợ: 30% mệnh giá thẻ"
# — the charge's name and its amount per head, per unit or in per cent; nobody is asked anything
CHARGE_NAME = re.compile(r"^(?:Thu|Mức\s*(?:thu|phí|đóng(?:\s*góp)?|hỗ\s*trợ|chi)|Đơn\s*giá|Giá|Phí|Lệ\s*phí)\b"
                         r"[^:;.]{0,120}:\s*", re.I | re.U)
MONEY_RATE = re.compile(r"\d[\d.,]*\s*(?:đ|đồng|vnđ|VNĐ)\s*/\s*\S|\d[\d.,]*\s*(?:%|phần\s*trăm)", re.U)

# who a charge falls on, by age, an item of its own under it: "Nữ: từ 18 tuổi đến hết 55 tuổi.", "Nam từ 1 đến hết 60
# tuổi"
AGE_RANGE = re.compile(r"^[^\W\d][^:;.\d]{0,30}?:?\s*từ\s*\d{1,3}\s*(?:tuổi\s*)?đến\s*(?:hết\s*)?\d{1,3}\s*tuổi"
                       r"\s*[.;]?$", re.U)


def _rate_item(text: str) -> bool:
    """A charge named with its amount ("Thu …: thu 15.000 đồng/1 lao động"), and no ask, no doer, no deadline."""
    m = CHARGE_NAME.match(text)
    return m is not None and MONEY_RATE.search(text[m.end():m.end() + 80]) is not None and \
        not DIRECTIVE_CUE.search(text) and not re.search(r"\b(?:thông\s*báo\s*cho|trước\s*ngày|hạn\s*chót)\b", text) \
        and not _opens_with_doer(text[m.end():])



# a document given as a ground, an item of its own without its number: "Căn cứ Luật ngân sách được Quốc hội thông qua
# ngày 25/6/2015.", "Căn cứ vào nghị quyết HĐND xã về việc thu quỹ đất công của xã" (not "Căn cứ Kế hoạch này, các
# xã xây dựng …", "Căn cứ Đề án …, Sở X tham mưu …", "… để tham mưu …": a clause after it gives work; nor "Căn cứ
# tình hình thực tế …", "Căn cứ theo quy định pháp luật cân đối …": no document named)
GROUND_ITEM = re.compile(r"^Căn\s*cứ\s+(?:vào\s+)?(?P<g>(?i:luật|bộ\s*luật|nghị\s*định|nghị\s*quyết|quyết\s*định|"
                         r"thông\s*tư|chỉ\s*thị|kế\s*hoạch|công\s*văn|hướng\s*dẫn|đề\s*án|chương\s*trình|"
                         r"điều\s*lệ|quy\s*chế)\b[^;:]{3,400}?)(?:[.;]\s*$|[.;]\s+(?=[A-ZĐÀ-Ỹ])|\s*$)", re.U)


def _ground_alone(text: str) -> bool:
    m = GROUND_ITEM.match(text)
    if m is None:
        return False
    ground, rest = m.group("g"), text[m.end():]
    return not DIRECTIVE_CUE.search(ground) and not re.search(r"\b(?:cần|phải|để)\b", ground) and \
        not any(_opens_with_doer(part.strip()) or UNIT_START.match(part.strip()) for part in ground.split(",")[1:]) \
        and not (rest and (DIRECTIVE_CUE.search(rest) or _asks_a_unit(rest)))


def _informs(text: str) -> bool:
    """What the work has (money, vehicles, papers, a time window), the law it rests on, a view of the matter;
    a news copy's account of the meeting; the sanction for failing."""
    if SANCTION.match(text) and len(SENTENCE_END.split(text)) == 1:
        return True
    if any(PAST_PERIOD.match(sentence) for sentence in SENTENCE_END.split(text)[:2]) and \
            not NARRATION_ASKS.search(text):
        return True  # (after a news copy's headline sentence too: "UBND huyện tổ chức hội nghị …. Trong tháng 4 …")
    if AGREED_ON.match(text) and not NARRATION_ASKS.search(text) and not re.search(r"\bđể\s+[A-ZĐÀ-Ỹ]", text) and \
            not any(_unit_opens_with_work(sentence) for sentence in SENTENCE_END.split(text)[1:]):
        return True
    if TELLS_WHOSE.match(text) and not re.search(r"[:;]", text):
        return True
    if FIGURES_PERIOD.search(text) and not DIRECTIVE_CUE.search(text) and \
            not re.search(r"\b(?:gửi|nộp|báo\s*cáo\s*(?:về|cho)|trước\s*ngày)\b", text, re.I):
        return True
    if ANSWERED_REQUEST.match(text) and not re.search(r"\bTrả\s*lời\s*:", text[12:]):
        return True
    if _rate_item(text) or _ground_alone(text) or AGE_RANGE.match(text):
        return True
    if VOTERS_ASK.match(text) and not re.search(r"\bTrả\s*lời\s*:", text):
        return True
    if NARRATES.search(text[:400]) and not NARRATION_ASKS.search(text):
        return True
    info = INFO_ITEM.match(text)
    after = text[info.end():].strip() if info else ""
    if info and not DIRECTIVE_CUE.search(after) and not _opens_with_doer(after) and (
            info.group(0).endswith(":") or not re.search(r"\bdo\s+(?:các\s+)?[A-ZĐÀ-Ỹ]", text)):
        return True  # but "Kinh phí hoạt động do Bộ Tài chính cấp hằng năm", "Kinh phí: Sở Tài chính bố trí …"
    if LEGAL_CLAUSE.match(text) and not _asks_a_unit(text):
        return True
    if UNIT_START.match(text) and not DIRECTIVE_CUE.search(text) and (
            RIGHT_ITEM.match(text[len(name_prefix(text)):])
            or re.search(r"\stự\s*(?:giải\s*thể|chấm\s*dứt)\b", text[:150]) is not None):
        return True
    # a view, and no sentence after it gives anyone work
    return (VIEW_ITEM.match(text) is not None or AGREES.match(text) is not None) and not any(
        PARAGRAPH_ASK.match(sentence) or _unit_opens_with_work(sentence) for sentence in SENTENCE_END.split(text))


# A decision's own amendment of a plan or list, not work: "Điều chỉnh điểm a, b tại mục 3 Phụ lục II …",
# "Sửa đổi, bổ sung khoản 2 Điều 5 …", "Bãi bỏ Điều 7 …"
AMENDS = re.compile(r"^(?:Điều\s*chỉnh|Sửa\s*đổi|Bổ\s*sung|Bãi\s*bỏ|Thay\s*thế|Đính\s*chính)"
                    r"(?:\s*,?\s*(?:bổ\s*sung|sửa\s*đổi|điều\s*chỉnh))?\s+(?:tại\s+)?"
                    r"(?:(?:các\s+)?(?:điểm|khoản|mục|tiểu\s*mục|Điều|Phụ\s*lục|cụm\s*từ|tên\s*gọi)\s+[\w.]{1,8}\b)",
                    re.I | re.U)

# A decision's statement that a passage of a text is amended, with the new passage quoted after it: "Nội dung “…” quy
# định tại khoản 1 Điều 1 Quyết định số … được điều chỉnh như sau: “…”", "Khoản 2 Điều 5 được sửa đổi, bổ sung như
# sau: “…”" — the quoted words are the amended text's, not work the decision gives (unquoted amended text that says
# who does what stays work)
AMENDED_QUOTE = re.compile(r"\b(?:được\s+)?(?:sửa\s*đổi|bổ\s*sung|điều\s*chỉnh|thay\s*thế)"
                           r"(?:\s*,?\s*(?:bổ\s*sung|sửa\s*đổi|thay\s*thế))?(?:\s+(?:lại|thành))?"
                           r"\s+(?:như\s*sau|thành)\s*:\s*[“\"]", re.I | re.U)


def _amended_quote(text: str) -> bool:
    m = AMENDED_QUOTE.search(text)
    # (the title of the amended text may hold a cue word — "Quyết định chấp thuận điều chỉnh chủ trương …" —
    # so only an ask to a unit or a duty before the quotation keeps it work)
    return m is not None and not _asks_a_unit(text[:m.start()]) and \
        not re.search(r"\b(?:có\s*trách\s*nhiệm|chủ\s*trì|đề\s*nghị|yêu\s*cầu|giao\s+cho)\b", text[:m.start()], re.I)


# An item that names a document, as in a list of the laws a duty comes from or of documents sent on:
# "Luật Đầu tư số …: Điểm k khoản 2 Điều 44;", "Văn bản hợp nhất số 48/VBHN-… về …;"
DOC_CITATION = re.compile(r"^(?:Luật|Bộ\s*luật|Nghị\s*định|Thông\s*tư|Nghị\s*quyết|Quyết\s*định|Chỉ\s*thị|Pháp\s*lệnh|"
                          r"Văn\s*bản\s*hợp\s*nhất|Công\s*văn|Thông\s*báo|Kết\s*luận)\b[^.;:]{0,80}?\bsố\b|"
                          # a rule issued with one, named in a list of legal bases: "Điều lệ trường trung học …, ban
                          # hành kèm theo Thông tư số 32/2020/TT-BGDĐT …;", "Quy chế tuyển sinh … ban hành kèm theo …"
                          r"^(?:Điều\s*lệ|Quy\s*chế|Quy\s*định|Quy\s*trình|Hướng\s*dẫn|Danh\s*mục|Bộ\s*tiêu\s*chí)\b"
                          r"[^.;:]{0,200}?\bban\s*hành\s*kèm\s*theo\s+(?:Thông\s*tư|Quyết\s*định|Nghị\s*định|"
                          r"Nghị\s*quyết|Chỉ\s*thị)\b|"
                          # an appendix a decision issues, by its title: "Phụ lục 2: Danh mục mã khám bệnh."
                          r"^Phụ\s*lục\s*(?:\d{1,2}|[IVX]{1,4})\s*[:.–-]?\s*(?:Danh\s*mục|Biểu|Mẫu|Bảng)\b[^:]{0,250}$|"
                          # a legal basis alone as an item: "5. Căn cứ Quyết định số 932/QĐ-UBND ngày … của UBND tỉnh
                          # về việc …;" (not "Căn cứ Quyết định số …, các huyện xây dựng …": no clause follows)
                          r"^Căn\s*cứ\s+(?:Luật|Bộ\s*luật|Nghị\s*định|Thông\s*tư|Nghị\s*quyết|Quyết\s*định|Chỉ\s*thị|"
                          r"Kế\s*hoạch|Công\s*văn|Hướng\s*dẫn)\b[^,;:]{0,300}?\bsố\b[^,;:]*[;.]?\s*$",
                          re.U)


TOPIC_TITLE = re.compile(r"^(?:Về|Quy\s*định\s*về|Vấn\s*đề)\s", re.U)


def _explains_topic(node: Node) -> bool:
    """"4. Về thẩm quyền cấp giấy phép …" / "Khoản 4 Điều 14 Nghị định … quy định: …. Do đó, …": a reply's topic
    whose paragraphs explain the law or a case and ask nobody anything."""
    if len(node.lines) < 2 or not TOPIC_TITLE.match(node.head):
        return False
    body = node.lines[1:]
    first = body[0]
    explains = LEGAL_CLAUSE.match(first) or NOTE_ITEM.match(first) or re.match(r"^Đối\s*với\s", first) or \
        LEGAL_CLAUSE.search(node.head) and re.search(r"\bquy\s*định\b", node.head)
    return bool(explains) and not any(DIRECTIVE_CUE.search(ln) or _asks_a_unit(ln) for ln in body)


MOTTO = re.compile(r"Độc\s*lập\s*-\s*Tự\s*do\s*-\s*Hạnh\s*phúc", re.I | re.U)
TOPIC_COLON = re.compile(r"^Về\s[^:]{3,150}:\s*(?P<rest>\S.*)$", re.U | re.S)


def _topic_statement(text: str) -> bool:
    """"Về quy hoạch cấp tỉnh: Theo phương án … khu đất không chồng lấn …": an opinion on a topic that states what
    is, with no ask, no "cần"/"phải", no verb of work to open it."""
    m = TOPIC_COLON.match(text)
    if m is None:
        return False
    rest = m.group("rest")
    return not DIRECTIVE_CUE.search(rest) and not re.search(r"\b(?:cần|phải)\b", rest) and \
        not DIRECTIVE_TEXT.match(rest) and not _asks_a_unit(rest) and not _opens_with_doer(rest)


# a lead-in whose verb takes the items below as its object: "… tham mưu Hội đồng Thi đua thực hiện:"
# (and "…, cụ thể:" before the details)
LEAD_IN_TAIL = re.compile(r"\b(?:thực\s*hiện|triển\s*khai|lưu\s*ý|chú\s*ý|như\s*sau|sau\s*đây|sau|nội\s*dung|cụ\s*thể|"
                          r"nhiệm\s*vụ|công\s*việc|giải\s*pháp)\s*:\s*$", re.U)


# A part that lists notes on carrying out a rule: "2. Một số lưu ý trong triển khai thực hiện quy định tại Điều 22 …:",
# "3. Một số lưu ý", "Lưu ý:" — its items tell how cases are handled; one is work only where it asks a unit or binds
# a named unit to act ("Để bảo đảm …, BHXH các tỉnh sớm xây dựng …")
NOTES_PART = re.compile(r"^(?:Một\s*số\s*|Những\s*)?(?:lưu\s*ý|chú\s*ý)\b(?![^:]{0,40}\b(?:các|những)\s+(?:đơn\s*vị|"
                        r"cơ\s*quan|địa\s*phương|sở|ngành)\b)", re.I | re.U)


def _binds_a_unit(text: str) -> bool:
    """The text asks a named unit, or a named unit opens a clause as the doer of its work."""
    if _asks_a_unit(text) or _charges_a_unit(text) or _opens_with_doer(text):
        return True
    return any(_opens_with_doer(text[m.end():]) for m in re.finditer(r",\s*", text[:300]))


def _not_a_task(text: str, node: Node) -> bool:
    """A note, a legal explanation, a case ("Đối với dự án …"), a target; a bare unit name in a list of
    recipients or inspected units; the line that introduces such a list ("… gồm:")."""
    if _explains_topic(node) or _topic_statement(text):
        return True
    if node.children and len(node.lines) == 1 and LEAD_IN_TAIL.search(text) and _lead_in_only(node) and \
            len(SENTENCE_END.split(text)) == 1:
        return True  # "1. Phòng Nội vụ tham mưu Hội đồng Thi đua thực hiện:" over its '-' items: they are the work
    if _caps_title(text) and len(text) < 150 or MOTTO.search(text):
        return True  # "1. TINH THẦN CHỈ ĐẠO" over the items: a title; "- Độc lập - Tự do - Hạnh phúc": the header
    if _under_part(node, NOTES_PART) and not _binds_a_unit(text):
        return True  # "2. Một số lưu ý …" / "- Số giường điều trị nội trú ban ngày nằm trong …": a note, not work
    if _amended_quote(text):
        return True  # "Nội dung … được điều chỉnh như sau: “…”": the amended text quoted, not work
    if AMENDS.match(text) or DOC_CITATION.match(text) and not DIRECTIVE_CUE.search(text):
        return True  # "Điều chỉnh điểm a tại mục 3 Phụ lục II …"; "Nghị định số 35/2022/NĐ-CP …: Điều 5;" in a list
    if NOTE_ITEM.match(text) and not (text.lower().startswith("trường hợp") and DIRECTIVE_CUE.search(text)):
        return True
    if not node.children and APPENDIX_POINTER.search(text):
        return True  # "Các nhiệm vụ … được xác định tại Phụ lục 2": the appendix's rows are the tasks
    if _informs(text) or LEGAL_CLAUSE.match(node.head) and not _asks_a_unit(text):
        return True
    if ROLE_ITEM.match(text):
        return True  # "Trưởng ban: đồng chí …, Phó Chủ tịch UBND tỉnh": who sits on a board
    if len(node.lines) == 1 and _legal_intro(node.head.split("“")[0].split('"')[0]) and not _asks_a_unit(text):
        return True  # "- Tại Điều 3 Luật … quy định về … như sau: “…”": the law quoted, not work
    if EVENT_ITEM.match(text) and not DIRECTIVE_CUE.search(text):
        return True
    if node.children and LIST_INTRO.search(text) and (
            not DIRECTIVE_TEXT.search(LIST_INTRO.sub("", text))
            or all(heading_units(c.text.strip().rstrip(";.,")) for c in node.children)):
        return True  # "Các đơn vị được kiểm tra gồm:" and the list of names below
    if not node.children and len(node.lines) == 1 and UNIT_START.match(text):
        # (a member named with its field: "- Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị);" under "Giao các
        # sở … gồm:")
        name = SCOPE_AFTER_NAME.sub("", text.strip().rstrip(";.,"))
        if re.match(r"(?:Các|Những)\s", name) and len(name.split()) > 5:
            return False  # "Các doanh nghiệp cam kết tiến độ bằng văn bản": a group, then its work
        return ":" not in name and bool(heading_units(name))
    return False


SCOPE_AFTER_NAME = re.compile(r"\s*\((?:đối\s*với|phụ\s*trách|về|trong\s*lĩnh\s*vực|lĩnh\s*vực)\s[^()]{2,400}\)$", re.U)
APPENDIX_POINTER = re.compile(r"được\s*(?:xác\s*định|nêu|liệt\s*kê|quy\s*định)\s*(?:cụ\s*thể\s*|chi\s*tiết\s*)?tại\s*"
                              r"(?:các\s*)?Phụ\s*lục", re.I | re.U)
# "1. Yêu cầu đối với các tổ chức, cá nhân khai thác khoáng sản." over its items: whose items they are, not work
# the doer a title of duties names before what they are about: "Trách nhiệm của nhà đầu tư trong việc triển khai
# thực hiện dự án đầu tư:", "Trách nhiệm của các phòng chuyên môn và đơn vị sự nghiệp trực thuộc Ban …:"
TITLED_DOER = re.compile(r"^Trách\s*nhiệm\s+của\s+(?P<u>(?:các\s+)?(?:nhà\s*đầu\s*tư|chủ\s*đầu\s*tư|doanh\s*nghiệp|"
                         r"phòng|đơn\s*vị|cơ\s*quan|tổ\s*chức|cá\s*nhân)\b[^.;:]{0,140}?)"
                         r"(?:\s+(?:trong\s*(?:việc|quá\s*trình)|khi|về\s*việc)\b[^.;:]{0,150})?\s*:\s*$", re.I | re.U)


def _titled_doer(text: str) -> str | None:
    m = TITLED_DOER.match(text)
    if m is None:
        return None
    doer = m.group("u").strip()
    return doer[:1].upper() + doer[1:]


UNIT_TITLE = re.compile(r"^(?:Yêu\s*cầu|Nhiệm\s*vụ|Trách\s*nhiệm)\s+(?:đối\s*với|của)\s+(?P<u>[^.;:]{3,150}?)[.:]?\s*$",
                        re.I | re.U)
ARTICLE_ASK = re.compile(r"(?<!được\s)\bgiao\s+[A-ZĐ]|\bkhẩn\s*trương\b", re.U)
CASE_ASK = re.compile(r"^(?:Đối\s*với|Riêng|Trường\s*hợp)\s[^.;]{0,200}?,\s*(?:đề\s*nghị|yêu\s*cầu|giao)\s", re.U)
PARAGRAPH_ASK = re.compile(r"^(?:Giao|Đề\s*nghị|Yêu\s*cầu)\s+(?:cho\s+)?(?:quý\s+)?", re.U)


# the cadence a paragraph opens with, before its doer: "Hằng năm,", "Hàng quý,", "Định kỳ hằng tháng,", "Định kỳ 6
# tháng,"
PARAGRAPH_FRAME = re.compile(r"^(?:Định\s*kỳ\s+(?:(?:hằng|hàng)\s+)?(?:\d{1,2}\s+)?|(?:Hằng|Hàng)\s+)"
                             r"(?:năm|quý|tháng|tuần)\s*,\s+", re.U)


# "X, trong phạm vi chức năng, nhiệm vụ (, quyền hạn) của mình (được giao), có trách nhiệm …"
WITHIN_REMIT = re.compile(r",?\s*(?:trong|theo)\s*(?:phạm\s*vi\s*)?chức\s*năng,\s*nhiệm\s*vụ"
                          r"(?:,?\s*(?:và\s*)?quyền\s*hạn)?(?:\s*(?:của\s*mình|được\s*giao))*\s*,?", re.U)


def _charged_article(article: Node) -> bool:
    """"Điều 5. Tổ chức thực hiện" over one paragraph that charges a unit ("Bộ Tư pháp … có trách nhiệm rà soát …"):
    the article hands out that duty, as it would over numbered items."""
    body = WITHIN_REMIT.sub("", " ".join(article.lines[1:]))
    return article.kind == "article" and _titled(article) and not article.children and \
        _is_directive_heading(article.head) is True and \
        bool(body) and (_charges_a_unit(body) or _unit_opens_with_work(body)) and not CLOSING.search(body) and \
        not CLOSING_LINE.match(body)


TITLE_MAX = 160  # characters of an item's first line, for it to be a title over the paragraphs below it


def _title_over_work(item: Node, *, issued_on: dt.date | None) -> bool:
    """A plan's item whose first line is its target or title and whose paragraphs below each name their doer: "4.
    Hoàn thành di dời 01 khu công nghiệp … ." / "UBND phường X chủ trì, … hoàn thành trong quý IV năm 2026.", "6. Tỷ
    lệ … đạt chuẩn 100%." / "Ban Quản lý … triển khai …": the paragraphs are the work, the line only says what for
    (no doer, no deadline, no ask of its own)."""
    line = item.lines[0].strip()
    return not item.children and len(line) <= TITLE_MAX and line.endswith(".") and line.count(".") == 1 and \
        not find_leads(line) and pick_deadline(line, issued_on=issued_on) is None and not _asks_a_unit(line) and \
        not DIRECTIVE_CUE.search(line)


TOPIC_LINE = re.compile(r"^(?:Về|Đối\s*với)\s[^.;:!?]{3,150}$", re.U)


def _topic_line(node: Node) -> bool:
    """"2. Về tổ chức các đoàn ra của Thường trực HĐND Thành phố" on its own line, then "Văn phòng nghiên cứu, …": a
    topic heading without a colon over the sentence below (which names its own doer or ask); the heading is no part
    of the work."""
    head = node.lines[0].strip()
    return len(node.lines) >= 2 and TOPIC_LINE.match(head) is not None and not WRAP_TAIL.search(head) and \
        not find_leads(head) and not _asks_a_unit(head) and node.lines[1][:1].isupper()


SCHEDULE_ITEM = re.compile(r"^Báo\s*cáo\s+(?:(?:6|sáu)\s*tháng|năm|quý|tháng|hằng\s*(?:năm|quý|tháng)|"
                           r"hàng\s*(?:năm|quý|tháng)|định\s*kỳ|đột\s*xuất|[^:]{0,30}?(?:tháng|quý|năm))\s*:",
                           re.I | re.U)


def _duty_over_schedule(node: Node, i: int) -> bool:
    """"Các sở quản lý chuyên ngành định kỳ tổng hợp báo cáo … như sau:" as an item's last paragraph, over a
    reporting calendar ("- Báo cáo 6 tháng: … trước ngày 05/7;", "- Báo cáo năm: …"): a doer's reporting duty of its
    own after the item's first paragraph, not a lead-in that hands the item's work to the lines below."""
    return i == len(node.lines) - 1 and i >= 1 and bool(node.children) and \
        all(SCHEDULE_ITEM.match(c.text) for c in node.children) and _opens_with_doer(node.lines[i]) and \
        re.search(r"[.;]$", node.lines[i - 1].rstrip()) is not None


CADENCE_ORDER = ("monthly", "quarterly", "semiannual", "yearly")


def _schedule_cadence(node: Node) -> str | None:
    """How often the reporting duty over a calendar comes back: its most frequent report ("- Báo cáo 6 tháng: …",
    "- Báo cáo năm: …" → every six months; "Báo cáo đột xuất" has none)."""
    found = set()
    for c in node.children:
        if (m := SCHEDULE_ITEM.match(c.text)) is not None:
            period = re.sub(r"^Báo\s*cáo\s+|\s*:$", "", m.group(0), flags=re.I)
            period = re.sub(r"^(?:hằng|hàng|định\s*kỳ)\s*", "", period)
            found.add(find_recurrence("định kỳ " + period))
    return next((c for c in CADENCE_ORDER if c in found), None)


def _schedule_item(node: Node) -> bool:
    """A line of a reporting calendar under its duty ("- Báo cáo năm: Các cơ quan, đơn vị gửi Sở Tài chính trước
    ngày 15/12;"): the when of the duty above, not a task of its own."""
    up = node.parent
    return up is not None and bool(SCHEDULE_ITEM.match(node.text)) and len(up.lines) >= 2 and \
        _duty_over_schedule(up, len(up.lines) - 1)


def _paragraph_parts(node: Node) -> list[list[str]]:
    """The paragraphs of an item, after its first, that hand out work of their own: "Giao Ban X chủ trì …",
    "Sở Y tổng hợp …" (a unit opening the paragraph, then its verb); under a topic line ("- Về …:") every
    paragraph from the first. Each with the paragraphs that continue it; [] when none."""
    lines = node.lines
    if len(lines) < 2:
        return []
    topic = lines[0].rstrip().endswith(":") and (
        re.match(r"^Về\s", lines[0]) is not None or find_leads_ranked(lines[0])[1] < STRONG)
    # (a topic line without its colon: the paragraph below is cut off only where it names its doer or asks one —
    # not a reply's explanation under "2. Về khái niệm …")
    titled = _topic_line(node)
    first = 2 if heading_units(lines[0]) and not topic else 1
    cuts = []
    for i in range(first, len(lines)):
        ln = lines[i]
        if not ln[:1].isupper() or len(ln) < 30 or not re.search(r"[a-zà-ỹđ]{2,}\s+[a-zà-ỹđ]{2,}", ln) or \
                CLOSING.search(ln) or CLOSING_LINE.match(ln) or _closing_ask(ln) or \
                ln.rstrip().endswith(":") and not _duty_over_schedule(node, i) or \
                not (i == 1 and (topic or titled) or re.search(r"[.;!?…”\"]$", lines[i - 1].rstrip())):
            continue  # a lead-in of the items below; a line that goes on with the sentence or title above
        ask = PARAGRAPH_ASK.match(ln)
        # ("Hằng năm, các sở, ngành … báo cáo …", "Định kỳ hằng quý, Sở X …", "Trước ngày 15/12, các huyện …": the
        # cadence or the time first, then the doer and its verb)
        probe = ln[frame.end():] if (frame := PARAGRAPH_FRAME.match(ln)) else ln
        if topic and i == 1 or ask and UNIT_START.match(ln[ask.end():]) or _unit_opens_with_work(probe) or \
                _unit_asks(ln) or _opens_with_doer(probe) or CASE_ASK.match(ln) and _asks_a_unit(ln) and \
                _directive_paragraph(" ".join(lines[:i])):
            cuts.append(i)  # … "Đối với chi phí năm 2024, yêu cầu Bộ Tài chính …": a case, then its own ask
    return [lines[a:b] for a, b in zip(cuts, [*cuts[1:], len(lines)], strict=True)] if cuts else []


def _by_doer(part: list[str]) -> list[list[str]]:
    """A paragraph whose later sentence opens with another doer ("… . Bộ A, Bộ B thống nhất về …") is two tasks."""
    text = " ".join(part)
    sentences = re.split(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])", text)
    if len(sentences) < 2:
        return [part]
    pieces: list[list[str]] = [[sentences[0]]]
    first = fold(name_prefix(sentences[0]))
    for sentence in sentences[1:]:
        if (_opens_with_doer(sentence) or _unit_asks(sentence)) and fold(name_prefix(sentence)) != first and \
                not FIELD_LABEL.match(sentence):
            pieces.append([sentence])
        else:
            pieces[-1].append(sentence)
    return [[" ".join(p)] for p in pieces] if len(pieces) > 1 else [part]


UNIT_ASKS = re.compile(r"^\s*(?:trân\s*trọng\s+|kính\s+)?(?:đề\s*nghị|yêu\s*cầu|giao)\s+(?:quý\s+)?", re.I | re.U)


def _opens_with_doer(line: str) -> bool:
    """"Bộ Tài chính làm việc cụ thể với …": a unit's name, then its verb (whoever else the sentence names later)."""
    if not UNIT_START.match(line) or CHAIRS_MEETING.search(line[:200]) or ASSESSMENT.search(line[:200]):
        return False
    name = name_prefix(line)
    rest = line[len(name):]
    return 2 <= len(name.split()) and len(name) <= 120 and re.match(r"\s+[a-zđà-ỹ]", rest) is not None and \
        not NOT_WORK_AFTER_UNIT.match(rest) and bool(heading_units(name))


def _unit_asks(line: str) -> bool:
    """"Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh …": a unit opens the paragraph and asks another unit."""
    if not UNIT_START.match(line):
        return False
    name = name_prefix(line)
    ask = UNIT_ASKS.match(line[len(name):]) if name and len(name) <= 90 else None
    return ask is not None and UNIT_START.match(line[len(name) + ask.end():]) is not None


def _titled(node: Node) -> bool:
    """"2. Khó khăn, vướng mắc" and paragraphs under it: a section title, not the first line of a sentence."""
    return len(node.lines) > 1 and len(node.head) < 150 and not re.search(r"[.;:,]$", node.head.rstrip()) and \
        node.lines[1][:1].isupper() and not WRAP_TAIL.search(node.head.rstrip())


def _topic_heading(node: Node) -> bool:
    """"5. Công tác đấu giá quyền khai thác … và quản lý hoạt động thăm dò", "- Về bảo trì công trình …:"
    over items: the topic of the items below, however long; not a piece of work naming its doer."""
    text = node.text.rstrip()
    if len(node.lines) != 1 or not node.children or re.search(r"[.;]$", text):
        return False
    if re.match(r"^Về\s", text):
        return True
    _, strength = find_leads_ranked(text)
    return strength < STRONG and not text.endswith(":")


ASK_AT_END = re.compile(r"(?:đề\s*nghị|yêu\s*cầu|giao)\s+(?:quý\s+)?(?P<u>[^:;]{2,160}?)\s*:\s*$", re.I | re.U)


# "… thực hiện một số nội dung sau:", "… các nhiệm vụ cụ thể sau đây:": the work is in the items below
SOME_BELOW = re.compile(r"(?:các|một\s*số|những)\s+(?:nội\s*dung|nhiệm\s*vụ|việc|công\s*việc|yêu\s*cầu|giải\s*pháp)"
                        r"(?:\s+\w+){0,3}?\s+(?:sau|sau\s*đây|như\s*sau)\s*:\s*$", re.I | re.U)


OWN_WORK_MARK = re.compile(r"\btrong\s*đó\b|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\bngày\s*\d{1,2}\s*(?:tháng|/)",
                           re.I | re.U)


def _asks_below(node: Node) -> bool:
    """"Để …, Ủy ban nhân dân tỉnh đề nghị Bộ Xây dựng:" / "… có ý kiến như sau:" over its items: the work is
    in the items; the lines above them introduce it."""
    if not node.children or all(c.kind == "heading" for c in node.children):
        return False
    last = node.lines[-1].rstrip()
    if OWN_WORK_MARK.search(last):
        return False  # "… trình Thủ tướng trước ngày 20 tháng 10 năm 2024, trong đó lưu ý một số nội dung sau:"
    sentences = SENTENCE_END.split(" ".join(node.lines))
    if len(sentences) > 1 and DIRECTIVE_TEXT.match(sentences[0]) and len(sentences[0]) > 40:
        return False  # "Tổ chức phổ biến Luật …. Đặc biệt, chú trọng một số nội dung sau:": its own work first
    if INTRO_END.search(last) or SOME_BELOW.search(last):
        return True
    m = ASK_AT_END.search(last)
    return m is not None and UNIT_START.match(m.group("u")) is not None and name_prefix(m.group("u")) == m.group("u")


def _lead_in_only(node: Node) -> bool:
    """"1. Ủy ban nhân dân tỉnh, chỉ đạo các cơ quan liên quan:" over its '-' items: it introduces them."""
    text = node.text.rstrip()
    own_work = OWN_WORK_MARK.search(text) is not None
    return (len(node.lines) == 1 or _titled_lead_in(node)) and text.endswith(":") and not own_work and \
        any(c.kind not in ("heading",) for c in node.children) or _asks_below(node)


def _titled_lead_in(node: Node) -> bool:
    """"7. Đẩy mạnh thông tin truyền thông" / "Bộ X phối hợp với … và chủ trì cùng các bộ, ngành:" over items:
    a title, then the line that hands the items to their doer."""
    lead_in = node.lines[-1]
    return len(node.lines) == 2 and bool(node.children) and _titled(node) and not heading_units(node.head) and \
        lead_in.rstrip().endswith(":") and OWN_WORK_MARK.search(lead_in) is None and \
        not re.search(r"\b(?:tháng|quý|năm)\s*[\dIVX]|khẩn\s*trương", lead_in, re.I)


def _sentence_item(text: str) -> bool:
    """An item with sub-items that is itself a piece of work ("b) Hướng dẫn các chủ đầu tư …."), not a
    heading over them ("a) Về công tác quy hoạch", "2. Nhiệm vụ cụ thể:")."""
    return len(text) > 30 and text.rstrip().endswith((".", ";")) and bool(DIRECTIVE_TEXT.search(text[:60]))


def _ordinal(kind: str, n: int) -> str:
    if kind == "plus":
        return str(n)
    letters = "abcdefghiklmnopqrstuvxy"
    return letters[(n - 1) % len(letters)] if kind in ("dash", "bullet") else str(n)


# ---- broad candidates: every clause of a directive text that opens with work, for the learned filter to judge ----
# Off unless the task filter's model asks for it (taskfilter.Model.broad; NHACVIEC_BROAD overrides). The rules above
# propose one candidate per item; official writing often chains a second and third duty inside one item or sentence
# ("…; tăng cường …; theo dõi, đôn đốc …") or states duties in prose no rule reads. Here each such clause becomes a
# candidate of its own, marked with features saying where it came from, and the filter keeps the ones it believes.
# Session 9 measured it leave-one-batch-out (bench/task_filter_lobo.txt, end): not shipped; the model file says "broad".

# the verbs official Vietnamese uses to state a duty (a general lexicon of administrative work, not any document's)
_DUTY_VERBS = (
    r"chủ\s*trì|phối\s*hợp|triển\s*khai|tổ\s*chức|xây\s*dựng|báo\s*cáo|kiểm\s*tra|rà\s*soát|hướng\s*dẫn|"
    r"chỉ\s*đạo|tham\s*mưu|thực\s*hiện|tăng\s*cường|đẩy\s*mạnh|đẩy\s*nhanh|thúc\s*đẩy|hoàn\s*thành|hoàn\s*thiện|"
    r"gửi|theo\s*dõi|đôn\s*đốc|ban\s*hành|nghiên\s*cứu|đề\s*xuất|cung\s*cấp|quản\s*lý|bố\s*trí|tuyên\s*truyền|"
    r"vận\s*động|phổ\s*biến|quán\s*triệt|nâng\s*cao|bảo\s*đảm|đảm\s*bảo|chú\s*trọng|quan\s*tâm|xử\s*lý|"
    r"giải\s*quyết|khắc\s*phục|phát\s*huy|chuẩn\s*bị|huy\s*động|kiện\s*toàn|chấn\s*chỉnh|tổng\s*hợp|cập\s*nhật|"
    r"lựa\s*chọn|xác\s*định|chịu\s*trách\s*nhiệm|duy\s*trì|giữ\s*vững|phát\s*động|tham\s*gia|sắp\s*xếp|"
    r"thống\s*kê|lập|soạn\s*thảo|trình|thẩm\s*định|giám\s*sát|kiểm\s*soát|phát\s*triển|đổi\s*mới|củng\s*cố|"
    r"vận\s*hành|tiếp\s*nhận|thu\s*hồi|tạm\s*dừng|dừng|di\s*dời|thanh\s*tra|điều\s*tra|tập\s*huấn|bồi\s*dưỡng|"
    r"ứng\s*dụng|tăng|giảm|không\s*để|nghiêm\s*cấm|yêu\s*cầu|đề\s*nghị|giao|kết\s*nối|chia\s*sẻ|thu\s*dọn|"
    r"lồng\s*ghép|nhân\s*rộng|xin|kêu\s*gọi|hỗ\s*trợ|vận\s*chuyển|phân\s*công|công\s*khai|đánh\s*giá|"
    r"sơ\s*kết|tổng\s*kết|rút\s*kinh\s*nghiệm|chăm\s*lo|bảo\s*vệ|phòng\s*(?:chống|ngừa)|ngăn\s*chặn|"
    r"khẩn\s*trương|tập\s*trung|tiếp\s*tục|chủ\s*động|tích\s*cực|nghiêm\s*túc|kiên\s*quyết|quyết\s*liệt")
# what may come before the verb: a connective, then modal or manner words ("Đồng thời, cần sớm …")
_DUTY_OPENING = (r"(?:(?:đồng\s*thời|ngoài\s*ra|bên\s*cạnh\s*đó|mặt\s*khác|qua\s*đó|theo\s*đó|trong\s*đó|và|để),?\s+)?"
                 r"(?:(?:cần|phải|cần\s*phải|sẽ|sớm|kịp\s*thời|thường\s*xuyên|định\s*kỳ|trực\s*tiếp|"
                 r"hằng\s*(?:tháng|quý|năm|tuần)|hàng\s*(?:tháng|quý|năm|tuần)|cũng|tiếp\s*tục|chủ\s*động|"
                 r"tích\s*cực|khẩn\s*trương|tập\s*trung|nghiêm\s*túc|kiên\s*quyết|quyết\s*liệt|"
                 r"tuyệt\s*đối|không\s*được)\s*,?\s+)*")
DUTY_FIRST = re.compile(rf"^{_DUTY_OPENING}(?:{_DUTY_VERBS})\b", re.I | re.U)
# (after a doer's name only the unambiguous verbs: "số hội viên tăng …" reports a figure)
_NEAR_VERBS = re.sub(r"\|(?:tăng|giảm|lập|trình|xin|dừng|giao|phát\\s\*triển|đánh\\s\*giá)(?=\|)", "", _DUTY_VERBS)
DUTY_NEAR = re.compile(rf"^(?:\S+\s+){{0,9}}?(?:{_NEAR_VERBS})\b", re.I | re.U)
# past or assessing wording: the clause reports, it does not ask
REPORTED = re.compile(r"^(?:\S+\s+){0,6}?(?:đã|đang|vừa|được|đạt|chưa)\s", re.I | re.U)
BROAD_CUE = re.compile(r"\b(?:đề\s*nghị|yêu\s*cầu|giao|chỉ\s*đạo|lưu\s*ý|cần|phải|nhiệm\s*vụ|thời\s*gian\s*tới|"
                       r"kết\s*luận|như\s*sau|sau\s*đây|thực\s*hiện\s*tốt|triển\s*khai\s*thực\s*hiện)\b", re.I | re.U)
CLAUSE_CUT = re.compile(r"(?<=[;:])\s+|(?<=[.!?…])\s+(?=[“\"]?[A-ZĐÀ-Ỹ])", re.U)
BROAD_MIN, BROAD_MAX = 20, 600


def _broad_clauses(text: str) -> list[tuple[str, str]]:
    """The clauses of a text cut at ';', ':' and sentence ends, each with the text before it in the same paragraph."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in [*CLAUSE_CUT.finditer(text), None]:
        end = m.start() if m else len(text)
        clause = text[pos:end].strip().rstrip(";:").strip()
        if clause:
            out.append((clause, text[:pos]))
        pos = m.end() if m else len(text)
    return out


def _duty_features(clause: str, before: str) -> dict[str, float] | None:
    """Features of a clause that may state a duty; None when it opens with no duty verb near its start."""
    probe = re.sub(r"^(?:[-+*•–]\s*|\(?[a-zđ\d]{1,3}[.)]\s+)", "", clause)
    if not BROAD_MIN <= len(probe) <= BROAD_MAX:
        return None
    first = DUTY_FIRST.match(probe)
    if first is None and DUTY_NEAR.match(probe) is None:
        return None
    letters = [c for c in probe if c.isalpha()]
    if REPORTED.match(probe) or sum(c.isupper() for c in letters) > 0.8 * len(letters) or (
            BACKGROUND.match(probe) and not _asks_a_unit(probe)):
        return None  # work reported as done, a headline, the grounds of the text: none asks anything
    feats = {"broad": 1.0, "b:verb_first" if first else "b:verb_near": 1.0}
    tail = before[-300:]
    if BROAD_CUE.search(tail):
        feats["b:cue_before"] = 1.0
    if tail.rstrip().endswith(":"):
        feats["b:after_colon"] = 1.0
    if _asks_a_unit(probe) or _unit_opens_with_work(probe):
        feats["b:asks_unit"] = 1.0
    return feats


def _squashed(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", fold(text))


def broad_candidates(body: list[str], tasks: list[ParsedTask], *, issued_on: dt.date | None,
                     default_leads: list[str]) -> list[tuple[ParsedTask, dict[str, float]]]:
    """Candidates the rules did not propose: the second and later duty clauses of each rule candidate (same doer
    unless the clause names its own), and duty clauses of the body that no candidate covers. Each comes with the
    features that say where it came from (for the task filter)."""
    out: list[tuple[ParsedTask, dict[str, float]]] = []
    seen: set[str] = set()
    for t in tasks:
        ctx = _Context(leads=t.lead, supports=t.support, explicit=bool(t.lead), source=t.lead_source)
        clauses = _broad_clauses(t.text)
        for n, (clause, before) in enumerate(clauses):
            key = _squashed(clause)
            if n == 0 or key in seen or (feats := _duty_features(clause, before)) is None:
                continue
            seen.add(key)
            feats.update({"broad:clause": 1.0, f"b:idx:{min(n, 3)}": 1.0, f"b:of:{min(len(clauses), 5)}": 1.0})
            task = _task(f"{t.ref} (ý {n + 1})", clause, issued_on=issued_on, ctx=ctx, parent=t.ref,
                         depth=t.depth + 1)
            if task.due is None and t.due is not None:
                task = replace(task, due=t.due, due_text=t.due_text)
            out.append((task, feats))
    covered = "\x00".join(_squashed(t.text) for t in tasks)
    base = _Context(leads=tuple(default_leads), supports=(), source="addressee" if default_leads else None)
    count = 0
    for para in body:
        clauses = _broad_clauses(para)
        for n, (clause, before) in enumerate(clauses):
            key = _squashed(clause)
            if len(key) < 12 or key in seen or key in covered or (feats := _duty_features(clause, before)) is None:
                continue
            seen.add(key)
            count += 1
            feats.update({"broad:sentence": 1.0, f"b:idx:{min(n, 3)}": 1.0, f"b:of:{min(len(clauses), 5)}": 1.0,
                          "b:marked" if _marker(para) is not None else "b:prose": 1.0})
            ctx = base
            if before:
                leads, strength = find_leads_ranked(before[-300:])
                if strength >= STRONG and leads and not is_generic_reference(leads):
                    ctx = _Context(leads=tuple(leads), supports=(), explicit=True, source="heading")
                    feats["b:lead_before"] = 1.0
            out.append((_task(f"(câu {count})", clause, issued_on=issued_on, ctx=ctx, parent=None, depth=0), feats))
    return out
