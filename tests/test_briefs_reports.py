"""What a document's brief calls its people section (sent, asked for, planned, reported), the
brief of a press report about a document (never read as the document itself), and the other
files `process` names at the foot of a brief (the same as `brief NUMBER`)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.record import Record
from dispatch_reader.store import open_store

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def truth(name: str) -> dict:
    return json.loads((SAMPLES / f"{name}.truth.json").read_text("utf-8"))


def writer(tmp: Path, fmt: str = "html", lang: str = "vi") -> BriefWriter:
    return BriefWriter(tmp, fmt, lang, today=date(2025, 12, 1))


def docx_text(data: bytes) -> str:
    import docx

    d = docx.Document(io.BytesIO(data))
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


@pytest.mark.parametrize("name, vi, en", [
    ("qd-biet-phai-01", "Nhân sự được cử", "People sent"),
    ("cv-tang-cuong-01", "Nhân sự đề nghị cử", "People asked for"),
    ("kh-tang-cuong-01", "Nhân sự theo kế hoạch", "People in the plan"),
    ("bc-nhan-su-01", "Nhân sự theo báo cáo", "People as reported"),
    ("qd-gia-han-01", "Nhân sự được gia hạn", "Sendings extended"),
])
def test_the_people_section_says_what_it_holds(tmp_path: Path, name: str, vi: str, en: str) -> None:
    record = truth(name)
    for lang, heading in (("vi", vi), ("en", en)):
        html = writer(tmp_path, "html", lang).document_bytes(record).decode()
        assert f"{heading}</h2>" in html, html[html.find("<h2"):][:300]
        md = writer(tmp_path, "md", lang).document_bytes(record).decode()
        assert f"\n## {heading}\n" in md
        assert heading in docx_text(writer(tmp_path, "docx", lang).document_bytes(record)).split("\n")
    if name != "qd-biet-phai-01":
        # a request, a plan, a report or an extension is no "people sent" section
        html = writer(tmp_path, "html", "vi").document_bytes(record).decode()
        assert "Nhân sự được cử</h2>" not in html
        assert "People sent</h2>" not in writer(tmp_path, "html", "en").document_bytes(record).decode()


def test_a_press_report_brief_says_it_is_one_and_counts_nobody(tmp_path: Path) -> None:
    record = truth("en-press-02")
    ctx = writer(tmp_path, "md", "vi").document_context(record)
    assert ctx["press"] and ctx["title"] == "Bài báo về Quyết định số 1587/QD-UBND"
    assert ctx["lead"].startswith("Bài báo về Quyết định số 1587/QD-UBND của People's Committee of Son La province: "
                                  "theo bài báo, quyết định này biệt phái 2 người")
    assert ctx["total_people"] == 0
    assert ctx["not_counted"] == [{"status": "reported", "label": "Theo báo cáo", "people": 2, "text": "2 người"}]
    assert all(s["status"] == "reported" and s["refers_to"] == "1587/QD-UBND" for s in ctx["secondments"])
    md = writer(tmp_path, "md", "vi").document_bytes(record).decode()
    assert md.startswith("# Tóm tắt văn bản: Bài báo về Quyết định số 1587/QD-UBND ngày 28/8/2025")
    assert "Tổng cộng" not in md and "## Nhân sự theo bài báo" in md
    assert "| Loại văn bản | Bài báo về Quyết định |" in md
    assert "Tệp này là bài báo (hoặc báo cáo) về Quyết định số 1587/QD-UBND" in md
    html = writer(tmp_path, "html", "vi").document_bytes(record).decode()
    assert "Tổng cộng" not in html and "Bài báo về Quyết định số 1587/QD-UBND" in html
    text = docx_text(writer(tmp_path, "docx", "vi").document_bytes(record))
    assert "Tổng cộng" not in text and "Nhân sự theo bài báo" in text and "theo bài báo, quyết định này" in text
    en = writer(tmp_path, "md", "en").document_bytes(record).decode()
    assert "Press report on Decision No. 1587/QD-UBND of People's Committee of Son La province: according to " \
           "the press report, the decision seconds 2 people" in en
    assert "Total:" not in en


def test_the_decision_itself_is_no_press_report(tmp_path: Path) -> None:
    ctx = writer(tmp_path, "md", "vi").document_context(truth("qd-biet-phai-01"))
    assert not ctx["press"] and ctx["total_people"] == 2 and ctx["title"] == "Quyết định số 1587/QĐ-UBND"
    # the store's word wins over the record's look: a translation the store joined to its document
    ctx = writer(tmp_path, "md", "vi").document_context(truth("en-press-02"), report=False)
    assert not ctx["press"] and ctx["total_people"] == 2


@pytest.fixture
def stored(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'records.sqlite3'}"
    with open_store(url) as store:
        for name in ("qd-biet-phai-01", "en-press-02"):
            store.save(Record.from_dict(truth(name)), page_texts=["trang 1"], extractor_version="test")
    return url


def test_process_briefs_name_the_press_reports_as_brief_does(stored: str, tmp_path: Path) -> None:
    from dispatch_reader.briefs.cli import _pick
    from dispatch_reader.pipeline import document_brief

    class Quiet:
        def print(self, *a: object, **k: object) -> None:
            pass

    briefs = writer(tmp_path / "out", "md", "vi")
    decision, press = truth("qd-biet-phai-01"), truth("en-press-02")
    with open_store(stored) as store:
        _record, others, report = _pick(store, "1587/QĐ-UBND", Quiet())
        assert [f["file_name"] for f in others] == ["en-press-02.pdf"] and not report
        path = document_brief(store, briefs, decision["source"]["sha256"], Record.from_dict(decision))
        text = path.read_text("utf-8")
        assert "en-press-02.pdf (bài báo, báo cáo về văn bản)" in text
        assert "Tổng cộng: 2 người" in text
        # the report's own brief, from `process`, is a press report's
        text = document_brief(store, briefs, press["source"]["sha256"], Record.from_dict(press)).read_text("utf-8")
        assert text.startswith("# Tóm tắt văn bản: Bài báo về Quyết định số 1587/QD-UBND")
        assert "Tổng cộng" not in text


def test_brief_of_a_stored_press_file_is_a_press_report(stored: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dispatch_reader.cli import app

    # a file given by path: the store's role decides, even if the record alone would not tell
    press = tmp_path / "press.pdf"
    press.write_bytes((SAMPLES / "en-press-02.pdf").read_bytes())
    result = CliRunner().invoke(app, ["brief", str(press), "--format", "md", "--out", "-", "--db", stored])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Tóm tắt văn bản: Bài báo về Quyết định số 1587/QD-UBND")
    result = CliRunner().invoke(app, ["brief", "1587/QĐ-UBND", "--format", "md", "--out", "-", "--db", stored])
    assert result.exit_code == 0, result.output
    assert "en-press-02.pdf (bài báo, báo cáo về văn bản)" in result.stdout and "Tổng cộng: 2 người" in result.stdout
