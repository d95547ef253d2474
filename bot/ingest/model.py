"""What the notice parser produces: plain frozen values, JSON-ready."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, kw_only=True)
class ParsedTask:
    ref: str
    text: str
    lead: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    due: dt.date | None = None
    due_text: str | None = None
    recurrence: str | None = None
    parent_ref: str | None = None
    depth: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "text": self.text,
            "lead": list(self.lead),
            "support": list(self.support),
            "due": self.due.isoformat() if self.due else None,
            "due_text": self.due_text,
            "recurrence": self.recurrence,
            "parent": self.parent_ref,
        }


@dataclass(frozen=True, kw_only=True)
class ParsedNotice:
    kind: str | None = None
    number: str | None = None
    date: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    signer: str | None = None
    signer_authority: str | None = None  # TM., KT., TL., TUQ., Q.
    addressees: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    meeting_date: dt.date | None = None
    tasks: tuple[ParsedTask, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return {
            "notice": {
                "kind": self.kind,
                "number": self.number,
                "date": self.date.isoformat() if self.date else None,
                "place": self.place,
                "issuer": self.issuer,
                "subject": self.subject,
                "signer": self.signer,
                "signer_authority": self.signer_authority,
                "addressees": list(self.addressees),
                "references": list(self.references),
                "recipients": list(self.recipients),
                "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            },
            "tasks": [t.to_json() for t in self.tasks],
        }
