"""Search: documents matching the filters, each with the quote that answers the question.

The quote comes from the most specific filter given: the free-text words in the page text,
else the person's, the destination's or the sending body's evidence, else the subject. Facts and
quotes are the document's best-read file's; free text may be found in any of its files (the
quote then says which). Every hit lists the document's files, best first.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import aliased

from dispatch_reader.store import keys
from dispatch_reader.store.filters import Filters, documents_query, page_match_clause
from dispatch_reader.store.models import Document, Evidence, File, Page, Person, Secondment
from dispatch_reader.textnorm import squash

QUOTE_CHARS = 200


@dataclass
class SearchHit:
    document_id: int
    number: str | None
    issued_date: dt.date | None
    doc_type: str | None
    issuer: str | None
    subject: str | None
    matched: str  # what the quote shows: text, person, commune, body, subject, number
    page: int | None
    quote: str
    files: list[str] = field(default_factory=list)  # the document's files, best-read first
    quote_file: str | None = None  # the file the quote is from
    report_on: str | None = None  # a report about another document: that document's number


def search(conn: Connection, filters: Filters, dialect: str, limit: int | None = 50) -> list[SearchHit]:
    stmt = documents_query(filters, dialect).with_only_columns(
        File.id, File.document_id, File.number, File.issued_date, File.doc_type, File.issuer, File.subject,
        File.file_name)
    if limit:
        stmt = stmt.limit(limit)
    docs = conn.execute(stmt).all()
    ids = [d.id for d in docs]  # the best files
    quotes: dict[int, tuple[str, int | None, str] | tuple[str, int | None, str, str]] = {}
    if ids:
        finders = [
            (filters.text, lambda q: _text_quotes(conn, ids, q, dialect)),
            (filters.person, lambda q: _person_quotes(conn, ids, q)),
            (filters.commune, lambda q: _fact_quotes(conn, ids, Secondment, Secondment.to_key, q, "commune")),
            (filters.body, lambda q: _body_quotes(conn, ids, q)),
            (filters.issuer, lambda q: _document_field_quotes(conn, ids, ("issuer",), "body")),
            (filters.number, lambda q: _document_field_quotes(conn, ids, ("number",), "number")),
        ]
        for query, finder in finders:
            if not query:
                continue
            for file_id, found in finder(query).items():
                quotes.setdefault(file_id, found)
        missing = [i for i in ids if i not in quotes]
        if missing:
            for file_id, found in _document_field_quotes(conn, missing, ("subject", "number"), "subject").items():
                quotes.setdefault(file_id, found)
    files = _file_names(conn, [d.document_id for d in docs])
    reports = dict(conn.execute(select(Document.id, Document.key).where(
        Document.id.in_([d.document_id for d in docs]), Document.key.like("report:%"))).all()) if docs else {}
    hits = []
    for d in docs:
        found = quotes.get(d.id, ("subject", None, d.subject or ""))
        matched, page, quote = found[:3]
        hits.append(SearchHit(d.document_id, d.number, d.issued_date, d.doc_type, d.issuer, d.subject, matched, page,
                              shorten(quote), files=files.get(d.document_id, []),
                              quote_file=found[3] if len(found) > 3 else d.file_name,
                              report_on=d.number if d.document_id in reports else None))
    return hits


def _file_names(conn: Connection, doc_ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    if doc_ids:
        for doc_id, name in conn.execute(select(File.document_id, File.file_name)
                                         .where(File.document_id.in_(doc_ids)).order_by(File.rank, File.id)):
            out.setdefault(doc_id, []).append(name)
    return out


def shorten(quote: str, limit: int = QUOTE_CHARS) -> str:
    quote = squash(quote)
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def _first_by_doc(rows: list[Any]) -> dict[int, Any]:
    """The first row per file (`file_id`), in the rows' order."""
    out: dict[int, Any] = {}
    for row in rows:
        out.setdefault(row.file_id, row)
    return out


