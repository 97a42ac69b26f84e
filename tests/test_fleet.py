"""Issue 14, many machines: the Celery + Redis worker fleet (dispatch_reader/fleet).

The big test runs the real thing on this machine: a redis-server on 127.0.0.1 (a free port,
a temporary folder), a throwaway PostgreSQL database, two `dispatch-reader worker` processes
and `batch --queue`; it kills one worker's reading process, and then one whole worker, with
SIGKILL while they are mid-document, and checks that every good document is stored exactly
once, the broken ones are dead letters with their reasons, and nothing is left queued.
Skipped only where redis-server or PostgreSQL is missing outside CI (.ci/run sets
DISPATCH_READER_REQUIRE_PG=1: there they must run).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest
from store_fixtures import pg_server_url  # noqa: F401  (pytest fixture)
from test_watch_support import _NAMES, _TEXT, cli_env, document_bytes, run_cli, sha256_bytes, wait_for

import pg_server
from dispatch_reader.errors import ExitCode

QUEUE_ENV = {"DISPATCH_READER_QUEUE_TIME_LIMIT": "20", "DISPATCH_READER_QUEUE_VISIBILITY_TIMEOUT": "26",
             "DISPATCH_READER_QUEUE_RETRIES": "2"}


def _required(why: str) -> None:
    if os.environ.get(pg_server.ENV_REQUIRE) == "1":
        pytest.fail(f"required in CI ({pg_server.ENV_REQUIRE}=1) but unavailable: {why}")
    pytest.skip(why)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of our own on 127.0.0.1 and a free port; its URL (without the db number)."""
    exe = shutil.which("redis-server")
    if exe is None:
        _required("no redis-server (Debian package redis-server; `make` installs it)")
    folder = tmp_path_factory.mktemp("redis")
    port = _free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        wait_for(lambda: _pings(client), 30, "redis-server to answer", interval=0.1)
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _pings(client: Any) -> bool:
    import redis

    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


@pytest.fixture
def broker(redis_server: str) -> str:
    import redis

    redis.Redis.from_url(redis_server + "/0").flushall()
    return redis_server + "/0"


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    server, why = request.getfixturevalue("pg_server_url")
    if not server:
        _required(f"no PostgreSQL server: {why}")
    url = pg_server.create_database(server)
    try:
        yield url
    finally:
        pg_server.drop_database(server, url)


def _long_pdf(n: int) -> bytes:
    """A ~40-page born-digital decision: long enough (a second or more, text layers are read at
    ~100 pages/s now) to be killed mid-document."""
    from dispatch_reader.synth import render_text_pdf

    body = "\n".join(f"Điều {k}. Biệt phái ông Nguyễn Văn {_NAMES[k % 13]} đến công tác tại UBND xã Phú Thọ số "
                     f"{k}." for k in range(2, 1600))
    return render_text_pdf(_TEXT.format(n=500 + n, day=1 + n, name=_NAMES[n % 13]) + body)


def _blank_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.showPage()
    c.save()
    return buf.getvalue()


