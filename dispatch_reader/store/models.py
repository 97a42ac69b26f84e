"""SQLAlchemy models of the store: documents, the files each was read from, every file's facts.

A `Document` is one official document (number + issue date + issuer, whatever the language;
store/identity.py); its `File`s are the copies read (born-digital, scan, translation, another
upload), each with the full record JSON (so `Store.get` gives back exactly what was saved), its
pages and its facts. The fact tables repeat what queries need, each searchable text with a
`*_key` twin from `keys.key`; readers use the facts of the file ranked 1 (the best read).
Full-text search structures are dialect specific and live in the migrations.

Schema 0003 renamed the table of read files from `documents` to `files` (and every
`document_id` pointing at it to `file_id`); two unique constraints keep their 0001 names,
because SQLite cannot rename a constraint without rebuilding a table others point at.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint,
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


def _file_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("files.id", ondelete="CASCADE"), index=True)


def _evidence_fk() -> Mapped[int | None]:
    return mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"), nullable=True)


class Document(Base):
    """One official document; its facts are those of its best-read file (`File.rank == 1`)."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # identity.document_key (`doc:1587/qd-ubnd|2025-08-28`, `report:en:…`, `file:<sha256>`),
    # with `~2`, `~3` … for another issuer's document under the same number and date
    key: Mapped[str] = mapped_column(String(400), unique=True)
    # a report about another document: that document's key (without tie-break suffix)
    refers_to_key: Mapped[str | None] = mapped_column(String(400), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class File(Base):
    """One file read: its record, where its text came from, and its place among its document's files."""

    __tablename__ = "files"
    __table_args__ = (UniqueConstraint("sha256", name="uq_documents_sha256"),)  # 0001's name, see above

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # the document this file is a copy of; written with the file in one transaction by the store.
    # Not a foreign key: SQLite could not drop the column again (downgrade) without rebuilding
    # this table, which every fact row points at
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # original (born-digital), scan, translation, report, duplicate (identity.ranked)
    role: Mapped[str | None] = mapped_column(String(16))
    # 1 = the file whose facts the document shows; then the next best
    rank: Mapped[int | None] = mapped_column(Integer, index=True)
    reading: Mapped[str | None] = mapped_column(String(16))  # text_layer, ocr, mixed
    ocr_confidence: Mapped[float | None] = mapped_column(Float)  # mean over OCRed pages
    sha256: Mapped[str] = mapped_column(String(64))
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
    __table_args__ = (UniqueConstraint("file_id", "number", name="uq_pages_document_id_number"),)  # 0001's name

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int] = _file_fk()
    ordinal: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    role: Mapped[str] = mapped_column(String(16))
    evidence_id: Mapped[int | None] = _evidence_fk()


class Secondment(Base):
    __tablename__ = "secondments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_id: Mapped[int] = _file_fk()
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
    file_id: Mapped[int | None] = mapped_column(
        ForeignKey("files.id", ondelete="SET NULL"), nullable=True, index=True)
    sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(16))  # created, replaced, failed
    error: Mapped[str | None] = mapped_column(Text)


class PersonOverride(Base):
    """A user's word on two mentions of people (`people merge` / `people split`): the same person,
    or two people, whatever store/people.py would decide. A mention is a document (by its key,
    which survives reading the files again) and a folded name."""

    __tablename__ = "person_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(8))  # merge, split
    a_document_key: Mapped[str] = mapped_column(String(400))
    a_name_key: Mapped[str] = mapped_column(String(200), index=True)
    b_document_key: Mapped[str] = mapped_column(String(400))
    b_name_key: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Claim(Base):
    """A file being read by a run now (store/claims.py): one row per SHA-256, deleted when done."""

    __tablename__ = "claims"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))  # host:pid:token of the run
    claimed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class User(Base):
    """Someone who may use the web page and API (store/accounts.py): reader, clerk or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(150), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # reader, clerk, admin
    password_hash: Mapped[str] = mapped_column(Text)  # argon2id, never the password
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """An API token (`Authorization: Token …`); only its SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class WebSession(Base):
    """A browser login: the SHA-256 of the cookie's id, the CSRF token of its forms, when it ends."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Correction(Base):
    """A user's correction (or confirmation) of one fact of a file's record (store/corrections.py).

    Keyed by the file's SHA-256 so it is applied again when the file is read again; `path` names
    the fact (`document.subject`, `secondments.0.to_unit`); before/after are JSON values."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))  # correct, confirm
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    user_name: Mapped[str] = mapped_column(String(150))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class QueueTask(Base):
    """A document sent to the worker fleet (dispatch_reader/fleet): one row per message, so
    `batch --queue --status` can count what is queued, running, done and failed, and a document
    the fleet gave up on (a dead letter) keeps its reason. The broker carries only the row's id,
    the SHA-256, the spool name and the options; the file's name and where it came from are here."""

    __tablename__ = "queue_tasks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # the Celery task id
    batch: Mapped[str] = mapped_column(String(200), index=True)  # one `batch --queue` run, or `watch:…`
    label: Mapped[str] = mapped_column(Text)  # what the batch was given (folders), for --status
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)  # the path it was enqueued from (on the enqueuing machine)
    spool_name: Mapped[str] = mapped_column(String(100))
    # queued, running, done, skipped (stored already), failed (a dead letter: not retried)
    state: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str | None] = mapped_column(String(16))  # errors.py kind of a failure
    reason: Mapped[str | None] = mapped_column(Text)
    deliveries: Mapped[int] = mapped_column(Integer, default=0)  # times a worker started it
    lost: Mapped[int] = mapped_column(Integer, default=0)  # deliveries whose worker died mid-document
    retries: Mapped[int] = mapped_column(Integer, default=0)  # waits for the database or the spool
    pages: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(Text)
    worker: Mapped[str | None] = mapped_column(String(200))  # host:pid of the last delivery
    enqueued_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
