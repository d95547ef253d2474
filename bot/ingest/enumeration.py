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
    """`twice`: the marker's letter came twice running ("đ)" … "đ)"); else `missing` is the letter between."""
    letter: str
    twice: bool = False
    missing: str = ""


def skips(text: str) -> list[Skip]:
    """Each place a run of lettered markers ("a)", "b)" …, a numbered heading starting a new run) repeats a letter or
    jumps one. Only one-letter jumps: a longer gap is more likely items the text does not have (an excerpt)."""
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
