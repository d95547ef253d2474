"""An admin's corrections to a draft, typed as a reply to its preview (pure parsing):

    3: Sở Tài chính          lead unit of task 3 (the preview's numbering); several: "3: Sở A, Sở B"
    Mục 2.1: Sở Tài chính    … of the task with item number 2.1
    3 phối hợp: Sở Nội vụ    supporting units ("3 phối hợp: không" removes them)
    3 nội dung: …            the task's wording (a line glued onto it, a text cut short)
    3 hạn 30/4/2026          deadline of task 3, any form parse_when reads ("3 hạn cuối tháng sau");
                             "3 hạn không" removes it
    bỏ 3                     drop task 3 ("bỏ 3, 5 và 7", "bỏ 3, bỏ 5": several)
    thêm: Sở Nội vụ rà soát …, trước ngày 20/5
                             add a task the parser missed, read as a notice item reads (units, deadline,
                             recurrence); "thêm mục 2.4: …" gives its item number
Typed without marks too ("bo 3", "3 han 30/4", "them: …").
"""

from __future__ import annotations

import datetime as dt
import re

from bot.datetext import WhenUnclear, parse_when
from bot.ingest.parser import read_task
from bot.ingest.units import split_units
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
SUPPORT = re.compile(rf"^{TARGET}\s*,?\s*(?:phối\s*hợp|phoi\s*hop)\s*(?:với|voi)?\s*:\s*(?P<value>.+)$", re.I)
WORDING = re.compile(rf"^{TARGET}\s*,?\s*(?:nội\s*dung|noi\s*dung)\s*:\s*(?P<value>.+)$", re.I)
# "thêm: …", "thêm nhiệm vụ: …", "bổ sung mục 2.4: …", "them 5: …"
ADD = re.compile(r"^(?:thêm|them|bổ\s*sung|bo\s*sung)(?:\s+(?:nhiệm\s*vụ|nhiem\s*vu))?"
                 r"(?:\s+(?:(?:mục|muc)\s+)?(?P<ref>[0-9IVXivx]{1,6}(?:\.[0-9a-zđ]{1,3}){0,3})\.?)?\s*:\s*(?P<text>.+)$",
                 re.I)
NO_DEADLINE = {"khong", "khong co", "bo", "khong thoi han", "khong co thoi han"}
NONE = {"khong", "khong co", "bo", "khong ai"}


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
        elif m := ADD.match(line):
            ref = m.group("ref") or ""
            out.append(Correction(target=ref, field="add", value=read_task(m.group("text"), ref=ref or "?",
                                                                           issued_on=today)))
        elif m := DUE.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="due",
                                  value=_due(m.group("value"), now, example)))
        elif m := SUPPORT.match(line):
            out.append(Correction(target=_target(m.group("ref")), field="support", value=_units(m.group("value"))))
        elif m := WORDING.match(line):
            wording = " ".join(m.group("value").split())
            out.append(Correction(target=_target(m.group("ref")), field="text", value=wording))
        elif m := LEAD.match(line):
            units = _units(m.group("value"))
            if not units:
                raise CorrectionError(f"Nhiệm vụ cần có đơn vị chủ trì: đồng chí ghi tên đơn vị, ví dụ "
                                      f"“{m.group('ref')}: Sở Tài chính”, hoặc “bỏ {m.group('ref')}” nếu không phải "
                                      "nhiệm vụ.")
            out.append(Correction(target=_target(m.group("ref")), field="lead", value=units))
        else:
            raise CorrectionError(f"Không hiểu dòng “{line}”. Cách sửa: “3: Sở Tài chính”, “3 phối hợp: Sở Nội vụ”, "
                                  f"“3 hạn {example}”, “bỏ 3”, “thêm: <nội dung nhiệm vụ>”.")
    return out


def _units(value: str) -> tuple[str, ...]:
    """The units as typed, one per name ("Sở Tài chính, Sở Nội vụ" → two; "UBND các huyện, thành phố" is one
    group); none for "không"."""
    value = " ".join(value.split()).strip(" .;")
    if fold(value) in NONE:
        return ()
    return tuple(split_units(value) or [value])


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
