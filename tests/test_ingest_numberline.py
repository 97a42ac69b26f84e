"""The header's number line, read broken with the page, read again alone (ingest/numberline.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from dispatch_reader.ingest.numberline import (_broken_line, _figure_slots, _glued, _taken, _unlabelled_line,
                                               reread_number_lines)
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import Deadline

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
DPI = 300
SCALE = 72.0 / DPI
PAGE_W, PAGE_H = 595.0, 842.0


def _words(text: str, top: float = 100.0, left: float = 60.0, conf: float = 0.9) -> list[Word]:
    """Words set a space apart on one line, in points."""
    out, x = [], left
    for w in text.split():
        out.append(Word(w, x, top, x + 7.0 * len(w), top + 12.0, conf))
        x += 7.0 * len(w) + 4.0
    return out


def _broken(text: str, top: float = 100.0):
    line = _words(text, top)
    return _broken_line(line, list(range(len(line))), PAGE_W, PAGE_H)


@pytest.mark.parametrize(("line", "read"), [
    ("Số: 1 HếNGdE— Hà Nội, ngày 29 tháng 4 năm 2026", "1HếNGdE—"),  # a stamp's frame in the line
    ("Số: 28/2021/TỊP -BLPTRXH, Hà Nội", "28/2021/TỊP-BLPTRXH,"),  # the symbol's letters lost
    ("30: //2U24/11-DNHỮL Hà Nội", "//2U24/11-DNHỮLHà"),  # a fax's `Số:` and its figures
    ("Số: 8819", "8819"),  # a receiving stamp's: read again, never taken (no slash)
])
def test_a_number_line_read_broken_is_found(line: str, read: str) -> None:
    assert _broken(line).read == read


@pytest.mark.parametrize("line", [
    "Số: 116/NQ-CP Hà Nội, ngày 29 tháng 4 năm 2026",  # read whole
    "Số: 1205/QĐ-RV HĐT",  # well-formed, if wrong: the extraction's to mend, not a re-reading's
    "Số: 12 /QĐ-UBND",  # a space before the slash is still a number
    "Số: 05/CĐ-TTg",  # the Prime Minister's symbol
    "Số: 144/2026/NĐ-CPs6;3",  # a stamp's hand glued after it: the extraction takes it off
    "Số: 15/2024/QĐ-UBND",
    "Kính gửi: Sở Nội vụ tỉnh Lào Cai",  # no number line
    "Số: đề nghị",  # no figures, no slash
])
def test_a_number_read_whole_or_no_number_line_is_left(line: str) -> None:
    assert _broken(line) is None


def test_a_number_line_low_on_the_page_is_no_headers() -> None:
    assert _broken("Số: 28/2021/TỊP -BLPTRXH", top=700.0) is None


@pytest.mark.parametrize(("read", "slots"), [
    ("U1/2U24/11-5LE215XH", ("01", "2024", True, True)),  # look-alike letters of figures
    ("//2U24/11-DNHỮL", ("", "2024", False, False)),
    ("HếNGdE—1", ("1", "", False, False)),  # found past the junk
    ("28/2021/TỊP-BLPTRXH", ("28", "2021", True, True)),
    ("1 HếNGdE—", ("1", "", True, False)),  # opening it, but no slash after: maybe in part
])
def test_the_figures_the_page_read(read: str, slots: tuple) -> None:
    f = _figure_slots(read)
    assert (f.number, f.year, f.opens, f.closed) == slots


@pytest.mark.parametrize(("text", "number"), [
    ("1 16NQ-CP——", "116/NQ-CP"),
    ("2046QĐ-UBND", "2046/QĐ-UBND"),
    ("16XY-CP", None),  # no type abbreviation: figures glued to anything are no number
    ("16NQ", None),  # no body after it
    ("8819 16NQ-CP", None),  # a stamp's figures beside the number's are none of it
    ("144NĐ-GP3673", None),  # and figures run into the symbol
])
def test_figures_glued_to_a_type_abbreviation_get_their_slash(text: str, number: str | None) -> None:
    glued = _glued(text)
    assert (glued[0] if glued else None) == number


def _found(text: str, conf: float = 0.9) -> list[Word]:
    return _words(text, conf=conf)


@pytest.mark.parametrize(("reading", "page", "number"), [
    ("Số: 28/2021/TT-BLDTBXH „ Hà Nội", "28/2021/TỊP-BLPTRXH,", "28/2021/TT-BLDTBXH"),
    ("Số: 1 16NQ-CP—— TT” Hà Nội", "HếNGdE—1", "116/NQ-CP"),  # the page's `1` stands in `116`
    ("36: 07/2024/TT-BNHĐT fia", "//2U24/11-DNHỮL", "07/2024/TT-BNHĐT"),  # figures it read none of: sure
    ("SÁ: 1906/QĐ-RV HOT", "1205/QĐ-RỊV", None),  # figures the page read otherwise
    ("Số: 1205/2023/QĐ-UBND", "1205/2024/QĐ", None),  # another year
    ("Số: 8819", "8819", None),  # a stamp's number: no slash
    ("Số: 144/2026/NĐ-GP3673", "144/2026/NĐ-ỊP", None),  # the stamp's figures run into the symbol
    # a reviewer's: a symbol cut short, figures added to a number the page read whole, a
    # stamp's figures joined to the number's, a figure found past the junk taken as another's
    ("Số: 116/NQ—CP", "HếNGdE—1", None),
    ("Số: 28/2021/TT- BLĐTBXH", "28/2021/TỊP-BLPTRXH,", None),
    ("Số: 11205/QĐ-RV", "1205/QĐ-RỊV", None),
    ("Số: 8819 16NQ-CP", "HếNGdE—1", None),
    ("Số: 144NĐ-GP3673", "HếNGdE—1", None),
    ("Số: 716/NQ-CP", "HếNGdE—1", None),
])
def test_a_reading_is_taken_only_as_a_number_with_the_pages_figures(reading: str, page: str,
                                                                   number: str | None) -> None:
    taken = _taken(_found(reading), page)
    assert (taken[0] if taken else None) == number


def test_figures_the_page_read_none_of_are_taken_only_where_sure() -> None:
    assert _taken(_found("Số: 07/2024/TT-BKHĐT", conf=0.6), "//2U24/11-DNHỮL") is None


def _page(printed: str) -> np.ndarray:
    """A header's top at 300 dpi with `printed` as its number line, where `_words` puts it."""
    im = Image.new("L", (2480, 3508), 255)
    ImageDraw.Draw(im).text((60 / SCALE, 100 / SCALE - 6), printed, font=ImageFont.truetype(str(FONT), 46), fill=0)
    return np.asarray(im)


