"""OCR of one page image with Tesseract (through pytesseract), words with boxes and confidences.

The page's run top to bottom: office paper, orientation, deskew, rules, the page read, then the
re-readings in their order (unread.py, namelines.py, figures.py); the Tesseract call is tessread.py's.
The narrow ruled columns (`_fill_narrow_columns`) are read here: found by the page's own rules,
not by ink left unread, they need nothing of unread.py.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, TypeVar

import cv2
import numpy as np
import pytesseract

from dispatch_reader.errors import MissingDependencyError
from dispatch_reader.ingest import crossed, marks_merge, photo_ink, preprocess, sheet
from dispatch_reader.ingest.familymarks import mark_family_names
from dispatch_reader.ingest.dateline import reread_date_lines
from dispatch_reader.ingest.figures import reread_written_figures
from dispatch_reader.ingest.frames import Corners, clear_stamp_frames, words_inside
from dispatch_reader.ingest.numberline import reread_number_lines
from dispatch_reader.ingest.namelines import mark_bare_names, reads_vietnamese, reread_name_lines
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.private import workspace
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.rings import cleared_boxes, clear_seal_rings
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.stamp import read_stamp
from dispatch_reader.ingest.tessread import (Deadline, OutOfTime, run_psm, single_thread_env, tesseract,
                                              tsv_words, write)
from dispatch_reader.ingest.unread import read_unread_ink
from dispatch_reader.ingest.vietnamese import score_text

# Below these, a page is read again after asking Tesseract's orientation detector.
_POOR_CONFIDENCE = 0.55
_POOR_SYLLABLES = 0.5
_FAIR_CONFIDENCE = 0.8


@lru_cache(maxsize=8)
def installed_languages() -> frozenset[str]:
    single_thread_env()
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


def check_languages(path: Path, languages: str) -> None:
    have = installed_languages()
    missing = [lang for lang in languages.split("+") if lang and lang not in have]
    if missing:
        raise MissingDependencyError(path, f"Tesseract language data not installed: {', '.join(missing)} (have {', '.join(sorted(have))})")


@dataclass
class OcrPage:
    words: list[Word]
    line_keys: list[tuple[int, int, int]]
    confidence: float | None  # mean word confidence 0..1
    rotation: int  # degrees turned clockwise to read the page upright
    skew: float  # degrees of tilt corrected
    width_pt: float
    height_pt: float
    notes: list[str] = field(default_factory=list)
    # Table rules and underlines found on the (turned, deskewed) image, in points: x0, y0, x1, y1.
    rules_h: list[list[float]] = field(default_factory=list)
    rules_v: list[list[float]] = field(default_factory=list)
    # a receiving stamp's lines: a colour one read alone (ingest/stamp.py), a black one's set apart
    # from the page's reading by its frame (ingest/frames.py)
    stamp_text: str = ""

    def text_for_scoring(self) -> str:
        return " ".join(w.text for w in self.words)


# A page of specks and nothing else (a picture of noise; a sensor's grain binarized): Tesseract's
# layout over 180,000 specks of a 1600 x 1200 noise picture ran past the page's time limit (two
# minutes) where the plain command read it in a second. Print keeps 0.0-5.5 % of its ink in
# pieces of four pixels or less, in 4,715 pieces at most (seven first pages: our and augraphy's
# photocopies, faxes, ink and paper, a phone photo); such a page holds no text to read.
_SPECK_PX = 4
_SPECKLE_SHARE = 0.6
_SPECKLE_PIECES = 50_000


def _speckle_only(grey: np.ndarray) -> int:
    """The number of specks on a page that is speckle only, else 0."""
    n, _, stats, _ = cv2.connectedComponentsWithStats((grey < 128).view(np.uint8), connectivity=8)
    if n - 1 < _SPECKLE_PIECES:
        return 0
    areas = stats[1:, cv2.CC_STAT_AREA]
    small = areas <= _SPECK_PX
    return int(small.sum()) if areas[small].sum() >= _SPECKLE_SHARE * areas.sum() else 0


def _run(image_path: str, settings: IngestSettings, deadline: Deadline) -> dict[str, list]:
    return run_psm(image_path, settings, deadline, settings.psm)


def _osd_rotation(image_path: str, deadline: Deadline) -> int | None:
    """Tesseract's orientation detector: degrees to turn clockwise, None if unsure."""
    single_thread_env()
    try:
        out = tesseract(image_path, "osd", "osd", "--psm 0 -c min_characters_to_try=10",
                        max(deadline.left(), 0.01))
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        return None  # too few characters, or no osd data: keep the page as it is
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not conf or float(conf.group(1)) < 1.5:
        return None
    return int(rotate.group(1)) % 360


