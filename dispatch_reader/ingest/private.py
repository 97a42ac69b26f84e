"""Private temporary files, and child processes that die with their parent.

OCR writes page images and Tesseract writes its TSV of the page's words: the document's
content. They go into one folder per process, mode 0700, under a per-user folder (never
straight into the shared /tmp, where pytesseract puts them world-readable). A run killed
with -9 leaves its folder behind; the next start removes the folders of dead processes.

Workers and Tesseract get PR_SET_PDEATHSIG on Linux, so killing a run kills its OCR too
instead of leaving orphans that go on reading pages for nobody.
"""

from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import logging
import os
import shutil
import signal
import stat
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

ENV_BASE = "DISPATCH_READER_TMPDIR"  # where the per-user folder goes (default: runtime dir or /tmp)
_PREFIX = "run-"
_dirs: dict[int, Path] = {}  # pid -> that process's folder (forked children must not reuse the parent's)
_owned: set[Path] = set()


def _user_base() -> Path:
    given = os.environ.get(ENV_BASE)
    if given:
        return Path(given) / f"dispatch-reader-{os.getuid()}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "dispatch-reader"
    return Path(tempfile.gettempdir()) / f"dispatch-reader-{os.getuid()}"


def _safe_base() -> Path | None:
    """The per-user folder, made 0700 and checked to be ours (not a planted link or folder)."""
    base = _user_base()
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(base)
    except OSError as exc:
        log.warning("private temp folder %s unusable (%s)", base, exc.strerror or exc)
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        log.warning("private temp folder %s is not a folder of this user; using a fresh one", base)
        return None
    if st.st_mode & 0o077:
        os.chmod(base, 0o700)
    return base


def pid_alive(pid: int) -> bool:
    """Is process `pid` running on this machine (one we may not signal counts as running)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale(base: Path | None = None) -> int:
    """Remove the folders of runs whose process is gone (killed before its own clean-up)."""
    base = base or _safe_base()
    if base is None:
        return 0
    removed = 0
    for entry in base.glob(f"{_PREFIX}*"):
        try:
            pid = int(entry.name[len(_PREFIX):].split("-", 1)[0])
        except ValueError:
            continue
        if pid != os.getpid() and not pid_alive(pid):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed


def run_dir() -> Path:
    """This process's private folder (0700), made on first use; removed at exit."""
    pid = os.getpid()
    folder = _dirs.get(pid)
    if folder is not None and folder.is_dir():
        return folder
    base = _safe_base()
    if base is not None:
        clean_stale(base)
    folder = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{pid}-", dir=base))  # mkdtemp makes it 0700
    _dirs[pid] = folder
    _owned.add(folder)
    return folder


def adopt(folder: str) -> None:
    """A worker uses its parent's folder: the parent removes it, and workers exit without atexit."""
    if os.path.isdir(folder):
        _dirs[os.getpid()] = Path(folder)


def workspace(prefix: str) -> tempfile.TemporaryDirectory[str]:
    """A temporary folder inside the private one, removed when the `with` ends."""
    return tempfile.TemporaryDirectory(prefix=prefix, dir=run_dir())


def _remove_own() -> None:
    for folder in list(_owned):
        if _dirs.get(os.getpid()) == folder:
            shutil.rmtree(folder, ignore_errors=True)
            _owned.discard(folder)


atexit.register(_remove_own)

_PR_SET_PDEATHSIG = 1


def _prctl():  # noqa: ANN202
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl
    except OSError:
        return None


_PRCTL = _prctl()  # looked up before any fork: a preexec_fn should not load libraries


def die_with_parent(parent: int | None = None) -> None:
    """Be killed when the parent goes (Linux); elsewhere a no-op. Safe as a preexec_fn.

    `parent`: the pid the caller forked from, when known; if the parent is already another
    process, it died before the signal was armed, so go now.
    """
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if parent is not None and os.getppid() != parent:
            os._exit(1)
