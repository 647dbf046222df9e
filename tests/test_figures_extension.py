"""The figures extension in and out: a chart marker in a page's Markdown, the chart, its table and
its marked events out, every link to another page a link to its Markdown file; and each marker
mistake one `docs/PAGE.md:LINE: ...` line."""

from __future__ import annotations

import dataclasses

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURE_SITE, generated_page

from explainer.context import BuildContext, PageInfo, SiteMap
from explainer.datafile import Records
from explainer.dates import PartialDate
from explainer.figures.extension import FiguresExtension
from explainer.figures.records import Point, Series
from explainer.figures.units import BUILT_IN
from explainer.glossary.extension import GlossaryExtension
from explainer.registry import load_site_data, new_context

PAGE = "story/the-fall.md"
DATA = FIXTURE_SITE / "data"
XLINK = "xlink:href"
FENCES = ("pymdownx.superfences",)  # as the site has them


@pytest.fixture(scope="module")
def data():
    return load_site_data(FIXTURE_SITE)


def convert(text: str, data, page: str = PAGE, extra: tuple = ()) -> tuple[BeautifulSoup, BuildContext]:
    """`text` converted as the page `page` of a build, and the build's context (problems, backlinks)."""
    context = new_context(data)
    context.page = PageInfo(page, page.removesuffix(".md") + "/", "The fall", text)
    html = markdown.markdown(text, extensions=[FiguresExtension(context=context), *extra])
    return BeautifulSoup(html, "html.parser"), context


def problems(text: str, data) -> list[str]:
    return [str(problem) for problem in convert(text, data, extra=FENCES)[1].problems]


# In and out -----------------------------------------------------------------------------------------


def test_the_marker_becomes_the_chart_its_table_and_its_marked_events_in_its_place(data):
    page, context = convert("# The fall\n\nBefore.\n\n<!-- chart: group-value -->\n\nAfter.\n", data)
    figure = page.select_one("figure.chart#chart-group-value")
    assert figure.find_previous_sibling("p").get_text() == "Before."
    assert figure.find_next_sibling("p").get_text() == "After."
    assert figure.select_one("figcaption.chart__title").get_text() == 'The group\'s value & "worth"'
    assert len(figure.select("svg.chart-svg a.chart-mark")) == len(figure.select("table.chart-table tbody")) == 3
    assert "<!-- chart" not in str(page) and context.problems == []


def test_links_to_other_pages_are_links_to_their_markdown_files(data):
    page, _ = convert("<!-- chart: group-value -->\n", data)
    table_links = [a["href"] for a in page.select("table.chart-table a, p.chart__events a")]
    assert "../sources.md#wire-2020-ipo" in table_links and "../timeline.md#ipo-halted" in table_links
    assert all(href.partition("#")[0] in ("../sources.md", "../timeline.md") for href in table_links)
    events = [a[XLINK] for a in page.select("svg a.chart-event")]
    assert events == ["../timeline.md#ipo-halted", "../timeline.md#group-split"]


def test_links_inside_the_svg_are_xlink_href_only(data):
    """Material's instant navigation throws on an SVG link's href; MkDocs has checked them before this."""
    page, _ = convert("<!-- chart: group-value -->\n", data)
    links = page.select("svg a")
    assert links and all(XLINK in link.attrs and "href" not in link.attrs for link in links)
    marks = [a[XLINK] for a in page.select("svg a.chart-mark")]
    assert marks == [f"#{tbody['id']}" for tbody in page.select("table.chart-table tbody")]
    svg = page.select_one("svg")
    assert (svg["xmlns"], svg["xmlns:xlink"]) == ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink")


def test_without_events_named_the_chart_marks_those_its_points_belong_to(data):
    page, _ = convert("<!-- chart: group-value -->\n", data)
    assert [a.get_text() for a in page.select("p.chart__events a")] == [
        "3 November 2020: The record listing is halted",
        "March 2023: The group splits into six parts",
    ]


def test_events_named_in_the_marker_are_the_ones_marked(data):
    page, _ = convert("<!-- chart: cloud-growth events: ipo-halted -->\n", data)
    assert [a[XLINK] for a in page.select("svg a.chart-event")] == ["../timeline.md#ipo-halted"]
    assert [a["href"] for a in page.select("p.chart__events a")] == ["../timeline.md#ipo-halted"]


def test_a_page_outside_story_links_from_its_own_folder(data):
    page, _ = convert("<!-- chart: cloud-growth events: ipo-halted, group-split -->\n", data, page="index.md")
    assert page.select_one("table.chart-table a")["href"] == "sources.md#company-2023-split"
    assert page.select_one("svg a.chart-event")[XLINK] == "timeline.md#ipo-halted"


