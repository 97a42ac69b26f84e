"""One machine, no idle core: `process` and `watch` read a burst of files through one shared
OCR pool (ingest/reader.ReadAhead), while each file is still stored and committed on its own.

The OCR job is a stand-in (tests/readahead_jobs.py): it sleeps as a page's OCR would and notes
when it ran and in which process, so the tests can see pages of different files read at the
same time. Read one file after another (the code before the shared pool), no two pages of
different files overlap and every one-page file is read in the calling process.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import readahead_jobs
from readahead_jobs import image, overlapping, ran
from test_watch_support import REPO, cli_env, files_under, store_runs

from dispatch_reader.ingest import pool
from dispatch_reader.ingest.reader import IngestSettings, ReadAhead
from dispatch_reader.pipeline import process_file
from dispatch_reader.store import open_store
from dispatch_reader.watch.claims import Claim
from dispatch_reader.watch.places import Places
from dispatch_reader.watch.watcher import Watcher, WatchSettings


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch):
    pool.shutdown()
    monkeypatch.setattr(pool, "run_job", readahead_jobs.slow_page)
    yield
    pool.shutdown()  # no later test may get a pool running the stand-in


def _burst(folder: Path, n: int, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [image(folder / f"scan{first + i:03d}.png", first + i) for i in range(n)]


def test_a_burst_of_one_page_files_is_read_in_parallel_and_stored_file_by_file(tmp_path: Path, fake_ocr):
    from dispatch_reader.claimed import process_claimed

    files = _burst(tmp_path / "in", 8)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    committed: list[int] = []
    with open_store(url) as store:
        for outcome in process_claimed(files, store, None, IngestSettings(cache_dir=None, workers=2)):
            committed.append(store.count_files())  # stored and committed before the next is handed out
            assert outcome.status == "done", outcome.error
    runs = ran(tmp_path / "in")
    assert sorted(r[3] for r in runs) == sorted(f.name for f in files)  # every page read once
    assert overlapping(runs), "no two files' pages were read at the same time"
    assert len({r[2] for r in runs}) == 2  # by both workers of the one pool
    assert committed == list(range(1, len(files) + 1))  # each file committed on its own, in order
    assert store_runs(url)["created"] == len(files)


def test_read_ahead_keeps_the_pool_busy_but_bounded(tmp_path: Path, fake_ocr):
    files = _burst(tmp_path / "in", 12)
    settings = IngestSettings(cache_dir=None, workers=2)
    with ReadAhead(settings) as ahead:
        started = 0
        while started < len(files) and ahead.room():
            ahead.start(files[started])
            started += 1
        assert 4 <= started <= ahead.max_files  # two pages per worker in hand, not the whole burst
        for path in files[:started]:
            assert len(ahead.take(path).pages) == 1
        assert ahead.room()


def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path, fake_ocr):
    from dispatch_reader.claimed import process_claimed

    files = _burst(tmp_path / "in", 6)
    crash = image(tmp_path / "in" / "crash.png", 99)
    files.insert(2, crash)  # read at the same time as its neighbours, in the same pool
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with open_store(url) as store:
        outcomes = {o.path.name: o for o in process_claimed(files, store, None,
                                                             IngestSettings(cache_dir=None, workers=2))}
        assert outcomes["crash.png"].status == "failed"
        assert "worker process died" in outcomes["crash.png"].error.reason
        assert all(o.status == "done" for name, o in outcomes.items() if name != "crash.png")
        assert store.count_files() == len(files) - 1


def test_process_killed_mid_burst_loses_nothing_and_reads_nothing_twice(tmp_path: Path):
    files = _burst(tmp_path / "in", 16)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    args = [sys.executable, str(REPO / "tests" / "readahead_jobs.py"), "process", str(tmp_path / "in"),
            "--db", url, "--out", str(tmp_path / "briefs"), "--workers", "2"]
    proc = subprocess.Popen(args, cwd=tmp_path, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while store_runs_or_zero(url) < 3:  # some files committed, others in the pool
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "no file stored in time"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    stored_before = store_runs_or_zero(url)
    assert stored_before < len(files)  # killed mid-burst
    again = subprocess.run(args, cwd=tmp_path, env=cli_env(), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    runs = store_runs(url)
    assert runs["created"] == len(files) and runs["replaced"] == 0 and runs["failed"] == 0, runs
    with open_store(url) as store:
        assert store.count_files() == len(files)


def store_runs_or_zero(url: str) -> int:
    try:
        return store_runs(url)["created"]
    except Exception:  # the store is being created by the run
        return 0


class Crash(BaseException):
    """Stands for SIGKILL: nothing catches it, nothing after the step runs."""


def _watcher(places: Places, store, settings: IngestSettings, step=None):  # noqa: ANN001
    from dispatch_reader.briefs.render import BriefWriter

    ahead = ReadAhead(settings)
    watcher = Watcher(places, store, lambda p: process_file(p, store, None, settings, ahead=ahead),
                      BriefWriter(places.outbox, fmt="md"), WatchSettings(settle=0, once=True, max_wait=0),
                      step=step, ahead=ahead)
    return watcher, ahead


def test_watch_reads_a_burst_through_the_shared_pool(tmp_path: Path, fake_ocr):
    places = Places.make(tmp_path / "inbox")
    places.ensure()
    files = _burst(places.inbox, 8)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    in_processing: list[int] = []

    def step(at: str, claim: Claim) -> None:
        if at == "read":
            in_processing.append(len(list(places.processing.glob("*.claim.json"))))

    with open_store(url) as store:
        watcher, ahead = _watcher(places, store, IngestSettings(cache_dir=None, workers=2), step)
        try:
            report = watcher.run()
        finally:
            ahead.close()
    assert report.counts["done"] == len(files)
    runs = ran(places.processing)  # the pages were read from the copies in processing/
    assert len(runs) == len(files)
    assert overlapping(runs), "no two files' pages were read at the same time"
    assert max(in_processing) > 1  # several files claimed and being read at once
    assert len(files_under(places.archive)) == len(files)
    assert store_runs(url)["created"] == len(files)


@pytest.mark.parametrize("step", ["claimed", "decided", "read", "stored", "placed"])
def test_watch_killed_mid_burst_finishes_every_file_once(tmp_path: Path, fake_ocr, step: str):
    places = Places.make(tmp_path / "inbox")
    places.ensure()
    files = _burst(places.inbox, 7)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    settings = IngestSettings(cache_dir=None, workers=2)

    def crash(at: str, claim: Claim) -> None:
        if at == step and claim.name == "scan003.png":  # other files claimed and reading by now
            raise Crash(at)

    with open_store(url) as store:
        watcher, ahead = _watcher(places, store, settings, crash)
        try:
            with pytest.raises(Crash):
                watcher.run()
        finally:
            ahead.close()
        assert store.count_files() < len(files)
        watcher, ahead = _watcher(places, store, settings)  # the restart
        try:
            watcher.run()
        finally:
            ahead.close()
        assert store.count_files() == len(files)
    assert files_under(places.processing) == []
    assert sorted(p.name for p in files_under(places.archive)) == sorted(f.name for f in files)
    assert [p for p in places.inbox.iterdir() if p.is_file() and not p.name.startswith(".")] == []
    runs = store_runs(url)
    assert runs["created"] == len(files) and runs["replaced"] == 0, runs  # each stored once, never twice
