"""A text-layer page's words grouped once for both its layout and its table header: the same
text and the same header as grouping them for each."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from dispatch_reader.ingest.choose import judge_layer
from dispatch_reader.ingest.layout import group_rows, layout_text
from dispatch_reader.ingest.tables import has_table_header
from dispatch_reader.ingest.textlayer import load_page, read_layer

ROOT = Path(__file__).resolve().parent.parent
FILES = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")][:12]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_rows_shared_same_text_and_header(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = load_page(pdf, i)
            words = judge_layer(read_layer(page), "never").words
            page.close()
            rows = group_rows(words)
            chunks = [list(row.chunks) for row in rows]
            assert layout_text(words, rows=rows) == layout_text(words)
            # the layout re-chunks rows cut in a gutter on copies: the header sees them as grouped
            assert [row.chunks for row in rows] == chunks
            assert has_table_header(words, None, rows) == has_table_header(words)
    finally:
        pdf.close()
