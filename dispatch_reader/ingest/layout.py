"""Words with boxes → lines of text in reading order, two-column regions kept apart.

The header (issuer | motto, number | place-date) and the footer (Nơi nhận | signature) are
two columns side by side. Read row by row they interleave (`SỞ NỘI VỤ Độc lập - Tự do`);
here each such region is emitted as the left column's lines, then the right column's.

Works the same for text-layer words and OCR words: rows from vertical overlap, chunks from
wide horizontal gaps, regions from a gutter that no chunk crosses.
"""

from __future__ import annotations

import bisect
import statistics
from dataclasses import dataclass, field

from dispatch_reader.ingest.pages import Word

# A horizontal gap wider than this many line heights splits a row into chunks. Justified
# text rarely stretches a space past one em; header columns sit several ems apart.
CHUNK_GAP = 2.2
# Rows further apart than this many line heights do not belong to one column region.
REGION_ROW_GAP = 2.6
# A row crossing a region's gutter joins the region, cut in two, where a word gap in the
# gutter is this many times the row's usual word gap and at least GUTTER_MIN line heights.
GUTTER_GAP = 2.5
GUTTER_MIN = 0.5
CELL_SEP = " | "


@dataclass
class Chunk:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min([w.x0 for w in self.words])

    @property
    def x1(self) -> float:
        return max([w.x1 for w in self.words])

    @property
    def top(self) -> float:
        return min([w.top for w in self.words])

    @property
    def bottom(self) -> float:
        return max([w.bottom for w in self.words])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Row:
    words: list[Word]
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min([w.top for w in self.words])

    @property
    def bottom(self) -> float:
        return max([w.bottom for w in self.words])

    @property
    def height(self) -> float:
        return _median([w.bottom - w.top for w in self.words])


@dataclass
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    column: str = ""  # "left" / "right" inside a two-column region, "" elsewhere


def group_rows(words: list[Word], line_keys: list[object] | None = None) -> list[Row]:
    """Words → rows. With `line_keys` (OCR line ids) words of one OCR line stay together,
    and OCR lines at the same height are merged into one row."""
    if not words:
        return []
    # (top, bottom, words) of each seed: a word, or an OCR line's words
    if line_keys is not None:
        by_key: dict[object, list[Word]] = {}
        for word, key in zip(words, line_keys):
            by_key.setdefault(key, []).append(word)
        seeds = [sorted(ws, key=_x0) for ws in by_key.values()]
        spans = [(min([w.top for w in ws]), max([w.bottom for w in ws]), ws) for ws in seeds]
    else:
        spans = [(w.top, w.bottom, [w]) for w in words]
    spans.sort(key=_centre)  # stable: seeds of one centre stay in the words' order
    rows: list[Row] = []
    top = bottom = 0.0  # the last row's extent and word heights (sorted), kept as it grows
    heights: list[float] = []
    for seed_top, seed_bottom, seed_words in spans:
        centre = (seed_top + seed_bottom) / 2
        if rows:
            # Same row when the centre falls inside the row's core band (not just touching it).
            band = (bottom - top) * 0.35
            if top + band <= centre <= bottom - band or abs(centre - (top + bottom) / 2) < _median_sorted(heights) * 0.3:
                rows[-1].words.extend(seed_words)
                top, bottom = min(top, seed_top), max(bottom, seed_bottom)
                for w in seed_words:
                    bisect.insort(heights, w.bottom - w.top)
                continue
        rows.append(Row(list(seed_words)))
        top, bottom = seed_top, seed_bottom
        heights = sorted([w.bottom - w.top for w in seed_words])
    rows = _attach_small_words(rows)
    for row in rows:
        row.words.sort(key=_x0)
        row.chunks = split_chunks(row)
    return rows


def _x0(w: Word) -> float:
    return w.x0


def _centre(span: tuple[float, float, object]) -> float:
    return (span[0] + span[1]) / 2


