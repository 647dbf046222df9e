"""A series of figures drawn as an inline SVG chart, with an HTML table as its text alternative.

Pure functions: a `Series` (figures/records.py) and the labels and links of its sources and
events in, markup out. Time runs left to right (years labelled), values up from zero with
labelled gridlines. Each point is a focusable link to its row in the table, with a tooltip
(drawn, shown on hover and focus) giving date, value and source. Where sources
disagree the point is a bar from the lowest to the highest figure. Points are never joined:
they are separate reports, and a line would suggest figures nobody reported. Colours and text
size come from CSS (docs/assets/explainer.css, section 5), so the chart follows dark mode and
prints; the viewBox scales to the column, down to a 375 px phone.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..dates import PartialDate
from ..events.timeline_svg import XLINK, date_span
from .records import Point, Series

WIDTH = 360  # viewBox units; drawn 343 to 440 px wide (CSS), so 12-unit text reads 11 to 15 px
PLOT_LEFT = 44  # room for the value labels
PLOT_RIGHT = WIDTH - 16
PLOT_TOP = 30  # room for the unit label
PLOT_HEIGHT = 150
PLOT_BOTTOM = PLOT_TOP + PLOT_HEIGHT
FONT_SIZE = 12
CHAR_WIDTH = 6.6  # average width of a 12-unit character, to keep time labels apart
MARK_RADIUS = 5
HIT_RADIUS = 11  # the invisible target around a mark: about 22 px on a phone
RANGE_WIDTH = 8
MARKER_SIZE = 6  # event markers under the time axis
MARKER_ROW = 10
VALUE_TICKS = 4  # about this many gridlines
NICE_STEPS = (1, 2, 2.5, 5, 10)
YEARLY_TICKS_FROM_DAYS = 3 * 365  # shorter spans get quarterly ticks


@dataclass(frozen=True)
class Ref:
    """How a source is named and linked from the chart: 'CNBC' -> '../sources/#cnbc-2025-...'."""

    label: str
    href: str


@dataclass(frozen=True)
class EventRef:
    """An event as the chart shows it: on the time axis and as the link from a point's row."""

    date: PartialDate
    title: str
    href: str  # its Timeline entry


# Scales -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeAxis:
    """Dates onto x, between whole quarters around everything drawn."""

    start: dt.date
    end: dt.date

    def x(self, day: dt.date) -> float:
        fraction = (day - self.start).days / max((self.end - self.start).days, 1)
        return round(PLOT_LEFT + fraction * (PLOT_RIGHT - PLOT_LEFT), 1)

    def x_of(self, date: PartialDate) -> float:
        """The middle of what a partial date can mean (mid-month for '2023-03')."""
        first, after = date_span(date)
        return round((self.x(first) + self.x(after)) / 2, 1)

    def ticks(self) -> list[tuple[dt.date, str]]:
        """Years (1 January) on long spans; quarters ('Jan 2025', 'Apr') on short ones. Where quarter
        labels would touch, every quarter keeps its gridline but only years are named ('' elsewhere)."""
        if (self.end - self.start).days >= YEARLY_TICKS_FROM_DAYS:
            return [(dt.date(year, 1, 1), str(year)) for year in range(self.start.year + 1, self.end.year + 1)]
        days = _quarter_starts(self.start, self.end)
        quarters = [
            (day, f"{day:%b %Y}" if index == 0 or day.month == 1 else f"{day:%b}") for index, day in enumerate(days)
        ]
        if self.labels_apart(quarters):
            return quarters
        return [(day, str(day.year) if day.month == 1 else "") for day in days]

    def labels_apart(self, ticks: Sequence[tuple[dt.date, str]]) -> bool:
        """True if no two labels, centred on their ticks, come closer than a character's width."""
        named = [(self.x(day), len(text) * CHAR_WIDTH) for day, text in ticks if text]
        return all(
            right_x - left_x >= (left_width + right_width) / 2 + CHAR_WIDTH
            for (left_x, left_width), (right_x, right_width) in pairwise(named)
        )


