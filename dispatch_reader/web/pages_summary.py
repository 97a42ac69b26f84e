"""Summary (/summary): the summary brief over the stored documents with its filters (as the
`summary` command), shown in the page and downloadable; and the "ending soon" list with links to
the documents that decided the sendings.

A summary over a large store takes long (it reads every selected record: about 30 s for 10,000
documents, bench/web.py), so (1) one summary is computed once for the page, its framed brief and
its downloads (kept two minutes, per filters and language), and (2) a page opened without any
filter on a store of more than LARGE_STORE documents starts with the last DEFAULT_DAYS days,
said in the page; clearing the dates asks for the whole store.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.briefs.summary import DEFAULT_ENDING_WITHIN
from dispatch_reader.store import Filters
from dispatch_reader.store.accounts import Account
from dispatch_reader.store.filters import DOC_TYPES, FilterError, parse_user_date
from dispatch_reader.web import summary_data
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.pages_documents import BRIEF_CSP, BRIEF_TYPES
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)

FIELDS = ("date_from", "date_to", "commune", "issuer", "doc_type", "ending_within", "today")
LARGE_STORE = 1000  # documents; above this an unfiltered first view is limited to DEFAULT_DAYS
DEFAULT_DAYS = 90
KEEP_SECONDS = 120.0  # a computed summary serves its page, framed brief and downloads this long
_KEPT = 8


class _Kept:
    """The last few summaries computed, by (filters, language): the page and its framed brief
    ask for the same one within a second; a download a little later."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[tuple[Any, ...], tuple[float, dict[str, Any]]] = {}

    def get(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        with self._lock:
            found = self._items.get(key)
            if found and time.monotonic() - found[0] < KEEP_SECONDS:
                return found[1]
            return None

    def put(self, key: tuple[Any, ...], context: dict[str, Any]) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), context)
            for old in sorted(self._items, key=lambda k: self._items[k][0])[:-_KEPT]:
                del self._items[old]


def _kept(request: Request) -> _Kept:
    kept = getattr(request.app.state, "summary_kept", None)
    if kept is None:
        kept = request.app.state.summary_kept = _Kept()
    return kept


def _asked(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "").strip() for k in FIELDS}


def _parse(asked: dict[str, str]) -> tuple[Filters, dict[str, Any]]:
    """(filters, the summary's own options); FilterError for a value that cannot be read."""
    filters = Filters.make(date_from=asked["date_from"], date_to=asked["date_to"], commune=asked["commune"],
                           issuer=asked["issuer"], doc_type=asked["doc_type"])
    try:
        within = int(asked["ending_within"]) if asked["ending_within"] else DEFAULT_ENDING_WITHIN
    except ValueError:
        raise FilterError(f"not a number of days: '{asked['ending_within']}'") from None
    if within < 0:
        raise FilterError(f"not a number of days: '{asked['ending_within']}'")
    today = parse_user_date(asked["today"]) if asked["today"] else None
    return filters, {"ending_within": within, "today": today, "commune": filters.commune, "issuer": filters.issuer}


def _key(asked: dict[str, str], lang: str) -> tuple[Any, ...]:
    return (lang, *(asked[k] for k in FIELDS))


def _context(request: Request, asked: dict[str, str]) -> dict[str, Any]:
    """The summary context for these filters: kept, or computed (slow on a large store)."""
    key = _key(asked, request.state.lang)
    kept = _kept(request)
    context = kept.get(key)
    if context is None:
        filters, options = _parse(asked)
        context = summary_data.summary_context(request.app.state.store, filters, lang=request.state.lang, **options)
        kept.put(key, context)
    return context


def _ending_soon(store: Any, context: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for s in context.get("ending_soon") or []:
        number = (s.get("document") or {}).get("number")
        ids = store.find_ids(number) if number else []
        rows.append(s | {"document_id": ids[0] if ids else None, "number": number})
    return rows


@router.get("/summary")
async def summary(request: Request, user: Account = Depends(require_user("reader"))) -> Response:
    asked = _asked(request)
    store = request.app.state.store
    limited = False
    if not request.query_params and await run_in_threadpool(store.count) > LARGE_STORE:
        # a first view of a large store: the last months, said so; the form asks for more
        asked["date_from"] = (dt.date.today() - dt.timedelta(days=DEFAULT_DAYS)).strftime("%-d/%-m/%Y")
        limited = True
    try:
        _parse(asked)
    except FilterError as exc:
        return page(request, "summary.html", status_code=422, asked=asked, problem=exc.reason, doc_types=DOC_TYPES,
                    context=None, ending=[], query="", limited=False)
    context = await run_in_threadpool(_context, request, asked)
    ending = await run_in_threadpool(_ending_soon, store, context)
    query = urlencode({k: v for k, v in asked.items() if v})
    return page(request, "summary.html", asked=asked, problem=None, doc_types=DOC_TYPES, context=context,
                ending=ending, query=query, formats=tuple(BRIEF_TYPES), limited=limited, default_days=DEFAULT_DAYS)


@router.get("/summary/brief.{fmt}")
async def summary_brief(request: Request, fmt: str, download: int = 0,
                        user: Account = Depends(require_user("reader"))) -> Response:
    if fmt not in BRIEF_TYPES:
        raise HTTPException(status_code=404, detail="no such format")
    asked = _asked(request)
    try:
        _, options = _parse(asked)
    except FilterError as exc:
        raise HTTPException(status_code=422, detail=exc.reason) from None
    lang = request.state.lang

    def make() -> bytes:
        context = _context(request, asked)
        # the kept context rendered in the asked format (BriefWriter.summary_bytes without recomputing it)
        return summary_data.writer(fmt, lang, options["today"], options["ending_within"])._bytes("summary", context | {"fmt": fmt})

    data = await run_in_threadpool(make)
    headers: dict[str, str] = {}
    if fmt != "html" or download:
        stamp = re.sub(r"[^0-9-]", "", (options["today"] or dt.date.today()).isoformat())
        headers["Content-Disposition"] = f'attachment; filename="summary-{stamp}.{fmt}"'
    else:
        headers.update({"Content-Security-Policy": BRIEF_CSP, "X-Frame-Options": "SAMEORIGIN"})
    return Response(data, media_type=BRIEF_TYPES[fmt], headers=headers)
