"""What looking for a receiving stamp's black frame and taking it off costs, side by side with
the plain `tesseract` reading of the same page.

Page 1 of each PDF given is rendered as the reader renders it; then, on the same image, best
of --repeat: `frames.clear_stamp_frames` (find the frame by its shape, take its lines off where
it stands over print, as `ocr.ocr_image` does on page 1 before reading) and the plain
`tesseract` command on the page (vie+eng, psm 3, one thread). Prints how many frames were
taken off, both times in seconds and their ratio:

    .venv/bin/python bench/frames.py .cache/eval/*.photocopy.pdf .cache/eval/*.fax.pdf

Run it on an idle machine and read the numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch_reader.ingest import frames  # noqa: E402
from dispatch_reader.ingest.raster import render_pdf_page  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402
from _same import best_of, plain_tesseract_seconds  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    s = IngestSettings(workers=1, cache_dir=None)
    print("| page 1 of | frames | look and clear (s) | tesseract (s) | ratio |")
    print("|---|---|---|---|---|")
    total_clear = total_tess = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in args.pdfs:
            image = render_pdf_page(pdf, 0, s.dpi, s.max_pixels, None, s.keep_scan_resolution)
            t_clear, (_, found) = best_of(lambda: frames.clear_stamp_frames(image.grey, image.dpi), args.repeat)
            t_tess = plain_tesseract_seconds(image.grey, tmp)
            total_clear += t_clear
            total_tess += t_tess
            print(f"| {pdf.name[:40]} | {len(found)} | {t_clear:.3f} | {t_tess:.2f} | {t_clear / t_tess:.3f} |")
    if total_tess:
        print(f"| all | | {total_clear:.2f} | {total_tess:.1f} | {total_clear / total_tess:.3f} |")


if __name__ == "__main__":
    main()
