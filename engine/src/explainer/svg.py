"""The SVG toolkit the Timeline and the charts share: one way to draw and write a picture.

- Elements: `element` and `sub` build an ElementTree, `markup` writes it. The serializer escapes
  every value from data; nothing here escapes by hand.
- Dates: `date_span` (the days a partial date can mean, from explainer.dates), `Span` and `story_span` (the story's
  range: derived from the data unless configured).
- Time: `TimeScale`, dates onto x, in the unit its span calls for (`time_unit`: days, weeks,
  months or years, or the one configured); `time_axis` gives its ticks, gridlines and period
  labels, as many as fit; `draw_time_axis` and `draw_time_grid` draw them.
- Values: `ValueScale`, numbers onto y between round numbers, with labelled gridlines.
- Text: `text_width` (sized for DejaVu Sans, the widest common system font), `fit` (cut short
  with an ellipsis) and `wrap` (lines no wider than a room); `first_layout` places labels clear of each other.

Nothing here names a story, a subject, a date or a unit: they all come in as data. Sizes are in
viewBox units; CSS sets the colours, so pictures follow dark mode and print.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar
from xml.etree.ElementTree import Element, tostring

from .dates import PartialDate, date_span

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
FONT_SIZE = 12  # the text size every width below is measured at, scaled for others
Period = tuple[dt.date, dt.date]  # a stretch of days: the first, and the day after the last

# Elements ---------------------------------------------------------------------------------------

Value = str | int | float | None
Attributes = Mapping[str, Value]


def number(value: float) -> str:
    """A coordinate as written in SVG: at most one decimal, no trailing '.0' ('12', '12.5', '-3')."""
    rounded = round(value, 1) + 0.0  # + 0.0: never '-0'
    return f"{rounded:g}"


def _text(value: Value) -> str:
    return number(value) if isinstance(value, float) else str(value)


def element(tag: str, attributes: Attributes | None = None, text: str | None = None) -> Element:
    """An element; attributes that are None are left out, numbers written by `number`."""
    node = Element(tag, {name: _text(value) for name, value in (attributes or {}).items() if value is not None})
    node.text = text
    return node


def sub(parent: Element, tag: str, attributes: Attributes | None = None, text: str | None = None) -> Element:
    """`element(...)` appended to `parent`."""
    node = element(tag, attributes, text)
    parent.append(node)
    return node


def svg_root(class_: str, width: float, height: float, label: str, **attributes: Value) -> Element:
    """An inline `<svg>` `width` x `height` units, named `label` for assistive technology, left out of the
    search index."""
    return element(
        "svg",
        {
            "class": class_,
            "viewBox": f"0 0 {number(width)} {number(height)}",
            "width": width,
            "height": height,
            **attributes,
            "role": "group",
            "aria-label": label,
            # Out of the search index: a picture's labels, run together, are no text to search (what
            # they say is on the page in words); Material's search removes the attribute from the page.
            "data-search-exclude": "picture",
            "xmlns": SVG_NAMESPACE,
            "xmlns:xlink": XLINK_NAMESPACE,
        },
    )


def link(parent: Element, href: str, label: str, class_: str, **attributes: Value) -> Element:
    """A focusable link inside an SVG, named `label`.

    xlink:href, not href: Material's instant navigation rewrites the href property of every [href]
    element, which is read-only on SVG links and throws. Chromium then no longer exposes the
    element as a link, hence the explicit role.
    """
    return sub(parent, "a", {"class": class_, "xlink:href": href, "role": "link", "aria-label": label, **attributes})


def line(parent: Element, class_: str | None, x1: float, y1: float, x2: float, y2: float, **attributes: Value) -> None:
    sub(parent, "line", {"class": class_, "x1": x1, "y1": y1, "x2": x2, "y2": y2, **attributes})


def rect(
    parent: Element, class_: str | None, x: float, y: float, width: float, height: float, rx: float | None = None
) -> None:
    sub(parent, "rect", {"class": class_, "x": x, "y": y, "width": width, "height": height, "rx": rx})


def text(parent: Element, class_: str, x: float, y: float, content: str, anchor: str | None = None) -> Element:
    return sub(parent, "text", {"class": class_, "x": float(x), "y": float(y), "text-anchor": anchor}, content)


def text_lines(
    parent: Element, class_: str, anchor: str, x: float, y: float, lines: Sequence[str], dy: float, classes: tuple = ()
) -> None:
    """Text in lines `dy` apart, the first's baseline at `y`: one <tspan> each (of the class `classes`
    gives, if any), spaces between them, so a link's text reads as the whole title."""
    node = sub(parent, "text", {"class": class_, "text-anchor": anchor})
    for index, content in enumerate(lines):
        tspan = {"class": classes[index] if classes else None, "x": float(x), "y": y + index * dy}
        sub(node, "tspan", tspan, content).tail = " " if index < len(lines) - 1 else None


