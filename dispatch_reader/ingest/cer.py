"""Character error rate of page text against a reference, with and without diacritics.

Used by bench/cer.py (and available to `eval`). White space is collapsed first: OCR and
the reference break lines in different places, and that is not a reading error.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, one numpy row at a time (pages are a few thousand chars)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    bcodes = np.fromiter((ord(c) for c in b), dtype=np.int64, count=len(b))
    positions = np.arange(len(b) + 1, dtype=np.int64)
    prev = positions.copy()
    for i, ch in enumerate(a, start=1):
        cost = (bcodes != ord(ch)).astype(np.int64)
        # Deletion and substitution come from the previous row; insertion runs along this
        # row and is a running minimum of (value - position) + position.
        cur = np.empty_like(prev)
        cur[0] = i
        cur[1:] = np.minimum(prev[1:] + 1, prev[:-1] + cost)
        cur = np.minimum.accumulate(cur - positions) + positions
        prev = cur
    return int(prev[-1])


def normalise(text: str, diacritics: bool = True) -> str:
    text = unicodedata.normalize("NFC", text)
    if not diacritics:
        text = text.replace("Đ", "D").replace("đ", "d")
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text).strip()


def cer(hypothesis: str, reference: str, diacritics: bool = True) -> tuple[int, int]:
    """(edits, reference length) after normalising both; CER = edits / length."""
    hyp, ref = normalise(hypothesis, diacritics), normalise(reference, diacritics)
    return edit_distance(hyp, ref), len(ref)
