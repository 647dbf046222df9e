"""Previews on a touch screen (375 px, touch emulation), on the real site: a tap on each kind of mark
opens its preview in a sheet without scrolling the page, the sheet's link leads to the full entry,
and the sheet is an accessible dialog. The marks' targets: test_targets.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import PHONE_CONTEXT, shared_page
from .navigation import SecondFetchHeld, as_on_pages
from .previews import LINE_OF, SYMBOL, after_scroll, axe_violations, settle

SHEET = ".explainer-sheet"


@dataclass(frozen=True)
class Mark:
    kind: str
    page: str
    selector: str  # the mark, as Playwright finds it
    expected: str  # JS: mark => the text its preview must show
    link: str  # the words of the sheet's link to the full entry


HREF = "el => new URL(el.getAttribute('href') ?? el.getAttribute('xlink:href'), location.href).href"
NOTE_TEXT = """mark => document.getElementById(decodeURIComponent(new URL(mark.href).hash.slice(1)))
  .querySelector('cite, p').textContent.trim().slice(0, 40)"""
AFTER_DATE = "mark => mark.getAttribute('{attribute}').replace(/^(Event, )?[^:]*: /, '')"

MARKS = [
    Mark(
        "source note",
        "story/the-fall/",
        "article sup:not(.correction-ref) > a.footnote-ref >> nth=2",  # a number cited alone: "watchdog.¹"
        NOTE_TEXT,
        "Go to note",
    ),
    Mark(
        "correction",
        "story/the-fall/",
        "article .correction-ref > a >> nth=0",
        "mark => document.getElementById(decodeURIComponent(new URL(mark.href).hash.slice(1)))"
        ".querySelector('.correction__label').textContent.trim()",
        "Go to correction C1",
    ),
    Mark(  # the link names the mark's kind of correction, as the story's configuration names it
        "our-reading mark",
        "story/the-fall/",
        "article .correction-ref > a[aria-label^='Our reading']",
        "mark => document.getElementById(decodeURIComponent(new URL(mark.href).hash.slice(1)))"
        ".querySelector('.correction__label').textContent.trim()",
        "Go to our reading R1",
    ),
    Mark(
        "glossary term",
        "story/the-fall/",
        "article a.glossary-term >> nth=2",
        "mark => mark.title",
        "Go to its Glossary entry",
    ),
    Mark(
        "event link", "story/ai-competition/", "article a.event-ref", "mark => mark.title", "Go to its Timeline entry"
    ),
    Mark(
        "Timeline mark",
        "timeline/",
        "svg.timeline-svg--narrow a.timeline-mark >> nth=5",
        AFTER_DATE.format(attribute="data-tooltip"),
        "Go to its entry",
    ),
    Mark(
        "Timeline close-up mark",
        "timeline/",
        "svg.timeline-closeup--narrow a.timeline-mark >> nth=2",  # phones see the close-ups drawn for their width
        AFTER_DATE.format(attribute="data-tooltip"),
        "Go to its entry",
    ),
    Mark(
        "chart point",
        "story/the-fall/",
        "a.chart-mark >> nth=2",
        "mark => mark.querySelector('.chart-tip__value').textContent",
        "Go to its row in the table",
    ),
    Mark(
        "chart event",
        "story/the-fall/",
        "a.chart-event >> nth=-1",
        AFTER_DATE.format(attribute="aria-label"),
        "Go to its Timeline entry",
    ),
]


@pytest.fixture
def phone(contexts, request):
    """A 375 px touch phone, in the colour scheme the test asks for (light unless parametrized): a fresh
    page in the shared context of its options."""
    yield from shared_page(contexts, request, **PHONE_CONTEXT, color_scheme=getattr(request, "param", "light"))


THE_FALL = "story/the-fall/"


@pytest.fixture
def the_fall(loaded_pages, site_url: str):
    """The fall on a light 375 px touch phone, loaded once for the tests below that tap marks on it and
    close what they open (conftest.LoadedPages: put back as loaded after each, or the test fails)."""
    with loaded_pages.lend(site_url + THE_FALL, **PHONE_CONTEXT, color_scheme="light") as page:
        yield page


# A point on the screen over the story's plain text: no link, no mark's target, not the sheet.
PLAIN_TEXT = """() => {
  for (let y = 120; y < innerHeight; y += 7) for (let x = 20; x < innerWidth - 20; x += 7) {
    const here = document.elementsFromPoint(x, y);
    if (here[0]?.matches('article p') && !here.some(el => el.closest('a, .explainer-sheet'))) return [x, y];
  }
  throw new Error('no plain text on the screen');
}"""


def centre(page, locator, where: str = "center") -> float:
    """Scroll `locator` to the middle (or `where`) of the screen and return the settled scroll position."""
    locator.evaluate(f"el => el.scrollIntoView({{block: '{where}', inline: 'center'}})")
    after_scroll(page)  # Material's scroll listeners have run
    return page.evaluate("scrollY")


def sheet_link(sheet, mark: Mark, href: str):
    """The sheet's link to the mark's full entry (a sheet may show marks whose targets overlap)."""
    links = sheet.get_by_role("link", name=re.compile(f"^{re.escape(mark.link)}"))
    found = [link for link in links.all() if link.evaluate("a => a.href") == href]
    assert len(found) == 1, f"{len(found)} links {mark.link!r} to {href} in the sheet"
    return found[0]


def tap_symbol(page, mark) -> None:
    """Tap a mark where a finger would: an SVG mark on its symbol (a headline's label may lie over its middle)."""
    if mark.evaluate("el => el instanceof SVGElement"):
        box = mark.evaluate(f"el => (el.querySelector(`{SYMBOL}`) || el).getBoundingClientRect().toJSON()")
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        mark.tap()


# --- a tap shows the preview in place ---------------------------------------------------------


@pytest.mark.parametrize("mark", MARKS, ids=[mark.kind for mark in MARKS])
def test_tapping_a_mark_shows_its_preview_in_place_and_the_sheets_link_leads_to_the_full_entry(
    phone, site_url: str, mark: Mark
) -> None:
    """A tap shows the preview without scrolling, beside the line tapped; then the sheet's link is followed
    (one load of the page for both: the link is tapped in the sheet the first tap opened)."""
    phone.goto(site_url + mark.page)
    target = phone.locator(mark.selector)
    expected = target.evaluate(mark.expected)
    href = target.evaluate(HREF)
    before = centre(phone, target)
    tap_symbol(phone, target)
    sheet = phone.locator(SHEET)
    expect(sheet).to_be_visible()
    expect(sheet).to_contain_text(expected)
    settle(sheet)
    phone.wait_for_timeout(300)  # time for any jump to have happened
    assert phone.evaluate("scrollY") == before
    assert urlsplit(phone.url).fragment != urlsplit(href).fragment  # the mark's link was not followed
    # The sheet is at the foot of the screen or at its top, never over the line the reader tapped.
    line = target.evaluate(LINE_OF, SYMBOL)
    box = sheet.bounding_box()
    assert box["y"] >= line["bottom"] or box["y"] + box["height"] <= line["top"], (box, line)
    # Its text is body size, as the story's.
    body = phone.locator("article p").first.evaluate("p => getComputedStyle(p).fontSize")
    assert sheet.locator(".explainer-sheet__item > p").last.evaluate("p => getComputedStyle(p).fontSize") == body
    # The sheet's link leads to the full entry.
    sheet_link(sheet, mark, href).tap()
    phone.wait_for_url(href)
    fragment = href.split("#", 1)[1]
    entry = phone.locator(f"[id='{fragment}']")
    expect(entry).to_be_in_viewport()
    expect(phone.locator(SHEET)).to_have_count(0)


def test_a_chart_points_row_is_shown_when_material_fetches_the_page_again_late(phone, site_url: str) -> None:
    """The sheet's "Go to its row in the table", as readers on the published site follow it (Material's
    instant navigation, navigation.py), with the page's second fetch answered after Material has saved
    the scroll position: Material then restored that position and opened the table's fold from its top,
    the row below the screen (test_touch's chart-point case failed so now and then under load)."""
    as_on_pages(phone, site_url)
    fetches = SecondFetchHeld(phone, site_url + "story/the-fall/")
    phone.goto(site_url + "story/the-fall/")
    mark = phone.locator("a.chart-mark >> nth=2")
    href = mark.evaluate(HREF)
    centre(phone, mark)
    tap_symbol(phone, mark)
    sheet = phone.locator(SHEET)
    expect(sheet).to_be_visible()
    link = sheet_link(sheet, MARKS[[mark.kind for mark in MARKS].index("chart point")], href)
    link.tap()
    phone.wait_for_url(href)
    fetches.release_once_the_position_is_saved()
    row = phone.locator(f"[id='{href.split('#', 1)[1]}']")
    expect(row).to_be_in_viewport()
    assert row.evaluate("row => row.matches(':target') && row.closest('details').open")


def test_a_tap_beside_a_timeline_dot_still_previews_it(phone, site_url: str) -> None:
    """The first touch on the picture gives its marks their larger targets, in time for that tap."""
    phone.goto(site_url + "timeline/")
    mark = phone.locator("svg.timeline-svg--narrow a.timeline-mark").nth(5)
    centre(phone, mark)
    dot = mark.evaluate(f"el => el.querySelector(`{SYMBOL}`).getBoundingClientRect().toJSON()")
    phone.touchscreen.tap(dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] + 4)  # just below the 12 px dot
    expect(phone.locator(SHEET)).to_contain_text(mark.get_attribute("data-tooltip").split(": ", 1)[1])


