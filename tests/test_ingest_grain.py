"""A copier's grain of lone dots: cleared only for a page Tesseract left mostly unread."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import ocr, preprocess
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings

_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
_LINES = ["Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;",
          "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 412/TTr-SNV;",
          "Điều 1. Biệt phái công chức đến làm việc tại Ủy ban nhân dân xã.",
          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]


def _page(dots: int = 0, seed: int = 1, size: int = 2) -> np.ndarray:
    """A one-bit page at 300 dpi with four lines of 13-point text, and `dots` lone `size` x `size`
    dots strewn."""
    image = Image.new("L", (2480, 1100), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(_FONT, 54)
    for i, line in enumerate(_LINES):
        draw.text((120, 150 + i * 110), line, fill=0, font=font)
    grey = np.where(np.asarray(image) < 128, 0, 255).astype(np.uint8)
    rng = np.random.default_rng(seed)
    for y, x in zip(rng.integers(0, grey.shape[0] - 2, dots), rng.integers(0, grey.shape[1] - 2, dots)):
        grey[y:y + size, x:x + size] = 0
    return grey


def _pieces(grey: np.ndarray) -> np.ndarray:
    _, _, stats, _ = cv2.connectedComponentsWithStats((grey < 128).view(np.uint8), connectivity=8)
    return stats[1:, cv2.CC_STAT_AREA]


def test_lone_dots_go_and_letters_stay() -> None:
    clean, grainy = _page(), _page(dots=3000)
    assert (_pieces(clean) > 16).all()  # a 13-point letter's marks are larger than a dot
    cleared = preprocess.clear_lone_dots(grainy, 300)
    assert (_pieces(cleared) > 16).all()  # no dot of the grain is left
    # every letter's stroke is where it was (a dot that fell on a letter is the letter's now)
    letters = clean < 128
    assert (cleared[letters] == 0).all()
    assert ((cleared < 128) & ~letters).sum() < 0.01 * letters.sum()


def test_share_of_the_ink_in_the_words_read() -> None:
    grey = _page()
    scale = 72.0 / 300
    whole = [Word("x", 0, 0, grey.shape[1] * scale, grey.shape[0] * scale, 0.9)]
    first_line = [Word("x", 0, 140 * scale, grey.shape[1] * scale, 225 * scale, 0.9)]
    assert ocr._ink_read(grey, 300, whole, scale) == pytest.approx(1.0)
    assert 0.15 < ocr._ink_read(grey, 300, first_line, scale) < 0.4
    assert ocr._ink_read(grey, 300, [], scale) == 0.0


def _ocr(grey: np.ndarray) -> ocr.OcrPage:
    settings = IngestSettings(detect_orientation=False, deskew=False, read_unread_ink=False)
    image = PageImage(grey=grey, dpi=300, width_pt=grey.shape[1] * 72 / 300, height_pt=grey.shape[0] * 72 / 300)
    return ocr.ocr_image(image, settings, Path("grain.png"), 1)


def _one_word_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page reading takes the page for a picture: one word read of four lines."""
    monkeypatch.setattr(ocr, "_run", lambda path, settings, deadline: {
        k: [v] for k, v in dict(text="Căn", conf=95, left=120, top=150, width=90, height=45,
                                block_num=1, par_num=1, line_num=1).items()})


def test_the_share_of_ink_in_a_grain() -> None:
    assert preprocess.grain_share(_page(), 300) == 0.0
    # a photocopy's scattered toner specks, against a copier's grain
    assert preprocess.grain_share(_page(dots=300), 300) < 0.03
    assert preprocess.grain_share(_page(dots=4000), 300) > ocr._GRAIN_SHARE


def test_a_grainy_page_left_mostly_unread_is_read_again_with_its_grain_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    # (dots of 3 x 3 pixels: two-pixel specks away from the letters are cleared before any
    # reading, below)
    _one_word_read(monkeypatch)
    page = _ocr(_page(dots=4000, size=3))
    assert any("copier's grain" in note for note in page.notes)
    text = " ".join(w.text for w in page.words)
    assert "Biệt phái" in text and "hiệu lực" in text


def test_a_page_left_unread_without_a_grain_is_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # a receipt stamp's handwriting, a table: what Tesseract left unread is no grain's doing
    _one_word_read(monkeypatch)
    page = _ocr(_page(dots=300))
    assert not any("copier's grain" in note for note in page.notes)


def test_a_grainy_page_read_whole_is_not_read_again() -> None:
    page = _ocr(_page(dots=4000))
    assert not any("copier's grain" in note for note in page.notes)
    assert "Biệt phái" in " ".join(w.text for w in page.words)


def test_two_pixel_specks_away_from_the_letters_are_cleared_before_the_page_is_read() -> None:
    page = _ocr(_page(dots=4000))
    assert any("toner speck" in note for note in page.notes)
    assert not any("copier's grain" in note for note in page.notes)
    text = " ".join(w.text for w in page.words)
    assert "Biệt phái" in text and "hiệu lực" in text
