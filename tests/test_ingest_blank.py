"""A page with almost no ink is blank, and not read; a page holding only a short line (a
document's last page with the signer's name alone) is no blank page."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest.worker import _blank

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def _page() -> Image.Image:
    return Image.new("L", (2480, 3508), 255)  # A4 at 300 dpi


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
def test_a_page_with_the_signers_name_alone_is_not_blank() -> None:
    im = _page()
    ImageDraw.Draw(im).text((1500, 400), "Phạm Gia Túc", font=ImageFont.truetype(str(FONT), 46), fill=0)
    grey = np.array(im)
    assert np.count_nonzero(grey < 128) / grey.size < 0.0005  # under the ink share of a blank page
    assert not _blank(grey)


def test_a_white_page_and_one_with_dust_are_blank() -> None:
    assert _blank(np.array(_page()))
    dusty = np.array(_page())
    rng = np.random.default_rng(1)
    for y, x in rng.integers(100, 2300, size=(60, 2)):
        dusty[y:y + 4, x:x + 4] = 0  # specks far smaller than a letter
    assert _blank(dusty)
