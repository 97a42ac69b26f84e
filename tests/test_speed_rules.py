"""Table rules read with text statements dropped before pdfminer tokenizes them: the same
rules as pdfminer reading the whole content stream, and streams pdfminer could tokenize
otherwise left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_reader.ingest import reader
from dispatch_reader.ingest.pdf import drop_statements

ROOT = Path(__file__).resolve().parent.parent
ARITIES = reader._text_arities()


def test_text_statements_dropped_paths_kept() -> None:
    data = b"q 1 0 0 1 0 0 cm BT /F1 12 Tf 10 20 Td [(a\\)b) -3 <0041>] TJ (x(y)z) Tj ET 0 0 5 5 re S Q\n"
    out = drop_statements(data, ARITIES)
    assert out is not None
    assert out.split() == b"q 1 0 0 1 0 0 cm 0 0 5 5 re S Q".split()


def test_wrong_operand_count_kept() -> None:
    # Three operands before Tf: pdfminer pops two and leaves one, so the statement stays.
    out = drop_statements(b"1 2 3 Tf 4 5 m", ARITIES)
    assert out is not None and out.split() == b"1 2 3 Tf 4 5 m".split()


@pytest.mark.parametrize("data", [
    b"BI /W 1 /H 1 ID \x00\xff EI",  # inline image: binary data
    b"(a(b(c))) Tj",  # strings nested deeper than the pattern
    b"/Na#20me gs",  # a name with an escape
    b"<41>> Tj",  # pdfminer reads a dictionary's end here
    b"[(a) Tj] TJ",  # a keyword inside an array
    b"[(a) TJ",  # an array never closed
])
def test_odd_streams_left_alone(data: bytes) -> None:
    assert drop_statements(data, ARITIES) is None


def _rules_whole(path: Path, number: int) -> tuple[list[list[float]], list[list[float]]]:
    """The rules as pdfminer reads them from the whole content stream."""
    original = reader._text_dropped
    reader._text_dropped = lambda streams: list(streams)  # type: ignore[assignment]
    try:
        return reader._pdf_rules(path, number, None)
    finally:
        reader._text_dropped = original  # type: ignore[assignment]


@pytest.mark.parametrize("name, number", [("qd-biet-phai-02.pdf", 2), ("qd-biet-phai-office-01.pdf", 3)])
def test_table_pages_same_rules(name: str, number: int) -> None:
    path = ROOT / "samples" / name
    if not path.exists():
        pytest.skip("sample missing")
    rules = reader._pdf_rules(path, number, None)
    assert rules == _rules_whole(path, number)
    assert len(rules[0]) >= 3 and len(rules[1]) >= 3
