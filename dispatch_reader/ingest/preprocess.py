"""Clean-up of a page image before OCR: orientation, deskew, and optional binarisation.

What is on by default was decided by measuring character error rate on scanned samples
(bench/cer.py, numbers in ingest/README.md), not by habit.
"""

from __future__ import annotations

import cv2
import numpy as np

from dispatch_reader.ingest.tables import covered_length

# Work on a smaller copy for the page-level estimates: 100 dpi still shows text lines
# clearly and costs a fraction of the full page.
_ESTIMATE_DPI = 100.0


def ink_mask(grey: np.ndarray, dpi: float) -> np.ndarray:
    """The small ink mask the page-level estimates share (compute once per page)."""
    return _small_ink(grey, dpi)


def _small_ink(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Boolean ink mask of a downscaled copy, with scanner specks removed."""
    factor = min(1.0, _ESTIMATE_DPI / max(dpi, 1.0))
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # Specks are a few pixels each; letters at 150 dpi are dozens. Dropping the small
    # components keeps sparse pages (a signature page) from being read as noise.
    return _without_specks(mask)


def _without_specks(mask: np.ndarray) -> np.ndarray:
    """Boolean: the pixels of a 0/255 mask in 8-connected pieces of 3 pixels or more.

    Told from neighbour counts, without labelling the page (which cost ~25 ms): a piece of one
    pixel has no inked neighbour; one of two is two pixels that each have one, the other."""
    ink = (mask > 0).view(np.uint8)
    count = cv2.filter2D(ink, -1, _NEIGHBOURS, borderType=cv2.BORDER_CONSTANT)  # inked neighbours
    count[ink == 0] = 0
    # the most neighbours any neighbour has (a pixel's own count, 1 here, never exceeds its
    # only neighbour's, which has it as a neighbour)
    most = cv2.dilate(count, np.ones((3, 3), np.uint8), borderType=cv2.BORDER_CONSTANT, borderValue=0)
    speck = (count == 0) | ((count == 1) & (most == 1))
    return (ink == 1) & ~speck


_NEIGHBOURS = np.array([[1, 1, 1], [1, 0, 1], [1, 1, 1]], np.float32)


def _peakiness(profile: np.ndarray) -> float:
    """n·Σh²/(Σh)² over the inked span: 1 for an even profile, higher when ink comes in
    bands (text lines) separated by white."""
    nz = np.nonzero(profile)[0]
    if nz.size == 0:
        return 1.0
    h = profile[nz[0]:nz[-1] + 1].astype(np.float64)
    return float(h.size * (h ** 2).sum() / h.sum() ** 2)


def looks_sideways(grey: np.ndarray, dpi: float, ink: np.ndarray | None = None) -> bool:
    """True when the text lines run top-to-bottom (page scanned at 90° or 270°).

    Row sums of a normal page come in bands (text lines); column sums are even. On a
    sideways page it is the other way round. Close calls count as upright: the OCR
    quality check behind this catches a wrong guess.
    """
    ink = _small_ink(grey, dpi) if ink is None else ink
    if ink.sum() < 200:
        return False
    rows = _peakiness(ink.sum(axis=1))
    cols = _peakiness(ink.sum(axis=0))
    return cols > rows * 1.25


def estimate_skew(grey: np.ndarray, dpi: float, limit: float = 5.0, ink: np.ndarray | None = None) -> float:
    """Skew angle in degrees (positive: text rises to the right), by the projection that
    makes text lines sharpest. Sheared ink coordinates, not rotated images: fast."""
    ink = _small_ink(grey, dpi) if ink is None else ink
    ys, xs = np.nonzero(ink)
    if ys.size < 200:
        return 0.0
    if ys.size > 60000:
        pick = np.random.default_rng(0).choice(ys.size, 60000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - ink.shape[1] / 2

    def sharpness(angle: float) -> float:
        # the same figures as np.round(ys + xs * t) and a float sum of squares, in fewer passes:
        # rint is what round does to 0 decimals, and the counts (≤ 60000 points) square and
        # add up exactly in integers as in floats
        t = np.tan(np.radians(angle))
        shifted = xs * t
        shifted += ys
        np.rint(shifted, out=shifted)
        proj = shifted.astype(np.int64)
        proj -= proj.min()
        hist = np.bincount(proj)
        return float(np.dot(hist, hist))

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
    # cubic: a bilinear turn blurs the marks of a 200 dpi scan's letters (`Thành` read `Thanh`)
    return cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def rotate_quarter(grey: np.ndarray, degrees: int) -> np.ndarray:
    """Rotate by a multiple of 90° counter-clockwise (exact, no resampling)."""
    turns = (degrees // 90) % 4
    return np.ascontiguousarray(np.rot90(grey, turns)) if turns else grey


# Tesseract reads lines tilted this little as they are; turning the image to level them
# resamples it, which blurs the marks above letters. Measured on the seal, receipt and phone
# variants of samples/ (23 documents each), 0.5° against 0.15°, F1 summed over doc_type,
# number, issue date and signer: 10.54 against 10.42 (number and date better under a receipt
# stamp, the signer worse on phone photos, 0.54 against 0.63). A close call, not a law.
MIN_SKEW = 0.5


def deskew(grey: np.ndarray, dpi: float, ink: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    angle = estimate_skew(grey, dpi, ink=ink)
    if abs(angle) < MIN_SKEW:
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


Segment = tuple[float, float, float, float]  # x0, y0, x1, y1 in pixels


# A grey page's faint rules: ink this many grey levels under the paper (its 90th percentile)
# counts for rules, and breaks this long (pixels on the 100 dpi copy) along one are closed.
_FAINT_RULE = 30
_FAINT_BREAK = 3
# paper this light or lighter is a one-bit copy's or a rendered page's (255 on every fax,
# photocopy and clean rendering measured; a scan's or a photo's paper is 234-247)
_WHITE_PAPER = 252
# a faint rule is this long at least (inches): the grey fringes of letters closed along a line
# of text, or down two lines where two letters stand one over the other, run 0.25-1.4 inch
_FAINT_LEAST_IN = 0.6
# ... and one the dark pass found this much of already is that one
_DARK_COVERED = 0.8
# ... and its grey is within this many levels of the paper
_FAINT_DARKEST = 100


def find_rules(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, list[Segment], list[Segment]]:
    """Table rules and underlines: returns the image with them painted white, and the
    horizontal and vertical segments found.

    Tesseract reads rules touching letters as `|`, `_` or worse, and glues cells together;
    the segments are what tables.py builds the cell grid from.

    On a grey page (a scan's or a photo's paper), a list printed with light grey rules (an
    ink-jet, a worn toner: grey 195-215 on paper of 245, broken every few pixels) falls above
    Otsu's threshold, which parts the letters from the paper: the rules stayed on the page,
    `STT` was read `[STTÌ`, no header was found and seven of a list's eight rows were lost.
    There they are looked for again (`_faint_rules`).
    """
    # Found on a ~100 dpi copy (4-9x less work); rules are long, so nothing is lost.
    factor = min(1.0, 100.0 / dpi)
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    h_mask, v_mask, h_found, v_found, strokes = _rule_masks(ink, ink, dpi * factor, letters=ink)
    faint = None
    paper = float(np.percentile(small, 90))
    if paper < _WHITE_PAPER:
        fh_found, fv_found, faint = _faint_rules(grey, small, paper, dpi, factor, h_found, v_found)
        h_found, v_found = h_found + fh_found, v_found + fv_found
    horizontal = [_scale(seg, 1 / factor) for seg in h_found]
    vertical = [_scale(seg, 1 / factor) for seg in v_found]
    if strokes is not None:
        grey = _line_alone_taken(grey, strokes, factor, dpi)
    if not horizontal and not vertical:
        return grey, [], []
    mask = cv2.dilate(cv2.bitwise_or(h_mask, v_mask), np.ones((3, 3), np.uint8))
    if faint is not None:
        mask = cv2.bitwise_or(mask, faint)
    if factor < 1:
        mask = cv2.resize(mask, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_NEAREST)
    # the mask is 0 or 255: or-ing it paints the rules white in one pass (a copy, then an
    # assignment through a boolean image, took three)
    return cv2.bitwise_or(grey, mask), horizontal, vertical


# a rule this near the image's edge (inches) runs along it
_EDGE_IN = 0.03


def off_the_edges(horizontal: list[Segment], vertical: list[Segment], shape: tuple[int, ...],
                  dpi: float) -> tuple[list[Segment], list[Segment]]:
    """The rules (x0, y0, x1, y1 pixels) without those that run along the image's edges: a
    page's margin keeps every printed rule off them."""
    h, w = shape[:2]
    near = _EDGE_IN * dpi
    return ([seg for seg in horizontal if not (max(seg[1], seg[3]) <= near or min(seg[1], seg[3]) >= h - 1 - near)],
            [seg for seg in vertical if not (max(seg[0], seg[2]) <= near or min(seg[0], seg[2]) >= w - 1 - near)])


# a faint rule has paper beside it: in the few rows over and under it (columns left and right
# of an upright one), stretches of this length (pixels of the 100 dpi copy) with more than this
# share of ink on a side are busy, and a rule has this share of busy stretches at most. A line
# of text's grey fringe, its letters' feet run together by the closing, has the letters'
# bodies over it; a crease or a faint line across the page on the letters' tops, the letters
# under it wherever there are words.
_BESIDE_STRETCH = 10
_BESIDE_INK = 0.25
_BUSY_MOST = 0.2


def _clear_beside(ink: np.ndarray, seg: Segment, axis: int) -> bool:
    x0, y0, x1, y1 = (int(v) for v in seg)
    if axis == 0:
        ink, (x0, y0, x1, y1) = ink.T, (y0, x0, y1, x1)
    sides = [ink[max(y0 - 4, 0):max(y0 - 1, 0), x0:x1], ink[y1 + 2:y1 + 5, x0:x1]]
    if any(side.shape[0] == 0 or side.shape[1] == 0 for side in sides):
        return False
    busy = total = 0
    for start in range(0, x1 - x0, _BESIDE_STRETCH):
        total += 1
        busy += any(float(side[:, start:start + _BESIDE_STRETCH].mean()) / 255 > _BESIDE_INK for side in sides)
    return busy <= _BUSY_MOST * total


def _faint_rules(grey: np.ndarray, small: np.ndarray, paper: float, dpi: float, factor: float,
                 dark_h: list[Segment], dark_v: list[Segment]
                 ) -> tuple[list[Segment], list[Segment], np.ndarray | None]:
    """(horizontal, vertical segments, mask to paint on the 100 dpi copy): light grey rules the
    dark ink's pass did not find, on a grey page. Each block of the copy takes its darkest
    pixel, so a rule a pixel or two wide keeps its grey wherever it falls on the copy's grid
    (averaged with the paper it faded past the threshold); breaks along it are closed; it is
    long, has paper beside it, and is no dark rule found already."""
    k = max(1, int(round(1 / factor)))
    darkest = cv2.erode(grey, np.ones((k, k), np.uint8)) if k > 1 else grey
    pooled = cv2.resize(darkest, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_NEAREST)
    ink = (pooled < paper - _FAINT_RULE).view(np.uint8) * np.uint8(255)
    h_ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (_FAINT_BREAK, 1)))
    v_ink = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, _FAINT_BREAK)))
    h_mask, v_mask, h_found, v_found, _ = _rule_masks(h_ink, v_ink, dpi * factor)
    least = _FAINT_LEAST_IN * dpi * factor

    def new(seg: Segment, axis: int, dark: list[Segment]) -> bool:
        along = seg[2] - seg[0] if axis == 1 else seg[3] - seg[1]
        # (a dark rule found whole already: its grey fringe makes it wider here, and painted so
        # it took the hook of a letter beside it, `Phường` read `Phuòng`)
        return along >= least and _clear_beside(ink, seg, axis) and _covered(seg, dark, axis) < _DARK_COVERED \
            and _grey(pooled, seg, axis, paper)

    h_found = [seg for seg in h_found if new(seg, 1, dark_h)]
    v_found = [seg for seg in v_found if new(seg, 0, dark_v)]
    if not h_found and not v_found:
        return [], [], None
    boxes = np.zeros_like(ink)
    for x0, y0, x1, y1 in h_found + v_found:
        boxes[max(int(y0) - 1, 0):int(y1) + 2, max(int(x0) - 1, 0):int(x1) + 2] = 255
    return h_found, v_found, cv2.bitwise_and(boxes, cv2.dilate(cv2.bitwise_or(h_mask, v_mask), np.ones((3, 3), np.uint8)))


