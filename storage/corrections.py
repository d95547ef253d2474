"""An admin's corrections to a draft, typed as a reply to its preview (pure parsing):

    3: Sở Tài chính          lead unit of task 3 (the preview's numbering)
    Mục 2.1: Sở Tài chính    … of the task with item number 2.1
    3 hạn 30/4/2018          deadline of task 3 ("3 hạn không" removes it)
    bỏ 3                     drop task 3
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storage.errors import NhacViecError
from storage.vntext import nfc

TARGET = r"(?P<ref>mục\s+\S+?|\d{1,3})"
DROP = re.compile(rf"^(?:bỏ|xóa|xoá|loại)\s+{TARGET}\s*\.?$", re.I)
DUE = re.compile(rf"^{TARGET}\s*[:,]?\s*(?:thời\s*)?hạn\s*:?\s*(?P<value>.+)$", re.I)
LEAD = re.compile(rf"^{TARGET}\s*(?:chủ\s*trì)?\s*:\s*(?P<value>.+)$", re.I)
DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$")


@dataclass(frozen=True, kw_only=True)
class Correction:
    target: str  # "3" (preview number) or "mục 2.1"
    field: str  # lead | due | drop
    value: str | dt.date | None = None


class CorrectionError(NhacViecError):
    """A line that is not a correction."""

    def __init__(self, user_message: str) -> None:
        super().__init__(f"bad correction: {user_message}", user_message)


def parse_corrections(text: str, *, today: dt.date) -> list[Correction]:
    out: list[Correction] = []
    for raw in nfc(text).splitlines():
        line = raw.strip().strip(";")
        if not line:
            continue
        if m := DROP.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="drop"))
        elif m := DUE.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="due", value=_date(m.group("value"), today)))
        elif m := LEAD.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="lead", value=m.group("value").strip(" .")))
        else:
            raise CorrectionError(f"Không hiểu dòng “{line}”. Cách sửa: «3: Sở Tài chính», «3 hạn 30/4/2018», «bỏ 3».")
    return out


def _target(ref: str) -> str:
    ref = " ".join(ref.lower().split())
    return ref.rstrip(".:")


def _date(value: str, today: dt.date) -> dt.date | None:
    value = value.strip(" .").lower()
    if value in ("không", "khong", "không có", "bỏ"):
        return None
    m = DATE.match(value)
    if not m:
        raise CorrectionError(f"Không hiểu thời hạn “{value}” (dạng đúng: 30/4/2018).")
    day, month = int(m.group(1)), int(m.group(2))
    year = int(m.group(3)) if m.group(3) else today.year
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise CorrectionError(f"Ngày “{value}” không hợp lệ.") from exc
