"""OCR results on disk, keyed by (file sha256, page number, OCR settings, Tesseract version).

Re-running a batch, or re-extracting after a rule change, reads these instead of OCRing
again. Entries are small JSON files written atomically; a damaged entry is ignored. The
folder is bounded: past `max_bytes` the least recently used entries go (reads touch them).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.pages import Word

log = logging.getLogger(__name__)


def cache_key(sha256: str, page: int, settings_key: dict[str, object], engine: str) -> str:
    blob = json.dumps({"sha256": sha256, "page": page, "settings": settings_key, "engine": engine}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


_TRIM_EVERY = 64  # entries written between two looks at the folder's size
_TRIM_TO = 0.8  # a trim goes down to this share of the limit, so it is not redone at once


def _entries(folder: Path) -> list[tuple[float, int, Path]]:
    found = []
    for sub in folder.glob("??"):
        for entry in sub.glob("*.json"):
            try:
                st = entry.stat()
            except OSError:
                continue
            found.append((st.st_mtime, st.st_size, entry))
    return found


def cache_size(folder: Path) -> tuple[int, int]:
    """(entries, bytes) in the cache folder."""
    found = _entries(folder) if folder.is_dir() else []
    return len(found), sum(size for _, size, _ in found)


def trim(folder: Path, max_bytes: int) -> int:
    """Remove the least recently used entries until the folder is under the limit; how many."""
    if max_bytes <= 0 or not folder.is_dir():
        return 0
    found = sorted(_entries(folder))
    total = sum(size for _, size, _ in found)
    if total <= max_bytes:
        return 0
    removed = 0
    for _, size, entry in found:
        if total <= max_bytes * _TRIM_TO:
            break
        try:
            entry.unlink()
        except OSError:
            continue
        total -= size
        removed += 1
    return removed


def clear(folder: Path) -> int:
    """Remove every entry (and the cache's own sub-folders only); how many entries."""
    count, _ = cache_size(folder)
    for sub in folder.glob("??"):
        if sub.is_dir():
            shutil.rmtree(sub, ignore_errors=True)
    return count


class OcrCache:
    def __init__(self, folder: Path | None, max_bytes: int = 0) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._written = 0

    def _file(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> OcrPage | None:
        if self.folder is None:
            return None
        try:
            file = self._file(key)
            raw = json.loads(file.read_text("utf-8"))
            try:
                os.utime(file, (time.time(), time.time()))  # used now: the last to be trimmed
            except OSError:
                pass
            words = [Word(**w) for w in raw.pop("words")]
            keys = [tuple(k) for k in raw.pop("line_keys")]
            return OcrPage(words=words, line_keys=keys, **raw)  # type: ignore[arg-type]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            log.debug("ignoring unreadable OCR cache entry %s", key)
            return None

    def put(self, key: str, page: OcrPage) -> None:
        if self.folder is None:
            return
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(page), fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, target)
        except OSError as exc:  # a cache we cannot write only costs time later
            log.warning("OCR cache not written (%s)", exc.strerror or exc)
            return
        self._written += 1
        if self.max_bytes and self._written % _TRIM_EVERY == 1:
            trim(self.folder, self.max_bytes)
