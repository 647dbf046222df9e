"""The chart renderer: the SVG and its table, parsed as XML and HTML, as readers and screen readers get them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import xml.etree.ElementTree as ElementTree
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.dates import PartialDate
from explainer.figures.chart_svg import (
    MARK_RADIUS,
    PLOT_BOTTOM,
    PLOT_LEFT,
    PLOT_RIGHT,
    PLOT_TOP,
    WIDTH,
    EventRef,
    Ref,
    caption,
    chart_figure,
    short_value,
)
from explainer.figures.records import Point, Series
from explainer.figures.units import Unit
from explainer.registry import load_site_data
from explainer.svg import FONT_SIZE, Span, span_of, text_width, time_scale, value_scale

SVG = "{http://www.w3.org/2000/svg}"
# The drawing takes a unit as an object (explainer.figures.units.Unit), from whatever configures it.
UNITS = {
    "usd-billion": Unit("usd-billion", "US$ billion", prefix="$", suffix=" billion"),
    "cny-billion": Unit("cny-billion", "billion yuan", suffix=" billion yuan"),
    "percent": Unit("percent", "percent", suffix="%"),
    "points": Unit("points", "index points"),
}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

SOURCES = {
    "cnbc": Ref("CNBC", "../sources/#cnbc"),
    "data": Ref("Companies Market Cap", "../sources/#data"),
    "wire": Ref("Wire", "../sources/#wire"),
}
EVENTS = {
    "peak": EventRef(PartialDate(2020, 10), "Shares reach a record", "../timeline/#peak"),
    "fine": EventRef(PartialDate(2021, 4, 10), "Record fine", "../timeline/#fine"),
    "memo": EventRef(PartialDate(2023, 11, 29), "Ma's memo", "../timeline/#memo"),
}


def market_value() -> Series:
    return Series(
        id="value",
        title="Market value",
        unit=UNITS["usd-billion"],
        description="Reported market value.",
        points=(
            Point(PartialDate(2020, 10), ("data", "cnbc"), low=837.84, high=858, note="They differ.", event="peak"),
            Point(PartialDate(2021, 3, 31), ("wire",), value=615, index=1),
            Point(PartialDate(2023, 11, 29), ("wire",), value=190.45, event="memo", index=2),
            Point(PartialDate(2025, 3, 7), ("data",), value=344.31, index=3),
        ),
    )


def growth() -> Series:
    return Series(
        id="growth",
        title="Cloud growth",
        unit=UNITS["percent"],
        description="Year on year.",
        points=(
            Point(PartialDate(2024, 6), ("wire",), value=-2),
            Point(PartialDate(2024, 9), ("wire",), value=7, index=1),
            Point(PartialDate(2025, 3), ("wire",), value=18, index=2),
        ),
    )


def svg_root(series: Series, markers=(), sources=SOURCES, events=EVENTS, period=None) -> ElementTree.Element:
    """The chart's picture, from the figure parsed as XML: it must be well-formed, or inline SVG breaks."""
    figure = ElementTree.fromstring(chart_figure(series, sources, events, markers, period))
    return figure.find(f".//{SVG}svg")


def chart_table(series: Series, sources=SOURCES, events=EVENTS) -> BeautifulSoup:
    """The chart's table, as the figure holds it."""
    return BeautifulSoup(chart_figure(series, sources, events), "html.parser").find("table")


def marks(root: ElementTree.Element) -> list[ElementTree.Element]:
    return [a for a in root.iter(f"{SVG}a") if a.get("class") == "chart-mark"]


def of_class(root: ElementTree.Element, tag: str, name: str) -> list[ElementTree.Element]:
    return [element for element in root.iter(f"{SVG}{tag}") if name in (element.get("class") or "").split()]


def height_of(root: ElementTree.Element) -> float:
    return float(root.get("viewBox").split()[3])


# Points -----------------------------------------------------------------------------------------


def test_every_point_is_one_focusable_link_to_its_row_with_a_spoken_label_and_a_tooltip():
    found = marks(svg_root(market_value()))
    assert len(found) == 4
    assert [mark.get(XLINK_HREF) for mark in found] == [
        "#figure-value-2020-10",
        "#figure-value-2021-03-31",
        "#figure-value-2023-11-29",
        "#figure-value-2025-03-07",
    ]
    first = found[0]
    assert first.get("role") == "link"
    assert first.get("aria-label") == "October 2020: $837.84 billion to $858 billion (Companies Market Cap, CNBC)"
    assert first.find(f"{SVG}title") is None  # the drawn tooltip, not the browser's too
    assert found[1].get("aria-label") == "31 March 2021: $615 billion (Wire)"


