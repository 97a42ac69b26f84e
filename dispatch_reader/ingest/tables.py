"""List tables (DANH SÁCH: STT, Họ và tên, Chức vụ, Đơn vị, Nơi đến, Thời gian) as rows.

Two ways to find the cells:
- ruled: the drawn rules (from the PDF's vector lines, or found on the scan before OCR)
  make a grid; each word goes to the cell its centre falls in;
- aligned: no rules; columns come from the header cells' positions and a new row starts
  where the STT column holds a number, wrapped lines joining the row above.
In both, the table starts at a header row with a row-number cell and a name cell
(data/table_headers.json).
"""

from __future__ import annotations

import bisect
import json
import re
import statistics
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dispatch_reader.ingest.layout import Chunk, Line, Row, group_rows, layout_lines
from dispatch_reader.ingest.pages import Table, Word
from dispatch_reader.ingest.vietnamese import is_syllable
from dispatch_reader.textnorm import fold

Segment = list[float]  # x0, y0, x1, y1 in page points, y downwards
_ROW_NUMBER = re.compile(r"^\d{1,4}[._,:)]?$")  # OCR reads "3." as "3_" or "3,"


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(resources.files("dispatch_reader.ingest").joinpath("data/table_headers.json").read_text("utf-8"))
    return frozenset(raw["row_number"]), frozenset(raw["name"])


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def _cell_text(words: list[Word]) -> str:
    """A cell's words as its lines. A bar in them is no text of the cell but a rule's stub or a
    speck OCR read as `|` (or wide gaps inside the cell, which layout marks so): kept, it parted
    the row's line into more cells than the table has columns and the row was lost."""
    if not words:
        return ""
    return " ".join(" ".join(line.text.replace("|", " ").split()) for line in layout_lines(words)).strip()


@dataclass
class _Header:
    words: list[Word]
    top: float
    bottom: float


# around a heading's word: its own stop or colon, or the stub of a rule left by its corner
# (`_STT` on a fax, where the rest of the rule was taken off)
HEADING_SPECKS = " .:_-—|"


@lru_cache(maxsize=1)
def _row_number_starts() -> frozenset[str]:
    """The first word of every row-number cue ("stt", "so" of "so tt"), without . and :."""
    return frozenset(cue.split()[0].strip(" .:") for cue in _cues()[0])


# the row-number heading is a narrow bold cell OCR may misread (`STT` as `Si`): a short word
# of its first letter will do, when the name heading is the cell right after it
_MISREAD_NUMBER_CELL = 3


def _looks_like_row_number_cue(folded: str) -> bool:
    return 0 < len(folded) <= _MISREAD_NUMBER_CELL and folded.isalpha() and folded[0] in "st"


def _row_number_misread(chunks: list[str], names: frozenset[str]) -> bool:
    return len(chunks) >= 3 and _looks_like_row_number_cue(chunks[0]) \
        and any(chunks[1].startswith(name.split()[0]) for name in names)


def _may_have_header(words: list[Word]) -> bool:
    """False when no row of the page can be a header, checked before its words are grouped
    into rows (which costs more than all else here on a page without a table): a header needs
    a word that starts a row-number cue ("stt", "so" of "so tt") and a word holding a name
    cue's "ten" or "name" (every name cue has one of them inside one word)."""
    starts = _row_number_starts()
    folded = [_fold_word(w.text) for w in words]
    return any(f.strip(HEADING_SPECKS) in starts or _looks_like_row_number_cue(f.strip(HEADING_SPECKS)) for f in folded) \
        and any("ten" in f or "name" in f for f in folded)


@lru_cache(maxsize=1 << 16)
def _fold_word(text: str) -> str:
    return fold(text)  # words repeat from page to page: each folded once


def _find_header(words: list[Word], line_keys: list[object] | None, rows: list[Row] | None = None
                 ) -> _Header | None:
    numbers, names = _cues()
    if not _may_have_header(words):
        return None
    if rows is None:
        rows = group_rows(words, line_keys)
    for i, row in enumerate(rows):
        chunks = [_fold_word(c.text).strip(HEADING_SPECKS) for c in row.chunks]
        texts = set(chunks) | {_fold_word(w.text).strip(HEADING_SPECKS) for w in row.words}
        if not texts & numbers and not _row_number_misread(chunks, names):
            continue
        # The name header may wrap ("Họ và" / "tên"): look at this row and the next one.
        joined = " ".join(chunks)
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if nxt is not None and nxt.top - row.bottom < row.height:
            joined += " " + " ".join(fold(c.text) for c in nxt.chunks)
        if any(name in joined for name in names):
            return _Header(row.words, row.top, row.bottom)
    return None


