"""data/figures.yml as typed records: series of dated, sourced points in one unit each.

The schema (schemas/figures.schema.json, with the units of data/story.yml) checks the shape; this
module checks what a schema cannot say clearly: real dates inside the story's span, a value or a
noted range on every point, one unit per series, points oldest first and one per date. Each mistake
is one `data/figures.yml:LINE: ...` problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from ..datafile import DataFileSpec, Records, Reference, ids_in_order
from ..dates import PartialDate, date_span, parse_partial_date
from ..errors import Problem
from ..story import DEFAULT_STORY, DateRange, Story
from ..yamlfile import YamlDocument
from .units import Unit, units_of


@dataclass(frozen=True)
class Point:
    """One reported figure: a value, or a low-high range where sources disagree."""

    date: PartialDate
    sources: tuple[str, ...]
    value: float | None = None
    low: float | None = None
    high: float | None = None
    note: str = ""
    event: str = ""  # id of the event in data/events.yml this figure belongs to
    index: int = 0  # position in the series' points, for messages
    label: str = ""  # drawn beside the point on its chart ('Peak'), with its value

    @property
    def is_range(self) -> bool:
        return self.value is None

    @property
    def extent(self) -> tuple[float, float]:
        """The lowest and highest number this point stands for (equal unless it is a range)."""
        return (self.low, self.high) if self.is_range else (self.value, self.value)


@dataclass(frozen=True)
class Series:
    """One chart's worth of figures: a title, one unit and its points, oldest first."""

    id: str
    title: str
    unit: Unit
    description: str
    points: tuple[Point, ...]
    index: int = 0  # position in data/figures.yml, for messages
    timeline: bool = False  # also shown on the Timeline page
    takeaway: str = ""  # what the chart shows, as its title says it ('X lost three quarters of its value')

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source the series cites, once each (so the Sources check counts them as used)."""
        return tuple(dict.fromkeys(source for point in self.points for source in point.sources))

    def anchor(self, point: Point) -> str:
        """The id of the point's row in the chart's table: figure-SERIES-DATE."""
        return f"figure-{self.id}-{point.date.iso}"

    def value_text(self, point: Point) -> str:
        """The point's figure as readers see it: '$858 billion', '$837.84 billion to $858 billion'."""
        return self.unit.format_range(point.low, point.high) if point.is_range else self.unit.format(point.value)


# Building -------------------------------------------------------------------------------------


def build_figures(document: YamlDocument, story: Story = DEFAULT_STORY) -> tuple[dict[str, Series], list[Problem]]:
    """Typed series by id from a schema-valid data/figures.yml, in the story's units, plus every problem found."""
    first_index, problems = ids_in_order(document)
    records = {}
    units = units_of(story)
    for series_id, index in first_index.items():
        points = _points(document, index, problems, story.span)
        if points is not None:
            entry = document.data[index]
            records[series_id] = Series(**entry | {"unit": units[entry["unit"]], "points": points, "index": index})
    return records, problems


def _points(
    document: YamlDocument, index: int, problems: list[Problem], span: DateRange | None
) -> tuple[Point, ...] | None:
    """The series' points, or None (with problems added) if any point is wrong."""
    entry = document.data[index]
    owner = f"series '{entry['id']}'"
    found = len(problems)
    points = []
    for position, data in enumerate(entry["points"]):
        path = (index, "points", position)
        try:
            date = parse_partial_date(data["date"])
        except ValueError as error:
            problems.append(document.problem((*path, "date"), f"{owner}: {error}"))
            continue
        if located := _point_problem(data, date, entry["unit"], span):
            key, message = located
            problems.append(document.problem((*path, key), f"{owner}: {message}"))
            continue
        written = {key: value for key, value in data.items() if key != "unit"}  # a point's own unit is checked above
        points.append(Point(**written | {"date": date, "sources": tuple(data["sources"]), "index": position}))
    problems += _order_problems(document, index, owner, points)
    return tuple(points) if len(problems) == found else None


def _point_problem(
    data: dict[str, Any], date: PartialDate, series_unit: str, span: DateRange | None
) -> tuple[str, str] | None:
    """(key, message) for the first thing wrong with one well-dated point, or None."""
    written = f"the point dated '{data['date']}'"
    if span is not None and not span.lies_within(date):
        return "date", (
            f"date '{data['date']}' is outside the story's span ({span.text}, {span.where}); "
            "only figures within it are drawn: widen the span there, or leave the point out"
        )
    if (unit := data.get("unit", series_unit)) != series_unit:
        return "unit", (
            f"{written} is in {unit} but the series is in {series_unit}; a chart has one unit "
            "(convert with a sourced rate, or start another series)"
        )
    return _value_problem(data, written)


def _value_problem(data: dict[str, Any], written: str) -> tuple[str, str] | None:
    has = {key: key in data for key in ("value", "low", "high")}
    if has["value"] and (has["low"] or has["high"]):
        return "value", f"{written} gives both value and low/high; give one value, or a range where sources disagree"
    if not any(has.values()):
        return "date", f"{written} has no value; give value, or low and high where sources disagree"
    if has["value"]:
        return None
    if has["low"] != has["high"]:
        given, missing = ("low", "high") if has["low"] else ("high", "low")
        return given, f"{written} gives {given} without {missing}; a range needs both"
    if data["low"] >= data["high"]:
        return "low", f"{written} has low {data['low']:g} not below high {data['high']:g}; a range runs low to high"
    if "note" not in data:
        return "high", f"{written} is a range but has no note; say which source gave which figure"
    return None


def _order_problems(document: YamlDocument, index: int, owner: str, points: list[Point]) -> list[Problem]:
    """Points must run oldest first, one per date (a day inside the previous point's month is a repeat too)."""
    problems = []
    for previous, point in pairwise(points):
        path = (index, "points", point.index, "date")
        start, (previous_start, previous_end) = date_span(point.date)[0], date_span(previous.date)
        if point.date == previous.date:
            first_line = document.line_of((index, "points", previous.index, "date"))
            message = f"two points are dated '{point.date.iso}' (the first on line {first_line}); one point per date"
        elif start < previous_start:
            message = f"the point dated '{point.date.iso}' comes after '{previous.date.iso}'; list points oldest first"
        elif start < previous_end:
            message = (
                f"the point dated '{point.date.iso}' falls within '{previous.date.iso}', the previous point's date; "
                "give each point its own date"
            )
        else:
            continue
        problems.append(document.problem(path, f"{owner}: {message}"))
    return problems


def references(figures: Records[Series]) -> Iterator[Reference]:
    """The sources each point cites, and the event it belongs to."""
    for series in figures:
        owner = f"series '{series.id}'"
        for point in series.points:
            path = (series.index, "points", point.index)
            for position, item in enumerate(point.sources):
                yield Reference((*path, "sources", position), owner, "sources", "source", item)
            if point.event:
                yield Reference((*path, "event"), owner, "events", "event", point.event)


def span_dates(document: YamlDocument) -> Iterator[PartialDate]:
    """The dates of every point of every usable series: with the events', the story's span if data/story.yml
    sets none."""
    for index, entry in enumerate(document.data if isinstance(document.data, list) else ()):
        if index in document.unusable or not isinstance(entry, dict):
            continue
        for point in entry.get("points") or ():
            try:
                yield parse_partial_date(point["date"])
            except (KeyError, TypeError, ValueError):
                continue


SPEC = DataFileSpec(name="figures", build=build_figures, references=references, span_dates=span_dates)
