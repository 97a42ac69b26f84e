"""Office-grade scans (synth.damage): each variant does to the page what it says, the same way
every time, and never writes the document's own number or date on a stamp."""

import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from dispatch_reader.evaluate import load_truth, parse_variants
from dispatch_reader.errors import UsageError
from dispatch_reader.synth.damage import VARIANTS, DocFacts, damage_pdf, receipt_values
from dispatch_reader.synth.damage.copies import phone_photo
from dispatch_reader.synth.damage.layout import find_signature, read_pages

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ONE_PAGE = "cv-tang-cuong-02"  # a công văn: header, KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC signing block
TWO_PAGES = "qd-biet-phai-01"  # the signature on page 2


def _sample(name: str) -> tuple[bytes, DocFacts]:
    return (SAMPLES / f"{name}.pdf").read_bytes(), DocFacts.from_record(load_truth(SAMPLES / f"{name}.truth.json"))


@pytest.fixture(scope="module")
def made() -> dict[str, bytes]:
    """Every variant of the one-page sample, and the seal variant of the two-page one."""
    born, facts = _sample(ONE_PAGE)
    out = {v: damage_pdf(born, v, seed=5, facts=facts) for v in VARIANTS}
    born2, facts2 = _sample(TWO_PAGES)
    out["seal-2"] = damage_pdf(born2, "seal", seed=5, facts=facts2)
    return out


def _image_object(pdf: bytes, index: int = 0):
    doc = pdfium.PdfDocument(pdf)
    page = doc[index]
    [image] = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,)))
    return doc, page, image


def _rgb(pdf: bytes, index: int, dpi: float = 100) -> np.ndarray:
    doc = pdfium.PdfDocument(pdf)
    return np.asarray(doc[index].render(scale=dpi / 72).to_pil().convert("RGB")).astype(int)


def _stamp_ink(rgb: np.ndarray) -> np.ndarray:
    """Red or violet ink: much more red than green (blue pen and black print are not)."""
    r, g = rgb[..., 0], rgb[..., 1]
    return (r - g > 50) & (g < 150)


def test_same_seed_same_bytes_other_seed_other_bytes(made):
    born, facts = _sample(ONE_PAGE)
    for variant in ("receipt", "phone"):
        assert damage_pdf(born, variant, seed=5, facts=facts) == made[variant]
    assert damage_pdf(born, "fax", seed=6, facts=facts) != made["fax"]


def test_every_variant_is_image_only_with_the_pages_of_the_original(made):
    for variant in VARIANTS:
        doc = pdfium.PdfDocument(made[variant])
        assert len(doc) == 1
        assert doc[0].get_textpage().count_chars() == 0, variant  # no text layer, as scanners make them
    assert len(pdfium.PdfDocument(made["seal-2"])) == 2


def test_seal_is_red_over_the_signing_block_and_across_the_edge_of_each_page(made):
    born, facts = _sample(TWO_PAGES)
    spot = find_signature(read_pages(pdfium.PdfDocument(born)), facts.signer)
    assert spot is not None and spot.page == 1 and [t.text for t in spot.titles] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    x0, top, x1, bottom = (v * 100 / 72 for v in spot.box)
    last = _rgb(made["seal-2"], 1)
    block = _stamp_ink(last[int(top):int(bottom), int(x0):int(x1)])
    assert block.sum() > 300  # the seal's rim and letters over the title lines and the signature
    assert _stamp_ink(_rgb(born, 1)).sum() == 0  # the original has no red at all
    for index in (0, 1):  # dấu giáp lai: a slice of the seal at the right edge of every page
        edge = _rgb(made["seal-2"], index)[:, -15:]
        assert _stamp_ink(edge).sum() > 50
    # A pen signature (blue or dark) in the gap above the signer's name.
    name_top = spot.name.top * 100 / 72
    gap = last[int(spot.titles[-1].bottom * 100 / 72):int(name_top), int(x0):int(x1)]
    assert ((gap[..., 2] - gap[..., 0] > 40) | (gap.max(axis=2) < 90)).sum() > 100


