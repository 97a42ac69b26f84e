"""PDFium is not thread-safe, not even across documents: every path a thread may take into it
(reading a PDF, rendering a page for OCR, the web viewer's page image) holds one lock while
it opens, uses and closes its document (ingest/pdf.PDFIUM_LOCK)."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from _ingest_make import letter_pdf


def _held_by_this_thread() -> bool:
    """Does the calling thread hold the lock? Another thread cannot take it then."""
    from dispatch_reader.ingest.pdf import PDFIUM_LOCK

    got: list[bool] = []

    def probe() -> None:
        taken = PDFIUM_LOCK.acquire(blocking=False)
        got.append(taken)
        if taken:
            PDFIUM_LOCK.release()

    t = threading.Thread(target=probe)
    t.start()
    t.join()
    return not got[0]


@pytest.fixture
def opened_under_lock(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    seen: list[bool] = []
    real_init = pdfium.PdfDocument.__init__

    def init(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen.append(_held_by_this_thread())
        return real_init(self, *args, **kwargs)

    monkeypatch.setattr(pdfium.PdfDocument, "__init__", init)
    return seen


def test_reading_a_pdf_opens_it_under_the_lock(tmp_path: Path, opened_under_lock: list[bool]) -> None:
    from dispatch_reader.ingest.reader import IngestSettings, read_document

    read_document(letter_pdf(tmp_path / "a.pdf", body=["Văn bản số 1"]), IngestSettings(cache_dir=None, workers=1))
    assert opened_under_lock and all(opened_under_lock)


def test_rendering_for_ocr_and_for_the_viewer_happens_under_the_lock(tmp_path: Path,
                                                                     opened_under_lock: list[bool]) -> None:
    from dispatch_reader.ingest.raster import render_pdf_page
    from dispatch_reader.web.pageimages import render_page_png

    path = letter_pdf(tmp_path / "a.pdf", body=["Văn bản số 1"])
    render_pdf_page(path, 0, 100, 10**8)
    render_page_png(path, 1, 400)
    assert len(opened_under_lock) == 2 and all(opened_under_lock)


def test_threads_reading_pdfs_side_by_side_take_turns_in_pdfium(tmp_path: Path) -> None:
    """Four threads render pages at once (the web viewer while a run reads): all finish, each
    with its own page, and PDFium never ran in two of them at once."""
    from dispatch_reader.ingest import pdf as pdf_module
    from dispatch_reader.ingest.raster import render_pdf_page

    paths = [letter_pdf(tmp_path / f"d{i}.pdf", body=[f"Văn bản số {i}"]) for i in range(4)]
    inside, most = [0], [0]
    real_open = pdf_module.open_pdf

    def counted(path, password=None):  # noqa: ANN001, ANN202
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        try:
            doc = real_open(path, password)
        finally:
            inside[0] -= 1
        return doc

    pdf_module.open_pdf = counted
    try:
        shapes: list[tuple[int, int]] = []
        errors: list[BaseException] = []

        def work(path: Path) -> None:
            try:
                for _ in range(5):
                    shapes.append(render_pdf_page(path, 0, 72, 10**8).grey.shape)
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(p,)) for p in paths]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        pdf_module.open_pdf = real_open
    assert not errors and len(shapes) == 20 and most[0] == 1
