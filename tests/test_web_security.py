"""Security of the web page and API: every page and call needs a login, CSRF tokens on session
writes, a reader's token cannot write, login limits, cookies, escaping, stored secrets."""

from __future__ import annotations

import base64
import re

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import select

from web_fixtures import *  # noqa: F401,F403
from web_fixtures import PASSWORD, TINY_PDF, Web, login, make_record, page_text_for

from dispatch_reader.store.models import ApiToken, User, WebSession
from dispatch_reader.web.login import safe_next

OPEN = {"/login", "/logout", "/"}  # /logout without a session: 401 (checked below)


def _routes(web: Web) -> list[tuple[str, str]]:
    found = []
    routes = [r for router in web.app.state.routers for r in router.routes]
    for route in routes:
        if isinstance(route, APIRoute) and route.path not in OPEN:
            path = re.sub(r"\{[^}]+\}", "1", route.path)
            found += [(method, path) for method in route.methods if method != "HEAD"]
    return found


def test_every_page_and_api_call_needs_a_login(web_sqlite: Web) -> None:
    web = web_sqlite
    routes = _routes(web)
    assert ("GET", "/documents") in routes and ("POST", "/api/upload") in routes
    for method, path in routes:
        r = web.client.request(method, path, follow_redirects=False)
        if path.startswith("/api/") or method != "GET":
            assert r.status_code == 401, (method, path, r.status_code)
        else:
            assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), (method, path)
        # a wrong token or a wrong password is no way in either
        bad = web.client.request(method, path, headers={"Authorization": "Token nope"}, follow_redirects=False)
        assert bad.status_code == 401, (method, path)
    basic = base64.b64encode(b"reader:wrong-password").decode()
    assert web.client.get("/api/documents", headers={"Authorization": f"Basic {basic}"}).status_code == 401
    assert web.client.post("/logout", follow_redirects=False).status_code == 401


def test_http_basic_and_token_work_for_scripts(web_sqlite: Web) -> None:
    web = web_sqlite
    basic = base64.b64encode(f"reader:{PASSWORD}".encode()).decode()
    assert web.client.get("/api/me", headers={"Authorization": f"Basic {basic}"}).json()["name"] == "reader"
    assert web.client.get("/api/me", headers=web.auth("clerk")).json() == {"name": "clerk", "role": "clerk"}


def test_reader_cannot_write(web_sqlite: Web) -> None:
    web = web_sqlite
    doc_id = web.doc_ids["qd-15"]
    for method, path, kwargs in (
            ("POST", f"/api/documents/{doc_id}/corrections", {"json": {"path": "document.number", "value": "9"}}),
            ("POST", "/api/upload", {"files": [("file", ("x.pdf", TINY_PDF))]}),
            ("POST", "/api/people/merge", {"json": {"a": "x@1", "b": "y@2"}}),
            ("POST", "/api/users", {"json": {"name": "eve", "role": "admin", "password": "x" * 12}}),
            ("GET", "/api/users", {})):
        r = web.client.request(method, path, headers=web.auth("reader"), **kwargs)
        assert r.status_code == 403, (path, r.status_code)
    assert web.store.get_by_id(doc_id).document.number == "15/QĐ-UBND"
    assert list(web.inbox.glob("*")) == []
    # the page's form too, with a valid session and CSRF token
    csrf = login(web.client, "reader")
    r = web.client.post(f"/documents/{doc_id}/corrections", follow_redirects=False,
                        data={"path": "document.number", "value": "9", "csrf_token": csrf})
    assert r.status_code == 403


