"""Search keys: how stored text is made comparable regardless of diacritics and spelling.

Every searchable column has a key twin built here, so a query and a row always pass through
the same function. Keys are ASCII, lower case, punctuation turned into spaces and padded with
one space at each end, so `LIKE '% tua thang %'` matches whole words only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from dispatch_reader.textnorm import fold, for_matching, nfc

_NON_WORD = re.compile(r"[^0-9a-z]+")


def key(text: str | None) -> str | None:
    """Padded diacritic-free key of `text`, or None for empty input."""
    if not text:
        return None
    words = _NON_WORD.sub(" ", fold(text)).strip()
    return f" {words} " if words else None


@lru_cache(maxsize=65536)
def number_key(number: str | None) -> str | None:
    """Document number as a key: `1335/UBND-NC`, `1335 / ubnd-nc` and `1335/UBND–NC` agree.
    Remembered: grouping a summary's records asks it for every pair it compares (700,000 times
    for 4,800 records)."""
    if not number:
        return None
    folded = fold(number).replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", "", folded) or None


# a legal normative document's number carries its year (`72/2025/QH15`, `170/2025/NĐ-CP`)
_LEGAL_NUMBER = re.compile(r"/(?:19|20)\d{2}/")


def is_legal_number(number: str) -> bool:
    """Is this the number of a law, decree or other legal text (its year in it)? A provincial
    archive does not hold them, and every decision of a body cites the same ones."""
    return bool(_LEGAL_NUMBER.search(number))


def _fold_char(ch: str) -> str:
    if ch in "Đđ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)).lower()
    return base if len(base) == 1 else ch


# Latin letters with their Vietnamese forms; other characters stay as they are
_FOLD_TABLE = {ord(ch): _fold_char(ch) for ch in map(chr, [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)])
               if _fold_char(ch) != ch}


def fold_aligned(text: str) -> str:
    """Character-by-character fold of NFC `text`: same length, so offsets point into `text`.

    `textnorm.fold` collapses spaces and may change length; search needs to find a word in the
    folded page and quote the original words at the same place.
    """
    return for_matching(nfc(text)).translate(_FOLD_TABLE)


def terms(query: str) -> list[str]:
    """The words of a free-text query, folded."""
    return [t for t in _NON_WORD.sub(" ", fold(query)).split() if t]


def like_pattern(query: str) -> str | None:
    """LIKE pattern matching `query` as whole words inside a key column."""
    k = key(query)
    if k is None:
        return None
    return "%" + k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_BIRTH_YEAR = re.compile(r"\b(?:sinh\s+năm|năm\s+sinh|sinh\s+ngày\s+\d{1,2}[/.-]\d{1,2}[/.-]|born(?:\s+in)?)\s*:?\s*((?:19|20)\d{2})\b",
                         re.IGNORECASE)


def birth_year(*texts: Any) -> int | None:
    """Birth year stated next to a name ("sinh năm 1985", "năm sinh: 1979"), if any."""
    for text in texts:
        if not isinstance(text, str):
            continue
        m = _BIRTH_YEAR.search(for_matching(text))
        if m:
            return int(m.group(1))
    return None
