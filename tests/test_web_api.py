"""The JSON API with FastAPI's TestClient, on SQLite and on PostgreSQL: documents, records,
search, people, corrections (history, re-extraction, briefs), upload, summary, users."""

from __future__ import annotations

import json

from web_fixtures import *  # noqa: F401,F403
from web_fixtures import TINY_PDF, Web, make_record, page_text_for

from dispatch_reader.briefs.render import BriefWriter


def test_documents_search_filters_as_the_search_command(web: Web) -> None:
    r = web.client.get("/api/documents", headers=web.auth("reader"))
    assert r.status_code == 200
    assert {h["number"] for h in r.json()["results"]} == {"15/QĐ-UBND", "20/UBND-NC"}
    # a person without diacritics, a commune, a type, dates: the `search` filters
    one = web.client.get("/api/search", params={"person": "tran van binh"}, headers=web.auth("reader")).json()
    assert [h["number"] for h in one["results"]] == ["20/UBND-NC"]
    assert one["results"][0]["matched"] == "person"
    assert [h["number"] for h in web.client.get("/api/documents", params={"commune": "Tủa Thàng"},
                                                 headers=web.auth("reader")).json()["results"]] == ["15/QĐ-UBND"]
    typed = web.client.get("/api/documents", params={"type": "official_dispatch", "from": "1/9/2025"},
                           headers=web.auth("reader")).json()
    assert [h["number"] for h in typed["results"]] == ["20/UBND-NC"]
    first = web.client.get("/api/documents", params={"limit": 1}, headers=web.auth("reader")).json()["results"]
    second = web.client.get("/api/documents", params={"limit": 1, "offset": 1}, headers=web.auth("reader")).json()
    assert [h["number"] for h in first + second["results"]] == ["20/UBND-NC", "15/QĐ-UBND"]  # newest first
    bad = web.client.get("/api/documents", params={"from": "31/2/2025"}, headers=web.auth("reader"))
    assert bad.status_code == 422 and "not a date" in bad.json()["detail"]


