"""Opening a PDF with pypdfium2, turning its failures into one-line errors."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from dispatch_reader.errors import DamagedFileError, EncryptedPdfError


def open_pdf(path: Path, password: str | None = None) -> pdfium.PdfDocument:
    """Open `path`; a PDF with an empty user password opens as if it had none."""
    try:
        return pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            if password:
                raise EncryptedPdfError(path, "encrypted PDF: the given password is wrong") from None
            raise EncryptedPdfError(path, "encrypted PDF: it needs a password to open (none given)") from None
        if "security" in message or "handler" in message:
            raise EncryptedPdfError(path, f"encrypted PDF with an unsupported security scheme ({exc})") from None
        raise DamagedFileError(path, f"damaged PDF: {exc}") from None
    except OSError as exc:
        raise DamagedFileError(path, f"cannot open PDF: {exc}") from None
