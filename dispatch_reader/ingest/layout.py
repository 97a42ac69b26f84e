"""Words with boxes → lines of text in reading order, two-column regions kept apart.

The header (issuer | motto, number | place-date) and the footer (Nơi nhận | signature) are
two columns side by side. Read row by row they interleave (`SỞ NỘI VỤ Độc lập - Tự do`);
here each such region is emitted as the left column's lines, then the right column's.

Works the same for text-layer words and OCR words: rows from vertical overlap, chunks from
wide horizontal gaps, regions from a gutter that no chunk crosses.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from dispatch_reader.ingest.pages import Word

# A horizontal gap wider than this many line heights splits a row into chunks. Justified
# text rarely stretches a space past one em; header columns sit several ems apart.
CHUNK_GAP = 2.2
# Rows further apart than this many line heights do not belong to one column region.
REGION_ROW_GAP = 2.6
CELL_SEP = " | "


@dataclass
class Chunk:
    words: list[Word]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Row:
    words: list[Word]
    chunks: list[Chunk] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)


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
    if line_keys is not None:
        by_key: dict[object, list[Word]] = {}
        for word, key in zip(words, line_keys):
            by_key.setdefault(key, []).append(word)
        seeds = [Row(sorted(ws, key=lambda w: w.x0)) for ws in by_key.values()]
    else:
        seeds = [Row([w]) for w in words]
    seeds.sort(key=lambda r: (r.top + r.bottom) / 2)
    rows: list[Row] = []
    for seed in seeds:
        centre = (seed.top + seed.bottom) / 2
        if rows:
            last = rows[-1]
            # Same row when the centre falls inside the row's core band (not just touching it).
            band = (last.bottom - last.top) * 0.35
            if last.top + band <= centre <= last.bottom - band or abs(centre - (last.top + last.bottom) / 2) < last.height * 0.3:
                last.words.extend(seed.words)
                continue
        rows.append(Row(list(seed.words)))
    for row in rows:
        row.words.sort(key=lambda w: w.x0)
        row.chunks = split_chunks(row)
    return rows


def split_chunks(row: Row) -> list[Chunk]:
    limit = CHUNK_GAP * max(row.height, 1.0)
    chunks = [Chunk([row.words[0]])]
    for word in row.words[1:]:
        if word.x0 - chunks[-1].x1 > limit:
            chunks.append(Chunk([word]))
        else:
            chunks[-1].words.append(word)
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
        # Grow down, then up, through near rows that leave some gutter free.
        for step in (1, -1):
            j = i
            while 0 <= j + step < len(rows) and (j + step) not in taken:
                nxt = rows[j + step]
                prev = rows[j]
                gap = nxt.top - prev.bottom if step == 1 else prev.top - nxt.bottom
                if gap > REGION_ROW_GAP * max(prev.height, nxt.height, 1.0):
                    break
                fitted = _fits(nxt, lo, hi, tol)
                if fitted is None:
                    break
                lo, hi = fitted
                members.append(j + step)
                j += step
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


def layout_lines(words: list[Word], line_keys: list[object] | None = None) -> list[Line]:
    """Lines in reading order; see the module doc for the column rule."""
    rows = group_rows(words, line_keys)
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


def layout_text(words: list[Word], line_keys: list[object] | None = None) -> str:
    return "\n".join(line.text for line in layout_lines(words, line_keys))
