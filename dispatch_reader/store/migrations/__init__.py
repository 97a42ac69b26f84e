"""Alembic migrations of the store schema; applied by `migrate.upgrade`."""
