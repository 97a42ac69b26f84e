"""The worker fleet's task table: what was sent to the queue and how each document ended.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

`batch --queue` and `watch --queue` add one row per document they send to the Celery workers
(dispatch_reader/fleet); the workers move it through queued → running → done / skipped /
failed. A failed row is a dead letter: the fleet will not try it again, and `reason` says why.
Nothing else changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_tasks",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("batch", sa.String(200), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("spool_name", sa.String(100), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("deliveries", sa.Integer(), nullable=False),
        sa.Column("lost", sa.Integer(), nullable=False),
        sa.Column("retries", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("number", sa.Text(), nullable=True),
        sa.Column("worker", sa.String(200), nullable=True),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_queue_tasks"),
    )
    op.create_index("ix_queue_tasks_batch", "queue_tasks", ["batch"])
    op.create_index("ix_queue_tasks_sha256", "queue_tasks", ["sha256"])
    op.create_index("ix_queue_tasks_state", "queue_tasks", ["state"])


def downgrade() -> None:
    op.drop_index("ix_queue_tasks_state", table_name="queue_tasks")
    op.drop_index("ix_queue_tasks_sha256", table_name="queue_tasks")
    op.drop_index("ix_queue_tasks_batch", table_name="queue_tasks")
    op.drop_table("queue_tasks")
