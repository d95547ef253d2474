"""Lettered list markers in a notice's text that do not follow on ("c)" then "đ)", "đ)" twice): what an OCR reading
does to "d)" and to a line's first letters, so two tasks would share one item number or one would be missed."""

from __future__ import annotations

import re
from dataclasses import dataclass

LETTERS = "abcdđeghiklmnopqrstuvxy"  # the letters Vietnamese documents number items with (no f, j, w, z)
_MARKER = re.compile(r"^[ \t]*([a-zđ])[ \t]*\)", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*)[.)][ \t]", re.MULTILINE)


@dataclass(frozen=True)
class Skip:
    """`twice`: the marker's letter (or number) came twice running ("đ)" … "đ)"); else `missing` is the one
    between."""
    letter: str
    twice: bool = False
    missing: str = ""


def skips(text: str) -> list[Skip]:
    """Each place a run of lettered markers ("a)", "b)" …, a numbered heading starting a new run) repeats a letter or
    jumps one, then each place a run of numbered items ("1.", "2." …, a section heading starting a new run) does
    (`Skip.letter` is then the number: "6" after "4."). Only one-step jumps: a longer gap is more likely items the
    text does not have (an excerpt). Numbers an OCR reading spoiled where the neighbours vouch for them
    (`repair_numbers`) are read as repaired: the parser took them as items."""
    return _letter_skips(text) + _number_skips(repair_numbers(text))


def _number_skips(text: str) -> list[Skip]:
    found: list[Skip] = []
    last: int | None = None
    for ln in text.split("\n"):
        if _SECTION.match(ln) or _ARTICLE.match(ln):
            last = None
        elif m := _NUM_MARK.match(ln):
            n = int(m.group(1))
            if last is not None and n == last > 1:  # ("1." after a one-item list: another list starting)
                found.append(Skip(str(n), twice=True))
            elif last is not None and n == last + 2:
                found.append(Skip(str(n), missing=str(n - 1)))
            last = n
    return found


def _letter_skips(text: str) -> list[Skip]:
    found: list[Skip] = []
    events = sorted([(m.start(), "heading", "") for m in _HEADING.finditer(text)]
                    + [(m.start(), "marker", m.group(1)) for m in _MARKER.finditer(text) if m.group(1) in LETTERS])
    last: str | None = None
    for _, kind, letter in events:
        if kind == "heading" or letter == "a":
            last = letter or None
            continue
        if last is not None:
            gap = LETTERS.index(letter) - LETTERS.index(last)
            if gap == 0:
                found.append(Skip(letter, twice=True))
            elif gap == 2:
                found.append(Skip(letter, missing=LETTERS[LETTERS.index(last) + 1]))
        last = letter
    return found


# An arabic item mark as typed ("5. Tập trung …"), and the two ways an OCR reading spoils one: the stop lost
# ("1 Đổi mới …") or the digit read as a letter ("Š. Tập trung …", "S. …", "l. …"; not "I.", a section's roman numeral)
_NUM_MARK = re.compile(r"^[ \t]*(\d{1,2})[ \t]*[.)][ \t]")
_NO_STOP = re.compile(r"^([ \t]*)(\d{1,2})[ \t]+(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])")
_LOOKALIKE = re.compile(r"^([ \t]*)([ŠšSs$l|OoB])[ \t]*\.[ \t]+(?=[A-ZĐÀ-Ỹ])")
_ARTICLE = re.compile(r"^[ \t]*Điều[ \t]+\d")  # "Điều 2. …": its clauses number from 1 again
_AS_DIGIT = {"Š": "5", "š": "5", "S": "5", "s": "5", "$": "5", "l": "1", "|": "1", "O": "0", "o": "0",
             "B": "8"}
_SECTION = re.compile(r"^[ \t]*(?:[IVX]{1,4}[ \t]*[.)][ \t]|[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ,]{5,}$)")


