"""The HTML pages (documents, document, inbox, people, summary) through FastAPI's TestClient, on
SQLite and PostgreSQL: what each shows, its filters, its forms, who may use them."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from web_fixtures import *  # noqa: F401,F403
from web_fixtures import Web, login, make_record, page_text_for

from dispatch_reader.store.models import File

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(autouse=True)
def _cache(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Page images and the source index under the test's folder, not the user's cache."""
    for name in ("web", "web_sqlite"):
        if name in request.fixturenames:
            request.getfixturevalue(name).app.state.settings.cache_dir = tmp_path / "cache"


def _get(web: Web, role: str, url: str, status: int = 200):
    r = web.client.get(url, headers=web.auth(role))
    assert r.status_code == status, (url, r.status_code, r.text[-500:])
    return r


def test_documents_list_filters_as_search_does(web: Web) -> None:
    page = _get(web, "reader", "/documents").text
    assert "15/QĐ-UBND" in page and "20/UBND-NC" in page
    # a person without diacritics finds the document that names her
    page = _get(web, "reader", "/documents?person=nguyen thi chuyen").text
    assert "15/QĐ-UBND" in page and "20/UBND-NC" not in page
    # commune, type and dates narrow it as `search` does
    assert "20/UBND-NC" in _get(web, "reader", "/documents?commune=Pac Ta").text
    assert "15/QĐ-UBND" not in _get(web, "reader", "/documents?commune=Pac Ta").text
    page = _get(web, "reader", "/documents?doc_type=official_dispatch&date_from=1/9/2025&date_to=30/9/2025").text
    assert "20/UBND-NC" in page and "15/QĐ-UBND" not in page
    assert 'value="1/9/2025"' in page  # the filters stay filled in
    # a date that cannot be read: one line that says so, in the page
    bad = web.client.get("/documents?date_from=31/2/2025", headers=web.auth("reader"))
    assert bad.status_code == 422 and "31/2/2025" in bad.text and "<table" not in bad.text


def test_copies_of_one_document_are_one_row(web: Web) -> None:
    scan = make_record("qd-15-scan")  # the same number, issuer and date: a copy (a scan) of qd-15
    web.store.save(scan, page_texts=page_text_for(scan), extractor_version="test")
    page = _get(web, "reader", "/documents").text
    rows = re.findall(r'<tr data-document-id="(\d+)"', page)
    assert len(rows) == 2  # two documents, three files
    assert "qd-15.pdf" in page and "qd-15-scan.pdf" in page and "2 bản" in page


def test_document_page_lists_facts_with_paths_and_marks(web: Web) -> None:
    doc_id = web.doc_ids["cv-20"]
    page = _get(web, "clerk", f"/documents/{doc_id}").text
    for path in ("document.number", "document.issuer", "document.issued_date", "secondments[0].to_unit",
                 "secondments[0].start", "people[0].name", "counts[0].value"):
        assert f'data-path="{path}"' in page, path
    assert "Ủy ban nhân dân xã Pắc Ta" in page
    # correct and confirm forms for a clerk, posting to the corrections route with the CSRF field
    assert page.count('class="correct-form"') >= 7 and 'name="csrf_token"' in page
    # a reader sees the facts but no form
    reader = _get(web, "reader", f"/documents/{doc_id}").text
    assert 'data-path="document.number"' in reader and "correct-form" not in reader
    assert _get(web, "reader", "/documents/99999", 404)


def test_a_fact_read_with_low_confidence_is_marked(web: Web) -> None:
    record = make_record("low", number="77/QĐ-UBND")
    record.document.evidence["number"].confidence = 0.41
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")
    page = _get(web, "reader", f"/documents/{doc_id}").text
    row = re.search(r'<tr class="fact([^"]*)"[^>]*data-path="document.number".*?</tr>', page, re.S)
    assert row and "check" in row.group(1)
    assert "cần kiểm tra" in row.group(0) and "41%" in row.group(0)
    other = re.search(r'<tr class="fact([^"]*)"[^>]*data-path="document.issuer".*?</tr>', page, re.S)
    assert other and "check" not in other.group(1)
    # the heading marks the number (not the date), a whole percent shown (a crossed figure's
    # 0.4499 read `44,99%`, a figure no reading gives)
    heading = re.search(r'<h1 class="doc-title">(.*?)</h1>', page, re.S).group(1)
    assert re.search(r"77/QĐ-UBND\s*<span class=\"check-sign\"", heading) and heading.count("check-sign") == 1
    record = make_record("crossed", number="78/QĐ-UBND")
    record.document.evidence["number"].confidence = 0.4499
    page = _get(web, "reader", f"/documents/{web.store.save(record, page_texts=page_text_for(record), extractor_version='test')}").text
    row = re.search(r'<tr class="fact([^"]*)"[^>]*data-path="document.number".*?</tr>', page, re.S)
    assert "45%" in row.group(0) and "44,99" not in row.group(0)
    plain = _get(web, "reader", f"/documents/{web.doc_ids['cv-20']}").text
    assert "check-sign" not in plain
    # the number and the date apart, marked or not (the mark's block ate the space once)
    for html in (page, plain):
        title = re.sub(r"<[^>]+>", "", re.search(r'<h1 class="doc-title">(.*?)</h1>', html, re.S).group(1))
        assert re.search(r"[\w⚠] +— ", title), title


