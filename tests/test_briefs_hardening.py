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
