"""What briefs say, before any template: formatting, grouping, per-document and summary figures."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from datetime import date

import pytest

from briefs_fixtures import make, sample_records, sample_with_people
from dispatch_reader.briefs.document import document_context, heads
from dispatch_reader.briefs.formatting import add_months, format_date, format_month, format_number
from dispatch_reader.briefs.grouping import destination_label, field_label, matches_place, sending_body
from dispatch_reader.briefs.render import BriefWriter
from dispatch_reader.briefs.summary import Selection, merge_copies, number_key, summary_context


# -- formatting -------------------------------------------------------------------------------

@pytest.mark.parametrize("iso, vi, en", [
    ("2025-08-04", "04/8/2025", "August 4, 2025"),
    ("2025-02-05", "05/02/2025", "February 5, 2025"),  # months 1-2 padded, as Decree 30 writes them
    ("2025-11-30", "30/11/2025", "November 30, 2025"),
])
def test_dates_as_people_write_them(iso: str, vi: str, en: str) -> None:
    assert format_date(iso, "vi") == vi
    assert format_date(iso, "en") == en


def test_bad_or_missing_dates_are_not_hidden() -> None:
    assert format_date(None) == ""
    assert format_date("2025-13-40") == "2025-13-40"


def test_numbers_use_the_language_separators() -> None:
    assert format_number(9939, "vi") == "9.939"
    assert format_number(9939, "en") == "9,939"
    assert format_number(84.82, "vi", 2) == "84,82"
    assert format_number(1.5, "en") == "1.5"
    assert format_month("2025-09", "vi") == "tháng 9/2025"
    assert format_month("2025-09", "en") == "September 2025"


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(date(2025, 9, 3), 2) == date(2025, 11, 3)
    assert add_months(date(2025, 8, 31), 1) == date(2025, 9, 30)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


# -- grouping ---------------------------------------------------------------------------------

def test_destination_drops_the_committee_words_in_any_spelling() -> None:
    assert destination_label("Ủy ban nhân dân xã Tân Phong") == "xã Tân Phong"
    assert destination_label("UBND xã Tân Phong") == "xã Tân Phong"
    decomposed = unicodedata.normalize("NFD", "Uỷ ban nhân dân phường Hoà Minh")  # old tone placement, NFD
    assert destination_label(decomposed) == unicodedata.normalize("NFC", "phường Hoà Minh")
    assert destination_label("39 xã, phường") == "39 xã, phường"


def test_sending_body_is_the_department_not_its_office() -> None:
    assert sending_body("Phòng Công chức, viên chức, Sở Nội vụ") == "Sở Nội vụ"
    assert sending_body("Sở Tài chính") == "Sở Tài chính"
    assert sending_body("các sở, ban, ngành cấp tỉnh") == "các sở, ban, ngành cấp tỉnh"
    assert sending_body("Phòng Quản lý đất đai thuộc Sở Nông nghiệp và Môi trường") == "Sở Nông nghiệp và Môi trường"
    # a list's cell abbreviates the body another document spells out
    assert sending_body("UBND xã Ba Chẽ") == sending_body("Ủy ban nhân dân xã Ba Chẽ") == "Ủy ban nhân dân xã Ba Chẽ"
    # a public service unit sends its own staff: a health centre, not its ward
    assert sending_body("Khoa Khám bệnh, Trung tâm Y tế khu vực Cam Lâm") == "Trung tâm Y tế khu vực Cam Lâm"


def test_field_and_place_matching() -> None:
    assert field_label("lĩnh vực đất đai") == "Đất đai"
    assert field_label("Văn hóa - xã hội") == "Văn hóa - xã hội"
    assert matches_place("Ủy ban nhân dân xã Tân Phong", "tan phong")
    assert matches_place("UBND xã TÂN PHONG", "Tân Phong")
    assert not matches_place("Ủy ban nhân dân xã Tân Phong Hạ", "Phong Hạ Tây")
    assert not matches_place("xã Tân Phongs", "Tân Phong")


# -- per-document context ---------------------------------------------------------------------

def test_document_lead_names_the_act_the_people_and_the_places() -> None:
    record = sample_with_people(2)
    ctx = document_context(record.to_dict(), "vi")
    lead = ctx["lead_parts"]
    assert record.document.number in lead["doc"]
    assert lead["total_people"] == sum(heads(s.__dict__) for s in record.secondments)
    for s in record.secondments:
        assert destination_label(s.to_unit) in lead["places"]
    pages = {row["field"]: row["page"] for row in ctx["header"]}
    assert pages["number"] == record.document.evidence["number"].page


def test_end_is_derived_from_the_stated_months_and_flagged() -> None:
    record = make("dur", secondments=[{"person": "Lò Văn Pấng", "to_unit": "Ủy ban nhân dân xã Mường Khoa",
                                        "start": "2025-09-08", "duration_months": 6}])
    row = document_context(record.to_dict(), "vi")["secondments"][0]
    assert row["end_date"] == "2026-03-08"
    assert row["end_derived"] is True
    assert "6 tháng" in row["period"]


def test_facts_from_a_badly_read_page_are_flagged() -> None:
    record = make("ocr", pages=[("text_layer", None), ("ocr", 0.55)], secondments=[
        {"person": "Vàng Seo Chứ", "to_unit": "xã Sín Chải", "page": 2},
        {"person": "Giàng A Páo", "to_unit": "xã Pa Tần", "page": 1}])
    ctx = document_context(record.to_dict(), "vi")
    flagged = {row["who"]: row["low_confidence"] for row in ctx["secondments"]}
    assert flagged == {"Vàng Seo Chứ": True, "Giàng A Páo": False}
    signer_row = next(h for h in ctx["header"] if h["field"] == "signer")
    assert signer_row["page"] == 2 and signer_row["low_confidence"]
    page_warning = [w for w in ctx["warnings"] if "Trang 2" in w]
    assert page_warning and "55%" in page_warning[0] and "1 dòng nhân sự" in page_warning[0]


def test_missing_header_facts_are_warned_about() -> None:
    record = make("bare", number=None, issued=None)
    warnings = document_context(record.to_dict(), "en")["warnings"]
    assert any("number" in w and "date of issue" in w for w in warnings)


# -- summary ----------------------------------------------------------------------------------

def _summary(records, **kwargs):
    return summary_context([r.to_dict() for r in records], kwargs.pop("lang", "vi"), today=kwargs.pop("today", date(2025, 10, 20)),
                           **kwargs)


def test_every_breakdown_adds_up_to_the_total_on_the_samples() -> None:
    ctx = _summary(sample_records())
    total = ctx["total_people"]
    assert total > 0
    for key in ("by_commune", "by_sender", "by_field", "by_month"):
        assert sum(row["people"] for row in ctx[key]) == total, key
    assert sum(doc["people"] for doc in ctx["documents"]) == total
    assert sum(s["heads"] for s in ctx["secondments"]) == total


def test_totals_follow_the_records() -> None:
    a = make("a", number="10/QĐ-UBND", secondments=[
        {"person": "Nguyễn Văn Khải", "from_unit": "Sở Tài chính", "to_unit": "Ủy ban nhân dân xã Tân Phong",
         "position": "lĩnh vực tài chính", "start": "2025-09-03", "end": "2025-11-03"},
        {"person": "Trần Thị Mai Hương", "from_unit": "Phòng Kế toán, Sở Tài chính", "to_unit": "UBND xã Tân Phong",
         "position": "Tài chính", "start": "2025-09-03", "end": "2025-11-03"}])
    b = make("b", number="11/CV-UBND", doc_type="official_dispatch", issued="2025-09-20", secondments=[
        {"kind": "reinforcement", "count": 12, "from_unit": "Sở Y tế", "to_unit": "Ủy ban nhân dân phường Tô Hiệu",
         "start": "2025-10-01"}])
    ctx = _summary([a, b])
    assert ctx["total_people"] == 14
    assert ctx["total_docs"] == 2
    communes = {row["label"]: row["people"] for row in ctx["by_commune"]}
    assert communes == {"xã Tân Phong": 2, "phường Tô Hiệu": 12}
    assert {row["label"]: row["people"] for row in ctx["by_sender"]} == {"Sở Tài chính": 2, "Sở Y tế": 12}
    assert {row["label"]: row["people"] for row in ctx["by_field"]}["Tài chính"] == 2
    assert [row["key"] for row in ctx["by_month"]] == ["2025-09", "2025-10"]
    assert ctx["named_people"] == 2


def test_a_file_and_its_scan_count_once_from_the_better_copy() -> None:
    people = [{"person": "Lò Văn Pấng", "to_unit": "xã Mường Khoa"}]
    born = make("qd-01", secondments=people)
    scan = make("qd-01.scan", secondments=people, pages=[("ocr", 0.91)])
    other = make("qd-02", issuer="Ủy ban nhân dân xã Nậm Lầu", secondments=people)  # same number, other issuer
    groups = merge_copies([scan.to_dict(), born.to_dict(), other.to_dict()])
    assert len(groups) == 2
    best, copies = groups[0]
    assert best["source"]["file_name"] == "qd-01.pdf"
    assert len(copies) == 2
    ctx = _summary([scan, born])
    assert ctx["total_docs"] == 1 and ctx["copies"] == 1 and ctx["total_people"] == 1
    assert ctx["documents"][0]["files"] == ["qd-01.pdf", "qd-01.scan.pdf"]


def test_an_extension_counts_the_person_once_and_only_the_new_end_is_due() -> None:
    first = make("first", number="245/QĐ-SNV", issued="2025-09-08", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
         "start": "2025-09-08", "end": "2025-11-08"}])
    extension = make("ext", number="61/QĐ-SNV", issued="2025-11-01", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
         "start": "2025-11-08", "end": "2026-02-08"}])
    ctx = _summary([first, extension], today=date(2025, 11, 1))
    assert ctx["total_people"] == 1
    assert ctx["ending_soon"] == []  # the first period ends in 7 days, but it was extended
    assert ctx["repeated_people"][0]["times"] == 2
    assert len(ctx["all_secondments"]) == 2


def test_ending_soon_uses_stated_or_derived_ends_within_the_window() -> None:
    rec = make("end", secondments=[
        {"person": "A Sử", "to_unit": "xã Pa Tần", "start": "2025-08-01", "end": "2025-10-25"},
        {"person": "Bùi Văn Hải", "to_unit": "xã Pa Tần", "start": "2025-08-20", "duration_months": 2},
        {"person": "Đỗ Thị Ánh", "to_unit": "xã Pa Tần", "start": "2025-08-01", "end": "2025-12-31"},
        {"person": "Hồ Văn Tâm", "to_unit": "xã Pa Tần", "start": "2025-06-01", "end": "2025-10-01"}])
    ctx = _summary([rec], today=date(2025, 10, 20), ending_within=10)
    due = [(s["person"], s["days_left"], s["end_derived"]) for s in ctx["ending_soon"]]
    assert due == [("Bùi Văn Hải", 0, True), ("A Sử", 5, False)]


def test_commune_filter_counts_only_secondments_there() -> None:
    rec = make("mixed", secondments=[
        {"person": "A", "to_unit": "Ủy ban nhân dân xã Tân Phong"},
        {"person": "B", "to_unit": "Ủy ban nhân dân xã Tân Phong"},
        {"person": "C", "to_unit": "Ủy ban nhân dân phường Tô Hiệu"}])
    ctx = _summary([rec], selection=Selection(commune="tan phong"))
    assert ctx["total_people"] == 2
    assert [row["label"] for row in ctx["by_commune"]] == ["xã Tân Phong"]
    assert "tan phong" in ctx["selection_text"]


def test_cited_documents_missing_from_the_archive() -> None:
    plan = make("plan", number="215/KH-UBND", doc_type="plan", issued="2025-09-12")
    refs = [{"number": "215/KH-UBND", "doc_type": "plan"}, {"number": "388/BC-SNV", "doc_type": "report"},
            {"number": "170/2025/NĐ-CP", "doc_type": "decree"}]
    a = make("a", number="1/CV", references=refs)
    b = make("b", number="2/CV", references=refs[1:2])
    ctx = _summary([a, b], archive_numbers={number_key(plan.document.number)})
    assert [(c["number"], c["cited_by"]) for c in ctx["missing_refs"]] == [("388/BC-SNV", ["1/CV", "2/CV"])]
    assert [c["number"] for c in ctx["missing_legal"]] == ["170/2025/NĐ-CP"]


def test_number_keys_ignore_case_spacing_and_diacritics() -> None:
    assert number_key("1335/UBND-NC") == number_key(" 1335 / ubnd-nc")
    assert number_key("170/2025/NĐ-CP") == number_key("170/2025/ND-CP")
    assert number_key(None) is None


def test_a_weak_fact_on_a_good_page_is_named() -> None:
    record = make("weak")
    record.document.evidence["number"].confidence = 0.42
    warnings = document_context(record.to_dict(), "vi")["warnings"]
    assert any("số ký hiệu" in w and "42%" in w for w in warnings)
    number_row = next(h for h in document_context(record.to_dict(), "vi")["header"] if h["field"] == "number")
    assert number_row["low_confidence"]


def test_lead_says_only_what_the_record_knows() -> None:
    record = make("vague", subject="Về việc điều động công chức", secondments=[{"kind": "transfer"}])
    lead = document_context(record.to_dict(), "vi")["lead_parts"]
    assert not lead["sends"]  # no people and no place: the subject says more than a bare verb
    assert lead["subject"] == "Về việc điều động công chức"


def test_a_lead_says_how_many_are_decided_where_the_list_read_holds_fewer() -> None:
    """A photocopy lost a row of a decision's list of ten: the lead said "biệt phái 9 người"
    (a tester's), the warning below it ten. It says both, marked, in either language."""
    people = [{"person": f"Người Thứ {c}", "status": "decided", "to_unit": "xã Mường Khoa"} for c in "ABCDEFGHI"]
    record = make("short", secondments=people)
    plain = document_context(record.to_dict(), "vi")["lead_parts"]["clauses"][0]
    assert "9 người" in plain and "10" not in plain
    record.warnings.append("the document decides 10 công chức but only 9 are read by name: a row of its list "
                           "may be lost; check the list")
    vi = document_context(record.to_dict(), "vi")["lead_parts"]["clauses"][0]
    assert "10 người (chỉ đọc được tên 9 người ⚠)" in vi
    assert "10 people (9 read by name ⚠)" in document_context(record.to_dict(), "en")["lead_parts"]["clauses"][0]
    # another clause of the document (what it asks) keeps its own count
    asked = make("asked", secondments=[{**people[0], "status": "requested"}])
    asked.warnings.append(record.warnings[-1])
    assert "10" not in document_context(asked.to_dict(), "vi")["lead_parts"]["clauses"][0]


def test_the_legal_texts_cited_are_listed_by_year_then_number() -> None:
    """A tester found the summary's footnote of laws and decrees in no visible order (80/2025,
    170/2025, 72/2025, 06/2024: as often cited): by year, then number."""
    refs = [{"number": n, "doc_type": "law"} for n in ("80/2025/QH15", "170/2025/NĐ-CP", "72/2025/QH15")]
    a = make("a", number="1/CV", references=refs + [{"number": "06/2024/TT-BNV", "doc_type": "circular"}])
    b = make("b", number="2/CV", references=refs[:1])
    ctx = _summary([a, b], archive_numbers=set())
    assert [c["number"] for c in ctx["missing_legal"]] == ["06/2024/TT-BNV", "72/2025/QH15", "80/2025/QH15",
                                                           "170/2025/NĐ-CP"]


def test_the_roster_is_by_the_places_names_not_their_level_words() -> None:
    """A tester found the list of people by destination in no visible order (`phường Tô Hiệu`,
    `xã Mường Khoa`, by the level word first): by the place's own name."""
    rec = make("r", secondments=[
        {"person": "Lò Văn A", "to_unit": "Ủy ban nhân dân phường Tô Hiệu"},
        {"person": "Lò Văn B", "to_unit": "Ủy ban nhân dân xã Mường Khoa"},
        {"person": "Lò Văn C", "to_unit": "Ủy ban nhân dân xã Ta Leng"}])
    ctx = _summary([rec])
    assert [r["who"] for r in ctx["roster"]] == ["Lò Văn B", "Lò Văn C", "Lò Văn A"]


def test_a_summary_names_what_a_report_reports_on() -> None:
    """A report's 64 beside a request for the same 64 read as 64 more (a tester's): its line
    names the document it reports on."""
    request = make("req", number="1418/UBND-NC", doc_type="official_dispatch",
                   secondments=[{"count": 64, "status": "requested", "to_unit": "37 xã, phường"}])
    report = make("rep", number="402/BC-SNV", doc_type="report",
                  secondments=[{"count": 64, "status": "reported", "refers_to": "1418/UBND-NC",
                                "to_unit": "37 xã, phường"}])
    lines = {line["status"]: line for line in _summary([request, report])["not_counted"]}
    assert lines["reported"]["documents"] == ["402/BC-SNV về 1418/UBND-NC"]
    assert lines["requested"]["documents"] == ["1418/UBND-NC"]
    en = {line["status"]: line for line in _summary([request, report], lang="en")["not_counted"]}
    assert en["reported"]["documents"] == ["402/BC-SNV on 1418/UBND-NC"]


def test_a_signers_title_in_running_text_keeps_its_abbreviations() -> None:
    """`PHÓ CHỦ TỊCH UBND` was written `Phó chủ tịch ubnd` (a reviewer's, in the spreadsheet)."""
    from dispatch_reader.briefs.document import title_case

    assert title_case("PHÓ CHỦ TỊCH UBND") == "Phó Chủ tịch UBND"
    assert title_case("TRƯỞNG PHÒNG TCCB") == "Trưởng phòng TCCB"
    assert title_case("PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") == "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    assert title_case("GIÁM ĐỐC") == "Giám đốc" and title_case("Phó Giám đốc") == "Phó Giám đốc"


def _extension_pair():
    first = make("first", number="245/QĐ-SNV", issued="2025-09-08", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
         "start": "2025-09-08", "end": "2025-11-08", "position": "Địa chính - xây dựng"},
        {"person": "Lữ Thị Hoa", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
         "start": "2025-09-08", "end": "2025-11-08", "position": "Văn hóa - xã hội"}])
    extension = make("ext", number="61/QĐ-SNV", issued="2025-11-01", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa", "action": "extend",
         "start": "2025-11-08", "end": "2026-02-08"}])
    return first, extension


