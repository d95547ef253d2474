"""Admin corrections to the working calendar: extra days off and make-up working days
(`nhacviec calendar add/remove/list`), for the years the `holidays` package does not know yet
or knows wrongly. They override the package. The scheduler's `WorkingCalendar` reads them
through `load_calendar_days`; storage only needs a base calendar to check an entry against."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session, selectinload

from storage.audit import audit
from storage.db import connection_of
from storage.errors import NhacViecError
from storage.models import OPEN_STATUSES, CalendarDay, CalendarDayKind, Notice, NoticeStatus, Task
from storage.vntext import nfc

log = logging.getLogger(__name__)

NOTE_MAX = 200


class BaseCalendar(Protocol):
    """The calendar an entry is checked against (the `holidays` package, without corrections)."""

    def is_working_day(self, day: dt.date) -> bool: ...

    def day_off_reason(self, day: dt.date) -> str | None: ...


class CalendarDayInvalid(NhacViecError):
    """A calendar correction that would change nothing, twice, or names no valid day."""


@dataclass(frozen=True, kw_only=True)
class CalendarDayEntry:
    day: dt.date
    kind: CalendarDayKind
    note: str


@dataclass(frozen=True, kw_only=True)
class CalendarDays:
    """Every correction, ready for `WorkingCalendar.with_days`."""

    days_off: frozenset[dt.date] = frozenset()
    working_days: frozenset[dt.date] = frozenset()
    notes: Mapping[dt.date, str] = field(default_factory=dict, compare=False, hash=False)


def vn_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def parse_calendar_date(text: str) -> dt.date:
    """`2027-02-15` or `15/02/2027`; anything else is refused in Vietnamese."""
    raw = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise CalendarDayInvalid(f"bad date {text!r}",
                             f"“{text}” không phải là một ngày hợp lệ. Đồng chí ghi ngày theo dạng 2027-02-15 "
                             "hoặc 15/02/2027.")


def add_calendar_day(session: Session, *, day: dt.date, kind: CalendarDayKind, note: str, base: BaseCalendar,
                     now: dt.datetime, actor_id: int | None = None,
                     remove_hint: str | None = None) -> CalendarDayEntry:
    """Record an extra day off or a make-up working day; refuse one that changes nothing. `remove_hint`: how the
    person removes an entry where they typed this one (the CLI command by default; "/lich xoá …" in chat)."""
    note = nfc(" ".join(note.split()))
    if len(note) > NOTE_MAX:
        raise CalendarDayInvalid(f"note of {len(note)} characters",
                                 f"Ghi chú quá dài ({len(note)} ký tự); tối đa {NOTE_MAX} ký tự.")
    existing = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    if existing is not None:
        what = "ngày nghỉ" if existing.kind == CalendarDayKind.OFF else "ngày làm việc bù"
        raise CalendarDayInvalid(
            f"{day} already recorded as {existing.kind}",
            f"Ngày {vn_date(day)} đã có trong lịch là {what}"
            + (f" ({existing.note})" if existing.note else "")
            + f". Muốn thay đổi, đồng chí xóa trước: {remove_hint or f'nhacviec calendar remove {day.isoformat()}'}")
    if kind == CalendarDayKind.OFF and not base.is_working_day(day):
        reason = base.day_off_reason(day) or "ngày nghỉ"
        raise CalendarDayInvalid(f"{day} is already a day off ({reason})",
                                 f"Ngày {vn_date(day)} đã là {reason}, không cần thêm ngày nghỉ.")
    if kind == CalendarDayKind.WORKING and base.is_working_day(day):
        raise CalendarDayInvalid(f"{day} is already a working day",
                                 f"Ngày {vn_date(day)} đã là ngày làm việc, không cần thêm ngày làm bù.")
    session.add(CalendarDay(day=day, kind=kind, note=note, created_at=now))
    audit(session, at=now, actor_id=actor_id, action="calendar_add", entity="calendar_day", entity_id=None,
          day=day.isoformat(), kind=str(kind), note=note)
    log.info("calendar day %s added as %s (%s)", day, kind, note)
    return CalendarDayEntry(day=day, kind=kind, note=note)


def remove_calendar_day(session: Session, day: dt.date, *, now: dt.datetime,
                        actor_id: int | None = None) -> CalendarDayEntry:
    row = session.scalar(select(CalendarDay).where(CalendarDay.day == day))
    if row is None:
        raise CalendarDayInvalid(f"{day} not in the calendar corrections",
                                 f"Ngày {vn_date(day)} không có trong danh sách ngày nghỉ/làm bù đã thêm.")
    entry = CalendarDayEntry(day=row.day, kind=CalendarDayKind(row.kind), note=row.note)
    session.delete(row)
    audit(session, at=now, actor_id=actor_id, action="calendar_remove", entity="calendar_day", entity_id=None,
          day=day.isoformat(), kind=str(entry.kind), note=entry.note)
    log.info("calendar day %s (%s) removed", day, entry.kind)
    return entry


def list_calendar_days(session: Session, *, year: int | None = None) -> list[CalendarDayEntry]:
    query = select(CalendarDay).order_by(CalendarDay.day)
    if year is not None:
        query = query.where(CalendarDay.day >= dt.date(year, 1, 1), CalendarDay.day <= dt.date(year, 12, 31))
    return [CalendarDayEntry(day=r.day, kind=CalendarDayKind(r.kind), note=r.note) for r in session.scalars(query)]


_DAYS = select(CalendarDay.day, CalendarDay.kind, CalendarDay.note).order_by(CalendarDay.day)  # read every tick


def load_calendar_days(session: Session | Connection) -> CalendarDays:
    return calendar_days_of(connection_of(session).execute(_DAYS).all())  # plain rows (Core): no ORM objects


def calendar_days_of(rows: Any) -> CalendarDays:
    """The corrections from rows of (day, kind, note) — `_DAYS`'s columns, or another statement's of those names."""
    return CalendarDays(
        days_off=frozenset(r.day for r in rows if r.kind == CalendarDayKind.OFF),
        working_days=frozenset(r.day for r in rows if r.kind == CalendarDayKind.WORKING),
        notes={r.day: r.note for r in rows if r.note},
    )


@dataclass(frozen=True, kw_only=True)
class DueNear:
    """An open task whose deadline lies near a day the calendar changed: whether it moved is the caller's
    calendar's to say."""

    item_ref: str
    lead: str
    notice_number: str | None
    due_on: dt.date


def open_tasks_due_between(session: Session, start: dt.date, end: dt.date) -> list[DueNear]:
    """Open tasks of confirmed notices due from `start` to `end` (both included), by deadline then item."""
    rows = session.scalars(
        select(Task).join(Notice).where(Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES),
                                        Task.due_on >= start, Task.due_on <= end)
        .options(selectinload(Task.notice), selectinload(Task.lead_unit))
        .order_by(Task.due_on, Task.notice_id, Task.position))
    return [DueNear(item_ref=t.item_ref, lead=t.lead_name, notice_number=t.notice.number, due_on=t.due_on)
            for t in rows if t.due_on is not None]
