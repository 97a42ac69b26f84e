"""Make a "scanned" image-only PDF from a PDF: the look of signed paper through a scanner."""

from __future__ import annotations

import io
import random

import numpy as np
from PIL import Image, ImageFilter

from dispatch_reader.errors import DamagedFileError


def _angle(rng: random.Random) -> float:
    sign = rng.choice((-1.0, 1.0))
    return sign * rng.uniform(0.5, 2.0)


def _degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    """Tilt, blur, lose contrast, add dust. All randomness comes from `rng`."""
    grey = img.convert("L")
    grey = grey.rotate(_angle(rng), resample=Image.BICUBIC, expand=False, fillcolor=255)
    grey = grey.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.5, 0.8)))
    a = np.asarray(grey, dtype=np.float32)
    # Contrast loss: paper is not white, toner is not black.
    paper, ink = rng.uniform(232, 245), rng.uniform(25, 55)
    a = ink + a * (paper - ink) / 255.0
    nprng = np.random.default_rng(rng.randrange(2**32))
    # Sparse dark specks and a few light drop-outs, not a full noise field (keeps JPEGs small).
    h, w = a.shape
    n = int(h * w * 0.0006)
    ys, xs = nprng.integers(0, h, n), nprng.integers(0, w, n)
    a[ys, xs] = nprng.uniform(40, 150, n)
    m = int(h * w * 0.0004)
    ys, xs = nprng.integers(0, h, m), nprng.integers(0, w, m)
    a[ys, xs] = np.maximum(a[ys, xs], nprng.uniform(150, 230, m))
    a += nprng.normal(0.0, 2.0, a.shape).astype(np.float32)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")


def scan_pdf(pdf_bytes: bytes, *, seed: int, dpi: int = 200) -> bytes:
    """Image-only PDF: each page rasterised at `dpi`, greyscale, tilted 0.5-2°, blurred,
    speckled and JPEG-compressed (quality 55-70). No text layer. Same seed, same bytes."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    if not 50 <= dpi <= 600:
        raise ValueError(f"dpi {dpi} outside 50..600")
    rng = random.Random(seed)
    try:
        source = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise DamagedFileError(None, f"cannot rasterise PDF: {exc}") from None
    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    canvas.setCreator("dispatch-reader synth scan")
    canvas.setProducer("dispatch-reader synth scan")
    try:
        for index in range(len(source)):
            page = source[index]
            width_pt, height_pt = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            page.close()
            image = _degrade(image, rng)
            jpeg = io.BytesIO()
            image.save(jpeg, format="JPEG", quality=rng.randint(55, 70), optimize=True)
            jpeg.seek(0)
            canvas.setPageSize((width_pt, height_pt))
            canvas.drawImage(ImageReader(jpeg), 0, 0, width=width_pt, height=height_pt)
            canvas.showPage()
    finally:
        source.close()
    canvas.save()
    return buf.getvalue()
