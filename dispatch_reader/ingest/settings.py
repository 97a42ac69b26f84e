"""What the caller can tune about reading a file, and which of it changes OCR output."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

OcrMode = Literal["auto", "always", "never"]
Binarize = Literal["none", "otsu", "adaptive"]

# Bumped whenever a change in rasterising, clean-up or OCR calls changes what OCR returns,
# so cached results from the old pipeline are not reused.
OCR_PIPELINE_VERSION = 205

# Rule data the OCR stage reads besides its own (ingest/data/): the family names its name
# re-reads look for, the name frequencies that say a spelling is never a given name, the
# signing block's wording, the types a number's symbol names. Their contents are part of the
# cache key, so a list grown by a name is read again rather than taken from an older reading.
OCR_RULE_DATA = ("family_names.txt", "name_frequencies.tsv", "signer_titles.txt", "signing_bodies.txt",
                 "doc_types.tsv")
_PACKAGE = Path(__file__).resolve().parent.parent


def rule_data_key(root: Path = _PACKAGE) -> str:
    """A digest of every file of `root`/ingest/data and of `root`/extract/data's OCR_RULE_DATA."""
    digest = hashlib.sha256()
    files = sorted((root / "ingest" / "data").glob("*.*")) + [root / "extract" / "data" / n for n in OCR_RULE_DATA]
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def _rule_data_key() -> str:
    return rule_data_key()


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dispatch-reader")) / "ocr"


def core_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class IngestSettings:
    languages: str = "vie+eng"
    dpi: int = 300
    workers: int | None = None  # None: one per core
    ocr_mode: OcrMode = "auto"  # "always": OCR even good text layers; "never": text layer only
    cache_dir: Path | None = field(default_factory=default_cache_dir)  # None: no OCR cache
    cache_max_bytes: int = 1024 * 2**20  # the cache is trimmed (oldest first) past this; 0: no limit
    password: str | None = None  # for encrypted PDFs; empty user passwords open without one
    passwords_file: Path | None = None  # more to try, one a line (for a watched folder's senders)
    max_pages: int = 500
    max_file_bytes: int = 500 * 1024 * 1024
    # ~A0 at 300 dpi. Guards rasterising and image decoding against decompression bombs.
    max_pixels: int = 150_000_000
    page_timeout_s: float = 120.0
    min_confidence: float = 0.70  # mean OCR word confidence below this is warned about
    # Clean-up before OCR; each was kept or dropped on measured CER (see ingest/README.md).
    deskew: bool = True
    binarize: Binarize = "none"
    denoise: bool = False
    remove_rules: bool = True  # paint table rules and underlines white (kept for table cells)
    keep_scan_resolution: bool = True  # OCR scans at their own resolution when >= 150 dpi
    detect_orientation: bool = True
    psm: int = 3  # Tesseract page segmentation: 3 = fully automatic, no OSD
    # Office paper (ingest/README.md measures each): red/blue ink (seals, signatures, receipt
    # stamps) turned to paper on colour pages; a photographed sheet found and seen square-on;
    # uneven light divided out; pages read below `upscale_below_dpi` enlarged to `dpi`.
    colour_dropout: bool = True
    photo_correction: bool = True
    flatten_light: bool = True
    # a phone photo of a sheet is ~150-190 dpi once straightened; Tesseract reads it better at
    # 300 (phone variants: number F1 0.81 → 0.86, signer 0.54 → 0.65); a 200 dpi scan is left
    upscale_below_dpi: float = 195.0
    # ink the page reading left without words (a black seal with the signer's name beside it
    # taken for a picture) read again region by region
    read_unread_ink: bool = True
    # a seal's ring printed black (a photocopy, a fax) cleared for those re-readings and the name
    # lines', so that the letters it touches are read (ingest/rings.py)
    clear_seal_rings: bool = True
    # a receiving stamp's frame printed black on page 1's header (a photocopy, a fax): its thin
    # lines taken off before the page is read, the letters they cross kept (ingest/frames.py)
    clear_stamp_frames: bool = True
    # a Vietnamese page read a second time with `vie` alone, and the marks that reading sees on
    # words of the same letters taken (ingest/marks_merge.py)
    vietnamese_marks: bool = True
    # figures written by hand into the header's blanks (number, day, month) and read as no
    # figures, read again as figures alone (ingest/figures.py)
    written_figures: bool = True
    # the header's place-and-date line read broken with the page (`ngày 13 Hine A 35 năm
    # 2026`) read again alone (ingest/dateline.py)
    date_lines: bool = True
    # the header's number line read broken with the page (`Số: 1 HếNGdE—`, a stamp's frame
    # made one line with it) read again alone (ingest/numberline.py)
    number_lines: bool = True
    # a colour receiving stamp on page 1 (its ink dropped with the colour) read alone, for
    # `document.received` (ingest/stamp.py)
    receiving_stamp: bool = True

    def jobs(self, pages: int) -> int:
        workers = self.workers if self.workers and self.workers > 0 else core_count()
        return max(1, min(pages, workers))

    def ocr_key(self) -> dict[str, object]:
        """Everything in these settings that changes OCR output (the cache key part)."""
        return {
            "v": OCR_PIPELINE_VERSION,
            "data": _rule_data_key(),
            "languages": self.languages,
            "dpi": self.dpi,
            "deskew": self.deskew,
            "binarize": self.binarize,
            "denoise": self.denoise,
            "rules": self.remove_rules,
            "native": self.keep_scan_resolution,
            "orientation": self.detect_orientation,
            "psm": self.psm,
            "colour": self.colour_dropout,
            "photo": self.photo_correction,
            "light": self.flatten_light,
            "upscale": self.upscale_below_dpi,
            "unread": self.read_unread_ink,
            "rings": self.clear_seal_rings,
            "frames": self.clear_stamp_frames,
            "vie_marks": self.vietnamese_marks,
            "figures": self.written_figures,
            "dates": self.date_lines,
            "numbers": self.number_lines,
            "stamp": self.receiving_stamp,
        }
