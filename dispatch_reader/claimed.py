"""`process` over many files with claims in the store: runs at once on overlapping folders
read and OCR each file once (store/claims.py says how a claim is taken and goes stale)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dispatch_reader.errors import DispatchReaderError
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
    later: list[tuple[Path, str]] = []
    try:
        for path in files:
            try:
                sha = file_sha256(path)
            except DispatchReaderError:
                sha = None  # process_file reports it
            if sha is None or (not reprocess and store.has(sha)) or claims.take(sha):
                yield _one(path, sha, store, briefs, settings, reprocess, claims)
            else:
                later.append((path, sha))
        for path, sha in later:
            claims.wait(sha)
            if store.has(sha):  # the other run stored it: not read again, even with --reprocess
                yield process_file(path, store, briefs, settings, reprocess=False)
            elif claims.take(sha):  # the other run failed it or died: read it here
                yield _one(path, sha, store, briefs, settings, reprocess, claims)
            else:  # taken again meanwhile; its reader will store it
                yield process_file(path, store, briefs, settings, reprocess=False)
    finally:
        claims.release_all()


def _one(path: Path, sha: str | None, store: Store, briefs: Any, settings: Any, reprocess: bool,
         claims: Claims) -> Outcome:
    try:
        return process_file(path, store, briefs, settings, reprocess=reprocess)
    finally:
        if sha is not None:
            claims.release(sha)
