"""One image through Tesseract: the call, its deadline, the TSV turned into words.

Its own part because the page's reading (ocr.py) and every re-reading of a piece of the page
(namelines.py, unread.py) run Tesseract the same way: one place says how a run is started,
timed out and failed, and the re-readings need nothing of the page's run to call it.

Every Tesseract process runs single-threaded (OMP_THREAD_LIMIT=1): on these machines the
default OpenMP threads make one page ~4x slower, and we parallelise across pages instead.
pytesseract passes our environment to the process, so setting it here covers every call.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import subprocess
import time
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from dispatch_reader.errors import DamagedFileError, LimitExceededError, MissingDependencyError
from dispatch_reader.ingest import tessengine
from dispatch_reader.ingest.pages import Word
from dispatch_reader.ingest.private import die_with_parent
from dispatch_reader.ingest.settings import IngestSettings

# Marks that on a scan are almost always a speck, a table rule or a signature stroke.
_NOISE_MARKS = set("|¦_„‚~^`'\"°«»")


def single_thread_env() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


@lru_cache(maxsize=1)
def tesseract_version() -> str:
    single_thread_env()
    try:
        return str(pytesseract.get_tesseract_version())
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(None, "tesseract is not installed (apt-get install tesseract-ocr)") from None


class Deadline:
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

    def for_extras(self, share: float) -> ExtrasDeadline:
        """A deadline for the page's optional re-readings, once `share` of its time is gone."""
        return ExtrasDeadline(self, share)


class OutOfTime(Exception):
    """The page's optional re-readings ran out of their time: the page keeps what it has."""


class ExtrasDeadline(Deadline):
    """The re-readings after the page's own reading (its marks, names, date lines …) improve a
    page that is read already: past their share of the page's time they stop, and the page is
    kept as read, where the whole file failed before (a copier's grain read as scores of name
    lines took 130 s of re-reading on one page of a form)."""

    def __init__(self, page_deadline: Deadline, share: float) -> None:
        super().__init__(page_deadline.path, page_deadline.page, page_deadline.seconds * share)
        self.end = page_deadline.end - page_deadline.seconds * (1 - share)  # from the page's start

    def fail(self) -> None:
        raise OutOfTime()


def tesseract(image_path: str, extension: str, lang: str, config: str, timeout: float) -> str:
    """Run Tesseract writing its output beside the image, in our private folder.

    Not pytesseract.image_to_*: those put `tess_*` files (the page's words) in the shared
    temp folder, readable by all and left there when we are killed; and a Tesseract we start
    must die with us (PR_SET_PDEATHSIG) rather than read on for nobody.

    A TSV read goes to the engine kept loaded (tessengine.py: the same TSV, without the
    command's start-up, which cost as much as a re-read of a line); the command runs where
    there is no engine, and wherever another command is set (pytesseract.tesseract_cmd).
    """
    engine_psm = re.fullmatch(r"-c tessedit_create_tsv=1 --psm (\d+)", config) if extension == "tsv" else None
    if engine_psm and pytesseract.pytesseract.tesseract_cmd == "tesseract":  # not for a command set by hand
        try:
            tsv = tessengine.read_tsv(image_path, lang, int(engine_psm.group(1)), timeout, tesseract_version())
        except tessengine.EngineError as exc:
            raise pytesseract.TesseractError(1, str(exc)) from None
        if tsv is not None:
            return tsv
    base = os.path.splitext(image_path)[0] + "-out"
    # as pytesseract does: the tsv and osd outputs come from the config, not a config-file name
    args = [pytesseract.pytesseract.tesseract_cmd, image_path, base, "-l", lang, *shlex.split(config)]
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                preexec_fn=functools.partial(die_with_parent, os.getpid()))
    except FileNotFoundError:
        raise pytesseract.TesseractNotFoundError() from None
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError("Tesseract process timeout") from None
    if proc.returncode:
        raise pytesseract.TesseractError(proc.returncode, " ".join(err.decode("utf-8", "replace").split()))
    output = f"{base}.{extension}"
    try:
        with open(output, encoding="utf-8") as fh:
            return fh.read()
    finally:
        try:
            os.unlink(output)
        except OSError:
            pass


def run_psm(image_path: str, settings: IngestSettings, deadline: Deadline, psm: int,
            languages: str | None = None) -> dict[str, list]:
    single_thread_env()
    try:
        tsv = tesseract(image_path, "tsv", languages or settings.languages, f"-c tessedit_create_tsv=1 --psm {psm}",
                        max(deadline.left(), 0.01))
        return pytesseract.pytesseract.file_to_dict(tsv, "\t", -1)
    except pytesseract.TesseractNotFoundError:
        raise MissingDependencyError(deadline.path, "tesseract is not installed (apt-get install tesseract-ocr)") from None
    except pytesseract.TesseractError as exc:  # a RuntimeError too: must come first
        message = " ".join(str(exc.message).split())[:200]
        raise DamagedFileError(deadline.path, f"page {deadline.page}: OCR failed ({message})") from None
    except RuntimeError as exc:
        if "timeout" in str(exc).lower():
            deadline.fail()
        raise


def tsv_words(data: dict[str, list], scale: float, min_word_conf: float = 0.0) -> tuple[list[Word], list[tuple[int, int, int]]]:
    words: list[Word] = []
    keys: list[tuple[int, int, int]] = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if not text or conf < 0 or _is_noise(text, conf):
            continue
        left, top, width, height = (float(data[k][i]) for k in ("left", "top", "width", "height"))
        if _too_narrow(text, conf, width, height):
            continue
        words.append(Word(text=text, x0=left * scale, top=top * scale, x1=(left + width) * scale,
                          bottom=(top + height) * scale, conf=round(conf / 100.0, 3)))
        keys.append((int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])))
    return words, keys


def _is_noise(text: str, conf: float) -> bool:
    """Specks and rules read as punctuation (`|`, `„`, `_`) that would split rows into cells."""
    if any(c.isalnum() for c in text):
        return False
    return conf < 50 or set(text) <= _NOISE_MARKS


def _too_narrow(text: str, conf: float, width: float, height: float) -> bool:
    """A word far narrower than its letters could be, read unsurely: a copier's streak at the
    page's edge read as `Tàn Tan` (three letters in less than a fifth of their height). Such
    words stood at the foot of a signing page and were taken for the signer."""
    letters = sum(c.isalnum() for c in text)
    return letters >= 2 and conf < 30 and width < 0.15 * height * letters


def write(grey: np.ndarray, folder: str, name: str) -> str:
    # BMP: written in ~2 ms (PNG ~40-100 ms) and read by Tesseract faster than PGM.
    target = os.path.join(folder, name + ".bmp")
    cv2.imwrite(target, grey)
    return target


BORDER = 30  # pixels of white put round a region: Tesseract reads nothing that touches the edge


def write_region(grey: np.ndarray, x0: float, top: float, x1: float, bottom: float, scale: float, folder: str,
                 name: str) -> tuple[str, float, float] | None:
    """A region of the page (points) written framed in white for a reading of its own: (the
    image's path, the points to add to its words' x and y to place them on the page); None if
    the region holds no pixel."""
    left, upper = max(int(x0 / scale), 0), max(int(top / scale), 0)
    crop = grey[upper:int(bottom / scale) + 1, left:int(x1 / scale) + 1]
    if crop.size == 0:
        return None
    framed = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    return write(framed, folder, name), (left - BORDER) * scale, (upper - BORDER) * scale


def overlaps(a: Word, b: Word) -> bool:
    """Do two word boxes share more than a third of the smaller one?"""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return False
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return w * h > smaller / 3