def _median_sorted(data: list[float]) -> float:
    """statistics.median of an already sorted list, computed as it computes it."""
    n = len(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def _median(values: list[float]) -> float:
    """statistics.median, without its generic overhead (called for every row, many times)."""
    if not values:
        raise statistics.StatisticsError("no median for empty data")
    return _median_sorted(sorted(values))


# A word at most this share of a neighbouring row's height, lying within that row's band
# and at most a line height from one of its words, is set small on that row (a footnote
# mark ⁽¹⁾ at the start of a cell, a subscript).
SMALL_WORD = 0.8


def _attach_small_words(rows: list[Row]) -> list[Row]:
    """Superscripts and subscripts standing apart from their word sit off the line's centre
    and start rows of their own. A row of such small words gives each word whose centre lies
    within a neighbouring row of bigger words, next to one of them, to that row. Small text
    that only shares the height (an e-signature line beside the running head, a rule drawn
    as underscores under the other column) stays a row of its own."""
    spans = [(row.top, row.bottom, row.height) for row in rows]
    read = [_read(row) for row in rows]
    for i, row in enumerate(rows):
        for j in (i - 1, i + 1):
            # (a neighbour that gave all its words away before is no row to join; nor is one OCR
            # barely read for words it read well: specks under a tilted line of a photo, read
            # `ee`, `ees`, taller than the words, took `Phạm` and `Khánh` from `Quốc`)
            if not 0 <= j < len(rows) or not rows[j].words or row.height > SMALL_WORD * spans[j][2] \
                    or (read[i] and not read[j]):
                continue
            top, bottom, other = spans[j]
            for word in list(row.words):
                if not top < (word.top + word.bottom) / 2 < bottom:
                    continue
                gaps = [max(w.x0 - word.x1, word.x0 - w.x1) for w in rows[j].words]
                if 0 <= min(gaps) <= other:  # beside a word there, overlapping none
                    row.words.remove(word)
                    rows[j].words.append(word)
            if not row.words:
                break
    return [row for row in rows if row.words]


# What OCR makes of a speck of toner: a quote, a star, a symbol, a stop beside one. No word of
# print is made of these alone (a leader `....` is; `|` is a table's rule, `-` a cell's dash).
_SPECK_GLYPHS = frozenset("“”‘’„‚\"'`´®©°*•·¬~^¢§†‡¤¡¿.,:;")
_STOPS = frozenset(".,:;…")


def _speck_word(word: Word) -> bool:
    return bool(word.text) and set(word.text) <= _SPECK_GLYPHS and not set(word.text) <= _STOPS


# A row whose words OCR read at a median confidence under this is specks, not a line of text.
# (Specks read with specks may join them as before: the order of a stamp's garbage is no matter.)
READ_CONF = 0.5


def _read(row: Row) -> bool:
    confs = [w.conf for w in row.words if w.conf is not None]
    return not confs or _median(confs) >= READ_CONF


def split_chunks(row: Row) -> list[Chunk]:
    limit = CHUNK_GAP * max(row.height, 1.0)
    chunks = [Chunk([row.words[0]])]
    right = row.words[0].x1  # the last chunk's x1, kept as it grows
    words = chunks[0].words
    for word in row.words[1:]:
        if _speck_word(word) and word.x0 - right <= limit:
            # a speck read in the gap between two columns bridges no gap: it goes with the
            # words before it (`ỦY BAN NHÂN DÂN “ CỘNG HÒA …` was one line, no issuer found).
            # One standing a column's gap apart is a cell's (a table's ditto mark `”`, a bullet)
            words.append(word)
            continue
        if word.x0 - right > limit:
            words = [word]
            chunks.append(Chunk(words))
            right = word.x1
        else:
            words.append(word)
            if word.x1 > right:
                right = word.x1
    return chunks


@dataclass
class _Region:
    rows: list[int]
    lo: float
    hi: float  # the gutter: some x in [lo, hi] is crossed by no chunk of the region


def _fits(row: Row, lo: float, hi: float, tol: float) -> tuple[float, float] | None:
    """The narrowed gutter if `row` can sit in a region with gutter [lo, hi], else None."""
    for chunk in row.chunks:
        if chunk.x1 <= lo + tol or chunk.x0 >= hi - tol:
            continue
        # The chunk pokes into the gutter from one side: narrow the gutter if room remains.
        if chunk.x0 < lo:
            lo = chunk.x1
        elif chunk.x1 > hi:
            hi = chunk.x0
        else:
            return None
        if hi - lo < tol:
            return None
    sides = {chunk.x1 <= (lo + hi) / 2 for chunk in row.chunks}
    if len(row.chunks) > 2 and len(sides) > 1:
        # Three or more chunks straddling the gutter: a table row, not a column pair.
        left = [c for c in row.chunks if c.x1 <= (lo + hi) / 2]
        right = [c for c in row.chunks if c.x0 >= (lo + hi) / 2]
        if len(left) > 1 and len(right) > 1:
            return None
    return lo, hi


def _split_in_gutter(row: Row, lo: float, hi: float, tol: float) -> list[Chunk] | None:
    """A one-chunk row cut in two at a word gap clearly wider than the row's usual word gap,
    where both pieces reach into the gutter [lo, hi] past their columns' edges; else None.

    A Word header table's cells are centred, and the issuer's first line is often the widest
    of its column: "BỘ LAO ĐỘNG - THƯƠNG BINH" runs on to ten points before "CỘNG HÒA …",
    which itself starts left of the lines under it. Closer than a chunk gap, yet three spaces
    wide. Justified text stretches all of a line's spaces alike, so it has no such gap; a
    table cell's text starts flush with its column, so a table row is never cut here."""
    if len(row.chunks) != 1:  # a row already in cells is a table row, not a header cell pair
        return None
    words = row.chunks[0].words
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
    if len(gaps) < 3:
        return None
    wide = max(GUTTER_GAP * max(statistics.median(gaps), 0.1 * row.height), GUTTER_MIN * row.height)
    cuts = [(gap, m) for m, gap in enumerate(gaps, start=1)
            if gap >= wide and lo + tol < words[m - 1].x1 and words[m].x0 < hi - tol]
    if not cuts:
        return None
    m = max(cuts)[1]
    return [Chunk(words[:m]), Chunk(words[m:])]


def find_regions(rows: list[Row]) -> list[_Region]:
    regions: list[_Region] = []
    taken: set[int] = set()
    for i, row in enumerate(rows):
        if i in taken or len(row.chunks) != 2:
            continue
        left, right = row.chunks
        lo, hi = left.x1, right.x0
        tol = max(row.height, 1.0) * 0.5
        members = [i]
        ends = {1: i, -1: i}
        # Grow through near rows that leave some gutter free, the nearer of the rows above
        # and below first: a row close to the seed tells more about the gutter than a title
        # further off that only narrows it.
        while ends:
            near: list[tuple[float, int]] = []
            for step, j in list(ends.items()):
                k = j + step
                if not 0 <= k < len(rows) or k in taken:
                    del ends[step]
                    continue
                gap = rows[k].top - rows[j].bottom if step == 1 else rows[j].top - rows[k].bottom
                if gap > REGION_ROW_GAP * max(rows[j].height, rows[k].height, 1.0):
                    del ends[step]
                    continue
                near.append((gap, step))
            if not near:
                break
            step = min(near)[1]
            k = ends[step] + step
            nxt = rows[k]
            fitted = _fits(nxt, lo, hi, tol)
            if fitted is None:
                split = _split_in_gutter(nxt, lo, hi, tol)
                fitted = _fits(Row(nxt.words, split), lo, hi, tol) if split else None
                if fitted is None:
                    del ends[step]
                    continue
                nxt.chunks = split
            lo, hi = fitted
            members.append(k)
            ends[step] = k
        members.sort()
        taken.update(members)
        regions.append(_Region(members, lo, hi))
    return regions


def _line(chunks: list[Chunk], column: str = "") -> Line:
    return Line(
        text=CELL_SEP.join(c.text for c in chunks),
        x0=min(c.x0 for c in chunks), top=min(c.top for c in chunks),
        x1=max(c.x1 for c in chunks), bottom=max(c.bottom for c in chunks), column=column,
    )


def layout_lines(words: list[Word], line_keys: list[object] | None = None,
                 rows: list[Row] | None = None) -> list[Line]:
    """Lines in reading order; see the module doc for the column rule. `rows`: the words
    already grouped (group_rows), when the caller needs them too."""
    if rows is None:
        rows = group_rows(words, line_keys)
    else:  # find_regions re-chunks a row it cuts in a gutter: the caller's rows stay as grouped
        rows = [Row(row.words, row.chunks) for row in rows]
    regions = {r.rows[0]: r for r in find_regions(rows)}
    in_region = {i for r in regions.values() for i in r.rows}
    lines: list[Line] = []
    for i, row in enumerate(rows):
        if i in regions:
            region = regions[i]
            mid = (region.lo + region.hi) / 2
            for column in ("left", "right"):
                for k in region.rows:
                    side = [c for c in rows[k].chunks if (c.x1 <= mid) == (column == "left")]
                    if side:
                        lines.append(_line(side, column))
        elif i not in in_region:
            lines.append(_line(row.chunks))
    return lines


def layout_text(words: list[Word], line_keys: list[object] | None = None, rows: list[Row] | None = None) -> str:
    return "\n".join(line.text for line in layout_lines(words, line_keys, rows))
