"""Glossary tooltips in a real Chromium: hover, keyboard focus, and a sheet on a tap on a touch phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from .previews import settle

pytestmark = pytest.mark.browser

STORY = "story/glossary-cases/"
FIRST_MENTION = "#glossary-jack-ma"
DEFINITION = "Founder of the fixture's group."
TOOLTIP = ".md-tooltip2"  # Material's tooltip element, added to <body> while one is shown
SHEET = ".explainer-sheet"  # what a tap on a touch screen opens instead


def visible_tooltip_text(page) -> str:
    """The text of the tooltip Material is showing, once it has faded in."""
    tooltip = page.locator(f"{TOOLTIP}.md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()


def test_hover_shows_the_definition(page, fixture_site_url):
    page.goto(fixture_site_url + STORY)
    page.hover(FIRST_MENTION)
    assert visible_tooltip_text(page) == DEFINITION


def test_keyboard_focus_shows_the_definition(page, fixture_site_url):
    page.goto(fixture_site_url + STORY)
    for _ in range(60):  # Tab through the page until the first mention has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == FIRST_MENTION[1:]:
            break
    else:
        pytest.fail("Tab never reached the first glossary mention")
    assert visible_tooltip_text(page) == DEFINITION


def test_escape_hides_the_definition_while_the_pointer_stays(page, fixture_site_url):
    page.goto(fixture_site_url + STORY)
    page.hover(FIRST_MENTION)
    assert visible_tooltip_text(page) == DEFINITION
    page.keyboard.press("Escape")
    page.wait_for_selector(f"{TOOLTIP}.md-tooltip2--active", state="hidden", timeout=5000)


def sheet_text(page) -> str:
    """The definition a tap shows, in the sheet at the foot of the screen (previews.js)."""
    sheet = page.locator(f"{SHEET} .explainer-sheet__item > p:not([class])")
    sheet.wait_for(state="visible", timeout=5000)
    return sheet.inner_text()


def test_tap_on_a_phone_shows_the_definition_and_its_link_leads_to_the_entry(phone_page, fixture_site_url):
    phone_page.goto(fixture_site_url + STORY)
    phone_page.tap(FIRST_MENTION)
    assert sheet_text(phone_page) == DEFINITION
    assert phone_page.url.endswith(STORY)  # the tap did not navigate
    assert phone_page.locator(f"{TOOLTIP}.md-tooltip2--active").count() == 0  # the sheet is the preview
    phone_page.locator(SHEET).get_by_role("link", name="Go to its Glossary entry").tap()
    phone_page.wait_for_url("**/glossary/#jack-ma")


def test_tap_works_after_instant_navigation(phone_page, fixture_site_url):
    phone_page.goto(fixture_site_url)
    phone_page.evaluate(f"location$.next(new URL({(fixture_site_url + STORY)!r}))")  # Material's instant navigation
    phone_page.wait_for_selector(FIRST_MENTION)
    phone_page.tap(FIRST_MENTION)
    assert sheet_text(phone_page) == DEFINITION


def test_real_story_page_tooltip_screenshot(page, site_url, tmp_path_factory):
    page.goto(site_url + "story/ai-success/")
    mention = page.locator("article a.glossary-term").first
    definition = mention.get_attribute("title")  # Material moves the title into the tooltip while shown
    mention.scroll_into_view_if_needed()
    mention.hover()
    assert visible_tooltip_text(page) == definition
    settle(page.locator(f"{TOOLTIP}.md-tooltip2--active"))  # the fade-in has finished before the picture
    shot = Path(tmp_path_factory.getbasetemp()) / "glossary-tooltip.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 0


def test_no_tooltip_is_built_until_a_mention_is_reached(page, fixture_site_url):
    """Previews cost nothing at load: none exists, and the mention keeps its title, until first hover."""
    page.goto(fixture_site_url + STORY, wait_until="networkidle")
    assert page.locator(TOOLTIP).count() == 0
    assert page.get_attribute(FIRST_MENTION, "title") == DEFINITION
    page.hover(FIRST_MENTION)
    assert visible_tooltip_text(page) == DEFINITION
    assert page.get_attribute(FIRST_MENTION, "title") is None  # moved into the tooltip while it shows
    assert page.get_attribute(FIRST_MENTION, "aria-describedby")


def test_hover_and_escape_work_after_instant_navigation(page, fixture_site_url):
    page.goto(fixture_site_url)
    page.evaluate(f"location$.next(new URL({(fixture_site_url + STORY)!r}))")  # Material's instant navigation
    page.wait_for_selector(FIRST_MENTION)
    page.hover(FIRST_MENTION)
    assert visible_tooltip_text(page) == DEFINITION
    page.keyboard.press("Escape")
    page.wait_for_selector(f"{TOOLTIP}.md-tooltip2--active", state="hidden", timeout=5000)
