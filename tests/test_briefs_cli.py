"""`dispatch-reader brief` and `summary` over a real (temporary) store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefs_fixtures import make, sample_with_people
from dispatch_reader.cli import app
from dispatch_reader.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    records = [
        make("qd-10", number="10/QĐ-UBND", issued="2025-08-04", secondments=[
            {"person": "Nguyễn Văn Khải", "from_unit": "Sở Tài chính", "to_unit": "Ủy ban nhân dân xã Tân Phong",
             "start": "2025-09-03", "end": "2025-11-03"},
            {"person": "Lò Thị Hoa", "from_unit": "Sở Y tế", "to_unit": "Ủy ban nhân dân phường Tô Hiệu",
             "start": "2025-09-03", "end": "2025-11-03"}],
            references=[{"number": "215/KH-UBND", "doc_type": "plan"}]),
        make("cv-11", number="11/UBND-NC", doc_type="official_dispatch", issued="2025-10-02", secondments=[
            {"kind": "reinforcement", "count": 7, "from_unit": "Sở Nội vụ", "to_unit": "Ủy ban nhân dân xã Tân Phong",
             "start": "2025-10-10", "end": "2026-01-10"}]),
        make("qd-12", number="12/QĐ-UBND", issued="2025-12-01", secondments=[
            {"person": "Vàng Seo Chứ", "from_unit": "Sở Xây dựng", "to_unit": "Ủy ban nhân dân xã Sín Chải"}]),
    ]
    with open_store(url) as store:
        for r in records:
            store.save(r, page_texts=["trang 1"] * r.source.page_count, extractor_version="test")
    return url


def test_brief_by_number_writes_the_file_asked_for(db: str, tmp_path: Path) -> None:
    target = tmp_path / "b" / "qd10.md"
    result = runner.invoke(app, ["brief", "10/QĐ-UBND", "--format", "md", "--out", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    assert "Nguyễn Văn Khải" in text and "Lò Thị Hoa" in text and "10/QĐ-UBND" in text


def test_brief_to_stdout_in_english(db: str) -> None:
    result = runner.invoke(app, ["brief", "11/UBND-NC", "--format", "md", "--lang", "en", "--out", "-", "--db", db])
    assert result.exit_code == 0, result.output
    assert "sends as reinforcement 7 people to xã Tân Phong" in result.stdout
    assert "from October 10, 2025 to January 10, 2026" in result.stdout


def test_brief_of_a_record_json_needs_no_store(tmp_path: Path) -> None:
    record = sample_with_people(2)
    path = tmp_path / "r.json"
    path.write_text(record.to_json(), "utf-8")
    result = runner.invoke(app, ["brief", str(path), "--format", "docx", "--out", str(tmp_path / "r.docx")])
    assert result.exit_code == 0, result.output
    import docx

    cells = [c.text for t in docx.Document(str(tmp_path / "r.docx")).tables for row in t.rows for c in row.cells]
    assert any(c.startswith(record.secondments[0].person) for c in cells)


def test_brief_errors_are_one_line(db: str, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["brief", "999/QĐ-UBND", "--db", db])
    assert missing.exit_code == 10  # not found (README "Exit codes"), as show
    assert missing.output.strip().splitlines() == [missing.output.strip()]
    assert "999/QĐ-UBND" in missing.output and "no such document" in missing.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    broken = runner.invoke(app, ["brief", str(bad)])
    assert broken.exit_code == 2 and "not a record JSON file" in broken.output
    wrong = runner.invoke(app, ["brief", "10/QĐ-UBND", "--format", "rtf", "--db", db])
    assert wrong.exit_code == 2 and "rtf" in wrong.output


def test_summary_selection_and_totals(db: str, tmp_path: Path) -> None:
    out = tmp_path / "s.md"
    result = runner.invoke(app, ["summary", "--from", "1/8/2025", "--to", "2025-10-31", "--commune", "Tan Phong",
                                 "--format", "md", "--out", str(out), "--today", "2025-10-25", "--db", db])
    assert result.exit_code == 0, result.output
    md = out.read_text("utf-8")
    assert "Tổng số người được cử: **8**" in md  # 1 named + 7 counted, both to Tân Phong; Sín Chải is out of range
    assert "| xã Tân Phong | 8 |" in md
    assert "Tô Hiệu" not in md.split("## Văn bản nguồn")[0]
    assert "Kế hoạch số 215/KH-UBND" in md  # cited, not in the archive
    assert "Nguyễn Văn Khải" in md.split("## Hết thời hạn")[1]  # ends 03/11/2025, within 30 days of 25/10


def test_summary_rejects_a_bad_date(db: str) -> None:
    result = runner.invoke(app, ["summary", "--from", "31/31/2025", "--db", db])
    assert result.exit_code == 2 and "not a date" in result.output


def test_binary_formats_cannot_go_to_stdout(db: str) -> None:
    result = runner.invoke(app, ["summary", "--format", "docx", "--out", "-", "--db", db])
    assert result.exit_code == 2 and "standard output" in result.output


def test_summary_says_how_many_documents_it_counts(db: str, tmp_path: Path) -> None:
    """A press report about a stored decision is a document of its own in the store, but the
    summary counts it with the decision: the line `summary` prints said one more document than
    the summary it wrote (a tester's find)."""
    report = make("press-10", number="10/QĐ-UBND", issued="2025-08-04", language="en", subject="Province sends staff")
    report.document.place = None
    with open_store(db) as store:
        store.save(report, page_texts=["Province sends two officials to communes"], extractor_version="test")
        assert store.count() == 4
    out = tmp_path / "s.md"
    result = runner.invoke(app, ["summary", "--format", "md", "--out", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "Số văn bản: **3**" in out.read_text("utf-8")
    assert "(3 documents, 4 files)" in result.output


def test_a_reports_better_copy_rewrites_the_brief_of_the_document_it_is_about(tmp_path: Path) -> None:
    """The brief of 1418/UBND-NC names the press report about it by the report's best file; a
    tester found it still naming the report's photocopy (OCR 69%) after its phone photo (94%)
    was stored, until `brief` was run again by hand."""
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.pipeline import document_brief

    decision = make("cv-1418", number="1418/UBND-NC", doc_type="official_dispatch", issued="2025-10-21")
    worse = make("press-copy", number="1418/UBND-NC", issued="2025-10-21", language="en", subject="Staff for communes",
                 doc_type="official_dispatch", pages=[("ocr", 0.69)])
    better = make("press-photo", number="1418/UBND-NC", issued="2025-10-21", language="en", subject="Staff for communes",
                  doc_type="official_dispatch", pages=[("ocr", 0.94)])
    for r in (worse, better):
        r.document.place = None  # a press report states no place line
    briefs = BriefWriter(tmp_path / "out", fmt="md")
    with open_store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        for r in (decision, worse):
            store.save(r, page_texts=["x"], extractor_version="t")
            document_brief(store, briefs, r.source.sha256, r)
        (own,) = [p for p in (tmp_path / "out").iterdir() if p.name.startswith("cv-1418")]
        assert "press-copy.pdf" in own.read_text("utf-8")
        store.save(better, page_texts=["x"], extractor_version="t")
        document_brief(store, briefs, better.source.sha256, better)
        text = own.read_text("utf-8")
        assert "press-photo.pdf" in text and "press-copy.pdf" not in text


def test_a_second_scan_is_named_another_copy_not_a_duplicate(tmp_path: Path) -> None:
    """A photocopy and a phone photo of one paper are two files: the brief's foot called the
    second `bản trùng` (a duplicate), which a clerk read as the same file stored twice."""
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.pipeline import document_brief

    photo = make("qd-10.phone", number="10/QĐ-UBND", pages=[("ocr", 0.94)])
    copy = make("qd-10.photocopy", number="10/QĐ-UBND", pages=[("ocr", 0.81)])
    with open_store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        for lang in ("vi", "en"):
            briefs = BriefWriter(tmp_path / lang, fmt="md", lang=lang)
            for r in (photo, copy):
                store.save(r, page_texts=["x"], extractor_version="t")
                path = document_brief(store, briefs, r.source.sha256, r)
            foot = path.read_text("utf-8").split("---")[-1]
            assert ("qd-10.photocopy.pdf (bản sao khác" if lang == "vi" else "qd-10.photocopy.pdf (another copy") in foot
            assert "trùng" not in foot and "duplicate" not in foot
