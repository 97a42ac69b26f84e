"""The header's place-and-date line, read broken with the page, read again alone.

Tesseract reads the date line as part of a line across the page (`Số: 844/QĐ-TTg Hà Nội, ngày
…`); where the paper shows the back's print through it, or a copy or a fax roughened its italic
letters, that reading can lose `tháng` and the month (`Hà Nội ngày 13 Hine A 35 năm 2026`) and
the date is lost. Read alone, as a block, the same ink gave `Ha Nội, ngày 13 thang 5 năm 2026`.

A line in the page's top part with `ngày` (or a word one letter off it) and a year after it that
does not read as `ngày D tháng M năm YYYY` is read again from its place to its year, as a block
and as one line. A reading is taken only where it reads so, with the year and the day the page
read and the month the page read (`ngày 05 đóng 11 năm 2025` keeps its 11) or, where the page
read none that can be one, a month among its figures there (`5` of `35`): the re-reading mends
the words between, never the figures. Where the page read no day, the blank is a hand's
(ingest/figures.py reads those) and nothing is re-read here. Where the month the page read can
be none (`tháng 13`), the line is rendered three ways more and a month two of them agree on is
taken, its figures marked a guess to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from dispatch_reader.ingest.figures import HEADER_SHARE
from dispatch_reader.ingest.pages import LineKey, Word, swap_words
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline, run_psm, tsv_words, write, write_region
from dispatch_reader.textnorm import fold, one_letter_off

_DAY_WORD = "ngay"
_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY = re.compile(r"\d{1,2}")
# the date as a date line writes it, folded
_WHOLE = re.compile(r"\bngay (?P<d>\d{1,2}) thang (?P<m>\d{1,2}) nam (?P<y>(?:19|20)\d\d)\b")
# the place before `ngày` is a few words set close together; a wider gap is the column beside
# it (the number line's `Số: …` on the same row), in line heights
_PLACE_WORDS = 6
_COLUMN_GAP = 1.5
_PAD = 0.4  # round the line, in its heights
_NOT_PLACE = re.compile(r"[\d/:]")


def _folded(text: str) -> str:
    return fold(text).lower().strip(",.;:()")


def _is_day_word(folded: str) -> bool:
    return folded == _DAY_WORD or one_letter_off(folded, {_DAY_WORD}) is not None


def _reads_whole(text: str) -> re.Match[str] | None:
    m = _WHOLE.search(text)
    return m if m and 1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12 else None


@dataclass
class _Span:
    first: int  # the place's first word, in the line sorted left to right
    last: int  # the year's
    year: str
    day: str
    # what the page read as figures between the day and the year (`35` of `Hine A 35`)
    between: list[str]
    conf: float  # the lowest of the page's figures' (a hand's, re-read as figures: 0.5)


def _broken_span(line: list[Word], page_height: float) -> _Span | None:
    """A date line read broken, its words sorted left to right, from the place to the year:
    only where the page read a day after `ngày` (a blank the page read nothing in is the hand's,
    ingest/figures.py's to read, and a figure read into it here would be unchecked)."""
    if min(w.top for w in line) > page_height * HEADER_SHARE:
        return None
    texts = [_folded(w.text) for w in line]
    at = next((i for i, t in enumerate(texts) if _is_day_word(t)), None)
    if at is None or at + 1 >= len(texts) or not _DAY.fullmatch(texts[at + 1]):
        return None
    last = next((j for j in range(at + 2, min(at + 9, len(texts))) if _YEAR.fullmatch(texts[j])), None)
    if last is None or _reads_whole(" ".join(texts[at:last + 1])):
        return None
    height = max(w.bottom - w.top for w in line[at:last + 1])
    first = at
    # the place is words of letters set close: a figure, a slash or a colon is the number's
    # column beside it (`/2025/QĐ-UBND` a long place name pushed against it)
    while first > 0 and at - first < _PLACE_WORDS and line[first].x0 - line[first - 1].x1 < _COLUMN_GAP * height \
            and not _NOT_PLACE.search(line[first - 1].text):
        first -= 1
    between = [re.sub(r"\D", "", t) for t in texts[at + 2:last] if any(c.isdigit() for c in t)]
    confs = [w.conf for w in line[at + 1:last + 1] if w.conf is not None and any(c.isdigit() for c in w.text)]
    return _Span(first, last, texts[last], texts[at + 1], between, min(confs, default=1.0))


# the month a re-reading gives where the page read none that can be one is taken when this many
# renderings of the line agree on it; its figures are then a guess to check
_AGREEING_RENDERINGS = 2
_GUESSED_CONF = 0.5


def _month_agreed(path: str, span: _Span, reading: Callable[..., tuple[list[Word], re.Match[str] | None]],
                  tmp: str) -> tuple[list[Word], float] | None:
    """The page read a month that is none (`tháng 13` for an italic `12` on a straightened
    photo, enlarged and evened out): the line rendered otherwise (its ink split from the paper
    by Otsu's threshold, half and one and a half times its size), each read as one line. A
    month two renderings read alike, with the page's day and year, is taken, as a guess to
    check; (words, the confidence its figures get) or None."""
    grey = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    if grey is None:
        return None
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    renderings = [(ink, 1.0), (cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 0.5),
                  (cv2.resize(grey, None, fx=1.5, fy=1.5, interpolation=cv2.INTER_CUBIC), 1.5)]
    months: dict[int, list[list[Word]]] = {}
    for n, (image, k) in enumerate(renderings):
        found, whole = reading(write(image, tmp, f"dateline-{n}"), 7, k)
        if whole is None or whole["y"] != span.year or int(whole["d"]) != int(span.day):
            continue
        months.setdefault(int(whole["m"]), []).append(found)
        if len(months[int(whole["m"])]) >= _AGREEING_RENDERINGS and len(months) == 1:
            return months[int(whole["m"])][0], min(span.conf, _GUESSED_CONF)
    return None


def _same_figures(whole: re.Match[str], span: _Span) -> bool:
    """Does a reading keep the figures the page read: its year, its day, and its month where the
    page read one that can be (`ngày 05 đóng 11` keeps its 11), else a month among what the page
    read as figures there (`5` of `35`)? A month the page read nothing of is not taken."""
    if whole["y"] != span.year or int(whole["d"]) != int(span.day):
        return False
    months = [t for t in span.between if t and 1 <= int(t) <= 12]
    if months:
        return int(whole["m"]) == int(months[-1])
    return any(whole["m"] in t for t in span.between)


def reread_date_lines(grey: np.ndarray, words: list[Word], keys: list[LineKey], scale: float,
                      settings: IngestSettings, deadline: Deadline, tmp: str) -> tuple[list[Word], list[LineKey], int]:
    """The words with each header date line read broken replaced by a reading of it alone that
    reads as a whole date; their line keys; how many lines were mended."""
    if not settings.date_lines:
        return words, keys, 0
    lines: dict[LineKey, list[int]] = {}
    for i, key in enumerate(keys):
        lines.setdefault(key, []).append(i)
    page_height = grey.shape[0] * scale
    dropped: set[int] = set()
    added: list[tuple[Word, LineKey]] = []
    for key, idx in lines.items():
        idx = sorted(idx, key=lambda i: words[i].x0)
        line = [words[i] for i in idx]
        span = _broken_span(line, page_height)
        if span is None:
            continue
        part = line[span.first:span.last + 1]
        top, bottom = min(w.top for w in part), max(w.bottom for w in part)
        pad = (bottom - top) * _PAD
        region = write_region(grey, part[0].x0 - pad, top - pad, part[-1].x1 + pad, bottom + pad, scale, tmp, "dateline")
        if region is None:
            continue
        path, dx, dy = region

        def reading(image: str, psm: int, k: float = 1.0) -> tuple[list[Word], re.Match[str] | None]:
            found, _ = tsv_words(run_psm(image, settings, deadline, psm), scale / k)
            # a block's reading may hold scraps of the lines above and below, and specks: the
            # line's own words
            found = [w for w in found if top <= (w.top + w.bottom) / 2 + dy <= bottom and any(c.isalnum() for c in w.text)]
            return found, _reads_whole(" ".join(_folded(w.text) for w in found))

        taken: tuple[list[Word], float] | None = None
        for psm in (6, 7):
            found, whole = reading(path, psm)
            if whole is not None and _same_figures(whole, span):
                # the figures are the page's: as sure as it was of them (a hand's day stays flagged)
                taken = found, span.conf
                break
        if taken is None and span.between and not any(t and 1 <= int(t) <= 12 for t in span.between):
            taken = _month_agreed(path, span, reading, tmp)
        if taken is None:
            continue
        found, conf = taken
        dropped.update(idx[span.first:span.last + 1])
        added.extend((Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy,
                           min(w.conf, conf) if w.conf is not None and any(c.isdigit() for c in w.text)
                           else w.conf), key) for w in found)
    if not dropped:
        return words, keys, 0
    return *swap_words(words, keys, dropped, added), len({k for _, k in added})