def test_the_receiving_stamp_is_shown_marked_with_no_correction_form(web: Web) -> None:
    """The brief had a row for the receiving office's stamp and the document page none: it has
    one now, to be checked, without the correction form a single fact carries."""
    from dispatch_reader.record import Evidence, Received

    record = make_record("stamped", number="78/QĐ-UBND")
    record.document.received = Received(evidence=Evidence(page=1, quote="CÔNG VĂN ĐẾN 3992", confidence=0.9),
                                        number="3992", date="2025-11-23", forwarded_to="P. Nội vụ")
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")
    page = _get(web, "clerk", f"/documents/{doc_id}").text
    row = re.search(r'<tr class="fact([^"]*)"[^>]*data-path="document.received".*?</tr>', page, re.S)
    assert row and "check" in row.group(1) and "số đến 3992, 23/11/2025, chuyển P. Nội vụ" in row.group(0)
    assert "correct-form" not in row.group(0)
    number = re.search(r'<tr class="fact[^"]*"[^>]*data-path="document.number".*?</tr>', page, re.S)
    assert "correct-form" in number.group(0) and "3992" not in number.group(0)


def test_a_correction_shows_marked_in_history_and_in_the_brief(web: Web) -> None:
    doc_id = web.doc_ids["cv-20"]
    csrf = login(web.client, "clerk")
    done = web.client.post(f"/documents/{doc_id}/corrections", data={
        "csrf_token": csrf, "path": "secondments[0].to_unit", "value": "Ủy ban nhân dân xã Tả Phìn",
        "action": "correct", "next": f"/documents/{doc_id}"}, follow_redirects=False)
    assert done.status_code == 303, done.text
    page = web.client.get(f"/documents/{doc_id}").text
    row = re.search(r'<tr class="fact([^"]*)"[^>]*data-path="secondments\[0\].to_unit".*?</tr>', page, re.S)
    assert "corrected" in row.group(1) and "Tả Phìn" in row.group(0) and "đã sửa" in row.group(0)
    history = page.split('id="history"', 1)[1]
    assert "secondments[0].to_unit" in history and "Pắc Ta" in history and "Tả Phìn" in history
    brief = web.client.get(f"/documents/{doc_id}/brief.html")
    assert brief.status_code == 200 and "Tả Phìn" in brief.text
    # the brief shown inside the page: framed by our page only, with no script
    assert "frame-ancestors 'self'" in brief.headers["content-security-policy"]
    assert "script-src" not in brief.headers["content-security-policy"]


def test_brief_downloads(web: Web) -> None:
    doc_id = web.doc_ids["qd-15"]
    pdf = _get(web, "reader", f"/documents/{doc_id}/brief.pdf")
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf.headers["content-disposition"]
    docx = _get(web, "reader", f"/documents/{doc_id}/brief.docx")
    assert docx.content.startswith(b"PK") and docx.headers["content-disposition"].endswith('.docx"')
    html = _get(web, "reader", f"/documents/{doc_id}/brief.html?download=1")
    assert "15/QĐ-UBND" in html.text and "attachment" in html.headers["content-disposition"]
    # named by the whole number, its slash no folder's (was `qd-ubnd.html`)
    assert html.headers["content-disposition"].endswith('filename="15-qd-ubnd.html"')
    _get(web, "reader", f"/documents/{doc_id}/brief.exe", 404)


