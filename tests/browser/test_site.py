"""The reader's experience of the real site in Chromium."""

from __future__ import annotations


def test_fixture_site_serves_the_home_page(page, fixture_site_url: str) -> None:
    page.goto(fixture_site_url)
    assert page.locator("h1").first.is_visible()


def test_real_site_serves_every_page(page, site_url: str, site_pages: list[str]) -> None:
    for path in site_pages:
        response = page.goto(site_url + path)
        assert response is not None and response.ok, path