def test_an_extended_person_stays_with_the_sending_that_sent_them() -> None:
    """A tester found two people of a decision counted under the decision extending them: the
    sending's document showed 8 of its 10, the people as sent in March (the extension's start),
    in no field (the extension names none)."""
    ctx = _summary(list(_extension_pair()), today=date(2026, 1, 20))
    assert ctx["total_people"] == 2
    (pang,) = [r for r in ctx["roster"] if r["person"] == "Lò Văn Pấng"]
    assert (pang["start"], pang["end_date"], pang["field"]) == ("2025-09-08", "2026-02-08", "Địa chính - xây dựng")
    assert pang["doc_text"] == "245/QĐ-SNV, gia hạn: 61/QĐ-SNV"
    assert [(d["document"]["number"], d["people"], d["other_text"]) for d in ctx["documents"]] == [
        ("245/QĐ-SNV", 2, ""), ("61/QĐ-SNV", 0, "gia hạn 1")]
    assert [(r["label"], r["people"]) for r in ctx["by_month"]] == [("tháng 9/2025", 2)]
    assert [s["person"] for s in ctx["ending_soon"]] == ["Lò Văn Pấng"]  # by the extension's end, 08/02/2026
    md = BriefWriter(Path("/tmp"), "md", "en", today=date(2026, 1, 20)).summary_bytes(list(_extension_pair())).decode()
    assert "245/QĐ-SNV, extended by 61/QĐ-SNV" in md
    # a second posting (not an extension) still counts under the later document
    again = make("again", number="70/QĐ-SNV", issued="2025-11-01", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Pa Tần",
         "start": "2025-11-08", "end": "2026-02-08"}])
    ctx = _summary([_extension_pair()[0], again])
    (pang,) = [r for r in ctx["roster"] if r["person"] == "Lò Văn Pấng"]
    assert (pang["doc_text"], pang["start"]) == ("70/QĐ-SNV", "2025-11-08")


