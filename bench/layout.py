"""Reading order of our text layers against pdftotext and pdfplumber, PDF by PDF.

    .venv/bin/python bench/layout.py ../shared/realpdfs-dev/ [--pages]

Prints, per PDF with a text layer, the share of the reference's words that our page text
has in the same order (the better of the two readers per page; tests/test_ingest_realpdfs.py
holds every PDF to ≥ 98 %), and the time our reader and pdftotext took. --pages lists the
pages below 98 %.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from dispatch_reader.ingest.crosscheck import compare, pdftotext_pages
from dispatch_reader.ingest.reader import read_document
from dispatch_reader.ingest.settings import IngestSettings


def main(folder: Path, list_pages: bool) -> None:
    table = Table(title=f"Words in a second reader's order — {folder}")
    for col in ("PDF", "pages", "words", "in lines", "ours s", "pdftotext s"):
        table.add_column(col, justify="left" if col == "PDF" else "right")
    settings = IngestSettings(ocr_mode="never")
    total_hit = total_ref = 0
    ours_s = poppler_s = 0.0
    low: list[str] = []
    for pdf in sorted(folder.glob("*.pdf")):
        t0 = time.perf_counter()
        doc = read_document(pdf, settings)
        t1 = time.perf_counter()
        pdftotext_pages(pdf)
        t2 = time.perf_counter()
        ours_s, poppler_s = ours_s + t1 - t0, poppler_s + t2 - t1
        pages = {p.number: p.text for p in doc.pages if p.method == "text_layer"}
        if not pages:
            continue
        agreement = compare(pdf, pages)
        hit = sum(a.in_order for a in agreement)
        ref = sum(a.words for a in agreement)
        total_hit, total_ref = total_hit + hit, total_ref + ref
        low += [f"{pdf.name} p{a.number}: {a.share:.1%} of {a.words} ({a.reader})" for a in agreement if a.share < 0.98]
        table.add_row(pdf.name[:48], str(len(doc.pages)), str(ref), f"{hit / max(ref, 1):.2%}",
                      f"{t1 - t0:.2f}", f"{t2 - t1:.2f}")
    table.add_row("all", "", str(total_ref), f"{total_hit / max(total_ref, 1):.2%}", f"{ours_s:.1f}", f"{poppler_s:.1f}")
    Console().print(table)
    if list_pages:
        print("\n".join(low))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0] if args else "../shared/realpdfs-dev"), "--pages" in sys.argv)
