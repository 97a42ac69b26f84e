"""OCR of one page image with Tesseract (through pytesseract), words with boxes and confidences.

Every Tesseract process runs single-threaded (OMP_THREAD_LIMIT=1): on these machines the
default OpenMP threads make one page ~4x slower, and we parallelise across pages instead.
pytesseract passes our environment to the process, so setting it here covers every call.
"""

from __future__ import annotations

import os
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from dispatch_reader.errors import DamagedFileError, LimitExceededError, MissingDependencyError
from dispatch_reader.ingest import preprocess
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.raster import PageImage
from dispatch_reader.ingest.settings import IngestSettings
from dispatch_reader.ingest.vietnamese import score_text

# Below these, a page is read again after asking Tesseract's orientation detector.
_POOR_CONFIDENCE = 0.55
_POOR_SYLLABLES = 0.5
# Marks that on a scan are almost always a speck, a table rule or a signature stroke.
_NOISE_MARKS = set("|¦_„‚~^`'\"°«»")


def single_thread_env() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


@lru_cache(maxsize=8)
def installed_languages() -> frozenset[str]:
    single_thread_env()
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


def check_languages(path: Path, languages: str) -> None:
    have = installed_languages()
    missing = [lang for lang in languages.split("+") if lang and lang not in have]
    if missing:
        raise MissingDependencyError(path, f"Tesseract language data not installed: {', '.join(missing)} (have {', '.join(sorted(have))})")


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    single_thread_env()
    try:
        return str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


@dataclass
class OcrPage:
    words: list[Word]
    line_keys: list[tuple[int, int, int]]
    confidence: float | None  # mean word confidence 0..1
    rotation: int  # degrees turned clockwise to read the page upright
    skew: float  # degrees of tilt corrected
    width_pt: float
    height_pt: float
    notes: list[str] = field(default_factory=list)

    def text_for_scoring(self) -> str:
        return " ".join(w.text for w in self.words)


class _Deadline:
    def __init__(self, path: Path, page: int, seconds: float) -> None:
        self.path, self.page, self.seconds = path, page, seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            self.fail()
        return remaining

    def fail(self) -> None:
        raise LimitExceededError(self.path, f"page {self.page}: OCR did not finish within {self.seconds:g} s")


def _run(image_path: str, settings: IngestSettings, deadline: _Deadline) -> dict[str, list]:
    single_thread_env()
    try:
        return pytesseract.image_to_data(
            image_path, lang=settings.languages, config=f"--psm {settings.psm}",
            output_type=pytesseract.Output.DICT, timeout=max(deadline.left(), 0.01),
        )
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(deadline.path, "tesseract is not installed (apt-get install tesseract-ocr)") from None
    except pytesseract.TesseractError as exc:  # a RuntimeError too: must come first
        message = " ".join(str(exc.message).split())[:200]
        raise DamagedFileError(deadline.path, f"page {deadline.page}: OCR failed ({message})") from None
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        raise


def _osd_rotation(image_path: str, deadline: _Deadline) -> int | None:
    """Tesseract's orientation detector: degrees to turn clockwise, None if unsure."""
    single_thread_env()
    try:
        out = pytesseract.image_to_osd(image_path, config="--psm 0 -c min_characters_to_try=10",
                                       timeout=max(deadline.left(), 0.01))
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        return None  # too few characters, or no osd data: keep the page as it is
    rotate = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if not rotate or not conf or float(conf.group(1)) < 1.5:
        return None
    return int(rotate.group(1)) % 360


def _words(data: dict[str, list], scale: float, min_word_conf: float = 0.0) -> tuple[list[Word], list[tuple[int, int, int]]]:
    words: list[Word] = []
    keys: list[tuple[int, int, int]] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or _is_noise(text, conf):
            continue
        left, top, width, height = (float(data[k][i]) for k in ("left", "top", "width", "height"))
        words.append(Word(text=text, x0=left * scale, top=top * scale, x1=(left + width) * scale,
                          bottom=(top + height) * scale, conf=round(conf / 100.0, 3)))
        keys.append((int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])))
    return words, keys


def _is_noise(text: str, conf: float) -> bool:
    """Specks and rules read as punctuation (`|`, `„`, `_`) that would split rows into cells."""
    if any(c.isalnum() for c in text):
        return False
    return conf < 50 or set(text) <= _NOISE_MARKS


def _mean_conf(words: list[Word]) -> float | None:
    confs = [w.conf for w in words if w.conf is not None]
    return round(statistics.fmean(confs), 3) if confs else None


def _poor(words: list[Word]) -> bool:
    if len(words) < 5:
        return False  # nearly empty page: nothing to gain from turning it
    conf = _mean_conf(words) or 0.0
    return conf < _POOR_CONFIDENCE or score_text(" ".join(w.text for w in words)).ratio < _POOR_SYLLABLES


def _write(grey: np.ndarray, folder: str, name: str) -> str:
    # PGM: no compression, so writing costs milliseconds where PNG costs ~0.1 s a page.
    target = os.path.join(folder, name + ".pgm")
    cv2.imwrite(target, grey)
    return target


def _small(grey: np.ndarray, dpi: float) -> np.ndarray:
    factor = min(1.0, 150.0 / dpi)
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else grey


def ocr_image(image: PageImage, settings: IngestSettings, path: Path, page: int) -> OcrPage:
    """Orientation, deskew, clean-up, then Tesseract; the image is dropped when done."""
    deadline = _Deadline(path, page, settings.page_timeout_s)
    grey = image.grey
    rotation = 0
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dr-ocr-") as tmp:
        if settings.detect_orientation and preprocess.looks_sideways(grey, image.dpi):
            # The profile test is a cheap hint; only Tesseract's detector decides the turn.
            turn = _osd_rotation(_write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn in (90, 270):
                grey = preprocess.rotate_quarter(grey, -turn)
                rotation = turn
                notes.append(f"page turned {turn}° by orientation detection")
        skew = 0.0
        if settings.deskew:
            grey, skew = preprocess.deskew(grey, image.dpi)
        if settings.denoise:
            grey = preprocess.denoise(grey)
        if settings.binarize != "none":
            grey = preprocess.binarize(grey, settings.binarize)
        data = _run(_write(grey, tmp, "page"), settings, deadline)
        scale = 72.0 / image.dpi
        words, keys = _words(data, scale)
        if settings.detect_orientation and _poor(words):
            turn = _osd_rotation(_write(_small(grey, image.dpi), tmp, "osd"), deadline)
            if turn:
                turned = preprocess.rotate_quarter(grey, -turn)
                words2, keys2 = _words(_run(_write(turned, tmp, "turned"), settings, deadline), scale)
                if (_mean_conf(words2) or 0) > (_mean_conf(words) or 0):
                    words, keys, grey = words2, keys2, turned
                    rotation = (rotation + turn) % 360
                    notes.append(f"page turned {turn}° by orientation detection")
        h, w = grey.shape
    return OcrPage(words=words, line_keys=keys, confidence=_mean_conf(words), rotation=rotation, skew=skew,
                   width_pt=w * scale, height_pt=h * scale, notes=notes)
