"""The samples are set in real places: every destination their truth names is a unit of the
official list (or an aggregate / a body with no commune named), read the way a record reads it,
with the issuing province from the header. A fictional province or commune would fail here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dispatch_reader.places.match import UnknownProvince, match_place, province_hint
from dispatch_reader.places.official import Province

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TRUTHS = sorted(SAMPLES.glob("*.truth.json"))


def test_there_are_samples() -> None:
    assert len(TRUTHS) >= 20


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_sample_destinations_are_official_units(truth: Path) -> None:
    record = json.loads(truth.read_text("utf-8"))
    doc = record["document"]
    hint = province_hint(doc.get("issuer"), doc.get("issuer_parent"), doc.get("place"))
    for s in record.get("secondments", []):
        if not s.get("to_unit"):
            continue
        m = match_place(s["to_unit"], hint, issued=doc.get("issued_date"))
        assert m.match in ("exact", "folded", "aggregate", "unnamed"), (s["to_unit"], m.match, m.note)
        if m.match in ("exact", "folded"):
            assert m.code and m.province, s["to_unit"]


@pytest.mark.parametrize("truth", TRUTHS, ids=lambda p: p.name.removesuffix(".truth.json"))
def test_sample_issuer_is_a_real_body(truth: Path) -> None:
    doc = json.loads(truth.read_text("utf-8"))["document"]
    hint = province_hint(doc.get("issuer"), doc.get("issuer_parent"), doc.get("place"))
    assert not isinstance(hint, UnknownProvince), hint
    issuer = doc.get("issuer") or ""
    if "tỉnh" in issuer or "province" in issuer:
        assert isinstance(hint, Province), issuer
    if " xã " in f" {issuer} " or " phường " in f" {issuer} ":
        # a commune's own name may be shared by two provinces (xã Tân Phong): real, if ambiguous
        assert match_place(issuer, hint).match in ("exact", "folded", "ambiguous"), issuer
