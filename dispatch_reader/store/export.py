"""Export documents, secondments, people, counts or files as CSV, JSON or XLSX, filtered like search.

A document is one row (documents) and a secondment of a document one row (secondments), however
many files the document was read from: the facts are its best-read file's (`source_file`), and
`files` lists every file of the document, best first, with how each was read. `files` exports one
row per file. A report about another document (a press article) is a document of its own; its
sendings are `reported`, with `refers_to` the document it reports on.

CSV is UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese as written. With a
language (`lang`), CSV and XLSX have headers and labels in it and codes in columns of their own
(store/sheet.py); text cells are never formulas (XLSX) or start like one (CSV) unless `raw`.
Secondments carry `end_effective`: the stated end, else start plus the stated duration
(`end_derived` true), as the briefs count it.
Fact exports keep only the facts the filters speak of: `--commune X` gives the secondments to
X, not every secondment of a document that has one. Secondments and counts carry their status
(decided / requested / planned / reported: only decided ones are people sent) and action; every
fact row has `needs_check`: true when it was read below the briefs' confidence threshold or a
warning of its document names it (messages.needs_check).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection, select

from dispatch_reader.briefs.formatting import add_months
from dispatch_reader.briefs.labels import labels
from dispatch_reader.errors import StoreError
from dispatch_reader.messages import needs_check
from dispatch_reader.store import keys
from dispatch_reader.store.filters import FilterError, Filters, documents_query
from dispatch_reader.store.models import Count, Document, Evidence, File, Person, Secondment
from dispatch_reader.store.sheet import layout, neutralise, worded, write_xlsx
from dispatch_reader.textnorm import squash

KINDS = ("documents", "secondments", "people", "counts", "files")
FORMATS = ("csv", "json", "xlsx")

COLUMNS: dict[str, list[str]] = {
    "documents": ["id", "number", "doc_type", "issued_date", "issuer", "issuer_parent", "place", "subject",
                  "signer_name", "signer_title", "signer_authority", "needs_check", "file_name", "sha256",
                  "page_count", "ocr_pages", "min_ocr_confidence", "report_on", "file_count", "files", "extractor_version",
                  # last: a spreadsheet reading the columns before them by place reads them still
                  "updated_at", "received_number", "received_date"],
    "secondments": ["document_id", "document_number", "issued_date", "issuer", "kind", "status", "action", "person",
                    "count", "from_unit", "to_unit", "position", "start", "end", "duration_months", "end_effective",
                    "end_derived", "refers_to", "page", "quote", "confidence", "needs_check", "source_file", "files"],
    "people": ["document_id", "document_number", "issued_date", "issuer", "name", "honorific", "position", "unit",
               "birth_year", "page", "quote", "confidence", "needs_check", "source_file", "files"],
    "counts": ["document_id", "document_number", "issued_date", "issuer", "value", "total", "what", "status", "action",
               "page", "quote", "confidence", "needs_check", "source_file", "files"],
    "files": ["document_id", "document_number", "issued_date", "file_id", "file_name", "sha256", "role", "rank",
              "used", "language", "page_count", "reading", "ocr_confidence", "added", "updated", "extractor_version"],
}


def export_rows(conn: Connection, what: str, filters: Filters, dialect: str,
                lang: str | None = None) -> Iterator[dict[str, Any]]:
    """Rows of `what` (one of KINDS) for the documents matching `filters`, newest documents first;
    with `lang`, the `files` cell describes each file in that language."""
    if what not in KINDS:
        raise FilterError(f"cannot export '{what}' (one of: {', '.join(KINDS)})")
    if what == "documents":
        yield from _documents(conn, filters, dialect, lang)
        return
    if what == "files":
        yield from _files(conn, filters, dialect)
        return
    docs = documents_query(filters, dialect).with_only_columns(
        File.id, File.document_id, File.number, File.issued_date, File.file_name, File.issuer).subquery()
    model, fact_cols, conds, checked = {
        "secondments": (Secondment, ["kind", "status", "action", "person", "count", "from_unit", "to_unit", "position",
                                     "start", "end", "duration_months", "refers_to"], _secondment_conditions(filters),
                        ("person", "to_unit", "from_unit")),
        "people": (Person, ["name", "honorific", "position", "unit", "birth_year"], _people_conditions(filters),
                   ("name",)),
        "counts": (Count, ["value", "total", "what", "status", "action"], [], ("what",)),
    }[what]
    stmt = (select(docs.c.id, docs.c.document_id, docs.c.number, docs.c.issued_date, docs.c.file_name,
                   docs.c.issuer, *[getattr(model, c) for c in fact_cols], Evidence.page, Evidence.quote, Evidence.confidence)
            .join(model, model.file_id == docs.c.id)
            .outerjoin(Evidence, Evidence.id == model.evidence_id)
            .where(*conds)
            .order_by(docs.c.issued_date.desc().nulls_last(), docs.c.document_id.desc(), model.ordinal))
    warnings = _Warnings(conn)
    files = _FileLists(conn, lang)
    for row in conn.execute(stmt):
        values = list(row)
        out = {"document_id": values[1], "document_number": values[2], "issued_date": values[3],
               "source_file": values[4], "issuer": values[5]}
        out.update(zip(fact_cols, values[6:6 + len(fact_cols)]))
        if what == "secondments":
            out["end_effective"], out["end_derived"] = _end(out)
        out["page"], out["quote"], out["confidence"] = values[-3], values[-2], values[-1]
        out["needs_check"] = needs_check(out["confidence"], [out.get(c) for c in checked] + [out["quote"]],
                                         warnings.of(values[0]))
        if out["quote"]:
            # one cell, one line: the quote's line breaks are the page's, not the sentence's
            out["quote"] = squash(out["quote"])
        out["files"] = files.of(out["document_id"])
        yield out


def _end(s: dict[str, Any]) -> tuple[dt.date | None, bool]:
    """(end, derived?): the stated end, else start plus the stated months (briefs/document.end_of)."""
    if s.get("end"):
        return s["end"], False
    if s.get("start") and s.get("duration_months"):
        return add_months(s["start"], float(s["duration_months"])), True
    return None, False


def describe_file(name: str, role: str | None, reading: str | None, confidence: float | None, used: bool,
                  lang: str | None = None) -> str:
    """`qd-01.scan.pdf (scan, OCR 0.95)`, `qd-01.pdf (original, used)`; with `lang`, worded in it:
    `qd-01.pdf (bản điện tử, dùng để đọc)`."""
    if lang is None:
        bits = [role or "?"]
        ocr = f"OCR {confidence:.2f}" if confidence is not None else "OCR"
        used_word = "used"
    else:
        lab = labels(lang)
        bits = [lab["file_roles"].get(role or "", role or "?")]
        ocr = f"OCR {round(confidence * 100)}%" if confidence is not None else "OCR"
        used_word = lab["export"]["used_file"]
    if reading in ("ocr", "mixed"):
        bits.append(ocr)
    if used:
        bits.append(used_word)
    return f"{name} ({', '.join(bits)})"


class _FileLists:
    """Each document's files as one cell, best first, read once per export."""

    def __init__(self, conn: Connection, lang: str | None = None) -> None:
        self.conn = conn
        self.lang = lang
        self.cache: dict[int, list[str]] = {}

    def listed(self, doc_id: int) -> list[str]:
        if doc_id not in self.cache:
            rows = self.conn.execute(select(File.file_name, File.role, File.reading, File.ocr_confidence, File.rank)
                                     .where(File.document_id == doc_id).order_by(File.rank, File.id)).all()
            self.cache[doc_id] = [describe_file(r.file_name, r.role, r.reading, r.ocr_confidence, r.rank == 1,
                                                self.lang) for r in rows]
        return self.cache[doc_id]

    def of(self, doc_id: int) -> str:
        return "; ".join(self.listed(doc_id))


