"""Render the README's brief screenshots from the generated samples (fictional people and places).

    .venv/bin/python docs/make_screenshots.py

Writes docs/brief-document.png (first page of a per-document PDF brief, with page 2 marked as
read by OCR at low confidence to show the warning) and docs/brief-summary.png (first page of a
summary PDF brief over every sample). Needs WeasyPrint and pdftoppm.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dispatch_reader.briefs.render import BriefWriter  # noqa: E402
from dispatch_reader.record import Record  # noqa: E402

TODAY = date(2025, 10, 20)  # a fixed "today", so "ending within 30 days" shows something and the PNGs are stable


def first_page_png(pdf: Path, png: Path, dpi: int = 80) -> None:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(png.with_suffix(""))], check=True)


def main() -> int:
    records = [Record.from_dict(json.loads(p.read_text("utf-8"))) for p in sorted((ROOT / "samples").glob("*.truth.json"))]
    chosen = max(records, key=lambda r: (sum(1 for s in r.secondments if s.person), r.source.file_name))
    data = chosen.to_dict()
    if len(data["source"]["pages"]) > 1:
        data["source"]["pages"][-1].update(method="ocr", ocr_confidence=0.71)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        doc_pdf = BriefWriter(work, "pdf", "vi", today=TODAY).document(Record.from_dict(data), name="document.pdf")
        sum_pdf = BriefWriter(work, "pdf", "vi", today=TODAY).summary(records, name="summary")
        first_page_png(doc_pdf, ROOT / "docs" / "brief-document.png")
        first_page_png(sum_pdf, ROOT / "docs" / "brief-summary.png")
    print("wrote docs/brief-document.png and docs/brief-summary.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
