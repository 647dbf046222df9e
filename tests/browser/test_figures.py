"""The charts in Chromium, on the real pages that show them: focused, hovered, tapped, followed,
printed, in both colour schemes (axe-core reads every page, charts included: test_explainer_checks).

Run as a script to write screenshots for review (they are not committed): every page's chart and
the Timeline's overview at 375, 768 and 1440 px in both colour schemes, each chart with its last
mark focused (its tooltip and the margin around it), and all of them printed at an A4 page's width:

    .venv/bin/python tests/browser/test_figures.py /tmp/chart-screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script: make the test helpers and the hooks importable
    sys.path[:0] = [str(Path(__file__).parents[1])]

from conftest import REPO, build_config

from browser import conftest as harness
from explainer_checks.plugin import QUIET, NetworkWatch

# The pages that show a chart (the markers in docs/, and the Timeline's chart from data/figures.yml).
CHART_PAGES = [
    "",
    "story/the-fall/",
    "story/correct-course/",
    "story/ai-competition/",
    "story/since-then/",
    "timeline/",
]
PAGE = "story/the-fall/"  # a story page with the market value chart
FIRST_ROW = "#figure-alibaba-market-value-2020-10"


def first_tip(page):
    return page.locator("a.chart-mark").first.locator(".chart-tip")


@pytest.fixture
def the_fall(loaded_pages, site_url: str):
    """The story page with the market value chart on a desktop, loaded once for the tests that only read it
    or put back what they change (hover, focus, a disclosure, print media: conftest.LoadedPages)."""
    with loaded_pages.lend(site_url + PAGE, viewport=harness.DESKTOP) as page:
        yield page


@pytest.fixture
def the_fall_to_navigate(loaded_pages, site_url: str):
    """`the_fall` for a test that navigates: the shared page if loaded (put back by the test before), closed
    after the test."""
    with loaded_pages.lend(site_url + PAGE, keep=False, viewport=harness.DESKTOP) as page:
        yield page


def test_every_page_with_a_marker_shows_its_chart(real_site_dir: Path) -> None:
    """The list above is every page with a chart, so the tests below visit them all."""
    found = [path for path in harness.page_paths(real_site_dir) if 'class="chart"' in _html(real_site_dir, path)]
    assert found == sorted(CHART_PAGES)


def _html(site_dir: Path, path: str) -> str:
    return (site_dir / path / "index.html").read_text(encoding="utf-8")


# Tooltips, keyboard, links ----------------------------------------------------------------------


def test_a_marks_tooltip_shows_on_keyboard_focus_and_not_before(page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    assert not first_tip(page).is_visible()
    page.locator("a.chart-mark").first.focus()
    assert first_tip(page).is_visible()
    tip = first_tip(page).text_content()
    assert tip.startswith("October 2020") and "$858 billion" in tip and "CNBC" in tip


def test_a_marks_tooltip_shows_on_hover(the_fall) -> None:
    mark = the_fall.locator("a.chart-mark").nth(1)
    mark.hover()
    assert mark.locator(".chart-tip").is_visible()
    assert mark.locator(".chart-tip").text_content().startswith("31 March 2021")
    assert mark.locator("title").count() == 0  # or the browser's own tooltip would cover the drawn one


def test_tab_reaches_every_event_and_mark_of_the_chart_in_turn(the_fall) -> None:
    page = the_fall
    chart = page.locator("figure.chart").first
    expected = chart.locator("a.chart-mark, a.chart-event").count()
    chart.locator("svg a").first.focus()
    for reached in range(1, expected):
        page.keyboard.press("Tab")
        in_chart = page.evaluate("document.activeElement.closest('svg.chart-svg') !== null")
        assert in_chart, f"Tab left the chart after {reached} of {expected} links"


@pytest.mark.real_search  # what a page logs: as a reader's, with the real search index
def test_an_event_under_the_axis_leads_to_its_timeline_entry_without_a_script_error(page, site_url: str) -> None:
    """Material's instant navigation handles the page change; SVG links must not make it throw."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + PAGE)
    page.locator("a.chart-event").first.click()
    page.wait_for_url("**/timeline/#ma-bund-speech")
    assert page.locator("#ma-bund-speech").is_visible()
    assert errors == []


# Every page with a chart --------------------------------------------------------------------------


