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
    # where the lead came from: "text" (the task names it), "heading" (the heading or lead-in above),
    # "addressee" (the document's addressees or closing formula), None (no lead)
    lead_source: str | None = None
    # the leaders who oversee it, as the notice names them ("Lãnh đạo phụ trách: Phó Giám đốc X"): they follow it
    leaders: tuple[str, ...] = ()

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
            "lead_source": self.lead_source,
            "leaders": list(self.leaders),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedTask:
        return cls(ref=data["ref"], text=data["text"], lead=tuple(data.get("lead") or ()),
                   support=tuple(data.get("support") or ()),
                   due=dt.date.fromisoformat(data["due"]) if data.get("due") else None,
                   due_text=data.get("due_text"), recurrence=data.get("recurrence"), parent_ref=data.get("parent"),
                   lead_source=data.get("lead_source"), leaders=tuple(data.get("leaders") or ()))


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
    # the office on whose behalf it was signed ("TL. GIÁM ĐỐC" → "Giám đốc"): that office holder decides on it
    signed_for: str | None = None
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
                "signed_for": self.signed_for,
                "addressees": list(self.addressees),
                "references": list(self.references),
                "recipients": list(self.recipients),
                "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            },
            "tasks": [t.to_json() for t in self.tasks],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedNotice:
        n = data.get("notice") or {}

        def day(value: str | None) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        return cls(kind=n.get("kind"), number=n.get("number"), date=day(n.get("date")), place=n.get("place"),
                   issuer=n.get("issuer"), subject=n.get("subject"), signer=n.get("signer"),
                   signer_authority=n.get("signer_authority"), signed_for=n.get("signed_for"),
                   addressees=tuple(n.get("addressees") or ()),
                   references=tuple(n.get("references") or ()), recipients=tuple(n.get("recipients") or ()),
                   meeting_date=day(n.get("meeting_date")),
                   tasks=tuple(ParsedTask.from_json(t) for t in data.get("tasks") or ()))
