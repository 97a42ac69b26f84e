"""Screenshots of every page for the README: `.venv/bin/python tests/web_screenshots.py [OUT]`
(default docs/). Starts `dispatch-reader serve` on a free port over a fresh store, uploads some
samples and a blank page through the inbox, corrects one fact, and photographs each page in
Debian's headless Chromium. Not a test: nothing is asserted beyond the pages loading."""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

import httpx
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_server import CHROMIUM, USERS, start  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
UPLOADS = ["qd-biet-phai-01.scan.pdf", "qd-biet-phai-01.pdf", "cv-tang-cuong-office-01.scan.pdf", "qd-gia-han-01.pdf"]
VIEW = {"width": 1400, "height": 950}


def _blank_pdf() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1240, 1754), "white").save(out, format="PDF", resolution=150)
    return out.getvalue()


def _upload_all(url: str) -> None:
    auth = ("lan", USERS["lan"][1])
    for name in UPLOADS:
        with (SAMPLES / name).open("rb") as fh:
            httpx.post(f"{url}/api/upload", auth=auth, files={"file": (name, fh, "application/pdf")},
                       timeout=60).raise_for_status()
    httpx.post(f"{url}/api/upload", auth=auth, files={"file": ("trang-trang.pdf", _blank_pdf(), "application/pdf")},
               timeout=60).raise_for_status()
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        status = httpx.get(f"{url}/api/inbox", auth=auth, timeout=10).json()
        done = len(status["stored"]) + len(status["failed"]) + len(status["duplicates"])
        if done >= len(UPLOADS) + 1 and not status["arrived"] and not status["processing"]:
            return
        time.sleep(1)
    raise SystemExit("the uploads were not all read within 10 minutes")


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = start(Path(tmp))
        try:
            _upload_all(server.url)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
                page = browser.new_page(viewport=VIEW)
                page.goto(server.url + "/login")
                page.fill("input[name=username]", "lan")
                page.screenshot(path=str(out / "web-login.png"))
                page.fill("input[name=password]", USERS["lan"][1])
                page.click("form button[type=submit]")
                page.wait_for_url("**/documents")
                page.screenshot(path=str(out / "web-documents.png"))
                page.goto(server.url + "/documents?person=nguyen van khai")
                page.screenshot(path=str(out / "web-documents-search.png"))
                page.goto(server.url + "/inbox")
                page.screenshot(path=str(out / "web-inbox.png"))
                # the scan of 1587/QĐ-UBND: correct its second destination, then show a fact highlighted
                page.goto(server.url + "/documents?number=1587")
                page.locator("table.documents a").first.click()
                page.wait_for_load_state("networkidle")
                row = page.locator("tr.fact[data-path='secondments[1].position']")
                row.locator("th").click()
                row.locator("details.fix summary").click()
                row.locator("form.correct-form input[name=value]").fill("phụ trách lĩnh vực ngân sách xã")
                row.locator("button[value=correct]").click()
                page.wait_for_load_state("networkidle")
                page.click("tr.fact[data-path='people[0].name'] th")
                page.wait_for_timeout(800)
                page.evaluate("window.scrollTo(0, 0)")
                page.locator(".pages").evaluate("el => el.scrollTo(0, 0)")
                page.locator("#page-1 .sheet .hl").first.scroll_into_view_if_needed()
                page.screenshot(path=str(out / "web-document.png"))
                page.locator("#history").scroll_into_view_if_needed()
                page.screenshot(path=str(out / "web-document-history.png"))
                page.goto(server.url + "/people")
                page.locator("tr.person details summary").first.click()
                page.screenshot(path=str(out / "web-people.png"))
                page.goto(server.url + "/summary?today=25/10/2025&ending_within=30")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=str(out / "web-summary.png"))
                browser.close()
        finally:
            server.stop()
    for shot in sorted(out.glob("web-*.png")):
        print(shot)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "docs")
