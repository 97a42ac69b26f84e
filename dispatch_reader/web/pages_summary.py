"""Summary (/summary): the summary brief over the stored documents with its filters (as the
`summary` command), shown in the page and downloadable; and the "ending soon" list with links to
the documents that decided the sendings."""

from __future__ import annotations

import datetime as dt
import re
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
    try:
        filters, options = _parse(asked)
    except FilterError as exc:
        return page(request, "summary.html", status_code=422, asked=asked, problem=exc.reason, doc_types=DOC_TYPES,
                    context=None, ending=[], query="")
    context = await run_in_threadpool(lambda: summary_data.summary_context(store, filters, lang=request.state.lang,
                                                                           **options))
    ending = await run_in_threadpool(_ending_soon, store, context)
    query = urlencode({k: v for k, v in asked.items() if v})
    return page(request, "summary.html", asked=asked, problem=None, doc_types=DOC_TYPES, context=context,
                ending=ending, query=query, formats=tuple(BRIEF_TYPES))


@router.get("/summary/brief.{fmt}")
async def summary_brief(request: Request, fmt: str, download: int = 0,
                        user: Account = Depends(require_user("reader"))) -> Response:
    if fmt not in BRIEF_TYPES:
        raise HTTPException(status_code=404, detail="no such format")
    try:
        filters, options = _parse(_asked(request))
    except FilterError as exc:
        raise HTTPException(status_code=422, detail=exc.reason) from None
    store = request.app.state.store
    data = await run_in_threadpool(lambda: summary_data.summary_bytes(store, filters, fmt, lang=request.state.lang,
                                                                      **options))
    headers: dict[str, str] = {}
    if fmt != "html" or download:
        stamp = re.sub(r"[^0-9-]", "", (options["today"] or dt.date.today()).isoformat())
        headers["Content-Disposition"] = f'attachment; filename="summary-{stamp}.{fmt}"'
    else:
        headers.update({"Content-Security-Policy": BRIEF_CSP, "X-Frame-Options": "SAMEORIGIN"})
    return Response(data, media_type=BRIEF_TYPES[fmt], headers=headers)
