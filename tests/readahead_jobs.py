"""A stand-in for Tesseract in the shared-pool tests (tests/test_readahead.py): each OCR job
sleeps as a page's OCR would, writes when it ran and in which process beside the file, and
returns a page of readable Vietnamese text. Importable by pool workers (fork or forkserver),
so it lives in its own module rather than in the test file."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.worker import JobResult, OcrJob

PAGE_SECONDS = 0.25
TEXT = ("QUYẾT ĐỊNH Về việc biệt phái công chức đến công tác tại xã Phú Thọ huyện Mộc Châu "
        "tỉnh Sơn La thời hạn sáu tháng kể từ ngày ký").split()


def ran_folder(path: Path) -> Path:
    """Where the jobs on the files of path's folder note that they ran: beside that folder."""
    return path.parent.parent / "ran"


def ran(folder: Path) -> list[tuple[float, float, int, str, int]]:
    """(start, end, pid, file name, page index) of every job that ran on files in `folder`."""
    out = []
    for log in sorted(ran_folder(folder / "x").glob("*.ran")):
        start, end, pid = log.read_text().split()
        name, _, index = log.stem.rpartition(".page")
        out.append((float(start), float(end), int(pid), name, int(index)))
    return out


def overlapping(runs: list[tuple[float, float, int, str, int]]) -> list[tuple[str, str]]:
    """Pairs of jobs of different files that ran at the same time."""
    return [(a[3], b[3]) for i, a in enumerate(runs) for b in runs[i + 1:]
            if a[3] != b[3] and a[0] < b[1] and b[0] < a[1]]


def slow_page(job: OcrJob) -> JobResult:
    """A page's OCR: PAGE_SECONDS of waiting, then a page of text. A file named `crash*` kills
    the pool worker reading it (as the kernel's OOM killer would); read in the calling process
    instead (one worker), it fails as a damaged page would."""
    path = Path(job.path)
    if path.name.startswith("crash"):
        if multiprocessing.parent_process() is not None:
            os._exit(9)
        return JobResult(job.index, error_class="DamagedFileError", error_path=job.path,
                         error_reason="OCR failed (a crash stands here)")
    start = time.time()
    time.sleep(PAGE_SECONDS)
    end = time.time()
    words = [Word(text=t, x0=40.0 + 30 * (i % 10), top=60.0 + 20 * (i // 10), x1=68.0 + 30 * (i % 10),
                  bottom=74.0 + 20 * (i // 10), conf=0.95) for i, t in enumerate(TEXT)]
    keys = [(1, 1, 1 + i // 10) for i in range(len(TEXT))]
    log = ran_folder(path)
    log.mkdir(exist_ok=True)
    (log / f"{path.name}.page{job.index}.ran").write_text(f"{start} {end} {os.getpid()}")
    return JobResult(job.index, OcrPage(words=words, line_keys=keys, confidence=0.95, rotation=0, skew=0.0,
                                        width_pt=595.0, height_pt=842.0))


def install() -> None:
    """Make the OCR pool run slow_page instead of the real job (before the pool starts)."""
    from dispatch_reader.ingest import pool

    pool.shutdown()  # a pool started earlier would still run the real job
    pool.run_job = slow_page  # type: ignore[assignment]


def image(path: Path, n: int) -> Path:
    """A small one-page PNG scan, different for every `n` (so a different SHA-256)."""
    from PIL import Image

    picture = Image.new("L", (240, 320), 255)
    for x in range(n % 200 + 10):
        picture.putpixel((x, 10 + n % 300), 0)
    picture.save(path, dpi=(300, 300))
    return path


if __name__ == "__main__":  # `python tests/readahead_jobs.py process …`: the CLI with this OCR
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import readahead_jobs

    readahead_jobs.install()
    from dispatch_reader.cli import app

    sys.argv = ["dispatch-reader", *sys.argv[1:]]
    app()
