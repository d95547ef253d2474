"""Notices: a parsed notice is kept as a draft until an admin confirms it; confirming
registers its tasks, assigns each to the head of its lead unit and plans reminders."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select, union
from sqlalchemy.orm import Session, selectinload

from storage.audit import audit
from storage.corrections import Correction
from storage.directory import GENERIC_KIND_SCORE, SHORT_NAME_SCORE, head_of, unit_matcher, written_short_for
from storage.errors import (
    DraftCorrectionInvalid,
    NotAllowed,
    NoticeClosed,
    NoticeDuplicate,
    NoticeNotFound,
    WithdrawalInvalid,
)
from storage.itemref import by_ref, ends_ref, ref_key, same_ref, under
from storage.models import (
    OPEN_STATUSES,
    Notice,
    NoticeStatus,
    Person,
    Role,
    StatusReport,
    Task,
    TaskStatus,
    Unit,
    notice_units,
)
from storage.parsed import ParsedNotice, ParsedTask
from storage.unitgroups import (
    LOCAL_GOVERNMENT,
    Group,
    members,
    of_one_body,
    read_group,
    receiver,
    sections_of_commune,
    whole_body,
)
from storage.unitnames import best_unit_match, marked_spelling, mentions, unit_key
from storage.vntext import fold, strip_marks

log = logging.getLogger(__name__)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class UnitGuess:
    written: str
    unit_name: str | None
    score: float
    head_name: str | None
    group: bool = False  # a group ("các sở, ban, ngành"): each member found in the directory gets the task
    person: bool = False  # a person named ("đ/c Lê Minh Khái"): `head_name` is who gets the task
    members: tuple[tuple[str, str | None], ...] = ()  # the members found: (unit name, its head's name)
    # the directory's other units that take work, which the group leaves out ("các phòng": the Chi cục), for the
    # admin to add if they are meant too
    left_out: tuple[str, ...] = ()
    # "Các bộ, ban, ngành khác": the members are those the notice gives no task of their own (`_Leads.elsewhere`)
    others: bool = False


@dataclass(frozen=True, kw_only=True)
class Draft:
    notice_id: int
    duplicate_of: int | None  # an earlier confirmed notice with the same text (or, `twin`, probably the same notice)
    guesses: dict[str, UnitGuess]  # lead or supporting unit as written → directory match
    # each task's number in the preview: kept through corrections (after "bỏ 1", task 2 is still 2), so a
    # number the admin read means the same task in every later line
    numbers: tuple[int, ...]
    applied: tuple[Applied, ...] = ()  # what the last corrections changed, to say back
    # the text as read, when it was read by OCR (a photo, a scan): every later view of the draft checks its words
    ocr_text: str | None = None
    # what the admin typed since (preview numbers of tasks reworded or added; "subject"): no OCR in it to check
    typed: frozenset[int | str] = frozenset()
    # the confirmed notice this one repeats, to say in the preview: `twin.likely`, found by its number and issuer
    # alone (a date unknown) or by its tasks (no number): asked again at confirmation; else the same text, or number
    # and date: refused
    twin: NoticeChoice | None = None


@dataclass(frozen=True, kw_only=True)
class Applied:
    """One correction as applied: which task (its preview number and item number; none for the notice itself),
    which field, the new value as it reads."""

    number: int | None
    ref: str | None
    field: str
    value: str | dt.date | None  # a date for "due" and "date"; None: removed
    counted: str | None = None  # a deadline counted in days: from which day ("15 ngày kể từ ngày ký (23/02/2018)")
    # a new lead that was among the task's supporting units: taken out of them (as the notice wrote it)
    unsupported: tuple[str, ...] = ()
    before: str | None = None  # a list replaced ("3 phối hợp: …"): what it was, said so the admin sees the change


@dataclass(frozen=True, kw_only=True)
class Registered:
    notice_id: int
    title: str
    task_count: int
    assigned: list[tuple[str, str]]  # (item ref, person name)
    unassigned: list[tuple[str, str]]  # (item ref, lead as written or "")
    assignees: dict[int, list[int]] = field(default_factory=dict)  # person id → their task ids, in order
    # the heads of supporting units (phối hợp) found in the directory → the task ids they support (one a
    # item, not their own), told once so they know and can report their part
    supporters: dict[int, list[int]] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # person name → the lead unit of their first item


def distinct_refs(parsed: ParsedNotice) -> ParsedNotice:
    """An item number that comes back after other items (a scan's "đ)" printed twice: "1.đ.a, 1.đ.b, …, 1.đ.a") names
    another duty: it is numbered apart, as the parser numbers a duty split off — "1.đ.a (ý 2)". Reminders, reports and
    the letters to supporting units take an item number for one item: the two duties under one told a unit that
    another's led its task, and a lead that its own task was a supporting one (probe s42). The tasks one after another
    under one number are one item's shares among its units ("1. Sở A rà soát …; Ban B phối hợp …"): they keep it. The
    notice as it was when no number comes back."""
    runs: dict[str, int] = {}  # item number → the runs of it so far
    taken = {ref_key(t.ref) for t in parsed.tasks}
    refs: list[str] = []
    previous: str | None = None
    current = ""
    for t in parsed.tasks:
        key = ref_key(t.ref)
        if key != previous:  # a new run of this number
            runs[key] = runs.get(key, 0) + 1
            current, k = t.ref, runs[key]
            while k > 1:
                current = f"{t.ref} (ý {k})"
                if ref_key(current) not in taken:
                    break
                k += 1
            if k > 1:
                runs[key] = k
                taken.add(ref_key(current))
            previous = key
        refs.append(current)
    if all(ref == t.ref for ref, t in zip(refs, parsed.tasks, strict=True)):
        return parsed
    return replace(parsed, tasks=tuple(t if ref == t.ref else replace(t, ref=ref)
                                       for ref, t in zip(refs, parsed.tasks, strict=True)))


def create_draft(session: Session, parsed: ParsedNotice, *, source_text: str, source_name: str,
                 by: Person, now: dt.datetime, ocr: bool = False) -> Draft:
    """`ocr`: the text was read by OCR (kept with the draft: each later view of it points at the words probably
    misread)."""
    if not by.is_admin:
        raise NotAllowed(by.handle, "load a notice")
    digest = sha256_text(source_text)
    meta = distinct_refs(parsed).to_json()
    meta["tasks"] = [{**t, "n": i} for i, t in enumerate(meta["tasks"], start=1)]
    if ocr:
        meta["ocr"] = True
    notice = Notice(
        sha256=digest, source_name=source_name, source_text=source_text, kind=parsed.kind,
        number=parsed.number, issued_on=parsed.date, issuer=parsed.issuer, subject=parsed.subject,
        signer=parsed.signer, meta=meta, status=NoticeStatus.DRAFT, created_by_id=by.id,
        created_at=now,
    )
    session.add(notice)
    session.flush()
    twin = draft_twin(session, notice)
    guesses = _guesses(session, parsed)
    audit(session, at=now, actor_id=by.id, action="notice.draft", entity="notice", entity_id=notice.id,
          sha256=digest, tasks=len(parsed.tasks), source=source_name)
    log.info("notice %s drafted by %s: %d tasks from %r", notice.id, by.handle, len(parsed.tasks), source_name)
    return Draft(notice_id=notice.id, duplicate_of=twin.notice_id if twin else None, guesses=guesses,
                 numbers=tuple(range(1, len(parsed.tasks) + 1)), ocr_text=source_text if ocr else None, twin=twin)


# the government of a district-level locality, by its folded key: "ủy ban nhân dân huyện/thị xã/thành phố/quận …"
_DISTRICT = re.compile(LOCAL_GOVERNMENT + r"(?:huyen|thi xa|thanh pho|quan)\b")


class _Leads:
    """Who a draft's leads, as written, come to in the directory: a unit's name is that unit; a group's
    ("các sở, ban, ngành", "UBND các huyện, thành phố") is each member the directory has; a person's name
    ("đ/c Lê Minh Khái", "Phó Thủ tướng Lê Minh Khái", "@handle") is that person. The unit table, the people
    and each unit's head are read once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.units = list(session.scalars(select(Unit).order_by(Unit.id)))
        self.keys = [u.name_key for u in self.units]
        self.names = [u.name for u in self.units]  # as written ("Bản …" villages, "Ban …" boards)
        self.match = unit_matcher(session, self.units)
        self.heads: dict[int, Person | None] = {}
        self._people: list[tuple[Person, str]] | None = None  # each with their folded full name
        self._leaders_units: set[int | None] | None = None
        # the units the notice names as leads on their own (not in a group): "các bộ, ngành khác" leaves them out
        self.elsewhere: set[int] = set()

    def note_leads(self, leads: Sequence[Sequence[str]]) -> None:
        """The notice's leads, task by task, as written: the units named on their own are those a group of "the
        others" ("Các bộ, ban, ngành khác", "các sở còn lại") does not take in."""
        self.elsewhere = set()
        for name in (n for names in leads for n in names):
            if read_group(name) is None and (unit := self.match(name)[0]) is not None:
                self.elsewhere.add(unit.id)  # (the unit a task would be given to: `targets`)

    def leaders_own(self, unit: Unit) -> bool:
        """The leaders' own unit ("Ban Giám đốc Sở", "Lãnh đạo UBND huyện"): leaders in it, no head; it gives
        the body's tasks, it takes none."""
        if self._leaders_units is None:
            self._leaders_units = set(self.session.scalars(select(Person.unit_id).where(Person.role == Role.LEADER)))
        return unit.id in self._leaders_units and self.head(unit) is None

    def rejoined(self, names: list[str]) -> list[str]:
        """Names the admin's commas cut that are one directory unit joined back: "Phòng Kinh tế, Hạ tầng và Đô thị"
        typed as a lead is that one office (its name has a comma), not "Phòng Kinh tế" and "Hạ tầng và Đô thị"."""
        keys = set(self.keys)
        out: list[str] = []
        i = 0
        while i < len(names):
            j = next((j for j in range(len(names), i + 1, -1) if unit_key(", ".join(names[i:j])) in keys), i + 1)
            out.append(", ".join(names[i:j]))
            i = j
        return out

    def proper(self, name: str, written: Sequence[str]) -> str:
        """A unit as an admin typed it short or without marks ("Bộ LĐTBXH", "bo y te"), once the directory has it by
        those very words, by its proper name: the directory's, with the marks the notice (`written`: its units as it
        writes them) or the admin gives it where the directory has none; a group, a person, a post or a name not
        found stays as typed."""
        if read_group(name) is not None:
            return name
        unit, score = self.match(name)
        if unit is None or score not in _SURE or unit_key(name) != unit.name_key:
            return name  # (a post that names its unit, "Trưởng thôn 2", is how the notice calls the doer: kept)
        typed = [name] if _spelled_out(name) == _spelled_out(unit.name) else []  # with marks: not "Bộ LĐTBXH"
        return marked_spelling(unit.name, [*written, *typed])

    def head(self, unit: Unit) -> Person | None:
        if unit.id not in self.heads:
            self.heads[unit.id] = head_of(self.session, unit.id)
        return self.heads[unit.id]

    def _named(self, unit: Unit, names: list[str]) -> bool:
        """Whether one of `names` (not a group) is `unit`."""
        return any(group is None and found and found[0].id == unit.id
                   for found, _, group in map(self.units_of, names))

    def units_of(self, name: str) -> tuple[list[Unit], float, Group | None]:
        """The units `name` names (several for a group), the match score, the group it is if one."""
        group = read_group(name)
        if group is not None:
            found = [self.units[i] for i in members(group, self.keys, self.names)]
            if group.every:  # "tất cả …": the units that take work — not the leaders' own body, which has no head
                found = [u for u in found if self.head(u) is not None]
            elif whole_body(group, self.keys) or sections_of_commune(group, self.keys):
                # "các phòng, đơn vị thuộc Sở", "các ban, ngành, đoàn thể xã": all but the leaders' own
                found = [u for u in found if not self.leaders_own(u)]
            if group.others:  # "các bộ, ban, ngành khác": not those the notice gives tasks of their own
                found = [u for u in found if u.id not in self.elsewhere]
            return found, 100.0, group
        unit, score = self.match(name)
        return ([unit] if unit else []), score, None

    def person(self, name: str) -> Person | None:
        """The one person `name` names: "@handle"; a full name, alone or after a title or "đ/c"; a given name
        alone ("đ/c Khái") when one person has it. None when nobody or several do."""
        written = " ".join(name.split())
        if written.startswith("@"):
            return self.session.scalar(select(Person).where(Person.handle == written[1:].lower()))
        key = fold(_PERSON_PREFIX.sub("", written))
        if not key:
            return None
        if self._people is None:
            self._people = [(p, fold(p.full_name)) for p in self.session.scalars(select(Person).order_by(Person.id))]
        # the full name alone, after a title ("Phó Chủ tịch Lê Minh Khái"), or before one ("Nguyễn Mạnh Trình - Phó
        # Chủ tịch UBND quận")
        found = [p for p, full in self._people if f" {full} " in f" {key} "]
        if not found and " " not in key:
            found = [p for p, full in self._people if full.split()[-1:] == [key]]
        return found[0] if len(found) == 1 else None

    def left_out(self, found: list[Unit]) -> tuple[str, ...]:
        """The units that take work (a head) which a group's members `found` leave out, in a directory of one body's
        parts (a department's, a district's: a province's groups leave out many by design, "các sở" the huyện):
        none when nobody was found; local governments ("UBND xã …") only beside members that are such, and other
        bodies only beside other bodies."""
        if found and not of_one_body(self.keys) and all(_DISTRICT.match(u.name_key) for u in found):
            # "UBND các huyện, thành phố" in a province: the thị xã (or quận) the notice did not name is said
            ids = {u.id for u in found}
            return tuple(u.name for u in self.units if u.id not in ids and self.head(u) is not None
                         and _DISTRICT.match(u.name_key))
        if not found or not of_one_body(self.keys):
            return ()
        ids = {u.id for u in found}
        local = [u.name_key.startswith(LOCAL_GOVERNMENT) for u in found]
        # the same side as the members: "UBND các xã, thị trấn" leaves out a ward, not the district's offices;
        # "các phòng" leaves out the Chi cục, not the communes; members of both sides: either
        return tuple(u.name for u in self.units if u.id not in ids and self.head(u) is not None and
                     (u.name_key.startswith(LOCAL_GOVERNMENT) in local))

    def guess(self, name: str) -> UnitGuess:
        found, score, group = self.units_of(name)
        if group is not None:
            return UnitGuess(written=name, unit_name=None, score=score, head_name=None, group=True,
                             members=tuple((u.name, h.full_name if (h := self.head(u)) else None) for u in found),
                             left_out=() if group.others else self.left_out(found), others=group.others)
        unit = found[0] if found else None
        if unit is None and (someone := self.person(name)) is not None:
            return UnitGuess(written=name, unit_name=None, score=100.0, head_name=someone.full_name, person=True)
        head = self.head(unit) if unit else None
        return UnitGuess(written=name, unit_name=unit.name if unit else None, score=score,
                         head_name=head.full_name if head else None)

    def targets(self, names: list[str], text: str = "") -> list[tuple[Unit | None, str, Person | None]]:
        """One (unit, name as written, who takes it) for each task row: every unit named (its head), every
        member of a group, every person named; a name not in the directory stays as a row nobody can take yet
        (assigned once the directory has it), except a group nobody can be found for beside units that were
        found ("Sở Tài chính, các đơn vị liên quan"). A group's member that the task's `text` sends the results to
        ("… báo cáo về Phòng Kế hoạch - Tổng hợp") is not given the task, unless named on its own."""
        out: list[tuple[Unit | None, str, Person | None]] = []
        seen: set[int] = set()
        taken: set[int] = set()  # people with a row: named, or the head of a unit named
        named: set[int] = set()  # people named as people ("đ/c A"): the unit they head gets no second row
        vague: list[tuple[Unit | None, str, Person | None]] = []
        for name in names:
            found, _, group = self.units_of(name)
            if group is not None and len(found) > 1:
                collector = receiver(text, [u.name for u in found])
                found = [u for u in found if u.name != collector or self._named(u, names)]
            if not found:
                someone = self.person(name) if group is None else None
                if someone is not None:
                    if someone.id not in taken:
                        taken.add(someone.id)
                        named.add(someone.id)
                        unit = next((u for u in self.units if u.id == someone.unit_id), None)
                        out.append((unit, name, someone))
                    continue
                (vague if group is not None else out).append((None, name, None))
                continue
            for unit in found:
                head = self.head(unit)
                # two units one person heads (a second post, kiêm nhiệm) are two rows: each unit's share
                if unit.id not in seen and (head is None or head.id not in named):
                    seen.add(unit.id)
                    taken.update([head.id] if head else [])
                    out.append((unit, name if group is None else unit.name, head))
        if not out:
            out = vague[:1] or [(None, "", None)]
        return out


# the abbreviations every reader knows, which a unit's proper name may keep ("UBND tỉnh Quảng Trị")
_KNOWN_SHORT = {"ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan"}


def _spelled_out(name: str) -> list[str]:
    """A unit's name as its folded words, "UBND" and "HĐND" spelled out: "Bộ LĐTBXH" is not the ministry's name
    spelled so, "UBND tỉnh Quảng Trị" is "Uy ban nhan dan tinh Quang Tri"."""
    return [w for word in re.sub(r"[^\w]+", " ", fold(name)).split() for w in _KNOWN_SHORT.get(word, word).split()]


# "đ/c", "đồng chí", "anh", "chị" and titles before a person's name
_PERSON_PREFIX = re.compile(r"^(?:(?:đ/c|d/c|đc|dc|đồng\s*chí|dong\s*chi|anh|chị|chi)\.?\s+)+", re.I)


def _guesses(session: Session, parsed: ParsedNotice, leads: _Leads | None = None) -> dict[str, UnitGuess]:
    """How each lead and supporting unit, as written, matches the directory, and who would be assigned (told)."""
    leads = leads or _Leads(session)
    leads.note_leads([task.lead for task in parsed.tasks])
    guesses: dict[str, UnitGuess] = {}
    for task in parsed.tasks:
        for name in (*task.lead, *task.support):
            if name not in guesses:
                guesses[name] = leads.guess(name)
    return guesses


def remember_preview(session: Session, notice_id: int, *, chat_id: str, message_ids: list[str]) -> None:
    notice = session.get_one(Notice, notice_id)
    notice.meta = {**notice.meta, "preview": {"chat_id": chat_id, "message_ids": message_ids}}


def preview_messages(session: Session, notice_id: int) -> list[str]:
    """The messages that showed this draft (their actions go when it is corrected or decided)."""
    preview = session.get_one(Notice, notice_id).meta.get("preview") or {}
    return [str(m) for m in preview.get("message_ids", [])]


def draft_for_message(session: Session, *, chat_id: str, message_id: str) -> int | None:
    """The draft whose preview this message is (a reply to it carries corrections)."""
    drafts = session.scalars(select(Notice).where(Notice.status == NoticeStatus.DRAFT).order_by(Notice.id.desc())
                             .limit(50))
    for notice in drafts:
        preview = notice.meta.get("preview") or {}
        if str(preview.get("chat_id")) == chat_id and message_id in map(str, preview.get("message_ids", [])):
            return notice.id
    return None


_HEADER_COLUMNS = {"number": "number", "date": "issued_on", "subject": "subject", "signer": "signer"}


def correct_draft(session: Session, notice_id: int, corrections: list[Correction], *, by: Person,
                  now: dt.datetime) -> tuple[ParsedNotice, Draft]:
    """Apply an admin's corrections to a draft: lead and supporting units, deadline, wording, dropping a task,
    adding one the parser missed, the notice's number, date, subject or signer. A task is named by its number
    in the preview, which it keeps through corrections (a dropped task's number is not reused)."""
    notice = _open_draft(session, notice_id, by, "correct a notice")
    point = _undo_point(notice)  # the draft as it stands: what "hoàn tác" gives back (`undo_correction`)
    tasks: list[dict[str, Any]] = [{"n": i, **t} for i, t in enumerate(notice.meta.get("tasks", []), start=1)]
    head: dict[str, Any] = dict(notice.meta.get("notice") or {})
    dropped: set[int] = set()
    gone: list[dict[str, Any]] = list(notice.meta.get("dropped") or [])  # dropped by earlier corrections: n, ref
    applied: list[Applied] = []
    typed_head = set(notice.meta.get("typed") or ())  # header fields the admin typed
    leads = _Leads(session)  # the directory read once for the corrections and the draft shown after them
    leads.note_leads([t.get("lead") or [] for t in tasks])
    written = notice_units(notice.meta)  # the units as the notice writes them: how a typed unit is shown
    for c in corrections:
        if c.field in _HEADER_COLUMNS:
            setattr(notice, _HEADER_COLUMNS[c.field], c.value)
            head[c.field] = c.value.isoformat() if isinstance(c.value, dt.date) else c.value
            if c.field == "subject":
                typed_head.add("subject")
            applied.append(Applied(number=None, ref=None, field=c.field, value=_shown(c)))
            continue
        if c.field == "add":
            assert isinstance(c.value, ParsedTask)
            ref = c.target or _next_ref([t["ref"] for t in tasks])
            if any(same_ref(t["ref"], ref) for t in tasks):
                raise DraftCorrectionInvalid(f"ref {ref!r} already used", f"Đã có nhiệm vụ “Mục {ref}”; đồng chí "
                                             "chọn số mục khác, hoặc bỏ số mục để Nhắc việc tự đánh số.")
            number = max((t["n"] for t in tasks), default=0) + 1
            added = _typed_plain_units(leads, c.value)
            tasks.append({**added.to_json(), "ref": ref, "n": number, "typed": True})
            applied.append(Applied(number=number, ref=ref, field="add", value=c.value.text))
            continue
        index = _task_index(tasks, c.target, dropped,
                            example=", ".join(c.value) if c.field == "lead" and isinstance(c.value, tuple) and c.value
                            else None, gone=gone)
        task = tasks[index]
        if c.field == "drop":
            dropped.add(index)
        elif c.field == "ref" and isinstance(c.value, str):  # "3 số mục: 2.d.a": the item number as the paper has it
            text = " ".join((task.get("text") or "").split())
            if any(same_ref(t["ref"], c.value) and " ".join((t.get("text") or "").split()) != text
                   for i, t in enumerate(tasks) if i != index and i not in dropped):
                raise DraftCorrectionInvalid(f"ref {c.value!r} already used", f"Đã có nhiệm vụ khác “Mục {c.value}”; "
                                             "đồng chí chọn số mục khác, hoặc sửa số mục của nhiệm vụ kia trước.")
            applied.append(Applied(number=task["n"], ref=c.value, field="ref", value=c.value, before=task["ref"]))
            task["ref"] = c.value
            continue
        elif c.field in ("lead", "support"):
            units = leads.rejoined(list(c.value)) if isinstance(c.value, tuple) else []
            units = [leads.proper(u, written) for u in units]  # "Bộ LĐTBXH" → "Bộ Lao động - Thương binh và Xã hội"
            before = list(task.get(c.field) or [])
            task[c.field] = units
            if c.field == "lead":
                task["lead_source"] = "admin" if units else None
            unsupported = _lead_not_support(leads, task)
            kept = task[c.field]  # (the supporters without a lead typed among them)
            replaced = c.field == "support" and before and kept and list(map(fold, before)) != list(map(fold, kept))
            applied.append(Applied(number=task["n"], ref=task["ref"], field=c.field,
                                   value="; ".join(kept) if kept else None if units else _shown(c),
                                   unsupported=unsupported, before="; ".join(before) if replaced else None))
            continue
        elif c.field in ("support_add", "support_remove") and isinstance(c.value, tuple):  # "36 thêm phối hợp …"
            task["support"] = _supports_changed(leads, task, c.field, c.value)
            applied.append(Applied(number=task["n"], ref=task["ref"], field=c.field, value="; ".join(c.value)))
            continue
        elif c.field in ("lead_remove", "lead_add") and isinstance(c.value, tuple):  # "30: bỏ BCH Quân sự tỉnh"
            typed = [leads.proper(u, written) for u in c.value] if c.field == "lead_add" else list(c.value)
            task["lead"], task["lead_source"] = _leads_changed(leads, task, c.field, tuple(typed)), "admin"
            applied.append(Applied(number=task["n"], ref=task["ref"], field=c.field, value="; ".join(typed),
                                   unsupported=_lead_not_support(leads, task)))
            continue
        elif c.field == "lead_from":  # "giống mục 2": the lead of another task
            source = tasks[_task_index(tasks, str(c.value), dropped)]
            task["lead"], task["lead_source"] = list(source.get("lead") or []), "admin"
            applied.append(Applied(number=task["n"], ref=task["ref"], field="lead", value="; ".join(task["lead"]),
                                   unsupported=_lead_not_support(leads, task)))
            continue
        elif c.field == "text":
            task["text"], task["typed"] = str(c.value), True
        elif c.field == "due":
            due = c.value if isinstance(c.value, dt.date) else None
            task["due"] = due.isoformat() if due else None
            task["due_text"] = None  # the admin's date: nothing quoted from the notice
        elif c.field == "recurring" and isinstance(c.value, tuple):  # the rounds are read from the phrase
            task["recurrence"], task["due"], task["due_text"] = c.value[0], None, c.value[1]
        applied.append(Applied(number=task["n"], ref=task["ref"], field=c.field, value=_shown(c), counted=c.counted))
    gone += [{"n": t["n"], "ref": t["ref"]} for i, t in enumerate(tasks) if i in dropped]
    tasks = [t for i, t in enumerate(tasks) if i not in dropped]
    if not tasks:
        raise DraftCorrectionInvalid("all tasks dropped", "Không thể bỏ hết nhiệm vụ; nếu văn bản không đúng, "
                                                          "đồng chí bấm “Hủy”.")
    notice.meta = {**notice.meta, "notice": head, "tasks": tasks, **({"typed": sorted(typed_head)} if typed_head
                                                                       else {}), **({"dropped": gone} if gone else {}),
                   "undo": [{**point, "said": [_applied_json(a) for a in applied]},
                            *(notice.meta.get("undo") or [])][:UNDO_KEPT]}
    audit(session, at=now, actor_id=by.id, action="notice.correct", entity="notice", entity_id=notice.id,
          corrections=[{"target": c.target, "field": c.field, "value": c.described()} for c in corrections])
    return _as_shown(session, notice, applied=tuple(applied), leads=leads)


UNDO_KEPT = 10  # corrections of a draft its admin can take back, the newest first ("hoàn tác")


def _undo_point(notice: Notice) -> dict[str, Any]:
    """The draft as it stands before a correction: its stored reading (not the points before it) and the header
    columns a correction sets."""
    return {"meta": {k: v for k, v in notice.meta.items() if k not in ("undo", "held_dues")},
            "columns": {column: value.isoformat() if isinstance(value, dt.date) else value
                        for column in _HEADER_COLUMNS.values() for value in [getattr(notice, column)]}}


def _applied_json(a: Applied) -> dict[str, Any]:
    return {"number": a.number, "ref": a.ref, "field": a.field,
            "value": a.value.isoformat() if isinstance(a.value, dt.date) else a.value}


def _applied_back(said: dict[str, Any]) -> Applied:
    value = said["value"]
    if said["field"] in ("due", "date") and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return Applied(number=said["number"], ref=said["ref"], field=said["field"], value=value)


@dataclass(frozen=True, kw_only=True)
class Undone:
    """A correction taken back: what it had changed, and how many earlier ones can still be."""

    applied: tuple[Applied, ...]
    left: int
    parsed: ParsedNotice
    draft: Draft


def undo_correction(session: Session, notice_id: int, *, by: Person, now: dt.datetime) -> Undone | None:
    """Take back the draft's last correction (a unit given by mistake, a task dropped that was one): the draft as it
    was before it; again, the one before. None when no correction is left to take back."""
    notice = _open_draft(session, notice_id, by, "correct a notice")
    stack = list(notice.meta.get("undo") or [])
    if not stack:
        return None
    point, rest = stack[0], stack[1:]
    for column, value in point["columns"].items():
        setattr(notice, column, dt.date.fromisoformat(value) if column == "issued_on" and value else value)
    notice.meta = {**point["meta"], **({"undo": rest} if rest else {})}
    audit(session, at=now, actor_id=by.id, action="notice.correct_undone", entity="notice", entity_id=notice.id)
    log.info("notice %s: a correction taken back by %s (%d more can be)", notice.id, by.handle, len(rest))
    parsed, draft = _as_shown(session, notice)
    return Undone(applied=tuple(_applied_back(a) for a in point.get("said") or []), left=len(rest), parsed=parsed,
                  draft=draft)


def _lead_not_support(leads: _Leads, task: dict[str, Any]) -> tuple[str, ...]:
    """A draft task's supporting units that its leads name, taken out of the supporters (a unit does not support its
    own task: a new lead, or a supporter typed that leads it): those taken out, as written."""
    lead_ids = {unit.id for name in task.get("lead") or [] if read_group(name) is None
                for unit in leads.units_of(name)[0]}
    support = list(task.get("support") or [])
    out = tuple(name for name in support if read_group(name) is None and (unit := leads.match(name)[0]) is not None
                and unit.id in lead_ids)
    if out:
        task["support"] = [name for name in support if name not in out]
    return out


def _leads_changed(leads: _Leads, task: dict[str, Any], field: str, names: tuple[str, ...]) -> list[str]:
    """A task's leads with `names` taken out ("lead_remove") or put in ("lead_add"), a group written out as the
    directory units it gives the task to: "30: bỏ BCH Quân sự tỉnh" on "Các sở, ban, ngành thuộc tỉnh" leaves the
    other members, each named. A name that is not among the leads, or taking out the last one, is refused."""
    rows = leads.targets(list(task.get("lead") or []), str(task.get("text") or ""))
    current = [unit.name if unit is not None else name for unit, name, _ in rows if unit is not None or name]
    ids = [unit.id if unit is not None else None for unit, name, _ in rows if unit is not None or name]
    shown = ", ".join(current) or "chưa có"
    if field == "lead_add":
        return current + [n for n in leads.rejoined(list(names)) if fold(n) not in map(fold, current)]
    out, kept_ids = list(current), list(ids)
    for name in names:
        unit = next(iter(leads.units_of(name)[0]), None) if read_group(name) is None else None
        at = next((i for i, (n, u) in enumerate(zip(out, kept_ids, strict=True))
                   if (unit is not None and u == unit.id) or fold(n) == fold(name)), None)
        if at is None:
            raise DraftCorrectionInvalid(f"{name!r} is not a lead of task {task['n']}",
                                         f"Nhiệm vụ {task['n']} (Mục {task['ref']}) không giao “{name}”; đơn vị chủ "
                                         f"trì hiện là: {shown}. Đồng chí ghi đúng tên một đơn vị trong danh sách này.")
        del out[at], kept_ids[at]
    if not out:
        raise DraftCorrectionInvalid(f"no lead left on task {task['n']}",
                                     f"Bỏ “{'; '.join(names)}” thì nhiệm vụ {task['n']} không còn đơn vị chủ trì. "
                                     f"Đồng chí ghi đơn vị thay thế (“{task['n']}: <tên đơn vị>”), hoặc “bỏ "
                                     f"{task['n']}” nếu không phải nhiệm vụ.")
    return out


def _supports_changed(leads: _Leads, task: dict[str, Any], field: str, names: tuple[str, ...]) -> list[str]:
    """A task's supporting units with `names` put in ("support_add") or taken out ("support_remove"), the others
    kept; a name already there is not added twice, one that is not there cannot be taken out (refused, with the list
    as it is)."""
    current = list(task.get("support") or [])

    def same(a: str, b: str) -> bool:
        if fold(a) == fold(b):
            return True
        ua, ub = leads.units_of(a), leads.units_of(b)
        return ua[2] is None and ub[2] is None and bool(ua[0]) and bool(ub[0]) and ua[0][0].id == ub[0][0].id

    if field == "support_add":
        return current + [n for n in leads.rejoined(list(names)) if not any(same(n, c) for c in current)]
    out = list(current)
    for name in names:
        at = next((i for i, n in enumerate(out) if same(n, name)), None)
        if at is None:
            shown = "; ".join(current) or "không có"
            raise DraftCorrectionInvalid(f"{name!r} does not support task {task['n']}",
                                         f"Nhiệm vụ {task['n']} (Mục {task['ref']}) không có “{name}” trong danh sách "
                                         f"phối hợp; đơn vị phối hợp hiện là: {shown}.")
        del out[at]
    return out


_ASKED_PLAIN = re.compile(r"^(?:giao(?:\s+cho)?|de\s+nghi|yeu\s+cau)\s+", re.I)
_GROUP_WORDS = {"nganh", "dia phuong", "don vi", "co quan"}  # generic words that go on a group's name


def _typed_plain_units(leads: _Leads, added: ParsedTask) -> ParsedTask:
    """An added task's units. Typed without tone marks, the parser cannot tell where a unit's name ends ("Ban To
    chuc Huyen uy ra soat, bo sung …, truoc" read as one lead, probe 18): the unit its first words name in the
    directory (`_lead_typed_plain`) comes first, and a unit the parser read stays only when it is a directory
    unit's name; with marks, the parser's reading stands and only an empty lead is looked up."""
    if strip_marks(added.text) != added.text:
        if not added.lead and (lead := _lead_typed_plain(leads, added.text)) is not None:
            return replace(added, lead=(lead,), lead_source="text")
        return added

    def known(name: str) -> bool:
        return read_group(name) is not None or leads.match(fold(name))[1] in _SURE

    if (lead := _lead_typed_plain(leads, added.text)) is not None:
        return replace(added, lead=(lead,), lead_source="text", support=tuple(u for u in added.support if known(u)))
    kept = tuple(u for u in added.lead if known(u))
    return replace(added, lead=kept, lead_source=added.lead_source if kept else None,
                   support=tuple(u for u in added.support if known(u)))


def _lead_typed_plain(leads: _Leads, text: str) -> str | None:
    """The lead a task typed without tone marks opens with ("giao" and the like left out): a group of units as typed
    ("UBND cac huyen, thanh pho to chuc …" → "UBND cac huyen, thanh pho"), else the directory unit named by the
    longest run of first words that is exactly one unit's name, the only unit of its kind, or its words in order in
    one name only ("so noi vu ra soat …" → "Sở Nội vụ"): the parser reads units by their written form. None for
    text with marks (the parser's reading stands)."""
    if strip_marks(text) != text:
        return None
    words = _ASKED_PLAIN.sub("", text.strip()).split()
    best: tuple[int, int] | None = None  # (words, kinds) of the longest prefix each further word adds a kind to
    for n in range(2, min(MAX_UNIT_WORDS, len(words) - 1) + 1):
        group = read_group(" ".join(words[:n]).rstrip(",;"))
        if group is None or not group.kinds or group.qualifier or group.some:
            continue
        if best is None or len(group.kinds) > best[1] or (
                n == best[0] + 1 and set(group.generic) <= _GROUP_WORDS):  # "…, nganh": one more word of the group
            best = (n, len(group.kinds))
    if best is not None:
        return " ".join(words[:best[0]]).rstrip(",;")
    folded = fold(" ".join(words)).split()
    for n in range(min(MAX_UNIT_WORDS, len(folded) - 1), 1, -1):
        unit, score = leads.match(" ".join(folded[:n]))
        if unit is not None and score in _SURE:
            return unit.name
    return None


MAX_UNIT_WORDS = 10
_SURE = (100.0, GENERIC_KIND_SCORE, SHORT_NAME_SCORE)  # a directory match that names one unit for certain


def _shown(c: Correction) -> str | dt.date | None:
    """A correction's new value as the admin is told it: a date as a date, units and wording as text."""
    return c.value if c.value is None or isinstance(c.value, dt.date) else c.described()


def hold_dues(session: Session, notice_id: int, held: Sequence[Correction]) -> None:
    """Keep deadlines the admin typed that look mistaken (before the notice's own date), not applied, until they
    say "đúng"; none: forget those kept before (a new line for the task replaced them)."""
    notice = session.get_one(Notice, notice_id)
    meta = {key: value for key, value in notice.meta.items() if key != "held_dues"}
    if held:
        meta["held_dues"] = [{"target": c.target, "due": c.value.isoformat(), "counted": c.counted}
                             for c in held if isinstance(c.value, dt.date)]
    notice.meta = meta


def take_held_dues(session: Session, notice_id: int) -> list[Correction]:
    """The deadlines `hold_dues` kept, as corrections to apply now (and no longer kept)."""
    notice = session.get_one(Notice, notice_id)
    held = notice.meta.get("held_dues") or []
    if held:
        notice.meta = {key: value for key, value in notice.meta.items() if key != "held_dues"}
    return [Correction(target=h["target"], field="due", value=dt.date.fromisoformat(h["due"]), counted=h.get("counted"))
            for h in held]


def draft_view(session: Session, notice_id: int) -> tuple[ParsedNotice, Draft]:
    """A draft as its preview shows it (to show the whole list again)."""
    return _as_shown(session, session.get_one(Notice, notice_id))


def _as_shown(session: Session, notice: Notice, *, applied: tuple[Applied, ...] = (),
              leads: _Leads | None = None) -> tuple[ParsedNotice, Draft]:
    """The draft's notice and tasks as stored, with what the directory makes of their leads, each task's preview
    number and whether a confirmed notice has the same text."""
    parsed = ParsedNotice.from_json(notice.meta)
    twin = draft_twin(session, notice)
    numbers = tuple(t.get("n", i) for i, t in enumerate(notice.meta.get("tasks", []), start=1))
    typed: set[int | str] = {t.get("n", i) for i, t in enumerate(notice.meta.get("tasks", []), start=1)
                             if t.get("typed")}
    typed.update(notice.meta.get("typed") or ())
    return parsed, Draft(notice_id=notice.id, duplicate_of=twin.notice_id if twin else None,
                         guesses=_guesses(session, parsed, leads), numbers=numbers, applied=applied,
                         ocr_text=notice.source_text if notice.meta.get("ocr") else None, typed=frozenset(typed),
                         twin=twin)


def draft_task(session: Session, notice_id: int, *, number: int | None = None,
               ref: str | None = None) -> tuple[int, ParsedTask] | None:
    """The draft's task with this preview number (or, the first with this item number), whole (the preview
    shortens long texts), with its preview number."""
    tasks = (session.get_one(Notice, notice_id).meta or {}).get("tasks", [])
    found = next(((t.get("n", i), t) for i, t in enumerate(tasks, start=1)
                  if (t.get("n", i) == number if ref is None else same_ref(t["ref"], ref))), None)
    if found is None and ref is not None:  # "xem mục 3" where the list has only "3.a": that one
        below = [(t.get("n", i), t) for i, t in enumerate(tasks, start=1) if under(t["ref"], ref)]
        found = below[0] if len(below) == 1 else None
    return (found[0], ParsedTask.from_json(found[1])) if found else None


def draft_tasks_under(session: Session, notice_id: int, ref: str) -> list[tuple[int, ParsedTask]]:
    """The draft's tasks under an item number ("III.1" → III.1.a … III.1.s), whole, with their preview numbers."""
    tasks = (session.get_one(Notice, notice_id).meta or {}).get("tasks", [])
    return [(t.get("n", i), ParsedTask.from_json(t)) for i, t in enumerate(tasks, start=1) if under(t["ref"], ref)]


def _next_ref(refs: list[str]) -> str:
    """The item number for a task added without one, in the scheme of the notice's last item: after "II.11" comes
    "II.12" (the items under a Roman section), after "1", "2.3" comes "3"; never a number already used."""
    last = re.match(r"^(?P<section>[IVXLC]{1,7}\.)(?P<n>\d{1,3})$", refs[-1]) if refs else None
    if last is not None:  # numbered under a section: the next number of that section
        section = last.group("section")
        numbers = [int(m.group(1)) for r in refs if (m := re.fullmatch(re.escape(section) + r"(\d{1,3})", r))]
        candidates = (f"{section}{n}" for n in itertools.count(max(numbers) + 1))
    else:
        tops = [int(m.group()) for r in refs if (m := re.match(r"\d+", r))]
        candidates = (str(n) for n in itertools.count(max(tops, default=len(refs)) + 1))
    used = {ref_key(r) for r in refs}
    return next(c for c in candidates if ref_key(c) not in used)


def _task_index(tasks: list[dict[str, Any]], target: str, dropped: set[int], *, example: str | None = None,
                gone: Sequence[dict[str, Any]] = ()) -> int:
    """The draft's task a correction names; `example`: the units the admin typed, for the answer's example; `gone`:
    the tasks earlier corrections dropped (a task named again is said to be dropped, not "không có")."""
    earlier = [*gone, *({"n": t["n"], "ref": t["ref"]} for i, t in enumerate(tasks) if i in dropped)]
    if target.startswith("mục"):
        ref = target.split(None, 1)[1]
        matches = [i for i, t in enumerate(tasks) if same_ref(t["ref"], ref) and i not in dropped]
        if not matches:  # "mục 1" of a list numbered "II.1", "II.2": the notice's "1." under "II." (as by_ref reads)
            matches = [i for i, t in enumerate(tasks) if ends_ref(t["ref"], ref) and i not in dropped]
        if not matches:  # "mục 3" where the list has only "3.a" (or "3 (đoạn 1)"): the one task under that number
            below = [i for i, t in enumerate(tasks) if i not in dropped and under(t["ref"], ref)]
            matches = below if len(below) == 1 else matches
        if len(matches) == 1:
            return matches[0]
        as_typed = re.sub(r"^[ivxlc]+(?=\.|$)", lambda m: m.group().upper(), ref)  # "ii.1" read folded: "II.1"
        heading_of = [t for i, t in enumerate(tasks) if i not in dropped and under(t["ref"], ref)]
        if not matches and len(heading_of) > 1:  # "Mục II.1: Sở Nội vụ", II.1 a heading over II.1.a–c: which
            all_of = ", ".join(str(t["n"]) for t in heading_of)
            items = ", ".join(f"{t['ref']} (số {t['n']})" for t in heading_of)
            unit = example or "Sở Tài chính"
            raise DraftCorrectionInvalid(f"ref {ref!r} is a heading over {len(heading_of)} tasks",
                                         f"Mục {heading_of[0]['ref'][:len(as_typed)]} là đề mục, gồm {len(heading_of)} "
                                         f"nhiệm vụ: {items}. Để sửa tất cả, đồng chí gõ số thứ tự: “{all_of}: "
                                         f"{unit}”; sửa một nhiệm vụ: “{heading_of[0]['n']}: {unit}”.")
        ref = as_typed
        if not matches and (was := _dropped_before(earlier, ref=ref)) is not None:
            raise was
        if len(matches) > 1:  # "mục 14" where both II.14 and III.14 are: which one
            which = ", ".join(f"Mục {tasks[i]['ref']} (nhiệm vụ {tasks[i]['n']})" for i in matches)
            raise DraftCorrectionInvalid(f"ref {ref!r} matches {len(matches)} tasks",
                                         f"“Mục {ref}” ứng với {len(matches)} nhiệm vụ: {which}. Đồng chí gõ số "
                                         f"thứ tự trong danh sách, ví dụ “{tasks[matches[0]]['n']}: Sở Tài chính”, "
                                         f"hoặc số mục đầy đủ “{tasks[matches[0]]['ref']}”.")
        raise DraftCorrectionInvalid(f"ref {ref!r} matches {len(matches)} tasks",
                                     f"Không xác định được nhiệm vụ “Mục {ref}” "
                                     f"({'không có' if not matches else 'có nhiều nhiệm vụ cùng số mục'}); đồng chí "
                                     "dùng số thứ tự trong danh sách, ví dụ “3: Sở Tài chính”.")
    number = int(target)
    index = next((i for i, t in enumerate(tasks) if t["n"] == number and i not in dropped), None)
    if index is None:
        if (was := _dropped_before(earlier, number=number)) is not None:
            raise was
        numbers = [t["n"] for i, t in enumerate(tasks) if i not in dropped]
        shown = ", ".join(map(str, numbers)) if len(numbers) <= 12 else f"{numbers[0]} … {numbers[-1]}"
        raise DraftCorrectionInvalid(f"task number {number} not in the draft",
                                     f"Danh sách không có nhiệm vụ số {number} (các số đang có: {shown}).")
    return index


def _dropped_before(earlier: list[dict[str, Any]], *, ref: str | None = None,
                    number: int | None = None) -> DraftCorrectionInvalid | None:
    """The answer to a correction naming a task already dropped (by its preview number, its item number or that
    number without its section: "mục 14" for III.14): which one, and that it is out of the list. None: no such."""
    if ref is not None:
        found = [t for t in earlier if same_ref(t["ref"], ref)] or [t for t in earlier if ends_ref(t["ref"], ref)]
    else:
        found = [t for t in earlier if t["n"] == number]
    if len(found) != 1:
        return None
    t = found[0]
    return DraftCorrectionInvalid(f"task {t['n']} already dropped",
                                  f"Mục {t['ref']} (nhiệm vụ {t['n']}) đã được bỏ khỏi danh sách trước đó; không cần "
                                  f"sửa thêm. Để đưa lại, đồng chí gõ “thêm mục {t['ref']}: <nội dung nhiệm vụ>”.")


def latest_draft(session: Session, by: Person) -> int | None:
    """The newest draft this admin loaded (typed "xác nhận" or corrections on a channel without replies)."""
    return session.scalar(select(Notice.id).where(Notice.status == NoticeStatus.DRAFT, Notice.created_by_id == by.id)
                          .order_by(Notice.id.desc()).limit(1))


def _open_draft(session: Session, notice_id: int, by: Person, action: str) -> Notice:
    if not by.is_admin:
        raise NotAllowed(by.handle, action)
    notice = session.get(Notice, notice_id, with_for_update=True)
    if notice is None:
        raise NoticeNotFound(notice_id)
    if notice.status != NoticeStatus.DRAFT:
        raise NoticeClosed(notice_id, notice.status)
    return notice


SAME_TASKS_SHARE = 0.8  # of a notice's task texts found in a confirmed notice without a number: the same notice


def registered_twin(session: Session, notice: Notice) -> Notice | None:
    """A confirmed notice with the same text, or the same number and date: surely the same notice (refused on
    receipt, and at confirmation)."""
    same = Notice.sha256 == notice.sha256
    if _numbered(notice.number) and notice.issued_on is not None:
        same = or_(same, and_(Notice.number == notice.number, Notice.issued_on == notice.issued_on))
    return session.scalar(select(Notice).where(same, Notice.id != notice.id,
                                               Notice.status == NoticeStatus.CONFIRMED).limit(1))


def likely_twin(session: Session, notice: Notice, task_texts: Sequence[str] = ()) -> Notice | None:
    """A confirmed notice that is probably this one, but not surely: the same number and issuer where a date is
    unknown on either side (or both dates are in the same year: a number is given once a year) — probe 24 #1: a plan
    confirmed from its .docx, pasted four days later ("ngày 26 tháng 0 6 năm 2018" unread both times), got a fresh
    preview and 45 tasks a second time; or, for a notice without a number of its own (a draft "Số: /KH-SCT", a paste
    of what was loaded as a file and numbered by the admin), one holding SAME_TASKS_SHARE of its task texts (probe
    19). A corrected re-issue is such a notice too: the admin is asked, not refused."""
    if not _numbered(notice.number):
        return _same_tasks(session, notice.id, task_texts)
    for twin in session.scalars(select(Notice).where(Notice.number == notice.number, Notice.id != notice.id,
                                                      Notice.status == NoticeStatus.CONFIRMED).order_by(Notice.id)):
        if notice.issuer and twin.issuer and fold(notice.issuer) != fold(twin.issuer):
            continue
        if notice.issued_on and twin.issued_on and notice.issued_on.year != twin.issued_on.year:
            continue
        return twin
    return None


def _numbered(number: str | None) -> bool:
    """A notice number with its digits ("125/TB-UBND"); a draft's blank "Số: /TB-UBND" has none."""
    return bool(number) and any(c.isdigit() for c in number or "")


def draft_twin(session: Session, notice: Notice) -> NoticeChoice | None:
    """The confirmed notice a draft repeats, as its preview names it: surely (`registered_twin`) or probably
    (`likely_twin`: `likely`, and `same_tasks` when found by its tasks)."""
    twin = registered_twin(session, notice)
    likely = twin is None
    if twin is None:
        twin = likely_twin(session, notice, [t.get("text") or "" for t in (notice.meta or {}).get("tasks", [])])
    if twin is None:
        return None
    return replace(notice_choices(session, [twin.id])[0], likely=likely,
                   same_tasks=likely and not _numbered(notice.number))


def _same_tasks(session: Session, notice_id: int | None, task_texts: Sequence[str]) -> Notice | None:
    texts = sorted({" ".join(t.split()) for t in task_texts if t.strip()})
    if len(texts) < 2:
        return None
    need = max(2, math.ceil(SAME_TASKS_SHARE * len(texts)))
    shared = func.count(func.distinct(Task.text))
    row = session.execute(
        select(Task.notice_id, shared).join(Notice, Notice.id == Task.notice_id)
        .where(Notice.status == NoticeStatus.CONFIRMED, Task.text.in_(texts),
               *([Notice.id != notice_id] if notice_id is not None else []))
        .group_by(Task.notice_id).having(shared >= need).order_by(shared.desc(), Task.notice_id).limit(1)).first()
    return session.get(Notice, row[0]) if row is not None else None


def confirm_notice(session: Session, notice_id: int, *, by: Person, now: dt.datetime,
                   again: bool = False) -> Registered:
    """Register the draft's tasks and assign each to the head of its lead unit. A notice already registered
    (same text, or same number and date) is refused: confirming it twice would double every reminder; one probably
    registered (same number and issuer, a date unknown; no number, the same tasks: `likely_twin`) only when the admin
    said so (`again`: asked first, "vẫn xác nhận")."""
    notice = _open_draft(session, notice_id, by, "confirm a notice")
    twin = registered_twin(session, notice)
    if twin is None and not again:
        twin = likely_twin(session, notice, [t.get("text") or "" for t in notice.meta.get("tasks", [])])
    if twin is not None:
        raise NoticeDuplicate(twin.id, notice_title(twin))
    if "undo" in notice.meta:  # confirmed, nothing to take back: the draft's earlier states are not kept
        notice.meta = {k: v for k, v in notice.meta.items() if k != "undo"}
    parsed_tasks = notice.meta.get("tasks", [])
    assigned: list[tuple[str, str]] = []
    unassigned: list[tuple[str, str]] = []
    assignees: dict[int, list[int]] = {}
    units: dict[str, str] = {}
    leads = _Leads(session)  # the unit table read once, each lead matched once
    leads.note_leads([pt.get("lead") or [] for pt in parsed_tasks])
    made: list[tuple[Task, Person | None, str]] = []
    for pt in parsed_tasks:
        lead_names = list(pt.get("lead") or [])
        due_on = dt.date.fromisoformat(pt["due"]) if pt.get("due") else None
        targets = leads.targets(lead_names, pt.get("text") or "")
        for unit, written, head in targets:  # one row for each unit or person that must act (each member of a group)
            made.append((Task(
                notice_id=notice.id, position=len(made), item_ref=pt["ref"], text=pt["text"],
                lead_unit_names=lead_names if len(targets) == 1 else [written],
                lead_unit_id=unit.id if unit else None,
                support_unit_names=list(pt.get("support") or []), due_on=due_on, due_text=pt.get("due_text"),
                recurrence=pt.get("recurrence"), status=TaskStatus.OPEN, assignee_id=head.id if head else None,
                created_at=now, updated_at=now, leaders_in_charge=list(pt.get("leaders") or []),
            ), head, written))
    session.add_all([task for task, _, _ in made])
    session.flush()  # one batched INSERT for the notice's tasks
    for task, head, lead in made:
        if head is None:
            unassigned.append((task.item_ref, lead))
            continue
        assigned.append((task.item_ref, head.full_name))
        assignees.setdefault(head.id, []).append(task.id)
        if head.full_name not in units:  # (the unit's name made once a person, not once a task)
            units[head.full_name] = task.lead_name
    supporters = _supporters(leads, [task for task, _, _ in made])
    notice.status = NoticeStatus.CONFIRMED
    notice.closed_at = now
    audit(session, at=now, actor_id=by.id, action="notice.confirm", entity="notice", entity_id=notice.id,
          tasks=len(parsed_tasks), unassigned=len(unassigned))
    log.info("notice %s confirmed by %s: %d tasks, %d unassigned", notice.id, by.handle, len(parsed_tasks),
             len(unassigned))
    return Registered(notice_id=notice.id, title=notice_title(notice), task_count=len(parsed_tasks),
                      assigned=assigned, unassigned=unassigned, assignees=assignees, supporters=supporters,
                      units=units)


def supported_tasks(session: Session, person_id: int, task_ids: list[int]
                    ) -> tuple[Person, list[tuple[str, str, dt.date | None, str | None]]]:
    """The head of a supporting unit, and each item they support: its number, text, deadline and every unit that
    leads it (an item given to several units has a row for each)."""
    person = session.get_one(Person, person_id)
    supported = list(session.scalars(select(Task).where(Task.id.in_(task_ids)).order_by(Task.position)))
    leading: dict[tuple[int, str], list[str]] = {}
    notices = {t.notice_id for t in supported}
    for row in session.scalars(select(Task).where(Task.notice_id.in_(notices)).order_by(Task.position)):
        name = row.lead_name
        leading.setdefault((row.notice_id, row.item_ref), []).append(name)
    return person, [(t.item_ref, t.text, t.due_on,
                     ", ".join(dict.fromkeys(n for n in leading[(t.notice_id, t.item_ref)] if n)) or None)
                    for t in supported]


def supported_open(session: Session, person: Person) -> list[tuple[str, list[tuple[str, str, dt.date | None,
                                                                                  str | None]]]]:
    """The open items of confirmed notices that the person's unit supports (phối hợp) and does not lead, notice by
    notice (its title, and `supported_tasks`' rows): what a head who joins after the notices were confirmed was
    never told (probe 20 F14). One row an item."""
    unit = session.get(Unit, person.unit_id) if person.unit_id is not None else None
    if unit is None:
        return []
    rows = session.execute(select(Task.id, Task.notice_id, Task.item_ref, Task.support_unit_names, Task.lead_unit_id)
                           .join(Notice, Notice.id == Task.notice_id)
                           .where(Notice.status == NoticeStatus.CONFIRMED, Task.status.in_(OPEN_STATUSES))
                           .order_by(Task.notice_id, Task.position)).all()
    led = {(r.notice_id, r.item_ref) for r in rows if r.lead_unit_id == unit.id}
    picked: dict[int, dict[str, int]] = {}
    match = unit_matcher(session)  # (a unit written short, "phòng Nông nghiệp": the one the directory reads it as)
    for r in rows:
        if r.support_unit_names and (r.notice_id, r.item_ref) not in led and \
                r.item_ref not in picked.get(r.notice_id, {}) and \
                any(read_group(n) is None and (best_unit_match(n, [unit.name_key]) is not None or
                                               written_short_for(n, unit, match)) for n in r.support_unit_names):
            picked.setdefault(r.notice_id, {})[r.item_ref] = r.id
    return [(notice_title(session.get_one(Notice, notice_id)),
             supported_tasks(session, person.id, list(ids.values()))[1]) for notice_id, ids in picked.items()]


def _supporters(leads: _Leads, tasks: list[Task]) -> dict[int, list[int]]:
    """The head of each supporting unit named (one unit, not a group: "các sở, ngành liên quan" would tell
    everyone) → the tasks they support, one row an item, none they lead themselves."""
    out: dict[int, list[int]] = {}
    seen: set[tuple[int, str]] = set()
    leading = {(t.assignee_id, t.item_ref) for t in tasks}
    for task in tasks:
        for name in task.support_unit_names:
            if read_group(name) is not None:
                continue
            unit = leads.match(name)[0]
            head = leads.head(unit) if unit is not None else None
            if head is None or (head.id, task.item_ref) in seen or (head.id, task.item_ref) in leading:
                continue
            seen.add((head.id, task.item_ref))
            out.setdefault(head.id, []).append(task.id)
    return out


def cancel_notice(session: Session, notice_id: int, *, by: Person, now: dt.datetime) -> None:
    notice = _open_draft(session, notice_id, by, "cancel a notice")
    notice.status = NoticeStatus.CANCELLED
    notice.closed_at = now
    audit(session, at=now, actor_id=by.id, action="notice.cancel", entity="notice", entity_id=notice.id)
    log.info("notice %s cancelled by %s", notice.id, by.handle)


def format_title(kind: str | None, number: str | None, issued_on: dt.date | None, *,
                 meeting_date: dt.date | None = None, subject: str | None = None) -> str:
    """"Thông báo số 722/UBND-MT ngày 28/03/2013"; a blank number ("/TB-UBND") is left out. Without
    number or date, the meeting date ("Thông báo về cuộc làm việc ngày 23/02/2018") or the subject tells the reader
    which notice it is. Capitalised as a sentence's start; inside a sentence, see `title_in_sentence`."""
    parts = [(kind or "Văn bản").capitalize()]
    if number and not number.startswith("/"):
        parts.append(f"số {number}")
    if issued_on:
        parts.append(f"ngày {issued_on:%d/%m/%Y}")
    elif meeting_date:
        # (no parentheses: the title itself stands in parentheses in most messages — "mục 2.1 (thông báo về cuộc
        # làm việc ngày 23/02/2018)", not "(thông báo (cuộc làm việc …))" in every digest; month probe 21)
        parts.append(f"về cuộc làm việc ngày {meeting_date:%d/%m/%Y}")
    elif len(parts) == 1 and subject:
        short = subject if len(subject) <= 80 else subject[:79].rstrip() + "…"
        parts.append(f"“{short}”")
    return " ".join(parts)


def title_in_sentence(title: str) -> str:
    """A notice's title inside a sentence. A document named by its number keeps its capital, as offices write it
    ("theo Thông báo số 12/TB-UBND ngày …"); a title that only describes the notice reads as a common noun there
    ("mục 2.1 (thông báo về cuộc làm việc ngày 22/04/2026)", "của văn bản “…”"). A sentence's start keeps its own
    capital: that is the caller's, not this."""
    head = title.split("“", 1)[0]
    if re.search(r"\bsố\s+\S*\d", head) or not title[:1].isupper() or title[1:2].isupper():
        return title  # (a number; a name in capitals, "UBND …")
    return title[:1].lower() + title[1:]


def meeting_date(notice: Notice) -> dt.date | None:
    """The date of the meeting a conclusion notice records, as parsed from its text (None: not found)."""
    meeting = ((notice.meta or {}).get("notice") or {}).get("meeting_date")
    return dt.date.fromisoformat(meeting) if meeting else None


def notice_title(notice: Notice) -> str:
    return format_title(notice.kind, notice.number, notice.issued_on, meeting_date=meeting_date(notice),
                        subject=notice.subject)


def unheld_tasks(session: Session) -> list[Task]:
    """Open tasks of confirmed notices nobody holds (no head of the lead unit in the directory, or no lead, or held
    by someone who left), in the order they were made: what /loi and the office's weekly "ĐANG CHỜ VĂN PHÒNG" list."""
    # two searches of ix_tasks_assignee_id_status (open and no assignee; open and held by someone who left — nobody
    # either), not one OR over a join that no index serves: that read every task ever made (34 ms at 100k stored,
    # on the Monday planning of the office's weekly list). The ids first, then their rows by primary key: joined in
    # one statement, PostgreSQL may hash-join them against a scan of every task when it expects a few hundred.
    ids = sorted(session.scalars(union(
        select(Task.id).where(Task.assignee_id.is_(None), Task.status.in_(OPEN_STATUSES)),
        select(Task.id).join(Person, Person.id == Task.assignee_id)
        .where(Person.role == Role.LEFT, Task.status.in_(OPEN_STATUSES)))))
    found: list[Task] = []
    for start in range(0, len(ids), 5000):  # (bounded bind parameters)
        found += session.scalars(
            select(Task).join(Notice, Notice.id == Task.notice_id).options(selectinload(Task.lead_unit))
            .where(Task.id.in_(ids[start:start + 5000]), Notice.status == NoticeStatus.CONFIRMED).order_by(Task.id))
    return found


class NewlyAssigned(NamedTuple):
    item_ref: str
    name: str  # the person's full name
    person_id: int
    task_id: int
    notice_id: int


def assign_unassigned(session: Session, *, now: dt.datetime) -> list[NewlyAssigned]:
    """Open tasks of confirmed notices that had no one to assign: assign those whose lead unit
    now has a head in the directory (after a directory import); the next digest includes them."""
    assigned: list[NewlyAssigned] = []
    tasks = session.scalars(
        select(Task).join(Notice, Notice.id == Task.notice_id)
        .where(Task.assignee_id.is_(None), Notice.status == NoticeStatus.CONFIRMED,
               Task.status.not_in([TaskStatus.DONE, TaskStatus.CANCELLED]))
        .order_by(Task.id))
    leads = _Leads(session)  # the unit table read once, each unit's head looked up once
    for task in tasks:
        if not task.lead_unit_names:
            continue
        name = task.lead_unit_names[0]
        unit = leads.match(name)[0]
        head = leads.head(unit) if unit is not None else leads.person(name)  # a unit's head, or the person named
        if head is None:
            continue
        task.lead_unit_id = unit.id if unit is not None else head.unit_id
        task.assignee_id, task.updated_at = head.id, now
        audit(session, at=now, actor_id=None, action="task.assign", entity="task", entity_id=task.id,
              assignee=head.handle)
        assigned.append(NewlyAssigned(task.item_ref, head.full_name, head.id, task.id, task.notice_id))
    return assigned


@dataclass(frozen=True, kw_only=True)
class Withdrawn:
    title: str
    reason: str
    refs: list[str]  # the withdrawn tasks' item numbers
    assignees: dict[int, list[str]] = field(default_factory=dict)  # person id → their withdrawn item numbers
    units: list[str] = field(default_factory=list)  # the lead units whose share of a shared item was withdrawn
    shared_by: int = 0  # how many lead units hold that item (0: not a shared item, or a whole notice)
    task_ids: list[int] = field(default_factory=list)  # the tasks cancelled (not those already finished)


def _number_key(text: str) -> str:
    return "".join(text.lower().split()).replace("số", "").strip(":")


def find_confirmed(session: Session, number: str) -> list[Notice]:
    """Confirmed or withdrawn notices with this number ("45/TB-UBND", spaces and case aside), or "#12" (its id)."""
    if number.startswith("#") and number[1:].isdigit():
        notice = session.get(Notice, int(number[1:]))
        return [notice] if notice is not None and notice.status != NoticeStatus.DRAFT else []
    key = _number_key(number)
    candidates = session.scalars(select(Notice).where(Notice.status != NoticeStatus.DRAFT, Notice.number.is_not(None))
                                 .order_by(Notice.id))
    return [n for n in candidates if _number_key(n.number or "") == key]


def withdraw(session: Session, notice_id: int, *, item_ref: str | None, reason: str, by: Person,
             now: dt.datetime, unit_words: str | None = None) -> Withdrawn:
    """Cancel a confirmed notice, or one task of it, with a reason: its open tasks are cancelled (the digests
    leave them out from the next morning), the history keeps them, the assignees are told by the caller. With
    `unit_words` ("mục II.1.a xã Hiệp Thạnh"), only the share of the item the units named hold."""
    if not by.is_admin:
        raise NotAllowed(by.handle, "withdraw a notice")
    notice = session.get(Notice, notice_id, with_for_update=True)
    if notice is None or notice.status == NoticeStatus.DRAFT:
        raise NoticeNotFound(notice_id)
    title = notice_title(notice)
    if notice.status == NoticeStatus.CANCELLED:
        raise WithdrawalInvalid(f"notice {notice_id} already withdrawn", f"{title} đã được hủy trước đây.")
    # (by_ref: "mục 2" is also the notice's "2." under "II.", as people read it on the paper)
    tasks = list(notice.tasks) if item_ref is None else by_ref(notice.tasks, item_ref, lambda t: t.item_ref)
    if item_ref is not None and len({t.item_ref for t in tasks}) > 1:  # "1.a" of "I.1.a" and "II.1.a": say which
        raise WithdrawalInvalid(f"item {item_ref} of notice {notice_id} fits several",
                                f"{title} có nhiều mục ứng với “{item_ref}”: "
                                f"{', '.join(dict.fromkeys(t.item_ref for t in tasks))}; đồng chí ghi đủ số mục.")
    if tasks and item_ref is not None:
        item_ref = tasks[0].item_ref
    if item_ref is not None and not tasks:
        raise WithdrawalInvalid(f"no item {item_ref} in notice {notice_id}",
                                f"{title} không có mục {item_ref}.")
    shared_by = len({t.lead_name for t in tasks if t.status != TaskStatus.CANCELLED}) if item_ref is not None else 0
    if item_ref is not None and unit_words:
        named = [t for t in tasks if mentions(unit_words, t.lead_name)]
        if not named:
            held = "; ".join(dict.fromkeys(t.lead_name for t in tasks))
            raise WithdrawalInvalid(f"item {item_ref}: no unit named in {unit_words!r}",
                                    f"Không có đơn vị “{unit_words}” ở mục {item_ref} của {title} "
                                    f"(mục này do: {held}).")
        tasks = named
    open_tasks = [t for t in tasks if t.status != TaskStatus.CANCELLED]
    if item_ref is not None and not open_tasks:
        raise WithdrawalInvalid(f"item {item_ref} already withdrawn",
                                f"Mục {item_ref} của {title} đã được hủy trước đây.")
    assignees: dict[int, list[str]] = {}
    cancelled: list[int] = []
    for task in open_tasks:
        if task.status != TaskStatus.DONE:
            cancelled.append(task.id)
            if task.assignee_id is not None:
                assignees.setdefault(task.assignee_id, []).append(task.item_ref)
            task.status, task.updated_at = TaskStatus.CANCELLED, now
            session.add(StatusReport(task_id=task.id, person_id=by.id, created_at=now, status=TaskStatus.CANCELLED,
                                     note=reason, source="withdrawal"))
    if item_ref is None:
        notice.status, notice.closed_at = NoticeStatus.CANCELLED, now
    audit(session, at=now, actor_id=by.id, action="notice.withdraw" if item_ref is None else "task.withdraw",
          entity="notice", entity_id=notice.id, item=item_ref, reason=reason)
    log.info("notice %s%s withdrawn by %s: %s", notice.id, f" item {item_ref}" if item_ref else "", by.handle, reason)
    units = list(dict.fromkeys(t.lead_name for t in open_tasks)) if shared_by > 1 else []
    return Withdrawn(title=title, reason=reason, refs=[t.item_ref for t in open_tasks], assignees=assignees,
                     units=units, shared_by=shared_by if shared_by > 1 else 0, task_ids=cancelled)


@dataclass(frozen=True, kw_only=True)
class NoticeChoice:
    """A registered notice as an admin picks it out: its id in Nhắc việc ("#12"), title, subject, date, when it
    was confirmed (or withdrawn) and how many items it has."""

    notice_id: int
    title: str
    subject: str | None
    issued_on: dt.date | None
    closed_at: dt.datetime | None
    task_count: int
    withdrawn: bool
    # found as a twin by its number and issuer alone (a date unknown), or by its tasks (`same_tasks`: a notice without
    # a number): probably the same notice
    likely: bool = False
    same_tasks: bool = False


def notice_choices(session: Session, notice_ids: list[int]) -> list[NoticeChoice]:
    """The notices `notice_ids`, in that order, with their item counts (one query for the counts)."""
    if not notice_ids:
        return []
    rows = session.execute(select(Task.notice_id, func.count(func.distinct(Task.item_ref)))
                           .where(Task.notice_id.in_(notice_ids)).group_by(Task.notice_id))
    counts: dict[int, int] = {notice_id: count for notice_id, count in rows}
    out = []
    for notice_id in notice_ids:
        notice = session.get_one(Notice, notice_id)
        out.append(NoticeChoice(notice_id=notice.id, title=notice_title(notice), subject=notice.subject,
                                issued_on=notice.issued_on, closed_at=notice.closed_at,
                                task_count=counts.get(notice.id, 0),
                                withdrawn=notice.status == NoticeStatus.CANCELLED))
    return out


def recent_notices(session: Session, limit: int = 5) -> list[NoticeChoice]:
    """The newest confirmed notices (not withdrawn), newest first: what /huy alone offers to choose from."""
    ids = list(session.scalars(select(Notice.id).where(Notice.status == NoticeStatus.CONFIRMED)
                               .order_by(Notice.id.desc()).limit(limit)))
    return notice_choices(session, ids)


def registered_before(session: Session, parsed: ParsedNotice, source_text: str) -> NoticeChoice | None:
    """The confirmed notice a newly sent one surely repeats (same text, or same number and date), the test
    confirm_notice applies, made on receipt so the admin is told before any preview. (One it probably repeats gets
    its preview, which says so, and is asked again at confirmation: `draft_twin`.)"""
    probe = Notice(sha256=sha256_text(source_text), number=parsed.number, issued_on=parsed.date)
    twin = registered_twin(session, probe)
    return notice_choices(session, [twin.id])[0] if twin is not None else None


def unit_named(session: Session, words: str) -> str | None:
    """The one unit of the directory `words` name (not a group), as the directory names it; None otherwise."""
    found, _, group = _Leads(session).units_of(words)
    return found[0].name if group is None and len(found) == 1 else None
