"""Words an OCR reading of a scanned notice may have got wrong, with what was probably printed.

Tesseract is sure of its errors ("tà soát", "bô sung", "thuốc nồ": each a real syllable, read with high
confidence), so its confidences cannot point at them. Two signals can:

- **An acronym that contradicts itself**: "VUNCN" twice where the same text writes "VLNCN" eight times (one letter
  changed, added or dropped).
- **A syllable its neighbours never meet, where a near form does**: neither "cường tà" nor "tà soát" occurs in the
  project's labelled notices, while "rà soát" (a first-letter change) occurs in 155 of them and "rà" is followed by
  "soát" nearly every time. The near forms are the syllables with the same letters under other marks ("bô" → "bổ",
  "nồ" → "nổ") and those with another initial consonant ("tà" → "rà", "ghiệp" → "nghiệp").

The counts are the number of documents of the labelled corpus (tests/corpus/*/ and the shared dev set) holding
each syllable and each pair of adjacent syllables, shipped as `ocr_words.json` and rebuilt by
`bench/build_ocr_words.py` (which also measures the false alarms, each corpus text left out of its own counts).
Text read by OCR is checked; the typed corpus gives about one flag in two documents, most of them real
misspellings of the portal copies — so pasted text is checked only when the whole of it has PASTED_MIN_MISREADS
findings or more (`pasted_from_ocr`: an OCR reading copied into the chat; on the labelled corpus that flags the
OCR'd texts and almost no typed one).
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).with_name("ocr_words.json")

WORD = re.compile(r"[^\W\d_]+")
GAP = re.compile(r"[ \t\r\n]+")  # neighbours: only blanks (a line wrap too) between them, no punctuation
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
VOWEL = re.compile("[aeiouy]")
ROMAN = re.compile("[IVXLCDM]+")
ACRONYM = re.compile("[A-ZĐ]{4,}")
INITIALS = sorted("b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(), key=len, reverse=True)

MIN_PAIR_DOCS = 2  # a pair seen in one document only is no evidence (one document's own typo, repeated)
MIN_ASSOCIATION = 0.15  # documents with the pair / sqrt(documents with each syllable)
STRONG_ASSOCIATION = 0.4  # ... enough alone; weaker, the other neighbour must also go with the near form
MIN_RATIO = 2.0  # the near form is in at least twice as many documents as the syllable read
PASTED_MIN_MISREADS = 2  # findings in pasted text that say it was read by OCR (one: a typo of a typed copy)


class Misread(NamedTuple):
    seen: str  # as the text has it, with the neighbour that gives it away: "tà soát"
    guess: str  # what was probably printed: "rà soát"


Pair = tuple[str, str]


def _tone_key(syllable: str) -> str:
    """A syllable's letters and tone, wherever the tone mark sits ("hoà" and "hòa", "thuỷ" and "thủy" are one)."""
    d = unicodedata.normalize("NFD", syllable.lower())
    letters = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
    return letters + "|" + "".join(c for c in d if c in TONES)[:1]


def _bare(syllable: str) -> str:
    """The letters without any mark: "bổ" → "bo", "đốc" → "doc"."""
    d = unicodedata.normalize("NFD", syllable.replace("đ", "d"))
    return "".join(c for c in d if not unicodedata.combining(c))


def _rhyme(syllable: str) -> str:
    """The syllable after its initial consonant: "trường" → "ường"."""
    for initial in INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return syllable[len(initial):]
    return syllable


class _Token(NamedTuple):
    raw: str
    key: str  # the table's spelling, lower case
    joined: bool  # only blanks between it and the token before


class DocCounts(NamedTuple):
    """One document's syllables and adjacent pairs (each counted once)."""
    syllables: frozenset[str]
    pairs: frozenset[Pair]


