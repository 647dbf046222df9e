"""Events as typed records: data/events.yml, the dated facts of the story."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..claims import sentences
from ..datafile import DataFileSpec, Records, Reference, as_written, dated_entries, entry_dates, group_by
from ..dates import PartialDate
from ..errors import Problem
from ..story import DEFAULT_STORY, Currency, DateRange, Story
from ..yamlfile import YamlDocument

# What events.json and events.csv publish of an event, in the order of the CSV's columns.
PUBLISHED = (
    "id",
    "date",
    "precision",
    "title",
    "summary",
    "sources",
    "section",
    "involved",
    "figures",
    "date_note",
    "outside_story_range",
)
_ISO_LENGTH = {"year": 4, "month": 7, "day": 10}  # of a date in ISO form, by precision: longer is finer


@dataclass(frozen=True)
class Figure:
    """A number an event is known for: '$34.5 billion' labelled 'Record listing'."""

    amount: float
    unit: str
    label: str
    currency: str = ""
    written: Currency | None = None  # how an amount in `currency` is written (data/story.yml)

    @property
    def display(self) -> str:
        amount = f"{self.amount:,}".removesuffix(".0")
        if self.unit == "percent":
            return f"{amount}%"
        written = self.written or Currency(self.currency)
        return f"{written.prefix}{amount} {self.unit}{written.suffix}"

    def as_data(self) -> dict[str, Any]:
        data = {"amount": self.amount, "unit": self.unit, "label": self.label}
        return data | ({"currency": self.currency} if self.currency else {})


@dataclass(frozen=True)
class Event:
    id: str
    date: PartialDate
    title: str
    summary: str
    sources: tuple[str, ...]
    section: str
    involved: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    date_note: str = ""
    outside_story_range: bool = False
    headline: bool = False  # one of the few events the Timeline picture names in words
    index: int = 0  # position in data/events.yml, for messages and to order same-day events

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological order; a month-level date sorts before the days of that month."""
        return (self.date.year, self.date.month or 0, self.date.day or 0, self.index)

    @property
    def label(self) -> str:
        """Accessible name of the event wherever it is a link: its date and title."""
        return f"{self.date.display}: {self.title}"

    def as_data(self) -> dict[str, Any]:
        """The published record (events.json / events.csv): the fields PUBLISHED names, in its order."""
        derived = {"date": self.date.iso, "precision": self.date.precision}
        figures = [figure.as_data() for figure in self.figures]
        return {key: getattr(self, key, None) for key in PUBLISHED} | derived | {"figures": figures}


def build_events(document: YamlDocument, story: Story = DEFAULT_STORY) -> tuple[dict[str, Event], list[Problem]]:
    """Typed events by id, in chronological order, from a schema-valid data/events.yml: dated within the
    story's span (or marked outside it), as many headline events as data/story.yml allows."""
    entries, problems = dated_entries(document, "date", "event")
    events = []
    for entry, date, index in entries:
        if problem := _entry_problem(document, index, date, f"event '{entry['id']}'", story.span):
            problems.append(problem)
        else:
            events.append(_event(entry, date, index, story))
    problems += _headline_problems(document, story)
    return {event.id: event for event in sorted(events, key=lambda event: event.sort_key)}, problems


def _event(entry: dict[str, Any], date: PartialDate, index: int, story: Story) -> Event:
    figures = tuple(
        Figure(**figure, written=story.currencies.get(figure.get("currency", "")))
        for figure in entry.get("figures", ())
    )
    written = as_written(entry)
    del written["precision"]  # the date says it
    return Event(**written | {"date": date, "figures": figures, "index": index})


def _entry_problem(
    document: YamlDocument, index: int, date: PartialDate, owner: str, span: DateRange | None
) -> Problem | None:
    """The first thing wrong with a well-dated entry: its precision, its range or its summary."""
    entry = document.data[index]
    message = (
        _precision_problem(entry["date"], date, entry["precision"])
        or _range_problem(date, entry.get("outside_story_range", False), span)
        or _summary_problem(entry["summary"])
    )
    key = "summary" if message.startswith("summary") else "date"
    return document.problem((index, key), f"{owner}: {message}") if message else None


def _precision_problem(text: str, date: PartialDate, precision: str) -> str:
    """Why the date's form and its declared precision disagree ('' if they agree)."""
    written = date.precision
    if written == precision:
        return ""
    if _ISO_LENGTH[written] > _ISO_LENGTH[precision]:
        fix = f"write '{date.iso[: _ISO_LENGTH[precision]]}' (a {precision}-level date is never shown as a {written})"
    else:
        fix = "give the full date or lower the precision"
    return f"date '{text}' is written to the {written} but precision is '{precision}'; {fix}"


def _range_problem(date: PartialDate, flagged: bool, span: DateRange | None) -> str:
    if span is None:
        return ""
    inside = span.starts_within(date)
    if inside and flagged:
        return f"date '{date.iso}' is inside the story's span ({span.text}, {span.where}); remove outside_story_range"
    if not inside and not flagged:
        return (
            f"date '{date.iso}' is outside the story's span ({span.text}, {span.where}); widen the span there, "
            "or, if the event is background, add outside_story_range: true"
        )
    return ""


def _headline_problems(document: YamlDocument, story: Story) -> list[Problem]:
    """The Timeline names every headline event: no more of them than data/story.yml allows, nor fewer."""
    least, most = story.headline_events
    marked = [
        index
        for index, entry in enumerate(document.data)
        if index not in document.unusable and isinstance(entry, dict) and entry.get("headline") is True
    ]
    setting = f"timeline: headline_events in data/story.yml asks for {least} to {most}"
    if len(marked) > most:
        message = (
            f"{len(marked)} events are marked headline: true, but {setting}; "
            "take headline: true off the least important, or raise max there"
        )
        return [document.problem((marked[most], "headline"), message)]
    if len(marked) < least and (len(document.data) - len(document.unusable)) >= least:
        message = (
            f"{len(marked)} event{'s are' if len(marked) != 1 else ' is'} marked headline: true, but {setting}; "
            "mark the events that matter most with headline: true, or lower min there"
        )
        return [document.problem((), message)]
    return []


def _summary_problem(summary: str) -> str:
    count = len(sentences(summary, loose=False))
    return f"summary has {count} sentences; write one to three" if count > 3 else ""


def references(events: Records[Event]) -> Iterator[Reference]:
    """The sources each event cites, and the glossary entries it involves."""
    for event in events:
        for target, key, noun in (("sources", "sources", "source"), ("glossary", "involved", "glossary id")):
            for position, item in enumerate(getattr(event, key)):
                yield Reference((event.index, key, position), f"event '{event.id}'", target, noun, item)


@dataclass
class EventsState:
    """What one build knows of the events."""

    records: Records[Event]

    @property
    def in_order(self) -> list[Event]:
        """Every event, in chronological order (the order of the records)."""
        return list(self.records)

    @cached_property
    def by_section(self) -> dict[str, list[Event]]:
        """Each section's events in chronological order, grouped once per build."""
        return group_by(self.records, lambda event: event.section)


def span_dates(document: YamlDocument) -> Iterator[PartialDate]:
    """The dates of the usable events not marked outside_story_range: with the figures' points, the story's
    span if data/story.yml sets none."""
    return entry_dates(document, "date", skip=lambda entry: entry.get("outside_story_range") is True)


SPEC = DataFileSpec(name="events", build=build_events, state=EventsState, references=references, span_dates=span_dates)
