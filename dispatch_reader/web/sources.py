"""Where a stored file's bytes are now, by its SHA-256, for page images.

The store keeps records and page texts, not files: a file read from the watched folder (or
uploaded, which goes the same way) ends in archive/YYYY/MM/ or duplicates/ under the watch root.
This index walks those folders and hashes each file once; a file is hashed again only when its
size or modification time changed. The hashes are kept in a small JSON file so a restart does
not read every archived scan again.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.pipeline import DOCUMENT_SUFFIXES

log = logging.getLogger(__name__)


class SourceIndex:
    """SHA-256 → path of a file under `folders` (searched in the order given)."""

    def __init__(self, folders: Iterable[Path], index_file: Path | None = None) -> None:
        self.folders = [Path(f) for f in folders]
        self.index_file = index_file
        self._lock = threading.Lock()
        # path -> [size, mtime_ns, sha256]
        self._known: dict[str, list] = self._load()
        self._walked = float("-inf")  # monotonic time of the last walk

    def _load(self) -> dict[str, list]:
        if self.index_file is None or not self.index_file.is_file():
            return {}
        try:
            data = json.loads(self.index_file.read_text("utf-8"))
            return {k: v for k, v in data.items() if isinstance(v, list) and len(v) == 3}
        except (OSError, ValueError):
            log.warning("%s: page-image source index unreadable; it is made again", self.index_file)
            return {}

    def _save(self) -> None:
        if self.index_file is None:
            return
        self.index_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.index_file.parent, suffix=".part")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self._known, fh)
        os.replace(tmp, self.index_file)

    def _files(self) -> Iterable[Path]:
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for root, dirs, names in os.walk(folder):
                dirs.sort()
                for name in sorted(names):
                    if Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                        yield Path(root) / name

    def refresh(self, max_age: float = 0.0) -> None:
        """Hash the files that are new or changed since the last look; forget removed ones.
        With `max_age`, nothing is done when the last walk is younger than that (seconds): a
        page asking for a file that is not there does not walk the archive on every view."""
        if time.monotonic() - self._walked < max_age:
            return
        self._walked = time.monotonic()
        seen: dict[str, list] = {}
        changed = False
        for path in self._files():
            try:
                st = path.stat()
            except OSError:
                continue
            key = str(path)
            old = self._known.get(key)
            if old and old[0] == st.st_size and old[1] == st.st_mtime_ns:
                seen[key] = old
                continue
            try:
                seen[key] = [st.st_size, st.st_mtime_ns, file_sha256(path)]
                changed = True
            except OSError:
                continue
        changed = changed or len(seen) != len(self._known)
        self._known = seen
        if changed:
            self._save()

    def find(self, sha256: str, max_age: float = 0.0) -> Path | None:
        """The path of a file with this content, or None; when not known, the folders are
        walked again (unless walked less than `max_age` seconds ago)."""
        with self._lock:
            for attempt in range(2):
                for key, (_, _, sha) in self._known.items():
                    if sha == sha256 and Path(key).is_file():
                        return Path(key)
                if attempt == 0:
                    self.refresh(max_age)
        return None

    def names(self, max_age: float = 0.0) -> dict[str, str]:
        """Every known path → its SHA-256, after a walk (unless one is younger than `max_age`)."""
        with self._lock:
            self.refresh(max_age)
            return {k: v[2] for k, v in self._known.items()}