def _mean_conf(words: list[Word]) -> float | None:
    confs = [w.conf for w in words if w.conf is not None]
    return round(statistics.fmean(confs), 3) if confs else None


def _poor(words: list[Word]) -> bool:
    if len(words) < 5:
        return False  # nearly empty page: nothing to gain from turning it
    conf = _mean_conf(words) or 0.0
    if conf < _POOR_CONFIDENCE:
        return True
    # Few Vietnamese syllables alone is no sign of a turned page (English text has few);
    # together with middling confidence it is.
    return conf < _FAIR_CONFIDENCE and score_text(" ".join(w.text for w in words)).ratio < _POOR_SYLLABLES


# A one-bit page with this share of its ink in lone dots carries a copier's grain (preprocess.
# grain_share) ...
_GRAIN_SHARE = 0.1
# ... and one whose words hold less of its ink than this was mostly not read as text: a clean
# page's words hold 85-97 % (a black seal and a signature on its signing page leave 30-75 %,
# a receipt stamp's handwriting over the header 40 %); an augraphy photocopy Tesseract took
# mostly for a picture, 25 %. (Without the grain test, a photocopy's page under a stamp was
# read again and lost its title; a fax's list gained people: psm 6 reads a table otherwise,
# which is no grain's doing and not taken up here.)
_LEAST_INK_READ = 0.5
# The other reading is taken when it has this many times the page reading's sure words and
# this many more: on a page with little text (a signing page) the two read alike.
_CLEARLY_MORE = 1.5
_LEAST_GAIN = 30
# The share of a page's time (IngestSettings.page_timeout_s) its reading and re-readings may
# take; what is left is the orientation check's, after which the page is done.
_EXTRAS_SHARE = 0.75
_T = TypeVar("_T")


def _ink_read(grey: np.ndarray, dpi: float, words: list[Word], scale: float,
              larger: np.ndarray | None = None) -> float:
    """The share of the page's ink (grain's dots aside) that lies inside the words read."""
    ink = preprocess.ink_outside_dots(grey, dpi) if larger is None else larger
    total = int(cv2.countNonZero(ink))
    if not total:
        return 1.0
    inside = np.zeros_like(ink)
    for w in words:
        inside[int(w.top / scale):int(w.bottom / scale) + 1, int(w.x0 / scale):int(w.x1 / scale) + 1] = 1
    return cv2.countNonZero(ink & inside) / total


def _sure_words(words: list[Word]) -> int:
    """Words of two letters or more read with confidence: in any language, what text there is."""
    return sum(1 for w in words if (w.conf or 0) >= 0.8 and sum(c.isalpha() for c in w.text) >= 2)


def _small(grey: np.ndarray, dpi: float) -> np.ndarray:
    factor = min(1.0, 150.0 / dpi)
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey


