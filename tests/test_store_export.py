"""Exports: CSV with BOM that reads back to the stored values, JSON that rebuilds the records, XLSX."""

from __future__ import annotations

import csv
import io
import json

import pytest

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.record import Record
from dispatch_reader.store import FilterError, Filters, open_store


@pytest.fixture
def store(store_url):
    records = [
        make_record("a", number="15/QĐ-UBND", issued="2025-08-04", pages=2,
                    people=[("Nguyễn Thị Chuyên", "Sở Nội vụ"), ("Lò Thông Nhất", "Sở Y tế")],
                    secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng",
                                  "start": "2025-09-03", "end": "2025-11-03", "duration_months": 2.0},
                                 {"person": "Lò Thông Nhất", "from_unit": "Sở Y tế", "to_unit": "xã Sìn Hồ",
                                  "position": "y tế"}],
                    counts=[(28, "vị trí"), (9939, "công chức, viên chức")]),
        make_record("b", number="1335/UBND-NC", doc_type="official_dispatch", issued="2025-09-20",
                    subject='V/v "tăng cường", nhân lực; xã\nphường', people=[],
                    secondments=[{"count": 12, "from_unit": "các sở, ngành", "to_unit": "các xã", "kind": "reinforcement"}],
                    counts=[(12, "người")]),
    ]
    with open_store(store_url) as s:
        for r in records:
            s.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        yield s


def _csv(store, what, filters=None) -> tuple[bytes, list[dict[str, str]]]:
    buf = io.StringIO()
    store.export(what, "csv", None, filters, stdout=buf)
    return buf.getvalue().encode("utf-8"), list(csv.DictReader(io.StringIO(buf.getvalue())))


def _as_csv_value(v) -> str:
    if v is None:
        return ""
    return v.isoformat() if hasattr(v, "isoformat") else str(v)


