"""The audit log: who changed what, when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from storage.models import AuditLog


def audit(session: Session, *, at: dt.datetime, actor_id: int | None, action: str, entity: str,
          entity_id: int | None, **detail: Any) -> None:
    session.add(AuditLog(at=at, actor_id=actor_id, action=action, entity=entity, entity_id=entity_id,
                         detail=detail))
