"""The fast text-layer path (bare pdfium calls, glyph tuples, words from zipped fields, the
raw image walk, layout's sorted-median rows) gives what a slow, plain reference gives.

The references below are the straightforward forms the fast code replaced (pypdfium2's typed
bindings and objects, a glyph object per character, one loop per word, statistics.median):
if a speed-up changes a glyph, a word, a box, a font or a line, these fail."""

from __future__ import annotations

import ctypes
import math
import statistics
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from dispatch_reader.ingest import layout, textlayer
from dispatch_reader.ingest.pages import Word

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "realpdfs-dev"
SAMPLES = [f for f in sorted((ROOT / "samples").glob("*.pdf")) if not f.name.endswith(".scan.pdf")]


@dataclass
class _RefGlyph:
    ch: str
    x0: float
    x1: float
    base: float
    size: float
    font: str
    map_error: bool
    direction: int


def _ref_glyphs(textpage: pdfium.PdfTextPage, width: float, height: float) -> list[object]:
    """One typed pypdfium2 call per question per character, an object per glyph."""
    raw = textpage.raw
    n = textpage.count_chars()
    out: list[object] = []
    rect = pdfium_c.FS_RECTF()
    i = 0
    last_obj = None
    size, direction, font = 10.0, 0, ""
    while i < n:
        ch, step = textlayer._char_at(textpage, i, n)
        index, i = i, i + step
        if ch == "\x02":
            ch = "-"
        if ch in textlayer._SPACES or ch.isspace():
            out.append(textlayer._SOFT if pdfium_c.FPDFText_IsGenerated(raw, index) == 1 else None)
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, ctypes.byref(rect))
        ptr = pdfium_c.FPDFText_GetTextObject(raw, index)
        obj = ctypes.cast(ptr, ctypes.c_void_p).value if ptr else None
        if obj is None or obj != last_obj:
            last_obj = obj
            size, direction = _ref_size_and_direction(raw, index)
            buf = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            got = pdfium_c.FPDFText_GetFontInfo(raw, index, buf, len(buf), ctypes.byref(flags))
            font = buf.value.decode("utf-8", "replace") if got > 0 else ""
        if size < 1.5 and abs(rect.top - rect.bottom) < 1.5:
            continue
        x, y = ctypes.c_double(), ctypes.c_double()
        if pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y)):
            ox, oy = x.value, y.value
        else:
            ox, oy = min(rect.left, rect.right), min(rect.top, rect.bottom)
        x0, x1, base = textlayer._in_frame(direction, rect, ox, oy, width, height)
        out.append(_RefGlyph(ch, x0, x1, base, size if size >= 1.0 else 10.0, font,
                             pdfium_c.FPDFText_HasUnicodeMapError(raw, index) == 1, direction))
    return out


def _ref_size_and_direction(raw: object, index: int) -> tuple[float, int]:
    size = pdfium_c.FPDFText_GetFontSize(raw, index) or 10.0
    direction = 0
    m = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(m)):
        scale = math.hypot(m.c, m.d)
        if scale > 0:
            size *= scale
        if m.a or m.b:
            direction = round(math.degrees(math.atan2(m.b, m.a)) / 90) % 4 * 90
    return (size if 0.0 < size <= 500.0 else 10.0), direction


def _fields(g: object) -> object:
    if g is None or isinstance(g, str):
        return g
    return (g.ch, g.x0, g.x1, g.base, g.size, g.font, g.map_error, g.direction)  # type: ignore[attr-defined]


def _ref_words(glyphs: list[object], width: float, height: float) -> list[tuple[list[tuple], int]]:
    """Glyphs → words as one loop per word over glyph objects (the rule is textlayer._words')."""
    out: list[tuple[list[tuple], int]] = []
    current: list = []

    def flush() -> None:
        if not current:
            return
        text = "".join(g.ch for g in current)
        if max(text) >= textlayer._STYLED:
            text = "".join(textlayer._plain(ch) for ch in text)
        import unicodedata
        text = unicodedata.normalize("NFC", text)
        first = current[0]
        own_height = height if first.direction in (0, 180) else width
        if text:
            x0, x1, errors = first.x0, first.x1, 0
            top, bottom = first.base + first.size * 0.78, first.base - first.size * 0.22
            for g in current:
                x0, x1 = min(x0, g.x0), max(x1, g.x1)
                top, bottom = max(top, g.base + g.size * 0.78), min(bottom, g.base - g.size * 0.22)
                errors += g.map_error
            fonts = [g.font for g in current]
            font = first.font if all(f == first.font for f in fonts) else max(set(fonts), key=fonts.count)
            word = (text, x0, own_height - top, x1, own_height - bottom, font, errors)
            if out and out[-1][1] == first.direction:
                out[-1][0].append(word)
            else:
                out.append(([word], first.direction))
        current.clear()

    soft = False
    for k, g in enumerate(glyphs):
        if g is None:
            flush()
            continue
        if isinstance(g, str):
            soft = True
            continue
        if current:
            prev = current[-1]
            line_jump = g.direction != prev.direction or abs(g.base - prev.base) > max(g.size, prev.size) * 0.5
            gap = g.x0 - prev.x1
            if line_jump or gap > g.size * (0.08 if soft else 0.15) or gap < -g.size * 2 \
                    or (gap > g.size * 0.1 and gap > 3 * textlayer._letter_spacing(current, glyphs, k)):  # type: ignore[arg-type]
                flush()
        soft = False
        current.append(g)
    flush()
    return out


