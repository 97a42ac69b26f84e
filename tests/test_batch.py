"""`dispatch-reader batch`: parallel, resumable, nothing stored twice, failures reported."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
from pathlib import Path

import pytest
from store_fixtures import pg_server_url, store_url  # noqa: F401  (pytest fixtures)
from test_watch_support import (
    Cli,
    alive,
    children_of,
    document_bytes,
    kill_all,
    run_cli,
    sha256_bytes,
    store_count,
    store_runs,
    wait_for,
)

from dispatch_reader.watch.walk import iter_documents


def _archive(root: Path, n: int, start: int = 0) -> set[str]:
    """n documents spread over nested folders with Vietnamese names and spaces; their SHA-256s."""
    shas = set()
    for i in range(n):
        folder = root / f"năm {2024 + i % 2}" / f"tháng {1 + i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        data = document_bytes(start + i)
        (folder / f"Quyết định {start + i}.pdf").write_bytes(data)
        shas.add(sha256_bytes(data))
    return shas


def _raw_count(db: Path) -> int:
    """Documents stored so far, read without the store (which may be mid-write in another process)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_walk_streams_documents_only(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "c").mkdir(parents=True)
    for rel in ("z.pdf", "b/x.PDF", "a/c/y.tiff", "a/note.txt", "a/.hidden.pdf", "a/c/part.pdf.part", "b/s.jpg"):
        (tmp_path / rel).write_bytes(b"x")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # followed, it would never end
    it = iter_documents([tmp_path])
    assert next(it) == tmp_path / "z.pdf"  # a generator: the first file comes before the walk ends
    rest = [p.relative_to(tmp_path).as_posix() for p in it]
    assert rest == ["a/c/y.tiff", "b/s.jpg", "b/x.PDF"]
    given = tmp_path / "a" / "note.txt"
    assert list(iter_documents([given])) == [given]  # named explicitly: taken, and fails with a reason


