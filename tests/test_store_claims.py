"""Issue 13 item 11: runs at once on overlapping folders read each file once (claims in the store)."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from _ingest_make import letter_pdf
from dispatch_reader.store import open_store
from dispatch_reader.store.claims import Claims, _claims


@pytest.fixture()
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/claims.sqlite3"


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _plant(store, sha: str, owner: str, expires: dt.datetime) -> None:  # noqa: ANN001
    now = dt.datetime.now(dt.timezone.utc)
    with store._write() as conn:
        conn.execute(_claims.insert().values(sha256=sha, owner=owner, claimed_at=now, expires_at=expires))


def test_a_live_claim_is_respected_and_released(url: str) -> None:
    with open_store(url) as store:
        a, b = Claims(store), Claims(store)
        assert a.take("f" * 64)
        assert not b.take("f" * 64) and b.held_by_other("f" * 64)
        a.release("f" * 64)
        assert b.take("f" * 64)


def test_stale_claims_are_taken_over(url: str) -> None:
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)
    with open_store(url) as store:
        _plant(store, "a" * 64, f"{socket.gethostname()}:{_dead_pid()}:dead", later)  # this host, pid gone
        _plant(store, "b" * 64, "other-host:1:old", dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1))
        _plant(store, "c" * 64, "other-host:1:busy", later)  # another host, still in time
        mine = Claims(store)
        assert mine.take("a" * 64) and mine.take("b" * 64)
        assert not mine.take("c" * 64)


def test_two_runs_on_the_same_folder_read_each_file_once(tmp_path: Path, url: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.claimed import process_claimed
    from dispatch_reader.ingest import reader
    from dispatch_reader.ingest.reader import IngestSettings

    files = [letter_pdf(tmp_path / f"d{i}.pdf", body=[f"Văn bản số {i}"]) for i in range(4)]
    reads: list[Path] = []
    real = reader._Reading.prepare

    def slow_read(self):  # noqa: ANN001, ANN202  (every reading of a file starts here)
        reads.append(Path(self.path))
        time.sleep(0.3)  # reading takes time: the other run reaches the same file meanwhile
        return real(self)

    monkeypatch.setattr(reader._Reading, "prepare", slow_read)
    settings = IngestSettings(cache_dir=None, workers=1)
    open_store(url).close()  # migrated once, before the runs start
    results: dict[int, list[str]] = {}

    def run(n: int, order: list[Path]) -> None:
        with open_store(url) as store:
            results[n] = [o.status for o in process_claimed(order, store, None, settings)]

    runs = [threading.Thread(target=run, args=(0, files)), threading.Thread(target=run, args=(1, files[::-1])),
            threading.Thread(target=run, args=(2, files[1:] + files[:1]))]
    for t in runs:
        t.start()
    for t in runs:
        t.join(60)
    assert sorted(reads) == sorted(files)  # each file read exactly once, by one of the runs
    assert sum(s == "done" for r in results.values() for s in r) == len(files)
    assert all(s in ("done", "skipped") for r in results.values() for s in r)
    with open_store(url) as store:
        assert store.count_files() == len(files)
        with store._read() as conn:
            assert conn.execute(_claims.select()).first() is None  # every claim released


def test_a_file_stored_between_the_look_and_the_claim_is_not_read_again(tmp_path: Path, url: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The race behind a flaky run: this run looks (not stored), the other run commits the file
    and lets its claim go, then this run's claim succeeds. It must look again, not read."""
    from dispatch_reader.claimed import process_claimed
    from dispatch_reader.ingest import reader
    from dispatch_reader.ingest.reader import IngestSettings
    from dispatch_reader.pipeline import process_file

    path = letter_pdf(tmp_path / "d.pdf", body=["Văn bản số 1"])
    settings = IngestSettings(cache_dir=None, workers=1)
    with open_store(url) as store:
        assert process_file(path, store, None, settings).status == "done"  # the other run's work
        real_has = type(store).has
        looks: list[str] = []

        def first_look_misses(self, sha: str) -> bool:  # noqa: ANN001
            looks.append(sha)
            return False if len(looks) == 1 else real_has(self, sha)

        reads: list[Path] = []
        real_prepare = reader._Reading.prepare

        def counted(self):  # noqa: ANN001, ANN202
            reads.append(Path(self.path))
            return real_prepare(self)

        monkeypatch.setattr(type(store), "has", first_look_misses)
        monkeypatch.setattr(reader._Reading, "prepare", counted)
        outcomes = list(process_claimed([path], store, None, settings))
        assert [o.status for o in outcomes] == ["skipped"]
        assert reads == [] and len(looks) >= 2
        with store._read() as conn:
            assert conn.execute(_claims.select()).first() is None