def _pages(limit_real: int = 3) -> list[tuple[Path, int]]:
    pages = [(f, i) for f in SAMPLES for i in range(len(pdfium.PdfDocument(str(f))))]
    for f in sorted(REAL.glob("*.pdf"))[:limit_real]:  # real Gazette pages where ../shared is there
        pages += [(f, i) for i in range(min(4, len(pdfium.PdfDocument(str(f)))))]
    return pages


@pytest.mark.parametrize("path,index", _pages(), ids=lambda v: v.name if isinstance(v, Path) else str(v))
def test_fast_glyphs_and_words_are_the_slow_reference_s(path: Path, index: int) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = textlayer.load_page(pdf, index)
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            fast = textlayer._read_glyphs(textpage, width, height)
            slow = _ref_glyphs(textpage, width, height)
        finally:
            textpage.close()
        assert [_fields(g) for g in fast] == [_fields(g) for g in slow]
        frame_height = height
        words = [([(lw.word.text, lw.word.x0, lw.word.top, lw.word.x1, lw.word.bottom, lw.font, lw.map_errors)
                   for lw in run], direction) for run, direction in textlayer._words(fast, frame_height, width, height)]
        assert words == _ref_words(slow, width, height)
        page.close()
    finally:
        pdf.close()


def _ref_images(page: pdfium.PdfPage) -> tuple[float, int]:
    area, largest = 0.0, 0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        try:
            x0, y0, x1, y1 = obj.get_bounds()
            area += max(0.0, x1 - x0) * max(0.0, y1 - y0)
            w, h = obj.get_px_size()
            largest = max(largest, int(w) * int(h))
        except Exception:
            continue
    return area, largest


@pytest.mark.parametrize("path", [ROOT / "samples" / "qd-biet-phai-01.scan.pdf", SAMPLES[0]], ids=lambda p: p.name)
def test_image_measures_are_pypdfium2_objects_own(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        layer = textlayer.LayerPage(*page.get_size(), rotation=0)
        textlayer._measure_images(page, layer)
        area, largest = _ref_images(page)
        assert layer.image_coverage == area / max(layer.width * layer.height, 1.0)
        assert layer.largest_image_px == largest
        page.close()
    finally:
        pdf.close()


def _ref_rows(words: list[Word]) -> list[list[str]]:
    """layout.group_rows' row rule with statistics.median and a Row per seed word."""
    spans = sorted(((w.top, w.bottom, w) for w in words), key=lambda s: (s[0] + s[1]) / 2)
    rows: list[list[Word]] = []
    top = bottom = 0.0
    heights: list[float] = []
    for seed_top, seed_bottom, w in spans:
        centre = (seed_top + seed_bottom) / 2
        if rows:
            band = (bottom - top) * 0.35
            if top + band <= centre <= bottom - band or abs(centre - (top + bottom) / 2) < statistics.median(heights) * 0.3:
                rows[-1].append(w)
                top, bottom = min(top, seed_top), max(bottom, seed_bottom)
                heights.append(w.bottom - w.top)
                continue
        rows.append([w])
        top, bottom = seed_top, seed_bottom
        heights = [w.bottom - w.top]
    return [[w.text for w in row] for row in rows]


def test_rows_before_small_words_are_the_plain_median_rule() -> None:
    """group_rows keeps the row heights sorted as it goes; the rows are those of the plain rule."""
    real = layout._attach_small_words
    seen: list[list[list[str]]] = []
    layout._attach_small_words = lambda rows: seen.append([[w.text for w in r.words] for r in rows]) or real(rows)  # type: ignore[assignment, func-returns-value]
    try:
        for path in SAMPLES[:8]:
            layer = textlayer.read_layer(textlayer.load_page(pdfium.PdfDocument(str(path)), 0))
            words = [lw.word for lw in layer.words]
            seen.clear()
            layout.group_rows(words)
            assert seen == [_ref_rows(words)]
    finally:
        layout._attach_small_words = real  # type: ignore[assignment]


@pytest.mark.parametrize("values", [[3.0], [2.0, 1.0], [5.0, 1.0, 3.0, 2.0], [1.5, 1.5, 0.5, 9.0, 2.25]])
def test_row_median_is_statistics_median(values: list[float]) -> None:
    assert layout._median(values) == statistics.median(values)
    assert layout._median_sorted(sorted(values)) == statistics.median(values)
    with pytest.raises(statistics.StatisticsError):
        layout._median([])
