"""Hostile and broken files: each gives one clear line naming the file and the reason."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from _ingest_make import fails_on_one_line, ingest_settings, letter_pdf
from dispatch_reader.errors import (
    DamagedFileError,
    DispatchReaderError,
    EncryptedPdfError,
    InputFileError,
    LimitExceededError,
)
from dispatch_reader.ingest.reader import IngestSettings, read_document

ROOT = Path(__file__).resolve().parent.parent


_settings = ingest_settings
_fails = fails_on_one_line


def test_zero_bytes(tmp_path: Path) -> None:
    f = tmp_path / "empty.pdf"
    f.write_bytes(b"")
    _fails(f, InputFileError, "empty file", _settings(tmp_path))


def test_missing_file_and_folder(tmp_path: Path) -> None:
    _fails(tmp_path / "nope.pdf", InputFileError, "no such file", _settings(tmp_path))
    folder = tmp_path / "dir.pdf"
    folder.mkdir()
    _fails(folder, InputFileError, "folder", _settings(tmp_path))


def test_not_a_pdf_despite_its_name(tmp_path: Path) -> None:
    f = tmp_path / "quyet-dinh.pdf"
    f.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>")
    msg = _fails(f, InputFileError, "not a PDF", _settings(tmp_path))
    assert "HTML" in msg


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = letter_pdf(tmp_path / "whole.pdf").read_bytes()
    f = tmp_path / "cut.pdf"
    f.write_bytes(whole[: len(whole) * 2 // 3])
    _fails(f, DamagedFileError, "truncated", _settings(tmp_path))


def test_corrupt_pdf_body(tmp_path: Path) -> None:
    f = tmp_path / "corrupt.pdf"
    f.write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    _fails(f, DamagedFileError, "damaged PDF", _settings(tmp_path))


def test_encrypted_with_empty_user_password_opens(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    f = letter_pdf(tmp_path / "open.pdf", encrypt=StandardEncryption("", ownerPassword="owner-only"))
    doc = read_document(f, _settings(tmp_path))
    assert "Độc lập - Tự do - Hạnh phúc" in doc.pages[0].text


def test_encrypted_with_user_password_is_refused(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    f = letter_pdf(tmp_path / "locked.pdf", encrypt=StandardEncryption("secret", ownerPassword="owner"))
    _fails(f, EncryptedPdfError, "needs a password", _settings(tmp_path))
    _fails(f, EncryptedPdfError, "password is wrong", _settings(tmp_path, password="guess"))
    doc = read_document(f, _settings(tmp_path, password="secret"))
    assert "SỞ NỘI VỤ" in doc.pages[0].text


def test_too_many_pages(tmp_path: Path) -> None:
    f = letter_pdf(tmp_path / "long.pdf", pages=3)
    _fails(f, LimitExceededError, "3 pages, over the limit of 2", _settings(tmp_path, max_pages=2))
    assert len(read_document(f, _settings(tmp_path, max_pages=3)).pages) == 3


def test_absurd_page_size_is_refused_before_rendering(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    f = tmp_path / "huge.pdf"
    c = canvas.Canvas(str(f), pagesize=(14400, 14400))  # 200 x 200 inches, no text: needs OCR
    c.rect(10, 10, 100, 100, fill=1)
    c.save()
    _fails(f, LimitExceededError, "megapixels, over the limit", _settings(tmp_path))


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny file that claims a gigantic image: the classic decompression bomb shape."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
                     + chunk(b"IEND", b""))
    return path


def test_decompression_bomb_image(tmp_path: Path) -> None:
    f = _png_header_only(tmp_path / "bomb.png", 100_000, 100_000)
    _fails(f, LimitExceededError, "megapixels, over the limit", _settings(tmp_path))


def test_image_over_configured_pixel_limit(tmp_path: Path) -> None:
    from PIL import Image

    f = tmp_path / "page.png"
    Image.new("L", (400, 400), 255).save(f)
    _fails(f, LimitExceededError, "over the limit", _settings(tmp_path, max_pixels=10_000))


def test_truncated_image(tmp_path: Path) -> None:
    from PIL import Image

    f = tmp_path / "cut.png"
    Image.effect_noise((300, 300), 60).convert("L").save(f)
    data = f.read_bytes()
    f.write_bytes(data[: len(data) // 3])
    _fails(f, DamagedFileError, "cannot read image", _settings(tmp_path))


def test_ocr_page_time_limit(tmp_path: Path) -> None:
    from _ingest_make import image_pdf, render_grey, scanned

    scan = image_pdf(tmp_path / "scan.pdf", [scanned(render_grey(letter_pdf(tmp_path / "l.pdf")))])
    _fails(scan, LimitExceededError, "page 1: OCR did not finish within 0.05 s", _settings(tmp_path, page_timeout_s=0.05))


def test_unreadable_permissions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = letter_pdf(tmp_path / "secret.pdf")
    if os.geteuid() != 0:
        f.chmod(0)
        try:
            _fails(f, InputFileError, "permission denied", _settings(tmp_path))
        finally:
            f.chmod(0o644)
    # Root reads everything, so also simulate the refusal the OS would give a normal user.
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    _fails(f, InputFileError, "permission denied", _settings(tmp_path))


def test_batch_of_hostile_files_only_raises_our_errors(tmp_path: Path) -> None:
    files = {
        "empty.pdf": b"",
        "text.pdf": b"just some text, not a pdf",
        "cut.pdf": b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog",
        "junk.tif": b"II*\x00" + os.urandom(200),
        "junk.jpg": b"\xff\xd8\xff" + os.urandom(200),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DispatchReaderError):
            read_document(tmp_path / name, _settings(tmp_path))


def test_cli_single_file_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    f = tmp_path / "empty.pdf"
    f.write_bytes(b"")
    # Wide COLUMNS: the CLI's console wraps at the terminal width, which is not ours to test.
    env = dict(os.environ, COLUMNS="1000")
    proc = subprocess.run([sys.executable, "-m", "dispatch_reader", "extract", str(f)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == InputFileError.exit_code
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "empty file" in lines[0] and "Traceback" not in proc.stderr


def test_batch_reading_goes_on_past_bad_files(tmp_path: Path) -> None:
    from dispatch_reader.ingest.reader import read_documents

    good = letter_pdf(tmp_path / "good.pdf")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(good.read_bytes()[:500])
    results = list(read_documents([empty, good, cut, good], _settings(tmp_path)))
    assert [p for p, _ in results] == [empty, good, cut, good]
    kinds = [type(outcome).__name__ for _, outcome in results]
    assert kinds == ["InputFileError", "Document", "DamagedFileError", "Document"]
    assert "SỞ NỘI VỤ" in results[1][1].pages[0].text  # type: ignore[union-attr]


def test_jobs_never_exceed_pages_or_workers() -> None:
    assert IngestSettings(workers=4).jobs(2) == 2
    assert IngestSettings(workers=2).jobs(9) == 2
    assert IngestSettings(workers=None).jobs(1) == 1
    assert IngestSettings(workers=None).jobs(100) == (os.cpu_count() and len(os.sched_getaffinity(0)))


def test_truncated_image_fails_even_after_weasyprint_loosened_pillow(tmp_path: Path) -> None:
    from PIL import Image, ImageFile

    import weasyprint  # noqa: F401  (sets ImageFile.LOAD_TRUNCATED_IMAGES = True on import)

    assert ImageFile.LOAD_TRUNCATED_IMAGES
    f = tmp_path / "cut after pdf brief.png"
    Image.effect_noise((300, 300), 60).convert("L").save(f)
    f.write_bytes(f.read_bytes()[:2000])
    _fails(f, DamagedFileError, "cannot read image", _settings(tmp_path))


def test_a_page_of_specks_only_is_not_read_and_says_why(tmp_path: Path) -> None:
    """A picture of noise binarizes into ~180,000 specks; Tesseract's layout over them ran past
    the page's two minutes. Such a page is noted and left unread; print is never taken for it."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from dispatch_reader.ingest.ocr import _speckle_only

    noise = np.random.default_rng(7).integers(0, 256, (1600, 1200), dtype=np.uint8)
    specks = np.where(noise < 40, 0, 255).astype(np.uint8)  # a dark sixth of the pixels, mostly alone
    assert _speckle_only(specks) > 50_000
    page = Image.new("L", (1200, 1600), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default()
    for row in range(60):  # a page dense with small print
        draw.text((40, 20 + row * 26), "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; " * 2, fill=0,
                  font=font)
    assert _speckle_only(np.array(page)) == 0
    path = tmp_path / "noise.png"
    Image.fromarray(np.random.default_rng(7).integers(0, 256, (1600, 1200, 3), dtype=np.uint8)).save(path)
    document = read_document(path, ingest_settings(tmp_path))
    assert document.pages[0].text.strip() == ""
    assert any("specks of noise" in note for note in document.warnings)
