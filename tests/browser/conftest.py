"""Browser harness: the real and fixture sites served over http, and Chromium driven by Playwright.

Fixtures: `site_url` and `fixture_site_url` (base URLs ending in '/'), `site_pages` (every page
path of the real site, e.g. '' and 'story/the-fall/'), `browser`, `page` (1280x800 desktop),
`phone_page` (375x667 touch phone), each a fresh page in a context of its own (`page_with` gives
pages with other options), `loaded_pages` (a page loaded once per module and lent to test after test,
put back as loaded after each: LoadedPages says for which tests), and `axe_source` (axe-core's script,
to inject into pages).

These pages get Material's search index with no documents (see `Contexts`): a test of search, of the
requests a page makes or of what it logs is marked `@pytest.mark.real_search` and gets the real one.

Without a browser (or without node_modules/axe-core) the tests skip with the reason; under CI
(env CI set) they fail instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from conftest import REPO, BuiltSite
from playwright.sync_api import TimeoutError as PlaywrightTimeout

# The engine's own, which every explainer's checks use (find_chromium, its flags and viewports: also for
# test_figures' screenshot script, as harness.find_chromium etc.).
from explainer_checks.plugin import (
    CHROMIUM_ARGS,
    DESKTOP,
    PHONE,
    PHONE_CONTEXT,
    answer_search_without_documents,
    find_chromium,
    page_paths,
    serve,
    waiting_for_scripts,
)

__all__ = ["CHROMIUM_ARGS", "DESKTOP", "PHONE", "PHONE_CONTEXT", "find_chromium", "page_paths", "serve"]

HERE = Path(__file__).parent
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "real_search: the test's pages fetch Material's real search index (tests/browser/conftest.py)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in tests/browser/ is a browser test, marked or not."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


def skip_or_fail(reason: str) -> None:
    """Skip locally; under CI a missing tool is a failure, never a silent pass."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(f"BROWSER TESTS NOT RUN: {reason}")


# --- serving built sites -------------------------------------------------------------------


@pytest.fixture(scope="session")
def real_site_dir(real_build: BuiltSite) -> Path:
    """The real site, built once per session (tests/conftest.py)."""
    return real_build.site_dir


