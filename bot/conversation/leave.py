"""/nghi: a person's leave. No digest on those days (a named colleague gets it instead);
their head is told; reminders resume after, from that morning's state (nothing piles up).

    /nghi 01/12 05/12            on leave from 1 to 5 December
    /nghi 01/12 05/12 @handle    … and @handle covers meanwhile
    /nghi hủy                    back before the end"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Outgoing, TextIn
from bot.datetext import WhenUnclear, parse_when
from storage.directory import set_leave
from storage.errors import LeaveInvalid
from storage.models import Person
from storage.tasks import open_tasks_for
from storage.vntext import strip_marks

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

MAX_LEAVE_DAYS = 60  # longer absences are a directory change (someone else heads the unit), not a leave


def _day(conv: Conversation, text: str) -> dt.date:
    try:
        return parse_when(text, now=conv.ctx.clock.now(), calendar=conv.ctx.policy.calendar).date
    except WhenUnclear as exc:
        raise LeaveInvalid(f"bad leave date {text!r}", texts.leave_usage(f"Không hiểu ngày “{text}”.")) from exc


async def leave(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if args and strip_marks(args[0]).lower() in ("huy", "thoi", "ket thuc"):
        await ctx.db.run(set_leave, person_id=person.id, start=None, end=None, cover_handle=None, now=ctx.clock.now())
        await conv.say(event, texts.LEAVE_ENDED)
        return
    dates = [a for a in args if not a.startswith("@")]
    covers = [a.lstrip("@") for a in args if a.startswith("@")]
    if len(dates) != 2 or len(covers) > 1:
        await conv.say(event, texts.leave_usage())
        return
    today = ctx.today()
    start, end = _day(conv, dates[0]), _day(conv, dates[1])
    if end < start:
        raise LeaveInvalid("leave reversed", texts.leave_usage("Ngày kết thúc đứng trước ngày bắt đầu."))
    if end < today:
        raise LeaveInvalid("leave in the past", texts.leave_usage("Kỳ nghỉ này đã qua."))
    if (end - start).days + 1 > MAX_LEAVE_DAYS:
        raise LeaveInvalid("leave too long", texts.leave_usage(
            f"Kỳ nghỉ dài quá {MAX_LEAVE_DAYS} ngày; nghỉ dài ngày đồng chí đề nghị quản trị viên giao lại "
            "nhiệm vụ trong danh bạ."))
    calendar = ctx.policy.calendar
    working = sum(1 for i in range((end - start).days + 1)
                  if calendar.is_working_day(start + dt.timedelta(days=i)))
    result = await ctx.db.run(set_leave, person_id=person.id, start=start, end=end,
                              cover_handle=covers[0] if covers else None, now=ctx.clock.now())
    cover_name = result.cover.full_name if result.cover else None
    await conv.say(event, texts.leave_recorded(start, end, working, cover_name))
    if result.head is not None:
        await conv.notify(result.head, Outgoing(text=texts.leave_told_head(person.full_name, start, end, cover_name)))
    if result.cover is not None:
        refs = [t.item_ref for t in await ctx.db.run(open_tasks_for, person)]
        await conv.notify(result.cover, Outgoing(text=texts.leave_told_cover(person.full_name, start, end,
                                                                             result.cover.full_name, refs)))
