"""The Tesseract engine kept loaded (ingest/tessengine.py): the same TSV as the command, and
the command's guarantees (a read that overruns is killed, a crash is one page's failure, the
engine dies with its parent)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import pytest

from dispatch_reader.ingest import tessengine, tessread
from dispatch_reader.ingest.raster import render_pdf_page

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, int]]:
    """A whole scanned page, a band of it and one line of it, each with the psm ocr.py reads it with."""
    folder = tmp_path_factory.mktemp("engine")
    page = render_pdf_page(SAMPLES / "qd-biet-phai-01.scan.pdf", 0, 300, 150_000_000, None, True).grey
    h, w = page.shape
    out = []
    for name, image, psm in (("page", page, 3), ("band", page[h // 2:h // 2 + h // 6, :], 6),
                             ("line", page[h // 8:h // 8 + h // 30, w // 10:w - w // 10], 7)):
        path = folder / f"{name}.bmp"
        cv2.imwrite(str(path), image)
        out.append((path, psm))
    return out


def _run_command(path: Path, psm: int) -> str:
    base = path.with_name(path.stem + "-cmd")
    subprocess.run(["tesseract", str(path), str(base), "-l", "vie+eng", "-c", "tessedit_create_tsv=1", "--psm", str(psm)],
                   env=dict(os.environ, OMP_THREAD_LIMIT="1"), check=True, capture_output=True)
    return Path(f"{base}.tsv").read_text(encoding="utf-8")


def test_the_engine_reads_as_the_command_does(images):
    version = tessread.tesseract_version()
    for path, psm in images + images[::-1]:  # one engine, reading image after image in any order
        assert tessengine.read_tsv(str(path), "vie+eng", psm, 120, version) == _run_command(path, psm), path.name


def test_ocr_reads_through_the_engine(images, monkeypatch):
    path, psm = images[2]
    expected = _run_command(path, psm)
    started: list[list[str]] = []
    real = subprocess.Popen

    def popen(args, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        started.append(list(args))
        return real(args, *a, **kw)

    monkeypatch.setattr(subprocess, "Popen", popen)
    text = tessread.tesseract(str(path), "tsv", "vie+eng", f"-c tessedit_create_tsv=1 --psm {psm}", 120)
    assert text == expected
    assert not any(Path(a[0]).name == "tesseract" for a in started)  # no command started for it


def test_a_read_that_overruns_kills_the_engine_and_the_next_starts_a_new_one(images):
    version = tessread.tesseract_version()
    path, psm = images[0]
    tessengine.read_tsv(str(images[2][0]), "vie+eng", 7, 120, version)  # started, languages loaded
    engine = tessengine._engines[(os.getpid(), __import__("threading").get_ident())]
    with pytest.raises(tessengine.EngineTimeout, match="timeout"):
        tessengine.read_tsv(str(path), "vie+eng", psm, 0.05, version)
    assert not engine.alive()
    assert tessengine.read_tsv(str(images[2][0]), "vie+eng", 7, 120, version) == _run_command(*images[2])


def test_an_engine_that_dies_fails_that_read_only(images):
    version = tessread.tesseract_version()
    path, psm = images[2]
    tessengine.read_tsv(str(path), "vie+eng", psm, 120, version)
    engine = tessengine._engines[(os.getpid(), __import__("threading").get_ident())]
    engine.proc.send_signal(signal.SIGKILL)
    engine.proc.wait()
    with pytest.raises(tessengine.EngineError):
        engine.read(str(path), "vie+eng", psm, 120)
    assert tessengine.read_tsv(str(path), "vie+eng", psm, 120, version) == _run_command(path, psm)  # a new one


def test_a_library_other_than_the_commands_is_not_used(images):
    path, psm = images[2]
    saved = tessengine._unavailable
    tessengine.stop_all()  # the library's version is checked when an engine starts
    try:
        assert tessengine.read_tsv(str(path), "vie+eng", psm, 120, "0.0.1") is None
        assert tessengine._unavailable  # the command is used from now on in this process
    finally:
        tessengine._unavailable = saved


def test_the_engine_dies_with_its_parent(images, tmp_path):
    path, psm = images[2]
    script = ("import sys, time\n"
              "from dispatch_reader.ingest import tessengine, tessread\n"
              f"tessengine.read_tsv({str(path)!r}, 'vie+eng', {psm}, 120, tessread.tesseract_version())\n"
              "print([e.proc.pid for e in tessengine._engines.values()][0], flush=True)\n"
              "time.sleep(60)\n")
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                              env=dict(os.environ, PYTHONPATH=str(SAMPLES.parent)))
    try:
        engine_pid = int(parent.stdout.readline())
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(engine_pid, 0)
            except ProcessLookupError:
                return
            if Path(f"/proc/{engine_pid}/stat").read_text().split(") ")[1].startswith("Z"):
                return  # ended; only its exit status is left for init to collect
            time.sleep(0.1)
        pytest.fail("the engine outlived its parent")
    finally:
        parent.kill()
        parent.wait()