def test_document_record_and_people(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    doc = web.client.get(f"/api/documents/{doc_id}", headers=web.auth("reader")).json()
    assert doc["record"]["document"]["number"] == "15/QĐ-UBND"
    assert doc["files"][0]["file_name"] == "qd-15.pdf" and doc["corrections"] == []
    record = web.client.get(f"/api/records/{doc_id}", headers=web.auth("reader")).json()
    assert record["secondments"][0]["to_unit"] == "Ủy ban nhân dân xã Tủa Thàng"
    assert web.client.get("/api/records/99999", headers=web.auth("reader")).status_code == 404
    people = web.client.get("/api/people", params={"name": "Nguyen Thi Chuyen"}, headers=web.auth("reader")).json()
    assert people["count"] == 1 and people["results"][0]["name"] == "Nguyễn Thị Chuyên"
    assert people["results"][0]["events"][0]["document_id"] == doc_id


def test_correction_is_stored_with_history_and_used_everywhere(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    r = web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                        json={"path": "secondments[0].to_unit", "value": "Ủy ban nhân dân xã Pắc Ta"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["correction"]["before"] == "Ủy ban nhân dân xã Tủa Thàng"
    assert body["correction"]["after"] == "Ủy ban nhân dân xã Pắc Ta" and body["correction"]["user"] == "clerk"
    sending = body["record"]["secondments"][0]
    assert sending["to_unit"] == "Ủy ban nhân dân xã Pắc Ta"
    assert sending["to_place"]["name"] == "Xã Pắc Ta"  # matched to the official list again
    # search, the brief and the export see the corrected destination, not the one read
    found = web.client.get("/api/documents", params={"commune": "Pac Ta"}, headers=web.auth("reader")).json()
    assert doc_id in [h["document_id"] for h in found["results"]]
    brief = BriefWriter(web.inbox, fmt="md").document_bytes(web.store.get_by_id(doc_id)).decode()
    assert "Pắc Ta" in brief and "Tủa Thàng" not in brief
    rows = web.store.export_rows("secondments")
    assert any(row.get("to_unit") == "Ủy ban nhân dân xã Pắc Ta" for row in rows)
    summary = web.client.get("/api/summary", params={"format": "md"}, headers=web.auth("reader")).text
    assert "Pắc Ta" in summary and "Tủa Thàng" not in summary
    person = web.client.get("/api/people", params={"name": "Nguyễn Thị Chuyên"}, headers=web.auth("reader")).json()
    assert person["results"][0]["events"][0]["to_unit"] == "Ủy ban nhân dân xã Pắc Ta"
    # a confirmation is history too, and changes nothing
    ok = web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                         json={"path": "document.number", "action": "confirm"})
    assert ok.status_code == 201 and ok.json()["correction"]["after"] == "15/QĐ-UBND"
    history = web.client.get(f"/api/documents/{doc_id}/corrections", headers=web.auth("reader")).json()
    assert [(h["path"], h["action"]) for h in history] == [("document.number", "confirm"),
                                                           ("secondments[0].to_unit", "correct")]


def test_correction_survives_reading_the_file_again(web: Web) -> None:
    doc_id = web.doc_ids["cv-20"]
    for path, value in (("document.subject", "Về việc tăng cường cán bộ"), ("people[0].name", "Trần Văn Bính"),
                        ("counts[0].value", "30")):
        assert web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                               json={"path": path, "value": value}).status_code == 201
    # the file is read again (a new extractor): the same wrong facts, and one more person first
    again = make_record("cv-20", number="20/UBND-NC", doc_type="official_dispatch", issued="2025-09-10",
                        subject="Về việc tăng cường công chức",
                        people=[("Lò Văn Mới", None), ("Trần Văn Bình", "Sở Y tế")])
    web.store.save(again, page_texts=page_text_for(again), extractor_version="test-2")
    assert again.document.subject == "Về việc tăng cường cán bộ"  # what `process` briefs next is corrected too
    record = web.store.get_by_id(doc_id)
    assert record.document.subject == "Về việc tăng cường cán bộ"
    assert [p.name for p in record.people] == ["Lò Văn Mới", "Trần Văn Bính"]  # followed the person, not the index
    assert record.counts[0].value == 30
    assert not [w for w in record.warnings if "not applied" in w]


def test_wrong_corrections_are_refused(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    url = f"/api/documents/{doc_id}/corrections"
    for payload in ({"path": "source.sha256", "value": "x"}, {"path": "people[7].name", "value": "x"},
                    {"path": "secondments[0].evidence.quote", "value": "x"}, {"path": "counts[0].value", "value": "many"},
                    {"path": "secondments[0].start", "value": "31/2/2025"}, {"path": "secondments[0].status", "value": "maybe"}):
        r = web.client.post(url, headers=web.auth("clerk"), json=payload)
        assert r.status_code == 422, (payload, r.text)
    assert web.client.post("/api/documents/99999/corrections", headers=web.auth("clerk"),
                           json={"path": "document.number", "value": "1"}).status_code == 404
    assert web.client.get(url, headers=web.auth("reader")).json() == []  # nothing half-stored


def test_upload_goes_into_the_inbox_under_a_safe_name(web: Web) -> None:
    files = [("file", ("../../x.pdf", TINY_PDF, "application/pdf")),
             ("file", ("..\\..\\Quyết định.pdf", TINY_PDF, "application/pdf"))]
    r = web.client.post("/api/upload", headers=web.auth("clerk"), files=files)
    assert r.status_code == 202, r.text
    assert [f["name"] for f in r.json()["files"]] == ["x.pdf", "Quyết định.pdf"]
    assert sorted(p.name for p in web.inbox.iterdir()) == ["Quyết định.pdf", "x.pdf"]
    assert not (web.inbox.parent.parent / "x.pdf").exists()
    # the same name again gets a free one; nothing is replaced
    again = web.client.post("/api/upload", headers=web.auth("clerk"), files=[("file", ("x.pdf", TINY_PDF))])
    assert again.json()["files"][0]["name"] == "x (2).pdf"
    for name, data in (("notes.txt", TINY_PDF), ("scan.pdf", b"MZ\x90\x00 not a pdf"), ("empty.pdf", b"")):
        refused = web.client.post("/api/upload", headers=web.auth("clerk"), files=[("file", (name, data))])
        assert refused.status_code == 422, name
    assert len(list(web.inbox.iterdir())) == 3  # no temporary file left behind
    status = web.client.get("/api/inbox", headers=web.auth("reader")).json()
    assert sorted(f["name"] for f in status["arrived"]) == ["Quyết định.pdf", "x (2).pdf", "x.pdf"]


def test_inbox_lists_while_the_watcher_moves_a_file(web: Web, monkeypatch) -> None:
    """The watcher takes files out of the inbox while it is listed: a file the listing saw may be
    gone when its size is asked. The listing leaves it out; it does not answer 500."""
    import os

    from dispatch_reader.web import inbox as inbox_module

    web.inbox.mkdir(parents=True, exist_ok=True)
    for name in ("stays.pdf", "moved.pdf"):
        (web.inbox / name).write_bytes(TINY_PDF)
    real_scandir = os.scandir

    class Racing:
        """scandir whose entries were read before the watcher moved moved.pdf away."""

        def __init__(self, folder):  # noqa: ANN001
            with real_scandir(folder) as it:
                self.entries = list(it)
            if any(e.name == "moved.pdf" for e in self.entries):
                (web.inbox / "moved.pdf").unlink()

        def __enter__(self):  # noqa: ANN204
            return iter(self.entries)

        def __exit__(self, *exc) -> None:  # noqa: ANN002
            return None

    monkeypatch.setattr(inbox_module.os, "scandir", Racing)
    r = web.client.get("/api/inbox", headers=web.auth("reader"))
    assert r.status_code == 200, r.text
    assert [f["name"] for f in r.json()["arrived"]] == ["stays.pdf"]


def test_summary_json_and_brief(web: Web) -> None:
    data = web.client.get("/api/summary", params={"today": "2025-10-20", "lang": "en"},
                          headers=web.auth("reader"))
    assert data.status_code == 200, data.text
    text = json.dumps(data.json(), ensure_ascii=False)
    assert "Tủa Thàng" in text and "Pắc Ta" in text
    html = web.client.get("/api/summary", params={"format": "html", "from": "1/9/2025"}, headers=web.auth("reader"))
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "Pắc Ta" in html.text and "Tủa Thàng" not in html.text


def test_tokens_users_and_docs(web: Web) -> None:
    token = web.client.post("/api/tokens", headers=web.auth("reader")).json()["token"]
    assert web.client.get("/api/me", headers={"Authorization": f"Token {token}"}).json() == {
        "name": "reader", "role": "reader"}
    assert web.client.post("/api/users", headers=web.auth("clerk"),
                           json={"name": "hoa", "role": "clerk", "password": "x" * 10}).status_code == 403
    assert web.client.post("/api/users", headers=web.auth("admin"),
                           json={"name": "hoa", "role": "clerk", "password": "x" * 10}).status_code == 201
    assert {"name": "hoa", "role": "clerk"} in web.client.get("/api/users", headers=web.auth("admin")).json()
    spec = web.client.get("/api/openapi.json", headers=web.auth("reader")).json()
    for path in ("/api/documents", "/api/records/{doc_id}", "/api/search", "/api/people", "/api/upload",
                 "/api/documents/{doc_id}/corrections", "/api/summary"):
        assert path in spec["paths"], path
    docs = web.client.get("/api/docs", headers=web.auth("reader"))
    assert docs.status_code == 200 and "/api/documents/{doc_id}/corrections" in docs.text


def test_browser_session_on_this_database(web: Web) -> None:
    """The form login, a session write with its CSRF token and the logout, on SQLite and PostgreSQL."""
    from web_fixtures import login

    csrf = login(web.client, "clerk")
    doc_id = web.doc_ids["qd-15"]
    r = web.client.post(f"/documents/{doc_id}/corrections", follow_redirects=False,
                        data={"path": "secondments[0].end", "value": "3/12/2025", "csrf_token": csrf})
    assert r.status_code == 303
    assert web.store.get_by_id(doc_id).secondments[0].end == "2025-12-03"
    assert web.client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    assert web.client.get("/api/me").status_code == 401


def test_a_correction_holds_for_every_copy_of_the_document(web: Web) -> None:
    """A scan of qd-15 joins its document; a correction made on the page holds whichever copy
    ranks first, and a corrected number keeps the copies together in one document."""
    scan = make_record("qd-15-scan", pages=2)  # same number, date and issuer: the same document
    doc_id = web.doc_ids["qd-15"]
    assert web.store.save(scan, page_texts=page_text_for(scan), extractor_version="test") == doc_id
    r = web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                        json={"path": "secondments[0].to_unit", "value": "Ủy ban nhân dân xã Pắc Ta"})
    assert r.status_code == 201
    records = [rec for _f, rec in web.store.file_records(doc_id)]
    assert len(records) == 2 and {rec.secondments[0].to_unit for rec in records} == {"Ủy ban nhân dân xã Pắc Ta"}
    history = web.client.get(f"/api/documents/{doc_id}/corrections", headers=web.auth("reader")).json()
    assert len(history) == 1  # one correction, however many copies
    moved = web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                            json={"path": "document.number", "value": "16/QĐ-UBND"}).json()
    new_id = moved["document_id"]
    assert moved["record"]["document"]["number"] == "16/QĐ-UBND"
    assert [f.file_name for f in web.store.files(new_id)] == ["qd-15.pdf", "qd-15-scan.pdf"]
    assert web.client.get(f"/api/documents/{new_id}/corrections", headers=web.auth("reader")).json()[0]["after"] == \
        "16/QĐ-UBND"


