"""The shared spool folder: how a file reaches a worker on another machine.

The folder is an NFS or SMB share mounted at the same path, or any path, on the enqueuing
machine and on every worker (README "Many machines"). A file is copied in under its SHA-256,
`ab/ab12…ef.pdf` (the first two hex digits as a sub-folder, so no folder grows past a few
thousand entries), through a hidden temporary name and one rename: a worker never sees half a
file, and the same bytes queued twice share one spool file. A worker copies the file out into
its private folder under the file's own name and checks the SHA-256 before reading it.

Errors are of two kinds: the spool is away (not mounted, the server down: wait and retry) or
this one file is (missing, or its bytes are not the ones queued: retried a few times, since a
network share may lag, then given up with the reason).
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
from pathlib import Path

from dispatch_reader.errors import InputFileError
from dispatch_reader.pipeline import DOCUMENT_SUFFIXES
from dispatch_reader.watch.places import fsync_path

FILE_MODE = 0o640  # the workers' group reads it; nobody else (it is a document)
DIR_MODE = 0o2770  # setgid: files in it keep the spool's group, so every worker may remove them
_BLOCK = 1 << 20


class SpoolError(Exception):
    """The spool or a file in it cannot be used now; `transient`: worth waiting for."""

    def __init__(self, reason: str, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


def spool_name(sha256: str, suffix: str) -> str:
    suffix = suffix.lower() if suffix.lower() in DOCUMENT_SUFFIXES else ""
    return f"{sha256[:2]}/{sha256}{suffix}"


def _copy(src: Path, dest: Path) -> str:
    """Copy with the SHA-256 of what was copied; dest is flushed to disk."""
    digest = hashlib.sha256()
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        with src.open("rb") as fh, os.fdopen(fd, "wb", closefd=False) as out:
            for block in iter(lambda: fh.read(_BLOCK), b""):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    finally:
        os.close(fd)
    return digest.hexdigest()


def put(src: Path, root: Path, sha256: str) -> str:
    """Copy `src` into the spool under its SHA-256; its spool name. A file already there (the
    same bytes queued before) is kept. Raises InputFileError when `src` cannot be read or
    changed since it was hashed, SpoolError when the spool cannot be written."""
    name = spool_name(sha256, src.suffix)
    dest = root / name
    try:
        if dest.is_file() and dest.stat().st_size == src.stat().st_size:
            return name
    except FileNotFoundError:
        raise InputFileError(src, "no such file") from None
    except OSError as exc:
        raise SpoolError(f"spool {root}: {exc.strerror or exc}", transient=True) from None
    try:
        dest.parent.mkdir(mode=DIR_MODE, exist_ok=True)
    except OSError as exc:
        raise SpoolError(f"cannot write into the spool {root}: {exc.strerror or exc}", transient=True) from None
    temp = dest.parent / f".{sha256}.{secrets.token_hex(4)}.part"
    try:
        try:
            got = _copy(src, temp)
        except FileNotFoundError:
            if not dest.parent.is_dir():
                raise
            raise InputFileError(src, "no such file") from None
        except PermissionError:
            if not os.access(src, os.R_OK):
                raise InputFileError(src, "permission denied: cannot read the file") from None
            raise
        if got != sha256:
            raise InputFileError(src, "changed while it was being queued; queue it again once it is complete")
        os.replace(temp, dest)
    except OSError as exc:
        raise SpoolError(f"cannot write into the spool {root}: {exc.strerror or exc}", transient=True) from None
    finally:
        try:
            temp.unlink()
        except OSError:
            pass
    _fsync_dir(dest.parent)
    return name


def fetch(root: Path, name: str, sha256: str, into: Path, file_name: str) -> Path:
    """Copy the spool file `name` into the folder `into` as `file_name`; checked by SHA-256."""
    src = root / name
    if not root.is_dir():
        raise SpoolError(f"spool folder {root} is not there (not mounted?)", transient=True)
    dest = into / _safe(file_name)
    try:
        got = _copy(src, dest)
    except FileNotFoundError:
        dest.unlink(missing_ok=True)
        raise SpoolError(f"{name} is not in the spool {root} (removed, or the share lags)", transient=True) from None
    except OSError as exc:
        dest.unlink(missing_ok=True)
        where = dest if exc.filename == str(dest) else src
        raise SpoolError(f"cannot copy {name} out of the spool ({where}: {exc.strerror or exc})",
                         transient=exc.errno not in (errno.EACCES, errno.EPERM)) from None
    if got != sha256:
        dest.unlink(missing_ok=True)
        raise SpoolError(f"{name} in the spool is not the file queued (SHA-256 {got[:12]}…)", transient=True)
    return dest


def remove(root: Path, name: str) -> None:
    try:
        (root / name).unlink()
    except OSError:
        pass  # gone already, or the share is away: an unused spool file costs only space


def _safe(file_name: str) -> str:
    """The file's own name (what the store and the briefs show), fit to be a local file name."""
    name = file_name.replace("/", "_").replace("\0", "_") or "document"
    if name in (".", ".."):
        name = "document"
    raw = name.encode("utf-8", "surrogateescape")
    if len(raw) > 240:  # local file systems take 255 bytes
        stem, dot, ext = name.rpartition(".")
        ext = ext if dot and len(ext) <= 5 else ""
        name = raw[:230].decode("utf-8", "ignore") + ("." + ext if ext else "")
    return name


def _fsync_dir(folder: Path) -> None:
    fsync_path(folder)  # the renames into the spool survive a power cut