def has_table_header(words: list[Word], line_keys: list[object] | None = None, rows: list[Row] | None = None) -> bool:
    """`rows`: the words already grouped (group_rows, never re-chunked since), saving a grouping."""
    return _find_header(words, line_keys, rows) is not None


def find_table(words: list[Word], rules_h: list[Segment], rules_v: list[Segment],
               line_keys: list[object] | None = None) -> Table | None:
    """The list table on a page, if it has one (one per page: attachments put one there)."""
    header = _find_header(words, line_keys)
    if header is None:
        return None
    ruled = _ruled_table(words, header, rules_h, rules_v)
    return ruled if ruled is not None else _aligned_table(words, header, line_keys)


# the most a cut across the rules may take (points)
_RULE_BREAK = 6.0
# a row's rule runs across the table, but for the pieces a fax's dropped lines or a copy's
# grain took out of it: this share of its width, in one piece or several at one height
_RULE_ACROSS = 0.6
# ... or this share at least where nothing else parts two numbered rows (a phone photo's bent
# sheet: each rule touches the letters above or below it along a third of its length, and
# what is left of it, 55-59 % of the width, parted rows 3 and 4 where no word-free band did)
_RULE_PART = 0.4


def _rule_rows(segments: list[Segment], left: float, right: float) -> list[tuple[float, float]]:
    """(height, length covered between left and right) of the horizontal segments taken
    together by height (3 points apart at most: one rule, broken)."""
    rows: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (s[1] + s[3]) / 2):
        if rows and (seg[1] + seg[3]) / 2 - (rows[-1][-1][1] + rows[-1][-1][3]) / 2 <= 3.0:
            rows[-1].append(seg)
        else:
            rows.append([seg])
    return [(sum((s[1] + s[3]) / 2 for s in row) / len(row), covered_length([(s[0], s[2]) for s in row], left, right))
            for row in rows]


def covered_length(spans: list[tuple[float, float]], lo: float, hi: float) -> float:
    """How much of lo..hi the spans (start, end) cover together, overlaps counted once."""
    covered, reach = 0.0, lo
    for a, b in sorted(spans):
        a, b = max(a, reach), min(b, hi)
        if b > a:
            covered += b - a
            reach = b
    return covered


# how far above the header's words (in their heights) a column's rule may start: a heading
# wrapped onto three lines has its cue words in the middle one
_RULE_ABOVE_HEADER = 4.0


def _topped(vertical: Segment, rules_h: list[Segment]) -> bool:
    """Does a horizontal rule run across the vertical's top (a table's top rule)?"""
    x = (vertical[0] + vertical[2]) / 2
    return any(abs((h[1] + h[3]) / 2 - vertical[1]) <= 3.0 and h[0] - 3.0 <= x <= h[2] + 3.0 for h in rules_h)


