"""A receiving stamp's frame printed black (a photocopy, a fax) found by its shape and its thin
lines taken off, the letters they cross kept (issue 11): a frame turned a few degrees between
the header's columns ran its bottom through the number's symbol (`Số: 27/QĐ-UBND` read
`…-UBNĐ`) and its sides through the body's name."""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import frames, ocr
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
DPI = 200


def _turned(corners: list[tuple[float, float]], angle: float) -> list[tuple[float, float]]:
    cx = sum(x for x, _ in corners) / 4
    cy = sum(y for _, y in corners) / 4
    a = math.radians(angle)
    return [(cx + (x - cx) * math.cos(a) - (y - cy) * math.sin(a),
             cy + (x - cx) * math.sin(a) + (y - cy) * math.cos(a)) for x, y in corners]


def _header(frame: bool = True, angle: float = -3.0, width: int = 4
            ) -> tuple[np.ndarray, list[tuple[float, float]], tuple[int, int, int, int]]:
    """Page 1's top at 200 dpi, the header in two columns; a stamp's frame (2.1 × 0.95 in,
    turned `angle` degrees) between them, its bottom through the end of the number line. The
    page, the frame's corners, and the box of the number's symbol."""
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    bold = ImageFont.truetype(str(BOLD), 30)
    plain = ImageFont.truetype(str(FONT), 30)
    draw.text((170, 120), "ỦY BAN NHÂN DÂN", font=plain, fill=0)
    draw.text((190, 160), "TỈNH HÒA BÌNH", font=bold, fill=0)
    draw.text((850, 120), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=bold, fill=0)
    draw.text((870, 160), "Độc lập - Tự do - Hạnh phúc", font=bold, fill=0)
    draw.line([(230, 210), (400, 210)], fill=0, width=3)
    draw.line([(930, 210), (1300, 210)], fill=0, width=3)
    draw.text((300, 265), "Số: 27/QĐ-", font=plain, fill=0)
    symbol = draw.textbbox((482, 265), "UBND", font=plain)
    draw.text((482, 265), "UBND", font=plain, fill=0)
    draw.text((920, 265), "Hòa Bình, ngày 05 tháng 3 năm 2026", font=plain, fill=0)
    draw.text((170, 400), "QUYẾT ĐỊNH", font=bold, fill=0)
    # the frame, as a clerk stamps it in the gap between the columns: its sides through the
    # last word of the body's name and the motto's first, its bottom through the number's
    # symbol at the letters' middle height
    rows = np.flatnonzero((np.array(im)[symbol[1]:symbol[3], symbol[0]:symbol[2]] < 128).any(axis=1))
    mid = symbol[1] + (rows[0] + rows[-1]) / 2
    corners = _turned([(465.0, mid - 190), (885.0, mid - 190), (885.0, mid), (465.0, mid)], angle)
    if frame:
        draw.polygon(corners, outline=0, width=width)
        stamp = ImageFont.truetype(str(FONT), 20)
        draw.text((600, 105), "CÔNG VĂN ĐẾN", font=stamp, fill=0)
        draw.text((620, 170), "4087", font=stamp, fill=0)
    return np.array(im), corners, symbol


def test_the_frame_between_the_header_columns_is_found_where_it_is() -> None:
    grey, corners, _ = _header()
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    for (x, y), (fx, fy) in zip(corners, found[0]):
        assert abs(x - fx) <= 6 and abs(y - fy) <= 6


def test_the_frames_lines_go_and_the_letters_they_cross_stay() -> None:
    grey, corners, (x0, y0, x1, y1) = _header()
    plain, _, _ = _header(frame=False)
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert len(found) == 1
    # the frame's lines, away from the print, are paper again
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1]):
        for t in (0.6, 0.8):
            x, y = int(ax + (bx - ax) * t), int(ay + (by - ay) * t)
            assert not (cleared[y - 3:y + 4, x - 3:x + 4] < 128).any() or (plain[y - 6:y + 7, x - 6:x + 7] < 128).any()
    # the struck symbol keeps its letters' ink, and what the frame added to it is gone
    letters = plain[y0:y1, x0:x1] < 128
    kept = (cleared[y0:y1, x0:x1] < 128)[letters].mean()
    added = ((cleared[y0:y1, x0:x1] < 128) & ~letters).sum()
    struck = ((grey[y0:y1, x0:x1] < 128) & ~letters).sum()
    assert kept > 0.9
    assert added < 0.3 * struck
    # the stamp's own words inside it stay: only its frame is taken
    assert (cleared[100:135, 590:760] < 128).sum() == (grey[100:135, 590:760] < 128).sum()


