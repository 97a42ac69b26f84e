"""Briefs as a reader gets them: the rendered HTML, Markdown, DOCX and PDF hold the right facts."""

from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from briefs_fixtures import have, make, sample_records, sample_with_people
from dispatch_reader.briefs.document import heads
from dispatch_reader.briefs.formatting import format_date
from dispatch_reader.briefs.labels import labels
from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.briefs.summary import summary_context
from dispatch_reader.errors import InputFileError, TemplateError

TODAY = date(2025, 10, 20)


def writer(tmp_path: Path, fmt: str = "html", lang: str = "vi", templates: Path | None = None) -> BriefWriter:
    return BriefWriter(tmp_path / "out", fmt=fmt, lang=lang, templates=templates, today=TODAY)


def visible_text(markup: str) -> str:
    """Text a reader sees in an HTML brief, white space collapsed."""
    markup = re.sub(r"<style.*?</style>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


# -- HTML -------------------------------------------------------------------------------------

def test_html_document_brief_holds_the_facts_with_their_pages(tmp_path: Path) -> None:
    record = sample_with_people(2)
    text = visible_text(writer(tmp_path).document(record).read_text("utf-8"))
    d = record.document
    for fact in (d.number, d.issuer, d.signer.name if d.signer else None):
        if fact:
            assert fact in text
    assert format_date(d.issued_date, "vi") in text
    for s in record.secondments:
        assert s.person in text
        assert f"tr. {s.evidence.page}" in text
    assert f"Tổng cộng: {sum(heads(s.__dict__) for s in record.secondments)} người" in text
    for ref in record.references:
        assert ref.number in text


def test_html_is_nfc_self_contained_and_escaped(tmp_path: Path) -> None:
    nasty = "<b>Lò</b> & Văn \"Pấng\""
    record = make("nasty", subject=unicodedata.normalize("NFD", "Về việc biệt phái"),
                  secondments=[{"person": nasty, "to_unit": "xã Mường Khoa"}])
    record.document.subject = unicodedata.normalize("NFC", record.document.subject)
    page = writer(tmp_path).document(record).read_text("utf-8")
    assert "<b>Lò</b>" not in page and "&lt;b&gt;Lò&lt;/b&gt;" in page
    assert unicodedata.is_normalized("NFC", page)
    assert not re.search(r"""(src|href)=["']?(https?:|//|file:)""", page)  # nothing fetched when printed


def test_english_brief_uses_english_labels_and_dates(tmp_path: Path) -> None:
    record = sample_with_people(2)
    text = visible_text(writer(tmp_path, lang="en").document(record).read_text("utf-8"))
    verb = labels("en")["verbs"][record.secondments[0].kind]
    assert "Document brief" in text and "What it does" in text and f" {verb} " in text
    start = next(s.start for s in record.secondments if s.start)
    assert format_date(start, "en") in text
    assert "Tóm tắt văn bản" not in text


def test_summary_html_totals_and_chart_follow_the_records(tmp_path: Path) -> None:
    records = sample_records()
    ctx = summary_context([r.to_dict() for r in records], "vi", today=TODAY)
    page = writer(tmp_path).summary(records).read_text("utf-8")
    text = visible_text(page)
    assert re.search(rf"\b{ctx['total_people']}\s+Tổng số người được cử", text.replace(".", ""))
    svg = re.search(r"<svg class=\"chart\".*?</svg>", page, flags=re.S).group(0)
    bars = [float(w) for w in re.findall(r'<rect[^>]*width="([0-9.]+)"', svg)]
    assert len(bars) == len(ctx["by_commune"])
    people = [row["people"] for row in ctx["by_commune"]]
    for width, n in zip(bars, people):  # bars are proportional to the people they stand for
        assert width / bars[0] == pytest.approx(n / people[0], abs=0.01)
    for doc in ctx["documents"]:
        if doc["document"]["number"]:
            assert doc["document"]["number"] in text


def test_second_run_writes_nothing(tmp_path: Path) -> None:
    record = sample_with_people(1)
    for fmt in ("html", "md", "docx"):
        w = writer(tmp_path, fmt)
        path = w.document(record)
        before = path.stat().st_mtime_ns
        path.touch()
        touched = path.stat().st_mtime_ns
        assert w.document(record) == path
        assert path.stat().st_mtime_ns == touched, fmt  # same bytes: not rewritten
        assert touched >= before


def test_a_document_brief_does_not_change_with_the_day(tmp_path: Path) -> None:
    record = sample_with_people(1)
    for fmt in ("html", "md", "docx"):
        monday = BriefWriter(tmp_path, fmt, today=date(2025, 10, 20)).document_bytes(record)
        later = BriefWriter(tmp_path, fmt, today=date(2026, 1, 5)).document_bytes(record)
        assert monday == later, fmt  # so `process` run again next week rewrites no brief


# -- Markdown ---------------------------------------------------------------------------------

def test_markdown_tables_survive_pipes_and_stars(tmp_path: Path) -> None:
    record = make("md", secondments=[
        {"person": "Nguyễn Văn *Khải*", "to_unit": "xã Tân Phong | Hạ", "position": "Đất đai"},
        {"person": "Trần Thị Hương", "to_unit": "phường Tô Hiệu"}])
    md = writer(tmp_path, "md").document(record).read_text("utf-8")
    rows = [line for line in md.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == 2
    cells = re.split(r"(?<!\\)\|", rows[0])[1:-1]
    assert len(cells) == 8  # the escaped pipe did not open a new cell
    assert r"Nguyễn Văn \*Khải\*" in rows[0]


def test_markdown_summary_lists_each_breakdown_with_its_total(tmp_path: Path) -> None:
    records = sample_records()
    ctx = summary_context([r.to_dict() for r in records], "en", today=TODAY)
    md = writer(tmp_path, "md", "en").summary(records).read_text("utf-8")
    total = f"{ctx['total_people']:,}"
    assert f"People sent in total: **{total}**" in md
    assert md.count(f"| **Total** | **{total}** |") == 4  # commune, sender, field, month


# -- DOCX -------------------------------------------------------------------------------------

def _docx_tables(path: Path) -> list[list[list[str]]]:
    import docx

    document = docx.Document(str(path))
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def test_docx_document_brief_holds_the_secondments_table(tmp_path: Path) -> None:
    record = sample_with_people(2)
    tables = _docx_tables(writer(tmp_path, "docx").document(record))
    people_table = next(t for t in tables if t[0][1] == "Họ và tên")
    names = [row[1] for row in people_table[1:-1]]
    assert len(names) == len(record.secondments)
    for s, name in zip(record.secondments, names):
        assert name.startswith(s.person)
    assert people_table[-1][1] == f"Tổng cộng: {len(record.secondments)} người"
    header = {row[0]: row[1] for row in tables[0]}
    assert header["Số, ký hiệu"] == record.document.number
    assert record.document.signer.name in header["Người ký"]


def test_docx_summary_rows_add_up(tmp_path: Path) -> None:
    records = sample_records()
    ctx = summary_context([r.to_dict() for r in records], "vi", today=TODAY)
    tables = _docx_tables(writer(tmp_path, "docx").summary(records))
    commune = next(t for t in tables if t[0][0] == "Nơi đến")
    body = commune[1:-1]
    assert [row[0] for row in body] == [row["label"] for row in ctx["by_commune"]]
    assert sum(int(row[1].replace(".", "")) for row in body) == ctx["total_people"]
    assert commune[-1][1].replace(".", "") == str(ctx["total_people"])


# -- PDF --------------------------------------------------------------------------------------

def _weasyprint_ok() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_pdf = pytest.mark.skipif(not (_weasyprint_ok() and have("pdftotext") and have("pdffonts")),
                               reason="WeasyPrint (with Pango) or poppler-utils missing")


@needs_pdf
def test_pdf_brief_reads_back_in_one_font_with_every_letter(tmp_path: Path) -> None:
    record = sample_with_people(2)
    pdf = writer(tmp_path, "pdf").document(record)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # table cells wrap names over lines: compare without white space
    text = "".join(unicodedata.normalize("NFC", text).split())
    for s in record.secondments:
        assert "".join(s.person.split()) in text
    assert record.document.number in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    families = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]).split("-")[0] for line in fonts}
    # a glyph missing from Noto Serif would pull in a fallback font; none may appear
    assert families == {"Noto"} or families == {"DejaVuSerif"}, families


