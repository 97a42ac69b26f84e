"""A seal's rings on a black-and-white copy, taken off before OCR.

On a photocopy or a fax the red seal (con dấu) comes out black, and its rings run through the
signer's title and name: the ring's ink joins the letters it touches and Tesseract reads them
as one blot (`TrinmrVvăn Lam` for `Trịnh Văn Lâm`, `va Minh Tuấn` for `Vũ Minh Tuấn`). Colour
dropout cannot take a black ring off; its shape can. A seal's outer ring is a thick circle
with ink all the way round (the seal's own lettering runs inside it), far more even than
anything text makes, and its inner ring shares its centre.

Only the rings' own pixels go. Where a letter's stroke crosses a ring, ink on both sides of
the ring at the same angle, its pixels in the ring stay."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# a seal is 32-42 mm across (decree 99/2016 on seals: 35-42 mm for most bodies' seals); radii
# in inches, with room for a copier's reduction or enlargement
_RADIUS_IN = (0.45, 1.0)
# the circles are looked for on a copy this fine (dots per inch)
_FIND_DPI = 100.0
# a ring has ink at this share of its circumference at least (a circle through a page of text
# touches letters at half of it; a seal's outer ring, with letters crossing it, at all of it)
_RING_COVER = 0.9
# rings inside the outer one, down to this share of its radius (the inner ring of a round seal
# is at about two thirds), where ink lies on this share of the circle
_INNER_REACH = 0.55
_INNER_COVER = 0.4
# a ring is at most this thick (inches)
_RING_THICK_IN = 0.07
_ANGLES = 720


@dataclass(frozen=True)
class Ring:
    """A band of ink round (cx, cy) between radii inner and outer (pixels of the page)."""

    cx: float
    cy: float
    inner: float
    outer: float


def _cover(ink: np.ndarray, cx: np.ndarray, cy: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """Share of each circle's points that fall on ink (circles given as broadcastable arrays)."""
    theta = np.linspace(0.0, 2 * np.pi, _ANGLES, endpoint=False)
    xs = np.clip((cx[..., None] + radius[..., None] * np.cos(theta)).astype(np.int32), 0, ink.shape[1] - 1)
    ys = np.clip((cy[..., None] + radius[..., None] * np.sin(theta)).astype(np.int32), 0, ink.shape[0] - 1)
    return ink[ys, xs].mean(axis=-1)


def _circles(grey: np.ndarray, dpi: float) -> list[tuple[float, float, float]]:
    """Seal-sized circles with ink nearly all the way round: (cx, cy, r) in page pixels."""
    factor = min(1.0, _FIND_DPI / dpi)
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    least, most = (int(r * dpi * factor) for r in _RADIUS_IN)
    found = cv2.HoughCircles(cv2.GaussianBlur(small, (3, 3), 0), cv2.HOUGH_GRADIENT, dp=1, minDist=least,
                             param1=120, param2=40, minRadius=least, maxRadius=most)
    if found is None:
        return []
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    ink = cv2.dilate(ink, np.ones((3, 3), np.uint8)) > 0
    out: list[tuple[float, float, float]] = []
    for cx, cy, r in found[0]:
        radii = np.arange(r - 4, r + 4.5, 0.5)
        cover = _cover(ink, np.full(radii.shape, cx), np.full(radii.shape, cy), radii)
        if cover.max() >= _RING_COVER:
            best = float(radii[int(cover.argmax())])
            if all(np.hypot(cx / factor - x, cy / factor - y) > least / factor for x, y, _ in out):
                out.append((cx / factor, cy / factor, best / factor))
    return out


def _fitted(ink: np.ndarray, cx: float, cy: float, r: float, thick: float) -> tuple[float, float, float]:
    """The circle through the middle of the ring's ink, angle by angle (least squares, twice,
    leaving out the angles where a letter or a stroke crossing the ring pulls the middle off)."""
    theta = np.linspace(0.0, 2 * np.pi, _ANGLES, endpoint=False)
    for _ in range(3):
        offsets = np.arange(-thick, thick + 1)
        rho = r + offsets
        xs = np.clip((cx + rho[None, :] * np.cos(theta)[:, None]).astype(np.int32), 0, ink.shape[1] - 1)
        ys = np.clip((cy + rho[None, :] * np.sin(theta)[:, None]).astype(np.int32), 0, ink.shape[0] - 1)
        hit = ink[ys, xs]
        counts = hit.sum(axis=1)
        keep = (counts > 0) & (counts <= np.median(counts[counts > 0]) * 1.5) if counts.any() else counts > 0
        if keep.sum() < _ANGLES // 3:
            break
        middle = (hit * rho[None, :]).sum(axis=1)[keep] / counts[keep]
        px, py = cx + middle * np.cos(theta[keep]), cy + middle * np.sin(theta[keep])
        # x² + y² + D x + E y + F = 0
        a = np.column_stack([px, py, np.ones_like(px)])
        d, e, f = np.linalg.lstsq(a, -(px ** 2 + py ** 2), rcond=None)[0]
        cx, cy = -d / 2, -e / 2
        r = float(np.sqrt(max(cx ** 2 + cy ** 2 - f, 1.0)))
    return float(cx), float(cy), float(r)


