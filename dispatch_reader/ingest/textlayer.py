"""A PDF page's text layer as words with boxes and font names, read with pypdfium2.

pypdfium2 is used rather than pdfplumber for the words: it gives the same characters and
boxes about three times faster (bench/ocr.py measures both). pdfplumber stays in use for
ruled tables (tables.py).
"""

from __future__ import annotations

import ctypes
import functools
import math
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from dispatch_reader.ingest.pages import Word

_SPACES = {" ", "\t", "\r", "\n", "\u00a0", "\u2002", "\u2003", "\u2009", "\u3000", "\ufffe"}
# The code points of _SPACES and of every character str.isspace() calls a space: asked of each
# character's code before a str is made for it.
_SPACE_CODES = frozenset({ord(c) for c in _SPACES} | {c for c in range(0x3001) if chr(c).isspace()})


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
        return sum(map(str.isalpha, "".join([w.word.text for w in self.words])))

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


class _Glyph(NamedTuple):
    """A tuple, made with tuple.__new__ in _read_glyphs: cheaper to make, for every
    character, than a class instance."""

    ch: str
    x0: float  # along the line, in the glyph's own reading frame
    x1: float
    base: float  # baseline height in that frame (upwards)
    size: float
    font: str
    map_error: bool
    direction: int  # 0, 90, 180 or 270: which way the line runs on the page


