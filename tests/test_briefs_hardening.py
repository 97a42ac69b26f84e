"""Briefs under hostile templates, full disks and clashing file names (issue 13: 3, 9, 10, 19)."""

from __future__ import annotations

import http.server
import threading
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from briefs_fixtures import make
from dispatch_reader.briefs.render import BriefWriter

TODAY = date(2025, 10, 20)


def _weasyprint_ok() -> bool:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


needs_pdf = pytest.mark.skipif(not _weasyprint_ok(), reason="WeasyPrint (with Pango) missing")


# -- 3: a PDF brief reads only the templates' own files ---------------------------------------

@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A local HTTP server that notes every request it gets."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], seen
    server.shutdown()
    server.server_close()


def _pdf_payloads(path: Path) -> tuple[dict[str, bytes], bytes]:
    """(attachments by name, every stream of the PDF decoded and joined)."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        attached = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
        streams = b"".join(obj.read_bytes() for obj in pdf.objects
                           if isinstance(obj, pikepdf.Stream))
    return attached, streams


@needs_pdf
def test_pdf_template_cannot_embed_outside_files_or_reach_the_network(tmp_path: Path, listener) -> None:
    port, seen = listener
    secret = tmp_path / "secret.txt"  # stands for /etc/passwd, with a marker no font table holds
    secret.write_text("root:x:0:0:SECRET-MARKER-7f3a\n", "utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "own-note.txt").write_text("OWN-NOTE-MARKER-91c2\n", "utf-8")  # the folder's own file
    (templates / "escape.txt").symlink_to(secret)  # a link inside the folder pointing out of it
    (templates / "document.html.j2").write_text(
        '{% extends "default/document.html.j2" %}{% block body %}{{ super() }}'
        '<link rel="attachment" href="file:///etc/passwd">'
        f'<link rel="attachment" href="{secret.as_uri()}">'
        '<link rel="attachment" href="escape.txt">'
        '<link rel="attachment" href="own-note.txt">'
        f'<img src="http://127.0.0.1:{port}/leak.png?n={{{{ d.number }}}}">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
        '{% endblock %}', "utf-8")
    writer = BriefWriter(tmp_path / "out", fmt="pdf", templates=templates, today=TODAY)
    pdf = writer.document(make("qd-15"))
    attached, streams = _pdf_payloads(pdf)
    assert seen == []  # no request reached the server
    assert b"SECRET-MARKER" not in streams and all(b"SECRET-MARKER" not in v for v in attached.values())
    assert b"root:x:0:0" not in streams and all(b"root:" not in v for v in attached.values())
    # the templates folder's own file is still served: the fetcher confines, it does not just break
    assert [v for v in attached.values() if b"OWN-NOTE-MARKER" in v]


def test_confined_fetch_refuses_other_schemes_and_dot_dot(tmp_path: Path) -> None:
    from dispatch_reader.briefs.pdf import FetchRefused, fetch_confined

    root = tmp_path / "t"
    root.mkdir()
    (root / "logo.svg").write_text("<svg/>", "utf-8")
    (tmp_path / "outside.txt").write_text("x", "utf-8")
    assert fetch_confined((root / "logo.svg").as_uri(), [root])[:2] == (b"<svg/>", "image/svg+xml")
    assert fetch_confined("data:text/plain;base64,aGk=", [root])[0] == b"hi"
    for url in (root.as_uri() + "/../outside.txt", "file:///etc/passwd", "http://127.0.0.1:9/x",
                "https://example.org/x.png", "ftp://example.org/x", "file://otherhost/etc/passwd"):
        with pytest.raises(FetchRefused):
            fetch_confined(url, [root])


# -- 9 and 10: `process` with a full --out disk, and two folders with a scan0001.pdf each --------

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _process(tmp_path: Path, *folders: Path) -> tuple[int, str, str, Path, str]:
    """Run `process` in this process (so monkeypatches hold): (exit code, stdout, stderr, out, db)."""
    from typer.testing import CliRunner

    from dispatch_reader.cli import app

    out, db = tmp_path / "briefs", f"sqlite:///{tmp_path / 'db.sqlite'}"
    result = CliRunner().invoke(app, ["process", *map(str, folders), "--out", str(out), "--db", db])
    return result.exit_code, result.stdout, result.stderr, out, db


def _two_documents(tmp_path: Path, same_name: str | None = None) -> list[Path]:
    folders = []
    for folder, sample in (("a", "qd-biet-phai-01.pdf"), ("b", "qd-biet-phai-02.pdf")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / (same_name or sample)).write_bytes((SAMPLES / sample).read_bytes())
        folders.append(tmp_path / folder)
    return folders


def _truth_number(sample: str) -> str:
    import json

    return json.loads((SAMPLES / sample.replace(".pdf", ".truth.json")).read_text("utf-8"))["document"]["number"]


def test_full_out_disk_is_a_brief_failure_not_a_document_failure(tmp_path: Path, monkeypatch) -> None:
    import errno

    from dispatch_reader.store import open_store

    real_write = Path.write_bytes

    def full_disk(self: Path, data: bytes) -> int:
        if self.name.endswith(".tmp"):
            real_write(self, b"")  # the file is created, then the disk is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    code, stdout, stderr, out, db = _process(tmp_path, *_two_documents(tmp_path))
    assert code == 1
    assert "Traceback" not in stdout + stderr and "internal error" not in stdout + stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, stderr  # two documents' briefs and the summary: one line each
    assert all("brief not written (No space left on device)" in line for line in errors)
    assert "2 processed, 0 already stored, 0 failed, 3 brief(s) not written" in stdout
    assert not list(out.rglob("*.tmp")) and not list(out.rglob("*.html"))
    with open_store(db) as store:
        assert store.count() == 2  # both documents are stored …
        assert all(h.status != "failed" for h in store.history())  # … and none is a failure


def test_two_folders_with_one_file_name_get_two_briefs(tmp_path: Path) -> None:
    code, stdout, stderr, out, _db = _process(tmp_path, *_two_documents(tmp_path, same_name="scan0001.pdf"))
    assert code == 0, stdout + stderr
    briefs = sorted(out.glob("scan0001*.html"))
    assert len(briefs) == 2, briefs
    texts = [p.read_text("utf-8") for p in briefs]
    numbers = {_truth_number("qd-biet-phai-01.pdf"), _truth_number("qd-biet-phai-02.pdf")}
    assert len(numbers) == 2
    for number in numbers:  # each document has a brief of its own
        assert sum(number in t for t in texts) == 1


# -- 19: briefs people can read on paper and in Word --------------------------------------------

TEN = [("Nguyễn Thị Chuyên", "Sở Nội vụ tỉnh Lai Châu", "Ủy ban nhân dân xã Tủa Thàng", "Chuyên viên phụ trách tổ chức, cán bộ"),
       ("Lò Thông Nhất", "Sở Y tế", "Trạm Y tế xã Sìn Hồ", "Bác sĩ đa khoa"),
       ("Trần Văn Hùng", "Sở Tài chính", "Ủy ban nhân dân xã Mường Tè", "Kế toán ngân sách xã"),
       ("Hoàng Thị Mai", "Sở Giáo dục và Đào tạo", "Trường Tiểu học xã Pa Ủ", "Giáo viên"),
       ("Vàng A Sử", "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân xã Bum Nưa", "Địa chính - xây dựng"),
       ("Phạm Quang Huy", "Sở Tư pháp", "Ủy ban nhân dân xã Nậm Hàng", "Tư pháp - hộ tịch"),
       ("Đỗ Thị Thu Hương", "Văn phòng Ủy ban nhân dân tỉnh", "Ủy ban nhân dân phường Tân Phong", "Văn phòng - thống kê"),
       ("Lê Minh Tuấn", "Sở Khoa học và Công nghệ", "Ủy ban nhân dân xã Khun Há", "Chuyển đổi số"),
       ("Giàng Seo Páo", "Sở Dân tộc và Tôn giáo", "Ủy ban nhân dân xã Sì Lở Lầu", "Công tác dân tộc"),
       ("Nguyễn Hoàng Anh Khoa", "Sở Xây dựng", "Ủy ban nhân dân xã Dào San", "Quy hoạch, xây dựng")]


def ten_people():
    record = make("QD_1587_QD-UBND_biet_phai_10_cong_chuc_ve_xa_ban_quet_scan0001", number="1587/QĐ-UBND",
                  secondments=[{"person": n, "from_unit": f, "to_unit": t, "position": p, "start": "2025-09-03",
                                "end": "2026-03-03"} for n, f, t, p in TEN])
    return record


def archive():
    """Documents with the long file names and two-digit days real archives have."""
    records = [ten_people()]
    for i, day in enumerate(("2025-10-28", "2025-11-30", "2025-12-31")):
        records.append(make(f"Quyet_dinh_so_{i}_ban_quet_scan0001_UBND_tinh_Lai_Chau_{day}", number=f"{20 + i}/QĐ-UBND",
                            issued=day, issuer="Ủy ban nhân dân tỉnh Tuyên Quang",
                            subject="Về việc biệt phái công chức các sở, ngành đến làm việc tại các xã, phường",
                            secondments=[{"person": f"Người Thứ {i}", "from_unit": "Sở Nội vụ",
                                          "to_unit": "xã Mường Khoa", "start": day, "duration_months": 6.0}]))
    return records


def _layout(writer: BriefWriter, kind: str, *args):
    """WeasyPrint's laid-out pages of a brief, as the PDF has them."""
    import weasyprint

    from dispatch_reader.briefs.environment import render

    context = writer.summary_context(*args) if kind == "summary" else writer.document_context(*args)
    html = render(writer.env, f"{kind}.html.j2", context | {"for_print": True})
    return weasyprint.HTML(string=html).render().pages


