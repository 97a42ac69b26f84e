"""`watch`: take every complete file dropped into INBOX, one at a time, until told to stop.

Files are noticed three ways, so none is missed: a scan at start (files already there), inotify
events through watchdog (or, with `poll`, a scan every few seconds for network shares whose
events never arrive), and a full rescan every `rescan` seconds in case an event was lost.
SIGINT/SIGTERM let the current file finish, then stop; a second signal stops at once (the
file in hand is finished at the next start, see lifecycle.py).

Events and scans pass the same filter (admit.py): temporary and hidden names, our lock file,
links, pipes and devices are never taken. An error that is one file's own (a name, a file
that cannot be read) fails or leaves that file and the run goes on; an error beyond the file
(database down, disk full) pauses the watcher, or ends a `--once` run.
"""

from __future__ import annotations

import fcntl
import logging
import os
import queue
import signal
import stat
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, TypeVar

from dispatch_reader.errors import BusyError, DispatchReaderError, InputFileError
from dispatch_reader.watch.admit import ignored, kind_of
from dispatch_reader.watch.claims import Claim
from dispatch_reader.watch.lifecycle import FileResult, Lifecycle, ProcessFn, StepHook, the_files_own
from dispatch_reader.watch.places import Places, display, escape_controls
from dispatch_reader.watch.settle import Tracker

if TYPE_CHECKING:
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.ingest.reader import ReadAhead
    from dispatch_reader.store import Store

