"""Render records into briefs with the Jinja2 templates in `templates/`.

Templates get plain dicts (`Record.to_dict()`), labels for the chosen language and a few
filters; what they receive is documented in the README. A file is rewritten only when its
content changed, so a second run over the same archive writes nothing.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import jinja2

from dispatch_reader.errors import TemplateError
from dispatch_reader.record import Record
from dispatch_reader.textnorm import fold


@lru_cache(maxsize=1)
def _labels() -> dict[str, Any]:
    return json.loads(resources.files("dispatch_reader.briefs").joinpath("labels.json").read_text("utf-8"))


def format_date(iso: str | None, lang: str = "vi") -> str:
    """`2025-08-04` as people write it: `04/8/2025` in Vietnamese, `4 August 2025` in English."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    if lang == "en":
        return f"{d.day} {_labels()['en']['months'][d.month - 1]} {d.year}"
    # Decree 30 style: day and month below 10 padded for months 1-2 only.
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"{d.day:02d}/{month}/{d.year}"


def _environment(lang: str, extra_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader([str(d) for d in extra_dirs])]
    loaders.append(jinja2.PackageLoader("dispatch_reader", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "html.j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = lambda iso: format_date(iso, lang)
    env.globals["L"] = _labels()[lang]["text"]
    env.globals["doc_type_label"] = lambda t: _labels()[lang]["doc_types"].get(t or "other", t or "")
    env.globals["kind_label"] = lambda k: _labels()[lang]["kinds"].get(k, k)
    env.globals["lang"] = lang
    return env


def _heads(secondment: dict[str, Any]) -> int:
    """People a secondment entry stands for: one named person, or the stated count."""
    return 1 if secondment["person"] else (secondment["count"] or 0)


def summary_context(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals and breakdowns over many records, computed once so every format agrees."""
    secondments = [s | {"document": r["document"]} for r in records for s in r["secondments"]]
    by_commune: Counter[str] = Counter()
    by_sender: Counter[str] = Counter()
    for s in secondments:
        by_commune[s["to_unit"] or "?"] += _heads(s)
        by_sender[s["from_unit"] or "?"] += _heads(s)
    people = sum(_heads(s) for s in secondments)
    return {
        "records": records,
        "secondments": secondments,
        "total_docs": len(records),
        "total_people": people,
        "by_commune": by_commune.most_common(),
        "by_sender": by_sender.most_common(),
    }


def _slug(name: str) -> str:
    stem = Path(name).stem
    return re.sub(r"[^a-z0-9.-]+", "-", fold(stem)).strip("-") or "document"


class BriefWriter:
    """Writes briefs of one format and language into one folder."""

    def __init__(self, out_dir: Path, fmt: str = "html", lang: str = "vi", templates: Path | None = None) -> None:
        self.out_dir = out_dir
        self.fmt = fmt
        self.lang = lang
        self.env = _environment(lang, [templates] if templates else [])

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateSyntaxError as err:
            raise TemplateError(err.filename or template, f"line {err.lineno}: {err.message}") from None
        except jinja2.TemplateError as err:
            raise TemplateError(template, str(err)) from None

    def _write(self, name: str, text: str) -> Path:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        path = self.out_dir / name
        if not path.exists() or path.read_text("utf-8") != text:
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(text, "utf-8")
            tmp.replace(path)
        return path

    def document(self, record: Record) -> Path:
        text = self.render(f"document.{self.fmt}.j2", r=record.to_dict())
        return self._write(f"{_slug(record.source.file_name)}.{self.fmt}", text)

    def summary(self, records: list[Record], name: str = "summary") -> Path:
        context = summary_context([r.to_dict() for r in records])
        return self._write(f"{name}.{self.fmt}", self.render(f"summary.{self.fmt}.j2", **context))
