"""A family name read without the tone mark its print shows: `Lương` for `Lường`.

Tesseract's model leans to the commoner spelling of a syllable: on a clean, bold signer's line
it reads `Lường` as `Lương`, and again the same read alone, enlarged or cut to one word. The
list of family names holds a few such pairs, the same letters with one tone mark more on one
vowel (`Lương`/`Lường`, `Quang`/`Quàng`, `Giang`/`Giàng`, `La`/`Lã`). Where the name read is
one of a pair, the ink decides: a piece of ink of a mark's size standing above that vowel, clear
of the letter and no farther above it than the letter is tall, is the mark the reading dropped.
No such ink, no change: the reading is taken as it is. The pair's marked name is the only one
it can be: no tone is guessed, the list holds one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import pytesseract

from dispatch_reader import family_names
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import BORDER, Deadline, tesseract, write
from dispatch_reader.textnorm import NAME_WORD, fold, nfc

# the tone marks written above a vowel (the dot below, nặng, is no ink above it)
_TONES_ABOVE = {"\u0300", "\u0301", "\u0309", "\u0303"}
# vowels with nothing of their own above the letter's body (ơ and ư carry a horn at its side)
_BARE_VOWELS = set("aeouyơư")
# a mark stands clear above its letter (its foot this share of the letter's height below the
# letter's top at most: a horn leans in), and is at least this share of the letter's height tall
_TOUCH = 0.2
_LEAST_MARK = 0.15
# a letter this many pixels tall at least when read for its marks
_LETTER_PX = 40


@dataclass(frozen=True)
class Pair:
    marked: str  # the listed name with the mark (`Lường`)
    at: int  # the index of the vowel that carries it


@lru_cache(maxsize=1)
def _pairs() -> dict[str, Pair]:
    """Each listed family name that has exactly one listed sibling with one tone mark more
    above one bare vowel, and that sibling."""
    listed = family_names.listed()
    out: dict[str, Pair] = {}
    for name in listed:
        found = [p for other in listed if (p := _one_mark_more(name, other)) is not None]
        if len(found) == 1:
            out[name] = found[0]
    return out


def _one_mark_more(bare: str, marked: str) -> Pair | None:
    if len(bare) != len(marked) or bare == marked:
        return None
    diff = [i for i, (a, b) in enumerate(zip(bare, marked)) if a != b]
    if len(diff) != 1 or bare[diff[0]].lower() not in _BARE_VOWELS:
        return None
    i = diff[0]
    was, now = unicodedata.normalize("NFD", bare[i]), unicodedata.normalize("NFD", marked[i])
    return Pair(marked, i) if now.startswith(was) and len(now) == len(was) + 1 and now[-1] in _TONES_ABOVE else None




def mark_family_names(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                      settings: IngestSettings, deadline: Deadline, tmp: str) -> tuple[list[Word], int]:
    """The page's words with each family name of a pair given the mark its ink shows; how many
    were. A family name opens a name: no capitalised word before it on its line, one after it
    (`ông Lương Văn Hoan`, the signer's `Lương Văn Hoan`; not `Lê Quang Vinh`, `Hà Giang`)."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    out = list(words)
    changed = 0
    for idx in lines.values():
        idx = sorted(idx, key=lambda i: words[i].x0)
        for n, i in enumerate(idx):
            m = NAME_WORD.match(words[i].text)
            if not m or m["core"] not in _pairs() or m["tail"] or n + 1 >= len(idx):
                continue
            before = NAME_WORD.match(words[idx[n - 1]].text) if n else None
            if before and before["core"][0].isupper() and not before["tail"]:
                continue
            name = [words[i]]
            for j in idx[n + 1:n + 3]:
                nxt = NAME_WORD.match(words[j].text)
                if not nxt or not nxt["core"][0].isupper():
                    break
                name.append(words[j])
            if len(name) < 2:
                continue
            marked = mark_seen(grey, name, m["core"], scale, settings, deadline, tmp)
            if marked:
                w = words[i]
                out[i] = Word(m["lead"] + marked + m["tail"], w.x0, w.top, w.x1, w.bottom, w.conf)
                changed += 1
    return out, changed


def mark_seen(grey: np.ndarray, name: list[Word], first: str, scale: float, settings: IngestSettings,
              deadline: Deadline, tmp: str) -> str | None:
    """`first` (a family name of a pair, the first of the name's words) with the mark its ink
    shows, or None. `name`: the name's words on the page, in points; `grey`: the page in pixels
    (`scale` points per pixel)."""
    pair = _pairs()[first]
    x0, x1 = min(w.x0 for w in name), max(w.x1 for w in name)
    top, bottom = min(w.top for w in name), max(w.bottom for w in name)
    height = bottom - top
    # room above the words for a mark over a capital's height, and on either side
    box = [int(v / scale) for v in (x0 - height / 2, top - height / 2, x1 + height / 2, bottom + height / 4)]
    crop = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
    if crop.size == 0:
        return None
    k = max(1, int(np.ceil(_LETTER_PX / max(height / scale, 1))))
    # as large as a letter reads well, then twice that: a fax's coarse letters split
    # differently (`Lươỡng` at one size, `Tường` at the other)
    for factor in (k, 2 * k):
        image = cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC) if factor > 1 else crop
        framed = cv2.copyMakeBorder(image, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
        chars = _chars(framed, tmp, settings, deadline)
        if chars and _same_letters(first, "".join(c for c, _ in chars[0]), pair.at):
            ink = cv2.threshold(framed, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)[1].astype(np.uint8)
            return pair.marked if _mark_above(ink, chars, pair.at) else None
    return None


def _same_letters(name: str, read: str, at: int) -> bool:
    """Does a reading place the name's letters, so that its boxes show where the vowel `at`
    stands: as many letters, that vowel the same, one other letter off at most (`Tường` for
    `Lường` under a fax's stroke)?"""
    if len(read) != len(name) or fold(read[at]) != fold(name[at]):
        return False
    return sum(fold(a) != fold(b) for a, b in zip(name, read)) <= 1


def _chars(image: np.ndarray, tmp: str, settings: IngestSettings, deadline: Deadline) -> list[list[tuple[str, tuple[int, int, int, int]]]]:
    """The words of a one-line image, each as its characters and their boxes (x0, y0, x1, y1)."""
    try:
        out = tesseract(write(image, tmp, "family"), "hocr", "vie",
                        "--psm 7 -c tessedit_create_hocr=1 -c hocr_char_boxes=1", max(deadline.left(), 0.01))
    except (pytesseract.TesseractError, RuntimeError):
        return []  # no reading: the name stays as the page read it
    words: list[list[tuple[str, tuple[int, int, int, int]]]] = []
    for m in _HOCR_PIECE.finditer(out):
        if m["word"]:
            words.append([])
        elif words:
            words[-1].append((nfc(html.unescape(m["char"])), (int(m["x0"]), int(m["y0"]), int(m["x1"]), int(m["y1"]))))
    return [w for w in words if w]


_HOCR_PIECE = re.compile(r"(?P<word>class='ocrx_word')|class='ocrx_cinfo' title='x_bboxes (?P<x0>\d+) (?P<y0>\d+) "
                         r"(?P<x1>\d+) (?P<y1>\d+); x_conf [\d.]+'>(?P<char>[^<]+)<")


def _mark_above(ink: np.ndarray, words: list[list[tuple[str, tuple[int, int, int, int]]]], at: int) -> bool:
    """Is there a piece of ink of a mark's size above the letter `at` of the first word, clear
    of it? The reading's boxes only say where the letter stands across the line (their
    heights are unsure): the letter is the largest piece of ink there, its mark a smaller one
    over it, no farther above than the letter is tall, and not cut by the crop's top edge (a
    descender of the line above)."""
    vx0, _, vx1, _ = words[0][at][1]
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    pieces = [tuple(int(v) for v in st) for st in stats[1:n]]
    inside = [st for st in pieces if vx0 <= st[0] + st[2] / 2 <= vx1]
    # (a regular weight's letters touch: `ơn` may be one piece)
    bodies = [st for st in pieces if min(st[0] + st[2], vx1) - max(st[0], vx0) >= 0.5 * (vx1 - vx0)]
    if not inside or not bodies:
        return False
    _, body_top, body_w, body_h, body_area = max(bodies, key=lambda st: st[4])
    for x, y, w, h, area in inside:
        # (a speck is smaller: a twentieth of the letter's ink at least)
        if (y + h <= body_top + _TOUCH * body_h and y >= max(body_top - body_h, 1) and h >= _LEAST_MARK * body_h
                and w <= 1.5 * body_w and 0.05 * body_area <= area < body_area):
            return True
    return False
