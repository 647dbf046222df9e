"""The generic checks of an explainer in Chromium (marked `browser`). A site's tests import them:

    from explainer_checks.browser import *  # noqa: F403

Chromium, Playwright and axe-core come from the machine and the site's node_modules; without
them these checks skip with the reason (and fail under CI).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .build import BuiltSite
from .plugin import ExplainerSite

__all__ = [
    "test_a_glossary_tooltip_and_a_source_note_preview_open_on_hover",
    "test_axe_finds_no_violation_on_any_page",
    "test_no_page_logs_an_error",
    "test_no_page_overflows_a_phone_screen",
    "test_no_page_requests_another_host",
]

AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => `${v.id} (${v.nodes.length}x): ${v.nodes[0].target.join(" ")}`);
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


@pytest.mark.browser
def test_no_page_requests_another_host(explainer_page: Any, explainer_site_url: str, explainer_site_pages: list[str]):
    """Reading the site tells no other host who reads what (system fonts, no embeds, no analytics)."""
    own = urlsplit(explainer_site_url).netloc
    requested: list[str] = []
    explainer_page.on("request", lambda request: requested.append(request.url))
    for path in explainer_site_pages:
        explainer_page.goto(explainer_site_url + path, wait_until="networkidle")
    foreign = [url for url in requested if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc != own]
    assert foreign == []


@pytest.mark.browser
def test_no_page_logs_an_error(explainer_page: Any, explainer_site_url: str, explainer_site_pages: list[str]):
    errors: list[str] = []
    page = explainer_page
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    for path in explainer_site_pages:
        page.goto(explainer_site_url + path, wait_until="networkidle")  # Material post-processes after its sitemap
    assert errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(
    explainer_page: Any,
    explainer_site_url: str,
    explainer_site_pages: list[str],
    explainer_axe_source: str,
    scheme: str,
):
    explainer_page.emulate_media(color_scheme=scheme)
    violations: list[str] = []
    for path in explainer_site_pages:
        explainer_page.goto(explainer_site_url + path)
        assert _color_scheme(explainer_page) == ("slate" if scheme == "dark" else "default")
        explainer_page.add_script_tag(content=explainer_axe_source)
        violations += [f"/{path}: {violation}" for violation in explainer_page.evaluate(AXE_RUN)]
    assert violations == []


@pytest.mark.browser
def test_no_page_overflows_a_phone_screen(
    explainer_phone_page: Any, explainer_site_url: str, explainer_site_pages: list[str]
):
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
    page.goto(explainer_site_url + path)
    preview = page.locator(OPEN_PREVIEW)
    for selector in ("article a.glossary-term", "article a.footnote-ref"):
        page.locator(selector).first.hover(position=_uncovered_point(page, selector))
        preview.first.wait_for(state="visible", timeout=5000)
        assert preview.first.inner_text().strip(), f"{selector}: the preview is empty"
        page.keyboard.press("Escape")
        preview.first.wait_for(state="hidden", timeout=5000)
