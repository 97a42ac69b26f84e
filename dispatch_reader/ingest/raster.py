"""Page images for OCR: PDF pages rendered at the OCR resolution, image files decoded.

Sizes are checked before any pixel is decoded, so a page or image that would need absurd
memory (a decompression bomb) is refused with a one-line error instead. Image files are
decoded by Pillow, a phone's HEIC photo through pillow-heif's opener.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps

from dispatch_reader.errors import DamagedFileError, LimitExceededError, MissingDependencyError
from dispatch_reader.ingest.sniff import content_kind, stated_size

Image.MAX_IMAGE_PIXELS = None  # our own limit (max_pixels) applies, checked before decoding


@dataclass
class PageImage:
    grey: np.ndarray  # uint8, H x W
    dpi: float
    width_pt: float  # page size in points, for word boxes in page units
    height_pt: float
    # uint8 H x W x 3 (RGB) when the page is in colour: seals, signatures and stamps in red or
    # blue ink can then be told from the black text (preprocess.drop_colour_ink)
    colour: np.ndarray | None = None
    # the resolution the scan was made at, the lowest across or down (a fax's rows: 100), where
    # the file says; `dpi` is what the page was rendered or enlarged to
    scan_dpi: float | None = None


# A page is "in colour" when this share of its pixels is clearly chromatic.
COLOUR_SHARE = 0.0005
PHOTO_COLOUR_SHARE = 0.02
# ... or this share fairly so: a faded seal of an old ink pad, brownish and patchy, is nowhere
# as coloured as a fresh one (its 90th percentile ~47: 0.15 % of a page over 40, none over 60)
FADED_CHROMA, FADED_SHARE = 40, 0.001


def split_colour(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """(grey, rgb-or-None): the colour copy is kept only where the page has colour ink."""
    import cv2

    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    small = rgb[::4, ::4].astype(np.int16)
    chroma = small.max(axis=2) - small.min(axis=2)
    # a phone photo's blur and JPEG leave its stamp and ballpoint ink at chroma 20-45, but
    # the desk around the sheet makes a wide coloured area
    if (chroma > 60).mean() < COLOUR_SHARE and (chroma > 30).mean() < PHOTO_COLOUR_SHARE \
            and (chroma > FADED_CHROMA).mean() < FADED_SHARE:
        return grey, None
    return grey, rgb


def check_pixels(path: Path, what: str, pixels: float, max_pixels: int) -> None:
    if pixels > max_pixels:
        raise LimitExceededError(path, f"{what} would be {pixels / 1e6:.0f} megapixels, over the limit of {max_pixels / 1e6:.0f}")


# Scans at or above this are read at their own resolution (scaling a 200 dpi scan to 300
# measurably raised the error rate). A scan below it with square pixels over much of the page
# is rendered at its own resolution too and enlarged by the OCR stage (preprocess.upscale,
# cubic), which reads small print better than pdfium's own enlarging: the Gazette's 96 dpi
# scans, `Số: 02/2023/TB-LPQT` read `Nó: H2/20213/TB-LPQT` rendered at 300 dpi, right at 96 dpi
# enlarged (`low_scan_resolution`); a fax's 200 x 100 dpi is left to the renderer.
MIN_NATIVE_DPI = 150.0
# an image this share of the page at least is the page's scan (a Gazette page: the scanned
# document set under the Gazette's own printed running head, 43-67 % of the page) ...
_SCAN_SHARE = 0.4
# ... and below this resolution not worth reading at its own (a thumbnail, an icon)
_LEAST_SCAN_DPI = 50.0


def _images(page: object) -> list[tuple[float, float, float] | None]:
    """Each image of the page: (share of the page it covers, dpi across, dpi down); None for
    one whose size cannot be read."""
    import pypdfium2.raw as pdfium_c

    width_pt, height_pt = page.get_size()  # type: ignore[attr-defined]
    out: list[tuple[float, float, float] | None] = []
    for image in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):  # type: ignore[attr-defined]
        try:
            x0, y0, x1, y1 = image.get_bounds()
            px_w, px_h = image.get_px_size()
        except Exception:
            out.append(None)
            continue
        if x1 <= x0 or y1 <= y0:
            out.append(None)
            continue
        out.append(((x1 - x0) * (y1 - y0) / (width_pt * height_pt),
                    px_w / ((x1 - x0) / 72.0), px_h / ((y1 - y0) / 72.0)))
    return out


def scan_resolution(page: object) -> float | None:
    """The resolution of the one image that covers a scanned page, if the page is that."""
    images = _images(page)
    if len(images) != 1 or images[0] is None or images[0][0] < 0.9:
        return None
    return min(images[0][1:])


def _scans(page: object) -> list[tuple[float, float]]:
    """(dpi across, dpi down) of each image covering _SCAN_SHARE of the page or more."""
    return [(across, down) for share, across, down in filter(None, _images(page)) if share >= _SCAN_SHARE]


def scan_dpi(page: object) -> float | None:
    """The resolution a scanned page was made at: of the images covering _SCAN_SHARE of it or
    more, each at the lower of across and down (a fax: 100, its rows), the finest (a copier's
    two-layer PDF lays its 300-dpi one-bit print over a 100-dpi picture of the paper); None
    for a page of no scan."""
    return max((min(across, down) for across, down in _scans(page)), default=None)


def low_scan_resolution(page: object) -> float | None:
    """The resolution of the page's scanned image(s) when below MIN_NATIVE_DPI: images covering
    _SCAN_SHARE of the page or more, with square pixels (a fax's 200 x 100 dpi is left to the
    renderer), the lowest of them; None when there is none such."""
    scans = _scans(page)
    if any(min(across, down) >= MIN_NATIVE_DPI for across, down in scans):
        return None  # a finer layer over it (a copier's two-layer PDF): rendered as usual
    found = [min(across, down) for across, down in scans
             if abs(across - down) <= 0.1 * max(across, down) and _LEAST_SCAN_DPI <= min(across, down) < MIN_NATIVE_DPI]
    return min(found) if found else None


def _decode_scan_jpeg(page: object, path: Path, max_pixels: int) -> tuple[np.ndarray, np.ndarray | None] | None:
    """The page's one JPEG, decoded straight (3-4x faster than rendering it): grey, and the
    colour copy when the scan is in colour.

    Only for the plain case: an upright, unrotated JPEG covering the page; anything else
    is rendered."""
    import cv2
    import pypdfium2.raw as pdfium_c

    if page.get_rotation() != 0:  # type: ignore[attr-defined]
        return None
    image = next(iter(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2)), None)  # type: ignore[attr-defined]
    if image is None:
        return None
    try:
        if image.get_filters(skip_simple=True) != ["DCTDecode"]:
            return None
        a, b, c, d, _, _ = image.get_matrix().get()
        if b != 0 or c != 0 or a <= 0 or d <= 0:
            return None
        # the image must be the page: a scan placed with a margin, cropped by its matrix or the
        # page's crop box (half of a two-page spread) is the page only as rendered
        width_pt, height_pt = page.get_size()
        x0, y0, x1, y1 = image.get_bounds()
        if max(abs(x0), abs(y0), abs(x1 - width_pt), abs(y1 - height_pt)) > 1.0 \
                or tuple(page.get_cropbox()) != tuple(page.get_mediabox()):
            return None
        w, h = image.get_px_size()
        check_pixels(path, "page image", w * h, max_pixels)
        data = np.frombuffer(bytes(image.get_data(decode_simple=True)), np.uint8)
    except LimitExceededError:
        raise
    except Exception:
        return None
    decoded = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if decoded is None or decoded.shape[:2] != (h, w) or decoded.ndim == 3 and decoded.shape[2] != 3:
        return None  # CMYK/Adobe oddities and the like: let pdfium render it
    if decoded.ndim == 2:
        return decoded, None
    return split_colour(cv2.cvtColor(decoded, cv2.COLOR_BGR2RGB))


def render_pdf_page(path: Path, index: int, dpi: int, max_pixels: int, password: str | None = None,
                    keep_scan_resolution: bool = False) -> PageImage:
    import pypdfium2 as pdfium

    from dispatch_reader.ingest.pdf import locked_pdf

    with locked_pdf(path, password) as pdf:
        page = pdf[index]
        width_pt, height_pt = page.get_size()
        scanned = scan_dpi(page)
        if keep_scan_resolution:
            native = scan_resolution(page)
            if native is not None and MIN_NATIVE_DPI <= native <= dpi:
                direct = _decode_scan_jpeg(page, path, max_pixels)
                if direct is not None:
                    grey, colour = direct
                    return PageImage(grey=grey, dpi=grey.shape[1] / (width_pt / 72.0),
                                     width_pt=width_pt, height_pt=height_pt, colour=colour, scan_dpi=scanned)
                dpi = int(round(native))
            else:
                dpi = int(round(low_scan_resolution(page) or dpi))
        scale = dpi / 72.0
        check_pixels(path, f"page {index + 1} at {dpi} dpi", width_pt * scale * height_pt * scale, max_pixels)
        try:
            bitmap = page.render(scale=scale, may_draw_forms=True, rev_byteorder=True)
        except pdfium.PdfiumError as exc:
            raise DamagedFileError(path, f"page {index + 1} cannot be rendered: {exc}") from None
        try:
            raw = np.array(bitmap.to_numpy(), copy=True)
        finally:
            bitmap.close()  # a bitmap belongs to no document: closed here, under the lock
    grey, colour = split_colour(np.ascontiguousarray(raw[:, :, :3])) if raw.ndim == 3 else (raw, None)
    return PageImage(grey=grey, dpi=float(dpi), width_pt=width_pt, height_pt=height_pt, colour=colour,
                     scan_dpi=scanned)


_heif_ready = False


def _heif_support(path: Path) -> None:
    """pillow-heif's opener registered with Pillow, in this process: OCR workers started by
    forkserver or spawn do not inherit the parent's registration."""
    global _heif_ready
    if _heif_ready:
        return
    try:
        import pillow_heif
    except ImportError:
        raise MissingDependencyError(path, "HEIC support is missing: the pillow-heif package is not installed "
                                           "(pip install pillow-heif)") from None
    pillow_heif.register_heif_opener()
    _heif_ready = True


