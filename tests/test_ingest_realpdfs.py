"""Real Gazette PDFs read with a layout a second reader agrees with (issue 10).

Every text-layer PDF of ../shared/realpdfs-dev (or the folder in $DISPATCH_READER_REALPDFS)
must have ≥ 98 % of a second reader's line words standing whole in our lines: pdftotext or
pdfplumber, the better per page (`crosscheck.compare`; `cer.lines_found` says what counts).
A regression in the text layer or the layout — letters split into columns, columns
interleaved, superscripts torn off their words — shows here. bench/layout.py prints the same
numbers PDF by PDF.

The PDFs (about 1,100 pages) are read in a process pool, one worker per core, started when
the first test asks; each test waits for its own PDF.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import pytest

from dispatch_reader.ingest.crosscheck import compare, pdftotext_available
from dispatch_reader.ingest.settings import IngestSettings, core_count

REPO = Path(__file__).resolve().parent.parent
REALPDFS = Path(os.environ.get("DISPATCH_READER_REALPDFS") or REPO.parent / "shared" / "realpdfs-dev")
TRUTH = REALPDFS / "truth.jsonl"
GOOD_ENOUGH = 0.98

pytestmark = [
    pytest.mark.skipif(not TRUTH.is_file(), reason=f"no real PDFs: {TRUTH} not present (set DISPATCH_READER_REALPDFS)"),
    pytest.mark.skipif(not pdftotext_available(), reason="pdftotext (poppler-utils) not installed: no second reader"),
]


def _text_layer_pdfs() -> list[Path]:
    if not TRUTH.is_file():
        return []
    rows = [json.loads(line) for line in TRUTH.read_text("utf-8").splitlines() if line.strip()]
    return [REALPDFS / row["pdf"] for row in rows if row.get("kind") == "text_layer"]


def _agreement(pdf: Path) -> tuple[int, int, list[str]]:
    """(reference words standing whole in our lines, reference words, pages below the bar)."""
    from dispatch_reader.ingest.reader import read_document

    doc = read_document(pdf, IngestSettings(ocr_mode="never", cache_dir=None))
    pages = {p.number: p.text for p in doc.pages if p.method == "text_layer"}
    agreement = compare(pdf, pages)
    low = [f"p{a.number} {a.share:.1%} of {a.words} ({a.reader})" for a in agreement if a.share < GOOD_ENOUGH]
    return sum(a.in_order for a in agreement), sum(a.words for a in agreement), low


@pytest.fixture(scope="module")
def agreements() -> dict[Path, Future[tuple[int, int, list[str]]]]:
    with ProcessPoolExecutor(max_workers=core_count()) as pool:
        # Longest first, so the pool's tail is short.
        pdfs = sorted(_text_layer_pdfs(), key=lambda p: p.stat().st_size, reverse=True)
        yield {pdf: pool.submit(_agreement, pdf) for pdf in pdfs}


@pytest.mark.parametrize("pdf", _text_layer_pdfs(), ids=lambda p: p.stem)
def test_lines_agree_with_a_second_reader(pdf: Path, agreements: dict[Path, Future[tuple[int, int, list[str]]]]) -> None:
    hit, total, low = agreements[pdf].result()
    assert total > 0, "no text-layer words read"
    assert hit / total >= GOOD_ENOUGH, f"{hit / total:.2%} of {total} words in lines; pages below: {'; '.join(low)}"