class SyllableTable:
    def __init__(self, syllables: Mapping[str, int], pairs: Mapping[Pair, int], documents: int) -> None:
        self.syllables = dict(syllables)
        self.pairs = dict(pairs)
        self.documents = documents
        self._spelling = {_tone_key(s): s for s in self.syllables}
        self._near: dict[str, set[str]] = {}
        for s in self.syllables:
            self._near.setdefault("b:" + _bare(s), set()).add(s)
            self._near.setdefault("r:" + _rhyme(s), set()).add(s)

    # ------------------------------------------------------------ building
    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> SyllableTable:
        """Counts from documents; each syllable is spelt as the documents spell it most ("hòa" or "hoà")."""
        texts = list(texts)
        seen: Counter[str] = Counter()
        for text in texts:
            seen.update(w.lower() for w in WORD.findall(unicodedata.normalize("NFC", text)))
        spelling: dict[str, str] = {}
        for word, _ in seen.most_common():
            spelling.setdefault(_tone_key(word), word)
        table = cls({s: 1 for s in spelling.values()}, {}, 0)
        syllables: Counter[str] = Counter()
        pairs: Counter[Pair] = Counter()
        for text in texts:
            counts = table.counts(text)
            syllables.update(counts.syllables)
            pairs.update(counts.pairs)
        return cls(syllables, {p: n for p, n in pairs.items() if n >= MIN_PAIR_DOCS}, len(texts))

    @classmethod
    def load(cls, path: Path = DATA) -> SyllableTable:
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs = {(first, second): n for first, follow in data["pairs"].items() for second, n in follow.items()}
        return cls(data["syllables"], pairs, data["documents"])

    def dump(self, path: Path) -> None:
        follow: dict[str, dict[str, int]] = {}
        for (first, second), n in sorted(self.pairs.items()):
            follow.setdefault(first, {})[second] = n
        data = {"about": "Documents of the labelled corpus holding each syllable and each pair of adjacent syllables "
                         "(pairs in at least 2); rebuilt by bench/build_ocr_words.py.",
                "documents": self.documents, "syllables": dict(sorted(self.syllables.items())), "pairs": follow}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    # ------------------------------------------------------------ reading
    def tokens(self, text: str) -> list[_Token]:
        text = unicodedata.normalize("NFC", text)
        out: list[_Token] = []
        end = None
        for m in WORD.finditer(text):
            word = m.group()
            out.append(_Token(word, self._spelling.get(_tone_key(word), word.lower()),
                              end is not None and GAP.fullmatch(text[end:m.start()]) is not None))
            end = m.end()
        return out

    def counts(self, text: str) -> DocCounts:
        tokens = self.tokens(text)
        return DocCounts(frozenset(t.key for t in tokens),
                         frozenset((a.key, b.key) for a, b in zip(tokens, tokens[1:], strict=False) if b.joined))

    def misreads(self, text: str, *, context: str | None = None, leave_out: DocCounts | None = None) -> list[Misread]:
        """The words of `text` probably misread, each once, in the order of the text. `context` (the whole notice,
        when `text` is one task of it) is where an acronym's other spellings are counted. `leave_out`: a document
        of the table itself, measured as if the table had been built without it."""
        own = leave_out.syllables if leave_out else frozenset()
        known = {w for w in self.syllables if self.syllables[w] - (w in own) >= MIN_PAIR_DOCS}
        found = _acronyms(text, context if context is not None else text, known) + self._pairs_misread(text, leave_out)
        found.sort(key=lambda pos_misread: pos_misread[0])
        return list(dict.fromkeys(m for _, m in found))

    def _pairs_misread(self, text: str, leave_out: DocCounts | None) -> list[tuple[int, Misread]]:
        own_pairs = leave_out.pairs if leave_out else frozenset()
        own_syllables = leave_out.syllables if leave_out else frozenset()

        def pair(p: Pair) -> int:
            n = self.pairs.get(p, 0) - (p in own_pairs)
            return n if n >= MIN_PAIR_DOCS else 0

        def docs(s: str) -> int:
            return max(self.syllables.get(s, 0) - (s in own_syllables), 1)

        tokens = self.tokens(text)
        out: list[tuple[int, Misread]] = []
        for i, tok in enumerate(tokens):
            left = tokens[i - 1] if tok.joined else None
            right = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].joined else None
            if (left is None and right is None) or not VOWEL.search(_bare(tok.key)) or ROMAN.fullmatch(tok.raw):
                continue
            if (left and pair((left.key, tok.key))) or (right and pair((tok.key, right.key))):
                continue  # the text's own pair is known
            name = tok.raw[:1].isupper() and not tok.raw.isupper()
            best: tuple[float, str, _Token, bool] | None = None
            for near in self._near.get("b:" + _bare(tok.key), set()) | self._near.get("r:" + _rhyme(tok.key), set()):
                if near == tok.key or docs(near) < MIN_RATIO * docs(tok.key):
                    continue
                for side, other in ((left, right), (right, left)):
                    if side is None or (name and side.raw[:1].isupper()):  # "Mai Châu": a name, not "Lai Châu"
                        continue
                    on_left = side is left
                    n = pair((side.key, near) if on_left else (near, side.key))
                    if not n:
                        continue
                    strength = n / math.sqrt(docs(side.key) * docs(near))
                    if strength < MIN_ASSOCIATION:
                        continue
                    if other is not None and strength < STRONG_ASSOCIATION and \
                            not pair((near, other.key) if on_left else (other.key, near)):
                        continue
                    if best is None or strength > best[0]:
                        best = (strength, near, side, on_left)
            if best is not None:
                _, near, side, on_left = best
                guess = _cased(near, tok.raw)
                seen, fixed = ((f"{side.raw} {tok.raw}", f"{side.raw} {guess}") if on_left
                               else (f"{tok.raw} {side.raw}", f"{guess} {side.raw}"))
                out.append((i, Misread(seen, fixed)))
        return out


