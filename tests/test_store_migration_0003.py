"""Migration 0003: a store at schema 0002 holding several files of one document (born-digital, two
scans, an English press report about it) and other documents is upgraded on open, without reading
anything again: the files are grouped into documents and ranked, the report is a document of its
own whose sendings count as reported, and every reader answers per document. Downgrading gives the
0002 rows back; upgrading again groups the same way (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import command

from store_fixtures import *  # noqa: F401,F403
from dispatch_reader.extract import extract_facts
from dispatch_reader.ingest.pages import PageText
from dispatch_reader.record import PageInfo, Record, Source
from dispatch_reader.store import open_store
from dispatch_reader.store.engine import make_engine, resolve_url
from dispatch_reader.store.migrate import alembic_config, current_revision, head_revision
from dispatch_reader.store.rows import record_rows
from store_fixtures import REQUEST_DISPATCH as DISPATCH
from store_fixtures import SECONDMENT_DECISION as DECISION



PRESS = """Bac Ha sends an official to Nam Det commune
Bac Ha, November 12, 2025
The Department of Home Affairs of Bac Ha province has issued Decision No. 903/QD-SNV dated November 10, 2025,
seconding Mr. Vi Van Thach, a specialist of the Department of Construction, to the People's Committee of Nam Det
commune from November 15, 2025 to May 15, 2026.
"""

NOTE = """Ghi chú cuộc họp giao ban
Các phòng chuẩn bị danh sách công chức tăng cường cho xã trước ngày 20.
"""

# file name → (text, pages' reading): the decision three times, its press report, two others
FILES = {
    "qd-903.pdf": (DECISION, None),
    "qd-903-scan.pdf": (DECISION.replace("Trịnh Quốc Đông", "Trịnh Quốc Đông ."), 0.91),
    "qd-903-scan-again.pdf": (DECISION.replace("Lưu: VT.", "Lưu VT"), 0.74),
    "press-903.pdf": (PRESS, None),
    "cv-612.pdf": (DISPATCH, None),
    "note.pdf": (NOTE, None),
}


def _record(name: str, text: str, ocr: float | None) -> Record:
    facts = extract_facts([PageText(1, text, method="ocr" if ocr else "text_layer", ocr_confidence=ocr)])
    page = PageInfo(number=1, method="ocr" if ocr else "text_layer", ocr_confidence=ocr)
    return Record.from_facts(Source(file_name=name, sha256=sha_of(name), page_count=1, pages=[page]), facts)


def _write_0002_store(url: str) -> dict[str, Record]:
    """Schema 0002, and the files inserted the way the 0002 store wrote them (one `documents` row each)."""
    records = {name: _record(name, text, ocr) for name, (text, ocr) in FILES.items()}
    engine = make_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "0002")
            now = dt.datetime.now(dt.timezone.utc)
            with conn.begin():
                meta = sa.MetaData()
                meta.reflect(bind=conn)
                t = meta.tables
                assert "files" not in t and "document_id" in t["pages"].c
                for name, record in records.items():
                    rows = record_rows(record, [FILES[name][0]], "0.9")
                    doc = {k: v for k, v in rows.file.items() if k in t["documents"].c}
                    doc.update(revision=1, created_at=now, updated_at=now)
                    doc_id = conn.execute(t["documents"].insert().values(**doc).returning(t["documents"].c.id)).scalar_one()
                    conn.execute(t["pages"].insert(), [{**p, "document_id": doc_id} for p in rows.pages])
                    ev_ids = list(conn.execute(t["evidence"].insert().returning(t["evidence"].c.id, sort_by_parameter_order=True),
                                               [{**e, "document_id": doc_id} for e in rows.evidence]).scalars()) if rows.evidence else []
                    for table, facts in rows.facts.items():
                        cols = set(t[table].c.keys())
                        if facts:
                            conn.execute(t[table].insert(), [
                                {**{k: v for k, v in f.items() if k in cols}, "document_id": doc_id,
                                 "evidence_id": ev_ids[f["_evidence"]] if f["_evidence"] is not None else None}
                                for f in facts])
    finally:
        engine.dispose()
    return records


def _grouping(store) -> list[list[tuple[str, str]]]:
    docs = store.documents(store.document_ids())
    return sorted([[(f.file_name, f.role) for f in d.files] for d in docs])


EXPECTED = [
    [("cv-612.pdf", "original")],
    [("note.pdf", "original")],
    [("press-903.pdf", "report")],
    [("qd-903.pdf", "original"), ("qd-903-scan.pdf", "scan"), ("qd-903-scan-again.pdf", "duplicate")],
]


def test_a_0002_store_with_copies_of_one_document_is_upgraded(store_url):
    records = _write_0002_store(store_url)
    with open_store(store_url) as store:  # opening applies 0003
        assert store.revision() == (head_revision(), head_revision())
        assert store.count() == 4 and store.count_files() == 6
        assert _grouping(store) == EXPECTED
        # nothing was read again: every file keeps its record, and no run was added
        for name, record in records.items():
            assert store.get(record.source.sha256) == record
        assert store.history() == []
        decision_id = store.find_ids("903/QĐ-SNV")[0]
        decision = store.document(decision_id)
        assert decision.best.file_name == "qd-903.pdf" and decision.best.reading == "text_layer"
        assert [f.ocr_confidence for f in decision.files] == [None, 0.91, 0.74]
        report_id, = decision.reported_in
        assert store.document(report_id).refers_to == [decision_id]
        # one row per secondment of a document; the report's sending is reported, not sent
        rows = store.export_rows("secondments")
        assert sorted((r["document_number"], r["person"] or r["count"], r["status"], r["source_file"]) for r in rows) == [
            ("612/UBND-NC", 31, "requested", "cv-612.pdf"),
            ("903/QD-SNV", "Vi Van Thach", "reported", "press-903.pdf"),
            ("903/QĐ-SNV", "Vi Văn Thạch", "decided", "qd-903.pdf")]
        thach, = store.people("Vi Van Thach")
        assert thach.name == "Vi Văn Thạch" and sorted(e.action for e in thach.events) == ["reported", "sent"]
        assert store.people(min_documents=2, seconded_only=True) == []
        # the upgraded store goes on: another scan of the decision joins it
        scan = _record("qd-903-phone.pdf", DECISION, 0.85)
        assert store.save(scan, page_texts=[DECISION], extractor_version="test") == decision_id
        assert [f.file_name for f in store.files(decision_id)][-1] == "qd-903-scan-again.pdf"


def test_downgrade_gives_the_0002_rows_back_and_upgrading_again_groups_the_same(store_url):
    _write_0002_store(store_url)
    with open_store(store_url) as store:
        first = _grouping(store)
        with store.engine.connect() as conn:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0002")
            assert current_revision(conn) == "0002"
            names = sa.inspect(conn).get_table_names()
            assert "files" not in names and "person_overrides" not in names
            rows = conn.execute(sa.text(
                "SELECT d.file_name, s.status FROM secondments s JOIN documents d ON d.id = s.document_id")).all()
            # the report's row says again what its record says (0002 keeps rows and records alike)
            assert ("press-903.pdf", "decided") in [tuple(r) for r in rows]
            record = json.loads(conn.execute(sa.text("SELECT record_json FROM documents WHERE file_name = 'qd-903.pdf'"))
                                .scalar_one())
            assert record["document"]["number"] == "903/QĐ-SNV"
    with open_store(store_url) as store:  # 0003 again
        assert _grouping(store) == first == EXPECTED
