"""A receiving stamp's frame found on a page where it prints dark (a photocopy, a fax), so that
its four thin lines can be taken off without the letters they run through.

The receiving office stamps `CÔNG VĂN ĐẾN / Số … / Ngày …` in a rectangle, often in the gap
between the header's two columns: its sides run down through the body's name and the motto,
its bottom through the end of `Số: …/QĐ-UBND`. In colour its ink is dropped before reading; on
a one-bit copy it is as black as the print, a little turned, its lines too thin and too slanted
for the table rules' search (preprocess.find_rules looks for level runs a centimetre long), and
Tesseract read the struck-through letters as others (`UBNĐ`, `UBHD`) or ran the two columns
into one line across the frame.

The frame is told by its shape: two long thin straight lines nearly upright, side by side, whose
ends are joined by two more lines that end there (a table's rules run on into the next cells).
Of each line only its own pixels go: at each step along it the run of ink across it, where that
run is no thicker than the line is round there (a pixel of slack). Where a letter's stroke
crosses the line the run is as tall as the letter, and the letter stays whole; where two lines
meet, the corner's square of ink goes too.

Taken off only where print runs on out of the frame on both sides (the stamp over the ends of
the header's lines); the words then read wholly inside it are the stamp's, set apart from the
page's (`words_inside`), their figures unread: read with the page and never again alone, a
hand's figures are no registration number to record.
"""

from __future__ import annotations

import math
import re

import cv2
import numpy as np

from dispatch_reader.ingest.pages import LineKey, Word

# where on page 1 a receiving stamp is looked for: the header (share of the page's height)
_HEADER_SHARE = 0.4
# a frame's side is this long (inches); its lines are found from pieces this long at least
_SIDE_IN = (0.35, 2.2)
_SEEN_IN = 0.25
# its width (inches): a receiving stamp is 2.5-10 cm wide
_WIDTH_IN = (1.0, 4.0)
# sides lean at most this much from upright (degrees): a stamp put on by hand, a page skewed
_LEAN_DEG = 10.0
# and the two sides of one frame by at most this much from each other
_PARALLEL_DEG = 3.0
# a line's gaps up to this long (inches) are bridged: a copy's dropped pixels
_GAP_IN = 0.03
# the top and bottom lines between the sides' ends are inked along this share at least
_EDGE_INKED = 0.7
# a frame is taken off where print runs on out of it on both sides: just outside each side
# (this far, inches), the page is inked at this share at least (a header's lines: 0.08-0.18 of
# such a strip; paper with a copy's specks: under 0.04). One with a side on paper (a stamp over
# the margin and the left column, an e-signature's box) is left: Tesseract reads what lies
# inside it as a block of its own, and what it holds is no stamp's alone (taken off and set
# apart, the issuer's lines and the number it stood over went with the stamp's words)
_OUTSIDE_IN = (0.05, 0.3)
_OUTSIDE_PRINT = 0.05
# a line is looked for this far (inches) from where it is expected; a straight line between two
# points is inked where ink lies this near it
_NEAR_IN = 0.03
_ON_LINE_IN = 0.01
# a frame's line is at most this thick (inches, 1.5 mm): a bar of print is no frame
_THICK_IN = 0.06
# the corners are looked for this far (inches) round the sides' traced ends
_CORNER_REACH_IN = 0.1
# where no corner is found there, a side is followed on across this much of print it crosses
# (a line of capitals' height)
_CROSSED_IN = 0.2
# a stamp's top and bottom lines end at its sides; a table's rules run on this far (inches) at
# least into the next cell, a thin line unbroken along this share of it (a line of print the
# frame's bottom runs through is inked there too, in runs as tall as its letters)
_RUN_ON_IN = 0.15
_RUN_ON_THIN = 0.7
# a line's own thickness at a step is its median over this far (inches) either side: longer
# than a letter's stroke that runs along it (the stem of `U` under a frame's side)
_ROUND_THERE_IN = 0.2
# ink: darker than this grey level
_INK = 128
# the upright ink Hough is given: runs down a column this long at least (inches; a side leaning
# 10° is 0.1 in down a column at 3 pixels thick), no wider across a row than a frame's line
_UPRIGHT_RUN_IN = 0.05
# a figure in a word: read with the page, never again alone (a colour stamp's are read twice)
_FIGURE = re.compile(r"\d")
# the document's own number (`205/QĐ-UBND`): never a stamp's word, wherever the frame stands
_DOCUMENT_NUMBER = re.compile(r"\d+/.*[A-ZĐ]")