def _bands(profile: np.ndarray, radii: np.ndarray, least: float, thick: float) -> list[tuple[float, float]]:
    """Runs of radii where the circle's cover is at least `least`, no thicker than `thick`."""
    out: list[tuple[float, float]] = []
    start = None
    # a gap of a pixel or two inside a ring is the fit's rounding, not two rings
    profile = np.maximum(profile, np.minimum(np.roll(profile, 1), np.roll(profile, -1)))
    for i, value in enumerate(np.append(profile, 0.0)):
        if value >= least and start is None:
            start = i
        elif value < least and start is not None:
            a, b = float(radii[start]), float(radii[i - 1])
            if b - a <= thick:
                out.append((a, b))
            start = None
    return out


def find_rings(grey: np.ndarray, dpi: float) -> list[Ring]:
    """The rings of each round seal on the page: its outer ring, and any ring inside it."""
    ink = grey < 128
    thick = _RING_THICK_IN * dpi
    rings: list[Ring] = []
    for cx, cy, r in _circles(grey, dpi):
        # the centre again at full resolution: a few pixels off, the ring's cover at any one
        # radius falls, and its thickness looks twice what it is
        cx, cy, r = _fitted(ink, cx, cy, r, thick)
        radii = np.arange(int(r * _INNER_REACH), int(r + thick))
        profile = _cover(ink, np.full(radii.shape, cx), np.full(radii.shape, cy), radii.astype(float))
        peak = float(profile.max())
        outer = [band for band in _bands(profile, radii, 0.5 * peak, thick) if band[1] >= r - thick]
        inner = [band for band in _bands(profile, radii, _INNER_COVER, thick) if band[1] < r - thick]
        rings.extend(Ring(float(cx), float(cy), a, b) for a, b in outer + inner)
    return rings


def remove_rings(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, int]:
    """(page, rings taken off): each ring's ink painted paper, except where a letter's stroke
    crosses it (ink just inside and just outside the ring at the same angle)."""
    rings = find_rings(grey, dpi)
    if not rings:
        return grey, 0
    out = grey.copy()
    ink = grey < 128
    edge = max(2.0, 0.01 * dpi)
    h, w = grey.shape
    for ring in rings:
        reach = ring.outer + edge + 2
        x0, x1 = max(int(ring.cx - reach), 0), min(int(ring.cx + reach) + 1, w)
        y0, y1 = max(int(ring.cy - reach), 0), min(int(ring.cy + reach) + 1, h)
        ys, xs = np.mgrid[y0:y1, x0:x1]
        dist = np.hypot(xs - ring.cx, ys - ring.cy)
        on = ink[y0:y1, x0:x1] & (dist >= ring.inner - 1) & (dist <= ring.outer + 1)
        if not on.any():
            continue
        py, px = np.nonzero(on)
        angle = np.arctan2(py + y0 - ring.cy, px + x0 - ring.cx)
        # a stroke may cross the ring aslant: ink on either side within the ring's thickness
        # along it counts
        span = (ring.outer - ring.inner + 2 * edge) / max(ring.outer, 1.0)

        def inked(radius: float) -> np.ndarray:
            hit = np.zeros(angle.shape, bool)
            for turn in np.linspace(-span, span, 7):
                qx = np.clip((ring.cx + radius * np.cos(angle + turn)).astype(np.int32), 0, w - 1)
                qy = np.clip((ring.cy + radius * np.sin(angle + turn)).astype(np.int32), 0, h - 1)
                hit |= ink[qy, qx]
            return hit

        crossed = inked(ring.inner - 1 - edge) & inked(ring.outer + 1 + edge)
        region = out[y0:y1, x0:x1]
        region[py[~crossed], px[~crossed]] = 255
    return out, len(rings)
