"""Store commands: search, show, export, people, and `db upgrade` / `db history` / `db info`.

`register(app)` adds them to the main command line. Every command takes `--db URL` (else
$DISPATCH_READER_DB, else the SQLite file in the user data folder).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from dispatch_reader.console import DOUBT_CAPTION, friendly, header_of, marked, stamp_of, to_check
from dispatch_reader.errors import NotFoundError
from dispatch_reader.messages import needs_check
from dispatch_reader.record import Record
from dispatch_reader.store.engine import ENV_VAR
from dispatch_reader.store.filters import DOC_TYPES, FilterError, Filters
from dispatch_reader.store.people import PersonRefError


DbOption = typer.Option(None, "--db", envvar=ENV_VAR, show_envvar=True,
                        help="Database URL (sqlite:///path, a file path, or postgresql+psycopg://user@host/db); "
                             "default: SQLite in the user data folder.")
PersonOpt = typer.Option(None, "--person", "-p", help="Person named in the document; diacritics optional.")
CommuneOpt = typer.Option(None, "--commune", "-c", help="Destination commune or ward of a secondment.")
BodyOpt = typer.Option(None, "--body", "-b", help="Sending body: issuer, its parent, or the unit people come from.")
IssuerOpt = typer.Option(None, "--issuer", help="Issuing body only.")
NumberOpt = typer.Option(None, "--number", "-n", help="Document number, e.g. 1335/UBND-NC or just 1335.")
TypeOpt = typer.Option(None, "--type", "-t", help="Document type: " + ", ".join(DOC_TYPES)
                       + "; or a Vietnamese name or abbreviation (quyet_dinh, QĐ, VBHN, \"Quy chế\").")
FromOpt = typer.Option(None, "--from", help="Issued on or after this date (2025-08-04 or 4/8/2025).")
ToOpt = typer.Option(None, "--to", help="Issued on or before this date.")
TextOpt = typer.Option(None, "--text", help="Words anywhere in the document text (same as the argument).")


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _filters(text: str | None = None, person: str | None = None, commune: str | None = None,
             body: str | None = None, issuer: str | None = None, number: str | None = None,
             doc_type: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Filters:
    return Filters.make(text=text, person=person, commune=commune, body=body, issuer=issuer, number=number,
                        doc_type=doc_type, date_from=date_from, date_to=date_to)


def _open(db: str | None) -> Any:
    from dispatch_reader.store import open_store

    return open_store(db)


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else ("" if value is None else str(value))


@friendly
def search_cmd(
    text: Optional[str] = typer.Argument(None, help="Words anywhere in the document text; diacritics optional."),
    person: Optional[str] = PersonOpt,
    commune: Optional[str] = CommuneOpt,
    body: Optional[str] = BodyOpt,
    issuer: Optional[str] = IssuerOpt,
    number: Optional[str] = NumberOpt,
    doc_type: Optional[str] = TypeOpt,
    date_from: Optional[str] = FromOpt,
    date_to: Optional[str] = ToOpt,
    text_opt: Optional[str] = TextOpt,
    limit: int = typer.Option(50, "--limit", help="Show at most this many documents (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="Print the hits as JSON lines."),
    db: Optional[str] = DbOption,
) -> None:
    """Find documents by person, destination commune, sending body, number, type, date or text.

    Filters combine (all must hold). Each hit is one document, however many files it was read
    from: its number, date, files (the best-read one first, whose facts answer) and the quote
    that answers the question.

    \b
    Examples:
      dispatch-reader search --person "Nguyen Thi Chuyen"
      dispatch-reader search --commune "Tủa Thàng" --from 1/7/2025 --to 31/12/2025
      dispatch-reader search "tăng cường nhân lực" --type official_dispatch
    """
    filters = _filters(text or text_opt, person, commune, body, issuer, number, doc_type, date_from, date_to)
    with _open(db) as store:
        hits = store.search(filters, limit=limit or None)
    if as_json:
        for h in hits:
            sys.stdout.write(json.dumps({"id": h.document_id, "number": h.number, "date": _iso(h.issued_date),
                                         "type": h.doc_type, "issuer": h.issuer, "matched": h.matched,
                                         "page": h.page, "quote": h.quote, "quote_file": h.quote_file,
                                         "files": h.files, "report_on": h.report_on}, ensure_ascii=False) + "\n")
        return
    console = _console()
    if not hits:
        console.print("no documents found")
        return
    table = Table()
    for col in ("id", "number", "date", "type", "files", "quote"):
        table.add_column(col, overflow="fold", no_wrap=col in ("id", "date"))
    for h in hits:
        where = f" (p. {h.page}" + (f", {h.quote_file}" if h.quote_file and h.files and h.quote_file != h.files[0]
                                    else "") + ")" if h.page else ""
        number = (h.number or "—") if not h.report_on else f"report on {h.report_on}"
        table.add_row(str(h.document_id), number, _iso(h.issued_date) or "—", h.doc_type or "—",
                      "\n".join(h.files), h.quote + where)
    console.print(table)
    console.print(f"{len(hits)} document(s)" + (" (limit reached; use --limit)" if limit and len(hits) >= limit else ""))


def _evidence_text(ev: Any) -> str:
    return f'p. {ev.page}: "{ev.quote}"' if ev is not None else ""


def _dates_once(dates: list[Any]) -> list[tuple[str, Any]]:
    """Each date with its role once, earliest first, quoted where first said, with how often and
    on which pages it is said: a decision's start date in its article, its list and its annex was three lines
    a reader took for three dates."""
    said: dict[tuple[str, str], list[Any]] = {}
    for x in dates:
        said.setdefault((x.date, x.role), []).append(x)
    out = []
    # in the order of the calendar: a consolidated law's cited dates in reading order ran 2016,
    # 2024, 2012, 2008
    for (date, role), mentions in sorted(said.items(), key=lambda kv: kv[0][0]):
        line = f"{date} ({role})"
        if len(mentions) > 1:
            pages = sorted({m.evidence.page for m in mentions if m.evidence is not None})
            line += f", said {len(mentions)} times" + (f" (p. {', '.join(map(str, pages))})" if pages else "")
        out.append((line, mentions[0].evidence))
    return out


def _weak(evidence: Any) -> bool:
    """Read below the briefs' confidence line (messages.needs_check, the line the brief marks by)."""
    return evidence is not None and needs_check(evidence.confidence, [], [])