def _cells(pages):
    from weasyprint.formatting_structure import boxes

    for number, page in enumerate(pages, 1):
        for box in page._page_box.descendants():
            if isinstance(box, boxes.TableCellBox):
                yield number, box


@needs_pdf
def test_pdf_summary_tables_keep_text_in_its_cell_and_dates_whole(tmp_path: Path) -> None:
    import re

    from weasyprint.formatting_structure import boxes

    writer = BriefWriter(tmp_path, fmt="pdf", today=TODAY)
    overflowing, cut = [], []
    for _page, cell in _cells(_layout(writer, "summary", archive())):
        right = cell.position_x + cell.margin_width()
        for text in cell.descendants():
            if isinstance(text, boxes.TextBox):
                if text.position_x + text.width > right + 0.5:
                    overflowing.append(text.text)  # printed over the next column
                if re.search(r"\b\d{1,2}/\d{1,2}/\d{0,3}$", text.text):
                    cut.append(text.text)  # a date broken mid-number
    assert not overflowing, overflowing
    assert not cut, cut


def test_summary_says_who_is_where(tmp_path: Path) -> None:
    import html as html_lib
    import re

    page = BriefWriter(tmp_path, fmt="html", today=TODAY).summary(archive()).read_text("utf-8")
    roster = page.split("Danh sách người được cử theo nơi đến", 1)[1].split("</table>", 1)[0]
    rows = [" ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", r)).split()) for r in roster.split("<tr>")[2:]]
    assert len(rows) == 13
    for name, _from, to, _job in TEN:
        row = next(r for r in rows if name in r)
        assert to.replace("Ủy ban nhân dân ", "") in row and "03/9/2025 – 03/3/2026" in row and "1587/QĐ-UBND" in row
    derived = next(r for r in rows if "Người Thứ 0" in r)
    assert "xã Mường Khoa" in derived and "28/10/2025 – 28/4/2026 *" in derived  # start + 6 months, marked


