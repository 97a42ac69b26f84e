"""What joining a faint copy's toner grains (preprocess.join_toner_grains) does to its reading:
the share of each document's words read right against its born-digital text, and the step's
own time, with the step and without, side by side on the same pages.

    .venv/bin/python bench/faint.py DAMAGED_DIR TRUTH_DIR [--workers 2]

DAMAGED_DIR holds NAME*.pdf faint copies of documents whose born-digital NAME.pdf (or NAME.txt)
lies in TRUTH_DIR (eval/holdout10's damage.py makes such a folder: `faint`). Pages that are not
faint are read alike both ways. Nothing is cached. Read the figures as a comparison on an idle
machine, not a promise.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _same import ocr_text, read_both_ways, truth_text, words_of, words_right  # noqa: E402
from dispatch_reader.ingest import preprocess  # noqa: E402

_JOIN = preprocess.join_toner_grains


def _read(pdf: Path, join: bool) -> tuple[str, float, int]:
    """(the document's OCR text, seconds spent joining grains, pages found faint)."""
    spent, faint = 0.0, 0

    def timed(grey: np.ndarray, dpi: float) -> np.ndarray:
        nonlocal spent, faint
        faint += 1
        t = time.perf_counter()
        out = _JOIN(grey, dpi) if join else grey
        spent += time.perf_counter() - t
        return out

    preprocess.join_toner_grains = timed
    return ocr_text(pdf), spent, faint


def _one(job: tuple[Path, Path, bool]) -> tuple[str, bool, int, int, float, int]:
    pdf, truth_dir, join = job
    name = pdf.name.split(".")[0]
    want = words_of(truth_text(truth_dir, name))
    text, spent, faint = _read(pdf, join)
    return name, join, words_right(want, words_of(text)), len(want), spent, faint


def main() -> None:
    pdfs, rows = read_both_ways(__doc__.split("\n\n")[0], _one)
    by = {(name, join): (same, total, spent, faint) for name, join, same, total, spent, faint in rows}
    print("| document | words | faint pages | read right, grains as printed | joined | joining, s |")
    print("|---|---|---|---|---|---|")
    sums = {False: [0, 0], True: [0, 0, 0.0, 0]}
    for pdf in pdfs:
        name = pdf.name.split(".")[0]
        (same0, total, _, _), (same1, _, spent, faint) = by[(name, False)], by[(name, True)]
        sums[False][0] += same0
        sums[False][1] += total
        sums[True][0] += same1
        sums[True][1] += total
        sums[True][2] += spent
        sums[True][3] += faint
        print(f"| {name} | {total} | {faint} | {same0 / max(total, 1):.3f} | {same1 / max(total, 1):.3f} | {spent:.3f} |")
    off, on = sums[False], sums[True]
    print(f"| all | {on[1]} | {on[3]} | {off[0] / max(off[1], 1):.3f} | {on[0] / max(on[1], 1):.3f} | {on[2]:.3f} |")


if __name__ == "__main__":
    main()