_T = TypeVar("_T")

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
    # under `poll`, a file without an end marker (TIFF) must be unchanged this long: a scanner
    # pausing between pages looks finished to a poll, and a half scan would be taken
    settle_unmarked: float = 30.0


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
                    events.put(Path(os.fsdecode(event.dest_path)), False, whole=True)
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

    def put(self, path: Path, writing: bool | None, whole: bool = False) -> None:
        self.queue.put((path, writing, whole))
        self.wake.set()

    def drain(self) -> list[tuple[Path, bool | None, bool]]:
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
        ahead: ReadAhead | None = None,
    ) -> None:
        self.places = places
        self.settings = settings or WatchSettings()
        self.on_result = on_result or (lambda r: None)
        self._stop = threading.Event()
        self._wake = threading.Event()
        # `ahead`: the shared reader `process` reads through; files are claimed and started in it
        # a few ahead, then finished one at a time (lifecycle.py)
        self.lifecycle = Lifecycle(places, store, process, briefs, stopping=self._stop.is_set, step=step,
                                   ahead=ahead)
        s = self.settings
        self.tracker = Tracker(settle=s.settle, max_wait=s.max_wait,
                               settle_unmarked=s.settle_unmarked if s.poll else None)
        self.report = WatchReport()
        self._signals = 0
        self._left: dict[Path, tuple[int, ...]] = {}  # files left in INBOX, until they change
        self._halt = False  # --once: an error beyond one file ends the run
        self._in_hand: deque[tuple[Path, Claim]] = deque()  # claimed, reading, not yet finished

    def stop(self) -> None:
        """Finish the file in hand, then return from run()."""
        self._stop.set()
        self._wake.set()

    # -- running --------------------------------------------------------------------------------

    def run(self, on_start: Callable[[], None] | None = None) -> WatchReport:
        """Watch until stopped (or, with --once, until INBOX is done). `on_start` is called once
        the folder's lock is held: "watching …" is said only by the watcher that got it."""
        self.places.ensure()
        # the handlers before the lock: a stop asked as soon as the lock file shows (a service
        # manager's, a test's) is a clean stop, not the default handler's kill
        restore = self._install_signals()
        try:
            with _exclusive(self.places):
                if on_start is not None:
                    on_start()
                events = None if (self.settings.poll or self.settings.once) else _Events(self.places.inbox, self._wake)
                try:
                    if events:
                        events.start()
                    self._loop(events)
                finally:
                    if events:
                        events.stop()
        finally:
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
                for path, writing, whole in events.drain():
                    if path not in seen_claims:
                        self._notice(path, writing=writing if knows else None, whole=whole and knows)
            ready = self.tracker.ready()
            if ready:
                if not self._take_ready(ready):
                    retry_claims_at = time.monotonic() + _BACKOFF_S
                seen_claims = self.lifecycle.pending_originals()
            if s.once and self._halt:
                break  # a run from cron reports and ends; the next run retries what is left
            if s.once and not self.tracker.files and retry_claims_at == float("inf"):
                break
            self._wake.wait(timeout=min(self.tracker.next_check_in(), max(0.05, next_scan - time.monotonic()),
                                        max(0.05, retry_claims_at - time.monotonic())))
            self._wake.clear()
        self.report.interrupted = self._stop.is_set()

    def _scan(self, skip: set[Path]) -> None:
        try:
            with os.scandir(self.places.inbox) as it:
                names = [entry.name for entry in it]
        except OSError as exc:
            log.error("%s: cannot list the folder: %s", display(self.places.inbox), exc.strerror or exc)
            return
        paths = {self.places.inbox / name for name in names}
        for gone in set(self._left) - paths:
            del self._left[gone]  # under --poll no event says a left file was removed
        for path in paths:
            if path not in skip:
                self._notice(path)

    def _notice(self, path: Path, writing: bool | None = None, whole: bool = False) -> None:
        """The one gate for events and scans: only regular, non-temporary files directly in INBOX."""
        if path.parent != self.places.inbox or ignored(path.name):
            return
        try:
            st = os.lstat(path)  # never through a link
        except OSError:
            self.tracker.forget(path)
            self._left.pop(path, None)
            return
        if stat.S_ISDIR(st.st_mode):
            return  # our own folders, or a clerk's sub-folder: not watched
        key = (st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        if self._left.get(path) == key:
            return  # already said why it stays; looked at again once it changes
        self._left.pop(path, None)
        what = kind_of(st.st_mode)
        if what:
            log.warning("%s: is %s, not a regular file; not followed or opened, left in INBOX", display(path), what)
            self._left[path] = key
            self.tracker.forget(path)
            return
        self.tracker.see(path, writing=writing, whole=whole)

    def _leave(self, path: Path) -> None:
        """Do not take `path` again until it changes (a chmod or a new copy counts)."""
        try:
            st = os.lstat(path)
        except OSError:
            return
        self._left[path] = (st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        self.tracker.forget(path)

    def _take_ready(self, ready: list[Path]) -> bool:
        """Take the files that are ready, in order. False when something beyond one file went
        wrong: the claims not finished stay in processing/ and are finished from their journals
        (retry later)."""
        ok = True
        for path in ready:
            if self._stop.is_set():
                break
            self.tracker.forget(path)
            ok = self._take(path)
            if not ok:
                break
        while ok and self._in_hand:  # stopping too: the files in hand are finished first
            ok = self._finish(*self._in_hand.popleft())
        self._in_hand.clear()
        return ok

    def _take(self, path: Path) -> bool:
        """Claim one file, then finish (read, store, commit, file away) the oldest files in hand
        while the shared reader has no room for more: claimed files are read a few ahead, and
        without a shared reader this one file is finished at once. False when something beyond
        one file went wrong (retry later)."""
        if self.lifecycle.ahead is None:  # a file at a time: claimed and finished at once
            ok, result = self._guarded(path, self.lifecycle.take)
            self._taken(path, result)
            return ok
        ok, claim = self._guarded(path, self.lifecycle.claim)
        if isinstance(claim, Claim):
            self._in_hand.append((path, claim))
        else:
            self._taken(path, claim)
        while ok and self._in_hand and not self.lifecycle.room():
            ok = self._finish(*self._in_hand.popleft())
        return ok

    def _finish(self, path: Path, claim: Claim) -> bool:
        ok, result = self._guarded(path, lambda _: self.lifecycle.finish(claim))
        self._taken(path, result)
        return ok

    def _taken(self, path: Path, result: FileResult | None) -> None:
        if result is not None:
            self._report(result)
        if path not in self.lifecycle.pending_originals():
            self._notice(path)  # it changed while we copied it, or a new file took its name

    def _guarded(self, path: Path, step: Callable[[Path], _T]) -> tuple[bool, _T | None]:
        """(True, what the step gave), or (True, None) after an error that is the file's own
        (said once; the file is left until it changes), or (False, None) after one beyond it."""
        try:
            return True, step(path)
        except Exception as exc:  # a bug must not end a watcher others rely on either
            self.report.counts["errors"] += 1
            if isinstance(exc, DispatchReaderError):
                message = escape_controls(str(exc))
            elif isinstance(exc, OSError):
                message = f"{display(path)}: {exc.strerror or exc}"
            else:
                message = f"{display(path)}: internal error: {exc!r}"
            if the_files_own(exc):
                # this file's own problem: say so once, leave it until it changes, go on with the rest
                log.error("%s", message if "left in INBOX" in message else message + "; left in INBOX")
                self._leave(path)
                return True, None
            log.error("%s", message)  # beyond the file: pause, then try again (--once: stop)
            self._halt = self.settings.once
            return False, None

    def _recover(self) -> bool:
        """Finish claims left in processing/; False if some could not be finished yet."""
        try:
            for result in self.lifecycle.recover():
                self._report(result)
        except Exception as exc:  # DispatchReaderError, OSError, or a bug: retried after a pause
            known = isinstance(exc, (DispatchReaderError, OSError))
            log.error("could not finish a file in processing/: %s", escape_controls(str(exc) if known else repr(exc)))
            self.report.counts["errors"] += 1
            if self.settings.once:
                self._halt = True
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
    """One watcher per INBOX (and per ROOT): a second one would take the same files.

    The lock is a hidden file in INBOX (and in ROOT when ROOT is elsewhere), held with flock;
    the filter of admit.py keeps it from ever being taken as a document."""

    def __init__(self, places: Places) -> None:
        self.places = places
        self.held: list[IO[str]] = []

    def __enter__(self) -> None:
        try:
            for path in self.places.lock_files:
                self._lock(path)
        except BaseException:
            self.__exit__()
            raise

    def _lock(self, path: Path) -> None:
        # INBOX is writable by everyone who drops files: a link or a pipe planted under the
        # lock's name must not make us truncate another file or block
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
        except OSError as exc:
            raise InputFileError(path, f"cannot open the lock file ({exc.strerror or exc}); remove it if it is "
                                 "not a plain file") from None
        what = kind_of(os.fstat(fd).st_mode)
        if what:
            os.close(fd)
            raise InputFileError(path, f"the lock file is {what}; remove it")
        fh = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            fh.close()
            folder = "folder" if path.parent == self.places.inbox else "--root folder"
            raise BusyError(path.parent, f"another watcher (pid {holder}) is already working on this "
                            f"{folder}") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self.held.append(fh)

    def __exit__(self, *exc: object) -> None:
        while self.held:
            fh = self.held.pop()
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
            fh.close()
