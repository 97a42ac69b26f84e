"""Fresh-eyes finding 10 in a real headless Chromium (Debian's package, through Playwright's
executable_path; no server: the document page as the app renders it, its own CSS and script
put inline): a click in the middle of a fact's value highlights its words, it does not open the
"Sửa" form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from web_fixtures import *  # noqa: F401,F403
from web_fixtures import Web, login
from web_server import CHROMIUM

from playwright import sync_api as playwright_api

STATIC = Path(__file__).resolve().parents[1] / "dispatch_reader" / "web" / "static"

if not Path(CHROMIUM).exists():  # make installs it (APT_PACKAGES); never skipped in CI, where make ran
    pytest.fail(f"{CHROMIUM} is missing: run `make` (Debian package chromium)", pytrace=False)


def _inline(html: str) -> str:
    for name in ("web.css", "pages.css"):
        html = html.replace(f'<link rel="stylesheet" href="/static/{name}">',
                            f"<style>{(STATIC / name).read_text('utf-8')}</style>")
    html = re.sub(r'<script src="/static/document.js"[^>]*></script>',
                  lambda _m: f"<script>{(STATIC / 'document.js').read_text('utf-8')}</script>", html)
    return re.sub(r"<img [^>]*>", "", html)  # no server for the page images


def test_a_click_in_the_middle_of_a_value_highlights_it(web_sqlite: Web) -> None:
    login(web_sqlite.client, "clerk")  # a clerk: the Sửa/Xác nhận controls are on the page
    doc_id = web_sqlite.doc_ids["qd-15"]
    html = _inline(web_sqlite.client.get(f"/documents/{doc_id}").text)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.set_content(html)
            for path, part in (("dates[0].date", "td.value"), ("dates[0].date", "td.value .shown"),
                               ("document.issued_date", "td.value"), ("secondments[0].to_unit", "td.value .shown")):
                page.evaluate("() => document.querySelectorAll('.fact.active').forEach(r => r.classList.remove('active'))")
                row = page.locator(f'tr.fact[data-path="{path}"]')
                row.scroll_into_view_if_needed()
                box = row.locator(part).bounding_box()  # the middle of the value cell, of the value
                x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
                page.mouse.move(x, y)
                hit = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return e ? e.outerHTML.slice(0, 120) : null; }", [x, y])
                page.mouse.click(x, y)
                assert "active" in (row.get_attribute("class") or ""), (path, hit)  # highlighted
                assert row.locator("details.fix").evaluate("d => d.open") is False, path  # no form opened
            row = page.locator('tr.fact[data-path="dates[0].date"]')
            row.hover()
            row.locator("details.fix summary").click()  # the control itself still opens the form
            assert row.locator("details.fix").evaluate("d => d.open") is True
        finally:
            browser.close()
