"""Speed of brief rendering per format: per-document briefs and one summary over all samples.

Renders every samples/*.truth.json (no OCR, no store) `--repeat` times per format and prints
milliseconds per per-document brief and per summary, and the output size. Runs on shared cores:
read the numbers as a comparison between formats, not a promise.

    .venv/bin/python bench/briefs.py [--repeat 3] [--lang vi]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch_reader.briefs.render import FORMATS, BriefWriter  # noqa: E402
from dispatch_reader.record import Record  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="vi")
    args = parser.parse_args()
    records = [Record.from_dict(json.loads(p.read_text("utf-8"))) for p in sorted((ROOT / "samples").glob("*.truth.json"))]
    print(f"{len(records)} sample records, {args.repeat} rounds, lang {args.lang}\n")
    print("| format | ms per document brief | ms per summary | KiB per document brief | KiB summary |")
    print("|---|--:|--:|--:|--:|")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in FORMATS:
            writer = BriefWriter(Path(tmp), fmt, args.lang, today=date(2025, 10, 20))
            writer.document_bytes(records[0])  # warm-up: template compilation, font loading
            started = time.perf_counter()
            sizes = []
            for _ in range(args.repeat):
                sizes = [len(writer.document_bytes(r)) for r in records]
            per_doc = (time.perf_counter() - started) * 1000 / (args.repeat * len(records))
            started = time.perf_counter()
            summary_size = 0
            for _ in range(args.repeat):
                summary_size = len(writer.summary_bytes(records))
            per_summary = (time.perf_counter() - started) * 1000 / args.repeat
            print(f"| {fmt} | {per_doc:.1f} | {per_summary:.1f} | {sum(sizes) / len(sizes) / 1024:.1f} | "
                  f"{summary_size / 1024:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
