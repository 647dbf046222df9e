"""Hover and focus previews on a desktop (1440 px), on the real site: their text is body size, and they sit
below the line of the mark they belong to, or above it near the foot of the screen, never over it."""

from __future__ import annotations

import pytest

from .conftest import shared_page
from .previews import AXE_RUN, LINE_OF, SYMBOL, after_scroll, expect_open, settle

DESKTOP = {"width": 1440, "height": 900}
KINDS = {
    "glossary term": ("story/the-fall/", "article a.glossary-term >> nth=2"),
    "source note": ("story/the-fall/", "article sup:not(.correction-ref) > a.footnote-ref >> nth=5"),
    "correction": ("story/the-fall/", "article .correction-ref > a >> nth=1"),
    "event link": ("story/ai-competition/", "article a.event-ref"),
    "Timeline mark": ("timeline/", "svg.timeline-svg--wide a.timeline-mark >> nth=8"),
}
OPEN_PREVIEW = ".md-tooltip2.md-tooltip2--active"


@pytest.fixture
def desktop(contexts, request):
    """A fresh 1440 px desktop page in the shared context of the colour scheme asked for (light by default)."""
    yield from shared_page(contexts, request, viewport=DESKTOP, color_scheme=getattr(request, "param", "light"))


def reach(page, mark) -> None:
    """Put the pointer on the mark: an SVG mark on its symbol (a headline's label may lie over its middle)."""
    box = mark.evaluate(
        f"el => (el instanceof SVGElement ? el.querySelector(`{SYMBOL}`) : el).getClientRects()[0].toJSON()"
    )
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def put(page, mark, where: str) -> None:
    """Scroll so the mark is high on the screen (under the header) or low (10 px from the foot; a
    screen's height of room above the text lets a mark near the top of a page go there too)."""
    page.mouse.move(0, 0)
    if where == "high":
        mark.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.evaluate("scrollBy(0, -120)")  # clear of Material's header
    else:
        page.add_style_tag(content=".md-content__inner::before { height: 100vh; }")
        mark.evaluate("el => el.scrollIntoView({block: 'end'})")
        page.evaluate("scrollBy(0, 10)")
    after_scroll(page)


@pytest.mark.parametrize("where", ["high", "low"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_preview_never_covers_the_line_being_read(desktop, site_url: str, kind: str, where: str) -> None:
    path, selector = KINDS[kind]
    desktop.goto(site_url + path)
    mark = desktop.locator(selector)
    put(desktop, mark, where)
    reach(desktop, mark)
    preview = desktop.locator(OPEN_PREVIEW)
    expect_open(preview)
    settle(preview)  # Material slides it into place
    line = mark.evaluate(LINE_OF, SYMBOL)
    box = preview.locator(".md-tooltip2__inner").bounding_box()
    if where == "high":
        assert box["y"] >= line["bottom"], (box, line)  # below the line
    else:
        assert box["y"] + box["height"] <= line["top"], (box, line)  # above it, where there is no room below
    assert box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"]


@pytest.mark.parametrize("kind", ["glossary term", "source note", "Timeline mark"])
def test_preview_text_is_body_size(desktop, site_url: str, kind: str) -> None:
    """Material's tooltips were 10 px bold over 16 px text; previews now read as the text does."""
    path, selector = KINDS[kind]
    desktop.goto(site_url + path)
    mark = desktop.locator(selector)
    put(desktop, mark, "high")
    reach(desktop, mark)
    expect_open(desktop.locator(OPEN_PREVIEW))
    body = desktop.locator("article p").first.evaluate(
        "p => [getComputedStyle(p).fontSize, getComputedStyle(p).fontWeight]"
    )
    inner = desktop.locator(f"{OPEN_PREVIEW} .md-tooltip2__inner")
    assert inner.evaluate("el => [getComputedStyle(el).fontSize, getComputedStyle(el).fontWeight]") == body


@pytest.mark.parametrize("desktop", ["light", "dark"], indirect=True)
def test_axe_finds_no_violations_with_a_preview_open(desktop, site_url: str, axe_source: str) -> None:
    desktop.goto(site_url + "story/the-fall/")
    mark = desktop.locator(KINDS["source note"][1])
    put(desktop, mark, "high")
    reach(desktop, mark)
    expect_open(desktop.locator(OPEN_PREVIEW))
    desktop.add_script_tag(content=axe_source)
    assert desktop.evaluate(AXE_RUN) == []
