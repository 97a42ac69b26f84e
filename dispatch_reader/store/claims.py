"""Claims on files being read, so runs at once on overlapping folders read each file once.

Before reading a file, a `process` run claims its SHA-256 in the store (one row, primary
key: a second insert fails whatever the database). A file claimed by a live run is left for
later; when that run has stored it, it is skipped like any stored file. A claim goes stale
when its process is gone (same host: the pid is checked) or its time is up (a run on another
host that died); a stale claim is taken over. The watcher keeps its own journal (watch/claims.py).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import time
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from dispatch_reader.ingest.private import pid_alive
from dispatch_reader.store.models import Claim

# How long a claim lasts without renewal: longer than the slowest file (500 pages at the page
# time limit would be more, but a claim is renewed before each file, and a run on this host is
# judged by its pid, not this).
CLAIM_TTL = dt.timedelta(hours=2)
_claims = Claim.__table__


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)  # SQLite drops the zone


def _live(owner: str, expires_at: dt.datetime, now: dt.datetime) -> bool:
    if _utc(expires_at) <= now:
        return False
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host == socket.gethostname() and pid.isdigit():
        return pid_alive(int(pid))
    return True


@dataclass
class Claims:
    """This run's claims in one store."""

    store: object  # dispatch_reader.store.Store
    ttl: dt.timedelta = CLAIM_TTL
    owner: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}")
    held: set[str] = field(default_factory=set)

    def take(self, sha256: str) -> bool:
        """Claim the file; False when a live run holds it."""
        now = _now()
        expires = now + self.ttl
        with self.store._write() as conn:  # type: ignore[attr-defined]
            row = conn.execute(select(_claims.c.owner, _claims.c.expires_at)
                               .where(_claims.c.sha256 == sha256)).first()
            if row is None:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(_claims).values(sha256=sha256, owner=self.owner, claimed_at=now,
                                                            expires_at=expires))
                except IntegrityError:  # another run inserted it first
                    return False
            elif row.owner == self.owner or not _live(row.owner, row.expires_at, now):
                done = conn.execute(update(_claims).where(_claims.c.sha256 == sha256, _claims.c.owner == row.owner)
                                    .values(owner=self.owner, claimed_at=now, expires_at=expires))
                if done.rowcount != 1:
                    return False
            else:
                return False
        self.held.add(sha256)
        return True

    def held_by_other(self, sha256: str) -> bool:
        with self.store._read() as conn:  # type: ignore[attr-defined]
            row = conn.execute(select(_claims.c.owner, _claims.c.expires_at)
                               .where(_claims.c.sha256 == sha256)).first()
        return row is not None and row.owner != self.owner and _live(row.owner, row.expires_at, _now())

    def release(self, sha256: str) -> None:
        if sha256 not in self.held:
            return
        with self.store._write() as conn:  # type: ignore[attr-defined]
            conn.execute(delete(_claims).where(_claims.c.sha256 == sha256, _claims.c.owner == self.owner))
        self.held.discard(sha256)

    def release_all(self) -> None:
        for sha256 in list(self.held):
            try:
                self.release(sha256)
            except Exception:  # the store is gone: the claims go stale with this process
                self.held.discard(sha256)

    def wait(self, sha256: str, poll: float = 0.5, timeout: float | None = None) -> None:
        """Until no live run holds the file (it stored or failed it, or died)."""
        end = None if timeout is None else time.monotonic() + timeout
        while self.held_by_other(sha256):
            if end is not None and time.monotonic() > end:
                return
            time.sleep(poll)
