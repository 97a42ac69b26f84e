"""The `brief` and `summary` commands (registered by dispatch_reader.cli when present)."""

from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Optional

import typer

from dispatch_reader.errors import InputFileError, NotFoundError

FORMAT_HELP = "html (printable, self-contained), md, docx (Word) or pdf."
LANG_HELP = "Labels and date style: vi (default) or en."
TEMPLATES_HELP = ("Folder whose templates override the packaged ones by file name "
                  "(default: $DISPATCH_READER_TEMPLATES, else templates/ in the user config folder).")


def _check_choice(value: str, choices: Iterable[str], option: str) -> str:
    allowed = list(choices)
    if value not in allowed:
        raise typer.BadParameter(f"'{value}' is not one of: {', '.join(allowed)}", param_hint=option)
    return value


def _target(out: Optional[Path], default_dir: Path, default_name: str, fmt: str) -> Path:
    """--out as given: a file when it has a suffix, else a folder for the default name."""
    if out is None:
        return default_dir / default_name
    if out.suffix:
        if out.suffix.lower() != f".{fmt}":
            raise typer.BadParameter(f"'{out}' does not end in .{fmt}", param_hint="--out")
        return out
    return out / default_name


def _record_from_file(path: Path) -> Any:
    """A record for a file given on the command line: a record JSON, a stored document (by its
    SHA-256), or else read now without storing it."""
    from dispatch_reader.record import Record, validate

    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text("utf-8"))
            validate(data)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise InputFileError(path, f"not a record JSON file ({type(exc).__name__})") from None
        except Exception as exc:  # jsonschema.ValidationError
            raise InputFileError(path, f"breaks the record schema: {getattr(exc, 'message', exc)}") from None
        return Record.from_dict(data)
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    return digest.hexdigest()


def _pick(store: Any, key: str, err: Any) -> tuple[Any, list[dict[str, Any]], bool]:
    """(record, the document's other files, is it a report about a document) for a number, id or SHA-256.

    The store keeps one document per number, issue date and issuer with all its files (a file and
    its scan, a translation); the brief is made from the best-read file, and the other files are
    named, never silently left out. Different documents sharing a number give the newest, with a
    note on how to choose another; press reports about the document are named too.
    """
    ids = store.find_ids(key)
    if not ids:
        raise NotFoundError(key, "no such document in the database")
    docs = store.documents(ids[:50])
    if not docs:
        raise NotFoundError(key, "no such document in the database")
    own = [d for d in docs if not d.is_report] or docs
    doc = own[0]
    say = lambda text: err.print(text, markup=False, highlight=False, soft_wrap=True)  # noqa: E731
    if len(own) > 1:
        say(f"{key}: {len(own)} different documents match; this is the newest (id {doc.id}). "
            "Give the id or a file's SHA-256 to choose another.")
    best, others = doc.files[0], doc.files[1:]
    if others:
        say(f"{key}: {len(doc.files)} files of one document; the brief is made from {best.describe()}, "
            f"the best read; also: {'; '.join(f.describe() for f in others)}")
    from dispatch_reader.briefs.stored import other_files, reports_about

    reports = reports_about(store, doc)
    if reports:
        say(f"{key}: reported in " + "; ".join(f.describe() for r in reports for f in r.files[:1])
            + " (a document of its own, not used for this brief)")
    record = store.get_by_id(doc.id)
    return record, other_files(store, doc, reports), doc.is_report