def _grey(pooled: np.ndarray, seg: Segment, axis: int, paper: float) -> bool:
    """Is a segment's ink grey, not dark (its median within _FAINT_DARKEST levels of the
    paper)? A faint rule's is 158-196 on paper of 246; a dotted or dashed leader's (`Họ và
    tên: ......`, `Ký tên: ------`), its gaps closed, is the print's dark ink (89): a line of
    type, not a rule, found by the dark pass or by nobody."""
    x0, y0, x1, y1 = (int(v) for v in seg)
    box = pooled[y0:y1 + 1, x0:x1 + 1]
    # across the line, its darkest pixel (its grey fringe aside), then along it the median
    across = box.min(axis=0 if axis == 1 else 1)
    inked = across[across < paper - _FAINT_RULE]
    return inked.size > 0 and float(np.median(inked)) >= paper - _FAINT_DARKEST


def _covered(seg: Segment, others: list[Segment], axis: int) -> float:
    """The share of a segment's length that segments of the same way on its line (3 pixels
    apart at most) cover."""
    lo, hi = (0, 2) if axis == 1 else (1, 3)
    mid = (seg[1] + seg[3]) / 2 if axis == 1 else (seg[0] + seg[2]) / 2
    on_line = [(o[lo], o[hi]) for o in others
               if abs(((o[1] + o[3]) / 2 if axis == 1 else (o[0] + o[2]) / 2) - mid) <= 3]
    return covered_length(on_line, seg[lo], seg[hi]) / max(seg[hi] - seg[lo], 1.0)