def test_a_name_in_a_sentence_is_no_signing_block():
    """A press report names its signer in running text (`signed by Vice Chairman Le Quang
    Vinh, Mr. …`); nobody seals a newspaper, so no seal is stamped over that paragraph."""
    born, facts = _sample("en-press-02")
    assert facts.signer == "Le Quang Vinh"
    pages = read_pages(pdfium.PdfDocument(born))
    assert any("signed by Vice Chairman Le Quang Vinh" in p.text for p in pages[0].phrases)
    assert find_signature(pages, facts.signer) is None
    assert _stamp_ink(_rgb(damage_pdf(born, "seal", seed=5, facts=facts), 0)).sum() == 0
    # the same name on a line of its own under the titles is the block
    born, facts = _sample(ONE_PAGE)
    spot = find_signature(read_pages(pdfium.PdfDocument(born)), facts.signer)
    assert spot is not None and spot.name.text == facts.signer


def test_receipt_stamp_is_red_or_violet_on_the_top_of_page_1(made):
    received, sealed = _rgb(made["receipt"], 0), _rgb(made["seal"], 0)
    top = int(received.shape[0] * 0.45)
    assert _stamp_ink(received[:top]).sum() > 500  # the stamp, over or near the header
    assert _stamp_ink(sealed[:top]).sum() < 50  # the seal alone is down at the signature


def test_receipt_numbers_and_dates_are_never_the_documents():
    facts = DocFacts(number="1234/QĐ-UBND", issued_date=date(2025, 9, 5))

    class Stubborn(random.Random):
        """Picks the document's own number first, and the first day after issue."""
        calls = 0

        def randint(self, a, b):
            self.calls += 1
            return 1234 if self.calls == 1 and b >= 1234 else (a if a >= 0 else super().randint(a, b))

    values = receipt_values(facts, {1234}, {date(2025, 9, 6)}, Stubborn(1))
    assert values.number != 1234
    assert values.date not in (date(2025, 9, 5), date(2025, 9, 6)) and values.note_date != date(2025, 9, 5)
    for seed in range(300):
        v = receipt_values(facts, set(), set(), random.Random(seed))
        assert v.number != 1234 and date(2025, 9, 5) not in (v.date, v.note_date) and v.date > facts.issued_date


def test_photocopy_is_one_bit_with_the_seal_gone_black(made):
    doc, page, image = _image_object(made["photocopy"])
    assert image.get_filters() == ["CCITTFaxDecode"]
    pixels = image.get_bitmap().to_numpy()
    assert set(np.unique(pixels)) <= {0, 255}
    assert _stamp_ink(_rgb(made["photocopy"], 0)).sum() == 0  # no colour left


def test_fax_is_200_by_100_dpi_one_bit(made):
    doc, page, image = _image_object(made["fax"])
    width_pt, height_pt = page.get_size()
    w, h = image.get_px_size()
    assert abs(w / (width_pt / 72) - 200) < 2 and abs(h / (height_pt / 72) - 100) < 2
    assert image.get_filters() == ["CCITTFaxDecode"]
    assert set(np.unique(image.get_bitmap().to_numpy())) <= {0, 255}


