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


# -- findings 5 and 6: inbox links by SHA-256; reasons whole and in the reader's language ---------

def _inbox_page(web: Web, lang: str = "vi") -> str:
    from web_fixtures import login

    login(web.client, "reader")
    return web.client.get("/inbox", params={"part": "lists", "lang": lang}).text


def _li(html: str, section: str, name: str) -> str:
    part = html[html.index(f'data-list="{section}"'):]
    part = part[:part.index("</section>")]
    start = part.index(f'<li data-name="{name}"')
    return part[start:part.index("</li>", start)]


def test_inbox_links_stored_and_duplicate_files_by_their_sha256_not_their_name(web_sqlite: Web) -> None:
    import hashlib

    web = web_sqlite
    content = b"%PDF-1.4 the file stored as doc five\n"
    five = make_record("five", number="5/QĐ-UBND")
    five.source.sha256 = hashlib.sha256(content).hexdigest()
    five_id = web.store.save(five, page_texts=page_text_for(five), extractor_version="test")
    archived = web.inbox / "archive" / "2025" / "09" / "x.pdf"
    archived.parent.mkdir(parents=True)
    archived.write_bytes(content)
    # later another file dropped as x.pdf repeats qd-15: a duplicate under the same name
    qd15 = web.store.get_by_id(web.doc_ids["qd-15"])
    dup = web.inbox / "duplicates" / "x.pdf"
    dup.parent.mkdir(parents=True)
    dup.write_bytes(b"%PDF-1.4 a copy of qd-15\n")
    (dup.parent / "x.pdf.duplicate.txt").write_text(
        f"x.pdf repeats stored document {web.doc_ids['qd-15']} (qd-15.pdf, number: 15/QĐ-UBND, doc_type: decision, "
        f"issued_date: 2025-08-04).\n\nreceived: 2026-11-30T13:00:00+00:00\nsha256: {qd15.source.sha256}\n", "utf-8")
    html = _inbox_page(web)
    assert f'href="/documents/{five_id}"' in _li(html, "stored", "x.pdf")
    dup_li = _li(html, "duplicates", "x.pdf")
    assert f'href="/documents/{web.doc_ids["qd-15"]}"' in dup_li
    # the duplicate's reason in Vietnamese, without the note's English keys
    assert "15/QĐ-UBND" in dup_li and "doc_type" not in dup_li and "issued_date" not in dup_li
    api = web.client.get("/api/inbox", headers=web.auth("reader")).json()
    assert "path" not in api["stored"][0]  # the server's folders stay private


def test_failure_reasons_are_shown_whole(web_sqlite: Web) -> None:
    web = web_sqlite
    failed = web.inbox / "failed"
    failed.mkdir(parents=True)
    (failed / "broken: half.pdf").write_bytes(b"%PDF-1.4\n")
    (failed / "broken: half.pdf.error.txt").write_text(
        "broken: half.pdf: truncated PDF: the file ends before its end marker\n\nreceived: 2026-11-30T13:00:00+00:00\n"
        "sha256: " + "0" * 64 + "\n", "utf-8")
    (failed / "scan (2).pdf").write_bytes(b"%PDF-1.4\n")
    (failed / "scan (2).pdf.error.txt").write_text("scan.pdf: not a PDF: no header\n", "utf-8")
    html = _inbox_page(web)
    assert "truncated PDF: the file ends before its end marker" in _li(html, "failed", "broken: half.pdf")
    assert "half.pdf: truncated" not in html
    assert "not a PDF: no header" in _li(html, "failed", "scan (2).pdf")
    reasons = {i["name"]: i["reason"] for i in web.client.get("/api/inbox", headers=web.auth("reader")).json()["failed"]}
    assert reasons["broken: half.pdf"] == "truncated PDF: the file ends before its end marker"


# -- finding 7 (and 13's upload words): a multi-file upload says what became of each file ---------

