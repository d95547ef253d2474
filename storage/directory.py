"""The directory of units and people: CSV import, enrollment by invite code, look-ups."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.audit import audit
from storage.errors import ChannelNotBound, DirectoryInvalid, InviteInvalid, NotEnrolled, PersonNotFound
from storage.models import TELEGRAM, ZALO, Invite, Person, Role, Unit
from storage.unitnames import best_unit_match, unit_key
from storage.vntext import nfc

log = logging.getLogger(__name__)

COLUMNS = ("handle", "full_name", "title", "unit", "role")
HANDLE_RE = re.compile(r"^[a-z0-9_.]{2,64}$")
INVITE_TTL = dt.timedelta(days=14)


@dataclass(frozen=True, kw_only=True)
class ImportResult:
    units_created: int
    people_created: int
    people_updated: int


def parse_directory_csv(data: bytes | str) -> list[dict[str, str]]:
    """Validate the whole file first, so a bad row stores nothing."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DirectoryInvalid(
            f"missing columns {missing}",
            "Tệp danh bạ thiếu cột: " + ", ".join(missing) + ". Các cột cần có: " + ",".join(COLUMNS) + ".",
        )
    rows, errors, seen = [], [], set()
    roles = {r.value for r in Role}
    for lineno, raw in enumerate(reader, start=2):
        row = {k: nfc((raw.get(k) or "").strip()) for k in COLUMNS}
        row["handle"] = row["handle"].lstrip("@").lower()
        row["role"] = row["role"].lower() or Role.CADRE.value
        if not any(row.values()):
            continue
        if not HANDLE_RE.match(row["handle"]):
            errors.append(f"dòng {lineno}: mã cán bộ “{row['handle']}” không hợp lệ (chỉ dùng a-z, 0-9, _ và .)")
        elif row["handle"] in seen:
            errors.append(f"dòng {lineno}: mã cán bộ “{row['handle']}” bị trùng")
        if not row["full_name"]:
            errors.append(f"dòng {lineno}: thiếu họ tên")
        if row["role"] not in roles:
            errors.append(f"dòng {lineno}: vai trò “{row['role']}” không hợp lệ (admin, leader, head, cadre)")
        if row["role"] in (Role.HEAD, Role.CADRE) and not row["unit"]:
            errors.append(f"dòng {lineno}: vai trò {row['role']} cần có đơn vị")
        seen.add(row["handle"])
        rows.append(row)
    if errors:
        raise DirectoryInvalid("; ".join(errors), "Tệp danh bạ có lỗi, chưa nhập gì:\n" + "\n".join(errors[:20]))
    return rows


def import_directory(session: Session, rows: list[dict[str, str]], *, now: dt.datetime,
                     actor_id: int | None = None, **detail: str) -> ImportResult:
    """`actor_id` is the admin who sent the file (None: the command line, which says who in `detail`)."""
    units = {u.name_key: u for u in session.scalars(select(Unit))}
    units_created = created = updated = 0
    for row in rows:
        unit = None
        if row["unit"]:
            key = unit_key(row["unit"])
            unit = units.get(key)
            if unit is None:
                unit = Unit(name=row["unit"], name_key=key, created_at=now)
                session.add(unit)
                units[key] = unit
                units_created += 1
        person = session.scalar(select(Person).where(Person.handle == row["handle"]))
        if person is None:
            person = Person(handle=row["handle"], created_at=now)
            session.add(person)
            created += 1
        else:
            updated += 1
        person.full_name = row["full_name"]
        person.title = row["title"]
        person.role = row["role"]
        person.unit = unit
    session.flush()
    audit(session, at=now, actor_id=actor_id, action="directory.import", entity="directory", entity_id=None,
          units_created=units_created, people_created=created, people_updated=updated, **detail)
    return ImportResult(units_created=units_created, people_created=created, people_updated=updated)


def person_by_address(session: Session, channel: str, chat_id: str) -> Person | None:
    """The person bound to `chat_id` on `channel` (channels speak string ids)."""
    if channel == TELEGRAM:
        try:
            return session.scalar(select(Person).where(Person.telegram_chat_id == int(chat_id)))
        except ValueError:
            return None
    if channel == ZALO:
        return session.scalar(select(Person).where(Person.zalo_user_id == chat_id))
    return None