def test_the_page_is_listed_where_each_source_of_the_chart_is_used(data):
    _, context = convert("<!-- chart: group-value -->\n", data)
    for source_id in ("wire-2020-ipo", "company-2023-split"):
        (link,) = context.backlinks.links("source", source_id)
        assert (link.page_url, link.anchor, link.label) == (
            "story/the-fall/",
            "chart-group-value",
            'The fall: chart of The group\'s value & "worth"',
        )


def test_nothing_in_a_chart_is_read_as_markdown_or_a_glossary_mention(data):
    series = Series(
        "talk",
        "Jack Ma *said* [so](x.md)",
        BUILT_IN["percent"],
        "Jack Ma `code` <b>",
        (Point(PartialDate(2023, 3), ("wire-2020-ipo",), value=1, note="Jack Ma & Ant Group"),),
    )
    context = new_context(
        figures={"talk": series}, sources=data.sources, events=data.events, glossary=data.glossary, page=PAGE
    )
    context.page.source_text = "Jack Ma spoke.\n\n<!-- chart: talk -->\n"
    extensions = [FiguresExtension(context=context), GlossaryExtension(context=context)]
    page = BeautifulSoup(markdown.markdown(context.page.source_text, extensions=extensions), "html.parser")
    assert page.select_one("p a.glossary-term")  # the prose is annotated...
    figure = page.select_one("figure.chart")
    assert not figure.select(".glossary-term, em, code, b")  # ...the chart is not
    assert figure.select_one(".chart__title").get_text() == "Jack Ma *said* [so](x.md)"
    assert "Jack Ma & Ant Group" in figure.select_one(".chart-table__note").get_text()


# From Python and by name ------------------------------------------------------------------------------


def test_on_its_own_from_python_with_the_data_passed_in(data):
    extension = FiguresExtension(figures=data.figures, sources=data.sources, events=data.events, page=PAGE)
    page = BeautifulSoup(markdown.markdown("<!-- chart: group-value -->\n", extensions=[extension]), "html.parser")
    assert page.select_one("figure.chart table.chart-table") and extension.context.problems == []


def test_by_name_it_loads_its_data_files():
    name = "explainer.figures.extension"
    options = {
        "data_file": str(DATA / "figures.yml"),
        "sources_file": str(DATA / "sources.yml"),
        "events_file": str(DATA / "events.yml"),
        "page": PAGE,
    }
    md = markdown.Markdown(extensions=[name], extension_configs={name: options})
    page = BeautifulSoup(md.convert("<!-- chart: cloud-growth -->\n"), "html.parser")
    assert page.select_one("table.chart-table a")["href"] == "../sources.md#company-2023-split"


# Mistakes, each one located line ----------------------------------------------------------------------

# Each marker mistake (an unknown series or event, a misspelt, doubled or malformed marker, a period or
# title that cannot be drawn) is one line at the marker: tests/catalogue.py (CHART_CASES), at the page
# layer (tests/test_bad_inputs.py).


def test_a_period_scopes_the_chart_its_table_and_the_events_it_marks_by_default(data):
    page, context = convert("<!-- chart: group-value from: 2020-10 to: 2020-12 -->\n", data)
    figure = page.select_one("figure.chart")
    assert [tbody["id"] for tbody in figure.select("table.chart-table tbody")] == [
        "figure-group-value-2020-10",
        "figure-group-value-2020-11-03",
    ]
    assert len(figure.select("svg a.chart-mark")) == 2
    assert [a[XLINK] for a in figure.select("svg a.chart-event")] == ["../timeline.md#ipo-halted"]
    assert figure.select_one("svg")["aria-label"].endswith("2 reported figures, October 2020 to 3 November 2020")
    assert context.problems == []


def test_a_title_in_the_marker_is_the_charts_takeaway_over_what_it_measures(data):
    page, _ = convert('<!-- chart: group-value to: 2020-11 title: "The value fell by a sixth in a month" -->\n', data)
    title = page.select_one("figure.chart figcaption.chart__title")
    assert title.select_one(".chart__takeaway").get_text() == "The value fell by a sixth in a month"
    assert title.select_one(".chart__subject").get_text() == 'The group\'s value & "worth"'


def test_how_to_read_the_chart_and_its_figures_are_behind_a_disclosure(data):
    page, _ = convert("<!-- chart: group-value -->\n", data)
    figure = page.select_one("figure.chart")
    details = figure.select_one("details.chart__details")
    assert details.summary.get_text() == "How to read this chart \u00b7 the figures"
    assert not details.has_attr("open")
    assert [child.name for child in details.find_all(recursive=False)] == ["summary", "p", "table", "p"]
    assert details.select_one("p.chart__events") and details.select_one("p.chart__caption")


