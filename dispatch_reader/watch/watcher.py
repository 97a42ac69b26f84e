"""`watch`: take every complete file dropped into INBOX, one at a time, until told to stop.

Files are noticed three ways, so none is missed: a scan at start (files already there), inotify
events through watchdog (or, with `poll`, a scan every few seconds for network shares whose
events never arrive), and a full rescan every `rescan` seconds in case an event was lost.
SIGINT/SIGTERM let the current file finish, then stop; a second signal stops at once (the
file in hand is finished at the next start, see lifecycle.py).
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING

from dispatch_reader.errors import DispatchReaderError, InputFileError
from dispatch_reader.watch.lifecycle import FileResult, Lifecycle, ProcessFn, StepHook
from dispatch_reader.watch.places import Places, display
from dispatch_reader.watch.settle import Tracker, list_inbox

if TYPE_CHECKING:
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.store import Store

log = logging.getLogger(__name__)

# After an error that is not one file's fault (database down, disk full), wait before retrying.
_BACKOFF_S = 10.0


@dataclass
class WatchSettings:
    poll: float | None = None  # seconds between scans instead of inotify events
    settle: float = 3.0  # size and mtime unchanged this long before a file is taken
    rescan: float = 60.0  # full rescan of INBOX this often, for lost events
    max_wait: float = 300.0  # a file that never looks complete is taken after this long
    once: bool = False  # take what is there, then exit


@dataclass
class WatchReport:
    counts: Counter[str] = field(default_factory=Counter)
    interrupted: bool = False


class _Events:
    """watchdog events → (path, writing?) on a queue the main loop drains."""

    def __init__(self, inbox: Path, wake: threading.Event) -> None:
        self.inbox = inbox
        self.wake = wake
        self.queue: queue.SimpleQueue[tuple[Path, bool | None]] = queue.SimpleQueue()
        self.observer: object | None = None

    def start(self) -> None:
        from watchdog.events import (
            FileClosedEvent,
            FileCreatedEvent,
            FileDeletedEvent,
            FileModifiedEvent,
            FileMovedEvent,
            FileSystemEvent,
            FileSystemEventHandler,
        )
        from watchdog.observers import Observer

        events = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory:
                    return
                if event.event_type == "moved":
                    # moved in whole (rename from a temporary name): complete as far as writers go
                    events.put(Path(os.fsdecode(event.dest_path)), False)
                elif event.event_type in ("created", "modified"):
                    events.put(Path(os.fsdecode(event.src_path)), True)
                elif event.event_type == "closed":
                    events.put(Path(os.fsdecode(event.src_path)), False)
                elif event.event_type == "deleted":
                    events.put(Path(os.fsdecode(event.src_path)), None)

        observer = Observer()
        observer.schedule(Handler(), str(self.inbox), recursive=False,
                          event_filter=[FileCreatedEvent, FileModifiedEvent, FileMovedEvent, FileClosedEvent,
                                        FileDeletedEvent])
        observer.daemon = True
        observer.start()
        self.observer = observer
        # Only the inotify backend reports writers closing a file; others say nothing useful.
        self.knows_writers = type(observer).__name__.startswith("Inotify")

    def put(self, path: Path, writing: bool | None) -> None:
        self.queue.put((path, writing))
        self.wake.set()

    def drain(self) -> list[tuple[Path, bool | None]]:
        out = []
        while True:
            try:
                out.append(self.queue.get_nowait())
            except queue.Empty:
                return out

    def stop(self) -> None:
        if self.observer is not None:
            self.observer.stop()  # type: ignore[attr-defined]
            self.observer.join(timeout=5)  # type: ignore[attr-defined]


class Watcher:
    def __init__(
        self,
        places: Places,
        store: Store,
        process: ProcessFn,
        briefs: BriefWriter | None = None,
        settings: WatchSettings | None = None,
        *,
        on_result: Callable[[FileResult], None] | None = None,
        step: StepHook | None = None,
    ) -> None:
        self.places = places
        self.settings = settings or WatchSettings()
        self.on_result = on_result or (lambda r: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self.lifecycle = Lifecycle(places, store, process, briefs, stopping=self._stop.is_set, step=step)
        self.tracker = Tracker(settle=self.settings.settle, max_wait=self.settings.max_wait)
        self.report = WatchReport()
        self._signals = 0

    def stop(self) -> None:
        """Finish the file in hand, then return from run()."""
        self._stop.set()
        self._wake.set()

    # -- running --------------------------------------------------------------------------------

    def run(self) -> WatchReport:
        self.places.ensure()
        with _exclusive(self.places):
            restore = self._install_signals()
            events = None if (self.settings.poll or self.settings.once) else _Events(self.places.inbox, self._wake)
            try:
                if events:
                    events.start()
                self._loop(events)
            finally:
                if events:
                    events.stop()
                restore()
        return self.report

    def _loop(self, events: _Events | None) -> None:
        s = self.settings
        interval = s.poll if s.poll else s.rescan
        next_scan = 0.0  # scan at once: files already there at start
        retry_claims_at = 0.0  # first finish what a killed watcher left in processing/
        seen_claims: set[Path] = set()
        while not self._stop.is_set():
            now = time.monotonic()
            if now >= retry_claims_at:
                retry_claims_at = float("inf") if self._recover() else now + _BACKOFF_S
                seen_claims = self.lifecycle.pending_originals()
            if now >= next_scan:
                self._scan(seen_claims)
                next_scan = now + interval
            if events:
                knows = getattr(events, "knows_writers", False)
                for path, writing in events.drain():
                    if path.parent == self.places.inbox and path not in seen_claims:
                        self.tracker.see(path, writing=writing if knows else None)
            for path in self.tracker.ready():
                if self._stop.is_set():
                    break
                self.tracker.forget(path)
                ok = self._take(path)
                seen_claims = self.lifecycle.pending_originals()
                if path.exists() and path not in seen_claims:
                    self.tracker.see(path)  # it changed while we copied it, or a new file took its name
                if not ok:
                    retry_claims_at = time.monotonic() + _BACKOFF_S
                    break
            if s.once and self.report.counts["errors"]:
                break  # a run from cron reports and ends; the next run retries what is left
            if s.once and not self.tracker.files and retry_claims_at == float("inf"):
                break
            self._wake.wait(timeout=min(self.tracker.next_check_in(), max(0.05, next_scan - time.monotonic()),
                                        max(0.05, retry_claims_at - time.monotonic())))
            self._wake.clear()
        self.report.interrupted = self._stop.is_set()

    def _scan(self, skip: set[Path]) -> None:
        for path in list_inbox(self.places.inbox):
            if path in skip or path in self.places.own_folders():
                continue
            if path.name == self.places.lock_file.name:
                continue
            self.tracker.see(path)

    def _take(self, path: Path) -> bool:
        """Handle one file; False when something beyond this file went wrong (retry later)."""
        try:
            result = self.lifecycle.take(path)
        except DispatchReaderError as err:
            log.error("%s", err)
            self.report.counts["errors"] += 1
            return False
        except OSError as exc:
            log.error("%s: %s", display(path), exc.strerror or exc)
            self.report.counts["errors"] += 1
            return False
        except Exception as exc:  # a bug must not end a watcher others rely on; the file waits
            log.error("%s: internal error: %r", display(path), exc)
            self.report.counts["errors"] += 1
            return False
        if result is not None:
            self._report(result)
        return True

    def _recover(self) -> bool:
        """Finish claims left in processing/; False if some could not be finished yet."""
        try:
            for result in self.lifecycle.recover():
                self._report(result)
        except Exception as exc:  # DispatchReaderError, OSError, or a bug: retried after a pause
            known = isinstance(exc, (DispatchReaderError, OSError))
            log.error("could not finish a file in processing/: %s", exc if known else repr(exc))
            self.report.counts["errors"] += 1
            return False
        return True

    def _report(self, result: FileResult) -> None:
        self.report.counts[result.result] += 1
        self.on_result(result)

    # -- signals --------------------------------------------------------------------------------

    def _install_signals(self) -> Callable[[], None]:
        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def handler(signum: int, _frame: FrameType | None) -> None:
            self._signals += 1
            if self._signals > 1:
                raise KeyboardInterrupt  # asked twice: stop now, the next start finishes the file
            log.info("stopping after the current file (signal %d)", signum)
            self.stop()

        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

        def restore() -> None:
            for sig, old in previous.items():
                signal.signal(sig, old)

        return restore


class _exclusive:
    """One watcher per folder: a second one would take the same files."""

    def __init__(self, places: Places) -> None:
        self.places = places
        self.fh: IO[str] | None = None

    def __enter__(self) -> None:
        path = self.places.lock_file
        self.fh = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "?"
            self.fh.close()
            raise InputFileError(self.places.inbox, f"another watcher (pid {holder}) is already working on this folder") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            fcntl.flock(self.fh.fileno(), fcntl.LOCK_UN)
            self.fh.close()
