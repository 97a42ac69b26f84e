"""A phone photo's pale coloured ink (receipt stamp, ballpoint figures) goes before OCR;
printed letters, even touching it, stay; and such a photo keeps its colour copy."""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest import preprocess
from dispatch_reader.ingest.photo_ink import drop_photo_ink
from dispatch_reader.ingest.raster import split_colour


def _photo_page() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Paper lit unevenly (brighter left), black text, and a pale violet stamp frame and
    blurred blue figures over it, as a phone's JPEG leaves them: (rgb, text mask, ink mask)."""
    h, w = 900, 700
    light = np.linspace(235, 195, w, dtype=np.float32)[None, :].repeat(h, axis=0)
    rgb = np.repeat(light[:, :, None], 3, axis=2)
    text = np.zeros((h, w), np.uint8)
    for y in range(80, 860, 45):
        cv2.putText(text, "SO 2046 QD UBND", (40, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 1, 3)
    ink = np.zeros((h, w), np.uint8)
    cv2.rectangle(ink, (60, 150), (500, 420), 1, 6)  # the stamp's frame
    cv2.putText(ink, "25/9/2025", (120, 300), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 1.6, 1, 4)
    violet = np.array([168, 150, 180], np.float32)  # pale: chroma ~30, under the scan's bar
    rgb[ink > 0] = violet * (rgb[ink > 0] / 235.0)
    rgb[text > 0] = (35, 35, 38)  # printed over, near black
    rgb = cv2.GaussianBlur(rgb, (5, 5), 1.2)  # a phone's softness mixes ink into its edges
    return np.clip(rgb, 0, 255).astype(np.uint8), text > 0, ink > 0


def test_pale_stamp_and_handwriting_become_paper_and_letters_stay():
    rgb, text, ink = _photo_page()
    grey, share = preprocess.drop_colour_ink(rgb)
    core_ink = cv2.erode(ink.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool) & ~cv2.dilate(
        text.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    assert grey[core_ink].mean() < 190  # too pale for the scan's bar: still there as ink
    out, pale = drop_photo_ink(grey, rgb)
    assert pale > 0.01
    # the stamp is gone, painted like the paper around it (no bright patch on grey paper)
    around = cv2.dilate(ink.astype(np.uint8), np.ones((25, 25), np.uint8)).astype(bool) & ~ink & ~text
    assert abs(float(out[core_ink].mean()) - float(grey[around].mean())) < 12
    core_text = cv2.erode(text.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    assert out[core_text].mean() < 80  # the letters, also where the stamp crosses them
    assert (out[core_text & cv2.dilate(ink.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)] < 100).mean() > 0.9


def test_a_photo_with_only_muted_colour_keeps_its_colour_copy_and_a_grey_scan_does_not():
    rgb, _, _ = _photo_page()
    desk = np.zeros((1100, 900, 3), np.uint8)
    desk[:] = (60, 95, 70)  # a muted green desk: chroma 35, under the scan's bar of 60
    desk[100:1000, 100:800] = rgb
    assert split_colour(desk)[1] is not None
    grey = np.repeat(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)[:, :, None], 3, axis=2)
    noisy = np.clip(grey.astype(np.int16) + np.random.default_rng(1).integers(-8, 9, grey.shape), 0, 255)
    assert split_colour(noisy.astype(np.uint8))[1] is None  # a scanner's colour noise is no colour


def test_the_colour_fringes_of_printed_letters_stay_and_a_stamp_stroke_goes():
    """A phone's lens and JPEG fringe each black letter's edge with colour a pixel or two wide,
    mid-grey: those pixels are the letter's (taken, `tăng` was read `lang`); a pen stroke of the
    same colour, wider, goes."""
    h, w = 300, 500
    rgb = np.full((h, w, 3), 225, np.float32)
    letters = np.zeros((h, w), np.uint8)
    for x in range(40, 300, 30):
        cv2.rectangle(letters, (x, 60), (x + 5, 140), 1, -1)  # stems of printed letters
    rgb[letters > 0] = (90, 90, 92)  # a blurred photo's print: mid-grey, no dark core
    fringe = cv2.dilate(letters, np.ones((1, 5), np.uint8)).astype(bool) & ~letters.astype(bool)
    left = fringe & (np.arange(w)[None, :] % 30 < 12)  # each stem's left edge shifted to blue
    rgb[left] = (120, 130, 160)
    rgb[fringe & ~left] = (165, 140, 125)  # and its right edge to orange
    pen = np.zeros((h, w), np.uint8)
    cv2.line(pen, (330, 200), (480, 230), 1, 7)  # a ballpoint's stroke, blurred wide
    rgb[pen > 0] = (120, 130, 170)
    signature = np.zeros((h, w), np.uint8)
    cv2.line(signature, (330, 60), (480, 120), 1, 2)  # a signature's thin edge, on paper
    rgb[signature > 0] = (150, 160, 200)
    rgb = np.clip(rgb, 0, 255).astype(np.uint8)
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    out, _ = drop_photo_ink(grey, rgb)
    assert (out[fringe] == grey[fringe]).mean() > 0.95
    core_pen = cv2.erode(pen, np.ones((3, 3), np.uint8)).astype(bool)
    assert (out[core_pen] > grey[core_pen] + 60).mean() > 0.9
    assert (out[signature > 0] > grey[signature > 0] + 30).mean() > 0.9

