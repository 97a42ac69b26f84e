"""Store speed on synthetic documents: saving, replacing, searching, exporting.

    .venv/bin/python bench/store_bench.py [--docs 300] [--pages 3]

Runs on SQLite, and on PostgreSQL too when a throwaway server can be started (see
tests/pg_server.py) or $DISPATCH_READER_TEST_PG names one. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import pg_server  # noqa: E402
from store_fixtures import make_record  # noqa: E402

from dispatch_reader.store import Filters, open_store  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Giàng", "Vàng", "Nông"]
MIDDLE = ["Văn", "Thị", "Công", "Đức", "Thu", "Minh"]
GIVEN = ["An", "Bình", "Chuyên", "Dũng", "Hà", "Hùng", "Lan", "Mỷ", "Nhất", "Páo", "Thủy", "Tiên"]
COMMUNES = ["Tủa Thàng", "Mường Tè", "Sìn Hồ", "Bản Xèo", "Y Tý", "A Mú Sung", "Tân Phong", "Quỳnh Lưu"]
BODIES = ["Sở Nội vụ", "Sở Y tế", "Sở Tài chính", "Sở Xây dựng", "Sở Giáo dục và Đào tạo"]
FILLER = ("Căn cứ Luật Tổ chức chính quyền địa phương; theo đề nghị của Giám đốc Sở Nội vụ về việc biệt phái "
          "công chức, viên chức đến công tác tại các xã, phường trên địa bàn tỉnh nhằm tăng cường nhân lực ").split()


def synthetic(i: int, rng: random.Random, pages: int):
    people = [(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", rng.choice(BODIES))
              for _ in range(rng.randint(1, 8))]
    secondments = [{"person": p, "from_unit": u, "to_unit": f"xã {rng.choice(COMMUNES)}",
                    "start": "2025-09-01", "end": "2025-12-01"} for p, u in people]
    record = make_record(f"bench-{i}", number=f"{i + 1}/QĐ-UBND", issued=f"2025-{rng.randint(7, 12):02d}-{rng.randint(1, 28):02d}",
                         people=people, secondments=secondments, pages=pages)
    texts = []
    for _ in range(pages):
        words = [rng.choice(FILLER) for _ in range(450)]
        for name, _u in people:
            words.insert(rng.randrange(len(words)), name)
        texts.append("\n".join(" ".join(words[j:j + 12]) for j in range(0, len(words), 12)))
    return record, texts


def timed(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def bench(url: str, docs: list, label: str) -> list[tuple[str, str, str]]:
    rows = []
    with open_store(url) as store:
        t = time.perf_counter()
        for record, texts in docs:
            store.save(record, page_texts=texts, extractor_version="bench-1")
        dt = time.perf_counter() - t
        rows.append((label, f"save {len(docs)} new documents", f"{len(docs) / dt:.0f} docs/s ({dt * 1000 / len(docs):.1f} ms each)"))
        t = time.perf_counter()
        for record, texts in docs[:100]:
            store.save(record, page_texts=texts, extractor_version="bench-2")
        dt = time.perf_counter() - t
        rows.append((label, "replace 100 documents", f"{dt * 10:.1f} ms each"))
        queries = {
            "search person (no diacritics)": Filters(person="nguyen van chuyen"),
            "search commune": Filters(commune="Tủa Thàng"),
            "search body": Filters(body="Sở Y tế"),
            "search number": Filters(number="42/QĐ-UBND"),
            "search date range": Filters(date_from="2025-09-01", date_to="2025-09-30"),
            "search free text (2 words)": Filters(text="tang cuong"),
            "search text + commune": Filters(text="biệt phái", commune="Mường Tè"),
        }
        for name, f in queries.items():
            rows.append((label, name + " (50 hits max)", f"{timed(lambda: store.search(f, limit=50)):.1f} ms"))
        rows.append((label, "get by number", f"{timed(lambda: store.get('42/QĐ-UBND')):.1f} ms"))
        rows.append((label, "records() all", f"{timed(lambda: sum(1 for _ in store.records()), 1):.0f} ms"))
        rows.append((label, "export secondments csv", f"{timed(lambda: store.export('secondments', 'csv', None, stdout=io.StringIO()), 1):.0f} ms"))
        rows.append((label, "people --min-docs 2", f"{timed(lambda: store.people(min_documents=2, seconded_only=True), 1):.0f} ms"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--pages", type=int, default=3)
    args = ap.parse_args()
    rng = random.Random(7)
    docs = [synthetic(i, rng, args.pages) for i in range(args.docs)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += bench(f"sqlite:///{tmp}/bench.db", docs, "sqlite")
    import os

    server = None
    pg = os.environ.get(pg_server.ENV_URL)
    if not pg:
        server = pg_server.ThrowawayServer()
        pg = server.start()
    try:
        if pg and pg_server.reachable(pg):
            db = pg_server.create_database(pg)
            rows += bench(db, docs, "postgresql")
            pg_server.drop_database(pg, db)
        else:
            print("(no PostgreSQL server: PostgreSQL rows skipped)")
    finally:
        if server:
            server.stop()
    width = max(len(r[1]) for r in rows)
    print(f"{args.docs} documents x {args.pages} pages")
    print(f"| {'db':10} | {'operation':{width}} | result |")
    print(f"|{'-' * 12}|{'-' * (width + 2)}|--------|")
    for db, op, result in rows:
        print(f"| {db:10} | {op:{width}} | {result} |")


if __name__ == "__main__":
    main()
