"""Render records into briefs: HTML, Markdown, DOCX or PDF, in Vietnamese or English.

`BriefWriter(out_dir, fmt, lang, templates).document(record)` and `.summary(records)` are what
`process`, `brief` and `summary` call. Templates get plain dicts (the record as
`Record.to_dict()` plus rows already worded in the brief's language); what each template
receives is documented in docs/briefs.md. A file is rewritten only when its bytes changed,
so a second run over the same archive writes nothing.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from dispatch_reader.briefs.docx import find_template, render_docx
from dispatch_reader.briefs.document import document_context
from dispatch_reader.briefs.environment import (
    make_docx_environment, make_environment, packaged_templates, render, template_dirs,
)
from dispatch_reader.briefs.formatting import format_date
from dispatch_reader.briefs.labels import labels, languages
from dispatch_reader.briefs.pdf import html_to_pdf
from dispatch_reader.briefs.summary import DEFAULT_ENDING_WITHIN, Selection, summary_context
from dispatch_reader.errors import DispatchReaderError, TemplateError
from dispatch_reader.record import Record
from dispatch_reader.textnorm import fold

FORMATS = ("html", "md", "docx", "pdf")

__all__ = ["BriefWriteError", "BriefWriter", "FORMATS", "brief_name", "format_date", "slug"]


class BriefWriteError(DispatchReaderError):
    """A brief could not be written (full or read-only --out): the document itself is stored."""

    kind = "brief"


def slug(name: str) -> str:
    """A file name stem people can type: `Quyết định 123.pdf` → `quyet-dinh-123`."""
    stem = Path(name).stem
    typed = re.sub(r"[^a-z0-9.-]+", "-", fold(stem))
    # a dash the words left against a dot, or beside another, is none a person types
    # (`… (bản đến).receipt`, `QĐ 1702 - điều động`)
    return re.sub(r"-{2,}", "-", re.sub(r"-*\.[-.]*", ".", typed)).strip("-.") or "document"


def brief_name(file_name: str, sha256: str, fmt: str) -> str:
    """The brief of a document in a folder of many: scanners reuse names (two folders each with
    a `scan0001.pdf`, or one every day), so the name carries the content hash of the file the
    brief is made from (as the watcher's outbox names them). The slug is ASCII, cut so that a
    250-byte file name still gives a name the disk takes (255 bytes at most)."""
    return f"{slug(file_name)[:200].rstrip('-.')}-{sha256[:10]}.{fmt}"


class BriefWriter:
    """Writes briefs of one format and language into one folder."""

    def __init__(
        self,
        out_dir: Path,
        fmt: str = "html",
        lang: str = "vi",
        templates: Path | None = None,
        *,
        today: date | None = None,
        ending_within: int = DEFAULT_ENDING_WITHIN,
    ) -> None:
        if fmt not in FORMATS:
            raise TemplateError(None, f"unknown brief format '{fmt}' (one of: {', '.join(FORMATS)})")
        if lang not in languages():
            raise TemplateError(None, f"unknown brief language '{lang}' (one of: {', '.join(languages())})")
        self.out_dir = Path(out_dir)
        self.fmt = fmt
        self.lang = lang
        self.today = today
        self.ending_within = ending_within
        self.dirs = template_dirs(templates)
        self.env = make_environment(lang, self.dirs)

    # -- rendering to bytes -------------------------------------------------------------------

    def _common(self) -> dict[str, Any]:
        today = self.today or date.today()
        return {"fmt": self.fmt, "today": today.isoformat(), "today_text": format_date(today, self.lang)}

    def file_label(self, f: dict[str, Any] | str) -> str:
        """`qd-01.scan.pdf (bản quét, OCR 94%)`: a file of the document as the brief names it."""
        if isinstance(f, str):
            return f
        bits = [labels(self.lang).get("file_roles", {}).get(f.get("role") or "", f.get("role") or "")]
        if f.get("reading") in ("ocr", "mixed") and f.get("ocr_confidence") is not None:
            bits.append(f"OCR {round(f['ocr_confidence'] * 100)}%")
        return f"{f['file_name']} ({', '.join(b for b in bits if b)})"

    def document_context(self, record: Record | dict[str, Any],
                         other_files: list[dict[str, Any]] | list[str] | None = None,
                         *, report: bool | None = None) -> dict[str, Any]:
        """`other_files`: the document's other files (the store's: file_name, role, reading,
        ocr_confidence), named at the foot of the brief. `report`: the record is a report about
        a document (a press article; the store knows it), None to read it from the record."""
        data = record.to_dict() if isinstance(record, Record) else record
        context = document_context(data, self.lang, report=report) | self._common() | {
            "other_files": [self.file_label(f) for f in other_files or []]}
        context["lead"] = render(self.env, "lead.txt.j2", context["lead_parts"]).strip()
        return context

    def summary_context(
        self,
        records: list[Record] | list[dict[str, Any]],
        *,
        selection: Selection | None = None,
        archive_numbers: set[str] | None = None,
        groups: list[list[int]] | None = None,
    ) -> dict[str, Any]:
        """`groups`: the store's grouping of `records` into documents (indexes, one list per
        document); without it the records are grouped by the store's rules (summary.merge_copies)."""
        data = [r.to_dict() if isinstance(r, Record) else r for r in records]
        context = summary_context(data, self.lang, today=self.today, ending_within=self.ending_within,
                                  archive_numbers=archive_numbers, selection=selection, groups=groups)
        return context | self._common() | {"today": context["today"], "today_text": context["today_text"]}

    def _properties(self, kind: str, context: dict[str, Any]) -> dict[str, str]:
        """Word's document properties: what a clerk sees in File > Properties and in search."""
        text = labels(self.lang)["text"]
        if kind == "summary":
            title, subject = text["summary"], context.get("selection_text") or ""
        else:
            d = context.get("d") or {}
            title = f"{text['brief']} — {d.get('number') or context['source']['file_name']}"
            subject = d.get("subject") or context.get("lead") or ""
        return {"title": title, "subject": subject, "author": text["brief_author"], "language": self.lang,
                "keywords": "dispatch-reader"}

    def _bytes(self, kind: str, context: dict[str, Any]) -> bytes:
        if self.fmt == "docx":
            template = find_template(f"{kind}.docx", self.dirs)
            return render_docx(template, context, make_docx_environment(self.lang), self._properties(kind, context))
        if self.fmt == "pdf":
            html = render(self.env, f"{kind}.html.j2", context | {"for_print": True})
            # relative URLs resolve in the templates folder; nothing outside it or the package is read
            return html_to_pdf(html, (self.dirs or [packaged_templates()])[0],
                               allowed=[*self.dirs, packaged_templates()])
        text = render(self.env, f"{kind}.{self.fmt}.j2", context | {"for_print": False})
        return text.encode("utf-8")

    def document_bytes(self, record: Record | dict[str, Any], other_files: list[Any] | None = None,
                       *, report: bool | None = None) -> bytes:
        return self._bytes("document", self.document_context(record, other_files, report=report))

    def summary_bytes(self, records: list[Record] | list[dict[str, Any]], **kwargs: Any) -> bytes:
        return self._bytes("summary", self.summary_context(records, **kwargs))

    def render(self, template: str, **context: Any) -> str:
        """Render any text template by name (kept for callers of the first version)."""
        return render(self.env, template, context)

    # -- writing files ------------------------------------------------------------------------

    def _write(self, name: str, data: bytes) -> Path:
        path = name if isinstance(name, Path) else self.out_dir / name
        tmp = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_bytes() != data:
                tmp.write_bytes(data)
                tmp.replace(path)  # readers never see half a brief
        except OSError as exc:
            # a full or read-only disk: no half-written temp file stays behind, and the caller
            # gets one line (the document is stored; the brief can be written again with `brief`)
            tmp.unlink(missing_ok=True)
            raise BriefWriteError(path, f"brief not written ({exc.strerror or type(exc).__name__})") from None
        return path

    def document(self, record: Record, name: str | Path | None = None, other_files: list[Any] | None = None,
                 *, report: bool | None = None) -> Path:
        """Write the brief of one record; `name` is a file name in out_dir or a full path;
        `other_files` the document's other files, named at the foot; `report` whether the record
        is a report about a document (None: read from the record)."""
        target = name if name is not None else f"{slug(record.source.file_name)}.{self.fmt}"
        return self._write(target, self.document_bytes(record, other_files, report=report))  # type: ignore[arg-type]

    def summary(
        self,
        records: list[Record],
        name: str | Path = "summary",
        *,
        selection: Selection | None = None,
        archive_numbers: set[str] | None = None,
        groups: list[list[int]] | None = None,
    ) -> Path:
        """Write the summary brief of `records`; `name` without suffix gets the format's."""
        return self.write_summary(self.summary_context(records, selection=selection, archive_numbers=archive_numbers,
                                                       groups=groups), name)

    def write_summary(self, context: dict[str, Any], name: str | Path = "summary") -> Path:
        """Write a summary brief from its context (`summary_context`), for a caller that also
        reads the context (what `summary` prints of it)."""
        target: str | Path = name
        if isinstance(name, str) and not name.endswith(f".{self.fmt}"):
            target = f"{name}.{self.fmt}"
        return self._write(target, self._bytes("summary", context))  # type: ignore[arg-type]

