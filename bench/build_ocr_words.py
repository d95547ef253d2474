"""Rebuild bot/ocr_words.json (the syllable counts the OCR preview's "Có thể đọc sai" line reads) and measure it.

    PYTHONPATH=$PWD .venv/bin/python bench/build_ocr_words.py            # measure only
    PYTHONPATH=$PWD .venv/bin/python bench/build_ocr_words.py --write    # rebuild the data file, then measure

Texts: every labelled corpus text (tests/corpus/*/*.txt and ../shared/corpus/dev/*.txt; typed, from portals and
text layers). Measures:
- false alarms: each corpus text checked with its own counts taken out of the table (as if it were new), words
  flagged per document; `--show N` lists N of them to read (many are real misspellings of the portal copies);
- OCR texts given with `--ocr FILE[:LEAVE_OUT]` (LEAVE_OUT: a corpus file name part whose counts are taken out,
  e.g. the typed copy of the same notice): every word flagged.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.ocrwords import DATA, SyllableTable  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPUS_DIRS = sorted((ROOT / "tests" / "corpus").glob("*/")) + [SHARED / "corpus" / "dev"]


def corpus_files() -> list[Path]:
    return [f for d in CORPUS_DIRS for f in sorted(d.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"write {DATA.relative_to(ROOT)}")
    ap.add_argument("--show", type=int, default=0, help="list this many corpus flags (a random sample)")
    ap.add_argument("--ocr", action="append", default=[], help="an OCR text to check, FILE[:LEAVE_OUT]")
    args = ap.parse_args()
    files = corpus_files()
    texts = {f: f.read_text(encoding="utf-8") for f in files}
    table = SyllableTable.from_texts(texts.values())
    print(f"{len(files)} texts, {len(table.syllables)} syllables, {len(table.pairs)} pairs in 2+ documents")
    if args.write:
        table.dump(DATA)
        print(f"wrote {DATA.relative_to(ROOT)} ({DATA.stat().st_size // 1024} KiB)")
    flags = []
    per_doc: Counter[int] = Counter()
    for f, text in texts.items():
        found = table.misreads(text, leave_out=table.counts(text))
        per_doc[len(found)] += 1
        flags += [(f.name[:40], m) for m in found]
    print(f"corpus, each text left out of the counts: {len(flags)} words flagged in {len(files)} documents "
          f"({len(flags) / len(files):.2f} a document); documents by number flagged: {sorted(per_doc.items())}")
    for name, m in random.Random(1).sample(flags, min(args.show, len(flags))):
        print(f"  {name}: “{m.seen}” ({m.guess}?)")
    for spec in args.ocr:
        path, _, leave = spec.partition(":")
        own = next((table.counts(t) for f, t in texts.items() if leave and leave in f.name), None)
        found = table.misreads(Path(path).read_text(encoding="utf-8"), leave_out=own)
        print(f"{path}{f' (without {leave})' if own else ''}: {len(found)} words flagged")
        for m in found:
            print(f"  “{m.seen}” ({m.guess}?)")


if __name__ == "__main__":
    main()
