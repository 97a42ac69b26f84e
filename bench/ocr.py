"""Speed of the ingestion stage against the plain tools it is built on.

For the scanned samples (samples/*.scan.pdf): pages per minute for our OCR stage and for the
plain `tesseract` command on the same page images (300 dpi PNG, same languages,
OMP_THREAD_LIMIT=1), at 1 and 2 workers, and their ratio (time ours / time plain). Modes:

- batch: read_documents, the files given together (one shared OCR pool, read a few ahead);
- per-file: what `process` and `watch` do (claimed.process_claimed into a scratch SQLite
  store): the same shared pool and read-ahead, each file extracted, stored and committed
  on its own;
- 1-by-1: read_document one file after another (how `process` and `watch` read before the
  shared pool: the pages of one file in parallel, a one-page file on one core).

Plain tesseract is timed before and after our runs at each worker count and the two averaged,
so a machine shared with other work skews both sides alike. CPU seconds per page (ours and
plain, one worker) are printed too: they hardly move with the machine's load.

For the born-digital samples: pages per second for our text-layer reading versus plain
pdfplumber `extract_text()` and plain pypdfium2 `get_text_range()`, and our CPU milliseconds
a text-layer page (`read_document`, OCR off, best of 5 passes in a fresh process): wall clock
moves with other work on a shared machine, CPU time much less. With --before DIR the same CPU
figure for the code in DIR (a worktree of an older commit), the two taking turns, side by side.

    .venv/bin/python bench/ocr.py [--limit PAGES] [--languages vie+eng] [--where]
    .venv/bin/python bench/ocr.py --text-layer-only [--before /tmp/tl-before] [--real] [--where]
    .venv/bin/python bench/ocr.py --where-only [--limit PAGES] [--no-vietnamese-marks]
    .venv/bin/python bench/ocr.py --where-only --files /tmp/aug/work/*.photocopy.pdf

--real: the CPU figure on ../shared/realpdfs-dev/*.pdf too (read in place), one pass each.

--where: where the time goes — per OCR page, the Tesseract runs by kind (the page, re-read
lines, ink regions, strips, orientation) and the rest; per text-layer page, each stage.
--where-only: only that (one worker, CPU time), without the timed runs, which need an idle
machine: what a speed-up changed can be looked at on a busy one.

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

from _same import cpu_seconds, timed_stages  # noqa: E402
from dispatch_reader.claimed import process_claimed  # noqa: E402
from dispatch_reader.ingest import pool  # noqa: E402
from dispatch_reader.ingest.reader import read_document, read_documents  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402
from dispatch_reader.store import open_store  # noqa: E402


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


def our_stage(files: list[tuple[Path, int]], languages: str, workers: int, mode: str) -> float:
    """Seconds for the whole set in one mode (see the module doc)."""
    settings = IngestSettings(languages=languages, workers=workers, cache_dir=None)
    paths = [f for f, _ in files]
    with tempfile.TemporaryDirectory(prefix="dr-bench-store-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}") if mode == "per-file" else None
        started = time.perf_counter()
        if mode == "batch":
            for _, outcome in read_documents(paths, settings):
                assert not isinstance(outcome, Exception), outcome
        elif mode == "per-file":
            for outcome in process_claimed(paths, store, None, settings):
                assert outcome.status == "done", outcome.error
        else:
            for f in paths:
                read_document(f, settings)
        seconds = time.perf_counter() - started
        if store is not None:
            store.close()
    pool.shutdown()  # the next run starts its own pool, as a new command would
    return seconds


def ocr_where(files: list[tuple[Path, int]], languages: str, vietnamese_marks: bool = True) -> None:
    """Where one worker's time goes per scanned page: Tesseract runs by kind, and the rest."""
    from collections import Counter

    from dispatch_reader.ingest import namelines, ocr, tessread, unread, worker

    spent: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    real = tessread.tesseract

    def timed(image: str, extension: str, lang: str, config: str, timeout: float) -> str:
        started = cpu_seconds()
        try:
            return real(image, extension, lang, config, timeout)
        finally:
            kind = Path(image).stem + ("/vie" if lang == "vie" else "")
            spent[kind] += cpu_seconds() - started
            runs[kind] += 1

    # the Python part by stage: CPU time of this process only (the engines' is Tesseract's);
    # a stage that runs Tesseract (unread ink, name lines) counts only its own work here
    stages: Counter[str] = Counter()
    import pytesseract

    from dispatch_reader.ingest import crossed, preprocess

    timers = timed_stages([
        (worker, "render_pdf_page", "render / decode the page"),
        (ocr, "_office_paper", "office paper (ink, photo, bands, light)"),
        (crossed, "colour_dropped", "dropped ink's place (figures crossed)"),
        (crossed, "mark_crossed", "dropped ink's place (figures crossed)"),
        (preprocess, "ink_mask", "ink mask (orientation, skew)"),
        (preprocess, "estimate_skew", "skew estimate"),
        (preprocess, "rotate", "deskew: turning the image"),
        (preprocess, "find_rules", "table rules found and removed"),
        (unread, "_unread_regions", "ink left unread: finding it"),
        # `write` is imported by name where images are written: timed in each of those modules
        (ocr, "write", "page images written for Tesseract"),
        (namelines, "write", "page images written for Tesseract"),
        (unread, "write", "page images written for Tesseract"),
        (pytesseract.pytesseract, "file_to_dict", "Tesseract's TSV parsed"),
    ], stages)
    settings = IngestSettings(languages=languages, workers=1, cache_dir=None, vietnamese_marks=vietnamese_marks)
    # the orientation detector is called from ocr.py, every TSV reading through tessread.run_psm
    tessread.tesseract = ocr.tesseract = timed
    try:
        with timers:
            started = cpu_seconds()
            pages = 0
            for f, n in files:
                for index in range(n):
                    worker.run_job(worker.OcrJob(str(f), "pdf", index, settings))
                    pages += 1
            total = cpu_seconds() - started
    finally:
        tessread.tesseract = ocr.tesseract = real
    print(f"\nWhere an OCR page's time goes (one worker, CPU seconds per page, {pages} pages):")
    names = {"page": "Tesseract: the page", "line": "Tesseract: name lines re-read", "unread": "Tesseract: unread ink",
             "strip": "Tesseract: narrow columns", "osd": "Tesseract: orientation", "turned": "Tesseract: turned page",
             "nameblock": "Tesseract: signing block re-read", "page/vie": "Tesseract: the page in vie (marks)",
             "name/vie": "Tesseract: bare names in vie", "unread-line": "Tesseract: unread ink, a line alone"}
    for kind, seconds in spent.most_common():
        print(f"  {names.get(kind, kind):34s} {seconds / pages:6.2f}  ({runs[kind] / pages:.1f} runs a page)")
    rest = total - sum(spent.values())
    print(f"  {'rendering and clean-up (Python)':34s} {rest / pages:6.2f}")
    for label, seconds in stages.most_common():
        print(f"    {label:40s} {seconds / pages * 1000:6.1f} ms")
    print(f"    {'the rest':40s} {(rest - sum(stages.values())) / pages * 1000:6.1f} ms")
    print(f"  {'total':34s} {total / pages:6.2f}")


