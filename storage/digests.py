"""Digests an admin must look at: those that failed for good, and those whose delivery is unknown
(a timeout after the message may have reached the person). `/loi` lists them; `/loi gui N` sends one
again once the admin has checked it did not arrive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.audit import audit
from storage.errors import NhacViecError
from storage.models import AuditLog, Digest, DigestState, Person, SendPause


@dataclass(frozen=True, kw_only=True)
class Problem:
    digest_id: int
    day: dt.date
    person: str
    state: DigestState
    error: str | None


def problem_digests(session: Session, *, since: dt.date) -> list[Problem]:
    rows = session.scalars(select(Digest).where(Digest.state.in_([DigestState.UNKNOWN, DigestState.FAILED]),
                                                Digest.day >= since)
                           .options(selectinload(Digest.person)).order_by(Digest.day, Digest.id))
    return [Problem(digest_id=d.id, day=d.day, person=d.person.full_name, state=DigestState(d.state),
                    error=d.last_error) for d in rows]


def resend_digest(session: Session, digest_id: int, *, by: Person, now: dt.datetime) -> Digest:
    digest = session.get(Digest, digest_id, with_for_update=True)
    if digest is None or digest.state not in (DigestState.UNKNOWN, DigestState.FAILED):
        raise NhacViecError(f"digest {digest_id} is not waiting for a decision",
                            f"Không có tin nhắc việc số {digest_id} đang chờ xử lý (gõ /loi để xem danh sách).")
    digest.state, digest.due_at, digest.attempts, digest.claimed_by = DigestState.PENDING, now, 0, None
    audit(session, at=now, actor_id=by.id, action="digest.resend", entity="digest", entity_id=digest.id)
    return digest


def claim_weekly(session: Session, *, key: str, now: dt.datetime) -> bool:
    """True once per `key` ("2026-W12"): the weekly summary of that week is this caller's to send."""
    already = session.scalar(select(AuditLog.id).where(AuditLog.action == "weekly.sent", AuditLog.entity == key))
    if already is not None:
        return False
    audit(session, at=now, actor_id=None, action="weekly.sent", entity=key, entity_id=None)
    session.flush()
    return True


def pause_channel(session: Session, channel: str, *, until: dt.datetime) -> None:
    """Hold every worker's sends on `channel` until `until` (the longest pause wins)."""
    pause = session.get(SendPause, channel, with_for_update=True)
    if pause is None:
        session.add(SendPause(channel=channel, until=until))
    elif pause.until < until:
        pause.until = until


def channel_pauses(session: Session, *, now: dt.datetime) -> dict[str, dt.datetime]:
    """The channels on hold at `now`, and until when."""
    return {p.channel: p.until for p in session.scalars(select(SendPause).where(SendPause.until > now))}
