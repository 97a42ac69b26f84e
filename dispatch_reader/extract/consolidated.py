"""Consolidated texts (văn bản hợp nhất, `…/VBHN-…`).

The top of a consolidated text shows the base document's title and no number of its own;
its own number, date, body and signer stand in the closing block

    BỘ TÀI CHÍNH                      XÁC THỰC VĂN BẢN HỢP NHẤT
    Số: 16/VBHN-BTC                   Hà Nội, ngày 06 tháng 3 năm 2020
                                      KT. BỘ TRƯỞNG / THỨ TRƯỞNG / Trần Văn Hiếu

That block is laid out like a header, so it is read with the header reader itself; its
facts replace what the top gave. The base document is the first document the top cites.

On a damaged copy the block is still found by a title a letter off or cut by the photo's edge
(with its number beside it), or by its number under its label alone; a block whose number was
lost, or none read at all under the Gazette's heading `VĂN BẢN HỢP NHẤT - <body>`, still makes
a VBHN of a known body, with no number or date rather than the base document's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from dispatch_reader.extract.docnumber import (body_of_symbol, find_header_number, mend_symbol, rejoined_as,
                                               symbol_of_body)
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.extract.datefmt import find_header_dates
from dispatch_reader.extract.headlines import AUTHORITY
from dispatch_reader.extract.issuer_snap import is_known_place, snap_department
from dispatch_reader.extract.textutil import Page, fold_keep, is_upper_line
from dispatch_reader.record import DocumentFacts, Evidence, Reference

LABEL = "Văn bản hợp nhất"
# how a clerk asks for them (`search --type VBHN`): the number's symbol, the English name
ALIASES = ("VBHN", "consolidated", "consolidated text")
# the block's title, its first word a letter off as a fax reads it (`NAC THỰC VĂN BẢN HỢP
# NHẤT`) ...
_MARKER = re.compile(r"\b[a-z]{2,4} thu[a-z]{0,2} van ban hop nhat\b")
# ... or cut by a phone photo's edge (`XÁC THT”`) ...
_CUT_MARKER = re.compile(r"\bxac th")
# ... or lost altogether (a photo's blot over it): the block is found by its own number under
# its label (`Số: 22/VBHN-VPQH`, `sé: 16/VBHN-BTC`; a citation says `số` in running text)
_OWN_NUMBER = re.compile(r"^[ \t]{0,3}s[a-z0-9]{0,2}\s*:\s*\d+\s*/\s*vbhn\b", re.M)
# the Gazette's running heading over every page of a VBHN it prints (`VĂN BẢN HỢP NHẤT - VĂN
# PHÒNG QUỐC HỘI`): which body's consolidated text this is, when its block was lost
_GAZETTE_HEADING = re.compile(r"^\W{0,3}van ban hop nh[a-z]{1,2}\s*[-–]\s*(?=\S)", re.M)
# Lines around the marker line that may hold the block's number, and lines after it to the signer.
_BEFORE, _AFTER = 6, 12


# the symbol's type part after its slash, as a copy may break its H in two (`466/VBIIN-…`)
_TYPE_AFTER_SLASH = re.compile(r"/\s*([^\W\d_]{4,6})")


def _says_vbhn(line: str) -> bool:
    """Does the line hold the VBHN symbol, as printed or its capitals broken (`VBIIN`)?"""
    return "vbhn" in fold_keep(line) or any(rejoined_as(m[1], "VBHN") for m in _TYPE_AFTER_SLASH.finditer(line))


def _candidates(page: Page) -> list[tuple[str, re.Match[str]]]:
    """What may mark the block on a page, last first: its title whole, its title cut (in
    capitals; not inside a whole one), its number under its label."""
    whole = list(_MARKER.finditer(page.folded))
    cut = [m for m in _CUT_MARKER.finditer(page.folded) if page.text[m.start():m.end()].isupper()
           and not any(w.start() <= m.start() < w.end() for w in whole)]
    own = list(_OWN_NUMBER.finditer(page.folded))
    found = [("whole", m) for m in whole] + [("cut", m) for m in cut] + [("own", m) for m in own]
    return sorted(found, key=lambda km: km[1].start(), reverse=True)


def _under_a_body(lines: list[str], number_line: int) -> bool:
    """Does a known body's name stand right above the number's line (`BỘ TÀI CHÍNH` over
    `Số: 16/VBHN-BTC`), as in every block, and in no list or sentence citing one? A seal
    printed black over the block leaves its specks on lines of their own between the two
    (`}`, `2`, `s/`): such lines are passed over, as blank ones are."""
    above: list[str] = []
    reach = _BODY_REACH
    for line in reversed(lines[max(0, number_line - _SPECKED_REACH):number_line]):
        if reach == 0 or len(above) == 2:
            break
        if line.strip() and _SPECKS.fullmatch(line.strip()):
            continue  # a speck's line: no line of the block's own
        reach -= 1
        if line.strip():
            above.append(line)
    return any(is_upper_line(line) and snap_department(line.strip()) for line in above)


# a line of specks: no word of three letters, and no list's numbering (`1.`, `2)`)
_SPECKS = re.compile(r"(?![\d\s]+[.)]$)(?!.*[^\W\d_]{3})[^\n]{1,8}")
# the lines above the number looked at (blank ones counted), and how far past specks' lines
_BODY_REACH, _SPECKED_REACH = 3, 9


# what follows a chapter's or a section's heading, never a block's title
_ARTICLE = re.compile(r"^\s*(?:dieu|chuong|muc|phan)\s+[0-9ivxlc]+\b|^\s*\d+\.\s")


def _stands_as_a_title(page: Page, lines: list[str], offsets: list[int], mark: int, at: re.Match[str]) -> bool:
    """Does a title with no number beside it stand as a block's does: in capitals, ending its
    line, after nothing but a body's name (the two columns read as one line), under a line in
    capitals or none, and over no article (`Mục 3 / XÁC THỰC VĂN BẢN HỢP NHẤT / Điều 12. …` is
    a section's heading; `KÝ XÁC THỰC … CỦA BỘ TÀI CHÍNH` an annex's title)?"""
    title = page.text[at.start():at.end()]
    before = page.text[offsets[mark]:at.start()].strip()
    after = page.text[at.end():offsets[mark + 1]].strip(" .:;,\"'”\n")
    following = next((line.strip() for line in lines[mark + 1:mark + 3] if line.strip()), "")
    if not title.isupper() or after or _ARTICLE.match(fold_keep(following)):
        return False
    if before:
        # the body's name, or its first half (`BỘ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`); a name a
        # photo garbled (`BỘ Lag ĐỘNG - THƯƠNG BINH`) where a date line and a signing authority
        # stand under the title, as in the block and under no heading or annex title
        return bool(snap_department(before) or snap_department(f"{before} {following}")
                    or (page.ocr_confidence is not None and _garbled_body(before, lines, mark)
                        and _signed_under(lines, mark)))
    previous = next((line for line in reversed(lines[max(0, mark - 2):mark]) if line.strip()), None)
    return previous is None or is_upper_line(previous)


# under the block's title: its date line within a few lines, a signing authority after it
_DATED_WITHIN, _SIGNED_WITHIN = 3, 6


def _garbled_body(before: str, lines: list[str], mark: int) -> bool:
    """Is `before` a body's name a copy garbled (`BỘ Lag ĐỘNG - THƯƠNG BINH`, its tail `BINH |`):
    words mostly in capitals, under no annex's or form's heading (`PHỤ LỤC`, `Mẫu số 01.`)?"""
    words = re.findall(r"[^\W\d_]+", before)
    if not words or sum(w.isupper() for w in words) * 2 <= len(words):
        return False
    above = fold_keep(" ".join(lines[max(0, mark - 3):mark + 1]))
    return not re.search(r"\b(?:phu luc|mau so|mau)\b", above)


def _signed_under(lines: list[str], mark: int) -> bool:
    """Do a date line and then a signing authority (`KT. BỘ TRƯỞNG`) stand right under the line
    `mark`, as under a closing block's title?"""
    under = [fold_keep(line).strip() for line in lines[mark + 1:mark + 1 + _SIGNED_WITHIN] if line.strip()]
    dated = next((i for i, line in enumerate(under[:_DATED_WITHIN]) if find_header_dates(line)), None)
    return dated is not None and any(AUTHORITY.match(line) for line in under[dated + 1:])


