"""The Timeline in Chromium: SVG marks are links to their entries, and the picture stays legible on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SVG_TEXT_SIZES = """svg => [...svg.querySelectorAll('text')].map(text => {
  const size = parseFloat(getComputedStyle(text).fontSize);
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return size * scale;
})"""
CONTRAST_PARTS = """svg => {
  const text = svg.querySelector('.timeline-lane__label'), mark = svg.querySelector('.timeline-mark circle');
  return [getComputedStyle(text).fill, getComputedStyle(mark).fill, getComputedStyle(document.body).backgroundColor];
}"""


def test_svg_mark_is_a_link_that_jumps_to_its_entry(page, fixture_site_url: str):
    page.goto(fixture_site_url + "timeline/")
    mark = page.locator("svg.timeline-svg").get_by_role("link", name="3 November 2020: The record listing is halted")
    mark.click()
    expect(page).to_have_url(re.compile(r"/timeline/#ipo-halted$"))
    entry = page.locator("article#ipo-halted")
    expect(entry).to_be_in_viewport()
    assert page.evaluate("() => document.querySelector(':target')?.id") == "ipo-halted"


def test_timeline_page_logs_no_script_error(page, fixture_site_url: str):
    """Material's instant navigation rewrites links; SVG links must not make it throw."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(fixture_site_url + "story/the-fall/")
    page.locator("aside.key-dates a").first.click()  # instant navigation loads the Timeline
    page.locator(".timeline-entry__section").first.click()
    page.go_back()
    page.wait_for_load_state("networkidle")
    assert errors == []


def test_svg_marks_are_reachable_with_the_keyboard(page, fixture_site_url: str):
    page.goto(fixture_site_url + "timeline/")
    page.locator(".timeline-data a").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == '24 October 2020: A speech & its "quotes"'
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#cases-first-week$"))


def test_key_dates_item_and_inline_reference_lead_to_the_timeline(page, fixture_site_url: str):
    page.goto(fixture_site_url + "story/timeline-cases/")
    page.locator("a.event-ref").click()
    expect(page).to_have_url(re.compile(r"/timeline/#ipo-halted$"))
    expect(page.locator("article#ipo-halted")).to_be_in_viewport()
    page.goto(fixture_site_url + "story/the-fall/")
    page.locator("aside.key-dates a").first.click()
    expect(page.locator("article#ipo-halted")).to_be_in_viewport()


def test_phone_picture_scrolls_inside_its_frame_with_legible_text(phone_page, fixture_site_url: str):
    phone_page.goto(fixture_site_url + "timeline/")
    frame = phone_page.locator(".timeline-figure__scroll")
    sizes = frame.locator("svg").evaluate(SVG_TEXT_SIZES)
    assert min(sizes) >= 12, sizes
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    assert phone_page.evaluate("() => document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_picture_follows_the_colour_scheme(browser, fixture_site_url: str, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(fixture_site_url + "timeline/")
    text, mark, background = page.locator("svg.timeline-svg").evaluate(CONTRAST_PARTS)
    context.close()
    assert len({text, mark, background}) == 3
    assert text != "rgb(0, 0, 0)" or scheme == "light"
