"""How sure OCR was of the words a fact was read from.

A page's mean confidence hides the one word that matters: a number whose digits were
filled in by hand (`115` read as `445`) sits among well-printed words at 0.94. The fact's
own words decide its confidence here, and a doubtful number is said so, not guessed.
"""

from __future__ import annotations

import re

from dispatch_reader.ingest.pages import CROSSED_CONF, PageText

# An OCR word below this confidence is no reading to act on without a look at the page.
DOUBTFUL_WORD = 0.60


def _core(text: str) -> str:
    return re.sub(r"[^\w/.-]", "", text)


def number_confidence(page: PageText, number: str) -> float | None:
    """The lowest OCR confidence among the words that make up `number` on `page`, or None
    when the page was not OCRed or the words are not found."""
    if page.method != "ocr" or not page.words:
        return None
    digits = number.split("/", 1)[0]
    confs: list[float] = []
    for word in page.words:
        core = _core(word.text)
        if word.conf is None or len(core) < 2:
            continue
        # the number is one word ("115/NQ-CP") or several ("115", "/NQ-CP")
        if core in number and (re.search(r"\d", core) or "/" in core or core == digits):
            confs.append(word.conf)
    return min(confs) if confs else None


def check_number(pages: list[PageText], number: str | None, page_number: int | None) -> tuple[float, str] | None:
    """(confidence, warning) when the document number's words were read with doubt."""
    if not number or page_number is None:
        return None
    if number.startswith("/"):
        # a symbol without its digits: they were filled in by hand, or lost
        return 0.0, (f"document number {number} read without its digits on page {page_number}: "
                     "they may be handwritten; check the page")
    page = next((p for p in pages if p.number == page_number), None)
    if page is None:
        return None
    conf = number_confidence(page, number)
    if conf is None or conf >= DOUBTFUL_WORD:
        return None
    if conf == CROSSED_CONF:
        return conf, (f"document number {number} read where a stamp's, a seal's or a signature's ink crossed its "
                      f"figures on page {page_number}: they may be misread; check the page")
    return conf, (f"document number {number} read with low confidence ({conf:.2f}) on page {page_number}: "
                  "its digits may be handwritten or damaged; check the page")