def test_links_come_after_every_point_so_no_point_covers_a_tooltip():
    root = svg_root(market_value())
    children = list(root)
    last_shape = max(
        index for index, child in enumerate(children) if child.find(f"{SVG}g[@class='chart-point']") is not None
    )
    first_link = min(index for index, child in enumerate(children) if child.get("class") == "chart-mark")
    assert last_shape < first_link
    assert all(mark.find(f"{SVG}circle[@class='chart-mark__ring']") is not None for mark in marks(root)[1:])
    assert marks(root)[0].find(f"{SVG}rect[@class='chart-mark__ring']") is not None  # the range's ring


def test_the_drawn_tooltip_gives_date_value_and_sources():
    tip = of_class(marks(svg_root(market_value()))[0], "g", "chart-tip")[0]
    assert tip.get("aria-hidden") == "true"
    assert [text.text for text in tip.iter(f"{SVG}text")] == [
        "October 2020",
        "$837.84 billion to $858 billion",
        "Sources: Companies Market Cap, CNBC",
    ]


def test_a_disputed_figure_is_a_bar_capped_at_the_lowest_and_highest_report():
    root = svg_root(market_value())
    values = value_scale((point.extent for point in market_value().points), PLOT_TOP, PLOT_BOTTOM)
    first, second = of_class(root, "g", "chart-point")[:2]
    (bar,) = of_class(first, "rect", "chart-mark__range")
    caps = of_class(first, "line", "chart-mark__cap")
    assert sorted(float(cap.get("y1")) for cap in caps) == [values.y(858), values.y(837.84)]
    assert float(bar.get("y")) == values.y(858)
    assert float(bar.get("height")) == pytest.approx(values.y(837.84) - values.y(858))
    assert first.find(f"{SVG}circle") is None
    assert float(second.find(f"{SVG}circle").get("cy")) == values.y(615)


def test_a_month_level_figure_shows_the_month_it_covers_and_a_day_level_one_does_not():
    first, second = of_class(svg_root(market_value()), "g", "chart-point")[:2]
    (span,) = of_class(first, "line", "chart-mark__span")
    times = time_scale(span_of(point.date for point in market_value().points), PLOT_LEFT, PLOT_RIGHT)
    assert (float(span.get("x1")), float(span.get("x2"))) == (
        times.x(dt.date(2020, 10, 1)),
        times.x(dt.date(2020, 11, 1)),
    )
    assert not of_class(second, "line", "chart-mark__span")


def test_points_are_never_joined_by_a_line():
    root = svg_root(market_value(), markers=["fine"])
    assert not list(root.iter(f"{SVG}polyline"))
    assert all(path.get("d").endswith("z") for path in root.iter(f"{SVG}path"))  # only the event triangles
    assert not of_class(root, "line", "chart-line")


def test_marks_and_their_tooltips_stay_inside_the_picture():
    for series in (market_value(), growth()):
        root = svg_root(series)
        height = height_of(root)
        for circle in root.iter(f"{SVG}circle"):
            assert PLOT_LEFT <= float(circle.get("cx")) <= PLOT_RIGHT
            assert PLOT_TOP <= float(circle.get("cy")) <= PLOT_BOTTOM
        for tip in of_class(root, "g", "chart-tip"):
            box = tip.find(f"{SVG}rect")
            x, y, w, h = (float(box.get(key)) for key in ("x", "y", "width", "height"))
            assert x >= 0 and x + w <= WIDTH and y >= 0 and y + h <= height


# Widths Chromium measured for these lines at 12 px in DejaVu Sans (Book, and Bold for the value).
DRAWN_WIDTHS = [
    ("9 September 2025", False, 112.1),
    ("30 September 2024", False, 119.7),
    ("Sources: Alibaba, Bloomberg, MarketScreener", False, 275.3),
    ("$837 billion to $858 billion", True, 181.0),
    ("13%", True, 28.7),
]