def test_a_copy_arriving_after_a_correction_gets_it(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    assert web.client.post(f"/api/documents/{doc_id}/corrections", headers=web.auth("clerk"),
                           json={"path": "people[0].position", "value": "Phó Trưởng phòng"}).status_code == 201
    scan = make_record("qd-15-scan", pages=2)
    assert web.store.save(scan, page_texts=page_text_for(scan), extractor_version="test") == doc_id
    assert scan.people[0].position == "Phó Trưởng phòng"
    assert {rec.people[0].position for _f, rec in web.store.file_records(doc_id)} == {"Phó Trưởng phòng"}
    assert len(web.client.get(f"/api/documents/{doc_id}/corrections", headers=web.auth("reader")).json()) == 1


def test_people_merge_and_split(web: Web) -> None:
    people = web.client.get("/api/people", headers=web.auth("reader")).json()["results"]
    refs = {p["name"]: p["ref"] for p in people}
    a, b = refs["Nguyễn Thị Chuyên"], refs["Trần Văn Bình"]
    merged = web.client.post("/api/people/merge", headers=web.auth("clerk"), json={"a": a, "b": b})
    assert merged.status_code == 200 and merged.json()["action"] == "merge"
    one = web.client.get("/api/people", params={"name": "Trần Văn Bình"}, headers=web.auth("reader")).json()
    assert one["count"] == 1 and one["results"][0]["document_count"] == 2
    assert web.client.post("/api/people/split", headers=web.auth("clerk"), json={"a": a, "b": b}).status_code == 200
    again = web.client.get("/api/people", params={"name": "Trần Văn Bình"}, headers=web.auth("reader")).json()
    assert again["results"][0]["document_count"] == 1
    bad = web.client.post("/api/people/merge", headers=web.auth("clerk"), json={"a": a, "b": "Nobody@999"})
    assert bad.status_code == 422


def test_an_admin_removes_a_user_and_their_tokens_end(web: Web) -> None:
    assert web.client.delete("/api/users/clerk", headers=web.auth("clerk")).status_code == 403
    assert web.client.delete("/api/users/admin", headers=web.auth("admin")).status_code == 422
    assert web.client.delete("/api/users/clerk", headers=web.auth("admin")).status_code == 204
    assert web.client.get("/api/me", headers=web.auth("clerk")).status_code == 401
    assert web.client.delete("/api/users/clerk", headers=web.auth("admin")).status_code == 404
