"""`dispatch-reader worker`, and what `batch --queue` / `batch --queue --status` run
(watch/cli.py hands over to these when --queue is given)."""

from __future__ import annotations

import datetime as dt
import logging
import signal
import time
from pathlib import Path
from types import FrameType
from typing import Any, Optional

import typer

from dispatch_reader.errors import ExitCode, InputFileError

SPOOL_HELP = ("Shared spool folder every worker mounts (NFS/SMB), where queued files wait under their SHA-256 "
              "(or `spool` in the config).")
QUEUE_HELP = "Redis broker URL of the worker fleet, e.g. redis://HOST:6379/0 (or `queue` in the config)."


def register(app: typer.Typer) -> None:
    from dispatch_reader.cli import DbOption, friendly

    @app.command()
    @friendly
    def worker(
        queue: Optional[str] = typer.Option(None, "--queue", metavar="URL", help=QUEUE_HELP),
        spool: Optional[Path] = typer.Option(None, "--spool", metavar="DIR", help=SPOOL_HELP),
        db: Optional[str] = DbOption,
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", "--concurrency", min=1, metavar="N",
                                           help="Documents read at once, one process each. Default: the number "
                                                "of cores."),
        name: Optional[str] = typer.Option(None, "--name", "-n", help="This worker's name in Flower and Celery's "
                                           "events (%h: the host name). Default: dispatch-reader@HOST."),
    ) -> None:
        """Read documents from the queue into the shared PostgreSQL store, until stopped.

        Takes the documents `batch --queue` and `watch --queue` send: copies each out of the
        spool, reads it, stores it. A message is acknowledged only when its document is
        stored, so a worker killed mid-document loses nothing: the document is read again
        elsewhere, and stored once. SIGTERM (systemctl stop): finish the documents in hand,
        then stop (a second SIGTERM or SIGQUIT stops at once; their documents go back to the
        queue).

        Example: dispatch-reader worker --queue redis://queue.example:6379/0 --spool /mnt/spool
        --db postgresql+psycopg://reader@dbhost/dispatches
        """
        from dispatch_reader.fleet.app import check_broker, make_app
        from dispatch_reader.fleet.settings import QUEUE_NAME, resolve
        from dispatch_reader.ingest.settings import core_count
        from dispatch_reader.store import open_store

        fleet = resolve(queue, spool, db)
        open_store(fleet.db_url).close()  # the schema brought up to date once, before the processes fork
        import dispatch_reader.pipeline  # noqa: F401  (imported once here, not under each document's time limit)
        celery_app = make_app(fleet)
        check_broker(celery_app)
        level = logging.getLogger().level
        loglevel = "DEBUG" if level <= logging.DEBUG else "ERROR" if level >= logging.ERROR else "INFO"
        argv = ["worker", "-Q", QUEUE_NAME, "-c", str(jobs or core_count()), "-n", name or "dispatch-reader@%h",
                "--loglevel", loglevel, "--without-gossip", "--without-mingle", "-E", "--pool", "prefork"]
        celery_app.worker_main(argv)


def _fleet_and_app(queue: str, spool: Path | None, db: str | None, writable: bool) -> tuple[Any, Any]:
    from dispatch_reader.fleet.app import check_broker, make_app
    from dispatch_reader.fleet.settings import check_broker as check_url
    from dispatch_reader.fleet.settings import resolve

    check_url(queue)
    fleet = resolve(queue, spool, db, writable_spool=writable)
    app = make_app(fleet)
    check_broker(app)
    return fleet, app


