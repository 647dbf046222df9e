"""The visits the generic page checks share (explainer_checks.browser.explainer_visits) see what those
checks look for: their positive control, on three small pages made to fail them (and one that passes), each with a
stand-in of Material's colour switch; and which of axe-core's rules they run in which scheme."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer_checks.browser import NO_TOGGLE, _read_every_page
from explainer_checks.plugin import serve

PAGES = {
    "": "<script>console.error('logged on purpose')</script><p>An error in the console.</p>",
    "foreign/": "<img src='http://foreign.invalid/pixel.png' alt='A pixel'><p>A request to another host.</p>",
    "unnamed/": "<img src='/nowhere.png'><p>A picture without a text alternative.</p>",
    # What a page does after its load event, a moment after a response it fetched has come (as Material does with
    # its sitemap): a visit keeps the page until the network has been idle for QUIET, so it sees it.
    "late/": "<script>addEventListener('load', () => fetch('/late.txt').then(answer => answer.text()).then(() =>"
    " setTimeout(() => { console.error('logged late'); new Image().src = 'http://foreign.invalid/late.png'; }, 300)"
    "))</script><p>A request and an error after the page has loaded.</p>",
}
# Material's colour switch, reduced to what a visit uses: the scheme the system prefers at load, a visible toggle
# that switches to the other one, and <body> marked while it switches (unmarked a moment later, as Material does).
PALETTE = """<form data-md-component="palette"><label for="switch">Switch the colours</label>
<input type="checkbox" id="switch" hidden></form>
<script>
document.body.dataset.mdColorScheme = matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
document.getElementById("switch").addEventListener("change", () => {
  document.body.setAttribute("data-md-color-switching", "");
  document.body.dataset.mdColorScheme = document.body.dataset.mdColorScheme === "slate" ? "default" : "slate";
  setTimeout(() => document.body.removeAttribute("data-md-color-switching"), 50);
});
</script>"""


def read_pages(browser, axe_source: str, root: Path, pages: dict[str, str], head: str = "") -> dict:
    """Each page of `pages` (path: body) written under `root` with the colour switch and `head`, served, and read
    as the generic checks read a site."""
    for path, body in pages.items():
        (root / path).mkdir(parents=True, exist_ok=True)
        (root / path / "index.html").write_text(
            f"<!doctype html><html lang='en'><head><title>{path or 'home'}</title>{head}</head>"
            f"<body><main><h1>A page</h1>{PALETTE}{body}</main></body></html>",
            encoding="utf-8",
        )
    server = serve(root)
    try:
        return _read_every_page(browser, next(server), list(pages), axe_source)
    finally:
        server.close()


def test_a_visit_records_requests_script_errors_and_axe_findings(browser, axe_source: str, tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text("late", encoding="utf-8")
    visits = read_pages(browser, axe_source, tmp_path, PAGES)
    light, dark = visits["light"], visits["dark"]
    assert [visit.path for visit in light] == [visit.path for visit in dark] == list(PAGES)
    # loaded in light and switched to dark, then the other way round, by turns: every page in both schemes
    assert [visit.shown_scheme for visit in light] == ["default"] * 4
    assert [visit.shown_scheme for visit in dark] == ["slate"] * 4
    home, foreign, unnamed, late = (light[0], dark[1], light[2], dark[3])  # the visits that loaded each page
    assert any("logged on purpose" in error for error in home.errors)
    assert not any("logged on purpose" in error for error in foreign.errors + unnamed.errors)
    assert "http://foreign.invalid/pixel.png" in foreign.requested
    assert not any("foreign.invalid" in url for url in home.requested + unnamed.requested)
    assert any("logged late" in error for error in late.errors)
    assert "http://foreign.invalid/late.png" in late.requested
    # axe-core's findings in both schemes (a rule that reads no colour runs once where the page renders
    # alike in both, its findings counted in each): the picture without a text alternative is found in both
    assert [violation.split(" ")[0] for violation in light[2].violations + dark[2].violations] == ["image-alt"] * 2
    assert [visit.violations for visit in light + dark if visit.path != "unnamed/"] == [[]] * 6


def test_a_site_without_a_colour_toggle_is_told_why_its_pages_cannot_be_read_in_both_schemes(
    browser, axe_source: str, tmp_path: Path
) -> None:
    (tmp_path / "index.html").write_text(
        "<!doctype html><html lang='en'><head><title>home</title></head>"
        "<body data-md-color-scheme='default'><main><h1>A page</h1><p>One scheme only.</p></main></body></html>",
        encoding="utf-8",
    )
    server = serve(tmp_path)
    url = next(server)
    try:
        with pytest.raises(pytest.fail.Exception) as failed:
            _read_every_page(browser, url, [""], axe_source)
    finally:
        server.close()
    assert str(failed.value) == f"/: no colour toggle to switch to dark: {NO_TOGGLE}"


# axe-core's rules by scheme: the colour rules in both, all of them where a page renders differently. A stylesheet
# that renders a page differently in each scheme: a picture shown in light only, a paragraph faint in dark only.
STYLE = """<style>body { background: #fff; color: #000 } [data-md-color-scheme=slate] { background: #000; color: #fff }
.light-only { display: none } [data-md-color-scheme=default] .light-only { display: inline }
[data-md-color-scheme=slate] .faint { color: #111 }</style>"""
SCHEME_PAGES = {  # loaded in light, dark, light by turns, each then switched to the other scheme
    "": "<p>The first page.</p>",
    "picture/": "<img class='light-only' src='/nowhere.png'><p>A picture without a text alternative, in light.</p>",
    "faint/": "<p class='faint'>Faint text, in dark.</p>",
}


def test_a_visit_runs_the_colour_rules_in_both_schemes_and_all_rules_where_a_page_renders_differently(
    browser, axe_source: str, tmp_path: Path
) -> None:
    visits = read_pages(browser, axe_source, tmp_path, SCHEME_PAGES, head=STYLE)
    found = {
        scheme: {visit.path: [text.split(" ")[0] for text in visit.violations] for visit in visits[scheme]}
        for scheme in visits
    }
    # the picture shows in light only, after the switch: all the rules ran there; the text is faint in dark
    # only, after the switch on a page that renders alike but for its colours: the colour rules ran there
    assert found["light"] == {"": [], "picture/": ["image-alt"], "faint/": []}
    assert found["dark"] == {"": [], "picture/": [], "faint/": ["color-contrast"]}


# Every document a page makes, told in its console (which the visits record).
DOCUMENTS_TOLD = """<script>const made = document.implementation.createHTMLDocument.bind(document.implementation);
document.implementation.createHTMLDocument = title => {
  console.error(`made a document: ${title}`);
  return made(title);
};
</script>"""


def test_axe_core_does_not_parse_the_stylesheets_again(browser, axe_source: str, tmp_path: Path) -> None:
    """axe-core's default "cssom" preload copies every stylesheet into a document of its own and parses it again on
    each run (0.4-0.6 CPU s a page on the real site), for a rule it does not run by default; the visits do without."""
    (tmp_path / "style.css").write_text("p { color: #222 }", encoding="utf-8")
    pages = {"": "<script>document.implementation.createHTMLDocument('the page its own')</script><p>A page.</p>"}
    visits = read_pages(
        browser, axe_source, tmp_path, pages, head="<link rel='stylesheet' href='/style.css'>" + DOCUMENTS_TOLD
    )
    told = [error.split(": ", 1)[1] for visit in visits["light"] + visits["dark"] for error in visit.errors]
    assert told == ["made a document: the page its own"]  # the page's own is told; axe-core made none