# A cluster of note marks (test_clusters.py): its first mark's sup, as CSS; the second is the sup after it.
CLUSTERS = {
    "numbers": "article sup:has(+ sup.footnote-ref--follows)",
    "single-source mark and number": "article sup.one-report--before-ref",
}


@pytest.mark.parametrize("kind", list(CLUSTERS))
def test_a_tap_anywhere_on_a_cluster_shows_all_its_notes(the_fall, kind: str) -> None:
    """Notes cited together are one mark: a tap on either, or between them, opens one sheet with both (the
    three taps on the shared page, the sheet closed with Escape after each)."""
    first = the_fall.locator(f"{CLUSTERS[kind]} >> nth=0 >> a")
    second = the_fall.locator(f"{CLUSTERS[kind]} >> nth=0 >> xpath=following-sibling::sup[1]/a")
    sheet = the_fall.locator(SHEET)
    for where in ("first", "between", "second"):
        the_fall.evaluate("document.activeElement.blur()")  # Escape gave the mark focus; a fresh load has none
        before = centre(the_fall, second)
        left, right = first.bounding_box(), second.bounding_box()
        x = {
            "first": left["x"] + left["width"] * 0.2,
            "between": (left["x"] + left["width"] + right["x"]) / 2,  # over the comma or the space
            "second": right["x"] + right["width"] * 0.8,
        }[where]
        the_fall.touchscreen.tap(x, right["y"] + right["height"] / 2)
        names = [
            mark.evaluate("a => a.matches('.one-report__mark') ? a.title : `Source note ${a.textContent.trim()}`")
            for mark in (first, second)
        ]
        expect(sheet.locator(".explainer-sheet__heading"), where).to_have_text(names)
        expect(sheet.locator(".explainer-sheet__go a"), where).to_have_count(2)  # each note's link to its full entry
        settle(sheet)
        assert the_fall.evaluate("scrollY") == before, where
        the_fall.keyboard.press("Escape")
        expect(sheet).to_have_count(0)


