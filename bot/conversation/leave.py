"""/nghi: a person's leave. No digest on those days (a named colleague gets it instead);
their head is told; reminders resume after, from that morning's state (nothing piles up).

    /nghi 01/12 05/12            on leave from 1 to 5 December
    /nghi 01/12 05/12 @handle    … and @handle covers meanwhile (or the colleague's full name)
    /nghi hủy                    back before the end

Also typed: "Tôi nghỉ phép từ 4/5 đến 8/5, đ/c Thành làm thay" (`typed_leave`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import texts
from bot.conversation.events import Outgoing, TextIn
from bot.conversation.named import colleague_example, named_at_end
from bot.datetext import WhenUnclear, parse_when
from storage.directory import set_leave
from storage.errors import LeaveInvalid
from storage.models import Person
from storage.tasks import open_tasks_for
from storage.vntext import nfc, strip_marks

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

MAX_LEAVE_DAYS = 60  # longer absences are a directory change (someone else heads the unit), not a leave


def _day(conv: Conversation, text: str, example: tuple[str, str] | None) -> dt.date:
    try:
        return parse_when(text, now=conv.ctx.clock.now(), calendar=conv.ctx.policy.calendar).date
    except WhenUnclear as exc:
        raise LeaveInvalid(f"bad leave date {text!r}", texts.leave_usage_named(f"Không hiểu ngày “{text}”.",
                                                                                     example=example)) from exc


async def leave(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if args and strip_marks(args[0]).lower() in ("huy", "thoi", "ket thuc"):
        await ctx.db.run(set_leave, person_id=person.id, start=None, end=None, cover_handle=None, now=ctx.clock.now())
        await conv.say(event, texts.LEAVE_ENDED)
        return
    # the example cover: a colleague of the person's own unit, never someone of another unit (probe 22, F8: a commune
    # chairman offered to a Sở director)
    example = await ctx.db.run(colleague_example, person) if person.unit_id is not None else None
    if example is not None and not await ctx.db.run(_of_unit, example[0], person.unit_id):
        example = None
    if len(args) < 2 or any(a.startswith("@") for a in args[:2]):
        await conv.say(event, texts.leave_usage_named(example=example))
        return
    dates, cover_handle = args[:2], None
    if len(args) > 2:  # the colleague covering: "@cv_stp", "cv_stp" or "Lê Thị Luật" (probe 21, F7)
        found = await ctx.db.run(named_at_end, args, keep=2, near=person)
        assert found is not None
        if not found.people and any(c.isdigit() for c in "".join(args[2:])):  # "1/3 đến 5/3": dates, not a name
            await conv.say(event, texts.leave_usage_named(example=example))
            return
        if found.before != dates or not found.people:
            await conv.say(event, texts.cover_not_found(" ".join(args[2:]), " ".join(dates), example))
            return
        if len(found.people) > 1:
            await conv.say(event, texts.person_which(found.said, "nghi", " ".join(dates),
                                                     [(p.handle, p.full_name, p.title) for p in found.people]))
            return
        cover_handle = found.people[0].handle
    today = ctx.today()
    start, end = _day(conv, dates[0], example), _day(conv, dates[1], example)
    if end < start:
        raise LeaveInvalid("leave reversed", texts.leave_usage_named("Ngày kết thúc đứng trước ngày bắt đầu.",
                                                                            example=example))
    if end < today:
        raise LeaveInvalid("leave in the past", texts.leave_usage_named("Kỳ nghỉ này đã qua.", example=example))
    if (end - start).days + 1 > MAX_LEAVE_DAYS:
        raise LeaveInvalid("leave too long", texts.leave_usage_named(
            f"Kỳ nghỉ dài quá {MAX_LEAVE_DAYS} ngày; nghỉ dài ngày đồng chí đề nghị quản trị viên giao lại "
            "nhiệm vụ trong danh bạ.", example=example))
    calendar = ctx.policy.calendar
    working = sum(1 for i in range((end - start).days + 1)
                  if calendar.is_working_day(start + dt.timedelta(days=i)))
    if (person.leave_from, person.leave_to) == (start, end) and \
            await ctx.db.run(_same_cover, person.leave_cover_id, cover_handle):
        # the same leave sent twice: nothing new, the colleague not told twice (probe 21, F11a)
        cover = await ctx.db.run(_cover_name, person.leave_cover_id)
        await conv.say(event, texts.leave_already_recorded(start, end, cover))
        return
    result = await ctx.db.run(set_leave, person_id=person.id, start=start, end=end,
                              cover_handle=cover_handle, now=ctx.clock.now())
    cover_name = result.cover.full_name if result.cover else None
    await conv.say(event, texts.leave_recorded(start, end, working, cover_name))
    if result.head is not None:
        await conv.notify(result.head, Outgoing(text=texts.leave_told_head(person.full_name, start, end, cover_name)))
    if result.cover is not None:
        held = await ctx.db.run(open_tasks_for, person)  # as the notice lists them
        refs = [t.item_ref for t in sorted(held, key=lambda t: (t.notice_id, t.position, t.id))]
        await conv.notify(result.cover, Outgoing(text=texts.leave_told_cover(person.full_name, start, end,
                                                                             result.cover.full_name, refs)))


def _of_unit(session: Session, handle: str, unit_id: int | None) -> bool:
    return session.scalar(select(Person.unit_id).where(Person.handle == handle)) == unit_id


def _same_cover(session: Session, cover_id: int | None, handle: str | None) -> bool:
    """Whether the colleague named now (`handle`, or nobody) is the one already recorded (`cover_id`)."""
    if handle is None or cover_id is None:
        return handle is None and cover_id is None
    cover = session.get(Person, cover_id)
    return cover is not None and cover.handle == handle


def _cover_name(session: Session, cover_id: int | None) -> str | None:
    cover = session.get(Person, cover_id) if cover_id is not None else None
    return cover.full_name if cover is not None else None


_DAY = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
# a leave said in words (marks stripped, lower case): "tôi nghỉ phép từ 4/5 đến 8/5, đ/c Thành làm thay", "em xin nghỉ
# từ ngày 4/5 đến hết ngày 8/5 ạ" (probe s43: "chưa hiểu", only /nghi worked)
TYPED_LEAVE = re.compile(rf"^\W*(?:(?:toi|em|minh)\s+)?(?:xin\s+)?(?:duoc\s+)?nghi(?:\s+phep|\s+om|\s+viec\s+rieng)?"
                         # (why, before the days: "nghỉ phép về quê ăn Tết từ 01/02 …" — probe 7, #39)
                         rf"(?:\s+(?!tu\b|ngay\b)[^\W\d_]+){{0,6}}?,?\s+"
                         rf"(?:tu\s+)?(?:ngay\s+)?(?P<start>{_DAY})\s*(?:den|toi|-|–)\s*(?:het\s+)?(?:ngay\s+)?"
                         rf"(?P<end>{_DAY})(?P<rest>[^\n]*)$")
# the colleague who covers, after the dates: ", đ/c Thành làm thay", "nhờ đồng chí Phạm Văn Thành theo dõi thay"
_COVER = re.compile(r"(?:d\s*/\s*c|dc|dong chi)\s+(?P<who>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)"
                    r"(?=\s*(?:lam thay|thay|theo doi thay|phu trach thay|giup|xu ly thay)\b)|(?P<handle>@\w+)")
_SOMEONE = re.compile(r"(?:^|\s)(?:d\s*/\s*c|dc|dong chi)\s|@")


async def typed_leave(conv: Conversation, event: TextIn, person: Person) -> bool:
    """A leave typed in words, read as `/nghi <start> <end> [colleague]`; False when the text is no such leave (or
    names a colleague the words do not make out: /nghi's own usage is the better answer then)."""
    said = nfc(event.text).strip()
    plain = strip_marks(said).lower()
    if len(plain) != len(said) or (m := TYPED_LEAVE.match(plain)) is None:
        return False
    rest = said[m.start("rest"):]
    cover = _COVER.search(strip_marks(rest).lower())
    if cover is None and _SOMEONE.search(strip_marks(rest).lower()):
        return False  # a colleague named in words not made out: not guessed (the reason alone is no colleague)
    who = rest[cover.start(cover.lastgroup):cover.end(cover.lastgroup)].split() if cover and cover.lastgroup else []
    days = [re.sub(r"\s+", "", said[m.start(g):m.end(g)]) for g in ("start", "end")]
    await leave(conv, event, [*days, *who], person)
    return True
