"""Browser harness: the real and fixture sites served over http, and Chromium driven by Playwright.

Fixtures: `site_url` and `fixture_site_url` (base URLs ending in '/'), `site_pages` (every page
path of the real site, e.g. '' and 'story/the-fall/'), `browser`, `page` (1280x800 desktop),
`phone_page` (375x667 touch phone) and `axe_source` (axe-core's script, to inject into pages).

Without a browser (or without node_modules/axe-core) the tests skip with the reason; under CI
(env CI set) they fail instead, so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, BuiltSite

from explainer_checks.plugin import page_paths, serve  # the engine's own, which every explainer's checks use

HERE = Path(__file__).parent
DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 667}


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


def playwright_chromium(playwright) -> Path | None:
    """Playwright's own Chromium, if `playwright install chromium` was run."""
    try:
        path = Path(playwright.chromium.executable_path)
    except Exception:  # no bundled browser registered
        return None
    return path if path.exists() else None


def find_chromium(playwright) -> Path | None:
    """$EXPLAINER_CHROMIUM, else Playwright's Chromium, else Debian's /usr/bin/chromium."""
    if chosen := os.environ.get("EXPLAINER_CHROMIUM"):
        return Path(chosen)
    if bundled := playwright_chromium(playwright):
        return bundled
    return DEBIAN_CHROMIUM if DEBIAN_CHROMIUM.exists() else None


@pytest.fixture(scope="session")
def browser(explainer_browser) -> object:
    """Chromium, launched once per session by the generic checks' plugin (explainer_checks.plugin, which
    finds it as find_chromium below does, with the same flags), shared with tests/test_explainer_checks.py."""
    return explainer_browser


@pytest.fixture
def page(browser) -> Iterator[object]:
    """A fresh desktop page (1280x800) in its own browser context."""
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser) -> Iterator[object]:
    """A fresh phone page (375x667, touch, mobile) in its own browser context."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script from node_modules (installed by `make test` via `npm ci`), to inject into pages."""
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"{AXE_SCRIPT.relative_to(REPO)} is missing; run `npm ci` (needs Node.js and npm)")
    return AXE_SCRIPT.read_text(encoding="utf-8")
