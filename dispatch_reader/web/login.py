"""/login (form fields `username`, `password`), /logout, and the language choice.

The login form has its own CSRF token before any session exists (a random nonce in a
SameSite=Strict cookie, echoed by the form): otherwise another site could log a browser in under
an account of the attacker's. A session cookie is HttpOnly, SameSite=Lax, Secure behind TLS.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store import accounts
from dispatch_reader.web import auth
from dispatch_reader.web.labels import translator
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path of this site only (no //evil.example, no scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/documents"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/documents"
    return target


def _login_page(request: Request, next_url: str, error: str | None = None, username: str = "",
                status_code: int = 200) -> Response:
    nonce = secrets.token_urlsafe(32)
    request.state.csrf = nonce
    response = page(request, "login.html", status_code=status_code, next=next_url, error=error, username=username)
    response.set_cookie(auth.LOGIN_COOKIE, nonce, httponly=True, samesite="strict", path="/login",
                        secure=request.app.state.settings.secure_cookies, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return _login_page(request, safe_next(next))


@router.post("/login")
async def login(request: Request, username: str = Form(""), password: str = Form(""),
                csrf_token: str = Form(""), next: str = Form("/documents")) -> Response:
    t = translator(request.state.lang)
    nonce = request.cookies.get(auth.LOGIN_COOKIE, "")
    if not nonce or not hmac.compare_digest(nonce.encode(), csrf_token.encode()):
        return _login_page(request, safe_next(next), t("csrf_failed"), username, status_code=403)
    limiter, address = request.app.state.login_limiter, auth.client_address(request)
    wait = limiter.retry_after(address, username)
    if wait:
        response = _login_page(request, safe_next(next), t("login_limited"), username, status_code=429)
        response.headers["Retry-After"] = str(wait)
        return response
    store = request.app.state.store
    account = await run_in_threadpool(accounts.authenticate, store, username, password)
    if account is None:
        limiter.failed(address, username)
        return _login_page(request, safe_next(next), t("login_failed"), username, status_code=401)
    limiter.succeeded(address, username)
    settings = request.app.state.settings
    session_id, _ = await run_in_threadpool(accounts.start_session, store, account, settings.session_lifetime)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(auth.SESSION_COOKIE, auth.signer(request).sign(session_id).decode(), httponly=True,
                        samesite="lax", secure=settings.secure_cookies, path="/",
                        max_age=int(settings.session_lifetime.total_seconds()))
    response.delete_cookie(auth.LOGIN_COOKIE, path="/login")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    account = await run_in_threadpool(auth.identify, request)
    if account is not None and request.state.auth == "session":
        await auth.check_csrf(request)
        session_id = auth.signer(request).unsign(request.cookies[auth.SESSION_COOKIE]).decode()
        await run_in_threadpool(accounts.end_session, request.app.state.store, session_id)
    elif account is None:
        raise HTTPException(status_code=401, detail="not logged in")
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(auth.SESSION_COOKIE, path="/")
    return response
