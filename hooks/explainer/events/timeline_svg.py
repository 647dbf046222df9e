"""The Timeline picture, drawn at build time as inline SVG (no JavaScript).

Events are placed by date on one horizontal time axis. Each story section is a lane with
a coloured band from its first to its last event; events known to the day are dots,
events known only to the month or year are bars as wide as that month or year. Marks
that would overlap within a lane move to a new row. Colours and text come from CSS
(docs/assets/explainer.css, section 3: Material's variables), so the picture follows dark mode.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..datafile import group_by

if TYPE_CHECKING:
    from ..dates import PartialDate
    from .records import Event

WIDTH = 660  # viewBox units = CSS px at desktop width; on phones the figure scrolls sideways at this size
MARGIN = 18
LABEL_HEIGHT = 18  # lane title line
ROW_HEIGHT = 18
DOT_RADIUS = 6
BAR_HEIGHT = 10
MARK_GAP = 3  # minimum space between two marks in one row
BAND_PADDING = 9
LANE_GAP = 8
AXIS_HEIGHT = 34
LANE_COLOURS = 8  # timeline-lane--0 ... --7 in docs/assets/explainer.css
CLOSEUP_GAP_DAYS = 45  # events closer than this belong to one cluster
CLOSEUP_MIN_EVENTS = 5  # a cluster this big gets its own close-up with a labelled row per event
CLOSEUP_MAX_EVENTS = 40  # beyond this a close-up is no longer something to take in at a glance
CLOSEUP_MAX_DAYS = 190  # nor when it spans more than about six months
CLOSEUP_ROW_HEIGHT = 22
CHAR_WIDTH = 6.2  # average width of a 12 px character, to keep labels inside the picture
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'
STORY_START = dt.date(2020, 10, 1)
STORY_END = dt.date(2026, 7, 1)  # the day after records.STORY_END's last month


@dataclass(frozen=True)
class Mark:
    """One event's mark: its horizontal extent in viewBox units and its row within the lane."""

    event: Event
    x0: float
    x1: float
    row: int = 0

    @property
    def is_dot(self) -> bool:
        return self.event.date.precision == "day"


# Time scale -------------------------------------------------------------------------------------


def date_span(date: PartialDate) -> tuple[dt.date, dt.date]:
    """First day and the day after the last day a partial date can mean."""
    if date.day:
        start = dt.date(date.year, date.month, date.day)
        return start, start + dt.timedelta(days=1)
    if date.month:
        return dt.date(date.year, date.month, 1), _next_month(date.year, date.month)
    return dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)


def _next_month(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class TimeScale:
    """Maps dates onto the x axis between the left and right margins."""

    start: dt.date
    end: dt.date

    def x(self, day: dt.date) -> float:
        fraction = (day - self.start).days / max((self.end - self.start).days, 1)
        return round(MARGIN + fraction * (WIDTH - 2 * MARGIN), 1)

    def years(self) -> range:
        return range(self.start.year + 1, self.end.year + (self.end > dt.date(self.end.year, 1, 1)))


def scale_for(events: Sequence[Event]) -> TimeScale:
    """The story's range (October 2020 to June 2026), widened for any event outside it."""
    spans = [date_span(event.date) for event in events]
    start = min([STORY_START, *(span[0] for span in spans)])
    end = max([STORY_END, *(span[1] for span in spans)])
    return TimeScale(dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1), end)


# Layout -----------------------------------------------------------------------------------------


def lane_marks(events: Sequence[Event], scale: TimeScale) -> list[Mark]:
    """Marks for one lane's events, each in the first row where it overlaps nothing."""
    row_ends: list[float] = []
    marks = []
    for event in events:
        start, end = date_span(event.date)
        x0, x1 = _extent(event, scale.x(start), scale.x(end))
        row = next((index for index, row_end in enumerate(row_ends) if row_end + MARK_GAP <= x0), len(row_ends))
        if row == len(row_ends):
            row_ends.append(x1)
        row_ends[row] = x1
        marks.append(Mark(event, x0, x1, row))
    return marks


def _extent(event: Event, start_x: float, end_x: float) -> tuple[float, float]:
    if event.date.precision == "day":
        return start_x - DOT_RADIUS, start_x + DOT_RADIUS
    middle, half = (start_x + end_x) / 2, max((end_x - start_x) / 2, DOT_RADIUS)
    return middle - half, middle + half


def lane_numbers(section_order: Sequence[str]) -> dict[str, int]:
    """Each section's position in `section_order`, looked up once per event by `lane_class`."""
    return {section: position for position, section in enumerate(section_order)}


def lane_class(section: str, lanes: Mapping[str, int]) -> str:
    """The CSS class that colours a section (`lanes` from `lane_numbers`), the same in the picture and in the list."""
    return f"timeline-lane--{lanes[section] % LANE_COLOURS}" if section in lanes else ""


# Drawing ----------------------------------------------------------------------------------------


