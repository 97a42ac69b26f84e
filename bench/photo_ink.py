"""What a phone photo's pale-ink dropout does to its print, with the letters' colour fringes
kept (ingest/fringes.py) and without: the share of each document's words read right against
its born-digital text, and the dropout's own time, side by side on the same pages.

    .venv/bin/python bench/photo_ink.py DAMAGED_DIR TRUTH_DIR [--workers 2]

DAMAGED_DIR holds NAME*.pdf photos of documents whose born-digital NAME.pdf (or NAME.txt)
lies in TRUTH_DIR (eval/holdout10's damage.py makes such a folder). Words are compared in
order (difflib), lower case, punctuation aside. Nothing is cached. Read the figures as a
comparison on an idle machine, not a promise.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _same import ocr_text, read_both_ways, truth_text, words_of, words_right  # noqa: E402
from dispatch_reader.ingest import fringes, photo_ink  # noqa: E402


_FRINGES = fringes.print_fringes
_DROP = photo_ink.drop_photo_ink


def _no_fringes(coloured: np.ndarray, chroma: np.ndarray, grey: np.ndarray) -> np.ndarray:
    return np.zeros_like(coloured, dtype=bool)


def _read(pdf: Path, keep_fringes: bool) -> tuple[str, float]:
    """(the document's OCR text, seconds spent in drop_photo_ink)."""
    fringes.print_fringes = _FRINGES if keep_fringes else _no_fringes
    spent = 0.0

    def timed(grey, rgb):  # type: ignore[no-untyped-def]
        nonlocal spent
        t = time.perf_counter()
        out = _DROP(grey, rgb)
        spent += time.perf_counter() - t
        return out

    photo_ink.drop_photo_ink = timed
    return ocr_text(pdf), spent


def _one(job: tuple[Path, Path, bool]) -> tuple[str, bool, int, int, float]:
    pdf, truth_dir, keep = job
    name = pdf.name.split(".")[0]
    want = words_of(truth_text(truth_dir, name))
    text, spent = _read(pdf, keep)
    same = words_right(want, words_of(text))
    return name, keep, same, len(want), spent


def main() -> None:
    pdfs, rows = read_both_ways(__doc__.split("\n\n")[0], _one)
    by = {(name, keep): (same, total, spent) for name, keep, same, total, spent in rows}
    print(f"| document | words | read right, fringes dropped | kept | dropout s, dropped | kept |")
    print("|---|---|---|---|---|---|")
    sums = {False: [0, 0, 0.0], True: [0, 0, 0.0]}
    for pdf in pdfs:
        name = pdf.name.split(".")[0]
        cells = []
        for keep in (False, True):
            same, total, spent = by[(name, keep)]
            sums[keep][0] += same
            sums[keep][1] += total
            sums[keep][2] += spent
            cells.append((same / max(total, 1), spent))
        print(f"| {name} | {by[(name, True)][1]} | {cells[0][0]:.3f} | {cells[1][0]:.3f} | "
              f"{cells[0][1]:.2f} | {cells[1][1]:.2f} |")
    off, on = sums[False], sums[True]
    print(f"| all | {on[1]} | {off[0] / max(off[1], 1):.3f} | {on[0] / max(on[1], 1):.3f} | "
          f"{off[2]:.2f} | {on[2]:.2f} |")


if __name__ == "__main__":
    main()
