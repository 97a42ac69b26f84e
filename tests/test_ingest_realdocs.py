"""Real documents (../shared/realdocs-dev, development only) rendered and read back.

The texts are rendered to PDF on the fly (never copied into the repo); the test skips
when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_reader.ingest.cer import cer
from dispatch_reader.ingest.reader import IngestSettings, read_document

REALDOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "realdocs-dev"
pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs-dev not present")


def _texts() -> list[Path]:
    return sorted(REALDOCS.glob("rd*.txt")) if REALDOCS.is_dir() else []


@pytest.mark.parametrize("txt", _texts(), ids=lambda p: p.stem)
def test_rendered_text_layer_reads_back_exactly(txt: Path, tmp_path: Path) -> None:
    from dispatch_reader.synth import render_text_pdf

    source = txt.read_text("utf-8")
    pdf = tmp_path / f"{txt.stem}.pdf"
    pdf.write_bytes(render_text_pdf(source))
    doc = read_document(pdf, IngestSettings(cache_dir=None, ocr_mode="never"))
    assert all(p.method == "text_layer" and p.reason == "text layer" for p in doc.pages)
    edits, length = cer("\n".join(p.text for p in doc.pages), source)
    assert edits == 0, (edits, length)


def test_rendered_scan_ocr_error_rate(tmp_path: Path) -> None:
    from dispatch_reader.synth import render_text_pdf, scan_pdf

    txt = min(_texts(), key=lambda p: len(p.read_text("utf-8")))
    source = "\n".join(txt.read_text("utf-8").splitlines()[:40])  # one page of OCR
    born = render_text_pdf(source)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scan_pdf(born, seed=7))
    doc = read_document(scan, IngestSettings(cache_dir=tmp_path / "cache", workers=1))
    edits, length = cer("\n".join(p.text for p in doc.pages), source)
    assert edits / length <= 0.03, (edits, length)
