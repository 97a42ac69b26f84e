"""What a worker does with one message: the document's way from the spool into the store.

1. its row (tasks.py); a message whose row is final is a duplicate and is dropped;
2. the SHA-256 claimed in the store (store/claims.py): one reader per document in the whole
   fleet; a claim held by a live worker means "later" (the claim is renewed every
   CLAIM_RENEW seconds and lapses CLAIM_TTL after its worker dies, wherever it ran);
3. the delivery counted: a row still "running" means the delivery before this one died
   mid-document; after MAX_LOST such deaths the document is given up (a dead letter);
4. already stored → skipped (the dead delivery committed before it died, or someone else
   stored the same bytes): stored once;
5. copied out of the spool into this process's private folder, under its own name, its
   SHA-256 checked; then pipeline.process_file, the same as `process` and `batch` run;
6. the outcome recorded; the spool file removed once no other message waits for it.

Retries: the database away → later, with exponential backoff (5 s doubling to 5 min), for as
long as it takes (there is nowhere else to record anything); the spool away, or its file
missing or wrong → later, `queue_retries` times, then a dead letter with the reason. A
document that fails to read (damaged, encrypted, no text, over a limit) is a dead letter at
once: reading it again would fail again.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dispatch_reader.errors import DispatchReaderError, StoreError
from dispatch_reader.fleet import spool, tasks
from dispatch_reader.fleet.settings import FleetSettings

log = logging.getLogger(__name__)

MAX_LOST = 3  # deliveries that died mid-document before the document is given up
CLAIM_TTL = dt.timedelta(seconds=90)  # a dead worker's claim lapses this long after its last renewal
CLAIM_RENEW = 30.0  # seconds between renewals while reading
MISSING_ROW_TRIES = 10  # a message whose row never appears (its enqueuer died before committing)
BUSY_WAIT = 15.0  # seconds before looking again at a document another worker is reading
CRASHED = "the reader process died on this document {n} times (crash, out of memory, or killed)"


@dataclass
class Later:
    """Try this message again in `countdown` seconds."""

    countdown: float
    reason: str
    # the delivery that ended cleanly though its row may still say running (the database went
    # away under it): the next delivery must not count it as one that died
    clean: int | None = None


def backoff(n: int) -> float:
    """5 s, 10 s, 20 s … up to 5 minutes, with some jitter so a fleet does not retry in step."""
    return min(300.0, 5.0 * 2 ** min(n, 10)) * random.uniform(0.8, 1.2)


_state: dict[str, Any] = {}
# claims this process took but could not let go of (the database away at the end of a
# delivery): SHA-256 → (pid, claim owner). Left there, such a claim looks held by a live
# worker (this one) until it lapses, CLAIM_TTL later, and the retry of the same document in
# this same process was told "another worker is reading the same file" meanwhile.
_unreleased: dict[str, tuple[int, str]] = {}


def _store(fleet: FleetSettings) -> Any:
    """This process's store (a forked worker process opens its own connections)."""
    if _state.get("pid") != os.getpid() or _state.get("url") != fleet.db_url:
        from dispatch_reader.store import open_store

        _state.clear()
        _state.update(pid=os.getpid(), url=fleet.db_url, store=open_store(fleet.db_url))
    return _state["store"]


def _ingest(options: dict[str, Any]) -> Any:
    from dispatch_reader import config

    given: dict[str, Any] = {"workers": 1}  # each worker process reads one document; the fleet is the parallelism
    if options.get("languages"):
        given["languages"] = options["languages"]
    if options.get("ocr_mode"):
        given["ocr_mode"] = options["ocr_mode"]
    return config.load().ingest(**given)


