"""Alembic environment: always run on a connection handed over by `migrate.upgrade`.

The caller holds the write lock (SQLite BEGIN IMMEDIATE, PostgreSQL advisory lock) and the
transaction, so two processes opening a new database at once cannot both create the schema.
"""

from __future__ import annotations

from alembic import context

from dispatch_reader.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when alembic is run by hand
    raise RuntimeError("run migrations through dispatch_reader.store.migrate.upgrade (or `dispatch-reader db upgrade`)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
