"""A dirty copier drum's lines along a one-bit copy: cleared alone, the letters beside them kept."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import ocr, preprocess
from dispatch_reader.ingest.layout import layout_text
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings

_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
_LINES = ["Điều 1. Biệt phái 08 công chức, viên chức của các sở, ngành (có danh",
          "sách kèm theo) đến làm việc tại Ủy ban nhân dân các xã, thời gian từ ngày",
          "01/9/2025 đến ngày 28/2/2026.",
          "Điều 2. Trong thời gian biệt phái, công chức, viên chức chịu sự phân",
          "công, quản lý, đánh giá của Chủ tịch Ủy ban nhân dân xã nơi đến."]
_TOP, _PITCH = 1500, 100


def _page() -> np.ndarray:
    """An A4 one-bit copy at 300 dpi holding a paragraph of 12-point print."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(_FONT, 50)
    for i, line in enumerate(_LINES):
        draw.text((150, _TOP + i * _PITCH), line, fill=0, font=font)
    return np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)


def _bar(page: np.ndarray, x: int, width: int = 26) -> np.ndarray:
    """A drum's solid line down through the paragraph, broken every 200 pixels: no piece of it
    large enough to be a blot."""
    out = page.copy()
    for y in range(1200, 2300, 230):
        out[y:y + 200, x:x + width] = 0
    return out


def _beads(page: np.ndarray, x: int) -> np.ndarray:
    """A worn drum's line of beads: dots 8 pixels across, 14 pixels apart, down the page."""
    out = page.copy()
    for y in range(300, 3200, 22):
        out[y:y + 8, x:x + 8] = 0
    return out


def test_a_drum_line_through_the_text_goes_and_the_letters_beside_it_stay() -> None:
    clean = _page()
    assert preprocess.clear_drum_lines(clean, 300) == (clean, 0.0)  # a page without one is left as it is
    page = _bar(clean, 700)
    out, share = preprocess.clear_drum_lines(page, 300)
    assert 0.001 < share < 0.005
    assert (out[(page == 0) & (clean == 255)] == 255).all()  # the line gone, with what it covered
    # the letters either side of it untouched, past the few pixels of its ragged edge
    assert np.array_equal(out[:, :690], clean[:, :690]) and np.array_equal(out[:, 736:], clean[:, 736:])
    # a string of beads down the margin goes too; the paragraph stays as it was
    beaded = _beads(clean, 100)
    out, share = preprocess.clear_drum_lines(beaded, 300)
    assert share > 0 and out[300:3200, 95:115].min() == 255
    assert np.array_equal(out[:, 120:], clean[:, 120:])


def test_no_drum_line_is_made_of_print() -> None:
    """Bold print whose strokes are solid at the line's width (a fax's title) lies in rows of
    letters as close as beads, and a column of text's marks lies a line apart: neither goes.
    Dots strewn over the page are no line either."""
    page = np.full((3508, 2480), 255, np.uint8)
    for i, y in enumerate(range(300, 1000, 170)):  # four lines of bold capitals, strokes 14 px
        cv2.putText(page, "SON LA SENDS TWO OFFICIALS" if i % 2 else "HELP COMMUNES IN NEED",
                    (150, y), cv2.FONT_HERSHEY_SIMPLEX, 3.2, 0, 14)
    for y in range(1400, 3000, 60):  # a column of `ị` in lines of 12-point print, close set
        page[y:y + 7, 400:407] = 0  # the dot over the stem
        page[y + 12:y + 40, 400:407] = 0  # the stem
        page[y + 46:y + 53, 400:407] = 0  # the dot under it, 7 pixels over the next line's
    rng = np.random.default_rng(3)
    for y, x in zip(rng.integers(0, 3500, 4000), rng.integers(0, 2470, 4000)):
        page[y:y + 3, x:x + 3] = 0
    out, share = preprocess.clear_drum_lines(page, 300)
    assert share == 0.0 and out is page


def test_a_sentence_a_drum_line_runs_through_is_read_in_one_line() -> None:
    """Left on the page, the line stood between the words of every line, and Tesseract read
    the paragraph as two columns: `thời gian từ ngày` after `01/9/2025 đến ngày`, the
    period's start lost (augraphy's photocopy of a decision, made independently of ours)."""
    grey = _bar(_page(), 700)
    settings = IngestSettings(detect_orientation=False, deskew=False)
    image = PageImage(grey=grey, dpi=300, width_pt=grey.shape[1] * 72 / 300, height_pt=grey.shape[0] * 72 / 300)
    page = ocr.ocr_image(image, settings, Path("drum.png"), 1)
    lines = layout_text(page.words, page.line_keys).splitlines()
    assert len(lines) == len(_LINES)
    assert lines[0].startswith("Điều 1.") and lines[0].endswith("(có danh")
    assert lines[1].startswith("sách kèm theo)") and lines[1].endswith("thời gian từ ngày")
    assert lines[2].startswith("01/9/2025 đến ngày")
    assert any("drum's lines" in note for note in page.notes)
