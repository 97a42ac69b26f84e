"""The Jinja2 environment briefs are rendered in: sandboxed, user templates first, clear errors.

Templates belong to the users: a folder of theirs (`--templates DIR`, $DISPATCH_READER_TEMPLATES
or `templates/` in the user config folder) overrides any packaged template by file name, and a
user template can extend the packaged one as `default/NAME`. Every template runs in Jinja2's
sandbox, since a template file is code someone else may have written.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from dispatch_reader.briefs.formatting import (
    format_date, format_long_date, format_month, format_number, format_percent,
)
from dispatch_reader.briefs.labels import labels
from dispatch_reader.errors import InputFileError, TemplateError
from dispatch_reader.messages import rounded_down

ENV_VAR = "DISPATCH_READER_TEMPLATES"
PACKAGE_PREFIX = "default"


def packaged_templates() -> Path:
    """The packaged templates folder: `dispatch_reader.templates` when installed, else the
    checkout's `templates/` (running from a source tree that was never pip-installed)."""
    try:
        from importlib import resources

        # via a file: `templates/` has no __init__.py, and a namespace package's files() is a
        # MultiplexedPath whose str() is not a path
        anchor = resources.files("dispatch_reader.templates").joinpath("base.html.j2")
        if anchor.is_file():
            return Path(str(anchor)).parent
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parents[2] / "templates"


def user_config_templates() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("dispatch-reader")) / "templates"


def template_dirs(explicit: Path | str | None = None) -> list[Path]:
    """The user templates folder in force, if any: explicit, else $DISPATCH_READER_TEMPLATES,
    else the user config folder's `templates/` when it exists."""
    given = explicit or os.environ.get(ENV_VAR) or None
    if given:
        path = Path(given).expanduser()
        if not path.is_dir():
            raise InputFileError(path, "templates folder not found")
        return [path]
    default = user_config_templates()
    return [default] if default.is_dir() else []


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def markdown_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell or paragraph: no accidental emphasis, links or cells."""
    if value is None:
        return ""
    text = re.sub(r"\s*\n\s*", " ", str(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Section numbers of Vietnamese reports: I, II, III, IV …"""
    out, n = "", int(number)
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _marked_html(value: Any, lang: str) -> Markup:
    """`value` escaped, its ⚠ marks as the table shows them (coloured, with what they mean):
    a title line or a lead sentence carries the mark after the fact to check."""
    text = labels(lang)["text"]
    mark = Markup('<span class="low" title="{}">{}</span>').format(text["needs_check"], text["low_mark"])
    return Markup(mark).join(escape("" if value is None else str(value)).split(text["low_mark"]))


def _filters(lang: str) -> dict[str, Callable[..., Any]]:
    return {
        "marks": lambda v: _marked_html(v, lang),
        "date": lambda v: format_date(v, lang),
        "long_date": lambda v: format_long_date(v, lang),
        "month": lambda v: format_month(v, lang),
        "num": lambda v, digits=0: format_number(v, lang, digits),
        "percent": lambda part, whole: format_percent(part, whole, lang),
        # a page's confidence in whole percent, rounded down as every line under a threshold is
        "whole_percent": lambda v: int(round(rounded_down(v) * 100)),
        "md": markdown_escape,
        "roman": roman,
        "nobreak": lambda v: "" if v is None else str(v).replace(" ", "\u00a0"),
    }


def _globals(lang: str) -> dict[str, Any]:
    lab = labels(lang)
    return {
        "lang": lang,
        "L": lab["text"],
        "labels": lab,
        "doc_type_label": lambda t: lab["doc_types"].get(t or "other", t or ""),
        "kind_label": lambda k: lab["kinds"].get(k, k or ""),
    }


def make_environment(lang: str, dirs: list[Path]) -> SandboxedEnvironment:
    """Environment for text templates (`*.html.j2`, `*.md.j2`, `*.txt.j2`); HTML is autoescaped."""
    package = jinja2.FileSystemLoader(str(packaged_templates()))
    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([
            jinja2.FileSystemLoader([str(d) for d in dirs]),
            package,
            jinja2.PrefixLoader({PACKAGE_PREFIX: package}),
        ]),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "svg", "html.j2", "svg.j2", "xml.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters(lang))
    env.globals.update(_globals(lang))
    return env


def make_docx_environment(lang: str) -> SandboxedEnvironment:
    """Environment for DOCX templates: no block trimming (docxtpl's tags rely on the raw XML)."""
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.filters.update(_filters(lang))
    env.globals.update(_globals(lang))
    return env


def _template_frame(exc: BaseException) -> tuple[str, int] | None:
    """Template file and line where `exc` was raised: Jinja rewrites tracebacks so that frames
    of compiled templates carry the template's file name and line."""
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".j2", ".jinja", ".jinja2", ".html", ".md", ".txt")) and frame.lineno:
            found = (frame.filename, frame.lineno)
    return found


def template_error(exc: BaseException, template: str) -> TemplateError:
    """Any failure while loading or rendering `template`, as one line naming file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(exc.filename or exc.name or template, f"line {exc.lineno}: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(exc.name or template, "template not found (neither in the templates folder nor packaged)")
    where = _template_frame(exc)
    message = str(exc) if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {exc}"
    message = message.splitlines()[0] if message else type(exc).__name__
    if where:
        return TemplateError(where[0], f"line {where[1]}: {message}")
    return TemplateError(template, message)


def render(env: jinja2.Environment, template: str, context: dict[str, Any]) -> str:
    """Render `template` by name; every failure becomes a TemplateError naming file and line."""
    try:
        return env.get_template(template).render(**context)
    except Exception as exc:  # a user template may fail in any way; the CLI must print one line
        raise template_error(exc, template) from None