def find_block(pages: list[Page]) -> tuple[Page, int, int, tuple[int, int], bool] | None:
    """(page, start, end, the title's span in the page's text, whether a `…/VBHN-…`
    line stands by it): the stretch of page text holding the authentication block, from the
    body's name above `Số: …/VBHN-…` down to the signer.

    A title with a number beside it makes a block, as printed or a letter off. A title whose
    number a copy lost (`SỐ: I@VBIIN BPC` on a fax) makes one in capitals, ending its line (a
    sentence on consolidation, `… ký xác thực văn bản hợp nhất …`, or an annex's title running
    on, is none). A title cut by the photo's edge, or no title at all, needs the number with
    a known body's name right above it (a list's `- Số: 16/VBHN-BTC ngày …` is no block)."""
    for page in reversed(pages):
        lines = page.text.splitlines(keepends=True)
        folded = page.folded.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        for kind, at in _candidates(page):
            mark = bisect_right(offsets, at.start()) - 1  # the line the match stands on
            numbered = [i for i in range(max(0, mark - _BEFORE), min(len(lines), mark + _BEFORE))
                        if _says_vbhn(lines[i])]
            if kind == "whole" and not numbered and not _stands_as_a_title(page, lines, offsets, mark, at):
                continue
            if kind != "whole" and not (numbered and _under_a_body(lines, numbered[0])):
                continue
            top = numbered[0] if numbered else mark
            first = min(top, mark)
            # the body's name stands in capitals right above the number
            while first > 0 and top - first < 4 and lines[first - 1].strip() and is_upper_line(lines[first - 1]):
                first -= 1
            last = min(len(lines), mark + _AFTER)
            # found by its number, no title was read: nothing to blank
            title = (at.start(), at.start()) if kind == "own" else at.span()
            return page, offsets[first], offsets[last], title, bool(numbered)
    return None