def time_axis(dates: Sequence[PartialDate]) -> TimeAxis:
    spans = [date_span(date) for date in dates]
    first = min(span[0] for span in spans)
    last = max(span[1] for span in spans)
    start = dt.date(first.year, (first.month - 1) // 3 * 3 + 1, 1)
    end = _quarter_starts(last, last + dt.timedelta(days=92))[0]
    return TimeAxis(start, end)


def _quarter_starts(after: dt.date, until: dt.date) -> list[dt.date]:
    """First days of quarters from `after` (inclusive) to `until` (inclusive)."""
    days, year, month = [], after.year, (after.month - 1) // 3 * 3 + 1
    while dt.date(year, month, 1) <= until:
        if dt.date(year, month, 1) >= after:
            days.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 10 else (year, month + 3)
    return days


@dataclass(frozen=True)
class ValueAxis:
    """Values onto y, from a round number at or below zero to one at or above the largest figure."""

    low: float
    high: float
    step: float

    def y(self, value: float) -> float:
        return round(PLOT_BOTTOM - (value - self.low) / (self.high - self.low) * PLOT_HEIGHT, 1)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [round(self.low + index * self.step, 6) for index in range(count + 1)]


def value_axis(points: Sequence[Point]) -> ValueAxis:
    low = min(0.0, *(point.extent[0] for point in points))
    high = max(0.0, *(point.extent[1] for point in points))
    step = _nice_step(((high - low) or 1) / VALUE_TICKS)
    bottom = math.floor(low / step) * step
    return ValueAxis(bottom, max(math.ceil(high / step) * step, bottom + 2 * step), step)


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(factor * magnitude for factor in NICE_STEPS if factor * magnitude >= raw)


# Labels -----------------------------------------------------------------------------------------


def point_label(series: Series, point: Point, sources: Mapping[str, Ref]) -> str:
    """What the point says in words: 'October 2020: $837.84 billion to $858 billion (Runfyers, CNBC)'."""
    return f"{point.date.display}: {series.value_text(point)} ({_source_names(point, sources)})"


def _source_names(point: Point, sources: Mapping[str, Ref]) -> str:
    return ", ".join(_ref(sources, source_id).label for source_id in point.sources)


def _ref(sources: Mapping[str, Ref], source_id: str) -> Ref:
    return sources.get(source_id) or Ref(source_id, f"#{source_id}")


def _event(events: Mapping[str, EventRef], event_id: str) -> EventRef:
    if event_id not in events:
        raise ValueError(f"the chart needs event '{event_id}', which it was not given")
    return events[event_id]


# A tooltip's box is sized from its text. The site uses the reader's system fonts (mkdocs.yml,
# font: false), so widths are those of the widest common one, DejaVu Sans (Linux's default), in em
# by kind of character, rounded up: text sized for it fits in Helvetica, Arial, Segoe UI or Roboto.
NARROW_CHARACTERS = " '.,:;/\\|ijlIJf\u2019"
SEMI_NARROW_CHARACTERS = "!()[]-rt"
WIDE_CHARACTERS = "%&@mwMW\u2026"
BOLD_WIDENING = 1.15  # DejaVu Sans Bold against Book, at most (lowercase, digits)


def text_width(text: str, bold: bool = False) -> float:
    """About how wide `text` is drawn at FONT_SIZE, in viewBox units (never narrower than it is)."""
    em = sum(_character_width(character) for character in text)
    return em * FONT_SIZE * (BOLD_WIDENING if bold else 1)


def _character_width(character: str) -> float:
    if character in NARROW_CHARACTERS:
        return 0.34
    if character in SEMI_NARROW_CHARACTERS:
        return 0.4
    if character in WIDE_CHARACTERS:
        return 1.0
    return 0.79 if character.isupper() else 0.64  # lowercase, digits, $


def _fit(text: str, room: float, bold: bool = False) -> str:
    """`text`, cut short with an ellipsis if it would be wider than `room`."""
    if text_width(text, bold) <= room:
        return text
    while len(text) > 8 and text_width(text + "\u2026", bold) > room:
        text = text[:-1].rstrip()
    return text + "\u2026"


# The SVG ----------------------------------------------------------------------------------------


def chart_svg(
    series: Series,
    sources: Mapping[str, Ref] | None = None,
    events: Mapping[str, EventRef] | None = None,
    markers: Sequence[str] = (),
) -> str:
    """The chart as one `<svg>`: gridlines and value labels, the time axis with event markers, the points."""
    sources, events = sources or {}, events or {}
    marked = [(event_id, _event(events, event_id)) for event_id in markers]
    times = time_axis([point.date for point in series.points] + [event.date for _, event in marked])
    values = value_axis(series.points)
    marker_rows = _marker_rows(marked, times)
    placed = [_placed(point, times, values) for point in series.points]
    height = PLOT_BOTTOM + 8 + (max(marker_rows.values(), default=-1) + 1) * MARKER_ROW + 26
    name = _chart_name(series)
    return (
        f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        f'font-size="{FONT_SIZE}" role="group" aria-label="{html.escape(name)}" '
        f'xmlns="http://www.w3.org/2000/svg" {XLINK}>'
        f"<title>{html.escape(name)}</title><desc>{html.escape(series.description)}</desc>"
        f"{_value_grid(series, values)}{_time_axis(times, marker_rows)}"
        f"{_stems(series, times, values)}"
        f"{''.join(_event_marker(event_id, event, times, marker_rows[event_id]) for event_id, event in marked)}"
        f'<g aria-hidden="true">{"".join(_shape(each, times) for each in placed)}</g>'
        f"{''.join(_mark(series, each, sources, height) for each in placed)}</svg>"
    )


def _chart_name(series: Series) -> str:
    first, last = series.points[0].date.display, series.points[-1].date.display
    count = len(series.points)
    return f"{series.title}: chart of {count} reported figure{'s' if count != 1 else ''}, {first} to {last}"


def _value_grid(series: Series, values: ValueAxis) -> str:
    lines, labels = [], []
    for tick in values.ticks():
        y = values.y(tick)
        zero = " chart-grid--zero" if tick == 0 else ""
        lines.append(f'<line class="chart-grid{zero}" x1="{PLOT_LEFT}" y1="{y:g}" x2="{PLOT_RIGHT}" y2="{y:g}"/>')
        labels.append(
            f'<text class="chart-axis__label" x="{PLOT_LEFT - 6}" y="{y + 4:g}" text-anchor="end">'
            f"{html.escape(series.unit.number(tick))}</text>"
        )
    unit = (
        f'<text class="chart-axis__unit" x="{PLOT_LEFT - 6}" y="{PLOT_TOP - 14}" text-anchor="start">'
        f"{html.escape(series.unit.axis_label)}</text>"
    )
    return f'<g class="chart-axis" aria-hidden="true">{"".join(lines)}{"".join(labels)}{unit}</g>'


def _time_axis(times: TimeAxis, marker_rows: Mapping[str, int]) -> str:
    rows = max(marker_rows.values(), default=-1) + 1
    baseline = PLOT_BOTTOM + 8 + rows * MARKER_ROW + 14
    parts = [
        f'<line class="chart-axis__line" x1="{PLOT_LEFT}" y1="{PLOT_BOTTOM}" x2="{PLOT_RIGHT}" y2="{PLOT_BOTTOM}"/>'
    ]
    for day, text in times.ticks():
        x = times.x(day)
        parts.append(
            f'<line class="chart-grid chart-grid--time" x1="{x:g}" y1="{PLOT_TOP}" x2="{x:g}" y2="{PLOT_BOTTOM + 4}"/>'
        )
        if text:
            parts.append(
                f'<text class="chart-axis__label" x="{x:g}" y="{baseline:g}" text-anchor="middle">'
                f"{html.escape(text)}</text>"
            )
    return f'<g class="chart-axis" aria-hidden="true">{"".join(parts)}</g>'


def _stems(series: Series, times: TimeAxis, values: ValueAxis) -> str:
    """Thin drop lines from zero to each point, so a value can be read against the gridlines."""
    zero = values.y(0)
    stems = "".join(
        f'<line class="chart-stem" x1="{times.x_of(point.date):g}" y1="{zero:g}" '
        f'x2="{times.x_of(point.date):g}" y2="{values.y(_nearest_to_zero(point)):g}"/>'
        for point in series.points
    )
    return f'<g aria-hidden="true">{stems}</g>'


def _nearest_to_zero(point: Point) -> float:
    low, high = point.extent
    return low if low >= 0 else min(high, 0)


# Points -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """Where one point is drawn: its x and the y of its highest and lowest figure."""

    point: Point
    x: float
    top: float
    bottom: float


def _placed(point: Point, times: TimeAxis, values: ValueAxis) -> _Placed:
    low, high = point.extent
    return _Placed(point, times.x_of(point.date), values.y(high), values.y(low))


def _shape(placed: _Placed, times: TimeAxis) -> str:
    """What a point looks like: a dot, or a capped bar where sources disagree (graphics only)."""
    x, top, bottom = placed.x, placed.top, placed.bottom
    shape = (
        _range_shape(x, top, bottom)
        if placed.point.is_range
        else f'<circle cx="{x:g}" cy="{top:g}" r="{MARK_RADIUS}"/>'
    )
    return f'<g class="chart-point">{_precision_span(placed.point, times, (top + bottom) / 2)}{shape}</g>'


def _mark(series: Series, placed: _Placed, sources: Mapping[str, Ref], height: float) -> str:
    """A point's link: its hit area, a ring shown on focus, and its tooltip. Links are drawn after
    every shape, so a tooltip is never covered by a later point (SVG paints in document order)."""
    point, x, top, bottom = placed.point, placed.x, placed.top, placed.bottom
    label = html.escape(point_label(series, point, sources))
    ring = (
        f'<rect class="chart-mark__ring" x="{x - RANGE_WIDTH / 2 - 3:g}" y="{top - 3:g}" '
        f'width="{RANGE_WIDTH + 6}" height="{bottom - top + 6:g}" rx="{RANGE_WIDTH / 2 + 3:g}"/>'
        if point.is_range
        else f'<circle class="chart-mark__ring" cx="{x:g}" cy="{top:g}" r="{MARK_RADIUS + 3}"/>'
    )
    return (
        # xlink:href, not href: Material's instant navigation rewrites the href property of every
        # [href] element, which is read-only on SVG links and throws (see timeline_svg.py). Chromium
        # then no longer exposes the element as a link, hence the explicit role.
        # No <title>: the browser would show it as a second tooltip over the drawn one on hover.
        f'<a class="chart-mark" xlink:href="#{html.escape(series.anchor(point))}" role="link" aria-label="{label}">'
        f'<rect class="chart-mark__hit" x="{x - HIT_RADIUS:g}" y="{top - HIT_RADIUS:g}" '
        f'width="{2 * HIT_RADIUS}" height="{bottom - top + 2 * HIT_RADIUS:g}"/>'
        f"{ring}{_tooltip(series, placed, sources, height)}</a>"
    )


def _range_shape(x: float, top: float, bottom: float) -> str:
    """A bar from the lowest to the highest reported figure, each end marked with a cap."""
    half = RANGE_WIDTH / 2
    return (
        f'<rect class="chart-mark__range" x="{x - half:g}" y="{top:g}" width="{RANGE_WIDTH}" '
        f'height="{bottom - top:g}"/>'
        f'<line class="chart-mark__cap" x1="{x - half - 2:g}" y1="{top:g}" x2="{x + half + 2:g}" y2="{top:g}"/>'
        f'<line class="chart-mark__cap" x1="{x - half - 2:g}" y1="{bottom:g}" x2="{x + half + 2:g}" y2="{bottom:g}"/>'
    )


def _precision_span(point: Point, times: TimeAxis, y: float) -> str:
    """For a figure known only to the month or year, a faint line across the whole month or year."""
    if point.date.precision == "day":
        return ""
    first, after = date_span(point.date)
    return f'<line class="chart-mark__span" x1="{times.x(first):g}" y1="{y:g}" x2="{times.x(after):g}" y2="{y:g}"/>'


def _tooltip(series: Series, placed: _Placed, sources: Mapping[str, Ref], height: float) -> str:
    """Shown by CSS while the mark has focus or the pointer: date, value and sources, kept inside the picture."""
    point = placed.point
    cited = "Sources" if len(point.sources) > 1 else "Source"
    lines = [point.date.display, series.value_text(point), f"{cited}: {_source_names(point, sources)}"]
    bold = (False, True, False)  # the value is bold (explainer.css, .chart-tip__value)
    lines = [_fit(line, WIDTH - 20, is_bold) for line, is_bold in zip(lines, bold, strict=True)]
    text = max(text_width(line, is_bold) for line, is_bold in zip(lines, bold, strict=True))
    box = (round(text) + 12, len(lines) * 15 + 8)
    left, top = _tip_position(placed, box, height)
    texts = "".join(
        f'<text class="chart-tip__{kind}" x="{left + 6:g}" y="{top + 17 + index * 15:g}">{html.escape(line)}</text>'
        for index, (kind, line) in enumerate(zip(("date", "value", "source"), lines, strict=True))
    )
    return (
        f'<g class="chart-tip" aria-hidden="true"><rect x="{left:g}" y="{top:g}" width="{box[0]:g}" '
        f'height="{box[1]}" rx="3"/>{texts}</g>'
    )


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


# Events on the time axis ------------------------------------------------------------------------


def _marker_rows(marked: Sequence[tuple[str, EventRef]], times: TimeAxis) -> dict[str, int]:
    """A row per marker under the axis, the first where it overlaps no earlier marker."""
    row_ends: list[float] = []
    rows = {}
    for event_id, event in sorted(marked, key=lambda item: item[1].date.sort_key):
        x = times.x_of(event.date)
        row = next((index for index, end in enumerate(row_ends) if end + 2 <= x - MARKER_SIZE), len(row_ends))
        row_ends[row : row + 1] = [x + MARKER_SIZE]
        rows[event_id] = row
    return rows


def _event_marker(event_id: str, event: EventRef, times: TimeAxis, row: int) -> str:
    x = times.x_of(event.date)
    tip = PLOT_BOTTOM + 6 + row * MARKER_ROW
    label = html.escape(f"Event, {event.date.display}: {event.title}")
    half = MARKER_SIZE / 2
    return (
        f'<a class="chart-event" xlink:href="{html.escape(event.href)}" role="link" aria-label="{label}">'
        f"<title>{label}</title>"
        f'<line class="chart-event__guide" x1="{x:g}" y1="{PLOT_TOP}" x2="{x:g}" y2="{tip:g}"/>'
        f'<rect class="chart-mark__hit" x="{x - 7:g}" y="{tip - 2:g}" width="14" height="{MARKER_SIZE + 4}"/>'
        f'<path d="M{x:g} {tip:g}l{half:g} {MARKER_SIZE}h{-MARKER_SIZE:g}z"/></a>'
    )


# The table and the whole figure -----------------------------------------------------------------


def chart_table(
    series: Series, sources: Mapping[str, Ref] | None = None, events: Mapping[str, EventRef] | None = None
) -> str:
    """The chart's text alternative: a row per point (the marks link to it), then its note; printable."""
    sources, events = sources or {}, events or {}
    rows = "".join(_rows(series, point, sources, events) for point in series.points)
    return (
        f'<table class="chart-table"><caption>{html.escape(series.title)}: the figures</caption>'
        '<thead><tr><th scope="col">Date</th><th scope="col">Value</th><th scope="col">Sources</th></tr></thead>'
        f"{rows}</table>"
    )


def _rows(series: Series, point: Point, sources: Mapping[str, Ref], events: Mapping[str, EventRef]) -> str:
    """One <tbody> per point, so the link from its mark can highlight both its rows: the figure, then the note."""
    links = ", ".join(
        f'<a href="{html.escape(_ref(sources, source_id).href)}">{html.escape(_ref(sources, source_id).label)}</a>'
        for source_id in point.sources
    )
    return (
        f'<tbody id="{html.escape(series.anchor(point))}"><tr>'
        f'<th scope="row"><time datetime="{point.date.iso}">{point.date.display}</time></th>'
        f"<td>{html.escape(series.value_text(point))}</td><td>{links}</td></tr>"
        f"{_note_row(point, events)}</tbody>"
    )


def _note_row(point: Point, events: Mapping[str, EventRef]) -> str:
    parts = [html.escape(point.note)] if point.note else []
    if point.event:
        target = _event(events, point.event)
        parts.append(
            f'<a class="chart-table__event" href="{html.escape(target.href)}">'
            f"On the Timeline: {html.escape(target.title)}</a>"
        )
    return f'<tr class="chart-table__note"><td colspan="3">{" ".join(parts)}</td></tr>' if parts else ""


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
    sources: Mapping[str, Ref] | None = None,
    events: Mapping[str, EventRef] | None = None,
    markers: Sequence[str] = (),
) -> str:
    """The chart, how to read it, its table and the events it marks, as one `<figure>` to place in a page.

    Its title is its <figcaption>, first (HTML allows one only first or last in a figure).
    """
    return (
        f'<figure class="chart" id="chart-{html.escape(series.id)}">'
        f'<figcaption class="chart__title">{html.escape(series.title)}</figcaption>'
        f'<div class="chart__plot">{chart_svg(series, sources, events, markers)}</div>'
        f'<p class="chart__caption">{html.escape(series.description)} {html.escape(caption(series, markers))}</p>'
        f"{chart_table(series, sources, events)}{_marked_events(markers, events or {})}</figure>"
    )


def _marked_events(markers: Sequence[str], events: Mapping[str, EventRef]) -> str:
    """The events under the time axis in words, each linked to its Timeline entry (so print shows them too)."""
    if not markers:
        return ""
    links = "; ".join(
        f'<a href="{html.escape(event.href)}"><time datetime="{event.date.iso}">{event.date.display}</time>: '
        f"{html.escape(event.title)}</a>"
        for event in (_event(events, event_id) for event_id in markers)
    )
    return f'<p class="chart__events">Marked on the time axis: {links}.</p>'
