"""An admin's corrections to a draft, typed as a reply to its preview (pure parsing):

    3: Sở Tài chính          lead unit of task 3 (the preview's numbering)
    Mục 2.1: Sở Tài chính    … of the task with item number 2.1
    3 hạn 30/4/2026          deadline of task 3, any form parse_when reads ("3 hạn cuối tháng sau");
                             "3 hạn không" removes it
    bỏ 3                     drop task 3 ("bỏ 3, 5 và 7", "bỏ 3, bỏ 5": several)
Typed without marks too ("bo 3", "3 han 30/4").
"""

from __future__ import annotations

import datetime as dt
import re

from bot.datetext import WhenUnclear, parse_when
from scheduler.calendar import VN_TZ
from storage.corrections import Correction
from storage.errors import NhacViecError
from storage.vntext import fold, nfc

_ONE = r"(?:(?:mục|muc)\s+[^\s,;]+|\d{1,3})"  # a task: its number in the preview, or "mục 2.1"
TARGET = rf"(?P<ref>{_ONE})"
# "bỏ 3", "bo 3" (typed without marks), "bỏ 3, 5 và 7", "bỏ 3, bỏ 5"
DROP = re.compile(rf"^(?:bỏ|bo|xóa|xoá|xoa|loại|loai)\s+(?P<refs>{_ONE}(?:\s*(?:,|;|&|\bvà\b|\bva\b)\s*"
                  rf"(?:(?:bỏ|bo|xóa|xoá|xoa|loại|loai)\s+)?{_ONE})*)\s*\.?$", re.I)
DUE = re.compile(rf"^{TARGET}\s*[:,]?\s*(?:thời\s*|thoi\s*)?(?:hạn|han)\s*:?\s*(?P<value>.+)$", re.I)
LEAD = re.compile(rf"^{TARGET}\s*(?:chủ\s*trì|chu\s*tri)?\s*:\s*(?P<value>.+)$", re.I)
NO_DEADLINE = {"khong", "khong co", "bo", "khong thoi han", "khong co thoi han"}


class CorrectionError(NhacViecError):
    """A line that is not a correction."""

    def __init__(self, user_message: str) -> None:
        super().__init__(f"bad correction: {user_message}", user_message)


def parse_corrections(text: str, *, today: dt.date, now: dt.datetime | None = None) -> list[Correction]:
    """The corrections typed in `text`, one per line; `now` (default: the start of `today` in Vietnam)
    anchors relative deadlines such as "thứ 6 tuần sau"."""
    if now is None:
        now = dt.datetime.combine(today, dt.time(0, 0), tzinfo=VN_TZ)
    example = f"30/4/{today.year}"
    out: list[Correction] = []
    for raw in nfc(text).splitlines():
        line = raw.strip().strip(";")
        if not line:
            continue
        if m := DROP.match(line):
            out += [Correction(target=_target(ref), field="drop") for ref in re.findall(_ONE, m.group("refs"), re.I)]
        elif m := DUE.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="due",
                                  value=_due(m.group("value"), now, example)))
        elif m := LEAD.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="lead", value=m.group("value").strip(" .")))
        else:
            raise CorrectionError(f"Không hiểu dòng “{line}”. Cách sửa: “3: Sở Tài chính”, “3 hạn {example}”, "
                                  "“bỏ 3”.")
    return out


def _target(ref: str) -> str:
    ref = re.sub(r"^muc\s", "mục ", " ".join(ref.lower().split()))  # ("muc" typed without marks)
    return ref.rstrip(".:")


def _due(value: str, now: dt.datetime, example: str) -> dt.date | None:
    value = value.strip(" .")
    if fold(value) in NO_DEADLINE:
        return None
    try:
        return parse_when(value, now=now).date
    except WhenUnclear as exc:
        raise CorrectionError(f"Không hiểu thời hạn “{value}”: {exc.problem} Đồng chí viết, ví dụ: “3 hạn {example}”, "
                              "“3 hạn cuối tháng sau”, “3 hạn không” (bỏ thời hạn).") from exc
