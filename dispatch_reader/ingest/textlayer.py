"""A PDF page's text layer as words with boxes and font names, read with pypdfium2.

pypdfium2 is used rather than pdfplumber for the words: it gives the same characters and
boxes about three times faster (bench/ocr.py measures both). pdfplumber stays in use for
ruled tables (tables.py).
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from dispatch_reader.ingest.pages import Word

_SPACES = {" ", "\t", "\r", "\n", "\u00a0", "\u2002", "\u2003", "\u2009", "\u3000", "\ufffe"}


@dataclass
class LayerWord:
    word: Word
    font: str
    map_errors: int = 0  # characters pdfium could not map to Unicode


@dataclass
class LayerPage:
    width: float
    height: float
    rotation: int
    words: list[LayerWord] = field(default_factory=list)
    image_coverage: float = 0.0  # share of the page area under images (0..1+)
    largest_image_px: int = 0  # pixel count of the largest embedded image

    @property
    def letters(self) -> int:
        return sum(sum(1 for c in w.word.text if c.isalpha()) for w in self.words)

    @property
    def text_area_share(self) -> float:
        area = sum((w.word.x1 - w.word.x0) * (w.word.bottom - w.word.top) for w in self.words)
        return area / max(self.width * self.height, 1.0)


def _font_name(textpage: pdfium.PdfTextPage, index: int, buf: ctypes.Array[ctypes.c_char]) -> str:
    flags = ctypes.c_int()
    n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, len(buf), ctypes.byref(flags))
    if n <= 0:
        return ""
    return buf.value.decode("utf-8", "replace")


def read_layer(page: pdfium.PdfPage) -> LayerPage:
    """All words of the page, top-left origin, in content order."""
    width, height = page.get_size()
    layer = LayerPage(width=width, height=height, rotation=page.get_rotation())
    _measure_images(page, layer)
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        buf = ctypes.create_string_buffer(256)
        current: list[tuple[str, float, float, float, float, str, bool]] = []

        def flush() -> None:
            if not current:
                return
            text = unicodedata.normalize("NFC", "".join(c[0] for c in current))
            word = Word(text=text, x0=min(c[1] for c in current), top=height - max(c[4] for c in current),
                        x1=max(c[3] for c in current), bottom=height - min(c[2] for c in current))
            fonts = [c[5] for c in current]
            layer.words.append(LayerWord(word, max(set(fonts), key=fonts.count), sum(c[6] for c in current)))
            current.clear()

        for i in range(n):
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            ch = chr(code) if 0 < code < 0x110000 else "\ufffd"
            if ch == "\x02":  # pdfium's mark for a hyphen at a line end: it is a real "-"
                ch = "-"
            if ch in _SPACES or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1 and ch.isspace():
                flush()
                continue
            rect = pdfium_c.FS_RECTF()
            # Loose boxes span the glyph's advance, so letters of a word touch (tight boxes
            # leave gaps around narrow glyphs such as "1" and split "11" in two).
            pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(rect))
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or 10.0
            x0, x1 = min(rect.left, rect.right), max(rect.left, rect.right)
            # The font-size band above the baseline, so words of one line share top/bottom.
            base = _baseline(textpage, i, rect)
            box = (ch, x0, base - size * 0.22, x1, base + size * 0.78,
                   _font_name(textpage, i, buf), pdfium_c.FPDFText_HasUnicodeMapError(textpage.raw, i) == 1)
            if current:
                prev = current[-1]
                line_jump = abs(box[2] - prev[2]) > size * 0.5
                gap = box[1] - prev[3]
                if line_jump or gap > size * 0.15 or gap < -size * 2:
                    flush()
            current.append(box)
        flush()
    finally:
        textpage.close()
    return layer


def _baseline(textpage: pdfium.PdfTextPage, index: int, rect: pdfium_c.FS_RECTF) -> float:
    x, y = ctypes.c_double(), ctypes.c_double()
    if pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y)):
        return y.value
    return min(rect.top, rect.bottom)


def _measure_images(page: pdfium.PdfPage, layer: LayerPage) -> None:
    area = 0.0
    largest = 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        try:
            x0, y0, x1, y1 = obj.get_bounds()
            area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
            w, h = obj.get_px_size()
            largest = max(largest, int(w) * int(h))
        except Exception:  # an image we cannot measure is one we will learn about at render
            continue
    layer.image_coverage = area / max(layer.width * layer.height, 1.0)
    layer.largest_image_px = largest
