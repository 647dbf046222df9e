"""A series of figures drawn as an inline SVG chart, with an HTML table as its text alternative.

Pure functions: a `Series` (figures/records.py) and the labels and links of its sources and
events in, markup out, drawn with the shared toolkit (explainer/svg.py). Time runs left to right
in the unit the chart's span calls for (days to years), values up from zero with labelled
gridlines. The few points the chart is about are labelled on the picture (`label` in
data/figures.yml), placed clear of every mark and of each other; its title says what the reader
should see (`takeaway`), and how to read it and the table sit behind a disclosure, printed open.
Each point is a focusable link to its row in the table, with a tooltip (drawn, shown on hover
and focus) giving date, value and source. Where sources disagree the point is a bar
from the lowest to the highest figure. Points are never joined: they are separate reports, and a
line would suggest figures nobody reported. Colours and text size come from CSS (explainer.css,
section 5), so the chart follows dark mode and prints; the viewBox scales to the column, down to
a 375 px phone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .. import svg
from ..dates import PartialDate
from ..svg import element, markup, sub, text_width
from .records import Point, Series

WIDTH = 360  # viewBox units; drawn 343 to 440 px wide (CSS), so 12-unit text reads 11 to 15 px
PLOT_LEFT = 44  # room for the value labels
PLOT_RIGHT = WIDTH - 16
PLOT_TOP = 30  # room for the unit label
PLOT_HEIGHT = 150
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT
MARK_RADIUS = 5
HIT_RADIUS = 11  # the invisible target around a mark: about 22 px on a phone
RANGE_WIDTH = 8
MARKER_SIZE = 6  # event markers under the time axis
MARKER_ROW = 10
TIP_LINE = 15  # line height of a tooltip
LABEL_LINE = 14  # line height of a point's label
LABEL_PAD = 4  # between a mark and its label
LABEL_CLASSES = ("chart-label__name", "chart-label__value")  # a label's lines: the point's words, its value
DETAILS_SUMMARY = "How to read this chart \u00b7 the figures"


@dataclass(frozen=True)
class Ref:
    """How a source is named and linked from the chart: 'Wire' -> '../sources/#wire-2024-results'."""

    label: str
    href: str


@dataclass(frozen=True)
class EventRef:
    """An event as the chart shows it: on the time axis and as the link from a point's row."""

    date: PartialDate
    title: str
    href: str  # its Timeline entry


def scoped(series: Series, period: svg.Span | None) -> Series:
    """The series with only its points inside `period` (all of them without one)."""
    if period is None:
        return series
    return dataclasses.replace(series, points=tuple(point for point in series.points if period.covers(point.date)))


# Labels -----------------------------------------------------------------------------------------


def short_value(series: Series, point: Point) -> str:
    """The point's figure in a label's few words: '$190.5 billion', '$830–858 billion'."""
    unit = series.unit
    if point.value is not None:
        return unit.format(point.value)
    if point.low >= 0:
        return f"{unit.prefix}{unit.number(point.low)}\u2013{unit.number(point.high)}{unit.suffix}"
    return series.value_text(point)


def _source_names(point: Point, sources: Mapping[str, Ref]) -> str:
    return ", ".join(_ref(sources, source_id).label for source_id in point.sources)


def _ref(sources: Mapping[str, Ref], source_id: str) -> Ref:
    return sources.get(source_id) or Ref(source_id, f"#{source_id}")


def _event(events: Mapping[str, EventRef], event_id: str) -> EventRef:
    if event_id not in events:
        raise ValueError(f"the chart needs event '{event_id}', which it was not given")
    return events[event_id]


# The SVG ----------------------------------------------------------------------------------------


