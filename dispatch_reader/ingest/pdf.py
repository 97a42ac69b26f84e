"""Opening a PDF: leniently, with the passwords we were given, repairing what can be repaired.

Offices send PDFs with bytes after %%EOF (mail gateways, scanners appending a signature) or
with no %%EOF at all (a download cut at the very end). PDFium rebuilds their cross-reference
table and reads them whole, so they are read, and every page's reason says "repaired". What
PDFium refuses goes through qpdf (pikepdf), which rebuilds harder; only a file that neither
can open is refused. Errors are one line naming the file.
"""

from __future__ import annotations

import mmap
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from dispatch_reader.errors import DamagedFileError, EncryptedPdfError


# PDFium keeps one state per process and is not thread-safe, not even across documents
# (pypdfium2's documentation): two threads in it at once crash the process. What a thread may
# run (a file's reading, a page rendered for OCR or for the web page's viewer) calls PDFium
# only while holding this lock, and closes what it opened before letting it go: an object
# left open would be closed by the garbage collector, in any thread. Processes each have
# their own. (The test-data generators, run alone, do not take it.)
PDFIUM_LOCK = threading.RLock()


@contextmanager
def locked_pdf(path: Path, password: str | None = None) -> Iterator[pdfium.PdfDocument]:
    """`path` opened with PDFIUM_LOCK held, closed (its pages with it) before the lock goes."""
    with PDFIUM_LOCK:
        pdf = open_pdf(path, password)
        try:
            yield pdf
        finally:
            pdf.close()


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """Open `path` with one password; a PDF with an empty user password opens as if it had none."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            if password:
                raise EncryptedPdfError(path, "encrypted PDF: the given password is wrong") from None
            raise EncryptedPdfError(path, "encrypted PDF: it needs a password to open (none given)") from None
        if "security" in message or "handler" in message:
            raise EncryptedPdfError(path, f"encrypted PDF with an unsupported security scheme ({exc})") from None
        raise DamagedFileError(path, f"damaged PDF: {exc}") from None
    except OSError as exc:
        raise DamagedFileError(path, f"cannot open PDF: {exc}") from None


def end_problem(path: Path) -> str | None:
    """What is wrong with the end of the file, or None: the last %%EOF ends it (give or take
    whitespace)."""
    with path.open("rb") as fh:
        with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
            at = data.rfind(b"%%EOF")
            if at < 0:
                return "no %%EOF end marker"
            rest = data[at + 5:].strip(b" \t\r\n\x00")
    return f"{len(rest)} bytes after the %%EOF end marker ignored" if rest else None


def read_passwords(file: Path | None) -> list[str]:
    """One password a line; blank lines and lines starting with # are skipped."""
    if file is None:
        return []
    try:
        text = Path(file).read_text("utf-8")
    except OSError as exc:
        raise DamagedFileError(file, f"cannot read the passwords file: {exc.strerror or exc}") from None
    return [line.rstrip("\r\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass
class OpenedPdf:
    doc: pdfium.PdfDocument
    source: Path  # what to render from: the file, or its repaired copy
    password: str | None  # the one that opened it (None: no password needed)
    repaired: str | None  # what was repaired, for the page reasons


def open_lenient(path: Path, passwords: Iterable[str], workdir: Callable[[], Path]) -> OpenedPdf:
    """Open `path` trying no password, then each given one; repair with qpdf if PDFium cannot.

    `workdir()` (private) takes a repaired copy, decrypted so the workers need no password; it
    is asked for only then (making and removing a folder costs more than reading a short PDF).
    """
    tried = [p for p in dict.fromkeys(passwords) if p]
    problem = end_problem(path)
    locked: EncryptedPdfError | None = None
    for password in [None, *tried]:
        try:
            doc = open_pdf(path, password)
        except EncryptedPdfError as err:
            locked = err
            if "unsupported" in err.reason:
                raise
            continue
        except DamagedFileError as err:
            return _repair(path, tried, workdir, problem, err)
        return OpenedPdf(doc, path, password, f"repaired: {problem}" if problem else None)
    assert locked is not None
    if len(tried) > 1:
        raise EncryptedPdfError(path, f"encrypted PDF: none of the {len(tried)} passwords given opens it") from None
    raise locked


def _repair(path: Path, passwords: list[str], workdir: Callable[[], Path], problem: str | None,
            first: DamagedFileError) -> OpenedPdf:
    import pikepdf

    for password in ["", *passwords]:
        try:
            with pikepdf.open(path, password=password) as pdf:
                if len(pdf.pages) == 0:
                    break
                target = workdir() / "repaired.pdf"
                pdf.save(target)  # without encryption: the copy stays in our private folder
            doc = open_pdf(target)
        except pikepdf.PasswordError:
            continue
        except (pikepdf.PdfError, DamagedFileError, OSError, RuntimeError):
            break
        what = problem or "cross-reference table rebuilt"
        return OpenedPdf(doc, target, None, f"repaired by qpdf: {what}")
    if problem == "no %%EOF end marker":
        raise DamagedFileError(path, "truncated PDF: the file ends before the PDF end marker "
                                     "and no reader could repair it") from None
    raise DamagedFileError(path, f"{first.reason}; no reader could repair it") from None


# Tokens as pdfminer's content parser splits them (psparser.PSBaseParser). Whatever it might
# split differently (names or keywords running into '#', a hex string closed by '>>', strings
# nested deeper than one level, a lone '>' or sign) falls to `bad`, and the stream is left alone.
_TOKEN = re.compile(
    rb"(?P<ws>[ \t\n\r\f\v\x00]+)"
    rb"|(?P<comment>%[^\r\n]*)"
    rb"|(?P<str>\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))"
    rb"|(?P<open><<|\[|\{)"
    rb"|(?P<close>>>|\]|\})"
    rb"|(?P<hex><[0-9A-Fa-f \t\n\r\f\v]*>(?!>))"
    rb"|(?P<name>/[^#/%\[\]()<>{}\s]*+(?!\#))"
    rb"|(?P<num>[-+]?(?:\d+(?:\.\d*)?|\.\d+))"
    rb"|(?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*+(?!\#)|['\"])"
    rb"|(?P<bad>.)",
    re.S)
_OPERANDS = frozenset({"str", "hex", "name", "num"})
_UNSAFE = frozenset({b"BI", b"ID", b"EI"})


def drop_statements(data: bytes, arities: dict[bytes, int]) -> bytes | None:
    """A content stream without the statements whose operator is in `arities` and that carry
    exactly that many operands (each then leaves pdfminer's operand stack as it found it).
    None when the stream holds anything pdfminer could tokenize otherwise (inline images,
    odd tokens, keywords inside arrays, unclosed arrays): the caller keeps the stream whole."""
    spans: list[tuple[int, int]] = []
    starts: list[int] = []  # where each whole operand since the last operator begins
    depth = 0
    for m in _TOKEN.finditer(data):
        kind = m.lastgroup
        if kind == "ws" or kind == "comment":
            continue
        if kind == "bad":
            return None
        if kind == "open":
            if depth == 0:
                starts.append(m.start())
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return None
        elif kind == "kw":
            word = m.group()
            if word in (b"true", b"false"):
                if depth == 0:
                    starts.append(m.start())
                continue
            if depth or word in _UNSAFE:
                return None
            n = arities.get(word)
            if n is not None and len(starts) == n:
                spans.append((starts[0] if n else m.start(), m.end()))
            starts = []
        elif depth == 0:
            starts.append(m.start())
    if depth:
        return None
    if not spans:
        return data
    out, at = [], 0
    for start, end in spans:
        out.append(data[at:start])
        out.append(b" ")
        at = end
    out.append(data[at:])
    return b"".join(out)
