"""Item numbers as people type them, and one way to compare them.

Notices number their tasks "2.1", "2.2.a", "II.5.c", "III.2.đ", "100."; people type "2.1", "Mục 2.2.a",
"ii.5.c", "II.5.C". `ref_key` is the comparison form (lower case, no "Mục", no trailing dot) and keeps
"đ" apart from "d": in a Vietnamese list they are two different items (a, b, c, d, đ, e)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from storage.vntext import nfc, strip_marks

# On lower-cased NFC text: a number, or numbered parts joined by dots ("2.1", "ii.5.c", "1.2.đ", "3.b.1").
# A Roman numeral alone is not taken ("v xong" is not item V), only with parts after it ("ii.1").
REF = r"(?:(?:[ivxlc]{1,7}|\d{1,3})(?:\.(?:\d{1,3}|[a-zđ])(?![a-zà-ỹ]))+|\d{1,3})"
# The same, on text whose marks were stripped ("đ" read as "d").
FOLDED_REF = REF.replace("đ", "")
_PREFIX = re.compile(r"^(?:mục|muc)\s*", re.I)


# a part of an item as the parser numbers it, as people type it: "2 (đoạn 1)", "2 (doan 1)", "1 (ý 3)", "1 y 3"
_PART_TYPED = re.compile(r"(?:\s*\(\s*|\s+)(đoạn|doan|ý|y)\s*(\d{1,2})\s*\)?$")


def ref_key(ref: str) -> str:
    """The form item numbers are compared in: "Mục II.5.C." → "ii.5.c"; a part "2 (đoạn 1)" → "2 (doan 1", a clause
    "1 (ý 3)" (or "1 y 3") → "1 (y 3"."""
    key = _PREFIX.sub("", nfc(ref).strip().lower()).strip(" .:)")
    return _PART_TYPED.sub(lambda m: f" ({strip_marks(m.group(1)).replace('đ', 'd')} {m.group(2)}", key)


def same_ref(a: str, b: str) -> bool:
    return ref_key(a) == ref_key(b)


def ends_ref(full: str, short: str) -> bool:
    """Whether `short` is `full` without its leading part: "4.c" of "II.4.c", "1.a" of "III.1.a" (people drop
    the section a list sits in). A bare number only drops a Roman section: "4" of "II.4" (the paper prints "4."
    under "II."), not of "1.4" (the paper prints "1.4.")."""
    key, full_key = ref_key(short), ref_key(full)
    if "." in key:
        return full_key.endswith("." + key)
    return key.isdigit() and SECTION_ITEM.fullmatch(full_key) is not None and full_key.endswith("." + key)


SECTION_ITEM = re.compile(r"[ivxlc]{1,7}\.\d{1,3}")


T = TypeVar("T")


# a part of an item the parser cut into paragraphs or clauses: "2 (đoạn 1)", "1 (ý 3)" (as `ref_key` writes them)
PART = re.compile(r"\s*\((?:doan|y)\s*\d{1,2}\)?$")  # (ref_key drops the ")")


def whole_item(ref: str) -> str:
    """"2 (đoạn 1)" → "2", "1 (ý 3)" → "1": the notice's own item number of a part."""
    return PART.sub("", ref_key(ref))


def part_of(ref: str, item: str) -> bool:
    """Whether `ref` is a part of item `item`: "2 (đoạn 1)" of "2"."""
    return whole_item(ref) == ref_key(item) != ref_key(ref)


def under(ref: str, item: str) -> bool:
    """Whether `ref` numbers a task under item `item`: "3.a" or "3 (đoạn 1)" under "3"."""
    return ref_key(ref).startswith(ref_key(item) + ".") or part_of(ref, item)


