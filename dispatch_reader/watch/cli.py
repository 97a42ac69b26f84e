"""The `watch` and `batch` commands (registered by dispatch_reader.cli when this package exists)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from types import FrameType
from typing import IO, Optional

import typer

from dispatch_reader.choices import BriefFormat, Lang
from dispatch_reader.errors import ExitCode, InputFileError


def register(app: typer.Typer) -> None:
    from dispatch_reader.cli import DbOption, LangOption, err_console, friendly, out

    @app.command()
    @friendly
    def watch(
        inbox: Path = typer.Argument(..., help="The folder people drop (or scan) documents into."),
        root: Optional[Path] = typer.Option(None, "--root", help="Where processing/, archive/, failed/, duplicates/ "
                                            "and outbox/ live (default: inside INBOX). Same disk as INBOX is best."),
        out_dir: Optional[Path] = typer.Option(None, "--out", help="Outbox for the briefs (default: ROOT/outbox)."),
        db: Optional[str] = DbOption,
        poll: Optional[float] = typer.Option(None, "--poll", min=0.2, help="Look for new files every SECONDS instead "
                                             "of waiting for file-system events (for network shares)."),
        settle: float = typer.Option(3.0, "--settle", min=0.0, help="Seconds a file's size and time must stay "
                                     "unchanged before it is taken."),
        settle_unmarked: float = typer.Option(30.0, "--settle-unmarked", min=0.0, help="With --poll: seconds a "
                                              "file without an end marker (TIFF) must stay unchanged; a scanner "
                                              "pausing between pages must not look finished."),
        rescan: float = typer.Option(60.0, "--rescan", min=1.0, help="Full rescan of INBOX every SECONDS, "
                                     "in case an event was missed."),
        max_wait: float = typer.Option(300.0, "--max-wait", min=0.0, help="A file that still looks cut short after "
                                       "SECONDS is taken anyway (and fails with the reason)."),
        once: bool = typer.Option(False, "--once", help="Take what is in INBOX now, then exit (for cron or a "
                                  "systemd timer). Exits 1 if any file failed."),
        fmt: BriefFormat = typer.Option(BriefFormat.html, "--format", case_sensitive=False, help="Brief format."),
        lang: Lang = typer.Option(Lang.vi, "--lang", case_sensitive=False, help="Brief language."),
        log_file: Optional[Path] = typer.Option(None, "--log", help="Also append the per-file log lines to this file."),
        ocr_lang: Optional[str] = LangOption,
        workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1, help="At most N processes work "
                                              "at once (OCR of pages; whole files in batch). Default: the number "
                                              "of cores."),
        queue: Optional[str] = typer.Option(None, "--queue", metavar="URL", help="Send the files to the worker "
                                            "fleet on this Redis broker (redis://HOST:6379/0) instead of reading "
                                            "them here; needs --spool and a PostgreSQL --db."),
        spool: Optional[Path] = typer.Option(None, "--spool", metavar="DIR", help="With --queue: the spool folder "
                                             "every worker mounts (or `spool` in the config)."),
    ) -> None:
        """Watch a folder: read, store and brief every document dropped into it.

        Each file moves INBOX → processing/ → archive/YYYY/MM/ when stored, failed/ (with
        NAME.error.txt) when it cannot be read, or duplicates/ (with NAME.duplicate.txt) when the
        same file is already stored. A file leaves INBOX only after its record is committed; after
        a crash, the next start finishes what was in processing/. One log line per file on stdout:
        time, file, result, number, seconds. Ctrl-C or SIGTERM: finish the current file and stop
        with exit status 0 (a second signal stops at once: 130); with --once, a stop before INBOX is
        done exits 130. Exits 11 when another watcher already works on INBOX.
        Never taken, left in INBOX: hidden and temporary names (.*, ~$*, *.part, *.crdownload …),
        links, named pipes and devices. One watcher per INBOX.

        Example: dispatch-reader watch /srv/scans/inbox --out /srv/scans/briefs

        Example: dispatch-reader watch /mnt/share/inbox --poll 10 --once

        With --queue, the files are read by `dispatch-reader worker` processes on any machine
        (README "Many machines"); the folder lifecycle stays the same.
        """
        from dispatch_reader.briefs.render import BriefWriter
        from dispatch_reader.cli import ingest_settings
        from dispatch_reader.ingest.reader import ReadAhead
        from dispatch_reader.pipeline import process_file
        from dispatch_reader.store import open_store
        from dispatch_reader.watch.lifecycle import FileResult
        from dispatch_reader.watch.places import Places
        from dispatch_reader.watch.watcher import Watcher, WatchSettings

        if not inbox.exists():
            raise InputFileError(inbox, "no such folder")
        if not inbox.is_dir():
            raise InputFileError(inbox, "is a file, not a folder")
        places = Places.make(inbox, root, out_dir)
        enqueuer = None
        ahead: ReadAhead | None = None
        if queue is not None:
            from dispatch_reader.fleet.cli import watch_enqueuer

            enqueuer, db = watch_enqueuer(inbox, queue, spool, db, ocr_lang)
        store = open_store(db)
        briefs = BriefWriter(places.outbox, fmt=fmt.value, lang=lang.value)
        settings = ingest_settings(ocr_lang, workers)
        log_fh: IO[str] | None = log_file.open("a", encoding="utf-8") if log_file else None

        def show(result: FileResult) -> None:
            line = result.line()
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
            if log_fh:
                log_fh.write(line + "\n")
                log_fh.flush()

        watch_settings = WatchSettings(poll=poll, settle=settle, rescan=rescan, max_wait=max_wait, once=once,
                                       settle_unmarked=settle_unmarked)
        if enqueuer is not None:
            from dispatch_reader.fleet.watch import QueueWatcher

            enqueuer.store = store
            watcher: Watcher = QueueWatcher(places, store, enqueuer, briefs, watch_settings, on_result=show)
        else:
            # one shared OCR pool for every file: a burst of scans is read a few files ahead, each
            # file still stored and committed on its own (watch/lifecycle.py)
            ahead = ReadAhead(settings)
            watcher = Watcher(places, store, lambda p: process_file(p, store, None, settings, ahead=ahead), briefs,
                              watch_settings, on_result=show, ahead=ahead)
        def announce() -> None:  # once the folder's lock is ours: a second watcher only says why it stops
            if not once:
                err_console.print(f"watching {inbox} (Ctrl-C to stop)", markup=False, highlight=False)

        try:
            report = watcher.run(on_start=announce)
        finally:
            if ahead is not None:
                ahead.close()
            if log_fh:
                log_fh.close()
            store.close()
        c = report.counts
        err_console.print(f"{c['done']} stored, {c['duplicate']} duplicates, {c['failed']} failed"
                          + (" (stopped)" if report.interrupted and not once else ""), markup=False, highlight=False)
        if once and report.interrupted:
            # --once stopped before INBOX was done: what is left is taken by the next run
            err_console.print("interrupted: run the same command again to go on", markup=False, highlight=False)
            raise typer.Exit(ExitCode.INTERRUPTED)
        if once and (c["failed"] or c["errors"]):
            raise typer.Exit(ExitCode.FILES_FAILED)
        # a watch without --once has no end of its own: Ctrl-C or SIGTERM is how it stops, after
        # finishing the file in hand, so that stop is a success (0; README "Exit codes")

    @app.command()
    @friendly
    def batch(
        inputs: Optional[list[Path]] = typer.Argument(None, show_default=False,
                                                      help="Folders (searched recursively for PDFs and images) or "
                                                           "files."),
        db: Optional[str] = DbOption,
        workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1, help="At most N processes work "
                                              "at once (OCR of pages; whole files in batch). Default: the number "
                                              "of cores."),
        reprocess: bool = typer.Option(False, "--reprocess", help="Read files again even when already stored."),
        dry_run: bool = typer.Option(False, "--dry-run", help="List what would be read or skipped; change nothing."),
        out_dir: Optional[Path] = typer.Option(None, "--out", help="Write a brief per document into this folder "
                                               "(default: no briefs)."),
        fmt: BriefFormat = typer.Option(BriefFormat.html, "--format", case_sensitive=False, help="Brief format."),
        lang: Lang = typer.Option(Lang.vi, "--lang", case_sensitive=False, help="Brief language."),
        failures_csv: Path = typer.Option(Path("batch-failures.csv"), "--failures",
                                          help="CSV listing every failed file with its reason (written when any fails)."),
        ocr_lang: Optional[str] = LangOption,
        queue: Optional[str] = typer.Option(None, "--queue", metavar="URL", help="Send the documents to the worker "
                                            "fleet on this Redis broker (redis://HOST:6379/0) instead of reading them "
                                            "here; needs --spool and a PostgreSQL --db."),
        spool: Optional[Path] = typer.Option(None, "--spool", metavar="DIR", help="With --queue: the spool folder "
                                             "every worker mounts (or `spool` in the config)."),
        show_status: bool = typer.Option(False, "--status", help="With --queue: how the queued batches of these "
                                         "folders (or all recent ones) stand: queued, running, done, failed, "
                                         "pages/min, ETA; sends nothing."),
        no_wait: bool = typer.Option(False, "--no-wait", help="With --queue: send, then exit without waiting for "
                                     "the fleet (follow it with --status)."),
        requeue: bool = typer.Option(False, "--requeue", help="With --queue: send again the documents an earlier "
                                     "run left queued (after the broker lost its messages); each is read once."),
    ) -> None:
        """Read a whole archive into the store, in parallel; run it again to resume.

        Documents already stored (same SHA-256) are skipped unless --reprocess. Shows a progress
        bar (files, pages, pages per minute, ETA, failures), then a summary table and the
        failures, which also go to --failures. Exits 1 when any file failed or a brief could not be
        written (each such brief: one line on stderr; the document is stored), 130 when interrupted
        (the files in hand are finished and stored first; run the same command again to go on).

        Example: dispatch-reader batch /archive/2024 /archive/2025 --workers 2

        Example: dispatch-reader batch /archive --dry-run

        With --queue, the documents go to `dispatch-reader worker` processes on any number of
        machines (README "Many machines"): the files are copied into the spool, the progress bar
        follows the fleet, failures come back with their reasons.

        Example: dispatch-reader batch /archive --queue redis://queue:6379/0 --spool /mnt/spool

        Example: dispatch-reader batch --queue redis://queue:6379/0 --status
        """
        from dispatch_reader.ingest.settings import core_count
        from dispatch_reader.store import open_store
        from dispatch_reader.store.engine import resolve_url
        from dispatch_reader.watch.batch import BatchOptions, BatchRunner
        from dispatch_reader.watch.report import BatchProgress, FailureLog, failures_table, summary_table
        from dispatch_reader.watch.walk import count_documents, iter_documents
        from dispatch_reader.watch.worker import WorkerConfig, WorkResult

        from dispatch_reader.errors import UsageError

        inputs = list(inputs or [])
        if queue is None and (show_status or no_wait or requeue or spool is not None):
            raise UsageError("--status, --no-wait, --requeue and --spool go with --queue URL")
        if show_status:
            from dispatch_reader.fleet.cli import show_status as fleet_status

            fleet_status(inputs, queue or "", db, out)
            return
        if not inputs:
            raise UsageError("missing argument: the folders or files to read (INPUTS)")
        for item in inputs:
            if not item.exists():
                raise InputFileError(item, "no such file or folder")
        if queue is not None and not dry_run:
            from dispatch_reader.fleet.cli import run_batch

            run_batch(inputs, queue=queue, spool=spool, db=db, reprocess=reprocess, requeue=requeue,
                      wait=not no_wait, out_dir=out_dir, fmt=fmt.value, lang=lang.value, failures_csv=failures_csv,
                      ocr_lang=ocr_lang, out=out, err_console=err_console)
            return
        if dry_run:
            _dry_run(inputs, db, reprocess, out)
            return
        if out_dir is not None:
            from dispatch_reader.briefs.render import BriefWriter

            BriefWriter(out_dir, fmt=fmt.value, lang=lang.value)  # a failure here, not in every worker
        url = resolve_url(db)
        store = open_store(url)
        ingest = {"languages": ocr_lang} if ocr_lang else {}
        n_workers = workers or core_count()
        options = BatchOptions(workers=n_workers, reprocess=reprocess, worker=WorkerConfig(
            db_url=url, reprocess=reprocess, briefs_dir=out_dir, brief_format=fmt.value, brief_lang=lang.value,
            ingest=ingest))
        if failures_csv.exists():
            failures_csv.unlink()  # a list from an earlier run would be mistaken for this one's
        failures = FailureLog(failures_csv)
        with err_console.status("counting files…"):
            total = count_documents(inputs)
        if total == 0:
            raise InputFileError(inputs[0], "no PDF or image files found")

        with BatchProgress(err_console, total) as progress:
            def listener(result: WorkResult) -> None:
                progress.advance(result)
                if result.status == "failed":
                    failures.add(result)
                if result.brief_error:  # the document is stored; only its brief is missing
                    err_console.print(f"error: {result.brief_error}", markup=False, highlight=False)

            runner = BatchRunner(store, options, listener)

            def on_term(_signum: int, _frame: FrameType | None) -> None:
                runner.request_stop()

            previous = signal.signal(signal.SIGTERM, on_term)
            try:
                totals = runner.run(iter_documents(inputs))
            finally:
                signal.signal(signal.SIGTERM, previous)
                failures.close()
                store.close()
        out.print(summary_table(totals))
        if failures.count:
            out.print(failures_table(failures))
            out.print(f"all failures: {failures_csv}", markup=False, highlight=False)
        if totals.interrupted:
            err_console.print("interrupted: run the same command again to resume", markup=False)
            raise typer.Exit(130)
        if totals.failed or totals.no_brief:
            raise typer.Exit(1)


def _dry_run(inputs: list[Path], db: str | None, reprocess: bool, out: object) -> None:
    """What batch would do, file by file; the store is only read (and not created)."""
    from dispatch_reader.errors import DispatchReaderError
    from dispatch_reader.ingest.sniff import file_sha256
    from dispatch_reader.store import open_store
    from dispatch_reader.store.engine import resolve_url, sqlite_file
    from dispatch_reader.watch.places import display
    from dispatch_reader.watch.walk import iter_documents

    url = resolve_url(db)
    path = sqlite_file(url)
    store = None if (path is not None and not path.exists()) else open_store(url)
    seen: set[str] = set()  # a dry run may hold the hashes: it stores nothing else
    counts = {"read": 0, "skip": 0, "repeat": 0, "fail": 0}
    try:
        for item in iter_documents(inputs):
            try:
                sha = file_sha256(item)
            except DispatchReaderError as err:
                action, note = "fail", err.reason
            else:
                if not reprocess and store is not None and store.has(sha):
                    action, note = "skip", "already stored"
                elif sha in seen:
                    action, note = "repeat", "same content as an earlier file"
                else:
                    action, note = "read", ""
                seen.add(sha)
            counts[action] += 1
            sys.stdout.write(f"{action}\t{display(item)}" + (f"\t{note}" if note else "") + "\n")
    finally:
        if store is not None:
            store.close()
    out.print(f"would read {counts['read']}, skip {counts['skip']} already stored, "  # type: ignore[attr-defined]
              f"{counts['repeat']} repeated, {counts['fail']} unreadable", markup=False, highlight=False)
