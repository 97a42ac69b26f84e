"""The body a decision's enacting line names: `GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH`, the
line between the subject and the first `Căn cứ`, is the head of the body that enacts it
(Decree 30/2020, Appendix I). Where the header's department line is lost under a stamp or a
copier's toner, the committee's line above it is read as the issuer; this line still tells
whose decision it is."""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.issuer_snap import is_department, snap_department
from dispatch_reader.extract.textutil import Page, Segment, fold_phrase

# how far down page 1 the enacting line may be (the header, title and a long subject above it)
_MOST_LINES = 30
_PREAMBLE_OPENINGS = ("can cu", "xet de nghi", "theo de nghi")


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    heads = sorted(resources.lines("enacting_heads.txt"), key=len, reverse=True)
    # an acting head's `Q.` or `QUYỀN` before the title; a speck or a dash before the line
    return re.compile(rf"^[^a-z0-9]*(?:(?:q|quyen)[ .]+)?(?:{'|'.join(map(re.escape, heads))}) (?=so )")


def enacting_department(page: Page) -> tuple[str, Segment] | None:
    """(the department, its line) a decision's enacting line names, on its first page; None
    when no such line is read before the preamble opens."""
    for line in page.lines[:_MOST_LINES]:
        text = " ".join(seg.text for seg in line)
        folded = fold_phrase(text)
        if folded.startswith(_PREAMBLE_OPENINGS):
            return None
        m = _heads().match(folded)
        if m is None:
            continue
        # the folded line keeps the words of the line as read: the body's name is its last words
        words = text.split()
        body = snap_department(" ".join(words[len(m.group().split()):]))
        if body and is_department(body):
            return body, line[0]
    return None
