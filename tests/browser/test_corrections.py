"""Correction marks in Chromium: previews on hover and keyboard focus, and log links that land on the mark."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from explainer_checks.plugin import SCRIPTS_RUN

from .previews import expect_open, preview_of

CORRECTED = "corrected/"  # the fixture site's page with four corrections
MAX_TABS = 80


def mark_link(page, correction_id: str):
    return page.locator(f"[id='cref:{correction_id}'] > a")


def tab_to(page, link) -> None:
    """Press Tab until `link` has keyboard focus, as a keyboard user would reach it."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached the correction mark")


def test_hovering_a_mark_previews_its_correction(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + CORRECTED)
    link = mark_link(page, "hugging-face")
    expect(link).to_have_text("C1")
    link.hover()
    preview = preview_of(page, link)
    expect_open(preview)
    expect(preview).to_contain_text("Translation note, 20 November 2026:")
    expect(preview).to_contain_text("The copy read “embraced face”.")
    expect(preview.locator(".correction__back")).to_be_hidden()


def test_keyboard_focus_on_a_mark_previews_its_correction(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + CORRECTED)
    link = mark_link(page, "listing-size")
    tab_to(page, link)
    preview = preview_of(page, link)
    expect_open(preview)
    expect(preview).to_contain_text('This page said “"$37 billion" & rising”.')
    page.keyboard.press("Tab")  # focus moves on, the preview goes
    expect(preview).to_be_hidden()


def test_marks_look_different_from_source_notes(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + CORRECTED)
    style = "el => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).color]"
    border, color = mark_link(page, "dan-ives").evaluate(style)
    assert border == "solid"
    page.goto(fixture_site_url + "story/the-fall/")
    source_border, source_color = page.locator("article a.footnote-ref").first.evaluate(style)
    assert source_border == "none" and source_color != color


def test_log_links_land_on_the_mark(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + "corrections/")
    page.locator("#dan-ives .correction-entry__where a").click()
    expect(page).to_have_url(re.compile(r"/corrected/#cref:dan-ives$"))
    mark = page.locator("[id='cref:dan-ives']")
    expect(mark).to_be_in_viewport()
    assert page.evaluate("location.hash") == "#cref:dan-ives"


def test_real_story_marks_preview_and_log_links_land(page, site_url: str) -> None:
    page.goto(site_url + "corrections/")
    page.locator("#peak-value-sources-disagree .correction-entry__where a").click()
    expect(page).to_have_url(re.compile(r"/story/the-fall/#cref:peak-value-sources-disagree$"))
    page.wait_for_function(SCRIPTS_RUN)  # a followed link, unlike goto, does not wait for the scripts the hover needs
    link = mark_link(page, "peak-value-sources-disagree")
    expect(link).to_be_in_viewport()
    expect(link).to_have_text("C1")
    link.hover()
    expect(preview_of(page, link)).to_contain_text("An earlier version of this page said")


def test_real_story_translation_notes_are_in_the_log_not_the_text(page, site_url: str) -> None:
    """The Translation log lists the decoding of the copy; its links land on the phrase, which has no mark."""
    page.goto(site_url + "translation-log/")
    page.locator("#hugging-face .correction-entry__where a").click()
    expect(page).to_have_url(re.compile(r"/story/ai-success/#cref:hugging-face$"))
    expect(page.locator("[id='cref:hugging-face']")).to_be_in_viewport()
    expect(page.locator("span.correction-spot[id='cref:hugging-face']")).to_have_count(1)  # the phrase, unmarked
    expect(page.locator("sup[id='cref:hugging-face']")).to_have_count(0)  # no mark in the text
    expect(page.locator("article .correction-ref a").first).to_be_attached()  # the page's other marks are
