"""Extraction: page text → the record's facts (document, references, people, counts, dates,
secondments), every fact with the page and words it was read from.

`extract_facts` is pure: no I/O besides loading the packaged rule data once per process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dispatch_reader.extract import consolidated
from dispatch_reader.extract.canon import place_spellings, respell_from_document
from dispatch_reader.extract.certified import find_copy_block
from dispatch_reader.extract.counts import extract_counts, person_nouns
from dispatch_reader.extract.dates import extract_dates
from dispatch_reader.extract.destinations import match_destinations
from dispatch_reader.extract.english import extract_header_en
from dispatch_reader.extract.esign import find_e_signatures
from dispatch_reader.extract.gazette import gazette_warning, printed_doubt
from dispatch_reader.extract.issuer_snap import issuer_from_e_signature, respell_bodies
from dispatch_reader.extract.received import blank, find_received, received_from_stamp
from dispatch_reader.extract.selfcite import annex_disagrees
from dispatch_reader.extract.header import extract_header
from dispatch_reader.extract.language import detect_language
from dispatch_reader.extract.nlp import parse
from dispatch_reader.extract.people import people_and_mentions
from dispatch_reader.extract.secondments import extract_secondments
from dispatch_reader.extract.status import count_status
from dispatch_reader.extract.confidence import (
    DISPUTED, doubt_lost_cells, doubt_odd_names, doubt_odd_sendings, rate_header,
)
from dispatch_reader.extract.docnumber import foreign_symbol, zero_padded
from dispatch_reader.extract.references import extract_references
from dispatch_reader.extract.textutil import Page
from dispatch_reader.extract.wordconf import check_number
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Evidence, Facts
from dispatch_reader.messages import rounded_down, warning, warning_kind
from dispatch_reader.textnorm import nfc

__all__ = ["extract_facts", "prepare_pages"]

LOW_CONFIDENCE = 0.6  # mean OCR word confidence below which facts from a page are flagged


# a comma glued to the next word (`Việc làm,Sở Nội vụ`): the space OCR dropped after it
_GLUED_COMMA = re.compile(r",(?=[^\W\d_])")


def _space_commas(facts: Facts) -> None:
    """Units and jobs as printed: a comma is followed by a space in Vietnamese text."""
    for person in facts.people:
        if person.unit:
            person.unit = _GLUED_COMMA.sub(", ", person.unit)
    for s in facts.secondments:
        for name in ("from_unit", "position"):
            value = getattr(s, name)
            if value:
                setattr(s, name, _GLUED_COMMA.sub(", ", value))


# the header facts a consolidated text's closing block may give, and the warnings' kinds of each
# (schema/warnings.json; older warnings of no kind by their words)
_TOP_FIELDS = ("number", "issuer", "issued_date", "place")
_KINDS_OF = (("number", ("no_number", "number_")), ("issuer", ("no_issuer", "issuer_")),
             ("issued_date", ("no_place_date", "date_")), ("place", ("place_",)))
_WORDS_OF = (("number", "Số:"), ("issued_date", "place-and-date"), ("issuer", "no issuer"))


def _of_the_top(warning: str) -> str | None:
    """The header fact a warning is of, or None."""
    kind = warning_kind(warning)
    if kind is not None:
        return next((field for field, kinds in _KINDS_OF if kind[0].startswith(kinds)), None)
    return next((field for field, words in _WORDS_OF if words in warning), None)


def _respell_units(facts: Facts, read: set[int]) -> None:
    """Units with a known body's name misread (`Sơ NộI vụ`) as the body spells it, where the
    unit was read from a page of `read` (OCRed): a text layer's are as the office typed them."""
    for person in facts.people:
        if person.unit and person.evidence.page in read:
            person.unit = respell_bodies(person.unit)
    for s in facts.secondments:
        if s.from_unit and s.evidence.page in read:
            s.from_unit = respell_bodies(s.from_unit)


def prepare_pages(pages: Sequence[PageText]) -> list[Page]:
    return [Page.make(p.number, nfc(p.text or ""), p.ocr_confidence, p.scan_dpi) for p in pages]


def _evidence(facts: Facts) -> list[Evidence]:
    out = list(facts.document.evidence.values())
    for group in (facts.references, facts.people, facts.counts, facts.dates, facts.secondments):
        out.extend(item.evidence for item in group)
    return out


