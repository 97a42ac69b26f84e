"""Ink the page reading left without words (a seal and the name beside it taken for one
picture) found, cut into regions and lines of letters, and read again alone.

Its own part because it is image work on what is left once the words are cut out (pieces
larger than a letter, lines by their cores, a waved line flattened) that the page's run
does not do; a name line under a ring borrows its line cutting (letter_lines, line_alone).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

import cv2
import numpy as np

from dispatch_reader.ingest.numberline import labelled_number
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.signing import listed_signing_line, signing_part
from dispatch_reader.ingest.tessread import BORDER, Deadline, overlaps, run_psm, tsv_words, write
from dispatch_reader.ingest.vietnamese import EDGE_PUNCT, is_syllable, spelled_as_a_name
from dispatch_reader.textnorm import fold

# Ink the page reading left without words: a region at least this large (inches) is read
# again on its own. Smaller leftovers are specks, rules' ends, stray strokes.
_UNREAD_MIN_IN = 0.25
_UNREAD_MAX_REGIONS = 4
# words taken from such a region must be read this surely (a seal's ring or a signature's
# strokes read as letters come out far below it)
_UNREAD_MIN_CONF = 0.7
# a figure on a line with such words: a scrap is no longer feared there, and Tesseract is less
# sure of figures beside a comma (`2026,` at 0.69 on a clean line)
_UNREAD_FIGURE_MIN_CONF = 0.5
# a syllable on a line with two such words
_UNREAD_BESIDE_MIN_CONF = 0.4
# a page word read below this is a scrap: a region's sure words read over it replace it
_UNREAD_SCRAP_CONF = 0.5
# a region larger than this share of the page is a page read badly, not a block missed
_UNREAD_MAX_SHARE = 0.15


def _leftover_ink(grey: np.ndarray, words: list[Word], scale: float) -> np.ndarray:
    """0/1 ink of the page with every word's box (and a little round it), the page's edge and
    the specks cut out: what the page reading left unread."""
    dpi = 72.0 / scale
    # a photocopy's toner specks, strewn over the page, would join every region into one once
    # dilated (one larger than a block missed, passed over): a 3x3 median takes them, and
    # leaves strokes two pixels wide or more
    ink = cv2.medianBlur((grey < 128).view(np.uint8), 3)
    h, w = ink.shape
    pad = max(2, int(0.03 * dpi))
    for word in words:
        x0, y0 = max(int(word.x0 / scale) - pad, 0), max(int(word.top / scale) - pad, 0)
        ink[y0:int(word.bottom / scale) + pad, x0:int(word.x1 / scale) + pad] = 0
    # leave the page's edge alone: copier bands and punch holes, not text
    margin = int(0.3 * dpi)
    ink[:margin, :] = 0
    ink[h - margin:, :] = 0
    ink[:, :margin] = 0
    ink[:, w - margin:] = 0
    _drop_stray_specks(ink, dpi)
    return ink


# a speck is at most this tall and wide (inches): a copier's grain, a mark over a letter, a dot;
# one this far (inches) from any larger piece is stray
_SPECK_MAX_IN = 0.03
_SPECK_NEAR_IN = 0.08


def _drop_stray_specks(ink: np.ndarray, dpi: float) -> None:
    """Paint out (in place) the specks of a 0/1 image that lie far from any larger piece.

    A photocopy's grey background comes out of binarisation as grain that the median leaves in
    clusters; dilated, it joined a clean line left unread (`CHÍNH PHỦ`, on an augraphy copy
    whose background was speckled) into a sparse blob passed over as a haze. Marks and dots
    stand near their letters and stay.

    Worked box by box (_ink_boxes, boxes more than `near` apart, so no speck is near a piece of
    another box): the leftover ink of most pages is a little, and labelling the page whole cost
    ~47 ms on a page read whole (box by box, 0.5 ms)."""
    near = max(1, int(_SPECK_NEAR_IN * dpi))
    most = _SPECK_MAX_IN * dpi
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * near + 1, 2 * near + 1))
    for y0, y1, x0, x1 in _ink_boxes(ink, near, near):
        box = ink[y0:y1, x0:x1]
        if y1 - y0 <= most and x1 - x0 <= most:
            box[:] = 0  # a speck alone
            continue
        _, labels, stats, _ = cv2.connectedComponentsWithStats(box, connectivity=8)
        small = (stats[:, cv2.CC_STAT_HEIGHT] <= most) & (stats[:, cv2.CC_STAT_WIDTH] <= most)
        small[0] = False
        if not small.any():
            continue
        if small[1:].all():
            box[:] = 0  # grain only
            continue
        specks = small[labels]
        larger = cv2.dilate((box.astype(bool) & ~specks).view(np.uint8), kernel)
        box[specks & (larger == 0)] = 0


def _unread_regions(grey: np.ndarray, words: list[Word], scale: float) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of ink that no word of the page reading covers, largest first.

    Tesseract's page segmentation takes a black seal with the signer's title and name beside
    it for one picture and reads none of it; on a photocopy the whole signing block can go.

    What is left once the words are cut out is a little ink scattered over a blank page. It is
    taken in boxes (_ink_boxes) and only a box that can hold what is looked for is labelled:
    labelling the page whole cost ~50 ms a time, mostly on blank pixels. The regions are the
    same as the page's own labelling gives.
    """
    dpi = 72.0 / scale
    ink = _leftover_ink(grey, words, scale)
    h, w = ink.shape
    # A copier's streak or a seal's ring alone is nothing to read: pieces larger than a letter
    # go. A box no larger than a letter holds none.
    tall, wide = _LETTER_MAX_IN[0] * dpi, _LETTER_MAX_IN[1] * dpi
    for y0, y1, x0, x1 in _ink_boxes(ink, 1, 1):
        if y1 - y0 > tall or x1 - x0 > wide:
            _drop_larger_than_letters(ink[y0:y1, x0:x1], dpi)
    join = max(3, int(0.12 * dpi))
    kx, ky = join * 2, join
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (kx, ky))
    least = _UNREAD_MIN_IN * dpi
    regions = []
    # Ink more than twice the kernel's size apart cannot meet once dilated (each piece grows by
    # less than the kernel's size): each box is dilated alone, with room round it for all it
    # grows into, and gives the blobs the page dilated whole would. A box too small once grown
    # to hold a region is passed over.
    for y0, y1, x0, x1 in _ink_boxes(ink, 2 * ky, 2 * kx):
        if x1 - x0 + kx - 1 < least or y1 - y0 + ky - 1 < least / 2:
            continue
        # nor one with too little ink: a region needs 2% of its box inked (below), its box is at
        # least least x least/2, and all the ink inside it is this box's (1 spare for rounding)
        if cv2.countNonZero(ink[y0:y1, x0:x1]) < 0.02 * least * (least / 2) - 1:
            continue
        top, left = max(y0 - ky, 0), max(x0 - kx, 0)
        blobs = cv2.dilate(ink[top:min(y1 + ky, h), left:min(x1 + kx, w)], kernel)
        for x, y, bw, bh in _blob_boxes(blobs, least, least / 2):
            x, y = x + left, y + top  # np.int32 still, as the page's own labels gave
            if ink[y:y + bh, x:x + bw].sum() < 0.02 * bw * bh:
                continue  # a faint haze of specks
            if bw * bh > _UNREAD_MAX_SHARE * w * h:
                continue  # not a block the page reading missed but a page it read badly
            regions.append((x, y, x + bw, y + bh))
    # joined before the largest are taken: the pieces of a name a ring cut are small ones
    joined = [((x1 - x0) * (y1 - y0), (x0, y0, x1, y1)) for x0, y0, x1, y1 in _joined_along_lines(regions, dpi)]
    joined = [(area, box) for area, box in joined if area <= _UNREAD_MAX_SHARE * w * h]
    joined.sort(reverse=True)
    return [box for _, box in joined[:_UNREAD_MAX_REGIONS]]


