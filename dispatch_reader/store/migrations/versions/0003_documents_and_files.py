"""One document, many files: the table of read files becomes `files`, a new `documents` table
holds each document once, and the files of a document are ranked (the best-read one gives the
document's facts). People overrides (`people merge` / `people split`) get their table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

Nothing is read again: every stored file keeps its record, pages and facts. The rows are grouped
into documents with store/identity.py (number + issue date + issuer, a press report apart,
referring to the document it reports on), in the order they were stored, so a document's id is
the id of its first file's new document row. The facts of a report's files are marked as the
store counts them (status `reported`, refers_to the reported number); the records keep what was
read.

Schema: `documents` → `files` and every `document_id` pointing at it → `file_id` (indexes
renamed; the unique constraints keep their 0001 names, see models.py); `files` gains
document_id, role, rank, reading and ocr_confidence; new tables `documents` and
`person_overrides`. Downgrade gives the 0002 schema back and the report rows their records'
statuses; the documents grouping and overrides are dropped.
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

CHILDREN = ("pages", "evidence", "doc_references", "people", "counts", "dates", "secondments", "processing_runs")
FILE_INDEXES = ("doc_type", "issued_date", "number_key")


def _rename_index(old: str, new: str, table: str, columns: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f'ALTER INDEX "{old}" RENAME TO "{new}"')
    else:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, columns, unique=False)


def _rename_column(table: str, old: str, new: str) -> None:
    op.execute(f'ALTER TABLE "{table}" RENAME COLUMN "{old}" TO "{new}"')


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    op.rename_table("documents", "files")
    if pg:  # an index name; the new `documents` table needs it
        op.execute('ALTER TABLE files RENAME CONSTRAINT pk_documents TO pk_files')
    for col in FILE_INDEXES:
        _rename_index(f"ix_documents_{col}", f"ix_files_{col}", "files", [col])
    for table in CHILDREN:
        _rename_column(table, "document_id", "file_id")
        _rename_index(f"ix_{table}_document_id", f"ix_{table}_file_id", table, ["file_id"])
        if pg:
            ondelete = "SET NULL" if table == "processing_runs" else "CASCADE"
            op.drop_constraint(f"fk_{table}_document_id_documents", table, type_="foreignkey")
            op.create_foreign_key(f"fk_{table}_file_id_files", table, "files", ["file_id"], ["id"], ondelete=ondelete)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=400), nullable=False),
    sa.Column('refers_to_key', sa.String(length=400), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('key', name=op.f('uq_documents_key'))
    )
    op.create_index(op.f('ix_documents_refers_to_key'), 'documents', ['refers_to_key'], unique=False)
    op.add_column('files', sa.Column('document_id', sa.Integer(), nullable=True))
    op.add_column('files', sa.Column('role', sa.String(length=16), nullable=True))
    op.add_column('files', sa.Column('rank', sa.Integer(), nullable=True))
    op.add_column('files', sa.Column('reading', sa.String(length=16), nullable=True))
    op.add_column('files', sa.Column('ocr_confidence', sa.Float(), nullable=True))
    op.create_index(op.f('ix_files_document_id'), 'files', ['document_id'], unique=False)
    op.create_index(op.f('ix_files_rank'), 'files', ['rank'], unique=False)

    op.create_table('person_overrides',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=8), nullable=False),
    sa.Column('a_document_key', sa.String(length=400), nullable=False),
    sa.Column('a_name_key', sa.String(length=200), nullable=False),
    sa.Column('b_document_key', sa.String(length=400), nullable=False),
    sa.Column('b_name_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_overrides'))
    )
    op.create_index(op.f('ix_person_overrides_a_name_key'), 'person_overrides', ['a_name_key'], unique=False)
    op.create_index(op.f('ix_person_overrides_b_name_key'), 'person_overrides', ['b_name_key'], unique=False)

    group_all(op.get_bind())


def group_all(conn: sa.Connection) -> int:
    """Group every stored file into documents (in the order they were stored); documents made."""
    from dispatch_reader.store import identity

    meta = sa.MetaData()
    meta.reflect(bind=conn, only=["files", "pages", "documents", "secondments", "counts"])
    files, pages, documents = meta.tables["files"], meta.tables["pages"], meta.tables["documents"]
    first_pages = dict(conn.execute(sa.select(pages.c.file_id, pages.c.text).where(pages.c.number == 1)).all())
    facts = []
    for file_id, text in conn.execute(sa.select(files.c.id, files.c.record_json).order_by(files.c.id)).all():
        facts.append(identity.FileFacts.from_record(json.loads(text), [first_pages.get(file_id) or ""], id=file_id))
    now = dt.datetime.now(dt.timezone.utc)
    taken: set[str] = set()
    for members in sorted(identity.group(facts), key=lambda g: min(f.extra["id"] for f in g)):
        best = members[0]
        key = identity.document_key(best)
        n = 1
        while (key if n == 1 else f"{key}~{n}") in taken:
            n += 1
        key = key if n == 1 else f"{key}~{n}"
        taken.add(key)
        doc_id = conn.execute(documents.insert().values(key=key, refers_to_key=identity.refers_to_key(best),
                                                        created_at=now, updated_at=now)
                              .returning(documents.c.id)).scalar_one()
        for rank, (f, role) in enumerate(identity.ranked(members), start=1):
            conn.execute(files.update().where(files.c.id == f.extra["id"]).values(
                document_id=doc_id, rank=rank, role=role, reading=identity.reading(f),
                ocr_confidence=identity.mean_confidence(f)))
            if identity.role(f) == "report":
                mark_reported(conn, meta, f.extra["id"], f.number)
    return len(taken)


def mark_reported(conn: sa.Connection, meta: sa.MetaData, file_id: int, number: str | None) -> None:
    """A report's sendings and headcounts as the store counts them: `reported`."""
    sec, counts = meta.tables["secondments"], meta.tables["counts"]
    conn.execute(sec.update().where(sec.c.file_id == file_id).values(
        status="reported", refers_to=sa.func.coalesce(sec.c.refers_to, number)))
    conn.execute(counts.update().where(counts.c.file_id == file_id, counts.c.status.is_not(None))
                 .values(status="reported"))


