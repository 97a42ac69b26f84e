"""Inbox (/inbox): what arrived, is being read, was stored, failed (with the reason) or was a
duplicate; upload by drag-and-drop (static/inbox.js posts to the API's /api/upload, which puts
the files into the watched inbox: the same way in as a scanner's drop)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.ingest.sniff import IMAGE_FORMATS
from dispatch_reader.store.accounts import Account
from dispatch_reader.messages import localise
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.inbox import inbox_status
from dispatch_reader.web.labels import translator
from dispatch_reader.web.pages_documents import sources
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)

# the upload's refusals (web/inbox.py save_upload, in English in the API): the page words them
# in its language (inbox.js matches the start of the reason)
UPLOAD_REASONS = {
    "not a usable file name": "reason_not_a_usable_file_name",
    f"not a PDF or image ({IMAGE_FORMATS}) by its name": "reason_not_a_pdf_by_name",
    "a temporary file's name": "reason_temporary_name",
    "over the limit of": "reason_over_the_limit",
    "empty file (0 bytes)": "reason_empty_file",
    "not a PDF or image by its content": "reason_not_a_pdf_by_content",
    "no free name in the inbox": "reason_no_free_name",
}
_NUMBER = re.compile(r"\bnumber: ([^,)]+)")

LISTS = ("arrived", "processing", "stored", "failed", "duplicates")


def _with_documents(request: Request, status: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Stored and duplicate files get the id of the document they are a copy of, for a link:
    found by the file's SHA-256 (its note's, or the source index's for its very path), never by
    its name — scanners reuse names (scan0001.pdf every month)."""
    store = request.app.state.store
    lang = request.state.lang
    t = translator(lang)
    for item in status.get("failed", []):
        if item.get("reason"):
            item["reason"] = localise(item["reason"], lang)  # in the reader's language where known
    for item in status.get("duplicates", []):
        if item.get("duplicate_of"):  # the note's English keys (doc_type: …) worded for the reader
            number = _NUMBER.search(item.get("reason") or "")
            item["reason"] = t("inbox_repeats", what=t("inbox_repeats_number", number=number.group(1)) if number else "")
    wanted = [i for key in ("stored", "duplicates") for i in status.get(key, [])]
    if not wanted:
        return status
    by_path: dict[str, str] = {}
    if any(not i.get("sha256") for i in wanted):
        # the files just archived are hashed once, then known; the walk at most every 2 s (the poll)
        by_path = dict(sources(request).names(max_age=1.5))
    for item in wanted:
        sha = item.get("sha256") or by_path.get(str(item.get("path")))
        ids = store.find_ids(sha) if sha else []
        item["document_id"] = ids[0] if ids else item.get("duplicate_of")
    return status


def _status(request: Request) -> dict[str, list[dict[str, Any]]]:
    return _with_documents(request, inbox_status(Path(request.app.state.settings.inbox), paths=True))


@router.get("/inbox")
async def inbox(request: Request, part: str | None = None, user: Account = Depends(require_user("reader"))) -> Response:
    status = await run_in_threadpool(_status, request)
    if part == "lists":  # what inbox.js swaps in every few seconds
        return page(request, "_inbox_lists.html", status=status, lists=LISTS)
    t = translator(request.state.lang)
    return page(request, "inbox.html", status=status, lists=LISTS, can_upload=user.can("clerk"),
                upload_reasons={english: t(key) for english, key in UPLOAD_REASONS.items()})
