"""Text-layer words: what counts as one word and what is no text at all."""

from __future__ import annotations

from pathlib import Path

from dispatch_reader.ingest.layout import layout_text
from dispatch_reader.ingest.textlayer import _Glyph, _words, load_page, read_layer

from _ingest_make import _fonts  # noqa: I001


def _glyphs(text: str, x: float, base: float, size: float) -> list[_Glyph]:
    out = []
    for ch in text:
        width = size * 0.5
        out.append(_Glyph(ch, x, x + width, base, size, "Times", False, 0))
        x += width
    return out


def test_superscript_mark_stays_in_its_word() -> None:
    # "sinh⁽¹⁾;" (thong-tu-so-25-2022): the mark's baseline is 4.3 pt up, more than half its
    # own 8.5 pt size but well under half the 13 pt text's: one word, not "sinh" and "(1);".
    word = _glyphs("sinh", 286.1, 400.0, 13.0)
    mark = _glyphs("(1)", word[-1].x1, 404.3, 8.5)
    tail = _glyphs(";", mark[-1].x1, 400.0, 13.0)
    next_line = _glyphs("Áo", 234.3, 382.0, 13.0)
    runs = _words([*word, *mark, *tail, None, *next_line], 842.0, 595.0, 842.0)
    assert [lw.word.text for words, _ in runs for lw in words] == ["sinh(1);", "Áo"]


def test_text_too_small_to_see_is_dropped(tmp_path: Path) -> None:
    # nghi-quyet-so-21-2026 page 32: Word writes the footnote mark twice, once raised at 9 pt
    # and once at 0.96 pt. Read at a default size, the hidden copy doubled the number.
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    pdf = tmp_path / "footnote.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4, invariant=1)
    x, y = 70.0, 700.0
    for text, size, rise in (("thế giấy phép hoạt động số …", 14, 0), ("27", 9, 5), ("27", 0.96, 0),
                             ("…/BYT-GPHĐ do Bộ trưởng", 14, 0)):
        c.setFont(regular, size)
        c.drawString(x, y + rise, text)
        x += stringWidth(text, regular, size)
    c.save()
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        words = [lw.word for lw in read_layer(load_page(doc, 0)).words]
    finally:
        doc.close()
    text = layout_text(words)
    assert text.startswith("thế giấy phép hoạt động số …27") and text.endswith("…/BYT-GPHĐ do Bộ trưởng")
    assert text.count("27") == 1, text


def _spaced(text: str, x: float, base: float, size: float, letter_gap: float) -> list[_Glyph]:
    out = []
    for ch in text:
        width = size * 0.5
        out.append(_Glyph(ch, x, x + width, base, size, "Times", False, 0))
        x += width + letter_gap
    return out


def _texts(glyphs: list[_Glyph]) -> list[str]:
    return [lw.word.text for words, _ in _words(glyphs, 842.0, 595.0, 842.0) for lw in words]


def test_gap_of_a_tenth_of_the_size_is_a_space_where_letters_touch() -> None:
    # van-ban-hop-nhat-so-463 page 7: "1." then "Đài" 1.9 pt on (0.135 of 14 pt), no space
    # glyph; the letters of "1." are 0.3 pt apart. Poppler breaks there, and so do we.
    number = _spaced("1.", 86.7, 600.0, 14.0, 0.3)
    word = _spaced("Đài", number[-1].x1 + 1.9, 600.0, 14.0, 0.15)
    assert _texts([*number, *word]) == ["1.", "Đài"]


def test_letter_spaced_text_stays_whole() -> None:
    # Tracking of 0.12 of the size between every letter: a gap that size is letter spacing.
    assert _texts(_spaced("QUYẾT", 100.0, 600.0, 14.0, 0.12 * 14)) == ["QUYẾT"]
