"""What the one-bit page steps cost, side by side with Tesseract reading the same page.

A photocopy's or a fax's page (one bit a pixel) goes through the copier steps before OCR:
the sheet looked for (`sheet.find_sheet`), the copier's bands and blots cleared, and its dark
haze evened out (`preprocess.clear_toner_haze`); then, as on every page, the rules found and
painted out (`preprocess.find_rules`) and a copier's hair-thin streaks cleared
(`preprocess.clear_streaks`). For each PDF given (its first page, rendered
as the reader renders it), this prints the CPU milliseconds of each step and of the plain
`tesseract` command on the same page image (same languages, one thread), best of --repeat:

    .venv/bin/python bench/onebit.py /tmp/e11/work/*.photocopy.pdf /tmp/aug/work/*.photocopy.pdf

Pages that are not one-bit are passed over. Run it on an idle machine and read the numbers
as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402

from dispatch_reader.ingest import preprocess, sheet  # noqa: E402
from dispatch_reader.ingest.raster import render_pdf_page  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402


def _cpu_ms(step, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.process_time()
        out = step()
        best = min(best, (time.process_time() - t) * 1000)
    return best, out


def _tesseract_ms(path: str, languages: str, repeat: int) -> float:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    best = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["tesseract", path, "-", "-l", languages], env=env, capture_output=True, check=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    return best


class Row(NamedTuple):
    name: str
    sheet: float
    bands: float
    blots: float
    haze: float
    share: float
    rules: float
    streaks: float
    pieces: int
    tesseract: float

    @property
    def steps(self) -> float:
        return self.sheet + self.bands + self.blots + self.haze + self.rules + self.streaks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--languages", default="vie+eng")
    args = ap.parse_args()
    s = IngestSettings()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in args.pdfs:
            image = render_pdf_page(pdf, 0, s.dpi, s.max_pixels, None, s.keep_scan_resolution)
            grey, dpi = image.grey, image.dpi
            if not preprocess.is_binary(grey):
                continue
            t_sheet, _ = _cpu_ms(lambda: sheet.find_sheet(grey), args.repeat)
            t_bands, (banded, _) = _cpu_ms(lambda: preprocess.clear_dark_borders(grey, dpi), args.repeat)
            t_blots, (blotted, _) = _cpu_ms(lambda: preprocess.clear_toner_blots(banded, dpi), args.repeat)
            t_haze, (hazed, share) = _cpu_ms(lambda: preprocess.clear_toner_haze(blotted, dpi), args.repeat)
            t_rules, (ruled, _, _) = _cpu_ms(lambda: preprocess.find_rules(hazed, dpi), args.repeat)
            t_streaks, (_, streaks) = _cpu_ms(lambda: preprocess.clear_streaks(ruled, dpi), args.repeat)
            page = str(Path(tmp) / "page.png")
            cv2.imwrite(page, grey)
            t_tess = _tesseract_ms(page, args.languages, args.repeat)
            rows.append(Row(pdf.name[:34], t_sheet, t_bands, t_blots, t_haze, share, t_rules, t_streaks, streaks, t_tess))
    print("| page | sheet | bands | blots | haze (share evened) | rules | streaks (pieces) | all six | tesseract "
          "| steps / tesseract |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.name} | {r.sheet:.0f} | {r.bands:.0f} | {r.blots:.0f} | {r.haze:.0f} ({r.share:.1%}) | {r.rules:.0f} "
              f"| {r.streaks:.0f} ({r.pieces}) | {r.steps:.0f} | {r.tesseract:.0f} | {r.steps / r.tesseract:.2f} |")
    if rows:
        steps = sum(r.steps for r in rows) / len(rows)
        tess = sum(r.tesseract for r in rows) / len(rows)
        print(f"| mean of {len(rows)} | | | | | | | {steps:.0f} | {tess:.0f} | {steps / tess:.2f} |")
    print("\nCPU milliseconds, best of", args.repeat)


if __name__ == "__main__":
    main()
