"""The signer's name line re-read alone for the marks a whole-page reading lost (issue 11):
read with the page, a bold name loses the marks above its letters (`Thanh` for `Thành`);
read as one line it keeps them. Only marks are taken, never other letters."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import ocr
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")


def _page() -> np.ndarray:
    im = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(im)
    draw.text((1000, 1900), "CHỦ TỊCH", font=ImageFont.truetype(str(FONT), 34), fill=0)
    draw.text((940, 2080), "Phạm Đức Thành", font=ImageFont.truetype(str(FONT), 34), fill=0)
    return np.array(im)


def _read(grey: np.ndarray, tmp: str) -> tuple[list[Word], list[tuple[int, int, int]], float]:
    settings = IngestSettings()
    scale = 72.0 / 200
    deadline = ocr._Deadline(Path("x.pdf"), 1, 60)
    words, keys = ocr._words(ocr._run_psm(ocr._write(grey, tmp, "page"), settings, deadline, 3), scale)
    return words, keys, scale


def test_a_name_line_gets_back_the_marks_the_page_reading_lost() -> None:
    grey = _page()
    with tempfile.TemporaryDirectory() as tmp:
        words, keys, scale = _read(grey, tmp)
        assert [w.text for w in words][-3:] == ["Phạm", "Đức", "Thành"]
        lost = [Word(w.text.replace("Thành", "Thanh").replace("Phạm", "Pham"), w.x0, w.top, w.x1, w.bottom, w.conf)
                for w in words]
        fixed, reread = ocr._reread_name_lines(grey, lost, keys, scale, IngestSettings(),
                                               ocr._Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in fixed][-3:] == ["Phạm", "Đức", "Thành"]
        assert reread >= 1
        # other letters are never taken from the re-reading: a word that differs is kept
        other = [Word("Thinh" if w.text == "Thành" else w.text, w.x0, w.top, w.x1, w.bottom, w.conf) for w in words]
        kept, _ = ocr._reread_name_lines(grey, other, keys, scale, IngestSettings(),
                                         ocr._Deadline(Path("x.pdf"), 1, 60), tmp)
        assert [w.text for w in kept][-1] == "Thinh"
