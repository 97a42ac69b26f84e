"""Command line: `dispatch-reader COMMAND --help` explains each command with an example."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table
from typer.core import TyperGroup

from dispatch_reader import __version__
from dispatch_reader.choices import BriefFormat, Lang, OcrMode
from dispatch_reader.console import (DOUBT_CAPTION, err_console, friendly, header_of, marked, out, set_quiet, stamp_of,
                                     status, to_check)
from dispatch_reader.errors import DispatchReaderError, InputFileError, exit_code_table
from dispatch_reader.ingest.sniff import IMAGE_FORMATS

VERBOSE_HELP = "Say more: -v what is done, -vv debug."
QUIET_HELP = "Only errors and the data asked for; no progress."


def apply_verbosity(quiet: bool, verbose: int) -> None:
    """-q / -v wherever they were given (before or after the command's name)."""
    import logging

    if quiet and verbose:
        raise typer.BadParameter("-q and -v do not go together", param_hint="-q/-v")
    level = logging.DEBUG if verbose > 1 or os.environ.get("DISPATCH_READER_DEBUG") else \
        logging.INFO if verbose else logging.ERROR if quiet else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    # the store's schema upgrades say what they do at -vv only: at -v a clerk read alembic's
    # "Context impl SQLiteImpl" lines before what the tool did (a tester's)
    logging.getLogger("alembic").setLevel(level if level == logging.DEBUG else max(level, logging.WARNING))
    set_quiet(quiet)


def _verbosity_after_the_command(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> None:
    """-q or -v given after a command's name: added to what was given before it."""
    meta = ctx.find_root().meta
    if param.name == "verbose":
        meta["dispatch_reader.verbose"] = meta.get("dispatch_reader.verbose", 0) + (value or 0)
    elif value:
        meta["dispatch_reader.quiet"] = True
    apply_verbosity(meta.get("dispatch_reader.quiet", False), meta.get("dispatch_reader.verbose", 0))


def _verbosity_options() -> list[Any]:
    """-v and -q as options of the command line's own kind (Typer builds them: it carries its own
    copy of Click, whose commands take only its own options)."""
    holder = typer.Typer(add_completion=False)

    @holder.command()
    def _options(
        verbose: int = typer.Option(0, "--verbose", "-v", count=True, expose_value=False, help=VERBOSE_HELP,
                                    show_default=False,
                                    callback=_verbosity_after_the_command),
        quiet: bool = typer.Option(False, "--quiet", "-q", expose_value=False, help=QUIET_HELP,
                                   callback=_verbosity_after_the_command),
    ) -> None:
        pass  # pragma: no cover

    return [p for p in typer.main.get_command(holder).params if p.name in ("verbose", "quiet")]


def _add_verbosity(command: Any) -> None:
    """Give a command (and a group's commands) its own -q and -v, so `process -q …` works."""
    if not any(p.name == "verbose" for p in command.params):
        command.params += _verbosity_options()
    for sub in getattr(command, "commands", {}).values():
        _add_verbosity(sub)


class _Commands(TyperGroup):
    """The main command group: every command it hands out takes -q and -v too."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _add_verbosity(command)
        return command


app = typer.Typer(
    cls=_Commands,
    help="Read Vietnamese official dispatches and decisions (PDF or scan) into evidenced records and briefs.\n\n"
    "Example: dispatch-reader process samples/ --out out/briefs",
    epilog="\b\nExit codes:\n" + exit_code_table() + "\n\n\b\nSettings: a config file (--config, else config.toml in the user config folder)\n"
    "and DISPATCH_READER_* variables; see the README, \"Configuration\".",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
DbOption = typer.Option(None, "--db", envvar="DISPATCH_READER_DB",
                        help="Database URL (sqlite:///path or postgresql+psycopg://…); default: SQLite in the user data folder.")
LangOption = typer.Option(None, "--ocr-lang", help="Tesseract languages for OCR, e.g. vie+eng (default).")
# -j is the same in every command: how many processes work at once (OCR of pages, or whole files
# in `batch`); the rest of the machine stays free.
JOBS_HELP = "At most N processes work at once (OCR of pages; whole files in batch). Default: the number of cores."
WorkersOption = typer.Option(None, "--jobs", "-j", "--workers", min=1, metavar="N", help=JOBS_HELP)
PasswordOption = typer.Option(None, "--password", envvar="DISPATCH_READER_PASSWORD", show_envvar=False,
                              help="Password of encrypted PDFs (or $DISPATCH_READER_PASSWORD, or the config file).")
PasswordsFileOption = typer.Option(None, "--passwords-file", metavar="FILE",
                                   help="More passwords to try, one a line (also `passwords_file` in the config).")
OcrModeOption = typer.Option(None, "--ocr", case_sensitive=False,
                             help="OCR pages: auto (where the text layer is missing or bad; default), always, never.")


def ingest_settings(ocr_lang: str | None, workers: int | None, password: str | None = None,
                    passwords_file: Path | None = None, ocr_mode: OcrMode | None = None) -> Any:
    """The reading settings: config file and DISPATCH_READER_* variables, the options over them."""
    from dispatch_reader import config

    return config.load().ingest(languages=ocr_lang or None, workers=workers or None, password=password or None,
                                passwords_file=passwords_file,
                                ocr_mode=ocr_mode.value if isinstance(ocr_mode, OcrMode) else ocr_mode)


def _kind(document: Any) -> str:
    """The type column's word: a kind with no type of its own by its name (`Văn bản hợp nhất`,
    where a clerk read `other`)."""
    if document.doc_type == "other" and document.doc_type_label:
        return document.doc_type_label
    return document.doc_type or "—"


def _sent(record: Any) -> str:
    """People the document sends (decided sendings only; "—" for none, and for a press report,
    which sends nobody itself), an extension's and a move within a commune's said as such, as
    the summary counts them. The people it names, its signer among them, were shown here
    before and read as the people sent."""
    from dispatch_reader.briefs.document import is_press_report, secondment_rows
    from dispatch_reader.briefs.labels import labels
    from dispatch_reader.briefs.summary import within_commune

    data = record.to_dict()
    if is_press_report(data):
        return "—"
    # what the summary counts it as (a tester read 61/QĐ-SNV's extension and a commune's move
    # between its own units as people sent): `2 extended`, `1 moved within the commune`
    heads: dict[str, int] = {}
    for row, s in zip(secondment_rows(data, "en"), data["secondments"]):
        if row["counted"]:
            what = "within" if within_commune(s) else row["action"]
            heads[what] = heads.get(what, 0) + row["heads"]
    words = {k: f" {v}" for k, v in labels("en")["steps"].items()} | {"send": "", "within": " moved within the commune"}
    return ", ".join(f"{n}{words[k]}" for k, n in heads.items() if n) or "—"


def _print_summary(record: Any) -> None:
    d = record.document
    header = header_of(record)
    doubted = to_check(record, header)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    signer = d.signer
    rows = [
        ("file", f"{record.source.file_name} ({record.source.page_count} pages: "
                 + ", ".join(f"{p.number} {p.method}" for p in record.source.pages) + ")"),
        ("language", record.language),
        ("type", f"{d.doc_type or '—'}" + (f" ({d.doc_type_label})" if d.doc_type_label else "")),
        ("number", marked(d.number, "number", doubted)),
        *([("marks", ", ".join(d.marks))] if d.marks else []),
        ("issuer", (d.issuer or "—") + (f"  [under {d.issuer_parent}]" if d.issuer_parent else "")),
        ("place, date", f"{d.place or '—'}, {marked(d.issued_date, 'issued_date', doubted)}"),
        *([("received", f"{stamp} ⚠")] if (stamp := stamp_of(header)) else []),
        ("subject", d.subject or "—"),
        ("signer", " / ".join(x for x in [signer.authority, signer.title, signer.name] if x) if signer else "—"),
        ("recipients", "; ".join(d.recipients) or "—"),
        ("references", ", ".join(r.number for r in record.references) or "—"),
        ("people", "; ".join(p.name + (f" ({p.position})" if p.position else "") for p in record.people) or "—"),
        ("counts", "; ".join(f"{c.value}{'/' + str(c.total) if c.total else ''} {c.what}" for c in record.counts) or "—"),
        ("secondments", str(len(record.secondments))),
    ]
    for key, value in rows:
        table.add_row(key, value)
    if any("⚠" in value for _, value in rows):
        table.caption = DOUBT_CAPTION
    out.print(table, markup=False, highlight=False)
    for s in record.secondments:
        who = s.person or (f"{s.count} people" if s.count else "?")
        note = (f"[{s.status}] " if s.status != "decided" else "") + (f"{s.action} " if s.action != "send" else "")
        out.print(f"  - {note}{s.kind}: {who}: {s.from_unit or '?'} → {s.to_unit or '?'}"
                  f"{' as ' + s.position if s.position else ''} {s.start or ''}..{s.end or ''} (p. {s.evidence.page})",
                  markup=False, highlight=False)
    for w in record.warnings:
        out.print(f"  ! {w}", markup=False, highlight=False)


@app.command()
@friendly
def extract(
    file: Path = typer.Argument(..., help=f"A PDF or image ({IMAGE_FORMATS})."),
    as_json: bool = typer.Option(False, "--json", help="Print the record as JSON (schema: dispatch-record/3)."),
    ocr_lang: Optional[str] = LangOption,
    workers: Optional[int] = WorkersOption,
    password: Optional[str] = PasswordOption,
    passwords_file: Optional[Path] = PasswordsFileOption,
    ocr_mode: Optional[OcrMode] = OcrModeOption,
) -> None:
    """Print the record of one file; nothing is stored.

    Example: dispatch-reader extract "Quyết định 123.pdf" --json > record.json
    """
    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.ingest.sniff import file_sha256
    from dispatch_reader.pipeline import build_record, check_is_document

    file_sha256(file)  # a missing or unreadable path fails here with a plain message
    # a photographed or scanned file of several pages takes a while: say so (stderr; none under -q)
    with status(f"reading {file.name}…"):
        document = read_document(file, ingest_settings(ocr_lang, workers, password, passwords_file, ocr_mode))
    record = build_record(file, document)
    check_is_document(file, document, record)  # a photo or noise: one line, exit 2, as `process` refuses it
    if as_json:
        sys.stdout.write(record.to_json() + "\n")
    else:
        out.quiet = False  # the summary is the data asked for, -q or not
        _print_summary(record)


@app.command()
@friendly
def process(
    inputs: list[Path] = typer.Argument(..., help="Files or folders (searched recursively for PDFs and images)."),
    out_dir: Path = typer.Option(Path("out/briefs"), "--out", help="Folder for the briefs."),
    db: Optional[str] = DbOption,
    reprocess: bool = typer.Option(False, "--reprocess", help="Read files again even when already stored."),
    fmt: BriefFormat = typer.Option(BriefFormat.html, "--format", case_sensitive=False, help="Brief format."),
    lang: Lang = typer.Option(Lang.vi, "--lang", case_sensitive=False, help="Brief language."),
    ocr_lang: Optional[str] = LangOption,
    workers: Optional[int] = WorkersOption,
    password: Optional[str] = PasswordOption,
    passwords_file: Optional[Path] = PasswordsFileOption,
    ocr_mode: Optional[OcrMode] = OcrModeOption,
) -> None:
    """Extract, store and brief documents: one brief per document plus a summary brief.

    Files already stored (same SHA-256) are not read again. A file that cannot be read (missing,
    damaged, a picture with no readable text) is one line on stderr and the others go on; exits
    1 when any file failed, 2 when no path given exists.

    Example: dispatch-reader process samples/ scans/2025/ --out out/briefs
    """
    from dispatch_reader.briefs.render import BriefWriteError, BriefWriter
    from dispatch_reader.claimed import process_claimed
    from dispatch_reader.pipeline import Outcome
    from dispatch_reader.store import open_store
    from dispatch_reader.watch.walk import iter_documents

    # a missing path fails on its own, like an unreadable file: the other files go on (exit 1);
    # when nothing given exists, nothing can be read: the command is wrong (exit 2)
    missing = [item for item in inputs if not item.exists()]
    if len(missing) == len(inputs):
        for item in missing[1:]:
            err_console.print(f"error: {InputFileError(item, 'no such file or folder')}", markup=False,
                              highlight=False)
        raise InputFileError(missing[0], "no such file or folder")
    present = [item for item in inputs if item.exists()]
    files = list(iter_documents(present))  # the batch's walker: same files, same order
    if not files:
        raise InputFileError(present[0], "no PDF or image files found")
    settings = ingest_settings(ocr_lang, workers, password, passwords_file, ocr_mode)
    store = open_store(db)
    briefs = BriefWriter(out_dir, fmt=fmt.value, lang=lang.value)
    table = Table(title=None)
    for col in ("file", "type", "number", "date", "sent", "status"):
        table.add_column(col, overflow="fold")
    outcomes = []
    doubted = False  # a number or a date shown with ⚠: the table's caption says what it means
    for item in missing:
        outcome = Outcome(item, "failed", error=InputFileError(item, "no such file or folder"))
        err_console.print(f"error: {outcome.error}", markup=False, highlight=False)
        table.add_row(item.name, "", "", "", "", f"failed: {outcome.error.kind}")
        outcomes.append(outcome)
    with status("processing…") as spinner:
        # claimed in the store before reading: runs at once on overlapping folders read a file once
        for i, outcome in enumerate(process_claimed(files, store, briefs, settings, reprocess=reprocess), 1):
            path = outcome.path
            # what became of the file just read (a log's last line names the one finished)
            spinner.update(f"[{i}/{len(files)}] {path.name}: "
                           f"{outcome.status if not outcome.error else 'failed: ' + outcome.error.kind}")
            outcomes.append(outcome)
            if outcome.error:
                err_console.print(f"error: {outcome.error}", markup=False, highlight=False)
            if outcome.brief_error:  # the document is stored; only its brief is missing
                err_console.print(f"error: {outcome.brief_error}", markup=False, highlight=False)
            rec = outcome.record
            d = rec.document if rec else None
            fields = to_check(rec) if rec else set()
            number, date = (marked(d.number, "number", fields), marked(d.issued_date, "issued_date", fields)) \
                if d else ("", "")
            doubted = doubted or "⚠" in number + date
            table.add_row(path.name, _kind(d) if d else "", number, date, _sent(rec) if rec else "",
                          (outcome.status + (", no brief" if outcome.brief_error else "")) if not outcome.error
                          else f"failed: {outcome.error.kind}")
    records = [o.record for o in outcomes if o.record]
    # the files of one document (a file and its scan) count once: grouped as the store grouped them
    by_document: dict[int, list[int]] = {}
    for i, rec in enumerate(records):
        ids = store.find_ids(rec.source.sha256)
        by_document.setdefault(ids[0] if ids else -1 - i, []).append(i)
    summary, no_brief = None, sum(o.brief_error is not None for o in outcomes)
    try:
        summary = briefs.summary(records, groups=list(by_document.values())) if records else None
    except BriefWriteError as err:  # a full --out disk: the documents are stored all the same
        err_console.print(f"error: {err}", markup=False, highlight=False)
        no_brief += 1
    if doubted:
        table.caption = DOUBT_CAPTION
    out.print(table, markup=False, highlight=False)
    done = sum(o.status == "done" for o in outcomes)
    skipped = sum(o.status == "skipped" for o in outcomes)
    failed = sum(o.status == "failed" for o in outcomes)
    out.print(f"{done} processed, {skipped} already stored, {failed} failed"
              + (f", {no_brief} brief(s) not written" if no_brief else "") + ". "
              f"Briefs in {out_dir}/" + (f" (summary: {summary})" if summary else ""), markup=False, highlight=False)
    if failed or no_brief:
        raise typer.Exit(1)


@app.command("eval")
@friendly
def evaluate_cmd(
    dirs: list[Path] = typer.Argument(..., help="Folders with NAME.truth.json beside NAME.pdf / NAME.scan.pdf / NAME.txt."),
    variant: str = typer.Option("all", "--variant",
                                help="Comma list of born, scan, seal, receipt, photocopy, phone, fax; "
                                     "all = born,scan; office = the five office-grade copies."),
    work: Path = typer.Option(Path(".cache/eval"), "--work",
                              help="Where text files are rendered to PDFs and office-grade copies are kept."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures as JSON."),
    show_errors: bool = typer.Option(False, "--errors", help="List each wrong field value."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the table as Markdown (for a README)."),
    ocr_lang: Optional[str] = LangOption,
    workers: Optional[int] = WorkersOption,
) -> None:
    """Measure extraction against truth files: precision, recall and F1 per field and per variant.

    A NAME.txt with truth is rendered to a born-digital and a scanned PDF first (cached in --work).
    The office-grade variants (a red seal and signature; with the receiving stamp; photocopy;
    phone photo; fax) are made from the born-digital PDF and cached in --work too.

    Example: dispatch-reader eval samples/ ../shared/realdocs-dev/ --variant born,seal,phone
    """
    from dispatch_reader.evaluate import evaluate, parse_variants, print_report

    variants = parse_variants(variant)
    for d in dirs:
        if not d.is_dir():
            raise InputFileError(d, "not a folder")
    report = evaluate(dirs, variants=variants, work_dir=work,
                      settings=ingest_settings(ocr_lang, workers), progress=None if out.quiet else err_console)
    out.quiet = False  # the table (and --errors' list) is the data asked for, -q or not
    print_report(report, out, show_errors=show_errors, markdown=markdown)
    if json_out:
        json_out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), "utf-8")


def _register_optional() -> None:
    """Commands of later stages register themselves when their module is present."""
    import importlib

    for module in ("dispatch_reader.store.cli", "dispatch_reader.briefs.cli", "dispatch_reader.watch.cli",
                   "dispatch_reader.web.cli", "dispatch_reader.fleet.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue
            raise
        mod.register(app)


def version_callback(value: bool) -> None:
    if value:
        out.print(f"dispatch-reader {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                 help="Print the version and exit."),
    config_file: Optional[Path] = typer.Option(None, "--config", metavar="FILE",
                                               help="Settings file (TOML); default: config.toml in the user config "
                                                    "folder, or $DISPATCH_READER_CONFIG."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help=VERBOSE_HELP + " Also after the command."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help=QUIET_HELP + " Also after the command."),
) -> None:
    from dispatch_reader import config
    from dispatch_reader.ingest import private

    ctx.meta["dispatch_reader.quiet"], ctx.meta["dispatch_reader.verbose"] = quiet, verbose
    apply_verbosity(quiet, verbose)
    if config_file is not None:
        config.use_config_file(config_file)
        os.environ[config.ENV_CONFIG] = str(config_file.resolve())  # batch workers read it too
    try:
        settings = config.load()
    except DispatchReaderError as err:
        if any(a in ("--help", "-h") for a in sys.argv):
            return  # help must work even with a broken config
        err_console.print(f"error: {err}", markup=False, highlight=False)
        raise typer.Exit(err.exit_code) from None
    # the config file's db and templates: defaults for --db and --templates (their variables win)
    for name, value in (("DB", settings.db), ("TEMPLATES", settings.templates)):
        if value and not os.environ.get(config.ENV_PREFIX + name):
            os.environ[config.ENV_PREFIX + name] = str(value)
    private.clean_stale()  # page images a killed run left behind


cache_app = typer.Typer(help="The OCR cache: pages already OCRed with the same settings are not OCRed again.\n\n"
                             "Example: dispatch-reader cache info",
                        no_args_is_help=True, add_completion=False, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")


def _cache_folder() -> Path | None:
    from dispatch_reader import config

    return config.load().ingest().cache_dir


@cache_app.command("info")
@friendly
def cache_info() -> None:
    """Where the OCR cache is, how big it is, and its limit (cache_max_mb).

    Example: dispatch-reader cache info
    """
    from dispatch_reader import config
    from dispatch_reader.ingest.cache import cache_size

    folder, settings = _cache_folder(), config.load()
    if folder is None:
        out.print("OCR cache: off (no_cache)", markup=False, highlight=False)
        return
    entries, size = cache_size(folder)
    limit = f"{settings.cache_max_mb:g} MiB" if settings.cache_max_mb else "no limit"
    out.print(f"OCR cache: {folder}\n{entries} pages, {size / 2**20:.1f} MiB (limit {limit})",
              markup=False, highlight=False)


@cache_app.command("clear")
@friendly
def cache_clear() -> None:
    """Remove every cached OCR page (they are OCRed again when next needed).

    Example: dispatch-reader cache clear
    """
    from dispatch_reader.ingest.cache import clear

    folder = _cache_folder()
    if folder is None:
        out.print("OCR cache: off (no_cache); nothing to clear", markup=False, highlight=False)
        return
    n = clear(folder) if folder.is_dir() else 0
    out.print(f"{n} cached page(s) removed from {folder}", markup=False, highlight=False)


_register_optional()