def test_a_mark_low_on_the_screen_gets_its_sheet_at_the_top(the_fall) -> None:
    mark = the_fall.locator("article a.glossary-term").nth(6)
    centre(the_fall, mark, where="end")
    the_fall.evaluate("scrollBy(0, 40)")  # the mark's line 40 px above the foot of the screen
    after_scroll(the_fall)
    mark.tap()
    sheet = the_fall.locator(SHEET)
    expect(sheet).to_be_visible()
    settle(sheet)
    box, line = sheet.bounding_box(), mark.evaluate(LINE_OF, SYMBOL)
    assert box["y"] == 0 and box["y"] + box["height"] <= line["top"]


# --- the sheet as a dialog ----------------------------------------------------------------------


def test_the_sheet_is_a_labelled_dialog_that_takes_focus(the_fall) -> None:
    mark = the_fall.locator("article .correction-ref > a").first
    centre(the_fall, mark)
    mark.tap()
    sheet = the_fall.get_by_role("dialog", name="Correction C1")
    expect(sheet).to_be_visible()
    expect(sheet).to_be_focused()
    assert mark.get_attribute("aria-expanded") == "true"
    assert mark.get_attribute("aria-controls") == sheet.get_attribute("id")
    expect(sheet.get_by_role("button", name="Close preview")).to_be_visible()