@pytest.fixture(scope="session")
def site_url(real_site_dir: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the real site served on 127.0.0.1."""
    yield from serve(real_site_dir)


@pytest.fixture(scope="session")
def site_pages(real_site_dir: Path) -> list[str]:
    """Every page path of the real site, relative to `site_url` ('' is the home page)."""
    return page_paths(real_site_dir)


@pytest.fixture(scope="session")
def fixture_site_dir(fixture_build: BuiltSite) -> Path:
    """The fixture site (tests/fixtures/site), built once per session: the build the other tests read
    (tests/conftest.py), not a second one."""
    return fixture_build.site_dir


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site_dir: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the fixture site served on 127.0.0.1."""
    yield from serve(fixture_site_dir)


# --- the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(explainer_browser) -> object:
    """Chromium, launched once per session by the generic checks' plugin (explainer_checks.plugin, which
    finds it with find_chromium, imported above, with the same flags), shared with tests/test_explainer_checks.py."""
    return explainer_browser


class Contexts:
    """Fresh pages, each in a browser context of its own (no cache, no storage: a reader's first visit),
    with the `browser.new_context` options a test asks for; closed after the test.

    Material's search fetches search/search_index.json (300 kB for the real site) on every page load and
    indexes it in a worker: about a third of the CPU Chromium spends on a load (issue 22). A test that
    tests nothing about search, requests or console output has no use for it, so its pages are answered
    with the site's own index without documents (the engine's answer_search_without_documents): the same
    search configuration, a valid index, nothing to index. Pages made with `real_search=True` (the
    fixtures do for a test marked `real_search`) fetch the real one. test_site.py's positive control
    shows both.

    (One context per set of options, shared by the tests so pages load from its cache, was tried for
    issue 22: no faster in a back-to-back run under load, and two tests that follow a link failed once
    each in it; not investigated.)
    """

    def __init__(self, browser) -> None:
        self.browser = browser
        self.empty_indexes: dict[str, str] = {}  # by address: the site's index without its documents

    def page(self, real_search: bool = False, **options) -> object:
        """A fresh page in a new context with these `browser.new_context` options; Material's search
        index without documents unless `real_search`. Its navigations wait for the page's scripts too
        (the engine's waiting_for_scripts: they are requested after the first paint)."""
        context = self.browser.new_context(**options)
        if not real_search:
            answer_search_without_documents(context, self.empty_indexes)
        return waiting_for_scripts(context.new_page())

    def release(self, page) -> None:
        """Close the test's page and its context."""
        page.context.close()


@pytest.fixture(scope="session")
def contexts(browser) -> Contexts:
    """Makes the tests' pages (see Contexts)."""
    return Contexts(browser)


def real_search(request: pytest.FixtureRequest) -> bool:
    """Whether the test is marked `real_search`: its pages fetch Material's real search index."""
    return request.node.get_closest_marker("real_search") is not None


def shared_page(contexts: Contexts, request: pytest.FixtureRequest, **options) -> Iterator[object]:
    """A fixture's body: a fresh page with these context options, closed after the test."""
    page = contexts.page(real_search(request), **options)
    yield page
    contexts.release(page)


@pytest.fixture
def page_with(contexts: Contexts, request: pytest.FixtureRequest) -> Iterator[Callable[..., object]]:
    """Makes fresh pages with the `browser.new_context` options given (a wide screen, a colour scheme),
    each in a context of its own, all closed after the test: `page_with(viewport=WIDE)`."""
    made: list[object] = []

    def make(**options) -> object:
        made.append(contexts.page(real_search(request), **options))
        return made[-1]

    yield make
    for page in made:
        contexts.release(page)


@pytest.fixture
def page(contexts: Contexts, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh desktop page (1280x800) in its own browser context."""
    yield from shared_page(contexts, request, viewport=DESKTOP)


@pytest.fixture
def phone_page(contexts: Contexts, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh phone page (375x667, touch, mobile) in its own browser context."""
    yield from shared_page(contexts, request, **PHONE_CONTEXT)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script from node_modules (installed by `make test` via `npm ci`), to inject into pages."""
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"{AXE_SCRIPT.relative_to(REPO)} is missing; run `npm ci` (needs Node.js and npm)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


# --- one loaded page lent to test after test ---------------------------------------------------

# What a test may change on a page it borrows, and the way back. The state is compared with the page's
# as loaded after every test; the focused element is described as tag#id.class.
PAGE_STATE = """() => {
  const focused = document.activeElement;
  return {
    address: location.href,
    scroll: [scrollX, scrollY],
    focused: focused === document.body ? null
      : `${focused.tagName}#${focused.id}.${focused.className.baseVal ?? focused.className}`,
    open: [...document.querySelectorAll('details')].map(details => details.open),
    previews: document.querySelectorAll('.explainer-sheet, .md-tooltip2--active').length,
    expanded: document.querySelectorAll('article [aria-expanded=true]').length,
    // a pointer resting on the content; on a touch screen :hover is where the last tap left it, as on a
    // phone (no pointer rests there, and the next tap moves it)
    hovered: matchMedia('(hover: hover)').matches ? document.querySelectorAll('.md-main :hover').length : 0,
    media: ['print', '(prefers-color-scheme: dark)'].filter(query => matchMedia(query).matches),
    size: [innerWidth, innerHeight],
  };
}"""
AS_LOADED = f"(loaded) => JSON.stringify(({PAGE_STATE})()) === JSON.stringify(loaded)"
PUT_BACK = """(loaded) => {
  document.activeElement?.blur();
  document.querySelectorAll('details').forEach((details, index) => {
    details.open = loaded.open[index] ?? details.open;
  });
  scrollTo(...loaded.scroll);
}"""


class LoadedPages:
    """Pages loaded once and lent to test after test (see `loaded_pages`), by address and context options.

    After each test whose page's state (PAGE_STATE) differs from its state as loaded, the page is put back:
    a preview or sheet left open closed with Escape (as a reader does), media emulation off, the pointer off
    the content, nothing focused, every disclosure as it was, scrolled back; then its state must come back to
    its state as loaded, or the test fails at teardown and the page is closed (the next test gets a fresh
    load). For tests that read a page or change only that; not for a test of what a page does first (its
    load, its scripts' errors, a preview mounted on the first hover or focus, storage), of Tab from the top
    of the page (the next Tab starts from the last focused element), or of a navigation.
    """

    def __init__(self, contexts: Contexts) -> None:
        self.contexts = contexts
        self.loaded: dict[tuple, tuple[object, dict]] = {}

    @contextmanager
    def lend(self, url: str, keep: bool = True, **options) -> Iterator[object]:
        """The page at `url` in a context with these options, loaded now or by an earlier borrower; put back
        after use, or closed if not `keep` (a last borrower that navigates or leaves it changed)."""
        key = (url, repr(sorted(options.items())))
        if key not in self.loaded:
            page = self.contexts.page(**options)
            page.goto(url)
            self.loaded[key] = (page, page.evaluate(PAGE_STATE))
        page, as_loaded = self.loaded[key]
        try:
            yield page
        except BaseException:
            self.release(key)  # in whatever state the failure left it
            raise
        if not keep:
            self.release(key)
            return
        if (now := page.evaluate(PAGE_STATE)) == as_loaded:
            return
        if now["previews"]:
            page.keyboard.press("Escape")
        page.emulate_media(media="null")
        if now["hovered"]:  # only then: a page on a touch screen has seen no mouse
            page.mouse.move(0, 0)
        page.evaluate(PUT_BACK, as_loaded)
        with suppress(PlaywrightTimeout):  # Material puts the address back after the scroll (navigation.tracking)
            page.wait_for_function(AS_LOADED, arg=as_loaded, polling=50, timeout=5000)  # not every frame
        if (now := page.evaluate(PAGE_STATE)) != as_loaded:
            self.release(key)
            changed = {name: (as_loaded[name], now[name]) for name in now if now[name] != as_loaded.get(name)}
            pytest.fail(f"{url}: the page lent could not be put back as loaded (was, is): {changed}", pytrace=False)

    def release(self, key: tuple) -> None:
        page, _ = self.loaded.pop(key)
        self.contexts.release(page)

    def close(self) -> None:
        for key in list(self.loaded):
            self.release(key)


@pytest.fixture(scope="module")
def loaded_pages(contexts: Contexts) -> Iterator[LoadedPages]:
    """Pages loaded once per module and lent to its tests (LoadedPages): `with loaded_pages.lend(url,
    viewport=DESKTOP) as page:` in a test's fixture. Search gets the index without documents."""
    pages = LoadedPages(contexts)
    yield pages
    pages.close()