@needs_pdf
def test_pdf_summary_has_the_totals(tmp_path: Path) -> None:
    records = sample_records()
    ctx = summary_context([r.to_dict() for r in records], "vi", today=TODAY)
    pdf = writer(tmp_path, "pdf").summary(records)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert f"{ctx['total_people']:,}".replace(",", ".") in text
    assert "BÁO CÁO TỔNG HỢP" in unicodedata.normalize("NFC", text)


# -- templates are the users' -----------------------------------------------------------------

def test_a_user_template_overrides_the_packaged_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "document.md.j2").write_text(
        "{{ d.number }} — {% for s in secondments %}{{ s.who }} → {{ s.destination }} ({{ L.page }} {{ s.page }}); "
        "{% endfor %}{{ total_people }}\n", "utf-8")
    (mine / "document.html.j2").write_text(
        '{% extends "default/document.html.j2" %}{% block band %}PHÒNG NỘI VỤ — BẢN ĐỌC NHANH{% endblock %}', "utf-8")
    record = sample_with_people(2)
    md = writer(tmp_path, "md", templates=mine).document(record).read_text("utf-8")
    first = record.secondments[0]
    assert md.startswith(record.document.number)
    assert f"{first.person} → " in md and md.strip().endswith(str(len(record.secondments)))
    page = writer(tmp_path, "html", templates=mine).document(record).read_text("utf-8")
    assert "PHÒNG NỘI VỤ — BẢN ĐỌC NHANH" in page and first.person in page  # the packaged body is kept


