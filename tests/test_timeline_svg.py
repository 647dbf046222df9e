"""The Timeline picture: time scale, lanes and rows, and the SVG markup readers (and screen readers) get."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise

import factories
import pytest
from bs4 import BeautifulSoup

from explainer.dates import PartialDate
from explainer.events.records import Event
from explainer.events.timeline_svg import (
    DOT_RADIUS,
    HEADLINE_LINE,
    HEADLINE_ROW_GAP,
    MARGIN,
    NARROW_WIDTH,
    WIDTH,
    closeup_svg,
    closeup_windows,
    headline_labels,
    lane_class,
    lane_marks,
    lane_numbers,
    scale_for,
    timeline_svg,
)
from explainer.svg import Span, TimeScale, date_span, text_width, time_axis


def event(
    event_id: str, date: PartialDate, section: str = "the-fall", title: str = "T", headline: bool = False
) -> Event:
    return factories.event(id=event_id, date=date, title=title, section=section, headline=headline)


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


STORY = Span(dt.date(2020, 10, 1), dt.date(2026, 7, 1))


def scale(start: dt.date, end: dt.date, width: float = WIDTH) -> TimeScale:
    return TimeScale(start, end, MARGIN, width - MARGIN)


def test_scale_runs_over_the_story_span_between_the_margins_in_years():
    scale = scale_for([event("a", PartialDate(2021, 6, 1))], span=STORY)
    assert (scale.start, scale.end, scale.unit) == (dt.date(2020, 10, 1), dt.date(2026, 7, 1), "years")
    assert scale.x(scale.start) == MARGIN
    assert scale.x(scale.end) == WIDTH - MARGIN


def test_without_a_span_the_scale_runs_from_the_first_event_to_the_last():
    events = [event("a", PartialDate(2021, 3, 23)), event("b", PartialDate(2021, 4, 3))]
    assert scale_for(events) == TimeScale(dt.date(2021, 3, 23), dt.date(2021, 4, 4), MARGIN, WIDTH - MARGIN, "days")


def test_a_twelve_day_story_is_drawn_on_a_day_scaled_axis_at_both_widths():
    events = [
        event("aground", PartialDate(2021, 3, 23), headline=True, title="The ship runs aground"),
        event("dredging", PartialDate(2021, 3, 25)),
        event("refloated", PartialDate(2021, 3, 29), headline=True, title="The ship is refloated"),
        event("cleared", PartialDate(2021, 4, 3), section="aftermath", title="The backlog clears"),
    ]
    wide, narrow = (
        BeautifulSoup(timeline_svg(events, ["the-fall", "aftermath"], width=width), "html.parser").svg
        for width in (WIDTH, NARROW_WIDTH)
    )
    assert [text.get_text() for text in wide.select(".timeline-axis__label")] == [
        "23 Mar 2021", "24", "25", "26", "27", "28", "29", "30", "31", "1 Apr", "2", "3",
    ]  # fmt: skip
    assert [text.get_text() for text in narrow.select(".timeline-axis__label")] == [
        "23 Mar", "25", "27", "29", "31", "2 Apr",
    ]  # fmt: skip
    assert len(wide.select("line.timeline-axis__tick")) == 13  # a tick each day, and after the last
    assert overlapping(label_boxes(str(wide))) == overlapping(label_boxes(str(narrow))) == []


def test_the_timeline_scale_may_be_forced():
    events = [event("a", PartialDate(2021, 3, 23)), event("b", PartialDate(2021, 4, 3))]
    svg = BeautifulSoup(timeline_svg(events, ["the-fall"], scale="months"), "html.parser").svg
    assert [text.get_text() for text in svg.select(".timeline-axis__label")] == ["March 2021", "April"]


def test_scale_widens_to_a_quarter_boundary_for_events_outside_the_story():
    scale = scale_for([event("old", PartialDate(2019, 8, 15))], span=STORY)
    assert scale.start == dt.date(2019, 7, 1)


def test_marks_that_would_overlap_move_to_the_next_row_and_later_ones_reuse_row_zero():
    marks = lane_marks(
        [
            event("a", PartialDate(2020, 11, 2)),
            event("b", PartialDate(2020, 11, 3)),
            event("c", PartialDate(2020, 11, 4)),
            event("d", PartialDate(2022, 1, 1)),
        ],
        scale(dt.date(2020, 10, 1), dt.date(2025, 4, 1)),
    )
    assert [mark.row for mark in marks] == [0, 1, 2, 0]
    assert marks[0].x1 - marks[0].x0 == pytest.approx(2 * DOT_RADIUS)


def test_month_level_events_are_bars_as_wide_as_their_month():
    times = scale(dt.date(2020, 10, 1), dt.date(2025, 4, 1))
    (mark,) = lane_marks([event("m", PartialDate(2023, 3))], times)
    assert not mark.is_dot
    assert mark.x0 == pytest.approx(times.x(dt.date(2023, 3, 1)), abs=0.2)
    assert mark.x1 == pytest.approx(times.x(dt.date(2023, 4, 1)), abs=0.2)


def test_lane_colours_follow_section_order():
    assert lane_class("b", lane_numbers(["a", "b"])) == "timeline-lane--1"
    assert lane_class("unknown", lane_numbers(["a"])) == ""


def test_svg_has_a_lane_per_section_and_a_named_link_per_event():
    events = [
        event("speech", PartialDate(2020, 10, 24), title='Speech & "club"'),
        event("split", PartialDate(2023, 3), section="uncertainty"),
    ]
    svg = BeautifulSoup(timeline_svg(events, ["the-fall", "uncertainty"], str.upper, span=STORY), "html.parser").svg
    assert svg["role"] == "group"
    assert svg["aria-label"] == "Timeline of 2 events, 24 October 2020 to March 2023, by chapter of the story"
    lanes = svg.select("g.timeline-lane")
    assert [lane["class"][1] for lane in lanes] == ["timeline-lane--0", "timeline-lane--1"]
    assert [lane.select_one("text").get_text() for lane in lanes] == ["THE-FALL", "UNCERTAINTY"]
    speech = svg.find("a", attrs={"xlink:href": "#speech"})
    assert speech["aria-label"] == speech["data-tooltip"] == '24 October 2020: Speech & "club"'
    assert speech.circle is not None
    assert svg.find("a", attrs={"xlink:href": "#split"}).rect is not None
    years = [str(year) for year in range(2020, 2027)]
    assert [text.get_text() for text in svg.select(".timeline-axis__label")] == years


def test_years_run_along_the_top_above_every_lane():
    svg = BeautifulSoup(timeline_svg([event("a", PartialDate(2021, 6, 1))], ["the-fall"], span=STORY), "html.parser")
    year_baselines = {float(text["y"]) for text in svg.select(".timeline-axis__label")}
    lane_top = min(float(rect["y"]) for rect in svg.select(".timeline-band"))
    assert max(year_baselines) < lane_top
    assert svg.select_one("g.timeline-axis")["aria-hidden"] == "true"


def year_labels(times: TimeScale) -> list[str]:
    return [label for _, label in time_axis(times, (1, times.right + MARGIN - 1)).labels]


def test_every_year_the_axis_shows_gets_a_label_when_its_stretch_has_room():
    assert year_labels(scale(dt.date(2020, 10, 1), dt.date(2025, 4, 1))) == [str(year) for year in range(2020, 2026)]
    narrow = scale(dt.date(2020, 10, 1), dt.date(2025, 4, 1), NARROW_WIDTH)
    assert year_labels(narrow) == [str(year) for year in range(2020, 2026)]
    assert year_labels(scale(dt.date(2021, 1, 1), dt.date(2023, 1, 1))) == ["2021", "2022"]


def test_headline_events_are_named_in_words_inside_their_link_and_ringed():
    events = [
        event(
            "speech",
            PartialDate(2020, 10, 24),
            title="Jack Ma criticizes regulators at the Bund Finance Summit",
            headline=True,
        ),
        event("other", PartialDate(2021, 4, 10)),
    ]
    svg = BeautifulSoup(timeline_svg(events, ["the-fall"], span=STORY), "html.parser").svg
    speech = svg.find("a", attrs={"xlink:href": "#speech"})
    assert "timeline-mark--headline" in speech["class"]
    lines = [tspan.get_text() for tspan in speech.select(".timeline-headline__label tspan")]
    assert " ".join(lines) == "Jack Ma criticizes regulators at the Bund Finance Summit"
    assert len(lines) == 2
    assert svg.find("a", attrs={"xlink:href": "#other"}).select(".timeline-headline__label") == []
    assert len(svg.select(".timeline-headline__leader")) == 1


def test_the_overview_is_drawn_at_both_widths_with_every_mark():
    events = [event(f"e{month}", PartialDate(2022, month, 1), headline=month % 3 == 0) for month in range(1, 13)]
    wide, narrow = (timeline_svg(events, ["the-fall"], width=width, span=STORY) for width in (WIDTH, NARROW_WIDTH))
    for markup, modifier, width in [(wide, "wide", WIDTH), (narrow, "narrow", NARROW_WIDTH)]:
        svg = BeautifulSoup(markup, "html.parser").svg
        assert f"timeline-svg--{modifier}" in svg["class"]
        assert svg["viewbox"].startswith(f"0 0 {width} ")
        assert len(svg.select("a.timeline-mark")) == 12


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


LONG_TITLE = ("A month-level event with a title far too long to fit " * 3).strip()


def test_closeup_gives_each_event_a_row_with_its_whole_title_inside_the_link():
    events = [
        event("a", PartialDate(2025, 1, 10), title="First"),
        event("b", PartialDate(2025, 3), title=LONG_TITLE),
        event("later", PartialDate(2025, 4, 2)),
    ]
    svg = BeautifulSoup(closeup_svg(events, ["the-fall"], dt.date(2025, 1, 1), dt.date(2025, 4, 1)), "html.parser").svg
    assert svg["aria-label"] == "Close-up of 2 events from January 2025 to March 2025"
    assert svg["class"] == ["timeline-svg", "timeline-svg--closeup", "timeline-closeup--wide"]
    links = svg.select("a.timeline-mark")
    assert [link["xlink:href"] for link in links] == ["#a", "#b"]
    assert links[0].select_one("text").get_text() == "First"
    assert [tspan.get_text() for tspan in links[1].select("tspan")] != [LONG_TITLE]  # wrapped, not cut short
    assert " ".join(tspan.get_text() for tspan in links[1].select("tspan")) == LONG_TITLE
    assert links[1]["aria-label"].startswith("March 2025: A month-level event")
    assert [text.get_text() for text in svg.select(".timeline-axis__label")] == ["January 2025", "February", "March"]


def closeup_text_boxes(markup: str) -> list[Box]:
    svg = BeautifulSoup(markup, "html.parser").svg
    return [
        text_box(tspan.get_text(), float(tspan["x"]), float(tspan["y"]), tspan.get_text(), text["text-anchor"], 12)
        for text in svg.select(".timeline-closeup__label")
        for tspan in text.select("tspan")
    ]


@pytest.mark.parametrize("width", [WIDTH, NARROW_WIDTH])
def test_a_closeups_titles_are_whole_inside_the_picture_and_apart_at_both_widths(width: float):
    """Phones get a close-up of their own: its titles wrap beside their marks instead of running off the screen."""
    events = [
        event(f"e{day}", PartialDate(2025, 1 + day // 31, 1 + day % 28), title=LONG_TITLE) for day in range(0, 80, 8)
    ]
    markup = closeup_svg(events, ["the-fall"], dt.date(2025, 1, 1), dt.date(2025, 4, 1), width)
    boxes = closeup_text_boxes(markup)
    assert [box for box in boxes if box.x0 < 0 or box.x1 > width] == []
    assert overlapping(boxes) == []
    assert "\u2026" not in markup


def test_no_closeup_for_a_run_too_long_to_take_in_at_a_glance():
    steady = [event(f"w{week}", PartialDate(2021, 1, 1)) for week in range(60)]
    assert closeup_windows(steady) == []
    monthly = [event(f"m{month}", PartialDate(2021 + month // 12, 1 + month % 12)) for month in range(9)]
    assert closeup_windows(monthly) == []


# Labels never overlap: geometry of what is drawn ------------------------------------------------

FONT_ASCENT, FONT_DESCENT = 0.8, 0.25  # of the font size, above and below the baseline


@dataclass(frozen=True)
class Box:
    what: str
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


def text_box(what: str, x: float, baseline: float, text: str, anchor: str, size: float, bold: bool = False) -> Box:
    width = text_width(text, size, bold)
    x0 = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(what, x0, baseline - FONT_ASCENT * size, x0 + width, baseline + FONT_DESCENT * size)


def label_boxes(markup: str) -> list[Box]:
    """Every piece of text in an overview picture as a box, with the widths the layout assumes."""
    svg = BeautifulSoup(markup, "html.parser").svg
    boxes = [
        text_box(
            f"year {text.get_text()}",
            float(text["x"]),
            float(text["y"]),
            text.get_text(),
            "middle",
            12,
        )
        for text in svg.select(".timeline-axis__label")
    ]
    boxes += [
        text_box(
            f"lane {text.get_text()}",
            float(text["x"]),
            float(text["y"]),
            text.get_text(),
            "start",
            13,
            bold=True,
        )
        for text in svg.select(".timeline-lane__label")
    ]
    for text in svg.select(".timeline-headline__label"):
        for tspan in text.select("tspan"):
            boxes.append(
                text_box(
                    f"headline {tspan.get_text()!r}",
                    float(tspan["x"]),
                    float(tspan["y"]),
                    tspan.get_text(),
                    text["text-anchor"],
                    12,
                )
            )
    return boxes


def overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    return [(a.what, b.what) for index, a in enumerate(boxes) for b in boxes[index + 1 :] if a.overlaps(b)]


def leaders_crossing_labels(markup: str) -> list[str]:
    """Leader lines that pass through a headline label other than their own, lane by lane."""
    crossings = []
    for lane in BeautifulSoup(markup, "html.parser").select("g.timeline-lane"):
        boxes = [box for box in label_boxes(f"<svg>{lane}</svg>") if box.what.startswith("headline")]
        for link in lane.select("a.timeline-mark--headline"):
            own = {f"headline {tspan.get_text()!r}" for tspan in link.select("tspan")}
            shape = link.circle or link.rect
            mark_x = float(shape["cx"]) if link.circle else float(shape["x"]) + float(shape["width"]) / 2
            leader = next(line for line in lane.select(".timeline-headline__leader") if float(line["x1"]) == mark_x)
            x, top, bottom = float(leader["x1"]), float(leader["y1"]), float(leader["y2"])
            crossings += [
                f"{link['xlink:href']} crosses {box.what}"
                for box in boxes
                if box.what not in own and box.x0 < x < box.x1 and top < box.y1 and box.y0 < bottom
            ]
    return crossings


def inside(markup: str, width: float) -> list[str]:
    return [box.what for box in label_boxes(markup) if box.x0 < 0 or box.x1 > width]


def dense_events() -> list[Event]:
    """Eight chapters over seven years, a run of 30 events in three months, and most of them headlines
    with long titles: far more crowded than the story will ever be."""
    sections = [f"chapter-{number}" for number in range(8)]
    events = []
    for number in range(30):  # every three days, one chapter, all headlines
        day = dt.date(2025, 1, 2) + dt.timedelta(days=3 * number)
        title = f"Event {number} with a long title that needs wrapping onto several lines here"
        events.append(event(f"dense-{number}", PartialDate(day.year, day.month, day.day), sections[1], title, True))
    for number in range(60):  # spread over 2019-2026 across the chapters, every third a headline
        day = dt.date(2019, 1, 15) + dt.timedelta(days=43 * number)
        events.append(
            event(
                f"spread-{number}",
                PartialDate(day.year, day.month, day.day),
                sections[number % 8],
                f"Spread event {number}: {'words ' * (number % 7)}end",
                number % 3 == 0,
            )
        )
    events.append(event("last", PartialDate(2026, 12), sections[7], "A month-level headline at the very end", True))
    return sorted(events, key=lambda item: (date_span(item.date)[0], item.id))


@pytest.mark.parametrize("width", [WIDTH, NARROW_WIDTH])
def test_no_label_overlaps_another_in_a_dense_synthetic_timeline(width):
    """Labels never overlap, even here. (Leader lines are kept clear of other labels at desktop width;
    at phone width a lane this crowded can leave a leader crossing a label, so that is not asserted.)"""
    events = dense_events()
    markup = timeline_svg(events, list(dict.fromkeys(item.section for item in events)), width=width, span=STORY)
    assert overlapping(label_boxes(markup)) == []
    if width == WIDTH:
        assert leaders_crossing_labels(markup) == []
    assert inside(markup, width) == []
    assert len(BeautifulSoup(markup, "html.parser").select(".timeline-headline__label")) >= sum(
        item.headline for item in events
    )


def test_more_events_are_named_where_there_is_room_up_to_the_most_asked_for():
    sections = ["one", "two", "three"]
    events = [  # a year and a half apart: room for every title in one row
        event(
            f"{section}-{number}", PartialDate(2021 + number * 3 // 2, 1 + 6 * (number % 2), 1), section, f"E{number}"
        )
        for section in sections
        for number in range(1, 5)
    ]
    events[0] = event("one-1", PartialDate(2022, 7, 1), "one", "The headline", headline=True)

    def named(limits):
        svg = BeautifulSoup(timeline_svg(events, sections, span=STORY, labels=limits), "html.parser")
        return [label.find_parent("a")["xlink:href"] for label in svg.select(".timeline-headline__label")]

    assert named((0, 0)) == ["#one-1"]  # a headline event is always named
    assert named((0, 3)) == ["#one-1", "#two-1", "#three-1"]  # lanes with the fewest names first
    assert len(named((0, 12))) == 12
    assert len(named((0, 7))) == 7
    markup = timeline_svg(events, sections, span=STORY, labels=(0, 12))
    assert overlapping(label_boxes(markup)) == [] and leaders_crossing_labels(markup) == []


def test_headline_rows_keep_each_leader_clear():
    title = "A title long enough to need a row of its own"
    marks = lane_marks(
        [event(f"h{day}", PartialDate(2020, 6, day), title=title, headline=True) for day in (1, 8, 15)],
        scale(dt.date(2020, 1, 1), dt.date(2021, 1, 1)),
    )
    labels = headline_labels(marks)
    assert sorted(label.row for label in labels) == [0, 1, 2]
    for label in labels:  # no label nearer the band covers a leader line further down
        for nearer in labels:
            if nearer.row < label.row:
                assert not nearer.x0 <= label.leader <= nearer.x1


# Seven headline events in one lane (the default allows twelve) with no layout clear of each other: the greedy
# fallback puts a label it cannot clear in a new row numbered by its place in the order, skipping rows 3 and 4.
CROWDED = [
    ((2020, 1, 23), "summon exchange billion"),
    ((2020, 2, 22), "memo for Ant Ant Regulators suspended shares summon"),
    ((2020, 4, 23), "billion talks executives billion fine Regulators billion"),
    ((2020, 5, 19), "talks shares shares IPO Ant"),
    ((2020, 10, 7), "Regulators shares shares fine Shanghai Shanghai"),
    ((2020, 11, 2), "Shanghai exchange talks record shares billion"),
    ((2020, 11, 6), "suspended record talks record memo billion Ant"),
]


def test_a_lane_whose_labels_skip_a_row_is_drawn_without_an_empty_row():
    events = [
        event(f"h{index}", PartialDate(*date), title=title, headline=True)
        for index, (date, title) in enumerate(CROWDED)
    ]
    rows = sorted(label.row for label in headline_labels(lane_marks(events, scale_for(events))))
    assert rows == [0, 0, 1, 1, 2, 5, 6]  # the case: rows 3 and 4 are skipped
    svg = BeautifulSoup(timeline_svg(events, ["the-fall"]), "html.parser")
    tops = {}  # each drawn row's first baseline: the number of lines of its tallest label
    for text in svg.select(".timeline-headline__label"):
        y = float(text.select_one("tspan")["y"])
        tops[y] = max(tops.get(y, 0), len(text.select("tspan")))
    assert len(tops) == 5  # one drawn row for each row taken
    for (upper, lines), (lower, _) in pairwise(sorted(tops.items())):
        assert lower - upper == lines * HEADLINE_LINE + HEADLINE_ROW_GAP  # each row right under the one above


def test_real_timeline_labels_do_not_overlap(real_build):
    figure = real_build.html("timeline/").select_one("figure.timeline-figure")
    pictures = figure.select("svg.timeline-svg")
    assert [svg["class"][1] for svg in pictures] == ["timeline-svg--wide", "timeline-svg--narrow"]
    for svg, width in zip(pictures, [WIDTH, NARROW_WIDTH], strict=True):
        markup = str(svg)
        assert overlapping(label_boxes(markup)) == []
        assert leaders_crossing_labels(markup) == []
        assert inside(markup, width) == []
        assert 6 <= len(svg.select("a.timeline-mark--headline")) <= 10
        assert len(svg.select(".timeline-headline__label")) == 12  # the headline events and others with room
