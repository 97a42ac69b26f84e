"""What the watcher may take from INBOX, and how it opens it.

One filter decides for inotify events and for scans alike (they used to differ, and a browser's
`.part` download or the watcher's own lock file was taken as a document). A file is taken only
when it is a regular file: a symbolic link could point anywhere the service can read
(/etc/passwd, /dev/zero) and a named pipe blocks whoever opens it, so links are never followed
and nothing is opened in a way that can block.
"""

from __future__ import annotations

import errno
import os
import stat
from fnmatch import fnmatchcase
from typing import BinaryIO

from dispatch_reader.errors import InputFileError

LOCK_NAME = ".dispatch-reader-watch.lock"

# Names that copy tools, browsers, scanners and editors use while a file is still being written,
# and hidden files (the lock, dot-files of desktops and file servers). Matched case-insensitively.
IGNORE_PATTERNS = (
    ".*",  # hidden: our lock file, .DS_Store, .~lock.x.odt#, rsync's .x.pdf.AbCdEf
    "~$*",  # Office owner files
    "*~",  # editor backups
    "*.part", "*.partial", "*.tmp", "*.temp", "*.crdownload", "*.download", "*.filepart", "*.swp",
    "thumbs.db", "desktop.ini",
)


def ignored(name: str) -> bool:
    """True for names that are never a dropped document (temporary, hidden, our own)."""
    lowered = name.lower()
    return lowered == LOCK_NAME or any(fnmatchcase(lowered, p) for p in IGNORE_PATTERNS)


def kind_of(mode: int) -> str | None:
    """None for a regular file, else what it is, for the one-line message."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def regular_stat(path: os.PathLike[str] | str) -> os.stat_result | None:
    """The file's own stat (links not followed); None when it is not a regular file or gone."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def open_regular(path: os.PathLike[str] | str) -> BinaryIO:
    """Open a dropped file for reading without following a link and without blocking.

    O_NOFOLLOW fails on a link swapped in after the lstat; O_NONBLOCK makes opening a named pipe
    return at once, and the fstat then refuses anything that is not a regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # the last component is a link
            raise InputFileError(path, "is a symbolic link, not a file; not followed") from None
        raise
    try:
        what = kind_of(os.fstat(fd).st_mode)
        if what:
            raise InputFileError(path, f"is {what}, not a regular file; not opened")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