Point = tuple[float, float]
Corners = tuple[Point, Point, Point, Point]  # top left, top right, bottom right, bottom left
Line = tuple[float, float, float, float]  # x and y at its top, x and y at its bottom


def clear_stamp_frames(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, list[Corners]]:
    """The page with the frames of the stamps on its header taken off (their own pixels only),
    and each frame's corners in pixels. The page is returned as it was when there is none."""
    ink = grey < _INK
    frames = [corners for corners in stamp_frames(grey, dpi, ink) if _over_print(ink, corners, dpi)]
    if not frames:
        return grey, []
    out = grey.copy()
    for corners in frames:
        widths = [_take_line(out, ink, a, b, dpi) for a, b in zip(corners, corners[1:] + corners[:1])]
        # where two lines meet, the run across each is the other line: neither takes it
        half = max(widths) // 2 + 1
        for x, y in corners:
            xi, yi = int(round(x)), int(round(y))
            out[max(0, yi - half):yi + half + 1, max(0, xi - half):xi + half + 1] = 255
    return out, frames


def stamp_frames(grey: np.ndarray, dpi: float, ink: np.ndarray | None = None) -> list[Corners]:
    """The frames of the rectangular stamps on the page's header, as four corners each, none
    overlapping another. `ink`: the page's ink, when already found."""
    # the header's ink only: a receiving stamp goes on the header
    ink = (grey < _INK if ink is None else ink)[: int(grey.shape[0] * _HEADER_SHARE)].view(np.uint8)
    if not ink.any():
        return []
    sides = _upright_lines(ink, dpi)
    frames: list[Corners] = []
    used: set[int] = set()
    for i, left in enumerate(sides):
        for j, right in enumerate(sides):
            if i in used or j in used or right[0] <= left[0]:
                continue
            corners = _frame_between(ink, left, right, dpi)
            if corners is not None and not any(_overlap(corners, other) for other in frames):
                frames.append(corners)
                used.update((i, j))
    return frames


def _overlap(a: Corners, b: Corners) -> bool:
    """Do two frames' boxes overlap (one line found twice over makes two frames of one side)?"""
    ax, ay = [p[0] for p in a], [p[1] for p in a]
    bx, by = [p[0] for p in b], [p[1] for p in b]
    return min(ax) < max(bx) and min(bx) < max(ax) and min(ay) < max(by) and min(by) < max(ay)


def _over_print(ink: np.ndarray, corners: Corners, dpi: float) -> bool:
    """Do lines of print run on out of the frame on both sides (a stamp set in the gap between
    the header's two columns, over the ends of their lines)? Along each side, just outside it,
    the page is inked as print is, not as paper."""
    tl, tr, br, bl = corners
    return min(_outside_ink(ink, bl, tl, corners, dpi), _outside_ink(ink, tr, br, corners, dpi)) >= _OUTSIDE_PRINT


def _outside_ink(ink: np.ndarray, a: Point, b: Point, corners: Corners, dpi: float) -> float:
    """Share of ink in the strip along the side from `a` to `b`, outside the frame."""
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
    cx, cy = sum(x for x, _ in corners) / 4, sum(y for _, y in corners) / 4
    if (a[0] - cx) * nx + (a[1] - cy) * ny < 0:
        nx, ny = -nx, -ny  # outward, away from the frame's middle
    near, far = _OUTSIDE_IN[0] * dpi, _OUTSIDE_IN[1] * dpi
    strip = np.array([(a[0] + nx * near, a[1] + ny * near), (b[0] + nx * near, b[1] + ny * near),
                      (b[0] + nx * far, b[1] + ny * far), (a[0] + nx * far, a[1] + ny * far)], np.int32)
    mask = np.zeros(ink.shape, np.uint8)
    cv2.fillPoly(mask, [strip], 1)
    inside = mask > 0
    return float(ink[inside].mean()) if inside.any() else 0.0


