"""The list of Vietnamese family names (extract/data/family_names.txt), read in one place.

Name repair, the header, the people's confidence and the OCR stage's name re-reads all ask
whether a word is a family name. The OCR stage runs in worker processes that must not load the
extraction rules, so the file is read by its path here, not through dispatch_reader.extract.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dispatch_reader.textnorm import APOSTROPHES, nfc

_FILE = Path(__file__).parent / "extract" / "data" / "family_names.txt"


@lru_cache(maxsize=1)
def listed() -> tuple[str, ...]:
    """The family names as the list spells them (NFC), in its order."""
    out = []
    for raw in _FILE.read_text("utf-8").splitlines():
        line = nfc(raw.strip())
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=1)
def lowered() -> frozenset[str]:
    """The family names in small letters, marks kept (`nguyễn`)."""
    return frozenset(name.lower() for name in listed())


def prefixed(word: str) -> bool:
    """Does `word` open with a family name written as a prefix (an Ê Đê or Jarai woman's `H'`:
    `H'Hen`, `H’Bia`, typed straight or curly), a name's word after it?"""
    word = nfc(word).translate(APOSTROPHES)
    return any(name.endswith("'") and word.startswith(name) and word[len(name):][:1].isalpha()
               for name in listed())
