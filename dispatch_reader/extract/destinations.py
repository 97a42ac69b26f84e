"""Destinations and sending units matched to the official list of units (places/), a step
after secondments are found: each secondment's `to_unit` gets a `to_place`, and its
`from_unit` a `from_place` when it names a commune or ward (a commune lending its own staff:
`Ủy ban nhân dân xã Mường Khoa`; a department, `Sở Nội vụ`, is no place and gets none). A
place the reader must check (an OCR correction, a name of several provinces, an old name, no
match) gets one warning, however many secondments share it.

The issuing province comes from the issuer, its parent line or the document's place
(`Ủy ban nhân dân tỉnh Lào Cai`, `UBND TỈNH LÀO CAI` over `SỞ NỘI VỤ`, `Lào Cai, ngày …`).
A commune moving its own staff names its units by the level word alone (`Trung tâm Phục vụ
hành chính công xã`): they are matched to the issuing commune (`own`, places.match_unit).
"""

from __future__ import annotations

from collections.abc import Collection

from dispatch_reader.places import match_place, match_unit, province_hint
from dispatch_reader.places.match import PlaceMatch, read_place, respell
from dispatch_reader.places.messages import place_warning
from dispatch_reader.record import Facts, PlaceRef, Secondment


def match_destinations(facts: Facts, placeless: Collection[Secondment] = (), read: Collection[int] = ()) -> list[str]:
    """Fill `to_place` (every destination) and `from_place` (a sending unit that names a
    commune or ward, but those of `placeless`) on the secondments; return the place warnings.
    A destination read from an OCRed page (`read`) that matched a unit as an OCR correction is
    written as the list spells it (`ys rạ Lèng` → `xã Tả Lèng`), as a body's misread name is
    (extract._respell_units): the record, its exports and its brief then name one place, and
    `to_place.printed` keeps what was read."""
    if not any(s.to_unit or s.from_unit for s in facts.secondments):
        return []
    doc = facts.document
    hint = province_hint(doc.issuer, doc.issuer_parent, doc.place)
    issuer = match_place(doc.issuer, hint, issued=doc.issued_date) if doc.issuer else None
    warnings: list[str] = []

    def warn(m: PlaceMatch, role: str) -> None:
        text = place_warning(m, role)
        if text and text not in warnings:
            warnings.append(text)

    # the list's cells written as the communes' committees (secondments._destination): a
    # garbled cell rewritten is written so too, or an export splits one commune in two
    committees = any((s.to_unit or "").startswith("Ủy ban nhân dân ") for s in facts.secondments)
    for s in facts.secondments:
        if s.to_unit:
            ocr = s.evidence.page in read
            m = match_unit(s.to_unit, hint, issuer, issued=doc.issued_date, ocr=ocr)
            s.to_place = PlaceRef(**m.as_dict())
            warn(m, "destination")
            # not across levels: a ward printed (`phường Cốc Lếu`, an old city's) matched to a
            # commune a letter off is another place, told in the warning, not written as it
            if ocr and m.match == "corrected" and m.display and read_place(s.to_unit, ocr).level in (None, m.level):
                s.to_unit = respell(s.to_unit, m.display, ocr=True)
                if committees and s.to_unit == m.display:
                    s.to_unit = f"Ủy ban nhân dân {m.display}"
        if s.from_unit and not any(s is p for p in placeless):
            m = match_unit(s.from_unit, hint, issuer, issued=doc.issued_date)
            if m.match not in ("unnamed", "aggregate"):
                s.from_place = PlaceRef(**m.as_dict())
                warn(m, "sending unit")
    return warnings
