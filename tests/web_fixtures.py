"""Fixtures for the web tests: an app over a fresh store (SQLite, and PostgreSQL when reachable)
with three users (reader, clerk, admin), a token each, and two stored documents.

Test modules use them with `from web_fixtures import *  # noqa: F401,F403`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from store_fixtures import make_record, page_text_for, pg_server_url, sqlite_url, store_url  # noqa: F401
from dispatch_reader.store import accounts
from dispatch_reader.web.app import create_app
from dispatch_reader.web.settings import WebSettings

__all__ = ["Web", "web", "web_sqlite", "login", "make_record", "page_text_for", "pg_server_url", "sqlite_url",
           "store_url", "PASSWORD", "TINY_PDF"]

PASSWORD = "mật-khẩu-đủ-dài"
# the smallest file that starts like a PDF: the upload checks the first bytes, the watcher reads it later
TINY_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Web:
    client: TestClient
    app: Any
    inbox: Path
    tokens: dict[str, str] = field(default_factory=dict)
    doc_ids: dict[str, int] = field(default_factory=dict)

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Token {self.tokens[role]}"}

    @property
    def store(self) -> Any:
        return self.app.state.store


def _make(url: str, tmp_path: Path) -> Iterator[Web]:
    inbox = tmp_path / "inbox"
    app = create_app(WebSettings(db=url, inbox=inbox, secret="test-secret-" + "x" * 32))
    store = app.state.store
    web = Web(TestClient(app), app, inbox)
    for role in accounts.ROLES:
        accounts.add_user(store, role, role, PASSWORD)
        web.tokens[role] = accounts.create_token(store, role)
    for label, kwargs in (("qd-15", {}), ("cv-20", {
            "number": "20/UBND-NC", "doc_type": "official_dispatch", "issued": "2025-09-10",
            "subject": "Về việc tăng cường công chức", "people": [("Trần Văn Bình", "Sở Y tế")],
            "secondments": [{"person": "Trần Văn Bình", "from_unit": "Sở Y tế", "to_unit": "Ủy ban nhân dân xã Pắc Ta",
                             "start": "2025-10-01", "end": "2026-04-01"}]})):
        record = make_record(label, **kwargs)
        web.doc_ids[label] = store.save(record, page_texts=page_text_for(record), extractor_version="test")
    with web.client:
        yield web
    store.close()


@pytest.fixture
def web(store_url: str, tmp_path: Path) -> Iterator[Web]:
    yield from _make(store_url, tmp_path)


@pytest.fixture
def web_sqlite(sqlite_url: str, tmp_path: Path) -> Iterator[Web]:
    yield from _make(sqlite_url, tmp_path)


def login(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in through the form; the session's CSRF token (as the pages carry it)."""
    form = client.get("/login")
    nonce = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    done = client.post("/login", data={"username": name, "password": password, "csrf_token": nonce,
                                       "next": "/documents"}, follow_redirects=False)
    assert done.status_code == 303, done.text
    page = client.get("/documents")
    return re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)