def test_session_writes_need_the_csrf_token(web_sqlite: Web) -> None:
    web = web_sqlite
    doc_id = web.doc_ids["qd-15"]
    csrf = login(web.client, "clerk")
    url = f"/api/documents/{doc_id}/corrections"
    body = {"path": "document.subject", "value": "Về việc khác"}
    assert web.client.post(url, json=body).status_code == 403
    assert web.client.post(url, json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    form = {"path": "document.subject", "value": "Về việc khác"}
    assert web.client.post(f"/documents/{doc_id}/corrections", data=form, follow_redirects=False).status_code == 403
    assert web.client.post("/api/upload", files=[("file", ("x.pdf", TINY_PDF))]).status_code == 403
    assert web.store.get_by_id(doc_id).document.subject != "Về việc khác"
    ok = web.client.post(f"/documents/{doc_id}/corrections", data={**form, "csrf_token": csrf}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == f"/documents/{doc_id}"
    assert web.store.get_by_id(doc_id).document.subject == "Về việc khác"
    assert web.client.post(url, json=body, headers={"X-CSRF-Token": csrf}).status_code == 201
    # logging out needs it too (else any site could log a clerk out), and ends the session
    assert web.client.post("/logout", follow_redirects=False).status_code == 403
    assert web.client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    assert web.client.get("/documents", follow_redirects=False).status_code == 303
    with web.store._read() as conn:
        assert conn.execute(select(WebSession.id)).all() == []


def test_login_form_needs_its_csrf_nonce(web_sqlite: Web) -> None:
    web = web_sqlite
    r = web.client.post("/login", data={"username": "clerk", "password": PASSWORD, "next": "/documents"},
                        follow_redirects=False)
    assert r.status_code == 403 and "dr_session" not in r.headers.get("set-cookie", "")


def test_session_cookie_is_httponly_samesite_and_signed(web_sqlite: Web) -> None:
    web = web_sqlite
    form = web.client.get("/login")
    nonce = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    r = web.client.post("/login", data={"username": "clerk", "password": PASSWORD, "csrf_token": nonce},
                        follow_redirects=False)
    cookie = [c for c in r.headers.get_list("set-cookie") if c.startswith("dr_session=")][0]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Path=/" in cookie
    value = cookie.split(";")[0].split("=", 1)[1]
    web.client.cookies.clear()
    tampered = value[:-2] + ("AA" if not value.endswith("AA") else "BB")
    web.client.cookies.set("dr_session", tampered)
    assert web.client.get("/documents", follow_redirects=False).status_code == 303
    web.client.cookies.set("dr_session", value)
    assert web.client.get("/documents", follow_redirects=False).status_code == 200


def test_failed_logins_are_limited(web_sqlite: Web) -> None:
    web = web_sqlite

    def attempt(password: str) -> int:
        form = web.client.get("/login")
        nonce = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        return web.client.post("/login", data={"username": "admin", "password": password, "csrf_token": nonce},
                               follow_redirects=False).status_code

    assert [attempt(f"guess-{i}") for i in range(5)] == [401] * 5
    assert attempt(PASSWORD) == 429  # even the right password waits now
    basic = base64.b64encode(f"admin:{PASSWORD}".encode()).decode()
    limited = web.client.get("/api/me", headers={"Authorization": f"Basic {basic}"})
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    # another user from the same address is not locked out by admin's failures
    assert login(web.client, "reader")


def test_html_in_a_subject_is_escaped(web_sqlite: Web) -> None:
    web = web_sqlite
    evil = make_record("evil", number="66/QĐ-UBND", subject='<script>alert("x")</script><img src=x onerror=alert(1)>')
    web.store.save(evil, page_texts=page_text_for(evil), extractor_version="test")
    login(web.client, "reader")
    page = web.client.get("/documents")
    assert page.status_code == 200 and "66/QĐ-UBND" in page.text
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "&lt;script&gt;alert(" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"


def test_secrets_are_stored_as_hashes_only(web_sqlite: Web) -> None:
    web = web_sqlite
    login(web.client, "clerk")
    cookie = web.client.cookies.get("dr_session")
    with web.store._read() as conn:
        hashes = [r.password_hash for r in conn.execute(select(User.password_hash))]
        tokens = [r.token_hash for r in conn.execute(select(ApiToken.token_hash))]
        sessions = [r.token_hash for r in conn.execute(select(WebSession.token_hash))]
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)
    assert not set(web.tokens.values()) & set(tokens) and len(tokens) == 3
    assert sessions and not any(s in cookie for s in sessions)


@pytest.mark.parametrize("target, expected", [
    ("/documents/3", "/documents/3"), ("//evil.example/x", "/documents"), ("https://evil.example", "/documents"),
    ("/\\evil.example", "/documents"), (None, "/documents"), ("documents", "/documents")])
def test_login_goes_back_only_to_this_site(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected


def test_an_expired_session_is_no_login(sqlite_url: str, tmp_path) -> None:
    import datetime as dt

    from fastapi.testclient import TestClient

    from dispatch_reader.store import accounts
    from dispatch_reader.web.app import create_app
    from dispatch_reader.web.settings import WebSettings

    app = create_app(WebSettings(db=sqlite_url, inbox=tmp_path / "inbox", secret="s" * 40,
                                 session_lifetime=dt.timedelta(seconds=0)))
    accounts.add_user(app.state.store, "lan", "clerk", PASSWORD)
    with TestClient(app) as client:
        form = client.get("/login")
        nonce = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
        done = client.post("/login", data={"username": "lan", "password": PASSWORD, "csrf_token": nonce},
                           follow_redirects=False)
        assert done.status_code == 303
        # a browser would drop the cookie (Max-Age=0); one that keeps it is still refused by the server
        cookie = [c for c in done.headers.get_list("set-cookie") if c.startswith("dr_session=")][0]
        client.cookies.set("dr_session", cookie.split(";")[0].split("=", 1)[1])
        assert client.get("/documents", follow_redirects=False).status_code == 303
        assert client.get("/api/me").status_code == 401
    app.state.store.close()


def test_basic_credentials_a_browser_kept_do_not_work_from_another_site(web_sqlite: Web) -> None:
    web = web_sqlite
    basic = {"Authorization": "Basic " + base64.b64encode(f"clerk:{PASSWORD}".encode()).decode()}
    upload = [("file", ("x.pdf", TINY_PDF))]
    assert web.client.post("/api/upload", files=upload, headers={**basic, "Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert web.client.post("/api/upload", files=upload,
                           headers={**basic, "Origin": "https://evil.example"}).status_code == 403
    assert list(web.inbox.glob("*.pdf")) == []
    assert web.client.post("/api/upload", files=upload, headers=basic).status_code == 202  # a script
    # no Basic challenge: a browser never learns to send a password by itself
    assert "basic" not in web.client.get("/api/documents").headers["www-authenticate"].lower()


def test_request_bodies_are_bounded_before_anyone_reads_them(sqlite_url: str, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from dispatch_reader.web.app import create_app
    from dispatch_reader.web.settings import WebSettings

    app = create_app(WebSettings(db=sqlite_url, inbox=tmp_path / "inbox", secret="s" * 40, max_upload_mb=1))
    with TestClient(app) as client:
        big = TINY_PDF + b"0" * (3 << 20)
        # no login at all: refused for its size, before the multipart body is parsed and spooled
        r = client.post("/api/upload", files=[("file", ("x.pdf", big))])
        assert r.status_code == 413
        assert client.post("/login", content=b"x" * (2 << 20),
                           headers={"Content-Type": "application/x-www-form-urlencoded"}).status_code == 413

        def chunks():  # no Content-Length: counted while it streams
            for _ in range(3):
                yield b"0" * (1 << 20)

        r = client.post("/api/upload", content=chunks(), headers={"Content-Type": "multipart/form-data; boundary=x"})
        assert r.status_code == 413
        assert client.post("/api/upload", files=[("file", ("x.pdf", TINY_PDF))]).status_code == 401
    app.state.store.close()


@pytest.mark.parametrize("next_url, expected", [
    ("", "/documents/7"), ("/documents/3", "/documents/7"), ("/documents/3#facts", "/documents/7#facts"),
    ("/documents/3?file=5", "/documents/7?file=5"), ("/documents/30", "/documents/30"), ("/summary", "/summary")])
def test_after_a_correction_the_page_follows_the_document(next_url: str, expected: str) -> None:
    from dispatch_reader.web.corrections import back_to

    assert back_to(next_url, 3, 7) == expected
