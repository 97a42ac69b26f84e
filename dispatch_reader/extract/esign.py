"""E-signature boxes: who signed the file digitally, and when.

Documents sent through the document-management systems, and the Gazette's own files, carry
a box such as

    Ký bởi: Ủy ban nhân dân tỉnh Lào Cai        (or  Người ký: Cổng Thông tin điện tử Chính phủ)
    Email: …
    Cơ quan: Văn phòng Chính phủ
    Thời gian ký: 26.04.2023 10:21:55 +07:00

It is neither the issuer, nor the signer of the text, nor the issue date (the header reader
skips it); it is kept as its own fact. Field labels are data (esign_labels.tsv).
"""

from __future__ import annotations

import re
from functools import lru_cache

from dispatch_reader.extract import resources
from dispatch_reader.extract.casing import proper_case_body
from dispatch_reader.extract.textutil import Page, is_upper_line
from dispatch_reader.record import ESignature, Evidence
from dispatch_reader.textnorm import squash

_TIME = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\D+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([+-]\d{2}):?(\d{2}))?")


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[str, str], ...]:
    """(folded label, field), longest label first."""
    rows = [(row[0], row[1]) for row in resources.rows("esign_labels.tsv") if len(row) > 1]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _field(folded_line: str) -> tuple[str, int] | None:
    for label, name in _labels():
        if folded_line.startswith(label):
            rest = folded_line[len(label):]
            colon = re.match(r"\s*:\s*", rest)
            if colon:
                return name, len(label) + colon.end()
    return None


def is_esign_field(folded_line: str) -> bool:
    """Does the (folded) line open with an e-signature box's label (`ky boi:`, `thoi gian ky:`)?"""
    return _field(folded_line.lstrip(" |.,-_~'\"“”‘’")) is not None


def signed_at(text: str) -> str | None:
    """`26.04.2023 10:21:55 +07:00` → `2023-04-26T10:21:55+07:00` (as much as is printed)."""
    m = _TIME.search(text)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    out = f"{year:04d}-{month:02d}-{day:02d}"
    if m[4]:
        out += f"T{int(m[4]):02d}:{m[5]}:{m[6] or '00'}"
        if m[7]:
            out += f"{m[7]}:{m[8]}"
    return out


def find_e_signatures(pages: list[Page]) -> list[ESignature]:
    """Every e-signature box, in page order; a box is a 'signed by' line and the labelled
    lines right under it."""
    found: list[ESignature] = []
    for page in pages:
        current: ESignature | None = None
        misses = 0
        for line in page.lines:
            for seg in line:
                hit = _field(seg.folded)
                if hit is None:
                    continue
                name, cut = hit
                value = squash(seg.text[cut:]).strip(" ;,")
                if name in ("signed_by", "organisation") and is_upper_line(value):
                    value = proper_case_body(value)  # the box prints bodies in capitals
                if name == "signed_by":
                    current = ESignature(signed_by=value or None,
                                         evidence=Evidence(page=page.number, quote=seg.text, start=seg.start))
                    found.append(current)
                elif current is not None:
                    if name == "signed_at":
                        current.signed_at = signed_at(value)
                    elif name == "organisation":
                        current.organisation = value or None
                    elif name == "email":
                        current.email = value or None
                    current.evidence.quote = page.text[current.evidence.start:seg.end]
                misses = 0
                break
            else:
                misses += 1
                if misses > 2:
                    current = None
    return found