def by_ref(items: Iterable[T], item_ref: str, ref_of: Callable[[T], str]) -> list[T]:
    """The items numbered `item_ref`; if none, those it numbers without their section (`ends_ref`), or the parts of
    the item it numbers ("2" for "2 (đoạn 1)": people type the notice's number); "2 (đoạn 1)" typed, with no such
    part, finds the item "2" (a heading's only paragraph, numbered "(đoạn 1)" before migration 0027)."""
    items = list(items)
    found = ([i for i in items if same_ref(ref_of(i), item_ref)]
             or [i for i in items if ends_ref(ref_of(i), item_ref)]
             or [i for i in items if part_of(ref_of(i), item_ref)])
    if not found and FIRST_PARAGRAPH.search(ref_key(item_ref)):
        # "II.3 (đoạn 1)" typed (from a message of before) for a heading's only paragraph, now numbered "II.3"
        whole = whole_item(item_ref)
        found = [i for i in by_ref(items, whole, ref_of) if whole_item(ref_of(i)) == ref_key(ref_of(i))]
    return found


FIRST_PARAGRAPH = re.compile(r" \(doan 1$")  # (as `ref_key` writes "(đoạn 1)")


def squeezed_and_folded(text: str) -> tuple[str, str]:
    """The text with spaces squeezed (case and marks kept), and the same lower-cased without marks,
    character for character: a pattern matched on the folded text (which ignores "ủy"/"uỷ", text typed
    without marks …) gives positions that cut the item number as typed out of the squeezed one, "đ" included."""
    squeezed = " ".join(nfc(text).split())
    folded = strip_marks(squeezed).lower()
    if len(folded) != len(squeezed):  # combining marks with no letter under them: cut from the folded text
        return folded, folded
    return squeezed, folded


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def roman_section(ref: str) -> str | None:
    """"2.1.a" → "II.1.a": a notice's Roman section typed as a number (None when it cannot be one)."""
    head, _, rest = ref.partition(".")
    if not rest or not head.isdigit() or not 1 <= int(head) <= len(_ROMAN):
        return None
    return f"{_ROMAN[int(head) - 1]}.{rest}"


def position_reading(typed: str, refs: Sequence[str], *, section_left_out: bool = True) -> str | None:
    """The item of one notice (its numbers `refs`, in the notice's order) that a number typed as the person sees it
    in print points at: "4.3" for "II.4.c" — the Roman section left out, and the third dash bullet under "4."
    (lettered a, b, c … by the bot). Only where the notice has no item so numbered and the items under that number
    are all lettered; None unless exactly one item fits. Without `section_left_out`, "4.3" only for "4.c" (the
    number typed in full)."""
    typed_key = ref_key(typed)
    m = re.fullmatch(r"(?P<head>[0-9ivx]+(?:\.[0-9a-z]+)*)\.(?P<n>\d{1,2})", typed_key)
    if m is None or int(m.group("n")) < 1:
        return None
    head, n = m.group("head"), int(m.group("n"))
    keys = [ref_key(r) for r in refs]
    if any(k == typed_key or section_left_out and k.endswith("." + typed_key) for k in keys):
        return None  # an item so numbered: the number is not a position
    parents = dict.fromkeys(k.rpartition(".")[0] for k in keys if "." in k)
    found = set()
    for under in parents:
        if under != head and not (section_left_out and under.endswith("." + head)):
            continue
        children = [(k, r) for k, r in zip(keys, refs, strict=True) if k.rpartition(".")[0] == under]
        letters = [r for k, r in children if re.fullmatch(r"[a-zđ]", k.rpartition(".")[2])]
        if letters and len(letters) == len(children) and n <= len(letters):
            found.add(letters[n - 1])
    return found.pop() if len(found) == 1 else None


# Letters in the order lists use them: Vietnamese lists go a, b, c, d, đ, e, g, h …; others a, b, c, d, e, f …
_LETTERS = "abcdđefghijklmnopqrstuvwxyz"
_ROMAN_VALUE = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(part: str) -> int | None:
    if not part or any(c not in _ROMAN_VALUE for c in part):
        return None
    values = [_ROMAN_VALUE[c] for c in part]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _next_sibling(a: str, b: str, used: set[str]) -> bool:
    """Whether the last part `b` follows `a` in a list with nothing left out: "2"→"3", "II"→"III", "d"→"đ"; "d"→"e"
    only when the list has no "đ", "e"→"g" only when it has no "f" (`used`: the parts its items use)."""
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if len(a) == len(b) == 1 and a in _LETTERS and b in _LETTERS:
        i, j = _LETTERS.index(a), _LETTERS.index(b)
        return i < j and all(c in "đfjwz" and c not in used for c in _LETTERS[i + 1:j])
    ra, rb = _roman(a), _roman(b)
    return ra is not None and rb is not None and rb == ra + 1


