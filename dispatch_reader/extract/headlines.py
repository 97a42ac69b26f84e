"""What header lines and signing-block lines are both told by: the heads that open a line (an
authority, `Nơi nhận`, a list item, an electronic-signature stamp), a match against a closed
list of heads, and whether a line's words are syllables at all (a seal's scraps are not).

header.py and signer.py both read them, and header.py imports signer.py: here, each has one
spelling, and no import goes in a circle.
"""

from __future__ import annotations

import re

from dispatch_reader.extract import resources
from dispatch_reader.extract.lexicon import has_a_words_letters
from dispatch_reader.extract.syllables import is_syllable, may_be_syllable
from dispatch_reader.extract.textutil import Segment
from dispatch_reader.record import Evidence

NOI_NHAN = re.compile(r"^noi\s*nhan\s*[:;.]?\s*")
AUTHORITY = re.compile(
    r"^(" + "|".join(re.escape(a) for a in sorted(resources.lines("authority.txt"), key=len, reverse=True))
    + r")\s?[.,:]?\s+(?=\S)")
LIST_ITEM = re.compile(r"^[-–+•*]\s*")
GAZETTE = re.compile(r"^(?:cong bao|ky boi|nguoi ky|co quan\s*:|email\s*:|ngay ky\s*:|thoi gian ky)")
# the page counter a fax machine prints atop each page it sends (folded), a figure of it maybe
# read as a letter (`P.001/U004`, `p,003/003`)
FAX_PAGE_COUNTER = r"p\s?[.,]\s?\d{2,3}\s?/\s?[a-z]?\d{2,3}"


def quoted(seg: Segment, conf: float | None = None) -> Evidence:
    """Evidence of a fact: the segment's page and words, where it starts."""
    return Evidence(page=seg.page, quote=seg.text, start=seg.start, confidence=conf)


def starts_with_head(folded: str, heads: tuple[str, ...]) -> str | None:
    f = re.sub(r"\s+", " ", folded).strip()
    for h in heads:
        if f.startswith(h) and (len(f) == len(h) or not f[len(h)].isalnum()):
            return h
    return None


def wording_word(word: str) -> bool:
    """A word as running text prints it: a syllable in small letters or capitalised (`về`,
    `Hà`); not scraps (`Bre`, `eee`) nor a word in capitals (`XI`, `DEN`)."""
    return is_syllable(word) and (word.islower() or (word[0].isupper() and word[1:].islower()) or len(word) == 1)


def mostly_not_syllables(text: str, marks_lost: bool = False) -> bool:
    """Are most words no syllables? With `marks_lost`, a word that would be one with its marks
    (`Bich`, `Ngoc`: a stop-final rhyme needs a tone; `Nguyén`, `Khứớng`: a word's letters with
    other marks) counts as one."""
    def check(w: str) -> bool:
        return may_be_syllable(w) or has_a_words_letters(w) if marks_lost else is_syllable(w)

    words = [w for w in re.findall(r"[^\W\d_]+", text)]
    return bool(words) and sum(not check(w) for w in words) * 2 > len(words)