def print_record(record: Record, doc_id: int | None, console: Console) -> None:
    d = record.document
    header = header_of(record)
    doubted = to_check(record, header)  # marked as the brief marks them
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    table.add_column(overflow="fold", style="dim")
    ev = d.evidence
    signer = d.signer
    pages = ", ".join(f"{p.number} {p.method}" + (f" {p.ocr_confidence:.2f}" if p.ocr_confidence is not None else "")
                      for p in record.source.pages)
    rows = [
        ("id", str(doc_id) if doc_id is not None else "—", ""),
        ("file", f"{record.source.file_name} ({record.source.page_count} pages: {pages})", ""),
        ("sha256", record.source.sha256, ""),
        ("type", marked((d.doc_type or "—") + (f" ({d.doc_type_label})" if d.doc_type_label else ""), "doc_type",
                        doubted), _evidence_text(ev.get("doc_type") or ev.get("doc_type_label"))),
        # a consolidated text's base document (the brief's row too)
        *([("consolidates", d.consolidates, "")] if d.consolidates else []),
        ("number", marked(d.number, "number", doubted), _evidence_text(ev.get("number"))),
        *([("marks", ", ".join(d.marks), "")] if d.marks else []),
        ("issuer", marked((d.issuer or "—") + (f"  [under {d.issuer_parent}]" if d.issuer_parent else ""), "issuer",
                          doubted), _evidence_text(ev.get("issuer"))),
        ("place", d.place or "—", _evidence_text(ev.get("place"))),
        ("date", marked(d.issued_date, "issued_date", doubted), _evidence_text(ev.get("issued_date"))),
        ("subject", marked(d.subject, "subject", doubted), _evidence_text(ev.get("subject"))),
        ("signer", marked(" / ".join(x for x in [signer.authority, signer.title, signer.name] if x) if signer else None,
                          "signer", doubted), _evidence_text(ev.get("signer"))),
        ("recipients", "; ".join(d.recipients) or "—", _evidence_text(ev.get("recipients"))),
    ]
    stamp = stamp_of(header)
    if stamp:
        # the receiving office's, never the document's number and date: read from a hand's figures
        at = next(i for i, r in enumerate(rows) if r[0] == "date") + 1
        rows.insert(at, ("received", f"{stamp} ⚠", _evidence_text(d.received.evidence) if d.received else ""))
    sections = {"secondments": [(
        (f"[{s.status}] " if s.status != "decided" else "") + (f"{s.action} " if s.action != "send" else "")
        + f"{s.kind}: {s.person or (str(s.count) + ' people' if s.count else '?')}: {s.from_unit or '?'} → "
        f"{s.to_unit or '?'}" + (f" as {s.position}" if s.position else "")
        + (f", {s.start or '?'} to {s.end or '?'}" if s.start or s.end else "")
        + (f", {s.duration_months:g} months" if s.duration_months else ""), s.evidence) for s in record.secondments],
        "people": [(p.name + "".join(f", {x}" for x in (p.position, p.unit) if x), p.evidence) for p in record.people],
        "counts": [(f"{c.value}{'/' + str(c.total) if c.total is not None else ''} {c.what}", c.evidence)
                   for c in record.counts],
        "dates": _dates_once(record.dates),
        "references": [(r.number + (f" ({r.doc_type})" if r.doc_type else "") + (f", {r.date}" if r.date else ""),
                        r.evidence) for r in record.references],
    }
    for row in rows:
        table.add_row(*row)
    if any("⚠" in row[1] for row in rows) or any(_weak(ev) for items in sections.values() for _, ev in items):
        table.caption = DOUBT_CAPTION
    console.print(table)
    for title, items in sections.items():
        if not items:
            continue
        console.print(f"{title}:", style="bold")
        for line, evidence in items:
            # a fact read below the line is marked as the brief's row is (a tester found `show`
            # told them without its marks)
            console.print(f"  - {line}" + (" ⚠" if _weak(evidence) else ""), markup=False)
            if evidence is not None:
                console.print(f"      {_evidence_text(evidence)}", markup=False, style="dim")
    for w in record.warnings:
        console.print(f"  ! {w}", markup=False)


