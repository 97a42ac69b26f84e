"""Figures written by hand into the header's blanks, read again as figures alone (ingest/figures.py).

The page reading is given as words (what Tesseract made of a hand's figures on a Gazette scan:
`§ @` for `58`); the blank's ink is drawn in a script face, as a hand writes it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest import figures, tessread
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SCALE = 72 / 300  # points per pixel of a 300 dpi page
KEY = (5, 1, 1)


def _page(printed: list[tuple[int, str]], hand: list[tuple[int, str]]) -> np.ndarray:
    """A strip of a 300 dpi page: printed words at x (pixels), figures by hand at x."""
    im = Image.new("L", (1700, 900), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(SERIF, 42)
    for x, text in printed:
        draw.text((x, 70), text, font=font, fill=0)
    grey = np.array(im)
    for x, text in hand:
        cv2.putText(grey, text, (x, 125), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 2.0, 0, 4, cv2.LINE_AA)
    return grey


def _word(text: str, x0: int, x1: int, conf: float = 0.9) -> Word:
    return Word(text, x0 * SCALE, 78 * SCALE, x1 * SCALE, 122 * SCALE, conf)


def _reread(grey: np.ndarray, words: list[Word],
            keys: list[tuple[int, int, int]] | None = None) -> tuple[list[Word], int]:
    with tempfile.TemporaryDirectory() as tmp:
        out, keys, n = figures.reread_written_figures(grey, words, keys or [KEY] * len(words), SCALE,
                                                      IngestSettings(), tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert len(keys) == len(out)
    return out, n


def _texts(words: list[Word]) -> list[str]:
    return [w.text for w in sorted(words, key=lambda w: w.x0)]


NUMBER_PRINTED = [(100, "Số:"), (330, "/2021/TT-BQP")]
NUMBER_WORDS = [_word("Số:", 100, 165), _word("/2021/TT-BQP", 330, 630)]


def test_a_number_written_by_hand_and_read_as_signs_is_read_as_figures() -> None:
    grey = _page(NUMBER_PRINTED, [(200, "58")])
    words = NUMBER_WORDS[:1] + [_word("§", 205, 235, 0.6), _word("@", 245, 280, 0.8)] + NUMBER_WORDS[1:]
    out, n = _reread(grey, words)
    assert n == 1
    assert _texts(out) == ["Số:", "58", "/2021/TT-BQP"]
    # a hand's figures are the first thing to check
    assert next(w for w in out if w.text == "58").conf <= figures.HAND_CONF


def test_a_number_half_read_as_figures_is_read_again() -> None:
    # augraphy's fax: `Số: 5 @ /2021/TT-BQP`; the `5` alone is no reason to keep the `@`
    grey = _page(NUMBER_PRINTED, [(200, "58")])
    words = NUMBER_WORDS[:1] + [_word("5", 205, 235, 0.6), _word("@", 245, 280, 0.8)] + NUMBER_WORDS[1:]
    out, n = _reread(grey, words)
    assert (n, _texts(out)) == (1, ["Số:", "58", "/2021/TT-BQP"])


def test_a_number_the_page_left_unread_is_read_in_its_blank() -> None:
    grey = _page(NUMBER_PRINTED, [(200, "58")])
    out, n = _reread(grey, list(NUMBER_WORDS))
    assert (n, _texts(out)) == (1, ["Số:", "58", "/2021/TT-BQP"])


def test_a_hands_figures_read_above_the_line_stay_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # a reviewer's case: `58` written higher than the printed line, read by the page on a line
    # of its own; seen as no figures in the blank, it was read again and an `8` added
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("figures read were read again"))
    high = Word("58", 200 * SCALE, 47 * SCALE, 290 * SCALE, 95 * SCALE, 0.9)
    out, n = _reread(_page(NUMBER_PRINTED, [(200, "58")]), NUMBER_WORDS[:1] + [high] + NUMBER_WORDS[1:],
                     [KEY, (5, 1, 0), KEY])
    assert (n, _texts(out)) == (0, ["Số:", "58", "/2021/TT-BQP"])


def test_a_day_read_beside_a_stamps_scrap_stays_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # our phone photo of a commune's letter: `ngày 04 tháng 11`, a receipt stamp's scrap `ay,`
    # read just under the blank; OCR 83 read the blank again for it and dropped the scrap
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("a day read was read again"))
    words = [_word("Hum,", 130, 230), _word("ngày", 240, 345), _word("04", 380, 430),
             Word("ay,", 370 * SCALE, 118 * SCALE, 420 * SCALE, 140 * SCALE, 0.3), _word("tháng", 520, 640),
             _word("11", 660, 720), _word("năm", 800, 890), _word("2025", 905, 1005)]
    out, n = _reread(_page([(130, "Hum, ngày"), (520, "tháng 11 năm 2025")], [(380, "04")]), words,
                     [KEY, KEY, KEY, (5, 2, 1), KEY, KEY, KEY, KEY])
    assert (n, sorted(w.text for w in out)) == (0, sorted(w.text for w in words))


def test_an_empty_blank_gives_no_figures() -> None:
    # a draft not yet registered: `Số:      /2021/TT-BQP`; whitelisted, Tesseract would find
    # figures in anything, so an empty blank must not be read at all
    grey = _page(NUMBER_PRINTED, [])
    out, n = _reread(grey, list(NUMBER_WORDS))
    assert (n, _texts(out)) == (0, ["Số:", "/2021/TT-BQP"])


def test_figures_the_page_read_stay_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    grey = _page(NUMBER_PRINTED, [(200, "58")])
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("figures read were read again"))
    words = NUMBER_WORDS[:1] + [_word("445", 205, 280)] + NUMBER_WORDS[1:]
    out, n = _reread(grey, words)
    assert (n, _texts(out)) == (0, ["Số:", "445", "/2021/TT-BQP"])


def test_a_printed_day_with_a_figure_read_as_a_letter_stays_as_read(monkeypatch: pytest.MonkeyPatch) -> None:
    # a fax's thin italic `13` read `L3`: the type's figures, no blank a hand filled (read again
    # as figures alone it gave `1`, and the date became the 1st)
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("printed figures were read again"))
    printed = [(60, "Hà Nội, ngày"), (380, "13"), (520, "tháng"), (690, "5"), (800, "năm 2026")]
    words = [_word("Hà", 60, 120), _word("Nội,", 130, 230), _word("ngày", 240, 345), _word("L3", 385, 440),
             _word("tháng", 520, 640), _word("5", 690, 720), _word("năm", 800, 890), _word("2026", 905, 1005)]
    out, n = _reread(_page(printed, []), words)
    assert (n, "L3" in _texts(out)) == (0, True)


def test_a_receipt_stamps_number_is_no_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    # `Số: 1234` on a receipt stamp has no symbol after it: never the document's number
    grey = _page([(100, "Số:")], [(200, "1234")])
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("a stamp's figures were read"))
    out, n = _reread(grey, [_word("Số:", 100, 165), _word("AZ4", 205, 330, 0.4)])
    assert (n, _texts(out)) == (0, ["Số:", "AZ4"])


def test_the_months_blank_is_read_and_a_day_out_of_range_is_not_taken() -> None:
    printed = [(60, "Hà Nội, ngày"), (520, "tháng"), (800, "năm 2021")]
    # `thing`: the printed word a letter off, as a copy reads it, still marks the blank
    words = [_word("Hà", 60, 120), _word("Nội,", 130, 230), _word("ngày", 240, 345), _word("thing", 520, 640),
             _word("năm", 800, 890), _word("2021", 905, 1005)]
    out, n = _reread(_page(printed, [(690, "9")]), list(words))
    assert n == 1
    assert _texts(out) == ["Hà", "Nội,", "ngày", "thing", "9", "năm", "2021"]
    # a day blank holding `58` is no day: left as the page read it
    out, n = _reread(_page(printed, [(380, "58")]), words[:3] + [_word("§@", 385, 480, 0.5)] + words[3:])
    assert (n, "58" in _texts(out)) == (0, False)


def test_an_italic_word_boxed_across_the_figures_does_not_hide_the_blank() -> None:
    # Tesseract boxed an italic `ngày` to the end of the next word: the blank is where its
    # own words were read
    printed = [(60, "Hà Nội, ngày"), (520, "tháng"), (800, "năm 2021")]
    words = [_word("Hà", 60, 120), _word("Nội,", 130, 230), _word("ngày", 240, 640), _word("OF", 395, 480, 0.4),
             _word("tháng", 520, 640), _word("6", 690, 720), _word("năm", 800, 890), _word("2021", 905, 1005)]
    out, n = _reread(_page(printed, [(380, "29"), (690, "6")]), words)
    assert n == 1
    assert _texts(out) == ["Hà", "Nội,", "ngày", "29", "tháng", "6", "năm", "2021"]


def test_a_date_cited_in_a_sentence_is_no_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found on the real scans' body text in a page's top part: a day the page reading gave a
    line of its own beside the sentence (`pháp luật ngày | 25 | tháng 6`) was read again and
    written twice, and `kể từ ngày 6 thông báo` took `thông` for `tháng`."""
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("a sentence's date was read again"))
    printed = [(60, "pháp luật ngày"), (520, "tháng 6 năm 2025;")]
    words = [_word("pháp", 60, 150), _word("luật", 165, 250), _word("ngày", 265, 360), _word("25", 400, 470),
             _word("tháng", 520, 640), _word("6", 660, 690), _word("năm", 710, 800), _word("2025;", 815, 930)]
    keys = [KEY] * 3 + [(5, 1, 2)] + [KEY] * 4  # the day on a line of its own
    out, n = _reread(_page(printed, [(400, "25")]), words, keys)
    assert (n, _texts(out)) == (0, [w.text for w in words])
    # after a place, the same day on a line of its own stays as read too
    placed = [_word("Hà", 60, 120), _word("Nội,", 130, 230)] + words[2:]
    out, n = _reread(_page(printed, [(400, "25")]), placed, [KEY] * 3 + [(5, 1, 2)] + [KEY] * 4)
    assert (n, _texts(out)) == (0, [w.text for w in placed])
    words = [_word("kể", 60, 100), _word("từ", 110, 160), _word("ngày", 170, 260), _word("ẹ", 280, 300, 0.3),
             _word("thông", 330, 450), _word("báo", 460, 540)]
    out, n = _reread(_page([(60, "kể từ ngày"), (330, "thông báo")], [(280, "6")]), words)
    assert n == 0
    # nor is a sentence's day read as no figure: only the date line's, after its place
    words[4] = _word("tháng", 330, 450)
    out, n = _reread(_page([(60, "kể từ ngày"), (330, "tháng 6")], [(280, "6")]), words)
    assert n == 0
    assert figures._printed("thing", "thang") and not figures._printed("thông", "thang")