def ref_runs(refs: Iterable[str], known: Iterable[str] = ()) -> list[list[str]]:
    """Item numbers (in the notice's order) cut into runs of siblings: one level, one parent, none left out between
    them — ["2", "2.1", "2.2.a", "2.2.b", "2.2.c", "3", "4"] → [["2"], ["2.1"], ["2.2.a", "2.2.b", "2.2.c"],
    ["3", "4"]]. A run never crosses levels ("2"–"2.2.b" says nothing of which sub-items it holds). `known`: the
    notice's other item numbers, which tell a list with "đ" or "f" from one without."""
    order = list(dict.fromkeys(refs))
    keys = [ref_key(r) for r in order]
    used = {k.rpartition(".")[2] for k in (*keys, *(ref_key(r) for r in known))}
    runs: list[list[str]] = []
    for i, ref in enumerate(order):
        if i and PART.search(keys[i]) is None and PART.search(keys[i - 1]) is None:
            parent, _, last = keys[i].rpartition(".")
            before_parent, _, before = keys[i - 1].rpartition(".")
            if parent == before_parent and _next_sibling(before, last, used):
                runs[-1].append(ref)
                continue
        runs.append([ref])
    return runs


def numbers_made_up(refs: Sequence[str], text: str) -> bool:
    """Whether a notice's item numbers `refs` are the bot's, not the paper's: each is a number (or a part of one,
    "1 (ý 2)") and the text opens no line with any of them ("1.", "2)", "(3)", "- 4:", a table's "5 |" or "5 Rà soát")
    — a portal copy in one paragraph, a letter in unnumbered paragraphs. Such a notice is numbered as the preview
    numbers its tasks, for everyone (probe 28, F4)."""
    heads = {whole_item(r) for r in refs}
    if not heads or not all(h.isdigit() for h in heads):
        return False
    text = nfc(text)
    return not any(re.search(rf"(?m)^[ \t]*(?:[-–•*+|(][ \t]*)?(?:mục[ \t]+)?{h}(?:[ \t]*[.)/:|\t-]|[ \t]+[^\W\d_])",
                             text, re.I) or re.search(rf"(?<![\w/.,])(?:\({h}\)|{h}[.)])(?=\s)", text)
                   for h in heads)  # (nor prints one inside a line: "…; 2. Sở Y …" of a flattened copy)


def read_typed(typed: str, refs: Sequence[str]) -> list[str]:
    """The items of one notice (its numbers `refs`, in the notice's order) an item number typed means, read as
    progress replies read it: so numbered, without its section or the item of its parts (`by_ref`); "2.1.a" for
    "II.1.a" (`roman_section`); else as printed, "4.3" for II.4.c (`position_reading`). [] when none. Every command
    that takes an item number (a decision, /giao, "mở lại", a question) reads it here (probe 36)."""
    found = by_ref(refs, typed, str)
    if not found and (roman := roman_section(typed)) is not None:
        found = by_ref(refs, roman, str)
    if not found and (printed := position_reading(typed, refs)) is not None:
        found = [printed]
    return found


def section_items(typed: str, refs: Sequence[str]) -> tuple[str, list[str]] | None:
    """A section typed by its number ("mục 5", "5" for "II.5" as the paper prints "5." under "II."): the section as
    the notice numbers it and its items (II.5.a … II.5.d); None when `typed` numbers no section of this notice."""
    key = ref_key(typed)
    heads = [key] + ([f"{r.lower()}.{key}" for r in _ROMAN] if key.isdigit() else [])
    found = []
    for head in heads:
        below = [r for r in refs if ref_key(r).startswith(head + ".")]
        if below and not any(ref_key(r) == head for r in refs):
            found.append((below[0][:len(head)], below))
    return found[0] if len(found) == 1 else None
