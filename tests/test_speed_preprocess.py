"""preprocess without labelling whole pages: specks told from neighbour counts and thin rules'
boxes from the pieces' borders give what connectedComponentsWithStats gave."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from dispatch_reader.ingest import preprocess


def _labelled_without_specks(mask: np.ndarray) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    keep = stats[:, cv2.CC_STAT_AREA] >= 3
    keep[0] = False
    return keep[labels]


def _labelled_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return [tuple(int(v) for v in stats[i, :4]) for i in range(1, count)]  # type: ignore[misc]


def _noise(seed: int, share: float, shape: tuple[int, int] = (240, 320)) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.where(rng.random(shape) < share, 255, 0).astype(np.uint8)


@pytest.mark.parametrize("seed, share", [(0, 0.02), (1, 0.1), (2, 0.3), (3, 0.5)])
def test_specks_as_labelling_drops_them(seed: int, share: float) -> None:
    mask = _noise(seed, share)
    mask[0, :] = 255  # pieces on the border
    mask[-1, ::3] = 255
    assert np.array_equal(preprocess._without_specks(mask), _labelled_without_specks(mask))


@pytest.mark.parametrize("seed, share", [(0, 0.02), (1, 0.1), (2, 0.3), (3, 0.45)])
def test_piece_boxes_in_labelling_order(seed: int, share: float) -> None:
    mask = _noise(seed, share)
    cv2.rectangle(mask, (20, 20), (200, 150), 255, 2)  # a frame with pieces inside its hole
    assert preprocess._piece_boxes(mask) == _labelled_boxes(mask)


def test_thin_rules_as_labelled() -> None:
    mask = np.zeros((300, 400), np.uint8)
    for y in range(10, 290, 21):
        mask[y:y + 2, 15 + y % 7:380] = 255
    mask[150:160, 50:300] = 255  # a thick band: labelling decides
    for limit in (3, 12):
        got_mask, got = preprocess._thin(mask, limit, axis=1)
        boxes = [b for b in _labelled_boxes(mask) if b[3] <= limit]
        assert got == [(float(x), float(y), float(x + w), float(y + h)) for x, y, w, h in boxes]
        assert got_mask.dtype == np.uint8 and (limit == 12 or not got_mask[150:160].any())
