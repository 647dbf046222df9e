"""The Timeline picture, drawn at build time as inline SVG (no JavaScript needed to read it).

Time runs along the top, in the unit the story's span calls for (days, weeks, months or years;
explainer/svg.py, the toolkit the charts share). Each story section (chapter) is a lane, in the
order it is given: its title, then a band from its first event to its last. Events known to the day are
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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from .. import svg
from ..datafile import group_by
from ..svg import date_span, markup, sub, text_width

if TYPE_CHECKING:
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
LABEL_BASELINE = 13  # the time labels along the top
AXIS_Y = 20  # the top axis line; ticks hang from it
AXIS_GROUP = {"class": "timeline-axis", "aria-hidden": "true"}
LANE_COLOURS = 8  # timeline-lane--0 ... --7 in docs/assets/explainer.css
HEADLINE_WRAP = 200  # a headline label wraps at this width, or narrower where it must
HEADLINE_NARROWEST = 70
HEADLINE_LINE = 14  # line height of headline labels (12 px text)
HEADLINE_TOP_GAP = 5  # between a lane's band and its first row of headline labels
HEADLINE_ROW_GAP = 6  # between rows of headline labels
HEADLINE_INSET = 4  # from the leader line to the text
LABEL_GAP = 8  # minimum space between two labels side by side
TITLE_SIZE = 13  # px, bold: the lane titles
CLOSEUP_GAP_DAYS = 45  # events closer than this belong to one cluster
CLOSEUP_MIN_EVENTS = 5  # a cluster this big gets its own close-up with a labelled row per event
CLOSEUP_MAX_EVENTS = 40  # beyond this a close-up is no longer something to take in at a glance
CLOSEUP_MAX_DAYS = 190  # nor when it spans more than about six months
CLOSEUP_ROW_HEIGHT = 22


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


def scale_for(
    events: Sequence[Event], width: float = WIDTH, span: svg.Span | None = None, scale: str = svg.AUTO
) -> svg.TimeScale:
    """Dates onto x across a picture `width` units wide: the story's `span` (by default, its
    events'), widened for any event outside it, in the unit `scale` names or the span calls for."""
    span = svg.span_of((event.date for event in events), span)
    if span is None:  # no event and no span: an empty picture, without an axis
        return svg.TimeScale(dt.date.min, dt.date.min, MARGIN, width - MARGIN)
    return svg.time_scale(span, MARGIN, width - MARGIN, scale)


# Layout -----------------------------------------------------------------------------------------


def lane_marks(events: Sequence[Event], scale: svg.TimeScale) -> list[Mark]:
    """Marks for one lane's events, each in the first row where it overlaps nothing."""
    extents = [_extent(event, scale) for event in events]
    rows = svg.rows(extents, MARK_GAP)
    return [Mark(event, x0, x1, row) for event, (x0, x1), row in zip(events, extents, rows, strict=True)]


def _extent(event: Event, scale: svg.TimeScale) -> tuple[float, float]:
    start_x, end_x = scale.extent(event.date)
    if event.date.precision == "day":
        return start_x - DOT_RADIUS, start_x + DOT_RADIUS
    middle, half = (start_x + end_x) / 2, max((end_x - start_x) / 2, DOT_RADIUS)
    return middle - half, middle + half


WRAPS = range(HEADLINE_WRAP, HEADLINE_NARROWEST - 1, -30)  # the widths a headline label may wrap at


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
        mark.centre + _wrapped(mark.event.title, HEADLINE_WRAP)[1] > width - MARGIN / 2 for mark in headlines
    )
    options = {mark.event.id: _label_options(mark, width, prefer_end) for mark in headlines}
    ending = {mark.event.id for mark in headlines if options[mark.event.id][0][2] == mark.centre}
    order = sorted(headlines, key=lambda mark: (0, mark.centre) if mark.event.id in ending else (1, -mark.centre))
    # Each label's boxes in order, and for each box the rows nearest the band first: where the first
    # choice keeps every label clear, it is the layout found first.
    found = svg.first_layout(
        len(order),
        lambda index: (
            Headline(order[index], *box, row) for box in options[order[index].event.id] for row in range(index + 1)
        ),
        _keeps_clear,
        SEARCH_STEPS,
        # Failing that, each label's first box in the first row that keeps it clear, else a new row.
        lambda index: [Headline(order[index], *options[order[index].event.id][0], row) for row in range(index + 1)],
    )
    return sorted(found, key=lambda label: label.mark.centre)


