"""References from data/figures.yml to the other data files: sources and events must exist."""

from __future__ import annotations

from ..datafile import Records, check_ids
from ..errors import Problem
from .records import Series


def unknown_references(figures: Records[Series], sources: Records, events: Records) -> list[Problem]:
    """Every point's sources are ids in data/sources.yml; its event, if any, an id in data/events.yml."""
    problems = []
    for series in figures:
        owner = f"series '{series.id}'"
        for point in series.points:
            path = (series.index, "points", point.index)
            problems += check_ids(figures, (*path, "sources"), point.sources, sources, owner, "source")
            if point.event and not events.knows(point.event):
                problems.append(figures.problem((*path, "event"), f"{owner} cites unknown event '{point.event}'"))
    return problems
