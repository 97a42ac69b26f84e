"""What reading the header's hand-filled blanks again costs: a page's whole OCR with the step
(ingest/figures.py) on and off, side by side on the same page, with the plain `tesseract`
command beside them.

Page 1 of each PDF given is rendered as the reader renders it; then, best of --repeat, the
reader's OCR of it (`ocr.ocr_image`) with `written_figures` on and off, and the plain
`tesseract` command once (vie+eng, psm 3, one thread). Prints how many blanks were read again,
the three times in seconds and the step's share (on / off):

    .venv/bin/python bench/figures.py $AUG_WORK/work/*.photocopy.pdf

Run it on an idle machine and read the numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch_reader.ingest.ocr import ocr_image  # noqa: E402
from dispatch_reader.ingest.raster import render_pdf_page  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402
from _same import best_of, plain_tesseract_seconds  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    on = IngestSettings(workers=1, cache_dir=None)
    off = dataclasses.replace(on, written_figures=False)
    print("| page | blanks read | on (s) | off (s) | tesseract (s) | on / off |")
    print("|---|---|---|---|---|---|")
    totals = [0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in args.pdfs:
            image = render_pdf_page(pdf, 0, on.dpi, on.max_pixels, None, on.keep_scan_resolution)
            t_on, page = best_of(lambda: ocr_image(image, on, pdf, 1), args.repeat)
            t_off, _ = best_of(lambda: ocr_image(image, off, pdf, 1), args.repeat)
            t_tess = plain_tesseract_seconds(image.grey, tmp)
            read = sum(int(n.split()[0]) for n in page.notes if "filled in by hand" in n)
            for k, t in enumerate((t_on, t_off, t_tess)):
                totals[k] += t
            print(f"| {pdf.name[:44]} | {read} | {t_on:.2f} | {t_off:.2f} | {t_tess:.2f} | {t_on / t_off:.3f} |")
    if totals[1]:
        print(f"| all | | {totals[0]:.1f} | {totals[1]:.1f} | {totals[2]:.1f} | {totals[0] / totals[1]:.3f} |")


if __name__ == "__main__":
    main()
