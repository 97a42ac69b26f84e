"""First look at a file: can we read it, and is it really a PDF or an image?

The kind comes from the first bytes, not the name: a `.pdf` that is really HTML is refused
with a reason, a `.pdf` that is really a PNG is read as the PNG it is.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dispatch_reader.errors import DamagedFileError, InputFileError, LimitExceededError

Kind = Literal["pdf", "png", "jpeg", "tiff"]

_MAGIC: list[tuple[bytes, Kind]] = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
]


@dataclass(frozen=True)
class FileInfo:
    path: Path
    kind: Kind
    size: int
    sha256: str


def _describe_start(head: bytes) -> str:
    start = head[:16].lstrip()
    if start[:1] in (b"<",):
        return "it looks like HTML or XML"
    if start[:2] == b"PK":
        return "it looks like a ZIP or Office file"
    if start[:4] == b"\xd0\xcf\x11\xe0":
        return "it looks like an old Word/Excel file"
    printable = all(32 <= b < 127 or b in (9, 10, 13) for b in head[:64])
    return "it looks like plain text" if printable else "unknown content"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes: the document's identity in the store and the OCR cache."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except IsADirectoryError:
        raise InputFileError(path, "is a folder, not a document") from None
    except PermissionError:
        raise InputFileError(path, "permission denied: cannot read the file") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read the file: {exc.strerror or exc}") from None
    return digest.hexdigest()


def sniff(path: Path, max_bytes: int) -> FileInfo:
    """Check the file can be read and say what it is; raise one-line errors otherwise."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except PermissionError:
        raise InputFileError(path, "permission denied: cannot read the file") from None
    if path.is_dir():
        raise InputFileError(path, "is a folder, not a document")
    if st.st_size == 0:
        raise InputFileError(path, "empty file (0 bytes)")
    if st.st_size > max_bytes:
        raise LimitExceededError(path, f"file is {st.st_size / 2**20:.0f} MiB, over the limit of {max_bytes / 2**20:.0f} MiB")
    if not os.access(path, os.R_OK):
        raise InputFileError(path, "permission denied: cannot read the file")
    sha256 = file_sha256(path)
    with path.open("rb") as fh:
        head = fh.read(1024)
    kind: Kind | None = None
    if b"%PDF-" in head:
        kind = "pdf"
    else:
        for magic, name in _MAGIC:
            if head.startswith(magic):
                kind = name
                break
    if kind is None:
        what = "PDF" if path.suffix.lower() == ".pdf" else "PDF or image (PNG, JPEG, TIFF)"
        raise InputFileError(path, f"not a {what}: {_describe_start(head)}")
    # A PDF's end (a missing or followed %%EOF) is judged when it is opened: PDFium and qpdf
    # repair most such files, and only one that no reader opens is refused (ingest/pdf.py).
    return FileInfo(path=path, kind=kind, size=st.st_size, sha256=sha256)

