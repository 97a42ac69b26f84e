"""Builders for the ingest tests: small PDFs, scans and images made on the spot."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dispatch_reader.errors import DispatchReaderError
from dispatch_reader.ingest.reader import IngestSettings, read_document

SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"

HEADER_LEFT = ["UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ", "Số: 123/QĐ-SNV"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nghệ An, ngày 04 tháng 8 năm 2025"]
BODY = [
    "QUYẾT ĐỊNH",
    "Về việc biệt phái công chức đến làm việc tại các xã",
    "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;",
    "Điều 1. Biệt phái ông Nguyễn Văn Khải, chuyên viên Sở Nội vụ,",
    "đến làm việc tại Ủy ban nhân dân xã Tân Phong trong thời hạn 06 tháng.",
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
]


def _fonts() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "TSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("TSerif", SERIF))
        pdfmetrics.registerFont(TTFont("TSerifB", SERIF_BOLD))
    return "TSerif", "TSerifB"


def letter_pdf(path: Path, pages: int = 1, body: list[str] | None = None, **canvas_kw: object) -> Path:
    """An A4 decision: two-column header, centred title, body lines, footer columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, **canvas_kw)
    w, h = A4
    for _ in range(pages):
        y = h - 60
        for left, right in zip(HEADER_LEFT, HEADER_RIGHT):
            c.setFont(bold, 12)
            c.drawCentredString(140, y, left)
            c.drawCentredString(400, y, right)
            y -= 17
        y -= 25
        c.setFont(bold, 13)
        c.drawCentredString(w / 2, y, BODY[0])
        y -= 18
        c.setFont(regular, 12)
        for line in (body or BODY[1:]):
            c.drawString(70, y, line)
            y -= 18
        y -= 20
        c.setFont(bold, 11)
        c.drawString(70, y, "Nơi nhận:")
        c.drawCentredString(420, y, "KT. CHỦ TỊCH")
        c.setFont(regular, 11)
        c.drawString(70, y - 15, "- Như Điều 2;")
        c.drawCentredString(420, y - 15, "PHÓ CHỦ TỊCH")
        c.drawString(70, y - 30, "- Lưu: VT, SNV.")
        c.setFont(bold, 12)
        c.drawCentredString(420, y - 80, "Lê Quang Vinh")
        c.showPage()
    c.save()
    return path


def legacy_pdf(path: Path, font_name: str, lines: list[str], ttf: str = SERIF) -> Path:
    """A PDF whose text layer holds legacy-encoded bytes in a font named `font_name`
    (as Word wrote documents typed in .VnTime or VNI-Times)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = TTFont(font_name, ttf)
    font.face.name = font_name.encode()
    pdfmetrics.registerFont(font)
    c = canvas.Canvas(str(path), invariant=1)
    y = 760
    for line in lines:
        c.setFont(font_name, 12)
        c.drawString(72, y, line)
        y -= 18
    c.save()
    return path


def render_grey(pdf: Path, dpi: int = 200, page: int = 0) -> Image.Image:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def scanned(img: Image.Image, angle: float = 0.0, turn: int = 0, noise: bool = True) -> Image.Image:
    """Tilt by `angle`°, turn by a multiple of 90°, add mild paper noise."""
    out = img.rotate(angle, resample=Image.BICUBIC, fillcolor=255) if angle else img
    if turn:
        out = out.rotate(turn, expand=True)
    if noise:
        a = np.asarray(out, dtype=np.float32)
        a = 40 + a * (235 - 40) / 255 + np.random.default_rng(1).normal(0, 4, a.shape)
        out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode="L")
    return out


def image_pdf(path: Path, images: list[Image.Image], dpi: int = 200, text_stamp: str | None = None,
              hidden_lines: list[str] | None = None) -> Path:
    """An image-only PDF (a scan), optionally with a small text stamp on top, or with lines of
    invisible text over it (render mode 3, as a scanner's own OCR layer)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    regular, _ = _fonts()
    c = canvas.Canvas(str(path), invariant=1)
    for img in images:
        w, h = img.width * 72 / dpi, img.height * 72 / dpi
        c.setPageSize((w, h))
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=85)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=w, height=h)
        if text_stamp:
            c.setFont(regular, 7)
            c.drawString(w - 200, 20, text_stamp)
        if hidden_lines:
            text = c.beginText(50, h - 60)
            text.setTextRenderMode(3)
            text.setFont(regular, 11)
            for line in hidden_lines:
                text.textLine(line)
            c.drawText(text)
        c.showPage()
    c.save()
    return path


def photo_bytes(image: Image.Image, fmt: str, orientation: int = 1, quality: int = 80) -> bytes:
    """`image` as a phone's photo file: "webp", "heic" or "jpeg" bytes in colour, with an EXIF
    orientation when not 1. HEIC is written by pillow-heif without registering its opener with
    Pillow, so a test never makes the reader's own registration needless."""
    import pillow_heif

    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    out = io.BytesIO()
    if fmt == "heic":
        pillow_heif.from_pillow(image.convert("RGB")).save(out, quality=quality, exif=exif.tobytes())
    else:
        image.convert("RGB").save(out, {"webp": "WEBP", "jpeg": "JPEG"}[fmt], quality=quality, exif=exif.tobytes())
    return out.getvalue()


def ingest_settings(tmp_path: Path, **kw: object) -> IngestSettings:
    """One OCR worker, the cache in the test's own folder."""
    return IngestSettings(cache_dir=tmp_path / "cache", workers=1, **kw)  # type: ignore[arg-type]


def fails_on_one_line(path: Path, cls: type[DispatchReaderError], words: str, settings: IngestSettings) -> str:
    """Reading `path` fails with `cls`: one line, naming the file, saying why (`words`)."""
    with pytest.raises(cls) as info:
        read_document(path, settings)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert words in message
    return message