@pytest.mark.parametrize(("text", "bold", "drawn"), DRAWN_WIDTHS)
def test_a_tooltips_text_is_never_estimated_narrower_than_it_is_drawn(text: str, bold: bool, drawn: float):
    assert drawn <= text_width(text, bold=bold) <= drawn * 1.2


def test_a_tooltips_box_holds_its_widest_line_with_room_on_both_sides():
    for tip in of_class(svg_root(market_value()), "g", "chart-tip"):
        lines = [(text.text, text.get("class") == "chart-tip__value") for text in tip.iter(f"{SVG}text")]
        box = float(tip.find(f"{SVG}rect").get("width"))
        assert box >= max(text_width(line, bold=bold) for line, bold in lines) + 11


# Axes -------------------------------------------------------------------------------------------


def value_labels(root: ElementTree.Element) -> list[tuple[str, float]]:
    axis = of_class(root, "g", "chart-axis")[0]
    return [(text.text, float(text.get("y"))) for text in of_class(axis, "text", "chart-axis__label")]


def test_values_start_at_zero_with_labelled_gridlines_that_do_not_overlap():
    root = svg_root(market_value())
    labels = value_labels(root)
    assert [text for text, _ in labels] == ["0", "250", "500", "750", "1,000"]
    heights = [y for _, y in labels]
    assert all(lower - upper >= FONT_SIZE + 2 for lower, upper in pairwise(heights))
    assert of_class(root, "text", "chart-axis__unit")[0].text == "US$ billion"


def test_negative_growth_puts_zero_inside_the_axis_and_marks_it():
    root = svg_root(growth())
    assert [text for text, _ in value_labels(root)] == ["\u22125", "0", "5", "10", "15", "20"]
    (zero,) = of_class(root, "line", "chart-grid--zero")
    values = value_scale((point.extent for point in growth().points), PLOT_TOP, PLOT_BOTTOM)
    assert float(zero.get("y1")) == values.y(0)


def time_labels(root: ElementTree.Element) -> list[str]:
    axis = of_class(root, "g", "chart-axis")[1]
    return [text.text for text in of_class(axis, "text", "chart-axis__label")]


def test_years_are_labelled_on_a_long_span_and_quarters_on_a_short_one():
    assert time_labels(svg_root(market_value())) == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert time_labels(svg_root(growth())) == ["July 2024", "October", "January 2025"]


def test_key_events_are_links_on_the_time_axis_and_close_ones_take_separate_rows():
    root = svg_root(market_value(), markers=["fine", "memo", "peak"])
    found = of_class(root, "a", "chart-event")
    assert [event.get(XLINK_HREF) for event in found] == ["../timeline/#fine", "../timeline/#memo", "../timeline/#peak"]
    assert found[0].get("aria-label") == "Event, 10 April 2021: Record fine"
    assert all(event.get("role") == "link" for event in found)
    shifted = svg_root(market_value(), markers=["memo"])
    assert height_of(root) == height_of(shifted)  # three far-apart events share one row


def test_an_event_the_chart_was_not_given_is_an_error_not_a_silent_gap():
    with pytest.raises(ValueError, match="event 'nope'"):
        svg_root(market_value(), markers=["nope"])


# Escaping ---------------------------------------------------------------------------------------


def test_text_from_data_is_escaped_everywhere():
    hostile = '<script>alert("x")</script> & co'
    series = Series(
        id="value",
        title=hostile,
        unit=UNITS["usd-billion"],
        description=hostile,
        points=(Point(PartialDate(2021, 3, 31), ("evil",), value=1, note=hostile, event="evil"),),
    )
    refs = {"evil": Ref(hostile, 'https://example.com/"onmouseover="x')}
    events = {"evil": EventRef(PartialDate(2021, 4), hostile, "../timeline/#a&b")}
    figure = chart_figure(series, refs, events, markers=["evil"])
    assert "<script>" not in figure
    svg_root(series, ["evil"], refs, events)  # still well-formed XML
    soup = BeautifulSoup(figure, "html.parser")
    assert not soup.find("script")
    assert soup.find("td").find_next("a")["href"] == 'https://example.com/"onmouseover="x'
    assert hostile in soup.find("caption").text and hostile in soup.find("tr", class_="chart-table__note").text


# The table and the figure ------------------------------------------------------------------------


