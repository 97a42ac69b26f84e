"""Status of every sending: status / action / refers_to on secondments, status / action on counts,
and every stored document read again from its stored page texts (no OCR), so old stores answer
"who was sent" with decided sendings only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30

Re-reading: each document's pages (text, method, OCR confidence) go through the current
`extract_facts`; the record keeps its source (file, SHA-256, pages) and the warnings ingestion
wrote when the file was read (messages.stage), and takes the new facts; its fact rows are
written again. A document whose text cannot be read again keeps its facts, each secondment with
the status its document type gives (Record.from_dict's reading of a version-1 record). Tables are
reflected from the database, so later changes to the models do not change what this step writes.
Downgrade drops the columns and gives the records back their version-1 form.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)
_V2_SECONDMENT_KEYS = ("status", "action", "refers_to")
_V2_COUNT_KEYS = ("status", "action")


def upgrade() -> None:
    with op.batch_alter_table('secondments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('action', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('refers_to', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_secondments_status'), ['status'], unique=False)
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('action', sa.String(length=8), nullable=True))
    reextract_all(op.get_bind())


def downgrade() -> None:
    conn = op.get_bind()
    documents = sa.table('documents', sa.column('id'), sa.column('record_json'), sa.column('schema_version'))
    for doc_id, text in conn.execute(sa.select(documents.c.id, documents.c.record_json)).all():
        conn.execute(documents.update().where(documents.c.id == doc_id).values(
            record_json=json.dumps(version_1(json.loads(text)), ensure_ascii=False, sort_keys=True),
            schema_version="1"))
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.drop_column('action')
        batch_op.drop_column('status')
    with op.batch_alter_table('secondments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secondments_status'))
        batch_op.drop_column('refers_to')
        batch_op.drop_column('action')
        batch_op.drop_column('status')


def version_1(record: dict[str, Any]) -> dict[str, Any]:
    """A version-2 record without what version 2 added."""
    out = dict(record, schema_version="1")
    out["secondments"] = [{k: v for k, v in s.items() if k not in _V2_SECONDMENT_KEYS}
                          for s in record.get("secondments", [])]
    out["counts"] = [{k: v for k, v in c.items() if k not in _V2_COUNT_KEYS} for c in record.get("counts", [])]
    return out


def reextract_all(conn: sa.Connection) -> int:
    """Read every stored document again from its stored page texts; the number read."""
    from dispatch_reader import __version__

    meta = sa.MetaData()
    meta.reflect(bind=conn, only=["documents", "pages", "evidence", "doc_references", "people", "counts", "dates",
                                  "secondments", "processing_runs"])
    t = meta.tables
    ids = list(conn.execute(sa.select(t["documents"].c.id).order_by(t["documents"].c.id)).scalars())
    version = f"{__version__} (0002)"[:64]
    for doc_id in ids:
        _reextract(conn, t, doc_id, version)
    return len(ids)


def _reextract(conn: sa.Connection, t: dict[str, sa.Table], doc_id: int, version: str) -> None:
    from dispatch_reader.extract import extract_facts
    from dispatch_reader.ingest.pages import PageText
    from dispatch_reader.messages import stage
    from dispatch_reader.record import Record
    from dispatch_reader.store.rows import record_rows

    docs, pages = t["documents"], t["pages"]
    text = conn.execute(sa.select(docs.c.record_json).where(docs.c.id == doc_id)).scalar_one()
    old = json.loads(text)
    record = Record.from_dict(old)  # version 1 read as version 2: the fallback
    stored = conn.execute(sa.select(pages.c.number, pages.c.text, pages.c.method, pages.c.ocr_confidence,
                                    pages.c.rotation, pages.c.reason)
                          .where(pages.c.document_id == doc_id).order_by(pages.c.number)).all()
    page_texts = [PageText(number=p.number, text=p.text or "", method=p.method or "text_layer", reason=p.reason or "",
                           ocr_confidence=p.ocr_confidence, rotation=p.rotation) for p in stored]
    try:
        facts = extract_facts(page_texts)
        fresh = Record.from_facts(record.source, facts)
        # what ingestion noted when the file was read stays; what extraction says is said again
        fresh.warnings = [w for w in record.warnings if stage(w) == "ingest"] + fresh.warnings
        record = fresh
    except Exception:  # a document that cannot be read again keeps its facts, with default statuses
        log.warning("document %s kept its facts: reading its page texts again failed", doc_id, exc_info=True)
    rows = record_rows(record, [p.text for p in page_texts], version)
    now = dt.datetime.now(dt.timezone.utc)
    for name in ("doc_references", "people", "counts", "dates", "secondments", "evidence"):
        conn.execute(t[name].delete().where(t[name].c.document_id == doc_id))
    doc_cols = set(docs.c.keys())
    conn.execute(docs.update().where(docs.c.id == doc_id).values(
        **{k: v for k, v in rows.document.items() if k in doc_cols and k not in ("sha256",)},
        updated_at=now, revision=docs.c.revision + 1))
    evidence_ids: list[int] = []
    if rows.evidence:
        ev_cols = set(t["evidence"].c.keys())
        stmt = t["evidence"].insert().returning(t["evidence"].c.id, sort_by_parameter_order=True)
        evidence_ids = list(conn.execute(stmt, [{**{k: v for k, v in e.items() if k in ev_cols}, "document_id": doc_id}
                                                for e in rows.evidence]).scalars())
    for name, facts_rows in rows.facts.items():
        if not facts_rows:
            continue
        cols = set(t[name].c.keys())
        conn.execute(t[name].insert(), [
            {**{k: v for k, v in f.items() if k in cols}, "document_id": doc_id,
             "evidence_id": evidence_ids[f["_evidence"]] if f["_evidence"] is not None else None}
            for f in facts_rows])
    runs = t["processing_runs"]
    conn.execute(runs.insert().values(document_id=doc_id, sha256=rows.document["sha256"],
                                      file_name=rows.document["file_name"], extractor_version=version,
                                      started_at=now, finished_at=dt.datetime.now(dt.timezone.utc),
                                      status="replaced", error=None))