def chart_element(
    series: Series,
    sources: Mapping[str, Ref],
    events: Mapping[str, EventRef],
    markers: Sequence[str] = (),
    period: svg.Span | None = None,
) -> Element:
    """The chart of `series` (already scoped to `period`, if any) as one `<svg>`: gridlines and value
    labels, the time axis with event markers, the points and their labels."""
    if not series.points:
        raise ValueError(f"the chart of '{series.id}' has no point to draw")
    marked = [(event_id, _event(events, event_id)) for event_id in markers]
    outside = [event_id for event_id, event in marked if period is not None and not period.covers(event.date)]
    if outside:
        raise ValueError(f"the chart of '{series.id}' marks events outside its period: {', '.join(outside)}")
    # Dates onto x in whole units around `period` if given, else around everything drawn; values onto y from
    # a round number at or below zero to one at or above the largest figure.
    drawn = [point.date for point in series.points] + [event.date for _, event in marked]
    times = svg.time_scale(period or svg.span_of(drawn), PLOT_LEFT, PLOT_RIGHT)
    values = svg.value_scale((point.extent for point in series.points), PLOT_TOP, PLOT_BOTTOM)
    marker_rows = _marker_rows(marked, times)
    placed = []
    for point in series.points:
        low, high = point.extent
        placed.append(_Placed(point, times.x_of(point.date), values.y(high), values.y(low)))
    rows = max(marker_rows.values(), default=-1) + 1
    axis_baseline = PLOT_BOTTOM + 8 + rows * MARKER_ROW + 14  # the time labels, under the event markers
    height = axis_baseline + 12
    root = svg.svg_root("chart-svg", WIDTH, height, _chart_name(series), **{"font-size": svg.FONT_SIZE})
    sub(root, "title", text=_chart_name(series))
    sub(root, "desc", text=series.description)
    _value_grid(root, series, values)
    # The time axis under the plot: gridlines at each labelled stretch, a tick per unit, the labels.
    axis = svg.time_axis(times, (2, WIDTH - 2))
    group = sub(root, "g", {"class": "chart-axis", "aria-hidden": "true"})
    svg.draw_time_grid(group, axis, "chart-grid chart-grid--time", PLOT_TOP, PLOT_BOTTOM)
    svg.draw_time_axis(group, times, axis, "chart", PLOT_BOTTOM, axis_baseline, (4, 2))
    stems = sub(root, "g", {"aria-hidden": "true"})  # thin drop lines from zero, to read a value against the grid
    for each in placed:
        low, high = each.point.extent  # to the figure nearest zero
        svg.line(stems, "chart-stem", each.x, values.y(0), each.x, values.y(low if low >= 0 else min(high, 0)))
    for event_id, event in marked:
        _event_marker(root, event, times, marker_rows[event_id])
    shapes = sub(root, "g", {"aria-hidden": "true"})
    for each in placed:
        _shape(shapes, each, times)
    _point_labels(root, series, placed)
    for each in placed:
        _mark(root, series, each, sources, height)
    return root


def _chart_name(series: Series) -> str:
    first, last = series.points[0].date.display, series.points[-1].date.display
    count = len(series.points)
    return f"{series.title}: chart of {count} reported figure{'s' if count != 1 else ''}, {first} to {last}"


def _value_grid(root: Element, series: Series, values: svg.ValueScale) -> None:
    group = sub(root, "g", {"class": "chart-axis", "aria-hidden": "true"})
    ticks = values.ticks()
    for tick in ticks:
        zero = " chart-grid--zero" if tick == 0 else ""
        svg.line(group, f"chart-grid{zero}", PLOT_LEFT, values.y(tick), PLOT_RIGHT, values.y(tick))
    for tick in ticks:
        svg.text(group, "chart-axis__label", PLOT_LEFT - 6, values.y(tick) + 4, series.unit.number(tick), "end")
    svg.text(group, "chart-axis__unit", PLOT_LEFT - 6, PLOT_TOP - 14, series.unit.axis_label, "start")


# Points -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """Where one point is drawn: its x and the y of its highest and lowest figure."""

    point: Point
    x: float
    top: float
    bottom: float


