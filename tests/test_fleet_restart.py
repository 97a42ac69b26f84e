"""Issue 14, many machines: PostgreSQL restarting while a worker of the fleet reads a document.

A real redis-server and one `dispatch-reader worker`, as in test_fleet.py, but on a private
PostgreSQL of this test's own (tests/pg_server.py), which it shuts down and starts again at a
chosen moment: once the document's task row says `running` (the worker has started it in the
store) and the worker has begun to OCR it (its Tesseract runs: past the worker's last look at
the store before the commit), before its record is committed — the document is a scan of
several pages, read for seconds, and the test checks that the record was indeed not there
yet when PostgreSQL came back. Not a sleep and a hope: the moments are read from the store,
the worker's processes and its log.

1. restarted mid-read (down and up again while the pages are OCRed): the worker's pooled
   connections are dead; the commit must still go through, once, and the task end `done`
   as a delivery that did not die;
2. down when the worker comes to commit, up again later: the worker must wait for the
   database (no dead letter, no delivery counted as dead), read the document again and
   store it once; and `batch --queue`, waiting for the fleet, must wait out the outage too.

Either way: one file row, one `created` run, no `replaced`, no dead letter, the task done,
nothing left in the broker or the spool.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from test_fleet import QUEUE_ENV, Worker, _required, _rows, broker, redis_server  # noqa: F401  (fixtures)
from test_watch_support import _NAMES, _TEXT, cli_env, sha256_bytes, wait_for

import pg_server
from dispatch_reader.errors import ExitCode
from dispatch_reader.fleet import work


@pytest.fixture
def own_pg() -> Iterator[tuple[pg_server.ThrowawayServer, str]]:
    """(a PostgreSQL server this test alone uses, so it may stop it; a new database on it)."""
    import os

    if os.environ.get(pg_server.ENV_URL):
        pytest.skip(f"{pg_server.ENV_URL} points at a shared PostgreSQL server, which this test must not "
                    "restart; it runs on a private server started from the Debian binaries only")
    server = pg_server.ThrowawayServer()
    url = server.start()
    try:
        if not url or not pg_server.reachable(url):
            _required(f"no private PostgreSQL server: {server.error or 'it does not answer'}")
        yield server, pg_server.create_database(url)
    finally:
        server.stop()


_UNHURRIED = {**QUEUE_ENV, "DISPATCH_READER_QUEUE_TIME_LIMIT": "90", "DISPATCH_READER_QUEUE_VISIBILITY_TIMEOUT": "110"}


def _scan(n: int) -> bytes:
    """A scanned decision of about five pages: read for seconds (OCR), long enough to stop
    PostgreSQL in the middle."""
    from dispatch_reader.synth import render_text_pdf, scan_pdf

    body = "\n".join(f"Điều {k}. Biệt phái ông Nguyễn Văn {_NAMES[k % 13]} đến công tác tại UBND xã Phú Thọ số {k}."
                     for k in range(2, 130))
    return scan_pdf(render_text_pdf(_TEXT.format(n=900 + n, day=9, name=_NAMES[n % 13]) + body), seed=n)


def _stored(db: str, sha: str) -> tuple[int, Counter[str]]:
    """(file rows with this SHA-256, its processing runs by status)."""
    from sqlalchemy import create_engine, func, select

    from dispatch_reader.store.models import File, ProcessingRun

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            files = conn.execute(select(func.count()).select_from(File).where(File.sha256 == sha)).scalar_one()
            runs = Counter(conn.execute(select(ProcessingRun.status).where(ProcessingRun.sha256 == sha)).scalars())
    finally:
        engine.dispose()
    return int(files), runs


def _running(db: str) -> Any | None:
    try:
        rows = _rows(db)
    except Exception:  # the enqueuer may not have created the table's first row yet
        return None
    return next((r for r in rows if r.state == "running"), None)


def _start(tmp_path: Path, broker: str, db: str, n: int,
           queue_env: dict[str, str] = QUEUE_ENV) -> tuple[Worker, subprocess.Popen[str], str, Path]:
    archive, spool = tmp_path / "archive", tmp_path / "spool"
    archive.mkdir()
    spool.mkdir()
    data = _scan(n)
    (archive / "Quyết định quét.pdf").write_bytes(data)
    worker = Worker("wR", broker, spool, db, tmp_path / "w.log", queue_env)
    wait_for(worker.ready, 90, "the worker to start", interval=0.2)
    env = cli_env()
    env.update(queue_env)
    batch = subprocess.Popen([sys.executable, "-m", "dispatch_reader", "batch", str(archive), "--queue", broker,
                              "--spool", str(spool), "--db", db], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    wait_for(lambda: _running(db) is not None, 120, "the worker to start the document in the store", interval=0.05)
    # past its last look at the store before the commit: OCRing the first page (the worker is
    # new, so its first Tesseract engine is this document's)
    wait_for(lambda: _ocr_started(worker), 120, "the worker to start OCR", interval=0.02)
    return worker, batch, sha256_bytes(data), spool


def _ocr_started(worker: Worker) -> bool:
    """Does Tesseract run in the worker's session: its engine (ingest/tessengine.py), or the
    command where there is no engine?"""
    import os

    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            if (b"dispatch_reader.ingest.tessengine" in argv or Path(os.fsdecode(argv[0])).name == "tesseract") \
                    and os.getsid(int(entry.name)) == worker.proc.pid:
                return True
        except (OSError, ProcessLookupError):
            continue
    return False


@contextmanager
def _fleet(tmp_path: Path, broker: str, db: str, n: int,
           queue_env: dict[str, str] = QUEUE_ENV) -> Iterator[tuple[Worker, subprocess.Popen[str], str, Path]]:
    """`_start`'s worker and waiting batch, both ended however the test ends."""
    worker, batch, sha, spool = _start(tmp_path, broker, db, n, queue_env)
    try:
        yield worker, batch, sha, spool
    finally:
        if batch.poll() is None:
            batch.kill()
        worker.stop()


