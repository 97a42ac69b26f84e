"""Documents page (/documents). STARTER by the backend (15A): the frontend engineer (15B) owns
this module and templates/web/documents.html from here on (filters, copies grouped, …)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store import Filters
from dispatch_reader.store.accounts import Account
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)


@router.get("/documents")
async def documents(request: Request, user: Account = Depends(require_user("reader"))) -> Response:
    store = request.app.state.store
    hits = await run_in_threadpool(store.search, Filters.make(), limit=200)
    return page(request, "documents.html", hits=hits)
