"""Who is asking: an API token (`Authorization: Token …`), HTTP Basic, or the browser session.

`require_user(role)` is the dependency every page and API route takes; without a login a page
redirects to /login and the API answers 401, a lower role gets 403. Forms and API calls made
with the session cookie must carry its CSRF token (form field `csrf_token` or header
`X-CSRF-Token`); token and Basic calls carry no ambient credential, so they need none.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from typing import Any, Callable

from fastapi import HTTPException, Request
from itsdangerous import BadSignature, TimestampSigner
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store import accounts
from dispatch_reader.store.accounts import Account

SESSION_COOKIE = "dr_session"
LOGIN_COOKIE = "dr_login"  # the login form's CSRF nonce, before there is a session
LANG_COOKIE = "dr_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class LoginRequired(Exception):
    """No valid login: pages redirect to /login, the API answers 401."""

    def __init__(self, reason: str = "login required") -> None:
        super().__init__(reason)
        self.reason = reason


class LoginLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many failed logins; retry after {retry_after} s")
        self.retry_after = retry_after


def signer(request: Request) -> TimestampSigner:
    return TimestampSigner(request.app.state.settings.secret, salt="dispatch-reader.session")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def _basic(request: Request, encoded: str) -> Account:
    try:
        name, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise LoginRequired("malformed Basic credentials") from None
    limiter, address = request.app.state.login_limiter, client_address(request)
    wait = limiter.retry_after(address, name)
    if wait:
        raise LoginLimited(wait)
    account = accounts.authenticate(request.app.state.store, name, password)
    if account is None:
        limiter.failed(address, name)
        raise LoginRequired("wrong user name or password")
    limiter.succeeded(address, name)
    return account


def _session(request: Request) -> tuple[Account, str] | None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        return None
    settings = request.app.state.settings
    try:
        session_id = signer(request).unsign(cookie, max_age=int(settings.session_lifetime.total_seconds())).decode()
    except BadSignature:
        return None
    return accounts.session_user(request.app.state.store, session_id)


def identify(request: Request) -> Account | None:
    """The user of this request (cached on request.state), None when there is no credential.

    A credential that is given but wrong raises LoginRequired: a script with a bad token must
    hear so, not be served as anonymous."""
    if hasattr(request.state, "auth"):
        return request.state.user
    request.state.user, request.state.auth, request.state.csrf = None, None, None
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if header:
        if scheme.lower() == "token" and value.strip():
            account = accounts.token_user(request.app.state.store, value.strip())
            if account is None:
                raise LoginRequired("invalid token")
            request.state.user, request.state.auth = account, "token"
        elif scheme.lower() == "basic" and value.strip():
            request.state.user, request.state.auth = _basic(request, value.strip()), "basic"
        else:
            raise LoginRequired("unsupported Authorization scheme (use Token or Basic)")
        return request.state.user
    found = _session(request)
    if found:
        request.state.user, request.state.csrf = found
        request.state.auth = "session"
    return request.state.user


def _cross_site(request: Request) -> bool:
    """A request a browser made from another site (Fetch metadata, else Origin vs Host)."""
    site = request.headers.get("sec-fetch-site")
    if site:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    return bool(origin) and origin.split("://", 1)[-1] != request.headers.get("host", "")


async def check_csrf(request: Request) -> None:
    """For a change made with the session cookie: the session's CSRF token must come with it.

    HTTP Basic is for scripts, but a browser that once logged in with it sends it by itself: a
    write with Basic that a browser made from another site is refused too."""
    if request.method in SAFE_METHODS:
        return
    auth = getattr(request.state, "auth", None)
    if auth == "basic" and _cross_site(request):
        raise HTTPException(status_code=403, detail="cross-site request with HTTP Basic refused")
    if auth != "session":
        return
    given = request.headers.get(CSRF_HEADER)
    if not given:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()  # parsed once; the route reads the same form
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    expected = request.state.csrf or ""
    if not given or not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status_code=403, detail="CSRF token missing or wrong; reload the page")


def require_user(role: str = "reader") -> Callable[..., Any]:
    """Dependency: the logged-in Account with at least `role` (reader < clerk < admin).

    Use as `user: Account = Depends(require_user("clerk"))`; it also checks the CSRF token of
    unsafe requests made with the session cookie."""
    if role not in accounts.ROLES:
        raise ValueError(f"unknown role {role!r}")

    async def dependency(request: Request) -> Account:
        # the store and argon2 block: off the event loop
        account = await run_in_threadpool(identify, request)
        if account is None:
            raise LoginRequired()
        await check_csrf(request)
        if not account.can(role):
            raise HTTPException(status_code=403, detail=f"needs the {role} role")
        return account

    dependency.__name__ = f"require_{role}"
    return dependency