def test_the_sheet_closes_and_gives_focus_back_without_scrolling(the_fall) -> None:
    """By its close button, Escape or a tap outside it: each on the sheet a tap opened, on the shared page."""
    mark = the_fall.locator("article a.glossary-term").nth(2)
    sheet = the_fall.locator(SHEET)
    address = the_fall.url
    for how in ("close button", "Escape", "tap outside"):
        the_fall.evaluate("document.activeElement.blur()")  # focus back on the page, as a fresh load has it
        before = centre(the_fall, mark)
        mark.tap()
        expect(sheet).to_be_visible()
        expect(sheet).to_be_focused()  # the sheet took focus, so giving it back below is the sheet's doing
        if how == "close button":
            sheet.get_by_role("button", name="Close preview").tap()
        elif how == "Escape":
            the_fall.keyboard.press("Escape")
        else:
            the_fall.touchscreen.tap(*the_fall.evaluate(PLAIN_TEXT))
        expect(sheet, how).to_have_count(0)
        expect(mark, how).to_be_focused()
        assert mark.get_attribute("aria-expanded") is None, how
        assert the_fall.evaluate("scrollY") == before, how
        assert the_fall.url == address, how


def test_tab_moves_through_the_sheet_and_leaving_it_closes_it(the_fall) -> None:
    mark = the_fall.locator("article a.glossary-term").nth(2)
    centre(the_fall, mark)
    mark.tap()
    sheet = the_fall.locator(SHEET)
    the_fall.keyboard.press("Tab")
    expect(sheet.get_by_role("button", name="Close preview")).to_be_focused()
    the_fall.keyboard.press("Tab")
    expect(sheet.get_by_role("link", name=re.compile("^Go to its Glossary entry"))).to_be_focused()
    the_fall.keyboard.press("Tab")  # out of the sheet, on into the page
    expect(sheet).to_have_count(0)


def test_a_tap_on_another_mark_replaces_the_sheet(the_fall) -> None:
    terms = the_fall.locator("article a.glossary-term")
    first, second = terms.nth(0), terms.nth(1)
    centre(the_fall, first, where="start")
    the_fall.evaluate("scrollBy(0, -120)")
    after_scroll(the_fall)
    first.tap()
    expect(the_fall.locator(SHEET)).to_contain_text(first.get_attribute("title"))
    second.tap()
    expect(the_fall.locator(SHEET)).to_have_count(1)
    expect(the_fall.locator(SHEET)).to_contain_text(second.get_attribute("title"))


@pytest.mark.parametrize("kind", ["source note", "Timeline mark"])
@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_axe_finds_no_violations_with_a_sheet_open(phone, site_url: str, axe_source: str, kind: str) -> None:
    mark = next(mark for mark in MARKS if mark.kind == kind)
    phone.goto(site_url + mark.page)
    target = phone.locator(mark.selector)
    centre(phone, target)
    tap_symbol(phone, target)  # the Timeline's marks get their hit areas too
    expect(phone.locator(SHEET)).to_be_visible()
    # At phone widths the Timeline's close-ups scroll sideways, and axe wants each scrolling box to
    # be focusable or hold something focusable: it holds the marks' links, which Tab reaches, but axe
    # counts an SVG link as focusable only with a plain href (the build writes xlink:href), so it
    # flags all five, sheet or no sheet. Lighthouse leaves this rule out.
    off = ("scrollable-region-focusable",) if kind == "Timeline mark" else ()
    assert axe_violations(phone, axe_source, off) == []


def test_nothing_is_built_for_touch_until_a_tap(phone, site_url: str) -> None:
    """Lazy, as the hover previews: no sheet and no extra hit areas exist until the reader taps or points."""
    phone.goto(site_url + "timeline/", wait_until="networkidle")
    assert phone.locator(f"{SHEET}, .explainer-hit, .md-tooltip2").count() == 0
    assert phone.locator("[data-explainer-scale]").count() == 0


def test_tap_works_after_instant_navigation(phone, site_url: str) -> None:
    phone.goto(site_url)
    phone.evaluate(f"location$.next(new URL({(site_url + 'story/the-fall/')!r}))")  # Material's instant navigation
    mark = phone.locator("article a.glossary-term").nth(2)
    mark.wait_for()
    centre(phone, mark)
    mark.tap()
    expect(phone.locator(SHEET)).to_contain_text(mark.get_attribute("title"))