def text_layers(rounds: int = 3) -> tuple[int, float, float, float]:
    """Seconds for the born-digital samples, each reader after one pass to warm it up, the
    best of `rounds` passes (the three readers take turns, so a busy moment hits them alike)."""
    import pdfplumber
    import pypdfium2 as pdfium

    files = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]
    settings = IngestSettings(cache_dir=None, ocr_mode="never")

    def ours() -> int:
        return sum(len(read_document(f, settings).pages) for f in files)

    def plumber() -> int:
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        return 0

    def plain_pdfium() -> int:
        for f in files:
            pdf = pdfium.PdfDocument(str(f))
            for i in range(len(pdf)):
                pdf[i].get_textpage().get_text_range()
            pdf.close()
        return 0

    readers = (ours, plumber, plain_pdfium)
    best = [float("inf")] * len(readers)
    pages = ours()
    plumber(), plain_pdfium()
    for _ in range(rounds):
        for k, reader in enumerate(readers):
            t = time.perf_counter()
            reader()
            best[k] = min(best[k], time.perf_counter() - t)
    return pages, best[0], best[1], best[2]


_CPU_PER_PAGE = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dispatch_reader.ingest.reader import read_document
from dispatch_reader.ingest.settings import IngestSettings
files = [Path(p) for p in sys.argv[3:]]
settings = IngestSettings(cache_dir=None, ocr_mode="never")
pages = sum(len(read_document(f, settings).pages) for f in files)  # imports and caches warmed
best = float("inf")
for _ in range(int(sys.argv[2])):
    started = time.process_time()
    for f in files:
        read_document(f, settings)
    best = min(best, time.process_time() - started)