def test_the_table_has_a_row_per_point_where_each_mark_links_then_its_note():
    soup = chart_table(market_value(), SOURCES, EVENTS)
    groups = soup.find_all("tbody")
    assert [group["id"] for group in groups] == [mark.get(XLINK_HREF)[1:] for mark in marks(svg_root(market_value()))]
    figure, note = groups[0].find_all("tr")
    assert figure.th.time["datetime"] == "2020-10" and figure.th.text == "October 2020"
    assert figure.find_all("td")[0].text == "$837.84 billion to $858 billion"
    assert [a["href"] for a in figure.find_all("td")[1].find_all("a")] == ["../sources/#data", "../sources/#cnbc"]
    assert note.td["colspan"] == "3" and note.td.text.startswith("They differ.")
    assert note.find("a", class_="chart-table__event")["href"] == "../timeline/#peak"
    assert len(groups[1].find_all("tr")) == 1  # no note, no event: no note row
    assert soup.caption.text == "Market value: the figures"
    assert [th.text for th in soup.select("thead th")] == ["Date", "Value", "Sources"]


def test_the_figure_holds_title_chart_caption_and_table():
    soup = BeautifulSoup(chart_figure(market_value(), SOURCES, EVENTS, markers=["fine"]), "html.parser")
    figure = soup.find("figure", class_="chart")
    assert figure["id"] == "chart-value"
    assert figure.find("svg", class_="chart-svg") and figure.find("table", class_="chart-table")
    assert figure.figcaption.text == "Market value"
    text = figure.select_one("p.chart__caption").text
    assert "not joined" in text and "no figure was reported" in text and "Triangles" in text
    assert "A bar spans" in text and "known only to the month" in text
    svg = figure.find("svg")
    assert svg["role"] == "group" and svg["aria-label"].startswith("Market value: chart of 4 reported figures")


def test_the_caption_explains_only_what_the_chart_draws():
    text = caption(growth(), markers=())
    assert "A bar spans" not in text and "Triangles" not in text
    assert "known only to the month" in text  # its points are months
    day_only = Series("d", "D", UNITS["percent"], "D.", (Point(PartialDate(2024, 6, 30), ("wire",), value=1),))
    assert "known only to the month" not in caption(day_only)


def test_the_real_figures_render_with_their_real_sources_and_events():
    site = load_site_data(REPO)
    sources = {key: Ref(source.publisher, f"../sources/#{key}") for key, source in site.sources.by_id.items()}
    events = {key: EventRef(event.date, event.title, f"../timeline/#{key}") for key, event in site.events.by_id.items()}
    for series in site.figures:
        root = svg_root(series, ["alibaba-antitrust-fine"], sources, events)
        assert len(marks(root)) == len(series.points)
        table = chart_table(series, sources, events)
        assert len(table.find_all("tbody")) == len(series.points)


# Any series --------------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2020, 10, 1), max_value=dt.date(2026, 6, 30))
VALUES = st.floats(min_value=-50, max_value=5000, allow_nan=False).map(lambda value: round(value, 2))


@st.composite
def any_series(draw) -> Series:
    """1 to 12 points on distinct days, some of them disputed ranges, in any unit."""
    days = sorted(draw(st.sets(DAYS, min_size=1, max_size=12)))
    points = []
    for index, day in enumerate(days):
        low, high = sorted(draw(st.tuples(VALUES, VALUES)))
        date = PartialDate(day.year, day.month, day.day)
        if draw(st.booleans()) and low < high:
            points.append(Point(date, ("wire",), low=low, high=high, note="Disputed.", index=index))
        else:
            points.append(Point(date, ("wire",), value=high, index=index))
    unit = draw(st.sampled_from(sorted(UNITS)))
    return Series("any", "Any", UNITS[unit], "Any series.", tuple(points))


@settings(max_examples=60, deadline=None)
@given(any_series())
def test_any_series_draws_well_formed_with_everything_inside_and_labels_apart(series):
    root = svg_root(series)
    height = height_of(root)
    assert len(marks(root)) == len(series.points)
    for circle in of_class(root, "g", "chart-point"):
        for shape in circle.iter(f"{SVG}circle"):
            assert PLOT_LEFT <= float(shape.get("cx")) <= PLOT_RIGHT
            assert PLOT_TOP <= float(shape.get("cy")) <= PLOT_BOTTOM
    for tip in of_class(root, "g", "chart-tip"):
        box = tip.find(f"{SVG}rect")
        x, y, w, h = (float(box.get(key)) for key in ("x", "y", "width", "height"))
        assert x >= 0 and x + w <= WIDTH and y >= 0 and y + h <= height
    heights = [y for _, y in value_labels(root)]
    assert 3 <= len(heights) <= 8
    assert all(lower - upper >= FONT_SIZE + 2 for lower, upper in pairwise(heights))
    assert time_labels_apart(root)


