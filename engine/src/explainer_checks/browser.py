"""The generic checks of an explainer in Chromium (marked `browser`). A site's tests import them:

    from explainer_checks.browser import *  # noqa: F403

Chromium, Playwright and axe-core come from the machine and the site's node_modules; without
them these checks skip with the reason (and fail under CI).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest

from .build import BuiltSite
from .plugin import DESKTOP, QUIET, ExplainerSite, NetworkWatch, answer_search_without_documents, waiting_for_scripts

__all__ = [
    "explainer_visits",  # the fixture the page checks share (module scope: one visit of each page per module)
    "test_a_glossary_tooltip_and_a_source_note_preview_open_on_hover",
    "test_axe_finds_no_violation_on_any_page",
    "test_no_page_logs_an_error",
    "test_no_page_overflows_a_phone_screen",
    "test_no_page_requests_another_host",
]

# axe-core's rules that read colours, by its own tag "cat.color" (node_modules/axe-core/axe.js, each rule's `tags`):
# color-contrast (text against what is painted behind it) and link-in-text-block (a link told from the text
# around it by colour), run by default, and color-contrast-enhanced (AAA, off by default). Every other rule
# reads the document, its ARIA and what is rendered where (names, roles, landmarks, lists, visibility, focus,
# scrolling areas), none of which a colour scheme changes unless the page renders differently in it, which
# RENDERED below tells. `colours_only` runs the rules axe-core runs by default less all but those.
#
# `preload: false`: axe-core's default copies and parses every stylesheet again on each run ("cssom", 0.4-0.6 CPU s
# a page of this engine's first site, more than most pages' rules together) for the one rule that reads them,
# css-orientation-lock, which it does not run by default (an "experimental" rule); and waits up to 10 s for media
# for no-autoplay-audio, whose findings are "incomplete", never violations. The same violations without it.
AXE_RUN = """async (coloursOnly) => {
  const colour = rule => rule.tags.includes("cat.color");
  const rules = coloursOnly
    ? Object.fromEntries(axe.getRules().filter(rule => !colour(rule)).map(rule => [rule.ruleId, {enabled: false}]))
    : {};
  const result = await axe.run(document, {resultTypes: ["violations"], rules, preload: false});
  return result.violations.map(v => [colour(v), `${v.id} (${v.nodes.length}x): ${v.nodes[0].target.join(" ")}`]);
}"""
# What a page renders, less its colours: each element's visibility and box (the palette's toggle left out: it
# shows the label that leads to the other scheme). Kept in the page before a switch, compared after it.
RENDERED = """(compare) => {
  const palette = document.querySelector("[data-md-component=palette]");
  const rendered = [...document.querySelectorAll("body *")]
    .filter(el => !(palette && palette.contains(el)))
    .map(el => {
      if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return "-";
      const box = el.getBoundingClientRect();
      return [box.x, box.y, box.width, box.height].map(Math.round).join(",");
    }).join(" ");
  if (!compare) { window.__explainerRendered = rendered; return true; }
  return window.__explainerRendered === rendered;
}"""
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => el && ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  const clipped = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
    if (scrolls(p)) return true; return false; };
  return [...document.querySelectorAll(".md-content *")]
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length && !clipped(el))
    .map(el => el.tagName.toLowerCase() + "." + [...el.classList].join("."));
}"""
OPEN_PREVIEW = ".md-tooltip2.md-tooltip2--active"


def _color_scheme(page: Any) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


@dataclass
class Visit:
    """What reading one page in one colour scheme showed: the scheme the page took, the addresses it
    requested, the script errors it logged, axe-core's violations once it had settled."""

    path: str
    scheme: str
    shown_scheme: str = ""
    requested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)


SCHEMES = ("light", "dark")
# The colour switch a reader uses: the visible one of the palette's toggles (Material shows the one that leads
# to the other scheme), and the moment the switch is done (Material marks <body> while it applies a palette).
PALETTE_TOGGLE = "[data-md-component=palette] label:not([hidden])"
NO_TOGGLE = "the checks read every page in light and dark, and Material shows one when theme.palette lists both"
SWITCHED = """(before) => document.body.dataset.mdColorScheme !== before
  && !document.body.hasAttribute("data-md-color-switching")"""