print(pages, best)
"""


def born_digital(real: bool = False) -> list[Path]:
    if real:
        return sorted((ROOT.parent / "shared" / "realpdfs-dev").glob("*.pdf"))
    return [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]


def text_layer_cpu(tree: Path, files: list[Path], rounds: int) -> tuple[int, float]:
    """(pages, best CPU seconds for all of them) reading `files` with the code in `tree`."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", _CPU_PER_PAGE, str(tree), str(rounds), *map(str, files)],
                          capture_output=True, text=True, check=True, env=env, cwd=tree)
    pages, seconds = done.stdout.split()
    return int(pages), float(seconds)


def text_layer_side_by_side(before: Path | None, real: bool) -> None:
    """CPU ms a text-layer page, ours and (with `before`) the older tree's, taking turns."""
    sets = [("samples", born_digital(), 5, 3)] + ([("real PDFs", born_digital(real=True), 1, 1)] if real else [])
    print(f"\nText layer, CPU ms a page (read_document, OCR off; best of the passes, trees taking turns):")
    print(f"{'files':10s} {'pages':>6s} {'ours ms':>8s} {'pages/s':>8s}" + (f" {'before ms':>10s} {'pages/s':>8s} {'speed-up':>8s}" if before else ""))
    for label, files, rounds, turns in sets:
        ours = old = float("inf")
        pages = 0
        for _ in range(turns):
            pages, seconds = text_layer_cpu(ROOT, files, rounds)
            ours = min(ours, seconds)
            if before:
                _, seconds = text_layer_cpu(before, files, rounds)
                old = min(old, seconds)
        line = f"{label:10s} {pages:6d} {ours / pages * 1000:8.2f} {pages / ours:8.1f}"
        if before:
            line += f" {old / pages * 1000:10.2f} {pages / old:8.1f} {old / ours:7.2f}x"
        print(line, flush=True)


