"""One document, many files, in the store: a file, its scan and a press report about it are stored
and read as documents; every reader uses the best-read file and lists the files (SQLite and
PostgreSQL)."""

from __future__ import annotations

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.record import PageInfo
from dispatch_reader.store import open_store

KHAI = {"person": "Nguyễn Văn Khải", "from_unit": "Sở Nông nghiệp và Môi trường",
        "to_unit": "Ủy ban nhân dân xã Tân Phong", "start": "2025-09-03", "end": "2025-11-03"}
HUONG = {"person": "Trần Thị Mai Hương", "from_unit": "Sở Tài chính", "to_unit": "Ủy ban nhân dân phường Tô Hiệu"}


def decision(label: str, *, people=(KHAI, HUONG), number: str = "1587/QĐ-UBND", ocr: float | None = None,
             issuer: str = "Ủy ban nhân dân tỉnh Sơn La"):
    record = make_record(label, number=number, issued="2025-08-28", issuer=issuer,
                         people=[(p["person"], p["from_unit"]) for p in people],
                         secondments=[dict(p) for p in people], pages=2)
    if ocr is not None:  # a scan: every page OCRed
        record.source.pages = [PageInfo(number=p.number, method="ocr", ocr_confidence=ocr, rotation=0)
                               for p in record.source.pages]
    else:
        record.source.pages = [PageInfo(number=p.number, method="text_layer", rotation=0) for p in record.source.pages]
    return record


def press_report(label: str = "press"):
    """An English article about the decision: the extractor reads the decision's number and date from it."""
    record = make_record(label, number="1587/QD-UBND", issued="2025-08-28",
                         issuer="People's Committee of Son La province", subject="seconding two provincial civil servants",
                         people=[("Nguyen Van Khai", "Department of Agriculture and Environment")],
                         secondments=[{"person": "Nguyen Van Khai", "from_unit": "Department of Agriculture and Environment",
                                       "to_unit": "Tan Phong commune"}])
    record.language = "en"
    record.document.place = None
    record.document.recipients = []
    return record


def save(store, *records, texts=None):
    ids = []
    for r in records:
        pages = (texts or {}).get(r.source.file_name) or page_text_for(r)
        ids.append(store.save(r, page_texts=pages, extractor_version="1.0"))
    return ids


def test_a_file_and_its_scan_are_one_document_read_from_the_better_file(store_url):
    born = decision("qd-01")
    scan = decision("qd-01.scan", ocr=0.91, people=({**KHAI, "person": "Nguyễn Văn Khài"}, HUONG))
    blurred = decision("qd-01.blurred", ocr=0.62)
    scan_text = page_text_for(scan)
    scan_text[1] += "\nBút phê: chuyển phòng Công chức xử lý"  # a note only the scan has
    with open_store(store_url) as store:
        ids = save(store, scan, blurred, born, texts={"qd-01.scan.pdf": scan_text})
        assert len(set(ids)) == 1 and store.count() == 1 and store.count_files() == 3
        doc_id = ids[0]
        assert store.get_by_id(doc_id) == born and store.get("1587/QĐ-UBND") == born
        assert store.get("1587/QD-UBND") == born  # the number folded
        assert store.get(scan.source.sha256) == scan  # a file by its SHA-256 is that file
        files = store.files(doc_id)
        assert [(f.file_name, f.role, f.rank, f.reading) for f in files] == [
            ("qd-01.pdf", "original", 1, "text_layer"), ("qd-01.scan.pdf", "scan", 2, "ocr"),
            ("qd-01.blurred.pdf", "duplicate", 3, "ocr")]
        assert files[1].ocr_confidence == 0.91

        hits = store.search(number="1587")
        assert [(h.document_id, h.files) for h in hits] == [(doc_id, ["qd-01.pdf", "qd-01.scan.pdf", "qd-01.blurred.pdf"])]
        assert [h.document_id for h in store.search(person="Khải")] == [doc_id]
        # free text may be in any file; the quote says which
        hit, = store.search(text="bút phê chuyển phòng")
        assert hit.quote_file == "qd-01.scan.pdf" and "Bút phê" in hit.quote

        rows = store.export_rows("secondments")
        assert [(r["person"], r["source_file"]) for r in rows] == [
            ("Nguyễn Văn Khải", "qd-01.pdf"), ("Trần Thị Mai Hương", "qd-01.pdf")]
        assert rows[0]["files"].startswith("qd-01.pdf (original, used); qd-01.scan.pdf (scan, OCR 0.91)")
        assert [(r["id"], r["file_count"]) for r in store.export_rows("documents")] == [(doc_id, 3)]
        assert [(r["file_name"], r["used"]) for r in store.export_rows("files")] == [
            ("qd-01.pdf", True), ("qd-01.scan.pdf", False), ("qd-01.blurred.pdf", False)]
        khai, = store.people("Nguyen Van Khai")  # the scan's misread "Khài" is not shown: its facts are not used
        assert khai.name == "Nguyễn Văn Khải" and khai.names == ["Nguyễn Văn Khải"] and khai.document_count == 1
        assert [h.status for h in store.history(doc_id)] == ["created"] * 3  # every file of the document
        assert [h.file_name for h in store.history(scan.source.sha256)] == ["qd-01.scan.pdf"]  # one file


