"""The Timeline picture, drawn at build time as inline SVG (no JavaScript needed to read it).

Years run along the top. Each story section (chapter) is a lane, in the order the story first
reaches it: its title, then a band from its first event to its last. Events known to the day are
dots, events known only to the month or year are bars as wide as that month or year; marks that
would overlap within a lane move to a new row. The few events marked `headline: true` in
data/events.yml are named in words under their mark, in rows placed so that no label overlaps
another or is crossed by another label's leader line; every mark is a link to its entry with its
date and title as accessible name and tooltip (docs/assets/previews.js). Colours and text come
from CSS (docs/assets/explainer.css, section 3: Material's variables), so the picture follows dark
mode; chapters are named, never told apart by colour alone.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..datafile import group_by

if TYPE_CHECKING:
    from ..dates import PartialDate
    from ..story import DateRange
    from .records import Event

WIDTH = 660  # viewBox units = CSS px at desktop width
NARROW_WIDTH = 340  # the overview drawn again for phones (375 px screens), shown instead by CSS
MARGIN = 18
LABEL_HEIGHT = 18  # lane title line
ROW_HEIGHT = 18
DOT_RADIUS = 6
BAR_HEIGHT = 10
MARK_GAP = 3  # minimum space between two marks in one row
BAND_PADDING = 9
LANE_GAP = 8
AXIS_HEIGHT = 34
YEAR_BASELINE = 13  # the year labels along the top
AXIS_Y = 20  # the top axis line; ticks hang from it
LANE_COLOURS = 8  # timeline-lane--0 ... --7 in docs/assets/explainer.css
HEADLINE_CHARS = 30  # a headline label wraps at this many characters a line
HEADLINE_LINE = 14  # line height of headline labels (12 px text)
HEADLINE_TOP_GAP = 5  # between a lane's band and its first row of headline labels
HEADLINE_ROW_GAP = 6  # between rows of headline labels
HEADLINE_INSET = 4  # from the leader line to the text
LABEL_GAP = 8  # minimum space between two labels side by side
# Average advance of a character, generous so that wide fallback fonts (DejaVu Sans) still fit:
HEADLINE_CHAR_WIDTH = 7.0  # 12 px regular
TITLE_CHAR_WIDTH = 8.6  # 13 px bold (lane titles)
YEAR_CHAR_WIDTH = 7.7  # 12 px, tabular digits
YEAR_LABEL_WIDTH = 4 * YEAR_CHAR_WIDTH
CLOSEUP_GAP_DAYS = 45  # events closer than this belong to one cluster
CLOSEUP_MIN_EVENTS = 5  # a cluster this big gets its own close-up with a labelled row per event
CLOSEUP_MAX_EVENTS = 40  # beyond this a close-up is no longer something to take in at a glance
CLOSEUP_MAX_DAYS = 190  # nor when it spans more than about six months
CLOSEUP_ROW_HEIGHT = 22
CHAR_WIDTH = 6.2  # average width of a 12 px character, to keep close-up labels inside the picture
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


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

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Headline:
    """A headline event's label: its lines of text, the box they fill and the leader line from the mark.

    x0..x1 is the box in viewBox units, leader the x of the line that hangs from the mark to the box;
    row 0 is the row nearest the lane's band. Vertical positions are set when the lane is drawn.
    """

    mark: Mark
    lines: tuple[str, ...]
    x0: float
    x1: float
    row: int

    @property
    def leader(self) -> float:
        return self.mark.centre

    @property
    def anchor(self) -> str:
        return "start" if self.x0 >= self.leader - 1 else "end"


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
    """Maps dates onto the x axis between the left and right margins of a picture `width` units wide."""

    start: dt.date
    end: dt.date
    width: float = WIDTH

    @property
    def right(self) -> float:
        return self.width - MARGIN

    def x(self, day: dt.date) -> float:
        fraction = (day - self.start).days / max((self.end - self.start).days, 1)
        return round(MARGIN + fraction * (self.width - 2 * MARGIN), 1)

    def years(self) -> range:
        return range(self.start.year + 1, self.end.year + (self.end > dt.date(self.end.year, 1, 1)))


def scale_for(events: Sequence[Event], width: float = WIDTH, span: DateRange | None = None) -> TimeScale:
    """The story's span (data/story.yml's, or its events'), widened for any event outside it."""
    spans = [date_span(event.date) for event in events]
    story = [date_span(span.start)[0], date_span(span.end)[1]] if span is not None else []
    start = min([*story[:1], *(each[0] for each in spans)], default=dt.date(2000, 1, 1))
    end = max([*story[1:], *(each[1] for each in spans)], default=dt.date(2001, 1, 1))
    return TimeScale(dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1), end, width)


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