def time_labels_apart(root: ElementTree.Element) -> bool:
    """No two time labels overlap (each about CHAR_WIDTH per character, centred on its x)."""
    axis = of_class(root, "g", "chart-axis")[1]
    spans = [
        (float(text.get("x")) - text_width(text.text) / 2, float(text.get("x")) + text_width(text.text) / 2)
        for text in of_class(axis, "text", "chart-axis__label")
    ]
    return all(left[1] < right[0] for left, right in pairwise(spans))


def test_months_whose_labels_would_touch_are_ticked_but_named_only_every_six():
    two_years = Series(
        "g",
        "G",
        UNITS["percent"],
        "G.",
        tuple(
            Point(PartialDate(year, month, day), ("wire",), value=value, index=index)
            for index, (year, month, day, value) in enumerate(
                [(2024, 6, 30, 6), (2024, 9, 30, 7), (2025, 6, 30, 26), (2026, 3, 31, 38)]
            )
        ),
    )
    root = svg_root(two_years)
    assert time_labels(root) == ["July 2024", "January 2025", "July", "January 2026"]
    assert len(of_class(root, "line", "chart-axis__tick")) == 23  # June 2024 to April 2026, every month
    assert len(of_class(root, "line", "chart-grid--time")) == 4  # where each named month starts
    assert time_labels_apart(root)


# Labels on the points -----------------------------------------------------------------------------


def labelled() -> Series:
    """The market value with its peak, a middle point and its last point labelled."""
    points = list(market_value().points)
    for index, label in ((0, "Peak"), (2, "Passed by a rival"), (3, "Rally")):
        points[index] = dataclasses.replace(points[index], label=label)
    return dataclasses.replace(market_value(), points=tuple(points))


def label_boxes(root: ElementTree.Element) -> list[tuple[str, float, float, float, float]]:
    """Each line of each point label as drawn: (text, left, top, right, bottom), widths as the layout measures."""
    boxes = []
    for node in of_class(root, "text", "chart-label"):
        anchor = node.get("text-anchor")
        for tspan in node.iter(f"{SVG}tspan"):
            width = text_width(tspan.text, bold="chart-label__name" in tspan.get("class"))
            x, y = float(tspan.get("x")), float(tspan.get("y"))
            left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
            boxes.append((tspan.text, left, y - 10, left + width, y + 3))
    return boxes


def mark_boxes(root: ElementTree.Element) -> list[tuple[str, float, float, float, float]]:
    boxes = []
    for point in of_class(root, "g", "chart-point"):
        for circle in point.iter(f"{SVG}circle"):
            x, y = float(circle.get("cx")), float(circle.get("cy"))
            boxes.append(("mark", x - MARK_RADIUS, y - MARK_RADIUS, x + MARK_RADIUS, y + MARK_RADIUS))
        for rect in point.iter(f"{SVG}rect"):
            x, y, w, h = (float(rect.get(key)) for key in ("x", "y", "width", "height"))
            boxes.append(("range", x - 2, y, x + w + 2, y + h))
    return boxes


def leader_boxes(root: ElementTree.Element) -> list[tuple[str, float, float, float, float]]:
    """The leader lines of lifted labels, as thin boxes."""
    return [
        (
            "leader",
            float(line.get("x1")) - 0.5,
            float(line.get("y1")),
            float(line.get("x1")) + 0.5,
            float(line.get("y2")),
        )
        for line in of_class(root, "line", "chart-label__leader")
    ]


def clashes(boxes) -> list[tuple[str, str]]:
    """Pairs of overlapping boxes, one of them a label (marks may overlap each other)."""
    return [
        (a[0], b[0])
        for index, a in enumerate(boxes)
        for b in boxes[index + 1 :]
        if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4] and not {a[0], b[0]} <= {"mark", "range"}
    ]


