"""Full-text and number search over real document texts (../shared/realdocs-dev, when present).

Records are built from each truth file (never from facts written here); the page text is the
published text, so search meets real Vietnamese spelling, line breaks and lengths.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from store_fixtures import *  # noqa: F401,F403
from store_fixtures import sha_of
from dispatch_reader.record import DocumentFacts, Evidence, PageInfo, Person, Record, Signer, Source
from dispatch_reader.store import open_store
from dispatch_reader.textnorm import fold, nfc

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs-dev"
pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs-dev is not here")


def _docs() -> list[tuple[str, dict, str]]:
    out = []
    for truth_file in sorted(REALDOCS.glob("*.truth.json")):
        stem = truth_file.name.removesuffix(".truth.json")
        text_file = truth_file.with_name(stem + ".txt")
        if text_file.exists():
            out.append((stem, json.loads(truth_file.read_text("utf-8"))["truth"], nfc(text_file.read_text("utf-8"))))
    return out


def _record(stem: str, truth: dict, text: str) -> Record:
    signer = truth.get("signer_name")
    first = text.splitlines()[0] if text else stem
    return Record(
        source=Source(file_name=f"{stem}.pdf", sha256=sha_of(stem), page_count=1,
                      pages=[PageInfo(number=1, method="text_layer")]),
        language="vi",
        document=DocumentFacts(doc_type=truth.get("doc_type"), number=truth.get("number"), issuer=truth.get("issuer"),
                               place=truth.get("place"), issued_date=truth.get("issued_date"),
                               subject=truth.get("subject"), signer=Signer(name=signer) if signer else None,
                               evidence={"number": Evidence(page=1, quote=first)}),
        people=[Person(name=signer, evidence=Evidence(page=1, quote=signer))] if signer else [],
    )


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    docs = _docs()
    if not docs:
        pytest.skip("no documents with truth")
    url = f"sqlite:///{tmp_path_factory.mktemp('real') / 'r.db'}"
    with open_store(url) as store:
        for stem, truth, text in docs:
            store.save(_record(stem, truth, text), page_texts=[text], extractor_version="test")
    return url, docs


def test_signer_found_in_text_without_diacritics(loaded):
    url, docs = loaded
    checked = 0
    with open_store(url) as store:
        for stem, truth, text in docs:
            name = truth.get("signer_name")
            if not name or fold(name) not in fold(text):
                continue
            checked += 1
            hits = store.search(text=fold(name), limit=0)
            ours = [h for h in hits if h.number == truth["number"]]
            assert ours, f"{stem}: text search for the signer's name missed the document"
            assert fold(name) in fold(ours[0].quote)  # the quote shows where the words are
            assert ours[0].quote in " ".join(text.split())  # and is the original text
    assert checked >= len(docs) // 2


def test_number_and_person_lookup(loaded):
    url, docs = loaded
    with open_store(url) as store:
        for stem, truth, _text in docs:
            record = store.get(truth["number"])
            assert record is not None and record.source.file_name == f"{stem}.pdf"
            if truth.get("signer_name"):
                assert truth["number"] in [h.number for h in store.search(person=fold(truth["signer_name"]), limit=0)]