def _blob_boxes(blobs: np.ndarray, least_w: float, least_h: float) -> np.ndarray:
    """x, y, width, height (np.int32, as connectedComponentsWithStats gives them) of the
    pieces (8-connected) of a 0/1 image at least least_w wide and least_h tall.

    From the pieces' outer borders (findContours: at the top level of RETR_CCOMP, one border
    for each piece, a piece inside another's hole included), not from labelling with stats:
    on a dilated block that cost ~15x as much, for the statistics of every pixel."""
    contours, hierarchy = cv2.findContours(blobs, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    boxes = np.array([cv2.boundingRect(c) for c, (_, _, _, parent) in zip(contours, hierarchy[0] if contours else [])
                      if parent < 0], dtype=np.int32).reshape(-1, 4)
    return boxes[(boxes[:, 2] >= least_w) & (boxes[:, 3] >= least_h)]


def _ink_boxes(ink: np.ndarray, gap_y: int, gap_x: int) -> list[tuple[int, int, int, int]]:
    """Boxes (y0, y1, x0, x1; ends excluded) holding all the ink of a 0/1 image, ink in two
    boxes more than gap_y rows or gap_x columns apart: runs of rows with ink (runs no further
    apart taken as one), each split likewise into runs of columns. A piece of ink (8-connected)
    crosses no blank row or column, so none spans two boxes."""
    out = []
    for y0, y1 in _runs(cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel(), gap_y):
        for x0, x1 in _runs(cv2.reduce(ink[y0:y1], 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel(), gap_x):
            out.append((y0, y1, x0, x1))
    return out


def _runs(counts: np.ndarray, gap: int) -> list[tuple[int, int]]:
    """(start, end excluded) of the runs of non-zero counts, runs no more than `gap` apart
    (the next starting at most `gap` after the last non-zero) taken as one."""
    at = counts.nonzero()[0]
    if not len(at):
        return []
    cuts = (at[1:] - at[:-1] > gap).nonzero()[0]
    return list(zip([at[0].item(), *at[cuts + 1].tolist()], [*(at[cuts] + 1).tolist(), at[-1].item() + 1]))


# a letter (with its marks) is at most this tall and wide, in inches; larger ink is a seal's
# ring, its star, a signature's stroke
_LETTER_MAX_IN = (0.25, 0.6)


def larger_than_letters(ink: np.ndarray, dpi: float) -> np.ndarray:
    """Mask of the pieces of ink (0/1 image) larger than a letter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # a lookup by label, not np.isin (which sorts the whole page's labels): the same mask
    return _big(stats, dpi)[labels]


def _drop_larger_than_letters(ink: np.ndarray, dpi: float) -> None:
    """Paint out (in place) the pieces of ink (0/1 image) larger than a letter."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = _big(stats, dpi)
    if big.any():  # most bands hold letters and specks only: no lookup over their labels
        ink[big[labels]] = 0


def _big(stats: np.ndarray, dpi: float) -> np.ndarray:
    """Which labels (connectedComponentsWithStats' stats) are pieces larger than a letter."""
    tall, wide = (_LETTER_MAX_IN[0] * dpi, _LETTER_MAX_IN[1] * dpi)
    big = (stats[:, cv2.CC_STAT_HEIGHT] > tall) | (stats[:, cv2.CC_STAT_WIDTH] > wide)
    big[0] = False  # the background
    return big


def _letters_only(crop: np.ndarray, dpi: float, big: np.ndarray | None = None) -> np.ndarray:
    """The crop with every piece of ink larger than a letter (`big`, when its mask is known)
    painted white, in a white border.

    Read as it is, a seal's ring and a signature's strokes make Tesseract take the whole
    region for a picture; without them the name beneath is read."""
    out = crop.copy()
    out[larger_than_letters((crop < 128).view(np.uint8), dpi) if big is None else big] = 255
    return _with_border(out)


def _with_border(crop: np.ndarray) -> np.ndarray:
    return cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)


def _touch(a: Word, b: Word) -> bool:
    return min(a.x1, b.x1) > max(a.x0, b.x0) and min(a.bottom, b.bottom) > max(a.top, b.top)


def read_unread_ink(grey: np.ndarray, words: list[Word], keys: list[tuple[int, int, int]], scale: float,
                    settings: IngestSettings, deadline: Deadline, tmp: str,
                    listed: list[tuple[str, str]] | None = None) -> tuple[list[Word], list[tuple[int, int, int]], int]:
    """Read again, alone, each region of ink the page reading left without words, and add the
    words read surely there. Returns the words, their line keys and how many words were added;
    a signing-block line taken as its listed wording (signing.py) is added to `listed` as read
    and as taken (`=-#HỦ TICH`, `CHỦ TỊCH`)."""
    out_words, out_keys = list(words), list(keys)
    added = 0
    for n, (x0, y0, x1, y1) in enumerate(_unread_regions(grey, words, scale)):
        margin = int(0.05 * 72.0 / scale)
        bx0, by0 = max(x0 - margin, 0), max(y0 - margin, 0)
        region = grey[by0:y1 + margin, bx0:x1 + margin]
        # the region's ink larger than a letter, labelled once: painted out for the region's
        # reading, and kept where it crosses a line's core for the line read alone
        big = larger_than_letters((region < 128).view(np.uint8), 72.0 / scale)
        crop = _letters_only(region, 72.0 / scale, big)
        data = run_psm(write(crop, tmp, "unread"), settings, deadline, 3)
        found, found_keys = tsv_words(data, scale)
        taken = _sure_new_words(found, found_keys, (bx0 - BORDER) * scale, (by0 - BORDER) * scale,
                                20_000 + n * 1000, out_words)
        if len(taken) < 2:
            taken = []  # a name or a title is two words at least; one is a scrap
        # the lines of the region no word covers, the page reading's or the region's: Tesseract's
        # layout read nothing sure there (on a real photocopy's signing block it said "Empty
        # page", ring painted out or not; on a speckled one it read `NGHỊ QUYẾT` and skipped the
        # clean `Hà Nội, ngày …` above it). Each is read alone, as printed: a name whose letters
        # touch the ring lost them with it in `crop` (`Hồ  c Phớc`). At most 8 lines of 4
        # regions, on damaged pages.
        read = [w for w, _ in taken] + out_words
        lines = [line for line in letter_lines(region, 72.0 / scale) if not _line_taken(line, read, bx0, by0, scale)]
        if lines and deadline.left() > _LINES_LEAST_TIME_S:
            for i, line in enumerate(lines):
                alone = line_alone(region, big, line, 72.0 / scale)
                sure = []
                # the region's words on this line: a line read alone more surely replaces them
                # (`V/v cử công chức tăng cường` read whole, where the region's layout read four
                # scraps of it; both kept, the line came out twice, interleaved)
                on_line = {j for j, (w, _) in enumerate(taken) if _on_line(w, line, bx0, by0, scale)}
                region_words = [w for j, (w, _) in enumerate(taken) if j not in on_line]
                # as printed; then, on a photo of a curled sheet, with its waves flattened
                # (`Giàng seo Phử` with `seo` sunk under the line read as nothing at all)
                for band in (alone, _flattened(alone, 72.0 / scale)):
                    if band is None or len(sure) >= 2:
                        continue
                    found, found_keys = tsv_words(run_psm(write(_with_border(band), tmp, "unread-line"), settings,
                                                          deadline, 7), scale)
                    dx, dy = (bx0 + line[4] - BORDER) * scale, (by0 + line[2] - BORDER) * scale
                    block = 20_000 + n * 1000 + 100 + i
                    known = out_words + region_words
                    sure = _sure_new_words(found, found_keys, dx, dy, block, known)
                    # a title under a black seal: too few of its words sure, the whole reading
                    # near its listed wording (`=-#HỦ(4) TICH(80)` for `CHỦ TỊCH`); in the
                    # signing block only (the lower half, or a short page), never the issuer's
                    # `ỦY BAN NHÂN DÂN` under a receiving stamp at the top
                    wording = _listed_line(found, dx, dy, block, known) \
                        if signing_part(by0 + line[2], grey.shape[0], keys) else None
                    if wording is not None and len(wording) > len(sure):
                        sure = wording
                        if listed is not None:
                            listed.append((" ".join(w.text for w in found), " ".join(w.text for w, _ in sure)))
                if len(sure) >= 2:  # two words at least, or a scrap of a ring's letters
                    # word by word: a region's word the line's reading of it beats goes (a
                    # reviewer's: `Nguyễn` read `Ngyễn` or `Nguyen` alone is kept as it was)
                    beaten = {j for j in on_line if any(overlaps(w, taken[j][0]) and _reads_better(w, taken[j][0])
                                                        for w, _ in sure)}
                    kept = [taken[j][0] for j in on_line if j not in beaten]
                    taken = [t for j, t in enumerate(taken) if j not in beaten] + \
                        [t for t in sure if not any(overlaps(t[0], w) for w in kept)]
        if len(taken) < 2:
            continue  # a name or a title is two words at least; one is a scrap
        # the page reading's scraps that the region's words were read over go (`bs 07/2026/TT-1
        # Lae`): two readings of one ink; a scrap's middle in the word's rows, the boxes touching
        # (`bs` shares a third of its box with `Số:`, no more). An unsure word of the line above
        # or below stays.
        kept = [i for i, old in enumerate(out_words)
                if not (_scrap(old) and any(_touch(w, old) and w.top <= (old.top + old.bottom) / 2 <= w.bottom
                                            for w, _ in taken))]
        out_words, out_keys = [out_words[i] for i in kept], [out_keys[i] for i in kept]
        out_words.extend(w for w, _ in taken)
        out_keys.extend(k for _, k in taken)
        added += len(taken)
    return out_words, out_keys, added


# regions on one line this near (inches) are one: what came between them went as ink larger
# than a letter
_LINE_GAP_IN = 0.6


def _joined_along_lines(regions: list[tuple[int, int, int, int]], dpi: float) -> list[tuple[int, int, int, int]]:
    """The regions, those side by side on one line (sharing half the taller one's height: a
    stamp or a block beside a name is not on its line; less than _LINE_GAP_IN apart) joined
    into one. A seal's ring that runs into `Đức` of `Hồ Đức Phớc` takes the word with it when
    pieces larger than a letter are painted out; `Hồ` and `Phớc` were then two regions of one
    word each, both passed over as scraps."""
    out = list(regions)
    joined = True
    while joined:
        joined = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = out[i], out[j]
                shared = min(ay1, by1) - max(ay0, by0)
                gap = max(ax0, bx0) - min(ax1, bx1)
                if shared >= 0.5 * max(ay1 - ay0, by1 - by0) and gap <= _LINE_GAP_IN * dpi:
                    out[i] = (min(ax0, bx0), min(ay0, by0), max(ax1, bx1), max(ay1, by1))
                    del out[j]
                    joined = True
                    break
            if joined:
                break
    return out


def _reads_better(new: Word, old: Word) -> bool:
    """Is `new` a better reading of the ink than `old`: with the same letters, more marks (`tăng`
    over `tang`; never `Nguyen` over `Nguyễn`); other letters only over a scrap, read surely
    (a number read whole, `1587/QD-UBND`, is never replaced by the line's `1587/QD-UBN`)."""
    if fold(new.text) == fold(old.text):
        # (read as surely at least: a speck read as a mark, `Hai` → `Hải` at 0.41, a reviewer's)
        return len(unicodedata.normalize("NFD", new.text)) > len(unicodedata.normalize("NFD", old.text)) \
            and (new.conf or 0.0) >= (old.conf or 0.0)
    return _scrap(old) and (new.conf or 0.0) >= _UNREAD_MIN_CONF and not fold(old.text).startswith(fold(new.text))


def _line_box(line: tuple[int, int, int, int, int, int], bx0: int, by0: int, scale: float
              ) -> tuple[float, float, float, float]:
    """(core top, core bottom, left, right) in page points of a region's line (letter_lines,
    pixels of the region whose corner is bx0, by0)."""
    core_top, core_bottom, _, _, left, right = line
    return (by0 + core_top) * scale, (by0 + core_bottom) * scale, (bx0 + left) * scale, (bx0 + right) * scale


def _on_line(word: Word, line: tuple[int, int, int, int, int, int], bx0: int, by0: int, scale: float) -> bool:
    """Does the word (page points) stand on the region's line: its middle in the line's core,
    within the line's ends?"""
    top, bottom, x0, x1 = _line_box(line, bx0, by0, scale)
    return top <= (word.top + word.bottom) / 2 <= bottom and word.x1 > x0 and word.x0 < x1


def _line_taken(line: tuple[int, int, int, int, int, int], words: list[Word], bx0: int, by0: int,
                scale: float) -> bool:
    """Do words (page points) cover half the width of one of a region's lines (letter_lines,
    pixels of the region whose corner is bx0, by0)? Only the part of a word within the line's
    ends counts: another column's words stand on the same row."""
    top, bottom, x0, x1 = _line_box(line, bx0, by0, scale)
    # a scrap (`bs i Lae` over a stamp's figures) covers nothing: its ink is read again
    covered = sum(max(0.0, min(w.x1, x1) - max(w.x0, x0)) for w in words
                  if top <= (w.top + w.bottom) / 2 <= bottom and not _scrap(w))
    return covered >= 0.5 * (x1 - x0)


def _sure_new_words(found: list[Word], keys: list[tuple[int, int, int]], dx: float, dy: float, block0: int,
                    words: list[Word]) -> list[tuple[Word, tuple[int, int, int]]]:
    """The words of a region's reading worth adding to the page's, placed on the page."""
    taken = []
    # a seal's ring letters and a signature's loops come out as sure-looking scraps
    # (`NGC CC`, `V A`); what is worth adding here is words: Vietnamese syllables, and the
    # figures on a line that holds one (`Hà Nội, ngày 01 tháng 6 năm 2026`, `Số: 141/NQ-CP`)
    placed = [Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf) for w in found]
    # read already: the region's box takes in words around the missed ink. A scrap the page
    # reading made of the same ink is no reading of it (a stamp's handwritten figures over
    # `Số: 07/2026/TT-BNV` read as `bs i Lae` at 0.02-0.41 kept the number out)
    new = [not any(overlaps(w, old) for old in words if not _scrap(old)) for w in placed]
    syllable = [new[i] and (w.conf or 0) >= _UNREAD_MIN_CONF and is_syllable(w.text.strip(EDGE_PUNCT))
                for i, w in enumerate(found)]
    sure_on_line = Counter(key for key, ok in zip(keys, syllable) if ok)
    # a word of another people's name read as surely (`Khlot` of a Khmer name, `Blút` and
    # `Kđăm` of an Ê Đê one: no Vietnamese syllables) on a line with a sure syllable: the
    # ring's letters are capitals, a signature's loops scraps (`spelled_as_a_name`)
    named = [new[i] and not syllable[i] and sure_on_line[keys[i]] > 0 and (w.conf or 0) >= _UNREAD_MIN_CONF
             and spelled_as_a_name(w.text.strip(EDGE_PUNCT)) for i, w in enumerate(found)]
    sure_on_line += Counter(key for key, ok in zip(keys, named) if ok)
    # the header's number line alone (`50; 412/SCT-QLTM`: its label read as figures on a faint
    # copy, no syllable on the line): a whole number read surely after the label
    numbered = {i for i in range(1, len(found)) if keys[i] == keys[i - 1] and new[i] and new[i - 1]
                and (found[i].conf or 0) >= _UNREAD_MIN_CONF and labelled_number(found[i - 1].text, found[i].text)}
    numbered |= {i - 1 for i in numbered}
    for i, (w, (block, par, line)) in enumerate(zip(placed, keys)):
        worded = sure_on_line[(block, par, line)]
        figure = new[i] and worded and (w.conf or 0) >= _UNREAD_FIGURE_MIN_CONF \
            and _FIGURES.match(w.text.strip(EDGE_PUNCT))
        # a syllable beside two sure ones: a fax's lost mark leaves Tesseract unsure of a
        # name's word (`Pham` at 0.45 in `Pham Gia Tuc`), where a ring's scrap stands alone
        beside = new[i] and worded >= 2 and (w.conf or 0) >= _UNREAD_BESIDE_MIN_CONF \
            and is_syllable(w.text.strip(EDGE_PUNCT))
        if syllable[i] or named[i] or figure or beside or i in numbered:
            taken.append((w, (block0 + block, par, line)))
    return taken


