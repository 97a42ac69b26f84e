"""A seal's black ring (a photocopy, a fax) found by its shape and cleared, the letters it ran
into kept (issue 11): `Hồ Sỹ Long` under the ring's bottom was one piece of ink with it, and
the re-readings painted the name out with the ring."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import rings

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
DPI = 300


def _block(angle: float = 0.0) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """A signing block at 300 dpi: a seal (outer ring 1.4 in across, inner ring, star, a
    signature) whose ring's bottom runs into the name line below; and the name's box."""
    im = Image.new("L", (1400, 1300), 255)
    draw = ImageDraw.Draw(im)
    cx, cy, r = 700, 560, 210
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=0, width=9)
    draw.ellipse((cx - 160, cy - 160, cx + 160, cy + 160), outline=0, width=4)
    draw.polygon([(700, 480), (730, 560), (650, 510), (750, 510), (670, 560)], fill=0)
    draw.line([(560, 640), (640, 520), (720, 660), (900, 600)], fill=0, width=5)
    font = ImageFont.truetype(str(FONT), 58)
    box = draw.textbbox((520, cy + r - 22), "Hồ Sỹ Long", font=font)
    draw.text((520, cy + r - 22), "Hồ Sỹ Long", font=font, fill=0)
    grey = np.array(im)
    if angle:
        m = cv2.getRotationMatrix2D((700, 650), angle, 1.0)
        grey = cv2.warpAffine(grey, m, (1400, 1300), borderValue=255)
    return grey, box


def test_the_ring_is_found_and_the_name_it_touches_is_letters_again() -> None:
    grey, (x0, y0, x1, y1) = _block()
    ink = (grey < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    touching = set(np.unique(labels[y0:y1, x0:x1])) - {0}
    assert any(stats[k, cv2.CC_STAT_WIDTH] > 400 for k in touching), "the name is one piece with the ring"
    cleared = rings.clear_seal_rings(grey, DPI)
    assert cleared is not None
    # the ring's left side (far from any letter) is paper now; the star stays
    assert not (cleared[540:580, 488:500] < 128).any()
    assert (cleared[500:540, 690:710] < 128).any()
    # the name is pieces of a letter's size, no longer one with the ring, and keeps its ink
    ink = (cleared < 128).view(np.uint8)
    _, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    name = set(np.unique(labels[y0:y1, x0:x1])) - {0}
    assert name and all(stats[k, cv2.CC_STAT_WIDTH] < 0.6 * DPI for k in name)
    kept = (cleared[y0:y1, x0:x1] < 128).sum() / max(1, (grey[y0:y1, x0:x1] < 128).sum())
    assert kept > 0.8


def test_a_ring_on_a_turned_copy_is_found_too() -> None:
    grey, _ = _block(angle=2.5)
    assert rings.seal_rings(grey, DPI) is not None


def test_a_ring_broken_into_arcs_is_found() -> None:
    """A fax's coarse lines break a thin ring where it runs across them: two arcs, neither a
    ring alone (the fax of a sample's signing page, issue 11). The gaps are bridged; the arcs'
    ink is the ring, the star inside stays."""
    im = Image.new("L", (1400, 1300), 255)
    draw = ImageDraw.Draw(im)
    draw.arc((490, 350, 910, 770), 91, 269, fill=0, width=6)
    draw.arc((490, 350, 910, 770), 271, 89, fill=0, width=6)
    draw.polygon([(700, 480), (730, 560), (650, 510), (750, 510), (670, 560)], fill=0)
    grey = np.array(im)
    ink = (grey < 128).view(np.uint8)
    _, labels, _, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    assert labels[560, 492] != labels[560, 908], "the ring is two pieces"
    found = rings.seal_rings(grey, DPI)
    assert found is not None
    assert found[560, 488:500].any() and found[560, 900:912].any()
    assert not found[500:540, 690:710].any()


@pytest.mark.parametrize("what", ["small", "disc", "loop"])
def test_no_ring_no_change(what: str) -> None:
    """A circle smaller than a seal (a letter `O`, a bullet); a filled disc is no band; a
    signature's open loop runs round no circle."""
    im = Image.new("L", (1400, 1300), 255)
    draw = ImageDraw.Draw(im)
    if what == "small":
        draw.ellipse((600, 500, 800, 700), outline=0, width=9)
    elif what == "disc":
        draw.ellipse((490, 350, 910, 770), fill=0)
    else:
        draw.arc((490, 350, 910, 770), 20, 200, fill=0, width=6)
        draw.line([(490, 560), (1200, 900)], fill=0, width=6)
    grey = np.array(im)
    assert rings.seal_rings(grey, DPI) is None
    assert rings.clear_seal_rings(grey, DPI) is None


def test_a_name_under_a_black_rings_bottom_is_read_whole() -> None:
    """The block on an A4 page read as the reader reads it: the re-readings, with the ring
    cleared, read the name as printed (with it left, Tesseract 5.3 and the re-readings read
    `Hồ SÿTống`)."""
    from dispatch_reader.ingest import ocr
    from dispatch_reader.ingest.raster import PageImage
    from dispatch_reader.ingest.settings import IngestSettings

    grey, _ = _block()
    page = np.full((3508, 2480), 255, np.uint8)
    page[2000:3300, 1000:2400] = grey
    image = PageImage(grey=page, dpi=DPI, width_pt=2480 / DPI * 72, height_pt=3508 / DPI * 72)
    read = ocr.ocr_image(image, IngestSettings(workers=1, cache_dir=None), Path("x.pdf"), 1)
    assert [w.text for w in read.words][-3:] == ["Hồ", "Sỹ", "Long"]
    assert any("ring cleared" in n for n in read.notes)


def test_the_cleared_rings_box_is_the_rings_own() -> None:
    """Where the ring was, for the name lines beside it: its box, not the name's nor the star's."""
    grey, _ = _block()
    cleared = rings.clear_seal_rings(grey, DPI)
    assert cleared is not None
    boxes = rings.cleared_boxes(grey, cleared, DPI)
    assert len(boxes) == 1
    x0, y0, x1, y1 = boxes[0]
    # the outer ring: centre (700, 560), radius 210, within a few pixels
    assert abs(x0 - 490) <= 8 and abs(x1 - 910) <= 8 and abs(y0 - 350) <= 8 and abs(y1 - 770) <= 8
    assert rings.cleared_boxes(grey, grey.copy(), DPI) == []



def test_a_ring_run_into_a_long_line_is_found_outer_ring_and_all() -> None:
    """A fax's streak across the signing block joined the seal to a line wider than any seal
    (one piece 4.7 in wide: no ring was looked for in it), and the seal's thin inner line,
    whole and clean where a fax broke the outer ring into ragged arcs (and a name and a
    signature ran into it; here a quarter of its turn is left out), was the circle found first. The line is no part of
    the pieces a ring is looked for in; the outer ring round the same centre is found past the
    inner line, and both are cleared."""
    im = Image.new("L", (1400, 1300), 255)
    draw = ImageDraw.Draw(im)
    rng = np.random.default_rng(7)
    for turn in [t for t in range(0, 265) if t % 9 < 7]:  # a fax's outer ring: ragged, broken
        a, r = np.radians(turn), 205 + rng.uniform(-2, 2)
        x, y = 700 + r * np.cos(a), 560 + r * np.sin(a)
        draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=0)
    draw.ellipse((540, 400, 860, 720), outline=0, width=4)
    for turn in range(30, 160, 30):  # the seal's words between the two, a speck's gap from the ring
        a = np.radians(turn)
        draw.line([(700 + 162 * np.cos(a), 560 + 162 * np.sin(a)), (700 + 194 * np.cos(a), 560 + 194 * np.sin(a))],
                  fill=0, width=5)
    draw.polygon([(700, 480), (730, 560), (650, 510), (750, 510), (670, 560)], fill=0)
    grey = np.array(im)
    grey[398:401, :] = 0  # the streak, three pixels high, across the whole block (4.7 in)
    # its arcs bridged (as a fax's are), the ring is one piece with the streak
    bridged = cv2.dilate((grey < 128).view(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7)))
    _, labels = cv2.connectedComponents(bridged, connectivity=8)
    assert labels[560, 492] == labels[399, 5]
    found = rings.seal_rings(grey, DPI)
    assert found is not None
    # the outer ring's sides (radius 210) and the inner line's (radius 160)
    assert found[560, 488:500].any() and found[560, 900:912].any()
    assert found[560, 538:546].any() and found[560, 855:862].any()
    assert not found[500:540, 690:710].any()  # the star stays
    cleared = rings.clear_seal_rings(grey, DPI)
    assert cleared is not None
    # the outer ring painted out on its left side (an arc's ragged ends may stay, as the
    # letters' strokes beside a ring are given back)
    assert (grey[548:566, 485:515] < 128).any() and not (cleared[548:566, 485:515] < 128).any()
