"""When is a dropped file complete? Never read a file that is still being copied or scanned.

A file is ready when all of these hold:
- its size and modification time have not changed for `settle` seconds;
- it can be opened for reading;
- no writer still has it open (known only from inotify's close events; polling cannot tell);
- it does not look cut short: a file that starts like a PDF, PNG or JPEG has that format's end
  marker, a WebP or HEIC the size its header states. A file that never gets there is taken
  after `max_wait` seconds anyway (and then fails with the reader's reason), so nothing waits
  in INBOX forever.
- a format without an end marker (TIFF) cannot show it is cut short, and polling cannot see a
  writer that still holds the file open; unless a writer was seen closing it, such a file must
  stay unchanged for `settle_unmarked` seconds (a scanner pauses between pages far longer than
  the usual settle time).

Only regular files are tracked: a link or a named pipe is never stat-ed through or opened.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dispatch_reader.errors import InputFileError
from dispatch_reader.ingest.sniff import stated_size
from dispatch_reader.watch.admit import ignored, open_regular, regular_stat
from dispatch_reader.watch.places import display

log = logging.getLogger(__name__)

# (start of the file, a marker its last bytes must hold)
_END_MARKERS = (
    (b"%PDF", b"%%EOF"),
    (b"\x89PNG\r\n\x1a\n", b"IEND"),
    (b"\xff\xd8", b"\xff\xd9"),
)
_TAIL = 2048
# A writer that keeps a file open but writes nothing for this long has most likely crashed.
_OPEN_GRACE_S = 300.0


def is_temporary(name: str) -> bool:
    """A name never taken as a document (the one filter of admit.py)."""
    return ignored(name)


def end_marker(path: Path) -> bool | None:
    """True when the file has its format's end marker (a WebP or HEIC: the size its header
    states), False when it starts like a known format but lacks it (cut short, or unreadable),
    None for formats without one (TIFF, unknown)."""
    try:
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            head = fh.read(16)
            fh.seek(max(0, size - _TAIL))
            tail = fh.read(_TAIL)
            stated = stated_size(fh)
    except (OSError, InputFileError):
        return False
    if stated is not None:
        return size >= stated
    for magic, end in _END_MARKERS:
        if head.startswith(magic):
            return end in tail
    return None


def looks_complete(path: Path) -> bool:
    """False when the file starts like a known format but lacks its end marker."""
    return end_marker(path) is not False


def openable(path: Path) -> bool:
    try:
        with open_regular(path) as fh:
            fh.read(1)
        return True
    except (OSError, InputFileError):
        return False


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    changed_at: float  # monotonic time of the last change we noticed
    first_seen: float
    writing: bool = False  # a writer has it open (inotify said so)
    closed: bool = False  # a writer was seen closing it since its last change (inotify)
    whole: bool = False  # renamed into INBOX whole since its last change (inotify "moved"): no writer
    told: bool = False  # the clerk was told it waits for its end


@dataclass
class Tracker:
    """Files seen in INBOX and not yet taken, with what is known about their completeness."""

    settle: float = 3.0
    max_wait: float = 300.0
    settle_unmarked: float | None = None  # quiet time for formats without an end marker; None: settle
    clock: Callable[[], float] = time.monotonic
    files: dict[Path, _Seen] = field(default_factory=dict)

    def _now(self) -> float:
        return self.clock()

    def see(self, path: Path, *, writing: bool | None = None, whole: bool = False) -> None:
        """Note that `path` exists (or changed). `writing` comes from inotify open/close events;
        `whole`: it was renamed into INBOX (a "moved" event: an upload, a scanner's temp name), so
        it is as complete as it will ever be and a damaged one fails at once instead of waiting
        `max_wait` for an end marker that will never come."""
        st = regular_stat(path)  # a link or a pipe is never tracked, whatever it points to
        if st is None:
            self.files.pop(path, None)
            return
        now = self._now()
        seen = self.files.get(path)
        if seen is None:
            seen = self.files[path] = _Seen(st.st_size, st.st_mtime_ns, now, now)
        elif (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
            seen.size, seen.mtime_ns, seen.changed_at = st.st_size, st.st_mtime_ns, now
            seen.closed = False
            seen.whole = False
        if whole:
            seen.whole = True
        if writing is not None:
            seen.writing = writing
            seen.closed = not writing
            if writing:
                seen.changed_at = now

    def forget(self, path: Path) -> None:
        self.files.pop(path, None)

    def __len__(self) -> int:
        return len(self.files)

    def ready(self) -> list[Path]:
        """Files complete now, oldest first. Files that vanished are forgotten."""
        now = self._now()
        out: list[tuple[float, Path]] = []
        for path in list(self.files):
            self.see(path)
            seen = self.files.get(path)
            if seen is None:
                continue
            quiet = now - seen.changed_at
            if quiet < self.settle:
                continue
            if seen.writing and quiet < _OPEN_GRACE_S:
                continue
            waited = seen.whole or now - seen.first_seen >= self.max_wait
            if not openable(path) and not waited:
                continue
            marker = end_marker(path)
            if marker is False and not waited:
                if not seen.told:  # a clerk saw nothing for five minutes (a tester's)
                    seen.told = True
                    log.warning("%s looks cut short (its format's end is missing): waiting up to %.0f s for the "
                                "rest, then it is read as it is", display(path), self.max_wait)
                continue
            if marker is None and not seen.closed and quiet < self._unmarked():
                continue  # a TIFF cannot say it is whole: only a long quiet time (or a close) can
            out.append((seen.mtime_ns, path))
        # in the order they were written, which is the order they were dropped
        return [p for _, p in sorted(out, key=lambda x: (x[0], str(x[1])))]

    def _unmarked(self) -> float:
        return self.settle if self.settle_unmarked is None else max(self.settle, self.settle_unmarked)

    def next_check_in(self) -> float:
        """Seconds until some file could become ready (for the main loop's sleep)."""
        if not self.files:
            return float("inf")
        now = self._now()
        waits = [max(0.0, self.settle - (now - s.changed_at)) for s in self.files.values()]
        return max(0.05, min(min(waits), 1.0))


def list_inbox(inbox: Path) -> list[Path]:
    """Regular files directly in INBOX (not in sub-folders), temporary names left out."""
    found: list[Path] = []
    try:
        with os.scandir(inbox) as it:
            for entry in it:
                try:
                    if entry.is_file(follow_symlinks=False) and not ignored(entry.name):
                        found.append(Path(entry.path))
                except OSError:
                    continue
    except OSError:
        return []
    return found
