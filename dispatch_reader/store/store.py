"""The records store: save a document's record in one transaction, read it back, ask questions.

One document is one row in `documents` (unique by the file's SHA-256) with its facts in their
own tables; saving it again replaces every fact at once and adds a line to its processing
history. Readers never see half a document: all of it is written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from dispatch_reader.errors import StoreError
from dispatch_reader.record import Record
from dispatch_reader.record import schema as record_schema
from dispatch_reader.store import engine as engines
from dispatch_reader.store import migrate
from dispatch_reader.store.engine import store_error
from dispatch_reader.store.filters import Filters, documents_query, number_clause
from dispatch_reader.store.models import (
    Count, DateFact, Document, Evidence, Page, Person, ProcessingRun, Reference, Secondment,
)
from dispatch_reader.store.export import export as export_facts
from dispatch_reader.store.export import export_rows
from dispatch_reader.store.people import PersonHistory, person_histories
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
    document_id: int | None
    sha256: str | None
    file_name: str
    extractor_version: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str  # created, replaced, failed
    error: str | None


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
             started_at: dt.datetime | None = None) -> int:
        """Store `record` (and the text of its pages) and return the document id.

        A document with the same SHA-256 has all its facts replaced; either the old record or
        the new one is stored, never a mix, even if the process dies half way.
        """
        error = next(_validator().iter_errors(record.to_dict()), None)
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path) or "record"
            raise StoreError(record.source.file_name, f"record breaks the schema at {where}: {error.message}")
        rows = record_rows(record, page_texts, extractor_version)
        now = _now()
        with self._write() as conn:
            doc_id, revision = self._upsert_document(conn, rows.document, now)
            self._delete_facts(conn, doc_id)
            self._insert_facts(conn, doc_id, rows)
            conn.execute(insert(ProcessingRun).values(
                document_id=doc_id, sha256=record.source.sha256, file_name=rows.document["file_name"],
                extractor_version=extractor_version, started_at=started_at or now, finished_at=_now(),
                status="created" if revision == 1 else "replaced", error=None))
        return doc_id

    def _upsert_document(self, conn: Connection, row: dict[str, Any], now: dt.datetime) -> tuple[int, int]:
        """Insert or update the document row, locking it until commit; (id, revision)."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        stmt = dialect_insert(Document).values(**row, revision=1, created_at=now, updated_at=now)
        changed = {name: stmt.excluded[name] for name in row if name != "sha256"}
        stmt = stmt.on_conflict_do_update(
            index_elements=[Document.sha256],
            set_={**changed, "updated_at": now, "revision": Document.revision + 1},
        ).returning(Document.id, Document.revision)
        doc_id, revision = conn.execute(stmt).one()
        return int(doc_id), int(revision)

    def _delete_facts(self, conn: Connection, doc_id: int) -> None:
        for model in (*_FACT_TABLES.values(), Evidence, Page):
            conn.execute(delete(model).where(model.document_id == doc_id))

    def _insert_facts(self, conn: Connection, doc_id: int, rows: FactRows) -> None:
        if rows.pages:
            conn.execute(insert(Page), [{**p, "document_id": doc_id} for p in rows.pages])
        evidence_ids: list[int] = []
        if rows.evidence:
            # ids come back in the order of the rows, so the facts' indexes into `evidence` hold
            stmt = insert(Evidence).returning(Evidence.id, sort_by_parameter_order=True)
            evidence_ids = list(conn.execute(stmt, [{**ev, "document_id": doc_id} for ev in rows.evidence]).scalars())
        for table, facts in rows.facts.items():
            if not facts:
                continue
            model = _FACT_TABLES[table]
            conn.execute(insert(model), [
                {**{k: v for k, v in f.items() if k != "_evidence"}, "document_id": doc_id,
                 "evidence_id": evidence_ids[f["_evidence"]] if f["_evidence"] is not None else None}
                for f in facts
            ])

    def record_failure(self, file_name: str, sha256: str | None, error: str, extractor_version: str,
                       started_at: dt.datetime | None = None) -> None:
        """Note in the history that reading `file_name` failed; a stored record stays as it was."""
        now = _now()
        with self._write() as conn:
            doc_id = None
            if sha256:
                doc_id = conn.execute(select(Document.id).where(Document.sha256 == sha256)).scalar()
            conn.execute(insert(ProcessingRun).values(
                document_id=doc_id, sha256=sha256, file_name=file_name, extractor_version=extractor_version,
                started_at=started_at or now, finished_at=now, status="failed", error=error[:2000]))

    # -- reading ------------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        with self._read() as conn:
            return conn.execute(select(Document.id).where(Document.sha256 == sha256)).first() is not None

    def find_ids(self, key: str | int) -> list[int]:
        """Documents for an id, a SHA-256 or a document number (several documents may share one)."""
        with self._read() as conn:
            if isinstance(key, int):
                found = conn.execute(select(Document.id).where(Document.id == key)).scalars().all()
                return list(found)
            k = key.strip()
            if _SHA256.match(k.lower()):
                return list(conn.execute(select(Document.id).where(Document.sha256 == k.lower())).scalars())
            if k.isdigit():
                found = conn.execute(select(Document.id).where(Document.id == int(k))).scalars().all()
                if found:
                    return list(found)
            stmt = (select(Document.id).where(number_clause(k))
                    .order_by(Document.issued_date.desc().nulls_last(), Document.id.desc()))
            return list(conn.execute(stmt).scalars())

    def get(self, key: str | int) -> Record | None:
        """The record by id, SHA-256 or document number (the newest document with that number)."""
        ids = self.find_ids(key)
        return self.get_by_id(ids[0]) if ids else None

    def get_by_id(self, doc_id: int) -> Record | None:
        with self._read() as conn:
            text = conn.execute(select(Document.record_json).where(Document.id == doc_id)).scalar()
        return Record.from_dict(json.loads(text)) if text is not None else None

    def records(self, **filters: Any) -> Iterator[Record]:
        """Records matching the filters (see `Filters`: date_from, date_to, issuer, body, commune,
        doc_type, person, number, text), newest first."""
        for _doc_id, record in self.records_with_ids(Filters.make(**filters)):
            yield record

    def records_with_ids(self, filters: Filters | None = None) -> Iterator[tuple[int, Record]]:
        ids = self.document_ids(filters)
        # chunks, so a big archive is neither held in memory nor read under one long transaction
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            with self._read() as conn:
                texts = dict(conn.execute(select(Document.id, Document.record_json).where(Document.id.in_(chunk))).all())
            for doc_id in chunk:
                if doc_id in texts:  # may have vanished since the ids were read
                    yield doc_id, Record.from_dict(json.loads(texts[doc_id]))

    def document_ids(self, filters: Filters | None = None) -> list[int]:
        stmt = documents_query(filters or Filters(), self.dialect).with_only_columns(Document.id)
        with self._read() as conn:
            return list(conn.execute(stmt).scalars())

    def count(self) -> int:
        from sqlalchemy import func

        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(Document)).scalar_one())

    def history(self, key: str | int | None = None, limit: int | None = None) -> list[HistoryEntry]:
        """Processing history, newest first; of one document when `key` is given."""
        stmt = select(*ProcessingRun.__table__.c).order_by(ProcessingRun.id.desc())
        if key is not None:
            ids = self.find_ids(key)
            sha = key.lower() if isinstance(key, str) and _SHA256.match(key.strip().lower()) else None
            cond = ProcessingRun.document_id.in_(ids)
            if sha:
                cond = cond | (ProcessingRun.sha256 == sha)
            stmt = stmt.where(cond)
        if limit:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            return [HistoryEntry(r.id, r.document_id, r.sha256, r.file_name, r.extractor_version, r.started_at,
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
        a name, everyone named in at least `min_documents` documents. With `seconded_only`, only
        documents that send, extend or recall the person count (not mere mentions, e.g. signers)."""
        with self._read() as conn:
            return person_histories(conn, name, min_documents=min_documents, seconded_only=seconded_only)

    def export(self, what: str, fmt: str, out: Path | None = None, filters: Filters | None = None,
               stdout: TextIO | None = None) -> int:
        """Write documents, secondments, people or counts as csv, json or xlsx; rows written."""
        with self._read() as conn:
            return export_facts(conn, what, fmt, filters or Filters(), self.dialect, out, stdout)

    def export_rows(self, what: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            return list(export_rows(conn, what, filters or Filters(), self.dialect))

    def revision(self) -> tuple[str | None, str | None]:
        """(schema revision of the database, newest revision this program knows)."""
        with self._read() as conn:
            return migrate.current_revision(conn), migrate.head_revision()


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
