"""Words the dropped ink crossed are marked doubtful: the dropout took the print under the
ink with it, and Tesseract is as sure of the broken word as of any other."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import crossed
from dispatch_reader.ingest.pages import Word
from dispatch_reader.synth.fonts import find_font_files

DPI = 300


def test_a_figure_crossed_by_dropped_ink_is_held_under_the_line_and_one_in_the_clear_is_not() -> None:
    before = np.full((200, 400), 250, np.uint8)
    after = before.copy()
    before[40:44, 20:120] = 90  # a pen's stroke across the first word, which the dropout took
    after[40:44, 20:120] = 250
    before[140:144, 200:300] = 90  # ... and across a word of letters
    after[140:144, 200:300] = 250
    ink = crossed.dropped_ink(before, after)
    scale = 72.0 / DPI
    words = [Word("98/TB-VPUBND", 20 * scale, 30 * scale, 120 * scale, 60 * scale, 0.93),
             Word("Lai", 200 * scale, 30 * scale, 260 * scale, 60 * scale, 0.95),
             Word("Châu", 20 * scale, 100 * scale, 120 * scale, 130 * scale, None),
             Word("Tuấn", 200 * scale, 130 * scale, 300 * scale, 160 * scale, 0.9)]
    out, n = crossed.mark_crossed(words, ink, scale)
    assert n == 1
    assert out[0].conf == crossed.CROSSED_CONF and out[0].text == "98/TB-VPUBND"  # kept as read
    assert out[1].conf == 0.95 and out[2].conf is None
    assert out[3].conf == 0.9  # a word without figures: a misread name is caught elsewhere


def _line(draw: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, size: int = 50) -> None:
    draw.text(xy, text, font=ImageFont.truetype(str(find_font_files()[""]), size), fill=(25, 25, 25))


def test_a_pen_stroke_over_the_number_on_a_colour_scan_flags_the_numbers_word_through_the_deskew() -> None:
    """A colour scan, tilted 3°, a blue pen's stroke struck through the document number (a
    receipt stamp's handwriting) and the line just under it in the clear: the page is read
    with the ink dropped and turned level, and the words the pen crossed are held under the
    line, those under them not. (Where the ink's place was not turned with the page, it lay
    40 pixels off at the number, across the line below.)"""
    from dispatch_reader.ingest import ocr
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    page = Image.new("RGB", (2480, 1400), (246, 244, 240))
    draw = ImageDraw.Draw(page)
    _line(draw, (1650, 200), "Số: 95/TB-VPUBND")
    _line(draw, (1650, 275), "Lai Châu tỉnh")
    _line(draw, (200, 600), "Kính gửi: Sở Nội vụ tỉnh Lai Châu")
    _line(draw, (200, 800), "Thông báo kết luận của Phó Chủ tịch")
    rgb = np.asarray(page, np.float32)
    pen = np.full(rgb.shape[:2], 255, np.uint8)
    cv2.line(pen, (1640, 240), (2150, 236), 0, 6)  # struck through the number's middle
    cv2.rectangle(pen, (1500, 100), (2400, 450), 0, 6)  # the receipt stamp's frame round them
    tint = np.where(pen[..., None] < 128, np.array([40, 60, 170], np.float32) / 255, 1.0)
    rgb = (rgb * tint).astype(np.uint8)  # ink multiplies: print under the pen stays dark
    matrix = cv2.getRotationMatrix2D((1240, 700), 3.0, 1.0)
    rgb = cv2.warpAffine(rgb, matrix, (2480, 1400), flags=cv2.INTER_CUBIC, borderValue=(246, 244, 240))
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    image = PageImage(grey=grey, dpi=DPI, width_pt=2480 / DPI * 72, height_pt=1400 / DPI * 72, colour=rgb)
    read = ocr.ocr_image(image, IngestSettings(workers=1, cache_dir=None), Path("x.pdf"), 1)
    assert read.skew  # the page was turned level, and the ink's place with it
    number = [w for w in read.words if "TB" in w.text]
    assert number and all(w.conf == crossed.CROSSED_CONF for w in number)
    below = [w for w in read.words if w.top > number[0].bottom and w.x0 > number[0].x0 - 80]
    assert below and all(w.conf is not None and w.conf > crossed.CROSSED_CONF for w in below)
    clear = [w for w in read.words if w.text in ("Kính", "Thông")]
    assert len(clear) == 2 and all(w.conf > crossed.CROSSED_CONF for w in clear)
    assert any("crossed by the dropped ink" in n for n in read.notes)