def load_page(pdf: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """A page with its annotations' appearances merged into its content (in memory only).

    E-signature boxes ("Người ký: … Thời gian ký: …") and stamps are widget or free-text
    annotations: visible on the page, absent from its text unless flattened first."""
    page = pdf[index]
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
        if pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS:
            page.close()  # pdfium shows the merged content only to a freshly loaded page
            page = pdf[index]
    return page


def read_layer(page: pdfium.PdfPage) -> LayerPage:
    """All words of the page, top-left origin, in content order.

    Lines that run another way than most of the page (a landscape table set sideways on a
    portrait page, a page number turned along the margin) are read in their own frame and
    placed above the page's main text, so they stay whole lines instead of letter columns."""
    width, height = page.get_size()
    layer = LayerPage(width=width, height=height, rotation=page.get_rotation())
    _measure_images(page, layer)
    textpage = page.get_textpage()
    try:
        glyphs = _read_glyphs(textpage, width, height)
    finally:
        textpage.close()
    weight: dict[int, int] = {}
    for g in glyphs:
        if g is not None and g is not _SOFT:
            weight[g.direction] = weight.get(g.direction, 0) + 1  # type: ignore[union-attr]
    main = max(weight, key=weight.__getitem__) if weight else 0
    frame_height = height if main in (0, 180) else width
    minor: list[LayerWord] = []
    for words, direction in _words(glyphs, frame_height, width, height):
        (layer.words if direction == main else minor).extend(words)
    if minor:
        lift = max(w.word.bottom for w in minor) + 10.0
        for lw in minor:
            w = lw.word
            lw.word = Word(text=w.text, x0=w.x0, top=w.top - lift, x1=w.x1, bottom=w.bottom - lift)
        layer.words = minor + layer.words
    return layer


_SOFT = "soft"  # a space pdfium generated from a gap: a break only if the gap is really there
# Glyphs smaller than this (size and box, in points) cannot be seen on the page.
_INVISIBLE = 1.5


def _read_glyphs(textpage: pdfium.PdfTextPage, width: float, height: float) -> list[_Glyph | str | None]:
    """Glyphs in content order; None where a space glyph separates words, _SOFT where pdfium
    generated a space or line end (its guess misfires on turned text and font changes).

    Run for every character of every page: pdfium's functions, the page handle and the
    structures they fill are looked up and made once per page, not once per character."""
    n = textpage.count_chars()
    raw = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    get_unicode, is_generated, loose_box, map_error, text_object, char_origin = _bare_calls()
    buf = ctypes.create_string_buffer(256)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ox_ref, oy_ref = ctypes.byref(ox), ctypes.byref(oy)
    spaces, space_codes = _SPACES, _SPACE_CODES
    glyphs: list[_Glyph | str | None] = []
    append, new, glyph = glyphs.append, tuple.__new__, _Glyph
    last_obj: int | None = None
    size, direction, font = 10.0, 0, ""
    shown_size, tiny = 10.0, False  # the size a glyph carries; too small to see
    i = 0
    while i < n:
        code = get_unicode(raw, i)
        index = i
        if 0 < code < 0xD800 or 0xE000 <= code < 0x110000:
            i += 1
            if code in space_codes:  # ch in spaces or ch.isspace(), before making ch
                append(_SOFT if is_generated(raw, index) == 1 else None)
                continue
            ch = "-" if code == 2 else chr(code)  # U+0002: pdfium's mark for a hyphen at a line end
        else:  # a surrogate pair over two slots, or an unmapped code
            ch, step = _char_at(textpage, i, n)
            i += step
            if ch in spaces or ch.isspace():
                append(_SOFT if is_generated(raw, index) == 1 else None)
                continue
        # Loose boxes span the glyph's advance, so letters of a word touch (tight boxes
        # leave gaps around narrow glyphs such as "1" and split "11" in two).
        loose_box(raw, index, rect_ref)
        # Glyphs of one text object share its font, size and direction: asked once per object.
        obj = text_object(raw, index)
        if obj is None or obj != last_obj:
            last_obj = obj
            size, direction = _size_and_direction(textpage, index)
            font = _font_name(textpage, index, buf)
            shown_size, tiny = (size if size >= 1.0 else 10.0), size < _INVISIBLE
        if tiny and abs(rect.top - rect.bottom) < _INVISIBLE:
            continue  # text too small to see: Word's hidden copy of a footnote mark, not a word
        if direction == 0:  # _in_frame's first case, the page's own frame (nearly every glyph)
            y = oy.value if char_origin(raw, index, ox_ref, oy_ref) else min(rect.top, rect.bottom)
            left, right = rect.left, rect.right
            append(new(glyph, (ch, left, right, y, shown_size, font, map_error(raw, index) == 1, 0) if left <= right
                       else (ch, right, left, y, shown_size, font, map_error(raw, index) == 1, 0)))
            continue
        if char_origin(raw, index, ox_ref, oy_ref):
            x, y = ox.value, oy.value
        else:
            x, y = min(rect.left, rect.right), min(rect.top, rect.bottom)
        x0, x1, base = _in_frame(direction, rect, x, y, width, height)
        append(new(glyph, (ch, x0, x1, base, shown_size, font, map_error(raw, index) == 1, direction)))
    return glyphs


@functools.lru_cache(maxsize=1)
def _bare_calls() -> tuple[Callable[..., int], ...]:
    """The per-character pdfium functions _read_glyphs calls, as bare function pointers
    with a return type and no argument types: called with a c_void_p page handle, int
    indexes and byref() structures, they take a third to a half of the time of the
    binding's typed ones, whose argument checks and conversions cost more than pdfium's
    work. FPDFText_GetTextObject gives the object's address as an int (None for none), so
    objects compare cheaply. Order: GetUnicode, IsGenerated, GetLooseCharBox,
    HasUnicodeMapError, GetTextObject, GetCharOrigin."""

    def bare(function: object, restype: type) -> Callable[..., int]:
        address = ctypes.cast(function, ctypes.c_void_p).value
        return ctypes.CFUNCTYPE(restype)(address)  # type: ignore[return-value]

    return (bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint), bare(pdfium_c.FPDFText_IsGenerated, ctypes.c_int),
            bare(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
            bare(pdfium_c.FPDFText_HasUnicodeMapError, ctypes.c_int),
            bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p),
            bare(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int))


def _in_frame(direction: int, rect: pdfium_c.FS_RECTF, ox: float, oy: float, width: float, height: float
              ) -> tuple[float, float, float]:
    """The glyph's extent along its line and its baseline height, in the frame where the
    line runs left to right (the page turned so that this text stands upright)."""
    left, right = min(rect.left, rect.right), max(rect.left, rect.right)
    bottom, top = min(rect.bottom, rect.top), max(rect.bottom, rect.top)
    if direction == 90:  # runs up the page
        return bottom, top, width - ox
    if direction == 180:
        return width - right, width - left, height - oy
    if direction == 270:  # runs down the page
        return height - top, height - bottom, ox
    return left, right, oy


