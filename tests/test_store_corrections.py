"""Corrections applied to a record's JSON (store/corrections.py), without a database."""

from __future__ import annotations

import datetime as dt

import pytest

from store_fixtures import make_record
from dispatch_reader.store.corrections import CorrectionEntry, CorrectionError, apply, coerce, parse_path

AT = dt.datetime(2026, 11, 30, tzinfo=dt.timezone.utc)


def _entry(path: str, before, after, action: str = "correct", n: int = 1) -> CorrectionEntry:
    return CorrectionEntry(n, "x" * 64, path, action, before, after, "lan", AT + dt.timedelta(seconds=n))


def test_paths() -> None:
    assert parse_path("people[2].name") == ["people", 2, "name"]
    assert parse_path("document.signer.name") == ["document", "signer", "name"]
    for bad in ("source.file_name", "people.name", "people[0].evidence.quote", "secondments[0].to_place.name",
                "schema_version", "people[x].name", ""):
        with pytest.raises(CorrectionError):
            parse_path(bad)


def test_values_as_typed_in_a_form() -> None:
    assert coerce("counts[0].value", " 1.234 ") == 1234
    assert coerce("secondments[0].start", "4/8/2025") == "2025-08-04"
    assert coerce("secondments[0].duration_months", "2,5") == 2.5
    assert coerce("people[0].name", "Nguye\u0302\u0303n") == "Nguyễn"  # NFC
    assert coerce("people[0].unit", "  ") is None
    with pytest.raises(CorrectionError):
        coerce("counts[0].value", "nhiều")


def test_a_list_item_is_followed_by_its_value_and_skipped_with_a_warning_when_gone() -> None:
    data = make_record("a", people=[("Lò Văn Mới", None), ("Trần Văn Bình", "Sở Y tế")]).to_dict()
    done = apply(data, [_entry("people[0].name", "Trần Văn Bình", "Trần Văn Bính"),
                        _entry("people[5].unit", "Sở Tư pháp", "Sở Nội vụ", n=2),
                        _entry("document.subject", "something else", "Về việc mới", n=3),
                        _entry("document.number", "15/QĐ-UBND", "15/QĐ-UBND", action="confirm", n=4)])
    assert [p["name"] for p in done["people"]] == ["Lò Văn Mới", "Trần Văn Bính"]
    assert done["document"]["subject"] == "Về việc mới"  # a header field: the user's word wins
    assert [w for w in done["warnings"] if "people[5].unit" in w and "not applied" in w]
    assert data["people"][1]["name"] == "Trần Văn Bình"  # the input is not changed


def test_a_corrected_destination_is_matched_to_the_official_list_again() -> None:
    data = make_record("a").to_dict()
    done = apply(data, [_entry("secondments[0].to_unit", data["secondments"][0]["to_unit"], "Ủy ban nhân dân xã Pắc Ta")])
    assert done["secondments"][0]["to_place"]["name"] == "Xã Pắc Ta"
    gone = apply(data, [_entry("secondments[0].to_unit", data["secondments"][0]["to_unit"], None)])
    assert gone["secondments"][0]["to_place"] is None
