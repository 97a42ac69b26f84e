"""A page's optional re-readings (its marks, names, date lines) stop at their share of the page's
time and the page is kept as first read: before, a form's page under a copier's grain spent
130 s re-reading scores of name lines and the whole file failed with `OCR did not finish`."""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.errors import LimitExceededError
from dispatch_reader.ingest import ocr
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline, OutOfTime
from dispatch_reader.messages import localise

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")


def _image() -> PageImage:
    page = Image.new("L", (2480, 700), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 54)
    draw.text((120, 150), "Điều 1. Biệt phái công chức đến làm việc tại xã.", fill=0, font=font)
    draw.text((120, 300), "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", fill=0, font=font)
    grey = np.asarray(page)
    return PageImage(grey=grey, dpi=300, width_pt=grey.shape[1] * 72 / 300, height_pt=grey.shape[0] * 72 / 300)


def _settings(seconds: float) -> IngestSettings:
    return IngestSettings(detect_orientation=False, deskew=False, page_timeout_s=seconds)


def test_the_extras_deadline_ends_at_its_share_of_the_page_and_stops_softly() -> None:
    page = Deadline(Path("a.pdf"), 3, 100.0)
    extras = page.for_extras(0.75)
    assert extras.end == pytest.approx(page.end - 25.0)
    assert extras.left() == pytest.approx(75.0, abs=1.0)
    extras.end = time.monotonic() - 1
    with pytest.raises(OutOfTime):
        extras.left()
    page.end = time.monotonic() - 1
    with pytest.raises(LimitExceededError, match="page 3: OCR did not finish"):
        page.left()  # the page's own reading is still bound by the whole time


def test_a_re_reading_past_its_time_leaves_the_page_as_first_read(monkeypatch: pytest.MonkeyPatch) -> None:
    first = ocr.ocr_image(_image(), _settings(120.0), Path("p.png"), 1)

    def slow(grey, words, keys, scale, settings, deadline, tmp, seals=()):  # type: ignore[no-untyped-def]
        deadline.end = time.monotonic() - 1  # as if its re-readings had taken the share's last second
        deadline.left()  # the step's next Tesseract call asks for its time, and stops here
        raise AssertionError("not reached")

    monkeypatch.setattr(ocr, "reread_name_lines", slow)
    kept = ocr.ocr_image(_image(), _settings(120.0), Path("p.png"), 1)
    assert " ".join(w.text for w in kept.words) == " ".join(w.text for w in first.words)
    note = next(n for n in kept.notes if "stopped, out of the page's time" in n)
    assert re.match(r"\d+ re-reading\(s\) of the page", note)
    assert not any("stopped, out of the page's time" in n for n in first.notes)
    assert localise(f"page 1: {note}", "vi").startswith("Trang 1: dừng")
