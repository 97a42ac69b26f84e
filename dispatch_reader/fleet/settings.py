"""The fleet's settings: broker URL, spool folder, store, time limits; checked up front.

Options win over DISPATCH_READER_* variables, which win over the config file (config.py).
Every refusal is one line with the exit code of its kind, before anything is sent.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dispatch_reader.errors import ConfigError, QueueError, UsageError

QUEUE_NAME = "dispatch-reader"  # the Redis list the documents wait in
BROKER_SCHEMES = re.compile(r"^(redis|rediss|redis\+socket|sentinel)://")


def hard_limit(soft: float) -> float:
    """When a document still running after its soft time limit is killed outright."""
    return soft + max(5.0, soft * 0.1)


@dataclass(frozen=True)
class FleetSettings:
    broker: str
    spool: Path
    db_url: str
    time_limit: float  # soft: the document fails as over the time limit
    visibility_timeout: float  # a message unacknowledged this long goes back to the queue
    retries: int  # waits for the spool (or a lost message row) before a document is given up

    @classmethod
    def broker_only(cls, broker: str, db_url: str) -> FleetSettings:
        """Enough to talk to the broker (e.g. to ask its depth); no spool."""
        return cls(broker=broker, spool=Path("."), db_url=db_url, time_limit=60.0, visibility_timeout=120.0, retries=0)

    @property
    def hard_time_limit(self) -> float:
        return hard_limit(self.time_limit)

    @property
    def restore_interval(self) -> float:
        """How often a worker looks for messages a dead machine left unacknowledged."""
        return max(1.0, min(60.0, self.visibility_timeout / 10))

    def env(self) -> dict[str, str]:
        """The settings as DISPATCH_READER_* variables (for workers started by the benchmark)."""
        return {"DISPATCH_READER_QUEUE": self.broker, "DISPATCH_READER_SPOOL": str(self.spool),
                "DISPATCH_READER_DB": self.db_url,
                "DISPATCH_READER_QUEUE_TIME_LIMIT": str(self.time_limit),
                "DISPATCH_READER_QUEUE_VISIBILITY_TIMEOUT": str(self.visibility_timeout),
                "DISPATCH_READER_QUEUE_RETRIES": str(self.retries)}


def check_broker(url: str) -> str:
    if not BROKER_SCHEMES.match(url):
        raise UsageError(f"--queue {url!r}: expected a Redis URL, e.g. redis://HOST:6379/0")
    return url


def require_postgresql(db: str | None) -> str:
    """The store's URL, which must be PostgreSQL: every worker, on any machine, writes to it."""
    from dispatch_reader.store.engine import resolve_url

    url = resolve_url(db)
    if not url.startswith(("postgresql", "postgres")):
        raise UsageError("--queue needs the shared PostgreSQL store (--db postgresql+psycopg://USER@HOST/DB or "
                         "DISPATCH_READER_DB); SQLite is a file on one machine that workers elsewhere cannot write")
    return url


def resolve(queue: str | None, spool: Path | None, db: str | None, *, writable_spool: bool = False) -> FleetSettings:
    """The fleet's settings from the options and the config; raises a one-line error."""
    from dispatch_reader import config

    settings = config.load()
    broker = queue or settings.queue
    if not broker:
        raise UsageError("no queue given: --queue redis://HOST:6379/0 (or `queue` in the config file)")
    check_broker(broker)
    url = require_postgresql(db)
    folder = spool or settings.spool
    if folder is None:
        raise UsageError("no spool folder given: --spool DIR, a folder every worker mounts (NFS or SMB), "
                         "or `spool` in the config file")
    folder = folder.expanduser()
    if not folder.is_dir():
        raise QueueError(folder, "spool folder missing or not a folder (is the share mounted?)")
    if writable_spool and not os.access(folder, os.W_OK | os.X_OK):
        raise QueueError(folder, "cannot write into the spool folder")
    if not os.access(folder, os.R_OK | os.X_OK):
        raise QueueError(folder, "cannot read the spool folder")
    limit = settings.queue_time_limit
    visibility = settings.queue_visibility_timeout or 2 * limit
    if visibility <= hard_limit(limit):
        raise ConfigError(None, f"setting 'queue_visibility_timeout' ({visibility:g} s) must be longer than the "
                                f"slowest document: queue_time_limit {limit:g} s + {hard_limit(limit) - limit:g} s")
    return FleetSettings(broker=broker, spool=folder.resolve(), db_url=url, time_limit=limit,
                         visibility_timeout=visibility, retries=settings.queue_retries)
