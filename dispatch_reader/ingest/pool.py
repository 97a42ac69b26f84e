"""Run OCR jobs over a process pool, one single-threaded Tesseract per worker.

The pool is kept between documents (a batch pays its start-up once). Workers are forked
when the caller has a single thread (cheap, and no re-import of the caller's script);
a caller with threads (the folder watcher) gets forkserver workers instead, which start
from a clean interpreter and so cannot inherit a lock another thread was holding. OpenCV's
own thread pool is stopped before a fork (`_context`): its threads are none Python counts.
"""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

__all__ = ["BrokenProcessPool", "forget_broken", "run_jobs", "shutdown", "submit"]

from dispatch_reader.ingest import private
from dispatch_reader.ingest.worker import JobResult, OcrJob, run_job

_pools: dict[int, ProcessPoolExecutor] = {}


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        cv2 = sys.modules.get("cv2")
        if cv2 is not None:
            # OpenCV's own thread pool is no thread Python counts: once this process used it
            # (eval makes its damaged copies here before the pages are read), a forked worker
            # inherits its waits and hangs in its first cv2 call. Stopped here first, cleanly.
            cv2.setNumThreads(1)
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["dispatch_reader.ingest.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def _init_worker(folder: str, parent: int | None) -> None:
    # A worker outlives a parent killed with -9 unless told otherwise; then it and its
    # Tesseract would go on OCRing for nobody. It writes into the parent's private folder,
    # which the parent (or the next start) removes: pool workers exit without atexit.
    private.die_with_parent(parent)
    if parent is None:
        _exit_with_requester()
    private.adopt(folder)


def _exit_with_requester() -> None:
    """A forkserver's worker is the server's child, not ours, and the server ends only when
    every holder of its 'alive' pipe has gone, the workers among them: with us killed by -9
    (the watcher stopped hard, the OOM killer) the server, the workers and the resource
    tracker idled on for good (259 MB resident after three documents). The process that
    asked for the worker is watched (its sentinel) and the worker goes with it; the server
    follows."""
    requester = multiprocessing.parent_process()
    if requester is not None and requester.sentinel is not None:
        threading.Thread(target=_exit_when_ready, args=(requester.sentinel,), name="exit-with-parent",
                         daemon=True).start()


def _exit_when_ready(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])
    os._exit(1)


def _pool(workers: int) -> ProcessPoolExecutor:
    pool = _pools.get(workers)
    if pool is None:
        ctx = _context()
        # forked workers are our children: the kernel tells them when we go (die_with_parent);
        # forkserver and spawned ones are another process's, and watch us instead
        parent = os.getpid() if ctx.get_start_method() == "fork" else None
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(str(private.run_dir()), parent))
        _pools[workers] = pool
    return pool


def shutdown() -> None:
    for pool in _pools.values():
        pool.shutdown(wait=True, cancel_futures=True)
    _pools.clear()


atexit.register(shutdown)


class _InProcess(Future):  # type: ignore[type-arg]
    """One worker: the job runs in this process, when its result is first asked for."""

    def __init__(self, job: OcrJob) -> None:
        super().__init__()
        self.job = job

    def result(self, timeout: float | None = None) -> JobResult:
        if self.set_running_or_notify_cancel():
            try:
                self.set_result(run_job(self.job))
            except BaseException as exc:
                self.set_exception(exc)
        return super().result(timeout)


def submit(job: OcrJob, workers: int) -> Future[JobResult]:
    """One job on the shared pool of `workers` processes (files read together share it, so
    pages of different files run side by side). Raises BrokenProcessPool when a worker of
    that pool died: forget_broken(workers), then submit again to a fresh one."""
    if workers <= 1:
        return _InProcess(job)
    return _pool(workers).submit(run_job, job)


def forget_broken(workers: int) -> None:
    """A worker of this pool died (killed, out of memory): the next submit starts a new pool."""
    pool = _pools.get(workers)
    # only the pool that broke: a fresh one may already be reading other files' pages
    if pool is not None and getattr(pool, "_broken", True):
        del _pools[workers]
        pool.shutdown(wait=False, cancel_futures=True)


def run_jobs(jobs: list[OcrJob], workers: int) -> Iterator[JobResult]:
    """Results in job order. With one worker (or one job) everything runs in this process."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job)
        return
    pool = _pool(workers)
    try:
        futures = [pool.submit(run_job, job) for job in jobs]
        for future in futures:
            yield future.result()
    except BrokenProcessPool:
        _pools.pop(workers, None)
        raise