def test_a_multi_file_upload_with_a_refused_file_says_which_were_saved(web_sqlite: Web) -> None:
    from web_fixtures import TINY_PDF

    web = web_sqlite
    files = [("file", ("a.pdf", TINY_PDF, "application/pdf")), ("file", ("empty.pdf", b"", "application/pdf")),
             ("file", ("b.pdf", TINY_PDF, "application/pdf"))]
    r = web.client.post("/api/upload", files=files, headers=web.auth("clerk"))
    assert r.status_code == 207, r.text
    body = r.json()
    assert [f["name"] for f in body["files"]] == ["a.pdf", "b.pdf"]
    assert body["refused"] == [{"name": "empty.pdf", "reason": "empty file (0 bytes)", "status": 422}]
    assert sorted(p.name for p in web.inbox.iterdir() if p.is_file()) == ["a.pdf", "b.pdf"]
    # every file refused: 422, nothing saved, each reason given
    r = web.client.post("/api/upload", files=[("file", ("c.pdf", b"", "application/pdf")),
                                              ("file", ("d.txt", b"hello", "text/plain"))], headers=web.auth("clerk"))
    assert r.status_code == 422
    assert [f["name"] for f in r.json()["refused"]] == ["c.pdf", "d.txt"] and r.json()["files"] == []
    # one file alone, as before
    r = web.client.post("/api/upload", files=[("file", ("e.pdf", TINY_PDF, "application/pdf"))], headers=web.auth("clerk"))
    assert r.status_code == 202 and r.json() == {"files": [{"name": "e.pdf", "size": len(TINY_PDF)}]}


def test_the_inbox_page_words_upload_refusals_in_its_language(web_sqlite: Web) -> None:
    import html as html_lib
    import json
    import re

    from web_fixtures import login

    login(web_sqlite.client, "clerk")
    page = web_sqlite.client.get("/inbox", params={"lang": "vi"}).text
    reasons = json.loads(html_lib.unescape(re.search(r'data-reasons="([^"]*)"', page).group(1)))
    assert reasons["empty file (0 bytes)"] == "tệp rỗng (0 byte)"


# -- finding 9: a sending's destination lights up the destination's cell, never the name ----------

def test_a_list_tables_destination_cell_is_found_though_it_prints_only_the_place() -> None:
    from dispatch_reader.extract.wordboxes import attach_boxes
    from dispatch_reader.ingest.pages import PageText, Word
    from dispatch_reader.record import Evidence, Secondment

    cells = ["4", "Sùng", "Thị", "My", "Sở", "Y", "tế", "Xã", "Khun", "Há"]
    words = [Word(text, 40.0 * i + 10, 100, 40.0 * i + 45, 112, 0.9) for i, text in enumerate(cells)]
    page = PageText(number=1, text=" ".join(cells), method="ocr", width=600.0, height=800.0, words=words)
    record = make_record("table")
    ev = Evidence(page=1, quote="Sùng Thị My", start=2)
    record.secondments = [Secondment(kind="secondment", evidence=ev, person="Sùng Thị My", from_unit="Sở Y tế",
                                     to_unit="Ủy ban nhân dân xã Khun Há")]
    record.people = []
    attach_boxes(record, [page])
    parts = record.secondments[0].evidence.parts
    x0, _, x1, _ = parts["to_unit"][0]
    assert abs(x0 * 600 - words[7].x0) < 1 and abs(x1 * 600 - words[9].x1) < 1  # "Xã Khun Há", not the name


def test_a_destination_without_its_own_words_does_not_light_up_the_name() -> None:
    from dispatch_reader.web.factview import secondment_items

    data = make_record("cells").to_dict()
    name_box = [0.1, 0.2, 0.3, 0.22]
    data["secondments"][0]["evidence"].update(boxes=[name_box], parts={"person": [name_box]})
    rows = {r.path.rsplit(".", 1)[-1]: r for r in secondment_items(data, "vi", {})[0]}
    assert rows["person"].boxes == [name_box]
    assert rows["to_unit"].boxes == [] and rows["start"].boxes == []


# -- finding 8: a damaged file renamed in whole (an upload) is taken at once, not after max_wait ----

def test_a_file_renamed_in_whole_is_not_kept_waiting_for_an_end_marker(tmp_path) -> None:
    from dispatch_reader.watch.settle import Tracker

    now = [0.0]
    tracker = Tracker(settle=1.0, max_wait=300.0, clock=lambda: now[0])
    uploaded, copied = tmp_path / "garbage.pdf", tmp_path / "still-copying.pdf"
    for f in (uploaded, copied):
        f.write_bytes(b"%PDF-1.4\n%garbage\n")  # no %%EOF: looks cut short
    tracker.see(uploaded, writing=False, whole=True)  # inotify "moved": the upload's rename
    tracker.see(copied, writing=False)  # a writer closed it: it may still be appended to
    now[0] += 1.5
    assert tracker.ready() == [uploaded]  # read (and failed) now, not in 5 minutes
    uploaded.unlink()
    tracker.forget(uploaded)
    now[0] += 300
    assert tracker.ready() == [copied]  # the other only after max_wait, as before


# -- finding 11: after "Lưu" the page comes back to the fact corrected, not to its top --------------

