"""Read back the text layer of a rendered PDF and find where a quote stands in it.

Truth evidence is checked against this text: pdfplumber's `extract_text()` per page, NFC.
"""

from __future__ import annotations

import io
import re

from dispatch_reader.record import Evidence
from dispatch_reader.textnorm import nfc


def page_texts(pdf_bytes: bytes) -> list[str]:
    """NFC text of each page as pdfplumber reads it (header columns share lines)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return [nfc(page.extract_text() or "") for page in pdf.pages]


def _find(quote: str, text: str, after: int = 0) -> tuple[int, str] | None:
    at = text.find(quote, after)
    if at >= 0:
        return at, quote
    # The renderer may have wrapped the phrase: accept any run of white space between words.
    words = quote.split()
    if not words:
        return None
    m = re.compile(r"\s+".join(re.escape(w) for w in words)).search(text, after)
    return (m.start(), m.group(0)) if m else None


def locate(quote: str, pages: list[str], *, anchor: str | None = None, page: int | None = None) -> Evidence:
    """Evidence for the first occurrence of `quote` (after `anchor` when given, on `page`
    when given). The returned quote is the page text itself, line breaks included.
    Raises LookupError when the quote is nowhere: the truth would be wrong."""
    quote = nfc(quote)
    numbers = [page] if page else range(1, len(pages) + 1)
    for number in numbers:
        text = pages[number - 1]
        after = 0
        if anchor:
            hit = _find(nfc(anchor), text)
            if hit is None:
                continue
            after = hit[0]
        found = _find(quote, text, after)
        if found:
            return Evidence(page=number, quote=found[1], start=found[0])
    raise LookupError(f"quote not in rendered text: {quote!r}")
