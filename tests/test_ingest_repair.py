"""Issue 13 item 14: PDFs with bytes after %%EOF, or without it, are read (and say "repaired");
only what no reader can open is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from _ingest_make import letter_pdf
from dispatch_reader.errors import DamagedFileError
from dispatch_reader.ingest.reader import IngestSettings, read_document


def _settings(tmp_path: Path) -> IngestSettings:
    return IngestSettings(cache_dir=None, workers=1)


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return letter_pdf(tmp_path_factory.mktemp("pdf") / "w.pdf", pages=2).read_bytes()


def _read(tmp_path: Path, name: str, data: bytes):  # noqa: ANN202
    f = tmp_path / name
    f.write_bytes(data)
    return read_document(f, _settings(tmp_path))


def test_bytes_after_eof_are_read_and_marked_repaired(tmp_path: Path, whole: bytes) -> None:
    # a mail gateway's footer, far more than the last 2 KiB the old check looked at
    doc = _read(tmp_path, "footer.pdf", whole + b"\r\n-- scanned by MailGuard --\r\n" + b"x" * 5000)
    assert len(doc.pages) == 2
    assert all("SỞ NỘI VỤ" in p.text for p in doc.pages)
    assert all("repaired" in p.reason for p in doc.pages)
    assert any("repaired" in w and "after the %%EOF" in w for w in doc.warnings)


def test_missing_eof_is_read_and_marked_repaired(tmp_path: Path, whole: bytes) -> None:
    doc = _read(tmp_path, "noeof.pdf", whole[: whole.rindex(b"%%EOF")])
    assert len(doc.pages) == 2
    assert all("repaired: no %%EOF" in p.reason for p in doc.pages)


def test_a_clean_pdf_says_nothing_of_repair(tmp_path: Path, whole: bytes) -> None:
    doc = _read(tmp_path, "clean.pdf", whole + b"\n")
    assert not any("repaired" in p.reason for p in doc.pages)
    assert not any("repaired" in w for w in doc.warnings)


def test_qpdf_repairs_what_pdfium_refuses(tmp_path: Path, whole: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2 as pdfium

    real = pdfium.PdfDocument
    broken = tmp_path / "broken.pdf"

    def picky(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003
        if Path(str(path)) == broken:
            raise pdfium.PdfiumError("Failed to load document (PDFium: Data format error).")
        return real(path, *a, **kw)

    monkeypatch.setattr(pdfium, "PdfDocument", picky)
    doc = _read(tmp_path, "broken.pdf", whole)
    assert "SỞ NỘI VỤ" in doc.pages[0].text
    assert all("repaired by qpdf" in p.reason for p in doc.pages)


def test_what_no_reader_can_open_is_refused_in_one_line(tmp_path: Path, whole: bytes) -> None:
    f = tmp_path / "cut.pdf"
    f.write_bytes(whole[: len(whole) * 2 // 3])
    with pytest.raises(DamagedFileError) as info:
        read_document(f, _settings(tmp_path))
    message = str(info.value)
    assert message.startswith(f"{f}: truncated PDF") and "no reader could repair it" in message
    assert "\n" not in message
