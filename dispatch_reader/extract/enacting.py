"""The body a decision's enacting line names: `GIÁM ĐỐC SỞ TÀI CHÍNH`, in
capitals right above the preamble's first `Căn cứ`, is the head of the body that enacts it
(Decree 30/2020, Appendix I). Where the header's department line is lost under a stamp or a
copier's toner, the committee's line above it is read as the issuer; this line still tells
whose decision it is.

Only that line counts: a subject wrapped onto `Giám đốc Sở Tư pháp` (a committee appointing
one), an article's `Giám đốc Sở Tài chính và …` or a table's row name a department that
enacts nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.issuer_snap import is_department, snap_department
from dispatch_reader.extract.textutil import Page, Segment, fold_phrase, is_upper_line

# how far down page 1 the preamble may open (the header, title and a long subject above it)
_MOST_LINES = 30


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    heads = sorted(resources.lines("enacting_heads.txt"), key=len, reverse=True)
    # an acting head's `Q.` or `QUYỀN` before the title; a speck or a dash before the line
    return re.compile(rf"^[^a-z0-9]*(?:(?:q|quyen)[ .]+)?(?:{'|'.join(map(re.escape, heads))}) (?=so )")


@lru_cache(maxsize=1)
def _openings() -> tuple[str, ...]:
    """How a decision's preamble opens, folded with no spaces (`Căn cứ`, `Xét đề nghị`, …)."""
    return tuple(line.replace(" ", "") for line in resources.lines("preamble_openings.txt"))


def _opens_preamble(text: str) -> bool:
    """`Căn cứ …`, also after a bullet, a number or a speck (`- Căn cứ`, `1. Căn cứ`, `_Căncứ`)."""
    letters = re.sub(r"^[\W\d_]+", "", fold_phrase(text)).replace(" ", "")
    return letters.startswith(_openings())


def enacting_department(page: Page) -> tuple[str, Segment] | None:
    """(the department, its line) a decision's enacting line names on its first page: the line
    in capitals right above the preamble's opening (or the two, wrapped); None otherwise."""
    texts = [" ".join(seg.text for seg in line) for line in page.lines[:_MOST_LINES]]
    opening = next((i for i, text in enumerate(texts) if _opens_preamble(text)), None)
    if not opening:
        return None
    for first in (opening - 1, opening - 2):
        if first < 0:
            break
        text = " ".join(texts[first:opening])
        m = _heads().match(fold_phrase(text))
        if m is None:
            continue
        if not is_upper_line(text):
            return None
        # fold_phrase keeps the words as read: the body's name is the words after the title
        skip = len(m.group().split())
        if first < opening - 1 and snap_department(" ".join(texts[first].split()[skip:])):
            return None  # a name whole on its line: the line under it is another (`CHỦ TỊCH …`)
        body = snap_department(" ".join(text.split()[skip:]))
        return (body, page.lines[first][0]) if body and is_department(body) else None
    return None
