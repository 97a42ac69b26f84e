"""Figures written by hand into the header's blanks, read again as figures alone.

A document is typed with its number and day left blank (`Số:    /2021/TT-BQP`, `Hà Nội, ngày
tháng 6 năm 2021`) and the clerk writes them in by hand when it is signed and registered; the
Gazette's scans of signed originals show it on page one. Read with the page, in Vietnamese,
Tesseract takes a hand's `58` for `§ @` and its `07` for `OF`, and the number or the date is
lost. Read alone, by the English model told to expect figures only, the same ink gives `58` and
`07` (the Vietnamese model, so told, gave `54` or nothing).

Only a blank that holds ink and was read as no figures is read again: a number or a day the
page read as figures stays as read (a hand's `115` read `445` is flagged by the extraction,
not re-read into something no surer). A slot is found by its printed neighbours: between
`Số:` and a symbol standing apart (`/2021/TT-BQP`), between `ngày` and `tháng`, between `tháng`
and `năm`, in the page's top part. A receipt stamp's `Số: 1234` has no symbol after it and its
`Ngày: 05/9` no `tháng`: neither is a slot. The figures taken carry a low confidence (a hand's
figures are the first thing to check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract

from dispatch_reader.ingest.pages import Word, swap_words
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import BORDER, Deadline, tesseract, write
from dispatch_reader.ingest.vietnamese import is_syllable
from dispatch_reader.textnorm import fold, one_letter_off

# the header (number line, place and date line) lies in a page's top part
HEADER_SHARE = 0.45
# a hand's figures are the first thing a reader is asked to check
HAND_CONF = 0.5
_SYMBOL = re.compile(r"/[\w/.-]*[A-ZĐ]")  # `/2021/TT-BQP`, `/NQ-CP`: a symbol standing apart
_DIGITS = re.compile(r"\d+")
# printed figures with one read as a letter of its shape (`L3` for a thin italic `13`): the
# type's, not a blank a hand filled
_LOOKALIKE_FIGURES = re.compile(r"(?=\D*\d)[0-9OoIlL|]+")
_AS_FIGURES = str.maketrans("OoIlL|", "001111")


def _figures(text: str) -> str | None:
    """The figures a word was read as, a letter of a figure's shape among them; None if it is
    no figures."""
    return text.translate(_AS_FIGURES) if _LOOKALIKE_FIGURES.fullmatch(text) else None


@dataclass(frozen=True)
class _Slot:
    kind: str  # number, day, month
    left: float  # points: the printed word before the blank ends here ...
    right: float  # ... and the one after it begins here
    top: float
    bottom: float
    inside: tuple[int, ...]  # indexes of the words read in the blank
    anchor: int  # index of the printed word before it (its line is the figures' line)


def _printed(text: str, word: str) -> bool:
    """Is `text` the printed word `word` (folded), or one letter off it with its first two kept
    and no syllable of its own (`thing`, as a copy reads `tháng`; `thông` is a word)?"""
    folded = fold(text).rstrip(":;,.")
    if folded == word:
        return True
    return (word != "so" and folded[:2] == word[:2] and one_letter_off(folded, {word}, min_len=3) == word
            and not is_syllable(text.rstrip(":;,.").lower()))


def _after_a_place(words: list[Word]) -> bool:
    """Do the words before `ngày` end as the date line's place does (`Hà Nội,`, `Sơn La`),
    not as a sentence citing a date (`kể từ ngày`, `số 03/2021/UBTVQH15 ngày`, a wrapped
    symbol's `CP ngày`)?"""
    if not words:
        return True
    last = words[-1].text
    if not last:
        return False
    return last.endswith(",") or (last[0].isupper() and last[1:].islower() and last.isalpha())


def _slots(words: list[Word], keys: list[tuple[int, int, int]], page_height: float) -> list[_Slot]:
    header = [i for i, w in enumerate(words) if w.top < page_height * HEADER_SHARE]
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i in header:
        lines.setdefault(keys[i], []).append(i)
    found: list[_Slot] = []
    for idx in lines.values():
        idx = sorted(idx, key=lambda i: words[i].x0)
        texts = [words[i].text for i in idx]
        pairs: list[tuple[str, int, int]] = []
        for a, text in enumerate(texts):
            if _printed(text, "so") and text.rstrip().endswith(":"):
                b = next((k for k in range(a + 1, len(texts)) if "/" in texts[k]), None)
                if b is not None and _SYMBOL.match(texts[b]):
                    pairs.append(("number", a, b))
            elif _printed(text, "ngay") and _after_a_place([words[i] for i in idx[:a]]):
                b = next((k for k in range(a + 1, min(a + 4, len(texts))) if _printed(texts[k], "thang")), None)
                if b is not None:
                    pairs.append(("day", a, b))
                    c = next((k for k in range(b + 1, min(b + 4, len(texts))) if _printed(texts[k], "nam")), None)
                    if c is not None:
                        pairs.append(("month", b, c))
        for kind, a, b in pairs:
            line = [words[i] for i in idx[a:b + 1]]
            top, bottom = min(w.top for w in line), max(w.bottom for w in line)
            left, right = words[idx[a]].x1, words[idx[b]].x0
            # what was read in the blank, on this line or one the page reading made of it alone,
            # in the header part or just below its edge (from the first word's start: its box
            # may run over the blank, below), as high or low as a hand's figures reach
            reach = 0.5 * (bottom - top)
            inside = tuple(i for i in range(len(words)) if i not in (idx[a], idx[b])
                           and words[idx[a]].x0 < (words[i].x0 + words[i].x1) / 2 <= right + 1
                           and top - reach <= (words[i].top + words[i].bottom) / 2 <= bottom + reach)
            # read as figures: stays as read. On the blank's own line every word must be figures
            # (`5 @` is a hand's `58` half read); on a line of its own a possible value is enough
            # (a hand's `58` boxed above the line, a stamp's scrap `ay,` under a day read right)
            own = [i for i in inside if keys[i] == keys[idx[a]]]
            if (own and all(_figures(words[i].text) for i in own)) or (not own and any(
                    (as_read := _figures(words[i].text)) and _possible(kind, as_read) for i in inside)):
                continue
            if inside:
                # an italic `ngày` before a hand's figures is boxed across them (Tesseract's box
                # ran to the next word's end): the blank is where its own words were read
                left = min(left, min(words[i].x0 for i in inside) - 2)
                right = max(right, max(words[i].x1 for i in inside) + 2)
            found.append(_Slot(kind, left, right, top, bottom, inside, idx[a]))
    return found


def _blank_ink(grey: np.ndarray, slot: _Slot, scale: float) -> np.ndarray | None:
    """The blank's handwriting alone on white: the strokes that reach into the blank, whole
    (a hand's `0` starts under the word before it), without the printed letters on either side
    or specks; None when no stroke stands as tall as half the line (an empty blank, a leader's
    dots)."""
    line_px = (slot.bottom - slot.top) / scale
    x0, x1 = int(slot.left / scale), int(slot.right / scale)
    if x1 - x0 < 0.4 * line_px or x1 - x0 > 8 * line_px:
        return None  # no room for a figure, or no blank at all (the words ran on)
    # a hand's figures stand taller than the type and reach above and below its line
    y0, y1 = max(int(slot.top / scale - 0.4 * line_px), 0), int(slot.bottom / scale + 0.4 * line_px)
    bx0, bx1 = max(int(x0 - line_px), 0), int(x1 + line_px)
    band = grey[y0:y1, bx0:bx1]
    if band.size == 0 or band.min() > 160:
        return None  # nothing dark at all
    ink = (band < 128).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    core0, core1 = x0 - bx0, x1 - bx0
    keep = [k for k in range(1, n)
            if stats[k, cv2.CC_STAT_LEFT] < core1 and stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH] > core0
            and stats[k, cv2.CC_STAT_HEIGHT] >= 0.2 * line_px]
    if not any(stats[k, cv2.CC_STAT_HEIGHT] >= 0.5 * line_px for k in keep):
        return None
    mask = np.isin(labels, keep)
    ys, xs = np.nonzero(mask)
    out = np.where(mask, 0, 255).astype(np.uint8)[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    return out


def _read_figures(crop: np.ndarray, tmp: str, deadline: Deadline) -> tuple[str, float] | None:
    padded = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    # psm 8, one word: psm 7 read a lone `6` as nothing
    config = "-c tessedit_create_tsv=1 --psm 8 -c tessedit_char_whitelist=0123456789"
    try:
        tsv = tesseract(write(padded, tmp, "figures"), "tsv", "eng", config, max(deadline.left(), 0.01))
    except (pytesseract.TesseractError, RuntimeError):
        return None  # a re-reading that fails leaves the page's reading as it was
    data = pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)  # as tessread.run_psm parses it
    read = [(str(t).strip(), float(c)) for t, c in zip(data["text"], data["conf"]) if str(t).strip() and float(c) >= 0]
    digits = "".join(t for t, _ in read)
    if not read or not _DIGITS.fullmatch(digits):
        return None
    return digits, min(c for _, c in read) / 100.0


