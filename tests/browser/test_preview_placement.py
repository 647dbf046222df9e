"""Hover and focus previews on a desktop (1440 px), on the real site: their text is body size, and they sit
below the line of the mark they belong to, or above it near the foot of the screen, never over it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import shared_page
from .previews import LINE_OF, SYMBOL, after_scroll, axe_violations, expect_open, settle

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


def put(page, mark, where: str):
    """Scroll so the mark is high on the screen (under the header) or low (10 px from the foot; a
    screen's height of room above the text lets a mark near the top of a page go there too: the style
    that makes it is returned, to take away with `style.evaluate("style => style.remove()")`)."""
    page.mouse.move(0, 0)
    room = None
    if where == "high":
        mark.evaluate("el => el.scrollIntoView({block: 'start'})")
        page.evaluate("scrollBy(0, -120)")  # clear of Material's header
    else:
        room = page.add_style_tag(content=".md-content__inner::before { height: 100vh; }")
        mark.evaluate("el => el.scrollIntoView({block: 'end'})")
        page.evaluate("scrollBy(0, 10)")
    after_scroll(page)
    return room


# One visit of each page serves the two checks below, which only read: each of its kinds' marks in turn
# reached high on the screen (the preview's box and the line's, the preview's and the text's type), then,
# the pointer gone and the preview closed, low (the boxes again: low, the mark's preview shows for the
# second time); then the pointer gone, the preview closed and the room made for "low" taken away again
# before the next kind's mark.
BODY_FONT = "p => [getComputedStyle(p).fontSize, getComputedStyle(p).fontWeight]"


@pytest.fixture(scope="module")
def placements(contexts, site_url: str) -> dict[str, dict]:
    """Each kind's mark, reached high and low on a fresh 1440 px page of its page (one per page): what the
    two checks below read."""
    seen: dict[str, dict] = {}
    for path in dict.fromkeys(path for path, _ in KINDS.values()):
        desktop = contexts.page(viewport=DESKTOP, color_scheme="light")
        desktop.goto(site_url + path)
        for kind, (kind_path, selector) in KINDS.items():
            if kind_path == path:
                seen[kind] = _placement(desktop, selector)
        contexts.release(desktop)
    return seen


def _placement(desktop, selector: str) -> dict:
    mark, preview = desktop.locator(selector), desktop.locator(OPEN_PREVIEW)
    seen: dict = {}
    for where in ("high", "low"):
        room = put(desktop, mark, where)  # the pointer leaves first: the preview closes
        expect(preview).to_have_count(0)
        reach(desktop, mark)
        expect_open(preview)
        settle(preview)  # Material slides it into place
        seen[where] = {
            "line": mark.evaluate(LINE_OF, SYMBOL),
            "box": preview.locator(".md-tooltip2__inner").bounding_box(),
        }
        if where == "high":
            seen["body"] = desktop.locator("article p").first.evaluate(BODY_FONT)
            seen["preview"] = preview.locator(".md-tooltip2__inner").evaluate(BODY_FONT)
    desktop.mouse.move(0, 0)  # the next kind's mark starts from a page with no preview open, as a load leaves it
    expect(preview).to_have_count(0)
    room.evaluate("style => style.remove()")
    return seen


@pytest.mark.parametrize("where", ["high", "low"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_preview_never_covers_the_line_being_read(placements, kind: str, where: str) -> None:
    line, box = placements[kind][where]["line"], placements[kind][where]["box"]
    if where == "high":
        assert box["y"] >= line["bottom"], (box, line)  # below the line
    else:
        assert box["y"] + box["height"] <= line["top"], (box, line)  # above it, where there is no room below
    assert box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["height"]


@pytest.mark.parametrize("kind", ["glossary term", "source note", "Timeline mark"])
def test_preview_text_is_body_size(placements, kind: str) -> None:
    """Material's tooltips were 10 px bold over 16 px text; previews now read as the text does."""
    assert placements[kind]["preview"] == placements[kind]["body"]


@pytest.mark.parametrize("desktop", ["light", "dark"], indirect=True)
def test_axe_finds_no_violations_with_a_preview_open(desktop, site_url: str, axe_source: str) -> None:
    desktop.goto(site_url + "story/the-fall/")
    mark = desktop.locator(KINDS["source note"][1])
    put(desktop, mark, "high")
    reach(desktop, mark)
    expect_open(desktop.locator(OPEN_PREVIEW))
    assert axe_violations(desktop, axe_source) == []
