"""What a search, an export or a summary asks for, as SQL conditions on documents.

A document is asked through its best-read file (`files.rank == 1`): its header and its facts
answer every filter, except free text, which any file of the document may hold (a word the scan
garbled is still found through the born-digital file, an English word through a translation).
All name-like filters go through `keys.like_pattern`, so "Tủa Thàng", "tua thang" and
"TỦA THÀNG" find the same rows, and only as whole words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, literal_column, or_, select, text
from sqlalchemy.orm import aliased

from dispatch_reader.errors import UsageError
from dispatch_reader.store import keys
from dispatch_reader.store.models import File, Page, Person, Secondment

DOC_TYPES = ("decision", "official_dispatch", "plan", "report", "notice", "submission", "resolution",
             "directive", "decree", "circular", "law", "guidance", "telegram", "invitation", "minutes", "other")


class FilterError(UsageError, ValueError):
    """A filter value that cannot be understood (bad date, unknown type); message is one line."""


@dataclass
class Filters:
    person: str | None = None  # a person named in the document (with or without diacritics)
    commune: str | None = None  # destination of a secondment
    body: str | None = None  # sending body: issuer, its parent, a secondment's origin, a person's unit
    issuer: str | None = None  # issuer or the line above it only
    number: str | None = None  # "1335/UBND-NC", or just "1335"
    doc_type: str | None = None
    # a kind with no type of its own (`other`): its label as stored (`Văn bản hợp nhất`, `QUY CHẾ`)
    doc_type_label: str | None = None
    date_from: dt.date | str | None = None  # issued on or after; strings are parsed
    date_to: dt.date | str | None = None  # issued on or before
    text: str | None = None  # words anywhere in the document text

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            setattr(self, name, parse_user_date(value) if value not in (None, "") else None)
        if self.doc_type is not None and self.doc_type not in DOC_TYPES:
            from dispatch_reader.choices import type_and_label

            try:  # a Vietnamese name or abbreviation: quyet_dinh, "Quyết định", QĐ, VBHN
                self.doc_type, label = type_and_label(self.doc_type)
                self.doc_type_label = self.doc_type_label or label
            except UsageError as err:
                raise FilterError(err.reason) from None

    @classmethod
    def make(cls, **given: Any) -> Filters:
        """Filters from keyword arguments; dates may be ISO strings or d/m/yyyy; unknown names fail."""
        names = {f.name for f in fields(cls)}
        unknown = set(given) - names
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        return cls(**{k: v for k, v in given.items() if v not in (None, "")})

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))


_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_user_date(value: Any) -> dt.date:
    """A date as users type it: 2025-08-04, 4/8/2025 (day first, as in Vietnam) or a date object."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = _DMY.match(s)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(s)
    except ValueError:
        raise FilterError(f"not a date: '{s}' (use 2025-08-04 or 4/8/2025)") from None


def _like(column: Any, query: str) -> ColumnElement[bool]:
    pattern = keys.like_pattern(query)
    if pattern is None:
        return false()
    return column.like(pattern, escape="\\")


def person_clause(query: str) -> ColumnElement[bool]:
    return or_(
        exists().where(Person.file_id == File.id, _like(Person.name_key, query)),
        exists().where(Secondment.file_id == File.id, _like(Secondment.person_key, query)),
    )


def commune_clause(query: str) -> ColumnElement[bool]:
    return exists().where(Secondment.file_id == File.id, _like(Secondment.to_key, query))


def issuer_clause(query: str) -> ColumnElement[bool]:
    return or_(_like(File.issuer_key, query), _like(File.issuer_parent_key, query))


def body_clause(query: str) -> ColumnElement[bool]:
    return or_(
        issuer_clause(query),
        exists().where(Secondment.file_id == File.id, _like(Secondment.from_key, query)),
        exists().where(Person.file_id == File.id, _like(Person.unit_key, query)),
    )


def number_clause(query: str) -> ColumnElement[bool]:
    nk = keys.number_key(query)
    if nk is None:
        return false()
    escaped = nk.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    if "/" in nk:
        # a full number matches itself; a partial one ("1335/UBND") the numbers it starts
        return File.number_key.like(escaped + "%", escape="\\")
    return or_(File.number_key == nk, File.number_key.like(escaped + "/%", escape="\\"))


def fts_query(dialect: str, query: str) -> str | None:
    """The full-text query string for the dialect, or None when `query` has no words."""
    words = keys.terms(query)
    if not words:
        return None
    if dialect == "sqlite":
        return " ".join(f'"{w}"' for w in words)  # FTS5: quoted terms, implicit AND
    return " ".join(words)  # plainto_tsquery does the rest


def text_clause(dialect: str, query: str) -> ColumnElement[bool]:
    """The document has a file with a page holding all the words of `query`."""
    q = fts_query(dialect, query)
    if q is None:
        return false()
    other = aliased(File)
    if dialect == "sqlite":
        pages = select(Page.file_id).where(Page.id.in_(
            text("SELECT rowid FROM page_fts WHERE page_fts MATCH :fts_q").bindparams(fts_q=q).columns(Page.id)))
    else:
        pages = select(Page.file_id).where(literal_column("pages.tsv").op("@@")(
            text("plainto_tsquery('simple', :fts_q)").bindparams(fts_q=q)))
    return File.document_id.in_(select(other.document_id).where(other.id.in_(pages)))


def page_match_clause(dialect: str, query: str) -> ColumnElement[bool]:
    """Condition on `pages` rows: this page holds all the words of `query`."""
    q = fts_query(dialect, query)
    if q is None:
        return false()
    if dialect == "sqlite":
        return Page.id.in_(text("SELECT rowid FROM page_fts WHERE page_fts MATCH :fts_q")
                           .bindparams(fts_q=q).columns(Page.id))
    return literal_column("pages.tsv").op("@@")(text("plainto_tsquery('simple', :fts_q)").bindparams(fts_q=q))


def conditions(f: Filters, dialect: str) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.person:
        out.append(person_clause(f.person))
    if f.commune:
        out.append(commune_clause(f.commune))
    if f.body:
        out.append(body_clause(f.body))
    if f.issuer:
        out.append(issuer_clause(f.issuer))
    if f.number:
        out.append(number_clause(f.number))
    if f.doc_type:
        out.append(File.doc_type == f.doc_type)
    if f.doc_type_label:
        out.append(File.doc_type_label == f.doc_type_label)
    if f.date_from:
        out.append(File.issued_date >= f.date_from)
    if f.date_to:
        out.append(File.issued_date <= f.date_to)
    if f.text:
        out.append(text_clause(dialect, f.text))
    return out


def documents_query(f: Filters, dialect: str) -> Select[Any]:
    """The best-read file of every document matching every filter, newest first (undated last);
    `File.document_id` is the document."""
    stmt = select(File).where(File.rank == 1)
    cond = conditions(f, dialect)
    if cond:
        stmt = stmt.where(and_(*cond))
    return stmt.order_by(File.issued_date.desc().nulls_last(), File.document_id.desc())