class _Warnings:
    """Each file's warnings, read once per export from its stored record."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.cache: dict[int, list[str]] = {}

    def of(self, file_id: int) -> list[str]:
        if file_id not in self.cache:
            text = self.conn.execute(select(File.record_json).where(File.id == file_id)).scalar()
            self.cache[file_id] = list(json.loads(text).get("warnings") or []) if text else []
        return self.cache[file_id]


def _like(column: Any, query: str) -> Any:
    return column.like(keys.like_pattern(query) or "\x00", escape="\\")


def _secondment_conditions(f: Filters) -> list[Any]:
    out = []
    if f.person:
        out.append(_like(Secondment.person_key, f.person))
    if f.commune:
        out.append(_like(Secondment.to_key, f.commune))
    return out


def _people_conditions(f: Filters) -> list[Any]:
    return [_like(Person.name_key, f.person)] if f.person else []


def _documents(conn: Connection, filters: Filters, dialect: str, lang: str | None) -> Iterator[dict[str, Any]]:
    cols = ("number", "doc_type", "issued_date", "issuer", "issuer_parent", "place", "subject", "signer_name",
            "signer_title", "signer_authority", "file_name", "sha256", "page_count", "extractor_version",
            "updated_at", "record_json")
    stmt = documents_query(filters, dialect).with_only_columns(
        File.document_id.label("id"), *[getattr(File, c) for c in cols], Document.key.label("_key")
    ).join(Document, Document.id == File.document_id)
    from dispatch_reader.briefs.document import title_case, type_name

    files = _FileLists(conn, lang)
    for row in conn.execute(stmt):
        out = dict(row._mapping)
        record = json.loads(out.pop("record_json"))
        ocr = [p.get("ocr_confidence") for p in record["source"]["pages"] if p.get("method") == "ocr"]
        out["ocr_pages"] = len(ocr)
        known = [c for c in ocr if c is not None]
        out["min_ocr_confidence"] = min(known) if known else None
        # the receiving office's register: its number and date, never the document's own
        received = record["document"].get("received") or {}
        out["received_number"] = received.get("number")
        out["received_date"] = dt.date.fromisoformat(received["date"]) if received.get("date") else None
        if lang is not None and out["doc_type"] == "other":
            out["doc_type_label"] = type_name(record["document"], lang)  # `Văn bản hợp nhất`, not `Văn bản`
        if lang is not None and out.get("signer_title"):
            out["signer_title"] = title_case(out["signer_title"])  # `Phó Giám đốc`, as the brief writes it
        out["needs_check"] = _header_checks(record, lang)
        out["report_on"] = out["number"] if out.pop("_key").startswith("report:") else None
        out["files"] = files.of(out["id"])
        out["file_count"] = len(files.listed(out["id"]))
        out["record"] = record
        yield out


HEADER_FIELDS = ("doc_type", "number", "issuer", "issued_date", "place", "subject", "signer")


def _header_checks(record: dict[str, Any], lang: str | None) -> str:
    """The header facts the brief marks to be checked (read below the confidence line, on a
    page read badly, or named by a warning: briefs.document.header_rows): `signer, number`, or
    in `lang`'s words; empty when every one is confident. The same ones as the brief and the
    terminal mark (a clerk found the three disagreeing)."""
    from dispatch_reader.briefs.document import header_rows, list_short, weak_evidence

    checked = {h["field"] for h in header_rows(record, lang or "en") if h["needs_check"] and h["value"]}
    # the place has no row of its own in a brief (it is the date's): its own confidence says
    if weak_evidence((record["document"].get("evidence") or {}).get("place")):
        checked.add("place")
    low = [f for f in HEADER_FIELDS if f in checked]
    if list_short(record) is not None:
        # fewer people read by name than the document decides: its list lost a row (a tester's
        # spreadsheet said nothing to check of a decision naming 9 of its 10)
        low.append("secondments")
    if lang is not None:
        low = [labels(lang)["fields"].get(f, f) for f in low]
    return ", ".join(low)


def _files(conn: Connection, filters: Filters, dialect: str) -> Iterator[dict[str, Any]]:
    """One row per file of the matching documents, best-read first within a document."""
    docs = documents_query(filters, dialect).with_only_columns(
        File.document_id, File.number, File.issued_date).subquery()
    stmt = (select(docs.c.document_id, docs.c.number, docs.c.issued_date, File.id, File.file_name, File.sha256,
                   File.role, File.rank, File.language, File.page_count, File.reading, File.ocr_confidence,
                   File.created_at, File.updated_at, File.extractor_version)
            .join(File, File.document_id == docs.c.document_id)
            .order_by(docs.c.issued_date.desc().nulls_last(), docs.c.document_id.desc(), File.rank, File.id))
    for r in conn.execute(stmt):
        yield {"document_id": r[0], "document_number": r[1], "issued_date": r[2], "file_id": r.id,
               "file_name": r.file_name, "sha256": r.sha256, "role": r.role, "rank": r.rank, "used": r.rank == 1,
               "language": r.language, "page_count": r.page_count, "reading": r.reading,
               "ocr_confidence": r.ocr_confidence, "added": r.created_at, "updated": r.updated_at,
               "extractor_version": r.extractor_version}


def _cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO, *, lang: str | None = None,
              raw: bool = False) -> int:
    """CSV with headers (and labels) in `lang` or field names; text neutralised unless `raw`."""
    cols = layout(columns, lang)
    writer = csv.writer(out)
    writer.writerow([c.header for c in cols])
    # worded for people (`lang`): 3 months, not 3.0; field-name columns keep the stored value
    whole = (lambda v: int(v) if isinstance(v, float) and v.is_integer() else v) if lang else (lambda v: v)
    cell = _cell if raw else (lambda v: neutralise(_cell(whole(v))))
    n = 0
    for row in rows:
        row = worded(row, lang)
        writer.writerow(["" if row.get(c.key) is None else cell(row.get(c.key)) for c in cols])
        n += 1
    return n


def write_json(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    """A JSON array; a document row also carries its whole record under "record"."""
    out.write("[")
    n = 0
    for row in rows:
        item = {c: _cell(row.get(c)) for c in columns}
        if "record" in row:
            item["record"] = row["record"]
        out.write(("," if n else "") + "\n  " + json.dumps(item, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n


def check_target(fmt: str, out_path: Path | None) -> None:
    """Refuse `--format xlsx --out a.csv` (and any suffix of another format) before writing."""
    if fmt not in FORMATS:
        raise FilterError(f"unknown format '{fmt}' (one of: {', '.join(FORMATS)})")
    if out_path is None:
        if fmt == "xlsx":
            raise FilterError("xlsx needs --out FILE")
        return
    suffix = Path(out_path).suffix.lower()
    if suffix and suffix != f".{fmt}":
        raise FilterError(f"'{out_path}' ends in {suffix} but the format is {fmt}: "
                          f"name the file .{fmt} or give --format {suffix[1:]}")


def export(conn: Connection, what: str, fmt: str, filters: Filters, dialect: str,
           out_path: Path | None, stdout: TextIO | None = None, *, lang: str | None = None,
           raw: bool = False) -> int:
    """Write the export to `out_path` (atomically) or to `stdout`; the number of rows. `lang`:
    headers and labels in that language (CSV, XLSX; JSON keeps field names); `raw`: CSV text
    exactly as stored, not neutralised against formula injection."""
    check_target(fmt, out_path)
    if what not in KINDS:
        raise FilterError(f"cannot export '{what}' (one of: {', '.join(KINDS)})")
    columns = COLUMNS[what]
    rows = export_rows(conn, what, filters, dialect, lang if fmt != "json" else None)
    if out_path is None:
        target = stdout if stdout is not None else io.StringIO()
        return write_csv(rows, columns, target, lang=lang, raw=raw) if fmt == "csv" else \
            write_json(rows, columns, target)
    out_path = Path(out_path)
    # write next to the target and rename, so a failed export never leaves half a file
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", dir=out_path.parent or Path("."))
    except OSError as exc:
        raise StoreError(out_path, f"cannot write the export ({exc.strerror})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "xlsx":
            n = write_xlsx(rows, columns, tmp, what, lang)
        else:
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with open(tmp, "w", encoding=encoding, newline="") as fh:
                n = write_csv(rows, columns, fh, lang=lang, raw=raw) if fmt == "csv" else \
                    write_json(rows, columns, fh)
        # mkstemp makes the file 0600; an export is a file like the briefs beside it
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out_path)
    except OSError as exc:
        raise StoreError(out_path, f"cannot write the export ({exc.strerror})") from None
    finally:
        tmp.unlink(missing_ok=True)
    return n