# an extract that set its item marks apart and lost their stop: a number alone on its line above the item's first "- "
# line ("1" / "- Thời gian thực hiện …"), or a number before a dash ("2 - Sở Lao động … có trách nhiệm.")
_ALONE_MARK = re.compile(r"^\s*(\d{1,2})\s*$")
_DASH_MARK = re.compile(r"^(\s*)(\d{1,2})\s+-\s+(?=[A-ZĐÀ-Ỹ])", re.U)


def _detached_marks(lines: list[str]) -> list[str]:
    """Such marks put back as "1.", "2." … (the line under a number alone is its item's text, its dash dropped) — only
    where they number whole lists, each from 1 on with none skipped, two at least: the "- " lines below each are its
    items (a unit's heading, "2. Sở X có trách nhiệm.", over its duties), not one list of dashes run together."""
    found: list[tuple[int, int, bool]] = []  # (line index, number, alone on its line)
    for i, ln in enumerate(lines):
        if (alone := _ALONE_MARK.match(ln)) and i + 1 < len(lines) and lines[i + 1].lstrip().startswith("- "):
            found.append((i, int(alone.group(1)), True))
        elif dash := _DASH_MARK.match(ln):
            found.append((i, int(dash.group(2)), False))
    runs: list[int] = []  # the length of each run of marks (a new run starts at 1: the next article's list)
    for _, n, _ in found:
        if n == 1:
            runs.append(1)
        elif runs and n == runs[-1] + 1:
            runs[-1] = n
        else:
            return lines
    if not runs or min(runs) < 2:
        return lines
    out = list(lines)
    for i, n, on_its_own in found:
        if on_its_own:
            out[i], out[i + 1] = "", f"{n}. {lines[i + 1].lstrip()[2:]}"
        elif mark := _DASH_MARK.match(lines[i]):
            out[i] = f"{mark.group(1)}{n}. {lines[i][mark.end():]}"
    alone_at = {i for i, _, on_its_own in found if on_its_own}
    return [ln for k, ln in enumerate(out) if k not in alone_at]


_ROMAN_ONE = re.compile(r"^([ \t]*)I[ \t]*\.[ \t]+(?=[A-ZĐÀ-Ỹ][a-zđà-ỹ])", re.U)
_ROMAN_TWO = re.compile(r"^[ \t]*II[ \t]*[.)]", re.M)


def _roman_one(lines: list[str]) -> list[str]:
    """"I. Tổ chức tuyên truyền …" over "2. Rà soát …", "3. …" in a text with no part "II.": the item mark "1." an OCR
    read as the roman "I." (a part would have a sibling, and its items would number from 1)."""
    if _ROMAN_TWO.search("\n".join(lines)):
        return lines
    out = list(lines)
    for i, ln in enumerate(lines):
        if (one := _ROMAN_ONE.match(ln)) is None:
            continue
        after = next((int(m.group(1)) for later in lines[i + 1:] if (m := _NUM_MARK.match(later))), None)
        if after == 2:
            out[i] = f"{one.group(1)}1. {ln[one.end():]}"
    return out


def repair_numbers(text: str) -> str:
    """Put back an arabic item mark an OCR reading spoiled, where its neighbours say which number it is: between
    "4." and "6." a line "Š. Tập trung …" is item 5; between a section heading ("II. NHIỆM VỤ …") and "2." a line
    "1 Đổi mới …" is item 1. Without it the item's text runs into the item above (or the section's lead-in) and the
    preview silently loses it."""
    lines = _roman_one(_detached_marks(text.split("\n")))
    marks: list[tuple[int, int]] = []  # (line index, number) of the good marks, and 0 at a section heading
    for i, ln in enumerate(lines):
        if m := _NUM_MARK.match(ln):
            marks.append((i, int(m.group(1))))
        elif _SECTION.match(ln):
            marks.append((i, 0))
    for i, ln in enumerate(lines):
        if _NUM_MARK.match(ln) or not ln.strip():
            continue
        m = _NO_STOP.match(ln)
        n = int(m.group(2)) if m else None
        look = _LOOKALIKE.match(ln) if m is None else None
        if look is not None:
            n = int(_AS_DIGIT[look.group(2)]) if _AS_DIGIT[look.group(2)] != "0" else None
        if n is None:
            continue
        before = [k for j, k in marks if j < i]
        after = [k for j, k in marks if j > i]
        prev_ok = bool(before) and before[-1] == n - 1 and (n > 1 or _previous_is_heading(lines, i))
        if not (prev_ok and after and after[0] == n + 1):
            continue
        if m is not None:
            lines[i] = f"{m.group(1)}{n}. {ln[m.end():]}"
        elif look is not None:
            lines[i] = f"{look.group(1)}{n}. {ln[look.end():]}"
    return "\n".join(_stopless_run(lines))


