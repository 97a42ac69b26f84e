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
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from dispatch_reader.extract import resources as rule_data
from dispatch_reader.ingest.figures import HAND_CONF, HEADER_SHARE
from dispatch_reader.ingest.pages import LineKey, Word, swap_words
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline, run_psm, tsv_words, write_region
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
_GLUED = re.compile(rf"(?P<num>\d{{1,4}}(?: \d{{1,4}})?)(?P<sym>(?P<abbr>[A-ZĐ][A-ZĐa-z]*)(?:[-–]{_PART})+)")
# how far right of `Số:` the number may run, in the page's widths (the left column's width)
_COLUMN = 0.45
_PAD = 0.5  # round the line, in the label's heights
# a re-reading's figures taken where the page read none: at least this sure
_SURE = 0.85
# letters of a figure's shape, as the page reads figures it cannot make out
_AS_FIGURES = str.maketrans("OoUuDIl|", "00000111")
_FIGURES_RUN = re.compile(r"[0-9OoUuDIl| ]*")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(row[1] for row in rule_data.rows("doc_types.tsv") if len(row) > 1 and row[1])


def _number_in(text: str) -> re.Match[str] | None:
    """A well-formed number opening `text` (`28/2021/TT-BLDTBXH,` read to its end)."""
    m = WELL_FORMED.match(text)
    return m if m and not re.match(r"[\w/]", text[m.end():m.end() + 1]) else None


def _read_whole(text: str) -> bool:
    """Did the page read a number here: a well-formed one, maybe with a hand's small letters or
    figures glued after it (`144/2026/NĐ-CPs6;3`, the extraction's to take off), not a capital
    no symbol holds (`28/2021/TỊP`)?"""
    m = WELL_FORMED.match(text)
    return m is not None and not text[m.end():m.end() + 1].isupper() and text[m.end():m.end() + 1] != "/"


def _glued(text: str) -> str | None:
    """`116/NQ-CP` of `1 16NQ-CP`: figures glued to a known type abbreviation get their slash."""
    m = _GLUED.match(text)
    if m is None or m["abbr"] not in _abbreviations():
        return None
    return f"{m['num'].replace(' ', '')}/{m['sym']}"


def _figure_slots(text: str) -> tuple[str, str]:
    """(number, year) as the page read them after `Số:`, a figure's look-alike letters as figures:
    the figures opening it (else the first read before a slash) and a year-long run after a slash
    (`U1/2U24/11-5LE…` → 01, 2024; `HếNGdE—1` → 1)."""
    parts = text.split("/")
    number = re.sub(r"\D", "", _FIGURES_RUN.match(parts[0]).group(0).translate(_AS_FIGURES))
    if not number:  # a figure read after a word the stamp's frame made of the rest (`HếNGdE— 1`)
        number = next(iter(re.findall(r"\d+", parts[0])), "")
    year = next((y for p in parts[1:3] if re.fullmatch(r"\d{4}", y := p.translate(_AS_FIGURES))), "")
    return number, year


def _agrees(read: str, page: str) -> bool:
    """Are the figures the page read (`page`) the re-reading's? Where the page read as many
    figures, each must be the same; where it read fewer (a figure lost or run into the next
    word), they must stand in the reading in their order."""
    if not page:
        return True
    if len(page) == len(read):
        return page == read
    return len(page) < len(read) and page in read


class _Line:
    """A number line of the page: the label's word, the words after it in its column."""

    def __init__(self, line: list[Word], idx: list[int], at: int, page_width: float) -> None:
        self.label = line[at]
        right = self.label.x0 + _COLUMN * page_width
        self.idx = [i for i, w in zip(idx[at:], line[at:]) if (w.x0 + w.x1) / 2 <= right]
        self.words = [w for w in line[at:] if (w.x0 + w.x1) / 2 <= right]
        self.right = right
        self.read = "".join(w.text for w in self.words[1:3])


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


def _taken(found: list[Word], page_read: str) -> tuple[str, list[Word]] | None:
    """(the number, the reading's words that make it) where the re-reading is a well-formed
    number whose figures the page read; None otherwise."""
    opened = next((i for i, w in enumerate(found) if _LABEL.fullmatch(w.text) or fold(w.text).startswith("so")), None)
    if opened is None:
        return None
    rest = found[opened + 1:]
    for n in range(1, min(len(rest), 3) + 1):
        text = " ".join(w.text for w in rest[:n])
        m = _number_in(text)
        number = m.group(0) if m else _glued(text)
        if number is None:
            continue
        page_number, page_year = _figure_slots(page_read)
        m = WELL_FORMED.match(number)
        if not (_agrees(m["num"], page_number) and (not page_year or m["year"] == page_year)):
            return None
        figures = [w for w in rest[:n] if any(c.isdigit() for c in w.text)]
        if not page_number and min((w.conf for w in figures if w.conf is not None), default=0.0) < _SURE:
            return None
        return number, rest[:n]
    return None


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
        broken = _broken_line([words[i] for i in idx], idx, page_width, page_height)
        if broken is None:
            continue
        label = broken.label
        pad = (label.bottom - label.top) * _PAD
        region = write_region(grey, label.x0 - pad, label.top - pad, broken.right, label.bottom + pad, scale, tmp,
                              "numberline")
        if region is None:
            continue
        path, dx, dy = region
        for psm in (7, 6):
            found, _ = tsv_words(run_psm(path, settings, deadline, psm), scale)
            # a block's reading may hold scraps of the lines above and below: the line's own
            found = sorted((w for w in found if label.top - pad <= (w.top + w.bottom) / 2 + dy <= label.bottom + pad),
                           key=lambda w: w.x0)
            taken = _taken(found, broken.read)
            if taken is None:
                continue
            number, parts = taken
            end = parts[-1].x1 + dx
            dropped.update(i for i, w in zip(broken.idx, broken.words) if (w.x0 + w.x1) / 2 <= end)
            confs = [w.conf for w in parts if w.conf is not None]
            conf = min(confs, default=HAND_CONF)
            if not _figure_slots(broken.read)[0]:
                conf = min(conf, HAND_CONF)  # figures the page read none of: check them
            x0 = parts[0].x0 + dx
            added.append((label, key))
            added.append((Word(number, x0, min(w.top for w in parts) + dy, end, max(w.bottom for w in parts) + dy,
                               conf), key))
            break
    if not dropped:
        return words, keys, 0
    return *swap_words(words, keys, dropped, added), len({k for _, k in added})
