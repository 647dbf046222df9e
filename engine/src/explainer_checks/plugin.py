"""The pytest plugin behind the generic checks: the site under test, its build, its settings, Chromium.

Loaded through the `pytest11` entry point wherever the engine is installed; it only adds fixtures
(all named `explainer_*`), settings and two markers, so a test suite that does not import the
checks is not changed by it. See explainer_checks/__init__.py for what a site writes and sets.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, get_files
from mkdocs.utils.meta import get_data

from explainer.data import SiteRecords
from explainer.pages import is_story_page
from explainer.registry import load_site_data

from .build import BuiltSite, build_config

try:
    import fcntl
except ImportError:  # Windows: no file locks; each worker builds its own
    fcntl = None

# Debian's Chromium builds, the first found: the headless shell (apt `chromium-headless-shell`, the build
# Playwright itself runs headless; a new browser context costs less than half as much), else the browser.
DEBIAN_HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}
PHONE_CONTEXT = {"viewport": PHONE, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}  # a touch phone
CHECK_MODULES = ("explainer_checks.site", "explainer_checks.browser")
SEARCH_INDEX = "**/search/search_index.json"  # Material's search index, fetched by every page it loads


# Settings ----------------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("explainer_config_file", "the explainer's mkdocs.yml, from the rootdir", default="mkdocs.yml")
    parser.addini(
        "explainer_names_with_digits",
        "names with a digit that are not figures or dates (the glossary's terms count already)",
        type="linelist",
        default=[],
    )
    parser.addini(
        "explainer_skip_checks", "generic checks this site turns off, one per line: `test_name: why`", "linelist", []
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real Chromium through Playwright")
    config.addinivalue_line("markers", "slow: builds the real site or runs external tools")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the generic checks the site turned off (`explainer_skip_checks`), with its reason."""
    turned_off = {}
    for line in config.getini("explainer_skip_checks"):
        name, _, why = line.partition(":")
        turned_off[name.strip()] = why.strip() or "turned off in explainer_skip_checks"
    for item in items:
        function = getattr(item, "function", None)
        if function is not None and function.__module__ in CHECK_MODULES and function.__name__ in turned_off:
            item.add_marker(pytest.mark.skip(reason=f"turned off by this site: {turned_off[function.__name__]}"))


def skip_or_fail(reason: str) -> None:
    """Skip, saying why in capitals; under CI a missing tool is a failure, never a silent pass."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
    pytest.skip(reason)


# The site under test -----------------------------------------------------------------------------


@dataclass
class ExplainerSite:
    """The explainer the checks run on, as its own files describe it."""

    config_file: Path
    names_with_digits: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @cached_property
    def config(self) -> MkDocsConfig:
        """mkdocs.yml as MkDocs loads it, its defaults filled in."""
        return load_config(str(self.config_file))

    @cached_property
    def data(self) -> SiteRecords:
        """The data files, read and checked as the build reads them."""
        return load_site_data(self.root)

    @property
    def base_path(self) -> str:
        """The path the site is published under, from site_url: '/' or '/my-explainer/'."""
        path = urlsplit(self.config.site_url or "/").path or "/"
        return path if path.endswith("/") else path + "/"

    @cached_property
    def pages(self) -> list[str]:
        """Every page of docs/ MkDocs publishes, as it names them ('story/the-fall.md')."""
        return sorted(file.src_uri for file in get_files(self.config).documentation_pages())

    @property
    def story_pages(self) -> list[str]:
        return [page for page in self.pages if is_story_page(page)]

    def built_path(self, src_uri: str) -> str:
        """Where MkDocs writes a page, as BuiltSite.html takes it: 'story/the-fall/' (or '...html')."""
        return File(src_uri, None, "", self.config.use_directory_urls).dest_uri.removesuffix("index.html")

    def front_matter(self, src_uri: str) -> dict[str, Any]:
        """A page's front matter ({} without one), as MkDocs reads it."""
        return get_data((Path(self.config.docs_dir) / src_uri).read_text(encoding="utf-8"))[1]