def _reread(printed: str, read: str, tmp_path: Path, conf: float = 0.9, **settings: object) -> tuple[list[Word], int]:
    words = _words(read, conf=conf)
    keys = [(1, 1, 1)] * len(words)
    out, _, n = reread_number_lines(_page(printed), words, keys, SCALE, IngestSettings(workers=1, **settings),
                                    Deadline(tmp_path / "page.pdf", 1, 60), str(tmp_path))
    return sorted(out, key=lambda w: w.x0), n


def test_the_line_read_again_alone_gives_its_number(tmp_path: Path) -> None:
    out, n = _reread("Số: 28/2021/TT-BLĐTBXH", "Số: 28/2021/TỊP -BLPTRXH,", tmp_path)
    assert n == 1
    assert [w.text for w in out][0] == "Số:"
    assert out[1].text.startswith("28/2021/TT-BL") and out[1].text.endswith("TBXH")
    assert len(out) == 2


def test_a_reading_with_other_figures_than_the_pages_is_not_taken(tmp_path: Path) -> None:
    broken = "Số: 1205/QĐ-RỊV -HĐT"
    out, n = _reread("Số: 1906/QĐ-BKHĐT", broken, tmp_path)
    assert n == 0 and [w.text for w in out] == broken.split()


def test_switched_off_nothing_is_read(tmp_path: Path) -> None:
    broken = "Số: 28/2021/TỊP -BLPTRXH,"
    out, n = _reread("Số: 28/2021/TT-BLĐTBXH", broken, tmp_path, number_lines=False)
    assert n == 0 and [w.text for w in out] == broken.split()


def test_the_year_and_the_symbols_end_read_by_the_page_vouch_for_a_reading_unsure_of_its_figures() -> None:
    """A grey stamp's letters over the number's top: the page read `!2026/3B'UBND` (the year and
    the symbol's end, the number's own figures lost). A reading with that year and symbol end
    is taken, however unsure of its figures (flagged by its confidence); another year, or
    another symbol, is not."""
    taken = _taken(_found("Số: 09/2026/QĐ-UBND", conf=0.16), "!2026/3B'UBNDKhánh")
    assert taken is not None and taken[0] == "09/2026/QĐ-UBND"
    assert _taken(_found("Số: 09/2025/QĐ-UBND", conf=0.16), "!2026/3B'UBNDKhánh") is None
    assert _taken(_found("Số: 09/2026/QĐ-SNV", conf=0.16), "!2026/3B'UBNDKhánh") is None