# One visit of each chart page on a desktop and one on a phone, each in a fresh context, serves the
# checks below that only read: what each check reads is gathered in that visit, in an order in which
# no step changes what a later one reads (the tooltips' boxes before the hover, the disclosure opened last).

# The text of every tooltip as Chromium draws it, with its box: [(line widths), text x, box x, box width].
TIP_METRICS = """() => [...document.querySelectorAll('.chart-tip')].map(tip => {
  tip.style.display = 'inline';
  const box = tip.querySelector('rect');
  const lines = [...tip.querySelectorAll('text')];
  const found = [lines.map(line => line.getComputedTextLength()), +lines[0].getAttribute('x'),
                 +box.getAttribute('x'), +box.getAttribute('width')];
  tip.style.display = '';
  return found;
})"""


@pytest.fixture(scope="module")
def desktop_visits(contexts, site_url: str) -> dict[str, dict]:
    """Each chart page read once on a desktop (fresh context): what the three checks below read. (axe-core
    reads each of these pages whole, charts included, in both schemes: test_explainer_checks.)"""
    return {path: _desktop_visit(contexts, site_url, path) for path in CHART_PAGES}


def _desktop_visit(contexts, site_url: str, path: str) -> dict:
    page = contexts.page(real_search=True, viewport=harness.DESKTOP)  # its requests are checked
    seen: dict = {"elsewhere": []}
    page.on(
        "request", lambda request: None if request.url.startswith(site_url) else seen["elsewhere"].append(request.url)
    )
    network = NetworkWatch(page)
    page.goto(site_url + path)  # its load, then its scripts run (waiting_for_scripts)
    network.wait(f"/{path}")  # and its requests answered
    seen["tips"] = page.evaluate(TIP_METRICS)
    page.locator("a.chart-mark").first.hover()
    figures = page.locator("figure.chart")
    seen["figures"] = figures.count()
    figure = figures.first
    seen["table shown before"] = figure.locator("table.chart-table").is_visible()
    figure.locator("summary").click()
    seen["table shown after"] = figure.locator("table.chart-table").is_visible()
    seen["rows"] = figure.locator("table.chart-table tbody").count()
    seen["marks"] = figure.locator("a.chart-mark").count()
    seen["label"] = figure.locator("svg.chart-svg").get_attribute("aria-label")
    seen["last date"] = figure.locator("tbody th time").last.inner_text()
    # what it requested at load, after a hover and an open table, until the network was idle (as networkidle)
    network.wait(f"/{path}", QUIET)
    seen["elsewhere after a hover"] = list(seen["elsewhere"])
    contexts.release(page)
    return seen


@pytest.mark.parametrize("path", CHART_PAGES)
def test_each_chart_has_its_table_with_a_row_per_mark_behind_its_disclosure(desktop_visits, path: str) -> None:
    seen = desktop_visits[path]
    assert seen["figures"] == 1
    assert not seen["table shown before"]
    assert seen["table shown after"]
    assert seen["rows"] == seen["marks"] > 0
    assert seen["label"].endswith(seen["last date"])


@pytest.mark.parametrize("path", CHART_PAGES)
def test_a_page_with_a_chart_requests_nothing_from_another_host(desktop_visits, path: str) -> None:
    assert desktop_visits[path]["elsewhere after a hover"] == []


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_tooltips_text_fits_inside_its_box(desktop_visits, path: str) -> None:
    """Boxes are sized for wide system fonts (the site loads none): the test machine's sans-serif is
    DejaVu Sans, the widest of the common ones. "9 September 2025" once ran past its box's edge."""
    assert desktop_visits[path]["tips"]  # every chart has tooltips: the loop below checks some
    for widths, text_x, box_x, box_width in desktop_visits[path]["tips"]:
        assert text_x + max(widths) <= box_x + box_width - 2, (path, widths, box_width)


# Phone, dark mode, print --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def phone_visits(loaded_pages, site_url: str) -> dict[str, dict]:
    """Each chart page read once on a phone (fresh context): what the phone checks below read. The story
    page with the market value chart stays loaded for the tap test below (it only reads it first)."""
    visits = {}
    for path in CHART_PAGES:
        with loaded_pages.lend(site_url + path, keep=path == PAGE, **harness.PHONE_CONTEXT) as phone_page:
            visits[path] = _phone_visit(phone_page)
    return visits