def test_after_a_correction_the_page_comes_back_to_the_fact(web_sqlite: Web) -> None:
    import html as html_lib
    import re

    from web_fixtures import login

    web = web_sqlite
    doc_id = web.doc_ids["qd-15"]
    csrf = login(web.client, "clerk")
    page = web.client.get(f"/documents/{doc_id}").text
    forms = re.findall(r'name="path" value="secondments\[0\]\.end">\s*<input type="hidden" name="next" value="([^"]+)"', page)
    assert forms, "no correct form for secondments[0].end"
    target = html_lib.unescape(forms[0])
    fragment = target.partition("#")[2]
    assert fragment and f'id="{fragment}"' in page  # the place it comes back to exists on the page
    r = web.client.post(f"/documents/{doc_id}/corrections", follow_redirects=False,
                        data={"path": "secondments[0].end", "value": "3/12/2025", "csrf_token": csrf, "next": target})
    assert r.status_code == 303 and r.headers["location"].endswith("#" + fragment)


# -- finding 12 (and 13's history paths): a mistyped correction is said in the reader's words ------

def test_a_mistyped_correction_is_explained_with_a_way_back(web_sqlite: Web) -> None:
    from web_fixtures import login

    web = web_sqlite
    doc_id = web.doc_ids["qd-15"]
    csrf = login(web.client, "clerk")
    r = web.client.post(f"/documents/{doc_id}/corrections", params={"lang": "vi"},
                        data={"path": "secondments[0].start", "value": "31/2/2025", "csrf_token": csrf,
                              "next": f"/documents/{doc_id}#fact-secondments[0].start"})
    assert r.status_code == 422
    assert "không phải là một ngày có thật" in r.text and "4/8/2025" in r.text and "Mục 1 · " in r.text
    assert "secondments[0].start:" not in r.text  # no internal path
    assert f'href="/documents/{doc_id}#fact-secondments[0].start"' in r.text  # a way back
    bad = web.client.post("/people/override", data={"action": "merge", "a": "Không Có Ai@#999", "b": "X@#1",
                                                    "csrf_token": csrf})
    assert bad.status_code == 422 and 'href="/people"' in bad.text and "Không gộp hay tách được" in bad.text


def test_the_history_names_facts_as_the_page_does(web_sqlite: Web) -> None:
    import re

    from web_fixtures import login

    web = web_sqlite
    doc_id = web.doc_ids["qd-15"]
    _correct(web, doc_id, "secondments[0].from_unit", "Sở Tư pháp")
    login(web.client, "reader")
    page = web.client.get(f"/documents/{doc_id}", params={"lang": "vi"}).text
    history = page[page.index('id="history"'):]
    cell = re.search(r'<td title="secondments\[0\]\.from_unit">([^<]*)</td>', history)
    assert cell and cell.group(1).startswith("Mục 1 · ")  # the path only as the cell's tooltip


# -- finding 13: no developer text on the pages ---------------------------------------------------

def test_reading_notes_are_worded_in_vietnamese() -> None:
    from dispatch_reader.messages import localise

    for note in ("page 1: 1 short line(s) of capitalised words (signer's title, name) re-read alone for the marks "
                 "the page reading lost",
                 "page 2: 3 word(s) read again from ink the page reading skipped (a seal or signature taken for a picture)",
                 "page 1: page turned 90° by orientation detection"):
        worded = localise(note, "vi")
        assert worded.startswith("Trang ") and "page" not in worded, worded


def test_pages_are_free_of_developer_text(web_sqlite: Web) -> None:
    from web_fixtures import login

    web = web_sqlite
    login(web.client, "reader")
    en = web.client.get(f"/documents/{web.doc_ids['qd-15']}", params={"lang": "en"}).text
    assert " tr.)" not in en and " 1 p.)" in en  # the file list's page count in English
    assert 'rel="icon"' in en  # no favicon.ico request, no 404 on every page
    docs = web.client.get("/api/docs").text
    assert "<th>?</th>" not in docs and "`" not in docs.split("<tbody>")[1]


# -- finding 16: the VI/EN links keep the page's filters and the copy shown -------------------------

def test_language_links_keep_the_query(web_sqlite: Web) -> None:
    from web_fixtures import login

    web = web_sqlite
    login(web.client, "reader")
    listing = web.client.get("/documents", params={"person": "vang seo chu", "lang": "vi"}).text
    assert 'href="/documents?person=vang+seo+chu&amp;lang=en"' in listing
    doc_id = web.doc_ids["qd-15"]
    file_id = web.store.files(doc_id)[0].id
    page = web.client.get(f"/documents/{doc_id}", params={"file": file_id}).text
    assert f'href="/documents/{doc_id}?file={file_id}&amp;lang=en"' in page