def test_html_in_a_subject_is_shown_as_text(web: Web) -> None:
    record = make_record("xss", number="66/QĐ-UBND", subject='Về việc <script>alert("x")</script> biệt phái')
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")
    for url in ("/documents", f"/documents/{doc_id}"):
        page = _get(web, "reader", url).text
        assert "<script>alert" not in page and "&lt;script&gt;alert" in page, url


def test_page_images_are_rendered_from_the_archived_file(web_sqlite: Web, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.pipeline import process_file
    from dispatch_reader.web import pages_documents

    monkeypatch.setattr(pages_documents, "REWALK", 0.0)  # look again at once after the copy below

    web = web_sqlite
    pdf = SAMPLES / "qd-biet-phai-01.pdf"
    outcome = process_file(pdf, web.store)
    assert outcome.status == "done"
    doc_id = web.store.find_ids(outcome.record.source.sha256)[0]
    file_id = web.store.files(doc_id)[0].id
    url = f"/documents/{doc_id}/files/{file_id}/pages/1.png?w=400"
    # not in the watch folders: the page says so, the image is a 404
    page = _get(web, "reader", f"/documents/{doc_id}").text
    assert "Không hiển thị được trang" in page and "lệnh process" in page and url.split("?")[0] not in page
    _get(web, "reader", url, 404)
    # archived as the watcher archives it: found by its SHA-256, rendered, served as PNG
    archive = web.inbox / "archive" / "2025" / "09"
    archive.mkdir(parents=True)
    shutil.copy(pdf, archive / "scan0001.pdf")
    page = _get(web, "reader", f"/documents/{doc_id}").text
    assert url.split("?")[0] in page
    # the facts carry their word boxes (schema 3): the number's box is in the upper left
    boxes = re.search(r'data-path="document.number" data-page="1" data-boxes="([^"]+)"', page).group(1)
    x0, top, x1, bottom = [float(v) for v in re.findall(r"[\d.]+", boxes)[:4]]
    assert x1 < 0.5 and bottom < 0.2
    image = _get(web, "reader", url)
    assert image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).width == 400
    assert list((tmp_path / "cache" / "pages").rglob("*.png"))  # cached
    _get(web, "reader", f"/documents/{doc_id}/files/{file_id}/pages/9.png", 404)
    _get(web, "reader", f"/documents/{doc_id}/files/999/pages/1.png", 404)


def test_inbox_lists_what_arrived_and_failed(web: Web) -> None:
    (web.inbox / "failed").mkdir(parents=True)
    (web.inbox / "failed" / "hong.pdf").write_bytes(b"%PDF-1.4 broken")
    (web.inbox / "failed" / "hong.pdf.error.txt").write_text("hong.pdf: damaged PDF: no pages\n", "utf-8")
    (web.inbox / "moi-den.pdf").write_bytes(b"%PDF-1.4\n")
    page = _get(web, "clerk", "/inbox").text
    assert 'id="dropzone"' in page and "/static/inbox.js" in page
    assert 'data-name="moi-den.pdf"' in page.split('data-list="arrived"')[1].split("</section>")[0]
    failed = page.split('data-list="failed"')[1].split("</section>")[0]
    assert "hong.pdf" in failed and "damaged PDF: no pages" in failed
    part = _get(web, "reader", "/inbox?part=lists").text
    assert part.lstrip().startswith('<div class="inbox-lists"') and "<html" not in part
    assert 'id="dropzone"' not in _get(web, "reader", "/inbox").text  # a reader cannot upload


def test_people_page_and_merge(web: Web) -> None:
    page = _get(web, "reader", "/people?name=tran van binh").text
    assert "Trần Văn Bình" in page and "20/UBND-NC" in page and "Nguyễn Thị Chuyên" not in page
    assert "merge-split" not in page  # a reader gets no form
    csrf = login(web.client, "clerk")
    a = f"Trần Văn Bình@#{web.doc_ids['cv-20']}"
    b = f"Nguyễn Thị Chuyên@#{web.doc_ids['qd-15']}"
    done = web.client.post("/people/override", data={"csrf_token": csrf, "action": "merge", "a": a, "b": b},
                           follow_redirects=False)
    assert done.status_code == 303
    assert [o["action"] for o in web.store.person_overrides()] == ["merge"]
    # no CSRF token: refused
    assert web.client.post("/people/override", data={"action": "split", "a": a, "b": b}).status_code == 403
    # a reader is refused even with a token in hand
    reader = web.client.post("/people/override", data={"action": "split", "a": a, "b": b}, headers=web.auth("reader"))
    assert reader.status_code == 403


