"""Web page latency with many stored documents: the document list and the document page.

    .venv/bin/python bench/web.py [--docs 10000] [--requests 200] [--keep DIR]

Fills a fresh SQLite store with --docs synthetic documents (1 to 8 people and sendings each, as
bench/store_bench.py makes them), starts `dispatch-reader serve` on a free port of 127.0.0.1,
logs in through the form (a session cookie, as a browser), then asks each page --requests
times, one request after the other (a bounded loop: no concurrency, no think time), and prints
p50 / p95 / max latency per page as seen by the client; and the page images of three samples
(stored and put in the archive folder), first rendered, then from the cache. Target for the
list and the document page: p95 < 200 ms. Asserts nothing. --keep DIR keeps (and reuses) the filled store there.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from store_bench import synthetic  # noqa: E402  (bench/ is on the path as the script's folder)
from web_server import USERS, environment, start  # noqa: E402

from dispatch_reader.store import open_store  # noqa: E402


def fill(db: Path, count: int) -> float:
    """Store `count` synthetic documents; seconds taken (0 when the store already has them)."""
    url = f"sqlite:///{db}"
    with open_store(url) as store:
        have = store.count()
        if have >= count:
            return 0.0
        rng = random.Random(15)
        t = time.perf_counter()
        for i in range(have, count):
            record, texts = synthetic(i, rng, 1)
            store.save(record, page_texts=[texts[0][:1500]], extractor_version="bench-web")
            if (i + 1) % 1000 == 0:
                print(f"  stored {i + 1}/{count} ({time.perf_counter() - t:.0f} s)", file=sys.stderr)
        return time.perf_counter() - t


IMAGE_SAMPLES = ["qd-biet-phai-01.pdf", "qd-biet-phai-01.scan.pdf", "cv-tang-cuong-office-01.scan.pdf"]


def archive_samples(folder: Path, db: Path) -> list[str]:
    """Store a few real samples and put their files where the watcher archives files, so their
    page images can be asked for; their SHA-256s."""
    import shutil

    from dispatch_reader.pipeline import process_file

    archive = folder / "inbox" / "archive" / "bench"
    archive.mkdir(parents=True, exist_ok=True)
    shas = []
    with open_store(f"sqlite:///{db}") as store:
        for name in IMAGE_SAMPLES:
            src = ROOT / "samples" / name
            outcome = process_file(src, store)
            shutil.copy(src, archive / name)
            shas.append(outcome.record.source.sha256)
    return shas


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure(client: httpx.Client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{url}: HTTP {r.status_code}")
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="folder for the store (kept and reused)")
    ap.add_argument("--heavy", type=int, default=5, help="asks of each whole-store page (people, summary)")
    args = ap.parse_args()

    holder = None if args.keep else tempfile.TemporaryDirectory()
    folder = args.keep or Path(holder.name)
    folder.mkdir(parents=True, exist_ok=True)
    db = Path(environment(folder)["DISPATCH_READER_DB"].removeprefix("sqlite:///"))
    took = fill(db, args.docs)
    shas = archive_samples(folder, db)
    import shutil

    shutil.rmtree(folder / "cache" / "dispatch-reader" / "web", ignore_errors=True)  # page images: cold
    users = {} if (folder / "serve.log").exists() else USERS  # a kept store has its users
    server = start(folder, watch=False, users=users)
    try:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            form = client.get("/login")
            nonce = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
            client.post("/login", data={"username": "minh", "password": USERS["minh"][1], "csrf_token": nonce})
            ids = [int(i) for i in re.findall(r'data-document-id="(\d+)"', client.get("/documents").text)]
            with open_store(server.db) as store:
                total = store.count()
            rng = random.Random(7)
            doc_ids = [rng.randint(1, total) for _ in range(args.requests)]
            pages = {
                "document list (/documents, newest 200)": ["/documents"] * args.requests,
                "document list, person filter (no diacritics)": ["/documents?person=nguyen van an"] * args.requests,
                "document list, commune + dates": ["/documents?commune=Tua Thang&date_from=1/9/2025&date_to=30/11/2025"]
                                                 * args.requests,
                "document page (/documents/ID, random ID)": [f"/documents/{i}" for i in doc_ids],
            }
            with open_store(server.db) as store:
                images = []
                for sha in shas:
                    doc_id = store.find_ids(sha)[0]
                    info = next(f for f in store.files(doc_id) if f.sha256 == sha)
                    images += [f"/documents/{doc_id}/files/{info.id}/pages/{n}.png?w=1200"
                               for n in range(1, info.page_count + 1)]
            measure(client, ["/documents", f"/documents/{ids[0]}"] * 5)  # warm-up: templates, caches
            rows = []
            cold = measure(client, images)  # first ask: rendered from the file (a fresh cache folder)
            warm = measure(client, images * 10)
            for name, times in ((f"page image, first time (rendered; {len(images)} pages)", cold),
                                ("page image, again (from the cache)", warm)):
                rows.append((name, len(times), statistics.median(times), percentile(times, 0.95), max(times)))
            for name, urls in pages.items():
                times = measure(client, urls)
                rows.append((name, len(times), statistics.median(times), percentile(times, 0.95), max(times)))
            # pages over the whole store (no target in the issue): a few asks each, to know their cost
            for name, url in (("people page, first view (asks for a name)", "/people"),
                              ("people page, one name", "/people?name=nguyen van an"),
                              ("people page, everyone (?everyone=1)", "/people?everyone=1"),
                              ("summary page, first view (last 90 days)", "/summary"),
                              ("summary page, whole store (?date_from=)", "/summary?date_from="),
                              ("summary brief after its page (kept)", "/summary/brief.html?date_from="),
                              ("summary page, one commune", "/summary?commune=Tua Thang")):
                times = measure(client, [url] * args.heavy)
                rows.append((name, len(times), statistics.median(times), percentile(times, 0.95), max(times)))
    finally:
        server.stop()
        if holder is not None:
            holder.cleanup()

    print(f"\nWeb page latency, {total:,} stored documents (SQLite), one client on 127.0.0.1, "
          f"{args.requests} requests per page one after the other" + (f"; store filled in {took:.0f} s" if took else ""))
    print(f"{'page':48} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, n, p50, p95, top in rows:
        print(f"{name:48} {n:>5} {p50:>8.1f} {p95:>8.1f} {top:>8.1f}")
    print("target: p95 < 200 ms for the document list and the document page")


if __name__ == "__main__":
    main()
