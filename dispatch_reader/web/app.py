"""The web app: `create_app(settings)` builds it; `dispatch-reader serve` runs it with uvicorn.

Thin routes over store/ and briefs/: login (login.py), the JSON API (api.py) and every page
module `dispatch_reader/web/pages_*.py` (each with a `router`), found and registered here, so a
page group is added without touching this file.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from urllib.parse import quote

from dispatch_reader.errors import DispatchReaderError
from dispatch_reader.store import open_store
from dispatch_reader.web import auth
from dispatch_reader.web.labels import DEFAULT, choose, translator
from dispatch_reader.web.ratelimit import LoginLimiter
from dispatch_reader.web.render import page
from dispatch_reader.web.settings import WebSettings

log = logging.getLogger(__name__)

# no inline scripts and nothing from other sites: a subject that slipped past escaping could not
# run, and the office's documents are not sent anywhere by the browser either
CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def page_modules() -> list[str]:
    """The page modules present: dispatch_reader.web.pages_*."""
    import dispatch_reader.web as web

    return sorted(f"dispatch_reader.web.{m.name}" for m in pkgutil.iter_modules(web.__path__)
                  if m.name.startswith("pages_"))


def _error_response(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _is_api(request) or "text/html" not in request.headers.get("accept", "text/html"):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    response = page(request, "error.html", status_code=status, status=status, message=message)
    response.headers.update(headers or {})
    return response


def _install_handlers(app: FastAPI) -> None:
    @app.exception_handler(auth.LoginRequired)
    async def _login_required(request: Request, exc: auth.LoginRequired) -> Response:
        if _is_api(request) or request.headers.get("authorization") or request.method not in auth.SAFE_METHODS:
            return JSONResponse({"detail": exc.reason}, status_code=401,
                                # not Basic: a browser would then ask for a password and keep sending it
                                # by itself (also to forms other sites post); scripts send theirs unasked
                                headers={"WWW-Authenticate": 'Token realm="dispatch-reader"'})
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(auth.LoginLimited)
    async def _limited(request: Request, exc: auth.LoginLimited) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=429, headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        t = translator(getattr(request.state, "lang", DEFAULT))
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 403 and not _is_api(request):
            message = t("csrf_failed") if "CSRF" in message else t("forbidden")
        elif exc.status_code == 404 and not _is_api(request):
            message = t("not_found")
        return _error_response(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(DispatchReaderError)
    async def _ours(request: Request, exc: DispatchReaderError) -> Response:
        # a wrong value from the user (a date, a field) or a file refused: its one-line reason
        from dispatch_reader.errors import StoreError

        status = 503 if isinstance(exc, StoreError) else 422
        return _error_response(request, status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return _error_response(request, 422, "; ".join(str(e.get("msg")) for e in exc.errors()))


def _install_middleware(app: FastAPI, settings: WebSettings) -> None:
    @app.middleware("http")
    async def _language_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        asked = choose(request.query_params.get("lang"))
        request.state.lang = asked or choose(request.cookies.get(auth.LANG_COOKIE)) or settings.lang
        response = await call_next(request)
        if asked:
            response.set_cookie(auth.LANG_COOKIE, asked, httponly=True, samesite="lax",
                                secure=settings.secure_cookies, max_age=365 * 86400)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path != "/static" and not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")  # office documents stay out of caches
        return response


def create_app(settings: WebSettings | None = None) -> FastAPI:
    """The app over `settings.db` (migrated to the current schema on start)."""
    settings = settings or WebSettings()
    store = open_store(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        watcher = None
        if settings.watch_inbox:  # uploads (and files dropped there) are read as by `watch`
            from dispatch_reader.web.inbox import InboxWatcher

            watcher = InboxWatcher(settings.inbox, store)
            watcher.start()
        try:
            yield
        finally:
            if watcher is not None:
                watcher.stop()
            store.close()

    app = FastAPI(title="dispatch-reader", version=_version(), lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url=None)  # docs are behind login (api.py)
    app.state.settings = settings
    app.state.store = store
    app.state.login_limiter = LoginLimiter(settings.login_failures_per_name, settings.login_failures_per_address,
                                           settings.login_window.total_seconds())
    _install_middleware(app, settings)
    from dispatch_reader.web.inbox import max_upload_bytes
    from dispatch_reader.web.limits import BodyLimit

    upload_limit = max_upload_bytes(settings.max_upload_mb)
    app.add_middleware(BodyLimit, upload_limit=lambda: upload_limit)  # outermost: before any body is read
    _install_handlers(app)
    app.mount("/static", StaticFiles(directory=str(resources.files("dispatch_reader.web").joinpath("static"))),
              name="static")
    from dispatch_reader.web import api, corrections, login

    # kept for the security test, which walks every route (FastAPI hides included routes)
    app.state.routers = [login.router, api.router, corrections.router,
                         *(importlib.import_module(name).router for name in page_modules())]
    for router in app.state.routers:
        app.include_router(router)

    @app.get("/", include_in_schema=False)
    async def _home() -> Response:
        return RedirectResponse("/documents", status_code=303)

    return app


def _version() -> str:
    from dispatch_reader import __version__

    return __version__


def app_from_environment() -> Any:  # pragma: no cover - `uvicorn dispatch_reader.web.app:app_from_environment --factory`
    return create_app(WebSettings())
