"""The records store: save a file's record in one transaction, read documents back, ask questions.

A file read is one row in `files` (unique by its SHA-256) with its pages and facts in their own
tables; saving it again replaces every fact at once and adds a line to its processing history.
Each file belongs to one row in `documents` (store/identity.py decides which: number + issue
date + issuer, a press report apart); the document's facts are those of its best-read file
(`files.rank == 1`), and every reader (search, show, export, people, briefs) works on documents.
Readers never see half a document: a file, its facts and its place among its document's files
are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import SQLAlchemyError

from dispatch_reader.errors import StoreError
from dispatch_reader.record import Record
from dispatch_reader.record import schema as record_schema
from dispatch_reader.textnorm import nfc
from dispatch_reader.store import engine as engines
from dispatch_reader.store import identity
from dispatch_reader.store import migrate
from dispatch_reader.store.engine import store_error
from dispatch_reader.store.filters import Filters, documents_query, number_clause
from dispatch_reader.store.models import (
    Count, DateFact, Document, Evidence, File, Page, Person, PersonOverride, ProcessingRun, Reference, Secondment,
)
from dispatch_reader.store.export import export as export_facts
from dispatch_reader.store.export import export_rows
from dispatch_reader.store.people import PersonHistory, PersonRefError, person_histories, resolve_mention
from dispatch_reader.store.rows import FactRows, record_rows
from dispatch_reader.store.search import SearchHit
from dispatch_reader.store.search import search as search_documents

_FACT_TABLES = {"doc_references": Reference, "people": Person, "counts": Count, "dates": DateFact,
                "secondments": Secondment}
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@lru_cache(maxsize=1)
def _validator() -> Any:
    """The record schema's validator, built once (checking the schema itself is the slow part)."""
    import jsonschema

    cls = jsonschema.validators.validator_for(record_schema())
    return cls(record_schema())


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _one_line(exc: BaseException) -> str:
    """A database error as one line without the SQL statement (which may quote document text)."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return first[:300]


@dataclass
class HistoryEntry:
    id: int
    file_id: int | None
    sha256: str | None
    file_name: str
    extractor_version: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str  # created, replaced, failed
    error: str | None


@dataclass
class FileInfo:
    """One file of a document: what it is, how it was read, whether its facts are the document's."""

    id: int
    document_id: int | None
    file_name: str
    sha256: str
    role: str | None  # original, scan, translation, report, duplicate
    rank: int | None  # 1: the file the document's facts come from
    page_count: int
    reading: str | None  # text_layer, ocr, mixed
    ocr_confidence: float | None
    language: str | None
    number: str | None
    issued_date: dt.date | None
    added: dt.datetime
    updated: dt.datetime

    @property
    def used(self) -> bool:
        return self.rank == 1

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}

    def describe(self) -> str:
        """`qd-01.scan.pdf (scan, OCR 0.95, 2 pages)`."""
        bits = [self.role or "?"]
        if self.reading == "ocr" or self.reading == "mixed":
            bits.append(f"OCR {self.ocr_confidence:.2f}" if self.ocr_confidence is not None else "OCR")
        bits.append(f"{self.page_count} page{'s' if self.page_count != 1 else ''}")
        return f"{self.file_name} ({', '.join(bits)})"


class _StoredMeanwhile(Exception):
    """Raised inside a save's transaction to roll it back: the file is stored already."""


@dataclass
class StoredDocument:
    """A document with its files, best first, and the reports about it (or what it reports on)."""

    id: int
    key: str
    refers_to_key: str | None
    files: list[FileInfo] = field(default_factory=list)
    refers_to: list[int] = field(default_factory=list)  # stored documents this report is about
    reported_in: list[int] = field(default_factory=list)  # stored reports about this document

    @property
    def best(self) -> FileInfo:
        return self.files[0]

    @property
    def is_report(self) -> bool:
        return self.key.startswith("report:")


_FILE_INFO_COLS = (File.id, File.document_id, File.file_name, File.sha256, File.role, File.rank, File.page_count,
                   File.reading, File.ocr_confidence, File.language, File.number, File.issued_date, File.created_at,
                   File.updated_at)


def _file_info(row: Any) -> FileInfo:
    return FileInfo(*row)


