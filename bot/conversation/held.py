"""The messages held outside working hours (`Conversation.notify`), sent by the tick once the working morning comes:
the same text and buttons; what a reply to one is about recorded as the immediate message would have been; one no
longer needed (its extension request decided, its question answered, its person gone) is dropped; rows sent or
dropped weeks ago are deleted by the same tick (`storage.held.prune_held`). The replies refused by flood control in a
handler (`Conversation.send`) are sent here too, once their chat's ban ends, at any hour, with their chart or
workbook. Rows are claimed with a lease and a fencing token: the lease of the pass's rows not yet sent is renewed once
a third of it has gone, a row another worker took meanwhile is not sent, and an outcome is written only while the
claim is still this worker's."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot import texts
from bot.conversation.events import Action, Document, Outgoing
from scheduler.dispatcher import RateLimited, SendError
from storage.digests import send_pauses
from storage.held import (
    HELD_LEASE,
    Held,
    claim_held,
    finish_held,
    pause_refused,
    prune_held,
    renew_held,
    sending_held,
)
from storage.models import Person, Question, Role
from storage.questions import shown_to_admin
from storage.tasks import extension_request, remember_extension_message, remember_task_message

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)


def _still_needed(session: Session, held: Held, day: dt.date) -> tuple[Person, Held] | None:
    """The person to send `held` to on `day` and the row as it goes, or None when it is no longer worth sending. A
    task's update copied to a head who went on leave after it was held goes to the colleague covering that day, with
    the line saying so (fix38 F5 re-routed only those written once the leave was known); with nobody covering (or
    the writer covering), not sent, as an update written that morning would not be."""
    person = session.get(Person, held.person_id)
    if person is None or person.role == Role.LEFT:
        return None
    if held.to is None and held.remember_kind == "update" and person.on_leave(day):
        cover = session.get(Person, person.leave_cover_id) if person.leave_cover_id else None
        if cover is None or cover.role == Role.LEFT or cover.on_leave(day) or \
                held.text.startswith(f"Đ/c {cover.full_name} "):  # (the writer covering: it is their own update)
            return None
        held = replace(held, text=texts.covering_line(person.full_name) + "\n" + held.text)
        person = cover
    if held.remember_kind == "extension" and held.remember_id is not None and \
            extension_request(session, held.remember_id).decision != "pending":
        return None  # decided (or withdrawn) overnight: its buttons would only say so
    if held.remember_kind == "question" and held.remember_id is not None:
        question = session.get(Question, held.remember_id)
        if question is None or question.answer is not None:
            return None
    session.expunge(person)
    return person, held


async def send_held(conv: Conversation, *, refused_only: bool = False, to: tuple[str, str] | None = None) -> int:
    """Send the held messages now due; returns how many went out. Those held for working hours only in working time;
    those refused by flood control (`Held.to`) at any hour, to their chat, once neither the chat nor its channel is
    paused: a chat refused again is held anew until its new ban ends (no attempt counted), and so are its later
    parts, so a reply's parts arrive in order and none twice. `refused_only`: only those (the tick's pass before
    the digests: a person's answer does not wait behind the morning's burst); `to`: only those to that chat (before
    a new message there, `Conversation.send`)."""
    ctx = conv.ctx
    now = ctx.clock.now()
    working = ctx.policy.calendar.is_working_time(now)
    if refused_only or not working:
        refused_only = True
    sent_count = 0
    pauses: dict[tuple[str, str], dt.datetime] | None = None
    claimed = await ctx.db.run(claim_held, now=now, refused_only=refused_only, to=to)
    renewed_at, lost = now, set[int]()
    for index, held in enumerate(claimed):
        if ctx.clock.now() - renewed_at >= HELD_LEASE / 3:  # (a long pass, or a stall): the rest renewed at once
            renewed_at = ctx.clock.now()
            rest = [h for h in claimed[index:] if h.id not in lost]
            kept = await ctx.db.run(renew_held, rest, now=renewed_at)
            if taken := {h.id for h in rest} - kept:
                log.warning("held messages %s: lease lost (another worker has them); not sent", sorted(taken))
                lost |= taken
        if held.id in lost:
            continue
        needed = await ctx.db.run(_still_needed, held, ctx.policy.calendar.local(now).date())
        person, held = needed if needed is not None else (None, held)
        if held.to is not None:  # a reply goes to the chat it answers
            address = held.to if held.to[0] in conv.channels else None
        else:
            address = conv.address_of(person) if person is not None else None
        if person is None or address is None:
            log.info("held message %s dropped (no longer needed or unreachable)", held.id)
            await ctx.db.run(finish_held, held, now=now, done=True)
            continue
        if held.to is not None:
            if pauses is None:  # (read once a pass, and only when a refused message is due)
                pauses = await ctx.db.run(send_pauses, now=now)
            until = max((u for key, u in pauses.items() if key in (held.to, (held.to[0], "")) and u > now),
                        default=None)
            if until is not None:  # still banned (or refused again earlier in this pass): after the ban
                await ctx.db.run(finish_held, held, now=now, done=False, later=until)
                continue
        if not await ctx.db.run(sending_held, held, now=ctx.clock.now()):  # (its request may go out from now on)
            log.warning("held message %s: lease lost (another worker has it); not sent", held.id)
            lost.add(held.id)
            continue
        try:
            message_id = await _send_one(conv, held, address)
        except RateLimited as exc:
            if held.to is None or pauses is None:  # (waited out a few times already)
                log.warning("held message %s to %s not sent: %s", held.id, person.handle, exc)
                await ctx.db.run(finish_held, held, now=now, done=False)
                continue
            until = ctx.clock.now() + dt.timedelta(seconds=exc.retry_after)
            log.info("held message %s to %s refused again by flood control: held until %s", held.id,
                     person.handle, until.isoformat())
            pauses[(held.to[0], "") if exc.whole_channel else held.to] = until
            await ctx.db.run(_refused_again, held, held.to, until, exc.whole_channel, now)
            continue
        except SendError as exc:
            log.warning("held message %s to %s not sent: %s", held.id, person.handle, exc)
            await ctx.db.run(finish_held, held, now=now, done=False)
            if held.to is not None and pauses is not None:  # its later parts wait for the next tick
                pauses[held.to] = now + dt.timedelta(microseconds=1)
            continue
        if not await ctx.db.run(_sent, held, person.id, address[0], address[1], message_id, now):
            log.warning("held message %s sent, but another worker had taken it meanwhile", held.id)
        sent_count += 1
    if working and not refused_only and (pruned := await ctx.db.run(prune_held, now=now)):
        log.info("%d held messages sent or given up weeks ago deleted", pruned)  # (the table stays small)
    return sent_count


async def _send_one(conv: Conversation, held: Held, address: tuple[str, str]) -> str | None:
    """Send one held row (a refused one: a 429 goes up at once); the channel's id for it."""
    if held.file is None:
        actions = tuple(tuple(Action(label=a[0], typed=a[1], data=a[2]) for a in row) for row in held.actions)
        return (await conv.send(address[0], address[1], Outgoing(text=held.text, actions=actions),
                                wait_flood=held.to is None)).last_id
    ch = conv.channel(address[0])
    document = Document(data=held.file.data, filename=held.file.filename, caption=held.text)
    call = partial(ch.send_picture if held.file.kind == "picture" else ch.send_document, address[1], document)
    return await conv.send_one(call, address[0], address[1], patient=True, wait_flood=held.to is None)


def _refused_again(session: Session, held: Held, to: tuple[str, str], until: dt.datetime, whole_channel: bool,
                   now: dt.datetime) -> None:
    pause_refused(session, to, until=until, whole_channel=whole_channel)
    finish_held(session, held, now=now, done=False, later=until)


def _sent(session: Session, held: Held, person_id: int, channel: str, chat_id: str, message_id: str | None,
          now: dt.datetime) -> bool:
    if not finish_held(session, held, now=now, done=True):
        return False
    if message_id is None or held.remember_id is None:
        return True
    if held.remember_kind in ("task", "update"):  # (an update copied to the head: a reply is about that task too)
        remember_task_message(session, task_id=held.remember_id, channel=channel, chat_id=chat_id,
                              message_id=message_id, now=now)
    elif held.remember_kind == "question":
        shown_to_admin(session, held.remember_id, chat_id=chat_id, message_id=message_id)
    elif held.remember_kind == "extension":
        remember_extension_message(session, report_id=held.remember_id, person_id=person_id, channel=channel,
                                   chat_id=chat_id, message_id=message_id, now=now)
    return True