def _fill_narrow_columns(grey: np.ndarray, rules_v: list[list[float]], words: list[Word],
                         keys: list[tuple[int, int, int]], scale: float, settings: IngestSettings,
                         deadline: Deadline, tmp: str) -> tuple[list[Word], list[tuple[int, int, int]]]:
    """Re-read narrow ruled columns (STT) as one block each.

    Page segmentation drops lone digits standing in narrow cells, so the row numbers of a
    list table vanish; read as a single block (psm 6) the strip gives them back.
    """
    long_rules = [r for r in rules_v if r[3] - r[1] > 50]
    xs = sorted({round((r[0] + r[2]) / 2, 1) for r in long_rules})
    merged: list[float] = []
    for x in xs:
        if not merged or x - merged[-1] > 4:
            merged.append(x)
    out_words, out_keys = list(words), list(keys)
    for left, right in zip(merged, merged[1:]):
        if not 8 < right - left < 60:  # points: narrow enough to be a number column
            continue
        column = [r for r in long_rules if left - 4 <= (r[0] + r[2]) / 2 <= left + 4]
        top, bottom = min(r[1] for r in column), max(r[3] for r in column)
        inside = [i for i, w in enumerate(out_words) if left <= (w.x0 + w.x1) / 2 <= right and top <= w.top <= bottom]
        px = [int(v / scale) for v in (left, top, right, bottom)]
        strip = grey[max(px[1], 0):px[3], max(px[0] + 2, 0):px[2] - 1]
        if strip.size == 0:
            continue
        data = run_psm(write(strip, tmp, "strip"), settings, deadline, 6)
        found, _ = tsv_words(data, scale)
        if len(found) <= len(inside):
            continue
        keep = [i for i in range(len(out_words)) if i not in set(inside)]
        out_words = [out_words[i] for i in keep]
        out_keys = [out_keys[i] for i in keep]
        dx, dy = (px[0] + 2) * scale, px[1] * scale
        for n, w in enumerate(found):
            out_words.append(Word(w.text, w.x0 + dx, w.top + dy, w.x1 + dx, w.bottom + dy, w.conf))
            out_keys.append((10_000 + n, 0, 0))
    return out_words, out_keys