def _words(glyphs: list[_Glyph | str | None], frame_height: float, width: float, height: float
           ) -> list[tuple[list[LayerWord], int]]:
    """Glyphs → words, one list per run of glyphs sharing a direction."""
    out: list[tuple[list[LayerWord], int]] = []
    current: list[_Glyph] = []

    def flush() -> None:
        if not current:
            return
        # the glyphs' fields side by side (glyphs are tuples): one pass in C
        chs, x0s, x1s, bases, sizes, fonts, errs, dirs = zip(*current)
        text = "".join(chs)
        if not text.isascii():  # NFC and the styled letters change no ASCII text
            if max(text) >= _STYLED:
                text = "".join(_plain(ch) for ch in text)
            text = unicodedata.normalize("NFC", text)
        direction = dirs[0]
        own_height = height if direction in (0, 180) else width
        if text:
            # the box, the fonts and the unmapped characters (run for every word)
            font = fonts[0]
            if len(current) == 1:
                x0, x1, errors, one_font = x0s[0], x1s[0], int(errs[0]), True
                top, bottom = bases[0] + sizes[0] * 0.78, bases[0] - sizes[0] * 0.22
            else:
                x0, x1 = min(x0s), max(x1s)
                size = sizes[0]
                if sizes.count(size) == len(sizes):  # one size (nearly every word): adding it keeps the order
                    top, bottom = max(bases) + size * 0.78, min(bases) - size * 0.22
                else:
                    top = max([b + s * 0.78 for b, s in zip(bases, sizes)])
                    bottom = min([b - s * 0.22 for b, s in zip(bases, sizes)])
                errors = sum(errs)
                one_font = fonts.count(font) == len(fonts)
            if not one_font:
                font = max(set(fonts), key=fonts.count)
            word = Word(text, x0, own_height - top, x1, own_height - bottom)
            lw = LayerWord(word, font, errors)
            if out and out[-1][1] == direction:
                out[-1][0].append(lw)
            else:
                out.append(([lw], direction))
        current.clear()

    soft = False
    # the last glyph of `current` (read only while `current` holds one)
    prev_x1 = prev_base = prev_size = 0.0
    prev_direction = 0
    for k, g in enumerate(glyphs):
        if g is None:
            flush()
            continue
        if g is _SOFT:  # the only string among the glyphs
            soft = True
            continue
        _, x0, x1, base, size, _, _, direction = g  # type: ignore[misc]
        if current:
            # A superscript or subscript ("sinh⁽¹⁾", "H₂O") shifts the baseline by about a
            # third of the normal size, which is more than half its own small size: measure
            # the shift against the larger glyph, so only a new line breaks the word.
            line_jump = direction != prev_direction or \
                abs(base - prev_base) > (prev_size if prev_size > size else size) * 0.5
            gap = x0 - prev_x1
            # A gap of a sixth of the size is a space the producer drew as a move, not a
            # glyph ("Thương binh" set as two runs); letter spacing stays well below it.
            # Where pdfium saw a space too, a smaller gap will do. A tenth of the size
            # (poppler's word break) will do as well when it is several times the letter
            # spacing on both sides ("1.Đài", "Chức vụ:......"): letter-spaced text stays whole.
            if line_jump or gap > size * (0.08 if soft else 0.15) or gap < -size * 2 \
                    or (gap > size * 0.1 and gap > 3 * _letter_spacing(current, glyphs, k)):
                flush()
        soft = False
        current.append(g)  # type: ignore[arg-type]
        prev_x1, prev_base, prev_size, prev_direction = x1, base, size, direction
    flush()
    return out


def _letter_spacing(current: list[_Glyph], glyphs: list[_Glyph | str | None], k: int) -> float:
    """The wider of the letter gaps around glyph k: the last one inside the current word and
    the one after glyph k, where a glyph on the same line follows directly."""
    around = [current[-1].x0 - current[-2].x1] if len(current) > 1 else []
    g = glyphs[k]
    nxt = glyphs[k + 1] if k + 1 < len(glyphs) else None
    if isinstance(g, _Glyph) and isinstance(nxt, _Glyph) and abs(nxt.base - g.base) <= g.size * 0.5:
        around.append(nxt.x0 - g.x1)
    return max([0.0, *around])


