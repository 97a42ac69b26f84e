"""Documents (/documents: the list, with the filters of `search`) and one document
(/documents/{id}: its page images beside its facts, corrections, history and brief)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, Response
from platformdirs import user_cache_dir
from starlette.concurrency import run_in_threadpool

from dispatch_reader.store import Filters
from dispatch_reader.store.accounts import Account
from dispatch_reader.store.filters import DOC_TYPES, FilterError
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.factview import fact_groups, fact_names
from dispatch_reader.web.pageimages import PageImageCache, snap_width
from dispatch_reader.web.render import page
from dispatch_reader.web.sources import SourceIndex

router = APIRouter(include_in_schema=False)

# a file not in the watch folders is looked for again at most this often (seconds): the walk
# stats every archived file
REWALK = 5.0

FILTERS = ("person", "commune", "body", "doc_type", "date_from", "date_to", "text", "number")
LIST_LIMIT = 200  # rows on one page of the list; the filters narrow it
BRIEF_TYPES = {"html": "text/html; charset=utf-8", "pdf": "application/pdf",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
# the brief shown inside the document page: its own styles, no script, framed by our page only
BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"


# -- shared helpers (the other page modules use them too) ---------------------------------------

def cache_folder(request: Request) -> Path:
    """Where rendered page images are kept: settings.cache_dir when the app has one, else the
    user cache folder. Never inside the inbox: the watcher would take a PNG there for a scan."""
    given = getattr(request.app.state.settings, "cache_dir", None)
    return Path(given) if given else Path(user_cache_dir("dispatch-reader")) / "web"


def sources(request: Request) -> SourceIndex:
    """The app's index of stored files by SHA-256 (the watch folders under the inbox)."""
    index = getattr(request.app.state, "page_sources", None)
    if index is None:
        from dispatch_reader.watch.places import Places

        places = Places.make(Path(request.app.state.settings.inbox))
        index = SourceIndex([places.archive, places.duplicates, places.processing, places.failed],
                            cache_folder(request) / "sources.json")
        request.app.state.page_sources = index
    return index


def corrections_of(store: Any, doc_id: int, sha256: str | None = None) -> tuple[dict[str, Any], list[Any]]:
    """(latest correction per fact path of the file shown — the best-read one unless `sha256`
    names another —, whole history newest first)."""
    from dispatch_reader.store import corrections

    return corrections.latest_by_path(store, doc_id, sha256), corrections.history(store, doc_id)


def _filters(request: Request) -> tuple[dict[str, str], Filters | None, str | None]:
    asked = {k: request.query_params.get(k, "").strip() for k in FILTERS}
    try:
        return asked, Filters.make(**{k: v for k, v in asked.items() if v}), None
    except FilterError as exc:
        return asked, None, exc.reason


# -- the list -----------------------------------------------------------------------------------

@router.get("/documents")
async def documents(request: Request, user: Account = Depends(require_user("reader"))) -> Response:
    store = request.app.state.store
    asked, filters, problem = _filters(request)
    hits = await run_in_threadpool(store.search, filters, limit=LIST_LIMIT) if filters is not None else []
    total = await run_in_threadpool(store.count)
    return page(request, "documents.html", status_code=422 if problem else 200, hits=hits, asked=asked,
                problem=problem, doc_types=DOC_TYPES, total=total, limit=LIST_LIMIT,
                filtered=bool(filters and not filters.is_empty()))


# -- one document -------------------------------------------------------------------------------

def _document_view(store: Any, doc_id: int, file_id: int | None, lang: str) -> dict[str, Any]:
    doc = store.document(doc_id)
    if doc is None or not doc.files:
        raise HTTPException(status_code=404, detail=f"no document {doc_id}")
    pairs = store.file_records(doc_id)
    chosen = next(((f, r) for f, r in pairs if f.id == file_id), None) if file_id is not None else None
    info, record = chosen or pairs[0]
    best = info.id == pairs[0][0].id
    data = record.to_dict()
    # the marks of the file shown, under its own paths (each copy has its corrections stored)
    latest, history = corrections_of(store, doc_id, info.sha256)
    groups = fact_groups(data, lang, latest)
    reading = {p["number"]: p for p in data["source"].get("pages") or []}
    pages = [{"number": n, "method": (reading.get(n) or {}).get("method"),
              "rotation": (reading.get(n) or {}).get("rotation") if (reading.get(n) or {}).get("method") == "ocr" else 0,
              "confidence": (reading.get(n) or {}).get("ocr_confidence")}
             for n in range(1, (data["source"].get("page_count") or 0) + 1)]
    from dispatch_reader.briefs.stored import reports_about

    return {"doc": doc, "files": [f for f, _ in pairs], "file": info, "best": best, "record": data,
            "groups": groups, "fact_names": fact_names(groups, lang), "history": history, "pages": pages,
            # the heading marks the number or the date the fact table marks (a clerk read them bare there)
            "heading_checks": {row.path for g in groups if g.key == "header" for item in g.items for row in item
                               if row.check},
            "reports": reports_about(store, doc),
            # kept in English in the record; shown in the reader's language and told as the brief
            # tells them (a page read badly once, what to check before how the pages were read)
            "warnings": _told(data, lang)}


