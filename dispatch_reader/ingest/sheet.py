"""Where the sheet lies on a phone photo, when light and shadow fool a brightness threshold.

`preprocess.find_page` takes the bright blob for the sheet. A sheet half in shadow on a grey
desk lit from one side breaks that: the shaded half of the paper is as dark as the desk and
falls out, a bright patch of desk comes in, and the "sheet" found cuts through the text (the
header was straightened at a slant, its first words cut off). The sheet's edges are still there
as edges. So the outline of the strongest edges is a second candidate; where the two disagree,
it is taken when its sides run along edges and the desk outside it is darker than the paper."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np

from dispatch_reader.ingest import preprocess

_SIDE = 600.0  # the photo is looked at this many pixels on its long side
# two outlines whose corners are this share of the photo's long side apart or less agree
MAX_AGREEMENT = 0.03
# the edge outline's sides must run along edges for at least this share of their length (the
# bright blob's run a pixel or two inside the paper's edge, so theirs says little)
MIN_EDGE_SUPPORT = 0.8
# the hull of every edge runs along the sheet's edges but where a shadow lies across one (the
# right hulls of the phone variants: 0.73 and up)
MIN_HULL_SUPPORT = 0.7
# ... and the paper inside be brighter than the desk outside by this many grey levels (a
# scan's text block has white margin around it, never a darker desk)
MIN_DESK_CONTRAST = 15.0
# whatever outline is taken, some of it must run along an edge: a shadow cast over a flat scan
# or light falling off towards its corners makes a bright blob too, but with soft borders
# (augraphy's ShadowCast and LightingGradient: 0.00-0.15 of the outline on an edge; the sheets
# of the phone variants: 0.31 and up). Straightened, such a scan was warped and read badly.
MIN_OUTLINE_SUPPORT = 0.2
# on a one-bit page, at least this share of what lies outside the sheet is ink (the copier's
# black bands round our photocopies and augraphy's: 0.89-0.97; a copier's grey haze: 0.52)
MIN_DARK_OUTSIDE = 0.75


def find_sheet(grey: np.ndarray) -> np.ndarray | None:
    """The sheet's four corners (TL, TR, BR, BL, pixels), or None when the image is no photo
    of a sheet on something darker."""
    bright = preprocess.find_page(grey)
    small, factor = _small(grey)
    edges = cv2.dilate(cv2.Canny(cv2.GaussianBlur(small, (5, 5), 0), 30, 90), np.ones((3, 3), np.uint8))
    found = bright if bright is not None and _support(bright * factor, edges) >= MIN_OUTLINE_SUPPORT else None
    outlined = _outline(small, edges)
    if outlined is not None:
        by_edges = preprocess.order_corners(outlined / factor)
        # where the two agree (the usual case, within a few millimetres) the bright blob stands.
        # Where there is no bright blob of sheet shape (shadows across the paper split it, or a
        # pale desk joins it) the edges alone may tell the sheet; a scan's text block has white
        # margin round it, never a darker desk, and its outline runs along no edge
        if (bright is None or np.abs(by_edges - bright).max() >= MAX_AGREEMENT * max(grey.shape)) and \
                _support(by_edges * factor, edges) >= MIN_EDGE_SUPPORT and _desk_darker(small, by_edges * factor) \
                and _on_desk(small, by_edges * factor):
            found = by_edges
    if found is not None and _crosses_print(small, edges, found * factor):
        # a side with print on both sides of it runs across the paper, along a shadow's or a
        # glare's border: no sheet's edge (the photo is read as it is, rather than cut)
        found = None
    hull = _edge_hull(small, edges)
    if hull is not None and _support(hull, edges) >= MIN_HULL_SUPPORT and _desk_darker(small, hull) \
            and _on_desk(small, hull):
        # the sheet's outline broken (a corner in shadow, a pale desk beside the paper's edge):
        # the hull of every edge is the sheet when its sides still run along edges. It is also
        # the sheet when what was found lies inside it and is clearly smaller: a shadow or a
        # glare across the paper bounded a lit part of it (augraphy's phone photos: the blob
        # began below the header, or cut the page corner to corner; found right, the two
        # cover the same paper within 3 %)
        if found is None or _covers_more(small, hull, found * factor):
            found = hull / factor
    if found is not None and preprocess.is_binary(grey) and _dark_outside(small, found * factor) < MIN_DARK_OUTSIDE:
        # On a one-bit page (a copier's, a fax's, a phone app's black-and-white) a sheet has
        # solid black round it: the copier's bands (straightened to its edges, a copy turned
        # in the copier reads better) or a dark desk. A bright block with a grey haze of dots
        # round it is the part of the page the haze left white; straightened to it, the page
        # lost its header.
        return None
    return found


# a hull this much larger than the outline found, holding it, is the sheet the outline is part of
HULL_LARGER = 1.15


def _covers_more(small: np.ndarray, hull: np.ndarray, corners: np.ndarray) -> bool:
    """Whether the quadrilateral `hull` holds `corners` (bar a sliver) and is clearly larger."""
    outer, inner = _inside(small, hull), _inside(small, corners)
    held = (inner & outer).sum() >= 0.98 * inner.sum()
    return bool(held and outer.sum() >= HULL_LARGER * inner.sum())


# a band beside a side (pixels of the small image, from and to) is print where this share of it
# is on an edge: the text's letters 0.38-0.45 where a shadow's border cut across the page;
# beside a sheet's true edge the desk showed 0.19 at most, the paper's margin about as little
_BAND = (4, 14)
PRINT_EDGES = 0.25


def _crosses_print(small: np.ndarray, edges: np.ndarray, corners: np.ndarray) -> bool:
    """Whether some side of the quadrilateral has print right inside and right outside it."""
    h, w = small.shape
    for a, along, normal in _outward_sides(corners):
        shares = []
        for sign in (1, -1):
            points = np.array([a + t * along + sign * d * normal for t in np.linspace(0.1, 0.9, 80)
                               for d in range(*_BAND)]).astype(int)
            points = points[(points[:, 0] >= 0) & (points[:, 0] < w) & (points[:, 1] >= 0) & (points[:, 1] < h)]
            shares.append(float((edges[points[:, 1], points[:, 0]] > 0).mean()) if len(points) > 50 else 0.0)
        if min(shares) >= PRINT_EDGES:
            return True
    return False


def _outward_sides(corners: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Each side of the quadrilateral as (its first corner, the vector along it, the unit normal
    pointing out of the sheet)."""
    centre = corners.mean(axis=0)
    for a, b in zip(corners, np.roll(corners, -1, axis=0)):
        along = b - a
        normal = np.array([-along[1], along[0]]) / max(float(np.hypot(*along)), 1.0)
        yield a, along, (-normal if np.dot(normal, (a + b) / 2 - centre) < 0 else normal)


