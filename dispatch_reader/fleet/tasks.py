"""The `queue_tasks` table: one row per document sent to the fleet, and how it ended.

    queued    sent; waiting for a worker (or, after an outage, for its next try)
    running   a worker is reading it (`worker` says which); found so at the next delivery,
              that worker died mid-document (`lost` counts it)
    done      read and stored by this task
    skipped   already stored when a worker got it (by an earlier delivery that died after its
              commit, another batch, or a `process` run): stored once all the same
    failed    a dead letter: the document failed (`kind`, `reason`), or killed its worker
              MAX_LOST times, or the spool never gave it back; not tried again

A dead letter is also one line in the store's processing history (`db history`), status
`dead_letter`, with the file's SHA-256 and the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from dispatch_reader.store.models import ProcessingRun, QueueTask

_t = QueueTask.__table__
PENDING = ("queued", "running")
FINAL = ("done", "skipped", "failed")
DEAD_LETTER = "dead_letter"  # the processing history's status for a document the fleet gave up


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def utc(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


@dataclass
class Task:
    id: str
    batch: str
    label: str
    sha256: str
    file_name: str
    source: str
    spool_name: str
    state: str
    kind: str | None
    reason: str | None
    deliveries: int
    lost: int
    retries: int
    pages: int | None
    number: str | None
    worker: str | None
    enqueued_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None

    @classmethod
    def of(cls, row: Any) -> Task:
        data = dict(row._mapping)
        for k in ("enqueued_at", "started_at", "finished_at"):
            data[k] = utc(data[k])
        return cls(**data)


def lock_sha(conn: Connection, sha256: str) -> None:
    """Serialise, per SHA-256, putting a file into the spool and removing it once nobody waits
    for it (PostgreSQL; the fleet refuses SQLite)."""
    if conn.dialect.name == "postgresql":
        key = int.from_bytes(hashlib.sha256(b"spool:" + sha256.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})


def add(conn: Connection, *, id: str, batch: str, label: str, sha256: str, file_name: str, source: str,
        spool_name: str) -> None:
    conn.execute(insert(_t).values(id=id, batch=batch, label=label[:2000], sha256=sha256, file_name=file_name,
                                   source=source, spool_name=spool_name, state="queued", deliveries=0, lost=0,
                                   retries=0, enqueued_at=now()))


def get(store: Any, task_id: str) -> Task | None:
    with store._read() as conn:
        row = conn.execute(select(_t).where(_t.c.id == task_id)).first()
    return Task.of(row) if row is not None else None


def pending_sha(store: Any, sha256: str) -> Task | None:
    """A row of any batch still waiting for (or being read by) a worker, for this SHA-256."""
    with store._read() as conn:
        row = conn.execute(select(_t).where(_t.c.sha256 == sha256, _t.c.state.in_(PENDING))
                           .order_by(_t.c.enqueued_at).limit(1)).first()
    return Task.of(row) if row is not None else None


def start(store: Any, task_id: str, worker: str, clean_after: int | None = None) -> Task | None:
    """A delivery begins: count it, and count the one before as lost when its worker never
    finished (the row still says running), unless that delivery is `clean_after`, which ended
    cleanly while the database was away. None when the row is gone."""
    with store._write() as conn:
        row = conn.execute(select(_t).where(_t.c.id == task_id).with_for_update()).first()
        if row is None or row.state in FINAL:
            return Task.of(row) if row is not None else None
        died = row.state == "running" and row.deliveries != clean_after
        lost = row.lost + (1 if died else 0)
        values: dict[str, Any] = dict(state="running", worker=worker[:200], deliveries=row.deliveries + 1, lost=lost)
        if row.started_at is None:
            values["started_at"] = now()
        conn.execute(update(_t).where(_t.c.id == task_id).values(**values))
        row = conn.execute(select(_t).where(_t.c.id == task_id)).first()
    return Task.of(row)


def wait(store: Any, task_id: str, reason: str) -> None:
    """Back to queued until its next try (the spool or the database was away)."""
    with store._write() as conn:
        conn.execute(update(_t).where(_t.c.id == task_id, _t.c.state.in_(PENDING))
                     .values(state="queued", retries=_t.c.retries + 1, reason=reason[:2000]))


def finish(store: Any, task: Task, state: str, *, kind: str | None = None, reason: str | None = None,
           pages: int | None = None, number: str | None = None, extractor_version: str = "") -> bool:
    """The task's end; a failure also goes into the processing history as a dead letter. False
    when another delivery had finished it already (nothing is written twice)."""
    assert state in FINAL
    at = now()
    with store._write() as conn:
        done = conn.execute(update(_t).where(_t.c.id == task.id, _t.c.state.in_(PENDING)).values(
            state=state, kind=kind, reason=reason[:2000] if reason else None, pages=pages, number=number,
            finished_at=at))
        if done.rowcount != 1:
            return False
        if state == "failed":
            from dispatch_reader.store.models import File

            file_id = conn.execute(select(File.id).where(File.sha256 == task.sha256)).scalar()
            conn.execute(insert(ProcessingRun).values(
                file_id=file_id, sha256=task.sha256, file_name=task.file_name, extractor_version=extractor_version,
                started_at=task.started_at or at, finished_at=at, status=DEAD_LETTER,
                error=(f"{kind}: " if kind else "") + (reason or "")[:1990]))
    return True


def spool_still_needed(conn: Connection, sha256: str, spool_name: str) -> bool:
    return conn.execute(select(_t.c.id).where(_t.c.sha256 == sha256, _t.c.spool_name == spool_name,
                                              _t.c.state.in_(PENDING)).limit(1)).first() is not None


@dataclass
class Counts:
    """One batch (or several) as `--status` shows it."""

    batch: str
    label: str
    queued: int = 0
    running: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    first_start: dt.datetime | None = None
    last_finish: dt.datetime | None = None
    enqueued: dt.datetime | None = None

    @property
    def total(self) -> int:
        return self.queued + self.running + self.done + self.skipped + self.failed

    @property
    def pending(self) -> int:
        return self.queued + self.running

    def pages_per_minute(self, at: dt.datetime | None = None) -> float | None:
        """Pages stored per minute since the batch's first document was started."""
        if not self.pages or self.first_start is None:
            return None
        end = (at or now()) if self.pending else (self.last_finish or at or now())
        minutes = (end - self.first_start).total_seconds() / 60
        return self.pages / minutes if minutes > 0 else None

    def eta_seconds(self, at: dt.datetime | None = None) -> float | None:
        """Seconds until the last queued document is done, at the pace so far."""
        if not self.pending:
            return 0.0
        ppm = self.pages_per_minute(at)
        read = self.done
        if not ppm or not read:
            return None
        pages_left = self.pending * (self.pages / read)
        return pages_left / ppm * 60