@dataclass(frozen=True)
class Block:
    facts: DocumentFacts  # read as a header; evidence offsets in its page's text
    numbered: bool  # a `…/VBHN-…` line stood by its title
    figured: bool  # a figure before `VBHN` on that line: a number written, if garbled (a form's is blank)
    title: Evidence  # the title as printed
    above: list[Evidence]  # the block's lines above its title (the body's name, `Số: …`)
    # what the header reader said of the block's date line's mending (`năm 220` taken as 2020)
    told: list[str] = field(default_factory=list)


def read_block(pages: list[Page]) -> Block | None:
    """The authentication block's facts, read with the header reader."""
    from dispatch_reader.extract.header import extract_header

    found = find_block(pages)
    if found is None:
        return None
    page, start, end, (m0, m1), numbered = found
    # the title is no line of the header's: blanked, its offsets kept
    text = page.text[start:m0] + " " * (m1 - m0) + page.text[m1:end]
    block = Page.make(page.number, text, page.ocr_confidence, page.scan_dpi)
    facts, said = extract_header([block])
    for key, ev in facts.evidence.items():
        facts.evidence[key] = replace(ev, start=None if ev.start is None else ev.start + start,
                                      quote=page.text[ev.start + start:ev.start + start + len(ev.quote)]
                                      if ev.start is not None else ev.quote)
    # the lines above the title, and the title's own line before it (`BỘ TÀI CHÍNH XÁC THỰC …`
    # where the two columns were read as one line)
    above, at = [], start
    for line in page.text[start:m0].splitlines(keepends=True):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            above.append(Evidence(page=page.number, quote=line.strip(), start=at + lead))
        at += len(line)
    # a long name the title's line cut in two (`BỘ LAO ĐỘNG - THƯƠNG BINH` / `VÀ XÃ HỘI`)
    below = page.text[m1:end].lstrip("\n").split("\n", 1)[0].strip()
    if above and below and is_upper_line(below):
        above.append(replace(above[-1], quote=f"{above[-1].quote} {below}"))
    figured = any(re.search(r"\d[^\n]*vbhn", fold_keep(line)) or (re.search(r"\d\s*/", line) and _says_vbhn(line))
                  for line in page.text[start:end].splitlines())
    told = [w for w in said if w.startswith(("the date line's", "issue date read as"))]
    return Block(facts, numbered, figured, Evidence(page=page.number, quote=page.text[m0:m1], start=m0), above, told)


