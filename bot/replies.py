"""Understanding a status reply typed in chat: "xong", "60% vướng kinh phí",
"xin gia hạn đến 30/4", "2.1 xong". Pure: text in, a StatusUpdate out."""

from __future__ import annotations

import datetime as dt
import re

from storage.models import TaskStatus
from storage.tasks import StatusUpdate
from storage.vntext import nfc, strip_marks

PERCENT = re.compile(r"(\d{1,3})\s*%")
EXTENSION = re.compile(r"gia\s*han(?:\s*(?:den|toi|sang))?(?:\s*ngay)?\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})"
                       r"(?:\s*[/.-]\s*(\d{4}))?")
REF_PREFIX = re.compile(r"^\s*(?:muc\s*)?(\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[a-z](?:\.\d{1,2})?)?)\.?\s*[:\-]?\s+(\S.*)$",
                        re.S)
DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat|da thuc hien xong|da hoan thanh)\b")
NOT_DONE = re.compile(r"\b(?:chua|khong)\s+(?:xong|hoan thanh|hoan tat)\b")
BLOCKED = re.compile(r"\b(?:vuong|vuong mac|kho khan|bi tac|tac)\b")
PROGRESS = re.compile(r"\b(?:dang|tiep tuc|trien khai)\b")


def parse_status_text(text: str, *, today: dt.date) -> StatusUpdate | None:
    """What a reply says about a task, or None if it says nothing recognisable."""
    original = nfc(text).strip()
    folded = " ".join(strip_marks(original).lower().split())
    if not folded:
        return None
    percent = None
    m = PERCENT.search(original)
    if m and 0 <= int(m.group(1)) <= 100:
        percent = int(m.group(1))
    ext = EXTENSION.search(folded)
    if ext:
        day, month = int(ext.group(1)), int(ext.group(2))
        year = int(ext.group(3)) if ext.group(3) else today.year
        try:
            wanted = dt.date(year, month, day)
        except ValueError:
            wanted = None
        if wanted is not None and not ext.group(3) and wanted < today:
            wanted = wanted.replace(year=year + 1)
        return StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, percent=percent, note=original,
                            requested_due_on=wanted)
    if percent == 100 or (DONE.search(folded) and not NOT_DONE.search(folded)):
        return StatusUpdate(status=TaskStatus.DONE, percent=100, note=original)
    if BLOCKED.search(folded):
        return StatusUpdate(status=TaskStatus.BLOCKED, percent=percent, note=original)
    if percent is not None or PROGRESS.search(folded):
        return StatusUpdate(status=TaskStatus.IN_PROGRESS, percent=percent, note=original)
    return StatusUpdate(status=None, note=original)  # a plain progress note


def split_ref(text: str) -> tuple[str, str] | None:
    """"2.1 xong" → ("2.1", "xong"); "Mục 2.2.a: xong" → ("2.2.a", "xong")."""
    original = nfc(text).strip()
    m = REF_PREFIX.match(strip_marks(original).lower())
    if not m:
        return None
    return m.group(1), original[m.start(2):]