def test_an_extension_naming_no_one_adds_no_one_to_its_sending() -> None:
    """`gia hạn … đối với 02 công chức` citing 245/QĐ-SNV: the two are among 245's people already
    (they were added beside them: 4 for 2); an extension citing no sending here still counts."""
    first, _ = _extension_pair()
    extension = make("ext", number="61/QĐ-SNV", issued="2025-11-01", references=[{"number": "245/QĐ-SNV"}],
                     secondments=[{"count": 2, "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
                                   "action": "extend", "start": "2025-11-08", "end": "2026-02-08"}])
    ctx = _summary([first, extension], today=date(2026, 1, 20))
    assert ctx["total_people"] == 2
    assert [(d["document"]["number"], d["people"], d["other_text"]) for d in ctx["documents"]] == [
        ("245/QĐ-SNV", 2, ""), ("61/QĐ-SNV", 0, "gia hạn 2")]
    assert sum(r["people"] for r in ctx["by_commune"]) == 2
    # its sending not in the summary: its two people are at the commune, counted
    assert _summary([extension], today=date(2026, 1, 20))["total_people"] == 2
    # cut to another commune, it adds nothing anywhere
    ctx = _summary([first, extension], today=date(2026, 1, 20), selection=Selection(commune="Pa Tần"))
    assert ctx["total_people"] == 0 and all(d["other_text"] == "" for d in ctx["documents"])


