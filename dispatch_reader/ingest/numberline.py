"""The header's number line, read broken with the page, read again alone.

Tesseract sorts the page into lines before it reads them. Where a receiving stamp's frame or
its handwriting stands beside `Số: 116/NQ-CP`, the number was made one line with them, read at
the stamp's size, and came out as `Số: 1 HếNGdE—` (a received photocopy of a Government
resolution); a stamp's edge across `TT-BLĐTBXH` gave `Số: 28/2021/TỊP -BLPTRXH`. Read alone,
as one line, the same ink gave `Số: 1 16NQ-CP` and `Số: 28/2021/TT-BLDTBXH`.

A line in the page's top part with `Số:` (as printed, or as a copy reads its two letters: `SO:`,
`30:`) followed by a word holding a slash that is no well-formed number is read again from
`Số:` across its column. The reading is taken only where it is a well-formed number (figures,
a slash, capitals; figures glued to a type abbreviation, `16NQ-CP`, get their slash) whose
figures the page read: each figure the page read in the number and the year is the reading's
(`1205` re-read `1906` is not taken). A number the page read no figures of is taken only
where the re-reading is sure of them, and flagged (the figures are the first thing to check).

Where a grey stamp's letters lie over the whole line, the page reads `Số:` as junk too
(`_n.. 0/äC-vp`): a line of the header's left column with an unsure word holding a slash is read
again in the same way; the reading must find `Số:` itself, and its figures are taken as ones the
page read none of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cv2
import numpy as np

from dispatch_reader.extract.doctypes import type_for_abbreviation
from dispatch_reader.ingest.figures import HAND_CONF, HEADER_SHARE
from dispatch_reader.ingest.pages import LineKey, Word, swap_words
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline, run_psm, tsv_words, write, write_region
from dispatch_reader.textnorm import fold

# `Số:` as a copy or a fax reads its two letters (`SO:`, `Sé:`, `S6:`, `30:`, `50:`): two
# characters, the first of an S's shape, then a colon
_LABEL = re.compile(r"[sS53$§][^\W_]?[:;]")
# a symbol's part: capitals (Đ the only marked letter), a term's two figures after them
# (`QH15`), and the Prime Minister's `TTg`; more figures are a stamp's beside it (`NĐ-GP3673`)
_PART = r"[A-ZĐ][A-ZĐ&]*(?:\d{1,2}|g)?"
_YEAR = r"(?:19|20)\d\d"
WELL_FORMED = re.compile(rf"(?P<num>\d{{1,7}})/(?:(?P<year>{_YEAR})/)?(?P<sym>{_PART}(?:[-–]{_PART})*)")
# figures glued to the type abbreviation, the slash between lost (`1 16NQ-CP`, `116NQ-CP`)
# (a thin `1` read apart: `1 16`; two groups of more are a stamp's figures beside the number's)
_GLUED = re.compile(rf"(?P<num>\d \d{{1,3}}|\d{{1,4}})(?P<sym>(?P<abbr>[A-ZĐ][A-ZĐa-z]*)(?:[-–]{_PART})+)")
# what may not follow a number read to its end: a letter, a figure, a slash, or a dash before a
# capital (a symbol cut short: `116/NQ—CP`, `28/2021/TT- BLĐTBXH`); a stamp's edge may (`——`)
_GOES_ON = re.compile(r"[\w/]|[-–—] ?[A-ZĐ]")
# how far right of `Số:` the number may run, in the page's widths (the left column's width)
_COLUMN = 0.45
_PAD = 0.5  # round the line, in the label's heights
# a re-reading's figures taken where the page read none: at least this sure
_SURE = 0.85
# letters of a figure's shape, as the page reads figures it cannot make out
_AS_FIGURES = str.maketrans("OoUuDIl|", "00000111")
_FIGURES_RUN = re.compile(r"[0-9OoUuDIl| ]*")


def labelled_number(label: str, number: str) -> bool:
    """Is `label number` the header's `Số:` (as a copy reads it: `50;`, `S6:`) and a number read
    whole (`412/SCT-QLTM`)? A seal's ring or a signature read as letters makes no such pair."""
    return bool(_LABEL.fullmatch(label)) and (m := _number_in(number)) is not None \
        and m.end() == len(number.rstrip(".,;"))


