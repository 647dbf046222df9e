"""The reader's experience of the site in Chromium: dark mode, search, source-note previews, side
notes and print. (No request to another host, no script error, axe-core on every page, phones and
each page's social preview tags are generic checks every explainer runs: explainer_checks, through
tests/test_explainer_checks.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from .conftest import DESKTOP
from .previews import OPEN, expect_open, preview_of

STORY = "story/the-fall/"  # the fixture site's story page with source notes
WIDE = {"width": 1680, "height": 1000}  # room for side notes beside the text


def color_scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


# The checks that only read the fixture's story page, or put back what they change, share one visit of it
# on a desktop and one on a wide screen (each page is loaded once per module: conftest.LoadedPages).


@pytest.fixture
def desktop_story(loaded_pages, fixture_site_url: str):
    """The fixture's story page on a 1280 px desktop, for checks that read it or put back what they change."""
    with loaded_pages.lend(fixture_site_url + STORY, viewport=DESKTOP) as page:
        yield page


@pytest.fixture
def desktop_story_to_resize(loaded_pages, fixture_site_url: str):
    """`desktop_story` for a test that changes what cannot be put back: the shared page if loaded, closed
    after the test."""
    with loaded_pages.lend(fixture_site_url + STORY, keep=False, viewport=DESKTOP) as page:
        yield page