def _char_at(textpage: pdfium.PdfTextPage, index: int, count: int) -> tuple[str, int]:
    """The character at `index` and how many text-page slots it takes. pdfium hands out
    UTF-16 units: a character beyond the BMP (math letters, tags) is a surrogate pair over
    two slots; a lone surrogate or an unmapped code is U+FFFD, never a crash downstream."""
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
    if 0xD800 <= code < 0xDC00 and index + 1 < count:
        low = pdfium_c.FPDFText_GetUnicode(textpage.raw, index + 1)
        if 0xDC00 <= low < 0xE000:
            return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)), 2
    if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000:
        return chr(code), 1
    return "\ufffd", 1


_STYLED = "\U0001d400"  # the first character _plain changes


def _plain(ch: str) -> str:
    """Styled mathematical letters (U+1D400…) are letters in a costume: their plain form.
    Tag characters (U+E0000…) are invisible: dropped."""
    code = ord(ch)
    if 0x1D400 <= code <= 0x1D7FF:
        return unicodedata.normalize("NFKC", ch)
    if 0xE0000 <= code <= 0xE007F:
        return ""
    return ch


def _size_and_direction(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, int]:
    """The glyph's size on the page and which way its line runs (0, 90, 180, 270 degrees).

    Producers often set the font size to 1 and scale through the text matrix, so the
    reported size alone is no height: it is scaled by the matrix's vertical stretch (pdfium
    returns the text matrix times the CTM), whose angle also gives the direction. A size
    below one point is returned as it is: the caller drops text too small to be seen."""
    size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index) or 10.0
    direction = 0
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        scale = math.hypot(matrix.c, matrix.d)
        if scale > 0:
            size *= scale
        if matrix.a or matrix.b:
            direction = round(math.degrees(math.atan2(matrix.b, matrix.a)) / 90) % 4 * 90
    return (size if 0.0 < size <= 500.0 else 10.0), direction


def _origin(textpage: pdfium.PdfTextPage, index: int, rect: pdfium_c.FS_RECTF) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    if pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y)):
        return x.value, y.value
    return min(rect.left, rect.right), min(rect.top, rect.bottom)


def _measure_images(page: pdfium.PdfPage, layer: LayerPage) -> None:
    area = 0.0
    largest = 0
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    px_w, px_h = ctypes.c_uint(), ctypes.c_uint()
    for obj in _image_objects(page.raw, None, 0, 3):
        # as pypdfium2's PdfImage.get_bounds and get_px_size, which raise where these fail
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue  # an image we cannot measure is one we will learn about at render
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
        if not pdfium_c.FPDFImageObj_GetImagePixelSize(obj, px_w, px_h):
            continue
        largest = max(largest, int(px_w.value) * int(px_h.value))
    layer.image_coverage = area / max(layer.width * layer.height, 1.0)
    layer.largest_image_px = largest


def _image_objects(page_raw: object, form: object, level: int, max_depth: int) -> Iterator[object]:
    """The image objects of a page, down into form XObjects to `max_depth` levels, in the
    order and with the errors of pypdfium2's PdfPage.get_objects(filter=(IMAGE,)), without
    its Python object for each of the page's (mostly text) objects."""
    if form is None:
        n = pdfium_c.FPDFPage_CountObjects(page_raw)
    else:
        n = pdfium_c.FPDFFormObj_CountObjects(form)
    if n < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    get_type, image, form_type = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM
    for i in range(n):
        obj = pdfium_c.FPDFPage_GetObject(page_raw, i) if form is None else pdfium_c.FPDFFormObj_GetObject(form, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        kind = get_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_UNKNOWN:
            raise pdfium.PdfiumError("Failed to determine pageobject type.")
        if kind == image:
            yield obj
        if kind == form_type and level < max_depth - 1:
            yield from _image_objects(page_raw, obj, level + 1, max_depth)
