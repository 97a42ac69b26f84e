"""The fresh-eyes tester's findings on the web page and API (issue 15), each pinned by a test:
corrections that reach every place of the same fact, marks on the right fact, confirmations
that clear warnings, inbox links by SHA-256, whole and localised reasons, multi-file uploads,
the sending's cells, and the rough edges."""

from __future__ import annotations

from web_fixtures import *  # noqa: F401,F403
from web_fixtures import Web, make_record, page_text_for

from dispatch_reader.briefs.render import BriefWriter


def _correct(web: Web, doc_id: int, path: str, value, action: str = "correct"):
    r = web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                        json={"path": path, "value": value, "action": action})
    assert r.status_code == 201, r.text
    return r.json()


# -- finding 3: a person's name or unit corrected once reaches every place it was read -------------

def test_a_corrected_name_reaches_the_sendings_brief_summary_and_export(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    _correct(web, doc_id, "people[0].name", "Nguyễn Thị Chuyền")
    record = web.store.get_by_id(doc_id)
    assert [p.name for p in record.people] == ["Nguyễn Thị Chuyền"]
    assert [s.person for s in record.secondments] == ["Nguyễn Thị Chuyền"]  # the sending is the same person
    brief = BriefWriter(web.inbox, fmt="md").document_bytes(record).decode()
    assert "Nguyễn Thị Chuyền" in brief and "Nguyễn Thị Chuyên" not in brief
    rows = web.store.export_rows("secondments")
    assert [r["person"] for r in rows if r.get("document_number") == "15/QĐ-UBND"] == ["Nguyễn Thị Chuyền"]
    summary = web.client.get("/api/summary", params={"format": "md"}, headers=web.auth("reader")).text
    assert "Nguyễn Thị Chuyền" in summary and "Nguyễn Thị Chuyên" not in summary


def test_a_corrected_sending_unit_reaches_the_person(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    _correct(web, doc_id, "secondments[0].from_unit", "Sở Y tế")
    record = web.store.get_by_id(doc_id)
    assert record.people[0].unit == "Sở Y tế"
    people = web.client.get("/api/people", params={"name": "Nguyễn Thị Chuyên"}, headers=web.auth("reader")).json()
    assert "Sở Nội vụ" not in str(people["results"])
    # and the other way: a person's unit reaches where their sending comes from
    _correct(web, doc_id, "people[0].unit", "Sở Tư pháp")
    assert web.store.get_by_id(doc_id).secondments[0].from_unit == "Sở Tư pháp"


# -- finding 2: marks and history follow the fact when another copy becomes the best-read one --------

def _sending(person: str, to_unit: str) -> dict:
    return {"person": person, "from_unit": "Sở Nội vụ", "to_unit": to_unit, "start": "2025-09-08", "end": "2026-03-08"}


def test_marks_stay_on_the_corrected_fact_when_another_copy_ranks_first(web: Web) -> None:
    from dispatch_reader.store import corrections

    people = [("Vàng Seo Chứ", "Sở Nội vụ"), ("Lò Văn Pấng", "Sở Nội vụ")]
    chu, pang = _sending("Vàng Seo Chứ", "Ủy ban nhân dân xã Tủa Thàng"), _sending("Lò Văn Pấng", "Ủy ban nhân dân xã Mường Khoa")
    scan = make_record("245-scan", number="245/QĐ-SNV", issued="2025-09-08", pages=2, people=people,
                       secondments=[chu, pang])
    doc_id = web.store.save(scan, page_texts=page_text_for(scan), extractor_version="test")
    _correct(web, doc_id, "secondments[0].to_unit", "Ủy ban nhân dân xã Tủa Sín Chải")
    _correct(web, doc_id, "secondments[1].end", None, action="confirm")
    # the born-digital file arrives, lists Lò Văn Pấng first, and becomes the best-read copy
    digital = make_record("245-digital", number="245/QĐ-SNV", issued="2025-09-08", people=people[::-1],
                          secondments=[pang, chu])
    assert web.store.save(digital, page_texts=page_text_for(digital), extractor_version="test") == doc_id
    assert [f.file_name for f in web.store.files(doc_id)][0] == "245-digital.pdf"
    record = web.store.get_by_id(doc_id)
    assert [(s.person, s.to_unit) for s in record.secondments] == [
        ("Lò Văn Pấng", "Ủy ban nhân dân xã Mường Khoa"), ("Vàng Seo Chứ", "Ủy ban nhân dân xã Tủa Sín Chải")]
    marks = corrections.latest_by_path(web.store, doc_id)
    assert marks["secondments[1].to_unit"].action == "correct"  # Vàng Seo Chứ's, now second
    assert marks["secondments[0].end"].action == "confirm"  # Lò Văn Pấng's, now first
    assert "secondments[0].to_unit" not in marks
    history = web.client.get(f"/api/documents/{doc_id}/corrections", headers=web.auth("reader")).json()
    assert [(h["path"], h["action"]) for h in history] == [("secondments[0].end", "confirm"),
                                                           ("secondments[1].to_unit", "correct")]


# -- finding 4: confirming a low-confidence fact clears its marks on the page and in the brief ------

def test_confirming_a_low_confidence_fact_clears_its_warnings(web: Web) -> None:
    record = make_record("issuer-low", number="31/QĐ-SNV", issuer="Sở Nội vụ tỉnh Lai Châu")
    record.document.evidence["issuer"].confidence = 0.645
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")

    def brief() -> str:
        return BriefWriter(web.inbox, fmt="md", lang="vi").document_bytes(web.store.get_by_id(doc_id)).decode()

    assert "64" in brief() and "⚠" in brief()  # read with low confidence: flagged
    _correct(web, doc_id, "document.issuer", None, action="confirm")
    after = brief()
    assert "64" not in after and "⚠" not in after
    assert web.store.get_by_id(doc_id).document.issuer == "Sở Nội vụ tỉnh Lai Châu"  # the value is kept
    from web_fixtures import login

    login(web.client, "reader")
    html = web.client.get(f"/documents/{doc_id}").text
    row = html[html.index('data-path="document.issuer"') - 80:html.index('data-path="document.issuer"')]
    assert "check" not in row.split('class="fact')[-1].split('"')[0]  # no wavy underline
