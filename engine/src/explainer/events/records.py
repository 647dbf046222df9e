"""Events as typed records: data/events.yml, the dated facts of the story."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .. import story
from ..datafile import DataFileSpec, Records, Reference, dated_entries, group_by
from ..dates import PartialDate
from ..errors import Problem
from ..yamlfile import YamlDocument

# A sentence ends with . ! or ? (optionally closed by a quote or bracket) followed by a space.
_SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)]?(?=\s+\S)")
_RANKS = {"year": 0, "month": 1, "day": 2}
_ISO_LENGTH = {"year": 4, "month": 7, "day": 10}
CURRENCIES = {"USD": ("$", ""), "HKD": ("HK$", ""), "CNY": ("", " yuan")}  # how an amount is written: prefix, suffix


@dataclass(frozen=True)
class Figure:
    """A number an event is known for: '18.228 billion yuan' labelled 'Antitrust fine'."""

    amount: float
    unit: str
    label: str
    currency: str = ""

    @property
    def display(self) -> str:
        amount = f"{self.amount:,}".removesuffix(".0")
        if self.unit == "percent":
            return f"{amount}%"
        scaled = f"{amount} {self.unit}"
        prefix, suffix = CURRENCIES.get(self.currency, ("", ""))
        return prefix + scaled + suffix

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
        """The published record (events.json / events.csv)."""
        return {
            "id": self.id,
            "date": self.date.iso,
            "precision": self.date.precision,
            "title": self.title,
            "summary": self.summary,
            "sources": list(self.sources),
            "section": self.section,
            "involved": list(self.involved),
            "figures": [figure.as_data() for figure in self.figures],
            "date_note": self.date_note,
            "outside_story_range": self.outside_story_range,
        }


def build_events(document: YamlDocument) -> tuple[dict[str, Event], list[Problem]]:
    """Typed events by id, in chronological order, from a schema-valid data/events.yml."""
    entries, problems = dated_entries(document, "date", "event")
    events = []
    for entry, date, index in entries:
        if problem := _entry_problem(document, index, date, f"event '{entry['id']}'"):
            problems.append(problem)
        else:
            events.append(_event(entry, date, index))
    return {event.id: event for event in sorted(events, key=lambda event: event.sort_key)}, problems


def _event(entry: dict[str, Any], date: PartialDate, index: int) -> Event:
    figures = tuple(Figure(**figure) for figure in entry.get("figures", ()))
    return Event(
        id=entry["id"],
        date=date,
        title=entry["title"],
        summary=entry["summary"],
        sources=tuple(entry["sources"]),
        section=entry["section"],
        involved=tuple(entry["involved"]),
        figures=figures,
        date_note=entry.get("date_note", ""),
        outside_story_range=entry.get("outside_story_range", False),
        headline=entry.get("headline", False),
        index=index,
    )


def _entry_problem(document: YamlDocument, index: int, date: PartialDate, owner: str) -> Problem | None:
    """The first thing wrong with a well-dated entry: its precision, its range or its summary."""
    entry = document.data[index]
    message = (
        _precision_problem(entry["date"], date, entry["precision"])
        or _range_problem(date, entry.get("outside_story_range", False))
        or _summary_problem(entry["summary"])
    )
    return document.problem((index, _field_of(message)), f"{owner}: {message}") if message else None


def _field_of(message: str) -> str:
    return "summary" if message.startswith("summary") else "date"


def _precision_problem(text: str, date: PartialDate, precision: str) -> str:
    """Why the date's form and its declared precision disagree ('' if they agree)."""
    written = date.precision
    if written == precision:
        return ""
    if _RANKS[written] > _RANKS[precision]:
        shortened = date.iso[: _ISO_LENGTH[precision]]
        return (
            f"date '{text}' is written to the {written} but precision is '{precision}'; "
            f"write '{shortened}' (a {precision}-level date is never shown as a {written})"
        )
    return (
        f"date '{text}' is written to the {written} but precision is '{precision}'; "
        "give the full date or lower the precision"
    )


def _range_problem(date: PartialDate, flagged: bool) -> str:
    inside = story.starts_within(date)
    if inside and flagged:
        return f"date '{date.iso}' is inside the story's range ({story.span_text()}); remove outside_story_range"
    if not inside and not flagged:
        return (
            f"date '{date.iso}' is outside the story's range ({story.span_text()}); "
            "if that is right, add outside_story_range: true"
        )
    return ""


def _summary_problem(summary: str) -> str:
    sentences = len(_SENTENCE_END.findall(summary.strip())) + 1
    return f"summary has {sentences} sentences; write one to three" if sentences > 3 else ""


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


SPEC = DataFileSpec(name="events", build=build_events, state=EventsState, references=references)
