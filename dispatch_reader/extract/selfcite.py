"""The document's number and date as its own annexes cite them.

Under an annex's heading (a form, a list, a regulation it issues) the document names itself:
`(Kèm theo Thông tư số 58/2021/TT-BQP ngày 07 tháng 6 năm 2021 của Bộ Quốc phòng)`. That
line is printed; the header's number often is not: the registry fills it in by hand or with
a numbering stamp after signing (`Số: § @ /2021/TT-BQP` on a Gazette scan of that circular).
Where the header lost the number's digits or its date, the annex says them again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from dispatch_reader.extract.datefmt import find_dates
from dispatch_reader.extract.docnumber import BODY_NUMBER, DocNumber, clean_number
from dispatch_reader.extract.doctypes import type_for_title
from dispatch_reader.extract.textutil import Page, Segment

# what follows an annex's heading: `(Kèm theo …)`, `(Ban hành kèm theo …)` (folded text:
# marks and case gone) ...
ANNEX_SUBHEAD = re.compile(r"^[(\[]\s*(?:ban hanh\s+)?kem theo\b")
# ... citing a document by its type and number
_CITES_ITSELF = re.compile(ANNEX_SUBHEAD.pattern + r"\s+(?P<type>[a-z ]{4,25}?)\s+so\s*:?\s*")


@dataclass(frozen=True)
class SelfCitation:
    number: DocNumber
    date: str | None  # ISO, when read whole
    seg: Segment


def annex_citations(pages: list[Page], doc_type: str | None) -> list[SelfCitation]:
    """Every annex subheading that cites a document of this type by its number (any type
    when the type is unknown): a heading citing another type is another document's."""
    out: list[SelfCitation] = []
    for page in pages:
        for seg in page.segments():
            m = _CITES_ITSELF.match(seg.folded)
            if not m:
                continue
            kind = type_for_title(m["type"])
            if kind is None or (doc_type is not None and kind[1] != doc_type):
                continue
            found = BODY_NUMBER.match(seg.text, m.end())
            number = clean_number(found) if found else None
            if number is None or not number.number:
                continue
            dates = [h for h in find_dates(seg.folded[found.end():]) if h.iso] if found else []
            out.append(SelfCitation(number, dates[0].iso if dates else None, seg))
    return out


def cited_number(citations: list[SelfCitation], header: DocNumber | None,
                 issued: str | None, figures: str | None = None) -> SelfCitation | None:
    """The number the annexes give this document, when something ties them to it: the year
    and symbol the header kept of its number (its digits lost), its issue date, or the
    figures of a header number whose symbol did not parse (`Số; 2318/013-LI5NI)` on a fax), in
    a dated annex whose date is not another than the one read. Where annexes disagree, the
    number most of them give; a tie gives none."""
    def tied(c: SelfCitation) -> bool:
        if header is not None:
            return c.number.parts == header.parts and c.number.year == header.year and (
                issued is None or c.date in (None, issued))
        if figures is not None:
            # figures alone are a weak tie: the annex must date itself, and agree with a date read;
            # other figures read are another document's number
            return c.number.number == figures and c.date is not None and issued in (None, c.date)
        return issued is not None and c.date == issued
    kept = [c for c in citations if tied(c)]
    if not kept:
        return None
    counts = Counter(c.number.text for c in kept).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return None
    best = counts[0][0]
    # the one that gives its date too, for the evidence
    return max((c for c in kept if c.number.text == best), key=lambda c: c.date is not None)


def annex_disagrees(pages: list[Page], doc_type: str | None, number: str | None,
                    issued: str | None) -> SelfCitation | None:
    """An annex of an OCR-read document that cites it with the header's symbol, year and date
    but other figures (`Kèm theo Quyết định số 2318/QĐ-UBND ngày 26/8/2025` under a header read
    `7318/QĐ-UBND`): one of the two was misread, and one annex is no majority to mend the
    header by (header.py); the reader is told to check."""
    if not number or len(pages) < 2 or pages[0].ocr_confidence is None:
        return None
    found = BODY_NUMBER.match(number)
    header = clean_number(found) if found else None
    if header is None or not header.number:
        return None
    return next((c for c in annex_citations(pages[1:], doc_type)
                 if c.number.parts == header.parts and c.number.year == header.year
                 and c.number.number != header.number and c.date is not None and c.date == issued), None)