def _listed_line(found: list[Word], dx: float, dy: float, block: int,
                 words: list[Word]) -> list[tuple[Word, tuple[int, int, int]]] | None:
    """A line read alone taken as the listed signing-block line it is near (signing.py), placed
    on the page; None where it is none or where the page has sure words over it already."""
    wording = listed_signing_line(found)
    if wording is None:
        return None
    placed = [Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf) for w in wording]
    if any(overlaps(w, old) for w in placed for old in words if not _scrap(old)):
        return None
    return [(w, (block, 1, 1)) for w in placed]


def _scrap(word: Word) -> bool:
    """A page word read too unsurely to stand against a region's sure reading of its ink."""
    return word.conf is not None and word.conf < _UNREAD_SCRAP_CONF


# a number, a date, a document's number: a figure first, then figures, letters and / . - :
_FIGURES = re.compile(r"^\d[\w/.\-–:]*$")


# a line's core (the rows most of its letters fill, marks and tails apart) is this tall at
# least and at most, in inches
_LINE_CORE_IN = (0.04, 0.3)
# how far above and below its core a line's marks and tails reach at most, in inches
_LINE_REACH_IN = 0.08
_UNREAD_MAX_LINES = 8
# seconds of the page's time the line-by-line reading needs left, or it is not begun: it is a
# last try, and running out of time fails the whole page
_LINES_LEAST_TIME_S = 20.0


