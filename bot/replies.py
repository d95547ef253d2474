"""Understanding a status reply typed in chat: "xong", "60% vướng kinh phí",
"xin gia hạn đến 30/4", "xin gia hạn đến thứ 6 tuần sau vì …", "2.1 xong". Pure: text in, a StatusUpdate out.
The requested date is read by bot.datetext, as every typed date is."""

from __future__ import annotations

import datetime as dt
import re

from bot.datetext import leading_when
from scheduler.calendar import VN_TZ
from storage.models import TaskStatus
from storage.tasks import StatusUpdate
from storage.vntext import nfc, strip_marks

PERCENT = re.compile(r"(\d{1,3})\s*%")
EXTENSION = re.compile(r"\b(?:gia|lui|doi)\s*han\b")
DATE_LIKE = re.compile(r"^\W*(?:(?:den|toi|sang|ngay)\W+)*\d{1,2}\s*[/.-]\s*\d{1,2}")
REF_PREFIX = re.compile(r"^\s*(?:muc\s*)?(\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-z](?:\.\d{1,2})?)?)\.?\s*[:\-]?\s+(\S.*)$",
                        re.S)
DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat|da thuc hien xong|da hoan thanh)\b")
NOT_DONE = re.compile(r"\b(?:chua|khong)\s+(?:xong|hoan thanh|hoan tat)\b")
BLOCKED = re.compile(r"\b(?:vuong|vuong mac|kho khan|bi tac|tac)\b")
PROGRESS = re.compile(r"\b(?:dang|tiep tuc|trien khai)\b")


def parse_status_text(text: str, *, today: dt.date, now: dt.datetime | None = None) -> StatusUpdate | None:
    """What a reply says about a task, or None if it says nothing recognisable. `now` (default: the start
    of `today` in Vietnam) anchors a requested date such as "thứ 6 tuần sau"."""
    original = nfc(text).strip()
    folded = " ".join(strip_marks(original).lower().split())
    if not folded:
        return None
    percent = None
    m = PERCENT.search(original)
    if m and 0 <= int(m.group(1)) <= 100:
        percent = int(m.group(1))
    asked, wanted = _extension(original, now or dt.datetime.combine(today, dt.time(0, 0), tzinfo=VN_TZ))
    if asked:
        return StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, percent=percent, note=original,
                            requested_due_on=wanted)
    if percent == 100 or (DONE.search(folded) and not NOT_DONE.search(folded)):
        return StatusUpdate(status=TaskStatus.DONE, percent=100, note=original)
    if BLOCKED.search(folded):
        return StatusUpdate(status=TaskStatus.BLOCKED, percent=percent, note=original)
    if percent is not None or PROGRESS.search(folded):
        return StatusUpdate(status=TaskStatus.IN_PROGRESS, percent=percent, note=original)
    return StatusUpdate(status=None, note=original)  # a plain progress note


def _extension(original: str, now: dt.datetime) -> tuple[bool, dt.date | None]:
    """Whether the text asks for a new deadline, and which: "gia hạn" followed by a date. A date that
    cannot be ("gia hạn đến 31/2") is still a request, without a date; "gia hạn 60%" is none."""
    marks_off = strip_marks(original).lower()
    if len(marks_off) != len(original):  # stripping merged characters: read the text without marks
        original = marks_off
    m = EXTENSION.search(marks_off)
    if m is None:
        return False, None
    found = leading_when(original[m.end():], now=now)
    if found is not None:
        return True, found[0].date
    return bool(DATE_LIKE.match(marks_off[m.end():])), None


def split_ref(text: str) -> tuple[str, str] | None:
    """"2.1 xong" → ("2.1", "xong"); "Mục 2.2.a: xong" → ("2.2.a", "xong")."""
    original = nfc(text).strip()
    m = REF_PREFIX.match(strip_marks(original).lower())
    if not m:
        return None
    return m.group(1), original[m.start(2):]