def _phone_visit(phone_page) -> dict:
    return {
        "scroll width": phone_page.evaluate("document.documentElement.scrollWidth"),
        "svg": phone_page.locator("svg.chart-svg").first.bounding_box(),
        "label": phone_page.locator("svg.chart-svg .chart-axis__label").first.bounding_box(),
        "table scroll width": phone_page.evaluate("document.querySelector('.chart-table').scrollWidth"),
        "figure height": phone_page.locator("figure.chart").first.evaluate(
            "figure => figure.getBoundingClientRect().height"
        ),
    }


@pytest.mark.parametrize("path", CHART_PAGES)
def test_on_a_phone_the_chart_and_its_table_fit_and_its_text_stays_readable(phone_visits, path: str):
    seen = phone_visits[path]
    width = harness.PHONE["width"]
    assert seen["scroll width"] <= width
    svg = seen["svg"]
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= width
    assert seen["label"]["height"] >= 10  # 12-unit text drawn at least ~11 px tall
    assert seen["table scroll width"] <= width


@pytest.fixture
def the_fall_on_a_phone(loaded_pages, site_url: str):
    """The story page with the market value chart on a phone: the phone visit's if it has run (it only read
    it), else a fresh one; closed after the test (a test that navigates)."""
    with loaded_pages.lend(site_url + PAGE, keep=False, **harness.PHONE_CONTEXT) as page:
        yield page


def test_a_tap_on_a_phone_previews_the_mark_and_its_link_opens_the_marks_row(the_fall_on_a_phone) -> None:
    phone_page = the_fall_on_a_phone
    phone_page.locator("a.chart-mark").nth(2).tap()
    sheet = phone_page.locator(".explainer-sheet")
    sheet.get_by_text("$480.8 billion").wait_for()
    assert phone_page.evaluate("location.hash") != "#figure-alibaba-market-value-2021-10-26"
    sheet.get_by_role("link", name="Go to its row in the table").tap()
    phone_page.wait_for_url("**#figure-alibaba-market-value-2021-10-26")


def test_dark_mode_redraws_the_chart_in_the_dark_schemes_colours(the_fall, page_with, site_url: str) -> None:
    fills = {}
    dark = page_with(viewport=harness.DESKTOP, color_scheme="dark")
    dark.goto(site_url + PAGE)
    for scheme, page in (("light", the_fall), ("dark", dark)):  # light: the context's default
        fills[scheme] = page.locator(".chart-point circle").first.evaluate("circle => getComputedStyle(circle).fill")
        fills[f"{scheme}-label"] = page.locator(".chart-axis__label").first.evaluate("t => getComputedStyle(t).fill")
    assert fills["light"] == "rgb(194, 65, 12)" and fills["dark"] == "rgb(255, 138, 92)"
    assert fills["light-label"] != fills["dark-label"]


def test_print_keeps_chart_table_and_marked_events_and_never_shows_a_tooltip(the_fall) -> None:
    """Paper cannot open a disclosure: how to read the chart and its table print open."""
    page = the_fall
    assert page.locator("figure.chart details").get_attribute("open") is None  # closed, as the page loads
    page.emulate_media(media="print")
    page.locator("a.chart-mark").first.focus()
    assert not first_tip(page).is_visible()
    for part in ("svg.chart-svg", "p.chart__caption", "table.chart-table", "p.chart__events"):
        assert page.locator(part).first.is_visible(), part


