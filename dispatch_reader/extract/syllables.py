"""Is a word a possible Vietnamese syllable? Onset + rhyme + tone, as the spelling rules allow.

A syllable is an optional onset (`ngh`, `tr`, `qu`, `gi`, …), a rhyme from a closed list (`uyên`,
`ương`, `anh`, …) and one tone mark; a rhyme that ends in `p`, `t`, `c`, `ch` takes only the
sắc or nặng tone. OCR slips often break these rules (`Khuyén`, `Hiéu`: `uye`/`ie` before a final
need their circumflex), which tells a misread name syllable from a rare but real one.
"""

from __future__ import annotations

from functools import lru_cache

from dispatch_reader.ingest.vietnamese import is_syllable as may_be_syllable  # noqa: F401  (marks perhaps lost)
from dispatch_reader.ingest.vietnamese import rhymes_of, split_tone

# a rhyme ending in a stop takes only the sắc or nặng tone (`Đức`, `Việt`; never `Đưc`, `Viêt`)
_STOPS = ("p", "t", "c", "ch")
_STOP_TONES = ("\u0301", "\u0323")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is spelled as a Vietnamese syllable can be (case ignored), its tone
    allowed by its rhyme. The onsets and rhymes are ingest's (data/vietnamese_syllables.json)."""
    bare, tone = split_tone(word)
    if not bare.isalpha() or tone == "many":
        return False
    return any(tone in _STOP_TONES or not rhyme.endswith(_STOPS) for rhyme in rhymes_of(bare))
