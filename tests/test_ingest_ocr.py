"""OCR pages: scans, images, turned pages, the cache and the single-thread rule.

Each OCR costs a second or two, so fixtures build each input once per module.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest
from PIL import Image

from _ingest_make import BODY, HEADER_LEFT, HEADER_RIGHT, image_pdf, letter_pdf, render_grey, scanned
from dispatch_reader.ingest.cer import cer
from dispatch_reader.ingest.reader import IngestSettings, read_document


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ocr")


@pytest.fixture(scope="module")
def born(work: Path) -> Path:
    return letter_pdf(work / "letter.pdf")


@pytest.fixture(scope="module")
def page_image(born: Path) -> Image.Image:
    return render_grey(born, dpi=200)


@pytest.fixture(scope="module")
def scan(work: Path, page_image: Image.Image) -> Path:
    return image_pdf(work / "letter.scan.pdf", [scanned(page_image, angle=1.5)])


def _settings(cache: Path, **kw: object) -> IngestSettings:
    return IngestSettings(cache_dir=cache, workers=1, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def scan_doc(scan: Path, work: Path):  # noqa: ANN201
    return read_document(scan, _settings(work / "cache"))


def test_scan_is_ocred_with_reason_and_confidence(scan_doc) -> None:  # noqa: ANN001
    page = scan_doc.pages[0]
    assert page.method == "ocr"
    assert page.reason == "no text layer"
    assert page.ocr_confidence is not None and page.ocr_confidence > 0.8
    assert page.words and all(w.conf is not None for w in page.words)
    assert page.rotation == 0
    assert page.scan_dpi is not None and abs(page.scan_dpi - 200) < 2


def test_a_rendered_scan_knows_the_resolution_it_was_made_at(scan: Path) -> None:
    from dispatch_reader.ingest.raster import render_pdf_page

    image = render_pdf_page(scan, 0, 300, 10**9)
    assert image.dpi == 300.0 and image.scan_dpi is not None and abs(image.scan_dpi - 200) < 2


def test_scan_text_keeps_diacritics_and_columns(scan_doc, born: Path, work: Path) -> None:  # noqa: ANN001
    text = scan_doc.pages[0].text
    lines = text.splitlines()
    for expected in HEADER_LEFT + HEADER_RIGHT:
        assert expected in lines  # whole lines: the two header columns are not interleaved
    assert lines.index(HEADER_LEFT[-1]) < lines.index(HEADER_RIGHT[0])
    reference = read_document(born, _settings(work / "cache")).pages[0].text
    edits, length = cer(text, reference)
    assert edits / length <= 0.03, (edits, length)


def test_png_jpeg_and_multipage_tiff(work: Path, page_image: Image.Image) -> None:
    header = page_image.crop((0, 0, page_image.width, page_image.height // 6))
    png, jpg, tif = work / "p.png", work / "p.jpg", work / "p.tif"
    header.save(png, dpi=(200, 200))
    header.save(jpg, dpi=(200, 200), quality=90)
    header.save(tif, save_all=True, append_images=[header.rotate(0)], dpi=(200, 200), compression="tiff_deflate")
    for f in (png, jpg):
        doc = read_document(f, _settings(work / "cache"))
        assert len(doc.pages) == 1 and doc.pages[0].method == "ocr"
        assert "SỞ NỘI VỤ" in doc.pages[0].text.splitlines()
    tiff = read_document(tif, _settings(work / "cache"))
    assert [p.number for p in tiff.pages] == [1, 2]
    assert all("Độc lập - Tự do - Hạnh phúc" in p.text for p in tiff.pages)


def test_a_faint_copy_is_read_not_refused_as_blank(work: Path, born: Path) -> None:
    """A copier low on toner: the letter's print light grey (no pixel under 150) on grey paper.
    It is read, and the page says its print was darkened."""
    page = render_grey(born, dpi=200)
    faint = page.point(lambda v: 150 + v * 85 // 255)  # black print → 150, white paper → 235
    path = work / "faint.scan.pdf"
    image_pdf(path, [faint])
    doc = read_document(path, _settings(work / "cache"))
    text = doc.pages[0].text
    assert "SỞ NỘI VỤ" in text.splitlines() and "Độc lập - Tự do - Hạnh phúc" in text
    assert any("faint print" in w for w in doc.warnings)


def test_a_faint_copys_strokes_printed_as_grains_of_toner_are_read(work: Path, born: Path) -> None:
    """A copier short of toner: every stroke light grey and half of its pixels paper (grains,
    not lines), JPEG. Its body is read; thresholded as dots, a fifth of its words were."""
    import re

    import numpy as np

    page = np.asarray(render_grey(born, dpi=200), np.float32) / 255.0
    grains = np.random.default_rng(1).random(page.shape) < 0.5
    faint = 235 - (1 - page) * grains * (235 - 120)
    buf = io.BytesIO()
    Image.fromarray(np.clip(faint, 0, 255).astype(np.uint8)).save(buf, "JPEG", quality=75)
    path = image_pdf(work / "grains.scan.pdf", [Image.open(buf)])
    doc = read_document(path, _settings(work / "cache"))
    got = set(re.findall(r"\w+", doc.pages[0].text))
    want = [w for line in BODY for w in re.findall(r"\w+", line)]
    assert sum(w in got for w in want) / len(want) >= 0.9
    assert any("grains of toner joined" in w for w in doc.warnings)


def test_evenly_faint_print_is_not_taken_for_grains_and_stays_sharp() -> None:
    """Small print evenly light (no grains) breaks into few specks; the grains page into many
    (a reviewer's: blurring 6-7 pt lines at 300 dpi cost a quarter of their words)."""
    import numpy as np
    from PIL import ImageDraw, ImageFont

    from dispatch_reader.ingest.preprocess import GRAINY_SPECKS, darken_faint_print, speck_share

    im = Image.new("L", (1654, 1200), 235)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 19)  # 7 pt at 200 dpi
    for i in range(30):
        ImageDraw.Draw(im).text((100, 60 + i * 36), "Ủy ban nhân dân xã thực hiện chế độ hỗ trợ công chức", font=font, fill=136)
    page = np.clip(np.asarray(im) + np.random.default_rng(1).normal(0, 4, (1200, 1654)), 0, 255).astype(np.uint8)
    darker, core = darken_faint_print(page)
    assert core is not None and speck_share(darker, 200) < GRAINY_SPECKS
    grains = np.where((np.asarray(im) < 200) & (np.random.default_rng(2).random((1200, 1654)) < 0.5), 120, 235)
    darker, core = darken_faint_print(grains.astype(np.uint8))
    assert core is not None and speck_share(darker, 200) >= GRAINY_SPECKS


