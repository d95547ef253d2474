"""The messages held outside working hours (`Conversation.notify`), sent by the tick once the working morning comes:
the same text and buttons; what a reply to one is about recorded as the immediate message would have been; one no
longer needed (its extension request decided, its question answered, its person gone) is dropped; rows sent or
dropped weeks ago are deleted by the same tick (`storage.held.prune_held`)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.conversation.events import Action, Outgoing
from scheduler.dispatcher import SendError
from storage.held import Held, claim_held, finish_held, prune_held
from storage.models import Person, Question, Role
from storage.questions import shown_to_admin
from storage.tasks import extension_request, remember_extension_message, remember_task_message

if TYPE_CHECKING:
    from bot.conversation.core import Conversation

log = logging.getLogger(__name__)


def _still_needed(session: Session, held: Held) -> Person | None:
    """The person to send `held` to, or None when it is no longer worth sending."""
    person = session.get(Person, held.person_id)
    if person is None or person.role == Role.LEFT:
        return None
    if held.remember_kind == "extension" and held.remember_id is not None and \
            extension_request(session, held.remember_id).decision != "pending":
        return None  # decided (or withdrawn) overnight: its buttons would only say so
    if held.remember_kind == "question" and held.remember_id is not None:
        question = session.get(Question, held.remember_id)
        if question is None or question.answer is not None:
            return None
    session.expunge(person)
    return person


async def send_held(conv: Conversation) -> int:
    """Send the held messages now due (only in working time); returns how many went out."""
    ctx = conv.ctx
    now = ctx.clock.now()
    if not ctx.policy.calendar.is_working_time(now):
        return 0
    sent_count = 0
    for held in await ctx.db.run(claim_held, now=now):
        person = await ctx.db.run(_still_needed, held)
        address = conv.address_of(person) if person is not None else None
        if person is None or address is None:
            log.info("held message %s dropped (no longer needed or unreachable)", held.id)
            await ctx.db.run(finish_held, held.id, now=now, done=True)
            continue
        actions = tuple(tuple(Action(label=a[0], typed=a[1], data=a[2]) for a in row) for row in held.actions)
        try:
            sent = await conv.send(address[0], address[1], Outgoing(text=held.text, actions=actions))
        except SendError as exc:
            log.warning("held message %s to %s not sent: %s", held.id, person.handle, exc)
            await ctx.db.run(finish_held, held.id, now=now, done=False)
            continue
        await ctx.db.run(_sent, held, person.id, sent.channel, sent.chat_id, sent.last_id, now)
        sent_count += 1
    if pruned := await ctx.db.run(prune_held, now=now):  # (the sent rows of weeks ago: the table stays small)
        log.info("%d held messages sent or given up weeks ago deleted", pruned)
    return sent_count


def _sent(session: Session, held: Held, person_id: int, channel: str, chat_id: str, message_id: str | None,
          now: dt.datetime) -> None:
    finish_held(session, held.id, now=now, done=True)
    if message_id is None or held.remember_id is None:
        return
    if held.remember_kind == "task":
        remember_task_message(session, task_id=held.remember_id, channel=channel, chat_id=chat_id,
                              message_id=message_id, now=now)
    elif held.remember_kind == "question":
        shown_to_admin(session, held.remember_id, chat_id=chat_id, message_id=message_id)
    elif held.remember_kind == "extension":
        remember_extension_message(session, report_id=held.remember_id, person_id=person_id, channel=channel,
                                   chat_id=chat_id, message_id=message_id, now=now)