def _mended(number: str, issuer: str | None) -> str | None:
    """The block's number with the VBHN symbol its body prescribes, where a copy damaged what
    was read (`466/VBIIN-BILĐTRXH` under `BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI`); its evidence
    keeps the reading, so it is flagged as mended (confidence.repairs)."""
    body = symbol_of_body(snap_department(issuer) or issuer) if issuer else None
    read = find_header_number(f"Số: {number}")
    mended = mend_symbol(read[0], ("VBHN", body)) if read and body else None
    return mended.text if mended else None


def _issuer_from_symbol(number: str) -> str | None:
    """`16/VBHN-BTC` → Bộ Tài chính, from the table of issuing bodies' symbols."""
    return body_of_symbol(number.rsplit("-", 1)[-1]) if "-" in number else None


def apply(pages: list[Page], doc: DocumentFacts) -> tuple[bool, list[str]]:
    """Make `doc` the consolidated text's own facts when the pages hold its block: (whether they
    do, what was said of the block's date line when its date is taken: a year's figure restored)."""
    read = read_block(pages)
    if read is None:
        return _by_gazette_heading(pages, doc), []
    return _apply(read, pages, doc)


def _apply(read: Block, pages: list[Page], doc: DocumentFacts) -> tuple[bool, list[str]]:
    block = read.facts
    if read.numbered and block.number and "VBHN" not in block.number.upper():
        block.number = _mended(block.number, block.issuer) or block.number
    # figures and the VBHN symbol: a form's `Số: …/VBHN-…` in an annex is no number
    own = bool(block.number and "VBHN" in block.number.upper() and block.number[:1].isdigit())
    # a figure on its number's line, dated above its signer's name: a block whose number a copy
    # garbled (`tb oe 3 vBHN-BEBTBKH`), not a form's blank `Số:     /VBHN-…`, nor a block whose
    # date line was lost and the next document's header dated it
    signed = bool(read.figured and block.issued_date and block.signer and block.signer.name
                  and _above(block.evidence.get("issued_date"), block.evidence.get("signer")))
    if not own and ((read.numbered and not signed) or not (block.signer and (block.signer.title or block.signer.name))):
        # a `…/VBHN-…` line the header reader took no number from, or a title with no signer
        # under it (a section's heading `XÁC THỰC VĂN BẢN HỢP NHẤT`): the Gazette's heading
        # may still tell what this is
        return _by_gazette_heading(pages, doc), []
    doc.doc_type, doc.doc_type_label = "other", LABEL
    told: list[str] = []  # what was said of the block's date line, where its date is taken
    if not own:
        # the block's title read, its number lost (a fax)
        _forget_the_top(doc)
        doc.evidence["doc_type"] = read.title
    else:
        doc.number = block.number
        doc.evidence["number"] = block.evidence["number"]
        doc.evidence["doc_type"] = block.evidence["number"]
    if block.issued_date:
        doc.issued_date = block.issued_date
        doc.evidence["issued_date"] = block.evidence["issued_date"]
        told = read.told
        # the date line read into a lost number's (`SỐ: I@VBIIN BPC Hà Nội, ngày …`): only a
        # known place is taken from it
        doc.place = block.place if own or (block.place and is_known_place(block.place)) else None
        if doc.place:
            doc.evidence["place"] = block.evidence["place"]
    elif own:
        # the top prints no date of its own: one its reading found is another document's (the
        # base one's, cited in the lead), and the block's date line was lost (a reviewer's case)
        doc.issued_date = doc.place = None
        doc.evidence.pop("issued_date", None)
        doc.evidence.pop("place", None)
    if own:
        # a known body's name a letter off (`VĂN PHÒNG OUÓC HỘI`, a fax) is that body
        issuer = (block.issuer and snap_department(block.issuer)) or _issuer_from_symbol(block.number) \
            or block.issuer
    else:
        # without its number the header reader's issuer is a guess over damaged lines: only a
        # known central body's name above the title is taken (`BO TÀI CHÍNH`)
        named = next(((body, ev) for ev in read.above if (body := snap_department(ev.quote, central=True))), None)
        issuer = named[0] if named else None
        if named:
            block.evidence["issuer"] = named[1]
    if issuer:
        doc.issuer = proper_case_body(issuer)
        doc.issuer_parent = block.issuer_parent
        doc.evidence["issuer"] = block.evidence.get("issuer") or block.evidence["number"]
    if doc.subject:
        # the top's title lines run on into the lead paragraph naming the base document
        doc.subject = _without_lead(doc.subject, pages, doc.evidence.get("subject"))
    if block.signer and block.signer.name:
        doc.signer = block.signer
        doc.evidence["signer"] = block.evidence["signer"]
    return True, told


