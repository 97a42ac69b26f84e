"""The sender a fax machine prints atop each page it sends (`FROM: UBND TINH GIA LAI | FAX:
0269 … | 12-03-2026 09:10 | PAGE 1/2`): the office's name as it set its machine up, in capitals
without marks, read by OCR in the machine's own plain font.

Its own part because it is a second reading of the issuer from outside the header: where a
stamp or the fax's grain left the issuer's lines unreadable, or read as no body, the name the
sending office gave its machine tells it (the clerk is told to check it). The header's rules
stay the judges of what a body's name is (issuer_snap): this module only finds the line and
undoes the machine font's lookalikes.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.casing import expand_abbreviations
from dispatch_reader.extract.issuer_snap import snap_issuer
from dispatch_reader.extract.textutil import Page, Segment

# the line's opening label, after the machine's date and time where it prints them first, and
# what ends the name: a bar, the machine's `FAX:` or `TEL:`, a phone number or a date
_SENDER = re.compile(r"^\W{0,3}(?:[\d/:.\- ]{6,25})?FROM\s?[:;.]\s*(?P<name>.+?)\s*(?=\||\bFAX\b|\bTEL\b|\d{3,}|$)",
                     re.IGNORECASE)
# a fax prints its line within the page's first lines (a scan's specks may come first)
_FIRST_LINES = 3
# a body's name is two words at least (`SO NOI VU`); words after it are the office's own
# additions (`… TINH GIA LAI` after a department's name)
_LEAST_WORDS = 2


@lru_cache(maxsize=1)
def _lookalikes() -> dict[int, str]:
    return str.maketrans({row[0]: row[1] for row in resources.rows("fax_font_lookalikes.tsv") if len(row) > 1})


def _as_letters(word: str) -> str:
    """A word of the sender's name with the machine font's lookalikes read as letters; a word of
    figures alone stays (a commune's number in its name, rare as it is)."""
    return word if word.isdigit() else word.translate(_lookalikes())


def fax_sender(pages: list[Page]) -> tuple[str, Segment] | None:
    """(the body the fax line of page 1 names, as it names itself; the line's segment), or None
    where page 1 has no such line or its name is no body the header's rules know."""
    if not pages:
        return None
    for segs in pages[0].lines[:_FIRST_LINES]:
        if not segs:
            continue
        seg = segs[0]
        m = _SENDER.match(seg.text)
        if m is None:
            continue
        words = [_as_letters(w) for w in m["name"].split()]
        # the whole name, then without its last words (`SO NOI VU TINH GIA LAI`: the department
        # the header's rules know, its province added by the office)
        for n in range(len(words), _LEAST_WORDS - 1, -1):
            body = snap_issuer(expand_abbreviations(" ".join(words[:n])), None)
            if body:
                return body, seg.sub(m.start("name"), m.end("name"))
        return None
    return None
