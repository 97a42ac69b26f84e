"""Phone photos sent as WebP (a chat app's saved picture) or HEIC/HEIF (an iPhone's photo): told
by their content, read the way a JPEG photo is, refused with one clear line when damaged.

HEIC files are written with pillow_heif.from_pillow (_ingest_make.photo_bytes), so the tests
never register the opener themselves: the reader must."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PIL import Image

from _ingest_make import fails_on_one_line, ingest_settings, letter_pdf, photo_bytes, render_grey
from dispatch_reader.errors import DamagedFileError, InputFileError, MissingDependencyError
from dispatch_reader.ingest import raster
from dispatch_reader.ingest.raster import image_frames, load_image_frame
from dispatch_reader.ingest.reader import read_document
from dispatch_reader.ingest.sniff import content_kind, sniff
from dispatch_reader.pipeline import extract_file


_settings = ingest_settings
_fails = fails_on_one_line


@pytest.fixture(scope="module")
def noise() -> Image.Image:
    return Image.effect_noise((300, 300), 60).convert("RGB")


@pytest.mark.parametrize("fmt, name, kind", [
    ("webp", "ảnh.webp", "webp"),
    ("webp", "saved from zalo.jpg", "webp"),  # the name lies: read as what it is
    ("heic", "IMG_0001.HEIC", "heic"),
    ("heic", "photo.heif", "heic"),
    ("heic", "converted.jpg", "heic"),
    ("jpeg", "photo.heic", "jpeg"),
])
def test_photos_are_told_by_their_content_not_their_name(tmp_path: Path, noise: Image.Image,
                                                         fmt: str, name: str, kind: str) -> None:
    f = tmp_path / name
    f.write_bytes(photo_bytes(noise, fmt))
    assert sniff(f, 10**9).kind == kind


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = b"ftyp" + major + b"\0\0\0\0" + b"".join(compatible)
    return (4 + len(body)).to_bytes(4, "big") + body + b"\0\0\0\x08meta"


@pytest.mark.parametrize("head, kind", [
    (_ftyp(b"heic", b"mif1", b"heic"), "heic"),  # an iPhone's
    (_ftyp(b"heix", b"mif1"), "heic"),  # 10-bit
    (_ftyp(b"mif1", b"heic"), "heic"),  # the general HEIF brand first
    (_ftyp(b"msf1", b"hevc"), "heic"),  # an image sequence (a burst)
    (_ftyp(b"heim"), "heic"),
    (_ftyp(b"heis"), "heic"),
    (_ftyp(b"avif", b"mif1", b"miaf"), None),  # AV1, not HEVC: not what pillow-heif decodes
    (_ftyp(b"isom", b"iso2", b"mp41"), None),  # an MP4 video
    (_ftyp(b"qt  ", b"qt  "), None),  # an iPhone's Live Photo video (MOV)
    (b"RIFF\x10\0\0\0WEBPVP8 ", "webp"),
    (b"RIFF\x10\0\0\0WAVEfmt ", None),  # a RIFF that is sound
])
def test_heif_by_its_brands_webp_by_its_riff_form(head: bytes, kind: str | None) -> None:
    assert content_kind(head) == kind


@pytest.mark.parametrize("head, words", [
    (_ftyp(b"avif", b"mif1", b"miaf"), "AVIF image"),
    (_ftyp(b"qt  ", b"qt  "), "video (MP4, MOV)"),
])
def test_an_avif_or_a_video_is_refused_saying_what_it_is(tmp_path: Path, head: bytes, words: str) -> None:
    f = tmp_path / "from the phone.heic"
    f.write_bytes(head + b"\0" * 200)
    message = _fails(f, InputFileError, "not a PDF or image (PNG, JPEG, TIFF, WebP, HEIC)", _settings(tmp_path))
    assert words in message


@pytest.fixture(scope="module")
def header(tmp_path_factory: pytest.TempPathFactory) -> Image.Image:
    """The top of a decision at 300 dpi: issuer, number, date, type and subject."""
    page = render_grey(letter_pdf(tmp_path_factory.mktemp("letter") / "letter.pdf"), dpi=300)
    return page.crop((0, 0, page.width, int(page.height * 0.36)))


def _header_facts(path: Path, tmp_path: Path) -> tuple[object, ...]:
    d = extract_file(path, _settings(tmp_path)).document
    return d.doc_type, d.number, d.issuer, d.issued_date, d.subject


def test_a_webp_and_a_heic_give_the_pngs_header_facts(tmp_path: Path, header: Image.Image) -> None:
    png = tmp_path / "scan.png"
    header.save(png)  # no dpi stated, as a phone photo's
    expected = _header_facts(png, tmp_path)
    assert expected[:4] == ("decision", "123/QĐ-SNV", "Sở Nội vụ", "2025-08-04")
    for fmt in ("webp", "heic"):
        photo = tmp_path / f"photo.{fmt}"
        photo.write_bytes(photo_bytes(header, fmt))
        assert _header_facts(photo, tmp_path) == expected, fmt
        assert read_document(photo, _settings(tmp_path)).pages[0].reason == f"image file ({fmt.upper()})"


def _sideways_page() -> tuple[Image.Image, Image.Image]:
    """An upright page (wider than tall, a black block at its top left) and the sensor's picture
    of it that EXIF orientation 6 turns upright (a quarter turn clockwise)."""
    upright = Image.new("RGB", (400, 200), "white")
    upright.paste((0, 0, 0), (0, 0, 80, 40))
    return upright, upright.rotate(90, expand=True)


@pytest.mark.parametrize("fmt", ["webp", "heic"])
def test_a_phone_photo_is_turned_upright_by_its_orientation(tmp_path: Path, fmt: str) -> None:
    """WebP says its orientation in EXIF, as JPEG does; HEIC in its own rotation, which
    pillow-heif applies (and then says EXIF orientation 1): turned once either way."""
    _, sensor = _sideways_page()
    photo = tmp_path / f"sensor.{fmt}"
    photo.write_bytes(photo_bytes(sensor, fmt, orientation=6, quality=95))
    grey = load_image_frame(photo, 0, 300, 10**9).grey  # (enlarged: a page this small is taken for a screenshot)
    h, w = grey.shape
    assert abs(w / h - 2) < 0.02  # wider than tall, as the page is
    assert grey[: h // 5, : w // 5].mean() < 60 and grey[-h // 5:, -w // 5:].mean() > 200  # the block top left


@pytest.mark.parametrize("width", [1600, 794])
def test_resolution_and_colour_as_for_a_jpeg_photo(tmp_path: Path, width: int) -> None:
    """No dpi stated: a photo as wide as a page at OCR resolution is taken as that, a small one
    (a screenshot's 794 pixels) as its width over A4's and enlarged; a red seal keeps the
    colour copy the colour dropout works on. The same figures as the JPEG's."""
    photo = Image.new("RGB", (width, round(width * 1.41)), (245, 245, 240))
    photo.paste((200, 30, 30), (width // 2, width // 2, width // 2 + width // 5, width // 2 + width // 5))
    got = {}
    for fmt in ("jpeg", "webp", "heic"):
        f = tmp_path / f"p.{fmt}"
        f.write_bytes(photo_bytes(photo, fmt, quality=90))
        image = load_image_frame(f, 0, 300, 10**9)
        assert image.colour is not None, fmt
        got[fmt] = (image.dpi, image.scan_dpi, image.grey.shape, image_frames(f, 10**9))
    assert got["webp"] == got["jpeg"] and got["heic"] == got["jpeg"]
    assert got["jpeg"][0] == 300.0


def test_the_pixel_limit_holds_for_photos(tmp_path: Path, noise: Image.Image) -> None:
    from dispatch_reader.errors import LimitExceededError

    for fmt in ("webp", "heic"):
        f = tmp_path / f"big.{fmt}"
        f.write_bytes(photo_bytes(noise, fmt))
        _fails(f, LimitExceededError, "over the limit", _settings(tmp_path, max_pixels=10_000))


@pytest.mark.parametrize("fmt", ["webp", "heic"])
def test_a_truncated_photo_is_one_clear_line(tmp_path: Path, noise: Image.Image, fmt: str) -> None:
    """As a truncated JPEG or PNG (test_ingest_hostile.test_truncated_image), with its sizes."""
    data = photo_bytes(noise, fmt)
    f = tmp_path / f"cut.{fmt}"
    f.write_bytes(data[: len(data) // 3])
    message = _fails(f, DamagedFileError, "cannot read image", _settings(tmp_path))
    assert f"file is truncated ({len(data) // 3:,} of the {len(data):,} bytes its header states)" in message


def test_a_decoders_message_is_kept_on_one_line(tmp_path: Path, noise: Image.Image) -> None:
    from dispatch_reader.ingest.raster import unreadable

    whole = tmp_path / "whole.heic"
    whole.write_bytes(photo_bytes(noise, "heic"))
    # libheif ends its messages with a line break
    assert unreadable(whole, ValueError("Invalid input: No 'ftyp' box\n")) == "Invalid input: No 'ftyp' box"


def test_without_pillow_heif_a_heic_fails_alone_saying_so(tmp_path: Path, noise: Image.Image,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    heic, webp = tmp_path / "IMG_0002.HEIC", tmp_path / "chat.webp"
    heic.write_bytes(photo_bytes(noise, "heic"))
    webp.write_bytes(photo_bytes(noise, "webp"))
    monkeypatch.setattr(raster, "_heif_ready", False)
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # `import pillow_heif` fails
    message = _fails(heic, MissingDependencyError, "HEIC support is missing", _settings(tmp_path))
    assert "pillow-heif" in message
    assert image_frames(webp, 10**9) == [None]  # WebP is Pillow's own


def test_every_list_of_document_names_takes_the_photos(tmp_path: Path, noise: Image.Image) -> None:
    """watch, batch and the fleet walk DOCUMENT_SUFFIXES; the web inbox checks names and first
    bytes; the page images find a stored file again by its hash among those names."""
    from dispatch_reader.ingest.sniff import file_sha256
    from dispatch_reader.watch.walk import iter_documents
    from dispatch_reader.web.inbox import safe_name, save_upload
    from dispatch_reader.web.sources import SourceIndex

    names = {"a.webp": "webp", "b.heic": "heic", "C.HEIC": "heic", "d.heif": "heic"}
    (tmp_path / "in").mkdir()
    for i, (name, fmt) in enumerate(names.items()):
        (tmp_path / "in" / name).write_bytes(photo_bytes(noise.rotate(90 * i), fmt))  # four files, four hashes
    (tmp_path / "in" / "e.avif").write_bytes(b"x")
    assert sorted(p.name for p in iter_documents([tmp_path / "in"])) == sorted(names)
    for name in names:
        assert safe_name(name) == name
    index = SourceIndex([tmp_path / "in"])
    for name in names:
        assert index.find(file_sha256(tmp_path / "in" / name)) == tmp_path / "in" / name
    inbox = tmp_path / "inbox"
    for name in names:
        saved = save_upload(inbox, name, io.BytesIO((tmp_path / "in" / name).read_bytes()), 10**8)
        assert saved.parent == inbox and saved.name == name
    with pytest.raises(InputFileError, match="by its content"):
        save_upload(inbox, "f.heic", io.BytesIO(_ftyp(b"qt  ") + b"\0" * 100), 10**8)
