"""The header's date line, read broken with the page, read again alone (ingest/dateline.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest.dateline import _broken_span, reread_date_lines
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
DPI = 300
SCALE = 72.0 / DPI


def _words(text: str, top: float = 100.0, left: float = 300.0) -> list[Word]:
    """Words set a space apart on one line, in points."""
    out, x = [], left
    for w in text.split():
        out.append(Word(w, x, top, x + 7.0 * len(w), top + 12.0, 0.9))
        x += 7.0 * len(w) + 4.0
    return out


@pytest.mark.parametrize(("line", "span"), [
    # `tháng` and the month lost with the show-through between: read again, the day kept
    ("Hà Nội ngày 13 Hine A 35 năm 2026", (0, 8, "2026", "13", ["35"])),
    # the month read, the word before it garbled: read again, the 11 kept
    ("Hà Nội, ngày 05 đóng 11 năm 2025", (0, 7, "2025", "05", ["11"])),
    # `ngày` one letter off, no month read
    ("Hà Nội, Hgảy 16 tháng năm 2026", (0, 6, "2026", "16", [])),
])
def test_a_date_line_read_broken_is_found_with_the_figures_the_page_read(line: str, span: tuple) -> None:
    found = _broken_span(_words(line), 1000.0)
    assert (found.first, found.last, found.year, found.day, found.between) == span


@pytest.mark.parametrize("line", [
    "Hà Nội, ngày 16 tháng 4 năm 2026",  # read whole
    "CÔNG BÁO/Số 286/Ngày 27-05-2026",  # the Gazette's running head: no year word apart
    "Hà Nội, ngày 16 tháng 4",  # no year
    "Hà Nội, ngày Hine 11 năm 2025",  # no day read: a hand's blank, ingest/figures.py's
])
def test_a_line_read_whole_or_no_date_line_is_left(line: str) -> None:
    assert _broken_span(_words(line), 1000.0) is None


def test_a_date_line_low_on_the_page_is_no_headers() -> None:
    assert _broken_span(_words("ngày 13 Hine A 35 năm 2026", top=800.0), 1000.0) is None


def test_the_number_beside_it_is_no_part_of_the_place() -> None:
    """`Số: 844/QĐ-TTg` on the same row, a column's gap to its left: the span opens at `Hà`."""
    number = _words("Số: 844/QĐ-TTg", left=60.0)
    date = _words("Hà Nội ngày 13 Hine A 35 năm 2026", left=300.0)
    assert _broken_span(number + date, 1000.0).first == len(number)


def test_a_long_place_pushed_against_the_number_stops_at_its_symbol() -> None:
    """`Thành phố Hồ Chí Minh` set close to `Số: 28/2025/QĐ-UBND`: the symbol is no place word."""
    line = _words("Số: 28/2025/QĐ-UBND Thành phố Hồ Chí Minh, ngày 13 Hine A 35 năm 2026")
    assert _broken_span(line, 1000.0).first == 2


def _page(printed: str) -> np.ndarray:
    """A header's top at 300 dpi with `printed` as its date line, where `_words` puts it."""
    im = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(im).text((300 / SCALE, 100 / SCALE - 6), printed, font=ImageFont.truetype(str(FONT), 46), fill=0)
    return np.asarray(im)


def _reread(printed: str, read: str, tmp_path: Path) -> list[str]:
    words = _words(read)
    keys = [(1, 1, 1)] * len(words)
    out, _, _ = reread_date_lines(_page(printed), words, keys, SCALE, IngestSettings(workers=1),
                                  Deadline(tmp_path / "page.pdf", 1, 60), str(tmp_path))
    return [w.text for w in sorted(out, key=lambda w: w.x0)]


def test_the_line_read_again_alone_gives_its_date(tmp_path: Path) -> None:
    mended = " ".join(_reread("Hà Nội, ngày 13 tháng 5 năm 2026", "Hà Nội ngày 13 Hine A 35 năm 2026", tmp_path))
    assert "13 tháng 5 năm 2026" in mended


def test_a_reading_with_other_figures_than_the_pages_is_not_taken(tmp_path: Path) -> None:
    """The page read the day 13 and the month 11; a reading of 14 or of month 1 is none of it."""
    broken = "Hà Nội ngày 13 Hine A 35 năm 2026"
    assert _reread("Hà Nội, ngày 14 tháng 5 năm 2026", broken, tmp_path) == broken.split()
    kept = "Hà Nội, ngày 05 đóng 11 năm 2025"
    assert _reread("Hà Nội, ngày 05 tháng 1 năm 2025", kept, tmp_path) == kept.split()


def test_a_month_the_page_read_nothing_of_is_not_taken(tmp_path: Path) -> None:
    broken = "Hà Nội, ngày 16 Hine năm 2026"
    assert _reread("Hà Nội, ngày 16 tháng 4 năm 2026", broken, tmp_path) == broken.split()


def test_the_pages_doubt_of_its_figures_stays(tmp_path: Path) -> None:
    """A hand's day re-read by ingest/figures.py is flagged (0.5): the re-read line keeps that."""
    words = _words("Hà Nội ngày 13 Hine A 35 năm 2026")
    words[3] = Word("13", words[3].x0, words[3].top, words[3].x1, words[3].bottom, 0.5)
    out, _, n = reread_date_lines(_page("Hà Nội, ngày 13 tháng 5 năm 2026"), words, [(1, 1, 1)] * len(words), SCALE,
                                  IngestSettings(workers=1), Deadline(tmp_path / "p.pdf", 1, 60), str(tmp_path))
    assert n == 1
    assert all(w.conf <= 0.5 for w in out if w.text.strip(",.") in ("13", "5", "2026"))


def test_switched_off_nothing_is_read(tmp_path: Path) -> None:
    words = _words("Hà Nội ngày 13 Hine A 35 năm 2026")
    keys = [(1, 1, 1)] * len(words)
    out, _, n = reread_date_lines(_page("Hà Nội, ngày 13 tháng 5 năm 2026"), words, keys, SCALE,
                                  IngestSettings(workers=1, date_lines=False), Deadline(tmp_path / "p.pdf", 1, 60),
                                  str(tmp_path))
    assert n == 0 and out == words


def test_a_month_that_can_be_none_is_taken_where_the_line_rendered_otherwise_agrees(tmp_path: Path) -> None:
    """A straightened phone photo's italic `12` read `13` by the page and by the line read
    alone: the line rendered three ways more reads 12 at least twice; it is taken, its figures
    marked a guess to check. Printed as 13, it reads as no date and nothing is taken."""
    words = _words("Lạng Sơn, ngày 16 tháng 13 năm 2025")
    out, _, n = reread_date_lines(_page("Lạng Sơn, ngày 16 tháng 12 năm 2025"), words, [(1, 1, 1)] * len(words),
                                  SCALE, IngestSettings(workers=1), Deadline(tmp_path / "p.pdf", 1, 60), str(tmp_path))
    assert n == 1
    assert "16 tháng 12 năm 2025" in " ".join(w.text for w in sorted(out, key=lambda w: w.x0))
    assert all(w.conf <= 0.5 for w in out if w.text.strip(",.") in ("16", "12", "2025"))
    printed = "Lạng Sơn, ngày 16 tháng 13 năm 2025"
    assert _reread(printed, printed, tmp_path) == printed.split()
