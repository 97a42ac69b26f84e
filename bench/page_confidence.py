"""Fit the page confidence line (issue 11, point 3): each OCRed page of the office-grade
variants against the born-digital text it was made from.

    .venv/bin/python bench/page_confidence.py [DIR ...] [--variants office] [--write]

Prints per variant the mean of Tesseract's word confidence, the calibrated page confidence and
the share of characters really read right (1 - CER), and with --write stores the fitted line
in dispatch_reader/ingest/data/page_confidence.json. Pages whose reading order differs from the
born text (accuracy < 0.6: a table read in another order) are left out of the fit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from dispatch_reader import evaluate as ev  # noqa: E402
from dispatch_reader.ingest.cer import cer  # noqa: E402
from dispatch_reader.ingest.confidence import page_confidence  # noqa: E402
from dispatch_reader.ingest.reader import read_document  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402

DATA = ROOT / "dispatch_reader" / "ingest" / "data" / "page_confidence.json"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "samples"])
    parser.add_argument("--variants", default="office")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "eval")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = []  # (variant, mean word confidence, accuracy)
    for name, load, sources in ev.find_cases(args.dirs):
        born = sources.get("born")
        if born is None or name.startswith("en-"):
            continue
        truth = load()
        born_pages = [p.text for p in read_document(born, IngestSettings(ocr_mode="never")).pages]
        for variant in ev.parse_variants(args.variants):
            path = ev._materialise(sources, variant, args.work, truth)
            if path is None:
                continue
            for page in read_document(path, IngestSettings()).pages:
                if page.method != "ocr" or page.number > len(born_pages) or not page.words:
                    continue
                raw = sum(w.conf for w in page.words if w.conf is not None) / max(len(page.words), 1)
                edits, length = cer(page.text, born_pages[page.number - 1])
                rows.append((variant, raw, 1 - edits / max(length, 1)))
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    keep = y >= 0.6
    slope, intercept = np.polyfit(x[keep], y[keep], 1)
    table = Table(title=f"page confidence on {len(rows)} OCRed pages (fit: {slope:.3f} × mean {intercept:+.3f})")
    for col in ("variant", "pages", "Tesseract mean", "shipped line", "new fit", "right (1 - CER)"):
        table.add_column(col, justify="left" if col == "variant" else "right")
    for variant in dict.fromkeys(r[0] for r in rows):
        sel = [r for r in rows if r[0] == variant]
        mean = float(np.mean([r[1] for r in sel]))
        table.add_row(variant, str(len(sel)), f"{mean:.3f}", f"{np.mean([page_confidence(r[1]) for r in sel]):.3f}",
                      f"{np.mean([min(max(slope * r[1] + intercept, 0), 1) for r in sel]):.3f}",
                      f"{np.mean([r[2] for r in sel]):.3f}")
    Console().print(table)
    if args.write:
        data = json.loads(DATA.read_text("utf-8"))
        data.update(slope=round(float(slope), 3), intercept=round(float(intercept), 3),
                    fitted_on={"pages": int(keep.sum()), "variants": args.variants})
        DATA.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
