"""Small, safe corrections of OCR words: only where the right reading is not in doubt.

Today: `Đ` read as `D` inside document-number abbreviations (`123/QD-UBND` → `123/QĐ-UBND`,
`HDND` → `HĐND`). The abbreviations are data (data/ocr_d_abbreviations.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_SEGMENT = re.compile(r"[A-ZĐ]+")


@lru_cache(maxsize=1)
def _d_fixes() -> dict[str, str]:
    text = resources.files("dispatch_reader.ingest").joinpath("data/ocr_d_abbreviations.txt").read_text("utf-8")
    fixes = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            fixes[line.replace("Đ", "D")] = line
    return fixes


def _fix_segment(m: re.Match[str]) -> str:
    return _d_fixes().get(m.group(0), m.group(0))


def fix_word(text: str) -> str:
    """Restore Đ in known abbreviations inside number-like or all-capital words."""
    if "D" not in text:
        return text
    core = text.strip(".,;:()")
    if not core or not (("/" in core or "-" in core) or core.isupper()):
        return text
    return _SEGMENT.sub(_fix_segment, text)
