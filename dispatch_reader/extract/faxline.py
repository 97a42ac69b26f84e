"""The sender a fax machine prints atop each page it sends (`FROM: UBND THANH PHO HUE | FAX:
0234 … | 19-08-2025 13:23 | PAGE 1/2`): the office's name as it set its machine up, in capitals
without marks, read by OCR in the machine's own plain font.

Its own part because it is a second reading of the issuer from outside the header: where a
stamp or the fax's grain left the issuer's lines unreadable, or read as no body, the name the
sending office gave its machine tells it (the clerk is told to check it). The header's rules
stay the judges of what a body's name is (issuer_snap): this module only finds the line and
undoes the machine font's lookalikes.
"""

from __future__ import annotations

import re

from dispatch_reader.extract.casing import expand_abbreviations
from dispatch_reader.extract.issuer_snap import snap_issuer
from dispatch_reader.extract.textutil import Page, Segment

# the line's opening label and what ends the name: a bar, the machine's `FAX:` or `TEL:`, a
# phone number or a date
_SENDER = re.compile(r"^\W{0,3}FROM\s?[:;.]\s*(?P<name>.+?)\s*(?=\||\bFAX\b|\bTEL\b|\d{3,}|$)", re.IGNORECASE)
# a fax prints its line within the page's first lines (a scan's specks may come first)
_FIRST_LINES = 3
# the plain font's letters OCR reads as signs or figures (`$0 NOI VU` for `SO NOI VU`), in a
# word of letters
_LOOKALIKES = str.maketrans({"$": "S", "0": "O", "1": "I", "5": "S", "8": "B"})


def _as_letters(word: str) -> str:
    """A word of the sender's name with the machine font's lookalikes read as letters; a word of
    figures alone stays (a commune's number in its name, rare as it is)."""
    return word if word.isdigit() else word.translate(_LOOKALIKES)


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
        name = " ".join(_as_letters(w) for w in m["name"].split())
        body = snap_issuer(expand_abbreviations(name), None)
        return (body, seg.sub(m.start("name"), m.end("name"))) if body else None
    return None