def rows(extents: Iterable[tuple[float, float]], gap: float) -> list[int]:
    """The row of each of `extents` (x0, x1), in order: the first where it starts at least `gap` after
    the last extent put there, else a new one."""
    ends: list[float] = []
    found = []
    for x0, x1 in extents:
        row = next((index for index, end in enumerate(ends) if end + gap <= x0), len(ends))
        ends[row : row + 1] = [x1]
        found.append(row)
    return found


def markup(node: Element) -> str:
    """The element as markup, every value escaped by the serializer."""
    return tostring(node, encoding="unicode")


# Dates and the story's span ---------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of days: from `start` to the day before `end`."""

    start: dt.date
    end: dt.date

    def covers(self, date: PartialDate) -> bool:
        first, after = date_span(date)
        return self.start <= first and after <= self.end


def span_of(dates: Iterable[PartialDate], span: Span | None = None) -> Span | None:
    """The days from the first to the last of `dates`, and all of `span` if given (None if there is neither)."""
    spans = [date_span(date) for date in dates] + ([(span.start, span.end)] if span else [])
    if not spans:
        return None
    return Span(min(first for first, _ in spans), max(after for _, after in spans))


def story_span(dates: Iterable[PartialDate], configured: tuple[PartialDate, PartialDate] | None = None) -> Span | None:
    """The story's span: `configured` (start, end), else from the first to the last of `dates` (the
    events' and the figures'); widened for any date outside a configured span, so nothing drawn
    falls off the picture. None when there is neither."""
    chosen = None if configured is None else Span(date_span(configured[0])[0], date_span(configured[1])[1])
    return span_of(dates, chosen)


# Time scales --------------------------------------------------------------------------------------

AUTO = "auto"
TIME_UNITS = ("days", "weeks", "months", "years")
# The longest span each unit is chosen for (in days), when the scale is left to choose.
UNIT_FOR_SPAN = (("days", 31), ("weeks", 62), ("months", 2 * 366 - 1))


def time_unit(span: Span, scale: str = AUTO) -> str:
    """The unit a time axis counts in: `scale` when it names one, else the one `span` calls for
    (days up to a month, weeks up to two months, months up to two years, then years)."""
    if scale != AUTO:
        if scale not in TIME_UNITS:
            raise ValueError(f"unknown time scale '{scale}'; use {AUTO}, {', '.join(TIME_UNITS)}")
        return scale
    return next((unit for unit, longest in UNIT_FOR_SPAN if (span.end - span.start).days <= longest), "years")


DAYS = {"days": 1, "weeks": 7}  # how many days a unit of days is
MONTHS = {"months": 1, "quarters": 3, "years": 12}  # how many months a unit of months is
TICKS = {"years": "quarters"}  # a unit whose axis ticks a smaller one (the others tick their own)


def unit_start(day: dt.date, unit: str) -> dt.date:
    """The start of the `unit` (days, weeks, months, quarters or years) `day` is in."""
    if unit == "days":
        return day
    if unit == "weeks":
        return day - dt.timedelta(days=day.weekday())
    months = MONTHS[unit]
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def unit_end(day: dt.date, unit: str) -> dt.date:
    """The start of the `unit` on or after `day` (a day that starts one is its own end)."""
    start = unit_start(day, unit)
    return start if start == day else next_start(start, unit)


