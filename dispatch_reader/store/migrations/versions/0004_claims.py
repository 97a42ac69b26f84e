"""Claims: which run is reading a file now, so concurrent `process` runs read each file once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

A run inserts the file's SHA-256 before reading it and deletes the row when the file is stored
(or failed). A claim whose process is gone (same host) or that is older than its time to live
(another host) is taken over (store/claims.py). Nothing else changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_claims"),
    )


def downgrade() -> None:
    op.drop_table("claims")