@pytest.mark.parametrize("angle", [1.5, -5.0])
def test_a_frame_turned_either_way_is_found(angle: float) -> None:
    grey, corners, _ = _header(angle=angle)
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    assert abs(found[0][0][0] - corners[0][0]) <= 6 and abs(found[0][2][1] - corners[2][1]) <= 6


def test_a_fax_frames_thicker_line_is_taken_off_too() -> None:
    grey, corners, _ = _header(width=6)
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert len(found) == 1
    (ax, ay), (bx, by) = corners[0], corners[1]
    x, y = int(ax + (bx - ax) * 0.5), int(ay + (by - ay) * 0.5)
    assert (grey[y - 4:y + 5, x] < 128).any() and not (cleared[y - 6:y + 7, x] < 128).any()


def test_a_box_with_a_side_on_paper_is_left_as_it_is() -> None:
    """An e-signature's box (or a stamp over the margin) has a side that runs through no print:
    it stands over no line that runs on out of it, and Tesseract reads its words as a block of
    their own. Taken off, an e-signature's lines were read after the subject and ran into it."""
    grey, _, _ = _header(frame=False)
    im = Image.fromarray(grey)
    draw = ImageDraw.Draw(im)
    box = _turned([(1000.0, 300.0), (1560.0, 300.0), (1560.0, 400.0), (1000.0, 400.0)], 2.0)
    draw.polygon(box, outline=0, width=3)
    small = ImageFont.truetype(str(FONT), 18)
    draw.text((1015, 315), "Ký bởi: Ủy ban nhân dân tỉnh", font=small, fill=0)
    draw.text((1015, 350), "Thời gian ký: 05.03.2026 09:12:40 +07:00", font=small, fill=0)
    grey = np.array(im)
    assert len(frames.stamp_frames(grey, DPI)) == 1
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert found == [] and cleared is grey


def test_a_side_broken_short_of_its_corner_still_makes_the_frame() -> None:
    """A copy drops pixels, a stroke of the handwriting runs across a side: the side is traced
    short of its corner, and the corner is looked for on past its end."""
    grey, corners, _ = _header()
    (tx, ty), (bx, by) = corners[1], corners[2]
    for t in np.linspace(0.08, 0.5, 60):  # the right side's upper half gone
        x, y = int(tx + (bx - tx) * t), int(ty + (by - ty) * t)
        grey[y - 2:y + 3, x - 4:x + 5] = 255
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    assert abs(found[0][1][1] - corners[1][1]) <= 6


def test_a_rule_beyond_a_sides_end_is_no_corner() -> None:
    """The header's rule a little above a frame whose sides end at its top is no corner of it:
    the line nearest the sides' ends is the frame's."""
    grey, corners, _ = _header()
    y = int(min(corners[0][1], corners[1][1])) - 40
    grey[y:y + 3, 300:900] = 0
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    assert abs(found[0][0][1] - corners[0][1]) <= 6


def test_a_stamp_over_the_margin_and_the_left_column_is_left_as_it_is() -> None:
    """A stamp whose left side stands in the margin holds the issuer's lines and the number
    whole: nothing runs on out of it to the left, and its words are no stamp's alone."""
    grey, _, _ = _header(frame=False)
    im = Image.fromarray(grey)
    draw = ImageDraw.Draw(im)
    draw.polygon(_turned([(110.0, 90.0), (560.0, 90.0), (560.0, 330.0), (110.0, 330.0)], -2.5), outline=0, width=4)
    grey = np.array(im)
    assert len(frames.stamp_frames(grey, DPI)) == 1
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert found == [] and cleared is grey


def test_a_page_without_a_frame_is_left_as_it_is() -> None:
    grey, _, _ = _header(frame=False)
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert found == [] and cleared is grey


def _table(rule: int, words: bool = False, turn: float = 0.0) -> np.ndarray:
    """A table of 3 × 2 cells at the top of a page, its rules `rule` pixels thick."""
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    xs, ys = [150, 500, 900, 1300], [150, 330, 510]
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=rule)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=rule)
    if words:
        font = ImageFont.truetype(str(FONT), 30)
        for x in xs[:-1]:
            for y in ys[:-1]:
                draw.text((x + 20, y + 60), "Sở Nội vụ", font=font, fill=0)
    return np.array(im.rotate(turn, fillcolor=255))


