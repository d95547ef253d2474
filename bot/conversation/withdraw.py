"""/huy: an admin withdraws a confirmed notice, or one task of it, with a reason. The tasks
are cancelled (kept in the history and the reports), the digests leave them out from the
next morning, and each assignee is told once.

    /huy 45/TB-UBND lý do: đã được thay thế bằng Thông báo 52/TB-UBND
    /huy 45/TB-UBND mục 2.1 lý do: đơn vị khác thực hiện
    /huy 45/TB-UBND mục 2.1 UBND xã X lý do: …   only that unit's share of an item several units hold
    /huy #12 …                    by the notice's number in Nhắc việc (a notice without a number)
    /huy                          the syntax and the newest notices with their #N"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import texts
from bot.conversation.events import Outgoing, TextIn
from bot.conversation.status import tell_moot
from storage.directory import person_by_id
from storage.errors import NotAllowed, WithdrawalInvalid
from storage.models import Person
from storage.notices import find_confirmed, notice_choices, recent_notices, withdraw
from storage.tasks import MootRequest, close_moot_requests

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

# "/huy 45/TB-UBND mục 2.1 [của] UBND xã X lý do: …": one unit's share of an item several units hold
SYNTAX = re.compile(r"^(?P<number>\S+)(?:\s+m[uụ]c\s+(?P<ref>[\w.]+?)(?:\s+(?:(?:của|cua)\s+)?"
                    r"(?P<unit>(?!l[ýy]\s*do\b)[^:]+?))?)?\s*(?:(?:l[ýy]\s*do)\s*:?\s*(?P<reason>.+))?$", re.I | re.S)


async def withdraw_command(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if not person.is_admin:
        raise NotAllowed(person.handle, "withdraw a notice")
    m = SYNTAX.match(" ".join(args))
    if not args or m is None:  # the syntax, and the newest notices with their #N to name them by
        await conv.say(event, texts.withdraw_usage(await ctx.db.run(recent_notices)))
        return
    if not (m.group("reason") or "").strip():
        raise WithdrawalInvalid("no reason", texts.WITHDRAW_NEEDS_REASON)
    notices = await ctx.db.run(find_confirmed, m.group("number"))
    if not notices:
        recent = await ctx.db.run(recent_notices)
        raise WithdrawalInvalid(f"no notice {m.group('number')!r}", texts.no_such_notice(m.group("number"), recent))
    if len(notices) > 1:  # each with its subject, date and item count, to choose by
        choices = await ctx.db.run(notice_choices, [n.id for n in notices])
        await conv.say(event, texts.several_notices(m.group("number"), choices))
        return
    ref = m.group("ref").rstrip(".") if m.group("ref") else None
    result = await ctx.db.run(withdraw, notices[0].id, item_ref=ref, reason=m.group("reason").strip(), by=person,
                              now=ctx.clock.now(), unit_words=(m.group("unit") or "").strip() or None)
    shown = result.refs[0] if ref is not None and len(set(result.refs)) == 1 else ref  # "mục 2" found as "II.2"
    moots: list[MootRequest] = []  # requests nobody decided: closed, their requesters told once (session 22)
    for task_id in result.task_ids:
        moots += await ctx.db.run(close_moot_requests, task_id, why="cancelled", by=person, now=ctx.clock.now())
    said = texts.withdrawn_text(result.title, shown, result.refs, result.reason, units=result.units,
                                shared_by=result.shared_by)
    if others := [m for m in moots if m.requester_id != person.id]:
        said += "\n" + texts.moot_line(others, own=False)
    await conv.say(event, said)
    told: set[int] = set()
    for person_id, refs in result.assignees.items():
        assignee = await ctx.db.run(person_by_id, person_id)
        told_them = texts.withdrawn_told(assignee.full_name, result.title, refs, result.reason)
        if theirs := [m for m in moots if m.requester_id == person_id]:
            told_them += "\n" + texts.moot_line(theirs, own=True)
        told.add(person_id)
        await conv.notify(assignee, Outgoing(text=told_them))
    if moots:
        await tell_moot(conv, moots, "cancelled", actor=person, told=told, reason=result.reason)
