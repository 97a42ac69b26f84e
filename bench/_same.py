"""Pieces the benches share: CPU seconds with Tesseract's engines counted, plain data for
comparing outputs, and stage timers. Nothing from dispatch_reader is imported at the top: a
bench may run an older tree (PYTHONPATH) that lacks what this one has."""

from __future__ import annotations

import dataclasses
import os
import resource
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def cpu_seconds() -> float:
    """CPU time of this process, of its children that have ended (pool workers, the Tesseract
    command) and of its Tesseract engines still running (ingest/tessengine.py)."""
    try:
        from dispatch_reader.ingest import tessengine
    except ImportError:  # a tree from before the engine (comparing before and after)
        tessengine = None

    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    engines = 0.0
    for engine in list(tessengine._engines.values()) if tessengine else []:
        try:
            fields = Path(f"/proc/{engine.proc.pid}/stat").read_text().rpartition(")")[2].split()
            engines += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
        except (OSError, IndexError, ValueError):
            continue  # ended: counted with the children once waited for
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime + engines


def best_of(run, repeat: int) -> tuple[float, object]:
    """The fewest wall-clock seconds `run()` took in `repeat` runs, and what it gave."""
    best, out = float("inf"), None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        out = run()
        best = min(best, time.perf_counter() - start)
    return best, out


def plain(obj: object) -> object:
    """Dataclasses, lists and dicts as plain data, floats as their repr (compared exactly)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: plain(v) for k, v in obj.items()}
    if isinstance(obj, float):
        return repr(obj)
    return obj


@contextmanager
def timed_stages(stages: list[tuple[object, str, str]], spent: Counter[str]) -> Iterator[None]:
    """While inside, each (module, function name, label) adds the CPU seconds of this process
    it takes to spent[label]; a function an older tree lacks is skipped."""
    patched: list[tuple[object, str, object]] = []
    for module, name, label in stages:
        if not hasattr(module, name):
            continue
        real = getattr(module, name)

        def timed(*args: object, _real: object = real, _label: str = label, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return _real(*args, **kwargs)  # type: ignore[operator]
            finally:
                spent[_label] += time.process_time() - started

        patched.append((module, name, real))
        setattr(module, name, timed)
    try:
        yield
    finally:
        for module, name, real in reversed(patched):
            setattr(module, name, real)


def plain_tesseract_seconds(grey: object, folder: str) -> float:
    """Wall-clock seconds of the plain `tesseract` command (vie+eng, psm 3, one thread) on a
    page image: the yardstick a bench's own step is measured against, side by side."""
    import subprocess

    import cv2

    path = str(Path(folder) / "page.png")
    cv2.imwrite(path, grey)
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    seconds, _ = best_of(lambda: subprocess.run(["tesseract", path, "-", "-l", "vie+eng", "--psm", "3"], env=env,
                                                capture_output=True, check=True), 1)
    return seconds


def step_on_off(pdfs: list[Path], setting: str, did: object, repeat: int, what: str) -> None:
    """Page 1 of each PDF, rendered as the reader renders it, read by the reader's OCR
    (`ocr.ocr_image`, best of `repeat`) with the IngestSettings field `setting` on and off, and
    by the plain `tesseract` command once; prints a Markdown table: `did(page)` (what the step
    did there, under the heading `what`), the three times and the step's share (on / off)."""
    import tempfile

    from dispatch_reader.ingest.ocr import ocr_image
    from dispatch_reader.ingest.raster import render_pdf_page
    from dispatch_reader.ingest.settings import IngestSettings

    on = IngestSettings(workers=1, cache_dir=None)
    off = dataclasses.replace(on, **{setting: False})
    print(f"| page | {what} | on (s) | off (s) | tesseract (s) | on / off |")
    print("|---|---|---|---|---|---|")
    totals = [0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            image = render_pdf_page(pdf, 0, on.dpi, on.max_pixels, None, on.keep_scan_resolution)
            t_on, page = best_of(lambda: ocr_image(image, on, pdf, 1), repeat)
            t_off, _ = best_of(lambda: ocr_image(image, off, pdf, 1), repeat)
            t_tess = plain_tesseract_seconds(image.grey, tmp)
            for k, t in enumerate((t_on, t_off, t_tess)):
                totals[k] += t
            print(f"| {pdf.name[:44]} | {did(page)} | {t_on:.2f} | {t_off:.2f} | {t_tess:.2f} | "  # type: ignore[operator]
                  f"{t_on / t_off:.3f} |")
    if totals[1]:
        print(f"| all | | {totals[0]:.1f} | {totals[1]:.1f} | {totals[2]:.1f} | {totals[0] / totals[1]:.3f} |")


def words_of(text: str) -> list[str]:
    """A text's words in order, lower case, NFC, punctuation aside: what word accuracy compares."""
    import re
    import unicodedata

    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def truth_text(truth_dir: Path, name: str) -> str:
    """The born-digital text of document NAME in TRUTH_DIR: NAME.pdf's text layer, else NAME.txt."""
    import subprocess

    pdf = truth_dir / f"{name}.pdf"
    if pdf.exists():
        return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return (truth_dir / f"{name}.txt").read_text(encoding="utf-8")


def words_right(want: list[str], got: list[str]) -> int:
    """How many of `want`'s words `got` holds in order (difflib's matching blocks)."""
    import difflib

    return sum(b.size for b in difflib.SequenceMatcher(None, want, got, autojunk=False).get_matching_blocks())


def ocr_text(pdf: Path) -> str:
    """Every page of `pdf` read by our OCR stage, nothing cached: its words, a line a page."""
    import pypdfium2 as pdfium

    from dispatch_reader.ingest import ocr, raster
    from dispatch_reader.ingest.settings import IngestSettings

    settings = IngestSettings(cache_dir=None)
    texts = []
    for p in range(len(pdfium.PdfDocument(str(pdf)))):
        image = raster.render_pdf_page(pdf, p, settings.dpi, settings.max_pixels, settings.password,
                                       settings.keep_scan_resolution)
        texts.append(" ".join(w.text for w in ocr.ocr_image(image, settings, pdf, p + 1).words))
    return "\n".join(texts)


def read_both_ways(description: str, one) -> tuple[list[Path], list[tuple]]:  # type: ignore[no-untyped-def]
    """The command line of a word-accuracy bench (DAMAGED_DIR TRUTH_DIR [--workers N]) parsed, and
    `one((pdf, truth_dir, on))` run over every PDF with its step off and on, side by side in one
    pool: (the PDFs, the rows)."""
    import argparse
    from multiprocessing import Pool

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("damaged", type=Path)
    ap.add_argument("truth", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    pdfs = sorted(args.damaged.glob("*.pdf"))
    jobs = [(p, args.truth, on) for p in pdfs for on in (False, True)]
    with Pool(args.workers, maxtasksperchild=1) as pool:
        return pdfs, pool.map(one, jobs)
