"""Coloured ink on a phone photo of a sheet: the receipt stamp, its handwritten figures and
the margin note, turned to paper before OCR.

On a scan, coloured ink stands far from black text (preprocess.drop_colour_ink drops what is
more coloured than INK_CHROMA). A phone photo blurs and compresses it: a violet receipt stamp
printed over the header and a blue ballpoint "25/9/2025" over the number line keep a chroma of
only 15-40, under that bar, and Tesseract reads them into the number ("§83/Z04@@Đ-UBND").
Black text on the same photo stays under ~11 (90th percentile, after white balance), and it is
darker: ballpoint and stamp ink on a photo are mid-grey (median ~150), printed letters have a
near-black core. So on a photo, ink that is both somewhat coloured and not dark goes too; a
letter's dark core, even beside the stamp, stays."""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest import fringes, preprocess

# after white balance, on the office phone variants: black text's chroma p90 ~10-11, the
# stamp's and the handwriting's median 19-27
PHOTO_INK_CHROMA = 16.0
# printed letters' cores on a photo are darker than this; ballpoint and stamp ink are not
# (their 10th percentile ~117-160 grey)
PHOTO_INK_MIN_GREY = 95


def drop_photo_ink(grey: np.ndarray, rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """(grey with the pale coloured ink made paper, share of the page dropped).

    `grey` is the page as preprocess.drop_colour_ink left it (strong colour already gone);
    `rgb` the photo's colour copy, same size."""
    channels = preprocess.white_balanced(rgb).astype(np.int16)
    chroma = (channels.max(axis=2) - channels.min(axis=2)).astype(np.float32)
    # a JPEG's colour is stored at half resolution: single pixels of chroma are its noise
    chroma = cv2.blur(chroma, (3, 3))
    dropped = (chroma > PHOTO_INK_CHROMA) & (grey >= PHOTO_INK_MIN_GREY)
    # (a printed letter's colour fringes are the letter's: fringes.py)
    dropped &= ~fringes.print_fringes(dropped, chroma, cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY))
    paper = fringes.paper_level(grey)
    out = grey.copy()
    # painted with the paper around it, not white: the photo's light is uneven, and a white
    # patch on grey paper draws the stamp's outline again once the light is evened out
    out[dropped] = np.maximum(out[dropped], paper[dropped])
    return out, float(dropped.mean())