def timeline_svg(
    events: Sequence[Event], section_order: Sequence[str], section_title: Callable[[str], str] = str
) -> str:
    """The whole picture as one `<svg>` element: a lane per section, then the time axis."""
    scale = scale_for(events)
    lanes = lane_numbers(section_order)
    by_section = group_by(events, lambda event: event.section)
    parts, y = [], 0.0
    for section in section_order:
        lane, y = _lane(by_section.get(section, []), scale, y, lane_class(section, lanes), section_title(section))
        parts.append(lane)
    grid = _grid(scale, y)
    axis = _axis(scale, y)
    height = y + AXIS_HEIGHT
    first, last = (events[0].date.display, events[-1].date.display) if events else ("", "")
    name = f"Timeline of {len(events)} events, {first} to {last}, by chapter of the story"
    return (
        f'<svg class="timeline-svg" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        f'role="group" aria-label="{html.escape(name)}" xmlns="http://www.w3.org/2000/svg" {XLINK}>'
        f"<title>{html.escape(name)}</title>{grid}{''.join(parts)}{axis}</svg>"
    )


def _lane(events: list[Event], scale: TimeScale, top: float, colour: str, title: str) -> tuple[str, float]:
    marks = lane_marks(events, scale)
    rows = max((mark.row for mark in marks), default=0) + 1
    band_top = top + LABEL_HEIGHT
    band_height = rows * ROW_HEIGHT + BAND_PADDING
    x0 = min((mark.x0 for mark in marks), default=MARGIN) - BAND_PADDING
    x1 = max((mark.x1 for mark in marks), default=MARGIN) + BAND_PADDING
    band = (
        f'<rect class="timeline-band" x="{x0:g}" y="{band_top:g}" width="{x1 - x0:g}" '
        f'height="{band_height:g}" rx="{ROW_HEIGHT / 2:g}"/>'
    )
    label = _lane_label(title, x0, x1, top + LABEL_HEIGHT - 5)
    dots = "".join(_mark(mark, band_top + BAND_PADDING / 2 + (mark.row + 0.5) * ROW_HEIGHT) for mark in marks)
    lane = f'<g class="timeline-lane {colour}">{band}{label}{dots}</g>'
    return lane, band_top + band_height + LANE_GAP


def _lane_label(title: str, x0: float, x1: float, baseline: float) -> str:
    # Lanes that start late in the story are labelled from their right end, so the text stays inside.
    anchor, x = ("start", max(x0, MARGIN)) if x0 < WIDTH * 0.6 else ("end", min(x1, WIDTH - MARGIN))
    return (
        f'<text class="timeline-lane__label" x="{x:g}" y="{baseline:g}" text-anchor="{anchor}">'
        f"{html.escape(title)}</text>"
    )


def _mark(mark: Mark, centre_y: float, caption: str = "") -> str:
    label = html.escape(mark.event.label)
    if mark.is_dot:
        shape = f'<circle cx="{(mark.x0 + mark.x1) / 2:g}" cy="{centre_y:g}" r="{DOT_RADIUS}"/>'
    else:
        shape = (
            f'<rect x="{mark.x0:g}" y="{centre_y - BAR_HEIGHT / 2:g}" width="{mark.x1 - mark.x0:g}" '
            f'height="{BAR_HEIGHT}" rx="{BAR_HEIGHT / 2:g}"/>'
        )
    return (
        # xlink:href, not href: Material's instant navigation rewrites the href property of every
        # [href] element, which is read-only on SVG links and throws. Chromium then no longer
        # exposes the element as a link, hence the explicit role.
        f'<a class="timeline-mark" xlink:href="#{mark.event.id}" role="link" aria-label="{label}">'
        f"<title>{label}</title>{shape}{caption}</a>"
    )


def _grid(scale: TimeScale, bottom: float) -> str:
    return "".join(
        f'<line class="timeline-grid" x1="{scale.x(dt.date(year, 1, 1)):g}" y1="0" '
        f'x2="{scale.x(dt.date(year, 1, 1)):g}" y2="{bottom:g}"/>'
        for year in scale.years()
    )


def _axis(scale: TimeScale, top: float) -> str:
    baseline = top + 4
    ticks = "".join(_quarter_tick(scale, day, baseline) for day in _quarters(scale))
    labels = "".join(
        f'<text class="timeline-axis__label" x="{scale.x(dt.date(year, 1, 1)):g}" y="{baseline + 24:g}" '
        f'text-anchor="middle">{year}</text>'
        for year in scale.years()
    )
    line = f'<line class="timeline-axis" x1="{MARGIN}" y1="{baseline:g}" x2="{WIDTH - MARGIN}" y2="{baseline:g}"/>'
    return f'<g class="timeline-axis-group" aria-hidden="true">{line}{ticks}{labels}</g>'


def _quarters(scale: TimeScale) -> list[dt.date]:
    days, day = [], scale.start
    while day <= scale.end:
        days.append(day)
        day = _next_month(day.year, day.month + 2)
    return days


def _quarter_tick(scale: TimeScale, day: dt.date, baseline: float) -> str:
    return _tick(scale.x(day), baseline, 9 if day.month == 1 else 4)


# Close-ups ----------------------------------------------------------------------------------------


