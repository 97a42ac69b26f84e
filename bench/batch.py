"""Batch speed and memory on generated born-digital documents.

    .venv/bin/python bench/batch.py [--docs 200] [--pages 2] [--workers 1,2] [--memory 100,1000]

Part 1: documents and pages per minute for --docs documents at each worker count (fresh
database each time; wall time of the whole run, worker start-up included).
Part 2: peak memory (max RSS) of the batch process and of its largest worker for each size in
--memory, at the largest worker count. Flat memory means these do not grow with the number
of documents. Each run is a fresh process, so the figures are that run's own.
Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_PAGE = """ỦY BAN NHÂN DÂN
TỈNH LÂM HÀ
Số: {n}/QĐ-UBND
Lâm Hà, ngày {day:02d} tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức đến công tác tại xã
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Căn cứ Nghị định số 170/2025/NĐ-CP ngày 30 tháng 6 năm 2025 của Chính phủ;
Theo đề nghị của Giám đốc Sở Nội vụ.
Điều 1. Biệt phái ông Nguyễn Văn {given} , chuyên viên Sở Nội vụ, đến công tác tại UBND xã Vạn Xuân.
Thời gian biệt phái từ ngày 03/9/2025 đến ngày 03/11/2025.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
"""
_GIVEN = ["An", "Bình", "Chiến", "Dũng", "Hùng", "Khoa", "Long", "Minh", "Nam", "Phúc"]


def generate(folder: Path, count: int, pages: int) -> None:
    from dispatch_reader.synth import render_text_pdf

    for i in range(count):
        sub = folder / f"{2024 + i % 2}" / f"{1 + i % 12:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = "\f".join(_PAGE.format(n=i + 1, day=1 + i % 28, given=_GIVEN[i % 10]) + f"Trang {p + 1}.\n"
                         for p in range(pages))
        (sub / f"Quyết định {i + 1}.pdf").write_bytes(render_text_pdf(text))


def child(folder: Path, db: Path, workers: int, tasks_per_worker: int) -> None:
    """One batch run in this process; prints its figures as JSON."""
    from dispatch_reader.store import open_store
    from dispatch_reader.watch.batch import BatchOptions, BatchRunner
    from dispatch_reader.watch.walk import iter_documents
    from dispatch_reader.watch.worker import WorkerConfig

    url = f"sqlite:///{db}"
    failures = []
    with open_store(url) as store:
        options = BatchOptions(workers=workers, worker=WorkerConfig(db_url=url, ingest={"cache_dir": None}),
                               tasks_per_worker=tasks_per_worker)
        started = time.perf_counter()
        totals = BatchRunner(store, options, lambda r: failures.append(r.reason) if r.status == "failed" else None
                             ).run(iter_documents([folder]))
        seconds = time.perf_counter() - started
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "seconds": seconds, "done": totals.done, "pages": totals.pages, "failed": totals.failed,
        "parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def run(folder: Path, workers: int, work: Path, tasks_per_worker: int) -> dict[str, float]:
    db = work / f"bench-{time.monotonic_ns()}.sqlite3"
    proc = subprocess.run([sys.executable, __file__, "--child", str(folder), str(db), str(workers),
                           str(tasks_per_worker)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--pages", type=int, default=2)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--memory", default="100,1000")
    ap.add_argument("--tasks-per-worker", type=int, default=None,
                    help="files a worker reads before it is replaced (default: the batch default)")
    ap.add_argument("--child", nargs=4, metavar=("FOLDER", "DB", "WORKERS", "TASKS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]), int(args.child[3]))
        return
    from dispatch_reader.watch.batch import TASKS_PER_WORKER

    tasks = args.tasks_per_worker or TASKS_PER_WORKER
    worker_counts = [int(w) for w in args.workers.split(",")]
    sizes = [int(n) for n in args.memory.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        made: dict[int, Path] = {}

        def docs(n: int) -> Path:
            if n not in made:
                made[n] = work / f"docs-{n}"
                t = time.perf_counter()
                generate(made[n], n, args.pages)
                print(f"generated {n} documents of {args.pages} pages in {time.perf_counter() - t:.1f} s",
                      file=sys.stderr)
            return made[n]

        cores = len(os.sched_getaffinity(0))
        print(f"\n{cores} cores; load average before: {os.getloadavg()[0]:.1f} (other work slows the figures)")
        print(f"\nthroughput: {args.docs} born-digital documents, {args.pages} pages each")
        print(f"{'workers':>7} {'seconds':>8} {'docs/min':>9} {'pages/min':>10} {'CPU ms/doc':>10} {'failed':>6}")
        for w in worker_counts:
            r = run(docs(args.docs), w, work, tasks)
            minutes = r["seconds"] / 60
            cpu_ms = 1000 * r["cpu"] / max(1, r["done"])  # all processes, start-up included
            print(f"{w:>7} {r['seconds']:>8.1f} {r['done'] / minutes:>9.0f} {r['pages'] / minutes:>10.0f} "
                  f"{cpu_ms:>10.0f} {r['failed']:>6.0f}")

        w = max(worker_counts)
        print(f"\npeak memory (max RSS), {w} workers, a worker replaced after {tasks} files")
        print(f"{'docs':>6} {'seconds':>8} {'batch MB':>9} {'worker MB':>10}")
        for n in sizes:
            r = run(docs(n), w, work, tasks)
            print(f"{n:>6} {r['seconds']:>8.1f} {r['parent_mb']:>9.0f} {r['worker_mb']:>10.0f}")


if __name__ == "__main__":
    main()
