"""Calibrate header-fact confidence on the office-grade variants (issue 11, point 3).

Runs `eval` on the variants with the calibration switched off (raw scores), then for each
field finds the lowest raw score at and above which facts were read right at least --target
of the time (0.97 by default: a margin over the promised 95 %), prints the table and, with
--write, stores the thresholds in dispatch_reader/extract/data/confidence.json:

    .venv/bin/python bench/calibrate.py [DIR ...] [--variants office] [--write]

Check the result on documents it was not fitted on: `dispatch-reader eval OTHER_DIR
--variant office` prints how many confident facts were right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from dispatch_reader import evaluate as ev  # noqa: E402
from dispatch_reader.extract import confidence  # noqa: E402
from dispatch_reader.ingest.settings import IngestSettings  # noqa: E402

DATA = ROOT / "dispatch_reader" / "extract" / "data" / "confidence.json"
FIELD_OF = {"signer.name": "signer"}  # eval's field name → confidence.FIELDS


FLOOR = 0.5  # never lower: a field read right every time on a few dozen facts says little
             # about a fact whose words Tesseract itself rated under one half
# ... and for the fields the tool respells or completes, never at or under its own guesses'
# caps (confidence.REPAIRED 0.6, BARE_NAME 0.7): an issuer snapped to a body's name, a name
# respelled or read without its title is the tool's reading, to be checked whatever the
# variants say
FLOOR_OF = {"issuer": 0.75, "signer": 0.75}


def threshold(pairs: list[tuple[float, bool]], target: float, floor: float = FLOOR) -> float:
    """The lowest raw score t (not under `floor`) such that facts scoring >= t were right >=
    target of the time; 1.0 (never confident) when no t does."""
    best = 1.0
    for t in sorted({raw for raw, _ in pairs}, reverse=True):
        above = [right for raw, right in pairs if raw >= t]
        if sum(above) / len(above) >= target:
            best = t
    return max(best, floor)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dirs", nargs="*", type=Path, default=[ROOT / "samples"])
    parser.add_argument("--variants", default="office")
    parser.add_argument("--target", type=float, default=0.97)
    parser.add_argument("--work", type=Path, default=ROOT / ".cache" / "eval")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--write", action="store_true", help="store the thresholds in " + str(DATA.relative_to(ROOT)))
    args = parser.parse_args()

    confidence._calibration.cache_clear()
    confidence._calibration = lambda: {}  # type: ignore[assignment]  # raw scores: identity mapping
    report = ev.evaluate(args.dirs, ev.parse_variants(args.variants), work_dir=args.work,
                         settings=IngestSettings(workers=args.workers), progress=Console(stderr=True))
    pairs: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    for _variant, name, raw, right in report.confidence:
        pairs[FIELD_OF.get(name, name)].append((raw, right))

    table = Table(title=f"raw confidence thresholds (right >= {args.target:.0%} above)")
    for col in ("field", "facts", "right", "threshold", "confident", "right among confident", "flagged"):
        table.add_column(col, justify="left" if col == "field" else "right")
    thresholds = {}
    for name in confidence.FIELDS:
        got = pairs.get(name, [])
        if not got:
            continue
        t = threshold(got, args.target, FLOOR_OF.get(name, FLOOR))
        thresholds[name] = round(t, 3)
        above = [r for raw, r in got if raw >= t and t < 1]
        table.add_row(name, str(len(got)), str(sum(r for _, r in got)), f"{t:.3f}", str(len(above)),
                      f"{sum(above)}/{len(above)}" if above else "—", str(len(got) - len(above)))
    Console().print(table)
    if args.write:
        data = json.loads(DATA.read_text("utf-8"))
        data["thresholds"] = thresholds
        data["fitted_on"] = {"dirs": [str(d.relative_to(ROOT) if d.is_relative_to(ROOT) else d.name) for d in args.dirs],
                             "variants": args.variants, "target": args.target,
                             "facts": {k: len(v) for k, v in pairs.items()}}
        DATA.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