def watch_enqueuer(inbox: Path, queue: str, spool: Path | None, db: str | None,
                   ocr_lang: str | None) -> tuple[Any, str]:
    """The enqueuer of `watch INBOX --queue` (its store is set by the caller), and the store's
    URL: the settings are checked before the watcher takes anything."""
    import hashlib

    from dispatch_reader.fleet.enqueue import Enqueuer, label_of

    fleet, app = _fleet_and_app(queue, spool, db, writable=True)
    label = "watch " + label_of([inbox])
    batch = "watch-" + hashlib.sha256(label.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Enqueuer(fleet, None, app, batch=batch, label=label, options={"languages": ocr_lang}), fleet.db_url


def show_status(inputs: list[Path], queue: str, db: str | None, out: Any) -> None:
    """`batch --queue URL --status [DIR…]`: the batches of those folders (else every batch
    pending or sent in the last day), their failures, and the broker's depth."""
    from dispatch_reader.fleet import tasks
    from dispatch_reader.fleet.app import make_app, queue_depth
    from dispatch_reader.fleet.enqueue import label_of
    from dispatch_reader.fleet.settings import FleetSettings, check_broker, require_postgresql
    from dispatch_reader.fleet.status import failures_table, status_table
    from dispatch_reader.store import open_store

    check_broker(queue)
    url = require_postgresql(db)
    with open_store(url) as store:
        if inputs:
            found = tasks.counts(store, label=label_of(inputs))
        else:
            found = tasks.counts(store, since=tasks.now() - dt.timedelta(days=1))
        failed_total = sum(c.failed for c in found)
        failed = tasks.failures(store, [c.batch for c in found], limit=20) if failed_total else []
    depth = queue_depth(make_app(FleetSettings.broker_only(queue, url)))
    if not found:
        out.print("no queued batch" + (" for these folders" if inputs else " pending or sent in the last day"),
                  markup=False, highlight=False)
    else:
        out.print(status_table(found, depth))
        if failed:
            out.print(failures_table(failed, failed_total))


def run_batch(inputs: list[Path], *, queue: str, spool: Path | None, db: str | None, reprocess: bool, requeue: bool,
              wait: bool, out_dir: Path | None, fmt: str, lang: str, failures_csv: Path, ocr_lang: str | None,
              out: Any, err_console: Any) -> None:
    """`batch DIR… --queue URL`: send every document to the fleet, then (unless --no-wait)
    follow the fleet with the progress bar until each one is stored or failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from dispatch_reader.fleet.enqueue import Enqueuer, label_of, new_batch_id
    from dispatch_reader.store import open_store
    from dispatch_reader.watch.report import FailureLog, failures_table
    from dispatch_reader.watch.walk import count_documents, iter_documents
    from dispatch_reader.watch.worker import WorkResult

    for item in inputs:
        if not item.exists():
            raise InputFileError(item, "no such file or folder")
    briefs = None
    if out_dir is not None:
        from dispatch_reader.briefs.render import BriefWriter

        briefs = BriefWriter(out_dir, fmt=fmt, lang=lang)
    fleet, app = _fleet_and_app(queue, spool, db, writable=True)
    store = open_store(fleet.db_url)
    batch, started = new_batch_id(), time.monotonic()
    enqueuer = Enqueuer(fleet, store, app, batch=batch, label=label_of(inputs), options={"languages": ocr_lang},
                        reprocess=reprocess, requeue=requeue)
    if failures_csv.exists():
        failures_csv.unlink()
    failures = FailureLog(failures_csv)
    stop = {"asked": False}

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        stop["asked"] = True

    previous = signal.signal(signal.SIGTERM, on_term)
    counts = {"queued": 0, "requeued": 0, "pending": 0, "repeated": 0, "skipped": 0, "failed": 0}
    expected: set[str] = set()
    totals = {"done": 0, "skipped": 0, "failed": 0, "pages": 0}
    waited = True
    try:
        with err_console.status("counting files…"):
            total = count_documents(inputs)
        if total == 0:
            raise InputFileError(inputs[0], "no PDF or image files found")
        progress = Progress(TextColumn("queueing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("files · {task.fields[queued]} sent"), console=err_console, transient=True)
        with progress:
            bar = progress.add_task("queueing", total=total, queued=0)
            for path in iter_documents(inputs):
                if stop["asked"]:
                    break
                sent = enqueuer.send(path)
                counts[sent.status] += 1
                if sent.status in ("queued", "requeued") and sent.task_id:
                    expected.add(sent.task_id)
                if sent.status == "failed":
                    failures.add(WorkResult(str(path), "failed", kind=sent.kind, reason=sent.reason))
                progress.update(bar, advance=1, queued=counts["queued"] + counts["requeued"])
        out.print(f"batch {batch}: {counts['queued'] + counts['requeued']} sent to the queue, {counts['skipped']} "
                  f"already stored, {counts['pending']} already queued by an earlier run, {counts['repeated']} "
                  f"repeated, {counts['failed']} failed here", markup=False, highlight=False)
        if stop["asked"]:
            raise KeyboardInterrupt
        if wait and expected:
            waited = _wait(store, batch, expected, briefs, failures, totals, stop, err_console)
    except KeyboardInterrupt:
        waited = False
        stop["asked"] = True
    finally:
        signal.signal(signal.SIGTERM, previous)
        failures.close()
        store.close()
    seconds = time.monotonic() - started
    out.print(_summary(counts, totals, seconds, wait and waited, len(expected)))
    if failures.count:
        out.print(failures_table(failures))
        out.print(f"all failures: {failures_csv}", markup=False, highlight=False)
    if stop["asked"]:
        err_console.print(f"stopped waiting: the fleet goes on with what was sent; see it with "
                          f"`dispatch-reader batch --queue URL --status {' '.join(map(str, inputs))}`",
                          markup=False, highlight=False)
        raise typer.Exit(ExitCode.INTERRUPTED)
    if failures.count:
        raise typer.Exit(ExitCode.FILES_FAILED)


def _wait(store: Any, batch: str, expected: set[str], briefs: Any, failures: Any, totals: dict[str, int],
          stop: dict[str, bool], err_console: Any) -> bool:
    from dispatch_reader.fleet import tasks
    from dispatch_reader.fleet.status import follow
    from dispatch_reader.watch.report import BatchProgress
    from dispatch_reader.watch.worker import WorkResult

    with BatchProgress(err_console, len(expected)) as progress:
        progress.progress.update(progress.task, description="fleet")

        def on_end(t: tasks.Task) -> None:
            status = {"done": "done", "skipped": "skipped", "failed": "failed"}[t.state]
            result = WorkResult(t.source, status, pages=t.pages or 0, number=t.number, kind=t.kind, reason=t.reason)
            totals[t.state] += 1
            totals["pages"] += t.pages or 0
            progress.advance(result)
            if status == "failed":
                failures.add(result)
            elif briefs is not None:
                _brief(store, briefs, t, err_console)

        def on_away(reason: str | None) -> None:
            if reason is None:
                err_console.print("the database answers again", markup=False, highlight=False)
            else:
                err_console.print(f"the database is away ({reason}); waiting for it, as the workers do",
                                  markup=False, highlight=False)

        return follow(store, batch, expected, on_end, stop=lambda: stop["asked"], on_away=on_away)


def _brief(store: Any, briefs: Any, t: Any, err_console: Any) -> None:
    from dispatch_reader.pipeline import document_brief

    try:
        record = store.get(t.sha256)
        if record is not None:
            document_brief(store, briefs, t.sha256, record)
    except Exception as exc:  # the document is stored; only its brief is missing
        err_console.print(f"error: {t.file_name}: brief not written: {exc}", markup=False, highlight=False)


def _summary(counts: dict[str, int], totals: dict[str, int], seconds: float, waited: bool, sent: int) -> Any:
    from rich.table import Table

    table = Table(title="queued batch summary", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    minutes = seconds / 60
    rows: list[tuple[str, object]] = [
        ("files found", sum(counts.values())),
        ("sent to the queue", sent),
        ("already stored (skipped)", counts["skipped"]),
        ("already queued by an earlier run", counts["pending"]),
        ("same file twice in this run", counts["repeated"]),
        ("failed before sending", counts["failed"]),
    ]
    if waited:
        rows += [
            ("read and stored by the fleet", totals["done"]),
            ("stored already when read", totals["skipped"]),
            ("failed in the fleet (dead letters)", totals["failed"]),
            ("pages read", totals["pages"]),
            ("time", f"{seconds:.1f} s"),
            ("pages per minute", f"{totals['pages'] / minutes:.1f}" if minutes and totals["pages"] else "–"),
        ]
    else:
        rows.append(("fleet results", "not waited for: see --status"))
    for key, value in rows:
        table.add_row(key, str(value))
    return table
