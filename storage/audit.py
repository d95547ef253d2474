"""The audit log: who changed what, when. Append-only in the application: rows are
added through `audit` (or `record_export`) and never changed; a session guard refuses
any UPDATE or DELETE of an AuditLog row, through the unit of work or a bulk statement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session

from storage.errors import AuditAppendOnly
from storage.models import ONCE_ACTIONS, AuditLog, Person


def audit(session: Session, *, at: dt.datetime, actor_id: int | None, action: str, entity: str,
          entity_id: int | None, **detail: Any) -> None:
    session.add(AuditLog(at=at, actor_id=actor_id, action=action, entity=entity, entity_id=entity_id,
                         detail=detail))


def claim_once(session: Session, *, at: dt.datetime, action: str, entity: str, entity_id: int) -> bool:
    """True for the one caller that writes the audit row (`action` one of ONCE_ACTIONS) for this entity: what it
    stands for (a weekly summary, an extension request's reminder) is that caller's to send. Two workers racing
    both see no row; the unique index lets one insert, the other gets False (its savepoint rolled back, the rest of
    its transaction intact)."""
    assert action in ONCE_ACTIONS, action
    if session.scalar(select(AuditLog.id).where(AuditLog.action == action, AuditLog.entity == entity,
                                                AuditLog.entity_id == entity_id)) is not None:
        return False
    try:
        with session.begin_nested():
            audit(session, at=at, actor_id=None, action=action, entity=entity, entity_id=entity_id)
    except IntegrityError:
        return False
    return True


def record_export(session: Session, *, at: dt.datetime, actor_id: int | None, what: str, rows: int,
                  **detail: Any) -> None:
    """An export of data out of Nhắc việc (e.g. the Excel file of every task): who took what."""
    audit(session, at=at, actor_id=actor_id, action="export", entity=what, entity_id=None, rows=rows, **detail)


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    id: int
    at: dt.datetime
    actor: str | None  # the person's handle, None for the system or the command line
    action: str
    entity: str
    entity_id: int | None
    detail: dict[str, Any]


def audit_entries(session: Session, *, since: dt.datetime | None = None) -> list[AuditEntry]:
    """The log in the order it was written, from `since` on."""
    query = select(AuditLog, Person.handle).outerjoin(Person, Person.id == AuditLog.actor_id).order_by(AuditLog.id)
    if since is not None:
        query = query.where(AuditLog.at >= since)
    return [AuditEntry(id=row.id, at=row.at, actor=handle, action=row.action, entity=row.entity,
                       entity_id=row.entity_id, detail=dict(row.detail or {}))
            for row, handle in session.execute(query)]


# ---------------------------------------------------------------- append-only guard

def _refuse_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, AuditLog):
            raise AuditAppendOnly(f"delete of audit row {obj.id}")
    for obj in session.dirty:
        if isinstance(obj, AuditLog) and session.is_modified(obj):
            raise AuditAppendOnly(f"update of audit row {obj.id}")


def _refuse_bulk(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = getattr(state.statement, "table", None)
    if (mapper is not None and mapper.class_ is AuditLog) or getattr(table, "name", None) == AuditLog.__tablename__:
        raise AuditAppendOnly("bulk update or delete of the audit log")


event.listen(Session, "before_flush", _refuse_changes)
event.listen(Session, "do_orm_execute", _refuse_bulk)