def counts(store: Any, batches: list[str] | None = None, *, label: str | None = None,
           since: dt.datetime | None = None) -> list[Counts]:
    """Counts per batch, newest batch first: the batches given, else those with a label, else
    every batch still pending or enqueued since `since`."""
    stmt = select(_t.c.batch, func.min(_t.c.label), _t.c.state, func.count(), func.coalesce(func.sum(_t.c.pages), 0),
                  func.min(_t.c.started_at), func.max(_t.c.finished_at), func.min(_t.c.enqueued_at)) \
        .group_by(_t.c.batch, _t.c.state)
    if batches is not None:
        stmt = stmt.where(_t.c.batch.in_(batches))
    elif label is not None:
        stmt = stmt.where(_t.c.label == label)
    with store._read() as conn:
        rows = conn.execute(stmt).all()
    out: dict[str, Counts] = {}
    for batch, lab, state, n, pages, first, last, enq in rows:
        c = out.setdefault(batch, Counts(batch, lab))
        setattr(c, state, getattr(c, state) + int(n))
        if state == "done":
            c.pages += int(pages)
        first, last, enq = utc(first), utc(last), utc(enq)
        if first and (c.first_start is None or first < c.first_start):
            c.first_start = first
        if last and (c.last_finish is None or last > c.last_finish):
            c.last_finish = last
        if enq and (c.enqueued is None or enq < c.enqueued):
            c.enqueued = enq
    found = list(out.values())
    if batches is None and label is None and since is not None:
        found = [c for c in found if c.pending or (c.enqueued and c.enqueued >= since)]
    return sorted(found, key=lambda c: c.enqueued or now(), reverse=True)


def failures(store: Any, batches: list[str], limit: int | None = None) -> list[Task]:
    stmt = select(_t).where(_t.c.batch.in_(batches), _t.c.state == "failed").order_by(_t.c.finished_at)
    if limit:
        stmt = stmt.limit(limit)
    with store._read() as conn:
        return [Task.of(r) for r in conn.execute(stmt).all()]


def finished_since(store: Any, batch: str, after: dt.datetime | None, seen: set[str]) -> list[Task]:
    """Tasks of `batch` finished at or after `after` and not in `seen` (the waiting bar's feed)."""
    stmt = select(_t).where(_t.c.batch == batch, _t.c.state.in_(FINAL))
    if after is not None:
        stmt = stmt.where(_t.c.finished_at >= after)
    with store._read() as conn:
        return [t for t in (Task.of(r) for r in conn.execute(stmt.order_by(_t.c.finished_at)).all())
                if t.id not in seen]


def requeue_candidates(store: Any, batch: str) -> list[Task]:
    with store._read() as conn:
        return [Task.of(r) for r in conn.execute(select(_t).where(_t.c.batch == batch, _t.c.state == "queued"))]