def _archive(root: Path, short: int, long: int) -> tuple[set[str], set[str], dict[str, str]]:
    """(SHA-256s of the good documents, of the long ones among them, broken file → what its
    reason must say)."""
    good, slow = set(), set()
    for i in range(short):
        data = document_bytes(i)
        (root / f"Quyết định {i:02d}.pdf").write_bytes(data)
        good.add(sha256_bytes(data))
    for i in range(long):
        data = _long_pdf(i)
        (root / f"dài {i}.pdf").write_bytes(data)
        good.add(sha256_bytes(data))
        slow.add(sha256_bytes(data))
    bad = root / "rác"
    bad.mkdir()
    (bad / "văn bản.pdf").write_text("không phải PDF", "utf-8")
    (bad / "cut.pdf").write_bytes(document_bytes(99)[:700])
    (bad / "noise.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(300))
    (bad / "trắng.pdf").write_bytes(_blank_pdf())
    broken = {"văn bản.pdf": "not a PDF", "cut.pdf": "truncated", "noise.jpg": "", "trắng.pdf": "no readable text"}
    return good, slow, broken


class Worker:
    """`dispatch-reader worker` in a session of its own (so the whole worker can be killed)."""

    def __init__(self, name: str, broker: str, spool: Path, db: str, log: Path,
                 queue_env: dict[str, str] | None = None) -> None:
        env = cli_env()
        env.update(queue_env or QUEUE_ENV)
        self.name = name
        self.log = log
        self._fh = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "dispatch_reader", "worker", "--queue", broker, "--spool", str(spool), "--db", db,
             "-j", "1", "-n", f"{name}@%h"], env=env, stdout=self._fh, stderr=subprocess.STDOUT, start_new_session=True)

    def ready(self) -> bool:
        return f"{self.name}@" in self.log.read_text(errors="replace") and " ready." in self.log.read_text(
            errors="replace")

    def kill_all(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.kill_all()
        self._fh.close()


def _rows(db: str) -> list[Any]:
    from sqlalchemy import create_engine, select

    from dispatch_reader.store.models import QueueTask

    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(QueueTask.__table__)).all())
    finally:
        engine.dispose()


def _running_long(db: str, worker: str, slow: set[str], but: set[str]) -> Any | None:
    for row in _rows(db):
        if row.state == "running" and (row.worker or "").startswith(worker + "@") and row.sha256 in slow \
                and row.id not in but:
            return row
    return None


def _wait_running_long(db: str, worker: str, slow: set[str], but: set[str]) -> Any:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        row = _running_long(db, worker, slow, but)
        if row is not None:
            return row
        time.sleep(0.01)
    raise AssertionError(f"timed out after 120 s waiting for {worker} to read a long document")


