"""Office-grade scans: a born-digital PDF as the paper that reaches a clerk.

Every signed original carries the issuing body's red seal over the signature and a pen
signature; a received one the receiving office's stamp and the leader's note. Copies of it
reach the reader as a colour scan, a black-and-white photocopy, a phone photo or a fax. Each
variant is one way the paper came, so `eval` can say what each costs:

| variant     | marks on the paper                                   | how it became an image |
|-------------|------------------------------------------------------|------------------------|
| `seal`      | seal + signature (+ seal across the edge, 2+ pages)  | colour scan, 200 dpi, JPEG |
| `receipt`   | as `seal`, and the CÔNG VĂN ĐẾN stamp and a note, p. 1 | colour scan, 200 dpi, JPEG |
| `photocopy` | as `seal`, half of them also received                | 1-bit copy, 300 dpi, skewed, dark edges, toner |
| `phone`     | as `seal`, half of them also received                | photo on a desk, keystone, shadow, ~150-190 dpi JPEG |
| `fax`       | as `seal`                                            | 1-bit, 200 × 100 dpi, header line, streaks |

`damage_pdf(pdf, variant, seed=…, facts=…)` returns an image-only PDF (one image per page, as
scanners make them). The marks are placed from the PDF's own text layer (`layout`), never from
OCR. Same input, variant, seed and facts: same bytes.
"""

from __future__ import annotations

import io
import random
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import numpy as np

from dispatch_reader.errors import DamagedFileError
from dispatch_reader.synth.damage.copies import Raster, colour_scan, fax, phone_photo, photocopy
from dispatch_reader.synth.damage.layout import find_signature, read_pages
from dispatch_reader.synth.damage.marks import DocFacts, Plan, Received, draw_marks, plan_marks, receipt_values

# Bump when a change to the generator changes its output: eval caches are keyed by it.
GENERATOR_VERSION = 3


@dataclass
class _Doc:
    """What a copy needs to know beyond its page: the plan and document-wide choices."""

    plan: Plan
    pages: int
    rng: random.Random
    phone_dpi: float
    fax_header: str


def _seal_scan(page: np.ndarray, dpi: float, index: int, doc: _Doc) -> Raster:
    return colour_scan(page, dpi, doc.rng)


def _photocopy(page: np.ndarray, dpi: float, index: int, doc: _Doc) -> Raster:
    return photocopy(page, dpi, doc.rng)


def _phone(page: np.ndarray, dpi: float, index: int, doc: _Doc) -> Raster:
    return phone_photo(page, dpi, doc.rng, doc.phone_dpi)[0]


def _fax(page: np.ndarray, dpi: float, index: int, doc: _Doc) -> Raster:
    return fax(page, dpi, doc.rng, f"{doc.fax_header}   P.{index + 1:03d}/{doc.pages:03d}")


@dataclass(frozen=True)
class Variant:
    dpi: int  # the page is rendered, and marked, at this resolution
    received: float  # chance that the receipt stamp and the note are on page 1
    copy: Callable[[np.ndarray, float, int, _Doc], Raster]
    describe: str


VARIANTS: dict[str, Variant] = {
    "seal": Variant(200, 0.0, _seal_scan, "red seal and signature, colour scan"),
    "receipt": Variant(200, 1.0, _seal_scan, "seal, signature, receiving stamp and note, colour scan"),
    "photocopy": Variant(300, 0.5, _photocopy, "sealed and signed, black-and-white photocopy"),
    "phone": Variant(200, 0.5, _phone, "sealed and signed, phone photo on a desk"),
    "fax": Variant(200, 0.0, _fax, "sealed and signed, fax 200 × 100 dpi"),
}


def _fax_header(plan: Plan, facts: DocFacts, rng: random.Random) -> str:
    """The sending machine's line: its time stamp a day or more after the document's date."""
    base = facts.issued_date
    sent = (base + timedelta(days=rng.randint(1, 4))) if base else None
    stamp = f"{sent.day:02d}/{sent.month:02d}/{sent.year} " if sent else ""
    number = f"0{rng.randint(203, 299)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return f"{stamp}{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}  FROM: {number}"