@pytest.mark.parametrize("what", ["documents", "secondments", "people", "counts"])
def test_csv_round_trip(store, what, tmp_path):
    path = tmp_path / f"{what}.csv"
    n = store.export(what, "csv", path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    expected = store.export_rows(what)
    assert n == len(rows) == len(expected) > 0
    for got, want in zip(rows, expected):
        assert got == {k: _as_csv_value(want.get(k)) for k in got}


def test_csv_keeps_vietnamese_and_awkward_text(store, tmp_path):
    path = tmp_path / "d.csv"
    store.export("documents", "csv", path)
    text = path.read_text("utf-8-sig")
    assert "Ủy ban nhân dân tỉnh Lai Châu" in text
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert 'V/v "tăng cường", nhân lực; xã\nphường' in [r["subject"] for r in rows]


def test_json_documents_rebuild_the_records(store, tmp_path):
    path = tmp_path / "d.json"
    store.export("documents", "json", path)
    items = json.loads(path.read_text("utf-8"))
    assert [i["number"] for i in items] == ["1335/UBND-NC", "15/QĐ-UBND"]
    for item in items:
        assert Record.from_dict(item["record"]) == store.get(item["id"])
    assert items[1]["ocr_pages"] == 1 and items[1]["min_ocr_confidence"] == pytest.approx(0.87)


def test_json_facts_round_trip(store):
    buf = io.StringIO()
    store.export("secondments", "json", None, stdout=buf)
    items = json.loads(buf.getvalue())
    want = store.export_rows("secondments")
    assert [{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in w.items()} for w in want] == items


def test_xlsx_round_trip(store, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "s.xlsx"
    assert store.export("secondments", "xlsx", path) == 3
    ws = load_workbook(path, read_only=True)["secondments"]
    rows = list(ws.values)
    header, body = rows[0], rows[1:]
    got = [dict(zip(header, r)) for r in body]
    want = store.export_rows("secondments")
    assert [g["person"] for g in got] == [w["person"] for w in want]
    assert [g["to_unit"] for g in got] == ["các xã", "xã Tủa Thàng", "xã Sìn Hồ"]
    assert got[1]["start"].date().isoformat() == "2025-09-03"
    assert got[0]["count"] == 12


def test_filters_restrict_fact_rows(store):
    _raw, rows = _csv(store, "secondments", Filters(commune="Tủa Thàng"))
    assert [r["to_unit"] for r in rows] == ["xã Tủa Thàng"]
    _raw, rows = _csv(store, "people", Filters(person="lo thong nhat"))
    assert [r["name"] for r in rows] == ["Lò Thông Nhất"]
    _raw, rows = _csv(store, "counts", Filters(doc_type="official_dispatch"))
    assert [(r["value"], r["what"]) for r in rows] == [("12", "người")]
    _raw, rows = _csv(store, "documents", Filters(date_to="2025-08-31"))
    assert [r["number"] for r in rows] == ["15/QĐ-UBND"]


def test_export_to_unwritable_place_and_bad_arguments(store, tmp_path):
    from dispatch_reader.errors import StoreError

    with pytest.raises(StoreError):
        store.export("documents", "csv", tmp_path / "missing-folder" / "x.csv")
    with pytest.raises(FilterError):
        store.export("documents", "xlsx", None)
    with pytest.raises(FilterError):
        store.export("parcels", "csv", tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_documents_export_names_the_header_facts_to_check(store_url):
    """Issue 11, point 3: a header fact read below the confidence line is marked in the export,
    not only in the page's mean confidence."""
    from dispatch_reader.record import Evidence, Signer

    record = make_record("c", number="61/QĐ-SNV", issued="2025-09-08")
    record.document.signer = Signer(name="Bùi Văn Hải")
    record.document.evidence["signer"] = Evidence(page=1, quote="Bui Van Hải", confidence=0.48)
    record.document.evidence["number"].confidence = 0.93
    with open_store(store_url) as s:
        s.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        [row] = s.export_rows("documents")
        assert row["needs_check"] == "signer"
        buf = io.StringIO()
        s.export("documents", "csv", None, None, stdout=buf, lang="vi")
        [vi] = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert vi["Cần kiểm tra"] == "người ký"


def test_the_export_marks_what_the_brief_marks(store_url):
    """A clerk found the brief, the terminal and the export marking different facts: a number
    its warning names (a stamp's ink across its figures) is to check in all three."""
    from dispatch_reader.briefs.document import header_rows

    record = make_record("c", number="61/QĐ-SNV", issued="2025-09-08")
    record.document.evidence["number"].confidence = 0.93
    record.warnings.append("document number 61/QĐ-SNV read where a stamp's, a seal's or a signature's ink crossed "
                           "its figures on page 1: they may be misread; check the page")
    briefed = {h["field"] for h in header_rows(record.to_dict(), "en") if h["needs_check"] and h["value"]}
    assert briefed == {"number"}
    with open_store(store_url) as s:
        s.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        [row] = s.export_rows("documents")
        assert row["needs_check"] == "number"


def test_an_exported_file_has_the_modes_of_any_file_written(store, tmp_path):
    import os
    import stat

    path = tmp_path / "docs.csv"
    store.export("documents", "csv", path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_csv_for_people_writes_whole_months_without_a_decimal(store):
    buf = io.StringIO()
    store.export("secondments", "csv", None, None, stdout=buf, lang="vi")
    months = [r["Thời hạn (tháng)"] for r in csv.DictReader(io.StringIO(buf.getvalue())) if r["Thời hạn (tháng)"]]
    assert months == ["2"]
    raw = io.StringIO()
    store.export("secondments", "csv", None, None, stdout=raw, raw=True)
    assert [r["duration_months"] for r in csv.DictReader(io.StringIO(raw.getvalue())) if r["duration_months"]] == ["2.0"]


def test_a_doubtful_place_is_still_named_in_the_export(store_url):
    """The place has no row of its own in a brief (it goes with the date): read below the line,
    the export still names it (a reviewer found it dropped)."""
    from dispatch_reader.record import Evidence

    record = make_record("c", number="61/QĐ-SNV", issued="2025-09-08")
    record.document.place = "Lai Châu"
    record.document.evidence["place"] = Evidence(page=1, quote="Lai Chau", confidence=0.5)
    with open_store(store_url) as s:
        s.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        [row] = s.export_rows("documents")
        assert "place" in row["needs_check"]


def test_the_documents_export_has_the_receiving_stamp_and_names_a_consolidated_text(store_url, tmp_path):
    """A clerk's register of incoming paper needs each copy's received number and date (the
    tester found them in the brief, not the export); and a consolidated text's type is named
    as the brief names it (`Văn bản hợp nhất`, not `Văn bản`)."""
    from openpyxl import load_workbook

    from dispatch_reader.record import Evidence, Received

    stamped = make_record("r", number="1587/QĐ-UBND", issued="2025-08-25")
    stamped.document.received = Received(evidence=Evidence(page=1, quote="CÔNG VĂN ĐẾN / 4797 / 29/8/2025",
                                                           confidence=0.5), number="4797", date="2025-08-29")
    vbhn = make_record("v", number="16/VBHN-BTC", doc_type="other", issued="2020-03-06", people=[], secondments=[])
    vbhn.document.doc_type_label = "Văn bản hợp nhất"
    with open_store(store_url) as s:
        for r in (stamped, vbhn):
            s.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        rows = {r["number"]: r for r in s.export_rows("documents")}
        assert (rows["1587/QĐ-UBND"]["received_number"], rows["1587/QĐ-UBND"]["received_date"].isoformat()) == \
            ("4797", "2025-08-29")
        assert rows["16/VBHN-BTC"]["received_number"] is None
        buf = io.StringIO()
        s.export("documents", "csv", None, None, stdout=buf, lang="vi")
        vi = {r["Số, ký hiệu"]: r for r in csv.DictReader(io.StringIO(buf.getvalue()))}
        assert (vi["1587/QĐ-UBND"]["Số đến"], vi["1587/QĐ-UBND"]["Ngày đến"]) == ("4797", "2025-08-29")
        assert vi["16/VBHN-BTC"]["Loại văn bản"] == "Văn bản hợp nhất"
        assert vi["1587/QĐ-UBND"]["Loại văn bản"] == "Quyết định"
        path = tmp_path / "d.xlsx"
        s.export("documents", "xlsx", path, lang="en")
    ws = load_workbook(path, read_only=True)["Documents"] if "Documents" in load_workbook(path).sheetnames \
        else load_workbook(path, read_only=True).worksheets[0]
    table = list(ws.values)
    got = [dict(zip(table[0], r)) for r in table[1:]]
    stamp = next(g for g in got if g["Number"] == "1587/QĐ-UBND")
    assert stamp["Received No."] == "4797" and stamp["Received on"].date().isoformat() == "2025-08-29"
    assert next(g for g in got if g["Number"] == "16/VBHN-BTC")["Type"] == "Consolidated text"


def test_a_decision_whose_list_lost_a_row_is_to_check_and_quotes_are_one_line(store_url):
    """A tester's spreadsheet: nothing to check of a decision naming 9 of the 10 it sends, and
    quotes broken over two lines of a cell as the page broke them."""
    record = make_record("c", number="245/QĐ-SNV", issued="2025-09-08", secondments=[
        {"person": "Lò Văn Pấng", "to_unit": "xã Mường Khoa", "quote": "biệt phái ông Lò Văn Pấng,\nchuyên viên"}])
    with open_store(store_url) as s:
        s.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        [row] = s.export_rows("documents")
        assert row["needs_check"] == ""
        [sent] = s.export_rows("secondments")
        assert sent["quote"] == "biệt phái ông Lò Văn Pấng, chuyên viên"
    short = make_record("d", number="246/QĐ-SNV", issued="2025-09-08")
    short.warnings.append("the document decides 10 công chức but only 1 are read by name: a row of its list may be "
                          "lost; check the list")
    with open_store(store_url) as s:
        s.save(short, page_texts=page_text_for(short), extractor_version="1.0")
        row = next(r for r in s.export_rows("documents") if r["number"] == "246/QĐ-SNV")
        assert row["needs_check"] == "secondments"
        buf = io.StringIO()
        s.export("documents", "csv", None, None, stdout=buf, lang="vi")
        vi = next(r for r in csv.DictReader(io.StringIO(buf.getvalue())) if r["Số, ký hiệu"] == "246/QĐ-SNV")
        assert vi["Cần kiểm tra"] == "dòng nhân sự"


def test_a_worded_export_writes_the_signers_title_as_the_brief_does(store_url):
    record = make_record("c", number="61/QĐ-SNV", issued="2025-09-08")
    with open_store(store_url) as s:
        s.save(record, page_texts=page_text_for(record), extractor_version="1.0")
        [raw] = s.export_rows("documents")
        assert raw["signer_title"] == "PHÓ CHỦ TỊCH"  # as printed, for a script
        buf = io.StringIO()
        s.export("documents", "csv", None, None, stdout=buf, lang="vi")
        [vi] = list(csv.DictReader(io.StringIO(buf.getvalue())))
        assert vi["Chức vụ người ký"] == "Phó Chủ tịch"