def test_a_tables_cells_are_no_stamps_frames() -> None:
    """A table at the top of a page: its cells are rectangles of thin lines too, but its rules
    run on past each cell's corners."""
    grey = _table(3)
    assert frames.stamp_frames(grey, DPI) == []
    cleared, _ = frames.clear_stamp_frames(grey, DPI)
    assert cleared is grey


def test_a_frame_below_the_header_is_not_looked_for() -> None:
    """Receiving stamps go on the header; a framed box lower on the page (a note, a table of
    one cell) is the document's own."""
    grey, _, _ = _header(frame=False)
    shifted = np.full_like(grey, 255)
    frame, _, _ = _header()
    shifted[1300:1300 + 500] = frame[0:500]
    assert frames.stamp_frames(shifted, DPI) == []


def test_the_words_wholly_inside_a_frame_are_the_stamps() -> None:
    """Words wholly inside a frame taken off are the stamp's: set apart, line by line; a word the
    frame's side runs through (a header word under its edge) and words outside stay the page's."""
    frame = ((100.0, 100.0), (400.0, 90.0), (405.0, 250.0), (105.0, 260.0))
    words = [Word("CÔNG", 150, 120, 220, 140), Word("VĂN", 230, 118, 280, 138),
             Word("4087", 160, 170, 240, 200),
             Word("DÂN", 80, 120, 130, 140),  # across the left side
             Word("Độc", 420, 120, 470, 140), Word("Số:", 20, 300, 50, 320)]
    keys = [(1, 1, 1), (1, 1, 1), (1, 1, 2), (2, 1, 1), (3, 1, 1), (4, 1, 1)]
    kept, kept_keys, text = frames.words_inside(words, keys, [frame], 0.5)
    assert [w.text for w in kept] == ["CÔNG", "VĂN", "4087", "DÂN", "Độc", "Số:"]  # at half scale all lie outside
    kept, kept_keys, text = frames.words_inside(words, keys, [frame], 1.0)
    assert [w.text for w in kept] == ["DÂN", "Độc", "Số:"]
    assert kept_keys == [(2, 1, 1), (3, 1, 1), (4, 1, 1)]
    assert text == "CÔNG VĂN\n?"  # a hand's figures read once with the page: not recorded


def test_a_header_read_with_a_black_frame_between_its_columns() -> None:
    """The whole page read: the frame's lines are taken off before the reading, and the words
    it held (the stamp's title, the figures written in) are set apart as the stamp's text, not
    read into the header's lines; the header's words round it stay the page's."""
    grey, _, _ = _header()
    image = PageImage(grey=grey, dpi=DPI, width_pt=grey.shape[1] / DPI * 72, height_pt=grey.shape[0] / DPI * 72)
    read = ocr.ocr_image(image, IngestSettings(workers=1, cache_dir=None), Path("x.pdf"), 1)
    texts = [w.text for w in read.words]
    assert "4087" not in texts and "4087" not in read.stamp_text and "?" in read.stamp_text
    assert "ĐẾN" not in texts and "ĐẾN" in read.stamp_text
    assert {"BAN", "TỈNH", "HỘI", "lập", "Số:"} <= set(texts)
    # the symbol the frame's bottom ran through, its corner beside it, is read whole
    assert any(t.endswith("UBND") for t in texts)
    assert any("frame" in n for n in read.notes)
    # page 2 has no receiving stamp: its frames are not looked for
    later = ocr.ocr_image(image, IngestSettings(workers=1, cache_dir=None), Path("x.pdf"), 2)
    assert not any("frame" in n for n in later.notes) and later.stamp_text == ""


def test_the_documents_number_inside_a_frame_stays_the_pages() -> None:
    frame = ((100.0, 100.0), (400.0, 100.0), (400.0, 250.0), (100.0, 250.0))
    words = [Word("Số:", 110, 200, 140, 220), Word("205/QĐ-UBND", 150, 200, 300, 220), Word("4087", 150, 150, 200, 170)]
    kept, _, text = frames.words_inside(words, [(1, 1, 1), (1, 1, 1), (1, 1, 2)], [frame], 1.0)
    assert [w.text for w in kept] == ["205/QĐ-UBND"]
    assert text == "Số:\n?"


