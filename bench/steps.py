"""What one OCR step costs: page 1's whole OCR with the step on and off, side by side on the
same page, with the plain `tesseract` command beside them.

Page 1 of each PDF given is rendered as the reader renders it; then, best of --repeat, the
reader's OCR of it (`ocr.ocr_image`) with the step's setting on and off, and the plain
`tesseract` command once (vie+eng, psm 3, one thread). Prints what the step did on the page,
the three times in seconds and the step's share (on / off):

    .venv/bin/python bench/steps.py figures $AUG_WORK/work/*.photocopy.pdf
    .venv/bin/python bench/steps.py stamp .cache/eval/*.receipt.pdf
    .venv/bin/python bench/steps.py frames /tmp/h6/copy/*.pdf /tmp/h6/fax/*.pdf

Steps: `figures` (the header's hand-filled blanks read again, ingest/figures.py), `numbers`
(the header's number line read broken, read again alone, ingest/numberline.py), `stamp`
(a colour receiving stamp read alone, ingest/stamp.py) and `frames` (a black receiving
stamp's frame taken off, its words set apart, ingest/frames.py). Run it on an idle machine and read
the numbers as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _same import step_on_off  # noqa: E402


def _blanks_read(page) -> int:  # type: ignore[no-untyped-def]
    return sum(int(n.split()[0]) for n in page.notes if "filled in by hand" in n)


def _numbers_read(page) -> int:  # type: ignore[no-untyped-def]
    return sum(int(n.split()[0]) for n in page.notes if "number line(s)" in n)


def _stamp_read(page) -> str:  # type: ignore[no-untyped-def]
    return "yes" if page.stamp_text else "no"


def _frames_taken(page) -> int:  # type: ignore[no-untyped-def]
    return sum(int(n.split()[0]) for n in page.notes if "stamp frame(s)" in n)


# step → (IngestSettings field, what it did on a page, the column's heading)
STEPS = {"figures": ("written_figures", _blanks_read, "blanks read"),
         "numbers": ("number_lines", _numbers_read, "lines mended"),
         "stamp": ("receiving_stamp", _stamp_read, "stamp read"),
         "frames": ("clear_stamp_frames", _frames_taken, "frames taken off")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=sorted(STEPS))
    ap.add_argument("pdfs", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    setting, did, what = STEPS[args.step]
    step_on_off(args.pdfs, setting, did, args.repeat, what)


if __name__ == "__main__":
    main()