def test_the_disclosure_opens_from_the_keyboard(the_fall) -> None:
    page = the_fall
    assert not page.locator("figure.chart table.chart-table").is_visible()  # closed, as the page loads
    summary = page.locator("figure.chart summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("figure.chart table.chart-table").is_visible()
    assert page.locator("figure.chart details").get_attribute("open") is not None


@pytest.mark.parametrize("path", CHART_PAGES)
def test_on_a_phone_the_whole_figure_is_within_one_screen(phone_visits, path: str) -> None:
    """Issue 24: a reader gets the chart at a glance, its title, picture and the way into its figures
    in 800 px at most (before: 2,241 to 2,308 px, with the caption and table open)."""
    height = phone_visits[path]["figure height"]
    assert height <= 800, (path, height)


def test_print_keeps_the_chart_with_its_title_but_lets_its_table_run_on(the_fall) -> None:
    """A whole chart is taller than a page: kept whole, it was pushed on, leaving most of a page blank."""
    page = the_fall
    page.emulate_media(media="print")
    breaks = page.evaluate("""() => ['figure.chart', '.chart__title', '.chart__plot', '.chart-table tbody']
        .map(part => getComputedStyle(document.querySelector(part)))
        .map(style => [style.breakInside, style.breakAfter])""")
    assert breaks == [["auto", "auto"], ["auto", "avoid"], ["avoid", "avoid"], ["avoid", "auto"]]


# Last of the tests that share the story page: it follows a link, and the page is closed after it.


def test_selecting_a_mark_goes_to_its_row_in_the_table_opening_the_disclosure(the_fall_to_navigate) -> None:
    page = the_fall_to_navigate
    assert page.evaluate("location.hash") == "" and not page.locator(FIRST_ROW).is_visible()  # as it loads
    page.locator("a.chart-mark").first.click()
    assert page.evaluate("location.hash") == FIRST_ROW
    row = page.locator(FIRST_ROW)
    assert row.is_visible() and "$858 billion" in row.inner_text()


# Screenshots for review -----------------------------------------------------------------------------

WIDTHS = (375, 768, 1440)
SHOT_PAGES = {
    "home": "",
    "the-fall": PAGE,
    "correct-course": "story/correct-course/",
    "ai-competition": "story/ai-competition/",
    "since-then": "story/since-then/",
    "timeline": "timeline/",
}
A4_TEXT_WIDTH = 718  # CSS px: 210 mm less Chromium's default 1 cm margins
MARGIN = 40  # px around a figure in the focus shots, so a tooltip crossing its edge shows


def screenshots(out_dir: Path) -> list[Path]:
    """Build the real site and photograph its charts and the Timeline's overview at each width in both
    schemes: each figure as it loads and with its last mark focused (tooltip); then printed."""
    import tempfile

    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        built = build_config(REPO / "mkdocs.yml", Path(scratch) / "site", strict=True)
        assert built.ok, built.messages
        server = harness.serve(built.site_dir)
        base = next(server)
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(harness.find_chromium(driver)), args=harness.CHROMIUM_ARGS
            )
            for width in WIDTHS:
                for scheme in ("light", "dark"):
                    written += _shoot(browser, base, width, scheme, out_dir)
            written += _shoot_print(browser, base, out_dir)
            browser.close()
        server.close()
    return written


def _shoot(browser, base: str, width: int, scheme: str, out_dir: Path) -> list[Path]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    written = []
    for name, path in SHOT_PAGES.items():
        page.goto(base + path, wait_until="networkidle")
        page.add_style_tag(content=".md-header { position: static; } .md-top { display: none; }")  # off the figures
        figures = {name: page.locator("figure.chart").first}
        if name == "timeline":
            figures["timeline-overview"] = page.locator("figure.timeline-figure").first
        for shot, figure in figures.items():
            written.append(out_dir / f"{shot}-{width}-{scheme}.png")
            figure.screenshot(path=str(written[-1]))
        page.locator("a.chart-mark").last.focus()
        written.append(out_dir / f"{name}-{width}-{scheme}-focus.png")
        page.screenshot(path=str(written[-1]), clip=_around(page.locator("figure.chart svg").first, width))
    context.close()
    return written


def _shoot_print(browser, base: str, out_dir: Path) -> list[Path]:
    """Printed, at the width of an A4 page's text (what a phone prints on too, not its screen's)."""
    context = browser.new_context(viewport={"width": A4_TEXT_WIDTH, "height": 1100})
    page = context.new_page()
    page.emulate_media(media="print")
    written = []
    for name, path in SHOT_PAGES.items():
        page.goto(base + path, wait_until="networkidle")
        figures = {name: page.locator("figure.chart").first}
        if name == "timeline":
            figures["timeline-overview"] = page.locator("figure.timeline-figure").first
        for shot, figure in figures.items():
            written.append(out_dir / f"{shot}-print.png")
            figure.screenshot(path=str(written[-1]))
    context.close()
    return written


def _around(element, width: int) -> dict:
    """The element's box with a margin, across the viewport's whole width (viewport coordinates)."""
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    return {"x": 0, "y": max(box["y"] - MARGIN, 0), "width": width, "height": box["height"] + 2 * MARGIN}


if __name__ == "__main__":
    for path in screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "chart-screenshots")):
        print(path)  # noqa: T201 - a command-line helper