SEARCH_STEPS = 20_000  # rows and boxes tried before the first choice stands, crossings and all


def _wrapped(title: str, room: float) -> tuple[tuple[str, ...], float]:
    """A headline's title in lines at most `room` wide (a longer word keeps its own line), and its label's width."""
    lines = svg.wrap(title, room)
    return lines, HEADLINE_INSET + max(text_width(line) for line in lines)


Option = tuple[tuple[str, ...], float, float]  # a label's lines and the x extent of their box


def _label_options(mark: Mark, width: float, prefer_end: bool) -> list[Option]:
    """The boxes a label may take, best first: at the widest wrap that fits, starting at the mark, or
    ending there if it would run off the right edge or `prefer_end` (in a picture too narrow for
    any, the narrowest starting at the mark, past the edge); then every other way round or narrower
    wrap that stays inside the picture."""
    x, left, right = mark.centre, MARGIN / 2, width - MARGIN / 2
    best, inside = None, []
    for room in WRAPS:
        lines, size = _wrapped(mark.event.title, room)
        ending, starting = (lines, x - size, x), (lines, x, x + size)
        if best is None and x - size >= left and (prefer_end or x + size > right):
            best = ending
        elif best is None and x + size <= right:
            best = starting
        inside += [option for option in (ending, starting) if option[1] >= left and option[2] <= right]
    best = best or starting
    return [best, *(option for option in dict.fromkeys(inside) if option != best)]


def _keeps_clear(label: Headline, placed: Sequence[Headline]) -> bool:
    """True if `label` overlaps no label in its row, and crosses no leader line and no label on the way."""
    x0, x1, leader, row = label.x0, label.x1, label.leader, label.row
    for other in placed:
        if other.row == row and x0 < other.x1 + LABEL_GAP and other.x0 < x1 + LABEL_GAP:
            return False  # side by side in one row
        if other.row < row and other.x0 < leader < other.x1:
            return False  # our leader line would cross a label nearer the band
        if other.row > row and x0 < other.leader < x1:
            return False  # we would cover the leader line of a label further from the band
    return True


LABELS = (0, 12)  # by default: as many events named in words as fit, up to twelve


def name_events(
    lanes: Mapping[str, Sequence[Mark]], width: float = WIDTH, limits: tuple[int, int] = LABELS
) -> dict[str, list[Headline]]:
    """The labels of each lane (by section): every headline event's, then others', up to `limits`
    (least, most) in all, each clear of the others (`_keeps_clear`).

    Headline events are always named. Others are added one at a time, to the lane with the fewest
    labels first (then in the order given), its events in date order: in a row the lane's labels
    already take (a lane with none gets one), or, until `least` are named, in a new row.
    """
    least, most = limits
    named = {section: headline_labels(marks, width) for section, marks in lanes.items()}
    waiting = {section: [mark for mark in marks if not mark.event.headline] for section, marks in lanes.items()}
    total = sum(len(labels) for labels in named.values())
    while total < most and any(waiting.values()):
        for section in sorted(named, key=lambda section: len(named[section])):
            label = _first_that_fits(waiting[section], named[section], width, grow=total < least)
            if label is not None:
                named[section].append(label)
                total += 1
                break
        else:
            break
    return {section: sorted(labels, key=lambda label: label.mark.centre) for section, labels in named.items()}


def _first_that_fits(waiting: list[Mark], placed: list[Headline], width: float, grow: bool) -> Headline | None:
    """The first waiting mark's label that fits among `placed`; marks that fit nowhere leave the queue."""
    rows = max((label.row for label in placed), default=-1) + 1
    prefer_end = any(label.anchor == "end" for label in placed)
    while waiting:
        mark = waiting.pop(0)
        for box in _label_options(mark, width, prefer_end):
            for row in range(max(rows, 1) + grow):
                if _keeps_clear(label := Headline(mark, *box, row), placed):
                    return label
    return None


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
    span: svg.Span | None = None,
    scale: str = svg.AUTO,
    labels: tuple[int, int] = LABELS,
) -> str:
    """The whole picture as one `<svg>` element `width` units wide: time along the top, then a lane
    per section, in `section_order` (the reading order). `span` is the story's (by default, its
    events'), `scale` the unit of time to draw it in (by default, the one the span calls for),
    `labels` how many events to name in words, at least and at most (`name_events`)."""
    times = scale_for(events, width, span, scale)
    lanes = lane_numbers(section_order)
    by_section = group_by(events, lambda event: event.section)
    marks = {section: lane_marks(by_section.get(section, []), times) for section in section_order}
    named = name_events(marks, width, labels)
    drawn, y = [], float(AXIS_HEIGHT)
    for section in section_order:
        lane, y = _lane(marks[section], named[section], times, y, lane_class(section, lanes), section_title(section))
        drawn.append(lane)
    height = y
    first, last = (events[0].date.display, events[-1].date.display) if events else ("", "")
    name = f"Timeline of {len(events)} events, {first} to {last}, by chapter of the story"
    root = svg.svg_root(f"timeline-svg timeline-svg--{'wide' if width >= WIDTH else 'narrow'}", width, height, name)
    if times.end > times.start:
        axis = svg.time_axis(times, (1, width - 1))
        svg.draw_time_grid(root, axis, "timeline-grid", AXIS_Y, height)
        svg.draw_time_axis(sub(root, "g", AXIS_GROUP), times, axis, "timeline", AXIS_Y, LABEL_BASELINE)
    root.extend(drawn)
    return markup(root)


