"""What each office-paper step buys, variant by variant (issue 11).

Runs `eval` on the office-grade variants (seal, receipt, photocopy, phone, fax) with the
reading steps switched on one at a time, and prints F1 of the header fields per variant and
configuration, side by side:

    .venv/bin/python bench/office.py [DIR ...] [--variants seal,phone] [--configs plain,shipped] [--only qd-*]

plain      no office steps (what the reader did before issue 11)
+colour    red/blue ink dropped on colour pages
+photo     + a photographed sheet found and squared
+light     + uneven light divided out
shipped    IngestSettings() as shipped
+upscale   shipped, and pages read below 200 dpi enlarged to 300

OCR results are cached per configuration (the settings are part of the cache key), so a
second run only re-scores.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from dispatch_reader import evaluate as ev  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402

OFF = {"colour_dropout": False, "photo_correction": False, "flatten_light": False}
CONFIGS: dict[str, dict[str, object]] = {
    "plain": OFF,
    "+colour": {**OFF, "colour_dropout": True},
    "+photo": {**OFF, "colour_dropout": True, "photo_correction": True},
    "+light": {**OFF, "colour_dropout": True, "photo_correction": True, "flatten_light": True},
    "shipped": {},
    "+upscale": {"upscale_below_dpi": 200.0},
}
FIELDS = ["document.doc_type", "document.number", "document.issuer", "document.issued_date",
          "document.place", "document.subject", "document.signer.name"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "samples"])
    parser.add_argument("--variants", default="office")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--only", default="*", help="case names to keep (glob)")
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "eval")
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    variants = ev.parse_variants(args.variants)
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]

    original = ev.find_cases
    ev.find_cases = lambda dirs: [c for c in original(dirs) if fnmatch.fnmatch(c[0], args.only)]  # type: ignore[assignment]
    reports: dict[str, ev.Report] = {}
    seconds: dict[str, float] = {}
    for name in configs:
        settings = IngestSettings(workers=args.workers, **CONFIGS[name])  # type: ignore[arg-type]
        start = time.perf_counter()
        reports[name] = ev.evaluate(args.dirs, variants, work_dir=args.work, settings=settings,
                                    progress=Console(stderr=True))
        seconds[name] = time.perf_counter() - start
    console = Console()
    for variant in variants:
        table = Table(title=f"{ev.VARIANT_NAMES[variant]}: F1 per configuration")
        table.add_column("field")
        for name in configs:
            table.add_column(f"{name} ({reports[name].documents.get(variant, 0)})", justify="right")
        for field in FIELDS:
            cells = []
            for name in configs:
                t = reports[name].tallies.get((variant, field))
                cells.append("—" if t is None or t.f1 is None else f"{t.f1:.3f}")
            table.add_row(field, *cells)
        console.print(table)
    console.print("seconds per configuration (OCR cached after the first run): "
                  + ", ".join(f"{n} {s:.0f}" for n, s in seconds.items()))


if __name__ == "__main__":
    main()
