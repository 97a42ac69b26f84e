"""The folders a dropped file moves through, and moves that never lose or clobber a file.

Every move between our own folders is "link the new name, then remove the old one" (`os.link` fails when the target
exists, so two files with one name never overwrite each other), followed by an fsync of the
folder, so that after a power cut a file is in its old place, its new place, or both — never
in neither. Where hard links are impossible (another file system, some network shares) the file
is copied to a temporary name, synced, and linked into place. A dropped file is always
*copied* into processing/: a hard link would share the clerk's file, and a file saved over
in place (as `cp` and Windows shares do) would change under the reader.
"""

from __future__ import annotations

import errno
import os
import shutil
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dispatch_reader.errors import InputFileError
from dispatch_reader.textnorm import nfc
from dispatch_reader.watch.admit import LOCK_NAME, open_regular

_CLASH_LIMIT = 10_000
# Most file systems allow 255 bytes per name. A name we make from a dropped one gets a clash
# number " (9999)" and a note beside it ("NAME.duplicate.txt", "NAME.claim.json"), so it is
# kept this short; a 250-byte name a clerk dropped would otherwise fail at the first note.
_NAME_BYTES = 255 - len(" (9999)") - len(".duplicate.txt")


@dataclass(frozen=True)
class Places:
    """INBOX and the folders beside its files: processing/, archive/, failed/, duplicates/, outbox/."""

    inbox: Path
    root: Path
    outbox: Path

    @classmethod
    def make(cls, inbox: Path, root: Path | None = None, outbox: Path | None = None) -> Places:
        root = root or inbox
        return cls(inbox=inbox, root=root, outbox=outbox or root / "outbox")

    @property
    def processing(self) -> Path:
        return self.root / "processing"

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def failed(self) -> Path:
        return self.root / "failed"

    @property
    def duplicates(self) -> Path:
        return self.root / "duplicates"

    @property
    def lock_file(self) -> Path:
        # INBOX's, not ROOT's: two watchers with different --root on one INBOX would both
        # take every file
        return self.inbox / LOCK_NAME

    @property
    def lock_files(self) -> list[Path]:
        """INBOX's lock, and ROOT's when ROOT is elsewhere: two watchers sharing processing/
        would each finish the other's files as if left by a crash."""
        root_lock = self.root / LOCK_NAME
        same = os.path.abspath(root_lock) == os.path.abspath(self.lock_file)
        return [self.lock_file] if same else [self.lock_file, root_lock]

    def ensure(self) -> None:
        for folder in (self.inbox, self.processing, self.archive, self.failed, self.duplicates, self.outbox):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise InputFileError(folder, f"cannot create the folder ({exc.strerror})") from None
            if not folder.is_dir():
                raise InputFileError(folder, "is a file, not a folder")

    def own_folders(self) -> set[Path]:
        """Folders the watcher itself writes to; never taken as dropped files."""
        return {self.processing, self.archive, self.failed, self.duplicates, self.outbox}


@dataclass(frozen=True)
class Identity:
    """Enough of a file's stat to tell it is still the very file we claimed."""

    dev: int
    ino: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> Identity:
        st = os.lstat(path)  # the entry itself: a link swapped in for the file never matches
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def matches(self, path: Path) -> bool:
        try:
            return Identity.of(path) == self
        except OSError:
            return False


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's renames and links, to disk so they survive a power cut
    (no-op where unsupported).

    Never for the SQLite database or its -wal/-shm in a process holding connections: the
    close() here would drop the process's POSIX locks on it (see lifecycle.make_durable)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clash_name(name: str, n: int) -> str:
    """`Quyết định.pdf`, 2 → `Quyết định (2).pdf`; the suffix stays last so the type is kept."""
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return f"{name} ({n})"
    return f"{stem} ({n}).{suffix}"


def fit_name(name: str, limit: int = _NAME_BYTES) -> str:
    """`name` cut (in the stem, on a character boundary) to `limit` bytes, the suffix kept."""
    if len(os.fsencode(name)) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(os.fsencode(suffix)) > 16:
        stem, dot, suffix = name, "", ""
    keep = limit - len(os.fsencode(dot + suffix)) - len("…".encode())
    raw = os.fsencode(stem)[:keep]
    for drop in range(4):  # never cut a UTF-8 character in two
        try:
            cut = raw[:len(raw) - drop].decode("utf-8")
            break
        except UnicodeDecodeError:
            continue
    else:
        cut = os.fsdecode(raw)  # the name was not UTF-8 to begin with
    return f"{cut.rstrip()}…{dot}{suffix}"


def free_name(folder: Path, name: str, taken: set[str] | None = None) -> Path:
    """`folder/name`, or `folder/name (2)` … when that name (or a note beside it) is in use.
    Over-long names are shortened (see _NAME_BYTES)."""
    name = fit_name(name)
    for n in range(1, _CLASH_LIMIT):
        candidate = name if n == 1 else clash_name(name, n)
        if taken and candidate in taken:
            continue
        if not _in_use(folder / candidate):
            return folder / candidate
    raise InputFileError(folder / name, f"more than {_CLASH_LIMIT} files with this name")


def _in_use(path: Path) -> bool:
    if os.path.lexists(path):
        return True
    # a note (NAME.error.txt, NAME.claim.json) must not be shared by two files either
    return any(os.path.lexists(path.with_name(path.name + s)) for s in (".error.txt", ".duplicate.txt", ".claim.json"))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """Control characters (and bytes that are not UTF-8) written as escapes, so a file named
    with a newline or a tab cannot split or shift a tab-separated log line."""
    return _CONTROL.sub(_escape, text)


def storable_name(name: str) -> str:
    """The name a dropped file's copy gets in processing/ (and so in the store): NFC, and bytes
    that are not UTF-8 shown as U+FFFD, since no database text column can hold them."""
    return re.sub(r"[\ud800-\udfff]", "\ufffd", nfc(name))


def display(path: Path | str) -> str:
    """A file name as people read it: NFC, even when a Mac client stored it decomposed, on one
    line (control characters escaped)."""
    return escape_controls(nfc(str(path)))


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def place(src: Path, dest: Path) -> None:
    """Make `dest` name the content of `src` (which stays). Fails if `dest` exists."""
    try:
        os.link(src, dest)
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise
        if exc.errno not in (errno.EXDEV, errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EACCES):
            raise
        _copy_into_place(src, dest)
    fsync_path(dest.parent)


def copy_into_place(src: Path, dest: Path) -> None:
    """Copy `src` to `dest` (synced, complete or absent, never clobbering). Fails if `dest` exists.
    `src` must be a regular file: a link is not followed, a pipe or device refused."""
    _copy_into_place(src, dest)
    fsync_path(dest.parent)


def _temp_name(dest: Path, suffix: str) -> Path:
    # short whatever the name: `.NAME.PID.part` of a 250-byte NAME is longer than 255 bytes
    return dest.with_name(f".dr-{os.getpid()}-{secrets.token_hex(4)}{suffix}")


def _copy_into_place(src: Path, dest: Path) -> None:
    tmp = _temp_name(dest, ".part")
    try:
        fin: BinaryIO
        with open_regular(src) as fin, tmp.open("xb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 20)
            fout.flush()
            os.fsync(fout.fileno())
            st = os.fstat(fin.fileno())
        os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
        try:
            # link, not rename: rename would silently replace a file that appeared meanwhile
            os.link(tmp, dest)
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                raise
            os.rename(tmp, dest)
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    fsync_path(path.parent)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so a reader (or a crash) sees the old or the new content."""
    tmp = _temp_name(path, ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_path(path.parent)
