"""The office samples: typed as DOCX, converted by LibreOffice, with e-signature boxes and running heads.

The committed files are checked without LibreOffice; rebuilding one needs it (skipped, with the
reason, where it is not installed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber
import pytest

from dispatch_reader.record import validate
from dispatch_reader.synth import page_texts
from dispatch_reader.synth import office

from sample_generator import load_generator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _generator():
    return load_generator()


def _office_samples() -> list:
    return [make() for make in _generator().OFFICE_SAMPLES]


OFFICE = _office_samples()
NAMES = [s.name for s in OFFICE]


def test_there_are_office_samples_of_several_kinds() -> None:
    assert len(OFFICE) >= 4
    assert all(s.layout is not None for s in OFFICE)
    assert any(s.spec.attachment for s in OFFICE), "a DANH SÁCH attachment"
    assert any(s.layout.gazette_head for s in OFFICE), "a Công báo running head"
    assert any("\n" in s.spec.issuer_lines[-1] for s in OFFICE), "an issuer wrapped over two lines"
    assert any(not s.spec.type_label for s in OFFICE), "a công văn"


@pytest.mark.parametrize("sample", OFFICE, ids=NAMES)
def test_committed_office_sample_is_a_libreoffice_pdf_with_text(sample) -> None:
    pdf_path = SAMPLES / f"{sample.name}.pdf"
    assert pdf_path.is_file() and (SAMPLES / f"{sample.name}.scan.pdf").is_file()
    truth = json.loads((SAMPLES / f"{sample.name}.truth.json").read_text("utf-8"))
    validate(truth)
    with pdfplumber.open(pdf_path) as pdf:
        assert pdf.metadata.get("Producer", "").startswith("LibreOffice"), pdf.metadata
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        first = pdf.pages[0]
        words = first.extract_words()
        stamp = [w for w in words if w["text"] == "Ký"]
        motto = [w for w in words if w["text"] == "CỘNG"]
        width = first.width
    # Times New Roman in the DOCX is laid out with Liberation Serif; the e-signature box is sans.
    assert any(f.startswith("LiberationSerif") for f in fonts), fonts
    texts = page_texts(pdf_path.read_bytes())
    assert truth["source"]["page_count"] == len(texts)
    assert MOTTO in texts[0] and f"Số: {sample.spec.number}" in texts[0]
    assert "Thời gian ký:" in texts[0]
    # the box sits top right of page 1, above the motto
    assert stamp and motto and stamp[0]["x0"] > width / 2 and stamp[0]["top"] < motto[0]["top"]
    assert truth["document"]["number"] == sample.spec.number


def test_running_heads() -> None:
    by_name = {s.name: s for s in OFFICE}
    for name, sample in by_name.items():
        texts = page_texts((SAMPLES / f"{name}.pdf").read_bytes())
        if sample.layout.gazette_head:
            first = sample.layout.first_page_number
            for i, text in enumerate(texts):
                assert f"{sample.layout.gazette_head} {first + i}" in text, (name, i + 1)
        else:
            assert all(text.lstrip().startswith(f"{i}\n") for i, text in enumerate(texts[1:], 2)), name


def test_wrapped_issuer_is_two_lines_of_page_text() -> None:
    for sample in OFFICE:
        issuer = sample.spec.issuer_lines[-1]
        if "\n" in issuer:
            lines = page_texts((SAMPLES / f"{sample.name}.pdf").read_bytes())[0].splitlines()
            head, tail = issuer.split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith(head))
            assert not lines[at].startswith(f"{head} {tail}")
            assert any(line.startswith(tail) for line in lines[at + 1:at + 3]), lines[:12]


@pytest.mark.skipif(office.soffice_path() is None, reason="libreoffice not installed (apt-get install libreoffice-writer-nogui)")
def test_rebuilding_an_office_sample_gives_the_committed_truth_and_the_same_bytes(tmp_path: Path) -> None:
    name = "cv-de-nghi-xa-office-01"
    gen = _generator()
    for run in ("a", "b"):
        assert gen.main(["--out", str(tmp_path / run), "--only", name]) == 0
    a, b = (tmp_path / run / f"{name}.pdf" for run in ("a", "b"))
    assert a.read_bytes() == b.read_bytes(), "two conversions differ: LibreOffice metadata not fixed"
    fresh = json.loads((tmp_path / "a" / f"{name}.truth.json").read_text("utf-8"))
    committed = json.loads((SAMPLES / f"{name}.truth.json").read_text("utf-8"))
    # The PDF hash is left out: another LibreOffice or font version may change bytes, not facts.
    for record in (fresh, committed):
        record["source"].pop("sha256")
    assert fresh == committed


def test_generator_says_in_one_line_when_libreoffice_is_missing(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(office, "soffice_path", lambda: None)
    gen = _generator()
    assert gen.main(["--out", str(tmp_path), "--only", NAMES[0], NAMES[1]]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "libreoffice not found" in err[0], err
    assert not list(tmp_path.iterdir())


def test_normalise_pdf_fixes_date_and_id_in_place() -> None:
    from datetime import datetime

    def fake(clock: bytes, ident: bytes) -> bytes:
        return (b"%PDF-1.6\n1 0 obj<</CreationDate(D:" + clock + b"Z')>>endobj\ntrailer\n<</Size 2\n/ID [ <" + ident
                + b">\n<" + ident + b"> ]\n/DocChecksum /" + ident + b"\n>>\n%%EOF\n")

    one = fake(b"20261130060402", b"87B128DA1DB17A28FCEA6E232C330195")
    two = fake(b"20261201101010", b"6F5E5A2FE5C77D548BF49D632BA23F51")
    stamp = datetime(2025, 8, 26, 9, 21, 55)
    fixed = office.normalise_pdf(one, stamp)
    assert fixed == office.normalise_pdf(two, stamp) and len(fixed) == len(one)
    assert b"D:20250826092155" in fixed
