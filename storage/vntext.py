"""Vietnamese text normalisation: one place that decides how text is compared.

Text is kept as written for display; comparisons go through `fold`, which removes
case, diacritics (so "uỷ"/"ủy", "hoá"/"hóa" and NFC/NFD forms agree), punctuation
and spacing differences."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")


def nfc(text: str) -> str:
    """NFC with the odd spaces (NBSP, zero-width, BOM) turned into plain spaces."""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text)


def strip_marks(text: str) -> str:
    if text.isascii():  # nothing to strip (NFD leaves ASCII as it is): most folded keys, every unmarked name
        return text
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def fold(text: str | None) -> str:
    """Lower-case, no diacritics, punctuation to spaces, spaces squeezed."""
    if not text:
        return ""
    return " ".join(_NON_ALNUM.sub(" ", strip_marks(text).lower()).split())


def squash(text: str | None) -> str:
    """`fold` without spaces: survives words glued or split by copy-paste."""
    return fold(text).replace(" ", "")
