"""The JSON API under /api/ (OpenAPI at /api/openapi.json, a readable list at /api/docs).

Every route needs a login: `Authorization: Token …`, HTTP Basic, or the browser session (then
with its CSRF token on writes). Readers read; clerks also upload and correct; admins also
manage users. Routes are thin: store/ answers, briefs/ formats.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from dispatch_reader.errors import InputFileError, LimitExceededError, NotFoundError, UsageError
from dispatch_reader.store import Filters, FilterError, PersonRefError, Store
from dispatch_reader.store import accounts
from dispatch_reader.store import corrections as corr
from dispatch_reader.store.accounts import Account
from dispatch_reader.web import inbox as inbox_files
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.render import page

router = APIRouter(prefix="/api")
Reader = Depends(require_user("reader"))
Clerk = Depends(require_user("clerk"))
Admin = Depends(require_user("admin"))


def _store(request: Request) -> Store:
    return request.app.state.store


def search_filters(
    text: Optional[str] = Query(None, description="Words anywhere in the document text."),
    person: Optional[str] = Query(None, description="Person named in the document; diacritics optional."),
    commune: Optional[str] = Query(None, description="Destination commune or ward of a secondment."),
    body: Optional[str] = Query(None, description="Sending body: issuer, its parent, or the unit people come from."),
    issuer: Optional[str] = Query(None, description="Issuing body only."),
    number: Optional[str] = Query(None, description="Document number, e.g. 1335/UBND-NC or 1335."),
    doc_type: Optional[str] = Query(None, alias="type", description="decision, official_dispatch, … (as `search`)."),
    date_from: Optional[str] = Query(None, alias="from", description="Issued on or after (2025-08-04 or 4/8/2025)."),
    date_to: Optional[str] = Query(None, alias="to", description="Issued on or before."),
) -> Filters:
    """The `search` command's filters as query parameters."""
    try:
        return Filters.make(text=text, person=person, commune=commune, body=body, issuer=issuer, number=number,
                            doc_type=doc_type, date_from=date_from, date_to=date_to)
    except (FilterError, ValueError) as exc:
        raise HTTPException(422, str(exc)) from None


def _hit(hit: Any) -> dict[str, Any]:
    return jsonable_encoder(hit.__dict__)


@router.get("/me", summary="Who am I")
def me(user: Account = Reader) -> dict[str, Any]:
    return {"name": user.name, "role": user.role}


@router.get("/documents", summary="Stored documents, newest first, with the search filters; "
                                   "`offset` and `limit` page through them")
def documents(request: Request, filters: Filters = Depends(search_filters),
              limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=1_000_000),
              user: Account = Reader) -> dict[str, Any]:
    hits = _store(request).search(filters, limit=offset + limit)[offset:]
    return {"count": len(hits), "offset": offset, "results": [_hit(h) for h in hits]}


@router.get("/search", summary="Search (same filters as `dispatch-reader search`), each hit with its quote")
def search(request: Request, filters: Filters = Depends(search_filters),
           limit: int = Query(50, ge=1, le=1000), offset: int = Query(0, ge=0, le=1_000_000),
           user: Account = Reader) -> dict[str, Any]:
    return documents(request, filters, limit, offset, user)


def _document_or_404(store: Store, doc_id: int) -> Any:
    doc = store.document(doc_id)
    if doc is None or not doc.files:
        raise HTTPException(404, f"document {doc_id} not stored")
    return doc


@router.get("/documents/{doc_id}", summary="One document: its files, its record (corrections applied), history")
def document(request: Request, doc_id: int, user: Account = Reader) -> dict[str, Any]:
    store = _store(request)
    doc = _document_or_404(store, doc_id)
    record = store.get_by_id(doc_id)
    return jsonable_encoder({
        "id": doc.id, "key": doc.key, "files": [f.as_dict() for f in doc.files],
        "refers_to": doc.refers_to, "reported_in": doc.reported_in,
        "record": record.to_dict() if record else None,
        "corrections": [e.as_dict() for e in corr.history(store, doc_id)],
    })


@router.get("/records/{doc_id}", summary="The record (JSON schema dispatch-record) of a document's best-read file, "
                                         "or of one of its files with ?file=")
