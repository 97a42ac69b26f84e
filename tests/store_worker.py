"""A separate process that writes to a store, for the crash and concurrency tests.

    python tests/store_worker.py hang URL LABEL MARKER   save LABEL's record, then hang before commit
    python tests/store_worker.py write URL WHO N SHARED GO   save N own records + SHARED shared ones,
                                                              starting when file GO exists
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from store_fixtures import make_record, page_text_for, sha_of  # noqa: E402

from dispatch_reader.store import open_store  # noqa: E402
from dispatch_reader.store.store import Store  # noqa: E402


def varied_record(label: str, version: int = 1):
    """A record whose fact counts depend on the label, so mixed-up facts would show."""
    n = 1 + sum(map(ord, label)) % 4
    people = [(f"Nguyễn Văn {chr(65 + i)}{label[-2:]}", "Sở Nội vụ") for i in range(n + version - 1)]
    return make_record(label, number=f"{int(sha_of(label)[:6], 16) % 900 + 1}/QĐ-UBND", people=people,
                       secondments=[{"person": p, "to_unit": f"xã Số {i} {label}"} for i, (p, _) in enumerate(people)])


def hang(url: str, label: str, marker: str) -> None:
    store = open_store(url)
    original = Store._insert_facts

    def insert_then_hang(self, conn, doc_id, rows):  # type: ignore[no-untyped-def]
        original(self, conn, doc_id, rows)
        Path(marker).write_text("inside the transaction")
        time.sleep(120)  # the test kills us here, before commit

    Store._insert_facts = insert_then_hang  # type: ignore[method-assign]
    record = varied_record(label, version=2)
    store.save(record, page_texts=page_text_for(record), extractor_version="2.0")


def write(url: str, who: str, n: int, shared: int, go: str) -> None:
    deadline = time.monotonic() + 60
    while not Path(go).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    store = open_store(url)  # first open of a new database by two processes at once
    labels = [f"{who}-{i}" for i in range(n)] + [f"shared-{i}" for i in range(shared)]
    for label in labels:
        record = varied_record(label)
        store.save(record, page_texts=page_text_for(record), extractor_version=f"1.0-{who}")
    store.close()


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "hang":
        hang(*args)
    elif mode == "write":
        write(args[0], args[1], int(args[2]), int(args[3]), args[4])
    else:
        raise SystemExit(f"unknown mode {mode}")
