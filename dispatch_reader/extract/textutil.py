"""Text helpers for extraction: a length-keeping fold, lines and column segments.

Matching runs on a *folded* copy of the page text (no diacritics, lower case, `đ` → `d`) that
has exactly the same length as the NFC original, so an offset found in the fold is an offset
in the page text and quotes can be cut from the original. Folding also makes keyword rules
blind to the tone-mark slips OCR makes (`Quyet dinh`, `Sô:`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from dispatch_reader.textnorm import for_matching


class _FoldTable(dict):
    """str.translate table built on demand: one output character per input character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐðÐ":
            out = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out = base.lower() if len(base.lower()) == 1 else ch
        self[code] = out
        return out


_TABLE = _FoldTable()


def fold_keep(text: str) -> str:
    """Lower-case ASCII skeleton of `text` with the same length (offsets stay valid)."""
    return for_matching(text).translate(_TABLE)


@lru_cache(maxsize=65536)
def fold_word(text: str) -> str:
    """fold_keep for short strings (tokens, data entries), cached."""
    return fold_keep(text)


# a word of the Central Highlands' peoples' names and places opens on a letter and an apostrophe
# (`H'Bia`, `H’Linh`, `Ea H'Leo`, `Ia H’Drai`: typed straight or curly), or joins two so (`Kơ'nia`)
APOSTROPHED_WORD = re.compile(r"[^\W\d_]+['’][^\W\d_]+")


def is_word(text: str) -> bool:
    """Letters only, or letters joined by one apostrophe (APOSTROPHED_WORD)."""
    return text.isalpha() or APOSTROPHED_WORD.fullmatch(text) is not None


@lru_cache(maxsize=65536)
def fold_phrase(text: str) -> str:
    """Folded phrase with white space collapsed, for comparing data entries."""
    return re.sub(r"\s+", " ", fold_keep(text)).strip()


@dataclass(frozen=True)
class Segment:
    """A run of text on one line: a whole line, or one column of a two-column line."""

    page: int
    line: int  # index of the line on its page
    col: int  # 0 = leftmost segment of the line
    start: int  # offset in the page text
    text: str  # as in the page text (stripped)
    folded: str  # fold_keep(text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def sub(self, a: int, b: int | None = None) -> Segment:
        """The part text[a:b], stripped, as a segment with the right offset."""
        b = len(self.text) if b is None else b
        piece = self.text[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        return Segment(self.page, self.line, self.col, self.start + a + lead, piece,
                       self.folded[a + lead:a + lead + len(piece)])


# Columns laid side by side on one line are separated by a wide gap; words by one space.
_GAP = re.compile(r"[ \t\u00a0]{3,}|\t|\s*\|\s*")  # wide gaps; ingestion marks table cells with " | "
_LETTER = re.compile(r"[^\W\d_]")


def page_lines(page: int, text: str, folded: str | None = None) -> list[list[Segment]]:
    """Lines of a page, each a list of its column segments (empty list for a blank line)."""
    folded = fold_keep(text) if folded is None else folded
    out: list[list[Segment]] = []
    pos = 0
    for idx, raw in enumerate(text.split("\n")):
        segs: list[Segment] = []
        col = 0
        last = 0
        pieces = []
        for m in _GAP.finditer(raw):
            pieces.append((last, m.start()))
            last = m.end()
        pieces.append((last, len(raw)))
        for a, b in pieces:
            piece = raw[a:b]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            s = pos + a + lead
            segs.append(Segment(page, idx, col, s, stripped, folded[s:s + len(stripped)]))
            col += 1
        out.append(segs)
        pos += len(raw) + 1
    return out


@lru_cache(maxsize=65536)
def line_at(text: str, pos: int) -> str:
    """The whole line of `text` that holds offset `pos`."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a:b if b >= 0 else len(text)]


def is_upper_line(text: str) -> bool:
    """Mostly capital letters (an issuer, a title, a signer's title)."""
    letters = _LETTER.findall(text)
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.85


def is_rule_line(text: str) -> bool:
    """A drawn rule: underscores, dashes, dots only; also typed with a horizontal bar or a box's
    line (`―――――`, `─────`: a tester's Word header)."""
    t = text.strip()
    return len(t) >= 3 and not re.sub(r"[_\-‐‒–—―⎯─━═‾=.…·* ]", "", t)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# a scan coarser than this (dpi, across or down) holds a tone mark in a pixel or two: a fax's
# rows at 100 dpi. Which mark was read there is no evidence of which was printed.
COARSE_DPI = 150.0


def coarse_scan(dpi: float | None) -> bool:
    """Is a scan of this resolution coarse, a fax's? Told on the whole dpi: a 150-dpi page
    measured from its image and the page's points is 149.99999, and is no fax."""
    return dpi is not None and round(dpi) < COARSE_DPI


def names_unsure(dpi: float | None) -> bool:
    """Is a name read off a scan of this resolution to be checked? A fax's and a 150-dpi
    office scan's (a tone lost at Tesseract's full confidence), told on the whole dpi."""
    return dpi is not None and round(dpi) <= COARSE_DPI


@dataclass
class Page:
    """One page prepared for extraction: NFC text, its fold, its lines and segments."""

    number: int
    text: str
    folded: str
    lines: list[list[Segment]]
    ocr_confidence: float | None = None
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # per-page results reused by modules
    scan_dpi: float | None = None  # the scan's coarser resolution (a fax's 100 rows an inch), if scanned

    @classmethod
    def make(cls, number: int, text: str, ocr_confidence: float | None = None, scan_dpi: float | None = None) -> Page:
        folded = fold_keep(text)
        return cls(number, text, folded, page_lines(number, text, folded), ocr_confidence, scan_dpi=scan_dpi)

    def segments(self) -> list[Segment]:
        return [seg for line in self.lines for seg in line]
