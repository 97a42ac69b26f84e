"""Extraction: page text → the record's facts (document, references, people, counts, dates,
secondments), every fact with the page and words it was read from.

`extract_facts` is pure: no I/O besides loading the packaged rule data once per process.
"""

from __future__ import annotations

from collections.abc import Sequence

from dispatch_reader.extract.counts import extract_counts
from dispatch_reader.extract.dates import extract_dates
from dispatch_reader.extract.english import extract_header_en
from dispatch_reader.extract.header import extract_header
from dispatch_reader.extract.language import detect_language
from dispatch_reader.extract.nlp import parse
from dispatch_reader.extract.people import people_and_mentions
from dispatch_reader.extract.secondments import extract_secondments
from dispatch_reader.extract.references import extract_references
from dispatch_reader.extract.textutil import Page
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import Facts
from dispatch_reader.textnorm import nfc

__all__ = ["extract_facts", "prepare_pages"]


def prepare_pages(pages: Sequence[PageText]) -> list[Page]:
    return [Page.make(p.number, nfc(p.text or ""), p.ocr_confidence) for p in pages]


def extract_facts(pages: Sequence[PageText]) -> Facts:
    """Read every fact the page texts state. Unknown facts stay None / empty."""
    prepared = prepare_pages(pages)
    facts = Facts()
    language = detect_language("\n".join(p.text for p in prepared))
    facts.language = language
    if language == "en":
        facts.document, warnings = extract_header_en(prepared)
    else:
        facts.document, warnings = extract_header(prepared)
    facts.warnings.extend(warnings)
    docs = [parse(p.text) for p in prepared]
    facts.references = extract_references(prepared, docs, facts.document, language)
    facts.dates = extract_dates(prepared, facts.document, language)
    facts.people, mentions = people_and_mentions(prepared, docs, facts.document, language)
    facts.counts, count_hits = extract_counts(prepared, docs, language)
    facts.secondments = extract_secondments(prepared, docs, mentions, facts.people, count_hits, facts.document,
                                            facts.dates, language)
    return facts