def _told(data: dict[str, Any], lang: str) -> list[str]:
    from dispatch_reader.briefs.document import header_rows, secondment_rows, warnings

    return warnings(data, header_rows(data, lang), secondment_rows(data, lang), lang)


@router.get("/documents/{doc_id}")
async def document(request: Request, doc_id: int, file: int | None = None,
                   user: Account = Depends(require_user("reader"))) -> Response:
    store = request.app.state.store
    view = await run_in_threadpool(_document_view, store, doc_id, file, request.state.lang)
    has_source = await run_in_threadpool(lambda: sources(request).find(view["file"].sha256, REWALK) is not None)
    return page(request, "document.html", **view, can_correct=user.can("clerk"), has_source=has_source,
                brief_formats=tuple(BRIEF_TYPES))


@router.get("/documents/{doc_id}/files/{file_id}/pages/{number}.png")
async def page_image(request: Request, doc_id: int, file_id: int, number: int, w: int | None = None,
                     user: Account = Depends(require_user("reader"))) -> Response:
    store = request.app.state.store

    def find() -> tuple[Path, str, int | None]:
        info = next((f for f in store.files(doc_id) if f.id == file_id), None)
        if info is None or not 1 <= number <= info.page_count:
            raise HTTPException(status_code=404, detail="no such page")
        record = store.get_file(file_id)
        turn = None
        if record is not None:
            p = next((p for p in record.source.pages if p.number == number), None)
            turn = p.rotation if p is not None and p.method == "ocr" else None
        source = sources(request).find(info.sha256, REWALK)
        if source is None:
            raise HTTPException(status_code=404, detail="the file itself is not in the watch folders")
        cache = PageImageCache(cache_folder(request) / "pages")
        return cache.get(info.sha256, source, number, snap_width(w), turn), info.sha256, turn

    path, _, _ = await run_in_threadpool(find)
    # the page of a stored file never changes under its hash: the browser may keep it (privately)
    return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})


def _brief_bytes(store: Any, doc_id: int, fmt: str, lang: str) -> tuple[bytes, str]:
    from dispatch_reader.briefs.render import BriefWriter, slug
    from dispatch_reader.briefs.stored import other_files

    doc = store.document(doc_id)
    record = store.get_by_id(doc_id) if doc is not None else None
    if doc is None or record is None:
        raise HTTPException(status_code=404, detail=f"no document {doc_id}")
    writer = BriefWriter(Path("."), fmt=fmt, lang=lang)
    data = writer.document_bytes(record, other_files(store, doc), report=doc.is_report)
    # a number's slash is no folder's (`1587/QĐ-UBND` was downloaded as `qd-ubnd.html`)
    number = record.document.number
    name = f"{slug(number.replace('/', '-') if number else Path(record.source.file_name).stem)}.{fmt}"
    return data, name


@router.get("/documents/{doc_id}/brief.{fmt}")
async def brief(request: Request, doc_id: int, fmt: str, download: int = 0,
                user: Account = Depends(require_user("reader"))) -> Response:
    if fmt not in BRIEF_TYPES:
        raise HTTPException(status_code=404, detail="no such format")
    data, name = await run_in_threadpool(_brief_bytes, request.app.state.store, doc_id, fmt, request.state.lang)
    headers = {}
    if fmt != "html" or download:
        safe = re.sub(r"[^A-Za-z0-9._-]", "_", name)
        headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    else:
        headers.update({"Content-Security-Policy": BRIEF_CSP, "X-Frame-Options": "SAMEORIGIN"})
    return Response(data, media_type=BRIEF_TYPES[fmt], headers=headers)
