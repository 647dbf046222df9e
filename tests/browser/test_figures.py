"""The charts in Chromium, before any page carries them: the real figures rendered into a copy of a
built page (so with Material's CSS and the site's), then focused, tapped, printed and read by axe.

Run as a script to write screenshots for review at 375, 768 and 1440 px in both colour schemes
(they are not committed):

    .venv/bin/python tests/browser/test_figures.py /tmp/chart-screenshots
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script: make the test helpers and the hooks importable
    sys.path[:0] = [str(Path(__file__).parents[1]), str(Path(__file__).parents[2] / "hooks")]

from conftest import REPO, build_config

from browser import conftest as harness
from explainer.figures.chart_svg import EventRef, Ref, chart_figure
from explainer.validate import validate

PREVIEW = "charts-preview/"
# Events to mark under each chart's time axis in the preview (the pages will choose their own).
MARKERS = {
    "alibaba-market-value": [
        "ant-ipo-suspended",
        "alibaba-antitrust-fine",
        "six-business-groups",
        "ma-correct-course-memo",
        "xi-private-enterprise-symposium",
    ],
    "cloud-revenue-growth": ["deepseek-r1"],
}


# The preview page -------------------------------------------------------------------------------


def preview_markup() -> str:
    """Every series of data/figures.yml as a chart figure, linked as a page one level deep would link."""
    site = validate(REPO)
    sources = {key: Ref(source.publisher, f"../sources/#{key}") for key, source in site.sources.by_id.items()}
    events = {key: EventRef(event.date, event.title, f"../timeline/#{key}") for key, event in site.events.by_id.items()}
    return "".join(chart_figure(series, sources, events, MARKERS.get(series.id, ())) for series in site.figures)


def write_preview(site_dir: Path) -> Path:
    """charts-preview/index.html in a built site: the About page with its article replaced by the charts."""
    template = (site_dir / "about" / "index.html").read_text(encoding="utf-8")
    opening = '<article class="md-content__inner md-typeset">'
    start, end = template.index(opening) + len(opening), template.index("</article>")
    html = template[:start] + "<h1>Charts</h1>" + preview_markup() + template[end:]
    target = site_dir / PREVIEW / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def preview_url(real_site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site_dir = tmp_path_factory.mktemp("charts") / "site"
    shutil.copytree(real_site_dir, site_dir)
    write_preview(site_dir)
    for base in harness.serve(site_dir):
        yield base + PREVIEW


# Tests ------------------------------------------------------------------------------------------


def first_tip(page):
    return page.locator("a.chart-mark").first.locator(".chart-tip")


def test_a_marks_tooltip_shows_on_keyboard_focus_and_not_before(page, preview_url: str) -> None:
    page.goto(preview_url)
    assert not first_tip(page).is_visible()
    page.locator("a.chart-mark").first.focus()
    assert first_tip(page).is_visible()
    assert first_tip(page).text_content().startswith("October 2020")


def test_a_marks_tooltip_shows_on_hover(page, preview_url: str) -> None:
    page.goto(preview_url)
    page.locator("a.chart-mark").nth(1).hover()
    assert page.locator("a.chart-mark").nth(1).locator(".chart-tip").is_visible()


def test_tab_reaches_every_mark_and_event_in_order(page, preview_url: str) -> None:
    page.goto(preview_url)
    chart = page.locator("figure.chart").first
    expected = chart.locator("a.chart-mark, a.chart-event").count()
    chart.locator("a").first.focus()
    reached = 1
    while reached < expected:
        page.keyboard.press("Tab")
        in_chart = page.evaluate("document.activeElement.closest('svg.chart-svg') !== null")
        assert in_chart, f"Tab left the chart after {reached} of {expected} links"
        reached += 1


def test_selecting_a_mark_goes_to_its_row_in_the_table(page, preview_url: str) -> None:
    page.goto(preview_url)
    page.locator("a.chart-mark").first.click()
    assert page.evaluate("location.hash") == "#figure-alibaba-market-value-2020-10"
    row = page.locator("#figure-alibaba-market-value-2020-10")
    assert row.is_visible()
    assert "858" in row.inner_text()


def test_each_chart_has_its_table_with_a_row_per_mark(page, preview_url: str) -> None:
    page.goto(preview_url)
    figures = page.locator("figure.chart")
    assert figures.count() == 2
    for index in range(figures.count()):
        figure = figures.nth(index)
        assert figure.locator("table.chart-table").is_visible()
        assert figure.locator("tbody").count() == figure.locator("a.chart-mark").count()


def test_the_preview_requests_nothing_from_another_host(page, preview_url: str) -> None:
    elsewhere: list[str] = []
    origin = preview_url.removesuffix(PREVIEW)
    page.on("request", lambda request: elsewhere.append(request.url) if not request.url.startswith(origin) else None)
    page.goto(preview_url, wait_until="networkidle")
    assert elsewhere == []


def test_on_a_phone_the_chart_fits_and_its_text_stays_readable(phone_page, preview_url: str) -> None:
    phone_page.goto(preview_url)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= harness.PHONE["width"]
    svg = phone_page.locator("svg.chart-svg").first.bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= harness.PHONE["width"]
    label = phone_page.locator("svg.chart-svg .chart-axis__label").first.bounding_box()
    assert label["height"] >= 10  # 12-unit text drawn at least ~11 px tall
    assert phone_page.evaluate("document.querySelector('.chart-table').scrollWidth") <= harness.PHONE["width"]


def test_a_tap_on_a_phone_opens_the_marks_row(phone_page, preview_url: str) -> None:
    phone_page.goto(preview_url)
    phone_page.locator("a.chart-mark").nth(2).tap()
    assert phone_page.evaluate("location.hash") == "#figure-alibaba-market-value-2021-10-26"


def test_dark_mode_redraws_the_chart_in_the_dark_schemes_colours(browser, preview_url: str) -> None:
    fills = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=harness.DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(preview_url)
        mark = page.locator(".chart-point circle").first
        fills[scheme] = mark.evaluate("circle => getComputedStyle(circle).fill")
        fills[f"{scheme}-label"] = page.locator(".chart-axis__label").first.evaluate("t => getComputedStyle(t).fill")
        context.close()
    assert fills["light"] == "rgb(194, 65, 12)" and fills["dark"] == "rgb(255, 138, 92)"
    assert fills["light-label"] != fills["dark-label"]


def test_print_keeps_chart_and_table_and_never_shows_a_tooltip(page, preview_url: str) -> None:
    page.goto(preview_url)
    page.emulate_media(media="print")
    page.locator("a.chart-mark").first.focus()
    assert not first_tip(page).is_visible()
    assert page.locator("svg.chart-svg").first.is_visible()
    assert page.locator("table.chart-table").first.is_visible()


def test_axe_finds_no_violations_in_the_charts(page, preview_url: str, axe_source: str) -> None:
    page.goto(preview_url)
    page.add_script_tag(content=axe_source)
    result = page.evaluate("axe.run({include: [['figure.chart']]})")
    assert [violation["id"] for violation in result["violations"]] == []


# Screenshots for review -------------------------------------------------------------------------

WIDTHS = (375, 768, 1440)


def screenshots(out_dir: Path) -> list[Path]:
    """Build the real site, add the preview, and photograph it at each width in both schemes."""
    import tempfile

    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        built = build_config(REPO / "mkdocs.yml", Path(scratch) / "site", strict=True)
        assert built.ok, built.messages
        write_preview(built.site_dir)
        server = harness.serve(built.site_dir)
        url = next(server) + PREVIEW
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(harness.find_chromium(driver)), args=harness.CHROMIUM_ARGS
            )
            for width in WIDTHS:
                for scheme in ("light", "dark"):
                    written += _shoot(browser, url, width, scheme, out_dir)
            browser.close()
        server.close()
    return written


def _shoot(browser, url: str, width: int, scheme: str, out_dir: Path) -> list[Path]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.add_style_tag(content=".md-header { position: static; }")  # keep it off the figures
    written = []
    figures = page.locator("figure.chart")
    for index in range(figures.count()):
        written.append(out_dir / f"chart{index + 1}-{width}-{scheme}.png")
        figures.nth(index).screenshot(path=str(written[-1]))
    page.locator("a.chart-mark").first.focus()
    written.append(out_dir / f"chart1-{width}-{scheme}-focus.png")
    figures.first.locator("svg").screenshot(path=str(written[-1]))
    if scheme == "light":
        page.emulate_media(media="print")
        written.append(out_dir / f"chart1-{width}-print.png")
        figures.first.screenshot(path=str(written[-1]))
    context.close()
    return written


if __name__ == "__main__":
    for path in screenshots(Path(sys.argv[1] if len(sys.argv) > 1 else "chart-screenshots")):
        print(path)  # noqa: T201 - a command-line helper