def test_a_grey_stamps_lighter_letters_over_the_number_are_left_out_of_a_reading(tmp_path: Path) -> None:
    """Over the number line, a receiving stamp scanned in grey: its letters lighter than print.
    Read as it is the line is lost; the number line's ink as dark as print reads."""
    from dispatch_reader.ingest.numberline import _dark_print_only

    im = Image.new("L", (900, 140), 245)
    draw = ImageDraw.Draw(im)
    draw.text((30, 40), "Số: 09/2026/QĐ-UBND", font=ImageFont.truetype(str(FONT), 46), fill=25)
    draw.text((60, 20), "VĂN PHÒNG CHÍNH PHỦ", font=ImageFont.truetype(str(FONT), 40), fill=165)
    region = np.asarray(im)
    dark = _dark_print_only(region)
    assert (dark[region == 25] == 0).all()  # the print stays black
    assert (dark[region == 165] == 255).all()  # the stamp's letters go


def test_a_reading_vouched_for_by_the_year_alone_is_flagged(tmp_path: Path) -> None:
    """The page read only the year and the symbol's end (`Sb: !2026/3B'UBND`): the line read
    alone gives the number, marked for checking however sure Tesseract is of it."""
    out, n = _reread("Số: 09/2026/QĐ-UBND", "Sb: !2026/3B'UBND", tmp_path)
    assert n == 1
    number = next(w for w in out if "/" in w.text)
    assert number.text == "09/2026/QĐ-UBND" and number.conf is not None and number.conf <= 0.5


def test_a_reading_the_page_read_some_figures_of_is_flagged(tmp_path: Path) -> None:
    """The page read `1` of `116` past a stamp's junk: the figures the reading adds are the first
    thing to check (a reviewer's: `716/NQ-CP` was taken at the reading's own confidence)."""
    out, n = _reread("Số: 116/NQ-CP", "Số: 1 HếNGdE—", tmp_path)
    assert n == 1
    number = next(w for w in out if "/" in w.text)
    assert number.text == "116/NQ-CP" and number.conf is not None and number.conf <= 0.5


def _unlabelled(text: str, conf: float = 0.2, left: float = 60.0, top: float = 100.0):
    line = _words(text, top, left, conf)
    return _unlabelled_line(line, list(range(len(line))), PAGE_W, PAGE_H)


def test_a_number_line_whose_label_was_lost_too_is_found_by_its_unsure_slash() -> None:
    """A grey stamp's letters over the whole line: the page read neither `Số:` nor the number
    (`_n.. 0/äC-vp`, both unsure). A line of the header's left column with an unsure word
    holding a slash (or a backslash) is read again."""
    assert _unlabelled("_n.. 0/äC-vp Hà Tĩnh, ngày 15 tháng 6 năm 2026") is not None
    assert _unlabelled("36 \\SDTPEN") is not None
    assert _unlabelled("_n.. 0/äC-vp").read == ""  # its figures vouch for nothing
    assert _unlabelled("_n.. 0/äC-vp", conf=0.9) is None  # read sure: as it is
    assert _unlabelled("_n.. 0/äC-vp", left=400.0) is None  # the right column's
    assert _unlabelled("_n.. 0/äC-vp", top=700.0) is None  # low on the page
    assert _unlabelled("Số: 0/äC-vp") is None  # labelled: _broken_line's
    assert _unlabelled("xx 37/BC-SXD") is None  # a number read whole
    assert _unlabelled("Kính gửi: Sở Nội vụ") is None  # no slash
    assert _unlabelled("V/v triển khai Quyết định") is None  # the subject's own line


def test_a_number_line_read_as_junk_label_and_all_is_read_again_and_flagged(tmp_path: Path) -> None:
    out, n = _reread("Số: 37/BC-SXD", "_n.. 0/äC-vp", tmp_path, conf=0.2)
    assert n == 1
    assert [w.text for w in out] == ["Số:", "37/BC-SXD"]
    assert out[1].conf is not None and out[1].conf <= 0.5  # figures no page reading vouched for


def test_an_unsure_line_read_again_without_a_label_is_no_number(tmp_path: Path) -> None:
    """`V/v đề nghị …` read unsure: its reading finds no `Số:`, and the line stays as read."""
    read = "V/v đề ngh1 b1ệt"
    out, n = _reread("V/v đề nghị biệt phái", read, tmp_path, conf=0.3)
    assert n == 0 and [w.text for w in out] == read.split()


def test_a_cited_number_in_an_unsure_line_is_not_taken_for_the_headers() -> None:
    """A line the page read no `Số:` on, read again: a running text's `số` (no colon) before a
    number cites another document (a reviewer's: `… Quyết định số 1702/QĐ-UBND` became the
    header's number); only `Số:` with its colon opens the header's."""
    cited = _found("triển khai Quyết định số 1702/QĐ-UBND", conf=0.95)
    assert _taken(cited, "", needs_label=True) is None
    assert _taken(cited, "") is not None  # (a labelled line's reading may drop the colon)
    labelled = _taken(_found("Số: 37/BC-SXD", conf=0.95), "", needs_label=True)
    assert labelled is not None and labelled[0] == "37/BC-SXD"