def headline_lines(title: str, chars: int = HEADLINE_CHARS) -> tuple[str, ...]:
    """A headline's title in lines of at most `chars` characters (a longer word keeps its own line)."""
    return tuple(textwrap.wrap(title, chars, break_long_words=False, break_on_hyphens=False)) or ("",)


def headline_labels(marks: Sequence[Mark], width: float = WIDTH) -> list[Headline]:
    """Labels for the headline events among one lane's `marks`, each in a row that keeps it clear.

    A label starts at its mark, or ends there when it would run off the right edge (then so do the
    lane's other labels that can, so that no two labels face each other), and wraps more narrowly
    if it fits neither way. Its leader line runs straight down from the mark through the rows above
    it. Labels ending at their mark are placed from left to right, then those starting at it from
    right to left; a row takes a label if the label overlaps no label in that row, no label nearer
    the band covers its leader line, and the label covers no leader line of a label further from
    the band. When that first choice leaves a label with no clear row, a bounded search also tries
    each label the other way round and wrapped more narrowly.
    """
    headlines = [mark for mark in marks if mark.event.headline]
    prefer_end = any(
        mark.centre + _label_size(headline_lines(mark.event.title)) > width - MARGIN / 2 for mark in headlines
    )
    options = {mark.event.id: _label_options(mark, width, prefer_end) for mark in headlines}
    first = [(mark, *options[mark.event.id][0]) for mark in headlines]
    ending = sorted((box for box in first if box[3] == box[0].centre), key=lambda box: box[0].centre)
    starting = sorted((box for box in first if box[3] != box[0].centre), key=lambda box: -box[0].centre)
    order = [box[0] for box in ending + starting]
    placed = _place_first_choice(order, options)
    if all(_row_keeps_clear(label.x0, label.x1, label.leader, label.row, _others(label, placed)) for label in placed):
        return sorted(placed, key=lambda label: label.mark.centre)
    found = _search(order, options, [], [SEARCH_STEPS])
    return sorted(found or placed, key=lambda label: label.mark.centre)


SEARCH_STEPS = 20_000  # rows and boxes tried before the first choice stands, crossings and all


def _place_first_choice(order: list[Mark], options: dict[str, list[Option]]) -> list[Headline]:
    placed: list[Headline] = []
    for mark in order:
        lines, x0, x1 = options[mark.event.id][0]
        rows = range(len(placed) + 1)
        row = next((row for row in rows if _row_keeps_clear(x0, x1, mark.centre, row, placed)), len(placed))
        placed.append(Headline(mark, lines, x0, x1, row))
    return placed


def _search(
    order: list[Mark], options: dict[str, list[Option]], placed: list[Headline], budget: list[int]
) -> list[Headline] | None:
    """Depth first, preferred boxes and rows nearest the band first: the first layout with no crossing."""
    if len(placed) == len(order):
        return placed
    mark = order[len(placed)]
    for lines, x0, x1 in options[mark.event.id]:
        for row in range(len(placed) + 1):
            budget[0] -= 1
            if budget[0] < 0:
                return None
            label = Headline(mark, lines, x0, x1, row)
            if _row_keeps_clear(x0, x1, mark.centre, row, placed) and (
                found := _search(order, options, [*placed, label], budget)
            ):
                return found
    return None


def _others(label: Headline, placed: Sequence[Headline]) -> list[Headline]:
    return [other for other in placed if other is not label]


def _label_size(lines: tuple[str, ...]) -> float:
    return HEADLINE_INSET + max(len(line) for line in lines) * HEADLINE_CHAR_WIDTH


Option = tuple[tuple[str, ...], float, float]  # a label's lines and the x extent of their box


def _label_options(mark: Mark, width: float, prefer_end: bool) -> list[Option]:
    """The boxes a label may take, best first: the one `_label_box` chooses, then every other way
    round or narrower wrap that stays inside the picture."""
    x, left, right = mark.centre, MARGIN / 2, width - MARGIN / 2
    options = [_label_box(mark, width, prefer_end)]
    for chars in range(HEADLINE_CHARS, 9, -4):
        lines = headline_lines(mark.event.title, chars)
        size = _label_size(lines)
        for option in ((lines, x - size, x), (lines, x, x + size)):
            if option[1] >= left and option[2] <= right and option not in options:
                options.append(option)
    return options


