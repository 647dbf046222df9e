"""Material's instant navigation as readers get it, and its slow case, for the tests of links within a page.

The first link a reader follows within a page makes Material fetch that page again and replace its
content; Material then shows the link's target again, unless it has saved the scroll position in the
history entry before the answer came (100 ms after a scroll), when it restores that position instead
(explainer.js shows the target then). `SecondFetchHeld` answers that fetch only once the position is
saved: the order a slow network or a busy phone gives, every time instead of now and then.

On the tests' server Material's instant navigation leaves links alone: the sitemap names the site's
published address, not 127.0.0.1 (Material keeps a sitemap entry's port and path). `as_on_pages`
answers the sitemap with this server's addresses, so a link is handled as it is for readers.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .previews import after_scroll

# The published address every page's sitemap entry starts with (mkdocs.yml's site_url).
PUBLISHED = "https://annotated-explainers.github.io/alibaba-turnaround/"


def as_on_pages(page, site_url: str) -> None:
    """Answer the site's sitemap with `site_url`'s addresses: Material's instant navigation handles the
    page's links to the site (a link within the page among them) as on the published site."""

    def answer(route) -> None:
        sitemap = route.fetch().text()
        assert PUBLISHED in sitemap, "the sitemap no longer names the published address"
        route.fulfill(status=200, content_type="application/xml", body=sitemap.replace(PUBLISHED, site_url))

    page.route("**/sitemap.xml", answer)


class SecondFetchHeld:
    """Answers the page at `url` at once the first time (the page's load), and holds every later fetch of
    it (Material's, after the first link within the page) until the history entry has a saved position."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.path = urlsplit(url).path
        self.fetches = 0
        self.held: list[object] = []
        page.route(lambda address: urlsplit(address).path == self.path, self.answer)

    def answer(self, route) -> None:
        self.fetches += 1
        if self.fetches == 1:
            route.continue_()
        else:
            self.held.append(route)

    def wait_for_the_saved_position(self) -> None:
        """Material saves the scroll position in the history entry 100 ms after the last scroll."""
        self.page.wait_for_function("() => history.state !== null && Math.abs(history.state.y - scrollY) < 1")

    def release_once_the_position_is_saved(self) -> None:
        """Wait for Material to save the scroll position (where the page is now) and to have asked for the
        page again, answer it, and wait until the page's content is replaced and handled (two frames after)."""
        self.wait_for_the_saved_position()
        for _ in range(100):
            if self.held:
                break
            self.page.wait_for_timeout(20)
        assert self.fetches == 2 and len(self.held) == 1, f"{self.fetches} fetches of {self.path}, none held"
        self.page.evaluate("() => { document.querySelector('article').dataset.beforeFetch = '1' }")
        for route in self.held:
            route.continue_()
        self.page.wait_for_function("() => !document.querySelector('article[data-before-fetch]')")
        after_scroll(self.page)
