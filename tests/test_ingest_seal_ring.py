"""A seal's rings on a black-and-white copy: found by their shape and taken off, letters kept."""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest import seal_ring

DPI = 300


def _signing_block(ring: bool) -> tuple[np.ndarray, np.ndarray]:
    page = np.full((1400, 1400), 250, np.uint8)
    cv2.putText(page, "GIAM DOC", (520, 420), cv2.FONT_HERSHEY_SIMPLEX, 2.4, 0, 7)
    cv2.putText(page, "Trinh Van Lam", (430, 960), cv2.FONT_HERSHEY_SIMPLEX, 2.4, 0, 7)
    letters = page < 128
    if ring:
        # a black seal: a thick outer ring through the title and the name, a thin inner one
        cv2.circle(page, (700, 640), 300, 0, 14)
        cv2.circle(page, (700, 640), 205, 0, 4)
    return page, letters


def test_a_black_seals_rings_are_found_round_their_centre() -> None:
    page, _ = _signing_block(ring=True)
    rings = seal_ring.find_rings(page, DPI)
    assert len(rings) == 2
    outer, inner = sorted(rings, key=lambda r: -r.outer)
    assert abs(outer.cx - 700) <= 3 and abs(outer.cy - 640) <= 3
    assert outer.inner <= 295 and outer.outer >= 305 and outer.outer - outer.inner <= 20
    assert inner.inner <= 205 <= inner.outer


def test_the_rings_go_and_the_letters_they_crossed_stay() -> None:
    page, letters = _signing_block(ring=True)
    cleaned, count = seal_ring.remove_rings(page, DPI)
    assert count == 2
    band = np.zeros(page.shape, np.uint8)
    cv2.circle(band, (700, 640), 300, 1, 16)
    cv2.circle(band, (700, 640), 205, 1, 6)
    band = band.astype(bool)
    near_letters = cv2.dilate(letters.view(np.uint8), np.ones((25, 25), np.uint8)).astype(bool)
    assert (cleaned[band & ~near_letters] > 200).mean() > 0.95  # the rings are paper now
    assert (cleaned[letters & ~band] < 128).mean() > 0.99  # letters beside the rings are whole
    # where a letter and a ring share pixels, the letter's stroke through the ring stays
    assert (cleaned[letters & band] < 128).mean() > 0.6
    unchanged, _ = seal_ring.remove_rings(_signing_block(ring=False)[0], DPI)
    assert (unchanged[letters] < 128).all()


def test_a_page_of_text_has_no_seal() -> None:
    page = np.full((3300, 2400), 250, np.uint8)
    for y in range(200, 3200, 90):
        cv2.putText(page, "Cong chuc duoc biet phai ve xa Tan Phong 2025 O", (100, y),
                    cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 5)
    cv2.putText(page, "O", (900, 1500), cv2.FONT_HERSHEY_SIMPLEX, 12, 0, 14)  # a big letter O
    assert seal_ring.find_rings(page, DPI) == []
    cleaned, count = seal_ring.remove_rings(page, DPI)
    assert count == 0 and cleaned is page
