"""Parser speed and accuracy: parses the dev corpus repeatedly and prints notices/s, KB/s and
ms per notice for text, .docx and .pdf inputs (reading the file included), and for scanned PDFs
read by OCR; then the scorer's TOTAL line for ../shared/corpus/dev, dev-files and every
tests/corpus/*/ folder (plus that folder's FIRST_LOOK.txt TOTAL line verbatim, labelled
"first-look": the score the parser had on those documents before any rule was written for them; and
SECOND_LOOK.txt, "second-look", when a later round of rules chosen from other batches only was scored on it).
A benchmark, not a test.

    .venv/bin/python bench/bench_parser.py [--rounds 5] [--no-score] [--extra-corpus DIR ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "tools" / "score_extraction.py"


def measure(files: list[Path], rounds: int) -> tuple[float, float, float]:
    blobs = [(p.name, p.read_bytes()) for p in files]
    start = time.perf_counter()
    for _ in range(rounds):
        for name, data in blobs:
            parse_notice(read_document(data, name))
    elapsed = time.perf_counter() - start
    kb = sum(len(d) for _, d in blobs) * rounds / 1024
    return len(blobs) * rounds / elapsed, kb / elapsed, elapsed / (len(blobs) * rounds) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=SHARED)
    ap.add_argument("--no-score", action="store_true", help="speed only, skip the scorer")
    ap.add_argument("--extra-corpus", type=Path, action="append", default=[],
                    help="another labelled folder to score (may be repeated)")
    ap.add_argument("--skip", action="append", default=[],
                    help="a corpus folder name not to score (a held-out batch while rules are being written)")
    args = ap.parse_args()
    start = time.perf_counter()
    global parse_notice, read_document
    from bot.ingest import parse_notice, read_document  # start-up cost: imports, compiled patterns

    print(f"import: {(time.perf_counter() - start) * 1000:.0f} ms")
    from bot.ingest.files import _read_pdf, ocr_available  # noqa: F401

    pdfs = sorted((args.corpus / "dev-files").glob("*.pdf"))
    scanned = [p for p in pdfs if not _has_text_layer(p)]
    groups = {
        "txt": sorted((args.corpus / "dev").glob("*.txt")),
        "docx": sorted((args.corpus / "dev-files").glob("*.docx")),
        "pdf": [p for p in pdfs if p not in scanned],
        "ocr": scanned if ocr_available() else [],
    }
    for kind, files in groups.items():
        if not files:
            print(f"{kind:5} no files")
            continue
        rounds = args.rounds if kind != "ocr" else 1
        per_s, kb_s, ms = measure(files, rounds)
        print(f"{kind:5} {len(files):3} files x{rounds}: {per_s:8.1f} notices/s  {kb_s:9.1f} KB/s  "
              f"{ms:7.1f} ms/notice")
    page = _page_long(groups["txt"])
    result = {}
    if page:
        _, _, ms = measure(page, args.rounds * 4)
        print(f"page-long notice ({len(page)} texts of 2-6 KB): {ms:.1f} ms/notice")
        result["page_ms"] = f"{ms:.1f}"
    if not args.no_score:
        folders = [args.corpus / "dev", args.corpus / "dev-files"]
        folders += sorted(p for p in (ROOT / "tests" / "corpus").glob("*/") if (p / "gold").is_dir())
        folders += args.extra_corpus
        first_looks: list[tuple[str, dict[str, str]]] = []
        for folder in folders:
            if folder.name in args.skip:
                continue
            now, first = score(folder)
            if folder.name == "dev" and now:
                result |= {f"dev_{k}": now[k] for k in ("task_f1", "lead_acc") if k in now}
            if first:
                first_looks.append((folder.name, first))
        if first_looks:  # the newest held-out batch's first look: the honest estimate on unseen notices
            name, first = first_looks[-1]
            result["newest_first_look"] = name
            result |= {f"first_{k}": first[k] for k in ("task_f1", "lead_acc", "dated_due_acc", "meta_acc")
                       if k in first}
            if not _has_header_labels(folders[[f.name for f in folders].index(name)]):
                result["first_meta_acc"] = "n/a"  # the scorer says 0.000 where no document has a labelled header
            f1s = [float(f["task_f1"]) for _, f in first_looks if "task_f1" in f]
            result["first_look_f1_range"] = f"{min(f1s):.3f}-{max(f1s):.3f}"
    print("RESULT " + " ".join(f"{k}={v}" for k, v in result.items()))


HEADER_FIELDS = ("number", "date", "signer")


def _has_header_labels(folder: Path) -> bool:
    """Whether any gold file of the folder labels the notice's number, date or signer."""
    for gold in (folder / "gold").glob("*.json"):
        notice = json.loads(gold.read_text(encoding="utf-8")).get("notice") or {}
        if any(notice.get(k) for k in HEADER_FIELDS):
            return True
    return False


def _page_long(files: list[Path]) -> list[Path]:
    """Text notices about one printed page long."""
    return [p for p in files if 2000 <= p.stat().st_size <= 6000]


def _fields(total: str | None) -> dict[str, str]:
    """"TOTAL task_f1=0.712 lead_acc=0.714 …" as a dict."""
    return dict(part.split("=", 1) for part in (total or "").split()[1:] if "=" in part)


def score(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The scorer's TOTAL line for one labelled folder, and its first-look line if it has one (both returned as
    fields)."""
    if not SCORER.exists() or not (folder / "gold").is_dir():
        print(f"{folder}: no scorer or no gold labels")
        return {}, {}
    cli = Path(sys.executable).with_name("nhacviec")
    cmd = f"{cli} parse --format json {{file}}" if cli.exists() else \
        f"{sys.executable} -m bot.cli parse --format json {{file}}"
    run = subprocess.run([sys.executable, str(SCORER), "--corpus", str(folder), "--cmd", cmd],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    total = next((ln for ln in run.stdout.splitlines() if ln.startswith("TOTAL")), run.stderr.strip()[-200:])
    print(f"{folder.name:12} now        {total}")
    first: dict[str, str] = {}
    for name, label in (("FIRST_LOOK.txt", "first-look"), ("SECOND_LOOK.txt", "second-look")):
        kept = folder / name  # second look: scored with rules from other batches only (none chosen from it)
        if kept.exists():
            line = next((ln for ln in kept.read_text(encoding="utf-8").splitlines() if ln.startswith("TOTAL")), None)
            print(f"{folder.name:12} {label:10} {line or '(no TOTAL line)'}")
            if label == "first-look":
                first = _fields(line)
    return _fields(total if total.startswith("TOTAL") else None), first


def _has_text_layer(path: Path) -> bool:
    import pypdfium2 as pdfium

    from bot.ingest.files import text_layer_usable

    pdf = pdfium.PdfDocument(path.read_bytes())
    text = "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    pdf.close()
    return text_layer_usable(text)


if __name__ == "__main__":
    main()