from dispatch_reader.extract.destinations import match_destinations  # noqa: E402


def _count_extension(label: str, number: str, cites: list[dict], count: int, end: str = "2026-05-01",
                     issued: str = "2025-10-15", issuer: str = "Sở Nội vụ tỉnh Lai Châu"):
    return make(label, number=number, issued=issued, issuer=issuer, references=cites,
                secondments=[{"count": count, "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
                              "action": "extend", "start": "2025-11-01", "end": end}])


def _count_sending(label: str = "send", number: str = "10/QĐ-SNV", count: int = 2,
                   issuer: str = "Sở Nội vụ tỉnh Lai Châu", issued: str = "2025-05-01", to: str = "xã Mường Khoa"):
    return make(label, number=number, issued=issued, issuer=issuer, secondments=[
        {"count": count, "from_unit": "Sở Nội vụ", "to_unit": to, "start": "2025-05-01", "end": "2025-11-01"}])


def test_an_extension_naming_no_one_of_all_a_sendings_people_moves_their_end() -> None:
    """A tester: the two were still listed as ending on 01/11/2025, 12 days away, though extended
    to 01/5/2026; and an extension of the extension (`lần 2`, citing the first) counted them again."""
    first = _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV"}], 2)
    second = _count_extension("ext2", "30/QĐ-SNV", [{"number": "20/QĐ-SNV"}], 2, end="2026-11-01",
                              issued="2026-04-15")
    ctx = _summary([_count_sending(), first, second], today=date(2025, 10, 20))
    assert ctx["total_people"] == 2 and ctx["ending_soon"] == []
    (row,) = ctx["roster"]
    assert (row["end_date"], row["doc_text"]) == ("2026-11-01", "10/QĐ-SNV, gia hạn: 20/QĐ-SNV, 30/QĐ-SNV")
    assert [d["other_text"] for d in ctx["documents"]] == ["", "gia hạn 2", "gia hạn 2"]