def _site_of(config: pytest.Config) -> ExplainerSite:
    config_file = Path(config.rootpath) / config.getini("explainer_config_file")
    if not config_file.is_file():
        pytest.fail(
            f"no {config_file}: the explainer checks run from the site's folder (set explainer_config_file)",
            pytrace=False,
        )
    return ExplainerSite(config_file.resolve(), list(config.getini("explainer_names_with_digits")))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A check that takes `explainer_story_page` runs once per story page (docs/story/*.md)."""
    if "explainer_story_page" in metafunc.fixturenames:
        config_file = Path(metafunc.config.rootpath) / metafunc.config.getini("explainer_config_file")
        pages = _site_of(metafunc.config).story_pages if config_file.is_file() else []
        metafunc.parametrize("explainer_story_page", pages)


@pytest.fixture(scope="session")
def explainer_site(pytestconfig: pytest.Config) -> ExplainerSite:
    """The explainer under test: its mkdocs.yml, pages, data and settings."""
    return _site_of(pytestconfig)


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], BuiltSite]) -> BuiltSite:
    """`make(folder)`'s build, made once per test run: under pytest-xdist the first worker that needs it builds it
    into the run's temporary folder, which every worker shares, and the others read what it wrote and logged
    (the build is only read). In one process, or without fcntl (Windows), it is made here."""
    if fcntl is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        return make(tmp_path_factory.mktemp(name))
    run_folder = tmp_path_factory.getbasetemp().parent  # pytest-N/, above each worker's popen-gwN/
    record = run_folder / f"{name}.json"
    with open(run_folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            return BuiltSite(saved["ok"], Path(saved["site_dir"]), saved["messages"], saved["levels"])
        built = make(run_folder / name)
        saved = {"ok": built.ok, "site_dir": str(built.site_dir), "messages": built.messages, "levels": built.levels}
        record.write_text(json.dumps(saved), encoding="utf-8")
        return built


@pytest.fixture(scope="session")
def explainer_build(explainer_site: ExplainerSite, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built once per test run into a temporary folder (not --strict, so checks can read its warnings),
    shared by pytest-xdist's workers (`shared_build`)."""
    built = shared_build(
        tmp_path_factory,
        "explainer",
        lambda folder: build_config(explainer_site.config_file, folder / "site", strict=False),
    )
    if not built.ok:
        pytest.fail("the site does not build:\n" + "\n".join(built.messages), pytrace=False)
    return built


# Serving and Chromium ----------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # the stdlib's signature
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: tuple) -> None:
        """A browser that stops reading (a fetch cancelled as Material replaces or leaves a page) is no error of
        the site's: nothing printed. Anything else is printed, as the standard library does."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port until the generator is closed; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site_dir: Path) -> list[str]:
    """Every page of a built site relative to its root: '', 'about/', 'story/the-fall/'."""
    pages = sorted(index.parent.relative_to(site_dir).as_posix() for index in site_dir.rglob("index.html"))
    return ["" if path == "." else f"{path}/" for path in pages]


@pytest.fixture(scope="session")
def explainer_site_url(explainer_build: BuiltSite) -> Iterator[str]:
    """Base URL (ending in '/') of the built site, served on 127.0.0.1."""
    yield from serve(explainer_build.site_dir)


@pytest.fixture(scope="session")
def explainer_site_pages(explainer_build: BuiltSite) -> list[str]:
    """Every page path of the built site, relative to `explainer_site_url` ('' is the home page)."""
    return page_paths(explainer_build.site_dir)


def find_chromium(playwright: Any) -> Path | None:
    """$EXPLAINER_CHROMIUM, else Playwright's own Chromium, else Debian's headless shell
    (/usr/bin/chromium-headless-shell), else Debian's /usr/bin/chromium."""
    if chosen := os.environ.get("EXPLAINER_CHROMIUM"):
        return Path(chosen)
    found = [DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM]
    with contextlib.suppress(Exception):  # no bundled browser registered
        found.insert(0, Path(playwright.chromium.executable_path))
    return next((path for path in found if path.exists()), None)


@pytest.fixture(scope="session")
def explainer_playwright() -> Iterator[Any]:
    """The Playwright driver (sync API), started once per session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("BROWSER CHECKS NOT RUN: the playwright package is not installed (annotated-explainer[test])")
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def explainer_browser(explainer_playwright: Any) -> Iterator[Any]:
    """Chromium, launched once per session."""
    executable = find_chromium(explainer_playwright)
    if executable is None or not executable.exists():
        skip_or_fail(
            "BROWSER CHECKS NOT RUN: no Chromium found (tried $EXPLAINER_CHROMIUM, Playwright's own, "
            f"{DEBIAN_HEADLESS_SHELL}, {DEBIAN_CHROMIUM}); install one, e.g. `apt-get install chromium-headless-shell`"
        )
    try:
        launched = explainer_playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
    except Exception as error:  # any launch failure means no browser checks
        skip_or_fail(f"BROWSER CHECKS NOT RUN: Chromium at {executable} did not start: {error}")
    yield launched
    launched.close()


def answer_search_without_documents(context: Any, answers: dict[str, str] | None = None) -> None:
    """Answer Material's search index in this browser context with the site's own search configuration
    and no documents (`answers` keeps them by address, to fetch each site's index once).

    Material fetches the index on every page load and indexes it in a worker: for the 300 kB index of
    this engine's first site, about a third of the CPU Chromium spends on a load. Only for checks that
    test nothing about search, requests or console output: the page then reads an index that is valid
    and empty, not the one readers get.
    """
    from playwright.sync_api import Error as PlaywrightError

    answers = {} if answers is None else answers

    def answer(route: Any) -> None:
        url = route.request.url
        try:
            if url not in answers:
                answers[url] = json.dumps({"config": route.fetch().json()["config"], "docs": []})
            route.fulfill(status=200, content_type="application/json", body=answers[url])
        except PlaywrightError:
            # The page was closed while its worker still fetched the index (a test that ends right after a
            # load): Playwright would raise this in whatever test runs next. Nothing is left to answer.
            with contextlib.suppress(PlaywrightError):
                route.abort()

    context.route(SEARCH_INDEX, answer)


# The engine's theme (explainer/theme/main.html) requests a page's scripts, Material's among them, once
# its first paint has been shown, often after the load event a navigation waits for; its loader marks
# itself `data-started` when they have run. True at once on a page without the loader (a feed, a file).
SCRIPTS_RUN = "() => !document.querySelector('script[data-scripts]:not([data-started])')"


def waiting_for_scripts(page: Any) -> Any:
    """`page`, whose goto, reload, go_back and go_forward also wait for the new page's scripts to have
    run (SCRIPTS_RUN): what a check does next meets the page as readers use it, Material started."""
    for name in ("goto", "reload", "go_back", "go_forward"):
        navigate = getattr(page, name)

        def then_wait(*args: Any, _navigate: Any = navigate, **kwargs: Any) -> Any:
            response = _navigate(*args, **kwargs)
            page.wait_for_function(SCRIPTS_RUN)
            return response

        setattr(page, name, then_wait)
    return page


# Playwright's "networkidle" is no request in flight for 500 ms (QUIET), waited for before `goto` returns. A
# NetworkWatch waits for the same quiet later, after work that needs only the page's requests answered, so the
# two overlap: what a page requests or logs late (after a response it fetched, as Material does with its sitemap
# and search index) is still seen while the page is open.
QUIET = 0.5  # seconds with no request in flight
QUIET_LIMIT = 30.0  # seconds, as Playwright's default timeout for a load


class NetworkWatch:
    """A page's requests in flight, and when the last one started or ended (time.monotonic)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.pending: set[Any] = set()
        self.last = time.monotonic()
        page.on("request", self.started)
        page.on("requestfinished", self.ended)
        page.on("requestfailed", self.ended)

    def started(self, request: Any) -> None:
        self.pending.add(request)
        self.last = time.monotonic()

    def ended(self, request: Any) -> None:
        self.pending.discard(request)
        self.last = time.monotonic()

    def wait(self, where: str, quiet: float = 0.0) -> None:
        """Until no request is in flight and none has started or ended for `quiet` seconds (Playwright hands
        the page's events over while it waits); `where` names the page if they never end."""
        deadline = time.monotonic() + QUIET_LIMIT
        while True:
            now = time.monotonic()
            left = 0.010 if self.pending else self.last + quiet - now
            if left <= 0:
                return
            if now > deadline:
                pending = ", ".join(sorted(request.url for request in self.pending))
                pytest.fail(f"{where}: requests still in flight after {QUIET_LIMIT:.0f} s: {pending}", pytrace=False)
            self.page.wait_for_timeout(left * 1000)


@pytest.fixture
def explainer_page(explainer_browser: Any) -> Iterator[Any]:
    """A fresh desktop page (1280x800) in its own browser context."""
    context = explainer_browser.new_context(viewport=DESKTOP)
    yield waiting_for_scripts(context.new_page())
    context.close()


@pytest.fixture
def explainer_phone_page(explainer_browser: Any) -> Iterator[Any]:
    """A fresh phone page (375x667, touch) in its own browser context."""
    context = explainer_browser.new_context(**PHONE_CONTEXT)
    yield waiting_for_scripts(context.new_page())
    context.close()


@pytest.fixture(scope="session")
def explainer_axe_source(explainer_site: ExplainerSite) -> str:
    """axe-core's script from the site's node_modules (`npm ci`), to inject into pages."""
    script = explainer_site.root / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        skip_or_fail("AXE NOT RUN: node_modules/axe-core is missing; run `npm ci` (needs Node.js and npm)")
    return script.read_text(encoding="utf-8")
