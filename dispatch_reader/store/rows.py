"""A Record turned into table rows (no database work here, so it is easy to test and reuse)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from dispatch_reader.places.match import own_unit_name
from dispatch_reader.record import Evidence, Record
from dispatch_reader.store import keys
from dispatch_reader.textnorm import nfc


def parse_date(value: str | None) -> dt.date | None:
    """ISO date or None; a malformed date stays only in the record JSON."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


@dataclass
class FactRows:
    """Rows for one file read, each fact row with the index of its evidence in `evidence`."""

    file: dict[str, Any]
    pages: list[dict[str, Any]]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    # table name -> rows; each row's "_evidence" is an index into `evidence` (or None)
    facts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def document(self) -> dict[str, Any]:
        """The file's row by its schema-0002 name (the table was `documents`; migration 0002 uses it)."""
        return self.file

    def as_report(self, number: str | None) -> None:
        """A report about another document (store/identity.py): its sendings and headcounts are
        counted as `reported`, referring to the document it reports on; the record keeps what was read."""
        for s in self.facts.get("secondments", []):
            s["status"], s["refers_to"] = "reported", s.get("refers_to") or number
        for c in self.facts.get("counts", []):
            if c.get("status"):
                c["status"] = "reported"


def _evidence_row(ev: Evidence | None, fact: str, index: int | None, field_name: str | None) -> dict[str, Any] | None:
    if ev is None:
        return None
    return {"fact": fact, "fact_index": index, "field": field_name, "page": ev.page,
            "quote": nfc(ev.quote), "start": ev.start, "confidence": ev.confidence}


def record_rows(record: Record, page_texts: list[str], extractor_version: str) -> FactRows:
    d = record.document
    signer = d.signer
    file = {
        "sha256": record.source.sha256,
        "file_name": nfc(record.source.file_name),
        "page_count": record.source.page_count,
        "language": record.language,
        "doc_type": d.doc_type,
        "doc_type_label": d.doc_type_label,
        "number": d.number,
        "number_key": keys.number_key(d.number),
        "issuer": d.issuer,
        "issuer_key": keys.key(d.issuer),
        "issuer_parent": d.issuer_parent,
        "issuer_parent_key": keys.key(d.issuer_parent),
        "place": d.place,
        "issued_date": parse_date(d.issued_date),
        "subject": d.subject,
        "subject_key": keys.key(d.subject),
        "signer_name": signer.name if signer else None,
        "signer_title": signer.title if signer else None,
        "signer_authority": signer.authority if signer else None,
        "schema_version": record.schema_version,
        "extractor_version": extractor_version,
        "record_json": json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True),
    }
    info = {p.number: p for p in record.source.pages}
    pages = []
    for number, raw in enumerate(page_texts, start=1):
        text = nfc(raw or "")
        p = info.get(number)
        pages.append({
            "number": number, "text": text, "folded": keys.fold_aligned(text),
            "method": p.method if p else None, "ocr_confidence": p.ocr_confidence if p else None,
            "rotation": p.rotation if p else None, "reason": p.reason if p else None,
        })
    rows = FactRows(file=file, pages=pages)

    def ev(evidence: Evidence | None, fact: str, index: int | None, field_name: str | None = None) -> int | None:
        row = _evidence_row(evidence, fact, index, field_name)
        if row is None:
            return None
        rows.evidence.append(row)
        return len(rows.evidence) - 1

    for name, evidence in d.evidence.items():
        ev(evidence, "document", None, name)
    rows.facts["doc_references"] = [
        {"ordinal": i, "number": r.number, "number_key": keys.number_key(r.number), "doc_type": r.doc_type,
         "issuer": r.issuer, "date": parse_date(r.date), "_evidence": ev(r.evidence, "reference", i)}
        for i, r in enumerate(record.references)
    ]
    rows.facts["people"] = [
        {"ordinal": i, "name": nfc(p.name), "name_key": keys.key(p.name), "honorific": p.honorific,
         "position": p.position, "unit": p.unit, "unit_key": keys.key(p.unit),
         "birth_year": keys.birth_year(p.evidence.quote, p.position),
         "_evidence": ev(p.evidence, "person", i)}
        for i, p in enumerate(record.people)
    ]
    rows.facts["counts"] = [
        {"ordinal": i, "value": c.value, "what": c.what, "what_key": keys.key(c.what), "total": c.total,
         "status": c.status, "action": c.action, "_evidence": ev(c.evidence, "count", i)}
        for i, c in enumerate(record.counts)
    ]
    rows.facts["dates"] = [
        {"ordinal": i, "date": parse_date(x.date), "role": x.role, "_evidence": ev(x.evidence, "date", i)}
        for i, x in enumerate(record.dates)
    ]
    rows.facts["secondments"] = [
        {"ordinal": i, "kind": s.kind, "person": nfc(s.person) if s.person else None,
         "person_key": keys.key(s.person), "count": s.count,
         "from_unit": s.from_unit, "from_key": keys.key(s.from_unit),
         "to_unit": s.to_unit, "to_key": keys.key(_placed_unit(s)), "position": s.position,
         "start": parse_date(s.start), "end": parse_date(s.end), "duration_months": s.duration_months,
         "status": s.status, "action": s.action, "refers_to": s.refers_to,
         "_evidence": ev(s.evidence, "secondment", i)}
        for i, s in enumerate(record.secondments)
    ]
    _nfc_rows([rows.file], rows.evidence, *rows.facts.values())
    return rows


def _nfc_rows(*tables: list[dict[str, Any]]) -> None:
    """Stored text is NFC whatever the extractor handed over."""
    for table in tables:
        for row in table:
            for name, value in row.items():
                if isinstance(value, str):
                    row[name] = nfc(value)


def _placed_unit(s: Any) -> str | None:
    """The destination as searched: a commune's own unit named by its level word alone, with
    the commune it was placed in (`… công xã Mường Khoa`), so `search --commune "Mường Khoa"`
    finds it (places.match_unit)."""
    place = s.to_place
    if s.to_unit and place is not None and place.match == "own":
        return own_unit_name(s.to_unit, place.name, place.level)
    return s.to_unit
