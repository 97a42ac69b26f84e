"""The worker fleet: measured throughput with 1 and 2 local workers, and a model for N machines.

    .venv/bin/python bench/fleet.py [--scans 6] [--tiny 40] [--cores 2] [--db-cores 8] [--pages-per-doc 2]

Starts its own redis-server (127.0.0.1, a free port) and, unless --pg URL is given, a
throwaway PostgreSQL server (tests/pg_server.py); every run gets a fresh database, no OCR cache.

Measured, on this machine:
1. per-page cost: the scanned samples (samples/*.scan.pdf) read one after another by
   pipeline.process_file in one process, into PostgreSQL: seconds per page;
2. throughput of the fleet on the same scans with 1 and 2 `dispatch-reader worker` processes
   (`-j 1` each; documents sent by the enqueuer once the workers are up, wall time until the
   last one is stored);
3. per-document overhead of the queue: `--tiny` one-page born-digital documents through one
   worker, against the same documents read locally; the difference per document is what the
   queue adds (enqueue, spool copy in and out, broker round trip, claim, task rows, ack);
4. what one document costs the shared services: Redis commands (INFO total_commands_processed)
   and PostgreSQL transactions (pg_stat_database) per document, the time of those writes on one
   connection, and redis-benchmark's commands per second.

The model: a machine with k cores runs k worker processes, each reading one document at a
time: per document, pages × per-page cost + queue overhead, times the measured 1→2 worker
scaling. N machines scale N-fold until a shared service saturates: the broker at
(redis-benchmark commands/s) / (commands per document), the database at (--db-cores) × 1000 /
(database server CPU ms per document; without the server's own figure, the
one-connection time). Prints tables; asserts nothing. Runs on shared cores: read the
figures as a comparison, not a promise.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

os.environ["DISPATCH_READER_NO_CACHE"] = "1"  # every page OCRed, here and in the workers
WORKING_DAY_MIN = 8 * 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    exe = shutil.which("redis-server")
    if exe is None:
        sys.exit("redis-server is missing (apt-get install redis-server; `make` installs it)")
    port = _free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder), "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return proc, port
        except redis.RedisError:
            time.sleep(0.1)
    sys.exit("redis-server did not answer")


def scans(limit: int) -> list[tuple[Path, int]]:
    import pypdfium2 as pdfium

    out = []
    for f in sorted((ROOT / "samples").glob("*.scan.pdf"))[:limit]:
        out.append((f, len(pdfium.PdfDocument(str(f)))))
    return out


def tiny(folder: Path, n: int, start: int = 0) -> None:
    from test_watch_support import document_bytes

    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"Quyết định {i}.pdf").write_bytes(document_bytes(i))


def local(paths: list[Path], db: str) -> tuple[float, int]:
    """(seconds, pages): process_file one after another in this process, after one warm-up file."""
    from dispatch_reader import config
    from dispatch_reader.pipeline import process_file
    from dispatch_reader.store import open_store

    settings = config.load().ingest(workers=1)
    with open_store(db) as store:
        warm = Path(tempfile.mkdtemp()) / "warm.pdf"
        tiny(warm.parent, 1, start=9000)
        process_file(next(warm.parent.glob("*.pdf")), store, None, settings)
        t, pages = time.perf_counter(), 0
        for p in paths:
            outcome = process_file(p, store, None, settings)
            pages += outcome.record.source.page_count if outcome.record else 0
        return time.perf_counter() - t, pages


class Fleet:
    """n `dispatch-reader worker -j 1` processes on this machine."""

    def __init__(self, n: int, broker: str, spool: Path, db: str, logs: Path) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = str(ROOT)
        self.procs = []
        self.logs = [logs / f"worker-{i}.log" for i in range(n)]
        for i in range(n):
            fh = self.logs[i].open("w")
            self.procs.append(subprocess.Popen(
                [sys.executable, "-m", "dispatch_reader", "-q", "worker", "--queue", broker, "--spool", str(spool),
                 "--db", db, "-j", "1", "-n", f"bench{i}@%h"], env=env, stdout=fh, stderr=subprocess.STDOUT,
                start_new_session=True))
        time.sleep(1.0)

    def stop(self) -> None:
        for p in self.procs:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in self.procs:
            try:
                p.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def send_and_wait(folder: Path, broker: str, spool: Path, db: str) -> tuple[float, float, int, int]:
    """(wall seconds until the last document ended, enqueue seconds, pages, documents)."""
    from sqlalchemy import func, select

    from dispatch_reader.fleet import tasks
    from dispatch_reader.fleet.app import make_app
    from dispatch_reader.fleet.enqueue import Enqueuer, new_batch_id
    from dispatch_reader.fleet.settings import resolve
    from dispatch_reader.store import open_store
    from dispatch_reader.store.models import QueueTask
    from dispatch_reader.watch.walk import iter_documents

    fleet = resolve(broker, spool, db)
    app = make_app(fleet)
    with open_store(db) as store:
        batch = new_batch_id()
        enq = Enqueuer(fleet, store, app, batch=batch, label=str(folder))
        t0 = time.perf_counter()
        sent = sum(enq.send(p).status == "queued" for p in iter_documents([folder]))
        t_enqueue = time.perf_counter() - t0
        q = QueueTask.__table__
        while True:
            with store._read() as conn:
                left = conn.execute(select(func.count()).select_from(q).where(
                    q.c.batch == batch, q.c.state.in_(tasks.PENDING))).scalar_one()
            if not left:
                break
            time.sleep(0.25)
        wall = time.perf_counter() - t0
        c = tasks.counts(store, [batch])[0]
        if c.failed:
            print(f"warning: {c.failed} document(s) failed in the fleet", file=sys.stderr)
        return wall, t_enqueue, c.pages, sent


def pg_commits(db: str) -> int:
    import psycopg

    name = db.rpartition("/")[2]
    with psycopg.connect(db.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute("SELECT pg_stat_force_next_flush()")
        return int(conn.execute("SELECT xact_commit FROM pg_stat_database WHERE datname = %s", (name,)).fetchone()[0])


def redis_commands(port: int) -> int:
    import redis

    return int(redis.Redis(port=port).info("stats")["total_commands_processed"])


def pg_cpu_seconds(server: Any) -> float | None:
    """CPU time used so far by the throwaway PostgreSQL server's processes (postmaster and its
    backends), from /proc; None for a server elsewhere."""
    if server is None or server.dir is None:
        return None
    try:
        pm = int((server.dir / "data" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == pm or int(fields[1]) == pm:
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def db_ms_per_doc(db: str, n: int, server: Any = None) -> tuple[float, float | None]:
    """The database work of one queued document on one connection: the record's save plus the
    fleet's own writes (task row added, claim taken, row started, row finished, claim released);
    (wall ms per document, the server's CPU ms per document or None)."""
    from dispatch_reader import config
    from dispatch_reader.fleet import tasks
    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.pipeline import EXTRACTOR_VERSION, build_record
    from dispatch_reader.store import open_store
    from dispatch_reader.store.claims import Claims

    folder = Path(tempfile.mkdtemp())
    tiny(folder, n, start=5000)
    settings = config.load().ingest(workers=1)
    read = [(p, read_document(p, settings)) for p in sorted(folder.glob("*.pdf"))]
    records = [(build_record(p, d), [pg.text for pg in d.pages]) for p, d in read]
    with open_store(db) as store:
        claims = Claims(store)
        store.count()  # the connection (and its server process) up before the clocks start
        cpu0 = pg_cpu_seconds(server)
        t = time.perf_counter()
        for i, (r, texts) in enumerate(records):
            sha = r.source.sha256
            with store._write() as conn:
                tasks.add(conn, id=f"bench{i}", batch="bench", label="bench", sha256=sha, file_name="x.pdf",
                          source="x", spool_name="x")
            claims.take(sha)
            task = tasks.start(store, f"bench{i}", "bench")
            store.has(sha)
            store.save(r, page_texts=texts, extractor_version=EXTRACTOR_VERSION)
            assert task is not None
            tasks.finish(store, task, "done", pages=1)
            claims.release(sha)
        wall = 1000 * (time.perf_counter() - t) / n
        cpu1 = pg_cpu_seconds(server)
        return wall, (1000 * (cpu1 - cpu0) / n if cpu0 is not None and cpu1 is not None else None)


def redis_ops_per_second(port: int) -> float | None:
    exe = shutil.which("redis-benchmark")
    if exe is None:
        return None
    out = subprocess.run([exe, "-p", str(port), "-q", "-n", "100000", "-c", "20", "-t", "lpush,rpop,hset,publish"],
                         capture_output=True, text=True, timeout=300).stdout
    rates = []
    for line in out.replace("\r", "\n").splitlines():
        if "requests per second" in line:
            rates.append(float(line.split(":")[1].split("requests")[0].strip()))
    return sum(rates) / len(rates) if rates else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scans", type=int, default=6, help="scanned samples to read (whole files)")
    ap.add_argument("--tiny", type=int, default=40, help="one-page born-digital documents for the queue overhead")
    ap.add_argument("--cores", type=int, default=2, help="cores (worker processes) per machine in the model")
    ap.add_argument("--db-cores", type=int, default=8, help="cores of the PostgreSQL server in the model")
    ap.add_argument("--pages-per-doc", type=float, default=None,
                    help="pages of an average archive document (default: the scans' mean)")
    ap.add_argument("--pg", default=None, help="a PostgreSQL server URL to create databases on")
    args = ap.parse_args()

    import pg_server

    work = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    redis_proc, port = start_redis(work)
    server = None
    pg = args.pg
    if pg is None:
        server = pg_server.ThrowawayServer()
        pg = server.start()
        if pg is None:
            sys.exit(f"no PostgreSQL: {server.error}")
    broker = f"redis://127.0.0.1:{port}/0"
    try:
        files = scans(args.scans)
        scan_dir = work / "scans"
        scan_dir.mkdir()
        for f, _n in files:
            shutil.copy(f, scan_dir / f.name)
        n_pages = sum(n for _f, n in files)
        cores = len(os.sched_getaffinity(0))
        print(f"\n{cores} cores; load average before: {os.getloadavg()[0]:.1f} (other work slows the figures)")
        print(f"scans: {len(files)} files, {n_pages} pages (samples/*.scan.pdf); no OCR cache")

        secs, pages = local(sorted(scan_dir.glob("*.pdf")), pg_server.create_database(pg))
        per_page = secs / max(1, pages)
        rows = [("local process_file, 1 process", secs, pages)]
        fleet_ppm = {}
        for n in (1, 2):
            db = pg_server.create_database(pg)
            spool = work / f"spool-{n}"
            spool.mkdir()
            fleet = Fleet(n, broker, spool, db, work)
            try:
                warm = work / f"warm-{n}"
                tiny(warm, 2 * n, start=8000 + 10 * n)
                send_and_wait(warm, broker, spool, db)  # every worker process has read a document once
                wall, _enq, pages_n, _docs = send_and_wait(scan_dir, broker, spool, db)
            finally:
                fleet.stop()
            rows.append((f"fleet, {n} worker process{'es' if n > 1 else ''}", wall, pages_n))
            fleet_ppm[n] = pages_n / (wall / 60)
        print(f"\nthroughput on the same scans")
        print(f"{'how':<32} {'seconds':>8} {'pages':>6} {'pages/min':>10} {'s/page':>7}")
        for how, s, p in rows:
            print(f"{how:<32} {s:>8.1f} {p:>6} {p / (s / 60):>10.1f} {s / max(1, p):>7.2f}")
        scaling = fleet_ppm[2] / (2 * fleet_ppm[1])
        print(f"2 workers / 1 worker: {fleet_ppm[2] / fleet_ppm[1]:.2f}x (scaling efficiency {scaling:.2f})")

        # the queue's own cost per document
        tiny_dir = work / "tiny"
        tiny(tiny_dir, args.tiny)
        db = pg_server.create_database(pg)
        t_local, _ = local(sorted(tiny_dir.glob("*.pdf")), pg_server.create_database(pg))
        spool = work / "spool-tiny"
        spool.mkdir()
        fleet = Fleet(1, broker, spool, db, work)
        try:
            warm = work / "warm-tiny"
            tiny(warm, 2, start=8500)
            send_and_wait(warm, broker, spool, db)
            time.sleep(1.0)
            c0, x0 = redis_commands(port), pg_commits(db)
            wall, enq, _p, docs = send_and_wait(tiny_dir, broker, spool, db)
            time.sleep(1.0)
            c1, x1 = redis_commands(port), pg_commits(db)
        finally:
            fleet.stop()
        overhead = (wall - t_local) / docs
        cmds = (c1 - c0) / docs
        xacts = (x1 - x0) / docs
        db_ms, server_ms = db_ms_per_doc(pg_server.create_database(pg), min(args.tiny, 40), server)
        ops = redis_ops_per_second(port)
        print(f"\nqueue overhead: {docs} one-page born-digital documents, 1 worker")
        print(f"{'local process_file':<34} {1000 * t_local / docs:>8.1f} ms/doc")
        print(f"{'fleet, send to stored':<34} {1000 * wall / docs:>8.1f} ms/doc (enqueue alone "
              f"{1000 * enq / docs:.1f} ms/doc, overlapping)")
        print(f"{'overhead of the queue':<34} {1000 * overhead:>8.1f} ms/doc")
        print(f"{'Redis commands':<34} {cmds:>8.1f} per doc (while idle, workers also poll)")
        print(f"{'PostgreSQL transactions':<34} {xacts:>8.1f} per doc")
        print(f"{'database time, one connection':<34} {db_ms:>8.1f} ms/doc (save + task rows + claim; "
              f"client included)")
        if server_ms is not None:
            print(f"{'PostgreSQL server CPU':<34} {server_ms:>8.1f} ms/doc (fsync off in this throwaway server)")
        if ops:
            print(f"{'redis-benchmark (this machine)':<34} {ops:>8.0f} commands/s")

        # the model
        ppd = args.pages_per_doc or n_pages / len(files)
        t_doc = ppd * per_page + overhead  # seconds per document in one worker process
        per_machine = args.cores * (scaling if args.cores > 1 else 1.0) / t_doc  # documents/s
        broker_cap = (ops / cmds) if ops and cmds else None
        db_cap = args.db_cores * 1000 / (server_ms if server_ms else db_ms)
        print(f"\nmodel: machines of {args.cores} cores (one worker process each), {ppd:.1f} pages per document, "
              f"{per_page:.2f} s per page + {1000 * overhead:.0f} ms per document, scaling {scaling:.2f}; "
              f"broker ceiling {broker_cap or float('nan'):.0f} docs/s, database ceiling {db_cap:.0f} docs/s "
              f"({args.db_cores} cores)")
        print(f"{'machines':>8} {'pages/min':>10} {'docs/s':>7} {'pages/day':>12} {'docs/day':>11} "
              f"{'broker':>7} {'db':>6}")
        for n in (1, 4, 16, 64):
            docs_s = n * per_machine
            ppm = docs_s * ppd * 60
            b = f"{docs_s / broker_cap:.1%}" if broker_cap else "?"
            print(f"{n:>8} {ppm:>10.0f} {docs_s:>7.2f} {ppm * WORKING_DAY_MIN:>12,.0f} "
                  f"{docs_s * 60 * WORKING_DAY_MIN:>11,.0f} {b:>7} {docs_s / db_cap:>6.1%}")
        print("(pages/day and docs/day: an 8-hour working day; broker and db: share of the ceiling in use)")
    finally:
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
