"""Checks on events that need more than data/events.yml: the sources, glossary ids and sections they name."""

from __future__ import annotations

from ..datafile import Records, check_ids
from ..errors import Problem
from .records import Event


def unknown_references(events: Records[Event], sources: Records, glossary: Records) -> list[Problem]:
    """Sources and glossary ids that events cite must exist."""
    problems = []
    for event in events:
        owner = f"event '{event.id}'"
        problems += check_ids(events, (event.index, "sources"), event.sources, sources, owner, "source")
        problems += check_ids(events, (event.index, "involved"), event.involved, glossary, owner, "glossary id")
    return problems


def unknown_sections(events: Records[Event], story_sections: set[str]) -> list[Problem]:
    """Each event's section must be a story page (docs/story/<section>.md)."""
    known = ", ".join(sorted(story_sections)) or "none"
    return [
        events.problem(
            (event.index, "section"),
            f"event '{event.id}' names unknown section '{event.section}' (story pages: {known})",
        )
        for event in events
        if event.section not in story_sections
    ]