def test_two_workers_one_killed_every_document_stored_once(tmp_path: Path, broker: str, pg_url: str) -> None:
    from sqlalchemy import create_engine, func, select

    from dispatch_reader.store.models import File, ProcessingRun

    archive, spool = tmp_path / "archive", tmp_path / "spool"
    archive.mkdir()
    spool.mkdir()
    good, slow, broken = _archive(archive, short=30, long=6)
    assert len(good) + len(broken) == 40
    # Worker B starts only once A holds its second long document: with both drawing from the
    # start, A could end without a second one and the whole-worker kill went untried (it
    # happened once in CI).
    workers = [Worker("wA", broker, spool, pg_url, tmp_path / "wA.log")]
    batch = None
    try:
        wait_for(workers[0].ready, 90, "worker wA to start", interval=0.2)
        env = cli_env()
        env.update(QUEUE_ENV)
        batch = subprocess.Popen([sys.executable, "-m", "dispatch_reader", "batch", str(archive), "--queue", broker,
                                  "--spool", str(spool), "--db", pg_url, "--failures", str(tmp_path / "fails.csv")],
                                 env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # 1. worker A's reading process killed mid-document: its message goes back at once
        #    (reject_on_worker_lost) and the document is read again
        killed: list[str] = []
        row = _wait_running_long(pg_url, "wA", slow, set())
        os.kill(int(row.worker.rsplit(":", 1)[1]), signal.SIGKILL)
        killed.append(row.id)
        # 2. the whole of worker A killed mid-document: its message comes back after the
        #    visibility timeout, through worker B
        row = _wait_running_long(pg_url, "wA", slow, set(killed))
        workers.append(Worker("wB", broker, spool, pg_url, tmp_path / "wB.log"))
        workers[0].kill_all()
        killed.append(row.id)
        wait_for(workers[1].ready, 90, "worker wB to start", interval=0.2)
        out, err = batch.communicate(timeout=240)
    finally:
        if batch is not None and batch.poll() is None:
            batch.kill()
        for w in workers:
            w.stop()
    assert batch.returncode == ExitCode.FILES_FAILED, err[-3000:]
    rows = _rows(pg_url)
    assert len(rows) == 40
    states = Counter(r.state for r in rows)
    assert states["done"] + states["skipped"] == 36 and states["failed"] == 4, states  # nothing left queued
    by_id = {r.id: r for r in rows}
    for task_id in killed:
        assert by_id[task_id].lost >= 1 and by_id[task_id].deliveries >= 2, by_id[task_id]
        assert by_id[task_id].state in ("done", "skipped")
    assert len(killed) == 2, "worker A never read a second long document: the whole-worker kill was not tried"
    # every good document stored exactly once: one file row, one "created" run, none replaced
    engine = create_engine(pg_url)
    try:
        with engine.connect() as conn:
            files = Counter(conn.execute(select(File.sha256)).scalars())
            runs = Counter((r.sha256, r.status) for r in conn.execute(select(ProcessingRun.sha256,
                                                                             ProcessingRun.status)))
            dead = conn.execute(select(func.count()).select_from(ProcessingRun)
                                .where(ProcessingRun.status == "dead_letter")).scalar_one()
    finally:
        engine.dispose()
    assert set(files) == good and set(files.values()) == {1}
    assert {sha for (sha, status) in runs if status == "created"} == good
    assert all(n == 1 for (sha, status), n in runs.items() if status == "created")
    assert not any(status == "replaced" for (_sha, status) in runs)
    assert dead == 4
    # the broken ones: failed with their reasons, in the batch's output and in the CSV
    failed = {r.file_name: r for r in rows if r.state == "failed"}
    assert set(failed) == set(broken)
    for name, words in broken.items():
        assert failed[name].reason and words in failed[name].reason, failed[name]
        assert name in out
    # nothing left in the broker: no message waiting, none held unacknowledged
    import redis

    client = redis.Redis.from_url(broker)
    assert client.llen("dispatch-reader") == 0
    assert client.hlen("unacked") == 0
    assert not list(p for p in spool.rglob("*") if p.is_file())  # the spool emptied as documents ended
    # --status and db history tell the same
    status = run_cli("batch", str(archive), "--queue", broker, "--db", pg_url, "--status", cwd=tmp_path)
    assert status.returncode == 0, status.stderr
    assert "dead letters (4)" in status.stdout and "truncated" in status.stdout
    history = run_cli("db", "history", "--db", pg_url, "--limit", "0", cwd=tmp_path)
    assert history.stdout.count("dead_letter") == 4


def test_watch_feeds_the_fleet_and_files_each_document_away(tmp_path: Path, broker: str, pg_url: str) -> None:
    inbox, spool = tmp_path / "inbox", tmp_path / "spool"
    inbox.mkdir()
    spool.mkdir()
    for i in range(3):
        (inbox / f"Công văn {i}.pdf").write_bytes(document_bytes(200 + i))
    (inbox / "hỏng.pdf").write_text("không phải PDF", "utf-8")  # (a cut PDF would wait out --max-wait)
    worker = Worker("wW", broker, spool, pg_url, tmp_path / "w.log")
    try:
        wait_for(worker.ready, 90, "the worker to start", interval=0.2)
        result = run_cli("watch", str(inbox), "--queue", broker, "--spool", str(spool), "--db", pg_url, "--once",
                         "--settle", "0.2", cwd=tmp_path, timeout=180)
    finally:
        worker.stop()
    assert result.returncode == ExitCode.FILES_FAILED, result.stderr[-2000:]
    archived = sorted(p.name for p in (inbox / "archive").rglob("*.pdf"))
    assert archived == [f"Công văn {i}.pdf" for i in range(3)]
    assert (inbox / "failed" / "hỏng.pdf").exists()
    assert "not a PDF" in (inbox / "failed" / "hỏng.pdf.error.txt").read_text("utf-8")
    assert not list(inbox.glob("*.pdf")) and not list((inbox / "processing").iterdir())
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert Counter(parts[2] for parts in lines) == {"done": 3, "failed": 1}
    assert len([r for r in _rows(pg_url) if r.state == "done"]) == 3


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The CLI in this process (quick: no interpreter start per command); state undone after."""
    from typer.testing import CliRunner

    from dispatch_reader import config, console
    from dispatch_reader.cli import app

    saved = dict(os.environ)
    monkeypatch.setattr(config, "_chosen", None)

    def run(*args: str) -> Any:
        return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "300"})

    yield run
    os.environ.clear()
    os.environ.update(saved)
    console.set_quiet(False)


def test_refusals_are_one_line_with_their_exit_codes(tmp_path: Path, cli: Any) -> None:
    archive, spool = tmp_path / "archive", tmp_path / "spool"
    archive.mkdir()
    spool.mkdir()
    (archive / "a.pdf").write_bytes(document_bytes(1))
    closed = f"redis://127.0.0.1:{_free_port()}/0"
    sqlite = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    pg = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"

    r = cli("batch", archive, "--queue", closed, "--spool", spool, "--db", sqlite)
    assert r.exit_code == ExitCode.USAGE and "PostgreSQL" in r.output and len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "db.sqlite3").exists()
    r = cli("worker", "--queue", closed, "--spool", spool, "--db", sqlite)
    assert r.exit_code == ExitCode.USAGE and "SQLite" in r.output
    r = cli("watch", archive, "--queue", closed, "--spool", spool, "--db", sqlite, "--once")
    assert r.exit_code == ExitCode.USAGE and "PostgreSQL" in r.output
    r = cli("batch", archive, "--queue", closed, "--spool", tmp_path / "nope", "--db", pg)
    assert r.exit_code == ExitCode.QUEUE and "spool" in r.output
    r = cli("batch", archive, "--queue", closed, "--spool", spool, "--db", pg)
    assert r.exit_code == ExitCode.QUEUE and "cannot reach the queue" in r.output
    r = cli("batch", archive, "--queue", "http://example/", "--spool", spool, "--db", pg)
    assert r.exit_code == ExitCode.USAGE and "Redis URL" in r.output
    r = cli("batch", archive, "--status", "--db", pg)
    assert r.exit_code == ExitCode.USAGE and "--queue" in r.output
    # a visibility timeout shorter than the slowest document could hand one document to two workers
    os.environ.update({"DISPATCH_READER_QUEUE_TIME_LIMIT": "100", "DISPATCH_READER_QUEUE_VISIBILITY_TIMEOUT": "50"})
    r = cli("worker", "--queue", closed, "--spool", spool, "--db", pg)
    assert r.exit_code == ExitCode.CONFIG and "queue_visibility_timeout" in r.output
    assert list(spool.iterdir()) == []  # nothing was sent anywhere
    assert not list(archive.glob("processing"))  # the watcher took nothing either


def test_spool_is_content_addressed_and_checked(tmp_path: Path) -> None:
    from dispatch_reader.fleet import spool

    root = tmp_path / "spool"
    root.mkdir()
    data = document_bytes(5)
    sha = sha256_bytes(data)
    (tmp_path / "a.PDF").write_bytes(data)
    (tmp_path / "b.pdf").write_bytes(data)
    name = spool.put(tmp_path / "a.PDF", root, sha)
    assert name == f"{sha[:2]}/{sha}.pdf" and spool.put(tmp_path / "b.pdf", root, sha) == name
    assert [p.name for p in root.rglob("*") if p.is_file()] == [f"{sha}.pdf"]
    out = tmp_path / "out"
    out.mkdir()
    got = spool.fetch(root, name, sha, out, "Quyết định 5.pdf")
    assert got.name == "Quyết định 5.pdf" and got.read_bytes() == data
    (root / name).write_bytes(data[:-10])  # a damaged copy is never read
    got.unlink()
    with pytest.raises(spool.SpoolError, match="not the file queued"):
        spool.fetch(root, name, sha, out, "x.pdf")
    with pytest.raises(spool.SpoolError, match="not in the spool"):
        spool.fetch(root, "00/" + "0" * 64 + ".pdf", "0" * 64, out, "x.pdf")
    with pytest.raises(Exception, match="changed while it was being queued"):
        spool.put(tmp_path / "b.pdf", root, "f" * 64)


def test_spool_outage_is_retried_then_a_dead_letter_and_a_database_outage_waits(tmp_path: Path, pg_url: str) -> None:
    from dispatch_reader.fleet import tasks, work
    from dispatch_reader.fleet.settings import FleetSettings
    from dispatch_reader.store import open_store

    root = tmp_path / "spool"
    root.mkdir()
    fleet = FleetSettings(broker="redis://127.0.0.1:1/0", spool=root, db_url=pg_url, time_limit=60,
                          visibility_timeout=120, retries=2)
    sha = "a" * 64
    with open_store(pg_url) as store:
        with store._write() as conn:
            tasks.add(conn, id="t1", batch="b", label="l", sha256=sha, file_name="mất.pdf", source="/x/mất.pdf",
                      spool_name=f"aa/{sha}.pdf")
        for n in range(2):  # the spool file is not there: wait and try again, twice
            result = work.handle(fleet, "t1", sha, f"aa/{sha}.pdf", {}, attempt=n)
            assert isinstance(result, work.Later) and "not in the spool" in result.reason
            task = tasks.get(store, "t1")
            assert task is not None and task.state == "queued" and task.retries == n + 1 and task.lost == 0
        assert work.handle(fleet, "t1", sha, f"aa/{sha}.pdf", {}, attempt=2) == "failed"
        task = tasks.get(store, "t1")
        assert task is not None and task.kind == "spool" and "after 3 tries" in (task.reason or "")
        history = store.history(sha)
        assert [h.status for h in history] == ["dead_letter"] and "not in the spool" in (history[0].error or "")
        # a second message for a finished task changes nothing
        assert work.handle(fleet, "t1", sha, f"aa/{sha}.pdf", {}, attempt=0) == "failed"
        assert len(store.history(sha)) == 1
    away = FleetSettings(broker=fleet.broker, spool=root, db_url="postgresql+psycopg://nobody@127.0.0.1:1/nothing",
                         time_limit=60, visibility_timeout=120, retries=2)
    result = work.handle(away, "t2", sha, f"aa/{sha}.pdf", {}, attempt=3)
    assert isinstance(result, work.Later) and 30 <= result.countdown <= 60  # backoff: 5 s doubling, with jitter


def test_a_document_over_the_time_limit_is_a_dead_letter(tmp_path: Path, broker: str, pg_url: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.synth import render_text_pdf, scan_pdf

    archive, spool = tmp_path / "archive", tmp_path / "spool"
    archive.mkdir()
    spool.mkdir()
    body = "\n".join(f"Điều {k}. Biệt phái ông Nguyễn Văn {_NAMES[k % 13]} đến công tác tại UBND xã Phú Thọ số {k}."
                     for k in range(2, 420))
    # some 16 scanned pages: OCR takes a second of CPU a page or more on any machine, far over a
    # 1 s limit (a text layer is read too fast now to be over any limit worth setting)
    scan = scan_pdf(render_text_pdf(_TEXT.format(n=777, day=7, name="Long") + body), seed=7)
    (archive / "dài quá.pdf").write_bytes(scan)
    limits = {"DISPATCH_READER_QUEUE_TIME_LIMIT": "1", "DISPATCH_READER_QUEUE_VISIBILITY_TIMEOUT": "9"}
    for k, v in limits.items():
        monkeypatch.setitem(QUEUE_ENV, k, v)
        monkeypatch.setenv(k, v)
    worker = Worker("wT", broker, spool, pg_url, tmp_path / "w.log")
    try:
        wait_for(worker.ready, 90, "the worker to start", interval=0.2)
        r = run_cli("batch", str(archive), "--queue", broker, "--spool", str(spool), "--db", pg_url, cwd=tmp_path,
                    timeout=180)
    finally:
        worker.stop()
    assert r.returncode == ExitCode.FILES_FAILED, r.stderr[-2000:]
    (row,) = _rows(pg_url)
    assert row.state == "failed" and row.kind == "limit" and "time limit of 1 s" in row.reason
    assert "time limit" in r.stdout


def test_a_document_that_keeps_killing_its_worker_is_given_up(tmp_path: Path, pg_url: str) -> None:
    from dispatch_reader.fleet import tasks, work
    from dispatch_reader.fleet.settings import FleetSettings
    from dispatch_reader.store import open_store

    fleet = FleetSettings(broker="redis://127.0.0.1:1/0", spool=tmp_path, db_url=pg_url, time_limit=60,
                          visibility_timeout=120, retries=2)
    sha = "b" * 64
    with open_store(pg_url) as store:
        with store._write() as conn:
            tasks.add(conn, id="p1", batch="b", label="l", sha256=sha, file_name="độc.pdf", source="/x/độc.pdf",
                      spool_name=f"bb/{sha}.pdf")
        first = tasks.start(store, "p1", "w:1")
        assert first is not None and first.lost == 0 and first.deliveries == 1
        # a delivery that ended cleanly while the database was away is not a death
        again = tasks.start(store, "p1", "w:1", clean_after=1)
        assert again is not None and again.lost == 0 and again.deliveries == 2
        for n in (1, 2):  # two deliveries that died mid-document (the row still said running)
            died = tasks.start(store, "p1", "w:1")
            assert died is not None and died.lost == n
        assert work.handle(fleet, "p1", sha, f"bb/{sha}.pdf", {}) == "failed"  # the third death: given up
        task = tasks.get(store, "p1")
        assert task is not None and task.kind == "crashed" and "died on this document 3 times" in (task.reason or "")
        assert [h.status for h in store.history(sha)] == ["dead_letter"]


def test_the_broker_carries_no_document_text_nor_file_name(tmp_path: Path, broker: str, pg_url: str) -> None:
    import base64
    import json

    import redis

    from dispatch_reader.fleet.app import make_app
    from dispatch_reader.fleet.enqueue import Enqueuer
    from dispatch_reader.fleet.settings import FleetSettings
    from dispatch_reader.store import open_store

    spool = tmp_path / "spool"
    spool.mkdir()
    doc = tmp_path / "Quyết định bí mật.pdf"
    data = document_bytes(42)
    doc.write_bytes(data)
    fleet = FleetSettings(broker=broker, spool=spool, db_url=pg_url, time_limit=60, visibility_timeout=120, retries=2)
    with open_store(pg_url) as store:
        sent = Enqueuer(fleet, store, make_app(fleet), batch="b", label="l").send(doc)
        again = Enqueuer(fleet, store, make_app(fleet), batch="b2", label="l").send(doc)
    assert sent.status == "queued" and again.status == "pending"  # not sent twice
    (raw,) = redis.Redis.from_url(broker).lrange("dispatch-reader", 0, -1)  # no worker: still waiting
    message = json.loads(raw)
    body = base64.b64decode(message["body"]).decode()
    args = json.loads(body)[0]
    assert args == [sent.task_id, sha256_bytes(data), f"{sha256_bytes(data)[:2]}/{sha256_bytes(data)}.pdf", {}]
    text = raw.decode("utf-8", "replace") + body
    for words in ("Quyết", "bí mật", "Biệt phái", "UBND", "Sơn La"):
        assert words not in text
    assert (spool / args[2]).read_bytes() == data
