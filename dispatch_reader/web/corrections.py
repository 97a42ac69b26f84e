"""The Document page's correct / confirm form: POST /documents/{id}/corrections (clerk).

Form fields `path`, `value`, `action` (correct | confirm), `csrf_token`, and `next` (where to go
back, a path of this site). The same store call as the API (api.make_correction)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store.accounts import Account
from dispatch_reader.web.api import CorrectionIn, make_correction
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.login import safe_next

router = APIRouter(include_in_schema=False)


@router.post("/documents/{doc_id}/corrections")
async def correct_form(request: Request, doc_id: int, path: str = Form(...), value: str = Form(""),
                       action: str = Form("correct"), next: str = Form(""),
                       user: Account = Depends(require_user("clerk"))) -> Response:
    body = CorrectionIn(path=path, value=value, action="confirm" if action == "confirm" else "correct")
    entry = await run_in_threadpool(make_correction, request.app.state.store, doc_id, body, user)
    return RedirectResponse(safe_next(back_to(next, doc_id, entry.document_id or doc_id)), status_code=303)


def back_to(next: str, old_id: int, new_id: int) -> str:
    """The page to go back to: `next` (default: the document's page), with the document's new id
    when the correction made it another document (`/documents/3#facts` → `/documents/7#facts`)."""
    page = f"/documents/{old_id}"
    if not next:
        return f"/documents/{new_id}"
    if new_id != old_id and (next == page or next.startswith((page + "#", page + "?"))):
        return f"/documents/{new_id}" + next[len(page):]
    return next
