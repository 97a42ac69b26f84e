"""File → pages of clean NFC text with layout: the ingestion stage's entry point.

Per page the right reader: the PDF text layer where it is real (converted from TCVN3/VNI
where the fonts say so), OCR where there is no text layer, only a stamp, or garbage. OCR
pages run in parallel and are cached, so no page is OCRed twice with the same settings.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dispatch_reader.errors import DamagedFileError, DispatchReaderError, LimitExceededError, UnexpectedError
from dispatch_reader.ingest import ocr, pool
from dispatch_reader.ingest.cache import OcrCache, cache_key
from dispatch_reader.ingest.choose import judge_layer
from dispatch_reader.ingest.layout import layout_text
from dispatch_reader.ingest.ocr import OcrPage
from dispatch_reader.ingest.ocrfix import fix_word
from dispatch_reader.ingest.pages import Document, PageText, Word
from dispatch_reader.ingest.raster import check_pixels, count_image_frames
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.sniff import FileInfo, sniff
from dispatch_reader.ingest.worker import OcrJob

__all__ = ["IngestSettings", "read_document"]

log = logging.getLogger(__name__)


@dataclass
class _Plan:
    number: int
    page: PageText | None = None  # decided from the text layer
    reason: str = ""  # why OCR, when page is None


def read_document(path: Path, settings: IngestSettings | None = None) -> Document:
    """Read a PDF, PNG, JPEG or TIFF into pages of text in reading order.

    Raises the errors.py classes (one line naming the file and the reason) for files that
    cannot be read: empty, not a PDF/image, truncated, encrypted, over the limits, OCR too slow.
    """
    settings = settings or IngestSettings()
    path = Path(path)
    info = sniff(path, settings.max_file_bytes)
    warnings: list[str] = []
    try:
        plans = _plan_pdf(info, settings, warnings) if info.kind == "pdf" else _plan_image(info, settings)
        _run_ocr(info, plans, settings, warnings)
    except DispatchReaderError:
        raise
    except MemoryError:
        raise LimitExceededError(path, "out of memory while reading the file") from None
    except Exception as exc:  # a library failing on a strange file must not escape as a traceback
        log.debug("unexpected failure reading %s", path, exc_info=True)
        raise UnexpectedError(path, f"could not read the file ({type(exc).__name__}: {exc})") from None
    pages = [p.page for p in plans if p.page is not None]
    _add_tables(info, pages, settings)
    return Document(path=str(path), sha256=info.sha256, pages=pages, warnings=warnings)


def _plan_pdf(info: FileInfo, settings: IngestSettings, warnings: list[str]) -> list[_Plan]:
    import pypdfium2 as pdfium

    from dispatch_reader.ingest.pdf import open_pdf
    from dispatch_reader.ingest.textlayer import read_layer

    pdf = open_pdf(info.path, settings.password)
    try:
        count = len(pdf)
        if count == 0:
            raise DamagedFileError(info.path, "PDF has no pages")
        if count > settings.max_pages:
            raise LimitExceededError(info.path, f"PDF has {count} pages, over the limit of {settings.max_pages}")
        plans: list[_Plan] = []
        converted: set[str] = set()
        for index in range(count):
            try:
                page = pdf[index]
                layer = read_layer(page)
                page.close()
            except pdfium.PdfiumError as exc:
                raise DamagedFileError(info.path, f"page {index + 1} cannot be read: {exc}") from None
            decision = judge_layer(layer, settings.ocr_mode)
            if decision.use_layer:
                if decision.encoding:
                    converted.add(decision.encoding.upper())
                plans.append(_Plan(index + 1, _layer_page(index + 1, layer.width, layer.height, decision.words,
                                                          decision.reason)))
            else:
                scale = settings.dpi / 72.0
                check_pixels(info.path, f"page {index + 1} at {settings.dpi} dpi",
                             layer.width * scale * layer.height * scale, settings.max_pixels)
                check_pixels(info.path, f"an image on page {index + 1}", layer.largest_image_px, settings.max_pixels)
                plans.append(_Plan(index + 1, reason=decision.reason))
        if converted:
            warnings.append(f"text layer in a legacy Vietnamese encoding ({', '.join(sorted(converted))}), converted to Unicode")
        return plans
    finally:
        pdf.close()


def _plan_image(info: FileInfo, settings: IngestSettings) -> list[_Plan]:
    frames = count_image_frames(info.path, settings.max_pixels)
    if frames > settings.max_pages:
        raise LimitExceededError(info.path, f"image has {frames} pages, over the limit of {settings.max_pages}")
    if settings.ocr_mode == "never":
        return [_Plan(i + 1, PageText(number=i + 1, text="", method="ocr", reason="image file (OCR turned off)"))
                for i in range(frames)]
    return [_Plan(i + 1, reason=f"image file ({info.kind.upper()})") for i in range(frames)]


def _layer_page(number: int, width: float, height: float, words: list[Word], reason: str) -> PageText:
    return PageText(number=number, text=layout_text(words), method="text_layer", reason=reason,
                    width=width, height=height, words=words)


def _run_ocr(info: FileInfo, plans: list[_Plan], settings: IngestSettings, warnings: list[str]) -> None:
    todo = [p for p in plans if p.page is None]
    if not todo:
        return
    ocr.check_languages(info.path, settings.languages)
    cache = OcrCache(settings.cache_dir)
    engine = ocr.tesseract_version()
    keys = {p.number: cache_key(info.sha256, p.number, settings.ocr_key(), engine) for p in todo}
    results: dict[int, OcrPage] = {}
    for plan in todo:
        hit = cache.get(keys[plan.number])
        if hit is not None:
            results[plan.number] = hit
    jobs = [OcrJob(str(info.path), info.kind, p.number - 1, settings) for p in todo if p.number not in results]
    if jobs:
        try:
            for result in pool.run_jobs(jobs, settings.jobs(len(jobs))):
                result.raise_error()
                assert result.page is not None
                results[result.index + 1] = result.page
                cache.put(keys[result.index + 1], result.page)
        except pool.BrokenProcessPool:
            raise UnexpectedError(info.path, "an OCR worker process died (out of memory?)") from None
    for plan in todo:
        page = results[plan.number]
        plan.page = _ocr_page(plan.number, page, plan.reason)
        for note in page.notes:
            warnings.append(f"page {plan.number}: {note}")
        if page.confidence is not None and page.confidence < settings.min_confidence:
            warnings.append(f"page {plan.number}: low OCR confidence {page.confidence:.2f} "
                            f"(below {settings.min_confidence:.2f}); check the text")


def _ocr_page(number: int, page: OcrPage, reason: str) -> PageText:
    words = [Word(text=fix_word(unicodedata.normalize("NFC", w.text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")),
                  x0=w.x0, top=w.top, x1=w.x1, bottom=w.bottom, conf=w.conf) for w in page.words]
    keys: list[object] = list(page.line_keys)
    return PageText(number=number, text=layout_text(words, keys), method="ocr", reason=reason,
                    ocr_confidence=page.confidence, rotation=page.rotation, width=page.width_pt,
                    height=page.height_pt, words=words)


def _add_tables(info: FileInfo, pages: list[PageText], settings: IngestSettings) -> None:
    """DANH SÁCH tables as rows (see tables.py); best effort, never fails the document."""
    try:
        from dispatch_reader.ingest.tables import attach_tables
    except ImportError:
        return
    try:
        attach_tables(info.path if info.kind == "pdf" else None, pages, settings.password)
    except DispatchReaderError:
        raise
    except Exception:
        log.debug("table reading failed on %s", info.path, exc_info=True)
