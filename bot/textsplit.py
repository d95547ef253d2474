"""Split a long message into numbered parts that each fit a channel's text limit.

Pure and channel-neutral: Telegram allows 4096 characters, Zalo 2000. A part ends
at the best boundary the window offers — a paragraph, else a block (a line and the
indented lines under it: a unit's counts under its name), else a line, else a sentence,
else a space — and never inside a word: only a single word longer than the room in
a part is cut. A part that has to begin inside a block begins with the block's first
line again, marked "(tiếp)", so it never starts with counts whose unit it does not name
(probe 24 #7). Parts carry a "(1/3) " prefix that is counted inside the limit."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["split_message", "part_label"]

# A boundary is the run of whitespace in group "gap": a part ends where the gap starts
# and the next part begins where it ends. Coarsest first.
_PARAGRAPH = re.compile(r"(?P<gap>[ \t]*\n[ \t]*\n\s*)")
# a line break before a line that is not indented: the end of a block
_BLOCK = re.compile(r"(?P<gap>[ \t]*\n)(?=[^ \t\n])")
_LINE = re.compile(r"(?P<gap>[ \t]*\n\s*)")
# After a sentence end, perhaps closed by quotes or brackets: «… xong.” Tiếp theo».
_SENTENCE = re.compile(r"[.!?…;][\"'”’»)\]]*(?P<gap>\s+)")
_SPACE = re.compile(r"(?P<gap>\s+)")
_LEVELS = (_PARAGRAPH, _BLOCK, _LINE, _SENTENCE)
CONTINUED = " (tiếp)"  # after a block's first line repeated at the top of the next part
HEAD_MAX = 200  # a longer first line is shortened when repeated


def part_label(index: int, total: int) -> str:
    """The prefix of part `index` (1-based) of `total`: "(1/3) "."""
    return f"({index}/{total}) "


def split_message(text: str, limit: int) -> list[str]:
    """`text` unchanged in a one-element list if it fits `limit`; otherwise numbered parts,
    each at most `limit` characters including its "(i/n) " prefix. Whitespace at a cut is
    dropped. A text that is nothing but whitespace and longer than the limit gives []."""
    if len(text) <= limit:
        return [text]
    digits = 1
    while True:
        room = limit - len(part_label(10**digits - 1, 10**digits - 1))
        if room < 1:
            raise ValueError(f"a limit of {limit} characters leaves no room for text after the part number")
        pieces = _pieces(text, room)
        if len(str(len(pieces))) <= digits:
            break
        digits = len(str(len(pieces)))  # more parts than the label width assumed: less room, split again
    total = len(pieces)
    return [part_label(i, total) + piece for i, piece in enumerate(pieces, start=1)]


def _pieces(text: str, room: int) -> list[str]:
    pieces: list[str] = []
    start = _skip_space(text, 0)
    carry = ""  # the first line of a block cut, said again above the rest of it
    while start < len(text):
        space = room - len(carry)
        if len(text) - start <= space:
            pieces.append(carry + text[start:].rstrip())
            break
        cut, resume = _cut(text, start, space)
        pieces.append(carry + text[start:cut])
        head = _block_head(text, resume)
        carry = "" if head is None or len(head) + len(CONTINUED) + 1 > room // 2 else f"{head}{CONTINUED}\n"
        start = _line_start(text, resume) if carry else _skip_space(text, resume)
    return [p for p in pieces if p]


def _line_start(text: str, pos: int) -> int:
    """The start of the line `pos` is on, if only whitespace comes before it there (its indentation kept)."""
    begin = text.rfind("\n", 0, pos) + 1
    return begin if not text[begin:pos].strip() else pos


def _block_head(text: str, resume: int) -> str | None:
    """The first line of the block the next part begins inside (the part begins on an indented line, or inside a
    line that is under one): the nearest line above that is not indented, within the same paragraph. None when the
    part begins a block, or a line not under any."""
    pos = _skip_space(text, resume)
    if pos >= len(text):
        return None
    begin = text.rfind("\n", 0, pos) + 1
    line = text[begin:text.find("\n", begin) if "\n" in text[begin:] else len(text)]
    if not line[:1].isspace():
        return None  # a sentence cut inside a block's own first line, or a line under nothing
    while begin > 0:
        end = begin - 1
        begin = text.rfind("\n", 0, end) + 1
        above = text[begin:end]
        if not above.strip():
            return None  # a blank line: another paragraph
        if not above[:1].isspace():
            head = above.rstrip()
            return head if len(head) <= HEAD_MAX else head[:HEAD_MAX - 1].rstrip() + "…"
    return None


def _cut(text: str, start: int, room: int) -> tuple[int, int]:
    """Where the part starting at `start` ends, and where the next one begins."""
    end = start + room  # the part may hold text[start:end]
    # A boundary counts if the text before it fits; the whitespace itself may run past `end`.
    window = text[start:end + 1]
    half = room // 2
    for level in _LEVELS:
        found = _last_boundary(level, window)
        if found is not None and found[0] >= half:
            return start + found[0], start + found[1]
    found = _last_boundary(_SPACE, window)
    if found is not None and found[0] > 0:
        return start + found[0], start + found[1]
    # One word longer than the room: cut it, but keep combining marks with their base letter.
    cut = end
    while cut > start + 1 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut, cut


def _last_boundary(pattern: re.Pattern[str], window: str) -> tuple[int, int] | None:
    last: tuple[int, int] | None = None
    for match in pattern.finditer(window):
        if match.start("gap") > 0:
            last = (match.start("gap"), match.end("gap"))
    return last


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
