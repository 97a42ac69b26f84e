"""`batch`: read a whole archive in parallel, resumable, with flat memory.

The parent streams the file list, hashes each file and skips what the store already holds;
only new documents go to the worker processes, at most two per worker in flight, so memory
does not grow with the archive. Every document is committed by its worker in one transaction:
a batch killed at any point and run again skips what was stored and redoes only the rest.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from dispatch_reader.errors import DispatchReaderError, UnexpectedError
from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.watch.worker import WorkerConfig, WorkResult, init_worker, work

if TYPE_CHECKING:
    from dispatch_reader.store import Store

log = logging.getLogger(__name__)

# A worker is replaced after this many files, so a slow leak in a library cannot grow forever.
TASKS_PER_WORKER = 1000
CRASHED = "the reader process died on this file (crash or out of memory)"
CRASH_LIMIT = 5


@dataclass
class BatchOptions:
    workers: int = 1
    reprocess: bool = False
    worker: WorkerConfig = field(default_factory=lambda: WorkerConfig(db_url=""))
    tasks_per_worker: int = TASKS_PER_WORKER
    # what a worker runs per file: a module-level function (it is pickled by name)
    task: Callable[[str], WorkResult] = work


@dataclass
class BatchTotals:
    seen: int = 0
    done: int = 0
    skipped: int = 0  # already stored
    repeated: int = 0  # same content as another file of this run
    failed: int = 0
    no_brief: int = 0  # stored, but the brief could not be written (--out)
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def finished(self) -> int:
        return self.done + self.skipped + self.repeated + self.failed


Listener = Callable[[WorkResult], None]


class _Stop(Exception):
    pass


class BatchRunner:
    """Feeds files to worker processes and reports each result to `listener` as it comes."""

    def __init__(self, store: Store, options: BatchOptions, listener: Listener) -> None:
        self.store = store
        self.options = options
        self.listener = listener
        self.totals = BatchTotals()
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Future[WorkResult], tuple[str, str]] = {}  # future → (path, sha)
        self._in_flight: dict[str, str] = {}  # sha → path, to catch the same file twice in one run
        self._suspects: deque[tuple[str, str]] = deque()  # in flight when a worker died
        self._crashes_in_a_row = 0
        self._started = datetime.now(timezone.utc)
        self._stop_requested = False

    def request_stop(self) -> None:
        """Submit nothing more; the files in hand finish (called from a signal handler)."""
        self._stop_requested = True

    def run(self, paths: Iterable[Path]) -> BatchTotals:
        started = time.monotonic()
        try:
            for path in paths:
                if self._stop_requested:
                    break
                self._feed(path)
            self._drain()
        except KeyboardInterrupt:
            self._stop_requested = True
            self._finish_in_hand()
        finally:
            self.totals.interrupted = self._stop_requested
            self.totals.seconds = time.monotonic() - started
            self._shutdown()
        return self.totals

    # -- feeding --------------------------------------------------------------------------------

    def _feed(self, path: Path) -> None:
        self.totals.seen += 1
        try:
            sha = file_sha256(path)
        except DispatchReaderError as err:
            self._record(WorkResult(str(path), "failed", kind=err.kind, reason=err.reason))
            return
        if sha in self._in_flight:
            self._record(WorkResult(str(path), "repeated", reason=f"same content as {self._in_flight[sha]}"))
            return
        if not self.options.reprocess and self.store.has(sha):
            self._record(WorkResult(str(path), "skipped"))
            return
        if self.options.reprocess and self._stored_this_run(sha):
            self._record(WorkResult(str(path), "repeated", reason="same content as a file already read in this run"))
            return
        while len(self._pending) >= 2 * self.options.workers:
            self._collect(block=True)
        self._submit(str(path), sha)

    def _stored_this_run(self, sha: str) -> bool:
        runs = self.store.history(sha, limit=1)
        if not runs or runs[0].status not in ("created", "replaced"):
            return False
        at = runs[0].started_at
        if at.tzinfo is None:  # SQLite hands back naive UTC
            at = at.replace(tzinfo=timezone.utc)
        return at >= self._started

    def _submit(self, path: str, sha: str) -> None:
        future = self._executor().submit(self.options.task, path)
        self._pending[future] = (path, sha)
        self._in_flight[sha] = path

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.options.workers,
                # spawn: workers must not inherit the parent's database connections
                mp_context=multiprocessing.get_context("spawn"),
                initializer=init_worker,
                initargs=(self.options.worker, os.getpid()),
                max_tasks_per_child=self.options.tasks_per_worker,
            )
        return self._pool

    # -- collecting -----------------------------------------------------------------------------

    def _collect(self, block: bool) -> None:
        if not self._pending:
            return
        done, _ = wait(list(self._pending), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            path, sha = self._pending.pop(future)
            self._in_flight.pop(sha, None)
            try:
                self._record(future.result())
            except BrokenProcessPool:
                broken = True
                self._suspects.append((path, sha))
        if broken:
            self._recover_from_crash()

    def _recover_from_crash(self) -> None:
        """A worker died: every file in flight is suspect. Try each alone; the one that kills
        its worker again is the culprit and fails, the others are read normally."""
        for item in self._pending.values():
            self._suspects.append(item)
            self._in_flight.pop(item[1], None)
        self._pending.clear()
        self._shutdown()
        while self._suspects:
            path, _sha = self._suspects.popleft()
            future = self._executor().submit(self.options.task, path)
            try:
                self._record(future.result())
                self._crashes_in_a_row = 0
            except BrokenProcessPool:
                self._record(WorkResult(path, "failed", kind="internal", reason=CRASHED))
                self._shutdown()
                self._crashes_in_a_row += 1
                if self._crashes_in_a_row >= CRASH_LIMIT:
                    # not one bad file: the workers cannot run at all (or the machine is out of memory)
                    raise UnexpectedError(path, f"{CRASH_LIMIT} reader processes in a row died; stopping the batch")

    def _drain(self) -> None:
        while self._pending:
            self._collect(block=True)

    def _finish_in_hand(self) -> None:
        """After Ctrl-C: let the files being read finish and be stored. A second Ctrl-C stops now."""
        try:
            self._drain()
        except KeyboardInterrupt:
            self._kill_workers()

    def _record(self, result: WorkResult) -> None:
        t = self.totals
        if result.status == "done":
            t.done += 1
            t.pages += result.pages
        elif result.status == "skipped":
            t.skipped += 1
        elif result.status == "repeated":
            t.repeated += 1
        else:
            t.failed += 1
        t.no_brief += result.brief_error is not None
        self.listener(result)

    # -- stopping -------------------------------------------------------------------------------

    def _kill_workers(self) -> None:
        pool = self._pool
        if pool is None:
            return
        # the executor offers no "kill now"; its process table is the only handle on the workers
        for proc in list(getattr(pool, "_processes", {}).values()):
            try:
                proc.kill()
            except (OSError, AttributeError):
                pass
        self._pending.clear()

    def _shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
