"""Issue 13 item 5: OCR temp files stay private and go away; OCR processes die with their parent."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from dispatch_reader.ingest import private

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def fresh_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private base of our own, and a system temp folder we can inspect."""
    monkeypatch.setenv(private.ENV_BASE, str(tmp_path / "priv"))
    monkeypatch.setattr(private, "_dirs", {})
    systmp = tmp_path / "systmp"
    systmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(systmp))
    return systmp


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_ocr_writes_only_into_a_0700_private_folder(fresh_private: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from dispatch_reader.ingest import ocr, tessread
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    from dispatch_reader.ingest import tessengine

    seen: list[str] = []
    real = subprocess.Popen
    real_engine = tessengine.read_tsv

    def spy(args, *a, **kw):  # noqa: ANN001, ANN002, ANN003
        if args[0] != sys.executable:  # the tesseract command (not the engine kept loaded)
            seen.extend(str(x) for x in args[1:3])  # the image and the output base
        return real(args, *a, **kw)

    def engine_spy(image_path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(str(image_path))  # the engine reads the image and writes nothing
        return real_engine(image_path, *a, **kw)

    tessread.tesseract_version()  # asked once per process (`tesseract --version`), not per image
    monkeypatch.setattr(subprocess, "Popen", spy)
    monkeypatch.setattr(tessengine, "read_tsv", engine_spy)
    grey = np.full((400, 600), 255, np.uint8)
    grey[180:220, 100:500] = 0
    ocr.ocr_image(PageImage(grey=grey, dpi=150, width_pt=288, height_pt=192),
                  IngestSettings(detect_orientation=False, deskew=False), Path("x.png"), 1)
    assert seen, "tesseract was not run"
    run = private.run_dir()
    for name in seen:
        assert Path(name).parent.parent == run  # inside a workspace of this run's folder
    assert stat.S_IMODE(run.stat().st_mode) == 0o700
    assert stat.S_IMODE(run.parent.stat().st_mode) == 0o700
    assert list(fresh_private.iterdir()) == []  # no tess_*.tsv in the shared temp folder
    assert list(run.iterdir()) == []  # the page images and TSV are gone when OCR is done


def test_stale_folders_of_dead_runs_are_removed_at_next_start(fresh_private: Path) -> None:
    base = private._safe_base()
    assert base is not None
    stale = base / f"run-{_dead_pid()}-abc"
    stale.mkdir()
    (stale / "page.bmp").write_bytes(b"BM")
    live = base / f"run-{os.getppid()}-def"  # a live process (pytest's parent) keeps its folder
    live.mkdir()
    mine = private.run_dir()
    assert not stale.exists()
    assert live.exists() and mine.exists()


def test_planted_base_folder_of_another_kind_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(private.ENV_BASE, str(tmp_path))
    monkeypatch.setattr(private, "_dirs", {})
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / f"dispatch-reader-{os.getuid()}").symlink_to(target)
    folder = private.run_dir()
    assert target not in folder.parents
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def _wait_gone(pid: int, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # a zombie reaped by init counts as gone
            if Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux")
@pytest.mark.parametrize("threaded", [False, True], ids=["forked", "forkserver"])
def test_pool_workers_and_tesseract_die_with_a_killed_parent(tmp_path: Path, threaded: bool) -> None:
    """A parent with one thread forks its workers; one with more (the folder watcher) has a
    forkserver start them, and the server, its workers and their Tesseract go with it too."""
    fake = tmp_path / "tesseract"
    pidfile = tmp_path / "tess.pid"
    fake.write_text(f"#!/bin/sh\necho $$ > {pidfile}\nexec sleep 60\n")
    fake.chmod(0o755)
    script = textwrap.dedent(f"""
        import os, sys, time, threading
        import pytesseract
        from dispatch_reader.ingest import pool, tessread
        pytesseract.pytesseract.tesseract_cmd = {str(fake)!r}
        if {threaded!r}:
            threading.Thread(target=time.sleep, args=(120,), daemon=True).start()
        ex = pool._pool(2)
        # jobs in flight together: a pool that starts workers on demand (forkserver) starts both
        for job in [ex.submit(time.sleep, 0.5) for _ in range(4)]:
            job.result()
        pids = set(ex._processes)
        assert len(pids) == 2, pids
        parents = {{ex.submit(os.getppid).result() for _ in range(4)}} - {{os.getpid()}}
        assert bool(parents) == {threaded!r}, parents  # the forkserver, when there is one
        print(" ".join(map(str, pids | parents)), flush=True)
        tessread.tesseract("x.bmp", "tsv", "vie", "", 60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(x) for x in proc.stdout.readline().split()]  # type: ignore[union-attr]
        end = time.monotonic() + 20
        while not pidfile.exists() or not pidfile.read_text().strip():
            assert time.monotonic() < end, "fake tesseract never started"
            time.sleep(0.05)
        tess = int(pidfile.read_text())
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for pid in [*workers, tess]:
            assert _wait_gone(pid), f"process {pid} outlived its killed parent"
    finally:
        if proc.poll() is None:
            proc.kill()
