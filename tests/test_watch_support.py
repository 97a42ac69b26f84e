"""Helpers for the watch and batch tests: tiny born-digital documents, a CLI subprocess that is
always killed, and questions to the store. (No tests here; imported by test_watch_* and
test_batch_*.)"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_TEXT = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: {n}/QĐ-UBND
Sơn La, ngày {day:02d} tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc biệt phái công chức đến công tác tại xã
Điều 1. Biệt phái ông Nguyễn Văn {name} đến công tác tại UBND xã Phú Thọ.
Thời hạn 06 tháng kể từ ngày ký.
"""
_NAMES = ["An", "Bình", "Chiến", "Dũng", "Hùng", "Khoa", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn", "Tâm"]


def document_bytes(n: int) -> bytes:
    """A one-page born-digital decision, different for every `n` (so a different SHA-256)."""
    from dispatch_reader.synth import render_text_pdf

    text = _TEXT.format(n=n, day=1 + n % 28, name=_NAMES[n % len(_NAMES)])
    return render_text_pdf(text)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_slowly(path: Path, data: bytes, chunks: int, pause: float) -> None:
    """Write `data` into `path` in `chunks` pieces with `pause` seconds between them, as a
    slow copy or a scanner writing page by page does."""
    step = max(1, len(data) // chunks)
    with path.open("wb") as fh:
        for i in range(0, len(data), step):
            fh.write(data[i:i + step])
            fh.flush()
            time.sleep(pause)


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("DISPATCH_READER_DEBUG", None)
    env["COLUMNS"] = "400"  # one-line errors stay one line
    return env


class Cli:
    """`python -m dispatch_reader ARGS` in the background; killed on exit from `with`."""

    def __init__(self, *args: str, cwd: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "dispatch_reader", *args], cwd=cwd, env=cli_env(),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out = ""
        self.err = ""
        self._collected = False

    def __enter__(self) -> Cli:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.communicate(timeout=30)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def signal(self, sig: int) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)

    def wait(self, timeout: float) -> int:
        try:
            self.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.communicate(timeout=30)
            raise AssertionError(f"process did not end within {timeout} s; stderr: {self.err[-2000:]}") from None
        return self.proc.returncode

    def communicate(self, timeout: float) -> None:
        if self._collected:
            return
        out, err = self.proc.communicate(timeout=timeout)
        self.out, self.err, self._collected = out or "", err or "", True


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dispatch_reader", *args], cwd=cwd, env=cli_env(),
                          capture_output=True, text=True, timeout=timeout)


def wait_for(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def children_of(pid: int) -> list[int]:
    """Direct child processes of `pid` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces; the parent pid is the 2nd field after ')'
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def store_runs(url: str) -> Counter[str]:
    """How many processing runs the store has of each status (created, replaced, failed)."""
    from dispatch_reader.store import open_store

    with open_store(url) as store:
        return Counter(h.status for h in store.history())


def store_count(url: str) -> int:
    from dispatch_reader.store import open_store

    with open_store(url) as store:
        return store.count()


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