def confidence_warnings(pages: list[Page], facts: Facts) -> list[str]:
    """One warning per low-confidence OCR page that facts were read from; empty pages too."""
    warnings = []
    used = {ev.page for ev in _evidence(facts)}
    for page in pages:
        if not page.text.strip():
            warnings.append(f"page {page.number} has no text")
        elif page.ocr_confidence is not None and page.ocr_confidence < LOW_CONFIDENCE and page.number in used:
            warnings.append(f"page {page.number}: low OCR confidence ({rounded_down(page.ocr_confidence):.2f}); "
                            "facts read from it may be wrong")
    return warnings


def list_warnings(facts: Facts) -> list[str]:
    """A decided headcount larger than the people read by name (and no headcount sending that
    covers the rest): on a damaged scan rows of the list were lost, and the brief would count
    fewer people than the document sends without saying so."""
    named = [s for s in facts.secondments if s.person and s.status == "decided"]
    if not named or any(s.count and s.status == "decided" for s in facts.secondments):
        return []
    short = [c for c in facts.counts if c.status == "decided" and c.total is None and c.value > len(named)]
    if not short:
        return []
    c = max(short, key=lambda c: c.value)
    return [f"the document decides {c.value} {c.what} but only {len(named)} are read by name: "
            "a row of its list may be lost; check the list"]