def print_files(doc: Any, console: Console, numbers: dict[int, str]) -> None:
    """The files of a stored document (the one whose facts are shown first) and its reports."""
    console.print("files:", style="bold")
    for f in doc.files:
        used = "  ← facts shown" if f.used and len(doc.files) > 1 else ""
        console.print(f"  - {f.describe()}, added {_iso(f.added)[:10]}, sha256 {f.sha256[:12]}…{used}",
                      markup=False)
    if doc.refers_to:
        console.print("reports on: " + ", ".join(f"{numbers.get(i) or '?'} (id {i})" for i in doc.refers_to),
                      markup=False)
    elif doc.is_report:
        console.print("reports on a document not in the store", markup=False)
    if doc.reported_in:
        console.print("reported in: " + ", ".join(f"id {i} ({numbers.get(i) or '?'})" for i in doc.reported_in),
                      markup=False)


@friendly
def show_cmd(
    key: str = typer.Argument(..., help="Document number (e.g. 15/QĐ-UBND), id, a file's SHA-256, or a stored file's name."),
    as_json: bool = typer.Option(False, "--json", help="Print the stored record (of the best-read file) as JSON."),
    history: bool = typer.Option(False, "--history", help="Also list when and by which extractor it was read."),
    db: Optional[str] = DbOption,
) -> None:
    """Print one stored document with the evidence (page and quote) of every fact, and its files.

    The facts shown are those of the document's best-read file (the born-digital text layer over
    a scan, higher OCR confidence over lower); every file of the document is listed. Several
    documents can share a number (different issuers, or a press report about it); all of them
    are shown.

    \b
    Examples:
      dispatch-reader show 1335/UBND-NC
      dispatch-reader show 42 --json > record.json
    """
    with _open(db) as store:
        ids = store.find_ids(key)
        if not ids:
            raise NotFoundError(None, f"no stored document matches '{key}'")
        found = [(i, store.get_by_id(i)) for i in ids]
        docs = {d.id: d for d in store.documents(ids)}
        linked = {j for d in docs.values() for j in (*d.refers_to, *d.reported_in)}
        numbers = {i: (r.document.number or r.source.file_name) for i, r in
                   ((j, store.get_by_id(j)) for j in linked | set(ids)) if r}
        runs = {i: store.history(i) for i in ids} if history else {}
    if as_json:
        items = [r.to_dict() for _, r in found if r]
        sys.stdout.write(json.dumps(items[0] if len(items) == 1 else items, ensure_ascii=False, indent=2) + "\n")
        return
    console = _console()
    for n, (doc_id, record) in enumerate(found):
        if record is None:
            continue
        if n:
            console.rule()
        print_record(record, doc_id, console)
        if doc_id in docs:
            print_files(docs[doc_id], console, numbers)
        if history:
            console.print("history:", style="bold")
            for h in runs[doc_id]:
                console.print(f"  {_iso(h.started_at)[:19]} {h.file_name}: {h.status} by {h.extractor_version}"
                              + (f": {h.error}" if h.error else ""), markup=False)


