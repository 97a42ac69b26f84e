"""A seal's outer ring found on a page where it prints dark (a photocopy, a fax), so that the
letters it touches can be read again without it.

A round seal is stamped over the signature and the title lines, and its ring often runs into
the signer's name below it (`Hồ Sỹ Long` read `Long`: the ring through `Hồ Sỹ`). Where the
page is in colour the seal's red is dropped before reading; on a one-bit copy it is as black as
the print, and the letters it touches are one piece of ink with it, too large for a letter:
the re-readings of ink left unread and of the name lines (unread.py, namelines.py) paint such
pieces out, and the letters with them. With the ring's own pixels known, only they go.

The ring is told by its shape, not by where it stands: a piece of ink the size of a seal whose
outer edge is, over most of its turn, one circle, and whose ink lies in a band along that
circle all round. Pixels of the same piece off that band (letters, a signature, the seal's
own words) stay.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

# a round seal's outer diameter, inches: 30-42 mm for an office's seal (a ministry's larger)
_DIAMETER_IN = (0.9, 2.0)
# its pieces may carry a name line and a signature with them beyond the ring
_REACH_IN = 1.2
# a point of the piece's outer edge is on the circle within this (inches)
_ON_CIRCLE_IN = 0.012
# the points on the circle must stand round this share of its turn (in 10° steps), and its
# band be found in this share of its sectors: a name or a signature joined to the ring hides
# part of its edge, a letter or a stroke has no such edge
_TURN_SHARE = 0.7
# a sector's band: the offsets from the edge at which this share of the sector's arc is inked
_BAND_SHARE = 0.5
# a ring is no thicker than this (inches); a filled disc or a blot is no ring
_BAND_MAX_IN = 0.06
_TRIES = 300
# a ring's gaps up to this wide (inches) are bridged when no whole ring is found
_BRIDGE_IN = 0.023
_SECTORS = 72
# a straight run this long (inches) is a line, not a ring's (a 35 mm ring with a 0.02 in band
# runs along a row over about a third of an inch; where a thicker ring's is longer, its top and
# bottom are lost from the piece, and the rest of its turn still holds it)
_LINE_IN = 0.5
# a seal's inner line and outer ring share their centre within this (inches)
_CONCENTRIC_IN = 0.05


# a letter's stroke cut by the ring's band is given back this far into it (inches, across and
# along the line): the top of `T` and of `h` where the ring's bottom runs over `Thị`
_GIVE_BACK_IN = (0.06, 0.02)


def clear_seal_rings(grey: np.ndarray, dpi: float) -> np.ndarray | None:
    """The page with every seal ring on it painted as paper, the letters it ran over given back
    their strokes next to their own ink; None when the page has no ring."""
    rings = seal_rings(grey, dpi)
    if rings is None:
        return None
    letters = ((grey < 128) & ~rings).view(np.uint8)
    kernel = np.ones((max(1, int(_GIVE_BACK_IN[1] * dpi)), max(1, int(_GIVE_BACK_IN[0] * dpi))), np.uint8)
    near = cv2.dilate(letters, kernel).view(bool)
    return np.where(rings & ~near, np.uint8(255), grey)


def cleared_boxes(grey: np.ndarray, ringless: np.ndarray, dpi: float) -> list[tuple[int, int, int, int]]:
    """The boxes (x0, y0, x1, y1; pixels) of the rings `clear_seal_rings` painted out: the
    pieces of what it changed, each the size of a seal at least."""
    changed = (grey != ringless).view(np.uint8)
    # the painted band is broken where letters were given back: joined again a little
    size = max(3, int(round(_BRIDGE_IN * dpi)) | 1)
    joined = cv2.dilate(changed, np.ones((size, size), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    least = _DIAMETER_IN[0] * dpi
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h, _ in stats[1:n] if w >= least and h >= least]


def seal_rings(grey: np.ndarray, dpi: float) -> np.ndarray | None:
    """Mask (bool, the page's size) of the pixels of every seal ring on the page, its edge's
    half-tones too, or None when there is none."""
    ink = (grey < 128).view(np.uint8)
    found = _rings_among(ink, ink, dpi)
    if found is None:
        found = _rings_among(_bridged(ink, dpi), ink, dpi)
    if found is None:
        # a long straight line run into the ring (a fax's streak, a rule, a table's edge) made
        # one piece with it too wide for a seal: the pieces are told without such lines
        pieces = (ink.view(bool) & ~_long_lines(ink, dpi)).view(np.uint8)
        found = _rings_among(_bridged(pieces, dpi), ink, dpi)
    return found


def _bridged(pieces: np.ndarray, dpi: float) -> np.ndarray:
    """A fax's coarse lines or a light copy break a thin ring into arcs, none of them a ring
    alone: their gaps bridged, the arcs are one piece again (its ink is still only theirs)."""
    size = max(3, int(round(_BRIDGE_IN * dpi)) | 1)
    return cv2.dilate(pieces, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))


def _long_lines(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The pixels of level and upright straight runs longer than a ring's own."""
    k = int(_LINE_IN * dpi)
    level = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, k), np.uint8))
    upright = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((k, 1), np.uint8))
    return (level | upright).view(bool)