def _number_in(text: str) -> re.Match[str] | None:
    """A well-formed number opening `text` (`28/2021/TT-BLDTBXH,` read to its end)."""
    m = WELL_FORMED.match(text)
    return m if m and not _GOES_ON.match(text, m.end()) else None


def _read_whole(text: str) -> bool:
    """Did the page read a number here: a well-formed one, maybe with a hand's small letters or
    figures glued after it (`144/2026/NĐ-CPs6;3`, the extraction's to take off), not a capital
    no symbol holds (`28/2021/TỊP`)?"""
    m = WELL_FORMED.match(text)
    return m is not None and not text[m.end():m.end() + 1].isupper() and text[m.end():m.end() + 1] != "/"


def _glued(text: str) -> tuple[str, int] | None:
    """(`116/NQ-CP`, where it ends in `text`) of `1 16NQ-CP`: figures glued to a known type
    abbreviation get their slash."""
    m = _GLUED.match(text)
    if m is None or type_for_abbreviation(m["abbr"]) is None or _GOES_ON.match(text, m.end()):
        return None
    return f"{m['num'].replace(' ', '')}/{m['sym']}", m.end()


# what is print on a number line read again: ink this far from its darkest cores towards the
# paper at most (a grey stamp's letters, lighter, lie over the number's top)
_PRINT_SHARE = 0.35