def _stopless_run(lines: list[str]) -> list[str]:
    """A whole list whose marks all lost their stop in an OCR reading: after a lead-in that ends in ":" ("… thực
    hiện tốt một số việc sau:"), "1 Đôn đốc …", "2 Đánh giá …", "3 Đề xuất …" — numbers running on from 1 at the
    start of lines, each before a sentence of work (a few words at least, not a table's "1 Sở Tài chính" row), with
    no typed mark among them. Each is put back as "1.", "2." …; a run of one is left alone."""
    i = 0
    while i < len(lines):
        m = _NO_STOP.match(lines[i])
        if m is None or m.group(2) != "1" or not _after_lead_in(lines, i) or not _sentence_after(lines[i], m):
            i += 1
            continue
        run, want = [i], 2
        for j in range(i + 1, len(lines)):
            if _NUM_MARK.match(lines[j]) or _SECTION.match(lines[j]):
                break
            k = _NO_STOP.match(lines[j])
            if k is not None and int(k.group(2)) == want and _sentence_after(lines[j], k):
                run.append(j)
                want += 1
        if len(run) >= 2:
            for j in run:
                k = _NO_STOP.match(lines[j])
                assert k is not None
                lines[j] = f"{k.group(1)}{k.group(2)}. {lines[j][k.end():]}"
        i = run[-1] + 1
    return lines


def _after_lead_in(lines: list[str], i: int) -> bool:
    for ln in reversed(lines[:i]):
        if ln.strip():
            return ln.rstrip().endswith(":")
    return False


def _sentence_after(line: str, m: re.Match[str]) -> bool:
    return len(line[m.end():].split()) >= 5


def _previous_is_heading(lines: list[str], i: int) -> bool:
    """Whether the last non-blank line above line `i` is a section heading (so a "1 …" under it opens the list)."""
    for ln in reversed(lines[:i]):
        if ln.strip():
            return _SECTION.match(ln) is not None
    return False


_ITEM_REF = re.compile(r"^(?:[IVXLC]+\.)?\d{1,3}(?:\.\d{1,3})*$")  # a numbered item's ref: "3", "II.4", "2.1"


def unread_items(candidates: list[str], kept: list[str], text: str) -> list[str]:
    """The numbered items (`candidates`: the refs of every candidate task, the task filter off) of which no task is
    kept (`kept`: the refs of the tasks read) — neither the item itself, a duty split off it ("3 (ý 2)"), nor an item
    under it ("3.1") — and whose mark opens a line of `text` ("3.", "2.2.", "1." under "II."): what the preview says
    was not read as a task, so nothing is dropped without a word."""
    def held(ref: str) -> bool:
        return any(k == ref or k.startswith((f"{ref} ", f"{ref}.")) for k in kept)

    def printed(ref: str) -> bool:
        mark = re.sub(r"^[IVXLC]+\.", "", ref)
        return re.search(rf"(?m)^[ \t]*{re.escape(mark)}[ \t]*[.)]", text) is not None
    out: list[str] = []
    for ref in candidates:
        if _ITEM_REF.match(ref) and not held(ref) and ref not in out and printed(ref):
            out.append(ref)
    return out