def _render(page: object, dpi: float) -> np.ndarray:
    image = page.render(scale=dpi / 72.0).to_pil().convert("RGB")  # type: ignore[attr-defined]
    return np.asarray(image, dtype=np.float32).copy()


@dataclass(frozen=True)
class Copy:
    """An office copy and what was written on it that a reader should find: the receiving
    office's stamp values, when the copy carries the stamp."""

    pdf: bytes
    received: Received | None


def damage_pdf(pdf_bytes: bytes, variant: str, *, seed: int, facts: DocFacts | None = None) -> bytes:
    """The image-only PDF of `variant` (see VARIANTS) made from a born-digital PDF."""
    return damage_copy(pdf_bytes, variant, seed=seed, facts=facts).pdf


def damage_copy(pdf_bytes: bytes, variant: str, *, seed: int, facts: DocFacts | None = None) -> Copy:
    """As `damage_pdf`, with the receipt stamp's values (its truth, for `eval`)."""
    import pypdfium2 as pdfium

    recipe = VARIANTS[variant]
    facts = facts or DocFacts()
    rng = random.Random(f"{variant}/{seed}")
    try:
        source = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise DamagedFileError(None, f"cannot rasterise PDF: {exc}") from None
    try:
        texts = read_pages(source)
        plan = plan_marks(texts, facts, rng, seal=True, receipt=rng.random() < recipe.received)
        doc = _Doc(plan, len(source), rng, rng.uniform(150, 190), _fax_header(plan, facts, rng))
        rasters = []
        for index in range(len(source)):
            page = source[index]
            image = _render(page, recipe.dpi)
            page.close()
            draw_marks(image, index, plan, recipe.dpi)
            rasters.append(recipe.copy(np.clip(image, 0, 255), recipe.dpi, index, doc))
    finally:
        source.close()
    return Copy(write_pdf(rasters), plan.received)


def write_pdf(rasters: list[Raster]) -> bytes:
    """One image per page, at the rasters' resolution (one per document); fixed dates, so the
    same rasters give the same bytes."""
    if not rasters:
        raise ValueError("no pages")
    first, rest = rasters[0].image, [r.image for r in rasters[1:]]
    options = {"save_all": True, "append_images": rest, "dpi": rasters[0].dpi,
               "producer": "dispatch-reader synth damage", "creator": "dispatch-reader synth damage",
               "creationDate": time.gmtime(0), "modDate": time.gmtime(0)}
    if rasters[0].quality:
        options["quality"] = rasters[0].quality
    buf = io.BytesIO()
    first.save(buf, format="PDF", **options)
    return buf.getvalue()


def signing_page(pdf_bytes: bytes, signer: str | None = None) -> int | None:
    """The 0-based page with the signing block (read from the text layer), if found."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf_bytes)
    try:
        spot = find_signature(read_pages(source), signer)
    finally:
        source.close()
    return spot.page if spot else None


def excerpt_pdf(pdf_bytes: bytes, pages: list[int]) -> bytes:
    """A PDF of some of the pages (0-based; negative counts from the end), each once, in order."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf_bytes)
    try:
        n = len(source)
        wanted = sorted({p % n for p in pages if -n <= p < n})
        if wanted == list(range(n)):
            return pdf_bytes
        out = pdfium.PdfDocument.new()
        out.import_pages(source, wanted)
        buf = io.BytesIO()
        out.save(buf)
        out.close()
        return buf.getvalue()
    finally:
        source.close()


__all__ = ["GENERATOR_VERSION", "VARIANTS", "Copy", "DocFacts", "Received", "damage_copy", "damage_pdf", "excerpt_pdf",
           "receipt_values", "signing_page"]