def _label_box(mark: Mark, width: float, prefer_end: bool) -> Option:
    """The label's lines and horizontal extent: starting or ending at the mark, wrapped to fit the picture."""
    x, left, right = mark.centre, MARGIN / 2, width - MARGIN / 2
    for chars in range(HEADLINE_CHARS, 9, -4):
        lines = headline_lines(mark.event.title, chars)
        size = _label_size(lines)
        if x - size >= left and (prefer_end or x + size > right):
            return lines, x - size, x
        if x + size <= right:
            return lines, x, x + size
    return lines, x, x + size  # a picture too narrow for any label: let it run past the edge


def _row_keeps_clear(x0: float, x1: float, leader: float, row: int, placed: Sequence[Headline]) -> bool:
    for other in placed:
        if other.row == row and x0 < other.x1 + LABEL_GAP and other.x0 < x1 + LABEL_GAP:
            return False  # side by side in one row
        if other.row < row and other.x0 < leader < other.x1:
            return False  # our leader line would cross a label nearer the band
        if other.row > row and x0 < other.leader < x1:
            return False  # we would cover the leader line of a label further from the band
    return True


def lane_numbers(section_order: Sequence[str]) -> dict[str, int]:
    """Each section's position in `section_order`, looked up once per event by `lane_class`."""
    return {section: position for position, section in enumerate(section_order)}


def lane_class(section: str, lanes: Mapping[str, int]) -> str:
    """The CSS class that colours a section (`lanes` from `lane_numbers`), the same in the picture and in the list."""
    return f"timeline-lane--{lanes[section] % LANE_COLOURS}" if section in lanes else ""


# Drawing ----------------------------------------------------------------------------------------