def next_start(day: dt.date, unit: str) -> dt.date:
    """The start of the `unit` after the one that starts on `day`."""
    if unit in DAYS:
        return day + dt.timedelta(days=DAYS[unit])
    month = day.month - 1 + MONTHS[unit]
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class TimeScale:
    """Dates onto x: `start` at `left`, `end` (the day after the last) at `right`, counted in `unit`."""

    start: dt.date
    end: dt.date
    left: float
    right: float
    unit: str = "years"

    def x(self, day: dt.date) -> float:
        fraction = (day - self.start).days / max((self.end - self.start).days, 1)
        return round(self.left + fraction * (self.right - self.left), 1)

    def extent(self, date: PartialDate) -> tuple[float, float]:
        """Where the days a partial date can mean begin and end."""
        first, after = date_span(date)
        return self.x(first), self.x(after)

    def x_of(self, date: PartialDate) -> float:
        """The middle of what a partial date can mean (mid-month for '2023-03')."""
        first, after = self.extent(date)
        return round((first + after) / 2, 1)


def time_scale(span: Span, left: float, right: float, scale: str = AUTO, exact: bool = False) -> TimeScale:
    """A scale over `span` between `left` and `right`, in the unit `scale` names or the span calls for;
    widened to whole units (for years, whole quarters) unless `exact`."""
    unit = time_unit(span, scale)
    if exact:
        return TimeScale(span.start, span.end, left, right, unit)
    tick = TICKS.get(unit, unit)
    return TimeScale(unit_start(span.start, tick), unit_end(span.end, tick), left, right, unit)


# Time axes --------------------------------------------------------------------------------------

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Every how many units a label may go, fewest first; the coarsest that still crowds gives way to
# the next unit up.
LABEL_STEPS = {"days": (1, 2, 7), "weeks": (1, 2), "months": (1, 3, 6), "years": (1, 2, 5, 10)}
COARSER = {"days": "weeks", "weeks": "months", "months": "years"}
LABEL_GAP = 0.4 * FONT_SIZE  # the least space between two labels


@dataclass(frozen=True)
class TimeAxis:
    """What a time axis draws: ticks (x, whether it starts a larger unit), gridlines, and labels
    (centre x, text) each centred on the stretch it names."""

    ticks: tuple[tuple[float, bool], ...]
    grid: tuple[float, ...]
    labels: tuple[tuple[float, str], ...]
    label_unit: str


def time_axis(scale: TimeScale, edges: tuple[float, float]) -> TimeAxis:
    """The ticks, gridlines and as many labels as fit on `scale`, none closer to another than
    LABEL_GAP and none past `edges`.

    Every unit gets a tick, a longer one where a larger unit starts (a year for months and
    quarters, a month for days and weeks). Labels name every unit if they fit, else every second
    (third, ...) one, in the longest form that fits ('January 2025', 'Jan 2025'); where none fits,
    the next unit up is named instead (weeks for days, years for months). Gridlines run from each
    named stretch's start.
    """
    ticks = tuple(
        (scale.x(day), day.day == 1 and (day.month == 1 or scale.unit in ("days", "weeks")))
        for day in _starts(scale.start, TICKS.get(scale.unit, scale.unit), scale.end)
    )
    label_unit = scale.unit
    while True:
        for step in LABEL_STEPS[label_unit]:
            periods = _counted(_periods(scale, label_unit), label_unit, step)
            for form in range(FORMS[label_unit]):
                labels = _labels(scale, label_unit, list(periods), form, edges)
                if labels is not None:
                    grid = tuple(scale.x(first) for first, _ in periods if scale.start < first < scale.end)
                    return TimeAxis(ticks, grid, tuple(labels), label_unit)
        if label_unit not in COARSER:
            return TimeAxis(ticks, (), (), label_unit)
        label_unit = COARSER[label_unit]


def _starts(day: dt.date, unit: str, last: dt.date) -> Iterator[dt.date]:
    """`day`, then the start of each `unit` after it, up to `last`."""
    while day <= last:
        yield day
        day = next_start(day, unit)


def _periods(scale: TimeScale, unit: str) -> list[Period]:
    """Each `unit` that overlaps the scale, as (first day, the day after), clipped to the scale."""
    days = _starts(unit_start(scale.start, unit), unit, scale.end)
    return [(max(day, scale.start), min(next_start(day, unit), scale.end)) for day in days if day < scale.end]


def _counted(periods: list[Period], unit: str, step: int) -> list[Period]:
    """The periods a label goes on, every `step`-th: on round years and months (2020, 2025; January,
    April), by position for days and weeks."""
    if unit == "years":
        return [period for period in periods if period[0].year % step == 0]
    if unit == "months":
        return [period for period in periods if (period[0].month - 1) % step == 0]
    return periods[::step]


