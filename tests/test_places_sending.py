"""Sending units are matched to the official list too (issue 12, point 4): a commune that lends
its own staff gets `from_place`; a department names no place and gets none; a damaged commune
name as sending unit is corrected with a warning that says it is the sending unit, shown in the
reader's language."""

from __future__ import annotations

from dataclasses import asdict

from dispatch_reader.extract.destinations import match_destinations
from dispatch_reader.messages import localise
from dispatch_reader.record import DocumentFacts, Evidence, Facts, Record, Secondment, Source

EV = Evidence(page=1, quote="x")


def _facts(*pairs: tuple[str | None, str | None]) -> Facts:
    doc = DocumentFacts(issuer="Ủy ban nhân dân tỉnh Lai Châu", issued_date="2025-09-15", place="Lai Châu")
    return Facts(document=doc, secondments=[Secondment(kind="transfer", evidence=EV, person=f"P{i}", from_unit=a, to_unit=b)
                                            for i, (a, b) in enumerate(pairs)])


def test_a_commune_as_sending_unit_gets_its_official_place() -> None:
    facts = _facts(("Ủy ban nhân dân xã Mường Khoa", "Ủy ban nhân dân xã Pắc Ta"))
    assert match_destinations(facts) == []
    s = facts.secondments[0]
    assert (s.from_place.match, s.from_place.name, s.from_place.province) == ("exact", "Xã Mường Khoa", "Tỉnh Lai Châu")
    assert s.from_place.code and s.from_place.code != s.to_place.code


def test_a_department_is_no_place() -> None:
    facts = _facts(("Sở Nội vụ", "xã Mường Khoa"), ("Phòng Công chức, viên chức", None))
    match_destinations(facts)
    assert [s.from_place for s in facts.secondments] == [None, None]
    assert facts.secondments[0].to_place.name == "Xã Mường Khoa"


def test_a_damaged_sending_commune_is_corrected_with_its_own_warning() -> None:
    facts = _facts(("Ủy ban nhân dân xã Mưòng Khoa", "xã Pắc Ta"))
    warnings = match_destinations(facts)
    s = facts.secondments[0]
    assert (s.from_place.match, s.from_place.name, s.from_place.printed) == (
        "corrected", "Xã Mường Khoa", "Ủy ban nhân dân xã Mưòng Khoa")
    assert warnings == ["sending unit 'xã Mưòng Khoa' read as 'xã Mường Khoa' (OCR correction)"]
    assert localise(warnings[0], "vi") == "đơn vị cử đi 'xã Mưòng Khoa' đọc thành 'xã Mường Khoa' (sửa lỗi OCR)"
    # a destination's warning still reads as before, in both languages
    facts = _facts(("Sở Nội vụ", "xã Pắc Tà"))
    [w] = match_destinations(facts)
    assert w == "destination 'xã Pắc Tà' read as 'xã Pắc Ta' (OCR correction)"
    assert localise(w, "vi").startswith("nơi đến 'xã Pắc Tà' đọc thành")


def test_from_place_survives_the_record_round_trip() -> None:
    facts = _facts(("Ủy ban nhân dân xã Mường Khoa", "xã Pắc Ta"))
    match_destinations(facts)
    record = Record.from_facts(Source(file_name="a.pdf", sha256="0" * 64, page_count=1), facts)
    again = Record.from_dict(record.to_dict())
    assert again.secondments[0].from_place == facts.secondments[0].from_place


def test_a_communes_own_unit_named_by_its_level_word_is_that_commune() -> None:
    """A commune moving its own staff writes `Trung tâm Phục vụ hành chính công xã`: no place
    was named, and the summary listed it as a destination of its own, in no commune (a tester)."""
    from dispatch_reader.briefs.places import place_fields

    doc = DocumentFacts(issuer="Ủy ban nhân dân xã Mường Khoa", issued_date="2025-08-04", place="Mường Khoa")
    facts = Facts(document=doc, secondments=[Secondment(
        kind="transfer", evidence=EV, person="Lý Thị Hằng", from_unit="Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
        to_unit="Trung tâm Phục vụ hành chính công xã")])
    assert match_destinations(facts) == []
    s = facts.secondments[0]
    assert (s.to_place.match, s.to_place.name, s.to_place.code) == ("own", "Xã Mường Khoa", s.from_place.code)
    shown = place_fields(asdict(s), "vi")
    assert shown["destination"] == "Trung tâm Phục vụ hành chính công xã Mường Khoa"
    assert (shown["commune"], shown["commune_key"]) == ("xã Mường Khoa", f"code:{s.to_place.code}")
    # a province's decision naming `… xã` names no commune; a ward's unit in a commune's paper is no match
    for issuer, unit in (("Ủy ban nhân dân tỉnh Lai Châu", "Trung tâm Phục vụ hành chính công xã"),
                         ("Ủy ban nhân dân xã Mường Khoa", "Trung tâm Phục vụ hành chính công phường")):
        facts = Facts(document=DocumentFacts(issuer=issuer, issued_date="2025-08-04"), secondments=[
            Secondment(kind="transfer", evidence=EV, person="P", to_unit=unit)])
        match_destinations(facts)
        assert facts.secondments[0].to_place.match == "unnamed"


def test_a_communes_office_named_alone_in_its_own_paper_is_that_commune() -> None:
    """Since 2025 a commune's offices carry no `xã` (`Phòng Kinh tế`, `Phòng Văn hóa - Xã hội`):
    in the commune's paper they are its own, shown with its name; in a province's paper, with a
    department after them, or before 1 July 2025 (a district's offices) they name no place."""
    from dispatch_reader.briefs.places import place_fields

    def placed(issuer: str, unit: str, issued: str = "2025-08-04") -> Secondment:
        facts = Facts(document=DocumentFacts(issuer=issuer, issued_date=issued), secondments=[
            Secondment(kind="transfer", evidence=EV, person="P", from_unit=unit, to_unit=unit)])
        match_destinations(facts)
        return facts.secondments[0]

    s = placed("Ủy ban nhân dân xã Mường Khoa", "Phòng Văn hóa – Xã hội")
    assert (s.to_place.match, s.to_place.name, s.from_place.match) == ("own", "Xã Mường Khoa", "own")
    assert place_fields(asdict(s), "vi")["destination"] == "Phòng Văn hóa – Xã hội xã Mường Khoa"
    assert placed("UBND phường Tô Hiệu", "Phòng Kinh tế, Hạ tầng và Đô thị").to_place.name == "Phường Tô Hiệu"
    for issuer, unit, issued in (("Ủy ban nhân dân tỉnh Lai Châu", "Phòng Kinh tế", "2025-08-04"),
                                 ("Ủy ban nhân dân xã Mường Khoa", "Phòng Kinh tế, Sở Tài chính", "2025-08-04"),
                                 ("Ủy ban nhân dân xã Mường Khoa", "Phòng Kinh tế", "2025-06-20")):
        s = placed(issuer, unit, issued)
        assert (s.to_place.match, s.from_place) == ("unnamed", None)
