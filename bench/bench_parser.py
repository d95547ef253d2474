"""Parser speed: parses the dev corpus repeatedly and prints notices/s and KB/s
for text, .docx and .pdf inputs (reading the file included), and for scanned PDFs read
by OCR. A benchmark, not a test.

    .venv/bin/python bench/bench_parser.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


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


def _has_text_layer(path: Path) -> bool:
    import pypdfium2 as pdfium

    from bot.ingest.files import text_layer_usable

    pdf = pdfium.PdfDocument(path.read_bytes())
    text = "\n".join(pdf[i].get_textpage().get_text_bounded() for i in range(len(pdf)))
    pdf.close()
    return text_layer_usable(text)


if __name__ == "__main__":
    main()
