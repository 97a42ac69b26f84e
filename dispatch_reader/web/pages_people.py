"""People (/people): each person's postings across documents (who is one person: store/people.py),
and the clerk's merge or split of two mentions (the store's person overrides, as `people merge`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dispatch_reader.errors import UsageError
from dispatch_reader.store.accounts import Account
from dispatch_reader.web.auth import require_user
from dispatch_reader.web.labels import translator
from dispatch_reader.web.render import page

router = APIRouter(include_in_schema=False)

SHOWN = 300  # people on one page; the name search narrows it
# Everyone's histories are built from every mention in the store (about 16 s for 10,000
# documents, bench/web.py): above this many documents the page asks for a name first.
LARGE_STORE = 1000


def mention(name: str | None, document_id: int) -> str:
    """How a merge or split names one mention: NAME@#DOCUMENT-ID (store/people.resolve_mention)."""
    return f"{name}@#{document_id}"


def _people(store: Any, name: str | None, seconded_only: bool, everyone: bool) -> tuple[list[Any], list[str], list[dict[str, Any]]]:
    if not name and not everyone:
        return [], [], store.person_overrides()
    people = store.people(name or None, seconded_only=seconded_only)
    people.sort(key=lambda p: (-p.document_count, p.name))
    shown = people[:SHOWN]
    refs = sorted({mention(e.name or p.name, e.document_id) for p in shown for e in p.events})
    return shown, refs, store.person_overrides()


@router.get("/people")
async def people(request: Request, name: str = "", seconded_only: int = 0, everyone: int = 0,
                 user: Account = Depends(require_user("reader"))) -> Response:
    store = request.app.state.store
    large = not name.strip() and not everyone and await run_in_threadpool(store.count) > LARGE_STORE
    shown, refs, overrides = await run_in_threadpool(_people, store, name.strip(), bool(seconded_only), not large)
    return page(request, "people.html", people=shown, refs=refs, overrides=overrides, asked_name=name.strip(),
                seconded_only=bool(seconded_only), limit=SHOWN, can_edit=user.can("clerk"), mention=mention,
                ask_name=large)


@router.post("/people/override")
async def override(request: Request, action: str = Form(...), a: str = Form(...), b: str = Form(...),
                   next: str = Form("/people"), user: Account = Depends(require_user("clerk"))) -> Response:
    """Merge (one person) or split (two people) two mentions; 303 back to the page."""
    target = next if next.startswith("/people") and "//" not in next else "/people"
    try:
        await run_in_threadpool(request.app.state.store.override_people, action, a.strip(), b.strip())
    except UsageError as exc:  # a mention that names no one, the same mention twice: said, with a way back
        t = translator(request.state.lang)
        return page(request, "error.html", status_code=422, status=422, message=t("merge_refused", reason=exc.reason),
                    back=target, back_label=t("go_back_people"))
    return RedirectResponse(target, status_code=303)