def test_an_undated_first_extension_is_reached_before_the_one_citing_it() -> None:
    """A reviewer: a first extension whose date and start were not read sorts last, and the
    `lần 2` citing it, met first, counted its two people again (4 for 2)."""
    first = make("ext", number="20/QĐ-SNV", issued=None, issuer="Sở Nội vụ tỉnh Lai Châu",
                 references=[{"number": "10/QĐ-SNV"}],
                 secondments=[{"count": 2, "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa", "action": "extend"}])
    second = _count_extension("ext2", "30/QĐ-SNV", [{"number": "20/QĐ-SNV"}], 2, end="2026-11-01",
                              issued="2026-04-15")
    ctx = _summary([_count_sending(), second, first], today=date(2025, 10, 20))
    assert ctx["total_people"] == 2
    assert [r["end_date"] for r in ctx["roster"]] == ["2026-11-01"]


def test_an_extension_naming_no_one_counts_the_people_its_sending_here_did_not_send() -> None:
    """05 extended of a sending of 02 here: the three others are at the commune too."""
    ctx = _summary([_count_sending(), _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV"}], 5)],
                   today=date(2025, 10, 20))
    assert ctx["total_people"] == 5
    assert [(d["people"], d["other_text"]) for d in ctx["documents"]] == [(2, ""), (3, "gia hạn 2")]
    assert sorted(r["who"] for r in ctx["roster"]) == ["2 người", "3 người"]
    # extending some of them, it cannot say whose end moves: the sending keeps its own
    ctx = _summary([_count_sending(count=4), _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV"}], 2)],
                   today=date(2025, 10, 20))
    assert ctx["total_people"] == 4 and [r["end_date"] for r in ctx["roster"]] == ["2025-11-01"]


def test_a_cited_number_of_another_provinces_body_is_not_the_sending_here() -> None:
    """Sở Nội vụ Lai Châu's extension cites its own 10/QĐ-SNV; the summary holds Sơn La's."""
    son_la = _count_sending(count=1, issuer="Sở Nội vụ tỉnh Sơn La", issued="2025-03-01", to="xã Tân Phong")
    cites = [{"number": "10/QĐ-SNV", "issuer": "Sở Nội vụ tỉnh Lai Châu", "date": "2025-05-01"}]
    ctx = _summary([son_la, _count_extension("ext", "20/QĐ-SNV", cites, 2)], today=date(2025, 10, 20))
    assert ctx["total_people"] == 3
    # its date alone tells them apart too
    ctx = _summary([son_la, _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV", "date": "2025-05-01"}], 2)],
                   today=date(2025, 10, 20))
    assert ctx["total_people"] == 3


@pytest.mark.parametrize("came", [
    "Văn phòng Sở Nội vụ", "Thanh tra Sở Nội vụ", "Kho bạc Nhà nước khu vực VIII", "Ban Dân tộc",
    "Phòng Kinh tế, Sở Tài chính", "Phòng Kinh tế tỉnh", None])
def test_a_move_is_within_a_commune_only_where_both_its_units_are_placed_in_it(came) -> None:
    """A reviewer: a commune receiving someone from `Văn phòng Sở Nội vụ` was taken for a move
    within it (a unit naming no place was taken for the commune's). Only units placed in the
    commune are its own; the rest count as people sent."""
    from dispatch_reader.extract.destinations import match_destinations

    record = make("in", number="91/QĐ-UBND", issuer="Ủy ban nhân dân xã Mường Khoa", secondments=[
        {"kind": "transfer", "person": "Lò Văn Pấng", "from_unit": came,
         "to_unit": "Trung tâm Phục vụ hành chính công xã", "start": "2025-08-04"}])
    match_destinations(record)
    ctx = _summary([record])
    assert ctx["total_people"] == 1 and ctx["not_counted"] == []
    # a province's decision moving a clerk between two units of one commune, both named with it
    record = make("move", number="92/QĐ-UBND", secondments=[
        {"kind": "transfer", "person": "Lý Thị Hằng",
         "from_unit": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã Mường Khoa",
         "to_unit": "Trung tâm Phục vụ hành chính công xã Mường Khoa", "start": "2025-08-04"}])
    match_destinations(record)
    ctx = _summary([record])
    assert ctx["total_people"] == 0
    assert [line["text"] for line in ctx["not_counted"]] == ["Điều động trong xã, phường: 1 người (92/QĐ-UBND)"]


@pytest.mark.parametrize("came", ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND"])
def test_a_communes_own_office_named_alone_in_its_own_decision_is_within_it(came: str) -> None:
    """Since 2025 a commune's offices carry no `xã` (`Phòng Kinh tế`, Decree 150/2025/NĐ-CP): in
    the commune's own decision, moving its clerk from one to another sends nobody; the same
    office in a decision of before 1 July 2025 (a district's office then) still counts."""
    from dispatch_reader.extract.destinations import match_destinations

    def move(issued: str) -> dict:
        record = make("own", number="93/QĐ-UBND", issued=issued, issuer="Ủy ban nhân dân xã Mường Khoa",
                      secondments=[{"kind": "transfer", "person": "Lò Văn Pấng", "from_unit": came,
                                    "to_unit": "Phòng Kinh tế, Hạ tầng và Đô thị", "start": "2025-08-04"}])
        match_destinations(record)
        return record

    ctx = _summary([move("2025-08-01")])
    assert ctx["total_people"] == 0
    assert [line["text"] for line in ctx["not_counted"]] == ["Điều động trong xã, phường: 1 người (93/QĐ-UBND)"]
    assert _summary([move("2025-06-01")])["total_people"] == 1


def test_an_extension_naming_no_one_is_no_other_provinces_or_communes_sending() -> None:
    """A reviewer: Lai Châu's extension citing `10/QĐ-SNV` with no date or province was folded
    into Sơn La's 10/QĐ-SNV (the citing document's province tells them apart); one naming another
    commune than the sending's extends other people."""
    son_la = _count_sending(issuer="Sở Nội vụ tỉnh Sơn La", to="xã Tân Phong")
    extension = _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV", "issuer": "Sở Nội vụ"}], 2)
    for r in (son_la, extension):
        match_destinations(r)
    assert _summary([son_la, extension], today=date(2025, 10, 20))["total_people"] == 4
    lai_chau = _count_sending(to="xã Tân Phong")  # same province, another commune
    match_destinations(lai_chau)
    assert _summary([lai_chau, extension], today=date(2025, 10, 20))["total_people"] == 4


def test_chained_extensions_naming_no_one_count_their_people_once() -> None:
    """A reviewer: 05 extended of a sending of 02, then the 05 extended again citing the first
    extension, counted 8; and a chain whose sending is not here counted 4 for 2."""
    first = _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV"}], 5)
    second = _count_extension("ext2", "30/QĐ-SNV", [{"number": "20/QĐ-SNV"}], 5, issued="2026-04-15")
    assert _summary([_count_sending(), first, second], today=date(2025, 10, 20))["total_people"] == 5
    first = _count_extension("ext", "20/QĐ-SNV", [{"number": "10/QĐ-SNV"}], 2)
    second = _count_extension("ext2", "30/QĐ-SNV", [{"number": "20/QĐ-SNV"}], 2, end="2026-11-01", issued="2026-04-15")
    ctx = _summary([first, second], today=date(2025, 10, 20))
    assert ctx["total_people"] == 2
    assert [r["end_date"] for r in ctx["roster"]] == ["2026-11-01"]


@pytest.mark.parametrize("lang, text", [("vi", "Điều động trong xã, phường: 1 người (90/QĐ-UBND)"),
                                        ("en", "Moved within their commune: 1 person (90/QĐ-UBND)")])
def test_a_move_within_a_commune_extended_is_one_person_moved(lang: str, text: str) -> None:
    from dispatch_reader.extract.destinations import match_destinations

    move = make("move", number="90/QĐ-UBND", issuer="Ủy ban nhân dân xã Mường Khoa", secondments=[
        {"person": "Lý Thị Hằng", "from_unit": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
         "to_unit": "Trung tâm Phục vụ hành chính công xã", "start": "2025-08-04", "end": "2025-11-01"}])
    extension = make("ext", number="120/QĐ-UBND", issued="2025-10-25", issuer="Ủy ban nhân dân xã Mường Khoa",
                     references=[{"number": "90/QĐ-UBND"}], secondments=[
                         {"person": "Lý Thị Hằng", "action": "extend", "start": "2025-11-01", "end": "2026-05-01"}])
    for r in (move, extension):
        match_destinations(r)
    ctx = _summary([move, extension], lang=lang)
    assert ctx["total_people"] == 0
    assert [line["text"] for line in ctx["not_counted"]] == [text.replace(")", ", 120/QĐ-UBND)")]


@pytest.mark.parametrize("issuer", [None, "Ủy ban nhân dân xã Mường Kho"])
def test_an_extension_citing_a_move_within_a_commune_goes_with_it(issuer: str | None) -> None:
    """A reviewer: the extension's issuer unread or misread, it counted as a person sent; it
    cites the move's number."""
    from dispatch_reader.extract.destinations import match_destinations

    move = make("move", number="90/QĐ-UBND", issuer="Ủy ban nhân dân xã Mường Khoa", secondments=[
        {"person": "Lý Thị Hằng", "from_unit": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
         "to_unit": "Trung tâm Phục vụ hành chính công xã", "start": "2025-08-04", "end": "2025-11-01"}])
    extension = make("ext", number="120/QĐ-UBND", issued="2025-10-25", issuer=issuer,
                     references=[{"number": "90/QĐ-UBND"}], secondments=[
                         {"person": "Lý Thị Hằng", "action": "extend", "start": "2025-11-01", "end": "2026-05-01"}])
    for r in (move, extension):
        match_destinations(r)
    assert _summary([move, extension])["total_people"] == 0


def test_a_namesakes_extension_elsewhere_is_not_a_move_within_a_commune() -> None:
    """A reviewer: an extension was taken for a commune's own move by the person's name alone;
    a province's extension of its own Lý Thị Hằng, naming no unit and no place, counts."""
    from dispatch_reader.extract.destinations import match_destinations

    move = make("move", number="90/QĐ-UBND", issuer="Ủy ban nhân dân xã Mường Khoa", secondments=[
        {"person": "Lý Thị Hằng", "from_unit": "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
         "to_unit": "Trung tâm Phục vụ hành chính công xã", "start": "2025-08-04", "end": "2025-11-01"}])
    elsewhere = make("ext", number="61/QĐ-SNV", issued="2025-10-25", issuer="Sở Nội vụ tỉnh Lai Châu",
                     secondments=[{"person": "Lý Thị Hằng", "action": "extend", "start": "2025-11-01",
                                   "end": "2026-05-01"}])
    for r in (move, elsewhere):
        match_destinations(r)
    ctx = _summary([move, elsewhere])
    assert ctx["total_people"] == 1
    assert [line["text"] for line in ctx["not_counted"]] == ["Điều động trong xã, phường: 1 người (90/QĐ-UBND)"]


@pytest.mark.parametrize("lang, step, heading", [
    ("vi", "(61/QĐ-SNV, gia hạn)", "Người có tên trong nhiều văn bản"),
    ("en", "(61/QĐ-SNV, extended)", "People named in more than one document")])
def test_an_extension_is_listed_as_one_not_as_a_second_sending(lang: str, step: str, heading: str) -> None:
    """A tester read two people extended by one decision, listed under "people sent more than
    once", as sent twice: each entry says whether it extends."""
    ctx = _summary(list(_extension_pair()), lang=lang)
    assert [r["step"] for r in ctx["repeated_people"][0]["rows"]] == ["", step[12:-1]]
    for fmt in ("md", "html"):
        text = BriefWriter(Path("/tmp"), fmt, lang, today=date(2025, 10, 20)).summary_bytes(
            list(_extension_pair())).decode()
        assert heading in text
        assert step in text and "(245/QĐ-SNV)" in text
    import io

    import docx

    word = docx.Document(io.BytesIO(BriefWriter(Path("/tmp"), "docx", lang, today=date(2025, 10, 20)).summary_bytes(
        list(_extension_pair()))))
    assert any(step in c.text for t in word.tables for r in t.rows for c in r.cells)


def test_the_summary_is_the_same_whatever_order_the_records_come_in() -> None:
    """`process` hands the records over as their files finish, `summary` as the store lists
    them: the cited document's date came from whichever citing copy came first (a photocopy had
    lost it under a stamp), and the lists' order followed."""
    undated = [{"number": "355/TTr-SNV", "doc_type": "submission"}]
    dated = [{"number": "355/TTr-SNV", "doc_type": "submission", "date": "2025-10-02", "issuer": "Sở Nội vụ"}]
    a = make("a", number="1702/QĐ-UBND", issued="2025-10-08", references=dated)
    b = make("b", number=None, issued="2025-10-07", issuer="Ủy ban nhân dân xã Tân Phong", references=undated)
    c = make("c", number="95/TB-VPUBND", issued="2025-11-12", doc_type="notice")
    forward, backward = _summary([a, b, c]), _summary([c, b, a])
    for ctx in (forward, backward):
        (entry,) = ctx["missing_refs"]
        assert (entry["date"], entry["issuer"]) == ("2025-10-02", "Sở Nội vụ")
        assert entry["cited_by"] == ["b.pdf", "1702/QĐ-UBND"]
    assert [d["record"]["source"]["file_name"] for d in forward["documents"]] == ["b.pdf", "a.pdf", "c.pdf"]
    render = BriefWriter(Path("/tmp"), "md", "vi", today=date(2025, 10, 20)).summary_bytes
    assert render([a, b, c]) == render([c, b, a])


def test_a_document_shows_the_subject_its_surest_copy_read() -> None:
    """A phone photo (read better overall, so the document's best copy) read `TH tăng cường …`
    under the confidence line; the photocopy of the same paper read the subject well."""
    phone = make("phone", pages=[("ocr", 0.86)], subject="TH tăng cường công chức")
    copy = make("copy", pages=[("ocr", 0.82)], subject="Về việc tăng cường công chức")
    phone.document.evidence["subject"].confidence = 0.31
    copy.document.evidence["subject"].confidence = 0.89
    (best, files), = merge_copies([phone.to_dict(), copy.to_dict()])
    assert best["source"]["file_name"] == "phone.pdf"
    assert best["document"]["subject"] == "Về việc tăng cường công chức"
    assert _summary([phone, copy])["documents"][0]["document"]["subject"] == "Về việc tăng cường công chức"
    # read well enough by the best copy, or no better by another: the best copy's own stays
    copy.document.evidence["subject"].confidence = 0.5
    assert merge_copies([phone.to_dict(), copy.to_dict()])[0][0]["document"]["subject"] == "TH tăng cường công chức"
    phone.document.evidence["subject"].confidence = 0.85
    copy.document.evidence["subject"].confidence = 0.95
    assert merge_copies([phone.to_dict(), copy.to_dict()])[0][0]["document"]["subject"] == "TH tăng cường công chức"


def test_bodies_of_several_provinces_are_told_apart() -> None:
    """A tester found the Home Affairs departments of three provinces counted as one `Sở Nội
    vụ`, and the documents' issuer column saying `Sở Nội vụ` with no province."""
    a = make("a", number="245/QĐ-SNV", issuer="Sở Nội vụ", secondments=[
        {"person": "Lữ Thị Hoa", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa"}])
    b = make("b", number="1468/SNV-XDCQ", issuer="Sở Nội vụ", doc_type="official_dispatch", secondments=[
        {"person": "Lò Văn Thắm", "from_unit": "Sở Nội vụ", "to_unit": "xã Tân Phong"},
        {"person": "Vũ Thị Lan Anh", "from_unit": "Sở Nội vụ tỉnh Sơn La", "to_unit": "xã Tân Phong"}])
    b.document.place = "Sơn La"
    ctx = _summary([a, b])
    assert sorted((r["label"], r["people"]) for r in ctx["by_sender"]) == [
        ("Sở Nội vụ (Lai Châu)", 1), ("Sở Nội vụ (Sơn La)", 1), ("Sở Nội vụ tỉnh Sơn La", 1)]
    assert sorted(d["issuer_text"] for d in ctx["documents"]) == ["Sở Nội vụ (Lai Châu)", "Sở Nội vụ (Sơn La)"]
    md = BriefWriter(Path("/tmp"), "md", "vi", today=date(2025, 10, 20)).summary_bytes([a, b]).decode()
    assert "| Sở Nội vụ (Sơn La) |" in md
    assert "| | **Tổng cộng** | | | | **3** | |" in md  # the documents' table totals as the html and Word ones
    # one province: as printed
    one = _summary([a])
    assert [r["label"] for r in one["by_sender"]] == ["Sở Nội vụ"] and one["documents"][0]["issuer_text"] == "Sở Nội vụ"


def test_a_sendings_person_is_taken_from_the_copy_that_read_it_surer() -> None:
    """The phone photo (the best copy) read `Sting Thị Mỷ` under the confidence line; the
    photocopy of the same decision read `Sùng Thị Mỷ` surely. A sending is the same in both
    when its destination and period are."""
    def copy(label: str, pages: float, names: list[tuple[str, float]]):
        rec = make(label, pages=[("ocr", pages)], secondments=[
            {"person": n, "to_unit": f"Ủy ban nhân dân xã {place}", "start": "2025-09-08", "end": "2026-03-08"}
            for (n, _), place in zip(names, ("Khun Há", "Tủa Sín Chải"))])
        for s, (_, conf) in zip(rec.secondments, names):
            s.evidence.confidence = conf
        return rec

    phone = copy("phone", 0.93, [("Sting Thị Mỷ", 0.45), ("Vàng Seo Chín", 0.93)])
    photocopy = copy("photocopy", 0.90, [("Sùng Thị Mỷ", 0.81), ("Vàng Seo Chứ", 0.45)])
    (best, _), = merge_copies([phone.to_dict(), photocopy.to_dict()])
    assert best["source"]["file_name"] == "phone.pdf"
    # the weak reading is replaced by the sure one; a sure reading is kept against a weak one
    assert [s["person"] for s in best["secondments"]] == ["Sùng Thị Mỷ", "Vàng Seo Chín"]
    # the row keeps its ⚠: its unit and period were read as weakly as the name was
    roster = _summary([phone, photocopy])["roster"]
    assert [(r["person"], r["needs_check"]) for r in roster] == [("Sùng Thị Mỷ", True), ("Vàng Seo Chín", False)]
    # a translation or a press report is no reading of the same words
    photocopy.language = "en"
    (best, files), = merge_copies([phone.to_dict(), photocopy.to_dict()])
    assert len(files) == 2 and [s["person"] for s in best["secondments"]] == ["Sting Thị Mỷ", "Vàng Seo Chín"]
    # no surer copy: as read, and marked
    alone = _summary([phone])["roster"]
    assert [(r["person"], r["needs_check"]) for r in alone] == [("Sting Thị Mỷ", True), ("Vàng Seo Chín", False)]


def test_extensions_fold_whatever_they_leave_out_and_however_the_summary_is_cut() -> None:
    """A reviewer's cases: an extension that names neither body nor place, documents of another
    province beside it, a summary for one commune, and an extension whose sending is out of the
    selection."""
    sending = make("s", number="245/QĐ-SNV", issuer="Sở Nội vụ", issued="2025-09-08", secondments=[
        {"person": "Lò Văn Pấng", "from_unit": "Sở Nội vụ", "to_unit": "xã Mường Khoa",
         "start": "2025-09-08", "end": "2025-11-08"}])
    extension = make("e", number="61/QĐ-SNV", issuer="Sở Nội vụ", issued="2025-11-01", secondments=[
        {"person": "Lò Văn Pấng", "action": "extend", "start": "2025-11-08", "end": "2026-05-08"}])
    extension.document.place = None  # its province is not known from it
    other = make("o", number="1468/SNV-XDCQ", issuer="Sở Nội vụ", issued="2025-10-28", doc_type="official_dispatch",
                 secondments=[{"person": "Lò Văn Thắm", "from_unit": "Sở Nội vụ", "to_unit": "xã Tân Phong"}])
    other.document.place = "Sơn La"
    ctx = _summary([sending, extension, other])
    assert ctx["total_people"] == 2
    (pang,) = [r for r in ctx["roster"] if r["person"] == "Lò Văn Pấng"]
    assert (pang["end_date"], pang["doc_text"], pang["body"]) == (
        "2026-05-08", "245/QĐ-SNV, gia hạn: 61/QĐ-SNV", "Sở Nội vụ (Lai Châu)")
    # for one commune, the extension naming no place still moves the sending's end
    ctx = _summary([sending, extension, other], selection=Selection(commune="Mường Khoa"))
    assert [(r["person"], r["end_date"]) for r in ctx["roster"]] == [("Lò Văn Pấng", "2026-05-08")]
    assert ctx["ending_soon"] == []
    # the extension alone (its sending outside the dates asked for) says what it is
    alone = _summary([extension])["roster"]
    assert [r["doc_text"] for r in alone] == ["61/QĐ-SNV, gia hạn"]


def test_one_person_is_one_person_in_english() -> None:
    """A reviewer: an English document brief's row read `1 people`."""
    from dispatch_reader.briefs.formatting import people_n

    record = make("one", secondments=[{"count": 1, "to_unit": "xã Tân Phong", "start": "2025-08-04"}])
    (row,) = document_context(record.to_dict(), "en")["secondments"]
    assert row["who"] == "1 person"
    assert (people_n(1, "en"), people_n(2, "en"), people_n(1, "vi")) == ("1 person", "2 people", "1 người")