def _upright_lines(ink: np.ndarray, dpi: float) -> list[Line]:
    """Long thin straight lines leaning little from upright, traced to their ends."""
    # Hough is given only thin upright ink: on a black band or a page of noise, every pixel's
    # votes took seconds
    down = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((max(3, int(_UPRIGHT_RUN_IN * dpi)), 1), np.uint8))
    wide = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, max(3, int(_THICK_IN * dpi) + 1)), np.uint8))
    upright = cv2.subtract(down, wide)
    found = cv2.HoughLinesP(upright * 255, 1, np.pi / 720, threshold=int(_SEEN_IN * dpi * 0.8),
                            minLineLength=int(_SEEN_IN * dpi), maxLineGap=max(2, int(_GAP_IN * dpi)))
    lines: list[Line] = []
    for x1, y1, x2, y2 in (found.reshape(-1, 4) if found is not None else []):
        if y2 < y1:
            x1, y1, x2, y2 = x2, y2, x1, y1
        if abs(math.degrees(math.atan2(x2 - x1, y2 - y1))) > _LEAN_DEG:
            continue
        traced = _traced(ink, (float(x1), float(y1), float(x2), float(y2)), dpi)
        if traced is None:
            continue
        # Hough gives one line several times over: the first of those that coincide is kept
        if not any(abs(traced[0] - o[0]) < 2 * _NEAR_IN * dpi and abs(traced[2] - o[2]) < 2 * _NEAR_IN * dpi
                   and abs(traced[1] - o[1]) < _SIDE_IN[0] * dpi for o in lines):
            lines.append(traced)
    return sorted(lines)


def _traced(ink: np.ndarray, seg: Line, dpi: float) -> Line | None:
    """The thin line through `seg`, fitted to its own ink and followed up and down while it
    lasts; None when it is no thin line, or too short or too long for a frame's side."""
    x1, y1, x2, y2 = seg
    slope = (x2 - x1) / max(1.0, y2 - y1)
    gap = max(2, int(_GAP_IN * dpi))

    def centre(y: int, x: float) -> float | None:
        run = _thin_run(ink, y, x, dpi)
        return (run[0] + run[1]) / 2 if run is not None else None

    ys: list[int] = []
    xs: list[float] = []
    for y in range(int(y1), int(y2) + 1):
        c = centre(y, x1 + slope * (y - y1))
        if c is not None:
            ys.append(y)
            xs.append(c)
    if len(ys) < 0.5 * (y2 - y1 + 1):
        return None  # most of it lies in thick ink: a letter's stroke, a bar
    slope, at = np.polyfit(np.array(ys, float), np.array(xs, float), 1)
    fitted = (at + slope * ys[0], float(ys[0]), at + slope * ys[-1], float(ys[-1]))
    top, bottom = _followed(ink, fitted, -1, gap, dpi), _followed(ink, fitted, 1, gap, dpi)
    if not _SIDE_IN[0] <= (bottom - top) / dpi <= _SIDE_IN[1]:
        return None
    return (at + slope * top, float(top), at + slope * bottom, float(bottom))


def _followed(ink: np.ndarray, side: Line, step: int, gap: int, dpi: float) -> int:
    """The row where the thin line `side` ends, followed from its top (`step` -1) or bottom
    (+1) end while no more than `gap` rows in a row miss it."""
    slope = (side[2] - side[0]) / max(1.0, side[3] - side[1])
    last = int(side[1] if step < 0 else side[3])
    y, missed = last, 0
    while 0 <= y + step < ink.shape[0] and missed <= gap:
        y += step
        if _thin_run(ink, y, side[0] + slope * (y - side[1]), dpi) is None:
            missed += 1
        else:
            missed = 0
            last = y
    return last


def _thin_run(ink: np.ndarray, y: int, x: float, dpi: float) -> tuple[int, int] | None:
    """The run of ink in row `y` at `x`, or the one nearest it (`_NEAR_IN`), if no thicker than a
    frame's line is (`_THICK_IN`)."""
    run = _run_near(ink[y], int(round(x)), max(2, int(round(_NEAR_IN * dpi))))
    return run if run is not None and run[1] - run[0] + 1 <= _THICK_IN * dpi else None


def _run_near(row: np.ndarray, c: int, near: int) -> tuple[int, int] | None:
    """The run of ink in `row` at `c`, or the one nearest to it within `near`."""
    n = len(row)
    for d in range(near + 1):
        for j in (c - d, c + d):
            if 0 <= j < n and row[j]:
                a = b = j
                while a > 0 and row[a - 1]:
                    a -= 1
                while b < n - 1 and row[b + 1]:
                    b += 1
                return a, b
    return None