def _fact_quotes(conn: Connection, ids: list[int], model: Any, key_column: Any, query: str,
                 label: str) -> dict[int, tuple[str, int | None, str]]:
    pattern = keys.like_pattern(query)
    if pattern is None:
        return {}
    rows = conn.execute(
        select(model.file_id, Evidence.page, Evidence.quote)
        .join(Evidence, Evidence.id == model.evidence_id)
        .where(model.file_id.in_(ids), key_column.like(pattern, escape="\\"))
        .order_by(model.file_id, model.ordinal)).all()
    return {doc_id: (label, r.page, r.quote) for doc_id, r in _first_by_doc(rows).items()}


def _person_quotes(conn: Connection, ids: list[int], query: str) -> dict[int, tuple[str, int | None, str]]:
    found = _fact_quotes(conn, ids, Person, Person.name_key, query, "person")
    for doc_id, q in _fact_quotes(conn, ids, Secondment, Secondment.person_key, query, "person").items():
        found.setdefault(doc_id, q)
    return found


def _body_quotes(conn: Connection, ids: list[int], query: str) -> dict[int, tuple[str, int | None, str]]:
    found = _fact_quotes(conn, ids, Secondment, Secondment.from_key, query, "body")
    for doc_id, q in _fact_quotes(conn, ids, Person, Person.unit_key, query, "body").items():
        found.setdefault(doc_id, q)
    for doc_id, q in _document_field_quotes(conn, ids, ("issuer", "issuer_parent"), "body").items():
        found.setdefault(doc_id, q)
    return found


def _document_field_quotes(conn: Connection, ids: list[int], field_names: tuple[str, ...],
                           label: str) -> dict[int, tuple[str, int | None, str]]:
    rows = conn.execute(
        select(Evidence.file_id, Evidence.field, Evidence.page, Evidence.quote)
        .where(Evidence.file_id.in_(ids), Evidence.fact == "document", Evidence.field.in_(field_names))).all()
    rank = {name: i for i, name in enumerate(field_names)}
    rows.sort(key=lambda r: (r.file_id, rank[r.field]))
    return {doc_id: (label, r.page, r.quote) for doc_id, r in _first_by_doc(rows).items()}


def _text_quotes(conn: Connection, ids: list[int], query: str, dialect: str) -> dict[int, tuple[str, int | None, str, str]]:
    """Per best file in `ids`: the words in its own pages, else in another file of its document."""
    words = keys.terms(query)
    if not words:
        return {}
    other = aliased(File)
    rows = conn.execute(
        select(File.id.label("best"), other.file_name, other.rank, Page.number, Page.text, Page.folded)
        .join(other, other.document_id == File.document_id)
        .join(Page, Page.file_id == other.id)
        .where(File.id.in_(ids), page_match_clause(dialect, query))
        .order_by(File.id, other.rank, Page.number)).all()
    out: dict[int, tuple[str, int | None, str, str]] = {}
    for row in rows:
        if row.best in out:
            continue
        snippet = snippet_at(row.text, row.folded, words)
        if snippet:
            out[row.best] = ("text", row.number, snippet, row.file_name)
    return out


def snippet_at(text: str, folded: str, words: list[str], width: int = QUOTE_CHARS) -> str | None:
    """The original words around the first place the query words occur (as a phrase if they do)."""
    phrase = re.compile(r"(?<![0-9a-z])" + r"[^0-9a-z]+".join(map(re.escape, words)) + r"(?![0-9a-z])")
    m = phrase.search(folded)
    if m is None:
        m = re.compile(r"(?<![0-9a-z])" + re.escape(words[0]) + r"(?![0-9a-z])").search(folded)
    if m is None:
        return None
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > width:  # a long line: a window around the match
        line_start = max(line_start, m.start() - width // 3)
        line_end = min(line_end, line_start + width)
    return squash(text[line_start:line_end])