@needs_pdf
def test_ten_people_fit_a_readable_table(tmp_path: Path) -> None:
    from weasyprint.formatting_structure import boxes

    writer = BriefWriter(tmp_path, fmt="pdf", today=TODAY)
    pages = _layout(writer, "document", ten_people())
    names = {n for n, *_ in TEN}
    rows = {}
    for page, cell in _cells(pages):
        texts = " ".join(t.text for t in cell.descendants() if isinstance(t, boxes.TextBox))
        lines = sum(isinstance(b, boxes.LineBox) for b in cell.descendants())
        row = cell  # the row's cells share a position_y; key rows by it
        rows.setdefault((page, round(row.position_y)), []).append((texts, lines))
    people_rows = [cells for cells in rows.values() if any(t.startswith(n) for t, _ in cells for n in names)]
    assert len(people_rows) == 10
    assert {page for (page, _y), cells in rows.items() if cells in people_rows} == {1}  # one page
    assert max(lines for cells in people_rows for _t, lines in cells) <= 3  # not 4–5 lines a row
    assert sum(max(lines for _t, lines in cells) for cells in people_rows) <= 22


def _docx(path: Path):
    import docx

    return docx.Document(str(path))


def _html_sections(page: str) -> list[str]:
    import html as html_lib
    import re

    return [re.sub(r"^[IVXLC]+\. ", "", html_lib.unescape(h)).strip().lower()
            for h in re.findall(r"<h2>(.*?)</h2>", page)]