def test_phone_photo_shows_the_desk_around_a_keystoned_page(made):
    doc, page, image = _image_object(made["phone"])
    assert image.get_filters() == ["DCTDecode"]
    w, h = image.get_px_size()
    assert 150 <= w / (page.get_size()[0] / 72) <= 190
    paper = np.full((1170, 827, 3), 250.0, np.float32)
    photo, corners = phone_photo(paper, 100, random.Random(3), 160)
    W, H = photo.image.size
    frame = np.asarray([(0, 0), (W, 0), (W, H), (0, H)], np.float32)
    assert (np.linalg.norm(corners - frame, axis=1) > 0.03 * W).all()  # no corner of the page at a corner of the photo
    widths = corners[1, 0] - corners[0, 0], corners[2, 0] - corners[3, 0]
    heights = corners[3, 1] - corners[0, 1], corners[2, 1] - corners[1, 1]
    assert abs(widths[0] - widths[1]) > 0.03 * W or abs(heights[0] - heights[1]) > 0.03 * H  # keystone
    rgb = np.asarray(photo.image).astype(int)
    assert rgb[:10, :10].mean() < 200 and rgb[H // 2, W // 2].mean() > 180  # desk at the corner, paper in the middle


def test_variant_names_on_the_command_line():
    assert parse_variants("all") == ("born", "scan")
    assert parse_variants("seal, fax,seal") == ("seal", "fax")
    assert parse_variants("born,office") == ("born", "seal", "receipt", "photocopy", "phone", "fax")
    with pytest.raises(UsageError):
        parse_variants("seal,xerox")


SHORT_TEXT = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số: 12/QĐ-UBND

QUYẾT ĐỊNH
Về việc cử công chức đi công tác

Điều 1. Cử ông Trần Văn Bình đi công tác.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH



Lê Văn An
"""


def test_eval_prints_a_column_per_variant(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "short.txt").write_text(SHORT_TEXT, "utf-8")
    (folder / "short.truth.json").write_text(
        '{"document": {"number": "12/QĐ-UBND", "signer": {"name": "Lê Văn An"}}}', "utf-8")
    command = [sys.executable, "-m", "dispatch_reader", "eval", str(folder), "--work", str(tmp_path / "work"),
               "--markdown"]
    result = subprocess.run([*command, "--variant", "seal,fax"], capture_output=True, text=True, timeout=300,
                            env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert "sealed (1 docs)" in header and "fax (1 docs)" in header and "born" not in header
    assert len(list((tmp_path / "work").glob("short-*.seal.pdf"))) == 1  # cached for the next run
    # -q silences the progress, not the table: the figures are what the command is asked for
    quiet = subprocess.run([*command, "-q", "--variant", "seal"], capture_output=True, text=True, timeout=300,
                           env=dict(os.environ))
    assert quiet.returncode == 0, quiet.stderr
    assert "sealed (1 docs)" in quiet.stdout.splitlines()[0] and "[1/1]" not in quiet.stderr
    bad = subprocess.run([*command, "--variant", "seal,xerox"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "xerox" in bad.stderr


def test_eval_scores_the_receipt_stamp_on_the_copies_that_carry_it(tmp_path):
    """The stamp's values are the generator's: kept beside each copy, scored as `received.*`;
    a copy without a stamp has none, so a stamp read there would be a false positive."""
    import json

    from dispatch_reader.evaluate import evaluate, markdown_table

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "short.txt").write_text(SHORT_TEXT, "utf-8")
    (folder / "short.truth.json").write_text('{"document": {"number": "12/QĐ-UBND"}}', "utf-8")
    work = tmp_path / "work"
    report = evaluate([folder], variants=("born", "receipt", "seal"), work_dir=work)
    stamp = json.loads(next(work.glob("short-*.receipt.received.json")).read_text("utf-8"))
    assert stamp["number"].isdigit() and stamp["number"] != "12" and len(stamp["date"]) == 10
    assert json.loads(next(work.glob("short-*.seal.received.json")).read_text("utf-8")) is None
    received = report.tallies[("receipt", "document.received.number")]
    assert received.tp + received.fn == 1  # one stamp to read, whether it was read or not
    assert report.tallies[("receipt", "document.received.date")].tp + \
        report.tallies[("receipt", "document.received.date")].fn == 1
    sealed = report.tallies[("seal", "document.received.number")]
    assert (sealed.tp, sealed.fp, sealed.fn) == (0, 0, 0)
    assert ("born", "document.received.number") not in report.tallies  # no truth file speaks of a stamp
    assert "received.number" in markdown_table(report)
