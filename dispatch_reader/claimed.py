"""`process` over many files with claims in the store: runs at once on overlapping folders
read and OCR each file once (store/claims.py says how a claim is taken and goes stale).

The files are read a few ahead through one shared OCR pool (ingest/reader.ReadAhead), so a
burst of one-page scans keeps every core busy; each file is still extracted, stored and
committed on its own, in the order given, and its claim released once it is. A file is
started ahead only once its claim is taken: a file another run holds is never read here."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dispatch_reader.errors import DispatchReaderError
from dispatch_reader.ingest.reader import ReadAhead
from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.pipeline import Outcome, process_file
from dispatch_reader.store.claims import Claims

if TYPE_CHECKING:
    from dispatch_reader.store import Store


def process_claimed(files: Iterable[Path], store: Store, briefs: Any, settings: Any, *, reprocess: bool = False,
                    claims: Claims | None = None) -> Iterator[Outcome]:
    """One outcome per file. A file another live run is reading is taken up last, once that
    run is done with it: stored by then, it is skipped like any stored file."""
    claims = claims or Claims(store)
    ahead = ReadAhead(settings)
    in_hand: deque[tuple[Path, str | None, bool]] = deque()  # (file, sha, claimed and started)
    later: list[tuple[Path, str]] = []
    try:
        for path in files:
            try:
                sha = file_sha256(path)
            except DispatchReaderError:
                sha = None  # process_file reports it
            if sha is None or (not reprocess and store.has(sha)) or any(sha == s for _, s, _ in in_hand):
                in_hand.append((path, sha, False))  # decided in its turn: skipped, failed or read then
            elif claims.take(sha):
                if not reprocess and store.has(sha):
                    # another run stored it and let go between the look above and the claim
                    claims.release(sha)
                    in_hand.append((path, sha, False))
                else:
                    ahead.start(path)  # its OCR pages go to the shared pool now
                    in_hand.append((path, sha, True))
            else:
                later.append((path, sha))
            # the oldest file's turn once enough are being read (a file not started, at once)
            while in_hand and (not in_hand[0][2] or not ahead.room()):
                yield _turn(*in_hand.popleft(), store, briefs, settings, reprocess, claims, ahead)
        while in_hand:
            yield _turn(*in_hand.popleft(), store, briefs, settings, reprocess, claims, ahead)
        for path, sha in later:
            claims.wait(sha)
            if store.has(sha):  # the other run stored it: not read again, even with --reprocess
                yield process_file(path, store, briefs, settings, reprocess=False)
            elif claims.take(sha):  # the other run failed it or died: read it here
                yield _one(path, sha, store, briefs, settings, reprocess, claims, ahead)
            else:  # taken again meanwhile; its reader will store it
                yield process_file(path, store, briefs, settings, reprocess=False)
    finally:
        ahead.close()
        claims.release_all()


def _turn(path: Path, sha: str | None, started: bool, store: Store, briefs: Any, settings: Any, reprocess: bool,
          claims: Claims, ahead: ReadAhead) -> Outcome:
    """The file's turn: stored (or failed) and committed on its own, its claim released."""
    if started or sha is None or (not reprocess and store.has(sha)) or claims.take(sha):
        return _one(path, sha, store, briefs, settings, reprocess, claims, ahead)
    # a repeat of a file in hand whose reader failed it, now held by another run: as before,
    # it is not read twice at once; process_file skips it once stored, or reads it
    claims.wait(sha)
    return process_file(path, store, briefs, settings, reprocess=False)


def _one(path: Path, sha: str | None, store: Store, briefs: Any, settings: Any, reprocess: bool,
         claims: Claims, ahead: ReadAhead) -> Outcome:
    try:
        return process_file(path, store, briefs, settings, reprocess=reprocess, ahead=ahead)
    finally:
        ahead.discard(path)
        if sha is not None:
            claims.release(sha)