def test_a_day_read_just_below_the_header_parts_edge_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real text's phone photo: `CP ngày 28 tháng 01`, `ngày` a point above the header part's
    edge and its `28` a point below it. The day was read; OCR 80 missed it and wrote it twice."""
    monkeypatch.setattr(figures, "_read_figures", lambda *a: pytest.fail("a day read was read again"))
    edge = figures.HEADER_SHARE * 842
    words = [Word("CP", 72, edge - 0.6, 85, edge + 9.4, 0.9), Word("ngày", 89, edge - 0.6, 117, edge + 12.4, 0.9),
             Word("28", 120, edge + 0.1, 132, edge + 9.1, 0.9), Word("tháng", 136, edge - 0.6, 169, edge + 12.4, 0.9)]
    assert figures._slots(words, [KEY] * 4, 842) == []
    # and `CP ngày` (a symbol wrapped onto the line: `10/2021/NĐ-\nCP ngày …`) is no date line's
    # place, the day unread or not
    assert figures._slots(words[:2] + words[3:], [KEY] * 3, 842) == []
    assert len(figures._slots([Word("Nội", 72, 100, 92, 110, 0.9)] + words[1:2] + words[3:], [KEY] * 3, 842)) == 1


def test_it_can_be_turned_off() -> None:
    grey = _page(NUMBER_PRINTED, [(200, "58")])
    with tempfile.TemporaryDirectory() as tmp:
        out, _, n = figures.reread_written_figures(grey, list(NUMBER_WORDS), [KEY] * 2, SCALE,
                                                   IngestSettings(written_figures=False),
                                                   tessread.Deadline(Path("x.pdf"), 1, 60), tmp)
    assert (n, _texts(out)) == (0, ["Số:", "/2021/TT-BQP"])