def _inside(small: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The (small) image's pixels inside the quadrilateral (its pixels), as a boolean mask."""
    inside = np.zeros(small.shape, np.uint8)
    cv2.fillConvexPoly(inside, corners.astype(np.int32), 1)
    return inside == 1


def _dark_outside(small: np.ndarray, corners: np.ndarray) -> float:
    """Share of the (small) image outside the quadrilateral (its pixels) that is ink."""
    outside = small[~_inside(small, corners)]
    return float((outside < 128).mean()) if outside.size else 0.0


def _small(grey: np.ndarray) -> tuple[np.ndarray, float]:
    factor = min(_SIDE / max(grey.shape), 1.0)
    if factor == 1.0:
        return grey, 1.0
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA), factor


def _outline(small: np.ndarray, edges: np.ndarray) -> np.ndarray | None:
    """The four corners of the largest edge outline that is a quadrilateral of sheet size."""
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        hull = cv2.convexHull(contour)
        quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
        share = cv2.contourArea(quad) / (small.shape[0] * small.shape[1])
        if len(quad) == 4 and 0.25 <= share <= 0.93:
            return quad.reshape(4, 2).astype(np.float32)
    return None


def _edge_hull(small: np.ndarray, edges: np.ndarray) -> np.ndarray | None:
    """The corners (TL, TR, BR, BL) of the convex hull of every edge, when it is a
    quadrilateral of sheet size."""
    points = cv2.findNonZero(edges)
    if points is None:
        return None
    hull = cv2.convexHull(points)
    # a corner cut off by the photo's border or a fold adds a fifth point at the finest fit
    for closeness in (0.02, 0.03):
        quad = cv2.approxPolyDP(hull, closeness * cv2.arcLength(hull, True), True)
        if len(quad) == 4:
            break
    share = cv2.contourArea(quad) / (small.shape[0] * small.shape[1])
    if len(quad) != 4 or not 0.25 <= share <= 0.93:
        return None
    return preprocess.order_corners(quad.reshape(4, 2).astype(np.float32))


