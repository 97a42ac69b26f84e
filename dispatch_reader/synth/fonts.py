"""Find and register a serif font with full Vietnamese coverage for reportlab."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dispatch_reader.errors import MissingDependencyError

FAMILY = "DRSerif"

# Noto Serif looks closest to the Times New Roman of real documents; DejaVu Serif is the
# fallback. Both cover the Latin Extended Additional block (precomposed Vietnamese).
_CANDIDATES: tuple[tuple[Path, dict[str, str]], ...] = (
    (Path("/usr/share/fonts/truetype/noto"), {
        "": "NotoSerif-Regular.ttf", "-Bold": "NotoSerif-Bold.ttf",
        "-Italic": "NotoSerif-Italic.ttf", "-BoldItalic": "NotoSerif-BoldItalic.ttf"}),
    (Path("/usr/share/fonts/truetype/dejavu"), {
        "": "DejaVuSerif.ttf", "-Bold": "DejaVuSerif-Bold.ttf",
        "-Italic": "DejaVuSerif-Italic.ttf", "-BoldItalic": "DejaVuSerif-BoldItalic.ttf"}),
)


def find_font_files() -> dict[str, Path]:
    """Paths of regular/bold/italic/bold-italic files of the first complete family found."""
    for folder, names in _CANDIDATES:
        paths = {style: folder / name for style, name in names.items()}
        if all(p.is_file() for p in paths.values()):
            return paths
    looked = ", ".join(str(folder) for folder, _ in _CANDIDATES)
    raise MissingDependencyError(looked, "no Vietnamese serif font found (install fonts-noto-core or fonts-dejavu-core)")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the family with reportlab once; return its base name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    paths = find_font_files()
    for style, path in paths.items():
        pdfmetrics.registerFont(TTFont(FAMILY + style, str(path)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, FAMILY + "-Bold")
    addMapping(FAMILY, 0, 1, FAMILY + "-Italic")
    addMapping(FAMILY, 1, 1, FAMILY + "-BoldItalic")
    return FAMILY