@pytest.fixture(scope="module")
def explainer_visits(
    explainer_browser: Any, explainer_site_url: str, explainer_site_pages: list[str], explainer_axe_source: str
) -> dict[str, list[Visit]]:
    """Every page read in light and in dark on a desktop (by colour scheme; see `_read_every_page`), once its
    scripts have run and its requests are answered, checked by axe-core, and kept until the network is idle
    (QUIET: Material post-processes after its sitemap and search index): one visit
    serves the checks below that only read (requests, script errors, accessibility), instead of one
    visit per check. The quiet is waited for while axe-core runs, not before it (NetworkWatch): on the site's
    pages that run outlasts it. Module scope: the checks that share it run in one pytest-xdist worker."""
    return _read_every_page(explainer_browser, explainer_site_url, explainer_site_pages, explainer_axe_source)


def _read_every_page(browser: Any, site_url: str, pages: list[str], axe_source: str) -> dict[str, list[Visit]]:
    """Each page loaded once, in light and dark by turns (a reader whose system prefers that scheme), checked,
    then switched to the other scheme with the page's own toggle, as a reader switches, and checked again: both
    schemes of every page, and both start-ups on every other page, for one load a page instead of two (each load
    also indexes the site's search)."""
    visits: dict[str, list[Visit]] = {scheme: [] for scheme in SCHEMES}
    current: list[Visit] = []  # the visit that events go to
    tabs = {}
    networks = {}
    for scheme in SCHEMES:
        context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
        # Material keeps a reader's choice of scheme for the next page (and may write it as a page is left):
        # forgotten as each page starts, so every page loads in the scheme the system prefers
        context.add_init_script("localStorage.clear()")
        tab = tabs[scheme] = waiting_for_scripts(context.new_page())
        networks[scheme] = NetworkWatch(tab)
        tab.on("request", lambda request: current[-1].requested.append(request.url))
        tab.on("pageerror", lambda error, tab=tab: current[-1].errors.append(f"{tab.url}: {error}"))
        tab.on(
            "console",
            lambda message, tab=tab: (
                message.type == "error" and current[-1].errors.append(f"{tab.url}: {message.text}")
            ),
        )
    for index, path in enumerate(pages):
        loaded, switched = SCHEMES[index % 2], SCHEMES[1 - index % 2]
        tab = tabs[loaded]
        current.append(visit := Visit(path, loaded))
        tab.goto(site_url + path)  # its load, then its scripts run (waiting_for_scripts)
        networks[loaded].wait(f"/{path}")  # and its requests answered
        visit.shown_scheme = _color_scheme(tab)
        # axe-core evaluated as an expression, not added as a <script>: Chromium then compiles its 650 kB once, not on
        # every page (0.10 CPU s a page instead of 0.21 on this machine); `;0` so that nothing comes back
        tab.evaluate(axe_source + "\n;0")
        found = tab.evaluate(AXE_RUN, False)
        visit.violations = [text for _, text in found]
        networks[loaded].wait(f"/{path}", QUIET)
        visits[loaded].append(visit)
        current.append(visit := Visit(path, switched))
        if not tab.locator(PALETTE_TOGGLE).count():
            pytest.fail(f"/{path}: no colour toggle to switch to {switched}: {NO_TOGGLE}", pytrace=False)
        tab.evaluate(RENDERED, False)
        tab.locator(PALETTE_TOGGLE).click()
        tab.wait_for_function(SWITCHED, arg=current[-2].shown_scheme)
        visit.shown_scheme = _color_scheme(tab)
        # Only the colour rules again, where the page renders as it did: the others' findings hold in both schemes.
        # The first page runs them all in both, for the palette's toggle, which shows its other label now.
        colours_only = index > 0 and tab.evaluate(RENDERED, True)
        found_again = tab.evaluate(AXE_RUN, colours_only)
        kept = [text for colour, text in found if not colour] if colours_only else []
        visit.violations = kept + [text for _, text in found_again]
        visits[switched].append(visit)
    for tab in tabs.values():
        tab.context.close()
    return visits


