"""The store's foundation: open, save, has, get, records; idempotency and re-extraction."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for, sha_of
from dispatch_reader.errors import StoreError
from dispatch_reader.store import open_store
from dispatch_reader.store import models as m
from dispatch_reader.store.engine import ENV_VAR, resolve_url


def _rows(store, model) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_save_and_get_round_trip(store_url):
    record = make_record("a", pages=2)
    with open_store(store_url) as store:
        doc_id = store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        assert store.has(record.source.sha256)
        assert not store.has(sha_of("other"))
        assert store.get(doc_id) == record
        assert store.get(str(doc_id)) == record
        assert store.get(record.source.sha256) == record
        assert store.get(record.document.number) == record
        # number typed without diacritics or in other case still finds it
        assert store.get("15/qd-ubnd") == record
        assert store.get("999/QĐ-UBND") is None
        assert store.get(12345) is None


def test_same_file_twice_is_one_document(store_url):
    record = make_record("a")
    with open_store(store_url) as store:
        first = store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        second = store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        assert first == second
        assert store.count() == 1
        assert _rows(store, m.Secondment) == len(record.secondments)
        assert _rows(store, m.Person) == len(record.people)
        assert _rows(store, m.Page) == 1
        assert [h.status for h in store.history()] == ["replaced", "created"]


def test_reextraction_replaces_facts_and_history_shows_it(store_url):
    old = make_record("a", people=[("Nguyễn Văn An", "Sở Y tế"), ("Trần Thị Bình", "Sở Tài chính")],
                      secondments=[{"person": "Nguyễn Văn An", "to_unit": "xã Mường Tè"}] * 2)
    new = make_record("a", people=[("Lò Thông Nhất", "Sở Nội vụ")],
                      secondments=[{"person": "Lò Thông Nhất", "to_unit": "phường Tân Phong"}], number="16/QĐ-UBND")
    with open_store(store_url) as store:
        doc_id = store.save(old, page_texts=page_text_for(old), extractor_version="1.0")
        assert store.save(new, page_texts=page_text_for(new), extractor_version="1.1") == doc_id
        assert store.get(doc_id) == new
        assert store.get("15/QĐ-UBND") is None
        assert _rows(store, m.Person) == 1
        assert _rows(store, m.Secondment) == 1
        assert list(store.records(person="Nguyễn Văn An")) == []
        assert list(store.records(commune="Mường Tè")) == []
        assert list(store.records(commune="Tân Phong")) == [new]
        history = store.history(doc_id)
        assert [(h.status, h.extractor_version) for h in history] == [("replaced", "1.1"), ("created", "1.0")]
        assert all(h.finished_at is not None for h in history)


def test_records_filters(store_url):
    a = make_record("a", issued="2025-08-04", doc_type="decision", issuer="Ủy ban nhân dân tỉnh Lai Châu")
    b = make_record("b", number="1335/UBND-NC", issued="2025-09-20", doc_type="official_dispatch",
                    issuer="Sở Nội vụ tỉnh Nghệ An", people=[("Lê Văn Hùng", "Sở Xây dựng")],
                    secondments=[{"person": "Lê Văn Hùng", "from_unit": "Sở Xây dựng", "to_unit": "xã Quỳnh Lưu"}])
    with open_store(store_url) as store:
        for r in (a, b):
            store.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        assert list(store.records()) == [b, a]  # newest first
        assert list(store.records(date_from="2025-09-01")) == [b]
        assert list(store.records(date_to="31/8/2025")) == [a]
        assert list(store.records(doc_type="official_dispatch")) == [b]
        assert list(store.records(issuer="so noi vu")) == [b]
        assert list(store.records(issuer="Nghệ")) == [b]
        assert list(store.records(issuer="Ngh")) == []  # whole words only
        assert list(store.records(commune="quynh luu")) == [b]
        assert list(store.records(commune="QUỲNH LƯU", date_to="2025-09-01")) == []
        with pytest.raises(TypeError):
            list(store.records(colour="red"))
        with pytest.raises(ValueError):
            list(store.records(date_from="yesterday"))


def test_failure_is_recorded_and_keeps_the_record(store_url):
    record = make_record("a")
    with open_store(store_url) as store:
        doc_id = store.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        store.record_failure("a.pdf", record.source.sha256, "a.pdf: damaged PDF", "1.1")
        store.record_failure("b.pdf", None, "b.pdf: not a PDF", "1.1")
        assert store.get(doc_id) == record
        latest = store.history()
        file_id = store.files(doc_id)[0].id
        assert [(h.file_name, h.status, h.file_id) for h in latest[:2]] == [
            ("b.pdf", "failed", None), ("a.pdf", "failed", file_id)]
        assert [h.status for h in store.history(doc_id)] == ["failed", "created"]


def test_invalid_record_is_refused_without_writing(sqlite_url):
    record = make_record("a")
    record.source.sha256 = "not-a-hash"
    with open_store(sqlite_url) as store:
        with pytest.raises(StoreError, match="schema"):
            store.save(record, page_texts=["x"], extractor_version="1.0")
        assert store.count() == 0


def test_text_is_stored_nfc(sqlite_url):
    import unicodedata

    record = make_record("a", people=[(unicodedata.normalize("NFD", "Nguyễn Thị Chuyên"), None)])
    with open_store(sqlite_url) as store:
        store.save(record, page_texts=[unicodedata.normalize("NFD", "Bà Nguyễn Thị Chuyên")], extractor_version="1")
        with store.engine.connect() as conn:
            name = conn.execute(select(m.Person.name)).scalar_one()
            page = conn.execute(select(m.Page.text)).scalar_one()
        assert name == unicodedata.normalize("NFC", name) and page == unicodedata.normalize("NFC", page)
        assert list(store.records(person="Nguyễn Thị Chuyên"))


def test_sqlite_file_is_wal_with_foreign_keys(tmp_path):
    path = tmp_path / "sub" / "r.db"
    with open_store(str(path)) as store:  # a bare path means SQLite, folders are created
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_url(None).startswith("sqlite:///") and resolve_url(None).endswith("records.sqlite3")
    monkeypatch.setenv(ENV_VAR, f"sqlite:///{tmp_path}/env.db")
    assert resolve_url(None) == f"sqlite:///{tmp_path}/env.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(f"sqlite:///{tmp_path}/x.db") == f"sqlite:///{tmp_path}/x.db"


def test_unusable_database_is_one_line_store_error(tmp_path):
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(StoreError) as err:
        open_store(str(folder))
    assert str(folder) in str(err.value) and "\n" not in str(err.value)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as err:
        open_store(str(junk))
    assert str(junk) in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://x@y/z")


def test_default_location_is_user_data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with open_store() as store:
        assert Path(store.where) == tmp_path / "xdg" / "dispatch-reader" / "records.sqlite3"
        assert Path(store.where).exists()