@pytest.mark.parametrize("kind", ["document", "summary"])
def test_docx_is_a_word_document_with_the_html_sections(tmp_path: Path, kind: str) -> None:
    from docx.oxml.ns import qn

    records = archive()
    html_writer = BriefWriter(tmp_path / "h", fmt="html", today=TODAY)
    word_writer = BriefWriter(tmp_path / "w", fmt="docx", today=TODAY)
    if kind == "document":
        page, path = html_writer.document(records[0]).read_text("utf-8"), word_writer.document(records[0])
    else:
        page, path = html_writer.summary(records).read_text("utf-8"), word_writer.summary(records)
    doc = _docx(path)
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    assert paragraphs[0].style.name == "Heading 1"  # the title, as Word's navigation pane shows it
    sections = [p.text.strip().lower() for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert sections == _html_sections(page)
    footer = doc.sections[0].footer.paragraphs[0]._p
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]
    for table in doc.tables:  # a table with a header row repeats it on every page
        if table.rows[0].cells[0].text in ("#", "Nơi đến", "Từ đơn vị", "Họ và tên", "Văn bản", "Số lượng"):
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    props = doc.core_properties
    assert props.author == "dispatch-reader"
    if kind == "document":
        assert props.title == "Tóm tắt văn bản — 1587/QĐ-UBND" and props.subject == "Về việc biệt phái công chức"
    else:
        assert props.title == "Báo cáo tổng hợp nhân sự tăng cường cho cấp xã"
        assert props.subject == "Tất cả văn bản trong kho"
    assert word_writer.document_bytes(records[0]) == word_writer.document_bytes(records[0])  # same bytes again


def test_brief_names_of_long_file_names_fit_the_disk(tmp_path: Path) -> None:
    from dispatch_reader.briefs.render import brief_name

    long = "Quyết định " + "rất dài " * 30 + ".pdf"
    name = brief_name(long, "ab" * 32, "html")
    assert len(name.encode()) <= 255 and name.endswith("-abababab ab.html".replace(" ", ""))
    record = make("x")
    record.source.file_name = long
    assert BriefWriter(tmp_path, today=TODAY).document(record, name).is_file()


@pytest.mark.parametrize("file_name, stem", [
    ("Văn bản hợp nhất 16 BTC (bản đến).receipt.pdf", "van-ban-hop-nhat-16-btc-ban-den.receipt"),
    ("QĐ 1702 - điều động.pdf", "qd-1702-dieu-dong"),
    ("Quyết định 123.pdf", "quyet-dinh-123"),
])
def test_a_briefs_name_has_no_dash_a_person_would_not_type(file_name: str, stem: str) -> None:
    """A tester's brief was `van-ban-hop-nhat-16-btc-ban-den-.receipt-…html`: the dash the
    brackets left against the dot, and three for ` - `, are one at most."""
    from dispatch_reader.briefs.render import brief_name, slug

    assert slug(file_name) == stem
    assert brief_name(file_name, "ab" * 32, "html") == f"{stem}-ababababab.html"
