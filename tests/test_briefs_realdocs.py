"""Briefs of the real development documents' header facts: long real subjects, real issuers and
signers come out whole, with dates as Vietnamese readers write them. Skipped without the folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefs_fixtures import REALDOCS, make
from dispatch_reader.briefs.formatting import format_date
from dispatch_reader.briefs.render import BriefWriter

TRUTHS = sorted(REALDOCS.glob("*.truth.json")) if REALDOCS.is_dir() else []
pytestmark = pytest.mark.skipif(not TRUTHS, reason="../shared/realdocs-dev/ is not here")


@pytest.mark.parametrize("truth_path", TRUTHS, ids=[p.stem for p in TRUTHS])
def test_real_header_facts_come_out_whole(truth_path: Path, tmp_path: Path) -> None:
    truth = json.loads(truth_path.read_text("utf-8"))["truth"]
    record = make(truth_path.stem, number=truth.get("number"), issued=truth.get("issued_date"),
                  issuer=truth.get("issuer"), doc_type=truth.get("doc_type") or "other", subject=truth.get("subject"),
                  signer=(truth["signer_name"], "", "") if truth.get("signer_name") else None)
    md = BriefWriter(tmp_path, "md", "vi", today=date(2026, 1, 1)).document(record).read_text("utf-8")
    for key in ("number", "issuer", "subject", "signer_name"):
        if truth.get(key):
            assert truth[key] in md.replace("\\", ""), key
    if truth.get("issued_date"):
        assert format_date(truth["issued_date"], "vi") in md
