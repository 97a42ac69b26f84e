"""Initial schema: documents, their pages and facts, evidence, processing history, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('page_count', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('doc_type', sa.String(length=32), nullable=True),
    sa.Column('doc_type_label', sa.Text(), nullable=True),
    sa.Column('number', sa.Text(), nullable=True),
    sa.Column('number_key', sa.String(length=200), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('issuer_key', sa.Text(), nullable=True),
    sa.Column('issuer_parent', sa.Text(), nullable=True),
    sa.Column('issuer_parent_key', sa.Text(), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('issued_date', sa.Date(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('subject_key', sa.Text(), nullable=True),
    sa.Column('signer_name', sa.Text(), nullable=True),
    sa.Column('signer_title', sa.Text(), nullable=True),
    sa.Column('signer_authority', sa.Text(), nullable=True),
    sa.Column('schema_version', sa.String(length=8), nullable=False),
    sa.Column('extractor_version', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('record_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('sha256', name=op.f('uq_documents_sha256'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_doc_type'), ['doc_type'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_issued_date'), ['issued_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_number_key'), ['number_key'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('fact', sa.String(length=16), nullable=False),
    sa.Column('fact_index', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=32), nullable=True),
    sa.Column('page', sa.Integer(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_evidence_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_document_id'), ['document_id'], unique=False)

    op.create_table('pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=True),
    sa.Column('ocr_confidence', sa.Float(), nullable=True),
    sa.Column('rotation', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_pages_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pages')),
    sa.UniqueConstraint('document_id', 'number', name=op.f('uq_pages_document_id_number'))
    )
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pages_document_id'), ['document_id'], unique=False)

    op.create_table('processing_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('file_name', sa.Text(), nullable=False),
    sa.Column('extractor_version', sa.String(length=64), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_processing_runs_document_id_documents'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_runs'))
    )
    with op.batch_alter_table('processing_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_runs_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_processing_runs_sha256', ['sha256'], unique=False)

    op.create_table('counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('what_key', sa.Text(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_counts_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_counts_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counts'))
    )
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_counts_document_id'), ['document_id'], unique=False)

    op.create_table('dates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_dates_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_dates_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dates'))
    )
    with op.batch_alter_table('dates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dates_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_dates_document_id'), ['document_id'], unique=False)

    op.create_table('doc_references',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('number', sa.Text(), nullable=False),
    sa.Column('number_key', sa.String(length=200), nullable=True),
    sa.Column('doc_type', sa.String(length=32), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_doc_references_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_doc_references_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_references'))
    )
    with op.batch_alter_table('doc_references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doc_references_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_doc_references_number_key'), ['number_key'], unique=False)

    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=True),
    sa.Column('honorific', sa.Text(), nullable=True),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('unit', sa.Text(), nullable=True),
    sa.Column('unit_key', sa.Text(), nullable=True),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_people_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_people_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_name_key'), ['name_key'], unique=False)

    op.create_table('secondments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('person', sa.Text(), nullable=True),
    sa.Column('person_key', sa.String(length=200), nullable=True),
    sa.Column('count', sa.Integer(), nullable=True),
    sa.Column('from_unit', sa.Text(), nullable=True),
    sa.Column('from_key', sa.Text(), nullable=True),
    sa.Column('to_unit', sa.Text(), nullable=True),
    sa.Column('to_key', sa.Text(), nullable=True),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('start', sa.Date(), nullable=True),
    sa.Column('end', sa.Date(), nullable=True),
    sa.Column('duration_months', sa.Float(), nullable=True),
    sa.Column('evidence_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_secondments_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_secondments_evidence_id_evidence'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_secondments'))
    )
    with op.batch_alter_table('secondments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_secondments_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_secondments_end'), ['end'], unique=False)
        batch_op.create_index(batch_op.f('ix_secondments_person_key'), ['person_key'], unique=False)

    _create_full_text()


def _create_full_text() -> None:
    """Index pages.folded (diacritic-free, same length as the text) for free-text search."""
    if op.get_bind().dialect.name == "sqlite":
        # external-content FTS5 table kept in step with `pages` by triggers, so a page row and
        # its index entry are written (and rolled back) in the same transaction
        op.execute("CREATE VIRTUAL TABLE page_fts USING fts5(folded, content='pages', content_rowid='id', "
                   "tokenize='unicode61')")
        op.execute("CREATE TRIGGER pages_fts_insert AFTER INSERT ON pages BEGIN "
                   "INSERT INTO page_fts(rowid, folded) VALUES (new.id, new.folded); END")
        op.execute("CREATE TRIGGER pages_fts_delete AFTER DELETE ON pages BEGIN "
                   "INSERT INTO page_fts(page_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END")
        op.execute("CREATE TRIGGER pages_fts_update AFTER UPDATE ON pages BEGIN "
                   "INSERT INTO page_fts(page_fts, rowid, folded) VALUES ('delete', old.id, old.folded); "
                   "INSERT INTO page_fts(rowid, folded) VALUES (new.id, new.folded); END")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE pages ADD COLUMN tsv tsvector "
                   "GENERATED ALWAYS AS (to_tsvector('simple', folded)) STORED")
        op.execute("CREATE INDEX ix_pages_tsv ON pages USING gin (tsv)")


def _drop_full_text() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("pages_fts_insert", "pages_fts_delete", "pages_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS page_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_pages_tsv")
        op.execute("ALTER TABLE pages DROP COLUMN IF EXISTS tsv")


def downgrade() -> None:
    _drop_full_text()
    with op.batch_alter_table('secondments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_secondments_person_key'))
        batch_op.drop_index(batch_op.f('ix_secondments_end'))
        batch_op.drop_index(batch_op.f('ix_secondments_document_id'))

    op.drop_table('secondments')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_name_key'))
        batch_op.drop_index(batch_op.f('ix_people_document_id'))

    op.drop_table('people')
    with op.batch_alter_table('doc_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doc_references_number_key'))
        batch_op.drop_index(batch_op.f('ix_doc_references_document_id'))

    op.drop_table('doc_references')
    with op.batch_alter_table('dates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dates_document_id'))
        batch_op.drop_index(batch_op.f('ix_dates_date'))

    op.drop_table('dates')
    with op.batch_alter_table('counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_counts_document_id'))

    op.drop_table('counts')
    with op.batch_alter_table('processing_runs', schema=None) as batch_op:
        batch_op.drop_index('ix_processing_runs_sha256')
        batch_op.drop_index(batch_op.f('ix_processing_runs_document_id'))

    op.drop_table('processing_runs')
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pages_document_id'))

    op.drop_table('pages')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_document_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_number_key'))
        batch_op.drop_index(batch_op.f('ix_documents_issued_date'))
        batch_op.drop_index(batch_op.f('ix_documents_doc_type'))

    op.drop_table('documents')