def timeline_svg(
    events: Sequence[Event],
    section_order: Sequence[str],
    section_title: Callable[[str], str] = str,
    width: float = WIDTH,
    span: DateRange | None = None,
) -> str:
    """The whole picture as one `<svg>` element `width` units wide: the years along the top, then a lane per
    section. `span` is the story's (explainer.story), by default its events'."""
    scale = scale_for(events, width, span)
    lanes = lane_numbers(section_order)
    by_section = group_by(events, lambda event: event.section)
    parts, y = [], float(AXIS_HEIGHT)
    for section in section_order:
        lane, y = _lane(by_section.get(section, []), scale, y, lane_class(section, lanes), section_title(section))
        parts.append(lane)
    height = y
    first, last = (events[0].date.display, events[-1].date.display) if events else ("", "")
    name = f"Timeline of {len(events)} events, {first} to {last}, by chapter of the story"
    return (
        f'<svg class="timeline-svg timeline-svg--{"wide" if width >= WIDTH else "narrow"}" '
        f'viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}" '
        f'role="group" aria-label="{html.escape(name)}" xmlns="http://www.w3.org/2000/svg" {XLINK}>'
        f"{_grid(scale, AXIS_Y, height)}{_axis(scale)}{''.join(parts)}</svg>"
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
    label = _lane_label(title, x0, scale.right, top + LABEL_HEIGHT - 5)
    headlines = {label.mark.event.id: label for label in headline_labels(marks, scale.width)}
    row_tops = _headline_row_tops(list(headlines.values()), band_top + band_height + HEADLINE_TOP_GAP)
    leaders, drawn = [], []
    for mark in marks:
        centre_y = band_top + BAND_PADDING / 2 + (mark.row + 0.5) * ROW_HEIGHT
        headline = headlines.get(mark.event.id)
        if headline:
            leaders.append(_leader(headline, centre_y, row_tops[headline.row]))
        drawn.append(_mark(mark, centre_y, _headline_text(headline, row_tops[headline.row]) if headline else ""))
    # Leader lines go under every mark, so one that passes a neighbouring dot doesn't cross it.
    lane = f'<g class="timeline-lane {colour}">{band}{label}{"".join(leaders)}{"".join(drawn)}</g>'
    return lane, (row_tops[-1] if headlines else band_top + band_height) + LANE_GAP


def _headline_row_tops(labels: list[Headline], first_top: float) -> list[float]:
    """The top of each row of headline labels, and (last) the bottom of the lowest row."""
    tops = [first_top]
    for row in range(max((label.row for label in labels), default=-1) + 1):
        lines = max(len(label.lines) for label in labels if label.row == row)
        tops.append(tops[-1] + lines * HEADLINE_LINE + HEADLINE_ROW_GAP)
    return tops


def _leader(label: Headline, centre_y: float, row_top: float) -> str:
    """The line from a headline's mark down beside the first line of its label."""
    return (
        f'<line class="timeline-headline__leader" x1="{label.leader:g}" y1="{centre_y:g}" '
        f'x2="{label.leader:g}" y2="{row_top + HEADLINE_LINE:g}" aria-hidden="true"/>'
    )


def _headline_text(label: Headline, row_top: float) -> str:
    """The label's lines, beside its leader line."""
    x = label.leader + (HEADLINE_INSET if label.anchor == "start" else -HEADLINE_INSET)
    # Spaces between the lines, so the link's text reads as the title (its accessible name contains it).
    lines = " ".join(
        f'<tspan x="{x:g}" y="{row_top + (number + 1) * HEADLINE_LINE - 3:g}">{html.escape(line)}</tspan>'
        for number, line in enumerate(label.lines)
    )
    return f'<text class="timeline-headline__label" text-anchor="{label.anchor}">{lines}</text>'


def _lane_label(title: str, x0: float, right: float, baseline: float) -> str:
    """The chapter's title over the start of its band, moved left as far as needed to stay inside."""
    x = max(MARGIN, min(x0, right - len(title) * TITLE_CHAR_WIDTH))
    return f'<text class="timeline-lane__label" x="{x:g}" y="{baseline:g}">{html.escape(title)}</text>'


def _mark(mark: Mark, centre_y: float, caption: str = "") -> str:
    label = html.escape(mark.event.label)
    if mark.is_dot:
        shape = f'<circle cx="{mark.centre:g}" cy="{centre_y:g}" r="{DOT_RADIUS}"/>'
    else:
        shape = (
            f'<rect x="{mark.x0:g}" y="{centre_y - BAR_HEIGHT / 2:g}" width="{mark.x1 - mark.x0:g}" '
            f'height="{BAR_HEIGHT}" rx="{BAR_HEIGHT / 2:g}"/>'
        )
    headline = " timeline-mark--headline" if mark.event.headline else ""
    return (
        # xlink:href, not href: Material's instant navigation rewrites the href property of every
        # [href] element, which is read-only on SVG links and throws. Chromium then no longer
        # exposes the element as a link, hence the explicit role. No <title> child: the browser's
        # own tooltip would double the one previews.js shows from data-tooltip on hover and focus.
        f'<a class="timeline-mark{headline}" xlink:href="#{mark.event.id}" role="link" aria-label="{label}" '
        f'data-tooltip="{label}">{shape}{caption}</a>'
    )


def _grid(scale: TimeScale, top: float, bottom: float) -> str:
    return "".join(
        f'<line class="timeline-grid" x1="{scale.x(dt.date(year, 1, 1)):g}" y1="{top:g}" '
        f'x2="{scale.x(dt.date(year, 1, 1)):g}" y2="{bottom:g}"/>'
        for year in scale.years()
    )


def _axis(scale: TimeScale) -> str:
    """The years along the top: a line with a tick per quarter (longer at each new year), each year's
    number centred over its stretch of the line, when there is room for it (a year the story enters
    late or leaves early may be too short)."""
    ticks = "".join(_quarter_tick(scale, day) for day in _quarters(scale))
    labels = "".join(
        f'<text class="timeline-axis__label" x="{middle:g}" y="{YEAR_BASELINE}" text-anchor="middle">{year}</text>'
        for year, middle in year_label_positions(scale)
    )
    line = f'<line class="timeline-axis" x1="{MARGIN}" y1="{AXIS_Y}" x2="{scale.right:g}" y2="{AXIS_Y}"/>'
    return f'<g class="timeline-axis-group" aria-hidden="true">{line}{ticks}{labels}</g>'


def year_label_positions(scale: TimeScale) -> list[tuple[int, float]]:
    """(year, x of the middle of its stretch) for each year whose stretch of the axis fits its label."""
    positions = []
    first, last = scale.start.year, scale.end.year - (scale.end == dt.date(scale.end.year, 1, 1))
    for year in range(first, last + 1):
        # The first and last years may also use the margin beside the axis.
        x0 = 1 if year == first else scale.x(dt.date(year, 1, 1))
        x1 = scale.width - 1 if year == last else scale.x(dt.date(year + 1, 1, 1))
        if x1 - x0 >= YEAR_LABEL_WIDTH + 2:
            positions.append((year, round((x0 + x1) / 2, 1)))
    return positions


def _quarters(scale: TimeScale) -> list[dt.date]:
    days, day = [], scale.start
    while day <= scale.end:
        days.append(day)
        day = _next_month(day.year, day.month + 2)
    return days


def _quarter_tick(scale: TimeScale, day: dt.date) -> str:
    return _tick(scale.x(day), AXIS_Y, 8 if day.month == 1 else 4)


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