@friendly
def export_cmd(
    what: str = typer.Argument("documents", help="documents, secondments, people, counts or files."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (UTF-8 with BOM, opens in spreadsheets), json or xlsx."),
    out_file: Optional[Path] = typer.Option(None, "--out", "-o", help="File to write (default: standard output; xlsx needs it)."),
    lang: Optional[str] = typer.Option(None, "--lang", help="Headers and labels: vi (default) or en; codes stay in "
                                                            "columns of their own. JSON keeps field names."),
    raw: bool = typer.Option(False, "--raw", help="For scripts: field names as headers, codes only, and text exactly "
                                                  "as stored (CSV cells starting with = + - @ are not neutralised)."),
    text: Optional[str] = TextOpt,
    person: Optional[str] = PersonOpt,
    commune: Optional[str] = CommuneOpt,
    body: Optional[str] = BodyOpt,
    issuer: Optional[str] = IssuerOpt,
    number: Optional[str] = NumberOpt,
    doc_type: Optional[str] = TypeOpt,
    date_from: Optional[str] = FromOpt,
    date_to: Optional[str] = ToOpt,
    db: Optional[str] = DbOption,
) -> None:
    """Export documents, secondments, people, counts or files, filtered like search.

    One row per document (documents) and per fact of a document (secondments, people, counts),
    however many files it was read from: the facts are its best-read file's (source_file), and
    `files` lists every file of the document. `files` exports one row per file. JSON document
    rows carry the whole record under "record".

    CSV and XLSX are for people: headers and labels in Vietnamese (--lang en: English), dates as
    dates, a frozen, filterable header row; a cell starting with = + - @ is text, never a
    formula. --raw writes field names and exact values, for scripts.

    \b
    Examples:
      dispatch-reader export secondments --format xlsx --out biet-phai.xlsx --from 1/7/2025
      dispatch-reader export documents --format csv --body "Sở Nội vụ" > documents.csv
      dispatch-reader export secondments --raw > secondments-raw.csv
    """
    from dispatch_reader.store.export import KINDS, check_target

    if lang is not None and lang not in ("vi", "en"):
        raise FilterError(f"unknown language '{lang}' (one of: vi, en)")
    if raw and lang is not None:
        raise FilterError("--raw writes field names and codes; leave out --lang")
    lang = None if raw else (lang or "vi")
    check_target(fmt, out_file)  # before a byte is written: --format xlsx --out a.csv is refused
    if what not in KINDS:  # before the BOM: a typo must leave standard output empty
        raise FilterError(f"cannot export '{what}' (one of: {', '.join(KINDS)})")
    filters = _filters(text, person, commune, body, issuer, number, doc_type, date_from, date_to)
    with _open(db) as store:
        if out_file is None:
            if fmt == "xlsx":
                raise FilterError("xlsx needs --out FILE")
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="") \
                if hasattr(sys.stdout, "buffer") else sys.stdout
            if fmt == "csv":
                stream.write("\ufeff")  # so a redirected file opens right in spreadsheets too
            n = store.export(what, fmt, None, filters, stdout=stream, lang=lang, raw=raw)
            stream.flush()
            if isinstance(stream, io.TextIOWrapper):
                stream.detach()
        else:
            n = store.export(what, fmt, out_file, filters, lang=lang, raw=raw)
    if out_file is not None:
        typer.echo(f"{n} {what} row(s) written to {out_file}", err=True)