def _cased(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, added or dropped."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _acronyms(text: str, context: str, known: set[str] | frozenset[str]) -> list[tuple[int, Misread]]:
    """An acronym the notice writes rarely beside a one-letter-different one written at least three times as often
    (and 3 times): "VUNCN" ×2 beside "VLNCN" ×8 — unless other documents write it too (`known`, lower case: "BTNMT"
    beside "BNNMT" are two ministries). Each with its token's position, to sort among the pairs' findings."""
    written = Counter(m.group() for m in ACRONYM.finditer(unicodedata.normalize("NFC", context)) if _standalone(m))
    out: list[tuple[int, Misread]] = []
    tokens = WORD.findall(unicodedata.normalize("NFC", text))
    for i, word in enumerate(tokens):
        times = written.get(word, 0)
        if not times or not ACRONYM.fullmatch(word) or word.lower() in known:
            continue
        usual = [other for other, n in written.items() if n >= max(3, 3 * times) and _one_edit(word, other)]
        if len(usual) == 1:
            out.append((i, Misread(word, usual[0])))
    return out


def _standalone(m: re.Match[str]) -> bool:
    """Capitals that are not part of a longer word in capitals ("NGHI" of "NGHIÊN"); glued to a lower-case word
    they count ("dụngVLNCN" writes VLNCN)."""
    s = m.string
    return not (m.start() > 0 and s[m.start() - 1].isupper()) and not (m.end() < len(s) and s[m.end()].isupper())


@lru_cache(maxsize=1)
def table() -> SyllableTable:
    return SyllableTable.load()


def misreads(text: str, *, context: str | None = None) -> list[Misread]:
    """The shipped table's reading of `text` (see SyllableTable.misreads)."""
    return table().misreads(text, context=context)


def said(found: Sequence[Misread], limit: int = 6) -> str:
    """“tà soát” (rà soát?), “bô sung” (bổ sung?) — at most `limit`, then "…"."""
    shown = ", ".join(f"“{m.seen}” ({m.guess}?)" for m in found[:limit])
    return shown + (", …" if len(found) > limit else "")


def pasted_from_ocr(text: str) -> bool:
    """Whether pasted text reads as an OCR reading copied in ("tà soát", "dư án"): checked as a scan's text is."""
    return len(misreads(text, context=text)) >= PASTED_MIN_MISREADS
