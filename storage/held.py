"""Messages held for working hours: a copy to a third person triggered on an evening, a weekend or a holiday is a
row that the next working morning's tick claims (with a lease and a fencing token, as digests are), sends and marks
sent. Also a handler's message refused by flood control (`hold_refused`): its parts not sent — text, and the chart
or workbook that went with it —, a row each, due when the chat's ban ends (the pause stored for every worker,
`storage.digests.pause_chat`), sent to that chat by the next tick at any hour. The person's `replies_held` says such
rows may wait, so that any worker's next reply to them goes after them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, delete, exists, func, or_, select, tuple_, update
from sqlalchemy.orm import Session, defer

from storage.audit import audit
from storage.digests import pause_channel, pause_chat, send_pauses
from storage.directory import person_by_address
from storage.errors import NhacViecError
from storage.models import HeldMessage, Person

HELD_LEASE = dt.timedelta(minutes=5)  # a claimed row another worker may take again after this (the sender died)
HELD_ATTEMPTS = 3  # sends tried before a held message is given up (logged)
HELD_KEPT = dt.timedelta(weeks=4)  # a sent, dropped or given-up row is deleted this long after (`prune_held`)


@dataclass(frozen=True, kw_only=True)
class HeldFile:
    kind: str  # "picture" (a chart shown inline) or "document" (a workbook)
    filename: str
    data: bytes


@dataclass(frozen=True, kw_only=True)
class Held:
    id: int
    person_id: int
    text: str
    actions: list[Any]  # rows of [label, typed, data]
    remember_kind: str | None
    remember_id: int | None
    to: tuple[str, str] | None = None  # (channel, chat id): a message refused by flood control, sent to that chat
    token: int = 0  # the claim's fencing token: the outcome is written only while it is still the row's
    file: HeldFile | None = None  # a picture or file (its caption is `text`) instead of a text message


def hold_message(session: Session, *, person_id: int, text: str, actions: list[Any], remember: tuple[str, int] | None,
                 now: dt.datetime, due_at: dt.datetime, to: tuple[str, str] | None = None,
                 file: HeldFile | None = None) -> int:
    row = HeldMessage(person_id=person_id, text=text, actions=actions, created_at=now, due_at=due_at, attempts=0,
                      remember_kind=remember[0] if remember else None, remember_id=remember[1] if remember else None,
                      channel=to[0] if to else None, chat_id=to[1] if to else None, claim_token=0,
                      file_kind=file.kind if file else None, file_name=file.filename if file else None,
                      file_data=file.data if file else None)
    session.add(row)
    session.flush()
    return row.id


def hold_refused(session: Session, *, channel: str, chat_id: str,
                 parts: list[tuple[str, list[Any], HeldFile | None]], remember: tuple[str, int] | None,
                 now: dt.datetime, retry_at: dt.datetime, whole_channel: bool = False,
                 refused: bool = True) -> dt.datetime | None:
    """Flood control refused a handler's message to `chat_id` on `channel` until `retry_at`: hold that chat (the
    whole channel if it said so) for every worker, and keep `parts` (text or caption, action rows, the picture or
    file if it is one: the parts not sent, in order; `remember` goes with the last text) to be sent once the ban
    ends — or once a longer pause already stored for the chat or the channel ends. When they go out (None: the chat
    is nobody's, nothing held). `refused` False: not refused itself, only kept behind the chat's earlier ones still
    waiting (due `retry_at`, nothing paused). The person is marked (`replies_held`) for every worker's next reply."""
    person = person_by_address(session, channel, chat_id)
    if person is None:
        return None
    # the mark first, as a statement even when it is set already: it locks the person's row until this transaction
    # ends, so a worker clearing the mark meanwhile (`_settle`) waits and then sees the rows written below
    session.execute(update(Person).where(Person.id == person.id).values(replies_held=True)
                    .execution_options(synchronize_session=False))
    if refused:
        pause_refused(session, (channel, chat_id), until=retry_at, whole_channel=whole_channel)
    pauses = send_pauses(session, now=now)
    due = max([retry_at, *(u for key, u in pauses.items() if key in ((channel, chat_id), (channel, "")))])
    last_text = max((i for i, part in enumerate(parts) if part[2] is None), default=None)
    for index, (text, actions, file) in enumerate(parts):
        hold_message(session, person_id=person.id, text=text, actions=actions, now=now, due_at=due,
                     to=(channel, chat_id), remember=remember if index == last_text else None, file=file)
    return due


def pause_refused(session: Session, to: tuple[str, str], *, until: dt.datetime, whole_channel: bool) -> None:
    """Flood control's ban for every worker: the chat `to`, or its whole channel when the channel said so."""
    if whole_channel:
        pause_channel(session, to[0], until=until)
    else:
        pause_chat(session, to[0], to[1], until=until)


def claim_held(session: Session, *, now: dt.datetime, refused_only: bool = False,
               to: tuple[str, str] | None = None) -> list[Held]:
    """The held messages due by `now`, in the order they were written, leased to this worker. `refused_only`: only
    those refused by flood control (outside working hours, or before the digests); `to`: only those to that chat."""
    query = select(HeldMessage).where(HeldMessage.due_at <= now, HeldMessage.sent_at.is_(None),
                                      HeldMessage.attempts < HELD_ATTEMPTS, HeldMessage.sending_at.is_(None),
                                      or_(HeldMessage.claimed_until.is_(None), HeldMessage.claimed_until < now))
    if refused_only:
        query = query.where(HeldMessage.chat_id.is_not(None))
    if to is not None:
        query = query.where(HeldMessage.channel == to[0], HeldMessage.chat_id == to[1])
    rows = list(session.scalars(query.order_by(HeldMessage.id).with_for_update(skip_locked=True)))
    for row in rows:
        row.claimed_until = now + HELD_LEASE
        row.claim_token += 1
    return [Held(id=r.id, person_id=r.person_id, text=r.text, actions=list(r.actions or []),
                 remember_kind=r.remember_kind, remember_id=r.remember_id,
                 to=(r.channel, r.chat_id) if r.channel and r.chat_id else None, token=r.claim_token,
                 file=HeldFile(kind=r.file_kind, filename=r.file_name or "", data=bytes(r.file_data or b""))
                 if r.file_kind else None) for r in rows]


def renew_held(session: Session, claims: list[Held], *, now: dt.datetime) -> set[int]:
    """Extend the lease of every claim still this worker's (token unchanged, not finished) in one statement; the ids
    of those. A worker that overran its lease learns here which rows another took (it must not send them)."""
    if not claims:
        return set()
    return set(session.scalars(
        update(HeldMessage).where(tuple_(HeldMessage.id, HeldMessage.claim_token).in_([(c.id, c.token)
                                                                                        for c in claims]),
                                  HeldMessage.sent_at.is_(None))
        .values(claimed_until=now + HELD_LEASE).returning(HeldMessage.id)
        .execution_options(synchronize_session=False)).all())


def sending_held(session: Session, held: Held, *, now: dt.datetime) -> bool:
    """Mark `held` as going out now, just before its request (one statement, only while the claim is this worker's:
    False, nothing written, when another worker took the row). A marked row is never claimed again: if this worker
    stalls past its lease or dies before `finish_held`, the message may have reached the person, and is not sent a
    second time: once its lease has run out, `/loi` lists it (`stalled_held`) for an admin to decide."""
    return session.execute(
        update(HeldMessage).where(HeldMessage.id == held.id, HeldMessage.claim_token == held.token,
                                  HeldMessage.sent_at.is_(None))
        .values(sending_at=now).returning(HeldMessage.id).execution_options(synchronize_session=False)
    ).first() is not None


@dataclass(frozen=True, kw_only=True)
class StalledHeld:
    """A held message marked going out (`sending_at`) whose worker stalled past its lease or died before writing
    the outcome: it may or may not have reached `person`. Never sent again by itself; `/loi` lists it for an admin."""
    id: int
    person: str
    at: dt.datetime  # when its request was about to go out
    text: str


def _stalled(now: dt.datetime) -> Any:
    return and_(HeldMessage.sending_at.is_not(None), HeldMessage.sent_at.is_(None),
                or_(HeldMessage.claimed_until.is_(None), HeldMessage.claimed_until < now))


def stalled_held(session: Session, *, now: dt.datetime, since: dt.datetime) -> list[StalledHeld]:
    """The held messages marked going out since `since` whose worker's lease ran out by `now` without an outcome
    (oldest first): an admin decides (`resend_held`) whether they reached their person."""
    rows = session.execute(select(HeldMessage.id, Person.full_name, HeldMessage.sending_at, HeldMessage.text)
                           .join(Person, Person.id == HeldMessage.person_id)
                           .where(_stalled(now), HeldMessage.sending_at >= since).order_by(HeldMessage.id)).all()
    return [StalledHeld(id=r[0], person=r[1], at=r[2] or now, text=r[3] or "") for r in rows]


def _awaiting_decision(session: Session, held_id: int, *, now: dt.datetime) -> HeldMessage:
    """The held message `held_id`, locked, if `stalled_held` lists it (marked going out, no outcome, its worker's
    lease run out); else refused with the admin's message."""
    row = session.get(HeldMessage, held_id, with_for_update=True, options=[defer(HeldMessage.file_data)])
    if row is None or row.sent_at is not None or row.sending_at is None or \
            (row.claimed_until is not None and row.claimed_until >= now):
        raise NhacViecError(f"held message {held_id} is not waiting for a decision",
                            f"Không có tin nhắn số T{held_id} đang chờ xử lý (gõ /loi để xem danh sách).")
    return row


def resend_held(session: Session, held_id: int, *, by: Person, now: dt.datetime) -> HeldMessage:
    """An admin checked that the held message `held_id` (`stalled_held`) did not arrive: due now again, for the next
    pass to send. Its claim token moves on, so the stalled worker, if it comes back, writes nothing on it; a refused
    reply marks its person again (`replies_held`), so their next reply goes after it."""
    row = _awaiting_decision(session, held_id, now=now)
    row.sending_at = row.claimed_until = None
    row.due_at, row.attempts = now, 0
    row.claim_token += 1
    if row.chat_id is not None:
        session.execute(update(Person).where(Person.id == row.person_id).values(replies_held=True)
                        .execution_options(synchronize_session=False))
    audit(session, at=now, actor_id=by.id, action="held.resend", entity="held_message", entity_id=row.id)
    return row


def settle_held(session: Session, held_id: int, *, by: Person, now: dt.datetime) -> HeldMessage:
    """An admin checked that the held message `held_id` (`stalled_held`) did reach its person: recorded sent (at the
    time it went out), never sent again and no longer listed by `/loi`. Its claim token moves on, so the stalled
    worker, if it comes back, writes nothing on it; its person's mark (`replies_held`) is cleared if nothing else of
    theirs waits."""
    row = _awaiting_decision(session, held_id, now=now)
    row.sent_at, row.claimed_until = row.sending_at, None
    row.file_data = None  # (sent: the row stays a few weeks for a log hunt, the bytes need not)
    row.claim_token += 1
    if row.chat_id is not None:
        session.flush()
        _settle(session, row.person_id)
    audit(session, at=now, actor_id=by.id, action="held.settled", entity="held_message", entity_id=row.id)
    return row


# a refused message not yet sent nor given up (nor on its way: marked `sending_at`)
_waiting = and_(HeldMessage.chat_id.is_not(None), HeldMessage.sent_at.is_(None), HeldMessage.attempts < HELD_ATTEMPTS,
                HeldMessage.sending_at.is_(None))


def refused_waiting(session: Session, channel: str, chat_id: str) -> dt.datetime | None:
    """When the last message to `chat_id` refused by flood control and not yet sent is due (None: none waits): a new
    message to that chat goes after it. When none waits, the person's mark is cleared (if nothing else of theirs
    waits)."""
    due = session.scalar(select(func.max(HeldMessage.due_at)).where(
        HeldMessage.channel == channel, HeldMessage.chat_id == chat_id, _waiting))
    if due is None and (person := person_by_address(session, channel, chat_id)) is not None:
        _settle(session, person.id)
    return due


def _settle(session: Session, person_id: int) -> None:
    """The person's `replies_held` cleared when none of their refused messages waits any more. The person's row is
    locked first and the check made by a later statement: on PostgreSQL (READ COMMITTED) a statement sees only what
    was committed when it began, so one check-and-clear could miss a refused row another worker was writing (its
    `hold_refused` holds that lock until it commits) and clear the mark while that row waits — the next reply to
    the person, on a worker that had not seen the refusal, would then overtake it."""
    if not session.scalar(select(Person.replies_held).where(Person.id == person_id).with_for_update()):
        return
    session.execute(update(Person).where(Person.id == person_id, Person.replies_held.is_(True),
                                         ~exists().where(HeldMessage.person_id == person_id, _waiting))
                    .values(replies_held=False).execution_options(synchronize_session=False))


def finish_held(session: Session, held: Held, *, now: dt.datetime, done: bool,
                later: dt.datetime | None = None) -> bool:
    """`done`: sent (or dropped as no longer needed); `later`: not tried (its chat is held by flood control), due
    then, no attempt counted; else one attempt more, tried again at the next tick. Written only if the claim is
    still this worker's (`held.token`): False (nothing written) when another worker took the row meanwhile."""
    row = session.get(HeldMessage, held.id, with_for_update=True, options=[defer(HeldMessage.file_data)])
    if row is None or row.claim_token != held.token or row.sent_at is not None:
        return False
    if done:
        row.sent_at = now
        if held.file is not None:
            row.file_data = None  # (sent: the row stays a few weeks for a log hunt, the bytes need not)
    elif later is not None:
        row.due_at = max(row.due_at, later)
    else:
        row.attempts += 1
    row.claimed_until = row.sending_at = None  # (not sent: it may be claimed again)
    if row.chat_id is not None and (done or row.attempts >= HELD_ATTEMPTS):
        session.flush()
        _settle(session, row.person_id)
    return True


def prune_held(session: Session, *, now: dt.datetime) -> int:
    """Delete the held messages sent or dropped more than HELD_KEPT ago, and those given up (HELD_ATTEMPTS failed
    sends) that long after they were due: kept a few weeks to read back in a log hunt, then gone (nothing else reads
    them). Run by each working tick's `bot.conversation.held.send_held`. The number of rows deleted."""
    cutoff = now - HELD_KEPT
    result = session.execute(delete(HeldMessage).where(or_(
        HeldMessage.sent_at < cutoff, and_(HeldMessage.sent_at.is_(None), HeldMessage.sending_at < cutoff),
        and_(HeldMessage.sent_at.is_(None), HeldMessage.attempts >= HELD_ATTEMPTS, HeldMessage.due_at < cutoff))))
    return int(getattr(result, "rowcount", 0) or 0)
