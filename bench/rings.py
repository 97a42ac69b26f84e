"""What clearing a seal's black ring costs, side by side with the plain `tesseract` reading of
the same page.

Every page of each PDF given is rendered as the reader renders it; then, on the same image,
best of --repeat: `rings.clear_seal_rings` (find the ring by its shape and clear it, as
`ocr.ocr_image` does before reading) and the plain `tesseract` command on the page (vie+eng,
psm 3, one thread). Prints whether a ring was found (and by which of `seal_rings`' three
looks: the ink as it is, its gaps bridged, or without long straight lines), what the third
look alone costs on the page (it runs wherever the first two found none, ring or not), both
times in seconds and their ratio:

    .venv/bin/python bench/rings.py .cache/eval/*.photocopy.pdf .cache/eval/*.fax.pdf

Run it on an idle machine and read the numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from dispatch_reader.ingest import rings  # noqa: E402
from dispatch_reader.ingest.raster import render_pdf_page  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402
from _same import best_of, plain_tesseract_seconds  # noqa: E402



def _look(grey, dpi: float) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    """(which look found the ring, 1-3 or '-', the third look's seconds where it ran)."""
    import time

    ink = (grey < 128).view("uint8")
    if rings._rings_among(ink, ink, dpi) is not None:
        return "1", 0.0
    if rings._rings_among(rings._bridged(ink, dpi), ink, dpi) is not None:
        return "2", 0.0
    start = time.perf_counter()
    pieces = (ink.view(bool) & ~rings._long_lines(ink, dpi)).view("uint8")
    found = rings._rings_among(rings._bridged(pieces, dpi), ink, dpi)
    return ("3" if found is not None else "-"), time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    s = IngestSettings(workers=1, cache_dir=None)
    print("| page | ring (look) | third look (s) | clear (s) | tesseract (s) | ratio |")
    print("|---|---|---|---|---|---|")
    total_clear = total_tess = total_third = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in args.pdfs:
            with pdfium.PdfDocument(str(pdf)) as doc:
                count = len(doc)
            for index in range(count):
                image = render_pdf_page(pdf, index, s.dpi, s.max_pixels, None, s.keep_scan_resolution)
                t_clear, cleared = best_of(lambda: rings.clear_seal_rings(image.grey, image.dpi), args.repeat)
                look, t_third = _look(image.grey, image.dpi)
                t_tess = plain_tesseract_seconds(image.grey, tmp)
                total_clear += t_clear
                total_tess += t_tess
                total_third += t_third
                print(f"| {pdf.name[:40]} p{index + 1} | {'yes' if cleared is not None else 'no'} ({look}) | "
                      f"{t_third:.3f} | {t_clear:.3f} | {t_tess:.2f} | {t_clear / t_tess:.3f} |")
    if total_tess:
        print(f"| all | | {total_third:.2f} | {total_clear:.2f} | {total_tess:.1f} | {total_clear / total_tess:.3f} |")


if __name__ == "__main__":
    main()