@pytest.fixture
def wide_story(loaded_pages, fixture_site_url: str):
    """The fixture's story page on a 1680 px screen (room for side notes), for checks that only read it."""
    with loaded_pages.lend(fixture_site_url + STORY, viewport=WIDE) as page:
        yield page


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.real_search
def test_search_dialog_has_an_accessible_name(page, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"


def test_links_in_text_are_underlined(desktop_story) -> None:
    link = desktop_story.locator("article p a.footnote-ref").first
    assert "underline" in link.evaluate("el => getComputedStyle(el).textDecorationLine")


# --- dark mode -------------------------------------------------------------------------------


def test_dark_mode_toggle_switches_and_is_remembered(page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    assert color_scheme(page) == "default"
    page.locator("label[title='Switch to dark mode']").click()
    assert color_scheme(page) == "slate"
    background = page.locator("body").evaluate("el => getComputedStyle(el).backgroundColor")
    assert sum(int(part) for part in background[4:-1].split(",")[:3]) < 3 * 80, background
    page.goto(site_url + "about/")
    assert color_scheme(page) == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert color_scheme(page) == "default"


# --- search ----------------------------------------------------------------------------------


def search(page, query: str) -> None:
    """Type `query` into Material's search; retype if the index was still loading (it drops early queries)."""
    field, results = page.locator(".md-search__input"), page.locator(".md-search-result__item")
    field.click()
    for _ in range(5):
        field.fill("")
        page.keyboard.type(query, delay=30)
        try:
            results.first.wait_for(timeout=2000)
            return
        except PlaywrightTimeout:
            continue
    pytest.fail(f"the search never showed results for {query!r}")


@pytest.mark.real_search
def test_search_finds_a_glossary_term(page, site_url: str) -> None:
    with page.expect_response("**/search/search_index.json") as answer:
        page.goto(site_url, wait_until="networkidle")
    assert len(answer.value.json()["docs"]) > 100  # the real index (the test below has the empty one)
    search(page, "Qwen")
    assert "Qwen" in page.locator(".md-search-result__item").first.inner_text()
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any("/glossary/" in link for link in links), links


def test_a_test_not_of_search_gets_the_sites_search_index_without_documents(page, site_url: str) -> None:
    """The positive control of the empty index the harness answers (tests/browser/conftest.py, Contexts):
    Material still asks for it, and gets the real index's configuration with no document to index."""
    with page.expect_response("**/search/search_index.json") as answer:
        page.goto(site_url)
    index = answer.value.json()
    assert index["docs"] == []
    assert index["config"]["lang"] == ["en"] and "separator" in index["config"]


# --- source-note previews --------------------------------------------------------------------


def test_source_note_previews_on_hover(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + STORY)
    ref = page.locator("article a.footnote-ref").first
    ref.hover()
    expect_open(preview_of(page, ref))
    expect(preview_of(page, ref)).to_contain_text("record listing is halted")


def test_source_note_previews_on_keyboard_focus(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url + STORY)
    ref = page.locator("article a.footnote-ref").first
    for _ in range(60):  # Tab through the page until the first reference has focus
        page.keyboard.press("Tab")
        if ref.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the first source note")
    expect_open(preview_of(page, ref))
    expect(preview_of(page, ref)).to_contain_text("record listing is halted")


def test_tapping_a_source_note_on_a_phone_previews_it_in_place(phone_page, fixture_site_url: str) -> None:
    """The note shows in a sheet and the page stays put; the sheet's link goes to the note (more in test_touch.py)."""
    phone_page.goto(fixture_site_url + STORY)
    phone_page.locator("article a.footnote-ref[href*='#fn:']").first.tap()
    sheet = phone_page.get_by_role("dialog", name="Source note 1")
    expect(sheet).to_contain_text("record listing is halted")
    note = phone_page.locator("[id='fn:wire-2020-ipo']")
    expect(note).not_to_be_in_viewport()
    sheet.get_by_role("link", name="Go to note 1").tap()
    expect(note).to_be_in_viewport()
    expect(note).to_contain_text("record listing is halted")


@pytest.mark.parametrize("reach", ["hover", "focus"])
def test_escape_closes_the_preview_until_it_is_reached_again(page, fixture_site_url: str, reach: str) -> None:
    page.goto(fixture_site_url + STORY)
    first, second = page.locator("article a.footnote-ref").nth(0), page.locator("article a.footnote-ref").nth(1)
    getattr(first, reach)()
    expect_open(preview_of(page, first))
    page.keyboard.press("Escape")
    expect(preview_of(page, first)).to_be_hidden()
    getattr(second, reach)()
    expect_open(preview_of(page, second))
    getattr(first, reach)()
    expect_open(preview_of(page, first))


@pytest.mark.parametrize("reach", ["hover", "focus"])
def test_escape_pressed_while_the_preview_is_opening_keeps_it_closed(page, fixture_site_url: str, reach: str) -> None:
    """Material mounts a preview a frame before it opens it; Escape in that frame still counts."""
    page.goto(fixture_site_url + STORY)
    ref = page.locator("article a.footnote-ref").first
    getattr(ref, reach)()
    preview = preview_of(page, ref)  # mounted, possibly not yet open
    page.keyboard.press("Escape")
    expect(preview).to_have_class(OPEN)  # Material still opens it ...
    expect(preview).to_be_hidden()  # ... but the reader doesn't see it


# --- side notes ------------------------------------------------------------------------------


def test_side_notes_sit_beside_their_paragraph_left_of_the_contents(wide_story) -> None:
    page = wide_story
    note, ref = page.locator(".sidenote").first, page.locator("article a.footnote-ref").first
    text = page.locator("article > p").first.bounding_box()
    box, ref_box = note.bounding_box(), ref.bounding_box()
    assert note.is_visible() and "record listing is halted" in note.inner_text()
    assert box["x"] >= text["x"] + text["width"]
    assert abs(box["y"] - ref_box["y"]) < 40
    toc = page.locator(".md-sidebar--secondary")
    if toc.is_visible():
        assert box["x"] + box["width"] <= toc.bounding_box()["x"]


def test_side_notes_appear_after_instant_navigation(page_with, site_url: str) -> None:
    page = page_with(viewport=WIDE)
    page.goto(site_url + "about/", wait_until="networkidle")
    page.locator(".md-sidebar--primary a[href$='story/the-fall/']").click()
    page.wait_for_url("**/story/the-fall/")
    expect(page.locator(".sidenote").first).to_be_visible()


def test_side_notes_are_not_built_on_narrower_screens(desktop_story) -> None:
    """Below 1600 px there is no room: no copies are made (phones don't pay for them at load)."""
    page = desktop_story
    expect(page.locator("article a.footnote-ref").first).to_be_visible()
    assert page.locator(".sidenote").count() == 0


def test_side_notes_are_hidden_from_screen_readers_and_keyboards(wide_story) -> None:
    page = wide_story
    notes = page.locator(".sidenote")
    expect(notes.first).to_be_visible()
    assert notes.evaluate_all("ns => ns.every(n => n.getAttribute('aria-hidden') === 'true')")
    assert page.locator(".sidenote a:not([tabindex='-1'])").count() == 0


def test_a_source_cited_twice_in_a_paragraph_gets_one_side_note(wide_story) -> None:
    page = wide_story
    expect(page.locator(".sidenote").first).to_be_visible()
    for paragraph in page.locator("article p:has(.sidenote)").all():
        numbers = paragraph.locator(".sidenote__number").all_inner_texts()
        assert len(numbers) == len(set(numbers))


# --- the list of notes: folded on phones, shown on wide screens and on paper ---------------------


def test_on_a_phone_the_notes_are_folded_behind_all_n_notes_and_open_with_a_tap(phone_page, fixture_site_url: str):
    phone_page.goto(fixture_site_url + STORY)
    folded = phone_page.locator("details.footnote__list")
    summary, first_note = folded.locator("summary"), folded.locator("li").first
    expect(summary).to_have_text(re.compile(r"^All \d+ notes$"))
    assert summary.bounding_box()["height"] >= 24  # a target a finger can hit
    expect(first_note).to_be_hidden()
    phone_page.locator(".source-summary").scroll_into_view_if_needed()
    summary.tap()
    expect(first_note).to_be_visible()
    phone_page.emulate_media(media="print")  # on paper every note prints, folded or not
    folded.evaluate("details => { details.open = false }")
    expect(first_note).to_be_visible()
    expect(summary).to_be_hidden()


def test_on_a_wide_screen_the_notes_are_shown_without_a_fold(desktop_story):
    page = desktop_story
    expect(page.locator("details.footnote__list li").first).to_be_visible()  # the positive control of the above
    expect(page.locator("details.footnote__list summary")).to_be_hidden()


@pytest.mark.parametrize("screen", ["phone_page", "page"])
def test_a_link_to_a_late_note_shows_that_note_and_back_returns_to_it(request, screen: str, site_url: str):
    """Material opens a closed disclosure that holds a link's target but scrolls to the disclosure; the
    reader must see the note itself, arriving by its address and coming back to it."""
    browser_page = request.getfixturevalue(screen)
    browser_page.goto(site_url + "story/since-then/")
    late = browser_page.locator("details.footnote__list li").nth(-3)  # far below the top of the list
    browser_page.goto(site_url + "story/since-then/#" + late.get_attribute("id"))
    expect(late).to_be_in_viewport()
    late.locator("a.source-note__details").click()  # to the source's entry on the Sources page
    browser_page.wait_for_url("**/sources/**")
    browser_page.go_back()
    expect(late).to_be_in_viewport()


# --- print -----------------------------------------------------------------------------------


def test_print_shows_notes_as_endnotes_without_previews_or_navigation(desktop_story) -> None:
    page = desktop_story
    page.locator("article a.footnote-ref").first.hover()
    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", ".md-tooltip2", ".sidenote", ".report-error"]:
        assert page.locator(hidden).evaluate_all("els => els.every(el => !el.checkVisibility())"), hidden
    assert page.locator(".footnote").is_visible()
    source_link = page.locator(".footnote cite a").first
    address = source_link.evaluate("el => getComputedStyle(el, '::after').content")
    assert source_link.get_attribute("href") in address


def test_print_gives_the_address_of_links_that_leave_the_site_only(page, site_url: str) -> None:
    """Material's instant navigation makes every href absolute; the site's own still print without one."""
    page.goto(site_url + "story/the-fall/")
    page.wait_for_function("document.querySelector('a.glossary-term').getAttribute('href').startsWith('http')")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    after = "els => els.map(el => getComputedStyle(el, '::after').content)"
    in_site = page.locator("article p > a.glossary-term, .footnote a[href*='/sources/#']")
    assert in_site.count() > 10
    assert in_site.evaluate_all(f"els => ({after})(els).every(content => !content.includes('<'))")
    leaving = page.locator(".footnote cite a[href^='https://']")
    assert leaving.count() > 5
    assert leaving.evaluate_all(f"els => ({after})(els).every(content => content.includes('<https://'))")


def test_the_home_pages_chapter_list_starts_within_two_phone_screens(phone_page, site_url: str) -> None:
    """Issue 24.5: on a 375 px phone the way in is the story, not a manual: the headline, the standfirst and
    then the chapters, whose list starts within 1,600 px of the top (two and a half screens of 667 px)."""
    phone_page.goto(site_url)
    chapters = phone_page.locator("article h2#the-chapters + ol")
    expect(chapters.locator("> li")).to_have_count(8)  # the list measured is the chapters' (positive control)
    top = chapters.evaluate("list => list.getBoundingClientRect().top + window.scrollY")
    assert 0 < top <= 1600, top


# Last of the tests that share the story page on a desktop: the side notes it makes stay (the page is closed after it).


def test_side_notes_appear_when_the_window_grows_wide(desktop_story_to_resize) -> None:
    page = desktop_story_to_resize
    assert page.locator(".sidenote").count() == 0  # none yet at 1280 px
    page.set_viewport_size(WIDE)
    expect(page.locator(".sidenote").first).to_be_visible()