def _rings_among(pieces: np.ndarray, ink: np.ndarray, dpi: float) -> np.ndarray | None:
    """The ring mask of the seal-sized connected pieces of `pieces` that hold a ring in their
    `ink`, or None when none does."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(pieces, connectivity=8)
    least, most = _DIAMETER_IN[0] * dpi, (_DIAMETER_IN[1] + 2 * _REACH_IN) * dpi
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    sized = np.flatnonzero((w >= least) & (w <= most) & (h >= least) & (h <= most))
    out: np.ndarray | None = None
    for i in sized[sized > 0]:
        x, y, w, h, _ = stats[i]
        piece = ((labels[y:y + h, x:x + w] == i) & ink[y:y + h, x:x + w].view(bool)).view(np.uint8)
        band = _ring_band(piece, dpi)
        if band is None:
            continue
        if out is None:
            out = np.zeros(ink.shape, dtype=bool)
        out[y:y + h, x:x + w] |= band.astype(bool)
    return out


def _ring_band(piece: np.ndarray, dpi: float) -> np.ndarray | None:
    """The ring's band in `piece`'s box (0/1: every pixel within it, ink or not), or None when
    the piece holds no ring."""
    contours, _ = cv2.findContours(piece, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    points = np.concatenate(contours).reshape(-1, 2).astype(np.float64)
    circle = _circle_round(points, dpi)
    if circle is None:
        return None
    band = _band_along(piece, circle, dpi)
    # A seal's thin inner line round its words is whole where its outer ring is broken by the
    # name and the signature run into it, and is found first; the ring the name touches is the
    # outer one, round the same centre, past it
    cx, cy, r = circle
    beyond = points[np.hypot(points[:, 0] - cx, points[:, 1] - cy) > r + _BAND_MAX_IN * dpi]
    outer = _circle_round(beyond, dpi) if len(beyond) else None
    if outer is not None and math.hypot(outer[0] - cx, outer[1] - cy) <= _CONCENTRIC_IN * dpi:
        ring = _band_along(piece, outer, dpi)
        if ring is not None:
            band = ring if band is None else band | ring
    return band


def _band_along(piece: np.ndarray, circle: tuple[float, float, float], dpi: float) -> np.ndarray | None:
    """The band of ink along `circle` in `piece`'s box (0/1), or None where there is none round
    most of it."""
    cx, cy, r = circle
    # how much of the circle is inked at each offset from its edge, in each of its sectors: a
    # ring is a band along it all round; its width and place are taken sector by sector, as a
    # fax's copy thickens it where it runs across the page and a resampled page makes it a
    # little oval; inside, its words and star ink far less
    most = int(math.ceil(_BAND_MAX_IN * dpi))
    yy, xx = np.mgrid[0:piece.shape[0], 0:piece.shape[1]]
    inward = r - np.hypot(xx - cx, yy - cy)  # from the edge inward, pixels
    sector = ((np.degrees(np.arctan2(yy - cy, xx - cx)) + 360) % 360 * _SECTORS / 360).astype(int) % _SECTORS
    offset = np.floor(inward).astype(int) + most  # 0 .. 2 * most + 1 from `most` outside the edge
    near = (offset >= 0) & (offset <= 2 * most + 1)
    inked = near & piece.view(bool)
    counts = np.zeros((_SECTORS, 2 * most + 2), dtype=np.int64)
    np.add.at(counts, (sector[inked], offset[inked]), 1)
    full = counts >= _BAND_SHARE * 2 * math.pi * r / _SECTORS
    lo = np.full(_SECTORS, -1)
    hi = np.full(_SECTORS, -2)
    for k in range(_SECTORS):
        # the run of full offsets that holds the edge or starts nearest it
        runs = _runs_of(full[k])
        if runs:
            a, b = min(runs, key=lambda ab: 0 if ab[0] <= most < ab[1] else min(abs(ab[0] - most), abs(ab[1] - 1 - most)))
            if abs((a + b) / 2 - most) <= most and b - a <= most:
                lo[k], hi[k] = a, b
    found = hi >= 0
    if found.sum() < _TURN_SHARE * _SECTORS:
        return None  # no band along most of the circle: a disc, a blot, a signature's loop
    # a pixel's width either side: the ring's half-toned edge and a copier's blur are no ink of
    # `piece` but print as its outline once the ink is gone. A sector where no band was seen
    # (a name or a signature over it) takes the band the ring has elsewhere.
    lo[~found] = int(np.median(lo[found]))
    hi[~found] = int(np.median(hi[found]))
    band = near & (offset >= lo[sector] - 1) & (offset < hi[sector] + 1)
    return band.view(np.uint8)


def _runs_of(flags: np.ndarray) -> list[tuple[int, int]]:
    """(start, end excluded) of the runs of True."""
    edges = np.diff(np.concatenate([[0], flags.view(np.int8), [0]]))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


def _circle_round(points: np.ndarray, dpi: float) -> tuple[float, float, float] | None:
    """(cx, cy, r) of a seal-sized circle that the edge points run along over most of its turn,
    or None. Three points at a time (seeded, so a page reads the same every time); the circle
    with the most points on it, fitted again to them."""
    if len(points) < 30:
        return None
    rng = np.random.default_rng(0)
    tol = max(1.5, _ON_CIRCLE_IN * dpi)
    low, high = _DIAMETER_IN[0] * dpi / 2, _DIAMETER_IN[1] * dpi / 2
    best: tuple[int, tuple[float, float, float]] | None = None
    for _ in range(_TRIES):
        a, b, c = points[rng.choice(len(points), 3, replace=False)]
        circle = _through(a, b, c)
        if circle is None or not low <= circle[2] <= high:
            continue
        on = np.abs(np.hypot(points[:, 0] - circle[0], points[:, 1] - circle[1]) - circle[2]) < tol
        count = int(on.sum())
        if best is None or count > best[0]:
            best = (count, circle)
    if best is None:
        return None
    cx, cy, r = best[1]
    on = np.abs(np.hypot(points[:, 0] - cx, points[:, 1] - cy) - r) < tol
    cx, cy, r = _fitted(points[on])
    on = np.abs(np.hypot(points[:, 0] - cx, points[:, 1] - cy) - r) < tol
    turns = np.unique(((np.degrees(np.arctan2(points[on, 1] - cy, points[on, 0] - cx)) + 360) % 360 // 10).astype(int))
    return (cx, cy, r) if len(turns) >= _TURN_SHARE * 36 and low <= r <= high else None


def _through(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[float, float, float] | None:
    """The circle through three points, or None when they stand on a line."""
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    if abs(d) < 1e-9:
        return None
    sa, sb, sc = a @ a, b @ b, c @ c
    ux = (sa * (b[1] - c[1]) + sb * (c[1] - a[1]) + sc * (a[1] - b[1])) / d
    uy = (sa * (c[0] - b[0]) + sb * (a[0] - c[0]) + sc * (b[0] - a[0])) / d
    return float(ux), float(uy), float(math.hypot(a[0] - ux, a[1] - uy))


def _fitted(points: np.ndarray) -> tuple[float, float, float]:
    """The least-squares circle through points (x² + y² + Dx + Ey + F = 0)."""
    x, y = points[:, 0], points[:, 1]
    m = np.column_stack([x, y, np.ones_like(x)])
    (d, e, f), *_ = np.linalg.lstsq(m, -(x * x + y * y), rcond=None)
    cx, cy = -d / 2, -e / 2
    return float(cx), float(cy), float(math.sqrt(max(cx * cx + cy * cy - f, 0.0)))