def open_image(path: Path) -> Image.Image:
    """Image.open, a HEIC file's decoder made ready first. pillow-heif turns a HEIC upright by
    its own rotation and mirroring as it decodes, and sets its EXIF orientation to 1: the
    EXIF turn of load_image_frame is then never applied twice."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if content_kind(head) == "heic":
        _heif_support(path)
    return Image.open(path)


def unreadable(path: Path, exc: BaseException) -> str:
    """Why an image cannot be decoded, on one line. A WebP or HEIC cut short says so with its
    sizes (WebP's decoder says only that it could not start); else the decoder's own words,
    their line breaks dropped (libheif ends its message with one)."""
    try:
        with path.open("rb") as fh:
            stated, size = stated_size(fh), os.fstat(fh.fileno()).st_size
    except OSError:
        stated = size = 0
    if stated is not None and stated > size:
        return f"file is truncated ({size:,} of the {stated:,} bytes its header states)"
    return " ".join(str(exc).split()) or type(exc).__name__


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Truncated images must fail here; WeasyPrint, once imported, tells Pillow to accept them."""
    saved = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = saved


def image_frames(path: Path, max_pixels: int) -> list[float | None]:
    """Each frame of an image file (multi-page TIFF has several), sizes checked: the resolution
    it states it was scanned at, the lower of across and down (a fax TIFF: 98); None where it
    states none or a default's 72/96."""
    try:
        with _strict_decoding(), open_image(path) as im:
            out = []
            for frame in range(getattr(im, "n_frames", 1)):
                im.seek(frame)
                check_pixels(path, f"image page {frame + 1}", im.width * im.height, max_pixels)
                out.append(_lowest(*_resolution(im)))
            return out
    except LimitExceededError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise DamagedFileError(path, f"cannot read image: {unreadable(path, exc)}") from None


def load_image_frame(path: Path, frame: int, dpi: int, max_pixels: int, keep_scan_resolution: bool = False) -> PageImage:
    """One frame of an image file as greyscale at (about) the OCR resolution.

    Images that say they were scanned at a lower resolution are scaled up to `dpi`
    (with `keep_scan_resolution`, only those below MIN_NATIVE_DPI). Images without a
    resolution are taken as `dpi`.
    """
    try:
        with _strict_decoding(), open_image(path) as im:
            im.seek(frame)
            check_pixels(path, f"image page {frame + 1}", im.width * im.height, max_pixels)
            stated, y_dpi = _resolution(im)
            src_dpi = stated or float(dpi)
            y_dpi = y_dpi or src_dpi
            if im.getexif().get(_EXIF_ORIENTATION, 1) != 1:
                # a phone stores its photo as the sensor saw it and says in EXIF how to turn it
                # upright; turned here, the page need not wait for orientation detection
                if im.getexif().get(_EXIF_ORIENTATION) in (5, 6, 7, 8):
                    src_dpi, y_dpi = y_dpi, src_dpi
                im = ImageOps.exif_transpose(im)
            if im.mode in _WIDE_GREY:
                # 16 bits of grey (a scanner's "48-bit" setting): scaled, not clipped to white
                wide = np.asarray(im, dtype=np.float32)
                im = Image.fromarray(np.clip(wide / (257.0 if wide.max() > 255 else 1.0), 0, 255).astype(np.uint8), "L")
            if im.mode in ("RGBA", "LA", "P"):
                im = im.convert("RGBA")
                white = Image.new("RGBA", im.size, (255, 255, 255, 255))
                im = Image.alpha_composite(white, im)
            im = im.convert("L") if im.mode in ("1", "L", "LA", "I", "I;16", "F") else im.convert("RGB")
            if y_dpi < src_dpi * 0.9:
                # a fax at 204 x 98 dpi: lines are twice as tall as they are wide; square them
                im = im.resize((im.width, round(im.height * src_dpi / y_dpi)), Image.LANCZOS)
            floor = MIN_NATIVE_DPI if keep_scan_resolution else dpi * 0.9
            if 0 < src_dpi < floor:
                factor = dpi / src_dpi
                check_pixels(path, f"image page {frame + 1} at {dpi} dpi", im.width * im.height * factor * factor, max_pixels)
                im = im.resize((round(im.width * factor), round(im.height * factor)), Image.LANCZOS)
                out_dpi = float(dpi)
            else:
                out_dpi = src_dpi
            pixels = np.asarray(im, dtype=np.uint8).copy()
            array, colour = split_colour(pixels) if pixels.ndim == 3 else (pixels, None)
    except LimitExceededError:
        raise
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise DamagedFileError(path, f"cannot read image page {frame + 1}: {unreadable(path, exc)}") from None
    h, w = array.shape
    return PageImage(grey=array, dpi=out_dpi, width_pt=w / out_dpi * 72, height_pt=h / out_dpi * 72, colour=colour,
                     scan_dpi=_lowest(src_dpi, y_dpi) if stated else None)


_EXIF_ORIENTATION = 0x0112
_WIDE_GREY = ("I;16", "I;16B", "I;16L", "I;16N", "I")
# a fax machine's line widths in pixels (A4, B4, A3 at 204 dpi across)
_FAX_WIDTHS = (1728, 2048, 2432)
_A4_WIDTH_IN = 8.27


def _lowest(across: float | None, down: float | None) -> float | None:
    """A scan's resolution for how much it holds: the lower of across and down, either known."""
    return min(across, down or across) if across else None


def _resolution(im: Image.Image) -> tuple[float | None, float | None]:
    """(across, down) dpi of a scanned page image, None where nothing tells.

    The file's dpi where it states a scan's (100 or more; 72/96 is what screenshots and
    converters write by default); its rows' as stated when 0.4 of the columns' or more (a fax's
    98 under 204). A TIFF whose resolution has no unit gives the same figures unitless. A
    one-bit frame of a fax line's width with no resolution is a fax: 204 across, 98 or 196
    down by its shape. A page image no wider than a 150-dpi A4 page, stated as a default or
    not at all, is a screenshot or a small scan: its resolution is its width over A4's."""
    info = im.info.get("dpi") or im.info.get("resolution")
    if isinstance(info, (tuple, list)) and len(info) >= 2 and info[0] and float(info[0]) >= 99.5:
        across, down = float(info[0]), float(info[1] or 0)
        return across, down if down >= 0.4 * across else None
    if im.mode == "1" and im.width in _FAX_WIDTHS:
        return 204.0, 98.0 if im.height < im.width else 196.0
    if im.width / _A4_WIDTH_IN < MIN_NATIVE_DPI and im.height > im.width:
        return im.width / _A4_WIDTH_IN, None
    return None, None