@pytest.mark.parametrize("tags", ["dpi", "unitless", "none"])
def test_a_fax_tiff_at_204_by_98_dpi_is_read_with_its_lines_their_height(work: Path, page_image: Image.Image,
                                                                          tags: str) -> None:
    """A fax server's TIFF (standard mode: 204 dpi across, 98 down, one bit, lines 1728 pixels):
    its rows are twice as tall as its columns are wide, and read as square pixels every letter
    is half its height. Some servers write the resolution with no unit, or none at all."""
    header = page_image.crop((0, 0, page_image.width, page_image.height // 6))
    fax = header.resize((round(header.width * 204 / 200), round(header.height * 98 / 200)), Image.LANCZOS)
    line = Image.new("L", (1728, fax.height), 255)
    line.paste(fax, (0, 0))
    tif = work / f"fax-{tags}.tif"
    kw = {"dpi": (204, 98)} if tags == "dpi" else {"resolution_unit": 1, "x_resolution": 204, "y_resolution": 98} \
        if tags == "unitless" else {}
    line.point(lambda v: 255 if v > 150 else 0).convert("1").save(tif, compression="group4", **kw)
    page = read_document(tif, _settings(work / "cache")).pages[0]
    assert page.height is not None and page.width is not None
    assert abs(page.height / page.width - line.height / line.width * 204 / 98) < 0.02
    assert "Độc lập - Tự do - Hạnh phúc" in page.text.splitlines()
    assert page.scan_dpi == 98.0  # the rows' resolution, for the facts' confidence


def test_a_sixteen_bit_grey_scan_is_read_not_taken_for_white(work: Path, page_image: Image.Image) -> None:
    """A scanner's 16-bit grey (its black about 4,500 of 65,535, its paper about 60,000):
    scaled to 8 bits, not clipped to white (a blank page, `not a document`)."""
    import numpy as np

    header = np.asarray(page_image.crop((0, 0, page_image.width, page_image.height // 6)).convert("L"), np.float32)
    wide = (4500 + header / 255 * 55500).astype(np.uint16)
    png = work / "wide.png"
    Image.fromarray(wide).save(png, dpi=(200, 200))
    page = read_document(png, _settings(work / "cache")).pages[0]
    assert "Độc lập - Tự do - Hạnh phúc" in page.text.splitlines()


def test_a_screenshot_at_96_dpi_is_enlarged_before_it_is_read(work: Path, page_image: Image.Image) -> None:
    """A page saved from a screen: 794 pixels across A4 at 96 dpi, stated as 96 (what converters
    write by default) or not at all; read as a 300-dpi page its letters were a third of their
    size."""
    small = page_image.resize((794, round(page_image.height * 794 / page_image.width)), Image.LANCZOS)
    png = work / "screen.png"
    small.save(png)
    page = read_document(png, _settings(work / "cache")).pages[0]
    assert page.scan_dpi is not None and abs(page.scan_dpi - 96) < 1
    assert "Độc lập - Tự do - Hạnh phúc" in page.text.splitlines()


def test_a_phone_photo_turned_by_its_exif_is_read_upright_without_detection(work: Path, page_image: Image.Image) -> None:
    """A phone stores the sensor's picture and says in EXIF how to turn it (orientation 6: a
    quarter turn clockwise); the page is read upright as the phone shows it."""
    header = page_image.crop((0, 0, page_image.width, page_image.height // 6))
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = work / "sensor.jpg"
    header.rotate(90, expand=True).convert("RGB").save(photo, dpi=(200, 200), quality=92, exif=exif.tobytes())
    page = read_document(photo, _settings(work / "cache")).pages[0]
    assert page.rotation == 0  # turned by its EXIF, not found sideways by detection
    assert page.width is not None and page.height is not None and page.width > page.height
    assert "Độc lập - Tự do - Hạnh phúc" in page.text.splitlines()


@pytest.mark.parametrize("turn", [180, 90])
def test_turned_pages_are_read_upright(work: Path, page_image: Image.Image, turn: int) -> None:
    f = image_pdf(work / f"turned{turn}.pdf", [scanned(page_image, turn=turn)])
    page = read_document(f, _settings(work / "cache")).pages[0]
    assert page.rotation in ((180,) if turn == 180 else (90, 270))
    assert "Độc lập - Tự do - Hạnh phúc" in page.text


def test_stamp_over_scan_is_ocred(work: Path, page_image: Image.Image) -> None:
    f = image_pdf(work / "stamped.pdf", [scanned(page_image)], text_stamp="Ký bởi: Văn phòng Ủy ban nhân dân tỉnh")
    page = read_document(f, _settings(work / "cache")).pages[0]
    assert page.method == "ocr"
    assert "stamp" in page.reason
    assert BODY[0] in page.text


def test_a_copiers_two_layer_pdf_is_read_at_its_print_layers_resolution(work: Path, page_image: Image.Image) -> None:
    """A copier's compact PDF: a 100-dpi picture of the paper under the print at 300 dpi (one
    bit). The page is as fine as its print: not rendered at the paper's 100 dpi and enlarged,
    nor its facts' confidence capped as a fax's."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from dispatch_reader.ingest.raster import low_scan_resolution, scan_dpi

    w, h = page_image.width * 72 / 200, page_image.height * 72 / 200
    paper = page_image.resize((page_image.width // 2, page_image.height // 2)).convert("RGB")
    ink = page_image.resize((page_image.width * 3 // 2, page_image.height * 3 // 2)).point(lambda v: 0 if v < 128 else 255)
    f = work / "two-layer.pdf"
    c = canvas.Canvas(str(f), pagesize=(w, h), invariant=1)
    for layer, fmt in ((paper, "JPEG"), (ink.convert("RGBA"), "PNG")):
        buf = io.BytesIO()
        layer.save(buf, format=fmt)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=w, height=h, mask="auto")
    c.showPage()
    c.save()
    page = pdfium.PdfDocument(str(f))[0]
    assert scan_dpi(page) is not None and abs(scan_dpi(page) - 300) < 2
    assert low_scan_resolution(page) is None


@pytest.mark.parametrize("how", ["whole", "margin", "cropbox"])
def test_a_scans_jpeg_is_decoded_straight_only_when_it_is_the_page(work: Path, page_image: Image.Image, how: str) -> None:
    """The fast path decodes a page's one JPEG as the page. A scan set with a margin, or shown
    through a crop box (one half of a two-page spread), is the page only as rendered: decoded
    straight, the evidence boxes moved and the other half's text came in."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from dispatch_reader.ingest.raster import _decode_scan_jpeg

    w, h = page_image.width * 72 / 200, page_image.height * 72 / 200
    f = work / f"jpeg-{how}.pdf"
    c = canvas.Canvas(str(f), pagesize=(w, h), invariant=1)
    if how == "cropbox":
        c.setCropBox((0, 0, w / 2, h))
    buf = io.BytesIO()
    page_image.convert("RGB").save(buf, format="JPEG", quality=85)
    buf.seek(0)
    pad = 36 if how == "margin" else 0
    c.drawImage(ImageReader(buf), pad, pad, width=w - 2 * pad, height=h - 2 * pad)
    c.showPage()
    c.save()
    page = pdfium.PdfDocument(str(f))[0]
    assert (_decode_scan_jpeg(page, f, 10**9) is not None) == (how == "whole")


def test_a_copiers_ocr_layer_without_vietnamese_marks_is_read_again(work: Path, page_image: Image.Image) -> None:
    """A scanner's searchable PDF whose own OCR knew no Vietnamese: invisible text over the scan
    with the marks lost (`Ha Noi, ngay 13 thang 5`). The page is OCRed; a layer with its marks
    is kept."""
    unmarked = ["SO NOI VU CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc",
                "Ha Noi, ngay 13 thang 5 nam 2026", "QUYET DINH Ve viec biet phai cong chuc",
                "Can cu Luat To chuc chinh quyen dia phuong ngay 16 thang 6 nam 2025;",
                "Theo de nghi cua Giam doc So Noi vu tai To trinh so 412/TTr-SNV;",
                "Dieu 1. Biet phai cong chuc den lam viec tai Uy ban nhan dan xa trong thoi han mot nam."]
    f = image_pdf(work / "copier-ocr.pdf", [page_image], hidden_lines=unmarked)
    page = read_document(f, _settings(work / "cache")).pages[0]
    assert page.method == "ocr" and "without its marks" in page.reason
    assert "Độc lập - Tự do - Hạnh phúc" in page.text
    marked = [line.replace("Ha Noi, ngay", "Hà Nội, ngày").replace("thang", "tháng").replace("nam", "năm")
              .replace("Doc lap", "Độc lập").replace("Hanh phuc", "Hạnh phúc").replace("Dieu", "Điều")
              .replace("Uy ban nhan dan xa", "Ủy ban nhân dân xã").replace("de nghi cua", "đề nghị của")
              .replace("Giam doc", "Giám đốc").replace("So Noi vu", "Sở Nội vụ").replace("trinh", "trình")
              for line in unmarked]
    kept = read_document(image_pdf(work / "good-ocr.pdf", [page_image], hidden_lines=marked),
                         _settings(work / "cache")).pages[0]
    assert kept.method == "text_layer"


def test_low_confidence_is_warned(scan: Path, work: Path) -> None:
    doc = read_document(scan, _settings(work / "cache", min_confidence=0.999))
    assert any("low OCR confidence" in w for w in doc.warnings)


def _fake_tesseract(folder: Path, log: Path, fail: bool = False) -> str:
    """A tesseract stand-in that logs OMP_THREAD_LIMIT (or fails) and runs the real one."""
    script = folder / ("tess-fail" if fail else "tess-log")
    body = "echo called >&2; exit 3" if fail else 'exec tesseract "$@"'
    script.write_text(f'#!/bin/sh\necho "OMP=$OMP_THREAD_LIMIT" >> "{log}"\n{body}\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_cache_means_no_second_ocr(scan: Path, work: Path, scan_doc, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import pytesseract

    from dispatch_reader.errors import DispatchReaderError
    from dispatch_reader.ingest import ocr, tessread

    ocr.installed_languages()
    tessread.tesseract_version()
    log = work / "fail.log"
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", _fake_tesseract(work, log, fail=True))
    again = read_document(scan, _settings(work / "cache"))
    assert again.pages[0].text == scan_doc.pages[0].text
    assert not log.exists()  # Tesseract was not called at all
    # Settings that change OCR output miss the cache: Tesseract runs (and here fails).
    with pytest.raises(DispatchReaderError, match="OCR failed"):
        read_document(scan, _settings(work / "cache", dpi=250))
    assert log.exists()


def test_every_tesseract_runs_single_threaded(work: Path, page_image: Image.Image, monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract

    small = page_image.crop((0, 0, page_image.width, page_image.height // 6))
    f = image_pdf(work / "two.pdf", [scanned(small), scanned(small.rotate(0))])
    log = work / "omp.log"
    monkeypatch.setenv("OMP_THREAD_LIMIT", "4")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", _fake_tesseract(work, log))
    read_document(f, IngestSettings(cache_dir=None, workers=1))  # in this process
    lines = log.read_text().split()
    assert lines and set(lines) == {"OMP=1"}


def test_pool_workers_run_single_threaded(work: Path, page_image: Image.Image, tmp_path: Path) -> None:
    small = page_image.crop((0, 0, page_image.width, page_image.height // 6))
    f = image_pdf(tmp_path / "two.pdf", [scanned(small), scanned(small)])
    log = tmp_path / "omp.log"
    tess = _fake_tesseract(tmp_path, log)
    code = (
        "import sys, pytesseract\n"
        f"pytesseract.pytesseract.tesseract_cmd = {tess!r}\n"
        "from dispatch_reader.ingest.reader import read_document, IngestSettings\n"
        f"d = read_document({str(f)!r}, IngestSettings(cache_dir=None, workers=2))\n"
        "assert len(d.pages) == 2 and all('SỞ NỘI VỤ' in p.text for p in d.pages)\n"
    )
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = dict(os.environ, OMP_THREAD_LIMIT="4", PYTHONPATH=str(root))
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = log.read_text().split()
    assert len(lines) >= 2 and set(lines) == {"OMP=1"}


def test_d_is_restored_in_vietnamese_numbers_but_not_in_english_text():
    from dispatch_reader.ingest.reader import _looks_vietnamese

    assert _looks_vietnamese("Số: 12/QD-UBND ngày 04 tháng 8 năm 2025 của Ủy ban nhân dân tỉnh".split())
    assert not _looks_vietnamese("The People's Committee issued Decision No. 12/QD-UBND on August 4".split())


def test_english_scan_keeps_qd_as_printed(tmp_path):
    import json

    from dispatch_reader.ingest.reader import read_document
    from dispatch_reader.ingest.settings import IngestSettings

    samples = Path(__file__).resolve().parent.parent / "samples"
    truth = json.loads((samples / "en-press-02.truth.json").read_text("utf-8"))
    number = truth["document"]["number"]
    assert "QD" in number  # the sample prints the number the English way
    doc = read_document(samples / "en-press-02.scan.pdf", IngestSettings(cache_dir=None, workers=1))
    assert number in doc.pages[0].text


def test_words_far_narrower_than_their_letters_and_unsure_are_dropped() -> None:
    """A copier's streak at the page's edge read as `Tàn Tan` (conf 0-5, three letters in 4
    pixels) stood at the foot of the signing page and was taken for the signer's name."""
    from dispatch_reader.ingest.tessread import tsv_words

    data = {"text": ["Tàn", "Tan", "Luong", "Ill"], "conf": [5, 0, 92, 20],
            "left": [70, 70, 1000, 1300], "top": [1900, 1920, 600, 600], "width": [4, 8, 110, 28],
            "height": [17, 20, 57, 40], "block_num": [1, 1, 2, 2], "par_num": [1, 1, 1, 1], "line_num": [1, 2, 1, 1]}
    words, keys = tsv_words(data, 72.0 / 300)
    # a sure word keeps whatever width it has; `Ill` is narrow letters, not too narrow for them
    assert [w.text for w in words] == ["Luong", "Ill"] and len(keys) == 2


def _part_scan_pdf(path: Path, px: tuple[int, int], drawn_in: tuple[float, float]) -> Path:
    """An A4 page with one grey image of `px` pixels drawn `drawn_in` inches large on it (a
    Gazette page: a document's scan set under the Gazette's own running head)."""
    import io as _io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    buf = _io.BytesIO()
    Image.new("L", px, 230).save(buf, format="PNG")
    buf.seek(0)
    c.drawImage(ImageReader(buf), 40, 120, width=drawn_in[0] * 72, height=drawn_in[1] * 72)
    c.showPage()
    c.save()
    return path


def test_a_low_resolution_scan_is_rendered_at_its_own_resolution(tmp_path: Path) -> None:
    """A 96 dpi scan over part of the page is rendered at 96 dpi, for the OCR stage to enlarge
    (pdfium's own enlarging read the Gazette's `Số: 02/2023/TB-LPQT` as `H2/20213`); a fax's
    200 x 100 dpi, a 300 dpi scan and a thumbnail are left to the renderer at 300."""
    from dispatch_reader.ingest.raster import render_pdf_page

    def rendered_dpi(px: tuple[int, int], inches: tuple[float, float]) -> float:
        f = _part_scan_pdf(tmp_path / f"p{px[0]}x{px[1]}.pdf", px, inches)
        return render_pdf_page(f, 0, 300, 150_000_000, None, True).dpi

    assert rendered_dpi((672, 672), (7.0, 7.0)) == 96
    assert rendered_dpi((1400, 700), (7.0, 7.0)) == 300  # 200 x 100 dpi: a fax's pixels
    assert rendered_dpi((2100, 2100), (7.0, 7.0)) == 300  # 300 dpi: read as it is rendered
    assert rendered_dpi((96, 96), (1.0, 1.0)) == 300  # a logo, not the page's scan
    assert rendered_dpi((480, 480), (5.0, 5.0)) == 300  # a picture over a quarter of the page
    # and not when the caller asks for the OCR resolution whatever the scan's
    f = _part_scan_pdf(tmp_path / "keep.pdf", (672, 672), (7.0, 7.0))
    assert render_pdf_page(f, 0, 300, 150_000_000, None, False).dpi == 300


def _upside_down(line: str) -> str:
    """The line as a Latin OCR reads it turned half round: backwards, each letter as the one
    it looks like upside down."""
    turned = str.maketrans("nudpbqaehmwtyMWSZ", "unpdqbeahwmyhWMSZ")
    return line[::-1].translate(turned)


def test_a_copiers_ocr_layer_of_a_page_fed_upside_down_is_read_again(work: Path, page_image: Image.Image) -> None:
    """A copier's searchable PDF of a sheet fed the wrong way round: its own OCR read the page
    upside down, words of no language (`ueyu uep`) over the scan. The page is OCRed; an English
    layer over a scan is kept."""
    lines = ["Dieu 1. Biet phai cong chuc den lam viec tai Uy ban nhan dan xa trong thoi han mot nam.",
             "Can cu Luat To chuc chinh quyen dia phuong ngay 16 thang 6 nam 2025 va cac van ban",
             "Theo de nghi cua Giam doc So Noi vu tai To trinh so 412/TTr-SNV ngay 2 thang 3 nam 2026",
             "Dieu 2. Thoi gian biet phai tinh tu ngay ky quyet dinh nay den het ngay 31 thang 12",
             "Dieu 3. Chanh Van phong, Giam doc So Noi vu va cac ca nhan co ten tai Dieu 1 chiu trach",
             "nhiem thi hanh Quyet dinh nay ke tu ngay ky ban hanh va bao cao ket qua thuc hien.",
             "Noi nhan: Nhu Dieu 3; Luu: VT, TCCB. KT. CHU TICH PHO CHU TICH"]
    f = image_pdf(work / "turned-ocr.pdf", [page_image], hidden_lines=[_upside_down(x) for x in reversed(lines)])
    page = read_document(f, _settings(work / "cache")).pages[0]
    assert page.method == "ocr" and "no language" in page.reason
    english = ["The Ministry of Home Affairs said on Monday that it will send officials to the communes",
               "in the north of the country for a period of one year, and that the first of them are",
               "to start work in the new communes by the end of the month, as was decided at the meeting",
               "of the Government with the provinces and cities on the reform of local government.",
             "The officials will keep their pay and their posts at the departments that send them,",
             "and the communes will give them work in the fields where they are short of staff, such",
             "as land, building and finance, as the ministry has asked the provinces to report on it."]
    kept = read_document(image_pdf(work / "english-ocr.pdf", [page_image], hidden_lines=english),
                         _settings(work / "cache")).pages[0]
    assert kept.method == "text_layer"