def test_labelled_points_are_named_beside_them_with_their_value():
    root = svg_root(labelled())
    (group,) = of_class(root, "g", "chart-labels")
    assert group.get("aria-hidden") == "true"  # the marks' names say the same
    texts = [[tspan.text for tspan in text.iter(f"{SVG}tspan")] for text in of_class(root, "text", "chart-label")]
    assert texts == [
        ["Peak", "$837.84\u2013858 billion"],
        ["Passed by a rival", "$190.45 billion"],
        ["Rally", "$344.31 billion"],
    ]
    assert marks(root)[0].get("aria-label").startswith("October 2020, Peak: $837.84 billion to $858 billion")


def test_point_labels_stay_inside_the_picture_clear_of_every_mark_and_of_each_other():
    for series in (labelled(), growth()):
        root = svg_root(series)
        boxes = label_boxes(root)
        assert clashes(boxes + mark_boxes(root)) == []
        assert all(left >= PLOT_LEFT - 2.5 and right <= WIDTH - 1.5 and top >= 0 for _, left, top, right, _ in boxes)


@pytest.mark.parametrize(
    ("point", "text"),
    [
        (Point(PartialDate(2021), ("wire",), value=615), "$615 billion"),
        (Point(PartialDate(2021), ("wire",), low=837.84, high=858, note="."), "$837.84\u2013858 billion"),
        (Point(PartialDate(2021), ("wire",), low=-3, high=2, note="."), "\u2212$3 billion to $2 billion"),
    ],
)
def test_a_labels_value_is_short(point: Point, text: str):
    assert short_value(market_value(), point) == text


def test_a_period_keeps_the_points_inside_it_and_scales_time_to_it():
    period = Span(dt.date(2020, 10, 1), dt.date(2022, 1, 1))
    root = svg_root(labelled(), ["fine"], period=period)
    assert len(marks(root)) == 2
    assert time_labels(root) == ["Oct 2020", "Jan 2021", "Apr", "Jul", "Oct"]
    with pytest.raises(ValueError, match="marks events outside its period: memo"):
        svg_root(labelled(), ["memo"], period=period)


def test_the_figure_says_its_takeaway_then_what_it_measures_and_keeps_the_rest_behind_a_disclosure():
    series = dataclasses.replace(labelled(), takeaway="The value fell by three quarters")
    figure = BeautifulSoup(chart_figure(series, SOURCES, EVENTS, ["fine"]), "html.parser").figure
    assert [child.name for child in figure.find_all(recursive=False)] == ["figcaption", "div", "details"]
    assert figure.figcaption.get_text() == "The value fell by three quarters Market value"
    assert figure.details.summary.get_text() == "How to read this chart \u00b7 the figures"
    titled = BeautifulSoup(chart_figure(series, SOURCES, EVENTS, title="Own title"), "html.parser").figure
    assert titled.select_one(".chart__takeaway").get_text() == "Own title"


@settings(max_examples=40, deadline=None)
@given(any_series(), st.lists(st.integers(min_value=0, max_value=11), max_size=3, unique=True))
def test_any_series_with_a_few_labels_keeps_them_inside_and_clear(series, chosen):
    points = [
        dataclasses.replace(point, label="Label " + "x" * index) if index in chosen else point
        for index, point in enumerate(series.points)
    ]
    root = svg_root(dataclasses.replace(series, points=tuple(points)))
    boxes = label_boxes(root)
    assert len(of_class(root, "text", "chart-label")) == len([index for index in chosen if index < len(points)])
    assert all(left >= PLOT_LEFT - 2.5 and right <= WIDTH - 1.5 and top >= 0 for _, left, top, right, _ in boxes)


CHART_PAGES = [
    "",
    "story/the-fall/",
    "story/correct-course/",
    "story/ai-competition/",
    "story/since-then/",
    "timeline/",
]


@pytest.mark.parametrize("path", CHART_PAGES)
def test_the_real_charts_labels_are_clear_of_every_mark_and_of_each_other(real_build, path: str):
    for svg in real_build.html(path).select("figure.chart svg.chart-svg"):
        root = ElementTree.fromstring(str(svg))
        boxes = label_boxes(root)
        assert boxes, path
        assert clashes(boxes + mark_boxes(root) + leader_boxes(root)) == [], path
        assert all(left >= PLOT_LEFT - 2.5 and right <= WIDTH - 1.5 and top >= 0 for _, left, top, right, _ in boxes)
