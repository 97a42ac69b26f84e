"""Destinations matched to the official list of units (places/), a step after secondments
are found: each secondment's `to_unit` gets a `to_place`, and a destination the reader must
check (an OCR correction, a name of several provinces, an old name, no match) gets one
warning, however many secondments share it.

The issuing province comes from the issuer, its parent line or the document's place
(`Ủy ban nhân dân tỉnh Lào Cai`, `UBND TỈNH LÀO CAI` over `SỞ NỘI VỤ`, `Lào Cai, ngày …`).
"""

from __future__ import annotations

from dispatch_reader.places import match_place, province_hint
from dispatch_reader.places.messages import place_warning
from dispatch_reader.record import Facts, PlaceRef


def match_destinations(facts: Facts) -> list[str]:
    """Fill `to_place` on every secondment with a destination; return the place warnings."""
    if not any(s.to_unit for s in facts.secondments):
        return []
    doc = facts.document
    hint = province_hint(doc.issuer, doc.issuer_parent, doc.place)
    warnings: list[str] = []
    for s in facts.secondments:
        if not s.to_unit:
            continue
        m = match_place(s.to_unit, hint, issued=doc.issued_date)
        s.to_place = PlaceRef(**m.as_dict())
        text = place_warning(m)
        if text and text not in warnings:
            warnings.append(text)
    return warnings
