"""What a batch shows: a live progress bar, a summary table, and the failures (screen and CSV)."""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from dispatch_reader.watch.batch import BatchTotals
from dispatch_reader.watch.places import display
from dispatch_reader.watch.worker import WorkResult

SHOWN_FAILURES = 20


class FailureLog:
    """Failures as they happen: all into the CSV, the first few kept for the screen."""

    def __init__(self, csv_path: Path | None) -> None:
        self.csv_path = csv_path
        self.shown: list[WorkResult] = []
        self.count = 0
        self._fh: IO[str] | None = None
        self._writer: csv.writer | None = None  # type: ignore[valid-type]

    def add(self, result: WorkResult) -> None:
        self.count += 1
        if len(self.shown) < SHOWN_FAILURES:
            self.shown.append(result)
        if self.csv_path is None:
            return
        if self._writer is None:
            self.csv_path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.csv_path.open("w", encoding="utf-8", newline="")
            self._writer = csv.writer(self._fh)
            self._writer.writerow(["file", "kind", "reason", "seconds"])
        self._writer.writerow([display(result.path), result.kind or "", result.reason or "", f"{result.seconds:.1f}"])
        assert self._fh is not None
        self._fh.flush()  # a batch killed later still leaves the failures so far

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()


class BatchProgress:
    """The live bar: files, pages, pages per minute, ETA, failures so far."""

    def __init__(self, console: Console, total: int | None) -> None:
        self.console = console
        self.started = time.monotonic()
        self.pages = 0
        self.failed = 0
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[pages]} pages · {task.fields[ppm]} pages/min · "
                       "{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
        )
        self.task: TaskID = self.progress.add_task("batch", total=total, pages=0, ppm="–", failed=0)

    def __enter__(self) -> BatchProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def advance(self, result: WorkResult) -> None:
        self.pages += result.pages
        self.failed += result.status == "failed"
        minutes = (time.monotonic() - self.started) / 60
        ppm = f"{self.pages / minutes:.0f}" if minutes > 0 and self.pages else "–"
        self.progress.update(self.task, advance=1, pages=self.pages, ppm=ppm, failed=self.failed)


def summary_table(totals: BatchTotals) -> Table:
    table = Table(title="batch summary", show_header=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    minutes = totals.seconds / 60 if totals.seconds else 0
    rows = [
        ("files found", totals.seen),
        ("read and stored", totals.done),
        ("already stored (skipped)", totals.skipped),
        ("same file twice in this run", totals.repeated),
        ("failed", totals.failed),
        ("pages read", totals.pages),
        ("time", f"{totals.seconds:.1f} s"),
        ("documents per minute", f"{totals.done / minutes:.1f}" if minutes else "–"),
        ("pages per minute", f"{totals.pages / minutes:.1f}" if minutes else "–"),
    ]
    if totals.no_brief:
        rows.insert(5, ("briefs not written", totals.no_brief))
    if totals.interrupted:
        rows.append(("interrupted", "yes: run again to resume"))
    for key, value in rows:
        table.add_row(key, str(value))
    return table


def failures_table(failures: FailureLog) -> Table:
    table = Table(title=f"failures ({failures.count})")
    table.add_column("file", overflow="fold")
    table.add_column("kind")
    table.add_column("reason", overflow="fold")
    for r in failures.shown:
        table.add_row(display(r.path), r.kind or "", r.reason or "")
    if failures.count > len(failures.shown):
        table.add_row(f"… and {failures.count - len(failures.shown)} more", "", "")
    return table
