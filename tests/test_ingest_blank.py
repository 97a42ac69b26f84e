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


def _faint_page(lines: int) -> np.ndarray:
    """A copy from a copier low on toner: light grey print (grey 150) on grey paper (235)."""
    im = Image.new("L", (2480, 3508), 235)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(str(FONT), 40)
    for k in range(lines):
        draw.text((250, 300 + 70 * k), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6", font=font, fill=150)
    return np.array(im)


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
def test_a_faint_copys_light_grey_print_is_no_blank_page() -> None:
    from dispatch_reader.ingest.preprocess import darken_faint_print

    faint = _faint_page(30)
    assert np.count_nonzero(faint < 128) == 0  # no pixel a fixed threshold calls ink
    assert not _blank(faint)
    darker, core = darken_faint_print(faint)
    assert core is not None and core > 100
    assert np.percentile(darker[faint < 200], 50) < 80  # the print as dark as a scan's
    assert np.percentile(darker, 90) >= 240  # the paper white
    # a page of ordinary print, and a grey blank sheet, are as they were
    im = _page()
    ImageDraw.Draw(im).text((250, 300), "Căn cứ Luật Tổ chức chính quyền địa phương", font=ImageFont.truetype(str(FONT), 40), fill=0)
    dark = np.array(im)
    assert darken_faint_print(dark)[0] is dark
    grey_sheet = np.full((3508, 2480), 235, np.uint8)
    assert darken_faint_print(grey_sheet)[1] is None and _blank(grey_sheet)


@pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
def test_show_through_a_shaded_box_and_a_photo_are_no_faint_print() -> None:
    """A reviewer's pages: a blank back page's show-through (mirrored print at 180) stays blank
    and unstretched; a page a grey-shaded box covers by a third, its print dark inside, and a
    grey photo are as they were (stretched, the box's print went black with its shade)."""
    from dispatch_reader.ingest.preprocess import darken_faint_print

    font = ImageFont.truetype(str(FONT), 40)
    back = Image.new("L", (2480, 3508), 238)
    draw = ImageDraw.Draw(back)
    for k in range(30):
        draw.text((250, 300 + 70 * k), "Căn cứ Luật Tổ chức chính quyền địa phương", font=font, fill=180)
    ghost = np.array(back.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    assert darken_faint_print(ghost)[1] is None and _blank(ghost)
    boxed = Image.new("L", (2480, 3508), 238)
    draw = ImageDraw.Draw(boxed)
    draw.rectangle((100, 100, 2380, 1400), fill=185)
    for k in range(3):
        draw.text((250, 300 + 70 * k), "Căn cứ Luật Tổ chức chính quyền địa phương", font=font, fill=20)
    assert darken_faint_print(np.array(boxed))[1] is None
    rng = np.random.default_rng(2)
    photo = np.clip(rng.normal(150, 30, (3508, 2480)), 0, 255).astype(np.uint8)
    assert darken_faint_print(photo)[1] is None