def _frame_between(ink: np.ndarray, left: Line, right: Line, dpi: float) -> Corners | None:
    """The frame whose sides are `left` and `right`, when their ends are joined by inked lines
    that end there."""
    lean = [math.degrees(math.atan2(s[2] - s[0], s[3] - s[1])) for s in (left, right)]
    if abs(lean[0] - lean[1]) > _PARALLEL_DEG:
        return None
    width = ((right[0] + right[2]) - (left[0] + left[2])) / 2
    if not _WIDTH_IN[0] <= width / dpi <= _WIDTH_IN[1]:
        return None

    def at(side: Line, y: float) -> Point:
        k = (side[2] - side[0]) / max(1.0, side[3] - side[1])
        return side[0] + k * (y - side[1]), y

    # the top and bottom lines run square to the sides: a frame turned clockwise (its sides
    # leaning right going down) has its right end higher
    drop = math.tan(math.radians((lean[0] + lean[1]) / 2)) * width
    reach = _CORNER_REACH_IN * dpi
    def edge(ends: tuple[float, ...]) -> float | None:
        ys = np.arange(min(ends) - reach, max(ends) + reach + 1)
        inked = np.array([_inked(ink, at(left, y), at(right, y - drop), dpi) for y in ys])
        if inked.max() < _EDGE_INKED:
            return None
        # the middle of the rows inked as much (a thick line, or one read a row or two either way)
        top_rows = np.flatnonzero(inked == inked.max())
        return float(ys[top_rows[len(top_rows) // 2]])

    crossed = int(_CROSSED_IN * dpi)
    corners: list[Point] = []
    for end in (1, 3):
        # a side traced on past its corner (into a letter's stroke in line with it) or stopped
        # short of it (a copy's dropped pixels, a stroke of the handwriting across it): the line
        # is looked for between both sides' ends and a little beyond
        ends = (left[end], right[end] + drop)
        best = edge(ends)
        if best is None:
            # a side stopped at a line of print it crosses (a capital's strokes joined to it),
            # the other's end lost to the copy: the sides followed on past the letters
            step = -1 if end == 1 else 1
            best = edge((*ends, _followed(ink, left, step, crossed, dpi),
                         _followed(ink, right, step, crossed, dpi) + drop))
        if best is None:
            return None
        corners += [at(left, best), at(right, best - drop)]
    tl, tr, bl, br = corners
    if (bl[1] - tl[1]) / dpi < _SIDE_IN[0]:
        return None
    if _runs_on(ink, tl, tr, dpi) or _runs_on(ink, bl, br, dpi):
        return None  # a table's cell: its rules run on into the next cells
    return tl, tr, br, bl


def _inked(ink: np.ndarray, a: Point, b: Point, dpi: float) -> float:
    """Share of the straight line from `a` to `b` with ink on it (within a pixel or two)."""
    n = int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))) + 1
    t = np.linspace(0.0, 1.0, n)
    xs = np.clip(np.round(a[0] + (b[0] - a[0]) * t).astype(int), 0, ink.shape[1] - 1)
    ys = np.round(a[1] + (b[1] - a[1]) * t).astype(int)
    reach = max(1, int(round(_ON_LINE_IN * dpi)))
    hit = np.zeros(n, bool)
    for d in range(-reach, reach + 1):
        yy = ys + d
        ok = (yy >= 0) & (yy < ink.shape[0])
        hit[ok] |= ink[yy[ok], xs[ok]] > 0
    return float(hit.mean())


def _runs_on(ink: np.ndarray, a: Point, b: Point, dpi: float) -> bool:
    """Does the thin straight line from `a` to `b` go on past either of its ends?"""
    length = math.hypot(b[0] - a[0], b[1] - a[1])
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    near = max(2, int(round(_NEAR_IN * dpi)))
    # from just past the corner: the side's own ink is no run-on
    steps = np.arange(_NEAR_IN * dpi, (_NEAR_IN + _RUN_ON_IN) * dpi)
    for sign, (x0, y0) in ((-1, a), (1, b)):
        # the thin line unbroken from the corner on (a letter's thin stroke beside it, the
        # hyphen in `QĐ-UBND` before the frame's bottom-left corner, is a piece of it at most)
        streak = 0
        for d in steps:
            x, y = int(round(x0 + sign * ux * d)), int(round(y0 + sign * uy * d))
            run = _run_near(ink[:, x], y, near) if 0 <= x < ink.shape[1] else None
            if run is None or run[1] - run[0] + 1 > _THICK_IN * dpi:
                break
            streak += 1
        if streak >= _RUN_ON_THIN * len(steps):
            return True
    return False


