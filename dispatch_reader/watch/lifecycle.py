"""One dropped file's way: INBOX → processing/ → archive/YYYY/MM/, failed/ or duplicates/.

The order of steps is what makes a crash harmless (see claims.py for the journal):

1. write the journal, then copy the dropped file into processing/ (it stays in INBOX too);
2. decide: a document the store already holds is a duplicate; anything else is read;
3. read and store it (one transaction), make the commit durable, note "done" in the journal;
4. write the brief of its document to the outbox (one per document: a scan of a document
   already briefed rewrites that brief, pipeline.document_brief);
5. choose the destination name (journal), link the file there, write the note beside it;
6. only now remove the dropped file from INBOX, then the processing/ copy and the journal;
   not when it changed since it was taken (same size, time and SHA-256, or it stays): a scanner
   that paused mid-file is still writing to it, and removing it would lose the whole scan.

A watcher killed anywhere in between finds the journal on restart and carries on from the
last step it finds done; a document is never stored twice (step 3 is skipped when the store
already has its SHA-256 and the journal says it was ours) and a file is never in two places.

With a shared reader (`ahead`, ingest/reader.ReadAhead), steps 1-2 are taken for a few files
ahead and their pages start being read at once (a burst of one-page scans keeps every core
busy); steps 3-6 are still taken for one file at a time, in order, each committed on its own.
A kill then leaves several journals instead of one, and the restart finishes each of them.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dispatch_reader.errors import DispatchReaderError, InputFileError, StoreError
from dispatch_reader.ingest.sniff import IMAGE_FORMATS, file_sha256
from dispatch_reader.pipeline import DOCUMENT_SUFFIXES, Outcome, document_brief
from dispatch_reader.watch import places as fs
from dispatch_reader.watch.admit import kind_of, open_regular
from dispatch_reader.watch.claims import Claim, journals
from dispatch_reader.watch.places import Identity, Places

if TYPE_CHECKING:
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.ingest.reader import ReadAhead
    from dispatch_reader.store import Store

log = logging.getLogger(__name__)

ProcessFn = Callable[[Path], Outcome]
StepHook = Callable[[str, Claim], None]


class FileRefused(InputFileError):
    """This one file cannot be taken (and could not be moved aside): it stays in INBOX, the
    run goes on with the others."""


def the_files_own(exc: Exception) -> bool:
    """True for an error about one file (its name, its content, reading it): that file is
    failed or left and the run goes on. False for one beyond it (database down, disk full, our
    folders unwritable), which pauses the watcher (or ends a --once run) and is retried."""
    if isinstance(exc, InputFileError):
        return True
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENAMETOOLONG, errno.EILSEQ)
    return not isinstance(exc, DispatchReaderError)  # a bug, most likely set off by this file


@dataclass
class FileResult:
    """What became of one dropped file: one log line."""

    time: datetime
    file: str  # the dropped name, NFC
    result: str  # done, failed, duplicate
    number: str | None
    seconds: float
    dest: Path | None = None
    reason: str | None = None
    brief: Path | None = None
    note: str | None = None  # e.g. the dropped file stays in INBOX

    def line(self) -> str:
        """Tab-separated; no field can hold a tab or a newline (escaped), so one file, one line."""
        parts = [self.time.isoformat(timespec="seconds"), self.file, self.result, self.number or "-",
                 f"{self.seconds:.1f}s"]
        parts += [x for x in (self.reason, self.note) if x]
        return "\t".join(fs.escape_controls(p) for p in parts)


def describe(store: Store, sha256: str) -> dict[str, Any]:
    """Which stored document a duplicate repeats, for its note."""
    record = store.get(sha256)
    ids = store.find_ids(sha256)
    info: dict[str, Any] = {"id": ids[0] if ids else None, "sha256": sha256}
    if record is not None:
        info.update(file_name=record.source.file_name, number=record.document.number,
                    doc_type=record.document.doc_type, issued_date=record.document.issued_date)
    return info


def make_durable(store: Store) -> None:
    """Make sure the last commit is on disk before the dropped file is removed.

    SQLite connections run with synchronous=FULL (store/engine.py): the commit itself synced
    the WAL, and SQLite synced the folder when it created the WAL. Only the database's folder
    is synced here, never the database file or its -wal/-shm: opening and closing any of them
    in a process that holds connections drops that process's POSIX locks on it, and another
    process closing its last connection would then checkpoint and delete the WAL under us
    (its writes lost, two processes seeing two databases). PostgreSQL commits are durable.
    """
    from dispatch_reader.store.engine import sqlite_file

    path = sqlite_file(store.url)
    if path is None:
        return
    fs.fsync_path(path.parent)  # a folder: holds no lock of SQLite's


class Lifecycle:
    def __init__(
        self,
        places: Places,
        store: Store,
        process: ProcessFn,
        briefs: BriefWriter | None = None,
        *,
        stopping: Callable[[], bool] = lambda: False,
        step: StepHook | None = None,
        ahead: ReadAhead | None = None,
    ) -> None:
        self.places = places
        self.store = store
        self.process = process
        self.briefs = briefs
        self.stopping = stopping
        self._step = step
        # the shared reader `process` reads through: claimed files are started in it ahead
        self.ahead = ahead

    def step(self, name: str, claim: Claim) -> None:
        # a test hook: raising here stands for the process dying at this point
        if self._step:
            self._step(name, claim)

    # -- taking a file --------------------------------------------------------------------------

    def pending_originals(self) -> set[Path]:
        """Dropped files whose claim is unfinished: not to be taken again."""
        out: set[Path] = set()
        for journal in journals(self.places.processing):
            try:
                out.add(Path(Claim.load(journal).original))
            except (OSError, ValueError, TypeError):
                continue
        return out

    def take(self, path: Path) -> FileResult | None:
        """Claim a complete file from INBOX and see it through; None if it vanished or changed
        meanwhile (then it is still in INBOX and is looked at again)."""
        claim = self.claim(path)
        return self.finish(claim) if isinstance(claim, Claim) else claim

    def room(self) -> bool:
        """True while one more file should be claimed before the oldest claimed is finished:
        the shared reader has a worker to spare. Without one, a file at a time."""
        return self.ahead is not None and self.ahead.room()

    def claim(self, path: Path) -> Claim | FileResult | None:
        """Steps 1-2 for a complete file in INBOX: the journal, the copy in processing/, the
        route; a file to be read is started in the shared reader (`ahead`), so its pages are
        read while the files claimed before it are finished. The claim, or a FileResult for a
        file set aside unread, or None if it vanished or changed meanwhile."""
        try:
            ident = Identity.of(path)
            what = kind_of(os.lstat(path).st_mode)
        except OSError:
            return None
        if what:  # a link or a pipe swapped in since it was seen: never followed, never moved
            raise FileRefused(path, f"is {what}, not a regular file; not followed or opened, left in INBOX")
        unreadable = _unreadable(path)
        if unreadable:
            return self._set_aside(path, ident, unreadable)
        processing = self.places.processing
        # shortened when long (the journal's name must fit), UTF-8 whatever the clerk's name was
        name = fs.free_name(processing, fs.storable_name(path.name))
        claim = Claim(name=name.name, original=str(path), identity=asdict(ident),
                      received=datetime.now().astimezone().isoformat(timespec="seconds"))
        claim.save(processing)
        self.step("journal", claim)
        try:
            fs.copy_into_place(path, name)
        except FileNotFoundError:
            fs.remove(claim.journal_path(processing))
            return None
        except Exception:
            # nothing was claimed after all: the file is whole in INBOX, and no stale journal
            # may keep it from being taken again
            fs.remove(claim.journal_path(processing))
            raise
        if not ident.matches(path):  # written to while we copied: not complete after all
            fs.remove(name)
            fs.remove(claim.journal_path(processing))
            return None
        self.step("claimed", claim)
        if self.ahead is not None:
            self._route(claim, name)
            if claim.route == "process":
                self.ahead.start(name)
        return claim

    def _set_aside(self, path: Path, ident: Identity, reason: str) -> FileResult | None:
        """A file that cannot be read is moved to failed/ whole (a rename needs no read
        permission), with its note; where even that fails, FileRefused (it stays in INBOX)."""
        dest = fs.free_name(self.places.failed, path.name)
        if not ident.matches(path):
            return None  # changed or gone meanwhile: looked at again
        try:
            os.rename(path, dest)  # only this watcher names files in failed/ (it holds the lock)
        except OSError as exc:
            raise FileRefused(path, f"{reason}; left in INBOX (cannot move it to failed/: "
                              f"{exc.strerror or exc})") from None
        fs.fsync_path(dest.parent)
        fs.fsync_path(path.parent)
        received = datetime.now().astimezone().isoformat(timespec="seconds")
        fs.write_atomic(dest.with_name(dest.name + ".error.txt"),
                        f"{fs.display(path.name)}: {reason}\n\nreceived: {received}\n")
        return FileResult(time=datetime.now().astimezone(), file=fs.display(path.name), result="failed",
                          number=None, seconds=0.0, dest=dest, reason=reason)

    def recover(self) -> list[FileResult]:
        """Finish every claim a previous (killed) watcher left in processing/."""
        results = []
        claims = []
        for journal in journals(self.places.processing):
            try:
                claims.append(Claim.load(journal))
            except (OSError, ValueError, TypeError) as exc:
                log.warning("unreadable journal %s (%s); left in place", fs.display(journal.name), exc)
        for n, claim in enumerate(claims):
            if self.stopping():
                break
            self._read_ahead(claims[n + 1:])
            log.info("recovering %s", fs.display(claim.name))
            try:
                result = self.finish(claim)
            except Exception as exc:
                if not the_files_own(exc):
                    raise
                # one claim that cannot be finished must not keep every later file waiting
                why = str(exc) if isinstance(exc, (OSError, DispatchReaderError)) else repr(exc)
                log.error("%s: could not finish it in processing/ (%s); left there for the next start",
                          fs.display(claim.name), fs.escape_controls(why))
                continue
            if result:
                results.append(result)
        self._sweep_orphans()
        return results

    def _read_ahead(self, claims: list[Claim]) -> None:
        """Start reading the next claims to be finished while the shared reader has room."""
        for claim in claims:
            if not self.room():
                return
            proc = self.places.processing / claim.name
            try:
                if proc.exists():
                    self._route(claim, proc)
            except Exception:  # finish() meets it again in the claim's turn, and says so
                return
            if claim.route == "process":
                self.ahead.start(proc)  # type: ignore[union-attr]

    def _sweep_orphans(self) -> None:
        """Leftovers without a journal: temporary files of an interrupted copy or journal write."""
        for entry in self.places.processing.iterdir():
            if entry.name.endswith(".claim.json") or not entry.is_file():
                continue
            if (entry.parent / (entry.name + ".claim.json")).exists():
                continue
            if entry.name.startswith(".") and entry.name.endswith((".part", ".tmp")):
                fs.remove(entry)  # an interrupted copy or journal write
                continue
            # take() writes the journal first and removes it last, so this is someone else's
            # file; kept, since we cannot prove a copy exists elsewhere.
            log.warning("file without journal in processing/: %s", fs.display(entry.name))

    # -- seeing a claim through -----------------------------------------------------------------

    def finish(self, claim: Claim) -> FileResult | None:
        try:
            return self._finish(claim)
        finally:
            if self.ahead is not None:  # read and taken by now, or not to be taken in this turn
                self.ahead.discard(self.places.processing / claim.name)

    def _route(self, claim: Claim, proc: Path) -> None:
        if claim.sha256 is None and claim.route is None:
            try:
                claim.sha256 = file_sha256(proc)
            except DispatchReaderError as exc:
                claim.route, claim.reason = "failed", _reason(exc)
        if claim.route is None:
            self._decide(claim)

    def _finish(self, claim: Claim) -> FileResult | None:
        started = time.monotonic()
        processing = self.places.processing
        proc = processing / claim.name
        if not proc.exists():
            return self._finish_without_copy(claim)
        self._route(claim, proc)
        if claim.route == "process":
            if not self._process(claim, proc):
                return None  # stopping: stays in processing/ for the next start
        claim.seconds += time.monotonic() - started
        brief = self._brief(claim) if claim.route == "done" else None
        dest = self._choose_dest(claim)
        if os.path.lexists(dest) and not _same_content(proc, dest, claim.sha256):
            # someone else put a file under the name we had chosen before we could place ours
            claim.dest = None
            dest = self._choose_dest(claim)
        if not os.path.lexists(dest):
            fs.place(proc, dest)
        self._write_note(claim, dest)
        self.step("placed", claim)
        kept = self._remove_original(claim)
        self.step("original-removed", claim)
        fs.remove(proc)
        fs.remove(claim.journal_path(processing))
        result = self._result(claim, dest, brief)
        if kept:
            result.note = kept
        return result

    def _finish_without_copy(self, claim: Claim) -> FileResult | None:
        journal = claim.journal_path(self.places.processing)
        if claim.dest and os.path.lexists(claim.dest):
            # killed after the move, during clean-up
            self._remove_original(claim)
            fs.remove(journal)
            return self._result(claim, Path(claim.dest), None)
        # killed between writing the journal and linking the file: the file is still in INBOX
        fs.remove(journal)
        return None

    def _decide(self, claim: Claim) -> None:
        assert claim.sha256
        suffix = Path(claim.name).suffix.lower()
        if suffix not in DOCUMENT_SUFFIXES:
            claim.route = "failed"
            claim.reason = f"not a PDF or image ({suffix or 'no extension'}); expected a PDF or {IMAGE_FORMATS}"
        elif self.store.has(claim.sha256):
            claim.route = "duplicate"
            claim.duplicate_of = describe(self.store, claim.sha256)
        else:
            claim.route = "process"
        claim.save(self.places.processing)
        self.step("decided", claim)

    def _process(self, claim: Claim, proc: Path) -> bool:
        assert claim.sha256
        if self.store.has(claim.sha256):
            # the journal says we were reading it and the store has it: our commit, then a crash
            record = self.store.get(claim.sha256)
            claim.route = "done"
            claim.number = record.document.number if record else None
        else:
            outcome = self.process(proc)
            self.step("read", claim)  # committed (or failed) but not yet noted in the journal
            if outcome.status == "done":
                make_durable(self.store)
                claim.route = "done"
                claim.number = outcome.record.document.number if outcome.record else None
            elif outcome.status == "skipped":  # stored meanwhile by someone else (a batch run)
                claim.route = "duplicate"
                claim.duplicate_of = describe(self.store, claim.sha256)
            else:
                if self.stopping():
                    return False  # may have failed because we are being stopped
                if isinstance(outcome.error, StoreError) and not self._store_reachable():
                    raise outcome.error  # the database is down, not the file bad: retry later
                claim.route = "failed"
                claim.reason = _reason(outcome.error)
        claim.save(self.places.processing)
        self.step("stored", claim)
        return True

    def _store_reachable(self) -> bool:
        try:
            self.store.count()
            return True
        except DispatchReaderError:
            return False

    def _brief(self, claim: Claim) -> Path | None:
        """The brief of the document this file belongs to, as `process` writes it
        (pipeline.document_brief): a scan of a document already briefed rewrites that brief
        (from the best-read file, naming the others) instead of adding one of its own."""
        if self.briefs is None:
            return None
        assert claim.sha256
        try:
            record = self.store.get(claim.sha256)
            if record is None:
                return None
            return document_brief(self.store, self.briefs, claim.sha256, record)
        except Exception as exc:  # a full outbox, a broken user template, anything
            # the record is stored; a missing brief can be written again with `brief`
            why = str(exc) if isinstance(exc, (OSError, DispatchReaderError)) else repr(exc)
            log.warning("no brief for %s: %s", fs.display(claim.name), fs.escape_controls(why))
            return None

    def _choose_dest(self, claim: Claim) -> Path:
        if claim.dest:
            return Path(claim.dest)
        if claim.route == "done":
            when = datetime.fromisoformat(claim.received)
            folder = self.places.archive / f"{when.year:04d}" / f"{when.month:02d}"
        elif claim.route == "duplicate":
            folder = self.places.duplicates
        else:
            folder = self.places.failed
        folder.mkdir(parents=True, exist_ok=True)
        dest = fs.free_name(folder, Path(claim.original).name)
        claim.dest = str(dest)
        claim.save(self.places.processing)
        self.step("dest", claim)
        return dest

    def _write_note(self, claim: Claim, dest: Path) -> None:
        if claim.route == "failed":
            lines = [f"{fs.display(Path(claim.original).name)}: {claim.reason}", "",
                     f"received: {claim.received}", f"sha256: {claim.sha256}"]
            fs.write_atomic(dest.with_name(dest.name + ".error.txt"), "\n".join(lines) + "\n")
        elif claim.route == "duplicate":
            d = claim.duplicate_of or {}
            what = ", ".join(f"{k}: {d[k]}" for k in ("number", "doc_type", "issued_date") if d.get(k))
            lines = [f"{fs.display(Path(claim.original).name)} repeats stored document {d.get('id')} "
                     f"({d.get('file_name') or '?'}{', ' + what if what else ''}).", "",
                     f"received: {claim.received}", f"sha256: {claim.sha256}"]
            fs.write_atomic(dest.with_name(dest.name + ".duplicate.txt"), "\n".join(lines) + "\n")

    def _remove_original(self, claim: Claim) -> str | None:
        """Remove the dropped file if it is still the very file we took; else say why it stays."""
        original = Path(claim.original)
        taken = claim.original_identity()
        try:
            now = Identity.of(original)
        except OSError:
            return None  # already gone
        if (now.dev, now.ino) != (taken.dev, taken.ino):
            return None  # a new file dropped under the same name: not ours to remove
        if now != taken or (claim.sha256 and _sha256_of(original) != claim.sha256):
            log.warning("%s: changed after it was taken; left in INBOX to be taken again",
                        fs.display(original.name))
            return "changed after it was taken: left in INBOX"
        fs.remove(original)
        return None

    def _result(self, claim: Claim, dest: Path, brief: Path | None) -> FileResult:
        number = claim.number or ((claim.duplicate_of or {}).get("number") if claim.route == "duplicate" else None)
        return FileResult(time=datetime.now().astimezone(), file=fs.display(Path(claim.original).name),
                          result=claim.route or "failed", number=number, seconds=claim.seconds, dest=dest,
                          reason=claim.reason, brief=brief)


def _same_content(a: Path, b: Path, sha256: str | None) -> bool:
    if fs.same_file(a, b):
        return True
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return sha256 is not None and file_sha256(b) == sha256
    except (OSError, DispatchReaderError):
        return False


def _unreadable(path: Path) -> str | None:
    """Why the dropped file cannot be read, or None when it can (a link or pipe is refused)."""
    try:
        with open_regular(path) as fh:
            fh.read(1)
    except FileNotFoundError:
        return None  # gone: take() notices it
    except InputFileError as exc:
        return exc.reason
    except PermissionError:
        return "permission denied: cannot read the file"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"
    return None


def _sha256_of(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with open_regular(path) as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except (OSError, InputFileError):
        return None


def _reason(error: DispatchReaderError | None) -> str:
    if error is None:
        return "failed for an unknown reason"
    return f"{error.reason} [{error.kind}]"