def test_template_errors_name_the_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "document.md.j2").write_text("line one\n{% for s in secondments %}\n{{ s.who }\n", "utf-8")
    with pytest.raises(TemplateError) as syntax:
        writer(tmp_path, "md", templates=mine).document(sample_with_people(1))
    assert str(syntax.value).startswith(str(mine / "document.md.j2")) and "line 3" in str(syntax.value)

    (mine / "document.md.j2").write_text("ok\n\n{{ d.no_such_field.upper() }}\n", "utf-8")
    with pytest.raises(TemplateError) as runtime:
        writer(tmp_path, "md", templates=mine).document(sample_with_people(1))
    assert str(runtime.value).startswith(str(mine / "document.md.j2") + ": line 3")
    assert "\n" not in str(runtime.value)


def test_user_templates_run_in_the_sandbox(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "document.md.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", "utf-8")
    with pytest.raises(TemplateError) as err:
        writer(tmp_path, "md", templates=mine).document(sample_with_people(1))
    assert "unsafe" in str(err.value) and "document.md.j2: line 1" in str(err.value)


def test_a_broken_docx_template_names_the_file(tmp_path: Path) -> None:
    import docx

    mine = tmp_path / "mine"
    mine.mkdir()
    document = docx.Document()
    document.add_paragraph("{{ d.number }} {{ nothing_here.at_all }}")
    document.save(str(mine / "document.docx"))
    with pytest.raises(TemplateError) as err:
        writer(tmp_path, "docx", templates=mine).document(sample_with_people(1))
    assert str(err.value).startswith(str(mine / "document.docx")) and "nothing_here" in str(err.value)


def test_missing_templates_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as err:
        writer(tmp_path, templates=tmp_path / "nowhere")
    assert str(err.value) == f"{tmp_path / 'nowhere'}: templates folder not found"


def test_unknown_format_or_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="unknown brief format 'rtf'"):
        BriefWriter(tmp_path, fmt="rtf")
    with pytest.raises(TemplateError, match="unknown brief language 'fr'"):
        BriefWriter(tmp_path, lang="fr")


@pytest.mark.parametrize("fmt", ["html", "md", "docx"])
def test_an_empty_selection_still_gives_a_readable_summary(tmp_path: Path, fmt: str) -> None:
    path = writer(tmp_path, fmt).summary([])
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    else:
        text = visible_text(path.read_text("utf-8"))
    # the HTML figure box puts the number above its label; the others write "label: number"
    pattern = r"\b0\s+Tổng số người được cử" if fmt == "html" else r"Tổng số người được cử\W+0\b"
    assert re.search(pattern, text), text[:300]


def test_lead_sentence_template_can_be_reworded(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "lead.txt.j2").write_text("{{ people }} → {{ places | join(' / ') }}", "utf-8")
    record = make("lead", secondments=[{"person": "A", "to_unit": "xã Pa Tần"}, {"person": "B", "to_unit": "xã Tả Phìn"}])
    md = writer(tmp_path, "md", templates=mine).document(record).read_text("utf-8")
    assert "**Nội dung chính:** 2 người → xã Pa Tần / xã Tả Phìn" in md