FORMS = {"years": 1, "months": 2, "weeks": 3, "days": 3}  # how many forms a unit's labels have


def _label_text(unit: str, form: int, day: dt.date, previous: dt.date | None) -> str:
    """The label of the `unit` starting on `day` (after the labelled one starting on `previous`, if
    any) in its `form`-th form, longest first. Years: '2021'. Months: 'January 2021', 'February';
    else 'Jan 2021', 'Feb'. Days and weeks: '23 Mar 2021', '24 Mar'; else '23 Mar 2021', '24', ...
    '1 Apr'; else without the year (the captions give it)."""
    new_year = previous is None or day.year != previous.year
    month = MONTH_NAMES[day.month - 1]
    if unit == "years":
        return str(day.year)
    if unit == "months":
        name = month if form == 0 else month[:3]
        return f"{name} {day.year}" if new_year else name
    if form > 0 and previous is not None and day.month == previous.month:
        return str(day.day)
    with_year = new_year if form == 0 else form == 1 and previous is None
    return f"{day.day} {month[:3]}" + (f" {day.year}" if with_year else "")


def _labels(
    scale: TimeScale, unit: str, periods: list[Period], form: int, edges: tuple[float, float]
) -> list[tuple[float, str]] | None:
    """Labels centred on `periods`, or None if two would come too close or one would pass an edge. A
    stretch cut short by the scale's start or end loses its label rather than crowd its neighbour."""
    while periods:
        boxes = []  # (left, right, centre, text)
        previous = None
        for first, after in periods:
            content = _label_text(unit, form, unit_start(first, unit), previous)
            width = text_width(content)
            centre = min(max((scale.x(first) + scale.x(after)) / 2, edges[0] + width / 2), edges[1] - width / 2)
            boxes.append((centre - width / 2, centre + width / 2, centre, content))
            previous = unit_start(first, unit)
        clash = next((index for index, (a, b) in enumerate(pairwise(boxes)) if b[0] - a[1] < LABEL_GAP), None)
        if clash is None:
            if any(box[0] < edges[0] - 0.5 or box[1] > edges[1] + 0.5 for box in boxes):
                return None
            return [(round(centre, 1), content) for _, _, centre, content in boxes]
        cut = [index for index in (clash, clash + 1) if not _whole(periods[index], unit)]
        if not cut:
            return None
        del periods[cut[0]]
    return None


def _whole(period: Period, unit: str) -> bool:
    first, after = period
    return unit_start(first, unit) == first and next_start(first, unit) == after


def draw_time_axis(
    parent: Element,
    scale: TimeScale,
    axis: TimeAxis,
    prefix: str,
    line_y: float,
    label_baseline: float,
    tick_lengths: tuple[float, float] = (8, 4),
) -> None:
    """The axis line, a tick per unit (the longer `tick_lengths[0]` where a larger unit starts, going
    down from the line, or up if negative), and the labels on `label_baseline`, in `parent` (the
    caller's group, PREFIX-axis). Classes: PREFIX-axis__line, PREFIX-axis__tick, PREFIX-axis__label."""
    line(parent, f"{prefix}-axis__line", scale.left, line_y, scale.right, line_y)
    for x, major in axis.ticks:
        length = tick_lengths[0] if major else tick_lengths[1]
        line(parent, f"{prefix}-axis__tick", x, line_y, x, line_y + length)
    for x, content in axis.labels:
        text(parent, f"{prefix}-axis__label", x, label_baseline, content, "middle")


def draw_time_grid(parent: Element, axis: TimeAxis, class_: str, top: float, bottom: float) -> None:
    """A gridline from `top` to `bottom` at the start of each labelled stretch."""
    for x in axis.grid:
        line(parent, class_, x, top, x, bottom)


# Value scales -------------------------------------------------------------------------------------

NICE_STEPS = (1, 2, 2.5, 5, 10)


@dataclass(frozen=True)
class ValueScale:
    """Values onto y: `low` at `bottom`, `high` at `top`, gridlines every `step`."""

    low: float
    high: float
    step: float
    top: float
    bottom: float

    def y(self, value: float) -> float:
        return round(self.bottom - (value - self.low) / (self.high - self.low) * (self.bottom - self.top), 1)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [round(self.low + index * self.step, 6) for index in range(count + 1)]


