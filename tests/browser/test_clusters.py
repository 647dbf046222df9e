"""Note marks side by side are one mark (issue 24): source numbers cited together ("text³,⁴") and a
single-source mark right before a source number ("claim① ⁵") show one preview of all their notes, in
order, each under its name, on hover and on keyboard focus of any of them; each mark stays its own link.
On the real site, in a 1440 px desktop. A tap on a cluster: test_touch.py; its target: test_targets.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import shared_page
from .previews import axe_violations, expect_open

PAGE = "story/the-fall/"
OPEN_PREVIEW = ".md-tooltip2.md-tooltip2--active"
DESKTOP = {"width": 1440, "height": 900}
# Two kinds of cluster: its first mark's sup, as CSS (the second is the sup right after it).
CLUSTERS = {
    "numbers": "article sup:has(+ sup.footnote-ref--follows)",
    "single-source mark and number": "article sup.one-report--before-ref",
}
# What a mark's part of the preview is called.
NAME = """a => a.matches('.one-report__mark') ? a.title
  : a.closest('.correction-ref') ? a.getAttribute('aria-label') : `Source note ${a.textContent.trim()}`"""


@pytest.fixture
def desktop(contexts, request):
    """A fresh 1440 px desktop page in the shared context of the colour scheme asked for (light by default)."""
    yield from shared_page(contexts, request, viewport=DESKTOP, color_scheme=getattr(request, "param", "light"))


@pytest.fixture
def the_fall(loaded_pages, site_url: str):
    """The fall in a light 1440 px desktop page, loaded once for the tests below that point at a cluster's
    marks (conftest.LoadedPages: put back as loaded after each, or the test fails)."""
    with loaded_pages.lend(site_url + PAGE, viewport=DESKTOP, color_scheme="light") as page:
        yield page


def cluster(page, kind: str):
    """The cluster's two links and the names their preview gives them."""
    first = page.locator(f"{CLUSTERS[kind]} >> nth=0")
    links = [first.locator("a"), first.locator("xpath=following-sibling::sup[1]/a")]
    first.evaluate("el => el.scrollIntoView({block: 'center'})")
    return links, [link.evaluate(NAME) for link in links]


@pytest.mark.parametrize("kind", list(CLUSTERS))
def test_hover_on_any_mark_of_a_cluster_shows_one_preview_of_all(the_fall, kind: str) -> None:
    links, names = cluster(the_fall, kind)
    for link, edge in zip(links, (0.1, 0.9), strict=True):  # the left of the first, the right of the last
        box = link.bounding_box()
        the_fall.mouse.move(box["x"] + edge * box["width"], box["y"] + box["height"] / 2)
        preview = the_fall.locator(OPEN_PREVIEW)
        expect(preview).to_have_count(1)
        expect_open(preview)
        expect(preview.locator(".explainer-preview__heading")).to_have_text(names)
        expect(preview).to_have_attribute("role", "dialog")
        # Body size, as the story's text.
        assert preview.locator(".md-tooltip2__inner").evaluate("el => getComputedStyle(el).fontSize") == "16px"
    assert links[0].get_attribute("aria-controls") == links[1].get_attribute("aria-controls")
    assert links[0].get_attribute("title") is None  # the browser's own tooltip would double the preview


def test_keyboard_reaches_each_mark_of_a_cluster_and_sees_one_preview(desktop, site_url: str) -> None:
    """On a page of its own: the hover test above makes both marks' preview, which focus must make here."""
    desktop.goto(site_url + PAGE)
    links, names = cluster(desktop, "numbers")
    links[0].focus()
    preview = desktop.locator(OPEN_PREVIEW)
    expect_open(preview)
    first_id = preview.get_attribute("id")
    desktop.keyboard.press("Tab")  # each number is its own tab stop
    expect(links[1]).to_be_focused()
    expect(preview).to_have_count(1)
    assert preview.get_attribute("id") == first_id  # the same preview, not a second one
    expect(preview.locator(".explainer-preview__heading")).to_have_text(names)
    expect(desktop.get_by_role("dialog", name=" ".join(names))).to_be_visible()
    # Each link keeps its own name: its number.
    assert [link.evaluate("a => a.textContent.trim()") for link in links] == [name.split()[-1] for name in names]
    desktop.keyboard.press("Tab")  # out of the cluster: its preview goes
    expect(desktop.locator(f"[id='{first_id}']")).to_have_count(0)


@pytest.mark.parametrize("desktop", ["light", "dark"], indirect=True)
def test_axe_finds_no_violations_with_a_clusters_preview_open(desktop, site_url: str, axe_source: str) -> None:
    desktop.goto(site_url + PAGE)
    links, _ = cluster(desktop, "single-source mark and number")
    box = links[1].bounding_box()
    desktop.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect_open(desktop.locator(OPEN_PREVIEW))
    assert axe_violations(desktop, axe_source) == []
