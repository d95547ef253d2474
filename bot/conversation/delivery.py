"""/loi (admins): the morning digests that could not be delivered, or whose delivery is unknown
(a timeout after the message may have reached the person), the tasks nobody is reminded of, and who is reminded
weekly only for not answering, then the move requests and questions waiting on the office (storage/waiting.py).
Also the held messages (a reply refused by flood control, a copy held for working hours) whose worker stalled or
died just as they went out (`storage.held.stalled_held`). `/loi gui N` (`TN` for a held message) sends one again
once the admin has checked it did not arrive; `/loi xong N` records it delivered once they checked it did."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import select

from bot import texts
from bot.conversation.events import TextIn
from scheduler.dispatcher import OfficeLine, weekly_cadence
from storage.digests import problem_digests, resend_digest, settle_digest
from storage.errors import NotAllowed
from storage.held import resend_held, settle_held, stalled_held
from storage.models import OPEN_STATUSES, Notice, NoticeStatus, Person, Role, Task
from storage.notices import notice_title, unheld_tasks
from storage.vntext import strip_marks
from storage.waiting import waiting_on_office

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.conversation.core import Conversation


RESEND = ("gui", "guilai")  # /loi gui N: not delivered, send again
SETTLE = ("xong", "daden", "den", "nhan", "danhan", "roi", "danhanduoc", "nhanduoc")  # /loi xong N: it arrived


def held_by_nobody(session: Session) -> list[texts.UnheldRow]:
    """The open tasks nobody holds (`unheld_tasks`) by notice, then by unit as written: each notice named short,
    with its other item numbers (a run "mục 1–3" is said only over items none left out)."""
    rows: dict[tuple[int, str], texts.UnheldRow] = {}
    known: dict[int, list[str]] = {}
    for task in unheld_tasks(session):
        if task.notice_id not in known:
            known[task.notice_id] = list(session.scalars(select(Task.item_ref).where(Task.notice_id == task.notice_id)
                                                         .order_by(Task.id)))
        row = rows.setdefault((task.notice_id, task.lead_name), texts.UnheldRow(
            unit=task.lead_name, refs=[], notice=texts.notice_label(task.notice.number, notice_title(task.notice)),
            known=known[task.notice_id]))
        row.refs.append(task.item_ref)
    return list(rows.values())


def held_by_unconnected(session: Session) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Open tasks of confirmed notices whose holder has no chat with the bot (never opened an invite): (the person,
    their handle, each item with its notice named short) — nobody is reminded of those either."""
    by_person: dict[int, tuple[str, str, list[tuple[str, str]]]] = {}
    for task, person in session.execute(
            select(Task, Person).join(Notice, Notice.id == Task.notice_id).join(Person, Person.id == Task.assignee_id)
            .where(Person.telegram_chat_id.is_(None), Person.zalo_user_id.is_(None), Person.role != Role.LEFT,
                   Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
            .order_by(Task.id)):
        notice = texts.notice_label(task.notice.number, notice_title(task.notice))
        by_person.setdefault(person.id, (person.full_name, person.handle, []))[2].append((task.item_ref, notice))
    return list(by_person.values())


async def problems(conv: Conversation, event: TextIn, args: list[str], person: Person) -> None:
    ctx = conv.ctx
    if not person.is_admin:
        raise NotAllowed(person.handle, "see delivery problems")
    words = [w.strip("“”\"'.,;:") for w in args]
    number = words[-1] if len(words) >= 2 else ""
    held = number[:1] in ("t", "T") and number[1:].isdigit()
    numbered = number.isdigit() or held
    verb = "".join(strip_marks(w).lower() for w in (words[:-1] if numbered else words))
    if verb in RESEND or verb in SETTLE:
        if not numbered:
            await conv.say(event, texts.delivery_verb_number("gui" if verb in RESEND else "xong"))
            return
        now = ctx.clock.now()
        if verb in RESEND and held:
            row = await ctx.db.run(resend_held, int(number[1:]), by=person, now=now)
            await conv.say(event, texts.resend_queued(f"T{row.id}", message=True))
        elif verb in RESEND:
            digest = await ctx.db.run(resend_digest, int(number), by=person, now=now)
            await conv.say(event, texts.resend_queued(digest.id))
        elif held:
            row = await ctx.db.run(settle_held, int(number[1:]), by=person, now=now)
            await conv.say(event, texts.delivery_settled(f"T{row.id}", message=True))
        else:
            digest = await ctx.db.run(settle_digest, int(number), by=person, now=now)
            await conv.say(event, texts.delivery_settled(digest.id))
        return
    now = ctx.clock.now()
    rows = await ctx.db.run(problem_digests, since=ctx.today() - dt.timedelta(days=14), now=now)
    stalled = await ctx.db.run(stalled_held, now=now, since=now - dt.timedelta(days=14))
    nobody = await ctx.db.run(held_by_nobody)
    unconnected = await ctx.db.run(held_by_unconnected)
    weekly = await ctx.db.run(weekly_cadence, policy=ctx.policy, today=ctx.today())
    local = ctx.policy.calendar.local
    office = [OfficeLine(what=w.what, ref=w.ref, unit=w.unit, since=local(w.since).date(), to=w.to, text=w.text)
              for w in await ctx.db.run(waiting_on_office, ctx.today())
              if w.what != "nobody"]  # (those are listed above)
    await conv.say(event, texts.delivery_problems([(p.digest_id, p.day, p.person, str(p.state), p.error)
                                                   for p in rows], nobody, unconnected,
                                                  [(q.name, q.unit, q.since) for q in weekly],
                                                  quiet_after=ctx.policy.quiet_after_working_days,
                                                  weekly_on=ctx.policy.weekly_on, office=office,
                                                  held=[(f"T{m.id}", local(m.at).date(), m.person, m.text)
                                                        for m in stalled]))