def register(app: typer.Typer) -> None:
    from dispatch_reader.cli import DbOption, err_console, friendly, out

    @app.command("brief")
    @friendly
    def brief(
        doc: str = typer.Argument(..., metavar="DOC_OR_NUMBER",
                                  help="A document number (1335/UBND-NC), a store id or SHA-256, a PDF or image "
                                       "(stored ones are not read again), or a record JSON from `extract --json`."),
        fmt: str = typer.Option("html", "--format", "-f", help=FORMAT_HELP),
        lang: str = typer.Option("vi", "--lang", help=LANG_HELP),
        out_path: Optional[Path] = typer.Option(None, "--out", "-o",
                                                help="File (with the format's suffix) or folder; '-' prints html/md. "
                                                     "Default: out/briefs/."),
        templates: Optional[Path] = typer.Option(None, "--templates", envvar="DISPATCH_READER_TEMPLATES",
                                                 help=TEMPLATES_HELP),
        db: Optional[str] = DbOption,
    ) -> None:
        """Write the brief of one document: header facts, what it does, who is sent where, figures, citations.

        Example: dispatch-reader brief 1335/UBND-NC --format pdf --out out/1335.pdf
        """
        from dispatch_reader.briefs.render import FORMATS, BriefWriter, slug

        _check_choice(fmt, FORMATS, "--format")
        _check_choice(lang, ("vi", "en"), "--lang")
        # made first: a bad templates folder should fail before a file is OCRed
        writer = BriefWriter(Path("out/briefs"), fmt=fmt, lang=lang, templates=templates)
        record = None
        others: list[dict[str, Any]] = []
        report: bool | None = None  # a stored document says; else read from the record
        path = Path(doc)
        if path.is_file():
            record = _record_from_file(path)
        if record is None:
            from dispatch_reader.store import open_store

            with open_store(db) as store:
                if path.is_file():
                    sha = _sha256(path)
                    record = store.get(sha)
                    if record is not None:  # the store knows whether the file is a report about a document
                        ids = store.find_ids(sha)
                        stored = store.document(ids[0]) if ids else None
                        report = stored.is_report if stored else None
                    if record is None:
                        from dispatch_reader.pipeline import extract_file

                        err_console.print(f"{path.name}: not in the database; reading it now (not stored)",
                                          markup=False, highlight=False, soft_wrap=True)
                        record = extract_file(path)
                else:
                    record, others, report = _pick(store, doc, err_console)
        assert record is not None
        if str(out_path) == "-":
            if fmt not in ("html", "md"):
                raise typer.BadParameter(f"a {fmt} brief cannot go to standard output", param_hint="--out")
            sys.stdout.write(writer.document_bytes(record, others, report=report).decode("utf-8"))
            return
        target = _target(out_path, Path("out/briefs"), f"{slug(record.source.file_name)}.{fmt}", fmt)
        written = writer.document(record, name=target, other_files=others, report=report)
        out.print(str(written), markup=False, highlight=False)

    @app.command("summary")
    @friendly
    def summary(
        date_from: Optional[str] = typer.Option(None, "--from", help="Issued on or after (2025-08-01 or 1/8/2025)."),
        date_to: Optional[str] = typer.Option(None, "--to", help="Issued on or before."),
        commune: Optional[str] = typer.Option(None, "--commune",
                                              help="Only secondments to this commune or ward (diacritics optional)."),
        issuer: Optional[str] = typer.Option(None, "--issuer", help="Only documents of this issuer."),
        doc_type: Optional[str] = typer.Option(None, "--type", "-t",
                                               help="Document type: decision, official_dispatch, plan, … "
                                                    "or quyet_dinh, cong_van, QĐ (as in search and export)."),
        doc_type_alias: Optional[str] = typer.Option(None, "--doc-type", hidden=True),  # the old name
        fmt: str = typer.Option("html", "--format", "-f", help=FORMAT_HELP),
        lang: str = typer.Option("vi", "--lang", help=LANG_HELP),
        out_path: Optional[Path] = typer.Option(None, "--out", "-o",
                                                help="File (with the format's suffix) or folder; '-' prints html/md. "
                                                     "Default: out/briefs/summary.FORMAT."),
        ending_within: int = typer.Option(30, "--ending-within", min=0,
                                          help="List secondments ending within this many days."),
        today: Optional[str] = typer.Option(None, "--today", help="Count days from this date instead of today."),
        templates: Optional[Path] = typer.Option(None, "--templates", envvar="DISPATCH_READER_TEMPLATES",
                                                 help=TEMPLATES_HELP),
        db: Optional[str] = DbOption,
    ) -> None:
        """Write a summary brief over the stored documents: totals, by commune, sending body, field and month,
        secondments ending soon, documents cited but not in the archive.

        Example: dispatch-reader summary --from 1/8/2025 --to 30/9/2025 --commune "Tân Phong" --format docx
        """
        from dispatch_reader.briefs.render import FORMATS, BriefWriter
        from dispatch_reader.briefs.summary import Selection, number_key
        from dispatch_reader.store import Filters, open_store
        from dispatch_reader.store.filters import parse_user_date

        _check_choice(fmt, FORMATS, "--format")
        _check_choice(lang, ("vi", "en"), "--lang")
        doc_type = doc_type or doc_type_alias
        try:
            filters = Filters.make(date_from=date_from, date_to=date_to, commune=commune, issuer=issuer,
                                   doc_type=doc_type)
            anchor = parse_user_date(today) if today else date.today()
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
        selection = Selection(date_from=filters.date_from, date_to=filters.date_to, commune=commune,
                              issuer=issuer, doc_type=filters.doc_type,
                              doc_type_label=filters.doc_type_label)
        with open_store(db) as store:
            # every file of the selected documents, grouped as the store groups them
            records, groups = [], []
            for doc_id in store.document_ids(filters):
                files = store.file_records(doc_id)
                groups.append(list(range(len(records), len(records) + len(files))))
                records += [r for _f, r in files]
            # "cited but not in the archive" asks the whole archive, not just the selection
            archive = {k for k in (number_key(r.document.number) for _id, r in store.records_with_ids(None)) if k}
        if not records:
            err_console.print("no stored document matches; the summary is empty", markup=False, highlight=False,
                              soft_wrap=True)
        writer = BriefWriter(Path("out/briefs"), fmt=fmt, lang=lang, templates=templates, today=anchor,
                             ending_within=ending_within)
        if str(out_path) == "-":
            if fmt not in ("html", "md"):
                raise typer.BadParameter(f"a {fmt} brief cannot go to standard output", param_hint="--out")
            data = writer.summary_bytes(records, selection=selection, archive_numbers=archive, groups=groups)
            sys.stdout.write(data.decode("utf-8"))
            return
        target = _target(out_path, Path("out/briefs"), f"summary.{fmt}", fmt)
        context = writer.summary_context(records, selection=selection, archive_numbers=archive, groups=groups)
        written = writer.write_summary(context, target)
        # the documents as the summary counts them: a press report goes with the document it reports on
        out.print(f"{written} ({context['total_docs']} documents, {len(records)} files)", markup=False,
                  highlight=False)