# the lead's words after the base document's number looked for in a subject that left the
# number out (`… thất nghiệp ngày 27 tháng 11 năm 2015 của Thủ tướng …`)
_LEAD_WORDS = 4


def _without_lead(subject: str, pages: list[Page], ev: Evidence | None) -> str:
    """The subject without the lead paragraph the title's lines ran on into: from its `Quyết
    định số 60/2015/QĐ-TTg …` on, or, where the subject left the number out, from the words
    after it on the page (a text layer's VBHN 16 ran on for a paragraph)."""
    lead = _LEAD.search(subject)
    if lead and lead.start() > 0:
        return subject[:lead.start()].rstrip(" ,;")
    page = next((p for p in pages if ev is not None and p.number == ev.page), None)
    if page is None or ev is None or ev.start is None:
        return subject
    on_page = _LEAD.search(page.text, ev.start)
    words = page.text[on_page.end():].split()[1:1 + _LEAD_WORDS] if on_page else []
    at = subject.find(" " + " ".join(words)) if len(words) == _LEAD_WORDS else -1
    return subject[:at].rstrip(" ,;") if at > 0 else subject


def _above(first: Evidence | None, then: Evidence | None) -> bool:
    return first is not None and then is not None and first.start is not None and then.start is not None \
        and first.start < then.start


def _forget_the_top(doc: DocumentFacts) -> None:
    """A VBHN's own number, date and body are in its closing block: what the top gave is the
    base document's (its number cited in the lead paragraph), none of this text's own."""
    doc.number = doc.issued_date = doc.place = doc.issuer = doc.issuer_parent = None
    for key in ("number", "issued_date", "place", "issuer"):
        doc.evidence.pop(key, None)


def _by_gazette_heading(pages: list[Page], doc: DocumentFacts) -> bool:
    """A VBHN whose closing block no line of was read (a photocopy's blots): the Gazette's
    heading over its first page says what it is and whose (`VĂN BẢN HỢP NHẤT - VĂN PHÒNG QUỐC
    HỘI`); its number and date are not known. Taken only from the page's first lines, and only
    where the heading's body is a known one."""
    if not pages:
        return False
    first = pages[0]
    # under the e-signature box's lines where the file has one
    top = first.folded[:sum(len(line) for line in first.folded.splitlines(keepends=True)[:10])]
    m = _GAZETTE_HEADING.search(top)
    # the Gazette prints it in capitals; a subject's `văn bản hợp nhất - Bộ Tài chính` is none
    if m is None or not first.text[m.start():m.end()].strip(" -–").isupper():
        return False
    end = first.text.find("\n", m.end())
    line = first.text[m.end():end if end >= 0 else len(first.text)]
    body = snap_department(line.strip(" .,:;'\"“”’"), central=True)
    if body is None:
        return False
    doc.doc_type, doc.doc_type_label = "other", LABEL
    _forget_the_top(doc)
    doc.issuer = proper_case_body(body)
    heading = Evidence(page=first.number, quote=first.text[m.start():end if end >= 0 else len(first.text)].strip(),
                       start=m.start())
    doc.evidence["issuer"] = doc.evidence["doc_type"] = heading
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
