"""The receiving office's stamp on a colour scan, read alone.

A clerk stamps `CÔNG VĂN ĐẾN — Số: … — Ngày: … — Chuyển: …` in violet or red on page 1 and
writes the figures in by hand, often across the header. Colour dropout takes that ink away
before the page is read, so the header reads clean, and with it the stamp the issue asked to
keep (`document.received`). Here the stamp is found by its shape — coloured ink in the top half
of the page whose pieces, grown a little, make one box the size of a stamp, wider than tall —
and its coloured ink alone, black text left out, is read as a block. Its text stays out of the
page's text: it never reaches the header's reading.
"""

from __future__ import annotations

import re

import cv2
import numpy as np
import pytesseract

from dispatch_reader.ingest import preprocess
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import BORDER, Deadline, run_psm, tesseract, tsv_words, write

# A stamp's ink: a faded violet print is less coloured than a seal (preprocess.INK_CHROMA)
# but far more than black text (~7-12 on a scan).
STAMP_CHROMA = 25
# Its pieces (frame, printed labels, the hand's figures) are joined when this close (inches);
# black text crossing the frame cuts it into pieces about a stroke apart.
STAMP_JOIN_IN = 0.06
# Receiving stamps are 1.5-3.5 inches wide and about half as tall; a seal is round (as wide as
# tall), a hand's note has no frame.
STAMP_WIDTH_IN = (1.2, 4.5)
STAMP_HEIGHT_IN = (0.5, 2.2)
STAMP_ASPECT = 1.3


# A page may carry other coloured boxes of a stamp's shape (a boxed table, a `KHẨN` mark): the
# largest few are read, and the extraction keeps the one that reads as a receiving stamp.
MAX_STAMPS = 2


