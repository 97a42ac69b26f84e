"""One OCR job, runnable in a worker process: rasterise one page, clean it up, OCR it.

The page image lives only inside this call. Errors come back as data: our exception
classes take (path, reason) and do not survive pickling across processes as raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from dispatch_reader import errors
from dispatch_reader.ingest.ocr import OcrPage, ocr_image
from dispatch_reader.ingest.preprocess import darken_faint_print
from dispatch_reader.ingest.raster import load_image_frame, render_pdf_page
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.tessread import single_thread_env

# Pages with less ink than this share of pixels are blank: no Tesseract run for them ...
_BLANK_INK = 0.0005
# ... unless they hold this many letter-sized marks: a document's last page may carry only the
# signer's name (`Phạm Gia Túc`: 0.04 % ink at 300 dpi), which is no blank page
_LINE_LETTERS = 5


@dataclass(frozen=True)
class OcrJob:
    path: str
    kind: str  # "pdf" or an image kind
    index: int  # 0-based page or frame
    settings: IngestSettings


@dataclass
class JobResult:
    index: int
    page: OcrPage | None = None
    error_class: str | None = None
    error_path: str | None = None
    error_reason: str | None = None

    def raise_error(self) -> None:
        if self.error_class:
            cls = getattr(errors, self.error_class, errors.DispatchReaderError)
            raise cls(self.error_path, self.error_reason or "unknown error")


def _blank(grey: np.ndarray) -> bool:
    # a faint copy's light grey print is print: judged as it will be read (a tester's faint copy
    # of a decision had no pixel darker than 128 and was refused as no document)
    grey = darken_faint_print(grey)[0]
    # the share of dark pixels, counted without a float pass over a page-sized boolean image
    ink = grey < 128
    dark = np.count_nonzero(ink)
    if dark == 0 or dark / grey.size >= _BLANK_INK:
        return dark == 0
    _, _, stats, _ = cv2.connectedComponentsWithStats(ink.view(np.uint8), connectivity=8)
    height, width = grey.shape
    # a letter stands 0.4-3 % of a page's height (8-40 pt type); specks and dust are smaller
    letters = (stats[1:, 3] >= 0.004 * height) & (stats[1:, 3] <= 0.03 * height) & (stats[1:, 2] <= 0.05 * width)
    return int(np.count_nonzero(letters)) < _LINE_LETTERS


def single_thread_opencv() -> None:
    """OpenCV single-threaded in an OCR job, as Tesseract is (tessread.single_thread_env): pages
    run side by side, one a worker, and OpenCV's own thread pool on top of that only added CPU
    time (its threads wait for work actively): ~17 ms of CPU a page of 250 in our clean-up,
    measured on the scanned samples, one worker. Its results do not depend on the number of threads."""
    if cv2.getNumThreads() != 1:
        cv2.setNumThreads(1)


def run_job(job: OcrJob) -> JobResult:
    single_thread_env()
    single_thread_opencv()
    path = Path(job.path)
    try:
        s = job.settings
        if job.kind == "pdf":
            image = render_pdf_page(path, job.index, s.dpi, s.max_pixels, s.password, s.keep_scan_resolution)
        else:
            image = load_image_frame(path, job.index, s.dpi, s.max_pixels, s.keep_scan_resolution)
        if _blank(image.grey):
            return JobResult(job.index, OcrPage(words=[], line_keys=[], confidence=None, rotation=0, skew=0.0,
                                                width_pt=image.width_pt, height_pt=image.height_pt, notes=["blank page"]))
        page = ocr_image(image, s, path, job.index + 1)
        del image
        return JobResult(job.index, page)
    except errors.DispatchReaderError as err:
        return JobResult(job.index, error_class=type(err).__name__,
                         error_path=str(err.path) if err.path else job.path, error_reason=err.reason)
