"""A page's OCR confidence that says how much of its text is right.

Tesseract's mean word confidence sits at 0.92-0.94 on a fax or photocopy whose text is one
character in nine wrong, and at 0.95 on a clean scan: it moves too little to tell a damaged
page. Fitted on the office-grade variants (bench/page_confidence.py: each OCRed page against
the born-digital text it was made from), a straight line maps it to the share of characters
read right (1 - CER), which is what the record, briefs and exports report per page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _line() -> tuple[float, float]:
    data = json.loads(resources.files("dispatch_reader.ingest").joinpath("data/page_confidence.json").read_text("utf-8"))
    return float(data["slope"]), float(data["intercept"])


def page_confidence(mean_word_confidence: float | None) -> float | None:
    """The page's calibrated confidence (0..1) from Tesseract's mean word confidence."""
    if mean_word_confidence is None:
        return None
    slope, intercept = _line()
    return round(min(max(slope * mean_word_confidence + intercept, 0.0), 1.0), 3)