def record(request: Request, doc_id: int, file: Optional[int] = Query(None, description="A file id of the document."),
           user: Account = Reader) -> dict[str, Any]:
    store = _store(request)
    doc = _document_or_404(store, doc_id)
    if file is None:
        found = store.get_by_id(doc_id)
    elif file in {f.id for f in doc.files}:
        found = store.get_file(file)
    else:
        raise HTTPException(404, f"file {file} is not a file of document {doc_id}")
    if found is None:
        raise HTTPException(404, f"document {doc_id} not stored")
    return found.to_dict()


@router.get("/people", summary="People and their postings across documents (diacritics optional)")
def people(request: Request, name: Optional[str] = None, min_documents: int = Query(1, ge=1),
           seconded_only: bool = False, user: Account = Reader) -> dict[str, Any]:
    found = _store(request).people(name, min_documents=min_documents, seconded_only=seconded_only)
    rows = [{**p.__dict__, "events": [e.__dict__ for e in p.events], "document_count": p.document_count,
             "times_sent": p.times_sent} for p in found]
    return jsonable_encoder({"count": len(rows), "results": rows})


class PeopleOverride(BaseModel):
    a: str = Field(..., description="A mention: NAME@DOCUMENT (as `ref` in /api/people).")
    b: str = Field(..., description="Another mention.")


@router.post("/people/{action}", summary="Merge two mentions into one person, or split them (clerk)")
def people_override(request: Request, action: Literal["merge", "split"], body: PeopleOverride,
                    user: Account = Clerk) -> dict[str, Any]:
    try:
        override_id = _store(request).override_people(action, body.a, body.b)
    except PersonRefError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"id": override_id, "action": action}


class CorrectionIn(BaseModel):
    path: str = Field(..., description="The fact: document.number, document.signer.name, people[2].name, "
                                       "secondments[0].to_unit, counts[1].value, secondments[0].status, …",
                      examples=["secondments[0].to_unit"])
    value: Any = Field(None, description="The right value (ignored when confirming). Dates as 2025-08-04 or 4/8/2025.")
    action: Literal["correct", "confirm"] = "correct"


def make_correction(store: Store, doc_id: int, body: CorrectionIn, user: Account) -> corr.CorrectionEntry:
    """Shared by the API and the page's form: 404 for no document, 422 for a wrong path or value."""
    try:
        return corr.correct(store, doc_id, body.path, body.value, user.name, body.action)
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except UsageError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("/documents/{doc_id}/corrections", summary="The corrections and confirmations of a document, newest first")
def corrections(request: Request, doc_id: int, user: Account = Reader) -> list[dict[str, Any]]:
    store = _store(request)
    _document_or_404(store, doc_id)
    return [e.as_dict() for e in corr.history(store, doc_id)]


@router.post("/documents/{doc_id}/corrections", status_code=201,
             summary="Correct or confirm one fact (clerk); briefs, summaries and exports use it from now on")
async def add_correction(request: Request, doc_id: int, body: CorrectionIn, user: Account = Clerk) -> dict[str, Any]:
    store = _store(request)
    entry = await run_in_threadpool(make_correction, store, doc_id, body, user)
    now_id = entry.document_id or doc_id  # a corrected number or date can make it another document
    found = await run_in_threadpool(store.get_by_id, now_id)
    return jsonable_encoder({"correction": entry.as_dict(), "document_id": now_id,
                             "record": found.to_dict() if found else None})


@router.post("/upload", status_code=202, responses={207: {"description": "Some files saved, some refused (see `refused`)"},
                                                     413: {"description": "Every file refused, one over the size limit"},
                                                     422: {"description": "Every file refused (see `refused`)"}},
             summary="Upload PDFs or scans (clerk): they go into the watched inbox and are read as dropped files")
