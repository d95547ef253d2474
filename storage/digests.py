"""Digests an admin must look at: those that failed for good, and those whose delivery is unknown
(a timeout after the message may have reached the person). `/loi` lists them; `/loi gui N` sends one
again once the admin has checked it did not arrive, `/loi xong N` records one as delivered once the admin has checked
it did (the person says they have it): it leaves the list and is never sent again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    and_,
    bindparam,
    delete,
    literal_column,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from storage.audit import audit, claim_once
from storage.db import connection_of
from storage.errors import NhacViecError
from storage.models import AuditLog, Digest, DigestState, Person, SendPause, SendWorker, UTCDateTime


@dataclass(frozen=True, kw_only=True)
class Problem:
    digest_id: int
    day: dt.date
    person: str
    state: DigestState
    error: str | None


# (shown to the admin in /loi after the state: Vietnamese)
STALLED_ERROR = "tiến trình gửi dừng lại trước khi ghi nhận kết quả"


def _stalled(now: dt.datetime) -> ColumnElement[bool]:
    """A digest marked `sending` whose lease ran out: its worker stalled or died while its request may have been on
    its way. It counts as `unknown`: never claimed and sent again (the worker, if it comes back, still writes the
    outcome: its claim is unchanged)."""
    return and_(Digest.state == DigestState.SENDING, Digest.claimed_until < now)


def problem_digests(session: Session, *, since: dt.date, now: dt.datetime | None = None) -> list[Problem]:
    """The digests since `since` that failed for good or whose delivery is unknown (also those left `sending` by a
    worker that stalled past its lease as of `now`, shown as unknown)."""
    state = Digest.state.in_([DigestState.UNKNOWN, DigestState.FAILED])
    rows = session.scalars(select(Digest).where(or_(state, _stalled(now)) if now is not None else state,
                                                Digest.day >= since)
                           .options(selectinload(Digest.person)).order_by(Digest.day, Digest.id))
    return [Problem(digest_id=d.id, day=d.day, person=d.person.full_name,
                    state=DigestState.UNKNOWN if d.state == DigestState.SENDING else DigestState(d.state),
                    error=STALLED_ERROR if d.state == DigestState.SENDING else d.last_error) for d in rows]


def _awaiting_decision(session: Session, digest_id: int, *, now: dt.datetime,
                       states: tuple[DigestState, ...]) -> Digest:
    """The digest `digest_id`, locked, if it is in one of `states` or left `sending` by a worker whose lease ran out
    (`_stalled`: shown as unknown); else refused with the admin's message."""
    digest = session.get(Digest, digest_id, with_for_update=True)
    stalled = digest is not None and digest.state == DigestState.SENDING and digest.claimed_until is not None \
        and digest.claimed_until < now
    if digest is None or (digest.state not in states and not stalled):
        raise NhacViecError(f"digest {digest_id} is not waiting for a decision",
                            f"Không có tin nhắc việc số {digest_id} đang chờ xử lý (gõ /loi để xem danh sách).")
    return digest


def resend_digest(session: Session, digest_id: int, *, by: Person, now: dt.datetime) -> Digest:
    digest = _awaiting_decision(session, digest_id, now=now, states=(DigestState.UNKNOWN, DigestState.FAILED))
    digest.state, digest.due_at, digest.attempts, digest.claimed_by = DigestState.PENDING, now, 0, None
    digest.claim_token += 1  # (a stalled worker that comes back writes nothing on it any more)
    audit(session, at=now, actor_id=by.id, action="digest.resend", entity="digest", entity_id=digest.id)
    return digest


def settle_digest(session: Session, digest_id: int, *, by: Person, now: dt.datetime) -> Digest:
    """An admin checked that the digest `digest_id` whose delivery is unknown (or whose worker stalled while it went
    out) did reach its person: recorded sent (at the time it was due: the morning it went out), never sent again and
    no longer listed by `/loi`. Its claim token moves on, so a stalled worker that comes back writes nothing on it.
    A digest that failed for good never reached anyone: refused, with the way to send it again."""
    if session.scalar(select(Digest.state).where(Digest.id == digest_id)) == DigestState.FAILED:
        raise NhacViecError(f"digest {digest_id} failed for good, it cannot have arrived",
                            f"Tin nhắc việc số {digest_id} đã gửi không thành công nên người nhận chưa có tin này; "
                            f"để gửi lại, đồng chí gõ /loi gui {digest_id}.")
    digest = _awaiting_decision(session, digest_id, now=now, states=(DigestState.UNKNOWN,))
    digest.state, digest.sent_at, digest.claimed_by = DigestState.SENT, digest.sent_at or digest.due_at, None
    digest.claim_token += 1
    audit(session, at=now, actor_id=by.id, action="digest.settled", entity="digest", entity_id=digest.id)
    return digest


def claim_weekly(session: Session, *, key: str, now: dt.datetime) -> bool:
    """True once per `key` ("2026-W12"): the weekly summary of that week is this caller's to send."""
    return claim_once(session, at=now, action="weekly.sent", entity=key, entity_id=0)