def _dark_print_only(region: np.ndarray) -> np.ndarray:
    """The region with only ink as dark as print kept: a receiving stamp scanned in grey leaves
    its lighter letters (`VĂN PHÒNG …` above `CÔNG VĂN ĐẾN`) over the number's top, and Tesseract
    read the two as one (`99!Z6/QB"Ú#ND` for `09/2026/QĐ-UBND`)."""
    core, paper = np.percentile(region, 1), np.percentile(region, 90)
    level = core + _PRINT_SHARE * (paper - core)
    return np.where(region <= level, 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class _Figures:
    """The figures the page read after `Số:`, a figure's look-alike letters as figures."""

    number: str  # the number's (`U1/2U24/…` → 01)
    year: str  # a year-long run after a slash (2024), or ""
    opens: bool  # the number's figures open what the page read (not one found in its junk)
    closed: bool  # and a slash follows them: the page read the number whole


def _figure_slots(text: str) -> _Figures:
    """What the page read after `Số:` (`U1/2U24/11-5LE…` → 01, 2024; `HếNGdE—1` → 1, found
    past the junk)."""
    parts = text.split("/")
    run = _FIGURES_RUN.match(parts[0]).group(0)
    number = re.sub(r"\D", "", run.translate(_AS_FIGURES))
    opens = bool(number)
    if not number:  # a figure read after a word the stamp's frame made of the rest (`HếNGdE— 1`)
        number = next(iter(re.findall(r"\d+", parts[0])), "")
    year = next((y for p in parts[1:3] if re.fullmatch(r"\d{4}", y := p.translate(_AS_FIGURES))), "")
    return _Figures(number, year, opens, opens and len(parts) > 1 and run == parts[0])


def _agrees(read: str, page: _Figures) -> bool:
    """Are the figures the page read the re-reading's? A number the page read whole (its slash
    after it) must be the same; figures it read in part must stand in the reading in their
    order, at its start when the page found them past its junk (`1` of `HếNGdE— 1` is no `716`)."""
    if not page.number:
        return True
    if page.closed or len(page.number) == len(read):
        return page.number == read
    if not page.opens:
        return read.startswith(page.number)
    return len(page.number) < len(read) and page.number in read


class _Line:
    """A number line of the page: the label's word, the words after it in its column. Where the
    page read no `Số:` (`labelled` false) the first word stands in the label's place and the
    page's figures vouch for nothing (`read` is empty)."""

    def __init__(self, line: list[Word], idx: list[int], at: int, page_width: float) -> None:
        self.label = line[at]
        self.labelled = bool(_LABEL.fullmatch(self.label.text))
        self.right = self.label.x0 + _COLUMN * page_width
        kept = [(i, w) for i, w in zip(idx[at:], line[at:]) if (w.x0 + w.x1) / 2 <= self.right]
        self.idx = [i for i, _ in kept]
        self.words = [w for _, w in kept]
        self.read = "".join(w.text for w in self.words[1:3]) if self.labelled else ""


def _broken_line(line: list[Word], idx: list[int], page_width: float, page_height: float) -> _Line | None:
    """The line's `Số:` and its number where the page read the number broken, else None."""
    for at, word in enumerate(line[:-1]):
        if word.top > page_height * HEADER_SHARE or not _LABEL.fullmatch(word.text):
            continue
        after = [w.text for w in line[at + 1:at + 3]]
        # `Số: 8819`, a receiving stamp's, is read again too (and never taken: no slash)
        if not any(c.isdigit() or c == "/" for c in "".join(after)) or _read_whole(after[0]) \
                or _read_whole("".join(after)):
            return None
        return _Line(line, idx, at, page_width)
    return None


# a word the page read this unsure of is no reading to trust
_UNSURE = 0.5
# a slash, or a backslash as a copy reads one
_SLASH = re.compile(r"[/\\]")
# the subject's `V/v`, its slash read unsure: a subject's line, citing numbers of its own
_VV = re.compile(r"^\W?[Vv]\s?[/\\.il1]\s?[vV]\b")


def _unlabelled_line(line: list[Word], idx: list[int], page_width: float, page_height: float) -> _Line | None:
    """A number line whose `Số:` the page did not read either (a grey stamp's letters over it:
    `_n.. 0/äC-vp` for `Số: 37/BC-SXD`): a line of the header's left column opening, within
    its first three words, on a word with a slash read unsure and no number read whole. Read
    again from its first word; the reading must find `Số:` itself, and the page's figures vouch
    for nothing (it read them as junk), so the re-reading's must be sure, and are flagged."""
    first = line[0]
    if first.top > page_height * HEADER_SHARE or (first.x0 + first.x1) / 2 > page_width / 2 \
            or any(_LABEL.fullmatch(w.text) for w in line) or _VV.match(first.text):
        return None
    head = line[:3]
    if not any(_SLASH.search(w.text) and w.conf is not None and w.conf < _UNSURE for w in head) \
            or any(_read_whole(w.text) for w in head):
        return None
    return _Line(line, idx, 0, page_width)


def _opens(word: Word, needs_label: bool) -> bool:
    """Does the reading's `word` open the number: `Số:` (with its colon where `needs_label`: a
    running text's `số` cites another document)."""
    return bool(_LABEL.fullmatch(word.text)) or (not needs_label and fold(word.text).startswith("so"))


def _taken(found: list[Word], page_read: str, needs_label: bool = False) -> tuple[str, list[Word]] | None:
    """(the number, the reading's words that make it) where the re-reading is a well-formed
    number whose figures the page read; None otherwise. `needs_label`: only after `Số:` with its
    colon."""
    opened = next((i for i, w in enumerate(found) if _opens(w, needs_label)), None)
    if opened is None:
        return None
    rest = found[opened + 1:]
    text = " ".join(w.text for w in rest)
    m = _number_in(text)
    read = (m.group(0), m.end()) if m else _glued(text)
    if read is None:
        return None
    number, end = read
    page = _figure_slots(page_read)
    m = WELL_FORMED.match(number)
    # the figures the page found past its junk are the reading's year (`!2026/3B'UBND` for
    # `09/2026/QĐ-UBND`): the number's own figures it read none of; the year and the symbol's
    # last part, read by both, vouch for the reading
    vouched = not page.opens and page.number == m["year"] and m["sym"].split("-")[-1] in page_read
    if vouched:
        page = _Figures("", page.number, False, False)
    if not (_agrees(m["num"], page) and (not page.year or m["year"] == page.year)):
        return None
    # the reading's words the number was read from
    words, at = [], 0
    for w in rest:
        if at >= end:
            break
        words.append(w)
        at += len(w.text) + 1
    figures = [w for w in words if any(c.isdigit() for c in w.text)]
    if not page.number and not vouched and min((w.conf for w in figures if w.conf is not None), default=0.0) < _SURE:
        return None
    return number, words


def reread_number_lines(grey: np.ndarray, words: list[Word], keys: list[LineKey], scale: float,
                        settings: IngestSettings, deadline: Deadline, tmp: str) -> tuple[list[Word], list[LineKey], int]:
    """The words with each header number line read broken replaced by a reading of it alone
    that reads as a well-formed number with the page's figures; their line keys; how many lines
    were mended."""
    if not settings.number_lines:
        return words, keys, 0
    lines: dict[LineKey, list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    page_height, page_width = grey.shape[0] * scale, grey.shape[1] * scale
    dropped: set[int] = set()
    added: list[tuple[Word, LineKey]] = []
    for key, idx in lines.items():
        idx = sorted(idx, key=lambda i: words[i].x0)
        line = [words[i] for i in idx]
        broken = _broken_line(line, idx, page_width, page_height) or _unlabelled_line(line, idx, page_width, page_height)
        if broken is None:
            continue
        label = broken.label
        pad = (label.bottom - label.top) * _PAD
        region = write_region(grey, label.x0 - pad, label.top - pad, broken.right, label.bottom + pad, scale, tmp,
                              "numberline")
        if region is None:
            continue
        path, dx, dy = region
        # the print-dark image is made only when the two readings as printed fail
        readings = ((7, lambda: path), (6, lambda: path),
                    (7, lambda: write(_dark_print_only(cv2.imread(path, cv2.IMREAD_GRAYSCALE)), tmp, "numberline-dark")))
        for psm, image in readings:
            found, _ = tsv_words(run_psm(image(), settings, deadline, psm), scale)
            # a block's reading may hold scraps of the lines above and below: the line's own
            found = sorted((w for w in found if label.top - pad <= (w.top + w.bottom) / 2 + dy <= label.bottom + pad),
                           key=lambda w: w.x0)
            taken = _taken(found, broken.read, needs_label=not broken.labelled)
            if taken is None:
                continue
            number, parts = taken
            end = parts[-1].x1 + dx
            dropped.update(i for i, w in zip(broken.idx, broken.words) if (w.x0 + w.x1) / 2 <= end)
            confs = [w.conf for w in parts if w.conf is not None]
            conf = min(confs, default=HAND_CONF)
            if not _figure_slots(broken.read).closed:
                # figures the page read none of, its year only, or some of (`1` of `116`): the
                # reading's are the first thing to check
                conf = min(conf, HAND_CONF)
            x0 = parts[0].x0 + dx
            if not broken.labelled:
                # the page read no `Số:` here (junk in its place): the reading's stands in it
                said = next(w for w in found if _LABEL.fullmatch(w.text))
                label = Word(said.text, said.x0 + dx, said.top + dy, said.x1 + dx, said.bottom + dy, said.conf)
            added.append((label, key))
            added.append((Word(number, x0, min(w.top for w in parts) + dy, end, max(w.bottom for w in parts) + dy,
                               conf), key))
            break
    if not dropped:
        return words, keys, 0
    return *swap_words(words, keys, dropped, added), len({k for _, k in added})
