"""The colour fringes of printed letters on a phone photo, told from coloured ink.

A phone's lens and demosaicing, and the JPEG's half-resolution colour, fringe every black
letter's edge with colour a pixel or three wide: on a curled sheet's photo a fifth of the
letters' mid-grey pixels were more coloured than a stamp's pale ink, and went with it (`tăng`
read `lang`, `và` read `va`). Such thin coloured ink beside uncoloured ink, away from any wider
coloured stroke, is a letter's edge. A stamp's letters and a signature's thin strokes lie round
their wider ones (the stamp's frame, the hand's figures, the pen's core)."""

from __future__ import annotations

import cv2
import numpy as np

# coloured ink narrower than this beside print is the print's fringe (pixels of the photo: the
# fringes are a matter of pixels, not of the sheet's size; 3 kept fewer of them)
STROKE = 5
# a stamp's or a signature's thin parts lie this close to its wider strokes (pixels of the photo,
# ~8 mm at 190 dpi): kept beside print, the stamp's letters over the header cost our phone
# variants two numbers, an issuer and two subjects
INK_REACH = 61
# print: ink this much darker than the paper around it ...
PRINT_BELOW_PAPER = 40
# ... and no more coloured than this (after white balance; a stamp's pale ink on a photo is
# 19-27, black text's 90th percentile ~10-11)
PRINT_CHROMA = 16.0
# a pen's or a seal's stroke (preprocess.INK_CHROMA): the letters' fringes reach it only a pixel
# or two wide
STRONG_CHROMA = 45


def paper_level(grey: np.ndarray) -> np.ndarray:
    """The paper's brightness at each pixel: the brightest nearby, text and ink taken out."""
    h, w = grey.shape
    small = cv2.resize(grey, (max(w // 8, 1), max(h // 8, 1)), interpolation=cv2.INTER_AREA)
    small = cv2.dilate(small, np.ones((5, 5), np.uint8))
    return cv2.resize(cv2.blur(small, (5, 5)), (w, h), interpolation=cv2.INTER_LINEAR)


def print_fringes(coloured: np.ndarray, chroma: np.ndarray, grey: np.ndarray) -> np.ndarray:
    """The pixels of `coloured` that are a printed letter's fringe: thin, far from any wider
    coloured stroke, and beside uncoloured print. `grey` is the image as taken, no ink dropped
    from it (a seal made paper raises the paper's level round it, and the paper there was taken
    for print)."""
    body = cv2.morphologyEx(coloured.astype(np.uint8), cv2.MORPH_OPEN, np.ones((STROKE, STROKE), np.uint8))
    # a stamp's or a signature's thin strokes and letters lie round its wider ones (its frame,
    # the hand's figures); a letter's fringes lie anywhere on the page
    thin = coloured & ~cv2.dilate(body, np.ones((INK_REACH, INK_REACH), np.uint8)).astype(bool)
    printed = (chroma <= PRINT_CHROMA) & (grey.astype(np.int16) < paper_level(grey).astype(np.int16) - PRINT_BELOW_PAPER)
    # a signature's blend round its coloured core is dark and hardly coloured too: no print lies
    # within a few pixels of a stroke of strong colour
    strong = cv2.morphologyEx((chroma > STRONG_CHROMA).astype(np.uint8), cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    printed &= ~cv2.dilate(strong, np.ones((9, 9), np.uint8)).astype(bool)
    return thin & cv2.dilate(printed.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
