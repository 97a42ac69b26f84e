"""Words that dropped ink crossed: read, but not to be taken on trust.

Colour dropout turns a seal, a signature, a receipt stamp and its handwriting to paper before
OCR. Where that ink lay over print, it took the print's pixels with it (the pen's stroke over a
`5` leaves a gap Tesseract reads as `8`, a seal's star over a day's `0` a `4`), and Tesseract
is no less sure of such a word than of one in the clear (`98` for `95` at 0.93). The ink's
place is known, so a word with figures it crossed is marked doubtful here: its confidence is
held under the line the header facts' confidence is drawn at, and a number or a date read from
it is flagged for checking rather than trusted. The words are kept as read.

Only words with figures: a figure misread is another figure, silently (`98` for `95`), while a
name, a body or a title misread under a seal is no name, body or title the data knows, and the
extraction's own checks flag it. Measured on our office variants (23 documents each), marking
every crossed word flagged 7 more doc types, 13 numbers, 5 issuers, 5 dates, 4 places, 5
subjects and 7 signers of the receipt copies and 8 signers of the sealed ones, all read right,
and no fact read wrong that was not flagged already.
"""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest import preprocess
# the confidence a crossed word keeps at most lives beside Word: the extraction tells a
# crossed word's doubt by it
from dispatch_reader.ingest.pages import CROSSED_CONF, Word

# a pixel lifted by this many grey levels or more by the dropout was ink that went
LIFTED = 60
# a word whose box holds this share of dropped ink or more was crossed by it (a pen's stroke
# across a short number: 4-10 %; JPEG's colour fringe on clean print: under 1 %)
CROSSED_SHARE = 0.03


def dropped_ink(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """The page as paper (255) with the ink the dropout took (0): where `after` is much
    lighter than `before`. Kept as an image so that it turns and scales with the page."""
    lifted = after.astype(np.int16) - before.astype(np.int16) >= LIFTED
    return np.where(lifted, 0, 255).astype(np.uint8)


def colour_dropped(colour: np.ndarray, after: np.ndarray) -> np.ndarray:
    """dropped_ink of a colour page, against its grey as the dropout saw it (white-balanced)."""
    return dropped_ink(cv2.cvtColor(preprocess.white_balanced(colour), cv2.COLOR_RGB2GRAY), after)


def joined(a: np.ndarray | None, b: np.ndarray) -> np.ndarray:
    return b if a is None else np.minimum(a, b)


def mark_crossed(words: list[Word], ink: np.ndarray, scale: float) -> tuple[list[Word], int]:
    """(`words` with the figures the dropped ink crossed held at CROSSED_CONF, how many). `ink` is the
    paper image of dropped_ink, turned and scaled as the page was; `scale` is points per
    pixel of it."""
    gone = ink < 128
    if not gone.any():
        return words, 0
    h, w = gone.shape
    out, n = [], 0
    for word in words:
        x0, x1 = max(int(word.x0 / scale), 0), min(int(word.x1 / scale) + 1, w)
        y0, y1 = max(int(word.top / scale), 0), min(int(word.bottom / scale) + 1, h)
        if word.conf is not None and word.conf > CROSSED_CONF and x1 > x0 and y1 > y0 \
                and any(c.isdigit() for c in word.text) and float(gone[y0:y1, x0:x1].mean()) >= CROSSED_SHARE:
            word = Word(word.text, word.x0, word.top, word.x1, word.bottom, CROSSED_CONF)
            n += 1
        out.append(word)
    return out, n


def resized(ink: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    return cv2.resize(ink, (shape[1], shape[0]), interpolation=cv2.INTER_NEAREST)