def find_stamps(rgb: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """The boxes (x, y, w, h; pixels) of the stamp-shaped pieces of coloured ink in the top half
    of the page, largest first, not touching the image's edge (a desk around a photographed
    sheet); at most MAX_STAMPS."""
    balanced = preprocess.white_balanced(rgb).astype(np.int16)
    chroma = balanced.max(axis=2) - balanced.min(axis=2)
    height, width = chroma.shape
    ink = (chroma > STAMP_CHROMA).astype(np.uint8)
    ink[height // 2:] = 0
    k = max(3, int(dpi * STAMP_JOIN_IN))
    joined = cv2.dilate(ink, np.ones((k, k), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found = []
    for x, y, w, h, _ in stats[1:n]:
        if x == 0 or y == 0 or x + w >= width:
            continue
        w_in, h_in = w / dpi, h / dpi
        if STAMP_WIDTH_IN[0] <= w_in <= STAMP_WIDTH_IN[1] and STAMP_HEIGHT_IN[0] <= h_in <= STAMP_HEIGHT_IN[1] \
                and w_in / h_in >= STAMP_ASPECT:
            found.append((int(x), int(y), int(w), int(h)))
    return sorted(found, key=lambda b: -b[2] * b[3])[:MAX_STAMPS]


def find_stamp(rgb: np.ndarray, dpi: float) -> tuple[int, int, int, int] | None:
    """The largest stamp-shaped box (`find_stamps`), if any."""
    boxes = find_stamps(rgb, dpi)
    return boxes[0] if boxes else None


def stamp_ink(rgb: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The box's coloured ink as dark on white, by how coloured it is: black text, colourless,
    turns to paper."""
    x, y, w, h = box
    balanced = preprocess.white_balanced(rgb[y:y + h, x:x + w]).astype(np.int16)
    chroma = balanced.max(axis=2) - balanced.min(axis=2)
    return np.clip(255 - (chroma - 12) * 4.0, 0, 255).astype(np.uint8)


def read_stamp(rgb: np.ndarray, dpi: float, settings: IngestSettings, deadline: Deadline, tmp: str,
               figures: bool = True) -> str:
    """The lines of each stamp-shaped box as read, a blank line between boxes, or "" when the
    page has none. A hand's bare figures (the registration number) are read again, alone, as
    figures only, three ways; they stand where two of these agree with the block's reading,
    and are written `?` where they do not: a wrong number is worse than none (`7097` for
    `7057`, `920` for `9230`). Without `figures` every word holding a figure is written `?`:
    a phone photo's stamp, askew and blurred, gave two wrong numbers and no right one of 11,
    but its title still tells a clerk the paper was stamped."""
    return "\n\n".join(_read_box(rgb, box, dpi, settings, deadline, tmp, figures) for box in find_stamps(rgb, dpi))


def _read_box(rgb: np.ndarray, box: tuple[int, int, int, int], dpi: float, settings: IngestSettings,
              deadline: Deadline, tmp: str, figures: bool = True) -> str:
    x, y, w, h = box
    crop = np.ascontiguousarray(rgb[y:y + h, x:x + w])
    # the hand's figures are ~4 mm tall: at a scan's 200 dpi they read better enlarged, and the
    # colour enlarged (bilinear) before it is measured: a JPEG's coarse colour blocks smoothed
    # (the received copies' numbers: 10 right, none wrong; 7 and 1 with the ink enlarged cubic)
    factor = max(1.0, 300.0 / dpi)
    if factor > 1.0:
        crop = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_LINEAR)
    ink = stamp_ink(crop, (0, 0, crop.shape[1], crop.shape[0]))
    framed = cv2.copyMakeBorder(ink, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    words, keys = tsv_words(run_psm(write(framed, tmp, "stamp"), settings, deadline, 6), 1.0)
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for word, key in zip(words, keys):
        lines.setdefault(key, []).append(word)
    out = []
    for line in lines.values():
        texts = [w.text for w in line]
        if not figures:
            out.append(" ".join("?" if any(c.isdigit() for c in t) else t for t in texts))
            continue
        # a word ending in a colon is a label read as figures (`56:` for `Số:`): no count
        counts = [i for i, t in enumerate(texts)
                  if _BARE_FIGURES.fullmatch(t.strip(_PUNCTUATION)) and not t.endswith(":")]
        if counts and not any(c in "".join(texts) for c in "/⁄"):
            for i in counts:
                texts[i] = _agreed_figures(framed, line[i], tmp, deadline)
        out.append(" ".join(texts))
    return "\n".join(out)


_BARE_FIGURES = re.compile(r"\d{2,6}")
_PUNCTUATION = " |.,:;-_~'\"“”‘’`()[]{}<>«»"
_PAD = 8  # pixels around a word when it is cut out again


# The hand's figures read again, each way alone: (model, page segmentation mode). A word cut
# out and read as one word and as one line by the English model, as one line by the
# Vietnamese: Tesseract drops or misreads a hand's digit differently each way (`4797` read
# `197` as a word, `4797` as a line). On the received copies of our samples and real texts and
# PDFs (80 stamps, the pipeline's own page images), the block's reading confirmed by two of
# these gave 24 numbers right and 1 wrong; by the word read alone (one way), 20 and none; by
# three readings of four agreeing, whichever (the English word enlarged for the Vietnamese
# line), 23 and 1.
_AGAIN = (("eng", 8), ("eng", 7), ("vie", 7))
_CONFIRMED = 2


def _agreed_figures(framed: np.ndarray, word: Word, tmp: str, deadline: Deadline) -> str:
    """The block's reading of the figures where two readings alone agree with it (leading
    zeros aside), else `?`."""
    first = _value(word.text.strip(_PUNCTUATION))
    agree = 0
    for done, (lang, psm) in enumerate(_AGAIN, 1):
        again = _figures_again(framed, word, tmp, deadline, lang, psm)
        agree += bool(again) and _value(again) == first
        if agree >= _CONFIRMED:
            return word.text
        if agree + len(_AGAIN) - done < _CONFIRMED:
            break  # the readings left cannot confirm it
    return "?"


def _value(figures: str) -> str:
    return figures.lstrip("0") or "0"


def _figures_again(framed: np.ndarray, word: Word, tmp: str, deadline: Deadline, lang: str, psm: int) -> str:
    """The word cut out and read as figures only: its digits."""
    crop = framed[max(int(word.top) - _PAD, 0):int(word.bottom) + _PAD, max(int(word.x0) - _PAD, 0):int(word.x1) + _PAD]
    if crop.size == 0:
        return ""
    crop = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    try:
        found = tesseract(write(crop, tmp, "stamp-figures"), "txt", lang,
                          f"--psm {psm} -c tessedit_char_whitelist=0123456789", max(deadline.left(), 0.01))
    except (pytesseract.TesseractError, RuntimeError):
        return ""  # no reading this way: no confirmation
    return "".join(c for c in found if c.isdigit())