def require_person(session: Session, channel: str, chat_id: str) -> Person:
    person = person_by_address(session, channel, chat_id)
    if person is None:
        raise NotEnrolled(chat_id)
    return person


def _bind(person: Person, channel: str, chat_id: str | None) -> None:
    if channel == TELEGRAM:
        person.telegram_chat_id = int(chat_id) if chat_id is not None else None
    elif channel == ZALO:
        person.zalo_user_id = chat_id
    else:
        raise ValueError(f"unknown channel {channel!r}")


def person_by_handle(session: Session, handle: str) -> Person:
    person = session.scalar(select(Person).where(Person.handle == handle.lstrip("@").lower()))
    if person is None:
        raise PersonNotFound(handle)
    return person


def ensure_bootstrap_admin(session: Session, *, channel: str, chat_id: str, name: str,
                           now: dt.datetime) -> Person:
    """A chat listed among the admin ids becomes an admin person the first time it speaks."""
    person = person_by_address(session, channel, chat_id)
    if person is not None:
        if person.role != Role.ADMIN:
            audit(session, at=now, actor_id=person.id, action="person.bootstrap_admin", entity="person",
                  entity_id=person.id, previous_role=person.role)
            person.role = Role.ADMIN
        return person
    person = Person(handle=f"admin{chat_id}".replace("-", "m")[:64], full_name=name or f"Quản trị {chat_id}",
                    title="Quản trị viên", role=Role.ADMIN, created_at=now)
    _bind(person, channel, chat_id)
    session.add(person)
    session.flush()
    audit(session, at=now, actor_id=person.id, action="person.bootstrap_admin", entity="person",
          entity_id=person.id)
    return person


def create_invite(session: Session, *, handle: str, by: Person, now: dt.datetime) -> str:
    person = person_by_handle(session, handle)
    code = secrets.token_urlsafe(12)
    session.add(Invite(code=code, person_id=person.id, created_by_id=by.id, created_at=now,
                       expires_at=now + INVITE_TTL))
    audit(session, at=now, actor_id=by.id, action="invite.create", entity="person", entity_id=person.id)
    return code


def redeem_invite(session: Session, *, code: str, channel: str, chat_id: str, now: dt.datetime) -> Person:
    invite = session.scalar(select(Invite).where(Invite.code == code))
    if invite is None or invite.used_at is not None or invite.expires_at < now:
        raise InviteInvalid(code)
    person = session.get_one(Person, invite.person_id)
    previous = person_by_address(session, channel, chat_id)
    if previous is not None and previous.id != person.id:
        _bind(previous, channel, None)  # one chat, one person
    session.flush()
    _bind(person, channel, chat_id)
    person.unreachable_since = None
    invite.used_at = now
    audit(session, at=now, actor_id=person.id, action="invite.redeem", entity="person", entity_id=person.id,
          channel=channel)
    return person


def bind_chat(session: Session, *, handle: str, channel: str, chat_id: str) -> None:
    """Directly bind a chat (sandbox `--enroll-all`)."""
    _bind(person_by_handle(session, handle), channel, chat_id)


def choose_channel(session: Session, person_id: int, channel: str, *, now: dt.datetime) -> Person:
    """Reminders go to `channel` from now on; the person must be bound there."""
    person = session.get_one(Person, person_id)
    if person.chat_on(channel) is None:
        raise ChannelNotBound(person.handle, channel)
    person.preferred_channel = channel
    audit(session, at=now, actor_id=person.id, action="person.channel", entity="person", entity_id=person.id,
          channel=channel)
    return person


def head_of(session: Session, unit_id: int) -> Person | None:
    return session.scalar(
        select(Person).where(Person.unit_id == unit_id, Person.role == Role.HEAD).order_by(Person.id)
    )


def leaders(session: Session) -> list[Person]:
    return list(session.scalars(select(Person).where(Person.role == Role.LEADER).order_by(Person.id)))


def match_unit(session: Session, name: str) -> tuple[Unit | None, float]:
    units = list(session.scalars(select(Unit).order_by(Unit.id)))
    match = best_unit_match(name, [u.name_key for u in units])
    return (units[match.index], match.score) if match else (None, 0.0)
