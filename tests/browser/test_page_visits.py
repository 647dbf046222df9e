"""The visits the generic page checks share (explainer_checks.browser.explainer_visits) see what those
checks look for: their positive control, on small pages made to fail them, read in both schemes."""

from __future__ import annotations

from pathlib import Path

from explainer_checks.browser import _read_every_page
from explainer_checks.plugin import serve

DARK_ONLY = "@media (prefers-color-scheme: dark) { .faint { color: #444; background: #333; } }"
PAGES = {
    "": "<script>console.error('logged on purpose')</script><p>An error in the console.</p>",
    "foreign/": "<img src='http://foreign.invalid/pixel.png' alt='A pixel'><p>A request to another host.</p>",
    "unnamed/": "<img src='/nowhere.png'><p>A picture without a text alternative.</p>",
    "faint/": f"<style>{DARK_ONLY}</style><p class='faint'>Text too faint to read, in the dark scheme only.</p>",
    "toggles/": "<form data-md-component='palette'><img src='/nowhere.png'></form><p>A toggle without a name.</p>",
}


def rules(visit) -> list[str]:
    return [violation.split(" ")[0] for violation in visit.violations]


def test_a_visit_records_requests_script_errors_and_axe_findings(browser, axe_source: str, tmp_path: Path) -> None:
    for path, body in PAGES.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(
            f"<!doctype html><html lang='en'><head><title>{path or 'home'}</title></head>"
            f"<body data-md-color-scheme='default'><main><h1>A page</h1>{body}</main></body></html>",
            encoding="utf-8",
        )
    server = serve(tmp_path)
    url = next(server)
    try:
        light, dark = (_read_every_page(browser, scheme, url, list(PAGES), axe_source) for scheme in ("light", "dark"))
    finally:
        server.close()
    for visits in (light, dark):
        home, foreign = visits[:2]
        assert [visit.path for visit in visits] == list(PAGES)
        assert home.shown_scheme == "default"
        assert any("logged on purpose" in error for error in home.errors)
        assert not any("logged on purpose" in error for visit in visits[1:] for error in visit.errors)
        assert "http://foreign.invalid/pixel.png" in foreign.requested
        assert not any("foreign.invalid" in url for visit in visits if visit is not foreign for url in visit.requested)
        assert home.violations == foreign.violations == []
    # Light runs every rule on the whole page, so it finds the picture without a name anywhere; the
    # faint text passes there.
    assert [rules(visit) for visit in light[2:]] == [["image-alt"], [], ["image-alt"]]
    # Dark runs what a colour scheme can change: the colour rules on the whole page, which catch the text
    # that is faint only in the dark, and every rule on the palette's toggles (not on the rest: light did).
    assert [rules(visit) for visit in dark[2:]] == [[], ["color-contrast"], ["image-alt"]]