class _QuietStore:
    """The store, but a failed reading is not written to the history by process_file: the fleet
    writes one dead letter with the SHA-256 instead, and a failure from a database outage is
    retried, not recorded."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def record_failure(self, *args: Any, **kwargs: Any) -> None:
        pass


def _reachable(store: Any) -> bool:
    try:
        store.count()
        return True
    except DispatchReaderError:
        return False


class _Renewal:
    """Renew the claim while the document is read, so it lapses soon after this worker dies."""

    def __init__(self, claims: Any, sha256: str) -> None:
        self.claims, self.sha256 = claims, sha256
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="claim-renewal", daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(CLAIM_RENEW):
            try:
                if not self.claims.take(self.sha256):
                    log.warning("claim on %s… taken over by another worker", self.sha256[:12])
            except Exception as exc:  # the database away: the next renewal tries again
                log.warning("could not renew the claim on %s…: %s", self.sha256[:12], exc)

    def __enter__(self) -> _Renewal:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def handle(fleet: FleetSettings, task_id: str, sha256: str, spool_name: str, options: dict[str, Any], *,
           attempt: int = 0, node: str = "worker") -> str | Later:
    """Read one queued document; its final state, or Later."""
    try:
        store = _store(fleet)
        task = tasks.get(store, task_id)
    except StoreError as exc:
        log.warning("database away (%s); trying again later", exc.reason)
        return Later(backoff(attempt), exc.reason)
    if task is None:
        if attempt < MISSING_ROW_TRIES:
            return Later(2.0, "no row yet")  # its enqueuer may not have committed yet
        log.warning("task %s: no such row in the store (its enqueuing was interrupted); dropped", task_id)
        return "dropped"
    if task.state in tasks.FINAL:
        return task.state  # a second message for a finished task
    from dispatch_reader.store.claims import Claims

    claims = Claims(store, ttl=CLAIM_TTL)
    delivery: dict[str, int] = {}
    try:
        _release_leftovers(store)
        if not claims.take(sha256):
            return Later(BUSY_WAIT, "another worker is reading the same file")
        with _Renewal(claims, sha256):
            return _read(fleet, store, task, options, node, delivery)
    except StoreError as exc:
        log.warning("%s: database away (%s); trying again later", task.file_name, exc.reason)
        return Later(backoff(attempt), exc.reason, clean=delivery.get("n"))
    finally:
        _release(claims)


def _release(claims: Any) -> None:
    """Let go of this delivery's claims; one the database does not let go of is remembered,
    for the next delivery in this process to let go of (_release_leftovers)."""
    for sha in list(claims.held):
        try:
            claims.release(sha)
        except Exception:  # the database away
            claims.held.discard(sha)
            _unreleased[sha] = (os.getpid(), claims.owner)


def _release_leftovers(store: Any) -> None:
    """Let go of the claims earlier deliveries in this process could not (their owner is this
    process, which no longer reads them); raises StoreError while the database is away."""
    from dispatch_reader.store.claims import Claims

    for sha, (pid, owner) in list(_unreleased.items()):
        if pid != os.getpid():  # a forked child does not own its parent's claims
            continue
        Claims(store, ttl=CLAIM_TTL, owner=owner, held={sha}).release(sha)
        _unreleased.pop(sha, None)


def _read(fleet: FleetSettings, store: Any, task: tasks.Task, options: dict[str, Any], node: str,
          delivery: dict[str, int]) -> str | Later:
    from dispatch_reader.ingest import private
    from dispatch_reader.pipeline import EXTRACTOR_VERSION, process_file

    started = tasks.start(store, task.id, f"{node}:{os.getpid()}", clean_after=options.get("clean_after"))
    if started is None or started.state in tasks.FINAL:
        return started.state if started else "dropped"
    task = started
    delivery["n"] = task.deliveries
    reprocess = bool(options.get("reprocess"))

    def end(state: str, **kw: Any) -> str:
        tasks.finish(store, task, state, extractor_version=EXTRACTOR_VERSION, **kw)
        _release_spool(fleet, store, task)
        return state

    if task.lost >= MAX_LOST:
        log.error("%s: %s; given up", task.file_name, CRASHED.format(n=task.lost))
        return end("failed", kind="crashed", reason=CRASHED.format(n=task.lost))
    if not reprocess and store.has(task.sha256):
        record = store.get(task.sha256)
        return end("skipped", number=record.document.number if record else None)
    with private.workspace("fleet-") as folder:
        try:
            local = spool.fetch(fleet.spool, task.spool_name, task.sha256, Path(folder), task.file_name)
        except spool.SpoolError as exc:
            if exc.transient and task.retries < fleet.retries:
                tasks.wait(store, task.id, f"waiting for the spool: {exc.reason}")
                log.warning("%s: %s; trying again later", task.file_name, exc.reason)
                return Later(backoff(task.retries), exc.reason)
            tries = f" (after {task.retries + 1} tries)" if task.retries else ""
            return end("failed", kind="spool", reason=exc.reason + tries)
        outcome = process_file(local, _QuietStore(store), None, _ingest(options), reprocess=reprocess)
    record = outcome.record
    if outcome.status == "done":
        return end("done", pages=record.source.page_count if record else None,
                   number=record.document.number if record else None)
    if outcome.status == "skipped":
        return end("skipped", number=record.document.number if record else None)
    error = outcome.error
    if isinstance(error, StoreError) and not _reachable(store):
        try:
            tasks.wait(store, task.id, f"waiting for the database: {error.reason}")
        except StoreError:
            pass
        raise error  # retried by handle() with backoff
    if error is not None and "SoftTimeLimitExceeded" in error.reason:
        return end("failed", kind="limit", reason=_over(fleet))
    kind = error.kind if error is not None else "internal"
    reason = error.reason if error is not None else "failed for an unknown reason"
    log.warning("%s: %s [%s]; a dead letter", task.file_name, reason, kind)
    return end("failed", kind=kind, reason=reason)


def _over(fleet: FleetSettings) -> str:
    return f"over the fleet's time limit of {fleet.time_limit:g} s per document (queue_time_limit)"


def over_time_limit(fleet: FleetSettings, task_id: str) -> None:
    """The document ran past its time limit: a dead letter (best effort; the claim lapses)."""
    from dispatch_reader.pipeline import EXTRACTOR_VERSION

    try:
        store = _store(fleet)
        task = tasks.get(store, task_id)
        if task is not None:
            tasks.finish(store, task, "failed", kind="limit", reason=_over(fleet), extractor_version=EXTRACTOR_VERSION)
            _release_spool(fleet, store, task)
    except Exception:
        log.exception("could not record that task %s ran over its time limit", task_id)


def give_up(fleet: FleetSettings, task_id: str, exc: BaseException) -> None:
    """An exception no rule foresaw: a dead letter (never a row left running for ever); over the
    time limit when that is what it was, whatever a library made of the signal."""
    from dispatch_reader.pipeline import EXTRACTOR_VERSION

    try:
        store = _store(fleet)
        task = tasks.get(store, task_id)
        if task is None:
            return
        if "SoftTimeLimitExceeded" in repr(exc):
            kind, reason = "limit", _over(fleet)
        else:
            kind, reason = "internal", f"internal error: {exc!r}"[:500]
        tasks.finish(store, task, "failed", kind=kind, reason=reason, extractor_version=EXTRACTOR_VERSION)
        _release_spool(fleet, store, task)
    except Exception:
        log.exception("could not record the failure of task %s", task_id)


def _release_spool(fleet: FleetSettings, store: Any, task: tasks.Task) -> None:
    """Remove the spool file once no message waits for it (serialised with the enqueuers)."""
    try:
        with store._write() as conn:
            tasks.lock_sha(conn, task.sha256)
            if not tasks.spool_still_needed(conn, task.sha256, task.spool_name):
                spool.remove(fleet.spool, task.spool_name)
    except Exception:  # an unused spool file costs only space
        log.debug("spool file %s kept", task.spool_name, exc_info=True)
