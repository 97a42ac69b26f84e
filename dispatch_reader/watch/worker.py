"""What runs in each batch worker process: open the store once, then read files one by one.

Workers ignore Ctrl-C (the parent decides: let the files in hand finish) and exit on their own
when the parent dies (kill -9), so an interrupted batch never leaves orphans writing to the
database. Results crossing back to the parent are small: no records, no page images.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dispatch_reader.briefs.render import BriefWriter
    from dispatch_reader.ingest.reader import IngestSettings
    from dispatch_reader.store import Store


@dataclass
class WorkResult:
    path: str
    status: str  # done, skipped, failed
    pages: int = 0
    number: str | None = None
    seconds: float = 0.0
    kind: str | None = None  # error kind (errors.py) when failed
    reason: str | None = None
    brief_error: str | None = None  # stored (or already stored), but its brief was not written


@dataclass
class WorkerConfig:
    db_url: str
    reprocess: bool = False
    briefs_dir: Path | None = None
    brief_format: str = "html"
    brief_lang: str = "vi"
    ingest: dict[str, Any] | None = None  # IngestSettings fields


_state: dict[str, Any] = {}


def init_worker(config: WorkerConfig, parent_pid: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(parent_pid)
    from dispatch_reader.store import open_store

    _state["store"] = open_store(config.db_url)
    _state["briefs"] = _brief_writer(config)
    _state["settings"] = _ingest_settings(config)
    _state["reprocess"] = config.reprocess


def _brief_writer(config: WorkerConfig) -> BriefWriter | None:
    if config.briefs_dir is None:
        return None
    from dispatch_reader.briefs.render import BriefWriter

    return BriefWriter(config.briefs_dir, fmt=config.brief_format, lang=config.brief_lang)


def _ingest_settings(config: WorkerConfig) -> IngestSettings:
    from dispatch_reader import config as settings_file

    given = dict(config.ingest or {})
    # files run in parallel already; pages of one file in parallel too would oversubscribe the cores
    given.setdefault("workers", 1)
    # the config file and DISPATCH_READER_* (passwords, limits, OCR mode) hold in the workers too
    return settings_file.load().ingest(**given)


def _watch_parent(parent_pid: int) -> None:
    def check() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(1)  # parent gone: an open transaction rolls back, nothing half-stored
            time.sleep(1.0)

    threading.Thread(target=check, name="parent-watch", daemon=True).start()


def work(path: str) -> WorkResult:
    from dispatch_reader.pipeline import process_file

    store: Store = _state["store"]
    outcome = process_file(Path(path), store, _state["briefs"], _state["settings"], reprocess=_state["reprocess"])
    return summarize(path, outcome)


def summarize(path: str, outcome: Any) -> WorkResult:
    record = outcome.record
    result = WorkResult(path=path, status=outcome.status, seconds=outcome.seconds)
    if record is not None:
        result.number = record.document.number
        if outcome.status == "done":
            result.pages = record.source.page_count
    if outcome.error is not None:
        result.kind = outcome.error.kind
        result.reason = outcome.error.reason
    if getattr(outcome, "brief_error", None) is not None:
        result.brief_error = str(outcome.brief_error)
    return result
