"""The harness's shared browser contexts (conftest.Contexts) hand each test a page with nothing left
behind by the test before: what a page stores in its context is cleared when its test is done."""

from __future__ import annotations

from .conftest import DESKTOP


def test_a_shared_context_forgets_what_the_last_test_stored(contexts, site_url: str) -> None:
    earlier = contexts.page(viewport=DESKTOP)
    earlier.goto(site_url)
    earlier.locator("label[title='Switch to dark mode']").click()  # Material stores the reader's choice
    earlier.evaluate("localStorage.setItem('left-behind', '1')")
    beside = contexts.page(viewport=DESKTOP)  # the positive control: pages of one context share storage
    beside.goto(site_url)
    assert beside.evaluate("localStorage.getItem('left-behind')") == "1"
    assert beside.locator("body").get_attribute("data-md-color-scheme") == "slate"
    contexts.release(beside)
    contexts.release(earlier)
    later = contexts.page(viewport=DESKTOP)
    try:
        later.goto(site_url)
        assert later.evaluate("localStorage.getItem('left-behind')") is None
        assert later.locator("body").get_attribute("data-md-color-scheme") == "default"
    finally:
        contexts.release(later)
