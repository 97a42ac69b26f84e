"""Stream the documents under some folders, one path at a time, in a stable order.

An archive may hold millions of files; only one folder's listing is in memory at a time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from dispatch_reader.pipeline import DOCUMENT_SUFFIXES
from dispatch_reader.watch.settle import is_temporary


def is_document(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES and not is_temporary(name)


def iter_documents(inputs: list[Path]) -> Iterator[Path]:
    """PDFs and images under `inputs` (recursively, symlinked folders not followed); a file
    given by name is yielded whatever its type, so a wrong one fails with a reason."""
    for item in inputs:
        if item.is_dir():
            yield from _walk(item)
        else:
            yield item


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    subfolders = []
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
            elif entry.is_file() and is_document(entry.name):
                yield Path(entry.path)
        except OSError:
            continue
    del entries
    for sub in subfolders:
        yield from _walk(Path(sub))


def count_documents(inputs: list[Path]) -> int:
    return sum(1 for _ in iter_documents(inputs))