def extract_facts(pages: Sequence[PageText]) -> Facts:
    """Read every fact the page texts state. Unknown facts stay None / empty."""
    prepared = prepare_pages(pages)
    facts = Facts()
    language = detect_language("\n".join(p.text for p in prepared))
    facts.language = language
    # the receiving office's stamp is Vietnamese whatever the paper's language (an English
    # press release stamped in at a department)
    received, stamp = find_received(prepared)
    if stamp is not None:
        # the receiving office's number and date are no fact of the document's own
        prepared = [Page.make(p.number, blank(p.text, stamp.spans), p.ocr_confidence, p.scan_dpi) if p.number == stamp.page else p
                    for p in prepared]
    copy = find_copy_block(pages)
    if copy is not None:
        # a certified copy's own block (its number, date, recipients, signer) is no fact of the
        # document's: read with the page, its signer was taken as the document's
        prepared = [Page.make(p.number, blank(p.text, copy.spans), p.ocr_confidence, p.scan_dpi) if p.number == copy.page
                    else p for p in prepared]
    if language == "en":
        facts.document, warnings = extract_header_en(prepared)
    else:
        facts.document, warnings = extract_header(prepared)
        top = {field: (getattr(facts.document, field), facts.document.evidence.get(field)) for field in _TOP_FIELDS}
        applied, block_told = consolidated.apply(prepared, facts.document)
        if applied:
            # the closing block gave the number, body, place or date: what the top's reading said
            # of those (`issuer lines unreadable: 'Thủ tướng Chính phủ' told by …` under a VBHN of
            # the finance ministry's) is said of facts no longer the record's; of the others it stands
            replaced = {field for field, was in top.items()
                        if was != (getattr(facts.document, field), facts.document.evidence.get(field))}
            if facts.document.issued_date is None:
                # a consolidated text prints no date under its motto: the top's `no place-and-date
                # line under the motto` misled a tester; its date line in the block was not read
                replaced.add("issued_date")
                block_told = [*block_told, warning("consolidated_no_date")]
            warnings = [w for w in warnings if _of_the_top(w) not in replaced] + \
                [w for w in block_told if w not in warnings]
    facts.document.e_signatures = find_e_signatures(prepared)
    if language == "vi" and prepared and prepared[0].ocr_confidence is not None:
        # the box's whole line: OCR may split `Uy ban nhâr| dan xã Mường Hum` into cells
        texts = {p.number: p.text for p in prepared}
        lines = [texts[e.evidence.page][e.evidence.start:].split("\n", 1)[0].split(":", 1)[-1]
                 for e in facts.document.e_signatures if e.evidence.start is not None and e.evidence.page in texts]
        whole = issuer_from_e_signature(facts.document.issuer, lines)
        if whole is not None:
            warnings.append(f"issuer read as '{facts.document.issuer}', its place taken from the e-signature box: "
                            f"'{whole}'")
            facts.document.issuer = whole
    if received is None and pages and pages[0].stamp_text:
        # a colour stamp's ink was dropped from page 1 before it was read, and read alone; a black
        # stamp's words were set apart from the page's by its frame (ingest/frames.py)
        received = received_from_stamp(pages[0].number, pages[0].stamp_text, facts.document.issued_date)
    facts.document.received = received
    read = {p.number for p in prepared if p.ocr_confidence is not None}  # OCRed: a text layer's is as typed
    number_ev = facts.document.evidence.get("number")
    if facts.document.number and number_ev is not None and number_ev.page in read:
        # a number below 10 read without its 0 (a phone photo's `2/2023/TB-LPQT`); a text
        # layer's number is as the office typed it
        facts.document.number = zero_padded(facts.document.number)
    rate_header(pages, facts)  # each OCR-read header fact's confidence from its own words
    doubt = check_number(list(pages), facts.document.number, number_ev.page if number_ev else None)
    if doubt is not None and number_ev is not None:
        number_ev.confidence = doubt[0]
        warnings = [*warnings, doubt[1]]
    disputed = annex_disagrees(prepared, facts.document.doc_type, facts.document.number, facts.document.issued_date)
    if disputed is not None and number_ev is not None:
        number_ev.confidence = min(number_ev.confidence if number_ev.confidence is not None else 1.0, DISPUTED)
        warnings = [*warnings, f"document number read as '{facts.document.number}' in the header; the annex on "
                               f"page {disputed.seg.page} cites the document as '{disputed.number.text}': check it"]
    d = facts.document
    foreign = foreign_symbol(d.number, d.doc_type_label, d.issuer)
    if foreign is not None and number_ev is not None and number_ev.confidence is not None:
        # read, not printed as such: a text layer's number is what the office typed
        number_ev.confidence = min(number_ev.confidence, DISPUTED)
        warnings = [*warnings, warning("number_symbol_foreign", number=d.number, part=foreign[0], issuer=d.issuer,
                                       symbol=foreign[1])]
    date_ev = d.evidence.get("issued_date")
    late = printed_doubt(prepared, d.issued_date) if language == "vi" else None
    if late is not None and date_ev is not None and date_ev.page in read:
        date_ev.confidence = min(date_ev.confidence, DISPUTED)
        warnings = [*warnings, gazette_warning(d.issued_date, late)]
    if language == "vi" and d.subject is None and (d.number or d.doc_type) and prepared and prepared[0].number in read:
        # a scan's V/v line lost under a stamp or a smudge: the brief's row shows "—", and a
        # tester found nothing saying why (a text layer with none printed none); a paper with
        # neither a number nor a type read is no document whose subject was lost
        warnings = [*warnings, warning("no_subject")]
    if copy is not None:
        warnings = [*warnings, warning("certified_copy_block", form=copy.kind, number=copy.number, page=str(copy.page))]
    facts.warnings.extend(warnings)
    docs = [parse(p.text) for p in prepared]
    facts.references = extract_references(prepared, docs, facts.document, language)
    if facts.document.doc_type_label == consolidated.LABEL:
        facts.document.consolidates = consolidated.base_document(prepared, facts.references)
    facts.dates = extract_dates(prepared, facts.document, language)
    facts.people, mentions = people_and_mentions(prepared, docs, facts.document, language)
    if language == "vi" and prepared and prepared[0].ocr_confidence is not None:
        # a name or place the subject's OCR misspelled reads right elsewhere in the document
        facts.document.subject = respell_from_document(
            facts.document.subject, [p.name for p in facts.people], place_spellings([p.text for p in prepared]))
    facts.counts, count_hits = extract_counts(prepared, docs, language)
    facts.secondments = extract_secondments(prepared, docs, mentions, facts.people, count_hits, facts.document,
                                            facts.dates, language, facts.references)
    count_status(prepared, docs, count_hits, facts.document, facts.secondments, language, person_nouns())
    _space_commas(facts)
    _respell_units(facts, read)
    # an English unit's words are no Vietnamese syllables; an OCR-read unit with letters no word
    # has names no place (`chính quyên, SỐ HỘ ward dựng` told a tester of a `phường SỐ HỘ` on no
    # list): its row is to check already
    odd_units = doubt_odd_sendings(facts.secondments, read) if language == "vi" else []
    doubt_lost_cells(facts.secondments, read)
    if language == "vi":
        doubt_odd_names(facts.secondments, read)
    facts.warnings.extend(list_warnings(facts))
    facts.warnings.extend(match_destinations(facts, odd_units, read))  # to_place: each destination on the official list
    facts.warnings.extend(confidence_warnings(prepared, facts))
    return facts
