"""/lich: the admin sees and corrects the working calendar from chat — the same corrections, in the
same table and with the same audit entry, as `nhacviec calendar add/remove` on the server.

    /lich                                  days off of the next 60 days (holidays by name, the admin's marked)
    /lich 2027                             … of a whole year
    /lich nghỉ 12/02/2027 Nghỉ bù Tết      an extra day off ("lich nghi", "nghỉ bù 12/02" too)
    /lich làm 20/02/2027 Làm bù            a make-up working day
    /lich xoá 12/02/2027                   remove a correction

Every feature reads the corrected calendar from the next event on (`AppContext.use_calendar_days`)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot import texts
from bot.conversation.events import TextIn
from bot.datetext import WhenUnclear, parse_when
from scheduler.calendar import WorkingCalendar
from storage.calendar import (
    CalendarDayEntry,
    CalendarDayInvalid,
    add_calendar_day,
    list_calendar_days,
    load_calendar_days,
    open_tasks_due_between,
    remove_calendar_day,
)
from storage.errors import NotAllowed
from storage.models import CalendarDayKind, Person
from storage.vntext import fold

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)

LIST_DAYS = 60  # "/lich" alone: the days off of this many days from today
MOVE_WINDOW = dt.timedelta(days=21)  # a deadline this long before a changed day can run into it (Tết's run of days off)
MAX_YEARS_AHEAD = 1  # a correction may name a day up to the end of next year (a typo "2072" is refused)

_OFF = {"nghi", "off", "them"}
_WORKING = {"lam", "lamviec", "lambu", "working"}
_REMOVE = {"xoa", "bo", "huy", "remove"}
_LIST = {"tet", "le", "xem", "danhsach"}


def _kind_word(word: str) -> str | None:
    key = fold(word).replace(" ", "")
    if key in _OFF:
        return "off"
    if key in _WORKING:
        return "working"
    if key in _REMOVE:
        return "remove"
    return None


async def calendar_command(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if not person.is_admin:
        raise NotAllowed(person.handle, "edit the calendar", texts.CALENDAR_ADMIN_ONLY)
    today = ctx.today()
    words = list(args)
    action = _kind_word(words[0]) if words else None
    if action is None:  # "/lich", "/lich 2027", "/lich năm 2027", "lịch nghỉ Tết" (a question, not a day)
        year = _year("".join(words)) if 1 <= len(words) <= 2 else None
        if words and year is None and not all(fold(w) in _LIST for w in words):
            await conv.say(event, texts.calendar_usage(f"Chưa hiểu “{' '.join(words)}”."))
            return
        await _list(conv, event, today=today, year=year)
        return
    words.pop(0)
    said_bu = bool(words) and fold(words[0]) == "bu"  # "nghỉ bù 12/02", "làm bù 20/02"
    if said_bu or (words and action == "working" and fold(words[0]) == "viec"):
        words.pop(0)
    if not words or (action == "off" and all(fold(w) in _LIST for w in words)):
        if action == "off":  # "/lich nghỉ", "lịch nghỉ Tết": the list
            await _list(conv, event, today=today, year=None)
            return
        await conv.say(event, texts.calendar_usage("Đồng chí ghi thêm ngày."))
        return
    day = _day(conv, words[0], today=today)
    note = " ".join(words[1:]).strip(" ,;:-–—")
    base = ctx.base_policy.calendar
    before = ctx.policy.calendar
    now = ctx.clock.now()
    if action == "remove":
        entry = await ctx.db.run(remove_calendar_day, day, now=now, actor_id=person.id)
    else:
        kind = CalendarDayKind.OFF if action == "off" else CalendarDayKind.WORKING
        if not note and (said_bu or kind == CalendarDayKind.WORKING):
            note = "Nghỉ bù" if kind == CalendarDayKind.OFF else "Làm bù"
        entry = await ctx.db.run(add_calendar_day, day=day, kind=kind, note=note, base=base, now=now,
                                 actor_id=person.id, remove_hint=f"/lich xoá {day.strftime('%d/%m/%Y')}")
    ctx.use_calendar_days(await ctx.db.run(load_calendar_days))  # what follows judges by the new calendar
    log.info("calendar %s %s by %s", action, day, person.handle)
    # the deadlines the change moves: a deadline runs past days off, so only one on or before the day can move
    near = await ctx.db.run(open_tasks_due_between, day - MOVE_WINDOW, day)
    moved = [(t, before.effective_deadline(t.due_on), ctx.policy.calendar.effective_deadline(t.due_on)) for t in near]
    moved = [(t, old, new) for t, old, new in moved if old != new]
    log.info("calendar change %s moves %d open deadline(s)", day, len(moved))
    await conv.say(event, texts.calendar_changed(entry, removed=action == "remove", calendar=ctx.policy.calendar,
                                                 base=base, moved=moved))


def _year(word: str) -> int | None:
    m = re.fullmatch(r"(?:nam)?(\d{4})", fold(word).replace(" ", ""))
    return int(m.group(1)) if m and 1900 <= int(m.group(1)) <= 2200 else None


def _day(conv: Conversation, word: str, *, today: dt.date) -> dt.date:
    try:
        day = parse_when(word, now=conv.ctx.clock.now(), calendar=conv.ctx.policy.calendar).date
    except WhenUnclear as exc:
        raise CalendarDayInvalid(f"bad calendar date {word!r}",
                                 texts.calendar_usage(f"Không hiểu ngày “{word}”.")) from exc
    if day < today:
        raise CalendarDayInvalid(f"calendar date {day} in the past",
                                 texts.calendar_usage(f"Ngày {day.strftime('%d/%m/%Y')} đã qua; lịch chỉ sửa được "
                                                      "từ hôm nay trở đi."))
    if day.year > today.year + MAX_YEARS_AHEAD:
        raise CalendarDayInvalid(f"calendar date {day} too far",
                                 texts.calendar_usage(f"Ngày {day.strftime('%d/%m/%Y')} còn quá xa; lịch sửa được "
                                                      f"đến hết năm {today.year + MAX_YEARS_AHEAD}."))
    return day


async def _list(conv: Conversation, event: TextIn, *, today: dt.date, year: int | None) -> None:
    ctx = conv.ctx
    if year is None:
        start, end = today, today + dt.timedelta(days=LIST_DAYS)
    else:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    entries = await ctx.db.run(_entries_between, start=start, end=end)
    days_off = days_off_between(ctx.policy.calendar, start, end)
    await conv.say(event, texts.calendar_list(start, end, days_off, entries, base=ctx.base_policy.calendar,
                                              year=year))


def _entries_between(session: Session, *, start: dt.date, end: dt.date) -> list[CalendarDayEntry]:
    years = range(start.year, end.year + 1)
    return [e for y in years for e in list_calendar_days(session, year=y) if start <= e.day <= end]


def days_off_between(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """The days off in [start, end] other than plain weekends: holidays by name, the admin's days off by note."""
    found: dict[dt.date, str] = {}
    for year in range(start.year, end.year + 1):
        found.update((d, n) for d, n in calendar.public_holidays(year) if start <= d <= end)
    return sorted(found.items())


def digest_day(calendar: WorkingCalendar, day: dt.date, weekday: int) -> dt.date:
    """The day the weekly digest goes out in the week (Monday–Sunday) of `day`: the configured
    `weekday` (0 = Monday) if it is a working day, else the last working day before it in that
    week, else the first one after it."""
    monday = day - dt.timedelta(days=day.weekday())
    wanted = monday + dt.timedelta(days=weekday)
    candidate = wanted
    while candidate >= monday:
        if calendar.is_working_day(candidate):
            return candidate
        candidate -= dt.timedelta(days=1)
    return calendar.working_day_on_or_after(wanted)
