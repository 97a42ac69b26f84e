"""Sending documents to the fleet: what `batch --queue` and `watch --queue` do per file.

Per file: its SHA-256; a file already stored is skipped (unless reprocess); one already
waiting in the queue is not sent again (the same file twice in this batch: `repeated`; queued
by an earlier run: `pending`, or sent again with `requeue`). Otherwise, in one database
transaction: the file is copied into the spool (content-addressed), its row added, and its
message published; a publish that fails rolls the row back, and a message whose row never
commits is dropped by the worker after a few tries.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dispatch_reader.errors import DispatchReaderError, QueueError
from dispatch_reader.fleet import spool, tasks
from dispatch_reader.fleet.settings import FleetSettings
from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.watch.places import display, storable_name


@dataclass
class Sent:
    path: Path
    status: str  # queued, requeued, pending, repeated, skipped, failed
    sha256: str | None = None
    task_id: str | None = None
    kind: str | None = None
    reason: str | None = None
    own: bool = True  # pending/repeated: the task found was sent for this very path


def new_batch_id() -> str:
    return tasks.now().strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def label_of(inputs: list[Path]) -> str:
    """How `--status DIR…` finds the batches of the same folders."""
    return " ".join(display(p.expanduser().resolve()) for p in inputs)


class Enqueuer:
    def __init__(self, fleet: FleetSettings, store: Any, app: Any, *, batch: str, label: str,
                 options: dict[str, Any] | None = None, reprocess: bool = False, requeue: bool = False) -> None:
        self.fleet, self.store, self.app = fleet, store, app
        self.batch, self.label = batch, label
        self.options = {k: v for k, v in (options or {}).items() if v is not None}
        if reprocess:
            self.options["reprocess"] = True
        self.reprocess, self.requeue = reprocess, requeue

    def send(self, path: Path) -> Sent:
        try:
            sha = file_sha256(path)
        except DispatchReaderError as err:
            return Sent(path, "failed", kind=err.kind, reason=err.reason)
        if not self.reprocess and self.store.has(sha):
            return Sent(path, "skipped", sha)
        pending = tasks.pending_sha(self.store, sha)
        if pending is not None:
            own = pending.source == str(path)
            if self.requeue:
                self._publish_again(pending)
                return Sent(path, "requeued", sha, pending.id, own=own)
            status = "repeated" if pending.batch == self.batch and not own else "pending"
            return Sent(path, status, sha, pending.id, reason=f"same content as {display(pending.source)}"
                        if status == "repeated" else "already queued", own=own)
        task_id = secrets.token_hex(16)
        try:
            with self.store._write() as conn:
                tasks.lock_sha(conn, sha)  # a worker cannot remove the spool file between put and row
                name = spool.put(path, self.fleet.spool, sha)
                tasks.add(conn, id=task_id, batch=self.batch, label=self.label, sha256=sha,
                          file_name=storable_name(path.name), source=str(path)[:4000], spool_name=name)
                self._publish(task_id, sha, name)
        except spool.SpoolError as exc:
            raise QueueError(self.fleet.spool, exc.reason) from None
        except DispatchReaderError as err:
            if err.kind in ("queue", "store"):
                raise
            return Sent(path, "failed", sha, kind=err.kind, reason=err.reason)
        return Sent(path, "queued", sha, task_id)

    def _publish(self, task_id: str, sha: str, name: str) -> None:
        from dispatch_reader.fleet.app import publish
        from dispatch_reader.store.engine import display_url

        try:
            publish(self.app, task_id, sha, name, self.options)
        except Exception as exc:  # kombu's and redis-py's own errors
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise QueueError(None, f"cannot send to the queue {display_url(self.fleet.broker)}: {first}") from None

    def _publish_again(self, task: tasks.Task) -> None:
        """A row still queued whose message the broker may have lost: the same message again
        (read once all the same), and the row joins this batch so its end is waited for."""
        from sqlalchemy import update

        from dispatch_reader.store.models import QueueTask

        with self.store._write() as conn:
            conn.execute(update(QueueTask).where(QueueTask.id == task.id).values(batch=self.batch, label=self.label))
            self._publish(task.id, task.sha256, task.spool_name)
