"""OCR results on disk, keyed by (file sha256, page number, OCR settings, Tesseract version).

Re-running a batch, or re-extracting after a rule change, reads these instead of OCRing
again. Entries are small JSON files written atomically; a damaged entry is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.pages import Word

log = logging.getLogger(__name__)


def cache_key(sha256: str, page: int, settings_key: dict[str, object], engine: str) -> str:
    blob = json.dumps({"sha256": sha256, "page": page, "settings": settings_key, "engine": engine}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


class OcrCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> OcrPage | None:
        if self.folder is None:
            return None
        try:
            raw = json.loads(self._file(key).read_text("utf-8"))
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