def closeup_windows(events: Sequence[Event]) -> list[tuple[dt.date, dt.date]]:
    """Whole-month windows around each short run of closely spaced events (5 to 40, within about six months)."""
    clusters: list[list[Event]] = []
    last_start: dt.date | None = None
    for event in events:
        start = date_span(event.date)[0]
        if last_start is None or (start - last_start).days > CLOSEUP_GAP_DAYS:
            clusters.append([])
        clusters[-1].append(event)
        last_start = start
    windows = [
        (_month_start(date_span(cluster[0].date)[0]), _month_end(date_span(cluster[-1].date)[1]))
        for cluster in clusters
        if CLOSEUP_MIN_EVENTS <= len(cluster) <= CLOSEUP_MAX_EVENTS
    ]
    return [(start, end) for start, end in windows if (end - start).days <= CLOSEUP_MAX_DAYS]


def _month_start(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, 1)


def _month_end(day_after: dt.date) -> dt.date:
    last = day_after - dt.timedelta(days=1)
    return _next_month(last.year, last.month)


def closeup_svg(events: Sequence[Event], section_order: Sequence[str], start: dt.date, end: dt.date) -> str:
    """One labelled row per event between `start` and `end`, on a month-by-month axis."""
    scale = TimeScale(start, end)
    shown = [event for event in events if start <= date_span(event.date)[0] < end]
    lanes = lane_numbers(section_order)
    rows = "".join(_closeup_row(event, index, scale, lanes) for index, event in enumerate(shown))
    bottom = len(shown) * CLOSEUP_ROW_HEIGHT + 6
    height = bottom + AXIS_HEIGHT
    last_month = end - dt.timedelta(days=1)
    name = f"Close-up of {len(shown)} events from {start:%B %Y} to {last_month:%B %Y}"
    return (
        f'<svg class="timeline-svg timeline-svg--closeup" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" '
        f'height="{height:g}" role="group" aria-label="{html.escape(name)}" xmlns="http://www.w3.org/2000/svg" {XLINK}>'
        f"<title>{html.escape(name)}</title>{_month_grid(scale, bottom)}{rows}{_month_axis(scale, bottom)}</svg>"
    )


def _closeup_row(event: Event, index: int, scale: TimeScale, lanes: Mapping[str, int]) -> str:
    start, end = date_span(event.date)
    mark = Mark(event, *_extent(event, scale.x(start), scale.x(end)))
    centre_y = (index + 0.5) * CLOSEUP_ROW_HEIGHT + 3
    # The title goes on whichever side of the mark has more room.
    if (mark.x0 + mark.x1) / 2 < WIDTH / 2:
        x, anchor, room = mark.x1 + 6, "start", WIDTH - MARGIN - mark.x1 - 6
    else:
        x, anchor, room = mark.x0 - 6, "end", mark.x0 - MARGIN - 6
    caption = (
        f'<text class="timeline-closeup__label" x="{x:g}" y="{centre_y + 4:g}" text-anchor="{anchor}">'
        f"{html.escape(_fit(event.title, room))}</text>"
    )
    return f'<g class="timeline-lane {lane_class(event.section, lanes)}">{_mark(mark, centre_y, caption)}</g>'


def _fit(text: str, room: float) -> str:
    """`text`, shortened with an ellipsis if it would not fit in `room` units."""
    limit = max(int(room / CHAR_WIDTH), 8)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _months(scale: TimeScale) -> list[dt.date]:
    days, day = [], scale.start
    while day < scale.end:
        days.append(day)
        day = _next_month(day.year, day.month)
    return days


def _month_grid(scale: TimeScale, bottom: float) -> str:
    return "".join(
        f'<line class="timeline-grid" x1="{scale.x(day):g}" y1="0" x2="{scale.x(day):g}" y2="{bottom:g}"/>'
        for day in _months(scale)[1:]
    )


def _month_axis(scale: TimeScale, top: float) -> str:
    baseline = top + 4
    months = _months(scale)
    ticks = "".join(_tick(scale.x(day), baseline, 6) for day in [*months, scale.end])
    labels = "".join(_month_label(scale, day, baseline + 20, first=index == 0) for index, day in enumerate(months))
    line = f'<line class="timeline-axis" x1="{MARGIN}" y1="{baseline:g}" x2="{WIDTH - MARGIN}" y2="{baseline:g}"/>'
    return f'<g class="timeline-axis-group" aria-hidden="true">{line}{ticks}{labels}</g>'


def _month_label(scale: TimeScale, day: dt.date, baseline: float, first: bool) -> str:
    """The month's name centred under it; with the year on the first month and in January."""
    middle = (scale.x(day) + scale.x(_next_month(day.year, day.month))) / 2
    text = f"{day:%B %Y}" if first or day.month == 1 else f"{day:%B}"
    return f'<text class="timeline-axis__label" x="{middle:g}" y="{baseline:g}" text-anchor="middle">{text}</text>'


def _tick(x: float, baseline: float, length: float) -> str:
    return f'<line class="timeline-axis" x1="{x:g}" y1="{baseline:g}" x2="{x:g}" y2="{baseline + length:g}"/>'