def _rule_masks(h_ink: np.ndarray, v_ink: np.ndarray, dpi: float, letters: np.ndarray | None = None
                ) -> tuple[np.ndarray, np.ndarray, list[Segment], list[Segment], np.ndarray | None]:
    """(horizontal mask, vertical mask, their segments, a line's strokes through letters) on
    the 100 dpi copy; `h_ink`/`v_ink` the ink the rules are opened from along each way.
    `letters`: the page's ink, where lines run through letters are looked for too (the dark
    ink's pass)."""
    h_len = max(int(dpi * 0.4), 10)  # 1 cm: longer than any letter stroke
    v_len = max(int(dpi * 0.25), 8)
    h_mask = cv2.morphologyEx(h_ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    v_mask = cv2.morphologyEx(v_ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    # A rule is thin. A shadow or a dark band the threshold took for ink survives the opening
    # too, but as a thick blob: painting it white would wipe out the text inside it.
    thick = max(3, int(dpi * 0.04))  # 1 mm
    v_mask, v_found = _thin(v_mask, thick, axis=0)
    h_mask, h_found = _thin(h_mask, thick, axis=1, grid=v_mask)
    strokes = None
    if letters is not None:
        h_mask, h_found, strokes = _through_letters(letters, h_mask, h_found, v_mask)
    return h_mask, v_mask, h_found, v_found, strokes


def _line_alone_taken(grey: np.ndarray, strokes: np.ndarray, factor: float, dpi: float) -> np.ndarray:
    """The page with a line through letters taken off at full resolution: only its own
    pixels, a long run of ink along a row, go; the letters above and below it stay whole."""
    band = cv2.dilate(strokes, np.ones((5, 3), np.uint8))
    if factor < 1:
        band = cv2.resize(band, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_NEAREST)
    # only the rows the lines cross are worked on (a page at 300 dpi is 8.7 million pixels)
    rows = np.flatnonzero(band.any(axis=1))
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    dark = ((grey[top:bottom] < 128) & (band[top:bottom] > 0)).view(np.uint8)
    run = max(int(dpi * _LINE_RUN_IN), 8)
    line = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    if not line.any():
        return grey
    out = grey.copy()
    out[top:bottom][line > 0] = 255
    return out


# A copier's streak (dirt on the glass) is a hair-thin line down the whole page, a little
# slanted: a column of ink this long at least (inches; the tallest letter with its marks is
# a quarter inch) and this thin at most.
_STREAK_LEAST_IN = 0.3
_STREAK_WIDTH_IN = 0.015
# the longest break in a streak turned back upright (measured: 9 rows at 300 dpi)
_STREAK_GAP_IN = 0.04
# and the least length of one found there
_STREAK_TURNED_IN = 1.0
# and how far a straight one's middle strays from its line, at most (pixels; twice the median)
_STREAK_BEND_PX = 2.0
# a run of ink along a row this long (inches) at least is a letter's stroke (with the line
# through it, or beside it); the line alone is one to three pixels wide at 300 dpi
_STREAK_RUN_IN = 0.017


def clear_streaks(grey: np.ndarray, dpi: float, slant: float = 0.0) -> tuple[np.ndarray, int]:
    """(page, pieces whitened): hair-thin vertical lines painted white, their own pixels and
    a pixel either side. find_rules looks on a 100 dpi copy, where such a line fades below its
    threshold; left on the page, it runs through the first letters of each line it crosses and
    Tesseract reads `guyễn Thị Bích Ngọc`. Taking only the line leaves the letters it crosses a sliver
    narrower, still themselves.

    `slant`: the degrees the page was turned to level its text (deskew's angle). The streak
    runs along the copier's paper path, upright on the sheet as scanned, so the turn leaves it
    slanted by as much: no column of the levelled page holds more than a few dozen of its
    pixels (a 2.7° copy: one column in 21 rows), and it ran on through `Số: 798/QĐ-TTg`, read
    `Số: [sigh TT`. It is looked for on the ink turned back upright, where it is one column
    again, and cleared where that column lands on the page."""
    ink = (grey < 128).view(np.uint8)
    on, pieces = _turned_streaks(ink, dpi, slant) if slant else _upright_streaks(ink, dpi)
    if not pieces:
        return grey, 0
    # and the line's edge a pixel either side, where its slant left each column's run short
    line = cv2.dilate(on.view(np.uint8), np.ones((1, 3), np.uint8)) > 0
    out = grey.copy()
    if not slant:
        out[line & (ink > 0)] = 255
        return out, pieces
    # A turned line: where it runs through a letter, the letter keeps it (a pixel of the line
    # alone lies in a short run of ink along its row, the line's own width; one of a letter's
    # stroke in a longer one): taken with the line, a stroke lost its side, `1587` read `1537`.
    # And the band goes whole, not only its ink: the turn's soft grey rim read as letters
    # (`Hà vb`). (On an upright line, sparing the strokes moved a fax's signer for the worse,
    # `Phạm Đức Thành` read `“PIấm`, and mended nothing measured: left as it was.)
    run = max(5, round(_STREAK_RUN_IN * dpi))
    stroke = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((1, run), np.uint8)) > 0
    out[line & ~stroke] = 255
    return out, pieces


def _columns(ink: np.ndarray, own: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(labels, stats, thin) of the pieces of `ink` in vertical runs of 0.3 inch or more;
    `thin`: those whose own ink (`own`, not a widened copy's) per row is a streak's at most."""
    least = max(int(_STREAK_LEAST_IN * dpi), 8)
    column = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, least)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(column, connectivity=8)
    # thickness as ink per row, a slanted line's box being wide; thicker is a table's rule, a
    # seal's side, a bold stroke: find_rules' or nobody's
    thin = np.bincount(labels[own > 0], minlength=count) / np.maximum(stats[:, cv2.CC_STAT_HEIGHT], 1) \
        <= max(2, _STREAK_WIDTH_IN * dpi)
    thin[0] = False
    return labels, stats, thin


def _upright_streaks(ink: np.ndarray, dpi: float) -> tuple[np.ndarray, int]:
    """(pixels, pieces) of the hair-thin upright lines on the page."""
    labels, _, thin = _columns(ink, ink, dpi)
    return thin[labels], int(thin.sum())


def _turned_streaks(ink: np.ndarray, dpi: float, slant: float) -> tuple[np.ndarray, int]:
    """(pixels on the levelled page, pieces) of the streaks upright on the copy as scanned,
    looked for on the ink turned back by `slant`."""
    h, w = ink.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), slant, 1.0)
    own = cv2.warpAffine(ink, turn, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    # turned twice, the line steps a column aside here and there and its cubic turn left gaps
    # of a few rows: a pixel either side and the gaps bridged make it one piece again
    widened = cv2.dilate(own, np.ones((1, 3), np.uint8))
    widened = cv2.morphologyEx(widened, cv2.MORPH_CLOSE, np.ones((max(int(_STREAK_GAP_IN * dpi), 3), 1), np.uint8))
    labels, stats, streak = _columns(widened, own, dpi)
    # bridged and widened, a letter's stem meets the next line's now and then: a streak is
    # longer than such a chain (the 2.7° copy's: 3,440 rows; the chains, 90-130)
    streak &= stats[:, cv2.CC_STAT_HEIGHT] >= _STREAK_TURNED_IN * dpi
    # and upright there, and straight: a table's thin rule, levelled with the text, leans by
    # the turn here (widened, at a small turn it too stays in a column for an inch); a seal's
    # ring cut by the page's edge (dấu giáp lai) bends
    lean = abs(np.tan(np.radians(slant)))
    for i in np.flatnonzero(streak):
        slope, bend = _line_fit(labels, own, stats[i], i)
        streak[i] = slope < lean / 2 and bend <= _STREAK_BEND_PX
    if not streak.any():
        return np.zeros(ink.shape, bool), 0
    # the line's own pixels (not the widened copy's), back onto the levelled page
    on = cv2.warpAffine((streak[labels] & (own > 0)).view(np.uint8), cv2.invertAffineTransform(turn), (w, h),
                        flags=cv2.INTER_NEAREST, borderValue=0) > 0
    return on, int(streak.sum())


def _line_fit(labels: np.ndarray, ink: np.ndarray, box: np.ndarray, label: int) -> tuple[float, float]:
    """(slope, bend) of a piece's own ink down the page: how far it runs across per row (a
    line fitted), and how far its middle strays from that line (pixels; a straight line's
    half a pixel, an arc's many)."""
    x, y, w, h = (int(v) for v in box[:4])
    ys, xs = np.nonzero((labels[y:y + h, x:x + w] == label) & (ink[y:y + h, x:x + w] > 0))
    if len(ys) < 2 or np.ptp(ys) == 0:
        return 0.0, 0.0
    fit = np.polyfit(ys, xs, 1)
    # the middle of each row's ink, as a letter crossed adds to a row's width, not its middle
    rows, inverse = np.unique(ys, return_inverse=True)
    middle = np.bincount(inverse, weights=xs) / np.bincount(inverse)
    return abs(float(fit[0])), float(np.median(np.abs(middle - np.polyval(fit, rows))) * 2)


# a line whose ink (with all it touches) is this many times its own is no rule: a signature's
# stroke through letters, or the letters' own strokes; a rule touching a descender or two, or a
# table's grid of rules, is mostly itself
_ALONG_LETTERS = 2.5
# a stroke found as a rule comes in a piece or two where it runs straight
_STROKE_PIECES = 2
# and has ink right above or below it at this share of its pixels at least (a fax's streak
# through a text line 0.2-0.45, a signature's stroke across a name 0.67)
_TOUCHED_SHARE = 0.2
# a run of ink along a row this long (inches) is a line's, longer than any letter's bar
_LINE_RUN_IN = 0.15


def _through_letters(ink: np.ndarray, h_mask: np.ndarray, h_found: list[Segment],
                     v_mask: np.ndarray) -> tuple[np.ndarray, list[Segment], np.ndarray | None]:
    """The horizontal rules found, less the straight runs of a line through letters, and
    those runs (None if there are none).

    A fax's streak through a line of text, or a signature's long stroke across the signer's
    name, runs straight for a centimetre and is found as a rule; painted white with its band
    (three pixels on the 100 dpi copy), it took the middle of every letter it crossed (`Nguyen
    Niqiut Tu` for `Nguyễn Mạnh Khương`). Such a run is a small part of the ink it touches: the
    letters, the signature's loops. A table's rules are not: they meet, or run side by side,
    inside one piece of ink with the text that touches them on a copy. Vertical rules are left
    as they are (a stroke across a line of letters runs along it)."""
    if not h_mask.any():
        return h_mask, h_found, None
    line = h_mask > 0
    count, labels = cv2.connectedComponents(ink, connectivity=8)
    total = np.bincount(labels.ravel(), minlength=count)
    along = np.bincount(labels[line], minlength=count)
    meets = np.bincount(labels[v_mask > 0], minlength=count) > 0
    crossing = (along > 0) & (total > _ALONG_LETTERS * along) & ~meets
    crossing[0] = False
    if not crossing.any():
        return h_mask, h_found, None
    # letters touch a line through them all along it; a blot or a copier's streak that a rule
    # runs into touches it in one place only (augraphy's photocopies: 0.07-0.16 of its pixels)
    other = ((ink > 0) & ~line).view(np.uint8)
    near = cv2.dilate(other, np.ones((5, 1), np.uint8)) > 0
    touched = np.bincount(labels[line & near], minlength=count)
    crossing &= touched >= _TOUCHED_SHARE * np.maximum(along, 1)
    if not crossing.any():
        return h_mask, h_found, None
    # how many straight pieces each piece of ink holds: one pixel of each piece is enough
    _, pieces = cv2.connectedComponents(cv2.bitwise_or(h_mask, v_mask), connectivity=8)
    on = np.flatnonzero(pieces)
    _, first = np.unique(pieces.ravel()[on], return_index=True)
    crossing &= np.bincount(labels.ravel()[on[first]], minlength=count) <= _STROKE_PIECES
    if not crossing.any():
        return h_mask, h_found, None
    strokes = np.where(crossing[labels], h_mask, 0).astype(h_mask.dtype)
    left = cv2.subtract(h_mask, strokes)

    def inside(mask: np.ndarray, seg: Segment) -> int:
        return int(np.count_nonzero(mask[int(seg[1]):int(seg[3]) + 1, int(seg[0]):int(seg[2]) + 1]))
    return left, [seg for seg in h_found if 2 * inside(left, seg) > inside(h_mask, seg)], strokes


def _thin(mask: np.ndarray, limit: int, axis: int, grid: np.ndarray | None = None) -> tuple[np.ndarray, list[Segment]]:
    """Only the components of `mask` no thicker than `limit` pixels across (axis 1: height
    of horizontal rules, axis 0: width of vertical ones), and their boxes. `grid`: the other
    way's rules, which a slanted rule of a table meets (looked at only when some component's
    box is too thick).

    The boxes come from the same labelling: the components kept are exactly the components of
    the mask returned (two of them touching would have been one), in the same order (a
    component's label follows its own first pixels), so labelling that mask again to find
    them, as this once did, gave the same segments at a third of find_rules' time."""
    boxes = _piece_boxes(mask)
    if boxes is not None and all((h if axis == 1 else w) <= limit for _, _, w, h in boxes):
        # every component is thin (the usual case): the mask is its own result, and the
        # boxes come from the pieces' borders, without labelling every pixel of the page
        return mask, [(float(x), float(y), float(x + w), float(y + h)) for x, y, w, h in boxes]
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if count <= 1:
        return mask, []
    across = stats[:, cv2.CC_STAT_HEIGHT] if axis == 1 else stats[:, cv2.CC_STAT_WIDTH]
    keep = across <= limit
    if grid is not None:
        # thickness as ink per unit of length, not the box, for a rule that meets the other
        # way's rules: a table's rule that a fax or a copy left a little slanted steps down a
        # pixel row every inch or so, one piece whose box is several rows tall (a list table's
        # rules on a fax were all refused, and its rows ran together). A shadow's band is
        # thick all along; a fax's streak through a title, as slanted, meets no rule.
        length = stats[:, cv2.CC_STAT_WIDTH] if axis == 1 else stats[:, cv2.CC_STAT_HEIGHT]
        meets = np.bincount(labels[cv2.dilate(grid, np.ones((3, 3), np.uint8)) > 0], minlength=count) > 0
        keep |= (stats[:, cv2.CC_STAT_AREA] / np.maximum(length, 1) <= limit) & meets
    keep[0] = False
    if keep[1:].all():
        # every component is thin (the usual case): the mask is its own result
        return mask, [(float(x), float(y), float(x + w), float(y + h))
                      for x, y, w, h in (map(int, stats[i, :4]) for i in range(1, count))]
    segments: list[Segment] = []
    for i in np.flatnonzero(keep):
        x, y, w, h = (int(v) for v in stats[i, :4])
        segments.append((float(x), float(y), float(x + w), float(y + h)))
    # a lookup table, not np.where over the labels: one uint8 pass instead of an int64 image
    return (keep.astype(np.uint8) * 255)[labels], segments


def _piece_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]] | None:
    """x, y, width, height of the 8-connected pieces of a 0/255 mask, in the order
    connectedComponentsWithStats numbers them, from the pieces' outer borders (findContours:
    the top level of RETR_CCOMP, one border for each piece, a piece inside another's hole
    included). OpenCV labels 2x2 blocks row by row (a block's pixels are all 8-adjacent: one
    piece each), so a piece's number follows its first block; its top block row's leftmost
    pixel is on its outer border. None when two pieces seem to share a block, for the caller
    to label the mask instead."""
    contours, hierarchy = cv2.findContours(mask, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return []
    keyed = []
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0]):
        if parent >= 0:
            continue
        x, y, w, h = cv2.boundingRect(contour)
        points = contour.reshape(-1, 2)
        first = int(points[points[:, 1] // 2 == y // 2, 0].min())
        keyed.append(((y // 2, first // 2), (x, y, w, h)))
    keyed.sort(key=lambda item: item[0])
    if any(a[0] == b[0] for a, b in zip(keyed, keyed[1:])):
        return None
    return [box for _, box in keyed]


def _scale(seg: Segment, k: float) -> Segment:
    return (seg[0] * k, seg[1] * k, seg[2] * k, seg[3] * k)


# ---------------------------------------------------------------- office paper

# A pixel whose channels differ by more than this (after white balance) is coloured ink (a
# red seal, a blue signature, a violet receipt stamp), not black text or grey paper.
INK_CHROMA = 45
# Around coloured strokes, the pixels where ink blends into paper or scanner/JPEG colour
# bleeds are less coloured but still well above black text's (its 99th percentile is ~10 on
# the office variants, the blend's 10th ~16-30). Left as they are they draw a grey outline of
# every dropped stroke — the stamp's frame through the number line, a signature's edge over a
# name's accents — so within a few pixels of coloured ink a lower bar applies.
EDGE_CHROMA = 14
# coloured ink this much darker (its brightest channel) than its page's median is over print;
# told only where there is ink enough to have a median (pixels)
OVER_PRINT_DARKER = 45
_OVER_PRINT_LEAST = 200
CLEAN_TEXT_CHROMA = 12
# ... on a flatbed's colour scan (no sheet found on a ground: no photo), whose JPEG's colour
# fringes on black print reach ~15-20 at the 99th percentile (a much-handled original scanned at
# JPEG q85): a stamp's letters and frame left their grey outlines over `Số:` and the number was lost
CLEAN_SCAN_CHROMA = 20
_HEADER_BAND = 0.4  # of the page's height
_PALE_BLEND = 130
# A faded seal is coloured enough only in places (chroma ~28 at its median, 47 at its 90th
# percentile): its strong pixels seed it, and the paler ink joined to them goes with them —
# hysteresis, as an edge detector follows a faint edge from a strong one. Paler than black
# text's own colour by this much at least, and never a dark pixel (a letter under the seal).
WEAK_CHROMA = 20
WEAK_OVER_TEXT = 8
# ... in a piece whose strong pixels are fewer than this share of it (a faded seal's ~25 %), on
# a page with fewer than this share of its pixels as coloured as fresh ink
_FADED_SEED_SHARE = 0.5
FRESH_CHROMA, FRESH_SHARE = 60, 0.0005


def white_balanced(rgb: np.ndarray) -> np.ndarray:
    """The image scaled so that its paper (the 90th percentile of each channel) is 245 grey."""
    paper = np.percentile(rgb[::8, ::8].reshape(-1, 3), 90, axis=0).astype(np.float32)
    return np.clip(rgb.astype(np.float32) * (245.0 / np.maximum(paper, 1.0)), 0, 255).astype(np.uint8)


def drop_colour_ink(rgb: np.ndarray, photographed: bool = True, first_page: bool = False) -> tuple[np.ndarray, float]:
    """(grey, share of the page dropped): coloured ink turned to paper before OCR.

    Black text under a red seal stays black (black absorbs every channel, so the overlap is
    dark and colourless); the seal's own strokes, the signature and the stamp go white, and
    Tesseract no longer reads them as letters or loses the words beneath."""
    # White balance first: a phone photo's colour cast tints every pixel, paper included, and
    # its desaturated seal would not stand out from a tinted page otherwise.
    balanced = white_balanced(rgb)
    rgb16 = balanced.astype(np.int16)
    top = rgb16.max(axis=2)
    chroma = top - rgb16.min(axis=2)
    grey = cv2.cvtColor(balanced, cv2.COLOR_RGB2GRAY)
    coloured = chroma > INK_CHROMA
    near = cv2.dilate(coloured.astype(np.uint8), np.ones((7, 7), np.uint8)).astype(bool)
    # How coloured black text itself is on this page: a scanner's ~7 at the 99th percentile,
    # a phone photo's ~17 (noise, cast, blur mixing a signature's blue into the name beside
    # it). Only where text is that clean is the blend told from letters; on a photo the
    # letters' marks would go with it (`Thành` read `Thanh`).
    far = ~cv2.dilate(coloured.astype(np.uint8), np.ones((15, 15), np.uint8)).astype(bool)
    text_chroma = chroma[::2, ::2][(grey[::2, ::2] < 110) & far[::2, ::2]]
    text_p99 = float(np.percentile(text_chroma, 99)) if text_chroma.size > 100 else None
    clean = text_p99 is not None and text_p99 <= CLEAN_TEXT_CHROMA
    # a dark pixel beside the ink is a letter it touches more often than the ink's own edge
    dropped = coloured | (near & (chroma > EDGE_CHROMA) & (grey >= 110)) if clean else coloured
    if first_page and not clean and not photographed and text_p99 is not None and text_p99 <= CLEAN_SCAN_CHROMA:
        # a flatbed scan whose JPEG fringes the print: the blend goes in the first page's header
        # band only, where the receiving stamp lies over the number and date lines (its letters
        # and frame left as grey outlines, `Số:` was lost); beside a signature the fringed
        # letters' marks went with it (`Bế` read `Be`), on a page of its own too; and only its
        # pale part (a faint print's marks beside the stamp are grey ~115-130)
        b = int(_HEADER_BAND * grey.shape[0])
        dropped = dropped.copy()  # (it is `coloured` itself, counted below)
        dropped[:b] |= near[:b] & (chroma[:b] > EDGE_CHROMA) & (grey[:b] >= _PALE_BLEND)
    # only where no ink on the page is strongly coloured: a fresh seal's or a signature's pale
    # pixels are their blend into the letters they cross (a thin pen stroke is mostly blend),
    # and taking them read `Phử` as `Phi`
    if text_p99 is not None and (chroma > FRESH_CHROMA).mean() < FRESH_SHARE:
        dropped = dropped | (_faded_ink(chroma > max(WEAK_CHROMA, text_p99 + WEAK_OVER_TEXT), coloured) & (grey >= 110))
    # lift coloured pixels by how coloured they are: pure ink and its blend into the paper go
    # white; black text under the ink (dark, little colour) stays dark
    lifted = np.clip(top + 3 * chroma, 0, 255).astype(np.uint8)
    out = np.where(dropped, np.maximum(grey, lifted), grey).astype(np.uint8)
    # Ink laid over the print as an opaque layer (a seal or a signature blended over the page, as
    # image tools lay one: a tester's red over black came out red, not black) is darker where it
    # crosses a letter than where it lies on paper, its brightest channel held down by the black
    # beneath: those pixels are the letter's, taken dark (a colour scan of such pages lost the
    # signer's family name under the ring on 10 pages of 10).
    # Only in a seal (a round piece of ink, as tall as wide): a stamp's or a hand's darker strokes
    # are its own ink, not print beneath (taking them kept a receiving stamp's handwriting over
    # the header's number).
    # (a seal is red; the signature over it, blue, is a piece of its own)
    for x, y, w, h in _round_seals(coloured & (rgb16[..., 0] == top)):
        inside = coloured[y:y + h, x:x + w]
        if inside.sum() < _OVER_PRINT_LEAST:
            continue
        box_top = top[y:y + h, x:x + w]
        on_paper = float(np.median(box_top[inside]))
        # ... beside the letter it crosses, black outside the seal (a denser patch of the seal's
        # own ink over a stroke-free spot read as a tone mark: `Vinh` → `Vĩnh`)
        print_near = cv2.dilate(((grey[y:y + h, x:x + w] < 90) & ~inside).astype(np.uint8),
                                np.ones((_PRINT_REACH, _PRINT_REACH), np.uint8)).astype(bool)
        # ... and as coloured as the seal is on paper: a layer over black keeps its colour's
        # strength, darker; a stroke of dark ink crossing the seal (the signature's) does not
        box_chroma = chroma[y:y + h, x:x + w]
        strong = box_chroma >= _LAYER_CHROMA * float(np.median(box_chroma[inside]))
        over_print = inside & (box_top < on_paper - OVER_PRINT_DARKER) & print_near & strong
        dark = np.minimum(grey[y:y + h, x:x + w], rgb16[y:y + h, x:x + w].min(axis=2)).astype(np.uint8)
        out[y:y + h, x:x + w] = np.where(over_print, dark, out[y:y + h, x:x + w])
    return out, float(coloured.mean())


# a seal's ring: this wide at least (pixels at the page's own resolution are not known here: a
# seal is a tenth of an A4 page's width and more), about as tall as wide
_SEAL_WIDTH_SHARE = 0.1
_SEAL_WIDTH_MOST = 0.4  # (a photo of colour noise is one coloured piece the page's size: no seal)
_PRINT_REACH = 11
_LAYER_CHROMA = 0.75
_SEAL_ASPECT = 1.35


def _round_seals(coloured: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The boxes of coloured pieces (joined across a few pixels' gaps) the size and shape of a
    round seal."""
    joined = cv2.dilate(coloured.astype(np.uint8), np.ones((5, 5), np.uint8))
    n, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    least, most = _SEAL_WIDTH_SHARE * coloured.shape[1], _SEAL_WIDTH_MOST * coloured.shape[1]
    out = []
    for i in range(1, n):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if least <= w <= most and least <= h <= most and max(w, h) <= _SEAL_ASPECT * min(w, h):
            out.append((x, y, w, h))
    return out


def _faded_ink(weak: np.ndarray, strong: np.ndarray) -> np.ndarray:
    """The pixels of `weak` in a piece (8-connected) that holds pixels of `strong` but mostly
    weaker ones: a faded seal. A fresh seal's or a signature's piece is mostly strong ink, its
    weak pixels the blend into the letters it crosses, which go with them otherwise (`Phử`
    read `Phi` with the hook's rim taken)."""
    n, labels = cv2.connectedComponents(weak.astype(np.uint8), connectivity=8)
    if n <= 1:
        return np.zeros_like(weak, dtype=bool)
    size = np.bincount(labels.ravel(), minlength=n)
    seeds = np.bincount(labels[strong & weak], minlength=n)
    keep = (seeds > 0) & (seeds < _FADED_SEED_SHARE * size)
    keep[0] = False
    return keep[labels]


# A grey scan of a signed original prints the red seal and the blue signature mid-grey (a red
# seal ~90-120, a faded one lighter), the print black: every letter has a core near black, a
# piece of the seal or the signature none. On a page whose letters' cores are this dark ...
DARK_PRINT_CORE = 60
# ... a piece of ink whose darkest pixel is lighter than this (and than the letters' by the
# margin) is no print, and goes as the colour would have; a piece a mark's size stays (a small
# print's tone mark may lack a dark core), and so does one touching a letter (it has its core).
# (A tester's grey seal's ring letters were darkest at 78-88, the print's at 0-30: inside a
# seal's ring the bar is lower.) A photo's print is not evenly dark: its shaded letters are
# lighter than that, and stay; so does red print in grey outside a ring.
LIGHT_INK_LEAST, LIGHT_INK_MARGIN = 70, 40
LIGHT_INK_LEAST_PHOTO = 90
_LIGHT_PIECE_IN2 = 0.0025
# a piece of ink this wide and tall at least (inches) is a seal's size, and in it a pixel this
# pale, farther than a letter's edge from a letter's core, is the seal's
_SEAL_PIECE_IN = 0.6
_PALE_IN_SEAL = 75
_LETTER_HEIGHT_IN = (0.04, 0.25)
# letters enough to tell the print's darkness by (outside any seal), else on a signing page
_LETTERS_TO_TELL, _SIGNING_PAGE_LETTERS = 50, 20
# a seal with the signature run into it spans this many seal sizes at most (a table's grid more)
_SEAL_AND_SIGNATURE = 4


def drop_light_ink(grey: np.ndarray, dpi: float, photographed: bool = False) -> tuple[np.ndarray, float]:
    """(page, share dropped): on a grey page of dark print, the pieces of ink with no dark core
    (a seal, a signature, a stamp scanned in grey) turned to paper."""
    ink = (grey < 200).view(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return grey, 0.0
    inked = labels > 0
    darkest = np.full(n, 255, np.int32)
    np.minimum.at(darkest, labels[inked], grey[inked].astype(np.int32))
    heights = stats[:, cv2.CC_STAT_HEIGHT] / dpi
    letters = (np.arange(n) > 0) & (heights >= _LETTER_HEIGHT_IN[0]) & (heights <= _LETTER_HEIGHT_IN[1]) \
        & (stats[:, cv2.CC_STAT_WIDTH] / dpi <= 0.4)
    # the print's letters, not a seal's: its ring's letters are letters' size and pale, and on a
    # short signing page half the letters (a tester's grey scans: the 90th percentile was theirs,
    # 91, and the seal stayed). They stand inside the box of a seal-sized piece, its ring.
    # A page of little but the signing block has few letters outside it: there, the darker
    # quarter of all its letters is the print's.
    seal_px = _SEAL_PIECE_IN * dpi
    every = letters.copy()
    in_ring = np.zeros(n, bool)  # the pieces standing inside a seal's ring
    cx, cy = stats[:, 0] + stats[:, 2] / 2, stats[:, 1] + stats[:, 3] / 2
    for i in np.flatnonzero((stats[:, cv2.CC_STAT_WIDTH] >= seal_px) & (stats[:, cv2.CC_STAT_HEIGHT] >= seal_px)
                            & (stats[:, cv2.CC_STAT_WIDTH] <= _SEAL_AND_SIGNATURE * seal_px)
                            & (stats[:, cv2.CC_STAT_HEIGHT] <= _SEAL_AND_SIGNATURE * seal_px)):
        if i == 0:
            continue
        x, y, w, h = stats[i, :4]
        in_ring |= (cx >= x) & (cx <= x + w) & (cy >= y) & (cy <= y + h)
    letters &= ~in_ring
    if letters.sum() >= _LETTERS_TO_TELL:
        core = float(np.percentile(darkest[letters], 90))
    elif every.sum() >= _SIGNING_PAGE_LETTERS:
        core = float(np.percentile(darkest[every], 25))
    else:
        return grey, 0.0
    if core >= DARK_PRINT_CORE:
        return grey, 0.0  # faded toner, a low-resolution scan: its letters are light too
    # a seal's own letters may be as dark as red print in grey (`ĐẢNG CỘNG SẢN VIỆT NAM`, `HỎA
    # TỐC` at 82-88): the lower bar holds only inside a ring, and never on a photo
    least = np.where(in_ring & (not photographed), LIGHT_INK_LEAST, LIGHT_INK_LEAST_PHOTO)
    light = (darkest >= np.maximum(least, core + LIGHT_INK_MARGIN)) \
        & (stats[:, cv2.CC_STAT_AREA] >= _LIGHT_PIECE_IN2 * dpi * dpi)
    light[0] = False
    gone = light[labels]
    # a seal's ring and star run into the title and the signature: one piece with their black
    # letters. In a piece a seal's size, the pale pixels away from any letter's core go
    seal_px = _SEAL_PIECE_IN * dpi
    near = max(2, int(round(dpi / 100)))
    kernel = np.ones((2 * near + 1, 2 * near + 1), np.uint8)
    for i in np.flatnonzero((stats[:, cv2.CC_STAT_WIDTH] >= seal_px) & (stats[:, cv2.CC_STAT_HEIGHT] >= seal_px)):
        if i == 0 or light[i]:
            continue
        x, y, w, h = stats[i, :4]
        piece = labels[y:y + h, x:x + w] == i
        page = grey[y:y + h, x:x + w]
        cores = cv2.dilate((piece & (page < DARK_PRINT_CORE)).view(np.uint8), kernel).view(bool)
        gone[y:y + h, x:x + w] |= piece & (page >= _PALE_IN_SEAL) & ~cores
    # a table's rules are thin and pale on a scan, with no dark core, and the letters in its
    # cells are joined to them: a straight thin run stays (a seal's ring is curved, its band
    # thick where it runs flat)
    gone &= ~_thin_straight_runs(ink.view(bool), dpi)
    if not gone.any():
        return grey, 0.0
    # the pieces' soft edges (paler than the ink mask took) would stay as a grey outline
    halo = cv2.dilate(gone.view(np.uint8), np.ones((5, 5), np.uint8)).view(bool) & (grey >= 150)
    return np.where(gone | halo, np.uint8(255), grey).astype(np.uint8), float(gone.mean())


# a rule: a straight run this long (inches) and no thicker than this
_RUN_IN, _RUN_THICK_IN = 0.4, 0.02


def _thin_straight_runs(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The pixels of ink in long, thin, straight horizontal or vertical runs (rules), a pixel
    round them too."""
    length, thick = max(3, int(_RUN_IN * dpi)), max(2, int(round(_RUN_THICK_IN * dpi)) + 1)
    mask = ink.view(np.uint8)
    out = np.zeros(ink.shape, np.uint8)
    for run_kernel, across, step in (((1, length), (thick, 1), (3, 1)), ((length, 1), (1, thick), (1, 3))):
        # a scan's skew steps a rule a pixel aside every so often: the run is followed across
        # its steps, then kept to its own ink
        runs = cv2.morphologyEx(cv2.dilate(mask, np.ones(step, np.uint8)), cv2.MORPH_OPEN,
                                np.ones(run_kernel, np.uint8)) & mask
        # what survives a cut across thicker than a rule is a band, not a rule
        bands = cv2.dilate(cv2.erode(runs, np.ones(across, np.uint8)), np.ones(across, np.uint8))
        out |= runs & ~bands
    return cv2.dilate(out, np.ones((3, 3), np.uint8)).view(bool)


def find_page(grey: np.ndarray) -> np.ndarray | None:
    """The sheet's four corners (TL, TR, BR, BL, pixels) when the image is a photo of a page
    lying on something darker; None when the page fills the image (a scan)."""
    h, w = grey.shape
    factor = 600.0 / max(h, w)
    small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    factor = min(factor, 1.0)
    blur = cv2.GaussianBlur(small, (7, 7), 0)
    _, paper = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    # text is dark on the paper: close it so the sheet is one bright blob
    paper = cv2.morphologyEx(paper, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(paper, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    sheet = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(sheet) / (small.shape[0] * small.shape[1])
    if not 0.25 <= area <= 0.93:
        return None  # nothing around the page (a scan), or no page at all
    quad = cv2.approxPolyDP(cv2.convexHull(sheet), 0.02 * cv2.arcLength(sheet, True), True)
    if len(quad) != 4:
        return None
    pts = quad.reshape(4, 2).astype(np.float32) / factor
    return order_corners(pts)


def order_corners(pts: np.ndarray) -> np.ndarray:
    """Four points as TL, TR, BR, BL."""
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array([pts[np.argmin(s)], pts[np.argmin(d)], pts[np.argmax(s)], pts[np.argmax(d)]], np.float32)


A4_ASPECT = 297 / 210


def straighten(grey: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """The sheet cut out and seen square-on (perspective undone), at the resolution its
    wider edge had in the photo."""
    tl, tr, br, bl = corners
    width = int(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl)))
    height = int(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr)))
    # Seen from the side, the sheet's proportions are lost; administrative documents are
    # A4 (Decree 30/2020), so a sheet that looks roughly A4 is made A4 again.
    if 1.1 < height / max(width, 1) < 1.75:
        height = int(round(width * A4_ASPECT))
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(grey, matrix, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


def is_binary(grey: np.ndarray) -> bool:
    """A one-bit page (photocopy, fax) or one as flat: nearly every pixel black or white,
    the few greys being the edges of letters (resampling smooths them)."""
    sample = grey[::4, ::4]
    return float(((sample < 30) | (sample > 225)).mean()) > 0.92


def clear_dark_borders(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """(page, share whitened): the black bands a copier or scanner prints where it saw past
    the sheet, painted white. They touch the image edge and are far thicker than any
    letter; text never is both."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # open away the letters so only solid areas remain
    k = max(3, int(dpi * 0.04))
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    # a band touches the edge: with no solid ink on the edge rows and columns there is none,
    # and labelling the page (most of this function's time) is skipped
    if not (solid[0].any() or solid[-1].any() or solid[:, 0].any() or solid[:, -1].any()):
        return grey, 0.0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(solid, connectivity=8)
    h, w = grey.shape
    band = np.zeros(count, bool)
    for i in range(1, count):
        x, y, cw, ch = (int(v) for v in stats[i, :4])
        touches = x == 0 or y == 0 or x + cw >= w or y + ch >= h
        band[i] = touches and stats[i, cv2.CC_STAT_AREA] > 0.002 * h * w
    if not band.any():
        return grey, 0.0
    mask = cv2.dilate(band[labels].astype(np.uint8), np.ones((k, k), np.uint8)) > 0
    out = grey.copy()
    out[mask] = 255
    return out, float(mask.mean())


# A blot of toner holds a solid core at least this large (share of the page: about 11 mm
# square at any resolution); a seal's star, a bold title's letters, a signature hold none.
_BLOT_CORE = 0.002


def clear_toner_blots(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """(page, share whitened): the blots and smears a worn copier leaves inside the page,
    painted white piece by piece. Letters printed over a blot are lost with it; letters
    that kept a white rim around them are separate pieces and stay. Without this
    Tesseract takes the page round a blot for a picture and reads nothing of it."""
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    k = max(3, int(dpi * 0.04))
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((k, k), np.uint8))
    h, w = grey.shape
    least = _BLOT_CORE * h * w
    if cv2.countNonZero(solid) < least:
        return grey, 0.0
    count, labels = cv2.connectedComponents(ink, connectivity=8)
    core = np.bincount(labels[solid > 0], minlength=count)
    blot = core >= least
    blot[0] = False
    if not blot.any():
        return grey, 0.0
    mask = blot[labels]
    out = grey.copy()
    out[mask] = 255
    return out, float(mask.mean())


# A copier's grey haze: one-bit dots strewn thick over part of the page, each a few pixels.
# A dot is a piece of ink no larger than this (inches square: 3 x 3 pixels at 300 dpi) ...
_HAZE_DOT_IN = 0.012
# ... haze is where dots cover this share of the paper round about (clean paper and a
# photocopy's scattered toner specks: well under 1%; augraphy's dirty-drum haze: 1-10%) ...
_HAZE_DENSITY = 0.01
# ... and ink covers this share of it (lines of text cover 10-15%, a bold title line ~25%).
# A light haze (augraphy's, 4% of the paper inked) is read as well as it is: evened out, its
# thin letters went with it. Under a dark one (40%) Tesseract read nothing of a header.
_HAZE_INK = 0.3
# Both are measured over a window this wide (inches): some lines of text.
_HAZE_WINDOW_IN = 0.4
# A patch of haze smaller than this (square inches) is a smudge, not worth evening out ...
_HAZE_LEAST_AREA = 1.0
# ... and one not this broad anywhere (inches) a strip along an edge
_HAZE_LEAST_WIDTH_IN = 1.0


def clear_toner_haze(grey: np.ndarray, dpi: float) -> tuple[np.ndarray, float]:
    """(page, share evened): where a copier laid a dark haze of dots over the page, each pixel
    taken as ink only where most of a small window round it is ink.

    Under the haze Tesseract sees letters in a field of dots and reads nothing (a header
    lost whole). A letter's stroke is solid ink several pixels wide, the haze at most half
    ink: a box blur about a stroke wide, thresholded dark, keeps the first and drops the
    second. Elsewhere the page is left as it was: the blur thins hairlines.

    Where the haze is is worked out on a copy an eighth as large (the patches are inches
    across): at full size the broad kernels cost seconds a page."""
    ink = (grey < 128).view(np.uint8)
    h, w = grey.shape
    f = 8
    sh, sw = max(h // f, 1), max(w // f, 1)
    win = int(_HAZE_WINDOW_IN * dpi / f) | 1
    inked = cv2.blur(cv2.resize(ink.astype(np.float32), (sw, sh), interpolation=cv2.INTER_AREA), (win, win))
    core = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (int(_HAZE_LEAST_WIDTH_IN * dpi / f) | 1,) * 2)
    # a page with no broad patch this inked has no dark haze: most pages stop here, cheaply
    if not cv2.erode((inked > _HAZE_INK).view(np.uint8), core).any():
        return grey, 0.0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    dot = stats[:, cv2.CC_STAT_AREA] <= max(4, int((_HAZE_DOT_IN * dpi) ** 2))
    dot[0] = False
    dots = cv2.resize(dot[labels].astype(np.float32), (sw, sh), interpolation=cv2.INTER_AREA)
    density = cv2.blur(dots, (win, win))
    haze = ((density > _HAZE_DENSITY) & (inked > _HAZE_INK)).view(np.uint8)
    if cv2.countNonZero(haze) * f * f < _HAZE_LEAST_AREA * dpi * dpi:
        return grey, 0.0
    # a patch that holds text is broad; the dotted fringe of a copier's dark edge or of a torn
    # sheet is a strip, and evening it out (no text there) only moved Tesseract's blocks about
    broad = cv2.erode(haze, core)
    if not broad.any():
        return grey, 0.0
    # the haze is patchy: its holes and the letters inside it are haze too
    close = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (int(0.5 * dpi / f) | 1,) * 2)
    haze = cv2.morphologyEx(haze, cv2.MORPH_CLOSE, close)
    n, patches = cv2.connectedComponents(haze, connectivity=8)
    keep = np.bincount(patches[broad > 0], minlength=n) > 0
    keep[0] = False
    mask = cv2.resize(keep[patches].view(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST) > 0
    k = max(3, int(round(0.023 * dpi)) | 1)  # 7 pixels at 300 dpi: about a stroke's width
    evened = np.where(cv2.blur(grey, (k, k)) < 90, 0, 255).astype(np.uint8)
    out = grey.copy()
    out[mask] = evened[mask]
    return out, float(mask.mean())


# A copier's grain: lone dots of ink no larger than this (inches square: 4 x 4 pixels at 300
# dpi). The dot under `ạ` or `ị` is about as large; see `clear_lone_dots` for when it may go.
_GRAIN_DOT_IN = 0.0134


def ink_outside_dots(grey: np.ndarray, dpi: float) -> np.ndarray:
    """The page's ink (1) without the pieces no larger than a grain's dot: letters, rules,
    seals, the dots that make no text."""
    ink = (grey < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    kept = stats[:, cv2.CC_STAT_AREA] > (_GRAIN_DOT_IN * dpi) ** 2
    kept[0] = False
    return kept[labels].view(np.uint8)


def grain_share(grey: np.ndarray, dpi: float, larger: np.ndarray | None = None) -> float:
    """The share of the page's ink in lone dots: a copier's grain (augraphy's BadPhotoCopy
    over `rd056`: 18 %), against a photocopy's scattered toner specks (3-5 %) and a fax's
    (0.1 %)."""
    ink = cv2.countNonZero((grey < 128).view(np.uint8))
    larger = ink_outside_dots(grey, dpi) if larger is None else larger  # (the caller's, if it has it)
    return 1.0 - cv2.countNonZero(larger) / ink if ink else 0.0


# A copier's stray toner speck on a one-bit copy: a piece of ink this wide at most (inches; two
# pixels at 300 dpi). A letter is at least `_LETTER_IN` tall; a mark of print, or a piece of one a
# hard copy broke, lies over or under its letter within `_MARK_ABOVE` / `_MARK_BELOW` of the
# letter's height, and no further to its side than `_MARK_SIDE_IN`.
_SPECK_IN = 0.0067
_SPECK_LEAST_DPI = 250
_LETTER_IN, _LETTER_MOST_IN = 0.04, 0.5
_MARK_ABOVE, _MARK_BELOW, _MARK_SIDE_IN = 0.6, 0.35, 0.01
# Print whose strokes are thinner than this (inches; 4.8 pixels at 300 dpi): regular weight,
# whose letters a speck's size of ink beside them changes for Tesseract (a second tester's
# copies of a copy: 4.1-4.6 pixels). Bold or dark print is left as it was (our photocopies'
# pages are 2.8-5.2, 86 of 88 under it, once their dark bands are cleared).
_THIN_STROKE_IN = 0.016


def _stroke_width(ink: np.ndarray, labels: np.ndarray, specks: np.ndarray) -> float:
    """The print's mean stroke width in pixels: twice its ink over its edge (a stroke w wide and
    L long has w*L pixels and 2*L on its edges), the specks left out."""
    letters = (ink > 0) & ~specks[labels]
    inner = cv2.erode(letters.view(np.uint8), cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3)))
    area = int(cv2.countNonZero(letters.view(np.uint8)))
    edge = area - int(cv2.countNonZero(inner))
    return 2 * area / edge if edge else 0.0


def clear_stray_specks(grey: np.ndarray, dpi: float, scan_dpi: float | None = None) -> tuple[np.ndarray, int]:
    """(page, pieces cleared): on a one-bit page of 250 dpi or more, the pieces of ink no larger
    than a toner speck made paper unless they lie where a letter's mark would (over or under a
    letter). A copy of a copy strews thousands of specks among the lines; Tesseract read `ngài`
    for `ngày`, glued specks to names and lost whole header lines (a fresh-eyes tester's
    two-generation copies). Clearing every small piece cost our own photocopies their marks,
    which a hard copy breaks into pieces a speck's size (OCR 104, measured and reverted).
    `scan_dpi`, where known, is the scan's own resolution: a fax's rows at 100 dpi, rendered at
    300, make one pixel of a mark a speck's size, and nothing is cleared there."""
    if min(dpi, scan_dpi or dpi) < _SPECK_LEAST_DPI:
        return grey, 0
    ink = (grey < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    x, y, w, h, area = (stats[:, i] for i in range(5))
    small = area <= (_SPECK_IN * dpi) ** 2
    small[0] = False
    if not small.any() or _stroke_width(ink, labels, small) >= _THIN_STROKE_IN * dpi:
        return grey, 0
    letter = (h >= _LETTER_IN * dpi) & (h <= _LETTER_MOST_IN * dpi)
    letter[0] = False
    marks = np.zeros(grey.shape, np.uint8)
    side, (rows, cols) = int(round(_MARK_SIDE_IN * dpi)), grey.shape
    for i in np.flatnonzero(letter):
        marks[max(0, y[i] - int(_MARK_ABOVE * h[i])):min(rows, y[i] + h[i] + int(_MARK_BELOW * h[i])),
              max(0, x[i] - side):min(cols, x[i] + w[i] + side)] = 1
    stray = small & (marks[y + h // 2, x + w // 2] == 0)
    if not stray.any():
        return grey, 0
    out = grey.copy()
    out[stray[labels]] = 255
    return out, int(stray.sum())


def clear_lone_dots(grey: np.ndarray, dpi: float) -> np.ndarray:
    """The page with every piece of ink no larger than a grain's dot made paper.

    Where a copier strewed a grain of one-to-four-pixel dots along the text (augraphy's
    BadPhotoCopy), Tesseract takes most of a page for a picture. Cleared everywhere, the grain
    goes, and with it a mark as small as a dot (a small print's `ạ`, `ì`); sparing the dots by a
    letter spared the grain along the letters too, and a header read whole was lost again
    (`rd056`'s augraphy photocopy). So this is no step for every page, only for the reading of
    one Tesseract left mostly unread (ocr.py)."""
    out = grey.copy()
    out[(grey < 128) & (ink_outside_dots(grey, dpi) == 0)] = 255
    return out


def uneven_light(grey: np.ndarray, dpi: float) -> float:
    """How much the paper's brightness varies across the page (0 = even): the spread of the
    background estimate, in grey levels."""
    background = _background(grey, dpi, small=True)
    return float(np.percentile(background, 95) - np.percentile(background, 5))


def _background(grey: np.ndarray, dpi: float, small: bool = False) -> np.ndarray:
    factor = min(1.0, 50.0 / max(dpi, 1.0))
    img = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey
    # text is thin and dark: a closing wider than a letter leaves only the paper
    size = max(3, int(dpi * factor * 0.12) | 1)
    bg = cv2.morphologyEx(img, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    bg = cv2.medianBlur(bg, 5)
    if small:
        return bg
    return cv2.resize(bg, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)


def flatten_light(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Shadows and a lamp's hot spot divided out: the paper evenly white, the ink as dark as
    it was against its own surroundings."""
    bg = _background(grey, dpi).astype(np.float32)
    out = grey.astype(np.float32) / np.maximum(bg, 1.0) * 245.0
    return np.clip(out, 0, 255).astype(np.uint8)


def upscale(grey: np.ndarray, factor: float) -> np.ndarray:
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


# A copier low on toner, or a copy of a copy, prints the letters light grey: their cores ~130-150
# on paper ~235 (a tester's faint copies), where a scan's or a photocopy's print is near black
# (cores under 40) and a phone photo's shaded print under 90. Every threshold after this step (the
# blank-page test, the ink masks, the seal's and the signature's light grey) takes dark ink for
# print: a faint page read as blank, a legible decision refused as no document. Its levels are
# stretched so that its print is as dark as a scan's.
# Not lighter than FAINT_CORE_MOST: a blank back page's show-through (mirrored print at 175-190)
# is no print to read; nor where "ink" covers more than FAINT_MOST_INK of the page: a grey-shaded
# box or a photo, whose print inside would go black with the shade (a reviewer's).
FAINT_CORE, FAINT_CORE_MOST = 100, 165
_FAINT_BELOW_PAPER = 40  # ink: this much darker than the paper at least
_FAINT_LEAST_INK = 0.002  # and this share of the page, or there is too little to tell its darkness by
_FAINT_MOST_INK = 0.25
_STRETCHED_CORE = 20.0


def faint_print_core(grey: np.ndarray) -> float | None:
    """The grey level of a faint page's ink cores (the 5th percentile of its ink), when they are
    lighter than FAINT_CORE (and not past FAINT_CORE_MOST); None for print of an ordinary
    darkness, too little ink, or so much that it is a shade or a picture."""
    sample = grey[::4, ::4]
    paper = float(np.percentile(sample, 75))
    ink = sample[sample < paper - _FAINT_BELOW_PAPER]
    if not _FAINT_LEAST_INK * sample.size <= ink.size <= _FAINT_MOST_INK * sample.size:
        return None
    core = float(np.percentile(ink, 5))
    return core if FAINT_CORE < core <= FAINT_CORE_MOST else None


def darken_faint_print(grey: np.ndarray) -> tuple[np.ndarray, float | None]:
    """(page, its print's core level before, or None): a faint page's levels stretched, its ink
    cores to near black and its paper to white; any other page as it was."""
    core = faint_print_core(grey)
    if core is None:
        return grey, None
    paper = float(np.percentile(grey[::4, ::4], 75))
    levels = (np.arange(256, dtype=np.float32) - core) * ((245.0 - _STRETCHED_CORE) / max(paper - core, 1.0))
    lut = np.clip(levels + _STRETCHED_CORE, 0, 255).astype(np.uint8)
    return cv2.LUT(grey, lut), core


# A copier short of toner prints a stroke as grains with paper between them, not as a line:
# Tesseract's own threshold then sees dots, and whole paragraphs of a legible faint copy were
# lost (a tester's faint copies: 0.59 of the words read; joined first, 0.84). Such print breaks
# into specks when thresholded: on those copies 36-58 % of a page's pieces of ink were specks
# (4 pixels at 200 dpi or less), on evenly faint print 0-20 % (small print at 200 dpi the most).
# Only there are the grains joined: a blur costs small solid print its marks (a reviewer's 6-7
# pt lines at 300 dpi: 0.80 of words read, blurred 0.56).
GRAINY_SPECKS = 0.3
_SPECK_IN2 = 4 / 200.0 ** 2
# A Gaussian this wide (inches: 1.1 pixels at 200 dpi) joins the grains into their stroke and
# keeps the strokes of a letter apart (wider joined no more: 0.84).
FAINT_TONER_SIGMA_IN = 0.0055


def speck_share(grey: np.ndarray, dpi: float) -> float:
    """The share of a page's pieces of ink (darker than mid-grey) that are specks."""
    n, _, stats, _ = cv2.connectedComponentsWithStats((grey < 128).view(np.uint8), connectivity=8)
    if n <= 1:
        return 0.0
    return float((stats[1:, cv2.CC_STAT_AREA] <= max(1.0, _SPECK_IN2 * dpi * dpi)).mean())


def join_toner_grains(grey: np.ndarray, dpi: float) -> np.ndarray:
    """A faint page's grains of toner joined into the strokes they print."""
    return cv2.GaussianBlur(grey, (0, 0), FAINT_TONER_SIGMA_IN * dpi)
