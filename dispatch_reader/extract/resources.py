"""Packaged rule data (dispatch_reader/extract/data/), read once per process.

Data files are plain text: `#` starts a comment line, blank lines are skipped, `.tsv` files
split on tabs. Everything is NFC on the way in.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dispatch_reader.textnorm import nfc

_PACKAGE = "dispatch_reader.extract.data"


@lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """Non-comment, non-blank lines of a data file, NFC, right-stripped."""
    text = resources.files(_PACKAGE).joinpath(name).read_text("utf-8")
    out = []
    for raw in text.splitlines():
        line = nfc(raw.rstrip())
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a data file (cells stripped)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in lines(name))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A data file as a set of entries (first cell of each line)."""
    return frozenset(row[0] for row in rows(name))
