"""HTML brief → PDF with WeasyPrint, in a font that has every Vietnamese letter.

WeasyPrint lays text out with Pango, which picks fonts through fontconfig; the templates ask
for Noto Serif (fonts-noto-core) and fall back to DejaVu Serif, both complete for Vietnamese.

Templates are the users' code, so what a PDF may pull in is confined (README: nothing leaves
the machine): WeasyPrint's own fetcher would read any `file:` URL into the PDF (`<link
rel="attachment" href="file:///etc/passwd">` embeds the file) and make any HTTP request a
template writes. `confined_fetcher` serves only files inside the allowed folders (the package's
and the templates folders) and inline `data:` URLs; everything else fails like a missing image.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

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


class FetchRefused(ValueError):
    """A template asked for something outside the allowed folders (WeasyPrint logs it and goes on)."""


def _data_url(url: str) -> tuple[bytes, str]:
    head, _, payload = url[5:].partition(",")
    mime = head.split(";")[0] or "text/plain"
    data = base64.b64decode(payload) if head.endswith(";base64") else unquote(payload).encode("utf-8")
    return data, mime


def fetch_confined(url: str, roots: list[Path]) -> tuple[bytes, str, str]:
    """(bytes, mime type, url) of `url` when it is a `data:` URL or a file inside one of `roots`
    (after resolving symlinks and `..`, so a link in a templates folder cannot point out of it);
    FetchRefused otherwise: no other scheme, no network."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        data, mime = _data_url(url)
        return data, mime, url
    if scheme != "file":
        raise FetchRefused(f"briefs fetch nothing over the network: {url[:200]}")
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise FetchRefused(f"briefs fetch nothing from other hosts: {url[:200]}")
    path = Path(os.path.realpath(unquote(parts.path)))
    if not any(path.is_relative_to(root) for root in roots):
        raise FetchRefused(f"briefs read files only from the templates folders: {path}")
    if not path.is_file():
        raise FetchRefused(f"not a file: {path}")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return path.read_bytes(), mime, url


def confined_fetcher(roots: list[Path]) -> Any:
    """A url_fetcher for WeasyPrint that only serves `fetch_confined`: the URLFetcher subclass
    of WeasyPrint ≥ 66, else the function returning a dict of the older versions."""
    resolved = [Path(os.path.realpath(r)) for r in roots]
    urls = _weasyprint().urls
    if not hasattr(urls, "URLFetcher"):
        def fetcher(url: str) -> dict[str, Any]:
            data, mime, final = fetch_confined(url, resolved)
            return {"string": data, "mime_type": mime, "redirected_url": final}
        return fetcher

    class ConfinedFetcher(urls.URLFetcher):  # type: ignore[misc,name-defined]
        def fetch(self, url: str, headers: Any = None) -> Any:
            data, mime, final = fetch_confined(url, resolved)
            return urls.URLFetcherResponse(final, data, {"Content-Type": mime})

    return ConfinedFetcher()


def html_to_pdf(html: str, base_dir: Path | None = None, allowed: list[Path] | None = None) -> bytes:
    """The PDF of an HTML page; same input, same bytes (no clock in the output). Relative URLs
    resolve against `base_dir`; only files inside `allowed` (default: `base_dir`) are read."""
    weasyprint = _weasyprint()
    roots = list(allowed if allowed is not None else ([base_dir] if base_dir else []))
    fetcher: Callable[..., Any] = confined_fetcher(roots)
    base_url = (Path(base_dir).resolve().as_uri() + "/") if base_dir else None
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf()