def _ruled_table(words: list[Word], header: _Header, rules_h: list[Segment], rules_v: list[Segment]) -> Table | None:
    mid = (header.top + header.bottom) / 2
    # a column's rule starts at the header row's top rule; one from far above it is no column of
    # the table (a batch scan's page edge down the margin took the letterhead into the table,
    # and the header, number and date lines were lost with its first row)
    highest = header.top - _RULE_ABOVE_HEADER * max(header.bottom - header.top, 1.0)
    # (a tall header row's rules start higher, on the table's top rule: a reviewer's)
    verticals = [s for s in rules_v if s[1] - 2 <= mid <= s[3] + 2 and (s[1] >= highest or _topped(s, rules_h))]
    if len(verticals) < 3:
        return None
    xs = _cluster([(s[0] + s[2]) / 2 for s in verticals], 3.0)
    y_top = min(s[1] for s in verticals)
    y_bottom = max(s[3] for s in verticals)
    while True:
        # a fax's dropped scan line (or a fold) cuts the column rules across: their pieces
        # carrying on right below, at the same columns, carry the table on
        below = [s for s in rules_v if s[3] > y_bottom and s[1] <= y_bottom + _RULE_BREAK
                 and any(abs((s[0] + s[2]) / 2 - x) <= 3.0 for x in xs)]
        if len(_cluster([(s[0] + s[2]) / 2 for s in below], 3.0)) < max(3, len(xs) // 2):
            break
        y_bottom = max(s[3] for s in below)
    xs = _column_before_the_rules(xs, header, rules_v, y_bottom) + xs
    body = [w for w in words if y_top <= (w.top + w.bottom) / 2 <= y_bottom and w.top > header.bottom]
    # a row's rule is measured against the rules' own width, before a lost column is added
    inside = [s for s in rules_h if y_top - 3 <= (s[1] + s[3]) / 2 <= y_bottom + 3]
    measured = _rule_rows(inside, xs[0], xs[-1])
    ys = _cluster([y for y, covered in measured if covered >= _RULE_ACROSS * (xs[-1] - xs[0])] + [y_top, y_bottom], 3.0)
    partial = [y for y, covered in measured
               if _RULE_PART * (xs[-1] - xs[0]) <= covered < _RULE_ACROSS * (xs[-1] - xs[0])]
    xs = sorted(xs + _unruled_columns(xs, header.words, body) + _column_past_the_rules(xs, header.words, body, inside))
    left, right = xs[0], xs[-1]
    if len(ys) < 3:
        return None
    ys = sorted(ys + _unruled_rows(ys, xs, header, body, partial))
    grid: list[list[list[Word]]] = [[[] for _ in range(len(xs) - 1)] for _ in range(len(ys) - 1)]
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        if not (left <= cx <= right and ys[0] <= cy <= ys[-1]):
            continue
        r = next(i for i in range(len(ys) - 1) if cy <= ys[i + 1])
        c = next(i for i in range(len(xs) - 1) if cx <= xs[i + 1])
        grid[r][c].append(word)
    rows = [[_cell_text(cell) for cell in row] for row in grid]
    rows = [row for row in rows if any(row)]
    header_row = next((i for i, row in enumerate(rows) if any(fold(c) in _cues()[0] for c in row)), 0)
    head = rows[header_row]
    body = rows[header_row + 1:]
    # A header split over two grid rows (a rule under part of it) leaves a row with an
    # empty STT cell and no number anywhere right under it: it belongs to the header.
    while body and not body[0][0] and not any(c[:1].isdigit() for c in body[0]):
        head = [f"{a} {b}".strip() for a, b in zip(head, body[0])]
        body = body[1:]
    _unglue_names(head, body)
    return Table(header=head, rows=body, x0=left, top=ys[0], x1=right, bottom=ys[-1], source="ruled")


# the first column's rule may have lost this much of its top (in heights of the header's words)
# and no more: from the header's foot, it runs on to the table's
_LOST_TOP = 2.0
# a number column is narrow: a rule further out than this (points) left of the first one is
# no part of the table
_FIRST_COLUMN_MOST = 60.0


def _column_before_the_rules(xs: list[float], header: _Header, rules_v: list[Segment], y_bottom: float
                             ) -> list[float]:
    """The table's left rule where it lost its top through the header: a phone's bent sheet,
    a copy's faint toner at the corner (`STT` and its row numbers left out of the table and
    every row's cells shifted). A rule running from just under the header down to the table's
    foot, close left of the first rule found, with a heading between the two, is the table's
    left side. The right side is `_column_past_the_rules`'."""
    height = max(header.bottom - header.top, 1.0)
    mid = (header.top + header.bottom) / 2
    found = [s for s in rules_v
             if mid < s[1] <= header.bottom + _LOST_TOP * height and s[3] >= y_bottom - 3.0
             and 3.0 < xs[0] - (s[0] + s[2]) / 2 <= _FIRST_COLUMN_MOST]
    if not found:
        return []
    x = max((s[0] + s[2]) / 2 for s in found)
    heads = [w for w in header.words if x < (w.x0 + w.x1) / 2 < xs[0]]
    return [x] if heads and all(w.x0 >= x - 1.0 for w in heads) else []


# header cells this far apart at least (in heights of the header's words: a heading typed
# with three or four spaces between its words is one heading) may stand in two columns whose
# rule was lost
_HEADS_APART = 1.6


def _unruled_columns(xs: list[float], heading: list[Word], body: list[Word]) -> list[float]:
    """Column rules the scan lost (too faint to be found), where two header cells stand
    between one pair of rules (`Đơn vị công tác` and `Nơi biệt phái đến` read as one column,
    each row's unit and commune run together): the middle of the widest stretch between the
    two cells that no word of the rows below crosses, as none crosses a rule."""
    if not heading:
        return []
    height = statistics.median(w.bottom - w.top for w in heading)
    # a heading is words of letters: a speck beside one (`' Họ và tên`) is none
    cells = [c for c in _header_cells(heading) if sum(ch.isalpha() for w in c.words for ch in w.text) >= 2]
    found = []
    for a, b in zip(xs, xs[1:]):
        within = sorted((c for c in cells if a < (c.x0 + c.x1) / 2 < b), key=lambda c: c.x0)
        for one, two in zip(within, within[1:]):
            lo, hi = one.x1, two.x0
            if hi - lo < _HEADS_APART * height:
                continue
            gap = _widest_gap([(w.x0, w.x1) for w in body], lo, hi)
            if gap is not None:
                found.append(gap)
    return found


def _widest_gap(spans: list[tuple[float, float]], lo: float, hi: float) -> float | None:
    """The middle of the widest stretch between lo and hi that none of the spans covers."""
    free, reach = [], lo
    for a, b in sorted(span for span in spans if span[1] > lo and span[0] < hi):
        if a > reach:
            free.append((reach, a))
        reach = max(reach, b)
    if reach < hi:
        free.append((reach, hi))
    if not free:
        return None
    a, b = max(free, key=lambda g: g[1] - g[0])
    return (a + b) / 2


# a lost last column's heading starts this close to the last rule found (points; a margin
# note, a page number or a seam seal's letters stand further out)
_PAST_THE_RULE = 30.0


def _column_past_the_rules(xs: list[float], heading: list[Word], body: list[Word], rows: list[Segment]
                           ) -> list[float]:
    """The table's right side where a copy lost its last rule: a heading right beside the
    last rule found (`Thời gian`), under the row rules that run on past it, with words under
    it on most of the rows' lines, is a column still. Past the row rules' end is outside the
    table (a seam seal's letters, a margin note)."""
    ruled_to = max((s[2] for s in rows), default=xs[-1])
    past = [w for w in heading if xs[-1] < (w.x0 + w.x1) / 2 <= ruled_to and w.x0 - xs[-1] <= _PAST_THE_RULE]
    if not past:
        return []
    reach = max(w.x1 for w in past)
    under = [w for w in body if xs[-1] < (w.x0 + w.x1) / 2 and w.x0 <= reach]
    lines = {round(w.top) for w in _row_numbers(xs, body)}
    if len({round(w.top) for w in under}) < max(1, len(lines) / 2):
        return []
    return [max(ruled_to, max(w.x1 for w in past + under) + 2.0)]


def _row_numbers(xs: list[float], body: list[Word]) -> list[Word]:
    """The row numbers: the words of the first column that are one."""
    return [w for w in body if xs[0] <= (w.x0 + w.x1) / 2 <= xs[1] and _ROW_NUMBER.match(w.text)]


def _unruled_rows(ys: list[float], xs: list[float], header: _Header, body: list[Word],
                  partial: list[float]) -> list[float]:
    """Row rules a copy lost (toner too light, a streak along them), where the header and a
    row, or two rows, stand between one pair of rules (`2 3 | Vàng Seo Chứ Giàng A Páo`): the
    middle of the widest band between them that no word of the table crosses. A row starts
    at its number, in the first column; the widest band between two starts is the padding
    round the lost rule, not the space between a cell's lines. Where what is left of a rule
    (`partial`: rules too broken to be taken alone) stands between the two, it is the rule:
    every one there (a row whose number was misread, `Uh` for `7`, has its own)."""
    starts = [(header.top, header.bottom)] + sorted((w.top, w.bottom) for w in _row_numbers(xs, body))
    inside = [w for w in body if xs[0] <= (w.x0 + w.x1) / 2 <= xs[-1]]
    found = []
    for (top1, bottom1), (top2, _) in zip(starts, starts[1:]):
        middle1, middle2 = (top1 + bottom1) / 2, top2
        if middle2 <= bottom1 or any(middle1 < y < middle2 for y in ys):
            continue  # a rule stands between them already
        kept = [y for y in partial if middle1 < y < middle2]
        if kept:
            found.extend(kept)
            continue
        gap = _widest_gap([(w.top, w.bottom) for w in inside], bottom1, top2)
        if gap is not None:
            found.append(gap)
    return found


def _cell_gap(words: list[Word]) -> float:
    """The gap that separates cells of an unruled table. Cells sit closer than page
    columns: ~0.8 line height (a word space is ~0.3), or less where the header's own word
    spaces show that two spaces (a narrow STT column) are already well over one."""
    ordered = sorted(words, key=lambda w: w.x0)
    height = sorted(w.bottom - w.top for w in ordered)[len(ordered) // 2]
    gaps = sorted(b.x0 - a.x1 for a, b in zip(ordered, ordered[1:]))
    return min(0.8 * height, max(0.4 * height, 1.6 * gaps[len(gaps) // 2])) if gaps else 0.8 * height


def _segments(words: list[Word], limit: float) -> list[list[Word]]:
    ordered = sorted(words, key=lambda w: w.x0)
    out = [[ordered[0]]]
    for word in ordered[1:]:
        if word.x0 - out[-1][-1].x1 > limit:
            out.append([word])
        else:
            out[-1].append(word)
    return out


def _left_edges(cells: list[Chunk], segmented: list[list[list[Word]]]) -> list[float] | None:
    """Where each column's cells start, from the lines that have one run of words per column."""
    full = [segments for segments in segmented if len(segments) == len(cells)]
    if not full:
        return None
    return [statistics.median(segments[k][0].x0 for segments in full) for k in range(len(cells))]


def _header_cells(words: list[Word]) -> list[Chunk]:
    cells = [Chunk(segment) for segment in _segments(words, _cell_gap(words))]
    # The row-number cell ("STT") is a column of its own even when OCR spacing glued it
    # to the name cell beside it.
    first = cells[0].words
    if len(first) > 1 and fold(first[0].text).strip(HEADING_SPECKS) in _cues()[0]:
        cells[0:1] = [Chunk(first[:1]), Chunk(first[1:])]
    return cells


def _aligned_table(words: list[Word], header: _Header, line_keys: list[object] | None) -> Table | None:
    grid = _space_grid(words, header)
    if grid is not None:
        return grid
    chunks = _header_cells(header.words)
    if len(chunks) < 3:
        return None
    left = chunks[0].x0 - 20
    # The last column's cells may be much wider than its header ("Nơi đến" over a long place name).
    right = chunks[-1].x1 + max(40.0, 3 * (chunks[-1].x1 - chunks[-1].x0))
    below = [w for w in words if w.top > header.bottom - 1 and w not in header.words]
    table_rows = []
    last_bottom = header.bottom
    for row in group_rows(below):
        if row.top - last_bottom > 3 * max(row.height, 1.0) or any(w.x0 < left or w.x1 > right for w in row.words):
            break
        table_rows.append(row)
        last_bottom = row.bottom
    limit = _cell_gap(header.words)
    segmented = [_segments(row.words, limit) for row in table_rows]
    edges = _left_edges(chunks, segmented)
    bounds = _column_bounds(chunks, [w for r in table_rows for w in r.words])
    body: list[list[list[Word]]] = []
    for row, segments in zip(table_rows, segmented):
        cells: list[list[Word]] = [[] for _ in range(len(chunks))]
        if len(segments) == len(chunks):
            for cell, segment in zip(cells, segments):
                cell.extend(segment)
        elif edges is not None:
            # A partial line (a wrapped continuation, or a row with empty cells): each
            # run of words goes whole to the column whose cells start nearest to it, since
            # cell text is left-aligned; splitting it word by word at the white rivers
            # breaks it where columns drift (text padded with spaces in a proportional font).
            for segment in segments:
                k = min(range(len(edges)), key=lambda i: abs(edges[i] - segment[0].x0))
                cells[k].extend(segment)
        else:
            for w in row.words:
                cx = (w.x0 + w.x1) / 2
                cells[sum(1 for b in bounds if cx > b)].append(w)
        _add_line(body, cells)
    return _table_from(body, [c.text for c in chunks], left, header.top, right, "aligned")


def _add_line(body: list[list[list[Word]]], cells: list[list[Word]]) -> None:
    """A line whose first cell is a row number starts a row; any other line is a wrapped
    continuation, its cells appended to the row above cell by cell."""
    starts_row = bool(cells[0]) and _ROW_NUMBER.match(" ".join(w.text for w in cells[0]))
    if starts_row or not body:
        body.append(cells)
    else:
        for target, extra in zip(body[-1], cells):
            target.extend(extra)


def _split_capitals(token: str) -> list[str]:
    pieces = [token[:1]]
    for prev, ch in zip(token, token[1:]):
        if ch.isupper() and prev.isalpha():
            pieces.append(ch)
        else:
            pieces[-1] += ch
    return pieces


def _unglue_name(text: str) -> str:
    """OCR drops the narrow spaces of a name cell (`LòVănThắm`). A capital right after a
    small letter never happens inside one Vietnamese syllable, so split there, but only
    when every piece is a syllable (`ThS` stays)."""
    out = []
    for token in text.split(" "):
        # (a name typed in capitals has no small letter to tell its syllables by: `ÁI` is one)
        pieces = _split_capitals(unicodedata.normalize("NFC", token)) if any(c.islower() for c in token) else [token]
        if len(pieces) > 1 and all(is_syllable(piece) for piece in pieces):
            out.extend(pieces)
        else:
            out.append(token)
    return " ".join(out)


def _unglue_names(header: list[str], rows: list[list[str]]) -> None:
    """The name column's cells (in place) read without their narrow spaces, unglued."""
    col = _name_column(header)
    if col is not None:
        for row in rows:
            row[col] = _unglue_name(row[col])


def _name_column(header: list[str]) -> int | None:
    names = _cues()[1]
    return next((i for i, cell in enumerate(header) if any(name in fold(cell) for name in names)), None)


def _table_from(body: list[list[list[Word]]], header: list[str], left: float, top: float, right: float,
                source: str) -> Table | None:
    if not body:
        return None
    out = [[_cell_text(cell) for cell in row] for row in body]
    _unglue_names(header, out)
    bottom = max(w.bottom for row in body for cell in row for w in cell)
    return Table(header=header, rows=out, x0=left, top=top, x1=right, bottom=bottom, source=source)


# Plain-text tables drawn line by line (columns padded with spaces, any font): every gap is
# a whole number of space widths, so each word's character column can be recovered and the
# columns are where the header cells start, however wide the font's letters are.
_GRID_TOLERANCE = 0.2
_CELL_SPACES = 2  # two or more spaces separate cells; one is a word space


def _split_lines(words: list[Word]) -> list[list[Word]]:
    return [row.words for row in group_rows(words)]


def _space_width(lines: list[list[Word]], height: float) -> float | None:
    gaps = [b.x0 - a.x1 for line in lines for a, b in zip(line, line[1:])]
    if len(gaps) < 8:
        return None
    positive = [g for g in gaps if g > 0.05 * height]
    if not positive:
        return None
    # Word boxes are glyph boxes, a little off the advance widths: take the typical single
    # space, not the narrowest one.
    space = statistics.median(g for g in positive if g < 1.5 * min(positive))
    if not 0.1 * height <= space <= 0.6 * height:
        return None
    on_grid = sum(1 for g in gaps if abs(g / space - round(g / space)) <= _GRID_TOLERANCE)
    # Justified or typeset text has gaps of every width; a space-padded table has only
    # multiples of one space, and some of them two or more spaces wide (the cell gaps).
    if on_grid < 0.97 * len(gaps) or not any(g / space > _CELL_SPACES - _GRID_TOLERANCE for g in gaps):
        return None
    return space


def _grid_cells(line: list[Word], margin: float, space: float) -> list[tuple[int, list[Word]]]:
    """A line's cells as (character column where the cell starts, words)."""
    cells: list[tuple[int, list[Word]]] = []
    col = round((line[0].x0 - margin) / space)
    if col < 0:
        return []
    cells.append((col, [line[0]]))
    for prev, word in zip(line, line[1:]):
        spaces = max(1, round((word.x0 - prev.x1) / space))
        col += len(prev.text) + spaces
        if spaces >= _CELL_SPACES:
            cells.append((col, [word]))
        else:
            cells[-1][1].append(word)
    return cells


def _space_grid(words: list[Word], header: _Header) -> Table | None:
    head_words = sorted(header.words, key=lambda w: w.x0)
    height = statistics.median(w.bottom - w.top for w in head_words)
    below = [w for w in words if w.top > header.bottom - 1 and w not in header.words]
    lines: list[list[Word]] = []
    last_bottom = header.bottom
    margin = head_words[0].x0
    for line in _split_lines(below):
        if line[0].top - last_bottom > 3 * height or line[0].x0 < margin - 0.5 * height:
            break
        lines.append(line)
        last_bottom = max(w.bottom for w in line)
    space = _space_width([head_words] + lines, height)
    if space is None or not lines:
        return None
    head = _grid_cells(head_words, margin, space)
    if len(head) < 3:
        return None
    starts = [col for col, _ in head]
    body: list[list[list[Word]]] = []
    for line in lines:
        cells: list[list[Word]] = [[] for _ in head]
        for col, cell_words in _grid_cells(line, margin, space):
            # The cell belongs to the last column starting at or before it (columns are
            # left-aligned text); a wrapped continuation line is indented to its column.
            k = max(0, bisect.bisect_right(starts, col) - 1)
            cells[k].extend(cell_words)
        _add_line(body, cells)
    right = max(w.x1 for line in [head_words] + lines for w in line)
    return _table_from(body, [" ".join(w.text for w in ws) for _, ws in head], margin, header.top, right, "aligned")


def _column_bounds(cells: list[Chunk], body: list[Word]) -> list[float]:
    """Between each two header cells, the middle of the widest x-range no body word covers
    (the white river between columns); header text alignment does not matter then."""
    start = int(min([c.x0 for c in cells] + [w.x0 for w in body])) - 1
    end = int(max([c.x1 for c in cells] + [w.x1 for w in body])) + 2
    cover = [0] * (end - start + 1)
    for w in body:
        for x in range(int(w.x0) - start, int(w.x1) - start + 1):
            cover[x] += 1
    bounds = []
    for a, b in zip(cells, cells[1:]):
        lo, hi = int(a.x1) - start, int(b.x0) - start
        if hi <= lo:
            bounds.append((a.x1 + b.x0) / 2)
            continue
        best, run_start, best_len = None, None, 0
        for x in range(lo, hi + 1):
            if cover[x] == 0:
                run_start = x if run_start is None else run_start
                if x - run_start + 1 > best_len:
                    best_len, best = x - run_start + 1, (run_start + x) / 2
            else:
                run_start = None
        if best is None:
            best = min(range(lo, hi + 1), key=lambda x: cover[x])
        bounds.append(best + start)
    return bounds


def text_with_table(words: list[Word], table: Table, line_keys: list[object] | None = None) -> str:
    """Page text with the table's region replaced by one line per table row (cells joined
    by ' | '), so wrapped cells do not scatter a row over several lines."""
    from dispatch_reader.ingest.layout import CELL_SEP

    inside = [(table.x0 - 2 <= (w.x0 + w.x1) / 2 <= table.x1 + 2 and table.top - 2 <= (w.top + w.bottom) / 2 <= table.bottom + 2)
              for w in words]
    outside = [w for w, flag in zip(words, inside) if not flag]
    keys = [k for k, flag in zip(line_keys, inside) if not flag] if line_keys is not None else None
    lines: list[Line] = layout_lines(outside, keys)
    block = [CELL_SEP.join(table.header)] + [CELL_SEP.join(row) for row in table.rows]
    before = [line.text for line in lines if line.top < table.top]
    after = [line.text for line in lines if line.top >= table.top]
    return "\n".join(before + block + after)
