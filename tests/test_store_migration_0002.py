"""Migration 0002: a store written by the version-1 code path (schema 0001, records without status)
is upgraded on open: the new columns exist, every document is read again from its stored page
texts, and the store then answers with statuses (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import command

from store_fixtures import *  # noqa: F401,F403
from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import PageInfo, Record, SCHEMA_VERSION, Source
from dispatch_reader.store import open_store
from dispatch_reader.store.engine import make_engine, resolve_url
from dispatch_reader.store.migrate import MIGRATIONS, alembic_config, current_revision, head_revision
from dispatch_reader.store.rows import record_rows
from store_fixtures import REQUEST_DISPATCH as DISPATCH
from store_fixtures import SECONDMENT_DECISION as DECISION




def _migration_0002():
    import importlib.util

    path = next((MIGRATIONS / "versions").glob("0002_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _v1_record(text: str, name: str) -> tuple[Record, dict]:
    """A record as the version-1 code wrote it: the version-2 keys taken away."""
    version_1 = _migration_0002().version_1
    facts = extract_facts([PageText(1, text)])
    source = Source(file_name=f"{name}.pdf", sha256=sha_of(name), page_count=1,
                    pages=[PageInfo(number=1, method="text_layer")])
    record = Record.from_facts(source, facts)
    return record, version_1(record.to_dict())


def _write_v1_store(url: str, texts: dict[str, str]) -> None:
    """Schema 0001 only, and documents inserted the way the version-1 store wrote them."""
    engine = make_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "0001")
            now = dt.datetime.now(dt.timezone.utc)
            with conn.begin():
                meta = sa.MetaData()
                meta.reflect(bind=conn)
                t = meta.tables
                assert "status" not in t["secondments"].c
                for name, text in texts.items():
                    record, old = _v1_record(text, name)
                    rows = record_rows(record, [text], "0.9")
                    doc = {k: v for k, v in rows.document.items() if k in t["documents"].c}
                    doc.update(record_json=json.dumps(old, ensure_ascii=False), schema_version="1",
                               revision=1, created_at=now, updated_at=now)
                    doc_id = conn.execute(t["documents"].insert().values(**doc).returning(t["documents"].c.id)).scalar_one()
                    conn.execute(t["pages"].insert(), [{**p, "document_id": doc_id} for p in rows.pages])
                    for table, facts in rows.facts.items():
                        cols = set(t[table].c.keys())
                        if facts:
                            conn.execute(t[table].insert(), [{**{k: v for k, v in f.items() if k in cols},
                                                              "document_id": doc_id} for f in facts])
    finally:
        engine.dispose()


def test_a_version_1_store_is_upgraded_and_read_again(store_url):
    _write_v1_store(store_url, {"cv-612": DISPATCH, "qd-903": DECISION})
    with open_store(store_url) as store:  # opening applies 0002
        assert store.revision() == (head_revision(), head_revision())
        dispatch = store.get("612/UBND-NC")
        decision = store.get("903/QĐ-SNV")
        assert dispatch.schema_version == SCHEMA_VERSION and decision.schema_version == SCHEMA_VERSION
        # re-read from the page texts: the request is a request, the decision decides
        assert [(s.count, s.status, s.action) for s in dispatch.secondments] == [(31, "requested", "send")]
        assert [(s.person, s.status, s.action) for s in decision.secondments] == [("Vi Văn Thạch", "decided", "send")]
        assert {c.value: c.status for c in dispatch.counts}[31] == "requested"
        # the fact tables carry the new columns
        rows = store.export_rows("secondments")
        assert {(r["person"] or r["count"], r["status"]) for r in rows} == {(31, "requested"), ("Vi Văn Thạch", "decided")}
        # the history says the documents were read again
        assert any(h.extractor_version.endswith("(0002)") for h in store.history("612/UBND-NC"))
        # and the store is usable: a save after the upgrade works as before
        record, _ = _v1_record(DECISION.replace("903/QĐ-SNV", "904/QĐ-SNV"), "qd-904")
        store.save(record, page_texts=[DECISION], extractor_version="test")
        assert store.count() == 3


def test_a_version_1_record_is_read_with_its_type_default(tmp_path):
    _, old = _v1_record(DISPATCH, "cv")
    assert old["schema_version"] == "1" and "status" not in old["secondments"][0]
    record = Record.from_dict(old)
    assert record.schema_version == SCHEMA_VERSION
    assert [(s.status, s.action) for s in record.secondments] == [("requested", "send")]  # a dispatch's headcount
    assert all(c.status is None for c in record.counts)


def test_downgrade_gives_version_1_records_back(sqlite_url):
    with open_store(sqlite_url) as store:
        record, _ = _v1_record(DECISION, "qd")
        store.save(record, page_texts=[DECISION], extractor_version="test")
        with store.engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0001")
            assert current_revision(conn) == "0001"
            text = conn.execute(sa.text("SELECT record_json FROM documents")).scalar_one()
    data = json.loads(text)
    assert data["schema_version"] == "1" and "status" not in data["secondments"][0]
