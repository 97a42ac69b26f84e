"""Consolidated texts (văn bản hợp nhất, `…/VBHN-…`).

The top of a consolidated text shows the base document's title and no number of its own;
its own number, date, body and signer stand in the closing block

    BỘ TÀI CHÍNH                      XÁC THỰC VĂN BẢN HỢP NHẤT
    Số: 16/VBHN-BTC                   Hà Nội, ngày 06 tháng 3 năm 2020
                                      KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Trần Văn Hiếu

That block is laid out like a header, so it is read with the header reader itself; its
facts replace what the top gave. The base document is the first document the top cites.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dispatch_reader.extract.docnumber import body_of_symbol
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.extract.textutil import Page, is_upper_line
from dispatch_reader.record import DocumentFacts, Evidence, Reference

LABEL = "Văn bản hợp nhất"
_MARKER = "xac thuc van ban hop nhat"
# Lines around the marker line that may hold the block's number, and lines after it to the signer.
_BEFORE, _AFTER = 6, 12


def find_block(pages: list[Page]) -> tuple[Page, int, int] | None:
    """(page, start, end): the stretch of page text holding the authentication block, from
    the body's name above `Số: …/VBHN-…` down to the signer."""
    for page in reversed(pages):
        at = page.folded.find(_MARKER)
        if at < 0:
            continue
        lines = page.text.splitlines(keepends=True)
        folded = page.folded.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        mark = max(i for i in range(len(lines)) if offsets[i] <= at)
        numbered = [i for i in range(max(0, mark - _BEFORE), min(len(lines), mark + _BEFORE))
                    if "vbhn" in folded[i]]
        if not numbered:
            continue
        first = min(numbered[0], mark)
        # the body's name stands in capitals right above the number
        while first > 0 and numbered[0] - first < 4 and lines[first - 1].strip() and is_upper_line(lines[first - 1]):
            first -= 1
        last = min(len(lines), mark + _AFTER)
        return page, offsets[first], offsets[last]
    return None


def read_block(pages: list[Page]) -> tuple[DocumentFacts, int] | None:
    """The block's header facts, evidence offsets in its page's text, and the block's page."""
    from dispatch_reader.extract.header import extract_header

    found = find_block(pages)
    if found is None:
        return None
    page, start, end = found
    text = page.text[start:end]
    folded = page.folded[start:end]
    at = folded.find(_MARKER)
    text = text[:at] + " " * len(_MARKER) + text[at + len(_MARKER):]
    block = Page.make(page.number, text, page.ocr_confidence)
    facts, _ = extract_header([block])
    for key, ev in facts.evidence.items():
        facts.evidence[key] = replace(ev, start=None if ev.start is None else ev.start + start,
                                      quote=page.text[ev.start + start:ev.start + start + len(ev.quote)]
                                      if ev.start is not None else ev.quote)
    return facts, page.number


def _issuer_from_symbol(number: str) -> str | None:
    """`16/VBHN-BTC` → Bộ Tài chính, from the table of issuing bodies' symbols."""
    return body_of_symbol(number.rsplit("-", 1)[-1]) if "-" in number else None


def apply(pages: list[Page], doc: DocumentFacts) -> bool:
    """Make `doc` the consolidated text's own facts when the pages hold its block."""
    read = read_block(pages)
    if read is None:
        return False
    block, _ = read
    if not block.number or "VBHN" not in block.number.upper():
        return False
    doc.doc_type, doc.doc_type_label = "other", LABEL
    doc.number = block.number
    doc.evidence["number"] = block.evidence["number"]
    doc.evidence["doc_type"] = block.evidence["number"]
    if block.issued_date:
        doc.issued_date = block.issued_date
        doc.evidence["issued_date"] = block.evidence["issued_date"]
        doc.place = block.place
        if block.place:
            doc.evidence["place"] = block.evidence["place"]
    issuer = block.issuer or _issuer_from_symbol(block.number)
    if issuer:
        doc.issuer = proper_case_body(issuer)
        doc.issuer_parent = block.issuer_parent
        doc.evidence["issuer"] = block.evidence.get("issuer") or block.evidence["number"]
    if doc.subject:
        # the top's title lines run on into the lead paragraph naming the base document
        lead = _LEAD.search(doc.subject)
        if lead and lead.start() > 0:
            doc.subject = doc.subject[:lead.start()].rstrip(" ,;")
    if block.signer and block.signer.name:
        doc.signer = block.signer
        doc.evidence["signer"] = block.evidence["signer"]
    return True


_LEAD = re.compile(r"(?<=\s)(?:Quyết định|Thông tư liên tịch|Thông tư|Nghị định|Nghị quyết|Luật|Pháp lệnh|Chỉ thị)"
                   r"\b[^.;]{0,80}?\bsố\s+\d+/")
_BASE_TYPES = re.compile(r"^(?:quyet dinh|thong tu|nghi dinh|nghi quyet|luat|phap lenh|chi thi|thong tu lien tich)\b")


def base_document(pages: list[Page], references: list[Reference]) -> str | None:
    """The base document: the first reference on page 1 whose line opens with its type
    (`Quyết định số 60/2015/QĐ-TTg ngày …`), as the consolidated text's lead paragraph does."""
    if not pages:
        return None
    first = pages[0]
    for ref in sorted((r for r in references if r.evidence.page == first.number and r.evidence.start is not None),
                      key=lambda r: r.evidence.start):
        line_start = first.text.rfind("\n", 0, ref.evidence.start) + 1
        if _BASE_TYPES.match(first.folded[line_start:]):
            return ref.number
    return None