def _lane(
    marks: list[Mark], labels: list[Headline], scale: svg.TimeScale, top: float, colour: str, title: str
) -> tuple[Element, float]:
    rows = max((mark.row for mark in marks), default=0) + 1
    band_top = top + LABEL_HEIGHT
    band_height = rows * ROW_HEIGHT + BAND_PADDING
    x0 = min((mark.x0 for mark in marks), default=MARGIN) - BAND_PADDING
    x1 = max((mark.x1 for mark in marks), default=MARGIN) + BAND_PADDING
    lane = svg.element("g", {"class": f"timeline-lane {colour}"})
    svg.rect(lane, "timeline-band", x0, band_top, x1 - x0, band_height, ROW_HEIGHT / 2)
    # The chapter's title over the start of its band, moved left as far as needed to stay inside.
    title_x = max(MARGIN, min(x0, scale.right - text_width(title, TITLE_SIZE, bold=True)))
    svg.text(lane, "timeline-lane__label", title_x, top + LABEL_HEIGHT - 5, title)
    headlines = {label.mark.event.id: label for label in labels}
    # The top of each row of headline labels, and (last) the bottom of the lowest row. A row no label took
    # (the fallback layout's new row can leave one) takes no room.
    row_tops = [band_top + band_height + HEADLINE_TOP_GAP]
    for row in range(max((label.row for label in labels), default=-1) + 1):
        lines = max((len(label.lines) for label in labels if label.row == row), default=0)
        row_tops.append(row_tops[-1] + (lines * HEADLINE_LINE + HEADLINE_ROW_GAP if lines else 0))
    # Leader lines go under every mark, so one that passes a neighbouring dot doesn't cross it.
    for mark in marks:
        if headline := headlines.get(mark.event.id):
            x, y = headline.leader, row_tops[headline.row] + HEADLINE_LINE
            svg.line(lane, "timeline-headline__leader", x, _centre_y(mark, band_top), x, y, **{"aria-hidden": "true"})
    for mark in marks:
        link = _mark(lane, mark, _centre_y(mark, band_top))
        if headline := headlines.get(mark.event.id):  # its label's lines, beside its leader line, inside the link
            x = headline.leader + (HEADLINE_INSET if headline.anchor == "start" else -HEADLINE_INSET)
            y = row_tops[headline.row] + HEADLINE_LINE - 3
            svg.text_lines(link, "timeline-headline__label", headline.anchor, x, y, headline.lines, HEADLINE_LINE)
    return lane, (row_tops[-1] if headlines else band_top + band_height) + LANE_GAP


def _centre_y(mark: Mark, band_top: float) -> float:
    return band_top + BAND_PADDING / 2 + (mark.row + 0.5) * ROW_HEIGHT


def _mark(parent: Element, mark: Mark, centre_y: float) -> Element:
    """The event's mark as a link to its entry, named by its date and title.

    No <title> child: the browser's own tooltip would double the one previews.js shows from
    data-tooltip on hover and focus.
    """
    label = mark.event.label
    headline = " timeline-mark--headline" if mark.event.headline else ""
    link = svg.link(parent, f"#{mark.event.id}", label, f"timeline-mark{headline}", **{"data-tooltip": label})
    if mark.is_dot:
        sub(link, "circle", {"cx": float(mark.centre), "cy": float(centre_y), "r": DOT_RADIUS})
    else:
        svg.rect(link, None, mark.x0, centre_y - BAR_HEIGHT / 2, mark.x1 - mark.x0, BAR_HEIGHT, BAR_HEIGHT / 2)
    return link