def test_a_press_report_is_its_own_document_and_its_sendings_are_reported(store_url):
    born, press = decision("qd-01"), press_report()
    with open_store(store_url) as store:
        doc_id, report_id = save(store, born, press)
        assert doc_id != report_id and store.count() == 2
        assert store.find_ids("1587/QĐ-UBND") == [doc_id, report_id]  # the document itself first
        decision_doc, report = store.documents([doc_id, report_id])
        assert report.is_report and report.refers_to == [doc_id] and decision_doc.reported_in == [report_id]
        assert report.files[0].role == "report"
        rows = [r for r in store.export_rows("secondments") if r["document_id"] == report_id]
        assert [(r["person"], r["status"], r["refers_to"]) for r in rows] == [
            ("Nguyen Van Khai", "reported", "1587/QD-UBND")]
        # the record keeps what was read
        assert store.get_by_id(report_id).secondments[0].status == "decided"
        hits = store.search(number="1587/QĐ-UBND")
        assert sorted((h.document_id, h.report_on or "") for h in hits) == [(doc_id, ""), (report_id, "1587/QD-UBND")]


def test_a_file_read_again_moves_to_its_document_and_an_empty_one_goes(sqlite_url):
    born = decision("qd-01")
    misread = decision("qd-01.scan", ocr=0.7, number="1581/QĐ-UBND")
    with open_store(sqlite_url) as store:
        first, second = save(store, born, misread)
        assert first != second and store.count() == 2
        again = decision("qd-01.scan", ocr=0.9)  # the same file, read better
        assert save(store, again) == [first]
        assert store.count() == 1 and store.find_ids("1581/QĐ-UBND") == []
        assert [f.file_name for f in store.files(first)] == ["qd-01.pdf", "qd-01.scan.pdf"]
        # a lone file that reads as another number keeps its document id
        lone = decision("lone", number="20/QĐ-UBND")
        lone_id, = save(store, lone)
        assert save(store, decision("lone", number="21/QĐ-UBND")) == [lone_id]
        assert store.find_ids("21/QĐ-UBND") == [lone_id]


def test_two_issuers_under_one_number_and_date_are_two_documents(sqlite_url):
    a = decision("a", number="15/QĐ-UBND", issuer="Ủy ban nhân dân xã Tân Phong")
    b = decision("b", number="15/QĐ-UBND", issuer="Ủy ban nhân dân xã Nậm Lầu")
    a_scan = decision("a.scan", number="15/QĐ-UBND", issuer="UBND XÃ TÂN PHONG".replace("UBND", "ỦY BAN NHÂN DÂN"),
                      ocr=0.9)
    with open_store(sqlite_url) as store:
        ids = save(store, a, b, a_scan)
        assert ids[0] == ids[2] != ids[1]
        keys = {d.id: d.key for d in store.documents(ids[:2])}
        assert keys == {ids[0]: "doc:15/qd-ubnd|2025-08-28", ids[1]: "doc:15/qd-ubnd|2025-08-28~2"}
        assert store.find_ids("15/QĐ-UBND") == sorted(ids[:2], reverse=True)


