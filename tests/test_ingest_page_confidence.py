"""The page confidence says how much of the text is right (issue 11, point 3): Tesseract's mean
word confidence barely moves on a damaged page; the calibrated line spreads it out."""

from __future__ import annotations

from dispatch_reader.ingest.confidence import page_confidence
from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.reader import _ocr_page


def test_a_damaged_page_does_not_report_094() -> None:
    # a fax whose words Tesseract rates 0.92 on average has about one character in nine wrong
    assert page_confidence(0.92) < 0.90
    assert page_confidence(0.96) > 0.95  # a clean scan stays near its mean
    assert page_confidence(0.5) == 0.0 and page_confidence(1.0) == 1.0 and page_confidence(None) is None
    assert page_confidence(0.80) < page_confidence(0.90) < page_confidence(0.95)


def test_pages_carry_the_calibrated_confidence() -> None:
    words = [Word("Quyết", 0, 0, 10, 10, 0.90), Word("định", 12, 0, 20, 10, 0.94)]
    page = OcrPage(words=words, line_keys=[(1, 1, 1), (1, 1, 1)], confidence=0.92, rotation=0, skew=0.0,
                   width_pt=595, height_pt=842, notes=[], rules_h=[], rules_v=[])
    text = _ocr_page(1, page, "no text layer")
    assert text.ocr_confidence == page_confidence(0.92) < 0.92
