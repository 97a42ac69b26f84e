"""SQLAlchemy models of the store: one row per document, its facts in their own tables.

The full record JSON is kept on the document row so `Store.get` gives back exactly what was
saved; the fact tables repeat what queries need, each searchable text with a `*_key` twin from
`keys.key`. Full-text search structures are dialect specific and live in the migrations.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


# Fixed constraint names so migrations can refer to them on every database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _doc_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


def _evidence_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    file_name: Mapped[str] = mapped_column(Text)
    page_count: Mapped[int] = mapped_column(Integer)
    language: Mapped[str | None] = mapped_column(String(8))
    doc_type: Mapped[str | None] = mapped_column(String(32), index=True)
    doc_type_label: Mapped[str | None] = mapped_column(Text)
    number: Mapped[str | None] = mapped_column(Text)
    number_key: Mapped[str | None] = mapped_column(String(200), index=True)
    issuer: Mapped[str | None] = mapped_column(Text)
    issuer_key: Mapped[str | None] = mapped_column(Text)
    issuer_parent: Mapped[str | None] = mapped_column(Text)
    issuer_parent_key: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)
    issued_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    subject: Mapped[str | None] = mapped_column(Text)
    subject_key: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(Text)
    signer_title: Mapped[str | None] = mapped_column(Text)
    signer_authority: Mapped[str | None] = mapped_column(Text)
    schema_version: Mapped[str] = mapped_column(String(8))
    extractor_version: Mapped[str] = mapped_column(String(64))
    # how many times this document's facts were written; 1 = first save
    revision: Mapped[int] = mapped_column(Integer, default=1)
    record_json: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Page(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    number: Mapped[int] = mapped_column(Integer)
    method: Mapped[str | None] = mapped_column(String(16))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    rotation: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    # keys.fold_aligned(text): same length as text, what full-text search indexes
    folded: Mapped[str] = mapped_column(Text)


class Evidence(Base):
    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    fact: Mapped[str] = mapped_column(String(16))  # document, reference, person, count, date, secondment
    fact_index: Mapped[int | None] = mapped_column(Integer)  # position in the record's list
    field: Mapped[str | None] = mapped_column(String(32))  # for document facts: which field
    page: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)


class Reference(Base):
    __tablename__ = "doc_references"  # "references" is an SQL keyword

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(Text)
    number_key: Mapped[str | None] = mapped_column(String(200), index=True)
    doc_type: Mapped[str | None] = mapped_column(String(32))
    issuer: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    evidence_id: Mapped[int | None] = _evidence_fk()


class Person(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str | None] = mapped_column(String(200), index=True)
    honorific: Mapped[str | None] = mapped_column(Text)
    position: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    unit_key: Mapped[str | None] = mapped_column(Text)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    evidence_id: Mapped[int | None] = _evidence_fk()


class Count(Base):
    __tablename__ = "counts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(Text)
    what_key: Mapped[str | None] = mapped_column(Text)
    total: Mapped[int | None] = mapped_column(Integer)
    # the sending whose people the figure counts (record.SendingStatus), None for other figures
    status: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str | None] = mapped_column(String(8))
    evidence_id: Mapped[int | None] = _evidence_fk()


class DateFact(Base):
    __tablename__ = "dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    role: Mapped[str] = mapped_column(String(16))
    evidence_id: Mapped[int | None] = _evidence_fk()


class Secondment(Base):
    __tablename__ = "secondments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = _doc_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    person: Mapped[str | None] = mapped_column(Text)
    person_key: Mapped[str | None] = mapped_column(String(200), index=True)
    count: Mapped[int | None] = mapped_column(Integer)
    from_unit: Mapped[str | None] = mapped_column(Text)
    from_key: Mapped[str | None] = mapped_column(Text)
    to_unit: Mapped[str | None] = mapped_column(Text)
    to_key: Mapped[str | None] = mapped_column(Text)
    position: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date, index=True)
    duration_months: Mapped[float | None] = mapped_column(Float)
    # decided / requested / planned / reported; send / extend / end (record.py); only decided
    # sendings are people sent
    status: Mapped[str | None] = mapped_column(String(16), index=True)
    action: Mapped[str | None] = mapped_column(String(8))
    refers_to: Mapped[str | None] = mapped_column(Text)
    evidence_id: Mapped[int | None] = _evidence_fk()


class ProcessingRun(Base):
    """One attempt to read a file: what extractor, when, and how it ended."""

    __tablename__ = "processing_runs"
    __table_args__ = (Index("ix_processing_runs_sha256", "sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), nullable=True, index=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # created, replaced, failed
    error: Mapped[str | None] = mapped_column(Text)