# Close-ups ----------------------------------------------------------------------------------------


def closeup_windows(events: Sequence[Event]) -> list[tuple[dt.date, dt.date]]:
    """Whole-month windows around each short run of closely spaced events (5 to 40, within about six months)."""
    clusters: list[list[Event]] = []
    for previous, event in pairwise([None, *events]):
        if previous is None or (date_span(event.date)[0] - date_span(previous.date)[0]).days > CLOSEUP_GAP_DAYS:
            clusters.append([])
        clusters[-1].append(event)
    windows = [
        (
            svg.unit_start(date_span(cluster[0].date)[0], "months"),
            svg.unit_end(date_span(cluster[-1].date)[1], "months"),
        )
        for cluster in clusters
        if CLOSEUP_MIN_EVENTS <= len(cluster) <= CLOSEUP_MAX_EVENTS
    ]
    return [(start, end) for start, end in windows if (end - start).days <= CLOSEUP_MAX_DAYS]


def closeup_svg(
    events: Sequence[Event], section_order: Sequence[str], start: dt.date, end: dt.date, width: float = WIDTH
) -> str:
    """One labelled row per event between `start` and `end`, on an axis in the unit the window calls
    for, `width` units wide: each title whole, wrapped beside its mark on the side with more room."""
    times = svg.time_scale(svg.Span(start, end), MARGIN, width - MARGIN, exact=True)
    shown = [event for event in events if start <= date_span(event.date)[0] < end]
    lanes = lane_numbers(section_order)
    rows, top = [], 0.0
    for event in shown:
        row, top = _closeup_row(event, times, width, top, lane_class(event.section, lanes))
        rows.append(row)
    bottom = top + 6
    height = bottom + AXIS_HEIGHT
    name = f"Close-up of {len(shown)} events from {start:%B %Y} to {end - dt.timedelta(days=1):%B %Y}"
    modifier = "wide" if width >= WIDTH else "narrow"
    root = svg.svg_root(f"timeline-svg timeline-svg--closeup timeline-closeup--{modifier}", width, height, name)
    sub(root, "title", text=name)
    axis = svg.time_axis(times, (1, width - 1))
    svg.draw_time_grid(root, axis, "timeline-grid", 0, bottom)
    root.extend(rows)
    svg.draw_time_axis(sub(root, "g", AXIS_GROUP), times, axis, "timeline", bottom + 4, bottom + 24, (6, 6))
    return markup(root)


def _closeup_row(event: Event, scale: svg.TimeScale, width: float, top: float, colour: str) -> tuple[Element, float]:
    """One event's row of a close-up, from `top`: its mark, and its title whole, wrapped beside it on the side
    with more room; and where the next row starts."""
    mark = Mark(event, *_extent(event, scale))
    right_room = width - MARGIN / 2 - mark.x1 - 6
    left_room = mark.x0 - 6 - MARGIN / 2
    x, anchor, room = (mark.x1 + 6, "start", right_room) if right_room >= left_room else (mark.x0 - 6, "end", left_room)
    lines = tuple(svg.fit(line, room) for line in svg.wrap(event.title, room))
    centre_y = top + CLOSEUP_ROW_HEIGHT / 2 + 3
    lane = svg.element("g", {"class": f"timeline-lane {colour}"})
    link = _mark(lane, mark, centre_y)
    svg.text_lines(link, "timeline-closeup__label", anchor, x, centre_y + 4, lines, HEADLINE_LINE)
    return lane, top + CLOSEUP_ROW_HEIGHT + (len(lines) - 1) * HEADLINE_LINE


# Captions -------------------------------------------------------------------------------------------


def overview_caption(events: Sequence[Event], span: svg.Span | None = None, scale: str = svg.AUTO) -> str:
    """How to read the overview, naming the unit its time runs in."""
    unit = scale_for(events, WIDTH, span, scale).unit
    return (
        f"{unit.capitalize()} run along the top. Each chapter of the story is a band, named above it, "
        "from its first event to its last, in the order the story tells them. Each dot is an event, placed "
        "by date; pale bars are events known only to the month. The events that matter most are circled "
        "and named, and others are named where there is room; point at, focus or tap any other mark for its "
        "date and title, and select a mark to jump to its entry below."
    )
