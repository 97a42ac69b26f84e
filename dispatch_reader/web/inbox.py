"""Uploads go where scanners and people drop files: the watched inbox. The watcher then takes
them exactly as a dropped file (same checks, same limits, same pipeline.process_file), so the
web adds no second way in.

A file's name comes from the browser and is not trusted: only its last component is kept
(`../../x.pdf` and `..\\..\\x.pdf` become `x.pdf`), control characters, leading dots (hidden
files are never taken) and names that are not a PDF or an image are refused, and the file is
first written under a hidden name the watcher ignores, then renamed to a free name in the inbox,
so a half-written upload is never read and no existing file is replaced.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets
import threading
import unicodedata
from pathlib import Path
from typing import Any, BinaryIO

from dispatch_reader.errors import InputFileError, LimitExceededError
from dispatch_reader.ingest.sniff import IMAGE_FORMATS, content_kind
from dispatch_reader.pipeline import DOCUMENT_SUFFIXES
from dispatch_reader.watch.admit import ignored
from dispatch_reader.watch.places import Places, free_name

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CHUNK = 1 << 20
RECENT = 50  # how many stored / failed / duplicate files the inbox lists


def safe_name(given: str | None) -> str:
    """The name an uploaded file gets in the inbox; InputFileError when none can be made."""
    raw = unicodedata.normalize("NFC", (given or "").replace("\\", "/")).split("/")[-1].strip()
    raw = raw.lstrip(".").strip()
    if not raw or _CONTROL.search(raw) or raw in (".", ".."):
        raise InputFileError(given or "(no name)", "not a usable file name")
    if os.path.splitext(raw)[1].lower() not in DOCUMENT_SUFFIXES:
        raise InputFileError(raw, f"not a PDF or image ({IMAGE_FORMATS}) by its name")
    if ignored(raw):
        raise InputFileError(raw, "a temporary file's name; rename it")
    return raw


def max_upload_bytes(max_upload_mb: float | None) -> int:
    if max_upload_mb:
        return int(max_upload_mb * 2**20)
    from dispatch_reader import config

    return int(config.load().max_file_mb * 2**20)  # the reading limit: a larger file would fail anyway


def save_upload(inbox: Path, given_name: str | None, stream: BinaryIO, max_bytes: int) -> Path:
    """Write an uploaded file into `inbox` under a safe, free name; the path written.

    InputFileError for a bad name, an empty file or one that is not a PDF or image by its first
    bytes; LimitExceededError over `max_bytes`. Nothing is left behind on failure."""
    name = safe_name(given_name)
    inbox.mkdir(parents=True, exist_ok=True)
    temp = inbox / f".upload-{secrets.token_hex(8)}.part"  # hidden and *.part: the watcher ignores it
    size = 0
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o640)
        with os.fdopen(fd, "wb") as out:
            head = b""
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise LimitExceededError(name, f"over the limit of {max_bytes / 2**20:.0f} MiB")
                if len(head) < 1024:
                    head += chunk[:1024]
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size == 0:
            raise InputFileError(name, "empty file (0 bytes)")
        if content_kind(head) is None:  # the reader's own test, so no upload is let in that it refuses
            raise InputFileError(name, "not a PDF or image by its content")
        for _ in range(100):
            dest = free_name(inbox, name)
            if dest.resolve().parent != inbox.resolve():  # cannot happen with a one-part name; checked anyway
                raise InputFileError(name, "would be written outside the inbox")
            try:  # the name is reserved first, so a file that took it meanwhile is never replaced
                os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o640))
            except FileExistsError:
                continue
            # then the whole file is renamed over our own empty reservation: the watcher sees a
            # file moved in complete (a hard link would look like a file still being written)
            os.rename(temp, dest)
            return dest
        raise InputFileError(name, "no free name in the inbox")
    finally:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass


def _still_there(entry: os.DirEntry[str]) -> bool:
    """Whether the entry can still be stat'ed. The watcher moves files between these folders while
    they are listed; DirEntry caches the stat, so one taken here serves the sort and the item."""
    try:
        entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return True


def _files(folder: Path, limit: int | None = None) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            entries = [e for e in it if e.is_file(follow_symlinks=False) and not ignored(e.name)
                       and not e.name.endswith((".error.txt", ".duplicate.txt", ".claim.json"))
                       and _still_there(e)]
    except OSError:
        return []
    entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
    return entries[:limit] if limit else entries


def _walk_recent(folder: Path, limit: int) -> list[os.DirEntry[str]]:
    found: list[os.DirEntry[str]] = []
    if not folder.is_dir():
        return found
    for root, dirs, _files_ in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(_files(Path(root)))
    found.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
    return found[:limit]


_CLASH = re.compile(r"^(.*) \(\d+\)(\.[^.]*)?$")
_REPEATS = re.compile(r"^.* repeats stored document (?P<id>\d+|None) \((?P<what>.*)\)\.$")


def _reason(first: str, names: list[str], note: str) -> str | None:
    """The reason of a note's first line, whole: the watcher writes `NAME: REASON` (failed) or
    `NAME repeats stored document N (…).` (duplicate), NAME being the dropped name — the file's
    own, or the one it had before a clash made it `NAME (2).pdf`. Only that exact name is taken
    off: a reason may itself hold ': ' (and so may a name)."""
    for name in names:
        if note == ".error.txt" and first.startswith(name + ": "):
            return first[len(name) + 2:] or None
        if note == ".duplicate.txt" and first.startswith(name + " repeats "):
            return first[len(name) + 1:] or None
    return first or None


def _item(entry: os.DirEntry[str], note: str | None = None, paths: bool = False) -> dict[str, Any]:
    st = entry.stat(follow_symlinks=False)
    item: dict[str, Any] = {"name": entry.name, "size": st.st_size,
                            "time": dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc).isoformat()}
    if paths:
        item["path"] = entry.path  # for the page's links (by SHA-256); not in the API
    if note is not None:
        path = Path(entry.path).with_name(entry.name + note)
        try:
            lines = path.read_text("utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        from dispatch_reader.watch.places import display

        clash = _CLASH.match(entry.name)
        names = [display(entry.name)] + ([display(clash.group(1) + (clash.group(2) or ""))] if clash else [])
        item["reason"] = _reason(lines[0], names, note) if lines else None
        # the note names the file's SHA-256: what links it to its document (names repeat)
        item["sha256"] = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("sha256:")), None) or None
        repeats = _REPEATS.match(lines[0]) if lines and note == ".duplicate.txt" else None
        if repeats and repeats.group("id").isdigit():
            item["duplicate_of"] = int(repeats.group("id"))
    return item


def inbox_status(inbox: Path, limit: int = RECENT, paths: bool = False) -> dict[str, list[dict[str, Any]]]:
    """What is in the inbox and beside it: arrived (waiting), processing (being read), and the
    newest stored (archive/), failed (with the reason) and duplicate files (with the SHA-256
    their note gives). `paths`: each item also has its full `path` (for the page, not the API)."""
    places = Places.make(inbox)
    return {
        "arrived": [_item(e, paths=paths) for e in _files(places.inbox)],
        "processing": [_item(e, paths=paths) for e in _files(places.processing)],
        "stored": [_item(e, paths=paths) for e in _walk_recent(places.archive, limit)],
        "failed": [_item(e, ".error.txt", paths) for e in _files(places.failed, limit)],
        "duplicates": [_item(e, ".duplicate.txt", paths) for e in _files(places.duplicates, limit)],
    }


class InboxWatcher:
    """The folder watcher (watch/watcher.py) run in a thread of the server, over the inbox."""

    def __init__(self, inbox: Path, store: Any) -> None:
        from dispatch_reader import config
        from dispatch_reader.pipeline import process_file
        from dispatch_reader.watch.watcher import Watcher, WatchSettings

        settings = config.load().ingest()
        self.watcher = Watcher(Places.make(inbox), store, lambda p: process_file(p, store, None, settings), None,
                               WatchSettings(settle=1.0), on_result=lambda r: log.info("%s", r.line()))
        self.thread = threading.Thread(target=self._run, name="inbox-watcher", daemon=True)

    def _run(self) -> None:
        try:
            self.watcher.run()
        except Exception as exc:  # the page still serves; the inbox just is not read
            log.error("the inbox watcher stopped: %s", exc)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.watcher.stop()
        self.thread.join(timeout=30)