def value_scale(extents: Iterable[tuple[float, float]], top: float, bottom: float, ticks: int = 4) -> ValueScale:
    """From a round number at or below zero (and every low) to one at or above every high, in about
    `ticks` round steps (1, 2, 2.5 or 5 times a power of ten), at least two."""
    extents = list(extents)
    low = min(0.0, *(extent[0] for extent in extents))
    high = max(0.0, *(extent[1] for extent in extents))
    raw = ((high - low) or 1) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(factor * magnitude for factor in NICE_STEPS if factor * magnitude >= raw)
    bottom_value = math.floor(low / step) * step
    return ValueScale(bottom_value, max(math.ceil(high / step) * step, bottom_value + 2 * step), step, top, bottom)


# Text -----------------------------------------------------------------------------------------------

# The site uses the reader's system fonts, so widths are those of the widest common one, DejaVu Sans
# (Linux's default), in em by kind of character, rounded up: text sized for it fits in Helvetica,
# Arial, Segoe UI or Roboto. Narrow, semi-narrow and wide characters; the others below.
CHARACTER_WIDTHS = ((" '.,:;/\\|ijlIJf\u2019", 0.34), ("!()[]-rt\u2013", 0.4), ("%&@mwMW\u2026\u2014", 1.0))
BOLD_WIDENING = 1.15  # DejaVu Sans Bold against Book, at most (lowercase, digits)
ELLIPSIS = "\u2026"


def text_width(content: str, size: float = FONT_SIZE, bold: bool = False) -> float:
    """About how wide `content` is drawn at `size`, in viewBox units (never narrower than it is)."""
    return sum(map(_WIDTHS.__getitem__, content)) * size * (BOLD_WIDENING if bold else 1)


class _Widths(dict):
    """Each character's width in em, worked out once per character met."""

    def __missing__(self, character: str) -> float:
        other = 0.79 if character.isupper() else 0.64  # lowercase, digits, $
        self[character] = width = next((em for kind, em in CHARACTER_WIDTHS if character in kind), other)
        return width


_WIDTHS = _Widths()


def fit(content: str, room: float, bold: bool = False) -> str:
    """`content`, cut short with an ellipsis if it would be wider than `room` (at least 8 characters kept)."""
    if text_width(content, bold=bold) <= room:
        return content
    while len(content) > 8 and text_width(content + ELLIPSIS, bold=bold) > room:
        content = content[:-1].rstrip()
    return content + ELLIPSIS


def wrap(content: str, room: float) -> tuple[str, ...]:
    """`content` in lines no wider than `room`, broken between words (a word wider than `room` keeps
    a line of its own)."""
    lines: list[str] = []
    em = 0.0  # the last line's width in em, summed character by character as `text_width` sums it
    for word in content.split():
        if lines:
            # text_width of the line, a space and the word: the same sum, without summing the line again
            joined = sum(map(_WIDTHS.__getitem__, word), em + _WIDTHS[" "])
            if joined * FONT_SIZE <= room:
                lines[-1], em = f"{lines[-1]} {word}", joined
                continue
        lines.append(word)
        em = sum(map(_WIDTHS.__getitem__, word))
    return tuple(lines) or ("",)


Label = TypeVar("Label")


def first_layout(
    count: int,
    choices: Callable[[int], Iterable[Label]],
    fits: Callable[[Label, list[Label]], bool],
    budget: int,
    fallback: Callable[[int], Sequence[Label]],
) -> list[Label]:
    """Depth first, each of `count` labels' `choices` (by its index) in order of preference: the first layout
    in which every label `fits` those chosen before it. If there is none within `budget` choices tried, each
    label in turn the first of `fallback(index)` that fits those chosen before it, else the last of them."""
    left = [budget]

    def search(chosen: list[Label]) -> list[Label] | None:
        if len(chosen) == count:
            return chosen
        for choice in choices(len(chosen)):
            left[0] -= 1
            if left[0] < 0:
                return None
            if fits(choice, chosen) and (found := search([*chosen, choice])):
                return found
        return None

    if (found := search([])) is not None:
        return found
    chosen: list[Label] = []
    for index in range(count):
        options = fallback(index)
        chosen.append(next((option for option in options if fits(option, chosen)), options[-1]))
    return chosen