def _shape(parent: Element, placed: _Placed, times: svg.TimeScale) -> None:
    """What a point looks like: a dot, or a capped bar where sources disagree (graphics only)."""
    x, top, bottom = placed.x, placed.top, placed.bottom
    group = sub(parent, "g", {"class": "chart-point"})
    if placed.point.date.precision != "day":  # known only to the month or year: a faint line across it
        first, after = times.extent(placed.point.date)
        svg.line(group, "chart-mark__span", first, (top + bottom) / 2, after, (top + bottom) / 2)
    if not placed.point.is_range:
        sub(group, "circle", {"cx": float(x), "cy": float(top), "r": MARK_RADIUS})
        return
    half = RANGE_WIDTH / 2  # a bar from the lowest to the highest reported figure, each end capped
    svg.rect(group, "chart-mark__range", x - half, top, RANGE_WIDTH, bottom - top)
    for y in (top, bottom):
        svg.line(group, "chart-mark__cap", x - half - 2, y, x + half + 2, y)


def _mark(root: Element, series: Series, placed: _Placed, sources: Mapping[str, Ref], height: float) -> None:
    """A point's link: its hit area, a ring shown on focus, and its tooltip. Links are drawn after
    every shape, so a tooltip is never covered by a later point (SVG paints in document order).
    No <title>: the browser would show it as a second tooltip over the drawn one on hover."""
    point, x, top, bottom = placed.point, placed.x, placed.top, placed.bottom
    # What the point says in words: 'October 2020, Peak: $830 billion to $858 billion (Wire, Ledger)'.
    labelled = f", {point.label}" if point.label else ""
    name = f"{point.date.display}{labelled}: {series.value_text(point)} ({_source_names(point, sources)})"
    link = svg.link(root, f"#{series.anchor(point)}", name, "chart-mark")
    svg.rect(link, "chart-mark__hit", x - HIT_RADIUS, top - HIT_RADIUS, 2 * HIT_RADIUS, bottom - top + 2 * HIT_RADIUS)
    if point.is_range:
        half = RANGE_WIDTH / 2 + 3
        svg.rect(link, "chart-mark__ring", x - half, top - 3, 2 * half, bottom - top + 6, half)
    else:
        sub(link, "circle", {"class": "chart-mark__ring", "cx": float(x), "cy": float(top), "r": MARK_RADIUS + 3})
    _tooltip(link, series, placed, sources, height)


def _tooltip(parent: Element, series: Series, placed: _Placed, sources: Mapping[str, Ref], height: float) -> None:
    """Shown by CSS while the mark has focus or the pointer: date, value and sources, kept inside the picture."""
    point = placed.point
    cited = "Sources" if len(point.sources) > 1 else "Source"
    lines = [point.date.display, series.value_text(point), f"{cited}: {_source_names(point, sources)}"]
    bold = (False, True, False)  # the value is bold (explainer.css, .chart-tip__value)
    lines = [svg.fit(line, WIDTH - 20, bold=is_bold) for line, is_bold in zip(lines, bold, strict=True)]
    widest = max(text_width(line, bold=is_bold) for line, is_bold in zip(lines, bold, strict=True))
    box = (round(widest) + 12, len(lines) * TIP_LINE + 8)
    left, top = _tip_position(placed, box, height)
    group = sub(parent, "g", {"class": "chart-tip", "aria-hidden": "true"})
    svg.rect(group, None, left, top, *box, 3)
    for index, (kind, line) in enumerate(zip(("date", "value", "source"), lines, strict=True)):
        svg.text(group, f"chart-tip__{kind}", left + 6, top + 17 + index * TIP_LINE, line)


def _tip_position(placed: _Placed, box: tuple[float, float], height: float) -> tuple[float, float]:
    """Above the mark, else below it, else beside it (a tall range): always inside the picture."""
    width, tall = box
    left = min(max(placed.x - width / 2, 4), WIDTH - 4 - width)
    above = placed.top - HIT_RADIUS - 4 - tall
    below = placed.bottom + HIT_RADIUS + 4
    if above >= 2:
        return left, above
    if below + tall <= height - 2:
        return left, below
    right = placed.x + HIT_RADIUS + 4
    beside = right if right + width <= WIDTH - 4 else max(placed.x - HIT_RADIUS - 4 - width, 4)
    middle = (placed.top + placed.bottom - tall) / 2
    return beside, min(max(middle, 2), height - 2 - tall)


