"""Page images for the document page: a stored file's page rendered on demand, cached on disk.

The document page shows each page beside the facts and draws the evidence boxes over it
(boxes are fractions of the page, record.Evidence.boxes), so the image must show the page as it
was read: an OCR page turned upright by orientation detection is turned the same way here, a
phone photo by its EXIF orientation as OCR turned it. A PDF page is rendered with pypdfium2,
an image file's frame (PNG, JPEG, TIFF, WebP, HEIC: told by content, as the reader tells them)
decoded with Pillow; both to PNG, which every browser shows (HEIC and TIFF only Safari), at a
width the page asks for (one of a few, so the cache stays small). The cache is keyed by the
file's SHA-256, page, width and turn: a file's content never changes under its hash.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from dispatch_reader.errors import DamagedFileError, LimitExceededError, NotFoundError
from dispatch_reader.ingest.preprocess import rotate_quarter
from dispatch_reader.ingest.raster import check_pixels, open_image, unreadable
from dispatch_reader.ingest.sniff import content_kind

WIDTHS = (400, 800, 1200, 1600)  # the widths a page image is served at (px)
DEFAULT_WIDTH = 1200
MAX_PIXELS = 40_000_000  # one page image; a page bigger than this is refused, not rendered


def snap_width(width: int | None) -> int:
    """The served width nearest to the one asked for."""
    if not width:
        return DEFAULT_WIDTH
    return min(WIDTHS, key=lambda w: abs(w - width))


def _turn(image: Image.Image, rotation: int | None) -> Image.Image:
    """Turn the page as OCR turned it to read it upright (ingest/ocr.py: rotate_quarter(-turn))."""
    if not rotation or rotation % 90:
        return image
    return Image.fromarray(rotate_quarter(np.asarray(image), -rotation))


def _pdf_page(path: Path, page: int, width: int, password: str | None) -> Image.Image:
    import pypdfium2 as pdfium

    from dispatch_reader.ingest.pdf import locked_pdf

    # request threads and the inbox's reading share one PDFium
    with locked_pdf(path, password) as pdf:
        if not 1 <= page <= len(pdf):
            raise NotFoundError(path, f"no page {page} (the file has {len(pdf)})")
        p = pdf[page - 1]
        width_pt, height_pt = p.get_size()
        scale = width / width_pt
        check_pixels(path, f"page {page} image", width * height_pt * scale, MAX_PIXELS)
        try:
            bitmap = p.render(scale=scale, may_draw_forms=True)
        except pdfium.PdfiumError as exc:
            raise DamagedFileError(path, f"page {page} cannot be rendered: {exc}") from None
        try:
            return bitmap.to_pil().convert("RGB")
        finally:
            bitmap.close()


def _image_frame(path: Path, page: int, width: int) -> Image.Image:
    try:
        with open_image(path) as im:
            frames = getattr(im, "n_frames", 1)
            if not 1 <= page <= frames:
                raise NotFoundError(path, f"no page {page} (the file has {frames})")
            im.seek(page - 1)
            check_pixels(path, f"image page {page}", im.width * im.height, MAX_PIXELS)
            # the word boxes are on the page as OCR read it: a phone photo turned by its EXIF
            image = ImageOps.exif_transpose(im).convert("RGB")
    except (NotFoundError, LimitExceededError):
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise DamagedFileError(path, f"cannot read image: {unreadable(path, exc)}") from None
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.LANCZOS)


def _is_image(path: Path) -> bool:
    """An image file by its first bytes, as the reader told it (a `.jpg` that is WebP, a `.pdf`
    that is PNG); a file that cannot be opened goes the PDF way, which names the failure."""
    try:
        with path.open("rb") as fh:
            return content_kind(fh.read(1024)) not in (None, "pdf")
    except OSError:
        return False


def render_page_png(path: Path, page: int, width: int = DEFAULT_WIDTH, rotation: int | None = None,
                    password: str | None = None) -> bytes:
    """Page `page` (1-based) of a PDF or image file as PNG bytes, `width` pixels wide before
    it is turned upright by `rotation` (degrees OCR turned it clockwise; 0 or None: as is)."""
    if _is_image(path):
        image = _image_frame(path, page, width)
    else:
        image = _pdf_page(path, page, width, password)
    image = _turn(image, rotation)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


class PageImageCache:
    """Rendered pages on disk under `folder`, one PNG per (sha256, page, width, turn)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str, page: int, width: int, rotation: int | None) -> Path:
        if len(sha256) != 64 or not all(c in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256: {sha256[:80]!r}")  # the key names a file: keep it a hash
        return self.folder / sha256[:2] / f"{sha256}-p{int(page)}-w{int(width)}-r{int(rotation or 0)}.png"

    def get(self, sha256: str, source: Path, page: int, width: int, rotation: int | None = None,
            password: str | None = None) -> Path:
        """The cached PNG of the page, rendered first when it is not there yet."""
        target = self.path_for(sha256, page, width, rotation)
        if target.is_file():
            return target
        data = render_page_png(source, page, width, rotation, password)
        target.parent.mkdir(parents=True, exist_ok=True)
        # written under a temporary name and renamed: two requests for one page never see half a file
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target
