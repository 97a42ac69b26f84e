"""Speed of the ingestion stage against the plain tools it is built on.

For the scanned samples (samples/*.scan.pdf): pages per minute for our OCR stage
(read_document, no cache) and for the plain `tesseract` command on the same page images
(300 dpi PNG, same languages, OMP_THREAD_LIMIT=1), at 1 and 2 workers, and their ratio.
For the born-digital samples: pages per second for our text-layer reading versus plain
pdfplumber `extract_text()` and plain pypdfium2 `get_text_range()`.

    .venv/bin/python bench/ocr.py [--limit PAGES] [--languages vie+eng]

Runs on shared cores: run it alone, and read the numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch_reader.ingest import pool  # noqa: E402
from dispatch_reader.ingest.reader import read_document, read_documents  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402


def scans(limit: int | None) -> list[tuple[Path, int]]:
    """(file, pages) for scanned samples, whole files, up to about `limit` pages."""
    import pypdfium2 as pdfium

    out, total = [], 0
    for f in sorted((ROOT / "samples").glob("*.scan.pdf")):
        n = len(pdfium.PdfDocument(str(f)))
        if limit and total + n > limit and out:
            break
        out.append((f, n))
        total += n
    return out


def render_pages(files: list[tuple[Path, int]], settings: IngestSettings, folder: Path) -> list[Path]:
    """The page images our stage OCRs (same resolution policy), as PNG for the plain run."""
    from PIL import Image

    from dispatch_reader.ingest.raster import render_pdf_page

    images = []
    for f, n in files:
        for i in range(n):
            image = render_pdf_page(f, i, settings.dpi, settings.max_pixels, None, settings.keep_scan_resolution)
            target = folder / f"{f.stem}-{i + 1}.png"
            Image.fromarray(image.grey).save(target, dpi=(image.dpi, image.dpi))
            images.append(target)
    return images


def plain_tesseract(images: list[Path], languages: str, workers: int) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(img: Path) -> None:
        subprocess.run(["tesseract", str(img), "-", "-l", languages], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as ex:
        list(ex.map(one, images))
    return time.perf_counter() - started


def our_stage(files: list[tuple[Path, int]], languages: str, workers: int, batch: bool) -> float:
    """Seconds for the whole set: file by file (read_document: pages of one file in
    parallel) or as one batch (read_documents: pages of all files share the pool)."""
    settings = IngestSettings(languages=languages, workers=workers, cache_dir=None)
    started = time.perf_counter()
    if batch:
        for _, outcome in read_documents([f for f, _ in files], settings):
            assert not isinstance(outcome, Exception), outcome
    else:
        for f, _ in files:
            read_document(f, settings)
    return time.perf_counter() - started


def text_layers() -> tuple[int, float, float, float]:
    import pdfplumber
    import pypdfium2 as pdfium

    files = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]
    settings = IngestSettings(cache_dir=None, ocr_mode="never")
    pages = 0
    t = time.perf_counter()
    for f in files:
        pages += len(read_document(f, settings).pages)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
    plumber = time.perf_counter() - t
    t = time.perf_counter()
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        for i in range(len(pdf)):
            pdf[i].get_textpage().get_text_range()
        pdf.close()
    pdfium_s = time.perf_counter() - t
    return pages, ours, plumber, pdfium_s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="about this many scanned pages")
    ap.add_argument("--languages", default="vie+eng")
    ap.add_argument("--dpi", type=int, default=300)
    args = ap.parse_args()

    files = scans(args.limit)
    pages = sum(n for _, n in files)
    with tempfile.TemporaryDirectory(prefix="dr-bench-") as tmp:
        settings = IngestSettings(dpi=args.dpi)
        images = render_pages(files, settings, Path(tmp))
        print(f"OCR: {pages} scanned pages from {len(files)} samples, {args.languages}, at {args.dpi} dpi or the scan's own "
              f"resolution if lower (as our stage does), OMP_THREAD_LIMIT=1 for both")
        print(f"{'workers':>7s} {'mode':>9s} {'ours p/min':>10s} {'tesseract p/min':>15s} {'ours/plain time':>15s}")
        ours: dict[tuple[int, str], float] = {}
        for workers in (1, 2):
            plain = plain_tesseract(images, args.languages, workers)
            for mode in ("batch", "per-file"):
                if workers == 1 and mode == "per-file":
                    continue  # one worker: the same code path as batch
                t = our_stage(files, args.languages, workers, batch=(mode == "batch"))
                ours[(workers, mode)] = t
                print(f"{workers:7d} {mode:>9s} {pages / t * 60:10.1f} {pages / plain * 60:15.1f} {t / plain:15.2f}",
                      flush=True)
        one = ours[(1, "batch")]
        print(f"speed-up, 2 workers vs 1: batch {one / ours[(2, 'batch')]:.2f}x, per-file {one / ours[(2, 'per-file')]:.2f}x")
    pool.shutdown()
    n, ours, plumber, pdfium_s = text_layers()
    print(f"\nText layer: {n} born-digital pages")
    print(f"{'reader':28s} {'pages/s':>8s}")
    print(f"{'ours (read_document)':28s} {n / ours:8.1f}")
    print(f"{'pdfplumber extract_text':28s} {n / plumber:8.1f}")
    print(f"{'pypdfium2 get_text_range':28s} {n / pdfium_s:8.1f}")


if __name__ == "__main__":
    main()
