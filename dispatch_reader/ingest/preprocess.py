"""Clean-up of a page image before OCR: orientation, deskew, and optional binarisation.

What is on by default was decided by measuring character error rate on scanned samples
(bench/cer.py, numbers in ingest/README.md), not by habit.
"""

from __future__ import annotations

import cv2
import numpy as np

# Work on a smaller copy for the page-level estimates: 150 dpi still shows thin strokes.
_ESTIMATE_DPI = 150.0


def _small_ink(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Boolean ink mask of a downscaled copy, with scanner specks removed."""
    factor = min(1.0, _ESTIMATE_DPI / max(dpi, 1.0))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # Specks are a few pixels each; letters at 150 dpi are dozens. Dropping the small
    # components keeps sparse pages (a signature page) from being read as noise.
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    keep = stats[:, cv2.CC_STAT_AREA] >= 6
    keep[0] = False
    return keep[labels]


def _peakiness(profile: np.ndarray) -> float:
    """n·Σh²/(Σh)² over the inked span: 1 for an even profile, higher when ink comes in
    bands (text lines) separated by white."""
    nz = np.nonzero(profile)[0]
    if nz.size == 0:
        return 1.0
    h = profile[nz[0]:nz[-1] + 1].astype(np.float64)
    return float(h.size * (h ** 2).sum() / h.sum() ** 2)


def looks_sideways(grey: np.ndarray, dpi: float) -> bool:
    """True when the text lines run top-to-bottom (page scanned at 90° or 270°).

    Row sums of a normal page come in bands (text lines); column sums are even. On a
    sideways page it is the other way round. Close calls count as upright: the OCR
    quality check behind this catches a wrong guess.
    """
    ink = _small_ink(grey, dpi)
    if ink.sum() < 200:
        return False
    rows = _peakiness(ink.sum(axis=1))
    cols = _peakiness(ink.sum(axis=0))
    return cols > rows * 1.25


def estimate_skew(grey: np.ndarray, dpi: float, limit: float = 5.0) -> float:
    """Skew angle in degrees (positive: text rises to the right), by the projection that
    makes text lines sharpest. Sheared ink coordinates, not rotated images: fast."""
    ink = _small_ink(grey, dpi)
    ys, xs = np.nonzero(ink)
    if ys.size < 200:
        return 0.0
    if ys.size > 60000:
        pick = np.random.default_rng(0).choice(ys.size, 60000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - ink.shape[1] / 2

    def sharpness(angle: float) -> float:
        t = np.tan(np.radians(angle))
        proj = np.round(ys + xs * t).astype(np.int64)
        proj -= proj.min()
        hist = np.bincount(proj).astype(np.float64)
        return float((hist ** 2).sum())

    best = 0.0
    for step, span in ((0.5, limit), (0.1, 0.5), (0.025, 0.1)):
        centre = best
        candidates = np.arange(centre - span, centre + span + 1e-9, step)
        best = float(max(candidates, key=sharpness))
    return best


def rotate(grey: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by `angle` degrees counter-clockwise around the centre, white background."""
    h, w = grey.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def rotate_quarter(grey: np.ndarray, degrees: int) -> np.ndarray:
    """Rotate by a multiple of 90° counter-clockwise (exact, no resampling)."""
    turns = (degrees // 90) % 4
    return np.ascontiguousarray(np.rot90(grey, turns)) if turns else grey


def deskew(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    angle = estimate_skew(grey, dpi)
    if abs(angle) < 0.15:
        return grey, 0.0
    # Ink coordinates have y growing downwards, so a line rising to the right has negative
    # slope there; rotating counter-clockwise by -angle levels it.
    return rotate(grey, -angle), angle


def binarize(grey: np.ndarray, method: str = "otsu") -> np.ndarray:
    if method == "adaptive":
        # Local threshold over ~1.5 mm windows: copes with uneven paper and shadows.
        return cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 15)
    _, out = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return out


def denoise(grey: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(grey, 3)
