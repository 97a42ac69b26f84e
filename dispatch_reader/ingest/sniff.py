"""First look at a file: can we read it, and is it really a PDF or an image?

The kind comes from the first bytes, not the name: a `.pdf` that is really HTML is refused
with a reason, a `.pdf` that is really a PNG is read as the PNG it is, a `.jpg` saved from a chat
app that is really WebP as the WebP it is.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from dispatch_reader.errors import DamagedFileError, InputFileError, LimitExceededError

Kind = Literal["pdf", "png", "jpeg", "tiff", "webp", "heic"]

# the image formats read, as the one-line refusals and the help name them
IMAGE_FORMATS = "PNG, JPEG, TIFF, WebP, HEIC"

_MAGIC: list[tuple[bytes, Kind]] = [
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
]
# An ISO media file (HEIF, MP4, MOV) opens with its `ftyp` box: size, `ftyp`, the major brand,
# a minor version, then the brands it is compatible with. A phone's photo names an HEVC
# still-image brand (heic, heix, ...) or the general HEIF image ones (mif1, msf1), as its major
# brand or among the compatible ones; a video names none of these
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"})
# AVIF declares mif1 too, but its AV1 pictures are not what pillow-heif decodes
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


@dataclass(frozen=True)
class FileInfo:
    path: Path
    kind: Kind
    size: int
    sha256: str


def _brands(head: bytes) -> list[bytes]:
    """The major brand, then the compatible ones, of an ISO media file's `ftyp` box; [] for
    any other file."""
    if head[4:8] != b"ftyp":
        return []
    end = min(int.from_bytes(head[:4], "big"), len(head))
    return [head[8:12]] + [head[i:i + 4] for i in range(16, end - 3, 4)]


def _is_heif(head: bytes) -> bool:
    brands = _brands(head)
    return bool(brands) and brands[0] not in _AVIF_BRANDS and any(b in _HEIF_BRANDS for b in brands)


def content_kind(head: bytes) -> Kind | None:
    """What a file is by its first bytes (1 KiB is plenty), None when it is none of our kinds."""
    if b"%PDF-" in head:
        return "pdf"
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if _is_heif(head):
        return "heic"
    return None


def stated_size(fh: BinaryIO) -> int | None:
    """The size in bytes a WebP or HEIC file (open for reading) says it has in its own header;
    a copy still being written, or one cut short, is smaller. None for the other kinds, whose end
    is found otherwise.

    A WebP is one RIFF chunk of stated length. A HEIC is a row of boxes, each stating its
    length: their sum, or None when the last says it runs to the end of the file (size 0) or
    the row is too long to be a photo's (ftyp, meta, mdat and a few more)."""
    size = os.fstat(fh.fileno()).st_size
    fh.seek(0)
    head = fh.read(1024)
    kind = content_kind(head)
    if kind == "webp":
        return 8 + int.from_bytes(head[4:8], "little")
    if kind != "heic":
        return None
    end = 0
    for _ in range(1000):
        if end >= size:
            return end
        fh.seek(end)
        box = fh.read(16)
        if len(box) < 8:
            return end + 8
        length = int.from_bytes(box[:4], "big")
        if length == 1:  # a 64-bit length follows the type
            length = int.from_bytes(box[8:16], "big") if len(box) == 16 else 16
        if length == 0:
            return None
        end += max(length, 8)
    return None


def _describe_start(head: bytes) -> str:
    brands = _brands(head)
    if brands:
        return ("it looks like an AVIF image, which is not read (save it as JPEG or PNG)" if brands[0] in _AVIF_BRANDS
                else "it looks like a video (MP4, MOV) or other media file")
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
    kind = content_kind(head)
    if kind is None:
        what = "PDF" if path.suffix.lower() == ".pdf" else f"PDF or image ({IMAGE_FORMATS})"
        raise InputFileError(path, f"not a {what}: {_describe_start(head)}")
    # A PDF's end (a missing or followed %%EOF) is judged when it is opened: PDFium and qpdf
    # repair most such files, and only one that no reader opens is refused (ingest/pdf.py).
    return FileInfo(path=path, kind=kind, size=st.st_size, sha256=sha256)

