"""A write killed half way leaves the old record; two writers at once neither corrupt nor duplicate."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import page_text_for, sha_of
from store_worker import varied_record
from dispatch_reader.store import open_store
from dispatch_reader.store import models as m

WORKER = str(Path(__file__).with_name("store_worker.py"))
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def _facts_per_document(store) -> dict[int, tuple[int, int, int]]:
    """People, secondments and pages of each document's files."""
    with store.engine.connect() as conn:
        out = {}
        for doc_id in conn.execute(select(m.Document.id)).scalars():
            files = select(m.File.id).where(m.File.document_id == doc_id)
            out[doc_id] = tuple(conn.execute(select(func.count()).select_from(model).where(model.file_id.in_(files)))
                                .scalar_one() for model in (m.Person, m.Secondment, m.Page))
        return out


def test_kill_during_write_keeps_the_old_record(store_url, tmp_path):
    old = varied_record("victim", version=1)
    with open_store(store_url) as store:
        doc_id = store.save(old, page_texts=page_text_for(old), extractor_version="1.0")
    marker = tmp_path / "inside"
    proc = subprocess.Popen([sys.executable, WORKER, "hang", store_url, "victim", str(marker)], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "worker never reached the middle of its write"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    with open_store(store_url) as store:
        assert store.get(doc_id) == old
        assert _facts_per_document(store) == {doc_id: (len(old.people), len(old.secondments), 1)}
        assert [h.status for h in store.history(doc_id)] == ["created"]
        # the store is usable at once: no lock left behind
        new = varied_record("victim", version=2)
        assert store.save(new, page_texts=page_text_for(new), extractor_version="2.0") == doc_id
        assert store.get(doc_id) == new
        assert store.count() == 1


def test_two_writers_at_once(store_url, tmp_path):
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, WORKER, "write", store_url, who, "12", "6", str(go)], env=ENV,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for who in ("watcher", "batch")]
    time.sleep(0.5)  # let both import, so they open the new database together
    go.write_text("go")
    for p in procs:
        _out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]

    with open_store(store_url) as store:
        assert store.count() == 2 * 12 + 6
        facts = _facts_per_document(store)
        for label in [f"{w}-{i}" for w in ("watcher", "batch") for i in range(12)] + [f"shared-{i}" for i in range(6)]:
            expected = varied_record(label)
            ids = store.find_ids(sha_of(label))
            assert len(ids) == 1
            assert store.get(ids[0]) == expected
            assert facts[ids[0]] == (len(expected.people), len(expected.secondments), 1)
        runs = store.history()
        assert len(runs) == 2 * (12 + 6)
        shared_runs = [r for r in runs if r.file_name.startswith("shared-")]
        assert sorted(r.status for r in shared_runs) == ["created"] * 6 + ["replaced"] * 6