# Labels on the points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rectangle in viewBox units."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, gap: float = 2) -> bool:
        return (
            self.x0 < other.x1 + gap
            and other.x0 < self.x1 + gap
            and self.y0 < other.y1 + gap
            and other.y0 < self.y1 + gap
        )

    def inside(self, other: Box) -> bool:
        return other.x0 <= self.x0 and self.x1 <= other.x1 and other.y0 <= self.y0 and self.y1 <= other.y1


def mark_box(placed: _Placed) -> Box:
    """What a point covers: its dot, or its capped bar."""
    half = MARK_RADIUS if not placed.point.is_range else RANGE_WIDTH / 2 + 2
    return Box(placed.x - half, placed.top - MARK_RADIUS, placed.x + half, placed.bottom + MARK_RADIUS)


LABEL_ROOM = Box(PLOT_LEFT - 2, 0, WIDTH - 2, PLOT_BOTTOM - 2)  # the plot and the space above it
LABEL_SEARCH = 20_000  # layouts tried before the first places stand, overlaps and all


@dataclass(frozen=True)
class Place:
    """Where a label goes: its box, how its lines align, and the leader line (as a thin box) from the
    mark to a label lifted or lowered clear of its neighbours (None beside the mark)."""

    box: Box
    anchor: str
    leader: Box | None = None

    def clashes(self, other: Box) -> bool:
        return self.box.overlaps(other) or (self.leader is not None and self.leader.overlaps(other, gap=1))


LIFTS = 6  # how many lines above its mark a label may be lifted, on a leader line


def label_places(placed: _Placed, width: float, lines: int) -> list[Place]:
    """Where a point's label may go, best first: beside the mark (right, left), above or below it
    (moved sideways to stay inside the room), diagonally, then lifted a line at a time above the
    mark on a leader line, then lowered below it likewise."""
    tall = lines * LABEL_LINE
    mark = mark_box(placed)
    middle = (placed.top + placed.bottom) / 2
    right, left = mark.x1 + LABEL_PAD, mark.x0 - LABEL_PAD
    above, below = mark.y0 - LABEL_PAD - tall, mark.y1 + LABEL_PAD
    centred = min(max(placed.x - width / 2, LABEL_ROOM.x0), LABEL_ROOM.x1 - width)
    places = [
        Place(Box(right, middle - tall / 2, right + width, middle + tall / 2), "start"),
        Place(Box(left - width, middle - tall / 2, left, middle + tall / 2), "end"),
        Place(Box(centred, above, centred + width, above + tall), "middle"),
        Place(Box(centred, below, centred + width, below + tall), "middle"),
        Place(Box(placed.x, above, placed.x + width, above + tall), "start"),
        Place(Box(placed.x - width, above, placed.x, above + tall), "end"),
        Place(Box(placed.x, below, placed.x + width, below + tall), "start"),
        Place(Box(placed.x - width, below, placed.x, below + tall), "end"),
    ]
    lifted = [above - lift * LABEL_LINE for lift in range(1, LIFTS + 1)]
    lowered = [below + drop * LABEL_LINE for drop in range(1, LIFTS + 1)]
    for top in lifted + lowered:  # the leader runs from the label's foot down to the mark, or from the mark down
        y0, y1 = (top + tall - 2, mark.y0 - 1) if top < mark.y0 else (mark.y1 + 1, top + LABEL_LINE - 4)
        leader = Box(placed.x - 0.5, y0, placed.x + 0.5, y1)
        places.append(Place(Box(placed.x + 3, top, placed.x + 3 + width, top + tall), "start", leader))
        places.append(Place(Box(placed.x - 3 - width, top, placed.x - 3, top + tall), "end", leader))
    return places


