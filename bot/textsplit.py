"""Split a long message into numbered parts that each fit a channel's text limit.

Pure and channel-neutral: Telegram allows 4096 characters, Zalo 2000. A part ends
at the best boundary the window offers — a paragraph, else a line, else a sentence,
else a space — and never inside a word: only a single word longer than the room in
a part is cut. Parts carry a "(1/3) " prefix that is counted inside the limit."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["split_message", "part_label"]

# A boundary is the run of whitespace in group "gap": a part ends where the gap starts
# and the next part begins where it ends. Coarsest first.
_PARAGRAPH = re.compile(r"(?P<gap>[ \t]*\n[ \t]*\n\s*)")
_LINE = re.compile(r"(?P<gap>[ \t]*\n\s*)")
# After a sentence end, perhaps closed by quotes or brackets: «… xong.” Tiếp theo».
_SENTENCE = re.compile(r"[.!?…;][\"'”’»)\]]*(?P<gap>\s+)")
_SPACE = re.compile(r"(?P<gap>\s+)")
_LEVELS = (_PARAGRAPH, _LINE, _SENTENCE)


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
    while start < len(text):
        if len(text) - start <= room:
            pieces.append(text[start:].rstrip())
            break
        cut, resume = _cut(text, start, room)
        pieces.append(text[start:cut])
        start = _skip_space(text, resume)
    return [p for p in pieces if p]


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