def text_layer_where() -> None:
    """Where a text-layer page's time goes: each stage of reading it, CPU ms per page."""
    from collections import Counter

    from dispatch_reader.ingest import reader, textlayer

    spent: Counter[str] = Counter()
    timers = timed_stages([
        (textlayer, "_read_glyphs", "glyphs (pdfium, 5 bare calls a character)"),
        (textlayer, "_words", "glyphs → words"),
        (textlayer, "load_page", "page load (annotations flattened)"),
        (reader, "judge_layer", "layer judged (legacy fonts, garbage)"),
        (reader, "group_rows", "rows grouped (layout, table header)"),
        (reader, "_layer_page", "layout (reading order)"),
        (reader, "has_table_header", "list-table header looked for"),
        (reader, "_pdf_rules", "table rules (pdfminer, table pages only)"),
        (reader, "sniff", "file sniffed and hashed"),
    ], spent)
    files = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]
    settings = IngestSettings(cache_dir=None, ocr_mode="never")
    with timers:
        for f in files:
            read_document(f, settings)  # imports and caches warmed
        spent.clear()
        started = time.process_time()
        pages = sum(len(read_document(f, settings).pages) for f in files)
        total = time.process_time() - started
    print(f"\nWhere a text-layer page's time goes (CPU ms per page, {pages} pages):")
    for label, seconds in spent.most_common():
        print(f"  {label:42s} {seconds / pages * 1000:6.2f}")
    print(f"  {'the rest':42s} {(total - sum(spent.values())) / pages * 1000:6.2f}")
    print(f"  {'total':42s} {total / pages * 1000:6.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="about this many scanned pages")
    ap.add_argument("--languages", default="vie+eng")
    ap.add_argument("--dpi", type=int, default=300)
    ap.add_argument("--no-vietnamese-marks", action="store_true",
                    help="--where without the second, Vietnamese-only page reading (what it costs)")
    ap.add_argument("--where", action="store_true", help="also say where the time goes")
    ap.add_argument("--text-layer-only", action="store_true", help="only the text-layer figures (no OCR)")
    ap.add_argument("--where-only", action="store_true", help="only where the time goes (OCR and text layer), no timed runs")
    ap.add_argument("--before", type=Path, default=None,
                    help="a tree of older code (git worktree add DIR COMMIT): its text-layer CPU figure beside ours")
    ap.add_argument("--real", action="store_true", help="text-layer CPU figure on ../shared/realpdfs-dev too")
    ap.add_argument("--files", nargs="+", type=Path, default=None,
                    help="--where-only: these scanned PDFs (every page) instead of samples/*.scan.pdf, the OCR part only")
    args = ap.parse_args()

    if args.text_layer_only:
        text_layer_report(args)
        return
    if args.where_only:
        if args.files:
            import pypdfium2 as pdfium

            ocr_where([(f, len(pdfium.PdfDocument(str(f)))) for f in args.files], args.languages,
                      not args.no_vietnamese_marks)
            return
        ocr_where(scans(args.limit), args.languages, not args.no_vietnamese_marks)
        text_layer_where()
        return

    files = scans(args.limit)
    pages = sum(n for _, n in files)
    with tempfile.TemporaryDirectory(prefix="dr-bench-") as tmp:
        settings = IngestSettings(dpi=args.dpi)
        images = render_pages(files, settings, Path(tmp))
        print(f"OCR: {pages} scanned pages from {len(files)} samples, {args.languages}, at {args.dpi} dpi or the scan's own "
              f"resolution if lower (as our stage does), OMP_THREAD_LIMIT=1 for both")
        print(f"{'workers':>7s} {'mode':>9s} {'ours p/min':>10s} {'tesseract p/min':>15s} {'ours/plain time':>15s}")
        ours: dict[tuple[int, str], float] = {}
        cpu: dict[str, float] = {}
        for workers in (1, 2):
            started = cpu_seconds()
            before = plain_tesseract(images, args.languages, workers)
            cpu_plain = cpu_seconds() - started
            modes = ("batch", "per-file") if workers == 1 else ("batch", "per-file", "1-by-1")
            times = {}
            for mode in modes:
                started = cpu_seconds()
                times[mode] = our_stage(files, args.languages, workers, mode)
                if workers == 1 and mode == "batch":
                    cpu["ours"] = cpu_seconds() - started
            after = plain_tesseract(images, args.languages, workers)
            plain = (before + after) / 2
            if workers == 1:
                cpu["plain"] = cpu_plain
            for mode, t in times.items():
                ours[(workers, mode)] = t
                print(f"{workers:7d} {mode:>9s} {pages / t * 60:10.1f} {pages / plain * 60:15.1f} {t / plain:15.2f}",
                      flush=True)
        print("speed-up, 2 workers vs 1: " + ", ".join(
            f"{mode} {ours[(1, mode)] / ours[(2, mode)]:.2f}x" for mode in ("batch", "per-file")))
        print(f"CPU seconds a page, one worker: ours {cpu['ours'] / pages:.2f}, plain tesseract {cpu['plain'] / pages:.2f} "
              f"({cpu['ours'] / cpu['plain']:.2f}x)")
    if args.where:
        ocr_where(files, args.languages, not args.no_vietnamese_marks)
    text_layer_report(args)


def text_layer_report(args: argparse.Namespace) -> None:
    n, ours_s, plumber, pdfium_s = text_layers()
    print(f"\nText layer: {n} born-digital pages, wall clock (best of 3)")
    print(f"{'reader':28s} {'pages/s':>8s}")
    print(f"{'ours (read_document)':28s} {n / ours_s:8.1f}")
    print(f"{'pdfplumber extract_text':28s} {n / plumber:8.1f}")
    print(f"{'pypdfium2 get_text_range':28s} {n / pdfium_s:8.1f}")
    text_layer_side_by_side(args.before, args.real)
    if args.where:
        text_layer_where()


if __name__ == "__main__":
    main()