def _turn_segment(seg: list[float], turn: int, width: float, height: float) -> list[float]:
    """Where a segment lands when the page (width x height) is turned `turn`° clockwise."""
    x0, y0, x1, y1 = seg
    if turn == 180:
        pts = [(width - x1, height - y1), (width - x0, height - y0)]
    elif turn == 90:
        pts = [(height - y1, x0), (height - y0, x1)]
    else:  # 270
        pts = [(y0, width - x1), (y1, width - x0)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return [min(xs), min(ys), max(xs), max(ys)]


# A photographed sheet is taken to be A4 when its resolution is estimated.
_A4_WIDTH_IN = 8.27
# Paper whose brightness varies by more grey levels than this is lit unevenly (a photo, a
# copier's shadow). Flat scans vary by 2-5.
_UNEVEN = 20.0


def _office_paper(image: PageImage, settings: IngestSettings, notes: list[str], first_page: bool = False
                  ) -> tuple[np.ndarray, float, bool, np.ndarray | None]:
    """(page, dpi, photographed, the ink dropped from it): the page as paper from an office
    arrives: colour ink dropped, a photographed sheet cut out and straightened, its light evened,
    a low resolution enlarged. Each step says what it did in `notes` (kept per page in the
    record). The dropped ink is crossed.dropped_ink's image, shaped as the page is."""
    grey, dpi = image.grey, image.dpi
    gone: np.ndarray | None = None
    # The sheet is looked for before the colour goes: a brown or red desk dropped with the ink
    # would turn as white as the paper and hide the sheet's edges.
    corners = sheet.find_sheet(grey) if settings.photo_correction else None
    if settings.colour_dropout and image.colour is not None:
        grey, share = preprocess.drop_colour_ink(image.colour, photographed=corners is not None, first_page=first_page)
        if corners is not None:
            before = grey
            grey, pale = photo_ink.drop_photo_ink(grey, image.colour)
            # the shares of the sheet, not of the photo: a wooden or green desk goes with the ink
            # and was told as a stamp over a fifth of the page
            sheet_inside = np.zeros(grey.shape, np.uint8)
            cv2.fillConvexPoly(sheet_inside, corners.astype(np.int32), 1)
            inside = sheet_inside.astype(bool)
            share = float((crossed.colour_dropped(image.colour, before)[inside] < 128).mean())
            pale = float((crossed.dropped_ink(before, grey)[inside] < 128).mean())
        if share >= 0.001:
            notes.append(f"red/blue ink (seal, signature, stamp) dropped before OCR: {share:.1%} of the page")
        if corners is not None and pale >= 0.001:
            notes.append(f"pale coloured ink on the photo (stamp, handwriting) dropped: {pale:.1%} of the page")
        if corners is None and share >= 0.001:
            # (a photo's dropout also lifts the cast and the shade it balances away: no mark of ink)
            gone = crossed.colour_dropped(image.colour, grey)
    if settings.flatten_light:
        grey, core = preprocess.darken_faint_print(grey)
        if core is not None:
            notes.append(f"faint print (a copier low on toner) darkened: its letters' cores were grey {core:.0f}")
            specks = preprocess.speck_share(grey, dpi)
            if specks >= preprocess.GRAINY_SPECKS:
                grey = preprocess.join_toner_grains(grey, dpi)
                notes.append(f"the faint print's grains of toner joined into strokes ({specks:.0%} of its pieces of "
                             f"ink were specks)")
    if settings.photo_correction:
        if corners is not None:
            grey = preprocess.straighten(grey, corners)
            dpi = grey.shape[1] / _A4_WIDTH_IN
            notes.append(f"the sheet's edges found on a darker ground and the page straightened (about {dpi:.0f} dpi)")
    binary = preprocess.is_binary(grey)
    if settings.flatten_light and binary:
        # one-bit copies carry the copier's black bands; grey photos carry shadows instead
        grey, cleared = preprocess.clear_dark_borders(grey, dpi)
        if cleared >= 0.002:
            notes.append(f"dark copier bands at the page edge cleared ({cleared:.1%} of the page)")
        grey, blotted = preprocess.clear_toner_blots(grey, dpi)
        if blotted:
            notes.append(f"toner blots inside the page cleared ({blotted:.1%} of the page)")
        grey, hazed = preprocess.clear_toner_haze(grey, dpi)
        if hazed:
            notes.append(f"a copier's grey haze of dots evened out ({hazed:.1%} of the page)")
        grey, specks = preprocess.clear_stray_specks(grey, dpi, image.scan_dpi)
        if specks:
            notes.append(f"{specks} stray toner speck(s) cleared (none where a letter's mark would be)")
    elif settings.flatten_light:
        spread = preprocess.uneven_light(grey, dpi)
        if spread > _UNEVEN:
            grey = preprocess.flatten_light(grey, dpi)
            notes.append(f"uneven light evened out (paper varied by {spread:.0f} grey levels)")
    if settings.colour_dropout and image.colour is None:
        # a signed original scanned in grey: its seal and signature are light grey, not colour.
        # Also on a page is_binary calls one-bit: a clean grey scan's white paper and black
        # print are 97 % of it (a tester's office scans: no seal was dropped); a copy's black
        # seal has a dark core and stays
        before = grey
        dropped, light = preprocess.drop_light_ink(grey, dpi, photographed=corners is not None)
        # a one-bit copy's black seal stays; what little it drops there (a JPEG's grey fringe) is
        # left as it was
        grey = dropped if not binary or light >= 0.001 else grey
        if light >= 0.001:
            gone = crossed.joined(gone, crossed.dropped_ink(before, grey))
            notes.append(f"light grey ink with no dark core (a seal or signature scanned in grey) dropped: "
                         f"{light:.1%} of the page")
    if 0 < dpi < settings.upscale_below_dpi:
        factor = settings.dpi / dpi
        grey = preprocess.upscale(grey, factor)
        notes.append(f"enlarged {factor:.1f}x from {dpi:.0f} dpi before OCR")
        dpi = float(settings.dpi)
    if gone is not None:
        gone = crossed.resized(gone, grey.shape)
    return grey, dpi, corners is not None, gone


def ocr_image(image: PageImage, settings: IngestSettings, path: Path, page: int) -> OcrPage:
    """Orientation, deskew, clean-up, then Tesseract; the image is dropped when done."""
    deadline = Deadline(path, page, settings.page_timeout_s)
    notes: list[str] = []
    # the receiving office's stamp goes with the colour dropped below: read alone first, page 1 only
    colour = image.colour if settings.colour_dropout and settings.receiving_stamp and page == 1 else None
    colour_dpi = image.dpi
    grey, dpi, photographed, gone = _office_paper(image, settings, notes, first_page=page == 1)
    image = PageImage(grey=grey, dpi=dpi, width_pt=grey.shape[1] / dpi * 72, height_pt=grey.shape[0] / dpi * 72)
    rotation = 0
    with workspace("dr-ocr-") as tmp:
        # a photo's stamp, seen askew and blurred, gave two wrong numbers and no right one of 11:
        # read for its words only (the paper was stamped), its figures left unread
        stamp_text = read_stamp(colour, colour_dpi, settings, deadline, tmp, figures=not photographed) \
            if colour is not None else ""
        del colour
        if stamp_text:
            notes.append("a receiving stamp in colour read alone (its ink is dropped from the page)")
        ink = preprocess.ink_mask(grey, image.dpi) if settings.detect_orientation or settings.deskew else None
        if settings.detect_orientation and preprocess.looks_sideways(grey, image.dpi, ink):
            # The profile test is a cheap hint; only Tesseract's detector decides the turn.
            turn = _osd_rotation(write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn in (90, 270):
                grey = preprocess.rotate_quarter(grey, -turn)
                ink = preprocess.rotate_quarter(ink, -turn) if ink is not None else None
                gone = preprocess.rotate_quarter(gone, -turn) if gone is not None else None
                rotation = turn
                notes.append(f"page turned {turn}° by orientation detection")
        skew = 0.0
        if settings.deskew:
            grey, skew = preprocess.deskew(grey, image.dpi, ink)
            if skew and gone is not None:
                gone = preprocess.rotate(gone, -skew)
        del ink
        frames: list[Corners] = []
        if settings.clear_stamp_frames and page == 1:
            grey, frames = clear_stamp_frames(grey, image.dpi)
            if frames:
                notes.append(f"{len(frames)} receiving stamp frame(s) printed black over the header: their lines "
                             "taken off, the letters they cross kept")
        # a seal printed black (a photocopy, a fax): its ring runs into the name below it, one
        # piece of ink with its letters, painted out with them by the re-readings below (and its
        # bottom arc taken for a rule, cleared with the letters' tops): they read the page without
        # it. The page's own reading keeps it: without it, Tesseract's layout of the rest changed
        # for the worse as often as for the better (samples' photocopies, issue 11).
        ringless = clear_seal_rings(grey, image.dpi) if settings.clear_seal_rings else None
        # where they were, in points: the name lines beside them are read again without them
        seals = [tuple(v * 72.0 / image.dpi for v in box) for box in cleared_boxes(grey, ringless, image.dpi)] \
            if ringless is not None else []
        rules_h: list[list[float]] = []
        rules_v: list[list[float]] = []
        if settings.remove_rules:
            if skew:
                # a copier's streak, upright on the copy as scanned, leans by the turn now: it
                # goes first, or find_rules takes its pieces between the lines for rules and
                # paints them white with the letters at their ends (`Un ler` for `Under`)
                grey, slanted = preprocess.clear_streaks(grey, image.dpi, skew)
                if slanted:
                    notes.append(f"{slanted} piece(s) of a copier's streak, slanted by the page's levelling, cleared")
            grey, found_h, found_v = preprocess.find_rules(grey, image.dpi)
            # a line along the image's very edge is the frame of a straightened photo or a
            # scanner's lid, no table's rule: with it, a photo's whole page was one table's cell
            found_h, found_v = preprocess.off_the_edges(found_h, found_v, grey.shape, image.dpi)
            k = 72.0 / image.dpi
            rules_h = [[round(v * k, 2) for v in seg] for seg in found_h]
            rules_v = [[round(v * k, 2) for v in seg] for seg in found_v]
            # after the rules are taken (a table keeps its grid): what is left of long hair-thin
            # lines is a copier's streaks
            grey, streaks = preprocess.clear_streaks(grey, image.dpi)
            if streaks:
                notes.append(f"{streaks} piece(s) of hair-thin vertical streak (a copier's dirt) cleared")
        if settings.denoise:
            grey = preprocess.denoise(grey)
        if settings.binarize != "none":
            grey = preprocess.binarize(grey, settings.binarize)
        specks = _speckle_only(grey)
        if specks:
            notes.append(f"the page is {specks} specks of noise and no print: not read")
            h, w = grey.shape
            return OcrPage(words=[], line_keys=[], confidence=None, rotation=rotation, skew=skew,
                           width_pt=w * 72.0 / image.dpi, height_pt=h * 72.0 / image.dpi, notes=notes,
                           stamp_text=stamp_text)
        page_path = write(grey, tmp, "page")
        data = _run(page_path, settings, deadline)
        scale = 72.0 / image.dpi
        words, keys = tsv_words(data, scale)
        psm = settings.psm
        # the name lines are read again from the page as it was: the grain's clearing below
        # takes marks as small as its dots
        names_from = grey
        # the ink past the grain's dots, labelled once for both shares
        larger = preprocess.ink_outside_dots(grey, image.dpi) if settings.flatten_light and preprocess.is_binary(grey) \
            else None
        grainy = larger is not None and preprocess.grain_share(grey, image.dpi, larger) >= _GRAIN_SHARE
        read_share = _ink_read(grey, image.dpi, words, scale, larger) if grainy else 1.0
        # the re-readings below mend a page read already: past their share of the page's time
        # they stop and the page is kept as read, rather than the whole file failing with it
        extras = deadline.for_extras(_EXTRAS_SHARE)
        stopped = 0

        def extra(step: Callable[[], _T], keep: _T) -> _T:
            nonlocal stopped
            try:
                return step()
            except OutOfTime:
                stopped += 1
                return keep

        # (only with half the page's time left: a page read once is better than one timed out)
        if read_share < _LEAST_INK_READ and deadline.left() > settings.page_timeout_s / 2:
            # a one-bit copy Tesseract took mostly for a picture (a copier's grain along the
            # text): the page once more, the grain cleared, read as one block of text
            cleared = preprocess.clear_lone_dots(grey, image.dpi)
            again_path = write(cleared, tmp, "cleared")
            again, again_keys = tsv_words(run_psm(again_path, settings, deadline, 6), scale)
            if _sure_words(again) >= _CLEARLY_MORE * _sure_words(words) + _LEAST_GAIN:
                notes.append(f"page mostly unread ({read_share:.0%} of its ink in words): read again as one "
                             "block with a copier's grain of dots cleared")
                grey, page_path, words, keys, psm = cleared, again_path, again, again_keys, 6
        if settings.vietnamese_marks and reads_vietnamese(words, settings):
            def vietnamese_marks() -> tuple[list[Word], int]:
                vie, _ = tsv_words(run_psm(page_path, settings, extras, psm, "vie"), scale)
                return marks_merge.merge_marks(words, vie)
            words, merged = extra(vietnamese_marks, (words, 0))
            if merged:
                notes.append(f"{merged} word(s) given the marks a Vietnamese-only reading saw")
        if rules_v:
            words, keys = extra(lambda: _fill_narrow_columns(grey, rules_v, words, keys, scale, settings, extras, tmp),
                                (words, keys))
        # the re-readings below see the page without its seals' black rings: the letters a
        # ring touches are one piece of ink with it, painted out with it otherwise
        if ringless is not None:
            notes.append("a seal's black ring cleared for the re-readings of the lines it touches")
            names_from = ringless
        if settings.read_unread_ink:
            listed: list[tuple[str, str]] = []
            words, keys, found = extra(lambda: read_unread_ink(grey if ringless is None else ringless, words, keys,
                                                               scale, settings, extras, tmp, listed), (words, keys, 0))
            if found:
                notes.append(f"{found} word(s) read again from ink the page reading skipped "
                             "(a seal or signature taken for a picture)")
                for read, taken in listed:
                    notes.append(f"a line of the signing block under a seal, read '{read}', taken as the usual "
                                 f"wording nearest to it: '{taken}'; check it")
        words, keys, reread = extra(lambda: reread_name_lines(names_from, words, keys, scale, settings, extras, tmp,
                                                              seals), (words, keys, 0))
        if reread:
            notes.append(f"{reread} short line(s) of capitalised words (signer's title, name) re-read alone "
                         "for the marks the page reading lost")
        words, marked = extra(lambda: mark_bare_names(names_from, words, keys, scale, settings, extras, tmp, rules_v),
                              (words, 0))
        if marked:
            notes.append(f"{marked} name(s) read without marks re-read alone in Vietnamese for them")
        if settings.vietnamese_marks and reads_vietnamese(words, settings):
            words, seen = extra(lambda: mark_family_names(names_from, words, keys, scale, settings, extras, tmp),
                                (words, 0))
            if seen:
                notes.append(f"{seen} family name(s) given the tone mark their ink shows and the reading dropped")
        words, keys, figured = extra(lambda: reread_written_figures(names_from, words, keys, scale, settings, extras,
                                                                    tmp), (words, keys, 0))
        if figured:
            notes.append(f"{figured} blank(s) of the header filled in by hand (number, day, month) re-read "
                         "as figures alone")
        words, keys, dated = extra(lambda: reread_date_lines(names_from, words, keys, scale, settings, extras, tmp),
                                   (words, keys, 0))
        if dated:
            notes.append(f"{dated} date line(s) of the header read broken with the page re-read alone")
        words, keys, numbered = extra(lambda: reread_number_lines(names_from, words, keys, scale, settings, extras,
                                                                  tmp), (words, keys, 0))
        if numbered:
            notes.append(f"{numbered} number line(s) of the header (Số: …) read broken with the page re-read alone")
        read_alone = stamp_text
        if frames:
            # what the frame held is the receiving stamp's, read with the page: no header words
            words, keys, held = words_inside(words, keys, frames, scale)
            if held:
                notes.append("the words inside the receiving stamp's frame set apart from the page's as the stamp's")
                stamp_text = "\n\n".join(t for t in (stamp_text, held) if t)
        if stopped:
            notes.append(f"{stopped} re-reading(s) of the page (marks, names, dates) stopped, out of the "
                         "page's time: the page is kept as first read")
        if settings.detect_orientation and _poor(words):
            turn = _osd_rotation(write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn:
                turned = preprocess.rotate_quarter(grey, -turn)
                words2, keys2 = tsv_words(_run(write(turned, tmp, "turned"), settings, deadline), scale)
                if (_mean_conf(words2) or 0) > (_mean_conf(words) or 0):
                    h0, w0 = grey.shape
                    rules_h = [_turn_segment(seg, turn, w0 * scale, h0 * scale) for seg in rules_h]
                    rules_v = [_turn_segment(seg, turn, w0 * scale, h0 * scale) for seg in rules_v]
                    if turn in (90, 270):
                        rules_h, rules_v = rules_v, rules_h
                    words, keys, grey = words2, keys2, turned
                    # the page read again whole, turned: the frame's words are in it again
                    stamp_text = read_alone
                    gone = preprocess.rotate_quarter(gone, -turn) if gone is not None else None
                    rotation = (rotation + turn) % 360
                    notes.append(f"page turned {turn}° by orientation detection")
        if gone is not None:
            words, doubted = crossed.mark_crossed(words, gone, scale)
            if doubted:
                notes.append(f"{doubted} word(s) with figures crossed by the dropped ink (seal, signature, "
                             "stamp) marked doubtful: what it covered may be misread")
        h, w = grey.shape
    return OcrPage(words=words, line_keys=keys, confidence=_mean_conf(words), rotation=rotation, skew=skew,
                   width_pt=w * scale, height_pt=h * scale, notes=notes, rules_h=rules_h, rules_v=rules_v,
                   stamp_text=stamp_text)