# how far either side of an outline's side the paper and the desk are looked at (pixels of
# the small image: about 2 % of the photo's long side)
_BESIDE = 6


def _sides(small: np.ndarray, corners: np.ndarray) -> tuple[int, int]:
    """(sides with desk darker than paper right across them, sides with paper on both sides).
    A side along the photo's border has nothing outside to look at, and one in a shadow that
    darkens both its sides cannot be told: each counts as neither. A
    ruled table's frame, or an outline closed across the paper where the sheet's own edge ran
    off the photo, runs along edges with the desk darker than its inside overall, but paper
    lies just outside some of its sides, not desk."""
    h, w = small.shape
    inside_all = _inside(small, corners)
    paper = float(np.median(small[inside_all])) if inside_all.any() else 255.0
    on_desk = on_paper = 0
    for a, along, normal in _outward_sides(corners):
        inside, outside = [], []
        for t in np.linspace(0.1, 0.9, 40):
            p = a + t * along
            for offset, into in ((-_BESIDE, inside), (_BESIDE, outside)):
                x, y = (p + offset * normal).astype(int)
                if 0 <= x < w and 0 <= y < h:
                    into.append(small[y, x])
        if len(inside) < 10 or len(outside) < 10:
            continue
        out_level, in_level = float(np.median(outside)), float(np.median(inside))
        if out_level + MIN_DESK_CONTRAST < in_level:
            on_desk += 1
        elif out_level + MIN_DESK_CONTRAST >= paper:
            on_paper += 1  # as bright as the paper outside it too: the side crosses the paper
        # else a shadow over both sides of it: neither told
    return on_desk, on_paper


def _on_desk(small: np.ndarray, corners: np.ndarray) -> bool:
    """Desk right outside every side that has something outside it, two sides at least."""
    on_desk, on_paper = _sides(small, corners)
    return on_paper == 0 and on_desk >= 2


def _support(corners: np.ndarray, edges: np.ndarray) -> float:
    """Share of the points along the quadrilateral's sides that lie on an edge."""
    h, w = edges.shape
    on = total = 0
    for a, b in zip(corners, np.roll(corners, -1, axis=0)):
        n = max(int(np.hypot(*(b - a))), 1)
        for t in np.linspace(0.05, 0.95, n):  # the corners themselves are often off the photo
            x, y = (a + t * (b - a)).astype(int)
            if 0 <= x < w and 0 <= y < h:
                total += 1
                on += bool(edges[y, x])
    return on / total if total else 0.0


def _desk_darker(small: np.ndarray, corners: np.ndarray) -> bool:
    inside = _inside(small, corners)
    if inside.all() or not inside.any():
        return False
    return float(np.median(small[~inside])) + MIN_DESK_CONTRAST < float(np.median(small[inside]))
