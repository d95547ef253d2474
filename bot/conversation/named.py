"""Who a command names at its end: "@cv_stp", "cv_stp" or a full name as a head types it ("Lê Thị Luật", marks
and case aside), as /moi accepts. /giao and /nghi use it (probe 21, F7: heads and cadres know names, not handles)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Person, Role
from storage.vntext import fold


@dataclass(frozen=True, kw_only=True)
class Named:
    """`before`: the words before the name; `people`: whom the name fits (one: found; several: say which;
    none: nobody of that name or handle); `said`: the words read as the name (or handle)."""

    before: list[str]
    people: list[Person]
    said: str


def _by_handle(session: Session, word: str) -> Person | None:
    key = word.strip().lstrip("@").lower()
    if not key:
        return None
    return session.scalar(select(Person).where(Person.handle == key)) or session.scalar(
        select(Person).where(func.lower(Person.telegram_username) == key))


def called(session: Session, typed: str) -> list[Person]:
    """Whom a command's argument names: a handle or Telegram username ("tp_tckh", "@tp_tckh"), else a full name as a
    clerk types it ("Lê Văn Tài", marks and case aside); several people may share a name. People who left are not
    named by their full name."""
    if (found := _by_handle(session, typed)) is not None:
        return [found]
    wanted = fold(typed)
    return [p for p in session.scalars(select(Person).where(Person.role != Role.LEFT).order_by(Person.handle))
            if fold(p.full_name) == wanted]


def named_at_end(session: Session, args: list[str], *, keep: int, near: Person,
                 units: Collection[int] = ()) -> Named | None:
    """The person the words after the first `keep` name, at their end: a handle (the last word), else the longest
    run of last words that is someone's full name (people of `near`'s own units first, when a name is shared), else
    the last word or two as the end of the full names of the people of `units` (the task's unit: "/giao III.1.k
    Hương"), or of `near`'s own units when none are given; None when no word follows the first `keep`."""
    if len(args) <= keep:
        return None
    last = args[-1]
    if (found := _by_handle(session, last)) is not None:
        return Named(before=args[:-1], people=[found], said=last)
    if last.startswith("@"):
        return Named(before=args[:-1], people=[], said=last)
    everyone = [p for p in session.scalars(select(Person).where(Person.role != Role.LEFT).order_by(Person.id))]
    names: dict[str, list[Person]] = {}
    for p in everyone:
        names.setdefault(fold(p.full_name), []).append(p)
    for start in range(keep, len(args)):
        said = " ".join(args[start:])
        people = names.get(fold(said))
        if people:
            units = set(near.headed_unit_ids) | ({near.unit_id} if near.unit_id is not None else set())
            close = [p for p in people if p.unit_id in units and p.id != near.id]
            return Named(before=args[:start], people=close or people, said=said)
    scope = set(units) or set(near.headed_unit_ids) | ({near.unit_id} if near.unit_id is not None else set())
    for start in range(max(keep, len(args) - _GIVEN_WORDS), len(args)):  # a given name ("Hương", "Thị Hương")
        said = " ".join(args[start:])
        ending = f" {fold(said)}"
        people = [p for p in everyone if p.unit_id in scope and p.id != near.id and
                  f" {fold(p.full_name)}".endswith(ending) and fold(p.full_name) != fold(said)]
        if people:
            return Named(before=args[:start], people=people, said=said)
    return Named(before=args[:keep], people=[], said=" ".join(args[keep:]))


_GIVEN_WORDS = 2  # a person called by the last words of the full name: "Hương", "Thị Hương"


def colleague_example(session: Session, person: Person) -> tuple[str, str] | None:
    """(handle, full name) of someone of this office's directory to show in a command's example: a colleague of
    the person's unit first, else anyone else."""
    query = select(Person).where(Person.id != person.id, Person.role != Role.LEFT).order_by(Person.full_name)
    mate = session.scalars(query.where(Person.unit_id == person.unit_id)).first() if person.unit_id is not None \
        else None
    other = mate or session.scalars(query).first()
    return (other.handle, other.full_name) if other is not None else None
