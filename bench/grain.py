"""What the second reading of a mostly unread one-bit page costs, side by side with the page
read without it.

A photocopy's or fax's page whose words hold less than half of its ink is read once more, a
copier's grain of lone dots cleared, as one block (`ocr._ink_read`, `preprocess.clear_lone_dots`,
psm 6), and that reading is taken when it has clearly more sure words. For every page of each
PDF given this runs the page's whole OCR (`ocr.ocr_image`, one worker, no cache) as shipped and
with the step off, and prints the share of ink read, whether the page was read again and
whether that reading was taken, and the wall-clock seconds of both, best of --repeat:

    .venv/bin/python bench/grain.py /tmp/aug2/work/rd056.photocopy.pdf .cache/eval/*.fax.pdf

Pages that are not one-bit never take the step. Run it on an idle machine and read the
numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from dispatch_reader.ingest import ocr, preprocess  # noqa: E402
from dispatch_reader.ingest.raster import render_pdf_page  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402
from _same import best_of  # noqa: E402



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    s = IngestSettings(workers=1, cache_dir=None)
    rows = []
    for pdf in args.pdfs:
        with pdfium.PdfDocument(str(pdf)) as doc:
            count = len(doc)
        for index in range(count):
            image = render_pdf_page(pdf, index, s.dpi, s.max_pixels, None, s.keep_scan_resolution)
            if not preprocess.is_binary(image.grey):
                continue
            cleared = []
            real_clear = preprocess.clear_lone_dots
            with mock.patch.object(preprocess, "clear_lone_dots", lambda g, d: cleared.append(1) or real_clear(g, d)):
                t_on, page_on = best_of(lambda: ocr.ocr_image(image, s, pdf, index + 1), args.repeat)
            with mock.patch.object(ocr, "_LEAST_INK_READ", 0.0):
                t_off, _ = best_of(lambda: ocr.ocr_image(image, s, pdf, index + 1), args.repeat)
            taken = any("copier's grain" in n for n in page_on.notes)
            rows.append((f"{pdf.name[:34]} p{index + 1}", bool(cleared), taken, t_off, t_on))
    print("| page | read again | taken | without (s) | with (s) | with / without |")
    print("|---|---|---|---|---|---|")
    for name, again, taken, t_off, t_on in rows:
        print(f"| {name} | {'yes' if again else 'no'} | {'yes' if taken else 'no'} | {t_off:.1f} | {t_on:.1f} "
              f"| {t_on / t_off:.2f} |")
    if rows:
        off, on = sum(r[3] for r in rows), sum(r[4] for r in rows)
        print(f"| all {len(rows)} pages | {sum(r[1] for r in rows)} | {sum(r[2] for r in rows)} | {off:.1f} | {on:.1f} "
              f"| {on / off:.2f} |")
    print("\nwall-clock seconds a page, best of", args.repeat)


if __name__ == "__main__":
    main()
