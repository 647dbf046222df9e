"""The Timeline picture: time scale, lanes and rows, and the SVG markup readers (and screen readers) get."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from explainer.dates import PartialDate
from explainer.events.records import Event
from explainer.events.timeline_svg import (
    DOT_RADIUS,
    MARGIN,
    WIDTH,
    TimeScale,
    closeup_svg,
    closeup_windows,
    date_span,
    lane_class,
    lane_marks,
    lane_numbers,
    scale_for,
    timeline_svg,
)


def event(event_id: str, date: PartialDate, section: str = "the-fall", title: str = "T") -> Event:
    return Event(id=event_id, date=date, title=title, summary="S.", sources=("s",), section=section)


@pytest.mark.parametrize(
    ("date", "span"),
    [
        (PartialDate(2020, 11, 3), (dt.date(2020, 11, 3), dt.date(2020, 11, 4))),
        (PartialDate(2023, 3), (dt.date(2023, 3, 1), dt.date(2023, 4, 1))),
        (PartialDate(2024, 12), (dt.date(2024, 12, 1), dt.date(2025, 1, 1))),
        (PartialDate(2021), (dt.date(2021, 1, 1), dt.date(2022, 1, 1))),
    ],
)
def test_date_span_covers_what_a_partial_date_can_mean(date, span):
    assert date_span(date) == span


def test_scale_runs_from_the_story_start_to_its_end_between_the_margins():
    scale = scale_for([event("a", PartialDate(2021, 6, 1))])
    assert (scale.start, scale.end) == (dt.date(2020, 10, 1), dt.date(2026, 7, 1))
    assert scale.x(scale.start) == MARGIN
    assert scale.x(scale.end) == WIDTH - MARGIN
    assert list(scale.years()) == [2021, 2022, 2023, 2024, 2025, 2026]


def test_scale_widens_to_a_quarter_boundary_for_events_outside_the_story():
    scale = scale_for([event("old", PartialDate(2019, 8, 15))])
    assert scale.start == dt.date(2019, 7, 1)


def test_marks_that_would_overlap_move_to_the_next_row_and_later_ones_reuse_row_zero():
    scale = TimeScale(dt.date(2020, 10, 1), dt.date(2025, 4, 1))
    marks = lane_marks(
        [
            event("a", PartialDate(2020, 11, 2)),
            event("b", PartialDate(2020, 11, 3)),
            event("c", PartialDate(2020, 11, 4)),
            event("d", PartialDate(2022, 1, 1)),
        ],
        scale,
    )
    assert [mark.row for mark in marks] == [0, 1, 2, 0]
    assert marks[0].x1 - marks[0].x0 == pytest.approx(2 * DOT_RADIUS)


def test_month_level_events_are_bars_as_wide_as_their_month():
    scale = TimeScale(dt.date(2020, 10, 1), dt.date(2025, 4, 1))
    (mark,) = lane_marks([event("m", PartialDate(2023, 3))], scale)
    assert not mark.is_dot
    assert mark.x0 == pytest.approx(scale.x(dt.date(2023, 3, 1)), abs=0.2)
    assert mark.x1 == pytest.approx(scale.x(dt.date(2023, 4, 1)), abs=0.2)


def test_lane_colours_follow_section_order():
    assert lane_class("b", lane_numbers(["a", "b"])) == "timeline-lane--1"
    assert lane_class("unknown", lane_numbers(["a"])) == ""


def test_svg_has_a_lane_per_section_and_a_named_link_per_event():
    events = [
        event("speech", PartialDate(2020, 10, 24), title='Speech & "club"'),
        event("split", PartialDate(2023, 3), section="uncertainty"),
    ]
    svg = BeautifulSoup(timeline_svg(events, ["the-fall", "uncertainty"], str.upper), "html.parser").svg
    assert svg["role"] == "group"
    assert svg["aria-label"] == "Timeline of 2 events, 24 October 2020 to March 2023, by chapter of the story"
    lanes = svg.select("g.timeline-lane")
    assert [lane["class"][1] for lane in lanes] == ["timeline-lane--0", "timeline-lane--1"]
    assert [lane.select_one("text").get_text() for lane in lanes] == ["THE-FALL", "UNCERTAINTY"]
    speech = svg.find("a", attrs={"xlink:href": "#speech"})
    assert speech["aria-label"] == speech.title.get_text() == '24 October 2020: Speech & "club"'
    assert speech.circle is not None
    assert svg.find("a", attrs={"xlink:href": "#split"}).rect is not None
    assert [text.get_text() for text in svg.select(".timeline-axis__label")] == [
        str(year) for year in range(2021, 2027)
    ]


def test_svg_escapes_text_from_data():
    markup = timeline_svg([event("x", PartialDate(2021, 1, 1), title="<script>")], ["the-fall"], lambda _: "A&B")
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "A&amp;B" in markup


def test_svg_is_the_same_for_the_same_events():
    events = [event(f"e{day}", PartialDate(2021, 1, day)) for day in range(1, 20)]
    assert timeline_svg(events, ["the-fall"]) == timeline_svg(list(events), ["the-fall"])


def test_closeups_cover_whole_months_around_dense_runs_only():
    days = [(1, 5), (1, 20), (2, 2), (2, 20), (3, 1)]
    dense = [event(f"d{month}-{day}", PartialDate(2025, month, day)) for month, day in days]
    sparse = [event("s1", PartialDate(2021, 4, 10)), event("s2", PartialDate(2022, 9))]
    assert closeup_windows(sparse + dense) == [(dt.date(2025, 1, 1), dt.date(2025, 4, 1))]
    assert closeup_windows(dense[:4]) == []


def test_closeup_gives_each_event_a_row_with_its_title_inside_the_link():
    events = [
        event("a", PartialDate(2025, 1, 10), title="First"),
        event("b", PartialDate(2025, 3), title="A month-level event with a title far too long to fit " * 3),
        event("later", PartialDate(2025, 4, 2)),
    ]
    svg = BeautifulSoup(closeup_svg(events, ["the-fall"], dt.date(2025, 1, 1), dt.date(2025, 4, 1)), "html.parser").svg
    assert svg["aria-label"] == "Close-up of 2 events from January 2025 to March 2025"
    links = svg.select("a.timeline-mark")
    assert [link["xlink:href"] for link in links] == ["#a", "#b"]
    assert links[0].select_one("text").get_text() == "First"
    assert links[1].select_one("text").get_text().endswith("\u2026")
    assert links[1]["aria-label"].startswith("March 2025: A month-level event")
    assert [text.get_text() for text in svg.select(".timeline-axis__label")] == ["January 2025", "February", "March"]


def test_no_closeup_for_a_run_too_long_to_take_in_at_a_glance():
    steady = [event(f"w{week}", PartialDate(2021, 1, 1)) for week in range(60)]
    assert closeup_windows(steady) == []
    monthly = [event(f"m{month}", PartialDate(2021 + month // 12, 1 + month % 12)) for month in range(9)]
    assert closeup_windows(monthly) == []
