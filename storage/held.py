"""Messages held for working hours: a copy to a third person triggered on an evening, a weekend or a holiday is a
row that the next working morning's tick claims (with a lease, as digests are), sends and marks sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from storage.models import HeldMessage

HELD_LEASE = dt.timedelta(minutes=5)  # a claimed row another worker may take again after this (the sender died)
HELD_ATTEMPTS = 3  # sends tried before a held message is given up (logged)
HELD_KEPT = dt.timedelta(weeks=4)  # a sent, dropped or given-up row is deleted this long after (`prune_held`)


@dataclass(frozen=True, kw_only=True)
class Held:
    id: int
    person_id: int
    text: str
    actions: list[Any]  # rows of [label, typed, data]
    remember_kind: str | None
    remember_id: int | None


def hold_message(session: Session, *, person_id: int, text: str, actions: list[Any], remember: tuple[str, int] | None,
                 now: dt.datetime, due_at: dt.datetime) -> int:
    row = HeldMessage(person_id=person_id, text=text, actions=actions, created_at=now, due_at=due_at, attempts=0,
                      remember_kind=remember[0] if remember else None, remember_id=remember[1] if remember else None)
    session.add(row)
    session.flush()
    return row.id


def claim_held(session: Session, *, now: dt.datetime) -> list[Held]:
    """The held messages due by `now`, in the order they were written, leased to this worker."""
    rows = list(session.scalars(
        select(HeldMessage).where(HeldMessage.due_at <= now, HeldMessage.sent_at.is_(None),
                                  HeldMessage.attempts < HELD_ATTEMPTS,
                                  or_(HeldMessage.claimed_until.is_(None), HeldMessage.claimed_until < now))
        .order_by(HeldMessage.id).with_for_update(skip_locked=True)))
    for row in rows:
        row.claimed_until = now + HELD_LEASE
    return [Held(id=r.id, person_id=r.person_id, text=r.text, actions=list(r.actions or []),
                 remember_kind=r.remember_kind, remember_id=r.remember_id) for r in rows]


def finish_held(session: Session, held_id: int, *, now: dt.datetime, done: bool) -> None:
    """`done`: sent (or dropped as no longer needed); else one attempt more, tried again at the next tick."""
    row = session.get_one(HeldMessage, held_id)
    if done:
        row.sent_at = now
    else:
        row.attempts += 1
    row.claimed_until = None


def prune_held(session: Session, *, now: dt.datetime) -> int:
    """Delete the held messages sent or dropped more than HELD_KEPT ago, and those given up (HELD_ATTEMPTS failed
    sends) that long after they were due: kept a few weeks to read back in a log hunt, then gone (nothing else reads
    them). Run by each working tick's `bot.conversation.held.send_held`. The number of rows deleted."""
    cutoff = now - HELD_KEPT
    result = session.execute(delete(HeldMessage).where(or_(
        HeldMessage.sent_at < cutoff,
        and_(HeldMessage.sent_at.is_(None), HeldMessage.attempts >= HELD_ATTEMPTS, HeldMessage.due_at < cutoff))))
    return int(getattr(result, "rowcount", 0) or 0)
