"""Page images for the document page: rendered on demand, turned as OCR read them, cached;
and the source file found again by its SHA-256."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from _ingest_make import photo_bytes
from dispatch_reader.errors import DamagedFileError, NotFoundError
from dispatch_reader.ingest.sniff import file_sha256
from dispatch_reader.web.pageimages import PageImageCache, render_page_png, snap_width
from dispatch_reader.web.sources import SourceIndex

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PDF = SAMPLES / "qd-biet-phai-01.pdf"


def _image(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_a_pdf_page_is_rendered_at_the_width_asked() -> None:
    image = _image(render_page_png(PDF, 1, 400))
    assert image.format == "PNG" and image.width == 400
    assert 1.3 < image.height / image.width < 1.5  # A4 upright
    # there is print on it: not a blank page
    grey = image.convert("L")
    assert min(grey.tobytes()) < 100


def test_an_ocr_turn_is_applied_to_the_image() -> None:
    upright = _image(render_page_png(PDF, 1, 400))
    turned = _image(render_page_png(PDF, 1, 400, rotation=90))
    assert turned.size == (upright.height, upright.width)


def test_an_image_file_page(tmp_path: Path) -> None:
    src = tmp_path / "scan.png"
    Image.new("RGB", (1000, 1400), "white").save(src)
    image = _image(render_page_png(src, 1, 800))
    assert image.size == (800, 1120)
    with pytest.raises(NotFoundError):
        render_page_png(src, 2, 800)


@pytest.mark.parametrize("fmt, name", [("heic", "IMG_0003.HEIC"), ("webp", "chat.webp"), ("webp", "saved.jpg"),
                                       ("jpeg", "photo.jpg")])
def test_a_phone_photo_is_shown_as_png_upright(tmp_path: Path, fmt: str, name: str) -> None:
    """Few browsers show HEIC: every page image is PNG, a photo told by its content (a `.jpg`
    that is WebP). Turned by its orientation as OCR turned it, so the boxes of the facts
    (fractions of the page read) fall on their words."""
    upright = Image.new("RGB", (1000, 500), "white")
    upright.paste((0, 0, 0), (0, 0, 200, 100))
    src = tmp_path / name
    src.write_bytes(photo_bytes(upright.rotate(90, expand=True), fmt, orientation=6, quality=95))
    image = _image(render_page_png(src, 1, 400))
    assert image.format == "PNG" and image.size == (400, 200)
    grey = image.convert("L")
    assert grey.getpixel((20, 10)) < 60 and grey.getpixel((380, 190)) > 200  # the block top left


def test_a_missing_page_or_a_damaged_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no page 9"):
        render_page_png(PDF, 9, 400)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(Exception) as info:
        render_page_png(bad, 1, 400)
    assert isinstance(info.value, DamagedFileError) or "bad.pdf" in str(info.value)


def test_widths_snap_to_a_few() -> None:
    assert snap_width(None) == 1200 and snap_width(790) == 800 and snap_width(99999) == 1600


def test_the_cache_renders_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = PageImageCache(tmp_path / "pages")
    sha = file_sha256(PDF)
    first = cache.get(sha, PDF, 1, 400)
    assert first.is_file() and first.parent.parent == tmp_path / "pages"
    calls: list[int] = []
    import dispatch_reader.web.pageimages as pageimages

    monkeypatch.setattr(pageimages, "render_page_png", lambda *a, **k: calls.append(1) or b"")
    assert cache.get(sha, PDF, 1, 400) == first and calls == []  # served from the cache
    cache.get(sha, PDF, 1, 800)
    assert calls == [1]  # another width is another image
    with pytest.raises(ValueError):
        cache.path_for("../../etc/passwd", 1, 400, None)  # the key is a hash, never a path


def test_the_source_file_is_found_by_its_hash(tmp_path: Path) -> None:
    archive = tmp_path / "archive" / "2025" / "09"
    archive.mkdir(parents=True)
    shutil.copy(PDF, archive / "qd.pdf")
    index = SourceIndex([tmp_path / "archive"], tmp_path / "cache" / "sources.json")
    sha = file_sha256(PDF)
    assert index.find(sha) == archive / "qd.pdf"
    assert index.find("0" * 64) is None
    # the hashes are kept: a new index finds the file without the folder walk hashing it again
    again = SourceIndex([tmp_path / "archive"], tmp_path / "cache" / "sources.json")
    assert again._known and again.find(sha) == archive / "qd.pdf"
    # a file moved away is not returned
    (archive / "qd.pdf").unlink()
    assert again.find(sha) is None


def test_a_missing_file_does_not_walk_the_folders_on_every_look(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    index = SourceIndex([archive])
    sha = file_sha256(PDF)
    assert index.find(sha, max_age=60) is None
    shutil.copy(PDF, archive / "qd.pdf")
    assert index.find(sha, max_age=60) is None  # walked a moment ago: not again yet
    assert index.find(sha) == archive / "qd.pdf"  # no limit: walked, found
    assert index.names() == {str(archive / "qd.pdf"): sha}
