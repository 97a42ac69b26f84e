"""The Alembic migrations build exactly the schema the models describe, and can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.store import open_store
from dispatch_reader.store.migrate import alembic_config, head_revision
from dispatch_reader.store.models import Base


def _fts_object(obj, name, type_, reflected, compare_to) -> bool:
    # full-text structures are dialect specific and made by the migration only
    return not (name and (name.startswith("page_fts") or name in ("tsv", "ix_pages_tsv")))


def test_migrated_schema_matches_models(store_url):
    with open_store(store_url) as store:
        with store.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"include_object": _fts_object, "compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
            assert ctx.get_current_revision() == head_revision()


def test_downgrade_and_upgrade_again(store_url):
    with open_store(store_url) as store:
        record = make_record("a")
        store.save(record, page_texts=page_text_for(record), extractor_version="1")
        with store.engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "base")
            assert "documents" not in inspect(conn).get_table_names()
    with open_store(store_url) as store:  # opening applies the migrations again
        assert store.count() == 0
        store.save(record, page_texts=page_text_for(record), extractor_version="1")
        assert [h.number for h in store.search(text="Tủa Thàng")] == ["15/QĐ-UBND"]