def test_garbage_among_good_files_fails_with_reasons_and_exit_status(tmp_path: Path):
    archive = tmp_path / "archive"
    shas = _archive(archive, 10)
    (archive / "rác").mkdir()
    (archive / "rác" / "văn bản.pdf").write_text("không phải PDF", "utf-8")
    (archive / "rác" / "cut.pdf").write_bytes(document_bytes(99)[:700])
    (archive / "rác" / "noise.jpg").write_bytes(b"\xff\xd8\xff" + os.urandom(300))
    (archive / "copy of 3.pdf").write_bytes(document_bytes(3))
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    csv_path = tmp_path / "fails.csv"

    result = run_cli("batch", str(archive), "--db", url, "-j", "2", "--failures", str(csv_path), cwd=tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(Path(r["file"]).name for r in rows) == ["cut.pdf", "noise.jpg", "văn bản.pdf"]
    assert all(r["reason"] and r["kind"] for r in rows)
    assert "batch summary" in result.stdout and "failures (3)" in result.stdout
    assert "Traceback" not in result.stderr
    assert store_count(url) == 10
    assert store_runs(url)["created"] == 10

    again = run_cli("batch", str(archive), "--db", url, "-j", "2", "--failures", str(csv_path), cwd=tmp_path)
    assert again.returncode == 1
    runs = store_runs(url)
    assert runs["created"] == 10 and runs["replaced"] == 0  # nothing read twice
    assert store_count(url) == 10 and len(shas) == 10


def test_killed_half_way_then_run_again_completes_without_duplicates(tmp_path: Path):
    archive = tmp_path / "archive"
    shas = _archive(archive, 80)
    db = tmp_path / "db.sqlite3"
    url = f"sqlite:///{db}"
    with Cli("batch", str(archive), "--db", url, "-j", "2", cwd=tmp_path) as batch:
        wait_for(lambda: _raw_count(db) >= 5, 120, "some documents stored", interval=0.02)
        workers = children_of(batch.pid)
        batch.signal(signal.SIGKILL)
        batch.wait(timeout=30)
    try:
        stored_before = _raw_count(db)
        assert stored_before < 80, "finished before the kill; nothing was tested"
        # workers notice their parent is gone and stop: no orphans writing on
        wait_for(lambda: not any(alive(p) for p in workers), 15, "the workers to exit")
    finally:
        kill_all(workers)
    result = run_cli("batch", str(archive), "--db", url, "-j", "2", cwd=tmp_path, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    from dispatch_reader.store import open_store

    with open_store(url) as store:
        assert store.count() == 80 and all(store.has(s) for s in shas)
    runs = store_runs(url)
    assert runs["created"] == 80 and runs["replaced"] == 0, runs


def test_ctrl_c_finishes_the_files_in_hand_then_resume(tmp_path: Path):
    archive = tmp_path / "archive"
    shas = _archive(archive, 80)
    db = tmp_path / "db.sqlite3"
    url = f"sqlite:///{db}"
    with Cli("batch", str(archive), "--db", url, "-j", "2", cwd=tmp_path) as batch:
        wait_for(lambda: _raw_count(db) >= 5, 120, "some documents stored", interval=0.02)
        batch.signal(signal.SIGINT)
        code = batch.wait(timeout=60)
    if code == 0:
        pytest.skip("the batch finished before Ctrl-C arrived")
    assert code == 130
    assert "run the same command again to resume" in batch.err
    assert "interrupted" in batch.out
    stopped_at = _raw_count(db)
    assert 5 <= stopped_at < 80
    result = run_cli("batch", str(archive), "--db", url, "-j", "2", cwd=tmp_path, timeout=300)
    assert result.returncode == 0
    assert store_count(url) == 80 and store_runs(url)["replaced"] == 0
    assert len(shas) == 80


def test_dry_run_lists_and_changes_nothing(tmp_path: Path):
    archive = tmp_path / "archive"
    _archive(archive, 4)
    (archive / "again.pdf").write_bytes(document_bytes(0))
    db = tmp_path / "db.sqlite3"
    url = f"sqlite:///{db}"
    result = run_cli("batch", str(archive), "--db", url, "--dry-run", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not db.exists()  # not even created
    actions = [line.split("\t")[0] for line in result.stdout.splitlines() if "\t" in line]
    assert sorted(actions) == ["read"] * 4 + ["repeat"]
    assert run_cli("batch", str(archive / "năm 2024"), "--db", url, cwd=tmp_path).returncode == 0
    stored = store_count(url)
    result = run_cli("batch", str(archive), "--db", url, "--dry-run", cwd=tmp_path)
    actions = [line.split("\t")[0] for line in result.stdout.splitlines() if "\t" in line]
    assert actions.count("skip") == stored + 1 and actions.count("read") == 4 - stored  # again.pdf = doc 0
    assert store_count(url) == stored


def test_reprocess_reads_stored_documents_again(tmp_path: Path):
    archive = tmp_path / "archive"
    _archive(archive, 3)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run_cli("batch", str(archive), "--db", url, "-j", "1", cwd=tmp_path).returncode == 0
    assert store_runs(url) == {"created": 3}
    assert run_cli("batch", str(archive), "--db", url, "-j", "1", "--reprocess", cwd=tmp_path).returncode == 0
    assert store_runs(url) == {"created": 3, "replaced": 3} and store_count(url) == 3


def test_phone_photos_as_heic_and_webp_are_read_and_stored(tmp_path: Path):
    """A folder of an iPhone's HEIC and a chat app's WebP (one named .jpg): found by the walk,
    read in worker processes that must make HEIC decoding ready themselves, stored."""
    from _ingest_make import photo_bytes, render_grey

    archive = tmp_path / "ảnh điện thoại"
    archive.mkdir()
    names = {"IMG_0004.HEIC": "heic", "chat.webp": "webp", "zalo.jpg": "webp"}
    for n, (name, fmt) in enumerate(names.items()):
        pdf = tmp_path / f"{n}.pdf"
        pdf.write_bytes(document_bytes(n))
        page = render_grey(pdf, dpi=300)
        (archive / name).write_bytes(photo_bytes(page.crop((0, 0, page.width, page.height // 3)), fmt))
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = run_cli("batch", str(archive), "--db", url, "-j", "2", cwd=tmp_path)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert store_runs(url) == {"created": 3} and store_count(url) == 3


def test_missing_folder_is_one_line(tmp_path: Path):
    result = run_cli("batch", str(tmp_path / "nope"), "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope'}: no such file or folder"


# -- a worker that dies on one file -----------------------------------------------------------

def crash_on_marked(path: str):
    """Runs in a worker: dies hard on files named *crash*, reads the others normally."""
    from dispatch_reader.watch.worker import work

    if "crash" in Path(path).name:
        os._exit(3)
    return work(path)


def test_a_file_that_kills_its_worker_fails_alone(tmp_path: Path):
    from dispatch_reader.store import open_store
    from dispatch_reader.watch.batch import CRASHED, BatchOptions, BatchRunner
    from dispatch_reader.watch.worker import WorkerConfig

    archive = tmp_path / "archive"
    shas = _archive(archive, 6)
    (archive / "crash me.pdf").write_bytes(document_bytes(50))
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    results = []
    with open_store(url) as store:
        options = BatchOptions(workers=2, worker=WorkerConfig(db_url=url, ingest={"cache_dir": None}),
                               task=crash_on_marked)
        totals = BatchRunner(store, options, results.append).run(iter_documents([archive]))
        assert totals.done == 6 and totals.failed == 1
        failed = [r for r in results if r.status == "failed"]
        assert [Path(r.path).name for r in failed] == ["crash me.pdf"] and failed[0].reason == CRASHED
        assert store.count() == 6 and all(store.has(s) for s in shas)


def test_batch_then_rerun_on_each_database(tmp_path: Path, store_url: str):
    from dispatch_reader.store import open_store
    from dispatch_reader.watch.batch import BatchOptions, BatchRunner
    from dispatch_reader.watch.worker import WorkerConfig

    archive = tmp_path / "archive"
    shas = _archive(archive, 6)
    (archive / "again.pdf").write_bytes(document_bytes(2))
    options = BatchOptions(workers=2, worker=WorkerConfig(db_url=store_url, ingest={"cache_dir": None}))
    with open_store(store_url) as store:
        first = BatchRunner(store, options, lambda r: None).run(iter_documents([archive]))
        assert (first.done, first.failed, first.skipped + first.repeated) == (6, 0, 1)
        second = BatchRunner(store, options, lambda r: None).run(iter_documents([archive]))
        assert (second.done, second.skipped) == (0, 7)
        assert store.count() == 6 and all(store.has(s) for s in shas)
    assert store_runs(store_url) == {"created": 6}


def test_a_brief_that_cannot_be_written_is_one_line_and_the_document_stays_stored(tmp_path: Path):
    from dispatch_reader.briefs.render import brief_name

    archive = tmp_path / "archive"
    shas = _archive(archive, 3)
    out = tmp_path / "briefs"
    blocked = document_bytes(1)
    # a folder where the brief of "Quyết định 1.pdf" would go: that brief cannot be written
    (out / brief_name("Quyết định 1.pdf", sha256_bytes(blocked), "html")).mkdir(parents=True)
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"

    result = run_cli("batch", str(archive), "--db", url, "-j", "2", "--out", str(out), cwd=tmp_path)
    assert result.returncode == 1, result.stderr[-2000:]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "brief not written" in errors[0], result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "briefs not written" in result.stdout and "failures (" not in result.stdout
    assert store_count(url) == 3 and len(shas) == 3
    assert len([p for p in out.iterdir() if p.is_file()]) == 2  # the other two briefs are written