def downgrade() -> None:
    conn = op.get_bind()
    pg = conn.dialect.name == "postgresql"
    _unmark_reports(conn)
    op.drop_index(op.f('ix_person_overrides_b_name_key'), table_name='person_overrides')
    op.drop_index(op.f('ix_person_overrides_a_name_key'), table_name='person_overrides')
    op.drop_table('person_overrides')
    op.drop_index(op.f('ix_files_rank'), table_name='files')
    op.drop_index(op.f('ix_files_document_id'), table_name='files')
    for col in ("ocr_confidence", "reading", "rank", "role", "document_id"):
        op.drop_column('files', col)
    op.drop_index(op.f('ix_documents_refers_to_key'), table_name='documents')
    op.drop_table('documents')
    for table in CHILDREN:
        if pg:
            op.drop_constraint(f"fk_{table}_file_id_files", table, type_="foreignkey")
        _rename_column(table, "file_id", "document_id")
        _rename_index(f"ix_{table}_file_id", f"ix_{table}_document_id", table, ["document_id"])
        if pg:
            ondelete = "SET NULL" if table == "processing_runs" else "CASCADE"
            op.create_foreign_key(f"fk_{table}_document_id_documents", table, "files", ["document_id"], ["id"],
                                  ondelete=ondelete)
    for col in FILE_INDEXES:
        _rename_index(f"ix_files_{col}", f"ix_documents_{col}", "files", [col])
    if pg:
        op.execute('ALTER TABLE files RENAME CONSTRAINT pk_files TO pk_documents')
    op.rename_table("files", "documents")


def _unmark_reports(conn: sa.Connection) -> None:
    """The rows of files in another language as their records say (0002 keeps rows and records
    alike; only reports were changed)."""
    meta = sa.MetaData()
    meta.reflect(bind=conn, only=["files", "secondments", "counts"])
    files, sec, counts = meta.tables["files"], meta.tables["secondments"], meta.tables["counts"]
    for file_id, text in conn.execute(sa.select(files.c.id, files.c.record_json)
                                      .where(files.c.language.is_distinct_from("vi"))).all():
        record = json.loads(text)
        for i, s in enumerate(record.get("secondments") or []):
            conn.execute(sec.update().where(sec.c.file_id == file_id, sec.c.ordinal == i).values(
                status=s.get("status"), refers_to=s.get("refers_to")))
        for i, c in enumerate(record.get("counts") or []):
            conn.execute(counts.update().where(counts.c.file_id == file_id, counts.c.ordinal == i).values(
                status=c.get("status")))
