"""The web page as people use it, in a real headless Chromium (Debian's package, driven by
Playwright through executable_path: nothing is downloaded), against `dispatch-reader serve`:
log in, drop a scan on the inbox, watch it arrive and be stored, open it, click a fact and see
its words highlighted on the page, correct a destination, see the brief change, download the
PDF, log out; a reader cannot correct (403)."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest

from web_server import CHROMIUM, USERS, Server, run_cli, start

from playwright import sync_api as playwright_api  # the test extra; drives Debian's chromium

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SCAN = SAMPLES / "qd-biet-phai-01.scan.pdf"
NEW_PLACE = "Ủy ban nhân dân xã Tả Phìn"

if not Path(CHROMIUM).exists():  # make installs it (APT_PACKAGES); never skipped in CI, where make ran
    pytest.fail(f"{CHROMIUM} is missing: run `make` (Debian package chromium)", pytrace=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Server:
    srv = start(tmp_path_factory.mktemp("web"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def _login(page, server: Server, name: str) -> None:
    page.goto(server.url + "/documents")
    assert "/login" in page.url  # no page without a login
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", USERS[name][1])
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/documents"))


def _drop(page, path: Path) -> None:
    """Drop a file on the drop zone as a browser does: a `drop` event carrying it."""
    data = base64.b64encode(path.read_bytes()).decode()
    page.evaluate("""([name, b64]) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, {type: "application/pdf"}));
        const zone = document.getElementById("dropzone");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", [path.name, data])


def _wait_loaded(page, image, seconds: float = 60) -> None:
    """Until the page image is decoded (rendered on demand the first time)."""
    for _ in range(int(seconds * 4)):
        if image.evaluate("img => img.complete && img.naturalWidth > 0"):
            return
        page.wait_for_timeout(250)
    raise AssertionError("the page image did not load")


def _placed(page) -> tuple[float, float]:
    """(left, top) of the first highlight as fractions of its page image (scrolling aside)."""
    left, top = page.locator("#page-1 .sheet .hl").first.evaluate(
        "el => [parseFloat(el.style.left), parseFloat(el.style.top)]")
    return left / 100, top / 100


def _pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def test_a_clerk_uploads_reads_corrects_and_downloads(server: Server, browser) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    _login(page, server, "lan")

    # drop the scan on the inbox and watch it arrive, be read and stored
    page.goto(server.url + "/inbox")
    _drop(page, SCAN)
    page.wait_for_selector(f"#upload-log li.ok:has-text('{SCAN.name}')", timeout=30_000)
    stored = page.locator(f".inbox-stored li[data-name='{SCAN.name}'] a")
    stored.wait_for(timeout=120_000)  # OCR of two pages on a busy machine

    # open it: the document page with its page images and its facts
    stored.click()
    page.wait_for_url(re.compile(r"/documents/\d+$"))
    doc_url = page.url
    assert "1587/QĐ-UBND" in page.locator("h1").inner_text()
    image = page.locator("#page-1 img")
    image.wait_for()
    _wait_loaded(page, image)

    # click the number: its words are highlighted on page 1, in the upper left where it is printed
    assert page.locator(".sheet .hl").count() == 0
    page.click("tr.fact[data-path='document.number'] th")
    highlight = page.locator("#page-1 .sheet .hl")
    assert highlight.count() == 1
    box, img = highlight.bounding_box(), image.bounding_box()
    rel_x = (box["x"] + box["width"] / 2 - img["x"]) / img["width"]
    rel_y = (box["y"] + box["height"] / 2 - img["y"]) / img["height"]
    assert 0.1 < rel_x < 0.5 and 0.05 < rel_y < 0.2, (rel_x, rel_y)
    # a name is highlighted lower down, in the body
    page.click("tr.fact[data-path='people[0].name'] th")
    person = _placed(page)
    assert person[1] > 0.3
    # a sending's destination shows its own words: on the line below the name, to its right
    page.click("tr.fact[data-path='secondments[0].to_unit'] th")
    dest = _placed(page)
    assert dest[1] > person[1] + 0.01 and dest[0] > person[0]

    # the brief before the correction does not name the new place
    brief = page.frame_locator("#brief-frame")
    assert NEW_PLACE not in brief.locator("body").inner_text()

    # correct the first sending's destination
    row = page.locator("tr.fact[data-path='secondments[0].to_unit']")
    before = row.locator(".shown").inner_text()
    row.locator("th").click()
    row.locator("details.fix summary").click()
    row.locator("form.correct-form input[name=value]").fill(NEW_PLACE)
    row.locator("button[value=correct]").click()
    page.wait_for_url(re.compile(r"/documents/\d+"))
    row = page.locator("tr.fact[data-path='secondments[0].to_unit']")
    assert NEW_PLACE in row.locator(".shown").inner_text()
    assert row.locator(".corrected-mark").count() == 1
    first = page.locator("#history tbody tr").first
    history = first.inner_text()
    # the fact is named as the page names it; its path stays in the cell's title
    assert "lan" in history and "Mục 1" in history and NEW_PLACE in history
    assert first.locator("td[title='secondments[0].to_unit']").count() == 1
    assert before.split(" → ")[0] in history  # the value before is kept

    # the brief in the page now names the corrected place
    page.frame_locator("#brief-frame").locator(f"text={NEW_PLACE.split('xã ')[-1]}").first.wait_for()

    # download the PDF brief: a PDF with the corrected place in it
    with page.expect_download() as info:
        page.click("#brief-pdf")
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    assert "Tả Phìn" in _pdf_text(data)

    # log out: the pages need a login again
    page.click("#logout")
    page.wait_for_url(re.compile(r"/login"))
    page.goto(doc_url)
    assert "/login" in page.url
    context.close()


def test_a_reader_sees_no_correction_form_and_is_refused(server: Server, browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    _login(page, server, "minh")
    page.goto(server.url + "/documents")
    if page.locator("table.documents a").count() == 0:  # run alone: store a document the way `process` does
        run_cli(server.env, "process", str(SAMPLES / "qd-biet-phai-01.pdf"), "--out", str(server.inbox.parent / "briefs"))
        page.reload()
    page.locator("table.documents a").first.click()
    page.wait_for_url(re.compile(r"/documents/\d+$"))
    assert page.locator("form.correct-form").count() == 0
    doc_id = page.url.rsplit("/", 1)[1]
    # the form's post, made anyway with the reader's session and a good CSRF token: 403
    status = page.evaluate("""async (docId) => {
        const csrf = document.querySelector('meta[name="csrf-token"]').content;
        const body = new URLSearchParams({csrf_token: csrf, path: "document.number", value: "1/QĐ-X", action: "correct"});
        const form = await fetch(`/documents/${docId}/corrections`, {method: "POST", body, headers: {"Accept": "text/html"}});
        const api = await fetch(`/api/documents/${docId}/corrections`, {method: "POST",
            headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
            body: JSON.stringify({path: "document.number", value: "1/QĐ-X", action: "correct"})});
        return [form.status, api.status];
    }""", doc_id)
    assert status == [403, 403]
    # and the drop zone is not offered to a reader
    page.goto(server.url + "/inbox")
    assert page.locator("#dropzone").count() == 0
    context.close()