@pytest.mark.browser
def test_no_page_requests_another_host(explainer_visits: dict[str, list[Visit]], explainer_site_url: str):
    """Reading the site tells no other host who reads what (system fonts, no embeds, no analytics)."""
    own = urlsplit(explainer_site_url).netloc
    requested = [url for visits in explainer_visits.values() for visit in visits for url in visit.requested]
    assert any(urlsplit(url).netloc == own for url in requested)  # the visits were recorded
    foreign = [url for url in requested if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc != own]
    assert foreign == []


@pytest.mark.browser
def test_no_page_logs_an_error(explainer_visits: dict[str, list[Visit]], explainer_site_pages: list[str]):
    assert [visit.path for visit in explainer_visits["light"]] == explainer_site_pages  # every page was read
    errors = [error for visits in explainer_visits.values() for visit in visits for error in visit.errors]
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(
    explainer_visits: dict[str, list[Visit]], explainer_site_pages: list[str], scheme: str
):
    visits = explainer_visits[scheme]
    assert [visit.path for visit in visits] == explainer_site_pages
    assert {visit.shown_scheme for visit in visits} == {"slate" if scheme == "dark" else "default"}
    violations = [f"/{visit.path}: {violation}" for visit in visits for violation in visit.violations]
    assert violations == []


@pytest.mark.browser
def test_no_page_overflows_a_phone_screen(
    explainer_phone_page: Any, explainer_site_url: str, explainer_site_pages: list[str]
):
    answer_search_without_documents(explainer_phone_page.context)  # checks no search, request or message
    overflowing: dict[str, object] = {}
    for path in explainer_site_pages:
        explainer_phone_page.goto(explainer_site_url + path)
        width = explainer_phone_page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375 or (elements := explainer_phone_page.evaluate(OVERFLOWING)):
            overflowing[path] = {"scroll width": width, "elements": elements if width <= 375 else "…"}
    assert overflowing == {}


# Where to point at the first mark: a point of it no neighbour's widened target covers (two source
# notes side by side share their 24 px targets, and the second one's lies over the first's middle).
UNCOVERED_POINT = """(selector) => {
  const mark = document.querySelector(selector);
  mark.scrollIntoView({block: "center"});
  const box = mark.getBoundingClientRect();
  for (let i = 1; i < 8; i++) for (let j = 1; j < 4; j++) {
    const x = box.left + box.width * i / 8, y = box.top + box.height * j / 4;
    if (mark.contains(document.elementFromPoint(x, y))) return {x: x - box.left, y: y - box.top};
  }
  return {x: box.width / 2, y: box.height / 2};
}"""


def _uncovered_point(page: Any, selector: str) -> dict:
    return page.evaluate(UNCOVERED_POINT, selector)


@pytest.mark.browser
def test_a_glossary_tooltip_and_a_source_note_preview_open_on_hover(
    explainer_page: Any, explainer_site: ExplainerSite, explainer_build: BuiltSite, explainer_site_url: str
):
    """On the first story page that has both, hovering a glossary term and a source note shows a preview."""
    for src_uri in explainer_site.story_pages:
        path = explainer_site.built_path(src_uri)
        html = explainer_build.html(path)
        if html.select_one("article a.glossary-term") and html.select_one("article a.footnote-ref"):
            break
    else:
        pytest.skip("no story page has both a glossary term and a source note")
    page = explainer_page
    answer_search_without_documents(page.context)  # checks no search, request or message
    page.goto(explainer_site_url + path)
    preview = page.locator(OPEN_PREVIEW)
    for selector in ("article a.glossary-term", "article a.footnote-ref"):
        page.locator(selector).first.hover(position=_uncovered_point(page, selector))
        preview.first.wait_for(state="visible", timeout=5000)
        assert preview.first.inner_text().strip(), f"{selector}: the preview is empty"
        page.keyboard.press("Escape")
        preview.first.wait_for(state="hidden", timeout=5000)
