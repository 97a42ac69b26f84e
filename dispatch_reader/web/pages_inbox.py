"""Inbox (/inbox): what arrived, is being read, was stored, failed (with the reason) or was a
duplicate; upload by drag-and-drop (static/inbox.js posts to the API's /api/upload, which puts
the files into the watched inbox: the same way in as a scanner's drop)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store.accounts import Account
from dispatch_reader.watch.places import Places
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.inbox import inbox_status
from dispatch_reader.web.pages_documents import sources
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)

LISTS = ("arrived", "processing", "stored", "failed", "duplicates")


def _with_documents(request: Request, status: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Stored and duplicate files get the id of the document they are a copy of, for a link."""
    store = request.app.state.store
    index = sources(request)
    places = Places.make(Path(request.app.state.settings.inbox))
    wanted = [i for key in ("stored", "duplicates") for i in status.get(key, [])]
    if not wanted:
        return status
    by_name: dict[str, str] = {}
    # the files just archived are hashed once, then known; the walk at most every 2 s (the poll)
    for path_text, sha in index.names(max_age=1.5).items():
        path = Path(path_text)
        if path.is_relative_to(places.archive) or path.is_relative_to(places.duplicates):
            by_name.setdefault(path.name, sha)
    for item in wanted:
        sha = by_name.get(item["name"])
        ids = store.find_ids(sha) if sha else []
        item["document_id"] = ids[0] if ids else None
    return status


def _status(request: Request) -> dict[str, list[dict[str, Any]]]:
    return _with_documents(request, inbox_status(Path(request.app.state.settings.inbox)))


@router.get("/inbox")
async def inbox(request: Request, part: str | None = None, user: Account = Depends(require_user("reader"))) -> Response:
    status = await run_in_threadpool(_status, request)
    if part == "lists":  # what inbox.js swaps in every few seconds
        return page(request, "_inbox_lists.html", status=status, lists=LISTS)
    return page(request, "inbox.html", status=status, lists=LISTS, can_upload=user.can("clerk"))
