"""A certified copy's own block (bản sao y, sao lục, trích sao), set apart from the document.

An office that copies a document it received, for its staff or the bodies under it, adds under
the original's last lines a block of its own (Decree 30/2020, Appendix I, part III): its name,
`Số: 15/SY-VP` (SY a sao y's, SL a sao lục's, TS a trích sao's), its place and date, `Nơi
nhận`, its signer's title and name over its own seal, and often a `SAO Y BẢN CHÍNH` stamp.
None of it is the document's: read with the page, its number was listed as a cited document,
its signer taken as the document's and its recipients added to the document's.

The block is found by its number's line, and its lines told by where they stand on the page:
at the height of the copying body's name over that number, or below. A page's text interleaves
the two blocks' columns (the original's name read after the copy's `Nơi nhận`), so the cut is by
height, not by the text's order. Without the words' boxes (a text given as such), the block runs
from its body's name to the page's end.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from dispatch_reader.ingest.pages import PageText, Word

# the copy's `Số:` line (its label as read: `Số:`, `S6:`, `So:`): figures, a slash, the copy's
# kind, its office's symbol
_COPY_LINE = re.compile(r"^\W*[Ss5$§]\S{0,2}\s*[:;.]?\s*(?P<num>\d{1,5})\s?/\s?(?:(?P<year>(?:19|20)\d\d)\s?/\s?)?"
                        r"(?P<kind>(?i:SY|SL|TS))(?P<sym>(?:\s?[-–.]\s?[A-ZĐ&]{1,12})*)(?![\w/])")
KINDS = {"SY": "sao y", "SL": "sao lục", "TS": "trích sao"}
# the copying body's name over its number: this many lines at most, in capitals, a line apart
_NAME_LINES = 3
_LINE_GAP = 3.2  # in letter heights, top to top (a body's name is underlined: its lines stand apart)
# the `Số:` before the number, in page widths
_LABEL_WIDTH = 0.06
# a page's opening lines hold its own header: a copy's block is never there
_HEADER_LINES = 8


@dataclass
class CopyBlock:
    page: int
    number: str
    kind: str  # sao y, sao lục, trích sao
    spans: list[tuple[int, int]]  # the block's lines in the page's text


def _lines(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for line in text.split("\n"):
        out.append((at, at + len(line)))
        at += len(line) + 1
    return out


def _number_line(page: PageText) -> tuple[int, re.Match[str]] | None:
    """(line index, the copy number's match) of the page's last `Số: N/SY-…` line."""
    found = None
    for i, (start, end) in enumerate(_lines(page.text)):
        m = _COPY_LINE.match(page.text[start:end])
        if m and not (page.number == 1 and i < _HEADER_LINES):
            found = (i, m)
    return found


def _capitals(words: list[Word]) -> bool:
    letters = [c for w in words for c in w.text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _rows(words: list[Word], height: float) -> list[list[Word]]:
    """Words grouped by their line's height, top down."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.top):
        if rows and abs(w.top - rows[-1][0].top) <= 0.5 * height:
            rows[-1].append(w)
        else:
            rows.append([w])
    return rows


def _block_top(page: PageText, number: Word, height: float) -> float:
    """The top of the copying body's name over its number: the lines in capitals in the
    number's column right above it, a line apart each."""
    width = page.width or max((w.x1 for w in page.words), default=number.x1)
    # words over the number's line, its `Số:` included: the body's name is centred over it, the
    # copy's date and title beside it are not (their lines are the block's all the same: below
    # its top)
    left, right = number.x0 - _LABEL_WIDTH * width, number.x1
    above = [w for w in page.words if w.bottom <= number.top + 0.2 * height and w.x1 >= left and w.x0 <= right]
    top = number.top
    for row in reversed(_rows(above, height)):
        if top - row[0].top > _LINE_GAP * height or not _capitals(row):
            break
        top = min(w.top for w in row)
        if number.top - top >= _NAME_LINES * _LINE_GAP * height:
            break
    return top


def _token_heights(page: PageText, lines: list[tuple[int, int]]) -> list[list[tuple[int, int, float | None]]]:
    """Per text line, its words' (start, end, height on the page), the height None where the
    page's words hold no such word. A word the page holds once is where it stands; a word it
    holds more than once (`CHỦ TỊCH` in both blocks, `- Lưu:`) is the one nearest its line's
    word held once, or, on a line of none, nearest the lines around it in the text."""
    by_text: dict[str, list[float]] = {}
    for w in page.words:
        by_text.setdefault(w.text, []).append(w.top)
    tokens = [[(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", page.text[start:end])]
              for start, end in lines]
    placed: list[float | None] = []
    for line in tokens:
        unique = [by_text[t][0] for _, _, t in line if len(by_text.get(t, ())) == 1]
        placed.append(statistics.median(unique) if unique else None)
    at_line: list[float | None] = list(placed)
    for i, line in enumerate(tokens):
        if at_line[i] is not None:
            continue
        known = [t for _, _, t in line if t in by_text]
        if not known:
            continue
        around = [y for y in (next((placed[j] for j in range(i - 1, -1, -1) if placed[j] is not None), None),
                              next((placed[j] for j in range(i + 1, len(placed)) if placed[j] is not None), None))
                  if y is not None]
        if around:
            mid = sum(around) / len(around)
            at_line[i] = min(by_text[min(known, key=lambda t: len(by_text[t]))], key=lambda y: abs(y - mid))
    # (a line left unplaced holds no word the page holds once: its words stay unplaced)
    return [[(a, b, min(by_text[t], key=lambda y: abs(y - at)) if t in by_text and (at := at_line[i]) is not None else None)
             for a, b, t in line] for i, line in enumerate(tokens)]


def find_copy_block(pages: Sequence[PageText]) -> CopyBlock | None:
    """The certified copy's block on the last page holding a copy's number, or None."""
    for page in reversed(pages):
        found = _number_line(page)
        if found is None:
            continue
        i, m = found
        kind = m["kind"].upper()  # (`Sy`: a case slip)
        symbol = re.sub(r"\s*[-–.]\s*", "-", m["sym"])
        number = f"{m['num']}/{m['year'] + '/' if m['year'] else ''}{kind}{symbol}"
        lines = _lines(page.text)
        number_word = next((w for w in page.words if f"/{kind}" in w.text.upper() and m["num"] in w.text), None)
        if number_word is not None:
            height = statistics.median([w.bottom - w.top for w in page.words if w.bottom > w.top] or [1.0])
            top = _block_top(page, number_word, height) - 0.3 * height
            # each word below the block's top: a line of the text may join the two blocks'
            # (`Sơn Động, ngày … Điệp Quang Hưng`: the copy's date, the original's signer)
            spans = [(a, b) for line in _token_heights(page, lines) for a, b, y in line if y is not None and y >= top]
        else:
            # no boxes: the body's name in capitals right above the number, down to the page's end
            first = i
            while first > 0 and i - first < _NAME_LINES:
                above = page.text[lines[first - 1][0]:lines[first - 1][1]]
                if not above.strip() or not above.isupper():
                    break
                first -= 1
            spans = lines[first:]
        return CopyBlock(page.number, number, KINDS[kind], spans)
    return None
