"""`dispatch-reader users …` and `dispatch-reader serve`: a user made on the command line logs in
to a real server on 127.0.0.1, uploads a document, and finds it stored by the inbox watcher."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select
from typer.testing import CliRunner

from store_fixtures import sqlite_url  # noqa: F401
from dispatch_reader.cli import app
from dispatch_reader.store import open_store
from dispatch_reader.store.models import User

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "qd-biet-phai-01.pdf"


def _run(*args: str, db: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, [*args, "--db", db], input=stdin)
    return result.exit_code, result.output


def test_users_add_token_list_password(sqlite_url: str) -> None:
    code, out = _run("users", "add", "lan", "--role", "clerk", "--password", "mật khẩu dài", db=sqlite_url)
    assert code == 0 and "lan" in out
    code, out = _run("users", "add", "hoa", "--role", "reader", db=sqlite_url, stdin="bí mật 12345\nbí mật 12345\n")
    assert code == 0, out
    assert _run("users", "add", "lan", "--role", "clerk", "--password", "x" * 10, db=sqlite_url)[0] == 2
    code, out = _run("users", "add", "eve", "--role", "root", "--password", "x" * 10, db=sqlite_url)
    assert code == 2 and "role 'root'" in out
    assert _run("users", "add", "ngắn", "--password", "short", db=sqlite_url)[0] == 2
    code, out = _run("users", "list", db=sqlite_url)
    assert out.split() == ["hoa", "reader", "lan", "clerk"]
    code, token = _run("users", "token", "lan", db=sqlite_url)
    assert code == 0 and len(token.strip()) == 40
    assert _run("users", "password", "lan", "--password", "mật khẩu mới dài", db=sqlite_url)[0] == 0
    assert _run("users", "role", "hoa", "admin", db=sqlite_url)[0] == 0
    assert _run("users", "role", "hoa", "boss", db=sqlite_url)[0] == 2
    assert _run("users", "remove", "hoa", db=sqlite_url)[0] == 0
    assert _run("users", "list", db=sqlite_url)[1].split() == ["lan", "clerk"]
    assert _run("users", "remove", "hoa", db=sqlite_url)[0] == 2
    with open_store(sqlite_url) as store, store._read() as conn:
        hashes = dict(conn.execute(select(User.name, User.password_hash)).all())
    assert hashes["lan"].startswith("$argon2id$") and "mật khẩu" not in hashes["lan"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_on_localhost_reads_an_upload(sqlite_url: str, tmp_path: Path) -> None:
    assert _run("users", "add", "lan", "--role", "clerk", "--password", "mật khẩu dài", db=sqlite_url)[0] == 0
    port, inbox = _free_port(), tmp_path / "inbox"
    env = {**os.environ, "DISPATCH_READER_DB": sqlite_url, "DISPATCH_READER_WEB_SECRET": "s" * 40}
    server = subprocess.Popen([sys.executable, "-m", "dispatch_reader", "serve", "--port", str(port),
                               "--inbox", str(inbox)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        auth = {"Authorization": "Basic " + base64.b64encode("lan:mật khẩu dài".encode()).decode()}
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.stdout.read().decode()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        assert httpx.get(f"{base}/api/documents", timeout=5).status_code == 401
        with SAMPLE.open("rb") as fh:
            up = httpx.post(f"{base}/api/upload", headers=auth, files={"file": ("../../qd.pdf", fh, "application/pdf")},
                            timeout=30)
        assert up.status_code == 202, up.text
        assert up.json()["files"] == [{"name": "qd.pdf", "size": SAMPLE.stat().st_size}]
        deadline = time.monotonic() + 180  # the watcher settles the file, reads and stores it
        while True:
            status = httpx.get(f"{base}/api/inbox", headers=auth, timeout=10).json()
            if status["stored"] or status["failed"]:
                break
            assert time.monotonic() < deadline, status
            time.sleep(0.5)
        assert [f["name"] for f in status["stored"]] == ["qd.pdf"], status
        docs = httpx.get(f"{base}/api/documents", headers=auth, timeout=10).json()
        assert docs["count"] == 1 and docs["results"][0]["files"] == ["qd.pdf"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not (tmp_path / "qd.pdf").exists()