def test_a_marker_may_run_over_lines_and_give_its_fields_in_any_order(data):
    text = '<!-- chart: group-value title: "A, b: c" to: 2020-12\n     events: ipo-halted from: 2020-10 -->\n'
    page, context = convert(text, data)
    assert page.select_one(".chart__takeaway").get_text() == "A, b: c"
    assert len(page.select("table.chart-table tbody")) == 2 and context.problems == []


def test_a_mistaken_marker_draws_nothing_and_leaves_no_comment(data):
    page, _ = convert("<!-- chart: group-valu -->\n\n<!-- chart: cloud-growth events: nope -->\n", data)
    assert not page.select("figure")


CODE = """\
# Page

```markdown
<!-- chart: nope -->
<!-- charts: typo -->
```

    <!-- chart: group-value -->

Text with `<!-- chart: group-value -->` in a code span.
"""


def test_markers_in_code_are_examples_not_charts_or_mistakes(data):
    page, context = convert(CODE, data, extra=FENCES)
    assert not page.select("figure") and context.problems == []
    assert "&lt;!-- chart: nope --&gt;" in str(page.select_one("pre"))


def test_a_mistake_after_a_code_example_of_it_is_reported_at_the_real_line(data):
    text = CODE + "\n<!-- chart: nope -->\n"
    assert problems(text, data) == [
        f"docs/story/the-fall.md:{text.count(chr(10))}: chart marker names unknown series 'nope'"
        " (not in data/figures.yml)"
    ]


# In a build ------------------------------------------------------------------------------------------


def test_in_the_fixture_build_the_chart_is_on_its_page_with_links_mkdocs_rewrote(fixture_build):
    page = fixture_build.html("story/the-fall/")
    figure = page.select_one("figure.chart#chart-group-value")
    assert figure.select_one("svg.chart-svg") and figure.select_one("table.chart-table")
    assert figure.select_one("table.chart-table a")["href"] == "../../sources/#wire-2020-ipo"
    assert [a[XLINK] for a in figure.select("svg a.chart-event")] == [
        "../../timeline/#ipo-halted",
        "../../timeline/#group-split",
    ]
    assert figure.select_one("svg a.chart-mark")[XLINK] == "#figure-group-value-2020-10"
    assert not figure.select("svg a[href]")


def test_in_the_fixture_build_a_page_outside_the_story_has_its_chart_too(fixture_build):
    figure = fixture_build.html("").select_one("figure.chart#chart-cloud-growth")
    assert figure.select_one("table.chart-table a")["href"] == "sources/#company-2023-split"
    assert figure.select_one("p.chart__events a")["href"] == "timeline/#ipo-halted"


def test_in_the_fixture_build_the_timeline_shows_its_chart_below_the_overview(fixture_build):
    page = fixture_build.html("timeline/")
    figure = page.select_one("figure.chart#chart-cloud-growth")
    assert figure.find_previous_sibling("figure")["class"] == ["timeline-figure"]
    assert figure.select_one("table.chart-table a")["href"] == "../sources/#company-2023-split"


def test_in_the_fixture_build_the_sources_page_lists_the_pages_showing_a_chart(fixture_build):
    cited_in = fixture_build.html("sources/").select("#company-2023-split .backlinks a")
    charts = [(a.get_text(), a["href"]) for a in cited_in if "chart" in a.get_text()]
    assert charts == [
        ("Home: chart of Cloud growth", "..#chart-cloud-growth"),
        ('The fall: chart of The group\'s value & "worth"', "../story/the-fall/#chart-group-value"),
        ("Timeline: chart of Cloud growth", "../timeline/#chart-cloud-growth"),
    ]


def test_on_the_timeline_a_chart_marks_the_events_of_its_points_and_links_to_their_entries(data):
    charts = Records({"group-value": dataclasses.replace(data.figures.get("group-value"), timeline=True)})
    context = new_context({**data, "figures": charts})
    context.site = SiteMap(story_titles={"story/the-fall.md": "The fall"})
    page = generated_page("timeline.md", context)
    figure = BeautifulSoup(page, "html.parser").select_one("figure.chart#chart-group-value")
    entries = [f"#{event.id}" for event in data.events if event.id in ("ipo-halted", "group-split")]
    assert [a[XLINK] for a in figure.select("svg a.chart-event")] == entries
    assert [a["href"] for a in figure.select("p.chart__events a")] == entries
    assert figure.select_one("table.chart-table a")["href"] == "../sources/#wire-2020-ipo"
