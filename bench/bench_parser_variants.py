"""The notice parser on the same documents written the ways Vietnamese text arrives: does the reading change?

Every labelled text document (../shared/corpus/dev and tests/corpus/*/) is rewritten in forms that keep
its meaning and change only how it is typed, then parsed and scored against the same gold labels:

- ``nfd``: Unicode NFD (decomposed marks, as text from macOS and some PDF converters arrives);
- ``tone``: the other tone placement in open "oa", "oe", "uy" syllables ("hoá" ↔ "hóa", "uỷ" ↔ "ủy",
  "khoẻ" ↔ "khỏe"), both directions;
- ``spaces``: copy-paste spacing: the space after "," ";" ":" dropped, no-break and doubled spaces,
  trailing blanks, CRLF line ends;
- ``wrap``: every long line hard-wrapped at about 75 characters, as text copied out of a PDF is (table rows
  written as "… | … |" lines stay whole).

The first three must not change anything (the parser normalises before it compares); ``wrap`` rebuilds
the document's lines, which the parser must join again. A benchmark, not a test: it prints, for each form,
the pooled task F1, lead and dated-deadline accuracy beside those of the text as written, the documents
whose reading changed, and one machine-readable line:

    RESULT f1_<form>=… lead_<form>=… changed_<form>=… (for each form) documents=…

    .venv/bin/python bench/bench_parser_variants.py [--form nfd --form tone …] [--corpus DIR …] [--show N] [--skip NAME]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"

# ---------------------------------------------------------------- the forms

_TONED = {"a": "àáảãạ", "e": "èéẻẽẹ", "o": "òóỏõọ", "u": "ùúủũụ", "y": "ỳýỷỹỵ"}
_PLAIN = {c: base for base, toned in _TONED.items() for c in toned}


def tone(text: str, _rng: random.Random) -> str:
    text = unicodedata.normalize("NFC", text)
    # the toned pair as one match: first letter toned ("òa") or second ("oà")
    pattern = re.compile(r"(?<![qQ\w])(?:[\w]*?)(?:[oO][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ]|"
                         r"[òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?!\w)", re.U)

    def one(m: re.Match[str]) -> str:
        word = m.group(0)
        if word[:-2].lower().endswith("q") or word[:-2].lower() in ("gi",):
            return word
        return word[:-2] + _swap_pair(word[-2:])

    return pattern.sub(one, text)


def _swap_pair(pair: str) -> str:
    first, second = pair
    lf, ls = first.lower(), second.lower()
    if lf in _PLAIN:  # tone on the first vowel → on the second
        k = _TONED[_PLAIN[lf]].index(lf)
        new_first, new_second = _PLAIN[lf], _TONED[ls][k]
    else:  # tone on the second vowel → on the first
        k = _TONED[_PLAIN[ls]].index(ls)
        new_first, new_second = _TONED[lf][k], _PLAIN[ls]
    return (new_first.upper() if first.isupper() else new_first) + (new_second.upper() if second.isupper()
                                                                     else new_second)


def nfd(text: str, _rng: random.Random) -> str:
    return unicodedata.normalize("NFD", text)


def spaces(text: str, rng: random.Random) -> str:
    def after_mark(m: re.Match[str]) -> str:
        return m.group(1) if rng.random() < 0.5 else m.group(0)

    text = re.sub(r"([,;:]) (?=[^\W\d])", after_mark, text)
    text = re.sub(r" ", lambda m: "\u00a0" if rng.random() < 0.15 else ("  " if rng.random() < 0.1 else " "), text)
    return "\r\n".join(line + (" \t" if rng.random() < 0.3 else "") for line in text.split("\n"))


def wrap(text: str, rng: random.Random) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        width = rng.randint(68, 82)
        while len(line) > width and "|" not in line:  # a table row stays one row
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


FORMS: dict[str, Callable[[str, random.Random], str]] = {"nfd": nfd, "tone": tone, "spaces": spaces, "wrap": wrap}

# ---------------------------------------------------------------- scoring


def corpora(extra: list[Path]) -> list[Path]:
    found = [SHARED / "corpus" / "dev", *sorted((ROOT / "tests" / "corpus").glob("batch-*")), *extra]
    return [c for c in found if (c / "gold").is_dir()]


Row = tuple[int, int, int, int, int, int, int]  # tp, fn, fp, leads right, leads scored, dues right, dues scored


def score(corpus: Path, preds: Path) -> dict[str, Row]:
    """The scorer's row of each document: (tp, fn, fp, lead right/scored, due right/scored)."""
    out = subprocess.run([sys.executable, str(SCORER), "--verbose", "--corpus", str(corpus), "--pred", str(preds)],
                         capture_output=True, text=True, check=True).stdout
    rows: dict[str, Row] = {}
    for line in out.splitlines():
        m = re.match(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/(\d+)\s+(\d+)/(\d+)", line)
        if m:
            n = [int(x) for x in m.groups()[3:]]
            rows[m.group(1)] = (n[0], n[1], n[2], n[3], n[4], n[5], n[6])
    return rows


def pooled(rows: dict[str, Row]) -> tuple[float, float, float]:
    """Task F1, lead accuracy and deadline accuracy over every task of every document."""
    t = [sum(r[i] for r in rows.values()) for i in range(7)]
    f1 = 2 * t[0] / (2 * t[0] + t[1] + t[2]) if t[0] else 0.0
    return f1, t[3] / t[4] if t[4] else 0.0, t[5] / t[6] if t[6] else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--form", action="append", choices=sorted(FORMS), help="a form to try (default: all)")
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="another labelled folder")
    ap.add_argument("--show", type=int, default=8, help="documents whose reading changed to list per form")
    ap.add_argument("--skip", action="append", default=[],
                    help="a corpus folder name to leave out (a held-out batch while rules are being written)")
    args = ap.parse_args()
    from bot.ingest import parse_notice

    forms = args.form or list(FORMS)
    folders = [c for c in corpora(args.corpus) if c.name not in args.skip]
    work = Path(tempfile.mkdtemp(prefix="parser-variants-"))
    readings: dict[str, dict[str, Row]] = {}
    for form in ["as-written", *forms]:
        readings[form] = {}
        for corpus in folders:
            docs_dir, pred_dir = work / form / corpus.name / "docs", work / form / corpus.name / "pred"
            docs_dir.mkdir(parents=True)
            pred_dir.mkdir(parents=True)
            (docs_dir / "gold").symlink_to(corpus / "gold")
            for path in sorted(corpus.glob("*.txt")):
                if not (corpus / "gold" / f"{path.stem}.json").exists():
                    continue
                text = path.read_text(encoding="utf-8")
                if form != "as-written":
                    text = FORMS[form](text, random.Random(zlib.crc32(path.name.encode())))
                (docs_dir / path.name).write_bytes(text.encode("utf-8"))
                notice = parse_notice(text)
                (pred_dir / f"{path.stem}.json").write_text(json.dumps(notice.to_json(), ensure_ascii=False),
                                                           encoding="utf-8")
            readings[form].update({f"{corpus.name}/{k}": v for k, v in score(docs_dir, pred_dir).items()})
    base = readings["as-written"]
    print(f"{len(base)} documents in {len(folders)} folders (tasks pooled over all of them)")
    result = ["RESULT"]
    for form, rows in readings.items():
        f1, lead, due = pooled(rows)
        changed = sorted(k for k in base if rows.get(k) != base[k])
        print(f"{form:11} task F1 {f1:.3f}  lead {lead:.3f}  deadline {due:.3f}"
              + (f"  reading changed: {len(changed)} documents" if form != "as-written" else ""))
        for k in changed[:args.show]:
            print(f"{'':13}{k}: (tp, fn, fp, lead, of, due, of) {base[k]} → {rows.get(k)}")
        if form != "as-written":
            result += [f"f1_{form}={f1:.3f}", f"lead_{form}={lead:.3f}", f"changed_{form}={len(changed)}"]
    print(" ".join([*result, f"documents={len(base)}"]))


if __name__ == "__main__":
    main()