def test_summary_page_with_filters_and_ending_soon(web: Web) -> None:
    page = _get(web, "reader", "/summary?today=25/10/2025&ending_within=30").text
    ending = page.split('id="ending-soon"')[1].split("</section>")[0]
    # qd-15's sending ends 3/11/2025: within 30 days of 25/10/2025, linked to its document
    assert "Nguyễn Thị Chuyên" in ending and f'href="/documents/{web.doc_ids["qd-15"]}"' in ending
    assert "Trần Văn Bình" not in ending  # ends 1/4/2026
    assert 'src="/summary/brief.html?ending_within=30&amp;today=25%2F10%2F2025"' in page
    brief = _get(web, "reader", "/summary/brief.html?today=25/10/2025&commune=Pac Ta")
    assert "Pắc Ta" in brief.text
    pdf = _get(web, "reader", "/summary/brief.pdf?date_from=1/8/2025")
    assert pdf.content.startswith(b"%PDF")
    bad = web.client.get("/summary?ending_within=abc", headers=web.auth("reader"))
    assert bad.status_code == 422 and "abc" in bad.text


def test_pages_in_english(web: Web) -> None:
    page = _get(web, "reader", "/documents?lang=en").text
    assert "Name (diacritics optional)" in page and "Decision" in page
    doc = _get(web, "reader", f"/documents/{web.doc_ids['qd-15']}?lang=en").text
    assert "Facts read" in doc and "Sendings" in doc


def test_a_summary_is_computed_once_for_its_page_brief_and_downloads(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.web import pages_summary, summary_data

    calls = []
    real = summary_data.summary_context
    monkeypatch.setattr(summary_data, "summary_context", lambda *a, **k: calls.append(1) or real(*a, **k))
    query = "today=25/10/2025&commune=Tua Thang"
    _get(web, "reader", f"/summary?{query}")
    brief = _get(web, "reader", f"/summary/brief.html?{query}")
    pdf = _get(web, "reader", f"/summary/brief.pdf?{query}")
    assert "Tủa Thàng" in brief.text and pdf.content.startswith(b"%PDF")
    assert len(calls) == 1
    _get(web, "reader", "/summary?today=25/10/2025&commune=Pac Ta")  # other filters: computed
    assert len(calls) == 2
    # a large store opened without filters starts with the last months, and says so
    monkeypatch.setattr(pages_summary, "LARGE_STORE", 1)
    page = _get(web, "reader", "/summary").text
    assert 'id="limited"' in page and "90 ngày" in page
    assert 'id="limited"' not in _get(web, "reader", "/summary?date_from=").text  # asked for the whole store


def test_people_of_a_large_store_are_searched_by_name(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    from dispatch_reader.web import pages_people

    monkeypatch.setattr(pages_people, "LARGE_STORE", 1)
    page = _get(web, "reader", "/people").text
    assert 'id="ask-name"' in page and "Nguyễn Thị Chuyên" not in page
    assert "Nguyễn Thị Chuyên" in _get(web, "reader", "/people?name=chuyen").text
    assert "Nguyễn Thị Chuyên" in _get(web, "reader", "/people?everyone=1").text


def test_warnings_are_shown_in_the_readers_language(web: Web) -> None:
    record = make_record("warned", number="88/QĐ-UBND")
    record.warnings = ["destination 'xã Pac Ta' read as 'xã Pắc Ta' (OCR correction)"]
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")
    vi = _get(web, "reader", f"/documents/{doc_id}").text
    # escaped quotes; a sentence, as the brief tells it
    assert "Nơi đến &#39;xã Pac Ta&#39; đọc thành &#39;xã Pắc Ta&#39; (sửa lỗi OCR)" in vi
    en = _get(web, "reader", f"/documents/{doc_id}?lang=en").text
    assert "read as" in en and "đọc thành" not in en
    # a page read badly is told once, as in the brief
    record = make_record("weak", number="89/QĐ-UBND")
    record.source.pages[0].ocr_confidence = 0.46
    record.source.pages[0].method = "ocr"
    record.warnings = ["page 1: low OCR confidence 0.46 (below 0.70); check the text"]
    doc_id = web.store.save(record, page_texts=page_text_for(record), extractor_version="test")
    en = _get(web, "reader", f"/documents/{doc_id}?lang=en").text
    assert "below 0.70" not in en