def place_labels(series: Series, placed: Sequence[_Placed]) -> list[tuple[_Placed, Place]]:
    """Each labelled point's label in a place inside the room, clear of every mark, of the unit's label
    and of the other labels and leader lines: the first such layout, trying each label's best places
    first (a bounded search); failing that, each label in the first place clear of those before it."""
    unit = Box(
        PLOT_LEFT - 6, PLOT_TOP - 26, PLOT_LEFT - 6 + text_width(series.unit.axis_label, bold=True), PLOT_TOP - 10
    )
    obstacles = [mark_box(each) for each in placed] + [unit]
    labelled = [each for each in placed if each.point.label]
    options = []
    for each in labelled:
        lines = _label_lines(series, each.point)
        width = max(text_width(lines[0], bold=True), text_width(lines[1]))
        every = label_places(each, width, len(lines))
        inside = [place for place in every if place.box.inside(LABEL_ROOM)]
        clear = [place for place in inside if not any(place.clashes(other) for other in obstacles)]
        options.append(clear or inside or every[:1])
    # In the fallback, a label none of whose places is clear takes its first.
    found = svg.first_layout(
        len(options), options.__getitem__, _free, LABEL_SEARCH, lambda index: [*options[index], options[index][0]]
    )
    return list(zip(labelled, found, strict=True))


def _free(place: Place, chosen: Sequence[Place]) -> bool:
    """True if `place` overlaps no chosen label or leader line, and its leader crosses no chosen label."""
    return not any(
        place.clashes(other.box) or (other.leader is not None and place.box.overlaps(other.leader, gap=1))
        for other in chosen
    )


def _label_lines(series: Series, point: Point) -> tuple[str, str]:
    return point.label, short_value(series, point)


def _point_labels(root: Element, series: Series, placed: Sequence[_Placed]) -> None:
    """The labelled points' words and values on the picture (their links' names say the same)."""
    found = place_labels(series, placed)
    if not found:
        return
    group = sub(root, "g", {"class": "chart-labels", "aria-hidden": "true"})
    for each, place in found:
        box, anchor = place.box, place.anchor
        if place.leader is not None:
            svg.line(group, "chart-label__leader", each.x, place.leader.y0, each.x, place.leader.y1)
        x = {"start": box.x0, "end": box.x1, "middle": (box.x0 + box.x1) / 2}[anchor]
        lines = _label_lines(series, each.point)
        svg.text_lines(group, "chart-label", anchor, x, box.y0 + 11, lines, LABEL_LINE, LABEL_CLASSES)


# Events on the time axis ------------------------------------------------------------------------


def _marker_rows(marked: Sequence[tuple[str, EventRef]], times: svg.TimeScale) -> dict[str, int]:
    """A row per marker under the axis, the first where it overlaps no earlier marker."""
    ordered = sorted(marked, key=lambda item: item[1].date.sort_key)
    xs = [times.x_of(event.date) for _, event in ordered]
    rows = svg.rows([(x - MARKER_SIZE, x + MARKER_SIZE) for x in xs], 2)
    return {event_id: row for (event_id, _), row in zip(ordered, rows, strict=True)}


def _event_marker(root: Element, event: EventRef, times: svg.TimeScale, row: int) -> None:
    x = times.x_of(event.date)
    tip = PLOT_BOTTOM + 6 + row * MARKER_ROW
    label = f"Event, {event.date.display}: {event.title}"
    half = MARKER_SIZE / 2
    link = svg.link(root, event.href, label, "chart-event")
    sub(link, "title", text=label)
    svg.line(link, "chart-event__guide", x, PLOT_TOP, x, tip)
    svg.rect(link, "chart-mark__hit", x - 7, tip - 2, 14, MARKER_SIZE + 4)
    sub(link, "path", {"d": f"M{svg.number(x)} {svg.number(tip)}l{svg.number(half)} {MARKER_SIZE}h{-MARKER_SIZE}z"})


# The table and the whole figure -----------------------------------------------------------------


