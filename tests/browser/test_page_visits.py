"""The visits the generic page checks share (explainer_checks.browser.explainer_visits) see what those
checks look for: their positive control, on three small pages made to fail them."""

from __future__ import annotations

from pathlib import Path

from explainer_checks.browser import _read_every_page
from explainer_checks.plugin import serve

PAGES = {
    "": "<script>console.error('logged on purpose')</script><p>An error in the console.</p>",
    "foreign/": "<img src='http://foreign.invalid/pixel.png' alt='A pixel'><p>A request to another host.</p>",
    "unnamed/": "<img src='/nowhere.png'><p>A picture without a text alternative.</p>",
    # What a page does after its load event, once a response it fetched has come (as Material does with
    # its sitemap): a visit waits for the network to be idle, so it sees it.
    "late/": "<script>addEventListener('load', () => fetch('/late.txt').then(answer => answer.text()).then(() =>"
    " { console.error('logged late'); new Image().src = 'http://foreign.invalid/late.png'; }))</script>"
    "<p>A request and an error after the page has loaded.</p>",
}


def test_a_visit_records_requests_script_errors_and_axe_findings(browser, axe_source: str, tmp_path: Path) -> None:
    for path, body in PAGES.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(
            f"<!doctype html><html lang='en'><head><title>{path or 'home'}</title></head>"
            f"<body data-md-color-scheme='default'><main><h1>A page</h1>{body}</main></body></html>",
            encoding="utf-8",
        )
    (tmp_path / "late.txt").write_text("late", encoding="utf-8")
    server = serve(tmp_path)
    url = next(server)
    try:
        home, foreign, unnamed, late = _read_every_page(browser, "light", url, list(PAGES), axe_source)
    finally:
        server.close()
    assert [visit.path for visit in (home, foreign, unnamed, late)] == list(PAGES)
    assert home.shown_scheme == "default"
    assert any("logged on purpose" in error for error in home.errors)
    assert not any("logged on purpose" in error for error in foreign.errors + unnamed.errors)
    assert "http://foreign.invalid/pixel.png" in foreign.requested
    assert not any("foreign.invalid" in url for url in home.requested + unnamed.requested)
    assert any("logged late" in error for error in late.errors)
    assert "http://foreign.invalid/late.png" in late.requested
    assert [violation.split(" ")[0] for violation in unnamed.violations] == ["image-alt"]
    assert home.violations == foreign.violations == late.violations == []
