"""The fast search for ink the page reading left unread (unread._unread_regions: boxes of ink
labelled one by one, blob boxes from outer borders) gives what labelling the whole page gives.

The reference below is the straightforward form it replaced: the page's ink labelled whole,
dilated whole and labelled again. If a speed-up changes a region, these fail."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from dispatch_reader.ingest import unread
from dispatch_reader.ingest.pages import Word


def _ref_unread_regions(grey: np.ndarray, words: list[Word], scale: float) -> list[tuple[int, int, int, int]]:
    dpi = 72.0 / scale
    # the same leftover ink as the code under test; what is compared is how it is labelled
    ink = unread._leftover_ink(grey, words, scale)
    h, w = ink.shape
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = (stats[:, cv2.CC_STAT_HEIGHT] > unread._LETTER_MAX_IN[0] * dpi) | (stats[:, cv2.CC_STAT_WIDTH] > unread._LETTER_MAX_IN[1] * dpi)
    big[0] = False
    ink[big[labels]] = 0
    join = max(3, int(0.12 * dpi))
    blobs = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (join * 2, join)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(blobs, connectivity=8)
    least = unread._UNREAD_MIN_IN * dpi
    regions = []
    for i in range(1, count):
        x, y, bw, bh, _area = stats[i]
        if bw < least or bh < least / 2:
            continue
        if ink[y:y + bh, x:x + bw].sum() < 0.02 * bw * bh:
            continue
        if bw * bh > unread._UNREAD_MAX_SHARE * w * h:
            continue
        regions.append((x, y, x + bw, y + bh))
    # the regions of one line joined as the code under test does (it is not what is compared)
    joined = [((x1 - x0) * (y1 - y0), (x0, y0, x1, y1)) for x0, y0, x1, y1 in unread._joined_along_lines(regions, dpi)]
    joined = sorted(((a, b) for a, b in joined if a <= unread._UNREAD_MAX_SHARE * w * h), reverse=True)
    return [box for _, box in joined[:unread._UNREAD_MAX_REGIONS]]


def _page(seed: int, dpi: int) -> tuple[np.ndarray, list[Word], float]:
    """A white page with specks, letter-sized marks in lines, seal rings, long strokes, a
    smudge at the edge, and words over some of the lines."""
    rng = np.random.default_rng(seed)
    h, w = int(11.7 * dpi), int(8.3 * dpi)
    grey = np.full((h, w), 255, np.uint8)
    scale = 72.0 / dpi
    words: list[Word] = []
    for _ in range(int(rng.integers(0, 400))):  # specks, some in pairs and clusters
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        grey[y:y + int(rng.integers(1, 4)), x:x + int(rng.integers(1, 4))] = int(rng.integers(0, 128))
    for _ in range(int(rng.integers(1, 14))):  # lines of letter-sized marks
        y, x = int(rng.integers(0, h - dpi // 4)), int(rng.integers(0, w - dpi))
        size = int(rng.integers(dpi // 20, dpi // 6))
        x1 = x
        for _ in range(int(rng.integers(2, 16))):
            cv2.rectangle(grey, (x1, y), (x1 + size // 2, y + size), int(rng.integers(0, 100)), int(rng.integers(-1, 3)) or 1)
            x1 += size // 2 + int(rng.integers(2, size))
        if rng.random() < 0.5:  # read by the page reading
            words.append(Word("chữ", x * scale, y * scale, x1 * scale, (y + size) * scale))
    for _ in range(int(rng.integers(0, 3))):  # a seal's ring with letters inside and beside it
        cy, cx, r = int(rng.integers(dpi, h - dpi)), int(rng.integers(dpi, w - dpi)), int(rng.integers(dpi // 3, dpi * 3 // 4))
        cv2.circle(grey, (cx, cy), r, 0, max(2, dpi // 40))
        cv2.putText(grey, "KT GIAM DOC", (cx - r // 2, cy), cv2.FONT_HERSHEY_SIMPLEX, dpi / 300, 0, 2)
        cv2.putText(grey, "Bui Van Hai", (cx + r + 10, cy), cv2.FONT_HERSHEY_SIMPLEX, dpi / 250, 0, 2)
    for _ in range(int(rng.integers(0, 3))):  # a signature's stroke, a copier's streak
        pts = rng.integers(0, [w, h], size=(4, 2)).astype(np.int32)
        cv2.polylines(grey, [pts], False, 0, int(rng.integers(1, 6)))
    grey[:, :int(rng.integers(0, dpi // 5))] = 0  # a dark band at the edge
    return grey, words, scale


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_unread_regions_are_the_whole_page_labelling_s(seed: int, dpi: int) -> None:
    grey, words, scale = _page(seed, dpi)
    fast = unread._unread_regions(grey, words, scale)
    slow = _ref_unread_regions(grey, words, scale)
    assert repr(fast) == repr(slow)  # the values and their types (np.int32) both


def test_blob_boxes_are_the_labelling_s_boxes() -> None:
    rng = np.random.default_rng(7)
    for _ in range(300):
        h, w = (int(v) for v in rng.integers(1, 80, 2))
        img = (rng.random((h, w)) < rng.choice([0.05, 0.3, 0.5, 0.7])).astype(np.uint8)
        if rng.random() < 0.5:
            img = cv2.dilate(img, cv2.getStructuringElement(cv2.MORPH_RECT, (int(rng.integers(1, 7)), int(rng.integers(1, 4)))))
        _, _, stats, _ = cv2.connectedComponentsWithStats(img, connectivity=8)
        want = sorted(tuple(int(v) for v in s[:4]) for s in stats[1:] if s[2] >= 3 and s[3] >= 2)
        got = unread._blob_boxes(img, 3, 2)
        assert got.dtype == np.int32
        assert sorted(tuple(int(v) for v in b) for b in got) == want


def test_a_ring_with_a_piece_in_its_hole_is_two_pieces() -> None:
    img = np.zeros((60, 60), np.uint8)
    cv2.circle(img, (30, 30), 20, 1, 3)
    img[28:33, 28:33] = 1
    assert sorted(tuple(int(v) for v in b) for b in unread._blob_boxes(img, 1, 1)) == [(8, 8, 45, 45), (28, 28, 5, 5)]


def test_runs_join_what_is_no_more_than_gap_apart() -> None:
    counts = np.array([0, 1, 1, 0, 1, 0, 0, 0, 2, 0])
    assert unread._runs(counts, 1) == [(1, 3), (4, 5), (8, 9)]
    assert unread._runs(counts, 2) == [(1, 5), (8, 9)]
    assert unread._runs(counts, 4) == [(1, 9)]
    assert unread._runs(np.zeros(5, np.int32), 1) == []