def last_weekly_before(session: Session, *, before: dt.datetime) -> dt.datetime | None:
    """When the last weekly summary before `before` was sent (claimed), if any."""
    return session.scalar(select(AuditLog.at).where(AuditLog.action == "weekly.sent", AuditLog.at < before)
                          .order_by(AuditLog.at.desc()).limit(1))


def pause_channel(session: Session, channel: str, *, until: dt.datetime, chat_id: str = "") -> None:
    """Hold every worker's sends to `chat_id` on `channel` (''/default: the whole channel) until `until`
    (the longest pause wins)."""
    pause = session.get(SendPause, (channel, chat_id), with_for_update=True)
    if pause is None:
        try:
            with session.begin_nested():
                session.add(SendPause(channel=channel, chat_id=chat_id, until=until))
        except IntegrityError:  # another worker held it at the same moment: keep the longer of the two
            pause_channel(session, channel, until=until, chat_id=chat_id)
    elif pause.until < until:
        pause.until = until


def pause_chat(session: Session, channel: str, chat_id: str, *, until: dt.datetime) -> None:
    """Hold every worker's sends to one chat until `until` (its flood control), the other chats go on."""
    pause_channel(session, channel, until=until, chat_id=chat_id)


_HELD = select(SendPause.channel, SendPause.chat_id, SendPause.until).where(SendPause.until > bindparam("now"))


def send_pauses(session: Session | Connection, *, now: dt.datetime) -> dict[tuple[str, str], dt.datetime]:
    """Everything on hold at `now`, and until when: (channel, chat id) → until; chat id '' is the whole
    channel."""
    return {(r.channel, r.chat_id): r.until for r in connection_of(session).execute(_HELD, {"now": now})}


FORGET_WORKERS_AFTER = dt.timedelta(days=1)  # a worker's row not seen for this long is removed (by a new worker)


def announce_sending(conn: Connection, *, worker: str, channels: list[str], now: dt.datetime,
                     first: bool = False) -> None:
    """`worker` is sending on `channels` as of `now` (one statement: an upsert of its rows). `first` (the
    process's first announcement): also remove the rows of workers not seen for FORGET_WORKERS_AFTER (worker ids
    are host:pid, so every restart leaves one)."""
    if first:
        conn.execute(delete(SendWorker).where(SendWorker.seen_at < now - FORGET_WORKERS_AFTER))
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    upsert = insert(SendWorker).values([{"channel": c, "worker": worker, "seen_at": now, "idle_since": None}
                                        for c in channels])
    conn.execute(upsert.on_conflict_do_update(index_elements=[SendWorker.channel, SendWorker.worker],
                                              set_={"seen_at": upsert.excluded.seen_at, "idle_since": None}))


def announce_idle(conn: Connection, *, worker: str, channels: list[str], now: dt.datetime) -> None:
    """`worker`'s tick found nothing more to claim at `now`: the others sending rows due before then no longer count
    it (it would have claimed them), until its next tick says it is sending again (`announce_sending`)."""
    conn.execute(update(SendWorker).where(SendWorker.worker == worker, SendWorker.channel.in_(channels))
                 .values(idle_since=now))


# the other workers seen sending since `:since` (not `:worker`)
OTHERS_SENDING = and_(SendWorker.seen_at >= bindparam("since", type_=UTCDateTime()),
                      SendWorker.worker != bindparam("worker"))

_HELD_AND_SENDING: Any = union_all(
    select(literal_column("'pause'", String).label("what"), SendPause.channel, SendPause.chat_id, SendPause.until)
    .where(SendPause.until > bindparam("now", type_=UTCDateTime())),
    select(literal_column("'worker'", String), SendWorker.channel, SendWorker.worker, SendWorker.idle_since)
    .where(OTHERS_SENDING))


def sharing(rows: list[tuple[str, str, dt.datetime | None]], *, due: dt.datetime | None = None) -> dict[str, int]:
    """The workers sending on each channel, this one included, from the (channel, worker, idle_since) rows of the
    others (OTHERS_SENDING). `due`: the earliest due instant of the rows this worker is about to send; a worker that
    found nothing to claim after it (`announce_idle`) is not counted: it sends none of them."""
    counts: dict[str, int] = {}
    for channel, _worker, idle_since in rows:
        if due is None or idle_since is None or idle_since < due:
            counts[channel] = counts.get(channel, 1) + 1
    return counts


def pauses_and_sharing(conn: Connection, *, now: dt.datetime, since: dt.datetime, worker: str,
                       due: dt.datetime | None = None) -> tuple[dict[tuple[str, str], dt.datetime], dict[str, int]]:
    """`send_pauses` at `now` and `sharing` (the other workers seen since `since`; `due`: see there), in one
    statement."""
    rows = conn.execute(_HELD_AND_SENDING, {"now": now, "since": since, "worker": worker}).all()
    return ({(r[1], r[2]): r[3] for r in rows if r[0] == "pause"},
            sharing([(r[1], r[2], r[3]) for r in rows if r[0] == "worker"], due=due))


def channel_pauses(session: Session, *, now: dt.datetime) -> dict[str, dt.datetime]:
    """The channels held as a whole at `now`, and until when."""
    return {channel: until for (channel, chat), until in send_pauses(session, now=now).items() if not chat}
