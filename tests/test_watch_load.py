"""The watcher as people run it (`dispatch-reader watch` in its own process), under load and
faults: many files at once, slow writers, SIGKILL and restart, SIGTERM, polling, --once."""

from __future__ import annotations

import shutil
import signal
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from test_watch_support import (
    REPO,
    Cli,
    document_bytes,
    files_under,
    run_cli,
    sha256_bytes,
    store_count,
    store_runs,
    wait_for,
    write_slowly,
)


def _inbox_files(inbox: Path) -> list[Path]:
    return [p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")]


def _claims(inbox: Path) -> list[Path]:
    processing = inbox / "processing"
    return list(processing.glob("*.claim.json")) if processing.exists() else []


def _assert_each_once(inbox: Path, url: str, shas: set[str]) -> None:
    """Every file is in archive/ exactly once, nowhere else, and stored exactly once."""
    from dispatch_reader.store import open_store

    assert _inbox_files(inbox) == []
    assert files_under(inbox / "processing") == []
    assert files_under(inbox / "failed") == []
    assert files_under(inbox / "duplicates") == []
    archived = files_under(inbox / "archive")
    assert sorted(sha256_bytes(p.read_bytes()) for p in archived) == sorted(shas)
    with open_store(url) as store:
        assert store.count() == len(shas)
        assert all(store.has(s) for s in shas)  # whole files were read, never a half-written one
    runs = store_runs(url)
    assert runs["created"] == len(shas) and runs["replaced"] == 0, runs


def test_hundred_files_dropped_while_running_a_third_slowly(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    docs = {i: document_bytes(100 + i) for i in range(100)}
    with Cli("watch", str(inbox), "--db", url, "--settle", "1", "--rescan", "5", "--format", "md",
             cwd=tmp_path) as watcher:
        wait_for(lambda: (inbox / ".dispatch-reader-watch.lock").exists(), 30, "the watcher to start")

        def slow(i: int) -> None:
            name = inbox / f"Công văn chậm {i}.pdf"
            if i % 9 == 0:
                # a pause longer than --settle, file held open: the writer is not done
                data = docs[i]
                with name.open("wb") as fh:
                    fh.write(data[: len(data) // 2])
                    fh.flush()
                    threading.Event().wait(1.6)
                    fh.write(data[len(data) // 2:])
            else:
                write_slowly(name, docs[i], chunks=6, pause=0.25)

        with ThreadPoolExecutor(max_workers=34) as pool:
            slow_jobs = [pool.submit(slow, i) for i in range(0, 100, 3)]
            for i in range(100):
                if i % 3 == 0:
                    continue
                if i % 2:
                    (inbox / f"QĐ {i}.pdf").write_bytes(docs[i])
                else:  # copied under a temporary name, then renamed: how many copy tools do it
                    tmp = inbox / f"QĐ {i}.pdf.part"
                    tmp.write_bytes(docs[i])
                    tmp.rename(inbox / f"QĐ {i}.pdf")
            for job in slow_jobs:
                job.result(timeout=60)
        wait_for(lambda: len(files_under(inbox / "archive")) >= 100, 240, "100 files archived", interval=0.2)
        wait_for(lambda: not _inbox_files(inbox), 30, "INBOX emptied", interval=0.1)
        watcher.signal(signal.SIGTERM)
        assert watcher.wait(timeout=60) == 0, watcher.err[-2000:]
    _assert_each_once(inbox, url, {sha256_bytes(d) for d in docs.values()})
    done_lines = [line for line in watcher.out.splitlines() if line.split("\t")[2:3] == ["done"]]
    assert len(done_lines) == 100
    assert len(files_under(inbox / "outbox")) == 100


def test_sigkill_in_the_middle_of_files_then_restart(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    docs = [document_bytes(300 + i) for i in range(30)]
    for i, data in enumerate(docs):
        (inbox / f"văn bản {i:02d}.pdf").write_bytes(data)
    kills = 0
    for _ in range(3):
        with Cli("watch", str(inbox), "--db", url, "--settle", "0", cwd=tmp_path) as watcher:
            try:
                wait_for(lambda: bool(_claims(inbox)), 60, "a file in processing/", interval=0.002)
            except AssertionError:
                break  # everything was done before we could kill it
            watcher.signal(signal.SIGKILL)
            watcher.wait(timeout=30)
            kills += 1
    assert kills >= 2, kills
    result = run_cli("watch", str(inbox), "--db", url, "--settle", "0", "--once", cwd=tmp_path, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    _assert_each_once(inbox, url, {sha256_bytes(d) for d in docs})


def test_garbage_among_good_files_goes_to_failed_with_reasons(tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    good = [document_bytes(400 + i) for i in range(6)]
    for i, data in enumerate(good):
        (inbox / f"tốt {i}.pdf").write_bytes(data)
    (inbox / "text.pdf").write_text("Kính gửi: không phải PDF\n", "utf-8")
    (inbox / "truncated.pdf").write_bytes(good[0][: len(good[0]) // 3])
    (inbox / "noise.png").write_bytes(bytes(range(256)) * 8)
    (inbox / "empty.pdf").write_bytes(b"")
    result = run_cli("watch", str(inbox), "--db", url, "--settle", "0", "--max-wait", "1", "--once",
                     cwd=tmp_path, timeout=120)
    assert result.returncode == 1  # --once reports failures in its exit status
    failed = {p.name for p in files_under(inbox / "failed") if not p.name.endswith(".error.txt")}
    assert failed == {"text.pdf", "truncated.pdf", "noise.png", "empty.pdf"}
    for name in failed:
        note = (inbox / "failed" / f"{name}.error.txt").read_text("utf-8")
        assert note.startswith(f"{name}: ") and len(note.splitlines()[0]) > len(name) + 10
    assert sorted(sha256_bytes(p.read_bytes()) for p in files_under(inbox / "archive")) == sorted(
        sha256_bytes(d) for d in good)
    assert store_count(url) == 6
    assert _inbox_files(inbox) == []
    assert "Traceback" not in result.stderr


def test_sigterm_finishes_the_file_in_hand(tmp_path: Path):
    """A one-page scan (OCR takes a few seconds) is mid-way when SIGTERM arrives."""
    scan = REPO / "samples" / "cv-tang-cuong-01.scan.pdf"
    if not scan.exists():
        pytest.skip("sample scan missing")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    with Cli("watch", str(inbox), "--db", url, "--settle", "0.2", cwd=tmp_path) as watcher:
        wait_for(lambda: (inbox / ".dispatch-reader-watch.lock").exists(), 30, "the watcher to start")
        shutil.copy(scan, inbox / "scan.pdf")
        wait_for(lambda: bool(_claims(inbox)), 30, "the scan in processing/", interval=0.01)
        watcher.signal(signal.SIGTERM)
        assert watcher.wait(timeout=120) == 0, watcher.err[-2000:]
    assert [p.name for p in files_under(inbox / "archive")] == ["scan.pdf"]
    assert files_under(inbox / "processing") == [] and _inbox_files(inbox) == []
    assert store_count(url) == 1
    assert "\tscan.pdf\tdone\t" in watcher.out


def test_poll_mode_takes_files_dropped_later(tmp_path: Path):
    inbox = tmp_path / "inbox"
    root = tmp_path / "work"  # processing/, archive/ … outside INBOX
    inbox.mkdir()
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    docs = [document_bytes(500 + i) for i in range(5)]
    with Cli("watch", str(inbox), "--root", str(root), "--db", url, "--poll", "0.3", "--settle", "0.5",
             cwd=tmp_path) as watcher:
        wait_for(lambda: (root / ".dispatch-reader-watch.lock").exists(), 30, "the watcher to start")
        for i, data in enumerate(docs):
            (inbox / f"p{i}.pdf").write_bytes(data)
        wait_for(lambda: len(files_under(root / "archive")) == 5, 60, "5 files archived", interval=0.1)
        watcher.signal(signal.SIGINT)
        assert watcher.wait(timeout=60) == 0
    assert _inbox_files(inbox) == [] and not (inbox / "archive").exists()
    assert len(files_under(root / "outbox")) == 5


def test_missing_inbox_is_one_line(tmp_path: Path):
    result = run_cli("watch", str(tmp_path / "nope"), "--once", "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}",
                     cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'nope'}: no such folder"
