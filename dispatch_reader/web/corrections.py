"""The Document page's correct / confirm form: POST /documents/{id}/corrections (clerk).

Form fields `path`, `value`, `action` (correct | confirm), `csrf_token`, and `next` (where to go
back, a path of this site). The same store call as the API (api.make_correction)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store.accounts import Account
from dispatch_reader.web.api import CorrectionIn, make_correction
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.labels import translator
from dispatch_reader.web.login import safe_next
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)


@router.post("/documents/{doc_id}/corrections")
async def correct_form(request: Request, doc_id: int, path: str = Form(...), value: str = Form(""),
                       action: str = Form("correct"), next: str = Form(""),
                       user: Account = Depends(require_user("clerk"))) -> Response:
    body = CorrectionIn(path=path, value=value, action="confirm" if action == "confirm" else "correct")
    try:
        entry = await run_in_threadpool(make_correction, request.app.state.store, doc_id, body, user)
    except HTTPException as exc:
        if exc.status_code != 422:
            raise
        # a mistyped value: said in the reader's words, with the fact's name and a way back
        message = await run_in_threadpool(refusal, request.app.state.store, doc_id, path, value, str(exc.detail),
                                          request.state.lang)
        back = safe_next(next or f"/documents/{doc_id}")
        return page(request, "error.html", status_code=422, status=422, message=message, back=back,
                    back_label=translator(request.state.lang)("go_back_document"))
    return RedirectResponse(safe_next(back_to(next, doc_id, entry.document_id or doc_id)), status_code=303)


def refusal(store: Any, doc_id: int, path: str, value: str, reason: str, lang: str) -> str:
    """Why a typed value was refused, in `lang`, naming the fact as the page does (`Mục 1 · Bắt đầu`)."""
    from dispatch_reader.store import corrections as corr
    from dispatch_reader.web.factview import fact_groups, fact_names

    t = translator(lang)
    record = store.get_by_id(doc_id)
    fact = fact_names(fact_groups(record.to_dict(), lang), lang).get(path, path) if record is not None else path
    try:
        field = str(corr.parse_path(path)[-1])
    except corr.CorrectionError:
        field = ""
    if field in corr._DATE_FIELDS and "not a date" in reason:
        return t("correction_not_a_date", fact=fact, value=value)
    if field in corr._INT_FIELDS | corr._FLOAT_FIELDS and "number" in reason:
        return t("correction_not_a_number", fact=fact, value=value)
    return t("correction_refused", fact=fact, reason=reason.removeprefix(f"{path}: "))


def back_to(next: str, old_id: int, new_id: int) -> str:
    """The page to go back to: `next` (default: the document's page), with the document's new id
    when the correction made it another document (`/documents/3#facts` → `/documents/7#facts`)."""
    page = f"/documents/{old_id}"
    if not next:
        return f"/documents/{new_id}"
    if new_id != old_id and (next == page or next.startswith((page + "#", page + "?"))):
        return f"/documents/{new_id}" + next[len(page):]
    return next
