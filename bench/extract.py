"""Speed of extraction alone (page text → facts), in pages per second on one core.

Pages come from the born-digital samples' text layers (samples/*.pdf, read once with
pdfplumber before timing) and from ../shared/realdocs-dev/*.txt when present; OCR and PDF
reading are not timed. Prints a table; the target is ≥ 100 pages/s.

    .venv/bin/python bench/extract.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dispatch_reader.extract import extract_facts  # noqa: E402
from dispatch_reader.ingest.pages import PageText  # noqa: E402


def _one_core() -> None:
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass


def sample_docs() -> list[tuple[str, list[PageText]]]:
    import pdfplumber

    out = []
    for pdf in sorted((ROOT / "samples").glob("*.pdf")):
        if pdf.name.endswith(".scan.pdf"):
            continue
        with pdfplumber.open(pdf) as doc:
            texts = [unicodedata.normalize("NFC", p.extract_text() or "") for p in doc.pages]
        out.append((pdf.name, [PageText(i + 1, t) for i, t in enumerate(texts)]))
    return out


def realdocs() -> list[tuple[str, list[PageText]]]:
    folder = ROOT.parent / "shared" / "realdocs-dev"
    out = []
    for txt in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        text = unicodedata.normalize("NFC", txt.read_text("utf-8"))
        out.append((txt.name, [PageText(i + 1, t) for i, t in enumerate(text.split("\f"))]))
    return out


def bench(docs: list[tuple[str, list[PageText]]], rounds: int) -> tuple[int, int, float, float, float]:
    pages = sum(len(p) for _, p in docs)
    chars = sum(len(x.text) for _, p in docs for x in p)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _, p in docs:
            extract_facts(p)
        times.append(time.perf_counter() - t0)
    best, median = min(times), statistics.median(times)
    return pages, chars, pages / best, pages / median, chars / median / 2000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    _one_core()
    t0 = time.perf_counter()
    extract_facts([PageText(1, "SỞ NỘI VỤ\nSố: 1/QĐ-SNV\n")])  # builds the pipeline once
    warm = time.perf_counter() - t0
    sets = [("samples (text layer)", sample_docs()), ("realdocs-dev (.txt)", realdocs())]
    print(f"pipeline build + first call: {warm * 1000:.0f} ms")
    print(f"{'set':24s} {'docs':>5s} {'pages':>6s} {'chars/page':>10s} {'pages/s best':>13s} {'pages/s median':>15s}"
          f" {'2000-char pages/s':>18s}")
    for name, docs in sets:
        if not docs:
            print(f"{name:24s} {'-':>5s}  (not found)")
            continue
        pages, chars, best, median, norm = bench(docs, args.rounds)
        print(f"{name:24s} {len(docs):5d} {pages:6d} {chars / pages:10.0f} {best:13.1f} {median:15.1f} {norm:18.1f}")
    print("target: >= 100 pages/s on one core (a printed A4 page holds about 2,000 characters;")
    print("the realdocs texts are whole documents given as one page each)")


if __name__ == "__main__":
    main()