def test_a_copy_that_lost_its_number_joins_its_document_whichever_comes_first(store_url, tmp_path):
    """A photocopy whose number a receiving stamp's handwriting covered, stored with the original:
    one document, in either order, known by the number the original read (so a press report about
    it finds it), the original's facts shown. Another decision of the body that day stays apart."""
    born = decision("qd-01")
    lost = decision("qd-01.photocopy", ocr=0.9, number=None)
    other = decision("qd-02", number="1588/QĐ-UBND", people=({**KHAI, "person": "Lò Văn Pấng"},))
    lost_other = decision("qd-02.photocopy", ocr=0.9, number=None, people=({**KHAI, "person": "Lò Văn Pấng"},))
    for order, url in (((born, lost), store_url), ((lost, born), f"sqlite:///{tmp_path / 'reverse.sqlite'}")):
        with open_store(url) as store:
            ids = save(store, *order, other, lost_other)
            assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2] and store.count() == 2
            assert store.documents([ids[0]])[0].key == "doc:1587/qd-ubnd|2025-08-28"
            assert store.get_by_id(ids[0]) == born
            assert [f.file_name for f in store.files(ids[0])] == ["qd-01.pdf", "qd-01.photocopy.pdf"]


def test_a_document_keeps_one_brief_when_a_better_copy_arrives(sqlite_url, tmp_path):
    """A clerk found two briefs of one decision in the output folder: the photocopy's, written
    when it was the document's only file, and the original's, written when it arrived. The brief
    is the document's: named after its best file now, the earlier one gone; another document's
    brief stays."""
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.pipeline import document_brief

    born, lost = decision("qd-01"), decision("qd-01.photocopy", ocr=0.9, number=None)
    other = decision("qd-02", number="1588/QĐ-UBND", people=({**KHAI, "person": "Lò Văn Pấng"},))
    briefs = BriefWriter(tmp_path / "out", "md")
    with open_store(sqlite_url) as store:
        written = []
        for record in (lost, other, born):
            save(store, record)
            written.append(document_brief(store, briefs, record.source.sha256, record))
        assert written[0] != written[2] and not written[0].exists()
        assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([written[1].name, written[2].name])
        assert "qd-01.photocopy.pdf" in written[2].read_text("utf-8")  # the brief names the other file


def test_a_file_stored_meanwhile_is_not_replaced_when_asked_not_to(store_url):
    """The same file read by two workers at once: the second save, `replace=False`, leaves the
    first reading as it is and says so (None), inside the one transaction, on either database."""
    first = make_record("qd-01")
    second = make_record("qd-01")
    second.source.file_name = "qd-01 (gửi lại).pdf"
    second.document.subject = "Về việc khác"
    with open_store(store_url) as store:
        doc_id = store.save(first, page_texts=page_text_for(first), extractor_version="t")
        assert store.save(second, page_texts=page_text_for(second), extractor_version="t", replace=False) is None
        kept = store.get(first.source.sha256)
        assert (kept.source.file_name, kept.document.subject) == (first.source.file_name, first.document.subject)
        assert store.count_files() == 1 and [r.status for r in store.history()] == ["created"]
        # asked to replace (a reprocess), it does
        assert store.save(second, page_texts=page_text_for(second), extractor_version="t") == doc_id
        assert store.get(first.source.sha256).document.subject == "Về việc khác"


def test_a_document_with_no_number_is_found_by_its_files_name(store_url):
    """A summary lists a document whose number was not read by its file's name; `show` and
    `brief` find it by that name (a tester: 'no stored document matches')."""
    lost = make_record("QD 04 bản chụp", number=None)
    with open_store(store_url) as store:
        doc_id = store.save(lost, page_texts=page_text_for(lost), extractor_version="t")
        assert store.find_ids("QD 04 bản chụp.pdf") == [doc_id]
        assert store.find_ids("QD 04 ban chup.pdf") == []  # a name is matched as it is stored
        assert store.get("QD 04 bản chụp.pdf").source.file_name == "QD 04 bản chụp.pdf"


def test_a_communes_own_unit_is_found_by_the_communes_name(store_url, tmp_path):
    """`search --commune "Mường Khoa"` finds xã Mường Khoa's decision moving a clerk to its
    `Trung tâm Phục vụ hành chính công xã` (a reviewer's: the unit's own words name no commune)."""
    from pathlib import Path

    from dispatch_reader.pipeline import extract_file
    from dispatch_reader.store import Filters

    record = extract_file(Path(__file__).resolve().parents[1] / "samples" / "qd-dieu-dong-xa-01.pdf")
    assert record.secondments[0].to_place.match == "own"
    with open_store(store_url) as store:
        doc_id = store.save(record, page_texts=["x"] * record.source.page_count, extractor_version="t")
        assert store.document_ids(Filters.make(commune="Muong Khoa")) == [doc_id]
        assert store.document_ids(Filters.make(commune="Tân Phong")) == []