def _table(series: Series, sources: Mapping[str, Ref], events: Mapping[str, EventRef]) -> Element:
    """The chart's text alternative: a row per point (the marks link to it), then its note; printable."""
    table = element("table", {"class": "chart-table"})
    sub(table, "caption", text=f"{series.title}: the figures")
    head = sub(sub(table, "thead"), "tr")
    for name in ("Date", "Value", "Sources"):
        sub(head, "th", {"scope": "col"}, name)
    for point in series.points:
        # One <tbody> per point, so the link from its mark can highlight both its rows: the figure, then the note.
        group = sub(table, "tbody", {"id": series.anchor(point)})
        row = sub(group, "tr")
        sub(sub(row, "th", {"scope": "row"}), "time", {"datetime": point.date.iso}, point.date.display)
        sub(row, "td", text=series.value_text(point))
        cell = sub(row, "td")
        for index, source_id in enumerate(point.sources):
            ref = _ref(sources, source_id)
            sub(cell, "a", {"href": ref.href}, ref.label).tail = ", " if index < len(point.sources) - 1 else None
        if not (point.note or point.event):
            continue
        cell = sub(sub(group, "tr", {"class": "chart-table__note"}), "td", {"colspan": 3}, point.note or None)
        if point.event:
            target = _event(events, point.event)
            if point.note:
                cell.text = f"{point.note} "
            sub(cell, "a", {"class": "chart-table__event", "href": target.href}, f"On the Timeline: {target.title}")
    return table


def caption(series: Series, markers: Sequence[str] = ()) -> str:
    """How to read the chart, naming only what this chart draws (plain text)."""
    parts = ["Each mark is a figure a source reported."]
    if any(point.is_range for point in series.points):
        parts.append("A bar spans the figures where sources disagree.")
    if any(point.date.precision != "day" for point in series.points):
        parts.append("A faint line across a mark means the figure is known only to the month.")
    parts.append("Marks are not joined: nothing is drawn where no figure was reported.")
    parts.append("Select a mark for its row in the table.")
    if markers:
        parts.append(
            "Triangles under the time axis mark key events, named below the table; select one for its Timeline entry."
        )
    return " ".join(parts)


def chart_figure(
    series: Series,
    sources: Mapping[str, Ref],
    events: Mapping[str, EventRef],
    markers: Sequence[str] = (),
    period: svg.Span | None = None,
    title: str = "",
) -> str:
    """The chart as one `<figure>` to place in a page: its title, the picture, and behind a disclosure
    how to read it, its table and the events it marks; over `period` only, if given.

    Its title is its <figcaption>, first (HTML allows one only first or last in a figure): the
    takeaway (`title`, else the series'), then what the series measures.
    """
    shown = scoped(series, period)
    figure = element("figure", {"class": "chart", "id": f"chart-{series.id}"})
    heading = sub(figure, "figcaption", {"class": "chart__title"})
    if takeaway := title or series.takeaway:
        sub(heading, "span", {"class": "chart__takeaway"}, takeaway).tail = " "
        sub(heading, "span", {"class": "chart__subject"}, series.title)
    else:
        heading.text = series.title
    sub(figure, "div", {"class": "chart__plot"}).append(chart_element(shown, sources, events, markers, period))
    details = sub(figure, "details", {"class": "chart__details"})
    sub(details, "summary", {"class": "chart__summary"}, DETAILS_SUMMARY)
    sub(details, "p", {"class": "chart__caption"}, f"{series.description} {caption(shown, markers)}")
    details.append(_table(shown, sources, events))
    if markers:  # the events under the time axis in words, each linked to its Timeline entry (so print shows them too)
        paragraph = sub(details, "p", {"class": "chart__events"}, "Marked on the time axis: ")
        for index, event in enumerate(_event(events, event_id) for event_id in markers):
            link = sub(paragraph, "a", {"href": event.href})
            sub(link, "time", {"datetime": event.date.iso}, event.date.display).tail = f": {event.title}"
            link.tail = "; " if index < len(markers) - 1 else "."
    return markup(figure)
