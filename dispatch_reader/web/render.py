"""Server-rendered pages: one Jinja2 environment over templates/web/, autoescaped, with the
user, the language, its words (`t`), the CSRF token and the briefs' date and number formats."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from dispatch_reader.briefs.environment import packaged_templates
from dispatch_reader.briefs.formatting import format_date, format_long_date, format_number
from dispatch_reader.web.labels import translator


def web_templates_dir() -> Path:
    return packaged_templates() / "web"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(web_templates_dir())),
        autoescape=True,  # every value is escaped: a subject with <script> shows as text
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def context(request: Request, **values: Any) -> dict[str, Any]:
    """What every page template gets, plus `values`."""
    lang = getattr(request.state, "lang", "vi")
    return {
        "user": getattr(request.state, "user", None),
        "csrf_token": getattr(request.state, "csrf", None) or "",
        "lang": lang,
        "t": translator(lang),
        "fmt_date": lambda v, short=False: format_date(v, lang, short),
        "fmt_long_date": lambda v: format_long_date(v, lang),
        "fmt_number": lambda v, digits=0: format_number(v, lang, digits),
        "path": request.url.path,
        "lang_url": lambda code: lang_url(request, code),
        **values,
    }


def page(request: Request, name: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """Render templates/web/`name` with the common context."""
    return templates().TemplateResponse(request, name, context(request, **values), status_code=status_code)


def lang_url(request: Request, code: str) -> str:
    """This page in language `code`: its path and query (filters, ?file=) kept, lang set."""
    from urllib.parse import urlencode

    query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
    return f"{request.url.path}?{urlencode(query)}"
