"""The sample renderer, the scan simulator and the generated sample truth."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from dispatch_reader.record import validate
from dispatch_reader.synth import page_texts, render_spec_pdf, render_text_pdf, scan_pdf

from sample_generator import load_generator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REALDOCS = ROOT.parent / "shared" / "realdocs-dev"


def _generator():
    return load_generator()


def _truths() -> list[Path]:
    return sorted(SAMPLES.glob("*.truth.json"))


def _evidence(record: dict) -> list[tuple[str, dict]]:
    """Every (what, evidence) pair in a record."""
    out = [(f"document.{k}", ev) for k, ev in record["document"].get("evidence", {}).items()]
    for key in ("references", "people", "counts", "dates", "secondments"):
        out += [(f"{key}[{i}]", item["evidence"]) for i, item in enumerate(record[key])]
    return out


def test_generator_is_deterministic(tmp_path: Path) -> None:
    gen = _generator()
    names = ["qd-biet-phai-02", "en-press-01"]
    for run in ("a", "b"):
        assert gen.main(["--out", str(tmp_path / run), "--only", *names]) == 0
    for name in names:
        for suffix in (".pdf", ".scan.pdf", ".truth.json"):
            a, b = (tmp_path / run / f"{name}{suffix}" for run in ("a", "b"))
            assert a.read_bytes() == b.read_bytes(), f"{name}{suffix} differs between runs"


def test_generated_truth_matches_committed_samples(tmp_path: Path) -> None:
    # The committed samples are what the generator makes now (no stale files after an edit).
    # The PDF hash is left out: another reportlab or font version may change bytes, not facts.
    committed = SAMPLES / "qd-biet-phai-01.truth.json"
    if not committed.exists():
        pytest.skip("samples not generated")
    gen = _generator()
    gen.main(["--out", str(tmp_path), "--only", "qd-biet-phai-01"])
    fresh = json.loads((tmp_path / "qd-biet-phai-01.truth.json").read_text("utf-8"))
    old = json.loads(committed.read_text("utf-8"))
    for record in (fresh, old):
        record["source"].pop("sha256")
    assert fresh == old


def test_sample_set_is_complete() -> None:
    truths = _truths()
    assert len(truths) >= 4
    for truth in truths:
        name = truth.name.removesuffix(".truth.json")
        assert (SAMPLES / f"{name}.pdf").is_file()
        assert (SAMPLES / f"{name}.scan.pdf").is_file()


@pytest.mark.parametrize("truth", _truths(), ids=lambda p: p.name.removesuffix(".truth.json"))
def test_truth_validates_and_quotes_are_in_text_layer(truth: Path) -> None:
    record = json.loads(truth.read_text("utf-8"))
    validate(record)
    pdf = (SAMPLES / record["source"]["file_name"]).read_bytes()
    pages = page_texts(pdf)
    assert record["source"]["page_count"] == len(pages)
    evidence = _evidence(record)
    assert evidence, "a sample without any evidenced fact"
    for what, ev in evidence:
        text = pages[ev["page"] - 1]
        quote = ev["quote"]
        assert quote == unicodedata.normalize("NFC", quote)
        assert quote in text, f"{what}: {quote!r} not on page {ev['page']}"
        if ev.get("start") is not None:
            assert text[ev["start"]:ev["start"] + len(quote)] == quote, what


def test_every_named_secondment_person_is_a_person() -> None:
    for truth in _truths():
        record = json.loads(truth.read_text("utf-8"))
        names = {p["name"] for p in record["people"]}
        for s in record["secondments"]:
            assert s["person"] is None or s["person"] in names, (truth.name, s["person"])
            assert s["person"] is not None or s["count"], (truth.name, "secondment without person or count")
        signer = (record["document"].get("signer") or {}).get("name")
        assert signer is None or signer in names


def _pixels(pdf: bytes) -> np.ndarray:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return np.asarray(doc[0].render(scale=50 / 72, grayscale=True).to_pil().convert("L"), dtype=np.int16)
    finally:
        doc.close()


def test_scan_has_no_text_layer_and_is_degraded() -> None:
    gen = _generator()
    spec = gen.cv_tang_cuong_01().spec
    clean = render_spec_pdf(spec)
    assert f"Số: {spec.number}" in page_texts(clean)[0]
    scanned = scan_pdf(clean, seed=7, dpi=100)
    assert all(not t.strip() for t in page_texts(scanned))
    assert scanned == scan_pdf(clean, seed=7, dpi=100)
    assert scanned != scan_pdf(clean, seed=8, dpi=100)
    a, b = _pixels(clean), _pixels(scanned)
    assert a.shape == b.shape
    # Tilt, blur and noise change a sizable share of pixels; paper is no longer pure white.
    assert np.mean(np.abs(a - b) > 40) > 0.01
    assert b.max() < 255


def test_render_text_pdf_round_trips_nfc_vietnamese() -> None:
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân xã Tủa Thàng\nQUYẾT ĐỊNH\fĐiều 2. Nguyễn Thị Ánh Tuyết")
    pdf = render_text_pdf(decomposed)
    pages = page_texts(pdf)
    assert len(pages) == 2
    assert pages[0].splitlines() == ["Ủy ban nhân dân xã Tủa Thàng", "QUYẾT ĐỊNH"]
    assert pages[1] == "Điều 2. Nguyễn Thị Ánh Tuyết"
    assert pages[0] == unicodedata.normalize("NFC", pages[0])


def test_render_text_pdf_breaks_full_pages() -> None:
    text = "\n".join(f"Dòng số {i}" for i in range(1, 121))
    pages = page_texts(render_text_pdf(text))
    assert len(pages) >= 3
    lines = [line for page in pages for line in page.splitlines()]
    assert lines == [f"Dòng số {i}" for i in range(1, 121)]


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="realdocs-dev not present")
def test_render_text_pdf_keeps_realdoc_lines() -> None:
    source = sorted(REALDOCS.glob("*.txt"))[0]
    text = unicodedata.normalize("NFC", source.read_text("utf-8"))
    pages = page_texts(render_text_pdf(text))
    got = " ".join(" ".join(p.split()) for p in pages)
    want = " ".join(text.replace("\f", " ").split())
    assert got == want
