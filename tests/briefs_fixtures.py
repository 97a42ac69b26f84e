"""Records for the brief tests: the generated samples, and a builder for small synthetic ones.

Test modules import from here (`from briefs_fixtures import …`); nothing here asserts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from dispatch_reader.record import (
    DocumentFacts, Evidence, PageInfo, Record, Reference, Secondment, Signer, Source, validate,
)

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
REALDOCS = ROOT.parent / "shared" / "realdocs-dev"


def sample_records() -> list[Record]:
    """Every samples/*.truth.json as a Record (more samples may arrive; tests must not count on which)."""
    return [Record.from_dict(json.loads(p.read_text("utf-8"))) for p in sorted(SAMPLES.glob("*.truth.json"))]


def sample_with_people(min_people: int = 2) -> Record:
    """A sample record sending at least `min_people` named people."""
    for record in sample_records():
        if sum(1 for s in record.secondments if s.person) >= min_people:
            return record
    raise LookupError("no sample names enough people")


def _ev(quote: str, page: int = 1, confidence: float | None = None) -> Evidence:
    return Evidence(page=page, quote=quote, start=0, confidence=confidence)


def make(
    label: str,
    *,
    number: str | None = "15/QĐ-UBND",
    issued: str | None = "2025-08-04",
    issuer: str | None = "Ủy ban nhân dân tỉnh Lai Châu",
    doc_type: str = "decision",
    language: str = "vi",
    secondments: list[dict[str, Any]] | None = None,
    references: list[dict[str, Any]] | None = None,
    pages: list[tuple[str, float | None]] | None = None,
    subject: str | None = "Về việc biệt phái công chức",
    signer: tuple[str, str, str] | None = ("Lê Công Huấn", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH"),
) -> Record:
    """A synthetic record. `secondments` are Secondment keyword dicts (`page` sets the evidence page);
    `pages` are (method, ocr_confidence) per page."""
    pages = pages or [("text_layer", None)]
    evidence = {}
    for field, value in (("number", number), ("issuer", issuer), ("issued_date", issued), ("subject", subject)):
        if value:
            evidence[field] = _ev(str(value))
    if signer:
        evidence["signer"] = _ev(signer[0], page=len(pages))
    secs = []
    for s in secondments or []:
        s = dict(s)
        page = s.pop("page", 1)
        secs.append(Secondment(kind=s.pop("kind", "secondment"), evidence=_ev(s.get("person") or "x", page), **s))
    refs = [Reference(number=r["number"], doc_type=r.get("doc_type"), issuer=r.get("issuer"), date=r.get("date"),
                      evidence=_ev(r["number"])) for r in references or []]
    record = Record(
        source=Source(file_name=f"{label}.pdf", sha256=hashlib.sha256(label.encode()).hexdigest(),
                      page_count=len(pages),
                      pages=[PageInfo(number=i, method=m, ocr_confidence=c, rotation=0)  # type: ignore[arg-type]
                             for i, (m, c) in enumerate(pages, 1)]),
        language=language,
        document=DocumentFacts(
            doc_type=doc_type, number=number, issuer=issuer, place="Lai Châu" if issued else None, issued_date=issued,
            subject=subject, signer=Signer(*signer) if signer else None, evidence=evidence),
        references=refs,
        secondments=secs,
    )
    validate(record.to_dict())
    return record


def have(program: str) -> bool:
    return shutil.which(program) is not None