def test_the_frames_corners_go_too() -> None:
    """Where two lines meet, the run across each is the other line: neither line's own, the
    corner is taken as a square of the lines' width."""
    grey, corners, _ = _header()
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert len(found) == 1
    for x, y in corners[:2]:  # the top corners stand on paper
        xi, yi = int(round(x)), int(round(y))
        assert (grey[yi - 3:yi + 4, xi - 3:xi + 4] < 128).any()
        assert not (cleared[yi - 3:yi + 4, xi - 3:xi + 4] < 128).any()


def test_a_frame_with_print_out_of_one_side_only_is_left() -> None:
    """Its left side through the body's name, its right side on paper: the stamp stands at the
    header's edge, not over lines that run on out of it both ways."""
    grey, _, _ = _header(frame=False)
    im = Image.fromarray(grey)
    draw = ImageDraw.Draw(im)
    # from the middle of the body's name to the blank between the columns, short of the motto
    draw.polygon(_turned([(320.0, 100.0), (690.0, 100.0), (690.0, 240.0), (320.0, 240.0)], -2.0), outline=0, width=4)
    grey = np.array(im)
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    tl, tr, br, bl = found[0]
    assert frames._outside_ink(grey < 128, bl, tl, found[0], DPI) >= frames._OUTSIDE_PRINT  # print out of the left
    assert frames._outside_ink(grey < 128, tr, br, found[0], DPI) < frames._OUTSIDE_PRINT  # paper out of the right
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert found == [] and cleared is grey


def test_a_table_with_thick_rules_is_no_stamp() -> None:
    """A table's rules run on past each cell's corners, however thick they are printed."""
    assert frames.stamp_frames(_table(9, words=True, turn=2.0), DPI) == []


def test_two_upright_lines_not_joined_make_no_frame() -> None:
    im = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(im)
    draw.line([(400, 100), (405, 300)], fill=0, width=3)
    draw.line([(800, 100), (805, 300)], fill=0, width=3)
    assert frames.stamp_frames(np.array(im), DPI) == []


@pytest.mark.parametrize("fill", [0, "noise"])
def test_a_black_or_noisy_page_is_no_frame(fill: object) -> None:
    grey = (np.random.default_rng(5).random((2339, 1654)) < 0.5).astype(np.uint8) * 255 if fill == "noise" \
        else np.zeros((2339, 1654), np.uint8)
    cleared, found = frames.clear_stamp_frames(grey, DPI)
    assert found == [] and cleared is grey


def test_a_frame_whose_sides_both_stop_short_of_its_top_is_found() -> None:
    """A copy drops the pixels at both top corners: the sides are traced from below them, and
    the top line is looked for a little beyond their ends."""
    grey, corners, _ = _header()
    for (x, y) in corners[:2]:
        xi, yi = int(round(x)), int(round(y))
        grey[yi - 4:yi + 14, xi - 6:xi + 7] = 255  # the corner and the side's top 12 pixels
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    assert abs(found[0][0][1] - corners[0][1]) <= 6


def test_two_sides_leaning_apart_are_no_frame() -> None:
    """A stamp is a rectangle: lines leaning 8° apart, even joined at their ends, are none."""
    grey, _, _ = _header(frame=False)
    im = Image.fromarray(grey)
    draw = ImageDraw.Draw(im)
    draw.polygon([(470.0, 90.0), (890.0, 90.0), (890.0, 280.0), (443.0, 280.0)], outline=0, width=4)
    assert frames.stamp_frames(np.array(im), DPI) == []


def test_a_side_crossed_by_print_is_followed_on_to_its_corner() -> None:
    """A tester's copy: the left side joins a bold capital's strokes where it crosses the body's
    line, and is traced from below them; the copy dropped the right side's upper half. Neither
    traced end is near the top line: the sides are followed on past the letters to it."""
    grey, corners, _ = _header()
    (tx, ty), (bx, by) = corners[1], corners[2]
    for t in np.linspace(0.0, 0.6, 80):  # the right side's upper part lost to the copy
        x, y = int(tx + (bx - tx) * t), int(ty + (by - ty) * t)
        grey[y - 2:y + 3, x - 4:x + 5] = 255
    (lx, ly), (dx, dy) = corners[0], corners[3]
    x, y = int(lx + (dx - lx) * 0.3), int(ly + (dy - ly) * 0.3)
    grey[y - 12:y + 12, x - 10:x + 10] = 0  # a bold capital's strokes joined to the left side
    found = frames.stamp_frames(grey, DPI)
    assert len(found) == 1
    assert abs(found[0][0][1] - corners[0][1]) <= 6 and abs(found[0][3][1] - corners[3][1]) <= 6
