"""The document page's fact rows (web/factview.py): record paths, values as forms show them,
the words to highlight, and the marks (check, corrected, confirmed)."""

from __future__ import annotations

from types import SimpleNamespace

from store_fixtures import make_record

from dispatch_reader.web.factview import fact_groups


def _rows(data, corrections=None, lang="vi"):
    return {row.path: row for g in fact_groups(data, lang, corrections) for item in g.items for row in item}


def test_paths_values_and_choices() -> None:
    data = make_record("a").to_dict()
    rows = _rows(data)
    assert rows["document.number"].value == "15/QĐ-UBND"
    assert rows["document.issued_date"].value == "4/8/2025"  # as a clerk types it
    assert rows["document.issued_date"].shown == "04/8/2025"  # as the briefs write it
    assert rows["secondments[0].to_unit"].value == "Ủy ban nhân dân xã Tủa Thàng"
    assert rows["secondments[0].start"].value == "3/9/2025"
    assert rows["counts[0].value"].value == "28"
    assert {v for v, _ in rows["secondments[0].status"].choices} == {"decided", "requested", "planned", "reported"}
    assert ("decision", "Quyết định") in rows["document.doc_type"].choices
    assert all(not r.check and r.status is None for r in rows.values())


def test_a_field_shows_its_own_words_when_known() -> None:
    data = make_record("a").to_dict()
    ev = data["secondments"][0]["evidence"]
    ev["boxes"] = [[0.1, 0.5, 0.9, 0.52]]
    ev["parts"] = {"to_unit": [[0.6, 0.52, 0.9, 0.54]]}
    rows = _rows(data)
    assert rows["secondments[0].to_unit"].boxes == [[0.6, 0.52, 0.9, 0.54]]
    assert rows["secondments[0].start"].boxes == [[0.1, 0.5, 0.9, 0.52]]  # no words of its own: the fact's
    assert rows["secondments[0].to_unit"].boxes_json == "[[0.6, 0.52, 0.9, 0.54]]"


def test_marks_low_confidence_warning_and_corrections() -> None:
    data = make_record("a").to_dict()
    data["document"]["evidence"]["number"]["confidence"] = 0.5
    data["warnings"] = ["destination 'Ủy ban nhân dân xã Tủa Thàng' not on the official list"]
    corrections = {"document.subject": SimpleNamespace(action="correct", user="lan"),
                   "document.issuer": SimpleNamespace(action="confirm", user="minh")}
    rows = _rows(data, corrections)
    assert rows["document.number"].check and rows["document.number"].confidence == 0.5
    assert rows["secondments[0].to_unit"].check  # named by a warning
    assert not rows["document.subject"].check
    assert (rows["document.subject"].status, rows["document.subject"].by) == ("corrected", "lan")
    assert (rows["document.issuer"].status, rows["document.issuer"].by) == ("confirmed", "minh")


def test_english_labels_and_empty_groups_left_out() -> None:
    data = make_record("a", counts=[]).to_dict()
    groups = fact_groups(data, "en")
    assert [g.key for g in groups] == ["header", "secondments", "people", "dates"]
    header = {r.path: r for r in groups[0].items[0]}
    assert header["document.doc_type"].shown == "Decision"


def test_the_receiving_stamp_has_its_row_shown_not_corrected() -> None:
    """The document page showed no receiving stamp at all, where the brief has a row for it: the
    row is the brief's (number, date, to whom), always to be checked, never the document's
    number; a stamp read but not made out says so; none read, no row. It carries no correction
    form (a group of fields; the correction form sets one)."""
    data = make_record("a").to_dict()
    assert "document.received" not in _rows(data)
    data["document"]["received"] = {"evidence": {"page": 1, "quote": "CÔNG VĂN ĐẾN 3992", "confidence": 0.9,
                                                 "boxes": [[0.1, 0.1, 0.3, 0.2]]},
                                    "number": "3992", "date": "2025-11-23", "forwarded_to": "P. Nội vụ"}
    rows = _rows(data)
    stamp = rows["document.received"]
    assert stamp.shown == "số đến 3992, 23/11/2025, chuyển P. Nội vụ"
    assert stamp.check and not stamp.editable and stamp.page == 1 and stamp.boxes == [[0.1, 0.1, 0.3, 0.2]]
    assert rows["document.number"].value == "15/QĐ-UBND" and rows["document.number"].editable
    data["document"]["received"] = {"evidence": {"page": 2, "quote": "CÔNG VĂN ĐẾN ?", "confidence": 0.5},
                                    "number": None, "date": None}
    stamp = _rows(data, lang="en")["document.received"]
    assert stamp.shown == "stamped; its number and date not made out" and stamp.page == 2 and stamp.check
    # a coloured frame read alone that held no receiving stamp (an e-signature box): no row
    data["document"]["received"] = None
    data["warnings"] = ["page 2: a receiving stamp in colour read alone (its ink is dropped from the page)"]
    assert "document.received" not in _rows(data, lang="en")