async def upload(request: Request, file: list[UploadFile] = File(..., description="One or more files (field `file`)."),
                 user: Account = Clerk) -> Any:
    """Each file is saved or refused on its own, and the answer says which: 202 when all were
    saved, 207 when some were (`files` saved, `refused` with each one's reason), 413/422 when
    none was. Never a refusal that hides files saved beside it."""
    settings = request.app.state.settings
    limit = inbox_files.max_upload_bytes(settings.max_upload_mb)
    saved: list[dict[str, Any]] = []
    refused: list[dict[str, Any]] = []
    for item in file:
        try:
            path = await run_in_threadpool(inbox_files.save_upload, settings.inbox, item.filename, item.file, limit)
        except (LimitExceededError, InputFileError) as exc:
            code = 413 if isinstance(exc, LimitExceededError) else 422
            refused.append({"name": item.filename or "", "reason": exc.reason, "status": code, "detail": str(exc)})
            continue
        saved.append({"name": path.name, "size": path.stat().st_size})
    if not refused:
        return {"files": saved}
    detail = "; ".join(r["detail"] for r in refused)
    body = {"detail": detail, "files": saved, "refused": [{k: r[k] for k in ("name", "reason", "status")} for r in refused]}
    if saved:
        return JSONResponse(body, status_code=207)
    return JSONResponse(body, status_code=413 if all(r["status"] == 413 for r in refused) else 422)


@router.get("/inbox", summary="Arrived, being read, stored, failed (with the reason) and duplicate files")
def inbox(request: Request, user: Account = Reader) -> dict[str, Any]:
    return inbox_files.inbox_status(request.app.state.settings.inbox)


@router.get("/summary", summary="The summary brief's figures (JSON), or the brief itself with ?format=html|md|pdf|docx")
def summary(request: Request, filters: Filters = Depends(search_filters),
            fmt: Optional[Literal["html", "md", "pdf", "docx"]] = Query(None, alias="format"),
            lang: Literal["vi", "en"] = "vi", ending_within: int = Query(30, ge=0),
            today: Optional[dt.date] = None, user: Account = Reader) -> Any:
    from dispatch_reader.web import summary_data

    kwargs = {"lang": lang, "today": today, "ending_within": ending_within, "commune": filters.commune,
              "issuer": filters.issuer}
    store = _store(request)
    if fmt is None:
        return JSONResponse(jsonable_encoder(summary_data.summary_context(store, filters, **kwargs)))
    data = summary_data.summary_bytes(store, filters, fmt, **kwargs)
    media = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8", "pdf": "application/pdf",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}[fmt]
    return Response(data, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="summary.{fmt}"'})


class TokenOut(BaseModel):
    token: str


@router.post("/tokens", response_model=TokenOut, status_code=201,
             summary="A new API token for the user asking (shown once)")
def new_token(request: Request, label: Optional[str] = None, user: Account = Reader) -> dict[str, str]:
    return {"token": accounts.create_token(_store(request), user.name, label)}


class UserIn(BaseModel):
    name: str
    role: Literal["reader", "clerk", "admin"] = "reader"
    password: str = Field(..., min_length=accounts.MIN_PASSWORD)


@router.get("/users", summary="Users and roles (admin)")
def users(request: Request, user: Account = Admin) -> list[dict[str, Any]]:
    return [{"name": a.name, "role": a.role} for a in accounts.users(_store(request))]


@router.post("/users", status_code=201, summary="Add a user (admin)")
def add_user(request: Request, body: UserIn, user: Account = Admin) -> dict[str, Any]:
    try:
        account = accounts.add_user(_store(request), body.name, body.role, body.password)
    except UsageError as exc:
        raise HTTPException(422, str(exc)) from None
    return {"name": account.name, "role": account.role}


@router.delete("/users/{name}", status_code=204, summary="Take a user's access away (admin)")
def remove_user(request: Request, name: str, user: Account = Admin) -> Response:
    if name == user.name:
        raise HTTPException(422, "you cannot remove yourself")
    try:
        accounts.remove_user(_store(request), name)
    except UsageError as exc:
        raise HTTPException(404, str(exc)) from None
    return Response(status_code=204)


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, user: Account = Reader) -> JSONResponse:
    return JSONResponse(request.app.openapi())


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def docs(request: Request, user: Account = Reader) -> HTMLResponse:
    """The OpenAPI description as a page (no Swagger UI: it would load scripts from another site)."""
    spec = request.app.openapi()
    ops = [{"method": method.upper(), "path": path, "summary": op.get("summary") or "",
            "params": [p["name"] for p in op.get("parameters", [])],
            "body": bool(op.get("requestBody"))}
           for path, methods in spec.get("paths", {}).items() for method, op in methods.items()]
    return page(request, "api_docs.html", ops=ops)
