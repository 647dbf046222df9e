"""The engine's generic checks of an explainer, run on this site unedited, as every site made by
`explainer new` runs them: every factual sentence cited, first mentions explained, corrections
intact, links, HTML validity, and in Chromium: no request to another host, no script error,
axe-core, phones. Their settings are in pyproject.toml (explainer_names_with_digits).

Below them, one test of the engine's own: which of axe-core's rules the visits run in which scheme."""

from pathlib import Path
from typing import Any

import pytest

from explainer_checks.browser import *  # noqa: F403
from explainer_checks.browser import _read_every_page
from explainer_checks.plugin import serve
from explainer_checks.site import *  # noqa: F403

# Material's colour switch, reduced to what a visit uses (as tests/browser/test_page_visits.py has it), and a
# stylesheet that renders a page differently in each scheme: a picture shown in light only, and a paragraph
# whose text is faint in dark only.
SWITCH = """<form data-md-component="palette"><label for="switch">Switch the colours</label>
<input type="checkbox" id="switch" hidden></form>
<script>
document.body.dataset.mdColorScheme = matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
document.getElementById("switch").addEventListener("change", () => {
  document.body.dataset.mdColorScheme = document.body.dataset.mdColorScheme === "slate" ? "default" : "slate";
});
</script>"""
STYLE = """<style>body { background: #fff; color: #000 } [data-md-color-scheme=slate] { background: #000; color: #fff }
.light-only { display: none } [data-md-color-scheme=default] .light-only { display: inline }
[data-md-color-scheme=slate] .faint { color: #111 }</style>"""
PAGES = {  # loaded in light, dark, light by turns, each then switched to the other scheme
    "": "<p>The first page.</p>",
    "picture/": "<img class='light-only' src='/nowhere.png'><p>A picture without a text alternative, in light.</p>",
    "faint/": "<p class='faint'>Faint text, in dark.</p>",
}


@pytest.mark.browser
def test_a_visit_runs_the_colour_rules_in_both_schemes_and_all_rules_where_a_page_renders_differently(
    explainer_browser: Any, explainer_axe_source: str, tmp_path: Path
) -> None:
    for path, body in PAGES.items():
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text(
            f"<!doctype html><html lang='en'><head><title>{path or 'home'}</title>{STYLE}</head>"
            f"<body><main><h1>A page</h1>{SWITCH}{body}</main></body></html>",
            encoding="utf-8",
        )
    server = serve(tmp_path)
    try:
        visits = _read_every_page(explainer_browser, next(server), list(PAGES), explainer_axe_source)
    finally:
        server.close()
    found = {
        scheme: {visit.path: [text.split(" ")[0] for text in visit.violations] for visit in visits[scheme]}
        for scheme in visits
    }
    # the picture shows in light only, after the switch: all the rules ran there; the text is faint in dark
    # only, after the switch on a page that renders alike but for its colours: the colour rules ran there
    assert found["light"] == {"": [], "picture/": ["image-alt"], "faint/": []}
    assert found["dark"] == {"": [], "picture/": [], "faint/": ["color-contrast"]}