def _check_stored_once(db: str, sha: str, broker: str, spool: Path) -> Any:
    (row,) = _rows(db)
    assert row.state == "done", row
    assert row.lost == 0, f"a delivery that ended cleanly was counted as one that died: {row}"
    files, runs = _stored(db, sha)
    assert files == 1 and runs == {"created": 1}, (files, runs)  # no replaced, no dead_letter
    import redis

    client = redis.Redis.from_url(broker)
    assert client.llen("dispatch-reader") == 0 and client.hlen("unacked") == 0  # nothing left queued
    assert not [p for p in spool.rglob("*") if p.is_file()]
    return row


def test_postgresql_restarted_while_a_worker_reads_a_document(tmp_path: Path, broker: str,
                                                              own_pg: tuple[pg_server.ThrowawayServer, str]) -> None:
    server, db = own_pg
    # the fleet tests' 20 s time limit is for those of a worker that dies and is read again;
    # this four-page scan, read by one OCR worker, takes 19-21 s on a busy 2-core machine and
    # was failed by the limit, not by the restart (CI, 2026-12-02): the restart is what is tested
    with _fleet(tmp_path, broker, db, 1, _UNHURRIED) as (worker, batch, sha, spool):
        server.restart()  # every connection the worker (and the batch) held is cut
        row = _running(db)
        assert row is not None and _stored(db, sha)[0] == 0, \
            "the document was stored before PostgreSQL restarted: the test proves nothing (make the scan longer)"
        out, err = batch.communicate(timeout=180)
    assert batch.returncode == 0, (out[-2000:], err[-2000:])
    row = _check_stored_once(db, sha, broker, spool)
    assert row.deliveries == 1, row  # read once: the restart cost this document nothing


def test_postgresql_down_when_the_worker_commits_then_back(tmp_path: Path, broker: str,
                                                           own_pg: tuple[pg_server.ThrowawayServer, str]) -> None:
    server, db = own_pg
    # unhurried as above: on a busy CI machine the read took all of the fleet tests' 20 s, and
    # the soft time limit struck inside the worker's retry, not the outage this test is about
    # (CI, 2026-12-03: `Soft time limit (20.0s) exceeded` right after `database away`)
    with _fleet(tmp_path, broker, db, 2, _UNHURRIED) as (worker, batch, sha, spool):
        server.halt()
        # the worker finished reading, found the database away and put the message back to
        # try again later (Celery logs the retry)
        wait_for(lambda: " retry: " in worker.log.read_text(errors="replace"), 120,
                 "the worker to find the database away and retry", interval=0.1)
        server.resume()
        out, err = batch.communicate(timeout=180)
    assert batch.returncode == 0, (out[-2000:], err[-2000:])
    row = _check_stored_once(db, sha, broker, spool)
    assert row.deliveries >= 2, row  # the first delivery could not commit; a later one did
    log = worker.log.read_text(errors="replace")
    # the claim the first delivery could not let go of (the database away) is this worker's
    # own: the retry takes it back at once instead of waiting CLAIM_TTL for "another worker"
    assert f"Retry in {work.BUSY_WAIT}s" not in log, "the retry waited for the worker's own claim"
    assert "MaxRetriesExceededError" not in log


def test_a_message_is_retried_for_as_long_as_it_takes() -> None:
    """`self.retry(max_retries=None)` alone means Celery's default of 3 retries: the fourth
    "later" of a database outage raised MaxRetriesExceededError and acknowledged the message
    with its row left running for ever. The task itself must say None."""
    from dispatch_reader.fleet.app import TASK_NAME, make_app
    from dispatch_reader.fleet.settings import FleetSettings

    fleet = FleetSettings(broker="redis://127.0.0.1:1/0", spool=Path("/nonexistent"), db_url="postgresql://x@y/z",
                          time_limit=60, visibility_timeout=120, retries=2)
    task = make_app(fleet).tasks[TASK_NAME]
    assert task.max_retries is None
    task.push_request(retries=50, id="t", called_directly=False, is_eager=True)
    try:
        from celery.exceptions import Retry

        with pytest.raises(Retry):  # the 51st retry is still a retry, not MaxRetriesExceededError
            task.retry(args=["t", "a" * 64, "x", {}], countdown=5.0, max_retries=None)
    finally:
        task.pop_request()