PEOPLE_ACTIONS = ("merge", "split", "overrides", "forget")


@friendly
def people_cmd(
    name: Optional[str] = typer.Argument(None, help="Name or part of it; diacritics optional. "
                                                    "Without it: people named in several documents. "
                                                    "Or an action: merge A B, split A B, overrides, forget ID."),
    more: Optional[List[str]] = typer.Argument(None, metavar="[A B | ID]",
                                               help="For merge and split: two people as NAME@DOCUMENT "
                                                    "(document number, #id or SHA-256); for forget: the id."),
    min_docs: int = typer.Option(0, "--min-docs", help="Only people named in at least this many documents "
                                                      "(default 1 with a name, 2 without)."),
    seconded: Optional[bool] = typer.Option(None, "--seconded/--all",
                                            help="Count only sendings the documents decide (sent, extended, "
                                                 "recalled), or all mentions, requests, plans and reports "
                                                 "(default: --all with a name, --seconded without)."),
    as_json: bool = typer.Option(False, "--json", help="Print the histories as JSON."),
    db: Optional[str] = DbOption,
) -> None:
    """Person history across documents: seconded, extended, recalled, asked for, reported, mentioned.

    A document counts once however many files it was read from. Two mentions are one person when
    the names agree without diacritics (Nguyen Van Khai = Nguyễn Văn Khải) and the birth year or
    the sending body agrees, or no other mention of that name contradicts them (README: "Who is
    one person"). When that is wrong, say so: `people merge A B` makes two mentions one person,
    `people split A B` two people; A and B are NAME@DOCUMENT, as each history's `ref` shows.

    \b
    Examples:
      dispatch-reader people "Nguyễn Thị Chuyên"
      dispatch-reader people                  (everyone seconded, extended or recalled in 2+ documents)
      dispatch-reader people --all --min-docs 3
      dispatch-reader people merge "Nguyễn Văn Khả@1587/QĐ-UBND" "Nguyễn Văn Khải@61/QĐ-SNV"
      dispatch-reader people split "Trần Văn Hùng@15/QĐ-UBND" "Trần Văn Hùng@20/QĐ-UBND"
      dispatch-reader people overrides        (what was merged and split; `people forget ID` takes one back)
    """
    if name in PEOPLE_ACTIONS:
        _people_action(name, list(more or []), db)
        return
    if more:
        raise FilterError(f"unexpected words after the name: {' '.join(more)} (quote a name with spaces)")
    with _open(db) as store:
        histories = store.people(name, min_documents=min_docs or (1 if name else 2),
                                 seconded_only=seconded if seconded is not None else not name)
    if as_json:
        out = [{"name": h.name, "names": h.names, "ref": h.ref, "units": h.units, "birth_year": h.birth_year,
                "documents": h.document_count,
                "events": [{k: _iso(v) if k in ("issued_date", "start", "end") else v
                            for k, v in e.__dict__.items()} for e in h.events]} for h in histories]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    console = _console()
    if not histories:
        console.print("no people found")
        return
    for h in histories:
        extra = ", ".join(x for x in [", ".join(h.units), f"born {h.birth_year}" if h.birth_year else ""] if x)
        console.print(f"{h.name}" + (f" ({extra})" if extra else "") + f": {h.document_count} document(s)",
                      style="bold", markup=False)
        others = [n for n in h.names if n != h.name]
        console.print(f"  ref: {h.ref}" + (f"; also written {', '.join(others)}" if others else ""),
                      style="dim", markup=False)
        table = Table(box=None, pad_edge=False, show_header=False)
        for col in ("date", "number", "action", "where", "period", "quote"):
            table.add_column(col, overflow="fold", no_wrap=col in ("date", "number", "action", "period"))
        for e in h.events:
            action = e.kind if e.action == "sent" and e.kind else e.action
            period = f"{_iso(e.start) or '?'}..{_iso(e.end) or '?'}" if e.start or e.end else ""
            table.add_row(_iso(e.issued_date) or "—", e.number or "—", action, e.to_unit or "", period,
                          (e.quote or "") + (f" (p. {e.page}, {e.file_name})" if e.page else ""))
        console.print(table)


