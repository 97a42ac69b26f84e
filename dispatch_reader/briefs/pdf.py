"""HTML brief → PDF with WeasyPrint, in a font that has every Vietnamese letter.

WeasyPrint lays text out with Pango, which picks fonts through fontconfig; the templates ask
for Noto Serif (fonts-noto-core) and fall back to DejaVu Serif, both complete for Vietnamese.
"""

from __future__ import annotations

from pathlib import Path

from dispatch_reader.errors import MissingDependencyError

# Debian packages WeasyPrint loads at run time (Pango and its FreeType backend).
SYSTEM_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0")


def _weasyprint():  # type: ignore[no-untyped-def]
    try:
        import weasyprint
    except ImportError:
        raise MissingDependencyError(None, "PDF briefs need WeasyPrint: pip install weasyprint") from None
    except OSError as exc:  # the Python package is there but Pango is not
        raise MissingDependencyError(
            None, f"PDF briefs need Pango ({exc.__class__.__name__}): apt-get install {' '.join(SYSTEM_PACKAGES)}"
        ) from None
    return weasyprint


def html_to_pdf(html: str, base_dir: Path | None = None) -> bytes:
    """The PDF of a self-contained HTML page; same input, same bytes (no clock in the output)."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(base_dir) if base_dir else None)
    return document.write_pdf()
