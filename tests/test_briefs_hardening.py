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