def _possible(kind: str, digits: str) -> bool:
    if kind == "number":
        return len(digits) <= 6 and int(digits) > 0
    top = 31 if kind == "day" else 12
    return len(digits) <= 2 and 1 <= int(digits) <= top


def reread_written_figures(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                           settings: IngestSettings, deadline: Deadline,
                           tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], int]:
    """Read again, as figures alone, each blank of the header (number, day, month) that holds
    a hand's ink the page reading took for no figures. Returns the words, their line keys and
    how many blanks were read to effect."""
    if not settings.written_figures:
        return words, keys, 0
    dropped: set[int] = set()
    added: list[tuple[Word, tuple[int, int, int]]] = []
    for slot in _slots(words, keys, grey.shape[0] * scale):
        crop = _blank_ink(grey, slot, scale)
        if crop is None:
            continue
        reading = _read_figures(crop, tmp, deadline)
        if reading is None or not _possible(slot.kind, reading[0]):
            continue
        digits, conf = reading
        dropped.update(slot.inside)
        added.append((Word(digits, slot.left + 1, slot.top, slot.right - 1, slot.bottom, min(conf, HAND_CONF)),
                      keys[slot.anchor]))
    if not added:
        return words, keys, 0
    return *swap_words(words, keys, dropped, added), len(added)