class Store:
    """A database of records. Make one with `open_store`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    @property
    def where(self) -> str:
        """The database for messages: a file path or the URL without password."""
        path = engines.sqlite_file(self.url)
        return str(path) if path else engines.display_url(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise store_error(self.where, f"cannot read the database: {_one_line(exc)}") from None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction holding the write lock from its first statement (SQLite)."""
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    yield conn
        except SQLAlchemyError as exc:
            raise store_error(self.where, f"cannot write to the database: {_one_line(exc)}") from None

    # -- writing ------------------------------------------------------------------------------

    def save(self, record: Record, *, page_texts: list[str], extractor_version: str,
             started_at: dt.datetime | None = None, replace: bool = True) -> int | None:
        """Store `record` (and the text of its pages) as a file of its document; the document id.

        A file with the same SHA-256 has all its facts replaced; either the old record or the new
        one is stored, never a mix, even if the process dies half way. With `replace=False` such
        a file is left as it is and None returned: the same file dropped twice at once under two
        names, read by two workers, is stored once (a tester found both copies taken as new).
        The file joins the document it is a copy of (store/identity.py), or starts one, and the
        document's files are ranked again, so its facts are those of the best-read file.
        """
        # a user's corrections outlive any new reading; applied to the caller's record in place,
        # so what `process` or `watch` briefs and summarises next is what was stored
        corrected = self._with_corrections(record)
        if corrected is not record:
            record.__dict__.update(corrected.__dict__)
        error = next(_validator().iter_errors(record.to_dict()), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "record"
            raise StoreError(record.source.file_name, f"record breaks the schema at {where}: {error.message}")
        rows = record_rows(record, page_texts, extractor_version)
        facts = identity.FileFacts.from_record(record.to_dict(), page_texts[:1])
        if identity.role(facts) == "report":
            rows.as_report(record.document.number)
        rows.file.update(reading=identity.reading(facts), ocr_confidence=identity.mean_confidence(facts))
        now = _now()
        try:
            with self._write() as conn:
                file_id, revision, old_doc = self._upsert_file(conn, rows.file, now)
                if revision > 1 and not replace:
                    raise _StoredMeanwhile  # rolls the upsert back: the first reading stays
                self._delete_facts(conn, file_id)
                self._insert_facts(conn, file_id, rows)
                doc_id = self._place(conn, file_id, facts, old_doc, now)
                conn.execute(insert(ProcessingRun).values(
                    file_id=file_id, sha256=record.source.sha256, file_name=rows.file["file_name"],
                    extractor_version=extractor_version, started_at=started_at or now, finished_at=_now(),
                    status="created" if revision == 1 else "replaced", error=None))
        except _StoredMeanwhile:
            return None
        from dispatch_reader.store import corrections

        if corrections.inherit(self, doc_id, record):  # a new copy of a corrected document: corrected too
            return self.save(record, page_texts=page_texts, extractor_version=extractor_version, started_at=started_at)
        return doc_id

    def _with_corrections(self, record: Record) -> Record:
        """`record` with the corrections users made on its file applied (store/corrections.py)."""
        from dispatch_reader.store import corrections

        entries = corrections.for_file(self, record.source.sha256)
        return Record.from_dict(corrections.apply(record.to_dict(), entries)) if entries else record

    def _upsert_file(self, conn: Connection, row: dict[str, Any], now: dt.datetime) -> tuple[int, int, int | None]:
        """Insert or update the file row, locking it until commit; (id, revision, its document before)."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        before = conn.execute(select(File.document_id).where(File.sha256 == row["sha256"])).scalar()
        stmt = dialect_insert(File).values(**row, revision=1, created_at=now, updated_at=now)
        changed = {name: stmt.excluded[name] for name in row if name != "sha256"}
        stmt = stmt.on_conflict_do_update(
            index_elements=[File.sha256],
            set_={**changed, "updated_at": now, "revision": File.revision + 1},
        ).returning(File.id, File.revision)
        file_id, revision = conn.execute(stmt).one()
        return int(file_id), int(revision), before

    def _delete_facts(self, conn: Connection, file_id: int) -> None:
        for model in (*_FACT_TABLES.values(), Evidence, Page):
            conn.execute(delete(model).where(model.file_id == file_id))

    def _insert_facts(self, conn: Connection, file_id: int, rows: FactRows) -> None:
        if rows.pages:
            conn.execute(insert(Page), [{**p, "file_id": file_id} for p in rows.pages])
        evidence_ids: list[int] = []
        if rows.evidence:
            # ids come back in the order of the rows, so the facts' indexes into `evidence` hold
            stmt = insert(Evidence).returning(Evidence.id, sort_by_parameter_order=True)
            evidence_ids = list(conn.execute(stmt, [{**ev, "file_id": file_id} for ev in rows.evidence]).scalars())
        for table, facts in rows.facts.items():
            if not facts:
                continue
            model = _FACT_TABLES[table]
            conn.execute(insert(model), [
                {**{k: v for k, v in f.items() if k != "_evidence"}, "file_id": file_id,
                 "evidence_id": evidence_ids[f["_evidence"]] if f["_evidence"] is not None else None}
                for f in facts
            ])

    # -- documents and their files ----------------------------------------------------------------

    def _facts_of(self, conn: Connection, doc_id: int, but: int | None = None) -> list[identity.FileFacts]:
        """The grouping facts of a document's files (from their records and first pages)."""
        stmt = (select(File.id, File.record_json, Page.text)
                .outerjoin(Page, (Page.file_id == File.id) & (Page.number == 1))
                .where(File.document_id == doc_id))
        if but is not None:
            stmt = stmt.where(File.id != but)
        return [identity.FileFacts.from_record(json.loads(r.record_json), [r.text or ""], id=r.id)
                for r in conn.execute(stmt.order_by(File.id))]

    def _place(self, conn: Connection, file_id: int, facts: identity.FileFacts, old_doc: int | None,
               now: dt.datetime) -> int:
        """Put the file into the document it is a copy of (or a new one); rank both documents' files."""
        base = identity.document_key(facts)
        if self.dialect == "postgresql":  # two writers placing copies of one new document queue here
            lock = int.from_bytes(hashlib.sha256(base.encode()).digest()[:8], "big", signed=True)
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock})
            # another writer storing this very file may have placed it while we waited: its
            # document is the file's own, not a stranger to tie-break against (`~2`)
            old_doc = conn.execute(select(File.document_id).where(File.id == file_id)).scalar() or old_doc
        candidates = conn.execute(
            select(Document.id, Document.key)
            .where(or_(Document.key == base, Document.key.like(_like_escape(base) + "~%", escape="\\")))
            .order_by(Document.id)).all()
        candidates.sort(key=lambda c: c.id != old_doc)  # the file's own document first: ids stay put
        chosen = None
        for cand in candidates:
            members = self._facts_of(conn, cand.id, but=file_id)
            if (members or cand.id == old_doc) and identity.fits(facts, members):
                chosen = cand.id
                break
        if chosen is None:
            chosen = self._copy_of(conn, file_id, facts, base, now)
        if chosen is None:
            taken = {c.key for c in candidates}
            n = 1
            while (base if n == 1 else f"{base}~{n}") in taken:
                n += 1
            key = base if n == 1 else f"{base}~{n}"
            if old_doc is not None and not self._facts_of(conn, old_doc, but=file_id):
                # the file alone was its document and now reads as another one: same id, new key
                conn.execute(update(Document).where(Document.id == old_doc).values(
                    key=key, refers_to_key=identity.refers_to_key(facts), updated_at=now))
                chosen = old_doc
            else:
                chosen = conn.execute(insert(Document).values(
                    key=key, refers_to_key=identity.refers_to_key(facts),
                    created_at=now, updated_at=now).returning(Document.id)).scalar_one()
        conn.execute(update(File).where(File.id == file_id).values(document_id=chosen))
        if old_doc is not None and old_doc != chosen:
            self._rank(conn, old_doc, now)
        self._rank(conn, chosen, now)
        return int(chosen)

    def _copy_of(self, conn: Connection, file_id: int, facts: identity.FileFacts, base: str,
                 now: dt.datetime) -> int | None:
        """The document of the file's type and day it is a copy of, its number lost on one side
        (identity.lost_number_copy), or None. A document known so far by a copy without its number
        (`file:…`) takes the key of the file that read it, so reports about it find it."""
        if not (facts.issued_date and facts.doc_type):
            return None
        try:
            day = dt.date.fromisoformat(facts.issued_date)
        except ValueError:
            return None
        docs = conn.execute(
            select(File.document_id).distinct()
            .where(File.issued_date == day, File.doc_type == facts.doc_type, File.id != file_id,
                   File.document_id.is_not(None))
            .order_by(File.document_id)).scalars().all()
        for doc_id in docs:
            members = self._facts_of(conn, doc_id, but=file_id)
            if members and identity.fits(facts, members):
                key = conn.execute(select(Document.key).where(Document.id == doc_id)).scalar()
                if key and key.startswith("file:") and base.startswith("doc:") and conn.execute(
                        select(Document.id).where(Document.key == base)).first() is None:
                    conn.execute(update(Document).where(Document.id == doc_id).values(key=base, updated_at=now))
                return int(doc_id)
        return None

    def _rank(self, conn: Connection, doc_id: int, now: dt.datetime) -> None:
        """Rank a document's files, best first (identity.ranked); a document left empty goes."""
        members = self._facts_of(conn, doc_id)
        if not members:
            conn.execute(delete(Document).where(Document.id == doc_id))
            return
        ranked = identity.ranked(members)
        for rank, (f, role) in enumerate(ranked, start=1):
            conn.execute(update(File).where(File.id == f.extra["id"]).values(rank=rank, role=role))
        conn.execute(update(Document).where(Document.id == doc_id).values(
            refers_to_key=identity.refers_to_key(ranked[0][0]), updated_at=now))

    def record_failure(self, file_name: str, sha256: str | None, error: str, extractor_version: str,
                       started_at: dt.datetime | None = None) -> None:
        """Note in the history that reading `file_name` failed; a stored record stays as it was."""
        now = _now()
        with self._write() as conn:
            file_id = None
            if sha256:
                file_id = conn.execute(select(File.id).where(File.sha256 == sha256)).scalar()
            conn.execute(insert(ProcessingRun).values(
                file_id=file_id, sha256=sha256, file_name=file_name, extractor_version=extractor_version,
                started_at=started_at or now, finished_at=now, status="failed", error=error[:2000]))

    # -- reading ------------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        """Is this file (by its SHA-256) stored?"""
        with self._read() as conn:
            return conn.execute(select(File.id).where(File.sha256 == sha256)).first() is not None

    def find_ids(self, key: str | int) -> list[int]:
        """Documents for an id, a file's SHA-256 or a document number (several documents may share
        one: other issuers, or reports about it, which come after the documents themselves), else
        a file's name (`QD 04 ban chup.pdf`: a document with no number is listed by it)."""
        with self._read() as conn:
            if isinstance(key, int):
                return list(conn.execute(select(Document.id).where(Document.id == key)).scalars())
            k = key.strip()
            if _SHA256.match(k.lower()):
                return list(conn.execute(select(File.document_id).where(File.sha256 == k.lower())).scalars())
            if k.isdigit():
                found = conn.execute(select(Document.id).where(Document.id == int(k))).scalars().all()
                if found:
                    return list(found)
            stmt = (select(File.document_id).join(Document, Document.id == File.document_id)
                    .where(File.rank == 1, number_clause(k))
                    .order_by(Document.key.like("report:%"), File.issued_date.desc().nulls_last(),
                              File.document_id.desc()))
            found = list(conn.execute(stmt).scalars())
            if found:
                return found
            # a file's name, as lists and summaries name a document that has no number
            return list(dict.fromkeys(conn.execute(select(File.document_id).where(File.file_name == nfc(k))
                                                   .order_by(File.document_id.desc())).scalars()))  # newest first

    def get(self, key: str | int) -> Record | None:
        """A file's record by its SHA-256; else the record of the best-read file of the document
        with that id or number (the newest document with that number)."""
        if isinstance(key, str) and _SHA256.match(key.strip().lower()):
            with self._read() as conn:
                found = conn.execute(select(File.record_json).where(File.sha256 == key.strip().lower())).scalar()
            return Record.from_dict(json.loads(found)) if found is not None else None
        ids = self.find_ids(key)
        return self.get_by_id(ids[0]) if ids else None

    def get_by_id(self, doc_id: int) -> Record | None:
        """The record of the document's best-read file."""
        with self._read() as conn:
            found = conn.execute(select(File.record_json).where(File.document_id == doc_id, File.rank == 1)).scalar()
        return Record.from_dict(json.loads(found)) if found is not None else None

    def get_file(self, file_id: int) -> Record | None:
        """The record of one file, by its file id."""
        with self._read() as conn:
            found = conn.execute(select(File.record_json).where(File.id == file_id)).scalar()
        return Record.from_dict(json.loads(found)) if found is not None else None

    def files(self, doc_id: int) -> list[FileInfo]:
        """The files of a document, best first."""
        found = self.documents([doc_id])
        return found[0].files if found else []

    def document(self, doc_id: int) -> StoredDocument | None:
        """A document with its files and the reports about it (or the documents it reports on)."""
        found = self.documents([doc_id])
        return found[0] if found else None

    def documents(self, ids: list[int]) -> list[StoredDocument]:
        """Documents by id, in the order given (unknown ids are left out)."""
        out: dict[int, StoredDocument] = {}
        with self._read() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for row in conn.execute(select(Document.id, Document.key, Document.refers_to_key)
                                        .where(Document.id.in_(chunk))):
                    out[row.id] = StoredDocument(row.id, row.key, row.refers_to_key)
                for row in conn.execute(select(*_FILE_INFO_COLS).where(File.document_id.in_(chunk))
                                        .order_by(File.rank, File.id)):
                    out[row.document_id].files.append(_file_info(row))
            links = [d for d in out.values() if d.refers_to_key]
            for d in links:
                d.refers_to = list(conn.execute(select(Document.id).where(or_(
                    Document.key == d.refers_to_key,
                    Document.key.like(_like_escape(d.refers_to_key or "") + "~%", escape="\\")))
                    .order_by(Document.id)).scalars())
            plain = [d for d in out.values() if not d.is_report]
            for d in plain:
                d.reported_in = list(conn.execute(select(Document.id).where(
                    Document.refers_to_key == identity.family(d.key)).order_by(Document.id)).scalars())
        return [out[i] for i in ids if i in out and out[i].files]

    def records(self, **filters: Any) -> Iterator[Record]:
        """Records of the documents matching the filters (see `Filters`: date_from, date_to, issuer,
        body, commune, doc_type, person, number, text), newest first, each its best-read file's."""
        for _doc_id, record in self.records_with_ids(Filters.make(**filters)):
            yield record

    def records_with_ids(self, filters: Filters | None = None) -> Iterator[tuple[int, Record]]:
        """(document id, record of its best-read file) for the documents matching the filters."""
        ids = self.document_ids(filters)
        # chunks, so a big archive is neither held in memory nor read under one long transaction
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            with self._read() as conn:
                texts = dict(conn.execute(select(File.document_id, File.record_json)
                                          .where(File.document_id.in_(chunk), File.rank == 1)).all())
            for doc_id in chunk:
                if doc_id in texts:  # may have vanished since the ids were read
                    yield doc_id, Record.from_dict(json.loads(texts[doc_id]))

    def file_records(self, doc_id: int) -> list[tuple[FileInfo, Record]]:
        """Every file of a document with its record, best first."""
        with self._read() as conn:
            rows = conn.execute(select(*_FILE_INFO_COLS, File.record_json).where(File.document_id == doc_id)
                                .order_by(File.rank, File.id)).all()
        return [(_file_info(r[:-1]), Record.from_dict(json.loads(r[-1]))) for r in rows]

    def document_ids(self, filters: Filters | None = None) -> list[int]:
        """Documents matching the filters, newest first."""
        stmt = documents_query(filters or Filters(), self.dialect).with_only_columns(File.document_id)
        with self._read() as conn:
            return list(conn.execute(stmt).scalars())

    def count(self) -> int:
        """How many documents the store holds."""
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(Document)).scalar_one())

    def count_files(self) -> int:
        """How many files the store holds."""
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(File)).scalar_one())

    def history(self, key: str | int | None = None, limit: int | None = None) -> list[HistoryEntry]:
        """Processing history, newest first; when `key` is given, of one file (by its SHA-256) or of
        every file of a document (by id or number)."""
        stmt = select(*ProcessingRun.__table__.c).order_by(ProcessingRun.id.desc())
        if key is not None:
            sha = key.strip().lower() if isinstance(key, str) and _SHA256.match(key.strip().lower()) else None
            if sha:
                cond = (ProcessingRun.sha256 == sha) | ProcessingRun.file_id.in_(select(File.id).where(File.sha256 == sha))
            else:
                ids = self.find_ids(key)
                cond = ProcessingRun.file_id.in_(select(File.id).where(File.document_id.in_(ids)))
            stmt = stmt.where(cond)
        if limit:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return [HistoryEntry(r.id, r.file_id, r.sha256, r.file_name, r.extractor_version, r.started_at,
                                 r.finished_at, r.status, r.error) for r in conn.execute(stmt).all()]


    # -- questions ----------------------------------------------------------------------------

    def search(self, filters: Filters | None = None, *, limit: int | None = 50, **given: Any) -> list[SearchHit]:
        """Documents matching the filters (a Filters or its keyword arguments), newest first,
        each with the quote that answers the question."""
        f = filters if filters is not None else Filters.make(**given)
        with self._read() as conn:
            return search_documents(conn, f, self.dialect, limit)

    def people(self, name: str | None = None, *, min_documents: int = 1,
               seconded_only: bool = False) -> list[PersonHistory]:
        """Person histories: people whose name matches `name` (diacritics optional), or, without
        a name, everyone named in at least `min_documents` documents (each document once, however
        many files). With `seconded_only`, only sendings the documents decide count (sent,
        extended, recalled; not a signer, nor a person asked for, planned or reported). Who is
        one person: store/people.py."""
        with self._read() as conn:
            return person_histories(conn, name, min_documents=min_documents, seconded_only=seconded_only)

    def override_people(self, action: str, a: str, b: str) -> int:
        """Store a user's word on two mentions (`NAME@DOCUMENT`, see people.resolve_mention):
        `merge` (one person) or `split` (two people). A newer word on the same two mentions
        replaces the older one. Returns the override's id."""
        if action not in ("merge", "split"):
            raise PersonRefError(f"unknown action '{action}' (merge or split)")
        with self._read() as conn:
            ka = resolve_mention(conn, a, self.find_ids)
            kb = resolve_mention(conn, b, self.find_ids)
        if ka[:2] == kb[:2]:
            raise PersonRefError(f"'{a}' and '{b}' are the same mention")
        with self._write() as conn:
            same = ((PersonOverride.a_document_key == ka[0]) & (PersonOverride.a_name_key == ka[1])
                    & (PersonOverride.b_document_key == kb[0]) & (PersonOverride.b_name_key == kb[1]))
            swapped = ((PersonOverride.a_document_key == kb[0]) & (PersonOverride.a_name_key == kb[1])
                       & (PersonOverride.b_document_key == ka[0]) & (PersonOverride.b_name_key == ka[1]))
            conn.execute(delete(PersonOverride).where(same | swapped))
            return int(conn.execute(insert(PersonOverride).values(
                action=action, a_document_key=ka[0], a_name_key=ka[1], b_document_key=kb[0], b_name_key=kb[1],
                created_at=_now()).returning(PersonOverride.id)).scalar_one())

    def person_overrides(self) -> list[dict[str, Any]]:
        """Every merge and split a user made, oldest first."""
        with self._read() as conn:
            return [dict(r._mapping) for r in conn.execute(select(*PersonOverride.__table__.c)
                                                             .order_by(PersonOverride.id))]

    def forget_person_override(self, override_id: int) -> bool:
        """Take back a merge or split; False when there was none with that id."""
        with self._write() as conn:
            return conn.execute(delete(PersonOverride).where(PersonOverride.id == override_id)).rowcount > 0

    def export(self, what: str, fmt: str, out: Path | None = None, filters: Filters | None = None,
               stdout: TextIO | None = None, *, lang: str | None = None, raw: bool = False) -> int:
        """Write documents, secondments, people, counts or files as csv, json or xlsx; rows written
        (`lang`, `raw`: store/export.py)."""
        with self._read() as conn:
            return export_facts(conn, what, fmt, filters or Filters(), self.dialect, out, stdout, lang=lang, raw=raw)

    def export_rows(self, what: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return list(export_rows(conn, what, filters or Filters(), self.dialect))

    def revision(self) -> tuple[str | None, str | None]:
        """(schema revision of the database, newest revision this program knows)."""
        with self._read() as conn:
            return migrate.current_revision(conn), migrate.head_revision()


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the store: `url`, else $DISPATCH_READER_DB, else the default
    SQLite file in the user data folder. Raises StoreError with a one-line reason."""
    resolved = engines.resolve_url(url)
    engine = engines.make_engine(resolved)
    store = Store(engine, resolved)
    for attempt in range(3):
        try:
            migrate.upgrade(engine)
            return store
        except SQLAlchemyError as exc:
            # a first open racing another process's first open may see "locked" past the busy
            # handler (SQLite skips it where waiting could deadlock); the retry finds it migrated
            if "locked" in str(exc) and attempt < 2:
                time.sleep(0.5)
                continue
            engine.dispose()
            raise store_error(store.where, f"cannot open the database: {_one_line(exc)}") from None
    return store
