"""Main language of the text: Vietnamese or English.

Vietnamese text is full of letters with diacritics (`ư`, `ơ`, `đ`, tone marks); English text
has almost none and many English function words. Names without diacritics in English press
reports (`Nguyen Thi Chuyen`) do not tip the balance.
"""

from __future__ import annotations

import re

_LETTER = re.compile(r"[^\W\d_]")
_EN_WORDS = re.compile(r"\b(?:the|of|and|to|in|on|for|with|from|by|has|have|was|were|is|are|said|will)\b", re.I)
_VI_WORDS = re.compile(r"\b(?:của|và|các|được|theo|ngày|tháng|năm|về|cho|tại|với|này|có|không|"
                       r"cua|cac|duoc|ngay|thang|theo|tai|nhan dan|cong chuc)\b", re.I)


def detect_language(text: str) -> str:
    """'vi' or 'en' for a page text (or the whole document's text)."""
    text = text[:6000]  # the opening pages decide; whole documents cost time for nothing
    letters = _LETTER.findall(text)
    if not letters:
        return "vi"
    marked = sum(1 for c in letters if not c.isascii())
    en = len(_EN_WORDS.findall(text))
    vi = len(_VI_WORDS.findall(text))
    if marked / len(letters) < 0.04 and en > vi:
        return "en"
    return "vi"
