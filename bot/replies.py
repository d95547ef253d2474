"""Understanding a status reply typed in chat: "xong", "60% vướng kinh phí",
"xin gia hạn đến 30/4", "xin gia hạn đến thứ 6 tuần sau vì …", "2.1 xong". Pure: text in, a StatusUpdate out.
The requested date is read by bot.datetext, as every typed date is."""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
import re

from bot.datetext import leading_when
from scheduler.calendar import VN_TZ, WorkingCalendar
from storage.itemref import FOLDED_REF
from storage.models import TaskStatus
from storage.tasks import StatusUpdate
from storage.vntext import nfc, strip_marks

PERCENT = re.compile(r"(\d{1,3})\s*%")
EXTENSION = re.compile(r"\b(?:gia|lui|doi)\s*han\b")
MORE_TIME = re.compile(r"\b(?:gia|lui|doi)\s*han\s+(?:them\s+)?(?:khoang\s+)?(?P<n>\d{1,3})\s*"
                       r"(?P<unit>ngay lam viec|ngay|tuan|thang)\b")
DATE_LIKE = re.compile(r"^\W*(?:(?:den|toi|sang|ngay)\W+)*\d{1,2}\s*[/.-]\s*\d{1,2}")
REF_PREFIX = re.compile(rf"^\s*(?:muc\s*)?({FOLDED_REF})\.?\s*[:\-]?\s+(\S.*)$", re.S)
DONE = re.compile(r"\b(?:xong|hoan thanh|hoan tat|da thuc hien xong|da hoan thanh)\b")
# "đã gửi báo cáo", "đã nộp", "đã ban hành kế hoạch": the deliverable went out — done, unless the text
# says it is still under way ("đã gửi dự thảo, đang chờ góp ý")
DELIVERED = re.compile(r"\bda\s+(?:gui|nop|trinh|ban hanh|bao cao|to chuc|tong hop)\b")
UNDER_WAY = re.compile(r"\b(?:dang|cho|chua|du thao|mot phan|tiep tuc)\b")
NOT_DONE = re.compile(r"\b(?:chua|khong)\s+(?:xong|hoan thanh|hoan tat)\b")
BLOCKED = re.compile(r"\b(?:vuong|vuong mac|kho khan|bi tac|tac)\b")
PROGRESS = re.compile(r"\b(?:dang|tiep tuc|trien khai)\b")


def parse_status_text(text: str, *, today: dt.date, now: dt.datetime | None = None,
                      current_due: dt.date | None = None,
                      calendar: WorkingCalendar | None = None) -> StatusUpdate | None:
    """What a reply says about a task, or None if it says nothing recognisable. `now` (default: the start
    of `today` in Vietnam) anchors a requested date such as "thứ 6 tuần sau"; "thêm 2 tuần" counts from the
    task's `current_due` (from today when it has none), "thêm 5 ngày làm việc" on the `calendar`."""
    original = nfc(text).strip()
    folded = " ".join(strip_marks(original).lower().split())
    if not folded:
        return None
    percent = None
    m = PERCENT.search(original)
    if m and 0 <= int(m.group(1)) <= 100:
        percent = int(m.group(1))
    asked, wanted = _extension(original, now or dt.datetime.combine(today, dt.time(0, 0), tzinfo=VN_TZ))
    if wanted is None and (more := _more_time(folded, max(current_due or today, today), calendar)) is not None:
        asked, wanted = True, more
    if asked:
        return StatusUpdate(status=TaskStatus.EXTENSION_REQUESTED, percent=percent, note=original,
                            requested_due_on=wanted)
    delivered = DELIVERED.search(folded) is not None and UNDER_WAY.search(folded) is None and percent is None
    if percent == 100 or delivered or (DONE.search(folded) and not NOT_DONE.search(folded)):
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


def _more_time(folded: str, base: dt.date, calendar: WorkingCalendar | None) -> dt.date | None:
    """"gia hạn thêm 2 tuần" / "lùi hạn 10 ngày" / "thêm 5 ngày làm việc" / "thêm 1 tháng": the date that far
    after `base` (the current deadline)."""
    m = MORE_TIME.search(folded)
    if m is None:
        return None
    count, unit = int(m.group("n")), m.group("unit")
    if not 0 < count <= 366:
        return None
    if unit.startswith("ngay lam viec"):
        return calendar.add_working_days(base, count) if calendar is not None else None
    if unit == "ngay":
        return base + dt.timedelta(days=count)
    if unit == "tuan":
        return base + dt.timedelta(weeks=count)
    month = base.month - 1 + count
    year, month = base.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(base.day, calendar_module.monthrange(year, month)[1]))


def split_ref(text: str) -> tuple[str, str] | None:
    """"2.1 xong" → ("2.1", "xong"); "Mục 2.2.a: xong" → ("2.2.a", "xong"); "II.2.đ xong" → ("II.2.đ", "xong").
    The item number comes back as typed; compare it with `storage.itemref.ref_key`."""
    original = nfc(text).strip()
    folded = strip_marks(original).lower()
    m = REF_PREFIX.match(folded)
    if not m:
        return None
    source = original if len(original) == len(folded) else folded
    return source[m.start(1):m.end(1)], source[m.start(2):]