def letter_lines(region: np.ndarray, dpi: float) -> list[tuple[int, int, int, int, int, int]]:
    """(core top, core bottom, top, bottom, left, right) of the lines of letter-sized ink in a region.

    A line is found by its core, the rows a fifth as inked as the region's fullest row or more
    (marks and tails ink few rows), and reaches out from it to take its marks, halfway to the
    next line at most: the lines of a signing block stand close, `Ủ`'s hook near the line above.
    Pieces larger than a letter (a ring, a signature's stroke) do not count, nor specks; the
    letters a signature's thin stroke joined into such a piece do, cut free of it (`Minh Khải`
    with a stroke through it: the line ended at `Lê Min`)."""
    every = (region < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(every, connectivity=8)
    ink = _letter_sized(stats, dpi)[labels].view(np.uint8)
    # the letters cut free of such a piece take the line's ends out, not its rows: a
    # signature's freed loops would make lines of their own
    pieces = _big(stats, dpi)[labels].view(np.uint8)
    freed = _letter_ink((every > (pieces > _thick_parts(pieces, dpi))).view(np.uint8), dpi) if pieces.any() else ink
    rows = cv2.reduce(ink, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    if not rows.any():
        return []
    # the fullest row of each stretch of inked rows, not the region's: a signing block's short
    # name line under a paragraph's long ones fills a fifth of their rows' ink at most
    strong = np.zeros_like(rows)
    for a, b in _runs(rows, int(0.02 * dpi)):
        stretch = rows[a:b]
        strong[a:b] = np.where(stretch >= 0.2 * stretch.max(), stretch, 0)
    cores = [(top, bottom) for top, bottom in _runs(strong, int(0.02 * dpi))
             if _LINE_CORE_IN[0] * dpi <= bottom - top <= _LINE_CORE_IN[1] * dpi]
    # the lowest lines when there are too many: a signing block's name is its last
    cores = cores[-_UNREAD_MAX_LINES:]
    reach = int(_LINE_REACH_IN * dpi)
    out = []
    for i, (top, bottom) in enumerate(cores):
        above = (top - cores[i - 1][1]) // 2 if i else reach
        below = (cores[i + 1][0] - bottom) // 2 if i + 1 < len(cores) else reach
        cols = cv2.reduce(ink[top:bottom], 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().nonzero()[0]
        left, right = _along_the_core(freed[top:bottom], int(cols[0]), int(cols[-1]) + 1, dpi)
        pad = int(0.03 * dpi)
        out.append((top, bottom, max(top - min(reach, above), 0), bottom + min(reach, below),
                    max(left - pad, 0), min(right + pad, region.shape[1])))
    return out


def _letter_ink(ink: np.ndarray, dpi: float) -> np.ndarray:
    """The 0/1 ink's pieces of a letter's size: no larger, no speck."""
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    return _letter_sized(stats, dpi)[labels].view(np.uint8)


def _letter_sized(stats: np.ndarray, dpi: float) -> np.ndarray:
    """Which labels are pieces of a letter's size: no larger, no speck."""
    letter = ~_big(stats, dpi) & (stats[:, cv2.CC_STAT_AREA] >= max(4, (0.015 * dpi) ** 2))
    letter[0] = False
    return letter


# letters along a line's core no farther than this (inches) from its own go on the line: a
# word gap is about 0.08 in
_ALONG_GAP_IN = 0.1


def _along_the_core(letters: np.ndarray, left: int, right: int, dpi: float) -> tuple[int, int]:
    """A line's ends (its letters' columns `left`..`right`) taken out over the letters that go
    on along its core rows (`letters`: those a signature's stroke joined into a piece larger
    than a letter, cut free of it; `Minh Khải` with the stroke through it ended the line at
    `Lê Min`). A seal ring's side beside the line is no letter and does not take it out."""
    cols = cv2.reduce(letters, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    for start, end in _runs(cols, int(_ALONG_GAP_IN * dpi)):
        if start < right and end > left:
            left, right = min(left, start), max(right, end)
    return left, right


def _thick_parts(pieces: np.ndarray, dpi: float) -> np.ndarray:
    """The 0/1 pieces of ink without their strokes thinner than a pen's (`_THIN_STROKE_IN`)
    from top to bottom: what is left of letters a signature's stroke ran through."""
    return cv2.morphologyEx(pieces, cv2.MORPH_OPEN, np.ones((max(3, int(_THIN_STROKE_IN * dpi)), 1), np.uint8))


# a stroke thinner than this (inches) is a pen's line, not a printed letter's stem or bowl
_THIN_STROKE_IN = 0.02


def line_alone(region: np.ndarray, big: np.ndarray, line: tuple[int, int, int, int, int, int],
               dpi: float) -> np.ndarray:
    """One line of a region (letter_lines) cut out to be read alone: its letters with their
    marks; of the ink larger than a letter (`big`, the region's mask) only what crosses the
    line's core, so a letter touching a seal's ring keeps its strokes while the ring's arc
    above the line goes.

    A signature's stroke drawn through letters joins them into one piece larger than a letter;
    cut where it runs thin, they are letters again, kept whole above and below the core too
    (`Minh Khải` lost the tops of h, K and h with the rest above the core, read `Minn Knal`)."""
    core_top, core_bottom, top, bottom, left, right = line
    crop = region[top:bottom, left:right].copy()
    pieces = (big[top:bottom, left:right] & (crop < 128)).view(np.uint8)
    thick = _thick_parts(pieces, dpi)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(thick, connectivity=8)
    # a letter cut free of the stroke reaches into the core, its marks and tails within the
    # line's reach; the ring's arc cut into pieces above the line does not reach the core, and
    # a signature's loop crossing the line runs on past its reach (cut at the crop's edge)
    in_core = np.zeros(len(stats), dtype=bool)
    in_core[labels[core_top - top:core_bottom - top]] = True
    past = np.zeros(len(stats), dtype=bool)
    past[labels[[0, -1]]] = True
    off = _big(stats, dpi) | ~in_core | past
    off[0] = False  # the background
    away = (pieces > thick) | off[labels]
    away[core_top - top:core_bottom - top] = False
    crop[away] = 255
    return crop


# a line whose ink's middle wanders this much (inches) is waved, not straight: a straight
# line's wanders 0.025 in at most (capitals, marks and tails), a curled sheet's 0.08 in and more
_WAVE_LEAST_IN = 0.04
# the stretch (inches) over which a line's middle is taken to tell a wave: about two syllables;
# it is flattened over half as much
_WAVE_SPAN_IN = 0.4


def _flattened(line: np.ndarray, dpi: float) -> np.ndarray | None:
    """A line of letters cut out alone (`line_alone`) with each column moved up or down so
    that the ink's middle, taken over about a syllable, runs level; None when, taken over two
    (where capitals, marks and tails even out), it runs level already. A phone photo of a
    curled sheet waves its lines, and Tesseract reads a waved line as nothing. The ends, where
    the stretch runs past the letters, keep the middle next to them; the columns left bare are
    filled with the paper's grey."""
    ink = (line < 128).astype(np.float32)
    h, w = ink.shape
    cols = np.nonzero(ink.sum(axis=0))[0]
    wide = max(3, int(_WAVE_SPAN_IN * dpi) | 1)
    if len(cols) == 0 or cols[-1] - cols[0] < 2 * wide:
        return None  # too short to wave: a word or two
    rows = np.arange(h, dtype=np.float32)[:, None]

    def middle(span: int) -> tuple[np.ndarray, np.ndarray]:
        mass = cv2.blur(ink, (span, 1), borderType=cv2.BORDER_CONSTANT).sum(axis=0)
        moment = cv2.blur(ink * rows, (span, 1), borderType=cv2.BORDER_CONSTANT).sum(axis=0)
        inside = np.arange(cols[0] + span // 2, cols[-1] - span // 2 + 1)
        inside = inside[mass[inside] > 0.5]
        if len(inside) < 2:
            return np.zeros(w), inside
        return np.interp(np.arange(w), inside, moment[inside] / mass[inside]), inside

    level, inside = middle(wide)
    if len(inside) < 2 or np.ptp(level[inside]) < _WAVE_LEAST_IN * dpi:
        return None
    local, inside = middle(max(3, wide // 2 | 1))
    if len(inside) < 2:
        return None
    shift = np.rint(np.median(local[inside]) - local).astype(int)
    # row y of column x is row y - shift[x] of the line; rows taken from past its edges are paper
    source = np.arange(h)[:, None] - shift[None, :]
    within = (source >= 0) & (source < h)
    return np.where(within, line[np.clip(source, 0, h - 1), np.arange(w)[None, :]],
                    int(np.percentile(line, 90))).astype(line.dtype)