def _runs_along(ink: np.ndarray, a: Point, b: Point, dpi: float) -> list[tuple[int, tuple[int, int]]]:
    """At each step along the straight line from `a` to `b`: the step's column (a line nearer
    level) or row, and the run of ink across the line there (from, to)."""
    level = abs(b[0] - a[0]) >= abs(b[1] - a[1])
    n = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
    near = max(2, int(round(_NEAR_IN * dpi)))
    runs: list[tuple[int, tuple[int, int]]] = []
    for i in range(n + 1):
        xi = int(round(a[0] + (b[0] - a[0]) * i / n))
        yi = int(round(a[1] + (b[1] - a[1]) * i / n))
        if not (0 <= xi < ink.shape[1] and 0 <= yi < ink.shape[0]):
            continue
        run = _run_near(ink[:, xi], yi, near) if level else _run_near(ink[yi], xi, near)
        if run is not None:
            runs.append((xi if level else yi, run))
    return runs


def _own(runs: list[tuple[int, tuple[int, int]]], dpi: float) -> list[bool]:
    """For each run along a line: is it the line's own (no thicker than the line is round
    there)? The line's thickness changes slowly along it (a fax's line is one or two of its rows
    doubled: 4 pixels here, 6 there); a letter's stroke it crosses or runs along adds to it at
    once."""
    widths = np.array([hi - lo + 1 for _, (lo, hi) in runs])
    half = max(2, int(_ROUND_THERE_IN * dpi))
    return [bool(widths[k] <= min(float(np.median(widths[max(0, k - half):k + half + 1])) + 1, _THICK_IN * dpi))
            for k in range(len(runs))]


def _take_line(grey: np.ndarray, ink: np.ndarray, a: Point, b: Point, dpi: float) -> int:
    """Paint as paper the pixels of the thin line from `a` to `b`: at each step along it the run
    of ink across it, where that run is the line's own. Returns the line's width (pixels, its
    median run)."""
    runs = _runs_along(ink, a, b, dpi)
    if not runs:
        return 0
    level = abs(b[0] - a[0]) >= abs(b[1] - a[1])
    for (at, (lo, hi)), own in zip(runs, _own(runs, dpi)):
        if own:
            if level:
                grey[lo:hi + 1, at] = 255
            else:
                grey[at, lo:hi + 1] = 255
    return int(np.median([hi - lo + 1 for _, (lo, hi) in runs]))


def words_inside(words: list[Word], keys: list[LineKey], frames: list[Corners], scale: float
                 ) -> tuple[list[Word], list[LineKey], str]:
    """The page's words less those lying wholly inside a frame taken off (the stamp's own: its
    title, its labels, the figures written in, the receiving office's name above them), and
    those words' lines as read (a frame's lines one after another, a blank line between frames).
    `scale`: points per pixel of the image the frames were found on.

    Left on the page they were read into the header's lines between the columns (`XÃ AN PHÚ
    CONG VAN ĐE Độc lập -`) and the receiving office's name above them was taken for the
    issuer. A word shaped as the document's own number stays the page's wherever the frame
    stands. The stamp's figures are written `?`: read once with the page, never alone and again
    as a colour stamp's are (`ingest/stamp.py`), a hand's figures are no registration number to
    record, but the stamp's title and labels still tell that the paper was received."""
    polygons = [np.array(corners, np.float32) * scale for corners in frames]
    kept_words: list[Word] = []
    kept_keys: list[LineKey] = []
    lines: list[dict[LineKey, list[str]]] = [{} for _ in polygons]
    for word, key in zip(words, keys):
        box = ((word.x0, word.top), (word.x1, word.top), (word.x1, word.bottom), (word.x0, word.bottom))
        at = next((k for k, poly in enumerate(polygons)
                   if all(cv2.pointPolygonTest(poly, p, False) >= 0 for p in box)), None)
        if at is None or _DOCUMENT_NUMBER.search(word.text):
            kept_words.append(word)
            kept_keys.append(key)
        else:
            lines[at].setdefault(key, []).append("?" if _FIGURE.search(word.text) else word.text)
    text = "\n\n".join("\n".join(" ".join(line) for line in frame.values()) for frame in lines if frame)
    return kept_words, kept_keys, text
