"""References from data/figures.yml to the other data files: sources and events must exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from ..records import check_ids

if TYPE_CHECKING:
    from ..data import SiteData


def check_figure_references(site: SiteData) -> list[Problem]:
    """Every point's sources are ids in data/sources.yml; its event, if any, an id in data/events.yml."""
    document = site.documents.get("figures")
    if document is None:
        return []
    events = site.records.get("events", {})
    problems = []
    for series in site.records.get("figures", {}).values():
        owner = f"series '{series.id}'"
        for point in series.points:
            path = (series.index, "points", point.index)
            problems += check_ids(document, (*path, "sources"), list(point.sources), site.sources, owner, "source")
            if point.event and point.event not in events:
                problems.append(document.problem((*path, "event"), f"{owner} cites unknown event '{point.event}'"))
    return problems