def _people_action(action: str, args: list[str], db: str | None) -> None:
    with _open(db) as store:
        if action in ("merge", "split"):
            if len(args) != 2:
                raise FilterError(f"people {action} takes two people: NAME@DOCUMENT NAME@DOCUMENT")
            try:
                oid = store.override_people(action, args[0], args[1])
            except PersonRefError as exc:  # a mention no stored document holds: not found, not a typo
                if "no stored document names" in exc.reason:
                    raise NotFoundError(None, exc.reason) from None
                raise
            verb = "one person" if action == "merge" else "two people"
            typer.echo(f"{args[0]} and {args[1]} are {verb} from now on (override {oid}; "
                       f"`people forget {oid}` takes it back)")
            return
        if action == "forget":
            if len(args) != 1 or not args[0].isdigit():
                raise FilterError("people forget takes the id of a merge or split (see `people overrides`)")
            if not store.forget_person_override(int(args[0])):
                raise NotFoundError(None, f"no merge or split with id {args[0]} (see `people overrides`)")
            typer.echo(f"override {args[0]} taken back")
            return
        rows = store.person_overrides()
    if not rows:
        typer.echo("no merges or splits")
        return
    for r in rows:
        typer.echo(f"{r['id']}: {r['action']} {r['a_name_key'].strip()} in {r['a_document_key']} "
                   f"| {r['b_name_key'].strip()} in {r['b_document_key']} ({_iso(r['created_at'])[:10]})")


@friendly
def db_upgrade(db: Optional[str] = DbOption) -> None:
    """Create the database or bring its schema up to date (also done automatically on open).

    \b
    Example:
      dispatch-reader db upgrade --db postgresql+psycopg://reader@dbserver/dispatches
    """
    with _open(db) as store:
        current, head = store.revision()
        typer.echo(f"{store.where}: schema at revision {current} (newest {head})")


@friendly
def db_info(db: Optional[str] = DbOption) -> None:
    """Where the database is, its schema revision and how many documents (and files) it holds.

    \b
    Example:
      dispatch-reader db info
    """
    with _open(db) as store:
        current, _head = store.revision()
        typer.echo(f"database: {store.where}\nschema revision: {current}\ndocuments: {store.count()}\n"
                   f"files: {store.count_files()}")


@friendly
def db_history(
    key: Optional[str] = typer.Argument(None, help="Only this document (number, id or SHA-256)."),
    limit: int = typer.Option(30, "--limit", help="Show at most this many runs (0: all)."),
    db: Optional[str] = DbOption,
) -> None:
    """Processing history: each time a file was read, by which extractor version, and how it ended.

    \b
    Example:
      dispatch-reader db history --limit 10
    """
    with _open(db) as store:
        runs = store.history(key, limit=limit or None)
    if key is not None and not runs:
        raise NotFoundError(None, f"no stored document or file matches '{key}'")
    console = _console()
    table = Table()
    for col in ("started", "file", "file id", "extractor", "status", "error"):
        table.add_column(col, overflow="fold")
    for h in runs:
        table.add_row(_iso(h.started_at)[:19], h.file_name, str(h.file_id or ""), h.extractor_version,
                      h.status, h.error or "")
    console.print(table)


def register(app: typer.Typer) -> None:
    """Add search, show, export, people and the `db` group to the main command line."""
    app.command("search")(search_cmd)
    app.command("show")(show_cmd)
    app.command("export")(export_cmd)
    app.command("people")(people_cmd)
    db_app = typer.Typer(help="The records database: upgrade its schema, see its history.\n\n"
                              "Example: dispatch-reader db info --db sqlite:///records.db",
                         no_args_is_help=True, add_completion=False, rich_markup_mode=None)
    db_app.command("upgrade")(db_upgrade)
    db_app.command("info")(db_info)
    db_app.command("history")(db_history)
    app.add_typer(db_app, name="db")
