"""What ingestion hands to extraction: one `PageText` per page, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None  # 0..1 for OCR words, None for text-layer words


# The confidence of a word with figures that dropped ink (a stamp's pen, a seal) crossed
# (ingest/crossed.py): under the header facts' line (extract/data/confidence.json: 0.5 for
# number, type and date), and a value no reading gives (Tesseract's are kept to three decimals),
# so that a warning can say why the word is doubted.
CROSSED_CONF = 0.4499

LineKey = tuple[int, int, int]  # Tesseract's (block, paragraph, line) of a word


def swap_words(words: list[Word], keys: list[LineKey], dropped: set[int],
               added: list[tuple[Word, LineKey]]) -> tuple[list[Word], list[LineKey]]:
    """The page's words and their line keys with those at `dropped` taken out and the words
    a re-reading gave (`added`, each with its line's key) put in."""
    keep = [i for i in range(len(words)) if i not in dropped]
    return [words[i] for i in keep] + [w for w, _ in added], [keys[i] for i in keep] + [k for _, k in added]


@dataclass
class Table:
    """A list table (DANH SÁCH): header cells and body rows, each row one cell per column."""

    header: list[str]
    rows: list[list[str]]
    x0: float
    top: float
    x1: float
    bottom: float
    source: Literal["ruled", "aligned"] = "ruled"  # cells from drawn rules or from word alignment


@dataclass
class PageText:
    number: int  # 1-based
    text: str  # NFC; lines in reading order, header columns kept apart
    method: Literal["text_layer", "ocr"] = "text_layer"
    reason: str = ""
    ocr_confidence: float | None = None  # share of characters read right, calibrated (ingest/confidence.py)
    rotation: int | None = None
    width: float | None = None
    height: float | None = None
    words: list[Word] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # list tables; their rows are also in `text`
    # a colour receiving stamp read alone (ingest/stamp.py); never part of `text`
    stamp_text: str = ""
    # the resolution the page was scanned at, the lowest across or down (a fax's rows: 100);
    # None for a text layer or a file that does not say
    scan_dpi: float | None = None


@dataclass
class Document:
    path: str
    sha256: str
    pages: list[PageText]
    warnings: list[str] = field(default_factory=list)
