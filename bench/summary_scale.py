"""How the summary's counting grows with the archive: summary_context over N synthetic decisions
of 5 named sendings each (a fifth of the people extended by a later decision), with and without
a commune filter. No OCR, no store, no rendering. Run by hand; read the numbers as a comparison
between sizes, not a promise (shared cores).

    .venv/bin/python bench/summary_scale.py [--sizes 250,1000,4000]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from briefs_fixtures import make  # noqa: E402
from dispatch_reader.briefs.summary import Selection, summary_context  # noqa: E402

PLACES = ("Tân Phong", "Mường Khoa", "Pa Tần")


def archive(n: int) -> list[dict]:
    records = []
    for i in range(n):
        people = [f"Nguyễn Văn Người{i}x{j}" for j in range(5)]
        records.append(make(f"d{i}", number=f"{i}/QĐ-UBND", issued=f"2025-{1 + i % 9:02d}-{1 + i % 28:02d}", secondments=[
            {"person": p, "from_unit": "Sở Nội vụ", "to_unit": f"xã {PLACES[j % 3]}", "start": "2025-09-01",
             "end": "2026-01-01"} for j, p in enumerate(people)]).to_dict())
        if i % 5 == 0:  # an extension of the first person, naming neither body nor place
            records.append(make(f"e{i}", number=f"{i}/QĐ-SNV", issued="2025-12-15", secondments=[
                {"person": people[0], "action": "extend", "start": "2026-01-01", "end": "2026-06-01"}]).to_dict())
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250,1000,4000")
    args = parser.parse_args()
    print("| decisions | records | people counted | seconds | seconds, --commune Tân Phong |")
    print("|--:|--:|--:|--:|--:|")
    for n in (int(x) for x in args.sizes.split(",")):
        records = archive(n)
        runs = []
        for selection in (None, Selection(commune="Tân Phong")):
            started = time.monotonic()
            ctx = summary_context(records, "vi", today=date(2025, 12, 1), selection=selection)
            runs.append((time.monotonic() - started, ctx["total_people"]))
        (whole, people), (commune, _) = runs
        print(f"| {n} | {len(records)} | {people} | {whole:.2f} | {commune:.2f} |")


if __name__ == "__main__":
    main()
