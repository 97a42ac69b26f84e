"""`watch INBOX --queue URL`: the watched folder feeds the fleet instead of reading itself.

The folder lifecycle stays as it is (watch/lifecycle.py: journal, processing/, archive/,
failed/, duplicates/, the dropped file removed only after its record is committed); only the
reading step changes. Where the local watcher reads the file, this one sends it to the queue
and notes the task in the journal (`extra.task`), then goes on taking other files: a burst
from a scanner is spread over the whole fleet. Every few seconds it looks at the tasks it
sent; a finished one is filed away as the local watcher would (archive/ when stored,
duplicates/ when the store had it already, failed/ with the fleet's reason). A watcher killed
at any point finds the journals at its next start and follows the same tasks; a file whose
message was never committed is sent again, and read once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dispatch_reader.fleet import tasks
from dispatch_reader.fleet.enqueue import Enqueuer
from dispatch_reader.pipeline import Outcome
from dispatch_reader.watch.claims import Claim, journals
from dispatch_reader.watch.lifecycle import Lifecycle, describe
from dispatch_reader.watch.watcher import Watcher


def _never(path: Path) -> Outcome:  # pragma: no cover - the queue reads, not this process
    raise AssertionError("a queued watcher does not read files itself")


class QueueLifecycle(Lifecycle):
    def __init__(self, places: Any, store: Any, enqueuer: Enqueuer, briefs: Any = None, **kw: Any) -> None:
        super().__init__(places, store, _never, briefs, **kw)
        self.enqueuer = enqueuer
        self.sent = 0  # files sent to the queue so far (the watcher looks back at them)

    def _process(self, claim: Claim, proc: Path) -> bool:
        assert claim.sha256
        task_id = claim.extra.get("task")
        if task_id:
            task = tasks.get(self.store, task_id)
            if task is not None and task.state in tasks.PENDING:
                return False  # still in the fleet: stays in processing/, looked at again
            if task is not None:
                return self._ended(claim, task)
            # its row never committed (killed while sending): send it again
        if self.store.has(claim.sha256):
            return super()._process(claim, proc)  # stored meanwhile (or by us before a crash): done
        sent = self.enqueuer.send(proc)
        if sent.status == "skipped":
            claim.route = "duplicate"
            claim.duplicate_of = describe(self.store, claim.sha256)
        elif sent.status == "failed":
            claim.route = "failed"
            claim.reason = f"{sent.reason} [{sent.kind}]"
        else:  # queued, or already queued (by us before a crash, or by another run)
            claim.extra.update(task=sent.task_id, own=sent.own or sent.status == "queued")
            claim.save(self.places.processing)
            self.sent += 1
            return False
        claim.save(self.places.processing)
        self.step("stored", claim)
        return True

    def _ended(self, claim: Claim, task: tasks.Task) -> bool:
        own = claim.extra.get("own", True)
        if task.state == "done" and own:
            claim.route = "done"
            claim.number = task.number
        elif task.state in ("done", "skipped"):
            claim.route = "duplicate"
            claim.duplicate_of = describe(self.store, claim.sha256)
        else:
            claim.route = "failed"
            claim.reason = f"{task.reason or 'failed in the fleet'} [{task.kind or 'internal'}]"
        claim.save(self.places.processing)
        self.step("stored", claim)
        return True

    def waiting(self) -> int:
        """Files in processing/ whose task the fleet has not finished."""
        n = 0
        for journal in journals(self.places.processing):
            try:
                claim = Claim.load(journal)
            except (OSError, ValueError, TypeError):
                continue
            if claim.route == "process" and claim.extra.get("task"):
                n += 1
        return n


class QueueWatcher(Watcher):
    """The watcher, with the reading step done by the fleet. A file sent to the queue makes
    the watcher look at processing/ again a few seconds later (the base loop's retry of
    unfinished journals), until every task it sent has ended."""

    def __init__(self, places: Any, store: Any, enqueuer: Enqueuer, briefs: Any = None, settings: Any = None,
                 **kw: Any) -> None:
        super().__init__(places, store, _never, briefs, settings, **kw)
        self.lifecycle = QueueLifecycle(places, store, enqueuer, briefs, stopping=self._stop.is_set,
                                        step=kw.get("step"))

    def _take(self, path: Path) -> bool:
        before = self.lifecycle.sent  # type: ignore[attr-defined]
        ok = super()._take(path)
        if ok and self.lifecycle.sent != before:  # type: ignore[attr-defined]
            return False  # not an error: asks the loop to look at processing/ again soon
        return ok

    def _recover(self) -> bool:
        ok = super()._recover()
        return ok and not self.lifecycle.waiting()  # type: ignore[attr-defined]
