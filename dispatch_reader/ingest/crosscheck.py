"""Our text-layer reading checked against two other readers of the same PDF.

Lines are judged against poppler's `pdftotext` (column-aware: it keeps header columns apart)
and pdfplumber (row by row). A page agrees when the lines of either reader stand whole in our
lines: both are sound readers, and a page whose lines match neither has been scrambled —
letters split into columns, two columns interleaved, words glued. Block order (which column or
table cell first) is a policy and is not judged. Used by tests/test_ingest_realpdfs.py and bench/layout.py.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from dispatch_reader.ingest.cer import lines_found


@dataclass
class PageAgreement:
    number: int
    words: int  # the reference's words
    in_order: int  # of those, in lines that stand whole in ours
    reader: str  # which reference agreed best

    @property
    def share(self) -> float:
        return self.in_order / self.words if self.words else 1.0


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def pdftotext_pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True,
                         timeout=120).stdout
    return out.decode("utf-8", "replace").split("\f")


def compare(pdf: Path, pages: dict[int, str], good_enough: float = 0.98) -> list[PageAgreement]:
    """Agreement of our `pages` (number → text) with the two readers. pdfplumber is asked
    only for pages where pdftotext's order falls short (it is the slower reader)."""
    poppler = pdftotext_pages(pdf)
    results: list[PageAgreement] = []
    short: list[int] = []
    for number, text in sorted(pages.items()):
        reference = poppler[number - 1] if number <= len(poppler) else ""
        hit, total = lines_found(text, reference)
        results.append(PageAgreement(number, total, hit, "pdftotext"))
        if total and hit / total < good_enough:
            short.append(len(results) - 1)
    if short:
        import pdfplumber

        with pdfplumber.open(pdf) as doc:
            for i in short:
                page = results[i]
                reference = doc.pages[page.number - 1].extract_text() or ""
                hit, total = lines_found(pages[page.number], reference)
                if total and hit / total > page.share:
                    results[i] = PageAgreement(page.number, total, hit, "pdfplumber")
    return results
